"""Audit log: hash chain, tamper detection, append-only store, concurrency, PHI guard, admin API."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from backend.audit.schemas import ChainReport
from backend.audit.service import (
    GENESIS,
    HASHED_FIELDS,
    check_details,
    compute_hash,
    record,
    record_now,
    verify_chain,
)
from backend.auth.access import Principal, current_principal
from backend.core.errors import AppError
from backend.database import Database
from backend.deps import SessionDep
from backend.models import AuditEvent, Role

TABLE = AuditEvent.__table__
API = "/api/v1/admin/audit"


@pytest.fixture
def db(app: FastAPI) -> Database:
    return app.state.db


async def add_events(db: Database, n: int, **kw: Any) -> list[AuditEvent]:
    async with db.sessionmaker() as s:
        events = [await record(s, action="test.step", details={"i": i}, **kw) for i in range(n)]
        await s.commit()
    return events


async def verify(db: Database, batch: int = 1000) -> ChainReport:
    async with db.sessionmaker() as s:
        return await verify_chain(s, batch=batch)


async def rows(db: Database) -> list[dict[str, Any]]:
    async with db.engine.connect() as conn:
        result = await conn.execute(select(*TABLE.c).order_by(TABLE.c.seq))
        return [dict(r._mapping) for r in result]


async def tamper(db: Database, *statements: Any) -> None:
    """Change the table behind the application's back, as someone with database access could."""
    async with db.engine.begin() as conn:
        pg = conn.dialect.name == "postgresql"
        if pg:  # the append-only trigger stops all but a superuser who switches it off
            await conn.execute(text("ALTER TABLE audit_event DISABLE TRIGGER USER"))
        for statement in statements:
            await conn.execute(statement)
        if pg:  # DDL is transactional on PostgreSQL: a failure above re-enables it too
            await conn.execute(text("ALTER TABLE audit_event ENABLE TRIGGER USER"))


def fields_of(event: AuditEvent, **changes: Any) -> dict[str, Any]:
    return {**{k: getattr(event, k) for k in HASHED_FIELDS}, **changes}


# --- canonical hash and PHI guard (no database) ---------------------------------------------


def test_hash_is_stable_across_database_round_trips() -> None:
    base = {"id": uuid.UUID(int=7), "at": datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
            "action": "x.y", "outcome": "ok", "actor_id": None, "actor_role": "admin",
            "subject_user_id": None, "target_type": None, "target_id": None, "ip": None,
            "request_id": None, "flagged": False, "prev_hash": GENESIS}
    written = {**base, "details": {"b": [1.0, (2, 3)], "a": -0.0, "big": 1e300, "s": "é✓"}}
    # What PostgreSQL JSONB hands back: keys reordered, -0.0 as 0, 1e300 as an integer.
    read = {**base, "details": {"a": 0, "big": 10**300, "s": "é✓", "b": [1, [2, 3]]},
            "at": datetime(2026, 1, 2, 5, 4, 5, 6, tzinfo=timezone(timedelta(hours=2)))}
    assert compute_hash(written) == compute_hash(read)
    assert len(compute_hash(written)) == 64


@pytest.mark.parametrize("name", HASHED_FIELDS)
def test_every_hashed_field_changes_the_hash(name: str) -> None:
    event = {"id": uuid.uuid4(), "at": datetime.now(UTC), "action": "a", "outcome": "ok",
             "actor_id": uuid.uuid4(), "actor_role": "admin", "subject_user_id": uuid.uuid4(),
             "target_type": "t", "target_id": "1", "ip": "1.2.3.4", "request_id": "r",
             "flagged": False, "details": {"n": 1}, "prev_hash": GENESIS}
    changed = {**event, name: {"id": uuid.uuid4(), "at": event["at"] + timedelta(microseconds=1),
                               "flagged": True, "details": {"n": 2}, "prev_hash": "1" * 64,
                               "actor_id": None, "subject_user_id": None}.get(name, "other")}
    assert compute_hash(changed) != compute_hash(event)


