"""Run long work off the UI thread while a progress dialog keeps the window alive."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

if TYPE_CHECKING:
    from desktop.storage.store import Store

T = TypeVar("T")


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], T],
                      store: Store | None = None) -> T:
    """Run ``work`` in a thread; the UI thread shows a busy bar and keeps painting.

    The result (or the exception) of ``work`` is handed back to the caller on the UI thread.
    ``store``: one the work may write to; its listeners (widgets, which only the UI thread may
    touch) hear of the changes on the UI thread, after the work.
    """
    with store.held_broadcasts() if store is not None else nullcontext():
        return _run(parent, label, work)


def _run(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # re-raised on the UI thread below
            outcome["error"] = exc

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # the work runs in one transaction: stopping halfway gains nothing
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    thread = threading.Thread(target=target, name="kumppani-work", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    timer.start()
    loop.exec()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
