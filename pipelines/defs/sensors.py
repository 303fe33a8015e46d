"""A sensor that starts a run when files are added to or changed in the articles folder."""

from __future__ import annotations

import hashlib

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SkipReason,
    sensor,
)

from pipelines.defs.jobs import narcowatch_job
from pipelines.defs.resources import ArticlesFolderResource
from pipelines.ingest import ArticleFile, scan_folder


def folder_fingerprint(files: list[ArticleFile]) -> str:
    """A digest of every file's name, size and modification time: it changes when any file does."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.source_file}\0{f.size_bytes}\0{f.modified_ns}\n".encode())
    return digest.hexdigest()


@sensor(
    job=narcowatch_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.STOPPED,
    description="Runs the pipeline when files in the articles folder are added or changed.",
)
def new_articles_sensor(context: SensorEvaluationContext, articles_folder: ArticlesFolderResource):
    files = scan_folder(articles_folder.folder)
    fingerprint = folder_fingerprint(files)
    if fingerprint == context.cursor:
        return SkipReason(f"no file added or changed in {articles_folder.folder}")
    context.update_cursor(fingerprint)
    # The run itself works out which files are new; the key makes the request idempotent.
    return RunRequest(run_key=fingerprint, tags={"narcowatch/files": str(len(files))})
