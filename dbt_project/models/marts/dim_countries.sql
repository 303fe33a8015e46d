with countries as (
    select * from {{ ref('stg_raw__ref_countries') }}
),

mentioned as (
    select country_iso2, count(distinct article_id) as articles
    from {{ ref('stg_raw__country_mentions') }}
    group by country_iso2
),

seized as (
    select country_iso2, count(*) as seizures
    from {{ ref('fct_seizure_events') }}
    where country_iso2 is not null
    group by country_iso2
)

select
    countries.country_iso2,
    countries.country_name,
    countries.country_name_es,
    coalesce(mentioned.articles, 0) as articles,
    coalesce(seized.seizures, 0) as seizures
from countries
left join mentioned using (country_iso2)
left join seized using (country_iso2)
