"""Append-only, hash-chained audit log. Holds who/what/when/where, never PHI values."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, JSONType, UTCDateTime, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_event"

    # seq orders the chain; each row's hash covers its fields and the previous row's hash.
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                     primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)  # e.g. auth.login_failed
    outcome: Mapped[str] = mapped_column(String(16), default="ok")  # ok | denied | error
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    actor_role: Mapped[str | None] = mapped_column(String(16))
    subject_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)  # whose data
    target_type: Mapped[str | None] = mapped_column(String(64))
    target_id: Mapped[str | None] = mapped_column(String(64))
    ip: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    flagged: Mapped[bool] = mapped_column(default=False)  # break-glass and other loud events
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)  # never PHI values
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)  # no forks in the chain
    hash: Mapped[str] = mapped_column(String(64), unique=True)
