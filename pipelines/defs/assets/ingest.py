"""Ingest: the articles folder → raw.articles, raw.article_files, raw.rejected_files."""

from dagster import (
    AssetExecutionContext,
    AssetSpec,
    MaterializeResult,
    MetadataValue,
    multi_asset,
)

from pipelines import stages
from pipelines.defs.assets import keys
from pipelines.defs.assets.config import RefreshConfig
from pipelines.defs.metadata import markdown_table, table_rows
from pipelines.defs.resources import ArticlesFolderResource, WarehouseResource


@multi_asset(
    name="ingest_articles",
    group_name="raw",
    specs=[
        AssetSpec(keys.ARTICLES, description="One row per distinct article text, cleaned of site clutter."),
        AssetSpec(keys.ARTICLE_FILES, description="Every file read and the article its text became."),
        AssetSpec(keys.REJECTED_FILES, description="Files that could not become an article, with the reason."),
    ],
)
def ingest_articles(
    context: AssetExecutionContext,
    config: RefreshConfig,
    articles_folder: ArticlesFolderResource,
    warehouse: WarehouseResource,
):
    with warehouse.connect() as con:
        summary = stages.ingest_folder(
            con,
            articles_folder.folder,
            max_article_bytes=articles_folder.max_article_bytes,
            full_refresh=config.full_refresh,
        )
        rows = table_rows(con, ["articles", "article_files", "rejected_files"])
    context.log.info(
        f"ingest: {summary.files_found} files in {articles_folder.folder}, {summary.files_read} new or changed, "
        f"{summary.new_articles} new articles, {summary.duplicate_files} duplicates, {len(summary.rejected)} rejected"
    )
    yield MaterializeResult(
        asset_key=keys.ARTICLES,
        metadata={
            "rows": rows["articles"],
            "new_articles": summary.new_articles,
            "files_found": summary.files_found,
            "files_read": summary.files_read,
            "duplicate_files": summary.duplicate_files,
        },
    )
    yield MaterializeResult(asset_key=keys.ARTICLE_FILES, metadata={"rows": rows["article_files"]})
    yield MaterializeResult(
        asset_key=keys.REJECTED_FILES,
        metadata={
            "rows": rows["rejected_files"],
            "rejected_this_run": len(summary.rejected),
            "rejected_files": MetadataValue.md(markdown_table(["file", "reason"], summary.rejected)),
        },
    )
