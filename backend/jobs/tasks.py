"""Scheduled job maintenance: re-send lost jobs, recover jobs of dead workers."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from celery import shared_task

from backend.config import Settings, load_settings
from backend.database import Database
from backend.jobs import registry
from backend.jobs.repository import JobRepository
from backend.models import JobStatus
from backend.models.base import utcnow

log = logging.getLogger("lumen.jobs.sweep")


@shared_task(name="jobs.sweep", ignore_result=True)
def sweep() -> dict[str, int]:
    """Beat task: see `sweep_jobs`."""
    from backend.jobs.runner import run_async, worker_db

    return run_async(sweep_jobs(worker_db(), load_settings()))


async def sweep_jobs(db: Database, settings: Settings) -> dict[str, int]:
    """Re-send queued jobs nobody picked up and jobs whose worker stopped heart-beating.

    Re-sending is safe: a task whose job is already claimed or finished skips itself.
    """
    from backend.worker import send_task

    now = utcnow()
    counts = {"resent": 0, "recovered": 0, "cancelled": 0}
    to_send: list[tuple[str, str]] = []
    async with db.sessionmaker() as session:
        repo = JobRepository(session)
        requeue_cut = now - timedelta(seconds=settings.job_requeue_after_seconds)
        for job in await repo.stale(status=JobStatus.queued, before=requeue_cut):
            # Touch updated_at so the next sweep waits a full period before re-sending again.
            await repo.set_status(job.id, expect=[JobStatus.queued], values={})
            to_send.append((_task_for(job.type), str(job.id)))
            counts["resent"] += 1
        lease_cut = now - timedelta(seconds=settings.job_lease_seconds)
        for job in await repo.stale(status=JobStatus.running, before=lease_cut,
                                    column="heartbeat_at"):
            to_send.append((_task_for(job.type), str(job.id)))
            counts["recovered"] += 1
        for job in await repo.stale(status=JobStatus.cancelling, before=lease_cut,
                                    column="heartbeat_at"):
            await repo.set_status(job.id, expect=[JobStatus.cancelling],
                                  values={"status": JobStatus.cancelled, "finished_at": now,
                                          "message": "Cancelled"})
            counts["cancelled"] += 1
        await session.commit()
    for task_name, job_id in to_send:
        await asyncio.to_thread(send_task, settings, task_name, (job_id,))
    if any(counts.values()):
        log.info("job sweep", extra=counts)
    return counts


def _task_for(job_type: str) -> str:
    jt = registry.get(job_type)
    return jt.task if jt is not None else job_type


