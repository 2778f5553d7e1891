"""Job endpoints."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from backend.deps import PaginationDep, SessionDep
from backend.jobs import registry, service
from backend.jobs.schemas import JobCreate, JobPage, JobRead, JobTypeRead
from backend.models import JobStatus

router = APIRouter(prefix="/jobs", tags=["jobs"])


@router.get("/types", response_model=list[JobTypeRead])
async def list_job_types() -> list[JobTypeRead]:
    """Job types that can be started from the API."""
    return [JobTypeRead(type=t.type, title=t.title, description=t.description)
            for t in registry.all_types()]


@router.get("", response_model=JobPage)
async def list_jobs(
    session: SessionDep, page: PaginationDep,
    status: JobStatus | None = None, type: str | None = None,
) -> JobPage:
    """List jobs, newest first, optionally filtered by status and type."""
    return await service.list_jobs(session, status=status, type=type, created_by=None,
                                   limit=page.limit, offset=page.offset)


@router.post("", response_model=JobRead, status_code=status.HTTP_202_ACCEPTED)
async def start_job(data: JobCreate, session: SessionDep) -> JobRead:
    """Start a job; it runs on a worker and reports progress on this resource."""
    job = await service.start_job(session, data=data, created_by=None)
    return JobRead.model_validate(job)


@router.get("/{job_id}", response_model=JobRead)
async def get_job(job_id: uuid.UUID, session: SessionDep) -> JobRead:
    """One job with its progress, result or error."""
    return JobRead.model_validate(await service.get_job(session, job_id=job_id))


@router.post("/{job_id}/cancel", response_model=JobRead, status_code=status.HTTP_202_ACCEPTED)
async def cancel_job(job_id: uuid.UUID, session: SessionDep) -> JobRead:
    """Ask a job to stop; queued jobs stop at once, running ones at their next checkpoint."""
    return JobRead.model_validate(await service.cancel_job(session, job_id=job_id))
