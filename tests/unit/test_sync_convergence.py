"""Property: three copies with random edits, deletes and exchanges always converge, losing nothing.

Hypothesis drives three real SQLite copies (from the empty template): organisations and contact
persons are created, edited field by field, deleted and restored, and bundles (full, or the
delta for the receiving peer) travel between random pairs in random order. At the end everyone
exchanges with everyone (through one of them); then every copy must hold identical content (every syncable table and
every field's clock), a further round must change nothing, and every value ever written must
still be somewhere: the current value, in a conflict record of some copy, or knowingly replaced
by a writer who had seen it (the model below tracks what each copy has seen).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from sqlalchemy import select

from desktop.storage.field_clocks import BASE_FIELD, record_clocks
from desktop.storage.models import ContactPerson, Organisation, Representation
from desktop.storage.store import Store
from desktop.sync.codec import table_specs
from desktop.sync.peers import list_peers
from tests.sync_copies import canonical, conflicts, exchange, open_copy

ORGANISATION_VALUES: dict[str, list[Any]] = {
    "name_fi": ["Alfa ry", "Beeta ry", "Gamma ry"],
    "phone": ["040 1", "050 2"],
    "email": ["a@x.fi", "b@x.fi"],
    "sectors": [["sports"], ["culture"], []],
    "status": ["active", "dormant"],
}
CONTACT_VALUES: dict[str, list[Any]] = {
    "name": ["Aino", "Eero", "Ilona"],
    "phone": ["044 3", "045 4"],
}
VALUES = {"organisation": ORGANISATION_VALUES, "contact_person": CONTACT_VALUES}
CLASSES = {"organisation": Organisation, "contact_person": ContactPerson}
NAMES = ("A", "B", "C")


@dataclass(frozen=True)
class Write:
    """One value written to one field by one copy, and the writes of that field it had seen."""

    number: int
    key: tuple[str, str, str]  # table, record id, field
    value: Any
    clock: str
    seen: frozenset[int]


class SyncMachine(RuleBasedStateMachine):
    template: Path

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="kumppani-sync-prop-"))
        self.copies = [open_copy(self.template, self.folder, name) for name in NAMES]
        self.known: list[set[int]] = [set() for _ in NAMES]
        self.writes: list[Write] = []
        self.bundles = 0

    # -- the model of what each copy has seen --------------------------------------------

    def _clock(self, store: Store, table: str, record_id: uuid.UUID, name: str) -> str:
        with store.read() as session:
            clocks = record_clocks(session, table, record_id)
        return (clocks.get(name) or clocks[BASE_FIELD])[0]

    def _wrote(self, copy: int, table: str, record_id: uuid.UUID, name: str, value: Any) -> None:
        key = (table, str(record_id), name)
        seen = frozenset(w.number for w in self.writes if w.key == key and w.number in self.known[copy])
        write = Write(len(self.writes), key, value,
                      self._clock(self.copies[copy], table, record_id, name), seen)
        self.writes.append(write)
        self.known[copy].add(write.number)

    def _alive(self, copy: int, table: str) -> list[uuid.UUID]:
        cls = CLASSES[table]
        with self.copies[copy].read() as session:
            return sorted(session.scalars(select(cls.id).where(cls.deleted.is_(False))))

    def _deleted(self, copy: int, table: str) -> list[uuid.UUID]:
        cls = CLASSES[table]
        with self.copies[copy].read() as session:
            return sorted(session.scalars(select(cls.id).where(cls.deleted.is_(True))))

    # -- rules ---------------------------------------------------------------------------

    @rule(copy=st.integers(0, 2), name=st.sampled_from(ORGANISATION_VALUES["name_fi"]))
    def create_organisation(self, copy: int, name: str) -> None:
        record_id = uuid.uuid4()
        self.copies[copy].run("create", lambda s: s.add(Organisation(id=record_id, name_fi=name)))
        with self.copies[copy].read() as session:
            org = session.get(Organisation, record_id)
            assert org is not None
            initial = {field: getattr(org, field) for field in ORGANISATION_VALUES}
        for field, value in initial.items():
            self._wrote(copy, "organisation", record_id, field, value)
        self._wrote(copy, "organisation", record_id, "deleted", False)

    @rule(copy=st.integers(0, 2), name=st.sampled_from(CONTACT_VALUES["name"]), data=st.data())
    def create_contact(self, copy: int, name: str, data: st.DataObject) -> None:
        organisations = self._alive(copy, "organisation")
        organisation = data.draw(st.sampled_from(organisations)) if organisations else None
        record_id = uuid.uuid4()

        def apply(session: Any) -> None:
            session.add(ContactPerson(id=record_id, name=name))
            if organisation is not None:
                session.flush()
                session.add(Representation(organisation_id=organisation, contact_id=record_id))

        self.copies[copy].run("create", apply)
        self._wrote(copy, "contact_person", record_id, "name", name)
        self._wrote(copy, "contact_person", record_id, "phone", "")
        self._wrote(copy, "contact_person", record_id, "deleted", False)

    @rule(copy=st.integers(0, 2), table=st.sampled_from(sorted(VALUES)), data=st.data())
    def edit(self, copy: int, table: str, data: st.DataObject) -> None:
        records = self._alive(copy, table)
        if not records:
            return
        record_id = data.draw(st.sampled_from(records))
        field = data.draw(st.sampled_from(sorted(VALUES[table])))
        value = data.draw(st.sampled_from(VALUES[table][field]))
        cls = CLASSES[table]
        with self.copies[copy].read() as session:
            if getattr(session.get(cls, record_id), field) == value:
                return
        self.copies[copy].run("edit", lambda s: setattr(s.get(cls, record_id), field, value))
        self._wrote(copy, table, record_id, field, value)

    @rule(copy=st.integers(0, 2), table=st.sampled_from(sorted(VALUES)), data=st.data(),
          restore=st.booleans())
    def delete_or_restore(self, copy: int, table: str, data: st.DataObject, restore: bool) -> None:
        records = self._deleted(copy, table) if restore else self._alive(copy, table)
        if not records:
            return
        record_id = data.draw(st.sampled_from(records))
        cls = CLASSES[table]
        self.copies[copy].run("delete", lambda s: setattr(s.get(cls, record_id), "deleted",
                                                          not restore))
        self._wrote(copy, table, record_id, "deleted", not restore)

    @rule(source=st.integers(0, 2), receiver=st.integers(0, 2), full=st.booleans())
    def send(self, source: int, receiver: int, full: bool) -> None:
        if source != receiver:
            self._send(source, receiver, full)

    def _send(self, source: int, target: int, full: bool) -> Any:
        known_peers = {p.name for p in list_peers(self.copies[source])}
        # A delta for a peer this copy has not heard from would be a full export anyway.
        peer = NAMES[target] if not full and NAMES[target] in known_peers else None
        self.bundles += 1
        report = exchange(self.copies[source], self.copies[target],
                          self.folder / f"{self.bundles}.kumppani", full=peer is None, peer=peer)
        self.known[target] |= self.known[source]
        return report

    # -- the end: everyone exchanges with everyone ---------------------------------------

    def teardown(self) -> None:
        try:
            self._converge_and_check()
        finally:
            for store in self.copies:
                store.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _converge_and_check(self) -> None:
        # Everyone to A, then A to everyone: after that, every copy has seen every write.
        for source, target in ((1, 0), (2, 0), (0, 1), (0, 2)):
            self._send(source, target, full=False)
        dumps = [canonical(store) for store in self.copies]
        assert dumps[0] == dumps[1] == dumps[2]
        for source, target in ((1, 2), (2, 1)):  # nothing is left to settle
            assert self._send(source, target, full=False).written == 0
        final = dumps[0]
        kept = [(c.table_name, str(c.record_id), c.field, clock, value)
                for store in self.copies for c in conflicts(store)
                for clock, value in ((c.our_clock, c.our_value), (c.their_clock, c.their_value))]
        specs = table_specs()
        for write in self.writes:
            table, record_id, field = write.key
            current = final[table][record_id]
            value = specs[table].fields[field]
            encoded = write.value if value.encode is None else value.encode(write.value)
            present = (
                current["clocks"][field][0] == write.clock
                or current["values"][field] == encoded
                or any(write.number in other.seen for other in self.writes if other.key == write.key)
                or (table, record_id, field, write.clock, encoded) in kept
            )
            assert present, f"lost: {write}"


def test_copies_converge_and_nothing_written_is_lost(empty_template: Path) -> None:
    SyncMachine.template = empty_template
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=30, stateful_step_count=15, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))
