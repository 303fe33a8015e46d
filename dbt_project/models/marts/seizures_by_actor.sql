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
    count(*) as seizures,
    sum(quantity_kg) as total_kg,
    sum(quantity_units) as total_units,
    sum(quantity_litres) as total_litres,
    sum(bulk_kg) as total_bulk_kg,
    count(distinct country_iso2) as countries,
    list_sort(list_distinct(list(country_iso2))) as country_list,
    len(list_distinct(flatten(list(article_ids)))) as articles,
    sum(reports) as reports
from by_actor
group by actor, drug
