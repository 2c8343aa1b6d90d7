"""Record versions: optimistic locking between the users of one database

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

Every syncable table gets ``row_version``, which each write of a row adds one to: a save checks
that the row is still at the version its editor showed, so that two users of the county's
server never overwrite each other unseen. Local bookkeeping, not synced; existing rows start
at 1.
"""

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
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


def upgrade() -> None:
    # A plain ADD COLUMN with a constant default: no table rebuild on SQLite, and on
    # PostgreSQL (11+) no rewrite of the rows either.
    for table in _TABLES:
        op.add_column(table, sa.Column('row_version', sa.Integer(), server_default=sa.text('1'),
                                       nullable=False))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('row_version')
