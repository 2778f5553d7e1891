"""Patient-record use cases: every read and write sealed, owner-filtered and audited.

Patients manage their own record. Admins may read (never write) a patient's record with
`?patient_id=` while they hold an unexpired break-glass grant; those reads are flagged in the
audit log. Audit details carry only counts and field names, never values.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import Request
from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from backend.admin.service import has_break_glass
from backend.audit import service as audit
from backend.auth.access import Forbidden, Principal
from backend.config import Settings
from backend.core.errors import AppError, NotFound
from backend.models import (
    Allergy,
    Medication,
    PatientProfile,
    RecordConsent,
    Role,
    SymptomEntry,
)
from backend.models.base import utcnow
from backend.record import schemas
from backend.record.crypto import Vault, load_vault
from backend.record.repository import RecordRepository


@dataclass(frozen=True)
class RecordCtx:
    """Who acts on whose record, within one request."""

    session: AsyncSession
    settings: Settings
    principal: Principal
    user_id: uuid.UUID  # whose record
    break_glass: bool = False
    request: Request | None = None

    async def audit(self, action: str, *, target_type: str, target_id: Any = None,
                    details: dict[str, Any] | None = None) -> None:
        extra = {"break_glass": True} if self.break_glass else {}
        await audit.record(self.session, action=f"record.{action}", actor=self.principal,
                           subject_user_id=self.user_id, target_type=target_type,
                           target_id=None if target_id is None else str(target_id),
                           request=self.request, flagged=self.break_glass,
                           details={**(details or {}), **extra})

    async def vault(self, *, create: bool) -> Vault | None:
        return await load_vault(self.session, self.settings, self.user_id, create=create)


async def resolve_reader(
    session: AsyncSession, *, principal: Principal, patient_id: uuid.UUID | None
) -> tuple[uuid.UUID, bool]:
    """(whose record, via break-glass) for a read; another patient's record is a 404."""
    if principal.role == Role.admin and patient_id is not None \
            and patient_id != principal.user_id:
        # Without patient_id an admin reads their own record: empty, as only patients write.
        if not await has_break_glass(session, admin_id=principal.user_id, patient_id=patient_id):
            raise Forbidden("Reading a patient's record needs an active break-glass grant")
        return patient_id, True
    if patient_id is not None and patient_id != principal.user_id:
        raise NotFound("Record")
    return principal.user_id, False


def _invalid(exc: ValidationError) -> AppError:
    details = [{"loc": ["body", *err["loc"]], "msg": err["msg"], "type": err["type"]}
               for err in exc.errors()]
    return AppError(422, "validation_error", "Invalid record data", details)


# --------------------------------------------------------------------------- profile


async def get_profile(ctx: RecordCtx) -> schemas.ProfileRead:
    """The profile (empty when never saved)."""
    row = await RecordRepository(ctx.session).profile(ctx.user_id)
    vault = await ctx.vault(create=False)
    await ctx.audit("profile_read", target_type="patient_profile", target_id=ctx.user_id)
    if row is None or vault is None:
        return schemas.ProfileRead()
    return schemas.ProfileRead(**vault.open_row(row, ctx.user_id), updated_at=row.updated_at)


async def put_profile(ctx: RecordCtx, data: schemas.ProfileUpdate) -> schemas.ProfileRead:
    """Replace the whole profile."""
    repo = RecordRepository(ctx.session)
    vault = await ctx.vault(create=True)
    assert vault is not None
    row = await repo.profile(ctx.user_id)
    created = row is None
    if row is None:
        row = PatientProfile(user_id=ctx.user_id)
    vault.seal_row(row, ctx.user_id, data.model_dump(mode="json"))
    row.updated_at = utcnow()
    await repo.add(row)
    await ctx.audit("profile_created" if created else "profile_updated",
                    target_type="patient_profile", target_id=ctx.user_id)
    return schemas.ProfileRead(**data.model_dump(), updated_at=row.updated_at)


# --------------------------------------------------------------------------- list resources


@dataclass(frozen=True)
class Kind:
    """One list resource of the record: its table, schemas and audit name."""

    model: type[Any]
    create: type[BaseModel]
    read: type[BaseModel]
    name: str
    plain: tuple[str, ...] = ()  # fields stored in the clear (filter and sort columns)


MEDICATION = Kind(Medication, schemas.MedicationCreate, schemas.MedicationRead, "medication")
ALLERGY = Kind(Allergy, schemas.AllergyCreate, schemas.AllergyRead, "allergy")
SYMPTOM = Kind(SymptomEntry, schemas.SymptomCreate, schemas.SymptomRead, "symptom",
               plain=("occurred_at",))


class RecordUnreadable(Exception):
    """A stored row that does not decrypt or validate: a bug or tampering, never a 4xx."""


def to_read(kind: Kind, vault: Vault, row: Any) -> BaseModel:
    values = vault.open_row(row, row.id)
    values.update({name: getattr(row, name) for name in kind.plain})
    try:
        return kind.read.model_validate(
            {**values, "id": row.id, "created_at": row.created_at, "updated_at": row.updated_at})
    except ValidationError as exc:
        # Pydantic's message quotes the input: PHI must not reach the error log.
        raise RecordUnreadable(f"{kind.name} {row.id}: stored values fail validation "
                               f"({exc.error_count()} errors)") from None


