"""Shared FastAPI dependencies as Annotated aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession

from backend.config import Settings
from backend.database import get_session


def get_settings(request: Request) -> Settings:
    """The app's Settings (a function, so FastAPI does not turn fields into query params)."""
    settings: Settings = request.app.state.settings
    return settings


# scope="function": commit happens before the response is sent, so a failed commit is an error.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings)]


class Pagination:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset


PaginationDep = Annotated[Pagination, Depends()]
