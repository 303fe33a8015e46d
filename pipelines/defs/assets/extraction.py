"""Extraction: raw.articles → seizures, actor and country mentions; and the reference tables."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from pipelines import extraction, stages
from pipelines.defs.assets import keys
from pipelines.defs.assets.config import RefreshConfig
from pipelines.defs.metadata import table_preview, table_rows
from pipelines.defs.resources import WarehouseResource


@multi_asset(
    name="extract_facts",
    group_name="raw",
    specs=[
        AssetSpec(keys.SEIZURES, deps=[keys.ARTICLES], description="Seizures found in the articles."),
        AssetSpec(keys.ACTOR_MENTIONS, deps=[keys.ARTICLES], description="Mentions of criminal organisations."),
        AssetSpec(keys.COUNTRY_MENTIONS, deps=[keys.ARTICLES], description="Mentions of countries."),
    ],
)
def extract_facts(context: AssetExecutionContext, config: RefreshConfig, warehouse: WarehouseResource):
    with warehouse.connect() as con:
        summary = stages.extract_pending(con, full_refresh=config.full_refresh)
        rows = table_rows(con, ["seizures", "actor_mentions", "country_mentions"])
        preview = table_preview(
            con,
            "select drug, quantity_kg, quantity_units, country_iso2, actors, evidence "
            "from raw.seizures order by article_id, seizure_no limit 10",
        )
    context.log.info(
        f"extraction {extraction.EXTRACTOR_VERSION}: {summary.articles} articles extracted, "
        f"{summary.seizures} seizures, {summary.actor_mentions} actor and {summary.country_mentions} country mentions"
    )
    common = {"extractor_version": extraction.EXTRACTOR_VERSION, "articles_extracted": summary.articles}
    yield MaterializeResult(
        asset_key=keys.SEIZURES,
        metadata={**common, "rows": rows["seizures"], "preview": MetadataValue.md(preview)},
    )
    yield MaterializeResult(asset_key=keys.ACTOR_MENTIONS, metadata={**common, "rows": rows["actor_mentions"]})
    yield MaterializeResult(asset_key=keys.COUNTRY_MENTIONS, metadata={**common, "rows": rows["country_mentions"]})


@multi_asset(
    name="reference_tables",
    group_name="raw",
    specs=[
        AssetSpec(keys.REF_ACTORS, description="Criminal organisations and their aliases, shipped with the extractor."),
        AssetSpec(keys.REF_COUNTRIES, description="ISO 3166-1 countries with English and Spanish names."),
    ],
)
def reference_tables(warehouse: WarehouseResource):
    with warehouse.connect() as con:
        rows = stages.load_reference(con)
    yield MaterializeResult(asset_key=keys.REF_ACTORS, metadata={"rows": rows["ref_actors"]})
    yield MaterializeResult(asset_key=keys.REF_COUNTRIES, metadata={"rows": rows["ref_countries"]})
