"""Which drafted cards a deck keeps: one option per fact, no answer worn out, no echoes, no
interfering siblings, and each section's cards within its share."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from functools import lru_cache

from revise.formats.model import NoteData, NoteKind, normalise
from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.clauses import WHO_SAYS
from revise.generation.language import (
    ORDINALS,
    TEXT_CACHE_SIZE,
    content_tokens,
    is_number_word,
    is_stopword,
)
from revise.generation.options import Draft, Option
from revise.generation.patterns import lazy_regex
from revise.generation.questions import ASKS_FOR_A_SIDE, MODALS

SIBLING_SIMILARITY = 80  # masked prompts this alike (0-100) are a run of interfering clozes
SIBLING_LINES = 10  # clozes sharing a frame this close together come from one enumeration
ANSWER_SHARE = 0.10  # no single answer on more than this share of a deck
SHARE_MARGIN = 0.9  # the checker leaves out a few cards later: the share must hold after


def select(drafts: list[Draft]) -> list[NoteData]:
    """Take each fact's best option whose answer is not worn out and that is no near-copy."""
    cap = max(1, int(len(drafts) * ANSWER_SHARE))
    while True:
        chosen = _select_with_cap(drafts, cap)
        kept = _without_echoes(chosen)
        for _ in range(ECHO_RESELECTIONS):
            if len(kept) == len(chosen):
                break
            # A cloze that echoes a question gives way to its fact's next option ("Partial
            # success for USSR - comm regime in [North Korea] ..." beside "... :: US will take
            # control of North Korea": "... failed to expand their influence in [South-East
            # Asia]" instead), as a card the checker refuses does.
            echoed = {id(option) for option in chosen} - {id(option) for option in kept}
            drafts = [
                Draft([option for option in draft.options if id(option) not in echoed])
                for draft in drafts
            ]
            chosen = _select_with_cap(drafts, cap)
            kept = _without_echoes(chosen)
        chosen = kept
        counts = Counter(_worn(option) for option in chosen if _worn(option))
        worst = max(counts.values(), default=0)
        if worst <= 1 or worst <= len(chosen) * SHARE_MARGIN * ANSWER_SHARE or cap == 1:
            return [option.note for option in chosen]
        cap -= 1


def _select_with_cap(drafts: list[Draft], cap: int) -> list[Option]:
    from rapidfuzz import fuzz

    chosen: list[Option] = []
    counts: Counter[str] = Counter()
    keys: set[tuple[str, str]] = set()
    asked: dict[tuple[frozenset[str], str], Option] = {}
    answered: set[tuple[str, str]] = set()  # each section's answers so far
    for draft in drafts:
        for index, option in enumerate(draft.options):
            answer = _worn(option)
            key = (normalise(option.masked), normalise(option.answer))
            if (answer and counts[answer] >= cap and not option.cell) or key in keys:
                continue
            if (
                answer
                and (option.note.context, answer) in answered
                and not (option.cell or option.form)
                and index + 1 < len(draft.options)
            ):
                # A section's answer on a second card is learnt from the first: the fact's
                # next option asks it ("Decode - [CU] decodes the instruction ..." beside
                # "Fetch - [CU] sends a memory read signal": "... into [opcode] and operand")
                continue
            question = _question_key(option.note)
            if question and option.form:
                # "What is the fem of Akk?" of the definite and of the indefinite articles
                question = (question[0], option.note.context)
            if question and question in asked:
                # One question, one answer ("Solution Enthalpy" is "Enthalpy of Solution"):
                # the answer that says more wins; between equals, the section about the thing
                # beats a summary's.
                earlier = asked[question]
                if _says_more(option, earlier) and earlier in chosen:
                    # (in its own place: a card sits among the cards of its own lines)
                    chosen.remove(earlier)
                    chosen.append(option)
                    asked[question] = option
                    counts[_worn(earlier)] -= 1
                    counts[answer] += 1
                    keys.add(key)
                    answered.add((option.note.context, answer))
                    break
                continue  # asked already: the fact's next option may ask something else
            if question:
                asked[question] = option
            # (a near-copy shares its context: a cloze under another heading is none)
            if option.note.kind is NoteKind.CLOZE and any(
                other.note.kind is NoteKind.CLOZE
                and other.note.context == option.note.context
                and are_siblings(other.note, other.masked, option.note, option.masked, fuzz.ratio)
                for other in chosen[-12:]
            ):
                continue
            chosen.append(option)
            counts[answer] += 1
            keys.add(key)
            answered.add((option.note.context, answer))
            break
    return chosen


def _worn(option: Option) -> str:
    """The answer as it wears out by repeating: a speaker asked of each of their lines does
    not ("Who says ...?" :: Scrooge, five times), the quotations tell the cards apart; a
    formula's side keeps its signs ("-λN" is not "λN")."""
    if option.note.front.startswith(WHO_SAYS):
        return ""
    if option.note.kind is NoteKind.BASIC and ASKS_FOR_A_SIDE.search(option.note.front):
        return " ".join(option.answer.split())
    return normalise(option.answer)


