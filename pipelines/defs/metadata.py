"""Small helpers that turn warehouse contents into Dagster metadata."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import duckdb

from pipelines.warehouse import scalar


def table_rows(con: duckdb.DuckDBPyConnection, tables: Iterable[str], schema: str = "raw") -> dict[str, int]:
    # Table names come from this package's constants, not from input data.
    return {table: scalar(con, f"select count(*) from {schema}.{table}") for table in tables}


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]], limit: int = 50) -> str:
    rows = list(rows)

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n… and {len(rows) - limit} more")
    return "\n".join(lines) if rows else "(none)"


def table_preview(con: duckdb.DuckDBPyConnection, query: str) -> str:
    cursor = con.execute(query)
    return markdown_table([d[0] for d in cursor.description], cursor.fetchall())
