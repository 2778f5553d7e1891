"""Password hashing, access JWTs, and opaque secrets (refresh tokens, API keys, reset tokens)."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from jose import JWTError, jwt
from passlib.context import CryptContext

from backend.config import Settings
from backend.models.base import utcnow

# argon2 only: passlib with bcrypt 5 fails on every hash (see setup notes).
_passwords = CryptContext(schemes=["argon2"], deprecated="auto")
ALGORITHM = "HS256"
API_KEY_PREFIX = "lum_"


def hash_password(password: str) -> str:
    return _passwords.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    try:
        return _passwords.verify(password, hashed)
    except (ValueError, TypeError):
        return False


async def hash_password_async(password: str) -> str:
    """argon2 is deliberately slow: hash off the event loop."""
    return await asyncio.to_thread(hash_password, password)


async def verify_password_async(password: str, hashed: str) -> bool:
    return await asyncio.to_thread(verify_password, password, hashed)


# Verifying against this keeps failed logins for unknown emails as slow as for known ones.
DUMMY_HASH = hash_password("lumen-timing-equaliser")


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    """Stored form of an opaque secret (high-entropy, so a plain SHA-256 suffices)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_api_key() -> tuple[str, str]:
    """(full key shown once, short prefix kept for display)."""
    prefix = secrets.token_hex(4)
    return f"{API_KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}", prefix


def create_access_token(
    settings: Settings, *, user_id: uuid.UUID, role: str, family_id: uuid.UUID
) -> tuple[str, int]:
    """A signed short-lived access token and its lifetime in seconds."""
    now = utcnow()
    lifetime = int(settings.access_token_minutes * 60)
    claims = {"sub": str(user_id), "role": role, "sid": str(family_id), "typ": "access",
              "iat": int(now.timestamp()), "exp": int((now + timedelta(seconds=lifetime))
                                                      .timestamp()),
              "jti": uuid.uuid4().hex}
    return jwt.encode(claims, settings.secret_key.get_secret_value(), ALGORITHM), lifetime


def decode_access_token(settings: Settings, token: str) -> dict[str, Any] | None:
    """Claims of a valid, unexpired access token; None otherwise."""
    try:
        claims = jwt.decode(token, settings.secret_key.get_secret_value(), algorithms=[ALGORITHM])
    except JWTError:
        return None
    if claims.get("typ") != "access" or not all(_is_uuid(claims.get(k)) for k in ("sub", "sid")):
        return None  # signed by us but malformed (or from an older format): not a credential
    if not isinstance(claims.get("exp"), int | float):
        return None  # python-jose only checks `exp` when present; ours always carry one
    return claims


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def expires_in(settings: Settings) -> datetime:
    return utcnow() + timedelta(days=settings.refresh_token_days)
