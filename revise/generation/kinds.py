"""Kinds of a thing, each on its own line under the heading that names the thing.

Students list the kinds of one thing under a heading that names it and write each kind by the
word that tells it apart: under "TYPES OF PRACTICE", "massed = no/short rest breaks ...";
under "FEEDBACK", "intrinsic = from within ...". The describing word alone is no term ("What
is massed?" asks nothing); with the thing it describes it is ("What is massed practice?").
"""

from __future__ import annotations

import re
from dataclasses import replace

from revise.generation.document import Block, BlockKind
from revise.generation.grammar import lemmas
from revise.generation.patterns import lazy_regex
from revise.generation.structure import ListGroup, Outline, Passage

MIN_KINDS = 2  # one describing word over a meaning is a line; two or more are kinds of a thing
MAX_KIND_HEADING_WORDS = 3
# "massed = ...", "whole-part-whole = ...", "visual - demos, videos ...": one or two words and
# the meaning after "=" or a dash
_KIND_LINE = lazy_regex(
    r"^(?P<kind>[A-Za-z][A-Za-z-]*(?:\s[A-Za-z][A-Za-z-]*)?)\s*(?:=|\s[-\u2013\u2014])\s+(?=\S)"
)
# "Types of practice", "Kinds of rock": the thing is what follows "of"
_KINDS_OF = lazy_regex(r"^(?:types?|kinds?|forms?|sorts?|classes)\s+of\s+(?P<thing>.+)$", re.I)
# "Practice methods", "Rock types": the thing is what comes before
_THING_KINDS = lazy_regex(r"^(?P<thing>.+?)\s+(?:types|kinds|forms|methods)$", re.I)
# Headings over words and their meanings, whatever the words describe
_GLOSSARY_HEADINGS = frozenset(
    ["vocabulary", "glossary", "definitions", "terms", "keywords", "words", "terminology",
     "language", "phrases", "adjectives", "key"]
)  # fmt: skip


def kinds_named(outline: Outline) -> dict[int, str]:
    """The lines (by their block's `id`) that give a kind of the thing their heading names by a
    describing word alone, and that thing: {id: "practice"} for "massed = ..." under "TYPES OF
    PRACTICE", where two or more lines of the section do so."""
    sections: dict[str, list[Block]] = {}
    for part in outline.parts:
        if isinstance(part, ListGroup):
            for item in part.items:
                sections.setdefault(part.lead.text, []).append(item)
        elif part.block.kind in (BlockKind.ITEM, BlockKind.TEXT):
            heading = part.label or (part.trail[-1] if part.trail else "")
            sections.setdefault(heading, []).append(part.block)
    found: dict[int, str] = {}
    for heading, blocks in sections.items():
        thing = _thing_named(heading)
        kinds = [block for block in blocks if _kind_of(block.text, thing)]
        if thing and len(kinds) >= MIN_KINDS:
            found.update((id(block), thing) for block in kinds)
    return found


def named_by_kind(passage: Passage, thing: str) -> Passage:
    """ "massed = ..." under "TYPES OF PRACTICE" -> "massed practice = ..."."""
    block = passage.block
    shaped = _KIND_LINE.match(block.text)
    if not shaped:
        return passage
    end = shaped.end("kind")
    text = f"{block.text[:end]} {thing}{block.text[end:]}"
    shift = len(thing) + 1
    breaks = tuple((where + shift if where > end else where, line) for where, line in block.breaks)
    return replace(passage, block=replace(block, text=text, breaks=breaks))


def _thing_named(heading: str) -> str:
    """What a heading names the kinds of: "practice" for "TYPES OF PRACTICE", "PRACTICE
    METHODS (whole / part)" or "Practice"; "" for a heading that names no one thing."""
    bare = re.sub(r"\s*\([^()]*\)", "", heading).strip(" :").casefold()
    shaped = _KINDS_OF.match(bare) or _THING_KINDS.match(bare)
    thing = shaped["thing"] if shaped else bare
    tokens = thing.split()
    if not tokens or len(tokens) > MAX_KIND_HEADING_WORDS or not all(t.isalpha() for t in tokens):
        return ""
    if shaped is None and (len(tokens) > 1 or tokens[0] in _GLOSSARY_HEADINGS):
        return ""  # "Key words", "Main causes": no one thing whose kinds the lines give
    if any(token in _GLOSSARY_HEADINGS for token in tokens):
        return ""
    known = lemmas(tokens[-1])
    if "NOUN" not in known:
        return ""
    single = known["NOUN"][0]
    return " ".join([*tokens[:-1], single])


def _kind_of(text: str, thing: str) -> bool:
    """ "massed = no/short rest breaks ...": a line opening on a describing word, the kind, and
    its meaning; not on a noun of its own ("imagery = ...") or the thing named in full."""
    shaped = _KIND_LINE.match(text)
    if not shaped or not thing:
        return False
    kind = shaped["kind"].casefold()
    last = re.split(r"[\s-]", kind)[-1]
    if thing.split()[-1] in kind.split():
        return False  # "performance goals = ..." names the thing itself
    stem = thing.split()[-1][:5]
    if len(stem) == 5 and stem in last:
        return (
            False  # "Emigrant = ...", "Economic migrant = ..." under "Migration": a noun of its own
        )
    known = lemmas(last)
    describes = "ADJ" in known or ("VERB" in known and last.endswith("ed"))
    return describes


MAX_KIND_LABEL_WORDS = 3
# "Sources of finance", "Costs", "Exports": a heading naming many things of one sort
_MANY_THINGS = lazy_regex(r"^(?P<things>[A-Za-z]+s)(?:\s+of\s+[A-Za-z][A-Za-z ]{1,30})?$")


def kinds_listed(label: str, heading: str) -> str:
    """ "Internal" over a list on its line, under "Sources of finance": the things the list
    names are "internal sources of finance"; "" where the label is no kind of what the heading
    names ("Causes", a word of its own, or "Internal" under "Ratio analysis")."""
    bare = re.sub(r"\s*\([^()]*\)", "", heading).strip(" :")
    shaped = _MANY_THINGS.match(bare)
    tokens = label.split()
    if not shaped or not tokens or len(tokens) > MAX_KIND_LABEL_WORDS:
        return ""
    if "NOUN" not in lemmas(shaped["things"].casefold()) or shaped["things"].casefold() in (
        _GLOSSARY_HEADINGS
    ):
        return ""
    if "ADJ" not in lemmas(tokens[0].casefold()) or not all(t.isalpha() for t in tokens):
        return ""
    said = {token.casefold() for token in bare.split()}
    last = lemmas(tokens[-1].casefold())
    plural = tokens[-1].casefold().endswith("s") and "NOUN" in last and "ADJ" not in last
    if plural or said & {token.casefold() for token in tokens}:
        return ""  # "Constructive waves" under "Waves": things named whole, not a kind
    return f"{label} {bare}".casefold()
