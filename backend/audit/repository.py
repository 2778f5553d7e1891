"""All audit queries. Rows are only ever inserted; nothing here updates or deletes them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import false, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import AuditEvent

# Any constant works as long as nothing else in the database uses it: the bytes spell "lumen:au".
_PG_LOCK_KEY = int.from_bytes(b"lumen:au", "big")


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    async def lock_chain(self) -> None:
        """Make this transaction the only chain writer until it commits or rolls back."""
        if self.dialect == "postgresql":
            # Cheaper than locking the table, and readers (verify, listing) are not blocked.
            await self.session.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
        elif self.dialect == "sqlite":
            # A write statement, even one that matches no row, makes pysqlite issue its deferred
            # BEGIN and takes SQLite's single write lock. Without it the SAVEPOINT that follows
            # would open the transaction itself, and its RELEASE would commit the caller's work.
            await self.session.execute(
                update(AuditEvent).where(false()).values(seq=AuditEvent.seq)
                .execution_options(synchronize_session=False))

    async def bound_lock_wait(self, seconds: int) -> None:
        """Fail instead of waiting forever for the chain lock (PostgreSQL; own transaction only)."""
        if self.dialect == "postgresql":
            await self.session.execute(
                select(func.set_config("lock_timeout", f"{int(seconds)}s", True)))

    async def last_hash(self) -> str | None:
        return await self.session.scalar(
            select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1))

    async def add(self, event: AuditEvent) -> AuditEvent:
        self.session.add(event)
        await self.session.flush()
        return event

    async def rows_after(self, seq: int | None, limit: int) -> list[dict[str, Any]]:
        """Raw rows (not ORM objects, so the identity map stays small) in chain order."""
        query = select(*AuditEvent.__table__.c).order_by(AuditEvent.seq).limit(limit)
        if seq is not None:
            query = query.where(AuditEvent.seq > seq)
        result = await self.session.execute(query)
        return [dict(row._mapping) for row in result]

    async def page(
        self, *, action: str | None = None, actor_id: uuid.UUID | None = None,
        subject_user_id: uuid.UUID | None = None, flagged: bool | None = None,
        since: datetime | None = None, until: datetime | None = None,
        limit: int = 50, offset: int = 0,
    ) -> tuple[Sequence[AuditEvent], int]:
        """Events matching every given filter, newest first; since is inclusive, until is not."""
        query = select(AuditEvent)
        if action is not None:
            query = query.where(AuditEvent.action == action)
        if actor_id is not None:
            query = query.where(AuditEvent.actor_id == actor_id)
        if subject_user_id is not None:
            query = query.where(AuditEvent.subject_user_id == subject_user_id)
        if flagged is not None:
            query = query.where(AuditEvent.flagged.is_(flagged))
        if since is not None:
            query = query.where(AuditEvent.at >= since)
        if until is not None:
            query = query.where(AuditEvent.at < until)
        total = await self.session.scalar(select(func.count()).select_from(query.subquery()))
        rows = await self.session.scalars(
            query.order_by(AuditEvent.seq.desc()).limit(limit).offset(offset))
        return rows.all(), int(total or 0)
