"""The public list of organisation-based activities ("who does what, where").

The county publishes the list in its wellbeing report: the published activities of active
organisations, grouped by municipality and, within one, by the organisation's sector. An
activity held in several municipalities is listed under each of them; one with no
municipality is listed under "Whole region", after the municipalities.

Everything is already in the list's language (which need not be the UI's): the documents in
:mod:`desktop.documents.activity_list` only lay it out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.i18n import N_, translate_in
from desktop.services.activities import published_activities
from desktop.services.vocabulary import label_in
from desktop.storage.models import Activity, Municipality
from desktop.storage.models.enums import Sector

WHOLE_REGION = N_("Whole region")
FREE_OF_CHARGE = N_("free of charge")
OPEN_TO_ALL = N_("open to all")
ACCESSIBLE = N_("accessible")

# Finnish and Swedish alphabetical order: å, ä, ö (and æ, ø) come after z.
_ALPHABET = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})


def sort_key(text: str) -> tuple[str, str]:
    """A key that sorts names as the Finnish and Swedish alphabets do (case-insensitively)."""
    folded = text.casefold()
    return folded.translate(_ALPHABET), folded + "\0" + text


@dataclass(frozen=True)
class ListEntry:
    """One activity as the list shows it, in the list's language."""

    title: str
    organisation: str
    description: str
    target_group: str
    when: str
    features: list[str] = field(default_factory=list)  # "free of charge", "open to all", ...
    contact: str = ""  # the contact person's name, e-mail and phone; "" when none


@dataclass(frozen=True)
class SectorSection:
    sector: str  # the translated label of the organisation's first sector
    entries: list[ListEntry]


@dataclass(frozen=True)
class MunicipalitySection:
    municipality: str  # the name in the list's language, or "Whole region"
    sectors: list[SectorSection]

    @property
    def entry_count(self) -> int:
        return sum(len(sector.entries) for sector in self.sectors)


def _features(activity: Activity, language: str) -> list[str]:
    flags = (
        (activity.free_of_charge, FREE_OF_CHARGE),
        (activity.open_to_all, OPEN_TO_ALL),
        (activity.accessible, ACCESSIBLE),
    )
    return [translate_in(language, label) for on, label in flags if on]


def _contact(activity: Activity) -> str:
    person = activity.contact
    # A printed list goes to residents: only a person who agreed to be named in public is shown.
    if person is None or person.deleted or not person.public:
        return ""
    parts = (person.name, person.email, person.phone)
    return ", ".join(part.strip() for part in parts if part and part.strip())


def _entry(activity: Activity, language: str) -> ListEntry:
    return ListEntry(
        title=activity.title,
        organisation=activity.organisation.display_name(language),
        description=activity.description,
        target_group=activity.target_group,
        when=activity.when,
        features=_features(activity, language),
        contact=_contact(activity),
    )


def _sector(activity: Activity, language: str) -> str:
    sectors = activity.organisation.sectors or [Sector.OTHER.value]
    return label_in(language, Sector, sectors[0])


def public_list(session: Session, language: str) -> list[MunicipalitySection]:
    """The public list in ``language``: municipalities, within each the sectors, within each
    the activities, all sorted by name; "Whole region" (activities with no municipality) last.

    Lists the published, not deleted activities of active, not deleted organisations (see
    :func:`~desktop.services.activities.published_activities`).
    """
    activities = published_activities(session, language)
    if activities:  # load organisations and contacts in two queries, not one per activity
        ids = [activity.id for activity in activities]
        session.scalars(
            select(Activity)
            .where(Activity.id.in_(ids))
            .options(selectinload(Activity.organisation), selectinload(Activity.contact))
        ).all()
    names = {m.code: m.name(language) for m in session.scalars(select(Municipality))}
    whole_region = translate_in(language, WHOLE_REGION)

    # municipality code (None: the whole region) -> sector label -> entries
    grouped: dict[str | None, dict[str, list[ListEntry]]] = defaultdict(lambda: defaultdict(list))
    for activity in activities:
        entry = _entry(activity, language)
        sector = _sector(activity, language)
        for code in activity.municipalities or [None]:
            grouped[code][sector].append(entry)

    def place_key(code: str | None) -> tuple[int, tuple[str, str]]:
        if code is None:
            return 1, sort_key("")
        return 0, sort_key(names.get(code, code))

    def entry_key(entry: ListEntry) -> tuple[tuple[str, str], tuple[str, str]]:
        return sort_key(entry.title), sort_key(entry.organisation)

    sections = []
    for code in sorted(grouped, key=place_key):
        sectors = [
            SectorSection(sector=label, entries=sorted(grouped[code][label], key=entry_key))
            for label in sorted(grouped[code], key=sort_key)
        ]
        place = whole_region if code is None else names.get(code, code)
        sections.append(MunicipalitySection(municipality=place, sectors=sectors))
    return sections
