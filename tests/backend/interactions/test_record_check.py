"""'Use my record' in the interaction checker: consent, owner only, audited without values."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backend.models import AuditEvent, Role
from tests.factories import TestUser, make_user

CHECK = "/api/v1/interactions/check"
RECORD = "/api/v1/record"


async def _fill_record(anon_client, patient: TestUser, *, consent: bool) -> None:
    h = patient.headers
    meds = {"name": "Warfarin", "dose": "3 mg", "schedule": {"times_per_day": 1},
            "start_date": "2024-01-01"}
    old = {**meds, "name": "Simvastatin", "start_date": "2020-01-01", "end_date": "2021-01-01"}
    for body in (meds, old):
        assert (await anon_client.post(f"{RECORD}/medications", headers=h, json=body)) \
            .status_code == 201
    assert (await anon_client.post(f"{RECORD}/allergies", headers=h,
                                   json={"substance": "penicillin"})).status_code == 201
    assert (await anon_client.put(f"{RECORD}/profile", headers=h,
                                  json={"conditions": ["peptic ulcer"]})).status_code == 200
    assert (await anon_client.put(f"{RECORD}/consents", headers=h,
                                  json={"personalise_answers": consent})).status_code == 200


@pytest.fixture
async def patient(app) -> TestUser:
    return await make_user(app, Role.patient)


async def test_record_adds_current_medicines_allergies_and_conditions(app, anon_client,
                                                                      patient) -> None:
    await _fill_record(anon_client, patient, consent=True)
    r = await anon_client.post(CHECK, headers=patient.headers,
                               json={"drugs": ["ibuprofen", "amoxicillin"],
                                     "use_my_record": True})
    assert r.status_code == 200, r.text
    report = r.json()
    origins = {d["name"]: d["origin"] for d in report["drugs"]}
    assert origins.get("warfarin") == "profile"
    assert "simvastatin" not in origins  # stopped in 2021: not a current medicine
    kinds = {(f["kind"], f["severity"]) for f in report["findings"]}
    assert ("drug-drug", "major") in kinds or ("drug-drug", "contraindicated") in kinds
    assert any(f["kind"] == "drug-allergy" for f in report["findings"])  # amoxicillin, penicillin
    assert any(f["kind"] == "drug-condition" for f in report["findings"])  # NSAID, peptic ulcer
    async with app.state.db.sessionmaker() as s:
        event = await s.scalar(select(AuditEvent).where(AuditEvent.action == "record.used"))
    assert event is not None
    assert event.details["purpose"] == "interaction_check"
    assert event.details["medications"] == 1
    assert "warfarin" not in str(event.details).lower()  # counts only, no PHI


async def test_without_consent_the_record_is_not_used(anon_client, patient) -> None:
    await _fill_record(anon_client, patient, consent=False)
    r = await anon_client.post(CHECK, headers=patient.headers,
                               json={"drugs": ["ibuprofen", "paracetamol"],
                                     "use_my_record": True})
    assert r.status_code == 403 and r.json()["error"]["code"] == "consent_required"
    plain = await anon_client.post(CHECK, headers=patient.headers,
                                   json={"drugs": ["ibuprofen", "paracetamol"]})
    assert plain.status_code == 200  # the checker itself needs no consent


async def test_only_the_signed_in_patient_can_use_a_record(app, anon_client, patient) -> None:
    await _fill_record(anon_client, patient, consent=True)
    key = await anon_client.post("/api/v1/auth/api-keys", headers=patient.headers,
                                 json={"name": "k", "scopes": ["interactions:check"]})
    by_key = await anon_client.post(CHECK, json={"drugs": ["ibuprofen", "paracetamol"],
                                                 "use_my_record": True},
                                    headers={"authorization": f"Bearer {key.json()['key']}"})
    assert by_key.status_code == 403 and by_key.json()["error"]["code"] == "record_owner_only"
    clinician = await make_user(app, Role.clinician)
    r = await anon_client.post(CHECK, headers=clinician.headers,
                               json={"drugs": ["ibuprofen", "paracetamol"],
                                     "use_my_record": True})
    assert r.status_code == 403
