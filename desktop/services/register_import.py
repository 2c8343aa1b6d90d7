"""Importing organisations (and their contact persons) from an officer's CSV or XLSX file.

Two steps, so that the officer sees what will happen before anything is written:

* :func:`plan_import` reads the file and checks every row against the register, writing
  nothing. Each row is to be *added*, to *update* an organisation already in the register, is
  *unchanged* (re-importing the same file changes nothing) or is *rejected* with the reasons,
  each naming the column to fix.
* :func:`apply_import` writes the plan as one operation, all or nothing.

Columns are recognised by their Finnish, Swedish or English headings; a mapping (heading ->
field) overrides the recognition. :func:`preview` reads the headings and the first rows without
planning, so that the officer can map the columns that were not recognised. A row is matched to
an organisation in the register by its Business ID, then its register number, then its name in
the same municipality.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.exceptions import ValidationError as StdnumValidationError

from desktop.documents.tabular import Table, read_table
from desktop.errors import ValidationError
from desktop.i18n import N_, _, current_language, load_translations, ngettext, translate_in
from desktop.services.identifiers import (
    normalise_business_id,
    normalise_email,
    normalise_name,
    normalise_register_number,
)
from desktop.services.records import apply_fields
from desktop.storage import search
from desktop.storage.dialect import refresh_statistics
from desktop.storage.models import ContactPerson, Municipality, Organisation, Representation
from desktop.storage.models.enums import OrganisationForm
from desktop.storage.store import Store
from desktop.storage.tracking import Changes, insert_records

OPERATION = "import organisations"
IGNORE = "ignore"

# The fields a column can be imported into, in the order they are listed to the officer.
ORGANISATION_FIELDS = (
    "name_fi",
    "name_sv",
    "abbreviation",
    "business_id",
    "register_number",
    "domicile",
    "email",
    "phone",
    "website",
    "postal_address",
    "description",
)
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone", "contact_role")
FIELDS = ORGANISATION_FIELDS + CONTACT_FIELDS
NAME_FIELDS = frozenset({"name_fi", "name_sv"})

# What the officer sees for each field (and for not importing a column) when mapping columns.
FIELD_LABELS: dict[str, str] = {
    "name_fi": N_("Name in Finnish"),
    "name_sv": N_("Name in Swedish"),
    "abbreviation": N_("Abbreviation"),
    "business_id": N_("Business ID"),
    "register_number": N_("Register number"),
    "domicile": N_("Municipality of domicile"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "website": N_("Website"),
    "postal_address": N_("Postal address"),
    "description": N_("Description"),
    "contact_name": N_("Contact person's name"),
    "contact_email": N_("Contact person's e-mail"),
    "contact_phone": N_("Contact person's phone"),
    "contact_role": N_("Contact person's role"),
    IGNORE: N_("Do not import"),
}

# TRANSLATORS: a column heading or a field's name quoted in a message; Finnish and Swedish
# write ”{text}”.
_QUOTED = N_("“{text}”")

# Headings as officers write them, in Finnish, Swedish and English (compared case-insensitively).
HEADINGS: dict[str, tuple[str, ...]] = {
    "name_fi": ("Nimi", "Nimi suomeksi", "Nimi (fi)", "Suomenkielinen nimi", "Järjestö",
                "Järjestön nimi", "Yhdistys", "Yhdistyksen nimi", "Namn på finska", "Name",
                "Name (fi)", "Finnish name", "Name in Finnish", "Organisation", "Organization"),
    "name_sv": ("Nimi ruotsiksi", "Nimi (sv)", "Ruotsinkielinen nimi", "Namn", "Namn på svenska",
                "Namn (sv)", "Svenskt namn", "Organisationens namn", "Förening", "Name (sv)",
                "Swedish name", "Name in Swedish"),
    "abbreviation": ("Lyhenne", "Förkortning", "Abbreviation"),
    "business_id": ("Y-tunnus", "Ytunnus", "FO-nummer", "FO-nr", "Business ID", "Business-ID"),
    "register_number": ("Rekisterinumero", "Yhdistysrekisterinumero", "Rek.nro", "Rek. nro",
                        "Registernummer", "Föreningsregisternummer", "Register number",
                        "Registration number"),
    "domicile": ("Kotipaikka", "Kotipaikkakunta", "Kotikunta", "Kunta", "Hemort", "Hemkommun",
                 "Hemortskommun", "Kommun", "Municipality", "Municipality of domicile",
                 "Domicile"),
    "email": ("Sähköposti", "Sähköpostiosoite", "E-post", "E-postadress", "E-mail", "Email",
              "E-mail address"),
    "phone": ("Puhelin", "Puhelinnumero", "Puh.", "Telefon", "Telefonnummer", "Tel.", "Phone",
              "Phone number", "Telephone"),
    "website": ("Verkkosivut", "Verkkosivu", "Verkkosivusto", "Kotisivu", "Kotisivut", "WWW", "Webbplats",
                "Webbsida", "Hemsida", "Website", "Web site", "Homepage"),
    "postal_address": ("Osoite", "Postiosoite", "Adress", "Postadress", "Address",
                       "Postal address"),
    "description": ("Kuvaus", "Toiminnan kuvaus", "Beskrivning", "Description"),
    "contact_name": ("Yhteyshenkilö", "Yhteyshenkilön nimi", "Kontaktperson",
                     "Kontaktpersonens namn", "Contact person", "Contact", "Contact name"),
    "contact_email": ("Yhteyshenkilön sähköposti", "Kontaktpersonens e-post", "Contact e-mail",
                      "Contact email", "Contact person's e-mail"),
    "contact_phone": ("Yhteyshenkilön puhelin", "Yhteyshenkilön puhelinnumero",
                      "Kontaktpersonens telefon", "Contact phone", "Contact person's phone"),
    "contact_role": ("Rooli", "Tehtävä", "Yhteyshenkilön tehtävä", "Yhteyshenkilön rooli", "Roll",
                     "Uppgift", "Kontaktpersonens roll", "Role", "Contact role"),
}

# Longest text each field may hold (the columns' sizes); None: no limit.
_LIMITS: dict[str, int | None] = {
    "name_fi": 300, "name_sv": 300, "abbreviation": 50, "business_id": 16, "register_number": 16,
    "domicile": 100, "email": 200, "phone": 50, "website": 300, "postal_address": None,
    "description": None, "contact_name": 200, "contact_email": 200, "contact_phone": 50,
    "contact_role": 200,
}
# Fields kept as written, line breaks and all; in the others whitespace runs become one space.
_MULTILINE = frozenset({"postal_address", "description"})

_HEADER_SEARCH_ROWS = 10


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


class Message(str):
    """A message translated into the current language that can be shown in another one too."""

    msgid: str
    params: dict[str, Any]

    def __new__(cls, msgid: str, **params: Any) -> Message:
        obj = super().__new__(cls, _(msgid).format(**params))
        obj.msgid = msgid
        obj.params = params
        return obj

    def in_language(self, language: str) -> str:
        return translate_in(language, self.msgid).format(**self.params)


def field_label(name: str, language: str | None = None) -> str:
    """The translated name of a field (``ignore``: "Do not import")."""
    return translate_in(language or current_language(), FIELD_LABELS[name])


def quoted(text: str, language: str | None = None) -> str:
    """``text`` in the quotation marks of the language (”…” in Finnish and Swedish)."""
    return translate_in(language or current_language(), _QUOTED).format(text=text)


@dataclass
class PlannedRow:
    """What the import will do with one row of the file."""

    row_number: int  # 1-based, as Excel shows it
    action: Action
    name: str  # the organisation's name as given in the row ("" when missing)
    reasons: list[str] = field(default_factory=list)  # why rejected; translated (Message)
    # Organisation attributes given in the row, normalised: name_fi, name_sv, abbreviation,
    # business_id, register_number, domicile_code, email, phone, website, postal_address,
    # description. Blank cells are left out: an update never empties a field.
    fields: dict[str, Any] = field(default_factory=dict)
    # The contact person: name, email, phone, role ("" when not given); None without one.
    contact: dict[str, str] | None = None
    organisation_id: uuid.UUID | None = None  # the matched organisation (update, unchanged)
    changed_columns: list[str] = field(default_factory=list)  # headings of what an update changes


@dataclass
class ImportPlan:
    path: Path
    columns: dict[str, str]  # heading in the file -> field, in the file's order
    ignored_columns: list[str]  # headings not imported
    rows: list[PlannedRow]
    header_row: int = 1

    def count(self, action: Action | str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[Action, int]:
        return {action: self.count(action) for action in Action}

    @property
    def added(self) -> int:
        return self.count(Action.ADD)

    @property
    def updated(self) -> int:
        return self.count(Action.UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(Action.UNCHANGED)

    @property
    def rejected(self) -> int:
        return self.count(Action.REJECTED)

    @property
    def has_changes(self) -> bool:
        return any(row.action in (Action.ADD, Action.UPDATE) for row in self.rows)

    def report_lines(self, language: str | None = None) -> list[str]:
        """One line per row (row number, action, reasons) and a summary, in ``language``."""
        language = language or current_language()
        t = load_translations(language)
        lines = []
        if self.ignored_columns:
            lines.append(
                t.gettext("Columns not imported: {columns}").format(
                    columns=", ".join(
                        quoted(c, language) if c else "–" for c in self.ignored_columns
                    )
                )
            )
        for row in self.rows:
            reasons = " ".join(
                r.in_language(language) if isinstance(r, Message) else r
                for r in row.reasons
            )
            if row.action == Action.ADD:
                text = t.gettext("Row {row}: add “{name}”").format(row=row.row_number, name=row.name)
            elif row.action == Action.UPDATE:
                text = t.gettext("Row {row}: update “{name}” ({columns})").format(
                    row=row.row_number, name=row.name, columns=", ".join(row.changed_columns)
                )
            elif row.action == Action.UNCHANGED:
                text = t.gettext("Row {row}: unchanged “{name}”").format(
                    row=row.row_number, name=row.name
                )
            elif row.name:
                text = t.gettext("Row {row}: rejected “{name}”: {reasons}").format(
                    row=row.row_number, name=row.name, reasons=reasons
                )
            else:
                text = t.gettext("Row {row}: rejected: {reasons}").format(
                    row=row.row_number, reasons=reasons
                )
            lines.append(text)
        details = ", ".join(
            [
                t.ngettext("{count} to add", "{count} to add", self.added).format(count=self.added),
                t.ngettext("{count} to update", "{count} to update", self.updated).format(
                    count=self.updated
                ),
                t.ngettext("{count} unchanged", "{count} unchanged", self.unchanged).format(
                    count=self.unchanged
                ),
                t.ngettext("{count} rejected", "{count} rejected", self.rejected).format(
                    count=self.rejected
                ),
            ]
        )
        total = len(self.rows)
        lines.append(
            t.ngettext("{count} row: {details}.", "{count} rows: {details}.", total).format(
                count=total, details=details
            )
        )
        return lines


# -- columns -------------------------------------------------------------------------------


def normalise_heading(heading: str) -> str:
    text = unicodedata.normalize("NFC", heading).casefold()
    text = " ".join(text.split())
    return text.rstrip(":* ").strip()


_RECOGNISED: dict[str, str] = {
    normalise_heading(heading): name for name, headings in HEADINGS.items() for heading in headings
}


def recognise_heading(heading: str) -> str | None:
    """The field a heading names, or None."""
    return _RECOGNISED.get(normalise_heading(heading))


def _resolve_field(value: str) -> str | None:
    """A mapping's target: a field name, ``ignore`` or a heading that names a field."""
    key = value.strip()
    if key in FIELDS or key == IGNORE:
        return key
    if key.casefold() in FIELDS or key.casefold() == IGNORE:
        return key.casefold()
    return recognise_heading(key)


