"""The native deck file format (`*.md`): plain text a person writes and reads.

Card syntax is that of hashcards and repeater, so decks move between the tools:

    ---
    name: Korea
    tags: [history]
    ---
    # Tsarist era
    <!-- id: k3f9a2; source: notes/russia.txt:14-16 -->
    Q: When did Russia establish a legation in Seoul?
    A: 1896

    C: Japan's victory resulted in the [Treaty of Portsmouth].

    Capital of North Korea :: Pyongyang

Inside a card, a line that would read as a marker is written with a leading backslash
(`\\Q: ...`); the reader drops that one backslash. The README's "Deck files" section is the
user's reference.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

import yaml

from revise.errors import FormatError
from revise.formats.files import (
    UTF16_BOMS,
    UTF16_WITHOUT_BOM,
    decode_text,
    looks_like_utf16,
    read_capped,
)
from revise.formats.model import (
    FIELD_TOO_LONG,
    ClozeError,
    DeckData,
    NoteData,
    NoteKind,
    SourceRef,
    cloze_segments,
    deck_name_problem,
    field_too_long,
)
from revise.formats.outliner import field_lines, without_highlights
from revise.textsafe import quoted

MAX_DECK_BYTES = 50 * 1024 * 1024
FRONT_MATTER_KEYS = ("name", "tags", "source", "description")
META_KEYS = ("id", "source", "tags", "kind")
ONE_LINE_WIDTH = 100  # longest `front :: back` line the writer makes; longer cards get Q:/A:

_HEADING = re.compile(r"(#+)(?:\s(.*))?$")
_SEPARATOR = re.compile(r"-{3,}\s*$")
_COLONS = re.compile(r":{2,}")
_META_START = re.compile(r"\s*(?:id|source|tags|kind)\s*:")
_SECTION = re.compile(r"\s*deck\s*:")
_META_KEY = re.compile(r"\s*([^\s:;]*)\s*:")
_BARE_TAG = re.compile(r'[^\s,;"]+')
_TAG_SPLIT = re.compile(r"[\s,]+")
_JSON = json.JSONDecoder()
# The common cloze, plain `[deletions]` without backslashes or braces, is checked at regex speed;
# anything else goes through cloze_segments, which also gives the exact error.
_PLAIN_CLOZE = re.compile(r"[^\[\\{]*(?:\[\s*[^\[\]\\{\s][^\[\]\\{]*\][^\[\\{]*)+")

_STRAY_TEXT = (
    "text outside a card (start a card with 'Q:', 'C:' or 'front :: back', "
    "or put notes in an <!-- HTML comment -->)"
)


_ONE_COLON = re.compile(r"([^:]*[^:\s])\s*:\s+([^:]*\S)\s*")


def _stray_text(line: str) -> str:
    """The error for a line outside a card; one with a single colon is a card mistyped."""
    mistyped = _ONE_COLON.fullmatch(line)
    if mistyped is None:
        return _STRAY_TEXT
    return (
        "text outside a card: a card is 'front :: back' with two colons "
        f"(write '{mistyped[1]} :: {mistyped[2]}', or put notes in an <!-- HTML comment -->)"
    )


class _Line(Enum):
    """What one line of a deck file is, judged on its own."""

    BLANK = auto()
    TEXT = auto()
    QUESTION = auto()
    ANSWER = auto()
    CLOZE = auto()
    HEADING = auto()
    SEPARATOR = auto()
    COMMENT = auto()
    ONE_LINE = auto()  # holds `::`; a card at the top level or after a blank line
    ESCAPED = auto()  # a backslash before what would otherwise be one of the above


_MARKERS = {"Q": _Line.QUESTION, "A": _Line.ANSWER, "C": _Line.CLOZE}
# Lines that end the text of a card wherever they appear.
_STRUCTURE = (
    _Line.QUESTION,
    _Line.ANSWER,
    _Line.CLOZE,
    _Line.HEADING,
    _Line.SEPARATOR,
    _Line.COMMENT,
)


def _classify(line: str) -> _Line:
    if not line or line.isspace():
        return _Line.BLANK
    first = line[0]
    if first in _MARKERS and line[1:2] == ":":
        return _MARKERS[first]
    if first == "#" and _HEADING.match(line):
        return _Line.HEADING
    if first == "-" and _SEPARATOR.match(line):
        return _Line.SEPARATOR
    if line.startswith("<!--"):
        return _Line.COMMENT
    if first == "\\":
        unescaped = _classify(line.lstrip("\\"))
        return _Line.TEXT if unescaped in (_Line.TEXT, _Line.BLANK) else _Line.ESCAPED
    if "::" in line:
        return _Line.ONE_LINE
    return _Line.TEXT


def read_deck_file(path: Path) -> DeckData:
    """Read and parse a deck file of one deck; any problem is a FormatError naming the file and
    line."""
    decks = read_deck_file_decks(path)
    if len(decks) > 1:
        raise FormatError(
            str(path), None, "holds several decks (deck: sections); import it with revise import"
        )
    return decks[0]


def read_deck_file_decks(path: Path) -> list[DeckData]:
    """Every deck of a deck file: its own, and one per `<!-- deck: NAME -->` section."""
    name = str(path)
    text = deck_text(name, read_capped(path, MAX_DECK_BYTES, "deck file"))
    decks = parse_decks(text, name, path.stem)
    _attach_media(decks, media_folder(path))
    for deck in decks:
        deck.file = str(path.resolve())
    return decks


def deck_text(name: str, data: bytes) -> str:
    """A deck file's text, as `files.decode_text` reads it (UTF-8; UTF-16 with a byte-order
    mark, as Windows Notepad saves "Unicode" text; Windows-1252, its "ANSI")."""
    nul = data.find(b"\x00")
    if nul >= 0 and not data.startswith(UTF16_BOMS):
        if looks_like_utf16(data):
            raise FormatError(name, None, UTF16_WITHOUT_BOM)
        raise FormatError(
            name,
            data.count(b"\n", 0, nul) + 1,
            "a binary file, not a deck (deck files are plain UTF-8 text)",
        )
    return decode_text(name, data)


def media_folder(path: Path) -> Path:
    """Where a deck file's pictures and sounds live: `NAME.media/` beside `NAME.md`."""
    return path.with_name(f"{path.stem}.media")


