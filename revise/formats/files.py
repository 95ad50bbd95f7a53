"""Reading a whole input file, with one message per way it can fail."""

from __future__ import annotations

from pathlib import Path

from revise.errors import FormatError


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
