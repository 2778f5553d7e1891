"""FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from backend import __version__
from backend.config import Settings, load_settings
from backend.core.cache import make_cache
from backend.core.errors import ERROR_RESPONSES, AppError, NotFound, install_error_handlers
from backend.core.logging import configure_logging
from backend.core.metrics import REGISTRY
from backend.core.middleware import BodySizeLimitMiddleware, RequestContextMiddleware
from backend.core.ratelimit import make_rate_limiter
from backend.core.routes import methods_for
from backend.database import Database

API_PREFIX = "/api/v1"


def api_router() -> APIRouter:
    """All versioned API routes; domains add their routers here."""
    from backend.admin.router import router as admin_router
    from backend.audit.router import router as audit_router
    from backend.auth.router import router as auth_router
    from backend.drugs.router import router as drugs_router
    from backend.interactions.router import router as interactions_router
    from backend.jobs.router import router as jobs_router
    from backend.pharma.router import router as pharma_router
    from backend.record.router import router as record_router
    from backend.system.router import router as system_router

    router = APIRouter(prefix=API_PREFIX, responses=ERROR_RESPONSES)
    for domain in (system_router, auth_router, admin_router, audit_router, jobs_router,
                   drugs_router, interactions_router, pharma_router, record_router):
        router.include_router(domain)

    @router.api_route("/{path:path}", include_in_schema=False,
                      methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    async def unknown_api_route(request: Request, path: str) -> None:
        # Without this, unknown API paths would fall through to the UI's HTML 404 page.
        allowed = methods_for(request.app, request.url.path)
        if allowed:
            raise AppError(405, "method_not_allowed", "Method not allowed",
                           {"allowed": sorted(allowed)})
        raise NotFound(f"Route /{path}")

    return router


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for these settings (the environment's when None)."""
    settings = settings or load_settings()
    configure_logging(settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await app.state.cache.close()
        await app.state.rate_limiter.close()
        await app.state.db.dispose()

    app = FastAPI(
        title="LUMEN API", version=__version__, lifespan=lifespan,
        docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json",
        description="Grounded medical and pharmaceutical AI. Not medical advice.",
    )
    app.state.settings = settings
    app.state.db = Database(settings)
    app.state.cache = make_cache(settings.redis_url)
    app.state.rate_limiter = make_rate_limiter(settings.redis_url)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware)
    app.include_router(api_router())

    @app.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        from backend.jobs.service import refresh_job_gauge

        async with request.app.state.db.sessionmaker() as session:
            await refresh_job_gauge(session)
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    if settings.ui_dir.is_dir():
        # Mounted last so API routes win; html=True serves index.html and the UI's 404 page.
        app.mount("/", StaticFiles(directory=settings.ui_dir, html=True), name="ui")
    return app
