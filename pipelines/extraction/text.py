"""Text preparation shared by every rule: an ASCII fold that keeps character positions.

Every rule reads `norm` (the article folded to ASCII, case kept) or `low` (the same, lower-case).
Each character of the original text becomes exactly one ASCII character, so a position in
`norm` or `low` is a character offset into the original text *and* a byte offset into the fold:
Polars' byte-based string functions then give character offsets for free, and regexes can use
plain `[a-z]` classes and `\\b` on ASCII (fast in Rust's regex engine, portable to Python `re`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import polars as pl

# Marks a match boundary in the marker-and-split trick; never present in folded text.
MARK = "\x1f"

# Punctuation folded by meaning rather than by Unicode decomposition.
_PUNCTUATION_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": ".", "\u00bf": "?", "\u00a1": "!", "\u00ba": "o", "\u00aa": "a", "\u00b0": "o",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ", "\u200b": " ",
    "\u00df": "s", "\u00e6": "a", "\u00c6": "A", "\u0153": "o", "\u0152": "O", "\u00f8": "o", "\u00d8": "O",
    "\u00f0": "d", "\u00d0": "D", "\u00fe": "t", "\u00de": "T", "\u0142": "l", "\u0141": "L", "\u0111": "d",
    "\u0110": "D", "\u00d7": "x", "\u20ac": "E", "\u00a3": "L",
}


def _fold_table() -> dict[str, str]:
    """One ASCII character for each accented Latin letter and common punctuation mark; control
    characters (but newline and tab) become spaces, so markers never clash with the text."""
    table = dict(_PUNCTUATION_FOLD)
    table.update({chr(code): " " for code in [*range(0x09), *range(0x0B, 0x20), 0x7F]})
    for code in range(0xC0, 0x250):
        char = chr(code)
        if char in table:
            continue
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        if len(base) == 1:
            table[char] = base
    return table


FOLD_TABLE = _fold_table()
# As Series, built once: turning a long Python list into a literal costs on every call.
_FOLD_FROM = pl.Series(list(FOLD_TABLE), dtype=pl.Utf8)
_FOLD_TO = pl.Series(list(FOLD_TABLE.values()), dtype=pl.Utf8)


_TRANSLATION = str.maketrans(FOLD_TABLE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """The fold of one string, in plain Python (lexicon entries, the per-article baseline)."""
    return _NON_ASCII.sub("_", text.translate(_TRANSLATION))


def with_fold(frame: pl.LazyFrame, column: str, name: str) -> pl.LazyFrame:
    """`frame` with the fold of its text column `column` as `name`: same length in characters,
    pure ASCII. The replacement lists are single list values (imploded), which the streaming
    engine applies to every morsel."""
    frame = frame.with_columns(
        pl.col(column).str.replace_many(pl.lit(_FOLD_FROM).implode(), pl.lit(_FOLD_TO).implode()).alias(name)
    )
    # Characters the table lacks are rare: only the texts that still have some (more bytes
    # than characters, a cheap count) go through the regex that turns them into `_`.
    other = pl.col(name).str.len_bytes() != pl.col(name).str.len_chars()
    return frame.with_columns(
        pl.when(other).then(only_where(other, pl.col(name)).str.replace_all(r"[^\x00-\x7f]", "_"))
        .otherwise(pl.col(name)).alias(name)
    )


def with_scans(frame: pl.DataFrame, scans: dict[str, pl.Expr]) -> pl.DataFrame:
    """`frame` with the passes over whole texts in `scans` (column name → expression) that it
    does not have yet. `prepare` runs the passes of every rule at once, on both cores; a rule
    called on a frame without them runs its own."""
    missing = {name: scan for name, scan in scans.items() if name not in frame.columns}
    return frame.with_columns(**missing) if missing else frame


def _scan_name(kind: str, *parts: str) -> str:
    """A column name for a scan, unique to what is scanned for (a pattern, a phrase set)."""
    return f"_{kind}_" + hashlib.blake2b("\x00".join(parts).encode(), digest_size=6).hexdigest()


def _without_groups(pattern: str) -> str:
    """`pattern` with its named groups made non-capturing: the same matches, found without
    resolving groups (a replacement that refers to the match, such as `${0}`, is then as fast
    as a search; with groups the regex engine resolves them at every match, several times slower)."""
    plain = re.sub(r"\(\?P<\w+>", "(?:", pattern)
    if re.compile(plain).groups:
        raise ValueError(f"unnamed capture groups in a span pattern: {pattern}")
    return plain


def span_scans(text: str, pattern: str) -> dict[str, pl.Expr]:
    """The pass of `find_spans` over whole texts, for a pattern most texts have matches of: each
    text cut at its matches, in one regex pass (a mark on each side of every match, then a
    split on the marks): gap, match, gap, …, match, gap."""
    cut = pl.col(text).str.replace_all(_without_groups(pattern), MARK + "${0}" + MARK).str.split(MARK)
    return {_scan_name("pieces", text, pattern): cut}


def find_spans(
    frame: pl.DataFrame, text: str, pattern: str, keys: tuple[str, ...] = ("doc",), needs: str | None = None
) -> pl.DataFrame:
    """Every match of `pattern` in the ASCII column `text`, with its offsets. `needs` is a
    regex every match contains, far cheaper to search for than `pattern` (a rare word, a
    digit): texts without it are skipped.

    The texts are cut at the matches (see `span_scans`; the scan of `frame` when it has it):
    match k is piece 2k+1, and ends at the running length of the pieces up to it.
    Returns `keys` + (start, end, match).
    """
    pieces = _scan_name("pieces", text, pattern)
    if pieces not in frame.columns:
        if needs is not None:
            frame = frame.filter(pl.col(text).str.contains(needs))
        frame = with_scans(frame, span_scans(text, pattern))
    # Only the columns needed here go through the filter (`prepared` carries every scan).
    found = frame.select(*keys, pl.col(pieces).alias("_pieces")).filter(pl.col("_pieces").list.len() > 1)
    piece_ends = pl.col("_pieces").list.eval(pl.element().str.len_bytes().cum_sum())
    matches = found.select(
        *keys,
        pl.col("_pieces").list.gather_every(2, 1).alias("match"),
        piece_ends.list.gather_every(2, 1).alias("end"),
    ).explode("match", "end")
    return matches.select(
        *keys,
        (pl.col("end") - pl.col("match").str.len_bytes()).cast(pl.Int32).alias("start"),
        pl.col("end").cast(pl.Int32),
        "match",
    )


# A phrase's length is the low byte of the sort key of `find_phrases`.
MAX_PHRASE_LENGTH = 255


@dataclass(frozen=True)
class PhraseSet:
    """Phrases (folded, lower-case) and the family each belongs to, ready for `find_phrases`.

    Phrases are numbered by an Enum (casting a match to it is one hash lookup), and what the
    search needs of each phrase is kept in Series indexed by that number."""

    phrases: pl.Series
    numbering: pl.Enum
    family_names: pl.Series
    family_numbers: pl.Series
    lengths: pl.Series
    starts_word: pl.Series  # starts with a letter or digit: must not follow one
    ends_word: pl.Series  # ends with a letter or digit: must not precede one
    name: str  # names its scans: the same phrases and families, the same name

    @classmethod
    def of(cls, phrases: dict[str, str]) -> PhraseSet:
        names = sorted(set(phrases.values()))
        if max(map(len, phrases)) > MAX_PHRASE_LENGTH:
            raise ValueError(f"phrases longer than {MAX_PHRASE_LENGTH} characters")
        return cls(
            pl.Series(list(phrases), dtype=pl.Utf8),
            pl.Enum(list(phrases)),
            pl.Series(names, dtype=pl.Utf8),
            pl.Series([names.index(f) for f in phrases.values()], dtype=pl.Int64),
            pl.Series([len(p) for p in phrases], dtype=pl.Int32),
            pl.Series([bool(re.match("[a-z0-9]", p)) for p in phrases], dtype=pl.Boolean),
            pl.Series([bool(re.search("[a-z0-9]$", p)) for p in phrases], dtype=pl.Boolean),
            _scan_name("phrases", *(f"{p}\x01{f}" for p, f in phrases.items())),
        )

    def scans(self, text: str) -> dict[str, pl.Expr]:
        """The passes of `find_phrases` over the whole texts of column `text`: Aho-Corasick
        twice, for where the phrases start and for which ones they are. The phrases are one list
        value (imploded), the form the streaming engine applies to every morsel."""
        patterns = pl.lit(self.phrases).implode()
        return {
            f"{self.name}_starts_{text}": pl.col(text).str.find_many(patterns, overlapping=True),
            f"{self.name}_matches_{text}": pl.col(text).str.extract_many(patterns, overlapping=True),
        }


def find_phrases(frame: pl.DataFrame, text: str, phrase_set: PhraseSet) -> pl.DataFrame:
    """Every whole-word occurrence in the column `text` of the phrases of `phrase_set`.

    Aho-Corasick over all phrases at once (a regex alternation of thousands of phrases with word
    boundaries defeats the regex engine's fast paths), then the two checks a regex would make:
    a phrase that starts or ends with a letter or digit must not touch another one, and of
    overlapping occurrences in one family the leftmost, then longest, is kept.
    `frame` has an integer `doc` key; returns (doc, start, end, match, family).
    """
    starts, matches = phrase_set.scans(text)
    found = with_scans(frame, phrase_set.scans(text)).select(
        "doc", pl.col(text), pl.col(starts).alias("start"), pl.col(matches).alias("match"),
    ).explode("start", "match").drop_nulls("start")
    phrase = pl.col("match").cast(phrase_set.numbering).to_physical()
    found = found.select(
        "doc", text, pl.col("start").cast(pl.Int32), phrase.alias("phrase"),
    ).with_columns(
        (pl.col("start") + pl.lit(phrase_set.lengths).gather(pl.col("phrase"))).alias("end"),
    ).filter(
        ~pl.lit(phrase_set.starts_word).gather(pl.col("phrase")) | ~_is_word_byte(_byte_at(pl.col(text), pl.col("start") - 1)),
        ~pl.lit(phrase_set.ends_word).gather(pl.col("phrase")) | ~_is_word_byte(_byte_at(pl.col(text), pl.col("end"))),
    ).drop(text)
    # Leftmost-longest per family: sorted by (doc, family, start, longest first), an occurrence
    # survives when it starts after every earlier one of its doc and family has ended. Positions
    # are made global (doc and family as high digits) so one running maximum serves all groups;
    # the sort key adds the length below the position (64 bits hold 2^22 articles a call).
    family_count = len(phrase_set.family_names)
    family = pl.lit(phrase_set.family_numbers).gather(pl.col("phrase"))
    base = (pl.col("doc").cast(pl.Int64) * family_count + family) * 2**32
    found = found.with_columns(base.alias("_base")).sort(
        (pl.col("_base") + pl.col("start")) * 2**8 + (MAX_PHRASE_LENGTH - (pl.col("end") - pl.col("start")))
    )
    global_end = pl.col("_base") + pl.col("end")
    earlier_end = global_end.cum_max().shift(1)
    return found.filter(
        ((pl.col("_base") + pl.col("start")) >= earlier_end) | earlier_end.is_null()
    ).select(
        "doc", "start", "end",
        pl.lit(phrase_set.phrases).gather(pl.col("phrase")).alias("match"),
        pl.lit(phrase_set.family_names).gather(family).alias("family"),
    )


def _byte_at(text: pl.Expr, position: pl.Expr) -> pl.Expr:
    """The byte at `position` of an ASCII column, null outside the text (`bin.get` counts a
    negative index from the end: the byte before a phrase at the start would be the last one)."""
    return pl.when(position >= 0).then(text.cast(pl.Binary).bin.get(position.cast(pl.Int64), null_on_oob=True))


def _is_word_byte(byte: pl.Expr) -> pl.Expr:
    return (byte.is_between(ord("a"), ord("z")) | byte.is_between(ord("0"), ord("9"))).fill_null(False)


def window(text: pl.Expr, start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """`text[start:end]` of an ASCII column, both ends clipped to the text. Sliced as bytes
    (bytes are characters here): `str.slice` counts characters from the start of the string."""
    lo = pl.max_horizontal(start, pl.lit(0)).cast(pl.Int64)
    hi = pl.min_horizontal(end, text.str.len_bytes()).cast(pl.Int64)
    return text.cast(pl.Binary).bin.slice(lo, pl.max_horizontal(hi - lo, pl.lit(0))).cast(pl.Utf8)


def alternation(phrases, word_edges: bool = True) -> str:
    """A regex matching any of `phrases` (folded, lower-case), longest first.

    Rust's regex alternation is leftmost-first, so the longest phrase must come first to win.
    A word boundary is added on each side that starts or ends with a word character.
    """
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+")
        if word_edges and phrase[:1].isalnum():
            escaped = r"\b" + escaped
        if word_edges and phrase[-1:].isalnum():
            escaped = escaped + r"\b"
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def only_where(condition: pl.Expr, text: pl.Expr) -> pl.Expr:
    """`text` where `condition` holds, else "": a regex on the result only does work on the rows
    that need it (it runs on every row, nulls included; an empty string costs nothing). The
    caller must not read the regex's answer on the other rows."""
    return pl.when(condition).then(text).otherwise(pl.lit(""))


def text_slice(text: pl.Expr, start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """`text[start:end]` in characters, for the original (non-ASCII) text of output rows."""
    return text.str.slice(start, end - start)
