"""A named field asked of the thing it describes: a table's column of its row ("What is the
function of mitochondria?"), a case study's "**magnitude**: 8.8" of the case it sits under."""

from __future__ import annotations

import re
from collections.abc import Callable

from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.grammar import (
    PREPOSITIONS,
    capitalised,
    finish_question,
    lemmas,
    participle_base,
    verb_base,
)
from revise.generation.language import CASE_LABEL, is_rare
from revise.generation.patterns import lazy_regex
from revise.generation.questions import states_about


def plural_noun(word: str) -> bool:
    if len(word) > 1 and word.isupper():
        return False  # "HTTPS", "DNS": an acronym, not a plural
    if re.search(r"['\u2019]s$", word):
        return False  # "Young's", "the UK's": one thing's own, not many things
    lower = word.casefold()
    known = lemmas(lower)  # a word the dictionary does not know is a term: "ribosomes"
    return (
        lower.endswith("s")
        and not lower.endswith(("ss", "us", "is"))
        and (not known or "NOUN" in known)
    )


_HEADER_CLAUSE = lazy_regex(
    r"^(where|when|how|why|who|what)\s+(?:it|they)\s+(is|are|was|were)\s+(.+)$", re.I
)


def kind_of(label: str, first_header: str) -> bool:
    """ "destructive" under "Margin", "giant ionic" under "Structure": describing words whose
    noun is the column's name."""
    said = label.casefold().split()
    if not 1 <= len(said) <= 2 or len(first_header.split()) != 1 or not first_header.isalpha():
        return False
    if first_header.casefold() in _ANY_THING:
        return False  # "| Quantity |" over "| current |": the row names its own thing
    parts, noun = [lemmas(word) for word in said], lemmas(first_header.casefold())
    if len(said) > 1 and "NOUN" in parts[-1]:
        return False  # "natural selection": a thing's own name, its last word a noun
    # ("ionic", "covalent": describing words the dictionary does not know, by their ending)
    unknown = not parts[-1] and re.search(_ADJECTIVE_ENDING, said[-1]) is not None
    return (
        ("ADJ" in parts[-1] or unknown)
        and all({"ADJ", "NOUN"} & set(part) for part in parts[:-1])  # "giant ionic"
        and "NOUN" in noun
        and (not plural_noun(first_header.casefold()))
    )


_DONE_TO = lazy_regex(r"(?:ed|en)$")
_ADJECTIVE_ENDING = r"(?:ic|al|ous|ive|ent|ant|ar|ful|less|able|ible)$"
_ANY_THING = frozenset(
    ["quantity", "term", "name", "word", "item", "thing", "concept", "variable", "keyword"]
)
_DOES_HEADER = lazy_regex(r"^(what|how|why|where|when)\s+(it|they)\s+(\w+)(.*)$", re.I)
_ASKING_HEADER = lazy_regex(r"^(?:what|how|why|where|when|who)\s+\w+$", re.I)
# "Why", "How", "When/where", "How to remember": a column named by the question it answers
WH_HEADER = lazy_regex(r"^(?:what|how|why|where|when|who|which)\b", re.I)


