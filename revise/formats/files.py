"""Reading a whole input file, with one message per way it can fail; writing one atomically.

A file revise writes (an export, a generated deck, a database backup) is written to a temporary
file in the same folder, synced to disk and renamed over the target, so a full disk, a crash or a
kill leaves either the old file or the new one, never a truncated one. Temporaries are named
`.revise-PID-...`; one left behind by a killed process is removed by the next write to its folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

from revise.errors import FormatError, ReviseError

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 text begins with one of these
UTF16_WITHOUT_BOM = "UTF-16 text without a byte-order mark; save it as UTF-8"


ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def is_zip(head: bytes) -> bool:
    """Whether a file starting with `head` is a zip archive (an Anki package, a Word file...)."""
    return head.startswith(ZIP_MAGIC)


def looks_like_utf16(data: bytes) -> bool:
    """Whether bytes holding NULs (a file's start) are UTF-16 text written without a byte-order
    mark: the characters of Latin scripts each leave a NUL in the same half of their two bytes."""
    pairs = len(data) // 2
    if pairs < 2:
        return False
    high = max(data[0 : 2 * pairs : 2].count(0), data[1 : 2 * pairs : 2].count(0))
    return high >= 0.9 * pairs and data[: 2 * pairs].count(0) - high <= 0.1 * pairs


def nul_problem(data: bytes, what: str) -> str:
    """Why a file whose start is `data`, holding a NUL byte, cannot be read as `what`."""
    if looks_like_utf16(data):
        return UTF16_WITHOUT_BOM
    return f"a NUL byte, which {what} never holds: the file is damaged or binary; check it"


# Text that is not UTF-8 (what Word and Notepad save as "ANSI"): Windows-1252, which holds every
# printable character of Latin-1 and the curly quotes and dashes Latin-1 lacks.
LEGACY_ENCODING = "cp1252"
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def has_utf8_sequences(data: bytes) -> bool:
    """Whether `data` holds a character written as UTF-8 writes it (two bytes or more)."""
    return bool(_UTF8_MULTIBYTE.search(data))


def decode_text(where: str, data: bytes) -> str:
    """The text of a file revise reads (notes, a deck file, a table), NUL bytes refused first
    by the caller: UTF-8 with or without its byte-order mark, UTF-16 with one, else
    Windows-1252 when no character of it is written as UTF-8. A mix of UTF-8 and other bytes,
    or bytes Windows-1252 lacks, are refused in one line naming the first line not UTF-8."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FormatError(where, None, "damaged UTF-16 text; save it as UTF-8") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        line = data.count(b"\n", 0, error.start + bom) + 1
        if has_utf8_sequences(data):
            raise FormatError(
                where,
                line,
                "text is not UTF-8 here although other lines are (mixed encodings); "
                "save the file as UTF-8",
            ) from None
        try:
            return data.decode(LEGACY_ENCODING)
        except UnicodeDecodeError:
            raise FormatError(where, line, "text is not UTF-8; save the file as UTF-8") from None


TEMP_PREFIX = ".revise-"
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-[0-9a-f]{8}-")


def read_capped(path: Path, limit: int, kind: str) -> bytes:
    """The bytes of `path`, a file of `kind` (e.g. "deck file") of at most `limit` bytes."""
    where = str(path)
    try:
        if path.is_dir():
            raise FormatError(where, None, f"is a folder, not a {kind} (name a file)")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FormatError(where, None, "no such file (check the path)") from None
    except OSError as error:
        raise FormatError(where, None, f"cannot read the file ({error.strerror})") from None
    if len(data) > limit:
        megabytes = limit // (1024 * 1024)
        raise FormatError(where, None, f"too large: over {megabytes} MB for a {kind}; split it")
    return data


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace `path` with `data` (text is written as UTF-8) whole, or leave it as it was."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_target(path) as temporary, temporary.open("wb") as handle:
        handle.write(payload)


# How much of a file's name its temporary's keeps: the whole, after the prefix, could be longer
# than the file system allows (255 bytes) where the name itself is not.
_TEMP_NAME_BYTES = 100


def _temporary_name(name: str) -> str:
    kept = os.fsdecode(os.fsencode(name)[:_TEMP_NAME_BYTES])
    return f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{kept}"


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write the new file to; on leaving the block without an
    error it is synced and renamed to `path`. On any error it is removed and `path` is left as
    it was; an OSError becomes a one-line ReviseError naming `path`. A symbolic link is written
    through, as the shell's `>` writes: its target is replaced, the link kept."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    folder = path.parent
    remove_stale_temporaries(folder)
    temporary = folder / _temporary_name(path.name)
    existed = path.exists()
    try:
        yield temporary
        _sync(temporary)
        os.replace(temporary, path)
        _sync_folder(folder)
    except OSError as error:
        kept = "the old file is unchanged" if existed else "nothing was written"
        raise ReviseError(
            f"{path}: cannot write the file ({error.strerror or error}); {_advice(error)}{kept}"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporaries left in `folder` by revise processes that no longer run."""
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(TEMP_PREFIX)]
    except OSError:
        return
    for name in names:
        match = _TEMP_NAME.match(name)
        if match and not _running(int(match[1])):
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists (another user's), or this system cannot tell: keep the file
    return True


def _sync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); systems that cannot open a folder skip it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def file_size_limit() -> int | None:
    """The largest file this process may write, in bytes (`ulimit -f`), or None for no limit."""
    try:
        import resource
    except ImportError:  # not a POSIX system: no such limit
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft


def file_size_limit_advice(limit: int) -> str:
    """What to do when a write stopped at the limit on file size."""
    return (
        f"files may be at most {limit:,} bytes here (ulimit -f): raise the limit "
        "(ulimit -f unlimited) and try again"
    )


def over_file_size_limit(error: OSError) -> str | None:
    """What to do when `error` is a write stopped by the limit on file size, else None."""
    if error.errno == errno.EFBIG and (limit := file_size_limit()) is not None:
        return file_size_limit_advice(limit)
    return None


def _advice(error: OSError) -> str:
    if (advice := over_file_size_limit(error)) is not None:
        return advice + "; "
    if error.errno in DISK_FULL or error.errno == errno.EFBIG:
        return "free some space and try again; "
    if error.errno in _DENIED:
        return "write to a folder you may write to; "
    return ""
