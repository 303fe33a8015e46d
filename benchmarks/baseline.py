"""The extractor's rules as a straightforward per-article Python implementation (issue 5): the
baseline the vectorised Polars extractor is compared with, on the same corpus.

This is how the rules would be written without Polars: a loop over the articles, and for each
one its sentences split with `re`, names and cue words found by dictionary lookups, quantities
found with the same regexes, then lists of small records linked to each other with Python
loops. Every lexicon, regex, cue list and threshold is imported from `pipelines.extraction`;
only the control flow is written again. Regexes are compiled once, the phrase index is built
once, and nothing is looked up twice that a dictionary can hold.

It follows the Polars extractor rule for rule but is not byte-identical: Python's `re` and
Rust's regex break a few ties differently, and where the extractor leaves an order unspecified
(two equally near candidates) this code takes the first one.

    extract_facts_baseline(articles) -> ExtractedFacts  (the contract's three frames)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import polars as pl

from pipelines.extraction import EXTRACTOR_VERSION, ExtractedFacts, phrase_families
from pipelines.extraction.actors import (
    BACK_REFERENCE_TYPES,
    COORDINATION_GAP,
    TIE_BACKWARD_REACH,
    TIE_FORWARD_REACH,
    coordinated_patterns,
    short_name_pattern,
)
from pipelines.extraction.candidates import (
    AGGREGATE,
    ANAPHORIC_DRUG_GAP,
    COMPARED_AFTER,
    COMPARED_BEFORE,
    COMPLETES_EARLIER,
    COUNT_THEN_WEIGHT,
    DEFINITE_BEFORE,
    DRUG_AFTER_GAP,
    DRUG_AND_DRUG,
    DRUG_BEFORE_GAP,
    DRUG_TESTED_GAP,
    NAMES_ITS_CONTENT,
    PACKED_UNITS,
    OFFLOAD,
    ONE_EVENT,
    PERIOD_SCOPE,
    RATE_AFTER,
    RECORD_COMPARISON,
    RECORD_INTRO,
    SAME_WEIGHT,
    SUPERLATIVE,
    TOTAL_WORDS,
    WEIGHT_THEN_COUNT,
    YEAR_FRAME,
)
from pipelines.extraction.contract import (
    ACTOR_MENTION_SCHEMA,
    ARTICLE_INPUT_SCHEMA,
    COUNTRY_MENTION_SCHEMA,
    SEIZURE_SCHEMA,
)
from pipelines.extraction.cues import CUE_TYPES, PLURAL_REFERENTS, UNIT_REFERENTS
from pipelines.extraction.drugs import SEIZURE_DRUG_GROUPS
from pipelines.extraction.mentions import PROPER_NAME_END, PROPER_NAME_START
from pipelines.extraction.numbers import MULTIPLIERS, NUMBER_WORDS
from pipelines.extraction.places import (
    APPOSITION,
    AUTHORITY_NOUNS_AFTER,
    AUTHORITY_NOUNS_BEFORE,
    CROSSING_AFTER,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    LOCAL_UNIT_BEFORE,
    LONGER_NAME_AFTER,
    NATIONAL_WATERS_AFTER,
    NATIONAL_WATERS_BEFORE,
    NOT_GIVEN_NAMES,
    ORIGIN_OR_DESTINATION_BEFORE,
    PERSON_BEFORE,
    PLACE_CUE_AFTER,
    PLACE_CUE_BEFORE,
    RIVER_AFTER,
    RIVER_BEFORE,
    ROLE_CUTTERS,
    ROLE_GAP,
)
from pipelines.extraction.quantities import ELIDED, ELIDED_GAP, NOT_DESCRIBING, ONE_WORDS, QUALIFIERS, QUANTITY, UNITS
from pipelines.extraction.reference import actor_short_names, actor_types, lexicon
from pipelines.extraction.restatements import (
    HEADLINE_BOUND_TOLERANCE,
    HEADLINE_TOLERANCE,
    RESTATEMENT_TOLERANCE,
    TOTAL_TOLERANCE,
)
from pipelines.extraction.seizure_actors import AT_THE_SITE, POSSESSIVE_GAP, POSSESSIVE_REACH, TIE_REACH_PARAGRAPHS
from pipelines.extraction.sentences import ABBREVIATION_BOUNDARY, BOUNDARY, DATELINE, SENTENCE_MARK
from pipelines.extraction.text import fold

__all__ = ["extract_facts_baseline"]

WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_WORD_RUN = re.compile(r"[a-z0-9]+")


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# Every regex the rules use, compiled once (Rust's `${1}` replacements become `\g<1>`).
RX = {
    name: _compile(pattern) for name, pattern in {
        "boundary": BOUNDARY, "abbreviation": ABBREVIATION_BOUNDARY, "dateline": DATELINE,
        "quantity": QUANTITY, "elided": ELIDED, "elided_gap": ELIDED_GAP, "not_describing": NOT_DESCRIBING,
        "proper_start": PROPER_NAME_START, "proper_end": PROPER_NAME_END, "capital": "[A-Z]",
        "local_unit": LOCAL_UNIT_BEFORE, "currency_after": CURRENCY_AFTER, "currency_before": CURRENCY_BEFORE,
        "river_before": RIVER_BEFORE, "river_after": RIVER_AFTER, "person": PERSON_BEFORE,
        "place_cue_before": PLACE_CUE_BEFORE, "place_cue_after": PLACE_CUE_AFTER, "longer_name": LONGER_NAME_AFTER,
        "apposition": APPOSITION, "role_gap": ROLE_GAP, "role_cutters": ROLE_CUTTERS, "flagged": r"^-?\s*flagged\b",
        "crossing": CROSSING_AFTER, "origin_or_destination_before": ORIGIN_OR_DESTINATION_BEFORE,
        "authority_after": AUTHORITY_NOUNS_AFTER, "authority_before": AUTHORITY_NOUNS_BEFORE,
        "national_after": NATIONAL_WATERS_AFTER, "national_before": NATIONAL_WATERS_BEFORE,
        "coordination_gap": COORDINATION_GAP, "possessive_gap": POSSESSIVE_GAP, "at_the_site": AT_THE_SITE,
        "drug_after": DRUG_AFTER_GAP, "anaphoric_drug": ANAPHORIC_DRUG_GAP, "drug_before": DRUG_BEFORE_GAP,
        "drug_tested": DRUG_TESTED_GAP, "drug_and_drug": DRUG_AND_DRUG, "names_content": NAMES_ITS_CONTENT,
        "aggregate": AGGREGATE, "aggregate_after": r"^[^,;]*(?:" + AGGREGATE + ")",
        "superlative_aggregate": SUPERLATIVE + r"[^,;]{0,60}(?:" + AGGREGATE + ")",
        "year_frame": YEAR_FRAME, "year_after": r"^[^,;]*(?:" + YEAR_FRAME + ")",
        "superlative_year": SUPERLATIVE + r"[^,;]{0,60}(?:" + YEAR_FRAME + ")", "period_scope": PERIOD_SCOPE,
        "one_event": ONE_EVENT, "record": RECORD_INTRO, "record_comparison": RECORD_COMPARISON,
        "rate": RATE_AFTER, "compared_after": COMPARED_AFTER, "compared_before": COMPARED_BEFORE,
        "total_words": TOTAL_WORDS, "total_before": "(?:" + TOTAL_WORDS + r")[^.;:,]*$",
        "total_after": r"^[^;:,]*(?:" + TOTAL_WORDS + ")", "definite": DEFINITE_BEFORE, "offload": OFFLOAD,
        "completes": COMPLETES_EARLIER, "count_weight": COUNT_THEN_WEIGHT, "weight_count": WEIGHT_THEN_COUNT,
        "same_weight": SAME_WEIGHT, "last_group": r"[.,](\d+)$", "separators": r"[.,]", "spaces": r"\s+",
    }.items()
}
SEIZURE_GROUPS = frozenset(SEIZURE_DRUG_GROUPS)
ROLE_KINDS = ("origin", "destination", "border", "transit")


@dataclass(frozen=True)
class Reading:
    kind: str
    target: str | None
    cased: str
    case_sensitive: bool
    needs_context: bool
    priority: int


@dataclass(frozen=True)
class Resources:
    """What every article is matched against, built once per process."""

    # first word → (family, regex of that family's phrases starting with it): the alternation
    # lists them longest first, so a match at a word start is the longest phrase found there,
    # the only one the leftmost-longest rule can keep
    phrases_by_first_word: dict[str, list[tuple[str, re.Pattern]]]
    other_phrases: list[tuple[str, str]]  # phrases that start with punctuation: searched for directly
    readings: dict[str, list[Reading]]  # lexicon key → its readings, in priority order
    coordinated: list[tuple[re.Pattern, str]]
    short_names: re.Pattern


def _phrase_regex(phrases: list[str]) -> re.Pattern:
    """The phrases, longest first; one that ends with a letter or digit must end a word."""
    return _compile("|".join(
        re.escape(p) + ("(?![a-z0-9])" if p[-1] in WORD_CHARS else "") for p in sorted(phrases, key=lambda p: (-len(p), p))
    ))


@lru_cache(maxsize=1)
def resources() -> Resources:
    phrase_set = phrase_families()
    grouped: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    others = []
    for phrase, family in zip(phrase_set.phrases.to_list(), phrase_set.family_names.gather(phrase_set.family_numbers).to_list()):
        first = _WORD_RUN.match(phrase)
        if first:
            grouped[first.group()][family].append(phrase)
        else:
            others.append((phrase, family))
    readings: dict[str, list[Reading]] = defaultdict(list)
    for row in lexicon().iter_rows(named=True):
        readings[row["key"]].append(Reading(
            row["kind"], row["target"], row["cased"], row["case_sensitive"], row["needs_context"], row["priority"]
        ))
    return Resources(
        {word: [(family, _phrase_regex(phrases)) for family, phrases in families.items()] for word, families in grouped.items()},
        others, dict(readings),
        [(_compile(pattern), word) for pattern, word in coordinated_patterns()], _compile(short_name_pattern()),
    )


# --- records --------------------------------------------------------------------------------

@dataclass
class Sentence:
    no: int
    para: int
    start: int
    end: int
    is_headline: bool = False
    is_lead: bool = False


@dataclass
class Mention:
    start: int
    end: int
    key: str
    reading: Reading
    sentence: Sentence | None


@dataclass
class Cue:
    start: int
    end: int
    cue: str
    cue_type: str
    sentence: Sentence | None


@dataclass
class Actor:
    start: int
    end: int
    actor: str


@dataclass
class Place:
    start: int
    end: int
    iso: str | None
    mention_type: str
    role: str
    sentence: Sentence
    in_dateline: bool
    national_waters: bool


@dataclass
class Quantity:
    start: int
    end: int
    qualifier_kind: str | None
    dimension: str | None
    value: float
    kg: float | None
    litres: float | None
    units: int | None
    unit_type: str | None
    qid: int = 0
    sentence: Sentence | None = None
    drug: str | None = None
    d_start: int | None = None
    d_end: int | None = None
    form_start: int | None = None
    anaphoric_drug: bool = False
    cue_before: str | None = None
    cue: str | None = None
    flags: dict = field(default_factory=dict)
    merge: str | None = None
    partner: tuple[int, int] | None = None
    absorbed_by: int | None = None
    is_approximate: bool = False
    implied_drug: bool = False
    candidate: bool = False
    completes: int | None = None
    completed: bool = False
    country: str | None = None
    basis: str | None = None
    episode: int = 0
    actors: list[str] = field(default_factory=list)


# --- text, sentences, phrases -----------------------------------------------------------------

def split_sentences(norm: str, has_title: bool) -> list[Sentence]:
    marked = RX["boundary"].sub("\\g<1>" + SENTENCE_MARK + "\\g<2>", norm)
    marked = RX["abbreviation"].sub("\\g<1> ", marked)
    sentences, para, offset = [], 0, 0
    for line in marked.split("\n"):
        if line.strip(" \t\n"):
            piece_start = offset
            for piece in line.split(SENTENCE_MARK):
                start = piece_start + len(piece) - len(piece.lstrip(" \t\n"))
                end = piece_start + len(piece.rstrip(" \t\n"))
                if end > start:
                    sentences.append(Sentence(len(sentences), para, start, end))
                piece_start += len(piece) + 1
            para += 1
        offset += len(line) + 1
    return sentences


def find_dateline(norm: str, sentences: list[Sentence]) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the dateline at the start of one of the first three paragraphs."""
    seen = set()
    for s in sentences:
        if s.para > 2:
            break
        if s.para in seen:
            continue
        seen.add(s.para)
        match = RX["dateline"].search(norm[s.start:s.end])
        if match:
            return s.para, s.start, s.start + len(match.group())
    return None


