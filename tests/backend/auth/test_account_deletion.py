"""Deleting a patient account: record shredded, account scrubbed, audit trail kept."""

from __future__ import annotations

from sqlalchemy import func, select

from backend.core.crypto import cipher_for
from backend.models import AuditEvent, Role, User
from backend.models.record import RecordKey
from tests.factories import PASSWORD, make_user

ME = "/api/v1/auth/me"


async def test_patient_deletes_their_account(app, anon_client) -> None:
    patient = await make_user(app, Role.patient)
    h = patient.headers
    assert (await anon_client.post("/api/v1/record/allergies", headers=h,
                                   json={"substance": "latex"})).status_code == 201
    key = (await anon_client.post("/api/v1/auth/api-keys", headers=h,
                                  json={"name": "k", "scopes": ["drugs:read"]})).json()["key"]
    wrong = await anon_client.request("DELETE", ME, headers=h, json={"password": "not-it-1"})
    assert wrong.status_code == 401
    done = await anon_client.request("DELETE", ME, headers=h, json={"password": PASSWORD})
    assert done.status_code == 200, done.text
    assert done.json()["erased"]["allergy"] == 1 and done.json()["erased"]["record_key"] == 1

    login = await anon_client.post("/api/v1/auth/login",
                                   json={"email": patient.email, "password": PASSWORD})
    assert login.status_code == 401
    assert (await anon_client.get(ME, headers=h)).status_code == 401  # the session ended
    by_key = await anon_client.get("/api/v1/drugs/search", params={"q": "ibuprofen"},
                                   headers={"authorization": f"Bearer {key}"})
    assert by_key.status_code == 401
    # The address is free again: the old account no longer holds it.
    again = await anon_client.post("/api/v1/auth/register",
                                   json={"email": patient.email, "password": PASSWORD})
    assert again.status_code == 201, again.text

    async with app.state.db.sessionmaker() as s:
        user = await s.get(User, patient.id)
        assert user is not None and not user.is_active and user.display_name_encrypted is None
        email = cipher_for(app.state.settings).decrypt(user.email_encrypted, context="email")
        assert patient.email not in email
        assert await s.scalar(select(func.count()).select_from(RecordKey)
                              .where(RecordKey.user_id == patient.id)) == 0
        events = (await s.scalars(select(AuditEvent)
                                  .where(AuditEvent.subject_user_id == patient.id))).all()
    actions = {e.action for e in events}
    assert {"record.erased", "auth.account_deleted"} <= actions
    assert all("latex" not in str(e.details) for e in events)


async def test_staff_accounts_are_not_self_deleted(app, anon_client) -> None:
    for role in (Role.pharma, Role.clinician, Role.admin):
        user = await make_user(app, role)
        r = await anon_client.request("DELETE", ME, headers=user.headers,
                                      json={"password": PASSWORD})
        assert r.status_code == 403, role
