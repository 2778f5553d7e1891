"""The encrypted patient record: a wrapped data key per patient and the PHI rows it seals.

Every `*_encrypted` column holds `backend.core.envelope` ciphertext made with the patient's own
data key and bound to its table, column and row. Only what the app must filter or sort on
without decrypting stays in the clear: owner IDs, row timestamps, a symptom's `occurred_at`
(time filters) and the consent booleans (the training pipeline selects on them).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, UTCDateTime, utcnow


class RecordKey(Base):
    """A patient's data key, wrapped by a versioned master key (version inside the text)."""

    __tablename__ = "record_key"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    wrapped_key: Mapped[str] = mapped_column(Text)
    # Compare-and-swap counter: rotation re-wraps only the row it read.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PatientProfile(Base):
    __tablename__ = "patient_profile"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    name_encrypted: Mapped[str] = mapped_column(Text)
    date_of_birth_encrypted: Mapped[str] = mapped_column(Text)
    sex_encrypted: Mapped[str] = mapped_column(Text)
    conditions_encrypted: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Medication(Base):
    __tablename__ = "medication"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    name_encrypted: Mapped[str] = mapped_column(Text)
    dose_encrypted: Mapped[str] = mapped_column(Text)
    schedule_encrypted: Mapped[str] = mapped_column(Text)
    start_date_encrypted: Mapped[str] = mapped_column(Text)
    end_date_encrypted: Mapped[str] = mapped_column(Text)
    notes_encrypted: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Allergy(Base):
    __tablename__ = "allergy"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    substance_encrypted: Mapped[str] = mapped_column(Text)
    reaction_encrypted: Mapped[str] = mapped_column(Text)
    severity_encrypted: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SymptomEntry(Base):
    __tablename__ = "symptom_entry"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    symptom_encrypted: Mapped[str] = mapped_column(Text)
    severity_encrypted: Mapped[str] = mapped_column(Text)
    notes_encrypted: Mapped[str] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class RecordConsent(Base):
    """Consent switches; each timestamp says when that switch last changed."""

    __tablename__ = "record_consent"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    personalise_answers: Mapped[bool] = mapped_column(Boolean, default=False)
    personalise_answers_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    use_for_training: Mapped[bool] = mapped_column(Boolean, default=False)
    use_for_training_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
