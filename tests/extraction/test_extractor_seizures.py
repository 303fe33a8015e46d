"""Seizures: what counts, drugs, quantities, merges, restatements, totals and records."""

import pytest
from extraction_helpers import Batch

SEIZURES = [
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
    ("Police said cocaine smuggling was rising. On Friday they seized 600 kilos of the drug.", [("cocaine", 600.0, None, None)]),
    ("Agents seized 1,100 pounds (500 kilograms) of methamphetamine.", [("methamphetamine", 498.96, None, None)]),
    (
        "Soldiers dismantled a lab able to make 500 kg of methamphetamine a week and seized 1.2 tons of methamphetamine.",
        [("methamphetamine", 1200.0, None, None)],
    ),
    (
        "Agentes intervinieron 3.200 kilos de cocaína en el puerto, la mayor aprehensión en lo que va de año.",
        [("cocaine", 3200.0, None, None)],
    ),
    ("Federal police arrested four people with 300 kilos of marijuana.", [("cannabis", 300.0, None, None)]),
    ("Fue detenido con 2 kilos de cocaína en una maleta.", [("cocaine", 2.0, None, None)]),
    ("MIAMI (Wire) — Agents found a combined 500 kilos of cocaine in a yacht's hull.", [("cocaine", 500.0, None, None)]),
    ("La Policía decomisó 150 kilos de cocaína y 30 de marihuana.", [("cocaine", 150.0, None, None), ("cannabis", 30.0, None, None)]),
    ("A Polícia Federal apreendeu 1,2 tonelada de cocaína e 800 quilos de maconha.", [("cocaine", 1200.0, None, None), ("cannabis", 800.0, None, None)]),
    # passives, nouns of seizure, Portuguese, large counts, units as wire and local press write them
    ("About 2,000 kilos of cocaine were seized by the Navy off Oaxaca on Monday.", [("cocaine", 2000.0, None, None)]),
    ("A shipment of 600 kilos of cocaine was intercepted in Colombia.", [("cocaine", 600.0, None, None)]),
    ("Police made a haul of 3 tonnes of cocaine in Valencia.", [("cocaine", 3000.0, None, None)]),
    ("El decomiso de 800 kilos de cocaína se realizó en el puerto.", [("cocaine", 800.0, None, None)]),
    ("A apreensão de 2,3 toneladas de cocaína ocorreu no porto de Paranaguá.", [("cocaine", 2300.0, None, None)]),
    ("Foram apreendidos 450 quilos de pasta base e 30 tabletes de maconha.", [("cocaine", 450.0, None, None), ("cannabis", None, 30, None)]),
    ("Police seized 1.5 million methamphetamine pills.", [("methamphetamine", None, 1_500_000, None)]),
    ("Agents seized 2 million doses of fentanyl.", [("fentanyl", None, 2_000_000, None)]),
    ("La policía decomisó medio millón de pastillas de éxtasis.", [("other", None, 500_000, None)]),
    ("Police seized 3,5 tonnes of cocaine in Le Havre.", [("cocaine", 3500.0, None, None)]),
    ("Marines seized 5 metric tons of cocaine.", [("cocaine", 5000.0, None, None)]),
    ("Se incautaron 2 toneladas métricas de cocaína.", [("cocaine", 2000.0, None, None)]),
    ("Agents seized 1,100 lbs. of marijuana in Arizona.", [("cannabis", 498.96, None, None)]),
    ("The Coast Guard seized 3,000 lbs. (1,360 kg) of cocaine.", [("cocaine", 1360.8, None, None)]),
    ("Agents seized 500 kilograms (1,100 pounds) of cocaine.", [("cocaine", 500.0, None, None)]),
    ("Officers seized 45 kilos of cocaine, or about 99 pounds, at the airport.", [("cocaine", 45.0, None, None)]),
    # Dominican `ocupar`, Argentine and Bolivian `secuestrar`, Portuguese `apreender` in the present of headlines
    ("La DNCD ocupó 1,040 paquetes de cocaína en una embarcación.", [("cocaine", None, 1040, None)]),
    ("DNCD ocupa 500 kilos de cocaína en Boca Chica.", [("cocaine", 500.0, None, None)]),
    ("Efectivos de la Felcn secuestraron 400 kilos de marihuana en Yacuiba.", [("cannabis", 400.0, None, None)]),
    ("Polícia Federal apreende 2 toneladas de cocaína no porto de Santos.", [("cocaine", 2000.0, None, None)]),
]
# A range is its lower bound (the figure the text commits to, as `more than 2 tons` is 2 tons), approximate.
RANGES = [
    ("Police seized between 2 and 3 tons of cocaine in Guayaquil.", 2000.0, "between 2 and 3 tons"),
    ("La Armada incautó entre 400 y 500 kilos de cocaína.", 400.0, "entre 400 y 500 kilos"),
    ("Agents found 20-25 kilos of heroin in the car.", 20.0, "20-25 kilos"),
    ("Foram apreendidas entre duas e três toneladas de maconha.", 2000.0, "entre duas e três toneladas"),
]
NEVER_SEIZURES = [
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
    "La banda ocupa el primer lugar en el tráfico de la zona y vendió 30 kilos de cocaína.",
    "A semi-submersible can carry up to 9 tons of cocaine.",
    "Las avionetas, con cargas de hasta 500 kilos de cocaína, cruzan la frontera.",
    "El juez ordenó el decomiso de bienes por 12 millones de dólares.",
    "Soldiers found unspecified quantities of marijuana and several weapons.",
    "Police seized 5 tons of drugs, officials said.",
    "Colombia's cocaine seizures totaled 650 tons last year, according to official data.",
    "Las autoridades incineraron 5 toneladas de marihuana decomisada en los últimos meses.",
    "Honduran police say they seized 4.2 tons of cocaine last year, down from 6 tons in 2021.",
]
# Figures framed by a period: a year or part of one with a scope, a sum or no single event.
PERIOD_TOTALS = [
    "Border officers seized more than 14,000 pounds of fentanyl in fiscal year 2022.",
    "Dutch customs seized about 60 tonnes of cocaine in total last year, the highest annual figure on record.",
    "En 2022, las autoridades incautaron más de 150 toneladas de cocaína.",
    "En 2023 la Policía Federal secuestró 12 toneladas de marihuana y 4 toneladas de cocaína en todo el país.",
    "Se han asegurado 1.9 toneladas de metanfetamina en los primeros seis meses del año.",
    "Em 2023, a Receita Federal apreendeu 31 toneladas de cocaína nos portos.",
    "No ano passado, a polícia apreendeu 70 toneladas de maconha em todo o país.",
    "Last year, officers seized 2.4 tons of heroin nationwide.",
    "The navy seized 1.3 tons of methamphetamine during the first half of 2023.",
    "El año pasado la Armada decomisó 48 toneladas de cocaína.",
    "Navy forces seized a total of 45 tons of cocaine in 2022.",
    "Durante el primer semestre, la Guardia Nacional aseguró 800 kilos de fentanilo.",
    # totals since a month or year, or over the past year
    "Mexico's government says it has seized more than 30 tons of cocaine since October.",
    "Desde enero, la Armada ha decomisado más de 25 toneladas de cocaína.",
    "Desde 2019 la Policía Nacional ha incautado 90 toneladas de marihuana en la frontera.",
    "In the past year, the Coast Guard seized 40 tons of cocaine in the eastern Pacific.",
    "En el último año, la policía incautó 18 toneladas de marihuana.",
    "A Receita Federal apreendeu 20 toneladas de cocaína desde janeiro.",
    "Customs have seized 9 tonnes of cocaine this year alone.",
]
# A year frames these figures too, but each is one seizure.
YEAR_FRAMED_SEIZURES = [
    ("In 2021, marines found 5 tons of cocaine aboard a ship in Cartagena.", 5000.0),
    ("Police seized 500 kilos of cocaine in Callao in 2022, the largest seizure that year.", 500.0),
    ("En 2019, la Policía halló 2 toneladas de cocaína en un contenedor en el puerto de Buenaventura.", 2000.0),
    ("Earlier this year, agents seized 300 kilos of cocaine at the port.", 300.0),
    ("In March 2020, police seized 4 tonnes of cocaine in Santos.", 4000.0),
    ("Em 2020, a PF apreendeu 2 toneladas de cocaína em um navio no porto de Paranaguá.", 2000.0),
    ("In 2019, Panamanian police found 3.8 tonnes of cocaine in the port of Colón, a record for the country.", 3800.0),
]
COUNT_WITH_WEIGHT = "Marines found 1,100 bricks of cocaine weighing 1,300 kg in a truck."
COUNT_CON_WEIGHT = "Gendarmes hallaron 820 paquetes con unos 900 kilos de cocaína."
BAGS_WITH_WEIGHT = "Militares aseguraron 18 bolsas con metanfetamina, con un peso aproximado de 9 kilogramos."
WEIGHT_IN_BALES = "La Guardia Civil aprehendió dos toneladas de hachís, repartidas en 70 fardos, en una playa."
WEIGHED_LATER = "Border agents found 250,000 fentanyl pills in a bus. The tablets, hidden in boxes, weighed about 30 kilos."
SPLIT_LATER = "Police seized 1,900 kilos of cocaine in Callao. The shipment, split into 1,700 packages, was bound for Spain."
PACKAGES_LATER = (
    "La Policía incautó 2 toneladas de cocaína en Santa Marta. Los 1.800 paquetes de cocaína pertenecían al Clan del Golfo."
)
RESTATED = "Police seized 3,100 kilos of cocaine in Guayaquil on Friday. The 3,100 kilos found in the port will be burned."
RESTATED_HALF = "La Prefectura halló media tonelada de marihuana en una barcaza. La media tonelada de marihuana será incinerada."
RESTATED_DOSES = (
    "Soldados aseguraron 5 mil dosis de fentanilo en Culiacán. "
    "Las 5 mil dosis aseguradas tendrían un valor de un millón de pesos."
)
HEADLINE_REPEATS = (
    "LIMA (Wire) — Police found 2,050 kilos of cocaine in a container at Callao.",
    "Peru seizes 2 tons of cocaine in Callao",
)
COMBINED_TOTAL = (
    "Navy units seized a combined 4 tonnes of cocaine in two operations. In the first, marines found 2,500 kg "
    "in a container. In the second, they found 1,500 kg of cocaine on a boat.",
    "Navy seizes 4 tonnes of cocaine",
)
TOGETHER_TOTAL = (
    "Police seized 700 kilos of cocaine in Antwerp and 900 kilos of cocaine in Rotterdam. "
    "The two seizures, which together total 1.6 tonnes, were linked."
)
EN_TOTAL = (
    "Las fuerzas federales secuestraron en total 1,5 toneladas de cocaína en dos procedimientos: "
    "600 kilos de cocaína hallados en Salta y 900 kilos de cocaína hallados en Jujuy."
)
SUM_BY_CHANCE = (
    "Police seized 3 tons of cocaine at the port on Monday. Later, officers found 1 ton of cocaine in a warehouse "
    "and 2 tons of cocaine in a truck."
)
RECORD = (
    "Marines found 800 kg of cocaine in Cartagena. The previous record in the port was set in 2019, when "
    "the Navy found 6.2 tonnes of cocaine aboard a ship."
)
RECORD_ES = "El récord sigue siendo el alijo de 9,3 toneladas de cocaína intervenido en 2021 en Algeciras."
# Records written as known figures (`remains the …`), their drug left to the article.
RECORDS = [
    (
        "Marines seized 600 kilos of cocaine in Cartagena on Monday. The port's record remains the 8.3 tons seized "
        "in 2020.", [600.0, 8300.0],
    ),
    (
        "Police found 200 kg of cocaine in Guayaquil.\n\nThe country's biggest haul remains the 9.2 tonnes of powder "
        "that police found in a warehouse in 2022.", [200.0, 9200.0],
    ),
    (
        "Customs seized 500 kg of cocaine in Antwerp. The largest seizure in Europe remains the 12.4 tonnes found "
        "aboard a container ship in the port of Hamburg in 2021.", [500.0, 12400.0],
    ),
    (
        "A PF apreendeu 300 quilos de cocaína em Santos. O recorde continua sendo o de 3,9 toneladas de cocaína "
        "apreendidas em Paranaguá.", [300.0, 3900.0],
    ),
]
HEADLINE_BOUND = (
    "MORELIA (Agencia) .- Marinos aseguraron 1,150 kilogramos de cocaína en el puerto de Lázaro Cárdenas.",
    "Aseguran más de una tonelada de cocaína en Michoacán",
)
APPROXIMATE = "Agents seized nearly 70 pounds of fentanyl and exactly 20 kilos of heroin."
DRUG_FORM = "Se decomisaron más de 300 kilos de cocaína líquida."