def resolve_columns(
    headers: list[str], mapping: Mapping[str, str] | None = None
) -> tuple[dict[int, str], list[int]]:
    """Column index -> field, and the indexes of columns not imported.

    ``mapping`` (heading -> field name, or ``ignore``) comes first; the rest are recognised.
    The first column for a field wins.
    """
    by_heading: dict[str, list[int]] = {}
    for index, heading in enumerate(headers):
        by_heading.setdefault(normalise_heading(heading), []).append(index)
    chosen: dict[int, str] = {}
    taken: dict[str, str] = {}  # field -> the heading mapped to it
    for heading, target in (mapping or {}).items():
        resolved = _resolve_field(target)
        if resolved is None:
            raise ValidationError(
                _("Unknown field “{field}” for the column “{column}”. The fields are: {fields}.")
                .format(field=target, column=heading, fields=", ".join((*FIELDS, IGNORE)))
            )
        indexes = by_heading.get(normalise_heading(heading))
        if not indexes:
            raise ValidationError(
                _("The file has no column “{column}”. Its columns are: {columns}.").format(
                    column=heading, columns=", ".join(quoted(h) for h in headers if h)
                )
            )
        if resolved != IGNORE and resolved in taken:
            # Two columns for one field: one would silently overwrite the other.
            raise ValidationError(
                _("The columns {first} and {second} are both mapped to {field}; map only one "
                  "of them.").format(
                    first=quoted(taken[resolved]), second=quoted(heading), field=resolved
                )
            )
        # A heading written twice: the first column gets the field, the other is not imported.
        for position, index in enumerate(indexes):
            chosen[index] = resolved if position == 0 else IGNORE
        if resolved != IGNORE:
            taken[resolved] = heading
    for index, heading in enumerate(headers):
        if index in chosen:
            continue
        recognised = recognise_heading(heading)
        if recognised is not None and recognised not in taken:
            chosen[index] = recognised
            taken[recognised] = heading
    columns = {i: f for i, f in sorted(chosen.items()) if f != IGNORE}
    ignored = [i for i in range(len(headers)) if i not in columns]
    return columns, ignored


