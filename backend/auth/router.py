"""Account endpoints: sign-up, sign-in, tokens, password, MFA, API keys."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from backend.auth import service, sessions
from backend.auth.access import CurrentPrincipal, access
from backend.auth.schemas import (
    SCOPES,
    AccountDelete,
    AccountDeleted,
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    LoginRequest,
    MfaCode,
    MfaDisable,
    MfaSetupRead,
    PasswordChange,
    PasswordReset,
    RefreshRequest,
    ScopeRead,
    TokenPair,
    UserCreate,
    UserRead,
)
from backend.deps import SessionDep, SettingsDep
from backend.models import Role

router = APIRouter(prefix="/auth", tags=["auth"])
NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.post("/register", response_model=UserRead, status_code=201, **access(public=True))
async def register(data: UserCreate, request: Request, session: SessionDep) -> UserRead:
    """Create a patient account."""
    return await service.register(request, session, data)


@router.post("/login", response_model=TokenPair, **access(public=True))
async def login(data: LoginRequest, request: Request, session: SessionDep) -> TokenPair:
    """Sign in with email, password and (when enabled) an authenticator code."""
    return await sessions.login(request, session, data)


@router.post("/refresh", response_model=TokenPair, **access(public=True))
async def refresh(data: RefreshRequest, request: Request, session: SessionDep) -> TokenPair:
    """Exchange a refresh token for new tokens (each refresh token works once)."""
    return await sessions.refresh(request, session, data.refresh_token)


@router.post("/logout", status_code=NO_CONTENT, **access(public=True))
async def logout(data: RefreshRequest, request: Request, session: SessionDep) -> None:
    """End the session the refresh token belongs to."""
    await sessions.logout(request, session, data.refresh_token)


@router.get("/me", response_model=UserRead, **access())
async def me(principal: CurrentPrincipal, request: Request, session: SessionDep) -> UserRead:
    """The signed-in account."""
    user = await service.get_user(session, principal.user_id)
    return service.user_read(request.app.state.settings, user)


@router.delete("/me", response_model=AccountDeleted, **access(Role.patient))
async def delete_account(data: AccountDelete, principal: CurrentPrincipal, request: Request,
                         session: SessionDep, settings: SettingsDep) -> AccountDeleted:
    """Delete your patient account: record erased, sign-in ended; audit facts are kept."""
    # Staff accounts are deactivated by an admin instead: signatures must keep their names.
    from backend.auth.deletion import delete_account as delete

    return AccountDeleted(erased=await delete(request, session, settings, principal, data))


@router.post("/password", status_code=NO_CONTENT, **access())
async def change_password(data: PasswordChange, principal: CurrentPrincipal, request: Request,
                          session: SessionDep) -> None:
    """Change the password; every session ends."""
    await service.change_password(request, session, principal, data.current_password,
                                  data.new_password)


@router.post("/password-reset", status_code=NO_CONTENT, **access(public=True))
async def reset_password(data: PasswordReset, request: Request, session: SessionDep) -> None:
    """Set a new password with a one-time reset token."""
    await service.reset_password(request, session, data.token, data.new_password)


@router.post("/mfa/setup", response_model=MfaSetupRead, **access())
async def mfa_setup(principal: CurrentPrincipal, request: Request,
                    session: SessionDep) -> MfaSetupRead:
    """Begin authenticator-app enrolment."""
    return await service.mfa_setup(request, session, principal)


@router.post("/mfa/enable", status_code=NO_CONTENT, **access())
async def mfa_enable(data: MfaCode, principal: CurrentPrincipal, request: Request,
                     session: SessionDep) -> None:
    """Turn on two-factor sign-in with a code from the app."""
    await service.mfa_enable(request, session, principal, data.code)


@router.post("/mfa/disable", status_code=NO_CONTENT, **access())
async def mfa_disable(data: MfaDisable, principal: CurrentPrincipal, request: Request,
                      session: SessionDep) -> None:
    """Turn off two-factor sign-in (password and a current code required)."""
    await service.mfa_disable(request, session, principal, data.password, data.code)


@router.get("/api-keys/scopes", response_model=list[ScopeRead], **access())
async def api_key_scopes() -> list[ScopeRead]:
    """Scopes an API key can carry."""
    return [ScopeRead(scope=s, description=d) for s, d in SCOPES.items()]


@router.get("/api-keys", response_model=list[ApiKeyRead], **access())
async def list_api_keys(principal: CurrentPrincipal, session: SessionDep) -> list[ApiKeyRead]:
    """The caller's API keys (never the secret)."""
    return await service.list_api_keys(session, principal)


@router.post("/api-keys", response_model=ApiKeyCreated, status_code=201, **access())
async def create_api_key(data: ApiKeyCreate, principal: CurrentPrincipal, request: Request,
                         session: SessionDep) -> ApiKeyCreated:
    """Create an API key; the key is shown only in this response."""
    return await service.create_api_key(request, session, principal, data)


@router.delete("/api-keys/{key_id}", status_code=NO_CONTENT, **access())
async def revoke_api_key(key_id: uuid.UUID, principal: CurrentPrincipal, request: Request,
                         session: SessionDep) -> None:
    """Revoke one of the caller's API keys."""
    await service.revoke_api_key(request, session, principal, key_id)
