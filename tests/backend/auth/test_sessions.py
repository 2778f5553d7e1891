"""Sign-up, sign-in, lockout, MFA, token rotation and reuse, idle logoff, logout."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pyotp
from sqlalchemy import select, text, update

from backend.models import AuditEvent, RefreshToken, User
from backend.models.base import utcnow
from tests.factories import PASSWORD, make_user

EMAIL = "Jane.Patient@Example.test"
STRONG = "a-long-passphrase-1"


async def register(c: httpx.AsyncClient, email: str = EMAIL, password: str = STRONG):
    return await c.post("/api/v1/auth/register",
                        json={"email": email, "password": password, "display_name": "Jane"})


async def login(c: httpx.AsyncClient, email: str = EMAIL, password: str = STRONG, **extra):
    return await c.post("/api/v1/auth/login", json={"email": email, "password": password,
                                                    **extra})


async def actions(app) -> list[str]:
    async with app.state.db.sessionmaker() as s:
        return list(await s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


async def test_register_login_me_with_email_encrypted_at_rest(anon_client, app) -> None:
    resp = await register(anon_client)
    assert resp.status_code == 201, resp.text
    assert resp.json()["role"] == "patient" and resp.json()["email"] == EMAIL.lower()
    async with app.state.db.sessionmaker() as s:
        row = (await s.execute(text("SELECT * FROM user_account"))).mappings().one()
    assert "jane" not in str(dict(row)).lower()  # neither email column holds plaintext
    tokens = (await login(anon_client, email=EMAIL.upper())).json()  # case-insensitive look-up
    me = await anon_client.get("/api/v1/auth/me",
                               headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200 and me.json()["email"] == EMAIL.lower()
    assert {"auth.register", "auth.login"} <= set(await actions(app))


async def test_register_rejects_duplicates_and_weak_passwords(anon_client) -> None:
    assert (await register(anon_client)).status_code == 201
    dup = await register(anon_client, email=EMAIL.lower())
    assert dup.status_code == 409 and dup.json()["error"]["details"] == {"code": "email_taken"}
    weak = await register(anon_client, email="b@example.test", password="short")
    assert weak.status_code == 422
    bad = await register(anon_client, email="not-an-email")
    assert bad.status_code == 422


async def test_wrong_password_and_unknown_email_look_the_same(anon_client) -> None:
    await register(anon_client)
    wrong = await login(anon_client, password="wrong-password-x")
    unknown = await login(anon_client, email="nobody@example.test")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"] == unknown.json()["error"]


async def test_lockout_after_repeated_failures(anon_client, app, settings) -> None:
    await register(anon_client)
    for _ in range(settings.login_max_failures):
        assert (await login(anon_client, password="wrong-password-x")).status_code == 401
    locked = await login(anon_client)  # even the right password is refused while locked
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "account_locked"
    assert int(locked.headers["Retry-After"]) >= 1
    assert "auth.lockout" in await actions(app)
    async with app.state.db.sessionmaker() as s:
        await s.execute(update(User).values(locked_until=utcnow() - timedelta(seconds=1)))
        await s.commit()
    assert (await login(anon_client)).status_code == 200
    async with app.state.db.sessionmaker() as s:
        assert (await s.scalar(select(User.failed_logins))) == 0


async def test_totp_second_factor(anon_client) -> None:
    await register(anon_client)
    tokens = (await login(anon_client)).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    setup = (await anon_client.post("/api/v1/auth/mfa/setup", headers=auth)).json()
    assert setup["otpauth_uri"].startswith("otpauth://totp/LUMEN")
    totp = pyotp.TOTP(setup["secret"])
    bad = await anon_client.post("/api/v1/auth/mfa/enable", json={"code": "000000"},
                                 headers=auth)
    assert bad.status_code == 400 or totp.now() == "000000"
    ok = await anon_client.post("/api/v1/auth/mfa/enable", json={"code": totp.now()},
                                headers=auth)
    assert ok.status_code == 204
    need = await login(anon_client)
    assert need.status_code == 401 and need.json()["error"]["code"] == "mfa_required"
    wrong_code = str((int(totp.now()) + 500_000) % 1_000_000).zfill(6)
    wrong = await login(anon_client, totp_code=wrong_code)
    assert wrong.json()["error"]["code"] == "invalid_mfa_code"
    assert (await login(anon_client, totp_code=totp.now())).status_code == 200
    off = await anon_client.post("/api/v1/auth/mfa/disable",
                                 json={"password": STRONG, "code": totp.now()}, headers=auth)
    assert off.status_code == 204
    assert (await login(anon_client)).status_code == 200


async def test_refresh_rotates_and_reuse_revokes_the_family(anon_client, app) -> None:
    user = await make_user(app)
    first = user.refresh_token
    rotated = await anon_client.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first
    reuse = await anon_client.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert reuse.status_code == 401 and reuse.json()["error"]["code"] == "token_reused"
    # The thief's reuse also ends the legitimate holder's newer tokens.
    later = await anon_client.post("/api/v1/auth/refresh",
                                   json={"refresh_token": second["refresh_token"]})
    assert later.status_code == 401
    me = await anon_client.get("/api/v1/auth/me",
                               headers={"Authorization": f"Bearer {second['access_token']}"})
    assert me.status_code == 401
    assert "auth.refresh_reuse" in await actions(app)


async def test_idle_session_is_signed_out(anon_client, app, settings) -> None:
    user = await make_user(app)
    async with app.state.db.sessionmaker() as s:
        await s.execute(update(RefreshToken).values(
            created_at=utcnow() - timedelta(minutes=settings.session_idle_minutes + 1)))
        await s.commit()
    resp = await anon_client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": user.refresh_token})
    assert resp.status_code == 401 and resp.json()["error"]["code"] == "session_expired"
    assert (await anon_client.get("/api/v1/auth/me", headers=user.headers)).status_code == 401


async def test_logout_ends_access_and_refresh(anon_client, app) -> None:
    user = await make_user(app)
    assert (await anon_client.get("/api/v1/auth/me", headers=user.headers)).status_code == 200
    out = await anon_client.post("/api/v1/auth/logout",
                                 json={"refresh_token": user.refresh_token})
    assert out.status_code == 204
    assert (await anon_client.get("/api/v1/auth/me", headers=user.headers)).status_code == 401
    again = await anon_client.post("/api/v1/auth/refresh",
                                   json={"refresh_token": user.refresh_token})
    assert again.status_code == 401


async def test_password_change_requires_current_and_ends_sessions(anon_client, app) -> None:
    user = await make_user(app)
    bad = await anon_client.post("/api/v1/auth/password", headers=user.headers,
                                 json={"current_password": "nope-nope-nope",
                                       "new_password": "brand-new-pass-1"})
    assert bad.status_code == 401
    ok = await anon_client.post("/api/v1/auth/password", headers=user.headers,
                                json={"current_password": PASSWORD,
                                      "new_password": "brand-new-pass-1"})
    assert ok.status_code == 204
    assert (await anon_client.get("/api/v1/auth/me", headers=user.headers)).status_code == 401
    assert (await login(anon_client, email=user.email,
                        password="brand-new-pass-1")).status_code == 200


async def test_bad_and_odd_tokens_are_401(anon_client) -> None:
    for header in ["Bearer nonsense", "Bearer lum_abcd_efgh", "Basic abc", "Bearer "]:
        resp = await anon_client.get("/api/v1/auth/me", headers={"Authorization": header})
        assert resp.status_code == 401, header
    assert (await anon_client.get("/api/v1/auth/me")).status_code == 401
