"""Turn the files of an articles folder into clean article rows, or into recorded rejections.

Reading is a plain loop over files (it is I/O); everything after decoding — header shapes,
site clutter, titles, language, identifiers — is vectorised Polars over all articles at once.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import polars as pl

# Columns of a decoded file, before its text is parsed (`raw_text` is NFC with Unix newlines).
DECODED_SCHEMA = {
    "source_file": pl.Utf8,
    "size_bytes": pl.Int64,
    "modified_ns": pl.Int64,
    "encoding": pl.Utf8,
    "raw_text": pl.Utf8,
}
REJECTED_SCHEMA = {
    "source_file": pl.Utf8,
    "size_bytes": pl.Int64,
    "modified_ns": pl.Int64,
    "reason": pl.Utf8,
}
# One row per readable file; `article_id` identifies the content, so two files with the same
# text share it.
ARTICLE_SCHEMA = {
    "source_file": pl.Utf8,
    "size_bytes": pl.Int64,
    "modified_ns": pl.Int64,
    "encoding": pl.Utf8,
    "article_id": pl.Utf8,
    "title": pl.Utf8,
    "published_at": pl.Datetime("us", "UTC"),
    "language": pl.Utf8,
    "text": pl.Utf8,
}

# Lines a news site adds around an article: cross-links, newsletter and social prompts,
# photo captions. They are dropped wherever they stand.
CLUTTER_LINE = (
    r"(?i)^\s*(?:see also\s*:|read more\s*:|related\s*:|lea también\s*:?|lee también\s*:?"
    r"|subscribe\b|suscr[ií]bete\b|sign up\b|follow us\b|s[ií]guenos\b|like us (?:at|on)\b"
    r"|photo\s*:|foto\s*:|image\s*:|imagen\s*:)"
)
# `1695330403 Headline…`: a Unix timestamp (2001 onwards) glued in front of the headline.
TIMESTAMP_HEADLINE = r"^\s*(1\d{9})\s+(\S.*)$"
# `Updated` alone or followed by a date or time: a page-furniture line, not part of the story.
UPDATED_LINE = (
    r"(?i)^\s*updated\s*:?(?:\s+(?:on\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|mon|tue|wed|thu|fri|sat|sun)[\w.,:/ -]{0,50})?\s*$"
)
# A first line is a headline when it is short and does not end like a sentence.
MAX_HEADLINE_CHARS = 250

# Function words that are frequent in one language and rare in the others.
# Matched on lower-cased text: case-insensitive matching of non-ASCII words is ten times slower.
LANGUAGE_MARKERS = {
    "en": r"\b(?:the|and|of|with|that|was|were|said|from|which|have|has)\b",
    "es": r"\b(?:el|los|las|del|que|una|por|para|con|según|fue|informó|como)\b",
    "pt": r"\b(?:não|uma|com|pelo|pela|foram|são|também|disse|segundo|então)\b",
}
MIN_LANGUAGE_MARKERS = 3
# ASCII control characters that never occur in text (tab, newlines and form feed do); they
# mean the same in UTF-8, Windows-1252 and Latin-1, so they can be counted on the bytes.
CONTROL_BYTES = bytes(b for b in range(32) if chr(b) not in "\t\n\r\f\v") + b"\x7f"


@dataclass(frozen=True)
class ArticleFile:
    """A file found in the articles folder, identified by its path relative to the folder."""

    path: str  # a plain string: building 100,000 Path objects costs more than listing the files
    source_file: str
    size_bytes: int
    modified_ns: int


def scan_folder(folder: Path) -> list[ArticleFile]:
    """Every visible file under `folder`, sorted by name; hidden files and folders are skipped."""
    if not folder.is_dir():
        raise FileNotFoundError(f"articles folder not found: {folder}")
    found: list[ArticleFile] = []
    _scan(folder, "", found)
    return sorted(found, key=lambda f: f.source_file)


def _scan(directory: str | Path, prefix: str, found: list[ArticleFile]) -> None:
    # os.scandir, not Path.rglob: a folder of 100,000 articles is listed in a fraction of the time.
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, f"{prefix}{entry.name}/", found)
                continue
            try:
                info = entry.stat()
            except FileNotFoundError:
                if not entry.is_symlink():
                    continue  # removed between listing and stat: it was never really there
                info = entry.stat(follow_symlinks=False)  # a dangling link: reading it records why
            except OSError:
                info = entry.stat(follow_symlinks=False)  # a link loop or the like: reading it records why
            if stat.S_ISDIR(info.st_mode):
                continue  # a link to a folder is not followed
            found.append(ArticleFile(entry.path, prefix + entry.name, info.st_size, info.st_mtime_ns))


def decode_article_bytes(data: bytes) -> tuple[str, str]:
    """Decode one file's bytes to text; returns (text, encoding) or raises ValueError(reason)."""
    if not data.strip():
        raise ValueError("empty file")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ValueError(f"not valid {encoding} text despite its byte-order mark") from None
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Windows-1252 is a superset of Latin-1 for printable text; fall back to Latin-1 for
        # the five bytes Windows-1252 leaves undefined.
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))
    if controls > max(2, len(data) // 100):
        raise ValueError(f"binary file ({controls} control characters), not text")
    if not any(ch.isalpha() for ch in text):
        raise ValueError("no letters in the file: not an article")
    # One form for every text: composed accents (NFC), so 'Perú' matches however it was typed,
    # and Unix newlines. (Python's normaliser checks first; most texts pass untouched.)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")), encoding


def read_files(files: list[ArticleFile], max_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read and decode `files`; returns (decoded, rejected) frames, one row per file."""
    decoded, rejected = [], []
    for f in files:
        meta = {"source_file": f.source_file, "size_bytes": f.size_bytes, "modified_ns": f.modified_ns}
        try:
            if f.size_bytes > max_bytes:
                raise ValueError(
                    f"file is {f.size_bytes / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for one article"
                )
            with open(f.path, "rb") as handle:
                data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise ValueError(f"file grew past the {max_bytes / 1e6:g} MB limit for one article while being read")
            text, encoding = decode_article_bytes(data)
        except FileNotFoundError:
            rejected.append({**meta, "reason": "file not found when read (deleted, moved, or a broken link)"})
        except OSError as err:
            rejected.append({**meta, "reason": f"unreadable: {err.strerror or err}"})
        except ValueError as err:
            rejected.append({**meta, "reason": str(err)})
        else:
            decoded.append({**meta, "encoding": encoding, "raw_text": text})
    return (
        pl.DataFrame(decoded, schema=DECODED_SCHEMA),
        pl.DataFrame(rejected, schema=REJECTED_SCHEMA),
    )


def content_id(text: str) -> str:
    """Stable identifier of an article's cleaned text (the same text gives the same id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_articles(decoded: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Parse header shapes, drop clutter, and identify each decoded file's article.

    Returns (articles, rejected): a file with nothing left once clutter is removed is rejected.
    """
    if decoded.is_empty():
        return pl.DataFrame(schema=ARTICLE_SCHEMA), pl.DataFrame(schema=REJECTED_SCHEMA)
    lines = (
        decoded.with_columns(pl.col("raw_text").str.split("\n").alias("line"))
        .drop("raw_text")
        .explode("line")
        .with_columns(pl.int_range(pl.len()).over("source_file").alias("line_no"))
        .filter(~pl.col("line").str.contains(CLUTTER_LINE))
    )
    # The header is the first non-blank line left: it may carry a timestamp, or be an
    # `Updated` stamp (dropped, so the headline is the line after it).
    content = lines.filter(pl.col("line").str.strip_chars() != "")
    content = content.filter(
        ~(pl.col("line").str.contains(UPDATED_LINE) & (pl.col("line_no") == pl.col("line_no").min().over("source_file")))
    )
    first_line = content.group_by("source_file").agg(pl.col("line_no").min().alias("first_line_no"))
    lines = lines.join(first_line, on="source_file", how="inner").filter(
        pl.col("line_no") >= pl.col("first_line_no")
    )
    is_first = pl.col("line_no") == pl.col("first_line_no")
    stamp = pl.col("line").str.extract(TIMESTAMP_HEADLINE, 1)
    lines = lines.with_columns(
        pl.when(is_first & stamp.is_not_null())
        .then(stamp.cast(pl.Int64))
        .alias("published_epoch"),
        pl.when(is_first & stamp.is_not_null())
        .then(pl.col("line").str.extract(TIMESTAMP_HEADLINE, 2))
        .otherwise(pl.col("line"))
        .str.strip_chars_end()
        .alias("line"),
    )
    headline = pl.col("line").first().str.strip_chars()
    looks_like_headline = (
        pl.col("published_epoch").first().is_not_null()
        | ((headline.str.len_chars() <= MAX_HEADLINE_CHARS) & ~headline.str.contains(r"[.!?:;,]$"))
    )
    articles = lines.sort("source_file", "line_no").group_by("source_file", maintain_order=True).agg(
        pl.col("size_bytes", "modified_ns", "encoding").first(),
        pl.when(looks_like_headline).then(headline).alias("title"),
        pl.from_epoch(pl.col("published_epoch").first(), time_unit="s")
        .dt.replace_time_zone("UTC")
        .cast(pl.Datetime("us", "UTC"))
        .alias("published_at"),
        pl.col("line").str.join("\n").alias("text"),
    )
    articles = articles.with_columns(
        pl.col("text").str.replace_all(r"[ \t]+\n", "\n").str.replace_all(r"\n{3,}", "\n\n").str.strip_chars()
    )
    lowered = pl.col("text").str.to_lowercase()
    marker_counts = [lowered.str.count_matches(p).alias(lang) for lang, p in LANGUAGE_MARKERS.items()]
    articles = articles.with_columns(marker_counts).with_columns(
        pl.concat_list(list(LANGUAGE_MARKERS)).alias("_counts")
    ).with_columns(
        pl.when(pl.col("_counts").list.max() >= MIN_LANGUAGE_MARKERS)
        .then(pl.lit(list(LANGUAGE_MARKERS)).list.get(pl.col("_counts").list.arg_max()))
        .otherwise(pl.lit("und"))
        .alias("language"),
        pl.col("text").map_batches(
            lambda texts: pl.Series([content_id(t) for t in texts], dtype=pl.Utf8), return_dtype=pl.Utf8
        ).alias("article_id"),
    )
    rejected = decoded.join(articles, on="source_file", how="anti").select(
        "source_file", "size_bytes", "modified_ns",
        pl.lit("nothing left but site clutter (headers, links, newsletter prompts)").alias("reason"),
    )
    return articles.select(list(ARTICLE_SCHEMA)).cast(ARTICLE_SCHEMA), rejected.cast(REJECTED_SCHEMA)
