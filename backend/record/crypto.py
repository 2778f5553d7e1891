"""A patient's vault: their unwrapped data key, sealing and opening whole rows of PHI."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.config import Settings
from backend.core.crypto import cipher_for
from backend.core.envelope import (
    DataKeyCipher,
    field_context,
    new_data_key,
    unwrap_data_key,
    wrap_data_key,
)
from backend.models import Allergy, Medication, PatientProfile, SymptomEntry
from backend.record.repository import KeyRepository

# The PHI fields of each table; each is stored as `<field>_encrypted`.
SEALED_FIELDS: dict[type[Any], tuple[str, ...]] = {
    PatientProfile: ("name", "date_of_birth", "sex", "conditions"),
    Medication: ("name", "dose", "schedule", "start_date", "end_date", "notes"),
    Allergy: ("substance", "reaction", "severity"),
    SymptomEntry: ("symptom", "severity", "notes"),
}


class Vault:
    """Seals values as JSON (null included, so absence is not visible) bound to their cell."""

    def __init__(self, user_id: uuid.UUID, data_key: bytes) -> None:
        self.user_id = user_id
        self._cipher = DataKeyCipher(data_key)

    def seal(self, context: str, value: Any) -> str:
        return self._cipher.seal(json.dumps(value).encode(), context=context)

    def open(self, context: str, token: str) -> Any:
        return json.loads(self._cipher.open(token, context=context))

    def seal_row(self, row: Any, row_id: object, values: dict[str, Any]) -> None:
        """Write the given (JSON-mode) field values into the row's sealed columns."""
        table = row.__tablename__
        for name in SEALED_FIELDS[type(row)]:
            if name in values:
                column = f"{name}_encrypted"
                setattr(row, column, self.seal(field_context(table, column, row_id),
                                               values[name]))

    def open_row(self, row: Any, row_id: object) -> dict[str, Any]:
        table = row.__tablename__
        out: dict[str, Any] = {}
        for name in SEALED_FIELDS[type(row)]:
            column = f"{name}_encrypted"
            out[name] = self.open(field_context(table, column, row_id), getattr(row, column))
        return out


async def load_vault(
    session: AsyncSession, settings: Settings, user_id: uuid.UUID, *, create: bool
) -> Vault | None:
    """The patient's vault; a new data key is made on first write (None: no key, no create)."""
    master = cipher_for(settings)
    repo = KeyRepository(session)
    row = await repo.get(user_id)
    if row is None:
        if not create:
            return None
        data_key = new_data_key()
        wrapped = wrap_data_key(master, data_key, owner=str(user_id))
        row = await repo.add_if_absent(user_id, wrapped)
        if row.wrapped_key == wrapped:
            return Vault(user_id, data_key)
        # A concurrent first write of the same patient won: use its key.
    return Vault(user_id, unwrap_data_key(master, row.wrapped_key, owner=str(user_id)))
