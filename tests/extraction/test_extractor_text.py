import polars as pl

from pipelines.extraction.text import PhraseSet, find_phrases, find_spans, fold, text_slice, window, with_fold


def test_fold_keeps_every_character_in_place():
    text = "Perú incautó 1.200 kilos — “cocaína” en São Paulo ½ 😀\tfin"
    folded = with_fold(pl.LazyFrame({"t": [text, "plain ascii"]}), "t", "norm").collect()["norm"][0]
    assert len(folded) == len(text)
    assert folded.isascii()
    assert folded == fold(text)
    assert folded.startswith("Peru incauto 1.200 kilos - \"cocaina\" en Sao Paulo")


def test_fold_turns_control_characters_into_spaces():
    assert fold("a\x1fb\x1ec\nd") == "a b c\nd"


def test_find_phrases_respects_word_boundaries_and_prefers_the_longest():
    frame = pl.DataFrame({"doc": [0], "low": ["the sinaloa cartel sold colombian cocaine in colombia; local calabria"]}, schema={"doc": pl.UInt32, "low": pl.Utf8})
    phrases = {"sinaloa": "x", "sinaloa cartel": "x", "colombia": "x", "cal": "x", "calabria": "x", "cartel": "y"}
    found = find_phrases(frame, "low", PhraseSet.of(phrases)).sort("start")
    assert found.filter(pl.col("family") == "x")["match"].to_list() == ["sinaloa cartel", "colombia", "calabria"]
    # another family keeps its own overlapping matches
    assert found.filter(pl.col("family") == "y")["match"].to_list() == ["cartel"]
    row = found.filter(pl.col("match") == "colombia").row(0, named=True)
    assert frame["low"][0][row["start"]:row["end"]] == "colombia"


def test_find_spans_gives_offsets_of_regex_matches():
    frame = pl.DataFrame({"doc": [0, 1], "low": ["2 kg and 30 kg", "nothing here"]}, schema={"doc": pl.UInt32, "low": pl.Utf8})
    spans = find_spans(frame, "low", r"\d+ kg")
    assert spans.select("start", "end", "match").rows() == [(0, 4, "2 kg"), (9, 14, "30 kg")]


def test_find_spans_with_named_groups_and_a_needed_word():
    frame = pl.DataFrame(
        {"doc": [0, 1, 2], "low": ["5 kg", "1 kg, 20 kg and 3 kg.", "kg 7"]}, schema={"doc": pl.UInt32, "low": pl.Utf8}
    )
    spans = find_spans(frame, "low", r"(?P<digits>\d+) (?P<unit>kg)", needs=r"[0-9] kg")
    assert spans.select("doc", "start", "end", "match").rows() == [
        (0, 0, 4, "5 kg"), (1, 0, 4, "1 kg"), (1, 6, 11, "20 kg"), (1, 16, 20, "3 kg"),
    ]

def test_window_clips_and_text_slice_counts_characters():
    frame = pl.DataFrame({"low": ["abcdef"], "text": ["ñandú y más"]})
    assert frame.select(window(pl.col("low"), pl.lit(-3), pl.lit(2))).item() == "ab"
    assert frame.select(window(pl.col("low"), pl.lit(4), pl.lit(99))).item() == "ef"
    assert frame.select(text_slice(pl.col("text"), pl.lit(2), pl.lit(5))).item() == "ndú"
