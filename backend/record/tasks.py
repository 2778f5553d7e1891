"""Worker tasks of the patient record: the export job and the sweep of old export files."""

from __future__ import annotations

import uuid
from typing import Any

from celery import shared_task

from backend.config import load_settings
from backend.jobs.runner import TRANSIENT, JobContext, job_task
from backend.record.rights import sweep_exports, write_export


class ExportFailed(Exception):
    """An export that could not be written (the cause is logged without its message)."""


async def export_body(ctx: JobContext) -> dict[str, Any]:
    """Write the owner's export; idempotent (a re-run rewrites the same file)."""
    from backend.jobs.repository import JobRepository

    async with ctx.db.sessionmaker() as session:
        job = await JobRepository(session).get(ctx.job_id)
    assert job is not None and job.created_by is not None
    await ctx.progress(10, "Collecting the record")
    try:
        result = await write_export(ctx.db, ctx.settings, ctx.job_id, uuid.UUID(job.created_by))
    except TRANSIENT:
        raise
    except Exception as exc:
        # The job row and the log keep the error text: make sure it names no record values.
        raise ExportFailed(f"export failed: {type(exc).__name__}") from None
    await ctx.progress(95, "Export written")
    return result


export = job_task("record.export")(export_body)


@shared_task(name="record.sweep_exports", ignore_result=True)
def sweep() -> int:
    """Beat task: delete export files older than 24 h."""
    return sweep_exports(load_settings())
