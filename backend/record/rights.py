"""Data-subject rights: export and erasure of a patient's record.

Export: a job writes the whole record as JSON, sealed under the patient's data key (so erasure
shreds exports too); the owner downloads it; the beat sweep deletes files after `EXPORT_TTL`.
Erasure: the data key is deleted (crypto-shredding) along with every PHI row and export file;
audit events stay (they hold no PHI).
"""

from __future__ import annotations

import logging
import os
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.auth.repository import UserRepository
from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.errors import Conflict, NotFound
from backend.database import Database, enqueue_after_commit
from backend.jobs.repository import JobRepository
from backend.models import Job, JobStatus
from backend.models.base import utcnow
from backend.record import service
from backend.record.crypto import Vault, load_vault
from backend.record.repository import EXPORT_JOB, KeyRepository, RecordRepository

log = logging.getLogger("lumen.record.export")
EXPORT_TTL = timedelta(hours=24)
FORMAT_VERSION = 1


def export_dir(settings: Settings) -> Path:
    return settings.data_dir / "exports"


def export_path(settings: Settings, job_id: uuid.UUID) -> Path:
    return export_dir(settings) / f"{job_id}.sealed"


def _context(job_id: uuid.UUID, user_id: uuid.UUID) -> str:
    return f"record_export/{job_id}/{user_id}"


async def start_export(ctx: service.RecordCtx) -> Job:
    """Queue an export job owned by the patient; the task is sent after the commit."""
    job = await JobRepository(ctx.session).add(type=EXPORT_JOB, params={},
                                               created_by=str(ctx.user_id))
    enqueue_after_commit(ctx.session, EXPORT_JOB, str(job.id))
    await ctx.audit("export_started", target_type="job", target_id=job.id)
    return job


async def build_export(
    session: AsyncSession, settings: Settings, user_id: uuid.UUID, vault: Vault
) -> dict[str, Any]:
    """Everything stored about the patient, decrypted, as JSON-ready data."""
    repo = RecordRepository(session)
    user = await UserRepository(session).get(user_id)
    cipher = cipher_for(settings)
    account: dict[str, Any] = {}
    if user is not None:
        account = {
            "id": str(user.id), "role": user.role.value, "created_at": user.created_at.isoformat(),
            "email": cipher.decrypt(user.email_encrypted, context="email"),
            "display_name": (cipher.decrypt(user.display_name_encrypted, context="display_name")
                             if user.display_name_encrypted else None)}
    profile = await repo.profile(user_id)
    sections: dict[str, Any] = {
        "profile": vault.open_row(profile, user_id) if profile is not None else None}
    for section, kind in (("medications", service.MEDICATION), ("allergies", service.ALLERGY),
                          ("symptoms", service.SYMPTOM)):
        rows = await repo.all_rows(kind.model, user_id)
        sections[section] = [
            service.to_read(kind, vault, r).model_dump(mode="json") for r in rows]
    sections["consents"] = service.consent_read(await repo.consent(user_id)).model_dump(
        mode="json")
    return {"format": FORMAT_VERSION, "exported_at": utcnow().isoformat(), "account": account,
            **sections}


async def write_export(db: Database, settings: Settings, job_id: uuid.UUID,
                       user_id: uuid.UUID) -> dict[str, Any]:
    """Build, seal and write the export file (atomically; running it twice rewrites it)."""
    async with db.sessionmaker() as session:
        vault = await load_vault(session, settings, user_id, create=True)
        assert vault is not None
        document = await build_export(session, settings, user_id, vault)
        await session.commit()  # a first data key made for an empty record
    sealed = vault.seal(_context(job_id, user_id), document)
    path = export_path(settings, job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(sealed)
    os.replace(tmp, path)
    # Job rows are visible to operators: no counts of medications or allergies here either.
    return {"bytes": len(sealed), "expires_at": (utcnow() + EXPORT_TTL).isoformat()}


async def read_export(ctx: service.RecordCtx, job_id: uuid.UUID) -> dict[str, Any]:
    """The owner's finished export, decrypted; audited as a read of the whole record."""
    job = await JobRepository(ctx.session).get(job_id)
    if job is None or job.type != EXPORT_JOB or job.created_by != str(ctx.user_id):
        raise NotFound("Export")
    if job.status != JobStatus.succeeded:
        raise Conflict("The export is not ready", {"status": job.status.value})
    path = export_path(ctx.settings, job_id)
    vault = await ctx.vault(create=False)
    if vault is None or not path.is_file():
        raise NotFound("Export (expired or erased)")
    document: dict[str, Any] = vault.open(_context(job_id, ctx.user_id), path.read_text())
    await ctx.audit("export_downloaded", target_type="job", target_id=job_id)
    return document


def delete_exports(settings: Settings, job_ids: list[uuid.UUID]) -> int:
    removed = 0
    for job_id in job_ids:
        path = export_path(settings, job_id)
        if path.is_file():
            path.unlink()
            removed += 1
    return removed


def sweep_exports(settings: Settings, *, now: datetime | None = None) -> int:
    """Delete export files older than EXPORT_TTL (and leftovers of interrupted writes)."""
    folder = export_dir(settings)
    if not folder.is_dir():
        return 0
    cut = (now or utcnow()).timestamp() - EXPORT_TTL.total_seconds()
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cut:
            path.unlink(missing_ok=True)
            removed += 1
    if removed:
        log.info("export sweep", extra={"removed": removed})
    return removed


async def erase_record(ctx: service.RecordCtx) -> dict[str, int]:
    """Crypto-shred the record: delete the data key, every PHI row and every export file."""
    repo = RecordRepository(ctx.session)
    export_jobs = await repo.export_jobs(ctx.user_id)
    jobs = [job.id for job in export_jobs]
    now = utcnow().isoformat()
    for job in export_jobs:  # their files go below: say so, rather than look downloadable
        if job.result:
            job.result = {**job.result, "expires_at": now, "erased": True}
    counts = await repo.erase(ctx.user_id)
    counts["record_key"] = await KeyRepository(ctx.session).delete(ctx.user_id)
    counts["export_files"] = delete_exports(ctx.settings, jobs)
    await ctx.audit("erased", target_type="record", target_id=ctx.user_id, details=counts)
    return counts
