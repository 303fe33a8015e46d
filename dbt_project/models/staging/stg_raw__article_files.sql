with source as (
    select * from {{ source('raw', 'article_files') }}
),

renamed as (
    select
        source_file,
        article_id,
        size_bytes,
        make_timestamp(modified_ns // 1000) as modified_at,
        encoding,
        first_seen_at,
        last_read_at
    from source
)

select * from renamed