def _attach_media(decks: list[DeckData], folder: Path) -> None:
    """Give each note the files its text mentions (`(image: cat.jpg)`) that are in `folder`."""
    from revise.formats.htmltext import media_mentions
    from revise.formats.safezip import MAX_MEDIA_FILE_BYTES, is_safe_media_name

    if not folder.is_dir():
        return
    found: dict[str, bytes | None] = {}
    for deck in decks:
        for note in deck.notes:
            names = []
            for name in [*media_mentions(note.front), *media_mentions(note.back)]:
                if name not in found:
                    present = is_safe_media_name(name) and (folder / name).is_file()
                    found[name] = (
                        read_capped(folder / name, MAX_MEDIA_FILE_BYTES, "media file")
                        if present
                        else None
                    )
                if found[name] is not None:
                    names.append(name)
            if names:
                note.media = tuple(dict.fromkeys(names))
                deck.media.update((name, found[name]) for name in note.media)  # type: ignore[misc]


def parse_deck(text: str, path: str, default_name: str) -> DeckData:
    """Parse deck-file text; the first problem raises FormatError(path, line, message)."""
    decks = parse_decks(text, path, default_name)
    if len(decks) > 1:
        raise FormatError(path, None, "holds several decks (deck: sections); read them all")
    return decks[0]


def parse_decks(text: str, path: str, default_name: str) -> list[DeckData]:
    """Parse deck-file text into its deck and the decks of its `deck:` sections."""
    return _DeckParser(text, path).parse(default_name)


MARKED_PROSE_SHARE = 2  # lines of other text a deck's `Q:`/`C:` lines may come with


@dataclass(frozen=True, slots=True)
class DeckEvidence:
    """What in a Markdown text says it is a deck file (revise.formats.detect decides)."""

    own_syntax: bool  # a Q:/C: card, a card metadata comment, or `name:` in front matter
    cards: int = 0  # `front :: back` lines
    tight_cards: int = 0  # `front::back` lines, written as code writes `std::vector`
    prose: int = 0  # lines of other text outside comments and cards


_UNCLOSED_HEADER_LINES = 20
_TIGHT_SEPARATOR = re.compile(r"\S:{2,3}\S")
_FRONT_MATTER_NAME = re.compile(r"\s*['\"]?name['\"]?\s*:")


