"""The record as the safety checkers use it: current medicines, allergies and conditions.

Only with the patient's "personalise" consent, only for the patient themself, and every use is
one audit event (counts only, never the values).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from backend.core.errors import AppError
from backend.models import Role
from backend.record import schemas
from backend.record.repository import RecordRepository
from backend.record.service import ALLERGY, MEDICATION, RecordCtx, to_read


@dataclass(frozen=True)
class RecordSummary:
    medications: tuple[str, ...]
    allergies: tuple[str, ...]
    conditions: tuple[str, ...]


class ConsentRequired(AppError):
    def __init__(self) -> None:
        super().__init__(403, "consent_required",
                         "Using your record needs your consent: turn on 'personalise answers "
                         "with my record' on the privacy page")


def _current(medication: schemas.MedicationRead, today: date) -> bool:
    return medication.start_date <= today and (medication.end_date is None
                                               or medication.end_date >= today)


async def summary_for(ctx: RecordCtx, purpose: str) -> RecordSummary:
    """Current medicines, allergies and conditions of the caller's own record."""
    if ctx.principal.role is not Role.patient or ctx.principal.via != "jwt" \
            or ctx.user_id != ctx.principal.user_id:
        raise AppError(403, "record_owner_only",
                       "Only the patient, signed in themself, can use their record here")
    repo = RecordRepository(ctx.session)
    consent = await repo.consent(ctx.user_id)
    if consent is None or not consent.personalise_answers:
        raise ConsentRequired()
    vault = await ctx.vault(create=False)
    medications: list[str] = []
    allergies: list[str] = []
    conditions: list[str] = []
    if vault is not None:
        today = date.today()
        for row in await repo.all_rows(MEDICATION.model, ctx.user_id):
            med = to_read(MEDICATION, vault, row)
            assert isinstance(med, schemas.MedicationRead)
            if _current(med, today):
                medications.append(med.name)
        for row in await repo.all_rows(ALLERGY.model, ctx.user_id):
            allergy = to_read(ALLERGY, vault, row)
            assert isinstance(allergy, schemas.AllergyRead)
            allergies.append(allergy.substance)
        profile = await repo.profile(ctx.user_id)
        if profile is not None:
            conditions = list(schemas.ProfileRead.model_validate(
                vault.open_row(profile, ctx.user_id)).conditions)
    await ctx.audit("used", target_type="patient_record", target_id=ctx.user_id,
                    details={"purpose": purpose, "medications": len(medications),
                             "allergies": len(allergies), "conditions": len(conditions)})
    return RecordSummary(tuple(medications), tuple(allergies), tuple(conditions))
