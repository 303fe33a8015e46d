{#- Incremental marts keyed by article. Each run rebuilds only the articles extracted since the
    model was last built (by the newest extraction time it holds), so the cost of a run follows
    the new articles, not the corpus.

    Their shared configuration is in dbt_project.yml (`incremental_by_article`).

    `articles_to_rebuild()`: the articles extracted after the newest extraction in this model.
    `only_articles_to_rebuild()`: the where clause that reads only those, on incremental runs.
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

{% macro only_articles_to_rebuild() %}
    {% if is_incremental() %}
        where article_id in ({{ articles_to_rebuild() }})
    {% endif %}
{% endmacro %}
