"""`make bench`: extraction speed, end-to-end runs at 10,000 and 100,000 articles, and an
incremental run of 100 new articles on top of 100,000. Prints a table and writes it into
benchmarks/results.md (between the results markers; the analysis around them is kept).

    python -m benchmarks.run [--sizes 10000 100000] [--skip-extraction]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

from benchmarks.corpus import write_corpus

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
RESULTS = HERE / "results.md"
SEED = 7
INCREMENTAL_ARTICLES = 100
MARKERS = ("<!-- results:start -->", "<!-- results:end -->")
EXTRACTOR_LABELS = {"polars": "Polars, vectorised (pipelines.extraction)", "baseline": "Python `re`, per article (benchmarks/baseline.py)"}


def corpus(articles: int) -> Path:
    """The deterministic corpus of `articles` articles, generated on first use."""
    folder = CORPUS_DIR / f"{articles // 1000}k"
    if len(list(folder.glob("*.txt"))) != articles:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {articles:,} articles into {folder} …", file=sys.stderr)
        write_corpus(folder, articles, SEED)
    return folder


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants (dbt runs as a child)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, AttributeError):
            continue
    return total


def timed_run(articles: Path, warehouse: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (bytes, process tree) of one `narcowatch run`."""
    command = [str(Path(sys.executable).parent / "narcowatch"), "run", "--articles", str(articles),
               "--warehouse", str(warehouse)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss_bytes(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = process.communicate()
    sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"narcowatch run failed on {articles}: {stderr.strip().splitlines()[-1]}")
    return seconds, peak


def end_to_end(sizes: list[int], scratch: Path) -> list[dict]:
    rows = []
    for size in sizes:
        folder = corpus(size)
        warehouse = scratch / f"{size}" / "narcowatch.duckdb"
        warehouse.parent.mkdir()
        seconds, peak = timed_run(folder, warehouse)
        rows.append({"run": f"narcowatch run, {size:,} articles", "seconds": seconds, "peak_gb": peak / 1e9,
                     "warehouse": warehouse, "folder": folder, "size": size})
        print(f"  {rows[-1]['run']}: {seconds:.1f} s, peak {peak / 1e9:.2f} GB", file=sys.stderr)
    return rows


def incremental(base: dict) -> dict:
    """Add articles to an already loaded corpus, run again, then take them away again."""
    folder, size = base["folder"], base["size"]
    added = [folder / f"article-{n:06d}.txt" for n in range(size, size + INCREMENTAL_ARTICLES)]
    write_corpus(folder, INCREMENTAL_ARTICLES, SEED, start=size)
    try:
        seconds, peak = timed_run(folder, base["warehouse"])
    finally:
        for path in added:
            path.unlink(missing_ok=True)
    row = {"run": f"+{INCREMENTAL_ARTICLES} articles on {size:,}", "seconds": seconds, "peak_gb": peak / 1e9}
    print(f"  {row['run']}: {seconds:.1f} s, peak {peak / 1e9:.2f} GB", file=sys.stderr)
    return row


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text()).group(1)) / 1024**2
    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB memory, Python {platform.python_version()}, "
            f"polars {version('polars')}, duckdb {version('duckdb')}, dbt-core {version('dbt-core')}, "
            f"dagster {version('dagster')}")


def render(extraction: dict | None, runs: list[dict]) -> str:
    lines = [f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}.", ""]
    if extraction:
        lines += [
            f"Extraction alone, {extraction['articles']:,} articles ({extraction['mb']:.1f} MB), "
            f"batches of {extraction['batch_articles']:,}, best of {extraction['repeats']} passes "
            f"(baseline: {extraction['baseline_repeats']}):",
            "",
            "| extractor | seconds | MB/s | articles/s |",
            "|---|---:|---:|---:|",
        ]
        for name in ("polars", "baseline"):
            m = extraction[name]
            lines.append(f"| {EXTRACTOR_LABELS[name]} | {m['seconds']:.2f} | {m['mb_per_s']:.1f} | {m['articles_per_s']:,.0f} |")
        lines += ["", f"Polars / baseline: **{extraction['ratio']:.1f}×**.", ""]
    lines += ["| run | wall time | peak memory (process tree) |", "|---|---:|---:|"]
    lines += [f"| {r['run']} | {r['seconds']:.1f} s | {r['peak_gb']:.2f} GB |" for r in runs]
    return "\n".join(lines)


def write_results(table: str) -> None:
    start, end = MARKERS
    text = RESULTS.read_text() if RESULTS.exists() else f"# Benchmark results\n\n{start}\n{end}\n"
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    RESULTS.write_text(f"{before}{start}\n{table}\n{end}{after}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-extraction", action="store_true", help="only the end-to-end runs")
    args = parser.parse_args()

    extraction = None
    if not args.skip_extraction:
        from benchmarks.extraction_speed import measure

        print("extraction alone …", file=sys.stderr)
        extraction = measure(corpus(min(args.sizes)))
    with tempfile.TemporaryDirectory(prefix="narcowatch-bench-") as scratch:
        print("end to end …", file=sys.stderr)
        runs = end_to_end(sorted(args.sizes), Path(scratch))
        runs.append(incremental(runs[-1]))
    table = render(extraction, runs)
    print(table)
    write_results(table)


if __name__ == "__main__":
    main()
