"""A new meeting (created from the standard template) or a meeting's details: body, date,
times, place, online link, language, memo or minutes; for an existing meeting also the chair and
secretary and, for minutes, the legality block (public display, the notice the appeal time runs
from)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from desktop.i18n import _
from desktop.i18n.formatting import format_date
from desktop.services.meetings import appeal_deadline
from desktop.services.meetings.editor import BodyChoice, MeetingView
from desktop.services.vocabulary import label, labels
from desktop.storage.models.enums import RecordKind
from desktop.ui.dialogs.edit_conflict import combo_text, form_labels, stored_text
from desktop.ui.meetings.common import (
    CheckedDialog,
    combo_id,
    combo_text_data,
    fill_combo,
    ok_cancel,
    select_data,
)
from desktop.ui.optional_date import OptionalDate


def meeting_languages() -> list[tuple[str, str]]:
    return [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English")),
            ("fi+sv", _("Finnish and Swedish"))]


class OptionalTime(QWidget):
    def __init__(self, value: dt.time | None, known: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(known)
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("H.mm")
        self.known.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.known)
        row.addWidget(self.edit, 1)
        self.edit.setTime(QTime(value.hour, value.minute) if value else QTime(13, 0))
        self.known.setChecked(value is not None)
        self.edit.setEnabled(value is not None)

    def value(self) -> dt.time | None:
        return self.edit.time().toPython() if self.known.isChecked() else None


class MeetingDialog(CheckedDialog):
    """``meeting`` None: a new meeting of one of ``bodies`` (``body_id`` chosen first)."""

    def __init__(self, bodies: list[BodyChoice], meeting: MeetingView | None = None,
                 body_id: object = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bodies = bodies
        self.meeting = meeting
        self.setWindowTitle(_("Meeting details") if meeting else _("New meeting"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.body = QComboBox()
        fill_combo(self.body, [(b.id, b.name) for b in bodies],
                   meeting.body_id if meeting else body_id)
        self.body.setEnabled(meeting is None)
        self.body.currentIndexChanged.connect(lambda _index: self._body_changed())
        form.addRow(_("&Body"), self.body)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d.M.yyyy")
        self.date.setDate(QDate(meeting.date) if meeting else QDate.currentDate().addDays(14))
        form.addRow(_("&Date"), self.date)
        self.start = OptionalTime(meeting.start_time if meeting else dt.time(13, 0), _("Starts at"))
        form.addRow(_("&Start"), self.start)
        self.end = OptionalTime(meeting.end_time if meeting else dt.time(15, 0), _("Ends at"))
        form.addRow(_("&End"), self.end)
        self.place = QLineEdit(meeting.place if meeting else "")
        form.addRow(_("&Place"), self.place)
        self.link = QLineEdit(meeting.online_link if meeting else "")
        self.link.setPlaceholderText("https://")
        form.addRow(_("&Online link"), self.link)
        self.language = QComboBox()
        fill_combo(self.language, meeting_languages(), meeting.language if meeting else None)
        form.addRow(_("&Language"), self.language)
        self.record_kind = QComboBox()
        self.record_kind.setToolTip(_("A memo for a body that advises, minutes for one that decides: "
                                      "minutes have the legality item, checkers and appeal instructions."))
        self.record_kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        form.addRow(_("&Record"), self.record_kind)
        self.labels: dict[str, str] = {}
        if meeting is None:
            note = QLabel(_("The meeting starts with the standard items in its language; its "
                            "number and § numbers follow the body's year."))
            note.setWordWrap(True)
            form.addRow(note)
            self._body_changed()
        else:
            self.chair = QLineEdit(meeting.chair)
            self.chair.setPlaceholderText(_("The body's chair"))
            form.addRow(_("&Chair"), self.chair)
            self.secretary = QLineEdit(meeting.secretary)
            self.secretary.setPlaceholderText(_("The body's secretary"))
            form.addRow(_("Se&cretary"), self.secretary)
            self.legality = QGroupBox(_("Legality of the minutes"))
            legal = QFormLayout(self.legality)
            self.display_date = OptionalDate(meeting.display_date, _("Set"))
            legal.addRow(_("On public displa&y"), self.display_date)
            self.display_place = QLineEdit(meeting.display_place)
            self.display_place.setPlaceholderText(_("Where the public can see the minutes, e.g. the county's website"))
            legal.addRow(_("Display pl&ace"), self.display_place)
            self.notice_date = OptionalDate(meeting.notice_date, _("Set"))
            self.notice_date.known.toggled.connect(lambda _on: self._show_deadline())
            self.notice_date.edit.dateChanged.connect(lambda _day: self._show_deadline())
            legal.addRow(_("&Notice of the decisions"), self.notice_date)
            self.deadline = QLabel()
            legal.addRow(_("Rectification by"), self.deadline)
            form.addRow(self.legality)
            self._show_deadline()
            self.labels = form_labels(form, {
                "date": self.date, "start_time": self.start, "end_time": self.end,
                "place": self.place, "online_link": self.link, "language": self.language,
                "record_kind": self.record_kind, "chair": self.chair, "secretary": self.secretary,
            }) | form_labels(legal, {"display_date": self.display_date,
                                     "display_place": self.display_place,
                                     "notice_date": self.notice_date})
        self._fill_kinds(meeting.own_record_kind if meeting else "")
        if meeting is not None and meeting.locked:  # approved: only the notice and display remain
            for widget in (self.date, self.start, self.end, self.place, self.link, self.language,
                           self.record_kind, self.chair, self.secretary):
                widget.setEnabled(False)
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(bodies))
        form.addRow(buttons)

    def _body(self) -> BodyChoice | None:
        body_id = combo_id(self.body)
        return next((b for b in self.bodies if b.id == body_id), None)

    def _body_changed(self) -> None:
        body = self._body()
        if body is not None:
            select_data(self.language, body.default_language)
        if hasattr(self, "record_kind"):
            self._fill_kinds(combo_text_data(self.record_kind))

    def _body_kind(self) -> str:
        if self.meeting is not None:
            return self.meeting.body_record_kind
        body = self._body()
        return body.record_kind if body else RecordKind.MINUTES

    def _fill_kinds(self, current: str) -> None:
        default = _("As the body: {kind}").format(kind=label(RecordKind, self._body_kind()))
        fill_combo(self.record_kind, [("", default), *labels(RecordKind)], current)
        self._kind_changed()

    def record_kind_value(self) -> str:
        return combo_text_data(self.record_kind) or self._body_kind()

    def _kind_changed(self) -> None:
        if self.meeting is not None:
            self.legality.setVisible(self.record_kind_value() == RecordKind.MINUTES)
            self.adjustSize()

    def _show_deadline(self) -> None:
        deadline = appeal_deadline(self.notice_date.value())
        self.deadline.setText(format_date(deadline) if deadline else _("14 days from the notice"))

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "date": self.date.date().toPython(), "start_time": self.start.value(),
            "end_time": self.end.value(), "place": self.place.text(),
            "online_link": self.link.text(), "language": combo_text_data(self.language),
            "record_kind": combo_text_data(self.record_kind),
        }
        if self.meeting is not None:
            legality = {"display_date": self.display_date.value(),
                        "display_place": self.display_place.text(),
                        "notice_date": self.notice_date.value()}
            if self.meeting.locked:
                return legality
            values |= {"chair": self.chair.text(), "secretary": self.secretary.text()} | legality
        return values

    def shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog names it (codes by their labels)."""
        combos = {"language": self.language, "record_kind": self.record_kind}
        return combo_text(combos[name], value) if name in combos else stored_text(value)

    def body_id(self):  # noqa: ANN201 - uuid.UUID | None
        return combo_id(self.body)
