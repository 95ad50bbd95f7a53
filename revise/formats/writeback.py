"""Writing decks back into the deck file they came from, keeping the file's own layout.

The file is read again and each card in it is found among the stored notes by its key (the
identity the import gave it): an unchanged card keeps its lines byte for byte, with the comments,
headings and blank lines around it; a changed card is written anew in its place (or, when its
heading trail changed, at the end of its deck's part of the file, under its own headings); a card
the collection no longer has is taken out; a card the file does not have yet is added at the end of
its deck's part. Plain text in, plain text out: the database is not touched here.
"""

from __future__ import annotations

from dataclasses import dataclass

from revise.formats.deckfile import (
    _card_lines,
    _card_section,
    _DeckParser,
    _front_matter_text,
    _meta_value,
)
from revise.formats.model import DeckData, NoteData


@dataclass
class StoredDeck:
    """A deck as the collection has it: `keys[i]` is the identity of `deck.notes[i]`."""

    deck: DeckData
    keys: list[str]
    previous_name: str | None = None  # the name the file knows it by, if it was renamed


@dataclass
class Rewritten:
    text: str
    kept: int = 0  # cards whose lines were kept as they were
    changed: int = 0
    added: int = 0
    removed: int = 0


class _SpanParser(_DeckParser):
    """The deck parser, noting the lines each card and each deck section takes."""

    def __init__(self, text: str, path: str) -> None:
        super().__init__(text, path)
        self.spans: dict[int, tuple[int, int]] = {}  # id(note) -> (first line, line after)
        self.section_starts: list[int] = [0]  # line of each `deck:` comment (0: the file's deck)
        self.body_start = 0

    def front_matter(self, deck: DeckData) -> int:
        self.body_start = super().front_matter(deck)
        return self.body_start

    def section(self, index: int, body: str) -> None:
        super().section(index, body)
        self.section_starts.append(index)

    def _card(self, read, index: int) -> int:  # type: ignore[no-untyped-def]
        start = self.meta.line - 1 if self.meta is not None else index
        end = read(index)
        self.spans[id(self.sections[-1].notes[-1])] = (start, end)
        return end

    def question_card(self, index: int) -> int:
        return self._card(super().question_card, index)

    def cloze_card(self, index: int) -> int:
        return self._card(super().cloze_card, index)

    def one_line_card(self, index: int) -> int:
        return self._card(super().one_line_card, index)


def _same_card(written: NoteData, stored: NoteData) -> bool:
    return (
        written.kind is stored.kind
        and written.front == stored.front
        and written.back == stored.back
        and written.context == stored.context
        and written.tags == stored.tags
        and written.source == stored.source
        and written.id == stored.id
    )


def rewrite(text: str, path: str, default_name: str, decks: list[StoredDeck]) -> Rewritten:
    """The deck file `text` with its cards made those of `decks` (see the module's docstring);
    `default_name` is the deck name the file gives without front matter (its stem)."""
    parser = _SpanParser(text, path)
    parser.parse(default_name)
    lines = parser.lines
    by_name = {stored.previous_name or stored.deck.name: stored for stored in decks}
    result = Rewritten(text="")
    replace: dict[int, tuple[int, list[str]]] = {}  # first line -> (line after, new lines)
    append: dict[int, list[str]] = {}  # before this line -> lines of added cards
    ends = [*parser.section_starts[1:], len(lines)]
    renamed: dict[int, list[str]] = {}  # a `deck:` comment's line -> the renamed deck's
    head: list[str] | None = None  # new front matter, for a renamed deck of the front matter
    for number, section in enumerate(parser.sections):
        stored = by_name.pop(section.name, None)
        if stored is None:
            continue  # a deck the collection does not have from this file: left as it is
        if stored.previous_name and number > 0:
            renamed[parser.section_starts[number]] = [
                f"<!-- deck: {_meta_value(stored.deck.name)} -->"
            ]
        if stored.previous_name and number == 0:
            head = ["---", _front_matter_text(stored.deck), "---"]
            if not parser.body_start:
                head.append("")
        notes = dict(zip(stored.keys, stored.deck.notes, strict=True))
        moved: list[NoteData] = []
        written: list[NoteData] = []
        for note in section.notes:
            start, end = parser.spans[id(note)]
            kept = notes.pop(note.key, None)
            if kept is None:
                replace[start] = (_after_blanks(lines, end), [])
                result.removed += 1
            elif _same_card(note, kept):
                result.kept += 1
                written.append(kept)
            elif note.context == kept.context:
                replace[start] = (end, _card_lines(kept) + _blanks(lines, start, end))
                result.changed += 1
                written.append(kept)
            else:
                replace[start] = (_after_blanks(lines, end), [])
                moved.append(kept)
                result.changed += 1
        new = {id(note) for note in notes.values()}
        added = [note for note in stored.deck.notes if id(note) in new]
        result.added += len(added)
        if moved or added:
            append[ends[number]] = _section_tail(moved + added)
    tail: list[str] = []
    for stored in by_name.values():  # decks of this file with no part in it yet
        tail += [f"<!-- deck: {_meta_value(stored.deck.name)} -->", ""]
        tail += _card_section(stored.deck.notes)
        result.added += len(stored.deck.notes)
    out: list[str] = []
    index = 0
    if head is not None:
        out += head
        index = parser.body_start
    while index < len(lines):
        if index in append:
            out = [*_trimmed(out), "", *append.pop(index)]
        if index in renamed:
            out += renamed.pop(index)
            index += 1
            continue
        if index in replace:
            end, new = replace.pop(index)
            out += new
            index = end
            continue
        out.append(lines[index])
        index += 1
    for rest in [*append.values(), tail]:
        if rest:
            out = [*_trimmed(out), "", *rest]
    result.text = "\n".join(_trimmed(out)) + "\n"
    return result


def _blanks(lines: list[str], start: int, end: int) -> list[str]:
    """The blank lines a card's lines end with (kept when the card is rewritten in place)."""
    count = 0
    while end - count - 1 > start and not lines[end - count - 1].strip():
        count += 1
    return [""] * count


def _after_blanks(lines: list[str], end: int) -> int:
    while end < len(lines) and not lines[end].strip():
        end += 1
    return end


def _section_tail(notes: list[NoteData]) -> list[str]:
    """Cards added at the end of a deck's part, under their own headings (a bare `#` first when
    the first has none, so that it does not take the headings above it)."""
    lines = _card_section(notes)
    if not notes[0].context:
        lines = ["#", "", *lines]
    return lines


def _trimmed(lines: list[str]) -> list[str]:
    """`lines` without the blank lines they end with."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]


def section_names(text: str, path: str, default_name: str) -> list[str]:
    """The decks a deck file has a part for: the front matter's, then each `deck:` section's."""
    parser = _SpanParser(text, path)
    parser.parse(default_name)
    return [section.name for section in parser.sections]


def previous_names(stored: list[str], in_file: list[str]) -> dict[str, str]:
    """Which stored deck a deck part of the file is, when one deck was renamed in the app: the
    one stored name the file lacks is the one file name the collection lacks."""
    lacking = [name for name in stored if name not in in_file]
    unknown = [name for name in in_file if name not in stored]
    if len(lacking) == 1 and len(unknown) == 1:
        return {lacking[0]: unknown[0]}
    return {}
