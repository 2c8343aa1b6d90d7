"""The register listing: what the register view shows of each organisation, with sort keys.

One row per organisation that is not deleted, so that the view asks the database for one
screenful at a time — searched, filtered and sorted in SQL — instead of loading the register
into Python.
The rows are derived data: ``search.reindex`` rewrites them in the same transaction as the
change (and rebuilds them all when the index version changes); they never travel in sync.

The row's ``id`` is also the rowid of the organisation's search document, so that the search
joins the listing, and a document is replaced, through an integer key.

Names sort as in Finnish and Swedish (å, ä, ö after z; case, other accents and ü ~ y as in
CLDR's fi and sv collations) through precomputed keys (:func:`sort_key`) that the database
compares byte by byte (SQLite's BINARY, PostgreSQL's COLLATE "C"), so the default order is an
index walk.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.storage import short_words
from desktop.storage.dialect import (
    insert_rows,
    is_postgresql,
    json_value,
    values_param,
    values_sql,
)
from desktop.storage.models.enums import Sector

TABLE = "organisation_listing"
# The search documents (``storage.search``); a document's rowid is its organisation's listing id.
SEARCH_TABLE = "organisation_search"

# The view's sortable columns, in the order the view shows them.
SORT_COLUMNS = ("name", "other_name", "business_id", "domicile", "sectors", "status", "kind")

# The kind filter's value for every public partner (any kind but an organisation).
PUBLIC_PARTNERS = "public"

# Each sector as one letter, in enum order, so that a list of sectors sorts by its labels: the
# query maps the letters to the ranks of the labels in the user's language (``_sectors_order``).
# Bump ``search.INDEX_VERSION`` when the members of Sector change.
SECTOR_LETTERS = {sector.value: chr(ord("A") + n) for n, sector in enumerate(Sector)}

# å, ä and ö (æ and ø as ä and ö) after z; the ASCII characters that follow z are punctuation
# in names and give their places up. ü is y, as in both alphabets.
_AFTER_Z = str.maketrans({"{": "!", "|": "!", "}": "!", "~": "!",
                          "å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})

_COLUMNS = ("id", "org_id", "name_fi", "name_sv", "business_id", "domicile_code", "status",
            "sectors", "languages", "sector_order", "name_key_fi", "name_key_sv", "other_key_fi",
            "other_key_sv", "domicile_key_fi", "domicile_key_sv", "kind")


def sort_key(value: str) -> str:
    """A key whose binary order is the Finnish and Swedish alphabetical order of ``value``."""
    folded = unicodedata.normalize("NFC", value).casefold().translate(_AFTER_Z)
    if folded.isascii():
        return folded
    # Other accents are not letters of their own: é is e, ç is c.
    return "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))


def name_pairs(name_fi: str, name_sv: str) -> dict[str, tuple[str, str]]:
    """(shown name, name in the other language) for a Finnish ("fi") and a Swedish ("sv") user.

    The name in the user's language comes first, the other is the fallback; English users see
    the Finnish names.
    """
    result = {}
    for language, first, second in (("fi", name_fi, name_sv), ("sv", name_sv, name_fi)):
        shown = first or second
        other = second if first and second != first else ""
        result[language] = (shown, other)
    return result


def names_language(language: str) -> str:
    """Whose names and keys a user of ``language`` sees: Swedish names for sv, else Finnish."""
    return "sv" if language == "sv" else "fi"


def listing_row(row: Mapping[str, Any], listing_id: int,
                municipalities: Mapping[str, tuple[str, str]]) -> dict[str, Any]:
    """The listing row of an organisation (``row``: its columns as stored, the JSON ones read)."""
    pairs = name_pairs(row["name_fi"], row["name_sv"])
    domicile = municipalities.get(row["domicile_code"] or "", ("", ""))
    sectors = row["sectors"]
    return {
        "id": listing_id,
        "org_id": row["id"],
        "name_fi": row["name_fi"],
        "name_sv": row["name_sv"],
        "business_id": row["business_id"],
        "domicile_code": row["domicile_code"],
        "status": row["status"],
        "sectors": _codes_json(sectors),
        "languages": _codes_json(row["languages"]),
        "sector_order": _sector_order(sectors),
        "name_key_fi": sort_key(pairs["fi"][0]),
        "name_key_sv": sort_key(pairs["sv"][0]),
        "other_key_fi": sort_key(pairs["fi"][1]),
        "other_key_sv": sort_key(pairs["sv"][1]),
        "domicile_key_fi": _place_key(domicile[0]),
        "domicile_key_sv": _place_key(domicile[1]),
        "kind": row.get("kind") or "organisation",
    }


# A register has a few hundred places and a few hundred lists of codes, each met by thousands
# of organisations when the listing is rebuilt: each is worked out once.
_place_key = functools.lru_cache(maxsize=4096)(sort_key)


def _per_list(function: Callable[[tuple[Any, ...]], str]) -> Callable[[Sequence[Any]], str]:
    """``function`` worked out once per distinct list of codes (strings: a JSON column may
    hold anything, and anything else is worked out each time)."""
    cached = functools.lru_cache(maxsize=4096)(function)

    def call(codes: Sequence[Any]) -> str:
        key = tuple(codes)
        return cached(key) if all(type(code) is str for code in key) else function(key)
    return call


@_per_list
def _codes_json(codes: tuple[Any, ...]) -> str:
    return json.dumps(list(codes))


@_per_list
def _sector_order(codes: tuple[Any, ...]) -> str:
    return "".join(SECTOR_LETTERS.get(code, "") if type(code) is str else "" for code in codes)


def write_rows(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    # Straight to the driver: SQLAlchemy's handling of 100,000 parameter sets costs more.
    insert_rows(session.connection(), TABLE, _COLUMNS,
                [tuple(row[column] for column in _COLUMNS) for row in rows])


def listing_ids(session: Session, org_ids: Sequence[str]) -> dict[str, int]:
    """org_id (hex) -> listing id, for those of ``org_ids`` that are listed."""
    found = session.execute(
        text(f"SELECT org_id, id FROM {TABLE} WHERE org_id IN ({values_sql(session)})"),
        {"ids": values_param(session, org_ids)},
    )
    return {org_id: listing_id for org_id, listing_id in found}


def remove(session: Session, listing_ids_: Sequence[int]) -> None:
    if listing_ids_:
        session.execute(
            text(f"DELETE FROM {TABLE} WHERE id IN ({values_sql(session, kind='bigint')})"),
            {"ids": values_param(session, listing_ids_)})


def next_id(session: Session) -> int:
    return int(session.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {TABLE}")).scalar_one())


# -- reading: what the view asks for ------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """Which organisations: the search's condition on the documents (or None) and the filters."""

    search_condition: str | None = None
    search_params: Mapping[str, Any] | None = None
    search_scans: bool = False  # the search reads every document (no index serves a word)
    short_word: str = ""  # the search's only word, when its count is kept (``short_words``)
    municipality: str = ""
    sector: str = ""
    language: str = ""
    status: str = ""
    kind: str = ""  # an OrganisationKind code, or PUBLIC_PARTNERS

    @property
    def search_sql(self) -> str | None:
        """SQL selecting the rowids (listing ids) of the search's matches."""
        if self.search_condition is None:
            return None
        return f"SELECT rowid FROM {SEARCH_TABLE} WHERE {self.search_condition}"

    @property
    def filters(self) -> bool:
        return bool(self.municipality or self.sector or self.language or self.status or self.kind)

    def sql(self, walk: bool = False, postgresql: bool = False) -> tuple[str, dict[str, Any]]:
        """The WHERE clause and its parameters. ``walk``: keep SQLite from looking the search's
        matches up one by one (and then sorting them all), so that it walks an index instead."""
        clauses, params = [], dict(self.search_params or {})
        if self.search_sql is not None:
            clauses.append(f"{'+' if walk else ''}l.id IN ({self.search_sql})")
        if self.municipality:
            clauses.append("l.domicile_code = :f_municipality")
            params["f_municipality"] = self.municipality
        if self.sector:
            # The JSON list of codes holds "code" with its quotes only as a whole element.
            clauses.append(f"{_find(postgresql)}(l.sectors, :f_sector) > 0")
            params["f_sector"] = json.dumps(self.sector)
        if self.language:
            clauses.append(f"{_find(postgresql)}(l.languages, :f_language) > 0")
            params["f_language"] = json.dumps(self.language)
        if self.status:
            clauses.append("l.status = :f_status")
            params["f_status"] = self.status
        if self.kind == PUBLIC_PARTNERS:
            clauses.append("l.kind <> 'organisation'")
        elif self.kind:
            clauses.append("l.kind = :f_kind")
            params["f_kind"] = self.kind
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _find(postgresql: bool) -> str:
    return "strpos" if postgresql else "instr"


