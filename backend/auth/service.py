"""Account use cases: register, profile, password, MFA, API keys."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pyotp
from fastapi import Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit import service as audit
from backend.auth import tokens
from backend.auth.access import Principal, Unauthorized
from backend.auth.repository import ApiKeyRepository, TokenRepository, UserRepository
from backend.auth.schemas import (
    SCOPES,
    AdminUserRead,
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    MfaSetupRead,
    UserCreate,
    UserRead,
)
from backend.auth.sessions import check_totp
from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.errors import AppError, Conflict, NotFound
from backend.models import Role, User
from backend.models.base import utcnow

RESET_TOKEN_HOURS = 24


def user_read(settings: Settings, user: User, *, admin: bool = False) -> UserRead:
    """Schema for a user, decrypting the email for its owner or an admin."""
    cipher = cipher_for(settings)
    email = cipher.decrypt(user.email_encrypted, context="email")
    name = (cipher.decrypt(user.display_name_encrypted, context="display_name")
            if user.display_name_encrypted else None)
    data = {"id": user.id, "email": email, "display_name": name,
            "role": user.role, "is_active": user.is_active, "mfa_enabled": user.mfa_enabled,
            "created_at": user.created_at}
    if admin:
        return AdminUserRead(**data, failed_logins=user.failed_logins,
                             locked_until=user.locked_until)
    return UserRead(**data)


async def create_user(
    session: AsyncSession, settings: Settings, data: UserCreate, *, role: Role = Role.patient
) -> User:
    """Store a new account; 409 if the email is taken."""
    cipher = cipher_for(settings)
    repo = UserRepository(session)
    index = cipher.blind_index(data.email, purpose="email")
    if await repo.by_email_index(index) is not None:
        raise Conflict("An account with this email exists", {"code": "email_taken"})
    user = User(email_encrypted=cipher.encrypt(data.email.strip().lower(), context="email"),
                email_index=index,
                display_name_encrypted=cipher.encrypt(data.display_name, context="display_name")
                if data.display_name else None,
                password_hash=await tokens.hash_password_async(data.password), role=role)
    try:
        async with session.begin_nested():
            await repo.add(user)
    except IntegrityError:  # a concurrent sign-up with the same email won the race
        raise Conflict("An account with this email exists", {"code": "email_taken"}) from None
    return user


async def register(request: Request, session: AsyncSession, data: UserCreate) -> UserRead:
    settings: Settings = request.app.state.settings
    user = await create_user(session, settings, data)
    await audit.record(session, action="auth.register", actor_id=user.id,
                       actor_role=user.role.value, request=request)
    return user_read(settings, user)


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User:
    user = await UserRepository(session).get(user_id)
    if user is None:
        raise NotFound("User")
    return user


async def change_password(
    request: Request, session: AsyncSession, principal: Principal, current: str, new: str
) -> None:
    """Change the password after re-checking the current one; ends every session."""
    user = await get_user(session, principal.user_id)
    if not await tokens.verify_password_async(current, user.password_hash):
        raise Unauthorized("Current password is wrong", "invalid_credentials")
    new_hash = await tokens.hash_password_async(new)
    await UserRepository(session).update(user.id, password_hash=new_hash,
                                         password_changed_at=utcnow())
    await TokenRepository(session).revoke_user(user.id)
    await audit.record(session, action="auth.password_changed", actor=principal, request=request)


async def issue_reset_token(
    request: Request | None, session: AsyncSession, *, user_id: uuid.UUID,
    actor: Principal | None,
) -> tuple[str, object]:
    """A one-time reset token (shown to the admin or CLI operator; there is no mail server)."""
    await get_user(session, user_id)
    token = tokens.new_secret()
    expires = utcnow() + timedelta(hours=RESET_TOKEN_HOURS)
    await TokenRepository(session).add_reset(user_id=user_id, token_hash=tokens.digest(token),
                                             expires_at=expires)
    await audit.record(session, action="auth.reset_issued", actor=actor,
                       subject_user_id=user_id, request=request)
    return token, expires


async def reset_password(request: Request, session: AsyncSession, token: str, new: str) -> None:
    repo = TokenRepository(session)
    reset = await repo.reset_by_hash(tokens.digest(token))
    if reset is None or reset.expires_at < utcnow() or not await repo.use_reset(reset.id):
        raise AppError(400, "invalid_token", "This reset link is invalid or has expired")
    new_hash = await tokens.hash_password_async(new)
    await UserRepository(session).update(reset.user_id, password_hash=new_hash,
                                         password_changed_at=utcnow(), failed_logins=0,
                                         locked_until=None)
    await repo.revoke_user(reset.user_id)
    await audit.record(session, action="auth.password_reset", subject_user_id=reset.user_id,
                       request=request)


async def mfa_setup(request: Request, session: AsyncSession, principal: Principal) -> MfaSetupRead:
    """Start TOTP enrolment: a new secret, active only once a code confirms it."""
    settings: Settings = request.app.state.settings
    user = await get_user(session, principal.user_id)
    if user.mfa_enabled:
        raise Conflict("Two-factor sign-in is already on")
    secret = pyotp.random_base32()
    await UserRepository(session).update(
        user.id, mfa_secret_encrypted=cipher_for(settings).encrypt(secret, context="mfa"))
    email = cipher_for(settings).decrypt(user.email_encrypted, context="email")
    uri = pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name="LUMEN")
    return MfaSetupRead(secret=secret, otpauth_uri=uri)


async def mfa_enable(
    request: Request, session: AsyncSession, principal: Principal, code: str
) -> None:
    await _mfa_switch(request, session, principal, code, on=True)


async def mfa_disable(
    request: Request, session: AsyncSession, principal: Principal, password: str, code: str
) -> None:
    user = await get_user(session, principal.user_id)
    if not await tokens.verify_password_async(password, user.password_hash):
        raise Unauthorized("Password is wrong", "invalid_credentials")
    await _mfa_switch(request, session, principal, code, on=False)


async def _mfa_switch(
    request: Request, session: AsyncSession, principal: Principal, code: str, *, on: bool
) -> None:
    settings: Settings = request.app.state.settings
    user = await get_user(session, principal.user_id)
    if user.mfa_secret_encrypted is None or user.mfa_enabled == on:
        raise Conflict("Start set-up first" if on else "Two-factor sign-in is not on")
    secret = cipher_for(settings).decrypt(user.mfa_secret_encrypted, context="mfa")
    if not check_totp(secret, code):
        raise AppError(400, "invalid_mfa_code", "The authenticator code is wrong")
    values: dict[str, object] = {"mfa_enabled": on}
    if not on:
        values["mfa_secret_encrypted"] = None
    await UserRepository(session).update(user.id, **values)
    await audit.record(session, action="auth.mfa_enabled" if on else "auth.mfa_disabled",
                       actor=principal, request=request)


async def create_api_key(
    request: Request, session: AsyncSession, principal: Principal, data: ApiKeyCreate
) -> ApiKeyCreated:
    """Create a scoped key; the full key is returned this once and only its hash is kept."""
    unknown = sorted(set(data.scopes) - set(SCOPES))
    if unknown:
        raise AppError(422, "validation_error", "Unknown scopes",
                       [{"loc": ["body", "scopes"], "msg": f"unknown: {unknown}",
                         "type": "unknown_scope"}])
    full, prefix = tokens.new_api_key()
    key = await ApiKeyRepository(session).add(
        user_id=principal.user_id, name=data.name, prefix=prefix,
        key_hash=tokens.digest(full), scopes=sorted(set(data.scopes)))
    await audit.record(session, action="auth.api_key_created", actor=principal,
                       target_type="api_key", target_id=str(key.id), request=request,
                       details={"scopes": key.scopes})
    return ApiKeyCreated(**ApiKeyRead.model_validate(key).model_dump(), key=full)


async def list_api_keys(session: AsyncSession, principal: Principal) -> list[ApiKeyRead]:
    return [ApiKeyRead.model_validate(k)
            for k in await ApiKeyRepository(session).for_user(principal.user_id)]


async def revoke_api_key(
    request: Request, session: AsyncSession, principal: Principal, key_id: uuid.UUID
) -> None:
    """Revoke one of the caller's own keys (another user's key is simply not found)."""
    if not await ApiKeyRepository(session).revoke(key_id, principal.user_id):
        raise NotFound("API key")
    await audit.record(session, action="auth.api_key_revoked", actor=principal,
                       target_type="api_key", target_id=str(key_id), request=request)
