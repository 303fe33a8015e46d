"""Figures that are not new seizures: restatements of a seizure already counted (`the 2,800
kilos found in Guayaquil`, a headline's rounded figure) and totals that add up the article's
seizures (`a combined 3.5 tonnes`, `which together total 3.67 tonnes`)."""

from __future__ import annotations

import polars as pl

RESTATEMENT_TOLERANCE = 0.02  # relative difference between a restated figure and the first one
HEADLINE_TOLERANCE = 0.10  # a headline rounds (`3.5 tonnes` for 3,460 kg)
HEADLINE_BOUND_TOLERANCE = 0.35  # `mas de una tonelada` for 1,150 kg
TOTAL_TOLERANCE = 0.03  # a total and the sum of the figures it adds up


def _relative_difference(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return (a - b).abs() / pl.max_horizontal(a.abs(), b.abs())


def same_figure(tolerance: float | pl.Expr) -> pl.Expr:
    """Two seizures state the same figure in some dimension (columns with suffix `_o`)."""
    return pl.any_horizontal(
        (_relative_difference(pl.col(c), pl.col(c + "_o")) <= tolerance).fill_null(False)
        for c in ("quantity_kg", "quantity_units", "quantity_litres")
    )


def _figure_pairs(seizures: pl.DataFrame, figure: pl.Expr, other: pl.Expr) -> pl.DataFrame:
    """Every ordered pair of two seizures of one article and drug, the first one where `figure`
    holds and the other where `other` holds (both filtered before the join, which pairs every
    seizure of a drug with every other); the other one's columns end in `_o`."""
    figures = [
        "qid", "doc", "drug", "q_start", "is_headline", "is_approximate", "definite", "quantity_kg", "quantity_units",
        "quantity_litres",
    ]
    left = seizures.filter(figure).select(figures)
    right = seizures.filter(other).select(figures).rename({c: c + "_o" for c in figures if c not in ("doc", "drug")})
    return left.join(right, on=["doc", "drug"]).filter(pl.col("qid") != pl.col("qid_o"))


def find_body_restatements(seizures: pl.DataFrame) -> pl.DataFrame:
    """(qid, restates): figures of the body that restate an earlier one of the same drug,
    introduced as known (`the 2,800 kilos found in Guayaquil`, `Las 3,2 toneladas halladas`)."""
    pairs = _figure_pairs(seizures, ~pl.col("is_headline") & pl.col("definite"), ~pl.col("is_headline")).filter(
        (pl.col("q_start_o") < pl.col("q_start")) & same_figure(RESTATEMENT_TOLERANCE)
    )
    return pairs.sort("qid", "q_start_o").unique("qid", keep="first").select("qid", pl.col("qid_o").alias("restates"))


def find_headline_restatements(seizures: pl.DataFrame) -> pl.DataFrame:
    """(qid, restates): headline figures that the body gives (a headline rounds: within 10%, or
    35% for a bound like `mas de una tonelada`), each mapped to the closest body figure."""
    tolerance = pl.when(pl.col("is_approximate")).then(HEADLINE_BOUND_TOLERANCE).otherwise(HEADLINE_TOLERANCE)
    pairs = _figure_pairs(seizures, pl.col("is_headline"), ~pl.col("is_headline")).filter(same_figure(tolerance)).with_columns(
        pl.min_horizontal(
            _relative_difference(pl.col(c), pl.col(c + "_o")) for c in ("quantity_kg", "quantity_units", "quantity_litres")
        ).alias("difference")
    )
    return pairs.sort("qid", "difference").unique("qid", keep="first").select("qid", pl.col("qid_o").alias("restates"))


def find_totals(seizures: pl.DataFrame) -> pl.DataFrame:
    """qids of figures that only add up other seizures of the article (same drug).

    A figure is a total when the headline or lead calls it one right next to it (`a combined
    3.5 tonnes`, `en total`, `… in two operations`), or when it equals the sum of two, three or all
    the other seizures and is in the headline (rounded as headlines round) or in a sentence that
    says something adds up (`which together total`). A sum alone is not enough: a real seizure can equal the sum of
    two others by chance.
    """
    # A total adds up other loads: with no other seizure of its drug in the body, `in total`
    # describes the one load.
    body = (~pl.col("is_headline")).cast(pl.Int32)
    others = body.sum().over("doc", "drug") - body
    by_words = seizures.filter(
        (pl.col("is_headline") | pl.col("is_lead")) & (pl.col("total_qualifier") | pl.col("total_words_near"))
        & (others >= 1)
    ).select("qid")
    parts = seizures.join(by_words, on="qid", how="anti").select("qid", "doc", "drug", "quantity_kg")
    # A headline rounds its total as it rounds a single figure.
    totals = seizures.filter(pl.col("is_headline") | pl.col("total_qualifier") | pl.col("total_words")).select(
        "qid", "doc", "drug", "quantity_kg",
        pl.when(pl.col("is_headline")).then(HEADLINE_TOLERANCE).otherwise(TOTAL_TOLERANCE).alias("tolerance"),
    )
    other = parts.select("doc", "drug", pl.col("qid").alias("qid_a"), pl.col("quantity_kg").alias("kg_a"))
    pairs = totals.join(other, on=["doc", "drug"]).join(
        other.rename({"qid_a": "qid_b", "kg_a": "kg_b"}), on=["doc", "drug"]
    ).filter(
        (pl.col("qid_a") < pl.col("qid_b")) & (pl.col("qid_a") != pl.col("qid")) & (pl.col("qid_b") != pl.col("qid"))
    )
    triples = pairs.join(other.rename({"qid_a": "qid_c", "kg_a": "kg_c"}), on=["doc", "drug"]).filter(
        (pl.col("qid_b") < pl.col("qid_c")) & (pl.col("qid_c") != pl.col("qid"))
    )
    all_others = (
        totals.join(other, on=["doc", "drug"]).filter(pl.col("qid_a") != pl.col("qid"))
        .group_by("qid", "quantity_kg", "tolerance").agg(pl.col("kg_a").sum().alias("sum_kg"), pl.len().alias("n"))
        .filter(pl.col("n") >= 2)
    )
    sums = pl.concat([
        pairs.select("qid", "quantity_kg", "tolerance", (pl.col("kg_a") + pl.col("kg_b")).alias("sum_kg")),
        triples.select("qid", "quantity_kg", "tolerance", (pl.col("kg_a") + pl.col("kg_b") + pl.col("kg_c")).alias("sum_kg")),
        all_others.select("qid", "quantity_kg", "tolerance", "sum_kg"),
    ])
    by_sum = sums.filter(
        (_relative_difference(pl.col("quantity_kg"), pl.col("sum_kg")) <= pl.col("tolerance")).fill_null(False)
    ).select("qid")
    return pl.concat([by_sum, by_words]).unique()


def new_seizures(candidates: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(seizures, restatements): the candidates that are new seizures, and (qid, restates) for
    those that restate another one."""
    restated = find_body_restatements(candidates)
    # Totals first: a headline figure that adds up the body's seizures is a total even when it
    # is close to one of them.
    first_totals = find_totals(candidates.join(restated, on="qid", how="anti"))
    # A restatement in the body of a figure that turns out to be a total stands for itself (the
    # lead's `2,100 pounds of marijuana` among totals, later `yielded the 2,100 pounds`); a
    # headline figure that restates a total is a total too.
    restated = restated.join(first_totals.rename({"qid": "restates"}), on="restates", how="anti")
    headline_totals = first_totals.join(candidates.filter("is_headline").select("qid"), on="qid")
    restated = pl.concat([restated, find_headline_restatements(candidates.join(headline_totals, on="qid", how="anti"))])
    kept = candidates.join(restated, on="qid", how="anti")
    return kept.join(find_totals(kept), on="qid", how="anti"), restated
