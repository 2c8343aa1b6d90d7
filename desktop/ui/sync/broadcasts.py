"""Store changes made in a worker thread, announced on the UI thread once the work is done.

The store tells its listeners in the thread that wrote; the pages are widgets, which only the UI
thread may touch. An import runs in a worker (see ``desktop.ui.worker``), so its changes are
held and passed on afterwards, all at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from desktop.storage.store import Store
from desktop.storage.tracking import Changes

log = logging.getLogger(__name__)


@contextmanager
def held_broadcasts(store: Store) -> Iterator[Changes]:
    # The store keeps no public list of its listeners; they are borrowed and given back.
    listeners: list[Callable[[Changes], None]] = list(store._listeners)  # noqa: SLF001
    held = Changes()
    for listener in listeners:
        store.unsubscribe(listener)
    store.subscribe(held.merge)
    try:
        yield held
    finally:
        store.unsubscribe(held.merge)
        for listener in listeners:
            store.subscribe(listener)
        if held:
            for listener in listeners:
                try:
                    listener(held)
                except Exception:  # as the store does: the import itself has succeeded
                    log.exception("a change listener failed")
