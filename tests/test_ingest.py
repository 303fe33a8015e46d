"""Reading, decoding and parsing article files (no warehouse involved)."""

from pathlib import Path

import polars as pl
import pytest

from pipelines.ingest import (
    content_id,
    decode_article_bytes,
    parse_articles,
    read_files,
    scan_folder,
)

SPANISH = "Incautan 500 kilos de cocaína en el puerto; la Policía informó que el cargamento salió de Perú.\n"


def parse_text(text: str, name: str = "a.txt") -> dict:
    text, encoding = decode_article_bytes(text.encode("utf-8"))
    decoded = pl.DataFrame(
        {"source_file": [name], "size_bytes": [len(text)], "modified_ns": [0], "encoding": [encoding], "raw_text": [text]}
    )
    articles, rejected = parse_articles(decoded)
    assert rejected.is_empty(), rejected
    return articles.row(0, named=True)


def test_utf8_is_decoded_as_utf8():
    assert decode_article_bytes(SPANISH.encode("utf-8")) == (SPANISH, "utf-8")


def test_windows_1252_spanish_is_re_encoded_and_recorded():
    text, encoding = decode_article_bytes(SPANISH.encode("cp1252"))
    assert text == SPANISH
    assert encoding == "windows-1252"


def test_decoded_text_is_composed_unicode_with_unix_newlines():
    decomposed = "Per\u0075\u0301\r\nPolicía\r".encode("utf-8")
    assert decode_article_bytes(decomposed) == ("Perú\nPolicía\n", "utf-8")


def test_utf16_with_bom_is_decoded():
    text, encoding = decode_article_bytes(SPANISH.encode("utf-16"))
    assert text == SPANISH
    assert encoding == "utf-16"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
        (b"1234 5678 -- 99", "no letters"),
    ],
)
def test_files_that_are_not_articles_are_rejected_with_a_reason(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode_article_bytes(data)


def test_read_files_rejects_oversized_and_vanished_files_and_reads_the_rest(tmp_path: Path):
    (tmp_path / "good.txt").write_text(SPANISH)
    (tmp_path / "huge.txt").write_text("cocaína " * 1000)
    (tmp_path / "gone.txt").write_text(SPANISH)
    files = scan_folder(tmp_path)
    (tmp_path / "gone.txt").unlink()
    decoded, rejected = read_files(files, max_bytes=2_000)
    assert decoded["source_file"].to_list() == ["good.txt"]
    reasons = dict(rejected.select("source_file", "reason").iter_rows())
    assert reasons["gone.txt"] == "file not found when read (deleted, moved, or a broken link)"
    assert "over the 0.002 MB limit" in reasons["huge.txt"]


def test_scan_folder_walks_subfolders_and_skips_hidden_files(tmp_path: Path):
    (tmp_path / "2026" / "11").mkdir(parents=True)
    (tmp_path / "2026" / "11" / "b.txt").write_text(SPANISH)
    (tmp_path / "a b ñ.txt").write_text(SPANISH)
    (tmp_path / ".DS_Store").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(SPANISH)
    assert [f.source_file for f in scan_folder(tmp_path)] == ["2026/11/b.txt", "a b ñ.txt"]


def test_timestamp_header_gives_publication_time_and_title():
    article = parse_text("1700000000 Navy seizes cocaine off the coast\n\nThe navy said on Monday it seized cocaine.\n")
    assert article["title"] == "Navy seizes cocaine off the coast"
    assert article["published_at"].isoformat() == "2023-11-14T22:13:20+00:00"
    assert article["text"].startswith("Navy seizes cocaine off the coast\n\nThe navy said")


def test_updated_line_is_dropped_and_a_story_paragraph_is_not_a_title():
    article = parse_text("Updated\n\nPolice in Peru said on Monday that they had found cocaine in a truck.\n")
    assert article["title"] is None
    assert article["text"] == "Police in Peru said on Monday that they had found cocaine in a truck."


def test_updated_line_with_a_date_is_dropped_before_the_headline():
    article = parse_text("Updated March 3, 9:15 a.m. EST\n\nPolice find cocaine in truck\n\nPolice said so.\n")
    assert article["title"] == "Police find cocaine in truck"


@pytest.mark.parametrize(
    "clutter",
    [
        "SEE ALSO: Coverage of Peru",
        "Subscribe to our newsletter",
        "Follow us on twitter.com/example",
        "Like us at facebook.com/example",
        "Photo: Officers stand beside the packages. (Archive)",
        "Suscríbete a nuestro boletín",
    ],
)
def test_site_clutter_lines_are_removed(clutter):
    article = parse_text(f"Police find cocaine in truck\n\n{clutter}\n\nPolice said they found it.\n")
    assert clutter not in article["text"]
    assert "Police said they found it." in article["text"]


def test_language_is_detected_for_english_and_spanish():
    english = parse_text("Police seize drugs\n\nThe police said that the drugs were found with the help of dogs.\n")
    spanish = parse_text("Policía incauta droga\n\n" + SPANISH + "Según la fiscalía, los detenidos fueron trasladados.\n")
    assert (english["language"], spanish["language"]) == ("en", "es")


def test_same_text_under_two_names_gets_one_article_id():
    first = parse_text("Police find cocaine\n\nPolice said so.\n", "one.txt")
    second = parse_text("Police find cocaine\r\n\r\nPolice said so.\r\n", "two.txt")
    assert first["article_id"] == second["article_id"] == content_id(first["text"])


def test_file_with_nothing_but_clutter_is_rejected():
    decoded = pl.DataFrame(
        {"source_file": ["c.txt"], "size_bytes": [10], "modified_ns": [0], "encoding": ["utf-8"],
         "raw_text": ["Subscribe to our newsletter\nFollow us on twitter.com/x\n"]}
    )
    articles, rejected = parse_articles(decoded)
    assert articles.is_empty()
    assert rejected["reason"].to_list() == ["nothing left but site clutter (headers, links, newsletter prompts)"]
