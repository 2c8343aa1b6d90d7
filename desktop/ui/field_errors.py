"""Validation while typing: each invalid field is outlined, with its reason shown under it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

INVALID = "QLineEdit { border: 2px solid #b00020; }"


def add_error_row(form: QFormLayout) -> QLabel:
    """A hidden reason line under the form's last row."""
    error = QLabel()
    error.setStyleSheet("color: #b00020;")
    error.setWordWrap(True)
    error.hide()
    form.addRow("", error)
    return error


def _mark_invalid(field: QWidget, invalid: bool) -> None:
    field.setStyleSheet(INVALID if invalid else "")


def show_field_errors(errors: Mapping[str, str], labels: Mapping[str, QLabel],
                      fields: Mapping[str, QWidget]) -> None:
    """Show each field's reason (from a service's ``field_errors``); clear the others."""
    for name, label in labels.items():
        reason = errors.get(name, "")
        label.setText(reason)
        label.setVisible(bool(reason))
        _mark_invalid(fields[name], bool(reason))
