"""Tables of notes (.csv, .tsv, Anki's .txt exports) read into plain deck data, and written out.

The delimiter and a header row are sniffed; Anki's text-export headers (`#separator:`, `#html:`,
`#columns:`, `#deck:`, `#tags:`, `#tags column:`, `#guid column:`, `#notetype column:`,
`#deck column:`) are understood. Which column is the front is read from the header (the first
content column, as Anki does) or chosen with a `columns` spec when a file cannot tell.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from revise.errors import ColumnsUnclear, FormatError
from revise.formats import files
from revise.formats.files import (
    LEGACY_ENCODING,
    UTF16_BOMS,
    UTF16_WITHOUT_BOM,
    has_utf8_sequences,
    nul_problem,
    write_atomic,
)
from revise.formats.htmltext import html_to_text, looks_like_html, plain_to_text
from revise.formats.model import (
    FIELD_TOO_LONG,
    ClozeError,
    DeckData,
    NoteData,
    NoteKind,
    SourceRef,
    bracket_cloze,
    cloze_segments,
    deck_name_problem,
    field_too_long,
    meaning_hash,
)
from revise.textsafe import quoted

MAX_TABLE_BYTES = 64 * 1024 * 1024
DELIMITERS = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe", ":": "colon", " ": "space"}
ROLES = ("front", "back", "tags", "guid", "deck", "notetype", "context", "source", "skip")
ROLE_HELP = ", ".join(ROLES)
_NOTE_ROLES = ("guid", "tags", "deck", "notetype", "context", "source")  # besides the text

# Header names that say what a column holds (compared case-folded).
_ROLE_NAMES = {
    "guid": {"guid", "note guid", "anki guid"},
    "tags": {"tags", "tag"},
    "deck": {"deck", "deck name"},
    "notetype": {"notetype", "note type", "note_type", "model"},
    "context": {"context"},  # a card's heading trail, as revise writes it
    "source": {"source"},  # where a card came from, `path:LINE`; other text stays card text
    "front": {"front", "question", "q", "prompt", "term", "word", "text", "cloze", "expression"},
    "back": {"back", "answer", "a", "definition", "meaning", "back extra", "extra", "translation"},
}
_ANKI_CLOZE = re.compile(r"\{\{c\d+::")


@dataclass
class _Meta:
    """What Anki's `#key:value` header lines say; columns are 0-based here."""

    delimiter: str | None = None
    html: bool | None = None
    labels: list[str] | None = None
    deck: str | None = None
    tags: tuple[str, ...] = ()
    role_columns: dict[str, int] = field(default_factory=dict)
    lines: int = 0  # how many lines the header takes


@dataclass
class _Layout:
    """Which column plays which role, and the labels of the back columns."""

    front: int
    back: list[int]
    roles: dict[str, int]
    labels: list[str]


ROWS_PER_BATCH = 2_000  # rows read, turned into notes and handed on at a time (their memory)
# How a row is turned into a note, as far as a note's origin tells (a digest of this, of the
# row and of the table's layout): a change to `_note` that reads a row otherwise changes it,
# so that every table is read whole again once and its notes take the new reading.
_READING = 1


def read_csv_deck(
    path: Path, *, deck: str | None = None, columns: str | None = None
) -> list[DeckData]:
    """The notes of a table file, grouped into decks (one, unless a deck column names several)."""
    by_deck: dict[str, list[NoteData]] = {}
    for batch in TableReader(path, deck=deck, columns=columns).batches():
        for name, note in batch:
            by_deck.setdefault(name, []).append(note)
    return [DeckData(name=name, notes=notes) for name, notes in by_deck.items()]


