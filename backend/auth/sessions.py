"""Sign-in, token refresh with reuse detection, sign-out, and resolving bearer credentials."""

from __future__ import annotations

import math
import uuid
from datetime import timedelta

import pyotp
from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit import service as audit
from backend.auth import tokens
from backend.auth.access import Principal, Unauthorized
from backend.auth.repository import ApiKeyRepository, TokenRepository, UserRepository
from backend.auth.schemas import LoginRequest, TokenPair
from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.errors import AppError
from backend.core.ratelimit import RateLimited
from backend.database import Database
from backend.models import Role, User
from backend.models.base import utcnow


def _deps(request: Request) -> tuple[Settings, Database]:
    return request.app.state.settings, request.app.state.db


async def enforce_rate_limit(request: Request, key: str, per_minute: int) -> None:
    """429 with Retry-After once `key` has been hit `per_minute` times in a minute."""
    decision = await request.app.state.rate_limiter.hit(key, per_minute, 60)
    if not decision.allowed:
        raise RateLimited(decision)


def check_totp(secret: str, code: str | None) -> bool:
    """A current (±1 step) TOTP code for this secret."""
    return bool(code) and pyotp.TOTP(secret).verify(code or "", valid_window=1)


async def issue_tokens(
    session: AsyncSession, settings: Settings, user: User, family_id: uuid.UUID | None = None
) -> TokenPair:
    """A new refresh token (in a new or existing family) and an access token."""
    family = family_id or uuid.uuid4()
    refresh = tokens.new_secret()
    await TokenRepository(session).add_refresh(
        user_id=user.id, family_id=family, token_hash=tokens.digest(refresh),
        expires_at=tokens.expires_in(settings))
    access, lifetime = tokens.create_access_token(
        settings, user_id=user.id, role=user.role.value, family_id=family)
    return TokenPair(access_token=access, refresh_token=refresh, expires_in=lifetime,
                     refresh_expires_in=int(settings.refresh_token_days * 86400))


async def _failed(request: Request, user: User | None, reason: str) -> None:
    """Count a failure (locking after too many) in its own transaction, which must persist."""
    settings, db = _deps(request)
    async with db.sessionmaker() as s:
        if user is not None:
            failures = user.failed_logins + 1
            values: dict[str, object] = {"failed_logins": failures}
            over = failures - settings.login_max_failures
            if over >= 0:
                seconds = min(settings.lockout_seconds * 2 ** over, 86400)
                values["locked_until"] = utcnow() + timedelta(seconds=seconds)
                await audit.record(s, action="auth.lockout", subject_user_id=user.id,
                                   outcome="denied", request=request,
                                   details={"failures": failures, "seconds": int(seconds)})
            await UserRepository(s).update(user.id, **values)
        await audit.record(s, action="auth.login_failed", subject_user_id=user.id if user else None,
                           outcome="denied", request=request, details={"reason": reason})
        await s.commit()


async def login(request: Request, session: AsyncSession, data: LoginRequest) -> TokenPair:
    """Check password (and TOTP when enabled); lock out after repeated failures."""
    settings, _ = _deps(request)
    cipher = cipher_for(settings)
    index = cipher.blind_index(data.email, purpose="email")
    ip = request.client.host if request.client else "unknown"
    await enforce_rate_limit(request, f"login:{ip}:{index}", settings.login_rate_per_minute)
    user = await UserRepository(session).by_email_index(index)
    if user is None:
        await tokens.verify_password_async(data.password, tokens.DUMMY_HASH)
        await _failed(request, None, "unknown_account")
        raise Unauthorized("Email or password is wrong", "invalid_credentials")
    if user.locked_until and user.locked_until > utcnow():
        wait = math.ceil((user.locked_until - utcnow()).total_seconds())
        await _failed(request, None, "locked")
        raise AppError(429, "account_locked", f"Too many failed sign-ins; try again in {wait} s",
                       {"retry_after": wait}, headers={"Retry-After": str(wait)})
    if not await tokens.verify_password_async(data.password, user.password_hash):
        await _failed(request, user, "bad_password")
        raise Unauthorized("Email or password is wrong", "invalid_credentials")
    if not user.is_active:
        raise AppError(403, "account_disabled", "This account is disabled")
    if user.mfa_enabled:
        if data.totp_code is None:
            raise Unauthorized("Enter the code from your authenticator app", "mfa_required")
        secret = cipher.decrypt(user.mfa_secret_encrypted or "", context="mfa")
        if not check_totp(secret, data.totp_code):
            await _failed(request, user, "bad_mfa_code")
            raise Unauthorized("The authenticator code is wrong", "invalid_mfa_code")
    await UserRepository(session).update(user.id, failed_logins=0, locked_until=None)
    pair = await issue_tokens(session, settings, user)
    await audit.record(session, action="auth.login", actor_id=user.id,
                       actor_role=user.role.value, request=request,
                       details={"mfa": user.mfa_enabled})
    return pair


