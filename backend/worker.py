"""Celery application built from Settings: queues, broker choice, beat schedule."""

from __future__ import annotations

import os
import threading
from datetime import timedelta
from typing import Any

from celery import Celery
from celery.signals import setup_logging, worker_process_init

from backend.config import Settings, load_settings

TASK_MODULES = ["backend.jobs.tasks", "backend.system.tasks", "backend.record.tasks"]
QUEUE = "lumen"


def make_celery(settings: Settings) -> Celery:
    """A Celery app for this configuration (Redis in production, a SQLite file broker embedded)."""
    settings.ensure_dirs()
    app = Celery("lumen", broker=settings.broker_url, backend=settings.result_backend,
                 include=TASK_MODULES)
    transport: dict[str, Any] = {}
    if settings.redis_url:
        # Unacked messages come back after this long if a worker dies holding them.
        transport["visibility_timeout"] = 3600
    else:
        transport["polling_interval"] = settings.broker_poll_seconds
    app.conf.update(
        task_default_queue=QUEUE,
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        task_ignore_result=True,  # job state lives in the jobs table, not the result backend
        task_acks_late=True,  # a task killed mid-run is delivered again (tasks are idempotent)
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
        broker_transport_options=transport,
        worker_hijack_root_logger=False,
        beat_schedule={
            "jobs-sweep": {
                "task": "jobs.sweep",
                "schedule": timedelta(seconds=settings.sweep_interval_seconds),
            },
            "record-export-sweep": {"task": "record.sweep_exports",
                                    "schedule": timedelta(hours=1)},
        },
        beat_schedule_filename=str(settings.data_dir / "celerybeat-schedule"),
        timezone="UTC",
    )
    return app


_apps: dict[str, Celery] = {}
_lock = threading.Lock()


def celery_for(settings: Settings) -> Celery:
    """One producer app per broker URL (the API and tests may use several configurations)."""
    with _lock:
        app = _apps.get(settings.broker_url)
        if app is None:
            app = _apps[settings.broker_url] = make_celery(settings)
        return app


def send_task(settings: Settings, name: str, args: tuple[Any, ...]) -> None:
    """Publish a task by name to the configured broker (blocking; call from a thread)."""
    celery_for(settings).send_task(name, args=list(args), queue=QUEUE)


@setup_logging.connect
def _logging(**_: Any) -> None:
    from backend.core.logging import configure_logging

    settings = load_settings()
    configure_logging(settings.log_level, settings.log_json)


@worker_process_init.connect
def _fresh_process(**_: Any) -> None:
    # Forked pool children must not reuse the parent's database connections.
    from backend.jobs import runner

    runner.reset_worker_db()
    os.environ.setdefault("LUMEN_WORKER_PROCESS", "1")


# The app the `celery -A backend.worker` command and `lumen worker` run.
celery_app = make_celery(load_settings())
_apps.setdefault(load_settings().broker_url, celery_app)