def column_question(header: str, subject: str) -> str:
    """What a table column asks of its row: "Function" -> "What is the function of X?",
    "Products" -> "What are the products of X?", "Where it is made" -> "Where is X made?",
    "Tests for" -> "What does X test for?", "Used for" -> "What is X used for?",
    "Why" -> "X: why?" (never "What is the why of X?")"""
    if _ASKING_HEADER.match(header.strip()):
        named = re.sub(r"^(?:a|an)\s+", "", subject)  # "Destructive margin: what happens?"
        return f"{capitalised(named)}: {header.strip().lower()}?"  # "What happens" as a header
    clause = _HEADER_CLAUSE.match(header.strip())
    if clause:
        return finish_question(
            f"{clause[1].capitalize()} {clause[2].lower()} {subject} {clause[3]}"
        )
    does = _DOES_HEADER.match(header.strip())
    they = bool(does) and does[2].casefold() == "they"
    base = does and (verb_base(does[3].casefold(), "VBZ") or (they and does[3].casefold()))
    if does and base and base not in ("be", "is", "are"):
        # "What it does" -> "What does HTTPS do?", "How it works" -> "How does X work?"
        aux = "do" if plural_noun(subject.split()[-1]) else "does"
        return finish_question(f"{does[1].capitalize()} {aux} {subject} {base}{does[4]}")
    if WH_HEADER.match(header.strip()):
        # "Why" over "August 2023" -> "August 2023: why?": the row's own question, in its word
        return _header_asked(header, subject)
    first, _, rest = header.strip().partition(" ")
    if rest.casefold() in PREPOSITIONS and participle_base(first.casefold()):
        # "Used for" -> "What is HTTP used for?", "Used in" -> "What are enzymes used in?"
        verb = "are" if plural_noun(subject.split()[-1]) else "is"
        return f"What {verb} {subject} {first.casefold()} {rest.casefold()}?"
    base = verb_base(first.casefold(), "VBZ")
    verb_like = "NOUN" not in lemmas(first.casefold()) or rest.casefold() in PREPOSITIONS
    if base and verb_like:
        return finish_question(f"What does {subject} {base} {rest}")
    last = lemmas(header.split()[-1].casefold())
    if last and not {"NOUN", "ADJ"} & set(last):
        # "Main thing that happens": no noun to ask "What is the ... of X?" of ("Singular",
        # "Plural": a describing word that names its column, "What is the plural of ...?")
        return _header_asked(header, subject)
    verb = "are" if plural_noun(head_noun(header)) else "is"
    return f"What {verb} the {lower_initial(header)} of {subject}?"


# "Known for", "Famous for": a column of what each row is remembered by, a loose handful of
# words that no question about the row can expect word for word; the row is asked from them
# (a cell of two statements, "rural scenes; only one in every show", is asked as it stands)
REPUTED = r"(?:known|famous|noted|remembered|renowned|celebrated)\s+(?:for|as)"
_REPUTATION = lazy_regex(rf"^(?:(?:best|most|mainly|chiefly)\s+)?{REPUTED}$", re.I)


def reputation_question(header: str, kind: str, cell: str) -> str:
    """ "Known for" over "ballet dancers, pastel" in a table whose rows are headed "Artist" ->
    "Which artist is known for ballet dancers, pastel?": which row the column's words pick out
    (the row's name is the one answer); "" for any other column, or rows headed by no noun."""
    said = header.strip()
    if not _REPUTATION.match(said) or not cell.strip() or ";" in cell:
        return ""
    named = kind.strip().split()
    if not 1 <= len(named) <= MAX_FIELD_WORDS or "NOUN" not in lemmas(named[-1].casefold()):
        return ""
    last = lemmas(named[-1].casefold())["NOUN"][0] if plural_noun(named[-1]) else named[-1]
    thing = " ".join([*named[:-1], last])
    return f"Which {lower_initial(thing)} is {said.casefold()} {cell.strip().rstrip('.')}?"


def head_noun(phrase: str) -> str:
    """ "antibodies in plasma" -> "antibodies", "number of divisions" -> "number": the word a
    phrase's verb agrees with, before what qualifies it."""
    head = re.split(r"\s+(?:of|in|on|for|per|to|from|at|by|with)\s+", phrase.strip(), maxsplit=1)
    said = head[0].split() or [phrase]
    if len(said) > 1 and _DONE_TO.search(said[-1]) and "NOUN" not in lemmas(said[-1].casefold()):
        return said[-2]  # "forces broken on melting", "energy released": what was done to it
    return said[-1]


def _header_asked(header: str, subject: str) -> str:
    """ "PCT: how?", "Why (March 2009)?": a column's header asked of its row as it stands."""
    named, asked = re.sub(r"^(?:a|an)\s+", "", subject), header.strip().rstrip("?")
    if named[-1:].isdigit():  # "March 2009: why?" would read as a law report's page
        return f"{capitalised(lower_initial(asked))} ({capitalised(named)})?"
    return f"{capitalised(named)}: {lower_initial(asked)}?"


