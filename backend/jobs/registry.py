"""Job types that can be started through the API, each with its own params schema."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

ParamsModel = type[BaseModel]


@dataclass(frozen=True)
class JobType:
    """A kind of job: the Celery task that runs it and the params it accepts."""

    type: str
    title: str
    description: str
    params: ParamsModel
    task: str
    roles: tuple[str, ...] = ("admin",)  # who may start it through the API


_TYPES: dict[str, JobType] = {}


def register(job_type: JobType) -> JobType:
    """Declare a job type; domains call this when imported."""
    _TYPES[job_type.type] = job_type
    return job_type


def get(type_name: str) -> JobType | None:
    _load_domains()
    return _TYPES.get(type_name)


def all_types() -> list[JobType]:
    _load_domains()
    return sorted(_TYPES.values(), key=lambda t: t.type)


def _load_domains() -> None:
    # Domain job types live with their domains; importing them registers them.
    import backend.system.jobs  # noqa: F401