def mark_headline_and_lead(sentences: list[Sentence], dateline, has_title: bool) -> None:
    lead = dateline[0] if dateline else (1 if has_title else 0)
    for s in sentences:
        s.is_headline = s.para < dateline[0] if dateline else (has_title and s.para == 0)
        s.is_lead = s.para == lead


def find_phrases(low: str, res: Resources) -> dict[str, list[tuple[int, int, str]]]:
    """Whole-word occurrences of the lexicon names and cue words, per family, leftmost then
    longest kept among overlapping ones (the extractor's rule)."""
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    n = len(low)
    for run in _WORD_RUN.finditer(low):  # maximal runs: each starts a word
        for family, phrases in res.phrases_by_first_word.get(run.group(), ()):
            match = phrases.match(low, run.start())
            if match:
                found[family].append((match.start(), match.end(), match.group()))
    for phrase, family in res.other_phrases:
        start = low.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if phrase[-1] not in WORD_CHARS or end == n or low[end] not in WORD_CHARS:
                found[family].append((start, end, phrase))
            start = low.find(phrase, start + 1)
    kept = {}
    for family, occurrences in found.items():
        occurrences.sort(key=lambda o: (o[0], -(o[1] - o[0])))
        survivors, reach = [], -1
        for occurrence in occurrences:
            if occurrence[0] >= reach:
                survivors.append(occurrence)
            reach = max(reach, occurrence[1])
        kept[family] = survivors
    return kept


