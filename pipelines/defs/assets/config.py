from dagster import Config
from pydantic import Field


class RefreshConfig(Config):
    """Run configuration shared by the ingest, extraction and dbt assets."""

    full_refresh: bool = Field(
        default=False,
        description="Read every file again, re-extract every article and rebuild every mart from scratch, "
        "ignoring what earlier runs did (use it after the extractor or a dbt model changes).",
    )
