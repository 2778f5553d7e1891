"""Job API schemas."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from backend.models.job import JobStatus


class JobError(BaseModel):
    code: str
    message: str


class JobCreate(BaseModel):
    """Start a job of a registered type; params are checked by that type's schema."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(..., min_length=1, max_length=64, examples=["system.self_check"])
    params: dict[str, Any] = Field(default_factory=dict)


class JobRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    type: str
    status: JobStatus
    progress: int = Field(ge=0, le=100)
    message: str | None
    params: dict[str, Any]
    result: dict[str, Any] | None
    error: JobError | None
    attempts: int
    created_by: str | None
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class JobPage(BaseModel):
    items: list[JobRead]
    total: int
    limit: int
    offset: int


class JobTypeRead(BaseModel):
    type: str
    title: str
    description: str
