"""Facts, advice and guides: deciding what a line of notes is before it is carded.

A fact is a sentence with its verb (or a definition, a value, a formula) that a student could be
asked; advice ("Always show your working") and orders to the reader are not facts, and a passage
mostly made of them is a guide. A lead line says a fact of its own, or only announces the list
under it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from revise.generation.clauses import (
    PARTICLES,
    good_subject,
    quoted_line,
)
from revise.generation.cleaning import has_link, is_boilerplate, without_quotations
from revise.generation.content import not_content
from revise.generation.document import BlockKind
from revise.generation.events import (
    dated_name,
)
from revise.generation.grammar import (
    PREPOSITIONS,
    is_noun_phrase_word,
    lemmas,
    only_as,
    present_tense_verb,
    split_clause,
    states_clause,
    verb_base,
)
from revise.generation.language import (
    ARROW,
    MONTHS,
    PRONOUNS,
    TEXT_CACHE_SIZE,
    is_stopword,
    is_verb_form,
    words,
)
from revise.generation.patterns import lazy_regex
from revise.generation.plaintext import DATED_ENTRY, pair_shape
from revise.generation.questions import (
    DASH,
    FRONTING_WORDS,
    MODALS,
    RANKED,
    Shape,
    capital,
    definition,
    formula,
    plural_then_verb,
    quantity_value,
    reaction,
)
from revise.generation.structure import (
    LIST_COUNT,
    Outline,
    Passage,
)
from revise.generation.subjects import (
    MAX_LABEL_WORDS,
    MAX_SUBJECT_LABEL_WORDS,
)
from revise.generation.targets import (
    MONEY,
    OPENING_DATE,
    TIMELINE_DATE,
)
from revise.generation.tidying import (
    MIN_FACT_WORDS,
    sentences,
)
from revise.maths import MATHS_FUNCTIONS

MIN_DATED_WORDS = 3  # "1779 Spain joins": a date and what happened, more than a date and a word
MIN_PRESENT_TENSE_WORDS = 10  # a paragraph this long with a present-tense verb is a sentence


_META = lazy_regex(
    r"\b(this (article|essay|post|page|section|chapter|guide|blog)|in this (article|essay|post"
    r"|section)|we will|will (delve|explore|discuss|examine|look at)|let's|let us|read on"
    r"|as mentioned)\b",
    re.I,
)
_LATEX = lazy_regex(r"\$|\\[A-Za-z]+|\\[\[\](){}]|[_^]\{")
ADVICE_SHARE = 0.25  # notes with this share of advice and instructions are a guide, not facts
_FIGURE = lazy_regex(
    r"\b(?:fig(?:ure)?s?(?:\.?\s*\(?\d|(?:\.\s*|\s+)\(?[a-z]\b|\s*\([a-z]\))"
    r"|(?:the\s+)?(?:diagram|picture|image|graph)\s+(?:above|below)"
    r"|shown\s+(?:above|below))",
    re.I,
)
_LEGEND = lazy_regex(r":\s*([^\W\d]{1,2}[^\s\d]?)\s*\.?$")


# A quotation alone that opens in lower case: a phrase lifted from a line, no one named
_PHRASE_QUOTED = lazy_regex(r'["\u201c\u2018][a-z][^"\u201d]*["\u201d\u2019][.!?]?')


def is_fact(sentence: str, kind: BlockKind, terms: tuple[str, ...] = ()) -> bool:
    tokens = words(sentence)
    # "1948 - Berlin Blockade", "17 june - third estate declares itself the national assembly"
    dated = bool(DATED_ENTRY.match(sentence) or TIMELINE_DATE.match(sentence)) and len(tokens) > 1
    # "1777-78 winter at Valley Forge - ...", "Feb 1763 Treaty of Paris - ...": a timeline's
    # line, its date and the event named after it
    dated = dated or bool(OPENING_DATE.match(sentence) and len(tokens) > MIN_DATED_WORDS)
    # "dN/dt = -λN", "T_(1/2) = (ln 2)/λ": a formula in symbols is a fact however few its
    # words ("fuel = glycogen/glucose" names things, a label and its value)
    short = len(tokens) < MIN_FACT_WORDS and not dated and not in_symbols(sentence)
    short = short and not (len(tokens) > 1 and _clause_with_figure(sentence))
    short = short and not quantity_value(sentence)  # "Surface temperature: 5,800 K"
    short = short and not dated_name(sentence)  # "The Korean War (1950-1953)": when it was
    # "**antinodes** = max amplitude": the author's term and what it is, however short, and
    # "phenotypic ratio **9 : 3 : 3 : 1**": a quantity named, then the value the author marked
    short = short and not (
        len(tokens) > 1
        and (_opens_on_defined_term(sentence, terms) or _ends_on_marked_value(sentence, terms))
    )
    # "- nucleolus disappears" under "Prophase": a point saying what a thing does
    short = short and not (kind is BlockKind.ITEM and does_without_object(sentence))
    # '"We will proceed no further ..." (1.7) Macbeth -> hallucination or ...?': a line someone
    # says, with the writer's notes on it; neither is advice or talk about the notes
    said = quoted_line(sentence) is not None
    own = without_quotations(sentence) if said else sentence
    if short or has_link(sentence) or _META.search(own):
        return False
    if is_advice(sentence) and not said:
        return False
    if _PHRASE_QUOTED.fullmatch(sentence.strip()):
        return False  # '"false creation, / Proceeding from ..."': words of a line, said by no one
    if sentence.rstrip().endswith(":") and not defines(sentence):
        return False  # a line that only introduces what follows
    if _LATEX.search(re.sub(MONEY, "", sentence)):
        return False  # maths that could not be written as plain text
    if _FIGURE.search(sentence):
        return False  # "figure(d) has no deadlock": the card would need the picture
    legend = _LEGEND.search(sentence)
    if legend and not lemmas(legend[1].casefold()):
        return False  # "Change in Temperature: ΔT": what a symbol stands for, a formula's legend
    if is_boilerplate(sentence):
        return False
    if kind is BlockKind.TEXT:
        # A full stop after six words marks a sentence, as does a verb in the present tense
        # that cannot be read as a noun ("transactions ... represent a demand").
        full_sentence = len(tokens) >= 6 and sentence.rstrip().endswith((".", "!", "?"))
        # "Price = the amount customers pay": "=" is the note-taker's "is" (once: more is a sum)
        equates = " = " in sentence and sentence.count("=") == 1
        # "**Constructive waves**: low, long wavelength, ...": the author's term, what it is
        pairs = bool(pair_shape(sentence)) and any(
            re.match(rf"{re.escape(term)}\s*(?::|\s[-\u2013\u2014=])", sentence) for term in terms
        )
        # '"Girls of that class" - Mrs Birling, Act 2': a quotation and who says it
        quoted = quoted_line(sentence) is not None
        if full_sentence or equates or pairs or quoted or dated or any(map(is_verb_form, tokens)):
            return True
        if _glossed(sentence):
            return True
        if reaction(sentence):
            return True  # "Overall equation: 6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂": what it makes
        if split_clause(sentence) is not None:
            # "Iron melts at 1538 °C.", "Hindenburg used Article 48 to pass laws without the
            # Reichstag": a sentence with its verb, a full stop or none as notes are typed
            return True
        if states_clause(sentence):
            return True  # "Chloroplasts absorb light for photosynthesis": a fact, stop or none
        order = is_imperative(sentence[:1].upper() + sentence[1:])
        long_enough = len(tokens) >= MIN_PRESENT_TENSE_WORDS and not order
        return long_enough and any(_present_verb(token) for token in tokens)
    return True


# "world city - city with huge influence over ...", "site and service scheme: govt provides a
# plot ...": a line of a glossary, its term then a dash or a colon, and a meaning that opens
# as a description does, in lower case or on an article ("Name: Priya S." names no meaning)
_GLOSS = lazy_regex(
    r"^[^\s:=]+(?:\s+[^\s:=]+){0,4}?(?::|\s[-\u2013\u2014]+)\s+(?:[a-z]|(?:A|An|The)\s)"
)


def _glossed(sentence: str) -> bool:
    """A line that gives a term and what it means, unmarked ("commuter - person who travels
    from home to work each day"): a fact as a bold term's line is, verb or no verb."""
    if not _GLOSS.match(sentence):
        return False
    # (an order of things, "Order: lone pair-lone pair > ...", is no meaning of a term)
    asked = definition(sentence, (), frozenset())
    return any(
        question.shape == Shape.DEFINITION
        and not question.hidden
        and not RANKED.match(question.back)
        for question in asked
    )


def _opens_on_defined_term(sentence: str, terms: tuple[str, ...]) -> bool:
    """ "**antinodes** = max amplitude", "**Mitosis**: ...": a line that opens on a term the
    author emphasised, then says what it is."""
    return any(
        re.match(rf"{re.escape(term)}\s*(?:=|:|\s[-\u2013\u2014]\s)\s*\w", sentence, re.I)
        for term in terms
    )


def _ends_on_marked_value(sentence: str, terms: tuple[str, ...]) -> bool:
    """ "phenotypic ratio **9 : 3 : 3 : 1**": a line that ends on a value the author marked
    (however it is spaced)."""
    squeezed = "".join(sentence.split())
    return any(
        re.search(r"\d", term) and squeezed.endswith("".join(term.split())) for term in terms
    )


def _clause_with_figure(sentence: str) -> bool:
    """ "Armistice signed 11 Nov 1918", "Hyde replied offering £950": a subject, its verb and
    a date or figure, a whole fact though its numbers count as no words."""
    clause = split_clause(sentence)
    return clause is not None and any(re.search(r"\d", word) for word in clause.rest)


def in_symbols(sentence: str) -> bool:
    """ "F = ma", "T_(1/2) = (ln 2)/λ", "max HR = 220 - age": a formula whose side is symbols
    or numbers, not words."""
    asked = formula(sentence)
    if not asked or not asked[0].front.endswith(("= ?", "\u2248 ?")):
        return False
    side = asked[0].back
    if APPLIED_FUNCTION.match(asked[0].front):
        return True  # "sin θ = opp/hyp": a function of a symbol, whatever its side says
    # ("IsVs / IpVp": symbols run together, each a capital and its subscript letter)
    return bool(re.search(r"\d", side)) or all(
        len(word) <= 2 or word in MATHS_FUNCTIONS or re.fullmatch(r"(?:[A-Z][a-z]?)+", word)
        for word in re.findall(r"[A-Za-z]+", side)
    )


def _present_verb(word: str) -> bool:
    lower = word.casefold()
    parts = lemmas(lower)
    if "VERB" not in parts or "NOUN" in parts or "ADJ" in parts or is_stopword(lower):
        return False
    return bool(verb_base(lower, "VBZ") or verb_base(lower, "VBP"))


def defines(sentence: str) -> bool:
    """ "The foreign exchange market is the market in which currencies are bought and sold:"
    says what a thing is before what follows it."""
    statement = sentence.rstrip().rstrip(":")
    if ":" in statement or not re.search(r"\s(?:is|are)\s", statement):
        return False  # "Exception: adverts ... ARE offers:": a label, then what follows
    return any(
        question.shape == Shape.DEFINITION for question in definition(statement, (), frozenset())
    )


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_advice(sentence: str) -> bool:
    """Words to the reader rather than facts: study and exam advice, instructions, questions."""
    text = sentence.strip()
    if _STATED_RULE.match(text):
        return False  # "thin skull rule - take your victim as you find them": the law's words
    if _QUOTATION_ONLY.match(text):
        text = without_quotations(text)  # '"Stars, hide your fires" - Macbeth': said, not advice
    return text.endswith("?") or bool(not_content(text))


_STATED_RULE = lazy_regex(
    r"^[\w' -]{0,40}?\b(?:rule|principle|maxim|doctrine)\s*(?::|\s[-\u2013\u2014]\s)", re.I
)
_QUOTATION_ONLY = lazy_regex(r'^(?:[A-Z][\w .\'-]{0,30}:\s*)?["\u201c]')  # opens on what is quoted
_FINITE_BE = frozenset(["is", "are", "was", "were", "has", "have", "had"])


_FIRST_WORD = lazy_regex(r"[A-Za-z]+")
_TERM_DEFINED = lazy_regex(r"\s*[A-Za-z]+(?:\s+[A-Za-z]+)?\s*(?:[:=]|[-\u2013\u2014]+\s)")


def is_imperative(sentence: str) -> bool:
    """ "Start revising six weeks before": a sentence that opens with a verb's bare form."""
    first = _FIRST_WORD.match(sentence.strip())
    if not first or not first[0][:1].isupper():
        return False
    word = first[0].casefold()
    if not (word in lemmas(word).get("VERB", ()) and not is_stopword(word)):
        return False
    if _NAMED_DATE.match(sentence.strip()):
        return False  # "March 1990 - ...", "Black Friday Nov 1910 - ...": an event and its date
    if _TERM_DEFINED.match(sentence):
        return False  # "Discharge - the volume of water ...", "Lag time: ...": a term defined
    if "=" in sentence and formula(sentence):
        return False  # "Total variable costs = variable cost per unit x units": a formula
    following = [token.casefold() for token in words(sentence)[1:4]]
    # "Bond energy is the energy ...", "Sleep can wash away ...": the verb-like word opens a
    # subject, not an order.
    if following[:1] and following[0] in MODALS:
        return False
    clause = split_clause(sentence)
    # "Green plants can ...", "Doctor Ellis indicated ...": a short subject and its verb,
    # unless an order's object follows ("Make the most of ...").
    if (
        clause
        and len(clause.subject) <= MAX_ORDER_SUBJECT_WORDS
        and not any(word.casefold() in _ORDER_OBJECTS for word in clause.subject[1:])
    ):
        return False
    return not any(token in _FINITE_BE for token in following)


# Capitalised words, then a date before a dash: "March 1990 -", "Black Friday Nov 1910 -"
_NAMED_DATE = lazy_regex(
    r"(?:[A-Z][\w'\u2019-]*\s+){0,3}(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?i:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+)?(?:1\d|20)\d\d(?:s|[-\u2013/]\d{2,4})?\s*(?:[-\u2013\u2014:,]|$)"
)
MAX_ORDER_SUBJECT_WORDS = 3  # "Green plants", "Doctor Ellis": longer is an order and its object
_ORDER_OBJECTS = frozenset(
    ["the", "a", "an", "your", "my", "our", "this", "these", "those", "each"]
)


def is_guide(outline: Outline) -> bool:
    """Notes that are mostly advice and instructions (an exam-technique guide): their
    imperatives are advice too, and only the facts inside their examples are carded."""
    said = [
        sentence
        for part in outline.parts
        for block in ([part.block] if isinstance(part, Passage) else [part.lead, *part.items])
        for _, _, sentence in sentences(block.text)
        if len(words(sentence)) >= MIN_FACT_WORDS
    ]
    needed = ADVICE_SHARE * len(said)
    advice = 0
    for read, sentence in enumerate(said):
        if advice >= needed or advice + len(said) - read < needed:
            break  # settled either way by the sentences read so far
        advice += is_advice(sentence) or is_imperative(sentence)
    return bool(said) and advice >= needed


MIN_DEFINING_WORDS = 2  # "X = a different version of Y": words after "=" say what X is


def is_label_only(text: str) -> bool:
    """ "Movements in the Terms of Trade (and commodity prices)" over its sub-bullets: a label
    for what follows, without a verb of its own, no fact to card."""
    if ":" in text or DASH.search(text):
        return False  # "Interval of Convergence: domain of x where ...": a definition
    if symbol_formula(text):
        return False  # "Flux Φ = BA" over what its symbols are: a formula to learn
    said = re.sub(r"\([^()]*\)", "", text).partition("=")[2]
    if len(re.findall(r"[^\W\d_]{2,}", said)) >= MIN_DEFINING_WORDS:
        return False  # "Test cross = cross an unknown ... with ...", not 'CAUSES = "M.A.I.N."'
    if present_tense_verb(text):
        return False  # "Active transport uses energy ..." over its examples: a fact as well
    tokens = words(text)
    return len(tokens) <= MAX_LABEL_WORDS and not any(is_verb_form(token) for token in tokens)


def symbol_formula(text: str) -> bool:
    """ "Flux Φ = BA", "Density d = m / V": a formula in symbols, not words set equal
    ("Eudaimonia = happiness / flourishing") nor a name for a mnemonic ('CAUSES = "M.A.I.N."')."""
    asked = formula(text)
    said = asked[0].back if asked else ""
    return bool(said) and said[:1].isalnum() and bool(re.search(r"\d|\b[^\W\d_]{1,2}\b", said))


_POINTS_TO_LIST = lazy_regex(
    r"\b(?:following|as follows|these|this|they|below|include|includes|including|e\.?g)\b", re.I
)


def leads_with_fact(text: str) -> str:
    """ "Most appliances are connected with a three-core cable:" over its wires: a lead that
    states a fact of its own before its list, as that fact; "" for a lead that only points to
    its list ("he did this in the following ways:", "a state had to:", "Three phases:")."""
    stated = text.strip()
    if not stated.endswith(":"):
        return ""
    spans = sentences(stated)
    earlier = " ".join(span[2] for span in spans[:-1]).strip()
    if len(spans) > 1 and len(earlier.split()) >= MIN_LEAD_FACT_WORDS:
        # "Control bus - carries control signals, bidirectional. signals include:": the
        # sentences before the one that points to the list are a fact of their own
        return earlier
    stated = stated.rstrip(" :")
    pointer = _POINTS_TO_LIST.search(stated)
    cut = stated.rfind(", ", 0, pointer.start()) if pointer else -1
    if cut > 0 and not _POINTS_TO_LIST.search(stated[:cut]):
        # "Therefore he needed Mao to fight ..., he achieved this in the following ways:": the
        # fact before the clause that points to the list
        stated = stated[:cut]
    tokens = stated.split()
    if len(tokens) < MIN_LEAD_FACT_WORDS or _POINTS_TO_LIST.search(stated):
        return ""
    if is_stopword(tokens[-1].casefold()) or DASH.search(stated):
        return ""  # "... had to:", "Causes - ...:": the list finishes it
    return stated if split_clause(stated) is not None else ""


_DEFINED = lazy_regex(r"^(?P<term>[^=:]{2,60}?)(?:\s+=\s+|\s+[-\u2013\u2014]+\s+)(?P<meaning>.+)$")
_COUNT_TAIL = lazy_regex(r",\s+[^,]*$")
_ENUMERATOR = lazy_regex(r"^\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s+")  # "a) ", "(ii) "
_NAMES_LIST = lazy_regex(
    r"\b(?:following|as follows|these|below|include|includes|including)\b", re.I
)


def defines_before_list(text: str) -> str:
    """ "Primary consumers = animals that eat producers:" over the animals, "Igneous rock -
    rock formed from cooled magma, two kinds:" over the kinds: a term and its meaning before
    the list hung on it, as that definition; "" where the list finishes what the lead says
    ("... stay constant if:", "Causes - the main ones are:", "X = don't ... but ...")."""
    stated = text.strip()
    if not stated.endswith(":"):
        return ""
    stated = stated.rstrip(" :")
    tail = _COUNT_TAIL.search(stated)
    if tail and LIST_COUNT.search(stated):
        stated = stated[: tail.start()]  # ", three types": the count names the list
    defined = _DEFINED.match(stated)
    if not defined or _NAMES_LIST.search(defined["meaning"]):
        return ""
    meaning = words(defined["meaning"])
    if len([word for word in meaning if not is_stopword(word.casefold())]) < MIN_DEFINING_WORDS:
        return ""
    if is_stopword(meaning[-1].casefold()):
        return ""
    opening = meaning[0].casefold()
    if "'" in opening or is_verb_form(opening) or only_as(opening, "VERB"):
        return ""  # "= don't motivate but ...": what it does, which its list goes on to say
    return _ENUMERATOR.sub("", stated)


MIN_LEAD_FACT_WORDS = 4


_HUNG_COUNT = lazy_regex(r"^(?P<fact>.{12,}?),\s+which\s+[^,;:]+$")


def fact_before_count(text: str) -> str:
    """ "Nationalists set up their own govt in Taiwan, which was extremely important to Mao for
    2 reasons" over the reasons: what the clause announcing the list is hung on is a fact."""
    if not LIST_COUNT.search(text):
        return ""
    match = _HUNG_COUNT.match(text.strip())
    if not match or len(words(match["fact"])) < MIN_LEAD_FACT_WORDS:
        return ""
    fact = match["fact"].strip()
    parts = DASH.split(fact)
    tail = parts[-1].strip()
    if len(parts) == 2 and re.match(rf"(?:{FRONTING_WORDS})\b", parts[0], re.I):
        fact = f"{parts[0].strip()}, {tail}"  # "After the civil war - X ...": when, then what
    clause = split_clause(tail)
    if clause is not None:
        return fact if good_subject(clause.subject) else ""
    # "Nationalists set up their own govt": a verb the parser cannot be sure of
    tokens = tail.split()
    return fact if tokens[0][:1].isupper() and any(map(is_verb_form, tokens[1:3])) else ""


def announces_list(text: str) -> bool:
    """ "... in the following ways:", "the USSR agreed to:": a lead, not a fact."""
    return text.rstrip().endswith(":") or bool(LIST_COUNT.search(text))


MAX_HAPPENING_WORDS = 6  # "line up on the equator (metaphase plate)": what a thing does
_LINKING_VERBS = frozenset(["is", "are", "am", "has", "have", "does", "do", "seems", "seem"])
_QUESTION_WORDS = frozenset(
    ["what", "which", "who", "whom", "whose", "how", "why", "when", "where"]
)


def does_without_object(sentence: str) -> tuple[list[str], list[str]] | None:
    """ "nuclear envelope breaks down" -> (["nuclear", "envelope"], ["breaks", "down"]): a
    thing and what it does with no object; None for any other line."""
    said = sentence.strip().rstrip(".").split()
    tokens = [token.casefold() for token in said]
    if re.search(rf"[=:;?!]|{ARROW}", sentence) or len(said) > MAX_SUBJECT_LABEL_WORDS + 6:
        return None
    clause = split_clause(capital(sentence.strip().rstrip(".")))
    at = len(clause.subject) if clause is not None and clause.aux in ("does", "do") else 0
    for index in range(1, min(len(tokens), MAX_SUBJECT_LABEL_WORDS)):
        if at or not said[index].islower() or not tokens[index - 1].isalpha():
            break
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        agrees = plural_then_verb(f"{tokens[index - 1]} {tokens[index]}")
        if agrees or (verb_base(tokens[index], "VBZ") and after in PARTICLES):
            at = index  # "centromeres divide", "nuclear envelope breaks down"
    subject, rest = said[:at], said[at + 1 :]
    if not at or not all(is_noun_phrase_word(word.casefold()) for word in subject):
        return None
    if subject[0].casefold() in PRONOUNS or len(rest) > MAX_HAPPENING_WORDS:
        return None
    if tokens[at] in _LINKING_VERBS or _QUESTION_WORDS & set(tokens[:at]):
        return None  # "what enzymes are": a question, or what a thing is, not what it does
    if len(subject) == 1 and len(subject[0]) == 1:
        return None  # "D brings (it) onto land": a party, doing something to something
    opens = rest[0].casefold() if rest else ""
    if opens in PARTICLES:
        opens = rest[1].casefold() if len(rest) > 1 else ""  # "puts out chemicals": an object
    if opens and opens not in PREPOSITIONS and opens != "/":
        return None  # "tiltmeters detect the ground swelling": what they do to something
    return subject, said[at:]


# "sin² x": a function and the letter it acts on
APPLIED_FUNCTION = lazy_regex(rf"\b({'|'.join(sorted(MATHS_FUNCTIONS))})(\S*)\s+(?=\w\b)")
