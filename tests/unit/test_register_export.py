"""Exporting the register: CSV and XLSX tables, vCards, formula injection and safe writing."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.documents import vcard
from desktop.documents.register_export import (
    neutralise_csv,
    write_csv,
    write_table,
    write_xlsx,
)
from desktop.documents.vcard import unfold, write_vcards
from desktop.errors import KnownError
from desktop.i18n import translate_in
from desktop.services.register import mark_deleted
from desktop.services.register_export import (
    ORGANISATION_HEADINGS,
    Affiliation,
    ContactCard,
    contact_people,
    organisation_table,
)
from desktop.storage.models import ContactPerson, Organisation
from desktop.storage.store import Store

PAYLOADS = ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"]
BOM = b"\xef\xbb\xbf"


def _table(store: Store, language: str = "fi", ids: list[uuid.UUID] | None = None):
    with store.read() as session:
        return organisation_table(session, language, ids)


def _count(store: Store, model: type[Organisation] | type[ContactPerson]) -> int:
    with store.read() as session:
        query = select(func.count()).select_from(model).where(model.deleted.is_(False))
        return session.scalar(query) or 0


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fp:
        return list(csv.reader(fp, delimiter=";"))


def _xlsx_values(path: Path) -> list[list[str]]:
    sheet = load_workbook(path).active
    return [[cell.value or "" for cell in row] for row in sheet.iter_rows()]


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- the organisation table -----------------------------------------------------------------


def test_the_table_has_a_row_per_organisation_and_a_cell_per_heading(demo_store):
    headings, rows = _table(demo_store)
    assert len(headings) == len(ORGANISATION_HEADINGS) == 17
    assert len(rows) == _count(demo_store, Organisation) > 100
    assert all(len(row) == len(headings) for row in rows)
    assert all(isinstance(cell, str) for row in rows for cell in row)
    names = [row[0] or row[1] for row in rows]
    assert names == sorted(names, key=str.casefold)
    # Someone represents most organisations: "Name (role)", several separated by "; ".
    contacts = headings.index("Yhteyshenkilöt")
    assert sum(bool(row[contacts]) for row in rows) > len(rows) / 2
    assert any("; " in row[contacts] and "(" in row[contacts] for row in rows)


def test_a_deleted_organisation_is_not_exported(demo_store):
    _headings, rows = _table(demo_store)
    with demo_store.read() as session:
        victim = session.scalars(
            select(Organisation).where(Organisation.deleted.is_(False))
        ).first()
        name = victim.name_fi
    mark_deleted(demo_store, victim.id)
    _headings, after = _table(demo_store)
    assert len(after) == len(rows) - 1
    assert name not in [row[0] for row in after]
    # Not even when asked for by id.
    assert _table(demo_store, ids=[victim.id])[1] == []


def test_swedish_headings_and_labels(demo_store):
    fi_headings, fi_rows = _table(demo_store, "fi")
    sv_headings, sv_rows = _table(demo_store, "sv")
    assert sv_headings == [translate_in("sv", heading) for heading in ORGANISATION_HEADINGS]
    assert sv_headings != fi_headings
    for swedish in ("FO-nummer", "Sektorer", "Kontaktpersoner", "Status"):
        assert swedish in sv_headings
    assert "Y-tunnus" in fi_headings
    assert "Business ID" in _table(demo_store, "en")[0]
    # Labels and language names follow the table's language.
    languages = ORGANISATION_HEADINGS.index("Languages")
    assert any("svenska" in row[languages] for row in sv_rows)
    assert any("ruotsi" in row[languages] for row in fi_rows)
    form = ORGANISATION_HEADINGS.index("Form of organisation")
    assert {row[form] for row in sv_rows}.isdisjoint({row[form] for row in fi_rows})


def test_the_ids_filter_keeps_the_given_order(demo_store):
    _headings, rows = _table(demo_store)
    with demo_store.read() as session:
        by_name = {o.name_fi or o.name_sv: o.id for o in session.scalars(select(Organisation))}
    chosen = [by_name[row[0] or row[1]] for row in rows[:7]][::-1]
    wanted = [row[0] or row[1] for row in rows[:7]][::-1]
    mark_deleted(demo_store, chosen[3])
    del wanted[3]
    ids = [*chosen, uuid.uuid4(), chosen[0]]  # an unknown id and a repeat are left out
    _headings, filtered = _table(demo_store, ids=ids)
    assert [row[0] or row[1] for row in filtered] == wanted


# -- CSV and XLSX ---------------------------------------------------------------------------


def test_csv_reads_back_with_bom_semicolons_and_scandinavian_letters(demo_store, tmp_path):
    headings, rows = _table(demo_store)
    target = tmp_path / "järjestöt.csv"
    write_csv(headings, rows, target)
    data = target.read_bytes()
    assert data.startswith(BOM)
    assert data[len(BOM) :].decode("utf-8").splitlines()[0].count(";") == len(headings) - 1
    back = _read_csv(target)
    assert back[0] == headings
    assert len(back) - 1 == _count(demo_store, Organisation)
    assert back[1:] == [[neutralise_csv(cell) for cell in row] for row in rows]
    text = "".join(cell for row in back for cell in row)
    assert all(letter in text for letter in "äöåÖ")
    assert _no_temp_files(tmp_path)


def test_xlsx_reads_back_with_a_bold_frozen_filtered_header(demo_store, tmp_path):
    headings, rows = _table(demo_store, "sv")
    target = tmp_path / "organisationer.xlsx"
    write_xlsx(headings, rows, target, "Organisationer")
    workbook = load_workbook(target)
    sheet = workbook.active
    assert sheet.title == "Organisationer"
    assert all(cell.font.bold for cell in sheet[1])
    assert not any(cell.font.bold for cell in sheet[2])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:Q{len(rows) + 1}"
    assert _xlsx_values(target) == [headings, *rows]
    # Every cell is text: a Business ID is never a number or a date.
    assert {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value} == {"s"}
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLMNOPQ"]
    assert all(6 <= width <= 60 for width in widths)
    assert _no_temp_files(tmp_path)


def test_formula_injection_is_neutralised(demo_store, tmp_path):
    with demo_store.read() as session:
        ids = list(session.scalars(select(Organisation.id).limit(len(PAYLOADS))))
    with demo_store.operation("tamper") as session:
        for organisation_id, payload in zip(ids, PAYLOADS, strict=True):
            session.get(Organisation, organisation_id).name_fi = payload
    headings, rows = _table(demo_store, ids=ids)
    assert [row[0] for row in rows] == PAYLOADS

    write_csv(headings, rows, tmp_path / "out.csv")
    back = _read_csv(tmp_path / "out.csv")
    assert [row[0] for row in back[1:]] == ["'" + payload for payload in PAYLOADS]

    write_xlsx(headings, rows, tmp_path / "out.xlsx", "Järjestöt")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    cells = [sheet.cell(row=n, column=1) for n in range(2, len(PAYLOADS) + 2)]
    # In a cell, XML (and so Excel) knows only "\n" as a line break.
    assert [cell.value for cell in cells] == [p.replace("\r", "\n") for p in PAYLOADS]
    assert all(cell.data_type == "s" for cell in cells)
    assert all(cell.quotePrefix for cell in cells[:-1])
    # Harmless text is left as it is.
    assert neutralise_csv("Kylä ry") == "Kylä ry" and neutralise_csv("") == ""


def test_a_table_written_by_extension(tmp_path):
    headings, rows = ["Nimi", "Ö"], [["Åbo", "x;y"], ["a\nb", ""]]
    write_table(headings, rows, tmp_path / "t.CSV", "x")
    assert _read_csv(tmp_path / "t.CSV") == [headings, *rows]
    write_table(headings, rows, tmp_path / "t.xlsx", "bad/name: [x]*?")
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert sheet.title == "bad name x"
    assert _xlsx_values(tmp_path / "t.xlsx") == [headings, *rows]
    with pytest.raises(KnownError, match=r"t\.ods"):
        write_table(headings, rows, tmp_path / "t.ods", "x")


# -- vCards ---------------------------------------------------------------------------------


def _cards(store: Store) -> list[ContactCard]:
    with store.read() as session:
        return contact_people(session)


def test_a_vcard_per_person_crlf_and_short_lines(demo_store, tmp_path):
    cards = _cards(demo_store)
    assert len(cards) == _count(demo_store, ContactPerson) > 100
    target = tmp_path / "yhteyshenkilöt.vcf"
    write_vcards(cards, target)
    data = target.read_bytes()
    assert not data.startswith(BOM)
    assert data.count(b"BEGIN:VCARD\r\n") == data.count(b"END:VCARD\r\n") == len(cards)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\r" not in line and b"\n" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    for line in lines:  # no fold splits a multi-byte character
        line.decode("utf-8")
    text = unfold(data.decode("utf-8"))
    assert text.count("\r\nVERSION:4.0\r\n") == len(cards)
    assert sum("ORG:" in block for block in text.split("BEGIN:VCARD")) > len(cards) / 2
    for person in cards[:20]:
        assert f"\r\nUID:urn:uuid:{person.id}\r\n" in text
        assert f"\r\nFN:{vcard.escape(person.name)}\r\n" in text
    assert _no_temp_files(tmp_path)


def test_folding_round_trips_and_never_splits_a_character():
    long_name = "Pohjanmaan Hyvinvointialueen Järjestöjen Yhteistyöyhdistys – Österbottens " * 3
    person = ContactCard(
        id=uuid.uuid4(),
        name="Åsa-Märta Öhman",
        email="asa.ohman@example.fi",
        phone="040 123 4567",
        preferred_language="sv",
        organisations=(
            Affiliation(long_name.strip(), "ordförande"),
            Affiliation("Kylä ry", "sihteeri"),
        ),
    )
    for padding in range(4):  # move the fold across the two-octet letters
        text = vcard.card(ContactCard(**{**person.__dict__, "name": "x" * padding + person.name}))
        raw = text.encode("utf-8").split(b"\r\n")[:-1]
        assert all(len(line) <= 75 for line in raw)
        assert [line.decode("utf-8") for line in raw]
        unfolded = unfold(text).split("\r\n")
        assert f"ORG:{vcard.escape(long_name.strip())}" in unfolded
        assert "TITLE:ordförande" in unfolded
        assert "LANG:sv" in unfolded
        assert "TEL;VALUE=text;TYPE=work:040 123 4567" in unfolded
        note = next(line for line in unfolded if line.startswith("NOTE:"))
        assert note.endswith("(ordförande)\\nKylä ry (sihteeri)")
    line = "NOTE:" + "ä" * 100
    assert vcard.unfold(vcard.fold(line)) == line


def test_escaping_in_a_name_and_a_compound_value():
    person = ContactCard(
        id=uuid.uuid4(),
        name="Virtanen; Matti, jr \\ II",
        email="",
        phone="",
        preferred_language="fi",
        organisations=(Affiliation("Yhdistys; sektori, osasto", "rivi 1\nrivi 2"),),
    )
    lines = unfold(vcard.card(person)).split("\r\n")
    assert "FN:Virtanen\\; Matti\\, jr \\\\ II" in lines
    assert "ORG:Yhdistys\\; sektori\\, osasto" in lines
    assert "TITLE:rivi 1\\nrivi 2" in lines
    assert not [line for line in lines if line.startswith(("EMAIL", "TEL", "NOTE"))]
    n_line = next(line for line in lines if line.startswith("N:"))
    assert n_line.count(";") - n_line.count("\\;") == 4  # five fields
    assert vcard.split_name("Carl von Wright") == ("von Wright", "Carl")
    assert vcard.split_name("Anna-Maria Nyström") == ("Nyström", "Anna-Maria")


def test_contact_people_by_id_and_without_deleted_links(demo_store):
    cards = _cards(demo_store)
    chosen = [card.id for card in cards[5:9]][::-1]
    with demo_store.read() as session:
        picked = contact_people(session, [*chosen, uuid.uuid4()], language="sv")
    assert [card.id for card in picked] == chosen
    with demo_store.operation("delete") as session:
        session.get(ContactPerson, chosen[0]).deleted = True
    assert len(_cards(demo_store)) == len(cards) - 1


# -- unwritable targets ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".vcf"])
def test_a_folder_in_the_way_is_a_known_error_and_leaves_no_temp_file(tmp_path, suffix):
    target = tmp_path / f"export{suffix}"
    target.mkdir()
    with pytest.raises(KnownError, match="export"):
        if suffix == ".vcf":
            write_vcards([], target)
        else:
            write_table(["a"], [["b"]], target, "x")
    assert target.is_dir() and list(target.iterdir()) == []
    assert _no_temp_files(tmp_path)


def test_a_missing_folder_is_a_known_error(tmp_path):
    with pytest.raises(KnownError):
        write_csv(["a"], [["b"]], tmp_path / "no such folder" / "x.csv")
