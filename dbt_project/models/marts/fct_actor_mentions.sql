with mentions as (
    select * from {{ ref('stg_raw__actor_mentions') }}
)

select
    article_id,
    actor,
    count(*) as mentions,
    list(distinct matched_text order by matched_text) as matched_texts,
    min(sentence_no) as first_sentence_no,
    min(char_start) as first_char_start
from mentions
group by article_id, actor
