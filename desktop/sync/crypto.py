"""Optional passphrase encryption of a bundle in the age format (https://age-encryption.org).

pyrage does the work with age's scrypt recipient, so the standard ``age -d`` command decrypts a
bundle too. Nothing here is hand-made cryptography: only the choice of recipient.
"""

from __future__ import annotations

import pyrage

from desktop.sync.errors import DamagedBundleError, WrongPassphraseError

# Every age file starts with this line.
AGE_HEADER = b"age-encryption.org/v1\n"


def is_encrypted(data: bytes) -> bool:
    return data.startswith(AGE_HEADER)


def encrypt(data: bytes, passphrase: str) -> bytes:
    return pyrage.passphrase.encrypt(data, passphrase)


def decrypt(data: bytes, passphrase: str, name: str) -> bytes:
    try:
        return pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError as exc:
        # age reports a key that does not fit as "Decryption failed" (or, for a file encrypted
        # to a key rather than a passphrase, "No matching keys found"); every other failure is
        # about the file itself (a header or body cut short).
        if str(exc) in ("Decryption failed", "No matching keys found"):
            raise WrongPassphraseError(name) from exc
        raise DamagedBundleError(name) from exc
