"""Write a synthetic news corpus for benchmarks: N articles, English and Spanish, deterministic by seed.

Articles look like wire copy: a headline, a dateline, a few paragraphs mixing seizure sentences
(random drug, quantity, unit, place and group), sentences full of numbers that are not seizures
(prices, production, deaths, prison terms, budgets, distances, percentages) and, mostly,
sentences of context and quotes without any figure.

    python -m benchmarks.corpus --articles 10000 --out benchmarks/corpus/10k --seed 7
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

PLACES = [  # (English, Spanish, is a port)
    ("the port of Manzanillo", "el puerto de Manzanillo", True),
    ("Guayaquil", "Guayaquil", True),
    ("the port of Santos", "el puerto de Santos", True),
    ("Cartagena", "Cartagena", True),
    ("Buenaventura", "Buenaventura", True),
    ("Callao", "el Callao", True),
    ("Culiacán", "Culiacán", False),
    ("Rosario", "Rosario", False),
    ("Tijuana", "Tijuana", False),
    ("San Pedro Sula", "San Pedro Sula", False),
    ("Algeciras", "Algeciras", True),
    ("Antwerp", "Amberes", True),
    ("Asunción", "Asunción", False),
    ("Cúcuta", "Cúcuta", False),
]
COUNTRIES = [("Mexico", "México"), ("Colombia", "Colombia"), ("Ecuador", "Ecuador"), ("Peru", "Perú"),
             ("Brazil", "Brasil"), ("Argentina", "Argentina"), ("Paraguay", "Paraguay"), ("Honduras", "Honduras"),
             ("Guatemala", "Guatemala"), ("Spain", "España"), ("Venezuela", "Venezuela"), ("Bolivia", "Bolivia")]
GROUPS = ["the Sinaloa Cartel", "the CJNG", "the Gulf Clan", "Los Choneros", "Los Lobos", "the PCC",
          "Tren de Aragua", "the ELN", "FARC dissidents", "Comando Vermelho", "MS-13", "the Gulf Cartel"]
GROUPS_ES = ["el Cártel de Sinaloa", "el CJNG", "el Clan del Golfo", "Los Choneros", "Los Lobos", "el PCC",
             "el Tren de Aragua", "el ELN", "las disidencias de las FARC", "el Comando Vermelho", "la MS-13",
             "el Cártel del Golfo"]
DRUGS = [("cocaine", "cocaína"), ("marijuana", "marihuana"), ("cocaine base paste", "pasta base de cocaína"),
         ("methamphetamine", "metanfetamina"), ("heroin", "heroína"), ("fentanyl", "fentanilo"),
         ("hashish", "hachís"), ("precursor chemicals", "precursores químicos")]
AGENCIES = [("police", "la policía"), ("the navy", "la Armada"), ("customs officers", "agentes de aduanas"),
            ("soldiers", "militares"), ("anti-drug agents", "agentes antidrogas")]


@dataclass(frozen=True)
class Quantity:
    english: str
    spanish: str


def random_quantity(rng: random.Random) -> Quantity:
    kind = rng.random()
    if kind < 0.45:
        kilos = rng.choice([rng.randint(5, 999), rng.randint(1, 9) * 100, rng.randint(1000, 9999)])
        return Quantity(f"{kilos:,} kilos", f"{kilos:,} kilos".replace(",", "."))
    if kind < 0.65:
        tons = rng.choice([rng.randint(1, 40), round(rng.uniform(1, 9), 1)])
        return Quantity(f"{tons} tons", f"{str(tons).replace('.', ',')} toneladas")
    if kind < 0.75:
        pounds = rng.randint(10, 9000)
        return Quantity(f"{pounds:,} pounds", f"{pounds:,} libras".replace(",", "."))
    if kind < 0.85:
        count = rng.randint(100, 900) * 10
        return Quantity(f"{count:,} packages", f"{count:,} paquetes".replace(",", "."))
    grams = rng.randint(50, 990)
    return Quantity(f"{grams} grams", f"{grams} gramos")


def qualifier(rng: random.Random, spanish: bool) -> str:
    if rng.random() < 0.7:
        return ""
    return rng.choice(["más de ", "alrededor de ", "unos "] if spanish else ["more than ", "nearly ", "some "])


def seizure_sentence(rng: random.Random, spanish: bool) -> str:
    qty = random_quantity(rng)
    drug = rng.choice(DRUGS)
    place = rng.choice(PLACES)
    agency = rng.choice(AGENCIES)
    if spanish:
        group = rng.choice(GROUPS_ES)
        verb = rng.choice(["incautaron", "decomisaron", "aseguraron", "hallaron"])
        tail = rng.choice([f", cargamento atribuido a {group}", f" que pertenecían a {group}", "", ""])
        return f"En {place[1]}, {agency[1]} {verb} {qualifier(rng, True)}{qty.spanish} de {drug[1]}{tail}."
    group = rng.choice(GROUPS)
    verb = rng.choice(["seized", "found", "intercepted", "confiscated"])
    tail = rng.choice([f", a load officials attributed to {group}", f" that belonged to {group}", "", ""])
    return f"In {place[0]}, {agency[0]} {verb} {qualifier(rng, False)}{qty.english} of {drug[0]}{tail}."


def noise_sentence(rng: random.Random, spanish: bool) -> str:
    n = rng.randint(2, 900)
    country = rng.choice(COUNTRIES)[1 if spanish else 0]
    group = rng.choice(GROUPS_ES if spanish else GROUPS)
    english = [
        f"A kilo of cocaine sells for about US$ {rng.randint(2, 40)},000 in {country}.",
        f"The area could produce {n} tons of cocaine a year, according to the survey.",
        f"Officials said {n} people died of overdoses last year in {country}.",
        f"A court sentenced {rng.randint(2, 9)} members of {group} to {rng.randint(5, 40)} years in prison.",
        f"The government set aside US$ {n} million for border security.",
        f"The boat was stopped about {n} nautical miles off the coast.",
        f"Officials estimate that fewer than {rng.randint(2, 15)}% of containers are inspected.",
        f"Analysts say {group} has expanded its presence in {country} over the past decade.",
    ]
    spanish_lines = [
        f"Un kilo de cocaína se paga a unos {rng.randint(2, 40)}.000 dólares en {country}.",
        f"La zona podría producir {n} toneladas de cocaína al año, según el informe.",
        f"Las autoridades registraron {n} homicidios en lo que va del año en {country}.",
        f"Un juez condenó a {rng.randint(2, 9)} integrantes de {group} a {rng.randint(5, 40)} años de prisión.",
        f"El gobierno destinó {n} millones de dólares a la seguridad fronteriza.",
        f"La lancha fue interceptada a unas {n} millas náuticas de la costa.",
        f"Menos del {rng.randint(2, 15)}% de los contenedores son inspeccionados.",
        f"Según analistas, {group} amplió su presencia en {country} en la última década.",
    ]
    return rng.choice(spanish_lines if spanish else english)


def prose_sentence(rng: random.Random, spanish: bool) -> str:
    """Context, quotes and background: most sentences of a news story carry no figure at all."""
    country = rng.choice(COUNTRIES)[1 if spanish else 0]
    group = rng.choice(GROUPS_ES if spanish else GROUPS)
    agency = rng.choice(AGENCIES)[1 if spanish else 0]
    english = [
        f"Investigators believe the shipment was organised by brokers working for {group}.",
        f"The operation was part of a joint investigation with prosecutors in {country}.",
        f'"We will keep up the pressure on these networks," a spokesman for {agency} told reporters.',
        "The suspects were expected to appear before a judge later in the week.",
        f"Officials in {country} have warned that traffickers are changing their routes.",
        "Analysts said the case showed how criminal groups exploit legitimate trade.",
        f"The government of {country} did not immediately respond to a request for comment.",
        "Local residents said they had noticed unusual activity at the warehouse for months.",
    ]
    spanish_lines = [
        f"Los investigadores creen que el envío fue organizado por intermediarios de {group}.",
        f"La operación formó parte de una investigación conjunta con fiscales de {country}.",
        f'"Vamos a seguir golpeando a estas estructuras", dijo un vocero de {agency}.',
        "Los detenidos serán presentados ante un juez en los próximos días.",
        f"Las autoridades de {country} advirtieron que los traficantes están cambiando sus rutas.",
        "Según los analistas, el caso muestra cómo los grupos criminales aprovechan el comercio legal.",
        f"El gobierno de {country} no respondió de inmediato a una solicitud de comentarios.",
        "Vecinos de la zona dijeron que habían notado movimientos extraños en la bodega desde hacía meses.",
    ]
    return rng.choice(spanish_lines if spanish else english)


def random_sentence(rng: random.Random, spanish: bool) -> str:
    # Roughly the mix of wire copy about drug seizures: a few seizure statements, some other
    # figures, and mostly context.
    roll = rng.random()
    if roll < 0.12:
        sentence = seizure_sentence(rng, spanish)
    elif roll < 0.40:
        sentence = noise_sentence(rng, spanish)
    else:
        sentence = prose_sentence(rng, spanish)
    return sentence.replace(" de el ", " del ").replace(" a el ", " al ") if spanish else sentence


def article(rng: random.Random, number: int) -> str:
    spanish = rng.random() < 0.4
    country = rng.choice(COUNTRIES)[1 if spanish else 0]
    city = rng.choice(PLACES)[1 if spanish else 0].replace("the port of ", "").replace("el puerto de ", "")
    headline = (f"Autoridades de {country} reportan nuevos decomisos de droga ({number})" if spanish
                else f"Authorities in {country} report new drug seizures ({number})")
    paragraphs = []
    for _ in range(rng.randint(5, 8)):
        sentences = [random_sentence(rng, spanish) for _ in range(rng.randint(2, 5))]
        paragraphs.append(" ".join(sentences))
    paragraphs[0] = f"{city.upper()} (Bench Wire) — " + paragraphs[0]
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, articles: int, seed: int, start: int = 0) -> int:
    """Write articles numbered start … start + articles - 1; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(start, start + articles):
        # One generator per article: article n is the same whatever else is generated.
        text = article(random.Random(f"{seed}-{number}"), number)
        (folder / f"article-{number:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0, help="number of the first article (to add to a corpus)")
    args = parser.parse_args()
    written = write_corpus(args.out, args.articles, args.seed, args.start)
    print(f"wrote {args.articles} articles ({written / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
