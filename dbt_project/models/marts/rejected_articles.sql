-- Files that did not become articles of their own: rejected files with the reason, and
-- duplicates (the same text under another name), which are counted once, under their first file.
with rejected as (
    select * from {{ ref('stg_raw__rejected_files') }}
),

duplicates as (
    select * from {{ ref('int_article_files_ranked') }}
    where arrival > 1
)

select
    source_file,
    'rejected' as status,
    reason,
    null::varchar as duplicate_of,
    size_bytes,
    rejected_at as recorded_at
from rejected

union all

select
    source_file,
    'duplicate' as status,
    'same text as ' || canonical_source_file as reason,
    canonical_source_file as duplicate_of,
    size_bytes,
    last_read_at as recorded_at
from duplicates
