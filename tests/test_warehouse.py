"""The build file, the run lock and atomic publishing, on real DuckDB files."""

from pathlib import Path

import duckdb
import pytest

from pipelines import warehouse


@pytest.fixture
def files(tmp_path: Path) -> warehouse.WarehouseFiles:
    return warehouse.WarehouseFiles(tmp_path / "narcowatch.duckdb")


def write_marker(path: Path, value: str) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("create or replace table marker as select ? as value", [value])


def read_marker(path: Path) -> str:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select value from marker").fetchall()[0][0]


def test_build_file_keeps_the_published_file_name_for_the_catalog(files):
    assert files.build.name == files.published.name
    assert files.build.parent != files.published.parent


def test_prepare_build_starts_from_the_published_warehouse(files):
    write_marker(files.published, "published")
    warehouse.prepare_build(files)
    assert read_marker(files.build) == "published"


def test_publish_replaces_the_published_file_while_a_reader_keeps_its_snapshot(files):
    warehouse.prepare_build(files)
    write_marker(files.build, "first")
    warehouse.publish(files)
    reader = duckdb.connect(str(files.published), read_only=True)
    try:
        write_marker(files.build, "second")
        warehouse.publish(files)
        assert reader.execute("select value from marker").fetchall() == [("first",)]
    finally:
        reader.close()
    assert read_marker(files.published) == "second"
    assert not list(files.published.parent.glob("*.publishing"))


def test_leftovers_of_a_killed_publish_are_removed_by_the_next_one(files):
    warehouse.prepare_build(files)
    leftover = files.published.with_name(f".{files.published.name}.999.publishing")
    leftover.write_bytes(b"half a file")
    warehouse.publish(files)
    assert not leftover.exists()


def test_second_run_on_the_same_warehouse_waits_then_gives_up_with_a_clear_error(files):
    with warehouse.run_lock(files, timeout_s=1):
        with pytest.raises(warehouse.WarehouseBusyError, match="another narcowatch run"):
            with warehouse.run_lock(files, timeout_s=0.5):
                pass


def test_fact_tables_that_no_longer_match_the_contract_are_rebuilt(files):
    warehouse.prepare_build(files)
    with duckdb.connect(str(files.build)) as con:
        con.execute("drop table raw.seizures")
        con.execute("create table raw.seizures (article_id varchar, old_column integer)")
        con.execute("insert into raw.extractions values ('a', 'old', now())")
        warehouse.ensure_raw_schema(con)
        columns = [r[0] for r in con.execute("select column_name from information_schema.columns where table_schema='raw' and table_name='seizures'").fetchall()]
        assert "old_column" not in columns and "evidence" in columns
        assert con.execute("select count(*) from raw.extractions").fetchall() == [(0,)]


def test_writers_keep_within_the_configured_duckdb_memory(files, monkeypatch):
    monkeypatch.setenv("NARCOWATCH_DUCKDB_MEMORY_LIMIT", "300MB")
    warehouse.prepare_build(files)
    with warehouse.connect(files.build) as con:
        limit_mib = float(warehouse.scalar(con, "select current_setting('memory_limit')").split()[0])
    assert 280 <= limit_mib <= 290  # DuckDB reports 300 MB as 286.1 MiB
