"""Sentences and their tidying: a passage cut into sentences, and a sentence made fit to ask.

A passage is cut at its full stops (not inside a quotation or a bracket), a run-on line at the
claims it joins; a sentence loses the student's asides, citations, pointers and stray markup
before it is asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from revise.generation.content import INSTRUCTED, not_content
from revise.generation.grammar import (
    can_be,
    participle_base,
    verb_base,
)
from revise.generation.language import (
    ABBREVIATION_END,
    INITIAL_END,
    TEXT_CACHE_SIZE,
    cut_short,
)
from revise.generation.patterns import Guarded, lazy_regex

MIN_FACT_WORDS = 4


_ASIDE = Guarded(lazy_regex(r"\s*\((?:see|cf\.?|e\.g\.|more)\b(?:[^()]|\([^()]*\))*\)", re.I))


_STRAY_MARKUP = Guarded(lazy_regex(r"\*\*+|__+|`+|#{2,}|</?[a-zA-Z][^>]*>|&[a-z]+;|&#\d+;"))
# A connective or a flag ("NB", "Notes:", "Remember:", "Warning:") before a fact: what follows
# is judged on its own, a fact carded and an order to the reader ("Note: learn ...") refused
_OPENER = lazy_regex(
    r"^(?:(?:as\s+a\s+result|therefore|thus|hence|consequently|in\s+essence|in\s+short|overall"
    r"|notes?|nb|summary|in\s+summary|remember|warning"
    r"|ultimately|however|in\s+addition|additionally|furthermore|moreover)\s*(?:[-\u2013\u2014,:])"
    # "Link back to theories: Taylor would ...": the writer's reminder of where a point goes
    r"|links?\s+(?:back\s+)?(?:to|with)\b[^:.]{0,40}:"
    # "ok so tropical storm is ...": a spoken filler ("Basically the energy ..." is kept: what
    # follows it is a definition of the heading)
    r"|(?:ok(?:ay)?|right|um+|erm+)\s*,?\s+so\b,?"
    # "Why was it so bad? the philippines gets ...": the writer's own prompt, then the answer
    r"|why\s+(?:is|are|was|were|did|do|does|has|have)\s+(?:it|they|this|that|these)\b[^?]{0,40}\?"
    r"(?=\s+(?-i:[a-z]))"
    r"|nb\s)\s*",
    re.I,
)
# "Eisenhower refused - but in Dec 1954, ...": someone's bare deed, what they did it to told
# only by the line before, then the fact the line is about
_BARE_DEED_BUT = lazy_regex(
    r"^(?:[A-Z][\w'\u2019-]*\s+){1,2}(?P<verb>[a-z]{3,}ed)\s*[-\u2013\u2014]+\s*but\s+"
)
# "[12]", "\\[3\\]"
_CITATION = Guarded(lazy_regex(r"\s*\\?\[\d{1,3}(?:[,\u2013-]\s*\d{1,3})*\\?\]"))


_SENTENCE_END = lazy_regex(
    r"([.!?][\"'\u201d\u2019)]*(?:\\?\[\d{1,3}\\?\])*|;(?=\s+(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*:\s))"
    r"\s+(?=[A-Z0-9\"'\u201c\u2018(]|e\.g\.\s|(?<=[^.]\.\s)[a-z])"
)  # "...in 2020; Pacific Islands: 3 Cyclones ...": a second labelled fact begins; a footnote
# mark after a full stop ("... in sequence.[1] Because ...") goes with the sentence it closes
# "V = IR <- learn this one!!": to oneself
_POINTER = Guarded(lazy_regex(r"\s+<-{1,2}\s+[A-Za-z][^=<>]*$"))
# A short bracket with a figure after a sentence's end goes with that sentence: where a
# quotation is said ("(3.1)", "(p. 23)", clauses.PLACE) or a worked figure ("(250 mA = 0.25 A)")
_BRACKET_AFTER = lazy_regex(r"\([^()]{0,16}\d[^()]{0,8}\)")


CONJUNCTION = lazy_regex(r"^(?:and|but|so|yet|or|then|however,?)\s+", re.I)


@lru_cache(maxsize=8192)
def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of a block's text.

    A sentence ends at ".", "!" or "?" before a space and a capital, a digit or an opening
    quote, and at a full stop before a word in lower case (notes typed fast: "... is Pareto
    inefficient. individual rationality ≠ collective rationality"); never after an
    abbreviation ("Foner ch. 4", "s. 57", "Carlill v. Carbolic", "e.g.", "approx. 2% of
    voting age pop. registered") or an initial ("Oliver O. Howard").
    """
    spans: list[tuple[int, int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match[1])
        before = text[start:end]
        # ("... two solutions: x and 180° - x. e.g. a = 9 ...": an example starts anew after a
        # letter, which is no initial there, nor a word cut short)
        example = text.startswith("e.g. ", match.end())
        if ABBREVIATION_END.search(text[start : match.start() + 1]) or (
            INITIAL_END.search(before) and not example
        ):
            continue
        if text[match.end() : match.end() + 1].islower() and cut_short(before) and not example:
            continue  # "acc. to King", "pop. registered", "Sh. makes him", "vans etc. are taxed"
        if _inside_quotation(before, text[end:]):
            continue  # '"The time is out of joint. O cursed spite ..." - Hamlet': one quotation
        if _BRACKET_AFTER.match(text, match.end()):
            continue  # '"O, what a noble mind ...!" (3.1) -> grief': where it is said goes with it
        spans.append((start, end, before.strip().rstrip(";")))
        start = match.end()
    spans.append((start, len(text), text[start:].strip()))
    cut = [piece for span in spans for piece in _claims_apart(text, *span)]
    return [(a, b, sentence) for a, b, sentence in cut if sentence]


MIN_RUN_ON_WORDS = 25  # a sentence this long may carry two claims, one card each
MIN_CLAIM_WORDS = 6
_PART_CUT = lazy_regex(r";\s+")


def _claims_apart(text: str, start: int, end: int, sentence: str) -> list[tuple[int, int, str]]:
    """ "Longenecker et al. (2010) - since the 1980s men have been diagnosed more than women;
    Cotton et al. (2009) women function better ..." -> its two claims: a long sentence is cut at
    its semicolons (outside brackets) where every part after one opens on a named subject of
    its own and each part says enough to be a fact; a run of short reasons ("...; had cavalry
    and archers; ...") stays one."""
    if len(sentence.split()) < MIN_RUN_ON_WORDS:
        return [(start, end, sentence)]
    marks = [
        mark
        for mark in _PART_CUT.finditer(text, start, end)
        if text[start : mark.start()].count("(") == text[start : mark.start()].count(")")
    ]
    bounds = [start, *(point for mark in marks for point in mark.span()), end]
    parts = [(bounds[at], bounds[at + 1]) for at in range(0, len(bounds), 2)]
    if len(parts) < 2 or any(
        len(text[a:b].split()) < MIN_CLAIM_WORDS or (a > start and not text[a].isupper())
        for a, b in parts
    ):
        return [(start, end, sentence)]
    return [(a, b, text[a:b].strip()) for a, b in parts]


def _inside_quotation(before: str, after: str) -> bool:
    """A quotation opened before the break closes after it."""
    if before.count('"') % 2 and '"' in after:
        return True
    return before.count("\u201c") > before.count("\u201d") and "\u201d" in after


_WHOLE_IN_BRACKETS = lazy_regex(r"\s*\(([^()]+?\.?)\)\s*\.?\s*")
_SPACE_BEFORE_STOP = lazy_regex(r"\s+([,.;:!?])")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def tidy(sentence: str) -> str:
    """Drop cross-references, asides, stray markup and a leading connective a card does not
    need ("(see Foreign Policy, ch. 4)", "**", "##", "As a result - ")."""
    text = _ASIDE.sub("", sentence)
    text = _CITATION.sub("", text)
    if text.startswith("[") and text.rstrip(" .").endswith("]"):
        text = text.strip(" .")[1:-1]  # "[Works only when ...]": an aside in brackets
    inner = _WHOLE_IN_BRACKETS.fullmatch(text)
    if inner:
        text = inner[1]  # "(Linear momentum equals mass times velocity.)": a whole sentence
    bare = _BARE_DEED_BUT.match(text)
    if bare and verb_base(bare["verb"], "VBD") is None:
        bare = None
    opener = _OPENER.match(text) or CONJUNCTION.match(text) or bare
    if opener and _shouted_name(opener[0], text[opener.end() :]):
        opener = None  # "AND followed by NOT -> ...": a gate's name in capitals, no connective
    if opener and len(text[opener.end() :].split()) >= MIN_FACT_WORDS:
        text = text[opener.end() :]
        text = text[:1].upper() + text[1:]
    text = _STRAY_MARKUP.sub(" ", text)
    text = _POINTER.sub("", text)
    text = _EMPHASIS.sub("", text)
    if len(_OWN_ASIDE.sub("", text).split()) >= MIN_ASIDE_HOST_WORDS:
        text = _OWN_ASIDE.sub(lambda aside: "" if _said_to_self(aside[1]) else aside[0], text)
    text = _SPACE_BEFORE_STOP.sub(r"\1", text)
    return " ".join(text.split())


# "(NOT vegan, has egg!!)", "^^ AQA uses ...", "(!!)": the writer's emphasis and pointers
_EMPHASIS = Guarded(lazy_regex(r"\s*\(\s*!+\s*\)|\s*!{2,}|(?:^|\s)\^{2,}(?=\s|$)"))
# A bracket in a line: "(Mr Okafor said 27 is fine in the exam)", "(AQA calls it ... I think)"
_OWN_ASIDE = Guarded(lazy_regex(r"\s*\(([^()]{3,})\)"))
# A line this long without its brackets is a sentence, not a heading whose bracket says what
# its section is ("Describe questions (4 marks)", "Sun facts (learn these!!)")
MIN_ASIDE_HOST_WORDS = 8
_HEDGE = lazy_regex(r"\b(?:I\s+think|I\s+reckon|I\s+guess|not\s+sure|apparently)\b", re.I)
_MARKS_ONLY = lazy_regex(r"\d+(?:\s*[-\u2013]\s*\d+)?\s*marks?(?:\s+each)?|\d+\s*marker", re.I)
# What makes a bracket the writer's own: the exam, the notes, a reminder, an order to the
# reader. (Not a bracket that addresses "you" or links a point to another, "(link to COMT)":
# those say something of it.)
_TO_SELF_REASONS = (
    "a note to the writer, not a fact",
    "about the exam or the notes, not the subject",
    "a tip, note or example label, not a fact",
    INSTRUCTED,  # "(remember it's the PATIENT's left)"
)


def _said_to_self(aside: str) -> bool:
    """A bracket that talks about the exam, the notes or the writer's doubts, not the subject
    ("(also Z0 but not on our spec)", "(3 marks)"): a card drops it and keeps the fact."""
    aside = aside.strip()
    if _HEDGE.search(aside) or _MARKS_ONLY.fullmatch(aside):
        return True
    if re.match(r"links?\b", aside, re.I):
        return False
    return not_content(aside) in _TO_SELF_REASONS


def _shouted_name(opener: str, rest: str) -> bool:
    """ "AND" before "followed by NOT", "OR gives 1 if ...": "AND" or "OR" in capitals and a
    verb straight after it, the name of a logic gate doing something, not a connective shouted
    ("AND family members can't sue", "BUT the treaty ...")."""
    word, after = opener.strip(" ,"), rest.split()[:1]
    if word not in ("AND", "OR") or not after or not after[0].islower():
        return False
    verb = after[0]
    return bool(participle_base(verb) or verb_base(verb, "VBZ")) and not can_be(verb, "NOUN")
