"""Meeting documents made up for the document tests and benchmarks (no database involved).

The texts carry what has gone wrong in PDFs before: markup characters (``<b>``, ``&``, ``>``),
Finnish and Swedish letters, texts longer than a page, blank lines between paragraphs.
"""

from __future__ import annotations

import datetime as dt
import uuid

from desktop.services.meeting_document import (
    DocAction,
    DocAttendee,
    DocItem,
    DocWorkshopPoint,
    MeetingDocument,
)

MEETING_ID = uuid.UUID("0b5e3d0c-6f1e-4f5a-9a51-3c2d7e9f0a11")
FIRST_SECTION = 41
BODY = "Pohjanmaan kumppanuuspöytä"
BODY_FI_SV = "Pohjanmaan kumppanuuspöytä / Österbottens partnerskapsbord"
PLACE = "Vaasan kaupungintalo, kokoushuone Botnia & <Åbo>"
LINK = "https://teams.example.fi/l/meetup/19%3Ameeting?context=abc"

SENTENCE = (
    "Kumppanuuspöydän tavoitteena on vahvistaa järjestöjen ja hyvinvointialueen yhteistyötä; "
    "Åsa Öhman esitteli työryhmän <b>ehdotuksen</b> & muut > kaikki äänestivät Ålandin puolesta. "
)
# One paragraph longer than a page, then two more after blank lines.
LONG = SENTENCE * 45 + "\n\n" + SENTENCE * 3 + "\n\nLoppu: <&> ÄÖÅ äöå."

WORKSHOP = (
    DocWorkshopPoint("Ryhmä A", 1, "Yhteinen palvelulupaus", "Luottamus kasvaa <&>", 7),
    DocWorkshopPoint("Ryhmä A", 2, "Maksuttomat tilat järjestöille", "", 3),
    DocWorkshopPoint("Ryhmä B", 1, "Järjestöagentit joka kuntaan", "Tieto kulkee", 9),
    DocWorkshopPoint("Ryhmä B", 2, "Sähköinen järjestötori", "", 5),
)
ACTIONS = (
    DocAction("Laaditaan viestintäsuunnitelma & aikataulu", "Åsa Öhman", dt.date(2027, 1, 15)),
    DocAction("Kutsutaan järjestöt <työpajaan>", "Pohjanmaan Kylät ry", None, "in_progress"),
)
ATTENDEES = (
    DocAttendee("Maija Mäkinen", "Pohjanmaan hyvinvointialue", "chair"),
    DocAttendee("Åsa Öhman", "Vasa Svenska Marthaförening r.f.", "vice_chair", arrived_at=43),
    DocAttendee(
        "Väinö Määttä",
        "Kokkolan Eläkeläiset ry",
        "member",
        "deputy",
        deputy_for="Erkki Esimerkki",
        left_at=52,
    ),  # fmt: skip
    DocAttendee("Liisa Laine", "Pohjanmaan Kylät ry", "member", "absent"),
    DocAttendee("Sanna Sihteeri", "Pohjanmaan hyvinvointialue", "secretary"),
    DocAttendee("Olli Osaaja", "Åbo Akademi", "member", "expert"),
)


def title_of(number: int) -> str:
    return f"Asia {number}: järjestöavustusten periaatteet <2027> & Åland"


def item(number: int) -> DocItem:
    """The ``number``th item (1-based); every few items carry the rarer parts."""
    section = FIRST_SECTION + number - 1
    return DocItem(
        section=section,
        title=title_of(number),
        item_type=("decision", "information", "discussion", "workshop")[number % 4],
        presenter="Päivi Åström" if number % 2 else "",
        minutes_allotted=15 if number % 3 else None,
        background=LONG
        if number % 10 == 5
        else f"Taustaa {section}: ä/ö/å <ok>.\n\nToinen & kolmas.",
        proposal="Kumppanuuspöytä hyväksyy ehdotuksen.",
        attachments=("liite_äö.pdf", "Budjetti <2027>.xlsx") if number % 4 == 0 else (),
        discussion=f"Keskusteltiin asiasta {section} vilkkaasti." if number % 2 else "",
        decision=f"Päätös {section}: hyväksyttiin esityksen mukaisesti.",
        votes="Äänet 5–3 (Määttä, Laine & Öhman vastaan)" if number == 3 else "",
        dissents=("Väinö Määttä: ei kannata <ehdotusta>",) if number == 3 else (),
        actions=ACTIONS if number % 6 == 0 else (),
        workshop=WORKSHOP if number == 4 else (),
        corrections=("Korjattu 10.12.2026: päivämäärä oli väärin",) if number == 5 else (),
        postponed_from=(12, 20) if number == 7 else (),
    )


def meeting(items: int = 30, language: str = "fi", **changes: object) -> MeetingDocument:
    values: dict[str, object] = {
        "meeting_id": MEETING_ID,
        "body": BODY_FI_SV if "+" in language else BODY,
        "number": 3,
        "date": dt.date(2026, 12, 2),
        "language": language,
        "start_time": dt.time(13, 0),
        "end_time": dt.time(15, 30),
        "place": PLACE,
        "online_link": LINK,
        "status": "minutes_approved",
        "items": tuple(item(n) for n in range(1, items + 1)),
        "attendees": ATTENDEES,
        "minute_checkers": ("Åsa Öhman", "Väinö Määttä"),
        "chair": "Maija Mäkinen",
        "secretary": "Sanna Sihteeri",
        "approved_on": dt.date(2026, 12, 9),
        "organiser_email": "sanna.sihteeri@example.fi",
        "attendee_emails": ("maija.makinen@example.fi", "asa.ohman@example.fi"),
    }
    values.update(changes)
    return MeetingDocument(**values)  # type: ignore[arg-type]
