"""Opening the database: SQLite settings on every connection, PostgreSQL's connection checks,
and short write transactions."""

from __future__ import annotations

import select
import sqlite3
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError

from revise.storage import unchanged
from revise.storage.busy import CollectionBusy, busy_is_an_error, is_busy
from revise.storage.diagnose import check_url, missing_driver
from revise.storage.values import SQLITE_DURABILITY

BUSY_TIMEOUT_MS = 10_000  # how long a second window waits for the other's write to finish
CONNECT_TIMEOUT_S = 10  # how long to wait for a PostgreSQL server that does not answer
# Key of the PostgreSQL advisory lock an import holds: imports of one collection run one at a
# time, as SQLite's write lock makes them, while answers lock only the card they write.
IMPORT_LOCK_KEY = 0x7265766973  # "revis"
SCHEMA_LOCK_KEY = IMPORT_LOCK_KEY + 1


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path or a URL; a PostgreSQL URL without a driver gets psycopg."""
    text = str(target)
    for scheme in ("postgresql://", "postgres://"):
        if text.startswith(scheme):
            return "postgresql+psycopg://" + text[len(scheme) :]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def create(url: str) -> Engine:
    check_url(url)
    options: dict[str, object] = {}
    if make_url(url).get_backend_name() == "postgresql":
        options = {
            "connect_args": {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "revise"},
        }
    try:
        engine = create_engine(url, **options)
    except ModuleNotFoundError as error:
        raise missing_driver(url, error.name or str(error)) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    else:
        _replace_connections_the_server_closed(engine)
    return engine


def _replace_connections_the_server_closed(engine: Engine) -> None:
    """A connection the server closed while it sat in the pool (a restart, an administrator, a
    network change) is replaced before use. The server says so on the connection: one with
    nothing to read is alive, known without asking the server (a ping on every use was two
    round trips per answer); one with something to read (a goodbye, a notice) is pinged."""

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection, _record, _proxy) -> None:  # type: ignore[no-untyped-def]
        if not _still_open(engine, dbapi_connection):
            raise DisconnectionError("the server closed the connection")


def _still_open(engine: Engine, dbapi_connection) -> bool:  # type: ignore[no-untyped-def]
    """Whether a PostgreSQL connection not in use is still open (see above)."""
    if dbapi_connection.closed or dbapi_connection.broken:
        return False
    try:
        said_something = select.select([dbapi_connection.fileno()], [], [], 0)[0]
    except (OSError, ValueError):
        return False
    if not said_something:
        return True
    try:
        engine.dialect.do_ping(dbapi_connection)
    except Exception:  # the driver's own error for a closed connection
        return False
    return True


class KeptConnection:
    """One connection kept from call to call, for the study loop's next card and answer: taking
    a connection from the pool and giving it back cost as much as a statement. Used under the
    collection's lock, one call at a time; let go after any error (the next call takes a fresh
    one), and checked before each use on PostgreSQL as the pool checks its own."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        connection = self.taken()
        try:
            yield connection
        except BaseException:
            self.close()
            raise

    def taken(self) -> Connection:
        """The kept connection, connected first if there is none or it cannot be used."""
        connection = self._connection
        if connection is not None and not self._usable(connection):
            self.close()
            connection = None
        if connection is None:
            connection = self._connection = self.engine.connect()
        return connection

    def _usable(self, connection: Connection) -> bool:
        if connection.invalidated or connection.closed:
            return False
        if self.engine.dialect.name != "postgresql":
            return True
        if _still_open(self.engine, connection.connection.driver_connection):
            return True
        connection.invalidate()
        return False

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            unchanged.forget(connection)
            try:
                connection.close()
            except Exception:  # a connection the server dropped: it is not put back
                connection.invalidate()


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Hold the collection's schema lock while its tables are made or upgraded (PostgreSQL:
    several computers may start at once; a SQLite upgrade holds the file's write lock)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK_KEY})
            connection.commit()


def refresh_statistics(engine: Engine) -> None:
    """After a large import, let PostgreSQL's planner see the new table sizes at once (its own
    autovacuum would only catch up a minute later): the queue's queries depend on them."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as connection:
        connection.execute(text("ANALYZE decks, notes, cards, reviews"))
        connection.commit()


def lock_for_import(connection: Connection) -> None:
    """Hold the collection's import lock until the transaction ends (PostgreSQL; on SQLite the
    write transaction already holds the whole file)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # The driver's own transaction handling is off: transactions begin in _on_begin, so a
        # write can take the lock up front (BEGIN IMMEDIATE) instead of failing half-way.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        for setting in SQLITE_DURABILITY:
            cursor.execute(setting)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Straight on the driver: SQLAlchemy's execution path costs more than the BEGIN.
        driver = connection.connection.driver_connection
        if driver.in_transaction:  # type: ignore[union-attr]
            return  # begun on the driver (_KeptSQLite): a statement through SQLAlchemy joins it
        statement = "BEGIN IMMEDIATE" if connection.info.get("immediate") else "BEGIN"
        try:
            driver.execute(statement)  # type: ignore[union-attr]
        except sqlite3.Error as error:
            raise DBAPIError.instance(statement, (), error, sqlite3.Error) from error


