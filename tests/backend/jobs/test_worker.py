"""Jobs on a real Celery worker process, on both stacks (file broker + SQLite, Redis + PG)."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from backend.worker import send_task
from tests.support import in_thread

pytestmark = pytest.mark.slow


async def wait_for(client: httpx.AsyncClient, job_id: str, statuses: set[str],
                   timeout: float = 30) -> tuple[dict, list[int]]:
    """Poll a job until it reaches one of statuses; returns it and the progress values seen."""
    seen: list[int] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = (await client.get(f"/api/v1/jobs/{job_id}")).json()
        if not seen or seen[-1] != job["progress"]:
            seen.append(job["progress"])
        if job["status"] in statuses:
            return job, seen
        await asyncio.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']} after {timeout}s")


async def start(client: httpx.AsyncClient, **params) -> dict:
    resp = await client.post("/api/v1/jobs", json={"type": "system.self_check", "params": params})
    assert resp.status_code == 202, resp.text
    return resp.json()


async def test_self_check_runs_to_completion_with_progress(client, worker, stack) -> None:
    job = await start(client, steps=4, step_seconds=0.25)
    done, seen = await wait_for(client, job["id"], {"succeeded", "failed"})
    assert done["status"] == "succeeded", done
    assert done["progress"] == 100 and done["attempts"] == 1
    assert seen == sorted(seen) and len(seen) >= 3, seen  # progress visibly moved up
    checks = done["result"]["checks"]
    assert set(checks) == {"database", "data_dir", "broker"}
    assert all(c["ok"] for c in checks.values())
    assert checks["database"]["jobs_in_table"] == 1
    assert done["started_at"] and done["finished_at"] >= done["started_at"]


async def test_running_job_can_be_cancelled(client, worker) -> None:
    job = await start(client, steps=50, step_seconds=0.2)
    await wait_for(client, job["id"], {"running"})
    resp = await client.post(f"/api/v1/jobs/{job['id']}/cancel")
    assert resp.status_code == 202 and resp.json()["status"] in {"cancelling", "cancelled"}
    done, _ = await wait_for(client, job["id"], {"cancelled", "succeeded", "failed"})
    assert done["status"] == "cancelled" and done["progress"] < 100


async def test_transient_errors_are_retried_with_backoff(client, worker) -> None:
    job = await start(client, steps=1, step_seconds=0, transient_failures=2)
    done, _ = await wait_for(client, job["id"], {"succeeded", "failed"})
    assert done["status"] == "succeeded" and done["attempts"] == 3
    assert done["result"]["attempt"] == 3


async def test_redelivered_task_for_finished_job_does_nothing(client, worker, settings) -> None:
    job = await start(client, steps=1, step_seconds=0)
    first, _ = await wait_for(client, job["id"], {"succeeded"})
    in_thread(send_task, settings, "system.self_check", (job["id"],))
    in_thread(send_task, settings, "system.self_check", (job["id"],))
    await asyncio.sleep(1.0)
    again = (await client.get(f"/api/v1/jobs/{job['id']}")).json()
    assert again["attempts"] == 1
    assert again["finished_at"] == first["finished_at"] and again["result"] == first["result"]


async def test_duplicate_delivery_runs_the_job_once(client, worker, settings) -> None:
    """Two messages for one job at the same moment (two pool processes): one wins the claim."""
    job = await start(client, steps=3, step_seconds=0.2)
    in_thread(send_task, settings, "system.self_check", (job["id"],))
    done, _ = await wait_for(client, job["id"], {"succeeded", "failed"})
    await asyncio.sleep(0.5)
    final = (await client.get(f"/api/v1/jobs/{job['id']}")).json()
    assert done["status"] == "succeeded" and final["attempts"] == 1
