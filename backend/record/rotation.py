"""Master-key rotation: re-wrap every data key, re-encrypt master-key columns, in batches.

Safe while the app serves writes: each row is changed by compare-and-swap on what was read
(the key row's version counter, or the old ciphertexts), so a concurrent write is never
overwritten; a row that lost the race is read again in a later batch. Resumable and
idempotent: each batch selects only rows not yet on the newest version, so a killed run
continues where it stopped and a second run finds nothing to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from backend.audit import service as audit
from backend.config import Settings
from backend.core.crypto import FieldCipher, cipher_for
from backend.core.envelope import rewrap_data_key
from backend.database import Database
from backend.models import BreakGlassGrant, User
from backend.record.repository import CipherColumnRepository, KeyRepository

log = logging.getLogger("lumen.keys")
Progress = Callable[[int, int], None]  # (done, total)

# FieldCipher (master-key) columns and the context each was encrypted with.
MASTER_COLUMNS: list[tuple[type[Any], dict[str, str]]] = [
    (User, {"email_encrypted": "email", "display_name_encrypted": "display_name",
            "mfa_secret_encrypted": "mfa"}),
    (BreakGlassGrant, {"reason_encrypted": "break_glass"}),
]


@dataclass
class RotationReport:
    active_version: int
    data_keys: int = 0
    columns: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0  # rows changed concurrently; picked up again in a later batch

    @property
    def total(self) -> int:
        return self.data_keys + sum(self.columns.values())


async def pending(db: Database, settings: Settings) -> int:
    """How many rows are not yet on the newest master key."""
    active = cipher_for(settings).active
    async with db.sessionmaker() as session:
        count = await KeyRepository(session).count_stale(active)
        for model, columns in MASTER_COLUMNS:
            count += await CipherColumnRepository(session, model, list(columns)).count_stale(
                active)
    return count


async def _rewrap_batch(db: Database, master: FieldCipher, batch: int,
                        report: RotationReport) -> int:
    async with db.sessionmaker() as session:
        repo = KeyRepository(session)
        rows = await repo.stale(master.active, batch)
        for user_id, wrapped, version in rows:
            new = rewrap_data_key(master, wrapped, owner=str(user_id))
            if new is None:
                continue
            if await repo.swap(user_id, expect_version=version, wrapped=new):
                report.data_keys += 1
            else:
                report.conflicts += 1
        await session.commit()
    return len(rows)


def _reencrypt(master: FieldCipher, token: str | None, context: str) -> str | None:
    if token is None or master.version_of(token) == master.active:
        return token
    return master.encrypt(master.decrypt(token, context=context), context=context)


async def _column_batch(db: Database, master: FieldCipher, model: type[Any],
                        columns: dict[str, str], batch: int, report: RotationReport) -> int:
    async with db.sessionmaker() as session:
        repo = CipherColumnRepository(session, model, list(columns))
        rows = await repo.stale(master.active, batch)
        for row in rows:
            old = {name: getattr(row, name) for name in columns}
            new = {name: _reencrypt(master, old[name], ctx) for name, ctx in columns.items()}
            if await repo.swap(row.id, old, new):
                report.columns[model.__tablename__] = \
                    report.columns.get(model.__tablename__, 0) + 1
            else:
                report.conflicts += 1
        await session.commit()
    return len(rows)


async def rotate_keys(db: Database, settings: Settings, *, batch: int = 500,
                      on_progress: Progress | None = None) -> RotationReport:
    """Bring every wrapped key and master-key column to the newest master key version."""
    master = cipher_for(settings)
    report = RotationReport(active_version=master.active)
    total = await pending(db, settings)
    step = on_progress or (lambda done, total: None)
    step(0, total)
    while await _rewrap_batch(db, master, batch, report):
        step(min(report.total, total), total)
    for model, columns in MASTER_COLUMNS:
        while await _column_batch(db, master, model, columns, batch, report):
            step(min(report.total, total), total)
    async with db.sessionmaker() as session:
        await audit.record(session, action="keys.rotated", target_type="master_key",
                           target_id=str(master.active),
                           details={"data_keys": report.data_keys, "columns": report.columns,
                                    "conflicts": report.conflicts})
        await session.commit()
    log.info("keys rotated", extra={"version": master.active, "rows": report.total,
                                    "conflicts": report.conflicts})
    return report
