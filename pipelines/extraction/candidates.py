"""From quantities to seizure candidates: each quantity's drug, the action it goes with, the
flags that rule it out (rates, capacities, aggregates), and the merges of one load's count and
weight, in one sentence or across sentences."""

from __future__ import annotations

import polars as pl

from pipelines.extraction.drugs import SEIZURE_DRUG_GROUPS
from pipelines.extraction.frames import join_nearest, with_texts
from pipelines.extraction.restatements import RESTATEMENT_TOLERANCE, same_figure
from pipelines.extraction.text import only_where, window

# Between a quantity and the drug after it: `of`/`de` and up to two describing words.
DRUG_AFTER_GAP = (
    r"^\s*\)?\s*(?:(?:of|de|del|da|do|con|with|containing|que contenian|que contenia)\s+"
    r"(?:(?:the|la|el|los|las|esta|this|that)\s+)?(?P<describing>(?:[a-z-]+\s+){0,2})|\s*)$"
)
# Between a count and the drug a test named after it: `55,000 blue pills that tested positive for
# fentanyl`, `bolsas con un polvo blanco que dio positivo a cocaina`, `pastillas que resultaron ser
# fentanilo` (no other figure between). That drug is the quantity's, before any drug of a description (`polvo blanco`).
DRUG_TESTED_GAP = (
    r"^[^.;\d]{0,60}?\b(?:that|which|que)\s+(?:later\s+|luego\s+|posteriormente\s+)?(?:(?:field-)?tested positive (?:for|as)|"
    r"(?:dio|dieron|da|dan|daba|daban|resulto|resultaron|deu|deram|testou|testaram) positivo(?:s)? (?:a|al|para|de|por)|"
    r"(?:resulto|resultaron|turned out to be|proved to be|were identified as|was identified as) (?:ser\s+)?)"
    r"\s*(?:(?:the|la|el|a|o)\s+)?$"
)
# Between two drugs that one figure covers: `of cocaine and marijuana`, `de cocaina y marihuana`.
DRUG_AND_DRUG = r"^\s*(?:,|and|y|e|&|as well as|asi como)\s*(?:(?:of|de|del|da|do)\s+)?$"
# Between a drug and the weight after it: `cocaine weighing 1,200 kg`, `cocaina con un peso de`.
DRUG_BEFORE_GAP = (
    r"^\s*,?\s*(?:weighing|weighed|that weighed|which weighed|totaling|totalling|amounting to|with a weight of|"
    r"with a total weight of|que pesaban|que pesaba|con un peso de|con un peso total de|por un total de|de|:)\s*$"
)
# Words of weighing: `weighing`, `with a combined weight of`, `que pesaron`, `tras ser pesados`.
WEIGHING = r"(?:weigh(?:s|ed|ing)?|weight|pes(?:a|an|o|aba|aban|aron|ado|ada|ados|adas|aje|ando|ava|avam|aram))"
# Count then weight of the same load: `1,000 bricks of cocaine weighing 1,200 kg`,
# `1.480 paquetes con alrededor de 1.600 kilos`, `900 panes de marihuana que pesaron 1.100 kilos`,
# `30,000 pills that tested positive for fentanyl, with a combined weight of 8 pounds`,
# `250 paquetes que, tras ser pesados, arrojaron 280 kilos`. The weighing may follow a relative
# clause about the counted things, but no other noun phrase (`pills in a car and a bag weighing`).
COUNT_THEN_WEIGHT = (
    r"^(?:\s+(?:of|de|del|con|with|containing)(?:\s+[a-z-]+){1,3})?\s*,?\s*(?:"
    r"(?:(?:that|which|que)\b[^.;()]{0,60}?|(?:with|con|com)\s+(?:a|un|um)\s+(?:[a-z]+\s+)?)?"
    r"\b" + WEIGHING + r"\b[^.;()\d]{0,30}?"
    r"|con|with|containing|que contenian|holding|totaling|totalling|equivalent to|equivalentes a|\()\s*$"
)
# How a load was packed: the count after these words is the load's (`split into 96 bales`,
# `distribuida en 3.310 paquetes`, `dividida em 1.640 tabletes`).
PACKED_IN = (
    r"(?:split into|divided into|distributed (?:in|into|among)|packed (?:in|into)|packaged (?:in|into)|wrapped in|"
    r"(?:repartid|distribuid|dividid|empacad|embalad|contenid|envuelt|acondicionad|empaquetad|fraccionad)[oa]s? en|"
    r"(?:dividid|distribuid|embalad|acondicionad|empacotad|fracionad)[oa]s? em)"
)
# Weight then count of the same load: `tres toneladas de hachis…, repartidas en 96 fardos`.
WEIGHT_THEN_COUNT = (
    r"^(?:[^.;]{0,60}?\b" + PACKED_IN + r"|(?:\s+(?:of|de|del)(?:\s+[a-z-]+){1,3})?\s*(?:in|en|\())\s*$"
)
# The same weight in two units: `1,100 pounds (500 kilograms)`, `45 kilos of cocaine, or about 99 pounds`.
SAME_WEIGHT = r"^(?:\s+(?:of|de|da|do)(?:\s+[a-z-]+){1,3})?\s*(?:\(|,\s*or|,\s*o|,\s*ou)\s*$"
# A count or weight that completes an earlier seizure from a later sentence:
# `The pills … weighed nearly 90 pounds`, `The shipment, split into 2,450 packages`.
COMPLETES_EARLIER = r"\b(?:weigh(?:ed|ing|s)?|pesaban|pesaba|pesan|peso total|pesava|pesavam|" + PACKED_IN + r")\b"
# What a load is packed in (not pills or doses, which are the drug itself).
PACKED_UNITS = ("packages", "bricks", "bales", "bundles")
# A count whose drug is named as known (`210 packages containing the alleged methamphetamine`,
# `paquetes con la droga`): the packages of a load already reported, not another seizure.
ANAPHORIC_DRUG_GAP = (
    r"\b(?:containing|holding|with|filled with|con|que contenian|que contenia|llen[oa]s de|contendo|com|chei[oa]s de)\s+"
    r"(?:the|la|el|los|las|a|o|os|as|dicha|dicho|esa|ese|essa|esse)\s|\b(?:alleged|suspected|presunt[oa]|supuest[oa]|supost[oa])\b"
)
# A definite article or demonstrative right before a quantity: the load was mentioned before.
DEFINITE_BEFORE = r"\b(?:the|los|las|la|el|these|those|estos|estas|esos|esas|dichos|dichas|said|that|this)\s+$"
# `2,900 metric tons a year`, `800 kg of the drug a week`: a rate, not a load.
RATE_AFTER = (
    r"^\s*(?:(?:a|an|per|each|every|al|por|cada|a la)\s+(?:year|week|day|month|ano|semana|dia|mes)s?\b|"
    r"(?:annually|yearly|weekly|daily|monthly|anuales|anualmente|semanales|diarios|diarias|mensuales)\b)"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|"
    r"julho|setembro|outubro|novembro|dezembro"
)
# A running total over a period, not one seizure: the period alone says so.
AGGREGATE = (
    r"\b(?:so far this (?:year|month)|so far in \d{4}|this year alone|since the start of the year|"
    r"since the beginning of the year|year to date|(?:in|during|over|for) the (?:first|second|last|past) (?:half|quarter|"
    r"semester|[a-z0-9]+ (?:months|years))|(?:in|during|for) (?:the )?fiscal (?:year|\d{4})|during the year|"
    r"in all of \d{4}|between january and|from january to|en lo que va del? (?:ano|mes|\d{4})|en lo que va de este ano|"
    r"desde (?:inicios|principios|comienzos) de(?:l)? ano|(?:en|durante) el (?:primer|segundo) (?:semestre|"
    r"trimestre|cuatrimestre)|(?:en|durante) (?:los|el) (?:primeros|ultimos) [a-z0-9]+ (?:meses|anos)|"
    r"(?:en|durante) el (?:ano|ejercicio) fiscal|entre enero y|de enero a|durante el ano|a lo largo del ano|"
    r"este ano en total|(?:no|durante o) (?:primeiro|segundo) (?:semestre|trimestre)|"
    r"(?:nos|durante os) (?:primeiros|ultimos) [a-z0-9]+ (?:meses|anos)|entre janeiro e|de janeiro a|"
    r"desde o inicio do ano|ate agora|"
    # `since October`, `desde enero`, `desde 2019`, `in the past year`, `en el ultimo ano`
    r"(?:since|desde) (?:" + _MONTHS + r"|(?:19|20)\d{2})|(?:in|over|during) the (?:past|last) year|"
    r"(?:en|durante) el (?:ultimo|pasado) ano|(?:no|durante o) ultimo ano)\b"
    # `Colombia's cocaine seizures totaled 650 tons last year`
    r"|\b(?:seizures|interdictions|incautaciones|decomisos|aseguramientos|apreensoes)\b[^.;]{0,40}"
    r"\b(?:totaled|totalled|totaling|reached|amounted to|rose to|fell to|climbed to|sumaron|suman|alcanzaron|"
    r"alcanzan|llegaron a|ascendieron a|ascienden a|somaram)\b"
)
# A year as the frame of a figure (`in 2024`, `last year`, `el ano pasado`, `em 2024`): a yearly
# total when the sentence also says it covers a country or adds up (PERIOD_SCOPE, TOTAL_WORDS),
# or when nothing in it points to one event (ONE_EVENT, a record).
YEAR_FRAME = (
    r"\b(?:in|during|for|throughout|en|durante|a lo largo de|em|ao longo de)\s+(?:the year\s+|el ano\s+|o ano de\s+)?"
    r"(?:19|20)\d{2}\b"
    r"|\b(?:last|past|previous|this) year\b|\bel ano (?:pasado|anterior)\b|\beste ano\b|"
    r"\bano (?:passado|anterior)\b|\b(?:neste|nesse|este) ano\b"
)
# A figure that covers a country or a year: `nationwide`, `en todo el pais`, `the highest annual figure`.
PERIOD_SCOPE = (
    r"\b(?:nationwide|countrywide|across the country|throughout the country|all over the country|in the whole country|"
    r"annual|yearly|en todo el (?:pais|territorio)|a nivel nacional|anual|anuales|"
    r"em todo o (?:pais|territorio)|em nivel nacional)\b"
)
# What makes a figure framed by a year one seizure: a vessel, vehicle or place named as one
# (`aboard a ship`, `en un camion`), a day or a month, the event named in the singular, or a
# verb of discovery (yearly figures are `seized`, one load is `found`).
_CONVEYANCES = (
    r"ship|boat|vessel|freighter|cargo ship|container ship|container|truck|lorry|trailer|tractor-trailer|car|van|"
    r"vehicle|bus|plane|aircraft|light aircraft|jet|submarine|semi-submersible|narco-sub|speedboat|go-fast|yacht|"
    r"sailboat|fishing boat|warehouse|house|home|farm|ranch|lab|laboratory|suitcase|backpack|"
    r"barco|buque|lancha|velero|semisumergible|contenedor|camion|camioneta|tractocamion|tractomula|vehiculo|auto|"
    r"automovil|avioneta|aeronave|bodega|vivienda|casa|finca|rancho|laboratorio|maleta|embarcacion|autobus|furgon|"
    r"navio|veleiro|conteiner|contentor|caminhao|carreta|carro|veiculo|aviao|galpao|fazenda|sitio|mala|embarcacao|onibus"
)
_DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo"
ONE_EVENT = (
    r"\b(?:a|an|one|single|un|una|um|uma)\s+(?:[a-z-]+\s+){0,2}?(?:" + _CONVEYANCES + r")\b"
    r"|\b(?:found|discovered|uncovered|intercepted|boarded|hallaron|hallo|encontraron|encontro|descubrieron|descubrio|"
    r"localizaron|localizo|interceptaron|intercepto|encontrou|encontraram|descobriu|descobriram|interceptou|interceptaram)\b"
    r"|\b(?:" + _DAYS + r")\b|\b(?:segunda|terca|quarta|quinta|sexta)-feira\b|\b(?:yesterday|ayer|anoche|ontem)\b"
    r"|\b(?:in|en|em|on|de)\s+(?:early\s+|late\s+|mid-)?(?:" + _MONTHS + r")\b|\b\d{1,2}\s+de\s+(?:" + _MONTHS + r")\b"
    r"|\b(?:earlier|later) (?:this|that|last) year\b|\b(?:earlier|later) in (?:19|20)\d{2}\b"
    r"|\b(?:the|a|an|this|that|its|single)\s+(?:[a-z-]+\s+)?(?:seizure|haul|bust|raid|operation|interdiction|shipment|"
    r"consignment|load)\b"
    r"|\b(?:el|un|este|ese|aquel|dicho)\s+(?:[a-z]+\s+)?(?:decomiso|operativo|cargamento|alijo|hallazgo|aseguramiento|golpe|"
    r"allanamiento|procedimiento)\b|\b(?:la|una|esta|esa|dicha)\s+(?:[a-z]+\s+)?(?:incautacion|operacion|intercepcion|"
    r"aprehension)\b|\b(?:a|uma|essa|esta)\s+(?:[a-z]+\s+)?(?:apreensao|operacao)\b|\b(?:o|um|esse|este)\s+"
    r"(?:[a-z]+\s+)?carregamento\b"
)
# A past seizure quoted as the record (`the port's record remains the 4.1 tons seized in 2021`,
# `el mayor decomiso sigue siendo el de tres toneladas`): a seizure of its own, though written
# like one already known, and one event whatever year frames it.
RECORD_INTRO = (
    r"\b(?:record|largest|biggest|largest-ever|mayor|mas grande|maior|recorde)\b[^.;]{0,80}?"
    r"\b(?:remains|remained|is still|was still|still is|stands|stood|was|is|sigue siendo|seguia siendo|continua siendo|"
    r"es|fue|era|segue sendo|continua sendo|foi)\s+(?:at\s+)?(?:(?:that|those) of\s+|(?:el|la|los|las|o|a) de\s+)?"
    r"(?:(?:the|el|la|los|las|o|a|os|as)\s+)?(?:(?:de|of)\s+)?$"
)
# `seized 4.2 tons last year, down from 6 tons in 2021`: figures compared across periods.
COMPARED_AFTER = r"^[^.;]{0,40}\b(?:down from|up from|compared with|compared to|versus|frente a|comparado con|en comparacion con|contra|respecto a|a diferencia de)\s+(?:the\s+|los\s+|las\s+)?\d"
COMPARED_BEFORE = r"\b(?:down from|up from|compared with|compared to|versus|frente a|comparado con|en comparacion con|contra|respecto a)\s+(?:the\s+|los\s+|las\s+)?$"
SUPERLATIVE = r"\b(?:largest|biggest|record|mayor|mayores|mas grande|historic|historica)\b"
# Words that say a figure adds up others.
TOTAL_WORDS = (
    r"\b(?:combined|in total|en total|together|in all|en conjunto|en suma|suman|sumaron|a total of|un total de|"
    r"the product of|el producto de|in (?:two|three|four|five|\d+) (?:separate |different )?(?:operations|raids|"
    r"seizures|interdictions|busts|cases)|en (?:dos|tres|cuatro|cinco|\d+) (?:operaciones|operativos|procedimientos|"
    r"decomisos|incautaciones)(?: distint[oa]s)?)\b"
)
# A coast guard offloads in port what it seized at sea: the port is not where it was seized.
OFFLOAD = r"\boff-?load"


