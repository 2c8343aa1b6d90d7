"""Files kept in the store itself, once per content (by SHA-256), whatever they are attached to."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.storage.models import Attachment

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def read_attachment(path: Path) -> bytes:
    """The file's bytes, read before the operation starts; a clear error when it cannot be."""
    try:
        if path.stat().st_size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("{name} is larger than 50 MB.").format(name=path.name))
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(_("Cannot read {name}: {reason}").format(
            name=path.name, reason=exc.strerror)) from exc


def stored_attachment(session: Session, filename: str, content: bytes) -> Attachment:
    """The store's copy of ``content``: the existing one with the same hash, or a new one."""
    digest = hashlib.sha256(content).hexdigest()
    existing = session.scalars(
        select(Attachment).where(Attachment.sha256 == digest, Attachment.deleted.is_(False))
    ).first()
    if existing is not None:
        return existing
    attachment = Attachment(
        sha256=digest, filename=filename, size=len(content), content=content,
        media_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
    )
    session.add(attachment)
    session.flush()
    return attachment
