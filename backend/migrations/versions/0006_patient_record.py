"""encrypted patient record

A wrapped data key per patient (envelope encryption) and the PHI tables it seals: profile,
medications, allergies, symptom log; consent switches in the clear.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 01:36:27.201929
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('allergy',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('substance_encrypted', sa.Text(), nullable=False),
    sa.Column('reaction_encrypted', sa.Text(), nullable=False),
    sa.Column('severity_encrypted', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_allergy_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allergy'))
    )
    with op.batch_alter_table('allergy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allergy_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_allergy_user_id'), ['user_id'], unique=False)

    op.create_table('medication',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('name_encrypted', sa.Text(), nullable=False),
    sa.Column('dose_encrypted', sa.Text(), nullable=False),
    sa.Column('schedule_encrypted', sa.Text(), nullable=False),
    sa.Column('start_date_encrypted', sa.Text(), nullable=False),
    sa.Column('end_date_encrypted', sa.Text(), nullable=False),
    sa.Column('notes_encrypted', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_medication_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medication'))
    )
    with op.batch_alter_table('medication', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_medication_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_medication_user_id'), ['user_id'], unique=False)

    op.create_table('patient_profile',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('name_encrypted', sa.Text(), nullable=False),
    sa.Column('date_of_birth_encrypted', sa.Text(), nullable=False),
    sa.Column('sex_encrypted', sa.Text(), nullable=False),
    sa.Column('conditions_encrypted', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_patient_profile_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_patient_profile'))
    )
    op.create_table('record_consent',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('personalise_answers', sa.Boolean(), nullable=False),
    sa.Column('personalise_answers_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('use_for_training', sa.Boolean(), nullable=False),
    sa.Column('use_for_training_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_record_consent_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_record_consent'))
    )
    op.create_table('record_key',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('wrapped_key', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rotated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_record_key_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_record_key'))
    )
    op.create_table('symptom_entry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('symptom_encrypted', sa.Text(), nullable=False),
    sa.Column('severity_encrypted', sa.Text(), nullable=False),
    sa.Column('notes_encrypted', sa.Text(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_symptom_entry_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_symptom_entry'))
    )
    with op.batch_alter_table('symptom_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_symptom_entry_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_symptom_entry_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('symptom_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_symptom_entry_user_id'))
        batch_op.drop_index(batch_op.f('ix_symptom_entry_occurred_at'))

    op.drop_table('symptom_entry')
    op.drop_table('record_key')
    op.drop_table('record_consent')
    op.drop_table('patient_profile')
    with op.batch_alter_table('medication', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_medication_user_id'))
        batch_op.drop_index(batch_op.f('ix_medication_created_at'))

    op.drop_table('medication')
    with op.batch_alter_table('allergy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_allergy_user_id'))
        batch_op.drop_index(batch_op.f('ix_allergy_created_at'))

    op.drop_table('allergy')