class SentenceIndex:
    """The sentence containing a position: the last one that starts at or before it."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def at(self, position: int) -> Sentence | None:
        i = bisect_right(self.starts, position) - 1
        return self.sentences[i] if i >= 0 else None


def read_mentions(norm: str, occurrences, res: Resources, index: SentenceIndex) -> list[Mention]:
    mentions = []
    for start, end, key in occurrences:
        written = norm[start:end]
        for reading in res.readings.get(key, ()):
            if reading.case_sensitive:
                keep = written == reading.cased or written == reading.cased.upper()
            elif reading.kind in ("country", "place"):
                keep = bool(RX["proper_start"].search(written) and RX["proper_end"].search(written))
            elif reading.kind == "actor":
                keep = bool(RX["capital"].search(written))
            else:
                keep = True
            if keep:
                mentions.append(Mention(start, end, key, reading, index.at(start)))
    return mentions


# --- groups ------------------------------------------------------------------------------------

def find_actors(low: str, mentions: list[Mention], res: Resources) -> tuple[list[Actor], list[tuple[int, int]]]:
    lists = []
    for pattern, word in res.coordinated:
        if word in low:
            lists.extend((m.start(), m.end(), m.group()) for m in pattern.finditer(low))
    shorts = actor_short_names()
    listed = [
        Actor(b_start + m.start(), b_start + m.end(), shorts.get(m.group()))
        for b_start, _, list_text in lists for m in res.short_names.finditer(list_text)
    ]
    named = [
        Actor(m.start, m.end, m.reading.target) for m in mentions
        if m.reading.kind == "actor" and not any(m.start < b_end and m.end > b_start for b_start, b_end, _ in lists)
    ]
    return sorted(named + listed, key=lambda a: a.start), [(b_start, b_end) for b_start, b_end, _ in lists]


def resolve_back_references(actors: list[Actor], cues: list[Cue]) -> list[Actor]:
    types = actor_types()
    resolved = []
    for cue in cues:
        if not cue.cue_type.startswith("backref_"):
            continue
        wanted = cue.cue_type.removeprefix("backref_")
        fitting = None if wanted == "any" else BACK_REFERENCE_TYPES[wanted]
        earlier = [a for a in actors if a.end <= cue.start and (fitting is None or types.get(a.actor) in fitting)]
        if earlier:
            resolved.append(Actor(cue.start, cue.end, max(earlier, key=lambda a: a.end).actor))
    return resolved


def find_ties(low: str, groups: list[Actor], cues: list[Cue], index: SentenceIndex) -> set[tuple]:
    """(sentence_no, cue start, group start, group) for every group a tie cue ties."""
    ties = set()
    by_sentence = defaultdict(list)
    for group in groups:
        sentence = index.at(group.start)
        if sentence:
            by_sentence[sentence.no].append(group)
    for cue in cues:
        if cue.sentence is None or cue.cue_type not in ("tie_forward", "tie_backward"):
            continue
        near = by_sentence[cue.sentence.no]
        if cue.cue_type == "tie_forward":
            after = sorted((g for g in near if 0 <= g.start - cue.end <= TIE_FORWARD_REACH), key=lambda g: g.start)
            for i, group in enumerate(after):
                if i and not RX["coordination_gap"].search(low[after[i - 1].end:group.start]):
                    break
                ties.add((cue.sentence.no, cue.start, group.start, group.actor))
        else:
            before = [g for g in near if g.end <= cue.start and cue.start - g.end <= TIE_BACKWARD_REACH]
            if before:
                group = max(before, key=lambda g: g.start)
                ties.add((cue.sentence.no, cue.start, group.start, group.actor))
    return ties


# --- places ------------------------------------------------------------------------------------

def find_places(
    low: str, norm: str, mentions: list[Mention], cues: list[Cue], dateline, blocked: list[tuple[int, int]],
) -> list[Place]:
    geo = []
    for m in mentions:
        if m.reading.kind not in ("country", "demonym", "place") or m.sentence is None:
            continue
        s = m.sentence
        geo.append({
            "m": m, "before": low[max(m.start - 60, s.start, 0):m.start], "after": low[m.end:min(m.end + 40, s.end)],
            "after_cased": norm[m.end:min(m.end + 30, s.end)], "before_cased": norm[max(m.start - 30, s.start, 0):m.start],
            "in_dateline": bool(dateline and dateline[1] <= m.start < dateline[2]),
        })
    local_keys = {g["m"].key for g in geo if RX["local_unit"].search(g["before"])}
    kept = []
    for g in geo:
        m, kind = g["m"], g["m"].reading.kind
        if m.key in local_keys or any(m.start < b_end and m.end > b_start for b_start, b_end in blocked):
            continue
        if (kind in ("country", "demonym") and RX["currency_after"].search(g["after"])) or (
            kind == "demonym" and RX["currency_before"].search(g["before"])
        ):
            continue
        if RX["river_before"].search(g["before"]) or RX["river_after"].search(g["after"]):
            continue
        given = RX["person"].search(g["before_cased"])
        given_name = given.group(1).lower() if given else None
        if kind == "place" and RX["longer_name"].search(g["after_cased"]):
            continue
        if kind == "place" and not m.sentence.is_headline and given_name is not None and given_name not in NOT_GIVEN_NAMES:
            continue
        if m.reading.needs_context:
            in_context = (
                RX["place_cue_before"].search(g["before"]) or RX["place_cue_after"].search(g["after_cased"]) or g["in_dateline"]
            ) and (given_name is None or given_name in NOT_GIVEN_NAMES)
            if not in_context:
                continue
        kept.append(g)
    geo = _resolve_ambiguous(kept)
    return _assign_roles(geo, cues)


def _resolve_ambiguous(geo: list[dict]) -> list[dict]:
    by_position = defaultdict(list)
    for g in geo:
        by_position[g["m"].start].append(g)
    single = [readings[0] for readings in by_position.values() if len(readings) == 1]
    counts = defaultdict(int)
    for g in single:
        if not RX["origin_or_destination_before"].search(g["before"]):
            counts[g["m"].reading.target] += 1
    in_dateline = sorted((g for g in single if g["in_dateline"]), key=lambda g: g["m"].start)
    dateline_iso = in_dateline[-1]["m"].reading.target if in_dateline else None
    resolved = []
    for readings in by_position.values():
        if len(readings) == 1:
            resolved.append(readings[0])
            continue

        def score(g):
            m = g["m"]
            return (
                not _apposed(g, single), m.reading.target != dateline_iso, -counts[m.reading.target], m.reading.priority,
            )

        resolved.append(min(readings, key=score))
    return sorted(resolved, key=lambda g: g["m"].start)


def _apposed(g: dict, single: list[dict]) -> bool:
    """An unambiguous name of the same country right before or after, in apposition."""
    m = g["m"]
    for p in single:
        pm = p["m"]
        if pm.sentence is not m.sentence or pm.reading.target != m.reading.target:
            continue
        if not (abs(pm.start - m.end) <= 40 or abs(m.start - pm.end) <= 40):
            continue
        if pm.start >= m.end:
            gap = g["after"][:pm.start - m.end]
        elif pm.end <= m.start:
            gap = g["before"][len(g["before"]) - (m.start - pm.end):]
        else:
            continue
        if RX["apposition"].search(gap):
            return True
    return False


def _assign_roles(geo: list[dict], cues: list[Cue]) -> list[Place]:
    markers = sorted((c for c in cues if c.cue_type.startswith("role_")), key=lambda c: c.end)
    marker_ends = [c.end for c in markers]
    places, previous = [], None
    for g in geo:
        m, before = g["m"], g["before"]
        marker_role = None
        i = bisect_right(marker_ends, m.start) - 1
        if i >= 0:
            marker = markers[i]
            distance = m.start - marker.end
            gap = before[len(before) - distance:] if distance <= len(before) else ""
            if (
                marker.start >= m.sentence.start and distance <= len(before)
                and RX["role_gap"].search(gap) and not RX["role_cutters"].search(gap)
            ):
                marker_role = marker.cue_type.removeprefix("role_")
        same_sentence = previous is not None and previous["m"].sentence is m.sentence
        inherited = None
        if same_sentence and marker_role is None:
            if RX["apposition"].search(before[len(before) - (m.start - previous["m"].end):]):
                inherited = previous["marker_role"]
        g["marker_role"] = marker_role
        base = marker_role or inherited
        kind = m.reading.kind
        if RX["flagged"].search(g["after"]):
            role = "attribute"
        elif RX["crossing"].search(g["after"]):
            role = "border"
        elif kind == "demonym":
            authority = RX["authority_after"].search(g["after"]) or RX["authority_before"].search(before)
            role = base if base in ROLE_KINDS else ("authority" if authority else "attribute")
        else:
            role = base or "location"
        places.append(Place(
            m.start, m.end, m.reading.target, {"country": "name"}.get(kind, kind), role, m.sentence, g["in_dateline"],
            bool(RX["national_after"].search(g["after"]) or RX["national_before"].search(before)),
        ))
        previous = g
    return places


# --- quantities --------------------------------------------------------------------------------

def parse_digits(digits: str) -> float | None:
    last = RX["last_group"].search(digits)
    try:
        if not last:
            return float(digits)
        integer = RX["separators"].sub("", digits[:last.start()])
        if len(last.group(1)) == 3 and integer != "0":
            return float(integer + last.group(1))
        return float(integer + "." + last.group(1))
    except ValueError:
        return None


def _in_units(value: float, dimension: str | None, factor: float):
    """(kg, litres, units) of a value in a unit of `dimension`."""
    return (
        round(value * factor, 4) if dimension == "mass" else None,
        round(value * factor, 3) if dimension == "volume" else None,
        int(round(value)) if dimension == "count" else None,
    )


def find_quantities(low: str) -> list[Quantity]:
    stated = []
    for match in RX["quantity"].finditer(low):
        g = match.groupdict()
        unit_key = RX["spaces"].sub(" ", g["unit"] or g["count_unit"] or "")
        dimension, factor, unit_type = UNITS.get(unit_key, (None, None, None))
        word = RX["spaces"].sub(" ", g["word"]) if g["word"] else None
        multiplier = g["multiplier"] or g["bare_multiplier"]
        tail = g["tail"] or g["bare_tail"]
        half = g["and_half"] or g["y_media"]
        if RX["not_describing"].search(g["describing"] or ""):
            continue
        if word in ONE_WORDS and dimension is not None and dimension != "mass":
            continue
        if dimension == "count" and half:
            continue
        base = parse_digits(g["digits"]) if g["digits"] else NUMBER_WORDS.get(word) if word else (1.0 if multiplier else None)
        if base is None or factor is None:
            continue
        value = base * MULTIPLIERS.get(multiplier, 1.0) + (float(tail) if tail else 0.0) + (0.5 if half else 0.0)
        range_low = g["range_low"] or g["range_from"]
        if range_low:
            bound = parse_digits(range_low)
            bound = bound if bound is not None else NUMBER_WORDS.get(RX["spaces"].sub(" ", range_low))
            value = bound * MULTIPLIERS.get(multiplier, 1.0) if bound is not None else None
        if value is None or value <= 0:
            continue
        qualifier = QUALIFIERS.get(RX["spaces"].sub(" ", g["qualifier"])) if g["qualifier"] else None
        qualifier = qualifier or ("approximate" if range_low else None)
        stated.append(Quantity(match.start(), match.end(), qualifier, dimension, value, *_in_units(value, dimension, factor), unit_type))
    return sorted(stated + _elided_quantities(low, stated), key=lambda q: q.start)


def _elided_quantities(low: str, stated: list[Quantity]) -> list[Quantity]:
    ends = [q.end for q in stated]
    elided = []
    for match in RX["elided"].finditer(low):
        digits, qualifier = match.group("digits"), match.group("qualifier")
        start = match.start() + match.group().find(qualifier or digits)
        end = match.start() + match.group().find(digits) + len(digits)
        i = bisect_right(ends, start) - 1
        if i < 0 or not RX["elided_gap"].search(low[ends[i]:start]):
            continue
        previous, value = stated[i], parse_digits(digits)
        if value is None:
            continue
        factor = {"mass": previous.kg, "volume": previous.litres}.get(previous.dimension)
        factor = factor / previous.value if factor is not None else 1.0
        kind = QUALIFIERS.get(RX["spaces"].sub(" ", qualifier)) if qualifier else None
        elided.append(Quantity(start, end, kind, previous.dimension, value, *_in_units(value, previous.dimension, factor), previous.unit_type))
    return elided


# --- seizures ----------------------------------------------------------------------------------

def _relative_difference(a, b) -> float | None:
    if a is None or b is None or max(abs(a), abs(b)) == 0:
        return None
    return abs(a - b) / max(abs(a), abs(b))


def _same_figure(q: Quantity, o: Quantity, tolerance: float, with_litres: bool = True) -> bool:
    pairs = [(q.kg, o.kg), (q.units, o.units)] + ([(q.litres, o.litres)] if with_litres else [])
    return any((d := _relative_difference(a, b)) is not None and d <= tolerance for a, b in pairs)


def assemble(
    low: str, text: str, sentences: list[Sentence], index: SentenceIndex, quantities: list[Quantity],
    mentions: list[Mention], cues: list[Cue], places: list[Place], actors: list[Actor], ties: set[tuple], dateline,
) -> list[Quantity]:
    drugs = _drugs(mentions)
    action_cues = [c for c in cues if c.cue_type in ("seize", "block") and c.sentence is not None]
    for qid, q in enumerate(quantities):
        q.qid, q.sentence = qid, index.at(q.start)
    quantities = [q for q in quantities if q.sentence is not None]
    for q in quantities:
        _link_drug(q, drugs, low)
        _qualify(q, action_cues, low)
    _merge_in_sentence(quantities, low)
    _imply_drugs(quantities, drugs, low)
    for q in quantities:
        f = q.flags
        q.candidate = (
            q.drug in SEIZURE_GROUPS and f["seize_context"] and not f["is_rate"] and not f["is_aggregate"]
            and q.qualifier_kind != "limit" and q.absorbed_by is None
        )
    new_event_sentences = {
        m.sentence.no for m in mentions if m.reading.kind in ("country", "demonym", "place") and m.sentence is not None
    } | {c.sentence.no for c in cues if c.cue_type == "separate" and c.sentence is not None}
    _merge_across_sentences(quantities, new_event_sentences)
    candidates = [q for q in quantities if q.candidate and q.completes is None]
    kept, restated = _new_seizures(candidates)
    _place_seizures(kept, places, cues)
    _mark_operations(kept, cues)
    ties = ties | _possessive_ties(quantities, actors, low)
    _tie_actors(kept, quantities, restated, ties, cues, drugs, sentences, low)
    return kept


def _drugs(mentions: list[Mention]) -> list[tuple[int, int, str | None, Sentence]]:
    """(start, end, drug group, sentence), `the drug` resolved to the last drug named before."""
    drugs, last_named = [], []
    for m in sorted((m for m in mentions if m.reading.kind == "drug"), key=lambda m: m.start):
        drug = m.reading.target
        if drug == "referring":
            before = [d for d in last_named if d[0] <= m.start]
            drug = max(before)[1] if before else None
        if m.reading.target in SEIZURE_GROUPS:
            last_named.append((m.end, m.reading.target))
        drugs.append((m.start, m.end, drug, m.sentence))
    return drugs


def _link_drug(q: Quantity, drugs, low: str) -> None:
    best = None
    for d_start, d_end, drug, sentence in drugs:
        if sentence is not q.sentence:
            continue
        link, describing = None, 0
        if (d_start >= q.start and d_end <= q.end) or (d_start >= q.end and RX["drug_tested"].search(low[q.end:d_start])):
            link = 0
        elif d_start >= q.end and (after := RX["drug_after"].search(low[q.end:d_start])):
            link, describing = 1, len(after.group(1) or "")
        elif d_end <= q.start and RX["drug_before"].search(low[d_end:q.start]):
            link = 2
        if link is not None and (best is None or (link, abs(d_start - q.end)) < best[0]):
            anaphoric = link == 1 and bool(RX["anaphoric_drug"].search(low[q.end:d_start]))
            best = ((link, abs(d_start - q.end)), drug, d_start, d_end, d_start - describing, anaphoric)
    if best:
        _, q.drug, q.d_start, q.d_end, q.form_start, q.anaphoric_drug = best
        # a figure of two drugs (`of cocaine and marijuana`) is a mix of no one group
        if any(
            sentence is q.sentence and d_start >= q.d_end and drug != q.drug and drug is not None and q.drug is not None
            and RX["drug_and_drug"].search(low[q.d_end:d_start])
            for d_start, _, drug, sentence in drugs
        ):
            q.drug = "unspecified"


def _qualify(q: Quantity, action_cues: list[Cue], low: str) -> None:
    s = q.sentence
    in_sentence = [c for c in action_cues if c.sentence is s]
    before_cues = [c for c in in_sentence if c.end <= q.start]
    after_cues = [c for c in in_sentence if c.start >= q.end]
    q.cue_before = max(before_cues, key=lambda c: c.end).cue_type if before_cues else None
    q.cue = q.cue_before or (min(after_cues, key=lambda c: c.start).cue_type if after_cues else None)
    end = max(q.end, q.d_end or 0)
    after, before, sentence = low[end:min(end + 60, s.end)], low[s.start:q.start], low[s.start:s.end]
    aggregate_before = bool(RX["aggregate"].search(before)) and not RX["superlative_aggregate"].search(before)
    record = bool(RX["record"].search(before))
    total_words = bool(RX["total_words"].search(sentence))
    year_frame = bool(RX["year_after"].search(after)) or (
        bool(RX["year_frame"].search(before)) and not RX["superlative_year"].search(before)
    )
    yearly_total = year_frame and (
        bool(RX["period_scope"].search(sentence)) or total_words or not (RX["one_event"].search(sentence) or record)
    )
    q.flags = {
        "seize_context": q.cue == "seize",
        "passive": q.cue_before is None,
        "is_rate": bool(RX["rate"].search(after)),
        "is_aggregate": bool(
            RX["aggregate_after"].search(after) or aggregate_before or yearly_total or RX["compared_after"].search(after)
            or RX["compared_before"].search(before)
        ),
        "total_qualifier": q.qualifier_kind == "total",
        "total_words": total_words,
        "total_words_near": bool(RX["total_before"].search(before) or RX["total_after"].search(after)),
        "record": record,
        "definite": bool(RX["definite"].search(before)) and not record,
        "offload": bool(RX["offload"].search(before)),
        "completes_earlier": bool(RX["completes"].search(low[max(q.start - 80, 0):q.start])),
    }


def _merge_in_sentence(quantities: list[Quantity], low: str) -> None:
    pairs = []
    for q, nxt in zip(quantities, quantities[1:]):
        if nxt.sentence is not q.sentence or not (q.drug is None or nxt.drug is None or q.drug == nxt.drug):
            continue
        gap = low[q.end:nxt.start]
        if q.dimension == "count" and nxt.dimension in ("mass", "volume") and RX["count_weight"].search(gap):
            pairs.append((q, nxt, "count-weight-merge"))
        elif q.dimension in ("mass", "volume") and nxt.dimension == "count" and RX["weight_count"].search(gap):
            pairs.append((q, nxt, "weight-count-merge"))
        elif q.dimension == nxt.dimension == "mass" and RX["same_weight"].search(gap):
            pairs.append((q, nxt, "weight-conversion"))
    absorbed = {id(nxt) for _, nxt, _ in pairs}
    for q in quantities:
        q.is_approximate = q.qualifier_kind == "approximate"
    # A quantity absorbed by the one before it cannot absorb the next one.
    for q, partner, merge in [p for p in pairs if id(p[0]) not in absorbed]:
        takes = merge in ("count-weight-merge", "weight-count-merge")
        if takes:
            q.kg = q.kg if q.kg is not None else partner.kg
            q.litres = q.litres if q.litres is not None else partner.litres
            q.units = q.units if q.units is not None else partner.units
            q.unit_type = q.unit_type or partner.unit_type
        if q.drug is None:
            q.drug, q.form_start, q.d_end = partner.drug, partner.form_start, partner.d_end
        q.flags["seize_context"] = q.flags["seize_context"] or partner.flags["seize_context"]
        q.is_approximate = q.is_approximate or partner.qualifier_kind == "approximate"
        q.merge, q.partner = merge, (partner.start, partner.end)
        partner.absorbed_by = q.qid


def _imply_drugs(quantities: list[Quantity], drugs, low: str) -> None:
    """A bare seized figure takes the drug of the last seizure before it, else the last drug named;
    in a sentence about a record, the drug of the article's main (first) seizure."""
    sources = sorted((q.start, q.drug) for q in quantities if q.drug in SEIZURE_GROUPS and q.flags["seize_context"])
    starts = [s[0] for s in sources]
    named = sorted((d[0], d[2]) for d in drugs if d[2] in SEIZURE_GROUPS)
    named_starts = [d[0] for d in named]
    for q in quantities:
        bare = (
            q.drug is None and q.flags["seize_context"] and q.absorbed_by is None and not q.flags["definite"]
            and not RX["names_content"].search(low[q.end:q.end + 6])
        )
        if not bare:
            continue
        i, j = bisect_left(starts, q.start) - 1, bisect_left(named_starts, q.start) - 1
        drug = sources[i][1] if i >= 0 else named[j][1] if j >= 0 else None
        if i >= 0 and RX["record_comparison"].search(low[q.sentence.start:q.sentence.end]):
            drug = sources[0][1]
        if drug is not None:
            q.drug, q.implied_drug = drug, True


