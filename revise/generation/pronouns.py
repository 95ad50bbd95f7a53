"""Which named thing a sentence's opening pronoun stands for, in prose.

"Gaius Marius was consul seven times. In 107 BC he recruited soldiers from the landless poor":
read alone, the second sentence does not say who recruited them. A pronoun that opens a
sentence (or follows its fronted time phrase) stands for the subject of a sentence just read,
when that subject agrees with it: "he"/"she"/"his"/"her" a person named, "it"/"its" one thing,
"they"/"their" several. Nothing is resolved where no earlier subject agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from revise.generation.grammar import WORD_TOKEN, split_clause, verb_base
from revise.generation.language import TEXT_CACHE_SIZE, is_stopword, is_verb_form
from revise.generation.patterns import lazy_regex

PERSON, THING, THINGS = "person", "thing", "things"
EITHER = "person or thing"  # "Lipase ...", "Bismarck ...": one word, named only at the start

_AGREES = {
    "he": PERSON,
    "she": PERSON,
    "his": PERSON,
    "her": PERSON,
    "it": THING,
    "its": THING,
    "they": THINGS,
    "their": THINGS,
}
_POSSESSIVES = frozenset(["his", "her", "its", "their"])
_NAME_PARTICLES = frozenset(["da", "de", "di", "du", "van", "von", "der", "den", "del", "la", "le"])

# "In 107 BC", "In January 49 BC", "In 1874,", "By 1900": a time phrase fronted before the subject
FRONTED_TIME = lazy_regex(
    r"^(?:(?:In|By|From|After|Before|During|On|Until|Around|About)\s+)?(?:(?:early|late|mid)[-\s])?"
    r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:c\.\s*)?\d{2,4}s?(?:\s*(?:BC|BCE|AD|CE))?,?\s+"
)
_OPENING_PRONOUN = lazy_regex(
    r"^(?P<pronoun>he|she|it|they|his|her|its|their)\s+(?P<rest>\S.*)$", re.I
)
# "It is thought that ...", "It was not until 1945 that ...", "It seems ...": no thing named
_DUMMY_IT = lazy_regex(
    r"^it\s+(?:(?:is|was|has\s+been|had\s+been)\s+(?:not\s+)?(?:\w+\s+)?(?:that|to|until|whether|how|why)\b"
    r"|(?:seems|seemed|appears|appeared|follows|followed|means|meant|is\s+(?:likely|possible|clear|"
    r"important|necessary|worth|often|also|widely|generally)|was\s+(?:likely|possible|clear|"
    r"important|necessary|only|widely|generally)))",
    re.I,
)
_ASIDES = lazy_regex(r"\s*\([^()]*\)|,\s+(?:which|who|whose|a|an|the)\s[^,]*,")
MAX_ANTECEDENT_WORDS = 5
MAX_THING_WORDS = 6  # "The Hubble Space Telescope's main mirror"
MAX_BARE_WORDS = 3  # "Bile", "Amylase enzymes", "Stomach acid"
LOOKBACK = 2  # "Caesar was named dictator. Many senators feared ... He was assassinated"


@dataclass(frozen=True)
class Antecedent:
    """A sentence's subject, what a pronoun that agrees with it can stand for, and the
    offset in the passage's text where its sentence starts."""

    text: str
    agrees: str
    start: int


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # a paragraph's sentences are read again after it
def subject_of(
    sentence: str, start: int, lower: frozenset[str], names: frozenset[str] = frozenset()
) -> Antecedent | None:
    """The named subject a later pronoun may stand for: a person's name ("Gaius Marius", or
    "Octavian" in "Caesar's adopted heir Octavian"), or a thing or things introduced with
    "the"/"a" ("The sleep-wake cycle", "The popular assemblies"). `lower` holds the words the
    notes write in lower case, which never make a person's name; `names` those they capitalise
    in mid-sentence. One word the notes never write anywhere but at a sentence's start may be a
    person or a thing ("Lipase breaks down lipids", "Bismarck resigned")."""
    text = _ASIDES.sub("", sentence)
    fronted = FRONTED_TIME.match(text)
    text = text[fronted.end() :] if fronted else text
    clause = split_clause(text)
    if clause is None or not clause.subject or len(clause.subject) > MAX_THING_WORDS + 1:
        return None
    subject = [token.strip(",;:") for token in clause.subject]
    named = _trailing_name(subject, lower)
    if named == subject[0] and named.casefold() not in names:
        return Antecedent(named, EITHER, start)
    if named:
        return Antecedent(named, PERSON, start)
    first = subject[0].casefold()
    if any(not WORD_TOKEN.fullmatch(token) for token in subject):
        return None
    bare = first in lower and not is_stopword(first) and all(t.islower() for t in subject[1:])
    if bare and len(subject) <= MAX_BARE_WORDS:
        # "Bile is made in the liver. It is released ...": a thing the notes name in lower case
        return Antecedent(" ".join([first, *subject[1:]]), _number(subject[-1]), start)
    if first not in ("the", "a", "an") or len(subject) < 2 or len(subject) > MAX_THING_WORDS:
        return None
    if first != "the" and not subject[-1][:1].isupper():
        return None  # "A cycle ...": a thing in general, which "it" then names only loosely
    return Antecedent(" ".join(subject), _number(subject[-1]), start)


