"""Every query of the patient record: data keys, PHI rows, erasure, key rotation."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Row, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import (
    Allergy,
    Job,
    Medication,
    PatientProfile,
    RecordConsent,
    RecordKey,
    SymptomEntry,
)
from backend.models.base import utcnow

M = TypeVar("M", Medication, Allergy, SymptomEntry)
PHI_TABLES: tuple[type[Any], ...] = (Medication, Allergy, SymptomEntry, PatientProfile,
                                     RecordConsent)
EXPORT_JOB = "record.export"


class KeyRepository:
    """Wrapped data keys."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> RecordKey | None:
        return await self.session.get(RecordKey, user_id, populate_existing=True)

    async def add_if_absent(self, user_id: uuid.UUID, wrapped: str) -> RecordKey:
        """Store a new wrapped key, or return the one a concurrent request stored first."""
        try:
            async with self.session.begin_nested():
                row = RecordKey(user_id=user_id, wrapped_key=wrapped, version=1)
                self.session.add(row)
            return row
        except IntegrityError:
            existing = await self.get(user_id)
            assert existing is not None
            return existing

    async def delete(self, user_id: uuid.UUID) -> int:
        result = await self.session.execute(delete(RecordKey).where(RecordKey.user_id == user_id))
        return int(getattr(result, "rowcount", 0) or 0)

    async def stale(self, active: int, limit: int) -> Sequence[Row[uuid.UUID, str, int]]:
        """Keys not wrapped by the active master version (the version leads the text)."""
        return (await self.session.execute(
            select(RecordKey.user_id, RecordKey.wrapped_key, RecordKey.version)
            .where(RecordKey.wrapped_key.not_like(f"v{active}:%"))
            .order_by(RecordKey.user_id).limit(limit))).all()

    async def count_stale(self, active: int) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(RecordKey).where(
            RecordKey.wrapped_key.not_like(f"v{active}:%"))) or 0)

    async def swap(self, user_id: uuid.UUID, *, expect_version: int, wrapped: str) -> bool:
        """Compare-and-swap: replace the wrapped key only if the row is still as it was read."""
        result = await self.session.execute(
            update(RecordKey)
            .where(RecordKey.user_id == user_id, RecordKey.version == expect_version)
            .values(wrapped_key=wrapped, version=expect_version + 1, rotated_at=utcnow()))
        return int(getattr(result, "rowcount", 0) or 0) == 1


class CipherColumnRepository:
    """Rows of one table holding master-key (FieldCipher) ciphertext, for re-encryption."""

    def __init__(self, session: AsyncSession, model: type[Any], columns: Sequence[str]) -> None:
        self.session = session
        self.model = model
        self.columns = list(columns)

    def _stale_filter(self, active: int) -> Any:
        cols = [getattr(self.model, c) for c in self.columns]
        return or_(*[c.is_not(None) & c.not_like(f"v{active}:%") for c in cols])

    async def count_stale(self, active: int) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(self.model).where(
            self._stale_filter(active))) or 0)

    async def stale(self, active: int, limit: int) -> Sequence[Row[Any]]:
        cols = [getattr(self.model, c) for c in self.columns]
        return (await self.session.execute(
            select(self.model.id, *cols).where(self._stale_filter(active))
            .order_by(self.model.id).limit(limit))).all()

    async def swap(self, row_id: uuid.UUID, old: dict[str, str | None],
                   new: dict[str, str | None]) -> bool:
        """Compare-and-swap on the old ciphertexts: a concurrent change of any column wins."""
        conditions = [getattr(self.model, c).is_not_distinct_from(v) for c, v in old.items()]
        values: dict[str, Any] = dict(new)
        if hasattr(self.model, "updated_at"):  # re-encryption is not an edit
            values["updated_at"] = self.model.updated_at
        result = await self.session.execute(
            update(self.model).where(self.model.id == row_id, *conditions).values(**values))
        return int(getattr(result, "rowcount", 0) or 0) == 1


class RecordRepository:
    """PHI rows, always filtered by their owner."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: Any) -> None:
        self.session.add(row)
        await self.session.flush()

    async def profile(self, user_id: uuid.UUID) -> PatientProfile | None:
        return await self.session.get(PatientProfile, user_id)

    async def consent(self, user_id: uuid.UUID) -> RecordConsent | None:
        return await self.session.get(RecordConsent, user_id)

    async def owned(self, model: type[M], user_id: uuid.UUID, row_id: uuid.UUID) -> M | None:
        return await self.session.scalar(
            select(model).where(model.id == row_id, model.user_id == user_id))

    async def page(
        self, model: type[M], user_id: uuid.UUID, *, limit: int, offset: int,
        since: datetime | None = None, until: datetime | None = None,
    ) -> tuple[list[M], int]:
        """One owner's rows: symptoms newest first by occurrence, the rest oldest first."""
        query = select(model).where(model.user_id == user_id)
        if model is SymptomEntry:
            if since is not None:
                query = query.where(SymptomEntry.occurred_at >= since)
            if until is not None:
                query = query.where(SymptomEntry.occurred_at < until)
            order: tuple[Any, ...] = (SymptomEntry.occurred_at.desc(), SymptomEntry.id.desc())
        else:
            order = (model.created_at, model.id)
        total = await self.session.scalar(select(func.count()).select_from(query.subquery()))
        rows = (await self.session.scalars(query.order_by(*order).limit(limit)
                                           .offset(offset))).all()
        return list(rows), int(total or 0)

    async def all_rows(self, model: type[M], user_id: uuid.UUID) -> list[M]:
        return list((await self.session.scalars(
            select(model).where(model.user_id == user_id).order_by(model.created_at))).all())

    async def delete(self, row: Any) -> None:
        await self.session.delete(row)
        await self.session.flush()

    async def erase(self, user_id: uuid.UUID) -> dict[str, int]:
        """Delete every PHI row of this owner; returns rows deleted per table."""
        counts: dict[str, int] = {}
        for model in PHI_TABLES:
            result = await self.session.execute(delete(model).where(model.user_id == user_id))
            counts[model.__tablename__] = int(getattr(result, "rowcount", 0) or 0)
        return counts

    async def export_jobs(self, user_id: uuid.UUID) -> list[Job]:
        return list((await self.session.scalars(select(Job).where(
            Job.type == EXPORT_JOB, Job.created_by == str(user_id)))).all())
