"""Route templates of the API, from its OpenAPI document (a public view of nested routers)."""

from __future__ import annotations

import re
from typing import Any

from starlette.routing import compile_path

Table = list[tuple[re.Pattern[str], str, set[str]]]


def _table(app: Any) -> Table:
    table: Table | None = getattr(app.state, "route_table", None)
    if table is None:
        table = [(compile_path(path)[0], path, {m.upper() for m in ops})
                 for path, ops in app.openapi()["paths"].items()]
        app.state.route_table = table
    return table


def route_template(app: Any, path: str) -> str | None:
    """The documented template (e.g. /api/v1/jobs/{job_id}) a concrete path belongs to."""
    for regex, template, _ in _table(app):
        if regex.match(path):
            return template
    return None


def methods_for(app: Any, path: str) -> set[str]:
    """Methods the API documents for this path."""
    allowed: set[str] = set()
    for regex, _, methods in _table(app):
        if regex.match(path):
            allowed |= methods
    return allowed
