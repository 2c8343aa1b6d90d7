"""Short word counts: how many search documents hold a word of one or two characters, on PostgreSQL

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02

pg_trgm's index serves a word from three characters on; a shorter one (the first keystrokes of
every search) was counted by reading every document: 40-70 ms for a common pair of letters in a
register of 100,000. The count of such a word is kept in ``organisation_search_short_word``
once someone has searched for it (``storage.short_words``), and a trigger keeps every kept count
exact as documents are written, in the same transaction. Nothing changes on SQLite, whose FTS5
index serves two characters (see ``storage.search``).
"""

from alembic import op
from sqlalchemy import text

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

# The number of the advisory lock of the counts (see ``dialect.OPENING_LOCK``).
_LOCK = 1303
# A statement that writes more documents than this forgets the kept counts rather than
# adjusting each one (a rebuild of the index; the counts come back as they are searched for).
_MANY = 1000
# At most this many words are kept: every write of documents looks for each of them.
_KEPT = 2000
_FORGET = "DELETE FROM organisation_search_short_word; RETURN NULL;"
# Kumppani's group roles (``storage.roles``), which may count; nobody else may.
_GROUPS = ("kumppani_officer", "kumppani_secretary", "kumppani_readonly")


def _found(documents: str) -> str:
    return (f"(SELECT count(*) FROM {documents} t WHERE strpos(t.doc, s.word) > 0)")


def _changes(change: str) -> str:
    """The kept words whose counts a statement changes, in order, and by how much."""
    return (
        "SELECT array_agg(word ORDER BY word), array_agg(change ORDER BY word) "
        f"INTO words, changes FROM (SELECT s.word, {change} AS change "
        "FROM organisation_search_short_word s) d WHERE change <> 0;")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # The functions run as the schema's owner and find its tables there alone: a table a user
    # makes in their temporary schema (pg_temp, last) cannot stand in for one of them.
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar()
    path = f"SET search_path = {schema}, pg_temp"
    op.execute("CREATE TABLE organisation_search_short_word (word TEXT COLLATE \"C\" PRIMARY KEY, "
               "documents BIGINT NOT NULL)")
    # As the owner: the counts are derived data, which only the owner writes, whoever's edit
    # it follows. Writers take the lock shared, so that a count being filled (exclusively,
    # below) has their documents or waits for them. Kumppani writes at READ COMMITTED, which
    # this relies on: each statement here sees what was committed before it.
    op.execute(f"""
        CREATE FUNCTION organisation_search_short_words() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER {path} AS $$
        DECLARE
            words TEXT[];
            changes BIGINT[];
        BEGIN
            PERFORM pg_advisory_xact_lock_shared({_LOCK});
            IF NOT EXISTS (SELECT 1 FROM organisation_search_short_word) THEN RETURN NULL; END IF;
            IF TG_OP = 'TRUNCATE' THEN {_FORGET} END IF;
            -- Each event has only its own transition tables: one IF each.
            IF TG_OP <> 'DELETE' THEN
                IF (SELECT count(*) FROM new_docs) > {_MANY} THEN {_FORGET} END IF;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                IF (SELECT count(*) FROM old_docs) > {_MANY} THEN {_FORGET} END IF;
            END IF;
            IF TG_OP = 'INSERT' THEN {_changes(_found("new_docs"))}
            ELSIF TG_OP = 'DELETE' THEN {_changes("-" + _found("old_docs"))}
            ELSE {_changes(_found("new_docs") + " - " + _found("old_docs"))}
            END IF;
            IF words IS NULL THEN RETURN NULL; END IF;
            -- Locked in the words' order: two statements changing the same counts take turns
            -- rather than each holding one the other waits for.
            PERFORM 1 FROM organisation_search_short_word WHERE word = ANY (words)
                ORDER BY word FOR UPDATE;
            UPDATE organisation_search_short_word w SET documents = w.documents + d.change
                FROM unnest(words, changes) AS d (word, change) WHERE w.word = d.word;
            RETURN NULL;
        END $$""")
    for event, tables in (("INSERT", "NEW TABLE AS new_docs"),
                          ("UPDATE", "OLD TABLE AS old_docs NEW TABLE AS new_docs"),
                          ("DELETE", "OLD TABLE AS old_docs")):
        op.execute(f"CREATE TRIGGER organisation_search_short_words_{event.lower()} AFTER {event} "
                   f"ON organisation_search REFERENCING {tables} FOR EACH STATEMENT "
                   "EXECUTE FUNCTION organisation_search_short_words()")
    op.execute("CREATE TRIGGER organisation_search_short_words_truncate AFTER TRUNCATE "
               "ON organisation_search FOR EACH STATEMENT "
               "EXECUTE FUNCTION organisation_search_short_words()")
    # Counts a word of one or two characters and keeps its count: run by itself (autocommit),
    # so that a user who may only read keeps it for everyone. NULL when a writer holds the
    # lock (the caller then counts as before): it never waits for it, so a transaction that has
    # written documents itself cannot wait for its own commit. The documents' table is locked
    # first, as writers lock it before the advisory lock.
    op.execute(f"""
        CREATE FUNCTION organisation_search_short_word_count(wanted TEXT) RETURNS BIGINT
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        DECLARE
            found BIGINT;
        BEGIN
            IF length(wanted) NOT BETWEEN 1 AND 2 THEN RETURN NULL; END IF;
            LOCK TABLE organisation_search IN ACCESS SHARE MODE;
            IF NOT pg_try_advisory_xact_lock({_LOCK}) THEN RETURN NULL; END IF;
            SELECT documents INTO found FROM organisation_search_short_word WHERE word = wanted;
            IF found IS NOT NULL THEN RETURN found; END IF;
            SELECT count(*) INTO found FROM organisation_search WHERE strpos(doc, wanted) > 0;
            IF (SELECT count(*) FROM organisation_search_short_word) < {_KEPT} THEN
                INSERT INTO organisation_search_short_word (word, documents) VALUES (wanted, found);
            END IF;
            RETURN found;
        END $$""")
    op.execute("REVOKE EXECUTE ON FUNCTION organisation_search_short_word_count(TEXT) FROM PUBLIC")
    # A server set up already (``init_roles`` grants it from now on).
    groups = ", ".join(_GROUPS)
    names = ", ".join(f"'{group}'" for group in _GROUPS)
    op.execute(f"""
        DO $$ BEGIN
            IF (SELECT count(*) FROM pg_roles WHERE rolname IN ({names})) = {len(_GROUPS)} THEN
                GRANT EXECUTE ON FUNCTION organisation_search_short_word_count(TEXT) TO {groups};
            END IF;
        END $$""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for event in ("insert", "update", "delete", "truncate"):
        op.execute(f"DROP TRIGGER organisation_search_short_words_{event} ON organisation_search")
    op.execute("DROP FUNCTION organisation_search_short_words()")
    op.execute("DROP FUNCTION organisation_search_short_word_count(TEXT)")
    op.execute("DROP TABLE organisation_search_short_word")