def _has_name(columns: dict[int, str]) -> bool:
    return bool(NAME_FIELDS & set(columns.values()))


def _locate_header(table: Table, mapping: Mapping[str, str] | None) -> Table:
    """Skip title rows above the headings (e.g. "Järjestöt 2025" in A1).

    The headings are the first row where a column holds the names; without one, the first row
    with the most recognised headings (so that the officer maps the right row's columns).
    """
    candidates = [(table.headers, -1)] + [
        (cells, position) for position, cells in enumerate(table.rows[:_HEADER_SEARCH_ROWS])
    ]
    best, best_count = -1, 0
    for cells, position in candidates:
        try:
            columns, _ignored = resolve_columns(cells, mapping)
        except ValidationError:
            continue
        if _has_name(columns):
            return _headed_at(table, position)
        if len(columns) > best_count:
            best, best_count = position, len(columns)
    return _headed_at(table, best)


def _headed_at(table: Table, position: int) -> Table:
    """``table`` with its data row ``position`` as the headings (-1: as it is)."""
    if position < 0:
        return table
    return Table(
        headers=table.rows[position],
        rows=table.rows[position + 1:],
        source_rows=table.source_rows[position + 1:],
        header_row=table.source_rows[position],
    )


# -- preview and mapping -------------------------------------------------------------------


