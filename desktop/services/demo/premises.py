"""Demo premises in the county, the organisations and activities that use them, and what the
open data needs: activities' languages and title translations, and some public contacts.

Run last, with a random generator of its own, so the rest of the demo stays what the same seed
always gave.
"""

from __future__ import annotations

import random

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.services.demo.builder import _ACTIVITY_TITLES
from desktop.services.demo.places import PLACE
from desktop.storage.models import (
    Activity,
    ContactPerson,
    Organisation,
    Premises,
    PremisesActivity,
    PremisesOrganisation,
)
from desktop.storage.models.enums import OrganisationStatus
from desktop.storage.models.enums import PremisesTerms as T
from desktop.storage.models.enums import PremisesType as K

_FREE, _FEE, _WELLBEING = T.FREE.value, T.FEE.value, T.FREE_FOR_WELLBEING.value

# (municipality, Finnish name, Swedish name, address, type, capacity, step-free, accessible
#  toilet, induction loop, equipment, terms, booking, availability, the owner (see _owner),
#  contract clause)
_PREMISES = (
    ("905", "Vaasan kaupunginkirjaston kokoushuone", "Vasa stadsbiblioteks mötesrum",
     "Kirjastonkatu 13, 65100 Vaasa", K.MEETING_ROOM, 20, True, True, True,
     "Näyttö, fläppitaulu, kahvinkeitin", _FREE,
     "Varaus kirjaston asiakaspalvelusta tai verkkokalenterista.", "ma–pe klo 9–19", "municipality", ""),
    ("905", "Palosaaren nuorisotalo", "Brändö ungdomsgård", "Kirkkopuistikko 27, 65100 Vaasa",
     K.HALL, 60, True, False, False, "Keittiönurkkaus, äänentoisto", _WELLBEING,
     "Varaukset nuorisopalveluiden toimistosta, puh. 06 325 1111.",
     "Iltaisin nuorten käytössä; päivisin vapaa", "municipality", ""),
    ("905", "Hoivakoti Aurinkorinteen päiväsali", "Dagsalen vid vårdhemmet Solbacken",
     "Rantakatu 4, 65100 Vaasa", K.HALL, 40, True, True, True, "Piano, videotykki", _WELLBEING,
     "Sopimus palvelukodin johtajan kanssa viimeistään viikkoa ennen.",
     "Arkisin klo 14–20", "",
     "Palveluntuottaja avaa yhteiset tilansa järjestöjen hyvinvointia edistävälle toiminnalle "
     "maksutta vähintään kahtena iltana viikossa (sopimuksen liite 3, kohta 7.2)."),
    ("499", "Sepänkylän koulun liikuntasali", "Smedsby skolas gymnastiksal",
     "Skolvägen 2, 65610 Mustasaari", K.SPORTS, 80, True, True, False, "Pukuhuoneet, suihkut",
     _FEE, "Vapaa-aikatoimi myöntää vuorot kausittain.", "Arki-illat klo 17–21", "municipality", ""),
    ("499", "Koivulahden kylätalo", "Kvevlax bygdegård", "Kvevlaxvägen 120, 66530 Koivulahti",
     K.HALL, 120, True, False, False, "Täysin varustettu keittiö, näyttämö", _FEE,
     "Kyläyhdistyksen varausvastaava, puh. 050 400 1200.", "Viikonloput ja illat", "Kvevlax by", ""),
    ("598", "Pietarsaaren seurakuntakeskuksen kerhohuone", "Jakobstads församlingshems klubbrum",
     "Kyrkogatan 24, 68600 Pietarsaari", K.MEETING_ROOM, 25, True, True, True, "Kahvinkeitin",
     _WELLBEING, "Varaukset seurakunnan virastosta.", "ma–to klo 10–16", "seurakunta", ""),
    ("598", "Pietarsaaren uimahallin kokoustila", "Jakobstads simhalls mötesrum",
     "Idrottsvägen 1, 68600 Pietarsaari", K.MEETING_ROOM, 15, True, True, False, "Näyttö",
     _FEE, "Uimahallin kassa.", "Uimahallin aukioloaikoina", "", ""),
    ("399", "Laihian nuorisoseurantalo", "Laihela ungdomsföreningshus", "Laihiantie 10, 66400 Laihia",
     K.HALL, 150, False, False, False, "Keittiö, näyttämö, tuolit 150 hengelle", _FEE,
     "Nuorisoseuran talonmies.", "Sopimuksen mukaan", "Nuorisoseura", ""),
    ("545", "Närpiön kaupungintalon valtuustosali", "Närpes stadshus fullmäktigesal",
     "Köpmansgatan 2, 64200 Närpiö", K.MEETING_ROOM, 45, True, True, True, "Äänentoisto, videotykki",
     _FREE, "Kaupungin kirjaamo.", "Arki-illat, ei valtuuston kokousiltoina", "municipality", ""),
    ("231", "Kaskisten kansalaisopiston keittiöluokka",
     "Kaskö medborgarinstituts skolkök", "Raatihuoneenkatu 2, 64260 Kaskinen",
     K.KITCHEN, 16, True, False, False, "Kuusi keittiöpistettä, astiat", _WELLBEING,
     "Kansalaisopiston toimisto.", "Kesäkuukausina ja viikonloppuisin", "municipality", ""),
    ("905", "Hietalahden puistoalue", "Sandvikens parkområde", "Hietalahdenkatu, 65100 Vaasa",
     K.OUTDOOR, None, True, False, False, "Grillikatos, penkit", _FREE,
     "Ilmoitus kaupungin puistotoimelle yli 50 hengen tapahtumista.", "Ympäri vuoden", "", ""),
    ("287", "Kristiinan palvelukeskuksen kerhotila", "Servicecentralens klubbrum i Kristinestad",
     "Staketgatan 3, 64100 Kristiinankaupunki", K.MEETING_ROOM, 30, True, True, True, "Kahvinkeitin",
     _FREE, "Palvelukeskuksen vastaava ohjaaja.", "ma–pe klo 12–18", "", ""),
)


