"""Countries named in the articles (names, demonyms, cities, ports, states), and what role each
plays in its sentence: where something happened, or an origin, destination, border, nationality.

Ambiguous place names (Manzanillo, Cartagena, Cordoba, Santa Fe…) are resolved by context: a
place named right after them (`Manzanillo, Colima`, `Cartagena (Murcia)`), else the dateline,
else the country the article names most, else the usual reading. Names that are also people's
names or common words (Santos, Rosario, Progreso…) count only after a place cue (`in`, `port of`)
or next to another place.
"""

from __future__ import annotations

import polars as pl

from pipelines.extraction.frames import global_position, join_nearest, with_texts
from pipelines.extraction.sentences import attach_sentences
from pipelines.extraction.text import alternation, only_where, window

# A marker before a place mention (up to four words between, none of ROLE_CUTTERS) gives the
# place its role; without one a place is where things happened.
ROLE_MARKERS = {
    **{m: "origin" for m in (
        "from", "procedente de", "procedentes de", "proveniente de", "provenientes de", "de origen",
        "originating in", "originating from", "originario de", "originaria de", "had left", "left",
        "departing from", "departed from", "leaving", "salido de", "salio de", "zarpado de", "zarpo de",
        "arrived from", "llegado de", "llego de", "coming from", "venia de", "desde", "shipped from",
        "sent from", "imported from", "exported from", "oriundo de", "vindo de", "procedente do",
        # where a load or chemical was made or bought: `importada de China`, `made in China`
        "importado de", "importada de", "importados de", "importadas de", "importado desde", "importada desde",
        "importados desde", "importadas desde", "traido de", "traida de", "traidos de", "traidas de",
        "provenientes del", "procedentes del", "proveniente del", "procedente del", "made in", "manufactured in",
        "fabricado en", "fabricada en", "fabricados en", "fabricadas en", "importado da", "importada da",
        "importados da", "importadas da", "importado do", "importada do", "vindos de", "vinda de", "vindas de",
        "vindo da", "vinda da", "vindos da", "vindas da", "vindo do", "vindos do", "procedente da", "procedentes da")},
    **{m: "destination" for m in (
        "bound for", "destined for", "destined to", "headed for", "headed to", "heading to", "heading for",
        "en route to", "on its way to", "to be shipped to", "for export to", "con destino a", "con destino al",
        "con destino final a", "destino final", "con destino final el", "rumbo a", "rumbo al", "hacia",
        "en ruta a", "en ruta hacia", "con direccion a", "viajaban a", "viajaba a", "travelling to",
        "traveling to", "flying to", "flight to", "exported to", "sent to", "shipped to", "smuggled into",
        "smuggled to", "trafficked to", "with destination", "com destino a", "destined", "bound")},
    **{m: "border" for m in (
        "border with", "frontera con", "borders", "bordering", "limita con", "limitrofe con", "divisa com",
        "fronteira com", "puente internacional", "ponte internacional", "cruce fronterizo")},
    **{m: "transit" for m in ("via", "through", "en transito por", "transiting")},
}
# A country named as where a load came from or went (`bound for Spain`, `importada de China`)
# is no evidence of which of two same-named places (`Cartagena`) the article is about.
ORIGIN_OR_DESTINATION_BEFORE = (
    alternation([m for m, role in ROLE_MARKERS.items() if role in ("origin", "destination")])
    + r"\s+(?:(?:the|el|la|los|las|o|a|os|as)\s+)?$"
)
# Words that end the reach of a marker: `procedente de Ecuador en el puerto de Algeciras`.
ROLE_CUTTERS = r"\b(?:in|at|en|em|no|na|near|off|on|to|into|inside|within|aboard|outside|cerca|a bordo)\b"
ROLE_GAP = r"^\s*(?:[a-z'.-]+\s+){0,4}$"
# Nouns that make a demonym say where authorities acted or where something lay: `Belgian customs`,
# `Colombian waters`, `autoridades panamenas`, `Ejercito Mexicano`, `aguas colombianas`.
AUTHORITY_NOUNS_AFTER = (
    r"^(?:\s*-\s*|\s+)(?:(?:federal|national|state|local|military|naval|anti-?drug|anti-?narcotics|"
    r"counter-?narcotics|border|security|judicial|drug|customs|navy|territorial|coastal|inland|sovereign)\s+)?"
    r"(?:authorities|authority|police|policemen|officers|officials|customs|navy|army|military|soldiers|troops|"
    r"marines|coast ?guard|coastguard|border|agents|investigators|prosecutors|government|forces|security|"
    r"anti-?drug|anti-?narcotics|counter-?narcotics|federal|national police|attorney|judiciary|justice|"
    r"interior|defen[cs]e|waters|side|territory|soil|coast|ports?|airport|jungle|city|town|state|province|"
    r"department)\b"
)
AUTHORITY_NOUNS_BEFORE = (
    r"\b(?:autoridades|autoridad|policia|policias|ejercito|armada|marina|fuerzas?|militares|soldados|efectivos|"
    r"agentes|aduanas?|prefectura|gendarmeria|guardia|fiscalia|fiscales|gobierno|uniformados|tropas|"
    r"funcionarios|investigadores|aguas|lado|territorio|suelo|costas?|puertos?|aeropuerto|ciudad|estado|"
    r"provincia|departamento|selva|policia federal|receita federal)(?:\s+[a-z]+){0,2}\s+$"
)
# Before a place name: the cues that make an ambiguous or person-like name a place.
PLACE_CUE_BEFORE = (
    r"\b(?:in|at|en|em|no|na|near|from|to|of|de|desde|hacia|para|for|cerca de|left|leaving|reached|toward|"
    r"towards|off|via|through|across|around|outside|port|city|state|province|puerto|ciudad|estado|provincia|"
    r"departamento|department|municipio|porto|capital|el|la)\s+(?:(?:the|el|la|los|las)\s+)?$"
)
PLACE_CUE_AFTER = (
    r"^(?:\s*,\s*[A-Z]|\s*\(\s*[A-Z]|\s+(?:state|province|department|port|city|region|valley|municipality|"
    r"estado|provincia|departamento|puerto)\b|'s\s+(?:port|state|province|city)\b)"
)
# A capitalised word just before a person-like place name makes it part of a person's name
# (`Andres Santos`, `Maria del Rosario`), unless it is a word that starts sentences or places.
PERSON_BEFORE = r"([A-Z][a-z]+)\s+(?:(?:del|de la|de los|de las|de|da|do|dos|das)\s+)?$"
NOT_GIVEN_NAMES = {
    "in", "at", "en", "from", "desde", "to", "near", "the", "el", "la", "los", "las", "a", "of", "de", "del",
    "por", "para", "hacia", "and", "y", "or", "port", "puerto", "porto", "ciudad", "city", "state", "estado",
    "san", "santa", "santo", "sao", "greater", "gran", "north", "south", "east", "west", "new", "nuevo",
    "nueva", "lake", "mount", "isla", "islas", "cape", "cabo", "fort", "saint", "upper", "lower", "alto",
    "bajo", "costa", "rio", "with", "on", "off", "into", "inside", "since", "after", "before", "but",
    "while", "as", "if", "when", "where", "also", "then", "meanwhile", "separately", "sobre", "for", "by",
    "toward", "towards", "via", "bound", "across", "outside", "entre", "hasta", "con", "sin", "tras",
    "cerca", "around", "through", "under", "over",
}
# `sindicatura de Costa Rica`, `municipio de Colombia`: a local place that shares a country's
# name; then that name means the locality everywhere in the article.
LOCAL_UNIT_BEFORE = (
    r"\b(?:sindicatura|municipio|colonia|barrio|localidad|ejido|comunidad|poblado|rancheria|caserio|vereda|"
    r"corregimiento|fraccionamiento|town|village|hamlet|neighbou?rhood|district|parroquia|canton)\s+"
    r"(?:de|of|del)\s+$"
)
LONGER_NAME_AFTER = r"^ (?:de|del|de la|de los|de las|da|do|dos|das) [A-Z][a-z]"
RIVER_BEFORE = r"\b(?:rio|river)\s+(?:the\s+)?$"
RIVER_AFTER = r"^\s+river\b"
CURRENCY_AFTER = r"^\s?(?:\$|dollars?\b|dolares\b)"
CURRENCY_BEFORE = r"(?:\d|millones|millon|mil|billion|million|thousand)\s+(?:de\s+)?$"
# Between two place names that name the same place: `Manzanillo, Colima`, `Cartagena (Murcia)`,
# `Manzanillo, in the western state of Colima`, `Mexico's Caribbean port of Progreso`.
_PLACE_TYPES = r"(?:state|province|department|region|port|city|estado|provincia|departamento|puerto|ciudad|municipality|municipio)"
_SIDES = r"(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|north|south|east|west)"
APPOSITION = (
    r"^(?:\s*,\s*(?:(?:in|en)\s+)?(?:(?:the|la|el)\s+)?(?:" + _SIDES + r"\s+)?(?:" + _PLACE_TYPES + r"\s+(?:of|de|del)\s+)?"
    r"|\s*\(\s*"
    r"|(?:'s)?\s+(?:[a-z]+\s+)?" + _PLACE_TYPES + r"\s+(?:of|de|del)\s+)$"
)

