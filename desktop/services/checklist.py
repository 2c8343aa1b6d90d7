"""Checklists toward a region of participation and trust.

The shipped template (``resources/templates/checklist.json``: themes, each with a ``key``, a
``title`` in fi/sv/en and ``items`` with ``key``, ``title`` and ``source``, the seed document the
step comes from) becomes version 1 of the template kept in the store. A checklist (the county's,
a municipality's, one per year) copies the newest template version's themes and items; custom
themes and items can be added, and a checklist can be saved as the next template version.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.attachments import read_attachment, stored_attachment
from desktop.services.records import Seen, apply_edit, seen
from desktop.storage.models import (
    AgendaItem,
    Attachment,
    AuditEntry,
    Checklist,
    ChecklistComment,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTheme,
    GrantCall,
    Meeting,
    Municipality,
)
from desktop.storage.models.enums import ChecklistStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

if TYPE_CHECKING:
    from desktop.documents.checklist_report_data import ChecklistReport

TEMPLATE_FILE = "templates/checklist.json"
LANGUAGES = ("fi", "sv", "en")
SETTLED = (ChecklistStatus.DONE, ChecklistStatus.NOT_APPLICABLE)
EDITABLE_FIELDS = frozenset(
    {"status", "owner", "due_on", "evidence", "evidence_link", "evidence_agenda_item_id",
     "evidence_grant_call_id", "title_fi", "title_sv", "title_en"}
)


# -- the template ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _shipped() -> tuple[dict, ...]:
    with (paths.resources_dir() / TEMPLATE_FILE).open(encoding="utf-8") as fp:
        data = json.load(fp)
    if isinstance(data, dict):
        data = data.get("themes", [])
    return tuple(data)


def load_template() -> list[dict]:
    """The shipped template's themes (a copy the caller may change)."""
    return copy.deepcopy(list(_shipped()))


def current_template(session: Session) -> ChecklistTemplate:
    """The newest template version, creating version 1 from the shipped file when there is none."""
    newest = session.scalars(
        select(ChecklistTemplate)
        .where(ChecklistTemplate.deleted.is_(False))
        .order_by(ChecklistTemplate.version.desc())
    ).first()
    if newest is None:
        newest = ChecklistTemplate(version=1, note="", content={"themes": load_template()})
        session.add(newest)
        session.flush()
    return newest


def template_versions(session: Session) -> list[ChecklistTemplate]:
    return list(session.scalars(
        select(ChecklistTemplate).where(ChecklistTemplate.deleted.is_(False))
        .order_by(ChecklistTemplate.version)
    ))


# -- checklists --------------------------------------------------------------------------


def new_checklist(
    session: Session, name: str, year: int | None = None, municipality_code: str | None = None
) -> Checklist:
    """Create a checklist from the newest template inside the caller's operation."""
    name = name.strip()
    if not name:
        raise ValidationError(_("A checklist needs a name."))
    if municipality_code is not None and session.get(Municipality, municipality_code) is None:
        raise ValidationError(
            _("There is no municipality with the code {code}.").format(code=municipality_code))
    template = current_template(session)
    checklist = Checklist(
        name=name, year=year, municipality_code=municipality_code,
        template_version=template.version,
    )
    session.add(checklist)
    session.flush()
    for theme_position, theme in enumerate(template.content.get("themes", [])):
        title = theme.get("title", {})
        session.add(ChecklistTheme(
            checklist_id=checklist.id, key=theme["key"], position=theme_position,
            title_fi=title.get("fi", ""), title_sv=title.get("sv", ""), title_en=title.get("en", ""),
        ))
        for position, item in enumerate(theme.get("items", [])):
            item_title = item.get("title", {})
            session.add(ChecklistItem(
                checklist_id=checklist.id, template_key=item["key"], theme=theme["key"],
                position=position, title_fi=item_title.get("fi", ""),
                title_sv=item_title.get("sv", ""), title_en=item_title.get("en", ""),
                source=item.get("source", ""), status=ChecklistStatus.NOT_STARTED,
            ))
    session.flush()
    return checklist


def create_checklist(
    store: Store, name: str, year: int | None = None, municipality_code: str | None = None
) -> tuple[uuid.UUID, Changes]:
    """Start a checklist from the template, as one operation; returns its id and the changes."""
    with store.operation("create checklist") as session:
        checklist = new_checklist(session, name, year, municipality_code)
        ctx = session.info["tracking"]
    return checklist.id, ctx.changes


def list_checklists(session: Session) -> list[Checklist]:
    """Checklists newest year first, then by name."""
    return list(session.scalars(
        select(Checklist).where(Checklist.deleted.is_(False))
        .order_by(Checklist.year.desc().nulls_last(), Checklist.name)
    ))


