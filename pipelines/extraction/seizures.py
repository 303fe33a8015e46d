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

import polars as pl

from pipelines.extraction.contract import DRUG_GROUPS, SEIZURE_SCHEMA
from pipelines.extraction.cues import PLURAL_REFERENTS, UNIT_REFERENTS
from pipelines.extraction.sentences import attach_sentences
from pipelines.extraction.text import text_slice, window

# Between a quantity and the drug after it: `of`/`de` and up to two describing words.
DRUG_AFTER_GAP = (
    r"^\s*\)?\s*(?:(?:of|de|del|da|do|con|with|containing|que contenian|que contenia)\s+"
    r"(?:(?:the|la|el|los|las|esta|this|that)\s+)?(?P<describing>(?:[a-z-]+\s+){0,2})|\s*)$"
)
# Between a drug and the weight after it: `cocaine weighing 1,200 kg`, `cocaina con un peso de`.
DRUG_BEFORE_GAP = (
    r"^\s*,?\s*(?:weighing|weighed|that weighed|which weighed|totaling|totalling|amounting to|with a weight of|"
    r"with a total weight of|que pesaban|que pesaba|con un peso de|con un peso total de|por un total de|de|:)\s*$"
)
# Count then weight of the same load: `1,000 bricks of cocaine weighing 1,200 kg`,
# `1.480 paquetes con alrededor de 1.600 kilos`.
COUNT_THEN_WEIGHT = (
    r"^(?:\s+(?:of|de|del|con|with|containing)(?:\s+[a-z-]+){1,3})?\s*,?\s*(?:weighing|weighed|that weighed|"
    r"which weighed|with a (?:total |combined |gross |net )?weight of|con un peso (?:total |aproximado |neto |bruto )?de|"
    r"que pesaban|que pesaba|con|with|containing|que contenian|holding|totaling|totalling|equivalent to|"
    r"equivalentes a|\()\s*$"
)
# Weight then count of the same load: `tres toneladas de hachis…, repartidas en 96 fardos`.
WEIGHT_THEN_COUNT = (
    r"^(?:[^.;]{0,60}?\b(?:split into|divided into|distributed (?:in|into|among)|packed (?:in|into)|"
    r"packaged (?:in|into)|wrapped in|repartid[oa]s en|distribuid[oa]s en|dividid[oa]s en|empacad[oa]s en|"
    r"embalad[oa]s en|contenid[oa]s en)"
    r"|(?:\s+(?:of|de|del)(?:\s+[a-z-]+){1,3})?\s*(?:in|en|\())\s*$"
)
# The same weight in two units: `1,100 pounds (500 kilograms)`.
SAME_WEIGHT = r"^\s*(?:\(|,\s*or|,\s*o)\s*$"
# A count or weight that completes an earlier seizure from a later sentence:
# `The pills … weighed nearly 90 pounds`, `The shipment, split into 2,450 packages`.
COMPLETES_EARLIER = (
    r"\b(?:weigh(?:ed|ing|s)?|pesaban|pesaba|pesan|peso total|split into|divided into|distributed (?:in|into)|"
    r"packed (?:in|into)|packaged (?:in|into)|wrapped in|repartid[oa]s en|distribuid[oa]s en|dividid[oa]s en|"
    r"empacad[oa]s en|embalad[oa]s en)\b"
)
# A definite article or demonstrative right before a quantity: the load was mentioned before.
DEFINITE_BEFORE = r"\b(?:the|los|las|la|el|these|those|estos|estas|esos|esas|dichos|dichas|said|that|this)\s+$"
# `2,900 metric tons a year`, `800 kg of the drug a week`: a rate, not a load.
RATE_AFTER = (
    r"^\s*(?:(?:a|an|per|each|every|al|por|cada|a la)\s+(?:year|week|day|month|ano|semana|dia|mes)s?\b|"
    r"(?:annually|yearly|weekly|daily|monthly|anuales|anualmente|semanales|diarios|diarias|mensuales)\b)"
)
# A running total over a period, not one seizure.
AGGREGATE = (
    r"\b(?:so far this year|so far in \d{4}|so far|this year alone|since january|since the start of the year|"
    r"since the beginning of the year|year to date|in the first (?:half|quarter|[a-z]+ months)|during the year|"
    r"in all of \d{4}|en lo que va del? (?:ano|mes|\d{4})|en lo que va de este ano|desde enero|"
    r"desde (?:inicios|principios|comienzos) de(?:l)? ano|en el primer (?:semestre|trimestre)|durante el ano|"
    r"a lo largo del ano|este ano en total)\b"
    # `Colombia's cocaine seizures totaled 650 tons last year`
    r"|\b(?:seizures|interdictions|incautaciones|decomisos|aseguramientos|apreensoes)\b[^.;]{0,40}"
    r"\b(?:totaled|totalled|totaling|reached|amounted to|rose to|fell to|climbed to|sumaron|suman|alcanzaron|"
    r"alcanzan|llegaron a|ascendieron a|ascienden a|somaram)\b"
)
# `seized 4.2 tons last year, down from 6 tons in 2021`: figures compared across periods.
COMPARED_AFTER = r"^[^.;]{0,40}\b(?:down from|up from|compared with|compared to|versus|frente a|comparado con|en comparacion con|contra|respecto a|a diferencia de)\s+(?:the\s+|los\s+|las\s+)?\d"
COMPARED_BEFORE = r"\b(?:down from|up from|compared with|compared to|versus|frente a|comparado con|en comparacion con|contra|respecto a)\s+(?:the\s+|los\s+|las\s+)?$"
SUPERLATIVE_BEFORE = r"\b(?:largest|biggest|record|mayor|mayores|mas grande|record|historic|historica)\b[^,;]{0,60}$"
# Words that say a figure adds up others.
TOTAL_WORDS = (
    r"\b(?:combined|in total|en total|together|in all|en conjunto|en suma|suman|sumaron|a total of|un total de|"
    r"the product of|el producto de|in (?:two|three|four|five|\d+) (?:separate |different )?(?:operations|raids|"
    r"seizures|interdictions|busts|cases)|en (?:dos|tres|cuatro|cinco|\d+) (?:operaciones|operativos|procedimientos|"
    r"decomisos|incautaciones)(?: distint[oa]s)?)\b"
)
# Between a drug and the group that owns it: `cocaina del Clan del Golfo`.
POSSESSIVE_GAP = r"^\s+(?:del|de la|de los|de las|of the)\s+$"
# A coast guard offloads in port what it seized at sea: the port is not where it was seized.
OFFLOAD = r"\boff-?load"
RESTATEMENT_TOLERANCE = 0.02  # relative difference between a restated figure and the first one
HEADLINE_TOLERANCE = 0.10  # a headline rounds (`3.5 tonnes` for 3,460 kg)
HEADLINE_BOUND_TOLERANCE = 0.35  # `mas de una tonelada` for 1,150 kg
TOTAL_TOLERANCE = 0.03
TIE_REACH_PARAGRAPHS = 3  # a statement about `the cargo` looks this far back for the load

