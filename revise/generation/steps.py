"""Numbered steps: a method or a process written as an ordered list ("1. State H0 and H1").

The steps have no subject of their own; the heading they sit under names the method. A few short
steps are one fact, the list of them; longer steps are asked one at a time, each from the step
before it ("Hypothesis testing method: what do you do after "state the significance level"?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.grammar import capitalised, lower_first, verb_base
from revise.generation.language import words
from revise.generation.patterns import lazy_regex
from revise.generation.structure import item_head

MIN_STEPS = 3
MAX_LISTED_STEPS = 6
MAX_LISTED_STEP_WORDS = 5
MAX_SHOWN_STEP_WORDS = 12  # the step before, quoted in the prompt (its asides left out)
MIN_SHOWN_CLAUSE_WORDS = 6  # its first clause, quoted instead; "Every 30 seconds" names no step
# Section names that say a list is a method without saying whose: the heading above names it.
_METHOD_WORDS = frozenset(
    ["method", "methods", "steps", "step", "procedure", "process", "stages", "how", "to", "do",
     "it", "the", "a", "main", "key", "order", "sequence", "instructions", "guide", "mechanism"]
)  # fmt: skip
_CUT = lazy_regex(r"\s+(?:e\.g\.?|eg|i\.e\.?|ie)\s|\s*\(|\s*[;:]\s|\s+[-\u2013\u2014]\s")


def method_name(trail: tuple[str, ...], title: str) -> str:
    """What the steps are the method of: "Packet switching"; "Method (the 6 steps)" under the
    notes' title "Hypothesis Testing (Stats)" -> "Hypothesis testing method"; "Protein
    synthesis part 1: Transcription" -> "Transcription"."""
    own = _bare(trail[-1]) if trail else ""
    own = process_noun(own) or own
    if own and not _generic(own):
        return own
    above = [_bare(heading) for heading in reversed(trail[:-1])] + [_bare(title)]
    whose = next((name for name in above if name and not _generic(name)), "")
    if not whose:
        return ""
    whose = " ".join(lower_first(whose.split()))
    single = len(own.split()) == 1
    return capitalised(f"{whose} {own.casefold()}" if own and single else whose)


MAX_PROCESS_NAME_WORDS = 3
_NAMES_METHOD = lazy_regex(
    r"\b(?:method|methods|steps?|procedure|process|stages|instructions|practical|how\s+to"
    r"|mechanism)\b",
    re.I,
)


def names_a_process(heading: str) -> bool:
    """ "Method (the 6 steps)", "How to test for starch", "Packet switching": a heading that
    names a method or a process (a doing word), not a set of rules or a contents list."""
    bare = _bare(heading)
    last = words(bare)[-1].casefold() if words(bare) else ""
    named = len(bare.split()) <= MAX_PROCESS_NAME_WORDS and last.endswith("ing") and len(last) > 5
    return bool(_NAMES_METHOD.search(heading)) or named or bool(process_noun(heading))


# "replication", "transcription", "photosynthesis", "the Krebs cycle": nouns that name a process
_PROCESS_NOUN = lazy_regex(r"(?:[a-z]{3,}(?:tion|sion|sis)|cycle)$", re.I)


def process_noun(heading: str) -> str:
    """ "DNA replication", "Protein synthesis part 1: Transcription" -> "Transcription": a
    heading that is the name of a process (what follows its colon, where it has one), not
    "Causes of the Revolution" or "Dissolution of the monasteries", what a process led to."""
    name = _bare(heading).rsplit(":", 1)[-1].strip()
    tokens = name.split()
    if not tokens or len(tokens) > MAX_PROCESS_NAME_WORDS or not _PROCESS_NOUN.search(name):
        return ""
    if any(token.casefold() in ("of", "and", "vs", "&", "+") for token in tokens):
        return ""
    return name


def _bare(heading: str) -> str:
    """The heading without its asides and its number ("6. Required practical")."""
    return re.sub(r"^\d+[.)]\s+|\s*\([^()]*\)", "", heading).strip(" :")


def _generic(name: str) -> bool:
    tokens = [token.casefold() for token in words(name)]
    return all(token in _METHOD_WORDS or token.isdigit() for token in tokens)


