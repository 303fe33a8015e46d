"""The first step past one machine: extraction shards run in parallel processes give the same marts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from warehouse_queries import mart_snapshot

pytestmark = pytest.mark.e2e


def test_parallel_job_builds_the_same_marts_as_the_single_process_run(
    seeds_warehouse, seeded_articles_dir, tmp_path, dbt_manifest
):
    warehouse = tmp_path / "parallel" / seeds_warehouse.name
    warehouse.parent.mkdir()
    config = tmp_path / "run.yaml"
    config.write_text(
        f"""
resources:
  warehouse: {{config: {{path: "{warehouse}"}}}}
  articles_folder: {{config: {{path: "{seeded_articles_dir}"}}}}
ops:
  extract_facts: {{ops: {{plan_extraction_shards: {{config: {{shards: 2}}}}}}}}
"""
    )
    dagster_home = tmp_path / "dagster_home"
    dagster_home.mkdir()
    done = subprocess.run(
        [str(Path(sys.executable).parent / "dagster"), "job", "execute", "-m", "pipelines.definitions",
         "-j", "narcowatch_parallel", "-c", str(config)],
        env={**os.environ, "DAGSTER_HOME": str(dagster_home)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    log = done.stdout + done.stderr
    assert "extract_facts.extract_shard[shard_0000]" in log and "extract_facts.extract_shard[shard_0001]" in log
    assert mart_snapshot(warehouse) == mart_snapshot(seeds_warehouse)
