with source as (
    select * from {{ source('raw', 'ref_actors') }}
),

renamed as (
    select
        actor,
        actor_type,
        upper(home_country_iso2) as home_country_iso2,
        aliases
    from source
)

select * from renamed
