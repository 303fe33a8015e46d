"""Where a seizure happened: places in the sentence and their roles, paragraph, dateline, sea."""

import pytest
from extraction_helpers import Batch

IN_SENTENCE = [
    ("Police in Peru seized 400 kilos of cocaine.", "PE"),
    ("Officers seized 400 kilos of cocaine at the port of Paranaguá.", "BR"),
    ("Belgian customs found 400 kilos of cocaine in a banana container.", "BE"),
    ("Spain's Guardia Civil seized 400 kilos of cocaine.", "ES"),
    ("Argentine authorities seized a further 400 kilos of cocaine.", "AR"),
    ("Las autoridades hondureñas decomisaron 400 kilos de cocaína.", "HN"),
    ("El Ejército Mexicano aseguró 400 kilos de cocaína.", "MX"),
    ("Marines intercepted 400 kilos of cocaine in Colombian waters off Tumaco.", "CO"),
    ("Soldiers found 400 kilos of cocaine near Culiacán.", "MX"),
    ("Agents seized 400 kilos of cocaine shipped from Colombia to Spain's port of Valencia.", "ES"),
    ("Police found 400 kilos of cocaine that had left Guayaquil in a container unloaded in Rotterdam.", "NL"),
]
NOT_THE_PLACE = [
    "Inspectors found 400 kilos of cocaine in a container that had arrived from Ecuador.",
    "Police seized 400 kilos of cocaine bound for Spain.",
    "La policía decomisó 400 kilos de cocaína procedentes de Bolivia con destino a Chile.",
    "Officers found 400 kilos of cocaine in a truck driven by a Colombian national.",
    "Marines found 400 kilos of cocaine aboard a Panamanian-flagged ship.",
    "Police seized 400 kilos of cocaine near the border with Bolivia.",
    # where a load or chemical was made or bought
    "Militares aseguraron 400 kilos de precursores químicos que habrían sido importados de China.",
    "Agents seized 400 kilos of fentanyl precursors made in China at a warehouse.",
    "A PF apreendeu 400 quilos de cocaína vindos da Bolívia.",
]
# The site of the seizure, not where its load came from, in a later sentence.
LAB_AND_ORIGIN = (
    "Soldados localizaron un narcolaboratorio en Culiacán. Ahí aseguraron 3 mil litros de precursores químicos. "
    "Según la Fiscalía, parte habría sido importada de China."
)
# A destination that shares its country with one reading of an ambiguous dateline is no evidence for it.
CARTAGENA_DESTINATION = "CARTAGENA (Agencia) — La Armada incautó 2 toneladas de cocaína con destino a España."
HIGH_SEAS = (
    "A Navy frigate stopped a speedboat in international waters 200 nautical miles off Ecuador and seized 900 kilos of cocaine."
)
HIGH_SEAS_ES = "La patrulla interceptó en aguas internacionales, al sur de Jamaica, un velero con 700 kilos de cocaína."
OFFLOAD = (
    "MIAMI (Wire) — The crew of a Coast Guard cutter offloaded about 9,000 pounds of cocaine at Port Everglades.\n\n"
    "The drugs were interdicted in international waters of the eastern Pacific."
)
PARAGRAPH = "In Honduras, troops raided a farm. They found 300 kilos of cocaine in a barn."
DATELINE = "GUAYAQUIL (Wire) — Police said on Monday they had found 300 kilos of cocaine in a warehouse."
MAIN_COUNTRY = (
    "Guatemala has become a transit hub, and Guatemala's police are overwhelmed.\n\n"
    "Agents found 300 kilos of cocaine in a truck on Tuesday."
)
SEVERAL = (
    "BOGOTA, Colombia (Wire) — Colombian police seized 1,000 kilos of cocaine in Santa Marta on Friday.\n\n"
    "In Spain, the Guardia Civil found 600 kilos of cocaine in Vigo.\n\n"
    "Separately, Venezuelan troops seized 300 kilos of cocaine in Zulia state."
)
# The interception at sea in one sentence or paragraph, the seizure in the next.
SEA_BEFORE = [
    "A cutter intercepted a go-fast boat in international waters about 150 miles south of the Galápagos Islands. "
    "Boarding teams seized 8,400 pounds of cocaine and detained four Ecuadorian crew members.",
    "MIAMI (Wire) — A cutter stopped a semi-submersible in international waters off Colombia.\n\n"
    "Boarding teams seized 8,400 pounds of cocaine and detained four crew members.",
    "MIAMI (Wire) — A cutter stopped a semi-submersible in international waters off Colombia.\n\n"
    "Boarding teams seized 8,400 pounds of cocaine. The crew were taken to Cartagena.",
]
NATIONAL_WATERS = [
    "The crew seized 1,200 pounds of marijuana in Jamaican territorial waters.",
    "The cutter offloaded 1,200 pounds of marijuana in Miami, seized in Jamaican territorial waters south of Kingston.",
]
# A border crossing does not say on which side; a person's hometown is not the place either.
CROSSING = (
    "McALLEN, Texas (Wire) — Customs and Border Protection officers at the Hidalgo International Bridge found "
    "31 bundles of methamphetamine weighing 70 pounds in a car driven by a woman from Reynosa, Tamaulipas."
)
MANZANILLO_PA = "PANAMA CITY (Wire) — Panamanian police seized 900 kilos of cocaine at the Manzanillo terminal in Colón."
MANZANILLO_MX = "MANZANILLO, Mexico (Wire) — Marines found 900 kilos of cocaine at the port of Manzanillo."


