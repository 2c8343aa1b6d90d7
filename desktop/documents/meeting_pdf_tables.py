"""The tables of the agenda and minutes: who is invited or was there, an item's action items and
workshop results, and the signature lines."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.documents import meeting_text as t
from desktop.documents.document_language import code_label, label, primary
from desktop.documents.meeting_pdf_style import TEXT_WIDTH, WIDTH, grid
from desktop.documents.pdf_common import INK, escape
from desktop.i18n.formatting import format_date
from desktop.services.meeting_document import DocAction, DocAttendee, DocWorkshopPoint
from desktop.storage.models.enums import ActionStatus, MemberRole, Presence


def _cell(text: str, style: object) -> Paragraph:
    return Paragraph(escape(text), style)


def _header(language: str, labels: Sequence[str], sheet: StyleSheet1) -> list[Paragraph]:
    return [_cell(label(language, message), sheet["cell_bold"]) for message in labels]


def _role(person: DocAttendee, language: str) -> str:
    if person.presence == Presence.EXPERT:
        return code_label(language, Presence, Presence.EXPERT)
    return code_label(language, MemberRole, person.role)


def invited_table(people: Sequence[DocAttendee], language: str, sheet: StyleSheet1) -> Table:
    """The agenda's list of the invited: name, organisation, role."""
    rows: list[list[object]] = [_header(language, (t.NAME, t.ORGANISATION, t.ROLE), sheet)]
    for person in people:
        rows.append(
            [
                _cell(person.name, sheet["cell"]),
                _cell(person.organisation, sheet["cell"]),
                _cell(_role(person, language), sheet["cell"]),
            ]
        )
    widths = (55 * mm, WIDTH - 100 * mm, 45 * mm)
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid())
    return table


def _presence_cell(person: DocAttendee, language: str, sheet: StyleSheet1) -> list[Paragraph]:
    cell = [_cell(code_label(language, Presence, person.presence), sheet["cell"])]
    moves = []
    if person.arrived_at is not None:
        moves.append(label(language, t.ARRIVED_AT, section=person.arrived_at))
    if person.left_at is not None:
        moves.append(label(language, t.LEFT_AT, section=person.left_at))
    cell += [_cell(move, sheet["cell_small"]) for move in moves]
    return cell


def attendance_table(people: Sequence[DocAttendee], language: str, sheet: StyleSheet1) -> Table:
    """The minutes' attendance: name, organisation, role, presence (with the § at which someone
    arrived or left), and whom a deputy stood in for."""
    labels = (t.NAME, t.ORGANISATION, t.ROLE, t.PRESENCE, t.DEPUTY_FOR)
    rows: list[list[object]] = [_header(language, labels, sheet)]
    for person in people:
        role = "" if person.presence == Presence.EXPERT else _role(person, language)
        rows.append(
            [
                _cell(person.name, sheet["cell"]),
                _cell(person.organisation, sheet["cell"]),
                _cell(role, sheet["cell"]),
                _presence_cell(person, language, sheet),
                _cell(person.deputy_for, sheet["cell"]),
            ]
        )
    widths = (37 * mm, WIDTH - 124 * mm, 33 * mm, 27 * mm, 27 * mm)
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid())
    return table


def actions_table(actions: Sequence[DocAction], language: str, sheet: StyleSheet1) -> Table:
    """An item's action items: what, owner, deadline, status."""
    labels = (t.ACTION, t.OWNER, t.DEADLINE, t.STATUS)
    rows: list[list[object]] = [_header(language, labels, sheet)]
    for action in actions:
        rows.append(
            [
                _cell(action.what, sheet["cell"]),
                _cell(action.owner, sheet["cell"]),
                _cell(format_date(action.deadline, primary(language)), sheet["cell"]),
                _cell(code_label(language, ActionStatus, action.status), sheet["cell"]),
            ]
        )
    widths = (TEXT_WIDTH - 84 * mm, 36 * mm, 22 * mm, 26 * mm)
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="RIGHT")
    table.setStyle(grid())
    return table


