"""All ORM models, imported here so Alembic and the app see one metadata."""

from backend.models.audit import AuditEvent
from backend.models.base import Base
from backend.models.drug import Drug, DrugName, SeedState
from backend.models.job import ACTIVE_STATUSES, FINISHED_STATUSES, Job, JobStatus
from backend.models.pharma import (
    DocumentRejection,
    DocumentSignature,
    PharmaDocument,
    PharmaDocumentVersion,
    SignatureMeaning,
    VersionStatus,
)
from backend.models.record import (
    Allergy,
    Medication,
    PatientProfile,
    RecordConsent,
    RecordKey,
    SymptomEntry,
)
from backend.models.user import (
    ApiKey,
    BreakGlassGrant,
    PasswordResetToken,
    RefreshToken,
    Role,
    User,
)

__all__ = ["ACTIVE_STATUSES", "FINISHED_STATUSES", "Allergy", "ApiKey", "AuditEvent", "Base",
           "BreakGlassGrant", "DocumentRejection", "DocumentSignature", "Drug", "DrugName", "Job",
           "JobStatus", "Medication", "PasswordResetToken", "PatientProfile", "PharmaDocument",
           "PharmaDocumentVersion", "RecordConsent", "RecordKey", "RefreshToken", "Role",
           "SeedState", "SignatureMeaning", "SymptomEntry", "User", "VersionStatus"]
