"""The agenda and minutes PDFs read back: titles, § order, page numbers, literal text, languages."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents import meeting_text as t
from desktop.documents.document_language import code_label, label
from desktop.documents.meeting_pdf import write_agenda, write_minutes
from desktop.documents.pdf_common import page_number
from desktop.errors import KnownError
from desktop.i18n import translate_in
from desktop.storage.models.enums import ActionStatus, ItemType, MemberRole
from tests import meeting_samples as s

LANGUAGES = ["fi", "sv", "en", "fi+sv"]
WRITERS = {"agenda": write_agenda, "minutes": write_minutes}
KINDS = {"agenda": t.DocumentKind.AGENDA, "minutes": t.DocumentKind.MINUTES}
PAGE_NUMBER = re.compile(r"(\d+) \((\d+)\)")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pypdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _pdftotext_pages(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return out.split("\f")[:-1]  # every page ends with a form feed


def _content(pages: list[str], frame: tuple[str, ...]) -> str:
    """The pages' text without the running header and footer, flattened: a paragraph that
    continues on the next page reads on without the page frame in between."""
    kept = [
        line
        for page in pages
        for line in page.splitlines()
        if line.strip()
        and not any(part and line.strip() == part for part in frame)
        and not PAGE_NUMBER.fullmatch(line.strip())
    ]
    return _flat("\n".join(kept))


def _frame(doc, kind: str, language: str, pages: list[str]) -> tuple[str, ...]:
    """The header and footer lines as printed on every page."""
    title = f"{doc.body} – {t.title(KINDS[kind], doc, language)}"
    footer = [line.strip() for line in pages[0].splitlines() if line.strip().startswith(
        tuple(translate_in(lang, "Created {date}").split("{")[0] for lang in language.split("+"))
    )]  # fmt: skip
    return (title, *footer)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("meeting-pdfs")
    result = {}
    for language in LANGUAGES:
        doc = s.meeting(30, language)
        for kind, write in WRITERS.items():
            result[kind, language] = folder / f"{kind}-{language}.pdf"
            write(doc, result[kind, language])
    return result


@pytest.mark.parametrize("kind", ["agenda", "minutes"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_title_items_in_order_and_page_numbers(written, kind, language):
    path = written[kind, language]
    doc = s.meeting(30, language)
    pages = _pypdf_pages(path)
    count = len(pages)
    assert count >= 4, "30 items with long texts take several pages"
    first = _flat(pages[0])
    assert _flat(doc.body) in first
    assert _flat(t.title(KINDS[kind], doc, language)) in first
    assert "2.12.2026" in first and "13.00–15.30" in first
    # Finnish page numbering: page i of N reads "i (N)", and no page shows another number.
    for number, text in enumerate(pages, start=1):
        assert set(PAGE_NUMBER.findall(text)) == {(str(number), str(count))}, number
    assert page_number(1, count) in pages[0] and page_number(count, count) in pages[-1]
    # Every item once, in § order, with its title beside its number.
    content = _content(pages, _frame(doc, kind, language, pages))
    positions = [content.find(f"§ {item.section} {_flat(item.title)}") for item in doc.items]
    assert -1 not in positions, [i for i, p in zip(doc.items, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    sections = [int(n) for n in re.findall(r"§ (\d+) Asia", content)]
    assert sections == list(range(s.FIRST_SECTION, s.FIRST_SECTION + 30))


EXTRACTORS = {
    "pypdf": _pypdf_pages,
    "pdftotext": _pdftotext_pages,
}


@pytest.mark.parametrize("extractor", list(EXTRACTORS))
@pytest.mark.parametrize("kind", ["agenda", "minutes"])
def test_user_text_comes_back_exactly(written, kind, extractor):
    # .ci/setup installs poppler-utils; a machine without it fails here rather than passing blind.
    assert extractor != "pdftotext" or shutil.which("pdftotext"), "pdftotext is not installed"
    path = written[kind, "fi"]
    doc = s.meeting(30, "fi")
    pages = EXTRACTORS[extractor](path)
    raw = "".join(pages)
    # No soft hyphens, ligatures or non-breaking spaces that would make a copied text differ.
    assert not re.search("[\u00ad\ufb00-\ufb06\u00a0\u200b]", raw)
    content = _content(pages, _frame(doc, kind, "fi", pages))
    # The long background: a paragraph longer than a page flows on, nothing cut off.
    assert _flat(s.LONG) in content
    assert content.count(_flat(s.SENTENCE)) == 3 * 48  # items 5, 15 and 25 carry it
    assert "<b>ehdotuksen</b> & muut > kaikki" in content
    assert _flat(s.PLACE) in content
    assert s.LINK in re.sub(r"\s", "", raw)  # a long address may wrap, but it is all there
    for item in doc.items:
        assert _flat(item.background) in content
        assert _flat(item.proposal) in content
    assert "Budjetti <2027>.xlsx" in content and "liite_äö.pdf" in content


def test_the_minutes_record_what_was_decided(written):
    doc = s.meeting(30, "fi")
    pages = _pypdf_pages(written["minutes", "fi"])
    content = _content(pages, _frame(doc, "minutes", "fi", pages))
    for item in doc.items:
        assert _flat(item.decision) in content
        if item.discussion:
            assert _flat(item.discussion) in content
    assert "Äänet 5–3 (Määttä, Laine & Öhman vastaan)" in content
    assert "Väinö Määttä: ei kannata <ehdotusta>" in content
    assert label("fi", t.DISSENTS) in content
    # Action items with their owner, deadline and translated status.
    assert "Laaditaan viestintäsuunnitelma & aikataulu" in content
    assert "Kutsutaan järjestöt <työpajaan>" in content
    assert "15.1.2027" in content
    assert code_label("fi", ActionStatus, "in_progress") in content
    # The workshop's points as one list, most dot votes first.
    order = [content.find(point) for point in (
        "Järjestöagentit joka kuntaan", "Yhteinen palvelulupaus", "Sähköinen järjestötori",
        "Maksuttomat tilat järjestöille",
    )]  # fmt: skip
    assert -1 not in order and order == sorted(order)
    assert "Luottamus kasvaa <&>" in content
    assert "Korjattu 10.12.2026: päivämäärä oli väärin" in content
    assert label("fi", t.EARLIER, sections="§ 12, § 20") in content
    # Attendance with roles, presence, deputies and arrivals.
    for person in s.ATTENDEES:
        assert person.name in content
    assert code_label("fi", MemberRole, "chair") == "Puheenjohtaja"
    assert "Puheenjohtaja" in content and "Varapuheenjohtaja" in content
    assert "Erkki Esimerkki" in content
    assert label("fi", t.ARRIVED_AT, section=43) in content
    assert label("fi", t.LEFT_AT, section=52) in content
    # The end: signatures, checkers, approval.
    tail = _content(pages[-2:], _frame(doc, "minutes", "fi", pages))
    assert label("fi", t.SIGNATURES) in tail and label("fi", t.MINUTE_CHECKERS) in tail
    assert "Maija Mäkinen" in tail and "Sanna Sihteeri" in tail
    assert label("fi", t.APPROVED_ON, date="9.12.2026") in tail


def test_the_agenda_leaves_out_what_belongs_to_the_minutes(written):
    doc = s.meeting(30, "fi")
    pages = _pypdf_pages(written["agenda", "fi"])
    content = _content(pages, _frame(doc, "agenda", "fi", pages))
    assert label("fi", t.INVITED) in content
    for person in s.ATTENDEES:
        assert person.name in content
    for item in doc.items:
        assert _flat(item.decision) not in content
    assert "Väinö Määttä: ei kannata" not in content
    assert "Järjestöagentit joka kuntaan" not in content
    assert label("fi", t.SIGNATURES) not in content
    assert "9.12.2026" not in content
    assert label("fi", t.EARLIER, sections="§ 12, § 20") in content  # the item's history shows


@pytest.mark.parametrize(
    ("language", "present", "absent"),
    [
        ("fi", ["Puheenjohtaja", "Päätösasia", "Aika", "Paikka"], ["Ordförande", "Beslutsärende"]),
        ("sv", ["Ordförande", "Beslutsärende", "Tid", "Plats"], ["Puheenjohtaja", "Päätösasia"]),
        ("en", ["Chair", "Decision", "Time", "Place"], ["Puheenjohtaja", "Ordförande"]),
        (
            "fi+sv",
            ["Puheenjohtaja / Ordförande", "Varapuheenjohtaja / Vice ordförande",
             "Päätösasia / Beslutsärende", "Aika / Tid", "Paikka / Plats", "Jäsen / Medlem"],
            [],
        ),
    ],
)  # fmt: skip
def test_labels_are_in_the_document_language(written, language, present, absent):
    pages = _pypdf_pages(written["minutes", language])
    everything = _flat("\n".join(pages))
    for text in present:
        assert text in everything, text
    for text in absent:
        assert text not in everything, text
    if language == "fi+sv":
        title = label(language, t.TITLES[t.DocumentKind.MINUTES])
        both = [translate_in(lang, "Minutes") for lang in ("fi", "sv")]
        assert title == (" / ".join(both) if both[0] != both[1] else both[0])
        assert f"{title} 3/2026" in everything
        assert code_label(language, ItemType, "decision") == "Päätösasia / Beslutsärende"


@pytest.mark.parametrize(("language", "lang_tag"), [("fi", "fi"), ("sv", "sv"), ("fi+sv", "fi")])
def test_metadata(written, language, lang_tag):
    reader = PdfReader(written["agenda", language])
    assert reader.metadata is not None
    assert reader.metadata.title.startswith(s.BODY)
    assert reader.metadata.author == "Kumppani"
    assert str(reader.trailer["/Root"]["/Lang"]).startswith(lang_tag)


def test_another_language_than_the_meetings(tmp_path):
    path = tmp_path / "agenda-sv.pdf"
    write_agenda(s.meeting(4, "fi"), path, language="sv")
    everything = _flat("\n".join(_pypdf_pages(path)))
    assert "Beslutsärende" in everything and "Päätösasia" not in everything


def test_a_bare_meeting_fits_on_one_page(tmp_path):
    doc = s.meeting(
        0, "fi", start_time=None, end_time=None, place="", online_link="", attendees=(),
        minute_checkers=(), chair="", secretary="", approved_on=None,
    )  # fmt: skip
    for kind, write in WRITERS.items():
        path = tmp_path / f"{kind}.pdf"
        write(doc, path)
        pages = _pypdf_pages(path)
        assert len(pages) == 1 and page_number(1, 1) in pages[0]
        content = _content(pages, _frame(doc, kind, "fi", pages))
        assert f"{label('fi', t.TIME)} 2.12.2026" in content
        assert "9.12.2026" not in content


def test_unapproved_minutes_say_nothing_of_approval(tmp_path):
    path = tmp_path / "minutes.pdf"
    write_minutes(s.meeting(2, "fi", approved_on=None, status="held"), path)
    everything = _flat("\n".join(_pypdf_pages(path)))
    assert label("fi", t.SIGNATURES) in everything
    assert label("fi", t.APPROVED_ON, date="9.12.2026") not in everything


def test_unknown_language_and_unwritable_target_are_known_errors(tmp_path):
    doc = s.meeting(2, "fi")
    with pytest.raises(KnownError):
        write_agenda(doc, tmp_path / "a.pdf", language="de")
    with pytest.raises(KnownError):
        write_minutes(dataclasses.replace(doc, language="fi+fi"), tmp_path / "b.pdf")
    assert not list(tmp_path.iterdir())
    with pytest.raises(KnownError):
        write_minutes(doc, tmp_path / "no such folder" / "c.pdf")


def test_table_cells_longer_than_a_page_flow_on(tmp_path):
    """A table row cannot break by default; a long action or justification must not fail."""
    doc = s.meeting(
        6, "fi", attendees=(dataclasses.replace(s.ATTENDEES[0], organisation="Yhdistys " * 600),)
    )
    items = list(doc.items)
    items[5] = dataclasses.replace(
        items[5],
        actions=(dataclasses.replace(s.ACTIONS[0], what="Pitkä toimenpide. " * 400),),
        workshop=(dataclasses.replace(s.WORKSHOP[0], justification="Perustelu <&>. " * 500),),
    )
    path = tmp_path / "minutes.pdf"
    write_minutes(dataclasses.replace(doc, items=tuple(items)), path)
    pages = _pypdf_pages(path)
    content = _content(pages, _frame(doc, "minutes", "fi", pages))
    assert content.count("Pitkä toimenpide.") == 400
    assert content.count("Perustelu <&>.") == 500
    assert content.count("Yhdistys") == 600


def test_the_agenda_carries_open_actions_and_the_minutes_list_corrections_of_the_meeting(tmp_path):
    item = dataclasses.replace(s.meeting(3, "fi").items[1], actions=(
        s.DocAction("Selvitetään tilat Närpiössä", "Åsa Öhman", None),))
    doc = dataclasses.replace(s.meeting(3, "fi"), items=(item,),
                              corrections=("Korjattu 10.12.2026: kokouspaikka oli väärin",))
    write_agenda(doc, tmp_path / "agenda.pdf")
    write_minutes(doc, tmp_path / "minutes.pdf")
    agenda = _flat("".join(_pypdf_pages(tmp_path / "agenda.pdf")))
    minutes = _flat("".join(_pypdf_pages(tmp_path / "minutes.pdf")))
    assert "Selvitetään tilat Närpiössä" in agenda
    assert "kokouspaikka oli väärin" not in agenda
    assert "Korjattu 10.12.2026: kokouspaikka oli väärin" in minutes
