"""A seat of a body: the organisation, its representative and deputy (contact persons of that
organisation in the register), the role and the term."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.i18n import _, current_language
from desktop.services.meetings.editor import MemberDetails, organisation_choices, person_choices
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import MemberRole
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import combo_text, form_labels, stored_text
from desktop.ui.meetings.common import (
    CheckedDialog,
    combo_id,
    combo_text_data,
    fill_combo,
    ok_cancel,
    searchable,
)
from desktop.ui.optional_date import OptionalDate


class MemberDialog(CheckedDialog):
    def __init__(self, store: Store, member: MemberDetails | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # Everyone's contact persons by id, read when a conflict first names one (see ``shown``).
        self._everyone: dict[uuid.UUID, str] | None = None
        self.setWindowTitle(_("Member") if member else _("New member"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.organisation = searchable(QComboBox())
        fill_combo(self.organisation, organisation_choices(store, current_language()),
                   member.organisation_id if member else None,
                   none_label=_("— none (an official) —"))
        self.organisation.currentIndexChanged.connect(lambda _index: self._fill_people())
        form.addRow(_("&Organisation"), self.organisation)
        self.representative = searchable(QComboBox())
        form.addRow(_("&Representative"), self.representative)
        self.deputy = searchable(QComboBox())
        form.addRow(_("&Deputy"), self.deputy)
        hint = QLabel(_("Representatives are the organisation's contact persons in the register."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        form.addRow(hint)
        self.role = QComboBox()
        fill_combo(self.role, labels(MemberRole), member.role if member else MemberRole.MEMBER)
        form.addRow(_("R&ole"), self.role)
        self.term_start = OptionalDate(member.term_start if member else None, _("From"))
        form.addRow(_("Term &starts"), self.term_start)
        self.term_end = OptionalDate(member.term_end if member else None, _("Until"))
        form.addRow(_("Term &ends"), self.term_end)
        self.labels = form_labels(form, {
            "organisation_id": self.organisation, "representative_id": self.representative,
            "deputy_id": self.deputy, "role": self.role, "term_start": self.term_start,
            "term_end": self.term_end})
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self._fill_people(member.representative_id if member else None,
                          member.deputy_id if member else None)

    def _fill_people(self, representative: uuid.UUID | None = None,
                     deputy: uuid.UUID | None = None) -> None:
        people = person_choices(self.store, combo_id(self.organisation))
        fill_combo(self.representative, people, representative, none_label="—")
        fill_combo(self.deputy, people, deputy, none_label="—")

    def choose_organisation(self, name: str) -> None:
        self.organisation.setCurrentIndex(self.organisation.findText(name))

    def choose(self, combo: QComboBox, name: str) -> None:
        combo.setCurrentIndex(combo.findText(name))

    def values(self) -> dict[str, Any]:
        return {
            "organisation_id": combo_id(self.organisation),
            "representative_id": combo_id(self.representative),
            "deputy_id": combo_id(self.deputy),
            "role": combo_text_data(self.role),
            "term_start": self.term_start.value(),
            "term_end": self.term_end.value(),
        }

    def shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog names it (people and organisations by their names)."""
        if name in ("representative_id", "deputy_id"):
            # Anyone's: the other user may have chosen another organisation's people. Read once,
            # and again for someone not yet known (added before another round of clashes).
            if self._everyone is None or (value is not None and value not in self._everyone):
                self._everyone = dict(person_choices(self.store))
            return self._everyone.get(value, stored_text(value))
        combos = {"organisation_id": self.organisation, "role": self.role}
        return combo_text(combos[name], value) if name in combos else stored_text(value)
