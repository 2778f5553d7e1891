"""All ORM models, imported here so Alembic and the app see one metadata."""

from backend.models.audit import AuditEvent
from backend.models.base import Base
from backend.models.drug import Drug, DrugName, SeedState
from backend.models.job import ACTIVE_STATUSES, FINISHED_STATUSES, Job, JobStatus
from backend.models.pharma import (
    DocumentSignature,
    PharmaDocument,
    PharmaDocumentVersion,
    SignatureMeaning,
    VersionStatus,
)
from backend.models.user import (
    ApiKey,
    BreakGlassGrant,
    PasswordResetToken,
    RefreshToken,
    Role,
    User,
)

__all__ = ["ACTIVE_STATUSES", "FINISHED_STATUSES", "ApiKey", "AuditEvent", "Base",
           "BreakGlassGrant", "DocumentSignature", "Drug", "DrugName", "Job", "JobStatus",
           "PasswordResetToken", "PharmaDocument", "PharmaDocumentVersion", "RefreshToken",
           "Role", "SeedState", "SignatureMeaning", "User", "VersionStatus"]
