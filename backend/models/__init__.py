"""All ORM models, imported here so Alembic and the app see one metadata."""

from backend.models.audit import AuditEvent
from backend.models.base import Base
from backend.models.job import ACTIVE_STATUSES, FINISHED_STATUSES, Job, JobStatus
from backend.models.user import (
    ApiKey,
    BreakGlassGrant,
    PasswordResetToken,
    RefreshToken,
    Role,
    User,
)

__all__ = ["ACTIVE_STATUSES", "FINISHED_STATUSES", "ApiKey", "AuditEvent", "Base",
           "BreakGlassGrant", "Job", "JobStatus", "PasswordResetToken", "RefreshToken", "Role",
           "User"]
