"""End to end: the whole Dagster graph (ingest, extraction, dbt, publishing) on real files."""

from pathlib import Path

import duckdb
import pytest
from warehouse_queries import query

from pipelines.runner import RunFailed, run_pipeline
from pipelines.warehouse import WarehouseFiles, prepare_build

pytestmark = pytest.mark.e2e

CONTRACT = {
    "dim_articles": {"article_id", "source_file", "title", "published_at", "language"},
    "fct_seizures": {"seizure_id", "article_id", "drug", "quantity_kg", "quantity_units", "is_approximate",
                     "country_iso2", "actors", "evidence", "char_start", "char_end"},
    "fct_actor_mentions": {"article_id", "actor", "mentions"},
    "fct_country_mentions": {"article_id", "country_iso2", "mentions"},
    "dim_actors": {"actor", "actor_type", "aliases"},
    "dim_countries": {"country_iso2", "country_name"},
    "seizures_by_country": {"country_iso2", "country_name", "drug", "seizures", "total_kg", "total_units", "articles"},
    "seizures_by_actor": {"actor", "drug", "seizures", "total_kg", "total_units", "countries", "articles"},
    "rejected_articles": {"source_file", "reason"},
}






def test_published_warehouse_holds_every_contract_table_and_column(seeds_warehouse):
    for table, columns in CONTRACT.items():
        found = {
            name for (name,) in query(
                seeds_warehouse,
                "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ?",
                [table],
            )
        }
        assert columns <= found, f"marts.{table} lacks {columns - found}"


def test_every_seed_file_is_an_article(seeds_warehouse):
    names = [name for (name,) in query(seeds_warehouse, "select source_file from marts.dim_articles order by 1")]
    assert names == sorted(p.name for p in (Path(__file__).parents[1] / "seeds").iterdir())


def test_evidence_offsets_point_into_the_article_text(seeds_warehouse):
    mismatches = query(
        seeds_warehouse,
        """
        select s.seizure_id from marts.fct_seizures s join marts.dim_articles a using (article_id)
        where substring(a.text, s.char_start + 1, s.char_end - s.char_start) <> s.evidence
        """,
    )
    assert mismatches == []


def broken_build(warehouse: Path, bad_row: str, params: list) -> None:
    """Prepare the warehouse's build file and slip a bad extracted row into it."""
    files = WarehouseFiles(warehouse)
    prepare_build(files)
    with duckdb.connect(str(files.build)) as con:
        article_id = con.execute("select min(article_id) from raw.articles").fetchall()[0][0]
        con.execute(bad_row, [article_id, *params])


SEIZURE_ROW = (
    "insert into raw.seizures (article_id, seizure_no, drug, quantity_kg, is_approximate, actors, evidence, "
    "sentence_no, char_start, char_end, rule, extractor_version) values (?, 99, ?, ?, false, [], 'x', 0, 0, 1, 't', 't')"
)


def test_a_failing_dbt_test_stops_the_run_with_one_line_and_nothing_is_published(
    seeds_warehouse_copy, seeded_articles_dir
):
    before = seeds_warehouse_copy.read_bytes()
    broken_build(seeds_warehouse_copy, SEIZURE_ROW, ["khat", 5.0])  # not a drug group
    with pytest.raises(RunFailed) as failure:
        run_pipeline(seeded_articles_dir, seeds_warehouse_copy)
    message = str(failure.value)
    assert "\n" not in message
    assert message.startswith("step dbt_models failed: dbt build failed: test accepted_values_stg_raw__seizures_drug")
    assert seeds_warehouse_copy.read_bytes() == before


def test_a_failing_blocking_check_stops_the_run_before_dbt(seeds_warehouse_copy, seeded_articles_dir):
    before = seeds_warehouse_copy.read_bytes()
    broken_build(seeds_warehouse_copy, SEIZURE_ROW, ["cocaine", None])  # no quantity at all
    with pytest.raises(RunFailed, match="step seizure_checks failed: .*seizures_have_drug_and_quantity"):
        run_pipeline(seeded_articles_dir, seeds_warehouse_copy)
    assert seeds_warehouse_copy.read_bytes() == before