@dataclass(frozen=True)
class Order:
    """How the rows are sorted: a column of ``SORT_COLUMNS`` in the user's language.

    ``sector_ranks`` and ``status_ranks`` give each code the place of its label in the user's
    language, for the sectors and status columns. Descending is the ascending order reversed.
    """

    column: str = "name"
    descending: bool = False
    language: str = "fi"
    sector_ranks: Mapping[str, int] | None = None
    status_ranks: Mapping[str, int] | None = None
    kind_ranks: Mapping[str, int] | None = None

    def sql(self) -> str:
        names = names_language(self.language)
        name = f"l.name_key_{names}"
        if self.column == "name":
            keys = [name]
        elif self.column == "other_name":
            keys = [f"l.other_key_{names}", name]
        elif self.column == "business_id":
            keys = ["l.business_id", name]
        elif self.column == "domicile":
            keys = [f"l.domicile_key_{names}", name]
        elif self.column == "sectors":
            keys = [_sectors_order(self.sector_ranks or {}), name]
        elif self.column == "status":
            keys = [_ranked("l.status", self.status_ranks or {}), name]
        elif self.column == "kind":
            keys = [_ranked("l.kind", self.kind_ranks or {}), name]
        else:
            raise ValueError(f"not a sortable column: {self.column}")
        direction = " DESC" if self.descending else ""
        return " ORDER BY " + ", ".join(f"{key}{direction}" for key in [*keys, "l.org_id"])


