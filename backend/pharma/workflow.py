"""Review workflow and electronic signatures for pharma document versions."""

from __future__ import annotations

import uuid

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit import service as audit
from backend.auth.access import Principal
from backend.auth.reauth import credentials_match
from backend.config import Settings
from backend.core.errors import AppError
from backend.models import (
    DocumentRejection,
    DocumentSignature,
    PharmaDocumentVersion,
    SignatureMeaning,
    VersionStatus,
)
from backend.models.base import utcnow
from backend.pharma import repository
from backend.pharma.schemas import RejectCreate, SignatureCreate, VersionRead
from backend.pharma.service import _audit, _document, _locked, _version, get_version


async def _reauthenticate(request: Request, session: AsyncSession, settings: Settings,
                          principal: Principal, data: SignatureCreate) -> None:
    """A signature needs the signer's own credentials again, not just a live session."""
    ok = await credentials_match(request, session, settings, principal, data.password,
                                 data.totp_code)
    if not ok:
        # Its own transaction: the refusal must stay on record although this request fails.
        await audit.record_now(request.app.state.db, action="pharma.signature.reauth_failed",
                               actor=principal, request=request, outcome="denied",
                               details={"meaning": data.meaning.value})
        raise AppError(403, "reauthentication_failed",
                       "Password (or authenticator code) is wrong; the signature was not applied")


def _cycle_signers(signatures: list[DocumentSignature], cycle: int,
                   meaning: SignatureMeaning) -> set[uuid.UUID]:
    return {s.signer_id for s in signatures if s.cycle == cycle and s.meaning is meaning}


def _check_transition(version: PharmaDocumentVersion, signatures: list[DocumentSignature],
                      principal: Principal, meaning: SignatureMeaning) -> None:
    cycle = version.review_cycle
    authors = _cycle_signers(signatures, cycle, SignatureMeaning.author)
    reviewers = _cycle_signers(signatures, cycle, SignatureMeaning.reviewer)
    expected = VersionStatus.draft if meaning is SignatureMeaning.author \
        else VersionStatus.in_review
    if version.status is not expected:
        raise AppError(409, "invalid_transition",
                       f"A {meaning.value} cannot sign a version that is {version.status.value}")
    if meaning is SignatureMeaning.reviewer and principal.user_id in authors | reviewers:
        raise AppError(409, "segregation_of_duties",
                       "The author cannot review their own version, nor sign twice as reviewer")
    if meaning is SignatureMeaning.approver:
        if not reviewers:
            raise AppError(409, "review_required", "A reviewer must sign before approval")
        if principal.user_id in authors | reviewers:
            raise AppError(409, "segregation_of_duties",
                           "The approver must be someone other than the author and reviewers")


async def sign(request: Request, session: AsyncSession, principal: Principal, settings: Settings,
               doc_id: uuid.UUID, number: int, data: SignatureCreate) -> VersionRead:
    """Apply an electronic signature; author submits, reviewer reviews, approver approves."""
    # Re-authentication first: on failure it writes its own audit event before this session
    # writes anything (see audit.record_now).
    await _reauthenticate(request, session, settings, principal, data)
    doc = await _document(session, doc_id)
    version = await _version(session, doc_id, number, lock=True)
    signatures = await repository.signatures(session, [version.id])
    _check_transition(version, signatures, principal, data.meaning)
    now = utcnow()
    if data.meaning is SignatureMeaning.author:
        version.review_cycle += 1
        version.status = VersionStatus.in_review
    elif data.meaning is SignatureMeaning.approver:
        for older in await repository.versions(session, doc_id):
            if older.status is VersionStatus.approved:
                older.status = VersionStatus.superseded
                older.updated_at = now
        version.status, version.approved_at = VersionStatus.approved, now
    version.updated_at = doc.updated_at = now
    await repository.add(session, DocumentSignature(
        id=uuid.uuid4(), version_id=version.id, signer_id=principal.user_id,
        meaning=data.meaning, cycle=version.review_cycle, content_hash=version.content_hash,
        comment=data.comment, signed_at=now))
    await _audit(session, request, principal, f"pharma.version.signed_{data.meaning.value}", doc,
                 version=number, content_hash=version.content_hash, status=version.status.value)
    return await get_version(session, settings, doc_id, number)


async def reject(request: Request, session: AsyncSession, principal: Principal,
                 settings: Settings, doc_id: uuid.UUID, number: int,
                 data: RejectCreate) -> VersionRead:
    """Send a version in review back to draft; its signatures stay on record for that cycle."""
    doc = await _document(session, doc_id)
    version = await _version(session, doc_id, number, lock=True)
    if version.status is not VersionStatus.in_review:
        raise _locked(version) if version.status is not VersionStatus.draft else AppError(
            409, "invalid_transition", "Only a version in review can be sent back")
    now = utcnow()
    version.status = VersionStatus.draft
    version.updated_at = doc.updated_at = now
    # Its own row: the author's change note and later edits must not overwrite why it came back.
    await repository.add(session, DocumentRejection(
        id=uuid.uuid4(), version_id=version.id, cycle=version.review_cycle,
        rejected_by=principal.user_id, reason=data.reason, rejected_at=now))
    # The reason is free text and may name people: the audit log has its length, the row has it.
    await _audit(session, request, principal, "pharma.version.rejected", doc, version=number,
                 cycle=version.review_cycle, reason_length=len(data.reason))
    return await get_version(session, settings, doc_id, number)