class TableReader:
    """A table file read a batch of rows at a time, so that a million rows never sit in memory
    at once: an import stores each batch before the next is read.

    Opening it checks the file (size, encoding) and counts its lines; `batches` reads it again
    from the start each time it is called, raising FormatError at the first row it cannot read.

    Each note gets its `origin`, a digest of its row and of how the table is read (its header,
    columns, deck): `origins` gives them without reading the rows into notes, for a re-import
    to tell that a table is as stored (revise/storage/merge.py's `unchanged_table`).
    """

    def __init__(self, path: Path, *, deck: str | None = None, columns: str | None = None) -> None:
        if columns is not None and not columns.strip():  # `--columns ""` asks for something
            raise FormatError(
                str(path), None, "the columns given are empty (name them in order: front,back,tags)"
            )
        self.path = path
        self.deck = deck
        self.columns = columns
        self._encoding, self.lines = _scan(path)

    def deck_info(self, name: str) -> DeckData:
        """A table says nothing of its decks but their names."""
        return DeckData(name)

    def media(self) -> dict[str, bytes]:
        """A table holds no media files."""
        return {}

    def close(self) -> None:
        """Nothing is held open between `batches`."""

    def batches(self) -> Iterator[list[tuple[str, NoteData]]]:
        """(deck name, note) for the rows of each batch, in file order."""
        return self._read(notes=True)  # type: ignore[return-value]

    def origins(self) -> Iterator[tuple[str, str]]:
        """(deck name, origin) of each row, in file order, the row not read into a note (a row
        that makes no note has one too); raises FormatError as `batches` would, or later."""
        for batch in self._read(notes=False):
            yield from batch  # type: ignore[misc]

    def _read(self, *, notes: bool) -> Iterator[list[tuple[str, NoteData | str]]]:
        path, columns = self.path, self.columns
        with _text_lines(path, self._encoding) as lines:
            head: list[str] = []
            for raw in lines:
                head.append(raw)
                if not _is_meta_line(len(head) - 1, raw.rstrip("\r\n")):
                    break
            meta = _read_meta(head)
            body = itertools.chain(head[meta.lines :], lines)
            delimiter = meta.delimiter
            if delimiter is None:
                sample = list(_first_chars(body, _SNIFF_CHARS))
                delimiter = _sniff_delimiter(path, "".join(sample)[:_SNIFF_CHARS])
                body = itertools.chain(sample, body)
            rows = _parse_rows(path, body, delimiter, meta.lines)
            batch = list(itertools.islice(rows, ROWS_PER_BATCH))
            if not batch:
                raise FormatError(str(path), None, "no rows of notes found (is the file empty?)")
            header: list[str] | None = meta.labels
            if header is None and _is_header(batch[0][1]):
                header = batch.pop(0)[1]
            elif header is None and columns is None and (log := _review_log(path, batch[0][1])):
                raise log
            widest = len(header or [])
            needed = _spec_width(columns)  # a spec may name columns only later rows have
            width = max(widest, needed)
            layout: _Layout | None = None
            default_deck = self.deck or meta.deck or path.stem
            if problem := deck_name_problem(default_deck):  # the #deck: header's, or the file's
                raise FormatError(str(path), None, problem)
            deck_column = None
            any_note = False
            while batch:
                widest = max(widest, *(len(row) for _, row in batch))
                if layout is None or widest > width:
                    width = max(width, widest)
                    layout = _layout(path, header, width, meta, columns, batch[0][1])
                    deck_column = layout.roles.get("deck")
                    how = repr((_READING, default_deck, self.deck is None, layout, meta))
                    shared = how.encode("utf-8", "surrogatepass")
                    fresh = hashlib.blake2b(shared, digest_size=16).copy
                read: list[tuple[str, NoteData | str]] = []
                for line, row in batch:
                    digest = fresh()
                    digest.update(repr(row).encode("utf-8", "surrogatepass"))
                    origin = digest.hexdigest()
                    item: NoteData | str = origin
                    if notes:
                        note = _note(path, line, row, layout, meta)
                        if note is None:
                            continue
                        note.origin = origin
                        item = note
                    name = default_deck
                    if self.deck is None and deck_column is not None:
                        name = _cell(row, deck_column).strip() or default_deck
                    if name != default_deck and (problem := deck_name_problem(name)):
                        raise FormatError(str(path), line, problem)
                    read.append((name, item))
                any_note = any_note or bool(read)
                yield read
                batch = list(itertools.islice(rows, ROWS_PER_BATCH))
            if widest < needed:
                raise _spec_too_wide(path, columns or "", needed, widest)
            if not any_note:
                raise FormatError(str(path), None, "every row is empty; nothing to import")