class _KeyTwice(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(key, line)
        self.key, self.line = key, line


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice, as card metadata does (YAML keeps the
    last one without a word: `name: Chem` then `name: Bio` imported into Bio)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:  # type: ignore[type-arg]
        seen: set[object] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # `<<: *anchor` is SafeLoader's to merge
            key = self.construct_object(key_node, deep=deep)
            try:
                if key in seen:
                    raise _KeyTwice(key, key_node.start_mark.line)
                seen.add(key)
            except TypeError:  # an unhashable key: SafeLoader says so itself
                break
        return super().construct_mapping(node, deep=deep)


_LINE_BREAK = re.compile("\r\n?|\n")


def text_lines(text: str) -> list[str]:
    """A deck text's lines, whichever line breaks its file uses: LF, CR LF (Windows) or CR alone
    (classic Mac OS, whose cards would otherwise run together on one line)."""
    return _LINE_BREAK.split(text.removeprefix("\ufeff"))


def deck_evidence(text: str) -> DeckEvidence:
    """The deck syntax a Markdown text uses.

    A `C:` line with its deletion, a card metadata comment or a deck `name:` in front matter are
    ours alone. `Q:` lines (a `Q:` left without its `A:` is a deck with a mistake, to be reported
    as such) make a deck unless the paragraphs outside any card hold more than twice as many
    lines: then they are a student's self-test questions among notes. Otherwise the `::` card
    lines are counted against the lines of other text, so that a deck with a mistyped line is
    still a deck, and notes with a few `::` lines are still notes.
    """
    lines = text_lines(text)
    if lines[0].rstrip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), 0)
        # Front matter left unclosed is still judged by its first lines.
        header = lines[1:closing] if closing else lines[1:_UNCLOSED_HEADER_LINES]
        if any(_FRONT_MATTER_NAME.match(line) for line in header):
            return DeckEvidence(own_syntax=True)
        lines = lines[closing + 1 :]
    properties = field_lines(lines)  # an outliner's `tags:: biology`, `Date:: 1066`: no card
    cards = tight = prose = 0
    marked = 0  # `Q:`/`C:` lines
    asking = False  # a `Q:` read, its `A:` not yet
    in_card = False  # the lines since a `Q:`, `A:` or `C:`, up to a blank line, are its text
    fenced = in_comment = False
    for number, line in enumerate(lines):
        if number in properties:
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            prose += 1
            continue
        if fenced:
            prose += 1
            continue
        kind = _classify(line)
        if kind is _Line.ANSWER and asking:
            asking, in_card = False, True  # a `Q:` and its `A:`
            continue
        if kind is _Line.CLOZE and re.search(r"\[[^\]]+\]|\{\{", line):
            return DeckEvidence(own_syntax=True)  # a `C:` with its deletion
        if kind in (_Line.QUESTION, _Line.CLOZE):
            marked += 1
            asking = kind is _Line.QUESTION
            in_card = True
            continue
        if kind is _Line.BLANK:
            in_card = False
        if kind is _Line.TEXT and in_card:
            continue  # a question or answer written over several lines
        if kind is _Line.HEADING:
            asking = False
        if kind is _Line.COMMENT:
            if _META_START.match(line, 4) or _SECTION.match(line, 4):
                return DeckEvidence(own_syntax=True)
            in_comment = "-->" not in line[4:]
        elif (kind is _Line.ONE_LINE or kind is _Line.ESCAPED) and "::" not in without_highlights(
            line
        ):
            prose += 1  # "there were ::roughly 800 houses:: in England": a highlight, no card
        elif kind is _Line.ONE_LINE or (kind is _Line.ESCAPED and "::" in line):
            if _TIGHT_SEPARATOR.search(line):
                tight += 1
            else:
                cards += 1
        elif kind in (_Line.TEXT, _Line.ESCAPED):
            prose += 1
    if marked and prose <= MARKED_PROSE_SHARE * (marked + cards):
        # Cards, some perhaps with a mistake (a `Q:` left without its `A:`): a deck, its errors
        # reported. A `Q:` among paragraphs of notes ("Q: A radio station broadcasts ...") is
        # their text, and so are a student's `Q:`/`A:` self-test lines among more notes.
        return DeckEvidence(own_syntax=True)
    return DeckEvidence(own_syntax=False, cards=cards, tight_cards=tight, prose=prose + marked)


