"""All job queries. Status changes are conditional updates so two workers never both win."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import Job, JobStatus
from backend.models.base import utcnow


class JobRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *, type: str, params: dict[str, Any], created_by: str | None) -> Job:
        job = Job(type=type, params=params, created_by=created_by, status=JobStatus.queued)
        self.session.add(job)
        await self.session.flush()
        return job

    async def get(self, job_id: uuid.UUID) -> Job | None:
        return await self.session.get(Job, job_id, populate_existing=True)

    async def page(
        self, *, status: JobStatus | None, type: str | None, created_by: str | None,
        limit: int, offset: int,
    ) -> tuple[Sequence[Job], int]:
        query = select(Job)
        if status is not None:
            query = query.where(Job.status == status)
        if type is not None:
            query = query.where(Job.type == type)
        if created_by is not None:
            query = query.where(Job.created_by == created_by)
        total = await self.session.scalar(select(func.count()).select_from(query.subquery()))
        rows = await self.session.scalars(
            query.order_by(Job.created_at.desc(), Job.id).limit(limit).offset(offset)
        )
        return rows.all(), int(total or 0)

    async def set_status(
        self, job_id: uuid.UUID, *, expect: Sequence[JobStatus], values: dict[str, Any]
    ) -> bool:
        """Apply values only if the job is in one of the expected states; True if it was."""
        stmt = (
            update(Job)
            .where(Job.id == job_id, Job.status.in_(list(expect)))
            .values(updated_at=utcnow(), **values)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(stmt)
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def claim(self, job_id: uuid.UUID, *, worker: str, lease: timedelta) -> bool:
        """Take a queued job, or a running one whose worker went silent (a crash)."""
        now = utcnow()
        stale = or_(Job.heartbeat_at.is_(None), Job.heartbeat_at < now - lease)
        stmt = (
            update(Job)
            .where(
                Job.id == job_id,
                or_(Job.status == JobStatus.queued, (Job.status == JobStatus.running) & stale),
            )
            .values(
                status=JobStatus.running, worker=worker, heartbeat_at=now, updated_at=now,
                attempts=Job.attempts + 1, started_at=func.coalesce(Job.started_at, now),
            )
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(stmt)
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def heartbeat(
        self, job_id: uuid.UUID, *, progress: int, message: str | None,
        checkpoint: dict[str, Any] | None,
    ) -> JobStatus | None:
        """Record progress; returns the job's status so the task can notice a cancel."""
        values: dict[str, Any] = {"progress": progress, "message": message,
                                  "heartbeat_at": utcnow(), "updated_at": utcnow()}
        if checkpoint is not None:
            values["checkpoint"] = checkpoint
        await self.session.execute(
            update(Job).where(Job.id == job_id, Job.status.in_(
                [JobStatus.running, JobStatus.cancelling])).values(**values)
        )
        return await self.session.scalar(select(Job.status).where(Job.id == job_id))

    async def stale(
        self, *, status: JobStatus, before: datetime, column: str = "updated_at", limit: int = 100
    ) -> Sequence[Job]:
        col = getattr(Job, column)
        rows = await self.session.scalars(
            select(Job).where(Job.status == status, or_(col.is_(None), col < before))
            .order_by(Job.created_at).limit(limit)
        )
        return rows.all()

    async def counts(self) -> list[tuple[str, str, int]]:
        rows = await self.session.execute(
            select(Job.type, Job.status, func.count()).group_by(Job.type, Job.status)
        )
        return [(t, str(s.value if hasattr(s, "value") else s), int(n)) for t, s, n in rows.all()]
