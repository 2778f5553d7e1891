"""Patient-record endpoints: a patient's own profile, medications, allergies, symptoms, consents,
export and erasure. Admins may read (GET) with ?patient_id= under an active break-glass grant."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse

from backend.auth.access import CurrentPrincipal, access
from backend.deps import PaginationDep, SessionDep, SettingsDep
from backend.models import Role
from backend.record import rights, schemas, service
from backend.record.service import ALLERGY, MEDICATION, SYMPTOM, RecordCtx

router = APIRouter(prefix="/record", tags=["record"])
READ = access(Role.patient, Role.admin)
WRITE = access(Role.patient)
PatientQuery = Annotated[uuid.UUID | None, Query(
    description="Admins only: the patient whose record to read (needs break-glass).")]


async def reader(request: Request, session: SessionDep, settings: SettingsDep,
                 principal: CurrentPrincipal, patient_id: PatientQuery = None) -> RecordCtx:
    """The record a read is about: the caller's own, or a patient's under break-glass."""
    user_id, glass = await service.resolve_reader(session, principal=principal,
                                                  patient_id=patient_id)
    return RecordCtx(session, settings, principal, user_id, glass, request)


async def writer(request: Request, session: SessionDep, settings: SettingsDep,
                 principal: CurrentPrincipal) -> RecordCtx:
    """The caller's own record (writes are never made on someone else's behalf)."""
    return RecordCtx(session, settings, principal, principal.user_id, False, request)


Reader = Annotated[RecordCtx, Depends(reader)]
Writer = Annotated[RecordCtx, Depends(writer)]
Since = Annotated[schemas.AwareMoment | None,
                  Query(description="Occurred at or after (inclusive); with a time zone.")]
Until = Annotated[schemas.AwareMoment | None,
                  Query(description="Occurred before (exclusive); with a time zone.")]


@router.get("/profile", response_model=schemas.ProfileRead, **READ)
async def get_profile(ctx: Reader) -> schemas.ProfileRead:
    """The patient's profile (empty until saved)."""
    return await service.get_profile(ctx)


@router.put("/profile", response_model=schemas.ProfileRead, **WRITE)
async def put_profile(data: schemas.ProfileUpdate, ctx: Writer) -> schemas.ProfileRead:
    """Replace the profile."""
    return await service.put_profile(ctx, data)


@router.get("/consents", response_model=schemas.ConsentRead, **READ)
async def get_consents(ctx: Reader) -> schemas.ConsentRead:
    """The patient's consent switches."""
    return await service.get_consents(ctx)


@router.put("/consents", response_model=schemas.ConsentRead, **WRITE)
async def put_consents(data: schemas.ConsentUpdate, ctx: Writer) -> schemas.ConsentRead:
    """Change consent switches; each change is time-stamped."""
    return await service.put_consents(ctx, data)


# --------------------------------------------------------------------------- medications


@router.get("/medications", response_model=schemas.MedicationPage, **READ)
async def list_medications(ctx: Reader, page: PaginationDep) -> schemas.MedicationPage:
    """The patient's medications, oldest first."""
    items, total = await service.list_items(ctx, MEDICATION, limit=page.limit,
                                            offset=page.offset)
    return schemas.MedicationPage.model_validate(
        {"items": items, "total": total, "limit": page.limit, "offset": page.offset},
        from_attributes=True)


@router.post("/medications", response_model=schemas.MedicationRead, status_code=201, **WRITE)
async def create_medication(data: schemas.MedicationCreate, ctx: Writer) -> Any:
    """Add a medication."""
    return await service.create_item(ctx, MEDICATION, data)


@router.get("/medications/{item_id}", response_model=schemas.MedicationRead, **READ)
async def get_medication(item_id: uuid.UUID, ctx: Reader) -> Any:
    """One medication."""
    return await service.get_item(ctx, MEDICATION, item_id)


@router.patch("/medications/{item_id}", response_model=schemas.MedicationRead, **WRITE)
async def update_medication(item_id: uuid.UUID, data: schemas.MedicationUpdate,
                            ctx: Writer) -> Any:
    """Change a medication's fields."""
    return await service.update_item(ctx, MEDICATION, item_id, data)


@router.delete("/medications/{item_id}", status_code=204, **WRITE)
async def delete_medication(item_id: uuid.UUID, ctx: Writer) -> Response:
    """Remove a medication."""
    await service.delete_item(ctx, MEDICATION, item_id)
    return Response(status_code=204)


# --------------------------------------------------------------------------- allergies


