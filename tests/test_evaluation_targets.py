"""The scorer, on hand-made gold and predictions; and the extractor's targets on the shared sets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl
import pytest

from pipelines.evaluation import Facts, Seizure, evaluate_folder, facts_from_frames, load_gold, score

PROJECT_ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = Path(os.environ.get("NARCOWATCH_EVAL_DIR") or PROJECT_ROOT.parent / "shared" / "eval")
needs_eval_sets = pytest.mark.skipif(
    not (EVAL_DIR / "dev" / "gold.jsonl").is_file(),
    reason=f"evaluation sets not found at {EVAL_DIR} (set NARCOWATCH_EVAL_DIR to the shared eval folder)",
)
# Seed 003 names Havana as the place of peace talks; the annotation rules count a city as its
# country, the seed gold leaves Cuba out. Kept visible here rather than fitted away.
KNOWN_SEED_GOLD_OMISSIONS = {("003_d241b0bd0367615d.txt", "CU")}


def seizure(article="a.txt", drug="cocaine", kg=None, units=None, litres=None, country="MX", actors=()):
    return Seizure(article, drug, kg, units, litres, country, frozenset(actors))


def facts(*seizures, actors=None, countries=None):
    return Facts(list(seizures), actors or {}, countries or {})


# --- the scorer ---------------------------------------------------------------------------

def test_quantities_match_within_ten_percent_of_kg_or_units():
    gold = facts(seizure(kg=1000), seizure(drug="fentanyl", units=5000), seizure(drug="heroin", kg=10, units=20))
    predicted = facts(seizure(kg=1090), seizure(drug="fentanyl", kg=2.0, units=4600), seizure(drug="heroin", units=21))
    report = score(gold, predicted, {"a.txt"})
    assert report.metrics["seizures"]["correct"] == 3
    report = score(facts(seizure(kg=1000)), facts(seizure(kg=1120)), {"a.txt"})
    assert report.metrics["seizures"]["correct"] == 0
    assert len(report.missed) == len(report.extra) == 1


def test_the_drug_and_the_article_must_be_the_same():
    gold = facts(seizure(kg=100))
    predicted = facts(seizure(kg=100, drug="heroin"), seizure(kg=100, article="b.txt"))
    assert score(gold, predicted, {"a.txt", "b.txt"}).metrics["seizures"]["correct"] == 0


def test_litres_only_gold_matches_no_quantity_or_one_kilo_per_litre():
    gold = facts(seizure(drug="precursors", litres=800), seizure(drug="precursors", litres=300))
    predicted = facts(seizure(drug="precursors", litres=800), seizure(drug="precursors", kg=310))
    assert score(gold, predicted, {"a.txt"}).metrics["seizures"]["correct"] == 2
    wrong = facts(seizure(drug="precursors", kg=500))
    assert score(facts(seizure(drug="precursors", litres=800)), wrong, {"a.txt"}).metrics["seizures"]["correct"] == 0


def test_each_gold_seizure_matches_once_and_the_matching_is_maximal():
    gold = facts(seizure(kg=100))
    report = score(gold, facts(seizure(kg=100), seizure(kg=101)), {"a.txt"})
    assert report.metrics["seizures"] == {
        "precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3), "gold": 1, "predicted": 2, "correct": 1,
    }
    # greedy pairing of the first prediction with the first gold would leave the second gold unmatched
    gold = facts(seizure(kg=100), seizure(kg=108))
    predicted = facts(seizure(kg=104), seizure(kg=98))
    assert score(gold, predicted, {"a.txt"}).metrics["seizures"]["correct"] == 2


def test_country_and_actor_agreement_of_matched_seizures():
    gold = facts(seizure(kg=100, country="CO", actors=["ELN"]), seizure(kg=500, country=None))
    predicted = facts(seizure(kg=100, country="VE", actors=["ELN"]), seizure(kg=500, country=None, actors=["FARC"]))
    report = score(gold, predicted, {"a.txt"})
    assert report.metrics["seizures"]["f1"] == 1.0
    assert report.metrics["seizures_with_country"]["correct"] == 1
    assert report.metrics["matched_country_share"] == 0.5
    assert report.metrics["matched_actor_share"] == 0.5
    assert [p.country for _, p in report.wrong_country] == ["VE"]


def test_article_level_pairs():
    gold = facts(actors={"a.txt": {"ELN", "FARC"}}, countries={"a.txt": {"CO", "VE"}, "b.txt": {"MX"}})
    predicted = facts(actors={"a.txt": {"ELN"}}, countries={"a.txt": {"CO", "EC"}, "b.txt": {"MX"}, "c.txt": {"US"}})
    report = score(gold, predicted, {"a.txt", "b.txt"})
    assert report.metrics["actors"]["precision"] == 1.0 and report.metrics["actors"]["recall"] == 0.5
    assert report.metrics["countries"]["correct"] == 2 and report.metrics["countries"]["predicted"] == 3
    assert report.missed_countries == [("a.txt", "VE")] and report.extra_countries == [("a.txt", "EC")]


def test_gold_and_predictions_are_read_with_alias_normalisation(tmp_path):
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps({
        "article": "x.txt", "lang": "es",
        "seizures": [{"drug": "cocaine", "quantity_kg": 100.0, "units": None, "country": "CO",
                      "actors": ["Clan del Golfo"], "evidence": "…"}],
        "actors": ["Clan del Golfo", "Cártel de Sinaloa"], "countries": ["CO"],
    }) + "\n", encoding="utf-8")
    gold, names = load_gold(gold_path)
    assert names == {"x.txt"}
    assert gold.actors["x.txt"] == {"Gulf Clan (Clan del Golfo)", "Sinaloa Cartel"}
    seizures = pl.DataFrame({
        "article_id": ["id1"], "drug": ["cocaine"], "quantity_kg": [100.0], "quantity_units": [None],
        "quantity_litres": [None], "country_iso2": ["CO"], "actors": [["AGC"]], "evidence": ["…"],
    }, schema_overrides={"quantity_units": pl.Int64, "quantity_litres": pl.Float64})
    actors = pl.DataFrame({"article_id": ["id1", "id1"], "actor": ["Gulf Clan (Clan del Golfo)", "Sinaloa Cartel"]})
    countries = pl.DataFrame({"article_id": ["id1"], "country_iso2": ["CO"]})
    files = pl.DataFrame({"article_id": ["id1"], "source_file": ["x.txt"]})
    report = score(gold, facts_from_frames(seizures, actors, countries, files), names)
    assert all(report.metrics[k]["f1"] == 1.0 for k in ("seizures", "seizures_with_country", "actors", "countries"))
    assert report.metrics["matched_actor_share"] == 1.0


def test_render_lists_metrics_misses_and_extras():
    gold = facts(seizure(kg=100), countries={"a.txt": {"MX"}})
    predicted = facts(seizure(kg=900), countries={"a.txt": {"MX"}})
    text = score(gold, predicted, {"a.txt"}).render()
    assert "seizures_with_country" in text and "matched_actor_share" in text
    assert "Missed seizures" in text and "100 kg" in text
    assert "Extra seizures" in text and "900 kg" in text


# --- targets on the shared evaluation sets --------------------------------------------------

REGRESSION_SET = PROJECT_ROOT / "tests" / "regression_set"


def assert_development_targets(report) -> None:
    metrics = report.metrics
    assert metrics["seizures"]["f1"] >= 0.90, report.render()
    assert metrics["seizures_with_country"]["f1"] >= 0.85, report.render()
    assert metrics["actors"]["f1"] >= 0.95, report.render()
    assert metrics["countries"]["f1"] >= 0.95, report.render()


@needs_eval_sets
def test_dev_set_targets():
    assert_development_targets(evaluate_folder(EVAL_DIR / "dev" / "articles", EVAL_DIR / "dev" / "gold.jsonl"))


def test_regression_set_targets():
    """Our own annotated articles, English, Spanish and Portuguese: shipped with the project."""
    assert_development_targets(evaluate_folder(REGRESSION_SET / "articles", REGRESSION_SET / "gold.jsonl"))


@needs_eval_sets
def test_seed_targets():
    report = evaluate_folder(PROJECT_ROOT / "seeds", EVAL_DIR / "seeds" / "gold.jsonl")
    metrics = report.metrics
    for name in ("seizures", "seizures_with_country", "actors"):
        assert metrics[name]["f1"] == 1.0, report.render()
    assert metrics["matched_country_share"] == metrics["matched_actor_share"] == 1.0, report.render()
    assert metrics["countries"]["recall"] == 1.0, report.render()
    assert set(report.extra_countries) <= KNOWN_SEED_GOLD_OMISSIONS, report.render()


def test_warehouse_marts_are_scored_like_the_folder(tmp_path):
    import duckdb

    from pipelines.evaluation import evaluate_warehouse

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text(
        "Police seize cocaine in Peru\n\nLIMA (Wire) — Police seized 700 kilos of cocaine belonging to the "
        "Gulf Clan at the port of Callao.\n", encoding="utf-8",
    )
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps({
        "article": "one.txt", "lang": "en",
        "seizures": [{"drug": "cocaine", "quantity_kg": 700.0, "units": None, "country": "PE",
                      "actors": ["Clan del Golfo"], "evidence": "…"}],
        "actors": ["Gulf Clan (Clan del Golfo)"], "countries": ["PE"],
    }) + "\n", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.dim_articles as select 'id1' as article_id, 'one.txt' as source_file")
        con.execute(
            "create table marts.fct_seizures as select 'id1' as article_id, 'cocaine' as drug, 700.0 as quantity_kg, "
            "null::bigint as quantity_units, null::double as quantity_litres, 'PE' as country_iso2, "
            "['Gulf Clan (Clan del Golfo)']::varchar[] as actors, 'Police seized…' as evidence"
        )
        con.execute("create table marts.fct_actor_mentions as select 'id1' as article_id, 'Gulf Clan (Clan del Golfo)' as actor, 1 as mentions")
        con.execute("create table marts.fct_country_mentions as select 'id1' as article_id, 'PE' as country_iso2, 2 as mentions")
    from_warehouse = evaluate_warehouse(warehouse, gold_path).metrics
    from_folder = evaluate_folder(articles, gold_path).metrics
    assert from_warehouse == from_folder
    assert from_warehouse["seizures_with_country"]["f1"] == 1.0 and from_warehouse["matched_actor_share"] == 1.0
