"""What a data engineer relies on: incremental runs, bad input recorded, live readers, kills, sensor, schedule."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from dagster import RunRequest, SkipReason, build_schedule_context, build_sensor_context
from warehouse_queries import mart_snapshot, query

from pipelines.runner import run_pipeline
from pipelines.warehouse import WarehouseFiles, prepare_build

pytestmark = pytest.mark.e2e

SPANISH = (
    "Incautan cocaína en el puerto de Buenaventura\n\n"
    "La Policía Nacional incautó 500 kilos de cocaína en un contenedor, según informó la institución.\n"
)




def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_generated_articles(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"generated-{n:05d}.txt").write_text(
            f"Report {n}\n\nPolice said on Monday that they had found {n + 1} kilos of cocaine in a truck.\n"
        )




def article_ids_in_marts(warehouse: Path) -> set[str]:
    return {
        article_id
        for table in ("fct_seizures", "fct_actor_mentions", "fct_country_mentions", "dim_articles")
        for (article_id,) in query(warehouse, f"select distinct article_id from marts.{table}")
    }


def test_runs_are_incremental_idempotent_and_equal_to_a_rebuild_from_scratch(seeds_warehouse_copy, seeded_articles_dir):
    warehouse, folder = seeds_warehouse_copy, seeded_articles_dir
    before = mart_snapshot(warehouse)
    again = run_pipeline(folder, warehouse)
    assert mart_snapshot(warehouse) == before  # the same input gives the same mart rows

    edited = folder / "000_bdef83e1c7951907.txt"
    (old_id,) = query(warehouse, "select article_id from marts.dim_articles where source_file = ?", [edited.name])[0]
    edited.write_text(edited.read_text() + "\nPolice in Peru later found 40 kilos of cocaine in a truck in Lima.\n")
    (folder / "new.txt").write_text(SPANISH)
    one_more = run_pipeline(folder, warehouse)
    assert old_id not in article_ids_in_marts(warehouse)  # an edited file replaces its article everywhere
    incremental = mart_snapshot(warehouse)

    refreshed = run_pipeline(folder, warehouse, full_refresh=True)
    assert mart_snapshot(warehouse) == incremental  # incremental marts equal marts rebuilt from scratch
    runs = (again, one_more, refreshed)
    assert [o.metadata["raw/articles"]["files_read"] for o in runs] == [0, 2, 5]
    assert [o.metadata["raw/seizures"]["articles_extracted"] for o in runs] == [0, 2, 5]
    assert query(warehouse, "select count(*) from marts.dim_articles") == [(5,)]


def test_an_article_re_extracted_without_mentions_loses_its_mart_rows(seeds_warehouse_copy, seeded_articles_dir):
    files = WarehouseFiles(seeds_warehouse_copy)
    prepare_build(files)
    with duckdb.connect(str(files.build)) as con:
        article_id = con.execute(
            "select article_id from raw.country_mentions group by 1 order by count(*) desc limit 1"
        ).fetchall()[0][0]
        # What a new extractor version finding no country in this article would leave behind.
        con.execute("delete from raw.country_mentions where article_id = ?", [article_id])
        con.execute("update raw.extractions set extracted_at = now() where article_id = ?", [article_id])
    run_pipeline(seeded_articles_dir, seeds_warehouse_copy)
    assert query(seeds_warehouse_copy, "select count(*) from marts.fct_country_mentions where article_id = ?", [article_id]) == [(0,)]
    assert query(seeds_warehouse_copy, "select count(*) from marts.fct_country_mentions") != [(0,)]


def test_bad_input_is_recorded_and_nothing_already_loaded_is_lost(seeds_warehouse_copy, seeded_articles_dir):
    folder, warehouse = seeded_articles_dir, seeds_warehouse_copy
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "noticia latin1.txt").write_bytes(SPANISH.encode("cp1252"))
    with open(folder / "dump.txt", "wb") as dump:
        dump.truncate(50 * 1024 * 1024)
    (folder / "copy of 000.txt").write_bytes((folder / "000_bdef83e1c7951907.txt").read_bytes())
    os.symlink("loop.txt", folder / "loop.txt")  # unreadable, even for root
    os.symlink("nowhere.txt", folder / "gone.txt")  # disappeared
    (folder / "Incautación en Perú – día 1.txt").write_text(SPANISH.replace("500", "700"))
    sql_text = "Robert'); DROP TABLE marts.dim_articles; --\n\n\"Quoted\" 'text' said police; 5 kilos of cocaine.\n"
    (folder / "x'); drop table raw.articles; --.txt").write_text(sql_text)

    outcome = run_pipeline(folder, warehouse)

    rejected = dict(query(warehouse, "select source_file, reason from marts.rejected_articles where status = 'rejected'"))
    assert rejected.keys() == {"empty.txt", "image.txt", "dump.txt", "loop.txt", "gone.txt"}
    assert rejected["empty.txt"] == "empty file"
    assert rejected["image.txt"].startswith("binary file")
    assert rejected["dump.txt"].startswith("file is 52.4 MB, over the 5 MB limit")
    assert rejected["loop.txt"] == "unreadable: Too many levels of symbolic links"
    assert rejected["gone.txt"].startswith("file not found")
    duplicates = query(warehouse, "select source_file, duplicate_of from marts.rejected_articles where status = 'duplicate'")
    assert duplicates == [("copy of 000.txt", "000_bdef83e1c7951907.txt")]
    articles = dict(query(warehouse, "select source_file, encoding from marts.dim_articles"))
    assert len(articles) == 4 + 3  # the seeds stay; three good new files arrive
    assert articles["noticia latin1.txt"] == "windows-1252"
    assert "Incautación en Perú – día 1.txt" in articles
    assert query(warehouse, "select count(*) from marts.article_texts where text like '%DROP TABLE marts.dim_articles%'") == [(1,)]
    assert outcome.metadata["raw/rejected_files"]["rejected_this_run"] == 5


def test_an_open_reader_never_blocks_a_run_and_never_sees_half_a_warehouse(seeds_warehouse_copy, seeded_articles_dir):
    reader = duckdb.connect(str(seeds_warehouse_copy), read_only=True)
    try:
        (seeded_articles_dir / "new.txt").write_text(SPANISH)
        run_pipeline(seeded_articles_dir, seeds_warehouse_copy)
        assert reader.execute("select count(*) from marts.dim_articles").fetchall() == [(4,)]
    finally:
        reader.close()
    assert query(seeds_warehouse_copy, "select count(*) from marts.dim_articles") == [(5,)]


def start_run(folder: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "narcowatch"), "run", "--articles", str(folder), "--warehouse", str(warehouse)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )


def kill_when(process: subprocess.Popen, marker: str, delay_s: float) -> None:
    """SIGKILL the run (not its children) once it prints `marker`, after `delay_s`."""
    for line in process.stderr:
        if marker in line:
            time.sleep(delay_s)
            break
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_run_killed_at_any_step_leaves_the_published_warehouse_as_it_was(seeds_warehouse_copy, seeded_articles_dir):
    warehouse = seeds_warehouse_copy
    before = digest(warehouse)
    write_generated_articles(seeded_articles_dir, 2_000)
    for marker, delay_s in [("… ingest_articles", 0.0), ("… extract_facts", 0.0), ("… dbt_models", 1.0), ("… dbt_models", 4.0)]:
        kill_when(start_run(seeded_articles_dir, warehouse), marker, delay_s)
        assert digest(warehouse) == before, f"killed after {marker!r} + {delay_s} s"
    run_pipeline(seeded_articles_dir, warehouse)  # the next run completes normally
    assert query(warehouse, "select count(*) from marts.dim_articles") == [(4 + 2_000,)]


def test_sensor_requests_a_run_only_when_files_are_added_or_changed(seeded_articles_dir):
    from pipelines.defs.resources import ArticlesFolderResource
    from pipelines.defs.sensors import new_articles_sensor

    resources = {"articles_folder": ArticlesFolderResource(path=str(seeded_articles_dir))}
    first = new_articles_sensor(build_sensor_context(resources=resources))
    assert isinstance(first, RunRequest)
    unchanged = new_articles_sensor(build_sensor_context(resources=resources, cursor=first.run_key))
    assert isinstance(unchanged, SkipReason)
    (seeded_articles_dir / "new.txt").write_text(SPANISH)
    added = new_articles_sensor(build_sensor_context(resources=resources, cursor=first.run_key))
    assert isinstance(added, RunRequest) and added.run_key != first.run_key


def test_daily_schedule_requests_the_whole_graph(dbt_manifest):
    from datetime import datetime, timezone

    from pipelines.defs.schedules import daily_schedule

    context = build_schedule_context(scheduled_execution_time=datetime(2026, 11, 22, 6, 0, tzinfo=timezone.utc))
    requests = daily_schedule.evaluate_tick(context).run_requests
    assert len(requests) == 1
    assert daily_schedule.job_name == "narcowatch"
    assert daily_schedule.cron_schedule == "0 6 * * *"
