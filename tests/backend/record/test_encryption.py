"""Encryption at rest: envelope unit checks, raw rows hold no plaintext, and a canary scan of
the whole database, the data folder and the logs."""

from __future__ import annotations

import base64
import json
import logging
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import select, text, update

from backend.config import Settings
from backend.core.crypto import CryptoError, cipher_for
from backend.core.envelope import (
    DataKeyCipher,
    field_context,
    new_data_key,
    rewrap_data_key,
    unwrap_data_key,
    wrap_data_key,
)
from backend.core.logging import JsonFormatter
from backend.models import Base, Medication, RecordKey
from backend.record.rights import write_export
from tests.backend.record.conftest import allergy_body, medication_body, symptom_body
from tests.factories import TestUser

R = "/api/v1/record"


def test_sealed_values_are_bound_to_their_cell() -> None:
    cipher = DataKeyCipher(new_data_key())
    ctx = field_context("medication", "name_encrypted", uuid.uuid4())
    token = cipher.seal(b"Metformin", context=ctx)
    assert token.startswith("e1:") and b"Metformin" not in base64.urlsafe_b64decode(token[3:])
    assert cipher.open(token, context=ctx) == b"Metformin"
    for other in (field_context("medication", "dose_encrypted", ctx.rsplit("/", 1)[1]),
                  field_context("medication", "name_encrypted", uuid.uuid4()),
                  field_context("allergy", "name_encrypted", ctx.rsplit("/", 1)[1])):
        with pytest.raises(CryptoError):
            cipher.open(token, context=other)
    with pytest.raises(CryptoError):
        DataKeyCipher(new_data_key()).open(token, context=ctx)  # another patient's key


def test_wrapped_keys_carry_the_master_version_and_owner(settings: Settings) -> None:
    old = cipher_for(settings)
    new_key = base64.b64encode(b"n" * 32).decode()
    spec = f"1:{base64.b64encode(old.keys[1]).decode()};2:{new_key}"
    rotated = cipher_for(settings.model_copy(update={"encryption_keys": SecretStr(spec)}))
    data_key = new_data_key()
    wrapped = wrap_data_key(old, data_key, owner="a")
    assert wrapped.startswith("v1:")
    with pytest.raises(CryptoError):
        unwrap_data_key(old, wrapped, owner="b")
    again = rewrap_data_key(rotated, wrapped, owner="a")
    assert again is not None and again.startswith("v2:")
    assert unwrap_data_key(rotated, again, owner="a") == data_key
    assert rewrap_data_key(rotated, again, owner="a") is None


async def test_raw_rows_hold_only_ciphertext(app: FastAPI, pc: httpx.AsyncClient) -> None:
    med = (await pc.post(f"{R}/medications", json=medication_body(name="Zyloprimaxol"))).json()
    async with app.state.db.sessionmaker() as s:
        row = (await s.execute(select(Medication.__table__).where(
            Medication.id == uuid.UUID(med["id"])))).mappings().one()
        key = await s.scalar(select(RecordKey.wrapped_key))
    sealed = {k: v for k, v in row.items() if k.endswith("_encrypted")}
    assert len(sealed) == 6 and all(v.startswith("e1:") for v in sealed.values())
    assert "Zyloprimaxol" not in json.dumps(sealed, default=str)
    assert key is not None and key.startswith("v1:")
    # A ciphertext moved to another cell no longer opens: the API refuses, it never shows it.
    async with app.state.db.sessionmaker() as s:
        await s.execute(update(Medication).where(Medication.id == uuid.UUID(med["id"])).values(
            dose_encrypted=row["name_encrypted"]))
        await s.commit()
    resp = await pc.get(f"{R}/medications/{med['id']}")
    assert resp.status_code == 500 and "Zyloprimaxol" not in resp.text


async def _dump_database(app: FastAPI) -> str:
    """Every value of every column of every table, as stored (no decryption)."""
    parts: list[str] = []
    async with app.state.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.info.get("reference"):
                continue
            for row in (await conn.execute(select(table))).all():
                parts.append(json.dumps([str(v) for v in row]))
        if conn.dialect.name == "postgresql":  # also the text form PostgreSQL itself keeps
            for table in Base.metadata.sorted_tables:
                if not table.info.get("reference"):
                    result = await conn.execute(text(f'SELECT t::text FROM "{table.name}" t'))
                    parts.extend(str(r[0]) for r in result)
    return "\n".join(parts)


def _scan_files(folder: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


async def test_canary_values_never_appear_in_plaintext(
    app: FastAPI, pc: httpx.AsyncClient, settings: Settings, patient: TestUser,
    capfd: pytest.CaptureFixture[str],
) -> None:
    tag = uuid.uuid4().hex[:10]
    canaries = {f"Canaryname{tag}", f"Canarydrug{tag}", f"Canarydose{tag}",
                f"Canarynote{tag}", f"Canaryallergen{tag}", f"Canaryrash{tag}",
                f"Canarysymptom{tag}", f"Canarycondition{tag}"}
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect(level=logging.DEBUG)
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)
    try:
        assert (await pc.put(f"{R}/profile", json={
            "name": f"Canaryname{tag}", "conditions": [f"Canarycondition{tag}"]})
        ).status_code == 200
        med = (await pc.post(f"{R}/medications", json=medication_body(
            name=f"Canarydrug{tag}", dose=f"Canarydose{tag}", notes=f"Canarynote{tag}"))).json()
        await pc.patch(f"{R}/medications/{med['id']}", json={"notes": f"Canarynote{tag} 2"})
        await pc.post(f"{R}/allergies", json=allergy_body(substance=f"Canaryallergen{tag}",
                                                           reaction=f"Canaryrash{tag}"))
        await pc.post(f"{R}/symptoms", json=symptom_body(symptom=f"Canarysymptom{tag}"))
        await pc.post(f"{R}/symptoms", json={"symptom": f"Canarysymptom{tag}", "severity": 99,
                                             "occurred_at": "nope"})  # a refused body
        for path in ("profile", "medications", "allergies", "symptoms"):
            got = await pc.get(f"{R}/{path}")
            assert got.status_code == 200
        assert f"Canarydrug{tag}" in (await pc.get(f"{R}/medications")).text  # it is there
        started = (await pc.post(f"{R}/exports")).json()
        await write_export(app.state.db, settings, uuid.UUID(started["job_id"]), patient.id)
    finally:
        logging.getLogger().removeHandler(handler)
    captured = capfd.readouterr()
    database = await _dump_database(app)
    files = _scan_files(settings.data_dir)
    assert files, "the data folder should hold the database or the export"
    logs = "\n".join(lines) + captured.out + captured.err
    assert lines, "logging was not captured"
    for canary in canaries:
        assert canary not in database, f"{canary} stored in plaintext"
        assert canary.encode() not in files, f"{canary} in a file under the data folder"
        assert canary not in logs, f"{canary} logged"