def _store(kind: Kind, vault: Vault, row: Any, data: BaseModel) -> None:
    values = data.model_dump(mode="json")
    for name in kind.plain:
        setattr(row, name, getattr(data, name))
    vault.seal_row(row, row.id, {k: v for k, v in values.items() if k not in kind.plain})


async def list_items(
    ctx: RecordCtx, kind: Kind, *, limit: int, offset: int,
    since: datetime | None = None, until: datetime | None = None,
) -> tuple[list[BaseModel], int]:
    """One page of the owner's items."""
    rows, total = await RecordRepository(ctx.session).page(
        kind.model, ctx.user_id, limit=limit, offset=offset, since=since, until=until)
    vault = await ctx.vault(create=False)
    await ctx.audit(f"{kind.name}_listed", target_type=kind.name,
                    details={"count": len(rows), "offset": offset})
    if vault is None:
        return [], total
    return [to_read(kind, vault, r) for r in rows], total


async def _owned(ctx: RecordCtx, kind: Kind, item_id: uuid.UUID) -> Any:
    row = await RecordRepository(ctx.session).owned(kind.model, ctx.user_id, item_id)
    if row is None:
        raise NotFound(kind.name.capitalize())
    return row


async def _vault_for_existing(ctx: RecordCtx) -> Vault:
    vault = await ctx.vault(create=False)
    if vault is None:  # rows without a key cannot exist: erasure removes both together
        raise NotFound("Record")
    return vault


async def get_item(ctx: RecordCtx, kind: Kind, item_id: uuid.UUID) -> BaseModel:
    row = await _owned(ctx, kind, item_id)
    vault = await _vault_for_existing(ctx)
    await ctx.audit(f"{kind.name}_read", target_type=kind.name, target_id=item_id)
    return to_read(kind, vault, row)


async def create_item(ctx: RecordCtx, kind: Kind, data: BaseModel) -> BaseModel:
    vault = await ctx.vault(create=True)
    assert vault is not None
    row = kind.model(id=uuid.uuid4(), user_id=ctx.user_id)
    _store(kind, vault, row, data)
    await RecordRepository(ctx.session).add(row)
    await ctx.audit(f"{kind.name}_created", target_type=kind.name, target_id=row.id)
    return to_read(kind, vault, row)


async def update_item(
    ctx: RecordCtx, kind: Kind, item_id: uuid.UUID, data: BaseModel
) -> BaseModel:
    """Change the given fields; the merged item is validated as a whole (e.g. date order)."""
    row = await _owned(ctx, kind, item_id)
    vault = await _vault_for_existing(ctx)
    changes = data.model_dump(mode="json", exclude_unset=True)
    current = to_read(kind, vault, row).model_dump(mode="json")
    try:
        merged = kind.create.model_validate(
            {k: v for k, v in {**current, **changes}.items() if k in kind.create.model_fields})
    except ValidationError as exc:
        raise _invalid(exc) from None
    _store(kind, vault, row, merged)
    row.updated_at = utcnow()
    await RecordRepository(ctx.session).add(row)
    await ctx.audit(f"{kind.name}_updated", target_type=kind.name, target_id=item_id,
                    details={"fields": sorted(changes)})
    return to_read(kind, vault, row)


async def delete_item(ctx: RecordCtx, kind: Kind, item_id: uuid.UUID) -> None:
    row = await _owned(ctx, kind, item_id)
    await RecordRepository(ctx.session).delete(row)
    await ctx.audit(f"{kind.name}_deleted", target_type=kind.name, target_id=item_id)


# --------------------------------------------------------------------------- consents


def consent_read(row: RecordConsent | None) -> schemas.ConsentRead:
    if row is None:
        return schemas.ConsentRead()
    return schemas.ConsentRead(
        personalise_answers=row.personalise_answers,
        personalise_answers_at=row.personalise_answers_at,
        use_for_training=row.use_for_training, use_for_training_at=row.use_for_training_at)


async def get_consents(ctx: RecordCtx) -> schemas.ConsentRead:
    row = await RecordRepository(ctx.session).consent(ctx.user_id)
    await ctx.audit("consent_read", target_type="record_consent", target_id=ctx.user_id)
    return consent_read(row)


async def put_consents(ctx: RecordCtx, data: schemas.ConsentUpdate) -> schemas.ConsentRead:
    """Change consent switches; each switch's timestamp moves only when its value changes."""
    repo = RecordRepository(ctx.session)
    row = await repo.consent(ctx.user_id)
    if row is None:
        row = RecordConsent(user_id=ctx.user_id, personalise_answers=False,
                            use_for_training=False)
    now, changed = utcnow(), []
    for name in ("personalise_answers", "use_for_training"):
        value = getattr(data, name)
        if value is not None and value != getattr(row, name):
            setattr(row, name, value)
            setattr(row, f"{name}_at", now)
            changed.append(name)
    await repo.add(row)
    await ctx.audit("consent_updated", target_type="record_consent", target_id=ctx.user_id,
                    details={"changed": {k: bool(getattr(row, k)) for k in changed}})
    return consent_read(row)
