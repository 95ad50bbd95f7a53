"""Every file revise writes replaces the old one whole or not at all.

Exports (.md, .csv, .tsv, .apkg), generated decks and the pre-upgrade backup go through one
helper: a temporary file in the same folder, synced, then renamed. A full disk leaves the old
file as it was, a kill leaves no temporaries behind once revise runs again, and a backup file is
always a whole one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from revise import Collection
from revise.cli import main
from revise.errors import ReviseError
from revise.formats.deckfile import write_deck
from revise.formats.files import TEMP_PREFIX, atomic_target, write_atomic
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.storage.migrate import upgrade
from revise.storage.values import SCHEMA_HEAD

ROOT = Path(__file__).resolve().parents[1]


def big_deck(count: int, word: str = "answer") -> DeckData:
    return DeckData(
        "Big",
        [
            NoteData(NoteKind.BASIC, f"Question number {i} about something?", f"{word} {i} " * 8)
            for i in range(count)
        ],
    )


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "atomic.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def import_deck(tmp_path: Path, deck: DeckData) -> None:
    source = tmp_path / "source" / "big.md"
    source.parent.mkdir(exist_ok=True)
    source.write_text(write_deck(deck), encoding="utf-8")
    assert main(["import", str(source)]) == 0


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(TEMP_PREFIX))


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 64 KB tmpfs: a real full disk (needs root to mount; skipped elsewhere)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Fill the disk holding `folder` until `leave` bytes or fewer are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with (folder / "filler").open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        handle.write(b"x" * max(0, free - leave))


@pytest.mark.parametrize("suffix", [".md", ".csv", ".tsv", ".apkg"])
def test_export_on_a_full_disk_leaves_the_old_file_as_it_was(
    env, tmp_path, small_disk, capsys, suffix
):
    import_deck(tmp_path, big_deck(120))
    target = small_disk / f"big{suffix}"
    assert main(["export", "Big", "-o", str(target)]) == 0
    before = target.read_bytes()
    import_deck(tmp_path, big_deck(120, word="changed"))
    fill(small_disk, leave=4096)
    capsys.readouterr()

    assert main(["export", "Big", "-o", str(target)]) == 1

    error = capsys.readouterr().err.strip()
    assert "\n" not in error and str(target) in error and "free some space" in error
    assert target.read_bytes() == before
    assert temporaries(small_disk) == []


def test_generate_on_a_full_disk_leaves_the_old_deck_as_it_was(env, small_disk, capsys):
    notes = ROOT / "tests" / "notes" / "industrial-revolution.txt"
    target = small_disk / "deck.md"
    target.write_text("Capital of France :: Paris\n", encoding="utf-8")
    fill(small_disk, leave=0)

    assert main(["generate", str(notes), "-o", str(target), "--force"]) == 1

    error = capsys.readouterr().err.strip()
    assert "\n" not in error and str(target) in error and "free some space" in error
    assert target.read_text(encoding="utf-8") == "Capital of France :: Paris\n"
    assert temporaries(small_disk) == []


def test_a_failed_write_keeps_the_old_file_and_says_so_in_one_line(
    env, tmp_path, capsys, monkeypatch
):
    import_deck(tmp_path, big_deck(5))
    target = tmp_path / "out" / "big.csv"
    target.parent.mkdir()
    target.write_text("the old export\n", encoding="utf-8")

    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("revise.formats.files.os.fsync", no_space)
    assert main(["export", "Big", "-o", str(target)]) == 1

    error = capsys.readouterr().err.strip()
    assert error == (
        f"revise: {target}: cannot write the file (No space left on device); "
        "free some space and try again; the old file is unchanged"
    )
    assert target.read_text(encoding="utf-8") == "the old export\n"
    assert temporaries(target.parent) == []


def test_an_interrupted_write_removes_its_temporary(tmp_path):
    target = tmp_path / "deck.md"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_target(target) as temporary:
        temporary.write_text("half of the new", encoding="utf-8")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert temporaries(tmp_path) == []


WRITER = """
import sys, time
from pathlib import Path
from revise.formats.files import atomic_target
with atomic_target(Path(sys.argv[1])) as temporary:
    temporary.write_text("half of the new", encoding="utf-8")
    print("writing", flush=True)
    time.sleep(60)
