"""Formal minutes, the memo and the extract read back (issue #10): every decision type in fi, sv
and en, the vote and the disqualification, the legality block, the rectification instructions
as the last section; a memo without the formalities; an extract with its certification."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents import meeting_pdf_text as w
from desktop.documents import meeting_text as t
from desktop.documents.document_language import code_label, label
from desktop.documents.meeting_extract import write_extract
from desktop.documents.meeting_pdf import write_minutes
from desktop.errors import KnownError
from desktop.i18n import translate_in
from desktop.storage.models.enums import DecisionType
from tests import meeting_record_samples as r

LANGUAGES = ["fi", "sv", "en"]


def flat(text: str) -> str:
    return " ".join(text.split())


CREATED = tuple(translate_in(lang, "Created {date}").split("{")[0] for lang in ("fi", "sv", "en"))


def pdf_text(path: Path) -> str:
    """The pages' text flattened, without the running header, the footer and the page numbers."""
    lines = [line for page in PdfReader(path).pages for line in page.extract_text().splitlines()
             if not re.fullmatch(r"\d+ \(\d+\)", line.strip()) and " – " not in line
             and not (line.startswith(CREATED) and len(line) < 40)]
    return flat("\n".join(lines))


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("records")
    texts = {}
    for language in [*LANGUAGES, "fi+sv"]:
        path = folder / f"minutes-{language}.pdf"
        write_minutes(r.minutes(language), path)
        texts[language] = pdf_text(path)
    return texts


def section_text(content: str, number: int) -> str:
    """The text of one § up to the next (or to the signatures)."""
    start = content.index(f"§ {number} ")
    following = re.search(rf"§ {number + 1} ", content[start:])
    return content[start:start + following.start()] if following else content[start:]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_decision_type_reads_right(minutes, language):
    content = minutes[language]
    assert f"{label(language, t.TITLES[t.DocumentKind.MINUTES])} 4/2026" in content
    decision = label(language, t.DECISION)
    wording = {
        2: code_label(language, DecisionType, "as_proposed"),
        3: code_label(language, DecisionType, "amended"),
        4: code_label(language, DecisionType, "rejected"),
        5: label(language, w.TABLED_WORDING),
        6: label(language, w.RETURNED_WORDING),
        7: code_label(language, DecisionType, "noted"),
        8: code_label(language, DecisionType, "vote"),
    }
    for number, text in wording.items():
        part = section_text(content, number)
        assert f"{decision} {text}" in part, (number, text, part[:300])
        others = {other for other in wording.values() if other not in text}
        assert not any(other in part for other in others), number
    amended = section_text(content, 3)
    assert f"{label(language, w.AMENDMENT)} Summa korotettiin 1 000 eurosta 1 500 euroon" in amended
    assert "Myönnetään 1 500 €." in amended


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_vote_disqualification_and_dissent(minutes, language):
    part = section_text(minutes[language], 8)
    assert label(language, t.VOTING) in part
    for heading in (w.VOTE_PROPOSALS, w.PROPOSER, w.SECONDER, w.VOTE_COUNT, w.ROLL_CALL,
                    w.VOTED_FOR):
        assert label(language, heading) in part, heading
    first, second = (label(language, w.PROPOSAL_NUMBER, number=n) for n in (1, 2))
    assert f"{first} Myönnetään 5 000 €. Maija Mäkinen 2" in part
    assert f"{second} Myönnetään 3 000 €. Väinö Määttä Liisa Laine 2" in part
    assert f"Åsa Öhman {first}" in part and f"Väinö Määttä {second}" in part
    assert f"Sanna Sihteeri {label(language, w.BLANK_VOTE)}" in part
    assert (f"{label(language, w.VOTE_RESULT)}: Kokous päätti äänin 2–2 puheenjohtajan äänen "
            "ratkaistessa myöntää 5 000 €.") in part
    stepped_aside = label(language, w.DISQUALIFIED_BECAUSE, name="Åsa Öhman",
                          reason="yhdistyksen puheenjohtaja")
    assert f"{label(language, w.DISQUALIFICATION)} • {stepped_aside}" in part
    assert f"{label(language, t.DISSENTS)} • Väinö Määttä: summa on liian suuri" in part
    # Who stepped aside comes before the decision, the dissent after it.
    decided = f"{label(language, t.DECISION)} {code_label(language, DecisionType, 'vote')}"
    assert part.index(stepped_aside) < part.index(decided) < part.index("summa on liian suuri")


