"""Resources: where articles come from, the warehouse runs build and publish, and dbt."""

from __future__ import annotations

import importlib.metadata
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, InitResourceContext
from dagster_dbt import DbtCliResource
from packaging import version
from pydantic import Field

from pipelines import settings, warehouse
from pipelines.defs.project import dbt_project


class ArticlesFolderResource(ConfigurableResource):
    """The folder of article files a run reads (sub-folders included)."""

    path: str = Field(default_factory=lambda: str(settings.articles_dir()))
    max_article_bytes: int = Field(
        default_factory=settings.max_article_bytes,
        description="Files larger than this are rejected without being read.",
    )

    @property
    def folder(self) -> Path:
        return Path(self.path)


class WarehouseResource(ConfigurableResource):
    """The DuckDB warehouse analysts read, and the private build file a run writes.

    For the length of a run it holds the warehouse's run lock, so two runs never build or
    publish the same warehouse at once.
    """

    path: str = Field(default_factory=lambda: str(settings.warehouse_path()))
    lock_timeout_s: float = Field(default=1800.0, description="How long a run waits for another run to finish.")

    @property
    def files(self) -> warehouse.WarehouseFiles:
        return warehouse.WarehouseFiles(Path(self.path).resolve())

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext) -> Iterator[WarehouseResource]:
        with warehouse.run_lock(self.files, self.lock_timeout_s):
            warehouse.prepare_build(self.files)
            yield self

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the build file (the published file is never opened for writing)."""
        with warehouse.connect(self.files.build, read_only=read_only, wait_s=warehouse.BUILD_FILE_WAIT_S) as con:
            yield con


@contextmanager
def dbt_database(path: Path) -> Iterator[None]:
    """Point dbt at `path`, within the pipeline's DuckDB memory limit, while an invocation
    starts (profiles.yml reads both variables)."""
    wanted = {settings.DBT_DATABASE_ENV: str(path), settings.DUCKDB_MEMORY_LIMIT_ENV: settings.duckdb_memory_limit()}
    previous = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class DbtSubprocessResource(DbtCliResource):
    """dbt-core through its CLI subprocess, without two costs dagster-dbt pays on every run.

    dagster-dbt builds an in-process dbt adapter per invocation (about 4 s of macro parsing
    here) whose only use is fetching row counts and column metadata on request; the dbt asset
    counts rows itself once dbt has released the DuckDB file, and `DbtCliInvocation` accepts
    `adapter=None`. It also runs `dbt --version` (about 2 s) to tell dbt-core from the Fusion
    engine; the executable here is always the installed dbt-core. Both hooks are private to
    the pinned dagster-dbt release; the end-to-end tests run dbt through them.
    """

    def _initialize_dbt_core_adapter(self, args):
        return None

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))


def dbt_resource() -> DbtCliResource:
    # dbt beside this interpreter (the CLI may run without the virtualenv on PATH), through a
    # launcher that makes it die with the run that started it.
    launcher = Path(sys.executable).parent / "narcowatch-dbt"
    return DbtSubprocessResource(project_dir=dbt_project, dbt_executable=str(launcher))