def heading_set_key(headers: list[str]) -> str:
    """The same for files with the same headings (in any case and spacing): remembers a mapping."""
    return "\n".join(normalise_heading(heading) for heading in headers)


@dataclass
class ImportPreview:
    """The headings and first rows of a file, and what each column is recognised as."""

    path: Path
    headers: list[str]
    sample_rows: list[list[str]]  # the first data rows, a cell per heading
    sample_row_numbers: list[int]  # their row numbers, as Excel shows them
    # Heading -> field (or ``ignore``), for every column that can be mapped (see ``mappable``).
    recognised_mapping: dict[str, str]
    # The whole file with its headings located; plan_import(table=...) plans it without reading
    # it again (and plans what the officer saw, even if the file changes meanwhile).
    table: Table

    @property
    def header_row(self) -> int:
        return self.table.header_row

    @property
    def row_count(self) -> int:
        return len(self.table)

    @property
    def key(self) -> str:
        return heading_set_key(self.headers)

    def mappable(self, index: int) -> bool:
        """False when an earlier column has the same heading: a mapping names columns by their
        headings, and only the first of them is imported."""
        heading = normalise_heading(self.headers[index])
        return all(normalise_heading(h) != heading for h in self.headers[:index])

    def mapping_with(self, remembered: object) -> dict[str, str]:
        """The recognised mapping, with the choices remembered from an earlier import of a file
        with these headings; entries for other headings or unknown fields are left out."""
        mapping = dict(self.recognised_mapping)
        if isinstance(remembered, Mapping):
            # The same headings may be written in another case or spacing this time.
            written = {normalise_heading(heading): heading for heading in mapping}
            for heading, name in remembered.items():
                here = written.get(normalise_heading(str(heading)))
                if here is not None and name in FIELD_LABELS:
                    mapping[here] = name
        return mapping


def preview(path: Path | str, rows: int = 5) -> ImportPreview:
    """Read ``path``'s headings and first ``rows`` rows and recognise its columns; plans nothing.

    Raises ``ValidationError`` when the file cannot be read.
    """
    path = Path(path)
    table = _locate_header(read_table(path), None)
    columns, _ignored = resolve_columns(table.headers)
    result = ImportPreview(
        path=path,
        headers=table.headers,
        sample_rows=table.rows[:rows],
        sample_row_numbers=table.source_rows[:rows],
        recognised_mapping={},
        table=table,
    )
    result.recognised_mapping = {
        heading: columns.get(index, IGNORE)
        for index, heading in enumerate(table.headers)
        if result.mappable(index)
    }
    return result


@dataclass(frozen=True)
class MappingCheck:
    """What keeps a mapping of every column (heading -> field or ``ignore``) from being planned."""

    name_missing: bool
    repeated: dict[str, list[str]]  # field -> the headings mapped to it, when more than one

    @property
    def ok(self) -> bool:
        return not self.name_missing and not self.repeated

    def messages(self, language: str | None = None) -> list[str]:
        language = language or current_language()
        t = load_translations(language)
        lines = []
        if self.name_missing:
            lines.append(
                t.gettext(
                    "An organisation cannot be imported without its name: choose {name_fi} or "
                    "{name_sv} for the column that holds the names."
                ).format(
                    name_fi=quoted(field_label("name_fi", language), language),
                    name_sv=quoted(field_label("name_sv", language), language),
                )
            )
        for name, headings in self.repeated.items():
            lines.append(
                t.gettext(
                    "Several columns are imported as {field}: {columns}. Choose it for one of them "
                    "only."
                ).format(
                    columns=", ".join(quoted(h or "–", language) for h in headings),
                    field=quoted(field_label(name, language), language),
                )
            )
        return lines


