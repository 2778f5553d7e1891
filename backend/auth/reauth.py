"""Re-authentication for consequential acts (e-signatures, account deletion): the person again.

A live session is not enough for these: the signer types their password (and the current TOTP
code when MFA is on). API keys can never do it, and attempts share the sign-in rate limit, so a
stolen session cannot be used to guess the password.
"""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from backend.auth import tokens
from backend.auth.access import Principal
from backend.auth.service import get_user
from backend.auth.sessions import check_totp, enforce_rate_limit
from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.errors import AppError


async def credentials_match(request: Request, session: AsyncSession, settings: Settings,
                            principal: Principal, password: str, totp_code: str | None) -> bool:
    """True when the signed-in person's password (and TOTP code, with MFA) are right."""
    if principal.via != "jwt":
        raise AppError(403, "requires_person", "API keys cannot do this; sign in as yourself")
    await enforce_rate_limit(request, f"reauth:{principal.user_id}",
                             settings.login_rate_per_minute)
    user = await get_user(session, principal.user_id)
    ok = await tokens.verify_password_async(password, user.password_hash)
    if ok and user.mfa_enabled:
        secret = cipher_for(settings).decrypt(user.mfa_secret_encrypted or "", context="mfa")
        ok = check_totp(secret, totp_code)
    return ok
