"""Register: organisations, contact persons, municipalities, audit log

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=200), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('operation', sa.String(length=200), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_record_id'), ['record_id'], unique=False)

    op.create_table('contact_person',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('preferred_language', sa.String(length=2), nullable=False),
    sa.Column('retention_basis', sa.Text(), nullable=False),
    sa.Column('retained_since', sa.Date(), nullable=True),
    sa.Column('last_contact', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_person'))
    )
    with op.batch_alter_table('contact_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_person_hlc'), ['hlc'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )

    op.create_table('municipality',
    sa.Column('code', sa.String(length=3), nullable=False),
    sa.Column('name_fi', sa.String(length=100), nullable=False),
    sa.Column('name_sv', sa.String(length=100), nullable=False),
    sa.Column('region_code', sa.String(length=2), nullable=False),
    sa.Column('region_fi', sa.String(length=100), nullable=False),
    sa.Column('region_sv', sa.String(length=100), nullable=False),
    sa.Column('wellbeing_county_fi', sa.String(length=100), nullable=False),
    sa.Column('wellbeing_county_sv', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_municipality'))
    )

    op.create_table('organisation',
    sa.Column('name_fi', sa.String(length=300), nullable=False),
    sa.Column('name_sv', sa.String(length=300), nullable=False),
    sa.Column('abbreviation', sa.String(length=50), nullable=False),
    sa.Column('form', sa.String(length=32), nullable=False),
    sa.Column('business_id', sa.String(length=16), nullable=False),
    sa.Column('register_number', sa.String(length=16), nullable=False),
    sa.Column('domicile_code', sa.String(length=3), nullable=True),
    sa.Column('active_municipalities', sa.JSON(), nullable=False),
    sa.Column('sectors', sa.JSON(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('postal_address', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['domicile_code'], ['municipality.code'], name=op.f('fk_organisation_domicile_code_municipality')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_business_id'), ['business_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_domicile_code'), ['domicile_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_hlc'), ['hlc'], unique=False)

    op.create_table('representation',
    sa.Column('organisation_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('contact_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact_person.id'], name=op.f('fk_representation_contact_id_contact_person')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_representation_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_representation'))
    )
    with op.batch_alter_table('representation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_representation_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_representation_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_representation_organisation_id'), ['organisation_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('representation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_representation_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_representation_hlc'))
        batch_op.drop_index(batch_op.f('ix_representation_contact_id'))

    op.drop_table('representation')

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_hlc'))
        batch_op.drop_index(batch_op.f('ix_organisation_domicile_code'))
        batch_op.drop_index(batch_op.f('ix_organisation_business_id'))

    op.drop_table('organisation')

    op.drop_table('municipality')

    op.drop_table('meta')

    with op.batch_alter_table('contact_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_person_hlc'))

    op.drop_table('contact_person')

    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_record_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
