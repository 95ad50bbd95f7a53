"""Markdown flashcards in the syntax of Obsidian's Spaced Repetition plugin.

- `question::answer` one card, `question:::answer` two (both ways), on one line;
- a line `?` between question and answer lines, `??` for both ways; a blank line ends a card;
- cloze cards: `==deletion==` (the plugin's default), or `{{deletion}}`; `^[hint]` after a
  deletion gives a hint and `[^2]` after it puts deletions in one group;
- decks from tags: `#flashcards` and `#flashcards/sub/deck` (deck `sub::deck`) on a line of their
  own apply to the cards below; at the start of a card's first line, to that card only;
- the plugin's scheduling comment `<!--SR:!2024-08-16,51,230-->` (due date, interval in days,
  ease x100; one `!...` per card) carries the card's state over.

`**bold**` clozes (off by default in the plugin) are not read: bold is too common in prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from revise.errors import FormatError
from revise.formats.csvdeck import decode_text
from revise.formats.files import read_capped
from revise.formats.memory import memory_from_sm2
from revise.formats.model import (
    FIELD_TOO_LONG,
    CardHistory,
    ClozeError,
    DeckData,
    NoteData,
    NoteKind,
    ScheduleData,
    SourceRef,
    cloze_segments,
    field_too_long,
)
from revise.formats.outliner import field_lines, without_highlights

MAX_MARKDOWN_BYTES = 32 * 1024 * 1024
DECK_TAG = "flashcards"
SINGLE, SINGLE_REVERSED = "::", ":::"
MULTI, MULTI_REVERSED = "?", "??"

_DECK_TAG = re.compile(rf"(?<!\S)#{DECK_TAG}(?:/[^\s#]+)?(?!\S)", re.IGNORECASE)
_TAG_LINE = re.compile(r"^\s*(?:#[^\s#]+\s*)+$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SCHEDULE = re.compile(r"<!--SR:(.*?)-->")
_SCHEDULE_ENTRY = re.compile(r"(\d{4}-\d{2}-\d{2}),(\d+),(\d+)")
_HIGHLIGHT = re.compile(r"==(.+?)==(?:\^\[([^\]]*)\])?(?:\[\^(\d+)\])?")
_CURLY = re.compile(r"(?<!\{)\{\{(?!c\d+::)([^{}]+?)\}\}(?!\})(?:\^\[([^\]]*)\])?(?:\[\^(\d+)\])?")
_SINGLE_LINE_CARD = re.compile(r"\S.*::.*\S")


@dataclass
class _Block:
    """The lines of one flashcard as written, before it is split into sides."""

    kind: str  # single, single-reversed, multi, multi-reversed, cloze
    lines: list[str]
    start: int  # 1-based line number of the first line
    deck: str | None
    context: str


@dataclass
class _Scanner:
    path: Path
    default_deck: str
    deck: str | None = None
    headings: list[str] = field(default_factory=list)
    blocks: list[_Block] = field(default_factory=list)


def has_obsidian_markers(text: str) -> bool:
    """Whether a Markdown text carries what only the plugin's notes do: a `#flashcards` tag, a
    schedule comment, or a `?` line between a question and its answer."""
    if _DECK_TAG.search(text) or "<!--SR:" in text:
        return True
    return any(line.strip() in (MULTI, MULTI_REVERSED) for line in _outside_code(text.splitlines()))


def looks_like_obsidian(text: str) -> bool:
    """Whether a Markdown text holds flashcards in the plugin's syntax."""
    if has_obsidian_markers(text):
        return True
    lines = _outside_code(text.splitlines())
    properties = field_lines(lines)  # an outliner's `tags:: biology`, `Date:: 1066`: no card
    cards = (
        line
        for number, line in enumerate(lines)
        if number not in properties
        and _SINGLE_LINE_CARD.fullmatch(without_highlights(line).strip())
    )
    return sum(1 for _ in cards) >= 2


