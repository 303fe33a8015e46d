"""Where narcowatch reads and writes, with defaults relative to the project checkout.

Every location can be overridden by an environment variable (and, for the CLI, by a flag),
so nothing here depends on the machine the project runs on.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"

ARTICLES_ENV = "NARCOWATCH_ARTICLES"
WAREHOUSE_ENV = "NARCOWATCH_WAREHOUSE"
MAX_ARTICLE_BYTES_ENV = "NARCOWATCH_MAX_ARTICLE_BYTES"
# dbt reads the path of the database it builds from this variable (see dbt_project/profiles.yml).
DBT_DATABASE_ENV = "NARCOWATCH_BUILD_DB"
DUCKDB_MEMORY_LIMIT_ENV = "NARCOWATCH_DUCKDB_MEMORY_LIMIT"

# News articles are a few kilobytes; anything this large is a dump or a mistake, and reading
# it whole would cost memory for nothing.
DEFAULT_MAX_ARTICLE_BYTES = 5_000_000
# DuckDB takes up to 80 % of the machine's memory by default and keeps what it read. A run's
# DuckDB work (ingest, loading, dbt) stays within this limit and spills to disk beyond it, so
# the memory a run needs does not grow with the warehouse.
DEFAULT_DUCKDB_MEMORY_LIMIT = "1GB"


def articles_dir() -> Path:
    return Path(os.environ.get(ARTICLES_ENV) or PROJECT_ROOT / "seeds")


def warehouse_path() -> Path:
    return Path(os.environ.get(WAREHOUSE_ENV) or PROJECT_ROOT / "warehouse" / "narcowatch.duckdb")


def max_article_bytes() -> int:
    raw = os.environ.get(MAX_ARTICLE_BYTES_ENV)
    return int(raw) if raw else DEFAULT_MAX_ARTICLE_BYTES


def duckdb_memory_limit() -> str:
    return os.environ.get(DUCKDB_MEMORY_LIMIT_ENV) or DEFAULT_DUCKDB_MEMORY_LIMIT
