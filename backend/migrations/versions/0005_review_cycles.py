"""review cycles and rejections for pharma document versions

Each submission for review starts a new cycle; signatures count only within their cycle, so a
rejected and resubmitted version needs fresh reviewer and approver signatures. A rejection is
its own row (who, when, cycle, reason) so the reason survives later edits of the draft.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 01:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UQ = 'uq_document_signature_version_id'


def upgrade() -> None:
    with op.batch_alter_table('pharma_document_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_cycle', sa.Integer(), nullable=False,
                                      server_default='0'))
    with op.batch_alter_table('document_signature', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cycle', sa.Integer(), nullable=False, server_default='0'))
        batch_op.drop_constraint(UQ, type_='unique')
        batch_op.create_unique_constraint(UQ, ['version_id', 'cycle', 'meaning', 'signer_id'])
    op.create_table('document_rejection',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version_id', sa.Uuid(), nullable=False),
    sa.Column('cycle', sa.Integer(), nullable=False),
    sa.Column('rejected_by', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('rejected_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['rejected_by'], ['user_account.id'], name=op.f('fk_document_rejection_rejected_by_user_account')),
    sa.ForeignKeyConstraint(['version_id'], ['pharma_document_version.id'], name=op.f('fk_document_rejection_version_id_pharma_document_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_rejection'))
    )
    with op.batch_alter_table('document_rejection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_rejection_version_id'), ['version_id'], unique=False)
    # The defaults only fill existing rows; the application always sets both columns.
    with op.batch_alter_table('pharma_document_version', schema=None) as batch_op:
        batch_op.alter_column('review_cycle', server_default=None)
    with op.batch_alter_table('document_signature', schema=None) as batch_op:
        batch_op.alter_column('cycle', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('document_rejection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_rejection_version_id'))
    op.drop_table('document_rejection')
    with op.batch_alter_table('document_signature', schema=None) as batch_op:
        batch_op.drop_constraint(UQ, type_='unique')
        batch_op.create_unique_constraint(UQ, ['version_id', 'meaning', 'signer_id'])
        batch_op.drop_column('cycle')
    with op.batch_alter_table('pharma_document_version', schema=None) as batch_op:
        batch_op.drop_column('review_cycle')
