"""The dbt models (staging → intermediate → marts) as Dagster assets; dbt tests become asset checks."""

from collections.abc import Mapping
from typing import Any

from dagster import AssetExecutionContext
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from pipelines.defs.project import dbt_project
from pipelines.defs.resources import WarehouseResource, dbt_database


class NarcowatchDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        # Group models by their layer folder: staging, intermediate, marts.
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if dbt_resource_props["resource_type"] == "model" and len(fqn) > 2 else None


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=NarcowatchDbtTranslator())
def dbt_models(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    with dbt_database(warehouse.files.build):
        invocation = dbt.cli(["build"], context=context)
    yield from invocation.stream()
