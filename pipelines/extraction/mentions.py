"""Lexicon mentions: every group, drug, country, demonym, region and place named in the articles.

One Aho-Corasick pass over `low` with the whole lexicon (longest form first, so `Cartel de Sinaloa` is
one group and never the state, and `Gulf of Mexico` one sea and never the country), then a join
with the lexicon and the case rules that separate names from ordinary words.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from pipelines.extraction.frames import with_texts
from pipelines.extraction.reference import lexicon
from pipelines.extraction.text import window

# First words that may be lower-case in a place name (`ciudad de Mexico`, `the Netherlands`).
GENERIC_PLACE_WORDS = r"(?:ciudad|city|puerto|port|porto|estado|state|provincia|province|isla|islas|departamento|department|valle|region|the|el|la|los|las)"
# A country or place is a name: capitalised first word (or a generic one) and an upper-case
# letter in its last word (`Costa Rica`, `La Paz` but not `la paz`).
PROPER_NAME_START = r"^(?:[A-Z]|" + GENERIC_PLACE_WORDS + r"\s)"
PROPER_NAME_END = r"[A-Z]\S*$"

MENTION_SCHEMA = {
    "doc": pl.UInt32,
    "m_start": pl.Int32,
    "m_end": pl.Int32,
    "key": pl.Utf8,
    "kind": pl.Utf8,
    "target": pl.Utf8,
    "needs_context": pl.Boolean,
    "priority": pl.Int32,
}


@lru_cache(maxsize=1)
def lexicon_keys() -> list[str]:
    return lexicon()["key"].unique().sort().to_list()


def mentions_from_phrases(prepared: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """Every lexicon reading of every match of the `lexicon` family (several rows for an
    ambiguous place name), kept when its case fits (see PROPER_NAME_*)."""
    spans = found.filter(pl.col("family") == "lexicon").select(
        "doc", pl.col("start").alias("m_start"), pl.col("end").alias("m_end"), pl.col("match").alias("key")
    )
    cased = with_texts(spans, prepared, "norm").select(
        "doc", "m_start", "m_end", window(pl.col("norm"), pl.col("m_start"), pl.col("m_end")).alias("written"),
    )
    # The readings kept depend only on how the name is written (its key is that, lower-case),
    # and news repeats names: each distinct way of writing one is judged once.
    readings = (
        cased.select(pl.col("written").unique())
        .with_columns(pl.col("written").str.to_lowercase().alias("key"))
        .join(lexicon(), on="key", how="inner")
    )
    exact_case = (pl.col("written") == pl.col("cased")) | (pl.col("written") == pl.col("cased").str.to_uppercase())
    keep = (
        pl.when(pl.col("case_sensitive")).then(exact_case)
        .when(pl.col("kind").is_in(["country", "place"])).then(pl.col("written").str.contains(PROPER_NAME_START) & pl.col("written").str.contains(PROPER_NAME_END))
        .when(pl.col("kind") == "actor").then(pl.col("written").str.contains("[A-Z]"))
        .otherwise(pl.lit(True))
    )
    # In article and text order, the readings of a name together (places rely on it).
    return cased.join(readings.filter(keep), on="written", maintain_order="left").select(list(MENTION_SCHEMA)).cast(MENTION_SCHEMA)