"""


def _interruptible() -> None:
    # A test run started in the background inherits an ignored SIGINT; a user's Ctrl+C reaches a
    # revise started from a terminal, so the writer gets Python's usual handler back.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_writer(target: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=_interruptible,
    )
    assert process.stdout is not None and process.stdout.readline() == "writing\n"
    return process


def stopped(process: subprocess.Popen[str]) -> int:
    status = process.wait(timeout=30)
    assert process.stdout is not None
    process.stdout.close()
    return status


def test_a_kill_mid_write_leaves_the_old_file_and_the_next_run_removes_the_temporary(env, tmp_path):
    import_deck(tmp_path, big_deck(3))
    target = tmp_path / "out" / "big.md"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    process = start_writer(target)
    process.kill()
    stopped(process)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert len(temporaries(target.parent)) == 1  # kill -9 gives no chance to clean up

    assert main(["export", "Big", "-o", str(target)]) == 0
    assert temporaries(target.parent) == []
    assert "Question number 2" in target.read_text(encoding="utf-8")


def test_a_terminated_export_removes_its_temporary(tmp_path):
    target = tmp_path / "deck.md"
    target.write_text("old\n", encoding="utf-8")
    process = start_writer(target)
    process.send_signal(signal.SIGINT)
    stopped(process)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert temporaries(tmp_path) == []


def test_the_command_line_ends_cleanly_on_sigterm(tmp_path):
    script = (
        "import sys, time, revise.cli as cli\n"
        "def slow(args):\n"
        "    with cli._stopping_cleanly_on_terminate():\n"
        "        from pathlib import Path\n"
        "        from revise.formats.files import atomic_target\n"
        "        with atomic_target(Path(sys.argv[1])) as temporary:\n"
        "            temporary.write_text('half', encoding='utf-8')\n"
        "            print('writing', flush=True)\n"
        "            time.sleep(60)\n"
        "slow(None)\n"
    )
    target = tmp_path / "deck.md"
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None and process.stdout.readline() == "writing\n"
    process.terminate()
    assert stopped(process) == 128 + signal.SIGTERM
    assert not target.exists() and temporaries(tmp_path) == []


def test_write_atomic_replaces_the_whole_file(tmp_path):
    target = tmp_path / "x.md"
    write_atomic(target, "first version, longer than the second\n")
    write_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert temporaries(tmp_path) == []


def old_database(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    engine.dispose()


def backups(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.backup-*"))


class _DyingCopy:
    """A connection whose backup copies one page and then dies, as a killed process would."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def backup(self, target: sqlite3.Connection) -> None:
        def die(*_progress: int) -> None:
            raise KeyboardInterrupt

        self.connection.backup(target, pages=1, progress=die)

    def close(self) -> None:
        self.connection.close()


def test_a_backup_cut_short_leaves_no_file_named_like_a_backup(db_path, monkeypatch):
    from revise.storage import migrate

    old_database(db_path)
    connect = sqlite3.connect
    opened: list[str] = []

    def connect_dying(path, *args, **kwargs):
        opened.append(str(path))
        connection = connect(path, *args, **kwargs)
        return _DyingCopy(connection) if len(opened) == 1 else connection

    monkeypatch.setattr(migrate.sqlite3, "connect", connect_dying)
    with pytest.raises(KeyboardInterrupt):
        Collection.open(db_path)
    assert len(opened) == 2  # the copy had begun
    assert backups(db_path) == [] and temporaries(db_path.parent) == []


def test_retried_upgrades_keep_one_backup(db_path, monkeypatch):
    from datetime import UTC, datetime, timedelta

    from revise.storage import migrate

    old_database(db_path)
    moments = iter(datetime(2026, 3, 10, 12, tzinfo=UTC) + timedelta(minutes=i) for i in range(9))

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # each attempt a minute after the last
            return next(moments)

    def failing(*_args, **_kwargs):
        raise RuntimeError("the upgrade failed")

    monkeypatch.setattr(migrate, "datetime", Later)
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "upgrade", failing)
        for _ in range(3):
            with pytest.raises(RuntimeError):
                Collection.open(db_path)
    assert len(backups(db_path)) == 1
    collection = Collection.open(db_path)
    collection.close()
    (backup,) = backups(db_path)
    assert backup == collection.backup and backup.name.endswith("-20260310T120300Z")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    copy.close()


