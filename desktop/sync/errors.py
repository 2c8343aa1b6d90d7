"""Why a bundle is refused: one class and one message per reason, all before the database.

Each message names the file and says what the officer can do; the database is unchanged.
"""

from __future__ import annotations

from desktop.errors import KnownError
from desktop.i18n import _, ngettext


class BundleError(KnownError):
    """A bundle was refused whole; nothing was written."""


class NotABundleError(BundleError):
    def __init__(self, name: str) -> None:
        super().__init__(_("{name} is not a Kumppani sync file.").format(name=name))


class DamagedBundleError(BundleError):
    def __init__(self, name: str) -> None:
        super().__init__(_(
            "{name} is incomplete or damaged (cut short while copying?). "
            "Ask for the file again."
        ).format(name=name))


class UnsafeMemberError(BundleError):
    def __init__(self, name: str, member: str) -> None:
        super().__init__(_(
            "{name} was refused: it contains a file named '{member}' that would be written "
            "outside its folder."
        ).format(name=name, member=member))


class UnexpectedMemberError(BundleError):
    def __init__(self, name: str, member: str) -> None:
        super().__init__(_(
            "{name} was refused: it contains '{member}', which a Kumppani sync file does not have."
        ).format(name=name, member=member))


class OversizedBundleError(BundleError):
    def __init__(self, name: str, limit_mib: int) -> None:
        super().__init__(_(
            "{name} was refused: it unpacks to more than {limit} MiB."
        ).format(name=name, limit=limit_mib))


class ZipBombError(BundleError):
    def __init__(self, name: str, member: str) -> None:
        super().__init__(_(
            "{name} was refused: '{member}' is packed far more tightly than real data "
            "(a zip bomb?)."
        ).format(name=name, member=member))


class ChecksumMismatchError(BundleError):
    def __init__(self, name: str, member: str) -> None:
        super().__init__(_(
            "{name} was refused: the checksum of '{member}' does not match its manifest, "
            "so the file has been altered or damaged."
        ).format(name=name, member=member))


class MalformedBundleError(BundleError):
    def __init__(self, name: str, where: str, reason: str) -> None:
        super().__init__(_(
            "{name} was refused: {where}: {reason}"
        ).format(name=name, where=where, reason=reason))


class NewerBundleError(BundleError):
    def __init__(self, name: str, version: str) -> None:
        super().__init__(_(
            "{name} was made by a newer version of Kumppani (data version {version}). "
            "Update Kumppani to import it."
        ).format(name=name, version=version))


class UnsupportedBundleError(BundleError):
    def __init__(self, name: str, version: str) -> None:
        super().__init__(_(
            "{name} is in an old sync format ({version}) that this version of Kumppani no "
            "longer reads. Ask for a new export."
        ).format(name=name, version=version))


class EncryptedBundleError(BundleError):
    def __init__(self, name: str) -> None:
        super().__init__(_(
            "{name} is encrypted: give the passphrase it was exported with."
        ).format(name=name))


class WrongPassphraseError(BundleError):
    def __init__(self, name: str) -> None:
        super().__init__(_(
            "The passphrase does not open {name}. Check it with the sender."
        ).format(name=name))


class OwnBundleError(BundleError):
    def __init__(self, name: str) -> None:
        super().__init__(_(
            "{name} was exported from this copy of the database (or from a copy of this very "
            "database file), so there is nothing to import from it."
        ).format(name=name))


class MissingReferencesError(BundleError):
    def __init__(self, name: str, count: int, sender: str) -> None:
        super().__init__(ngettext(
            "{name} refers to {count} record that this copy does not have. "
            "Ask {sender} for a full export.",
            "{name} refers to {count} records that this copy does not have. "
            "Ask {sender} for a full export.",
            count,
        ).format(name=name, count=count, sender=sender))
