"""Speed of the Polars extractor and of the per-article Python baseline on the same corpus.

    python -m benchmarks.extraction_speed benchmarks/corpus/10k

Both read the same articles (ingested as the pipeline ingests them) and are called the way the
pipeline calls the extractor: on batches of `batch_articles` articles, one after the other, in
this process. Speed is megabytes of article text (UTF-8) per second of extraction, the best of
`repeats` passes over the whole corpus, after a warm-up on 50 articles (reference tables, regex
compilation).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from time import perf_counter

import polars as pl

from benchmarks.baseline import extract_facts_baseline
from pipelines import ingest
from pipelines.extraction import extract_facts
from pipelines.stages import EXTRACT_BATCH_ARTICLES

# The limit the benchmark corpus is read with: no generated article comes near it.
MAX_ARTICLE_BYTES = 5_000_000


def load_articles(folder: Path) -> pl.DataFrame:
    decoded, _ = ingest.read_files(ingest.scan_folder(Path(folder)), MAX_ARTICLE_BYTES)
    articles, _ = ingest.parse_articles(decoded)
    return articles


def _best_seconds(extract: Callable, articles: pl.DataFrame, batch_articles: int, repeats: int) -> float:
    extract(articles.head(50))
    best = float("inf")
    for _ in range(repeats):
        start = perf_counter()
        for offset in range(0, articles.height, batch_articles):
            extract(articles.slice(offset, batch_articles))
        best = min(best, perf_counter() - start)
    return best


def measure(folder: Path | str, batch_articles: int = EXTRACT_BATCH_ARTICLES, repeats: int = 3, baseline_repeats: int = 1) -> dict:
    """MB of text, and seconds, MB/s and articles/s of both extractors (best of their repeats),
    with the ratio of their speeds. The baseline takes ~25 s a pass on the 10k corpus, where its
    run-to-run spread is a few percent: one pass is its default."""
    articles = load_articles(Path(folder))
    mb = articles["text"].str.len_bytes().sum() / 1e6
    result = {"articles": articles.height, "mb": round(mb, 3), "batch_articles": batch_articles,
              "repeats": repeats, "baseline_repeats": baseline_repeats}
    for name, extract, runs in (("polars", extract_facts, repeats), ("baseline", extract_facts_baseline, baseline_repeats)):
        seconds = _best_seconds(extract, articles, batch_articles, runs)
        result[name] = {
            "seconds": round(seconds, 3),
            "mb_per_s": round(mb / seconds, 3),
            "articles_per_s": round(articles.height / seconds, 1),
        }
    result["ratio"] = round(result["polars"]["mb_per_s"] / result["baseline"]["mb_per_s"], 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--batch-articles", type=int, default=EXTRACT_BATCH_ARTICLES)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline-repeats", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(measure(args.folder, args.batch_articles, args.repeats, args.baseline_repeats), indent=2))


if __name__ == "__main__":
    main()
