"""Roles, API keys and scopes, rate limits, admin user management, break-glass, declarations."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import select

from backend.main import create_app
from backend.models import ApiKey, AuditEvent, Role
from tests.factories import make_user

SELF_CHECK = {"type": "system.self_check", "params": {"steps": 1, "step_seconds": 0}}


async def test_every_operation_declares_who_may_call_it(anon_client) -> None:
    schema = (await anon_client.get("/api/openapi.json")).json()
    missing = [f"{method.upper()} {path}" for path, ops in schema["paths"].items()
               for method, op in ops.items() if "x-access" not in op]
    assert missing == []
    public = {f"{m.upper()} {p}" for p, ops in schema["paths"].items() for m, op in ops.items()
              if op["x-access"].get("public")}
    assert public == {"GET /api/v1/health", "POST /api/v1/auth/register",
                      "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
                      "POST /api/v1/auth/logout", "POST /api/v1/auth/password-reset"}


async def test_anonymous_callers_get_401_on_protected_routes(anon_client) -> None:
    schema = (await anon_client.get("/api/openapi.json")).json()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            if op["x-access"].get("public"):
                continue
            url = path.replace("{job_id}", str(uuid.uuid4())).replace(
                "{user_id}", str(uuid.uuid4())).replace("{key_id}", str(uuid.uuid4()))
            resp = await anon_client.request(method.upper(), url, json={})
            assert resp.status_code == 401, f"{method} {path}: {resp.status_code}"


@pytest.mark.parametrize("role", [Role.patient, Role.clinician, Role.pharma, Role.researcher])
async def test_non_admins_cannot_use_admin_routes(anon_client, app, role) -> None:
    user = await make_user(app, role)
    for method, url, body in [("GET", "/api/v1/admin/users", None),
                              ("GET", "/api/v1/admin/audit", None),
                              ("PATCH", f"/api/v1/admin/users/{user.id}", {"role": "admin"}),
                              ("POST", "/api/v1/jobs", SELF_CHECK)]:  # self-check: admins only
        resp = await anon_client.request(method, url, json=body, headers=user.headers)
        assert resp.status_code == 403, f"{role} {method} {url}"


async def test_users_see_only_their_own_jobs(anon_client, app, client) -> None:
    job = (await client.post("/api/v1/jobs", json=SELF_CHECK)).json()  # the admin's
    patient = await make_user(app)
    mine = await anon_client.get("/api/v1/jobs", headers=patient.headers)
    assert mine.status_code == 200 and mine.json()["total"] == 0
    other = await anon_client.get(f"/api/v1/jobs/{job['id']}", headers=patient.headers)
    assert other.status_code == 404
    cancel = await anon_client.post(f"/api/v1/jobs/{job['id']}/cancel", headers=patient.headers)
    assert cancel.status_code == 404
    assert (await client.get(f"/api/v1/jobs/{job['id']}")).status_code == 200


async def test_api_keys_are_shown_once_scoped_and_revocable(anon_client, app, client) -> None:
    created = await client.post("/api/v1/auth/api-keys",
                                json={"name": "ci", "scopes": ["jobs:read"]})
    assert created.status_code == 201, created.text
    key = created.json()["key"]
    assert key.startswith("lum_") and created.json()["prefix"] in key
    listed = (await client.get("/api/v1/auth/api-keys")).json()
    assert "key" not in listed[0] and key not in str(listed)
    async with app.state.db.sessionmaker() as s:
        stored = await s.scalar(select(ApiKey))
    assert stored is not None and key not in (stored.key_hash, stored.prefix)
    h = {"Authorization": f"Bearer {key}"}
    assert (await anon_client.get("/api/v1/jobs", headers=h)).status_code == 200
    assert (await anon_client.post("/api/v1/jobs", json=SELF_CHECK, headers=h)).status_code \
        == 403  # no jobs:write scope
    assert (await anon_client.get("/api/v1/auth/me", headers=h)).status_code == 403
    assert (await anon_client.get("/api/v1/admin/users", headers=h)).status_code == 403
    assert (await client.get("/api/v1/auth/api-keys")).json()[0]["last_used_at"]
    revoke = await client.delete(f"/api/v1/auth/api-keys/{listed[0]['id']}")
    assert revoke.status_code == 204
    assert (await anon_client.get("/api/v1/jobs", headers=h)).status_code == 401


async def test_api_key_scopes_validated_and_keys_private(anon_client, app, client) -> None:
    bad = await client.post("/api/v1/auth/api-keys", json={"name": "x", "scopes": ["root"]})
    assert bad.status_code == 422
    key = (await client.post("/api/v1/auth/api-keys",
                             json={"name": "k", "scopes": ["jobs:read"]})).json()
    other = await make_user(app)
    resp = await anon_client.delete(f"/api/v1/auth/api-keys/{key['id']}", headers=other.headers)
    assert resp.status_code == 404  # someone else's key does not exist for you


async def test_rate_limit_gives_429_with_retry_after(settings) -> None:
    tight = settings.model_copy(update={"api_rate_per_minute": 3})
    app = create_app(tight)
    user = await make_user(app)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t",
                                 headers=user.headers) as c:
        codes = [(await c.get("/api/v1/auth/me")).status_code for _ in range(4)]
        last = await c.get("/api/v1/auth/me")
    await app.state.rate_limiter.close()
    await app.state.db.dispose()
    assert codes[:3] == [200, 200, 200] and codes[3] == 429
    assert last.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(last.headers["Retry-After"]) <= 60


async def test_admin_manages_users_and_keeps_one_admin(client, admin, app, anon_client) -> None:
    patient = await make_user(app, email="pat.one@example.test")
    found = (await client.get("/api/v1/admin/users", params={"q": "PAT.ONE@example.test"})).json()
    assert [u["id"] for u in found["items"]] == [str(patient.id)]
    resp = await client.patch(f"/api/v1/admin/users/{patient.id}", json={"role": "clinician"})
    assert resp.status_code == 200 and resp.json()["role"] == "clinician"
    # The old token carried the old rights: that session has ended.
    assert (await anon_client.get("/api/v1/auth/me", headers=patient.headers)).status_code == 401
    last = await client.patch(f"/api/v1/admin/users/{admin.id}", json={"role": "patient"})
    assert last.status_code == 409
    off = await client.patch(f"/api/v1/admin/users/{patient.id}", json={"is_active": False})
    assert off.json()["is_active"] is False


async def test_admin_reset_token_lets_the_user_set_a_password(client, app, anon_client) -> None:
    patient = await make_user(app)
    issued = (await client.post(f"/api/v1/admin/users/{patient.id}/password-reset")).json()
    done = await anon_client.post("/api/v1/auth/password-reset",
                                  json={"token": issued["token"], "new_password": "reset-pass-123"})
    assert done.status_code == 204
    again = await anon_client.post(
        "/api/v1/auth/password-reset",
        json={"token": issued["token"], "new_password": "other-pass-123"})
    assert again.status_code == 400  # one use only
    login = await anon_client.post("/api/v1/auth/login",
                                   json={"email": patient.email, "password": "reset-pass-123"})
    assert login.status_code == 200


async def test_break_glass_needs_a_reason_and_is_flagged(client, app) -> None:
    patient = await make_user(app)
    short = await client.post("/api/v1/admin/break-glass",
                              json={"patient_id": str(patient.id), "reason": "because"})
    assert short.status_code == 422
    reason = "Patient unconscious in ED, needs allergy list"
    ok = await client.post("/api/v1/admin/break-glass",
                           json={"patient_id": str(patient.id), "reason": reason})
    assert ok.status_code == 201
    async with app.state.db.sessionmaker() as s:
        event = await s.scalar(select(AuditEvent).where(AuditEvent.action == "admin.break_glass"))
    assert event is not None and event.flagged and event.subject_user_id == patient.id
    assert reason not in str(event.details)


async def test_audit_log_never_holds_emails_or_secrets(anon_client, app) -> None:
    email, password = "secret.person@example.test", "my-secret-pass-9"
    await anon_client.post("/api/v1/auth/register", json={"email": email, "password": password})
    await anon_client.post("/api/v1/auth/login", json={"email": email, "password": "wrong-pass-1"})
    tokens = (await anon_client.post("/api/v1/auth/login",
                                     json={"email": email, "password": password})).json()
    async with app.state.db.sessionmaker() as s:
        rows = (await s.execute(select(AuditEvent))).scalars().all()
    dump = str([{c: getattr(r, c) for c in ("action", "details", "target_id")} for r in rows])
    assert len(rows) >= 3
    for secret in (email, "secret.person", password, tokens["refresh_token"]):
        assert secret not in dump
