"""Meeting records: attendance, minutes, action items, workshop results

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

The new columns of meeting and agenda_item are added in place (ALTER TABLE ADD COLUMN, with a
server default for the rows already there) and carry no foreign keys: copying those tables, as
SQLite needs for a new constraint, is refused while other tables refer to their rows.
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

SYNCABLE = (
    ('id', sa.Uuid(native_uuid=False), False),
    ('created_at', sa.DateTime(), False),
    ('updated_at', sa.DateTime(), False),
    ('hlc', sa.String(length=64), False),
    ('replica_id', sa.String(length=32), False),
    ('deleted', sa.Boolean(), False),
)


def _syncable_columns() -> list:
    return [sa.Column(name, type_, nullable=nullable) for name, type_, nullable in SYNCABLE]


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('online_link', sa.String(length=500), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('chair', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('secretary', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('minute_checkers', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('checked_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('approved_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('locked', sa.Boolean(), nullable=False, server_default='0'))

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('standard_key', sa.String(length=32), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('discussion', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('votes', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('postponed_from', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('postponed_from_id', sa.Uuid(native_uuid=False), nullable=True))
        batch_op.add_column(sa.Column('postponed_to_id', sa.Uuid(native_uuid=False), nullable=True))

    op.create_table('meeting_attendance',
    sa.Column('meeting_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('member_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organisation', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('presence', sa.String(length=16), nullable=False),
    sa.Column('deputy_for', sa.String(length=200), nullable=False),
    sa.Column('arrived_at', sa.Integer(), nullable=True),
    sa.Column('left_at', sa.Integer(), nullable=True),
    *_syncable_columns(),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_attendance_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['member_id'], ['body_member.id'], name=op.f('fk_meeting_attendance_member_id_body_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_attendance'))
    )
    with op.batch_alter_table('meeting_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendance_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_attendance_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('dissenting_opinion',
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('member_name', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    *_syncable_columns(),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_dissenting_opinion_item_id_agenda_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dissenting_opinion'))
    )
    with op.batch_alter_table('dissenting_opinion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dissenting_opinion_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_dissenting_opinion_item_id'), ['item_id'], unique=False)

    op.create_table('action_item',
    sa.Column('body_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('meeting_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('owner_person_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('owner_organisation_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('owner_text', sa.String(length=300), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    *_syncable_columns(),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_action_item_body_id_body')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_action_item_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_action_item_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['owner_organisation_id'], ['organisation.id'], name=op.f('fk_action_item_owner_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['owner_person_id'], ['contact_person.id'], name=op.f('fk_action_item_owner_person_id_contact_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item'))
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_item_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_item_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('workshop_point',
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('group_name', sa.String(length=200), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('point', sa.Text(), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('votes', sa.Integer(), nullable=False),
    *_syncable_columns(),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_workshop_point_item_id_agenda_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_point'))
    )
    with op.batch_alter_table('workshop_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshop_point_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_workshop_point_item_id'), ['item_id'], unique=False)

    op.create_table('item_attachment',
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('attachment_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    *_syncable_columns(),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachment.id'], name=op.f('fk_item_attachment_attachment_id_attachment')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_item_attachment_item_id_agenda_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_attachment'))
    )
    with op.batch_alter_table('item_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_attachment_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_attachment_item_id'), ['item_id'], unique=False)

    op.create_table('minutes_correction',
    sa.Column('meeting_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    *_syncable_columns(),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_minutes_correction_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_minutes_correction_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_correction'))
    )
    with op.batch_alter_table('minutes_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_correction_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_minutes_correction_meeting_id'), ['meeting_id'], unique=False)


def downgrade() -> None:
    for table in ('minutes_correction', 'item_attachment', 'workshop_point', 'action_item',
                  'dissenting_opinion', 'meeting_attendance'):
        op.drop_table(table)  # their indexes go with them
    # SQLite (3.35+) drops a column in place; a batch copy would be refused, as above.
    for column in ('postponed_to_id', 'postponed_from_id', 'postponed_from', 'votes', 'discussion',
                   'standard_key'):
        op.execute(f'ALTER TABLE agenda_item DROP COLUMN {column}')
    for column in ('locked', 'approved_on', 'checked_on', 'minute_checkers', 'secretary', 'chair',
                   'online_link'):
        op.execute(f'ALTER TABLE meeting DROP COLUMN {column}')