def _merge_across_sentences(quantities: list[Quantity], new_event_sentences: set[int]) -> None:
    """A count or weight completing the seizure before it (`restatement-units-merge`), or a count
    of packed units in a sentence that names no place or other operation."""
    candidates = [q for q in quantities if q.candidate]
    starts = [c.start for c in candidates]
    completing = defaultdict(list)
    for q in quantities:
        anaphoric_count = q.anaphoric_drug and q.dimension == "count"
        packed = q.dimension == "count" and q.unit_type in PACKED_UNITS and q.sentence.no not in new_event_sentences
        if q.absorbed_by is not None or not (q.flags["definite"] or q.flags["completes_earlier"] or anaphoric_count or packed):
            continue
        if any(c.start < q.start and _same_figure(q, c, RESTATEMENT_TOLERANCE, with_litres=False) for c in candidates):
            continue
        i = bisect_left(starts, q.start) - 1
        if i < 0:
            continue
        target = candidates[i]
        if (
            0 < q.sentence.no - target.sentence.no <= 2 and (q.drug is None or q.drug == target.drug)
            and ((q.dimension == "count" and target.units is None) or (q.dimension == "mass" and target.kg is None))
        ):
            q.completes = target.qid
            completing[target.qid].append(q)
    for target in candidates:
        completers = sorted(completing.get(target.qid, ()), key=lambda c: c.start)
        if not completers:
            continue
        first = completers[0]
        target.kg = target.kg if target.kg is not None else next((c.kg for c in completers if c.kg is not None), None)
        target.units = target.units if target.units is not None else next((c.units for c in completers if c.units is not None), None)
        target.unit_type = target.unit_type or next((c.unit_type for c in completers if c.unit_type), None)
        target.completed = True
        target.partner = target.partner or (first.start, first.end)


