-- Seizures (events, each counted once) by the organisation the text ties them to, and drug.
-- A seizure tied to two organisations counts for each of them.
with events as (
    select * from {{ ref('fct_seizure_events') }}
),

by_actor as (
    select unnest(actors) as actor, * exclude (actors)
    from events
)

select
    actor,
    drug,
    {{ seizure_totals() }},
    count(distinct country_iso2) as countries,
    list_sort(list_distinct(list(country_iso2))) as country_list
from by_actor
group by actor, drug