def test_a_disqualified_member_who_stayed_is_said_so(tmp_path):
    from dataclasses import replace

    from desktop.services.meeting_document import DocDisqualification

    item = replace(r.ITEMS[7], disqualified=(DocDisqualification("Liisa Laine", "", left_room=False),))
    path = tmp_path / "stayed.pdf"
    write_minutes(r.minutes("en", items=(item,)), path)
    assert "Liisa Laine declared disqualified and did not take part in the decision." in pdf_text(path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legality_block_and_the_appeal_instructions_come_last(minutes, language):
    content = minutes[language]
    date = "{}.12.2026"  # Finnish date format in every language
    checked = [label(language, w.CHECKED_BY, name=name, date=date.format(day))
               for name, day in (("Åsa Öhman", 4), ("Väinö Määttä", 7))]
    display = label(language, w.ON_DISPLAY, date=date.format(10), place=r.minutes().display_place)
    appeal = label(language, w.APPEAL)
    order = [content.index(label(language, t.SIGNATURES)), content.index("Maija Mäkinen", content.index(
        label(language, t.SIGNATURES))), content.index(label(language, t.MINUTE_CHECKERS))]
    order += [content.index(text) for text in checked]
    order += [content.index(flat(display)), content.index(appeal)]
    assert order == sorted(order)
    tail = content[content.index(appeal):]
    assert label(language, w.APPEALABLE, sections="§ 2–4, § 8, § 9") in tail
    assert label(language, w.APPEAL_DEADLINE, date=date.format(24)) in tail
    assert label(language, w.APPEAL_AUTHORITY, authority=r.minutes().appeal_authority) in tail
    assert label(language, w.PREPARATORY, sections="§ 1, § 5, § 6") in tail
    assert label(language, w.INFORMATION_ONLY, sections="§ 7, § 10") in tail
    assert tail.endswith("Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista.")


def test_finnish_dates_in_the_appeal_section(minutes):
    tail = minutes["fi"][minutes["fi"].index(label("fi", w.APPEAL)):]
    assert "24.12.2026" in tail and "2026-12-24" not in tail


def test_a_confidential_item_is_marked_with_its_basis(minutes):
    part = section_text(minutes["fi"], 9)
    assert label("fi", w.CONFIDENTIAL, basis=r.BASIS) in part
    assert "Päätettiin henkilön asiasta." in part  # the full minutes keep its contents


def test_bilingual_minutes_give_both_languages(minutes):
    content = minutes["fi+sv"]
    assert "Päätös / Beslut" in content and "Pöytäkirja / Protokoll 4/2026" in content
    for message in (w.APPEAL, w.PUBLIC_DISPLAY, w.DISQUALIFICATION):
        assert label("fi+sv", message) in content
    assert code_label("fi+sv", DecisionType, "amended") in content


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_memo_is_the_lighter_document(tmp_path, language):
    path = tmp_path / "memo.pdf"
    write_minutes(r.memo(language), path)
    content = pdf_text(path)
    assert content.startswith(f"{r.memo().body} {label(language, w.MEMO)} 4/2026")
    for present in (w.PARTICIPANTS, w.DISCUSSED, w.AGREED, t.ACTIONS):
        assert label(language, present) in content, present
    assert "Sovittiin, että luonnos lähetetään jäsenille kommentoitavaksi." in content
    assert "Lähetetään luonnos jäsenille" in content
    for absent in (w.APPEAL, t.SIGNATURES, t.MINUTE_CHECKERS, w.PUBLIC_DISPLAY, t.CHECKED,
                   w.NOT_APPEALABLE, w.NOTHING_APPEALABLE):
        assert label(language, absent) not in content, absent
    assert label(language, t.TITLES[t.DocumentKind.MINUTES]) not in content


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_extract_has_the_header_the_sections_and_the_certification(tmp_path, language):
    path = tmp_path / "ote.pdf"
    write_extract(r.minutes(language), [8, 3], path, certifier="Sanna Sihteeri")
    content = pdf_text(path)
    assert content.startswith(f"{r.BODY} {label(language, w.EXTRACT)} 4/2026")
    assert "Vaasan kaupungintalo, Botnia" in content
    assert "§ 3 Nuorisoseuran avustus" in content and "§ 8 Marthaföreningens bidrag" in content
    assert content.index("§ 3 ") < content.index("§ 8 ")
    assert "Kylätalon avustus" not in content and "Henkilöstöasia" not in content
    certification = content.index(label(language, w.CERTIFICATION))
    assert content.index(label(language, t.PLACE_AND_DATE), certification) > certification
    assert content.index("Sanna Sihteeri", certification) < content.index(label(language, w.APPEAL))
    tail = content[content.index(label(language, w.APPEAL)):]
    assert label(language, w.APPEALABLE, sections="§ 3, § 8") in tail
    assert label(language, w.NOT_APPEALABLE) not in tail


def test_an_extract_of_information_says_no_rectification(tmp_path):
    path = tmp_path / "ote.pdf"
    write_extract(r.minutes("en"), [7], path)
    content = pdf_text(path)
    assert "Certified as a true extract" in content
    assert label("en", w.NOTHING_APPEALABLE) in content
    assert label("en", w.INFORMATION_ONLY, sections="§ 7") in content
    assert "Sanna Sihteeri" in content  # the secretary certifies by default


def test_an_extract_refuses_a_section_the_meeting_lacks(tmp_path):
    with pytest.raises(KnownError, match="§ 99"):
        write_extract(r.minutes("fi"), [2, 99], tmp_path / "x.pdf")
    with pytest.raises(KnownError):
        write_extract(r.minutes("fi"), [], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_sections_are_listed_compactly():
    assert w.sections([24, 21, 22, 23, 27, 29, 30]) == "§ 21–24, § 27, § 29, § 30"
    assert w.sections([5]) == "§ 5"
