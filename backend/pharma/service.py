"""Pharma documents: versions, review workflow and electronic signatures (21 CFR Part 11 habits).

Rules: only a draft can change; submitting needs the author's signature; approval needs a
reviewer's signature and an approver who is neither author nor reviewer in that review cycle;
an approved version never changes (a change makes a new version), and approving supersedes the
previous approved one. Every signature re-checks the signer's password (and TOTP when enabled)
and is bound to the SHA-256 of the content it approves. Every action is audited.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit import service as audit
from backend.auth.access import Principal
from backend.auth.service import get_user
from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.errors import AppError, NotFound
from backend.models import (
    DocumentSignature,
    PharmaDocument,
    PharmaDocumentVersion,
    SignatureMeaning,
    User,
    VersionStatus,
)
from backend.models.base import utcnow
from backend.pharma import render, repository
from backend.pharma.schemas import (
    DocumentCreate,
    DocumentPage,
    DocumentRead,
    DocumentSummary,
    NewVersionCreate,
    RejectionRead,
    SignatureRead,
    VersionRead,
    VersionSummary,
    VersionUpdate,
)


def content_hash(doc: PharmaDocument, inputs: dict[str, Any]) -> str:
    body = json.dumps({"type": doc.type, "title": doc.title, "inputs": inputs}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def _locked(version: PharmaDocumentVersion) -> AppError:
    return AppError(409, "version_locked",
                    f"Version {version.number} is {version.status.value}; only a draft can change",
                    {"status": version.status.value})


async def _document(session: AsyncSession, doc_id: uuid.UUID) -> PharmaDocument:
    doc = await repository.get_document(session, doc_id)
    if doc is None:
        raise NotFound("Document")
    return doc


async def _version(session: AsyncSession, doc_id: uuid.UUID, number: int,
                   lock: bool = False) -> PharmaDocumentVersion:
    version = await repository.version(session, doc_id, number, lock=lock)
    if version is None:
        raise NotFound("Document version")
    return version


async def _audit(session: AsyncSession, request: Request, principal: Principal, action: str,
                 doc: PharmaDocument, **details: Any) -> None:
    await audit.record(session, action=action, actor=principal, target_type="pharma_document",
                       target_id=doc.id, request=request, details={"type": doc.type, **details})


def _summary(doc: PharmaDocument, latest: PharmaDocumentVersion) -> DocumentSummary:
    return DocumentSummary(id=doc.id, type=doc.type, title=doc.title, created_at=doc.created_at,
                           updated_at=doc.updated_at, latest=VersionSummary(
                               number=latest.number, status=latest.status,
                               updated_at=latest.updated_at))


async def create(request: Request, session: AsyncSession, principal: Principal,
                 data: DocumentCreate) -> DocumentRead:
    inputs = render.validate_inputs(data.type, data.inputs)
    doc = PharmaDocument(id=uuid.uuid4(), type=data.type, title=data.title,
                         created_by=principal.user_id, created_at=utcnow(), updated_at=utcnow())
    version = PharmaDocumentVersion(
        id=uuid.uuid4(), document_id=doc.id, number=1, status=VersionStatus.draft,
        inputs=inputs, content_hash=content_hash(doc, inputs), review_cycle=0,
        created_by=principal.user_id, created_at=utcnow(), updated_at=utcnow())
    await repository.add(session, doc)
    await repository.add(session, version)
    await _audit(session, request, principal, "pharma.document.created", doc, version=1)
    return await get_document(session, doc.id)


async def list_documents(session: AsyncSession, *, doc_type: str | None,
                         status: VersionStatus | None, q: str | None, limit: int,
                         offset: int) -> DocumentPage:
    rows, total = await repository.list_documents(session, doc_type=doc_type, status=status, q=q,
                                                  limit=limit, offset=offset)
    return DocumentPage(items=[_summary(d, v) for d, v in rows], total=total)


async def get_document(session: AsyncSession, doc_id: uuid.UUID) -> DocumentRead:
    doc = await _document(session, doc_id)
    versions = await repository.versions(session, doc_id)
    summary = _summary(doc, versions[-1])
    return DocumentRead(**summary.model_dump(), versions=[
        VersionSummary(number=v.number, status=v.status, updated_at=v.updated_at)
        for v in versions])


async def _signer_names(session: AsyncSession, settings: Settings,
                        signatures: list[DocumentSignature],
                        others: Sequence[uuid.UUID] = ()) -> dict[uuid.UUID, str]:
    cipher = cipher_for(settings)
    names = {}
    for signer_id in {s.signer_id for s in signatures} | set(others):
        user: User = await get_user(session, signer_id)
        encrypted = user.display_name_encrypted or user.email_encrypted
        context = "display_name" if user.display_name_encrypted else "email"
        names[signer_id] = cipher.decrypt(encrypted, context=context)
    return names


async def get_version(session: AsyncSession, settings: Settings, doc_id: uuid.UUID,
                      number: int) -> VersionRead:
    await _document(session, doc_id)
    version = await _version(session, doc_id, number)
    signatures = await repository.signatures(session, [version.id])
    rejections = await repository.rejections(session, version.id)
    names = await _signer_names(session, settings, signatures,
                                [r.rejected_by for r in rejections])
    return VersionRead(
        number=version.number, status=version.status, content_hash=version.content_hash,
        change_note=version.change_note, created_by=version.created_by,
        created_at=version.created_at, updated_at=version.updated_at,
        approved_at=version.approved_at, inputs=version.inputs,
        review_cycle=version.review_cycle, next_signature=next_signature(version, signatures),
        signatures=[SignatureRead(signer_id=s.signer_id, signer_name=names[s.signer_id],
                                  meaning=s.meaning, cycle=s.cycle, signed_at=s.signed_at,
                                  content_hash=s.content_hash, comment=s.comment)
                    for s in signatures],
        rejections=[RejectionRead(cycle=r.cycle, rejected_by=r.rejected_by,
                                  rejected_by_name=names[r.rejected_by], reason=r.reason,
                                  rejected_at=r.rejected_at) for r in rejections])


def next_signature(version: PharmaDocumentVersion,
                   signatures: list[DocumentSignature]) -> SignatureMeaning | None:
    """The signature the version waits for in its current review cycle."""
    if version.status is VersionStatus.draft:
        return SignatureMeaning.author
    if version.status is not VersionStatus.in_review:
        return None
    reviewed = any(s.cycle == version.review_cycle and s.meaning is SignatureMeaning.reviewer
                   for s in signatures)
    return SignatureMeaning.approver if reviewed else SignatureMeaning.reviewer


async def update_draft(request: Request, session: AsyncSession, principal: Principal,
                       settings: Settings, doc_id: uuid.UUID, number: int,
                       data: VersionUpdate) -> VersionRead:
    doc = await _document(session, doc_id)
    version = await _version(session, doc_id, number, lock=True)
    if version.status is not VersionStatus.draft:
        raise _locked(version)
    version.inputs = render.validate_inputs(doc.type, data.inputs)
    version.content_hash = content_hash(doc, version.inputs)
    version.change_note = data.change_note
    version.updated_at = doc.updated_at = utcnow()
    await session.flush()
    await _audit(session, request, principal, "pharma.version.updated", doc, version=number)
    return await get_version(session, settings, doc_id, number)


async def new_version(request: Request, session: AsyncSession, principal: Principal,
                      settings: Settings, doc_id: uuid.UUID,
                      data: NewVersionCreate) -> VersionRead:
    """Start a new draft from the latest version (the way to change an approved document)."""
    doc = await _document(session, doc_id)
    latest = (await repository.versions(session, doc_id))[-1]
    if latest.status in (VersionStatus.draft, VersionStatus.in_review):
        raise AppError(409, "open_version_exists",
                       f"Version {latest.number} is still {latest.status.value}; change that one")
    version = PharmaDocumentVersion(
        id=uuid.uuid4(), document_id=doc.id, number=latest.number + 1,
        status=VersionStatus.draft, inputs=dict(latest.inputs), content_hash=latest.content_hash,
        review_cycle=0, change_note=data.change_note, created_by=principal.user_id,
        created_at=utcnow(), updated_at=utcnow())
    doc.updated_at = utcnow()
    await repository.add(session, version)
    await _audit(session, request, principal, "pharma.version.created", doc,
                 version=version.number)
    return await get_version(session, settings, doc_id, version.number)
