"""Criminal groups: aliases to canonical names, acronyms, lists, and what is never a group."""

import polars as pl
import pytest
from extraction_helpers import Batch

from pipelines.extraction import actor_reference

GOLD_NAMES = {
    "Sinaloa Cartel", "Jalisco New Generation Cartel (CJNG)", "Gulf Clan (Clan del Golfo)", "Gulf Cartel", "Los Zetas",
    "Cartel del Noreste (CDN)", "Beltrán Leyva Organization", "Juárez Cartel", "La Familia Michoacana", "Los Chapitos",
    "FARC", "FARC dissidents", "ELN", "Tren de Aragua", "PCC (Primeiro Comando da Capital)", "Comando Vermelho",
    "Los Choneros", "Los Lobos", "MS-13",
}
ALIASES = [
    ("El Cártel de Sinaloa y el cartel de Sinaloa son el mismo.", {"Sinaloa Cartel"}),
    ("The Sinaloa cartel and the Zetas clashed.", {"Sinaloa Cartel", "Los Zetas"}),
    ("Police arrested members of the Sinaloa and the Zetas cartels.", {"Sinaloa Cartel", "Los Zetas"}),
    ("Los cárteles de Sinaloa y del Golfo pactaron.", {"Sinaloa Cartel", "Gulf Cartel"}),
    ("The Jalisco New Generation Cartel (CJNG) and the Cártel de Jalisco Nueva Generación.", {"Jalisco New Generation Cartel (CJNG)"}),
    ("Los Urabeños, now the Autodefensas Gaitanistas de Colombia (AGC), are the Gulf Clan.", {"Gulf Clan (Clan del Golfo)"}),
    ("The Revolutionary Armed Forces of Colombia (FARC) demobilised.", {"FARC"}),
    ("Las disidencias de las FARC y el ELN se disputan la zona.", {"FARC dissidents", "ELN"}),
    ("The Primeiro Comando da Capital, or PCC, and Comando Vermelho.", {"PCC (Primeiro Comando da Capital)", "Comando Vermelho"}),
    ("Los Choneros y Los Lobos pelean en las cárceles.", {"Los Choneros", "Los Lobos"}),
    ("MS-13 and Barrio 18 gangs extort bus drivers.", {"MS-13", "Barrio 18"}),
    ("The Cartel del Noreste split from Los Zetas; the Gulf Cartel lost ground.", {"Cartel del Noreste (CDN)", "Los Zetas", "Gulf Cartel"}),
    ("Los Chapitos, the faction of El Chapo's sons, fight Los Mayos.", {"Los Chapitos", "Los Mayos"}),
    ("The Tren de Aragua expanded to Chile.", {"Tren de Aragua"}),
    ("Shining Path remnants and the Sendero Luminoso.", {"Shining Path"}),
    ("El Cártel de Guadalajara dio origen al Cártel de Sinaloa.", {"Guadalajara Cartel", "Sinaloa Cartel"}),
    ("En Rosario, la banda de Los Monos disputa el mercado.", {"Los Monos"}),
    ("Em Salvador, o Bonde do Maluco (BDM) enfrenta o Comando Vermelho.", {"Bonde do Maluco", "Comando Vermelho"}),
    ("La Línea, brazo armado del Cártel de Juárez, opera en Chihuahua.", {"La Línea", "Juárez Cartel"}),
    ("O Sindicato do Crime domina presídios do Rio Grande do Norte.", {"Sindicato do Crime"}),
    # Mexican factions, Brazilian regional factions, Venezuelan megabandas, Ecuadorian, Caribbean and Colombian gangs
    ("Los Metros, facción del Cártel del Golfo, pelean Reynosa con Los Escorpiones.", {"Los Metros", "Los Escorpiones", "Gulf Cartel"}),
    ("La Mayiza, with Los Salazar and Los Ántrax, fights the Chapitos in Culiacán.", {"Los Mayos", "Los Salazar", "Los Ántrax", "Los Chapitos"}),
    ("Em Porto Alegre, Os Manos e o Bala na Cara disputam o tráfico; na Paraíba, a Okaida.", {"Os Manos", "Bala na Cara", "Okaida"}),
    ("No Acre, o Bonde dos 13 perdeu espaço para o Comando Vermelho.", {"Bonde dos 13", "Comando Vermelho"}),
    ("Viv Ansanm, the coalition of the G9 and 400 Mawozo gangs, controls Port-au-Prince.", {"Viv Ansanm", "G9 an Fanmi", "400 Mawozo"}),
    ("El Tren de Guayana opera en Bolívar; Los Águilas y los Ñetas se enfrentan en Guayaquil.", {"Tren de Guayana", "Los Águilas", "Ñetas"}),
    ("La Constru en Putumayo, Los Contadores en Nariño y Calor Calor en Colón.", {"La Constru", "Los Contadores", "Calor Calor"}),
    ("El Cártel Independiente de Acapulco (CIDA) y La Barredora se disputan Guerrero.", {"Cártel Independiente de Acapulco", "La Barredora"}),
]
NOT_ACTORS = [
    "The DEA, the Navy, the Coast Guard and the Policía Nacional worked with SEDRONAR, SENAD and the FANB.",
    "La Guardia Civil, la Guardia Nacional y la Fiscalía General detuvieron a dos hombres.",
    "Peruvian criminal groups, local gangs and Mexican cartels compete with an Albanian-led network.",
    "The pccs of the eln-style unit met; Felnor and Apcc were there.",
    "the farc and eln were mentioned in lower case.",
    # ordinary words that are also the names of groups, and a town that contains one
    "Los monos del zoológico comen fruta. La línea de crédito se amplió. Llegó gente nueva.",
    "La Guardia Civil patrulla la costa de La Línea de la Concepción.",
    "Los metros de tela, los escorpiones del desierto, los contadores públicos y la constru de la casa.",
]
ROWS = "Police seized cocaine. It belonged to the Clan del Golfo, investigators said."


@pytest.fixture(scope="module")
def batch():
    return Batch([text for text, _ in ALIASES] + NOT_ACTORS + [ROWS])


def test_reference_table_is_large_typed_and_uses_the_canonical_names():
    reference = actor_reference()
    assert reference.height >= 40
    assert GOLD_NAMES <= set(reference["actor"])
    assert reference["actor"].is_unique().all()
    assert reference.filter(pl.col("actor_type").is_null() | (pl.col("aliases").list.len() == 0)).is_empty()
    assert set(reference["home_country_iso2"].drop_nulls()) >= {"MX", "CO", "VE", "EC", "BR", "SV", "PE"}


@pytest.mark.parametrize(("text", "expected"), ALIASES)
def test_aliases_map_to_canonical_names(batch, text, expected):
    assert batch.actors(text) == expected


@pytest.mark.parametrize("text", NOT_ACTORS)
def test_agencies_vague_groups_and_lowercase_acronyms_are_not_actors(batch, text):
    assert batch.actors(text) == set()


def test_actor_rows_have_offsets_and_sentence_numbers(batch):
    row = batch.of(ROWS).actor_mentions.row(0, named=True)
    assert row["actor"] == "Gulf Clan (Clan del Golfo)"
    assert ROWS[row["char_start"]:row["char_end"]] == row["matched_text"] == "Clan del Golfo"
    assert row["sentence_no"] == 1
