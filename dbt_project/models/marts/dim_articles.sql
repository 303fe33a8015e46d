with articles as (
    select * from {{ ref('stg_raw__articles') }}
),

files as (
    select * from {{ ref('int_article_files_ranked') }}
),

source_files as (
    select article_id, source_file, encoding, size_bytes
    from files
    where arrival = 1
),

duplicates as (
    select article_id, list(source_file order by arrival) as duplicate_files
    from files
    where arrival > 1
    group by article_id
),

seizure_counts as (
    select article_id, count(*) as seizures
    from {{ ref('stg_raw__seizures') }}
    group by article_id
)

select
    articles.article_id,
    source_files.source_file,
    articles.title,
    articles.published_at,
    articles.language,
    source_files.encoding,
    source_files.size_bytes,
    articles.char_count,
    coalesce(seizure_counts.seizures, 0) as seizures,
    coalesce(duplicates.duplicate_files, []::varchar[]) as duplicate_files,
    articles.ingested_at
from articles
inner join source_files using (article_id)
left join duplicates using (article_id)
left join seizure_counts using (article_id)
