"""Attachments of agenda items: files copied into the store, kept once per content (SHA-256),
so the agenda does not point at a path that will vanish."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.attachments import read_attachment, stored_attachment
from desktop.services.meetings.common import ensure_unlocked, get_item
from desktop.services.records import live
from desktop.storage.models import Attachment, ItemAttachment
from desktop.storage.store import Store
from desktop.storage.tracking import Changes


@dataclass(frozen=True)
class AttachmentRow:
    link_id: uuid.UUID
    attachment_id: uuid.UUID
    filename: str
    size: int
    sha256: str


def attach_file(store: Store, item_id: uuid.UUID, path: Path) -> tuple[uuid.UUID, Changes]:
    """Copy a file into the store as an attachment of the item; returns the link's id."""
    path = Path(path)
    content = read_attachment(path)

    def apply(session: Session) -> uuid.UUID:
        item = get_item(session, item_id)
        ensure_unlocked(item.meeting)
        attachment = stored_attachment(session, path.name, content)
        links = _links(session, item.id)
        for link in links:
            if link.attachment_id == attachment.id:
                return link.id
        link = ItemAttachment(item_id=item.id, attachment_id=attachment.id,
                              position=1 + max((li.position for li in links), default=0))
        session.add(link)
        session.flush()
        return link.id

    return store.run_returning("attach file", apply)


def _links(session: Session, item_id: uuid.UUID) -> list[ItemAttachment]:
    return list(session.scalars(
        select(ItemAttachment)
        .where(ItemAttachment.item_id == item_id, ItemAttachment.deleted.is_(False))
        .order_by(ItemAttachment.position, ItemAttachment.created_at)
    ))


def item_attachments(session: Session, item_id: uuid.UUID) -> list[AttachmentRow]:
    rows = []
    for link in _links(session, item_id):
        attachment = session.get(Attachment, link.attachment_id)
        if attachment is not None and not attachment.deleted:
            rows.append(AttachmentRow(link.id, attachment.id, attachment.filename, attachment.size,
                                      attachment.sha256))
    return rows


def remove_attachment(store: Store, link_id: uuid.UUID) -> Changes:
    """Take a file off the item (the stored copy stays for other records that use it)."""

    def apply(session: Session) -> None:
        link = live(session, ItemAttachment, link_id, N_("The attachment is no longer on the item."))
        ensure_unlocked(get_item(session, link.item_id).meeting)
        link.deleted = True

    return store.run("remove attachment", apply)


def save_attachment(store: Store, attachment_id: uuid.UUID, target: Path) -> Path:
    """Write a stored attachment's content to ``target``."""
    with store.read() as session:
        attachment = live(session, Attachment, attachment_id, N_("The attachment no longer exists."))
        content = attachment.content
    try:
        Path(target).write_bytes(content)
    except OSError as exc:
        raise ValidationError(_("Cannot write {name}: {reason}").format(
            name=Path(target).name, reason=exc.strerror)) from exc
    return Path(target)
