"""Helpers for the extractor's tests: article frames built like ingest builds them, and a batch
that extracts all the articles of a test module in one call (the extractor works on all
articles at once; one call per sentence would make the suite slow, and batching also checks
that articles do not leak into one another)."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from pipelines.extraction import ExtractedFacts, extract_facts
from pipelines.extraction.contract import ARTICLE_INPUT_SCHEMA


def make_articles(*bodies: str, headlines: tuple[str | None, ...] | None = None, language: str = "und") -> pl.DataFrame:
    """One article per body; a headline becomes the first line of the text and the title."""
    headlines = headlines or (None,) * len(bodies)
    rows = []
    for i, (body, headline) in enumerate(zip(bodies, headlines)):
        text = f"{headline}\n\n{body}" if headline else body
        rows.append({"article_id": f"a{i}", "title": headline, "text": text, "language": language})
    return pl.DataFrame(rows, schema=ARTICLE_INPUT_SCHEMA)


Case = str | tuple[str, str | None]


def _key(case: Case) -> tuple[str, str | None]:
    return case if isinstance(case, tuple) else (case, None)


class Batch:
    """The facts of many articles, extracted together; look one up by its body (and headline)."""

    def __init__(self, cases: Iterable[Case]):
        keys = list(dict.fromkeys(_key(c) for c in cases))
        self._ids = {key: f"a{i}" for i, key in enumerate(keys)}
        self.articles = make_articles(*(b for b, _ in keys), headlines=tuple(h for _, h in keys))
        self.facts = extract_facts(self.articles)

    def of(self, body: str, headline: str | None = None) -> ExtractedFacts:
        article = self._ids[(body, headline)]
        return ExtractedFacts(*(frame.filter(pl.col("article_id") == article) for frame in self.facts))

    def seizures(self, body: str, headline: str | None = None) -> list[dict]:
        return self.of(body, headline).seizures.sort("seizure_no").to_dicts()

    def countries(self, body: str, headline: str | None = None) -> set[str]:
        return set(self.of(body, headline).country_mentions["country_iso2"])

    def actors(self, body: str, headline: str | None = None) -> set[str]:
        return set(self.of(body, headline).actor_mentions["actor"])