def _new_seizures(candidates: list[Quantity]) -> tuple[list[Quantity], dict[int, int]]:
    restated = _body_restatements(candidates)
    first_totals = _totals([c for c in candidates if c.qid not in restated])
    restated = {q: o for q, o in restated.items() if o not in first_totals}
    headline_totals = {c.qid for c in candidates if c.qid in first_totals and c.sentence.is_headline}
    restated.update(_headline_restatements([c for c in candidates if c.qid not in headline_totals]))
    kept = [c for c in candidates if c.qid not in restated]
    totals = _totals(kept)
    return [c for c in kept if c.qid not in totals], restated


def _body_restatements(seizures: list[Quantity]) -> dict[int, int]:
    restated = {}
    for q in seizures:
        if q.sentence.is_headline or not q.flags["definite"]:
            continue
        earlier = [
            o for o in seizures
            if o is not q and o.drug == q.drug and not o.sentence.is_headline and o.start < q.start
            and _same_figure(q, o, RESTATEMENT_TOLERANCE)
        ]
        if earlier:
            restated[q.qid] = min(earlier, key=lambda o: o.start).qid
    return restated


def _headline_restatements(seizures: list[Quantity]) -> dict[int, int]:
    restated = {}
    for q in seizures:
        if not q.sentence.is_headline:
            continue
        tolerance = HEADLINE_BOUND_TOLERANCE if q.is_approximate else HEADLINE_TOLERANCE
        body = [o for o in seizures if o is not q and o.drug == q.drug and not o.sentence.is_headline and _same_figure(q, o, tolerance)]
        if body:
            def difference(o):
                ds = [d for a, b in ((q.kg, o.kg), (q.units, o.units), (q.litres, o.litres)) if (d := _relative_difference(a, b)) is not None]
                return min(ds) if ds else float("inf")
            restated[q.qid] = min(body, key=difference).qid
    return restated


