"""Seizures: what counts, drugs, quantities, merges, restatements, totals and records."""

import pytest


def summary(rows: list[dict]) -> list[tuple]:
    return [(r["drug"], r["quantity_kg"], r["quantity_units"], r["quantity_litres"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police seized 1,350 kilos of cocaine at the port.", [("cocaine", 1350.0, None, None)]),
        ("Customs officers found 42 kilograms of heroin in a suitcase.", [("heroin", 42.0, None, None)]),
        ("Troops intercepted a boat carrying three tons of cocaine.", [("cocaine", 3000.0, None, None)]),
        ("Agents confiscated 800 pounds of marijuana and 12 lbs of meth.", [("cannabis", 362.88, None, None), ("methamphetamine", 5.4432, None, None)]),
        ("La Policía incautó 2,5 toneladas de clorhidrato de cocaína.", [("cocaine", 2500.0, None, None)]),
        ("Militares aseguraron 540 kilos de metanfetamina en un rancho.", [("methamphetamine", 540.0, None, None)]),
        ("La Armada decomisó 1.200 kilos de marihuana y 300 gramos de heroína.", [("cannabis", 1200.0, None, None), ("heroin", 0.3, None, None)]),
        ("Gendarmes secuestraron 95 kilos de cocaína en un camión.", [("cocaine", 95.0, None, None)]),
        ("Agentes hallaron 6 mil 500 pastillas de fentanilo.", [("fentanyl", None, 6500, None)]),
        ("Inspectors discovered 400 kg of cocaine base paste.", [("cocaine", 400.0, None, None)]),
        ("Police recovered 90 kilos of crack cocaine.", [("cocaine", 90.0, None, None)]),
        ("Se localizaron 70 kilos de pasta base de cocaína.", [("cocaine", 70.0, None, None)]),
        ("Officers seized 2 tons of hashish and 500 kg of cannabis resin.", [("cannabis", 2000.0, None, None), ("cannabis", 500.0, None, None)]),
        ("La policía incautó 1,2 kilos de tusi, la llamada cocaína rosa.", [("other", 1.2, None, None)]),
        ("Police seized 25,000 ecstasy pills.", [("other", None, 25000, None)]),
        ("Soldiers found 20 tons of chemical inputs and 4 tons of cement.", [("precursors", 20000.0, None, None), ("precursors", 4000.0, None, None)]),
        ("El Ejército decomisó 900 kilos de insumos sólidos y 30 toneladas de urea.", [("precursors", 900.0, None, None), ("precursors", 30000.0, None, None)]),
        ("Se aseguraron 45 kilos de cristal.", [("methamphetamine", 45.0, None, None)]),
        ("Marines seized 2,600 litres of precursor chemicals.", [("precursors", None, None, 2600.0)]),
        ("Soldados encontraron 3.000 galones de insumos líquidos.", [("precursors", None, None, 11355.0)]),
        ("The 2,000 kilos of cocaine were seized on Monday.", [("cocaine", 2000.0, None, None)]),
    ],
)
def test_seizures_in_both_languages(seizures, text, expected):
    assert summary(seizures(text)) == [(d, pytest.approx(k) if k else k, u, pytest.approx(l) if l else l) for d, k, u, l in expected]


def test_the_drug_refers_back_to_the_last_named_drug(seizures):
    rows = seizures("Police said cocaine smuggling was rising. On Friday they seized 600 kilos of the drug.")
    assert summary(rows) == [("cocaine", 600.0, None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The region could produce 400 tons of cocaine per year, the report estimated.",
        "Each lab is capable of producing 200 kg of methamphetamine a week.",
        "Farmers grow coca on 12,000 hectares, and a kilo of cocaine sells for US$ 2,000.",
        "Un kilo de cocaína se paga a 9.000 dólares en el puerto; el gramo cuesta 20 dólares.",
        "The network moved US $3,400,000 and paid 500 pesos per gram.",
        "At least 310 people died of overdoses and the boss got 30 years in prison.",
        "The agency's budget is US$ 90 million, and the patrol covered 400 kilometres and 80 nautical miles.",
        "Purity rose 12%, police destroyed 230 laboratories and arrested 400 people in 20 containers.",
        "Authorities have seized more than 80 tons of cocaine so far this year.",
        "En lo que va del año se han decomisado 45 toneladas de cocaína.",
        "Prosecutors say the group trafficked 20 tons of cocaine to Europe.",
        "El acusado admitió haber coordinado el envío de 5 toneladas de cocaína.",
        "A semi-submersible can carry up to 9 tons of cocaine.",
        "Las avionetas, con cargas de hasta 500 kilos de cocaína, cruzan la frontera.",
        "El juez ordenó el decomiso de bienes por 12 millones de dólares.",
        "Soldiers found unspecified quantities of marijuana and several weapons.",
        "Police seized 5 tons of drugs, officials said.",
    ],
)
def test_things_that_are_never_seizures(seizures, text):
    assert seizures(text) == []


def test_a_count_and_a_weight_of_one_load_make_one_seizure(seizures):
    rows = seizures("Marines found 1,100 bricks of cocaine weighing 1,300 kg in a truck.")
    assert summary(rows) == [("cocaine", 1300.0, 1100, None)]
    assert rows[0]["unit_type"] == "bricks"
    assert "count-weight-merge" in rows[0]["rule"]
    rows = seizures("Gendarmes hallaron 820 paquetes con unos 900 kilos de cocaína.")
    assert summary(rows) == [("cocaine", 900.0, 820, None)]
    rows = seizures("La Guardia Civil aprehendió dos toneladas de hachís, repartidas en 70 fardos, en una playa.")
    assert summary(rows) == [("cannabis", 2000.0, 70, None)]


def test_one_weight_in_two_units_is_one_seizure(seizures):
    rows = seizures("Agents seized 1,100 pounds (500 kilograms) of methamphetamine.")
    assert len(rows) == 1 and rows[0]["quantity_kg"] == pytest.approx(498.96)


def test_a_count_or_weight_in_the_next_sentence_completes_the_seizure(seizures):
    rows = seizures(
        "Border agents found 250,000 fentanyl pills in a bus. The tablets, hidden in boxes, weighed about 30 kilos."
    )
    assert summary(rows) == [("fentanyl", 30.0, 250000, None)]
    assert "restatement-units-merge" in rows[0]["rule"]
    rows = seizures(
        "Police seized 1,900 kilos of cocaine in Callao. The shipment, split into 1,700 packages, was bound for Spain."
    )
    assert summary(rows) == [("cocaine", 1900.0, 1700, None)]
    rows = seizures(
        "La Policía incautó 2 toneladas de cocaína en Santa Marta. Los 1.800 paquetes de cocaína pertenecían al Clan del Golfo."
    )
    assert summary(rows) == [("cocaine", 2000.0, 1800, None)]


def test_a_restated_seizure_counts_once(seizures):
    rows = seizures(
        "Police seized 3,100 kilos of cocaine in Guayaquil on Friday. The 3,100 kilos found in the port will be burned."
    )
    assert summary(rows) == [("cocaine", 3100.0, None, None)]
    rows = seizures(
        "La Prefectura halló media tonelada de marihuana en una barcaza. La media tonelada de marihuana será incinerada."
    )
    assert summary(rows) == [("cannabis", 500.0, None, None)]
    rows = seizures(
        "Soldados aseguraron 5 mil dosis de fentanilo en Culiacán. Las 5 mil dosis aseguradas tendrían un valor de un millón de pesos."
    )
    assert summary(rows) == [("fentanyl", None, 5000, None)]


def test_the_headline_repeats_the_body(seizures):
    rows = seizures(
        "LIMA (Wire) — Police found 2,050 kilos of cocaine in a container at Callao.",
        headline="Peru seizes 2 tons of cocaine in Callao",
    )
    assert summary(rows) == [("cocaine", 2050.0, None, None)]


def test_totals_of_listed_seizures_are_not_seizures(seizures):
    rows = seizures(
        "Navy units seized a combined 4 tonnes of cocaine in two operations. In the first, marines found 2,500 kg "
        "in a container. In the second, they found 1,500 kg of cocaine on a boat.",
        headline="Navy seizes 4 tonnes of cocaine",
    )
    assert sorted(r["quantity_kg"] for r in rows) == [1500.0, 2500.0]
    rows = seizures(
        "Police seized 700 kilos of cocaine in Antwerp and 900 kilos of cocaine in Rotterdam. "
        "The two seizures, which together total 1.6 tonnes, were linked."
    )
    assert sorted(r["quantity_kg"] for r in rows) == [700.0, 900.0]
    rows = seizures(
        "Las fuerzas federales secuestraron en total 1,5 toneladas de cocaína en dos procedimientos: "
        "600 kilos de cocaína hallados en Salta y 900 kilos de cocaína hallados en Jujuy."
    )
    assert sorted(r["quantity_kg"] for r in rows) == [600.0, 900.0]


def test_seizures_adding_up_by_chance_are_kept(seizures):
    rows = seizures(
        "Police seized 3 tons of cocaine at the port on Monday. Later, officers found 1 ton of cocaine in a warehouse "
        "and 2 tons of cocaine in a truck."
    )
    assert sorted(r["quantity_kg"] for r in rows) == [1000.0, 2000.0, 3000.0]


def test_a_past_record_is_a_seizure(seizures):
    rows = seizures(
        "Marines found 800 kg of cocaine in Cartagena. The previous record in the port was set in 2019, when "
        "the Navy found 6.2 tonnes of cocaine aboard a ship."
    )
    assert sorted(r["quantity_kg"] for r in rows) == [800.0, 6200.0]
    rows = seizures("El récord sigue siendo el alijo de 9,3 toneladas de cocaína intervenido en 2021 en Algeciras.")
    assert summary(rows) == [("cocaine", 9300.0, None, None)]


def test_approximate_figures_are_flagged_and_written_text_kept(seizures):
    rows = seizures("Agents seized nearly 70 pounds of fentanyl and exactly 20 kilos of heroin.")
    assert [(r["is_approximate"], r["quantity_text"]) for r in rows] == [(True, "nearly 70 pounds"), (False, "exactly 20 kilos")]
    rows = seizures("Se decomisaron más de 300 kilos de cocaína líquida.")
    assert rows[0]["is_approximate"] is True
    assert rows[0]["drug_form"] == "cocaína líquida"


def test_a_seizure_of_the_drug_in_a_sentence_with_a_production_figure(seizures):
    rows = seizures(
        "Soldiers dismantled a lab able to make 500 kg of methamphetamine a week and seized 1.2 tons of methamphetamine."
    )
    assert summary(rows) == [("methamphetamine", 1200.0, None, None)]


def test_the_largest_seizure_so_far_this_year_is_a_seizure(seizures):
    rows = seizures(
        "Agentes intervinieron 3.200 kilos de cocaína en el puerto, la mayor aprehensión en lo que va de año."
    )
    assert summary(rows) == [("cocaine", 3200.0, None, None)]
