"""Quantities of drugs as written: a number, an optional qualifier and a unit of weight, volume or count.

`find_quantities` returns every quantity of every article with its value normalised: weights in
kg, volumes in litres (kept apart: the analysts' 1 kg per litre rule is applied downstream),
counts of pills, doses, packages, bricks… with what was counted.
"""

from __future__ import annotations

import polars as pl

from pipelines.extraction.frames import join_nearest, with_texts
from pipelines.extraction.numbers import DIGITS, MULTIPLIERS, NUMBER_WORDS, number_value, parse_digits
from pipelines.extraction.text import alternation, find_spans, span_scans, window

KG_PER_POUND = 0.4536
LITRES_PER_GALLON = 3.785

# unit as written (folded, lower-case) → (dimension, factor to kg / litres / 1, what was counted)
UNITS = {
    **{u: ("mass", 1.0, None) for u in (
        "kilograms", "kilogram", "kilogrammes", "kilogramme", "kilogramos", "kilogramo", "kilos", "kilo",
        "kgs", "kg", "quilos", "quilo", "quilogramas", "quilograma")},
    **{u: ("mass", 1000.0, None) for u in (
        "tons", "ton", "tonnes", "tonne", "toneladas", "tonelada", "metric tons", "metric ton",
        "metric tonnes", "metric tonne", "toneladas metricas", "tonelada metrica", "tn", "tm")},
    **{u: ("mass", KG_PER_POUND, None) for u in ("pounds", "pound", "lbs.", "lbs", "lb.", "lb", "libras", "libra")},
    **{u: ("mass", 0.001, None) for u in (
        "grams", "gram", "grammes", "gramme", "gramos", "gramo", "gramas", "grama", "grs", "gr", "g")},
    **{u: ("mass", 0.000001, None) for u in ("milligrams", "milligram", "miligramos", "miligramo", "mg")},
    **{u: ("mass", 0.02835, None) for u in ("ounces", "ounce", "onzas", "onza", "oz")},
    **{u: ("volume", 1.0, None) for u in (
        "litres", "litre", "liters", "liter", "litros", "litro", "lts", "lt", "l")},
    **{u: ("volume", LITRES_PER_GALLON, None) for u in ("gallons", "gallon", "galones", "galon")},
    **{u: ("count", 1.0, "pills") for u in (
        "pills", "pill", "tablets", "tablet", "pastillas", "pastilla", "pastilhas", "tabletas", "tableta",
        "comprimidos", "comprimido", "capsules", "capsule", "capsulas", "capsula")},
    **{u: ("count", 1.0, "doses") for u in ("doses", "dose", "dosis")},
    **{u: ("count", 1.0, "packages") for u in (
        "packages", "package", "packets", "packet", "paquetes", "paquete", "pacotes", "pacote",
        "parcels", "parcel")},
    **{u: ("count", 1.0, "bricks") for u in (
        "bricks", "brick", "ladrillos", "ladrillo", "tabiques", "panes", "panelas", "panela", "blocks",
        "tabletes", "tablete", "tijolos", "tijolo")},
    **{u: ("count", 1.0, "bales") for u in ("bales", "bale", "fardos", "fardo")},
    **{u: ("count", 1.0, "bundles") for u in ("bundles", "bundle", "bultos", "bulto")},
    **{u: ("count", 1.0, "wraps") for u in ("envoltorios", "envoltorio", "wraps", "sachets", "bolsitas")},
    **{u: ("count", 1.0, "bags") for u in ("bags", "bag", "bolsas", "sacks", "sack", "sacos", "costales")},
}

# qualifier (folded, lower-case) → what it says about the figure
QUALIFIERS = {
    **{q: "approximate" for q in (
        "more than", "over", "nearly", "almost", "about", "around", "approximately", "roughly", "some",
        "at least", "close to", "just over", "just under", "an estimated", "upwards of", "in excess of",
        "mas de", "cerca de", "casi", "alrededor de", "aproximadamente", "unos", "unas", "poco mas de",
        "al menos", "por lo menos", "un estimado de", "mais de", "quase", "pelo menos", "aproximadamente")},
    **{q: "exact" for q in ("a further", "another", "otros", "otras", "otro", "otra", "exactly")},
    # an upper bound is a capacity or a limit (`can carry up to 8 tons`), never a seizure
    **{q: "limit" for q in ("up to", "hasta", "as much as", "as many as", "ate")},
    # `a combined 3.5 tonnes`, `en total 2,5 toneladas`: a total of other figures
    **{q: "total" for q in ("a total of", "un total de", "a combined", "en total", "in total", "a total")},
}

