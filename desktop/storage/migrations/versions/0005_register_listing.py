"""Register listing: what the register view shows of each organisation, with sort keys

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Derived data, like the search index: the store fills both at start when the index version (meta
``search.index_version``) differs, and each operation keeps them current (``storage.listing``).
"""

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # id is also the rowid of the organisation's search document.
    op.execute(
        "CREATE TABLE organisation_listing ("
        " id INTEGER PRIMARY KEY,"
        " org_id CHAR(32) NOT NULL UNIQUE,"
        " name_fi TEXT NOT NULL DEFAULT '',"
        " name_sv TEXT NOT NULL DEFAULT '',"
        " business_id TEXT NOT NULL DEFAULT '',"
        " domicile_code TEXT,"
        " status TEXT NOT NULL DEFAULT '',"
        " sectors TEXT NOT NULL DEFAULT '[]',"
        " languages TEXT NOT NULL DEFAULT '[]',"
        " sector_order TEXT NOT NULL DEFAULT '',"
        " name_key_fi TEXT NOT NULL DEFAULT '',"
        " name_key_sv TEXT NOT NULL DEFAULT '',"
        " other_key_fi TEXT NOT NULL DEFAULT '',"
        " other_key_sv TEXT NOT NULL DEFAULT '',"
        " domicile_key_fi TEXT NOT NULL DEFAULT '',"
        " domicile_key_sv TEXT NOT NULL DEFAULT '')"
    )
    # The default order (by name in Finnish or in Swedish) is a walk along one of these.
    op.execute("CREATE INDEX ix_organisation_listing_name_fi ON organisation_listing (name_key_fi, org_id)")
    op.execute("CREATE INDEX ix_organisation_listing_name_sv ON organisation_listing (name_key_sv, org_id)")
    op.execute("CREATE INDEX ix_organisation_listing_domicile ON organisation_listing (domicile_code)")
    # The search index without its org_id column: the listing row with the document's rowid
    # names the organisation, and each document is a third quicker to write.
    op.execute("DROP TABLE organisation_search")
    if op.get_bind().dialect.name == "postgresql":
        # The sort keys are made to be compared byte by byte, whatever the server's collation.
        for column in ("business_id", "name_key_fi", "name_key_sv", "other_key_fi",
                       "other_key_sv", "domicile_key_fi", "domicile_key_sv"):
            op.execute(f'ALTER TABLE organisation_listing ALTER COLUMN {column} TYPE TEXT COLLATE "C"')
        # The same SQL reads both: a column named rowid, and pg_trgm's GIN index for substrings.
        op.execute("CREATE TABLE organisation_search (rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL)")
        op.execute("CREATE INDEX ix_organisation_search_doc ON organisation_search "
                   "USING gin (doc gin_trgm_ops)")
        return
    op.execute("CREATE VIRTUAL TABLE organisation_search USING fts5(doc, tokenize = 'trigram')")


def downgrade() -> None:
    op.execute("DROP TABLE organisation_search")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE TABLE organisation_search (org_id CHAR(32), doc TEXT)")
        op.execute("DROP TABLE organisation_listing")
        return
    op.execute(
        "CREATE VIRTUAL TABLE organisation_search USING fts5("
        "org_id UNINDEXED, doc, tokenize = 'trigram')"
    )
    op.execute("DROP TABLE organisation_listing")
