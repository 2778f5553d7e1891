"""Patient-record API: CRUD per resource, validation, ownership, roles, break-glass, audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from backend.models import AuditEvent, Role
from tests.backend.record.conftest import allergy_body, medication_body, symptom_body
from tests.factories import TestUser, make_user

R = "/api/v1/record"
RESOURCES = [("medications", medication_body, {"dose": "1000 mg"}),
             ("allergies", allergy_body, {"severity": "severe"}),
             ("symptoms", symptom_body, {"severity": 9})]


async def audit_actions(app: FastAPI) -> list[AuditEvent]:
    async with app.state.db.sessionmaker() as s:
        return list((await s.scalars(select(AuditEvent).order_by(AuditEvent.seq))).all())


async def test_profile_starts_empty_then_round_trips(pc: httpx.AsyncClient) -> None:
    empty = await pc.get(f"{R}/profile")
    assert empty.status_code == 200 and empty.json()["name"] is None
    assert empty.json()["conditions"] == []
    body = {"name": "Ada Lovelace", "date_of_birth": "1985-12-10", "sex": "female",
            "conditions": ["type 2 diabetes", "asthma"]}
    put = await pc.put(f"{R}/profile", json=body)
    assert put.status_code == 200, put.text
    got = (await pc.get(f"{R}/profile")).json()
    assert {k: got[k] for k in body} == body and got["updated_at"]
    cleared = await pc.put(f"{R}/profile", json={"name": "Ada"})
    assert cleared.json()["conditions"] == [] and cleared.json()["date_of_birth"] is None


@pytest.mark.parametrize("body", [
    {"date_of_birth": (datetime.now(UTC) + timedelta(days=3)).date().isoformat()},
    {"date_of_birth": "1800-01-01"}, {"sex": "robot"}, {"name": ""}, {"name": "x" * 201},
    {"conditions": ["c"] * 101}, {"unknown": 1},
])
async def test_profile_validation(pc: httpx.AsyncClient, body: dict) -> None:
    resp = await pc.put(f"{R}/profile", json=body)
    assert resp.status_code == 422, resp.text
    assert set(resp.json()["error"]) == {"code", "message", "details"}


@pytest.mark.parametrize(("path", "make", "change"), RESOURCES, ids=[r[0] for r in RESOURCES])
async def test_crud(pc: httpx.AsyncClient, app: FastAPI, patient: TestUser, path: str,
                    make, change: dict) -> None:
    created = await pc.post(f"{R}/{path}", json=make())
    assert created.status_code == 201, created.text
    item = created.json()
    assert (await pc.get(f"{R}/{path}/{item['id']}")).json() == item
    listed = (await pc.get(f"{R}/{path}")).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == item["id"]
    patched = await pc.patch(f"{R}/{path}/{item['id']}", json=change)
    assert patched.status_code == 200, patched.text
    key, value = next(iter(change.items()))
    assert patched.json()[key] == value
    assert (await pc.get(f"{R}/{path}/{item['id']}")).json()[key] == value
    assert (await pc.delete(f"{R}/{path}/{item['id']}")).status_code == 204
    assert (await pc.get(f"{R}/{path}/{item['id']}")).status_code == 404
    assert (await pc.get(f"{R}/{path}")).json()["total"] == 0
    events = [e for e in await audit_actions(app) if e.action.startswith("record.")]
    singular = {"medications": "medication", "allergies": "allergy", "symptoms": "symptom"}[path]
    actions = [e.action for e in events]
    for verb in ("created", "read", "listed", "updated", "deleted"):
        assert f"record.{singular}_{verb}" in actions
    assert all(e.subject_user_id == patient.id and not e.flagged for e in events)
    updated = next(e for e in events if e.action.endswith("_updated"))
    assert updated.details == {"fields": [key]}


@pytest.mark.parametrize(("path", "body"), [
    ("medications", medication_body(end_date="2025-01-01")),  # before start_date
    ("medications", medication_body(schedule={"times_per_day": 0})),
    ("medications", medication_body(schedule={"times_per_day": 2, "times_of_day": ["8am"]})),
    ("medications", medication_body(schedule={"times_per_day": 1,
                                              "times_of_day": ["08:00", "09:00"]})),
    ("medications", medication_body(name=" ")),
    ("medications", medication_body(notes="n" * 2001)),
    ("allergies", allergy_body(severity="deadly")),
    ("allergies", allergy_body(substance="s" * 201)),
    ("symptoms", symptom_body(severity=11)),
    ("symptoms", symptom_body(severity=-1)),
    ("symptoms", symptom_body(severity=2.5)),
    ("symptoms", symptom_body(occurred_at=(datetime.now(UTC) + timedelta(days=1)).isoformat())),
    ("symptoms", symptom_body(occurred_at="2025-01-01T10:00:00")),  # no time zone
    ("symptoms", {**symptom_body(), "extra": True}),
])
async def test_create_validation(pc: httpx.AsyncClient, path: str, body: dict) -> None:
    resp = await pc.post(f"{R}/{path}", json=body)
    assert resp.status_code == 422, resp.text


async def test_patch_is_validated_as_a_whole(pc: httpx.AsyncClient) -> None:
    med = (await pc.post(f"{R}/medications", json=medication_body())).json()
    resp = await pc.patch(f"{R}/medications/{med['id']}", json={"end_date": "2024-01-01"})
    assert resp.status_code == 422 and resp.json()["error"]["code"] == "validation_error"
    ok = await pc.patch(f"{R}/medications/{med['id']}", json={"end_date": "2025-06-01"})
    assert ok.json()["end_date"] == "2025-06-01" and ok.json()["name"] == "Metformin"
    cleared = await pc.patch(f"{R}/medications/{med['id']}", json={"end_date": None})
    assert cleared.json()["end_date"] is None


async def test_symptoms_newest_first_with_time_filter_and_pages(pc: httpx.AsyncClient) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    for hours in (30, 5, 50, 1):
        body = symptom_body(occurred_at=(now - timedelta(hours=hours)).isoformat(),
                            severity=hours % 11)
        assert (await pc.post(f"{R}/symptoms", json=body)).status_code == 201
    page = (await pc.get(f"{R}/symptoms")).json()
    assert [i["severity"] for i in page["items"]] == [1, 5, 8, 6]  # 1h, 5h, 30h, 50h ago
    since = (now - timedelta(hours=31)).isoformat()
    until = (now - timedelta(hours=2)).isoformat()
    window = (await pc.get(f"{R}/symptoms", params={"since": since, "until": until})).json()
    assert [i["severity"] for i in window["items"]] == [5, 8] and window["total"] == 2
    second = (await pc.get(f"{R}/symptoms", params={"limit": 2, "offset": 2})).json()
    assert [i["severity"] for i in second["items"]] == [8, 6] and second["total"] == 4
    naive = await pc.get(f"{R}/symptoms", params={"since": "2025-01-01T00:00:00"})
    assert naive.status_code == 422 and naive.json()["error"]["code"] == "validation_error"


async def test_consents_default_off_and_timestamps_move_on_change(pc: httpx.AsyncClient) -> None:
    start = (await pc.get(f"{R}/consents")).json()
    assert start == {"personalise_answers": False, "personalise_answers_at": None,
                     "use_for_training": False, "use_for_training_at": None}
    on = (await pc.put(f"{R}/consents", json={"personalise_answers": True})).json()
    assert on["personalise_answers"] and on["personalise_answers_at"]
    assert on["use_for_training_at"] is None
    again = (await pc.put(f"{R}/consents", json={"personalise_answers": True,
                                                  "use_for_training": False})).json()
    assert again["personalise_answers_at"] == on["personalise_answers_at"]
    assert again["use_for_training_at"] is None
    assert (await pc.put(f"{R}/consents", json={"use_for_training": "yes please"})
            ).status_code == 422


async def test_other_patient_gets_404_on_every_item_endpoint(
    app: FastAPI, pc: httpx.AsyncClient, patient: TestUser, other_patient: TestUser,
) -> None:
    ids = {}
    for path, make, _ in RESOURCES:
        ids[path] = (await pc.post(f"{R}/{path}", json=make())).json()["id"]
    await pc.put(f"{R}/profile", json={"name": "Secret Name"})
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                 headers=other_patient.headers) as b:
        for path, _make, change in RESOURCES:
            url = f"{R}/{path}/{ids[path]}"
            for method, kwargs in (("GET", {}), ("PATCH", {"json": change}), ("DELETE", {})):
                resp = await b.request(method, url, **kwargs)
                assert resp.status_code == 404, f"{method} {url}: {resp.text}"
            assert (await b.get(f"{R}/{path}")).json()["total"] == 0
        assert (await b.get(f"{R}/profile")).json()["name"] is None
        # Naming A explicitly is no way in either.
        resp = await b.get(f"{R}/profile", params={"patient_id": str(patient.id)})
        assert resp.status_code == 404
    for path, _, _ in RESOURCES:  # A's items are untouched
        assert (await pc.get(f"{R}/{path}/{ids[path]}")).status_code == 200


async def test_patient_id_of_someone_else_is_404_for_a_patient(
    pc: httpx.AsyncClient, other_patient: TestUser, patient: TestUser,
) -> None:
    resp = await pc.get(f"{R}/profile", params={"patient_id": str(other_patient.id)})
    assert resp.status_code == 404
    mine = await pc.get(f"{R}/profile", params={"patient_id": str(patient.id)})
    assert mine.status_code == 200


@pytest.mark.parametrize("role", [Role.clinician, Role.pharma, Role.researcher])
async def test_other_roles_never_reach_the_record(app: FastAPI, role: Role) -> None:
    user = await make_user(app, role)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                 headers=user.headers) as c:
        for method, url in (("GET", "/profile"), ("GET", "/medications"), ("GET", "/symptoms"),
                            ("POST", "/exports"), ("DELETE", "")):
            resp = await c.request(method, f"{R}{url}")
            assert resp.status_code == 403, f"{method} {url}: {resp.text}"


async def test_admin_reads_only_under_break_glass_and_it_is_flagged(
    app: FastAPI, client: httpx.AsyncClient, pc: httpx.AsyncClient, patient: TestUser,
    admin: TestUser,
) -> None:
    med = (await pc.post(f"{R}/medications", json=medication_body())).json()
    params = {"patient_id": str(patient.id)}
    assert (await client.get(f"{R}/medications")).json()["total"] == 0  # the admin's own
    denied = await client.get(f"{R}/medications", params=params)
    assert denied.status_code == 403
    grant = await client.post("/api/v1/admin/break-glass", json={
        "patient_id": str(patient.id), "reason": "Unconscious patient in the ER, allergies?",
        "minutes": 5})
    assert grant.status_code == 201, grant.text
    listed = await client.get(f"{R}/medications", params=params)
    assert listed.status_code == 200 and listed.json()["items"][0]["id"] == med["id"]
    one = await client.get(f"{R}/medications/{med['id']}", params=params)
    assert one.status_code == 200 and one.json()["name"] == "Metformin"
    # Reads only: writes stay the patient's.
    assert (await client.post(f"{R}/medications", json=medication_body(),
                              params=params)).status_code == 403
    reads = [e for e in await audit_actions(app) if e.action.startswith("record.")
             and e.actor_id == admin.id and e.subject_user_id == patient.id]
    assert len(reads) == 2 and all(e.flagged and e.details["break_glass"] for e in reads)


@pytest.mark.parametrize(("body", "loc"), [
    (medication_body(end_date="2025-01-01"), ["body", "end_date"]),
    (medication_body(schedule={"times_per_day": 3, "times_of_day": ["08:00"]}),
     ["body", "schedule", "times_of_day"]),
])
async def test_cross_field_errors_name_their_field(pc: httpx.AsyncClient, body: dict,
                                                   loc: list[str]) -> None:
    resp = await pc.post(f"{R}/medications", json=body)
    assert resp.status_code == 422
    assert [d["loc"] for d in resp.json()["error"]["details"]] == [loc]