class _KeptSQLite:
    """The study loop's transactions on a SQLite collection's kept connection, begun and ended
    on the driver: SQLAlchemy's transaction objects, events and nested context managers cost
    several times the BEGIN and COMMIT themselves, on every answer and every next card. Does
    what `writing` and `reading_now` do there: a write takes the lock with its BEGIN IMMEDIATE
    and commits on leaving (rolls back on an error); a statement run through SQLAlchemy joins
    the transaction, and any SQLAlchemy transaction is ended with it; "database is locked" is
    `CollectionBusy`; after any error the kept connection is let go."""

    __slots__ = ("_connection", "_kept", "_write")

    def __init__(self, kept: KeptConnection, *, write: bool) -> None:
        self._kept = kept
        self._write = write
        self._connection: Connection | None = None

    def __enter__(self) -> Connection:
        connection = self._connection = self._kept.taken()
        unchanged.block_begins(connection)
        if self._write:
            try:
                _on_driver(connection, "BEGIN IMMEDIATE")
            except BaseException as error:
                self._let_go(error)
                raise
        return connection

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _tb) -> bool:  # type: ignore[no-untyped-def]
        connection = self._connection
        assert connection is not None
        unchanged.block_ends(connection)
        ending = "COMMIT" if error is None else "ROLLBACK"
        try:
            if connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                _on_driver(connection, ending)
            if connection.in_transaction() and error is None:  # SQLAlchemy's view of it
                connection.commit()  # the driver has committed: nothing is sent
            elif connection.in_transaction():
                connection.rollback()
        except BaseException as failed:
            self._let_go(failed)
            raise
        if error is not None:
            self._let_go(error)
        return False

    def _let_go(self, error: BaseException) -> None:
        """After an error: let the kept connection go; "database is locked" is CollectionBusy."""
        self._kept.close()
        if isinstance(error, DBAPIError) and is_busy(error):
            raise CollectionBusy() from None


def _on_driver(connection: Connection, statement: str) -> None:
    try:
        connection.connection.dbapi_connection.execute(statement)  # type: ignore[union-attr]
    except sqlite3.Error as error:
        raise DBAPIError.instance(statement, (), error, sqlite3.Error) from error


@contextmanager
def _server_problems_explained(engine: Engine, *, writing: bool) -> Iterator[None]:
    """A database server that cannot be reached, refuses us or drops the connection becomes a
    one-line ReviseError; in a write, a lost connection is `ConnectionLost`, to be retried."""
    if engine.dialect.name == "sqlite":
        yield
        return
    from revise.storage import server

    url = engine.url.render_as_string(hide_password=False)
    try:
        yield
    except DBAPIError as error:
        problem = server.explain(error, url)
        if problem is None:
            raise
        if writing and server.is_unreachable(problem):
            time.sleep(server.RECONNECT_PAUSE_S)  # the caller may try again at once
            raise server.ConnectionLost(url) from None
        raise problem from None


def _connect(engine: Engine, kept: KeptConnection | None) -> AbstractContextManager[Connection]:
    return engine.connect() if kept is None else kept.connection()


def writing(
    engine: Engine, kept: KeptConnection | None = None, *, begun_by_caller: bool = False
) -> AbstractContextManager[Connection]:
    """One short write transaction, holding SQLite's write lock from its first statement; on
    the `kept` connection if given. With `begun_by_caller`, on PostgreSQL the caller sends the
    BEGIN itself with its first statements (storage/prepared.py's `begin`): the driver's own
    BEGIN waits for the server's answer on its own, a round trip of its own."""
    if kept is not None and engine.dialect.name == "sqlite":
        return _KeptSQLite(kept, write=True)
    return _writing(engine, kept, begun_by_caller=begun_by_caller)


@contextmanager
def _writing(
    engine: Engine, kept: KeptConnection | None, *, begun_by_caller: bool
) -> Iterator[Connection]:
    with (
        busy_is_an_error(),
        _server_problems_explained(engine, writing=True),
        _connect(engine, kept) as connection,
    ):
        connection.info["immediate"] = True
        driver = None
        if begun_by_caller and engine.dialect.name == "postgresql":
            driver = connection.connection.driver_connection
            driver.autocommit = True  # type: ignore[union-attr]
        try:
            with connection.begin():
                yield connection
        finally:
            connection.info.pop("immediate", None)
            if driver is not None:
                try:
                    driver.autocommit = False  # type: ignore[union-attr]
                except Exception:  # a connection the server dropped: not put back in the pool
                    connection.invalidate()


def reading_now(
    engine: Engine, kept: KeptConnection | None = None
) -> AbstractContextManager[Connection]:
    """Reads that need no snapshot across their statements (the study loop's next card), run
    outside a transaction: no BEGIN and COMMIT to wait for. Each statement sees every answer
    committed before it, as in PostgreSQL's READ COMMITTED transactions anyway. For statements
    run through storage/prepared.py; on the `kept` connection if given. A statement run through
    SQLAlchemy begins a transaction of its own, ended here."""
    if kept is not None and engine.dialect.name == "sqlite":
        return _KeptSQLite(kept, write=False)
    return _reading_now(engine, kept)


@contextmanager
def _reading_now(engine: Engine, kept: KeptConnection | None) -> Iterator[Connection]:
    with (
        busy_is_an_error(),
        _server_problems_explained(engine, writing=False),
        _connect(engine, kept) as connection,
    ):
        driver = None
        if engine.dialect.name == "postgresql":  # SQLite's driver: each statement on its own
            driver = connection.connection.driver_connection
            driver.autocommit = True  # type: ignore[union-attr]
        try:
            yield connection
            if connection.in_transaction():
                connection.commit()
        finally:
            if driver is not None:
                try:
                    driver.autocommit = False  # type: ignore[union-attr]
                except Exception:  # a connection the server dropped: not put back in the pool
                    connection.invalidate()


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """One consistent read transaction."""
    with (
        busy_is_an_error(),
        _server_problems_explained(engine, writing=False),
        engine.connect() as connection,
        connection.begin(),
    ):
        yield connection