def _number(noun: str) -> str:
    """ "it" stands for a thing, "they" for things: "enzymes", not "catalysis" or "virus"."""
    lower = noun.casefold()
    return THINGS if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) else THING


def _trailing_name(subject: list[str], lower: frozenset[str]) -> str:
    """ "Tiberius Gracchus", or the name after a possessive ("His younger brother Gaius
    Gracchus" -> "Gaius Gracchus"); "" where the subject is no person's name."""
    run: list[str] = []
    for index in range(len(subject) - 1, -1, -1):
        token = subject[index]
        if run and index and token in _NAME_PARTICLES and subject[index - 1][:1].isupper():
            run.insert(0, token)  # "Vasco da Gama", "Ludwig van Beethoven"
            continue
        bare = token.removesuffix("'s").removesuffix("\u2019s")
        if bare != token or not token[:1].isupper() or not token.replace("-", "").isalpha():
            break
        if token.casefold() in lower or is_stopword(token.casefold()):
            break
        run.insert(0, token)
    if not run:
        return ""
    rest = subject[: len(subject) - len(run)]
    if rest and not any(_possessive(token) for token in rest):
        return ""  # "The Senate", "Many senators": a body or a group, not one person
    return " ".join(run)


def _finite(word: str) -> bool:
    """ "was", "recruited", "links": a verb that can follow a pronoun subject."""
    lower = word.casefold()
    return is_verb_form(lower) or verb_base(lower, "VBZ") is not None


def _possessive(token: str) -> bool:
    return token.casefold() in _POSSESSIVES or token.endswith(("'s", "\u2019s"))


def resolved(sentence: str, antecedents: list[Antecedent]) -> tuple[str, Antecedent | None]:
    """The sentence with its opening pronoun ("He was assassinated ...", "In 107 BC he
    recruited ...", "His sleep-wake cycle ...") replaced by the latest subject that agrees with
    it, and that subject; the sentence unchanged and None where none agrees."""
    fronted = FRONTED_TIME.match(sentence)
    head = sentence[: fronted.end()] if fronted else ""
    match = _OPENING_PRONOUN.match(sentence[len(head) :])
    if not match:
        return sentence, None
    pronoun = match["pronoun"].casefold()
    rest = match["rest"]
    possessive = pronoun in _POSSESSIVES
    if pronoun == "her" and not possessive:
        return sentence, None
    words = rest.split()
    # "He famously said ...": an adverb may come between
    adverb_then_verb = len(words) > 1 and words[0].endswith("ly") and _finite(words[1])
    if not possessive and not _finite(words[0]) and not adverb_then_verb:
        return sentence, None
    if pronoun == "it" and _DUMMY_IT.match(sentence[len(head) :]):
        return sentence, None
    wanted = _AGREES[pronoun]
    recent = antecedents[-LOOKBACK:]
    agreeing = (wanted, EITHER) if wanted != THINGS else (wanted,)
    found = next((a for a in reversed(recent) if a.agrees in agreeing), None)
    if found is None:
        return sentence, None
    named = found.text
    if possessive:
        plural = found.agrees == THINGS and found.text.endswith("s")
        named = f"{found.text}'" if plural else f"{found.text}'s"  # "the enzymes'", "Tiberius's"
    if head:
        named = named[:1].lower() + named[1:] if named.split()[0] in ("The", "A", "An") else named
        return f"{head}{named} {rest}", found
    return f"{named[:1].upper()}{named[1:]} {rest}", found


