"""Grant facts: one row per live application with what the grant statistics count

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

Derived data, like the search index and the register listing: it never travels in sync, and
triggers on the grant tables and on the organisation's domicile (SQLite's, or PL/pgSQL functions
on PostgreSQL) rewrite an application's row in the same statement as the change. Triggers,
rather than the store's operation hook, because a sync import writes with SQLAlchemy Core (and
fast imports with the bare driver), bypassing the ORM; every path that writes rows fires them.

The row of an application: the year, funder and type of its call, its organisation (by an
integer key of ``grant_fact_organisation``) and that organisation's domicile, the cents applied
for, and from its live decision (the one with the lowest id, should concurrent copies each have
made one) whether it is decided (not cancelled), the cents granted (0 when cancelled) and the
cents paid by the decision's live payments. The county as funder and an unknown domicile are ''
(they are in the primary key). The key starts with year, municipality and grant, so that the
statistics by year × municipality read the rows in group order and each group's grants in the
order of their amount (the median) without sorting.
"""

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_COLUMNS = ("year, municipality, granted, application_id, organisation, funder, grant_type,"
            " applied, decided, paid")
_DECIDED = "(d.status IS NOT NULL AND d.status != 'cancelled')"
_ROWS = f"""
SELECT c.year, coalesce(o.domicile_code, ''), CASE WHEN {_DECIDED} THEN d.granted_cents ELSE 0 END,
       a.id, k.key, coalesce(c.funder_code, ''), c.grant_type, a.applied_cents,
       CASE WHEN {_DECIDED} THEN 1 ELSE 0 END,
       coalesce((SELECT sum(p.amount_cents) FROM grant_payment p
                 WHERE p.decision_id = d.id AND p.deleted = FALSE), 0)
FROM grant_application a
JOIN grant_call c ON c.id = a.call_id
JOIN organisation o ON o.id = a.organisation_id
JOIN grant_fact_organisation k ON k.organisation_id = a.organisation_id
LEFT JOIN grant_decision d ON d.id = (
    SELECT min(x.id) FROM grant_decision x WHERE x.application_id = a.id AND x.deleted = FALSE)
WHERE a.deleted = FALSE AND c.deleted = FALSE"""

# An organisation's integer key, given when it first applies: the organisations funded are
# counted (DISTINCT) per group, a third quicker over integers than over 32-digit ids.
def _keys(where: str) -> str:
    if _postgresql():
        return (f"INSERT INTO grant_fact_organisation (organisation_id) SELECT organisation_id"
                f" FROM grant_application WHERE {where} ON CONFLICT DO NOTHING")
    return (f"INSERT OR IGNORE INTO grant_fact_organisation (organisation_id)"
            f" SELECT organisation_id FROM grant_application WHERE {where}")


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _refresh(application: str, when: str = "TRUE") -> str:
    """Rewrite the row of one application (an id expression), when ``when`` holds."""
    return (f"DELETE FROM grant_fact WHERE application_id = {application} AND {when};\n"
            f"{_keys(f'id = {application} AND {when}')};\n"
            f"INSERT INTO grant_fact ({_COLUMNS}) {_ROWS} AND a.id = {application} AND {when};")


def _refresh_all(applications: str) -> str:
    """Rewrite the rows of the applications that the query ``applications`` selects."""
    return (f"DELETE FROM grant_fact WHERE application_id IN ({applications});\n"
            f"{_keys(f'id IN ({applications})')};\n"
            f"INSERT INTO grant_fact ({_COLUMNS}) {_ROWS} AND a.id IN ({applications});")


def _repay(decision: str, when: str = "TRUE") -> str:
    """Sum the payments of ``decision`` again, into its application's row when it is the
    decision that row counts. Only ``paid`` changes, outside the key: the cheapest rewrite, for
    the most numerous records of an import."""
    return (f"UPDATE grant_fact SET paid = (SELECT coalesce(sum(p.amount_cents), 0) "
            f"FROM grant_payment p WHERE p.decision_id = {decision} AND p.deleted = FALSE) "
            f"WHERE application_id = (SELECT application_id FROM grant_decision "
            f"WHERE id = {decision}) AND {when} AND {decision} = (SELECT min(x.id) "
            f"FROM grant_decision x WHERE x.application_id = grant_fact.application_id "
            f"AND x.deleted = FALSE);")


def _distinct(column: str) -> str:
    operator = "IS DISTINCT FROM" if _postgresql() else "IS NOT"
    return f"OLD.{column} {operator} NEW.{column}"


