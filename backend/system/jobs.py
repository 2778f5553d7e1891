"""Job types of the system domain."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from backend.jobs.registry import JobType, register


class SelfCheckParams(BaseModel):
    """How long the self-check runs; the failure knob exercises the retry path on purpose."""

    model_config = ConfigDict(extra="forbid")

    steps: int = Field(5, ge=1, le=100, description="Number of progress steps.")
    step_seconds: float = Field(0.3, ge=0, le=10, description="Pause per step, to watch progress.")
    transient_failures: int = Field(
        0, ge=0, le=3, description="Fail this many first attempts with a transient error."
    )


SELF_CHECK = register(
    JobType(
        type="system.self_check",
        title="Self-check",
        description="Checks the database, data folder and broker from a worker, "
        "reporting progress step by step.",
        params=SelfCheckParams,
        task="system.self_check",
    )
)