@dataclass(slots=True)
class _Meta:
    """Card metadata read from comments, waiting for the card below them."""

    line: int  # 1-based line of the first comment
    keys: set[str]
    id: str | None = None
    id_line: int = 0
    source: SourceRef | None = None
    tags: tuple[str, ...] = ()
    reversed: bool = False


class _DeckParser:
    """Reads a deck text top to bottom; `index` values are 0-based line positions."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text_lines(text)
        self.kinds = [_classify(line) for line in self.lines]
        self.trail: list[tuple[int, str]] = []  # (heading level, title)
        self.ids: dict[str, int] = {}
        self.meta: _Meta | None = None
        self.sources: dict[str, SourceRef] = {}
        self.sections: list[DeckData] = []  # the file's deck, then its `deck:` sections

    def error(self, index: int, message: str) -> FormatError:
        return FormatError(self.path, index + 1, message)

    def parse(self, default_name: str) -> list[DeckData]:
        """The file's deck, then one deck per `<!-- deck: NAME -->` section that has cards."""
        deck = DeckData(name=default_name)
        index = self.front_matter(deck)
        self.sections = [deck]
        while index < len(self.lines):
            index = self.step(index)
        if self.meta is not None:
            raise self.meta_not_above_card()
        decks = [section for section in self.sections if section.notes]
        return decks or [deck]

    def step(self, index: int) -> int:
        """Read what starts at `index`; return where the next thing starts."""
        kind = self.kinds[index]
        if kind is _Line.ESCAPED and "::" in self.lines[index]:
            kind = _Line.ONE_LINE  # escapes belong inside cards: `\alpha :: alpha` is a card
        if kind is _Line.ANSWER:
            raise self.error(index, "A: without a Q: before it (start the card with 'Q: question')")
        if kind is _Line.COMMENT:
            return self.comment(index)
        if self.meta is not None and kind not in (_Line.QUESTION, _Line.CLOZE, _Line.ONE_LINE):
            raise self.meta_not_above_card()
        if kind is _Line.QUESTION:
            return self.question_card(index)
        if kind is _Line.CLOZE:
            return self.cloze_card(index)
        if kind is _Line.ONE_LINE:
            return self.one_line_card(index)
        if kind is _Line.HEADING:
            self.heading(self.lines[index])
        elif kind not in (_Line.BLANK, _Line.SEPARATOR):
            raise self.error(index, _stray_text(self.lines[index]))
        return index + 1

    def meta_not_above_card(self) -> FormatError:
        assert self.meta is not None
        return self.error(
            self.meta.line - 1,
            "card metadata must be on the line directly above its card "
            "(move it above a Q:, C: or 'front :: back' line)",
        )

    # Cards

    def block(self, index: int, *, to_answer: bool) -> tuple[list[tuple[int, str]], int]:
        """The lines of one card side from its marker line; and the index after them.

        A side ends at any marker line; an answer or cloze side also ends at a `::` line that
        follows a blank line, since that is how a one-line card after it is written.
        """
        pieces = [(index, self.lines[index][2:])]
        index += 1
        while index < len(self.lines):
            kind = self.kinds[index]
            if kind in _STRUCTURE:
                break
            if kind is _Line.ONE_LINE and not to_answer and self.kinds[index - 1] is _Line.BLANK:
                break
            line = self.lines[index]
            pieces.append((index, line[1:] if kind is _Line.ESCAPED else line))
            index += 1
        return pieces, index

    def question_card(self, index: int) -> int:
        meta = self.take_meta()
        question, end = self.block(index, to_answer=True)
        if end >= len(self.lines) or self.kinds[end] is not _Line.ANSWER:
            raise self.error(index, "Q: without an A: (add an 'A: answer' line after the question)")
        answer, end = self.block(end, to_answer=False)
        front, back = _joined(question), _joined(answer)
        if not front:
            raise self.error(index, "empty question after Q: (write the question or remove it)")
        if not back:
            raise self.error(answer[0][0], "empty answer after A: (write the answer)")
        kind = NoteKind.REVERSED if meta and meta.reversed else NoteKind.BASIC
        self.add(NoteData(kind, front, back, line=index + 1), meta)
        return end

    def cloze_card(self, index: int) -> int:
        meta = self.take_meta()
        if meta and meta.reversed:
            raise self.error(meta.line - 1, "'kind: reversed' is for Q:/A: cards, not C: cards")
        text, end = self.block(index, to_answer=False)
        extra = ""
        if end < len(self.lines) and self.kinds[end] is _Line.ANSWER:
            extra_pieces, end = self.block(end, to_answer=False)
            extra = _joined(extra_pieces)
            if not extra:
                raise self.error(
                    extra_pieces[0][0],
                    "empty A: after a C: card (write the extra text or remove it)",
                )
        front = _joined(text)
        if not front:
            raise self.error(index, "empty cloze card after C: (write a sentence with [deletions])")
        if not _PLAIN_CLOZE.fullmatch(front):
            self.check_cloze(index, text, front)
        self.add(NoteData(NoteKind.CLOZE, front, extra, line=index + 1), meta)
        return end

    def check_cloze(self, index: int, pieces: list[tuple[int, str]], front: str) -> None:
        try:
            segments = cloze_segments(front)
        except ClozeError as error:
            hint = "" if "(" in str(error) else " (put the words to hide inside it)"
            raise self.error(_line_of_offset(pieces, error.offset), f"{error}{hint}") from None
        if all(group is None for _, group, _ in segments):
            raise self.error(
                index, "C: card without a [deletion] (put the words to hide in square brackets)"
            )

    def one_line_card(self, index: int) -> int:
        meta = self.take_meta()
        separator, front, back = _split_one_line(self.lines[index])
        if len(separator) > 3:
            raise self.error(
                index,
                f"{quoted(separator)} is not a card separator "
                "(use '::' for a card, ':::' for a card both ways)",
            )
        if not front or not back:
            side = "front" if not front else "back"
            raise self.error(
                index, f"'{separator}' card with an empty {side} (write 'front :: back')"
            )
        kind = (
            NoteKind.REVERSED if separator == ":::" or (meta and meta.reversed) else NoteKind.BASIC
        )
        self.add(NoteData(kind, front, back, line=index + 1), meta)
        return index + 1

    def add(self, note: NoteData, meta: _Meta | None) -> None:
        if field_too_long(note.front) or field_too_long(note.back):
            raise self.error(note.line - 1, f"{FIELD_TOO_LONG} (split the card)")
        note.context = " > ".join(title for _, title in self.trail)
        if meta is not None:
            note.source, note.tags = meta.source, meta.tags
            if meta.id is not None:
                first = self.ids.get(meta.id)
                if first is not None:
                    raise self.error(
                        meta.id_line - 1,
                        f"id {quoted(meta.id)} is already used by the card on line {first} "
                        "(give each card its own id)",
                    )
                self.ids[meta.id] = note.line
                note.id = meta.id
        self.sections[-1].notes.append(note)

    def take_meta(self) -> _Meta | None:
        meta, self.meta = self.meta, None
        return meta

    def heading(self, line: str) -> None:
        match = _HEADING.match(line)
        assert match is not None
        level, title = len(match[1]), (match[2] or "").strip()
        while self.trail and self.trail[-1][0] >= level:
            self.trail.pop()
        if title:  # a bare `#` ends the trail: cards below it have no context
            self.trail.append((level, title))

    # Comments and card metadata

    def comment(self, index: int) -> int:
        line = self.lines[index]
        end = line.find("-->", 4)
        if end < 0:
            if _META_START.match(line, 4):
                raise self.error(
                    index, "card metadata must fit on one line: <!-- id: ...; tags: ... -->"
                )
            return self.long_comment(index)
        self.check_nothing_after_comment(index, line, end)
        body = line[4:end]
        if _META_START.match(body):
            self.read_meta(index, body)
        elif self.meta is not None:
            raise self.meta_not_above_card()
        elif _SECTION.match(body):
            self.section(index, body)
        return index + 1

    def section(self, index: int, body: str) -> None:
        """`<!-- deck: NAME -->`: the cards below belong to the deck NAME, with no headings."""
        value = body.split(":", 1)[1].strip()
        if value.startswith('"'):
            try:
                value = _JSON.decode(value)
            except ValueError:
                raise self.error(
                    index, 'the quoted deck name is not closed (end it with ")'
                ) from None
        if not isinstance(value, str) or not value.strip():
            raise self.error(index, "empty deck name (write <!-- deck: Parent::Child -->)")
        if (problem := deck_name_problem(value)) is not None:
            raise self.error(index, problem)
        taken = {section.name for section in self.sections[1:]}
        if value in taken:
            raise self.error(
                index, f"deck {quoted(value)} has a section already (put its cards in one section)"
            )
        self.sections.append(DeckData(name=value))
        self.trail = []

    def long_comment(self, index: int) -> int:
        if self.meta is not None:
            raise self.meta_not_above_card()
        for later in range(index + 1, len(self.lines)):
            end = self.lines[later].find("-->")
            if end >= 0:
                self.check_nothing_after_comment(later, self.lines[later], end)
                return later + 1
        raise self.error(index, "comment is not closed (end it with -->)")

    def check_nothing_after_comment(self, index: int, line: str, end: int) -> None:
        if line[end + 3 :].strip():
            raise self.error(index, "text after the end of a comment (put it on its own line)")

    def read_meta(self, index: int, body: str) -> None:
        meta = self.meta or _Meta(line=index + 1, keys=set())
        if '"' in body:
            self.read_quoted_meta(meta, index, body)
        else:  # the usual comment, read by splitting alone
            for item in body.split(";"):
                if not item.strip():
                    continue
                key, colon, value = item.partition(":")
                key = key.strip()
                if not colon:
                    raise self.no_meta_key(index, item)
                self.check_meta_key(meta, index, key)
                if key == "tags":
                    self.set_meta(meta, index, key, [tag for tag in _TAG_SPLIT.split(value) if tag])
                else:
                    self.set_meta(meta, index, key, [value.strip()])
        self.meta = meta

    def read_quoted_meta(self, meta: _Meta, index: int, body: str) -> None:
        position = 0
        while position < len(body):
            key_match = _META_KEY.match(body, position)
            if key_match is None:
                if not body[position:].strip():
                    break
                raise self.no_meta_key(index, body[position:])
            key = key_match[1]
            self.check_meta_key(meta, index, key)
            values, position = self.meta_values(index, body, key_match.end(), key == "tags")
            self.set_meta(meta, index, key, values)
            position += 1  # past the ';'

    def no_meta_key(self, index: int, text: str) -> FormatError:
        return self.error(
            index, f"expected 'key: value' in card metadata, found {quoted(text.strip())}"
        )

    def check_meta_key(self, meta: _Meta, index: int, key: str) -> None:
        if key not in META_KEYS:
            raise self.error(
                index, f"unknown card metadata key {quoted(key)} (known: {', '.join(META_KEYS)})"
            )
        if key in meta.keys:
            raise self.error(index, f"card metadata gives {quoted(key)} twice (keep one)")
        meta.keys.add(key)

    def meta_values(
        self, index: int, body: str, position: int, many: bool
    ) -> tuple[list[str], int]:
        """The values after `key:` up to the next `;`; a value may be a "JSON string"."""
        values: list[str] = []
        while True:
            while position < len(body) and (
                body[position].isspace() or (many and body[position] == ",")
            ):
                position += 1
            if position >= len(body) or body[position] == ";":
                return values, position
            if body[position] == '"':
                try:
                    value, position = _JSON.raw_decode(body, position)
                except ValueError:
                    raise self.error(
                        index, 'a quoted value in card metadata is not closed (end it with ")'
                    ) from None
            elif many:
                bare = _BARE_TAG.match(body, position)
                assert bare is not None
                value, position = bare[0], bare.end()
            else:
                end = body.find(";", position)
                end = len(body) if end < 0 else end
                value, position = body[position:end].strip(), end
            values.append(value)

    def set_meta(self, meta: _Meta, index: int, key: str, values: list[str]) -> None:
        if key == "tags":
            if not all(values):
                raise self.error(index, 'an empty tag in card metadata (remove the "")')
            meta.tags = tuple(dict.fromkeys(values))
            return
        if len(values) != 1 or not values[0]:
            problem = "needs a value" if not values or not values[0] else "takes one value"
            raise self.error(index, f"card metadata {quoted(key)} {problem} (write '{key}: value')")
        value = values[0]
        if key == "id":
            meta.id, meta.id_line = value, index + 1
        elif key == "source":
            meta.source = self.sources.get(value) or self.source(index, value)
        elif value == "reversed":
            meta.reversed = True
        else:
            raise self.error(
                index, f"unknown card kind {quoted(value)} (the only kind is 'reversed')"
            )

    def source(self, index: int, text: str) -> SourceRef:
        try:
            source = SourceRef.parse(text)
        except ValueError as error:
            raise self.error(index, f"bad card source: {error}") from None
        self.sources[text] = source  # cards made from one passage share its source
        return source

    # Front matter

    def front_matter(self, deck: DeckData) -> int:
        """Fill the deck's fields from the front matter; return the index of the first card line."""
        if self.lines[0].rstrip() != "---":
            return 0
        end = next((i for i in range(1, len(self.lines)) if self.lines[i].rstrip() == "---"), 0)
        if not end:
            raise self.error(0, "front matter is not closed (add a '---' line after it)")
        try:
            # A safe loader (see _FrontMatterLoader): no tag runs code.
            data = yaml.load("\n".join(self.lines[1:end]), Loader=_FrontMatterLoader)
        except _KeyTwice as error:
            raise self.error(
                error.line + 1, f"front matter gives {quoted(error.key)} twice (keep one)"
            ) from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or "unreadable"
            raise self.error(
                mark.line + 1 if mark else 0,
                f"front matter is not valid YAML: {problem} (write 'key: value' lines)",
            ) from None
        if data is None:
            return end + 1
        if not isinstance(data, dict):
            raise self.error(1, "front matter must be 'key: value' lines (name, tags, ...)")
        for key in data:
            if key not in FRONT_MATTER_KEYS:
                raise self.error(
                    self.key_index(key, end),
                    f"unknown front matter key {quoted(key)} "
                    f"(known: {', '.join(FRONT_MATTER_KEYS)})",
                )
        if data.get("name") is not None:
            deck.name = self.front_text(data, "name", end)
            if not deck.name:
                raise self.error(self.key_index("name", end), "the deck name is empty")
            if (problem := deck_name_problem(deck.name)) is not None:
                raise self.error(self.key_index("name", end), problem)
        deck.tags = self.front_tags(data, end)
        if data.get("source") is not None:
            deck.source = self.front_text(data, "source", end) or None
        if data.get("description") is not None:
            deck.description = self.front_text(data, "description", end)
        return end + 1

    def key_index(self, key: object, end: int) -> int:
        pattern = re.compile(rf"\s*['\"]?{re.escape(str(key))}['\"]?\s*:")
        return next((i for i in range(1, end) if pattern.match(self.lines[i])), 0)

    def front_text(self, data: dict[object, object], key: str, end: int) -> str:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(self.key_index(key, end), f"{key} must be text (put it in quotes)")
        return str(value).strip()

    def front_tags(self, data: dict[object, object], end: int) -> tuple[str, ...]:
        value = data.get("tags")
        if value is None:
            return ()
        if isinstance(value, str):
            items = _TAG_SPLIT.split(value)
        elif isinstance(value, list) and all(
            isinstance(item, str | int) and not isinstance(item, bool) for item in value
        ):
            items = [str(item).strip() for item in value]
        else:
            raise self.error(
                self.key_index("tags", end), "tags must be a list or comma-separated words"
            )
        return tuple(dict.fromkeys(item for item in items if item))


