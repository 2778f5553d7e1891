"""Test fixtures: the whole backend suite runs on two real stacks.

- ``sqlite-file``: SQLite database + the file (SQLite) broker, as on the embedded default.
- ``postgresql-redis``: PostgreSQL 127.0.0.1:5432 + Redis 127.0.0.1:6379, as in production.

Each stack gets a fresh database made by Alembic; every test starts from empty tables.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before backend imports: keep runtime files of modules that read the environment out of the repo.
os.environ.setdefault("LUMEN_DATA_DIR", tempfile.mkdtemp(prefix="lumen-test-env-"))
os.environ.setdefault("LUMEN_LOG_JSON", "true")

import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from backend.config import Settings
from backend.models import Role
from tests.factories import TestUser, make_user
from tests.support import (
    PG_ADMIN_URL,
    REDIS_TEST_URL,
    WorkerProcess,
    create_pg_database,
    drop_pg_database,
    flush_redis,
    in_thread,
    truncate_all,
)

STACKS = ["sqlite-file", "postgresql-redis"]


@pytest.fixture(scope="session", params=STACKS)
def stack(request: pytest.FixtureRequest) -> str:
    """Which real stack this test runs on."""
    return str(request.param)


@pytest.fixture(scope="session")
def settings(stack: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings for a fresh, migrated database on this stack."""
    from backend.drugs.seed import seed_sync
    from backend.migrate import upgrade

    data_dir = tmp_path_factory.mktemp(f"data-{stack}")
    common = dict(
        environment="test", secret_key="test-secret-key-0123456789", data_dir=data_dir,
        ui_dir=Path("/nonexistent"), job_lease_seconds=3, job_requeue_after_seconds=2,
        job_retry_backoff_seconds=0.2, broker_poll_seconds=0.05, sweep_interval_seconds=3600,
        api_rate_per_minute=100_000, login_rate_per_minute=1000,
    )
    if stack == "sqlite-file":
        s = Settings(database_url=f"sqlite+aiosqlite:///{data_dir / 'lumen.sqlite'}", **common)
        in_thread(upgrade, s.db_url)
        in_thread(seed_sync, s)
        yield s
        return
    name = f"lumen_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    url = in_thread(create_pg_database, PG_ADMIN_URL, name)
    flush_redis(REDIS_TEST_URL)
    s = Settings(database_url=url, redis_url=REDIS_TEST_URL, **common)
    in_thread(upgrade, s.db_url)
    in_thread(seed_sync, s)
    yield s
    flush_redis(REDIS_TEST_URL)
    in_thread(drop_pg_database, PG_ADMIN_URL, name)


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    """The real app on this stack; tables are emptied after each test."""
    from backend.main import create_app

    application = create_app(settings)
    async with LifespanManager(application):
        yield application
        await truncate_all(application.state.db)


@pytest.fixture
async def anon_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client that sends no credentials."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


@pytest.fixture
async def admin(app: FastAPI) -> TestUser:
    return await make_user(app, Role.admin)


@pytest.fixture
async def client(app: FastAPI, admin: TestUser) -> AsyncIterator[httpx.AsyncClient]:
    """A client signed in as an admin (most platform tests act as the operator)."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                 headers=admin.headers) as c:
        yield c


@pytest.fixture(scope="session")
def worker(settings: Settings) -> Iterator[WorkerProcess]:
    """A real Celery worker process on this stack's broker and database."""
    proc = WorkerProcess(settings, concurrency=2)
    proc.start()
    yield proc
    proc.stop()
