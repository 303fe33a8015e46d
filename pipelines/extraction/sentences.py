"""Paragraphs, sentences, headline and dateline of every article, with character offsets.

Works on the ASCII fold (`norm`), where a sentence boundary is marked by replacing the one space
after the final punctuation with a marker (same length, so offsets hold), abbreviations are
unmarked again, and the text is split on newlines, then on markers.
"""

from __future__ import annotations

import polars as pl

from pipelines.extraction.frames import join_nearest, rank_in_group, since_group_start
from pipelines.extraction.text import window, with_scans

SENTENCE_MARK = "\x1e"

# End punctuation (with closing quotes/brackets), one space, then what opens a sentence.
BOUNDARY = r"""([.!?]+["')\]]*) (\s*["'(\[]?[A-Z0-9])"""

# A period after these is an abbreviation, not a sentence end. Single capitals cover initials
# and `U.S.`; Mexican state abbreviations appear in datelines (`CULIACAN, Sin.`); `lbs.` is
# followed by its conversion (`3,000 lbs. (1,360 kg)`) more often than it ends a sentence.
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Dra", "Prof", "St", "Sta", "Sto", "Gen", "Gral", "Lt", "Col", "Cnel",
    "Capt", "Cap", "Sgt", "Sgto", "Tte", "Gov", "Sen", "Rep", "Jr", "Sr", "Sra", "Srta", "Lic",
    "Ing", "Arq", "No", "Nos", "Nro", "Num", "Art", "Av", "Ave", "Mt", "Ft", "Co", "Corp", "Inc",
    "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Sin", "Jal", "Mich", "Tamps", "Gro", "Chih", "Son", "Dgo", "Ver", "Oax", "Chis", "Camp", "Yuc",
    "Coah", "Zac", "Nay", "Mor", "Pue", "Hgo", "Qro", "Gto", "Ags", "Tlax", "Tab", "Edomex", "lbs", "lb",
)
ABBREVIATION_BOUNDARY = r"\b((?:[A-Z]|" + "|".join(ABBREVIATIONS) + r")\.)" + SENTENCE_MARK

# `CITY, Region (Agency) —` or `CITY (Agency).-` at the start of the lead paragraph, the city
# in capitals; or the Spanish agencies' `Bogota, 12 jun (EFE).-`, a date and the agency in
# brackets. On the fold, dashes are `-`.
DATELINE = (
    r"^(?:[A-Z][A-Z'.]+(?: (?:[A-Z][A-Z'.]*|de|del|da|do))*"
    r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,3})?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"\s*(?:\([^)]{1,80}\))?"
    r"|[A-Z][a-z]+(?: (?:[A-Z][a-z]+|de|del))*(?:, [A-Z][A-Za-z.]*)?, \d{1,2} (?:de )?[a-z]{3,10}\.?(?: de \d{4})? \([^)]{1,40}\))"
    r"\s*\.?\s*(?:-{1,3}|:) "
)
# A headline-like paragraph: short and not ending like a sentence.
MAX_HEADLINE_CHARS = 250

SENTENCE_SCHEMA = {
    "doc": pl.UInt32,
    "sentence_no": pl.Int32,
    "para_no": pl.Int32,
    "s_start": pl.Int32,
    "s_end": pl.Int32,
    "is_headline": pl.Boolean,
    "is_lead": pl.Boolean,
}


def _piece_offsets(piece: str, text: str) -> pl.Expr:
    """Offset of each piece in its text, on the rows of texts split on a one-character separator
    and exploded: the pieces tile the text, so the running length (+1 for the separator) is the
    offset once counted from the text's first piece."""
    step = pl.col(piece).str.len_bytes().cast(pl.Int64) + 1
    return since_group_start(step.cum_sum() - step, pl.col(text))


_LINES = "_sentence_lines"


def sentence_scans() -> dict[str, pl.Expr]:
    """The pass of `split_sentences` over whole texts: `norm` with its sentence boundaries
    marked, cut into lines."""
    marked = (
        pl.col("norm")
        .str.replace_all(BOUNDARY, "${1}" + SENTENCE_MARK + "${2}")
        .str.replace_all(ABBREVIATION_BOUNDARY, "${1} ")
    )
    return {_LINES: marked.str.split("\n")}


