"""The one Dagster entry point: `dagster dev -m pipelines.definitions` (or `make dev`)."""

from dagster import Definitions

from pipelines.defs.assets.dbt import dbt_models
from pipelines.defs.assets.extraction import extract_facts, reference_tables
from pipelines.defs.assets.ingest import ingest_articles
from pipelines.defs.assets.publish import published_warehouse
from pipelines.defs.checks import seizure_checks
from pipelines.defs.jobs import narcowatch_job, narcowatch_parallel_job
from pipelines.defs.loggers import progress_logger
from pipelines.defs.resources import (
    ArticlesFolderResource,
    WarehouseResource,
    dbt_resource,
)
from pipelines.defs.schedules import daily_schedule
from pipelines.defs.sensors import new_articles_sensor

defs = Definitions(
    assets=[ingest_articles, extract_facts, reference_tables, dbt_models, published_warehouse],
    asset_checks=[seizure_checks],
    jobs=[narcowatch_job, narcowatch_parallel_job],
    schedules=[daily_schedule],
    sensors=[new_articles_sensor],
    resources={
        "articles_folder": ArticlesFolderResource(),
        "warehouse": WarehouseResource(),
        "dbt": dbt_resource(),
    },
    loggers={"progress": progress_logger},
)
