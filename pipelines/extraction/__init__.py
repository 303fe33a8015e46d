"""Facts from article text — seizures, group mentions, country mentions — as vectorised Polars
over all articles at once (no loop per article or sentence).

Public API, called by the pipeline's assets:
- `extract_facts(articles)` → ExtractedFacts(seizures, actor_mentions, country_mentions), frames of
  the shapes in `contract.py`, offsets being character offsets into `articles.text`;
- `actor_reference()`, `country_reference()` → the reference tables for `dim_actors` / `dim_countries`;
- `EXTRACTOR_VERSION`, stored with every fact: bump it whenever output can change.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import NamedTuple

import polars as pl

from pipelines.extraction.actors import find_actors, find_ties, resolve_back_references
from pipelines.extraction.contract import (
    ACTOR_MENTION_SCHEMA,
    ARTICLE_INPUT_SCHEMA,
    COUNTRY_MENTION_SCHEMA,
    SEIZURE_SCHEMA,
)
from pipelines.extraction.cues import CUE_TYPES, cues_from_phrases
from pipelines.extraction.frames import with_texts
from pipelines.extraction.mentions import lexicon_keys, mentions_from_phrases
from pipelines.extraction.places import find_places
from pipelines.extraction.quantities import find_quantities, quantity_scans
from pipelines.extraction.reference import actor_reference, country_reference
from pipelines.extraction.seizures import assemble, find_seizures
from pipelines.extraction.sentences import (
    attach_sentences,
    find_datelines,
    mark_headline_and_lead,
    sentence_scans,
    split_sentences,
)
from pipelines.extraction.text import PhraseSet, find_phrases, text_slice, with_fold

EXTRACTOR_VERSION = "1.3.0"

__all__ = ["EXTRACTOR_VERSION", "ExtractedFacts", "actor_reference", "country_reference", "extract_facts"]


class ExtractedFacts(NamedTuple):
    seizures: pl.DataFrame
    actor_mentions: pl.DataFrame
    country_mentions: pl.DataFrame


def prepare(articles: pl.DataFrame) -> pl.DataFrame:
    """The articles with their ASCII folds (`norm` with case, `low` lower-case), `doc`, the
    integer key the rules join on (cheaper than the article_id string), and every pass over
    whole texts the rules make (sentence marks, phrase search, quantity regexes), computed
    together. The streaming engine cuts the texts into morsels that both cores work on, so the
    fold, a single pass, runs on both too, and the passes share the cores evenly."""
    texts = articles.lazy().with_row_index("doc").select(
        "doc", "article_id", "text", pl.col("title").is_not_null().alias("has_title")
    )
    texts = with_fold(texts, "text", "norm").with_columns(pl.col("norm").str.to_lowercase().alias("low"))
    scans = {**sentence_scans(), **phrase_families().scans("low"), **quantity_scans()}
    # In one chunk per column, as the rules expect: gathers from a column of several chunks (the
    # streaming engine's morsels) are many times slower.
    return texts.with_columns(**scans).collect(engine="streaming").rechunk()


def extract_facts(articles: pl.DataFrame) -> ExtractedFacts:
    articles = articles.select(list(ARTICLE_INPUT_SCHEMA)).cast(ARTICLE_INPUT_SCHEMA).unique("article_id")
    # Not blank: a character that is not whitespace (a regex that stops at the first one, where
    # stripping would copy every text).
    articles = articles.filter(pl.col("text").str.contains(r"\S").fill_null(False))
    if articles.is_empty():
        return ExtractedFacts(
            pl.DataFrame(schema=SEIZURE_SCHEMA),
            pl.DataFrame(schema=ACTOR_MENTION_SCHEMA),
            pl.DataFrame(schema=COUNTRY_MENTION_SCHEMA),
        )
    prepared = prepare(articles)
    # Sentences and quantities need only the texts: a second thread finds them, then the new
    # seizures and the group mention rows, while this one finds names, cues, groups, ties and
    # places. Polars releases the GIL while it computes, so both cores work after `prepare`.
    with ThreadPoolExecutor(max_workers=1) as worker:
        sentences_and_datelines = worker.submit(_sentences_and_datelines, prepared)
        quantities = worker.submit(find_quantities, prepared)
        # One Aho-Corasick pass finds both the lexicon (names) and the cue words.
        found = find_phrases(prepared, "low", phrase_families())
        mentions = mentions_from_phrases(prepared, found)
        cues = cues_from_phrases(found)
        sentences, datelines = sentences_and_datelines.result()
        # The worker has found the quantities by now (its tasks run in order).
        seizures = worker.submit(lambda: find_seizures(prepared, sentences, quantities.result(), mentions, cues))
        actors, coordinated = find_actors(prepared, mentions)
        actor_mentions = worker.submit(
            _mention_rows, actors.rename({"actor": "value"}), prepared, sentences, "actor", ACTOR_MENTION_SCHEMA
        )
        ties = find_ties(prepared, actors, resolve_back_references(actors, cues), cues, sentences)
        places = find_places(prepared, mentions, cues, sentences, datelines, coordinated)
        country_mentions = worker.submit(
            _mention_rows,
            places.select("doc", "m_start", "m_end", pl.col("country_iso2").alias("value"), "mention_type"),
            prepared, sentences, "country_iso2", COUNTRY_MENTION_SCHEMA,
        )
        return ExtractedFacts(
            assemble(prepared, sentences, seizures.result(), places, actors, ties, datelines, EXTRACTOR_VERSION),
            actor_mentions.result(),
            country_mentions.result(),
        )


def _sentences_and_datelines(prepared: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The sentences, flagged as headline or lead, and the datelines."""
    sentences = split_sentences(prepared)
    datelines = find_datelines(prepared, sentences)
    return mark_headline_and_lead(sentences, datelines), datelines


@lru_cache(maxsize=1)
def phrase_families() -> PhraseSet:
    """The names of the lexicon and the cue words, matched together in one pass."""
    lexicon_phrases, cue_phrases = set(lexicon_keys()), set(CUE_TYPES)
    if lexicon_phrases & cue_phrases:
        raise ValueError(f"phrases both names and cues: {sorted(lexicon_phrases & cue_phrases)}")
    return PhraseSet.of({**dict.fromkeys(sorted(lexicon_phrases), "lexicon"), **dict.fromkeys(sorted(cue_phrases), "cue")})


def _mention_rows(found: pl.DataFrame, prepared: pl.DataFrame, sentences: pl.DataFrame, value: str, schema: dict) -> pl.DataFrame:
    """Mentions in the contract's shape: the matched text and its sentence. `found` (groups,
    places) comes in article and text order, and so do the rows."""
    rows = with_texts(attach_sentences(found, "m_start", sentences), prepared, "article_id", "text")
    return rows.select(
        "article_id",
        pl.col("value").alias(value),
        text_slice(pl.col("text"), pl.col("m_start"), pl.col("m_end")).alias("matched_text"),
        *(["mention_type"] if "mention_type" in schema else []),
        "sentence_no",
        pl.col("m_start").alias("char_start"),
        pl.col("m_end").alias("char_end"),
        pl.lit(EXTRACTOR_VERSION).alias("extractor_version"),
    ).cast(schema)