PLACE_SCHEMA = {
    "doc": pl.UInt32,
    "m_start": pl.Int32,
    "m_end": pl.Int32,
    "country_iso2": pl.Utf8,
    "mention_type": pl.Utf8,  # name, demonym, place
    "role": pl.Utf8,  # location, authority, origin, destination, border, transit, attribute
    "sentence_no": pl.Int32,
    "para_no": pl.Int32,
    "in_dateline": pl.Boolean,
    "national_waters": pl.Boolean,  # `Colombian waters`, `aguas colombianas`
}
# A name that names a border crossing (`the Hidalgo International Bridge`, `the Lukeville port
# of entry`): the crossing joins two countries, so it does not say on which side drugs were found.
CROSSING_AFTER = r"^\s+(?:international\s+)?(?:bridge|border crossing|crossing|port of entry)\b"
NATIONAL_WATERS_AFTER = r"^(?:'s)?\s+(?:territorial\s+|national\s+)?waters\b"
NATIONAL_WATERS_BEFORE = r"\baguas\s+(?:territoriales\s+|jurisdiccionales\s+|nacionales\s+)?(?:de\s+|del\s+)?$"


def find_places(
    prepared: pl.DataFrame, mentions: pl.DataFrame, cues: pl.DataFrame, sentences: pl.DataFrame,
    datelines: pl.DataFrame, blocked: pl.DataFrame,
) -> pl.DataFrame:
    """One row per country mention kept, resolved to one ISO code, with its role (PLACE_SCHEMA).

    `blocked` holds (doc, b_start, b_end) spans where no place may be read (for example
    `the Sinaloa and the Zetas cartels`). `mentions` come in article and text order, the
    readings of an ambiguous name together; the rows stay in that order throughout.
    """
    geo = mentions.filter(pl.col("kind").is_in(["country", "demonym", "place"]))
    geo = with_texts(attach_sentences(geo, "m_start", sentences), prepared, "low", "norm").join(
        datelines.select("doc", "dl_start", "dl_end"), on="doc", how="left", maintain_order="left"
    )
    geo = geo.with_columns(
        window(pl.col("low"), pl.max_horizontal(pl.col("m_start") - 60, pl.col("s_start")), pl.col("m_start")).alias("before"),
        window(pl.col("low"), pl.col("m_end"), pl.min_horizontal(pl.col("m_end") + 40, pl.col("s_end"))).alias("after"),
        window(pl.col("norm"), pl.col("m_end"), pl.min_horizontal(pl.col("m_end") + 30, pl.col("s_end"))).alias("after_cased"),
        window(pl.col("norm"), pl.max_horizontal(pl.col("m_start") - 30, pl.col("s_start")), pl.col("m_start")).alias("before_cased"),
        ((pl.col("m_start") >= pl.col("dl_start")) & (pl.col("m_start") < pl.col("dl_end"))).fill_null(False).alias("in_dateline"),
    ).drop("low", "norm")

    # Local places that share a country's name make that name local for the whole article.
    local_names = geo.filter(pl.col("before").str.contains(LOCAL_UNIT_BEFORE)).select("doc", "key").unique()
    if not local_names.is_empty():
        geo = geo.join(local_names, on=["doc", "key"], how="anti", maintain_order="left")
    if not blocked.is_empty():
        inside_blocked = (
            geo.select("doc", "m_start", "m_end").unique()
            .join(blocked, on="doc")
            .filter((pl.col("m_start") < pl.col("b_end")) & (pl.col("m_end") > pl.col("b_start")))
            .select("doc", "m_start")
        )
        geo = geo.join(inside_blocked, on=["doc", "m_start"], how="anti", maintain_order="left")

    # Each test reads only the rows of the kinds it is about (see `only_where`).
    is_place, is_demonym = pl.col("kind") == "place", pl.col("kind") == "demonym"
    country_or_demonym = pl.col("kind").is_in(["country", "demonym"])
    needs_context = pl.col("needs_context")
    is_currency = (
        country_or_demonym & only_where(country_or_demonym, pl.col("after")).str.contains(CURRENCY_AFTER)
    ) | (is_demonym & only_where(is_demonym, pl.col("before")).str.contains(CURRENCY_BEFORE))
    is_river = pl.col("before").str.contains(RIVER_BEFORE) | pl.col("after").str.contains(RIVER_AFTER)
    # Only places can be read as a person's name (`needs_context` names are places too).
    geo = geo.with_columns(
        only_where(is_place, pl.col("before_cased")).str.extract(PERSON_BEFORE, 1).str.to_lowercase().alias("_given_name")
    )
    given_name = pl.col("_given_name")
    in_context = (
        only_where(needs_context, pl.col("before")).str.contains(PLACE_CUE_BEFORE)
        | only_where(needs_context, pl.col("after_cased")).str.contains(PLACE_CUE_AFTER)
        | pl.col("in_dateline")
    ) & (given_name.is_null() | given_name.is_in(NOT_GIVEN_NAMES))
    # `Alberto Cartagena`, `Prosecutor Lima`: in the body a capitalised word before a place is a
    # given name or title (headlines capitalise every word, so they are left alone).
    after_given_name = (
        (pl.col("kind") == "place") & ~pl.col("is_headline") & given_name.is_not_null()
        & ~given_name.is_in(NOT_GIVEN_NAMES)
    ).fill_null(False)
    # `San Juan de Lurigancho`: a place name that goes on is a longer name the gazetteer lacks.
    longer_name = is_place & only_where(is_place, pl.col("after_cased")).str.contains(LONGER_NAME_AFTER)
    geo = geo.filter(
        ~is_currency, ~is_river, ~longer_name, ~after_given_name, ~needs_context | in_context
    ).drop("_given_name")

    geo = _resolve_ambiguous(geo)
    geo = _assign_roles(geo, cues)
    return geo.select(
        "doc", "m_start", "m_end", pl.col("target").alias("country_iso2"),
        pl.col("kind").replace_strict({"country": "name", "demonym": "demonym", "place": "place"}).alias("mention_type"),
        "role", "sentence_no", "para_no", "in_dateline",
        (pl.col("after").str.contains(NATIONAL_WATERS_AFTER) | pl.col("before").str.contains(NATIONAL_WATERS_BEFORE)).alias("national_waters"),
    ).cast(PLACE_SCHEMA)


