"""The windowed model's count and first block are asked for at once (``count_and_first``)."""

from __future__ import annotations

import threading

import pytest

from desktop.ui.tablemodel import Column
from desktop.ui.windowed_model import WindowedTableModel, count_and_first


def test_the_first_block_is_fetched_while_the_count_runs():
    fetching = threading.Event()
    threads: list[str] = []

    def count() -> int:
        # Sequentially, the fetch would start only after this returns: the wait would time out.
        assert fetching.wait(10)
        return 3

    def fetch(offset: int, limit: int) -> list[str]:
        threads.append(threading.current_thread().name)
        fetching.set()
        return ["a", "b", "c"][offset:offset + limit]

    assert count_and_first(count, fetch, 2) == (3, ["a", "b"])
    assert threads != [threading.current_thread().name]


def test_a_failed_count_waits_for_the_fetch_and_raises():
    finished = threading.Event()

    def fetch(_offset: int, _limit: int) -> list[int]:
        finished.wait(0.2)
        finished.set()
        return []

    def count() -> int:
        raise RuntimeError("the server went away")

    with pytest.raises(RuntimeError, match="went away"):
        count_and_first(count, fetch, 10)
    assert finished.is_set()  # nothing left running behind the error


def test_the_model_holds_the_first_block_after_a_reload(qtbot):
    fetched: list[tuple[int, int]] = []
    rows = [f"rivi {n}" for n in range(450)]

    def fetch(offset: int, limit: int) -> list[str]:
        fetched.append((offset, limit))
        return rows[offset:offset + limit]

    model: WindowedTableModel[str] = WindowedTableModel([Column("Nimi", lambda row: row)])
    model.set_source(lambda: len(rows), fetch)
    assert model.rowCount() == 450 and model.cached_rows == WindowedTableModel.BLOCK
    assert model.index(5, 0).data() == "rivi 5"
    assert fetched == [(0, WindowedTableModel.BLOCK)]  # the view's first rows were there
    assert model.index(449, 0).data() == "rivi 449"
    assert fetched[-1] == (400, WindowedTableModel.BLOCK)
