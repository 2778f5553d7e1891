"""Audit use cases: append to the hash chain, verify it, list events.

Each event's hash covers its own fields and the previous event's hash, so editing, deleting or
inserting a row anywhere breaks the chain from that row on. The hash is taken over a canonical
encoding that reads back identically from SQLite and PostgreSQL (JSONB drops -0.0, rewrites
1e300 as digits, reorders keys), so both stores verify the same chain.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from fastapi import Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit.repository import AuditRepository
from backend.audit.schemas import AuditPage, AuditRead, ChainReport
from backend.auth.access import Principal
from backend.core.logging import request_id_var
from backend.database import Database
from backend.models import AuditEvent
from backend.models.base import utcnow

log = logging.getLogger("lumen.audit")

GENESIS = "0" * 64
HASHED_FIELDS = ("id", "at", "action", "outcome", "actor_id", "actor_role", "subject_user_id",
                 "target_type", "target_id", "ip", "request_id", "flagged", "details",
                 "prev_hash")
OUTCOMES = frozenset({"ok", "denied", "error"})
_ATTEMPTS = 5
_RECORD_NOW_LOCK_WAIT_S = 10

# ---------------------------------------------------------------------------------------------
# Canonical encoding and hash


def _number(value: int | float) -> str:
    # Exact digits and exponent, no rounding context: 1e300 == 10**300 and 1.0 == 1 encode alike,
    # which is what a PostgreSQL JSONB round trip turns them into. JSONB also has no -0.
    if value == 0:
        return "0"
    sign, digits, exponent = Decimal(repr(value) if isinstance(value, float) else value).as_tuple()
    text = "".join(map(str, digits))
    assert isinstance(exponent, int)  # finite: check_details refuses NaN and infinities
    stripped = text.rstrip("0")
    exponent += len(text) - len(stripped)
    return f"{'-' if sign else ''}{stripped}e{exponent}"


def canonical(value: Any) -> str:
    """Deterministic JSON text for a hashed value: sorted keys, exact numbers, UTC microseconds."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, str):
        return json.dumps(str(value))  # str(): a StrEnum member encodes as its plain value
    if isinstance(value, uuid.UUID):
        return json.dumps(str(value))
    if isinstance(value, datetime):
        return json.dumps(value.astimezone(UTC).isoformat(timespec="microseconds"))
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        items = sorted(((str(k), v) for k, v in value.items()), key=lambda kv: kv[0])
        return "{" + ",".join(f"{json.dumps(k)}:{canonical(v)}" for k, v in items) + "}"
    raise TypeError(f"cannot hash a {type(value).__name__}")


def compute_hash(fields: Mapping[str, Any]) -> str:
    """sha256 of the canonical encoding of an event's hashed fields (seq is not one of them)."""
    return hashlib.sha256(canonical({k: fields[k] for k in HASHED_FIELDS}).encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# PHI guard
#
# The audit log is kept for years, copied to archives and shown to every admin, and it can never
# be edited or purged (the chain forbids it). A PHI value that slips in cannot be taken out again,
# so details may carry only codes, counts and identifiers. Keys that name personal data are
# refused, as are long strings (free text is where PHI hides) and anything that looks like an
# e-mail address. The deny-list catches common slips; it is no licence to put PHI elsewhere.

_DENIED_KEYS = frozenset({
    "email", "mail", "name", "names", "firstname", "lastname", "fullname", "surname",
    "givenname", "username", "password", "passwd", "pwd", "token", "secret", "dob", "birth",
    "birthday", "birthdate", "phone", "mobile", "fax", "address", "street", "postcode", "zip",
    "ssn", "mrn", "notes", "note", "comment", "comments", "diagnosis",
})
# Stems refused anywhere inside a key ("emailAddress", "new_password", "refreshToken").
_DENIED_STEMS = ("email", "password", "passwd", "phone", "address", "birth", "secret", "token")
_MAX_STRING = 200
_MAX_DEPTH = 4
_MAX_JSON_CHARS = 4000
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _key_denied(key: str) -> bool:
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key).lower()
    parts = [p for p in re.split(r"[^a-z0-9]+", words) if p]
    compact = "".join(parts)
    return (any(p in _DENIED_KEYS for p in parts) or compact in _DENIED_KEYS
            or any(stem in compact for stem in _DENIED_STEMS))


