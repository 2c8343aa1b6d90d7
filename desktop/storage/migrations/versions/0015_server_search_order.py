"""Server search order: the search documents carry their names' sort keys on PostgreSQL

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

On PostgreSQL a search sorted by name (what the register view shows as one types) read each
match's listing row through a join, a probe of an index per row; with the keys beside the
document, the page is one table's rows, walked along its own name index or sorted in a block
(``storage.listing``). Derived data like the rest of the index. Nothing changes on SQLite.
"""

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_KEYS = ("org_id", "name_key_fi", "name_key_sv")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # Compared byte by byte, as the listing's keys are.
    for column in _KEYS:
        op.execute(f"ALTER TABLE organisation_search ADD COLUMN {column} TEXT COLLATE \"C\" "
                   "NOT NULL DEFAULT ''")
    op.execute("UPDATE organisation_search s SET org_id = l.org_id, name_key_fi = l.name_key_fi, "
               "name_key_sv = l.name_key_sv FROM organisation_listing l WHERE l.id = s.rowid")
    for language in ("fi", "sv"):
        op.execute(f"CREATE INDEX ix_organisation_search_name_{language} ON organisation_search "
                   f"(name_key_{language}, org_id)")
    # A Kumppani of before this revision, still running when the server was upgraded, writes a
    # document without its keys (its listing row first, as every version does): they are
    # copied from there, so that its organisation still sorts in its place.
    op.execute(
        "CREATE FUNCTION organisation_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN SELECT l.org_id, l.name_key_fi, l.name_key_sv "
        "INTO NEW.org_id, NEW.name_key_fi, NEW.name_key_sv "
        "FROM organisation_listing l WHERE l.id = NEW.rowid; RETURN NEW; END $$")
    op.execute("CREATE TRIGGER organisation_search_keys BEFORE INSERT ON organisation_search "
               "FOR EACH ROW WHEN (NEW.org_id = '') EXECUTE FUNCTION organisation_search_keys()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER organisation_search_keys ON organisation_search")
    op.execute("DROP FUNCTION organisation_search_keys()")
    for language in ("fi", "sv"):
        op.execute(f"DROP INDEX ix_organisation_search_name_{language}")
    for column in _KEYS:
        op.execute(f"ALTER TABLE organisation_search DROP COLUMN {column}")
