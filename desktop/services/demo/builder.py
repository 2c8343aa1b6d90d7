"""A realistic demo register for the Ostrobothnia wellbeing services county.

``create_demo`` fills an empty store in one operation: about 200 organisations in the
bilingual region's municipalities, their contact persons, the partnership table and the
organisation arena with meetings around ``today``, two years of grant calls with applications,
decisions and payments, and the checklist. Everything is drawn from ``random.Random(seed)``,
so a seed always gives the same register (record ids and clock stamps come from the store).

The demo's own contents (names, agenda texts) are data in Finnish and Swedish, as an officer
would type them, not interface text; only the messages about the demo are translated.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.fi import ytunnus

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.services.checklist import list_items, new_checklist
from desktop.services.demo.meeting_texts import (
    TOPICS,
    Topic,
    _closing_items,
    _standard_items,
    _topic_item,
)
from desktop.services.demo.minutes import fill_minutes
from desktop.services.demo.names import (
    ANCHORS,
    DESCRIPTIONS,
    FAMILIES,
    FI_FIRST,
    FI_LAST,
    GROUPS,
    RETENTION_CONTACT,
    RETENTION_GRANT,
    RETENTION_STAFF,
    RETENTION_TABLE,
    ROLES,
    SV_FIRST,
    SV_LAST,
    F,
    Family,
    S,
)
from desktop.services.demo.network import fill_network
from desktop.services.demo.places import (
    PLACE,
    PLACES,
    REGIONS,
    Place,
    Region,
    Village,
)
from desktop.storage.models import (
    Activity,
    AgendaItem,
    Body,
    BodyMember,
    Checklist,
    ContactPerson,
    GrantApplication,
    GrantApplicationActivity,
    GrantCall,
    GrantDecision,
    GrantPayment,
    Interaction,
    Meeting,
    Organisation,
    Representation,
)
from desktop.storage.models.enums import (
    BodyKind,
    ChecklistStatus,
    DecisionStatus,
    GrantType,
    InteractionKind,
    ItemType,
    MeetingStatus,
    MemberRole,
    OrganisationForm,
    OrganisationStatus,
    RecordKind,
    Sector,
)
from desktop.storage.store import Store

OPERATION = "demo"
ORGANISATIONS = 200
CONTACTS = 250
ACTIVITIES = 300
INTERACTIONS = 120
EURO = 100  # cents

COUNTY_FI = "Pohjanmaan hyvinvointialue"
COUNTY_SV = "Österbottens välfärdsområde"


@dataclass
class DemoSummary:
    """How many records of each kind the demo created."""

    organisations: int = 0
    contacts: int = 0
    representations: int = 0
    bodies: int = 0
    body_members: int = 0
    meetings: int = 0
    agenda_items: int = 0
    grant_calls: int = 0
    applications: int = 0
    decisions: int = 0
    payments: int = 0
    checklist_items: int = 0
    activities: int = 0
    interactions: int = 0
    attendances: int = 0
    action_items: int = 0
    workshop_points: int = 0

    def describe(self) -> str:
        """One translated sentence for the status bar or the log."""
        return _(
            "Demo data created: {organisations} organisations, {contacts} contact persons, "
            "{activities} activities, {interactions} logged interactions, {meetings} meetings, "
            "{applications} grant applications and {checklist_items} checklist items."
        ).format(
            organisations=self.organisations,
            contacts=self.contacts,
            activities=self.activities,
            interactions=self.interactions,
            meetings=self.meetings,
            applications=self.applications,
            checklist_items=self.checklist_items,
        )


# -- helpers -----------------------------------------------------------------------------


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def _slug(name: str) -> str:
    words = _ascii(name).replace(":n ", " ").replace("-", " ").split()
    words = [w for w in words if w.isalnum()]
    words = [w for w in words if w not in ("ry", "rf", "sr", "i", "och")]
    return "-".join(words)[:40].strip("-")


def _phone(rng: random.Random, landline: bool = False) -> str:
    if landline:
        return f"06 {rng.randint(100, 899)} {rng.randint(1000, 9999)}"
    prefix = rng.choice(("040", "044", "045", "050", "046"))
    return f"{prefix} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _business_id(rng: random.Random, taken: set[str]) -> str:
    """A valid, unused Business ID (Y-tunnus) in its normalised form ``1234567-8``."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    while True:
        digits = f"{rng.randint(150000, 3399999):07d}"
        remainder = sum(w * int(d) for w, d in zip(weights, digits, strict=True)) % 11
        if remainder == 1:  # no check digit exists for these
            continue
        check = 0 if remainder == 0 else 11 - remainder
        number = ytunnus.format(f"{digits}{check}")
        if number not in taken and ytunnus.is_valid(number):
            taken.add(number)
            return number


def _register_number(rng: random.Random, taken: set[str]) -> str:
    while True:
        number = f"{rng.randint(100, 222)}.{rng.randint(100, 999)}"
        if number not in taken:
            taken.add(number)
            return number


def _weekday(day: dt.date) -> dt.date:
    """The date, or the next Tuesday-Thursday after it: the days meetings are held."""
    while day.weekday() not in (1, 2, 3):
        day += dt.timedelta(days=1)
    return day


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


# -- activities and interactions (data, as the organisations and the officer write them) --

