"""Master-key rotation: re-wraps every data key and re-encrypts account fields while the app
keeps writing; nothing written concurrently is lost; a second run does nothing."""

from __future__ import annotations

import asyncio
import base64
import os
import random
import uuid

import httpx
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import select

from backend.audit.service import verify_chain
from backend.auth.repository import UserRepository
from backend.config import DEFAULT_SECRET, Settings
from backend.core.crypto import cipher_for
from backend.main import create_app
from backend.models import RecordKey, Role, User
from backend.record.repository import KeyRepository
from backend.record.rotation import pending, rotate_keys
from tests.backend.cli.test_cli import lumen, worker_env_for
from tests.backend.record.conftest import medication_body
from tests.factories import TestUser, make_user

R = "/api/v1/record"


def with_new_master_key(settings: Settings) -> Settings:
    """The same deployment after adding master key v2 (v1 kept for reading)."""
    old = base64.b64encode(cipher_for(settings).keys[1]).decode()
    new = base64.b64encode(os.urandom(32)).decode()
    return settings.model_copy(update={"encryption_keys": SecretStr(f"1:{old};2:{new}")})


def _client(app: FastAPI, user: TestUser) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test", headers=user.headers)


async def test_rotation_during_concurrent_writes_loses_nothing(
    app: FastAPI, settings: Settings,
) -> None:
    patients = [await make_user(app, Role.patient) for _ in range(10)]
    expected: dict[uuid.UUID, set[str]] = {p.id: set() for p in patients}
    for p in patients:
        async with _client(app, p) as c:
            med = await c.post(f"{R}/medications", json=medication_body(name=f"Old {p.id}"))
            assert med.status_code == 201
            expected[p.id].add(med.json()["id"])

    rotated = with_new_master_key(settings)
    new_app = create_app(rotated)
    async with LifespanManager(new_app):
        assert await pending(new_app.state.db, rotated) >= 20  # 10 keys + 10 accounts
        renamed: dict[uuid.UUID, str] = {}

        async def keep_writing() -> None:
            cipher = cipher_for(rotated)
            for round_ in range(30):
                p = random.choice(patients)
                async with _client(new_app, p) as c:
                    med = await c.post(f"{R}/medications",
                                       json=medication_body(name=f"New {round_}"))
                    assert med.status_code == 201, med.text
                    expected[p.id].add(med.json()["id"])
                if round_ % 3 == 0:  # an account edit racing the re-encryption
                    name = f"Renamed {round_}"
                    async with new_app.state.db.sessionmaker() as s:
                        await UserRepository(s).update(p.id, display_name_encrypted=cipher.encrypt(
                            name, context="display_name"))
                        await s.commit()
                    renamed[p.id] = name
                if round_ == 10:  # a brand-new patient mid-rotation
                    newcomer = await make_user(new_app, Role.patient)
                    patients.append(newcomer)
                    expected[newcomer.id] = set()
                await asyncio.sleep(0)

        report, _ = await asyncio.gather(
            rotate_keys(new_app.state.db, rotated, batch=2), keep_writing())

        assert report.data_keys >= 10 and report.columns.get("user_account", 0) >= 10
        assert await pending(new_app.state.db, rotated) == 0
        async with new_app.state.db.sessionmaker() as s:
            keys = (await s.scalars(select(RecordKey.wrapped_key))).all()
            users = (await s.execute(select(User.id, User.email_encrypted,
                                            User.display_name_encrypted))).all()
            chain = await verify_chain(s)
        assert keys and all(k.startswith("v2:") for k in keys)
        assert all(u.email_encrypted.startswith("v2:") for u in users)
        assert chain.ok, chain.message
        cipher = cipher_for(rotated)
        for user_id, _, display in users:
            if user_id in renamed:  # the concurrent edit won over the re-encryption
                assert cipher.decrypt(display, context="display_name") == renamed[user_id]
        for p in patients:
            async with _client(new_app, p) as c:
                listed = (await c.get(f"{R}/medications", params={"limit": 200})).json()
            assert {i["id"] for i in listed["items"]} == expected[p.id]

        again = await rotate_keys(new_app.state.db, rotated)
        assert again.total == 0 and again.conflicts == 0


async def test_key_swap_is_compare_and_swap(app: FastAPI, settings: Settings) -> None:
    p = await make_user(app, Role.patient)
    async with _client(app, p) as c:
        assert (await c.post(f"{R}/medications", json=medication_body())).status_code == 201
    async with app.state.db.sessionmaker() as s:
        repo = KeyRepository(s)
        row = await repo.get(p.id)
        assert row is not None and row.version == 1
        assert await repo.swap(p.id, expect_version=1, wrapped=row.wrapped_key)
        # A writer that read version 1 before that swap must not overwrite it.
        assert not await repo.swap(p.id, expect_version=1, wrapped="v9:lost")
        await s.commit()
        row = await repo.get(p.id)
        assert row is not None and row.version == 2 and not row.wrapped_key.startswith("v9:")


def test_lumen_keys_rotate_cli(tmp_path) -> None:
    env = worker_env_for(tmp_path)
    assert lumen("db", "upgrade", env=env).returncode == 0
    made = lumen("admin", "create", "--email", "keys@example.test", "--password",
                 "keys-password-1", env=env)
    assert made.returncode == 0, made.stderr
    base = Settings(secret_key=DEFAULT_SECRET)
    old = base64.b64encode(cipher_for(base).keys[1]).decode()
    env["LUMEN_ENCRYPTION_KEYS"] = f"1:{old};2:{base64.b64encode(os.urandom(32)).decode()}"
    out = lumen("keys", "rotate", "--batch", "1", env=env)
    assert out.returncode == 0, out.stderr
    assert "master key v2" in out.stdout and "user_account 1" in out.stdout, out.stdout
    again = lumen("keys", "rotate", env=env)
    assert again.returncode == 0 and "user_account" not in again.stdout, again.stdout
    assert lumen("admin", "reset-password", "keys@example.test", env=env).returncode == 0
    import sqlite3

    conn = sqlite3.connect(tmp_path / "lumen.sqlite")
    (email,) = conn.execute("SELECT email_encrypted FROM user_account").fetchone()
    conn.close()
    assert email.startswith("v2:")