def find_checklist(session: Session, reference: str) -> Checklist:
    """A checklist by name, the start of its id, or a part of its name that only it has."""
    wanted = reference.strip().casefold()
    everything = list_checklists(session)
    for rule in (
        lambda c: c.name.casefold() == wanted,
        lambda c: bool(wanted) and (str(c.id).startswith(wanted) or c.id.hex.startswith(wanted)),
        lambda c: bool(wanted) and wanted in c.name.casefold(),
    ):
        candidates = [c for c in everything if rule(c)]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            break
    names = ", ".join(f"{c.name} ({str(c.id)[:8]})" for c in everything)
    raise ValidationError(
        _("No single checklist matches '{reference}'. Checklists: {names}").format(
            reference=reference, names=names or "—")
    )


def themes(session: Session, checklist_id: uuid.UUID) -> list[ChecklistTheme]:
    return list(session.scalars(
        select(ChecklistTheme)
        .where(ChecklistTheme.checklist_id == checklist_id, ChecklistTheme.deleted.is_(False))
        .order_by(ChecklistTheme.position)
    ))


def list_items(session: Session, checklist_id: uuid.UUID) -> list[ChecklistItem]:
    """The checklist's items in theme order, then by position; unknown themes last."""
    order = {theme.key: theme.position for theme in themes(session, checklist_id)}
    items = session.scalars(
        select(ChecklistItem)
        .where(ChecklistItem.checklist_id == checklist_id, ChecklistItem.deleted.is_(False))
    ).all()
    return sorted(items, key=lambda i: (order.get(i.theme, len(order)), i.theme, i.position, i.title_fi))


def theme_title(theme_key: str, language: str, session: Session | None = None,
                checklist_id: uuid.UUID | None = None) -> str:
    """A theme's title: from the checklist when given, else from the shipped template."""
    if session is not None and checklist_id is not None:
        for theme in themes(session, checklist_id):
            if theme.key == theme_key:
                return theme.title(language)
    for shipped in _shipped():
        if shipped["key"] == theme_key:
            titles = shipped.get("title", {})
            return titles.get(language) or titles.get("fi") or theme_key
    return theme_key


# -- progress ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeProgress:
    key: str
    title: str
    settled: int
    total: int


def is_settled(item: ChecklistItem) -> bool:
    return item.status in SETTLED


def is_overdue(item: ChecklistItem, today: dt.date) -> bool:
    return item.due_on is not None and item.due_on < today and not is_settled(item)


def progress(session: Session, checklist_id: uuid.UUID) -> tuple[int, int]:
    """``(settled, total)``: an item is settled when done or not applicable."""
    items = list_items(session, checklist_id)
    return sum(1 for i in items if is_settled(i)), len(items)


def theme_progress(session: Session, checklist_id: uuid.UUID, language: str) -> list[ThemeProgress]:
    items = list_items(session, checklist_id)
    result = []
    for theme in themes(session, checklist_id):
        mine = [i for i in items if i.theme == theme.key]
        result.append(ThemeProgress(theme.key, theme.title(language),
                                    sum(1 for i in mine if is_settled(i)), len(mine)))
    return result


def items_overdue_first(session: Session, checklist_id: uuid.UUID, today: dt.date) -> list[ChecklistItem]:
    """The overview's order: overdue items (earliest deadline first), then the rest as listed."""
    items = list_items(session, checklist_id)
    overdue = sorted((i for i in items if is_overdue(i, today)), key=lambda i: i.due_on or today)
    return overdue + [i for i in items if not is_overdue(i, today)]


# -- editing -----------------------------------------------------------------------------


def item_seen(session: Session, item_id: uuid.UUID) -> Seen:
    """The item as its editor starts from, to hand back to :func:`update_item`."""
    return seen(_item(session, item_id), EDITABLE_FIELDS)


