"""Pharma QA documents: versions with a review workflow and Part 11-style electronic signatures."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Enum, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, JSONType, UTCDateTime, utcnow


class VersionStatus(enum.StrEnum):
    draft = "draft"
    in_review = "in_review"
    approved = "approved"
    superseded = "superseded"


class SignatureMeaning(enum.StrEnum):
    author = "author"
    reviewer = "reviewer"
    approver = "approver"


class PharmaDocument(Base):
    __tablename__ = "pharma_document"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    type: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class PharmaDocumentVersion(Base):
    __tablename__ = "pharma_document_version"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("pharma_document.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[VersionStatus] = mapped_column(
        Enum(VersionStatus, name="version_status", native_enum=False, length=16),
        default=VersionStatus.draft)
    inputs: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # SHA-256 of the canonical inputs: what a signature is bound to.
    content_hash: Mapped[str] = mapped_column(String(64))
    # Each submission for review starts a new cycle; signatures count only within their cycle.
    review_cycle: Mapped[int] = mapped_column(Integer, default=0)
    change_note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DocumentSignature(Base):
    __tablename__ = "document_signature"
    __table_args__ = (UniqueConstraint("version_id", "cycle", "meaning", "signer_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("pharma_document_version.id", ondelete="CASCADE"), index=True)
    signer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    meaning: Mapped[SignatureMeaning] = mapped_column(
        Enum(SignatureMeaning, name="signature_meaning", native_enum=False, length=16))
    cycle: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    comment: Mapped[str | None] = mapped_column(Text)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DocumentRejection(Base):
    """A version sent back from review: who, when, in which cycle and why (kept for good)."""

    __tablename__ = "document_rejection"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("pharma_document_version.id", ondelete="CASCADE"), index=True)
    cycle: Mapped[int] = mapped_column(Integer)
    rejected_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
