"""Lines with no subject of their own, said of the thing their heading or parent bullet names.

Notes list facts about a thing under its name: "2) BUBBLE SORT" over "- swaps adjacent pairs
until a pass makes no swaps", "AND" over "* output 1 only if both inputs are 1", a mind map's
"Merge sort" node over "invented by John von Neumann 1945". Each line is a sentence once the
name is put back as its subject, and only then can it be asked on its own.
"""

from __future__ import annotations

from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.grammar import capitalised, finish_question, lemmas, lower_first, verb_base
from revise.generation.language import (
    ABBREVIATION_END,
    ARROW,
    LABEL_WORDS,
    NUMBER_WORDS,
    is_label_phrase,
    is_stopword,
    is_verb_form,
    words,
)
from revise.generation.patterns import lazy_regex
from revise.generation.plaintext import GENERIC_SECTIONS
from revise.generation.questions import DASH, done_by, is_plural

MAX_THING_WORDS = 4
MAX_PART_WORDS = 3
# A heading in capitals this short is an acronym or a symbol ("ATP", "NAND"), kept as written;
# a longer one ("BUBBLE SORT", "QUICKSORT") is a name shouted.
MAX_ACRONYM_CHARS = 4

_NUMBERING = lazy_regex(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[A-Za-z])[.)]\s+")  # "2) ", "IV. ", "b) "
_CLOSING_ASIDE = lazy_regex(r"\s*\([^()]*\)\s*$")  # "NOT (inverter)", "Lorenz (1935)"
# Two things, a question, a date or a count: no one thing the lines are said of.
_NOT_ONE_THING = lazy_regex(r"[&/+?<>=|,;:]|\d|\b(?:vs\.?(?!\w)|versus|and|or)\b")
# A heading of these names the kind of point listed under it, not a thing the points are about.
_KINDS_OF_POINT = frozenset(
    [
        "criticisms",
        "features",
        "factors",
        "issues",
        "ideas",
        "terms",
        "characteristics",
        "findings",
        "arguments",
        "conditions",
        "details",
        "basics",
        "facts",
        "defences",
        "comparison",
        "differences",
        "similarities",
    ]
)

# "only work for ints", "also in sarcoplasm": an adverb before the verb of the line
_OPENING_ADVERBS = frozenset(
    ["only", "also", "always", "usually", "often", "never", "mainly", "mostly", "generally"]
)
# What follows a verb that could also be a plural noun ("stores ONE bit", "turns twice per
# glucose") and shows it is the verb: a count, a word in capitals, an adverb of how often.
_AFTER_VERB = frozenset(["once", "twice", "up", "down", "out", "off", "back"])
# "see Communications for uses", "remember to ...": the note-taker's word to the reader
_TO_THE_READER = frozenset(
    ["see", "cf", "compare", "remember", "note", "check", "learn", "revise", "know", "look"]
)
# "powers the Sun", "uses the patient's own peritoneum": a verb's object opening
_OBJECTS = frozenset(["the", "a", "an", "its", "their", "them", "it"])
# What follows a base form that could also be a noun ("form where ...", "scale to any size")
# and shows it is the verb.
_AFTER_BASE = frozenset(
    [
        *("the", "a", "an", "more", "less", "where", "when"),
        *("to", "into", "on", "at", "for", "with", "against", "by", "through", "without"),
        *("across", "between", "towards", "via"),
    ]
)
_AUXILIARY = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "can", "will", "may", "must", "should"]
)
# "invented by ...", "named after ...", "measured by ...": a passive line, its doer or source
_AFTER_PARTICIPLE = frozenset(["by", "after", "from"])
# Past participles that say how a thing is, in notes on how things are: "used in PET scanners",
# "found in the stroma", "stored as glycogen" (not a deed once done: "arrested for treason")
_STATE_PARTICIPLES = frozenset(
    [
        *("used", "found", "made", "produced", "stored", "formed", "released", "secreted"),
        *("controlled", "carried", "transported", "absorbed", "converted", "measured"),
        *("located", "situated", "arranged", "composed", "contained", "involved", "linked"),
        *("based", "needed", "required", "synthesised", "synthesized", "broken", "bound"),
        *("attached", "embedded", "surrounded", "covered", "filled", "lined", "joined"),
        *("connected", "expressed", "given", "shown", "seen", "known"),
    ]
)
MIN_UNLISTED_CHARS = 4
MAX_LABEL_WORDS = 5  # "reasons birth rate fell: ...": a label this long, then what it names
# "tests whether the difference ...", "explains how craving ...": what a verb says, opened by a
# word a noun is not followed by
_ASKED_AFTER = frozenset(["whether", "how", "why"])
# "repulsive below 0.5 fm", "used in PET scanners", "soluble in water": where, for what or
# against what a state holds
_AFTER_STATE = frozenset(
    ["in", "for", "to", "at", "on", "below", "above", "between", "within", "with", "as", "up"]
)
_YEAR = lazy_regex(r"\b(?:1[0-9]|20)\d\d\b")
_ARROW = lazy_regex(ARROW)

