"""``build_document`` fills the agenda and minutes data from the store; the command line writes
the PDFs and the invitation from it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.services import meetings
from desktop.services.meeting_document import DocAction, MeetingDocument, build_document
from desktop.storage.models.enums import ActionStatus, ItemType, MeetingStatus, Presence
from desktop.storage.store import Store
from tests.unit.meeting_helpers import make_table

DAY = dt.date(2026, 2, 10)
NEXT = dt.date(2026, 4, 14)


def _minutes_of_a_held_meeting(store: Store, tmp_path: Path):  # noqa: ANN202
    table = make_table(store)
    meeting_id, _ = meetings.create_meeting(
        store, table.body_id, DAY, start_time=dt.time(13), end_time=dt.time(15, 30),
        place="Vaasa & Vasa", online_link="https://example.fi/kokous")
    next_id, _ = meetings.create_meeting(store, table.body_id, NEXT)
    statement, _ = meetings.add_item(store, meeting_id, "Lausunto <luonnos>", presenter="Sanna Sihteeri",
                                     background="Tausta.", proposal="Annetaan lausunto.",
                                     minutes_allotted=20)
    workshop_item, _ = meetings.add_item(store, meeting_id, "Työpaja", item_type=ItemType.WORKSHOP)
    later, _ = meetings.add_item(store, meeting_id, "Siirtyvä asia")
    file = tmp_path / "lausuntoluonnos.pdf"
    file.write_bytes(b"%PDF-1.4 luonnos")
    meetings.attach_file(store, statement, file)
    meetings.send_agenda(store, meeting_id)
    meetings.postpone_item(store, later)
    meetings.set_status(store, meeting_id, MeetingStatus.HELD, today=DAY)
    meetings.fill_attendance(store, meeting_id)
    meetings.record_attendance(store, meeting_id, member_id=table.members["Eero Entinen"],
                               presence=Presence.DEPUTY, arrived_at=5)
    meetings.set_minute_checkers(store, meeting_id, ["Åsa Öhman", "Matti Mäki"])
    meetings.record_decision(store, statement, discussion="Keskusteltiin.", votes="Äänin 5–2.")
    meetings.add_dissent(store, statement, "Matti Mäki", "Lausunto on liian lyhyt.")
    meetings.add_action(store, meeting_id, "Lausunto lähetetään.", item_id=statement,
                        owner_person_id=table.people["Sanna Sihteeri"], deadline=dt.date(2026, 3, 1))
    meetings.add_workshop_point(store, workshop_item, "Ryhmä A", 1, "Tilat", "Kallista.", votes=3)
    meetings.add_workshop_point(store, workshop_item, "Ryhmä B", 1, "Tieto", "Hajallaan.", votes=7)
    return table, meeting_id, next_id, statement


def test_the_minutes_document_holds_everything_recorded(store: Store, tmp_path: Path):
    table, meeting_id, next_id, statement = _minutes_of_a_held_meeting(store, tmp_path)
    meetings.approve_minutes(store, meeting_id, on=DAY + dt.timedelta(days=10))
    meetings.correct_minutes(store, meeting_id, "Äänestystulos korjattu.", who="Sanna Sihteeri",
                             item_id=statement, fields={"votes": "Äänin 6–1."})
    doc = build_document(store, meeting_id)
    assert isinstance(doc, MeetingDocument)
    assert (doc.body, doc.number, doc.date, doc.language) == (
        "Kumppanuuspöytä / Partnerskapsbordet", 1, DAY, "fi+sv")
    assert (doc.start_time, doc.end_time, doc.place, doc.online_link) == (
        dt.time(13), dt.time(15, 30), "Vaasa & Vasa", "https://example.fi/kokous")
    assert doc.status == "minutes_approved" and doc.approved_on == DAY + dt.timedelta(days=10)
    assert (doc.chair, doc.secretary) == ("Päivi Järvinen", "Sanna Sihteeri")
    assert doc.minute_checkers == ("Åsa Öhman", "Matti Mäki")
    assert doc.organiser_email == "sanna.sihteeri@hyvinvointialue.example.fi"
    assert set(doc.attendee_emails) == {"päivi@example.fi", "åsa@example.fi", "matti@example.fi"}

    assert [a.name for a in doc.attendees] == [
        "Päivi Järvinen", "Sanna Sihteeri", "Åsa Öhman", "Matti Mäki", "Erkki Varalla"]
    deputy = doc.attendees[-1]
    assert (deputy.presence, deputy.deputy_for, deputy.arrived_at, deputy.organisation) == (
        "deputy", "Eero Entinen", 5, "Entinen Yhdistys ry")

    sections = [item.section for item in doc.items]
    assert sections == list(range(1, len(sections) + 1))
    item = next(i for i in doc.items if i.title == "Lausunto <luonnos>")
    assert (item.presenter, item.background, item.proposal, item.minutes_allotted) == (
        "Sanna Sihteeri", "Tausta.", "Annetaan lausunto.", 20)
    assert item.attachments == ("lausuntoluonnos.pdf",)
    assert item.decision == "Hyväksyttiin ehdotuksen mukaisesti.\n\nGodkändes enligt förslaget."
    assert (item.discussion, item.votes) == ("Keskusteltiin.", "Äänin 6–1.")
    assert item.dissents == ("Matti Mäki: Lausunto on liian lyhyt.",)
    assert item.actions == (DocAction("Lausunto lähetetään.", "Sanna Sihteeri", dt.date(2026, 3, 1), "open"),)
    assert len(item.corrections) == 1
    assert item.corrections[0].endswith("(Sanna Sihteeri): Äänestystulos korjattu.")
    workshop = next(i for i in doc.items if i.item_type == "workshop").workshop
    assert [(p.point, p.group, p.votes) for p in workshop] == [("Tieto", "Ryhmä B", 7), ("Tilat", "Ryhmä A", 3)]
    postponed = next(i for i in doc.items if i.title == "Siirtyvä asia")
    assert postponed.decision.startswith("Asia siirrettiin seuraavaan kokoukseen.")

    # The next agenda: the postponed item with its earlier §, the open action carried along,
    # the members invited (nobody's attendance is recorded yet).
    agenda = build_document(store, next_id, language="sv")
    assert agenda.body == "Partnerskapsbordet" and agenda.language == "sv"
    again = next(i for i in agenda.items if i.title == "Siirtyvä asia")
    assert again.postponed_from == (postponed.section,)
    information = next(i for i in agenda.items if i.title.startswith("Ilmoitusasiat"))
    assert [a.what for a in information.actions] == ["Lausunto lähetetään."]
    assert [a.name for a in agenda.attendees] == ["Päivi Järvinen", "Sanna Sihteeri", "Åsa Öhman",
                                                  "Matti Mäki"]
    assert all(a.presence == "present" for a in agenda.attendees)


def test_an_action_done_before_the_next_meeting_is_not_carried(store: Store, tmp_path: Path):
    table, meeting_id, next_id, statement = _minutes_of_a_held_meeting(store, tmp_path)
    with store.read() as session:
        (action,) = meetings.open_actions(session, table.body_id, today=DAY)
    meetings.update_action(store, action.id, status=ActionStatus.DONE, today=NEXT - dt.timedelta(days=1))
    information = next(i for i in build_document(store, next_id).items if i.title.startswith("Ilmoitus"))
    assert information.actions == ()


# -- the command line --------------------------------------------------------------------


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def demo_db(demo_store: Store) -> str:
    return demo_store.location  # the command line reads the same database, a file or a server


def test_cli_lists_meetings_and_writes_agenda_minutes_and_invitation(demo_db: str, tmp_path: Path, capsys):
    assert main(["meetings", "list", "--db", str(demo_db)]) == 0
    listed = capsys.readouterr().out.splitlines()
    approved = next(line for line in listed if "hyväksytty" in line)
    reference = approved.split("  ")[0]
    assert reference.startswith("Pohjanmaan kumppanuuspöytä/")

    minutes_pdf = tmp_path / "pöytäkirja.pdf"
    assert main(["pdf", "minutes", reference, "-o", str(minutes_pdf), "--db", str(demo_db)]) == 0
    text = _text(minutes_pdf)
    number = reference.rsplit("/", 1)[1]
    assert f"{number}/" in text and "Pöytäkirjantarkastajien valinta" in text
    assert "Mötets öppnande" in text or "Kokouksen avaus" in text

    coming = next(line for line in listed if "lähetetty" in line)
    meeting_id = coming.split()[-1]
    agenda_pdf = tmp_path / "agenda.pdf"
    assert main(["pdf", "agenda", meeting_id, "-o", str(agenda_pdf), "--lang", "sv",
                 "--db", str(demo_db)]) == 0
    text = _text(agenda_pdf)
    assert "Österbottens partnerskapsbord" in text and "Ordförande" in text
    assert "Pohjanmaan kumppanuuspöytä" not in text  # the body is named in Swedish only

    ics = tmp_path / "kokous.ics"
    assert main(["export", "ics", meeting_id, str(ics), "--db", str(demo_db)]) == 0
    content = ics.read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in content
    assert meeting_id in content.replace("-", "")


def test_cli_refuses_an_unknown_meeting_in_one_line(demo_db: str, tmp_path: Path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["pdf", "agenda", "Ei tällaista/2026/1", "-o", str(out), "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("kumppani: ") and "\n" not in err
    assert not out.exists()
