with mentions as (
    select * from {{ ref('stg_raw__country_mentions') }}
),

countries as (
    select country_iso2, country_name from {{ ref('stg_raw__ref_countries') }}
)

select
    mentions.article_id,
    mentions.country_iso2,
    countries.country_name,
    count(*) as mentions,
    list(distinct mentions.mention_type order by mentions.mention_type) as mention_types,
    list(distinct mentions.matched_text order by mentions.matched_text) as matched_texts,
    min(mentions.sentence_no) as first_sentence_no,
    min(mentions.char_start) as first_char_start
from mentions
left join countries using (country_iso2)
group by mentions.article_id, mentions.country_iso2, countries.country_name