# "output 1 only if both inputs are 1", "used when C can't show what D did wrong": what the thing
# does, and on what condition
_CONDITIONED = lazy_regex(
    r"^(?P<does>[a-z][\w'-]*(?:\s+[^\s,;:()]+){0,3}?)\s+"
    r"(?P<when>(?:only\s+)?(?:if|when|unless)\s+\S.*)$"
)
# where the condition ends: what it leads to, an aside, a second clause, an example
_CONDITION_END = lazy_regex(
    r"\s*(?:->|=>|\u2192|;|\s[-\u2013\u2014]\s|\(|,\s+(?:so|which|and|i\.e\.|e\.g\.|eg|ie)\s)"
)
MIN_CONDITION_WORDS = 3
# "periods when the business needs finance", "cases where ...": a time a "when" says which of
_TIMES = frozenset(
    ["period", "periods", "time", "times", "moment", "moments", "case", "cases", "situations"]
)
_SEPARATOR = lazy_regex(r"[-\u2013\u2014=>\u2192]+")
# "invented by John von Neumann 1945": a deed done to the thing, its doer and its year
_DONE_BY = lazy_regex(
    r"^(?P<verb>[a-z]+)\s+(?P<by>by\s+[^,;:()\d]+?)"
    r"(?:\s+(?:in\s+)?(?P<year>(?:1[0-9]|20)\d\d))?\s*(?:$|[,;(])"
)
# "lasts approx 8-10 seconds", "takes about 2-3 mins": how long the thing goes on
_LASTS = lazy_regex(
    r"^(?:only\s+)?(?P<verb>last|take)s?\s+(?P<long>(?:(?:approx\.?|about|around|roughly|up\s+to|~)\s*)?"
    r"~?\d[\d.,]*(?:\s*[-\u2013]\s*\d[\d.,]*)?\s*"
    r"(?:s|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|yrs?))\b"
)
# "kills bacteria by breaking down their cell walls": what the thing does, and by what means
_BY_MEANS = lazy_regex(
    r"^(?P<verb>[a-z]+)\s+(?P<what>[^\s,;:()]+(?:\s+[^\s,;:()]+){0,3}?)\s+(?P<how>by\s+[a-z]+ing\s+[^;]+)$"
)
_ASKING = frozenset(["how", "why", "what", "when", "where", "which", "who"])


def heading_thing(heading: str) -> str:
    """The thing a heading names, as the subject of the lines under it: "2) BUBBLE SORT" ->
    "Bubble sort", "NOT  (inverter)" -> "NOT", "ATP-PC system"; "" for a heading that names
    none: a label for a kind of point ("Main criticisms", "Key points"), a question, a date,
    two things ("Exchange rate & BOP")."""
    text = _NUMBERING.sub("", DASH.split(heading.strip())[0])
    text = _CLOSING_ASIDE.sub("", text).strip(" :*_#")
    tokens = words(text)
    if not 1 <= len(tokens) <= MAX_THING_WORDS or _NOT_ONE_THING.search(text):
        return ""
    if " of " in text:
        return ""  # "Assassination of Lincoln", "Causes of WW1": an event or a part of a thing
    folded = [token.casefold() for token in tokens]
    shouted = text.isupper()
    if any(token in GENERIC_SECTIONS for token in folded):
        return ""
    if len(tokens) == 1 and (is_plural(text) or set(lemmas(folded[0])) == {"ADJ"}):
        return ""  # "Demands", "Defences": the kind of item listed; "episodic": a kind of what?
    if any(token in LABEL_WORDS and not (shouted and is_stopword(token)) for token in folded):
        return ""  # (but "AND", "OR": a gate, an operator in capitals)
    if folded[-1] in _KINDS_OF_POINT or is_label_phrase(text):
        return ""
    if not shouted and all(is_stopword(token) for token in folded):
        return ""
    if folded[0] in _ASKING or any(
        is_verb_form(token) and not _names_doing(tokens, at) for at, token in enumerate(tokens)
    ):
        return ""  # "How ice moves", "Things I keep getting wrong": a heading that says something
    if len(tokens) > 1 and not shouted and set(lemmas(folded[0])) == {"VERB"}:
        return ""  # "Define electronegativity", "avoid deadlock": an order, not a thing
    if shouted and (len(tokens) > 1 or len(text) > MAX_ACRONYM_CHARS):
        text = capitalised(text.casefold())
    return text


