"""Facts from article text, as vectorised Polars over all articles at once.

Placeholder while the extractor is written: it returns empty frames of the contract's shape.
"""

from __future__ import annotations

from typing import NamedTuple

import polars as pl

from pipelines.extraction.contract import (
    ACTOR_MENTION_SCHEMA,
    ACTOR_REFERENCE_SCHEMA,
    COUNTRY_MENTION_SCHEMA,
    COUNTRY_REFERENCE_SCHEMA,
    SEIZURE_SCHEMA,
)

EXTRACTOR_VERSION = "0.0.0"


class ExtractedFacts(NamedTuple):
    seizures: pl.DataFrame
    actor_mentions: pl.DataFrame
    country_mentions: pl.DataFrame


def extract_facts(articles: pl.DataFrame) -> ExtractedFacts:
    return ExtractedFacts(
        pl.DataFrame(schema=SEIZURE_SCHEMA),
        pl.DataFrame(schema=ACTOR_MENTION_SCHEMA),
        pl.DataFrame(schema=COUNTRY_MENTION_SCHEMA),
    )


def actor_reference() -> pl.DataFrame:
    return pl.DataFrame(schema=ACTOR_REFERENCE_SCHEMA)


def country_reference() -> pl.DataFrame:
    return pl.DataFrame(schema=COUNTRY_REFERENCE_SCHEMA)
