"""The built UI is served at /, API paths stay JSON, and the committed OpenAPI file is fresh."""

from __future__ import annotations

import json

import httpx

from backend.main import create_app
from backend.openapi import openapi_document
from tests.support import REPO


async def test_static_ui_served_with_api_still_json(settings, tmp_path) -> None:
    ui = tmp_path / "out"
    (ui / "jobs").mkdir(parents=True)
    (ui / "index.html").write_text("<html>home</html>")
    (ui / "jobs" / "index.html").write_text("<html>jobs</html>")
    (ui / "404.html").write_text("<html>lost</html>")
    app = create_app(settings.model_copy(update={"ui_dir": ui}))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        assert (await c.get("/")).text == "<html>home</html>"
        jobs = await c.get("/jobs/", params={"id": "abc"})
        assert jobs.status_code == 200 and "jobs" in jobs.text
        lost = await c.get("/no/such/page")
        assert lost.status_code == 404 and "lost" in lost.text
        api = await c.get("/api/v1/no-such-route")
        assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
        assert (await c.get("/api/v1/health")).json()["status"] == "ok"
    await app.state.db.dispose()


def test_committed_openapi_schema_is_current() -> None:
    committed = json.loads((REPO / "frontend" / "openapi.json").read_text())
    assert committed == openapi_document(), (
        "frontend/openapi.json is stale: run `make openapi` and commit the result")