def _ranked(column: str, ranks: Mapping[str, int]) -> str:
    # The codes are enum values, never user text: safe to write into the SQL.
    cases = " ".join(f"WHEN '{code}' THEN {rank}" for code, rank in ranks.items())
    return f"CASE {column} {cases} ELSE {len(ranks)} END" if cases else column


def _sectors_order(ranks: Mapping[str, int]) -> str:
    # The labels of the first two sectors decide (then the name): a CASE per letter is a third
    # of the work of mapping every letter of the list.
    def letter(position: int) -> str:
        cases = " ".join(f"WHEN '{letter}' THEN '{chr(ord('a') + ranks.get(code, len(ranks)))}'"
                         for code, letter in SECTOR_LETTERS.items())
        return f"CASE substr(l.sector_order, {position}, 1) {cases} ELSE '' END"

    return f"({letter(1)} || {letter(2)})"


_SELECT = (
    "SELECT l.id, l.org_id, l.name_fi, l.name_sv, l.business_id, l.domicile_code, m.name_fi, "
    f"m.name_sv, l.sectors, l.languages, l.status, l.kind FROM {TABLE} l "
    "LEFT JOIN municipality m ON m.code = l.domicile_code"
)
# Below this many matches a search's rows are sorted; above it, walking the name index until a
# page is full is quicker (a match is then at least every fiftieth row).
_DENSE = 2000
# A search's page by name on PostgreSQL (``_keyed_ids``) walks this many documents first, and
# then as far as the page seems to be (with a margin), when that is at most _WALK_MAX; walking
# a document costs about what finding, fetching and sorting a match does in 25 documents.
_SAMPLE = 1000
_WALK_MAX = 8000
_MARGIN = 1.3


@dataclass(frozen=True)
class ListedOrganisation:
    """One row as stored; the services turn it into what the view shows."""

    org_id: str
    name_fi: str
    name_sv: str
    business_id: str
    domicile_code: str
    domicile_fi: str
    domicile_sv: str
    sectors: tuple[str, ...]
    languages: tuple[str, ...]
    status: str
    kind: str = "organisation"