def split_sentences(prepared: pl.DataFrame) -> pl.DataFrame:
    """One row per sentence: (doc, sentence_no, para_no, s_start, s_end, has_title), in article
    and text order.

    `prepared` has doc, norm and has_title. Blank lines are dropped; sentence numbers
    count the remaining sentences from 0 in text order.
    """
    lines = with_scans(prepared, sentence_scans()).select("doc", "has_title", pl.col(_LINES).alias("line")).explode("line")
    lines = (
        lines.with_columns(_piece_offsets("line", "doc").alias("line_start"))
        .filter(pl.col("line").str.contains(r"\S"))  # not blank
        .with_columns(rank_in_group(pl.col("doc")).alias("para_no"))
        .with_row_index("line_no")
    )
    sentences = lines.select(
        "doc", "has_title", "para_no", "line_no", "line_start", pl.col("line").str.split(SENTENCE_MARK).alias("sentence")
    ).explode("sentence")
    s_start = pl.col("line_start") + _piece_offsets("sentence", "line_no")
    lead_space = pl.col("sentence").str.len_bytes() - pl.col("sentence").str.strip_chars_start().str.len_bytes()
    sentences = (
        sentences.with_columns(
            (s_start + lead_space).alias("s_start"),
            (s_start + pl.col("sentence").str.strip_chars_end().str.len_bytes()).alias("s_end"),
        )
        .filter(pl.col("s_end") > pl.col("s_start"))
        .with_columns(rank_in_group(pl.col("doc")).alias("sentence_no"))
    )
    return sentences.select(
        "doc",
        "sentence_no",
        "para_no",
        "s_start",
        "s_end",
        "has_title",
    )


def mark_headline_and_lead(sentences: pl.DataFrame, datelines: pl.DataFrame) -> pl.DataFrame:
    """Flag headline sentences (paragraphs before the dateline paragraph, or the title line) and
    the lead (the dateline paragraph, else the first paragraph after the headline)."""
    with_dateline = sentences.join(datelines.select("doc", "dateline_para"), on="doc", how="left", maintain_order="left")
    headline = (
        pl.when(pl.col("dateline_para").is_not_null())
        .then(pl.col("para_no") < pl.col("dateline_para"))
        .otherwise(pl.col("has_title") & (pl.col("para_no") == 0))
    )
    lead_para = pl.coalesce(
        pl.col("dateline_para"), pl.when(pl.col("has_title")).then(pl.lit(1)).otherwise(pl.lit(0))
    )
    return with_dateline.with_columns(
        headline.alias("is_headline"), (pl.col("para_no") == lead_para).alias("is_lead")
    ).select(list(SENTENCE_SCHEMA)).cast(SENTENCE_SCHEMA)


def find_datelines(prepared: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """The dateline of each article: (doc, dateline_para, dl_start, dl_end).

    Looked for at the start of the first three paragraphs (a page may put an `Updated` stamp
    or a second headline line before it).
    """
    first_sentences = (
        sentences.filter(pl.col("sentence_no") == pl.col("sentence_no").min().over("doc", "para_no"))
        .filter(pl.col("para_no") <= 2)
        .join(prepared.select("doc", "norm"), on="doc")
        .with_columns(window(pl.col("norm"), pl.col("s_start"), pl.col("s_end")).alias("_sentence"))
        .with_columns(pl.col("_sentence").str.extract(DATELINE, 0).str.len_bytes().alias("_length"))
        .filter(pl.col("_length").is_not_null())
    )
    return (
        first_sentences.sort("doc", "para_no")
        .group_by("doc", maintain_order=True)
        .first()
        .select(
            "doc",
            pl.col("para_no").alias("dateline_para"),
            pl.col("s_start").alias("dl_start"),
            (pl.col("s_start") + pl.col("_length")).cast(pl.Int32).alias("dl_end"),
        )
    )


def attach_sentences(frame: pl.DataFrame, position: str, sentences: pl.DataFrame) -> pl.DataFrame:
    """Add the sentence that contains `position` (sentence_no, para_no, s_start, s_end, flags):
    the last sentence of its article that starts at or before it. The frame keeps its order."""
    return join_nearest(frame, sentences, position, "s_start")
