-- Seizures (events, each counted once) by country of seizure and drug. Seizures at sea or with
-- no known place form the rows whose country_iso2 is null.
with events as (
    select * from {{ ref('fct_seizure_events') }}
)

select
    country_iso2,
    coalesce(country_name, 'at sea or not determined') as country_name,
    drug,
    {{ seizure_totals() }}
from events
group by country_iso2, country_name, drug
