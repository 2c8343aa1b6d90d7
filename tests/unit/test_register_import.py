"""Importing organisations and contact persons from officers' CSV and XLSX files."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from desktop import i18n
from desktop.documents.tabular import read_table
from desktop.errors import ValidationError
from desktop.services import register, register_import
from desktop.services.register_import import Action, apply_import, plan_import
from desktop.storage.models import AuditEntry, ContactPerson, Organisation, Representation
from desktop.storage.models.enums import OrganisationForm
from desktop.storage.store import Store

# Valid Business IDs (check digit included).
BID_1, BID_2, BID_3, BID_4, BID_5 = "1234567-1", "2345678-0", "4567890-7", "5678901-2", "0112233-3"

FI_HEADINGS = [
    "Nimi", "Y-tunnus", "Rekisterinumero", "Kotipaikka", "Sähköposti", "Puhelin",
    "Yhteyshenkilö", "Yhteyshenkilön sähköposti", "Rooli",
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8-sig", delimiter: str = ";") -> Path:
    with path.open("w", encoding=encoding, newline="") as fp:
        csv.writer(fp, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Muistiinpanot").append(["not imported"])
    workbook.save(path)
    return path


def snapshot(store: Store) -> dict[str, object]:
    """Row counts of the register tables and a checksum of every organisation row."""
    with store.engine.connect() as conn:
        result: dict[str, object] = {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("organisation", "contact_person", "representation", "audit_log")
        }
        rows = conn.execute(text("SELECT * FROM organisation ORDER BY id")).all()
        result["checksum"] = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
    return result


def add_organisation(store: Store, **values: object) -> Organisation:
    org = Organisation(**values)
    store.run("test: add organisation", lambda session: session.add(org))
    return org


def organisation_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM organisation")).scalar_one()


def by_row(plan: register_import.ImportPlan) -> dict[int, register_import.PlannedRow]:
    return {row.row_number: row for row in plan.rows}


@pytest.fixture(autouse=True)
def english(isolated_dirs: Path) -> None:
    """Messages are checked in English (the source); report_lines is checked in every language."""
    i18n.set_language("en")


@pytest.fixture
def finnish_csv(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "järjestöt.csv",
        [
            FI_HEADINGS,
            ["Oulun Kylätoimikunta ry", BID_1, "123.456", "Oulu", "info@kyla.fi", "040 123 4567",
             "Maija Meikäläinen", "maija@kyla.fi", "puheenjohtaja"],
            ["Vaasan Omaiset ry", "", "", "vaasa", "omaiset@example.fi", "", "", "", ""],
            ["Väärä tunnus ry", "1234567-2", "", "Oulu", "", "", "", "", ""],
            ["Tuntematon kunta ry", "", "", "Atlantis", "", "", "", "", ""],
            ["", BID_2, "", "Oulu", "", "", "", "", ""],
            ["Huono posti ry", "", "", "", "ei-osoite@", "", "", "", ""],
            ["Oulun kylätoimikunta", "", "", "Oulu", "", "", "", "", ""],
            ["", "", "", "", "", "", "", "", ""],  # empty rows are skipped
            ["Toinen kopio ry", BID_1, "", "", "", "", "", "", ""],
        ],
    )


# -- reading files -------------------------------------------------------------------------


def test_utf8_bom_semicolon_csv_is_read(finnish_csv: Path):
    table = read_table(finnish_csv)
    assert table.headers == FI_HEADINGS
    assert table.rows[0][0] == "Oulun Kylätoimikunta ry"
    assert table.source_rows == [2, 3, 4, 5, 6, 7, 8, 10]


def test_cp1252_comma_csv_with_multiline_cell(tmp_path: Path):
    path = write_csv(
        tmp_path / "lista.csv",
        [
            ["Nimi", "Kotipaikka", "Kuvaus", "Yhteyshenkilö"],
            ["Pörssäri ry", "Kruunupyy", "Ensimmäinen rivi, pilkulla\nToinen rivi: åäö", "Åke Öhman"],
            ["Kävijät ry", "Helsinki", "Yksi rivi", ""],
        ],
        encoding="cp1252",
        delimiter=",",
    )
    assert "Pörssäri".encode("cp1252") in path.read_bytes()
    table = read_table(path)
    assert table.headers == ["Nimi", "Kotipaikka", "Kuvaus", "Yhteyshenkilö"]
    assert table.rows[0] == [
        "Pörssäri ry", "Kruunupyy", "Ensimmäinen rivi, pilkulla\nToinen rivi: åäö", "Åke Öhman"
    ]
    # Row numbers are Excel's: the multi-line record is one row.
    assert table.source_rows == [2, 3]


def test_tab_delimited_utf8_without_bom_and_sep_hint(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Nimi\tKunta\nEka ry\tOulu\n", encoding="utf-8")
    assert read_table(path).rows == [["Eka ry", "Oulu"]]
    hinted = tmp_path / "b.csv"
    hinted.write_text("sep=,\r\nNimi,Kunta\r\nToka ry,Vaasa\r\n", encoding="utf-8")
    table = read_table(hinted)
    assert table.rows == [["Toka ry", "Vaasa"]] and table.source_rows == [3]


def test_single_column_csv_falls_back(tmp_path: Path):
    path = tmp_path / "yksi.csv"
    path.write_text("Nimi\nYksi ry\nKaksi ry\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Nimi"] and table.rows == [["Yksi ry"], ["Kaksi ry"]]


def test_xlsx_cells_become_text(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "t.xlsx",
        [["Namn", "Datum", "Antal", "Kod", None], ["Förening rf", dt.datetime(2019, 4, 17), 12.0, 91],
         [None, None, None, None], [None]],
    )
    table = read_table(path)
    assert table.headers == ["Namn", "Datum", "Antal", "Kod"]
    assert table.rows == [["Förening rf", "17.4.2019", "12", "91"]]
    assert table.source_rows == [2]


@pytest.mark.parametrize(
    ("name", "content"),
    [("tyhjä.csv", b""), ("tyhjä2.csv", b"\xef\xbb\xbf;;\r\n;;\r\n"), ("kuva.png", b"\x89PNG"),
     ("rikki.xlsx", b"not a zip file"), ("vanha.xls", b"\xd0\xcf\x11\xe0")],
)
def test_unreadable_files_are_refused(tmp_path: Path, name: str, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        read_table(path)
    assert name in str(info.value)


def test_missing_file_is_refused(tmp_path: Path):
    with pytest.raises(ValidationError):
        read_table(tmp_path / "ei-ole.csv")


# -- planning ------------------------------------------------------------------------------


def test_plan_accepts_and_rejects_with_reasons(store: Store, finnish_csv: Path):
    before = snapshot(store)
    plan = plan_import(store, finnish_csv)
    rows = by_row(plan)
    assert {n: r.action for n, r in rows.items()} == {
        2: Action.ADD, 3: Action.ADD, 4: Action.REJECTED, 5: Action.REJECTED,
        6: Action.REJECTED, 7: Action.REJECTED, 8: Action.REJECTED, 10: Action.REJECTED,
    }
    assert rows[2].fields == {
        "name_fi": "Oulun Kylätoimikunta ry", "business_id": BID_1, "register_number": "123.456",
        "domicile_code": "564", "email": "info@kyla.fi", "phone": "040 123 4567",
    }
    assert rows[2].contact == {
        "name": "Maija Meikäläinen", "email": "maija@kyla.fi", "phone": "", "role": "puheenjohtaja"
    }
    assert rows[3].fields["domicile_code"] == "905"  # Vaasa, case-insensitively
    assert rows[3].contact is None

    def reasons(number: int) -> str:
        return " ".join(rows[number].reasons)

    assert "Y-tunnus" in reasons(4) and "1234567-2" in reasons(4)
    assert "Kotipaikka" in reasons(5) and "Atlantis" in reasons(5)
    assert "Nimi" in reasons(6) and rows[6].name == ""
    assert "Sähköposti" in reasons(7) and "ei-osoite@" in reasons(7)
    assert reasons(8) == "Duplicate of row 2: the same name and municipality."
    assert reasons(10) == "Duplicate of row 2: the same Business ID."
    assert plan.counts == {Action.ADD: 2, Action.UPDATE: 0, Action.UNCHANGED: 0, Action.REJECTED: 6}
    assert snapshot(store) == before


def test_a_failed_apply_writes_nothing(store: Store, finnish_csv: Path):
    before = snapshot(store)
    plan = plan_import(store, finnish_csv)
    with pytest.raises(ValidationError):
        apply_import(store, plan)
    assert snapshot(store) == before


def test_an_exception_while_writing_rolls_everything_back(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = write_csv(tmp_path / "a.csv", [["Nimi"], ["Yksi ry"], ["Kaksi ry"]])
    plan = plan_import(store, path)
    before = snapshot(store)
    real = register_import.insert_records
    calls: list[str] = []

    def failing(session, model, rows):
        calls.append(model.__tablename__)
        if len(calls) == 2:  # the organisations are written, the contact persons fail
            raise RuntimeError("disk on fire")
        return real(session, model, rows)

    monkeypatch.setattr(register_import, "insert_records", failing)
    with pytest.raises(RuntimeError):
        apply_import(store, plan)
    assert calls == ["organisation", "contact_person"]
    assert snapshot(store) == before


def test_apply_then_reimport_changes_nothing(store: Store, finnish_csv: Path):
    plan = plan_import(store, finnish_csv)
    changes = apply_import(store, plan, allow_rejected=True)
    assert len(changes.inserted["organisation"]) == 2
    assert len(changes.inserted["contact_person"]) == 1
    assert len(changes.inserted["representation"]) == 1
    with store.read() as session:
        org = session.scalars(select(Organisation).where(Organisation.business_id == BID_1)).one()
        assert org.domicile_code == "564" and org.register_number == "123.456"
        assert org.form == OrganisationForm.REGISTERED_ASSOCIATION
        (rep,) = org.representations
        assert rep.role == "puheenjohtaja"
        assert (rep.contact.name, rep.contact.email) == ("Maija Meikäläinen", "maija@kyla.fi")
        assert rep.contact.retained_since == dt.date.today()
        operations = session.scalars(select(AuditEntry.operation)).all()
        assert operations.count("import organisations") == 4  # 2 organisations, a person, a link

    after_first = snapshot(store)
    again = plan_import(store, finnish_csv)
    rows = by_row(again)
    assert rows[2].action == rows[3].action == Action.UNCHANGED
    assert rows[2].organisation_id == org.id
    assert again.added == again.updated == 0 and again.rejected == 6
    assert apply_import(store, again, allow_rejected=True).tables == set()
    assert snapshot(store) == after_first


def test_update_by_business_id_changes_only_the_given_fields(store: Store, tmp_path: Path):
    org = add_organisation(
        store, name_fi="Vanha Nimi ry", business_id=BID_3, email="vanha@example.fi",
        phone="09 123", description="Kuvaus säilyy", domicile_code="091",
    )
    path = write_csv(
        tmp_path / "päivitys.csv",
        [["Nimi", "Y-tunnus", "Puhelin", "Sähköposti", "Kuvaus"],
         ["Uusi Nimi ry", BID_3.replace("-", ""), "09 999", "", ""]],
    )
    plan = plan_import(store, path)
    (row,) = plan.rows
    assert row.action == Action.UPDATE and row.organisation_id == org.id
    assert row.changed_columns == ["Nimi", "Puhelin"]
    changes = apply_import(store, plan)
    assert changes.updated == {"organisation": {org.id}} and not changes.inserted
    with store.read() as session:
        fresh = session.get(Organisation, org.id)
        assert fresh is not None
        assert (fresh.name_fi, fresh.phone) == ("Uusi Nimi ry", "09 999")
        assert (fresh.email, fresh.description, fresh.domicile_code, fresh.business_id) == (
            "vanha@example.fi", "Kuvaus säilyy", "091", BID_3
        )


def test_matching_by_register_number_and_by_name_and_place(store: Store, tmp_path: Path):
    by_number = add_organisation(store, name_fi="Rekisteröity ry", register_number="200.100")
    by_name = add_organisation(store, name_fi="Oulun Kyläyhdistys r.y.", domicile_code="564")
    elsewhere = add_organisation(store, name_fi="Oulun Kyläyhdistys ry", domicile_code="091")
    deleted = add_organisation(store, name_fi="Poistettu ry", business_id=BID_4)
    store.run("test: delete", lambda s: setattr(s.get(Organisation, deleted.id), "deleted", True))
    path = write_csv(
        tmp_path / "m.csv",
        [["Nimi", "Rekisterinumero", "Kotipaikka", "Y-tunnus"],
         ["Toinen nimi", "200 . 100", "", ""],
         ["OULUN  kyläyhdistys", "", "Oulu", ""],
         ["Poistettu ry", "", "", BID_4]],
    )
    rows = by_row(plan_import(store, path))
    assert rows[2].organisation_id == by_number.id and rows[2].action == Action.UPDATE
    assert rows[2].fields["register_number"] == "200.100"
    assert rows[3].organisation_id == by_name.id and rows[3].action == Action.UPDATE
    assert rows[3].organisation_id != elsewhere.id
    assert rows[4].action == Action.ADD  # a deleted organisation is not matched


def test_same_name_in_two_places_needs_the_municipality(store: Store, tmp_path: Path):
    add_organisation(store, name_fi="Eläkkeensaajat ry", domicile_code="564")
    add_organisation(store, name_fi="Eläkkeensaajat ry", domicile_code="905")
    path = write_csv(tmp_path / "a.csv", [["Nimi"], ["Eläkkeensaajat ry"]])
    (row,) = plan_import(store, path).rows
    assert row.action == Action.REJECTED and "2" in row.reasons[0]


def test_swedish_xlsx_with_title_row(store: Store, tmp_path: Path):
    path = write_xlsx(
        tmp_path / "föreningar.xlsx",
        [
            ["Föreningar i Österbotten 2025"],
            [],
            ["Namn på finska", "Namn", "FO-nummer", "Hemort", "E-post", "Kontaktperson",
             "Kontaktpersonens e-post", "Roll", "Anteckning"],
            ["Kruunupyyn Kyläseura ry", "Kronoby Byaförening rf", BID_5, "Kronoby",
             "info@by.fi", "Åsa Åström", "asa@by.fi", "ordförande", "x"],
            [None, "Stiftelsen Hjälp sr", None, 905, None, "Bo Berg", None, None, None],
            [None, "Utan e-post rf", None, "Vasa", "inte en adress", None, None, None, None],
        ],
    )
    plan = plan_import(store, path)
    assert plan.header_row == 3
    assert plan.columns["Namn"] == "name_sv" and plan.columns["Namn på finska"] == "name_fi"
    assert plan.ignored_columns == ["Anteckning"]
    rows = by_row(plan)
    assert rows[4].action == rows[5].action == Action.ADD
    assert rows[4].fields["domicile_code"] == "288" and rows[5].fields["domicile_code"] == "905"
    assert rows[4].name == "Kruunupyyn Kyläseura ry" and rows[5].name == "Stiftelsen Hjälp sr"
    assert rows[6].action == Action.REJECTED and "E-post" in rows[6].reasons[0]
    apply_import(store, plan, allow_rejected=True)
    with store.read() as session:
        foundation = session.scalars(
            select(Organisation).where(Organisation.name_sv == "Stiftelsen Hjälp sr")
        ).one()
        assert foundation.form == OrganisationForm.FOUNDATION and foundation.name_fi == ""
        assert [r.contact.name for r in foundation.representations] == ["Bo Berg"]
    assert {r.action for r in plan_import(store, path).rows} == {Action.UNCHANGED, Action.REJECTED}


def test_contacts_are_reused_by_email_then_name(store: Store, tmp_path: Path):
    headings = ["Nimi", "Y-tunnus", "Yhteyshenkilö", "Yhteyshenkilön sähköposti", "Tehtävä"]
    first = write_csv(tmp_path / "1.csv", [headings, ["Seura ry", BID_2, "Liisa Laine", "", "sihteeri"]])
    apply_import(store, plan_import(store, first))
    # Same name: reused, the e-mail is added. A new role is a new representation.
    second = write_csv(
        tmp_path / "2.csv", [headings, ["Seura ry", BID_2, "liisa  laine", "liisa@seura.fi", "jäsen"]]
    )
    plan = plan_import(store, second)
    assert plan.rows[0].action == Action.UPDATE
    assert plan.rows[0].changed_columns == ["Yhteyshenkilö", "Yhteyshenkilön sähköposti", "Tehtävä"]
    changes = apply_import(store, plan)
    assert "contact_person" not in changes.inserted and len(changes.inserted["representation"]) == 1
    # Same e-mail, other spelling of the name: the same person again.
    third = write_csv(
        tmp_path / "3.csv", [headings, ["Seura ry", BID_2, "Liisa Laine-Virta", "LIISA@seura.fi", ""]]
    )
    apply_import(store, plan_import(store, third))
    with store.read() as session:
        people = session.scalars(select(ContactPerson)).all()
        assert [(p.name, p.email) for p in people] == [("Liisa Laine-Virta", "liisa@seura.fi")]
        roles = sorted(r.role for r in session.scalars(select(Representation)))
        assert roles == ["jäsen", "sihteeri"]
    assert plan_import(store, third).rows[0].action == Action.UNCHANGED


def test_contact_without_a_name_is_rejected(store: Store, tmp_path: Path):
    path = write_csv(
        tmp_path / "a.csv",
        [["Nimi", "Yhteyshenkilö", "Yhteyshenkilön sähköposti"], ["Seura ry", "", "a@b.fi"]],
    )
    (row,) = plan_import(store, path).rows
    assert row.action == Action.REJECTED and "Yhteyshenkilö" in row.reasons[0]


def test_mapping_overrides_and_extends_recognition(store: Store, tmp_path: Path):
    path = write_csv(
        tmp_path / "oma.csv",
        [["Seura", "Namn", "Tunniste", "Paikka", "Lisätieto"],
         ["Oma Seura ry", "Egen Förening rf", BID_1, "Oulu", "muistiinpano"]],
    )
    assert plan_import(store, path).columns == {"Namn": "name_sv"}
    unnamed = write_csv(tmp_path / "nimetön.csv", [["Seura", "Paikka"], ["Oma Seura ry", "Oulu"]])
    with pytest.raises(ValidationError, match="name_fi"):
        plan_import(store, unnamed)  # no column is recognised as a name: told to map one
    plan = plan_import(
        store, path,
        {" seura ": "name_fi", "Tunniste": "business_id", "Paikka": "Kotipaikka", "Namn": "ignore"},
    )
    (row,) = plan.rows
    assert row.action == Action.ADD
    assert row.fields == {"name_fi": "Oma Seura ry", "business_id": BID_1, "domicile_code": "564"}
    assert plan.ignored_columns == ["Namn", "Lisätieto"]
    with pytest.raises(ValidationError, match="nonsense"):
        plan_import(store, path, {"Seura": "nonsense"})
    with pytest.raises(ValidationError, match="Puuttuva"):
        plan_import(store, path, {"Puuttuva": "name_fi"})


def test_report_lines(store: Store, finnish_csv: Path):
    plan = plan_import(store, finnish_csv)
    for language in ("fi", "sv", "en"):
        lines = plan.report_lines(language)
        assert len(lines) == len(plan.rows) + 1
        for line, row in zip(lines, plan.rows, strict=False):
            assert str(row.row_number) in line
        assert "8" in lines[-1] and "6" in lines[-1]
    english = plan.report_lines("en")
    assert english[0] == "Row 2: add “Oulun Kylätoimikunta ry”"
    assert english[-1] == "8 rows: 2 to add, 0 to update, 0 unchanged, 6 rejected."
    assert english[2].startswith("Row 4: rejected “Väärä tunnus ry”: Column “Y-tunnus”")


# -- preview and mapping -------------------------------------------------------------------


@pytest.fixture
def unknown_csv(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "yhdistykset.csv",
        [
            ["Yhdistyksen virallinen nimi", "Kotipaikka", "Puhelinnumero (työ)", "Puhelin", "puhelin"],
            ["Pörssärin Kyläyhdistys ry", "Vaasa", "040 123 4567", "06 111", "x"],
            ["Åbo Svenska Förening rf", "Mustasaari", "050 765 4321", "", ""],
            *([f"Seura {i} ry", "Oulu", "", "", ""] for i in range(8)),
        ],
    )


def test_preview_shows_headings_first_rows_and_recognition(store: Store, unknown_csv: Path):
    preview = register_import.preview(unknown_csv, rows=3)
    assert preview.headers == [
        "Yhdistyksen virallinen nimi", "Kotipaikka", "Puhelinnumero (työ)", "Puhelin", "puhelin"
    ]
    assert preview.sample_rows[1] == ["Åbo Svenska Förening rf", "Mustasaari", "050 765 4321", "", ""]
    assert len(preview.sample_rows) == 3 and preview.sample_row_numbers == [2, 3, 4]
    assert preview.row_count == 10 and preview.header_row == 1
    # "puhelin" repeats "Puhelin": a mapping names columns by heading, so only the first counts.
    assert [preview.mappable(i) for i in range(5)] == [True, True, True, True, False]
    assert preview.recognised_mapping == {
        "Yhdistyksen virallinen nimi": "ignore", "Kotipaikka": "domicile",
        "Puhelinnumero (työ)": "ignore", "Puhelin": "phone",
    }
    assert organisation_count(store) == 0


def test_preview_finds_the_headings_below_a_title_without_a_name_column(tmp_path: Path):
    path = write_csv(
        tmp_path / "lista.csv",
        [["Yhdistysluettelo 2025", "", ""], ["Yhdistyksen virallinen nimi", "Kotipaikka", "Puhelin"],
         ["Eka ry", "Vaasa", "06 1"]],
    )
    preview = register_import.preview(path)
    assert preview.header_row == 2 and preview.headers[0] == "Yhdistyksen virallinen nimi"
    assert preview.sample_rows == [["Eka ry", "Vaasa", "06 1"]] and preview.sample_row_numbers == [3]


def test_planning_the_previewed_table_with_the_users_mapping(store: Store, unknown_csv: Path):
    preview = register_import.preview(unknown_csv)
    mapping = dict(preview.recognised_mapping)
    assert not register_import.check_mapping(mapping).ok
    mapping.update({"Yhdistyksen virallinen nimi": "name_fi", "Puhelinnumero (työ)": "phone",
                    "Puhelin": "ignore"})
    assert register_import.check_mapping(mapping).ok
    unknown_csv.write_text("Nimi\nMuuttunut ry\n", encoding="utf-8")  # what was previewed counts
    plan = plan_import(store, unknown_csv, mapping, table=preview.table)
    assert plan.added == 10
    assert plan.rows[0].fields == {
        "name_fi": "Pörssärin Kyläyhdistys ry", "domicile_code": "905", "phone": "040 123 4567"
    }
    assert plan.ignored_columns == ["Puhelin", "puhelin"]


def test_check_mapping_names_what_is_missing_or_repeated():
    check = register_import.check_mapping({"A": "phone", "B": "ignore", "C": "phone", "D": "email"})
    assert check.name_missing and check.repeated == {"phone": ["A", "C"]}
    messages = check.messages("en")
    assert messages[0] == ("An organisation cannot be imported without its name: choose "
                           "“Name in Finnish” or “Name in Swedish” for the column that holds the names.")
    assert messages[1] == ("Several columns are imported as “Phone”: “A”, “C”. "
                           "Choose it for one of them only.")
    assert register_import.check_mapping({"A": "name_sv", "C": "phone"}).ok
    assert register_import.check_mapping({"A": "name_sv", "C": "phone"}).messages() == []


def test_a_mapping_with_one_field_twice_is_refused(store: Store, unknown_csv: Path):
    with pytest.raises(ValidationError, match="both mapped to phone"):
        plan_import(store, unknown_csv, {"Yhdistyksen virallinen nimi": "name_fi",
                                         "Puhelinnumero (työ)": "phone", "Puhelin": "phone"})


def test_field_labels_are_translated():
    assert set(register_import.FIELD_LABELS) == {*register_import.FIELDS, "ignore"}
    assert register_import.field_label("business_id", "fi") == "Y-tunnus"
    assert register_import.field_label("business_id", "sv") == "FO-nummer"
    assert register_import.field_label("ignore", "en") == "Do not import"
    assert register_import.field_label("domicile") == "Municipality of domicile"


def test_column_headings_are_quoted_by_the_message_not_the_code(store: Store, tmp_path: Path):
    path = write_csv(
        tmp_path / "a.csv",
        [["Nimi suomeksi", "Nimi ruotsiksi", "Lisätieto"], ["", "", "x"], ["Eka ry", "", ""]],
    )
    plan = plan_import(store, path)
    assert str(plan.rows[0].reasons[0]) == (
        "The name is missing (columns “Nimi suomeksi” and “Nimi ruotsiksi”).")
    assert plan.report_lines("en")[0] == "Columns not imported: “Lisätieto”"
    assert register_import.quoted("Nimi", "en") == "“Nimi”"


def test_a_remembered_mapping_is_used_for_the_same_headings(unknown_csv: Path, tmp_path: Path):
    from desktop.settings import Settings

    preview = register_import.preview(unknown_csv)
    other = write_csv(tmp_path / "b.csv", [[h.upper() for h in preview.headers], ["Eka ry"] * 5])
    assert register_import.preview(other).key == preview.key
    settings = Settings()
    settings.remember_import_mapping(preview.key, {
        "Yhdistyksen virallinen nimi": "name_fi", "Puhelin": "nonsense", "Poistunut": "email"})
    settings.save()
    remembered = Settings.load().import_mappings[preview.key]
    mapping = register_import.preview(other).mapping_with(remembered)
    assert mapping == {"YHDISTYKSEN VIRALLINEN NIMI": "name_fi", "KOTIPAIKKA": "domicile",
                       "PUHELINNUMERO (TYÖ)": "ignore", "PUHELIN": "phone"}
    assert preview.mapping_with("not a mapping") == preview.recognised_mapping
    settings.remember_import_mapping(preview.key, None)
    assert preview.key not in settings.import_mappings
    for i in range(25):
        settings.remember_import_mapping(f"key {i}", {"a": "name_fi"})
    assert list(settings.import_mappings) == [f"key {i}" for i in range(5, 25)]


# -- robustness ----------------------------------------------------------------------------

cell = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
some_cells = st.lists(st.lists(cell, min_size=6, max_size=6), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=some_cells, xlsx=st.booleans())
def test_random_cells_are_accepted_or_rejected_never_crash(
    store: Store, tmp_path: Path, rows: list[list[str]], xlsx: bool
):
    headings = ["Nimi", "Y-tunnus", "Rekisterinumero", "Kotipaikka", "Sähköposti", "Yhteyshenkilö"]
    if xlsx:
        safe = [[c.translate(CONTROL_TO_SPACE) for c in row] for row in rows]
        path = write_xlsx(tmp_path / "h.xlsx", [headings, *safe])
    else:
        path = write_csv(tmp_path / "h.csv", [headings, *rows])
    plan = plan_import(store, path)
    assert all(r.action in (Action.ADD, Action.REJECTED) for r in plan.rows)
    assert all(r.reasons for r in plan.rows if r.action == Action.REJECTED)
    assert len(plan.report_lines("fi")) == len(plan.rows) + 1


CONTROL_TO_SPACE = {code: " " for code in range(32)}


def test_a_file_like_the_register_export_imports(store: Store, tmp_path: Path):
    """English export headings; the export's ``'`` before a leading ``+`` is undone."""
    path = write_csv(
        tmp_path / "export.csv",
        [["Name in Finnish", "Name in Swedish", "Municipality of domicile", "Phone", "Contact persons"],
         ["Vientiseura ry", "", "Helsingfors", "'+358 40 123 4567", "A (chair); B"]],
    )
    plan = plan_import(store, path)
    assert plan.ignored_columns == ["Contact persons"]
    (row,) = plan.rows
    assert row.fields == {"name_fi": "Vientiseura ry", "domicile_code": "091", "phone": "+358 40 123 4567"}


def test_imported_rows_read_back_whole_with_their_stamps(store: Store, tmp_path: Path):
    """The bulk path (executemany on SQLite, COPY on PostgreSQL) stores what the ORM would:
    text with characters COPY escapes, JSON lists, the audit entry, the field clock, the search."""
    tricky = 'Tab\tja "lainaus" \\ kenoviiva ry'
    path = write_csv(
        tmp_path / "a.csv",
        [["Nimi", "Kotipaikka", "Kuvaus", "Yhteyshenkilö"],
         [tricky, "Vaasa", "Rivi 1\nRivi 2 – åäö", "Åsa Öberg"]],
    )
    changes = apply_import(store, plan_import(store, path))
    (org_id,) = changes.inserted["organisation"]
    with store.read() as session:
        org = session.get(Organisation, org_id)
        assert org is not None
        assert (org.name_fi, org.description) == (" ".join(tricky.split()), "Rivi 1\nRivi 2 – åäö")
        assert (org.domicile_code, org.active_municipalities, org.sectors) == ("905", [], [])
        assert org.deleted is False and org.hlc
        (rep,) = org.representations
        assert rep.contact.name == "Åsa Öberg"
        audit = session.scalars(select(AuditEntry).where(AuditEntry.record_id == str(org_id))).one()
        assert audit.changes["name_fi"] == [None, org.name_fi]
        assert audit.changes["form"] == [None, "registered_association"]
        assert org.base_clock == org.stamp == org.hlc
        assert session.execute(text("SELECT count(*) FROM field_clock")).scalar_one() == 0
    for typed in ("lainaus", "åsa öb", "kenoviiva"):
        assert register.count(store, register.RegisterQuery(text=typed)) == 1, typed


def test_a_large_import_is_written_in_batches_and_indexed_at_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Batches of new rows, then fresh statistics and the search index rebuilt in the same
    operation (as for 100,000 rows, here with batches of two)."""
    monkeypatch.setattr(register_import, "_ADD_BATCH", 2)
    names = ["Alfa ry", "Beeta ry", "Gamma ry", "Delta ry", "Epsilon ry"]
    path = write_csv(tmp_path / "a.csv", [["Nimi", "Yhteyshenkilö"],
                                          *([name, f"Henkilö {name[:3]}"] for name in names)])
    changes = apply_import(store, plan_import(store, path))
    assert len(changes.inserted["organisation"]) == len(changes.inserted["contact_person"]) == 5
    for name in names:
        assert register.count(store, register.RegisterQuery(text=name.lower())) == 1, name
        assert register.count(store, register.RegisterQuery(text=f"henkilö {name[:3]}")) == 1, name
    page = register.organisation_page(store, register.RegisterQuery(text="ry"), 0, 10)
    assert [row.name for row in page] == sorted(names)
