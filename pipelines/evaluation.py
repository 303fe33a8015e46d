"""Score extracted facts against gold annotations (the rules of `shared/eval/README.md`).

- Seizures: a prediction matches a gold seizure of the same article with the same drug and a
  quantity within 10% (kg, or the unit count; a litres-only gold seizure matches a prediction at
  1 kg per litre or one with no quantity). Each gold seizure matches at most one prediction.
- Seizures with country: the same, with the country also equal.
- For matched seizures: the share with the right country, and with exactly the right groups.
- Article level: precision/recall/F1 over (article, group) and (article, country) pairs, groups
  compared after alias normalisation through the actor reference table.

Two ways in, one scorer: `evaluate_folder` ingests and extracts in memory, `evaluate_warehouse`
reads the published marts of a warehouse.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

QUANTITY_TOLERANCE = 0.10


@dataclass(frozen=True)
class Seizure:
    """One seizure, gold or predicted, reduced to what the scorer compares."""

    article: str
    drug: str
    quantity_kg: float | None
    units: int | None
    litres: float | None
    country: str | None
    actors: frozenset[str]
    evidence: str = ""
    sentence_no: int | None = None


@dataclass
class Facts:
    """Everything scored for a set of articles (keys are article file names)."""

    seizures: list[Seizure] = field(default_factory=list)
    actors: dict[str, set[str]] = field(default_factory=dict)
    countries: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class EvaluationReport:
    metrics: dict
    missed: list[Seizure]
    extra: list[Seizure]
    wrong_country: list[tuple[Seizure, Seizure]]  # (gold, predicted)
    wrong_actors: list[tuple[Seizure, Seizure]]
    missed_actors: list[tuple[str, str]]
    extra_actors: list[tuple[str, str]]
    missed_countries: list[tuple[str, str]]
    extra_countries: list[tuple[str, str]]

    def render(self) -> str:
        lines = [f"{'metric':<24}{'precision':>10}{'recall':>8}{'f1':>8}{'gold':>6}{'pred':>6}"]
        for name in ("seizures", "seizures_with_country", "actors", "countries"):
            m = self.metrics[name]
            lines.append(
                f"{name:<24}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['gold']:>6}{m['predicted']:>6}"
            )
        lines.append(f"{'matched_country_share':<24}{self.metrics['matched_country_share']:>10.3f}")
        lines.append(f"{'matched_actor_share':<24}{self.metrics['matched_actor_share']:>10.3f}")
        sections = [
            ("Missed seizures (in gold, not extracted)", [_describe(s) for s in self.missed]),
            ("Extra seizures (extracted, not in gold)", [_describe(s) for s in self.extra]),
            ("Matched seizures with the wrong country (gold → extracted)",
             [f"{_describe(g)} → {p.country}" for g, p in self.wrong_country]),
            ("Matched seizures with the wrong groups (gold → extracted)",
             [f"{_describe(g)} → {sorted(p.actors)}" for g, p in self.wrong_actors]),
            ("Missed groups", [f"{a}: {x}" for a, x in self.missed_actors]),
            ("Extra groups", [f"{a}: {x}" for a, x in self.extra_actors]),
            ("Missed countries", [f"{a}: {x}" for a, x in self.missed_countries]),
            ("Extra countries", [f"{a}: {x}" for a, x in self.extra_countries]),
        ]
        for title, items in sections:
            if items:
                lines += ["", f"{title}:"] + [f"  {item}" for item in items]
        return "\n".join(lines)


def _describe(s: Seizure) -> str:
    quantity = " ".join(
        part for part in (
            f"{s.quantity_kg:g} kg" if s.quantity_kg is not None else "",
            f"{s.units} units" if s.units is not None else "",
            f"{s.litres:g} L" if s.litres is not None else "",
        ) if part
    ) or "no quantity"
    where = f"sentence {s.sentence_no}: " if s.sentence_no is not None else ""
    actors = f" {sorted(s.actors)}" if s.actors else ""
    return f"{s.article} {s.drug} {quantity} [{s.country}]{actors} — {where}{s.evidence[:160]!r}"


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= QUANTITY_TOLERANCE * max(abs(a), abs(b))


def quantities_match(gold: Seizure, predicted: Seizure) -> bool:
    """Same quantity within 10%: kg or unit count; a litres-only gold seizure takes 1 kg/L or
    a prediction without any quantity."""
    if gold.quantity_kg is None and gold.units is None:
        empty = predicted.quantity_kg is None and predicted.units is None
        return empty or _close(gold.litres, predicted.quantity_kg)
    return _close(gold.quantity_kg, predicted.quantity_kg) or _close(
        None if gold.units is None else float(gold.units), None if predicted.units is None else float(predicted.units)
    )


def match_seizures(gold: list[Seizure], predicted: list[Seizure], with_country: bool) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (gold index, predicted index) within each article."""
    def compatible(g: Seizure, p: Seizure) -> bool:
        return (
            g.article == p.article and g.drug == p.drug and quantities_match(g, p)
            and (not with_country or g.country == p.country)
        )

    options = {gi: [pi for pi, p in enumerate(predicted) if compatible(g, p)] for gi, g in enumerate(gold)}
    owner: dict[int, int] = {}  # predicted index → gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in options:
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


