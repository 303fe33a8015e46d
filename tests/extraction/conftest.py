"""Fixtures of the extractor's tests (helpers live in extraction_helpers.py)."""

from extraction_helpers import actors, countries, extract, seizures  # noqa: F401  (fixtures)
