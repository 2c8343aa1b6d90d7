"""Public partners and liaison roles

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

Organisations get a kind (organisation, county unit, municipality, parish, service producer,
educational institution); the rows there already are organisations (server default). The
register listing carries the kind for its filter and column; it is derived data, rebuilt at
start because the search index version changes. Liaison roles name contact persons for a role
in a municipality, from a start date to an end date.
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=32), nullable=False,
                                      server_default='organisation'))
    op.execute("ALTER TABLE organisation_listing ADD COLUMN kind TEXT NOT NULL DEFAULT 'organisation'")

    op.create_table('liaison_role',
    sa.Column('contact_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('municipality_code', sa.String(length=3), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact_person.id'], name=op.f('fk_liaison_role_contact_id_contact_person')),
    sa.ForeignKeyConstraint(['municipality_code'], ['municipality.code'], name=op.f('fk_liaison_role_municipality_code_municipality')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_liaison_role'))
    )
    with op.batch_alter_table('liaison_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_liaison_role_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_liaison_role_municipality_code'), ['municipality_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_liaison_role_hlc'), ['hlc'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('liaison_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_liaison_role_hlc'))
        batch_op.drop_index(batch_op.f('ix_liaison_role_municipality_code'))
        batch_op.drop_index(batch_op.f('ix_liaison_role_contact_id'))
    op.drop_table('liaison_role')
    op.execute("ALTER TABLE organisation_listing DROP COLUMN kind")
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('kind')