def check_mapping(mapping: Mapping[str, str]) -> MappingCheck:
    """Whether a mapping of every column names the organisations' names, each field once."""
    headings_of: dict[str, list[str]] = {}
    for heading, name in mapping.items():
        if name != IGNORE:
            headings_of.setdefault(name, []).append(heading)
    return MappingCheck(
        name_missing=not NAME_FIELDS & set(headings_of),
        repeated={name: headings for name, headings in headings_of.items() if len(headings) > 1},
    )


# -- values --------------------------------------------------------------------------------


def _person_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _guess_form(name_fi: str, name_sv: str) -> str:
    """A foundation by its name (``… sr``, ``…säätiö``, ``Stiftelsen …``); else an association."""
    fi, sv = name_fi.casefold().strip(), name_sv.casefold().strip()
    if (
        re.search(r"\s(?:sr|s\.r\.?)$", fi) or re.search(r"\s(?:sr|s\.r\.?)$", sv)
        or fi.endswith("säätiö")
        or sv.startswith("stiftelsen ")
    ):
        return OrganisationForm.FOUNDATION
    return OrganisationForm.REGISTERED_ASSOCIATION


# -- the register as it is -----------------------------------------------------------------


class _Register:
    """What plan_import compares the rows with, read once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.municipalities: dict[str, str] = {}
        municipalities = list(session.scalars(select(Municipality)))
        for m in municipalities:
            self.municipalities.setdefault(m.name_sv.casefold(), m.code)
        for m in municipalities:  # the Finnish name wins where a name is ambiguous
            self.municipalities[m.name_fi.casefold()] = m.code
        self.codes = {m.code for m in municipalities}
        self.by_business_id: dict[str, list[Organisation]] = {}
        self.by_register_number: dict[str, list[Organisation]] = {}
        self.by_name: dict[str, list[Organisation]] = {}
        self._representatives: dict[uuid.UUID, list[tuple[Representation, ContactPerson]]] | None = None
        for org in session.scalars(select(Organisation).where(Organisation.deleted.is_(False))):
            if org.business_id:
                self.by_business_id.setdefault(org.business_id, []).append(org)
            if org.register_number:
                self.by_register_number.setdefault(org.register_number, []).append(org)
            for name in {normalise_name(org.name_fi), normalise_name(org.name_sv)} - {""}:
                self.by_name.setdefault(name, []).append(org)

    def representatives(self, organisation_id: uuid.UUID) -> list[tuple[Representation, ContactPerson]]:
        """An organisation's representatives; all are read with one query on the first call."""
        if self._representatives is None:
            self._representatives = {}
            for rep, person in _representatives(self.session, None):
                self._representatives.setdefault(rep.organisation_id, []).append((rep, person))
        return self._representatives.get(organisation_id, [])

    def municipality_code(self, text: str) -> str | None:
        value = " ".join(text.split())
        if value.isdigit() and len(value) <= 3:
            code = value.zfill(3)  # Excel turns 091 into 91
            return code if code in self.codes else None
        return self.municipalities.get(value.casefold())

    def match(self, fields: dict[str, Any]) -> list[Organisation]:
        """Organisations the row may describe: by Business ID, register number, name + place."""
        business_id = fields.get("business_id", "")
        register_number = fields.get("register_number", "")
        if business_id and business_id in self.by_business_id:
            return self.by_business_id[business_id]

        def compatible(org: Organisation) -> bool:
            # A different Business ID or register number is a different organisation.
            return (not business_id or not org.business_id or org.business_id == business_id) and (
                not register_number
                or not org.register_number
                or org.register_number == register_number
            )

        if register_number:
            found = [o for o in self.by_register_number.get(register_number, []) if compatible(o)]
            if found:
                return found
        candidates: list[Organisation] = []
        for name in {normalise_name(fields.get(k, "")) for k in ("name_fi", "name_sv")} - {""}:
            for org in self.by_name.get(name, []):
                if compatible(org) and org not in candidates:
                    candidates.append(org)
        domicile = fields.get("domicile_code")
        same_place = [o for o in candidates if o.domicile_code == domicile]
        if same_place or domicile is None:
            # Without a municipality in the row, a name alone matches if it is unambiguous.
            return same_place or candidates
        # A municipality missing from the register does not make the organisation another one.
        return [o for o in candidates if o.domicile_code is None]


