"""Health checks of the parts LUMEN depends on."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from backend import __version__
from backend.config import Settings
from backend.migrate import head_revision
from backend.system.schemas import CheckRead, HealthRead

CHECK_TIMEOUT_S = 3.0


async def _timed(probe: Callable[[], Awaitable[str | None]]) -> CheckRead:
    start = time.perf_counter()
    try:
        detail = await asyncio.wait_for(probe(), CHECK_TIMEOUT_S)
    except Exception as exc:  # a failing dependency is reported, not raised
        return CheckRead(status="error", detail=f"{type(exc).__name__}: {exc}"[:300])
    return CheckRead(status="ok", detail=detail,
                     latency_ms=round((time.perf_counter() - start) * 1000, 2))


def _broker_ping(url: str) -> None:
    from kombu import Connection

    with Connection(url, connect_timeout=CHECK_TIMEOUT_S) as conn:
        conn.ensure_connection(max_retries=1, timeout=CHECK_TIMEOUT_S)


async def health(session: AsyncSession, settings: Settings) -> HealthRead:
    """Probe the database and broker; vector store and model join as their issues land."""

    async def db() -> str:
        try:
            current = await session.scalar(text("SELECT version_num FROM alembic_version"))
        except DBAPIError:
            current = None
        head = head_revision()
        if current != head:
            # Reachable but unusable: the API would fail on every query.
            raise RuntimeError(f"schema at {current or 'nothing'}, code needs {head}: "
                               "run `lumen db upgrade`")
        return "sqlite" if settings.is_sqlite else "postgresql"

    async def broker() -> str:
        await asyncio.to_thread(_broker_ping, settings.broker_url)
        return "redis" if settings.redis_url else "file (sqlite)"

    checks = {"database": await _timed(db), "broker": await _timed(broker),
              "vector_store": CheckRead(status="not_configured",
                                        detail="arrives with the knowledge base"),
              "model": CheckRead(status="not_configured", detail="arrives with grounded chat")}
    ok = all(c.status != "error" for c in checks.values())
    return HealthRead(status="ok" if ok else "degraded", version=__version__,
                      environment=settings.environment, checks=checks)