def read_obsidian(path: Path, *, deck: str | None = None) -> list[DeckData]:
    """The flashcards of a Markdown file, one DeckData per deck its tags name."""
    text = decode_text(path, read_capped(path, MAX_MARKDOWN_BYTES, "Markdown deck"))
    scanner = _Scanner(path, deck or path.stem)
    _scan(scanner, text.splitlines())
    decks: dict[str, list[NoteData]] = {}
    for block in scanner.blocks:
        note = _note(path, block)
        if note is not None:
            decks.setdefault(block.deck or scanner.default_deck, []).append(note)
    if not decks:
        raise FormatError(
            str(path), None, "no flashcards found (write question::answer, or ? between lines)"
        )
    return [DeckData(name=name, notes=notes, source=str(path)) for name, notes in decks.items()]


def _outside_code(lines: list[str]) -> list[str]:
    kept, fenced = [], False
    for line in lines:
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            kept.append(line)
    return kept


# --- finding the cards -----------------------------------------------------------------------


def _scan(scanner: _Scanner, lines: list[str]) -> None:
    """Split the text into card blocks, following the plugin's own reading of a note."""
    index = _skip_front_matter(scanner, lines)
    current: list[str] = []
    kind: str | None = None
    start = 0
    card_deck: str | None = None

    def finish() -> None:
        nonlocal current, kind, card_deck
        if kind is not None and current:
            scanner.blocks.append(
                _Block(kind, current, start, card_deck or scanner.deck, _context(scanner))
            )
        current, kind, card_deck = [], None, None

    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        index += 1
        if not stripped:
            finish()
            continue
        if stripped.startswith("<!--") and not stripped.startswith("<!--SR:"):
            while "-->" not in line and index < len(lines):
                line = lines[index]
                index += 1
            continue
        if not current:
            heading = _HEADING.match(line)
            if heading and not _DECK_TAG.match(stripped):
                _enter_heading(scanner, len(heading[1]), heading[2])
                continue
            if _TAG_LINE.match(line):
                found = _deck_from_tags(scanner, stripped)
                if found is not None:
                    scanner.deck = found
                continue
            start = index
            line, card_deck = _leading_deck(scanner, line)
        if stripped.startswith("```"):
            current.append(line)
            while index < len(lines):
                current.append(lines[index])
                index += 1
                if lines[index - 1].strip().startswith("```"):
                    break
            continue
        current.append(line)
        if SINGLE in _without_schedule(line) and kind is None and len(current) == 1:
            kind = "single-reversed" if SINGLE_REVERSED in line else "single"
            if index < len(lines) and lines[index].strip().startswith("<!--SR:"):
                current.append(lines[index])
                index += 1
            finish()
        elif kind is None and _has_cloze(line):
            kind = "cloze"
        elif stripped == MULTI and kind in (None, "cloze"):
            kind = "multi"
        elif stripped == MULTI_REVERSED and kind in (None, "cloze"):
            kind = "multi-reversed"
    finish()


def _skip_front_matter(scanner: _Scanner, lines: list[str]) -> int:
    """Skip YAML front matter; a `flashcards` tag in it sets the file's deck."""
    if not lines or lines[0].strip() != "---":
        return 0
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        return 0
    in_tags = False
    for line in lines[1:closing]:
        key = re.match(r"^([\w-]+):\s*(.*)$", line)
        if key:
            in_tags, values = key[1].lower() in ("tags", "tag"), key[2]
        elif in_tags and line.strip().startswith("-"):
            values = line.strip()[1:]
        else:
            continue
        for token in re.findall(r"[^\s,\[\]'\"#]+", values if in_tags else ""):
            if token.lower() == DECK_TAG or token.lower().startswith(DECK_TAG + "/"):
                scanner.deck = _deck_from_tags(scanner, "#" + token)
    return closing + 1


def _enter_heading(scanner: _Scanner, level: int, title: str) -> None:
    del scanner.headings[level - 1 :]
    scanner.headings.extend([""] * (level - 1 - len(scanner.headings)))
    scanner.headings.append(title)


def _context(scanner: _Scanner) -> str:
    return " > ".join(heading for heading in scanner.headings if heading)


def _deck_from_tags(scanner: _Scanner, text: str) -> str | None:
    match = _DECK_TAG.search(text)
    if match is None:
        return None
    sub = match[0].split("/", 1)[1] if "/" in match[0] else ""
    return "::".join(part for part in sub.split("/") if part) or scanner.default_deck


