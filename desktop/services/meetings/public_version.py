"""The public version of minutes, for publishing on the web (kuntalaki 140 §: minutes are public,
personal data minimised).

From a :class:`MeetingDocument` it makes a redacted copy and a list of every removal, so that the
secretary sees what goes before exporting. Removed:

* names of private persons: contact persons of the register and attendees who are not members
  or officials of the body (experts, guests), wherever they are written — the attendance, the
  items' texts, action owners, attachment names. Finnish inflects the last name of a full name
  (*Pekka Yksityisen*), so a name is found by its first names and the stem of its last name;
  the reversed order (*Yksityinen Pekka*) of lists is found too;
* e-mail addresses, phone numbers (+358 …, 040 123 4567, (09) 123 4567 …) and personal identity
  codes (candidates checked with ``stdnum.fi.hetu``, so a number that only looks like one stays);
* the contents of confidential items: only their title and the legal basis remain.

Kept: the names of the body's members and deputies (in term on the meeting's date), the chair,
the secretary, the minute checkers and the items' presenters, and contact persons of public
partners (municipalities, the county's units …), who act as officials. The rectification
instructions and the place of public display stay as they are: their addresses are the body's
own, for the public to use. A name the register does not know cannot be found; the preview says
so.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stdnum.fi import hetu

from desktop.i18n import N_, _, translate_in
from desktop.services.meeting_document import (
    DocAction,
    DocAttendee,
    DocDisqualification,
    DocItem,
    DocProposal,
    DocVote,
    MeetingDocument,
)
from desktop.storage.models.enums import Presence

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.storage.store import Store

# The markers put in place of what was removed, in the document's language(s).
NAME_MARK = N_("[name removed]")
EMAIL_MARK = N_("[e-mail removed]")
PHONE_MARK = N_("[phone number removed]")
ID_MARK = N_("[identity code removed]")

# Why, as the preview shows it (in the user's language).
WHY_NAME = N_("Name of a private person (not a member or official of the body)")
WHY_EMAIL = N_("E-mail address")
WHY_PHONE = N_("Phone number")
WHY_ID = N_("Personal identity code")
WHY_CONFIDENTIAL = N_("Confidential item ({basis}): only its title and the legal basis are published")
WITHHELD = N_("The contents of the item")
UNKNOWN_NAMES = N_(
    "Names the register does not know (of persons who are neither contact persons nor attendees) "
    "cannot be found: read the texts before publishing."
)

# Where, as the preview shows it.
ATTENDANCE = N_("Attendance")
TITLE = N_("Title")
PRESENTER = N_("Presenter")
BACKGROUND = N_("Background")
PROPOSAL = N_("Proposal")
DISCUSSION = N_("Discussion")
DECISION = N_("Decision text")
AMENDMENT = N_("Amendment")
VOTES = N_("Voting")
DISQUALIFICATION = N_("Disqualification")
DISSENTS = N_("Dissenting opinions")
ACTIONS = N_("Action items")
WORKSHOP = N_("Workshop results")
ATTACHMENTS = N_("Attachments")
CORRECTIONS = N_("Corrections after approval")
MEETING = N_("Meeting details")

NAME, EMAIL, PHONE, IDENTITY_CODE, CONFIDENTIAL = "name", "email", "phone", "identity_code", "confidential"
_WHY = {NAME: WHY_NAME, EMAIL: WHY_EMAIL, PHONE: WHY_PHONE, IDENTITY_CODE: WHY_ID}
_MARK = {NAME: NAME_MARK, EMAIL: EMAIL_MARK, PHONE: PHONE_MARK, IDENTITY_CODE: ID_MARK}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IDENTITY_CODE = re.compile(r"(?<![\w-])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?!\w)", re.IGNORECASE)
# A Finnish number, national (0 + area or operator code) or international (+358 / 00358, with
# or without the trunk zero in brackets), then 5–8 digits in groups.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)358[\s-]?(?:\(0\)[\s-]?)?|\(?0)[1-9]\d{0,2}\)?(?:[\s-]?\d){5,8}(?!\w)"
)
_BUSINESS_ID = re.compile(r"\d{7}-\d")  # 0123456-7 reads like a phone number but is not one
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NAME_GAP = re.compile(r"[\s_.]+")  # between the words of a name, in a text or a file name
_SHOWN = 120  # characters of a withheld item's text the preview shows
_MAX_ENDING = 6  # letters an inflected last name may add to its stem (Yksityi|selle)


@dataclass(frozen=True)
class Removal:
    section: int | None  # the item's §, None for the meeting's own details and the attendance
    where: str  # the field, in the user's language
    what: str  # the text removed
    why: str  # in the user's language
    kind: str  # name, email, phone, identity_code, confidential


@dataclass(frozen=True)
class PublicVersion:
    document: MeetingDocument
    removals: tuple[Removal, ...]
    note: str = ""  # what the preview should remind the user of

    def removed(self, kind: str) -> list[Removal]:
        return [r for r in self.removals if r.kind == kind]


def _key(name: str) -> tuple[str, ...]:
    return tuple(name.split())


def _stem(last: str) -> str:
    """The part of a Finnish last name its inflected forms keep: Mäki|nen → Mäki|sen, Lain|e →
    Lain|een; a name ending in a consonant keeps it whole (Öhman|in)."""
    if last.endswith("nen") and len(last) > 5:
        return last[:-3]
    if last[-1:].lower() in "aeiouyäöå" and len(last) > 4:
        return last[:-1]
    return last


class _Names:
    """The private persons' names to look for, by their first word (a text is read once)."""

    def __init__(self, private: Iterable[str], keep: Iterable[str]) -> None:
        self.keep = {_key(name) for name in keep if len(_key(name)) >= 2}
        self.by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for name in {_key(name) for name in private}:
            if len(name) >= 2 and name not in self.keep:
                self.by_first[name[0]].append(name)
                self.by_first[name[-1]].append((name[-1], *name[:-1]))  # Yksityinen Pekka
        for names in self.by_first.values():
            names.sort(key=len, reverse=True)

    def is_private(self, name: str) -> bool:
        key = _key(name)
        return len(key) >= 2 and key not in self.keep and key in self.by_first.get(key[0], ())

    def spans(self, text: str) -> list[tuple[int, int]]:
        words = list(_WORD.finditer(text))
        found: list[tuple[int, int]] = []
        index = 0
        while index < len(words):
            end = self._match_at(text, words, index)
            if end:
                found.append((words[index].start(), words[end - 1].end()))
                index = end
            else:
                index += 1
        return found

    def _match_at(self, text: str, words: list[re.Match[str]], index: int) -> int:
        for name in self.by_first.get(words[index].group(), ()):
            end = index + len(name)
            if end > len(words):
                continue
            if not all(_NAME_GAP.fullmatch(text[words[i - 1].end():words[i].start()])
                       for i in range(index + 1, end)):
                continue
            seen = tuple(w.group() for w in words[index:end])
            last, stem = seen[-1], _stem(name[-1])
            inflected = last == name[-1] or (
                last.startswith(stem) and len(last) - len(stem) <= _MAX_ENDING)
            if seen[:-1] == name[:-1] and inflected and seen not in self.keep:
                return end
        return 0


