"""The dbt models (staging → intermediate → marts) as Dagster assets; dbt tests become asset checks."""

from collections.abc import Mapping
from typing import Any

from dagster import AssetExecutionContext, Failure, Output
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from pipelines.defs.assets.config import RefreshConfig
from pipelines.defs.project import dbt_project
from pipelines.defs.resources import WarehouseResource, dbt_database
from pipelines.warehouse import scalar


class NarcowatchDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        # Group models by their layer folder: staging, intermediate, marts.
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if dbt_resource_props["resource_type"] == "model" and len(fqn) > 2 else None


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=NarcowatchDbtTranslator())
def dbt_models(
    context: AssetExecutionContext, config: RefreshConfig, dbt: DbtCliResource, warehouse: WarehouseResource
):
    # dbt's artefacts live with the build file they describe; reusing the folder lets dbt parse
    # partially from the second run on (its parse cache is keyed on the build file's path).
    target = warehouse.files.build_dir / "dbt-target"
    # A full refresh also rebuilds the incremental marts from scratch (needed after their SQL changes).
    args = ["build", "--full-refresh"] if config.full_refresh else ["build"]
    with dbt_database(warehouse.files.build):
        invocation = dbt.cli(args, context=context, raise_on_error=False, target_path=target)
    # dbt holds the DuckDB file until it exits: collect its events first, then count rows.
    events = list(invocation.stream())
    with warehouse.connect(read_only=True) as con:
        for event in events:
            node = built_table(invocation.manifest, event)
            if node is not None:
                event = event.with_metadata({**event.metadata, "dagster/row_count": row_count(con, node)})
            yield event
    if not invocation.is_successful():
        run_results = invocation.get_artifact("run_results.json")
        raise Failure(description=f"dbt build failed: {failed_nodes(run_results, invocation.manifest)}")


def built_table(manifest: Mapping[str, Any], event: object) -> Mapping[str, Any] | None:
    """The manifest node of a table dbt has just built, or None for any other event."""
    if not isinstance(event, Output) or "unique_id" not in event.metadata:
        return None
    node = manifest["nodes"].get(event.metadata["unique_id"].value)
    return node if node is not None and node["config"]["materialized"] == "table" else None


def row_count(con, node: Mapping[str, Any]) -> int:
    # Schema and name come from the dbt manifest, not from input data. The catalog is left out:
    # it is named after the warehouse file, which the manifest cannot know.
    return scalar(con, f'select count(*) from "{node["schema"]}"."{node["alias"]}"')


def failed_nodes(run_results: Mapping[str, Any], manifest: Mapping[str, Any]) -> str:
    """'test not_null_x failed (3 rows); model y errored: …' from dbt's run_results.json."""
    problems, incremental_failed = [], False
    for result in run_results.get("results", []):
        kind, _, name = result["unique_id"].split(".")[:3]  # e.g. test.narcowatch.not_null_x.hash
        if result["status"] == "fail":
            problems.append(f"{kind} {name} failed ({result.get('failures')} rows)")
        elif result["status"] == "error":
            message = (result.get("message") or "").strip().splitlines()[:1]
            problems.append(f"{kind} {name} errored: {message[0] if message else 'no message'}")
            node = manifest["nodes"].get(result["unique_id"], {})
            incremental_failed |= node.get("config", {}).get("materialized") == "incremental"
    if incremental_failed:
        problems.append("incremental marts keep the rows of earlier runs: after a change to their SQL, "
                        "run once with --full-refresh")
    return "; ".join(problems) or "see the dbt log"
