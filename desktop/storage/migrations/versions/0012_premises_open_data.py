"""Premises for organisations; public contacts and activity languages for open data

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

Premises with the organisations and activities that use them. Contact persons get a public
flag (only public contacts go into open data) and activities the language they are held in,
with the title in the other national language. Existing persons stay non-public and existing
activities Finnish until the officer says otherwise.
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_SYNCABLE = (
    ('id', sa.Uuid(native_uuid=False), False),
    ('created_at', sa.DateTime(), False),
    ('updated_at', sa.DateTime(), False),
    ('hlc', sa.String(length=64), False),
    ('replica_id', sa.String(length=32), False),
    ('deleted', sa.Boolean(), False),
)


def _syncable_columns() -> list[sa.Column]:
    return [sa.Column(name, kind, nullable=nullable) for name, kind, nullable in _SYNCABLE]


def upgrade() -> None:
    op.create_table('premises',
    sa.Column('name_fi', sa.String(length=300), nullable=False),
    sa.Column('name_sv', sa.String(length=300), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('municipality_code', sa.String(length=3), nullable=True),
    sa.Column('owner_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('step_free', sa.Boolean(), nullable=False),
    sa.Column('accessible_toilet', sa.Boolean(), nullable=False),
    sa.Column('induction_loop', sa.Boolean(), nullable=False),
    sa.Column('equipment', sa.Text(), nullable=False),
    sa.Column('terms', sa.String(length=32), nullable=False),
    sa.Column('booking', sa.Text(), nullable=False),
    sa.Column('availability', sa.Text(), nullable=False),
    sa.Column('contract_clause', sa.Text(), nullable=False),
    *_syncable_columns(),
    sa.ForeignKeyConstraint(['municipality_code'], ['municipality.code'], name=op.f('fk_premises_municipality_code_municipality')),
    sa.ForeignKeyConstraint(['owner_id'], ['organisation.id'], name=op.f('fk_premises_owner_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_premises'))
    )
    with op.batch_alter_table('premises', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_premises_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_premises_municipality_code'), ['municipality_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_premises_owner_id'), ['owner_id'], unique=False)

    for table, other, other_table in (('premises_organisation', 'organisation_id', 'organisation'),
                                      ('premises_activity', 'activity_id', 'activity')):
        op.create_table(table,
        sa.Column('premises_id', sa.Uuid(native_uuid=False), nullable=False),
        sa.Column(other, sa.Uuid(native_uuid=False), nullable=False),
        *_syncable_columns(),
        sa.ForeignKeyConstraint([other], [f'{other_table}.id'], name=op.f(f'fk_{table}_{other}_{other_table}')),
        sa.ForeignKeyConstraint(['premises_id'], ['premises.id'], name=op.f(f'fk_{table}_premises_id_premises')),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}'))
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f'ix_{table}_hlc'), ['hlc'], unique=False)
            batch_op.create_index(batch_op.f(f'ix_{table}_premises_id'), ['premises_id'], unique=False)
            batch_op.create_index(batch_op.f(f'ix_{table}_{other}'), [other], unique=False)

    with op.batch_alter_table('contact_person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public', sa.Boolean(), nullable=False, server_default='0'))
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=2), nullable=False, server_default='fi'))
        batch_op.add_column(sa.Column('title_translation', sa.String(length=300), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_column('title_translation')
        batch_op.drop_column('language')
    with op.batch_alter_table('contact_person', schema=None) as batch_op:
        batch_op.drop_column('public')
    for table in ('premises_activity', 'premises_organisation', 'premises'):
        op.drop_table(table)