# The drug left to the reader: named in an earlier paragraph, or `the same drug`.
IMPLIED_DRUG = [
    (
        "ROTTERDAM (Wire) — Dutch customs officers seized 2,300 kilos of cocaine hidden in bananas on Tuesday.\n\n"
        "On Wednesday, they found a further 1,450 kilos in two reefer containers.",
        [("cocaine", 1450.0, "NL"), ("cocaine", 2300.0, "NL")],
    ),
    (
        "La Policía halló 900 kilos de cocaína en un camión en Santa Cruz. En otro operativo, los agentes "
        "encontraron alrededor de 600 kilos de la misma droga en una avioneta.",
        [("cocaine", 600.0, "BO"), ("cocaine", 900.0, "BO")],
    ),
    (
        "Agentes da PF apreenderam 400 quilos de maconha em Foz do Iguaçu. Na mesma operação, encontraram mais "
        "120 quilos da mesma droga.",
        [("cannabis", 120.0, "BR"), ("cannabis", 400.0, "BR")],
    ),
    (
        "Cocaine trafficking through the port has grown sharply. On Monday, police seized 500 kilos in a container "
        "in Guayaquil.",
        [("cocaine", 500.0, "EC")],
    ),
]
# A record quoted without its drug is compared with the article's main seizure, whatever drug
# the article named in between; a bare figure that is no record keeps the nearest drug.
RECORD_AFTER_ANOTHER_DRUG = [
    (
        "Customs officers seized 2.1 tonnes of cocaine hidden in bananas at the port of Guayaquil on Tuesday. "
        "Police also found 300 kilos of marijuana in a truck. The previous record at the port, 6.5 tonnes found "
        "in a shipment of bananas in 2020, still stands.",
        [("cocaine", 2100.0), ("cannabis", 300.0), ("cocaine", 6500.0)],
    ),
    (
        "La Guardia Civil intervino 3 toneladas de cocaína en el puerto de Algeciras. En la misma operación se "
        "aprehendieron 800 kilos de hachís. El mayor decomiso en el puerto sigue siendo el de 4,2 toneladas "
        "halladas en un buque en 2019.",
        [("cocaine", 3000.0), ("cannabis", 800.0), ("cocaine", 4200.0)],
    ),
    (
        "La Policía incautó 1,3 toneladas de cocaína en Manta. Los agentes también hallaron 90 kilos de marihuana. "
        "El récord anterior, 5 toneladas halladas en un contenedor en 2021, sigue vigente.",
        [("cocaine", 1300.0), ("cannabis", 90.0), ("cocaine", 5000.0)],
    ),
]
NOT_A_RECORD = (
    "Customs officers seized 2.1 tonnes of cocaine at the port of Guayaquil. Police also found 300 kilos of "
    "marijuana in a truck. Hours later, officers found 120 kilos in a van.",
    [("cocaine", 2100.0), ("cannabis", 300.0), ("cannabis", 120.0)],
)
# A headline total whose parts the body gives, one of them with its drug left implied.
HEADLINE_SUM = (
    "La Policía decomisó 2,7 toneladas de cocaína en un contenedor en el puerto de Colón. En un segundo "
    "procedimiento, los agentes encontraron 620 kilos de la misma droga en una lancha.",
    "Policía decomisa 3 toneladas de cocaína en Colón",
)
# Counts in follow-up sentences: units of the load before, not new seizures.
FOLLOW_UP_COUNTS = [
    (
        "Agents seized 1,200 pounds of methamphetamine at the port of entry. Officers discovered 210 packages "
        "containing the alleged methamphetamine inside the trailer.", 544.32, 210, "packages",
    ),
    ("La Policía incautó 3,4 toneladas de cocaína en Guayaquil. La droga estaba distribuida en 3.310 paquetes.", 3400.0, 3310, "packages"),
    ("Se decomisaron 600 kilos de marihuana en Salta. El cargamento estaba repartido en 504 panes.", 600.0, 504, "bricks"),
    ("Los marinos aseguraron 800 kilos de cocaína. El alcaloide, distribuido en 720 paquetes, iba a Europa.", 800.0, 720, "packages"),
    ("A Polícia Federal apreendeu 1,8 tonelada de cocaína no porto de Santos. A droga estava dividida em 1.640 tabletes.", 1800.0, 1640, "bricks"),
    ("Officers seized 900 kilos of cocaine in Callao. The drugs, wrapped in 850 packages, were in a container.", 900.0, 850, "packages"),
]

