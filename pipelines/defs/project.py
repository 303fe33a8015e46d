"""The dbt project, shared by the dbt assets and the dbt resource."""

from dagster_dbt import DbtProject

from pipelines.settings import DBT_PROJECT_DIR

# The manifest is prepared by `make` (dbt parse) or the CLI before Definitions are loaded;
# importing this module never runs dbt.
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