UPGRADE_KILLED_BETWEEN_MIGRATIONS = """
import sys, time
import tests.conftest  # this checkout's migrations
from revise.storage import folding

def pause(values):  # 0012 folds every note: 0001 to 0011 have run by then
    print("upgrading", flush=True)
    time.sleep(60)

folding.folded = pause
from revise import Collection
Collection.open(sys.argv[1])
"""


def old_collection_with_rows(db: Path, count: int) -> None:
    old_database(db)
    raw = sqlite3.connect(db)
    raw.execute(
        "INSERT INTO decks (id, name, description, tags, created_at) VALUES (1, 'Old', '', '', 0)"
    )
    raw.executemany(
        "INSERT INTO notes (id, deck_id, key, explicit_key, kind, front, back, context, tags,"
        " media, position, missing, created_at, updated_at)"
        " VALUES (?, 1, ?, 0, 'basic', ?, 'Old answer', '', '', '', ?, 0, 0, 0)",
        [(i, f"k{i}", f"Old question {i}?", i) for i in range(1, count + 1)],
    )
    raw.executemany(
        "INSERT INTO cards (id, note_id, deck_id, ordinal, state, reps, lapses, suspended,"
        " created_at) VALUES (?, ?, 1, 0, 0, 0, 0, 0, 0)",
        [(i, i) for i in range(1, count + 1)],
    )
    raw.commit()
    raw.close()


TABLES = ("notes", "cards", "reviews")


def revision_and_rows(db: Path) -> tuple[str, int, int, str]:
    raw = sqlite3.connect(db)
    try:
        return (
            raw.execute("SELECT version_num FROM alembic_version").fetchone()[0],
            raw.execute("SELECT count(*) FROM notes").fetchone()[0],
            raw.execute("SELECT count(*) FROM cards").fetchone()[0],
            raw.execute("PRAGMA integrity_check").fetchone()[0],
        )
    finally:
        raw.close()


