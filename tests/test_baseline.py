"""The per-article Python baseline (benchmarks/baseline.py) applies the extractor's rules: the
same facts on sentences written for these tests and on the seed articles."""

from __future__ import annotations

import ast
from pathlib import Path

import polars as pl
import pytest

# `benchmarks` is not an installed package; pytest puts the checkout on the path (pyproject).
from benchmarks.baseline import extract_facts_baseline
from pipelines.extraction import extract_facts
from pipelines.ingest import parse_articles, read_files, scan_folder

PROJECT_ROOT = Path(__file__).resolve().parents[1]

SEIZURE_FACTS = ["drug", "quantity_kg", "quantity_units", "quantity_litres", "country_iso2", "actors", "evidence", "rule"]

ARTICLES = {
    "port": (
        "Navy seizes cocaine in Mexico",
        "MANZANILLO, Colima (Wire) — Marines seized 1,350 kilos of cocaine at the port of Manzanillo on Tuesday. "
        "The load belonged to the Jalisco New Generation Cartel, prosecutors said.",
    ),
    "two drugs": (
        None,
        "La Armada decomisó 1.200 kilos de marihuana y 300 gramos de heroína en un velero frente a Cartagena, Colombia.",
    ),
    "count and weight": (
        None,
        "Border agents in Arizona found 250,000 fentanyl pills in a truck. The tablets weighed about 30 kilos.",
    ),
    "no seizure": (
        None,
        "The region could produce 400 tons of cocaine per year, and a kilo sells for US$ 2,000 in Peru.",
    ),
    # the rules of the generalisation (EXTRACTOR_VERSION 1.1): yearly totals, records, implied
    # drugs, follow-up counts, the sea before, crossings, denials, ranges, towns named like countries
    "yearly and record": (
        "Ecuador seizes 4 tonnes of cocaine",
        "GUAYAQUIL, Ecuador (Wire) — Police seized 4.1 tonnes of cocaine in a container bound for Antwerp. "
        "The drugs, packed in 3,700 bricks, belonged to Los Lobos.\n\n"
        "Last year, authorities seized 220 tonnes of cocaine nationwide. En 2023 la Armada decomisó 60 toneladas.\n\n"
        "The country's record remains the 9.5 tonnes found in a Guayaquil warehouse in 2022.",
    ),
    "implied and follow-up": (
        "Policía decomisa 3 toneladas de cocaína",
        "COLÓN (Agencia) — La Policía decomisó 2,7 toneladas de cocaína. La droga estaba distribuida en 2.400 paquetes.\n\n"
        "En otro operativo, los agentes hallaron 620 kilos de la misma droga. Officers discovered 300 packages "
        "containing the alleged cocaine.\n\nEl gobierno negó que el Tren de Aragua opere en el país.",
    ),
    "sea, crossing, range": (
        None,
        "MIAMI (Wire) — A cutter stopped a boat in international waters south of the Galápagos.\n\n"
        "Boarding teams seized 8,400 pounds of cocaine. Officers at the Hidalgo International Bridge found between "
        "20 and 25 kilos of heroin and 1,100 lbs. of marijuana in Puerto Rico, Misiones.",
    ),
}


def _articles(cases: dict[str, tuple[str | None, str]]) -> pl.DataFrame:
    rows = [
        {"article_id": name, "title": title, "text": f"{title}\n\n{body}" if title else body, "language": "und"}
        for name, (title, body) in cases.items()
    ]
    return pl.DataFrame(rows, schema={"article_id": pl.Utf8, "title": pl.Utf8, "text": pl.Utf8, "language": pl.Utf8})


@pytest.fixture(scope="module")
def written() -> tuple:
    articles = _articles(ARTICLES)
    return extract_facts_baseline(articles), extract_facts(articles)


def seizures_of(facts, article: str) -> list[dict]:
    return facts.seizures.filter(pl.col("article_id") == article).sort("seizure_no").select(SEIZURE_FACTS).to_dicts()


def test_the_baseline_finds_the_seizures_of_written_sentences(written):
    baseline, _ = written
    port = seizures_of(baseline, "port")
    assert [(s["drug"], s["quantity_kg"], s["country_iso2"], s["actors"]) for s in port] == [
        ("cocaine", 1350.0, "MX", ["Jalisco New Generation Cartel (CJNG)"])
    ]
    assert [(s["drug"], s["quantity_kg"], s["country_iso2"]) for s in seizures_of(baseline, "two drugs")] == [
        ("cannabis", 1200.0, "CO"), ("heroin", 0.3, "CO"),
    ]
    pills = seizures_of(baseline, "count and weight")
    assert [(s["drug"], s["quantity_units"], s["quantity_kg"], s["country_iso2"]) for s in pills] == [
        ("fentanyl", 250_000, 30.0, "US")
    ]
    assert seizures_of(baseline, "no seizure") == []


def test_the_baseline_agrees_with_the_extractor_on_written_sentences(written):
    baseline, polars = written
    for article in ARTICLES:
        assert seizures_of(baseline, article) == seizures_of(polars, article), article
    for frame in ("actor_mentions", "country_mentions"):
        columns = [c for c in getattr(polars, frame).columns if c != "extractor_version"]
        assert getattr(baseline, frame).select(columns).sort(columns).equals(getattr(polars, frame).select(columns).sort(columns))


def test_the_baseline_finds_the_two_seed_seizures_of_the_extractor():
    decoded, _ = read_files(scan_folder(PROJECT_ROOT / "seeds"), 5_000_000)
    articles, _ = parse_articles(decoded)
    baseline, polars = extract_facts_baseline(articles), extract_facts(articles)
    assert baseline.seizures.height == polars.seizures.height == 2
    key = ["article_id", "seizure_no"]
    assert baseline.seizures.sort(key).select(key + SEIZURE_FACTS).equals(polars.seizures.sort(key).select(key + SEIZURE_FACTS))


def _texts_of_the_extractor_tests() -> list[str]:
    """Every sentence and article written in the extractor's tests (their string literals of
    some length, read from the source), so that each rule they exercise is compared too."""
    texts = []
    for path in sorted((PROJECT_ROOT / "tests" / "extraction").glob("test_extractor_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 25:
                texts.append(node.value)
    return list(dict.fromkeys(texts))


def test_the_baseline_agrees_with_the_extractor_on_the_texts_of_the_extractor_tests():
    cases = {f"t{i}": (None, text) for i, text in enumerate(_texts_of_the_extractor_tests())}
    assert len(cases) > 200
    articles = _articles(cases)
    baseline, polars = extract_facts_baseline(articles), extract_facts(articles)
    key = ["article_id", "seizure_no"]
    assert baseline.seizures.sort(key).select(key + SEIZURE_FACTS).equals(polars.seizures.sort(key).select(key + SEIZURE_FACTS))
    for frame in ("actor_mentions", "country_mentions"):
        columns = [c for c in getattr(polars, frame).columns if c != "extractor_version"]
        assert getattr(baseline, frame).select(columns).sort(columns).equals(getattr(polars, frame).select(columns).sort(columns))
