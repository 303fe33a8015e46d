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
        select s.seizure_id from marts.fct_seizures s join marts.article_texts a using (article_id)
        where substring(a.text, s.char_start + 1, s.char_end - s.char_start) <> s.evidence
        """,
    )
    assert mismatches == []


def broken_build(warehouse: Path, bad_row: str, params: list) -> None:
    """Prepare the warehouse's build file and slip a bad extracted row into it, as if the
    extractor had just written it."""
    files = WarehouseFiles(warehouse)
    prepare_build(files)
    with duckdb.connect(str(files.build)) as con:
        article_id = con.execute("select min(article_id) from raw.articles").fetchall()[0][0]
        con.execute(bad_row, [article_id, *params])
        con.execute("update raw.extractions set extracted_at = now() where article_id = ?", [article_id])


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
    assert message.startswith("step dbt_models failed: dbt build failed: test accepted_values_fct_seizures_drug")
    assert seeds_warehouse_copy.read_bytes() == before


def test_a_failing_blocking_check_stops_the_run_before_dbt(seeds_warehouse_copy, seeded_articles_dir):
    before = seeds_warehouse_copy.read_bytes()
    broken_build(seeds_warehouse_copy, SEIZURE_ROW, ["cocaine", None])  # no quantity at all
    with pytest.raises(RunFailed, match="step seizure_checks failed: .*seizures_have_drug_and_quantity"):
        run_pipeline(seeded_articles_dir, seeds_warehouse_copy)
    assert seeds_warehouse_copy.read_bytes() == before


def test_seeds_give_exactly_the_two_seizures_of_the_gold(seeds_warehouse):
    seizures = query(
        seeds_warehouse,
        "select drug, quantity_kg, quantity_units, is_approximate, country_iso2, actors, evidence "
        "from marts.fct_seizures order by quantity_kg desc",
    )
    assert [row[:6] for row in seizures] == [
        ("cocaine", 2000.0, None, True, "MX", ["Sinaloa Cartel"]),
        ("cocaine", 1200.0, None, False, "AR", ["Sinaloa Cartel"]),
    ]
    assert "port of Progreso" in seizures[0][6]
    assert "Argentine authorities seized a further 1,200 kilos" in seizures[1][6]


def test_seed_marts_count_each_seizure_once_by_country_and_actor(seeds_warehouse):
    by_country = query(
        seeds_warehouse,
        "select country_iso2, drug, seizures, total_kg, articles from marts.seizures_by_country order by 1",
    )
    assert by_country == [("AR", "cocaine", 1, 1200.0, 1), ("MX", "cocaine", 1, 2000.0, 1)]
    by_actor = query(
        seeds_warehouse, "select actor, drug, seizures, total_kg, countries, country_list, articles from marts.seizures_by_actor"
    )
    assert by_actor == [("Sinaloa Cartel", "cocaine", 2, 3200.0, 2, ["AR", "MX"], 1)]


def test_numbers_that_are_not_seizures_never_become_seizures(seeds_warehouse):
    for trap in ("290 tons", "1,200,000", "270 overdose"):
        assert query(seeds_warehouse, "select count(*) from marts.fct_seizures where evidence like ?", [f"%{trap}%"]) == [(0,)]


def test_reference_marts_carry_the_organisations_and_countries(seeds_warehouse):
    assert query(seeds_warehouse, "select count(*) >= 40 from marts.dim_actors") == [(True,)]
    assert query(seeds_warehouse, "select count(*) >= 240 from marts.dim_countries") == [(True,)]
    assert query(
        seeds_warehouse, "select actor_type, home_country_iso2 from marts.dim_actors where actor = 'Sinaloa Cartel'"
    ) == [("cartel", "MX")]


def test_cli_runs_any_folder_and_evaluates_the_warehouse_it_built(eval_dir, tmp_path, dbt_manifest, capsys):
    from pipelines.cli import main

    warehouse = tmp_path / "dev.duckdb"
    assert main(["run", "--articles", str(eval_dir / "dev" / "articles"), "--warehouse", str(warehouse)]) == 0
    assert "Published" in capsys.readouterr().out
    assert main(["evaluate", "--warehouse", str(warehouse), "--gold", str(eval_dir / "dev" / "gold.jsonl")]) == 0
    table = capsys.readouterr().out
    f1 = {line.split()[0]: float(line.split()[3]) for line in table.splitlines()[2:6]}
    assert f1["seizures"] >= 0.90 and f1["seizures_with_country"] >= 0.85
    assert f1["actors"] >= 0.95 and f1["countries"] >= 0.95
