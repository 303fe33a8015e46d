{#- Incremental marts keyed by article. Each run rebuilds only the articles extracted since the
    model was last built (by the newest extraction time it holds), so the cost of a run follows
    the new articles, not the corpus.

    `articles_to_rebuild()`: the articles extracted after the newest extraction in this model.
    `forget_stale_articles()` (a pre-hook): delete the rows of those articles first — their new
    extraction may yield no row at all — and of articles no longer in the warehouse (no file
    carries them any more: their extraction is removed with them). -#}

{% macro articles_to_rebuild() %}
    select extractions.article_id
    from {{ ref('stg_raw__extractions') }} as extractions
    where extractions.extracted_at > (
        select coalesce(max(built.extracted_at), '-infinity'::timestamptz) from {{ this }} as built
    )
{% endmacro %}

{% macro forget_stale_articles() %}
    {% if is_incremental() %}
        delete from {{ this }}
        where article_id in ({{ articles_to_rebuild() }})
           or article_id not in (select current.article_id from {{ ref('stg_raw__extractions') }} as current)
    {% endif %}
{% endmacro %}
