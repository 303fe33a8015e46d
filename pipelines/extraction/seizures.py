"""Seizures: quantities of a drug that authorities took, with where and whose.

The path of a quantity, all as frame operations over every article at once:
1. link it to a drug (`2,000 kilos of liquid cocaine`, `410,000 fentanyl pills`, `cocaine weighing…`);
2. keep it when the nearest action word in its sentence is a seizure (`seized`, `hallaron`,
   `intercepto`…) rather than trade or production, and it is no rate, capacity or yearly total;
3. merge a count and a weight of the same load (`1,000 bricks … weighing 1,200 kg`), in one
   sentence or in the next ones (`The pills … weighed nearly 90 pounds`);
4. drop restatements (`the 2,800 kilos found in Guayaquil`) and totals that add up other seizures;
5. place it (international waters, places in the sentence, the paragraph, the dateline, the
   article's main country) and tie groups to it (statements in its sentence or about it).
"""

from __future__ import annotations

from typing import NamedTuple

import polars as pl

from pipelines.extraction.candidates import (
    PACKED_UNITS,
    apply_completions,
    imply_drugs,
    judge,
    link_drugs,
    merge_across_sentences,
    merge_in_sentence,
    qualify,
    resolve_referring_drugs,
)
from pipelines.extraction.contract import SEIZURE_SCHEMA
from pipelines.extraction.frames import rank_in_group, with_texts
from pipelines.extraction.restatements import new_seizures
from pipelines.extraction.seizure_actors import mark_operations, possessive_ties, seizure_owners, tie_actors
from pipelines.extraction.seizure_places import place_seizures
from pipelines.extraction.sentences import attach_sentences
from pipelines.extraction.text import text_slice


class FoundSeizures(NamedTuple):
    """Steps 1–4 for every quantity of every article, and what step 5 reads with them."""

    kept: pl.DataFrame  # the new seizures
    restated: pl.DataFrame  # (qid, restates) of the candidates that restate a seizure
    quantities: pl.DataFrame  # every quantity, linked to a drug, qualified, merged and judged
    drugs: pl.DataFrame  # drug mentions with their sentence, `the drug` resolved
    cues: pl.DataFrame  # cues with their sentence


def find_seizures(
    prepared: pl.DataFrame, sentences: pl.DataFrame, quantities: pl.DataFrame, mentions: pl.DataFrame,
    cues: pl.DataFrame,
) -> FoundSeizures | None:
    """Steps 1–4 (see the module docstring); None when the articles have no quantity. Needs no
    places, groups or ties, so it can run while they are found."""
    if quantities.is_empty():
        return None
    drugs = resolve_referring_drugs(attach_sentences(
        mentions.filter(pl.col("kind") == "drug").select(
            "doc", pl.col("m_start").alias("d_start"), pl.col("m_end").alias("d_end"), pl.col("target").alias("drug")
        ), "d_start", sentences,
    ))
    cues = attach_sentences(cues, "c_start", sentences)
    quantities = attach_sentences(quantities, "q_start", sentences).with_row_index("qid")
    quantities = link_drugs(quantities, drugs.select("doc", "sentence_no", "d_start", "d_end", "drug"), prepared)
    quantities = qualify(quantities, cues, prepared)
    quantities = merge_in_sentence(quantities, prepared)
    quantities = imply_drugs(quantities, drugs, prepared)
    quantities = judge(quantities, prepared)
    # Sentences that name a place or another operation start a new event (see merge_across_sentences);
    # only the articles with a count of packed units need them.
    packed = quantities.filter(pl.col("unit_type").is_in(PACKED_UNITS)).select("doc").unique()
    places_named = attach_sentences(
        mentions.filter(pl.col("kind").is_in(["country", "demonym", "place"])).join(packed, on="doc", how="semi")
        .select("doc", "m_start"), "m_start", sentences,
    )
    new_event_sentences = pl.concat([
        places_named.select("doc", "sentence_no"), cues.filter(pl.col("cue_type") == "separate").select("doc", "sentence_no"),
    ]).drop_nulls()
    quantities = merge_across_sentences(quantities, new_event_sentences)
    quantities = apply_completions(quantities)
    kept, restated = new_seizures(quantities.filter(pl.col("candidate") & pl.col("completes").is_null()))
    return FoundSeizures(kept, restated, quantities, drugs, cues)


def assemble(
    prepared: pl.DataFrame, sentences: pl.DataFrame, found: FoundSeizures | None, places: pl.DataFrame,
    actors: pl.DataFrame, ties: pl.DataFrame, datelines: pl.DataFrame, version: str,
) -> pl.DataFrame:
    """All seizures of all articles, in the contract's shape: step 5 on `find_seizures`."""
    if found is None:
        return pl.DataFrame(schema=SEIZURE_SCHEMA)
    kept, restated, quantities, drugs, cues = found
    kept = place_seizures(kept, places, cues, datelines)
    kept = mark_operations(kept, cues)
    ties = pl.concat([ties, possessive_ties(quantities, actors, prepared).cast(ties.schema)])
    kept = tie_actors(kept, seizure_owners(quantities, restated, kept), ties, cues, drugs, sentences, prepared)
    return _to_contract(kept, prepared, version)


def _to_contract(kept: pl.DataFrame, prepared: pl.DataFrame, version: str) -> pl.DataFrame:
    """Seizure rows with their numbers, texts as written, evidence sentence and rule path."""
    rule = (
        pl.when(pl.col("passive")).then(pl.lit("qty+drug+verb")).otherwise(pl.lit("verb+qty+drug"))
        + pl.when(pl.col("merge").is_not_null()).then("+" + pl.col("merge")).otherwise(pl.lit(""))
        + pl.when(pl.col("completed")).then(pl.lit("+restatement-units-merge")).otherwise(pl.lit(""))
        + pl.when(pl.col("implied_drug")).then(pl.lit("+implied-drug")).otherwise(pl.lit(""))
    )
    quantity_text = text_slice(pl.col("text"), pl.col("q_start"), pl.col("q_end"))
    partner_text = text_slice(pl.col("text"), pl.col("partner_start"), pl.col("partner_end"))
    out = with_texts(kept, prepared, "article_id", "text").sort("doc", "q_start").with_columns(
        (rank_in_group(pl.col("doc")) + 1).alias("seizure_no"),
        text_slice(pl.col("text"), pl.col("form_start"), pl.col("d_end")).str.to_lowercase().alias("drug_form"),
        pl.when(pl.col("partner_start").is_not_null()).then(quantity_text + "; " + partner_text).otherwise(quantity_text).alias("quantity_text"),
        text_slice(pl.col("text"), pl.col("s_start"), pl.col("s_end")).alias("evidence"),
        pl.col("s_start").alias("char_start"),
        pl.col("s_end").alias("char_end"),
        rule.alias("rule"),
        pl.lit(version).alias("extractor_version"),
    )
    return out.select(list(SEIZURE_SCHEMA)).cast(SEIZURE_SCHEMA)