SEIZURE_GROUPS = [g for g in DRUG_GROUPS]


def _gap(low: pl.Expr, start: pl.Expr, end: pl.Expr) -> pl.Expr:
    return window(low, start, end)


def link_drugs(quantities: pl.DataFrame, drugs: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """Add the drug of each quantity: a drug inside it, after it (`of …`), or before it."""
    pairs = quantities.select("qid", "doc", "sentence_no", "q_start", "q_end").join(
        drugs, on=["doc", "sentence_no"]
    ).join(prepared.select("doc", "low"), on="doc")
    after_gap = _gap(pl.col("low"), pl.col("q_end"), pl.col("d_start"))
    before_gap = _gap(pl.col("low"), pl.col("d_end"), pl.col("q_start"))
    inside = (pl.col("d_start") >= pl.col("q_start")) & (pl.col("d_end") <= pl.col("q_end"))
    after = (pl.col("d_start") >= pl.col("q_end")) & after_gap.str.contains(DRUG_AFTER_GAP)
    before = (pl.col("d_end") <= pl.col("q_start")) & before_gap.str.contains(DRUG_BEFORE_GAP)
    linked = pairs.with_columns(
        pl.when(inside).then(0).when(after).then(1).when(before).then(2).alias("link"),
        (pl.col("d_start") - pl.col("q_end")).abs().alias("distance"),
        after_gap.str.extract(DRUG_AFTER_GAP, 1).str.len_bytes().fill_null(0).alias("describing_length"),
    ).filter(pl.col("link").is_not_null())
    best = (
        linked.sort("qid", "link", "distance")
        .unique("qid", keep="first")
        .select(
            "qid", "drug", "d_start", "d_end",
            pl.when(pl.col("link") == 1).then(pl.col("d_start") - pl.col("describing_length"))
            .otherwise(pl.col("d_start")).alias("form_start"),
        )
    )
    return quantities.join(best, on="qid", how="left")


def _nearest_cue(quantities: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """Type of the action cue nearest before the quantity in its sentence, else nearest after."""
    actions = cues.filter(pl.col("cue_type").is_in(["seize", "block"])).select(
        "doc", "sentence_no", "c_start", "c_end", "cue_type"
    )
    before = quantities.sort("q_start").join_asof(
        actions.sort("c_end").rename({"cue_type": "cue_before"}).select("doc", "sentence_no", "c_end", "cue_before"),
        left_on="q_start", right_on="c_end", by=["doc", "sentence_no"], strategy="backward", check_sortedness=False,
    ).drop("c_end")
    after = before.sort("q_end").join_asof(
        actions.sort("c_start").rename({"cue_type": "cue_after"}).select("doc", "sentence_no", "c_start", "cue_after"),
        left_on="q_end", right_on="c_start", by=["doc", "sentence_no"], strategy="forward", check_sortedness=False,
    ).drop("c_start")
    return after.with_columns(pl.coalesce("cue_before", "cue_after").alias("cue"))


def qualify(quantities: pl.DataFrame, cues: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """Flags that decide whether a quantity can be a seizure, and what it may merge with."""
    quantities = _nearest_cue(quantities, cues).join(prepared.select("doc", "low"), on="doc")
    drug_or_quantity_end = pl.max_horizontal("q_end", pl.col("d_end").fill_null(0))
    after = _gap(pl.col("low"), drug_or_quantity_end, pl.min_horizontal(drug_or_quantity_end + 60, pl.col("s_end")))
    before = _gap(pl.col("low"), pl.col("s_start"), pl.col("q_start"))
    sentence = _gap(pl.col("low"), pl.col("s_start"), pl.col("s_end"))
    aggregate_after = after.str.extract(r"^([^,;]*)", 1).str.contains(AGGREGATE)
    aggregate_before = before.str.contains(AGGREGATE) & ~before.str.extract(r"(?s)^(.*)" + AGGREGATE, 1).str.contains(SUPERLATIVE_BEFORE).fill_null(False)
    return quantities.with_columns(
        (pl.col("cue") == "seize").fill_null(False).alias("seize_context"),
        pl.col("cue_before").is_null().alias("passive"),
        after.str.contains(RATE_AFTER).alias("is_rate"),
        (aggregate_after | aggregate_before | after.str.contains(COMPARED_AFTER) | before.str.contains(COMPARED_BEFORE))
        .alias("is_aggregate"),
        (pl.col("qualifier_kind") == "total").fill_null(False).alias("total_qualifier"),
        sentence.str.contains(TOTAL_WORDS).alias("total_words"),
        (
            before.str.extract(r"([^.;:,]*)$", 1).str.contains(TOTAL_WORDS)
            | after.str.extract(r"^([^;:,]*)", 1).str.contains(TOTAL_WORDS)
        ).fill_null(False).alias("total_words_near"),
        before.str.contains(DEFINITE_BEFORE).alias("definite"),
        before.str.contains(OFFLOAD).alias("offload"),
        _gap(pl.col("low"), pl.col("q_start") - 80, pl.col("q_start")).str.contains(COMPLETES_EARLIER).alias("completes_earlier"),
    ).drop("low")


def merge_in_sentence(quantities: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """Merge consecutive quantities of one load in one sentence (a count and a weight, or one
    weight in two units); the second is absorbed into the first (`absorbed_by`)."""
    same_sentence_next = (pl.col("doc") == pl.col("doc").shift(-1)) & (pl.col("sentence_no") == pl.col("sentence_no").shift(-1))
    ordered = quantities.sort("doc", "q_start").with_columns(
        pl.when(same_sentence_next).then(pl.col(c).shift(-1)).alias(name)
        for c, name in (("qid", "next_qid"), ("q_start", "next_start"), ("dimension", "next_dimension"), ("drug", "next_drug"))
    ).filter(pl.col("next_qid").is_not_null()).join(prepared.select("doc", "low"), on="doc")
    gap = _gap(pl.col("low"), pl.col("q_end"), pl.col("next_start"))
    same_drug = pl.col("drug").is_null() | pl.col("next_drug").is_null() | (pl.col("drug") == pl.col("next_drug"))
    merges = (
        pl.when(~same_drug).then(None)
        .when((pl.col("dimension") == "count") & pl.col("next_dimension").is_in(["mass", "volume"]) & gap.str.contains(COUNT_THEN_WEIGHT))
        .then(pl.lit("count-weight-merge"))
        .when(pl.col("dimension").is_in(["mass", "volume"]) & (pl.col("next_dimension") == "count") & gap.str.contains(WEIGHT_THEN_COUNT))
        .then(pl.lit("weight-count-merge"))
        .when((pl.col("dimension") == pl.col("next_dimension")) & (pl.col("dimension") == "mass") & gap.str.contains(SAME_WEIGHT))
        .then(pl.lit("weight-conversion"))
    )
    pairs = ordered.with_columns(merges.alias("merge")).filter(pl.col("merge").is_not_null())
    # A quantity absorbed by the one before it cannot absorb the next one.
    pairs = pairs.filter(~pl.col("qid").is_in(pairs["next_qid"].implode()))
    absorbed = pairs.select(pl.col("next_qid").alias("qid"), pl.col("qid").alias("absorbed_by"))
    partner = quantities.select(
        pl.col("qid").alias("next_qid"),
        pl.col("quantity_kg").alias("p_kg"), pl.col("quantity_litres").alias("p_litres"),
        pl.col("quantity_units").alias("p_units"), pl.col("unit_type").alias("p_unit_type"),
        pl.col("q_start").alias("p_start"), pl.col("q_end").alias("p_end"), pl.col("drug").alias("p_drug"), pl.col("form_start").alias("p_form_start"),
        pl.col("d_end").alias("p_d_end"), pl.col("seize_context").alias("p_seize"),
        (pl.col("qualifier_kind") == "approximate").fill_null(False).alias("p_approximate"),
    )
    merged = quantities.join(pairs.select("qid", "next_qid", "merge"), on="qid", how="left").join(partner, on="next_qid", how="left")
    takes_partner = pl.col("merge").is_in(["count-weight-merge", "weight-count-merge"])
    return merged.with_columns(
        pl.coalesce("quantity_kg", pl.when(takes_partner).then("p_kg")).alias("quantity_kg"),
        pl.coalesce("quantity_litres", pl.when(takes_partner).then("p_litres")).alias("quantity_litres"),
        pl.coalesce("quantity_units", pl.when(takes_partner).then("p_units")).alias("quantity_units"),
        pl.coalesce("unit_type", pl.when(takes_partner).then("p_unit_type")).alias("unit_type"),
        pl.when(pl.col("drug").is_null()).then("p_form_start").otherwise("form_start").alias("form_start"),
        pl.when(pl.col("drug").is_null()).then("p_d_end").otherwise("d_end").alias("d_end"),
        pl.coalesce("drug", "p_drug").alias("drug"),
        (pl.col("seize_context") | pl.col("p_seize").fill_null(False)).alias("seize_context"),
        ((pl.col("qualifier_kind") == "approximate").fill_null(False) | pl.col("p_approximate").fill_null(False)).alias("is_approximate"),
        pl.col("p_start").alias("partner_start"),
        pl.col("p_end").alias("partner_end"),
    ).join(absorbed, on="qid", how="left").drop(
        "p_kg", "p_litres", "p_units", "p_unit_type", "p_drug", "p_form_start", "p_d_end", "p_seize", "p_approximate",
        "p_start", "p_end", "next_qid",
    )


# A weight or count right before `of …`/`de …` says what it weighs: it cannot borrow a drug.
NAMES_ITS_CONTENT = r"^\s*\)?\s*(?:of|de|del|da|do)\b"


def imply_drugs(quantities: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """A seized weight or count without a drug of its own (`In the second raid they found
    1,500 kg on a boat`) takes the drug of the seizure just before it in the same paragraph.
    Not a figure introduced as known (`Las 8 mil 400 dosis aseguradas`):
    that one restates or completes a seizure. Adds `implied_drug`."""
    sources = quantities.filter(pl.col("drug").is_in(SEIZURE_GROUPS) & pl.col("seize_context")).select(
        "doc", pl.col("q_start").alias("source_start"), pl.col("drug").alias("source_drug"),
        pl.col("para_no").alias("source_para"),
    ).sort("source_start")
    bare = (
        pl.col("drug").is_null() & pl.col("seize_context") & pl.col("absorbed_by").is_null() & ~pl.col("definite")
        & ~_gap(pl.col("low"), pl.col("q_end"), pl.col("q_end") + 6).str.contains(NAMES_ITS_CONTENT)
    )
    joined = quantities.join(prepared.select("doc", "low"), on="doc").with_columns(bare.alias("_bare")).drop("low")
    joined = joined.sort("q_start").join_asof(
        sources, left_on="q_start", right_on="source_start", by="doc", strategy="backward",
        allow_exact_matches=False, check_sortedness=False,
    )
    implied = (pl.col("_bare") & (pl.col("source_para") == pl.col("para_no"))).fill_null(False)
    return joined.with_columns(
        pl.when(implied).then("source_drug").otherwise("drug").alias("drug"),
        implied.alias("implied_drug"),
    ).drop("_bare", "source_start", "source_drug", "source_para")


def candidate_expr() -> pl.Expr:
    return (
        pl.col("drug").is_in(SEIZURE_GROUPS).fill_null(False)
        & pl.col("seize_context")
        & ~pl.col("is_rate")
        & ~pl.col("is_aggregate")
        & (pl.col("qualifier_kind") != "limit").fill_null(True)
        & pl.col("absorbed_by").is_null()
    )


def merge_across_sentences(quantities: pl.DataFrame) -> pl.DataFrame:
    """A count or a weight that completes the seizure before it (`restatement-units-merge`):
    within two sentences, of the same drug or none, introduced by a definite article or by
    `weighed`/`split into`, and filling what the seizure lacks. Adds `completes` (the qid)."""
    seizures = quantities.filter(pl.col("candidate")).select(
        "doc", pl.col("qid").alias("completes"), pl.col("q_start").alias("target_start"),
        pl.col("sentence_no").alias("target_sentence"), pl.col("drug").alias("target_drug"),
        pl.col("quantity_kg").alias("target_kg"), pl.col("quantity_units").alias("target_units"),
    )
    completers = quantities.filter(
        pl.col("absorbed_by").is_null() & (pl.col("definite") | pl.col("completes_earlier"))
    ).select("qid", "doc", "q_start", "sentence_no", "drug", "dimension", "quantity_kg", "quantity_units")
    # A figure equal to one of an earlier seizure restates it (`Las 8 mil 400 dosis aseguradas`).
    restating = completers.join(
        quantities.filter(pl.col("candidate")).select(
            "doc", pl.col("q_start").alias("q_start_o"), pl.col("quantity_kg").alias("quantity_kg_o"),
            pl.col("quantity_units").alias("quantity_units_o"), pl.lit(None, pl.Float64).alias("quantity_litres_o"),
        ),
        on="doc",
    ).with_columns(pl.lit(None, pl.Float64).alias("quantity_litres")).filter(
        (pl.col("q_start_o") < pl.col("q_start")) & _same_figure(RESTATEMENT_TOLERANCE)
    ).select("qid")
    completers = completers.join(restating, on="qid", how="anti")
    matched = completers.sort("q_start").join_asof(
        seizures.sort("target_start"), left_on="q_start", right_on="target_start", by="doc",
        strategy="backward", allow_exact_matches=False, check_sortedness=False,
    ).filter(
        (pl.col("sentence_no") > pl.col("target_sentence"))
        & (pl.col("sentence_no") - pl.col("target_sentence") <= 2)
        & (pl.col("drug").is_null() | (pl.col("drug") == pl.col("target_drug")))
        & (
            ((pl.col("dimension") == "count") & pl.col("target_units").is_null())
            | ((pl.col("dimension") == "mass") & pl.col("target_kg").is_null())
        )
    ).select("qid", "completes")
    return quantities.join(matched, on="qid", how="left")


def apply_completions(quantities: pl.DataFrame) -> pl.DataFrame:
    """Copy each completing count or weight into the seizure it completes."""
    fills = quantities.filter(pl.col("completes").is_not_null()).sort("q_start").group_by("completes").agg(
        pl.col("quantity_kg").drop_nulls().first().alias("c_kg"),
        pl.col("quantity_units").drop_nulls().first().alias("c_units"),
        pl.col("unit_type").drop_nulls().first().alias("c_unit_type"),
        pl.col("q_start").first().alias("c_start"),
        pl.col("q_end").first().alias("c_end"),
    ).rename({"completes": "qid"})
    return quantities.join(fills, on="qid", how="left").with_columns(
        pl.coalesce("quantity_kg", "c_kg").alias("quantity_kg"),
        pl.coalesce("quantity_units", "c_units").alias("quantity_units"),
        pl.coalesce("unit_type", "c_unit_type").alias("unit_type"),
        pl.col("c_start").is_not_null().alias("completed"),
        pl.coalesce("partner_start", "c_start").alias("partner_start"),
        pl.coalesce("partner_end", "c_end").alias("partner_end"),
    ).drop("c_kg", "c_units", "c_unit_type", "c_start", "c_end")


def _relative_difference(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return (a - b).abs() / pl.max_horizontal(a.abs(), b.abs())


def _same_figure(tolerance: float | pl.Expr) -> pl.Expr:
    """Two seizures state the same figure in some dimension (columns with suffix `_o`)."""
    return pl.any_horizontal(
        (_relative_difference(pl.col(c), pl.col(c + "_o")) <= tolerance).fill_null(False)
        for c in ("quantity_kg", "quantity_units", "quantity_litres")
    )


def _figure_pairs(seizures: pl.DataFrame) -> pl.DataFrame:
    """Every ordered pair of seizures of one article and drug; the other one's columns end in `_o`."""
    figures = [
        "qid", "doc", "drug", "q_start", "is_headline", "is_approximate", "definite", "quantity_kg", "quantity_units",
        "quantity_litres",
    ]
    left = seizures.select(figures)
    right = left.rename({c: c + "_o" for c in figures if c not in ("doc", "drug")})
    return left.join(right, on=["doc", "drug"]).filter(pl.col("qid") != pl.col("qid_o"))


def find_body_restatements(seizures: pl.DataFrame) -> pl.DataFrame:
    """(qid, restates): figures of the body that restate an earlier one of the same drug,
    introduced as known (`the 2,800 kilos found in Guayaquil`, `Las 3,2 toneladas halladas`)."""
    pairs = _figure_pairs(seizures).filter(
        ~pl.col("is_headline") & ~pl.col("is_headline_o") & (pl.col("q_start_o") < pl.col("q_start"))
        & pl.col("definite") & _same_figure(RESTATEMENT_TOLERANCE)
    )
    return pairs.sort("qid", "q_start_o").unique("qid", keep="first").select("qid", pl.col("qid_o").alias("restates"))


def find_headline_restatements(seizures: pl.DataFrame) -> pl.DataFrame:
    """(qid, restates): headline figures that the body gives (a headline rounds: within 10%, or
    35% for a bound like `mas de una tonelada`), each mapped to the closest body figure."""
    tolerance = pl.when(pl.col("is_approximate")).then(HEADLINE_BOUND_TOLERANCE).otherwise(HEADLINE_TOLERANCE)
    pairs = _figure_pairs(seizures).filter(
        pl.col("is_headline") & ~pl.col("is_headline_o") & _same_figure(tolerance)
    ).with_columns(
        pl.min_horizontal(
            _relative_difference(pl.col(c), pl.col(c + "_o")) for c in ("quantity_kg", "quantity_units", "quantity_litres")
        ).alias("difference")
    )
    return pairs.sort("qid", "difference").unique("qid", keep="first").select("qid", pl.col("qid_o").alias("restates"))


def find_totals(seizures: pl.DataFrame) -> pl.DataFrame:
    """qids of figures that only add up other seizures of the article (same drug).

    A figure is a total when the headline or lead calls it one right next to it (`a combined
    3.5 tonnes`, `en total`, `… in two operations`), or when it equals the sum of two, three or all
    the other seizures and is in the headline or in a sentence that says something adds up
    (`which together total`). A sum alone is not enough: a real seizure can equal the sum of
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
    totals = seizures.filter(pl.col("is_headline") | pl.col("total_qualifier") | pl.col("total_words")).select(
        "qid", "doc", "drug", "quantity_kg"
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
        .group_by("qid", "quantity_kg").agg(pl.col("kg_a").sum().alias("sum_kg"), pl.len().alias("n"))
        .filter(pl.col("n") >= 2)
    )
    sums = pl.concat([
        pairs.select("qid", "quantity_kg", (pl.col("kg_a") + pl.col("kg_b")).alias("sum_kg")),
        triples.select("qid", "quantity_kg", (pl.col("kg_a") + pl.col("kg_b") + pl.col("kg_c")).alias("sum_kg")),
        all_others.select("qid", "quantity_kg", "sum_kg"),
    ])
    by_sum = sums.filter(
        (_relative_difference(pl.col("quantity_kg"), pl.col("sum_kg")) <= TOTAL_TOLERANCE).fill_null(False)
    ).select("qid")
    return pl.concat([by_sum, by_words]).unique()


def place_seizures(seizures: pl.DataFrame, places: pl.DataFrame, cues: pl.DataFrame, datelines: pl.DataFrame) -> pl.DataFrame:
    """Add country_iso2 and country_basis (see the module docstring for the order)."""
    where = places.filter(pl.col("role").is_in(["location", "authority"]))
    # The dateline is the fallback, not evidence of the sentence it opens.
    evidence = pl.concat([
        where.filter(~pl.col("in_dateline")).select(
            "doc", "sentence_no", "para_no", pl.col("m_start").alias("pos"), "country_iso2",
            pl.when(pl.col("mention_type") == "demonym").then(pl.lit("demonym of the authority"))
            .otherwise(pl.lit("place")).alias("kind"),
        ),
        cues.filter(pl.col("cue_type") == "international_waters").select(
            "doc", "sentence_no", "para_no", pl.col("c_start").alias("pos"),
            pl.lit(None, pl.Utf8).alias("country_iso2"), pl.lit("international waters").alias("kind"),
        ),
    ])
    national_waters = places.filter(pl.col("national_waters")).select("doc", "sentence_no").unique()
    open_sea = (
        evidence.filter(pl.col("kind") == "international waters").select("doc", "sentence_no").unique()
        .join(national_waters, on=["doc", "sentence_no"], how="anti")
        .with_columns(pl.lit(True).alias("open_sea"))
    )
    located = evidence.filter(pl.col("kind") != "international waters")
    keys = seizures.select("qid", "doc", "sentence_no", "para_no", "q_start", "s_start", "s_end")
    in_sentence = (
        keys.join(located, on=["doc", "sentence_no"])
        .with_columns((pl.col("pos") - pl.col("q_start")).abs().alias("distance"))
        .sort("qid", "distance").unique("qid", keep="first")
        .select("qid", pl.col("country_iso2").alias("sentence_iso"), ("in sentence: " + pl.col("kind")).alias("sentence_basis"))
    )
    paragraph_evidence = evidence.select("doc", "para_no", "pos", "country_iso2", "kind")
    before = keys.sort("s_start").join_asof(
        paragraph_evidence.sort("pos"), left_on="s_start", right_on="pos", by=["doc", "para_no"],
        strategy="backward", allow_exact_matches=False, check_sortedness=False,
    ).select("qid", pl.col("country_iso2").alias("before_iso"), pl.col("kind").alias("before_kind"))
    after = keys.sort("s_end").join_asof(
        paragraph_evidence.sort("pos"), left_on="s_end", right_on="pos", by=["doc", "para_no"], strategy="forward", check_sortedness=False,
    ).select("qid", pl.col("country_iso2").alias("after_iso"), pl.col("kind").alias("after_kind"))
    counts = where.group_by("doc", "country_iso2").agg(pl.len().alias("n"), pl.col("m_start").min().alias("first"))
    dominant = counts.sort(["doc", "n", "first"], descending=[False, True, False]).unique("doc", keep="first").select(
        "doc", pl.col("country_iso2").alias("dominant_iso")
    )
    dateline = places.filter(pl.col("in_dateline")).sort("m_start").unique("doc", keep="first").select(
        "doc", pl.col("country_iso2").alias("dateline_iso")
    )
    # An offload comes from interdictions at sea when the article says so anywhere.
    at_sea_article = evidence.filter(pl.col("kind") == "international waters").select("doc").unique().with_columns(
        pl.lit(True).alias("sea_article")
    )
    joined = (
        seizures.join(open_sea, on=["doc", "sentence_no"], how="left")
        .join(at_sea_article, on="doc", how="left")
        .with_columns((pl.col("open_sea").fill_null(False) | (pl.col("offload") & pl.col("sea_article").fill_null(False))).alias("open_sea"))
        .join(in_sentence, on="qid", how="left").join(before, on="qid", how="left").join(after, on="qid", how="left")
        .join(dateline, on="doc", how="left").join(dominant, on="doc", how="left")
    )
    basis = (
        pl.when(pl.col("open_sea") & pl.col("offload")).then(pl.lit("offloaded from international waters"))
        .when(pl.col("open_sea")).then(pl.lit("in sentence: international waters"))
        .when(pl.col("sentence_basis").is_not_null()).then("sentence_basis")
        .when(pl.col("before_kind").is_not_null()).then("in paragraph: " + pl.col("before_kind"))
        .when(pl.col("after_kind").is_not_null()).then("in paragraph: " + pl.col("after_kind"))
        .when(pl.col("dateline_iso").is_not_null()).then(pl.lit("dateline"))
        .when(pl.col("dominant_iso").is_not_null()).then(pl.lit("article's main country"))
    )
    country = (
        pl.when(pl.col("open_sea")).then(None)
        .when(pl.col("sentence_basis").is_not_null()).then("sentence_iso")
        .when(pl.col("before_kind").is_not_null()).then("before_iso")
        .when(pl.col("after_kind").is_not_null()).then("after_iso")
        .otherwise(pl.coalesce("dateline_iso", "dominant_iso"))
    )
    return joined.with_columns(country.alias("country_iso2"), basis.alias("country_basis")).drop(
        "open_sea", "sea_article", "sentence_iso", "sentence_basis", "before_iso", "before_kind", "after_iso", "after_kind",
        "dateline_iso", "dominant_iso",
    )


def tie_actors(
    seizures: pl.DataFrame, owners: pl.DataFrame, ties: pl.DataFrame, cues: pl.DataFrame, drugs: pl.DataFrame,
    sentences: pl.DataFrame,
) -> pl.DataFrame:
    """Add `actors`: the groups tie statements attach to each seizure.

    `owners` maps every quantity of the article that belongs to a kept seizure (itself, an
    absorbed or completing figure, a restatement) to that seizure: (doc, sentence_no, seizure_qid).
    A statement in a sentence with such a quantity is about those seizures; one without is about
    the loads before it (`both loads` → two, `the pills` → the last pills, `the lab` → the last
    operation, otherwise the last one); one before any seizure is about the next. A negation
    (`did not say which group`) clears the seizures it is about.
    """
    statements = pl.concat([
        ties.select("doc", "sentence_no", "a_start", "actor", pl.lit(False).alias("negated")),
        cues.filter(pl.col("cue_type") == "negation").select(
            "doc", "sentence_no", pl.col("s_end").alias("a_start"), pl.lit(None, pl.Utf8).alias("actor"),
            pl.lit(True).alias("negated"),
        ),
    ])
    negated_sentences = statements.filter("negated").select("doc", "sentence_no").unique()
    statements = statements.join(
        negated_sentences.with_columns(pl.lit(True).alias("sentence_negated")), on=["doc", "sentence_no"], how="left"
    ).filter(pl.col("negated") | pl.col("sentence_negated").is_null()).drop("sentence_negated")
    statements = statements.join(sentences.select("doc", "sentence_no", "para_no"), on=["doc", "sentence_no"])

    direct = statements.join(owners, on=["doc", "sentence_no"]).select("seizure_qid", "actor", "negated")
    about_earlier = statements.join(owners.select("doc", "sentence_no").unique(), on=["doc", "sentence_no"], how="anti")
    targets = _referred_seizures(about_earlier, seizures, cues, drugs)
    links = pl.concat([direct, targets])
    negated = links.filter("negated").select("seizure_qid").unique()
    actors = (
        links.filter(~pl.col("negated")).join(negated, on="seizure_qid", how="anti")
        .group_by("seizure_qid").agg(pl.col("actor").unique().sort().alias("actors"))
    )
    return seizures.join(actors.rename({"seizure_qid": "qid"}), on="qid", how="left").with_columns(
        pl.col("actors").fill_null(pl.lit([], dtype=pl.List(pl.Utf8)))
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
        drugs.filter(pl.col("drug").is_in(SEIZURE_GROUPS)).select("doc", "sentence_no", pl.col("d_start").alias("pos"), "drug"),
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
        pl.int_range(pl.len()).over("statement").alias("recency"),
        pl.col("episode").first().over("statement").alias("last_episode"),
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
        .with_columns(pl.int_range(pl.len()).over("statement").alias("order"))
        .filter(pl.col("order") < pl.col("how_many"))
    )
    return pl.concat([
        chosen_earlier.select("seizure_qid", "actor", "negated"),
        later.select("seizure_qid", "actor", "negated"),
    ])


def possessive_ties(quantities: pl.DataFrame, actors: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """`3,2 toneladas de cocaina del Clan del Golfo`: a group right after the drug owns it."""
    linked = quantities.filter(pl.col("d_end").is_not_null()).select("doc", "sentence_no", "d_end")
    pairs = linked.join(actors, on="doc").filter(
        (pl.col("m_start") >= pl.col("d_end")) & (pl.col("m_start") - pl.col("d_end") <= 12)
    ).join(prepared.select("doc", "low"), on="doc")
    return pairs.filter(
        window(pl.col("low"), pl.col("d_end"), pl.col("m_start")).str.contains(POSSESSIVE_GAP)
    ).select("doc", "sentence_no", pl.col("d_end").alias("t_start"), pl.col("m_start").alias("a_start"), "actor").unique()


def assemble(
    prepared: pl.DataFrame, sentences: pl.DataFrame, quantities: pl.DataFrame, mentions: pl.DataFrame,
    cues: pl.DataFrame, places: pl.DataFrame, actors: pl.DataFrame, ties: pl.DataFrame, datelines: pl.DataFrame,
    version: str,
) -> pl.DataFrame:
    """All seizures of all articles, in the contract's shape."""
    if quantities.is_empty():
        return pl.DataFrame(schema=SEIZURE_SCHEMA)
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
    quantities = imply_drugs(quantities, prepared)
    quantities = quantities.with_columns(candidate_expr().alias("candidate"))
    quantities = merge_across_sentences(quantities)
    quantities = apply_completions(quantities)

    candidates = quantities.filter(pl.col("candidate") & pl.col("completes").is_null())
    restated = find_body_restatements(candidates)
    # Totals first: a headline figure that adds up the body's seizures is a total even when it
    # is close to one of them.
    first_totals = find_totals(candidates.join(restated, on="qid", how="anti"))
    # A restatement in the body of a figure that turns out to be a total stands for itself (the
    # lead's `2,100 pounds of marijuana` among totals, later `yielded the 2,100 pounds`); a
    # headline figure that restates a total is a total too.
    restated = restated.join(first_totals.rename({"qid": "restates"}), on="restates", how="anti")
    headline_figures = candidates.join(first_totals.join(candidates.filter("is_headline").select("qid"), on="qid"), on="qid", how="anti")
    restated = pl.concat([restated, find_headline_restatements(headline_figures)])
    kept = candidates.join(restated, on="qid", how="anti")
    kept = kept.join(find_totals(kept), on="qid", how="anti")

    owners = _owners(quantities, restated, kept)
    separate = cues.filter(pl.col("cue_type") == "separate").select("doc", "sentence_no").unique().with_columns(
        pl.lit(True).alias("separate")
    )
    kept = place_seizures(kept, places, cues, datelines)
    # An operation ends where the report moves to a separate one or to another country.
    first_in_sentence = (pl.col("sentence_no") != pl.col("sentence_no").shift(1).over("doc")).fill_null(True)
    new_country = pl.col("country_iso2").ne_missing(pl.col("country_iso2").shift(1).over("doc")) & (pl.int_range(pl.len()).over("doc") > 0)
    kept = kept.join(separate, on=["doc", "sentence_no"], how="left").sort("doc", "q_start").with_columns(
        ((pl.col("separate").fill_null(False) & first_in_sentence) | new_country).cast(pl.Int32).cum_sum().over("doc").alias("episode")
    )
    ties = pl.concat([ties, possessive_ties(quantities, actors, prepared).cast(ties.schema)])
    kept = tie_actors(kept, owners, ties, cues, drugs, sentences)
    return _to_contract(kept, prepared, version)


def resolve_referring_drugs(drugs: pl.DataFrame) -> pl.DataFrame:
    """`the drug`, `la droga` → the last drug group the article named before."""
    named = drugs.filter(pl.col("drug").is_in(SEIZURE_GROUPS)).select("doc", pl.col("d_end").alias("named_end"), pl.col("drug").alias("named"))
    return drugs.sort("d_start").join_asof(
        named.sort("named_end"), left_on="d_start", right_on="named_end", by="doc", strategy="backward", check_sortedness=False
    ).with_columns(
        pl.when(pl.col("drug") == "referring").then("named").otherwise("drug").alias("drug")
    ).drop("named_end", "named")


def _owners(quantities: pl.DataFrame, restated: pl.DataFrame, kept: pl.DataFrame) -> pl.DataFrame:
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


def _to_contract(kept: pl.DataFrame, prepared: pl.DataFrame, version: str) -> pl.DataFrame:
    texts = prepared.select("doc", "article_id", "text")
    rule = (
        pl.when(pl.col("passive")).then(pl.lit("qty+drug+verb")).otherwise(pl.lit("verb+qty+drug"))
        + pl.when(pl.col("merge").is_not_null()).then("+" + pl.col("merge")).otherwise(pl.lit(""))
        + pl.when(pl.col("completed")).then(pl.lit("+restatement-units-merge")).otherwise(pl.lit(""))
        + pl.when(pl.col("implied_drug")).then(pl.lit("+implied-drug")).otherwise(pl.lit(""))
    )
    quantity_text = text_slice(pl.col("text"), pl.col("q_start"), pl.col("q_end"))
    partner_text = text_slice(pl.col("text"), pl.col("partner_start"), pl.col("partner_end"))
    out = kept.join(texts, on="doc").sort("doc", "q_start").with_columns(
        pl.int_range(1, pl.len() + 1).over("doc").alias("seizure_no"),
        text_slice(pl.col("text"), pl.col("form_start"), pl.col("d_end")).str.to_lowercase().alias("drug_form"),
        pl.when(pl.col("partner_start").is_not_null()).then(quantity_text + "; " + partner_text).otherwise(quantity_text).alias("quantity_text"),
        text_slice(pl.col("text"), pl.col("s_start"), pl.col("s_end")).alias("evidence"),
        pl.col("s_start").alias("char_start"),
        pl.col("s_end").alias("char_end"),
        rule.alias("rule"),
        pl.lit(version).alias("extractor_version"),
    )
    return out.select(list(SEIZURE_SCHEMA)).cast(SEIZURE_SCHEMA)