def update_item(store: Store, item_id: uuid.UUID, *, start: Seen | None = None,
                **fields: Any) -> Changes:
    """Change an item's status, owner, due date, evidence or titles, as one operation.

    An edit from ``start`` (:func:`item_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "status" in fields:
        try:
            fields["status"] = ChecklistStatus(fields["status"]).value
        except ValueError as exc:
            raise ValidationError(
                _("Unknown status: {status}").format(status=fields["status"])) from exc

    def apply(session: Session) -> None:
        apply_edit(session, _item(session, item_id), fields, start)

    return store.run("edit checklist item", apply)


def add_comment(store: Store, item_id: uuid.UUID, text: str, author: str) -> Changes:
    text = text.strip()
    if not text:
        raise ValidationError(_("A comment cannot be empty."))
    return store.run("comment checklist item",
                     lambda s: s.add(ChecklistComment(item_id=_item(s, item_id).id, author=author, text=text)))


def add_theme(store: Store, checklist_id: uuid.UUID, title_fi: str, title_sv: str = "",
              title_en: str = "") -> tuple[str, Changes]:
    """A custom theme at the end of the checklist; returns its key."""
    if not (title_fi.strip() or title_sv.strip() or title_en.strip()):
        raise ValidationError(_("A theme needs a title."))
    key = f"custom-{uuid.uuid4().hex[:8]}"

    def apply(session: Session) -> None:
        position = len(themes(session, checklist_id))
        session.add(ChecklistTheme(checklist_id=checklist_id, key=key, position=position,
                                   title_fi=title_fi.strip(), title_sv=title_sv.strip(),
                                   title_en=title_en.strip()))

    return key, store.run("add checklist theme", apply)


def add_item(store: Store, checklist_id: uuid.UUID, theme_key: str, title_fi: str,
             title_sv: str = "", title_en: str = "") -> tuple[uuid.UUID, Changes]:
    """A custom step in a theme of the checklist."""
    if not (title_fi.strip() or title_sv.strip() or title_en.strip()):
        raise ValidationError(_("A step needs a title."))
    with store.operation("add checklist item") as session:
        position = 1 + max(
            (i.position for i in list_items(session, checklist_id) if i.theme == theme_key), default=-1
        )
        item = ChecklistItem(checklist_id=checklist_id, theme=theme_key, position=position,
                             title_fi=title_fi.strip(), title_sv=title_sv.strip(),
                             title_en=title_en.strip(), template_key=f"custom-{uuid.uuid4().hex[:8]}")
        session.add(item)
        session.flush()
        ctx = session.info["tracking"]
    return item.id, ctx.changes


def attach_file(store: Store, item_id: uuid.UUID, path: Path) -> Changes:
    """Copy a file into the store (kept by its SHA-256) as the item's evidence."""
    content = read_attachment(path)

    def apply(session: Session) -> None:
        _item(session, item_id).evidence_attachment_id = stored_attachment(
            session, path.name, content).id

    return store.run("attach evidence", apply)


def save_as_template(store: Store, checklist_id: uuid.UUID, note: str = "") -> tuple[int, Changes]:
    """Make the checklist's themes and steps the next template version; returns its number."""
    with store.operation("save checklist template") as session:
        version = 1 + (session.scalar(select(func.max(ChecklistTemplate.version))) or 0)
        items = list_items(session, checklist_id)
        content = {"themes": [
            {
                "key": theme.key,
                "title": {"fi": theme.title_fi, "sv": theme.title_sv, "en": theme.title_en},
                "items": [
                    {"key": i.template_key or f"custom-{i.id.hex[:8]}",
                     "title": {"fi": i.title_fi, "sv": i.title_sv, "en": i.title_en},
                     "source": i.source}
                    for i in items if i.theme == theme.key
                ],
            }
            for theme in themes(session, checklist_id)
        ]}
        session.add(ChecklistTemplate(version=version, note=note, content=content))
        ctx = session.info["tracking"]
    return version, ctx.changes


# -- history, evidence, comparison -------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    officer: str
    field: str
    old: Any
    new: Any


def item_history(session: Session, item_id: uuid.UUID) -> list[HistoryEntry]:
    """Who changed what on the item, when, from what to what (newest first), from the audit log."""
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.record_id == str(item_id), AuditEntry.action == "update")
        .order_by(AuditEntry.id.desc())
    )
    return [
        HistoryEntry(entry.at, entry.officer, name, values[0], values[1])
        for entry in entries
        for name, values in sorted(entry.changes.items())
    ]


@dataclass(frozen=True)
class EvidenceChoice:
    id: uuid.UUID
    label: str


def meeting_item_choices(session: Session, language: str) -> list[EvidenceChoice]:
    """Agenda items of meetings kept in the app, as 'Body 2/2026 § 12 Title', newest first."""
    from desktop.i18n.formatting import format_date

    rows = session.execute(
        select(AgendaItem, Meeting)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.deleted.is_(False), Meeting.deleted.is_(False))
        .order_by(Meeting.date.desc(), AgendaItem.position)
    ).all()
    return [
        EvidenceChoice(item.id, f"{meeting.body.display_name(language)} "
                                f"{format_date(meeting.date, language)} § {item.section} {item.title}")
        for item, meeting in rows
    ]


def grant_call_choices(session: Session) -> list[EvidenceChoice]:
    calls = session.scalars(
        select(GrantCall).where(GrantCall.deleted.is_(False))
        .order_by(GrantCall.year.desc(), GrantCall.name)
    )
    return [EvidenceChoice(call.id, f"{call.name}") for call in calls]


