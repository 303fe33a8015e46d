-- One row per seizure report: a seizure as one article states it, traceable to its sentence.
-- A view: the reports are stored once (int_seizure_reports, built incrementally) and joined to
-- their event (int_seizure_events, rebuilt every run) when read.
{{ config(materialized='view') }}

with reports as (
    select * from {{ ref('int_seizure_reports') }}
),

events as (
    select * from {{ ref('int_seizure_events') }}
),

countries as (
    select country_iso2, country_name from {{ ref('stg_raw__ref_countries') }}
)

select
    reports.seizure_id,
    events.seizure_event_id,
    reports.seizure_id = events.seizure_event_id as is_first_report,
    events.event_reports,
    reports.article_id,
    reports.source_file,
    reports.published_at,
    reports.seizure_no,
    reports.drug,
    reports.drug_form,
    reports.quantity_kg,
    reports.quantity_units,
    reports.unit_type,
    reports.quantity_litres,
    reports.bulk_kg,
    reports.bulk_kg_basis,
    reports.quantity_text,
    reports.is_approximate,
    reports.country_iso2,
    countries.country_name,
    reports.country_basis,
    reports.actors,
    reports.evidence,
    reports.sentence_no,
    reports.char_start,
    reports.char_end,
    reports.rule,
    reports.extractor_version,
    reports.extracted_at
from reports
inner join events using (seizure_id)
left join countries using (country_iso2)
