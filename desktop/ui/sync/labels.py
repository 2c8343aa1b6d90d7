"""Names of tables and fields as officers know them, for the conflicts list."""

from __future__ import annotations

from desktop.i18n import N_, _
from desktop.services.register_import import FIELD_LABELS

_TABLES = {
    "organisation": N_("Organisation"),
    "contact_person": N_("Contact person"),
    "activity": N_("Activity"),
    "interaction": N_("Interaction"),
    "representation": N_("Representation"),
    "meeting": N_("Meeting"),
    "agenda_item": N_("Agenda item"),
    "action_item": N_("Action item"),
    "body": N_("Body"),
    "body_member": N_("Member"),
    "grant_call": N_("Grant call"),
    "grant_application": N_("Grant application"),
    "grant_decision": N_("Grant decision"),
    "grant_payment": N_("Grant payment"),
    "checklist": N_("Checklist"),
    "checklist_item": N_("Checklist step"),
    "checklist_comment": N_("Comment"),
    "attachment": N_("Attachment"),
}

_FIELDS = {
    "name": N_("Name"),
    "title": N_("Title"),
    "description": N_("Description"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "status": N_("Status"),
    "note": N_("Note"),
    "text": N_("Text"),
    "date": N_("Date"),
    "deleted": N_("Deleted"),
    "domicile_code": N_("Municipality of domicile"),
}


def table_label(table: str) -> str:
    label = _TABLES.get(table)
    return _(label) if label else table.replace("_", " ")


def field_label(table: str, field: str) -> str:
    if table == "organisation" and field in FIELD_LABELS:
        return _(FIELD_LABELS[field])
    label = _FIELDS.get(field)
    return _(label) if label else field.replace("_", " ")
