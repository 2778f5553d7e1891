"""LUMEN backend: FastAPI app, domains, Celery worker, CLI."""

__version__ = "0.1.0"
