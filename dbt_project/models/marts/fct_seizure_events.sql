-- One row per real-world seizure: reports of the same seizure by several articles count once.
-- Figures come from the first report; actors are those any report ties to the seizure.
with reports as (
    select * from {{ ref('fct_seizures') }}
),

events as (
    select
        seizure_event_id,
        list_sort(list_distinct(flatten(list(actors)))) as actors,
        count(*) as reports,
        list(distinct article_id order by article_id) as article_ids,
        min(published_at) as first_published_at
    from reports
    group by seizure_event_id
)

select
    events.seizure_event_id,
    first_reports.drug,
    first_reports.drug_form,
    first_reports.quantity_kg,
    first_reports.quantity_units,
    first_reports.unit_type,
    first_reports.quantity_litres,
    first_reports.bulk_kg,
    first_reports.bulk_kg_basis,
    first_reports.is_approximate,
    first_reports.country_iso2,
    first_reports.country_name,
    events.actors,
    events.reports,
    events.article_ids,
    events.first_published_at,
    first_reports.evidence
from events
inner join reports as first_reports
    on first_reports.seizure_id = events.seizure_event_id