def _leading_deck(scanner: _Scanner, line: str) -> tuple[str, str | None]:
    """A deck tag at the start of a card's first line applies to that card only."""
    match = _DECK_TAG.match(line.lstrip())
    if match is None:
        return line, None
    rest = line.lstrip()[match.end() :]
    while (more := re.match(r"\s*#[^\s#]+(?!\S)", rest)) is not None:
        rest = rest[more.end() :]
    return rest.lstrip(), _deck_from_tags(scanner, match[0])


def _has_cloze(line: str) -> bool:
    return bool(_HIGHLIGHT.search(line) or _CURLY.search(line))


def _without_schedule(text: str) -> str:
    return _SCHEDULE.sub("", text)


# --- cards to notes --------------------------------------------------------------------------


def _note(path: Path, block: _Block) -> NoteData | None:
    text = "\n".join(block.lines)
    try:
        schedules = _schedules(text)
    except (ValueError, OverflowError):  # a day that is no date, an interval past the calendar
        raise FormatError(
            str(path),
            block.start,
            "the card's <!--SR:...--> schedule has a date or interval no calendar holds "
            "(fix it to !YYYY-MM-DD,DAYS,EASE or remove it)",
        ) from None
    lines = [line for line in _without_schedule(text).split("\n") if line.strip()]
    end = block.start + len(block.lines) - 1
    if block.kind.startswith("single"):
        separator = SINGLE_REVERSED if block.kind == "single-reversed" else SINGLE
        front, _, back = lines[0].partition(separator)
        kind = NoteKind.REVERSED if block.kind == "single-reversed" else NoteKind.BASIC
    elif block.kind.startswith("multi"):
        marker = MULTI_REVERSED if block.kind == "multi-reversed" else MULTI
        split = next(i for i, line in enumerate(lines) if line.strip() == marker)
        front, back = "\n".join(lines[:split]), "\n".join(lines[split + 1 :])
        kind = NoteKind.REVERSED if block.kind == "multi-reversed" else NoteKind.BASIC
    else:
        front, back, kind = _anki_cloze("\n".join(lines)), "", NoteKind.CLOZE
        try:
            cloze_segments(front)
        except ClozeError as exc:
            raise FormatError(str(path), block.start, f"cloze card cannot be read: {exc}") from exc
    front, back = front.strip(), back.strip()
    if field_too_long(front) or field_too_long(back):
        raise FormatError(str(path), block.start, f"{FIELD_TOO_LONG} (split the card)")
    if not front or (kind is not NoteKind.CLOZE and not back):
        raise FormatError(
            str(path), block.start, "a flashcard with an empty side; write text on both sides"
        )
    return NoteData(
        kind=kind,
        front=front,
        back=back,
        context=block.context,
        source=SourceRef(str(path), block.start, end),
        line=block.start,
        history=[CardHistory(ordinal, schedule) for ordinal, schedule in enumerate(schedules)],
    )


def _anki_cloze(text: str) -> str:
    """The plugin's deletions in Anki's spelling, which the deck model reads: each deletion is
    its own card unless `[^n]` puts deletions in group n."""
    counter = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        group = int(match[3]) if match[3] else counter
        hint = f"::{match[2]}" if match[2] else ""
        return f"{{{{c{group}::{match[1]}{hint}}}}}"

    return _CURLY.sub(replace, _HIGHLIGHT.sub(replace, text))


def _schedules(text: str) -> list[ScheduleData]:
    """One review state per card from the plugin's `<!--SR:!date,interval,ease...-->`."""
    found = _SCHEDULE.search(text)
    if found is None:
        return []
    schedules = []
    for date_text, interval_text, ease_text in _SCHEDULE_ENTRY.findall(found[1]):
        due = datetime.strptime(date_text, "%Y-%m-%d").replace(tzinfo=UTC)
        interval = int(interval_text)
        stability, difficulty = memory_from_sm2(interval, int(ease_text) / 100 or None)
        schedules.append(
            ScheduleData(
                state=2,
                due=due,
                stability=stability,
                difficulty=difficulty,
                last_review=due - timedelta(days=interval),
                reps=1,  # reviewed at least once; the plugin keeps no count
            )
        )
    return schedules