# A count and the weight of the same load, joined by a weighing phrase, in both languages.
WEIGHED_LOADS = [
    ("Gendarmes secuestraron 900 panes de marihuana que pesaron 1.100 kilos en un camión.", ("cannabis", 1100.0, 900, None)),
    (
        "La Prefectura interceptó una lancha con 250 paquetes que, tras ser pesados, arrojaron 280 kilogramos de cocaína.",
        ("cocaine", 280.0, 250, None),
    ),
    (
        "Agents found about 30,000 pills that tested positive for fentanyl, with a combined weight of 8 pounds.",
        ("fentanyl", 3.6288, 30000, None),
    ),
    ("Soldiers seized 1,200 bricks of cocaine, which weighed 1.4 tons, on a beach.", ("cocaine", 1400.0, 1200, None)),
    ("Police seized 640 packages of marijuana weighing a total of 700 kilos.", ("cannabis", 700.0, 640, None)),
    ("La Armada aseguró 80 bultos de cocaína con un peso total de 2,2 toneladas.", ("cocaine", 2200.0, 80, None)),
    ("A PF apreendeu 300 tabletes de maconha que pesavam 310 quilos.", ("cannabis", 310.0, 300, None)),
]
# A weight of something else after a count is not the count's load.
NOT_WEIGHED_LOADS = [
    (
        "Agents seized 400 fentanyl pills in a car and a bag weighing 3 kilos of cocaine.",
        [("fentanyl", None, 400, None), ("cocaine", 3.0, None, None)],
    ),
]
# The drug a test named after the count, not one named earlier in the article.
TESTED_DRUGS = [
    (
        "Police seized 20 kilos of cocaine in a truck. In the cabin, agents found 55,000 blue pills that tested "
        "positive for fentanyl.", [("cocaine", 20.0, None, None), ("fentanyl", None, 55000, None)],
    ),
    (
        "La policía decomisó 12 kilos de marihuana. Además, hallaron 40 bolsas con un polvo blanco que dio positivo "
        "a cocaína.", [("cannabis", 12.0, None, None), ("cocaine", None, 40, None)],
    ),
    (
        "Los agentes incautaron 3 kilos de heroína y 800 pastillas que resultaron ser fentanilo.",
        [("heroin", 3.0, None, None), ("fentanyl", None, 800, None)],
    ),
]

