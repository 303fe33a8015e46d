"""Where a seizure happened: places in the sentence and their roles, paragraph, dateline, sea."""

import pytest


def places(rows):
    return [(r["quantity_kg"], r["country_iso2"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police in Peru seized 400 kilos of cocaine.", "PE"),
        ("Officers seized 400 kilos of cocaine at the port of Paranaguá.", "BR"),
        ("Belgian customs found 400 kilos of cocaine in a banana container.", "BE"),
        ("Spain's Guardia Civil seized 400 kilos of cocaine.", "ES"),
        ("Argentine authorities seized a further 400 kilos of cocaine.", "AR"),
        ("Las autoridades hondureñas decomisaron 400 kilos de cocaína.", "HN"),
        ("El Ejército Mexicano aseguró 400 kilos de cocaína.", "MX"),
        ("Marines intercepted 400 kilos of cocaine in Colombian waters off Tumaco.", "CO"),
        ("Soldiers found 400 kilos of cocaine near Culiacán.", "MX"),
    ],
)
def test_place_named_in_the_sentence(seizures, text, country):
    rows = seizures(text)
    assert places(rows) == [(400.0, country)]
    assert rows[0]["country_basis"].startswith("in sentence")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Inspectors found 400 kilos of cocaine in a container that had arrived from Ecuador.", None),
        ("Police seized 400 kilos of cocaine bound for Spain.", None),
        ("La policía decomisó 400 kilos de cocaína procedentes de Bolivia con destino a Chile.", None),
        ("Officers found 400 kilos of cocaine in a truck driven by a Colombian national.", None),
        ("Marines found 400 kilos of cocaine aboard a Panamanian-flagged ship.", None),
        ("Police seized 400 kilos of cocaine near the border with Bolivia.", None),
    ],
)
def test_origins_destinations_nationalities_and_borders_are_not_the_place(seizures, text, country):
    assert places(seizures(text)) == [(400.0, country)]


def test_shipped_from_a_to_the_port_of_b(seizures):
    rows = seizures("Agents seized 400 kilos of cocaine shipped from Colombia to Spain's port of Valencia.")
    assert places(rows) == [(400.0, "ES")]
    rows = seizures("Police found 400 kilos of cocaine that had left Guayaquil in a container unloaded in Rotterdam.")
    assert places(rows) == [(400.0, "NL")]


def test_international_waters_have_no_country(seizures):
    rows = seizures(
        "A Navy frigate stopped a speedboat in international waters 200 nautical miles off Ecuador and seized 900 kilos of cocaine."
    )
    assert places(rows) == [(900.0, None)]
    assert rows[0]["country_basis"] == "in sentence: international waters"
    rows = seizures("La patrulla interceptó en aguas internacionales, al sur de Jamaica, un velero con 700 kilos de cocaína.")
    assert places(rows) == [(700.0, None)]


def test_paragraph_then_dateline_then_main_country(seizures):
    rows = seizures("In Honduras, troops raided a farm. They found 300 kilos of cocaine in a barn.")
    assert places(rows) == [(300.0, "HN")]
    assert rows[0]["country_basis"].startswith("in paragraph")
    rows = seizures("GUAYAQUIL (Wire) — Police said on Monday they had found 300 kilos of cocaine in a warehouse.")
    assert places(rows) == [(300.0, "EC")]
    assert rows[0]["country_basis"] == "dateline"
    rows = seizures(
        "Guatemala has become a transit hub, and Guatemala's police are overwhelmed.\n\n"
        "Agents found 300 kilos of cocaine in a truck on Tuesday."
    )
    assert places(rows) == [(300.0, "GT")]
    assert rows[0]["country_basis"] == "article's main country"


def test_several_seizures_in_several_countries(seizures):
    rows = seizures(
        "BOGOTA, Colombia (Wire) — Colombian police seized 1,000 kilos of cocaine in Santa Marta on Friday.\n\n"
        "In Spain, the Guardia Civil found 600 kilos of cocaine in Vigo.\n\n"
        "Separately, Venezuelan troops seized 300 kilos of cocaine in Zulia state."
    )
    assert places(rows) == [(1000.0, "CO"), (600.0, "ES"), (300.0, "VE")]


def test_ambiguous_ports_use_the_article(seizures):
    rows = seizures(
        "PANAMA CITY (Wire) — Panamanian police seized 900 kilos of cocaine at the Manzanillo terminal in Colón."
    )
    assert places(rows) == [(900.0, "PA")]
    rows = seizures("MANZANILLO, Mexico (Wire) — Marines found 900 kilos of cocaine at the port of Manzanillo.")
    assert places(rows) == [(900.0, "MX")]
