"""Helpers for tests: databases, brokers and real worker processes."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from backend.config import Settings
from backend.database import Database
from backend.models import Base

PG_ADMIN_URL = os.environ.get(
    "LUMEN_TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
REDIS_TEST_URL = os.environ.get("LUMEN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def in_thread(fn: Callable[..., T], *args: Any) -> T:
    """Run blocking code that starts its own event loop, away from pytest-asyncio's loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args).result()


def _admin(sql: str) -> None:
    async def run() -> None:
        engine = create_async_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(sql))
        await engine.dispose()

    asyncio.run(run())


def create_pg_database(admin_url: str, name: str) -> str:
    """Create an empty database and return its async URL."""
    _admin(f'CREATE DATABASE "{name}"')
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(admin_url: str, name: str) -> None:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def flush_redis(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    client.close()


async def truncate_all(db: Database) -> None:
    """Empty every table (children first); the schema itself stays as Alembic made it."""
    async with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # The audit table's append-only trigger is the point; tests clean up as a superuser.
            await conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in reversed(Base.metadata.sorted_tables):
            if not table.info.get("reference"):  # shipped reference data stays loaded
                await conn.execute(table.delete())


def worker_env(settings: Settings) -> dict[str, str]:
    """Environment that makes a child process load exactly these settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LUMEN_")}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if hasattr(value, "get_secret_value"):
            value = value.get_secret_value()
        env[f"LUMEN_{name.upper()}"] = str(value)
    return env


class WorkerProcess:
    """A `lumen worker` child process in its own process group (so it can be SIGKILLed whole)."""

    def __init__(self, settings: Settings, concurrency: int = 1) -> None:
        self.settings = settings
        self.concurrency = concurrency
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = settings.data_dir / f"worker-{time.monotonic_ns()}.log"

    def start(self, timeout: float = 60) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        env = worker_env(self.settings)
        env["LUMEN_LOG_LEVEL"] = "INFO"  # readiness is read from the worker's "ready." line
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "backend.cli.main", "worker", "--concurrency",
             str(self.concurrency)],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log()}")
            if "ready." in self.log():
                return
            time.sleep(0.1)
        raise RuntimeError(f"worker not ready in {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL the whole worker (parent and pool children), as a crash would."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


def queued_messages(settings: Settings, queue: str = "lumen") -> int:
    """Messages waiting in the real broker's queue (Redis list or the SQLite broker's table)."""
    if settings.redis_url:
        import redis

        client = redis.Redis.from_url(settings.redis_url)
        try:
            return int(client.llen(queue))
        finally:
            client.close()
    import sqlite3

    path = settings.data_dir / "broker.sqlite"
    if not path.exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT count(*) FROM kombu_message m JOIN kombu_queue q ON m.queue_id = q.id "
            "WHERE q.name = ? AND m.visible = 1", (queue,)).fetchone()
    except sqlite3.OperationalError:  # tables not created yet: nothing was ever sent
        return 0
    finally:
        conn.close()
    return int(row[0])


def drain_queue(settings: Settings, queue: str = "lumen") -> None:
    """Drop waiting messages so a test starts with an empty queue."""
    if settings.redis_url:
        import redis

        client = redis.Redis.from_url(settings.redis_url)
        client.delete(queue)
        client.close()
        return
    import sqlite3

    path = settings.data_dir / "broker.sqlite"
    if path.exists():
        conn = sqlite3.connect(path)
        try:
            conn.execute("DELETE FROM kombu_message")
            conn.commit()
        except sqlite3.OperationalError:
            pass
        finally:
            conn.close()


def isolated_broker(settings: Settings, data_dir: Path) -> Settings:
    """Same database, but a broker no session worker listens on (to inspect the queue)."""
    update: dict[str, Any] = {"data_dir": data_dir}
    if settings.redis_url:
        update["redis_url"] = settings.redis_url.rsplit("/", 1)[0] + "/14"
    own = settings.model_copy(update=update)
    drain_queue(own)
    return own
