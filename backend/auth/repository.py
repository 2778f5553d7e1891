"""All account, token and API-key queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import ApiKey, PasswordResetToken, RefreshToken, Role, User
from backend.models.base import utcnow


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id, populate_existing=True)

    async def by_email_index(self, index: str) -> User | None:
        return await self.session.scalar(select(User).where(User.email_index == index))

    async def add(self, user: User) -> User:
        self.session.add(user)
        await self.session.flush()
        return user

    async def update(self, user_id: uuid.UUID, **values: Any) -> None:
        await self.session.execute(
            update(User).where(User.id == user_id).values(updated_at=utcnow(), **values))

    async def page(
        self, *, email_index: str | None, role: Role | None, limit: int, offset: int,
    ) -> tuple[Sequence[User], int]:
        query = select(User)
        if email_index is not None:
            query = query.where(User.email_index == email_index)
        if role is not None:
            query = query.where(User.role == role)
        total = await self.session.scalar(select(func.count()).select_from(query.subquery()))
        rows = await self.session.scalars(
            query.order_by(User.created_at.desc(), User.id).limit(limit).offset(offset))
        return rows.all(), int(total or 0)

    async def count_admins(self) -> int:
        return int(await self.session.scalar(
            select(func.count()).select_from(User).where(
                User.role == Role.admin, User.is_active.is_(True))) or 0)


class TokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_refresh(self, **values: Any) -> RefreshToken:
        token = RefreshToken(**values)
        self.session.add(token)
        await self.session.flush()
        return token

    async def refresh_by_hash(self, token_hash: str) -> RefreshToken | None:
        return await self.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash))

    async def mark_used(self, token_id: uuid.UUID) -> bool:
        """Atomically consume a refresh token; False if someone already used it."""
        result = await self.session.execute(
            update(RefreshToken).where(RefreshToken.id == token_id,
                                       RefreshToken.used_at.is_(None))
            .values(used_at=utcnow()))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def revoke_family(self, family_id: uuid.UUID) -> None:
        await self.session.execute(
            update(RefreshToken).where(RefreshToken.family_id == family_id,
                                       RefreshToken.revoked_at.is_(None))
            .values(revoked_at=utcnow()))

    async def revoke_user(self, user_id: uuid.UUID) -> None:
        await self.session.execute(
            update(RefreshToken).where(RefreshToken.user_id == user_id,
                                       RefreshToken.revoked_at.is_(None))
            .values(revoked_at=utcnow()))

    async def family_active(self, family_id: uuid.UUID) -> bool:
        return bool(await self.session.scalar(select(exists().where(
            RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None)))))

    async def add_reset(self, **values: Any) -> PasswordResetToken:
        token = PasswordResetToken(**values)
        self.session.add(token)
        await self.session.flush()
        return token

    async def reset_by_hash(self, token_hash: str) -> PasswordResetToken | None:
        return await self.session.scalar(
            select(PasswordResetToken).where(PasswordResetToken.token_hash == token_hash))

    async def use_reset(self, token_id: uuid.UUID) -> bool:
        result = await self.session.execute(
            update(PasswordResetToken).where(PasswordResetToken.id == token_id,
                                             PasswordResetToken.used_at.is_(None))
            .values(used_at=utcnow()))
        return bool(result.rowcount)  # type: ignore[attr-defined]


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, **values: Any) -> ApiKey:
        key = ApiKey(**values)
        self.session.add(key)
        await self.session.flush()
        return key

    async def by_hash(self, key_hash: str) -> ApiKey | None:
        return await self.session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash))

    async def for_user(self, user_id: uuid.UUID) -> Sequence[ApiKey]:
        rows = await self.session.scalars(
            select(ApiKey).where(ApiKey.user_id == user_id).order_by(ApiKey.created_at.desc()))
        return rows.all()

    async def touch(self, key_id: uuid.UUID, when: datetime) -> None:
        await self.session.execute(update(ApiKey).where(ApiKey.id == key_id)
                                   .values(last_used_at=when))

    async def revoke(self, key_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        result = await self.session.execute(
            update(ApiKey).where(ApiKey.id == key_id, ApiKey.user_id == user_id,
                                 ApiKey.revoked_at.is_(None)).values(revoked_at=utcnow()))
        return bool(result.rowcount)  # type: ignore[attr-defined]
