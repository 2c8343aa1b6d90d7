"""The installed program's smoke test: a fresh database, demo data, the main window, a PDF.

Run as ``kumppani selftest``; the installer's build runs it against the frozen program.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def run_selftest(keep: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = keep or Path(tempfile.mkdtemp(prefix="kumppani-selftest-"))
    os.environ["KUMPPANI_DATA_DIR"] = str(work / "data")
    os.environ["KUMPPANI_CONFIG_DIR"] = str(work / "config")

    from desktop.documents.checklist_report import write_checklist_report
    from desktop.documents.meeting_pdf import write_agenda
    from desktop.i18n import set_language
    from desktop.services import checklist, meetings
    from desktop.services.demo import create_demo
    from desktop.services.meeting_document import build_document
    from desktop.services.register import count_organisations
    from desktop.settings import Settings
    from desktop.storage.store import Store
    from desktop.ui.application import application
    from desktop.ui.mainwindow import PAGES, MainWindow

    app = application()
    store = Store.open(work / "selftest.sqlite3", backup_dir=work / "backups")
    create_demo(store)
    assert count_organisations(store) > 0, "the demo wrote no organisations"
    for language in ("fi", "sv", "en"):
        set_language(language)
        window = MainWindow(store, Settings(language=language))
        window.show()
        for key, _title, _class in PAGES:
            window.page(key)
        app.processEvents()
        window.close()
    with store.read() as session:
        current = checklist.list_checklists(session)[0]
        report = checklist.report_data(session, current.id, "fi")
    target = work / "checklist-report.pdf"
    write_checklist_report(report, target)
    assert target.read_bytes().startswith(b"%PDF"), "the report is not a PDF"
    agenda = work / "agenda.pdf"
    with store.read() as session:
        meeting = meetings.list_meetings(session)[0]
        write_agenda(build_document(session, meeting.id), agenda)
    assert agenda.read_bytes().startswith(b"%PDF"), "the agenda is not a PDF"
    store.close()
    # Team mode needs the PostgreSQL driver's C library and a keyring backend in the bundle.
    import keyring
    import psycopg

    assert psycopg.pq.__impl__ in ("binary", "c"), f"psycopg without libpq: {psycopg.pq.__impl__}"
    assert keyring.get_keyring() is not None, "no keyring backend"
    print(f"selftest ok: {target}, {agenda}")
    return 0
