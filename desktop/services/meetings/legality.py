"""The legality block of minutes: each checker's check, public display, the notice of the
decisions and the rectification instructions with their deadline (the notice + 14 days), and a
body's own settings for them (its default kind of record, appeal authority, instruction texts).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate_in
from desktop.i18n.formatting import format_date
from desktop.services.meetings.common import (
    clean,
    ensure_unlocked,
    get_body,
    get_meeting,
    kind_of,
)
from desktop.services.meetings.template import (
    TEXT_JOINER,
    appeal_days,
    default_appeal_text,
    languages_of,
)
from desktop.services.records import Seen, merged_values
from desktop.storage.models import Body, Meeting
from desktop.storage.models.enums import RecordKind
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

APPEAL_LANGUAGES = ("fi", "sv", "en")


def appeal_deadline(notice_date: dt.date | None) -> dt.date | None:
    """The last day of a request for rectification: 14 days from the notice of the decision."""
    return notice_date + dt.timedelta(days=appeal_days()) if notice_date else None


def authority_of(body: Body, language: str) -> str:
    """To whom a request is made: the body's own setting, else the body itself (the usual case
    for a body's decisions)."""
    return clean(body.appeal_authority) or body.display_name("sv" if language == "sv" else "fi")


def instructions(body: Body, language: str) -> str:
    """The body's rectification instructions in one language, unfilled ({authority}, {deadline})."""
    own = (body.appeal_texts or {}).get(language, "")
    return own if clean(own) else default_appeal_text(language)


def appeal_text(body: Body, language: str, deadline: dt.date | None) -> str:
    """The instructions as the minutes print them, in the document's language (both, one after
    the other, for fi+sv), with the authority and the deadline filled in."""
    parts = []
    for code in languages_of(language):
        code = code if code in APPEAL_LANGUAGES else "fi"
        day = format_date(deadline, code) if deadline else translate_in(
            code, N_("14 days after the notice of the decision"))
        text = (instructions(body, code).replace("{authority}", authority_of(body, code))
                .replace("{deadline}", day).replace("{days}", str(appeal_days())))
        if text not in parts:
            parts.append(text)
    return TEXT_JOINER.join(parts)


def _stated_texts(body: Body) -> dict[str, str]:
    """The instructions in each language as their editor shows them (the shipped text until
    the body has its own)."""
    return {code: instructions(body, code) for code in APPEAL_LANGUAGES}


def appeal_texts_seen(session: Session, body_id: uuid.UUID) -> Seen:
    """The instructions as their editor starts from, to hand back to
    :func:`update_body_records`: one field per language."""
    body = get_body(session, body_id)
    return Seen(body.row_version, _stated_texts(body))


def update_body_records(
    store: Store, body_id: uuid.UUID, *, record_kind: str | None = None,
    appeal_authority: str | None = None, appeal_texts: dict[str, str] | None = None,
    start: Seen | None = None,
) -> Changes:
    """A body's default kind of record, appeal authority and instruction texts; a text left
    empty or equal to the shipped one follows the shipped one.

    Texts edited from ``start`` (:func:`appeal_texts_seen`) keep another user's text in a
    language this edit left as it was, or raise ``EditConflict`` for a language both changed."""
    if record_kind is not None and record_kind not in tuple(RecordKind):
        raise ValidationError(_("A body records a memo or minutes, not {kind}.").format(kind=record_kind))

    def apply(session: Session) -> None:
        body = get_body(session, body_id)
        if record_kind is not None and body.record_kind != record_kind:
            body.record_kind = record_kind
        if appeal_authority is not None and body.appeal_authority != clean(appeal_authority):
            body.appeal_authority = clean(appeal_authority)
        texts = appeal_texts
        if texts is not None and start is not None:
            texts = merged_values(session, body, _stated_texts(body), texts, start)
        if texts is not None:
            kept = {code: text.strip() for code, text in texts.items()
                    if code in APPEAL_LANGUAGES and text.strip()
                    and text.strip() != default_appeal_text(code).strip()}
            if dict(body.appeal_texts or {}) != kept:
                body.appeal_texts = kept

    return store.run("edit body", apply)


# -- checks ------------------------------------------------------------------------------


def checks(meeting: Meeting) -> list[tuple[str, dt.date]]:
    """(checker, date) of the checkers who have checked, in the order of the checkers."""
    found = {c["name"].casefold(): dt.date.fromisoformat(c["on"]) for c in meeting.checks or []}
    return [(name, found[name.casefold()]) for name in meeting.minute_checkers
            if name.casefold() in found]


def record_check(store: Store, meeting_id: uuid.UUID, name: str, on: dt.date | None = None) -> Changes:
    """A minute checker has checked the minutes (on ``on``, by default today)."""
    day = on or dt.date.today()

    def apply(session: Session) -> None:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        if kind_of(meeting) != RecordKind.MINUTES:
            raise ValidationError(_("A memo has no minute checkers."))
        checker = next((n for n in meeting.minute_checkers if n.casefold() == clean(name).casefold()), None)
        if checker is None:
            raise ValidationError(_("{name} is not a minute checker of this meeting.").format(name=name))
        if day < meeting.date:
            raise ValidationError(_("Minutes cannot be checked before the meeting."))
        kept = [c for c in meeting.checks or [] if c["name"].casefold() != checker.casefold()]
        meeting.checks = [*kept, {"name": checker, "on": day.isoformat()}]

    return store.run("minute checkers", apply)


def clear_check(store: Store, meeting_id: uuid.UUID, name: str) -> Changes:
    def apply(session: Session) -> None:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        kept = [c for c in meeting.checks or [] if c["name"].casefold() != clean(name).casefold()]
        if kept != list(meeting.checks or []):
            meeting.checks = kept

    return store.run("minute checkers", apply)