def _prf(gold: int, predicted: int, correct: int) -> dict:
    precision = correct / predicted if predicted else (1.0 if not gold else 0.0)
    recall = correct / gold if gold else (1.0 if not predicted else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": gold, "predicted": predicted, "correct": correct}


def _pairs(by_article: dict[str, set[str]], articles: set[str]) -> set[tuple[str, str]]:
    return {(a, x) for a in articles for x in by_article.get(a, set())}


def score(gold: Facts, predicted: Facts, articles: set[str]) -> EvaluationReport:
    """Compare predicted facts with gold facts over `articles` (the gold's article names)."""
    gold_seizures = [s for s in gold.seizures if s.article in articles]
    predicted_seizures = [s for s in predicted.seizures if s.article in articles]
    matched = match_seizures(gold_seizures, predicted_seizures, with_country=False)
    matched_country = match_seizures(gold_seizures, predicted_seizures, with_country=True)
    n_gold, n_pred = len(gold_seizures), len(predicted_seizures)
    pairs = [(gold_seizures[g], predicted_seizures[p]) for g, p in matched]
    gold_actors, pred_actors = _pairs(gold.actors, articles), _pairs(predicted.actors, articles)
    gold_countries, pred_countries = _pairs(gold.countries, articles), _pairs(predicted.countries, articles)
    metrics = {
        "seizures": _prf(n_gold, n_pred, len(matched)),
        "seizures_with_country": _prf(n_gold, n_pred, len(matched_country)),
        "matched_country_share": sum(g.country == p.country for g, p in pairs) / len(pairs) if pairs else 0.0,
        "matched_actor_share": sum(g.actors == p.actors for g, p in pairs) / len(pairs) if pairs else 0.0,
        "actors": _prf(len(gold_actors), len(pred_actors), len(gold_actors & pred_actors)),
        "countries": _prf(len(gold_countries), len(pred_countries), len(gold_countries & pred_countries)),
    }
    matched_gold = {g for g, _ in matched}
    matched_pred = {p for _, p in matched}
    return EvaluationReport(
        metrics=metrics,
        missed=[s for i, s in enumerate(gold_seizures) if i not in matched_gold],
        extra=[s for i, s in enumerate(predicted_seizures) if i not in matched_pred],
        wrong_country=[(g, p) for g, p in pairs if g.country != p.country],
        wrong_actors=[(g, p) for g, p in pairs if g.actors != p.actors],
        missed_actors=sorted(gold_actors - pred_actors),
        extra_actors=sorted(pred_actors - gold_actors),
        missed_countries=sorted(gold_countries - pred_countries),
        extra_countries=sorted(pred_countries - gold_countries),
    )


def actor_normaliser() -> dict[str, str]:
    """Folded lower-case alias (or canonical name) → canonical name, from the reference table."""
    from pipelines.extraction import actor_reference
    from pipelines.extraction.text import fold

    names = {}
    for row in actor_reference().iter_rows(named=True):
        for alias in [row["actor"], *row["aliases"]]:
            names[fold(alias).lower()] = row["actor"]
    return names


def _normalise_actor(name: str, names: dict[str, str]) -> str:
    from pipelines.extraction.text import fold

    return names.get(fold(name).lower(), name)


def load_gold(gold_path: Path) -> tuple[Facts, set[str]]:
    """Gold facts from a JSON-lines file, with the set of its article names."""
    names = actor_normaliser()
    facts, articles = Facts(), set()
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        article = record["article"]
        articles.add(article)
        for s in record.get("seizures", []):
            facts.seizures.append(Seizure(
                article=article, drug=s["drug"], quantity_kg=s.get("quantity_kg"), units=s.get("units"),
                litres=s.get("litres"), country=s.get("country"),
                actors=frozenset(_normalise_actor(a, names) for a in s.get("actors", [])),
                evidence=s.get("evidence", ""),
            ))
        facts.actors[article] = {_normalise_actor(a, names) for a in record.get("actors", [])}
        facts.countries[article] = set(record.get("countries", []))
    return facts, articles


def facts_from_frames(
    seizures: pl.DataFrame, actor_mentions: pl.DataFrame, country_mentions: pl.DataFrame, files: pl.DataFrame
) -> Facts:
    """Predicted facts from extractor-shaped frames; `files` maps article_id → source_file
    (an article shared by several identical files counts for each of them)."""
    names = actor_normaliser()
    facts = Facts()
    for row in seizures.join(files, on="article_id").iter_rows(named=True):
        facts.seizures.append(Seizure(
            article=row["source_file"], drug=row["drug"], quantity_kg=row["quantity_kg"], units=row["quantity_units"],
            litres=row["quantity_litres"], country=row["country_iso2"],
            actors=frozenset(_normalise_actor(a, names) for a in (row["actors"] or [])),
            evidence=row.get("evidence") or "", sentence_no=row.get("sentence_no"),
        ))
    for row in actor_mentions.join(files, on="article_id").select("source_file", "actor").unique().iter_rows():
        facts.actors.setdefault(row[0], set()).add(_normalise_actor(row[1], names))
    for row in country_mentions.join(files, on="article_id").select("source_file", "country_iso2").unique().iter_rows():
        facts.countries.setdefault(row[0], set()).add(row[1])
    return facts


def evaluate_folder(articles_dir: Path, gold_path: Path) -> EvaluationReport:
    """Ingest and extract the articles of a folder in memory, and score them against the gold."""
    from pipelines.extraction import extract_facts
    from pipelines.ingest import parse_articles, read_files, scan_folder
    from pipelines.settings import max_article_bytes

    decoded, _ = read_files(scan_folder(Path(articles_dir)), max_article_bytes())
    articles, _ = parse_articles(decoded)
    facts = extract_facts(articles)
    files = articles.select("article_id", "source_file")
    gold, names = load_gold(gold_path)
    return score(gold, facts_from_frames(facts.seizures, facts.actor_mentions, facts.country_mentions, files), names)


# What the scorer reads from each mart (the marts may have more columns).
_MART_QUERIES = {
    "files": ("select article_id, source_file from marts.dim_articles",
              {"article_id": pl.Utf8, "source_file": pl.Utf8}),
    "seizures": (("select article_id, drug, quantity_kg, quantity_units, quantity_litres, country_iso2, actors, "
                  "evidence from marts.fct_seizures"),
                 {"article_id": pl.Utf8, "drug": pl.Utf8, "quantity_kg": pl.Float64, "quantity_units": pl.Int64,
                  "quantity_litres": pl.Float64, "country_iso2": pl.Utf8, "actors": pl.List(pl.Utf8), "evidence": pl.Utf8}),
    "actors": ("select article_id, actor from marts.fct_actor_mentions", {"article_id": pl.Utf8, "actor": pl.Utf8}),
    "countries": ("select article_id, country_iso2 from marts.fct_country_mentions",
                  {"article_id": pl.Utf8, "country_iso2": pl.Utf8}),
}


def evaluate_warehouse(warehouse_path: Path, gold_path: Path) -> EvaluationReport:
    """Score the published marts of a warehouse (opened read-only) against the gold."""
    import duckdb

    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        frames = {
            name: pl.DataFrame(con.sql(query).fetchall(), schema=schema, orient="row")
            for name, (query, schema) in _MART_QUERIES.items()
        }
    gold, names = load_gold(gold_path)
    predicted = facts_from_frames(frames["seizures"], frames["actors"], frames["countries"], frames["files"])
    return score(gold, predicted, names)
