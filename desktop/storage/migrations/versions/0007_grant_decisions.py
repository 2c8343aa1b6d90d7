"""Grant decisions: conditions, reports, links to minutes

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Rows written before this revision get empty texts and no municipalities (server defaults).
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('grant_application_activity',
    sa.Column('application_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('activity_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_grant_application_activity_activity_id_activity')),
    sa.ForeignKeyConstraint(['application_id'], ['grant_application.id'], name=op.f('fk_grant_application_activity_application_id_grant_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_application_activity'))
    )
    with op.batch_alter_table('grant_application_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_application_activity_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_application_activity_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_application_activity_hlc'), ['hlc'], unique=False)

    op.create_table('grant_application_attachment',
    sa.Column('application_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('attachment_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['grant_application.id'], name=op.f('fk_grant_application_attachment_application_id_grant_application')),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachment.id'], name=op.f('fk_grant_application_attachment_attachment_id_attachment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_application_attachment'))
    )
    with op.batch_alter_table('grant_application_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_application_attachment_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_application_attachment_attachment_id'), ['attachment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_application_attachment_hlc'), ['hlc'], unique=False)

    with op.batch_alter_table('grant_application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('municipalities', sa.JSON(), nullable=False, server_default='[]'))

    # ALTER TABLE in place: copying grant_decision (batch's "recreate") would drop a table that
    # grant_payment refers to, which SQLite refuses while foreign keys are on.
    with op.batch_alter_table('grant_decision', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('conditions', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('payment_terms', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('report_accepted', sa.Date(), nullable=True))
    # Alembic adds a foreign key only by copying the table; SQLite takes it inline.
    op.execute(
        'ALTER TABLE grant_decision ADD COLUMN agenda_item_id CHAR(32) '
        'CONSTRAINT fk_grant_decision_agenda_item_id_agenda_item REFERENCES agenda_item (id)'
    )
    # Covering indexes for the statistics (they replace the single-column ones).
    with op.batch_alter_table('grant_decision', schema=None, recreate='never') as batch_op:
        batch_op.drop_index('ix_grant_decision_application_id')
        batch_op.create_index('ix_grant_decision_application_id_amount', ['application_id', 'deleted', 'status', 'granted_cents', 'id'], unique=False)
    with op.batch_alter_table('grant_payment', schema=None, recreate='never') as batch_op:
        batch_op.drop_index('ix_grant_payment_decision_id')
        batch_op.create_index('ix_grant_payment_decision_id_amount', ['decision_id', 'deleted', 'amount_cents'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('grant_payment', schema=None, recreate='never') as batch_op:
        batch_op.drop_index('ix_grant_payment_decision_id_amount')
        batch_op.create_index('ix_grant_payment_decision_id', ['decision_id'], unique=False)
    with op.batch_alter_table('grant_decision', schema=None, recreate='never') as batch_op:
        batch_op.drop_index('ix_grant_decision_application_id_amount')
        batch_op.create_index('ix_grant_decision_application_id', ['application_id'], unique=False)
    # Copies grant_decision: run it on a connection with foreign keys off.
    with op.batch_alter_table('grant_decision', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_grant_decision_agenda_item_id_agenda_item'), type_='foreignkey')
        batch_op.drop_column('report_accepted')
        batch_op.drop_column('agenda_item_id')
        batch_op.drop_column('payment_terms')
        batch_op.drop_column('conditions')

    with op.batch_alter_table('grant_application', schema=None) as batch_op:
        batch_op.drop_column('municipalities')

    with op.batch_alter_table('grant_application_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_application_attachment_hlc'))
        batch_op.drop_index(batch_op.f('ix_grant_application_attachment_attachment_id'))
        batch_op.drop_index(batch_op.f('ix_grant_application_attachment_application_id'))

    op.drop_table('grant_application_attachment')
    with op.batch_alter_table('grant_application_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_application_activity_hlc'))
        batch_op.drop_index(batch_op.f('ix_grant_application_activity_application_id'))
        batch_op.drop_index(batch_op.f('ix_grant_application_activity_activity_id'))

    op.drop_table('grant_application_activity')
