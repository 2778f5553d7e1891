"""Audit API schemas."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class AuditRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    seq: int
    id: uuid.UUID
    at: datetime
    action: str
    outcome: str
    actor_id: uuid.UUID | None
    actor_role: str | None
    subject_user_id: uuid.UUID | None
    target_type: str | None
    target_id: str | None
    ip: str | None
    request_id: str | None
    flagged: bool
    details: dict[str, Any]
    prev_hash: str
    hash: str


class AuditPage(BaseModel):
    items: list[AuditRead]
    total: int
    limit: int
    offset: int


class ChainReport(BaseModel):
    """Result of re-computing every hash and link of the audit chain."""

    ok: bool
    checked: int  # events examined, the first bad one included
    first_bad_seq: int | None = None
    message: str
    # The head (set when ok) lets an operator compare with a copy kept elsewhere: dropping the
    # newest rows, or rewriting a row and re-hashing everything after it, leaves a chain that
    # verifies; only an anchor kept outside the database reveals that.
    last_seq: int | None = None
    last_hash: str | None = None
