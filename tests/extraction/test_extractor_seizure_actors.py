"""Which groups the text ties to each load: statements, back-references, referents, negations."""

import pytest
from extraction_helpers import Batch

SAME_SENTENCE = [
    ("Police seized 500 kilos of cocaine belonging to the Gulf Clan.", "Gulf Clan (Clan del Golfo)"),
    ("Se decomisaron 500 kilos de cocaína pertenecientes al ELN.", "ELN"),
    ("La Marina aseguró 500 kilos de cocaína, cargamento atribuido al CJNG.", "Jalisco New Generation Cartel (CJNG)"),
    ("Officers found 500 kilos of marijuana bound for Comando Vermelho.", "Comando Vermelho"),
    ("Policía incauta 500 kilos de cocaína del Clan del Golfo.", "Gulf Clan (Clan del Golfo)"),
]
LATER_SHIPMENT = "Agents seized 500 kilos of cocaine in a truck. Prosecutors said the shipment belonged to Los Choneros."
LATER_PILLS = (
    "Border officers found 90,000 fentanyl pills in a car. They also found 20 kilos of methamphetamine. "
    "The pills were traced to a network run by Los Chapitos."
)
LATER_BOTH = (
    "Marines found 700 kg of cocaine in a container. Hours later they found 300 kg of cocaine in a truck. "
    "Officials attributed both loads to the Sinaloa Cartel."
)
SAME_GROUP = (
    "Investigators say the Tren de Aragua runs the route. Police seized 200 kilos of cocaine, which was linked to the same group."
)
MISMA_ESTRUCTURA = (
    "Las AGC controlan la zona. Se hallaron 900 kilos de cocaína. Los investigadores atribuyeron ese cargamento "
    "a la misma estructura criminal."
)
LA_GUERRILLA = (
    "El ELN y el Clan del Golfo operan en la región. Los militares hallaron 4 toneladas de cemento que iban a ser "
    "usadas por la guerrilla."
)
LEAD_TIE = (
    "Officials said the CJNG orchestrated a trafficking operation through the port.\n\n"
    "The revelations follow the seizure of 1,500 kilos of cocaine in Lázaro Cárdenas."
)
LAB = (
    "Soldados aseguraron 2 mil dosis de fentanilo y 400 litros de precursores en un laboratorio. "
    "En el inmueble también se localizaron 15 kilos de metanfetamina. "
    "La Fiscalía atribuyó el laboratorio a Los Chapitos.\n\n"
    "En un operativo distinto, militares localizaron 90 kilos de metanfetamina."
)
DOMINANT = (
    "The Sinaloa Cartel has long dominated the area. Soldiers found 300 kilos of methamphetamine in a ranch; "
    "officials did not say which group ran it."
)
NEARBY = "Police seized 300 kilos of cocaine in Rosario, where Los Monos and the PCC compete for the market."
DESCARTARON = "Las fuerzas federales hallaron 800 kilos de cocaína. Los fiscales descartaron vínculos con el PCC."
NOT_TIED = "Police seized 800 kilos of cocaine in the port. Police have not tied that load to any group."
# Ties stated a paragraph or two after the loads they are about.
LAB_LATER = (
    "CULIACAN, Sinaloa (Agencia) — Soldados aseguraron un narcolaboratorio en Cosalá. En el sitio hallaron 450 kilos "
    "de metanfetamina, 200 litros de precursores y 1.500 kilos de insumos sólidos.\n\n"
    "Los militares detuvieron a tres personas.\n\n"
    "La organización que operaba el sitio responde a Los Chapitos, según la Fiscalía."
)
ATTRIBUTED_LATER = (
    "GUAYAQUIL (Agencia) — La Policía decomisó 1,2 toneladas de cocaína en un contenedor.\n\n"
    "Según los investigadores, la droga fue atribuida a Los Tiguerones."
)
CONTROLLED_BY = "Police seized 700 kilos of cocaine in a truck. Investigators said the load was controlled by Los Lobos."
PERTENCIA = "A polícia apreendeu 2 toneladas de cocaína em Salvador. A droga pertencia ao Bonde do Maluco, segundo a PF."
THE_DRUGS = (
    "Soldiers seized 1,500 pounds of methamphetamine and 200,000 fentanyl pills in a warehouse in Tijuana. "
    "Officials said the drugs were linked to the Sinaloa Cartel."
)
# A group named only where its presence is denied is not tied, and a denial leaves other ties alone.
DENIED = (
    "VALENCIA, Venezuela (Agencia) — La Guardia Nacional incautó 340 kilos de marihuana cerca de Valencia, Carabobo.\n\n"
    "El gobierno negó que el Tren de Aragua opere en el estado y que la droga pertenezca a esa banda."
)
DENIED_OTHER = (
    "Police seized 600 kilos of cocaine in Guayaquil. The load belonged to Los Choneros. "
    "Officials denied that the cargo was linked to the Sinaloa Cartel."
)

