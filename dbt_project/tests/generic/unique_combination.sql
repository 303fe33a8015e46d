{#- No two rows share the same values in all of `columns` (nulls compare equal). -#}
{% test unique_combination(model, columns) %}
select {{ columns | join(', ') }}, count(*) as rows_with_these_values
from {{ model }}
group by all
having count(*) > 1
{% endtest %}
