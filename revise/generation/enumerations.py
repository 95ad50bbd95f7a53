"""Lists whose members are the fact: a lead that counts them ("Six articles of faith", "2 basic
functions of the family:") or names them ("Primary precepts"), and conditions or reasons set out
under a lead ending "if:" or "because:".

A list of at most four short members is one card whose answer is the list. A longer list of
five to eight short members would be an answer too long to recall in one go, and a cloze per
member a run of near-identical cards: it is asked as two halves instead, each card showing the
other half, so each asks for something only its own members answer.
"""

from __future__ import annotations

import math
import re

from revise.formats.model import normalise
from revise.generation.card_limits import MAX_ANSWER_WORDS, MAX_LIST_ITEMS
from revise.generation.fields import plural_noun
from revise.generation.language import AUXILIARIES, COUNT_WORDS, counted
from revise.generation.patterns import lazy_regex
from revise.generation.structure import item_head

MIN_HALVED_ITEMS = MAX_LIST_ITEMS + 1
MAX_HALVED_ITEMS = 2 * MAX_LIST_ITEMS
MAX_MEMBER_WORDS = 4  # "Day of Judgement": a member named in a few words, not a sentence
MAX_CONDITIONS = MAX_LIST_ITEMS
MAX_DESCRIBING_WORDS = 8  # "stages a grieving person goes through"
MAX_NAMING_WORDS = 6  # "Causes of the First World War": a name for the list, not a sentence

# "Six articles of faith (Sunni)", '2 "basic and irreducible functions" of the family:',
# "4 universal functions": a count, then the plural noun naming what is counted
_COUNTED_PHRASE = lazy_regex(
    r"^(?P<count>[2-8]|two|three|four|five|six|seven|eight)\s+"
    r"(?P<what>(?!of\b)[\"\u201c']?[A-Za-z][\w'\u2019\"\u201d -]{1,60}?)"
    r"(?P<aside>\s*\([^()]*\))?\s*:?$",
    re.I,
)
# "source: Kitab al-Iman ...", "exam: don't mix these up ...": a remark under the list, no member
_REMARK = lazy_regex(r"^[a-z][a-z ]{1,15}:\s")
# "Occupier not liable for ... if:", "A contract is void when:", "Trade fell because:": a lead
# whose items finish its sentence
_CONDITION_LEAD = lazy_regex(
    r"^(?P<body>[A-Z].{10,}?)\s+"
    r"(?P<conjunction>if|only\s+if|when|unless|provided(?:\s+that)?|because)\s*:$"
)
_JOINING = frozenset(["and", "or", "vs", "vs.", "versus", "v", "v."])
_JOIN_AT_END = lazy_regex(r"[;,]?\s+(?:and|or)\s*$|[.;,]+$", re.I)


def counted_phrase(lead: str) -> tuple[int, str]:
    """(6, "Six articles of faith (Sunni)") for "Six articles of faith (Sunni)", (5, "5 types of
    family diversity") for "Rapoport and Rapoport (1982) - 5 types of family diversity": how
    many members a lead counts and the words that count them; (0, "") where it counts none."""
    lead = lead.strip()
    found = _COUNTED_PHRASE.match(lead)
    if not found:
        # after whose division it is: "Kelman (1958) - 3 types of conformity"
        after = re.split(r"\s[-\u2013\u2014]\s|:\s", lead, maxsplit=1)
        found = _COUNTED_PHRASE.match(after[-1].strip()) if len(after) == 2 else None
    if not found:
        return 0, ""
    what = found["what"].strip()
    head = re.split(r"\s+of\s+", what.strip("\"\u201c\u201d'"), maxsplit=1)[0]
    words = head.strip("\"\u201c\u201d'").split()
    if not words or not plural_noun(words[-1].strip("\"\u201c\u201d'")):
        return 0, ""
    return counted(found["count"]), found.group().strip().rstrip(":").strip()


def member_name(item: str) -> str:
    """ "Angels (malaikah)" -> "Angels", "Tawhid - oneness of God" -> "Tawhid": the member an
    item names, without its gloss; "" where that is more than a few words."""
    name = item_head(re.sub(r"\s*\([^()]*\).*$", "", item).strip())
    return name if 1 <= len(name.split()) <= MAX_MEMBER_WORDS else ""


