"""The register's search index (SQLite FTS5, trigram tokenizer)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

The store fills the index at start when its version (meta ``search.index_version``) differs.
"""

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # pg_trgm is a trusted extension: the database's owner may create it. 0005 makes the table.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE TABLE organisation_search (org_id CHAR(32), doc TEXT)")
        return
    op.execute(
        "CREATE VIRTUAL TABLE organisation_search USING fts5("
        "org_id UNINDEXED, doc, tokenize = 'trigram')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE organisation_search")
