"""Write ingested articles, rejections and extracted facts into the raw schema, idempotently.

Batches arrive as Polars frames and are handed to DuckDB through Arrow: no value from an article
or a file name is ever spliced into SQL text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines.ingest import ArticleFile
from pipelines.warehouse import FACT_TABLES, scalar


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> Iterator[None]:
    con.register(name, frame)
    try:
        yield
    finally:
        con.unregister(name)


def files_to_read(con: duckdb.DuckDBPyConnection, files: list[ArticleFile], full_refresh: bool) -> list[ArticleFile]:
    """The files that are new or changed (by size or modification time) since they were last read."""
    if full_refresh or not files:
        return files
    current = pl.DataFrame(
        {
            "source_file": [f.source_file for f in files],
            "size_bytes": [f.size_bytes for f in files],
            "modified_ns": [f.modified_ns for f in files],
        },
        schema={"source_file": pl.Utf8, "size_bytes": pl.Int64, "modified_ns": pl.Int64},
    )
    with registered(con, "scanned_files", current):
        unchanged = {
            row[0]
            for row in con.execute(
                """
                select s.source_file from scanned_files s
                join (
                    select source_file, size_bytes, modified_ns from raw.article_files
                    union all
                    select source_file, size_bytes, modified_ns from raw.rejected_files
                ) seen using (source_file, size_bytes, modified_ns)
                """
            ).fetchall()
        }
    return [f for f in files if f.source_file not in unchanged]


@dataclass(frozen=True)
class IngestCounts:
    files_read: int
    new_articles: int
    duplicate_files: int
    rejected_files: int


def record_ingest(
    con: duckdb.DuckDBPyConnection, articles: pl.DataFrame, rejected: pl.DataFrame, now: datetime
) -> IngestCounts:
    """Record one ingest batch; call inside a transaction.

    A file read again replaces its earlier reading; an article's text is stored once however
    many files carry it; articles no file points to any more (an edited file) are removed
    with their facts. A file rejected after an earlier good reading keeps that reading.
    """
    with registered(con, "batch_articles", articles), registered(con, "batch_rejected", rejected):
        new_articles = scalar(
            con,
            """
            insert into raw.articles
            select distinct on (article_id) article_id, title, published_at, language, text, ?
            from batch_articles b
            where not exists (select 1 from raw.articles a where a.article_id = b.article_id)
            order by article_id, source_file
            """,
            [now],
        )
        con.execute(
            """
            update raw.article_files f
            set article_id = b.article_id, size_bytes = b.size_bytes, modified_ns = b.modified_ns,
                encoding = b.encoding, last_read_at = ?
            from batch_articles b
            where f.source_file = b.source_file
            """,
            [now],
        )
        con.execute(
            """
            insert into raw.article_files
            select source_file, article_id, size_bytes, modified_ns, encoding, ?, ?
            from batch_articles b
            where not exists (select 1 from raw.article_files f where f.source_file = b.source_file)
            """,
            [now, now],
        )
        con.execute(
            """
            delete from raw.rejected_files
            where source_file in (select source_file from batch_articles union all select source_file from batch_rejected)
            """
        )
        con.execute(
            "insert into raw.rejected_files select source_file, size_bytes, modified_ns, reason, ? from batch_rejected",
            [now],
        )
        # A file is a duplicate when another file brought the same text first.
        duplicate_files = scalar(
            con,
            """
            select count(*) from (
                select source_file,
                       row_number() over (partition by article_id order by first_seen_at, source_file) as arrival
                from raw.article_files
                where article_id in (select article_id from batch_articles)
            ) ranked
            where arrival > 1 and source_file in (select source_file from batch_articles)
            """,
        )
    return IngestCounts(
        files_read=articles.height + rejected.height,
        new_articles=new_articles,
        duplicate_files=duplicate_files,
        rejected_files=rejected.height,
    )


def remove_orphaned_articles(con: duckdb.DuckDBPyConnection) -> None:
    """Remove articles no file carries any more (their file was edited), with their facts."""
    orphaned = "select article_id from raw.articles where article_id not in (select article_id from raw.article_files)"
    for table in (*FACT_TABLES, "extractions"):
        con.execute(f"delete from raw.{table} where article_id in ({orphaned})")
    con.execute(f"delete from raw.articles where article_id in ({orphaned})")


def articles_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str, full_refresh: bool) -> list[str]:
    """Ids of the articles not yet extracted by this extractor version (all of them on a full refresh)."""
    if full_refresh:
        rows = con.execute("select article_id from raw.articles order by article_id").fetchall()
    else:
        rows = con.execute(
            """
            select a.article_id from raw.articles a
            left join raw.extractions e using (article_id)
            where e.extractor_version is distinct from ?
            order by a.article_id
            """,
            [extractor_version],
        ).fetchall()
    return [row[0] for row in rows]


def export_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str], path: Path) -> None:
    """Write the extractor's input for `article_ids` to a Parquet file."""
    ids = pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.Utf8})
    with registered(con, "exported_ids", ids):
        con.sql(
            """
            select a.article_id, a.title, a.text, a.language
            from raw.articles a semi join exported_ids using (article_id)
            order by a.article_id
            """
        ).write_parquet(str(path))


def replace_facts(
    con: duckdb.DuckDBPyConnection,
    article_files: list[str],
    fact_files: dict[str, list[str]],
    extractor_version: str,
    now: datetime,
) -> None:
    """Replace the facts of the articles in `article_files` (Parquet) with those in `fact_files`
    (table name → Parquet files), and stamp the extractor version.

    Call inside a transaction; deleting before inserting makes a repeated load a no-op.
    """
    con.execute(
        "create or replace temp table extracted_ids as select article_id from read_parquet(?)", [article_files]
    )
    for table in (*FACT_TABLES, "extractions"):
        con.execute(f"delete from raw.{table} where article_id in (select article_id from extracted_ids)")
    for table, files in fact_files.items():
        if files:
            con.execute(f"insert into raw.{table} by name select * from read_parquet(?)", [files])
    con.execute("insert into raw.extractions select article_id, ?, ? from extracted_ids", [extractor_version, now])
    con.execute("drop table extracted_ids")


def replace_reference(con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]) -> None:
    """Replace the reference tables (table name → frame) in one transaction."""
    with transaction(con):
        for table, frame in tables.items():
            with registered(con, "reference_rows", frame):
                con.execute(f"delete from raw.{table}")
                con.execute(f"insert into raw.{table} by name select * from reference_rows")
