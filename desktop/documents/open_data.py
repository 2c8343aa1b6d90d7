"""Open data as schema.org JSON-LD and CSV files in one folder (see docs/open-data.md).

The files are for machines: the JSON-LD is one ``@graph`` of Organization, Place and Event
nodes whose names are language-tagged values; the CSV files are RFC 4180 (UTF-8 without a
byte-order mark, ``,`` between fields, CRLF line ends, a heading row) with the values exactly
as stored, so that a platform reads back what was published. Their columns are a stable
contract: new columns may be added at the end, none is renamed or removed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.documents.files import write_atomically
from desktop.errors import KnownError
from desktop.i18n import _, translate_in
from desktop.services.open_data import (
    OpenContact,
    OpenData,
    OpenEvent,
    OpenMunicipality,
    OpenOrganisation,
    OpenPlace,
)
from desktop.services.premises import FEATURE_LABELS, FEATURES

JSONLD_FILE = "open-data.jsonld"
ORGANISATIONS_FILE = "organisations.csv"
PLACES_FILE = "places.csv"
EVENTS_FILE = "events.csv"
CONTACTS_FILE = "contacts.csv"
FILES = (JSONLD_FILE, ORGANISATIONS_FILE, PLACES_FILE, EVENTS_FILE, CONTACTS_FILE)

LIST_SEPARATOR = "|"  # between the items of a list in one CSV cell
_NATIONAL = ("fi", "sv")

ORGANISATION_COLUMNS = (
    "id", "name_fi", "name_sv", "abbreviation", "business_id", "municipality_code",
    "municipality_fi", "municipality_sv", "website", "email", "phone", "description", "modified",
)
PLACE_COLUMNS = (
    "id", "name_fi", "name_sv", "street_address", "municipality_code", "municipality_fi",
    "municipality_sv", "type", "capacity", "step_free_access", "accessible_toilet",
    "induction_loop", "equipment", "terms", "booking", "availability", "modified",
)
EVENT_COLUMNS = (
    "id", "organisation_id", "language", "name_fi", "name_sv", "name_en", "description",
    "target_group", "schedule", "municipality_codes", "place_ids", "free_of_charge",
    "open_to_all", "accessible", "contact_id", "modified",
)
CONTACT_COLUMNS = ("id", "organisation_id", "name", "role", "email", "phone", "language")


# -- JSON-LD -------------------------------------------------------------------------------


def _urn(identifier: object) -> str:
    return f"urn:uuid:{identifier}"


def _timestamp(value: dt.datetime) -> str:
    """ISO 8601 in UTC (the store keeps naive UTC)."""
    return value.replace(microsecond=0).isoformat() + "Z"


def tagged(values: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """``[(language, text)]`` as JSON-LD language-tagged values, the empty ones left out."""
    return [{"@value": text, "@language": language} for language, text in values if text]


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    """The node without empty values: a platform should not have to tell "" from unknown."""
    return {key: value for key, value in node.items() if value not in ("", None, [], {})}


def _area(m: OpenMunicipality) -> dict[str, Any]:
    return {"@type": "AdministrativeArea", "identifier": m.code,
            "name": tagged((("fi", m.name_fi), ("sv", m.name_sv)))}


def _address(street: str, m: OpenMunicipality | None) -> dict[str, Any]:
    return _compact({
        "@type": "PostalAddress", "streetAddress": street,
        "addressLocality": tagged((("fi", m.name_fi), ("sv", m.name_sv))) if m else [],
        "addressCountry": "FI",
    })


def _contact_point(c: OpenContact) -> dict[str, Any]:
    return _compact({"@type": "ContactPoint", "identifier": str(c.id), "name": c.name,
                     "contactType": c.role, "email": c.email, "telephone": c.phone,
                     "availableLanguage": c.language})


def _organisation(o: OpenOrganisation, contacts: list[OpenContact]) -> dict[str, Any]:
    return _compact({
        "@type": "Organization", "@id": _urn(o.id), "identifier": str(o.id),
        "name": tagged((("fi", o.name_fi), ("sv", o.name_sv))),
        "alternateName": o.abbreviation, "taxID": o.business_id, "url": o.website,
        "email": o.email, "telephone": o.phone, "description": o.description,
        "address": _address("", o.municipality) if o.municipality else None,
        "contactPoint": [_contact_point(c) for c in contacts],
        "dateModified": _timestamp(o.modified),
    })


def _property(name: str, value: object) -> dict[str, Any]:
    return {"@type": "PropertyValue", "propertyID": name, "value": value}


def _place(p: OpenPlace) -> dict[str, Any]:
    features = [
        {"@type": "LocationFeatureSpecification", "identifier": name,
         "name": tagged([(lang, translate_in(lang, FEATURE_LABELS[name])) for lang in _NATIONAL]),
         "value": True}
        for name in FEATURES if getattr(p, name)
    ]
    return _compact({
        "@type": "Place", "@id": _urn(p.id), "identifier": str(p.id),
        "name": tagged((("fi", p.name_fi), ("sv", p.name_sv))),
        "address": _address(p.address, p.municipality),
        "containedInPlace": _area(p.municipality) if p.municipality else None,
        "maximumAttendeeCapacity": p.capacity,
        "amenityFeature": features,
        "description": p.equipment,
        "isAccessibleForFree": p.terms == "free",
        "additionalProperty": [
            _property(name, value) for name, value in (
                ("type", p.kind), ("terms", p.terms), ("booking", p.booking),
                ("availability", p.availability)) if value],
        "dateModified": _timestamp(p.modified),
    })


def _event(e: OpenEvent) -> dict[str, Any]:
    def own(text: str) -> list[dict[str, str]]:
        return tagged(((e.language, text),))

    location: list[dict[str, Any]] = [{"@id": _urn(pid)} for pid in e.place_ids]
    if not location:
        location = [_area(m) for m in e.municipalities]
    return _compact({
        "@type": "Event", "@id": _urn(e.id), "identifier": str(e.id),
        "name": tagged(sorted(e.names.items())),
        "description": own(e.description),
        "inLanguage": e.language,
        "organizer": {"@id": _urn(e.organisation_id)},
        "location": location,
        "audience": {"@type": "Audience", "audienceType": own(e.target_group)} if e.target_group else None,
        "eventSchedule": {"@type": "Schedule", "description": own(e.schedule)} if e.schedule else None,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": e.free_of_charge,
        "additionalProperty": [_property("openToAll", e.open_to_all),
                               _property("accessible", e.accessible)],
        "dateModified": _timestamp(e.modified),
    })


def json_ld(data: OpenData) -> dict[str, Any]:
    """The whole export as one JSON-LD document (organisations, places, then events)."""
    by_org: dict[object, list[OpenContact]] = {}
    for contact in data.contacts:
        by_org.setdefault(contact.organisation_id, []).append(contact)
    graph = [_organisation(o, by_org.get(o.id, [])) for o in data.organisations]
    graph += [_place(p) for p in data.places]
    graph += [_event(e) for e in data.events]
    return {"@context": "https://schema.org/", "@graph": graph}


def json_ld_bytes(data: OpenData) -> bytes:
    return (json.dumps(json_ld(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- CSV -----------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return _timestamp(value)
    return str(value)


def csv_bytes(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def _place_names(m: OpenMunicipality | None) -> tuple[str, str, str]:
    return (m.code, m.name_fi, m.name_sv) if m else ("", "", "")


def organisation_rows(data: OpenData) -> list[list[object]]:
    return [[o.id, o.name_fi, o.name_sv, o.abbreviation, o.business_id, *_place_names(o.municipality),
             o.website, o.email, o.phone, o.description, o.modified] for o in data.organisations]


def place_rows(data: OpenData) -> list[list[object]]:
    return [[p.id, p.name_fi, p.name_sv, p.address, *_place_names(p.municipality), p.kind, p.capacity,
             p.step_free, p.accessible_toilet, p.induction_loop, p.equipment, p.terms, p.booking,
             p.availability, p.modified] for p in data.places]


def event_rows(data: OpenData) -> list[list[object]]:
    return [[e.id, e.organisation_id, e.language, e.names.get("fi", ""), e.names.get("sv", ""),
             e.names.get("en", ""), e.description, e.target_group, e.schedule,
             LIST_SEPARATOR.join(m.code for m in e.municipalities),
             LIST_SEPARATOR.join(str(pid) for pid in e.place_ids),
             e.free_of_charge, e.open_to_all, e.accessible, e.contact_id, e.modified]
            for e in data.events]


def contact_rows(data: OpenData) -> list[list[object]]:
    return [[c.id, c.organisation_id, c.name, c.role, c.email, c.phone, c.language]
            for c in data.contacts]


def write_open_data(data: OpenData, directory: Path) -> list[Path]:
    """Write every file of the export into ``directory`` (made if missing); return their paths.

    Each file is written beside its target and renamed into place; raises ``KnownError``."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KnownError(_("Cannot write {path}: {reason}").format(
            path=directory, reason=exc.strerror or exc)) from exc
    contents = {
        JSONLD_FILE: json_ld_bytes(data),
        ORGANISATIONS_FILE: csv_bytes(ORGANISATION_COLUMNS, organisation_rows(data)),
        PLACES_FILE: csv_bytes(PLACE_COLUMNS, place_rows(data)),
        EVENTS_FILE: csv_bytes(EVENT_COLUMNS, event_rows(data)),
        CONTACTS_FILE: csv_bytes(CONTACT_COLUMNS, contact_rows(data)),
    }
    written = []
    for name, content in contents.items():
        write_atomically(directory / name, content)
        written.append(directory / name)
    return written
