-- Every file with its place among the files that carry the same text: the first one to
-- arrive is the article's source file, later ones are duplicates.
with files as (
    select * from {{ ref('stg_raw__article_files') }}
),

ranked as (
    select
        *,
        row_number() over (partition by article_id order by first_seen_at, source_file) as arrival,
        first_value(source_file) over (
            partition by article_id order by first_seen_at, source_file
        ) as canonical_source_file
    from files
)

select * from ranked
