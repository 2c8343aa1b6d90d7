"""Team-mode benchmark: the register at 100,000 organisations on PostgreSQL beside SQLite.

server       a PostgreSQL server of its own in a temporary directory (``tests/postgres_server``:
             Debian's package, the tests' settings: fsync off, default costs and memory); the
             databases have a UTF-8 character type, as the README asks of a county's server.
data         the register benchmark's generated register (100,000 organisations, 200,000
             contact persons, 300,000 activities) written into PostgreSQL and indexed, then
             VACUUM ANALYZE, as a server's tables are once autovacuum has been round; the SQLite
             copy is the register benchmark's cached file.
search       search-as-you-type as the register benchmark measures it (the count of matches and
             the first block of rows sorted by name, 20 typical prefixes), p50 and p95 on each
             backend after one untimed pass, the two taking turns keystroke by keystroke so
             that both meet the same load; goal p95 < 50 ms on both. The matches must be the
             same. The untimed pass keeps the counts of the short words (``short_words``):
             their first searches are printed apart.
import       the register benchmark's CSV file of 100,000 organisations with a contact person
             each, through the real importer (plan_import + apply_import) into an empty
             register on each backend.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks import register

_CTYPE = "C.UTF-8"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _figures(name: str, samples: list[float]) -> str:
    p50, p95 = register._percentile(samples, 0.5), register._percentile(samples, 0.95)
    return f"{name} p50 {_ms(p50)}, p95 {_ms(p95)}"


def _search(server_store: Any, file_store: Any, runs: int
            ) -> tuple[list[float], list[float], bool, dict[str, float]]:
    """Keystroke times on the server and on the file, whether they found the same, and the
    server's first keystroke of each short word (before its count is kept)."""
    server: list[float] = []
    local: list[float] = []
    same = True
    first: dict[str, float] = {}
    for prefix in register.PREFIXES:  # untimed: the caches of a register in use, on both
        seconds, _found = register.keystroke(server_store, prefix)
        if len(prefix) < 3:
            first[prefix] = seconds
        register.keystroke(file_store, prefix)
    for run in range(runs):
        for prefix in register.PREFIXES:
            turns = [(server_store, server), (file_store, local)]
            found = []
            for store, samples in turns if run % 2 == 0 else turns[::-1]:
                seconds, matches = register.keystroke(store, prefix)
                samples.append(seconds)
                found.append(matches)
            same = same and found[0] == found[1]
    return server, local, same, first


def _import(store: Any, csv_path: Path) -> tuple[float, float, int]:
    try:
        return register.import_into(store, csv_path)
    finally:
        store.close()


def run(args: argparse.Namespace) -> None:
    from desktop import i18n
    from desktop.storage.store import Store
    from tests.benchmarks import register_data
    from tests.postgres_server import PostgresServer

    i18n.set_language("fi")
    work = Path(tempfile.mkdtemp(prefix="kumppani-bench-team-"))
    server = PostgresServer.start()
    try:
        db, generated = register._database(work)
        print(f"register data (SQLite): {'cached' if generated is None else f'{generated:.0f} s'}"
              f" at {db}")
        # A county's server has a UTF-8 character type (see README, "Team mode").
        name = server.create_database(prefix="bench_register", ctype=_CTYPE)
        server_store = Store.open(server.url(name))
        start = time.perf_counter()
        register_data.fill(server_store)
        filled = time.perf_counter() - start
        server.execute("VACUUM ANALYZE", database=name)
        print(f"register data (PostgreSQL): 100,000 organisations, 200,000 contact persons, "
              f"300,000 activities written and indexed in {filled:.0f} s")
        file_store = Store.open(db, backup_dir=work / "backups")
        try:
            on_server, on_file, same, first = _search(server_store, file_store, args.runs)
        finally:
            server_store.close()
            file_store.close()
        print(f"search-as-you-type (count + first 200 rows, {len(register.PREFIXES)} prefixes x "
              f"{args.runs}, in turns): {_figures('PostgreSQL', on_server)}; "
              f"{_figures('SQLite', on_file)} (goal p95 < 50 ms on both); matches "
              f"{'the same' if same else 'DIFFERENT'}")
        print("PostgreSQL, a short word's first search (its count not kept yet, in the untimed "
              "pass): " + ", ".join(f"{word} {_ms(seconds)}" for word, seconds in first.items()))

        csv_path = register._import_file(work)
        server_import = _import(Store.open(server.url(server.create_database(
            prefix="bench_import", ctype=_CTYPE))), csv_path)
        file_import = _import(Store.open(work / "import.sqlite3", backup_dir=work / "backups"),
                              csv_path)
        (server_plan, server_apply, added), (file_plan, file_apply, _added) = server_import, file_import
        print(f"CSV import of {added} rows into an empty register: PostgreSQL "
              f"{server_plan + server_apply:.1f} s (plan {server_plan:.1f} s, apply "
              f"{server_apply:.1f} s); SQLite {file_plan + file_apply:.1f} s (plan "
              f"{file_plan:.1f} s, apply {file_apply:.1f} s)")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
