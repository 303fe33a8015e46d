"""`narcowatch`: run the pipeline, query the warehouse, evaluate the extractor.

Dagster is imported only by the commands that run it: `query` answers at DuckDB speed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines import settings

MAX_CELL_CHARS = 60


class UsageError(RuntimeError):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("narcowatch: interrupted", file=sys.stderr)
        return 130
    except (UsageError, duckdb.Error, OSError, RuntimeError) as err:
        message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        print(f"narcowatch: error: {message}", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="narcowatch", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="ingest a folder of articles and rebuild the warehouse, through Dagster")
    run.add_argument("--articles", type=Path, default=None, help=f"articles folder (default: ${settings.ARTICLES_ENV} or seeds/)")
    add_warehouse_flag(run)
    run.add_argument(
        "--full-refresh",
        action="store_true",
        help="read every file again and re-extract every article (after the extractor changes)",
    )
    run.set_defaults(handler=run_command)

    query = commands.add_parser("query", help="run SQL on the warehouse (read-only) and print a table")
    query.add_argument("sql", help='for example: "select * from marts.seizures_by_country"')
    add_warehouse_flag(query)
    query.add_argument("--max-rows", type=int, default=100, help="rows to print (default 100)")
    query.set_defaults(handler=query_command)

    evaluate = commands.add_parser(
        "evaluate",
        help="score the extractor against gold annotations (precision, recall, F1; then each miss and extra)",
    )
    evaluate.add_argument("--gold", type=Path, required=True, help="gold annotations (JSON lines, one per article)")
    evaluate.add_argument("--articles", type=Path, help="articles folder: run the pipeline on it into a temporary warehouse")
    evaluate.add_argument("--warehouse", type=Path, help="score this existing warehouse instead of running the pipeline")
    evaluate.add_argument(
        "--in-memory",
        action="store_true",
        help="with --articles: extract in memory, without Dagster or dbt (fast, for work on the extractor)",
    )
    evaluate.set_defaults(handler=evaluate_command)
    return parser


def add_warehouse_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=None,
        help=f"DuckDB file (default: ${settings.WAREHOUSE_ENV} or warehouse/narcowatch.duckdb)",
    )


def run_command(args: argparse.Namespace) -> int:
    from pipelines.runner import run_pipeline

    articles = args.articles or settings.articles_dir()
    warehouse = args.warehouse or settings.warehouse_path()
    if not articles.is_dir():
        raise UsageError(f"articles folder not found: {articles}")
    if not warehouse.parent.is_dir():
        raise UsageError(f"folder for the warehouse not found: {warehouse.parent}")
    started = time.monotonic()
    print(f"narcowatch: {articles} → {warehouse}", file=sys.stderr)
    outcome = run_pipeline(articles, warehouse, full_refresh=args.full_refresh)
    ingest = {**outcome.metadata["raw/articles"], **outcome.metadata["raw/rejected_files"]}
    print(run_summary(warehouse, ingest, time.monotonic() - started))
    return 0


def run_summary(warehouse: Path, ingest: dict[str, object], seconds: float) -> str:
    """A few lines on what the run did and what the published warehouse now holds."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        articles, rejected, duplicates = con.execute(
            """
            select (select count(*) from marts.dim_articles),
                   (select count(*) from marts.rejected_articles where status = 'rejected'),
                   (select count(*) from marts.rejected_articles where status = 'duplicate')
            """
        ).fetchall()[0]
        reports, events = con.execute(
            "select count(*), count(distinct seizure_event_id) from marts.fct_seizures"
        ).fetchall()[0]
        top_countries = con.execute(
            """
            select coalesce(country_iso2, 'at sea/unknown'), sum(seizures), sum(total_kg)
            from marts.seizures_by_country group by 1 order by 2 desc, 3 desc nulls last limit 5
            """
        ).fetchall()
    lines = [
        f"Published {warehouse} in {seconds:.1f} s.",
        (
            f"  this run: {ingest.get('files_found', 0)} files found, {ingest.get('files_read', 0)} read, "
            f"{ingest.get('new_articles', 0)} new articles, {ingest.get('duplicate_files', 0)} duplicates, "
            f"{ingest.get('rejected_this_run', 0)} rejected"
        ),
        (
            f"  warehouse: {articles} articles, {rejected} rejected files, {duplicates} duplicate files, "
            f"{events} seizures ({reports} reports)"
        ),
    ]
    if top_countries:
        lines.append(
            "  top countries: "
            + ", ".join(f"{code} {count} ({kg or 0:,.0f} kg)" for code, count, kg in top_countries)
        )
    return "\n".join(lines)


def evaluate_command(args: argparse.Namespace) -> int:
    from pipelines import evaluation

    if not args.gold.is_file():
        raise UsageError(f"gold file not found: {args.gold}")
    if args.warehouse is not None:
        if not args.warehouse.exists():
            raise UsageError(f"no warehouse at {args.warehouse}")
        report = evaluation.evaluate_warehouse(args.warehouse, args.gold)
    elif args.articles is None or not args.articles.is_dir():
        raise UsageError("give --articles DIR (an existing folder) or --warehouse FILE")
    elif args.in_memory:
        report = evaluation.evaluate_folder(args.articles, args.gold)
    else:
        from pipelines.runner import run_pipeline

        with tempfile.TemporaryDirectory(prefix="narcowatch-eval-") as scratch:
            warehouse = Path(scratch) / "narcowatch.duckdb"
            print(f"narcowatch: running the pipeline on {args.articles} into a temporary warehouse", file=sys.stderr)
            run_pipeline(args.articles, warehouse)
            report = evaluation.evaluate_warehouse(warehouse, args.gold)
    print(f"Evaluation against {args.gold}")
    print(report.render())
    return 0


def query_command(args: argparse.Namespace) -> int:
    warehouse = args.warehouse or settings.warehouse_path()
    if not warehouse.exists():
        raise UsageError(f"no warehouse at {warehouse}: run `narcowatch run` first")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(args.sql)
        if cursor.description is None:
            return 0
        header = [d[0] for d in cursor.description]
        rows = cursor.fetchmany(args.max_rows + 1)
    print(format_table(header, rows[: args.max_rows]))
    if len(rows) > args.max_rows:
        print(f"(showing the first {args.max_rows} rows; use --max-rows for more)")
    return 0


def format_table(header: list[str], rows: list[tuple]) -> str:
    def cell(value: object) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    line = lambda values: " | ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(header), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
