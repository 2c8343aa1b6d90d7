"""The register's search index: substring search over everything an officer may type.

One document per organisation (names in both languages, abbreviation, Business ID, register
number, municipality names, sector labels in every language, contact names, the titles of its
activities), casefolded, kept in an SQLite FTS5 table with the trigram tokenizer, which matches
substrings and keeps ``ä`` and ``a`` apart — on PostgreSQL in a table with a column named
``rowid`` and pg_trgm's GIN index, searched with LIKE, which finds the same documents (there a
document carries its names' sort keys too, for a page by name without the listing). It is
updated inside the same transaction as the change (see ``Store.operation``), together with the
register listing (``storage.listing``): a document's rowid is its organisation's listing id.

A word of three characters or more is a phrase of trigrams, found through the index. A word of
two characters is found through the index too, as any of the trigrams it starts (every document
ends in a space, so each two characters in it are followed by one); the characters that may
follow are the *alphabet* of the index, kept in the meta table. A single character is looked
for in every document. (PostgreSQL needs none of this: every word is a LIKE pattern, which
the trigram index serves from three characters on; a shorter one is looked for in every
document, and the count of a search's only word is kept once it has been searched for, see
``short_words``.)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.i18n import LANGUAGES, translate_in
from desktop.storage import listing
from desktop.storage.dialect import (
    insert_rows,
    is_postgresql,
    json_value,
    refresh_statistics,
    values_param,
    values_sql,
)
from desktop.storage.models.enums import LABELS, OrganisationKind, Sector
from desktop.storage.tracking import Changes, cycle_collection_paused

TABLE = listing.SEARCH_TABLE
# Bump when the document's or the listing's contents change: the store then rebuilds both at start.
INDEX_VERSION = "4"
META_KEY = "search.index_version"
ALPHABET_KEY = "search.alphabet"
_TRIGRAM = 3
# Organisations reindexed per round: bounded memory, and a short list of ids per query.
_CHUNK = 2000

# The organisations' columns a document and a listing row are made of (ids as stored: hex);
# ``row_number`` walks the table in chunks: SQLite's rowid, the id on PostgreSQL.
_COLUMNS = ("id, name_fi, name_sv, abbreviation, business_id, register_number, domicile_code, "
            "active_municipalities, sectors, languages, status, kind FROM organisation "
            "WHERE deleted = FALSE")
_JSON_COLUMNS = ("active_municipalities", "sectors", "languages")


def _walk(session: Session) -> str:
    return "id" if is_postgresql(session) else "rowid"


def _organisations_sql(session: Session) -> str:
    return f"SELECT {_walk(session)} AS row_number, {_COLUMNS}"


def _first(session: Session) -> int | str:
    """The chunks' walk starts after this."""
    return "" if is_postgresql(session) else 0


def _sector_labels() -> dict[str, str]:
    """Every sector's label in every language, so a search works whatever the interface language."""
    return {
        sector.value: " ".join(translate_in(lang, LABELS[(Sector, sector.value)]) for lang in LANGUAGES)
        for sector in Sector
    }


class _Context:
    """What every document needs, read once per reindex."""

    def __init__(self, session: Session) -> None:
        self.municipalities: dict[str, tuple[str, str]] = {
            code: (name_fi, name_sv)
            for code, name_fi, name_sv in session.execute(
                text("SELECT code, name_fi, name_sv FROM municipality"))
        }
        self.sectors = _sector_labels()
        # A public partner is found by its kind too ("kunta", "församling"); organisations
        # are most of the register, and "organisation" in every document would find them all.
        self.kinds = {
            kind.value: " ".join(translate_in(lang, LABELS[(OrganisationKind, kind.value)])
                                 for lang in LANGUAGES)
            for kind in OrganisationKind if kind != OrganisationKind.ORGANISATION
        }

    def place(self, code: str | None) -> str:
        return " ".join(self.municipalities.get(code or "", ()))


def _organisations(session: Session, hex_ids: list[str]) -> list[dict[str, Any]]:
    """The organisations of ``hex_ids`` (not deleted)."""
    result = session.execute(
        text(f"{_organisations_sql(session)} AND id IN ({values_sql(session)})"),
        {"ids": values_param(session, hex_ids)})
    names = list(result.keys())
    rows = []
    for row in result:
        org = dict(zip(names, row, strict=True))
        for name in _JSON_COLUMNS:
            org[name] = json_value(org[name]) or []
        rows.append(org)
    return rows