def _mark(kind: str, language: str) -> str:
    texts: list[str] = []
    for lang in language.split("+"):
        text = translate_in(lang, _MARK[kind])
        if text not in texts:
            texts.append(text)
    return " / ".join(texts)


class _Redactor:
    def __init__(self, names: _Names, language: str) -> None:
        self.names = names
        self.language = language
        self.removals: list[Removal] = []

    def _note(self, section: int | None, where: str, what: str, kind: str) -> None:
        self.removals.append(Removal(section, _(where), what, _(_WHY[kind]), kind))

    def text(self, value: str, section: int | None, where: str) -> str:
        """``value`` with every identity code, e-mail address, phone number and private name
        replaced by its marker, each noted."""
        if not value:
            return value
        spans: list[tuple[int, int, str]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e, _kind in spans)

        for match in _IDENTITY_CODE.finditer(value):
            if hetu.is_valid(match.group()):
                spans.append((match.start(), match.end(), IDENTITY_CODE))
        for match in _EMAIL.finditer(value):
            if free(match.start(), match.end()):
                spans.append((match.start(), match.end(), EMAIL))
        for match in _PHONE.finditer(value):
            if free(match.start(), match.end()) and not _BUSINESS_ID.fullmatch(match.group()):
                spans.append((match.start(), match.end(), PHONE))
        for start, end in self.names.spans(value):
            if free(start, end):
                spans.append((start, end, NAME))
        if not spans:
            return value
        parts: list[str] = []
        position = 0
        for start, end, kind in sorted(spans):
            self._note(section, where, value[start:end], kind)
            parts += [value[position:start], _mark(kind, self.language)]
            position = end
        return "".join(parts) + value[position:]

    def name(self, value: str, section: int | None, where: str) -> str:
        """A field holding one person's name: the marker when the person is private."""
        if self.names.is_private(value):
            self._note(section, where, value, NAME)
            return _mark(NAME, self.language)
        return self.text(value, section, where)

    def texts(self, values: Iterable[str], section: int | None, where: str) -> tuple[str, ...]:
        return tuple(self.text(v, section, where) for v in values)


