"""Which groups the text ties to each load: statements, back-references, referents, negations."""


def tied(rows):
    return [(r["quantity_kg"] or r["quantity_units"], r["actors"]) for r in rows]


def test_ties_in_the_same_sentence(seizures):
    assert tied(seizures("Police seized 500 kilos of cocaine belonging to the Gulf Clan.")) == [(500.0, ["Gulf Clan (Clan del Golfo)"])]
    assert tied(seizures("Se decomisaron 500 kilos de cocaína pertenecientes al ELN.")) == [(500.0, ["ELN"])]
    assert tied(seizures("La Marina aseguró 500 kilos de cocaína, cargamento atribuido al CJNG.")) == [(500.0, ["Jalisco New Generation Cartel (CJNG)"])]
    assert tied(seizures("Officers found 500 kilos of marijuana bound for Comando Vermelho.")) == [(500.0, ["Comando Vermelho"])]
    assert tied(seizures("Policía incauta 500 kilos de cocaína del Clan del Golfo.")) == [(500.0, ["Gulf Clan (Clan del Golfo)"])]


def test_ties_in_a_later_sentence_go_to_the_load_they_talk_about(seizures):
    rows = seizures(
        "Agents seized 500 kilos of cocaine in a truck. Prosecutors said the shipment belonged to Los Choneros."
    )
    assert tied(rows) == [(500.0, ["Los Choneros"])]
    rows = seizures(
        "Border officers found 90,000 fentanyl pills in a car. They also found 20 kilos of methamphetamine. "
        "The pills were traced to a network run by Los Chapitos."
    )
    assert tied(rows) == [(90000, ["Los Chapitos"]), (20.0, [])]
    rows = seizures(
        "Marines found 700 kg of cocaine in a container. Hours later they found 300 kg of cocaine in a truck. "
        "Officials attributed both loads to the Sinaloa Cartel."
    )
    assert tied(rows) == [(700.0, ["Sinaloa Cartel"]), (300.0, ["Sinaloa Cartel"])]


def test_back_references_resolve_to_the_last_named_group(seizures):
    rows = seizures(
        "Investigators say the Tren de Aragua runs the route. Police seized 200 kilos of cocaine, which was linked to the same group."
    )
    assert tied(rows) == [(200.0, ["Tren de Aragua"])]
    rows = seizures(
        "Las AGC controlan la zona. Se hallaron 900 kilos de cocaína. Los investigadores atribuyeron ese cargamento "
        "a la misma estructura criminal."
    )
    assert tied(rows) == [(900.0, ["Gulf Clan (Clan del Golfo)"])]
    rows = seizures(
        "El ELN y el Clan del Golfo operan en la región. Los militares hallaron 4 toneladas de cemento que iban a ser "
        "usadas por la guerrilla."
    )
    assert tied(rows) == [(4000.0, ["ELN"])]


def test_a_lead_that_ties_a_group_to_the_operation_ties_the_first_seizure(seizures):
    rows = seizures(
        "Officials said the CJNG orchestrated a trafficking operation through the port.\n\n"
        "The revelations follow the seizure of 1,500 kilos of cocaine in Lázaro Cárdenas."
    )
    assert tied(rows) == [(1500.0, ["Jalisco New Generation Cartel (CJNG)"])]


def test_a_lab_statement_covers_everything_found_in_that_operation(seizures):
    rows = seizures(
        "Soldados aseguraron 2 mil dosis de fentanilo y 400 litros de precursores en un laboratorio. "
        "En el inmueble también se localizaron 15 kilos de metanfetamina. "
        "La Fiscalía atribuyó el laboratorio a Los Chapitos.\n\n"
        "En un operativo distinto, militares localizaron 90 kilos de metanfetamina."
    )
    assert [r["actors"] for r in rows] == [["Los Chapitos"]] * 3 + [[]]


def test_nearby_or_dominant_groups_are_not_tied(seizures):
    rows = seizures(
        "The Sinaloa Cartel has long dominated the area. Soldiers found 300 kilos of methamphetamine in a ranch; "
        "officials did not say which group ran it."
    )
    assert tied(rows) == [(300.0, [])]
    rows = seizures(
        "Police seized 300 kilos of cocaine in Rosario, where Los Monos and the PCC compete for the market."
    )
    assert tied(rows) == [(300.0, [])]


def test_negations_clear_ties(seizures):
    rows = seizures(
        "Las fuerzas federales hallaron 800 kilos de cocaína. Los fiscales descartaron vínculos con el PCC."
    )
    assert tied(rows) == [(800.0, [])]
    rows = seizures(
        "Police seized 800 kilos of cocaine in the port. Police have not tied that load to any group."
    )
    assert tied(rows) == [(800.0, [])]