def _joined(pieces: list[tuple[int, str]]) -> str:
    return "\n".join(text for _, text in pieces).strip()


def _line_of_offset(pieces: list[tuple[int, str]], offset: int) -> int:
    """The index of the line holding character `offset` of the joined, stripped text."""
    joined = "\n".join(text for _, text in pieces)
    position = offset + len(joined) - len(joined.lstrip())
    for index, text in pieces:
        if position <= len(text):
            return index
        position -= len(text) + 1
    return pieces[-1][0]


def _split_one_line(line: str) -> tuple[str, str, str]:
    """(separator, front, back) of a `front :: back` line; the first run of colons splits it."""
    match = _COLONS.search(line)
    assert match is not None
    return match[0], line[: match.start()].strip(), line[match.end() :].strip()


# Writing


def write_deck(deck: DeckData) -> str:
    """The deck as deck-file text; the same deck always gives the same bytes."""
    return write_decks([deck], deck.name)


def write_decks(decks: list[DeckData], name: str) -> str:
    """Decks as one deck file: the deck `name` (a parent) in the front matter and its cards
    first, every other deck after it in a `<!-- deck: NAME -->` section."""
    main = next((deck for deck in decks if deck.name == name), DeckData(name))
    out = ["---", _front_matter_text(main), "---", ""]
    out += _card_section(main.notes)
    for deck in decks:
        if deck is not main:
            out += [f"<!-- deck: {_meta_value(deck.name)} -->", "", *_card_section(deck.notes)]
    return "\n".join(out).rstrip("\n") + "\n"


