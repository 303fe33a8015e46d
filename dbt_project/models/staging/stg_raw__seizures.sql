with source as (
    select * from {{ source('raw', 'seizures') }}
),

renamed as (
    select
        article_id,
        seizure_no,
        drug,
        lower(trim(drug_form)) as drug_form,
        quantity_kg,
        quantity_units,
        unit_type,
        quantity_litres,
        quantity_text,
        is_approximate,
        upper(country_iso2) as country_iso2,
        country_basis,
        coalesce(actors, []::varchar[]) as actors,
        evidence,
        sentence_no,
        char_start,
        char_end,
        rule,
        extractor_version
    from source
)

select * from renamed