def _totals(seizures: list[Quantity]) -> set[int]:
    """Figures that only add up other seizures of the article (same drug)."""
    body_count = defaultdict(int)
    for s in seizures:
        body_count[s.drug] += not s.sentence.is_headline
    by_words = {
        s.qid for s in seizures
        if (s.sentence.is_headline or s.sentence.is_lead) and (s.flags["total_qualifier"] or s.flags["total_words_near"])
        and body_count[s.drug] - (not s.sentence.is_headline) >= 1
    }
    parts = [s for s in seizures if s.qid not in by_words]
    totals = set()
    for t in seizures:
        if not (t.sentence.is_headline or t.flags["total_qualifier"] or t.flags["total_words"]) or t.kg is None:
            continue
        others = [p for p in parts if p.drug == t.drug and p is not t]
        kgs = [p.kg for p in others]
        sums = [a + b for i, a in enumerate(kgs) for b in kgs[i + 1:] if a is not None and b is not None]
        sums += [
            a + b + c for i, a in enumerate(kgs) for j, b in enumerate(kgs[i + 1:], i + 1) for c in kgs[j + 1:]
            if a is not None and b is not None and c is not None
        ]
        if len(others) >= 2:
            sums.append(sum(k for k in kgs if k is not None))
        tolerance = HEADLINE_TOLERANCE if t.sentence.is_headline else TOTAL_TOLERANCE
        if any((d := _relative_difference(t.kg, total)) is not None and d <= tolerance for total in sums):
            totals.add(t.qid)
    return totals | by_words