# One figure for two drugs is no seizure of the first; the loads listed after it are.
MIXED_TOTALS = [
    (
        "The Coast Guard offloaded more than 15,000 pounds of cocaine and marijuana in Port Everglades on Thursday.",
        [],
    ),
    (
        "La Armada decomisó más de 3 toneladas de cocaína y marihuana en dos lanchas. En la primera hallaron "
        "2 toneladas de cocaína y en la segunda, 1.100 kilos de marihuana.",
        [("cocaine", 2000.0, None, None), ("cannabis", 1100.0, None, None)],
    ),
    # the same group twice is one drug
    ("Police seized 600 kilos of cocaine and cocaine base paste in a warehouse.", [("cocaine", 600.0, None, None)]),
]

# Packages counted in a later sentence of the same load, no drug or the same one named.
PACKED_LATER = [
    (
        "Marines seized about 2.1 tons of cocaine in a container at the port of Manzanillo. The container had left "
        "Ecuador two weeks earlier. Inspectors found 1,900 packages wrapped in black plastic between the pallets.",
        [("cocaine", 2100.0, 1900, None)],
    ),
    (
        "Border officers intercepted 900 pounds of methamphetamine in a tractor-trailer on Monday.\n\n"
        "The officers discovered 40 packages of methamphetamine hidden among the crates of tomatoes.",
        [("methamphetamine", 408.24, 40, None)],
    ),
    (
        "La Armada aseguró 1,2 toneladas de cocaína en una lancha. Los marinos hallaron 1.050 paquetes envueltos en "
        "plástico negro.", [("cocaine", 1200.0, 1050, None)],
    ),
]
# Another place, another operation, another drug, or pills: a seizure of its own.
NOT_PACKED_LATER = [
    (
        "Police seized 2 tons of cocaine in Manzanillo. In Veracruz, marines found 500 packages of cocaine.",
        [("cocaine", 2000.0, None, None), ("cocaine", None, 500, None)],
    ),
    (
        "La Policía incautó 2 toneladas de cocaína en el puerto. En otro operativo, los agentes hallaron 500 "
        "paquetes de cocaína.", [("cocaine", 2000.0, None, None), ("cocaine", None, 500, None)],
    ),
    (
        "Police seized 300 kilos of cocaine in a truck. Officers also found 20 packages of marijuana.",
        [("cocaine", 300.0, None, None), ("cannabis", None, 20, None)],
    ),
    (
        "Agents seized 40 kilos of fentanyl. They also found 30,000 pills in the car.",
        [("fentanyl", 40.0, None, None), ("fentanyl", None, 30000, None)],
    ),
]