def _representatives(
    session: Session, organisation_id: uuid.UUID | None
) -> list[tuple[Representation, ContactPerson]]:
    """Representations (not deleted) and their persons: one organisation's, or all (None)."""
    query = (
        select(Representation, ContactPerson)
        .join(ContactPerson, Representation.contact_id == ContactPerson.id)
        .where(Representation.deleted.is_(False), ContactPerson.deleted.is_(False))
        .order_by(Representation.created_at, Representation.id)
    )
    if organisation_id is not None:
        query = query.where(Representation.organisation_id == organisation_id)
    return [(row[0], row[1]) for row in session.execute(query).all()]


@dataclass
class _ContactDecision:
    """How a row's contact person is brought into the register."""

    person: ContactPerson | None  # the representative reused; None: a new person
    person_updates: dict[str, str]
    representation: Representation | None  # an existing representation whose role is set
    create_representation: bool


def _decide_contact(
    representatives: list[tuple[Representation, ContactPerson]], contact: dict[str, str]
) -> _ContactDecision:
    """Reuse the representative with the same e-mail, else the same name; else a new person."""
    person: ContactPerson | None = None
    email = contact["email"].casefold()
    if email:
        person = next((p for _r, p in representatives if p.email.casefold() == email), None)
    if person is None and contact["name"]:
        key = _person_key(contact["name"])
        person = next((p for _r, p in representatives if _person_key(p.name) == key), None)
    if person is None:
        return _ContactDecision(None, {}, None, create_representation=True)
    updates = {}
    if contact["name"] and contact["name"] != person.name:
        updates["name"] = contact["name"]
    if contact["email"] and contact["email"].casefold() != person.email.casefold():
        updates["email"] = contact["email"]
    if contact["phone"] and contact["phone"] != person.phone:
        updates["phone"] = contact["phone"]
    reps = [r for r, p in representatives if p is person]
    role = contact["role"]
    if not role:
        return _ContactDecision(person, updates, None, create_representation=not reps)
    if any(r.role.casefold() == role.casefold() for r in reps):
        return _ContactDecision(person, updates, None, create_representation=False)
    blank = next((r for r in reps if not r.role), None)
    # A representative's other roles are kept: a new role is a new representation.
    return _ContactDecision(person, updates, blank, create_representation=blank is None)


# -- planning ------------------------------------------------------------------------------


def plan_import(
    store: Store,
    path: Path | str,
    mapping: Mapping[str, str] | None = None,
    *,
    table: Table | None = None,
) -> ImportPlan:
    """Read ``path`` and decide, row by row, what importing it would do; writes nothing.

    ``mapping`` maps a column heading to a field (see ``FIELDS``, or ``ignore``) and overrides
    the recognition of headings. ``table`` is the file as read already (``preview``). Raises
    ``ValidationError`` when the file cannot be read, no column holds the organisations' names
    or the mapping maps two columns to one field.
    """
    path = Path(path)
    table = _locate_header(table if table is not None else read_table(path), mapping)
    columns, ignored = resolve_columns(table.headers, mapping)
    if not _has_name(columns):
        raise ValidationError(
            _(
                "No column of {file} holds the organisations' names. Name the column "
                "“Nimi”, “Namn” or “Name”, or map it to the field name_fi or name_sv."
            ).format(file=path.name)
        )
    headers = table.headers
    with store.read() as session:
        register = _Register(session)
        seen: dict[tuple[Any, ...], int] = {}
        rows = [
            _plan_row(register, seen, headers, columns, number, cells)
            for number, cells in zip(table.source_rows, table.rows, strict=True)
        ]
    return ImportPlan(
        path=path,
        columns={headers[i]: f for i, f in columns.items()},
        ignored_columns=[headers[i] for i in ignored],
        rows=rows,
        header_row=table.header_row,
    )


def _column(heading: str) -> str:
    return heading or "?"


