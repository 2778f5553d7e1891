"""A killed worker's job resumes from its checkpoint; lost messages are re-sent by the sweep."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from backend.jobs.repository import JobRepository
from backend.jobs.tasks import sweep_jobs
from backend.main import create_app
from backend.models import Job, JobStatus
from backend.models.base import utcnow
from tests.backend.jobs.test_worker import start, wait_for
from tests.support import WorkerProcess, drain_queue, isolated_broker, queued_messages


@pytest.fixture
async def isolated(settings, tmp_path, admin):
    """Same database, but a broker no other worker listens on (the session worker may run)."""
    own = isolated_broker(settings, tmp_path)
    application = create_app(own)
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://t",
                                 headers=admin.headers) as c:
        yield own, application, c
    drain_queue(own)
    await application.state.db.dispose()


@pytest.mark.slow
async def test_killed_worker_job_resumes_without_redoing_steps(app, isolated) -> None:
    settings, app, client = isolated
    first = WorkerProcess(settings)
    first.start()
    try:
        job = await start(client, steps=12, step_seconds=0.3)
        deadline = time.monotonic() + 30
        while (await client.get(f"/api/v1/jobs/{job['id']}")).json()["progress"] < 25:
            assert time.monotonic() < deadline, first.log()
            await asyncio.sleep(0.05)
    finally:
        first.kill()
    crashed = (await client.get(f"/api/v1/jobs/{job['id']}")).json()
    assert crashed["status"] == "running" and 25 <= crashed["progress"] < 100

    second = WorkerProcess(settings)
    second.start()
    try:
        await asyncio.sleep(settings.job_lease_seconds + 0.5)  # heartbeat goes stale
        counts = await sweep_jobs(app.state.db, settings)
        assert counts["recovered"] == 1
        done, _ = await wait_for(client, job["id"], {"succeeded", "failed"})
    finally:
        second.stop()
    assert done["status"] == "succeeded", second.log()
    assert done["attempts"] == 2
    assert done["result"]["resumed_from_step"] >= 3  # finished steps were not run again


async def test_sweep_resends_lost_queued_jobs_once_per_period(app, isolated) -> None:
    settings, own_app, _ = isolated  # `app` only empties the tables afterwards
    async with own_app.state.db.sessionmaker() as s:
        job = await JobRepository(s).add(type="system.self_check", params={}, created_by=None)
        await s.commit()  # stored but never sent: a broker outage at the wrong moment
    assert await sweep_jobs(own_app.state.db, settings) == {"resent": 0, "recovered": 0,
                                                         "cancelled": 0}
    async with own_app.state.db.sessionmaker() as s:
        await s.execute(update(Job).where(Job.id == job.id)
                        .values(updated_at=utcnow() - timedelta(minutes=5)))
        await s.commit()
    assert (await sweep_jobs(own_app.state.db, settings))["resent"] == 1
    assert queued_messages(settings) == 1
    assert (await sweep_jobs(own_app.state.db, settings))["resent"] == 0  # not again at once
    assert queued_messages(settings) == 1


async def test_sweep_finishes_cancelling_jobs_whose_worker_died(client, app, settings) -> None:
    async with app.state.db.sessionmaker() as s:
        job = await JobRepository(s).add(type="system.self_check", params={}, created_by=None)
        await s.execute(update(Job).where(Job.id == job.id).values(
            status=JobStatus.cancelling, heartbeat_at=utcnow() - timedelta(minutes=5)))
        await s.commit()
    assert (await sweep_jobs(app.state.db, settings))["cancelled"] == 1
    got = (await client.get(f"/api/v1/jobs/{job.id}")).json()
    assert got["status"] == "cancelled" and got["finished_at"]