# A later sentence that says whose the load was (`the shipment was intended for`, `el cargamento
# era del`, `a droga era do`) ties the group to the load it refers to, the last one before it.
LOAD_OWNERS = [
    (
        "Marines seized 900 kilos of cocaine off Manzanillo on Sunday. Navy officials said the shipment was "
        "intended for the Jalisco New Generation Cartel.",
        [(900.0, ["Jalisco New Generation Cartel (CJNG)"])],
    ),
    (
        "Agentes federales decomisaron 700 kilos de cocaína en un tractocamión en Reynosa. Según la Fiscalía, "
        "el cargamento era del Cártel del Noreste.",
        [(700.0, ["Cartel del Noreste (CDN)"])],
    ),
    (
        "La Gendarmería secuestró 400 kilos de marihuana en Salta. En otro operativo, los agentes hallaron "
        "300 kilos de cocaína en Jujuy. La droga era de Los Monos, según los investigadores.",
        [(400.0, []), (300.0, ["Los Monos"])],
    ),
    (
        "A Polícia Federal apreendeu 1,1 tonelada de cocaína no porto de Santos. A carga era do Primeiro Comando "
        "da Capital, segundo os investigadores.",
        [(1100.0, ["PCC (Primeiro Comando da Capital)"])],
    ),
]
# Saying nothing of a group, or that none is known, ties nothing.
NO_LOAD_OWNER = [
    "La Policía incautó 1,5 toneladas de cocaína en Turbo. La droga era de alta pureza, según los peritos.",
    "La Policía incautó 1,5 toneladas de cocaína en Turbo. No se ha determinado a qué grupo pertenecía la droga.",
    "Police seized 800 kilos of cocaine in Callao. Officials did not say who owned the drugs.",
]
# A load found at the site of a lab or site the text says a group ran is that group's too.
SITE_LOADS = [
    (
        "Soldados desmantelaron un narcolaboratorio operado por una célula de Los Chapitos en Cosalá, donde "
        "aseguraron 300 kilos de metanfetamina. En el sitio también se localizaron 3 mil litros de precursores.",
        [["Los Chapitos"], ["Los Chapitos"]],
    ),
    (
        "Troops raided a clandestine lab run by the Sinaloa Cartel near Culiacán and seized 400 kilos of "
        "methamphetamine.\n\nAt the site, soldiers also found 1,200 liters of precursor chemicals and 50 kilos "
        "of fentanyl.",
        [["Sinaloa Cartel"]] * 3,
    ),
]
# Not when the site's load is no group's, the load is of another operation, or its own sentence says no group is known.
NOT_SITE_LOADS = [
    (
        "Soldados aseguraron 300 kilos de metanfetamina en un rancho de Cosalá. En el lugar también se "
        "hallaron 500 litros de precursores.",
        [[], []],
    ),
    (
        "Soldados desmantelaron un narcolaboratorio operado por Los Chapitos, donde aseguraron 300 kilos de "
        "metanfetamina.\n\nEn otro operativo, en Sonora, militares hallaron en el lugar 90 kilos de cocaína.",
        [["Los Chapitos"], []],
    ),
    (
        "Troops raided a lab run by the Sinaloa Cartel and seized 400 kilos of methamphetamine. At the site, "
        "soldiers also found 20 kilos of cocaine; officials did not say which group owned it.",
        [["Sinaloa Cartel"], []],
    ),
]