def lower_initial(text: str) -> str:
    """ "Function" -> "function", but "ATP yield" stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


MAX_FIELD_WORDS = 3
MIN_CUT_ANSWER_WORDS = 3
_FIELD = lazy_regex(r"^(?P<field>[A-Za-z][A-Za-z'/ -]{0,40}?)\s*:\s+(?P<value>\S.*)$")


def names_a_field(item: str) -> bool:
    """ "Date: 14 October 1066", "Winner: William": a field of a few common words and its value."""
    match = _FIELD.match(item)
    tokens = match["field"].casefold().split() if match else []
    return 1 <= len(tokens) <= MAX_FIELD_WORDS and all(lemmas(token) for token in tokens)


def case_subject(heading: str, names: frozenset[str]) -> str:
    """ "Chile 2010", "Case study: Boscastle flood 2004": a heading that names one case, whose
    "**date**:", "**magnitude**:" lines describe it; "" for "Effects + responses"."""
    text = CASE_LABEL.sub("", heading.strip().rstrip(" :"))
    dated = re.search(r"\s\((?:c\.\s?)?\d{4}[a-z]?\)$", text)  # "Milgram (1963)": a study
    tokens = (text[: dated.start()] if dated else text).split()
    if not 1 <= len(tokens) <= MAX_FIELD_WORDS + 1 or not text[:1].isupper():
        return ""
    if re.search(r"[+&,;()]|\bvs\.?\b", text[: dated.start()] if dated else text):
        return ""
    # ("Battle of Hastings", "Treaty of Versailles": a name inside makes the whole a name)
    named = any(
        not lemmas(token.casefold()) or token.casefold() in names
        for index, token in enumerate(tokens)
        if index == 0 or (token[:1].isupper() and not token.isupper())
    )  # (but "Structure of DNA" is a topic: an acronym names no one thing)
    return text if named or re.search(r"\b\d{4}\b", text) else ""


def _named_with_the(subject: str) -> str:
    """ "Battle of Hastings" -> "the Battle of Hastings": a name made of a common noun and what
    it is of takes "the" ("Domesday Book", "William's coronation" take none)."""
    first = subject.split()[0]
    common = first[:1].isupper() and "NOUN" in lemmas(first.casefold())
    return f"the {subject}" if common and " of " in subject else subject


# Labels that name no property a thing has: "Detail: ...", "Note: ...", "What: ...", "Eval: ..."
# only say that a statement about the thing follows, so there is no "What is the detail of X?"
# to ask; the statement is carded as it stands, without its label.
STATEMENT_LABELS = frozenset(
    ["detail", "details", "note", "notes", "nb", "what", "info", "information", "comment",
     "comments", "misc", "extra", "extras", "also", "eval", "evaluation", "ao3", "point",
     "points", "key point", "key points", "description", "summary", "other",
     "more", "fact", "facts", "key fact", "key facts", "further"]
)  # fmt: skip


# Describing words that name one version of a theory or model: "Original:", "Revised:"
_VERSIONS = frozenset(["original", "revised", "modern", "classic", "classical", "updated"])
# Labels a field question is asked by ("Battle of Hastings: who?"), but which left on a
# statement are residue: "Result: William marched north and built castles"
RESIDUE_LABELS = STATEMENT_LABELS | {"who", "result", "results", "outcome", "outcomes"} | _VERSIONS


def unlabelled(sentence: str, labels: frozenset[str] = STATEMENT_LABELS) -> str:
    """ "Detail: Harold marched his army 185 miles" -> "Harold marched his army 185 miles": a
    statement without the label that only says a statement follows; "" for any other line."""
    match = _FIELD.match(sentence)
    if not match or match["field"].strip().casefold() not in labels:
        return ""
    value = match["value"].strip()
    return capitalised(value) if len(value.split()) >= MIN_CUT_ANSWER_WORDS else ""


# "carried out in 1086", "created in 1079": a thing done, and the year or date it was done
_DONE_WHEN = lazy_regex(
    r"^(?P<done>[a-z]+(?:ed|en|t)(?:\s+(?:out|up|down|off))?)\s+(?:in|on)\s+"
    r"(?P<when>(?:\d{1,2}\s+[A-Z][a-z]+\s+)?\d{3,4})$"
)
_DATE_FIELDS = frozenset(["date", "dates", "when", "year", "time"])
_PLACE_FIELDS = frozenset(["location", "place", "where", "site"])


def clause_parts(subject: str) -> tuple[str, str, str] | None:
    """ "William lands at Pevensey" -> ("William", "land", "at Pevensey"): a heading that is a
    clause (a name, then its verb in the present), not the name of a thing."""
    tokens = subject.split()
    for index, token in enumerate(tokens[1:4], start=1):
        if not all(word[:1].isupper() for word in tokens[:index]):
            return None
        if not token.islower():
            continue
        base = verb_base(token, "VBZ")
        after = tokens[index + 1].casefold() if index + 1 < len(tokens) else ""
        noun = "NOUN" in lemmas(token)
        if base and (not noun or after in PREPOSITIONS or after in _DETERMINERS):
            return " ".join(tokens[:index]), base, " ".join(tokens[index + 1 :])
        return None
    return None


_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "to"])


def clause_question(field: str, subject: str) -> str | None:
    """ "date" of "William lands at Pevensey" -> "When did William land at Pevensey?": a
    clause asked by its field's question word; "" where the field takes no question word,
    None where the subject is no clause."""
    parts = clause_parts(subject)
    if not parts:
        return None
    who, base, rest = parts
    if field in _DATE_FIELDS:
        return finish_question(f"When did {who} {base} {rest}")
    if field in _PLACE_FIELDS and not re.match(r"(?:at|in|on|near)\b", rest):
        return finish_question(f"Where did {who} {base} {rest}")
    return ""  # ("What is the result of William lands at Pevensey?" reads as no question)


def field_question(
    sentence: str, subject: str, nouns_after: Callable[[str], list[str]]
) -> tuple[str, str] | None:
    """ "**magnitude**: 8.8" under "Chile 2010" -> ("What is the magnitude of Chile 2010?",
    "8.8"); "**primary**: ~500 deaths" -> "What are the primary effects of ...?", the noun a
    describing word leaves out read from the notes' own "primary effects" (`nouns_after`).
    A field is named by common words: "**thylakoids**: ..." is a term, asked as one."""
    match = _FIELD.match(sentence)
    if not match or not subject:
        return None
    field, value = match["field"].strip(), match["value"].strip()
    tokens = field.casefold().split()
    if not 1 <= len(tokens) <= MAX_FIELD_WORDS:
        return None
    if not all(lemmas(token) and not is_rare(token) for token in tokens):
        return None
    if " ".join(tokens) in STATEMENT_LABELS:
        return None  # "detail: ...": a statement of the thing, no property of it
    if len(tokens) == 1 and "ADJ" in lemmas(tokens[0]):
        nouns = nouns_after(tokens[0])  # "primary" -> "primary effects"
        if nouns:
            tokens.append(nouns[0])
        elif tokens[0] in _VERSIONS and len(value.split()) <= MAX_ANSWER_WORDS:
            # "Original: too much dopamine ..." under "Dopamine hypothesis": one version of
            # the thing itself, "What is the original dopamine hypothesis?"
            return f"What is the {tokens[0]} {lower_initial(subject)}?", capitalised(value)
        elif "NOUN" not in lemmas(tokens[0]):
            return None
    if states_about(field, value):
        return None  # "metals: rho increases with temperature": a statement, no field's value
    if re.match(r"(?:a|an)\s", value, re.I) and re.search(r"\b(?:that|which|who|whose)\b", value):
        return None  # "Cartel: a group of firms that agree to fix prices": what the word means
    if len(value.split()) > MAX_ANSWER_WORDS:
        value = re.split(r";\s+|\s[-\u2013\u2014]\s", value, maxsplit=1)[0].rstrip(" ,.")
        if len(value.split()) < MIN_CUT_ANSWER_WORDS:
            return None  # "intl aid - UK DEC appeal, ...": what is left says too little
    if not value or len(value.split()) > MAX_ANSWER_WORDS:
        return None
    done = _DONE_WHEN.match(value)
    if done and participle_base(done["done"].split()[0]) and len(tokens) == 1:
        # "survey: carried out in 1086" under "Domesday Book": the value says when the field's
        # thing was done, "When was the survey of Domesday Book carried out?"
        thing = _named_with_the(subject)
        verb = "were" if plural_noun(tokens[0]) else "was"
        asked = f"When {verb} the {tokens[0]} of {thing} {done['done'].casefold()}?"
        return asked, done["when"]
    clause = clause_question(" ".join(tokens), subject)
    if clause is not None:
        return (clause, capitalised(value)) if clause else None
    return column_question(" ".join(tokens), _named_with_the(subject)), capitalised(value)
