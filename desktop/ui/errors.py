"""What the user sees when a slot raises: a known error's message, or word of a bug (logged)."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, paths
from desktop.errors import KnownError
from desktop.i18n import _

log = logging.getLogger(__name__)


def _show(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    parent = QApplication.activeWindow()
    if isinstance(error, KnownError):
        QMessageBox.warning(parent, APP_NAME, str(error))
        return
    log.error("unexpected error", exc_info=(kind, error, trace))
    QMessageBox.critical(
        parent,
        APP_NAME,
        _("Something went wrong: {error}\n\nNothing was saved halfway. The details are in the log "
          "in {folder}.").format(error=error, folder=paths.log_dir()),
    )


def install_excepthook() -> None:
    """Qt swallows exceptions in slots after printing them; show them to the user instead
    (a Windows build has no console where a printed traceback could be seen)."""
    sys.excepthook = _show
