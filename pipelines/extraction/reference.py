"""Reference tables (groups, countries, places) and the lexicon every mention is matched against.

Country names come from `pycountry` (English, Spanish and Portuguese through its locale files)
plus `reference/country_names.csv` (abbreviations, demonyms, regions); cities, ports, states and
provinces from `reference/places.csv`; criminal groups from `reference/actors.csv`. All are read
once per process.
"""

from __future__ import annotations

import csv
import gettext
import re
from functools import lru_cache
from importlib import resources

import polars as pl
import pycountry

from pipelines.extraction.contract import ACTOR_REFERENCE_SCHEMA, COUNTRY_REFERENCE_SCHEMA
from pipelines.extraction.drugs import DRUG_TERMS
from pipelines.extraction.text import fold

# pycountry names that are mostly something else in news text (given names, a US state).
COUNTRY_NAMES_NOT_PLACES = {"chad", "jordan", "georgia", "jersey", "guernsey", "man", "granada"}

# When one surface form is several kinds of thing, the earlier kind wins: `Sinaloa Cartel` is a
# group, `Gulf of Mexico` a sea. A country and a place of the same name (`Puerto Rico` in
# Misiones, `Santa Elena` in Ecuador) are equals: readings of one ambiguous name, resolved by
# context, the country's first.
KIND_RANKS = {"actor": 0, "drug": 1, "region": 2, "country": 3, "place": 3, "demonym": 4}
COUNTRY_PRIORITY = -1  # before every place (their priority is their row in places.csv)

LEXICON_SCHEMA = {
    "key": pl.Utf8,  # folded, lower-case surface form
    "kind": pl.Utf8,  # actor, drug, region, country, demonym, place
    "target": pl.Utf8,  # canonical actor, drug group, or ISO alpha-2 (null for regions)
    "cased": pl.Utf8,  # folded surface form with its case, checked when case_sensitive
    "case_sensitive": pl.Boolean,
    "needs_context": pl.Boolean,  # a place name that is also a person's name or a common word
    "priority": pl.Int32,  # order of the readings of an ambiguous place name
}


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files("pipelines.extraction").joinpath("reference", filename).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _clean_country_name(name: str) -> str:
    """`Bolivia, Plurinational State of` → `Bolivia`; `Saint Martin (French part)` → `Saint Martin`."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return name.split(",")[0].strip()


@lru_cache(maxsize=1)
def _translations() -> dict[str, gettext.NullTranslations]:
    return {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("es", "pt", "pt_BR")
    }


@lru_cache(maxsize=1)
def country_reference() -> pl.DataFrame:
    """ISO alpha-2 with the English and Spanish name of every country."""
    spanish = _translations()["es"]
    rows = [
        {
            "country_iso2": c.alpha_2,
            "country_name": getattr(c, "common_name", None) or _clean_country_name(c.name),
            "country_name_es": _clean_country_name(spanish.gettext(c.name)),
        }
        for c in pycountry.countries
    ]
    return pl.DataFrame(rows, schema=COUNTRY_REFERENCE_SCHEMA).sort("country_iso2")


@lru_cache(maxsize=1)
def actor_reference() -> pl.DataFrame:
    """Every criminal group the extractor knows: canonical name, type, home country, aliases."""
    rows = [
        {
            "actor": row["actor"],
            "actor_type": row["actor_type"],
            "home_country_iso2": row["home_country_iso2"] or None,
            "aliases": list(dict.fromkeys(_split(row["aliases"]) + _split(row["case_sensitive_aliases"]))),
        }
        for row in _rows("actors.csv")
    ]
    return pl.DataFrame(rows, schema=ACTOR_REFERENCE_SCHEMA)


@lru_cache(maxsize=1)
def actor_short_names() -> dict[str, str]:
    """Folded short name → canonical actor, for `the Sinaloa and the Zetas cartels`."""
    return {fold(short).lower(): row["actor"] for row in _rows("actors.csv") for short in _split(row["short_names"])}


@lru_cache(maxsize=1)
def actor_types() -> dict[str, str]:
    return {row["actor"]: row["actor_type"] for row in _rows("actors.csv")}


def _country_name_entries() -> list[tuple[str, str]]:
    """(surface form, iso2) for pycountry's names in English, Spanish and Portuguese."""
    entries = []
    translations = _translations()
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        names |= {t.gettext(country.name) for t in translations.values()}
        for name in filter(None, names):
            entries.append((_clean_country_name(name), country.alpha_2))
    return entries


@lru_cache(maxsize=1)
def lexicon() -> pl.DataFrame:
    """Every surface form the extractor looks for, one row per reading (see LEXICON_SCHEMA)."""
    rows: list[tuple] = []

    def add(surface: str, kind: str, target: str | None, case_sensitive=False, needs_context=False, priority=0):
        cased = fold(surface)
        rows.append((cased.lower(), kind, target, cased, case_sensitive, needs_context, priority))

    for row in _rows("actors.csv"):
        for alias in _split(row["aliases"]):
            add(alias, "actor", row["actor"])
        for alias in _split(row["case_sensitive_aliases"]):
            add(alias, "actor", row["actor"], case_sensitive=True)
    for group, terms in DRUG_TERMS.items():
        for term in terms:
            add(term, "drug", group)
    # A name shared by two countries (`Congo`, `Korea`) names neither.
    names = _country_name_entries()
    owners: dict[str, set[str]] = {}
    for name, iso in names:
        owners.setdefault(fold(name).lower(), set()).add(iso)
    for name, iso in names:
        key = fold(name).lower()
        if len(owners[key]) == 1 and key not in COUNTRY_NAMES_NOT_PLACES and len(key) > 2:
            add(name, "country", iso, priority=COUNTRY_PRIORITY)
    for row in _rows("country_names.csv"):
        kind = "country" if row["kind"] == "name" else row["kind"]
        add(row["name"], kind, row["country_iso2"] or None, case_sensitive=row["case_sensitive"] == "1", priority=COUNTRY_PRIORITY)
    for priority, row in enumerate(_rows("places.csv")):
        add(row["name"], "place", row["country_iso2"], needs_context=row["needs_context"] == "1", priority=priority)

    frame = pl.DataFrame(rows, schema=LEXICON_SCHEMA, orient="row").unique(["key", "kind", "target", "cased"], keep="first")
    # Keep only the readings of the strongest kind for each surface form.
    rank = pl.col("kind").replace_strict(KIND_RANKS, return_dtype=pl.Int32)
    frame = frame.with_columns(rank.alias("_rank")).filter(pl.col("_rank") == pl.col("_rank").min().over("key"))
    return frame.drop("_rank").sort("key", "priority")
