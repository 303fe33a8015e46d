"""The shape of what the extractor produces: the rest of the pipeline depends only on this.

Offsets are character offsets (Python string indices) into `articles.text`, so
`text[char_start:char_end] == evidence` for a seizure, and likewise `matched_text` for a mention.
"""

from __future__ import annotations

import polars as pl

# Columns the extractor reads: one row per distinct article.
ARTICLE_INPUT_SCHEMA = {
    "article_id": pl.Utf8,
    "title": pl.Utf8,  # the headline (the first line of `text`), or null when there is none
    "text": pl.Utf8,
    "language": pl.Utf8,  # 'en', 'es', 'pt' or 'und'
}

DRUG_GROUPS = ("cocaine", "cannabis", "heroin", "fentanyl", "methamphetamine", "precursors", "other")

SEIZURE_SCHEMA = {
    "article_id": pl.Utf8,
    "seizure_no": pl.Int32,  # 1, 2, … in the order the seizures appear in the article
    "drug": pl.Utf8,  # one of DRUG_GROUPS
    "drug_form": pl.Utf8,  # the drug as written, lower-case: 'liquid cocaine', 'marihuana'
    "quantity_kg": pl.Float64,  # reported weight in kg; null when only a count or volume is given
    "quantity_units": pl.Int64,  # count of pills, doses, packages, bricks…; null when none given
    "unit_type": pl.Utf8,  # what was counted ('pills', 'packages', …); null without a count
    "quantity_litres": pl.Float64,  # reported volume in litres; null when none given
    "quantity_text": pl.Utf8,  # the quantity as written: 'more than 2,000 kilos'
    "is_approximate": pl.Boolean,  # 'more than', 'nearly', 'some', 'más de', 'alrededor de'…
    "country_iso2": pl.Utf8,  # where it was seized; null at sea outside national waters or unknown
    "country_basis": pl.Utf8,  # how the country was decided (place in sentence, dateline, …)
    "actors": pl.List(pl.Utf8),  # canonical names of the groups the text ties to this seizure
    "evidence": pl.Utf8,  # the sentence that states the seizure
    "sentence_no": pl.Int32,  # 0-based number of that sentence in the article
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "rule": pl.Utf8,  # name of the rule that produced the row
    "extractor_version": pl.Utf8,
}

ACTOR_MENTION_SCHEMA = {
    "article_id": pl.Utf8,
    "actor": pl.Utf8,  # canonical name
    "matched_text": pl.Utf8,  # the alias as written
    "sentence_no": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "extractor_version": pl.Utf8,
}

COUNTRY_MENTION_SCHEMA = {
    "article_id": pl.Utf8,
    "country_iso2": pl.Utf8,  # ISO 3166-1 alpha-2
    "matched_text": pl.Utf8,
    "mention_type": pl.Utf8,  # 'name', 'demonym' or 'place' (a city, port or region)
    "sentence_no": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "extractor_version": pl.Utf8,
}

ACTOR_REFERENCE_SCHEMA = {
    "actor": pl.Utf8,  # canonical English name
    "actor_type": pl.Utf8,  # cartel, gang, guerrilla, dissident group, prison gang, paramilitary…
    "home_country_iso2": pl.Utf8,
    "aliases": pl.List(pl.Utf8),
}

COUNTRY_REFERENCE_SCHEMA = {
    "country_iso2": pl.Utf8,
    "country_name": pl.Utf8,  # English
    "country_name_es": pl.Utf8,  # Spanish
}
