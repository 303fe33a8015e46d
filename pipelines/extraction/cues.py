"""Cue words and phrases (English, Spanish, Portuguese) that the seizure, place and actor rules
react to. Every phrase is folded and lower-case, as matched against `low`; a phrase may have
several types (`bound for` is a destination and ties a load to the group after it).
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from pipelines.extraction.places import ROLE_MARKERS
from pipelines.extraction.quantities import UNITS
from pipelines.extraction.text import fold


def _forms(*stems_and_endings: str) -> tuple[str, ...]:
    """`_forms("incaut:o|aron|ado")` → incauto, incautaron, incautado (a stem, then endings)."""
    out = []
    for item in stems_and_endings:
        stem, _, endings = item.partition(":")
        out.extend(stem + ending for ending in endings.split("|")) if endings else out.append(stem)
    return tuple(out)


# Saying that authorities took drugs: the nearest such cue makes a quantity a seizure.
SEIZURE_CUES = _forms(
    "seiz:e|es|ed|ing|ure|ures", "confiscat:e|es|ed|ing|ion", "intercept:|s|ed|ing|ion",
    "interdict:ed|ion|ions", "found", "find:|s", "discover:|s|ed|y", "recover:|ed|s", "uncovered",
    "netted", "nabbed", "haul:|s", "bust:|ed", "yielded", "offload:ed|s", "stopped", "boarded", "raided",
    "hidden", "concealed", "stashed", "buried", "carrying", "transporting", "loaded with",
    "incaut:a|an|o|aron|ado|ada|ados|adas|acion|aciones|ar", "decomis:a|an|o|aron|ado|ada|ados|adas|ar|os",
    "decomiso", "asegur:a|an|o|aron|ado|ada|ados|adas|amiento|ar", "hall:a|an|o|aron|ado|ada|ados|adas|azgo|ar",
    "localiz:a|an|o|aron|ado|ada|ados|adas|ar", "encontr:o|aron|ado|ada|ados|adas|ar", "encuentra:|n",
    "intercept:a|an|o|aron|ado|ada|ados|adas|acion|aron", "intercepcion",
    "interv:iene|ienen|ino|inieron|enido|enida|enidos|enidas",
    "aprehend:e|en|io|ieron|ido|ida|idos|idas", "aprehension:|es",
    "secuestr:a|an|o|aron|ado|ada|ados|adas|o de", "alijo:|s", "descubr:io|ieron|e|en", "descubiert:o|a|os|as",
    "detuv:o|ieron", "ocult:o|a|os|as", "escondid:o|a|os|as", "enterrad:o|a|os|as",
    "transport:aba|aban", "cargad:o con|a con|os con|as con",
    "apreend:e|em|er|eu|eram|ido|ida|idos|idas", "apreensao", "apreensoes", "encontr:ou|aram",
    # Dominican Spanish: `la DNCD ocupo 1,040 paquetes`, `DNCD ocupa 500 kilos` (a seizure only
    # with a drug quantity, as every cue here)
    "ocup:a|an|o|aron|ado|ada|ados|adas|acion|aciones",
    # people caught with drugs: `arrested four people with 300 kilos`, `detenido con 2 kilos`
    "arrest:ed|ing", "detained", "apprehended", "in possession of", "en posesion de", "detenid:o|a|os|as",
    "captur:o|aron|ado|ados", "portaba:|n", "llevaba:|n", "preso:|s com",
)
# Actions that make a nearby quantity something other than a seizure: trade, production,
# shipments someone is accused of, capacity, consumption.
NON_SEIZURE_CUES = _forms(
    "traffic:|s|ked|king", "smuggl:e|es|ed|ing", "export:|s|ed|ing", "sent", "send:|s|ing", "mov:e|es|ed|ing",
    "produc:e|es|ed|ing|tion", "output", "capable", "capacity", "cultivat:ion|ed", "consum:e|ed|ption",
    "sell:|s|ing", "sold", "buy:|s|ing", "bought", "pay:|s", "paid", "cost:|s", "fetch:|es", "launder:ed|ing",
    "traffick:ed|ing",
    "trafic:o|aron|ar|ado|ada|a|an", "trasiego", "export:o|aron|ar|a|an", "envi:o|aron|ar|a|an",
    "envio", "envios", "enviad:o|a|os|as", "produc:e|en|ir|cion|ida|idas|ido|idos", "produjo", "fabric:a|an|ar|o",
    "cultiv:o|os|a|an|ar", "consumo", "vend:e|en|io|ia|ian|er", "compr:o|aron|a|an|ar", "pag:a|an|aba|o|ar",
    "cuesta:|n", "cotiza", "capacidad", "coordin:o|ar|ado", "lav:o|ado",
    # destroying drugs seized before is not a new seizure
    "incinerat:e|ed|es|ing|ion", "burn:ed|t|s|ing", "destroy:|ed|s|ing", "destruction",
    "inciner:o|aron|ar|ara|an|ado|ada|ados|adas|acion", "quem:o|aron|ar", "destru:yo|yeron|ir|ccion",
    "incinerou", "incineraram",
)
# A group after these phrases is tied to the load being talked about.
TIE_FORWARD_CUES = _forms(
    "belong:|s|ed to|ing to|s to| to", "belonged", "attribut:ed|ed to|e|es|ing", "blamed", "blame:|s",
    "link:ed|ed to|s to", "tied to", "traced to", "traced", "owned by", "run by", "operated by",
    "working for", "works for", "worked for", "bound for", "destined for", "supplied", "supplying",
    "used by", "property of", "on behalf of", "financed by", "sent by", "shipped by", "ordered by",
    "ties to", "links to", "connected to", "controlled by", "managed by", "directed by", "commanded by",
    "answer:s to|ed to|ing to", "report:s to|ed to",
    "pertenec:ia|ian|e|en|iente|ientes|iente a|ientes a|ian a|ia a|ia al|ian al|iente al|ientes al",
    "atribu:ido|ida|idos|idas|yo|yeron|yen|ye",
    "vincul:ado|ada|ados|adas|o|aron|a|an|ada a|ado a|ados a|adas a|ado con|ada con|ado al|ada al",
    "lig:ado|ada|ados|adas", "propiedad de", "propiedad del", "destinad:o a|a a|os a|as a", "usad:o por|a por|os por|as por",
    "utilizad:o por|a por|os por|as por", "al servicio de", "al servicio del", "financiad:o por|a por", "vinculos con",
    "controlad:o por|a por|os por|as por", "operad:o por|a por|os por|as por", "dirigid:o por|a por|os por|as por",
    "respond:e a|en a|ia a|ian a|e al|en al|ia al|ian al", "opera para", "operaba para", "trabaja para", "trabajaba para",
    "pertenc:ia|iam|ia ao|iam ao|ia a|iam a|e ao|e a", "ligad:o a|a a|o ao|a ao", "atribuid:o ao|a ao|os ao|as ao",
    "controlad:o pelo|a pelo|os pelo|as pelo", "vinculad:o ao|a ao|os ao|as ao", "intended for",
    # the load said to be a group's (`el cargamento era del Cartel del Noreste`, `a droga era do PCC`):
    # with the load named, as `era de` alone is said of anything
    "el cargamento era de:|l", "la carga era de:|l", "la droga era de:|l",
    "o carregamento era d:o|a|e", "a carga era d:o|a|e", "a droga era d:o|a|e",
)
# A group before these words is tied to the operation or load that follows.
TIE_BACKWARD_CUES = _forms(
    "financed", "oversaw", "orchestrated", "masterminded", "was behind", "were behind", "ran the",
    "organi:zed|sed", "financio", "orquesto", "estaba detras", "estaban detras", "dirigia",
)
# Saying that no group is (known to be) tied to a load.
NEGATION_CUES = (
    "not tied", "not linked", "not been linked", "not been tied", "no link", "not link", "did not say which",
    "did not say who", "didn't say which", "did not identify", "not identified", "any group", "any organisation",
    "any organization", "any criminal group", "unclear which", "unknown which", "no known link",
    "ningun grupo", "ninguna organizacion", "no atribuyeron", "no atribuyo", "no fue vinculado",
    "no fue vinculada", "no fueron vinculados", "no informaron a que", "no informo a que", "no precisaron a que",
    "no preciso a que", "se desconoce a que", "descartaron", "descarto", "descarta", "descartan",
    "sin vinculos", "no se ha determinado", "nao informou",
)
# Denying that a group is there or involved (`the government denied that the gang operates in
# the state`): the groups of such a sentence are not tied to anything, but the sentence says
# nothing of the loads' other ties.
DENIAL_CUES = _forms(
    "denied", "deny", "denies", "denying", "rejected claims", "dismissed claims", "no presence", "does not operate",
    "do not operate", "neg:o|aron|o que|aron que|a que|an que|ando", "niega:|n", "desminti:o|eron", "rechaz:o|aron",
    "no opera:|n", "sin presencia", "neg:ou|aram|a que|ou que|aram que", "desmentiu", "nao opera:|m",
)
# Phrases that refer back to a group named before; the value restricts the kind of group.
BACK_REFERENCES = {
    **{p: "any" for p in (
        "the same group", "the group", "the criminal group", "the organisation", "the organization",
        "the criminal organisation", "the criminal organization", "the same organisation", "the same organization",
        "that group", "this group", "the faction", "la misma estructura", "la misma estructura criminal",
        "la misma organizacion", "la organizacion", "la organizacion criminal", "el grupo", "al grupo",
        "el mismo grupo", "al mismo grupo", "el grupo criminal", "la faccion", "dicha organizacion",
        "dicho grupo", "esa organizacion", "ese grupo", "esta organizacion", "la estructura",
        "la estructura criminal", "a la organizacion", "a la misma organizacion", "a la misma estructura",
        "a la misma estructura criminal", "o grupo", "a organizacao")},
    **{p: "cartel" for p in ("the cartel", "the same cartel", "el cartel", "al cartel", "el mismo cartel")},
    **{p: "gang" for p in ("the gang", "the same gang", "la banda", "la pandilla", "la misma banda", "a la banda", "a la pandilla", "a faccao")},
    **{p: "guerrilla" for p in ("the guerrillas", "the guerrilla", "the rebels", "la guerrilla", "a la guerrilla", "los guerrilleros")},
}
# Where a seizure happened outside any country's waters.
INTERNATIONAL_WATERS = (
    "international waters", "aguas internacionales", "high seas", "alta mar", "open sea", "open ocean",
    "mar abierto", "aguas abiertas", "aguas internacionais", "extraterritorial waters",
)
# Words that start a new operation in a report of several.
SEPARATE_CUES = (
    "separate", "separately", "another", "second", "third", "fourth", "fifth", "otro", "otra", "distinto",
    "distinta", "segunda", "segundo", "tercera", "tercer", "cuarta", "por otra parte", "por separado",
    "ademas", "outra", "outro",
)
# Referents of a tie that cover several loads.
PLURAL_REFERENTS = {
    "both": 2, "ambos": 2, "ambas": 2, "the two": 2, "los dos": 2, "las dos": 2, "the three": 3, "los tres": 3,
    "las tres": 3, "all three": 3, "all four": 4, "los cuatro": 4,
}
# Referents of a tie that cover everything found in one operation.
OPERATION_REFERENTS = (
    "the operation", "the raid", "the lab", "the laboratory", "the facility", "the house", "the site",
    "the ring", "the complex", "el operativo", "la operacion", "el laboratorio", "el inmueble", "el predio",
    "la vivienda", "el complejo", "los complejos", "el narcolaboratorio", "the network's operation",
    # everything seized, named together
    "the drugs", "the seized drugs", "the narcotics", "the loads", "the shipments", "las drogas", "los narcoticos",
    "los cargamentos", "las drogas incautadas", "as drogas", "os entorpecentes", "as cargas",
    "the camp", "the warehouse", "the farm", "the ranch", "el sitio", "el lugar", "el campamento", "la bodega",
    "la finca", "el rancho", "la narcococina", "o laboratorio", "a operacao", "o local", "a fazenda", "o galpao",
)

# Counted things named without a number (`the pills were traced to…`): what a tie refers to.
UNIT_REFERENTS = {unit: counted for unit, (dim, _, counted) in UNITS.items() if dim == "count" and unit.endswith("s")}

def _cue_types() -> dict[str, tuple[str, ...]]:
    types: dict[str, list[str]] = defaultdict(list)
    groups = [
        (SEIZURE_CUES, "seize"), (NON_SEIZURE_CUES, "block"), (TIE_FORWARD_CUES, "tie_forward"),
        (TIE_BACKWARD_CUES, "tie_backward"), (NEGATION_CUES, "negation"), (DENIAL_CUES, "denial"),
        (INTERNATIONAL_WATERS, "international_waters"), (SEPARATE_CUES, "separate"),
        (PLURAL_REFERENTS, "plural_referent"), (OPERATION_REFERENTS, "operation_referent"),
        (UNIT_REFERENTS, "unit_referent"),
    ]
    for phrases, cue_type in groups:
        for phrase in phrases:
            types[fold(phrase)].append(cue_type)
    for phrase, kind in BACK_REFERENCES.items():
        types[fold(phrase)].append("backref_" + kind)
    for phrase, role in ROLE_MARKERS.items():
        types[fold(phrase)].append("role_" + role)
    return {phrase: tuple(dict.fromkeys(t)) for phrase, t in types.items()}


CUE_TYPES = _cue_types()
_CUE_PHRASES = pl.Series(list(CUE_TYPES), dtype=pl.Utf8)
_CUE_TYPE_LISTS = pl.Series(["|".join(t) for t in CUE_TYPES.values()], dtype=pl.Utf8)

CUE_SCHEMA = {"doc": pl.UInt32, "c_start": pl.Int32, "c_end": pl.Int32, "cue": pl.Utf8, "cue_type": pl.Utf8}


def cues_from_phrases(found: pl.DataFrame) -> pl.DataFrame:
    """Cue rows (one per type) from the phrase matches of the `cue` family."""
    return found.filter(pl.col("family") == "cue").select(
        "doc", pl.col("start").alias("c_start"), pl.col("end").alias("c_end"), pl.col("match").alias("cue"),
        pl.col("match").replace_strict(_CUE_PHRASES, _CUE_TYPE_LISTS, return_dtype=pl.Utf8).str.split("|").alias("cue_type"),
    ).explode("cue_type").cast(CUE_SCHEMA)
