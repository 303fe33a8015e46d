"""Publishing: the finished build file replaces the analysts' warehouse in one atomic rename."""

from dagster import MaterializeResult, MetadataValue, asset

from pipelines import warehouse as warehouse_files
from pipelines.defs.assets import keys
from pipelines.defs.assets.dbt import dbt_models
from pipelines.defs.metadata import table_rows
from pipelines.defs.resources import WarehouseResource

PUBLISHED_MARTS = ["dim_articles", "fct_seizures", "seizures_by_country", "seizures_by_actor", "rejected_articles"]


@asset(
    key=keys.PUBLISHED_WAREHOUSE,
    group_name="warehouse",
    deps=list(dbt_models.keys),
    description="The DuckDB file analysts open. Replaced whole, only after every model and test has passed.",
)
def published_warehouse(warehouse: WarehouseResource) -> MaterializeResult:
    files = warehouse.files
    with warehouse.connect(read_only=True) as con:
        rows = table_rows(con, PUBLISHED_MARTS, schema="marts")
    warehouse_files.publish(files)
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(files.published)),
            "size_mb": round(files.published.stat().st_size / 1e6, 2),
            **{f"marts.{name}": count for name, count in rows.items()},
        }
    )
