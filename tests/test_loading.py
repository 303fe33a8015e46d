"""Ingest and extraction loads against a real DuckDB file: idempotent, incremental, nothing lost."""

import os
from pathlib import Path

import duckdb
import pytest

from pipelines import extraction, stages, warehouse

ARTICLE = "Police find cocaine in truck\n\nPolice in Peru said on Monday that they had found 300 kilos of cocaine.\n"
OTHER = "Navy stops boat\n\nThe navy said that it had stopped a boat off the coast of Colombia.\n"


@pytest.fixture
def con(tmp_path: Path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as connection:
        warehouse.ensure_raw_schema(connection)
        yield connection


def ingest(con, folder: Path, **kwargs) -> stages.IngestSummary:
    return stages.ingest_folder(con, folder, max_article_bytes=1_000_000, **kwargs)


def extract_pending(con, work_dir: Path, full_refresh: bool = False) -> stages.ExtractionSummary:
    """Export, extract and load every pending article, as the Dagster graph does, in one process."""
    shards = stages.export_extraction_shards(con, work_dir, full_refresh=full_refresh, shards=2)
    summary = sum((stages.extract_shard(shard) for shard in shards), stages.ExtractionSummary())
    stages.load_extracted_shards(con, shards)
    return summary


def rows(con, query: str, params: list | None = None) -> list[tuple]:
    return con.execute(query, params or []).fetchall()


def test_second_ingest_of_the_same_folder_reads_nothing_and_adds_nothing(con, articles_dir):
    (articles_dir / "a.txt").write_text(ARTICLE)
    first = ingest(con, articles_dir)
    second = ingest(con, articles_dir)
    assert (first.files_read, first.new_articles) == (1, 1)
    assert (second.files_read, second.new_articles) == (0, 0)
    assert rows(con, "select count(*) from raw.articles") == [(1,)]


def test_one_new_file_is_the_only_file_read(con, articles_dir):
    (articles_dir / "a.txt").write_text(ARTICLE)
    ingest(con, articles_dir)
    (articles_dir / "b.txt").write_text(OTHER)
    summary = ingest(con, articles_dir)
    assert (summary.files_found, summary.files_read, summary.new_articles) == (2, 1, 1)


def test_same_text_under_two_names_is_one_article_and_a_listed_duplicate(con, articles_dir):
    (articles_dir / "a.txt").write_text(ARTICLE)
    (articles_dir / "copy of a.txt").write_text(ARTICLE)
    summary = ingest(con, articles_dir)
    assert (summary.new_articles, summary.duplicate_files) == (1, 1)
    assert rows(con, "select count(distinct article_id), count(*) from raw.article_files") == [(1, 2)]


def test_edited_file_replaces_its_article_and_the_old_facts(con, articles_dir):
    path = articles_dir / "a.txt"
    path.write_text(ARTICLE)
    ingest(con, articles_dir)
    old_id = rows(con, "select article_id from raw.articles")[0][0]
    con.execute("insert into raw.extractions values (?, 'test', now())", [old_id])
    path.write_text(OTHER)
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock says
    ingest(con, articles_dir)
    assert rows(con, "select article_id from raw.articles") != [(old_id,)]
    assert rows(con, "select count(*) from raw.articles") == [(1,)]
    assert rows(con, "select count(*) from raw.extractions where article_id = ?", [old_id]) == [(0,)]


def test_bad_file_is_recorded_and_good_files_still_load(con, articles_dir):
    (articles_dir / "good.txt").write_text(ARTICLE)
    (articles_dir / "empty.txt").write_bytes(b"")
    summary = ingest(con, articles_dir)
    assert summary.new_articles == 1
    assert rows(con, "select source_file, reason from raw.rejected_files") == [("empty.txt", "empty file")]


def test_rejected_file_that_is_fixed_becomes_an_article(con, articles_dir):
    path = articles_dir / "late.txt"
    path.write_bytes(b"")
    ingest(con, articles_dir)
    path.write_text(ARTICLE)
    ingest(con, articles_dir)
    assert rows(con, "select count(*) from raw.rejected_files") == [(0,)]
    assert rows(con, "select source_file from raw.article_files") == [("late.txt",)]


def test_good_file_later_corrupted_keeps_its_article_and_records_the_rejection(con, articles_dir):
    path = articles_dir / "a.txt"
    path.write_text(ARTICLE)
    ingest(con, articles_dir)
    path.write_bytes(b"\x00\x01\x02binary")
    ingest(con, articles_dir)
    assert rows(con, "select count(*) from raw.articles") == [(1,)]
    assert rows(con, "select source_file from raw.rejected_files") == [("a.txt",)]


def test_file_names_and_text_full_of_sql_are_stored_verbatim(con, articles_dir):
    name = "x'); drop table raw.articles; --.txt"
    text = "Robert'); DROP TABLE raw.articles;-- \"quoted\" 'single'\n\nPolice found 5 kilos of cocaine.\n"
    (articles_dir / name).write_text(text)
    ingest(con, articles_dir)
    assert rows(con, "select source_file from raw.article_files") == [(name,)]
    assert "DROP TABLE raw.articles" in rows(con, "select text from raw.articles")[0][0]


def test_extraction_runs_once_per_article_and_version(con, articles_dir, tmp_path):
    (articles_dir / "a.txt").write_text(ARTICLE)
    (articles_dir / "b.txt").write_text(OTHER)
    ingest(con, articles_dir)
    first = extract_pending(con, tmp_path / "work")
    second = extract_pending(con, tmp_path / "work")
    refreshed = extract_pending(con, tmp_path / "work", full_refresh=True)
    assert (first.articles, second.articles, refreshed.articles) == (2, 0, 2)
    assert rows(con, "select distinct extractor_version from raw.extractions") == [(extraction.EXTRACTOR_VERSION,)]


def test_extraction_of_a_new_version_replaces_facts_instead_of_adding(con, articles_dir, tmp_path):
    (articles_dir / "a.txt").write_text(ARTICLE)
    ingest(con, articles_dir)
    extract_pending(con, tmp_path / "work")
    before = rows(con, "select count(*) from raw.seizures")
    con.execute("update raw.extractions set extractor_version = 'older'")
    assert extract_pending(con, tmp_path / "work").articles == 1
    assert rows(con, "select count(*) from raw.seizures") == before
    assert not (tmp_path / "work").exists()  # the shards' files are removed once loaded
