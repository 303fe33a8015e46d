with source as (
    select * from {{ source('raw', 'country_mentions') }}
),

renamed as (
    select
        article_id,
        upper(country_iso2) as country_iso2,
        matched_text,
        mention_type,
        sentence_no,
        char_start,
        char_end,
        extractor_version
    from source
)

select * from renamed
