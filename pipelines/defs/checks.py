"""Checks on the extracted seizures, run right after extraction and before dbt.

Blocking checks stop the run before anything is published when the extractor produced
facts no analyst should see; the size check only warns, with the evidence to look at.
"""

from dagster import AssetCheckResult, AssetCheckSeverity, MetadataValue, asset_check

from pipelines.defs.assets import keys
from pipelines.defs.metadata import markdown_table
from pipelines.defs.resources import WarehouseResource

# A single seizure above this is possible (the largest on record are around 20–25 t) but
# rare enough that a person should look at the sentence.
PLAUSIBLE_MAX_KG = 100_000


def _offending(warehouse: WarehouseResource, query: str) -> list[tuple]:
    with warehouse.connect(read_only=True) as con:
        return con.execute(query).fetchall()


def _result(rows: list[tuple], header: list[str], severity=AssetCheckSeverity.ERROR) -> AssetCheckResult:
    return AssetCheckResult(
        passed=not rows,
        severity=severity,
        metadata={"offending_rows": len(rows), "examples": MetadataValue.md(markdown_table(header, rows, limit=20))},
    )


@asset_check(asset=keys.SEIZURES, blocking=True, description="Every seizure has a drug and a weight, count or volume.")
def seizures_have_drug_and_quantity(warehouse: WarehouseResource) -> AssetCheckResult:
    rows = _offending(
        warehouse,
        """
        select article_id, seizure_no, evidence from raw.seizures
        where drug is null or coalesce(quantity_kg, quantity_units, quantity_litres) is null
        """,
    )
    return _result(rows, ["article_id", "seizure_no", "evidence"])


@asset_check(asset=keys.SEIZURES, description=f"No single seizure above {PLAUSIBLE_MAX_KG:,} kg (a warning).")
def seizure_quantities_plausible(warehouse: WarehouseResource) -> AssetCheckResult:
    rows = _offending(
        warehouse,
        f"""
        select article_id, seizure_no, quantity_kg, evidence from raw.seizures
        where quantity_kg > {PLAUSIBLE_MAX_KG} or quantity_kg <= 0
        order by quantity_kg desc
        """,
    )
    return _result(rows, ["article_id", "seizure_no", "quantity_kg", "evidence"], AssetCheckSeverity.WARN)


@asset_check(
    asset=keys.SEIZURES,
    blocking=True,
    additional_deps=[keys.REF_COUNTRIES],
    description="Every seizure country is an ISO 3166-1 alpha-2 code.",
)
def seizure_countries_valid(warehouse: WarehouseResource) -> AssetCheckResult:
    rows = _offending(
        warehouse,
        """
        select article_id, seizure_no, country_iso2 from raw.seizures
        where country_iso2 is not null
          and country_iso2 not in (select country_iso2 from raw.ref_countries)
        """,
    )
    return _result(rows, ["article_id", "seizure_no", "country_iso2"])


@asset_check(asset=keys.SEIZURES, blocking=True, description="No seizure is extracted twice from the same sentence.")
def no_duplicate_seizures(warehouse: WarehouseResource) -> AssetCheckResult:
    rows = _offending(
        warehouse,
        """
        select article_id, sentence_no, drug, quantity_kg, quantity_units, count(*) as copies
        from raw.seizures
        group by article_id, sentence_no, drug, quantity_kg, quantity_units, quantity_litres
        having count(*) > 1
        """,
    )
    return _result(rows, ["article_id", "sentence_no", "drug", "quantity_kg", "quantity_units", "copies"])


seizure_checks = [
    seizures_have_drug_and_quantity,
    seizure_quantities_plausible,
    seizure_countries_valid,
    no_duplicate_seizures,
]
