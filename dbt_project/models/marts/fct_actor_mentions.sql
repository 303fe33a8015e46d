-- How often each article names each criminal organisation, by any of its names. The mentions
-- themselves, with the name as written and offsets, are in staging.stg_raw__actor_mentions.
-- Incremental by article (configured in dbt_project.yml).

with mentions as (
    select * from {{ ref('stg_raw__actor_mentions') }}
    {{ only_articles_to_rebuild() }}
),

extractions as (
    select article_id, extracted_at from {{ ref('stg_raw__extractions') }}
),

per_article as (
    select
        article_id,
        actor,
        count(*) as mentions,
        min(sentence_no) as first_sentence_no,
        min(char_start) as first_char_start
    from mentions
    group by article_id, actor
)

select per_article.*, extractions.extracted_at
from per_article
inner join extractions using (article_id)
