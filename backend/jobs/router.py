"""Job endpoints."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from backend.auth.access import CurrentPrincipal, access
from backend.deps import PaginationDep, SessionDep
from backend.jobs import registry, service
from backend.jobs.schemas import JobCreate, JobPage, JobRead, JobTypeRead
from backend.models import JobStatus

router = APIRouter(prefix="/jobs", tags=["jobs"])


READ = access(scope="jobs:read")
WRITE = access(scope="jobs:write")


@router.get("/types", response_model=list[JobTypeRead], **READ)
async def list_job_types(principal: CurrentPrincipal) -> list[JobTypeRead]:
    """Job types the caller may start."""
    return [JobTypeRead(type=t.type, title=t.title, description=t.description)
            for t in registry.all_types() if principal.role.value in t.roles]


@router.get("", response_model=JobPage, **READ)
async def list_jobs(
    session: SessionDep, page: PaginationDep, principal: CurrentPrincipal,
    status: JobStatus | None = None, type: str | None = None,
) -> JobPage:
    """List the caller's jobs (admins: all), newest first, filtered by status and type."""
    return await service.list_jobs(session, status=status, type=type,
                                   created_by=service.owner_filter(principal),
                                   limit=page.limit, offset=page.offset)


@router.post("", response_model=JobRead, status_code=status.HTTP_202_ACCEPTED, **WRITE)
async def start_job(data: JobCreate, session: SessionDep, principal: CurrentPrincipal) -> JobRead:
    """Start a job; it runs on a worker and reports progress on this resource."""
    job = await service.start_job(session, data=data, principal=principal)
    return JobRead.model_validate(job)


@router.get("/{job_id}", response_model=JobRead, **READ)
async def get_job(job_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> JobRead:
    """One job with its progress, result or error."""
    job = await service.get_job(session, job_id=job_id, principal=principal)
    return JobRead.model_validate(job)


@router.post("/{job_id}/cancel", response_model=JobRead, status_code=status.HTTP_202_ACCEPTED,
             **WRITE)
async def cancel_job(job_id: uuid.UUID, session: SessionDep,
                     principal: CurrentPrincipal) -> JobRead:
    """Ask a job to stop; queued jobs stop at once, running ones at their next checkpoint."""
    job = await service.cancel_job(session, job_id=job_id, principal=principal)
    return JobRead.model_validate(job)
