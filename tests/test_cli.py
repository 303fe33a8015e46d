"""The narcowatch command: tables for analysts, one-line errors for everyone."""

import pytest

from pipelines.cli import format_table, main


def test_query_prints_a_table_from_the_read_only_warehouse(seeds_warehouse, capsys):
    assert main(["query", "select country_iso2, total_kg from marts.seizures_by_country order by 1",
                 "--warehouse", str(seeds_warehouse)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["country_iso2", "|", "total_kg"]
    assert out[2].split() == ["AR", "|", "1200.0"] and out[-1] == "(2 rows)"


def test_query_cannot_write_to_the_warehouse(seeds_warehouse, capsys):
    assert main(["query", "drop table marts.dim_articles", "--warehouse", str(seeds_warehouse)]) == 1
    assert "read-only" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["query", "select * from nowhere"], "narcowatch: error: Catalog Error: Table with name nowhere does not exist!"),
        (
            ["query", "select 1", "--warehouse", "/nonexistent/w.duckdb"],
            "narcowatch: error: no warehouse at /nonexistent/w.duckdb: run `narcowatch run` first",
        ),
        (["run", "--articles", "/nonexistent/articles"], "narcowatch: error: articles folder not found: /nonexistent/articles"),
        (["evaluate", "--gold", "/nonexistent/gold.jsonl"], "narcowatch: error: gold file not found: /nonexistent/gold.jsonl"),
    ],
)
def test_errors_are_one_clear_line_and_a_non_zero_exit(argv, message, seeds_warehouse, capsys):
    if argv[0] == "query" and "--warehouse" not in argv:
        argv = [*argv, "--warehouse", str(seeds_warehouse)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.strip() == message


def test_long_cells_are_cut_and_nulls_are_blank():
    table = format_table(["a", "b"], [("x" * 100, None)])
    assert table.splitlines()[2] == "x" * 59 + "… |"