@pytest.fixture(scope="module")
def batch():
    return Batch(
        [text for text, _ in IN_SENTENCE] + NOT_THE_PLACE
        + [HIGH_SEAS, HIGH_SEAS_ES, OFFLOAD, PARAGRAPH, DATELINE, MAIN_COUNTRY, SEVERAL, MANZANILLO_PA, MANZANILLO_MX, LAB_AND_ORIGIN, CARTAGENA_DESTINATION]
        + SEA_BEFORE + NATIONAL_WATERS + [CROSSING]
    )


def places(rows):
    return [(r["quantity_kg"], r["country_iso2"]) for r in rows]


@pytest.mark.parametrize(("text", "country"), IN_SENTENCE)
def test_place_named_in_the_sentence(batch, text, country):
    rows = batch.seizures(text)
    assert places(rows) == [(400.0, country)]
    assert rows[0]["country_basis"].startswith("in sentence")


@pytest.mark.parametrize("text", NOT_THE_PLACE)
def test_origins_destinations_nationalities_and_borders_are_not_the_place(batch, text):
    assert places(batch.seizures(text)) == [(400.0, None)]


def test_international_waters_have_no_country(batch):
    rows = batch.seizures(HIGH_SEAS)
    assert places(rows) == [(900.0, None)]
    assert rows[0]["country_basis"] == "in sentence: international waters"
    assert places(batch.seizures(HIGH_SEAS_ES)) == [(700.0, None)]
    rows = batch.seizures(OFFLOAD)
    assert places(rows) == [(pytest.approx(4082.4), None)]
    assert rows[0]["country_basis"] == "offloaded from international waters"


def test_paragraph_then_dateline_then_main_country(batch):
    rows = batch.seizures(PARAGRAPH)
    assert places(rows) == [(300.0, "HN")]
    assert rows[0]["country_basis"].startswith("in paragraph")
    rows = batch.seizures(DATELINE)
    assert places(rows) == [(300.0, "EC")]
    assert rows[0]["country_basis"] == "dateline"
    rows = batch.seizures(MAIN_COUNTRY)
    assert places(rows) == [(300.0, "GT")]
    assert rows[0]["country_basis"] == "article's main country"


def test_several_seizures_in_several_countries(batch):
    assert places(batch.seizures(SEVERAL)) == [(1000.0, "CO"), (600.0, "ES"), (300.0, "VE")]


def test_ambiguous_ports_use_the_article(batch):
    assert places(batch.seizures(MANZANILLO_PA)) == [(900.0, "PA")]
    assert places(batch.seizures(MANZANILLO_MX)) == [(900.0, "MX")]
    assert places(batch.seizures(CARTAGENA_DESTINATION)) == [(2000.0, "CO")]


def test_the_site_wins_over_where_the_load_came_from(batch):
    assert [(r["quantity_litres"], r["country_iso2"]) for r in batch.seizures(LAB_AND_ORIGIN)] == [(3000.0, "MX")]


@pytest.mark.parametrize("text", SEA_BEFORE)
def test_a_seizure_after_an_interception_at_sea_is_at_sea(batch, text):
    assert places(batch.seizures(text)) == [(pytest.approx(3810.24), None)]


@pytest.mark.parametrize("text", NATIONAL_WATERS)
def test_national_waters_are_the_country_of_the_demonym(batch, text):
    assert places(batch.seizures(text)) == [(pytest.approx(544.32), "JM")]


def test_a_border_crossing_and_a_hometown_are_not_the_place(batch):
    assert places(batch.seizures(CROSSING)) == [(pytest.approx(31.752), "US")]
