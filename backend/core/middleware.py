"""ASGI middleware: request IDs, access log and metrics, request body size limit."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.core.errors import AppError, error_response
from backend.core.logging import request_id_var
from backend.core.metrics import HTTP_LATENCY, HTTP_REQUESTS
from backend.core.routes import route_template

log = logging.getLogger("lumen.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestContextMiddleware:
    """Give every request an ID (or keep a sane incoming one), log it, and count it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(rid)
        status = 500
        start = time.perf_counter()

        started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            # A real bug: logged with its traceback and answered as a 500 carrying the
            # request ID, so a user's report can be matched to the log line.
            log.exception("unhandled error")
            if started:
                raise
            await error_response(500, "internal_error", "Internal server error",
                                 {"request_id": rid})(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - start
            # Label by route template, never the raw path, to bound metric cardinality.
            label = self._label(scope, status)
            method = scope.get("method", "?")
            HTTP_REQUESTS.labels(method, label, str(status)).inc()
            HTTP_LATENCY.labels(method, label).observe(elapsed)
            log.info(
                "request",
                extra={"method": method, "path": scope.get("path"), "status": status,
                       "duration_ms": round(elapsed * 1000, 2)},
            )
            request_id_var.reset(token)


    @staticmethod
    def _label(scope: Scope, status: int) -> str:
        path = scope.get("path", "")
        app = scope.get("app")
        if path.startswith("/api/") and app is not None:
            return route_template(app, path) or "unmatched"
        if path == "/metrics":
            return path
        return "ui" if status < 400 else "unmatched"


class BodySizeLimitMiddleware:
    """Reject bodies over the limit with 413, by header or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await error_response(400, "bad_request", "Invalid Content-Length")(
                    scope, receive, send)
                return
            if int(length) > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return
        received = 0
        exceeded = False
        replaced = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise AppError(413, "payload_too_large", self._message())
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal replaced
            # The framework may turn the aborted read into its own 400; the client gets our 413.
            if exceeded and message["type"] == "http.response.start" and not replaced:
                replaced = True
                await self._too_large()(scope, receive, send)
                return
            if replaced:
                return
            await send(message)

        await self.app(scope, limited_receive, guarded_send)

    def _message(self) -> str:
        return f"Request body exceeds {self.max_bytes} bytes"

    def _too_large(self) -> JSONResponse:
        return error_response(413, "payload_too_large", self._message())
