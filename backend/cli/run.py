"""Long-running processes: API server, worker, beat, and `up` which runs all three."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import typer


def serve(
    host: str = typer.Option("127.0.0.1", help="Bind address."),
    port: int = typer.Option(8000, help="Port."),
    reload: bool = typer.Option(False, help="Reload on code changes (development)."),
) -> None:
    """Run the API (and the built UI) with uvicorn."""
    import uvicorn

    from backend.config import load_settings

    settings = load_settings()
    if settings.is_sqlite:
        # The embedded database belongs to this one node, so bring it up to date here;
        # shared PostgreSQL is migrated explicitly (`lumen db upgrade`) before a release.
        from backend.drugs.seed import seed_sync
        from backend.migrate import upgrade

        upgrade(settings.db_url)
        seed_sync(settings)

    uvicorn.run("backend.main:create_app", factory=True, host=host, port=port, reload=reload,
                log_config=None, proxy_headers=True)


def worker(
    concurrency: int = typer.Option(0, help="Processes (0: from settings)."),
    pool: str = typer.Option("prefork", help="prefork, threads or solo."),
) -> None:
    """Run a Celery worker for LUMEN's jobs."""
    from backend.config import load_settings
    from backend.worker import QUEUE, celery_app

    n = concurrency or load_settings().worker_concurrency
    celery_app.worker_main(["worker", "-Q", QUEUE, "-c", str(n), "-P", pool, "--loglevel",
                            "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"])


def beat() -> None:
    """Run Celery beat, which schedules periodic work (job sweep)."""
    from backend.worker import celery_app

    celery_app.start(["beat", "--loglevel", "INFO"])


def up(
    host: str = typer.Option("127.0.0.1", help="Bind address."),
    port: int = typer.Option(8000, help="Port."),
) -> None:
    """Apply migrations, then run API + worker + beat until interrupted."""
    from backend.config import load_settings
    from backend.drugs.seed import seed_sync
    from backend.migrate import upgrade

    settings = load_settings()
    settings.ensure_dirs()
    upgrade(settings.db_url)
    seed_sync(settings)
    lumen = [sys.executable, "-m", "backend.cli.main"]
    procs = {
        "api": subprocess.Popen([*lumen, "serve", "--host", host, "--port", str(port)]),
        "worker": subprocess.Popen([*lumen, "worker"]),
        "beat": subprocess.Popen([*lumen, "beat"]),
    }
    typer.echo(f"LUMEN at http://{host}:{port}  (api docs: /api/docs; Ctrl-C stops)", err=True)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    code = 0
    try:
        while not stopping:
            for name, proc in procs.items():
                if proc.poll() is not None:
                    typer.echo(f"{name} exited with {proc.returncode}; stopping", err=True)
                    code, stopping = proc.returncode or 1, True
            time.sleep(0.5)
    finally:
        _terminate(list(procs.values()))
    raise typer.Exit(code)


def _terminate(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for proc in procs:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