def test_an_upgrade_killed_between_two_migrations_leaves_the_old_schema_and_one_backup(db_path):
    """Killed after some migrations had run, the upgrade left the collection at an
    intermediate revision (0011 of 0001 to 0017), and the next run wrote a second backup, of
    that revision. Now every migration runs in one transaction: all or none."""
    old_collection_with_rows(db_path, 50)
    process = subprocess.Popen(
        [sys.executable, "-c", UPGRADE_KILLED_BETWEEN_MIGRATIONS, str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stdout.readline() == "upgrading\n"
    process.kill()
    stopped(process)
    assert revision_and_rows(db_path) == ("0001", 50, 50, "ok")
    (backup,) = backups(db_path)
    assert revision_and_rows(backup) == ("0001", 50, 50, "ok")

    collection = Collection.open(db_path)
    collection.close()
    assert collection.backup is not None
    assert revision_and_rows(db_path) == (SCHEMA_HEAD, 50, 50, "ok")
    assert backups(db_path) == [collection.backup]  # the first backup held the same
    assert revision_and_rows(collection.backup) == ("0001", 50, 50, "ok")
    assert temporaries(db_path.parent) == []


def test_an_upgrade_that_would_leave_rows_pointing_nowhere_changes_nothing(db_path, monkeypatch):
    """Foreign keys' actions are off while migrations run (migrations/env.py), so they are
    checked before the upgrade commits."""
    from alembic import op

    from revise.storage import folding

    old_collection_with_rows(db_path, 3)
    fold = folding.folded

    def and_a_note_gone(values):  # type: ignore[no-untyped-def]
        op.execute("DELETE FROM notes WHERE id = 1")  # its card now points at no note
        return fold(values)

    monkeypatch.setattr(folding, "folded", and_a_note_gone)
    with pytest.raises(ReviseError, match="left a row of cards pointing at no row of notes"):
        Collection.open(db_path)
    assert revision_and_rows(db_path) == ("0001", 3, 3, "ok")


def over_the_limit(limit: int):  # type: ignore[no-untyped-def]
    """For subprocess: the child may write files of at most `limit` bytes (`ulimit -f`)."""
    import resource

    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return set_limit


COLLECTION_LIMIT = 40 * 1024  # above the collection's 32 KB -shm, so reading it still works
NOTES = ROOT / "tests" / "notes" / "contract-law-offer-acceptance.md"  # a 13 KB deck


@pytest.mark.parametrize(
    ("command", "limit"),
    [
        (["export", "Big", "-o", "OUT/big.md"], COLLECTION_LIMIT),
        (["export", "Big", "-o", "OUT/big.csv"], COLLECTION_LIMIT),
        (["export", "Big", "-o", "OUT/big.apkg"], COLLECTION_LIMIT),
        (["generate", str(NOTES), "-o", "OUT/big.md"], 8 * 1024),
        (["backup", "-o", "OUT/big.db"], COLLECTION_LIMIT),
        (["copy", "--to", "OUT/big.db"], COLLECTION_LIMIT),
    ],
    ids=lambda value: " ".join(value[:2]) + " " + value[-1][4:] if isinstance(value, list) else "",
)
def test_a_limit_on_file_size_is_told_naming_the_file_being_written(env, tmp_path, command, limit):
    """Under `ulimit -f`, backup and copy named the collection they read (`database error (disk
    I/O error)`) and an export said to free some space: each names the file it was writing and
    the limit, writes nothing and leaves no temporary."""
    deck = DeckData(
        "Big",
        [
            NoteData(NoteKind.BASIC, f"Question {i} {os.urandom(24).hex()}?", os.urandom(48).hex())
            for i in range(600)
        ],
    )
    import_deck(tmp_path, deck)
    out = tmp_path / "out"
    out.mkdir()
    words = [word.replace("OUT", str(out)) for word in command]
    target = Path(words[-1])
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    whole = subprocess.run(
        [sys.executable, "-m", "revise", *words], cwd=ROOT, env=environment, capture_output=True
    )
    assert whole.returncode == 0, whole.stderr
    assert target.stat().st_size > limit  # the whole file would pass the limit
    target.unlink()

    done = subprocess.run(
        [sys.executable, "-m", "revise", *words],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        preexec_fn=over_the_limit(limit),
    )

    assert done.returncode == 1
    assert done.stderr.startswith(f"revise: {target}: ") and done.stderr.count("\n") == 1
    assert f"files may be at most {limit:,} bytes here (ulimit -f)" in done.stderr
    assert os.listdir(out) == []  # neither the file nor a temporary


def test_a_write_to_a_symbolic_link_replaces_its_target_and_keeps_the_link(tmp_path):
    """An export to `out.md -> real/out.md` replaced the link with a file of its own and left
    the file the link points to as it was."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(Path("real") / "out.md")
    write_atomic(link, "new\n")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"
    dangling = tmp_path / "later.md"
    dangling.symlink_to(Path("real") / "later.md")
    write_atomic(dangling, "made\n")
    assert dangling.is_symlink() and (tmp_path / "real" / "later.md").read_text() == "made\n"
    assert temporaries(tmp_path) == [] and temporaries(tmp_path / "real") == []


def test_an_upgrade_keeps_the_newest_three_pre_upgrade_backups_and_no_other_kind_is_touched(
    db_path,
):
    """Each upgrade left one more copy of the whole collection, never removed."""
    old_database(db_path)
    older = [
        db_path.with_name(f"{db_path.name}.backup-{revision}-2025010{day}T120000Z")
        for day, revision in enumerate(("0001", "0002", "0003_review_uid", "0017_deck_sizes"), 1)
    ]
    others = [
        db_path.with_name(f"{db_path.name}.backup-before-deck-delete-20250101T120000Z"),
        db_path.with_name(f"{db_path.stem}.backup-20250101T120000Z.db"),  # `revise backup`
        db_path.with_name("other.db.backup-0001-20250101T120000Z"),  # another collection
    ]
    for path in older + others:
        path.write_bytes(b"a copy")

    collection = Collection.open(db_path)
    collection.close()

    assert collection.backup is not None
    assert set(backups(db_path)) - set(others) == {*older[2:], collection.backup}
    assert all(path.exists() for path in others)


def test_a_failed_upgrade_removes_no_backup(db_path, monkeypatch):
    from revise.storage import migrate

    old_database(db_path)
    older = [
        db_path.with_name(f"{db_path.name}.backup-0002-2025010{day}T120000Z") for day in (1, 2, 3)
    ]
    for path in older:
        path.write_bytes(b"a copy")

    def failing(*_args, **_kwargs):
        raise RuntimeError("the upgrade failed")

    monkeypatch.setattr(migrate, "upgrade", failing)
    with pytest.raises(RuntimeError):
        Collection.open(db_path)
    assert len(backups(db_path)) == 4 and all(path.exists() for path in older)