def _card_section(notes: list[NoteData]) -> list[str]:
    out: list[str] = []
    trail: list[str] = []
    for note in notes:
        parts = _context_parts(note.context)
        if parts != trail:
            out += [*_headings(trail, parts), ""]
            trail = parts
        out += [*_card_lines(note), ""]
    return out


def _front_matter_text(deck: DeckData) -> str:
    header: dict[str, object] = {"name": deck.name}
    if deck.tags:
        header["tags"] = list(deck.tags)
    if deck.source:
        header["source"] = deck.source
    if deck.description:
        header["description"] = deck.description
    text = yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000)
    if yaml.safe_load(text) != header:
        # PyYAML writes some line-break characters (U+0085) raw and then reads them as spaces;
        # escaping everything outside ASCII keeps such text exact.
        text = yaml.safe_dump(header, allow_unicode=False, sort_keys=False, width=1000)
    return text.strip()


def _context_parts(context: str) -> list[str]:
    """Heading titles whose trail reads back as `context`.

    The reader strips titles, so a piece that is empty or has spaces at an end (`a  > b`) stays
    joined to its neighbours as a single heading.
    """
    pieces = context.replace("\n", " ").split(" > ")
    parts: list[str] = []
    group: list[str] = []
    for piece, following in zip(pieces, [*pieces[1:], None], strict=True):
        group.append(piece)
        title = " > ".join(group)
        clean = bool(title) and title == title.strip()
        if clean and (following is None or (following and following == following.lstrip())):
            parts.append(title)
            group = []
    if group and " > ".join(group).strip():
        parts.append(" > ".join(group).strip())
    return parts


