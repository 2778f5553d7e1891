"""Error body, validation, unknown routes, oversize bodies, request IDs, real 500s."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI


def assert_error(resp: httpx.Response, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


async def test_unknown_api_route_is_json_404(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/api/v1/does-not-exist"), 404, "not_found")
    assert_error(await client.post("/api/v1/nope/deeper", json={}), 404, "not_found")


async def test_unknown_path_without_ui_is_json_404(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/no-such-page"), 404, "not_found")


async def test_wrong_method_is_405(client: httpx.AsyncClient) -> None:
    assert_error(await client.delete("/api/v1/health"), 405, "method_not_allowed")


async def test_validation_error_has_field_details_and_no_input_echo(
    client: httpx.AsyncClient,
) -> None:
    secret = "PATIENT-NAME-Jane-Doe"
    resp = await client.post("/api/v1/jobs", json={"type": 5, "params": secret})
    err = assert_error(resp, 422, "validation_error")
    locs = [tuple(d["loc"]) for d in err["details"]]
    assert ("body", "type") in locs and ("body", "params") in locs
    assert secret not in resp.text


@pytest.mark.parametrize(
    "body",
    [b"{", b"not json", b'{"type": "system.self_check",}', b"\xff\xfe\x00", b"[]", b"null",
     b'"\\ud800"', b"{" * 5000],
)
async def test_malformed_json_is_a_clear_4xx(client: httpx.AsyncClient, body: bytes) -> None:
    resp = await client.post("/api/v1/jobs", content=body,
                             headers={"content-type": "application/json"})
    if resp.status_code == 400:  # bytes that are not even text
        assert_error(resp, 400, "bad_request")
    else:
        assert_error(resp, 422, "validation_error")


async def test_bad_path_parameter_is_422(client: httpx.AsyncClient) -> None:
    err = assert_error(await client.get("/api/v1/jobs/not-a-uuid"), 422, "validation_error")
    assert err["details"][0]["loc"] == ["path", "job_id"]


async def test_oversize_body_rejected_by_content_length(
    client: httpx.AsyncClient, settings
) -> None:
    big = b"x" * (settings.max_body_bytes + 1)
    resp = await client.post("/api/v1/jobs", content=big,
                             headers={"content-type": "application/json"})
    assert_error(resp, 413, "payload_too_large")


async def test_oversize_streamed_body_rejected(client: httpx.AsyncClient, settings) -> None:
    async def chunks():
        for _ in range(settings.max_body_bytes // 65536 + 2):
            yield b"a" * 65536

    resp = await client.post("/api/v1/jobs", content=chunks(),
                             headers={"content-type": "application/json"})
    assert_error(resp, 413, "payload_too_large")


async def test_invalid_content_length_is_400(app: FastAPI) -> None:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/v1/jobs", "raw_path": b"/api/v1/jobs",
             "query_string": b"", "headers": [(b"content-length", b"12abc"),
                                              (b"content-type", b"application/json")],
             "http_version": "1.1", "scheme": "http", "server": ("t", 80), "client": ("c", 1),
             "root_path": ""}
    await app(scope, receive, send)
    assert sent[0]["status"] == 400


async def test_request_id_is_returned_and_kept_when_sane(client: httpx.AsyncClient) -> None:
    resp = await client.get("/api/v1/health", headers={"x-request-id": "abc-123"})
    assert resp.headers["x-request-id"] == "abc-123"
    resp = await client.get("/api/v1/health", headers={"x-request-id": "bad id\n<script>"})
    assert resp.headers["x-request-id"] != "bad id\n<script>"
    assert len(resp.headers["x-request-id"]) == 32


async def test_real_bug_is_a_500_with_error_body(app: FastAPI, client: httpx.AsyncClient) -> None:
    @app.get("/api/v1/_test_boom")
    async def boom() -> None:
        raise RuntimeError("bug")

    # Move the test route ahead of the catch-all unknown-route handler.
    app.router.routes.insert(0, app.router.routes.pop())
    resp = await client.get("/api/v1/_test_boom")
    err = assert_error(resp, 500, "internal_error")
    assert err["details"]["request_id"] == resp.headers["x-request-id"]
    assert "bug" not in err["message"]


async def test_openapi_and_docs_served(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/openapi.json")).json()
    assert "/api/v1/jobs" in schema["paths"]
    docs = await client.get("/api/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
