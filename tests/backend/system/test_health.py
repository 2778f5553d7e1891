from __future__ import annotations

import httpx

from backend.main import create_app


async def test_health_reports_database_and_broker(client: httpx.AsyncClient, stack: str) -> None:
    resp = await client.get("/api/v1/health")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["database"]["detail"] == stack.split("-")[0]
    assert body["checks"]["broker"]["status"] == "ok"
    assert body["checks"]["vector_store"]["status"] == "not_configured"
    assert body["checks"]["model"]["status"] == "not_configured"


async def test_health_is_503_when_broker_unreachable(settings) -> None:
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    app = create_app(broken)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        resp = await c.get("/api/v1/health")
    await app.state.db.dispose()
    assert resp.status_code == 503
    body = resp.json()
    assert body["status"] == "degraded"
    assert body["checks"]["broker"]["status"] == "error"
    assert body["checks"]["database"]["status"] == "ok"


async def test_health_reports_a_database_without_schema(settings, tmp_path) -> None:
    empty = settings.model_copy(update={
        "database_url": f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite'}"})
    app = create_app(empty)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://t") as c:
        resp = await c.get("/api/v1/health")
    await app.state.db.dispose()
    assert resp.status_code == 503
    db = resp.json()["checks"]["database"]
    assert db["status"] == "error" and "lumen db upgrade" in db["detail"]


async def test_openapi_documents_the_error_body(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/openapi.json")).json()
    op = schema["paths"]["/api/v1/jobs/{job_id}"]["get"]["responses"]
    assert op["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert op["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert "HTTPValidationError" not in schema["components"]["schemas"]