_HIM_OR_HE = lazy_regex(r"(?<=\s)(?:him|he(?=\s+(?P<verb>[a-z]+)))\b")


def person_inside(
    sentence: str, antecedents: list[Antecedent], lower: frozenset[str], names: frozenset[str]
) -> tuple[str, Antecedent | None]:
    """ "In 27 BC the Senate gave him the title Augustus", "Many senators feared he wanted to
    become king": one "him" or "he" inside a sentence whose own subject is no person stands
    for the person a sentence just before named; the sentence unchanged and None otherwise."""
    found = list(_HIM_OR_HE.finditer(sentence))
    if len(found) != 1 or re.search(r"\b(?:his|himself|she|her|they|them)\b", sentence):
        return sentence, None
    match = found[0]
    if match["verb"] is not None and not _finite(match["verb"]):
        return sentence, None
    text = _ASIDES.sub("", sentence)
    fronted = FRONTED_TIME.match(text)
    clause = split_clause(text[fronted.end() :] if fronted else text)
    subject = [token.strip(",;:") for token in clause.subject] if clause else []
    if (
        not subject
        or _trailing_name(subject, lower)
        or (
            subject[0][:1].isupper()
            and (subject[0].casefold() not in lower and not is_stopword(subject[0].casefold()))
        )
    ):
        return sentence, None  # "Marius was consul, more than anyone before him": himself
    recent = antecedents[-LOOKBACK:]
    person = next((a for a in reversed(recent) if a.agrees in (PERSON, EITHER)), None)
    if person is None:
        return sentence, None
    return f"{sentence[: match.start()]}{person.text}{sentence[match.end() :]}", person


# "the two nations", "both countries", "both sides": two things the sentences before named
_PAIR = lazy_regex(r"\b(?P<which>the\s+two|both(?:\s+the)?)\s+(?P<noun>[a-z]{3,}s)\b", re.I)
# a name as prose writes it: capitalised words, "of"/"the" between them ("Bank of England")
_NAME_RUN = lazy_regex(
    r"(?P<the>\bthe\s+)?(?P<name>[A-Z][\w\u2019'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w\u2019'-]*)*)"
)


MIN_NAME_CHARS = 2


def names_in(sentence: str, names: frozenset[str]) -> list[str]:
    """The names a sentence mentions ("the Soviet Union", "North Korea"), each with its "the",
    in order; a capital that only opens the sentence ("Throughout", "This") is no name."""
    found = []
    for match in _NAME_RUN.finditer(sentence):
        name = re.sub(r"['\u2019]s$", "", match["name"])
        tokens = name.split()
        if match.start("name") == 0 and tokens[0].casefold() not in names:
            tokens = tokens[1:]  # "This support", "Throughout the 1950s"
            if not tokens or tokens[0] == "of":
                continue
            name, the = " ".join(tokens), ""
        else:
            the = "the " if match["the"] else ""
        if len(name) < MIN_NAME_CHARS:
            continue  # ("I think ...")
        found.append(f"{the}{name}")
    return found


def pair_named(sentence: str, before: list[str], names: frozenset[str]) -> str:
    """ "The alliance between the two nations was evident in ..." after "the Soviet Union
    provided North Korea with aid. ..." -> "The alliance between the Soviet Union and North
    Korea was evident in ...": "the two" or "both" things stand for the two names the sentences
    just before (`before`, the last few read) mention, where they mention exactly two; the
    sentence unchanged otherwise."""
    match = _PAIR.search(sentence)
    if not match or len(_PAIR.findall(sentence)) > 1:
        return sentence
    seen: dict[str, str] = {}
    for said in before[-LOOKBACK:]:
        for name in names_in(said, names):
            bare = re.sub(r"^the\s+", "", name).casefold()
            seen.setdefault(bare, name)
    if len(seen) != 2 or any(bare in sentence.casefold() for bare in seen):
        return sentence  # three names, or one of them already beside "both"
    first, second = seen.values()
    both = "both " if match["which"].casefold().startswith("both") else ""
    pair = f"{both}{first} and {second}"
    if match.start() == 0:
        pair = pair[:1].upper() + pair[1:]
    return f"{sentence[: match.start()]}{pair}{sentence[match.end() :]}"
