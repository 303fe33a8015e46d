with source as (
    select * from {{ source('raw', 'rejected_files') }}
),

renamed as (
    select
        source_file,
        reason,
        size_bytes,
        make_timestamp(modified_ns // 1000) as modified_at,
        rejected_at
    from source
)

select * from renamed
