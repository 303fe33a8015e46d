-- How often each article names each country, by kind of mention. The mentions themselves, with
-- their text and offsets, are in staging.stg_raw__country_mentions. Incremental by article
-- (configured in dbt_project.yml).

with mentions as (
    select * from {{ ref('stg_raw__country_mentions') }}
    {{ only_articles_to_rebuild() }}
),

extractions as (
    select article_id, extracted_at from {{ ref('stg_raw__extractions') }}
),

countries as (
    select country_iso2, country_name from {{ ref('stg_raw__ref_countries') }}
),

per_article as (
    select
        article_id,
        country_iso2,
        count(*) as mentions,
        count(*) filter (where mention_type = 'name') as name_mentions,
        count(*) filter (where mention_type = 'demonym') as demonym_mentions,
        count(*) filter (where mention_type = 'place') as place_mentions,
        min(sentence_no) as first_sentence_no,
        min(char_start) as first_char_start
    from mentions
    group by article_id, country_iso2
)

select
    per_article.article_id,
    per_article.country_iso2,
    countries.country_name,
    per_article.mentions,
    per_article.name_mentions,
    per_article.demonym_mentions,
    per_article.place_mentions,
    per_article.first_sentence_no,
    per_article.first_char_start,
    extractions.extracted_at
from per_article
inner join extractions using (article_id)
left join countries using (country_iso2)
