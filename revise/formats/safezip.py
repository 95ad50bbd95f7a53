"""Reading archives from strangers without trusting them.

Every member is read with a hard size cap (so a zip bomb or a header that lies about sizes stops
at the cap): into memory, or a chunk at a time for a caller that writes it to a file of its own
(an Anki package's collection); nothing is extracted under a name the archive chooses, and names
that would escape a folder are refused. Problems become one-line FormatErrors naming the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import zstandard

from revise.errors import FormatError
from revise.formats.files import is_zip
from revise.textsafe import quoted

MIB = 1024 * 1024
# The collection database of a large real deck is tens of megabytes; far beyond that is an attack.
MAX_COLLECTION_BYTES = 512 * MIB
MAX_MEDIA_FILE_BYTES = 100 * MIB
# Everything read from one archive together (collection, media map and media files).
MAX_TOTAL_BYTES = 1024 * MIB
MAX_MEMBERS = 200_000

# A member is read this much at a time: zipfile holds a few buffers of this size at once (1 MB
# chunks put 5 MB on an import's peak memory while a package's collection was copied out).
CHUNK_BYTES = 64 * 1024


def size_text(size: int) -> str:
    return f"{size / MIB:.0f} MB" if size >= MIB else f"{size} bytes"


class SafeZip:
    """A zip archive opened for bounded, in-memory reading of named members."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._budget = MAX_TOTAL_BYTES
        head = _head(path)
        if not is_zip(head):
            raise self.error("not a zip archive, so not an Anki package; export it again from Anki")
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise self.error(
                f"the archive is damaged or incomplete ({_reason(exc)}); "
                "download or export it again"
            ) from exc
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self.error(f"the archive holds {len(infos)} files, more than {MAX_MEMBERS}")
        for info in infos:
            if escapes_folder(info.filename):
                raise self.error(
                    f"archive member {quoted(info.filename)} points outside its folder; "
                    "the package is unsafe and was not imported"
                )
        self.names = {info.filename for info in infos}
        # Each member's name, checksum and size: whether two copies hold the same files.
        self.contents = tuple(sorted((info.filename, info.CRC, info.file_size) for info in infos))

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *_: object) -> None:
        self._zip.close()

    def error(self, message: str) -> FormatError:
        return FormatError(str(self.path), None, message)

    def member_size(self, name: str) -> int:
        """The size the archive gives for a member (decompressed from the zip, not from any
        compression inside it)."""
        return self._zip.getinfo(name).file_size

    def read(self, name: str, limit: int) -> bytes:
        """A member's bytes, refusing more than `limit` bytes or the archive's remaining budget."""
        return b"".join(self.chunks(name, limit))

    def read_zstd(self, name: str, limit: int) -> bytes:
        """A Zstandard-compressed member, decompressed with the same caps."""
        return b"".join(self.chunks(name, limit, zstd=True))

    def chunks(self, name: str, limit: int, *, zstd: bool = False) -> Iterator[bytes]:
        """A member's bytes (decompressed from Zstandard if `zstd`) a megabyte at a time, with
        the caps of `read`: more than `limit` bytes, or the archive's remaining budget, raises
        FormatError at the chunk that passes it."""
        cap = min(limit, self._budget)
        try:
            info = self._zip.getinfo(name)
            if info.file_size > cap:
                raise self._too_big(name, info.file_size, cap)
            with self._zip.open(info) as member:
                if not zstd:
                    yield from self._capped(name, member, cap)
                    return
                decompressor = zstandard.ZstdDecompressor()
                with decompressor.stream_reader(member, read_across_frames=True) as reader:
                    yield from self._capped(name, reader, cap)
        except FormatError:
            raise
        except zstandard.ZstdError as exc:
            raise self.error(
                f"{name} in the archive is damaged ({_reason(exc)}); download or export it again"
            ) from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError) as exc:
            raise self.error(
                f"{name} in the archive is damaged or incomplete ({_reason(exc)}); "
                "download or export it again"
            ) from exc

    def _capped(self, name: str, source: BinaryIO, cap: int) -> Iterator[bytes]:
        total = 0
        while chunk := source.read(min(CHUNK_BYTES, cap + 1 - total)):
            total += len(chunk)
            if total > cap:
                raise self._too_big(name, total, cap)
            self._budget -= len(chunk)
            yield chunk

    def _too_big(self, name: str, size: int, cap: int) -> FormatError:
        return self.error(
            f"{name} in the archive expands to more than {size_text(cap)} "
            f"(at least {size_text(size)}): a zip bomb or a damaged file; not imported"
        )


def escapes_folder(name: str) -> bool:
    """Whether an archive or media name is absolute or climbs out of its folder."""
    if not name or "\x00" in name:
        return True
    posix = name.replace("\\", "/")
    if posix.startswith("/") or re.match(r"^[a-zA-Z]:", posix):
        return True
    return ".." in PurePosixPath(posix).parts


def is_safe_media_name(name: str) -> bool:
    """A media file name Anki could have written: a plain name, no folders, not hidden tricks."""
    return (
        bool(name)
        and name not in (".", "..")
        and not re.search(r"[/\\\x00]", name)
        and (not re.match(r"^[a-zA-Z]:", name))
    )


# Anki cuts media file names to 120 bytes and takes out control characters (rslib's media
# files.rs); a longer name would not fit the file system once written out beside a deck.
MAX_MEDIA_NAME_BYTES = 200


def media_name_problem(name: str) -> str | None:
    """Why a media file name in a package cannot be taken in, or None."""
    if not is_safe_media_name(name):
        return "points outside the media folder"
    if re.search("[\x00-\x1f\x7f]", name):
        return "holds a control character, as no name Anki writes does"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_MEDIA_NAME_BYTES:
        return f"is longer than {MAX_MEDIA_NAME_BYTES} bytes, as no name Anki writes is"
    return None


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError as exc:
        raise FormatError(str(path), None, f"cannot read the file ({_reason(exc)})") from exc


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    return text.splitlines()[0][:120]
