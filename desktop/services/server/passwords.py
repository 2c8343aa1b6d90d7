"""A server's password in the operating system's keyring (never in a settings file).

The key is the server's URL without the password, always with the psycopg driver's scheme, so
that ``postgresql://`` and ``postgresql+psycopg://`` find the same entry. ``keyring`` is
imported on first use: looking for its backends costs a cold start that needs none.
"""

from __future__ import annotations

import logging

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.services.server.locations import display_url

SERVICE = "Kumppani"

log = logging.getLogger(__name__)


def key(location: str) -> str:
    return display_url(location)


def stored_password(location: str) -> str | None:
    """The keyring's password for the server, or None (none kept, or no keyring at all)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, key(location))
    except KeyringError as exc:  # no keyring on this system, or it is locked: ask instead
        log.info("no password from the keyring: %s", exc)
        return None


def remember_password(location: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, key(location), password)
    except KeyringError as exc:
        raise KnownError(_("The password could not be kept in the keyring: {reason}").format(
            reason=exc)) from exc


def forget_password(location: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, key(location))
    except PasswordDeleteError:
        pass  # none was kept
    except KeyringError as exc:
        log.info("could not remove the password from the keyring: %s", exc)
