"""Record clocks: a record's base clock and stamp move from ``field_clock`` into its row

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03

Every syncable table gets ``base_clock`` and ``base_prev`` (the clock of every field without a
clock of its own, and the clock it replaced) and ``stamp`` (when this copy last stored one of
the record's clocks; a delta export selects by it, through its index). ``field_clock`` keeps
only the fields whose clock differs from their record's base, and no stamps. Most records have
the base clock alone: a register of 100,000 organisations had 800,000 rows in ``field_clock``,
a third of the database file and a tenth of a full import's time. The rows' ``hlc`` index,
which nothing reads, gives way to the stamp's.
"""

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

# The syncable tables at this revision (a migration does not read the models, which move on).
_TABLES = (
    'action_item', 'activity', 'agenda_item', 'attachment', 'body', 'body_member', 'checklist',
    'checklist_comment', 'checklist_item', 'checklist_template', 'checklist_theme',
    'contact_person', 'dissenting_opinion', 'grant_application', 'grant_application_activity',
    'grant_application_attachment', 'grant_call', 'grant_decision', 'grant_payment', 'idea',
    'interaction', 'item_attachment', 'item_disqualification', 'liaison_role', 'meeting',
    'meeting_attendance', 'minutes_correction', 'organisation', 'premises', 'premises_activity',
    'premises_organisation', 'representation', 'workshop_point',
)
_COLUMNS = ('base_clock', 'base_prev', 'stamp')
# The table names below come from ``_TABLES``, not from input.
_CLOCK = ("SELECT {column} FROM field_clock c WHERE c.table_name = '{table}' "
          "AND c.record_id = {table}.id AND c.field = '*'")
_STAMP = ("SELECT max(c.stamp) FROM field_clock c WHERE c.table_name = '{table}' "
          "AND c.record_id = {table}.id")


def upgrade() -> None:
    for table in _TABLES:
        # A plain ADD COLUMN with a constant default: no table rebuild on SQLite, and on
        # PostgreSQL (11+) no rewrite of the rows either.
        for column in _COLUMNS:
            op.add_column(table, sa.Column(column, sa.String(length=64), server_default='',
                                           nullable=False))
        op.execute(
            f"UPDATE {table} SET "  # noqa: S608
            f"base_clock = coalesce(({_CLOCK.format(column='c.hlc', table=table)}), ''), "
            f"base_prev = coalesce(({_CLOCK.format(column='c.prev', table=table)}), ''), "
            f"stamp = coalesce(({_STAMP.format(table=table)}), '')")
        op.drop_index(op.f(f'ix_{table}_hlc'), table_name=table)
        op.create_index(op.f(f'ix_{table}_stamp'), table, ['stamp'], unique=False)
    op.execute("DELETE FROM field_clock WHERE field = '*'")
    op.drop_index(op.f('ix_field_clock_stamp'), table_name='field_clock')
    op.drop_column('field_clock', 'stamp')


# Columns are dropped in place (SQLite 3.35+, as ``sqlite_bulk`` needs already): a batch's copy
# of a table would break the foreign keys of the rows that refer to it.
def downgrade() -> None:
    op.add_column('field_clock', sa.Column('stamp', sa.String(length=64), server_default='',
                                           nullable=False))
    for table in _TABLES:
        op.execute(
            f"UPDATE field_clock SET stamp = (SELECT t.stamp FROM {table} t "  # noqa: S608
            f"WHERE t.id = field_clock.record_id) WHERE table_name = '{table}'")
        op.execute(
            "INSERT INTO field_clock (table_name, record_id, field, hlc, prev, stamp) "  # noqa: S608
            f"SELECT '{table}', id, '*', base_clock, base_prev, stamp FROM {table} "
            "WHERE base_clock != ''")
        op.drop_index(op.f(f'ix_{table}_stamp'), table_name=table)
        op.create_index(op.f(f'ix_{table}_hlc'), table, ['hlc'], unique=False)
        for column in _COLUMNS:
            op.drop_column(table, column)
    op.create_index(op.f('ix_field_clock_stamp'), 'field_clock', ['stamp'], unique=False)
