import polars as pl
import pytest

from pipelines.extraction.numbers import number_value, parse_digits


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("2,000", 2000), ("1.200", 1200), ("2,5", 2.5), ("1.5", 1.5), ("3.67", 3.67), ("12.000", 12000),
        ("410,000", 410000), ("0.850", 0.85), ("1,234.5", 1234.5), ("1.234,5", 1234.5), ("1.234.567", 1234567),
        ("750", 750), ("7,4", 7.4),
    ],
)
def test_separators_are_read_by_digit_group_shape(digits, value):
    assert pl.DataFrame({"d": [digits]}).select(parse_digits(pl.col("d"))).item() == pytest.approx(value)


@pytest.mark.parametrize(
    ("digits", "word", "multiplier", "tail", "half", "value"),
    [
        ("8", None, "mil", "400", None, 8400),
        (None, None, "mil", "080", None, 1080),
        ("1.5", None, "million", None, None, 1_500_000),
        (None, "dos", "mil", None, None, 2000),
        (None, "media", None, None, None, 0.5),
        (None, "dos", None, None, " y media", 2.5),
        (None, "three", None, None, None, 3),
    ],
)
def test_number_value_combines_words_multipliers_and_halves(digits, word, multiplier, tail, half, value):
    frame = pl.DataFrame(
        {"d": [digits], "w": [word], "m": [multiplier], "t": [tail], "h": [half]},
        schema={k: pl.Utf8 for k in "dwmth"},
    )
    got = frame.select(number_value(pl.col("d"), pl.col("w"), pl.col("m"), pl.col("t"), pl.col("h"))).item()
    assert got == pytest.approx(value)
