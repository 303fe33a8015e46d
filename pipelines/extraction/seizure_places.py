"""Where each seizure happened: international waters, a place in its sentence, before it in its
paragraph, the sea of the paragraph before, after it in its paragraph, the dateline, or the
article's main country — in that order."""

from __future__ import annotations

import polars as pl

from pipelines.extraction.frames import join_nearest


def place_seizures(seizures: pl.DataFrame, places: pl.DataFrame, cues: pl.DataFrame, datelines: pl.DataFrame) -> pl.DataFrame:
    """Add country_iso2 and country_basis (see the module docstring for the order).

    A sentence that names international waters and no national ones is at sea; a place named
    in it (`200 miles off the Galapagos`) only says where that sea is, so for the sentences
    after it the evidence is the sea. Waters named as a country's (`Jamaican territorial
    waters`) win over every other place of their sentence, and over an offload."""
    where = places.filter(pl.col("role").is_in(["location", "authority"]))
    sentence = ["doc", "sentence_no"]
    national_waters = places.filter(pl.col("national_waters")).select(sentence).unique().with_columns(
        pl.lit(True).alias("national_waters_sentence")
    )
    sea = cues.filter(pl.col("cue_type") == "international_waters")
    open_sea = (
        sea.select(sentence).unique().join(national_waters, on=sentence, how="anti")
        .with_columns(pl.lit(True).alias("open_sea"))
    )
    # The dateline is the fallback, not evidence of the sentence it opens.
    placed = where.filter(~pl.col("in_dateline")).join(open_sea, on=sentence, how="left").with_columns(
        pl.col("open_sea").fill_null(False)
    )
    evidence = pl.concat([
        placed.select(
            *sentence, "para_no", pl.col("m_start").alias("pos"),
            pl.when(~pl.col("open_sea")).then("country_iso2").alias("country_iso2"),
            pl.when(pl.col("open_sea")).then(pl.lit("international waters"))
            .when(pl.col("mention_type") == "demonym").then(pl.lit("demonym of the authority"))
            .otherwise(pl.lit("place")).alias("kind"),
            "national_waters",
        ),
        sea.select(
            *sentence, "para_no", pl.col("c_start").alias("pos"),
            pl.lit(None, pl.Utf8).alias("country_iso2"), pl.lit("international waters").alias("kind"),
            pl.lit(False).alias("national_waters"),
        ),
    ])
    located = evidence.filter(pl.col("kind") != "international waters")
    keys = seizures.select("qid", "doc", "sentence_no", "para_no", "q_start", "s_start", "s_end")
    in_sentence = (
        keys.join(located, on=sentence)
        .with_columns((pl.col("pos") - pl.col("q_start")).abs().alias("distance"))
        .sort(["qid", "national_waters", "distance"], descending=[False, True, False]).unique("qid", keep="first")
        .select("qid", pl.col("country_iso2").alias("sentence_iso"), ("in sentence: " + pl.col("kind")).alias("sentence_basis"))
    )
    paragraph_evidence = evidence.select("doc", "para_no", "pos", "country_iso2", "kind")
    in_paragraph = ("doc", "para_no")
    before = join_nearest(keys, paragraph_evidence, "s_start", "pos", by=in_paragraph, inclusive=False).select("qid", pl.col("country_iso2").alias("before_iso"), pl.col("kind").alias("before_kind"))
    after = join_nearest(keys, paragraph_evidence, "s_end", "pos", by=in_paragraph, forward=True).select("qid", pl.col("country_iso2").alias("after_iso"), pl.col("kind").alias("after_kind"))
    # Wire copy gives each sentence its paragraph: the interception at sea, then what was seized
    # (looked for in the articles that name the sea).
    at_sea_article = sea.select("doc").unique().with_columns(pl.lit(True).alias("sea_article"))
    previous = join_nearest(
        keys.join(at_sea_article, on="doc", how="semi"),
        evidence.select("doc", "pos", pl.col("para_no").alias("previous_para"), pl.col("kind").alias("previous_kind")),
        "s_start", "pos", inclusive=False,
    )
    previous_sea = previous.filter(
        (pl.col("previous_kind") == "international waters") & (pl.col("previous_para") == pl.col("para_no") - 1)
    ).select("qid", pl.lit(True).alias("previous_sea"))
    counts = where.group_by("doc", "country_iso2").agg(pl.len().alias("n"), pl.col("m_start").min().alias("first"))
    dominant = counts.sort(["doc", "n", "first"], descending=[False, True, False]).unique("doc", keep="first").select(
        "doc", pl.col("country_iso2").alias("dominant_iso")
    )
    dateline = places.filter(pl.col("in_dateline")).sort("m_start").unique("doc", keep="first").select(
        "doc", pl.col("country_iso2").alias("dateline_iso")
    )
    # An offload comes from interdictions at sea when the article says so anywhere.
    offloaded_from_sea = pl.col("offload") & pl.col("sea_article").fill_null(False) & pl.col("national_waters_sentence").is_null()
    joined = (
        seizures.join(open_sea, on=sentence, how="left")
        .join(national_waters, on=sentence, how="left")
        .join(at_sea_article, on="doc", how="left")
        .with_columns((pl.col("open_sea").fill_null(False) | offloaded_from_sea).alias("open_sea"))
        .join(in_sentence, on="qid", how="left").join(before, on="qid", how="left").join(after, on="qid", how="left")
        .join(previous_sea, on="qid", how="left")
        .join(dateline, on="doc", how="left").join(dominant, on="doc", how="left")
    )
    basis = (
        pl.when(pl.col("open_sea") & pl.col("offload")).then(pl.lit("offloaded from international waters"))
        .when(pl.col("open_sea")).then(pl.lit("in sentence: international waters"))
        .when(pl.col("sentence_basis").is_not_null()).then("sentence_basis")
        .when(pl.col("before_kind").is_not_null()).then("in paragraph: " + pl.col("before_kind"))
        .when(pl.col("previous_sea")).then(pl.lit("paragraph before: international waters"))
        .when(pl.col("after_kind").is_not_null()).then("in paragraph: " + pl.col("after_kind"))
        .when(pl.col("dateline_iso").is_not_null()).then(pl.lit("dateline"))
        .when(pl.col("dominant_iso").is_not_null()).then(pl.lit("article's main country"))
    )
    country = (
        pl.when(pl.col("open_sea")).then(None)
        .when(pl.col("sentence_basis").is_not_null()).then("sentence_iso")
        .when(pl.col("before_kind").is_not_null()).then("before_iso")
        .when(pl.col("previous_sea")).then(None)
        .when(pl.col("after_kind").is_not_null()).then("after_iso")
        .otherwise(pl.coalesce("dateline_iso", "dominant_iso"))
    )
    return joined.with_columns(country.alias("country_iso2"), basis.alias("country_basis")).drop(
        "open_sea", "national_waters_sentence", "sea_article", "sentence_iso", "sentence_basis", "before_iso", "before_kind",
        "after_iso", "after_kind", "previous_sea", "dateline_iso", "dominant_iso",
    )