_SNIFF_CHARS = 64 * 1024


def _first_chars(lines: Iterator[str], count: int) -> Iterator[str]:
    """Lines from `lines` until they hold at least `count` characters."""
    total = 0
    for line in lines:
        yield line
        total += len(line)
        if total >= count:
            return


def _spec_width(spec: str | None) -> int:
    """How many columns a `--columns` spec naming columns by place needs (0: by name)."""
    if not spec or "=" in spec:
        return 0
    return len(spec.split(","))


def _scan(path: Path) -> tuple[str, int]:
    """The encoding a table file is read in, as `decode_text` would choose it, and how many
    lines it has; raises FormatError for a file that cannot be read or is too large. The file
    is read a megabyte at a time, never whole."""
    where = str(path)
    try:
        if path.is_dir():
            raise FormatError(where, None, "is a folder, not a table (name a file)")
        if path.stat().st_size > MAX_TABLE_BYTES:
            raise _too_large(where)
        with path.open("rb") as handle:
            chunks = _chunks(handle)
            first = next(chunks, b"")
            if first.startswith(UTF16_BOMS):
                return "utf-16", _utf16_lines(where, itertools.chain([first], chunks))
            return _scan_bytes(where, itertools.chain([first], chunks))
    except FileNotFoundError:
        raise FormatError(where, None, "no such file (check the path)") from None
    except OSError as error:
        raise FormatError(where, None, f"cannot read the file ({error.strerror})") from None


_CHUNK_BYTES = 1024 * 1024


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    """The rest of a file a megabyte at a time; FormatError once it passes MAX_TABLE_BYTES
    (a file may grow while it is read)."""
    size = 0
    while chunk := handle.read(_CHUNK_BYTES):
        size += len(chunk)
        if size > MAX_TABLE_BYTES:
            raise _too_large(handle.name)
        yield chunk


def _utf16_lines(where: str, chunks: Iterable[bytes]) -> int:
    """How many lines a UTF-16 file has (its bytes 0x0A are not all line breaks)."""
    decoder = codecs.getincrementaldecoder("utf-16")()
    lines = 1
    try:
        for chunk in chunks:
            lines += decoder.decode(chunk).count("\n")
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise FormatError(where, None, "damaged UTF-16 text; save it as UTF-8") from exc
    return lines


