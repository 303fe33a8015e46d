with source as (
    select * from {{ source('raw', 'articles') }}
),

renamed as (
    select
        article_id,
        nullif(trim(title), '') as title,
        published_at,
        language,
        text,
        length(text) as char_count,
        ingested_at
    from source
)

select * from renamed
