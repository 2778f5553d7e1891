"""The embedded broker: kombu's SQLAlchemy transport on a SQLite file, tuned for two processes.

kombu passes every transport option to `create_engine`, so its poll interval cannot be set
through the stock transport; this subclass strips it and turns on WAL so the API (producer)
and the worker (consumer) do not block each other.
"""

from __future__ import annotations

from typing import Any

from kombu.transport import TRANSPORT_ALIASES
from kombu.transport import sqlalchemy as kombu_sqla
from sqlalchemy import create_engine, event

SCHEME = "lumenfile"
_NOT_ENGINE_OPTIONS = (
    "queue_tablename", "message_tablename", "callback", "errback", "max_retries",
    "interval_start", "interval_step", "interval_max", "retry_errors", "polling_interval",
)


def _pragmas(dbapi_conn: Any, _: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


class Channel(kombu_sqla.Channel):
    def _engine_from_config(self) -> Any:
        conninfo = self.connection.client
        options = {k: v for k, v in conninfo.transport_options.items()
                   if k not in _NOT_ENGINE_OPTIONS}
        engine = create_engine(conninfo.hostname, **options)
        if conninfo.hostname.startswith("sqlite"):
            event.listen(engine, "connect", _pragmas)
        return engine


class Transport(kombu_sqla.Transport):
    Channel = Channel


def broker_url(path: str) -> str:
    """Broker URL for a SQLite file at path."""
    return f"{SCHEME}+sqlite:///{path}"


TRANSPORT_ALIASES[SCHEME] = "backend.core.filebroker:Transport"
