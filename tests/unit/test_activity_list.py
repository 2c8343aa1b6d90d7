"""The public list of activities ("who does what, where") and its PDF and Excel documents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.documents.activity_list import (
    headings,
    write_activity_list_pdf,
    write_activity_list_xlsx,
)
from desktop.i18n import translate_in
from desktop.services import activities
from desktop.services.activity_list import WHOLE_REGION, public_list, sort_key
from desktop.storage.models import Activity, Municipality, Organisation
from desktop.storage.models.enums import OrganisationStatus
from desktop.storage.store import Store

TRICKY = 'Kerho <b> & "muut"'


def _expected_counts(store: Store, language: str) -> Counter[str]:
    """Entries per municipality name, straight from the tables."""
    with store.read() as session:
        names = {m.code: m.name(language) for m in session.scalars(select(Municipality))}
        rows = session.scalars(
            select(Activity)
            .join(Organisation, Activity.organisation_id == Organisation.id)
            .where(
                Activity.published.is_(True),
                Activity.deleted.is_(False),
                Organisation.deleted.is_(False),
                Organisation.status == OrganisationStatus.ACTIVE,
            )
        ).all()
        counts: Counter[str] = Counter()
        for activity in rows:
            for code in activity.municipalities or [None]:
                place = translate_in(language, WHOLE_REGION) if code is None else names[code]
                counts[place] += 1
        return counts


def _texts(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_the_list_covers_exactly_the_published_activities_of_active_organisations(
    demo_store: Store,
):
    with demo_store.read() as session:
        sections = public_list(session, "fi")
        published = activities.published_activities(session, "fi")
    assert len(published) > 0
    counts = {section.municipality: section.entry_count for section in sections}
    assert counts == dict(_expected_counts(demo_store, "fi"))
    titles = {e.title for s in sections for sec in s.sectors for e in sec.entries}
    assert titles == {activity.title for activity in published}


def test_the_list_is_sorted_and_in_the_language(demo_store: Store):
    with demo_store.read() as session:
        finnish = public_list(session, "fi")
        swedish = public_list(session, "sv")
    fi_names = [section.municipality for section in finnish]
    sv_names = [section.municipality for section in swedish]
    assert "Vaasa" in fi_names and "Vasa" not in fi_names
    assert "Vasa" in sv_names and "Vaasa" not in sv_names
    assert len(fi_names) == len(sv_names)
    places = [name for name in fi_names if name != translate_in("fi", WHOLE_REGION)]
    assert places == sorted(places, key=sort_key)
    if len(places) < len(fi_names):  # the whole region comes last
        assert fi_names[-1] == translate_in("fi", WHOLE_REGION)
    for section in finnish:
        labels = [sector.sector for sector in section.sectors]
        assert labels == sorted(labels, key=sort_key) and len(set(labels)) == len(labels)
        for sector in section.sectors:
            keys = [(sort_key(e.title), sort_key(e.organisation)) for e in sector.entries]
            assert keys == sorted(keys)


def test_alphabetical_order_puts_a_with_ring_and_umlauts_after_z():
    words = ["Öja", "Åbo", "Ähtäri", "Zeta", "alku", "Vaasa"]
    assert sorted(words, key=sort_key) == ["alku", "Vaasa", "Zeta", "Åbo", "Ähtäri", "Öja"]


def test_an_entry_shows_features_and_contact_in_the_language(demo_store: Store):
    with demo_store.read() as session:
        target = next(a for a in activities.published_activities(session) if a.municipalities)
        activity_id = target.id
    activities.update_activity(
        demo_store, activity_id, free_of_charge=True, open_to_all=False, accessible=True
    )
    with demo_store.read() as session:
        activity = session.get(Activity, activity_id)
        assert activity is not None
        title = activity.title
        entries = [
            e
            for s in public_list(session, "sv")
            for sec in s.sectors
            for e in sec.entries
            if e.title == title
        ]
    assert entries
    features = [translate_in("sv", "free of charge"), translate_in("sv", "accessible")]
    assert any(entry.features == features for entry in entries)


def test_the_pdf_shows_municipalities_titles_and_markup_literally(
    demo_store: Store, tmp_path: Path
):
    with demo_store.read() as session:
        target = next(a for a in activities.published_activities(session) if a.municipalities)
        activity_id = target.id
    activities.update_activity(demo_store, activity_id, title=TRICKY)
    with demo_store.read() as session:
        sections = public_list(session, "fi")
    path = tmp_path / "toiminnat.pdf"
    write_activity_list_pdf(sections, path, "fi", "Järjestöjen toiminta 2025")

    reader = PdfReader(path)
    assert len(reader.pages) > 1
    assert reader.metadata is not None and reader.metadata.title == "Järjestöjen toiminta 2025"
    text = _texts(path)
    assert "Vaasa" in text
    assert sections[0].municipality in text and sections[-1].municipality in text
    assert TRICKY in text
    other = next(e.title for e in sections[0].sectors[0].entries if e.title != TRICKY)
    assert other in text


def test_the_pdf_of_an_empty_list(tmp_path: Path):
    path = tmp_path / "tyhjä.pdf"
    write_activity_list_pdf([], path, "sv", "Verksamhet")
    assert "Verksamhet" in _texts(path)


def test_the_workbook_has_translated_headings_and_a_row_per_entry(
    demo_store: Store, tmp_path: Path
):
    with demo_store.read() as session:
        target = next(a for a in activities.published_activities(session) if a.municipalities)
        activity_id = target.id
    activities.update_activity(demo_store, activity_id, title="=HYPERLINK(1)")
    with demo_store.read() as session:
        sections = public_list(session, "sv")
    path = tmp_path / "verksamhet.xlsx"
    write_activity_list_xlsx(sections, path, "sv")

    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == headings("sv")
    assert "Verksamhet" in rows[0] and "Beskrivning" in rows[0]
    assert rows[0] != headings("en")
    assert len(rows) - 1 == sum(section.entry_count for section in sections)
    assert len(rows) - 1 == sum(_expected_counts(demo_store, "sv").values())
    assert {row[0] for row in rows[1:]} == {section.municipality for section in sections}
    assert "Vasa" in {row[0] for row in rows[1:]}
    formula = [row for row in rows[1:] if row[2] == "=HYPERLINK(1)"]
    assert formula  # kept as text, not turned into a formula


def test_an_activity_without_municipalities_is_listed_under_the_whole_region_last(
    demo_store: Store,
):
    with demo_store.read() as session:
        target = next(a for a in activities.published_activities(session) if a.municipalities)
        activity_id, title = target.id, target.title
    activities.update_activity(demo_store, activity_id, municipalities=[])
    for language, name in (("fi", "Koko alue"), ("sv", "Hela regionen")):
        with demo_store.read() as session:
            sections = public_list(session, language)
        whole = translate_in(language, WHOLE_REGION)
        assert whole in {name, "Whole region"}  # the untranslated msgid until it is translated
        assert sections[-1].municipality == whole
        assert title in {e.title for sec in sections[-1].sectors for e in sec.entries}
        assert [s.municipality for s in sections].count(whole) == 1