def said_of(thing: str, fragment: str) -> str:
    """The line as a sentence about `thing`, or "" where it is no predicate agreeing with it:
    "swaps adjacent pairs ..." under "Bubble sort" -> "Bubble sort swaps adjacent pairs ...";
    "become red supergiants" under "High-mass stars" -> "High-mass stars become red
    supergiants"; "invented by John von Neumann 1945" under "Merge sort" -> "Merge sort was
    invented by John von Neumann 1945"."""
    tokens = fragment.split()
    if not thing or len(tokens) < 2 or not fragment[:1].islower():
        return ""
    if any(token.endswith(":") for token in tokens[:MAX_LABEL_WORDS]):
        return ""  # "come from: ...", "reasons birth rate fell: ...": a label over what follows
    if ";" in fragment and len(fragment.split(";")[0].split()) <= MAX_PART_WORDS:
        return ""  # "strings the core; woodwind in pairs": the thing's parts, one by one
    at = 1 if tokens[0] in _OPENING_ADVERBS and len(tokens) > 2 else 0
    verb = tokens[at]
    if not verb.isalpha() or not verb.islower() or verb in _TO_THE_READER:
        return ""  # "causes: diabetes, ...": a label, not a verb
    after = tokens[at + 1].strip("(),.;")
    if _SEPARATOR.fullmatch(after):
        return ""  # "meanders - fastest flow ...": a term and what it is, no verb
    plural = is_plural(thing)
    parts = lemmas(verb)
    if verb_base(verb, "VBZ") and not plural:
        if "NOUN" not in parts or _shows_verb(after) or _describes(after) or after in _OBJECTS:
            return f"{thing} {fragment}"
        if _names_object(after) and not _AUXILIARY.intersection(tokens[at + 2 :]):
            return f"{thing} {fragment}"  # "kills bacteria by ..." ("sales figures are ...")
        if _unlisted(after) and not _AUXILIARY.intersection(tokens[at + 2 :]):
            return f"{thing} {fragment}"  # "holds nucleons together": a subject's own word
        if after in _ASKED_AFTER or (after == "to" and _bare_verb(tokens[at + 2 : at + 3])):
            return f"{thing} {fragment}"  # "tests whether ...", "helps to identify ..."
        return ""
    # (not "last glacial maximum ...": a word that is an adjective as well opens a noun phrase)
    base = plural and verb in parts.get("VERB", ()) and "ADJ" not in parts
    if base and ("NOUN" not in parts or after in _AFTER_BASE or _describes(after)):
        return f"{thing} {fragment}"
    if at == 0 and after in _AFTER_PARTICIPLE and _participle(verb) and not _YEAR.search(fragment):
        # (a deed with its date, "passed by Congress in July 1864", is asked for when; who did
        # it is `who_did_it`)
        return f"{thing} {'are' if plural else 'is'} {fragment}"
    said_like = at == 0 and _said_like(verb, after, thing) and not _YEAR.search(fragment)
    if said_like and not _ARROW.search(fragment):
        # "repulsive below about 0.5 fm" under "Strong nuclear force", "used in PET scanners"
        # under "Positron annihilation": what the thing is, or what is done with it ("colourless
        # in acid -> pink in alkali" is a change, no one state)
        return f"{thing} {'are' if plural else 'is'} {fragment}"
    return ""


