"""The ten checks of a good generated card (shared/CARDS.md), run on a deck.

Each check turns a rule from SuperMemo's "Twenty rules" and Matuschak's "How to write good
prompts" into something a program can test. Passing them all does not make a deck interesting,
but failing one always marks a card a student would have to fix or delete.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from revise.formats.model import (
    GAP,
    CardFace,
    ClozeError,
    DeckData,
    NoteData,
    NoteKind,
    card_faces,
    cloze_segments,
    normalise,
)

CHECK_NAMES = {
    1: "traceable",
    2: "short answer",
    3: "short prompt",
    4: "meaningful target",
    5: "no leak",
    6: "atomic",
    7: "no duplicates or interference",
    8: "no boilerplate or markup residue",
    9: "context cue",
    10: "yield",
}
MAX_CLOZE_WORDS = 5
MAX_CLOZE_CHARS = 40
MAX_ANSWER_WORDS = 12
MAX_LIST_ITEMS = 4
MAX_PROMPT_WORDS = 30
LONG_PROMPT_SHARE = 0.05
ANSWER_SHARE = 0.10
SAME_FACT_OVERLAP = 0.6
MIN_YIELD = 1.0  # cards per 100 words of real content
MAX_YIELD = 8.0
YIELD_MIN_WORDS = 150  # below this a short note may fairly yield no card
UNCOMMON_ZIPF = 4.0

_MARKUP = re.compile(r"#{2,}|\*\*|__|`|<br\s*/?>|</?[a-zA-Z][^>]*>|\]\(|&[a-z]+;|&#\d+;")
_LINK = re.compile(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.[\w.]+\b", re.I)
_MARKDOWN_MARKS = re.compile(r"[*_`#>|]+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")  # a whole tag, not a stray "<"


@dataclass(frozen=True)
class Finding:
    check: int
    name: str
    card: str
    message: str

    def __str__(self) -> str:
        return f"check {self.check} ({self.name}): {self.message}: {self.card}"


def check_deck(deck: DeckData, sources: Mapping[str, str]) -> list[Finding]:
    """Every way the deck's cards fall short of CARDS.md; an empty list means all ten pass.

    `sources` maps each SourceRef.path in the deck to the text of that notes file.
    """
    findings: list[Finding] = []
    faces: list[tuple[NoteData, CardFace]] = []
    for note in deck.notes:
        try:
            note_faces = card_faces(note)
        except ClozeError as error:
            findings.append(_finding(6, note.front, f"cloze cannot be read: {error}"))
            continue
        faces.extend((note, face) for face in note_faces)
    topic = _topic(deck)
    for note, face in faces:
        findings.extend(_check_card(note, face, sources, topic))
    findings.extend(_check_prompt_lengths(faces))
    findings.extend(_check_siblings(deck.notes))
    findings.extend(_check_duplicates(faces))
    findings.extend(_check_yield(faces, sources))
    return findings


def _finding(check: int, card: str, message: str) -> Finding:
    label = " ".join(card.split())
    if len(label) > 100:
        label = label[:99] + "\u2026"
    return Finding(check, CHECK_NAMES[check], label, message)


def _check_card(
    note: NoteData, face: CardFace, sources: Mapping[str, str], topic: frozenset[str]
) -> list[Finding]:
    return [
        *_check_traceable(note, face, sources),
        *_check_answer_length(note, face),
        *_check_target(note, face),
        *_check_leak(note, face, topic),
        *_check_atomic(note),
        *_check_residue(note, face),
        *_check_context_cue(note, face),
    ]


def answer_items(note: NoteData, face: CardFace) -> list[str]:
    """A list answer ("a; b; c") is checked item by item."""
    if note.kind is NoteKind.CLOZE:
        return [face.answer]
    items = [item.strip() for item in face.answer.split(";") if item.strip()]
    return items if 2 <= len(items) <= MAX_LIST_ITEMS else [face.answer]


# 1 --------------------------------------------------------------------------------------------


def plain_span(text: str) -> str:
    """Source text with markup and whitespace folded away, for finding an answer in it."""
    text = _MD_LINK.sub(r"\1", text)
    text = html.unescape(_TAG.sub(" ", text))
    text = _MARKDOWN_MARKS.sub(" ", text)
    return fold(text)


def fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    return " ".join(text.casefold().split())


def _check_traceable(note: NoteData, face: CardFace, sources: Mapping[str, str]) -> list[Finding]:
    source = note.source
    if source is None:
        return [_finding(1, face.prompt, "no source reference")]
    if source.path not in sources:
        return [_finding(1, face.prompt, f"source {source.path} was not given to the checker")]
    lines = sources[source.path].splitlines()
    if not 1 <= source.start <= source.end <= len(lines):
        return [_finding(1, face.prompt, f"source lines {source} are outside the file")]
    span = plain_span(" ".join(lines[source.start - 1 : source.end]))
    missing = [item for item in answer_items(note, face) if plain_span(item) not in span]
    if missing:
        return [_finding(1, face.prompt, f"answer {missing[0]!r} is not in {source}")]
    return []


# 2, 3 -----------------------------------------------------------------------------------------


def _check_answer_length(note: NoteData, face: CardFace) -> list[Finding]:
    answer = face.answer
    if note.kind is NoteKind.CLOZE:
        if len(answer.split()) > MAX_CLOZE_WORDS or len(answer) > MAX_CLOZE_CHARS:
            message = f"deletion {answer!r} is longer than 5 words or 40 characters"
            return [_finding(2, face.prompt, message)]
        return []
    if len(answer_items(note, face)) > 1:
        return []
    if len(answer.split()) > MAX_ANSWER_WORDS:
        return [_finding(2, face.prompt, f"answer has {len(answer.split())} words (at most 12)")]
    return []


def _check_prompt_lengths(faces: list[tuple[NoteData, CardFace]]) -> list[Finding]:
    long = [face for _, face in faces if len(face.prompt.split()) > MAX_PROMPT_WORDS]
    if not faces or len(long) <= LONG_PROMPT_SHARE * len(faces):
        return []
    share = f"{len(long)} of {len(faces)} prompts are over {MAX_PROMPT_WORDS} words"
    return [_finding(3, face.prompt, share) for face in long]


# 4 --------------------------------------------------------------------------------------------


def _check_target(note: NoteData, face: CardFace) -> list[Finding]:
    if note.kind is not NoteKind.CLOZE:
        return []
    from revise.generation.language import is_number_word, is_stopword, zipf

    findings = []
    segments = cloze_segments(note.front)
    for index, (text, group, _) in enumerate(segments):
        if group != face.ordinal:
            continue
        before = segments[index - 1][0] if index > 0 else ""
        after = segments[index + 1][0] if index + 1 < len(segments) else ""
        tokens = re.findall(r"[\w'\u2019-]+", text)
        if not tokens:
            findings.append(_finding(4, face.prompt, f"deletion {text!r} is only punctuation"))
        elif all(is_stopword(token) for token in tokens):
            findings.append(_finding(4, face.prompt, f"deletion {text!r} is a stopword"))
        elif (_joins(before[-1:]) and text[:1].isalnum()) or (
            _joins(after[:1]) and text[-1:].isalnum()
        ):
            findings.append(_finding(4, face.prompt, f"deletion {text!r} is part of a word"))
        elif _MARKUP.search(text):
            findings.append(_finding(4, face.prompt, f"deletion {text!r} swallows markup"))
        elif not any(
            any(ch.isdigit() for ch in token)
            or token[:1].isupper()
            or is_number_word(token)
            or zipf(token.casefold()) < UNCOMMON_ZIPF
            for token in tokens
            if not is_stopword(token)
        ):
            message = f"deletion {text!r} is neither a name, a number nor an uncommon word"
            findings.append(_finding(4, face.prompt, message))
    return findings


def _joins(char: str) -> bool:
    """A character that would glue a deletion to its neighbour into one word."""
    return char.isalnum() or char == "-"


# 5 --------------------------------------------------------------------------------------------


def _topic(deck: DeckData) -> frozenset[str]:
    from revise.generation import topic_words

    words: set[str] = set(topic_words(deck.name, Path(deck.source or "deck")))
    for path in sorted({note.source.path for note in deck.notes if note.source}):
        words |= topic_words("", Path(path))
    return frozenset(words)


def _check_leak(note: NoteData, face: CardFace, topic: frozenset[str]) -> list[Finding]:
    from revise.generation.language import STOPWORDS

    findings = []
    prompt = f" {normalise(face.prompt.replace(GAP, ' '))} "
    context = f" {normalise(note.context)} "
    items = answer_items(note, face)
    for item in items:
        key = normalise(item)
        if not key:
            continue
        if f" {key} " in prompt:
            findings.append(_finding(5, face.prompt, f"answer {item!r} appears in the prompt"))
        elif f" {key} " in context:
            findings.append(_finding(5, face.prompt, f"answer {item!r} appears in the context"))
    if len(items) == 1:
        tokens = normalise(face.answer).split()
        if tokens and all(token in topic or token in STOPWORDS for token in tokens):
            message = f"answer {face.answer!r} is the deck's topic"
            findings.append(_finding(5, face.prompt, message))
    return findings


# 6 --------------------------------------------------------------------------------------------


def _check_atomic(note: NoteData) -> list[Finding]:
    if note.kind is not NoteKind.CLOZE:
        return []
    groups = {group for _, group, _ in cloze_segments(note.front) if group is not None}
    if len(groups) > 1:
        return [_finding(6, note.front, f"{len(groups)} deletions in one card")]
    return []


def _masked(note: NoteData) -> str:
    return "".join(
        "___" if group is not None else text for text, group, _ in cloze_segments(note.front)
    )


def _check_siblings(notes: list[NoteData]) -> list[Finding]:
    from rapidfuzz import fuzz

    from revise.generation.cards import are_siblings

    by_context: dict[str, list[NoteData]] = defaultdict(list)
    findings = []
    for note in notes:
        if note.kind is not NoteKind.CLOZE:
            continue
        try:
            masked = _masked(note)
        except ClozeError:
            continue
        earlier = by_context[note.context]
        for other in earlier[-12:]:
            if are_siblings(other, _masked(other), note, masked, fuzz.ratio):
                message = f"a near-identical sibling of {other.front!r}"
                findings.append(_finding(6, note.front, message))
                break
        earlier.append(note)
    return findings


# 7 --------------------------------------------------------------------------------------------


def _check_duplicates(faces: list[tuple[NoteData, CardFace]]) -> list[Finding]:
    from revise.generation.language import is_stopword

    findings = []
    seen: set[tuple[str, str]] = set()
    clozes: dict[str, list[set[str]]] = defaultdict(list)
    for note, face in faces:
        key = (normalise(face.prompt), normalise(face.answer))
        if key in seen:
            findings.append(_finding(7, face.prompt, "the same card twice"))
        seen.add(key)
        if note.kind is NoteKind.CLOZE:
            clozes[normalise(face.answer)].append(set(normalise(face.full).split()))
    for note, face in faces:
        if note.kind is NoteKind.CLOZE or len(answer_items(note, face)) > 1:
            continue
        words = {word for word in normalise(face.prompt).split() if not is_stopword(word)}
        words.discard("when")
        for full in clozes.get(normalise(face.answer), []):
            if words and len(words & full) >= SAME_FACT_OVERLAP * len(words):
                findings.append(_finding(7, face.prompt, "the same fact is also a cloze"))
                break
    counts = Counter(normalise(face.answer) for _, face in faces)
    for answer, count in sorted(counts.items()):
        if count > 1 and count > ANSWER_SHARE * len(faces):
            message = f"answer {answer!r} is on {count} of {len(faces)} cards (over 10 %)"
            findings.append(_finding(7, answer, message))
    return findings


# 8 --------------------------------------------------------------------------------------------


def _check_residue(note: NoteData, face: CardFace) -> list[Finding]:
    from revise.generation.cleaning import is_boilerplate

    for text in (face.prompt, face.answer, note.context):
        match = _MARKUP.search(text.replace(GAP, ""))
        if match:
            return [_finding(8, face.prompt, f"markup residue {match[0]!r}")]
        if _LINK.search(text):
            return [_finding(8, face.prompt, "a web address or e-mail")]
    if is_boilerplate(face.full) or (note.context and is_boilerplate(note.context)):
        return [_finding(8, face.prompt, "page boilerplate (navigation, sharing, copyright)")]
    return []


# 9 --------------------------------------------------------------------------------------------


def _check_context_cue(note: NoteData, face: CardFace) -> list[Finding]:
    from revise.generation.language import PRONOUNS, YES_NO_OPENERS, is_verb_form
    from revise.generation.targets import is_vague

    prompt = face.prompt.strip()
    first = prompt.split()[0] if prompt.split() else ""
    bare = first.strip("\"'(").casefold()
    if note.kind is not NoteKind.CLOZE and prompt.endswith("?") and bare in YES_NO_OPENERS:
        return [_finding(9, prompt, "a yes/no question")]
    if note.context.strip() or first.startswith(GAP[:1]):
        return []
    subjectless = bare in PRONOUNS or first[:1].islower() or is_verb_form(bare)
    if subjectless or is_vague(prompt):
        return [_finding(9, prompt, "starts without a subject and has no context")]
    return []


# 10 -------------------------------------------------------------------------------------------


def content_words(text: str, path: str) -> int:
    """Words of real content in a notes file: what is left once boilerplate and repeats go."""
    from revise.generation.document import BlockKind
    from revise.generation.reading import notes_kind, parse_notes

    document = parse_notes(text, notes_kind(Path(path), text))
    return sum(
        len(block.text.split()) for block in document.blocks if block.kind is not BlockKind.HEADING
    )


def _check_yield(
    faces: list[tuple[NoteData, CardFace]], sources: Mapping[str, str]
) -> list[Finding]:
    cards = Counter(note.source.path for note, _ in faces if note.source)
    findings = []
    for path, text in sorted(sources.items()):
        words = content_words(text, path)
        count = cards.get(path, 0)
        rate = 100 * count / words if words else float("inf") if count else 0.0
        if rate > MAX_YIELD:
            message = f"{count} cards from {words} words of content (at most 8 per 100)"
            findings.append(_finding(10, path, message))
        elif words >= YIELD_MIN_WORDS and rate < MIN_YIELD:
            message = f"{count} cards from {words} words of content (at least 1 per 100)"
            findings.append(_finding(10, path, message))
    return findings