def _place_seizures(kept: list[Quantity], places: list[Place], cues: list[Cue]) -> None:
    where = [p for p in places if p.role in ("location", "authority")]
    national_waters = {p.sentence.no for p in places if p.national_waters}
    sea = [c for c in cues if c.cue_type == "international_waters" and c.sentence]
    open_sea_sentences = {c.sentence.no for c in sea} - national_waters
    # (sentence, position, country, kind, national waters): a place in a sentence at sea says where the sea is
    evidence = [
        (p.sentence, p.start, None, "international waters", p.national_waters) if p.sentence.no in open_sea_sentences
        else (p.sentence, p.start, p.iso, "demonym of the authority" if p.mention_type == "demonym" else "place", p.national_waters)
        for p in where if not p.in_dateline
    ] + [(c.sentence, c.start, None, "international waters", False) for c in sea]
    counts, first = defaultdict(int), {}
    for p in where:
        counts[p.iso] += 1
        first[p.iso] = min(first.get(p.iso, p.start), p.start)
    dominant = min(counts, key=lambda iso: (-counts[iso], first[iso])) if counts else None
    in_dateline = sorted((p for p in places if p.in_dateline), key=lambda p: p.start)
    dateline_iso = in_dateline[0].iso if in_dateline else None
    by_position = sorted(evidence, key=lambda e: e[1])
    for q in kept:
        s = q.sentence
        offloaded_from_sea = q.flags["offload"] and bool(sea) and s.no not in national_waters
        open_sea = s.no in open_sea_sentences or offloaded_from_sea
        located = [e for e in evidence if e[0] is s and e[3] != "international waters"]
        paragraph = [e for e in by_position if e[0].para == s.para]
        before = [e for e in paragraph if e[1] < s.start]
        after = [e for e in paragraph if e[1] >= s.end]
        previous = [e for e in by_position if e[1] < s.start]
        previous_sea = bool(previous) and previous[-1][3] == "international waters" and previous[-1][0].para == s.para - 1
        if open_sea:
            q.country, q.basis = None, "offloaded from international waters" if q.flags["offload"] else "in sentence: international waters"
        elif located:
            nearest = min(located, key=lambda e: (not e[4], abs(e[1] - q.start)))
            q.country, q.basis = nearest[2], "in sentence: " + nearest[3]
        elif before:
            q.country, q.basis = before[-1][2], "in paragraph: " + before[-1][3]
        elif previous_sea:
            q.country, q.basis = None, "paragraph before: international waters"
        elif after:
            q.country, q.basis = after[0][2], "in paragraph: " + after[0][3]
        elif dateline_iso is not None:
            q.country, q.basis = dateline_iso, "dateline"
        elif dominant is not None:
            q.country, q.basis = dominant, "article's main country"


def _mark_operations(kept: list[Quantity], cues: list[Cue]) -> None:
    separate = {c.sentence.no for c in cues if c.cue_type == "separate" and c.sentence}
    episode, previous = 0, None
    for q in sorted(kept, key=lambda q: q.start):
        first_in_sentence = previous is None or previous.sentence is not q.sentence
        new_country = previous is not None and previous.country != q.country
        episode += (q.sentence.no in separate and first_in_sentence) or new_country
        q.episode, previous = episode, q


def _possessive_ties(quantities: list[Quantity], actors: list[Actor], low: str) -> set[tuple]:
    ties = set()
    for q in quantities:
        if q.d_end is None:
            continue
        for a in actors:
            if 0 <= a.start - q.d_end <= POSSESSIVE_REACH and RX["possessive_gap"].search(low[q.d_end:a.start]):
                ties.add((q.sentence.no, q.d_end, a.start, a.actor))
    return ties


def _tie_actors(kept, quantities, restated, ties, cues, drugs, sentences, low: str) -> None:
    kept_ids = {q.qid: q for q in kept}
    owners = defaultdict(set)  # sentence number → kept seizures with a figure in it
    for q in quantities:
        owner = q.absorbed_by if q.absorbed_by is not None else q.completes if q.completes is not None else q.qid
        owner = restated.get(owner, owner)
        if owner in kept_ids:
            owners[q.sentence.no].add(owner)
    statements = [(no, start, actor, False) for no, _, start, actor in ties] + [
        (c.sentence.no, c.sentence.end, None, True) for c in cues if c.cue_type == "negation" and c.sentence
    ]
    negated_sentences = {s[0] for s in statements if s[3]} | {c.sentence.no for c in cues if c.cue_type == "denial" and c.sentence}
    statements = [s for s in statements if s[3] or s[0] not in negated_sentences]
    links = []
    for statement in statements:
        no, _, actor, negated = statement
        if no in owners:
            links.extend((qid, actor, negated) for qid in owners[no])
        else:
            links.extend((qid, actor, negated) for qid in _referred(statement, kept, cues, drugs, sentences))
    negated = {qid for qid, _, is_negated in links if is_negated}
    for q in kept:
        q.actors = sorted({actor for qid, actor, is_negated in links if qid == q.qid and not is_negated and q.qid not in negated})
    # A load found `at the site` that no statement is about has the groups of the site's load: the
    # last one of its operation in an earlier sentence, not itself found at the site.
    linked = {qid for qid, _, _ in links}
    at_site = {q.qid for q in kept if q.qid not in linked and RX["at_the_site"].search(low[q.sentence.start:q.start])}
    for q in kept:
        if q.qid in at_site:
            site_loads = [z for z in kept if z.episode == q.episode and z.sentence.no < q.sentence.no and z.qid not in at_site]
            if site_loads:
                q.actors = list(max(site_loads, key=lambda z: z.start).actors)