def is_step(text: str) -> bool:
    """A step says what is done, not a term and what it means ("Transport - TCP")."""
    head = item_head(text)
    if not text.strip()[:1].isalnum():
        return False  # "+ NaOH (aq), warm -> alcohol": what is added, one of several routes
    return head == text.strip().rstrip(".;,:") or len(head.split()) > 3


def listed(steps: list[str]) -> bool:
    """A few short steps: the list of them is the fact."""
    return len(steps) <= MAX_LISTED_STEPS and all(
        len(step.split()) <= MAX_LISTED_STEP_WORDS for step in steps
    )


def steps_question(name: str, count: int) -> str:
    """ "What are the steps of packet switching? (4)", "How to test a leaf for starch? (4)"."""
    if name.split()[0].casefold() == "how":
        return f"{name}? ({count})"
    return f"What are the steps of {' '.join(lower_first(name.split()))}? ({count})"


def step_questions(
    name: str, steps: list[str], imperative: Callable[[str], bool]
) -> list[tuple[str, str] | None]:
    """Each step asked from the one before it: (question, answer) for each step in order; an
    answer is the step up to its example or aside where the whole step is too long. None for a
    step too long for an answer, or after one too long to quote: it is carded as any line."""
    asked: list[tuple[str, str] | None] = []
    doing = sum(1 for step in steps if imperative(capitalised(step))) * 2 >= len(steps)
    for index, step in enumerate(steps):
        answer = _short(step)
        if len(answer.split()) > MAX_ANSWER_WORDS:
            asked.append(None)  # carded as any other line
            continue
        if index == 0:
            front = f"{name}: what is the first step?" if doing else f"{name}: what happens first?"
        else:
            before = re.sub(r"\s*\([^()]*\)", "", _short(steps[index - 1]))
            if len(before.split()) > MAX_SHOWN_STEP_WORDS:
                # "Na+ diffuses in ... through co-transporter proteins, bringing glucose ...
                # with it": its first clause names the step
                clause = before.split(", ", 1)[0]
                before = clause if len(clause.split()) >= MIN_SHOWN_CLAUSE_WORDS else before
            if len(before.split()) > MAX_SHOWN_STEP_WORDS:
                asked.append(None)  # a prompt quoting a whole long step is nothing to learn
                continue
            asked_for = "what is the next step after" if doing else "what happens after"
            front = f'{name}: {asked_for} "{before}"?'
        asked.append((front, capitalised(answer)))
    return asked


def _short(step: str) -> str:
    """The step up to its example or aside, where the whole step is too long for an answer."""
    step = step.strip().rstrip(".;,")
    if len(step.split()) <= MAX_ANSWER_WORDS:
        return step
    cut = _CUT.search(step)
    if cut and cut.start() > 0:
        return step[: cut.start()].rstrip(" ,")
    # "ribosome moves along to next codon, first tRNA leaves ...": its first clause is the step
    clause = step.split(", ", 1)[0]
    return clause if len(clause.split()) >= MIN_SHOWN_CLAUSE_WORDS else step


# "Improving cash flow", "Ways to reduce flood risk", "How to prevent rusting": a heading naming
# what the orders under it achieve
_WAYS_TO = lazy_regex(
    r"^(?:(?:ways|methods|strategies)\s+(?:to|of)\s+(?P<to>[A-Za-z]+)|how\s+to\s+(?P<how>[A-Za-z]+)"
    r"|(?P<doing>[A-Za-z]+ing))(?:\s+[\w'-]+){1,3}\s*:?$",
    re.I,
)
_ACHIEVING = frozenset(
    ["improve", "reduce", "increase", "prevent", "avoid", "manage", "control", "lower", "raise",
     "boost", "cut", "protect", "minimise", "maximise", "minimize", "maximize", "limit"]
)  # fmt: skip


def names_an_aim(heading: str) -> bool:
    """ "4.4 Improving cash flow", "Ways to reduce flood risk": a heading over ways to bring
    something about, whose orders ("Arrange an overdraft") are the ways, not advice to the
    reader."""
    shaped = _WAYS_TO.match(re.sub(r"^[\d.]+\s+", "", heading.strip()))
    if not shaped:
        return False
    said = (shaped["to"] or shaped["how"] or shaped["doing"]).casefold()
    base = verb_base(said, "VBG") if shaped["doing"] else said
    return base in _ACHIEVING
