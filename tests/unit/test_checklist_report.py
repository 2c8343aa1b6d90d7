"""The checklist PDF report: content, languages, page numbering, metadata and safe writing."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents.checklist_report import write_checklist_report
from desktop.documents.checklist_report_data import ChecklistReport, ReportItem, ReportTheme
from desktop.documents.pdf_common import escape, page_number
from desktop.errors import KnownError

TITLE = 'Osallisuuden <b>& "quotes" tarkistuslista'
SUBTITLE = "Pohjanmaan hyvinvointialue · 2026"
THEME_TITLES = ["Järjestöyhteistyön rakenteet", "Avustukset ja tilat", "Osallisuus ja viestintä"]
OVERDUE_STEP = "Kumppanuuspöydän kokoonpano päätetään"


def _items(theme_number: int, count: int) -> list[ReportItem]:
    items = []
    for n in range(1, count + 1):
        done = n % 3 == 0
        items.append(
            ReportItem(
                title=f"Teema {theme_number}, vaihe {n}: yhteistyöstä sovitaan järjestöjen kanssa "
                "ja käytännöt kirjataan hyvinvointialueen ohjeisiin",
                status="Tehty" if done else "Kesken",
                done=done,
                owner="Åsa Öhman" if n % 2 else "Väinö Määttä",
                due=f"{n % 28 + 1}.6.2026" if n % 4 else "",
                evidence=[
                    f"Kokous 3/2026 § {n}: päätös hyväksyttiin",
                    "Liite: pöytäkirja_äö.pdf",
                ]
                if n % 5 == 1
                else [],
                source="Järjestöbarometri 2025" if n == 2 else "",
            )
        )
    return items


def make_report(language: str = "fi") -> ChecklistReport:
    themes = []
    for number, (title, count) in enumerate(zip(THEME_TITLES, (14, 13, 13), strict=True), 1):
        items = _items(number, count)
        if number == 2:
            items[0] = ReportItem(
                title=OVERDUE_STEP,
                status="Kesken",
                done=False,
                owner="Päivi Åström",
                due="1.3.2026",
                overdue=True,
                evidence=["Muistio: luonnos on valmis\nmutta hyväksyntä puuttuu"],
            )
        settled = sum(item.done for item in items)
        themes.append(ReportTheme(title=title, settled=settled, total=len(items), items=items))
    return ChecklistReport(
        language=language,
        title=TITLE,
        subtitle=SUBTITLE,
        created=dt.date(2026, 11, 25),
        settled=sum(theme.settled for theme in themes),
        total=sum(theme.total for theme in themes),
        themes=themes,
    )


def _read(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    result = {}
    for language in ("fi", "sv", "en"):
        result[language] = folder / f"report-{language}.pdf"
        write_checklist_report(make_report(language), result[language])
    return result


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_report_holds_the_texts_and_numbers_its_pages(written, language):
    reader, pages = _read(written[language])
    count = len(pages)
    assert count >= 3, "40 steps span several pages"
    everything = _flat("\n".join(pages))
    assert TITLE in everything  # printed literally: <b> and & are not markup
    assert "<b>&" in pages[0]
    assert SUBTITLE in everything
    for title in THEME_TITLES:
        assert title in everything
    for word in ("Åsa Öhman", "Väinö Määttä", "pöytäkirja_äö.pdf", "Järjestöbarometri 2025"):
        assert word in everything
    # Finnish official page numbering, on every page.
    for number, text in enumerate(pages, start=1):
        assert page_number(number, count) in text
    assert "1 (" + str(count) + ")" in pages[0]
    assert f"{count} ({count})" in pages[-1]
    assert "25.11.2026" in pages[0]
    assert reader.metadata is not None
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Kumppani"
    assert str(reader.trailer["/Root"]["/Lang"]).startswith(language)


@pytest.mark.parametrize(
    ("language", "overdue", "progress", "header"),
    [
        ("fi", "myöhässä", "{done}/{total} vaihetta tehty", "Vastuuhenkilö"),
        ("sv", "försenad", "{done} av {total} steg klara", "Ansvarsperson"),
        ("en", "overdue", "{done} of {total} steps done", "Owner"),
    ],
)
def test_labels_are_in_the_reports_language(written, language, overdue, progress, header):
    _reader, pages = _read(written[language])
    everything = _flat("\n".join(pages))
    report = make_report(language)
    assert progress.format(done=report.settled, total=40) in everything
    # Every theme has its own progress line.
    for theme in report.themes:
        assert progress.format(done=theme.settled, total=theme.total) in everything
    assert header in everything
    # The overdue step is the only one marked, next to its due date.
    assert len(re.findall(rf"\b{overdue}\b", everything)) == 1
    around = everything[everything.index(OVERDUE_STEP) :][:400]
    assert overdue in around and "1.3.2026" in around
    for other in {"myöhässä", "försenad", "overdue"} - {overdue}:
        assert other not in everything


def test_the_header_row_repeats_on_every_page_with_a_table(written):
    _reader, pages = _read(written["fi"])
    with_steps = [text for text in pages if "vaihe" in text]
    assert len(with_steps) >= 3
    assert all("Vaihe" in text and "Määräaika" in text for text in with_steps)


def test_a_missing_folder_is_a_known_error_and_leaves_no_file(tmp_path):
    target = tmp_path / "missing" / "report.pdf"
    with pytest.raises(KnownError, match="missing"):
        write_checklist_report(make_report(), target)
    assert not target.exists()
    assert not target.parent.exists()


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KnownError, match="No space left"):
        write_checklist_report(make_report(), target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_folder_in_the_way_is_a_known_error(tmp_path):
    # Even root cannot write a file where a folder stands (a read-only folder stops only others).
    target = tmp_path / "report.pdf"
    target.mkdir()
    with pytest.raises(KnownError):
        write_checklist_report(make_report(), target)
    assert target.is_dir() and list(target.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_rewrite_replaces_the_file(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    write_checklist_report(make_report("en"), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_very_long_step_and_an_empty_theme_still_lay_out(tmp_path):
    long_item = ReportItem(
        title="Pitkä vaihe " * 40,
        status="Kesken",
        done=False,
        evidence=[f"Näyttö {n}: " + "sanoja " * 30 for n in range(60)] + ["pitkä " * 2000],
    )
    report = ChecklistReport(
        language="sv",
        title="Lång",
        subtitle="",
        created=dt.date(2026, 1, 2),
        settled=0,
        total=1,
        themes=[
            ReportTheme(title="Tomt tema", settled=0, total=0, items=[]),
            ReportTheme(title="Långt tema", settled=0, total=1, items=[long_item]),
        ],
    )
    target = tmp_path / "long.pdf"
    write_checklist_report(report, target)
    _reader, pages = _read(target)
    assert len(pages) >= 2
    assert "Näyttö 59" in _flat("\n".join(pages))


def test_escape_prints_markup_literally_and_keeps_line_breaks():
    assert escape('a <b> & "c"\nd') == 'a &lt;b&gt; &amp; "c"<br/>d'
