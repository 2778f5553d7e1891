"""Account deletion: the record is crypto-shredded, the account scrubbed, the audit trail kept.

The user row stays (audit events and signatures point at it) but holds nothing personal: the
email is replaced by a placeholder (its blind index too, so the address can register again),
the display name and MFA secret are dropped, and the password can never match again.
"""

from __future__ import annotations

import uuid

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit import service as audit
from backend.auth import tokens
from backend.auth.access import Principal, Unauthorized
from backend.auth.reauth import credentials_match
from backend.auth.repository import ApiKeyRepository, TokenRepository, UserRepository
from backend.auth.schemas import AccountDelete
from backend.config import Settings
from backend.core.crypto import cipher_for


async def delete_account(request: Request, session: AsyncSession, settings: Settings,
                         principal: Principal, data: AccountDelete) -> dict[str, int]:
    """Erase the caller's record and personal details, end every session and API key."""
    from backend.record.rights import erase_record
    from backend.record.service import RecordCtx

    if not await credentials_match(request, session, settings, principal, data.password,
                                   data.totp_code):
        raise Unauthorized("Password (or authenticator code) is wrong", "invalid_credentials")
    counts = await erase_record(RecordCtx(session, settings, principal, principal.user_id,
                                          False, request))
    cipher = cipher_for(settings)
    placeholder = deleted_placeholder(principal.user_id)
    await UserRepository(session).update(
        principal.user_id, email_encrypted=cipher.encrypt(placeholder, context="email"),
        email_index=cipher.blind_index(placeholder, purpose="email"),
        display_name_encrypted=None, mfa_secret_encrypted=None, mfa_enabled=False,
        # A hash of a random secret nobody knows: the password can never match again.
        password_hash=await tokens.hash_password_async(tokens.new_secret()), is_active=False)
    await TokenRepository(session).revoke_user(principal.user_id)
    keys = ApiKeyRepository(session)
    revoked = [await keys.revoke(k.id, principal.user_id)
               for k in await keys.for_user(principal.user_id)]
    counts["api_keys_revoked"] = sum(revoked)
    await audit.record(session, action="auth.account_deleted", actor=principal,
                       subject_user_id=principal.user_id, request=request,
                       details={k: v for k, v in counts.items() if isinstance(v, int)})
    return counts


def deleted_placeholder(user_id: uuid.UUID) -> str:
    """The email a deleted account holds (for tests and admin views)."""
    return f"deleted-{user_id}@deleted.invalid"
