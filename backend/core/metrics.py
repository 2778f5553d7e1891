"""Prometheus metrics: HTTP requests and latency, jobs created, jobs by state."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

HTTP_REQUESTS = Counter(
    "lumen_http_requests_total",
    "HTTP requests handled",
    ["method", "route", "status"],
    registry=REGISTRY,
)
HTTP_LATENCY = Histogram(
    "lumen_http_request_duration_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=REGISTRY,
)
JOBS_CREATED = Counter(
    "lumen_jobs_created_total", "Jobs created through the API", ["type"], registry=REGISTRY
)
JOBS_BY_STATUS = Gauge(
    "lumen_jobs", "Jobs in the database by type and status", ["type", "status"], registry=REGISTRY
)
