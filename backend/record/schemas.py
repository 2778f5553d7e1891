"""Patient-record schemas: strict (extra fields refused), bounded, dates checked."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

# Small clock differences between a phone and the server are not "the future".
CLOCK_SKEW = timedelta(minutes=5)
OLDEST_DATE = date(1900, 1, 1)


def _not_future_date(value: date) -> date:
    if value > datetime.now(UTC).date() + timedelta(days=1):  # +1: the caller's time zone
        raise ValueError("must not be in the future")
    if value < OLDEST_DATE:
        raise ValueError("must be after 1900-01-01")
    return value


def _sane_date(value: date) -> date:
    if not OLDEST_DATE <= value <= date(2200, 1, 1):
        raise ValueError("must be between 1900-01-01 and 2200-01-01")
    return value


def _past_moment(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("must include a time zone")
    if value > datetime.now(UTC) + CLOCK_SKEW:
        raise ValueError("must not be in the future")
    if value.year < 1900:
        raise ValueError("must be after 1900")
    return value.astimezone(UTC)


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("must include a time zone")
    return value.astimezone(UTC)


AwareMoment = Annotated[datetime, AfterValidator(_aware)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Medium = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Notes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
PastDate = Annotated[date, AfterValidator(_not_future_date)]
SaneDate = Annotated[date, AfterValidator(_sane_date)]
PastMoment = Annotated[datetime, AfterValidator(_past_moment)]
TimeOfDay = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Sex = Literal["female", "male", "intersex", "other", "unknown"]
AllergySeverity = Literal["mild", "moderate", "severe", "life_threatening", "unknown"]
Severity = Annotated[int, Field(ge=0, le=10, description="0 (none) to 10 (worst imaginable).")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- profile


class ProfileUpdate(_Strict):
    """The whole profile; fields left out are cleared."""

    name: Short | None = None
    date_of_birth: PastDate | None = None
    sex: Sex | None = None
    conditions: list[Short] = Field(default_factory=list, max_length=100)


class ProfileRead(ProfileUpdate):
    updated_at: datetime | None = None


# --------------------------------------------------------------------------- medications


class Schedule(_Strict):
    times_per_day: int = Field(ge=1, le=24)
    times_of_day: list[TimeOfDay] = Field(
        default_factory=list, max_length=24, description="HH:MM, local time; optional.")

    @field_validator("times_of_day")
    @classmethod
    def _one_time_per_dose(cls, value: list[Any], info: ValidationInfo) -> list[Any]:
        # A field validator, so the error names `schedule.times_of_day` for the form.
        per_day = info.data.get("times_per_day")
        if value and per_day is not None and len(value) != per_day:
            raise ValueError("times_of_day must list one time per dose (times_per_day)")
        return value


class MedicationCreate(_Strict):
    name: Short
    dose: Short
    schedule: Schedule
    start_date: SaneDate
    end_date: SaneDate | None = None
    notes: Notes | None = None

    @field_validator("end_date")
    @classmethod
    def _dates_in_order(cls, value: Any, info: ValidationInfo) -> Any:
        start = info.data.get("start_date")
        if value is not None and start is not None and value < start:
            raise ValueError("end_date must not be before start_date")
        return value


class MedicationUpdate(_Strict):
    """Fields to change; `end_date` and `notes` may be set to null to clear them."""

    name: Short | None = None
    dose: Short | None = None
    schedule: Schedule | None = None
    start_date: SaneDate | None = None
    end_date: SaneDate | None = None
    notes: Notes | None = None


class MedicationRead(MedicationCreate):
    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


class MedicationPage(BaseModel):
    items: list[MedicationRead]
    total: int
    limit: int
    offset: int


# --------------------------------------------------------------------------- allergies


class AllergyCreate(_Strict):
    substance: Short
    reaction: Medium | None = None
    severity: AllergySeverity = "unknown"


class AllergyUpdate(_Strict):
    substance: Short | None = None
    reaction: Medium | None = None
    severity: AllergySeverity | None = None


class AllergyRead(AllergyCreate):
    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


class AllergyPage(BaseModel):
    items: list[AllergyRead]
    total: int
    limit: int
    offset: int


# --------------------------------------------------------------------------- symptoms


class SymptomCreate(_Strict):
    symptom: Short
    severity: Severity
    occurred_at: PastMoment
    notes: Notes | None = None


class SymptomUpdate(_Strict):
    symptom: Short | None = None
    severity: Severity | None = None
    occurred_at: PastMoment | None = None
    notes: Notes | None = None


class SymptomRead(SymptomCreate):
    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


class SymptomPage(BaseModel):
    items: list[SymptomRead]
    total: int
    limit: int
    offset: int


# --------------------------------------------------------------------------- consents


class ConsentUpdate(_Strict):
    """Switches to change; each change is time-stamped."""

    personalise_answers: bool | None = None
    use_for_training: bool | None = None


class ConsentRead(BaseModel):
    personalise_answers: bool = False
    personalise_answers_at: datetime | None = None
    use_for_training: bool = False
    use_for_training_at: datetime | None = None


# --------------------------------------------------------------------------- export


class ExportRead(BaseModel):
    """A started export: follow it at /api/v1/jobs/{job_id}, then download it."""

    job_id: uuid.UUID
    status: str
    download_url: str


class ErasureRead(BaseModel):
    erased: dict[str, int]


ExportDocument = dict[str, Any]
