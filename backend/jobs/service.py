"""Job use cases: start, list, read, cancel."""

from __future__ import annotations

import uuid

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from backend.auth.access import Forbidden, Principal
from backend.core.errors import AppError, Conflict, NotFound
from backend.core.metrics import JOBS_BY_STATUS, JOBS_CREATED
from backend.database import enqueue_after_commit
from backend.jobs import registry
from backend.jobs.repository import JobRepository
from backend.jobs.schemas import JobCreate, JobPage, JobRead
from backend.models import FINISHED_STATUSES, Job, JobStatus, Role
from backend.models.base import utcnow


def owner_filter(principal: Principal | None) -> str | None:
    """Whose jobs the caller sees: admins (and the CLI, principal None) see all."""
    if principal is None or principal.role == Role.admin:
        return None
    return str(principal.user_id)


async def start_job(
    session: AsyncSession, *, data: JobCreate, principal: Principal | None
) -> Job:
    """Validate params for the type, store the job, and send its task after commit."""
    job_type = registry.get(data.type)
    if job_type is not None and principal is not None and \
            principal.role.value not in job_type.roles:
        raise Forbidden(f"Your role may not start {data.type!r} jobs")
    if job_type is None:
        known = [t.type for t in registry.all_types()]
        raise AppError(422, "validation_error", f"Unknown job type {data.type!r}",
                       [{"loc": ["body", "type"], "msg": f"must be one of {known}",
                         "type": "unknown_job_type"}])
    try:
        params = job_type.params.model_validate(data.params).model_dump(mode="json")
    except ValidationError as exc:
        details = [{"loc": ["body", "params", *err["loc"]], "msg": err["msg"], "type": err["type"]}
                   for err in exc.errors()]
        raise AppError(422, "validation_error", "Invalid job params", details) from None
    created_by = str(principal.user_id) if principal is not None else "cli"
    job = await JobRepository(session).add(type=data.type, params=params, created_by=created_by)
    enqueue_after_commit(session, job_type.task, str(job.id))
    JOBS_CREATED.labels(data.type).inc()
    return job


async def get_job(
    session: AsyncSession, *, job_id: uuid.UUID, principal: Principal | None = None
) -> Job:
    """A job the caller may see; someone else's job is reported as not found."""
    job = await JobRepository(session).get(job_id)
    owner = owner_filter(principal)
    if job is None or (owner is not None and job.created_by != owner):
        raise NotFound("Job")
    return job


async def list_jobs(
    session: AsyncSession, *, status: JobStatus | None, type: str | None,
    created_by: str | None, limit: int, offset: int,
) -> JobPage:
    rows, total = await JobRepository(session).page(
        status=status, type=type, created_by=created_by, limit=limit, offset=offset)
    return JobPage(items=[JobRead.model_validate(r) for r in rows], total=total,
                   limit=limit, offset=offset)


async def cancel_job(
    session: AsyncSession, *, job_id: uuid.UUID, principal: Principal | None = None
) -> Job:
    """Queued jobs stop at once; running ones are asked to stop at their next progress report."""
    repo = JobRepository(session)
    job = await get_job(session, job_id=job_id, principal=principal)
    if job.status in FINISHED_STATUSES:
        raise Conflict(f"Job already {job.status.value}", {"status": job.status.value})
    cancelled_now = await repo.set_status(
        job_id, expect=[JobStatus.queued],
        values={"status": JobStatus.cancelled, "finished_at": utcnow(), "message": "Cancelled"})
    if not cancelled_now:
        await repo.set_status(job_id, expect=[JobStatus.running],
                              values={"status": JobStatus.cancelling, "message": "Cancelling…"})
    refreshed = await repo.get(job_id)
    assert refreshed is not None
    return refreshed


async def refresh_job_gauge(session: AsyncSession) -> None:
    """Update the jobs-by-status gauge just before Prometheus scrapes it."""
    JOBS_BY_STATUS.clear()
    for type_, status, count in await JobRepository(session).counts():
        JOBS_BY_STATUS.labels(type_, status).set(count)