def resolve_referring_drugs(drugs: pl.DataFrame) -> pl.DataFrame:
    """`the drug`, `la droga` → the last drug group the article named before."""
    named = drugs.filter(pl.col("drug").is_in(SEIZURE_DRUG_GROUPS)).select("doc", pl.col("d_end").alias("named_end"), pl.col("drug").alias("named"))
    return join_nearest(drugs, named, "d_start", "named_end").with_columns(
        pl.when(pl.col("drug") == "referring").then("named").otherwise("drug").alias("drug")
    ).drop("named_end", "named")


def link_drugs(quantities: pl.DataFrame, drugs: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """Add the drug of each quantity: a drug inside it, after it (`of …`), or before it."""
    pairs = quantities.select("qid", "doc", "sentence_no", "q_start", "q_end").join(
        drugs, on=["doc", "sentence_no"]
    )
    pairs = with_texts(pairs, prepared, "low").with_columns(
        window(pl.col("low"), pl.col("q_end"), pl.col("d_start")).alias("_after_gap")
    )
    after_gap = pl.col("_after_gap")
    before_gap = window(pl.col("low"), pl.col("d_end"), pl.col("q_start"))
    inside = (pl.col("d_start") >= pl.col("q_start")) & (pl.col("d_end") <= pl.col("q_end"))
    tested = (pl.col("d_start") >= pl.col("q_end")) & after_gap.str.contains(DRUG_TESTED_GAP)
    after = (pl.col("d_start") >= pl.col("q_end")) & after_gap.str.contains(DRUG_AFTER_GAP)
    before = (pl.col("d_end") <= pl.col("q_start")) & before_gap.str.contains(DRUG_BEFORE_GAP)
    linked = pairs.with_columns(
        pl.when(inside | tested).then(0).when(after).then(1).when(before).then(2).alias("link"),
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
            ((pl.col("link") == 1) & pl.col("_after_gap").str.contains(ANAPHORIC_DRUG_GAP)).alias("anaphoric_drug"),
        )
    )
    # `15,000 pounds of cocaine and marijuana`: the figure covers two drugs, a mix of no one group.
    mixed = best.select("qid", pl.col("drug").alias("linked"), pl.col("d_end").alias("linked_end")).join(
        pairs.select("qid", "d_start", "drug", "low"), on="qid"
    ).filter(
        (pl.col("d_start") >= pl.col("linked_end")) & (pl.col("drug") != pl.col("linked"))
        & window(pl.col("low"), pl.col("linked_end"), pl.col("d_start")).str.contains(DRUG_AND_DRUG)
    ).select("qid")
    best = best.with_columns(
        pl.when(pl.col("qid").is_in(mixed["qid"].implode())).then(pl.lit("unspecified")).otherwise("drug").alias("drug")
    )
    return quantities.join(best, on="qid", how="left").with_columns(pl.col("anaphoric_drug").fill_null(False))