def _resolve_ambiguous(geo: pl.DataFrame) -> pl.DataFrame:
    """Keep one reading per mention (see the module docstring for the order of evidence), in
    the frame's order. The readings of a mention are adjacent rows."""
    mention = ["doc", "m_start"]
    position = global_position(pl.col("m_start"))
    geo = geo.with_row_index("_row").with_columns(
        (position.eq_missing(position.shift(1)) | position.eq_missing(position.shift(-1))).alias("_ambiguous")
    )
    single = geo.filter(~pl.col("_ambiguous"))
    ambiguous = geo.filter(pl.col("_ambiguous"))
    if ambiguous.is_empty():
        return geo.drop("_row", "_ambiguous")
    counts = single.filter(~pl.col("before").str.contains(ORIGIN_OR_DESTINATION_BEFORE)).group_by("doc", "target").agg(
        pl.len().alias("article_count")
    )
    dateline = (
        single.filter(pl.col("in_dateline")).sort("m_start")
        .group_by("doc").agg(pl.col("target").last().alias("dateline_iso"))
    )
    # A partner: an unambiguous name of the same country right before or after, in apposition.
    partners = single.select(
        "doc", "sentence_no", pl.col("m_start").alias("p_start"), pl.col("m_end").alias("p_end"),
        pl.col("target"),
    )
    pairs = ambiguous.select(*mention, "m_end", "sentence_no", "target", "before", "after").join(
        partners, on=["doc", "sentence_no", "target"]
    )
    gap = (
        pl.when(pl.col("p_start") >= pl.col("m_end"))
        .then(pl.col("after").str.slice(0, pl.col("p_start") - pl.col("m_end")))
        .when(pl.col("p_end") <= pl.col("m_start"))
        .then(pl.col("before").str.slice(pl.col("before").str.len_bytes() - (pl.col("m_start") - pl.col("p_end"))))
    )
    close = ((pl.col("p_start") - pl.col("m_end")).abs() <= 40) | ((pl.col("m_start") - pl.col("p_end")).abs() <= 40)
    apposed = (
        pairs.filter(close).filter(gap.str.contains(APPOSITION).fill_null(False))
        .select(*mention, "target", pl.lit(True).alias("apposed")).unique()
    )
    scored = (
        ambiguous.join(apposed, on=[*mention, "target"], how="left")
        .join(dateline, on="doc", how="left")
        .join(counts, on=["doc", "target"], how="left")
        .with_columns(
            pl.col("apposed").fill_null(False),
            (pl.col("dateline_iso") == pl.col("target")).fill_null(False).alias("is_dateline_country"),
            pl.col("article_count").fill_null(0),
        )
    )
    chosen = (
        scored.sort(
            [*mention, "apposed", "is_dateline_country", "article_count", "priority"],
            descending=[False, False, True, True, True, False],
        )
        .unique(mention, keep="first", maintain_order=True)["_row"]
    )
    return geo.filter(~pl.col("_ambiguous") | pl.col("_row").is_in(chosen.implode())).drop("_row", "_ambiguous")


