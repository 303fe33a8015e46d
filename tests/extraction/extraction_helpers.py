"""Helpers for the extractor's tests: build article frames like ingest does and run the extractor."""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.extraction import extract_facts
from pipelines.extraction.contract import ARTICLE_INPUT_SCHEMA


def make_articles(*bodies: str, headlines: tuple[str | None, ...] | None = None, language: str = "und") -> pl.DataFrame:
    """One article per body; a headline becomes the first line of the text and the title."""
    headlines = headlines or (None,) * len(bodies)
    rows = []
    for i, (body, headline) in enumerate(zip(bodies, headlines)):
        text = f"{headline}\n\n{body}" if headline else body
        rows.append({"article_id": f"a{i}", "title": headline, "text": text, "language": language})
    return pl.DataFrame(rows, schema=ARTICLE_INPUT_SCHEMA)


@pytest.fixture
def extract():
    """extract(body, headline=None) → ExtractedFacts of that one article."""
    def run(body: str, headline: str | None = None):
        return extract_facts(make_articles(body, headlines=(headline,)))
    return run


@pytest.fixture
def seizures(extract):
    """seizures(body, headline=None) → list of seizure rows (dicts) in text order."""
    def run(body: str, headline: str | None = None) -> list[dict]:
        return extract(body, headline).seizures.sort("seizure_no").to_dicts()
    return run


@pytest.fixture
def countries(extract):
    """countries(body, headline=None) → set of ISO codes the article mentions."""
    def run(body: str, headline: str | None = None) -> set[str]:
        return set(extract(body, headline).country_mentions["country_iso2"].to_list())
    return run


@pytest.fixture
def actors(extract):
    """actors(body, headline=None) → set of canonical group names the article mentions."""
    def run(body: str, headline: str | None = None) -> set[str]:
        return set(extract(body, headline).actor_mentions["actor"].to_list())
    return run