ECHO_RESELECTIONS = 3  # times the facts of clozes that echo a question are asked again
ECHO_SHARED_WORDS = 2  # a cloze and a question about the same thing share this many words


def _without_echoes(chosen: list[Option]) -> list[Option]:
    """Clozes that hide what a question card about the same thing already asks for ("Combustion
    is ALWAYS an [exothermic] reaction" beside "What is combustion enthalpy? :: ... (always
    exothermic)") are the same card twice."""
    asked = [
        (f" {normalise(option.answer)} ", content_set(option.note.front))
        for option in chosen
        if option.note.kind is NoteKind.BASIC
    ]

    # The answers in one text, each after its start: a hidden answer is looked for in all at once.
    backs = "\x00".join(back for back, _ in asked)
    starts = list(itertools.accumulate((len(back) + 1 for back, _ in asked[:-1]), initial=0))

    def echoes(option: Option) -> bool:
        hidden = f" {normalise(option.answer)} "
        around = content_set(option.masked)
        at = backs.find(hidden)
        while at != -1:
            index = bisect.bisect_right(starts, at) - 1
            if len(around & asked[index][1]) >= ECHO_SHARED_WORDS:
                return True
            following = index + 1
            if following == len(starts):
                return False
            at = backs.find(hidden, starts[following])
        return False

    return [
        option
        for option in chosen
        if option.note.kind is not NoteKind.CLOZE
        or TERM_LINE.match(option.note.front)  # the term's own line defines it
        or not echoes(option)
    ]


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # (asked of each card's prompt each time cards are chosen)
def content_set(text: str) -> frozenset[str]:
    return frozenset(token for token in content_tokens(normalise(text)) if len(token) > 2)


MORE_WORDS = 2  # an answer this many content words longer says more


def _says_more(option: Option, earlier: Option) -> bool:
    if _too_long(option) != _too_long(earlier):
        return _too_long(earlier)  # (a table's long cell, drafted for the checker to report)
    mine, theirs = _content_count(option.answer), _content_count(earlier.answer)
    if abs(mine - theirs) >= MORE_WORDS:
        return mine > theirs
    return _depth(option.note) > _depth(earlier.note)


def _too_long(option: Option) -> bool:
    answer = option.answer
    return (
        option.note.kind is NoteKind.BASIC
        and len(answer.split()) > MAX_ANSWER_WORDS
        and ("; " not in answer)
    )


def _content_count(text: str) -> int:
    return len(content_tokens(normalise(text)))


def _depth(note: NoteData) -> int:
    return len(note.context.split(" > ")) if note.context else 0


def _question_key(note: NoteData) -> tuple[frozenset[str], str] | None:
    """What a question asks, whatever its word order: its content words (asides in brackets
    aside), and for a formula its name and the section it belongs to."""
    return _asked(note.front, note.context) if note.kind is NoteKind.BASIC else None


_LOOSE_BRACKET = lazy_regex(r"(?<!\S)\([^)]*\)")
_COMPARING = lazy_regex(r"[<>\u2264\u2265\u2260]|[+-]ve\b")
_COMPARED = lazy_regex(r"(\S+)\s*([<>\u2264\u2265\u2260])\s*(\S+)")
_WHERE_WORDS = lazy_regex(r"\b(?:above|below|over|under|before|after)\b")
_QUOTED = lazy_regex(r'"[^"]+"')
_LIST_COUNT_END = lazy_regex(r"\(\d+\)$")
_JOINED_WORDS = lazy_regex(r"\S+ \+ \S+")
_NOT = frozenset(["not", "no"])
_CAPITALS_WORD = lazy_regex(r"\b[A-Z]{2,}\b")
_ASKING = frozenset(["when", "why", "how", "where", "who"])  # "When was X ...?", "Why was X ...?"


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _asked(text: str, context: str) -> tuple[frozenset[str], str] | None:
    # A formula's name is part of what it asks: "Fₙ = ?" and "Fₙ = ? (closed form)" are two.
    # A bracket glued to its word ("O(n²)", "f(x)") is part of it, no aside.
    front = text if "= ?" in text else _LOOSE_BRACKET.sub(" ", text)
    content = frozenset(
        token
        for token in content_tokens(normalise(front))
        if token not in ("what", "is", "are", "nth")
    )
    # "What does |PED| > 1 mean?" and "... < 1 ...", "YED +ve" and "YED -ve": two questions
    content |= frozenset(_COMPARING.findall(front))
    # "accumulation > ablation" and "ablation > accumulation": which side is bigger is asked
    content |= {"".join(pair) for pair in _COMPARED.findall(front.casefold())}
    content |= frozenset(_WHERE_WORDS.findall(front.lower()))
    content |= frozenset(_QUOTED.findall(text))  # 'the plural of "my"', "your"
    if _LIST_COUNT_END.search(text.strip()):
        content |= {"(list)"}  # "Linear search (2)" lists; "What does a linear search do?" asks
    # "What must X be?", "What should X be?", "What must X not be?": three rules; "the shape
    # with 2 bonding pairs and no lone pairs" and "... and 2 lone pairs": two rows
    content |= {token for token in normalise(front).split() if token in MODALS or token in _NOT}
    if content:  # (a question of no other word, "Why (March 2009)?", is keyed by none)
        # "Why ...?" and "Drip tips: why?" ask why, "What are drip tips?" what they are
        said = normalise(front).split()
        content |= {token for token in said[:1] + said[-1:] if token in _ASKING}
    content |= frozenset(_JOINED_WORDS.findall(text))  # "an + dem", "in + dem"
    # "the symbol of AND" and "... of OR": a word in capitals is a name, however common
    content |= {word.casefold() for word in _CAPITALS_WORD.findall(front)}
    return (content, context if "= ?" in text else "") if content else None


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def gap_frame(masked: str) -> str:
    """The content word just before a cloze gap, ordinals and numbers aside: "period" in
    "During the first period (___)". Clozes of one enumeration share it."""
    before = masked.split("___")[0]
    for token in reversed(re.findall(r"[\w'\u2019-]+", before)[-3:]):
        lower = token.casefold()
        if is_stopword(lower) or lower in ORDINALS or is_number_word(lower) or lower.isdigit():
            continue
        return lower
    return ""


