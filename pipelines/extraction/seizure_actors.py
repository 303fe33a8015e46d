"""Which groups are tied to each seizure: tie statements in its sentence or about it (`the
shipment belonged to…`, `both loads`, `the lab`), possessives (`cocaina del Clan del Golfo`),
and negations that clear them (`did not say which group`)."""

from __future__ import annotations

import polars as pl

from pipelines.extraction.cues import PLURAL_REFERENTS, UNIT_REFERENTS
from pipelines.extraction.drugs import SEIZURE_DRUG_GROUPS
from pipelines.extraction.frames import group_first, join_within, rank_in_group, running_total_in_group, with_texts
from pipelines.extraction.text import window

# Between a drug and the group that owns it: `cocaina del Clan del Golfo`.
POSSESSIVE_GAP = r"^\s+(?:del|de la|de los|de las|of the)\s+$"
POSSESSIVE_REACH = 12  # characters from the drug to the group
TIE_REACH_PARAGRAPHS = 3  # a statement about `the cargo` looks this far back for the load
# A load found at the site of the operation just reported: `En el sitio también se localizaron…`,
# `At the lab, agents also found…`, `No local, os policiais acharam…`.
AT_THE_SITE = (
    r"\b(?:at|in|inside|on) the (?:same )?(?:site|scene|lab|laboratory|premises|property|facility|camp|warehouse)\b"
    r"|\ben (?:el|la|dicho|dicha|ese|esa|este|esta) (?:mism[oa] )?(?:sitio|lugar|laboratorio|narcolaboratorio|predio|"
    r"inmueble|campamento|bodega|finca|rancho|galpon)\b"
    r"|\b(?:no|nesse|neste|naquele) (?:mesmo )?(?:local|laboratorio|galpao|sitio|imovel|terreno)\b"
)