@pytest.fixture(scope="module")
def batch():
    return Batch(
        [text for text, _ in SEIZURES] + NEVER_SEIZURES + PERIOD_TOTALS + [text for text, _ in YEAR_FRAMED_SEIZURES]
        + [text for text, _ in RECORDS] + [text for text, *_ in RANGES] + [text for text, _ in IMPLIED_DRUG] + [t for t, *_ in FOLLOW_UP_COUNTS]
        + [text for text, _ in [*RECORD_AFTER_ANOTHER_DRUG, NOT_A_RECORD]]
        + [t for t, _ in WEIGHED_LOADS + NOT_WEIGHED_LOADS + TESTED_DRUGS + MIXED_TOTALS + PACKED_LATER + NOT_PACKED_LATER] + [
            HEADLINE_SUM,
            COUNT_WITH_WEIGHT, COUNT_CON_WEIGHT, BAGS_WITH_WEIGHT, WEIGHT_IN_BALES, WEIGHED_LATER, SPLIT_LATER, PACKAGES_LATER,
            RESTATED, RESTATED_HALF, RESTATED_DOSES, HEADLINE_REPEATS, COMBINED_TOTAL, TOGETHER_TOTAL, EN_TOTAL,
            SUM_BY_CHANCE, RECORD, RECORD_ES, APPROXIMATE, DRUG_FORM, HEADLINE_BOUND,
        ]
    )


