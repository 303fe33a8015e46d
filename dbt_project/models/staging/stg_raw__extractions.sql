with source as (
    select * from {{ source('raw', 'extractions') }}
),

renamed as (
    select
        article_id,
        extractor_version,
        extracted_at
    from source
)

select * from renamed
