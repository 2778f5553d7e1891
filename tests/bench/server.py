"""A real `lumen serve` on a fresh PostgreSQL database and Redis, for HTTP benchmarks."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from backend.config import Settings
from backend.migrate import upgrade
from tests.support import (
    PG_ADMIN_URL,
    REDIS_TEST_URL,
    REPO,
    create_pg_database,
    drop_pg_database,
    flush_redis,
    in_thread,
    worker_env,
)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(**overrides: Any) -> Iterator[str]:
    """Yield the base URL of a migrated server; drop its database afterwards."""
    name = f"lumen_bench_{uuid.uuid4().hex[:8]}"
    url = in_thread(create_pg_database, PG_ADMIN_URL, name)
    flush_redis(REDIS_TEST_URL)
    settings = Settings(**{"environment": "test", "secret_key": "bench-secret-key",
                           "database_url": url, "redis_url": REDIS_TEST_URL,
                           "data_dir": Path(tempfile.mkdtemp()), "ui_dir": Path("/none"),
                           "log_level": "WARNING", **overrides})
    in_thread(upgrade, url)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "backend.cli.main", "serve", "--port",
                             str(port)], cwd=REPO, env=worker_env(settings),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                if httpx.get(base + "/api/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(20)
        flush_redis(REDIS_TEST_URL)
        in_thread(drop_pg_database, PG_ADMIN_URL, name)