def _assign_roles(geo: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """Role of each mention from the marker before it; a name in apposition inherits the role of
    the name it explains (`from Buenaventura, Colombia`); demonyms say where only next to an
    authority or a place noun, else they describe people, groups or ships."""
    markers = cues.filter(pl.col("cue_type").str.starts_with("role_")).select(
        "doc", "c_start", "c_end", pl.col("cue_type").str.strip_prefix("role_").alias("marker_role")
    )
    geo = join_nearest(geo, markers, "m_start", "c_end")
    distance = pl.col("m_start") - pl.col("c_end")
    gap = pl.col("before").str.slice(pl.col("before").str.len_bytes() - distance)
    reaches = (
        (pl.col("c_start") >= pl.col("s_start")) & (distance <= pl.col("before").str.len_bytes())
        & gap.str.contains(ROLE_GAP) & ~gap.str.contains(ROLE_CUTTERS)
    ).fill_null(False)
    geo = geo.with_columns(
        pl.when(reaches).then("marker_role").alias("marker_role"),
        pl.col("after").str.contains(r"^-?\s*flagged\b").alias("flagged"),
        pl.col("after").str.contains(CROSSING_AFTER).alias("crossing"),
    )
    same_sentence = (pl.col("doc") == pl.col("doc").shift(1)) & (pl.col("sentence_no") == pl.col("sentence_no").shift(1))
    previous_gap = pl.col("before").str.slice(pl.col("before").str.len_bytes() - (pl.col("m_start") - pl.col("m_end").shift(1)))
    geo = geo.with_columns(
        pl.when(same_sentence).then(pl.col("marker_role").shift(1)).alias("prev_role"),
        (same_sentence & previous_gap.str.contains(APPOSITION)).fill_null(False).alias("apposition_to_prev"),
    )
    inherited = pl.when(pl.col("apposition_to_prev") & pl.col("marker_role").is_null()).then(pl.col("prev_role"))
    is_demonym = pl.col("kind") == "demonym"
    demonym_role = (
        pl.when(
            only_where(is_demonym, pl.col("after")).str.contains(AUTHORITY_NOUNS_AFTER)
            | only_where(is_demonym, pl.col("before")).str.contains(AUTHORITY_NOUNS_BEFORE)
        )
        .then(pl.lit("authority"))
        .otherwise(pl.lit("attribute"))
    )
    base = pl.coalesce(pl.col("marker_role"), inherited)
    role = (
        pl.when(pl.col("flagged")).then(pl.lit("attribute"))
        .when(pl.col("crossing")).then(pl.lit("border"))
        .when(is_demonym)
        .then(pl.when(base.is_in(["origin", "destination", "border", "transit"])).then(base).otherwise(demonym_role))
        .otherwise(pl.coalesce(base, pl.lit("location")))
    )
    return geo.with_columns(role.alias("role"))
