"""All ORM models, imported here so Alembic and the app see one metadata."""

from backend.models.base import Base
from backend.models.job import ACTIVE_STATUSES, FINISHED_STATUSES, Job, JobStatus

__all__ = ["ACTIVE_STATUSES", "FINISHED_STATUSES", "Base", "Job", "JobStatus"]
