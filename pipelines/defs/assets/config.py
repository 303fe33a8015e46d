from dagster import Config
from pydantic import Field


class RefreshConfig(Config):
    """Run configuration shared by the ingest and extraction assets."""

    full_refresh: bool = Field(
        default=False,
        description="Read every file again and re-extract every article, ignoring what earlier runs did "
        "(use it after the extractor changes).",
    )