def ranked(points: Sequence[DocWorkshopPoint]) -> list[DocWorkshopPoint]:
    """The groups' points in the order the summary shows them: most dot votes first, then each
    group's own order."""
    return sorted(points, key=lambda p: (-p.votes, p.rank, p.group))


def workshop_table(points: Sequence[DocWorkshopPoint], language: str, sheet: StyleSheet1) -> Table:
    """The groups' most important points as one ranked list, with each point's justification,
    group and place in the group, and dot votes (when any were cast)."""
    voted = any(point.votes for point in points)
    labels = ["", t.POINT, t.GROUP] + ([t.DOT_VOTES] if voted else [])
    rows: list[list[object]] = [_header(language, labels, sheet)]
    for position, point in enumerate(ranked(points), start=1):
        text: list[Paragraph] = [_cell(point.point, sheet["cell"])]
        if point.justification:
            text.append(_cell(point.justification, sheet["cell_small"]))
        group = label(language, t.GROUP_RANK, group=point.group, rank=point.rank)
        row: list[object] = [
            _cell(f"{position}.", sheet["cell_bold"]),
            text,
            _cell(group, sheet["cell"]),
        ]
        if voted:
            row.append(_cell(str(point.votes), sheet["cell"]))
        rows.append(row)
    fixed = 10 * mm + 40 * mm + (18 * mm if voted else 0)
    widths = [10 * mm, TEXT_WIDTH - fixed, 40 * mm] + ([18 * mm] if voted else [])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="RIGHT")
    table.setStyle(grid())
    return table


def signature_row(people: Sequence[tuple[str, str]], sheet: StyleSheet1) -> Table:
    """One or two signature lines side by side, each with a name (and a role) beneath."""
    column = (WIDTH - 16 * mm) / 2
    under: list[object] = []
    for name, role in people:
        cell = [_cell(name, sheet["cell"])]
        if role:
            cell.append(_cell(role, sheet["sign_label"]))
        under.append(cell)
    under += [""] * (2 - len(under))
    table = Table(
        [["", "", ""], [under[0], "", under[1]]],
        colWidths=(column, 16 * mm, column),
        rowHeights=[14 * mm, None],
        hAlign="LEFT",
    )
    style = TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 1), (0, 1), 0.6, INK),
    ])  # fmt: skip
    if len(people) > 1:
        style.add("LINEABOVE", (2, 1), (2, 1), 0.6, INK)
    table.setStyle(style)
    return table


def place_and_date(language: str, sheet: StyleSheet1) -> Table:
    """"Place and date" and a line to write them on."""
    place = Table(
        [[_cell(label(language, t.PLACE_AND_DATE), sheet["sign_label"]), ""]],
        colWidths=(40 * mm, WIDTH / 2 - 32 * mm),
        rowHeights=[12 * mm],
        hAlign="LEFT",
    )
    place.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
    ]))  # fmt: skip
    return place


def signatures(
    chair: str,
    secretary: str,
    checkers: Sequence[str],
    language: str,
    sheet: StyleSheet1,
) -> list[Flowable]:
    """The chair's and the secretary's signature lines, then the minute checkers' statement and
    lines (two blank ones when the checkers are not known yet), kept on one page."""
    roles = [
        (chair, code_label(language, MemberRole, MemberRole.CHAIR)),
        (secretary, code_label(language, MemberRole, MemberRole.SECRETARY)),
    ]
    block: list[Flowable] = [
        Paragraph(escape(label(language, t.SIGNATURES)), sheet["section_heading"]),
        signature_row(roles, sheet),
        Paragraph(escape(label(language, t.MINUTE_CHECKERS)), sheet["section_heading"]),
        Paragraph(escape(label(language, t.CHECKED)), sheet["body"]),
        Spacer(1, 3 * mm),
    ]
    block.append(place_and_date(language, sheet))
    names = list(checkers) or ["", ""]
    for start in range(0, len(names), 2):
        block.append(signature_row([(name, "") for name in names[start : start + 2]], sheet))
    return [KeepTogether(block)]
