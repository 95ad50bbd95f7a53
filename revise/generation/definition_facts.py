"""The facts of a long definition a student typed beside its term.

A flashcard export or a glossary line often packs several facts behind one term: "vitamin D<TAB>
helps the body absorb calcium for strong bones and teeth; made by the skin in sunlight; found in
oily fish, eggs". Asked whole, it is a 20-word answer nobody can recall. Its parts, cut where the
student cut them (";", " - ", a full stop), are separate facts about the same term: the first
says what the term is or does; a later part that names what it tells ("deficiency = beriberi",
"found in ...", "too much -> ...", "teenage girls most at risk") is asked about the term by that
label. A later part that says nothing of its own subject and names no label ("bones soft and
bend") is left uncarded rather than asked as if it were the term's meaning. A short definition
is kept whole, as the student typed it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from revise.generation.card_limits import MAX_ANSWER_WORDS, MAX_LIST_ITEMS
from revise.generation.grammar import lower_first
from revise.generation.patterns import lazy_regex

MAX_TERM_WORDS = 6  # a term, not a question or a sentence of its own
MAX_NAME_WORDS = 4  # "high biological value": a first part that only names the term again

# Where a student cuts a run of facts: a semicolon, a spaced dash, or a full stop before the next
# sentence (not the one closing "e.g." or "esp.")
_CUT = lazy_regex(r";\s*|\s[-\u2013\u2014]\s+|(?<=[\w)])\.\s+(?=\w)")
_ABBREVIATION = lazy_regex(
    r"(?:^|\W)(?:e\.g|i\.e|esp|etc|approx|vs|cf|ca|c|no|fig|st|dr|mr|mrs|[a-z](?:\.[a-z])+)$", re.I
)  # ("p.d", "e.m.f", "a.c": letters each with its full stop)
# Where a quantity's meaning, formula and unit meet: a comma or semicolon before the next part
_MEASURE_CUT = lazy_regex(r"\s*[,;]\s+|\s+[\u2013\u2014]\s+")
# "NB 1/r not 1/r^2 !!", "N.B. ...": what the student reminds themself, no fact of the term
_NOTE_TO_SELF = lazy_regex(r"^(?:NB|N\.B\.?)\b", re.I)
# "permittivity of free space = 8.85 x 10^-12 F m^-1", "energy gained by an electron accelerated
# through p.d. of 1 V = 1.60 x 10^-19 J": what the term is in words, then its value
_VALUED = lazy_regex(
    r"^(?P<name>[a-z][\w'. -]{3,}[A-Za-z])\s*=\s*"
    r"(?P<value>(?:approx\.?\s*|~\s*)?-?\d[\d.,]*(?:\s*[x\u00d7]\s*10\^?-?\d+)?(?:\s+[^=]{1,20})?)$"
)
# "E = F/Q", "ΔV = W/Q", "Ep = QV": a symbol of up to three letters, then what it equals
_FORMULA_PART = lazy_regex(
    r"^[A-Za-z\u0394\u0391-\u03c9][A-Za-z0-9\u0391-\u03c9_]{0,2}\s*=\s*[^=]*[A-Za-z\u0391-\u03c9][^=]*$"
)
# "unit N C^-1", "SI unit: the ohm (Ω)", "measured in volts (V)"
_UNIT_PART = lazy_regex(
    r"^(?:(?:its\s+)?(?:SI\s+)?units?\s*(?::|=|-|is)?|measured\s+in)\s+(?P<x>\S.{0,30})$", re.I
)
# A word of the language in what a symbol equals: "more deaths", "opens"
_WORD = lazy_regex(r"\b[a-z]{3,}\b")
_UNIT_ASIDE = lazy_regex(r"\s*\([^()]*\)\s*$")
_OPENING = ("(", "[")
_CLOSING = (")", "]")

_LINK = r"\s*(?:=|:|->|\u2192|causes?|leads?\s+to|results?\s+in|can\s+cause|gives?)\s*"
_DEFICIENCY = lazy_regex(
    rf"^(?:a\s+)?(?:deficiency|lack(?:\s+of\s+it)?|shortage|too\s+little){_LINK}(?P<x>.+)$", re.I
)
_EXCESS = lazy_regex(
    rf"^(?:too\s+much|excess(?:ive)?(?:\s+intake)?|too\s+many|high\s+intake){_LINK}(?P<x>.+)$",
    re.I,
)
_SOURCES = lazy_regex(
    r"^(?:(?:main|good|rich|food|natural)\s+)?sources?\s*(?::|=|->|-|include)\s*(?P<x>.+)$", re.I
)
_FOUND = lazy_regex(
    r"^(?:(?:mainly|mostly|only|also|naturally)\s+)?found\s+(?P<naturally>naturally\s+)?in\s+"
    r"(?P<x>.+?)(?:\s+(?:so|which|but)\s.*)?$",
    re.I,
)
_FUNCTION = lazy_regex(r"^(?:main\s+)?(?:functions?|roles?|job)\s*(?::|=|->|-)\s*(?P<x>.+)$", re.I)
_USED_FOR = lazy_regex(r"^(?:mainly\s+)?used\s+(?P<x>(?:for|to|in)\s.+)$", re.I)
_MADE = r"^(?P<verb>made|produced|formed|synthesi[sz]ed)\s+"
_MADE_BY = lazy_regex(rf"{_MADE}(?P<x>(?:by|from)\s.+)$", re.I)
_MADE_IN = lazy_regex(rf"{_MADE}in\s+(?P<x>.+)$", re.I)
_SYMPTOMS = lazy_regex(r"^(?:symptoms?|signs?)\s*(?::|=|->|-|include)\s*(?P<x>.+)$", re.I)
_CAUSED_BY = lazy_regex(r"^(?:mainly\s+|usually\s+)?caused\s+by\s+(?P<x>.+)$", re.I)
_AT_RISK = lazy_regex(
    r"^(?P<x>[\w'\u2019 -]{3,40}?)\s+(?:are\s+|is\s+)?(?:the\s+)?(?:most|more)\s+at\s+risk\b"
    r"\s*(?:\([^()]*\))?$",
    re.I,
)
_RISK_OF = lazy_regex(
    r"^(?P<verb>reduce|lower|increase|raise)s\s+(?:the\s+)?risk\s+of\s+(?P<x>.+?)"
    r"(?:\s+(?:in|for|among)\s+[^()]*)?$",
    re.I,
)
# "... e.g. butter, lard", "... (mostly animal foods, plus soya and quinoa)" at a part's end
_TRAILING_EXAMPLES = lazy_regex(
    r"\s+(?:\((?:e\.g\.?|eg|such\s+as|mostly|mainly)?[^()]*\)|(?:e\.g\.?|eg|such\s+as)\s.*)$"
)
_ITEM_CUT = lazy_regex(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|\+|&)\s+")
_VERB_OPENING = lazy_regex(r"^[a-z]+(?:s|ed)\s", re.I)


def _asked(pattern: re.Pattern[str], question: str) -> Callable[[str, str], tuple[str, str] | None]:
    """A reader of one labelled part: the question it asks about the term, and its answer."""

    def read(term: str, part: str) -> tuple[str, str] | None:
        match = pattern.match(part)
        if not match:
            return None
        answer = match["x"].strip(" ,.")
        found = match.groupdict()
        naturally = " naturally" if found.get("naturally") else ""
        verb = (found.get("verb") or "").lower()
        return question.format(term=term, naturally=naturally, verb=verb), answer

    return read


_LABELS = (
    _asked(_DEFICIENCY, "What does {term} deficiency cause?"),
    _asked(_EXCESS, "What does too much {term} cause?"),
    _asked(_SOURCES, "What are the sources of {term}?"),
    _asked(_FOUND, "Where is {term} found{naturally}?"),
    _asked(_FUNCTION, "What is the function of {term}?"),
    _asked(_USED_FOR, "What is {term} used for?"),
    _asked(_MADE_BY, "How is {term} {verb}?"),
    _asked(_MADE_IN, "Where is {term} {verb}?"),
    _asked(_SYMPTOMS, "What are the symptoms of {term}?"),
    _asked(_CAUSED_BY, "What causes {term}?"),
    _asked(_AT_RISK, "Who is most at risk of {term}?"),
    _asked(_RISK_OF, "What does {term} {verb} the risk of?"),
)


def definition_facts(term: str, meaning: str) -> list[tuple[str, str]] | None:
    """ "vitamin B12", "makes red blood cells + keeps nerves healthy; deficiency = pernicious
    anaemia; ..." -> ("vitamin B12", "makes red blood cells + keeps nerves healthy"), ("What does
    vitamin B12 deficiency cause?", "pernicious anaemia"): the front and back of a card for each
    fact the meaning packs; None where the meaning is short enough to ask whole, or is not cut
    into parts, or the front is no term."""
    term = " ".join(term.split())
    if not _is_term(term):
        return None
    measured = measure_facts(term, meaning)
    if measured:
        return measured
    if len(meaning.split()) <= MAX_ANSWER_WORDS:
        return None
    parts = _parts(meaning)
    if len(parts) < 2:
        return None
    facts: list[tuple[str, str]] = []
    for position, part in enumerate(parts):
        labelled = _labelled(term, part)
        if labelled:
            facts.append(labelled)
        elif position == 0:
            facts.append((term, part))
        elif position == 1 and _names_again(parts[0]) and facts == [(term, parts[0])]:
            # "HBV protein<TAB>high biological value - contains all the essential amino acids":
            # the name spelt out, then what it means; the name rides with the term
            facts[0] = (_also_named(term, parts[0]), part)
    kept = [(front, _trimmed(back)) for front, back in facts]
    kept = [(front, back) for front, back in kept if _answerable(back)]
    return kept or None


def measure_facts(term: str, meaning: str) -> list[tuple[str, str]] | None:
    """ "Electric field strength E", "force per unit positive charge, E = F/Q, unit N C^-1" ->
    (term, "force per unit positive charge"), ("What is the formula for electric field
    strength E?", "E = F/Q"), ("What is the unit of electric field strength E?", "N C^-1"): a
    quantity's meaning in words, its formula, its value and its unit are separate facts, each
    asked on its own ("ε0", "permittivity of free space = 8.85 x 10^-12 F m^-1" -> its name,
    and "What is the value of ε0?"). A note to self after a dash ("— NB 1/r not 1/r^2 !!") is
    no fact of the term and is left off. Where the meaning opens on the formula, its unit is of
    the formula's symbol, not of the term, and is left off. None where no formula, value, unit
    or note follows the meaning."""
    parts = [part for part in _MEASURE_CUT.split(meaning.strip().rstrip(".")) if part.strip()]
    if any(_depth(part) for part in parts):
        return None  # ("(away from +, towards -)": a comma inside an aside)
    parts = [" ".join(part.split()) for part in parts]
    kept = [part for part in parts if not _NOTE_TO_SELF.match(part)]
    first, *rest = kept or [""]
    valued = _VALUED.match(first)
    if valued and not rest:
        # "permittivity of free space = 8.85 x 10^-12 F m^-1": what it is, then its value
        value = (f"What is the value of {_shown(term)}?", valued["value"])
        return [(term, valued["name"]), value] if _answerable(valued["value"]) else None
    formulas = [part for part in rest if _is_formula(part)]
    units = [unit["x"] for part in rest if (unit := _UNIT_PART.match(part))]
    if len(formulas) + len(units) != len(rest) or len(formulas) > 1 or len(units) > 1:
        return None  # ("..., E = F/Q, a vector": a part that is neither)
    if len(kept) == len(parts) and not rest:
        return None
    if _is_formula(first):
        return None if formulas else [(term, first)]
    if "=" in first or len(first.split()) < 2:
        return None
    facts = [(term, first)]
    facts += [(f"What is the formula for {_shown(term)}?", formula) for formula in formulas]
    facts += [(f"What is the unit of {_shown(term)}?", _UNIT_ASIDE.sub("", unit)) for unit in units]
    return facts if all(_answerable(back) for _, back in facts) else None


def _is_formula(part: str) -> bool:
    """ "E = F/Q", "R = V/I": a symbol equal to symbols; not "LIC = more deaths" or "m = mass of
    one molecule", where a word says what the symbol stands for or what follows."""
    return bool(_FORMULA_PART.match(part)) and not _WORD.search(part.split("=", 1)[1])


def _shown(term: str) -> str:
    """A term as a question names it: "Electric field strength E" -> "electric field strength
    E", but "EMF", "ε0" and "Avogadro constant" as written."""
    return " ".join(lower_first(term.split()))


def _is_term(front: str) -> bool:
    return (
        0 < len(front.split()) <= MAX_TERM_WORDS
        and not front.rstrip().endswith(("?", ":"))
        and not re.match(r"(?:who|what|when|where|why|how|which|define|name)\b", front, re.I)
    )


def _parts(meaning: str) -> list[str]:
    """The meaning cut at each top-level ";", spaced dash or full stop (not inside brackets, not
    at an abbreviation's full stop)."""
    parts: list[str] = []
    start = 0
    for cut in _CUT.finditer(meaning):
        before = meaning[: cut.start()]
        if _depth(before) or (cut.group().startswith(".") and _ABBREVIATION.search(before[-8:])):
            continue
        parts.append(meaning[start : cut.start()])
        start = cut.end()
    parts.append(meaning[start:])
    return [" ".join(part.split()).strip(" ,.") for part in parts if part.strip(" ,.")]


def _depth(text: str) -> int:
    return sum(text.count(mark) for mark in _OPENING) - sum(text.count(mark) for mark in _CLOSING)


def _labelled(term: str, part: str) -> tuple[str, str] | None:
    for read in _LABELS:
        found = read(term, part)
        if found:
            return found
    return None


def _names_again(part: str) -> bool:
    """ "high biological value", "non-starch polysaccharide": a short name, no verb or list."""
    return len(part.split()) <= MAX_NAME_WORDS and "," not in part and not _VERB_OPENING.match(part)


def _also_named(term: str, name: str) -> str:
    """ "HBV protein (high biological value)", "dietary fibre (NSP, non-starch polysaccharide)"."""
    if term.endswith(")"):
        return f"{term[:-1]}, {name})"
    return f"{term} ({name})"


def _trimmed(part: str) -> str:
    """A part too long to recall, less the examples or the aside it ends on: "mostly from animal
    sources, usually solid at room temperature e.g. butter, lard, fatty meat" -> "mostly from
    animal sources, usually solid at room temperature"."""
    if len(part.split()) <= MAX_ANSWER_WORDS:
        return part
    return _TRAILING_EXAMPLES.sub("", part).strip(" ,") or part


def _answerable(answer: str) -> bool:
    """An answer short enough to recall: a phrase, or a list of a few short items."""
    if not re.search(r"\w", answer) or len(answer.split()) > MAX_ANSWER_WORDS:
        return False
    return len(_ITEM_CUT.split(answer)) <= MAX_LIST_ITEMS