def _attendee(r: _Redactor, person: DocAttendee) -> DocAttendee:
    return dataclasses.replace(
        person, name=r.name(person.name, None, ATTENDANCE),
        deputy_for=r.name(person.deputy_for, None, ATTENDANCE),
    )  # fmt: skip


def _vote(r: _Redactor, vote: DocVote | None, section: int) -> DocVote | None:
    if vote is None:
        return None
    return DocVote(
        proposals=tuple(DocProposal(text=r.text(p.text, section, VOTES),
                                    proposer=r.name(p.proposer, section, VOTES),
                                    seconder=r.name(p.seconder, section, VOTES), votes=p.votes)
                        for p in vote.proposals),
        roll_call=tuple((r.name(name, section, VOTES), choice) for name, choice in vote.roll_call),
        result=r.text(vote.result, section, VOTES),
    )  # fmt: skip


def _withheld(r: _Redactor, item: DocItem) -> DocItem:
    """A confidential item: its title (redacted as any) and the legal basis, nothing more."""
    why = _(WHY_CONFIDENTIAL).format(basis=item.confidential_basis)
    contents = " ".join(" ".join((item.background, item.proposal, item.discussion, item.decision)).split())
    what = contents if len(contents) <= _SHOWN else contents[: _SHOWN - 1] + "…"
    r.removals.append(Removal(item.section, _(WITHHELD), what, why, CONFIDENTIAL))
    return DocItem(section=item.section, title=r.text(item.title, item.section, TITLE),
                   item_type=item.item_type, presenter=r.name(item.presenter, item.section, PRESENTER),
                   appealable=item.appealable,
                   confidential_basis=item.confidential_basis, postponed_from=item.postponed_from)


