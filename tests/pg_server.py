"""A throwaway PostgreSQL server for tests and benchmarks: initdb in a temporary folder, a free
port on 127.0.0.1, a user with a password (SCRAM, as a real server asks), stopped and deleted
afterwards.

`initdb` refuses to run as root (CI runs as root), so as root the server runs as an
unprivileged user: `postgres` if the system has it, else one created for the purpose.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "revise-pg"  # created (as root) when the system has no `postgres` user
FOLDER_PREFIX = "revise-pg-"
OWNER_FILE = "owner.pid"  # the process a server belongs to; gone, the server is stopped


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server programs on this machine."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    password: str

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        secret = self.password if password is None else password
        return f"postgresql+psycopg://{self.user}:{secret}@{self.host}:{self.port}/{database}"


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl: $PG_BINDIR, PATH, or the Debian layout."""
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(os.environ["PG_BINDIR"])
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    candidates += sorted(glob.glob("/usr/local/pgsql/bin"))
    for folder in candidates:
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    raise PostgresUnavailable("initdb and pg_ctl not found (set PG_BINDIR to their folder)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_account() -> str | None:
    """The user to run the server as, or None to run it as ourselves (not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", SERVER_USER):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER],
        check=True,
        capture_output=True,
    )
    return SERVER_USER


def _run_as(account: str | None, command: list[str], *, check: bool = True) -> None:
    if account is not None:
        command = ["runuser", "-u", account, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()}")


@contextmanager
def running_server(*, durable: bool = False) -> Iterator[Server]:
    """Start a server, yield it, stop it and remove its files.

    Tests run without fsync (`durable=False`): nothing needs to survive a power cut there.
    Benchmarks pass `durable=True` to measure commits as a real server makes them.
    """
    bindir = find_bindir()
    account = _server_account()
    _stop_abandoned_servers(bindir, account)
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    (folder / OWNER_FILE).write_text(str(os.getpid()))
    data = folder / "data"
    if account is not None:
        entry = pwd.getpwnam(account)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    user, password = "revise", secrets.token_hex(8)
    password_file = folder / "password"
    password_file.write_text(password + "\n")
    if account is not None:
        os.chown(password_file, entry.pw_uid, entry.pw_gid)
    try:
        _run_as(
            account,
            [
                str(bindir / "initdb"),
                f"--pgdata={data}",
                f"--username={user}",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                f"--pwfile={password_file}",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
        )
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={port}",
            f"-c unix_socket_directories={folder}",
            "-c max_connections=200",
        ]
        if not durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        pg_ctl = [str(bindir / "pg_ctl"), f"--pgdata={data}"]
        log = f"--log={folder / 'server.log'}"
        _run_as(account, [*pg_ctl, log, f"--options={' '.join(options)}", "--wait", "start"])
        try:
            yield Server("127.0.0.1", port, user, password)
        finally:
            _run_as(account, [*pg_ctl, "--mode=immediate", "--wait", "stop"], check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stop_abandoned_servers(bindir: Path, account: str | None) -> None:
    """Stop and remove servers whose test run was killed before it could stop them."""
    for owner in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*/{OWNER_FILE}"):
        try:
            pid = int(owner.read_text())
            os.kill(pid, 0)
            continue  # its run is still going
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue
        folder = owner.parent
        pg_ctl = [str(bindir / "pg_ctl"), f"--pgdata={folder / 'data'}"]
        _run_as(account, [*pg_ctl, "--mode=immediate", "--wait", "stop"], check=False)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def round_trips() -> Iterator[list[int]]:
    """Counts the round trips to a server as the driver makes them, in every connection: each
    time psycopg must have the server's answer before it goes on. A statement outside a
    pipeline is one (two when the driver begins a transaction with it: it waits for its BEGIN's
    answer first); a pipeline is one when it ends, however many statements it sent, plus one if
    the driver began a transaction in it (it waits for that BEGIN's answer too)."""
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.waiting import Wait

    counted: list[int] = []
    wait = psycopg.Connection.wait

    def counting(self, gen, *args, **kwargs):  # type: ignore[no-untyped-def]
        if getattr(gen, "__name__", "") == "_exit_gen":  # a pipeline's end: its results
            counted.append(1)
            return wait(self, gen, *args, **kwargs)
        in_pipeline = self._pipeline is not None
        begins = (
            not in_pipeline
            and not self.autocommit
            and self.pgconn.transaction_status == TransactionStatus.IDLE
        )

        def passed_on():  # type: ignore[no-untyped-def]
            waited = False
            try:
                state = next(gen)
                while True:
                    if not waited and (state == Wait.R or not in_pipeline):
                        waited = True
                        counted.append(2 if begins else 1)
                    state = gen.send((yield state))
            except StopIteration as done:
                return done.value

        return wait(self, passed_on(), *args, **kwargs)

    psycopg.Connection.wait = counting  # type: ignore[method-assign]
    try:
        yield counted
    finally:
        psycopg.Connection.wait = wait  # type: ignore[method-assign]