# Contact names and activity titles: (the column of their organisation, the query).
_TEXT_QUERIES = (
    ("r.organisation_id", "SELECT r.organisation_id, p.name FROM representation r "
     "JOIN contact_person p ON p.id = r.contact_id WHERE r.deleted = FALSE AND p.deleted = FALSE"),
    ("organisation_id", "SELECT organisation_id, title FROM activity WHERE deleted = FALSE"),
)


def _texts(session: Session, hex_ids: list[str] | None) -> dict[str, list[str]]:
    """The texts of each organisation of ``hex_ids`` or of all (hex id -> texts)."""
    found: dict[str, list[str]] = {}
    for column, query in _TEXT_QUERIES:
        params = {}
        if hex_ids is not None:
            query += f" AND {column} IN ({values_sql(session)})"
            params["ids"] = values_param(session, hex_ids)
        for org_id, value in session.execute(text(query), params).all():  # all: one fetch
            found.setdefault(org_id, []).append(value)
    return found


def _document(org: dict[str, Any], context: _Context, texts: list[str]) -> str:
    parts = [org["name_fi"], org["name_sv"], org["abbreviation"], org["business_id"],
             org["register_number"], context.place(org["domicile_code"]),
             *(context.place(code) for code in org["active_municipalities"]),
             *(context.sectors.get(code, code) for code in org["sectors"]),
             context.kinds.get(org.get("kind") or "", ""),
             *texts]
    # Each text once (the domicile is usually among the active municipalities too); the final
    # space lets a two-character word at the end be found as a trigram.
    return " ".join(dict.fromkeys(p.casefold() for p in parts if p)) + " "


def _all_organisations(session: Session) -> Iterator[list[dict[str, Any]]]:
    """Every organisation (not deleted), in chunks of ``_CHUNK``."""
    after = _first(session)
    parsed: dict[str, list[str]] = {}  # the few distinct lists of codes, each read once
    walk = _walk(session)
    while True:
        result = session.execute(text(
            f"{_organisations_sql(session)} AND {walk} > :after ORDER BY {walk} LIMIT :n"),
            {"after": after, "n": _CHUNK})
        names = list(result.keys())
        chunk = []
        for row in result.all():
            org = dict(zip(names, row, strict=True))
            for name in _JSON_COLUMNS:
                value = org[name]
                if not value:
                    org[name] = []
                elif not isinstance(value, str):  # psycopg has read it already
                    org[name] = value
                else:
                    if value not in parsed:
                        parsed[value] = json.loads(value)
                    org[name] = parsed[value]
            chunk.append(org)
        if not chunk:
            return
        after = chunk[-1]["row_number"]
        yield chunk


def reindex(session: Session, ids: Iterable[uuid.UUID] | None = None) -> None:
    """Rewrite the index and listing rows of ``ids`` (or of everything) from the current data.

    Organisations that are deleted (or unknown) leave both.
    """
    hex_ids = None if ids is None else list(dict.fromkeys(org_id.hex for org_id in ids))
    if hex_ids is not None and _many(session, len(hex_ids)):
        hex_ids = None  # one pass over everything is quicker than looking each one up
    writer = _Writer(session)
    if hex_ids is None:
        session.execute(text(f"DELETE FROM {TABLE}"))
        session.execute(text(f"DELETE FROM {listing.TABLE}"))
        writer.next_id = 1
        with _large_segments(session), cycle_collection_paused():
            # Every text in two passes over the tables: looking them up per organisation, in
            # the same query as the organisations or by lists of ids, costs twice as much.
            texts = _texts(session, None)
            for chunk in _all_organisations(session):
                writer.write(chunk, {}, texts)
        # Planned from the statistics of before, the first searches scan the whole listing.
        refresh_statistics(session.connection(), TABLE, listing.TABLE)
    else:
        for start in range(0, len(hex_ids), _CHUNK):
            part = hex_ids[start:start + _CHUNK]
            # An organisation keeps its listing id (its document's rowid); deleted ones leave.
            old = listing.listing_ids(session, part)
            if old:
                session.execute(
                    text(f"DELETE FROM {TABLE} WHERE rowid IN ({values_sql(session, kind='bigint')})"),
                    {"ids": values_param(session, old.values())})
                listing.remove(session, list(old.values()))
            writer.write(_organisations(session, part), old)
    writer.finish()