def _referred(statement, kept: list[Quantity], cues: list[Cue], drugs, sentences: list[Sentence]) -> list[int]:
    """The seizures a statement in a sentence without a seizure of its own is about."""
    no, position, _, _ = statement
    para = sentences[no].para
    words = sorted((c for c in cues if c.sentence and c.sentence.no == no and c.start < position), key=lambda c: c.start)
    plural = [c.cue for c in words if c.cue_type == "plural_referent"]
    unit_word = [c.cue for c in words if c.cue_type == "unit_referent"]
    how_many = PLURAL_REFERENTS.get(plural[-1], 1) if plural else 1
    unit = UNIT_REFERENTS.get(unit_word[-1]) if unit_word else None
    operation = any(c.cue_type == "operation_referent" for c in words)
    named = sorted((d for d in drugs if d[3] is not None and d[3].no == no and d[0] < position and d[2] in SEIZURE_GROUPS), key=lambda d: d[0])
    drug = named[-1][2] if named else None
    earlier = [z for z in kept if z.sentence.no < no and para - z.sentence.para <= TIE_REACH_PARAGRAPHS]
    fits = [z for z in earlier if (unit is None or z.unit_type == unit) and (drug is None or z.drug == drug)]
    earlier = sorted(fits or earlier, key=lambda z: -z.start)
    if earlier:
        if operation and how_many == 1:
            return [z.qid for z in earlier if z.episode == earlier[0].episode]
        return [z.qid for z in earlier[:how_many]]
    if kept and no < min(z.sentence.no for z in kept):
        return [z.qid for z in sorted((z for z in kept if z.sentence.no > no), key=lambda z: z.start)[:how_many]]
    return []


# --- one article, then all of them -------------------------------------------------------------

def extract_article(article_id: str, text: str, has_title: bool) -> tuple[list[dict], list[dict], list[dict]]:
    """(seizure rows, actor mention rows, country mention rows) of one article."""
    res = resources()
    norm = fold(text)
    low = norm.lower()
    sentences = split_sentences(norm, has_title)
    dateline = find_dateline(norm, sentences)
    mark_headline_and_lead(sentences, dateline, has_title)
    index = SentenceIndex(sentences)
    found = find_phrases(low, res)
    mentions = read_mentions(norm, found.get("lexicon", ()), res, index)
    cues = [
        Cue(start, end, phrase, cue_type, index.at(start))
        for start, end, phrase in found.get("cue", ()) for cue_type in CUE_TYPES[phrase]
    ]
    actors, lists = find_actors(low, mentions, res)
    places = find_places(low, norm, mentions, cues, dateline, lists)
    ties = find_ties(low, actors + resolve_back_references(actors, cues), cues, index)
    seizures = assemble(low, text, sentences, index, find_quantities(low), mentions, cues, places, actors, ties, dateline)

    seizure_rows = []
    for number, q in enumerate(sorted(seizures, key=lambda q: q.start), 1):
        quantity_text = text[q.start:q.end] + (f"; {text[q.partner[0]:q.partner[1]]}" if q.partner else "")
        rule = ("qty+drug+verb" if q.flags["passive"] else "verb+qty+drug") + (f"+{q.merge}" if q.merge else "")
        rule += ("+restatement-units-merge" if q.completed else "") + ("+implied-drug" if q.implied_drug else "")
        seizure_rows.append({
            "article_id": article_id, "seizure_no": number, "drug": q.drug,
            "drug_form": text[q.form_start:q.d_end].lower() if q.form_start is not None and q.d_end is not None else None,
            "quantity_kg": q.kg, "quantity_units": q.units, "unit_type": q.unit_type, "quantity_litres": q.litres,
            "quantity_text": quantity_text, "is_approximate": q.is_approximate, "country_iso2": q.country,
            "country_basis": q.basis, "actors": q.actors, "evidence": text[q.sentence.start:q.sentence.end],
            "sentence_no": q.sentence.no, "char_start": q.sentence.start, "char_end": q.sentence.end, "rule": rule,
            "extractor_version": EXTRACTOR_VERSION,
        })
    actor_rows = [
        {"article_id": article_id, "actor": a.actor, "matched_text": text[a.start:a.end],
         "sentence_no": s.no if (s := index.at(a.start)) else None, "char_start": a.start, "char_end": a.end,
         "extractor_version": EXTRACTOR_VERSION}
        for a in actors
    ]
    country_rows = [
        {"article_id": article_id, "country_iso2": p.iso, "matched_text": text[p.start:p.end], "mention_type": p.mention_type,
         "sentence_no": p.sentence.no, "char_start": p.start, "char_end": p.end, "extractor_version": EXTRACTOR_VERSION}
        for p in places
    ]
    return seizure_rows, actor_rows, country_rows


def extract_facts_baseline(articles: pl.DataFrame) -> ExtractedFacts:
    """The extractor's facts, one article at a time in plain Python (same contract frames)."""
    articles = articles.select(list(ARTICLE_INPUT_SCHEMA)).cast(ARTICLE_INPUT_SCHEMA).unique("article_id", keep="first", maintain_order=True)
    seizures, actors, countries = [], [], []
    for article_id, title, text in articles.select("article_id", "title", "text").iter_rows():
        if text is None or not text.strip():
            continue
        s, a, c = extract_article(article_id, text, title is not None)
        seizures += s
        actors += a
        countries += c
    return ExtractedFacts(
        pl.DataFrame(seizures, schema=SEIZURE_SCHEMA),
        pl.DataFrame(actors, schema=ACTOR_MENTION_SCHEMA),
        pl.DataFrame(countries, schema=COUNTRY_MENTION_SCHEMA),
    )