def _clean(value: Any, path: str, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise ValueError(f"audit details nested too deeply at {path}")
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"audit details {path}: NaN and infinity are not JSON")
        return value
    if isinstance(value, str):
        if len(value) > _MAX_STRING:
            raise ValueError(f"audit details {path}: strings over {_MAX_STRING} chars may hold "
                             "free text (PHI); store a code instead")
        if _EMAIL.search(value):
            raise ValueError(f"audit details {path}: looks like an e-mail address (PHI)")
        try:  # PostgreSQL refuses NUL and lone surrogates; refuse them here, with a reason
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"audit details {path}: not valid Unicode text") from None
        if "\x00" in value:
            raise ValueError(f"audit details {path}: NUL character")
        return str(value)
    if isinstance(value, list | tuple):
        return [_clean(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {_check_key(k, path): _clean(v, f"{path}.{k}", depth + 1) for k, v in value.items()}
    raise ValueError(f"audit details {path}: {type(value).__name__} is not allowed; use str/int")


def _check_key(key: Any, path: str) -> str:
    if not isinstance(key, str):
        raise ValueError(f"audit details {path}: keys must be strings")
    if _key_denied(key):
        raise ValueError(f"audit details {path}.{key}: key names personal data (PHI)")
    return key


def check_details(details: Mapping[str, Any] | None) -> dict[str, Any]:
    """A JSON-safe copy of details, or ValueError when it could carry PHI (see the note above)."""
    cleaned = _clean(dict(details or {}), "details", 0)
    if len(json.dumps(cleaned)) > _MAX_JSON_CHARS:
        raise ValueError(f"audit details over {_MAX_JSON_CHARS} chars; keep them to codes")
    assert isinstance(cleaned, dict)
    return cleaned


# ---------------------------------------------------------------------------------------------
# Appending


def _short(value: Any, name: str, limit: int = 64) -> str | None:
    if value is None:
        return None
    text = str(value)
    if not text or len(text) > limit:
        raise ValueError(f"audit {name} must be 1-{limit} characters")
    return text


def _event_fields(
    *, action: str, actor: Principal | None, actor_id: uuid.UUID | None, actor_role: str | None,
    subject_user_id: uuid.UUID | None, target_type: str | None, target_id: Any, outcome: str,
    details: Mapping[str, Any] | None, request: Request | None, flagged: bool,
) -> dict[str, Any]:
    if outcome not in OUTCOMES:
        raise ValueError(f"audit outcome must be one of {sorted(OUTCOMES)}")
    clean = check_details(details)
    if actor is not None:
        actor_id = actor_id or actor.user_id
        actor_role = actor_role or actor.role
        if actor.via == "api_key":  # which key acted matters when one is leaked
            clean["api_key_id"] = str(actor.api_key_id)
    client = request.client.host if request is not None and request.client else None
    request_id = request_id_var.get()
    return {
        "id": uuid.uuid4(), "action": _short(action, "action"), "outcome": outcome,
        "actor_id": actor_id, "actor_role": _short(actor_role, "actor_role", 16),
        "subject_user_id": subject_user_id, "target_type": _short(target_type, "target_type"),
        "target_id": _short(target_id, "target_id"), "flagged": bool(flagged), "details": clean,
        # From outside: cut to fit rather than fail the action being audited.
        "ip": client[:64] if client else None,
        "request_id": request_id[:64] if request_id else None,
    }


async def record(
    session: AsyncSession, *, action: str, actor: Principal | None = None,
    actor_id: uuid.UUID | None = None, actor_role: str | None = None,
    subject_user_id: uuid.UUID | None = None, target_type: str | None = None,
    target_id: Any = None, outcome: str = "ok", details: Mapping[str, Any] | None = None,
    request: Request | None = None, flagged: bool = False,
) -> AuditEvent:
    """Append an event in the caller's transaction: it commits or rolls back with the action."""
    fields = _event_fields(
        action=action, actor=actor, actor_id=actor_id, actor_role=actor_role,
        subject_user_id=subject_user_id, target_type=target_type, target_id=target_id,
        outcome=outcome, details=details, request=request, flagged=flagged)
    repo = AuditRepository(session)
    # The caller's pending changes first: their errors must not pass for a chain race below.
    await session.flush()
    # Held until the caller's transaction ends, so writers never read the same last hash; the
    # unique prev_hash (a fork) and the retry below remain as the backstop.
    await repo.lock_chain()
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            async with session.begin_nested():
                prev = await repo.last_hash() or GENESIS
                # Stamped after the lock so time order follows chain order.
                row = {**fields, "at": utcnow(), "prev_hash": prev}
                return await repo.add(AuditEvent(**row, hash=compute_hash(row)))
        except IntegrityError:
            if attempt == _ATTEMPTS:
                raise
            log.warning("audit chain moved while appending; retrying",
                        extra={"attempt": attempt, "action": action})
    raise AssertionError("unreachable")


async def record_now(
    db: Database, *, action: str, actor: Principal | None = None,
    actor_id: uuid.UUID | None = None, actor_role: str | None = None,
    subject_user_id: uuid.UUID | None = None, target_type: str | None = None,
    target_id: Any = None, outcome: str = "ok", details: Mapping[str, Any] | None = None,
    request: Request | None = None, flagged: bool = False,
) -> AuditEvent:
    """Append an event in its own committed transaction, so it persists if the request fails.

    Call it before the request's own session records an event (on PostgreSQL that holds the
    chain lock) or, on SQLite, writes anything (that holds the database's only write lock):
    otherwise this waits for a lock its own request holds, and fails after 10 s.
    """
    async with db.sessionmaker() as session:
        # Turns that mistake into an error after a bounded wait instead of a silent hang.
        await AuditRepository(session).bound_lock_wait(_RECORD_NOW_LOCK_WAIT_S)
        event = await record(
            session, action=action, actor=actor, actor_id=actor_id, actor_role=actor_role,
            subject_user_id=subject_user_id, target_type=target_type, target_id=target_id,
            outcome=outcome, details=details, request=request, flagged=flagged)
        await session.commit()
    return event


# ---------------------------------------------------------------------------------------------
# Verifying and listing


def _first_bad(rows: list[dict[str, Any]], prev_hash: str) -> tuple[int, str] | None:
    """(index, reason) of the first row that does not fit the chain, or None."""
    for index, row in enumerate(rows):
        if row["prev_hash"] != prev_hash:
            return index, "does not link to the event before it (a row was deleted or inserted)"
        if compute_hash(row) != row["hash"]:
            return index, "does not match its hash (the row was altered)"
        prev_hash = row["hash"]
    return None


async def verify_chain(session: AsyncSession, *, batch: int = 1000) -> ChainReport:
    """Recompute every hash and link in chain order; report the first event that does not fit."""
    repo = AuditRepository(session)
    prev_hash, last_seq, checked = GENESIS, None, 0
    while rows := await repo.rows_after(last_seq, batch):
        # Hashing a batch is CPU work: keep it off the event loop.
        bad = await asyncio.to_thread(_first_bad, rows, prev_hash)
        if bad is not None:
            index, reason = bad
            seq = rows[index]["seq"]
            return ChainReport(ok=False, checked=checked + index + 1, first_bad_seq=seq,
                               message=f"Event seq {seq} {reason}")
        checked += len(rows)
        prev_hash, last_seq = rows[-1]["hash"], rows[-1]["seq"]
    return ChainReport(ok=True, checked=checked, message=f"{checked} events verified",
                       last_seq=last_seq, last_hash=prev_hash if checked else None)


async def list_events(
    session: AsyncSession, *, action: str | None, actor_id: uuid.UUID | None,
    subject_user_id: uuid.UUID | None, flagged: bool | None, since: datetime | None,
    until: datetime | None, limit: int, offset: int,
) -> AuditPage:
    """Events matching the filters, newest first."""
    rows, total = await AuditRepository(session).page(
        action=action, actor_id=actor_id, subject_user_id=subject_user_id, flagged=flagged,
        since=since, until=until, limit=limit, offset=offset)
    return AuditPage(items=[AuditRead.model_validate(r) for r in rows], total=total,
                     limit=limit, offset=offset)
