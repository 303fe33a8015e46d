with source as (
    select * from {{ source('raw', 'actor_mentions') }}
),

renamed as (
    select
        article_id,
        actor,
        matched_text,
        sentence_no,
        char_start,
        char_end,
        extractor_version
    from source
)

select * from renamed