@router.get("/allergies", response_model=schemas.AllergyPage, **READ)
async def list_allergies(ctx: Reader, page: PaginationDep) -> schemas.AllergyPage:
    """The patient's allergies, oldest first."""
    items, total = await service.list_items(ctx, ALLERGY, limit=page.limit, offset=page.offset)
    return schemas.AllergyPage.model_validate(
        {"items": items, "total": total, "limit": page.limit, "offset": page.offset},
        from_attributes=True)


@router.post("/allergies", response_model=schemas.AllergyRead, status_code=201, **WRITE)
async def create_allergy(data: schemas.AllergyCreate, ctx: Writer) -> Any:
    """Add an allergy."""
    return await service.create_item(ctx, ALLERGY, data)


@router.get("/allergies/{item_id}", response_model=schemas.AllergyRead, **READ)
async def get_allergy(item_id: uuid.UUID, ctx: Reader) -> Any:
    """One allergy."""
    return await service.get_item(ctx, ALLERGY, item_id)


@router.patch("/allergies/{item_id}", response_model=schemas.AllergyRead, **WRITE)
async def update_allergy(item_id: uuid.UUID, data: schemas.AllergyUpdate, ctx: Writer) -> Any:
    """Change an allergy's fields."""
    return await service.update_item(ctx, ALLERGY, item_id, data)


@router.delete("/allergies/{item_id}", status_code=204, **WRITE)
async def delete_allergy(item_id: uuid.UUID, ctx: Writer) -> Response:
    """Remove an allergy."""
    await service.delete_item(ctx, ALLERGY, item_id)
    return Response(status_code=204)


# --------------------------------------------------------------------------- symptoms


@router.get("/symptoms", response_model=schemas.SymptomPage, **READ)
async def list_symptoms(ctx: Reader, page: PaginationDep, since: Since = None,
                        until: Until = None) -> schemas.SymptomPage:
    """Symptom log entries, newest first, optionally within [since, until)."""
    items, total = await service.list_items(ctx, SYMPTOM, limit=page.limit, offset=page.offset,
                                            since=since, until=until)
    return schemas.SymptomPage.model_validate(
        {"items": items, "total": total, "limit": page.limit, "offset": page.offset},
        from_attributes=True)


@router.post("/symptoms", response_model=schemas.SymptomRead, status_code=201, **WRITE)
async def create_symptom(data: schemas.SymptomCreate, ctx: Writer) -> Any:
    """Log a symptom."""
    return await service.create_item(ctx, SYMPTOM, data)


@router.get("/symptoms/{item_id}", response_model=schemas.SymptomRead, **READ)
async def get_symptom(item_id: uuid.UUID, ctx: Reader) -> Any:
    """One symptom log entry."""
    return await service.get_item(ctx, SYMPTOM, item_id)


@router.patch("/symptoms/{item_id}", response_model=schemas.SymptomRead, **WRITE)
async def update_symptom(item_id: uuid.UUID, data: schemas.SymptomUpdate, ctx: Writer) -> Any:
    """Change a symptom log entry."""
    return await service.update_item(ctx, SYMPTOM, item_id, data)


@router.delete("/symptoms/{item_id}", status_code=204, **WRITE)
async def delete_symptom(item_id: uuid.UUID, ctx: Writer) -> Response:
    """Remove a symptom log entry."""
    await service.delete_item(ctx, SYMPTOM, item_id)
    return Response(status_code=204)


# --------------------------------------------------------------------------- export, erasure


@router.post("/exports", response_model=schemas.ExportRead, status_code=202, **WRITE)
async def start_export(ctx: Writer) -> schemas.ExportRead:
    """Start an export of everything stored about the caller (follow it under /jobs)."""
    job = await rights.start_export(ctx)
    return schemas.ExportRead(job_id=job.id, status=job.status.value,
                              download_url=f"/api/v1/record/exports/{job.id}")


@router.get("/exports/{job_id}", **WRITE,
            responses={200: {"content": {"application/json": {}},
                             "description": "The export document (JSON attachment)."}})
async def download_export(job_id: uuid.UUID, ctx: Writer) -> JSONResponse:
    """Download a finished export (kept for 24 hours)."""
    document = await rights.read_export(ctx, job_id)
    return JSONResponse(document, headers={
        "Content-Disposition": f'attachment; filename="lumen-record-{job_id}.json"',
        "Cache-Control": "no-store"})


@router.delete("", response_model=schemas.ErasureRead, **WRITE)
async def erase_record(ctx: Writer) -> schemas.ErasureRead:
    """Erase the whole record: the data key is destroyed and every PHI row deleted."""
    return schemas.ErasureRead(erased=await rights.erase_record(ctx))
