"""Jobs API without a worker: creation, validation, listing, cancel rules, after-commit send."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from backend.core.errors import AppError
from backend.database import enqueue_after_commit
from backend.deps import SessionDep
from backend.models import Job
from tests.support import isolated_broker, queued_messages

SELF_CHECK = {"type": "system.self_check", "params": {"steps": 2, "step_seconds": 0}}


@pytest.fixture
def settings(settings, tmp_path):
    """These tests look into the queue, so no worker may consume it."""
    return isolated_broker(settings, tmp_path)


async def count_jobs(app: FastAPI) -> int:
    async with app.state.db.sessionmaker() as s:
        return int(await s.scalar(select(func.count()).select_from(Job)) or 0)


async def test_start_job_stores_it_and_sends_one_message(
    client: httpx.AsyncClient, app: FastAPI, settings
) -> None:
    resp = await client.post("/api/v1/jobs", json=SELF_CHECK)
    assert resp.status_code == 202, resp.text
    job = resp.json()
    assert job["status"] == "queued" and job["progress"] == 0 and job["attempts"] == 0
    assert job["params"] == {"steps": 2, "step_seconds": 0.0, "transient_failures": 0}
    assert job["created_at"].endswith("Z") or "+00:00" in job["created_at"]
    assert await count_jobs(app) == 1
    assert queued_messages(settings) == 1
    got = await client.get(f"/api/v1/jobs/{job['id']}")
    assert got.status_code == 200 and got.json()["id"] == job["id"]


async def test_job_types_listed(client: httpx.AsyncClient) -> None:
    types = (await client.get("/api/v1/jobs/types")).json()
    assert {"type": "system.self_check"}.items() <= types[0].items()


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"type": "nope.unknown"}, ["body", "type"]),
        ({"type": "system.self_check", "params": {"steps": 0}}, ["body", "params", "steps"]),
        ({"type": "system.self_check", "params": {"steps": "many"}}, ["body", "params", "steps"]),
        ({"type": "system.self_check", "params": {"evil": 1}}, ["body", "params", "evil"]),
        ({"type": "system.self_check", "extra": 1}, ["body", "extra"]),
        ({"type": ""}, ["body", "type"]),
    ],
)
async def test_bad_job_requests_are_422_and_store_nothing(
    client: httpx.AsyncClient, app: FastAPI, settings, body: dict, loc: list
) -> None:
    resp = await client.post("/api/v1/jobs", json=body)
    assert resp.status_code == 422, resp.text
    assert loc in [d["loc"] for d in resp.json()["error"]["details"]]
    assert await count_jobs(app) == 0
    assert queued_messages(settings) == 0


async def test_unknown_job_is_404(client: httpx.AsyncClient) -> None:
    resp = await client.get(f"/api/v1/jobs/{uuid.uuid4()}")
    assert resp.status_code == 404 and resp.json()["error"]["code"] == "not_found"
    resp = await client.post(f"/api/v1/jobs/{uuid.uuid4()}/cancel")
    assert resp.status_code == 404


async def test_list_filters_and_paginates(client: httpx.AsyncClient) -> None:
    ids = [(await client.post("/api/v1/jobs", json=SELF_CHECK)).json()["id"] for _ in range(3)]
    await client.post(f"/api/v1/jobs/{ids[0]}/cancel")
    page = (await client.get("/api/v1/jobs", params={"limit": 2})).json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["limit"] == 2
    assert [j["id"] for j in page["items"]] == ids[::-1][:2]  # newest first
    cancelled = (await client.get("/api/v1/jobs", params={"status": "cancelled"})).json()
    assert [j["id"] for j in cancelled["items"]] == [ids[0]]
    by_type = (await client.get("/api/v1/jobs", params={"type": "other"})).json()
    assert by_type["total"] == 0
    for bad in ({"limit": 0}, {"limit": 201}, {"offset": -1}, {"status": "weird"}):
        assert (await client.get("/api/v1/jobs", params=bad)).status_code == 422


async def test_cancel_queued_job_is_immediate_and_final(client: httpx.AsyncClient) -> None:
    job = (await client.post("/api/v1/jobs", json=SELF_CHECK)).json()
    resp = await client.post(f"/api/v1/jobs/{job['id']}/cancel")
    assert resp.status_code == 202
    assert resp.json()["status"] == "cancelled" and resp.json()["finished_at"]
    again = await client.post(f"/api/v1/jobs/{job['id']}/cancel")
    assert again.status_code == 409
    assert again.json()["error"]["details"] == {"status": "cancelled"}


async def test_tasks_are_sent_only_after_commit(
    app: FastAPI, client: httpx.AsyncClient, settings
) -> None:
    """A request that fails after queueing a task leaves no row and sends no message."""
    from backend.jobs.repository import JobRepository

    @app.post("/api/v1/_test_enqueue")
    async def enqueue_then_fail(session: SessionDep, fail: bool = False) -> dict:
        job = await JobRepository(session).add(type="system.self_check", params={},
                                                created_by=None)
        enqueue_after_commit(session, "system.self_check", str(job.id))
        assert queued_messages(settings) == 0  # not sent while the transaction is open
        if fail:
            raise AppError(409, "conflict", "changed my mind")
        return {"id": str(job.id)}

    app.router.routes.insert(0, app.router.routes.pop())
    resp = await client.post("/api/v1/_test_enqueue", params={"fail": True})
    assert resp.status_code == 409
    assert await count_jobs(app) == 0
    assert queued_messages(settings) == 0
    resp = await client.post("/api/v1/_test_enqueue")
    assert resp.status_code == 200
    assert await count_jobs(app) == 1
    assert queued_messages(settings) == 1
