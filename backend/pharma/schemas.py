"""Pharma document workspace: documents, versions, signatures, diffs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from backend.models import SignatureMeaning, VersionStatus

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ExportFormat = Literal["md", "docx", "pdf"]


class DocumentFieldRead(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    label: str
    type: str
    required: bool = False


class DocumentTypeRead(BaseModel):
    type: str
    title: str
    description: str
    fields: list[DocumentFieldRead]


class DocumentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    title: Title
    inputs: dict[str, Any]


class VersionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    inputs: dict[str, Any]
    change_note: Annotated[str, StringConstraints(max_length=1000)] | None = None


class NewVersionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    change_note: Annotated[str, StringConstraints(max_length=1000)] | None = None


class SignatureCreate(BaseModel):
    """An electronic signature: the signer types their password again (and TOTP if enabled)."""

    model_config = ConfigDict(extra="forbid")
    meaning: SignatureMeaning
    password: Annotated[str, StringConstraints(min_length=1, max_length=256)]
    totp_code: Annotated[str, StringConstraints(pattern=r"^\d{6}$")] | None = None
    comment: Annotated[str, StringConstraints(max_length=1000)] | None = None


class RejectCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                             max_length=1000)]


class SignatureRead(BaseModel):
    signer_id: uuid.UUID
    signer_name: str
    meaning: SignatureMeaning
    signed_at: datetime
    content_hash: str
    comment: str | None


class VersionRead(BaseModel):
    number: int
    status: VersionStatus
    content_hash: str
    change_note: str | None
    created_by: uuid.UUID
    created_at: datetime
    updated_at: datetime
    approved_at: datetime | None
    inputs: dict[str, Any]
    signatures: list[SignatureRead]


class VersionSummary(BaseModel):
    number: int
    status: VersionStatus
    updated_at: datetime


class DocumentSummary(BaseModel):
    id: uuid.UUID
    type: str
    title: str
    created_at: datetime
    updated_at: datetime
    latest: VersionSummary


class DocumentRead(DocumentSummary):
    versions: list[VersionSummary]


class DocumentPage(BaseModel):
    items: list[DocumentSummary]
    total: int


class FieldChange(BaseModel):
    field: str
    before: Any
    after: Any


class DiffRead(BaseModel):
    from_number: int
    to_number: int
    fields: list[FieldChange]
    markdown_diff: str = Field(description="Unified diff of the two rendered documents.")


class PreviewRead(BaseModel):
    markdown: str
