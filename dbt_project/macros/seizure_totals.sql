{#- The figures every seizure aggregate reports, over rows of fct_seizure_events: each
    seizure (event) counted once, with the articles and reports behind it. -#}
{% macro seizure_totals() %}
    count(*) as seizures,
    sum(quantity_kg) as total_kg,
    sum(quantity_units) as total_units,
    sum(quantity_litres) as total_litres,
    sum(bulk_kg) as total_bulk_kg,
    count(*) filter (where quantity_kg is not null) as seizures_with_weight,
    len(list_distinct(flatten(list(article_ids)))) as articles,
    sum(reports) as reports
{% endmacro %}
