"""How many search documents hold a word of one or two characters, on PostgreSQL.

pg_trgm's index serves a word from three characters on; a shorter one, which every search
starts with as it is typed, is looked for in every document (the search's rows are still found
quickly: so many documents hold it that the first page is near the start of the name index).
Its count is kept in a table once someone has searched for it, and triggers keep the kept counts
exact as documents are written (migration 0016). A count is filled in a short transaction of
its own, so that it stays for every user after this search.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.storage.dialect import is_postgresql
from desktop.storage.roles import ServerRefusal

log = logging.getLogger(__name__)

TABLE = "organisation_search_short_word"
# Words of this many characters or more are served by the trigram index.
_TRIGRAM = 3


def word(session: Session, query: str) -> str:
    """The query's only word when it is too short for the trigram index, on PostgreSQL; else
    "" (its matches are counted as every search's are)."""
    words = set(query.casefold().split())
    if len(words) != 1 or not is_postgresql(session):
        return ""
    (only,) = words
    return only if len(only) < _TRIGRAM else ""


def documents_with(session: Session, short_word: str) -> int | None:
    """How many documents hold ``short_word`` (from :func:`word`), or None when it cannot be
    told from the kept counts now (a writer is changing them, or the server would not keep
    one): the caller then counts as every search does."""
    found = session.execute(text(f"SELECT documents FROM {TABLE} WHERE word = :word"),
                            {"word": short_word}).scalar()
    if found is not None:
        return int(found)
    try:
        # By itself, so that the lock it takes is let go at once.
        with session.get_bind().engine.connect() as connection:
            found = connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("SELECT organisation_search_short_word_count(:word)"),
                {"word": short_word}).scalar()
    except (DBAPIError, ServerRefusal):
        # E.g. a read-only transaction by default, or a server upgraded without init-server
        # run again (no right to count yet): searching must not depend on keeping a count.
        log.warning("the count of a short word was not kept", exc_info=True)
        return None
    return None if found is None else int(found)