# On PostgreSQL a document carries its names' sort keys (migration 0015, ``listing._keyed_ids``).
_COLUMNS_WRITTEN = ("rowid", "doc")
_KEYED_COLUMNS = (*_COLUMNS_WRITTEN, "org_id", "name_key_fi", "name_key_sv")


class _Writer:
    """Writes documents and listing rows, and extends the alphabet by what they hold."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.context = _Context(session)
        self.next_id = listing.next_id(session)
        self.known = alphabet(session)
        self.alphabet = set(self.known)
        self.columns = _KEYED_COLUMNS if is_postgresql(session) else _COLUMNS_WRITTEN

    def write(self, orgs: list[dict[str, Any]], listing_ids: dict[str, int],
              texts: dict[str, list[str]] | None = None) -> None:
        if not orgs:
            return
        if texts is None:
            texts = _texts(self.session, [org["id"] for org in orgs])
        rows: list[dict[str, Any]] = []
        docs: list[tuple[Any, ...]] = []
        for org in orgs:
            listing_id = listing_ids.get(org["id"])
            if listing_id is None:
                listing_id, self.next_id = self.next_id, self.next_id + 1
            doc = _document(org, self.context, texts.get(org["id"], []))
            self.alphabet.update(doc)
            row = listing.listing_row(org, listing_id, self.context.municipalities)
            rows.append(row)
            docs.append((listing_id, doc, row["org_id"], row["name_key_fi"],
                         row["name_key_sv"])[:len(self.columns)])
        listing.write_rows(self.session, rows)
        insert_rows(self.session.connection(), TABLE, self.columns, docs)

    def finish(self) -> None:
        if self.alphabet != set(self.known):
            self.session.execute(
                text("INSERT INTO meta (key, value) VALUES (:key, :value) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                {"key": ALPHABET_KEY, "value": "".join(sorted(self.alphabet))},
            )


def alphabet(session: Session) -> str:
    """Every character that occurs in a document (it may hold some that no longer do)."""
    value = session.execute(text("SELECT value FROM meta WHERE key = :key"),
                            {"key": ALPHABET_KEY}).scalar()
    return value or ""


def refresh(session: Session, changes: Changes) -> None:
    """Bring the index and listing up to date with ``changes`` now rather than at the end of
    the operation (a bulk import, under its large page cache); the operation's own update then
    finds nothing left to do, unless more changes follow. When the changes are many for the
    size of the register, everything is rebuilt: one pass over the tables is quicker than
    looking up each changed record's organisations.
    """
    changed = sum(len(ids) for kind in ("inserted", "updated", "deleted")
                  for table, ids in getattr(changes, kind).items() if table in _INDEXED_TABLES)
    if _many(session, changed):
        reindex(session)
    else:
        touched = affected_organisations(session, changes)
        if touched:
            reindex(session, touched)
    session.info[_FRESH] = (changes, changes.version)


# The tables a document is made of; past 1/_REBUILD_SHARE of the organisations' count of
# their records changed (and at least _REBUILD_FLOOR), ``refresh`` rebuilds everything.
_INDEXED_TABLES = frozenset({"organisation", "activity", "representation", "contact_person"})
_REBUILD_SHARE = 4
_REBUILD_FLOOR = _CHUNK
_FRESH = "search.fresh"  # session.info: the changes (and their version) the index reflects


def _many(session: Session, count: int) -> bool:
    """Is ``count`` (organisations or records changed) enough to rebuild everything?"""
    return count >= _REBUILD_FLOOR and count * _REBUILD_SHARE >= int(
        session.execute(text("SELECT count(*) FROM organisation")).scalar_one())


# FTS5 writes its pending terms out as a new segment each time they fill this many bytes
# (1 MiB by default), and merges the segments as it goes; a rebuild writes fewer, larger ones.
_REBUILD_HASH_BYTES = 64 << 20


@contextmanager
def _large_segments(session: Session) -> Iterator[None]:
    if is_postgresql(session):
        yield
        return
    config = f"{TABLE}_config"
    previous = session.execute(text(f"SELECT v FROM {config} WHERE k = 'hashsize'")).scalar()
    set_size = text(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('hashsize', :size)")
    session.execute(set_size, {"size": _REBUILD_HASH_BYTES})
    yield
    session.execute(set_size, {"size": 1 << 20 if previous is None else previous})


def affected_organisations(session: Session, changes: Changes) -> set[uuid.UUID]:
    """Organisations whose document an operation's changes may have altered (none when
    ``refresh`` has indexed them all already)."""
    fresh = session.info.get(_FRESH)
    if fresh is not None and fresh[0] is changes and fresh[1] == changes.version:
        return set()
    ids: set[uuid.UUID] = set()
    changed: dict[str, set[uuid.UUID]] = {}
    for kind in ("inserted", "updated", "deleted"):
        for table, table_ids in getattr(changes, kind).items():
            changed.setdefault(table, set()).update(table_ids)
    ids |= changed.get("organisation", set())
    for table, key in (("activity", "id"), ("representation", "id"),
                       ("contact_person", "contact_id")):
        hex_ids = [record_id.hex for record_id in changed.get(table, ())]
        source = "activity" if table == "activity" else "representation"
        for start in range(0, len(hex_ids), _CHUNK):
            found = session.execute(
                text(f"SELECT organisation_id FROM {source} WHERE {key} IN ({values_sql(session)})"),
                {"ids": values_param(session, hex_ids[start:start + _CHUNK])},
            )
            ids |= {uuid.UUID(hex=row[0]) for row in found}
    return ids


def match_condition(session: Session, query: str) -> tuple[str, dict[str, str]] | None:
    """The condition on the documents (``listing.SEARCH_TABLE``) that contain every word of
    ``query`` (substring, casefolded), with its parameters; None for a query without words."""
    words = list(dict.fromkeys(query.casefold().split()))
    if not words:
        return None
    if is_postgresql(session):
        return _like_condition(words)
    phrases, clauses, params = [], [], {}
    letters = None
    for n, word in enumerate(words):
        if len(word) >= _TRIGRAM:
            # A phrase of trigrams: FTS5 finds it through the index, even in the middle of a word.
            phrases.append(_phrase(word))
        elif len(word) == _TRIGRAM - 1:
            letters = alphabet(session) if letters is None else letters
            if not letters:
                return "0", {}  # an empty index
            phrases.append("(" + " OR ".join(_phrase(word + c) for c in letters) + ")")
        else:
            clauses.append(f"instr(doc, :w{n}) > 0")
            params[f"w{n}"] = word
    if phrases:
        clauses.insert(0, f"{TABLE} MATCH :expression")
        params["expression"] = " AND ".join(phrases)
    return " AND ".join(clauses), params


def scans_every_document(session: Session, query: str) -> bool:
    """Does the search for ``query`` read every document (no word long enough for the index)?"""
    shortest = _TRIGRAM if is_postgresql(session) else _TRIGRAM - 1
    words = query.casefold().split()
    return bool(words) and all(len(word) < shortest for word in words)


def _like_condition(words: list[str]) -> tuple[str, dict[str, str]]:
    """PostgreSQL: each word a LIKE pattern (``\\`` escapes), served by the trigram index."""
    params = {}
    for n, word in enumerate(words):
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"w{n}"] = f"%{escaped}%"
    return " AND ".join(f"doc LIKE :w{n}" for n in range(len(words))), params


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def matching_ids(session: Session, query: str) -> list[uuid.UUID]:
    """Organisations whose document contains every word of ``query`` (substring, casefolded)."""
    found = match_condition(session, query)
    if found is None:
        return []
    condition, params = found
    rows = session.execute(text(f"SELECT org_id FROM {listing.TABLE} WHERE id IN "
                                f"(SELECT rowid FROM {TABLE} WHERE {condition})"), params)
    return [uuid.UUID(hex=row[0]) for row in rows]