def possessive_ties(quantities: pl.DataFrame, actors: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """`3,2 toneladas de cocaina del Clan del Golfo`: a group right after the drug owns it."""
    linked = quantities.filter(pl.col("d_end").is_not_null()).select("doc", "sentence_no", "d_end").unique()
    pairs = join_within(linked, actors, "d_end", "m_start", reach=POSSESSIVE_REACH)
    return with_texts(pairs, prepared, "low").filter(
        window(pl.col("low"), pl.col("d_end"), pl.col("m_start")).str.contains(POSSESSIVE_GAP)
    ).select("doc", "sentence_no", pl.col("d_end").alias("t_start"), pl.col("m_start").alias("a_start"), "actor").unique()


def seizure_owners(quantities: pl.DataFrame, restated: pl.DataFrame, kept: pl.DataFrame) -> pl.DataFrame:
    """(doc, sentence_no, seizure_qid): every sentence with a figure of a kept seizure."""
    via = quantities.select(
        "doc", "sentence_no", "qid",
        pl.coalesce("absorbed_by", "completes", "qid").alias("owner"),
    ).join(restated.rename({"qid": "owner"}), on="owner", how="left").with_columns(
        pl.coalesce("restates", "owner").alias("seizure_qid")
    )
    return via.join(kept.select(pl.col("qid").alias("seizure_qid")), on="seizure_qid").select(
        "doc", "sentence_no", "seizure_qid"
    ).unique()


def mark_operations(seizures: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """Number the operations of each article (`episode`): one ends where the report moves to a
    separate one (`In a separate operation`, `En otro operativo`) or to another country."""
    separate = cues.filter(pl.col("cue_type") == "separate").select("doc", "sentence_no").unique().with_columns(
        pl.lit(True).alias("separate")
    )
    ordered = seizures.join(separate, on=["doc", "sentence_no"], how="left").sort("doc", "q_start")
    same_doc = pl.col("doc") == pl.col("doc").shift(1)
    first_in_sentence = ~(same_doc & (pl.col("sentence_no") == pl.col("sentence_no").shift(1))).fill_null(False)
    new_country = (same_doc & pl.col("country_iso2").ne_missing(pl.col("country_iso2").shift(1))).fill_null(False)
    starts = (pl.col("separate").fill_null(False) & first_in_sentence) | new_country
    return ordered.with_columns(running_total_in_group(starts.cast(pl.Int32), pl.col("doc")).alias("episode")).drop("separate")


def tie_actors(
    seizures: pl.DataFrame, owners: pl.DataFrame, ties: pl.DataFrame, cues: pl.DataFrame, drugs: pl.DataFrame,
    sentences: pl.DataFrame, prepared: pl.DataFrame,
) -> pl.DataFrame:
    """Add `actors`: the groups tie statements attach to each seizure.

    `owners` maps every quantity of the article that belongs to a kept seizure (itself, an
    absorbed or completing figure, a restatement) to that seizure: (doc, sentence_no, seizure_qid).
    A statement in a sentence with such a quantity is about those seizures; one without is about
    the loads before it (`both loads` → two, `the pills` → the last pills, `the lab` → the last
    operation, otherwise the last one); one before any seizure is about the next. A negation
    (`did not say which group`) clears the seizures it is about; a denial (`denied that the gang
    operates there`) only keeps its own sentence from tying. A load found `at the site` that no
    statement is about has the groups of the site's load (see `_site_ties`).
    """
    statements = pl.concat([
        ties.select("doc", "sentence_no", "a_start", "actor", pl.lit(False).alias("negated")),
        cues.filter(pl.col("cue_type") == "negation").select(
            "doc", "sentence_no", pl.col("s_end").alias("a_start"), pl.lit(None, pl.Utf8).alias("actor"),
            pl.lit(True).alias("negated"),
        ),
    ])
    # A sentence that negates or denies ties makes none.
    negated_sentences = pl.concat([
        statements.filter("negated").select("doc", "sentence_no"),
        cues.filter(pl.col("cue_type") == "denial").select("doc", "sentence_no"),
    ]).unique()
    statements = statements.join(
        negated_sentences.with_columns(pl.lit(True).alias("sentence_negated")), on=["doc", "sentence_no"], how="left"
    ).filter(pl.col("negated") | pl.col("sentence_negated").is_null()).drop("sentence_negated")
    statements = statements.join(sentences.select("doc", "sentence_no", "para_no"), on=["doc", "sentence_no"])

    direct = statements.join(owners, on=["doc", "sentence_no"]).select("seizure_qid", "actor", "negated")
    about_earlier = statements.join(owners.select("doc", "sentence_no").unique(), on=["doc", "sentence_no"], how="anti")
    targets = _referred_seizures(about_earlier, seizures, cues, drugs)
    links = pl.concat([direct, targets])
    negated = links.filter("negated").select("seizure_qid").unique()
    tied = links.filter(~pl.col("negated")).join(negated, on="seizure_qid", how="anti")
    untied = seizures.join(links.rename({"seizure_qid": "qid"}), on="qid", how="anti")
    actors = (
        pl.concat([tied, _site_ties(untied, seizures, tied, prepared)])
        .group_by("seizure_qid").agg(pl.col("actor").unique().sort().alias("actors"))
    )
    return seizures.join(actors.rename({"seizure_qid": "qid"}), on="qid", how="left").with_columns(
        pl.col("actors").fill_null(pl.lit([], dtype=pl.List(pl.Utf8)))
    )


def _site_ties(untied: pl.DataFrame, seizures: pl.DataFrame, tied: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """(seizure_qid, actor, negated) for the loads found `at the site` (`En el sitio también se
    localizaron 3 mil litros de precursores`) that no statement is about: the groups of the site's
    load, the last one of the same operation reported before, in an earlier sentence and not
    itself found at the site. A group said to run a lab or site owns what is found there."""
    at_site = with_texts(untied, prepared, "low").filter(
        window(pl.col("low"), pl.col("s_start"), pl.col("q_start")).str.contains(AT_THE_SITE)
    ).select("qid", "doc", "episode", "sentence_no", "q_start")
    site_loads = seizures.join(at_site.select("qid"), on="qid", how="anti").select(
        "doc", "episode", pl.col("qid").alias("seizure_qid"), pl.col("sentence_no").alias("z_sentence"),
        pl.col("q_start").alias("z_start"),
    )
    sources = (
        at_site.join(site_loads, on=["doc", "episode"])
        .filter(pl.col("z_sentence") < pl.col("sentence_no"))
        .sort("z_start").group_by("qid").last()
    )
    return sources.join(tied, on="seizure_qid").select(
        pl.col("qid").alias("seizure_qid"), "actor", "negated"
    )


def _referents(statements: pl.DataFrame, cues: pl.DataFrame, drugs: pl.DataFrame) -> pl.DataFrame:
    """What each statement is about, from the words before the group it names: `both loads`
    (how many), `the pills` (a unit), `the cocaine` (a drug), `the lab` (a whole operation)."""
    before_group = (pl.col("pos") < pl.col("a_start"))
    words = statements.select("statement", "doc", "sentence_no", "a_start").join(
        cues.select("doc", "sentence_no", pl.col("c_start").alias("pos"), "cue", "cue_type"),
        on=["doc", "sentence_no"],
    ).filter(before_group).sort("pos").group_by("statement").agg(
        pl.col("cue").filter(pl.col("cue_type") == "plural_referent").last().alias("plural"),
        (pl.col("cue_type") == "operation_referent").any().alias("operation"),
        pl.col("cue").filter(pl.col("cue_type") == "unit_referent").last().alias("unit_word"),
    )
    named_drugs = statements.select("statement", "doc", "sentence_no", "a_start").join(
        drugs.filter(pl.col("drug").is_in(SEIZURE_DRUG_GROUPS)).select("doc", "sentence_no", pl.col("d_start").alias("pos"), "drug"),
        on=["doc", "sentence_no"],
    ).filter(before_group).sort("pos").group_by("statement").agg(pl.col("drug").last().alias("referent_drug"))
    return statements.join(words, on="statement", how="left").join(named_drugs, on="statement", how="left").with_columns(
        pl.col("plural").replace_strict(PLURAL_REFERENTS, default=1, return_dtype=pl.Int32).alias("how_many"),
        pl.col("unit_word").replace_strict(UNIT_REFERENTS, default=None).alias("referent_unit"),
        pl.col("operation").fill_null(False),
    )


def _referred_seizures(statements: pl.DataFrame, seizures: pl.DataFrame, cues: pl.DataFrame, drugs: pl.DataFrame) -> pl.DataFrame:
    """(seizure_qid, actor, negated) for statements in sentences without a seizure of their own."""
    kept = seizures.select(
        pl.col("qid").alias("seizure_qid"), "doc", pl.col("sentence_no").alias("z_sentence"),
        pl.col("para_no").alias("z_para"), pl.col("q_start").alias("z_start"), "drug", "unit_type", "episode",
    )
    statements = _referents(statements.with_row_index("statement"), cues, drugs)
    pairs = statements.join(kept, on="doc")
    earlier = pairs.filter(
        (pl.col("z_sentence") < pl.col("sentence_no")) & (pl.col("para_no") - pl.col("z_para") <= TIE_REACH_PARAGRAPHS)
    )
    fits = (
        (pl.col("referent_unit").is_null() | (pl.col("unit_type") == pl.col("referent_unit")).fill_null(False))
        & (pl.col("referent_drug").is_null() | (pl.col("drug") == pl.col("referent_drug")))
    )
    # Prefer loads that fit the referent; fall back to the latest load when none does.
    earlier = earlier.with_columns(fits.alias("fits")).with_columns(
        pl.col("fits").any().over("statement").alias("any_fits")
    ).filter(pl.col("fits") | ~pl.col("any_fits"))
    earlier = earlier.sort("statement", "z_start", descending=[False, True]).with_columns(
        rank_in_group(pl.col("statement")).alias("recency"),
        group_first(pl.col("episode"), pl.col("statement")).alias("last_episode"),
    )
    chosen_earlier = earlier.filter(
        pl.when(pl.col("operation") & (pl.col("how_many") == 1)).then(pl.col("episode") == pl.col("last_episode"))
        .otherwise(pl.col("recency") < pl.col("how_many"))
    )
    # Statements before any seizure of the article are about the next one(s).
    first_seizure = kept.group_by("doc").agg(pl.col("z_sentence").min().alias("first_sentence"))
    later = (
        pairs.join(first_seizure, on="doc")
        .filter((pl.col("sentence_no") < pl.col("first_sentence")) & (pl.col("z_sentence") > pl.col("sentence_no")))
        .sort("statement", "z_start")
        .with_columns(rank_in_group(pl.col("statement")).alias("order"))
        .filter(pl.col("order") < pl.col("how_many"))
    )
    return pl.concat([
        chosen_earlier.select("seizure_qid", "actor", "negated"),
        later.select("seizure_qid", "actor", "negated"),
    ])
