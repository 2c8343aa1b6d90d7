"""Meeting records the Finnish way: memo or minutes, decision types, votes, disqualification, legality

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

As in 0006, the new columns of body, meeting and agenda_item are added in place with a server
default for the rows already there: existing bodies keep minutes, existing items follow their
type for appeal (NULL).
"""

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
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

BODY = (
    ('record_kind', sa.String(length=16), "'minutes'"),
    ('appeal_authority', sa.String(length=300), "''"),
    ('appeal_texts', sa.JSON(), "'{}'"),
)
MEETING = (
    ('record_kind', sa.String(length=16), "''"),
    ('display_date', sa.Date(), None),
    ('display_place', sa.String(length=300), "''"),
    ('notice_date', sa.Date(), None),
    ('checks', sa.JSON(), "'[]'"),
)
ITEM = (
    ('decision_type', sa.String(length=16), "''"),
    ('amendment', sa.Text(), "''"),
    ('vote', sa.JSON(), "'{}'"),
    ('appealable', sa.Boolean(), None),
    ('confidential_basis', sa.String(length=300), "''"),
)


def _add(table: str, columns: tuple) -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch copy of these tables is refused while others refer to them.
    for name, type_, default in columns:
        if default is None:
            op.add_column(table, sa.Column(name, type_, nullable=True))
        else:
            op.add_column(table, sa.Column(name, type_, nullable=False, server_default=sa.text(default)))


def upgrade() -> None:
    _add('body', BODY)
    _add('meeting', MEETING)
    _add('agenda_item', ITEM)
    op.create_table('item_disqualification',
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('member_name', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('left_room', sa.Boolean(), nullable=False),
    *[sa.Column(name, type_, nullable=nullable) for name, type_, nullable in SYNCABLE],
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_item_disqualification_item_id_agenda_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_disqualification'))
    )
    with op.batch_alter_table('item_disqualification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_disqualification_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_disqualification_item_id'), ['item_id'], unique=False)


def downgrade() -> None:
    op.drop_table('item_disqualification')
    # SQLite (3.35+) drops a column in place; a batch copy would be refused (see 0006).
    for table, columns in (('agenda_item', ITEM), ('meeting', MEETING), ('body', BODY)):
        for name, _type, _default in reversed(columns):
            op.execute(f'ALTER TABLE {table} DROP COLUMN {name}')
