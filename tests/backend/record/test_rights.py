"""Export (job round trip, download, 24 h sweep) and erasure (crypto-shredding)."""

from __future__ import annotations

import os
import time
import uuid

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from backend.audit.service import verify_chain
from backend.config import Settings
from backend.jobs.repository import JobRepository
from backend.jobs.runner import _execute
from backend.models import (
    Allergy,
    AuditEvent,
    JobStatus,
    Medication,
    PatientProfile,
    RecordKey,
    SymptomEntry,
    User,
)
from backend.record.rights import export_path, sweep_exports
from backend.record.tasks import export_body
from tests.backend.record.conftest import allergy_body, medication_body, symptom_body
from tests.factories import TestUser

R = "/api/v1/record"


async def _fill(pc: httpx.AsyncClient) -> None:
    assert (await pc.put(f"{R}/profile", json={"name": "Grace Hopper", "sex": "female",
                                               "conditions": ["hypertension"]})).status_code == 200
    assert (await pc.post(f"{R}/medications", json=medication_body())).status_code == 201
    assert (await pc.post(f"{R}/allergies", json=allergy_body())).status_code == 201
    assert (await pc.post(f"{R}/symptoms", json=symptom_body())).status_code == 201
    assert (await pc.put(f"{R}/consents", json={"use_for_training": True})).status_code == 200


async def _run_export(app: FastAPI, settings: Settings, job_id: str) -> str:
    """Run the job body the worker runs (through the same runner), minus the broker."""
    async with app.state.db.sessionmaker() as s:
        job = await JobRepository(s).get(uuid.UUID(job_id))
    assert job is not None
    outcome, _ = await _execute(export_body, app.state.db, job, settings)
    return outcome


async def test_export_round_trip(app: FastAPI, settings: Settings, pc: httpx.AsyncClient,
                                 patient: TestUser, other_patient: TestUser) -> None:
    await _fill(pc)
    started = await pc.post(f"{R}/exports")
    assert started.status_code == 202, started.text
    job_id = started.json()["job_id"]
    assert (await pc.get(started.json()["download_url"])).status_code == 409  # not run yet
    assert await _run_export(app, settings, job_id) == "succeeded"
    job = (await pc.get(f"/api/v1/jobs/{job_id}")).json()  # the patient follows its own job
    assert job["status"] == "succeeded" and set(job["result"]) == {"bytes", "expires_at"}
    sealed = export_path(settings, uuid.UUID(job_id)).read_text()
    assert sealed.startswith("e1:") and "Grace" not in sealed
    resp = await pc.get(f"{R}/exports/{job_id}")
    assert resp.status_code == 200
    assert "attachment" in resp.headers["content-disposition"]
    doc = resp.json()
    assert doc["account"]["email"] == patient.email
    assert doc["profile"]["name"] == "Grace Hopper"
    assert [m["name"] for m in doc["medications"]] == ["Metformin"]
    assert doc["allergies"][0]["substance"] == "Penicillin"
    assert doc["symptoms"][0]["severity"] == 4
    assert doc["consents"]["use_for_training"] is True
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                 headers=other_patient.headers) as b:
        assert (await b.get(f"{R}/exports/{job_id}")).status_code == 404
    async with app.state.db.sessionmaker() as s:
        actions = (await s.scalars(select(AuditEvent.action).where(
            AuditEvent.subject_user_id == patient.id))).all()
    assert "record.export_started" in actions and "record.export_downloaded" in actions
    # The body is idempotent: a re-delivery rewrites the same file, still downloadable.
    assert await _run_export(app, settings, job_id) == "succeeded"
    again = (await pc.get(f"{R}/exports/{job_id}")).json()
    assert again["medications"] == doc["medications"]


async def test_sweep_deletes_exports_after_a_day(app: FastAPI, settings: Settings,
                                                 pc: httpx.AsyncClient) -> None:
    await _fill(pc)
    job_id = (await pc.post(f"{R}/exports")).json()["job_id"]
    await _run_export(app, settings, job_id)
    path = export_path(settings, uuid.UUID(job_id))
    assert sweep_exports(settings) == 0 and path.is_file()
    day_ago = time.time() - 24 * 3600 - 60
    os.utime(path, (day_ago, day_ago))
    assert sweep_exports(settings) >= 1 and not path.exists()
    assert (await pc.get(f"{R}/exports/{job_id}")).status_code == 404


async def test_erasure_shreds_the_key_and_rows_but_keeps_the_audit(
    app: FastAPI, settings: Settings, pc: httpx.AsyncClient, patient: TestUser,
    other_patient: TestUser,
) -> None:
    await _fill(pc)
    job_id = (await pc.post(f"{R}/exports")).json()["job_id"]
    await _run_export(app, settings, job_id)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                 headers=other_patient.headers) as b:
        assert (await b.post(f"{R}/medications", json=medication_body())).status_code == 201
    async with app.state.db.sessionmaker() as s:
        audit_before = await s.scalar(select(func.count()).select_from(AuditEvent))
    resp = await pc.delete(R)
    assert resp.status_code == 200, resp.text
    erased = resp.json()["erased"]
    assert erased["record_key"] == 1 and erased["medication"] == 1
    assert erased["export_files"] == 1
    assert not export_path(settings, uuid.UUID(job_id)).exists()
    async with app.state.db.sessionmaker() as s:
        for model in (Medication, Allergy, SymptomEntry, PatientProfile, RecordKey):
            left = await s.scalar(select(func.count()).select_from(model).where(
                model.user_id == patient.id))
            assert left == 0, model.__tablename__
        assert await s.get(RecordKey, other_patient.id) is not None  # only A's record
        assert await s.get(User, patient.id) is not None  # the account itself stays
        audit_after = await s.scalar(select(func.count()).select_from(AuditEvent))
        erasure = (await s.scalars(select(AuditEvent).where(
            AuditEvent.action == "record.erased"))).one()
        chain = await verify_chain(s)
    assert audit_after is not None and audit_before is not None
    assert audit_after == audit_before + 1 and erasure.subject_user_id == patient.id
    assert chain.ok
    assert (await pc.get(f"{R}/medications")).json()["total"] == 0
    assert (await pc.get(f"{R}/profile")).json()["name"] is None
    assert (await pc.get(f"{R}/exports/{job_id}")).status_code == 404
    # A fresh record after erasure gets a fresh data key.
    assert (await pc.post(f"{R}/medications", json=medication_body())).status_code == 201
    async with app.state.db.sessionmaker() as s:
        status = (await JobRepository(s).get(uuid.UUID(job_id)))
    assert status is not None and status.status == JobStatus.succeeded
    assert status.result is not None and status.result["erased"] is True  # not downloadable