@pytest.fixture(scope="module")
def batch():
    return Batch(
        [text for text, _ in SAME_SENTENCE] + [
            LATER_SHIPMENT, LATER_PILLS, LATER_BOTH, SAME_GROUP, MISMA_ESTRUCTURA, LA_GUERRILLA, LEAD_TIE, LAB,
            DOMINANT, NEARBY, DESCARTARON, NOT_TIED, LAB_LATER, ATTRIBUTED_LATER, CONTROLLED_BY, PERTENCIA, DENIED,
            DENIED_OTHER, THE_DRUGS, *NO_LOAD_OWNER,
        ] + [text for text, _ in LOAD_OWNERS + SITE_LOADS + NOT_SITE_LOADS]
    )


def tied(rows):
    return [(r["quantity_kg"] or r["quantity_units"], r["actors"]) for r in rows]


@pytest.mark.parametrize(("text", "actor"), SAME_SENTENCE)
def test_ties_in_the_same_sentence(batch, text, actor):
    assert tied(batch.seizures(text)) == [(500.0, [actor])]


def test_ties_in_a_later_sentence_go_to_the_load_they_talk_about(batch):
    assert tied(batch.seizures(LATER_SHIPMENT)) == [(500.0, ["Los Choneros"])]
    assert tied(batch.seizures(LATER_PILLS)) == [(90000, ["Los Chapitos"]), (20.0, [])]
    assert tied(batch.seizures(LATER_BOTH)) == [(700.0, ["Sinaloa Cartel"]), (300.0, ["Sinaloa Cartel"])]


def test_back_references_resolve_to_the_last_named_group(batch):
    assert tied(batch.seizures(SAME_GROUP)) == [(200.0, ["Tren de Aragua"])]
    assert tied(batch.seizures(MISMA_ESTRUCTURA)) == [(900.0, ["Gulf Clan (Clan del Golfo)"])]
    assert tied(batch.seizures(LA_GUERRILLA)) == [(4000.0, ["ELN"])]


def test_a_lead_that_ties_a_group_to_the_operation_ties_the_first_seizure(batch):
    assert tied(batch.seizures(LEAD_TIE)) == [(1500.0, ["Jalisco New Generation Cartel (CJNG)"])]


def test_a_lab_statement_covers_everything_found_in_that_operation(batch):
    assert [r["actors"] for r in batch.seizures(LAB)] == [["Los Chapitos"]] * 3 + [[]]


def test_nearby_or_dominant_groups_are_not_tied(batch):
    assert tied(batch.seizures(DOMINANT)) == [(300.0, [])]
    assert tied(batch.seizures(NEARBY)) == [(300.0, [])]


def test_negations_clear_ties(batch):
    assert tied(batch.seizures(DESCARTARON)) == [(800.0, [])]
    assert tied(batch.seizures(NOT_TIED)) == [(800.0, [])]


def test_a_tie_a_paragraph_later_reaches_every_load_of_the_operation(batch):
    assert [r["actors"] for r in batch.seizures(LAB_LATER)] == [["Los Chapitos"]] * 3
    assert tied(batch.seizures(ATTRIBUTED_LATER)) == [(1200.0, ["Los Tiguerones"])]
    assert tied(batch.seizures(CONTROLLED_BY)) == [(700.0, ["Los Lobos"])]
    assert tied(batch.seizures(PERTENCIA)) == [(2000.0, ["Bonde do Maluco"])]
    assert [r["actors"] for r in batch.seizures(THE_DRUGS)] == [["Sinaloa Cartel"]] * 2


def test_denials_are_not_ties(batch):
    assert tied(batch.seizures(DENIED)) == [(340.0, [])]
    assert tied(batch.seizures(DENIED_OTHER)) == [(600.0, ["Los Choneros"])]


@pytest.mark.parametrize(("text", "expected"), LOAD_OWNERS)
def test_a_later_sentence_saying_whose_the_load_was_ties_the_load_it_refers_to(batch, text, expected):
    assert tied(batch.seizures(text)) == expected


@pytest.mark.parametrize("text", NO_LOAD_OWNER)
def test_a_load_said_to_be_of_no_known_group_is_not_tied(batch, text):
    assert [r["actors"] for r in batch.seizures(text)] == [[]]


@pytest.mark.parametrize(("text", "expected"), SITE_LOADS + NOT_SITE_LOADS)
def test_a_load_found_at_the_site_takes_the_group_that_ran_the_site(batch, text, expected):
    assert [r["actors"] for r in batch.seizures(text)] == expected
