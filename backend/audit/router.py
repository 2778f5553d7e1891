"""Audit endpoints (admins only)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from pydantic import AwareDatetime

from backend.audit import service
from backend.audit.schemas import AuditPage, ChainReport
from backend.auth.access import access
from backend.deps import PaginationDep, SessionDep
from backend.models import Role

router = APIRouter(prefix="/admin/audit", tags=["audit"])


@router.get("", response_model=AuditPage, **access(Role.admin))
async def list_audit_events(
    session: SessionDep, page: PaginationDep, action: str | None = None,
    actor_id: uuid.UUID | None = None, subject_user_id: uuid.UUID | None = None,
    flagged: bool | None = None, since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
) -> AuditPage:
    """List audit events, newest first; since is inclusive, until exclusive (with a timezone)."""
    return await service.list_events(
        session, action=action, actor_id=actor_id, subject_user_id=subject_user_id,
        flagged=flagged, since=since, until=until, limit=page.limit, offset=page.offset)


@router.get("/verify", response_model=ChainReport, **access(Role.admin))
async def verify_audit_chain(session: SessionDep) -> ChainReport:
    """Recompute the whole audit hash chain and report the first event that does not fit."""
    return await service.verify_chain(session)
