-- One seizure is often reported by several articles. Reports of the same drug, country and
-- quantity (3 significant digits, or the same count) published within a few days of each other
-- are grouped into one event. Undated reports are never merged across articles: without a
-- date, two identical figures may be different seizures. Within an article the extractor has
-- already merged restatements, so the n-th identical report of an article only ever joins the
-- n-th identical report of another. A table rebuilt every run: a new report can join an event
-- of any age, so this is computed over all reports (a few narrow columns).
{{ config(materialized='table') }}

with reports as (
    select seizure_id, article_id, seizure_no, drug, country_iso2, bulk_kg, quantity_units, published_at
    from {{ ref('int_seizure_reports') }}
),

keyed as (
    select
        *,
        concat_ws(
            '|',
            drug,
            coalesce(country_iso2, 'at-sea'),
            coalesce(
                round(bulk_kg, (2 - floor(log10(nullif(bulk_kg, 0))))::integer)::varchar,
                ''
            ),
            coalesce(quantity_units::varchar, ''),
            row_number() over (
                partition by article_id, drug, country_iso2, bulk_kg, quantity_units
                order by seizure_no
            )
        ) as event_key
    from reports
),

ordered as (
    select
        *,
        lag(published_at) over (partition by event_key order by published_at, seizure_id) as previous_published_at
    from keyed
),

islands as (
    select
        *,
        sum(
            case
                when published_at is null or previous_published_at is null then 1
                when published_at - previous_published_at > interval ({{ var('same_event_within_days') }}) day then 1
                else 0
            end
        ) over (
            partition by event_key order by published_at, seizure_id
            rows between unbounded preceding and current row
        ) as island
    from ordered
),

events as (
    select
        seizure_id,
        first_value(seizure_id) over (
            partition by event_key, island order by published_at, seizure_id
        ) as seizure_event_id,
        count(*) over (partition by event_key, island) as event_reports
    from islands
)

select * from events
