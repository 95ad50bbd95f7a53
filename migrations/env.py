"""Alembic environment: the engine comes from revise.storage.migrate, not from a file.

On SQLite an upgrade is one transaction (SQLite's schema changes are transactional, though
Alembic does not assume so): one that fails leaves the file as it was. It runs with the foreign
keys' actions off, as SQLite's own procedure for rebuilding a table asks: batch mode rebuilds a
table by dropping the old one, and with them on, dropping `cards` would first delete every review
of its cards (ON DELETE CASCADE). The keys are checked before the commit instead, and so are the
triggers, which a rebuilt table loses (revise/storage/triggers.py).
"""

from __future__ import annotations

from alembic import context

from revise.errors import ReviseError
from revise.storage import triggers
from revise.storage.models import Base

engine = context.config.attributes["engine"]


def _check_sqlite(connection) -> None:  # type: ignore[no-untyped-def]
    """Before the commit: every foreign key still points at a row, and the database holds the
    triggers the revisions it reached brought in."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise ReviseError(
            f"the upgrade left a row of {broken[0]} pointing at no row of {broken[2]}; "
            "nothing was changed"
        )
    heads = context.get_context().get_current_heads()
    if not heads:
        return
    reached = {script.revision for script in context.script.iterate_revisions(heads, "base")}
    lost = triggers.missing(connection, reached)
    if lost:
        raise ReviseError(
            f"the upgrade to {', '.join(heads)} lost the triggers {', '.join(lost)} (a table "
            "rebuilt in batch mode drops them; end the migration that rebuilt it with "
            "revise.storage.triggers.restore); nothing was changed"
        )


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # On the driver, before any transaction begins: inside one it would change nothing.
        connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                _check_sqlite(connection)
    finally:
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