def _owner(session: Session, code: str, needle: str) -> Organisation | None:
    """The municipality's own record (``needle`` "municipality": a public partner named as the
    municipality), or the first organisation of ``code`` with ``needle`` in a name."""
    if not needle:
        return None
    query = select(Organisation).where(Organisation.domicile_code == code,
                                       Organisation.deleted.is_(False))
    if needle == "municipality":
        query = query.where(Organisation.name_fi == PLACE[code].fi)
    else:
        query = query.where(or_(Organisation.name_fi.contains(needle),
                                Organisation.name_sv.contains(needle)))
    return session.scalars(query.order_by(Organisation.name_fi, Organisation.name_sv)).first()


def _translations() -> dict[str, tuple[str, str]]:
    """Title -> (its language, the title in the other national language)."""
    found: dict[str, tuple[str, str]] = {}
    for titles in _ACTIVITY_TITLES.values():
        for fi, sv, _group_fi, _group_sv in titles:
            found.setdefault(fi, ("fi", sv))
            found.setdefault(sv, ("sv", fi))
    return found


def add_demo_premises(session: Session, seed: int) -> int:
    """Add the demo premises and their links; return how many premises were added."""
    rng = random.Random(seed + 12)
    translations = _translations()
    activities = list(session.scalars(select(Activity).order_by(Activity.title, Activity.id)))
    for activity in activities:
        language, other = translations.get(activity.title, ("fi", ""))
        activity.language = language
        if activity.published and rng.random() < 0.8:
            activity.title_translation = other
    # Some contact persons have agreed to be named in public lists and open data.
    for person in session.scalars(select(ContactPerson).order_by(ContactPerson.id)):
        if rng.random() < 0.25:
            person.public = True

    orgs = [o for o in session.scalars(select(Organisation).order_by(Organisation.name_fi))
            if o.status == OrganisationStatus.ACTIVE]
    count = 0
    for (code, fi, sv, address, kind, capacity, step_free, toilet, loop, equipment, terms, booking,
         availability, owner_name, clause) in _PREMISES:
        if code not in PLACE:
            continue
        owner = _owner(session, code, owner_name)
        premises = Premises(
            name_fi=fi, name_sv=sv, address=address, municipality_code=code,
            owner_id=owner.id if owner else None, kind=kind.value, capacity=capacity,
            step_free=step_free, accessible_toilet=toilet, induction_loop=loop,
            equipment=equipment, terms=terms, booking=booking, availability=availability,
            contract_clause=clause,
        )
        session.add(premises)
        session.flush()
        count += 1
        local = [o for o in orgs if o.domicile_code == code or code in (o.active_municipalities or [])]
        users = rng.sample(local, k=min(len(local), rng.choice((1, 2, 3))))
        for org in users:
            session.add(PremisesOrganisation(premises_id=premises.id, organisation_id=org.id))
            own = [a for a in activities if a.organisation_id == org.id and code in a.municipalities]
            own.sort(key=lambda a: (not a.published, a.title))
            for activity in own[: rng.choice((1, 1, 2))]:
                session.add(PremisesActivity(premises_id=premises.id, activity_id=activity.id))
    return count
