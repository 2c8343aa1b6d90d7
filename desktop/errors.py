"""Errors split as qutebrowser does: known conditions the user can act on, and bugs."""


class KnownError(Exception):
    """Something the user can understand and act on (bad input, newer database, disk full).

    The message is already translated and is shown as it is; no traceback.
    """


class NewerDatabaseError(KnownError):
    """The database was written by a newer version of Kumppani."""


class ValidationError(KnownError):
    """Input was rejected before anything was written."""
