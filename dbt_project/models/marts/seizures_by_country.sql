-- Seizures (events, each counted once) by country of seizure and drug. Seizures at sea or with
-- no known place form the rows whose country_iso2 is null.
with events as (
    select * from {{ ref('fct_seizure_events') }}
)

select
    country_iso2,
    coalesce(country_name, 'at sea or not determined') as country_name,
    drug,
    count(*) as seizures,
    sum(quantity_kg) as total_kg,
    sum(quantity_units) as total_units,
    sum(quantity_litres) as total_litres,
    sum(bulk_kg) as total_bulk_kg,
    count(*) filter (where quantity_kg is not null) as seizures_with_weight,
    len(list_distinct(flatten(list(article_ids)))) as articles,
    sum(reports) as reports
from events
group by all