@pytest.mark.parametrize("details", [
    {"email": "x"}, {"patientName": "x"}, {"first_name": "x"}, {"DOB": "2000-01-01"},
    {"new_password": "x"}, {"refreshToken": "x"}, {"phone_number": "1"}, {"notes": "x"},
    {"home_address": "x"}, {"nested": {"deeper": {"emailAddress": "x"}}},
    {"list": [{"name": "x"}]}, {"reason": "x" * 201}, {"who": "jane.doe@example.com"},
    {"n": float("nan")}, {"n": float("inf")}, {1: "int key"}, {"when": datetime.now(UTC)},
    {"raw": b"bytes"}, {"s": "a\x00b"}, {"s": "\ud800"}, {"deep": [[[[["x"]]]]]},
    {f"k{i}": "v" * 190 for i in range(30)},
])
def test_phi_guard_refuses(details: dict[Any, Any]) -> None:
    with pytest.raises(ValueError, match="audit details"):
        check_details(details)


def test_phi_guard_allows_codes_and_counts() -> None:
    details = {"reason": "bad_password", "failures": 3, "scopes": ("jobs:read",), "mfa": True,
               "filename": "export.csv", "ratio": 0.25, "none": None, "user_agent_family": "x"}
    assert check_details(details) == {**details, "scopes": ["jobs:read"]}
    assert check_details(None) == {}


# --- chain on the database ------------------------------------------------------------------


async def test_empty_chain_verifies(db: Database) -> None:
    report = await verify(db)
    assert report.ok and report.checked == 0 and report.last_hash is None


async def test_chain_of_events_verifies_in_batches(db: Database) -> None:
    events = []
    for _ in range(3):  # several transactions, and batches that do not divide the count
        events += await add_events(db, 9)
    report = await verify(db, batch=7)
    assert report.ok, report.message
    assert report.checked == 27 and report.first_bad_seq is None
    assert (report.last_seq, report.last_hash) == (events[-1].seq, events[-1].hash)
    stored = await rows(db)
    assert stored[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in itertools.pairwise(stored))


async def test_stored_values_hash_the_same_when_read_back(db: Database) -> None:
    actor = Principal(user_id=uuid.uuid4(), role=Role.clinician, via="api_key",
                      scopes=frozenset({"x"}), api_key_id=uuid.uuid4())
    details = {"ratio": 0.1, "big": 1e300, "neg0": -0.0, "huge": 2**70, "text": "é✓ 漢字",
               "nested": {"z": [1, 2.5, None, True], "a": {}}, "ok": False}
    async with db.sessionmaker() as s:
        event = await record(s, action="test.values", actor=actor, details=details,
                             target_type="job", target_id=uuid.uuid4(), flagged=True)
        await s.commit()
    [row] = await rows(db)
    assert compute_hash(row) == row["hash"] == event.hash
    assert row["actor_id"] == actor.user_id and row["actor_role"] == "clinician"
    assert row["details"]["api_key_id"] == str(actor.api_key_id)
    assert row["ip"] is None and row["flagged"] is True
    assert (await verify(db)).ok


async def test_record_rolls_back_with_the_callers_transaction(db: Database) -> None:
    async with db.sessionmaker() as s:
        await record(s, action="test.undone")
        await s.rollback()
    assert await rows(db) == []
    [event] = await add_events(db, 1)
    assert event.prev_hash == GENESIS and (await verify(db)).ok


async def test_record_refuses_phi_and_writes_nothing(db: Database) -> None:
    async with db.sessionmaker() as s:
        with pytest.raises(ValueError, match="PHI"):
            await record(s, action="test.phi", details={"patient_email": "x"})
        with pytest.raises(ValueError, match="outcome"):
            await record(s, action="test.outcome", outcome="maybe")
        with pytest.raises(ValueError, match="action"):
            await record(s, action="a" * 65)
        await s.commit()
    assert await rows(db) == []


# --- tampering ------------------------------------------------------------------------------


@pytest.mark.parametrize("change", [
    {"details": {"i": 999}}, {"action": "test.forged"}, {"flagged": True}, {"outcome": "denied"},
    {"actor_id": uuid.UUID(int=1)}, {"at": datetime(2020, 1, 1, tzinfo=UTC)},
])
async def test_edited_row_is_detected(db: Database, change: dict[str, Any]) -> None:
    events = await add_events(db, 5)
    await tamper(db, update(TABLE).where(TABLE.c.seq == events[2].seq).values(**change))
    report = await verify(db, batch=2)
    assert not report.ok and report.first_bad_seq == events[2].seq
    assert "altered" in report.message and report.checked == 3


