"""Queries for pharma documents, versions and signatures."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Subquery, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import (
    DocumentRejection,
    DocumentSignature,
    PharmaDocument,
    PharmaDocumentVersion,
    VersionStatus,
)


async def add(session: AsyncSession, *rows: object) -> None:
    session.add_all(rows)
    await session.flush()


async def get_document(session: AsyncSession, doc_id: uuid.UUID) -> PharmaDocument | None:
    return await session.get(PharmaDocument, doc_id)


async def versions(session: AsyncSession, doc_id: uuid.UUID) -> list[PharmaDocumentVersion]:
    rows = await session.scalars(select(PharmaDocumentVersion)
                                 .where(PharmaDocumentVersion.document_id == doc_id)
                                 .order_by(PharmaDocumentVersion.number))
    return list(rows)


async def version(session: AsyncSession, doc_id: uuid.UUID, number: int,
                  lock: bool = False) -> PharmaDocumentVersion | None:
    query = select(PharmaDocumentVersion).where(PharmaDocumentVersion.document_id == doc_id,
                                                PharmaDocumentVersion.number == number)
    if lock:  # a workflow step reads, checks and writes the version: no interleaving
        query = query.with_for_update()
    return await session.scalar(query)


async def rejections(session: AsyncSession, version_id: uuid.UUID) -> list[DocumentRejection]:
    rows = await session.scalars(select(DocumentRejection)
                                 .where(DocumentRejection.version_id == version_id)
                                 .order_by(DocumentRejection.rejected_at))
    return list(rows)


async def signatures(session: AsyncSession,
                     version_ids: Sequence[uuid.UUID]) -> list[DocumentSignature]:
    if not version_ids:
        return []
    rows = await session.scalars(select(DocumentSignature)
                                 .where(DocumentSignature.version_id.in_(version_ids))
                                 .order_by(DocumentSignature.signed_at))
    return list(rows)


def _latest_numbers() -> Subquery:
    return (select(PharmaDocumentVersion.document_id,
                   func.max(PharmaDocumentVersion.number).label("number"))
            .group_by(PharmaDocumentVersion.document_id).subquery())


async def list_documents(session: AsyncSession, *, doc_type: str | None,
                         status: VersionStatus | None, q: str | None, limit: int,
                         offset: int) -> tuple[list[tuple[PharmaDocument,
                                                          PharmaDocumentVersion]], int]:
    latest = _latest_numbers()
    query = (select(PharmaDocument, PharmaDocumentVersion)
             .join(latest, latest.c.document_id == PharmaDocument.id)
             .join(PharmaDocumentVersion,
                   (PharmaDocumentVersion.document_id == PharmaDocument.id)
                   & (PharmaDocumentVersion.number == latest.c.number)))
    if doc_type:
        query = query.where(PharmaDocument.type == doc_type)
    if status:
        query = query.where(PharmaDocumentVersion.status == status)
    if q:
        query = query.where(func.lower(PharmaDocument.title).contains(q.lower(), autoescape=True))
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.execute(query.order_by(PharmaDocument.updated_at.desc())
                                 .limit(limit).offset(offset))
    return [(d, v) for d, v in rows.tuples()], total