def summary(rows: list[dict]) -> list[tuple]:
    return [(r["drug"], r["quantity_kg"], r["quantity_units"], r["quantity_litres"]) for r in rows]


def approx(expected):
    return [(d, k if k is None else pytest.approx(k), u, l if l is None else pytest.approx(l)) for d, k, u, l in expected]


def weights(rows):
    return sorted(r["quantity_kg"] for r in rows)


@pytest.mark.parametrize(("text", "expected"), SEIZURES)
def test_seizures_in_both_languages(batch, text, expected):
    assert summary(batch.seizures(text)) == approx(expected)


@pytest.mark.parametrize("text", NEVER_SEIZURES)
def test_things_that_are_never_seizures(batch, text):
    assert batch.seizures(text) == []


def test_a_count_and_a_weight_of_one_load_make_one_seizure(batch):
    rows = batch.seizures(COUNT_WITH_WEIGHT)
    assert summary(rows) == [("cocaine", 1300.0, 1100, None)]
    assert rows[0]["unit_type"] == "bricks"
    assert "count-weight-merge" in rows[0]["rule"]
    assert summary(batch.seizures(COUNT_CON_WEIGHT)) == [("cocaine", 900.0, 820, None)]
    assert summary(batch.seizures(WEIGHT_IN_BALES)) == [("cannabis", 2000.0, 70, None)]
    assert summary(batch.seizures(BAGS_WITH_WEIGHT)) == [("methamphetamine", 9.0, 18, None)]