def page(session: Session, where: Where, order: Order, offset: int, limit: int
         ) -> list[ListedOrganisation]:
    """The rows ``offset`` … ``offset + limit - 1`` of the sorted selection."""
    ids = _ids(session, where, order, offset, limit, "l.id")
    if not ids:
        return []
    # Sorting and skipping only the ids keeps the rows passed over from being read.
    rows = session.execute(
        text(f"{_SELECT} WHERE l.id IN ({values_sql(session, kind='bigint')})"),
        {"ids": values_param(session, ids)}).all()
    found = {
        listing_id: ListedOrganisation(
            org_id, name_fi, name_sv, business_id, domicile_code or "", domicile_fi or "",
            domicile_sv or "", _codes(sectors), _codes(languages), status, kind)
        for (listing_id, org_id, name_fi, name_sv, business_id, domicile_code, domicile_fi,
             domicile_sv, sectors, languages, status, kind) in rows
    }
    return [found[listing_id] for listing_id in ids if listing_id in found]


def _codes(value: Any) -> tuple[str, ...]:
    """A listing's list of codes (a JSON column read with raw SQL) as a tuple."""
    return _parsed_codes(value) if isinstance(value, str) else tuple(value)


@functools.lru_cache(maxsize=4096)
def _parsed_codes(value: str) -> tuple[str, ...]:
    # A register has few combinations of sectors and of languages: each is parsed once.
    return tuple(json_value(value))


def org_ids(session: Session, where: Where, order: Order, offset: int, limit: int) -> list[str]:
    """Only the org_ids (hex) of :func:`page`'s rows."""
    return _ids(session, where, order, offset, limit, "l.org_id")


def _ids(session: Session, where: Where, order: Order, offset: int, limit: int,
         column: str) -> list[Any]:
    postgresql = is_postgresql(session)
    if postgresql and where.search_sql is not None:
        return _server_ids(session, where, order, offset, limit, column)
    # The walk is a hint to SQLite's planner.
    walk = where.search_sql is not None and order.column == "name" and _dense(session, where)
    condition, params = where.sql(walk, postgresql)
    rows = session.execute(
        text(f"SELECT {column} FROM {TABLE} l{condition}{order.sql()} LIMIT :limit OFFSET :offset"),
        {**params, "limit": max(0, limit), "offset": max(0, offset)},
    )
    return [row[0] for row in rows]


def _server_ids(session: Session, where: Where, order: Order, offset: int, limit: int,
                column: str) -> list[Any]:
    """A search's page on PostgreSQL (by name and unfiltered: ``_keyed_ids``). Its planner
    estimates a LIKE pattern's matches from a sample of the documents, and a rare word that
    seemed common walked an index through the whole listing (hundreds of milliseconds), a common
    one that seemed rare sorted all its matches. The first matches tell which it is: fewer than
    ``_DENSE``, and their ids are the page's to sort; more, and the planner chooses."""
    keyed = order.column == "name" and not where.filters
    # The walks along a name index are the planner's only choice.
    _plan_search(session, walk=keyed)
    if keyed:
        return _keyed_ids(session, where, order, offset, limit, column)
    found = [row[0] for row in session.execute(
        text(f"{where.search_sql} LIMIT {_DENSE}"), dict(where.search_params or {}))]
    if len(found) < _DENSE:
        rest, params = replace(where, search_condition=None, search_params=None).sql(postgresql=True)
        condition = (" WHERE l.id = ANY(CAST(:found AS integer[]))"
                     + rest.replace(" WHERE ", " AND ", 1))
        params["found"] = found
    else:
        condition, params = where.sql(postgresql=True)
    rows = session.execute(
        text(f"SELECT {column} FROM {TABLE} l{condition}{order.sql()} LIMIT :limit OFFSET :offset"),
        {**params, "limit": max(0, limit), "offset": max(0, offset)},
    )
    return [row[0] for row in rows]


def _keyed_ids(session: Session, where: Where, order: Order, offset: int, limit: int,
               column: str) -> list[Any]:
    """A search's page by name on PostgreSQL, from the documents alone: they carry their names'
    sort keys (migration 0015), so no match is looked up in the listing.

    A common word fills its page soon when the documents are walked in name order; a rarer
    one's matches are quicker found all through the trigram index and sorted here. A short
    walk tells which it is: its share of matches says how far a full page is, and a page too
    far away is sorted instead."""
    search = _KeyedSearch(session, where, order, "rowid" if column == "l.id" else "org_id")
    start, stop = max(0, offset), max(0, offset) + max(0, limit)
    if stop == start:
        return []
    walked = search.walk(_SAMPLE, stop)
    if len(walked) < stop and len(walked) * _WALK_MAX >= stop * _SAMPLE:
        walked = search.walk(int(stop * _SAMPLE * _MARGIN / len(walked)) + 1, stop)
    if len(walked) == stop:
        return walked[start:]
    return search.sorted()[start:stop]