def _plan_row(
    register: _Register,
    seen: dict[tuple[Any, ...], int],
    headers: list[str],
    columns: dict[int, str],
    number: int,
    cells: list[str],
) -> PlannedRow:
    reasons: list[str] = []
    fields: dict[str, Any] = {}
    heading_of: dict[str, str] = {}  # field -> the heading it came from
    contact = {"name": "", "email": "", "phone": "", "role": ""}
    for index, name in columns.items():
        heading_of[name] = headers[index]
        raw = cells[index]
        if not raw:
            continue
        column = _column(headers[index])
        value = raw if name in _MULTILINE else " ".join(raw.split())
        limit = _LIMITS[name]
        if limit is not None and len(value) > limit:
            reasons.append(
                Message(
                    N_("Column “{column}”: too long ({length} characters, at most {limit})."),
                    column=column, length=len(value), limit=limit,
                )
            )
            continue
        try:
            if name == "business_id":
                value = normalise_business_id(value)
            elif name == "register_number":
                value = normalise_register_number(value)
            elif name in ("email", "contact_email"):
                value = normalise_email(value)
        except (ValueError, StdnumValidationError):
            message = {
                "business_id": N_("Column “{column}”: {value} is not a valid Business ID."),
                "register_number": N_(
                    "Column “{column}”: {value} is not a register number (digits, with dots if any)."
                ),
            }.get(name, N_("Column “{column}”: {value} is not an e-mail address."))
            reasons.append(Message(message, column=column, value=raw))
            continue
        if name == "domicile":
            code = register.municipality_code(value)
            if code is None:
                reasons.append(
                    Message(N_("Column “{column}”: unknown municipality {value}."),
                            column=column, value=raw)
                )
                continue
            fields["domicile_code"] = code
        elif name.startswith("contact_"):
            contact[name.removeprefix("contact_")] = value
        else:
            fields[name] = value

    display = fields.get("name_fi") or fields.get("name_sv") or ""
    if not display:
        name_columns = [_column(heading_of[f]) for f in ("name_fi", "name_sv") if f in heading_of]
        if len(name_columns) == 1:
            missing = Message(N_("The name is missing (column “{column}”)."),
                              column=name_columns[0])
        else:
            missing = Message(N_("The name is missing (columns “{first}” and “{second}”)."),
                              first=name_columns[0], second=name_columns[1])
        reasons.insert(0, missing)
    has_contact = any(contact.values())

    # Duplicates within the file, and the organisation in the register.
    matches = register.match(fields) if display else []
    if len(matches) > 1:
        reasons.append(
            Message(
                N_("Matches {count} organisations in the register ({names}); add the Business ID "
                   "or the municipality to tell which."),
                count=len(matches), names=", ".join(o.name_fi or o.name_sv for o in matches),
            )
        )
    organisation = matches[0] if len(matches) == 1 else None
    keys: list[tuple[tuple[Any, ...], str]] = []
    if fields.get("business_id"):
        keys.append((("business_id", fields["business_id"]),
                     N_("Duplicate of row {row}: the same Business ID.")))
    if fields.get("register_number"):
        keys.append((("register_number", fields["register_number"]),
                     N_("Duplicate of row {row}: the same register number.")))
    for name in {normalise_name(fields.get(k, "")) for k in ("name_fi", "name_sv")} - {""}:
        keys.append((("name", name, fields.get("domicile_code")),
                     N_("Duplicate of row {row}: the same name and municipality.")))
    if organisation is not None:
        keys.append((("organisation", organisation.id),
                     N_("Duplicate of row {row}: both are the same organisation in the register.")))
    for key, message in keys:
        if key in seen:
            reasons.append(Message(message, row=seen[key]))
            break
    for key, _message in keys:
        seen.setdefault(key, number)

    # The contact person.
    decision: _ContactDecision | None = None
    if has_contact:
        representatives = (
            register.representatives(organisation.id) if organisation is not None else []
        )
        decision = _decide_contact(representatives, contact)
        if decision.person is None and not contact["name"]:
            if "contact_name" in heading_of:
                reasons.append(
                    Message(N_("Column “{column}”: the contact person's name is missing."),
                            column=_column(heading_of["contact_name"]))
                )
            else:
                reasons.append(Message(N_("The contact person's name is missing.")))

    planned = PlannedRow(
        row_number=number,
        action=Action.REJECTED,
        name=display,
        reasons=reasons,
        fields=fields,
        contact=contact if has_contact else None,
        organisation_id=organisation.id if organisation is not None else None,
    )
    if reasons:
        return planned
    if organisation is None:
        planned.action = Action.ADD
        return planned
    field_heading = {("domicile_code" if f == "domicile" else f): h for f, h in heading_of.items()}
    changed = [
        _column(field_heading[name])
        for name, value in fields.items()
        if getattr(organisation, name) != value
    ]
    if decision is not None:
        contact_heading = {f.removeprefix("contact_"): _column(h) for f, h in heading_of.items()
                           if f.startswith("contact_")}
        contact_changes = set(decision.person_updates)
        if decision.person is None or decision.create_representation:
            contact_changes.add("name" if contact["name"] else "email")
        if decision.representation is not None or (decision.create_representation and contact["role"]):
            contact_changes.add("role")
        changed += [contact_heading[key] for key in ("name", "email", "phone", "role")
                    if key in contact_changes and key in contact_heading]
    planned.changed_columns = changed
    planned.action = Action.UPDATE if changed else Action.UNCHANGED
    return planned


# -- applying ------------------------------------------------------------------------------


