with actors as (
    select * from {{ ref('stg_raw__ref_actors') }}
),

mentioned as (
    select actor, count(distinct article_id) as articles
    from {{ ref('stg_raw__actor_mentions') }}
    group by actor
),

tied as (
    select actor, count(*) as seizures
    from (select unnest(actors) as actor from {{ ref('fct_seizure_events') }})
    group by actor
)

select
    actors.actor,
    actors.actor_type,
    actors.home_country_iso2,
    actors.aliases,
    coalesce(mentioned.articles, 0) as articles,
    coalesce(tied.seizures, 0) as seizures
from actors
left join mentioned using (actor)
left join tied using (actor)
