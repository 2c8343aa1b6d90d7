"""A dialog opens at the size its kind was last closed at, even when it sets a default size."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog

from desktop.ui.dialog_sizes import remember_size


class Sized(QDialog):
    def __init__(self) -> None:
        super().__init__()
        remember_size(self)  # as a base class does, before the subclass's default below
        self.resize(500, 400)


class Other(Sized):
    pass


def test_the_last_size_wins_over_the_default(qtbot):
    first = Sized()
    qtbot.addWidget(first)
    first.show()
    assert first.size() == QSize(500, 400)
    first.resize(700, 450)
    first.done(0)

    again = Sized()
    qtbot.addWidget(again)
    again.show()
    assert again.size() == QSize(700, 450)

    other = Other()  # another kind of dialog keeps its own default
    qtbot.addWidget(other)
    other.show()
    assert other.size() == QSize(500, 400)