class _KeyedSearch:
    """The two ways of ``_keyed_ids``, over the documents' own columns."""

    def __init__(self, session: Session, where: Where, order: Order, wanted: str) -> None:
        self.session, self.wanted, self.descending = session, wanted, order.descending
        self.key = f"name_key_{names_language(order.language)}"
        direction = " DESC" if order.descending else ""
        self.order_by = f" ORDER BY {self.key}{direction}, org_id{direction}"
        self.condition, self.params = where.search_condition, dict(where.search_params or {})

    def walk(self, documents: int, stop: int) -> list[Any]:
        """The first ``stop`` matches among the first ``documents`` documents in order."""
        return [row[0] for row in self.session.execute(
            text(f"SELECT {self.wanted} FROM (SELECT rowid, org_id, {self.key}, doc "
                 f"FROM {SEARCH_TABLE}{self.order_by} LIMIT :documents) AS walked "
                 f"WHERE {self.condition}{self.order_by} LIMIT :stop"),
            {**self.params, "documents": documents, "stop": stop})]

    def sorted(self) -> list[Any]:
        """Every match, in order: Python orders strings as "C" does, by code point."""
        found = self.session.execute(
            text(f"SELECT {self.wanted}, {self.key}, org_id FROM {SEARCH_TABLE} "
                 f"WHERE {self.condition}"), self.params)
        return [row[0] for row in sorted(found, key=lambda row: (row[1], row[2]),
                                         reverse=self.descending)]


def _plan_search(session: Session, *, walk: bool = False, scan: bool = False) -> None:
    """PostgreSQL: plan the rest of this transaction's search for its words. psycopg prepares a
    query run five times, and the server's plan for any pattern then read the whole trigram
    index for two letters; the default costs joined a few matches to the whole listing by
    hashing, and parallel workers take longer to start than a page of a small, cached table.
    ``walk``: only walking an index may give the order. ``scan``: every document is read (a
    word too short for the trigram index), which the server's parallel workers share."""
    session.execute(text(
        "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
        "set_config('random_page_cost', '1.1', true), "
        f"set_config('max_parallel_workers_per_gather', '{2 if scan else 0}', true), "
        f"set_config('parallel_setup_cost', '{100 if scan else 1000}', true), "
        f"set_config('enable_sort', '{'off' if walk else 'on'}', true)"))


def _dense(session: Session, where: Where) -> bool:
    if where.filters:
        condition, params = where.sql()
        sql = f"SELECT 1 FROM {TABLE} l{condition}"
    else:
        # The search alone: FTS5 stops after the first matches, without looking them up.
        sql, params = str(where.search_sql), dict(where.search_params or {})
    return int(session.execute(text(f"SELECT count(*) FROM ({sql} LIMIT {_DENSE}) AS found"), params)
               .scalar_one()) >= _DENSE


def count(session: Session, where: Where) -> int:
    if where.short_word and not where.filters:
        kept = short_words.documents_with(session, where.short_word)
        if kept is not None:
            return kept
    if where.search_sql is not None and is_postgresql(session):
        _plan_search(session, scan=where.search_scans)
    if where.search_sql is not None and not where.filters:
        # Every document has its listing row: the search alone counts.
        sql = f"SELECT count(*) FROM ({where.search_sql}) AS found"
        params = dict(where.search_params or {})
    else:
        condition, params = where.sql(postgresql=is_postgresql(session))
        sql = f"SELECT count(*) FROM {TABLE} l{condition}"
    return int(session.execute(text(sql), params).scalar_one())


def domicile_codes(session: Session) -> list[str]:
    """The municipalities of domicile that occur in the listing."""
    return [row[0] for row in session.execute(
        text(f"SELECT DISTINCT domicile_code FROM {TABLE} WHERE domicile_code IS NOT NULL"))]
