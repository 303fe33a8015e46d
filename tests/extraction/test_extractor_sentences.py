import polars as pl
from extraction_helpers import make_articles

from pipelines.extraction import prepare
from pipelines.extraction.sentences import find_datelines, mark_headline_and_lead, split_sentences


def sentences_of(body: str, headline: str | None = None) -> tuple[list[str], pl.DataFrame, pl.DataFrame]:
    prepared = prepare(make_articles(body, headlines=(headline,)))
    sentences = split_sentences(prepared)
    datelines = find_datelines(prepared, sentences)
    sentences = mark_headline_and_lead(sentences, datelines)
    text = prepared["text"][0]
    return [text[s:e] for s, e in sentences.select("s_start", "s_end").rows()], sentences, datelines


def test_sentences_split_on_end_punctuation_but_not_on_abbreviations_or_decimals():
    body = (
        "The U.S. Coast Guard seized 1.5 tons on Friday. Gen. Ruiz said it was a record! "
        "Police in EE.UU. found more. \"It was hidden,\" he said. Then No. 2 spoke."
    )
    texts, _, _ = sentences_of(body)
    assert texts == [
        "The U.S. Coast Guard seized 1.5 tons on Friday.",
        "Gen. Ruiz said it was a record!",
        "Police in EE.UU. found more.",
        "\"It was hidden,\" he said.",
        "Then No. 2 spoke.",
    ]


def test_paragraphs_headline_and_lead():
    body = "LIMA (Wire) — Police seized cocaine. It was hidden.\n\nA second paragraph."
    texts, sentences, datelines = sentences_of(body, headline="Peru seizes cocaine")
    assert texts[0] == "Peru seizes cocaine"
    assert sentences["para_no"].to_list() == [0, 1, 1, 2]
    assert sentences["is_headline"].to_list() == [True, False, False, False]
    assert sentences["is_lead"].to_list() == [False, True, True, False]
    assert datelines["dateline_para"].item() == 1


def test_dateline_shapes():
    for body, expected in [
        ("MANZANILLO, Mexico (Wire) — Marines found drugs.", "MANZANILLO, Mexico (Wire) — "),
        ("CULIACÁN, Sin. (Diario).- Soldados hallaron droga.", "CULIACÁN, Sin. (Diario).- "),
        ("CIUDAD DE GUATEMALA (Agencia) — La policía halló droga.", "CIUDAD DE GUATEMALA (Agencia) — "),
        ("BOGOTA, Colombia, June 4 (Reuters) - Police found drugs.", "BOGOTA, Colombia, June 4 (Reuters) - "),
    ]:
        prepared = prepare(make_articles(body))
        datelines = find_datelines(prepared, split_sentences(prepared))
        start, end = datelines.select("dl_start", "dl_end").row(0)
        assert body[start:end] == expected


def test_no_dateline_in_ordinary_prose():
    prepared = prepare(make_articles("DEA agents said on Monday that the group had grown."))
    assert find_datelines(prepared, split_sentences(prepared)).is_empty()


def test_agency_dateline_with_a_date():
    body = "Bogotá, 12 jun (EFE).- La Armada de Colombia incautó droga."
    prepared = prepare(make_articles(body))
    start, end = find_datelines(prepared, split_sentences(prepared)).select("dl_start", "dl_end").row(0)
    assert body[start:end] == "Bogotá, 12 jun (EFE).- "
