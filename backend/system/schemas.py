"""Health report schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class CheckRead(BaseModel):
    status: Literal["ok", "error", "not_configured"]
    detail: str | None = None
    latency_ms: float | None = None


class HealthRead(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    environment: str
    checks: dict[str, CheckRead]
