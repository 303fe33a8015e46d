"""Shared fixtures: a prepared dbt manifest, the shared evaluation folder, a built warehouse."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipelines import settings

EVAL_DIR = Path(os.environ.get("NARCOWATCH_EVAL_DIR") or settings.PROJECT_ROOT.parent / "shared" / "eval")
SEEDS_DIR = settings.PROJECT_ROOT / "seeds"


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """dagster-dbt loads models from the manifest: parse the dbt project once per session."""
    from pipelines.runner import ensure_dbt_manifest

    ensure_dbt_manifest()
    return settings.DBT_PROJECT_DIR / "target" / "manifest.json"


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL_DIR.is_dir():
        pytest.skip(f"shared evaluation folder not found at {EVAL_DIR} (set NARCOWATCH_EVAL_DIR)")
    return EVAL_DIR


@pytest.fixture(scope="session")
def seeds_warehouse(dbt_manifest, tmp_path_factory) -> Path:
    """The seeds run once through the whole Dagster graph into a fresh warehouse."""
    from pipelines.runner import run_pipeline

    warehouse = tmp_path_factory.mktemp("seeds-warehouse") / "narcowatch.duckdb"
    run_pipeline(SEEDS_DIR, warehouse)
    return warehouse


@pytest.fixture
def seeds_warehouse_copy(seeds_warehouse, tmp_path) -> Path:
    """A private copy of the published seeds warehouse: the next run starts from it."""
    copy = tmp_path / "warehouse" / seeds_warehouse.name
    copy.parent.mkdir()
    shutil.copy2(seeds_warehouse, copy)
    return copy


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


@pytest.fixture
def seeded_articles_dir(articles_dir) -> Path:
    """A private folder holding copies of the four seed articles."""
    for path in sorted(SEEDS_DIR.iterdir()):
        shutil.copy2(path, articles_dir)
    return articles_dir
