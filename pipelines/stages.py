"""The pipeline's Python stages as plain functions; the Dagster assets only call these.

Each stage works through its input in fixed-size batches, so memory does not grow with the
corpus. They write only to the private build file, which is published whole once every step
has passed; extracted facts are loaded in one transaction, ingest commits batch by batch.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TypeVar

import duckdb
import polars as pl
import pyarrow.parquet as pq

from pipelines import extraction, ingest, loading
from pipelines.warehouse import FACT_TABLES, utc_now

INGEST_BATCH_FILES = 2_000
# Each extractor call has a fixed cost (~0.14 s of Polars calls and regex compiling) that
# 10,000 articles (~19 MB of text, ~250 MB of working memory) make small; see benchmarks/results.md.
EXTRACT_BATCH_ARTICLES = 10_000

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
    # A transaction per batch: DuckDB keeps a transaction's new rows in memory until it commits,
    # so one transaction for the whole folder would grow with the corpus. A run killed between
    # batches leaves them in the private build file only, and the next run reads the rest.
    for batch in batches(to_read, batch_files):
        decoded, unreadable = ingest.read_files(list(batch), max_article_bytes)
        articles, empty = ingest.parse_articles(decoded)
        rejected = pl.concat([unreadable, empty])
        with loading.transaction(con):
            counts = loading.record_ingest(con, articles, rejected, now)
        summary.files_read += counts.files_read
        summary.new_articles += counts.new_articles
        summary.duplicate_files += counts.duplicate_files
        summary.rejected += list(rejected.select("source_file", "reason").iter_rows())
    with loading.transaction(con):
        loading.remove_orphaned_articles(con)
    return summary


@dataclass
class ExtractionSummary:
    articles: int = 0
    seizures: int = 0
    actor_mentions: int = 0
    country_mentions: int = 0

    def __add__(self, other: ExtractionSummary) -> ExtractionSummary:
        return ExtractionSummary(*(a + b for a, b in zip(astuple(self), astuple(other))))


@dataclass(frozen=True)
class ExtractionShard:
    """A file batch of articles to extract, exported to Parquet so that any process can take it.

    The shard's facts go to Parquet files in `facts_dir`, one per table and batch; the load
    step reads them back into DuckDB. Shards never open the warehouse, so they can run in
    parallel (DuckDB allows one writer per file).
    """

    articles: Path
    facts_dir: Path


def export_extraction_shards(
    con: duckdb.DuckDBPyConnection, work_dir: Path, *, full_refresh: bool = False, shards: int = 1
) -> list[ExtractionShard]:
    """Export the articles the current extractor has not processed into at most `shards` files."""
    pending = loading.articles_to_extract(con, extraction.EXTRACTOR_VERSION, full_refresh)
    if work_dir.exists():
        shutil.rmtree(work_dir)  # what a killed run left behind
    if pending:
        work_dir.mkdir(parents=True)
    shard_size = max(1, math.ceil(len(pending) / max(1, shards)))
    exported = []
    for number, batch in enumerate(batches(pending, shard_size)):
        shard = ExtractionShard(work_dir / f"shard-{number:04d}.parquet", work_dir / f"shard-{number:04d}-facts")
        loading.export_articles(con, list(batch), shard.articles)
        exported.append(shard)
    return exported


def extract_shard(shard: ExtractionShard, batch_articles: int = EXTRACT_BATCH_ARTICLES) -> ExtractionSummary:
    """Extract one shard's articles, `batch_articles` at a time, into Parquet files of facts."""
    shard.facts_dir.mkdir(parents=True, exist_ok=True)
    summary = ExtractionSummary()
    for number, batch in enumerate(pq.ParquetFile(shard.articles).iter_batches(batch_size=batch_articles)):
        facts = extraction.extract_facts(pl.from_arrow(batch))
        for table, frame in facts._asdict().items():
            frame.write_parquet(shard.facts_dir / f"{table}-{number:05d}.parquet")
        summary += ExtractionSummary(
            batch.num_rows, facts.seizures.height, facts.actor_mentions.height, facts.country_mentions.height
        )
    return summary


def load_extracted_shards(con: duckdb.DuckDBPyConnection, shards: list[ExtractionShard]) -> None:
    """Replace the facts of every article in `shards` with the shards' facts, in one transaction."""
    if not shards:
        return
    facts = {table: sorted(str(p) for s in shards for p in s.facts_dir.glob(f"{table}-*.parquet")) for table in FACT_TABLES}
    with loading.transaction(con):
        loading.replace_facts(
            con, [str(s.articles) for s in shards], facts, extraction.EXTRACTOR_VERSION, utc_now()
        )
    shutil.rmtree(shards[0].articles.parent, ignore_errors=True)


def load_reference(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Load the extractor's reference tables; returns row counts by table."""
    tables = {"ref_actors": extraction.actor_reference(), "ref_countries": extraction.country_reference()}
    loading.replace_reference(con, tables)
    return {name: frame.height for name, frame in tables.items()}