def _headings(old: list[str], new: list[str]) -> list[str]:
    """Heading lines that turn the trail `old` into `new`."""
    if not new:
        return ["#"]
    shared = 0
    while shared < min(len(old), len(new)) and old[shared] == new[shared]:
        shared += 1
    shared = min(shared, len(new) - 1)  # going back up repeats the last heading kept
    return [f"{'#' * (level + 1)} {new[level]}" for level in range(shared, len(new))]


def _card_lines(note: NoteData) -> list[str]:
    one_line = _one_line(note)
    meta = []
    if note.id:
        meta.append(f"id: {_meta_value(note.id)}")
    if note.source:
        meta.append(f"source: {_meta_value(str(note.source))}")
    if note.tags:
        meta.append(f"tags: {' '.join(_meta_tag(tag) for tag in note.tags)}")
    if note.kind is NoteKind.REVERSED and one_line is None:
        meta.append("kind: reversed")
    lines = [f"<!-- {'; '.join(meta)} -->"] if meta else []
    if one_line is not None:
        return [*lines, one_line]
    if note.kind is NoteKind.CLOZE:
        extra = _side("A:", note.back) if note.back else []
        return [*lines, *_side("C:", note.front), *extra]
    return [*lines, *_side("Q:", note.front), *_side("A:", note.back)]


