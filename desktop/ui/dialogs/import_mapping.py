"""The import's first step: what each column of the file is imported as, with its first rows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.services.register_import import (
    FIELDS,
    IGNORE,
    ImportPreview,
    check_mapping,
    field_label,
)

ERROR_COLOUR = "#b00020"
# Not recognised (and not imported): the officer should look at it.
_UNRECOGNISED = QColor("#fff1c2")
# Mapped to a field that another column is mapped to as well.
_REPEATED = QColor("#fbdde1")
_TEXT = QColor("#1a1a1a")  # dark text on the light highlights, also under a dark theme

HEADING, TARGET = 0, 1  # the table's first columns; the sample rows follow


def column_letter(index: int) -> str:
    """Excel's name for the column at ``index`` (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ColumnMappingPage(QWidget):
    """One table row per column of the file: its heading, "import as" and the first values.

    Columns start as recognised (or as remembered from the last file with these headings);
    the ones not recognised start as "Do not import" and are highlighted.
    """

    changed = Signal()

    def __init__(
        self,
        preview: ImportPreview,
        mapping: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        step = QLabel(_("Step 1 of 2: what each column is imported as"))
        step.setStyleSheet("font-weight: 600;")
        layout.addWidget(step)
        intro = QLabel(
            ngettext(
                "{file} has {count} row below the headings on row {row}.",
                "{file} has {count} rows below the headings on row {row}.",
                preview.row_count,
            ).format(file=preview.path.name, count=preview.row_count, row=preview.header_row)
            + " "
            + _("Choose what each column is imported as. Highlighted columns were not "
                "recognised: they are not imported unless you choose a field for them.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        samples = preview.sample_row_numbers
        self.table = QTableWidget(len(preview.headers), 2 + len(samples))
        self.table.setHorizontalHeaderLabels(
            [_("Column in the file"), _("Import as")]
            + [_("Row {row}").format(row=number) for number in samples]
        )
        self.table.setVerticalHeaderLabels(
            [column_letter(i) for i in range(len(preview.headers))]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Tab goes from one combo box to the next instead of from cell to cell.
        self.table.setTabKeyNavigation(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.combos: list[QComboBox] = []
        self._recognised: list[bool] = []
        for index, heading in enumerate(preview.headers):
            self._fill_row(index, heading, mapping)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(HEADING, min(max(self.table.columnWidth(HEADING), 140), 260))
        self.table.setColumnWidth(
            TARGET, max((combo.sizeHint().width() for combo in self.combos), default=160))
        for column in range(2, self.table.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 180))
        self.table.verticalHeader().setDefaultSectionSize(
            max((combo.sizeHint().height() for combo in self.combos), default=24) + 4
        )
        layout.addWidget(self.table, 1)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems)

        restore_row = QHBoxLayout()
        self.remembered_note = QLabel(
            _("The columns are as you chose them for the last file with these headings."))
        self.remembered_note.setWordWrap(True)
        restore_row.addWidget(self.remembered_note, 1)
        restore_row.addStretch(0)
        self.restore_button = QPushButton(_("&Recognise the columns again"))
        self.restore_button.clicked.connect(self.recognise_again)
        restore_row.addWidget(self.restore_button)
        layout.addLayout(restore_row)
        self.remembered_note.setVisible(self.mapping() != preview.recognised_mapping)
        self._update()

    def _fill_row(self, index: int, heading: str, mapping: dict[str, str]) -> None:
        item = QTableWidgetItem(heading or _("(no heading)"))
        if not heading:
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
        item.setToolTip(heading)
        self.table.setItem(index, HEADING, item)
        combo = QComboBox()
        for name in (*FIELDS, IGNORE):
            combo.addItem(field_label(name), name)
        combo.setAccessibleName(
            _("Import the column {column} as").format(column=heading or column_letter(index)))
        mappable = self.preview.mappable(index)
        self._recognised.append(self.preview.recognised_mapping.get(heading, IGNORE) != IGNORE)
        if mappable:
            combo.setCurrentIndex(combo.findData(mapping.get(heading, IGNORE)))
        else:
            combo.setCurrentIndex(combo.findData(IGNORE))
            combo.setEnabled(False)
            combo.setToolTip(
                _("An earlier column has the same heading; only the first one can be imported. "
                  "Rename the heading in the file to import this column."))
        combo.currentIndexChanged.connect(self._update)
        self.table.setCellWidget(index, TARGET, combo)
        self.combos.append(combo)
        for column, row in enumerate(self.preview.sample_rows, start=2):
            value = row[index] if index < len(row) else ""
            sample = QTableWidgetItem(_one_line(value))
            sample.setToolTip(value)
            self.table.setItem(index, column, sample)

    # -- the mapping ---------------------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        """Heading -> field or ``ignore``, for every column that can be mapped."""
        return {
            heading: self.combos[index].currentData()
            for index, heading in enumerate(self.preview.headers)
            if self.preview.mappable(index)
        }

    def set_mapping(self, mapping: dict[str, str]) -> None:
        for index, heading in enumerate(self.preview.headers):
            if self.preview.mappable(index):
                combo = self.combos[index]
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(mapping.get(heading, IGNORE)))
                combo.blockSignals(False)
        self._update()

    def is_valid(self) -> bool:
        return check_mapping(self.mapping()).ok

    def _update(self) -> None:
        mapping = self.mapping()
        check = check_mapping(mapping)
        repeated = {heading for headings in check.repeated.values() for heading in headings}
        for index, heading in enumerate(self.preview.headers):
            target = self.combos[index].currentData()
            mappable = self.preview.mappable(index)
            if mappable and heading in repeated:
                colour: QColor | None = _REPEATED
                tip = _("Another column is imported as {field} too.").format(
                    field=field_label(target))
            elif target == IGNORE and not self._recognised[index]:
                colour = _UNRECOGNISED
                tip = (_("This heading was not recognised; the column is not imported.")
                       if mappable else self.combos[index].toolTip())
            else:
                colour, tip = None, ""
            for column in range(self.table.columnCount()):
                item = self.table.item(index, column)
                if item is None:
                    continue
                item.setBackground(QBrush(colour) if colour is not None else QBrush())
                item.setForeground(QBrush(_TEXT) if colour is not None else QBrush())
                if column == HEADING:
                    item.setToolTip("\n".join(t for t in (self.preview.headers[index], tip) if t))
        self.problems.setText("\n".join(check.messages()))
        self.problems.setVisible(not check.ok)
        self.restore_button.setEnabled(mapping != self.preview.recognised_mapping)
        self.changed.emit()

    def recognise_again(self) -> None:
        """Forget the officer's choices: every column as its heading is recognised."""
        self.set_mapping(self.preview.recognised_mapping)
        self.remembered_note.hide()
