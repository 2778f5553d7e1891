"""drug database

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 08:22:17.835749

Reference tables for the drug database; rows come from `lumen drugs seed`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('drug',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('chembl_ids', _json(), nullable=False),
    sa.Column('approval_year', sa.Integer(), nullable=True),
    sa.Column('drugbank_id', sa.String(length=16), nullable=True),
    sa.Column('mesh_id', sa.String(length=16), nullable=True),
    sa.Column('smiles', sa.Text(), nullable=True),
    sa.Column('curated', sa.Boolean(), nullable=False),
    sa.Column('classes', _json(), nullable=False),
    sa.Column('facts', _json(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_drug')),
    info={'reference': True}
    )
    with op.batch_alter_table('drug', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drug_curated'), ['curated'], unique=False)
        batch_op.create_index(batch_op.f('ix_drug_name'), ['name'], unique=False)

    op.create_table('seed_state',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('counts', _json(), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_seed_state')),
    info={'reference': True}
    )
    op.create_table('drug_name',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('drug_key', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['drug_key'], ['drug.key'], name=op.f('fk_drug_name_drug_key_drug'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drug_name')),
    sa.UniqueConstraint('name', 'drug_key', name=op.f('uq_drug_name_name')),
    info={'reference': True}
    )
    with op.batch_alter_table('drug_name', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drug_name_drug_key'), ['drug_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_drug_name_name'), ['name'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('drug_name', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drug_name_name'))
        batch_op.drop_index(batch_op.f('ix_drug_name_drug_key'))

    op.drop_table('drug_name')
    op.drop_table('seed_state')
    with op.batch_alter_table('drug', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drug_name'))
        batch_op.drop_index(batch_op.f('ix_drug_curated'))

    op.drop_table('drug')
