-- Seizure reports with their article's source file, date and extraction time, and a bulk
-- weight analysts can add up. The bulk of the seizure data, so a table built incrementally by
-- article (configured in dbt_project.yml): a run adds the articles extracted since the last one.

with seizures as (
    select * from {{ ref('stg_raw__seizures') }}
    {{ only_articles_to_rebuild() }}
),

files as (
    select article_id, source_file
    from {{ ref('int_article_files_ranked') }}
    where arrival = 1
),

articles as (
    select article_id, published_at from {{ ref('stg_raw__articles') }}
),

extractions as (
    select article_id, extracted_at from {{ ref('stg_raw__extractions') }}
),

enriched as (
    select
        seizures.article_id || '-' || lpad(seizures.seizure_no::varchar, 3, '0') as seizure_id,
        seizures.*,
        files.source_file,
        articles.published_at,
        case
            when seizures.quantity_kg is not null then seizures.quantity_kg
            when seizures.quantity_litres is not null
                then seizures.quantity_litres * {{ var('kg_per_litre') }}
        end as bulk_kg,
        case
            when seizures.quantity_kg is not null then 'reported weight'
            when seizures.quantity_litres is not null
                then 'volume at {{ var("kg_per_litre") }} kg per litre (UNODC)'
        end as bulk_kg_basis,
        extractions.extracted_at
    from seizures
    inner join files using (article_id)
    inner join articles using (article_id)
    inner join extractions using (article_id)
)

select * from enriched
