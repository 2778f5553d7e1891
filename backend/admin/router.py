"""Admin endpoints: users, reset tokens, break-glass access."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request

from backend.admin import service
from backend.auth.access import CurrentPrincipal, access
from backend.auth.schemas import (
    AdminUserPage,
    AdminUserRead,
    AdminUserUpdate,
    BreakGlassCreate,
    BreakGlassRead,
    ResetTokenRead,
)
from backend.deps import PaginationDep, SessionDep
from backend.models import Role

router = APIRouter(prefix="/admin", tags=["admin"])
ADMIN = access(Role.admin)


@router.get("/users", response_model=AdminUserPage, **ADMIN)
async def list_users(request: Request, session: SessionDep, page: PaginationDep,
                     q: str | None = None, role: Role | None = None) -> AdminUserPage:
    """Find users by exact email or by name, optionally by role."""
    return await service.list_users(request, session, q=q, role=role, limit=page.limit,
                                    offset=page.offset)


@router.patch("/users/{user_id}", response_model=AdminUserRead, **ADMIN)
async def update_user(user_id: uuid.UUID, data: AdminUserUpdate, principal: CurrentPrincipal,
                      request: Request, session: SessionDep) -> AdminUserRead:
    """Change a user's role or disable/enable the account."""
    return await service.update_user(request, session, principal, user_id, data)


@router.post("/users/{user_id}/password-reset", response_model=ResetTokenRead, **ADMIN)
async def issue_reset(user_id: uuid.UUID, principal: CurrentPrincipal, request: Request,
                      session: SessionDep) -> ResetTokenRead:
    """Issue a one-time password-reset token to hand to the user."""
    return await service.issue_reset(request, session, principal, user_id)


@router.post("/break-glass", response_model=BreakGlassRead, status_code=201, **ADMIN)
async def break_glass(data: BreakGlassCreate, principal: CurrentPrincipal, request: Request,
                      session: SessionDep) -> BreakGlassRead:
    """Emergency, time-limited access to one patient's record; flagged in the audit log."""
    return await service.break_glass(request, session, principal, data)
