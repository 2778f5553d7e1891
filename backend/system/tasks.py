"""The self-check job: exercises database, data folder, broker delivery and progress."""

from __future__ import annotations

import asyncio
import os
import socket
import time
from typing import Any

from sqlalchemy import func, select

from backend.jobs.runner import JobContext, TransientJobError, job_task
from backend.models import Job
from backend.models.base import utcnow

CHECKS = ("database", "data_dir", "broker")


async def _check(name: str, ctx: JobContext) -> dict[str, Any]:
    start = time.perf_counter()
    if name == "database":
        async with ctx.db.sessionmaker() as session:
            jobs = await session.scalar(select(func.count()).select_from(Job))
        detail: Any = {"jobs_in_table": int(jobs or 0)}
    elif name == "data_dir":
        path = ctx.settings.data_dir / f".self-check-{os.getpid()}"
        path.write_text("ok")
        detail = {"writable": path.read_text() == "ok"}
        path.unlink()
    else:
        # The task arrived, so the broker works; the delay says how fast it delivered.
        first_start = ctx.started_at or utcnow()
        detail = {"queue_delay_ms": round((first_start - ctx.created_at).total_seconds() * 1000, 1)}
    return {"ok": True, "ms": round((time.perf_counter() - start) * 1000, 2), **detail}


@job_task("system.self_check")
async def self_check(ctx: JobContext) -> dict[str, Any]:
    """Run `steps` steps, cycling through the checks; resumes from its checkpoint."""
    steps = int(ctx.params.get("steps", 5))
    pause = float(ctx.params.get("step_seconds", 0.3))
    if ctx.attempt <= int(ctx.params.get("transient_failures", 0)):
        raise TransientJobError(f"simulated transient failure on attempt {ctx.attempt}")
    done: int = int(ctx.checkpoint.get("done", 0))
    results: dict[str, Any] = dict(ctx.checkpoint.get("checks", {}))
    resumed_from = done
    for step in range(done, steps):
        name = CHECKS[step % len(CHECKS)]
        results[name] = await _check(name, ctx)
        await asyncio.sleep(pause)
        done = step + 1
        await ctx.progress(100 * done / steps, f"Step {done}/{steps}: {name} ok",
                           checkpoint={"done": done, "checks": results})
    return {"checks": results, "steps": steps, "resumed_from_step": resumed_from,
            "attempt": ctx.attempt, "worker": socket.gethostname()}
