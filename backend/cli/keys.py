"""`lumen keys …`: master-key rotation for the encrypted patient record and account fields."""

from __future__ import annotations

import asyncio

import typer

keys_app = typer.Typer(help="Encryption keys.", no_args_is_help=True)


@keys_app.command("rotate")
def rotate(batch: int = typer.Option(500, min=1, max=10_000, help="Rows per transaction.")) -> None:
    """Re-wrap every data key (and re-encrypt account fields) to the newest master key.

    Add the new key to LUMEN_ENCRYPTION_KEYS (highest version encrypts) and restart the app
    first; keep the old versions until this has finished. Safe to run while the app serves
    requests, resumable after an interruption, and a no-op when everything is current.
    """
    from rich.progress import Progress

    from backend.config import load_settings
    from backend.database import Database
    from backend.record.rotation import RotationReport, rotate_keys

    async def run() -> RotationReport:
        settings = load_settings()
        db = Database(settings)
        try:
            with Progress(transient=True) as bar:
                task = bar.add_task("re-wrapping keys", total=None)

                def show(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=max(total, 1))

                return await rotate_keys(db, settings, batch=batch, on_progress=show)
        finally:
            await db.dispose()

    report = asyncio.run(run())
    columns = ", ".join(f"{k} {v}" for k, v in sorted(report.columns.items())) or "none"
    typer.echo(f"master key v{report.active_version}: {report.data_keys} data keys re-wrapped; "
               f"re-encrypted rows: {columns}; concurrent changes retried: {report.conflicts}")
