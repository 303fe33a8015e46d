"""Run the whole asset graph through Dagster for any articles folder and warehouse file."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pipelines import settings


class RunFailed(RuntimeError):
    pass


DBT_SOURCES = ("models", "macros", "tests", "dbt_project.yml", "profiles.yml")


def ensure_dbt_manifest() -> None:
    """Parse the dbt project if its manifest is missing or older than the project's files.

    Definitions load the dbt models from the manifest: a stale one would leave new models out.
    """
    manifest = settings.DBT_PROJECT_DIR / "target" / "manifest.json"
    sources = [
        path
        for name in DBT_SOURCES
        for path in ([settings.DBT_PROJECT_DIR / name] + list((settings.DBT_PROJECT_DIR / name).rglob("*")))
        if path.is_file()
    ]
    if manifest.exists() and all(path.stat().st_mtime <= manifest.stat().st_mtime for path in sources):
        return
    dbt = Path(sys.executable).parent / "dbt"
    done = subprocess.run(
        [str(dbt), "parse", "--quiet", "--project-dir", str(settings.DBT_PROJECT_DIR),
         "--profiles-dir", str(settings.DBT_PROJECT_DIR)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last_line = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
        raise RunFailed(f"dbt parse failed: {last_line[0]}")


@dataclass(frozen=True)
class RunOutcome:
    run_id: str
    log_file: Path
    # Metadata of every asset materialised, by asset key ("raw/articles", "marts/fct_seizures"…).
    metadata: dict[str, dict[str, object]]


def run_pipeline(articles: Path, warehouse_path: Path, *, full_refresh: bool = False) -> RunOutcome:
    """Materialise every asset in one Dagster run; raises RunFailed with the first error."""
    ensure_dbt_manifest()
    from dagster import DagsterInstance

    from pipelines.definitions import defs
    from pipelines.defs.jobs import narcowatch_job
    from pipelines.defs.resources import ArticlesFolderResource, WarehouseResource
    from pipelines.warehouse import WarehouseFiles

    files = WarehouseFiles(warehouse_path.resolve())
    files.build_dir.mkdir(parents=True, exist_ok=True)
    log_file = files.build_dir / "last-run.log"
    refresh = {"config": {"full_refresh": full_refresh}}
    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()
    # dbt and Dagster narrate to stdout; keep that in a log file and show progress instead.
    with open(log_file, "w") as log, contextlib.redirect_stdout(log):
        result = defs.resolve_job_def(narcowatch_job.name).execute_in_process(
            run_config={
                "loggers": {"progress": {}},
                "ops": {
                    "ingest_articles": refresh,
                    "extract_facts": {"ops": {"plan_extraction_shards": refresh}},
                    "dbt_models": refresh,
                },
            },
            resources={
                "articles_folder": ArticlesFolderResource(path=str(articles)),
                "warehouse": WarehouseResource(path=str(warehouse_path)),
            },
            instance=instance,
            raise_on_error=False,
        )
    if not result.success:
        raise RunFailed(f"{first_error(result)} (full log: {log_file})")
    metadata = {
        event.asset_key.to_user_string(): {k: v.value for k, v in event.materialization.metadata.items()}
        for event in result.get_asset_materialization_events()
    }
    return RunOutcome(result.run_id, log_file, metadata)


def first_error(result) -> str:
    """One line saying which step failed and why, from a failed ExecuteInProcessResult."""
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            error = event.step_failure_data.error
            while error.cause is not None:  # the user's exception, not Dagster's wrapper
                error = error.cause
            # One line, without the exception's qualified class name ("pkg.module.Failure: …").
            message = " ".join(line.strip() for line in error.message.strip().splitlines() if line.strip())
            message = re.sub(r"^[\w.]+: ", "", message) or error.cls_name
            return f"step {event.step_key} failed: {message[:400]}"
    return "the run failed before any step ran"