# A count needs no unit word in front of it, but may have up to two describing words in between:
# `410,000 fentanyl pills`, `2,450 rectangular packages`.
_MASS_OR_VOLUME = alternation([u for u, (dim, _, _) in UNITS.items() if dim != "count"])
_COUNT = alternation([u for u, (dim, _, _) in UNITS.items() if dim == "count"])
_WORDS = alternation(NUMBER_WORDS)
_MULTIPLIERS = alternation(MULTIPLIERS)
# `between 2 and 3 tons`, `2-3 tons`, `entre 400 y 500 kilos`: the lower bound, the figure the
# text commits to (as `more than 2 tons` is 2 tons), flagged approximate.
_RANGE_START = r"(?:(?:between|entre)\s+(?P<range_low>" + DIGITS + r"|" + _WORDS + r")\s+(?:and|y|e)\s+|(?P<range_from>" + DIGITS + r")\s*(?:-|to|a)\s*)"
QUANTITY = (
    r"(?:(?P<qualifier>" + alternation(QUALIFIERS) + r")\s+)?" + _RANGE_START + r"?"
    r"(?:(?:(?P<digits>" + DIGITS + r")|(?P<word>" + _WORDS + r"))"
    r"(?:\s+(?P<multiplier>" + _MULTIPLIERS + r")(?:\s+(?P<tail>\d{1,3}))?(?:\s+de)?)?"
    r"|(?P<bare_multiplier>\bmil)(?:\s+(?P<bare_tail>\d{1,3}))?)"
    r"(?P<and_half>\s+and\s+a\s+half)?"
    r"\s*-?\s*"
    r"(?:(?P<unit>" + _MASS_OR_VOLUME + r")|(?P<describing>(?:[a-z][a-z-]*\s+){0,2}?)(?P<count_unit>" + _COUNT + r"))"
    r"(?P<y_media>\s+y\s+medi[ao])?"
)

# Words that cannot describe a counted thing: their presence means the count unit belongs to
# another phrase (`300 of the packages`).
NOT_DESCRIBING = r"\b(?:of|de|del|the|and|y|with|con|in|en|la|el|los|las|a|to|for|por|para)\b"
ONE_WORDS = ("a", "an", "un", "una", "uno", "um", "uma")

QUANTITY_SCHEMA = {
    "doc": pl.UInt32,
    "q_start": pl.Int32,
    "q_end": pl.Int32,
    "q_text": pl.Utf8,
    "qualifier_kind": pl.Utf8,
    "dimension": pl.Utf8,
    "value": pl.Float64,
    "quantity_kg": pl.Float64,
    "quantity_litres": pl.Float64,
    "quantity_units": pl.Int64,
    "unit_type": pl.Utf8,
}


def _unit_table() -> pl.DataFrame:
    return pl.DataFrame(
        [(unit, dim, factor, counted) for unit, (dim, factor, counted) in UNITS.items()],
        schema={"unit_key": pl.Utf8, "dimension": pl.Utf8, "factor": pl.Float64, "unit_type": pl.Utf8},
        orient="row",
    )


def quantity_scans() -> dict[str, pl.Expr]:
    """The passes of `find_quantities` over whole texts (see `text.with_scans`)."""
    return span_scans("low", QUANTITY)


def find_quantities(prepared: pl.DataFrame) -> pl.DataFrame:
    """Every quantity in `prepared.low`, normalised (see QUANTITY_SCHEMA), elided units included."""
    stated = _stated_quantities(prepared)
    return pl.concat([stated, find_elided_quantities(prepared, stated)]).sort("doc", "q_start")


def _stated_quantities(prepared: pl.DataFrame) -> pl.DataFrame:
    """Quantities written with their unit."""
    spans = find_spans(prepared, "low", QUANTITY)
    if spans.is_empty():
        return pl.DataFrame(schema=QUANTITY_SCHEMA)
    # News repeats the same figures (`500 kilos`, `two tons`): each distinct text is parsed once.
    parsed = _parse_quantities(spans.select("match").unique())
    return spans.join(parsed, on="match").select(
        "doc",
        pl.col("start").alias("q_start"),
        pl.col("end").alias("q_end"),
        pl.col("match").alias("q_text"),
        *_PARSED_COLUMNS,
    ).cast(QUANTITY_SCHEMA)


_PARSED_COLUMNS = ("qualifier_kind", "dimension", "value", "quantity_kg", "quantity_litres", "quantity_units", "unit_type")


