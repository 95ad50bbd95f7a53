"""Reviews summed per deck and study day, kept for the statistics screen.

The database itself notes which days a change touches (triggers on reviews, and on cards moved
to another deck), so every way of changing the review log (answers, undo, imports, deleted
cards or decks) keeps the sums true; those days are summed again when statistics are next read.

Revision ID: 0007_review_days
Revises: 0006_deck_options
Create Date: 2026-11-26 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_review_days"
down_revision = "0006_deck_options"
branch_labels = None
depends_on = None

# The first millisecond not yet summed: reviews before it are in review_days.
_BOUNDARY = "done_until * 86400000 + phase_ms"
_DAY = "({moment} - phase_ms) / 86400000"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER review_days_on_insert AFTER INSERT ON reviews BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="NEW.reviewed_at")} FROM review_days_state
        WHERE NEW.reviewed_at < {_BOUNDARY};
    END""",
    f"""CREATE TRIGGER review_days_on_delete AFTER DELETE ON reviews BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="OLD.reviewed_at")} FROM review_days_state
        WHERE OLD.reviewed_at < {_BOUNDARY};
    END""",
    f"""CREATE TRIGGER review_days_on_update AFTER UPDATE ON reviews BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="OLD.reviewed_at")} FROM review_days_state
        WHERE OLD.reviewed_at < {_BOUNDARY};
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="NEW.reviewed_at")} FROM review_days_state
        WHERE NEW.reviewed_at < {_BOUNDARY};
    END""",
    f"""CREATE TRIGGER review_days_on_card_moved AFTER UPDATE OF deck_id ON cards
    WHEN OLD.deck_id != NEW.deck_id BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT DISTINCT {_DAY.format(moment="reviews.reviewed_at")}
        FROM reviews, review_days_state
        WHERE reviews.card_id = NEW.id AND reviews.reviewed_at < {_BOUNDARY};
    END""",
]

POSTGRESQL_TRIGGERS = [
    f"""CREATE OR REPLACE FUNCTION review_days_mark_review() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO review_days_stale (day)
            SELECT {_DAY.format(moment="OLD.reviewed_at")} FROM review_days_state
            WHERE OLD.reviewed_at < {_BOUNDARY} ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO review_days_stale (day)
            SELECT {_DAY.format(moment="NEW.reviewed_at")} FROM review_days_state
            WHERE NEW.reviewed_at < {_BOUNDARY} ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER review_days_on_change AFTER INSERT OR UPDATE OR DELETE ON reviews
    FOR EACH ROW EXECUTE PROCEDURE review_days_mark_review()""",
    f"""CREATE OR REPLACE FUNCTION review_days_mark_card() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.deck_id IS DISTINCT FROM OLD.deck_id THEN
            INSERT INTO review_days_stale (day)
            SELECT DISTINCT {_DAY.format(moment="reviews.reviewed_at")}
            FROM reviews, review_days_state
            WHERE reviews.card_id = NEW.id AND reviews.reviewed_at < {_BOUNDARY}
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER review_days_on_card_moved AFTER UPDATE OF deck_id ON cards
    FOR EACH ROW EXECUTE PROCEDURE review_days_mark_card()""",
]


def upgrade() -> None:
    op.create_table(
        "review_days",
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.BigInteger(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.BigInteger(), nullable=False),
        sa.Column("again", sa.Integer(), nullable=False),
        sa.Column("young_kept", sa.Integer(), nullable=False),
        sa.Column("young", sa.Integer(), nullable=False),
        sa.Column("mature_kept", sa.Integer(), nullable=False),
        sa.Column("mature", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("deck_id", "day", name=op.f("pk_review_days")),
    )
    op.create_table(
        "review_days_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phase_ms", sa.BigInteger(), nullable=False),
        sa.Column("done_until", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_days_state")),
    )
    op.create_table(
        "review_days_stale",
        sa.Column("day", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_review_days_stale")),
    )
    triggers = (
        POSTGRESQL_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    )
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS review_days_on_change ON reviews")
        op.execute("DROP TRIGGER IF EXISTS review_days_on_card_moved ON cards")
        op.execute("DROP FUNCTION IF EXISTS review_days_mark_review()")
        op.execute("DROP FUNCTION IF EXISTS review_days_mark_card()")
    else:
        for name in ("insert", "delete", "update", "card_moved"):
            op.execute(f"DROP TRIGGER IF EXISTS review_days_on_{name}")
    op.drop_table("review_days_stale")
    op.drop_table("review_days_state")
    op.drop_table("review_days")
