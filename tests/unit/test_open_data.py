"""Open data for guidance platforms: schema.org JSON-LD and CSV, with no private personal data."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from pathlib import Path

from sqlalchemy import select

from desktop.cli import main
from desktop.documents.open_data import (
    CONTACT_COLUMNS,
    EVENT_COLUMNS,
    FILES,
    ORGANISATION_COLUMNS,
    PLACE_COLUMNS,
    write_open_data,
)
from desktop.services import activities, contacts, premises
from desktop.services.open_data import open_data
from desktop.services.register import save_organisation
from desktop.storage.models import Activity, ContactPerson, Organisation


def _export(store, directory):
    with store.read() as session:
        data = open_data(session)
    write_open_data(data, directory)
    return data


def _csv(path):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # machines read it: no byte-order mark
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def _names(node):
    return {value["@language"]: value["@value"] for value in node["name"]}


def test_the_json_ld_has_organisations_places_and_events_in_both_languages(demo_store, tmp_path):
    data = _export(demo_store, tmp_path)
    document = json.loads((tmp_path / "open-data.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org/"
    graph = document["@graph"]
    by_type: dict[str, list[dict]] = {}
    for node in graph:
        by_type.setdefault(node["@type"], []).append(node)
    assert set(by_type) == {"Organization", "Place", "Event"}
    assert len(by_type["Event"]) == len(data.events) > 0
    assert len(by_type["Place"]) == len(data.places) > 0
    with demo_store.read() as session:
        published = {a.id for a in activities.published_activities(session)}
    assert {uuid.UUID(e["identifier"]) for e in by_type["Event"]} == published
    ids = {node["@id"] for node in graph}
    for node in graph:  # identifiers are the records' UUIDs
        assert node["@id"] == f"urn:uuid:{uuid.UUID(node['identifier'])}"
    for event in by_type["Event"]:
        assert event["organizer"]["@id"] in ids
        for place in event.get("location", []):
            assert place.get("@id", "") in ids or place["@type"] == "AdministrativeArea"
    # Both national languages, as language-tagged values, in every kind of node.
    for kind in ("Organization", "Place", "Event"):
        assert any(set(_names(node)) == {"fi", "sv"} for node in by_type[kind]), kind
    municipalities = {m.code: (m.name_fi, m.name_sv) for e in data.events for m in e.municipalities}
    for place in by_type["Place"]:
        area = place["containedInPlace"]
        fi, sv = municipalities.get(area["identifier"]) or (area["name"][0]["@value"], area["name"][1]["@value"])
        assert place["address"]["addressLocality"] == area["name"] == [
            {"@value": fi, "@language": "fi"}, {"@value": sv, "@language": "sv"}]
    swedish = [e for e in by_type["Event"] if e["inLanguage"] == "sv"]
    assert swedish and all("sv" in _names(e) for e in swedish)


def test_an_activity_held_in_swedish_is_tagged_so(store, tmp_path):
    org, _c = save_organisation(store, None, {"name_fi": "Vaasan Kuoro ry", "name_sv": "Vasa kör rf"})
    activities.add_activity(store, org, title="Körövning", title_translation="Kuoroharjoitukset",
                            language="sv", published=True, municipalities=["905"],
                            target_group="vuxna")
    activities.add_activity(store, org, title="Ei julkaistu", published=False)
    _export(store, tmp_path)
    graph = json.loads((tmp_path / "open-data.jsonld").read_text(encoding="utf-8"))["@graph"]
    events = [n for n in graph if n["@type"] == "Event"]
    assert len(events) == 1
    assert _names(events[0]) == {"sv": "Körövning", "fi": "Kuoroharjoitukset"}
    assert events[0]["audience"]["audienceType"] == [{"@value": "vuxna", "@language": "sv"}]
    assert events[0]["location"][0]["identifier"] == "905"  # no premises: the municipality
    rows = _csv(tmp_path / "events.csv")
    assert (rows[0]["language"], rows[0]["name_fi"], rows[0]["name_sv"]) == (
        "sv", "Kuoroharjoitukset", "Körövning")
    assert rows[0]["municipality_codes"] == "905" and rows[0]["free_of_charge"] == "false"


def test_no_personal_data_but_the_public_contacts(demo_store, tmp_path):
    with demo_store.read() as session:
        orgs = {a.organisation_id for a in activities.published_activities(session)}
        people = session.scalars(select(ContactPerson).where(ContactPerson.deleted.is_(False))).all()
        private = [p for p in people if not p.public]
        public_here = {p.id for p in people if p.public and any(
            link.organisation_id in orgs and not link.deleted for link in p.representations)}
        # The demo's organisations give their chairs' e-mail addresses too: make one do so.
        chair = next(p for p in private if p.email and any(
            link.organisation_id in orgs for link in p.representations))
        org = next(link.organisation for link in chair.representations if link.organisation_id in orgs)
        names = {"name_fi": org.name_fi, "name_sv": org.name_sv}
    save_organisation(demo_store, org.id, {**names, "email": chair.email,
                                           "phone": chair.phone or "040 123 4567"})
    assert private and public_here

    _export(demo_store, tmp_path)
    texts = {name: (tmp_path / name).read_text(encoding="utf-8") for name in FILES}
    everything = "\n".join(texts.values())
    for person in private:
        assert person.name not in everything, person.name
        if person.email:
            assert person.email not in everything, person.email
        if person.phone:
            digits = re.sub(r"\D", "", person.phone)
            assert person.phone not in everything and digits not in re.sub(r"[^\d\n]", "", everything)
    shown = {uuid.UUID(row["id"]) for row in _csv(tmp_path / "contacts.csv")}
    assert shown >= public_here
    with demo_store.read() as session:
        assert all(session.get(ContactPerson, pid).public for pid in shown)


def test_marking_a_contact_public_puts_them_in(store, tmp_path):
    org, _c = save_organisation(store, None, {"name_fi": "Laihian Kyläyhdistys ry"})
    person, _c = contacts.add_contact(store, org, "puheenjohtaja", name="Åsa Öberg",
                                      email="asa.oberg@example.fi", phone="040 111 2222")
    activities.add_activity(store, org, title="Kylän kahvila", published=True, contact_id=person)
    _export(store, tmp_path / "before")
    assert "Öberg" not in (tmp_path / "before" / "open-data.jsonld").read_text(encoding="utf-8")
    contacts.update_contact(store, person, public=True)
    _export(store, tmp_path / "after")
    document = json.loads((tmp_path / "after" / "open-data.jsonld").read_text(encoding="utf-8"))
    organisation = next(n for n in document["@graph"] if n["@type"] == "Organization")
    assert organisation["contactPoint"] == [{
        "@type": "ContactPoint", "identifier": str(person), "name": "Åsa Öberg",
        "contactType": "puheenjohtaja", "email": "asa.oberg@example.fi", "telephone": "040 111 2222",
        "availableLanguage": "fi"}]
    assert _csv(tmp_path / "after" / "events.csv")[0]["contact_id"] == str(person)


def test_the_csv_files_have_the_documented_columns_and_read_back(demo_store, tmp_path):
    data = _export(demo_store, tmp_path)
    for name, columns, count in (
        ("organisations.csv", ORGANISATION_COLUMNS, len(data.organisations)),
        ("places.csv", PLACE_COLUMNS, len(data.places)),
        ("events.csv", EVENT_COLUMNS, len(data.events)),
        ("contacts.csv", CONTACT_COLUMNS, len(data.contacts)),
    ):
        rows = _csv(tmp_path / name)
        assert len(rows) == count
        first = (tmp_path / name).read_bytes().decode("utf-8").split("\r\n", 1)[0]
        assert first.split(",") == list(columns)
    places = {row["id"]: row for row in _csv(tmp_path / "places.csv")}
    with demo_store.read() as session:
        for place_id, row in places.items():
            details = premises.premises_details(session, uuid.UUID(place_id), "fi").fields
            assert row["name_fi"] == details["name_fi"]
            assert row["capacity"] == ("" if details["capacity"] is None else str(details["capacity"]))
            assert row["step_free_access"] == ("true" if details["step_free"] else "false")
        names = {o.id: o.name_fi for o in session.scalars(select(Organisation))}
        titles = {a.id: a for a in session.scalars(select(Activity))}
    for row in _csv(tmp_path / "organisations.csv"):
        assert names[uuid.UUID(row["id"])] == row["name_fi"]
    for row in _csv(tmp_path / "events.csv"):
        activity = titles[uuid.UUID(row["id"])]
        assert row[f"name_{activity.language}"] == activity.title
        for place_id in filter(None, row["place_ids"].split("|")):
            assert place_id in places
    docs = (Path(__file__).parents[2] / "docs" / "open-data.md").read_text(encoding="utf-8")
    for column in {*ORGANISATION_COLUMNS, *PLACE_COLUMNS, *EVENT_COLUMNS, *CONTACT_COLUMNS}:
        assert f"`{column}`" in docs, column  # every column is documented


def test_open_data_from_the_command_line(demo_store, tmp_path, capsys):
    target = tmp_path / "avoin"
    assert main(["export", "open-data", str(target), "--db", demo_store.location]) == 0
    assert str(target) in capsys.readouterr().out
    assert sorted(p.name for p in target.iterdir()) == sorted(FILES)
    json.loads((target / "open-data.jsonld").read_text(encoding="utf-8"))
