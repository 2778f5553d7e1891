"""pharma documents

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 08:37:14.126772
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('pharma_document',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name=op.f('fk_pharma_document_created_by_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pharma_document'))
    )
    with op.batch_alter_table('pharma_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pharma_document_created_by'), ['created_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_pharma_document_type'), ['type'], unique=False)

    op.create_table('pharma_document_version',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('document_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'in_review', 'approved', 'superseded', name='version_status', native_enum=False, length=16), nullable=False),
    sa.Column('inputs', _json(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('change_note', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name=op.f('fk_pharma_document_version_created_by_user_account')),
    sa.ForeignKeyConstraint(['document_id'], ['pharma_document.id'], name=op.f('fk_pharma_document_version_document_id_pharma_document'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pharma_document_version')),
    sa.UniqueConstraint('document_id', 'number', name=op.f('uq_pharma_document_version_document_id'))
    )
    with op.batch_alter_table('pharma_document_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pharma_document_version_document_id'), ['document_id'], unique=False)

    op.create_table('document_signature',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version_id', sa.Uuid(), nullable=False),
    sa.Column('signer_id', sa.Uuid(), nullable=False),
    sa.Column('meaning', sa.Enum('author', 'reviewer', 'approver', name='signature_meaning', native_enum=False, length=16), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['signer_id'], ['user_account.id'], name=op.f('fk_document_signature_signer_id_user_account')),
    sa.ForeignKeyConstraint(['version_id'], ['pharma_document_version.id'], name=op.f('fk_document_signature_version_id_pharma_document_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_signature')),
    sa.UniqueConstraint('version_id', 'meaning', 'signer_id', name=op.f('uq_document_signature_version_id'))
    )
    with op.batch_alter_table('document_signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_signature_version_id'), ['version_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('document_signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_signature_version_id'))

    op.drop_table('document_signature')
    with op.batch_alter_table('pharma_document_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pharma_document_version_document_id'))

    op.drop_table('pharma_document_version')
    with op.batch_alter_table('pharma_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pharma_document_type'))
        batch_op.drop_index(batch_op.f('ix_pharma_document_created_by'))

    op.drop_table('pharma_document')
