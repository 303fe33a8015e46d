"""Extraction: raw.articles → seizures, actor and country mentions; and the reference tables.

Extraction is split into file-batch shards that Dagster maps over: the plan step exports the
articles still to extract into Parquet shards, each shard is extracted on its own (in parallel
under the multiprocess executor: shards never open the warehouse), and one load step writes all
their facts into DuckDB in a single transaction.
"""

import os

from dagster import (
    AssetExecutionContext,
    AssetIn,
    AssetOut,
    AssetSpec,
    DynamicOut,
    DynamicOutput,
    In,
    MaterializeResult,
    MetadataValue,
    Nothing,
    OpExecutionContext,
    Out,
    Output,
    graph_multi_asset,
    multi_asset,
    op,
)
from pydantic import Field

from pipelines import extraction, stages
from pipelines.defs.assets import keys
from pipelines.defs.assets.config import RefreshConfig
from pipelines.defs.metadata import table_preview, table_rows
from pipelines.defs.resources import WarehouseResource

FACT_OUTPUTS = {
    "seizures": (keys.SEIZURES, "Seizures found in the articles."),
    "actor_mentions": (keys.ACTOR_MENTIONS, "Mentions of criminal organisations."),
    "country_mentions": (keys.COUNTRY_MENTIONS, "Mentions of countries."),
    "extractions": (keys.EXTRACTIONS, "When each article was extracted, and by which extractor version."),
}


class ExtractionConfig(RefreshConfig):
    shards: int = Field(
        default=os.cpu_count() or 1,
        description="File batches the articles to extract are split into; the multiprocess executor runs them in parallel.",
    )


@op(ins={"articles": In(Nothing)}, out=DynamicOut())
def plan_extraction_shards(context: OpExecutionContext, config: ExtractionConfig, warehouse: WarehouseResource):
    with warehouse.connect() as con:
        shards = stages.export_extraction_shards(
            con,
            warehouse.files.build_dir / "extraction",
            full_refresh=config.full_refresh,
            shards=config.shards,
        )
    context.log.info(f"extraction {extraction.EXTRACTOR_VERSION}: {len(shards)} shard(s) to extract")
    for number, shard in enumerate(shards):
        yield DynamicOutput(shard, mapping_key=f"shard_{number:04d}")


@op
def extract_shard(context: OpExecutionContext, shard: stages.ExtractionShard):
    summary = stages.extract_shard(shard)
    context.log.info(f"{shard.articles.stem}: {summary.articles} articles, {summary.seizures} seizures")
    return shard, summary


@op(out={name: Out(Nothing) for name in FACT_OUTPUTS})
def load_extracted_facts(context: OpExecutionContext, extracted: list, warehouse: WarehouseResource):
    shards = [shard for shard, _ in extracted]
    summary = sum((s for _, s in extracted), stages.ExtractionSummary())
    with warehouse.connect() as con:
        stages.load_extracted_shards(con, shards)
        rows = table_rows(con, list(FACT_OUTPUTS))
        preview = table_preview(
            con,
            "select drug, quantity_kg, quantity_units, country_iso2, actors, evidence "
            "from raw.seizures order by article_id, seizure_no limit 10",
        )
    context.log.info(
        f"extraction {extraction.EXTRACTOR_VERSION}: {summary.articles} articles extracted, {summary.seizures} "
        f"seizures, {summary.actor_mentions} actor and {summary.country_mentions} country mentions"
    )
    common = {"extractor_version": extraction.EXTRACTOR_VERSION, "articles_extracted": summary.articles}
    yield Output(None, "seizures", metadata={**common, "rows": rows["seizures"], "preview": MetadataValue.md(preview)})
    for name in ("actor_mentions", "country_mentions", "extractions"):
        yield Output(None, name, metadata={**common, "rows": rows[name]})


@graph_multi_asset(
    name="extract_facts",
    group_name="raw",
    ins={"articles": AssetIn(key=keys.ARTICLES, dagster_type=Nothing)},
    outs={
        name: AssetOut(key=key, dagster_type=Nothing, description=description)
        for name, (key, description) in FACT_OUTPUTS.items()
    },
)
def extract_facts(articles):
    extracted = plan_extraction_shards(articles).map(extract_shard).collect()
    return load_extracted_facts(extracted)


@multi_asset(
    name="reference_tables",
    group_name="raw",
    specs=[
        AssetSpec(keys.REF_ACTORS, description="Criminal organisations and their aliases, shipped with the extractor."),
        AssetSpec(keys.REF_COUNTRIES, description="ISO 3166-1 countries with English and Spanish names."),
    ],
)
def reference_tables(context: AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.connect() as con:
        rows = stages.load_reference(con)
    yield MaterializeResult(asset_key=keys.REF_ACTORS, metadata={"rows": rows["ref_actors"]})
    yield MaterializeResult(asset_key=keys.REF_COUNTRIES, metadata={"rows": rows["ref_countries"]})
