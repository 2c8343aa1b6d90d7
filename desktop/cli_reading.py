"""What the export commands share: gathering the contents in one read of the database."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")


def read_database(args: argparse.Namespace, read: Callable[[Session], T]) -> T:
    """``read(session)`` on the database of ``args``, closed afterwards whatever happens."""
    from desktop.cli import _open

    store = _open(args)
    try:
        with store.read() as session:
            return read(session)
    finally:
        store.close()
