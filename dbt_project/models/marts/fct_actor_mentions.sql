-- How often each article names each criminal organisation, by any of its names. The mentions
-- themselves, with the name as written and offsets, are in staging.stg_raw__actor_mentions.
with mentions as (
    select * from {{ ref('stg_raw__actor_mentions') }}
)

select
    article_id,
    actor,
    count(*) as mentions,
    min(sentence_no) as first_sentence_no,
    min(char_start) as first_char_start
from mentions
group by article_id, actor