# (Finnish title, Swedish title, target group fi, target group sv) by sector.
_ACTIVITY_TITLES: dict[Sector, tuple[tuple[str, str, str, str], ...]] = {
    S.SOCIAL_HEALTH: (
        ("Vertaistukiryhmä omaishoitajille", "Kamratstödsgrupp för närståendevårdare",
         "omaishoitajat", "närståendevårdare"),
        ("Mielenterveyden vertaisryhmä", "Kamratgrupp för psykisk hälsa", "aikuiset", "vuxna"),
        ("Olohuonetoiminta", "Vardagsrumsverksamhet", "kaikki", "alla"),
        ("Ystävätoiminta", "Vänverksamhet", "yksinäiset aikuiset", "ensamma vuxna"),
    ),
    S.SPORTS: (
        ("Seniorijumppa", "Seniorgympa", "ikäihmiset", "äldre"),
        ("Sählykerho", "Innebandyklubb", "lapset ja nuoret", "barn och unga"),
        ("Kävelyryhmä", "Promenadgrupp", "kaikki", "alla"),
        ("Uimakoulu", "Simskola", "lapset", "barn"),
    ),
    S.YOUTH: (
        ("Kerhoilta", "Klubbkväll", "nuoret", "unga"),
        ("Läksykerho", "Läxhjälp", "koululaiset", "skolelever"),
        ("Nuorten avoin ilta", "Öppen kväll för unga", "13–17-vuotiaat", "13–17-åringar"),
    ),
    S.CULTURE: (
        ("Kuoroharjoitukset", "Körövning", "aikuiset", "vuxna"),
        ("Lukupiiri", "Läscirkel", "kaikki", "alla"),
        ("Käsityökahvila", "Stickcafé", "kaikki", "alla"),
    ),
    S.IMMIGRATION: (
        ("Suomen kielen keskusteluryhmä", "Språkcafé på svenska", "maahan muuttaneet", "inflyttade"),
        ("Läksyapu", "Läxhjälp", "koululaiset", "skolelever"),
        ("Kohtaamispaikka", "Mötesplats", "kaikki", "alla"),
    ),
    S.ENVIRONMENT: (
        ("Luontoretki", "Naturutflykt", "kaikki", "alla"),
        ("Korjauskahvila", "Reparationscafé", "kaikki", "alla"),
    ),
    S.VILLAGE: (
        ("Kylän kahvila", "Bycafé", "kyläläiset", "bybor"),
        ("Talkoopäivä", "Talkodag", "kaikki", "alla"),
        ("Kerhoilta", "Klubbkväll", "kyläläiset", "bybor"),
    ),
    S.PENSIONERS: (
        ("Seniorijumppa", "Seniorgympa", "eläkeläiset", "pensionärer"),
        ("Kerhopäivä", "Klubbdag", "eläkeläiset", "pensionärer"),
        ("Tietotekniikkaopastus", "Datahandledning", "ikäihmiset", "äldre"),
        ("Käsityökahvila", "Stickcafé", "eläkeläiset", "pensionärer"),
    ),
    S.DISABILITY: (
        ("Vertaistukiryhmä", "Kamratstödsgrupp", "vammaiset ja läheiset", "personer med funktionsnedsättning"),
        ("Soveltava liikunta", "Anpassad motion", "vammaiset", "personer med funktionsnedsättning"),
    ),
    S.PATIENT: (
        ("Vertaistukiryhmä", "Kamratstödsgrupp", "sairastuneet ja läheiset", "insjuknade och anhöriga"),
        ("Tietoilta", "Informationskväll", "kaikki", "alla"),
        ("Kuntosaliryhmä", "Gymgrupp", "sairastuneet", "insjuknade"),
    ),
    S.OTHER: (
        ("Avoin kerho", "Öppen klubb", "kaikki", "alla"),
        ("Vapaaehtoisten koulutus", "Utbildning för frivilliga", "vapaaehtoiset", "frivilliga"),
    ),
}
_WHEN = {
    "fi": ("ma klo 13–15", "ti klo 18–20", "ke klo 10–12", "to klo 17.30–19", "pe klo 9–11",
           "joka kuun 1. tiistai klo 18", "parittomien viikkojen keskiviikkona klo 14–16",
           "kesäkuussa, ilmoittautuminen toukokuussa", "sopimuksen mukaan"),
    "sv": ("mån kl. 13–15", "tis kl. 18–20", "ons kl. 10–12", "tors kl. 17.30–19", "fre kl. 9–11",
           "första tisdagen i månaden kl. 18", "onsdagar udda veckor kl. 14–16",
           "i juni, anmälan i maj", "enligt överenskommelse"),
}
_ACTIVITY_DESCRIPTIONS = {
    "fi": ("Tervetuloa mukaan, ennakkoilmoittautumista ei tarvita.",
           "Ryhmää ohjaa koulutettu vertaisohjaaja.",
           "Kahvitarjoilu. Kokoontumistila on esteetön.",
           "Ilmoittautumiset yhteyshenkilölle viikkoa ennen."),
    "sv": ("Välkommen med, ingen förhandsanmälan behövs.",
           "Gruppen leds av en utbildad kamratledare.",
           "Kaffeservering. Lokalen är tillgänglig.",
           "Anmälan till kontaktpersonen en vecka i förväg."),
}
_INTERACTION_NOTES: dict[InteractionKind, dict[str, tuple[str, ...]]] = {
    InteractionKind.MEETING: {
        "fi": ("Tapaaminen toiminnanjohtajan kanssa: ensi vuoden avustushaku ja tilatarpeet.",
               "Kävimme läpi yhteistyön hyvinvointikertomuksen valmistelussa.",
               "Esittelin palveluohjauksen uuden järjestötoiminnan listan."),
        "sv": ("Möte med verksamhetsledaren: nästa års bidragsomgång och lokalbehov.",
               "Vi gick igenom samarbetet kring välfärdsberättelsen.",
               "Presenterade den nya listan över organisationsverksamhet för servicehandledningen."),
    },
    InteractionKind.CALL: {
        "fi": ("Kysyivät käyttöselvityksen määräajasta; lupasin lähettää ohjeen.",
               "Puhelu puheenjohtajan kanssa kumppanuuspöydän paikasta.",
               "Neuvoin avustushakemuksen liitteissä."),
        "sv": ("Frågade om tidsfristen för redovisningen; lovade skicka anvisningen.",
               "Samtal med ordföranden om platsen vid partnerskapsbordet.",
               "Gav råd om bilagorna till bidragsansökan."),
    },
    InteractionKind.EMAIL: {
        "fi": ("Lähetin tiedon järjestöareenan päivämäärästä.",
               "Pyysivät päivittämään toimintansa tiedot julkiselle listalle.",
               "Vastasin kysymykseen maksuttomista tiloista."),
        "sv": ("Skickade information om datumet för organisationsarenan.",
               "Bad att få sina verksamhetsuppgifter uppdaterade i den offentliga listan.",
               "Svarade på en fråga om avgiftsfria lokaler."),
    },
    InteractionKind.VISIT: {
        "fi": ("Vierailu kerhoillassa, noin 20 osallistujaa.",
               "Kävin tutustumassa uusiin toimitiloihin.",
               "Vierailu vertaisryhmässä; toiveena lisää vapaaehtoisia."),
        "sv": ("Besök på klubbkvällen, ungefär 20 deltagare.",
               "Bekantade mig med de nya lokalerna.",
               "Besök i kamratgruppen; önskemål om fler frivilliga."),
    },
}


# -- the generator -----------------------------------------------------------------------


@dataclass
class _Org:
    """An organisation being made, with what the generator needs to know about it."""

    row: Organisation
    sector: Sector
    scope: str
    primary: str  # fi or sv: the language of its own texts
    bilingual: bool
    contacts: list[ContactPerson] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # keys of ROLES, one per contact


