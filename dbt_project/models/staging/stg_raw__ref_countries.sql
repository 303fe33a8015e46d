with source as (
    select * from {{ source('raw', 'ref_countries') }}
),

renamed as (
    select
        upper(country_iso2) as country_iso2,
        country_name,
        country_name_es
    from source
)

select * from renamed
