"""A terse progress logger for the CLI: step starts and ends, and the Python assets' summaries."""

import logging
import sys

from dagster import logger

from pipelines.defs.assets.dbt import dbt_models

# dbt narrates every model and test; the CLI keeps that for its log file, not for the screen.
CHATTY_STEPS = {dbt_models.op.name}
# Dagster explains each step it skips after a failure by listing every missing input.
SKIPPED_PREFIX = "Dependencies for step"


class ProgressHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", {}) or {}
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        if event is not None:
            kind = event.event_type_value
            if kind == "STEP_START":
                message = f"… {step}"
            elif kind == "STEP_SUCCESS":
                message = f"✓ {step} ({event.event_specific_data.duration_ms / 1000:.1f} s)"
            elif kind == "STEP_FAILURE":
                message = f"✗ {step} failed"
            else:
                return
        elif record.levelno >= logging.INFO and meta.get("orig_message") and step not in CHATTY_STEPS:
            message = str(meta["orig_message"])
            if message.startswith(SKIPPED_PREFIX):
                return  # the failed step's own line says what went wrong
        else:
            return
        print(f"  {message}", file=sys.stderr, flush=True)


@logger(description="One line per step and per asset summary, for the narcowatch CLI.")
def progress_logger(init_context) -> logging.Logger:
    log = logging.getLogger("narcowatch.progress")
    log.setLevel(logging.DEBUG)  # step events are logged at DEBUG level
    log.propagate = False
    if not log.handlers:
        log.addHandler(ProgressHandler())
    return log
