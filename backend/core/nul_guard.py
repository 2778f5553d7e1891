"""Refuse U+0000 anywhere in a request: PostgreSQL text and JSON columns cannot hold it.

Without this, a NUL that SQLite stores happily makes PostgreSQL raise deep inside a commit (a
500 on one stack, 201 on the other). It runs as a route dependency right after the access
rule (see backend/auth/access.py), so a refused caller still gets 403 whatever it sent.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from backend.core.errors import AppError

MESSAGE = "Text must not contain the NUL character (U+0000)"


def contains_nul(value: Any) -> bool:
    """True if any string (or object key) inside decoded JSON holds U+0000."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _body_has_nul(body: bytes) -> bool:
    if b"\\u0000" not in body:  # the only way JSON spells NUL inside a string: cheap pre-check
        return False
    try:
        return contains_nul(json.loads(body))
    except ValueError:
        return False  # not JSON: the route's own parsing reports it


def _url_has_nul(request: Request) -> bool:
    scope = request.scope
    raw = bytes(scope.get("raw_path") or b"") + b"?" + bytes(scope.get("query_string") or b"")
    return b"%00" in raw.lower() or "\x00" in scope.get("path", "")


async def reject_nul(request: Request) -> None:
    """422 for NUL in the path, the query string or a JSON body."""
    if _url_has_nul(request):
        raise AppError(422, "validation_error", MESSAGE)
    # FastAPI has already read the body for the route's parameters; this is its cache.
    is_json = b"json" in request.headers.get("content-type", "").encode()
    if is_json and _body_has_nul(await request.body()):
        raise AppError(422, "validation_error", MESSAGE)
