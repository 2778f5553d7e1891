"""Field encryption (AES-256-GCM, key version inside every ciphertext) and blind indexes.

Ciphertext format: ``v<version>:<base64(nonce || ciphertext+tag)>``. The version lets old rows
stay readable while new writes use the newest key; re-encryption to a new key is a batch job
(the patient-record feature adds envelope keys and rotation on top of this).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from backend.config import Settings


class CryptoError(Exception):
    """A ciphertext that cannot be read: unknown key version, tampering or wrong format."""


def _derive(secret: str, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"lumen", info=info.encode()).derive(
        secret.encode())


class FieldCipher:
    """Encrypts and decrypts text fields with versioned AES-256-GCM keys."""

    def __init__(self, keys: dict[int, bytes], index_key: bytes) -> None:
        if not keys:
            raise CryptoError("no encryption keys configured")
        for version, key in keys.items():
            if len(key) != 32:
                raise CryptoError(f"key v{version} must be 32 bytes")
        self.keys = keys
        self.active = max(keys)
        self._index_key = index_key

    def encrypt(self, plaintext: str, *, context: str = "") -> str:
        """Encrypt with the newest key; context binds the value to its field (AAD)."""
        nonce = os.urandom(12)
        sealed = AESGCM(self.keys[self.active]).encrypt(nonce, plaintext.encode(), context.encode())
        return f"v{self.active}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, token: str, *, context: str = "") -> str:
        version_text, sep, body = token.partition(":")
        if not sep or not version_text.startswith("v") or not version_text[1:].isdigit():
            raise CryptoError("not a LUMEN ciphertext")
        key = self.keys.get(int(version_text[1:]))
        if key is None:
            raise CryptoError(f"unknown key version {version_text}")
        try:
            raw = base64.urlsafe_b64decode(body)
            return AESGCM(key).decrypt(raw[:12], raw[12:], context.encode()).decode()
        except Exception as exc:  # InvalidTag, bad base64: both mean unreadable
            raise CryptoError("ciphertext could not be decrypted") from exc

    def version_of(self, token: str) -> int:
        return int(token.split(":", 1)[0][1:])

    def blind_index(self, value: str, *, purpose: str) -> str:
        """Keyed hash for exact look-ups (e.g. login by email) without storing plaintext."""
        normalised = value.strip().lower()
        return hmac.new(self._index_key, f"{purpose}\x00{normalised}".encode(),
                        hashlib.sha256).hexdigest()


def parse_keys(spec: str) -> dict[int, bytes]:
    """'1:BASE64;2:BASE64' → {1: key, 2: key}."""
    keys: dict[int, bytes] = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        version, sep, b64 = part.partition(":")
        if not sep or not version.isdigit():
            raise CryptoError("encryption_keys must look like '1:BASE64;2:BASE64'")
        keys[int(version)] = base64.b64decode(b64)
    return keys


@lru_cache(maxsize=8)
def _cipher(secret: str, keys_spec: str | None) -> FieldCipher:
    keys = parse_keys(keys_spec) if keys_spec else {1: _derive(secret, "lumen-field-key-v1")}
    return FieldCipher(keys, _derive(secret, "lumen-blind-index"))


def cipher_for(settings: Settings) -> FieldCipher:
    """The field cipher for these settings (cached)."""
    spec = settings.encryption_keys.get_secret_value() if settings.encryption_keys else None
    return _cipher(settings.secret_key.get_secret_value(), spec)
