"""Envelope encryption: a random data key per owner seals fields; a master key wraps the data key.

- Data key: 32 random bytes per patient. Fields are sealed with AES-256-GCM under it; the
  associated data names table, column and row, so a ciphertext copied to another field or row
  (or another patient's row) does not decrypt.
- Wrapped key: the data key sealed by the `FieldCipher` master keys (`LUMEN_ENCRYPTION_KEYS`),
  format ``v<master version>:…``, bound to its owner. Rotating the master key re-wraps the
  data keys only; the fields stay as they are.
- Crypto-shredding: deleting the wrapped key makes every field (and export) of that owner
  unreadable, wherever copies of the ciphertext went (backups included).

Sealed field format: ``e1:<base64url(nonce || ciphertext+tag)>`` (``e1`` names this format).
"""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from backend.core.crypto import CryptoError, FieldCipher

FORMAT = "e1"
DATA_KEY_BYTES = 32


def new_data_key() -> bytes:
    """A fresh random data key."""
    return os.urandom(DATA_KEY_BYTES)


def _key_context(owner: str) -> str:
    return f"record_key:{owner}"


def wrap_data_key(master: FieldCipher, data_key: bytes, *, owner: str) -> str:
    """Seal a data key with the newest master key; the version is inside the result."""
    if len(data_key) != DATA_KEY_BYTES:
        raise CryptoError("data keys are 32 bytes")
    return master.encrypt(base64.b64encode(data_key).decode(), context=_key_context(owner))


def unwrap_data_key(master: FieldCipher, wrapped: str, *, owner: str) -> bytes:
    """The data key inside a wrapped key (any master version still configured)."""
    key = base64.b64decode(master.decrypt(wrapped, context=_key_context(owner)))
    if len(key) != DATA_KEY_BYTES:
        raise CryptoError("wrapped data key has the wrong length")
    return key


def rewrap_data_key(master: FieldCipher, wrapped: str, *, owner: str) -> str | None:
    """The same data key wrapped by the newest master key, or None when it already is."""
    if master.version_of(wrapped) == master.active:
        return None
    return wrap_data_key(master, unwrap_data_key(master, wrapped, owner=owner), owner=owner)


def field_context(table: str, column: str, row_id: object) -> str:
    """Associated data binding a sealed value to its table, column and row."""
    return f"{table}/{column}/{row_id}"


class DataKeyCipher:
    """Seals and opens one owner's values with that owner's data key."""

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != DATA_KEY_BYTES:
            raise CryptoError("data keys are 32 bytes")
        self._aead = AESGCM(data_key)

    def seal(self, plaintext: bytes, *, context: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, plaintext, context.encode())
        return f"{FORMAT}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def open(self, token: str, *, context: str) -> bytes:
        prefix, sep, body = token.partition(":")
        if prefix != FORMAT or not sep:
            raise CryptoError("not a sealed record value")
        try:
            raw = base64.urlsafe_b64decode(body)
            return self._aead.decrypt(raw[:12], raw[12:], context.encode())
        except Exception as exc:  # InvalidTag, bad base64: both mean unreadable
            raise CryptoError("sealed value could not be opened") from exc