def _scan_bytes(where: str, chunks: Iterable[bytes]) -> tuple[str, int]:
    """UTF-8 (with or without BOM) if every byte is, else Windows-1252 if no byte is UTF-8; a
    mix is refused, naming the first line that is not UTF-8 (as `decode_text` does)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    bad_line = None  # the first line that is not UTF-8
    utf8_seen = legacy = False
    tail = b""  # the end of the previous chunk: a UTF-8 sequence may span two
    start = b""  # the file's first chunk
    for chunk in chunks:
        start = start or chunk
        if (nul := chunk.find(b"\x00")) >= 0:
            line = lines + chunk.count(b"\n", 0, nul)
            problem = nul_problem(start, "a table")
            raise FormatError(where, None if problem == UTF16_WITHOUT_BOM else line, problem)
        if bad_line is None:
            buffered = decoder.getstate()[0]
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad_line = lines + (buffered + chunk)[: exc.start].count(b"\n")
        lines += chunk.count(b"\n")
        utf8_seen = utf8_seen or has_utf8_sequences(tail + chunk)
        legacy = legacy or _not_legacy(chunk)
        tail = chunk[-3:]
    if bad_line is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            bad_line = lines
    if bad_line is None:
        return "utf-8-sig", lines
    if utf8_seen:
        raise FormatError(
            where,
            bad_line,
            "text is not UTF-8 here although other lines are (mixed encodings); "
            "save the file as UTF-8",
        )
    if legacy:
        raise FormatError(where, bad_line, "text is not UTF-8; save the file as UTF-8")
    return LEGACY_ENCODING, lines


def _not_legacy(chunk: bytes) -> bool:
    try:
        chunk.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:
        return True
    return False


def _too_large(where: str) -> FormatError:
    megabytes = MAX_TABLE_BYTES // (1024 * 1024)
    return FormatError(where, None, f"too large: over {megabytes} MB for a table; split it")


_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", LEGACY_ENCODING: "Windows-1252"}


@contextmanager
def _text_lines(path: Path, encoding: str) -> Iterator[Iterator[str]]:
    """The lines of a table file with their line breaks, decoded as they are read."""
    try:
        # newline="": lines end at \n, \r\n or \r and keep their ends, as the csv module wants
        with path.open(encoding=encoding, newline="") as handle:
            yield handle
    except FileNotFoundError:
        raise FormatError(str(path), None, "no such file (check the path)") from None
    except UnicodeDecodeError as error:  # changed since it was checked
        name = _ENCODING_NAMES[encoding]
        raise FormatError(
            str(path), None, f"text is not {name} ({error.reason}); save the file as UTF-8"
        ) from None
    except OSError as error:
        raise FormatError(str(path), None, f"cannot read the file ({error.strerror})") from None


# --- bytes to text ---------------------------------------------------------------------------


def decode_text(path: Path, data: bytes) -> str:
    """Text of a file as `files.decode_text` reads it; a NUL byte is refused, naming its line."""
    if not data.startswith(UTF16_BOMS) and (nul := data.find(b"\x00")) >= 0:
        problem = nul_problem(data, "text")
        line = None if problem == UTF16_WITHOUT_BOM else data.count(b"\n", 0, nul) + 1
        raise FormatError(str(path), line, problem)
    return files.decode_text(str(path), data)


# --- Anki's header lines -----------------------------------------------------------------------


def _is_meta_line(index: int, line: str) -> bool:
    """Whether a line at the top of a table is one of Anki's header lines, not a row."""
    return line.startswith("#") or (index == 0 and line.startswith("tags:"))


def _read_meta(lines: Iterable[str]) -> _Meta:
    meta = _Meta()
    pending_labels: str | None = None
    for index, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if index == 0 and line.startswith("tags:"):
            meta.tags = tuple(line[5:].split())
        elif line.startswith("#") and ":" in line:
            key, value = line[1:].split(":", 1)
            pending_labels = _meta_value(meta, key.strip().lower(), value) or pending_labels
        elif not line.startswith("#"):
            break
        meta.lines = index + 1
    if pending_labels is not None:
        meta.labels = next(csv.reader([pending_labels], delimiter=meta.delimiter or ","), [])
    return meta


def _meta_value(meta: _Meta, key: str, value: str) -> str | None:
    """Apply one header line; returns a raw `#columns:` value, split once the delimiter is known."""
    stripped = value.strip()
    if key == "separator":
        meta.delimiter = _delimiter_from_name(value)
    elif key == "html":
        meta.html = stripped.lower() == "true"
    elif key == "columns":
        return value
    elif key == "deck":
        meta.deck = stripped or None
    elif key == "tags":
        meta.tags = tuple(stripped.split())
    elif key.endswith(" column") and stripped.isdigit() and int(stripped) > 0:
        role = key.removesuffix(" column").strip()
        if role in ("tags", "guid", "deck", "notetype"):
            meta.role_columns[role] = int(stripped) - 1
    return None


