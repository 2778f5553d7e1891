"""Fixtures for patient-record tests: signed-in patients and valid bodies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from backend.models import Role
from tests.factories import TestUser, make_user


def medication_body(**overrides: Any) -> dict[str, Any]:
    body = {"name": "Metformin", "dose": "500 mg",
            "schedule": {"times_per_day": 2, "times_of_day": ["08:00", "20:00"]},
            "start_date": "2025-03-01", "notes": "with food"}
    return {**body, **overrides}


def allergy_body(**overrides: Any) -> dict[str, Any]:
    return {"substance": "Penicillin", "reaction": "hives", "severity": "moderate", **overrides}


def symptom_body(**overrides: Any) -> dict[str, Any]:
    when = (datetime.now(UTC) - timedelta(hours=2)).isoformat()
    return {"symptom": "headache", "severity": 4, "occurred_at": when, **overrides}


@pytest.fixture
async def patient(app: FastAPI) -> TestUser:
    return await make_user(app, Role.patient)


@pytest.fixture
async def other_patient(app: FastAPI) -> TestUser:
    return await make_user(app, Role.patient)


@pytest.fixture
async def pc(app: FastAPI, patient: TestUser) -> AsyncIterator[httpx.AsyncClient]:
    """A client signed in as `patient`."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                 headers=patient.headers) as c:
        yield c