class _Builder:
    def __init__(self, session: Session, rng: random.Random, today: dt.date) -> None:
        self.session = session
        self.rng = rng
        self.today = today
        self.summary = DemoSummary()
        self.orgs: list[_Org] = []
        self.names: set[str] = set()
        self.business_ids: set[str] = set()
        self.register_numbers: set[str] = set()
        self.person_names: set[str] = set()
        self.staff: list[ContactPerson] = []
        self.minutes: list[dt.date] = []  # dates of the partnership table's past meetings

    def add(self, row: object) -> None:
        self.session.add(row)

    # -- organisations -------------------------------------------------------------------

    def organisations(self) -> None:
        rng = self.rng
        for fi, sv, sector, scope, code, region in ANCHORS:
            self._make_org(
                fi, sv, sector, scope, F.REGISTERED_ASSOCIATION, PLACE[code],
                region=None if region is None else REGIONS[region],
            )
        for fi, sv, sector, code in GROUPS:
            self._make_org(fi, sv, sector, "town", F.UNREGISTERED_GROUP, PLACE[code], region=None)
        # Every municipality gets organisations of its own first, then the rest by size.
        local_families = [f for f in FAMILIES if f.scope != "region"]
        for place in PLACES:
            made = 0
            for _attempt in range(50):
                if made == 3:
                    break
                made += self._random_org(rng.choice(local_families), place)
        family_weights = [f.weight for f in FAMILIES]
        while len(self.orgs) < ORGANISATIONS:
            family = rng.choices(FAMILIES, family_weights)[0]
            self._random_org(family, None)

    def _random_org(self, family: Family, place: Place | None) -> bool:
        """Try to make one organisation of ``family`` (in ``place``, if given); True if made."""
        rng = self.rng
        for _attempt in range(20):
            region = None
            if family.scope == "region":
                region = rng.choices(REGIONS, [r.weight for r in REGIONS])[0]
                target = PLACE[region.home]
                share = region.sv_share
            else:
                candidates = [p for p in PLACES if p.code in family.only] if family.only else PLACES
                target = place or rng.choices(candidates, [p.weight for p in candidates])[0]
                if family.only and target.code not in family.only:
                    return False
                share = target.sv_share
            village = None
            if family.scope == "village":
                if not target.villages:
                    if place is not None:
                        return False
                    continue
                village = rng.choice(target.villages)
                if village.district and family.sector != S.VILLAGE:
                    continue
            language = self._language(share, family, village)
            if language is None:
                continue
            fi, sv = self._compose(family, target, region, village, language)
            if (fi and fi in self.names) or (sv and sv in self.names):
                continue
            self._make_org(fi, sv, family.sector, family.scope, family.form, target, region)
            return True
        return False

    def _language(self, share: float, family: Family, village: Village | None) -> str | None:
        """fi, sv or both: what the place speaks and what the family has names for."""
        has_fi = family.fi is not None and (village is None or village.fi is not None)
        has_sv = family.sv is not None and (village is None or village.sv is not None)
        if not (has_fi or has_sv):
            return None
        roll = self.rng.random()
        if has_fi and has_sv and 0.05 < share < 0.95 and roll < 0.4:
            return "both"
        wanted = "sv" if self.rng.random() < share else "fi"
        if wanted == "sv" and not has_sv:
            return "fi" if has_fi and share < 0.85 else None
        if wanted == "fi" and not has_fi:
            return "sv" if has_sv and share > 0.15 else None
        return wanted

    @staticmethod
    def _compose(
        family: Family, place: Place, region: Region | None, village: Village | None, language: str
    ) -> tuple[str | None, str | None]:
        if region is not None:
            values = {"fi": region.fi, "sv": region.sv, "sv_in": region.sv_in}
        elif village is not None:
            values = {"fi": village.fi or "", "sv": village.sv or "", "sv_in": f"i {village.sv}"}
        else:
            values = {"fi": place.fi_gen, "sv": place.sv_attr, "sv_in": f"i {place.sv}"}
        values |= {"fi_nom": place.fi, "sv_nom": place.sv}
        fi_pattern, sv_pattern = family.fi, family.sv
        if village is not None and village.district and family.sector == S.VILLAGE:
            fi_pattern, sv_pattern = "{fi} asukasyhdistys ry", "{sv} invånarförening rf"
        fi = fi_pattern.format(**values) if fi_pattern and language in ("fi", "both") else None
        sv = sv_pattern.format(**values) if sv_pattern and language in ("sv", "both") else None
        if fi and sv and fi.removesuffix(" ry") == sv.removesuffix(" rf"):
            sv = None  # "Lions Club Korsnäs": one name is enough
        return fi, sv

    def _make_org(
        self,
        fi: str | None,
        sv: str | None,
        sector: Sector,
        scope: str,
        form: OrganisationForm,
        place: Place,
        region: Region | None,
    ) -> None:
        rng = self.rng
        primary = "fi" if fi else "sv"
        bilingual = bool(fi and sv)
        languages = ["fi", "sv"] if bilingual else [primary]
        if sector == S.IMMIGRATION:
            languages.append("en")
        if region is not None:
            active = list(region.codes)
        else:
            active = [place.code]
            if scope != "village" and rng.random() < 0.3:
                neighbours = [p.code for p in PLACES if p.area == place.area and p.code != place.code]
                active += sorted(rng.sample(neighbours, k=min(len(neighbours), rng.randint(1, 2))))
        active = sorted(set(active))
        roll = rng.random()
        status = (
            OrganisationStatus.ACTIVE
            if roll < 0.89 or form == F.FOUNDATION
            else OrganisationStatus.DORMANT
            if roll < 0.96
            else OrganisationStatus.DISSOLVED
        )
        name = fi or sv or ""
        slug = _slug(name)
        domain = f"{slug}.esimerkki.fi" if primary == "fi" else f"{slug}.example.fi"
        business_id = register_number = ""
        if form == F.REGISTERED_ASSOCIATION:
            register_number = _register_number(rng, self.register_numbers)
            if rng.random() < 0.5 or scope == "region":
                business_id = _business_id(rng, self.business_ids)
        elif form == F.FOUNDATION:
            business_id = _business_id(rng, self.business_ids)
        abbreviation = ""
        if region is not None and fi and rng.random() < 0.5:
            abbreviation = "".join(w[0] for w in fi.removesuffix(" ry").split()).upper()
        streets = (
            ("Kauppapuistikko", "Handelsesplanaden"), ("Hovioikeudenpuistikko", "Hovrättsesplanaden"),
            ("Koulutie", "Skolvägen"), ("Kirkkotie", "Kyrkvägen"), ("Kylätie", "Byvägen"),
            ("Asematie", "Stationsvägen"), ("Rantatie", "Strandvägen"), ("Isokatu", "Storgatan"),
        )
        street = rng.choice(streets[:2] if place.code == "905" and rng.random() < 0.5 else streets[2:])
        town = place.fi if primary == "fi" else place.sv
        address = f"{street[0 if primary == 'fi' else 1]} {rng.randint(1, 48)}, {place.postcode} {town}"
        if form == F.UNREGISTERED_GROUP:
            address = ""
        description = DESCRIPTIONS[sector][0 if primary == "fi" else 1]
        org = Organisation(
            name_fi=fi or "",
            name_sv=sv or "",
            abbreviation=abbreviation,
            form=form,
            business_id=business_id,
            register_number=register_number,
            domicile_code=place.code,
            active_municipalities=active,
            sectors=[sector] + ([S.SOCIAL_HEALTH] if sector in (S.PATIENT, S.DISABILITY) and rng.random() < 0.5 else []),
            languages=languages,
            website=f"https://{domain}" if rng.random() < 0.7 and form != F.UNREGISTERED_GROUP else "",
            email=(
                f"{slug.replace('-', '.')}@{rng.choice(('example.fi', 'esimerkki.fi'))}"
                if form == F.UNREGISTERED_GROUP
                else f"{rng.choice(('info', 'toimisto' if primary == 'fi' else 'kansli'))}@{domain}"
            )
            if rng.random() < 0.85
            else "",
            phone=_phone(rng, landline=rng.random() < 0.2) if rng.random() < 0.7 else "",
            postal_address=address,
            description=description,
            status=status,
            notes="Toiminta hiipunut, hallitus ei kokoontunut viime vuonna."
            if status == OrganisationStatus.DORMANT
            else "Purkautunut yhdistyskokouksen päätöksellä."
            if status == OrganisationStatus.DISSOLVED
            else "",
        )
        self.add(org)
        self.names.update(n for n in (fi, sv) if n)
        self.orgs.append(_Org(org, sector, scope if region is None else "region", primary, bilingual))

    # -- people --------------------------------------------------------------------------

    def _person(self, language: str) -> tuple[str, str, str]:
        rng = self.rng
        firsts, lasts = (SV_FIRST, SV_LAST) if language == "sv" else (FI_FIRST, FI_LAST)
        while True:
            first, last = rng.choice(firsts), rng.choice(lasts)
            if rng.random() < 0.08:  # families are bilingual too
                last = rng.choice(FI_LAST if language == "sv" else SV_LAST)
            name = f"{first} {last}"
            if name not in self.person_names:
                self.person_names.add(name)
                return name, first, last

    def _contact(self, org: _Org | None, basis: str) -> ContactPerson:
        rng = self.rng
        if org is None:
            language = "sv" if rng.random() < 0.35 else "fi"
        elif org.bilingual:
            language = "sv" if rng.random() < 0.45 else "fi"
        else:
            language = org.primary
        name, first, last = self._person(language)
        preferred = language if rng.random() < 0.9 or org is None or not org.bilingual else (
            "fi" if language == "sv" else "sv"
        )
        local = f"{_ascii(first)}.{_ascii(last)}".replace(" ", "")
        if org is None:
            email = f"{local}@hyvinvointialue.example.fi"
        elif org.row.email and rng.random() < 0.5:
            email = f"{local}@{org.row.email.split('@', 1)[1]}"
        else:
            email = f"{local}@{rng.choice(('example.fi', 'esimerkki.fi'))}"
        since = self.today - dt.timedelta(days=rng.randint(30, 4 * 365))
        last_contact = (
            self.today - dt.timedelta(days=rng.randint(1, 400)) if rng.random() < 0.7 else None
        )
        person = ContactPerson(
            name=name,
            email=email,
            phone=_phone(rng) if rng.random() < 0.85 else "",
            preferred_language=preferred,
            retention_basis=basis,
            retained_since=since,
            last_contact=last_contact,
        )
        self.add(person)
        self.summary.contacts += 1
        return person

    def _represent(self, org: _Org, person: ContactPerson, role_key: str) -> None:
        language = person.preferred_language if org.bilingual else org.primary
        self.add(Representation(organisation=org.row, contact=person, role=ROLES[language][role_key]))
        self.summary.representations += 1
        org.contacts.append(person)
        org.roles.append(role_key)

    def _first_role(self, org: _Org) -> str:
        form = org.row.form
        if form == F.UNREGISTERED_GROUP:
            return "leader"
        if form == F.FOUNDATION:
            return "ombudsman"
        roll = self.rng.random()
        if org.scope == "region" and roll < 0.35:
            return "director"
        return "chair" if roll < 0.65 else "secretary" if roll < 0.85 else "contact"

    def people(self, table_orgs: list[_Org]) -> None:
        rng = self.rng
        for org in self.orgs:
            self._represent(org, self._contact(org, RETENTION_CONTACT), self._first_role(org))
        # The partnership table's members need a representative and a deputy.
        for org in table_orgs:
            second = "vice_chair" if org.roles[0] == "chair" else "chair"
            self._represent(org, self._contact(org, RETENTION_CONTACT), second)
        others = [o for o in self.orgs if o not in table_orgs and o.row.form != F.UNREGISTERED_GROUP]
        rng.shuffle(others)
        for org in others:
            if self.summary.contacts >= CONTACTS - 2:
                break
            role = rng.choice(("secretary", "treasurer", "vice_chair", "contact"))
            self._represent(org, self._contact(org, RETENTION_CONTACT), role)
        # Active people sit on several boards.
        people = [(o, c) for o in self.orgs for c in o.contacts]
        for _i in range(24):
            org, person = rng.choice(people)
            target = rng.choice(self.orgs)
            if target is org or person in target.contacts or target.row.form == F.UNREGISTERED_GROUP:
                continue
            if not target.bilingual and target.primary != person.preferred_language:
                continue
            self._represent(target, person, rng.choice(("vice_chair", "treasurer", "contact")))
        # The county's own staff.
        for _i in range(2):
            self.staff.append(self._contact(None, RETENTION_STAFF))

    # -- activities and interactions -----------------------------------------------------

    def activities(self) -> None:
        """About ACTIVITIES activities of organisations that still operate; some published."""
        rng = self.rng
        working = [o for o in self.orgs if o.row.status != OrganisationStatus.DISSOLVED]
        while self.summary.activities < ACTIVITIES:
            org = rng.choice(working)
            language = org.primary if not org.bilingual or rng.random() < 0.7 else (
                "sv" if org.primary == "fi" else "fi"
            )
            options = _ACTIVITY_TITLES.get(org.sector, _ACTIVITY_TITLES[S.OTHER])
            fi, sv, group_fi, group_sv = rng.choice(options)
            title, group = (sv, group_sv) if language == "sv" else (fi, group_fi)
            active = org.row.active_municipalities
            places = sorted(rng.sample(active, k=min(len(active), rng.choice((1, 1, 1, 2)))))
            self.add(
                Activity(
                    organisation=org.row,
                    title=title,
                    description=rng.choice(_ACTIVITY_DESCRIPTIONS[language]),
                    target_group=group,
                    municipalities=places,
                    when=rng.choice(_WHEN[language]),
                    free_of_charge=rng.random() < 0.75,
                    open_to_all=group in ("kaikki", "alla") or rng.random() < 0.3,
                    accessible=rng.random() < 0.6,
                    contact=rng.choice(org.contacts) if org.contacts and rng.random() < 0.7 else None,
                    published=org.row.status == OrganisationStatus.ACTIVE and rng.random() < 0.55,
                )
            )
            self.summary.activities += 1

    def interactions(self) -> None:
        """About INTERACTIONS entries in the staff's log over the past year."""
        rng = self.rng
        kinds = list(InteractionKind)
        for _i in range(INTERACTIONS):
            org = rng.choice(self.orgs)
            officer = rng.choice(self.staff)
            language = org.primary if not org.bilingual else officer.preferred_language
            kind = rng.choices(kinds, (3, 4, 5, 2))[0]
            self.add(
                Interaction(
                    organisation=org.row,
                    date=self.today - dt.timedelta(days=rng.randint(1, 365)),
                    officer=officer.name,
                    kind=kind.value,
                    note=rng.choice(_INTERACTION_NOTES[kind][language]),
                )
            )
            self.summary.interactions += 1

    # -- bodies and meetings -------------------------------------------------------------

    def choose_table(self) -> list[_Org]:
        """Ten organisations for the partnership table: regional ones across sectors, both languages."""
        rng = self.rng
        wanted = (
            S.SOCIAL_HEALTH, S.PATIENT, S.DISABILITY, S.PENSIONERS, S.YOUTH, S.SPORTS,
            S.CULTURE, S.IMMIGRATION, S.VILLAGE, S.SOCIAL_HEALTH,
        )
        chosen: list[_Org] = []
        for sector in wanted:
            candidates = [
                o
                for o in self.orgs
                if o.sector == sector
                and o not in chosen
                and o.row.status == OrganisationStatus.ACTIVE
                and o.row.form == F.REGISTERED_ASSOCIATION
            ]
            regional = [o for o in candidates if o.scope == "region"] or candidates
            if regional:
                chosen.append(rng.choice(sorted(regional, key=lambda o: o.row.name_fi or o.row.name_sv)))
        return chosen

    def bodies(self, table_orgs: list[_Org]) -> tuple[Body, list[str]]:
        rng = self.rng
        table = Body(
            name_fi="Pohjanmaan kumppanuuspöytä",
            name_sv="Österbottens partnerskapsbord",
            kind=BodyKind.PARTNERSHIP_TABLE,
            languages=["fi", "sv"],
        )
        arena = Body(
            name_fi="Pohjanmaan järjestöareena",
            name_sv="Österbottens organisationsarena",
            kind=BodyKind.ARENA,
            languages=["fi", "sv"],
            record_kind=RecordKind.MEMO,  # an arena advises: it keeps a memo, the table minutes
        )
        self.add(table)
        self.add(arena)
        self.summary.bodies += 2
        self.session.flush()  # the members refer to organisations and people by id
        start = dt.date(self.today.year - 1, 1, 1)
        end = dt.date(self.today.year + 1, 12, 31)
        names: list[str] = []
        for index, org in enumerate(table_orgs):
            role = MemberRole.CHAIR if index == 0 else MemberRole.VICE_CHAIR if index == 1 else MemberRole.MEMBER
            representative, deputy = org.contacts[0], org.contacts[1]
            for person in (representative, deputy):
                person.retention_basis = RETENTION_TABLE
                person.retained_since = start
            self.add(
                BodyMember(
                    body=table,
                    organisation_id=org.row.id,
                    representative_id=representative.id,
                    deputy_id=deputy.id,
                    role=role,
                    term_start=start,
                    term_end=end,
                )
            )
            names.append(representative.name)
        liaison, coordinator = self.staff
        self.add(BodyMember(body=table, representative_id=liaison.id, role=MemberRole.SECRETARY,
                            term_start=start, term_end=end))
        self.add(BodyMember(body=table, representative_id=coordinator.id, role=MemberRole.MEMBER,
                            term_start=start, term_end=end))
        # A member from the previous term, kept for the record.
        former = rng.choice([o for o in self.orgs if o not in table_orgs and o.row.status == OrganisationStatus.ACTIVE])
        self.add(
            BodyMember(
                body=table,
                organisation_id=former.row.id,
                representative_id=former.contacts[0].id,
                role=MemberRole.MEMBER,
                term_start=dt.date(self.today.year - 3, 1, 1),
                term_end=start - dt.timedelta(days=1),
            )
        )
        self.summary.body_members += len(table_orgs) + 3
        self._table_meetings(table, names, liaison.name, coordinator.name)
        self._arena_meeting(arena, liaison.name, coordinator.name)
        return table, names

    def _table_meetings(self, table: Body, members: list[str], secretary: str, coordinator: str) -> None:
        rng = self.rng
        chair = members[0]
        offsets = [-170, -120, -70, -25, 12, 55]
        dates = [_weekday(self.today + dt.timedelta(days=o + rng.randint(-4, 4))) for o in offsets]
        places = (
            "Vaasan keskussairaala, Hietalahdenkatu 2–4, Vaasa / Vasa centralsjukhus, Sandviksgatan 2–4, Vasa",
            "Malmin sairaala, Pietarsaari / Malmska sjukhuset, Jakobstad",
            "Närpiön kaupungintalo / Närpes stadshus",
            "Teams-etäkokous / distansmöte i Teams",
        )
        deck: list[Topic] = []
        numbers: dict[int, int] = {}
        sections: dict[int, int] = {}
        for index, day in enumerate(dates):
            past = day < self.today
            if past:
                status = MeetingStatus.HELD if index == 3 else MeetingStatus.MINUTES_APPROVED
            else:
                status = MeetingStatus.AGENDA_SENT if index == 4 else MeetingStatus.PLANNED
            language = "fi" if index == 2 else "fi+sv"
            numbers[day.year] = numbers.get(day.year, 0) + 1
            meeting = Meeting(
                body=table,
                number=numbers[day.year],
                date=day,
                start_time=dt.time(13, 0),
                end_time=dt.time(15, 30),
                place=places[index % len(places)],
                status=status,
                language=language,
            )
            self.add(meeting)
            self.summary.meetings += 1
            if past:
                self.minutes.append(day)
            checkers = rng.sample(members[1:], 2)
            if past:
                meeting.minute_checkers = list(checkers)
            chosen: list[Topic] = []
            for _i in range(rng.randint(2, 4)):
                if not deck:  # every topic once before any comes back
                    deck = [t for t in TOPICS if t not in chosen]
                    rng.shuffle(deck)
                chosen.append(deck.pop())
            items = _standard_items(language, past, checkers, chair) + [
                _topic_item(topic, language, past, rng.choice((chair, secretary, coordinator)))
                for topic in chosen
            ] + _closing_items(language, past, secretary)
            section = sections.get(day.year, 0)
            for position, values in enumerate(items, start=1):
                section += 1
                self.add(AgendaItem(meeting=meeting, position=position, section=section, **values))
                self.summary.agenda_items += 1
            sections[day.year] = section

    def _arena_meeting(self, arena: Body, liaison: str, coordinator: str) -> None:
        day = _weekday(self.today - dt.timedelta(days=45))
        meeting = Meeting(
            body=arena,
            number=1,
            date=day,
            start_time=dt.time(9, 0),
            end_time=dt.time(12, 0),
            place="Vaasan kaupungintalo / Vasa stadshus",
            status=MeetingStatus.HELD,
            language="fi+sv",
        )
        self.add(meeting)
        self.summary.meetings += 1
        items = [
            {
                "title": "Tervetuloa / Välkommen",
                "item_type": ItemType.INFORMATION,
                "presenter": liaison,
                "background": "Järjestöareena on kaikille alueen järjestöille avoin foorumi.\n\n"
                "Organisationsarenan är ett forum öppet för alla organisationer i området.",
            },
            {
                "title": "Työpaja: järjestöjen toimintaedellytykset / Workshop: organisationernas verksamhetsförutsättningar",
                "item_type": ItemType.WORKSHOP,
                "presenter": coordinator,
                "background": "Ryhmät valitsevat kolme tärkeintä asiaa tärkeysjärjestyksessä perusteluineen.\n\n"
                "Grupperna väljer de tre viktigaste frågorna i prioritetsordning, med motiveringar.",
                "decision": "Ryhmien tuotokset koottiin kumppanuuspöydän käsiteltäviksi.\n\n"
                "Gruppernas resultat sammanställdes för partnerskapsbordet.",
            },
            {
                "title": "Järjestöpankki: kuka tekee mitä ja missä / Organisationsbanken: vem gör vad och var",
                "item_type": ItemType.DISCUSSION,
                "presenter": liaison,
                "background": "Ei pelkkä rekisteri vaan toimintatapa, jolla vältetään päällekkäistä työtä.\n\n"
                "Inte bara ett register utan ett arbetssätt som förhindrar överlappande arbete.",
            },
        ]
        for position, values in enumerate(items, start=1):
            self.add(AgendaItem(meeting=meeting, position=position, section=position, **values))
            self.summary.agenda_items += 1

    # -- grants --------------------------------------------------------------------------

    def grants(self) -> None:
        rng = self.rng
        active = [
            o for o in self.orgs
            if o.row.status == OrganisationStatus.ACTIVE and o.row.form != F.UNREGISTERED_GROUP
        ]
        social = [
            o for o in active
            if o.sector in (S.SOCIAL_HEALTH, S.PATIENT, S.DISABILITY, S.PENSIONERS, S.IMMIGRATION)
        ]
        in_vaasa = [o for o in active if "905" in o.row.active_municipalities]
        previous_operating: list[_Org] = []
        for year in (self.today.year - 1, self.today.year):
            # The county's operating grants are applied for in the autumn before the year.
            operating = GrantCall(
                year=year,
                name=f"Järjestöjen toiminta-avustukset {year} / Verksamhetsbidrag till organisationer {year}",
                grant_type=GrantType.OPERATING,
                funder_code=None,
                budget_cents=(300_000 if year < self.today.year else 320_000) * EURO,
                opens_on=dt.date(year - 1, 9, 1),
                closes_on=dt.date(year - 1, 9, 30),
                criteria="Yleishyödyllisten sosiaali- ja terveysalan järjestöjen perustoiminta "
                "hyvinvointialueen asukkaiden hyväksi. Käyttöselvitys seuraavan vuoden maaliskuun "
                "loppuun mennessä.",
            )
            wellbeing = GrantCall(
                year=year,
                name=f"Hyvinvoinnin ja terveyden edistämisen avustukset {year} / "
                f"Bidrag för främjande av hälsa och välfärd {year}",
                grant_type=GrantType.WELLBEING,
                funder_code=None,
                budget_cents=120_000 * EURO,
                opens_on=dt.date(year, 2, 1),
                closes_on=dt.date(year, 3, 15),
                criteria="Ei-taloudellinen, hyvinvointia ja terveyttä edistävä toiminta: "
                "vertaistuki, vapaaehtoistoiminta ja avoin toiminta.",
            )
            vaasa = GrantCall(
                year=year,
                name=f"Vaasan kaupungin järjestöavustukset {year} / Vasa stads bidrag till föreningar {year}",
                grant_type=GrantType.OPERATING,
                funder_code="905",
                budget_cents=60_000 * EURO,
                opens_on=dt.date(year, 1, 2),
                closes_on=dt.date(year, 1, 31),
                criteria="Vaasassa toimivien yhdistysten toiminta-avustukset.",
            )
            for call in (operating, wellbeing, vaasa):
                self.add(call)
                self.summary.grant_calls += 1
            keep = [o for o in previous_operating if rng.random() < 0.7]
            operating_orgs = keep + rng.sample([o for o in social if o not in keep], 14 - len(keep))
            previous_operating = operating_orgs
            self._applications(
                operating, operating_orgs, (2_000, 35_000), "Aluehallitus",
                decided=dt.date(year - 1, 12, 12), instalments=((year, 2, 15), (year, 8, 15)),
                report_due=dt.date(year + 1, 3, 31),
            )
            self._applications(
                wellbeing, rng.sample(active, 8), (500, 12_000), "Hyvinvointilautakunta",
                decided=dt.date(year, 4, 24), instalments=None, report_due=dt.date(year + 1, 1, 31),
            )
            self._applications(
                vaasa, rng.sample(in_vaasa, 8), (300, 6_000), "Vaasan kaupunginhallitus",
                decided=dt.date(year, 3, 11), instalments=None, report_due=dt.date(year + 1, 1, 31),
            )

    def _applications(
        self,
        call: GrantCall,
        orgs: list[_Org],
        amounts: tuple[int, int],
        deciding_body: str,
        decided: dt.date,
        instalments: tuple[tuple[int, int, int], ...] | None,
        report_due: dt.date,
    ) -> None:
        rng = self.rng
        assert call.opens_on is not None and call.closes_on is not None
        if call.opens_on > self.today:
            return  # the call has not opened yet
        remaining = call.budget_cents
        for org in sorted(orgs, key=lambda o: o.row.name_fi or o.row.name_sv):
            received = _between(rng, call.opens_on, call.closes_on)
            if received > self.today:
                continue
            low, high = amounts
            applied = rng.randint(low // 100, high // 100) * 100 * EURO
            purpose = _purpose(call.grant_type, org)
            # A municipality's grant supports its own residents; the county's, wherever the
            # organisation works.
            reach = [call.funder_code] if call.funder_code else sorted(org.row.active_municipalities)
            application = GrantApplication(
                call=call, organisation_id=org.row.id, purpose=purpose, applied_cents=applied,
                received_on=received, municipalities=reach,
            )
            self.add(application)
            self.summary.applications += 1
            for person in org.contacts[:1]:
                if person.retention_basis == RETENTION_CONTACT:
                    person.retention_basis = RETENTION_GRANT
            if decided > self.today:
                continue  # still being prepared
            roll = rng.random()
            if roll < 0.45:
                status, granted = DecisionStatus.GRANTED, applied
            elif roll < 0.8:
                status = DecisionStatus.PARTLY_GRANTED
                granted = int(applied * rng.uniform(0.4, 0.85)) // (100 * EURO) * (100 * EURO)
            else:
                status, granted = DecisionStatus.REJECTED, 0
            if granted > remaining:
                granted = remaining // (100 * EURO) * (100 * EURO)
                status = DecisionStatus.PARTLY_GRANTED if granted else DecisionStatus.REJECTED
            if status == DecisionStatus.PARTLY_GRANTED and (granted <= 0 or granted >= applied):
                status, granted = (DecisionStatus.REJECTED, 0) if granted <= 0 else (DecisionStatus.GRANTED, applied)
            remaining -= granted
            reasoning = {
                DecisionStatus.GRANTED: "Myönnetty hakemuksen mukaisesti.",
                DecisionStatus.PARTLY_GRANTED: "Myönnetty osittain: määräraha ei riitä kaikkiin "
                "hakemuksiin täysimääräisesti.",
                DecisionStatus.REJECTED: rng.choice((
                    "Ei myönnetty: haettu toiminta on taloudellista toimintaa.",
                    "Ei myönnetty: edellisen avustuksen käyttöselvitys puuttuu.",
                    "Ei myönnetty: toiminta ei kohdistu hyvinvointialueen asukkaisiin.",
                )),
            }[status]
            decision = GrantDecision(
                application=application,
                granted_cents=granted,
                decided_on=decided,
                deciding_body=deciding_body,
                status=status,
                reasoning=reasoning,
                conditions=_GRANT_CONDITIONS if granted else "",
                payment_terms=(_INSTALMENTS if instalments else _ONE_PAYMENT) if granted else "",
                report_due=report_due if granted else None,
            )
            self.add(decision)
            self.summary.decisions += 1
            if not granted:
                continue
            if report_due - dt.timedelta(days=60) <= self.today:
                late = report_due <= self.today
                if rng.random() < (0.85 if late else 0.2):
                    decision.report_received = _between(
                        rng, report_due - dt.timedelta(days=60), min(report_due, self.today)
                    )
                    checked = decision.report_received + dt.timedelta(days=21)
                    decision.report_accepted = checked if checked <= self.today else None
            if call.year == self.today.year and rng.random() < 0.1:
                continue  # payment waiting for the bank details
            if instalments:
                dates = [dt.date(*d) for d in instalments]
                first = granted // 2 // EURO * EURO
                parts = [first, granted - first]
            else:
                dates = [decided + dt.timedelta(days=rng.randint(14, 30))]
                parts = [granted]
            for day, amount in zip(dates, parts, strict=True):
                if day <= self.today:
                    self.add(GrantPayment(decision=decision, paid_on=day, amount_cents=amount))
                    self.summary.payments += 1

    def link_grants(self) -> None:
        """Applications name the activities they support; one decision was made in a meeting
        kept in the app and points at its § in the minutes."""
        rng = self.rng
        self.session.flush()
        own: dict[object, list[Activity]] = {}
        for activity in self.session.scalars(
                select(Activity).order_by(Activity.title, Activity.when, Activity.description)):
            own.setdefault(activity.organisation_id, []).append(activity)
        applications = self.session.scalars(
            select(GrantApplication)
            .join(GrantCall, GrantCall.id == GrantApplication.call_id)
            .join(Organisation, Organisation.id == GrantApplication.organisation_id)
            .order_by(GrantCall.year, GrantCall.name, Organisation.name_fi, Organisation.name_sv)
        ).all()
        for application in applications:
            choices = own.get(application.organisation_id, [])
            for activity in rng.sample(choices, k=min(len(choices), rng.choice((0, 1, 1, 2)))):
                self.add(GrantApplicationActivity(application_id=application.id,
                                                  activity_id=activity.id))
        found = self.session.execute(
            select(AgendaItem, Meeting).join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(Meeting.date < self.today, AgendaItem.item_type == ItemType.DECISION,
                   AgendaItem.title.contains("avustu"))
            .order_by(Meeting.date.desc(), AgendaItem.position)
        ).first()
        if found is None:
            return
        item, meeting = found
        # A decision that can have been made in that meeting: none of it paid before then.
        candidates = [
            a.decision for a in applications
            if a.decision is not None and a.decision.granted_cents and a.decision.decided_on
            and a.decision.decided_on <= meeting.date
            and all(p.paid_on >= meeting.date for p in a.decision.payments)
            and (a.decision.report_received is None or a.decision.report_received > meeting.date)
        ]
        if candidates:
            decision = min(candidates, key=lambda d: meeting.date - (d.decided_on or meeting.date))
            decision.agenda_item_id = item.id
            decision.decided_on = meeting.date
            decision.deciding_body = meeting.body.display_name("fi")

    # -- checklist -----------------------------------------------------------------------

    def checklist(self) -> None:
        rng = self.rng
        liaison, coordinator = (person.name for person in self.staff)
        year = self.today.year
        previous = new_checklist(self.session, f"Pohjanmaan hyvinvointialueen tarkistuslista {year - 1}",
                                 year - 1)
        current = new_checklist(self.session, f"Pohjanmaan hyvinvointialueen tarkistuslista {year}", year)
        self.summary.checklist_items = sum(
            len(list_items(self.session, c.id)) for c in (previous, current))
        # Last year's list: the steps done this year were still under way then.
        for item in list_items(self.session, previous.id):
            item.status = rng.choice((ChecklistStatus.NOT_STARTED, ChecklistStatus.IN_PROGRESS,
                                      ChecklistStatus.NOT_STARTED, ChecklistStatus.DONE))
        fixed: dict[str, tuple[ChecklistStatus, str, str]] = {
            "partnership_table": (ChecklistStatus.DONE, liaison,
                                  f"Aluehallituksen päätös 14.3.{year - 2} § 58; kumppanuuspöytä kokoontuu "
                                  "4–6 kertaa vuodessa."),
            "liaison_and_meetings": (ChecklistStatus.DONE, coordinator,
                                     "Järjestöyhdyshenkilö nimetty; järjestöareena kahdesti vuodessa."),
            "grants": (ChecklistStatus.DONE, liaison,
                       f"Toiminta-avustukset ja hyte-avustukset {year - 1} ja {year}."),
            "non_economic_grants": (ChecklistStatus.DONE, coordinator,
                                    "Hyte-avustusten ehdot: vain ei-taloudellinen toiminta."),
            "organisation_strategy": (ChecklistStatus.IN_PROGRESS, liaison,
                                      "Luonnos kumppanuuspöydän käsittelyssä."),
            "electronic_platform": (ChecklistStatus.IN_PROGRESS, coordinator,
                                    "Järjestöjen toiminta viedään Lähellä.fi-palveluun."),
            "service_guidance_board": (ChecklistStatus.NOT_APPLICABLE, liaison,
                                       "Tehtävä annettu kumppanuuspöydän palveluohjaustyöryhmälle."),
            "free_premises": (ChecklistStatus.IN_PROGRESS, coordinator,
                              "Sote-keskusten kokoustilat järjestöjen maksuttomaan käyttöön; "
                              "varauskäytäntö valmisteilla."),
        }
        for item in list_items(self.session, current.id):
            if item.template_key in fixed:
                status, owner, evidence = fixed[item.template_key]
            else:
                status = rng.choice((ChecklistStatus.NOT_STARTED, ChecklistStatus.NOT_STARTED,
                                     ChecklistStatus.IN_PROGRESS, ChecklistStatus.DONE))
                owner = rng.choice((liaison, coordinator, "")) if status != ChecklistStatus.NOT_STARTED else ""
                evidence = ""
                if status == ChecklistStatus.DONE and self.minutes:
                    day = rng.choice(self.minutes)
                    evidence = f"Kumppanuuspöydän pöytäkirja {day.day}.{day.month}.{day.year}."
            item.status = status
            item.owner = owner
            item.evidence = evidence
            if status == ChecklistStatus.IN_PROGRESS:
                item.due_on = self.today + dt.timedelta(days=rng.randint(30, 240))
        self._link_evidence(current)

    def _link_evidence(self, checklist: Checklist) -> None:
        """Evidence that points at real records: a meeting's § and a grant call; one step overdue."""
        items = {item.template_key: item for item in list_items(self.session, checklist.id)}
        agenda = self.session.scalars(
            select(AgendaItem).join(Meeting).where(Meeting.date < self.today)
            .order_by(Meeting.date, AgendaItem.position)
        ).all()
        if "partnership_table" in items and agenda:
            # The topical item with the most preparation, not one of the standard opening items.
            topical = max(agenda, key=lambda a: len(a.background))
            items["partnership_table"].evidence_agenda_item_id = topical.id
        call = self.session.scalars(
            select(GrantCall).where(GrantCall.year == self.today.year).order_by(GrantCall.name)
        ).first()
        if "grants" in items and call is not None:
            items["grants"].evidence_grant_call_id = call.id
        if "organisation_strategy" in items:
            items["organisation_strategy"].due_on = self.today - dt.timedelta(days=20)


_GRANT_CONDITIONS = (
    "Avustus käytetään hakemuksessa kuvattuun toimintaan avustusvuoden aikana. Käyttämätön "
    "avustus palautetaan. Hyvinvointialueen tuki mainitaan toiminnan viestinnässä."
)
_INSTALMENTS = "Avustus maksetaan kahdessa erässä helmi- ja elokuussa yhdistyksen ilmoittamalle tilille."
_ONE_PAYMENT = "Avustus maksetaan kerralla, kun päätös on saanut lainvoiman."


def _purpose(grant_type: str, org: _Org) -> str:
    fi = {
        GrantType.OPERATING: "Yhdistyksen perustoiminta: vertaisryhmät, kerhot ja vapaaehtoistoiminta",
        GrantType.WELLBEING: "Avoin liikunta- ja kohtaamistoiminta kaikenikäisille",
    }
    sv = {
        GrantType.OPERATING: "Föreningens basverksamhet: kamratgrupper, klubbar och frivilligverksamhet",
        GrantType.WELLBEING: "Öppen motions- och mötesverksamhet för alla åldrar",
    }
    texts = sv if org.primary == "sv" else fi
    return texts.get(GrantType(grant_type), texts[GrantType.OPERATING])


# -- the entry point ---------------------------------------------------------------------


def create_demo(store: Store, seed: int = 2026, today: dt.date | None = None) -> DemoSummary:
    """Fill an empty store with the demo register, in one operation named ``demo``.

    ``today`` places the meetings, grant decisions and payments in time (default: today).
    The same seed always gives the same organisations, people and texts. Raises
    :class:`KnownError` if the store already holds organisations.
    """
    today = today or dt.date.today()
    rng = random.Random(seed)
    with store.operation(OPERATION) as session:
        if session.scalar(select(func.count()).select_from(Organisation)):
            raise KnownError(
                _(
                    "The database already holds organisations. "
                    "Demo data can only be added to an empty database."
                )
            )
        builder = _Builder(session, rng, today)
        builder.organisations()
        table_orgs = builder.choose_table()
        builder.people(table_orgs)
        builder.bodies(table_orgs)
        builder.grants()
        builder.checklist()
        # Last, so the records above stay what the same seed always gave.
        builder.activities()
        builder.interactions()
        builder.link_grants()
        minutes = fill_minutes(session, rng, today, builder.staff[0])
        builder.summary.attendances = minutes.attendances
        builder.summary.action_items = minutes.actions
        builder.summary.workshop_points = minutes.workshop_points
        from desktop.services.demo.idea_bank import add_demo_ideas  # it reads the minutes' workshop

        add_demo_ideas(session)
        from desktop.services.demo.meeting_records import fill_meeting_records  # #10

        fill_meeting_records(session)
        builder.summary.organisations = len(builder.orgs)
        # Last of all, with a generator of its own: the liaison network (#11).
        fill_network(builder, session, random.Random(seed + 11), today)
        # After the network: premises may belong to the municipalities it adds (#11).
        from desktop.services.demo.premises import add_demo_premises  # it reads this module's texts

        add_demo_premises(session, seed)
        session.flush()
    return builder.summary
