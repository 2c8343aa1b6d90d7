"""Revision 0006 over meetings kept before it: their rows get the new columns' defaults, the
checklist's links to their items survive, and the meeting services work on them."""

import datetime as dt
import sqlite3
import uuid

from desktop.services import meetings
from desktop.services.meeting_document import build_document
from desktop.storage import migrate
from desktop.storage.dialect import create_sqlite_engine
from desktop.storage.models import AgendaItem, ChecklistItem, Meeting
from desktop.storage.models.enums import MeetingStatus
from desktop.storage.store import Store

BODY = uuid.UUID(int=1)
MEETING = uuid.UUID(int=2)
ITEM = uuid.UUID(int=3)
CHECKLIST = uuid.UUID(int=4)
STEP = uuid.UUID(int=5)
SYNC = "'2025-01-01 00:00:00', '2025-01-01 00:00:00', '', '', 0"


def _old_database(path):
    engine = create_sqlite_engine(path)
    migrate.upgrade(engine, "0005")
    engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute(f"INSERT INTO body (id, name_fi, name_sv, kind, languages, created_at, updated_at,"
                    f" hlc, replica_id, deleted) VALUES ('{BODY.hex}', 'Vanha pöytä', '',"
                    f" 'partnership_table', '[\"fi\"]', {SYNC})")
        con.execute(f"INSERT INTO meeting (id, body_id, number, date, place, status, language, created_at,"
                    f" updated_at, hlc, replica_id, deleted) VALUES ('{MEETING.hex}', '{BODY.hex}', 1,"
                    f" '2025-03-04', 'Vaasa', 'agenda_sent', 'fi', {SYNC})")
        con.execute(f"INSERT INTO agenda_item (id, meeting_id, position, section, title, item_type,"
                    f" presenter, background, proposal, decision, created_at, updated_at, hlc,"
                    f" replica_id, deleted) VALUES ('{ITEM.hex}', '{MEETING.hex}', 1, 1, 'Vanha asia',"
                    f" 'decision', '', '', 'Hyväksytään.', '', {SYNC})")
        con.execute(f"INSERT INTO checklist (id, name, created_at, updated_at, hlc, replica_id, deleted)"
                    f" VALUES ('{CHECKLIST.hex}', 'Vanha lista', {SYNC})")
        con.execute(f"INSERT INTO checklist_item (id, checklist_id, template_key, theme, position, title_fi,"
                    f" title_sv, title_en, source, status, owner, evidence, evidence_link,"
                    f" evidence_agenda_item_id, created_at, updated_at, hlc, replica_id, deleted) VALUES"
                    f" ('{STEP.hex}', '{CHECKLIST.hex}', 'k', 't', 0, 'Askel', '', '', '', 'done', '', '',"
                    f" '', '{ITEM.hex}', {SYNC})")


def test_meetings_kept_before_0006_get_the_new_columns_and_keep_their_links(tmp_path):
    path = tmp_path / "old.sqlite3"
    _old_database(path)
    store = Store.open(path, backup_dir=tmp_path / "backups")
    try:
        assert store.report.upgraded_from == "0005"
        with store.read() as session:
            meeting = session.get(Meeting, MEETING)
            assert (meeting.online_link, meeting.chair, meeting.minute_checkers, meeting.locked,
                    meeting.approved_on) == ("", "", [], False, None)
            item = session.get(AgendaItem, ITEM)
            assert (item.discussion, item.votes, item.standard_key, item.postponed_from,
                    item.postponed_from_id) == ("", "", "", [], None)
            assert session.get(ChecklistItem, STEP).evidence_agenda_item_id == ITEM
        # The old meeting takes part in the new rules: its agenda was sent, so § 1 stays.
        added, _ = meetings.add_item(store, MEETING, "Lisäasia")
        meetings.set_status(store, MEETING, MeetingStatus.HELD, today=dt.date(2025, 3, 4))
        doc = build_document(store, MEETING)
        assert [(i.section, i.title) for i in doc.items] == [(1, "Vanha asia"), (2, "Lisäasia")]
        assert doc.items[0].decision == "Hyväksyttiin ehdotuksen mukaisesti."
        assert doc.body == "Vanha pöytä"
    finally:
        store.close()