async def refresh(request: Request, session: AsyncSession, refresh_token: str) -> TokenPair:
    """Rotate a refresh token; presenting a used one revokes its whole family."""
    settings, _ = _deps(request)
    repo = TokenRepository(session)
    token = await repo.refresh_by_hash(tokens.digest(refresh_token))
    if token is None or token.revoked_at is not None:
        raise Unauthorized("Sign in again", "invalid_token")
    now = utcnow()
    idle = token.created_at < now - timedelta(minutes=settings.session_idle_minutes)
    # Failure paths write in their own transaction (they must persist past the 401), so the
    # request session must not hold a write lock then: decide before writing, roll back first.
    reused = token.used_at is not None
    if not reused and (token.expires_at < now or idle):
        await _revoke_family(request, token.family_id, token.user_id, "auth.session_expired")
        raise Unauthorized("Your session expired; sign in again", "session_expired")
    if reused or not await repo.mark_used(token.id):
        family_id, user_id = token.family_id, token.user_id  # rollback expires the object
        await session.rollback()
        await _revoke_family(request, family_id, user_id, "auth.refresh_reuse")
        raise Unauthorized("This sign-in was ended for safety; sign in again", "token_reused")
    user = await UserRepository(session).get(token.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("Sign in again", "invalid_token")
    pair = await issue_tokens(session, settings, user, token.family_id)
    await audit.record(session, action="auth.refresh", actor_id=user.id,
                       actor_role=user.role.value, request=request)
    return pair


async def _revoke_family(
    request: Request, family_id: uuid.UUID, user_id: uuid.UUID, action: str
) -> None:
    _, db = _deps(request)
    async with db.sessionmaker() as s:
        await TokenRepository(s).revoke_family(family_id)
        await audit.record(s, action=action, subject_user_id=user_id, outcome="denied",
                           request=request, flagged=action == "auth.refresh_reuse")
        await s.commit()


async def logout(request: Request, session: AsyncSession, refresh_token: str) -> None:
    """End the session this refresh token belongs to (idempotent)."""
    repo = TokenRepository(session)
    token = await repo.refresh_by_hash(tokens.digest(refresh_token))
    if token is None:
        return
    await repo.revoke_family(token.family_id)
    await audit.record(session, action="auth.logout", actor_id=token.user_id, request=request)


async def resolve_bearer(request: Request, token: str) -> Principal:
    """Turn a bearer credential (access JWT or API key) into a Principal, rate-limited."""
    settings, db = _deps(request)
    async with db.sessionmaker() as s:
        if token.startswith(tokens.API_KEY_PREFIX):
            principal = await _api_key_principal(s, token)
            await s.commit()
        else:
            principal = await _jwt_principal(s, settings, token)
    key = f"api:key:{principal.api_key_id}" if principal.api_key_id else \
        f"api:user:{principal.user_id}"
    await enforce_rate_limit(request, key, settings.api_rate_per_minute)
    return principal


async def _jwt_principal(s: AsyncSession, settings: Settings, token: str) -> Principal:
    claims = tokens.decode_access_token(settings, token)
    if claims is None:
        raise Unauthorized("Invalid or expired token", "invalid_token")
    user = await UserRepository(s).get(uuid.UUID(claims["sub"]))
    # Logout and password changes revoke the family; the access token dies with it.
    if user is None or not user.is_active or not await TokenRepository(s).family_active(
            uuid.UUID(claims["sid"])):
        raise Unauthorized("Invalid or expired token", "invalid_token")
    return Principal(user_id=user.id, role=user.role, via="jwt")


async def _api_key_principal(s: AsyncSession, token: str) -> Principal:
    repo = ApiKeyRepository(s)
    key = await repo.by_hash(tokens.digest(token))
    if key is None or key.revoked_at is not None:
        raise Unauthorized("Invalid or revoked API key", "invalid_token")
    user = await UserRepository(s).get(key.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("Invalid or revoked API key", "invalid_token")
    now = utcnow()
    if key.last_used_at is None or key.last_used_at < now - timedelta(minutes=1):
        await repo.touch(key.id, now)  # at most once a minute: no write per request
    return Principal(user_id=user.id, role=Role(user.role), via="api_key",
                     scopes=frozenset(key.scopes), api_key_id=key.id)