def _one_line(note: NoteData) -> str | None:
    """The note as `front :: back` (`:::` both ways) if that reads back as the same note."""
    if note.kind is NoteKind.CLOZE:
        return None
    separator = "::" if note.kind is NoteKind.BASIC else ":::"
    line = f"{note.front} {separator} {note.back}"
    if "\n" in line or (note.kind is NoteKind.BASIC and len(line) > ONE_LINE_WIDTH):
        return None
    if _classify(line) is not _Line.ONE_LINE:
        return None
    return line if _split_one_line(line) == (separator, note.front, note.back) else None


def _side(marker: str, text: str) -> list[str]:
    first, *rest = text.split("\n")
    return [f"{marker} {first}", *(_escaped(line) for line in rest)]


def _escaped(line: str) -> str:
    return line if _classify(line) in (_Line.TEXT, _Line.BLANK) else f"\\{line}"


def _meta_value(value: str) -> str:
    plain = (
        value == value.strip()
        and not value.startswith('"')
        and ";" not in value
        and "-->" not in value
        and "\n" not in value
    )
    return value if plain else _quoted(value)


def _meta_tag(tag: str) -> str:
    return tag if _BARE_TAG.fullmatch(tag) and "-->" not in tag else _quoted(tag)


def _quoted(value: str) -> str:
    # `>` is escaped so that no `-->` can end the comment inside a value.
    return json.dumps(value, ensure_ascii=False).replace(">", "\\u003e")