def _parse_quantities(matches: pl.DataFrame) -> pl.DataFrame:
    """(match, _PARSED_COLUMNS…) for each quantity text that is a quantity: its parts by the
    groups of QUANTITY, its value and unit normalised."""
    parts = matches.with_columns(pl.col("match").str.extract_groups(QUANTITY).alias("_g")).unnest("_g")
    parts = parts.with_columns(
        pl.coalesce(pl.col("unit"), pl.col("count_unit")).str.replace_all(r"\s+", " ").alias("unit_key"),
        pl.coalesce(
            pl.col("qualifier").str.replace_all(r"\s+", " ").replace_strict(QUALIFIERS, default=None),
            pl.when(pl.coalesce("range_low", "range_from").is_not_null()).then(pl.lit("approximate")),
        ).alias("qualifier_kind"),
        pl.col("word").str.replace_all(r"\s+", " ").alias("word"),
        pl.coalesce("range_low", "range_from").str.replace_all(r"\s+", " ").alias("range_low"),
        pl.coalesce(pl.col("multiplier"), pl.col("bare_multiplier")).alias("multiplier"),
        pl.coalesce(pl.col("tail"), pl.col("bare_tail")).alias("tail"),
        pl.coalesce(pl.col("and_half"), pl.col("y_media")).alias("half"),
    ).join(_unit_table(), on="unit_key", how="left")
    parts = parts.filter(
        ~pl.col("describing").fill_null("").str.contains(NOT_DESCRIBING)
        & ~(pl.col("word").is_in(ONE_WORDS) & (pl.col("dimension") != "mass")).fill_null(False)
        & ~((pl.col("dimension") == "count") & pl.col("half").is_not_null())
    )
    value = number_value(pl.col("digits"), pl.col("word"), pl.col("multiplier"), pl.col("tail"), pl.col("half"))
    low = number_value(pl.col("range_low"), pl.col("range_low"), pl.col("multiplier"), pl.lit(None), pl.lit(None))
    parts = parts.with_columns(pl.when(pl.col("range_low").is_not_null()).then(low).otherwise(value).alias("value"))
    return parts.select("match", "qualifier_kind", "dimension", "value", *_in_units(pl.col("factor")), "unit_type").filter(
        pl.col("value") > 0
    )


def _in_units(factor: pl.Expr) -> tuple[pl.Expr, ...]:
    """quantity_kg, quantity_litres, quantity_units from `value` (a column, so that it is
    computed once), `dimension` and the unit's `factor`."""
    scaled = pl.col("value") * factor
    return (
        pl.when(pl.col("dimension") == "mass").then(scaled.round(4)).alias("quantity_kg"),
        pl.when(pl.col("dimension") == "volume").then(scaled.round(3)).alias("quantity_litres"),
        pl.when(pl.col("dimension") == "count").then(pl.col("value").round(0).cast(pl.Int64)).alias("quantity_units"),
    )


# `150 kilos de cocaina y 30 de marihuana`: a second figure that leaves its unit to the first.
ELIDED = (
    r"\b(?:y|e|and)\s+(?:(?P<qualifier>" + alternation(QUALIFIERS) + r")\s+)?(?P<digits>" + DIGITS + r")\s+(?:de|of)\s"
)
# What every elided figure contains (its digits end with one): few texts have it, and a search
# for it is far cheaper than one for ELIDED, whose first words (`y`, `e`) are everywhere.
ELIDED_NEEDS = r"[0-9]\s+(?:de|of)\s"
# What may stand between the first figure and the elided one: its drug, no clause break.
ELIDED_GAP = r"^[^.;:()]{0,50}$"


def find_elided_quantities(prepared: pl.DataFrame, quantities: pl.DataFrame) -> pl.DataFrame:
    """Figures whose unit is the one of the figure just before them in the same clause."""
    spans = find_spans(prepared, "low", ELIDED, needs=ELIDED_NEEDS)
    if spans.is_empty() or quantities.is_empty():
        return pl.DataFrame(schema=QUANTITY_SCHEMA)
    parts = spans.with_columns(pl.col("match").str.extract_groups(ELIDED).alias("_g")).unnest("_g")
    number = pl.coalesce(pl.col("qualifier"), pl.col("digits"))
    parts = parts.with_columns(
        (pl.col("start") + pl.col("match").str.find(number, literal=True)).cast(pl.Int32).alias("q_start"),
    ).with_columns(
        (pl.col("start") + pl.col("match").str.find(pl.col("digits"), literal=True) + pl.col("digits").str.len_bytes())
        .cast(pl.Int32).alias("q_end"),
    )
    previous = quantities.select(
        "doc", pl.col("q_end").alias("prev_end"), "dimension", pl.col("quantity_kg").alias("prev_kg"),
        pl.col("quantity_litres").alias("prev_litres"), pl.col("value").alias("prev_value"), "unit_type",
    )
    borrowed = with_texts(join_nearest(parts, previous, "q_start", "prev_end"), prepared, "low")
    gap = window(pl.col("low"), pl.col("prev_end"), pl.col("q_start"))
    borrowed = borrowed.filter(gap.str.contains(ELIDED_GAP).fill_null(False))
    borrowed = borrowed.with_columns(parse_digits(pl.col("digits")).alias("value"))
    factor = (
        pl.when(pl.col("dimension") == "mass").then(pl.col("prev_kg") / pl.col("prev_value"))
        .when(pl.col("dimension") == "volume").then(pl.col("prev_litres") / pl.col("prev_value"))
        .otherwise(pl.lit(1.0))
    )
    return borrowed.select(
        "doc", "q_start", "q_end",
        window(pl.col("low"), pl.col("q_start"), pl.col("q_end")).alias("q_text"),
        pl.col("qualifier").str.replace_all(r"\s+", " ").replace_strict(QUALIFIERS, default=None).alias("qualifier_kind"),
        "dimension",
        "value",
        *_in_units(factor),
        "unit_type",
    ).cast(QUANTITY_SCHEMA)