def in_lower_case(line: str) -> str:
    """A line that opens on a capital only as lines are typed ("Used when Bank Rate is close
    to zero", "Explains how craving leads to rebirth") in lower case, as its heading's lines
    are said; any other line as it is: a name or a noun opens a subject of its own ("Sales
    figures are ..."), a verb's bare form an order ("Use a pipette"); whether a word that may
    be a plural noun ("Shows revenue ...") is the verb, `said_of` reads from what follows."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    if not first.isalpha() or not first[:1].isupper() or not first[1:].islower():
        return line
    word = first.casefold()
    parts = lemmas(word)
    if word in parts.get("VERB", ()) or not parts:
        return line
    if verb_base(word, "VBZ") or word in _STATE_PARTICIPLES or set(parts) == {"ADJ"}:
        return word + line.lstrip()[len(first) :]
    return line


def _said_like(word: str, after: str, thing: str) -> bool:
    """ "repulsive below", "soluble in", "used in", "found in": an adjective or a past
    participle, then where or how it holds, the thing's state or what is done with it; not a
    superlative ("shortest of the tragedies": one of several) or a past tense that differs
    from its participle ("went to"), nor a deed in the past ("arrested for treason", "ended
    with the Compromise")."""
    if after not in (*_AFTER_STATE, "of") or word.endswith("est"):
        return False
    if word in _STATE_PARTICIPLES:
        # ("used to": what was once done; "found in" under a person's name: what they found)
        return after != "to" and not _named(thing)
    if after == "of":
        return False  # ("full of", "typical of": how it compares, not a state of its own)
    return set(lemmas(word)) == {"ADJ"}


def _bare_verb(following: list[str]) -> bool:
    """ "identify" after "helps to": a verb's bare form ("changes to the law" names a change)."""
    word = following[0].casefold() if following else ""
    return word.isalpha() and word in lemmas(word).get("VERB", ())


def _unlisted(word: str) -> bool:
    """ "nucleons", "chloroplasts": a word in lower case the lexicon does not hold, a subject's
    own term, the object of the verb before it."""
    if len(word) < MIN_UNLISTED_CHARS or ABBREVIATION_END.search(f" {word}."):
        return False  # "rebels approx 30,000": a word written short, no object
    return word.isalpha() and word.islower() and not lemmas(word) and not is_stopword(word)


def _named(thing: str) -> bool:
    """ "Ludwig van Beethoven", "Slim": a name (a person's, a place's), over lines in the past
    ("born in Bonn") that a present tense would misstate."""
    tokens = thing.split()
    return all(token[:1].isupper() for token in tokens) and not lemmas(tokens[-1].casefold())


def _shows_verb(word: str) -> bool:
    """ "ONE", "2", "twice": a word after "stores", "turns" that makes it a verb, not a noun."""
    return (
        word.isdigit()
        or word.casefold() in NUMBER_WORDS
        or word.casefold() in _AFTER_VERB
        or (len(word) > 1 and word.isupper())
    )


def _names_object(word: str) -> bool:
    """ "bacteria", "glucose": a noun and nothing else, the object of a verb before it."""
    parts = lemmas(word.casefold())
    return "NOUN" in parts and "VERB" not in parts and word.isalpha() and not is_stopword(word)


def _describes(word: str) -> bool:
    """ "adjacent", "heavier": an adjective and nothing else, which a noun seldom comes before
    and a verb's object often opens on."""
    parts = lemmas(word.casefold())
    return set(parts) == {"ADJ"}


def _names_doing(tokens: list[str], at: int) -> bool:
    """ "Quantitative Easing", "Global warming": a doing named by the word before it, the
    last word of a name (but "Things I keep getting wrong" says something)."""
    word = tokens[at].casefold()
    if at != len(tokens) - 1 or not at or not word.endswith("ing"):
        return False
    before = tokens[at - 1].casefold()
    return not is_verb_form(before) and not is_stopword(before)


def _participle(word: str) -> bool:
    """ "invented", "named", "broken": a past participle, not a past tense that differs from it
    ("became", "went")."""
    return bool(verb_base(word, "VBN") or (word.endswith("ed") and verb_base(word, "VBD")))


def when_it_does(thing: str, fragment: str) -> tuple[str, str] | None:
    """ "output 1 only if BOTH inputs are 1" under "AND" -> "When does AND output 1?" ::
    "Only if BOTH inputs are 1"; "used when C can't show what D did wrong" under "Res ipsa
    loquitur" -> "When is res ipsa loquitur used?". None for a line that is no verb of the thing
    and the condition it holds on."""
    match = _CONDITIONED.match(fragment.strip().rstrip("."))
    if not thing or not match:
        return None
    does = match["does"].split()
    verb = does[0]
    if any(is_verb_form(word) or verb_base(word, "VBZ") for word in does[1:]):
        return None  # "emf induced when ...", "time runs from when ...": a subject of its own
    if any(_SEPARATOR.fullmatch(word) for word in does):
        return None  # "herd immunity - if enough are vaccinated ...": a term and its meaning
    last = lemmas(does[-1].casefold())
    if len(does) > 1 and "VERB" in last and "NOUN" not in last:
        return None  # "learn to recognize when ...": what is recognised, not when
    if does[-1].casefold() in _TIMES:
        return None  # "helps to identify periods when ...": which periods, not when
    when = _CONDITION_END.split(match["when"], maxsplit=1)[0].strip().rstrip(",.")
    if not MIN_CONDITION_WORDS <= len(words(when)) <= MAX_ANSWER_WORDS:
        return None
    shown = " ".join(lower_first(thing.split()))
    plural = is_plural(thing)
    parts = lemmas(verb)
    base = verb_base(verb, "VBZ")
    if base and not plural:
        asked = f"When does {shown} {base}"
    elif verb in parts.get("VERB", ()) and not verb.endswith("ed"):
        # "output 1 if ...": the note-taker's bare verb, read as the thing's
        asked = f"When {'do' if plural else 'does'} {shown} {verb}"
    elif _participle(verb) and len(does) == 1:
        asked = f"When {'are' if plural else 'is'} {shown} {verb}"
    else:
        return None
    rest = " ".join(does[1:])
    return finish_question(f"{asked} {rest}"), capitalised(when)


def who_did_it(thing: str, fragment: str) -> tuple[str, str] | None:
    """ "invented by John von Neumann 1945" under "Merge sort" -> "Who invented merge sort in
    1945?" :: "John von Neumann"; None where the line names no one who did it ("measured by
    electron diffraction")."""
    match = _DONE_BY.match(fragment.strip())
    if not thing or not match or not _participle(match["verb"]) or "." in match["by"]:
        return None
    shown = " ".join(lower_first(thing.split()))
    asked = done_by(shown, match["verb"], match["by"], match["year"] or "")
    return (asked[0].front, asked[0].back) if asked else None


def how_long(thing: str, fragment: str) -> tuple[str, str] | None:
    """ "lasts approx 8-10 seconds" under "ATP-PC system" -> "How long does ATP-PC system
    last?" :: "Approx 8-10 seconds"."""
    match = _LASTS.match(fragment.strip())
    if not thing or not match or is_plural(thing):
        return None
    shown = " ".join(lower_first(thing.split()))
    return f"How long does {shown} {match['verb']}?", capitalised(match["long"])


def how_it_does(thing: str, fragment: str) -> tuple[str, str] | None:
    """ "kills bacteria by breaking down their cell walls" under "Penicillin" -> "How does
    penicillin kill bacteria?" :: "By breaking down their cell walls"."""
    match = _BY_MEANS.match(fragment.strip().rstrip("."))
    if not thing or not match or is_plural(thing) or not said_of(thing, fragment):
        return None
    base = verb_base(match["verb"], "VBZ")
    how = _CONDITION_END.split(match["how"], maxsplit=1)[0].strip().rstrip(",.")
    if not base or not MIN_CONDITION_WORDS <= len(words(how)) <= MAX_ANSWER_WORDS:
        return None
    shown = " ".join(lower_first(thing.split()))
    return finish_question(f"How does {shown} {base} {match['what']}"), capitalised(how)


def what_it_is_like(thing: str, fragment: str) -> tuple[str, str] | None:
    """ "like 2 switches in SERIES" under "AND" -> "What is AND like?" :: "2 switches in
    SERIES": the likeness the notes draw."""
    text = fragment.strip().rstrip(".;")
    if not thing or not text.startswith("like ") or _CONDITION_END.search(text):
        return None
    likeness = text.removeprefix("like ").strip()
    if not 2 <= len(words(likeness)) <= MAX_ANSWER_WORDS or _says_something(likeness):
        return None  # "like charges repel, unlike charges attract": a rule, no likeness
    shown = " ".join(lower_first(thing.split()))
    front = finish_question(f"What {'are' if is_plural(thing) else 'is'} {shown} like")
    return front, capitalised(likeness)


def _says_something(text: str) -> bool:
    """ "charges repel, unlike charges attract": a verb of its own, not a noun phrase."""
    for word in words(text.casefold()):
        parts = lemmas(word)
        verb = verb_base(word, "VBZ") or word in parts.get("VERB", ())
        if verb and "NOUN" not in parts:
            return True
    return False
