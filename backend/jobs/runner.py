"""Runs job tasks: claim the job, report progress, honour cancel, retry transient errors.

Every task that works on a `job` row goes through `job_task`, which makes it idempotent
(a finished job is never run again), resumable (a checkpoint survives a killed worker) and
cancellable (the body learns of a cancel at its next progress report; the file broker has
no broadcast, so cooperative polling is the only portable way).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any, TypeVar

from celery import shared_task
from sqlalchemy.exc import DBAPIError, OperationalError

from backend.config import Settings, load_settings
from backend.core.logging import job_id_var
from backend.database import Database
from backend.jobs.repository import JobRepository
from backend.models import Job, JobStatus
from backend.models.base import utcnow

log = logging.getLogger("lumen.jobs")
T = TypeVar("T")


class JobCancelled(Exception):
    """Raised inside a job body when its job was cancelled."""


class TransientJobError(Exception):
    """A failure worth retrying later (an outside service down, a lock timeout)."""


TRANSIENT = (TransientJobError, OperationalError, ConnectionError, TimeoutError)

_db: Database | None = None
_loop: asyncio.Runner | None = None


def worker_db() -> Database:
    """This process's database handle, pooled across tasks on the process's one event loop."""
    global _db
    if _db is None:
        _db = Database(load_settings())
    return _db


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on this worker process's persistent loop (keeps DB connections warm)."""
    global _loop
    if _loop is None:
        _loop = asyncio.Runner()
    return _loop.run(coro)


def reset_worker_db() -> None:
    """Forget the parent's loop and connections in a freshly forked pool process."""
    global _db, _loop
    _db, _loop = None, None


class JobContext:
    """What a job body gets: its job, params, checkpoint, and a progress reporter."""

    def __init__(self, db: Database, job: Job, settings: Settings) -> None:
        self.db = db
        self.job_id: uuid.UUID = job.id
        self.params: dict[str, Any] = dict(job.params or {})
        self.checkpoint: dict[str, Any] = dict(job.checkpoint or {})
        self.attempt: int = job.attempts
        self.created_at = job.created_at
        self.started_at = job.started_at
        self.settings = settings

    async def progress(
        self, percent: float, message: str | None = None, *,
        checkpoint: dict[str, Any] | None = None,
    ) -> None:
        """Store progress (0–100) and optional checkpoint; raise JobCancelled if cancelled."""
        if checkpoint is not None:
            self.checkpoint = checkpoint
        pct = max(0, min(100, int(percent)))
        async with self.db.sessionmaker() as session:
            status = await JobRepository(session).heartbeat(
                self.job_id, progress=pct, message=message, checkpoint=checkpoint)
            await session.commit()
        if status == JobStatus.cancelling or status == JobStatus.cancelled:
            raise JobCancelled()


JobBody = Callable[[JobContext], Awaitable[dict[str, Any] | None]]


def job_task(name: str) -> Callable[[JobBody], Any]:
    """Turn an async job body into a Celery task named `name` that takes a job ID."""

    def decorate(body: JobBody) -> Any:
        @shared_task(name=name, bind=True, acks_late=True, max_retries=None)
        def task(self: Any, job_id: str) -> str:
            outcome, retry_in = run_async(run_job(body, job_id))
            if retry_in is not None:
                raise self.retry(countdown=retry_in)
            return outcome

        task.body = body
        return task

    return decorate


async def run_job(body: JobBody, job_id: str) -> tuple[str, float | None]:
    """Run one delivery of a job; returns (outcome, seconds until retry or None)."""
    settings = load_settings()
    db = worker_db()
    token = job_id_var.set(job_id)
    try:
        jid = uuid.UUID(job_id)
        async with db.sessionmaker() as session:
            repo = JobRepository(session)
            claimed = await repo.claim(jid, worker=_worker_name(),
                                       lease=timedelta(seconds=settings.job_lease_seconds))
            await session.commit()
            job = await repo.get(jid)
        if job is None:
            log.warning("job not found; dropping task")
            return "missing", None
        if not claimed:
            # Finished, cancelled, or alive on another worker: a duplicate delivery.
            if job.status == JobStatus.cancelling:
                await _finish(db, jid, JobStatus.cancelled, message="Cancelled")
            log.info("job not claimable; skipped", extra={"status": job.status.value})
            return f"skipped:{job.status.value}", None
        return await _execute(body, db, job, settings)
    finally:
        job_id_var.reset(token)


async def _execute(
    body: JobBody, db: Database, job: Job, settings: Settings
) -> tuple[str, float | None]:
    ctx = JobContext(db, job, settings)
    log.info("job started", extra={"type": job.type, "attempt": job.attempts})
    try:
        result = await body(ctx)
    except JobCancelled:
        await _finish(db, job.id, JobStatus.cancelled, message="Cancelled")
        log.info("job cancelled")
        return "cancelled", None
    except TRANSIENT as exc:
        return await _transient(db, job, settings, exc)
    except DBAPIError as exc:
        return await _transient(db, job, settings, exc)
    except Exception as exc:
        log.exception("job failed")
        await _finish(db, job.id, JobStatus.failed, message="Failed",
                      error={"code": type(exc).__name__, "message": str(exc)[:2000]})
        return "failed", None
    await _finish(db, job.id, JobStatus.succeeded, message="Done", result=result or {},
                  progress=100)
    log.info("job succeeded")
    return "succeeded", None


async def _transient(
    db: Database, job: Job, settings: Settings, exc: BaseException
) -> tuple[str, float | None]:
    if job.attempts >= settings.job_max_attempts:
        log.warning("job gave up after retries", extra={"attempts": job.attempts})
        await _finish(db, job.id, JobStatus.failed, message="Failed after retries",
                      error={"code": "retries_exhausted", "message": str(exc)[:2000]})
        return "failed", None
    delay = min(settings.job_retry_backoff_seconds * 2 ** (job.attempts - 1), 300.0)
    async with db.sessionmaker() as session:
        await JobRepository(session).set_status(
            job.id, expect=[JobStatus.running],
            values={"status": JobStatus.queued, "heartbeat_at": None,
                    "message": f"Retrying in {delay:.1f}s after: {str(exc)[:200]}"})
        await session.commit()
    log.warning("transient job error; retrying", extra={"delay_s": delay, "error": str(exc)[:200]})
    return "retry", delay


async def _finish(db: Database, job_id: uuid.UUID, status: JobStatus, **values: Any) -> None:
    async with db.sessionmaker() as session:
        await JobRepository(session).set_status(
            job_id, expect=[JobStatus.running, JobStatus.cancelling, JobStatus.queued],
            values={"status": status, "finished_at": utcnow(), **values})
        await session.commit()


def _worker_name() -> str:
    import os

    return f"{socket.gethostname()}:{os.getpid()}"
