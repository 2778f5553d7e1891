"""Admin use cases."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from fastapi import Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit import service as audit
from backend.auth import service as accounts
from backend.auth.access import Principal
from backend.auth.repository import TokenRepository, UserRepository
from backend.auth.schemas import (
    AdminUserPage,
    AdminUserRead,
    AdminUserUpdate,
    BreakGlassCreate,
    BreakGlassRead,
    ResetTokenRead,
)
from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.errors import AppError, Conflict
from backend.models import BreakGlassGrant, Role
from backend.models.base import utcnow


async def list_users(
    request: Request, session: AsyncSession, *, q: str | None, role: Role | None,
    limit: int, offset: int,
) -> AdminUserPage:
    settings: Settings = request.app.state.settings
    query = (q or "").strip()
    # Emails and names are encrypted: only an exact email can be found (via its blind index).
    index = cipher_for(settings).blind_index(query, purpose="email") if query else None
    rows, total = await UserRepository(session).page(
        email_index=index, role=role, limit=limit, offset=offset)
    items = [accounts.user_read(settings, u, admin=True) for u in rows]
    return AdminUserPage(items=[i for i in items if isinstance(i, AdminUserRead)], total=total,
                         limit=limit, offset=offset)


async def update_user(
    request: Request, session: AsyncSession, principal: Principal, user_id: uuid.UUID,
    data: AdminUserUpdate,
) -> AdminUserRead:
    repo = UserRepository(session)
    user = await accounts.get_user(session, user_id)
    demoting_admin = user.role == Role.admin and (
        (data.role is not None and data.role != Role.admin) or data.is_active is False)
    if demoting_admin and await repo.count_admins() <= 1:
        raise Conflict("This is the last active admin")
    changes = data.model_dump(exclude_none=True)
    if changes:
        await repo.update(user_id, **changes)
        if data.is_active is False or data.role is not None:
            await TokenRepository(session).revoke_user(user_id)  # new rights need a new sign-in
        await audit.record(session, action="admin.user_updated", actor=principal,
                           subject_user_id=user_id, target_type="user", target_id=str(user_id),
                           request=request,
                           details={k: str(v.value if hasattr(v, "value") else v)
                                    for k, v in changes.items()})
    refreshed = await accounts.get_user(session, user_id)
    result = accounts.user_read(request.app.state.settings, refreshed, admin=True)
    assert isinstance(result, AdminUserRead)
    return result


async def issue_reset(
    request: Request, session: AsyncSession, principal: Principal, user_id: uuid.UUID
) -> ResetTokenRead:
    token, expires = await accounts.issue_reset_token(request, session, user_id=user_id,
                                                      actor=principal)
    assert isinstance(expires, datetime)
    return ResetTokenRead(token=token, expires_at=expires)


async def break_glass(
    request: Request, session: AsyncSession, principal: Principal, data: BreakGlassCreate
) -> BreakGlassRead:
    """Grant emergency access with a reason; the audit entry is flagged for review."""
    patient = await accounts.get_user(session, data.patient_id)
    if patient.role != Role.patient:
        raise AppError(422, "validation_error", "Break-glass applies to patient records only")
    settings: Settings = request.app.state.settings
    grant = BreakGlassGrant(
        admin_id=principal.user_id, patient_id=patient.id,
        reason_encrypted=cipher_for(settings).encrypt(data.reason, context="break_glass"),
        expires_at=utcnow() + timedelta(minutes=data.minutes))
    session.add(grant)
    await session.flush()
    await audit.record(session, action="admin.break_glass", actor=principal,
                       subject_user_id=patient.id, target_type="break_glass_grant",
                       target_id=str(grant.id), request=request, flagged=True,
                       details={"minutes": data.minutes})
    return BreakGlassRead(id=grant.id, patient_id=patient.id, expires_at=grant.expires_at)


async def has_break_glass(
    session: AsyncSession, *, admin_id: uuid.UUID, patient_id: uuid.UUID
) -> bool:
    """Whether this admin holds an unexpired grant for this patient (used by PHI routes)."""
    found = await session.scalar(select(BreakGlassGrant.id).where(
        BreakGlassGrant.admin_id == admin_id, BreakGlassGrant.patient_id == patient_id,
        BreakGlassGrant.expires_at > utcnow()).limit(1))
    return found is not None
