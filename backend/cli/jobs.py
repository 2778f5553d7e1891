"""`lumen jobs`: start, watch, list and cancel jobs from the shell."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import typer

app = typer.Typer(help="Background jobs.", no_args_is_help=True)


def _parse_params(pairs: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"expected key=value, got {pair!r}")
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


@app.command("start")
def start(
    job_type: str = typer.Argument(..., help="Job type, e.g. system.self_check."),
    param: list[str] = typer.Option([], "--param", "-p", help="key=value (JSON values)."),
    wait: bool = typer.Option(True, help="Show a progress bar until the job ends."),
) -> None:
    """Start a job (a worker must be running) and follow its progress."""
    job_id = asyncio.run(_start(job_type, _parse_params(param)))
    typer.echo(f"job {job_id}")
    if wait:
        status = asyncio.run(_follow(job_id))
        raise typer.Exit(0 if status == "succeeded" else 1)


async def _start(job_type: str, params: dict[str, Any]) -> uuid.UUID:
    from backend.config import load_settings
    from backend.core.errors import AppError
    from backend.database import AFTER_COMMIT, Database, send_pending
    from backend.jobs import service
    from backend.jobs.schemas import JobCreate

    settings = load_settings()
    db = Database(settings)
    try:
        async with db.sessionmaker() as session:
            try:
                job = await service.start_job(
                    session, data=JobCreate(type=job_type, params=params), principal=None)
            except AppError as exc:
                raise typer.BadParameter(f"{exc.message}: {exc.details}") from None
            await session.commit()
            pending = session.info.pop(AFTER_COMMIT, [])
        await send_pending(settings, pending)
        return job.id
    finally:
        await db.dispose()


async def _follow(job_id: uuid.UUID) -> str:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from backend.config import load_settings
    from backend.database import Database
    from backend.jobs.repository import JobRepository
    from backend.models import FINISHED_STATUSES

    db = Database(load_settings())
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(),
                      TextColumn("{task.percentage:>3.0f}%"), TimeElapsedColumn()) as bar:
            task = bar.add_task("queued", total=100)
            while True:
                async with db.sessionmaker() as session:
                    job = await JobRepository(session).get(job_id)
                assert job is not None
                bar.update(task, completed=job.progress,
                           description=f"{job.status.value}: {job.message or ''}"[:60])
                if job.status in FINISHED_STATUSES:
                    break
                await asyncio.sleep(0.3)
        if job.error:
            typer.echo(f"error: {job.error}", err=True)
        elif job.result is not None:
            typer.echo(json.dumps(job.result, indent=2))
        return job.status.value
    finally:
        await db.dispose()


@app.command("list")
def list_jobs(limit: int = typer.Option(20, min=1, max=200)) -> None:
    """List recent jobs."""

    async def run() -> None:
        from backend.config import load_settings
        from backend.database import Database
        from backend.jobs import service

        db = Database(load_settings())
        async with db.sessionmaker() as session:
            page = await service.list_jobs(session, status=None, type=None, created_by=None,
                                           limit=limit, offset=0)
        await db.dispose()
        for job in page.items:
            typer.echo(f"{job.id}  {job.type:<24} {job.status.value:<10} {job.progress:>3}%  "
                       f"{job.created_at:%Y-%m-%d %H:%M:%S}")

    asyncio.run(run())


@app.command("cancel")
def cancel(job_id: uuid.UUID) -> None:
    """Ask a job to stop."""

    async def run() -> str:
        from backend.config import load_settings
        from backend.core.errors import AppError
        from backend.database import Database
        from backend.jobs import service

        db = Database(load_settings())
        try:
            async with db.sessionmaker() as session:
                job = await service.cancel_job(session, job_id=job_id)
                await session.commit()
                return job.status.value
        except AppError as exc:
            raise typer.BadParameter(exc.message) from None
        finally:
            await db.dispose()

    typer.echo(asyncio.run(run()))
