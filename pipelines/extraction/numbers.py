"""Numbers as news writes them: `2,000`, `1.200`, `2,5`, `1.5`, `8 mil 400`, `mil 080`, `two`, `media`.

Whether `.` or `,` separates thousands or decimals is decided by the digit-group shape, the same
in every language: a separator followed by exactly three digits separates thousands (`1.200`,
`2,450`), any other separator is the decimal mark (`2,5`, `1.5`, `3.67`); a leading `0` always
starts a decimal (`0.850`). So Mexican `1.5 toneladas` is 1.5 and Spanish `1.200 kilos` is 1,200.
"""

from __future__ import annotations

import polars as pl

# Spelled-out numbers (folded, lower-case). `a`/`un`/`una` only count before a unit of weight
# (`una tonelada`), which the quantity pattern enforces.
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100, "one hundred": 100, "a dozen": 12,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100, "una docena": 12,
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "quatro": 4, "oito": 8, "dez": 10,
    "half a": 0.5, "half": 0.5, "media": 0.5, "medio": 0.5, "meia": 0.5,
}
# Words that multiply the number before them (or stand for it alone: `mil litros`).
MULTIPLIERS = {"mil": 1_000, "thousand": 1_000, "million": 1_000_000, "millions": 1_000_000,
               "millon": 1_000_000, "millones": 1_000_000, "milhoes": 1_000_000, "milhao": 1_000_000}

DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def parse_digits(digits: pl.Expr) -> pl.Expr:
    """Float value of a digit string with `.`/`,` separators (see the module docstring)."""
    last_group = digits.str.extract(r"[.,](\d+)$", 1)
    integer_part = digits.str.replace(r"[.,]\d+$", "").str.replace_all(r"[.,]", "")
    thousands = (last_group.str.len_bytes() == 3) & (integer_part != "0")
    return (
        pl.when(last_group.is_null())
        .then(digits.cast(pl.Float64, strict=False))
        .when(thousands)
        .then((integer_part + last_group).cast(pl.Float64, strict=False))
        .otherwise((integer_part + "." + last_group).cast(pl.Float64, strict=False))
    )


def number_value(digits: pl.Expr, word: pl.Expr, multiplier: pl.Expr, tail: pl.Expr, half: pl.Expr) -> pl.Expr:
    """Value of a parsed number: (digits or word, or 1 before a bare multiplier) × multiplier
    + tail digits (`8 mil 400`) + ½ (`dos toneladas y media`, `two and a half`)."""
    base = pl.coalesce(
        parse_digits(digits),
        word.replace_strict(list(NUMBER_WORDS), [float(v) for v in NUMBER_WORDS.values()], default=None, return_dtype=pl.Float64),
        pl.when(multiplier.is_not_null()).then(pl.lit(1.0)),
    )
    factor = multiplier.replace_strict(list(MULTIPLIERS), [float(v) for v in MULTIPLIERS.values()], default=1.0, return_dtype=pl.Float64).fill_null(1.0)
    return (
        base * factor
        + tail.cast(pl.Float64, strict=False).fill_null(0.0)
        + pl.when(half.is_not_null()).then(pl.lit(0.5)).otherwise(pl.lit(0.0))
    )
