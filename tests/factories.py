"""Test data factories: users with tokens, made through the real services (not the HTTP API)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import lru_cache

import httpx
from fastapi import FastAPI

from backend.auth import tokens
from backend.auth.schemas import UserCreate
from backend.auth.service import create_user
from backend.auth.sessions import issue_tokens
from backend.models import Role, User

PASSWORD = "correct-horse-battery"


@lru_cache
def password_hash() -> str:
    # argon2 is slow on purpose; hash the shared test password once per run.
    return tokens.hash_password(PASSWORD)


@dataclass
class TestUser:
    id: uuid.UUID
    email: str
    role: Role
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def make_user(app: FastAPI, role: Role = Role.patient, email: str | None = None) -> TestUser:
    """A stored account with a signed-in session."""
    email = email or f"{role.value}-{uuid.uuid4().hex[:8]}@example.test"
    settings = app.state.settings
    async with app.state.db.sessionmaker() as session:
        user: User = await create_user(
            session, settings, UserCreate(email=email, password="placeholder-pass"), role=role)
        user.password_hash = password_hash()
        pair = await issue_tokens(session, settings, user)
        await session.commit()
    return TestUser(user.id, email, role, pair.access_token, pair.refresh_token)


def authed(client: httpx.AsyncClient, user: TestUser) -> httpx.AsyncClient:
    """The same client, now sending this user's access token."""
    client.headers["Authorization"] = f"Bearer {user.access_token}"
    return client
