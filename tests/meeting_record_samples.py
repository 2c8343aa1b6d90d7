"""Formal minutes and a memo made up for the issue #10 document tests: every decision type, a
vote with a roll call, a disqualification, a confidential item, and personal data in the texts
(a private person's name, e-mail addresses, phone numbers, a personal identity code) for the
public version to remove."""

from __future__ import annotations

import datetime as dt

from desktop.services.meeting_document import (
    DocAction,
    DocAttendee,
    DocDisqualification,
    DocItem,
    DocProposal,
    DocVote,
    MeetingDocument,
)
from tests import meeting_samples as s

BODY = "Pohjanmaan avustustoimikunta"
PRIVATE = "Pekka Yksityinen"  # a resident who wrote to the committee: not a member
EXPERT = "Olli Osaaja"  # attended as an expert: not a member
EMAIL = "pekka.yksityinen@example.fi"
PHONES = ("040 123 4567", "+358 50 765 4321")
HETU = "131052-308T"  # a valid personal identity code (stdnum's example)
BASIS = "JulkL 24 § 1 mom. 25 k"
MEMBERS = ("Maija Mäkinen", "Åsa Öhman", "Väinö Määttä", "Liisa Laine", "Sanna Sihteeri")

ATTENDEES = (
    DocAttendee("Maija Mäkinen", "Pohjanmaan hyvinvointialue", "chair"),
    DocAttendee("Åsa Öhman", "Vasa Svenska Marthaförening r.f.", "vice_chair"),
    DocAttendee("Väinö Määttä", "Kokkolan Eläkeläiset ry", "member"),
    DocAttendee("Liisa Laine", "Pohjanmaan Kylät ry", "member"),
    DocAttendee("Sanna Sihteeri", "Pohjanmaan hyvinvointialue", "secretary"),
    DocAttendee(EXPERT, "Åbo Akademi", "member", "expert"),
)

VOTE = DocVote(
    proposals=(
        DocProposal("Myönnetään 5 000 €.", proposer="Maija Mäkinen", votes=2),
        DocProposal("Myönnetään 3 000 €.", proposer="Väinö Määttä", seconder="Liisa Laine",
                    votes=2),
    ),
    roll_call=(("Maija Mäkinen", 0), ("Åsa Öhman", 0), ("Väinö Määttä", 1), ("Liisa Laine", 1),
               ("Sanna Sihteeri", -1)),
    result="Kokous päätti äänin 2–2 puheenjohtajan äänen ratkaistessa myöntää 5 000 €.",
)


def _item(section: int, title: str, **values: object) -> DocItem:
    return DocItem(section=section, title=title, **values)  # type: ignore[arg-type]


ITEMS = (
    _item(1, "Laillisuus ja päätösvaltaisuus", decision="Kokous todettiin laillisesti koolle "
          "kutsutuksi ja päätösvaltaiseksi.", decision_type="as_proposed"),
    _item(2, "Kylätalon avustus", proposal="Myönnetään 2 000 €.",
          decision="Hyväksyttiin esityksen mukaisesti.", decision_type="as_proposed",
          appealable=True),
    _item(3, "Nuorisoseuran avustus", proposal="Myönnetään 1 000 €.",
          decision="Myönnetään 1 500 €.", decision_type="amended",
          amendment="Summa korotettiin 1 000 eurosta 1 500 euroon, koska hakija toimii kahdessa kunnassa.",
          appealable=True),
    _item(4, "Urheiluseuran avustus", decision="Hylättiin.", decision_type="rejected",
          appealable=True),
    _item(5, "Kulttuuriyhdistyksen hakemus", decision="", decision_type="tabled"),
    _item(6, "Eläkeläisten kerhotilat", decision="", decision_type="returned"),
    _item(7, "Ilmoitusasiat", item_type="information", decision_type="noted",
          background=f"Asukas {PRIVATE} ({EMAIL}, puh. {PHONES[0]}) kysyi kerhotiloista; "
                     f"hänen henkilötunnuksensa {HETU} oli kirjeessä."),
    _item(8, "Marthaföreningens bidrag", decision_type="vote", vote=VOTE,
          decision="Myönnetään 5 000 €.", appealable=True,
          disqualified=(DocDisqualification("Åsa Öhman", "yhdistyksen puheenjohtaja"),),
          dissents=("Väinö Määttä: summa on liian suuri",),
          discussion=f"{EXPERT} kertoi hankkeesta; lisätietoja {PHONES[1]}."),
    _item(9, "Henkilöstöasia", decision="Päätettiin henkilön asiasta.", decision_type="as_proposed",
          background=f"Työntekijä {PRIVATE} pyysi vapautusta.", confidential_basis=BASIS,
          appealable=True),
    _item(10, "Kokouksen päättäminen", item_type="information", decision="Puheenjohtaja päätti "
          "kokouksen klo 15.20."),
)


def minutes(language: str = "fi", **changes: object) -> MeetingDocument:
    values: dict[str, object] = {
        "meeting_id": s.MEETING_ID,
        "body": BODY,
        "number": 4,
        "date": dt.date(2026, 12, 2),
        "language": language,
        "start_time": dt.time(13, 0),
        "end_time": dt.time(15, 20),
        "place": "Vaasan kaupungintalo, Botnia",
        "status": "minutes_approved",
        "items": ITEMS,
        "attendees": ATTENDEES,
        "minute_checkers": ("Åsa Öhman", "Väinö Määttä"),
        "chair": "Maija Mäkinen",
        "secretary": "Sanna Sihteeri",
        "approved_on": dt.date(2026, 12, 9),
        "record_kind": "minutes",
        "checked": (("Åsa Öhman", dt.date(2026, 12, 4)), ("Väinö Määttä", dt.date(2026, 12, 7))),
        "display_date": dt.date(2026, 12, 10),
        "display_place": "hyvinvointialueen verkkosivut ja Vaasan kaupungintalon ilmoitustaulu",
        "notice_date": dt.date(2026, 12, 10),
        "appeal_deadline": dt.date(2026, 12, 24),
        "appeal_authority": "Pohjanmaan avustustoimikunta, PL 123, 65101 Vaasa",
        "appeal_text": "Oikaisuvaatimuksen saa tehdä se, johon päätös on kohdistettu.\n\n"
                       "Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista.",
    }
    values.update(changes)
    return MeetingDocument(**values)  # type: ignore[arg-type]


def memo(language: str = "fi") -> MeetingDocument:
    items = (
        _item(1, "Kokouksen avaus", item_type="information", decision="Puheenjohtaja avasi kokouksen."),
        _item(2, "Järjestöstrategia", item_type="discussion",
              discussion="Keskusteltiin strategian luonnoksesta; kylät ja eläkeläiset mukaan.",
              decision="Sovittiin, että luonnos lähetetään jäsenille kommentoitavaksi.",
              actions=(DocAction("Lähetetään luonnos jäsenille", "Sanna Sihteeri",
                                 dt.date(2026, 12, 18)),),
              appealable=True),
    )
    return minutes(language, body=s.BODY, record_kind="memo", items=items, checked=(),
                   display_date=None, appeal_deadline=None)