async def test_edit_with_recomputed_hash_breaks_the_next_link(db: Database) -> None:
    events = await add_events(db, 5)
    forged = fields_of(events[2], details={"i": 999})
    await tamper(db, update(TABLE).where(TABLE.c.seq == events[2].seq)
                 .values(details={"i": 999}, hash=compute_hash(forged)))
    report = await verify(db)
    assert not report.ok and report.first_bad_seq == events[3].seq
    assert "deleted or inserted" in report.message


@pytest.mark.parametrize("index", [0, 2])
async def test_deleted_row_is_detected(db: Database, index: int) -> None:
    events = await add_events(db, 5)
    await tamper(db, delete(TABLE).where(TABLE.c.seq == events[index].seq))
    report = await verify(db)
    assert not report.ok and report.first_bad_seq == events[index + 1].seq


async def test_dropping_the_newest_rows_shows_only_against_an_anchor(db: Database) -> None:
    events = await add_events(db, 4)
    anchor = (await verify(db)).last_hash
    await tamper(db, delete(TABLE).where(TABLE.c.seq == events[-1].seq))
    report = await verify(db)
    assert report.ok and report.last_hash != anchor and report.last_hash == events[-2].hash


async def test_inserted_rows_are_detected(db: Database) -> None:
    events = await add_events(db, 4)
    # A forged row appended with a self-consistent hash but no real link to the chain.
    forged = fields_of(events[0], id=uuid.uuid4(), prev_hash="f" * 64)
    await tamper(db, insert(TABLE).values(seq=events[-1].seq + 1, hash=compute_hash(forged),
                                          **forged))
    report = await verify(db)
    assert not report.ok and report.first_bad_seq == events[-1].seq + 1
    # A row swapped for a forgery that links back correctly still breaks the next link.
    await tamper(db, delete(TABLE).where(TABLE.c.seq > events[-1].seq))
    swapped = fields_of(events[1], id=uuid.uuid4(), action="test.forged")
    await tamper(db, delete(TABLE).where(TABLE.c.seq == events[1].seq),
                 insert(TABLE).values(seq=events[1].seq, hash=compute_hash(swapped), **swapped))
    report = await verify(db)
    assert not report.ok and report.first_bad_seq == events[2].seq


async def test_postgresql_refuses_update_delete_and_truncate(db: Database, settings) -> None:
    if settings.is_sqlite:
        pytest.skip("the append-only trigger exists on PostgreSQL only")
    [event] = await add_events(db, 1)
    for sql in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event",
                "TRUNCATE audit_event"):
        with pytest.raises(DBAPIError, match="append-only"):
            async with db.engine.begin() as conn:
                await conn.execute(text(sql))
    [row] = await rows(db)
    assert row["action"] == event.action and (await verify(db)).ok


# --- concurrency and durability -------------------------------------------------------------


async def test_concurrent_writers_keep_one_chain(db: Database) -> None:
    async def one(i: int) -> None:
        async with db.sessionmaker() as s:
            await record(s, action="test.concurrent", details={"i": i})
            await asyncio.sleep(0.01)  # other work in the same transaction
            await s.commit()

    await asyncio.gather(*(one(i) for i in range(20)))
    stored = await rows(db)
    assert sorted(r["details"]["i"] for r in stored) == list(range(20))
    assert len({r["prev_hash"] for r in stored}) == 20
    report = await verify(db)
    assert report.ok and report.checked == 20, report.message


async def test_record_now_persists_when_the_request_fails(
    app: FastAPI, anon_client: httpx.AsyncClient, db: Database,
) -> None:
    async def sign_in_fails(request: Request, session: SessionDep) -> None:
        await record_now(request.app.state.db, action="auth.login_failed", outcome="denied",
                         request=request, details={"reason": "bad_password"})
        await record(session, action="test.in_request", request=request)
        raise AppError(401, "invalid_credentials", "Email or password is wrong")

    app.router.add_api_route("/_test/audit-sign-in", sign_in_fails, methods=["POST"])
    resp = await anon_client.post("/_test/audit-sign-in", headers={"X-Request-ID": "req-audit-1"})
    assert resp.status_code == 401
    [row] = await rows(db)
    assert (row["action"], row["outcome"]) == ("auth.login_failed", "denied")
    assert row["ip"] == "127.0.0.1" and row["request_id"] == "req-audit-1"
    assert (await verify(db)).ok