def apply_import(store: Store, plan: ImportPlan, *, allow_rejected: bool = False) -> Changes:
    """Write ``plan`` as one operation, "import organisations"; returns what changed.

    Refuses (``ValidationError``) a plan with rejected rows unless ``allow_rejected``, in which
    case those rows are skipped. Rows planned as unchanged are not touched. On any error
    nothing is written.
    """
    if plan.rejected and not allow_rejected:
        raise ValidationError(
            ngettext(
                "{count} row of {file} was rejected; correct it, or import without it.",
                "{count} rows of {file} were rejected; correct them, or import without them.",
                plan.rejected,
            ).format(count=plan.rejected, file=plan.path.name)
        )
    work = [row for row in plan.rows if row.action in (Action.ADD, Action.UPDATE)]
    if not work:
        return Changes()

    def write(session: Session) -> None:
        added = [row for row in work if row.action == Action.ADD]
        for start in range(0, len(added), _ADD_BATCH):
            _add_rows(session, added[start:start + _ADD_BATCH])
        for row in work:
            if row.action == Action.UPDATE:
                _update_row(session, row)
        if len(added) >= _ADD_BATCH:
            session.flush()
            # The search index is brought up to date now, by queries over what was just added:
            # planned for the tables as they are, and, when it is rebuilt whole, without first
            # looking up which organisations each of the new records belongs to.
            refresh_statistics(session.connection(), *(model.__tablename__ for model in
                                                      (Organisation, ContactPerson, Representation)))
            search.refresh(session, session.info["tracking"].changes)

    return store.run(OPERATION, write)


# New organisations are written this many at a time, without ORM objects: a file of 100,000
# rows would otherwise take minutes (tracked all the same, see ``insert_records``).
_ADD_BATCH = 20_000


def _add_rows(session: Session, rows: list[PlannedRow]) -> None:
    """New organisations, and a new contact person representing each that names one."""
    # Ids made in order and given out in order: each table, and each index of ids, is then
    # written in order (see ``insert_records``).
    contacts = sum(1 for row in rows if row.contact is not None)
    organisation_ids = _ordered_ids(len(rows))
    person_ids, link_ids = iter(_ordered_ids(contacts)), iter(_ordered_ids(contacts))
    organisations, people, links = [], [], []
    today = dt.date.today()
    for row, organisation_id in zip(rows, organisation_ids, strict=True):
        organisations.append({
            "id": organisation_id,
            "form": _guess_form(row.fields.get("name_fi", ""), row.fields.get("name_sv", "")),
            **row.fields,
        })
        if row.contact is not None:
            # A new organisation has no representatives to reuse: the person is new too.
            person_id = next(person_ids)
            people.append({"id": person_id, "name": row.contact["name"],
                           "email": row.contact["email"], "phone": row.contact["phone"],
                           "retained_since": today})
            links.append({"id": next(link_ids), "organisation_id": organisation_id,
                          "contact_id": person_id, "role": row.contact["role"]})
    insert_records(session, Organisation, organisations)
    insert_records(session, ContactPerson, people)
    insert_records(session, Representation, links)


def _ordered_ids(count: int) -> list[uuid.UUID]:
    return sorted((uuid.uuid4() for _n in range(count)), key=lambda value: value.int)


def _update_row(session: Session, row: PlannedRow) -> None:
    found = session.get(Organisation, row.organisation_id) if row.organisation_id else None
    if found is None or found.deleted:
        raise ValidationError(
            _("Row {row}: the organisation was changed or deleted after the file was checked. "
              "Check the file again.").format(row=row.row_number)
        )
    organisation = found
    apply_fields(organisation, row.fields)
    if row.contact is not None:
        _apply_contact(session, organisation, _representatives(session, organisation.id),
                       row.contact)


def _apply_contact(
    session: Session,
    organisation: Organisation,
    representatives: list[tuple[Representation, ContactPerson]],
    contact: dict[str, str],
) -> None:
    decision = _decide_contact(representatives, contact)
    person = decision.person
    if person is None:
        person = ContactPerson(
            id=uuid.uuid4(),  # for the representation below, before the flush gives one
            name=contact["name"],
            email=contact["email"],
            phone=contact["phone"],
            retained_since=dt.date.today(),
        )
        session.add(person)
    for name, value in decision.person_updates.items():
        setattr(person, name, value)
    if decision.representation is not None:
        decision.representation.role = contact["role"]
    if decision.create_representation:
        # By ids: assigning the relationships would load the organisation's and the person's
        # other representations, a query per row.
        session.add(Representation(organisation_id=organisation.id, contact_id=person.id,
                                   role=contact["role"]))


def field_names() -> tuple[str, ...]:
    """The fields a mapping may name (for the CLI's help)."""
    return (*FIELDS, IGNORE)
