"""A meeting as a calendar invitation (``.ics``, iCalendar) that Outlook and Thunderbird accept.

* ``METHOD:REQUEST`` with the organiser and the invited as ``ORGANIZER``/``ATTENDEE`` when their
  e-mail addresses are known. A request without an organiser is not valid (RFC 5546), so without
  one the file is ``METHOD:PUBLISH``: an entry to add to one's calendar.
* The UID comes from the meeting's id, so a second invitation for the same meeting updates the
  entry instead of adding another.
* Times are Helsinki wall-clock times (``TZID=Europe/Helsinki``) with a ``VTIMEZONE`` written
  with yearly rules: Outlook misreads the ``RDATE`` lists that icalendar generates from the
  tz database (it shifts summer-time events by an hour), so the EU rule is written out and
  checked against the tz database for the meeting's year; were the rule ever to change, the
  generated component is used instead.
* Without a start time the meeting is an all-day event.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress

from desktop.documents import meeting_text as t
from desktop.documents.document_language import label
from desktop.documents.files import write_atomically
from desktop.services.meeting_document import MeetingDocument

TZID = "Europe/Helsinki"
PRODID = "-//Kumppani//Kumppani meetings//EN"
DEFAULT_LENGTH = dt.timedelta(hours=2)  # when neither the end nor the items' times are known


def write_ics(doc: MeetingDocument, path: Path) -> None:
    """Write the invitation of ``doc`` to ``path`` safely; raises ``KnownError`` on failure."""
    write_atomically(Path(path), ics_bytes(doc))


def ics_bytes(doc: MeetingDocument) -> bytes:
    """The invitation as iCalendar bytes (CRLF lines, folded at 75 octets)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST" if doc.organiser_email else "PUBLISH")
    event = _event(doc)
    if doc.start_time is not None:
        calendar.add_component(_helsinki(doc.date.year))
    calendar.add_component(event)
    return calendar.to_ical()


def _event(doc: MeetingDocument) -> Event:
    event = Event()
    event.add("uid", f"{doc.meeting_id}@kumppani")
    event.add("dtstamp", dt.datetime.now(dt.UTC).replace(microsecond=0))
    event.add("sequence", 0)
    event.add("summary", f"{doc.body} {t.reference(doc)}")
    start, end = _span(doc)
    event.add("dtstart", start)
    event.add("dtend", end)
    location = doc.place.strip() or doc.online_link.strip()
    if location:
        event.add("location", location)
    if doc.online_link.strip().lower().startswith(("https://", "http://")):
        event.add("url", doc.online_link.strip())
    event.add("description", description(doc))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    if doc.organiser_email:
        organiser = vCalAddress(f"mailto:{doc.organiser_email}")
        if doc.secretary:
            organiser.params["CN"] = doc.secretary
        event.add("organizer", organiser)
        for email in doc.attendee_emails:
            attendee = vCalAddress(f"mailto:{email}")
            attendee.params.update(
                {"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
            )
            event.add("attendee", attendee)
    return event


def _span(doc: MeetingDocument) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """Start and end: Helsinki times, or the day itself (the end is exclusive) with no time."""
    if doc.start_time is None:
        return doc.date, doc.date + dt.timedelta(days=1)
    zone = ZoneInfo(TZID)
    start = dt.datetime.combine(doc.date, doc.start_time, tzinfo=zone)
    if doc.end_time is not None and doc.end_time > doc.start_time:
        return start, dt.datetime.combine(doc.date, doc.end_time, tzinfo=zone)
    allotted = sum(item.minutes_allotted or 0 for item in doc.items)
    return start, start + (dt.timedelta(minutes=allotted) if allotted else DEFAULT_LENGTH)


def description(doc: MeetingDocument) -> str:
    """The agenda by § in the meeting's language, and the online link."""
    language = doc.language
    lines = [f"{label(language, t.TITLES[t.DocumentKind.AGENDA])} {t.reference(doc)}"]
    lines += [f"{t.section(item.section)} {' '.join(item.title.split())}" for item in doc.items]
    if doc.online_link.strip():
        lines += ["", f"{label(language, t.ONLINE)}: {doc.online_link.strip()}"]
    return "\n".join(lines)


def _helsinki(year: int) -> Timezone:
    """Europe/Helsinki as a VTIMEZONE with the EU's yearly rules (see the module's notes)."""
    zone = ZoneInfo(TZID)
    winter = dt.datetime(year, 1, 15, tzinfo=zone).utcoffset()
    summer = dt.datetime(year, 7, 15, tzinfo=zone).utcoffset()
    if winter is None or summer is None or not _follows_eu_rule(year, zone, winter, summer):
        return Timezone.from_tzinfo(
            zone, TZID, first_date=dt.date(year - 1, 1, 1), last_date=dt.date(year + 2, 1, 1)
        )
    timezone = Timezone()
    timezone.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 10, 25, 4, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    standard.add("tzoffsetfrom", summer)
    standard.add("tzoffsetto", winter)
    standard.add("tzname", "EET")
    daylight = TimezoneDaylight()
    daylight.add("dtstart", dt.datetime(1970, 3, 29, 3, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    daylight.add("tzoffsetfrom", winter)
    daylight.add("tzoffsetto", summer)
    daylight.add("tzname", "EEST")
    timezone.add_component(standard)
    timezone.add_component(daylight)
    return timezone


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() - 6) % 7)


def _follows_eu_rule(year: int, zone: ZoneInfo, winter: dt.timedelta, summer: dt.timedelta) -> bool:
    """Whether Helsinki changes its clocks in ``year`` as the written rule says: +2 h in winter,
    +3 h in summer, at 01.00 UTC on the last Sundays of March and October."""
    if (winter, summer) != (dt.timedelta(hours=2), dt.timedelta(hours=3)):
        return False
    for month, before, after in ((3, winter, summer), (10, summer, winter)):
        change = dt.datetime.combine(_last_sunday(year, month), dt.time(1), tzinfo=dt.UTC)
        just_before = (change - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
        if (just_before, change.astimezone(zone).utcoffset()) != (before, after):
            return False
    return True