# --- admin API ------------------------------------------------------------------------------


def as_role(app: FastAPI, role: Role) -> Principal:
    principal = Principal(user_id=uuid.uuid4(), role=role, via="jwt")
    app.dependency_overrides[current_principal] = lambda: principal
    return principal


@pytest.fixture
def overrides(app: FastAPI) -> Iterator[None]:
    yield
    app.dependency_overrides.clear()


@pytest.mark.usefixtures("overrides")
async def test_admin_endpoints_need_an_admin(app: FastAPI, anon_client: httpx.AsyncClient,
                                             db: Database) -> None:
    for path in (API, f"{API}/verify"):
        assert (await anon_client.get(path)).status_code == 401
    as_role(app, Role.patient)
    for path in (API, f"{API}/verify"):
        resp = await anon_client.get(path)
        assert resp.status_code == 403 and resp.json()["error"]["code"] == "forbidden"
    as_role(app, Role.admin)
    events = await add_events(db, 3)
    resp = await anon_client.get(f"{API}/verify")
    assert resp.status_code == 200
    assert resp.json() == {"ok": True, "checked": 3, "first_bad_seq": None,
                           "message": "3 events verified", "last_seq": events[-1].seq,
                           "last_hash": events[-1].hash}
    await tamper(db, update(TABLE).where(TABLE.c.seq == events[1].seq).values(action="x"))
    body = (await anon_client.get(f"{API}/verify")).json()
    assert body["ok"] is False and body["first_bad_seq"] == events[1].seq


@pytest.mark.usefixtures("overrides")
async def test_listing_filters_newest_first(app: FastAPI, anon_client: httpx.AsyncClient,
                                           db: Database) -> None:
    admin = as_role(app, Role.admin)
    patient = uuid.uuid4()
    async with db.sessionmaker() as s:
        first = await record(s, action="admin.break_glass", actor=admin, subject_user_id=patient,
                             flagged=True)
        await s.commit()
    await asyncio.sleep(0.01)
    async with db.sessionmaker() as s:
        second = await record(s, action="auth.login", actor_id=patient, actor_role="patient")
        third = await record(s, action="auth.login", outcome="denied")
        await s.commit()

    async def ids(**params: Any) -> list[str]:
        resp = await anon_client.get(API, params=params)
        assert resp.status_code == 200, resp.text
        return [item["id"] for item in resp.json()["items"]]

    everything = (await anon_client.get(API)).json()
    assert (everything["total"], everything["limit"], everything["offset"]) == (3, 50, 0)
    assert [i["seq"] for i in everything["items"]] == [third.seq, second.seq, first.seq]
    assert everything["items"][2]["details"] == {} and everything["items"][2]["flagged"]
    assert await ids(action="auth.login") == [str(third.id), str(second.id)]
    assert await ids(actor_id=str(admin.user_id)) == [str(first.id)]
    assert await ids(subject_user_id=str(patient)) == [str(first.id)]
    assert await ids(flagged="true") == [str(first.id)]
    assert await ids(flagged="false") == [str(third.id), str(second.id)]
    assert await ids(since=second.at.isoformat()) == [str(third.id), str(second.id)]
    assert await ids(until=second.at.isoformat()) == [str(first.id)]
    assert await ids(limit=1, offset=1) == [str(second.id)]
    naive = await anon_client.get(API, params={"since": "2026-01-01T00:00:00"})
    assert naive.status_code == 422


async def test_real_admin_token_reads_the_log(
    app: FastAPI, client: httpx.AsyncClient, anon_client: httpx.AsyncClient,
) -> None:
    from tests.factories import make_user

    assert (await client.get(API)).status_code == 200
    assert (await client.get(f"{API}/verify")).json()["ok"] is True
    patient = await make_user(app, Role.patient)
    resp = await anon_client.get(API, headers=patient.headers)
    assert resp.status_code == 403

