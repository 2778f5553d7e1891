"""Metrics at /metrics and JSON logs carrying request and job IDs."""

from __future__ import annotations

import io
import json
import logging

import httpx
import pytest

from backend.core.logging import JsonFormatter, job_id_var
from tests.support import isolated_broker


@pytest.fixture
def settings(settings, tmp_path):
    """No worker consumes this broker, so job states stay where the test put them."""
    return isolated_broker(settings, tmp_path)


async def test_metrics_count_requests_by_route_and_jobs_by_status(
    client: httpx.AsyncClient,
) -> None:
    await client.post("/api/v1/jobs", json={"type": "system.self_check"})
    job = (await client.post("/api/v1/jobs", json={"type": "system.self_check"})).json()
    await client.post(f"/api/v1/jobs/{job['id']}/cancel")
    await client.get(f"/api/v1/jobs/{job['id']}")
    await client.get("/api/v1/missing/thing")
    resp = await client.get("/metrics")
    assert resp.status_code == 200
    text = resp.text
    assert 'lumen_jobs{status="queued",type="system.self_check"} 1.0' in text
    assert 'lumen_jobs{status="cancelled",type="system.self_check"} 1.0' in text
    # Route templates, never raw IDs, label the request metrics.
    assert 'route="/api/v1/jobs/{job_id}"' in text
    assert job["id"] not in text
    assert "lumen_http_request_duration_seconds_bucket" in text
    assert 'lumen_jobs_created_total{type="system.self_check"}' in text


def _capture() -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("lumen.access")
    logger.addHandler(handler)
    return logger, stream


async def test_access_log_is_json_with_request_id(client: httpx.AsyncClient) -> None:
    logger, stream = _capture()
    try:
        resp = await client.get("/api/v1/health", headers={"x-request-id": "req-42"})
    finally:
        logger.handlers.pop()
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    entry = next(e for e in lines if e["msg"] == "request")
    assert entry["request_id"] == "req-42" == resp.headers["x-request-id"]
    assert entry["status"] == 200 and entry["path"] == "/api/v1/health"
    assert entry["level"] == "INFO" and "ts" in entry and "duration_ms" in entry


def test_job_logs_carry_job_id_and_exceptions() -> None:
    logger = logging.getLogger("lumen.test")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    token = job_id_var.set("job-7")
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("failed", extra={"attempt": 2})
    finally:
        job_id_var.reset(token)
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["job_id"] == "job-7" and entry["attempt"] == 2
    assert "ValueError: boom" in entry["exc"]
