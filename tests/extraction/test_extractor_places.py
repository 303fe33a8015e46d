"""Country mentions: names, demonyms, cities, ports, states; regions; ambiguous and false places."""

import pytest
from extraction_helpers import Batch

NAMES = [
    ("Las autoridades de EE.UU. y de Estados Unidos hablaron.", {"US"}),
    ("Officials in the U.S. met their counterparts from Brasil and Perú.", {"US", "BR", "PE"}),
    ("El presidente de México viajó a Panamá y a Bélgica.", {"MX", "PA", "BE"}),
    ("The Netherlands, Holanda and the Dominican Republic signed.", {"NL", "DO"}),
    ("O governo do Brasil e a polícia do Paraguai assinaram.", {"BR", "PY"}),
]
DEMONYMS = [
    ("Argentine authorities arrested a Mexican engineer.", {"AR", "MX"}),
    ("The Panamanian-flagged vessel had a Honduran crew.", {"PA", "HN"}),
    ("Viajaba en un buque de bandera liberiana con dos tripulantes de nacionalidad costarricense.", {"LR", "CR"}),
    ("Las autoridades panameñas detuvieron a tres ciudadanos guatemaltecos.", {"PA", "GT"}),
    ("Dutch and Belgian police worked with Ecuadorian prosecutors.", {"NL", "BE", "EC"}),
]
CITIES = [
    ("The load was found in Buenaventura and later in Guayaquil.", {"CO", "EC"}),
    ("Marines inspected containers at the port of Lázaro Cárdenas in Michoacán.", {"MX"}),
    ("La droga llegó a Róterdam y a Amberes desde Algeciras.", {"NL", "BE", "ES"}),
    ("Police in Salta and Jujuy searched trucks.", {"AR"}),
    ("Agents in Tucson and San Diego arrested two men.", {"US"}),
    ("VIENNA (Wire) — The agency published a report.", {"AT"}),
    ("Police Seize Cocaine Bound For Hamburg\n\nThe load was found.", {"DE"}),
]
REGIONS = (
    "Cocaine moves from South America through Central America and the Caribbean to Europe, "
    "y desde Sudamérica hacia Centroamérica, the European Union said, in the Andean region."
)
AMBIGUOUS = [
    ("Marines seized the drugs in Manzanillo, Colima, on Monday.", {"MX"}),
    ("La carga llegó a la terminal de Manzanillo, en la provincia de Colón, según las autoridades panameñas.", {"PA"}),
    # a town named like a country: the country unless the article is about the town's
    ("POSADAS, Argentina (Wire) — Gendarmes seized the load in Puerto Rico, a town in Misiones.", {"AR"}),
    ("Argentine police said the truck was stopped near Puerto Rico after leaving Posadas.", {"AR"}),
    ("SAN JUAN (Wire) — Federal agents seized the boat off Puerto Rico.", {"PR"}),
    ("The Coast Guard patrols the waters between Puerto Rico and the Dominican Republic.", {"PR", "DO"}),
    ("La Guardia Civil halló hachís en una playa de Cartagena (Murcia).", {"ES"}),
    ("The port of Cartagena, Colombia, handles coal.", {"CO"}),
    ("Agents crossed from Nogales, Sonora, to Nogales, Arizona.", {"MX", "US"}),
    ("Los gendarmes patrullan Córdoba y Santa Fe, dos provincias de Argentina.", {"AR"}),
    ("Las FARC operaban en Antioquia y Córdoba, al norte de Colombia.", {"CO"}),
    ("LA PAZ (Agencia) — El gobierno de Bolivia anunció controles en Santa Cruz.", {"BO"}),
    ("Controles en Santa Cruz\n\nSANTA CRUZ (Agencia) — La policía de Bolivia patrulla.", {"BO"}),
]
FALSE_PLACES = [
    ("Cocaine sells for US$ 900 and for US $1,200 in the street.", set()),
    ("Prosecutor Ricardo Santos spoke to María del Rosario Pérez.", set()),
    ("Brazil's port of Santos handles sugar.", {"BR"}),
    ("The Sinaloa Cartel and the Cártel de Jalisco Nueva Generación fight.", set()),
    ("Soldiers raided a ranch in Sinaloa state.", {"MX"}),
    ("The Revolutionary Armed Forces of Colombia and the Autodefensas Gaitanistas de Colombia fought.", set()),
    ("El Clan del Golfo y el Cártel del Golfo no son lo mismo.", set()),
    ("Police in New Mexico and in New York made arrests.", {"US"}),
    ("Un laboratorio en la sindicatura de Costa Rica, en Culiacán; lo hallado en Costa Rica se incineró.", {"MX"}),
    ("The Tren de Aragua grew in prisons.", set()),
    ("La célula operaba en el distrito de San Juan de Lurigancho.", set()),
    ("Prosecutor Lima and the lawyer Alberto Cartagena appealed.", set()),
]
ROWS = "Mexican marines in Veracruz seized drugs bound for Spain."


@pytest.fixture(scope="module")
def batch():
    return Batch([text for text, _ in NAMES + DEMONYMS + CITIES + AMBIGUOUS + FALSE_PLACES] + [REGIONS, ROWS])


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_country_names_in_three_languages(batch, text, expected):
    assert batch.countries(text) == expected


@pytest.mark.parametrize(("text", "expected"), DEMONYMS)
def test_demonyms(batch, text, expected):
    assert batch.countries(text) == expected


@pytest.mark.parametrize(("text", "expected"), CITIES)
def test_cities_ports_and_states_name_their_country(batch, text, expected):
    assert batch.countries(text) == expected


def test_regions_are_not_countries(batch):
    assert batch.countries(REGIONS) == set()


@pytest.mark.parametrize(("text", "expected"), AMBIGUOUS)
def test_ambiguous_places_resolve_by_context(batch, text, expected):
    assert batch.countries(text) == expected


@pytest.mark.parametrize(("text", "expected"), FALSE_PLACES)
def test_false_places(batch, text, expected):
    assert batch.countries(text) == expected


def test_mention_rows_carry_type_and_offsets(batch):
    rows = batch.of(ROWS).country_mentions.sort("char_start").to_dicts()
    assert [(r["matched_text"], r["country_iso2"], r["mention_type"]) for r in rows] == [
        ("Mexican", "MX", "demonym"), ("Veracruz", "MX", "place"), ("Spain", "ES", "name"),
    ]
    for r in rows:
        assert ROWS[r["char_start"]:r["char_end"]] == r["matched_text"]
        assert r["sentence_no"] == 0
