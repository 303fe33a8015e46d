"""The pipeline's Python stages as plain functions; the Dagster assets only call these.

Each stage works through its input in fixed-size batches, so memory does not grow with the
corpus, and commits once: a stage either lands whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import duckdb
import polars as pl

from pipelines import extraction, ingest, loading
from pipelines.warehouse import utc_now

INGEST_BATCH_FILES = 2_000
EXTRACT_BATCH_ARTICLES = 5_000

T = TypeVar("T")


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class IngestSummary:
    files_found: int = 0
    files_read: int = 0
    new_articles: int = 0
    duplicate_files: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (source_file, reason)


def ingest_folder(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    *,
    max_article_bytes: int,
    full_refresh: bool = False,
    batch_files: int = INGEST_BATCH_FILES,
) -> IngestSummary:
    """Read the new and changed files of `folder` into raw.articles / article_files / rejected_files."""
    files = ingest.scan_folder(folder)
    to_read = loading.files_to_read(con, files, full_refresh)
    summary = IngestSummary(files_found=len(files))
    now = utc_now()
    with loading.transaction(con):
        for batch in batches(to_read, batch_files):
            decoded, unreadable = ingest.read_files(list(batch), max_article_bytes)
            articles, empty = ingest.parse_articles(decoded)
            rejected = pl.concat([unreadable, empty])
            counts = loading.record_ingest(con, articles, rejected, now)
            summary.files_read += counts.files_read
            summary.new_articles += counts.new_articles
            summary.duplicate_files += counts.duplicate_files
            summary.rejected += list(rejected.select("source_file", "reason").iter_rows())
        loading.remove_orphaned_articles(con)
    return summary


@dataclass
class ExtractionSummary:
    articles: int = 0
    seizures: int = 0
    actor_mentions: int = 0
    country_mentions: int = 0


def extract_pending(
    con: duckdb.DuckDBPyConnection,
    *,
    full_refresh: bool = False,
    batch_articles: int = EXTRACT_BATCH_ARTICLES,
) -> ExtractionSummary:
    """Extract facts from every article the current extractor version has not processed yet."""
    pending = loading.articles_to_extract(con, extraction.EXTRACTOR_VERSION, full_refresh)
    summary = ExtractionSummary()
    now = utc_now()
    with loading.transaction(con):
        for batch in batches(pending, batch_articles):
            facts = extraction.extract_facts(loading.fetch_articles(con, list(batch)))
            loading.replace_facts(con, list(batch), facts._asdict(), extraction.EXTRACTOR_VERSION, now)
            summary.articles += len(batch)
            summary.seizures += facts.seizures.height
            summary.actor_mentions += facts.actor_mentions.height
            summary.country_mentions += facts.country_mentions.height
    return summary


def load_reference(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Load the extractor's reference tables; returns row counts by table."""
    tables = {"ref_actors": extraction.actor_reference(), "ref_countries": extraction.country_reference()}
    loading.replace_reference(con, tables)
    return {name: frame.height for name, frame in tables.items()}
