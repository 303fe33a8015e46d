"""The jobs: every asset, one run at a time per warehouse; in one process, or spread over processes."""

from dagster import (
    AssetSelection,
    define_asset_job,
    in_process_executor,
    multiprocess_executor,
)

# In one process the warehouse resource (and its run lock) spans the whole run, and the
# DuckDB build file is opened by one step at a time.
narcowatch_job = define_asset_job(
    name="narcowatch",
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    description="Ingest the articles folder, extract facts, build the dbt marts and publish the warehouse.",
    tags={"narcowatch/warehouse": "build"},
)

# The same graph with every step in its own process: the extraction shards run in parallel
# (the first step past one machine: swap this executor for the Kubernetes or Celery one).
narcowatch_parallel_job = define_asset_job(
    name="narcowatch_parallel",
    selection=AssetSelection.all(),
    # Step processes fork from a server that has already imported the code (about 5 s each).
    executor_def=multiprocess_executor.configured(
        {"start_method": {"forkserver": {"preload_modules": ["pipelines.definitions"]}}}
    ),
    description="The narcowatch job with steps in separate processes: extraction shards run in parallel.",
    tags={"narcowatch/warehouse": "build"},
)
