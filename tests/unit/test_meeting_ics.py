"""The calendar invitation (.ics) parsed back with icalendar, and the invitation e-mail text."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from desktop.documents import meeting_text as t
from desktop.documents.document_language import label
from desktop.documents.meeting_email import invitation_body, invitation_subject, invitation_text
from desktop.documents.meeting_ics import ics_bytes, write_ics
from desktop.errors import KnownError
from tests import meeting_samples as s

HELSINKI = ZoneInfo("Europe/Helsinki")


def _parse(data: bytes) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_invitation_round_trip(tmp_path):
    doc = s.meeting(30, "fi")
    path = tmp_path / "kokous.ics"
    write_ics(doc, path)
    data = path.read_bytes()
    assert b"\r\n" in data and data.rstrip().endswith(b"END:VCALENDAR")
    calendar, event = _parse(data)
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == f"{s.MEETING_ID}@kumppani"
    assert str(event["SUMMARY"]) == f"{s.BODY} 3/2026"
    assert str(event["LOCATION"]) == s.PLACE
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == dt.datetime(2026, 12, 2, 13, 0, tzinfo=HELSINKI)
    assert end == dt.datetime(2026, 12, 2, 15, 30, tzinfo=HELSINKI)
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert start.utcoffset() == dt.timedelta(hours=2)
    # The agenda in the description, every § in order.
    description = str(event["DESCRIPTION"])
    lines = description.splitlines()
    assert lines[0] == f"{label('fi', t.TITLES[t.DocumentKind.AGENDA])} 3/2026"
    assert lines[1 : 1 + 30] == [f"§ {item.section} {item.title}" for item in doc.items]
    assert s.LINK in description
    assert str(event["URL"]) == s.LINK
    # Organiser and invited by e-mail.
    assert str(event["ORGANIZER"]) == "mailto:sanna.sihteeri@example.fi"
    assert event["ORGANIZER"].params["CN"] == "Sanna Sihteeri"
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == [f"mailto:{e}" for e in doc.attendee_emails]
    assert all(a.params["RSVP"] == "TRUE" for a in attendees)


def test_uid_is_stable_per_meeting():
    doc = s.meeting(3, "fi")
    first, second = (_parse(ics_bytes(doc))[1] for _ in range(2))
    assert first["UID"] == second["UID"]
    other = s.meeting(3, "fi", meeting_id=uuid.uuid4())
    assert _parse(ics_bytes(other))[1]["UID"] != first["UID"]


@pytest.mark.parametrize(
    ("date", "utc_hour"),
    [
        (dt.date(2026, 12, 2), 11),  # winter: +2
        (dt.date(2027, 6, 16), 10),  # summer: +3
        (dt.date(2027, 3, 28), 10),  # the day the clocks go forward, after the change
        (dt.date(2027, 10, 31), 11),  # the day they go back
    ],
)
def test_the_timezone_component_gives_helsinki_time(date, utc_hour):
    """Read with the file's own VTIMEZONE (as Outlook does), not the reader's tz database."""
    calendar, event = _parse(ics_bytes(s.meeting(2, "fi", date=date)))
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Helsinki"]
    assert calendar.get_missing_tzids() == set()
    assert b"RDATE" not in ics_bytes(s.meeting(2, "fi", date=date))  # Outlook misreads RDATE
    own = zones[0].to_tz(lookup_tzid=False)  # the rules written in the file
    local = dt.datetime.combine(date, dt.time(13, 0))
    assert local.replace(tzinfo=own).astimezone(dt.UTC).hour == utc_hour
    # ... and across several years it agrees with the tz database hour by hour at the changes.
    for year in (2026, 2030, 2035):
        for month, day in ((3, 24), (10, 24)):
            for hours in range(0, 24 * 8, 1):
                moment = dt.datetime(year, month, day, tzinfo=dt.UTC) + dt.timedelta(hours=hours)
                assert moment.astimezone(own).utcoffset() == moment.astimezone(HELSINKI).utcoffset()


def test_without_a_start_time_an_all_day_event():
    doc = s.meeting(2, "fi", start_time=None, end_time=None, organiser_email="")
    calendar, event = _parse(ics_bytes(doc))
    assert event.decoded("DTSTART") == dt.date(2026, 12, 2)
    assert event.decoded("DTEND") == dt.date(2026, 12, 3)
    assert not isinstance(event.decoded("DTSTART"), dt.datetime)
    assert calendar.walk("VTIMEZONE") == []
    # No organiser known: a request would be invalid, so it is published.
    assert calendar["METHOD"] == "PUBLISH"
    assert "ORGANIZER" not in event and "ATTENDEE" not in event


def test_the_end_follows_the_items_when_not_given():
    doc = s.meeting(4, "fi", end_time=None)  # items 1, 2 and 4 have 15 minutes each
    _, event = _parse(ics_bytes(doc))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=45)


def test_online_only_meeting_has_the_link_as_location():
    _, event = _parse(ics_bytes(s.meeting(2, "fi", place="")))
    assert str(event["LOCATION"]) == s.LINK


@pytest.mark.parametrize("language", ["fi", "sv", "en", "fi+sv"])
def test_invitation_email(language):
    doc = s.meeting(30, language)
    text = invitation_text(doc)
    first, blank, *body = text.splitlines()
    assert first == f"{label(language, 'Subject')}: {invitation_subject(doc)}"
    assert blank == ""
    assert f"{doc.body} 3/2026" in first and "2.12.2026" in first
    assert "\n".join(body) + "\n" == invitation_body(doc)
    assert f"{label(language, t.TIME)}: {t.when(doc, language)}" in body
    assert f"{label(language, t.PLACE)}: {s.PLACE}" in body
    listed = [line for line in body if line.startswith("§ ")]
    assert listed == [f"§ {item.section} {item.title}" for item in doc.items]
    assert body[-1] == "Sanna Sihteeri"
    if language == "fi+sv":
        assert "Aika / Tid: 2.12.2026" in text


def test_invitation_email_in_another_language_and_a_bad_one():
    doc = s.meeting(2, "fi")
    assert "Tid: 2.12.2026" in invitation_text(doc, "sv")
    with pytest.raises(KnownError):
        invitation_text(doc, "xx")
