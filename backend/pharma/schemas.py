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
    """One input of a document type, as its template declares it."""

    name: str
    label: str
    type: str = Field(description="text, long_text, number, quantity, date, enum, list, table…")
    required: bool = False
    help: str = ""
    dimension: str | None = Field(None, description="Quantity: mass, area, volume…")
    unit: str | None = Field(None, description="Number: the unit it is entered in.")
    options: list[str] | None = None
    default: Any = None
    min: float | None = None
    max: float | None = None
    columns: list[DocumentFieldRead] | None = Field(None, description="Table: its columns.")


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
    cycle: int = Field(description="The review cycle it belongs to (1 = first submission).")
    signed_at: datetime
    content_hash: str
    comment: str | None


class RejectionRead(BaseModel):
    cycle: int
    rejected_by: uuid.UUID
    rejected_by_name: str
    reason: str
    rejected_at: datetime


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
    review_cycle: int = Field(description="0 until first submitted; +1 at each submission.")
    next_signature: SignatureMeaning | None = Field(
        description="Which signature the version waits for (None when approved or superseded).")
    signatures: list[SignatureRead]
    rejections: list[RejectionRead]


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