def test_a_count_or_weight_in_the_next_sentence_completes_the_seizure(batch):
    rows = batch.seizures(WEIGHED_LATER)
    assert summary(rows) == [("fentanyl", 30.0, 250000, None)]
    assert "restatement-units-merge" in rows[0]["rule"]
    assert summary(batch.seizures(SPLIT_LATER)) == [("cocaine", 1900.0, 1700, None)]
    assert summary(batch.seizures(PACKAGES_LATER)) == [("cocaine", 2000.0, 1800, None)]


def test_a_restated_seizure_counts_once(batch):
    assert summary(batch.seizures(RESTATED)) == [("cocaine", 3100.0, None, None)]
    assert summary(batch.seizures(RESTATED_HALF)) == [("cannabis", 500.0, None, None)]
    assert summary(batch.seizures(RESTATED_DOSES)) == [("fentanyl", None, 5000, None)]


def test_the_headline_repeats_the_body(batch):
    assert summary(batch.seizures(*HEADLINE_REPEATS)) == [("cocaine", 2050.0, None, None)]
    assert summary(batch.seizures(*HEADLINE_BOUND)) == [("cocaine", 1150.0, None, None)]


def test_totals_of_listed_seizures_are_not_seizures(batch):
    rows = batch.seizures(*COMBINED_TOTAL)
    assert weights(rows) == [1500.0, 2500.0]
    assert [r["drug"] for r in rows] == ["cocaine", "cocaine"]  # the first states no drug: it is the article's
    assert weights(batch.seizures(TOGETHER_TOTAL)) == [700.0, 900.0]
    assert weights(batch.seizures(EN_TOTAL)) == [600.0, 900.0]


def test_seizures_adding_up_by_chance_are_kept(batch):
    assert weights(batch.seizures(SUM_BY_CHANCE)) == [1000.0, 2000.0, 3000.0]


def test_a_past_record_is_a_seizure(batch):
    assert weights(batch.seizures(RECORD)) == [800.0, 6200.0]
    assert summary(batch.seizures(RECORD_ES)) == [("cocaine", 9300.0, None, None)]