def are_siblings(
    first: NoteData, first_masked: str, second: NoteData, second_masked: str, ratio
) -> bool:
    """Two clozes from one run: near-identical prompts, or the same frame a few lines apart.
    Two that each say what the other does not ("At the cathode, positive ions gain electrons:
    [reduction]" and "At the anode, negative ions lose electrons: [oxidation]") are a contrast,
    each answered by its own words, unless both hide the same word, or dates, or a place in the
    run ("During the [first] period ...")."""
    if first.context != second.context:
        return False
    first_start = first.source.start if first.source else None
    second_start = second.source.start if second.source else None
    return _siblings(
        first.front, first_masked, first_start, second.front, second_masked, second_start, ratio
    )


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # (each pair is weighed again as the cards are chosen again)
def _siblings(
    first_front: str,
    first_masked: str,
    first_start: int | None,
    second_front: str,
    second_masked: str,
    second_start: int | None,
    ratio,
) -> bool:
    if (
        _told_apart(first_masked, second_masked)
        and not (_hides_a_place_in(first_front) or _hides_a_place_in(second_front))
        and not (_hides_a_date_in(first_front) and _hides_a_date_in(second_front))
        and normalise(_hidden_in(first_front)) != normalise(_hidden_in(second_front))
        and not _shows_answer(first_masked, second_front)
        and not _shows_answer(second_masked, first_front)
    ):
        return False
    if ratio(first_masked, second_masked) >= SIBLING_SIMILARITY:
        return True
    frame = gap_frame(first_masked)
    if not frame or frame != gap_frame(second_masked) or first_start is None:
        return False
    return second_start is not None and abs(first_start - second_start) <= SIBLING_LINES


def _told_apart(first_masked: str, second_masked: str) -> bool:
    """Each prompt holds a content word the other lacks, beside numbers and places in a
    run: they ask about different things, not one thing twice."""
    first, second = _telling_words(first_masked), _telling_words(second_masked)
    return bool(first - second) and bool(second - first)


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # (asked of each prompt beside every other of its section)
def _telling_words(masked: str) -> frozenset[str]:
    return frozenset(
        lower
        for lower in (token.casefold() for token in re.findall(r"[^\W\d_][\w'\u2019-]*", masked))
        if len(lower) > 2
        and not is_stopword(lower)
        and lower not in ORDINALS
        and not is_number_word(lower)
    )


_CLOZE_ANSWER = lazy_regex(r"(?<!\\)\[(.+?)(?<!\\)\]")


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # (asked of each cloze beside every other of its section)
def _hidden_in(front: str) -> str:
    hidden = _CLOZE_ANSWER.search(front)
    return hidden[1].casefold().strip() if hidden else ""


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # (asked of each cloze beside every other of its section)
def _hides_a_place_in(front: str) -> bool:
    """The deletion is a place in a run ("[first]", "[2nd]", "[last]"), which only the order of
    its siblings tells."""
    answer = _hidden_in(front)
    return answer in ORDINALS or bool(_ORDINAL_IN_DIGITS.fullmatch(answer))


_ORDINAL_IN_DIGITS = lazy_regex(r"\d+(?:st|nd|rd|th)")
_YEAR = lazy_regex(r"\b1\d{3}\b|\b20\d{2}\b")


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # (asked of each cloze beside every other of its section)
def _hides_a_date_in(front: str) -> bool:
    """Dates of like events close together ("Memphis riot ([May 1866])", "New Orleans riot
    ([July 1866])") are learnt as one run, and confused as one."""
    return bool(_YEAR.search(_hidden_in(front)))


def _shows_answer(masked: str, other_front: str) -> bool:
    """One list cut into clozes shows each one's answer in the others ("___, Alliances, ..."
    beside "Militarism, ___, ...")."""
    answer = normalise(_hidden_in(other_front))
    return bool(answer) and f" {answer} " in f" {normalise(masked)} "


TERM_LINE = lazy_regex(r"^\[[^\]]+\](?::|\s[-\u2013\u2014=]+\s)")
