"""A table model over rows that stay in the database: only the rows on screen come into Python.

The model knows how many rows there are (one count) and fetches blocks of rows as the view
asks for them (``data``), keeping the few blocks used last; the first block comes with the count
(``count_and_first``). Sorting by a column asks the owner to change its query (the database
sorts), then the model starts over.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from desktop.ui.tablemodel import Column, Index, Row

Count = Callable[[], int]
Fetch = Callable[[int, int], Sequence[Row]]
T = TypeVar("T")

_BESIDE = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kumppani-first-block")


def count_and_first(count: Callable[[], int], fetch: Callable[[int, int], Sequence[T]],
                    limit: int) -> tuple[int, Sequence[T]]:
    """The count and the first ``limit`` rows, asked for at once, each on a connection of its
    own: a server works on both together (and SQLite's C code lets go of Python's lock), so a
    keystroke in the search waits for the longer of the two rather than for their sum. The
    functions must not touch Qt: the rows are fetched in another thread."""
    first = _BESIDE.submit(fetch, 0, limit)
    try:
        total = count()
    except BaseException:
        wait([first])  # nothing left running behind the error
        raise
    return total, first.result()


class WindowedTableModel(QAbstractTableModel, Generic[Row]):
    #: Rows fetched at a time, and how many such blocks are kept.
    BLOCK = 200
    KEEP_BLOCKS = 8

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        sort: Callable[[int, bool], None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._sort = sort
        self._count_rows: Count = lambda: 0
        self._fetch: Fetch = lambda _offset, _limit: []
        self._total = 0
        self._blocks: OrderedDict[int, Sequence[Row]] = OrderedDict()

    def set_source(self, count: Count, fetch: Fetch) -> None:
        """Show another selection: ``count()`` rows, ``fetch(offset, limit)`` gives them."""
        self._count_rows, self._fetch = count, fetch
        self.reload()

    def reload(self) -> None:
        """Count again and forget every fetched row (the data changed)."""
        self.beginResetModel()
        self._blocks.clear()
        self._total, first = count_and_first(self._count_rows, self._fetch, self.BLOCK)
        if first:
            self._blocks[0] = first
        self.endResetModel()

    @property
    def cached_rows(self) -> int:
        """How many rows are held in memory now."""
        return sum(len(block) for block in self._blocks.values())

    def row_at(self, row: int) -> Row:
        """The row at ``row`` (fetched now if needed); IndexError outside the selection."""
        if not 0 <= row < self._total:
            raise IndexError(row)
        number, position = divmod(row, self.BLOCK)
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch(number * self.BLOCK, self.BLOCK)
            self._blocks[number] = block
            while len(self._blocks) > self.KEEP_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        # The database may have changed since the count; the refresh that follows redraws.
        return block[position]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        try:
            row = self.row_at(index.row())
        except IndexError:
            return None
        return self._columns[index.column()].value(row)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sort is not None:
            self._sort(column, order == Qt.SortOrder.DescendingOrder)
