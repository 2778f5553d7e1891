"""Benchmark: `lumen keys rotate` work (re-wrap data keys, re-encrypt account fields) on
PostgreSQL, for BENCH_PATIENTS patients, each with a data key and an encrypted email and name.

Run: `python -m tests.bench.record_rotation` (PostgreSQL at 127.0.0.1:5432).
"""

from __future__ import annotations

import asyncio
import base64
import os
import time
import uuid

from pydantic import SecretStr

from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.envelope import new_data_key, wrap_data_key
from backend.database import Database
from backend.migrate import upgrade
from backend.models import RecordKey, User
from backend.record.rotation import pending, rotate_keys
from tests.support import PG_ADMIN_URL, create_pg_database, drop_pg_database, in_thread

PATIENTS = int(os.environ.get("BENCH_PATIENTS", "5000"))
BATCH = int(os.environ.get("BENCH_BATCH", "500"))


async def fill(db: Database, settings: Settings) -> None:
    cipher = cipher_for(settings)
    ids = [uuid.uuid4() for _ in range(PATIENTS)]
    async with db.sessionmaker() as session:
        session.add_all([User(id=uid, email_encrypted=cipher.encrypt(f"p{i}@example.test",
                                                                      context="email"),
                              email_index=uuid.uuid4().hex, password_hash="x",
                              display_name_encrypted=cipher.encrypt(f"Patient {i}",
                                                                    context="display_name"))
                         for i, uid in enumerate(ids)])
        await session.flush()  # no ORM relationship orders the inserts: users first
        session.add_all([RecordKey(user_id=uid, version=1, wrapped_key=wrap_data_key(
            cipher, new_data_key(), owner=str(uid))) for uid in ids])
        await session.commit()


async def main() -> None:
    name = f"lumen_bench_rot_{uuid.uuid4().hex[:6]}"
    url = in_thread(create_pg_database, PG_ADMIN_URL, name)
    try:
        old = Settings(environment="test", secret_key="bench-secret-0123456789",
                       database_url=url)
        in_thread(upgrade, old.db_url)
        db = Database(old)
        await fill(db, old)
        v1 = base64.b64encode(cipher_for(old).keys[1]).decode()
        v2 = base64.b64encode(os.urandom(32)).decode()
        new = old.model_copy(update={"encryption_keys": SecretStr(f"1:{v1};2:{v2}")})
        rows = await pending(db, new)
        start = time.perf_counter()
        report = await rotate_keys(db, new, batch=BATCH)
        took = time.perf_counter() - start
        again = time.perf_counter()
        await rotate_keys(db, new, batch=BATCH)
        noop = time.perf_counter() - again
        await db.dispose()
        print(f"rotation on PostgreSQL: {PATIENTS} patients ({rows} rows: data keys + accounts), "
              f"batch {BATCH}: {took:.2f} s ({rows / took:.0f} rows/s); "
              f"data keys {report.data_keys}, columns {report.columns}; "
              f"second run (nothing to do): {noop * 1000:.0f} ms")
    finally:
        in_thread(drop_pg_database, PG_ADMIN_URL, name)


if __name__ == "__main__":
    asyncio.run(main())
