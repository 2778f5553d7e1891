"""`lumen up` (what `make run` starts): API + worker + beat together, beat's sweep included."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from backend.config import Settings
from backend.database import Database
from backend.jobs.repository import JobRepository
from backend.models import Job
from backend.models.base import utcnow
from tests.support import REPO

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_up_serves_and_beat_recovers_a_lost_job(tmp_path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LUMEN_")}
    env.update(LUMEN_DATA_DIR=str(tmp_path), LUMEN_SWEEP_INTERVAL_SECONDS="1",
               LUMEN_JOB_REQUEUE_AFTER_SECONDS="1", LUMEN_UI_DIR=str(tmp_path / "no-ui"))
    log = (tmp_path / "up.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "backend.cli.main", "up", "--port", str(port)],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=5) as client:
            deadline = time.monotonic() + 60
            while True:
                assert proc.poll() is None, (tmp_path / "up.log").read_text()
                try:
                    if (await client.get("/api/v1/health")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, (tmp_path / "up.log").read_text()
                await asyncio.sleep(0.3)
            made = subprocess.run(
                [sys.executable, "-m", "backend.cli.main", "admin", "create", "--email",
                 "root@example.test", "--password", "root-password-1"],
                cwd=REPO, env=env, capture_output=True, text=True)
            assert made.returncode == 0, made.stderr
            tokens = (await client.post("/api/v1/auth/login", json={
                "email": "root@example.test", "password": "root-password-1"})).json()
            client.headers["Authorization"] = f"Bearer {tokens['access_token']}"
            # A job stored but never sent (as if the broker failed right after the commit).
            db = Database(Settings(_env_file=None, data_dir=tmp_path))
            async with db.sessionmaker() as s:
                job = await JobRepository(s).add(type="system.self_check",
                                                 params={"steps": 1, "step_seconds": 0},
                                                 created_by=None)
                await s.execute(update(Job).where(Job.id == job.id)
                                .values(updated_at=utcnow() - timedelta(minutes=1)))
                await s.commit()
            await db.dispose()
            deadline = time.monotonic() + 45
            while (got := (await client.get(f"/api/v1/jobs/{job.id}")).json())["status"] != \
                    "succeeded":
                assert time.monotonic() < deadline, (tmp_path / "up.log").read_text()
                await asyncio.sleep(0.3)
            assert got["attempts"] == 1
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        code = proc.wait(30)
    assert code == 0
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass  # the API child is gone too