def _nearest_cue(quantities: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """Type of the action cue nearest before the quantity in its sentence, else nearest after."""
    actions = cues.filter(pl.col("cue_type").is_in(["seize", "block"])).select(
        "doc", "sentence_no", "c_start", "c_end", "cue_type"
    )
    in_sentence = ("doc", "sentence_no")
    before = join_nearest(
        quantities, actions.select(*in_sentence, "c_end", pl.col("cue_type").alias("cue_before")), "q_start", "c_end",
        by=in_sentence,
    ).drop("c_end")
    after = join_nearest(
        before, actions.select(*in_sentence, "c_start", pl.col("cue_type").alias("cue_after")), "q_end", "c_start",
        by=in_sentence, forward=True,
    ).drop("c_start")
    return after.with_columns(pl.coalesce("cue_before", "cue_after").alias("cue"))


def qualify(quantities: pl.DataFrame, cues: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """The action a quantity goes with, and the flags that decide what it may merge with or
    complete. Also the text after the figure (or its drug) and before it in its sentence,
    cut now (the drug may later be borrowed from a merged figure), read by `judge`."""
    drug_or_quantity_end = pl.max_horizontal("q_end", pl.col("d_end").fill_null(0))
    quantities = with_texts(_nearest_cue(quantities, cues), prepared, "low").with_columns(
        window(pl.col("low"), drug_or_quantity_end, pl.min_horizontal(drug_or_quantity_end + 60, pl.col("s_end"))).alias("_after"),
        window(pl.col("low"), pl.col("s_start"), pl.col("q_start")).alias("_before"),
        window(pl.col("low"), pl.col("q_start") - 80, pl.col("q_start")).str.contains(COMPLETES_EARLIER).alias("completes_earlier"),
    )
    return quantities.with_columns(
        (pl.col("cue") == "seize").fill_null(False).alias("seize_context"),
        pl.col("cue_before").is_null().alias("passive"),
        pl.col("_before").str.contains(RECORD_INTRO).alias("record"),
    ).with_columns(
        (pl.col("_before").str.contains(DEFINITE_BEFORE) & ~pl.col("record")).alias("definite"),
    ).drop("low")


def merge_in_sentence(quantities: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """Merge consecutive quantities of one load in one sentence (a count and a weight, or one
    weight in two units); the second is absorbed into the first (`absorbed_by`)."""
    same_sentence_next = (pl.col("doc") == pl.col("doc").shift(-1)) & (pl.col("sentence_no") == pl.col("sentence_no").shift(-1))
    ordered = quantities.select("qid", "doc", "sentence_no", "q_start", "q_end", "dimension", "drug").sort("doc", "q_start").with_columns(
        pl.when(same_sentence_next).then(pl.col(c).shift(-1)).alias(name)
        for c, name in (("qid", "next_qid"), ("q_start", "next_start"), ("dimension", "next_dimension"), ("drug", "next_drug"))
    ).filter(pl.col("next_qid").is_not_null())
    ordered = with_texts(ordered, prepared, "low")
    gap = window(pl.col("low"), pl.col("q_end"), pl.col("next_start"))
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
# A sentence that compares with a record (`The previous record, 6.5 tonnes found in 2020, still
# stands`, `el mayor decomiso`, `o recorde anterior`): its figures are measured against the
# article's main seizure.
RECORD_COMPARISON = (
    r"\b(?:records?|recordes?|largest|biggest|largest-ever|mas grande|(?:el|la|los|las) mayor(?:es)?\s+(?:[a-z]+\s+)?"
    r"(?:decomisos?|incautacion(?:es)?|cargamentos?|alijos?|aseguramientos?|hallazgos?)|maior(?:es)? apreens(?:ao|oes))\b"
)


def imply_drugs(quantities: pl.DataFrame, drugs: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """A seized weight or count without a drug of its own (`In the second raid they found
    1,500 kg on a boat`, `a further 1,450 kilos in two containers` a paragraph later) takes the
    drug of the last seizure before it in the article, or with none the last drug the article
    named (a headline's `Police seize cocaine`): news names the drug once and leaves it to the
    reader after. Not a figure introduced as known (`Las 8 mil 400 dosis aseguradas`): that one
    restates or completes a seizure. A figure in a sentence about a record takes the drug of the
    article's main seizure instead, its first (the headline's or lead's when they report one): a
    record is compared with that seizure, whatever drug was named in between. Adds `implied_drug`."""
    sources = quantities.filter(pl.col("drug").is_in(SEIZURE_DRUG_GROUPS) & pl.col("seize_context")).select(
        "doc", pl.col("q_start").alias("source_start"), pl.col("drug").alias("source_drug"),
    )
    named = drugs.filter(pl.col("drug").is_in(SEIZURE_DRUG_GROUPS)).select(
        "doc", pl.col("d_start").alias("named_start"), pl.col("drug").alias("named_drug"),
    )
    bare = (
        pl.col("drug").is_null() & pl.col("seize_context") & pl.col("absorbed_by").is_null() & ~pl.col("definite")
        & ~window(pl.col("low"), pl.col("q_end"), pl.col("q_end") + 6).str.contains(NAMES_ITS_CONTENT)
    )
    # Only the few bare figures look for a drug.
    bare_figures = with_texts(quantities, prepared, "low").filter(bare).select(
        "qid", "doc", "q_start",
        window(pl.col("low"), pl.col("s_start"), pl.col("s_end")).str.contains(RECORD_COMPARISON).alias("record_comparison"),
    )
    main_seizures = sources.join(bare_figures.filter("record_comparison").select("doc"), on="doc", how="semi").group_by("doc").agg(
        pl.col("source_start").min().alias("main_start"), pl.col("source_drug").sort_by("source_start").first().alias("main_drug")
    )
    bare_figures = bare_figures.join(main_seizures, on="doc", how="left", maintain_order="left")
    bare_figures = join_nearest(bare_figures, sources, "q_start", "source_start", inclusive=False)
    record_drug = pl.when(pl.col("record_comparison") & (pl.col("main_start") < pl.col("q_start"))).then("main_drug")
    implied = join_nearest(bare_figures, named, "q_start", "named_start", inclusive=False).select(
        "qid", pl.coalesce(record_drug, "source_drug", "named_drug").alias("implied")
    ).drop_nulls("implied")
    return quantities.join(implied, on="qid", how="left", maintain_order="left").with_columns(
        pl.coalesce("implied", "drug").alias("drug"),
        pl.col("implied").is_not_null().alias("implied_drug"),
    ).drop("implied")


def judge(quantities: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """A quantity is a seizure candidate: a drug, a seizure action, no rate, aggregate or limit.

    Adds `candidate` and, for the quantities that have a drug and a seizure action (the others
    cannot be seizures; null for them), the flags the candidates are judged by: `is_rate`,
    `is_aggregate`, the total markers read by `restatements.find_totals`, `offload`.
    """
    may_be_seizure = (
        pl.col("drug").is_in(SEIZURE_DRUG_GROUPS).fill_null(False)
        & pl.col("seize_context")
        & (pl.col("qualifier_kind") != "limit").fill_null(True)
        & pl.col("absorbed_by").is_null()
    )
    quantities = with_texts(quantities, prepared, "low").with_columns(may_be_seizure.alias("_may_be_seizure"))
    # The regexes read only the quantities that may be seizures (see `only_where`); the texts
    # they read are cut once, as columns (an eager frame does not share subexpressions).
    relevant = pl.col("_may_be_seizure")
    quantities = quantities.with_columns(
        only_where(relevant, pl.col("_after")).alias("_after"),
        only_where(relevant, pl.col("_before")).alias("_before"),
        only_where(relevant, window(pl.col("low"), pl.col("s_start"), pl.col("s_end"))).alias("_sentence"),
    )
    after, before, sentence = pl.col("_after"), pl.col("_before"), pl.col("_sentence")
    # A year that frames the figure: in the clause after it, or anywhere before it unless it
    # qualifies a superlative (`the largest seizure in 2023`). Each regex reads only the rows
    # the one before left in question.
    year_in_before = before.str.contains(YEAR_FRAME)
    year_before = year_in_before & ~only_where(year_in_before, before).str.contains(
        SUPERLATIVE + r"[^,;]{0,60}(?:" + YEAR_FRAME + ")"
    )
    quantities = quantities.with_columns(
        (after.str.contains(r"^[^,;]*(?:" + YEAR_FRAME + ")") | year_before).alias("_year_framed"),
        sentence.str.contains(TOTAL_WORDS).alias("total_words"),
    )
    # Then what else the sentence says decides between a yearly total and one seizure of that year.
    framed_sentence = only_where(pl.col("_year_framed"), sentence)
    one_event = framed_sentence.str.contains(ONE_EVENT) | pl.col("record")
    yearly_total = pl.col("_year_framed") & (framed_sentence.str.contains(PERIOD_SCOPE) | pl.col("total_words") | ~one_event)
    # An aggregate marker in the clause after the figure, or anywhere before it unless it
    # qualifies a superlative (`la mayor aprehension en lo que va de ano`).
    aggregate_after = after.str.contains(r"^[^,;]*(?:" + AGGREGATE + ")")
    aggregate_before = before.str.contains(AGGREGATE) & ~before.str.contains(SUPERLATIVE + r"[^,;]{0,60}(?:" + AGGREGATE + ")")
    flags = {
        "is_rate": after.str.contains(RATE_AFTER),
        "is_aggregate": (
            aggregate_after | aggregate_before | yearly_total | after.str.contains(COMPARED_AFTER)
            | before.str.contains(COMPARED_BEFORE)
        ),
        "total_qualifier": (pl.col("qualifier_kind") == "total").fill_null(False),
        "total_words": pl.col("total_words"),
        "total_words_near": before.str.contains("(?:" + TOTAL_WORDS + r")[^.;:,]*$") | after.str.contains(r"^[^;:,]*(?:" + TOTAL_WORDS + ")"),
        "offload": before.str.contains(OFFLOAD),
    }
    quantities = quantities.with_columns(pl.when(relevant).then(flag).alias(name) for name, flag in flags.items())
    return quantities.with_columns(
        (relevant & ~pl.col("is_rate") & ~pl.col("is_aggregate")).alias("candidate")
    ).drop("low", "_after", "_before", "_sentence", "_year_framed", "_may_be_seizure")


def merge_across_sentences(quantities: pl.DataFrame, new_event_sentences: pl.DataFrame) -> pl.DataFrame:
    """A count or a weight that completes the seizure before it (`restatement-units-merge`):
    within two sentences, of the same drug or none, introduced by a definite article or by
    `weighed`/`split into` (or a count of a drug named as known: `210 packages containing the
    alleged methamphetamine`), and filling what the seizure lacks. Adds `completes` (the qid).

    A count of packed units (`Inspectors found 1,900 packages wrapped in black plastic`) completes
    it too, unless its sentence (in `new_event_sentences`: doc, sentence_no) names a place or
    another operation: news counts the packages of the load it has just weighed."""
    new_event = new_event_sentences.unique().with_columns(pl.lit(True).alias("_new_event"))
    quantities = quantities.join(new_event, on=["doc", "sentence_no"], how="left", maintain_order="left")
    packed_follow_up = (
        (pl.col("dimension") == "count") & pl.col("unit_type").is_in(PACKED_UNITS) & pl.col("_new_event").is_null()
    )
    seizures = quantities.filter(pl.col("candidate")).select(
        "doc", pl.col("qid").alias("completes"), pl.col("q_start").alias("target_start"),
        pl.col("sentence_no").alias("target_sentence"), pl.col("drug").alias("target_drug"),
        pl.col("quantity_kg").alias("target_kg"), pl.col("quantity_units").alias("target_units"),
    )
    completers = quantities.filter(
        pl.col("absorbed_by").is_null()
        & (
            pl.col("definite") | pl.col("completes_earlier") | (pl.col("anaphoric_drug") & (pl.col("dimension") == "count"))
            | packed_follow_up
        )
    ).select("qid", "doc", "q_start", "sentence_no", "drug", "dimension", "quantity_kg", "quantity_units")
    # A figure equal to one of an earlier seizure restates it (`Las 8 mil 400 dosis aseguradas`).
    restating = completers.join(
        quantities.filter(pl.col("candidate")).select(
            "doc", pl.col("q_start").alias("q_start_o"), pl.col("quantity_kg").alias("quantity_kg_o"),
            pl.col("quantity_units").alias("quantity_units_o"), pl.lit(None, pl.Float64).alias("quantity_litres_o"),
        ),
        on="doc",
    ).with_columns(pl.lit(None, pl.Float64).alias("quantity_litres")).filter(
        (pl.col("q_start_o") < pl.col("q_start")) & same_figure(RESTATEMENT_TOLERANCE)
    ).select("qid")
    completers = completers.join(restating, on="qid", how="anti")
    matched = join_nearest(completers, seizures, "q_start", "target_start", inclusive=False).filter(
        (pl.col("sentence_no") > pl.col("target_sentence"))
        & (pl.col("sentence_no") - pl.col("target_sentence") <= 2)
        & (pl.col("drug").is_null() | (pl.col("drug") == pl.col("target_drug")))
        & (
            ((pl.col("dimension") == "count") & pl.col("target_units").is_null())
            | ((pl.col("dimension") == "mass") & pl.col("target_kg").is_null())
        )
    ).select("qid", "completes")
    return quantities.join(matched, on="qid", how="left").drop("_new_event")


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
