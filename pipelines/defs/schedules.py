"""A daily run of the whole graph, off until a data engineer turns it on."""

from dagster import DefaultScheduleStatus, ScheduleDefinition

from pipelines.defs.jobs import narcowatch_job

daily_schedule = ScheduleDefinition(
    name="narcowatch_daily",
    job=narcowatch_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.STOPPED,
    description="Every day at 06:00 UTC: pick up new articles and rebuild the marts.",
)