def _delimiter_from_name(value: str) -> str | None:
    name = value.strip().lower()
    for char, char_name in DELIMITERS.items():
        if name == char_name:
            return char
    raw = value.rstrip("\r\n")
    return raw if len(raw) == 1 else None


# --- rows ------------------------------------------------------------------------------------


def _sniff_delimiter(path: Path, body: str) -> str:
    """The delimiter giving the most rows with one consistent number of columns (>1)."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    sample = body[: 64 * 1024]
    best, best_score = ",", (0, 0)
    for delimiter in ("\t", ",", ";", "|"):
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=delimiter))[:50]
        except csv.Error:
            continue
        if len(rows) > 1 and len(sample) == 64 * 1024:
            rows = rows[:-1]  # the sample may end mid-row
        widths = [len(row) for row in rows if row]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common) if common > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _parse_rows(
    path: Path, lines: Iterable[str], delimiter: str, offset: int
) -> Iterator[tuple[int, list[str]]]:
    """(line number of the row's start, cells) for each non-empty row."""
    source = _Lines(lines)
    reader = csv.reader(source, delimiter=delimiter, strict=False)
    start = 1
    try:
        for row in reader:
            line = offset + start
            start = reader.line_num + 1
            if source.ended:  # the row asked for a line past the last: its quote never closed
                raise FormatError(
                    str(path),
                    line,
                    'a quoted cell is not closed by the end of the file (close it with ", '
                    'or write "" for a quote inside a cell)',
                )
            for cell in row:
                if field_too_long(cell):
                    raise _too_long(path, line)
            if any(cell.strip() for cell in row):
                yield line, row
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _too_long(path, offset + start) from exc
        raise FormatError(str(path), offset + start, f"not readable as a table ({exc})") from exc


class _Lines:
    """Lines that know when they ran out. The csv module asks for the next line in the middle of
    a row only inside a quoted cell, and at the end of the file it gives back that row whole,
    however many rows after the quote it swallowed."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.ended = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            return next(self.lines)
        except StopIteration:
            self.ended = True
            raise


def _too_long(path: Path, line: int) -> FormatError:
    return FormatError(
        str(path),
        line,
        f"{FIELD_TOO_LONG} (an unclosed quote, or not a table "
        "of notes); check the quotes on this line",
    )


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


def _is_header(cells: list[str]) -> bool:
    """A first row naming its columns: it names a known role and holds no cloze or HTML."""
    folded = [cell.strip().casefold() for cell in cells]
    if any(_ANKI_CLOZE.search(cell) or looks_like_html(cell) for cell in cells):
        return False
    known = set().union(*_ROLE_NAMES.values())
    return any(cell in known for cell in folded)


# --- columns ---------------------------------------------------------------------------------


def _layout(
    path: Path,
    header: list[str] | None,
    width: int,
    meta: _Meta,
    spec: str | None,
    sample: list[str],
) -> _Layout:
    labels = [(header[i] if header and i < len(header) else "").strip() for i in range(width)]
    if spec:
        return _layout_from_spec(path, spec, labels, width)
    roles = dict(meta.role_columns)
    for index, label in enumerate(labels):
        for role in _NOTE_ROLES:
            if role not in roles and label.casefold() in _ROLE_NAMES[role]:
                roles[role] = index
    taken = set(roles.values())
    content = [index for index in range(width) if index not in taken]
    if not content:
        raise _ambiguous(path, width, "no column is left for the card text", sample)
    front = _named_column(labels, content, "front")
    if header is None and meta.labels is None and len(content) > 2:
        raise _ambiguous(
            path, width, f"{len(content)} text columns and no header naming them", sample
        )
    if front is None:
        front = content[0]
    back = [index for index in content if index != front]
    primary = _named_column(labels, back, "back")
    if primary is not None:
        back.remove(primary)
        back.insert(0, primary)
    return _Layout(front, back, roles, labels)


def _named_column(labels: list[str], candidates: list[int], role: str) -> int | None:
    names = _ROLE_NAMES[role]
    return next((index for index in candidates if labels[index].casefold() in names), None)


def _layout_from_spec(path: Path, spec: str, labels: list[str], width: int) -> _Layout:
    """`front,back,tags` (a role per column, in order) or `front=question,back=answer+notes`."""
    items = [item.strip() for item in spec.split(",")]
    assignments: list[tuple[str, int]] = []
    if all("=" in item for item in items):
        for item in items:
            role, names = (part.strip() for part in item.split("=", 1))
            for name in names.split("+"):
                assignments.append((_role(path, spec, role), _column_named(path, name, labels)))
    elif any("=" in item for item in items):
        raise FormatError(
            str(path),
            None,
            f"columns {quoted(spec)} mixes the two styles; use all role=column or none",
        )
    else:
        if len(items) > width:
            raise _spec_too_wide(path, spec, len(items), width)
        assignments = [(_role(path, spec, role or "skip"), i) for i, role in enumerate(items)]
    roles: dict[str, int] = {}
    fronts: list[int] = []
    backs: list[int] = []
    for role, index in assignments:
        if role == "front":
            fronts.append(index)
        elif role == "back":
            backs.append(index)
        elif role != "skip":
            roles[role] = index
    if len(fronts) != 1:
        raise FormatError(
            str(path), None, f"columns {quoted(spec)} must name exactly one front column"
        )
    return _Layout(fronts[0], backs, roles, labels)


def _spec_too_wide(path: Path, spec: str, named: int, width: int) -> FormatError:
    return FormatError(
        str(path), None, f"columns {quoted(spec)} names {named} columns; the file has {width}"
    )


def _role(path: Path, spec: str, role: str) -> str:
    role = role.strip().lower()
    if role == "-":
        return "skip"
    if role not in ROLES:
        raise FormatError(
            str(path),
            None,
            f"columns {quoted(spec)}: unknown role {quoted(role)} (roles: {ROLE_HELP})",
        )
    return role


def _column_named(path: Path, name: str, labels: list[str]) -> int:
    name = name.strip()
    if name.isdigit() and 1 <= int(name) <= len(labels):
        return int(name) - 1
    for index, label in enumerate(labels):
        if label.casefold() == name.casefold():
            return index
    shown = ", ".join(repr(label) for label in labels if label) or "none (no header row)"
    raise FormatError(
        str(path), None, f"no column named {quoted(name)}; columns: {shown} (or use numbers from 1)"
    )


def _ambiguous(path: Path, width: int, why: str, sample: list[str]) -> ColumnsUnclear:
    example = ",".join(["front", "back", "tags", "skip"][: max(2, min(width, 4))])
    return ColumnsUnclear(str(path), why, example, ROLE_HELP, tuple(sample))


def _review_log(path: Path, first_row: list[str]) -> FormatError | None:
    """A review log from elsewhere is no table of cards: say how it is used instead."""
    from revise.scheduling.optimize import LOG_COLUMNS

    named = {cell.strip().casefold() for cell in first_row}
    if not set(LOG_COLUMNS[:3]) <= named:
        return None
    return FormatError(
        str(path),
        None,
        f"a review log ({', '.join(LOG_COLUMNS)}), not cards to import; "
        f"fit the scheduler to it with: revise optimize --from-log {quoted(str(path))}",
    )


# --- notes -----------------------------------------------------------------------------------


def _note(path: Path, line: int, row: list[str], layout: _Layout, meta: _Meta) -> NoteData | None:
    front, media = _field_text(_cell(row, layout.front), meta.html)
    kind = _kind(path, line, front, _cell(row, layout.roles.get("notetype"))) if front else None
    backs: list[str] = []
    for position, index in enumerate(layout.back):
        text, found = _field_text(_cell(row, index), meta.html)
        media += found
        if not text:
            continue
        label = layout.labels[index] if index < len(layout.labels) else ""
        # A question's first back column is its answer; other columns show under their names.
        named_back = label.casefold() in _ROLE_NAMES["back"]
        is_answer = position == 0 and (kind is not NoteKind.CLOZE or named_back)
        backs.append(text if is_answer or not label else f"{label}: {text}")
    back = "\n".join(backs)
    if kind is None:
        if not back:
            return None
        raise FormatError(
            str(path),
            line,
            "this row has no front text; fill it in or choose columns with --columns",
        )
    tags = meta.tags + tuple(re.split(r"[\s,]+", _cell(row, layout.roles.get("tags")).strip()))
    guid = _cell(row, layout.roles.get("guid")).strip() or None
    source_text = _cell(row, layout.roles.get("source")).strip()
    source = _source(source_text)
    if source_text and source is None:  # not a reference: a column of the card like the others
        back = "\n".join(
            filter(None, [back, f"{layout.labels[layout.roles['source']]}: {source_text}"])
        )
    own = bracket_cloze(front) if kind is NoteKind.CLOZE else front
    if guid is not None and guid == meaning_hash(kind.value, own, back):
        front, guid = own, None  # revise wrote the card (its meaning is its guid): as it was
    return NoteData(
        kind=kind,
        front=front,
        back=back,
        context=_cell(row, layout.roles.get("context")).strip(),
        tags=tuple(dict.fromkeys(tag for tag in tags if tag)),
        source=source,
        id=guid,
        line=line,
        media=tuple(dict.fromkeys(media)),
    )


def _source(text: str) -> SourceRef | None:
    try:
        return SourceRef.parse(text) if text else None
    except ValueError:
        return None


def _field_text(value: str, html: bool | None) -> tuple[str, tuple[str, ...]]:
    if html is True or (html is None and looks_like_html(value)):
        return html_to_text(value)
    return plain_to_text(value)


def _kind(path: Path, line: int, front: str, notetype: str) -> NoteKind:
    if _ANKI_CLOZE.search(front) or "cloze" in notetype.casefold():
        try:
            cloze_segments(front)
        except ClozeError as exc:
            raise FormatError(str(path), line, f"cloze text cannot be read: {exc}") from exc
        return NoteKind.CLOZE
    if "revers" in notetype.casefold():
        return NoteKind.REVERSED
    return NoteKind.BASIC


# --- writing ---------------------------------------------------------------------------------

NOTETYPE_NAMES = {
    NoteKind.BASIC: "Basic",
    NoteKind.REVERSED: "Basic (and reversed card)",
    NoteKind.CLOZE: "Cloze",
}


def write_csv(deck: DeckData, path: Path) -> None:
    """A table Anki imports as is (its `#` header lines say which column is what); `.tsv` files
    are tab-separated, others comma-separated. Cloze notes are written in Anki's syntax."""
    from revise.formats.anki_export import anki_cloze_text

    delimiter = "\t" if path.suffix.lower() in (".tsv", ".txt") else ","
    name = DELIMITERS[delimiter].capitalize()
    out = io.StringIO(newline="")
    out.write(f"#separator:{name}\n#html:false\n")
    if "\n" not in deck.name and not deck.name.startswith("#"):
        out.write(f"#deck:{deck.name}\n")
    out.write("#guid column:1\n#notetype column:2\n#tags column:5\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    out.write("#columns:")
    writer.writerow(["guid", "notetype", "front", "back", "tags", "context", "source"])
    for note in deck.notes:
        front = anki_cloze_text(note.front) if note.kind is NoteKind.CLOZE else note.front
        writer.writerow(
            [
                note.key,
                NOTETYPE_NAMES[note.kind],
                front,
                note.back,
                " ".join(note.tags),
                note.context,
                str(note.source) if note.source else "",
            ]
        )
    write_atomic(path, out.getvalue())
