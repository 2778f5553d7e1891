"""Async engine and sessions; the request session commits on success and then sends queued tasks."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import NullPool
from starlette.concurrency import run_in_threadpool

from backend.config import Settings

log = logging.getLogger("lumen.db")
AFTER_COMMIT = "lumen_after_commit"


def _sqlite_pragmas(dbapi_conn: Any, _: Any) -> None:
    # WAL lets the worker write while the API reads; busy_timeout waits instead of failing.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(settings: Settings, *, pooled: bool = True) -> AsyncEngine:
    """Engine for the configured database; NullPool where each task runs its own event loop."""
    kwargs: dict[str, Any] = {}
    if not pooled or settings.is_sqlite:
        kwargs["poolclass"] = NullPool
    else:
        kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
    if settings.is_sqlite:
        settings.ensure_dirs()
        kwargs["connect_args"] = {"timeout": 10}
    engine = create_async_engine(settings.db_url, **kwargs)
    if settings.is_sqlite:
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


@dataclass
class Database:
    """Engine plus session factory owned by one app or worker process."""

    settings: Settings
    engine: AsyncEngine = field(init=False)
    sessionmaker: async_sessionmaker[AsyncSession] = field(init=False)
    pooled: bool = True

    def __post_init__(self) -> None:
        self.engine = make_engine(self.settings, pooled=self.pooled)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)

    async def dispose(self) -> None:
        await self.engine.dispose()


@dataclass(frozen=True)
class PendingTask:
    name: str
    args: tuple[Any, ...]


def enqueue_after_commit(session: AsyncSession, name: str, *args: Any) -> None:
    """Queue a Celery task to be sent only once this session's transaction has committed."""
    session.info.setdefault(AFTER_COMMIT, []).append(PendingTask(name, args))


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """Request-scoped session: commit on success, roll back on error, then send queued tasks."""
    db: Database = request.app.state.db
    async with db.sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            session.info.pop(AFTER_COMMIT, None)
            raise
        pending: list[PendingTask] = session.info.pop(AFTER_COMMIT, [])
    if pending:
        await send_pending(request.app.state.settings, pending)


async def send_pending(settings: Settings, pending: list[PendingTask]) -> None:
    """Send tasks; a broker failure is logged, the job stays queued and the sweep re-sends it."""
    from backend.worker import send_task

    for task in pending:
        try:
            await run_in_threadpool(send_task, settings, task.name, task.args)
        except Exception:
            log.exception("could not send task; the job sweep will retry",
                          extra={"task": task.name})