def evidence_lines(session: Session, item: ChecklistItem, language: str) -> list[str]:
    """The item's evidence as readable lines (for the report and the overview)."""
    from desktop.i18n import translate_in
    from desktop.i18n.formatting import format_date

    lines = []
    if item.evidence.strip():
        lines.append(item.evidence.strip())
    if item.evidence_link:
        lines.append(item.evidence_link)
    if item.evidence_attachment_id:
        attachment = session.get(Attachment, item.evidence_attachment_id)
        if attachment is not None:
            lines.append(translate_in(language, N_("Attachment: {name}")).format(name=attachment.filename))
    if item.evidence_agenda_item_id:
        agenda = session.get(AgendaItem, item.evidence_agenda_item_id)
        if agenda is not None:
            meeting = agenda.meeting
            lines.append(translate_in(language, N_("Meeting {body} {date}, § {section} {title}")).format(
                body=meeting.body.display_name(language), date=format_date(meeting.date, language),
                section=agenda.section, title=agenda.title))
    if item.evidence_grant_call_id:
        call = session.get(GrantCall, item.evidence_grant_call_id)
        if call is not None:
            lines.append(translate_in(language, N_("Grant call: {name}")).format(name=call.name))
    return lines + automatic_evidence(session, item, language)


def automatic_evidence(session: Session, item: ChecklistItem, language: str) -> list[str]:
    """Evidence the app computes for a step from its own data (the liaison network's gaps)."""
    from desktop.services import network

    if item.template_key != network.CHECKLIST_STEP:
        return []
    checklist = session.get(Checklist, item.checklist_id)
    today = dt.date.today()
    # A past year's checklist shows the network as it stood at the end of that year; a
    # municipality's checklist only that municipality.
    if checklist is not None and checklist.year is not None and checklist.year < today.year:
        today = dt.date(checklist.year, 12, 31)
    return network.gap_evidence(session, language, today,
                                checklist.municipality_code if checklist is not None else None)


@dataclass(frozen=True)
class ComparisonRow:
    theme: str
    title: str
    left: str | None  # status code, None when the step is not in that checklist
    right: str | None


def compare(session: Session, left_id: uuid.UUID, right_id: uuid.UUID, language: str) -> list[ComparisonRow]:
    """Two checklists side by side, steps matched by their template key (custom ones by title)."""
    def key(item: ChecklistItem) -> str:
        # A custom step's key is its own; a template saved from it passes the key on.
        return item.template_key or f"id:{item.id}"

    left = {key(i): i for i in list_items(session, left_id)}
    right = {key(i): i for i in list_items(session, right_id)}
    rows = []
    for k, item in left.items():
        other = right.get(k)
        rows.append(ComparisonRow(theme_title(item.theme, language, session, left_id), item.title(language),
                                  item.status, other.status if other else None))
    for k, item in right.items():
        if k not in left:
            rows.append(ComparisonRow(theme_title(item.theme, language, session, right_id),
                                      item.title(language), None, item.status))
    return rows


def _item(session: Session, item_id: uuid.UUID) -> ChecklistItem:
    item = session.get(ChecklistItem, item_id)
    if item is None or item.deleted:
        raise ValidationError(_("The checklist step no longer exists."))
    return item


# -- the report --------------------------------------------------------------------------


def report_data(session: Session, checklist_id: uuid.UUID, language: str,
                today: dt.date | None = None) -> ChecklistReport:
    """Everything the PDF report shows, in ``language``."""
    from desktop.documents.checklist_report_data import ChecklistReport, ReportItem, ReportTheme
    from desktop.i18n import translate_in
    from desktop.i18n.formatting import format_date
    from desktop.services.vocabulary import label_in
    from desktop.storage.models import Municipality

    today = today or dt.date.today()
    checklist = session.get(Checklist, checklist_id)
    if checklist is None or checklist.deleted:
        raise ValidationError(_("The checklist no longer exists."))
    if checklist.municipality_code:
        municipality = session.get(Municipality, checklist.municipality_code)
        scope = municipality.name(language) if municipality else checklist.municipality_code
    else:
        scope = translate_in(language, N_("The wellbeing services county"))
    subtitle = " · ".join(part for part in (scope, str(checklist.year or "")) if part)
    items = list_items(session, checklist_id)
    report_themes = []
    for theme in themes(session, checklist_id):
        mine = [i for i in items if i.theme == theme.key]
        report_themes.append(ReportTheme(
            title=theme.title(language),
            settled=sum(1 for i in mine if is_settled(i)),
            total=len(mine),
            items=[
                ReportItem(
                    title=i.title(language),
                    status=label_in(language, ChecklistStatus, i.status),
                    done=is_settled(i),
                    owner=i.owner,
                    due=format_date(i.due_on, language),
                    overdue=is_overdue(i, today),
                    evidence=evidence_lines(session, i, language),
                    source=i.source,
                )
                for i in mine
            ],
        ))
    settled, total = progress(session, checklist_id)
    return ChecklistReport(language=language, title=checklist.name, subtitle=subtitle,
                           created=today, settled=settled, total=total, themes=report_themes)
