"""Sync: per-field clocks, peers, exchanges and conflicts

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Every record that exists already gets its base clock (field ``*``): its row clock, stamped with
that clock, so that a full export carries it and a later edit knows what it replaced. The
syncable tables are found by their columns, not named, so tables added by earlier revisions
are covered too.
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_SYNCABLE_COLUMNS = {'id', 'created_at', 'updated_at', 'hlc', 'replica_id', 'deleted'}


def upgrade() -> None:
    op.create_table('field_clock',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('prev', sa.String(length=64), nullable=False),
    sa.Column('stamp', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'record_id', 'field', name=op.f('pk_field_clock'))
    )
    with op.batch_alter_table('field_clock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_field_clock_stamp'), ['stamp'], unique=False)

    op.create_table('sync_conflict',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('our_value', sa.JSON(), nullable=True),
    sa.Column('their_value', sa.JSON(), nullable=True),
    sa.Column('our_clock', sa.String(length=64), nullable=False),
    sa.Column('their_clock', sa.String(length=64), nullable=False),
    sa.Column('winner', sa.String(length=8), nullable=False),
    sa.Column('peer_replica_id', sa.String(length=32), nullable=False),
    sa.Column('peer_name', sa.String(length=200), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('resolution', sa.String(length=16), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=200), nullable=False),
    sa.Column('resolved_stamp', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflict_resolved'), ['resolved'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflict_resolved_stamp'), ['resolved_stamp'], unique=False)

    op.create_table('sync_exchange',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('peer_replica_id', sa.String(length=32), nullable=False),
    sa.Column('peer_name', sa.String(length=200), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('clock_from', sa.String(length=64), nullable=False),
    sa.Column('clock_to', sa.String(length=64), nullable=False),
    sa.Column('encrypted', sa.Boolean(), nullable=False),
    sa.Column('records', sa.Integer(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.Integer(), nullable=False),
    sa.Column('officer', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_exchange'))
    )
    with op.batch_alter_table('sync_exchange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_exchange_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_exchange_peer_replica_id'), ['peer_replica_id'], unique=False)

    op.create_table('sync_peer',
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.Column('last_import_at', sa.DateTime(), nullable=True),
    sa.Column('last_export_at', sa.DateTime(), nullable=True),
    sa.Column('seen', sa.String(length=64), nullable=False),
    sa.Column('acknowledged', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('replica_id', name=op.f('pk_sync_peer'))
    )

    bind = op.get_bind()
    inspector = sa.inspect(bind)
    for table in sorted(inspector.get_table_names()):
        columns = {column['name'] for column in inspector.get_columns(table)}
        if table == 'field_clock' or not _SYNCABLE_COLUMNS <= columns:
            continue
        # Table names come from the database's own catalogue, not from input.
        bind.execute(sa.text(
            "INSERT INTO field_clock (table_name, record_id, field, hlc, prev, stamp) "
            f"SELECT :table, id, '*', hlc, '', hlc FROM {table}"  # noqa: S608
        ), {'table': table})


def downgrade() -> None:
    op.drop_table('sync_peer')
    with op.batch_alter_table('sync_exchange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_exchange_peer_replica_id'))
        batch_op.drop_index(batch_op.f('ix_sync_exchange_at'))

    op.drop_table('sync_exchange')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_resolved_stamp'))
        batch_op.drop_index(batch_op.f('ix_sync_conflict_resolved'))
        batch_op.drop_index(batch_op.f('ix_sync_conflict_record_id'))

    op.drop_table('sync_conflict')
    with op.batch_alter_table('field_clock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_field_clock_stamp'))

    op.drop_table('field_clock')
