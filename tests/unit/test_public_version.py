"""The public version of minutes: personal data found and removed, every removal listed, members'
and officials' names kept, confidential items reduced to title and basis; read back from the PDF."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents import meeting_pdf_text as w
from desktop.documents import meeting_text as t
from desktop.documents.document_language import label
from desktop.documents.meeting_pdf import write_minutes
from desktop.i18n import translate_in
from desktop.services.meeting_document import build_document
from desktop.services.meetings import bodies
from desktop.services.meetings.public_version import (
    CONFIDENTIAL,
    EMAIL,
    IDENTITY_CODE,
    NAME,
    NAME_MARK,
    PHONE,
    _Names,
    _Redactor,
    public_version,
    redact,
)
from desktop.storage.models import ContactPerson, Meeting
from desktop.storage.store import Store
from tests import meeting_record_samples as r

EMAILS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONES = re.compile(r"(?:\+358|\b0)\d{1,2}[ -]?\d{3}[ -]?\d{3,4}\b|\+358 \d{2} \d{3} \d{4}")
HETUS = re.compile(r"\b\d{6}[-+A]\d{3}[0-9A-Y]\b")


def pdf_text(path: Path) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(path).pages).split())


def text_in(marker_language: str, message: str) -> str:
    return translate_in(marker_language, message)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, object]:
    folder = tmp_path_factory.mktemp("public")
    full_doc = r.minutes("fi")
    version = redact(full_doc, private=[r.PRIVATE, *r.MEMBERS])
    write_minutes(full_doc, folder / "full.pdf")
    write_minutes(version.document, folder / "public.pdf", public=True)
    return pdf_text(folder / "full.pdf"), pdf_text(folder / "public.pdf"), version


def test_the_public_pdf_has_no_personal_data_the_full_minutes_have(written):
    full, public, _version = written
    found = EMAILS.findall(full) + PHONES.findall(full) + HETUS.findall(full)
    assert {r.EMAIL, *r.PHONES, r.HETU} <= set(found), found  # the patterns see them in the full text
    for value in found:
        assert value not in public, value
    for name in (r.PRIVATE, r.EXPERT):
        assert name in full and name not in public, name
    for name in r.MEMBERS:
        assert name in public, name
    assert label("fi", w.PUBLIC_VERSION) in public and label("fi", w.PUBLIC_VERSION) not in full


def test_a_confidential_item_shows_only_its_title_and_basis(written):
    full, public, _version = written
    assert "Henkilöstöasia" in public and label("fi", w.CONFIDENTIAL, basis=r.BASIS) in public
    assert "Päätettiin henkilön asiasta." in full and "Päätettiin henkilön asiasta." not in public
    assert "pyysi vapautusta" not in public
    nine = public[public.index("§ 9 Henkilöstöasia"):public.index("§ 10 ")]
    assert "Approved as proposed" not in nine and f"{label('fi', t.DECISION)} " not in nine


def test_every_removal_is_listed_with_where_and_why(written):
    _full, _public, version = written
    kinds = {(removal.section, removal.kind, removal.what) for removal in version.removals}
    assert (None, NAME, r.EXPERT) in kinds  # the attendance
    assert (7, NAME, r.PRIVATE) in kinds and (7, EMAIL, r.EMAIL) in kinds
    assert (7, PHONE, r.PHONES[0]) in kinds and (7, IDENTITY_CODE, r.HETU) in kinds
    assert (8, NAME, r.EXPERT) in kinds and (8, PHONE, r.PHONES[1]) in kinds
    assert [removal.section for removal in version.removed(CONFIDENTIAL)] == [9]
    assert "pyysi vapautusta" in version.removed(CONFIDENTIAL)[0].what
    assert all(removal.where and removal.why for removal in version.removals)
    assert not any(removal.what in r.MEMBERS for removal in version.removals)
    # The marker takes the removed text's place, in the document's language.
    background = version.document.items[6].background
    assert background.startswith(f"Asukas {text_in('fi', NAME_MARK)} (")


def redacted(text: str, private=(r.PRIVATE,), keep=(), language="en") -> str:
    return _Redactor(_Names(private, keep), language).text(text, 1, "x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pekka Yksityisen kirje", "[name removed] kirje"),  # Finnish inflects the last name
        ("Yksityinen Pekka, Vaasa", "[name removed], Vaasa"),  # lists put the last name first
        ("Hakemus_Pekka_Yksityinen.pdf", "Hakemus_[name removed].pdf"),
        ("Pekka Ylönen ja Pekka", "Pekka Ylönen ja Pekka"),  # another Pekka, a first name alone
        ("soita 040 123 4567 tai (09) 123 4567", "soita [phone number removed] tai [phone number removed]"),
        ("+358 (0)40 1234567; 0401234567", "[phone number removed]; [phone number removed]"),
        ("Y-tunnus 0123456-7, 1 500 €, 2.12.2026 klo 15.20, PL 123, 65101 Vaasa",
         "Y-tunnus 0123456-7, 1 500 €, 2.12.2026 klo 15.20, PL 123, 65101 Vaasa"),
        ("hetu 131052-308T, ei 131052-308A", "hetu [identity code removed], ei 131052-308A"),
        ("a.b-c+d@kunta.example.fi.", "[e-mail removed]."),
    ],
)  # fmt: skip
def test_what_is_found_in_a_text(text, expected):
    assert redacted(text) == expected


def test_a_member_whose_name_begins_like_a_private_persons_stays():
    text = "Liisa Lainela ja Liisa Laineen kirje"
    assert redacted(text, private=["Liisa Laine"], keep=["Liisa Lainela"]) == (
        "Liisa Lainela ja [name removed] kirje")


def test_bilingual_markers():
    assert redacted("Pekka Yksityinen", language="fi+sv") == " / ".join(dict.fromkeys(
        translate_in(lang, NAME_MARK) for lang in ("fi", "sv")))


def test_the_store_tells_members_from_private_persons(demo_store: Store, tmp_path):
    with demo_store.read() as session:
        meeting = session.query(Meeting).filter(Meeting.status == "minutes_approved").first()
        assert meeting is not None
        seats = bodies.members(session, meeting.body_id, meeting.date)
        members = {bodies.person_name(session, seat.representative_id) for seat in seats} - {""}
        outsider = next(p.name for p in session.query(ContactPerson).order_by(ContactPerson.name)
                        if p.name not in members and len(p.name.split()) >= 2 and not p.deleted)
        meeting_id = meeting.id
    member = sorted(members)[0]
    doc = build_document(demo_store, meeting_id)
    first = dataclasses.replace(
        doc.items[0],
        discussion=f"{member} kertoi, että {outsider} (p. 044 987 6543) on lähettänyt kirjeen.",
    )
    doc = dataclasses.replace(doc, items=(first, *doc.items[1:]))
    version = public_version(demo_store, doc)
    path = tmp_path / "public.pdf"
    write_minutes(version.document, path, public=True)
    content = pdf_text(path)
    assert member in content and outsider not in content and "044 987 6543" not in content
    assert {(removal.kind, removal.what) for removal in version.removals} >= {
        (NAME, outsider), (PHONE, "044 987 6543")}
    for person in doc.attendees:  # the attendance lists members: they stay
        assert person.name in content
