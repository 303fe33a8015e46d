"""Checks on the extracted seizures, run right after extraction and before dbt.

Blocking checks stop the run before anything is published when the extractor produced
facts no analyst should see; the size check only warns, with the evidence to look at.
"""

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    MetadataValue,
    multi_asset_check,
)

from pipelines.defs.assets import keys
from pipelines.defs.metadata import markdown_table
from pipelines.defs.resources import WarehouseResource

# A single seizure above this is possible (the largest on record are around 20–25 t) but
# rare enough that a person should look at the sentence.
PLAUSIBLE_MAX_KG = 100_000

# name → (description, blocking, query returning the offending rows)
SEIZURE_CHECKS = {
    "seizures_have_drug_and_quantity": (
        "Every seizure has a drug and a weight, count or volume.",
        True,
        """
        select article_id, seizure_no, evidence from raw.seizures
        where drug is null or coalesce(quantity_kg, quantity_units, quantity_litres) is null
        """,
    ),
    "seizure_quantities_plausible": (
        f"No single seizure above {PLAUSIBLE_MAX_KG:,} kg, and none of zero or less (a warning).",
        False,
        f"""
        select article_id, seizure_no, quantity_kg, evidence from raw.seizures
        where quantity_kg > {PLAUSIBLE_MAX_KG} or quantity_kg <= 0
        order by quantity_kg desc
        """,
    ),
    "seizure_countries_valid": (
        "Every seizure country is an ISO 3166-1 alpha-2 code.",
        True,
        """
        select article_id, seizure_no, country_iso2 from raw.seizures
        where country_iso2 is not null
          and country_iso2 not in (select country_iso2 from raw.ref_countries)
        """,
    ),
    "no_duplicate_seizures": (
        "No seizure is extracted twice from the same sentence.",
        True,
        """
        select article_id, sentence_no, drug, quantity_kg, quantity_units, count(*) as copies
        from raw.seizures
        group by article_id, sentence_no, drug, quantity_kg, quantity_units, quantity_litres
        having count(*) > 1
        """,
    ),
}


@multi_asset_check(
    specs=[
        AssetCheckSpec(
            name,
            asset=keys.SEIZURES,
            description=description,
            blocking=blocking,
            additional_deps=[keys.REF_COUNTRIES],
        )
        for name, (description, blocking, _) in SEIZURE_CHECKS.items()
    ],
)
def seizure_checks(warehouse: WarehouseResource):
    with warehouse.connect(read_only=True) as con:
        for name, (_, blocking, query) in SEIZURE_CHECKS.items():
            cursor = con.execute(query)
            header, rows = [d[0] for d in cursor.description], cursor.fetchall()
            yield AssetCheckResult(
                check_name=name,
                asset_key=keys.SEIZURES,
                passed=not rows,
                severity=AssetCheckSeverity.ERROR if blocking else AssetCheckSeverity.WARN,
                metadata={
                    "offending_rows": len(rows),
                    "examples": MetadataValue.md(markdown_table(header, rows, limit=20)),
                },
            )
