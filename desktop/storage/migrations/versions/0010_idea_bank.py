"""Idea bank

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

Ideas beyond a workshop group's three most important points, and ideas added by hand: their
theme, source (meeting, agenda item, group) and status (new, taken forward to an action item or a
checklist step, merged into another idea, dropped).
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('idea',
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('theme', sa.String(length=300), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('meeting_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('group_name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('action_item_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('checklist_item_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('merged_into_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['action_item_id'], ['action_item.id'], name=op.f('fk_idea_action_item_id_action_item')),
    sa.ForeignKeyConstraint(['checklist_item_id'], ['checklist_item.id'], name=op.f('fk_idea_checklist_item_id_checklist_item')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_idea_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_idea_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['idea.id'], name=op.f('fk_idea_merged_into_id_idea')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea'))
    )
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_idea_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_idea_meeting_id'), ['meeting_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_idea_item_id'))
        batch_op.drop_index(batch_op.f('ix_idea_hlc'))
    op.drop_table('idea')
