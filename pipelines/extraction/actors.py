"""Criminal groups named in the articles, back-references to them, and the statements that tie a
group to a load (`belonged to`, `attributed to`, `bound for`, `pertenecian a`, `the X financed…`).

Government agencies and vague descriptions are simply not in the group lexicon, so they are
never actors.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from pipelines.extraction.frames import global_position, join_nearest, since_group_start, with_texts
from pipelines.extraction.reference import actor_short_names, actor_types
from pipelines.extraction.sentences import attach_sentences
from pipelines.extraction.text import alternation, find_spans, window


@lru_cache(maxsize=1)
def short_name_pattern() -> str:
    return alternation(actor_short_names())


@lru_cache(maxsize=1)
def coordinated_patterns() -> tuple[tuple[str, str], ...]:
    """Groups named by their short name in a coordinated list: `the Sinaloa and the Zetas
    cartels`, `los carteles de Sinaloa y del Golfo`; each with the word it cannot do without."""
    short = short_name_pattern()
    english = (
        r"\b(?:the\s+)?" + short + r"(?:\s*,\s*(?:the\s+)?" + short + r")*,?\s+(?:and|or|&)\s+(?:the\s+)?"
        + short + r"\s+cartels\b"
    )
    article = r"(?:(?:de|del|el|los|la)\s+)*"
    spanish = (
        r"\bcarteles\s+" + article + short + r"(?:\s*,\s*" + article + short + r")*\s+(?:y|e|o)\s+" + article + short
    )
    return (english, "cartels"), (spanish, "carteles")


# Groups a back-reference may point to (`the cartel` → a cartel or a cartel faction).
BACK_REFERENCE_TYPES = {
    "cartel": ("cartel", "cartel faction"),
    "gang": ("gang", "prison gang"),
    "guerrilla": ("guerrilla", "dissident group"),
}
# After the first group tied by a cue, more groups joined by `and`/`y` are tied too.
COORDINATION_GAP = r"^\s*(?:,|and|y|e|as well as|as well as the|and the|y el|y la|y los|y las)?\s*(?:the|el|la|los|las)?\s*$"
TIE_FORWARD_REACH = 60  # characters from the end of the cue to the start of the group
TIE_BACKWARD_REACH = 30

ACTOR_SCHEMA = {"doc": pl.UInt32, "m_start": pl.Int32, "m_end": pl.Int32, "actor": pl.Utf8}
# t_start: where the tie cue starts; a_start: where the tied group is named.
TIE_SCHEMA = {"doc": pl.UInt32, "sentence_no": pl.Int32, "t_start": pl.Int32, "a_start": pl.Int32, "actor": pl.Utf8}


def find_actors(prepared: pl.DataFrame, mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(group mentions, spans of coordinated lists of groups), both per article with offsets."""
    named = mentions.filter(pl.col("kind") == "actor").select(
        "doc", "m_start", "m_end", pl.col("target").alias("actor")
    )
    lists = pl.concat([find_spans(prepared, "low", pattern, needs=word) for pattern, word in coordinated_patterns()]).rename(
        {"start": "b_start", "end": "b_end", "match": "list_text"}
    )
    shorts = find_spans(lists, "list_text", short_name_pattern(), keys=("doc", "b_start", "b_end"))
    listed = shorts.select(
        "doc",
        (pl.col("b_start") + pl.col("start")).alias("m_start"),
        (pl.col("b_start") + pl.col("end")).alias("m_end"),
        pl.col("match").replace_strict(actor_short_names(), default=None).alias("actor"),
    )
    inside_lists = (
        named.join(lists, on="doc")
        .filter((pl.col("m_start") < pl.col("b_end")) & (pl.col("m_end") > pl.col("b_start")))
        .select("doc", "m_start")
    )
    actors = pl.concat([
        named.join(inside_lists, on=["doc", "m_start"], how="anti").cast(ACTOR_SCHEMA),
        listed.cast(ACTOR_SCHEMA),
    ]).sort("doc", "m_start")
    return actors, lists.select("doc", "b_start", "b_end")


def resolve_back_references(actors: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """Back-references (`the same group`, `la guerrilla`) as mentions of the last group named
    before them that fits (a guerrilla for `la guerrilla`)."""
    references = cues.filter(pl.col("cue_type").str.starts_with("backref_")).with_columns(
        pl.col("cue_type").str.strip_prefix("backref_").alias("wanted")
    )
    types = actor_types()
    typed = actors.with_columns(pl.col("actor").replace_strict(types, default=None).alias("actor_type"))
    resolved = []
    for wanted, fitting in [("any", None), *BACK_REFERENCE_TYPES.items()]:
        refs = references.filter(pl.col("wanted") == wanted)
        candidates = typed if fitting is None else typed.filter(pl.col("actor_type").is_in(fitting))
        resolved.append(
            join_nearest(refs, candidates.select("doc", "m_end", "actor"), "c_start", "m_end")
            .drop_nulls("actor")
            .select("doc", pl.col("c_start").alias("m_start"), pl.col("c_end").alias("m_end"), "actor")
        )
    return pl.concat(resolved).cast(ACTOR_SCHEMA)


def find_ties(
    prepared: pl.DataFrame, actors: pl.DataFrame, back_references: pl.DataFrame, cues: pl.DataFrame,
    sentences: pl.DataFrame,
) -> pl.DataFrame:
    """(article, sentence, position, actor) for every group a tie cue ties to something."""
    groups = attach_sentences(pl.concat([actors, back_references]), "m_start", sentences).select(
        "doc", "sentence_no", "m_start", "m_end", "actor"
    )
    tie_cues = attach_sentences(cues.filter(pl.col("cue_type").str.starts_with("tie_")), "c_start", sentences).select(
        "doc", "sentence_no", "c_start", "c_end", "cue_type"
    )
    pairs = tie_cues.join(groups, on=["doc", "sentence_no"])
    forward = pairs.filter(
        (pl.col("cue_type") == "tie_forward")
        & (pl.col("m_start") >= pl.col("c_end"))
        & (pl.col("m_start") - pl.col("c_end") <= TIE_FORWARD_REACH)
    ).sort("doc", "c_start", "m_start")
    # The first group after the cue, and the groups coordinated with it: the rows of a cue are
    # consecutive, so the group before and the chain so far come from shifts and running sums.
    cue = global_position(pl.col("c_start"))
    first_of_cue = cue.ne_missing(cue.shift(1))
    gap = window(pl.col("low"), pl.when(~first_of_cue).then(pl.col("m_end").shift(1)), pl.col("m_start"))
    chained = first_of_cue | gap.str.contains(COORDINATION_GAP)
    forward = with_texts(forward, prepared, "low").with_columns(chained.alias("chained"))
    forward = forward.filter(since_group_start((~pl.col("chained")).cum_sum(), cue) == 0)
    backward = (
        pairs.filter(
            (pl.col("cue_type") == "tie_backward")
            & (pl.col("m_end") <= pl.col("c_start"))
            & (pl.col("c_start") - pl.col("m_end") <= TIE_BACKWARD_REACH)
        )
        .sort("m_start")
        .group_by("doc", "c_start", maintain_order=True)
        .last()
    )
    return (
        pl.concat([
            forward.select("doc", "sentence_no", pl.col("c_start").alias("t_start"), pl.col("m_start").alias("a_start"), "actor"),
            backward.select("doc", "sentence_no", pl.col("c_start").alias("t_start"), pl.col("m_start").alias("a_start"), "actor"),
        ])
        .unique()
        .cast(TIE_SCHEMA)
    )
