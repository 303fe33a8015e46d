"""Asset keys of the raw tables, shared by the assets that write them and the checks that read them."""

from dagster import AssetKey

ARTICLES = AssetKey(["raw", "articles"])
ARTICLE_FILES = AssetKey(["raw", "article_files"])
REJECTED_FILES = AssetKey(["raw", "rejected_files"])
SEIZURES = AssetKey(["raw", "seizures"])
ACTOR_MENTIONS = AssetKey(["raw", "actor_mentions"])
COUNTRY_MENTIONS = AssetKey(["raw", "country_mentions"])
EXTRACTIONS = AssetKey(["raw", "extractions"])
REF_ACTORS = AssetKey(["raw", "ref_actors"])
REF_COUNTRIES = AssetKey(["raw", "ref_countries"])
PUBLISHED_WAREHOUSE = AssetKey(["warehouse", "published"])