# PostgreSQL: users of one server write at once. A row's rewrite reads the call, the
# organisation, the decision and the payments that other transactions may be changing, and
# a rewrite racing another would fail on the row the other put back, or keep a sum that misses
# the other's payment. So the triggers take turns: each first waits for this lock, held until
# its transaction ends; the statements after it (at READ COMMITTED, the store's) then see what
# the one before committed. SQLite has one writer at a time anyway. (The number is the lock's
# name in the database, any one no other lock of ours uses.)
_TURNS = "PERFORM pg_advisory_xact_lock(1302);"


# (name, event, table, statements)
def _triggers() -> tuple[tuple[str, str, str, str], ...]:
    return (
        ("application_insert", "INSERT", "grant_application", _refresh("NEW.id")),
        ("application_update", "UPDATE OF call_id, organisation_id, applied_cents, deleted",
         "grant_application", _refresh("NEW.id")),
        ("application_delete", "DELETE", "grant_application",
         "DELETE FROM grant_fact WHERE application_id = OLD.id;"),
        ("call_update", "UPDATE OF year, funder_code, grant_type, deleted", "grant_call",
         _refresh_all("SELECT id FROM grant_application WHERE call_id = NEW.id")),
        ("call_delete", "DELETE", "grant_call",
         "DELETE FROM grant_fact WHERE application_id IN "
         "(SELECT id FROM grant_application WHERE call_id = OLD.id);"),
        # An organisation or a call is always inserted before its applications (foreign keys).
        ("organisation_update", "UPDATE OF domicile_code", "organisation",
         _refresh_all("SELECT id FROM grant_application WHERE organisation_id = NEW.id")),
        ("decision_insert", "INSERT", "grant_decision", _refresh("NEW.application_id")),
        ("decision_update", "UPDATE OF application_id, granted_cents, status, deleted",
         "grant_decision", _refresh("NEW.application_id") + "\n" + _refresh("OLD.application_id",
                                                                             _distinct("application_id"))),
        ("decision_delete", "DELETE", "grant_decision", _refresh("OLD.application_id")),
        ("payment_insert", "INSERT", "grant_payment", _repay("NEW.decision_id")),
        ("payment_update", "UPDATE OF decision_id, amount_cents, deleted", "grant_payment",
         _repay("NEW.decision_id") + "\n"
         + _repay("OLD.decision_id", _distinct("decision_id"))),
        ("payment_delete", "DELETE", "grant_payment", _repay("OLD.decision_id")),
    )


def upgrade() -> None:
    postgresql = _postgresql()
    op.execute(
        "CREATE TABLE grant_fact_organisation ("
        + (" key INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY," if postgresql
           else " key INTEGER PRIMARY KEY,") +
        " organisation_id CHAR(32) NOT NULL UNIQUE)"
    )
    op.execute(
        "CREATE TABLE grant_fact ("
        " year INTEGER NOT NULL,"
        " municipality VARCHAR(3) NOT NULL,"
        " granted BIGINT NOT NULL,"
        " application_id CHAR(32) NOT NULL,"
        " organisation INTEGER NOT NULL,"
        " funder VARCHAR(3) NOT NULL,"
        " grant_type VARCHAR(16) NOT NULL,"
        " applied BIGINT NOT NULL,"
        " decided INTEGER NOT NULL,"
        " paid BIGINT NOT NULL,"
        " PRIMARY KEY (year, municipality, granted, application_id)"
        ")" + ("" if postgresql else " WITHOUT ROWID")
    )
    op.execute("CREATE UNIQUE INDEX ix_grant_fact_application ON grant_fact (application_id)")
    for name, event, table, statements in _triggers():
        if postgresql:
            op.execute(f"CREATE FUNCTION grant_fact_{name}() RETURNS trigger LANGUAGE plpgsql AS "
                       f"$$ BEGIN\n{_TURNS}\n{statements}\nRETURN NULL; END $$")
            op.execute(f"CREATE TRIGGER grant_fact_{name} AFTER {event} ON {table} FOR EACH ROW "
                       f"EXECUTE FUNCTION grant_fact_{name}()")
        else:
            op.execute(f"CREATE TRIGGER grant_fact_{name} AFTER {event} ON {table} FOR EACH ROW "
                       f"BEGIN\n{statements}\nEND")
    op.execute(_keys("deleted = FALSE ORDER BY organisation_id"))
    op.execute(f"INSERT INTO grant_fact ({_COLUMNS}) {_ROWS}")


def downgrade() -> None:
    for name, _event, table, _statements in _triggers():
        if _postgresql():
            op.execute(f"DROP TRIGGER grant_fact_{name} ON {table}")
            op.execute(f"DROP FUNCTION grant_fact_{name}()")
        else:
            op.execute(f"DROP TRIGGER grant_fact_{name}")
    op.execute("DROP TABLE grant_fact")
    op.execute("DROP TABLE grant_fact_organisation")
