"""The one Definitions object loads, and its graph is the one analysts and engineers rely on."""

import pytest
from dagster import AssetKey, DefaultScheduleStatus, DefaultSensorStatus

CONTRACT_MARTS = [
    "dim_articles", "fct_seizures", "fct_actor_mentions", "fct_country_mentions", "dim_actors",
    "dim_countries", "seizures_by_country", "seizures_by_actor", "rejected_articles",
]
RAW_TABLES = ["articles", "article_files", "rejected_files", "seizures", "actor_mentions", "country_mentions",
              "ref_actors", "ref_countries"]


@pytest.fixture(scope="module")
def defs(dbt_manifest):
    from pipelines.definitions import defs

    return defs


def test_every_raw_table_mart_and_the_published_warehouse_is_an_asset(defs):
    keys = set(defs.resolve_all_asset_keys())
    expected = {AssetKey(["raw", t]) for t in RAW_TABLES} | {AssetKey(["marts", m]) for m in CONTRACT_MARTS}
    expected.add(AssetKey(["warehouse", "published"]))
    assert expected <= keys


def test_dbt_staging_models_depend_on_the_python_assets_that_load_their_sources(defs):
    graph = defs.resolve_asset_graph()
    for table in RAW_TABLES:
        parents = graph.get(AssetKey(["staging", f"stg_raw__{table}"])).parent_keys
        assert AssetKey(["raw", table]) in parents


def test_publishing_waits_for_every_mart(defs):
    parents = defs.resolve_asset_graph().get(AssetKey(["warehouse", "published"])).parent_keys
    assert {AssetKey(["marts", m]) for m in CONTRACT_MARTS} <= parents


def test_dbt_tests_and_python_checks_are_asset_checks(defs):
    check_keys = {(k.asset_key, k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    assert (AssetKey(["marts", "fct_seizures"]), "unique_fct_seizures_seizure_id") in check_keys
    assert (AssetKey(["raw", "seizures"]), "seizure_quantities_plausible") in check_keys


def test_schedule_and_sensor_exist_and_are_off_by_default(defs):
    schedule = defs.resolve_schedule_def("narcowatch_daily")
    sensor = defs.resolve_sensor_def("new_articles_sensor")
    assert schedule.default_status == DefaultScheduleStatus.STOPPED
    assert sensor.default_status == DefaultSensorStatus.STOPPED
    assert schedule.job_name == sensor.job_name == "narcowatch"


def test_dbt_builds_the_given_file_within_the_duckdb_memory_limit_then_the_environment_is_restored(monkeypatch):
    import os

    from pipelines.defs.resources import dbt_database
    from pipelines.settings import DEFAULT_DUCKDB_MEMORY_LIMIT

    monkeypatch.delenv("NARCOWATCH_DUCKDB_MEMORY_LIMIT", raising=False)
    monkeypatch.setenv("NARCOWATCH_BUILD_DB", "/a/manual/build.duckdb")
    with dbt_database("/some/build.duckdb"):
        assert os.environ["NARCOWATCH_BUILD_DB"] == "/some/build.duckdb"
        assert os.environ["NARCOWATCH_DUCKDB_MEMORY_LIMIT"] == DEFAULT_DUCKDB_MEMORY_LIMIT
    assert os.environ["NARCOWATCH_BUILD_DB"] == "/a/manual/build.duckdb"
    assert "NARCOWATCH_DUCKDB_MEMORY_LIMIT" not in os.environ
