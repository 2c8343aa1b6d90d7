"""The organisation dialog's editable tabs: contact persons, activities and interactions.

Each change is saved at once, as its own operation (the organisation's Save is for its
details); the sub-dialogs open over the organisation dialog and the lists reload when they close.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QWidget

from desktop.i18n import LANGUAGES, N_, _, current_language
from desktop.i18n.formatting import format_date
from desktop.services import activities, contacts
from desktop.services.activities import ActivityRow, InteractionRow
from desktop.services.contacts import ContactRow
from desktop.services.vocabulary import label
from desktop.storage.models.enums import InteractionKind
from desktop.storage.store import Store
from desktop.ui.dialogs.activity import ActivityDialog
from desktop.ui.dialogs.contact_link import LinkContactDialog
from desktop.ui.dialogs.contact_person import ContactPersonDialog
from desktop.ui.dialogs.interaction import InteractionDialog
from desktop.ui.editable_list import EditableList
from desktop.ui.tablemodel import Column

_SAVED_AT_ONCE = N_("Changes here are saved at once.")


def _yes(flag: bool) -> str:
    return _("Yes") if flag else ""


class OrganisationLists:
    """The three lists of one organisation and the dialogs that edit their rows."""

    def __init__(self, store: Store, parent: QWidget) -> None:
        self.store = store
        self.parent = parent
        self.organisation_id: uuid.UUID | None = None
        self.dialog: QDialog | None = None  # the sub-dialog open now (tests drive it)
        self.contacts = EditableList(
            [Column(_("Name"), lambda r: r.name), Column(_("Role"), lambda r: r.role),
             Column(_("E-mail"), lambda r: r.email), Column(_("Phone"), lambda r: r.phone),
             Column(_("Language"), lambda r: LANGUAGES.get(r.preferred_language, ("", ""))[1]),
             Column(_("Last contact"), lambda r: format_date(r.last_contact))],
            self._contact_rows, self.add_contact, self.edit_contact, self._unlink,
            lambda r: _("Remove {name} from this organisation's contact persons? Their data stays "
                        "in the register (Edit ▸ Persons to review erases it).").format(name=r.name),
            hint=_(_SAVED_AT_ONCE),
        )
        self.link_button = self.contacts.add_action(_("Link a person from the register…"),
                                                    self.link_contact)
        self.activities = EditableList(
            [Column(_("Title"), lambda r: r.title), Column(_("When"), lambda r: r.when),
             Column(_("Municipalities"), lambda r: r.municipalities),
             Column(_("Contact person"), lambda r: r.contact),
             Column(_("Published"), lambda r: _yes(r.published))],
            self._activity_rows, self.add_activity, self.edit_activity,
            lambda r: activities.delete_activity(self.store, r.activity_id),
            lambda r: _("Delete the activity {title}?").format(title=r.title),
            hint=_(_SAVED_AT_ONCE),
        )
        self.interactions = EditableList(
            [Column(_("Date"), lambda r: format_date(r.date)),
             Column(_("Type"), lambda r: label(InteractionKind, r.kind)),
             Column(_("Officer"), lambda r: r.officer),
             Column(_("Note"), lambda r: " ".join(r.note.split()))],
            self._interaction_rows, self.add_interaction, self.edit_interaction,
            lambda r: activities.delete_interaction(self.store, r.interaction_id),
            lambda r: _("Delete the interaction of {date} ({kind})?").format(
                date=format_date(r.date), kind=label(InteractionKind, r.kind)),
            hint=_(_SAVED_AT_ONCE),
        )

    def lists(self) -> tuple[EditableList, EditableList, EditableList]:
        return self.contacts, self.activities, self.interactions

    def set_organisation(self, organisation_id: uuid.UUID) -> None:
        self.organisation_id = organisation_id
        self.reload()

    def reload(self) -> None:
        for widget in self.lists():
            widget.reload()

    # -- rows ------------------------------------------------------------------------------

    def _contact_rows(self) -> list[ContactRow]:
        if self.organisation_id is None:
            return []
        with self.store.read() as session:
            return contacts.contact_rows(session, self.organisation_id)

    def _activity_rows(self) -> list[ActivityRow]:
        if self.organisation_id is None:
            return []
        with self.store.read() as session:
            return activities.activity_rows(session, self.organisation_id, current_language())

    def _interaction_rows(self) -> list[InteractionRow]:
        if self.organisation_id is None:
            return []
        with self.store.read() as session:
            return activities.interaction_rows(session, self.organisation_id)

    # -- dialogs ---------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        # Any of them may change the others' rows (an erased person leaves activities).
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()
        self.dialog = dialog
        return dialog

    def _org(self) -> uuid.UUID:
        assert self.organisation_id is not None, "the tabs are enabled once the organisation is saved"
        return self.organisation_id

    def add_contact(self) -> QDialog:
        return self._open(ContactPersonDialog(self.store, self._org(), None, self.parent))

    def edit_contact(self, row: ContactRow) -> QDialog:
        return self._open(ContactPersonDialog(self.store, self._org(), row.person_id, self.parent))

    def link_contact(self) -> QDialog:
        return self._open(LinkContactDialog(self.store, self._org(), self.parent))

    def _unlink(self, row: ContactRow) -> None:
        contacts.unlink_contact(self.store, self._org(), row.person_id)

    def add_activity(self) -> QDialog:
        return self._open(ActivityDialog(self.store, self._org(), None, self.parent))

    def edit_activity(self, row: ActivityRow) -> QDialog:
        return self._open(ActivityDialog(self.store, self._org(), row.activity_id, self.parent))

    def add_interaction(self) -> QDialog:
        return self._open(InteractionDialog(self.store, self._org(), None, self.parent))

    def edit_interaction(self, row: InteractionRow) -> QDialog:
        return self._open(InteractionDialog(self.store, self._org(), row.interaction_id, self.parent))