def members(items: list[str]) -> list[str]:
    """The members a list names, remarks under it ("source: ...") left out; [] where an item
    is a sentence rather than a name."""
    names = [member_name(item) for item in items if not _REMARK.match(item)]
    # ("1st 1906", "2nd 1907": dates told apart below, not members named)
    return names if all(name[:1].isalpha() for name in names) else []


def halves(names: list[str]) -> tuple[list[str], list[str]]:
    """The list's first members and the rest, neither more than a list card holds."""
    cut = math.ceil(len(names) / 2)
    return names[:cut], names[cut:]


def half_prompt(lead: str, shown: list[str], hidden: int) -> str:
    """ "Six articles of faith (Sunni): Tawhid, Angels, Holy books and which 3 more?" """
    named = lead.strip().rstrip(":?").strip()
    name, bracket, aside = named.partition("(")
    if name.isupper():
        named = name[:1] + name[1:].casefold() + bracket + aside  # "THE WIVES" -> "The wives"
    return f"{named}: {', '.join(shown)} and which {hidden} more?"


def condition_lead(lead: str) -> tuple[str, str]:
    """("Occupier not liable for damage ...", "if") for a lead its items finish as
    conditions; ("", "") for any other lead."""
    found = _CONDITION_LEAD.match(lead.strip())
    if not found:
        return "", ""
    return found["body"], found["conjunction"]


def conditions(items: list[str]) -> list[str]:
    """The clauses a condition lead's items are, without the joining "and" and stops; [] where
    they are not 2 to 4 clauses each short enough to recall."""
    clauses = [_JOIN_AT_END.sub("", item.strip()).strip() for item in items]
    if not 2 <= len(clauses) <= MAX_CONDITIONS:
        return []
    if any(not clause or not clause[:1].islower() for clause in clauses):
        return []  # a clause finishing the lead opens in lower case; a sentence is its own fact
    if any(len(clause.split()) > MAX_ANSWER_WORDS for clause in clauses):
        return []
    return clauses


def names_members(lead: str) -> bool:
    """ "Primary precepts (POWER)", "Types of rock", "THE WIVES", "Types of meditation?": a lead
    naming, in a few words, the things listed under it (its head noun plural); so does a name
    with what its members are after a dash ("Product life cycle - stages a product goes
    through:"); not a bare "Examples" or "Notes", nor a glossary's "Key terms"."""
    named = re.sub(r"\s*\([^()]*\)", "", lead).strip().rstrip(":?").strip()
    described = re.split(r"\s[-\u2013\u2014]\s", named, maxsplit=1)
    if len(described) == 2 and _describes_members(described[1]):
        return True
    return _names_members(named)


def _describes_members(description: str) -> bool:
    """ "stages a product goes through over time": what the members are, opening on their
    plural noun."""
    tokens = description.casefold().split()
    return (
        1 <= len(tokens) <= MAX_DESCRIBING_WORDS
        and plural_noun(tokens[0])
        and not any(token in AUXILIARIES or token in _JOINING for token in tokens)
    )


def _names_members(named: str) -> bool:
    from revise.generation.listcards import GLOSSARY_HEADINGS

    tokens = named.casefold().split()
    if not 2 <= len(tokens) <= MAX_NAMING_WORDS or not named[:1].isalpha():
        return False  # (a bare "Causes" or "Examples" says nothing of what they are)
    if normalise(named) in GLOSSARY_HEADINGS or not re.fullmatch(r"[\w'\u2019 -]+", named):
        return False  # ("The cycle - four hormones": no one list)
    if any(token in AUXILIARIES or token in COUNT_WORDS or token.isdigit() for token in tokens):
        return False  # a sentence, or a count that `counted_phrase` did not find its list by
    if any(token in _JOINING for token in tokens):
        return False  # "Pricing strategies vs tactics", "Causes and effects": two lists in one
    head = re.split(r"\s+of\s+", named.casefold(), maxsplit=1)[0].split()
    return bool(head) and plural_noun(head[-1])


def condition_prompt(body: str, conjunction: str, count: int) -> str:
    """ "Occupier not liable for damage ... if ...? (3 conditions)", "... because ...? (2
    reasons)" """
    kind = "reasons" if conjunction == "because" else "conditions"
    return f"{body} {conjunction} ...? ({count} {kind})"
