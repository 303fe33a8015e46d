import polars as pl
import pytest

from pipelines.extraction.quantities import find_quantities
from pipelines.extraction.text import fold


def quantities(text: str) -> list[dict]:
    frame = pl.DataFrame({"doc": [0], "low": [fold(text).lower()]}, schema={"doc": pl.UInt32, "low": pl.Utf8})
    return find_quantities(frame).sort("q_start").to_dicts()


def only(text: str) -> dict:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kg"),
    [
        ("seized 3,400 kilos", 3400), ("found 75 kg", 75), ("found 12 kilograms", 12), ("con 230 kilogramos", 230),
        ("two tons", 2000), ("4.1 tonnes", 4100), ("6 metric tons", 6000), ("cinco toneladas", 5000),
        ("1,8 toneladas métricas", 1800), ("media tonelada", 500), ("una tonelada", 1000), ("half a ton", 500),
        ("dos toneladas y media", 2500), ("620 pounds", 281.232), ("15 lbs", 6.804), ("300 libras", 136.08),
        ("480 gramos", 0.48), ("95 grams", 0.095), ("the 3.4-ton load", 3400), ("1.5 toneladas", 1500),
        ("1.500 toneladas", 1_500_000),
    ],
)
def test_weights_are_normalised_to_kg(text, kg):
    found = only(text)
    assert found["dimension"] == "mass"
    assert found["quantity_kg"] == pytest.approx(kg, rel=1e-4)


def test_volumes_stay_litres_and_gallons_convert():
    assert only("4.500 litros de precursores")["quantity_litres"] == pytest.approx(4500)
    assert only("mil 250 litros")["quantity_litres"] == pytest.approx(1250)
    gallons = only("2,000 gallons of acetone")
    assert gallons["quantity_litres"] == pytest.approx(7570)
    assert gallons["quantity_kg"] is None


@pytest.mark.parametrize(
    ("text", "units", "unit_type"),
    [
        ("12,500 ecstasy pills", 12500, "pills"), ("3 mil 200 pastillas", 3200, "pills"), ("640 dosis", 640, "doses"),
        ("75 paquetes", 75, "packages"), ("1,200 rectangular packages", 1200, "packages"), ("310 panes", 310, "bricks"),
        ("42 fardos", 42, "bales"), ("1.5 million tablets", 1_500_000, "pills"), ("2 millones de dosis", 2_000_000, "doses"),
        ("800 bricks", 800, "bricks"),
    ],
)
def test_counts_keep_what_was_counted(text, units, unit_type):
    found = only(text)
    assert (found["quantity_units"], found["unit_type"], found["quantity_kg"]) == (units, unit_type, None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("more than 900 kilos", "approximate"), ("nearly 60 pounds", "approximate"), ("some 2 tons", "approximate"),
        ("about 300 kg", "approximate"), ("más de 700 kilos", "approximate"), ("alrededor de 1.100 kilos", "approximate"),
        ("unos 80 kilos", "approximate"), ("casi dos toneladas", "approximate"), ("up to 6 tons", "limit"),
        ("hasta 300 kilos", "limit"), ("a combined 4 tonnes", "total"), ("en total 3 toneladas", "total"),
        ("1,200 kilos", None),
    ],
)
def test_qualifiers_are_classified(text, kind):
    assert only(text)["qualifier_kind"] == kind


def test_counts_of_other_things_and_lone_articles_are_not_quantities():
    assert quantities("300 of the packages, a pill, 40 kilometres, 12 laboratories, 5% and US$ 30 million") == []


def test_offsets_point_at_the_quantity_as_written():
    text = "La Armada aseguró más de 1.300 kilos de cocaína."
    found = only(text)
    assert text[found["q_start"]:found["q_end"]] == "más de 1.300 kilos"


def test_a_second_figure_borrows_the_unit_of_the_first():
    found = quantities("Decomisaron 150 kilos de cocaína y 30 de marihuana; entre el 10 y 12 de junio.")
    assert [(f["q_text"], f["quantity_kg"]) for f in found] == [("150 kilos", 150.0), ("30", 30.0)]
    found = quantities("seized 2 tons of cocaine and more than 500 of marijuana")
    assert [(f["q_text"], f["quantity_kg"], f["qualifier_kind"]) for f in found] == [
        ("2 tons", 2000.0, None), ("more than 500", 500000.0, "approximate"),
    ]
