"""The main job: every asset, in one process, one run at a time per warehouse."""

from dagster import AssetSelection, define_asset_job, in_process_executor

# In one process the warehouse resource (and its run lock) spans the whole run, and the
# DuckDB build file is opened by one step at a time.
narcowatch_job = define_asset_job(
    name="narcowatch",
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    description="Ingest the articles folder, extract facts, build the dbt marts and publish the warehouse.",
    tags={"narcowatch/warehouse": "build"},
)
