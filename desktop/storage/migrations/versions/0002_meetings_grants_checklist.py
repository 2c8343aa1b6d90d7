"""Meetings, grants, attachments and checklists

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('body',
    sa.Column('name_fi', sa.String(length=300), nullable=False),
    sa.Column('name_sv', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_body'))
    )
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_body_hlc'), ['hlc'], unique=False)

    op.create_table('checklist_template',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_template'))
    )
    with op.batch_alter_table('checklist_template', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_template_hlc'), ['hlc'], unique=False)

    op.create_table('checklist',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('municipality_code', sa.String(length=3), nullable=True),
    sa.Column('template_version', sa.Integer(), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['municipality_code'], ['municipality.code'], name=op.f('fk_checklist_municipality_code_municipality')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist'))
    )
    with op.batch_alter_table('checklist', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_hlc'), ['hlc'], unique=False)

    op.create_table('grant_call',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('grant_type', sa.String(length=16), nullable=False),
    sa.Column('funder_code', sa.String(length=3), nullable=True),
    sa.Column('budget_cents', sa.BigInteger(), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=True),
    sa.Column('closes_on', sa.Date(), nullable=True),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['funder_code'], ['municipality.code'], name=op.f('fk_grant_call_funder_code_municipality')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_call'))
    )
    with op.batch_alter_table('grant_call', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_call_hlc'), ['hlc'], unique=False)

    op.create_table('meeting',
    sa.Column('body_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('end_time', sa.Time(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_meeting_body_id_body')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_hlc'), ['hlc'], unique=False)

    op.create_table('agenda_item',
    sa.Column('meeting_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('section', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('item_type', sa.String(length=16), nullable=False),
    sa.Column('presenter', sa.String(length=200), nullable=False),
    sa.Column('background', sa.Text(), nullable=False),
    sa.Column('proposal', sa.Text(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.Column('minutes_allotted', sa.Integer(), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_item_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('body_member',
    sa.Column('body_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('organisation_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('representative_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('deputy_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_body_member_body_id_body')),
    sa.ForeignKeyConstraint(['deputy_id'], ['contact_person.id'], name=op.f('fk_body_member_deputy_id_contact_person')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_body_member_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['representative_id'], ['contact_person.id'], name=op.f('fk_body_member_representative_id_contact_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_body_member'))
    )
    with op.batch_alter_table('body_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_body_member_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_body_member_hlc'), ['hlc'], unique=False)

    op.create_table('checklist_theme',
    sa.Column('checklist_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title_fi', sa.Text(), nullable=False),
    sa.Column('title_sv', sa.Text(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['checklist_id'], ['checklist.id'], name=op.f('fk_checklist_theme_checklist_id_checklist')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_theme'))
    )
    with op.batch_alter_table('checklist_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_theme_checklist_id'), ['checklist_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checklist_theme_hlc'), ['hlc'], unique=False)

    op.create_table('grant_application',
    sa.Column('call_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('organisation_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('applied_cents', sa.BigInteger(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['grant_call.id'], name=op.f('fk_grant_application_call_id_grant_call')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_grant_application_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_application'))
    )
    with op.batch_alter_table('grant_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_application_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_application_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_application_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('checklist_item',
    sa.Column('checklist_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('template_key', sa.String(length=64), nullable=False),
    sa.Column('theme', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title_fi', sa.Text(), nullable=False),
    sa.Column('title_sv', sa.Text(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('evidence_link', sa.String(length=500), nullable=False),
    sa.Column('evidence_attachment_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('evidence_agenda_item_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('evidence_grant_call_id', sa.Uuid(native_uuid=False), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['checklist_id'], ['checklist.id'], name=op.f('fk_checklist_item_checklist_id_checklist')),
    sa.ForeignKeyConstraint(['evidence_agenda_item_id'], ['agenda_item.id'], name=op.f('fk_checklist_item_evidence_agenda_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['evidence_attachment_id'], ['attachment.id'], name=op.f('fk_checklist_item_evidence_attachment_id_attachment')),
    sa.ForeignKeyConstraint(['evidence_grant_call_id'], ['grant_call.id'], name=op.f('fk_checklist_item_evidence_grant_call_id_grant_call')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_item'))
    )
    with op.batch_alter_table('checklist_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_item_checklist_id'), ['checklist_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checklist_item_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_checklist_item_template_key'), ['template_key'], unique=False)

    op.create_table('grant_decision',
    sa.Column('application_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('granted_cents', sa.BigInteger(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('deciding_body', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reasoning', sa.Text(), nullable=False),
    sa.Column('report_due', sa.Date(), nullable=True),
    sa.Column('report_received', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['grant_application.id'], name=op.f('fk_grant_decision_application_id_grant_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_decision'))
    )
    with op.batch_alter_table('grant_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_decision_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_decision_hlc'), ['hlc'], unique=False)

    op.create_table('checklist_comment',
    sa.Column('item_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_item.id'], name=op.f('fk_checklist_comment_item_id_checklist_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_comment'))
    )
    with op.batch_alter_table('checklist_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_comment_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_checklist_comment_item_id'), ['item_id'], unique=False)

    op.create_table('grant_payment',
    sa.Column('decision_id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Uuid(native_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('replica_id', sa.String(length=32), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['grant_decision.id'], name=op.f('fk_grant_payment_decision_id_grant_decision')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_payment'))
    )
    with op.batch_alter_table('grant_payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_payment_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_payment_hlc'), ['hlc'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('grant_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_payment_hlc'))
        batch_op.drop_index(batch_op.f('ix_grant_payment_decision_id'))

    op.drop_table('grant_payment')
    with op.batch_alter_table('checklist_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_comment_item_id'))
        batch_op.drop_index(batch_op.f('ix_checklist_comment_hlc'))

    op.drop_table('checklist_comment')
    with op.batch_alter_table('grant_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_decision_hlc'))
        batch_op.drop_index(batch_op.f('ix_grant_decision_application_id'))

    op.drop_table('grant_decision')
    with op.batch_alter_table('checklist_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_item_template_key'))
        batch_op.drop_index(batch_op.f('ix_checklist_item_hlc'))
        batch_op.drop_index(batch_op.f('ix_checklist_item_checklist_id'))

    op.drop_table('checklist_item')
    with op.batch_alter_table('grant_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_application_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_grant_application_hlc'))
        batch_op.drop_index(batch_op.f('ix_grant_application_call_id'))

    op.drop_table('grant_application')
    with op.batch_alter_table('checklist_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_theme_hlc'))
        batch_op.drop_index(batch_op.f('ix_checklist_theme_checklist_id'))

    op.drop_table('checklist_theme')
    with op.batch_alter_table('body_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_body_member_hlc'))
        batch_op.drop_index(batch_op.f('ix_body_member_body_id'))

    op.drop_table('body_member')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_hlc'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_hlc'))
        batch_op.drop_index(batch_op.f('ix_meeting_body_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('grant_call', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_call_hlc'))

    op.drop_table('grant_call')
    with op.batch_alter_table('checklist', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_hlc'))

    op.drop_table('checklist')
    with op.batch_alter_table('checklist_template', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_template_hlc'))

    op.drop_table('checklist_template')
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_body_hlc'))

    op.drop_table('body')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_hlc'))

    op.drop_table('attachment')
