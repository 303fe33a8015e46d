"""Drug names as written in English, Spanish and Portuguese news, by UNODC drug group.

Keys of DRUG_TERMS are the groups of `contract.DRUG_GROUPS`, plus two non-groups:
`referring` (`the drug`, `la droga`: the last drug the article named) and `unspecified`
(`drugs`, `drogas`: a mix that cannot be attributed to a group, so never a seizure).
"""

from __future__ import annotations

from pipelines.extraction.contract import DRUG_GROUPS

# The groups a seizure can have; `referring` and `unspecified` below are not among them.
SEIZURE_DRUG_GROUPS = list(DRUG_GROUPS)

DRUG_TERMS = {
    "cocaine": (
        "cocaine", "cocaína", "cocaina", "crack", "crack cocaine", "cocaine base", "cocaine base paste",
        "base paste", "coca paste", "coca base", "pasta base", "pasta base de cocaína", "pasta básica",
        "pasta básica de cocaína", "pasta de coca", "base de coca", "cocaína base", "clorhidrato de cocaína",
        "cocaine hydrochloride", "cocaine hcl", "liquid cocaine", "cocaína líquida", "basuco", "bazuco",
        "alcaloide", "el alcaloide", "cocaína pura", "powder cocaine", "powdered cocaine", "cocaine powder",
        "cocaína en polvo",
    ),
    "cannabis": (
        "marijuana", "marihuana", "mariguana", "maconha", "cannabis", "hashish", "hachís", "hachis",
        "haxixe", "cannabis resin", "resina de cannabis", "creepy", "cripy", "kripy", "skunk",
        "cannabis sativa", "pressed marijuana", "marihuana prensada",
    ),
    "heroin": ("heroin", "heroína", "heroina", "black tar heroin", "heroína negra", "goma de heroína"),
    "fentanyl": ("fentanyl", "fentanilo", "fentanil", "carfentanil", "carfentanilo", "fentanyl powder"),
    "methamphetamine": (
        "methamphetamine", "methamphetamines", "metanfetamina", "metanfetaminas", "meth", "crystal meth",
        "crystal methamphetamine", "cristal", "metanfetamina cristal", "liquid methamphetamine",
        "metanfetamina líquida", "metanfetamina en polvo",
    ),
    "precursors": (
        "precursor", "precursors", "precursor chemical", "precursor chemicals", "chemical precursors",
        "precursores", "precursores químicos", "precursor químico", "sustancias precursoras",
        "insumos", "insumos químicos", "insumos líquidos", "insumos sólidos", "chemical inputs",
        "chemicals", "chemical substances", "sustancias químicas", "químicos", "productos químicos",
        "acetone", "acetona", "sulfuric acid", "sulphuric acid", "ácido sulfúrico", "hydrochloric acid",
        "ácido clorhídrico", "potassium permanganate", "permanganato de potasio", "permanganato",
        "acetic anhydride", "anhídrido acético", "ephedrine", "efedrina", "pseudoephedrine",
        "pseudoefedrina", "phenylacetone", "fenilacetona", "P2P", "methylamine", "metilamina",
        "solvents", "solventes", "disolventes", "cement", "cemento", "urea", "lime", "cal", "cal viva",
        "sodium carbonate", "carbonato de sodio", "caustic soda", "soda cáustica", "kerosene",
        "queroseno", "NPP", "4-ANPP", "ANPP", "fentanyl precursors", "precursores de fentanilo",
        "precursores de metanfetamina", "liquid precursors", "precursores líquidos",
    ),
    "other": (
        "ecstasy", "éxtasis", "extasis", "MDMA", "MDA", "tusi", "tussi", "tusibi", "2C-B", "cocaína rosa",
        "pink cocaine", "ketamine", "ketamina", "LSD", "opium", "opio", "goma de opio", "opium gum",
        "morphine", "morfina", "amphetamine", "amphetamines", "anfetamina", "anfetaminas", "captagon",
        "mephedrone", "mefedrona", "tramadol", "khat", "psilocybin mushrooms",
    ),
    "referring": (
        "the drug", "la droga", "esta droga", "dicha droga", "the narcotic", "el narcótico",
        "el estupefaciente", "the substance", "la sustancia", "el enervante", "the same drug", "the same substance",
        "misma droga", "misma sustancia", "mismo alcaloide", "mismo narcótico", "esa droga",
        "a droga", "mesma droga", "mesma substância", "essa droga", "o entorpecente", "a substância", "o narcótico",
        # `1.1 tonnes of powder`: the drug the article is about, in the form it is seized
        "powder", "white powder", "polvo blanco", "pó branco",
    ),
    "unspecified": (
        "drugs", "drogas", "narcotics", "narcóticos", "estupefacientes", "illegal drugs", "drogas ilícitas",
        "synthetic drugs", "drogas sintéticas", "droga", "drug", "drogas ilegales", "enervantes",
    ),
}
