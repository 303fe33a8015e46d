"""The extractor's public API keeps the contract the pipeline relies on."""

import polars as pl
from extraction_helpers import make_articles

from pipelines.extraction import (
    EXTRACTOR_VERSION,
    actor_reference,
    country_reference,
    extract_facts,
)
from pipelines.extraction.contract import (
    ACTOR_MENTION_SCHEMA,
    ACTOR_REFERENCE_SCHEMA,
    ARTICLE_INPUT_SCHEMA,
    COUNTRY_MENTION_SCHEMA,
    COUNTRY_REFERENCE_SCHEMA,
    DRUG_GROUPS,
    SEIZURE_SCHEMA,
)

ARTICLES = make_articles(
    "CULIACÁN, Sin. (Diario) — El Ejército aseguró 1.300 kilos de cocaína del Cártel de Sinaloa 😀 en Navolato. "
    "También se hallaron 2 mil pastillas de fentanilo.",
    "Police in Perú seized 200 kg of heroin linked to the ELN.\n\nÑandú — a Colombian engineer was arrested.",
    "Nothing about drugs here.",
    headlines=("Aseguran cocaína en Sinaloa", None, None),
)


def test_frames_match_the_schemas_exactly():
    facts = extract_facts(ARTICLES)
    assert facts.seizures.schema == pl.Schema(SEIZURE_SCHEMA)
    assert facts.actor_mentions.schema == pl.Schema(ACTOR_MENTION_SCHEMA)
    assert facts.country_mentions.schema == pl.Schema(COUNTRY_MENTION_SCHEMA)
    assert facts.seizures.height == 3


def test_empty_input_gives_empty_frames():
    facts = extract_facts(pl.DataFrame(schema=ARTICLE_INPUT_SCHEMA))
    assert [f.height for f in facts] == [0, 0, 0]
    assert facts.seizures.schema == pl.Schema(SEIZURE_SCHEMA)


def test_offsets_are_character_offsets_into_the_text():
    facts = extract_facts(ARTICLES)
    texts = dict(ARTICLES.select("article_id", "text").rows())
    for row in facts.seizures.iter_rows(named=True):
        assert texts[row["article_id"]][row["char_start"]:row["char_end"]] == row["evidence"]
    for frame in (facts.actor_mentions, facts.country_mentions):
        for row in frame.iter_rows(named=True):
            assert texts[row["article_id"]][row["char_start"]:row["char_end"]] == row["matched_text"]


def test_provenance_and_values():
    facts = extract_facts(ARTICLES)
    rows = facts.seizures.sort("article_id", "seizure_no").to_dicts()
    assert {r["drug"] for r in rows} <= set(DRUG_GROUPS)
    assert all(r["extractor_version"] == EXTRACTOR_VERSION for r in rows)
    assert all(r["rule"] for r in rows)
    assert [(r["article_id"], r["seizure_no"], r["sentence_no"]) for r in rows] == [("a0", 1, 1), ("a0", 2, 2), ("a1", 1, 0)]
    assert rows[0]["actors"] == ["Sinaloa Cartel"]
    assert rows[2]["actors"] == ["ELN"]
    assert rows[2]["country_iso2"] == "PE"
    assert facts.actor_mentions["extractor_version"].unique().to_list() == [EXTRACTOR_VERSION]


def test_duplicate_articles_are_extracted_once():
    doubled = pl.concat([ARTICLES, ARTICLES])
    assert extract_facts(doubled).seizures.height == extract_facts(ARTICLES).seizures.height


def test_reference_tables():
    actors = actor_reference()
    assert actors.schema == pl.Schema(ACTOR_REFERENCE_SCHEMA)
    countries = country_reference()
    assert countries.schema == pl.Schema(COUNTRY_REFERENCE_SCHEMA)
    names = dict((iso, (en, es)) for iso, en, es in countries.rows())
    assert names["MX"] == ("Mexico", "México")
    assert names["BO"] == ("Bolivia", "Bolivia")
    assert names["US"][1] == "Estados Unidos"
    assert countries["country_iso2"].is_unique().all()
    assert actor_reference() is actors  # read once per process