def test_approximate_figures_are_flagged_and_written_text_kept(batch):
    rows = batch.seizures(APPROXIMATE)
    assert [(r["is_approximate"], r["quantity_text"]) for r in rows] == [(True, "nearly 70 pounds"), (False, "exactly 20 kilos")]
    row = batch.seizures(DRUG_FORM)[0]
    assert row["is_approximate"] is True
    assert row["drug_form"] == "cocaína líquida"


@pytest.mark.parametrize("text", PERIOD_TOTALS)
def test_totals_over_a_period_are_not_seizures(batch, text):
    assert batch.seizures(text) == []


@pytest.mark.parametrize(("text", "kg"), YEAR_FRAMED_SEIZURES)
def test_one_seizure_framed_by_a_year_is_kept(batch, text, kg):
    assert weights(batch.seizures(text)) == [kg]


@pytest.mark.parametrize(("text", "expected"), RECORDS)
def test_a_record_written_as_a_known_figure_is_a_seizure_of_the_article_drug(batch, text, expected):
    rows = batch.seizures(text)
    assert weights(rows) == expected
    assert {r["drug"] for r in rows} == {"cocaine"}


@pytest.mark.parametrize(("text", "expected"), [*RECORD_AFTER_ANOTHER_DRUG, NOT_A_RECORD])
def test_a_record_without_a_drug_takes_the_drug_of_the_main_seizure(batch, text, expected):
    assert [(r["drug"], r["quantity_kg"]) for r in batch.seizures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), IMPLIED_DRUG)
def test_a_figure_without_a_drug_takes_the_drug_of_the_article(batch, text, expected):
    rows = batch.seizures(text)
    assert sorted((r["drug"], r["quantity_kg"], r["country_iso2"]) for r in rows) == expected


def test_a_headline_figure_that_adds_up_the_body_rounded_is_a_total(batch):
    assert weights(batch.seizures(*HEADLINE_SUM)) == [620.0, 2700.0]


@pytest.mark.parametrize(("text", "kg", "units", "unit_type"), FOLLOW_UP_COUNTS)
def test_a_count_in_a_follow_up_sentence_gives_the_units_of_the_load(batch, text, kg, units, unit_type):
    rows = batch.seizures(text)
    assert [(r["quantity_kg"], r["quantity_units"], r["unit_type"]) for r in rows] == [(pytest.approx(kg), units, unit_type)]


@pytest.mark.parametrize(("text", "kg", "written"), RANGES)
def test_a_range_is_its_lower_bound_and_approximate(batch, text, kg, written):
    rows = batch.seizures(text)
    assert [(r["quantity_kg"], r["is_approximate"], r["quantity_text"]) for r in rows] == [(kg, True, written)]


@pytest.mark.parametrize(("text", "expected"), WEIGHED_LOADS)
def test_a_count_and_its_weighing_make_one_seizure(batch, text, expected):
    rows = batch.seizures(text)
    assert summary(rows) == approx([expected])
    assert "count-weight-merge" in rows[0]["rule"]


@pytest.mark.parametrize(("text", "expected"), NOT_WEIGHED_LOADS + TESTED_DRUGS)
def test_a_drug_named_by_a_test_after_the_count_is_its_drug(batch, text, expected):
    assert summary(batch.seizures(text)) == approx(expected)


@pytest.mark.parametrize(("text", "expected"), MIXED_TOTALS)
def test_a_figure_of_two_drugs_is_not_a_seizure_of_the_first(batch, text, expected):
    assert summary(batch.seizures(text)) == approx(expected)


@pytest.mark.parametrize(("text", "expected"), PACKED_LATER + NOT_PACKED_LATER)
def test_packages_counted_later_are_the_units_of_the_load(batch, text, expected):
    assert summary(batch.seizures(text)) == approx(expected)
