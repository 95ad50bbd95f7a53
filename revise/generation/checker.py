"""The checks of a good generated card (shared/CARDS.md), run on a deck.

Checks 1-10 turn rules from SuperMemo's "Twenty rules" and Matuschak's "How to write good
prompts" into something a program can test; checks 11-14, and the reader's rules added to checks
4, 5, 7, 8 and 9, flag what a teacher reading real generated decks flagged and the ten missed:
fragments, deletions of verbs or half a term, label dumps, non-content, garbled questions.
Passing them all does not make a deck interesting, but failing one marks a card a student would
have to fix or delete. Every rule is about the language and layout of notes, never about one
file: tests/generation_labels.jsonl scores the checker on cards judged by reading.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache, partial
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
from revise.generation.card_limits import (
    MAX_ANSWER_WORDS,
    MAX_CLOZE_CHARS,
    MAX_CLOZE_WORDS,
    MAX_DEFINITION_WORDS,
    MAX_LIST_ITEMS,
)
from revise.generation.clauses import PLACE, WHO_SAYS, several_speakers
from revise.generation.cleaning import has_web_address, is_boilerplate, without_quotations
from revise.generation.content import (
    ADVICE_SECTION,
    COMES_UP,
    EXAM_WORDS,
    INSTRUCTED,
    MARKS,
    META_LABEL,
    NOTE_TO_SELF,
    WORKED_EXAMPLE,
    not_content,
)
from revise.generation.definition_facts import definition_facts
from revise.generation.events import (
    STATE_PARTICIPLES,
    clause_subject,
    compared_clause,
    no_cause_or_effect,
    says_a_change,
)
from revise.generation.fields import REPUTED
from revise.generation.grammar import (
    capitalised,
    joins_a_clause,
    lemmas,
    lone_adverb,
    split_clause,
)
from revise.generation.htmlnotes import HIDDEN_STYLE
from revise.generation.language import (
    ARROW,
    COMMON_ZIPF,
    COORDINATORS,
    EXAMPLE_OPENER,
    INDEFINITE_PRONOUNS,
    MONTHS,
    NO_OBJECT_VERBS,
    abbreviation_letters,
    abbreviations_in,
    by_letters,
    cut_short,
    derived_from_one_stem,
    given_by_context,
    initials,
    past_to_base,
    same_stem,
    word_set,
)
from revise.generation.markdown import mind_map_as_outline
from revise.generation.maths import display_maths, plain_maths, sub_text, super_text
from revise.generation.parallel import Forked, can_fork
from revise.generation.patterns import Guarded, lazy_regex
from revise.generation.plaintables import card_sides, row_cards
from revise.generation.plaintext import DATED_ENTRY, GENERIC_SECTIONS
from revise.generation.questions import (
    ASKS_FOR_A_SIDE,
    CONDITION_WORDS,
    DASH,
    capital,
    done_to,
    names_its_items,
    plural_clause,
    shouted_form,
    whole_definition,
)
from revise.generation.spelling import TYPO_ZIPF, looks_misspelt, slip_in_notes
from revise.generation.steps import names_an_aim
from revise.generation.targets import (
    ION_CHARGE,
    NOUN_SLOT,
    OPENING_DATE,
    alternative_shown,
    date_given_away,
    form_shown,
    number_given_away,
    shouted_verb,
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
    11: "whole sentence",
    12: "one question, one answer",
    13: "content, not advice",
    14: "well-formed question",
}
MAX_PROMPT_WORDS = 30
LONG_PROMPT_SHARE = 0.05
ANSWER_SHARE = 0.10
SAME_FACT_OVERLAP = 0.6
MIN_YIELD = 1.0  # cards per 100 words of real content
MAX_YIELD = 8.0
YIELD_MIN_WORDS = 150  # below this a short note may fairly yield no card

_MARKUP = lazy_regex(r"#{2,}|\*\*|__|`|<br\s*/?>|</?[a-zA-Z][^>]*>|\]\(|&[a-z]+;|&#\d+;")
_MARKDOWN_MARKS = lazy_regex(r"[*_`#>|]+")
_MD_LINK = lazy_regex(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = lazy_regex(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")  # a whole tag, not a stray "<"


@dataclass(frozen=True)
class Finding:
    check: int
    name: str
    card: str
    message: str
    index: int | None = None  # the card's note in deck.notes; None for a finding about the deck

    def __str__(self) -> str:
        return f"check {self.check} ({self.name}): {self.message}: {self.card}"


def check_deck(deck: DeckData, sources: Mapping[str, str] | CardChecks) -> list[Finding]:
    """Every way the deck's cards fall short of CARDS.md; an empty list means every check passes.

    `sources` maps each SourceRef.path in the deck to the text of that notes file (or is the
    CardChecks already made of them). A finding about one card carries the index of its note in
    `deck.notes`.
    """
    checks = CardChecks.of(sources)
    texts = checks.texts(deck.name)
    findings = [*checks.findings(deck).values()]
    flat = [finding for card in findings for finding in card]
    flat.extend(_deck_findings(deck.notes, texts))
    # (the cards the student typed into the notes are theirs, not what was drawn from them)
    drawn = [(note, face) for note, face in _faces(deck.notes) if not _own_card(note, texts)]
    flat.extend(_check_yield(drawn, checks.sources))
    return flat


def without_flagged_cards(deck: DeckData, sources: Mapping[str, str] | CardChecks) -> DeckData:
    """The deck less every card a check flags: what a generator keeps of what it drafted.

    Dropping cards can change what a check about the whole deck finds (a long prompt's share),
    so the deck is checked again until no card is flagged.
    """
    checks = CardChecks.of(sources)
    texts = checks.texts(deck.name)
    per_card = checks.findings(deck)
    notes = [note for index, note in enumerate(deck.notes) if not per_card[index]]
    while True:
        flagged = {finding.index for finding in _deck_findings(notes, texts)} - {None}
        if not flagged:
            return replace(deck, notes=notes)
        notes = [note for index, note in enumerate(notes) if index not in flagged]


class CardChecks:
    """What the cards drafted from these notes fail on their own, each card checked once however
    many decks hold it: the drafts a generator weighs, the deck it keeps, the findings listed.

    `sources` maps each SourceRef.path to the text of that notes file; the notes are read once."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources
        self._texts: dict[str, _SourceTexts] = {}
        self._found: dict[tuple[object, ...], list[Finding]] = {}

    @classmethod
    def of(cls, sources: Mapping[str, str] | CardChecks) -> CardChecks:
        return sources if isinstance(sources, CardChecks) else cls(sources)

    def texts(self, title: str) -> _SourceTexts:
        """The notes as the checks look things up in them, for a deck of this title."""
        if title not in self._texts:
            self._texts[title] = _SourceTexts(self.sources, title)
        return self._texts[title]

    def findings(self, deck: DeckData) -> dict[int, list[Finding]]:
        """What each card fails on its own, by the index of its note in the deck."""
        texts = self.texts(deck.name)
        topic = _topic(deck)
        among_speakers = _asks_among_speakers(deck)
        # A card's findings hang on the deck only through its title, topic and speakers.
        keys = [(deck.name, topic, among_speakers, *_note_fields(note)) for note in deck.notes]
        unchecked = {
            key: note for key, note in zip(keys, deck.notes, strict=True) if key not in self._found
        }
        for key, found in zip(
            unchecked,
            _each_card_findings([*unchecked.values()], texts, topic, among_speakers),
            strict=True,
        ):
            self._found[key] = found
        return {
            index: [replace(finding, index=index) for finding in self._found[key]]
            for index, key in enumerate(keys)
        }

    def refused(self, deck: DeckData) -> set[int]:
        """The indices of the deck's cards that fail a check on their own (not for what other
        cards of the deck are), or that hide a word an earlier card hid: a generator can replace
        each with another card of the same fact."""
        alone = {index for index, findings in self.findings(deck).items() if findings}
        faces = [
            (index, note, face)
            for index, note in enumerate(deck.notes)
            for _, face in _faces([note])
        ]
        return alone | {finding.index for finding in _check_term_hidden_again(faces)} - {None}


# Cards this many are checked half on a second core (a copy of the process costs about as much
# as checking a few dozen cards).
MIN_CARDS_TO_SHARE = 300


def _each_card_findings(
    notes: list[NoteData], texts: _SourceTexts, topic: frozenset[str], among_speakers: bool
) -> list[list[Finding]]:
    """What each card fails on its own, in order; many cards are checked on two cores."""

    def check(part: list[NoteData]) -> list[list[Finding]]:
        return [_card_findings(note, texts, topic, among_speakers) for note in part]

    if len(notes) < MIN_CARDS_TO_SHARE or not can_fork():
        return check(notes)
    half = len(notes) // 2
    with Forked(partial(check, notes[half:])) as copy:
        earlier = check(notes[:half])
        later = copy.result()
    return earlier + (later if later is not None else check(notes[half:]))


def _note_fields(note: NoteData) -> tuple[object, ...]:
    """Everything of a note a check may read."""
    return (
        note.kind, note.front, note.back, note.context, note.tags, note.source, note.id,
        note.media, note.origin, note.as_imported, note.line, len(note.history),
    )  # fmt: skip


def _faces(notes: list[NoteData]) -> list[tuple[NoteData, CardFace]]:
    faces = []
    for note in notes:
        try:
            faces.extend((note, face) for face in _card_faces(note))
        except ClozeError:
            continue
    return faces


def _card_findings(
    note: NoteData, texts: _SourceTexts, topic: frozenset[str], among_speakers: bool
) -> list[Finding]:
    """What one card fails on its own."""
    try:
        faces = _card_faces(note)
    except ClozeError as error:
        return [_finding(6, note.front, f"cloze cannot be read: {error}")]
    if _own_card(note, texts):
        return [finding for face in faces for finding in _own_card_findings(note, face, texts)]
    return [
        finding
        for face in faces
        for finding in _check_card(note, face, texts, topic, among_speakers)
        + reader_findings(note, face, texts)
    ]


def _own_card(note: NoteData, texts: _SourceTexts) -> bool:
    """Whether the card is one the student typed into the notes as it stands there, one a line
    ("puella | girl (1st decl, f)"), or the first fact of a long meaning they typed, asked by
    their term ("vitamin D :: helps the body absorb calcium ..." of "...; found in oily fish"),
    or a row of a table of questions and answers ("| Like charges | repel |") as it stands."""
    if note.kind is not NoteKind.BASIC or note.source is None:
        return False
    if note.source.start != note.source.end or not texts.has(note.source.path):
        return False
    span = texts.span(note)
    if len(span) != 1:
        return False
    sides = card_sides(span[0])
    typed = [sides] if sides else row_cards(span[0])
    if (note.front, note.back) in typed:
        return True
    said = (normalise(note.front), normalise(note.back))
    if not sides and said in [(normalise(front), normalise(back)) for front, back in typed]:
        return True  # ("| **Osmosis** | ... |": a table's cell, read without its markup)
    # (a fact asked by a question of its own is checked as any drawn card is)
    facts = [fact for card in typed for fact in definition_facts(*card) or []]
    return (note.front, note.back) in facts and not note.front.endswith("?")


def _own_card_findings(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    """What a card the student typed fails: it is their own wording, so a bare term as its
    front, a lower-case opening or the answer in another form ("genitive singular of puella"
    :: "puellae") are what they chose to learn; markup left in it, or a side too long to
    recall, are not."""
    return [
        *_check_traceable(note, face, texts),
        *_check_answer_length(note, face, texts),
        *_check_residue(note, face),
        *_check_residue_in_text(note, face),
    ]


def _deck_findings(notes: list[NoteData], texts: _SourceTexts) -> list[Finding]:
    """What the cards fail together: long prompts' share, siblings, duplicates."""
    faces = []
    for index, note in enumerate(notes):
        try:
            faces.extend((index, note, face) for face in _card_faces(note))
        except ClozeError:
            continue
    return [
        *_check_prompt_lengths(faces),
        *_check_siblings(notes),
        *_check_duplicates(faces, texts),
        *_check_same_answer_in_section(faces, texts),
        *_check_term_hidden_again(faces),
    ]


def _card_faces(note: NoteData) -> list[CardFace]:
    return _faces_of(note.kind, note.front, note.back)


@lru_cache(maxsize=4096)
def _faces_of(kind: NoteKind, front: str, back: str) -> list[CardFace]:
    return card_faces(NoteData(kind, front, back))


@lru_cache(maxsize=4096)
def _segments(front: str) -> list[tuple[str, int | None, str]]:
    return cloze_segments(front)


def _finding(check: int, card: str, message: str, index: int | None = None) -> Finding:
    label = " ".join(card.split())
    if len(label) > 100:
        label = label[:99] + "\u2026"
    return Finding(check, CHECK_NAMES[check], label, message, index)


def _check_card(
    note: NoteData,
    face: CardFace,
    texts: _SourceTexts,
    topic: frozenset[str],
    among_speakers: bool = False,
) -> list[Finding]:
    return [
        *_check_traceable(note, face, texts),
        *_check_answer_length(note, face, texts),
        *_check_target(note, face, texts),
        *_check_leak(note, face, topic, among_speakers),
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


@lru_cache(maxsize=4096)  # the cards drawn from one line look in the same span
def plain_span(text: str) -> str:
    """Source text with markup and whitespace folded away, for finding an answer in it."""
    text = display_maths(text) or plain_maths(text)  # maths as the cards write it
    if "\\" in text:
        text = _BARE_MACRO.sub(_macro_shown, text)  # org's "mass \\times velocity"
    text = _MD_LINK.sub(r"\1", text)
    text = _HIDDEN_ELEMENT.sub(" ", text)
    text = _SCRIPT_TAG.sub(_as_script, text)  # "O(n<sup>2</sup>)" as the reader made it: "O(n²)"
    text = html.unescape(_TAG.sub(" ", text))
    text = _MARKDOWN_MARKS.sub(" ", text)
    return fold(text)


# "\\times", "\\Delta" outside any maths: a symbol org shows as its one character
_BARE_MACRO = lazy_regex(r"\\[A-Za-z]{2,}(?![A-Za-z{])")


def _macro_shown(match: re.Match[str]) -> str:
    from revise.maths import inline_latex_text

    return inline_latex_text(match[0]) or match[0]


_SCRIPT_TAG = lazy_regex(r"<(sub|sup)\b[^>]*>([^<]*)</\1\s*>", re.I)
# "<span style="display:none">(1907-02-02)</span>": text a web page keeps but never shows
_HIDDEN_ELEMENT = lazy_regex(
    rf"<(\w+)\b[^>]*\bstyle\s*=\s*[\"'][^\"'>]*(?:{HIDDEN_STYLE.pattern})[^>]*>[^<]*</\1\s*>", re.I
)


def _as_script(match: re.Match[str]) -> str:
    script = sub_text if match[1].casefold() == "sub" else super_text
    return script(match[2].strip()) or match[2]


def fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    return " ".join(text.casefold().split())


MAX_WRAPPED_CELL_LINES = 6  # a table's cell wraps onto a few lines, never a page


def _wrapped_in(answer: str, lines: tuple[str, ...]) -> bool:
    """An answer wrapped line by line inside a table's cell ("cooling of magma or lava" over
    "at or below the surface", another column's text beside each): it opens on the first
    line and goes on, a part to a line, down the lines below."""
    if not 2 <= len(lines) <= MAX_WRAPPED_CELL_LINES or not answer:
        return False
    first, rest = plain_span(lines[0]), lines[1:]
    tokens = answer.split()
    return any(
        " ".join(tokens[:cut]) in first
        and (
            " ".join(tokens[cut:]) in plain_span(rest[0])
            or _wrapped_in(" ".join(tokens[cut:]), rest)
        )
        for cut in range(1, len(tokens))
    )


def _check_traceable(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    source = note.source
    if source is None:
        return [_finding(1, face.prompt, "no source reference")]
    if not texts.has(source.path):
        return [_finding(1, face.prompt, f"source {source.path} was not given to the checker")]
    lines = texts.lines(source.path)
    if not 1 <= source.start <= source.end <= len(lines):
        return [_finding(1, face.prompt, f"source lines {source} are outside the file")]
    span = plain_span(" ".join(lines[source.start - 1 : source.end]))
    spanned = tuple(lines[source.start - 1 : source.end])
    missing = [
        item
        for item in answer_items(note, face)
        if plain_span(item) not in span
        and plain_span(_year_of_heading(item, note)) not in span
        and not _wrapped_in(plain_span(item), spanned)
        and not _lettered_in(plain_span(item), spanned)
    ]
    if missing:
        return [_finding(1, face.prompt, f"answer {missing[0]!r} is not in {source}")]
    return []


def _lettered_in(answer: str, lines: tuple[str, ...]) -> bool:
    """ "... Russia and the CIS" from "... Russia and the Commonwealth of Independent States
    (CIS)": the answer names a thing by the letters the notes give for it."""
    said = " ".join(lines)
    return "(" in said and answer in plain_span(by_letters(said))


_YEAR_AFTER_DAY = lazy_regex(r"(?<=[A-Za-z.])\s+(1\d{3}|20\d{2})\b")


def _year_of_heading(answer: str, note: NoteData) -> str:
    """ "14 july 1789" under the heading "1789", the line saying "14 july": the answer as the
    line says it, without the year after its day that the card's heading gives."""
    return _YEAR_AFTER_DAY.sub(
        lambda match: "" if re.search(rf"\b{match[1]}\b", note.context) else match[0], answer
    )


# 2, 3 -----------------------------------------------------------------------------------------


def _check_answer_length(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    answer = face.answer
    if note.kind is NoteKind.CLOZE:
        if len(answer.split()) > MAX_CLOZE_WORDS or len(answer) > MAX_CLOZE_CHARS:
            message = f"deletion {answer!r} is longer than 5 words or 40 characters"
            return [_finding(2, face.prompt, message)]
        return []
    if len(answer_items(note, face)) > 1:
        return []
    count = len(answer.split())
    if count > MAX_DEFINITION_WORDS or (
        count > MAX_ANSWER_WORDS and not _defined(face, note, texts)
    ):
        most = MAX_DEFINITION_WORDS if _defined(face, note, texts) else MAX_ANSWER_WORDS
        return [_finding(2, face.prompt, f"answer has {count} words (at most {most})")]
    return []


# "What is specific heat capacity?", "What are push factors?", "What does teleological mean?"
_ASKS_MEANING = lazy_regex(
    r"^What\s+(?:is|are)\s+(?:(?:a|an|the)\s+)?(?P<term>[^?]+)\?$"
    r"|^What\s+(?:does|do)\s+(?P<said>[^?]+?)\s+mean\?$"
)
# What stands between a term and what it means: its symbol, a colon, a dash, "is", "means"
_DEFINING_GAP = lazy_regex(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:[:=\u2013\u2014-]+|is|are|means|mean|refers\s+to)?\s*"
)
# "= 3rd party effects", "def: responsiveness of ...": a line that opens on the meaning of the
# term its heading or label names
_MEANING_OPENER = lazy_regex(
    r"\s*[-+*\u2022]?\s*(?:(?:def(?:n|inition)?\.?|meaning)?\s*[:=]|[\u2013\u2014])\s*", re.I
)


def _defined(face: CardFace, note: NoteData, texts: _SourceTexts) -> bool:
    """Whether a card asks what a term means and its answer is what the notes' line says the
    term is, straight after naming it ("Specific heat capacity (c)" over ": energy needed to
    ..."), or on a line that opens on a meaning: a definition is asked whole, up to a sentence
    long, as the notes give it."""
    asked = _ASKS_MEANING.match(face.prompt)
    if not asked or fold(whole_definition(face.answer)) != fold(face.answer.rstrip(" .")):
        return False  # ("small set of ..., each ..., fixed ...": a list, no one meaning)
    span = plain_span("\n".join(texts.span(note)))
    answer = fold(face.answer)
    term = fold(asked["term"] or asked["said"])
    at = span.find(term)
    if at >= 0:
        # ("The transition metals are ... A transition metal is ...": the term where it is
        # defined, not where the span first names it)
        while at >= 0:
            start = span.find(answer, at + len(term))
            if start >= 0 and _DEFINING_GAP.fullmatch(span[at + len(term) : start]):
                return True
            at = span.find(term, at + 1)
        return False
    opener = _MEANING_OPENER.match(span)
    return bool(opener) and span[opener.end() :].startswith(answer)


def _check_prompt_lengths(faces: list[tuple[int, NoteData, CardFace]]) -> list[Finding]:
    long = [(i, face) for i, _, face in faces if len(face.prompt.split()) > MAX_PROMPT_WORDS]
    if not faces or len(long) <= max(1, LONG_PROMPT_SHARE * len(faces)):
        return []  # (in a deck of a few cards, one long prompt is allowed)
    share = f"{len(long)} of {len(faces)} prompts are over {MAX_PROMPT_WORDS} words"
    return [_finding(3, face.prompt, share, index) for index, face in long]


# 4 --------------------------------------------------------------------------------------------


def _check_target(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    if note.kind is not NoteKind.CLOZE:
        return []
    from revise.generation.language import is_label_phrase, is_number_word, is_stopword, zipf

    findings = []
    segments = _segments(note.front)
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
            (_joins(after[:1]) or ION_CHARGE.match(after)) and text[-1:].isalnum()
        ):
            findings.append(_finding(4, face.prompt, f"deletion {text!r} is part of a word"))
        elif _MARKUP.search(text):
            findings.append(_finding(4, face.prompt, f"deletion {text!r} swallows markup"))
        elif (
            not before.strip()
            and re.match(r"\s*(?::|[-\u2013\u2014]\s)", after)
            and (is_label_phrase(text))
        ):
            message = f"deletion {text!r} is the label over the point, not a term of it"
            findings.append(_finding(4, face.prompt, message))
        elif (
            not before.strip()
            and len(tokens) == 1
            and zipf(tokens[0].casefold()) >= COMMON_ZIPF
            and re.match(r"\s*(?::|[-\u2013\u2014])\s+[~\u2248<>\u00a3$\u20ac]?\s*\d", after)
        ):
            # "[Date]: 2-6 September 1666", "[Unemployment]: 1.3 million in 1929": the name of
            # the field a value fills, which the card asks for with the value shown
            message = f"deletion {text!r} names the field of the value shown, not a term"
            findings.append(_finding(4, face.prompt, message))
        elif len(tokens) == 1 and shouted_verb(tokens[0]):
            message = f"deletion {text!r} is a verb written in capitals for stress"
            findings.append(_finding(4, face.prompt, message))
        elif (
            not _names_a_term(tokens, before)
            and not _emphasised(text, texts.span(note))
            and not any(
                any(ch.isdigit() for ch in token)
                or token[:1].isupper()
                or is_number_word(token)
                or zipf(token.casefold()) < COMMON_ZIPF
                for token in tokens
                if not is_stopword(token)
            )
        ):
            message = f"deletion {text!r} is neither a name, a number nor an uncommon word"
            findings.append(_finding(4, face.prompt, message))
    return findings


def _names_a_term(tokens: list[str], before: str) -> bool:
    """Common words that still name a term: a compound ("active site", "blue-black"), or what
    a definition says a thing is ("Enzymes are large [proteins]")."""
    from revise.generation.language import is_stopword

    content = [token for token in tokens if not is_stopword(token)]
    if len(content) >= 2 or any("-" in token.strip("-") for token in content):
        return True
    return bool(re.search(r"\b(?:is|are|was|were|means|called)(?:\s+\S+){0,2}\s*$", before))


def _emphasised(text: str, lines: list[str]) -> bool:
    """The author bolded the deletion in the notes ("Waves transfer **energy**"): a term of
    the subject, however common the word."""
    word = text.strip()
    marked = [line for line in lines if re.search(r"\*\*|__|==|<", line)]
    return bool(word) and bool(marked) and any(_bold(word).search(line) for line in marked)


@lru_cache(maxsize=4096)
def _bold(word: str) -> re.Pattern[str]:
    word = re.escape(word)
    return re.compile(
        rf"(?:\*\*|__|==)\s*{word}\s*(?:\*\*|__|==)|<(b|strong|mark)\b[^>]*>\s*{word}\s*</\1\s*>",
        re.I,
    )


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


def _asks_among_speakers(deck: DeckData) -> bool:
    """The deck asks who says several quotations, and more than one person says them."""
    said = {note.back for note in deck.notes if note.front.startswith(WHO_SAYS)}
    return several_speakers(said)


def _other_value(item: str, prompt: str) -> bool:
    """A value asked of another ("sin 0° = ? :: 0", "tan π/3 = ? :: √3", "A.B + A.¬B = ? ::
    A"): the prompt's figure or symbol is part of a different value, not the answer written
    out."""
    if "= ?" not in prompt or re.search(r"[^\W\d_]{3,}", item):
        return False
    written = re.escape(item.strip())
    return not re.search(rf"(?<![\w.\u221a/]){written}(?![\w.%/\u00b0])", prompt)


def _check_leak(
    note: NoteData, face: CardFace, topic: frozenset[str], among_speakers: bool = False
) -> list[Finding]:
    from revise.generation.language import STOPWORDS

    findings = []
    # ("MAR ← [PC]": a register transfer's brackets are no part of the word inside them)
    prompt = f" {normalise(re.sub(r'[][]', ' ', face.prompt.replace(GAP, ' ')))} "
    context = f" {normalise(note.context)} "
    items = answer_items(note, face)
    for item in items:
        key = normalise(item)
        if not key:
            continue
        if f" {key} " in prompt and not _other_value(item, face.prompt):
            findings.append(_finding(5, face.prompt, f"answer {item!r} appears in the prompt"))
        elif f" {key} " in context:
            findings.append(_finding(5, face.prompt, f"answer {item!r} appears in the context"))
        elif why := _shown_anyway(item, note, face) or _answer_word_shown(item, face.prompt):
            findings.append(_finding(5, face.prompt, f"answer {item!r} is given away: {why}"))
    if len(items) == 1 and not (among_speakers and face.prompt.startswith(WHO_SAYS)):
        tokens = normalise(face.answer).split()
        in_topic = any(token in topic for token in tokens)  # "am" (an + dem) is no topic
        # ("May 1588" in notes on 1588 names a month of the year they are about)
        if in_topic and all(
            token in topic or (token in STOPWORDS and token not in MONTHS) for token in tokens
        ):
            message = f"answer {face.answer!r} is the deck's topic"
            findings.append(_finding(5, face.prompt, message))
        elif topic_form := _topic_form(tokens, topic):
            # ("What did the conflict do to the friendship? :: Consolidated" in notes titled
            # "The consolidation of ... friendship"): the title tells it
            message = (
                f"answer {face.answer!r} is the deck's topic word {topic_form!r} in another form"
            )
            findings.append(_finding(5, face.prompt, message))
    return findings


def _topic_form(tokens: list[str], topic: frozenset[str]) -> str:
    """The topic word that a one-word answer is derived from another way ("consolidated" in
    notes on "consolidation"), or "". The same word inflected ("base" in notes on "bases") is
    a thing of the topic, which a card may well ask for."""
    from revise.generation.language import STOPWORDS

    said = [token for token in tokens if token not in STOPWORDS]
    if len(said) != 1:
        return ""
    return next(
        (
            word
            for word in sorted(topic)
            if same_stem(said[0], word) and said[0] != word and not _inflected(said[0], word)
        ),
        "",
    )


MAX_FORM_SHOWN_WORDS = 3
_INFLECTIONS = ("s", "es", "ed", "d", "ing")


def _answer_word_shown(item: str, prompt: str) -> str:
    """A short answer shown on the card in another form: whole ("[Flood warnings] - ... flood
    warning"), one word of it derived another way ("What are the organisms of denitrification?
    :: denitrifying bacteria"), or written as two words ("[Payback period] - how long it
    takes to pay back"). "[Control unit] ... controls the cycle" uses the word, not the term."""
    from revise.generation.language import is_stopword

    name = _name_shown(item, prompt) if GAP in prompt else ""
    if name:
        return f"the card shows {name!r}, the name in the answer"
    said = [
        word
        for word in normalise(re.sub(r"\([^()]*\)", " ", item)).split()  # ("CU (control unit)")
        if len(word) >= 4 and not is_stopword(word) and not word.isdigit()
    ]
    if not said or len(normalise(item).split()) > MAX_FORM_SHOWN_WORDS:
        return ""
    shown = normalise(prompt.replace(GAP, " ")).split()
    split = {first + then for first, then in itertools.pairwise(shown)}
    forms = [[other for other in shown if same_stem(word, other)] for word in said]
    if all(forms) and any(word not in found for word, found in zip(said, forms, strict=True)):
        return "the card shows the answer in another form"
    for word in said:
        if word in split:
            return f"the card writes {word!r} as two words"
        derived = len(said) == 1 and [  # ("[Regulatory capture] ... regulator": one of two)
            other
            for other in shown
            if other != word and derived_from_one_stem(word, other) and not _inflected(word, other)
        ]
        if derived:
            return f"the card shows {derived[0]!r}, a form of {word!r}"
    return ""


def _name_shown(item: str, prompt: str) -> str:
    """ "[Von Neumann architecture] was described by John von Neumann": a name no dictionary
    knows, inside the answer and written again on the card, tells what the answer is."""
    from revise.generation.grammar import lemmas
    from revise.generation.language import is_stopword

    visible = prompt.replace(GAP, " ")
    named = re.sub(r"\([^()]*\)", " ", item)
    if not any(word.islower() and not is_stopword(word) for word in named.split()):
        return ""  # "[South Korea] ... North Korea": one name beside another, not a thing named
    for word in re.findall(r"\b[A-Z][a-z]{3,}\b", named):
        if not lemmas(word.casefold()) and re.search(rf"(?<![\w-]){word}(?![\w-])", visible):
            return word
    return ""


def _inflected(word: str, other: str) -> bool:
    """ "control" and "controls": one word with an inflection, not a word derived from it."""
    short, long = sorted((word, other), key=len)
    if short.endswith("y") and long in (short[:-1] + "ies", short[:-1] + "ied"):
        return True  # "necessity", "necessities"
    return any(long in (short + ending, short[:-1] + ending) for ending in _INFLECTIONS)


def _shown_anyway(item: str, note: NoteData, face: CardFace) -> str:
    """Why the card shows a hidden date, count, formula or word in another form, or ""."""
    shown = face.prompt.replace(GAP, " \x00 ")
    return (
        date_given_away(item, shown, note.context)
        or number_given_away(item, shown)
        or (form_shown(item, face.prompt) if note.kind is NoteKind.CLOZE else "")
    )


# 6 --------------------------------------------------------------------------------------------


def _check_atomic(note: NoteData) -> list[Finding]:
    if note.kind is not NoteKind.CLOZE:
        return []
    groups = {group for _, group, _ in _segments(note.front) if group is not None}
    if len(groups) > 1:
        return [_finding(6, note.front, f"{len(groups)} deletions in one card")]
    return []


def _masked(note: NoteData) -> str:
    return "".join("___" if group is not None else text for text, group, _ in _segments(note.front))


def _check_siblings(notes: list[NoteData]) -> list[Finding]:
    from rapidfuzz import fuzz

    from revise.generation.selection import are_siblings

    by_context: dict[str, list[NoteData]] = defaultdict(list)
    findings = []
    for index, note in enumerate(notes):
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
                findings.append(_finding(6, note.front, message, index))
                break
        earlier.append(note)
    return findings


# 7 --------------------------------------------------------------------------------------------


def _check_duplicates(
    faces: list[tuple[int, NoteData, CardFace]], texts: _SourceTexts
) -> list[Finding]:
    from revise.generation.language import is_stopword

    findings = []
    seen: set[tuple[str, str]] = set()
    clozes: dict[str, list[set[str]]] = defaultdict(list)
    asked: dict[str, str] = {}
    for index, note, face in faces:
        key = (normalise(face.prompt), normalise(face.answer))
        if key in seen:
            findings.append(_finding(7, face.prompt, "the same card twice", index))
        elif ASKS_FOR_A_SIDE.search(face.prompt) and asked.get(face.prompt, key[1]) != key[1]:
            # "ΔHᵣₓₙ = ?" three times, each with its own formula: no front says which
            findings.append(_finding(7, face.prompt, "the same question with two answers", index))
        seen.add(key)
        if note.kind is NoteKind.BASIC:
            asked.setdefault(face.prompt, key[1])
        if note.kind is NoteKind.CLOZE:
            clozes[normalise(face.answer)].append(set(normalise(face.full).split()))
    for index, note, face in faces:
        if note.kind is NoteKind.CLOZE or len(answer_items(note, face)) > 1:
            continue
        words = {word for word in normalise(face.prompt).split() if not is_stopword(word)}
        words.discard("when")
        for full in clozes.get(normalise(face.answer), []):
            if words and len(words & full) >= SAME_FACT_OVERLAP * len(words):
                message = "the same fact is also a cloze"
                findings.append(_finding(7, face.prompt, message, index))
                break
    holders: dict[str, list[int]] = defaultdict(list)
    for index, note, face in faces:
        if not _answer_may_recur(note, face, texts):
            holders[_answer_key(note, face)].append(index)
    for answer, held in sorted(holders.items()):
        if len(held) > 1 and len(held) > ANSWER_SHARE * len(faces):
            message = f"answer {answer!r} is on {len(held)} of {len(faces)} cards (over 10 %)"
            findings.append(_finding(7, answer, message, held[-1]))  # the last one is one too many
    return findings


def _check_same_answer_in_section(
    faces: list[tuple[int, NoteData, CardFace]], texts: _SourceTexts
) -> list[Finding]:
    """Two cards of one section with one answer: the second is learnt from the first. Not
    so two cells of a table: der/die/das recur across the cases by nature, and each card's
    question names its own row and column."""
    findings = []
    seen: set[tuple[str, str]] = set()
    for index, note, face in faces:
        if _answer_may_recur(note, face, texts):
            continue
        key = (note.context, _answer_key(note, face))
        if key in seen and key[1]:
            message = f"answer {face.answer!r} is already on a card of this section"
            findings.append(_finding(7, face.prompt, message, index))
        seen.add(key)
    return findings


def _answer_key(note: NoteData, face: CardFace) -> str:
    """An answer folded to its words; a formula's side keeps its signs, since "-λN" and "λN"
    are two relations, not one answer twice."""
    if note.kind is NoteKind.BASIC and ASKS_FOR_A_SIDE.search(face.prompt):
        return " ".join(face.answer.split())
    return normalise(face.answer)


def _check_term_hidden_again(faces: list[tuple[int, NoteData, CardFace]]) -> list[Finding]:
    """A common word or a symbol hidden on a cloze after the same word it followed on an
    earlier cloze ("% change in [Qd]" twice, "positive [externalities]" twice), or hidden for
    the third time in the deck: the deck's stock answer, guessed rather than recalled, with the
    fact beside it left in view. Names and numbers recur by right ("[1963]", "[Stalin]"), and
    a word hidden twice after other words may be the point of each card ("waived by the
    [offeror]", "communicated to the [offeror]")."""
    from revise.generation.language import is_stopword

    findings = []
    hidden: list[tuple[list[str], str]] = []  # each answer hidden, and the word before it
    for index, note, face in faces:
        if note.kind is not NoteKind.CLOZE:
            continue
        answer = face.answer.strip()
        symbol = len(answer) <= 3 and answer.isalpha() and not answer.isupper()
        if not answer or re.search(r"\d", answer) or not (answer[:1].islower() or symbol):
            continue
        tokens = normalise(answer).split()
        before = [
            word
            for word in normalise(face.prompt.split(GAP)[0]).split()
            if word.isalpha() and not is_stopword(word)
        ]
        after = before[-1] if before else ""
        same = [
            word
            for earlier, word in hidden
            if len(tokens) == len(earlier) and all(map(same_stem, tokens, earlier))
        ]
        if len(same) >= 2 or (after and after in same):
            message = f"{answer!r} is hidden on an earlier card too: the deck's stock answer"
            findings.append(_finding(7, face.prompt, message, index))
        hidden.append((tokens, after))
    return findings


_CELL_EDGE = r"(?:^|\||<t[dh]\b[^>]*>|\t|\s{2,})"
_CELL_END = r"(?:$|\||</t[dh]\s*>|\t|\s{2,})"


def _answer_may_recur(note: NoteData, face: CardFace, texts: _SourceTexts) -> bool:
    """Who says each of a play's lines (the quotation tells the cards apart), and a table's
    cells (each question names its own row and column): an answer that recurs by nature."""
    return face.prompt.startswith(WHO_SAYS) or _table_cell(note, face, texts)


def _table_cell(note: NoteData, face: CardFace, texts: _SourceTexts) -> bool:
    """A question card whose answer is a whole cell of the table row it came from."""
    if note.kind is NoteKind.CLOZE or not face.answer.strip():
        return False
    lines = texts.span(note)
    if len(lines) != 1:
        return False
    line = re.sub(r"\*\*|__", "", lines[0]).strip()
    if "|" not in line and not re.search(r"<t[dh]\b|\S(?:\t|\s{2,})\S", line, re.I):
        return False  # no table row: no "|", no HTML cell, no columns aligned by spaces
    answer = re.escape(" ".join(face.answer.split())).replace(r"\ ", r"\s+")
    return re.search(rf"{_CELL_EDGE}\s*{answer}\s*{_CELL_END}", line, re.I) is not None


# 8 --------------------------------------------------------------------------------------------


def _check_residue(note: NoteData, face: CardFace) -> list[Finding]:

    for text in (face.prompt, face.answer, note.context):
        match = _MARKUP.search(text.replace(GAP, ""))
        if match:
            return [_finding(8, face.prompt, f"markup residue {match[0]!r}")]
        if has_web_address(text):
            return [_finding(8, face.prompt, "a web address or e-mail")]
    # A question's answer is read with it: "What does "ensuite" mean? :: Next" is no button.
    shown = face.full if note.kind is NoteKind.CLOZE else f"{face.prompt} {face.answer}"
    if is_boilerplate(shown) or (note.context and is_boilerplate(note.context)):
        return [_finding(8, face.prompt, "page boilerplate (navigation, sharing, copyright)")]
    return []


# 9 --------------------------------------------------------------------------------------------


# "What was the Korean War the first test of? :: The new alliance": a thing named only as new,
# the same or the latter, which the lines before told; the answer does not say which it is.
_UNNAMED_ANSWER = lazy_regex(r"^(?:[Tt]he\s+(?:new|same|latter|former)|[Nn]ew)\s+[a-z]+\.?$")


def _check_context_cue(note: NoteData, face: CardFace) -> list[Finding]:
    from revise.generation.language import PRONOUNS, YES_NO_OPENERS, is_verb_form
    from revise.generation.targets import is_vague

    prompt = face.prompt.strip()
    first = prompt.split()[0] if prompt.split() else ""
    bare = first.strip("\"'(").casefold()
    if note.kind is not NoteKind.CLOZE and prompt.endswith("?") and bare in YES_NO_OPENERS:
        return [_finding(9, prompt, "a yes/no question")]
    if _UNNAMED_ANSWER.match(face.answer.strip()):
        return [_finding(9, prompt, f"answer {face.answer!r} does not say which one")]
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
        len(block.text.split()) + len(block.answer.split())
        if block.kind is not BlockKind.HEADING or block.answer
        else 0  # (a question the notes answer is content, as its answer is)
        for block in document.blocks
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


# The reader's checks ---------------------------------------------------------------------------
# What a teacher reading generated decks flags and checks 1-10 miss (CARDS.md, second list).

MAX_LIST_ITEM_WORDS = 12  # a list answer with a longer item dumps sentences, not items
ADJECTIVE_ZIPF = 4.0  # an adjective this common hides wording, not a term
SMALL_COUNT = 12  # "[three] conditions": a count of things the card does not name

_LIST_MARKER = lazy_regex(r"^\s*(?:[-*+\u2022]|\d{1,2}[.)])\s+")
_HEADING_LINE = lazy_regex(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_ANCHOR_LINK = lazy_regex(r"\]\(#[^)]*\)")
_OPENS_BADLY = lazy_regex(r"^(?:[-\u2013\u2014,;:.)\]}|/!?&]|\.\.\.)")
_DEPENDENT_OPENER = lazy_regex(
    r"^(?:(?:e\.\s?g|i\.\s?e|cf|viz)\.|as a result\b|as such\b|therefore\b|thus\b|hence\b"
    r"|consequently\b|accordingly\b|rather\b|instead\b|in other words\b|as in\b|like\b"
    r"|see\b|ditto\b|same (?:thing|as)\b|idea that\b|very similar\b)",
    re.I,
)
_EXAMPLE_LEAD = lazy_regex(r"\b(?:e\.\s?g\.|for example|for instance|such as|including)", re.I)
_DEMONSTRATIVE = frozenset({"this", "these", "that", "those", "such"})
_IMPERATIVE_OBJECT = frozenset(
    [
        "the",
        "a",
        "an",
        "your",
        "you",
        "yourself",
        "this",
        "these",
        "those",
        "one",
        "some",
        "all",
        "each",
        "every",
        "it",
        "them",
        "at",
        "about",
        "with",
        "for",
        "to",
        "up",
        "down",
        "out",
        "on",
        "in",
        "why",
        "how",
        "what",
        "which",
        "whether",
        "if",
        "two",
        "three",
        "four",
        "five",
        "six",
    ]
)
_RESIDUE = Guarded(
    lazy_regex(
        r"[~^][^\s~^]{1,12}[~^]|\\[A-Za-z]+|\\[\[\]()$&%#_{}]|\$[^$]*[\\^_{}][^$]*\$|\$[A-Za-z]\$|(?<=[\w.)])\[\d{1,3}\]"
        r"|\{\{|\}\}|\]\(|!\[",
    )
)
_AFTER_CITATION_YEAR = lazy_regex(
    r"^[\])]*\s*(?:\d+\s+)?[A-Z][A-Za-z&.]*(?:\s+[A-Z][A-Za-z&.]*)*"
    r"\s+\d+\b"
)
_COUNTED = lazy_regex(r"^\s*(?:[A-Za-z-]+\s+)?([A-Za-z-]+s)\b(.*)$")
_REPORT_CITATION = lazy_regex(
    r"\b\d*\s*(?:[A-Z][A-Za-z]{0,4}\s){1,3}\d+\s*(?:\((?:HL|CA|PC|UKSC)\)|:)"
    r"|\b(?:QB|KB|AC|WLR|Ch|Ex|CP|Bing|Beav)\s\d+\b"
)
# '"..." (Jekyll, Ch 10)': a bracket right after a quotation says who says it and where
_AFTER_QUOTATION = lazy_regex(r'(?<=["\u201d])\s*\([^()]{1,60}\)')
# 'Who says "..." (Ch 3)?': where in the book the line is said, not a law report
_SAID_WHERE = lazy_regex(rf"\s{PLACE.pattern}\?$")
_QUESTION_START = lazy_regex(
    r"^(?:when|why|how|where|what|who|which)\s+(?:did|does|do|was|were|is|are|had|has|have)\s+(\S+)",
    re.I,
)
_UNITS_OF_TIME = word_set("second minute hour day week month year decade century time")
_PREPOSITIONS = word_set("at about with for to up down out on in")
_NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "van",
        "von",
        "y",
        "la",
        "le",
        "du",
        "bin",
        "ibn",
        "al",
        "el",
        "ter",
    ]
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "in",
        "to",
        "on",
        "by",
        "with",
        "from",
        "at",
        "as",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "some",
        "any",
        "each",
        "every",
        "no",
    ]
)


class _SourceTexts:
    """The notes files a deck came from, with what the reader's checks look up in them."""

    def __init__(self, sources: Mapping[str, str], title: str = "") -> None:
        self._sources = sources
        # The deck's title: "Biology revision notes" names the notes, not an advice section.
        self.title = normalise(title)
        self._lines: dict[str, list[str]] = {}
        self._headings: dict[str, frozenset[str]] = {}
        self._counts: dict[str, Counter[str | tuple[str, ...]]] = {}

    def has(self, path: str) -> bool:
        return path in self._sources

    def text(self, path: str) -> str:
        """The notes file's text line for line as its reader reads it (a mind map's XML as the
        text of its nodes)."""
        from revise.generation.mindmaps import MAP_KINDS, text_as_read
        from revise.generation.reading import notes_kind

        text = self._sources.get(path, "")
        kind = notes_kind(Path(path), text)
        return text_as_read(text, kind) if kind in MAP_KINDS else text

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            self._lines[path] = self.text(path).splitlines()
        return self._lines[path]

    def span(self, note: NoteData) -> list[str]:
        if note.source is None:
            return []
        return self.lines(note.source.path)[note.source.start - 1 : note.source.end]

    def headings(self, path: str) -> frozenset[str]:
        """The notes' headings, normalised: a card that only repeats one is a contents entry."""
        if path not in self._headings:
            found = set()
            # (a mind map's nodes written as headings are its points, not headings)
            for line in mind_map_as_outline("\n".join(self.lines(path))).split("\n"):
                match = _HEADING_LINE.match(line)
                if match:
                    found.add(normalise(_MD_LINK.sub(r"\1", match[1])))
            self._headings[path] = frozenset(found)
        return self._headings[path]

    def count(self, path: str, phrase: str) -> int:
        """How often a word or two-word phrase (normalised) occurs in the notes."""
        if path not in self._counts:
            words = normalise(self.text(path)).split()
            counts: Counter[str | tuple[str, ...]] = Counter(words)
            counts.update(itertools.pairwise(words))
            self._counts[path] = counts
        key = phrase.split()
        return self._counts[path][key[0] if len(key) == 1 else tuple(key)]


def reader_findings(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    """What a reader flags on one card that checks 1-10 miss."""
    return [
        *_check_fragment(note, face, texts),
        *_check_deletion(note, face, texts),
        *_check_dump(note, face),
        *_check_given_away(note, face),
        *_check_subject(note, face),
        *_check_doer_added(note, face, texts),
        *_check_non_content(note, face, texts),
        *_check_question(note, face),
        *_check_labelled_point(note, face, texts),
        *_check_residue_in_text(note, face),
    ]


def _pos(word: str) -> frozenset[str]:
    """The parts of speech a word can be (empty if the dictionary does not know it)."""
    from revise.generation.grammar import lemmas

    return frozenset(lemmas(word.casefold()))


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w'\u2019-]+", text)


# 11 whole sentence ------------------------------------------------------------------------------


_ENUMERATOR = lazy_regex(r"^\s*\(?\w{1,3}\)\s")  # "a) ", "(ii) ", "1) "


def _check_fragment(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    text = _visible(note, face)
    first = text.split()[0] if text.split() else ""
    word = first.strip("\"'\u201c\u2018(")
    if ASKS_FOR_A_SIDE.search(face.prompt):
        return []  # "xₙ = ?": a formula opens with its variable, whatever its case
    if note.kind is NoteKind.BASIC and re.match(r"[a-z]\s=\s\S+:\s", face.prompt):
        return []  # "p = 0.05: z such that P(Z > z) = p?": a symbol given its value
    if _OPENS_BADLY.match(text):
        return [_finding(11, face.prompt, "starts with punctuation: a piece of a longer line")]
    items = [text, *re.split(r";\s*", face.answer)] if note.kind is NoteKind.BASIC else [text]
    if any(_STEP_MARKER.match(item.strip()) for item in items):
        return [_finding(8, face.prompt, "an argument's step number ('P1', 'C so') kept")]
    closed, opened = text.find(")"), text.find("(")
    if closed >= 0 and (opened < 0 or closed < opened) and not _ENUMERATOR.match(text):
        # "[370 BC]) and built on by Galen": a bracket the card never opened
        return [_finding(11, face.prompt, "closes a bracket it never opened: a piece of a line")]
    quoted = text[:1] in "\"'\u201c\u2018"  # '"stab in the back" myth': the quotation's own case
    # ("a.c.", "pH", "mRNA" and "z = 1.96" are written so)
    if not capitalised(text).startswith(word) and not quoted:
        return [_finding(11, face.prompt, "starts in lower case: a piece of a sentence")]
    if (
        word[:1].isdigit()
        and len(text.split()) > 1
        and _continues_clause(text.split()[1])
        and not _opens_a_line(text, note, texts)
    ):
        return [_finding(11, face.prompt, "starts with a number cut from the sentence before")]
    if word[:1].isdigit() and _opens_after_comma(text, note, texts):
        return [_finding(11, face.prompt, "starts with a number cut from the middle of a list")]
    abbreviated = cut_short(face.full.rstrip())
    if note.kind is NoteKind.CLOZE and abbreviated and _continues_after(note, face.full, texts):
        return [_finding(11, face.prompt, "cut at an abbreviation: the sentence goes on")]
    if _cut_at_dash(note, face, texts):
        return [_finding(11, face.prompt, "cut at a dash: the notes go on with the rest of it")]
    merged = _merged_items(note, face, texts)
    if merged:
        return [_finding(11, face.prompt, f"{merged} list items merged into one card")]
    dangling = _DANGLING_END.search(text if note.kind is NoteKind.CLOZE else face.answer)
    if dangling:
        return [_finding(11, face.prompt, f"ends on {dangling[1]!r}: the sentence is cut short")]
    if note.kind is not NoteKind.CLOZE:
        return []
    if text.endswith(":"):
        return [_finding(11, face.prompt, "a lead-in to a list: the card stops before the fact")]
    if names_its_items(text):
        return [_finding(11, face.prompt, "a heading over a list ('Types (...)'), no fact")]
    if _split_off(text, note, texts):
        return [_finding(11, face.prompt, "a phrase split off the sentence before it")]
    if _is_title(text) and not DATED_ENTRY.match(text):  # ("1962 - Cuban Missile Crisis")
        return [_finding(11, face.prompt, "a title, not a sentence")]
    if (
        not re.search(r"[:=\u2192]|->|\s[-\u2013\u2014]\s", text)
        and not has_verb(text)
        and not _hides_a_measure(face, text)
        and not _hides_opening_date(face, text)
    ):
        return [_finding(11, face.prompt, "no verb: a label or citation, nothing said about it")]
    problem = _first_word_in_source(text, note, texts)
    return [_finding(11, face.prompt, problem)] if problem else []


# "... an abnormality of mental functioning which": a word no sentence ends on
_DANGLING_END = lazy_regex(
    r"\s(which|whose|whom|the|an|and|or|but|because|although|whereas|if|of)\s*$", re.I
)
# A number with its unit: "100 °C", "1 g/cm3", "5,800 K", "2 x 10^30 kg", "35 %", "4.2 ly".
_UNIT = (
    r"(?:\u00b0\s?[CF]?|%|(?:[kcmunpMGT\u00b5]?(?:mol|cd|Pa|Hz|Wb|Bq|Gy|Sv|eV|Wh|[mgslLKANJWVCTF\u03a9]))"
    r"(?:[/\u00b7.]?[kcmun\u00b5]?(?:mol|Pa|Hz|eV|\u00b0C|[mgsKJNWVC]))*(?:\^?-?[0-9\u00b2\u00b3\u207b\u00b9]+)?"
    r"|atm|bar|ohms?|ly|pc|AU|mph|min|yrs?|hrs?)"
)
_MEASURE = lazy_regex(
    rf"(?<![\w.,])\d(?:[\d,.]*\d)?(?:\s?[x\u00d7]\s?10\^?-?\d+)?"
    rf"(?:\s(?:thousand|million|billion))?\s?{_UNIT}(?![\w/])"
)


MIN_EVENT_WORDS = 4  # "[1780] Dutch Republic at war w/ Britain": the date, then an event


def _hides_opening_date(face: CardFace, text: str) -> bool:
    """ "[1831-32] first cholera epidemic in Britain": a line of a timeline, asked for the date
    it opens on; what happened then needs no verb."""
    opening = OPENING_DATE.match(text)
    return (
        bool(opening)
        and opening[0] == face.answer
        and (len(text[opening.end() :].split()) >= MIN_EVENT_WORDS)
    )


def _hides_a_measure(face: CardFace, text: str) -> bool:
    """ "Density of water approx [1] g/cm3 at 4 °C": a label and its measure, a fact as a line
    of notes states it, though it has no verb (a law report's "1 QB 401" is no measure)."""
    return any(ch.isdigit() for ch in face.answer) and bool(_MEASURE.search(text))


_QUOTE_MARKS = lazy_regex(r"^\s*(?:>\s*)+")  # "> - a point": a point in a quote or a callout
_RUN_IN_LABEL = lazy_regex(r"[*_]*\s*[-\u2013\u2014:]\s*$")  # "**women** - ": a label's end


def _first_word_in_source(text: str, note: NoteData, texts: _SourceTexts) -> str:
    """The card's first word as the notes write it: mid-line ("; planters"), or "mA" as "MA"."""
    first = re.match(r"[\[\]\"'\u2018\u201c(]*([A-Za-z][\w'\u2019-]*)", text)
    if not first:
        return ""
    word = first[1]
    span = " ".join(_QUOTE_MARKS.sub("", line).strip() for line in texts.span(note))
    spellings = [
        (match.start(), match[0])
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", span, re.I)
    ]
    if not spellings or any(found == word for _, found in spellings):
        return ""
    if all(found[:1].islower() and any(ch.isupper() for ch in found[1:]) for _, found in spellings):
        return f"changes the notes' spelling of {spellings[0][1]!r}"
    # "...; secondary succession happens where ...": a whole clause after a semicolon is a
    # sentence of its own, not a piece of one
    own_clause = _whole_clause(text)
    # ("**women** - most could not vote; ...": the line under its label, shown as its context)
    label = note.context.rsplit(" > ", 1)[-1].casefold()
    mid_line = [
        at
        for at, found in spellings
        if re.search(r"(?:[;,]|\s[-\u2013\u2014])\s*$", span[:at])
        and not (own_clause and span[:at].rstrip().endswith(";"))
        and not (label and _RUN_IN_LABEL.sub("", span[:at]).casefold().endswith(label))
    ]
    if len(mid_line) == len(spellings):
        return "starts in the middle of a line of the notes"
    return ""


MAX_SPLIT_OFF_WORDS = 6


def _split_off(text: str, note: NoteData, texts: _SourceTexts) -> bool:
    """ "CPIH = CPI plus housing costs. ONS's lead measure since [2017].": a short phrase with
    no verb in a tense, after another sentence on its line, is said of that sentence's subject."""
    from revise.generation.language import AUXILIARIES, is_verb_form

    tokens = re.findall(r"[A-Za-z][\w'\u2019-]*", text)
    if len(text.split()) > MAX_SPLIT_OFF_WORDS or not re.match(r"[A-Z][\w-]*['\u2019]s\s", text):
        return False
    if any(token.casefold() in AUXILIARIES or is_verb_form(token.casefold()) for token in tokens):
        return False
    span = " ".join(" ".join(texts.span(note)).split())
    at = span.find(" ".join(text.split()[:3]))
    return at > 0 and bool(re.search(r"[.!?]\s*$", span[:at]))


def _opens_a_line(text: str, note: NoteData, texts: _SourceTexts) -> bool:
    """ "65% of babies -> ..." from "- 65% of babies -> ...": the card's first words open a
    line of the notes (after its list marker and emphasis), so nothing was cut before them."""
    opening = normalise(" ".join(text.split()[:3]))
    for line in texts.span(note):
        line = _LIST_MARKER.sub("", _QUOTE_MARKS.sub("", line))
        if opening and normalise(line.replace("==", "")).startswith(opening):
            return True
    return False


def _opens_after_comma(text: str, note: NoteData, texts: _SourceTexts) -> bool:
    """ "30 yrs (...), 25 yrs (...)" from "starting points: whole life order (...), 30 yrs
    (...), ...": the card's first words follow a comma wherever the notes write them."""
    opening = " ".join(text.split()[:3])
    span = " ".join(" ".join(texts.span(note)).split())
    found = [match.start() for match in re.finditer(re.escape(opening), span)]
    return bool(found) and all(span[:at].rstrip().endswith(",") for at in found)


def _is_title(text: str) -> bool:
    from revise.generation.language import MONTHS, is_stopword, is_verb_form

    words = [word for word in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if not is_stopword(word)]
    subtitle = re.match(r"^\[[^\]]+\]:\s*(.+)$", text)  # "[Mindware]: Critical Thinking for ..."
    if ":" in text and not subtitle:
        return False
    if subtitle:
        words = [
            word
            for word in re.findall(r"[A-Za-z][\w'\u2019-]*", subtitle[1])
            if not is_stopword(word)
        ]
    if not words or is_verb_form(words[0]):
        return False
    names = [word for word in words if word.casefold() not in MONTHS]
    return len(names) >= 3 and all(word[:1].isupper() for word in names)


def _whole_clause(text: str) -> bool:
    """ "Secondary succession happens where ...": a subject of its own and its verb."""
    clause = split_clause(text.replace("[", "").replace("]", ""))
    return clause is not None and bool(clause.subject)


def has_verb(text: str) -> bool:
    from revise.generation.language import AUXILIARIES, is_verb_form

    previous = ""
    tokens = re.findall(r"[A-Za-z][\w'\u2019]*", text)
    for index, token in enumerate(tokens):
        lower = token.casefold()
        if lower in AUXILIARIES:
            return True
        verbal = is_verb_form(lower) or "VERB" in _pos(lower)
        if not index and verbal and not lower.endswith("ing"):
            following = tokens[1].casefold() if len(tokens) > 1 else ""
            after_first = text.split()[1:2]
            number_next = bool(after_first) and after_first[0].strip("[(")[:1].isdigit()
            if (
                following in _DETERMINERS
                or following in ("into", "up", "down", "out", "over")
                or number_next
                or (_pos(following) == {"ADV"} and following != "not")
            ):
                # "Founded in 1865", "Passed by Congress", "Worked nearly 30 years for ...":
                # the subject is the heading
                return True
        if not index or token[:1].isupper() or lower.endswith("ing"):
            previous = lower
            continue
        noun_slot = previous in _DETERMINERS or _pos(previous) == {"ADJ"}
        if not noun_slot and ("VERB" in _pos(lower) or is_verb_form(lower)):
            return True
        previous = lower
    return False


def _visible(note: NoteData, face: CardFace) -> str:
    """The card's own sentence: the cloze with its deletion filled in, or the question."""
    return (face.full if note.kind is NoteKind.CLOZE else face.prompt).strip()


def _continues_clause(word: str) -> bool:
    lower = word.casefold()
    from revise.generation.language import AUXILIARIES

    verbal = "VERB" in _pos(lower) or lower in AUXILIARIES
    return word[:1].islower() and (verbal or lower in _DETERMINERS)


def _continues_after(note: NoteData, text: str, texts: _SourceTexts) -> bool:
    """The source goes on after the card's last words with a number or a lower-case word."""
    tail = " ".join(text.split()[-3:])
    span = " ".join(" ".join(texts.span(note)).split())
    at = span.find(tail)
    if at < 0:
        return False
    rest = span[at + len(tail) :].lstrip()
    return bool(rest) and (rest[0].isdigit() or rest[0].islower() or rest[0] == "(")


# an answer that ends on a quotation's closing mark, or on where the line comes from after it
_WHOLE_QUOTATION = lazy_regex(r"[\"\u201d]\s*(?:\([^()]{1,30}\))?$")


def _cut_at_dash(note: NoteData, face: CardFace, texts: _SourceTexts) -> bool:
    """The answer ends where its line goes on after a dash ("1-2 years - longer if appealed")."""
    if note.kind is NoteKind.CLOZE:
        if not face.prompt.rstrip(" .").endswith(GAP):
            return False
    elif len(answer_items(note, face)) > 1 or face.prompt.startswith(WHO_SAYS):
        return False  # ('"..." (5.1) Lady Macbeth - sleepwalking': a note on the line said)
    answer = " ".join(face.answer.split())
    if note.kind is not NoteKind.CLOZE and _WHOLE_QUOTATION.search(answer):
        return False  # ('"..." (ch4) - he's seen ...': a remark on the line quoted, not its rest)
    asked = f" {normalise(face.prompt)} "
    for line in texts.span(note):
        line = " ".join(line.split())
        at = line.find(answer)
        rest = line[at + len(answer) :]
        if at >= 0 and re.match(r"\s[-\u2013\u2014]\s+[a-z]", rest):
            # "17 June 1789 - the Third Estate declared ...": what follows the dash is what
            # the question asks about, not a rest the answer leaves out.
            said = re.sub(r"\([^()]*\)?", " ", DASH.split(rest, maxsplit=1)[-1])
            following = normalise(said).split()[:4]  # "discovered penicillin (mould ...)"
            shared = sum(
                f" {word} " in asked or f" {past_to_base(word)} " in asked for word in following
            )
            if note.kind is NoteKind.CLOZE or shared < len(following) - 1:
                return True
    return False


def _merged_items(note: NoteData, face: CardFace, texts: _SourceTexts) -> int:
    """How many list items of the source the card's one sentence runs together (0 or 1: fine)."""
    if note.kind is not NoteKind.CLOZE and len(answer_items(note, face)) > 1:
        return 0
    span = texts.span(note)
    if len(span) < 2:
        return 0
    text = f" {normalise(_visible(note, face) + ' ' + face.answer)} "
    indents = []
    for line in span:
        marker = _LIST_MARKER.match(line.expandtabs(4))
        if not marker:
            continue
        opening = " ".join(normalise(_LIST_MARKER.sub("", line)).split()[:3])
        if opening and f" {opening} " in text:
            indents.append(len(marker[0]) - len(marker[0].lstrip()))
    # A parent with its sub-bullet is one fact in context; two items side by side are two.
    if any(later <= earlier for earlier, later in itertools.pairwise(indents)):
        return len(indents)
    return 0


# 4 meaningful target: the reader's rules ------------------------------------------------------


def _check_deletion(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    if note.kind is not NoteKind.CLOZE:
        return []
    answer = face.answer.strip()
    tokens = _tokens(answer)
    if not tokens:
        return []
    before, after = face.prompt.split(GAP, 1) if GAP in face.prompt else ("", "")
    problem = (
        _verb_or_filler(tokens, before, after)
        or _not_a_word(tokens, before, after, note, texts)
        or _one_example(before, after)
        or _half_a_quotation(answer)
        or _half_a_term(answer, tokens, before, after, note, texts)
        or _citation_year(answer, after)
        or _bare_count(tokens, after)
        or _count_named_before(tokens, before, after)
        or (answer[-1:] in ":;," and "the deletion swallows the label's punctuation")
        or (answer.endswith("?") and "a question hidden, not a term ('[Why protect them?] ...')")
        or (
            re.search(r"[,.!?;:]\s/\s", answer)  # "toil and [trouble; / Fire] burn"
            and "runs across the end of a line of verse"
        )
        or (
            re.fullmatch(r"(\S+)\s+\1", answer, re.I)  # (not "Peterson & Peterson")
            and "one word twice: two phrases run together"
        )
        or (
            not before.strip()
            and re.match(r"\s*:", after)
            and _FIELD_LABEL.fullmatch(answer)
            and "a label that names a field, not a term"
        )
        or (
            not before.strip()
            and re.match(r"\s*:", after)
            and ARGUMENT_LABEL.fullmatch(answer)
            and "an argument's outline label ('[Reply]:'), not a term"
        )
    )
    return [_finding(4, face.prompt, f"deletion {answer!r}: {problem}")] if problem else []


# "[Type of theory]: teleological ...", "[Factor]: TECHNOLOGY ...": what the line is about.
_FIELD_LABEL = lazy_regex(
    r"(?:(?:main|key)\s+)?(?:types?|kinds?|sorts?|factors?|reasons?|causes?|effects?|features?"
    r"|examples?|advantages?|disadvantages?|strengths?|weaknesses?)(?:\s+of\s+[\w\s]{1,30})?",
    re.I,
)
# "[Reply]: same fact, new concept", "[Obj]: self-refuting", "P1 the body is divisible": the
# marks of an argument's outline (premise, conclusion, objection, reply), in any subject that
# weighs arguments; none is a term of the subject.
ARGUMENT_LABEL = lazy_regex(
    r"(?:obj(?:ection)?s?|repl(?:y|ies)|responses?|counter(?:[- ]?arguments?|[- ]?points?)?"
    r"|criticisms?|rebuttals?|premises?|conclusions?|eval(?:uation)?|evidence|AO[1-4]"
    r"|[PC]\d{0,2})",
    re.I,
)
# "P1 the body is divisible", "C so the mind is not the body": a premise's or a conclusion's
# number kept at the start of the card
_STEP_MARKER = lazy_regex(
    r"^(?:P\d{1,2}\s+(?!(?:is|are|was|and|=)\b)[a-z]|C\d{0,2}\s+(?:so|therefore|thus|hence)\b"
    r"|C\d{1,2}\s+[a-z])"
)
# "objection: Leibniz's law - brain states ...", "evidence: aphids - their mouthparts ...": a
# point made for or against the section's subject, which names what it uses, not what it defines
_LABELLED_POINT = lazy_regex(
    rf"^[^\w]*(?:{ARGUMENT_LABEL.pattern}|strengths?|weakness(?:es)?|limitations?)\s*:\s*"
    r"(?P<rest>.+)",
    re.I,
)
_ASKS_OF_A_THING = lazy_regex(
    r"^What (?:is|are|does|do|did) (?:an? |the )?(?P<thing>.+?)"
    r"(?: say| mean| show| suggest| claim| do| prove)?\?$"
)


# "[Fetch] - the distance of open water ...": a line that opens on a word and then says
# what it means names a thing, whatever else the word can be.
_DEFINED_BY_WHAT_FOLLOWS = lazy_regex(r"\s*(?:[-\u2013\u2014:=]|->|\u2192)\s")


def _verb_or_filler(tokens: list[str], before: str, after: str = "") -> str:
    from revise.generation.language import is_stopword, zipf

    content = [token for token in tokens if not is_stopword(token)]
    if not content:
        return ""
    if len(tokens) <= 2 and all(_pos(token) and _pos(token) <= {"ADV"} for token in content):
        return "a filler word"
    participle = len(tokens) > 1 and tokens[1].casefold().endswith(("ing", "ed"))
    adverb_verb = 2 <= len(tokens) <= 3 and _pos(tokens[0]) == {"ADV"} and "VERB" in _pos(tokens[1])
    if adverb_verb and not participle:
        return "a verb phrase"
    if len(tokens) > 2 or (tokens[0][:1].isupper() and before.strip()):
        return ""
    if (not before.strip() or NOUN_SLOT.search(before)) and tokens[-1].casefold().endswith("ing"):
        return ""  # a gerund opening the sentence is its subject; after "=", what a thing is
    head = tokens[-1]
    kinds = _pos(head)
    lower = head.casefold()
    previous = before.split()[-1].casefold() if before.split() else ""
    only_verb = "VERB" in kinds and not kinds & {"NOUN", "PROPN"}
    defined = not before.strip() and _DEFINED_BY_WHAT_FOLLOWS.match(after)
    if only_verb and not defined and ("ADJ" not in kinds or lower.endswith(("s", "ing"))):
        return "a verb"
    # "the substrate binds", "which melts": a noun-or-verb after its subject is the verb.
    third_person = lower.endswith("s") and not lower.endswith("ss")
    after_subject = bool(previous) and previous not in _DETERMINERS and not previous[:1].isdigit()
    subject = ("NOUN" in _pos(previous) and "ADJ" not in _pos(previous)) or previous in (
        "it",
        "which",
        "that",
        "who",
    )
    # (a deletion of two words is a noun and its head: "16 baby [rhesus monkeys]")
    if (
        len(tokens) == 1
        and third_person
        and after_subject
        and subject
        and {"VERB", "NOUN"} <= kinds
    ):
        return "a verb"
    if kinds == {"ADJ"} or kinds == {"ADJ", "ADV"}:
        if lower.endswith(("er", "est")) and _base_adjective(lower):
            return "a comparative adjective"
        if zipf(lower) >= ADJECTIVE_ZIPF:
            return "a common adjective"
    return ""


def _base_adjective(word: str) -> bool:
    from revise.generation.grammar import lemmas

    return any(lemma != word for lemma in lemmas(word).get("ADJ", ()))


def _not_a_word(
    tokens: list[str], before: str, after: str, note: NoteData, texts: _SourceTexts
) -> str:
    """A one-off misspelling: written once in the notes and one letter from a commoner word."""
    path = note.source.path if note.source is not None else ""
    # capitalised mid-sentence or in a run, or a study's author before its year ("Sperling (1960)")
    name = len(tokens) > 1 or bool(before.strip()) or bool(_CITED_YEAR.match(after))
    for token in tokens:
        stem = token.casefold().removesuffix("s")
        if texts.count(path, stem) + texts.count(path, stem + "s") > 1:
            continue  # written so more than once: the author's spelling
        if looks_misspelt(token, name and token[:1].isupper()):
            return "a misspelling"
        if slip_in_notes(token, lambda word, path=path: texts.count(path, word)):
            return "a misspelling of a word the notes use often"
    return ""


_CITED_YEAR = lazy_regex(r",?\s+\(?(?:1[5-9]|20)\d\d\b")


def _one_example(before: str, after: str) -> str:
    leads = list(_EXAMPLE_LEAD.finditer(before))
    if not leads or re.search(r"[;!?]|\.\s+[A-Z]", before[leads[-1].end() :]):
        return ""
    clause = before[leads[-1].end() :]
    if clause.count(")") > clause.count("(") or re.search(r"->|\u2192|\s=\s", clause):
        return ""  # the examples closed before the gap: "(e.g. X, Y) learnt by [habit]"
    if "," in after.split(")")[0] or "," in clause:
        return "one example of a list"
    if after.lstrip().startswith(("or ", "and ")):
        return "one example of a list"
    return ""


def _half_a_quotation(answer: str) -> str:
    pairs = (("\u2018", "\u2019"), ("\u201c", "\u201d"))
    for opening, closing in pairs:
        if answer.count(opening) != answer.count(closing) and answer.count(closing) > 0:
            return "half of a quotation"
    if answer.count('"') % 2:
        return "half of a quotation"
    return ""


def _half_a_term(
    answer: str,
    tokens: list[str],
    before: str,
    after: str,
    note: NoteData,
    texts: _SourceTexts,
) -> str:
    from revise.generation.language import MONTHS, is_number_word, is_stopword

    left = before.split()[-1] if before.split() else ""
    right = after.split()[0] if after.split() else ""
    if before.endswith(("\u00a3", "$", "\u20ac", "#")):
        return "half of a quantity (its sign is left outside)"
    if re.fullmatch(r"[A-Za-z]{1,4}", tokens[-1]) and re.match(r"\.\s?\d", after):
        return "half of a term (cut at its abbreviation's full stop: 'Order No. 1')"
    if is_number_word(tokens[0]) and left.rstrip(",").replace(".", "").isdigit():
        return "half of a quantity"
    capital = tokens[-1][:1].isupper()
    year_like = re.fullmatch(r"\d{4}", answer) is not None
    joined_right = after[:1] == " " and right
    joined_left = before[-1:] == " " and left
    if capital and joined_right and re.fullmatch(r"\d{4}[,.;:)]?", right):
        return "half of a name (its year is left outside)"
    titled = bool(joined_left) and left[:1].isupper() and left.isalpha()
    if year_like and titled and not _sentence_start(before) and not _dated_name(before):
        return "half of a name (the year of a title)"
    if (
        capital
        and joined_right
        and (right == "&" or (right.casefold() in _NAME_PARTICLES and after.split()[1:2]))
    ):
        return "half of a name"
    names = all(token[:1].isupper() and token.isalpha() for token in tokens)
    opening = titled and len(before.split()) == 1 and left.casefold() not in _DETERMINERS
    if names and opening and not is_stopword(left) and tokens[0].casefold() not in MONTHS:
        return "half of a name"
    quote = re.search(r"[\"\u201c]([^\"\u201d]*)$", before)
    rest = re.match(r"^([^\"\u201d]*)[\"\u201d]", after)
    short = quote and rest and len(f"{quote[1]} {answer} {rest[1]}".split()) <= 5
    if short and quote[1].strip():  # "Swing Around the [Circle]": a title cut in two
        return "half of a quotation"
    if joined_left and re.fullmatch(r"\d+(?:st|nd|rd|th)(?:[-\u2013]\d+(?:st|nd|rd|th))?", left):
        return "half of a term (its number is left outside)"
    inside_a_name = names and titled and not _sentence_start(before)
    if inside_a_name and not is_stopword(left) and tokens[0].casefold() not in MONTHS:
        return "half of a name"
    if len(tokens) == 1 and tokens[0].islower() and note.source is not None:
        from revise.generation.language import zipf

        if zipf(tokens[0]) < TYPO_ZIPF:
            return ""  # a rare word is the term itself, whatever it qualifies
        path = note.source.path
        for phrase in (
            f"{left} {answer}" if joined_left and left.isalpha() and left.islower() else "",
            f"{answer} {right}" if joined_right and right.isalpha() and right.islower() else "",
        ):
            key = normalise(phrase)
            if not key or any(is_stopword(word) for word in key.split()):
                continue
            uses = texts.count(path, key) + texts.count(path, key + "s")
            # The phrase recurs, and the answer seldom stands without it: one term, halved.
            if uses >= 2 and texts.count(path, normalise(answer)) <= uses + 1:
                return f"half of the term {phrase!r}"
    return ""


# A statute ("Sale of Goods Act 1979") or a reported case ("Harvey v Facey 1893")
# carries its year as part of its name.
_LEGAL_TITLE = lazy_regex(
    r"(?:\b(?:Acts?|ACT|Regulations|Rules|Order|Bill|Directive)"
    r"|\bv\.?\s+(?:[A-Z][\w'&.-]*\s+)*[A-Z][\w'&.-]*)\s*$"
)


def _dated_name(before: str) -> bool:
    """A name of two or more capitalised words, then a year: "Locarno Pact [1925]",
    "TREATY OF LONDON [1839]". The year dates the pact, treaty or book named, a fact to
    recall, unless the name is a statute or a case, whose year is part of its title."""
    if _LEGAL_TITLE.search(before):
        return False
    run: list[str] = []
    for word in reversed(before.split()):
        if word[:1].isupper() and word.isalpha():
            run.append(word)
        elif word.casefold() == "of" and run:
            run.append(word)  # "Treaty of London"
        else:
            break
    while run and run[-1].casefold() == "of":
        run.pop()
    return sum(word.casefold() != "of" for word in run) >= 2


def _sentence_start(before: str) -> bool:
    words = before.split()
    return len(words) <= 1 or words[-2][-1:] in ".:!?\u2014-"


def _citation_year(answer: str, after: str) -> str:
    if re.fullmatch(r"\d{4}", answer) and _AFTER_CITATION_YEAR.match(after):
        return "the year of a law report citation"
    return ""


def _bare_count(tokens: list[str], after: str) -> str:
    from revise.generation.language import is_number_word

    if len(tokens) != 1:
        return ""
    token = tokens[0]
    small = (token.isdigit() and 1 < int(token) <= SMALL_COUNT) or (
        is_number_word(token) and token.casefold() not in ("half", "dozen", "hundred")
    )
    if not small:
        return ""
    match = _COUNTED.match(after)
    if not match or match[1].casefold().removesuffix("s") in _UNITS_OF_TIME:
        return ""
    rest = match[2].strip()
    if not rest or rest[:1] in ":." or len(rest.split()) <= 3 or rest.startswith("of "):
        return "a count of things the card does not name"
    return ""


def _count_named_before(tokens: list[str], before: str, after: str) -> str:
    """ "The [two] memories can have different word sizes": a small count after "the" or
    "these" at the start of a sentence points back at things already named; it is no fact."""
    from revise.generation.language import is_number_word

    if len(tokens) != 1 or not re.fullmatch(r"(?:the|these|those|both)\s*", before, re.I):
        return ""
    token = tokens[0]
    small = (token.isdigit() and 1 < int(token) <= SMALL_COUNT) or is_number_word(token)
    if not small or not _COUNTED.match(after):
        return ""
    return "a count of things named before the card, pointed back at"


# 12 one question, one answer ----------------------------------------------------------------


def _concluded(item: str, items: list[str]) -> bool:
    """ "China was fighting US forces; UN was not a capitalist nation; so terms of treaty did not
    apply": the last step of a chain of reasons, a clause that says what the steps before it
    come to."""
    from revise.generation.grammar import split_clause

    said = re.match(r"(?:so|therefore|thus|hence)\s+(?P<rest>.+)$", item)
    if item is not items[-1] or said is None:
        return False
    # ("so its terms did not bind Italy": whose terms is no matter to whether it is a clause)
    return split_clause(re.sub(r"^(?:its|their|his|her)\s", "the ", said["rest"])) is not None


def _check_dump(note: NoteData, face: CardFace) -> list[Finding]:
    if note.kind is NoteKind.CLOZE:
        return []
    if face.ordinal == 1:  # the reverse of a term and its meaning
        return []
    items = [item.strip() for item in re.split(r";\s+", face.answer) if item.strip()]
    if len(items) > MAX_LIST_ITEMS:
        return [_finding(12, face.prompt, f"{len(items)} items dumped into one answer")]
    if len(items) > 1 and max(len(item.split()) for item in items) > MAX_LIST_ITEM_WORDS:
        return [_finding(12, face.prompt, "sentences dumped into one answer as a list")]
    if len(items) > 1 and any(
        re.match(r"(?:and|or|but|with|so)\b", item) and not _concluded(item, items)
        for item in items
    ):
        return [_finding(12, face.prompt, "a list split in the middle of its items")]
    prompt = face.prompt.strip()
    if re.search(r":\s*\?\s*(?:\(\d+\))?$", prompt):
        return [_finding(12, face.prompt, "a label with a question mark, not a question")]
    lead = re.sub(r"[\s:]*(?:\(\d+\))?\s*$", "", prompt)
    asks = re.search(r"\?\s*(?:\([^()]*\))?$", prompt)  # "xₙ = ? (closed form)" asks too
    if note.kind is NoteKind.BASIC and not asks and not has_verb(lead):
        return [_finding(12, face.prompt, "a bare label as the question")]
    return []


# 5 no leak: the reader's rules ----------------------------------------------------------------


def _check_given_away(note: NoteData, face: CardFace) -> list[Finding]:

    answer = face.answer.strip()
    if given_by_context(answer, note.context):
        return [_finding(5, face.prompt, f"the heading gives {answer!r} away")]
    if re.fullmatch(r"[A-Z]{2,6}s?", answer) and _spelled_out(answer.rstrip("s"), face.prompt):
        return [_finding(5, face.prompt, f"the prompt spells out {answer!r}")]
    if note.kind is NoteKind.CLOZE:
        message = (
            _alternative_split(answer, face.prompt)
            or _abbreviation_given(answer, face.prompt, note.context)
            or _word_shown(answer, face.prompt)
            or _sum_shown(answer, face.prompt)
            or _unit_shown(answer, face.prompt)
        )
        if message:
            return [_finding(5, face.prompt, message)]
    return []


def _alternative_split(answer: str, prompt: str) -> str:
    """One of two alternatives hidden while the other shows ("+ [NaOH] / KOH (aq)", "conc
    H2SO4 or conc [H3PO4]"): the card asks for either, and shows the one it does not hide."""
    before, gap, after = prompt.partition(GAP)
    if gap and alternative_shown(before, answer, after):
        return f"the other of two alternatives shows beside {answer!r}"
    return ""


def _word_shown(answer: str, prompt: str) -> str:
    """A word of the hidden term written out again on the card as the same thing: alone in
    brackets ("[Sept 1917] -> ... chairman (Sept)"), or, where the card hides the label of a
    line, as the subject of a verb ("[Filament lamp]: ... as the filament gets hotter").
    "[renal artery] ... renal vein" names another thing, and gives nothing away."""
    from revise.generation.language import AUXILIARIES, is_stopword

    visible = prompt.replace(GAP, " \u2026 ")
    label = re.match(rf"^\s*{re.escape(GAP)}\s*(?::|[-\u2013\u2014]\s)", prompt)
    for word in normalise(re.sub(r"\([^()]*\)", " ", answer)).split():  # "NAT (network ...)"
        if len(word) < 4 or word.isdigit() or is_stopword(word):
            continue
        pattern = rf"(?<![\w-]){re.escape(word)}s?(?![\w-])(\))?\s*([A-Za-z']*)"
        for shown in re.finditer(pattern, visible, re.I):
            alone = shown[1] and re.search(r"\(\s*$", visible[: shown.start()])
            following = shown[2].casefold()
            subject = following in AUXILIARIES or _pos(following) == {"VERB"}
            if alone or (label and not shown[1] and subject):
                return f"the prompt shows {word!r}, a word of the answer {answer!r}"
    return ""


# The SI units and their symbols: "[volts]" beside "1 V = 1 J C⁻¹" is given away by its symbol.
_UNIT_SYMBOLS = {
    "volt": "V", "ampere": "A", "amp": "A", "ohm": "\u03a9", "watt": "W", "joule": "J",
    "newton": "N", "coulomb": "C", "metre": "m", "meter": "m", "second": "s", "kilogram": "kg",
    "hertz": "Hz", "pascal": "Pa", "kelvin": "K", "tesla": "T", "farad": "F", "weber": "Wb",
    "mole": "mol", "becquerel": "Bq", "gray": "Gy", "sievert": "Sv", "lux": "lx",
}  # fmt: skip


def _unit_shown(answer: str, prompt: str) -> str:
    """A unit hidden where its symbol stands after a figure on the card ("measured in [volts]:
    1 V = 1 J C⁻¹")."""
    name = answer.strip().casefold()
    symbol = _UNIT_SYMBOLS.get(
        name[:-1] if name.endswith("s") and name[:-1] in _UNIT_SYMBOLS else name
    )
    if symbol and re.search(rf"\d\s?{re.escape(symbol)}(?![\w])", prompt.replace(GAP, " ")):
        return f"the symbol {symbol!r} beside a figure gives {answer!r} away"
    return ""


_AMOUNT = lazy_regex(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)\s?(bn|billion|m|mn|million|k|thousand|tn|trillion)?(?![\w])",
    re.I,
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9,
          "billion": 1e9, "tn": 1e12, "trillion": 1e12}  # fmt: skip


def _amounts(text: str) -> list[float]:
    return [
        float(found[1].replace(",", "")) * _SCALE.get((found[2] or "").casefold(), 1)
        for found in _AMOUNT.finditer(text)
    ]


def _sum_shown(answer: str, prompt: str) -> str:
    """A hidden total whose parts the card adds up beside it ("[£895 billion] (£875bn gilts +
    £20bn corporate bonds)"), or a hidden part of a sum whose total and other parts it shows."""
    hidden = _amounts(answer)
    if len(hidden) != 1 or not hidden[0] or GAP not in prompt:
        return ""
    groups = re.findall(r"\(([^()]*)\)", prompt) + re.findall(r"\S+(?:\s*\+\s*\S+)+", prompt)
    visible = _amounts(prompt.replace(GAP, " "))
    for group in groups:
        parts = _amounts(group.replace(GAP, " "))
        if GAP not in group and len(parts) >= 2 and _same_amount(sum(parts), hidden[0]):
            return f"the card adds up {answer!r} from the parts beside it"
        if GAP in group and parts and "+" in group:
            total = hidden[0] + sum(parts)
            if any(_same_amount(total, shown) for shown in visible):
                return f"the card shows the total and the other parts of {answer!r}"
    return ""


def _same_amount(one: float, other: float) -> bool:
    return abs(one - other) <= 0.005 * max(abs(one), abs(other))


def _abbreviation_given(answer: str, prompt: str, context: str) -> str:
    """An abbreviation hidden beside its expansion ("[hCG] (human chorionic gonadotrophin)"),
    an expansion hidden beside its abbreviation ("[Monetary Policy Committee] (MPC)"), or both
    hidden where the prompt or the heading names the abbreviation (under "MPC")."""
    letters = abbreviation_letters(answer)
    if letters:
        before, _, after = prompt.partition(GAP)
        beside = re.match(r"\s*\(([^()]+)\)", after)
        if beside and letters in initials(beside[1]):
            return f"the expansion beside it gives {answer!r} away"
        if re.search(r"\(\s*$", before):
            words = before.rstrip(" (").split()
            if any(letters in initials(" ".join(words[-n:])) for n in range(2, 8)):
                return f"the expansion beside it gives {answer!r} away"
        return ""
    named = re.fullmatch(r"(.+?)\s*\(\s*([A-Za-z]+)\s*\)", answer)
    expansion, own = (named[1], abbreviation_letters(named[2])) if named else (answer, "")
    shown = abbreviations_in(prompt.replace(GAP, " "))
    if initials(expansion) & shown or own in shown:
        return f"the abbreviation in the prompt gives {answer!r} away"
    if initials(expansion) & abbreviations_in(context) or own in abbreviations_in(context):
        return f"the abbreviation in the heading gives {answer!r} away"
    return ""


def _spelled_out(acronym: str, prompt: str) -> bool:
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z][\w-]*", prompt)).upper()
    return acronym.upper() in initials


# 9 context cue: the reader's rules ------------------------------------------------------------


def _check_subject(note: NoteData, face: CardFace) -> list[Finding]:
    text = _visible(note, face)
    if _DEPENDENT_OPENER.match(text):
        return [_finding(9, face.prompt, "opens by leaning on the line before it")]
    words = text.split()
    first = words[0].strip("\"'(").casefold() if words else ""
    if first in _DEMONSTRATIVE and _pronoun_subject(words[1:]):
        return [_finding(9, face.prompt, f"{words[0]!r} points at a sentence the card lacks")]
    if first in _PERSONAL and len(words) > 1 and not _resolves(first, note.context):
        return [_finding(9, face.prompt, f"{words[0]!r} opens the card and nothing says who")]
    return []


_PERSONAL = frozenset({"he", "she", "it", "they"})
# "Elizabeth executed at ...", "Stalin arrested in 1937": a name, a past and where or when
_NAMED_PAST = lazy_regex(
    r"^(?P<name>[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2})\s(?P<past>[a-z]+)\s(?P<after>\S+)"
)


def _check_doer_added(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    """ "Elizabeth executed at [Fotheringhay Castle]" from the line "executed at Fotheringhay
    Castle" under "Mary Queen of Scots": a name the line does not hold, set before a verb that
    takes an object and has none, reads as the one it was done to, and is the wrong one."""
    from revise.generation.grammar import done_to_subject

    if note.kind is not NoteKind.CLOZE or note.source is None:
        return []
    named = _NAMED_PAST.match(_visible(note, face))
    if not named or not done_to_subject(named["past"]):
        return []
    after = named["after"].casefold()
    if after not in _PREPOSITIONS and not after[:1].isdigit():
        return []
    span = normalise(" ".join(texts.span(note)))
    if f" {normalise(named['name'])} " in f" {span} ":
        return []
    return [_finding(9, face.prompt, "a name from another line set before what was done")]


def _resolves(pronoun: str, context: str) -> bool:
    """Whether the heading a card sits under names the one thing its opening pronoun stands
    for: "They need $40bn" under "Least developed countries", "He refused" under "Stalin";
    not "It uses acknowledgements" under "TCP vs UDP", two things, nor under "Basics"."""
    from revise.generation.questions import is_plural

    heading = re.sub(r"^[\d.)\s]+", "", context.split(" > ")[-1]).strip(" :")
    # "Enthalpy, $\\Delta H$", "Enthalpy (ΔH)": a thing and its symbol, still one thing
    named = re.sub(r"\s*\([^()]*\)|,?\s*\$[^$]*\$|,\s*\S{1,4}$", "", heading).strip()
    if not named or re.search(r"\b(?:vs|versus|and|or)\b|[,&/+]", named, re.I):
        return False
    if pronoun == "they":
        return is_plural(named)
    if pronoun in ("he", "she"):
        return all(word[:1].isupper() for word in named.split()) and len(named.split()) <= 4
    return not is_plural(named) and named.casefold() not in _GENERIC_HEADINGS


# Headings that name a part of the notes, not a thing a pronoun could stand for.
_GENERIC_HEADINGS = frozenset(
    {"basics", "introduction", "overview", "summary", "notes", "key points", "key facts",
     "background", "definitions", "key terms", "other", "misc", "extra", "general"}
)  # fmt: skip


def _pronoun_subject(rest: list[str]) -> bool:
    """ "This is ...", "This also means ...": the demonstrative stands for a whole sentence."""
    from revise.generation.language import AUXILIARIES

    for word in rest[:3]:
        lower = word.strip(",.;:").casefold()
        if _pos(lower) == {"ADV"}:
            continue
        return lower in AUXILIARIES or ("VERB" in _pos(lower) and lower.endswith(("s", "ed")))
    return False


# 13 content, not advice -----------------------------------------------------------------------

# 'What does "You taught me language ..." (Caliban, 1.2) show?': asked of a line someone says
_ASKED_OF_A_LINE = lazy_regex(r'^What (?:does|is) "[^"]+" \([^()]+\) (?:show|an example of)\?')
# "(AO3)", "(AO1/AO2)": the assessment objective a section's facts serve, in brackets
_OBJECTIVE_LABEL = lazy_regex(r"\(\s*AO\s?[1-4](?:\s*[/&,+]\s*(?:AO\s?)?[1-4])*\s*\)", re.I)


_MISTAKES = lazy_regex(
    r"\b(?:mistakes?|pitfalls?|misconceptions?|errors?|slips?|traps?|don'?ts?)\b", re.I
)


def _done(text: str) -> bool:
    """ "Doing (b² + c²) x cos A", "Forgetting the units": a text that opens on what someone
    did, an -ing form of a verb."""
    # (after the label of what it slips on: "Cosine rule: doing ...")
    first = re.match(r"\s*(?:[^:\n]{1,40}:\s+)?([A-Za-z]{2,}ing)\b", text)
    if not first:
        return False
    word = first[1].casefold()
    return any(lemma != word for lemma in lemmas(word).get("VERB", ()))


# The writer's voice in a card: a filler ("ok so"), emphasis marks ("!!", "^^")
# or a doubt ("I think"); a card states the fact without them
_LEFT_IN = lazy_regex(
    r"(?:^|(?:is|are|was|were)\s+|:\s*)ok(?:ay)?\s*,?\s+so\b|!{2,}"
    r"|(?:^|\s)\^{2,}(?=\s|$)|(?-i:\bI\s+(?:think|reckon|guess)\b)(?=\W*(?:\)|$))",
    re.I,
)


def _check_non_content(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    text = _visible(note, face)
    if text.startswith(WHO_SAYS) or _ASKED_OF_A_LINE.match(text):
        text = without_quotations(text)  # what a speaker says is theirs, not advice to the reader
    if note.kind is NoteKind.BASIC:  # 'What is the plural of "your"?': a word mentioned
        text = re.sub(r'"[^"\s]+(?:\s[^"\s]+){0,2}"', "it", text)
    # (but "Key questions" over "What is a meander? - a bend in a river", "Describe the
    # structure of NaCl." over "giant ionic lattice": the student's own question, in their
    # words, with its answer)
    own = note.kind is NoteKind.BASIC and _own_question(note, texts)
    reason = not_content(text) or (META_LABEL.match(note.front) and not_content(note.front))
    if reason and not (own and reason == INSTRUCTED):
        return [_finding(13, face.prompt, reason)]
    if _LEFT_IN.search(text) or _LEFT_IN.search(note.back):
        # "What is Ok so tropical storm?", "quorn (NOT vegan, has egg!!)": how the writer talks
        return [_finding(13, face.prompt, "the writer's filler, emphasis or doubt left in")]
    if note.kind is NoteKind.BASIC and (
        any(shape.search(note.back) for shape in NOTE_TO_SELF) or COMES_UP.search(note.back)
    ):
        # "How do X and Y differ? :: Learn the diff!!": the writer's reminder as the answer
        return [_finding(13, face.prompt, "the answer is a note to the writer, not a fact")]
    lead = note.context.split(" > ")[-1].rstrip(": ")
    continues_lead = bool(re.search(r"\bto$", lead))  # "a state had to" > "Ratify the 14th"
    # ("Improving cash flow" > "Arrange an [overdraft]": a way to do it, not an order)
    continues_lead = continues_lead or names_an_aim(lead)
    orders = any(_imperative(part) for part in _instruction_candidates(text))
    if not continues_lead and not own and orders:
        return [_finding(13, face.prompt, INSTRUCTED)]
    # ("CONTEXT (AO3)": the facts an assessment objective asks for, not advice on the exam)
    heading = _OBJECTIVE_LABEL.sub("", note.context.split(" > ")[-1])
    advice = (
        EXAM_WORDS.search(heading)
        or ADVICE_SECTION.search(heading)
        or re.search(r"\bquestions\b", heading, re.I)
    )
    if advice and not MARKS.search(heading) and normalise(heading) != texts.title and not own:
        return [_finding(13, face.prompt, "under an exam-advice heading, not a fact")]
    if any(WORKED_EXAMPLE.match(part) for part in note.context.split(" > ")) and not (
        note.kind is NoteKind.BASIC
        and ASKS_FOR_A_SIDE.search(note.front)
        and not re.search(r"\d[.,]\d|\d{2,}", f"{note.front} {note.back}")
    ):
        # (but "1/2 mv^2 = ?" :: "eV": the relation the example works from holds in every case)
        return [_finding(13, face.prompt, "a worked example's own numbers, not a fact")]
    said = note.back if note.kind is NoteKind.BASIC else text
    if _MISTAKES.search(heading) and _done(said):
        # "cosine rule: doing (b² + c² - 2bc) x cos A" under "Common mistakes": the slip, which
        # a card would teach as the fact
        return [_finding(13, face.prompt, "a mistake described, under a heading of mistakes")]
    if (
        note.kind is NoteKind.CLOZE
        and text.endswith("?")
        and not re.match(r"^\[[^\]]+\]:", note.front)
    ):
        return [_finding(13, face.prompt, "a question from the notes, not a fact")]
    span = texts.span(note)
    if any(_ANCHOR_LINK.search(line) for line in span):
        return [_finding(13, face.prompt, "a table of contents entry")]
    # (a formula set in bold over its legend, "**cardiac output = stroke volume x heart rate**",
    # is the fact itself, asked as one)
    formula_asked = bool(ASKS_FOR_A_SIDE.search(face.prompt))
    if (
        note.source is not None
        and normalise(text) in texts.headings(note.source.path)
        and not own
        and not formula_asked
    ):
        return [_finding(13, face.prompt, "a heading or contents entry, not a fact")]
    return []


def _check_labelled_point(note: NoteData, face: CardFace, texts: _SourceTexts) -> list[Finding]:
    """ "What does Leibniz's law say? :: Brain states are located ..." from "objection: Leibniz's
    law - brain states are located ...": the point an objection makes is not what the thing it
    uses says or is."""
    if note.kind is not NoteKind.BASIC or face.ordinal == 1:
        return []
    asked = _ASKS_OF_A_THING.match(face.prompt.strip())
    span = texts.span(note)
    point = _LABELLED_POINT.match(span[0]) if span and asked else None
    if not point:
        return []
    thing, rest = normalise(asked["thing"]), normalise(point["rest"])
    if thing and rest.startswith(thing):
        return [_finding(14, face.prompt, "what an argument's point uses asked as what it is")]
    return []


def _own_question(note: NoteData, texts: _SourceTexts) -> bool:
    """A question card whose question the notes ask in these words, above its answer (a
    prompt with no question mark, "Name the device ...", with its answer in the notes' words)."""
    span = plain_span(" ".join(texts.span(note)))
    asked = note.front.rstrip().endswith("?") or plain_span(note.back) in span
    return asked and plain_span(note.front) in span


def _instruction_candidates(text: str) -> list[str]:
    """The sentence, and what follows a label at its start ("Point - answer the question")."""
    parts = [text]
    label = re.match(r"^([^:;\u2013\u2014-]{1,40}?)(?::|\s[-\u2013\u2014])\s+(.+)$", text)
    if label and _NAMES_AN_AIM.search(label[1]):
        return parts  # "Stalin's aim: force the Allies to leave": what the aim was, no order
    if label:
        rest = label[2]
        parts.append(rest[:1].upper() + rest[1:])
    return parts


_NAMES_AN_AIM = lazy_regex(
    r"(?:['\u2019]s\s+\w+|\b(?:aims?|goals?|purpose|plans?|policy|idea|solution|task|job|role"
    r"|response|strategy|demands?|orders?))\s*$",
    re.I,
)


def _imperative(text: str) -> bool:
    words = text.split()
    if len(words) < 2:
        return False
    if re.match(r"^(?:don'?t|do not|never|always|make sure|try to|remember to)\b", text, re.I):
        return True
    if not words[0].isalpha():
        return False
    verb, following = words[0], words[1].strip(",.;:").casefold()
    if not verb[:1].isupper() or verb.isupper():
        return False
    lower = verb.casefold()
    kinds = _pos(lower)
    from revise.generation.grammar import lemmas
    from revise.generation.language import IRREGULAR_PAST, is_stopword

    if "VERB" not in kinds or is_stopword(lower) or lower in _PREPOSITIONS | {"near"}:
        return False  # "Up to ...", "Near the city of Goma, ...": no command
    if re.match(r"^\S+\s+(?:up|down)\s*(?:->|\u2192)", text):
        return False  # "Temp up -> molecules move faster": a change and what follows
    if lower not in {lemma.casefold() for lemma in lemmas(lower).get("VERB", ())}:
        return False  # "Passed", "Leads", "Rubbing": an inflected verb is no command
    if IRREGULAR_PAST.get(lower) == lower or kinds & {"NOUN", "ADJ"}:
        # "Set up over 1,000 schools" (a past), "Right to vote" (a noun): only with an object
        return following in _IMPERATIVE_OBJECT and following not in _PREPOSITIONS
    return following in _IMPERATIVE_OBJECT or _pos(following) == {"ADJ"}


# 14 well-formed question ----------------------------------------------------------------------


ARROW_IN = lazy_regex(ARROW)
# "acetyl CoA + oxaloacetate → ?": an equation asked for what it makes, its one arrow the ask
_ASKS_PRODUCTS = lazy_regex(rf"^(?:(?!{ARROW}).)+{ARROW} \?$")
_LEAD_TO = lazy_regex(r"^What (?:does|do) (.+) lead to\?$")
_WHAT_DONE = lazy_regex(r"^What (?:did|does|do|will|would|can|could|should|may|might|must) ")
_QUESTION_WORD = lazy_regex(r"^(?:What|Who|Why|How|When|Where)\b")
_REPUTED = lazy_regex(rf"^What (?:is|are|was|were) .+ {REPUTED}\?$")
_FORM_ASKED = lazy_regex(r'^[^:"]+: "(?P<word>[^"]+)"\?$')  # 'Perfekt with sein: "gehen"?'
_FOLLOWS = lazy_regex(r"^What follows when (.+)\?$")
_PLACE_ANSWER = lazy_regex(r"(?:into|onto|through|across|towards?)\s", re.I)


def _check_question(note: NoteData, face: CardFace) -> list[Finding]:
    from revise.generation.grammar import participle_base
    from revise.generation.language import is_stopword

    if note.kind is NoteKind.CLOZE or face.ordinal == 1:
        return []
    prompt = face.prompt.strip()
    if prompt.endswith("?") and ";" in without_quotations(prompt):
        return [_finding(14, face.prompt, "two sentences forced into one question")]
    # ('What does "..." (Jekyll, Ch 10) show?': who says the line and where, not a law report)
    cited = _AFTER_QUOTATION.sub("", prompt)
    cited = _SAID_WHERE.sub("", cited) if prompt.startswith(WHO_SAYS) else cited
    if _REPORT_CITATION.search(cited):
        return [_finding(14, face.prompt, "a law report citation inside the question")]
    held = re.search(r"\bheld that\s+(\S+)((?:\s+\S+){0,3})", prompt)
    if held and (held[1].casefold() in ("held", "above", "below") or ":" in held[0]):
        return [_finding(14, face.prompt, "a case template applied to a label, not a holding")]
    if ARROW_IN.search(without_quotations(prompt)) and not _ASKS_PRODUCTS.match(prompt):
        return [_finding(14, face.prompt, "an arrow inside the question: two points run together")]
    led = _LEAD_TO.match(prompt)
    if led and EXAMPLE_OPENER.match(led[1]):
        return [
            _finding(14, face.prompt, "an example asked as a cause ('What does e.g. X lead to?')")
        ]
    if led and all(is_stopword(word) for word in re.findall(r"[\w'-]+", led[1].casefold())):
        return [_finding(14, face.prompt, f"{led[1]!r} points at lines the card lacks")]
    if led and ("+" in led[1] or clause_subject(led[1]) is not None):
        return [
            _finding(
                14, face.prompt, "a clause or a rule asked as a cause ('What does X lead to?')"
            )
        ]
    misread = led and no_cause_or_effect(led[1], face.answer)
    if misread:
        return [_finding(14, face.prompt, misread)]
    asked = _QUESTION_WORD.match(prompt)
    if asked and re.search(r"\s[-\u2013\u2014]+\s", without_quotations(prompt)):
        return [_finding(14, face.prompt, "a label's dash kept inside the question")]
    done = _WHAT_DONE.match(prompt)  # ("What is market failure? :: When ..." says what it is)
    if done and re.match(rf"(?:{'|'.join(CONDITION_WORDS)})\b", face.answer.strip(), re.I):
        return [
            _finding(14, face.prompt, "a condition asked as a thing ('What did X produce? :: If')")
        ]
    if done and re.match(r"(?:in\s+)?(?:1\d{3}|20\d{2})(?:\s*[,;]|$)", face.answer.strip()):
        # "What did Lake District National Park create? :: 1951, ...": "created 1951" dates it
        return [_finding(14, face.prompt, "a date asked as what was done ('What did X create?')")]
    verb = re.match(r"^What (?:did|does|do) .+ ([a-z]{3,})\?$", prompt) if done else None
    forms = verb and "|".join({verb[1], f"{verb[1]}d", f"{verb[1]}ed", f"{verb[1]}s"})
    if forms and re.search(rf",\s+(?:[\w'-]+\s+){{1,3}}(?:{forms})\b", face.answer):
        # "What did Truman replace? :: Roosevelt, Attlee replaced Churchill": a second deed run on
        return [_finding(14, face.prompt, "a second clause with the question's verb in the answer")]
    ends_on_verb = done and prompt.rstrip("?").split()[-1].casefold() not in _PREPOSITIONS
    if ends_on_verb and _PLACE_ANSWER.match(face.answer.strip()):
        # "What did ADH release? :: Into blood -> ...": "ADH released into blood" was done to it
        return [_finding(14, face.prompt, "a place asked as what was done ('What did X release?')")]
    form = _FORM_ASKED.match(prompt)
    if form and shouted_form(form["word"], face.answer):
        return [_finding(14, face.prompt, "a stressed term asked as a word's form")]
    if _REPUTED.match(prompt):
        return [
            _finding(14, face.prompt, "an open question ('What is X known for?'): many answers")
        ]
    follows = _FOLLOWS.match(prompt)
    if follows and not (
        says_a_change(follows[1])
        or plural_clause(follows[1])
        or split_clause(capital(follows[1]))
        or compared_clause(follows[1])
    ):
        return [_finding(14, face.prompt, "a thing asked as a happening ('What follows when X?')")]
    bare = re.sub(r"\([^()]*\)", "", face.answer).strip(" .,;:!")
    if re.fullmatch(r"(?:it|they|them|this|these|those|that|he|she|him|her)", bare, re.I):
        # "What will neuroscience replace? :: It (like phlogiston)": never says what "it" is
        return [_finding(14, face.prompt, "the answer is a pronoun: what it stands for is unsaid")]
    label = re.match(r"^What (?:is|are) (?:the )?(?P<label>[^?]+)\?$", prompt)
    if label and (
        ARGUMENT_LABEL.fullmatch(label["label"])
        or re.fullmatch(r"key (?:terms?|words?|points?|ideas?|concepts?)", label["label"], re.I)
    ):
        return [_finding(14, face.prompt, "an outline label asked as a term ('What is obj?')")]
    first = face.answer.split()[0] if face.answer.split() else ""
    opening = first.casefold()
    # ("OR symbol with an extra curved line": a word in capitals names a gate, joins nothing)
    if opening in COORDINATORS and not (len(first) > 1 and first.isupper()):
        return [_finding(14, face.prompt, f"the answer opens on {opening!r}: a clause cut loose")]
    from revise.generation.questions import AMOUNTS_TO

    if prompt.startswith("What happens if ") and AMOUNTS_TO.match(face.answer.strip()):
        return [_finding(14, face.prompt, "what a condition amounts to asked as what happens")]
    garbled = _garbled_template(prompt, face.answer)
    if garbled:
        return [_finding(14, face.prompt, garbled)]
    if _point_label_asked(prompt, face.answer, note.context):
        return [_finding(14, face.prompt, "a point's label under its list asked as a term")]
    match = _QUESTION_START.match(prompt)
    if not match:
        return []
    subject = match[1].strip(",").casefold()

    if prompt.split()[0].casefold() in ("who", "what", "which"):
        subject = ""  # "Who had to ratify ...?": the question word is the subject
    if match[1][:1].isupper():
        subject = ""
    if (
        subject
        and is_stopword(subject)
        and subject
        not in _DETERMINERS - {"of", "for", "in", "to", "on", "by", "with", "from", "at", "as"}
    ):
        return [_finding(14, face.prompt, f"the question has no subject after {match[0]!r}")]
    if subject and "VERB" in _pos(subject) and not _pos(subject) & {"NOUN", "PROPN", "ADJ"}:
        return [_finding(14, face.prompt, "a verb where the question's subject should be")]
    if re.search(r"\band (?:was|were|is|are|had|has)\b", prompt):
        return [_finding(14, face.prompt, "two clauses forced into one question")]
    participle = _PARTICIPLE_AS_SUBJECT.match(prompt)
    if participle and participle_base(participle[1].casefold()):
        return [_finding(14, face.prompt, "a participle's phrase where the subject should be")]
    if re.search(
        r"\b(?:say|said|says|claim|state|argue|show)\s+(?:although|though|while|whereas)\b", prompt
    ):
        return [_finding(14, face.prompt, "a clause cut loose from what it qualifies")]
    return []


# "What do used in embedded systems ...?": a participle and its phrase asked as a subject
_PARTICIPLE_AS_SUBJECT = lazy_regex(
    r"^What (?:do|does|did) ([a-z]+) (?:in|on|by|for|to|with|at|from|as|into)\b"
)
_CHANGE_ASKED = lazy_regex(
    r"^What (?:do|does|did) .+ (?:increase|decrease|rise|fall|reduce|grow|change|drop)\?$"
)
_WHAT_IS = lazy_regex(r"^What is (?P<term>[a-z][\w-]*(?: [a-z][\w-]*){0,3})\?$")
_MEANS = lazy_regex(r'^What does "(?P<phrase>[^"]+)" mean\?$')
# "What is the why of March 2009?": a column's question word pasted in as its noun
_WH_AS_NOUN = lazy_regex(
    r"What (?:is|are) the (?:what|why|how|when|where|who|which)(?=[\s/])", re.I
)
# "What is urea?", "What are the metals of Resistivity?": what a term is, or a field of a thing
_ASKS_WHAT_IT_IS = lazy_regex(
    r"^What (?:is|are) (?:(?:a|an|the) )?(?!it\s)(?P<term>[^?\s]+(?:\s[^?\s]+){0,5})\?$"
)
# what a statement answers: "the cause of X", "the outcome of Y", "the significance of Z"
_ASKS_FOR_A_STATEMENT = lazy_regex(
    r"^(?:(?:main|key|immediate|long[- ]term|short[- ]term)\s+)?(?:causes?|reasons?|results?"
    r"|outcomes?|effects?|consequences?|significance|impacts?|importance|aims?|purposes?"
    r"|roles?|triggers?)\s+of\s",
    re.I,
)
_WHAT_ARE = lazy_regex(r"^What are (?P<term>[a-z][\w-]*(?: [a-z][\w-]*){0,3})\?$")
_WHEN_DID = lazy_regex(r"^When did (?P<subject>.+) (?P<verb>[a-z]+)\?$")
_DID_SUBJECT = lazy_regex(r"^(?:What|Why|How|When|Where) (?:did|does|do) (?P<subject>[a-z]+) [a-z]")
_WHEN_WAS = lazy_regex(r"^When (?:was|were) (?P<subject>.+) (?P<verb>[a-z]+)\?$")
_HAPPENS_WHEN = lazy_regex(r"^What happens when (?P<thing>.+?) (?:is|are) (?P<done>[a-z]+)\b")
# "Who presided and ...?", "Who actively transported ...?": the verb after any adverbs
_WHO_DID = lazy_regex(r"^Who (?:[a-z]+ly )*(?P<verb>[a-z]+) (?P<rest>.+)\?$")


def _garbled_template(prompt: str, answer: str) -> str:
    """A question template put on a line of the wrong shape: "aim = ?" over words, "What is
    groynes?" (a plural), 'What does "volenti applied" mean?' (a clause, not a phrase to
    translate), "When did Berlin Wall build?" (done to its subject: "When was ... built?")."""
    from revise.generation.grammar import done_to_subject, only_as, past_participle, verb_base
    from revise.generation.questions import (
        FUNCTION_VALUE,
        RANKED,
        RELATION_NAMES,
        adverb_first,
        count_asked,
        is_plural,
        names_a_dated_work,
        names_a_deed,
        names_its_items,
        opens_on_a_place,
        opens_on_a_verb,
        reads_as_prose,
        says_a_difference,
        states_about,
    )

    if ASKS_FOR_A_SIDE.search(prompt) and reads_as_prose(answer):
        return "a formula's template on a line of words ('aim = ?')"
    if re.match(r"(?:What|Who|Which|When|Where|Why|How)\b", prompt) and " = " in prompt:
        return "a label and its meaning run into the question ('What does X = Y depend on?')"
    term = _WHAT_IS.match(prompt)
    if term and not term["term"].startswith(("the ", "a ", "an ")) and is_plural(term["term"]):
        return "a plural asked with 'is'"
    does = re.match(r"What does ([a-z]+) [a-z]", prompt)
    if does and verb_base(does[1], "VBZ") and is_plural(does[1]):
        # "What does forces water into the symplast lead to?": the line's verb asked as its subject
        return "a verb or a plural asked with 'does'"
    do = re.match(r"What do ([a-z]+) ([a-z]+)(?: [^\s?]+){3,}\?$", prompt)
    if do and not is_plural(do[1]) and verb_base(do[2], "VBZ") and not only_as(do[2], "NOUN"):
        # "What do patient takes immunosuppressant drugs lead to?": a clause asked as a subject
        return "a clause asked as the subject ('What do X takes ... lead to?')"
    if _WH_AS_NOUN.match(prompt):
        return "a question word asked as a noun ('What is the why of ...?')"
    if term and term["term"].startswith(("the ", "a ", "an ")):
        term = None  # "What is the order of reactivity?": asked of the thing, not a term
    named = term and term["term"].split()[-1] in RELATION_NAMES
    if term and not named and re.match(r"[^\s=]{1,3}\s*=\s*\S", answer):
        return "an equation asked as what a term is ('What is X? :: v = f λ')"
    if term and RANKED.match(answer):
        return "a ranking asked as what a term is ('What is stability? :: A > B > C')"
    plural = _WHAT_ARE.match(prompt)
    if plural and is_plural(plural["term"]) and count_asked(plural["term"], answer):
        return "a list of some members asked as what a category is ('What are X? :: A, B, C')"
    defined = _ASKS_WHAT_IT_IS.match(prompt)
    if defined and _ASKS_FOR_A_STATEMENT.match(defined["term"]):
        defined = None  # "What is the cause of the Berlin Blockade?" is answered by a statement
    if defined and defined["term"].split()[0].casefold() in INDEFINITE_PRONOUNS:
        return "a pronoun asked as a term ('What is nothing?')"
    if _CHANGE_ASKED.match(prompt) and adverb_first(answer):
        return "a change asked as what it acts on ('What does velocity increase? :: Downstream')"
    if term and says_a_difference(answer):  # (not "What is the effect of ADH? :: More water")
        return "an effect asked as what a term is ('What is X? :: Less ...')"
    if defined and (names_its_items(answer) or names_a_dated_work(defined["term"], answer)):
        return "a heading or a person's work asked as what a term is ('What is Kant?')"
    # (not "What is the location of X? :: Between ...", "What is the pop of linked list? ::
    # O(n)": a field of the thing, asked so)
    bare_term = defined and not re.match(r"What (?:is|are) (?:the|a|an) ", prompt)
    if bare_term and opens_on_a_place(answer):
        return "a place asked as what a term is ('What is X? :: On the cristae ...')"
    if bare_term and names_a_deed(defined["term"]):
        return "a sentence asked as a term ('What is electroplating uses the same idea?')"
    if bare_term and FUNCTION_VALUE.match(answer):
        return "a value written as a function asked as what a term is ('What is X? :: O(n + k)')"
    if defined and states_about(defined["term"], answer):
        # "What is urea? :: Some reabsorbed by diffusion", "What are the metals of
        # Resistivity? :: rho increases with temperature": the answer is no meaning
        return "a statement about a term asked as what the term is"
    asked = re.match(r"What (?:is|are) (?P<term>[a-z]\S*(?: \S+){1,4})\?$", prompt)
    if asked and opens_on_a_verb(asked["term"]):
        return "a verb asked as a term ('What are differ from parties?')"
    phrase = _MEANS.match(prompt)
    if phrase and " " in phrase["phrase"]:
        last = phrase["phrase"].split()[-1]
        if verb_base(last, "VBN") or verb_base(last, "VBD"):
            return "a clause asked as a phrase to translate"
    happens = _HAPPENS_WHEN.match(prompt)
    if happens and (
        normalise(happens["thing"]) in GENERIC_SECTIONS or happens["done"] in STATE_PARTICIPLES
    ):
        return "a heading or a state asked as a happening ('What happens when X is named ...?')"
    asked_who = _WHO_DID.match(without_quotations(prompt))  # ('Who says "... and I fear"?')
    if asked_who and joins_a_clause(asked_who["rest"]):
        return "one doer asked of two clauses ('Who presided and Madison did the drafting?')"
    if asked_who and done_to(asked_who["verb"], asked_who["rest"]):
        return "done to the answer, asked as done by it ('Who appointed Chancellor by X?')"
    did = _DID_SUBJECT.match(prompt)
    if did and lone_adverb([did["subject"]]):
        return "an adverb asked as the subject ('What did randomly assign to do?')"
    was = _WHEN_WAS.match(prompt)
    if was and was["verb"] in NO_OBJECT_VERBS:
        return f"a passive of a verb that takes no object ('When was X {was['verb']}?')"
    when = _WHEN_DID.match(prompt)
    if when and when["verb"] in _pos_verbs(when["verb"]):
        done = past_participle(when["verb"])
        if done and done_to_subject(done):
            return f"done to its subject, asked as done by it ('did ... {when['verb']}')"
    return ""


# A heading over points weighed for or against, or reasons: "Disadvantages", "Criticisms",
# "Why did the Armada fail? (4 factors)"
_POINTS_HEADING = lazy_regex(
    r"^\W*(?:\d+\s+)?(?:main\s+|key\s+)?(?:advantages?|disadvantages?|strengths?|weaknesses?"
    r"|criticisms?|limitations?|evaluation|pros|cons|benefits?|drawbacks?"
    r"|why\s+(?:did|was|were|is|are|do|does))\b",
    re.I,
)
_LABEL_ASKED = lazy_regex(r"^What (?:is|are|does|do) (?P<label>[^?]{2,40}?)(?: (?:do|mean))?\?$")


def _point_label_asked(prompt: str, answer: str, context: str) -> bool:
    """ "What is complexity? :: Huge number of reported cases ..." under "Disadvantages", "What
    is luck / weather? :: Protestant wind after ..." under "Why did the Armada fail?": the label
    a list of points, reasons or criticisms gives one of its points, asked as a term it
    defines. Only a point that reads as one: a clause with its own subject ("Law can change
    and develop"), or several points run on after a comma or an arrow; "Window dressing -
    making accounts look better ..." under "Limitations" still says what the label means."""
    heading = context.rsplit(" > ", 1)[-1].strip()
    asked = _LABEL_ASKED.match(prompt)
    if not asked or not _POINTS_HEADING.match(heading):
        return False
    said = answer.strip()
    if re.match(r"(?:a|an|the|one|any|when|where)\s", said, re.I):
        return False
    first = re.split(r",\s+|;\s*", said, maxsplit=1)[0]
    several = "," in said or ";" in said or bool(ARROW_IN.search(said))
    if not several and split_clause(capital(first)) is None:
        return False
    label = asked["label"].casefold()
    return len(label.split()) <= 3 and not label.startswith(("the ", "a ", "an "))


def _pos_verbs(word: str) -> tuple[str, ...]:
    from revise.generation.grammar import lemmas

    return lemmas(word).get("VERB", ())


# 8 residue: the reader's rules ----------------------------------------------------------------


def _check_residue_in_text(note: NoteData, face: CardFace) -> list[Finding]:
    for text in (face.prompt.replace(GAP, ""), face.answer):
        match = _RESIDUE.search(text)
        if match:
            return [_finding(8, face.prompt, f"markup residue {match[0]!r}")]
    return []