def _item(r: _Redactor, item: DocItem) -> DocItem:
    if item.confidential_basis.strip():
        return _withheld(r, item)
    n = item.section
    text: Callable[[str, str], str] = lambda value, where: r.text(value, n, where)  # noqa: E731
    return dataclasses.replace(
        item,
        title=text(item.title, TITLE),
        presenter=r.name(item.presenter, n, PRESENTER),
        background=text(item.background, BACKGROUND),
        proposal=text(item.proposal, PROPOSAL),
        attachments=r.texts(item.attachments, n, ATTACHMENTS),
        discussion=text(item.discussion, DISCUSSION),
        decision=text(item.decision, DECISION),
        votes=text(item.votes, VOTES),
        dissents=r.texts(item.dissents, n, DISSENTS),
        actions=tuple(DocAction(what=text(a.what, ACTIONS), owner=r.name(a.owner, n, ACTIONS),
                                deadline=a.deadline, status=a.status) for a in item.actions),
        workshop=tuple(dataclasses.replace(p, group=text(p.group, WORKSHOP), point=text(p.point, WORKSHOP),
                                           justification=text(p.justification, WORKSHOP))
                       for p in item.workshop),
        corrections=r.texts(item.corrections, n, CORRECTIONS),
        amendment=text(item.amendment, AMENDMENT),
        vote=_vote(r, item.vote, n),
        disqualified=tuple(DocDisqualification(name=r.name(d.name, n, DISQUALIFICATION),
                                               reason=text(d.reason, DISQUALIFICATION),
                                               left_room=d.left_room)
                           for d in item.disqualified),
    )  # fmt: skip


def redact(
    doc: MeetingDocument, private: Iterable[str], members: Iterable[str] | None = None
) -> PublicVersion:
    """The public version of ``doc``: the names in ``private`` and of the attendees who are
    not ``members`` (when not given: the attendees other than experts) removed, unless they
    are members, chair, secretary, checkers or presenters; e-mail addresses, phone numbers and
    identity codes removed; confidential items reduced to their title and basis."""
    if members is None:
        members = [person.name for person in doc.attendees if person.presence != Presence.EXPERT]
    keep = set(members) | {doc.chair, doc.secretary, *doc.minute_checkers,
                           *(name for name, _on in doc.checked)}
    keep |= {item.presenter for item in doc.items}
    outsiders = {person.name for person in doc.attendees if person.name not in keep}
    r = _Redactor(_Names([*private, *outsiders], keep), doc.language)
    public = dataclasses.replace(
        doc,
        place=r.text(doc.place, None, MEETING),
        attendees=tuple(_attendee(r, person) for person in doc.attendees),
        items=tuple(_item(r, item) for item in doc.items),
        corrections=r.texts(doc.corrections, None, CORRECTIONS),
        organiser_email="",  # never printed in the minutes; not carried into a published file
        attendee_emails=(),
    )
    return PublicVersion(public, tuple(r.removals), _(UNKNOWN_NAMES))


def known_names(session: Session, doc: MeetingDocument) -> tuple[set[str], set[str]]:
    """(private, members): the register's contact persons, and the body's members and deputies in
    term on the meeting's date with the contact persons of public partners, who are officials."""
    from sqlalchemy import select

    from desktop.services.meetings import bodies
    from desktop.services.meetings.common import get_meeting
    from desktop.storage.models import ContactPerson, Organisation, Representation
    from desktop.storage.models.enums import OrganisationKind

    meeting = get_meeting(session, doc.meeting_id)
    keep: set[str] = set()
    for member in bodies.members(session, meeting.body_id, meeting.date):
        keep |= {bodies.person_name(session, member.representative_id),
                 bodies.person_name(session, member.deputy_id)}
    keep |= set(session.scalars(
        select(ContactPerson.name)
        .join(Representation, Representation.contact_id == ContactPerson.id)
        .join(Organisation, Organisation.id == Representation.organisation_id)
        .where(ContactPerson.deleted.is_(False), Representation.deleted.is_(False),
               Organisation.deleted.is_(False), Organisation.kind != OrganisationKind.ORGANISATION)
    ))  # fmt: skip
    private = set(session.scalars(select(ContactPerson.name).where(ContactPerson.deleted.is_(False))))
    return {name for name in private if name.strip()}, {name for name in keep if name.strip()}


def public_version(store: Store, doc: MeetingDocument) -> PublicVersion:
    """:func:`redact` with the names the store knows (see :func:`known_names`)."""
    with store.read() as session:
        private, keep = known_names(session, doc)
    return redact(doc, private, keep)
