-- The text of each article, which every character offset points into. A view: the text is
-- stored once, in raw.articles, not copied into the marts at every run.
{{ config(materialized='view') }}

select article_id, text
from {{ ref('stg_raw__articles') }}
