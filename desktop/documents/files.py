"""Writing documents safely: the target is either the old file or the complete new one."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop.errors import KnownError
from desktop.i18n import N_, _

_CANNOT_WRITE = N_("Cannot write {path}: {reason}")
_NO_FOLDER = N_("the folder {folder} does not exist")
_NO_PERMISSION = N_("permission denied")
_NOT_PDF_OR_XLSX = N_("Cannot export to {name}: the file name must end in .pdf or .xlsx.")
# What Windows, macOS or a line break would not take in a file name.
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\n\r\t]+')


def safe_file_name(text: str) -> str:
    """``text`` as the stem of a file name on any system: unsafe runs become ``-``."""
    return _UNSAFE_IN_NAME.sub("-", text).strip()


def _reason(exc: OSError, target: Path) -> str:
    if isinstance(exc, FileNotFoundError) and not target.parent.is_dir():
        return _(_NO_FOLDER).format(folder=target.parent)
    if isinstance(exc, PermissionError):
        return _(_NO_PERMISSION)
    return exc.strerror or str(exc)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it and a rename, so the
    target is either the old file or the complete new one. Raises ``KnownError``."""
    target = Path(target)
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fp:
            fp.write(data)
            fp.flush()
            os.fsync(fp.fileno())
        # mkstemp creates the file private (0600); give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise KnownError(_(_CANNOT_WRITE).format(path=target, reason=_reason(exc, target))) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def check_pdf_or_xlsx(target: Path) -> None:
    """Raise ``KnownError`` unless the file name ends in .pdf or .xlsx (checked before the work
    of gathering the contents)."""
    if Path(target).suffix.lower() not in (".pdf", ".xlsx"):
        raise KnownError(_(_NOT_PDF_OR_XLSX).format(name=Path(target).name))


def write_pdf_or_xlsx(target: Path, pdf: Callable[[Path], None], xlsx: Callable[[Path], None]) -> None:
    """Call the writer the extension of ``target`` asks for; ``KnownError`` for another one."""
    target = Path(target)
    check_pdf_or_xlsx(target)
    (pdf if target.suffix.lower() == ".pdf" else xlsx)(target)
