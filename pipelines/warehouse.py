"""The DuckDB warehouse: the raw tables the pipeline loads, a private build file, atomic publishing.

Analysts open the *published* file; a run never writes to it. Every run works on a private
build copy next to it (DuckDB allows one writer per file, and any reader blocks a writer),
then publishes the finished file with an atomic rename. A reader keeps the version it opened;
a run killed at any moment leaves the published file exactly as it was.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines import settings
from pipelines.extraction.contract import (
    ACTOR_MENTION_SCHEMA,
    ACTOR_REFERENCE_SCHEMA,
    COUNTRY_MENTION_SCHEMA,
    COUNTRY_REFERENCE_SCHEMA,
    SEIZURE_SCHEMA,
)

RAW_TABLES_DDL = """
create schema if not exists raw;
create table if not exists raw.articles (
    article_id varchar not null,
    title varchar,
    published_at timestamptz,
    language varchar,
    text varchar not null,
    ingested_at timestamptz not null
);
create table if not exists raw.article_files (
    source_file varchar not null,
    article_id varchar not null,
    size_bytes bigint,
    modified_ns bigint,
    encoding varchar,
    first_seen_at timestamptz not null,
    last_read_at timestamptz not null
);
create table if not exists raw.rejected_files (
    source_file varchar not null,
    size_bytes bigint,
    modified_ns bigint,
    reason varchar not null,
    rejected_at timestamptz not null
);
create table if not exists raw.extractions (
    article_id varchar not null,
    extractor_version varchar not null,
    extracted_at timestamptz not null
);
"""

# Fact tables follow the extractor's contract; their DDL is generated from it.
FACT_TABLES = {
    "seizures": SEIZURE_SCHEMA,
    "actor_mentions": ACTOR_MENTION_SCHEMA,
    "country_mentions": COUNTRY_MENTION_SCHEMA,
}
REFERENCE_TABLES = {
    "ref_actors": ACTOR_REFERENCE_SCHEMA,
    "ref_countries": COUNTRY_REFERENCE_SCHEMA,
}

_DUCKDB_TYPES = {
    pl.Utf8: "varchar",
    pl.Int32: "integer",
    pl.Int64: "bigint",
    pl.Float64: "double",
    pl.Boolean: "boolean",
    pl.List(pl.Utf8): "varchar[]",
    pl.Datetime("us", "UTC"): "timestamptz",
}


def duckdb_type(dtype: pl.DataType) -> str:
    return _DUCKDB_TYPES[dtype]


def create_table_sql(table: str, schema: dict[str, pl.DataType]) -> str:
    # Identifiers come from the contract in this package, never from input data.
    columns = ", ".join(f"{name} {duckdb_type(dtype)}" for name, dtype in schema.items())
    return f"create table raw.{table} ({columns})"


@dataclass(frozen=True)
class WarehouseFiles:
    """The published warehouse file and the private files a run uses beside it."""

    published: Path

    @property
    def build_dir(self) -> Path:
        return self.published.parent / f".{self.published.stem}.build"

    @property
    def build(self) -> Path:
        # Same file name as the published one: DuckDB names the catalog after the file, and
        # the views dbt writes refer to it, so both files must carry the same catalog name.
        return self.build_dir / self.published.name

    @property
    def lock(self) -> Path:
        return self.build_dir / "run.lock"


class WarehouseBusyError(RuntimeError):
    pass


@contextmanager
def run_lock(files: WarehouseFiles, timeout_s: float) -> Iterator[None]:
    """Hold the warehouse's run lock: one run at a time builds and publishes a warehouse."""
    files.build_dir.mkdir(parents=True, exist_ok=True)
    with open(files.lock, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusyError(
                        f"another narcowatch run is building {files.published} (lock {files.lock}); "
                        "try again when it finishes"
                    ) from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prepare_build(files: WarehouseFiles) -> None:
    """Make sure the build file exists, starting from the published warehouse when there is one."""
    files.build_dir.mkdir(parents=True, exist_ok=True)
    if not files.build.exists() and files.published.exists():
        # The published file is only ever replaced whole, never written in place, so a plain
        # copy of it is consistent even while analysts have it open.
        shutil.copyfile(files.published, files.build)
    with connect(files.build, wait_s=BUILD_FILE_WAIT_S) as con:
        ensure_raw_schema(con)


# A run killed with SIGKILL cannot stop the dbt process it started; that orphan keeps the
# build file locked until it finishes, so the next run waits for it rather than failing.
BUILD_FILE_WAIT_S = 120.0


# DuckDB checkpoints whenever its write-ahead log passes 16 MB; ingest commits batch by batch,
# and those checkpoints cost a third of its time on a large folder. Checkpoint when the
# connection closes instead (the log of a whole 100,000-article ingest is a few hundred MB).
CHECKPOINT_THRESHOLD = "1GB"


def writer_config() -> dict[str, str]:
    return {"checkpoint_threshold": CHECKPOINT_THRESHOLD, "memory_limit": settings.duckdb_memory_limit()}


@contextmanager
def connect(path: Path, read_only: bool = False, wait_s: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a DuckDB file, waiting up to `wait_s` while another process holds its lock."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config={} if read_only else writer_config())
            break
        except duckdb.IOException as err:
            if "Could not set lock" not in str(err) or time.monotonic() >= deadline:
                raise
            time.sleep(0.5)
    try:
        yield con
    finally:
        con.close()


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables; recreate fact tables whose columns no longer match the contract.

    A changed contract means a new extractor, so every article is extracted again.
    """
    con.execute(RAW_TABLES_DDL)
    for table, schema in {**FACT_TABLES, **REFERENCE_TABLES}.items():
        existing = con.execute(
            "select column_name, lower(data_type) from information_schema.columns "
            "where table_schema = 'raw' and table_name = ? order by ordinal_position",
            [table],
        ).fetchall()
        wanted = [(name, duckdb_type(dtype)) for name, dtype in schema.items()]
        if existing == wanted:
            continue
        if existing:
            con.execute(f"drop table raw.{table}")
            if table in FACT_TABLES:
                con.execute("delete from raw.extractions")
        con.execute(create_table_sql(table, schema))


def publish(files: WarehouseFiles) -> None:
    """Replace the published warehouse with the finished build file, atomically."""
    with duckdb.connect(str(files.build)) as con:
        con.execute("checkpoint")
    staging = files.published.with_name(f".{files.published.name}.{os.getpid()}.publishing")
    try:
        shutil.copyfile(files.build, staging)
        with open(staging, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(staging, files.published)
    finally:
        staging.unlink(missing_ok=True)
    directory = os.open(files.published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    remove_stale_publishing_files(files)


def remove_stale_publishing_files(files: WarehouseFiles) -> None:
    """Delete half-copied files left by runs that were killed while publishing."""
    for leftover in files.published.parent.glob(f".{files.published.name}.*.publishing"):
        leftover.unlink(missing_ok=True)


def scalar(con: duckdb.DuckDBPyConnection, query: str, params: list | None = None):
    """The single value `query` returns. Reads the result to the end: DuckDB refuses some
    operations (unregistering a frame) while a result is still open."""
    return con.execute(query, params or []).fetchall()[0][0]


def utc_now() -> datetime:
    return datetime.now(UTC)
