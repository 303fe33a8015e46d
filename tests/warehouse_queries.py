"""Reading a published warehouse in tests."""

from pathlib import Path

import duckdb

# Columns that record when something was loaded: they differ between two builds of the same data.
LOAD_TIME_COLUMNS = ("ingested_at", "recorded_at", "extracted_at")


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def mart_snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every mart's rows, sorted, without load-time columns."""
    snapshot = {}
    for (table,) in query(warehouse, "select table_name from information_schema.tables where table_schema = 'marts'"):
        columns = [
            name for (name,) in query(
                warehouse,
                "select column_name from information_schema.columns where table_schema = 'marts' "
                "and table_name = ? and not list_contains(?, column_name) order by ordinal_position",
                [table, list(LOAD_TIME_COLUMNS)],
            )
        ]
        snapshot[table] = query(warehouse, f"select {', '.join(columns)} from marts.{table} order by all")
    return snapshot
