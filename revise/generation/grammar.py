"""Just enough English grammar to turn a statement into a question.

Parts of speech come from lemminflect's dictionary (its word lists ship inside the wheel; they
are read through lexicon.py): it says which parts of speech a word can be and gives a verb's
base form, so "Stalin refused to help" becomes "did Stalin refuse to help". A clause this
cannot invert with confidence is left alone: no question is better than a garbled one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from revise.generation.language import PRONOUNS, TEXT_CACHE_SIZE, WORD_CACHE_SIZE, is_stopword
from revise.generation.lexicon import all_lemmas, verb_forms
from revise.generation.patterns import lazy_regex

MAX_SUBJECT_WORDS = 8

# Auxiliaries and modals invert as they are: "USSR will not give" -> "will USSR not give".
INVERTING = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "must",
        "should",
        "may",
        "might",
        "does",
        "do",
        "did",
    ]
)
_NEGATIVE = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has",
    "haven't": "have", "hadn't": "had", "can't": "can", "cannot": "can", "couldn't": "could",
    "won't": "will", "wouldn't": "would", "mustn't": "must", "shouldn't": "should",
    "doesn't": "does", "don't": "do", "didn't": "did",
}  # fmt: skip
# A clause opening with these is subordinate: its subject is not the sentence's.
_SUBORDINATORS = frozenset(
    [
        "although",
        "though",
        "while",
        "whereas",
        "because",
        "since",
        "if",
        "unless",
        "when",
        "whenever",
        "after",
        "before",
        "as",
        "once",
        "until",
        "which",
        "who",
        "whom",
        "whose",
        "that",
        "where",
    ]
)


def opens_subordinate(text: str) -> bool:
    """ "which is why they are called non-specific": a clause that cannot stand alone."""
    first = text.split()[0].casefold().strip(",.;:") if text.split() else ""
    return first in _SUBORDINATORS or first in ("so", "and", "but", "or")


PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "by",
        "from",
        "for",
        "with",
        "under",
        "since",
        "until",
        "following",
        "despite",
        "without",
        "within",
        "through",
        "throughout",
        "between",
        "among",
        "against",
        "about",
        "into",
        "onto",
        "upon",
    ]
)


@lru_cache(maxsize=32768)
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The parts of speech `word` can be, each with its lemmas ({'VERB': ('refuse',)})."""
    return all_lemmas(word)


@lru_cache(maxsize=32768)
def inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    return verb_forms(lemma)


def is_superlative(word: str) -> bool:
    """ "fastest", "largest": an adjective's superlative (not "forest", "interest")."""
    lower = word.casefold()
    return lower.endswith("est") and any(base != lower for base in lemmas(lower).get("ADJ", ()))


def can_be(word: str, part: str) -> bool:
    return part in lemmas(word.casefold())


def only_as(word: str, part: str) -> bool:
    """ "Successively" only as an adverb, "weigh" only as a verb."""
    return lemmas(word.casefold()).keys() == {part}


@lru_cache(maxsize=32768)
def verb_base(word: str, tag: str) -> str | None:
    """The base form when `word` is the verb form `tag` (VBD past, VBZ third person)."""
    lower = word.casefold()
    for lemma in lemmas(lower).get("VERB", ()):
        if lower in inflections(lemma).get(tag, ()):
            return lemma
    return None


def participle_base(word: str) -> str | None:
    """The base form when `word` can be a past participle ("cooled", "risen"): the dictionary
    lists a regular verb's participle only as its past tense."""
    return verb_base(word, "VBN") or verb_base(word, "VBD")


def past_participle(lemma: str) -> str | None:
    """ "consolidate" -> "consolidated", "take" -> "taken"."""
    forms = inflections(lemma)
    found = forms.get("VBN") or forms.get("VBD")
    return found[0] if found else None


def done_to_subject(past: str) -> bool:
    """ "built", "formed" with nothing after them in "Berlin Wall built": the past that is also
    its participle, of a verb that takes an object, says what was done to the subject."""
    from revise.generation.language import NO_OBJECT_VERBS, past_to_base

    base = past_to_base(past)
    return past not in NO_OBJECT_VERBS and base is not None and past_participle(base) == past


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_noun_phrase_word(word: str) -> bool:
    """A word that can sit in a subject: not a finite verb or a subordinator."""
    lower = word.casefold().strip(",.;:")
    if lower in INVERTING or lower in _NEGATIVE or lower in _SUBORDINATORS:
        return False
    if word[:1].isupper():
        return True
    parts = lemmas(lower)
    if not parts:
        return True  # unknown words are usually names or terms
    return bool(parts.keys() - {"VERB", "AUX"}) or lower.endswith("ing")


@dataclass(frozen=True)
class Clause:
    """A statement split at its finite verb: `subject` `verb` `rest`."""

    subject: list[str]
    verb: str  # as written
    rest: list[str]
    aux: str  # the auxiliary the question starts with: "did", "does", "will", ...
    base: str  # the verb in the form the question uses: "refuse", or "" after an auxiliary


WORD_TOKEN = lazy_regex(r"[\w'\u2019-]+")  # "Il-Sung", "long-term", "China's", "2"
_DOTTED = lazy_regex(r"(?:[A-Za-z]\.){2,}")


def split_clause(text: str) -> Clause | None:
    """The clause's subject and finite verb, when they can be told apart with confidence."""
    clause = _split_clause(text)  # (a sentence is asked many ways: it is split once)
    if clause is None:
        return None
    return Clause(list(clause.subject), clause.verb, list(clause.rest), clause.aux, clause.base)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _split_clause(text: str) -> Clause | None:
    tokens = text.split()
    for index, token in enumerate(tokens[: MAX_SUBJECT_WORDS + 1]):
        lower = token.casefold().replace("\u2019", "'")
        if index == 0:
            if lower in _SUBORDINATORS or lower in PRONOUNS or lower in ("there", "here"):
                return None
            if lower in PREPOSITIONS:
                return None  # "In January 1923 French troops ...": the subject comes later
            continue
        subject = tokens[:index]
        if subject[-1].casefold() in _OPENS_NOUN_PHRASE and token.isalpha():
            # "Sharpeville and the turn to armed struggle": a word right after "to" or "the"
            # opens what they take, never the verb of the sentence
            if is_noun_phrase_word(token):
                continue
            return None
        if lower in ("has", "have", "had") and not _participle_follows(tokens, index):
            # "figure(d) has no deadlock": possession asks "does ... have".
            aux = {"has": "does", "have": "do", "had": "did"}[lower]
            return _checked(Clause(subject, token, tokens[index + 1 :], aux, "have"))
        if lower in INVERTING or lower in _NEGATIVE:
            aux = _NEGATIVE.get(lower, lower)
            rest = (["not"] if lower in _NEGATIVE else []) + tokens[index + 1 :]
            return _checked(Clause(subject, token, rest, aux, ""))
        if not token.isalpha():
            if WORD_TOKEN.fullmatch(token) and not token.endswith(("'", "-")):
                continue  # "Il-Sung", "long-term", "China's", "2" inside a subject
            if _DOTTED.fullmatch(token):
                continue  # "the p.d. across each branch": a dotted abbreviation
            return None  # punctuation: the subject is not a plain noun phrase
        if not token.islower():
            continue  # a name inside the subject: "UN troops"
        base = verb_base(token, "VBD")
        if base and not can_be(lower, "NOUN") and not _reads_as_modifier(tokens, index):
            return _checked(Clause(subject, token, tokens[index + 1 :], "did", base))
        base = verb_base(token, "VBZ")
        if base and not can_be(lower, "NOUN"):
            return _checked(Clause(subject, token, tokens[index + 1 :], "does", base))
        after = tokens[index + 1].casefold() if index + 1 < len(tokens) else ""
        if (
            base
            and index >= 2
            and tokens[0].casefold() in ("a", "an", "the")
            and (after in _OBJECT_OPENERS)
        ):
            # "A linear search checks each item ...": after "a" and its noun, a word that could
            # be a plural noun is the verb where an object opens after it
            return _checked(Clause(subject, token, tokens[index + 1 :], "does", base))
        if (
            base
            and index == 1
            and can_be(tokens[0], "NOUN")
            and _AT_A_QUANTITY.match(" ".join(tokens[index + 1 : index + 4]))
        ):
            # "Light travels at 300,000 km/s", "Water boils at 100 °C": a noun and what it does
            # at a quantity, not a noun in the plural ("Check answers at the end")
            return _checked(Clause(subject, token, tokens[index + 1 :], "does", base))
        if not is_noun_phrase_word(token):
            return None
    return None


_OPENS_NOUN_PHRASE = PREPOSITIONS | {"a", "an", "the", "to", "of"}
# "at 300,000 km/s", "at about 340 m/s", "by up to 3%": a verb's quantity after it
_AT_A_QUANTITY = lazy_regex(
    r"(?:at|to|by|from|between)\s+(?:(?:about|around|approx\.?|approximately|roughly|up\s+to"
    r"|over|under|least)\s+)?[-\u2212]?\d",
    re.I,
)
_OBJECT_OPENERS = frozenset(
    ["a", "an", "the", "each", "every", "its", "their", "his", "her", "all", "some", "both"]
)


# ("intercepted them + his codebreaker decoded them": a plus sign joins as "and" does)
_COORDINATOR = lazy_regex(r"(?:^|,?\s+)(?:and|but|while|whereas|yet|\+|&)\s+(?=\S)", re.I)


def joins_a_clause(predicate: str) -> bool:
    """ "presided and James Madison did the drafting", "suggested X but the majority used Y":
    a verb's words that go on, after "and" or "but", to a clause with a subject of its own, so
    a question asked of the first subject would hold the second clause too (not "ratified and
    was readmitted", the same subject doing both)."""
    for joined in _COORDINATOR.finditer(predicate):
        after = predicate[joined.end() :]
        first = after.split()[0].casefold()
        if first in PRONOUNS and first not in ("it", "this", "that", "its"):
            return True  # "... and they won": a pronoun opens a clause of its own
        if first in INVERTING or first in _SUBORDINATORS or not after[:1].isalpha():
            continue
        opens_subject = after[:1].isupper() or first in _CLAUSE_SUBJECT_OPENERS
        if opens_subject and split_clause(after) is not None:
            return True  # (not "... and first showed with them": an adverb, the same doer)
    return False


# Words that open a subject of its own after "and": "and the majority used ...", "and his son"
_CLAUSE_SUBJECT_OPENERS = frozenset(
    ["the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "many", "most"]
)


def _participle_follows(tokens: list[str], index: int) -> bool:
    for at in range(index + 1, min(index + 3, len(tokens))):
        lower = tokens[at].casefold()
        if lower in ("not", "never", "already", "also", "just", "been"):
            continue
        if verb_base(lower, "VBN") is not None:
            return True
        # A regular verb's participle is listed as its past: "have changed significantly", "had
        # crossed the river"; before a noun it may describe it ("had armed guards").
        after = tokens[at + 1].casefold() if at + 1 < len(tokens) else ""
        return participle_base(lower) is not None and not (
            after.isalpha() and not is_stopword(after) and can_be(after, "NOUN")
        )
    return False


def _reads_as_modifier(tokens: list[str], index: int) -> bool:
    """ "the armed forces": a participle before a noun describes it rather than acting."""
    if index + 1 >= len(tokens):
        return False
    after = tokens[index + 1].casefold().strip(",.;:")
    before = tokens[index - 1].casefold()
    return before in ("the", "a", "an") and bool(lemmas(after).get("NOUN"))


def lone_adverb(subject: list[str]) -> bool:
    """ "Randomly" before "assigned to guard or prisoner": how it was done, its subject unsaid."""
    if len(subject) != 1 or not subject[0].casefold().endswith("ly"):
        return False
    parts = lemmas(subject[0].casefold())
    return "ADV" in parts and "NOUN" not in parts


def _checked(clause: Clause) -> Clause | None:
    subject = clause.subject
    if not subject or len(subject) > MAX_SUBJECT_WORDS:
        return None
    if subject[0].casefold() in PRONOUNS or all(is_stopword(word) for word in subject):
        return None
    if subject[-1].casefold() == "not" or lone_adverb(subject):
        return None  # "high pressure not needed", "randomly assigned to ...": no subject said
    if not all(is_noun_phrase_word(word) for word in subject):
        return None
    if not clause.rest and not clause.base:
        return None  # "X is": nothing to ask about
    return clause


def lower_first(words: list[str], names: frozenset[str] = frozenset()) -> list[str]:
    """ "The Treaty" -> "the Treaty", "Circular Wait" -> "circular wait" inside a question.

    A word keeps its capital when it is an acronym or a name: one the notes capitalise in the
    middle of sentences (`names`, casefolded) or that no dictionary knows in lower case.
    """
    if not words:
        return words
    if words[0][:1].islower():
        return words
    if len(words) > 1 and re.fullmatch(r"\([^()\s]+\)", words[-1]):
        # "Program Counter (PC)" -> "program counter (PC)": the name's letters beside it
        return [*lower_first(words[:-1], names), words[-1]]
    if _title_case(words) and not all(_common_word(word, names) for word in words):
        # "Formation Enthalpy" where the notes capitalise "Enthalpy": a name as a whole, only
        # its article lowered ("The Treaty of Portsmouth" -> "the Treaty of Portsmouth").
        # ("US Secretary of State ...": an acronym that spells a small word is no article)
        article = 1 if is_stopword(words[0].casefold()) and not words[0].isupper() else 0
        return [word.lower() for word in words[:article]] + words[article:]
    title = _title_case(words)
    if not title and _opens_name(words):
        return words  # "Criminal Division of the CA has ...": the sentence opens on a name
    lowered = []
    for index, word in enumerate(words):
        if title and index and not word[:1].isupper():
            lowered.append(word)  # "Conditions for Deadlock": on past the small words
            continue
        if not word[:1].isupper() or (index and not title):
            lowered.extend(words[index:])
            break
        if not _common_word(word, names):
            lowered.extend(words[index:])
            break
        lowered.append(word[:1].lower() + word[1:])
    return lowered


def _opens_name(words: list[str]) -> bool:
    """ "Criminal Division of ...", "Supreme Court binds ...": two capitalised words open the
    sentence, the first no article or other small word ("Many Labour MPs ...")."""
    first, second = words[0], words[1] if len(words) > 1 else ""
    return (
        second[:1].isupper()
        and second[1:].islower()
        and first[1:].islower()
        and not is_stopword(first.casefold())
    )


_DETERMINING = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
     "your", "my", "each", "every", "some", "any", "all", "no", "both", "many", "most", "few"]
)  # fmt: skip


def _opens_complement(following: list[str]) -> bool:
    """ "the flow of ...", "on frequency ...", "energy from ...": what a verb takes after it,
    not the "of" that joins a noun to its noun."""
    first, second = ([token.strip(",;:").casefold() for token in following] + ["", ""])[:2]
    if first in _DETERMINING or (first in PREPOSITIONS and first != "of"):
        return True
    return (
        first.isalpha()
        and can_be(first, "NOUN")
        and not can_be(first, "VERB")
        and second in PREPOSITIONS
        and second != "of"
    )


_JOINING = frozenset(["and", "or", "to", "&", "+", "/", "of", "vs", "v"])


def present_tense_verb(text: str) -> str:
    """ "Active transport uses energy ...", "Step-up transformers increase the p.d.": the
    present-tense verb after a noun subject, where an object or a phrase opens after it; ""
    for a label ("Movements in the Terms of Trade", "Price elasticity of demand (PED)").

    A word that is a verb in the third person ("uses", "depends") follows a singular noun, one
    that is a plain verb ("increase") a plural; words in brackets are an aside, not the clause.
    """
    tokens = re.sub(r"\([^()]*\)", " ", text).split()
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if not (token.isalpha() and token.islower()):
            continue
        before = tokens[index - 1].strip(",;:").casefold()
        if before in PREPOSITIONS or before in _DETERMINING or before in _JOINING:
            continue
        if before.isalpha() and lemmas(before) and not can_be(before, "NOUN"):
            continue  # "critical value at ...": an adjective before a noun
        if not _opens_complement(tokens[index + 1 : index + 3]):
            continue
        plural = before.endswith("s") and not before.endswith("ss")
        if verb_base(token, "VBZ") and not plural:
            return token
        if verb_base(token, "VBP") and plural:
            return token
    return ""


MIN_CLAUSE_WORDS = 4  # a shorter line whose verb could be a plural noun is a title
_CLAUSE_OBJECT_OPENERS = frozenset(["what", "how", "which", "whether", "why", "where", "when"])
_NOT_OBJECTS = frozenset(["and", "or", "but", "nor", "vs", "v", "versus", "&", "+", "/", "of"])


def _plural_noun(word: str) -> bool | None:
    """ "cells", "bacteria", "children", "mitochondria": a plural; "nucleus", "glass", "DNA":
    one thing; None for a word the dictionary does not know that may be either."""
    lower = word.casefold()
    if word.isupper():
        return False  # an abbreviation names one thing ("DNA", "PE")
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return True
    if not lemmas(lower):
        return True if lower.endswith(("a", "i", "ae")) else None  # Latin plurals
    nouns = lemmas(lower).get("NOUN", ())
    return bool(nouns) and lower not in nouns


def states_clause(text: str) -> str:
    """ "Chloroplasts absorb light for photosynthesis", "The cell wall contains cellulose": a
    noun subject, a present-tense verb that agrees with it, then its object (a noun, an article,
    a number or "what ..."), read as a fact; "" for a title ("Plant cells", "Causes of WW1",
    "Key terms", "Stock levels graph").

    The verb is the first lower-case word after a noun: "contains" after a singular noun,
    "absorb" after a plural. A word that is a plural noun as well as a verb ("controls",
    "levels") needs a longer line or an article after it, as "Stock levels graph" is a title.
    A verb may come after a subject with "of" in it ("Causes of WW1 include ...").
    """
    tokens = re.sub(r"\([^()]*\)", " ", text).split()
    opening = next((token for token in tokens if token[:1].isalpha()), "")
    if opening.casefold() in _CLAUSE_OBJECT_OPENERS:
        return ""  # "3.1 How scientists study the brain": a topic to be explained
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        if not (token.isalpha() and token.islower()) or not after[:1].isalnum():
            continue  # ("bans, age limits, quotas": a list of things)
        lower_before = before.casefold()
        if not before.isalpha() or lower_before in PREPOSITIONS | _DETERMINING | _JOINING:
            continue
        known = bool(lemmas(lower_before))
        if (known and not can_be(lower_before, "NOUN")) or not (known or before[:1].isupper()):
            continue  # ("avg worst": a word of a table's header, not a noun)
        if not _names_subject(tokens[:index]):
            return ""  # ("Elastic if PED > 1 -> revenue falls ...": the clause is not the line)
        plural = _plural_noun(before)
        third = verb_base(token, "VBZ") and plural is not True
        # "release" or "skill" after a noun may be a noun too: a plural before it makes it a verb
        base = verb_base(token, "VBP") and (plural or (plural is None and only_as(token, "VERB")))
        if not (third or base) or not _opens_object(after):
            continue
        short = len(tokens) < MIN_CLAUSE_WORDS and after.casefold() not in _DETERMINING
        if third and short and can_be(token, "NOUN"):
            return ""  # "Stock levels graph", "Human rights abuses": nouns
        return token
    return ""


MAX_CLAUSE_SUBJECT_WORDS = 6
_IN_SUBJECT = frozenset(["of", "and", "in", "on", "for"])


def _names_subject(tokens: list[str]) -> bool:
    """ "The cell membrane", "Causes of the war": words that can be the subject that opens a
    line, not a condition, a sum or a clause of its own."""
    if len(tokens) > MAX_CLAUSE_SUBJECT_WORDS:
        return False
    return all(
        re.fullmatch(r"[^\W\d_]+(?:['-][^\W\d_]+)*", token) is not None
        and (
            token.casefold() in _DETERMINING
            or token.casefold() in _IN_SUBJECT
            or not is_stopword(token.casefold())
        )
        for token in tokens
    )


def _opens_object(word: str) -> bool:
    """An article, a number, "what ..." or a noun or adjective: what a verb takes after it."""
    lower = word.casefold()
    if lower in _DETERMINING or lower in _CLAUSE_OBJECT_OPENERS or lower[:1].isdigit():
        return True
    if lower in PREPOSITIONS or lower in _NOT_OBJECTS or is_stopword(lower):
        return False
    return word.isalpha() and (not lemmas(lower) or bool({"NOUN", "ADJ"} & set(lemmas(lower))))


def subject_phrase(words: list[str], names: frozenset[str] = frozenset()) -> str:
    """A subject inside a question: "Huge cost of war" -> "the huge cost of war", the article
    notes leave out put back before a thing "of" something; otherwise as `lower_first`."""
    shown = lower_first(words, names)
    first = shown[0].casefold() if shown else ""
    of_thing = any(word.casefold() == "of" for word in shown[1:3])
    if (
        len(shown) >= 3
        and of_thing
        and shown[0][:1].islower()
        and first not in _DETERMINING
        and not first[:1].isdigit()
        and not first.endswith("ing")
        and can_be(first, "NOUN") | can_be(first, "ADJ")
    ):
        return " ".join(["the", *shown])
    if names_one_body(shown):
        return " ".join(["the", *shown])  # "Korean War" -> "the Korean War"
    return " ".join(shown)


def names_one_body(words: list[str]) -> bool:
    """ "Korean War", "Berlin Wall": a name in capitals that ends on what it names one of
    (a war, a wall, a pact), which takes "the"."""
    return (
        len(words) >= 2
        and words[-1].casefold() in _INSTITUTIONS
        and all(word[:1].isupper() for word in words)
    )


# What a name ends on when it names one event or body, which takes "the": "the Korean War",
# "the Soviet Union", "the Mutual Defence Treaty" (never "Pearl Harbor" or "Wall Street").
_INSTITUTIONS = frozenset(
    ["war", "treaty", "revolution", "union", "empire", "republic", "act", "party", "plan",
     "doctrine", "crisis", "conference", "pact", "agreement", "alliance", "movement", "army",
     "navy", "government", "league", "council", "committee", "court", "bank", "parliament",
     "senate", "commission", "convention", "accords", "declaration", "dynasty", "kingdom",
     "wall", "blockade", "airlift", "uprising", "rebellion", "rising", "massacre", "putsch",
     "depression", "deal", "curtain", "canal", "offensive", "summit", "strike", "famine"]
)  # fmt: skip


def _title_case(words: list[str]) -> bool:
    return all(word[:1].isupper() or is_stopword(word) for word in words)


def _common_word(word: str, names: frozenset[str]) -> bool:
    bare = re.sub(r"['\u2019]s$", "", word)
    if len(bare) > 1 and (bare.isupper() or bare[1:] != bare[1:].lower()):
        return False  # "AUD", "McCarthy"
    lower = bare.casefold()
    if lower in names and not is_stopword(lower):
        return False
    return is_stopword(lower) or bool(lemmas(lower))


def question(wh: str, clause: Clause, names: frozenset[str] = frozenset()) -> str:
    """ "Why" + "Stalin refused to help" -> "Why did Stalin refuse to help?" """
    subject = lower_first(clause.subject, names)
    verb = [clause.base] if clause.base else []
    body = " ".join([wh, clause.aux, *subject, *verb, *clause.rest])
    return finish_question(body)


def indefinite_article(phrase: str) -> str:
    """ "a" or "an" before the phrase as it is read aloud: "an aqueous state", "a filament
    lamp", and for letters spoken one by one, "an LDR", "a GDP"."""
    first = phrase[:1]
    if phrase.split()[0].isupper() and phrase.split()[0].isalpha():
        return "an" if first in "AEFHILMNORSX" else "a"
    return "an" if first.casefold() in "aeiou" else "a"


# "z = 1.96", "d (pc) = 1 / p": a letter that stands for a quantity, whose capital is another.
# "p + q = 1", "p² + 2pq + q² = 1", "v = fλ": a letter that stands for a quantity
_SYMBOL_FIRST = lazy_regex(
    r"[a-z](?:[\u00b2\u00b3\u00b9\u2070-\u209f])*(?:\s*\([^()]*\))?\s*(?:[=<>\u2264\u2265+\u00d7\u2192]|->)"
    r"|[a-z][\u00b2\u00b3\u00b9\u2070-\u209f]"
)


_WRITTEN_SO = lazy_regex(r"[a-z](?:\.|[A-Z])|[\u0370-\u03ff]")  # "a.c.", "pH", "mRNA", Greek


def capitalised(text: str) -> str:
    """The first letter in capitals, unless the word is written so on purpose: "a.c.", "pH",
    "mRNA" stay as they are, and so does a Greek letter: a symbol, whose capital is another."""
    if _WRITTEN_SO.match(text) or _SYMBOL_FIRST.match(text):
        return text
    return text[:1].upper() + text[1:]


def finish_question(body: str) -> str:
    body = re.sub(r"\s+", " ", body).strip().rstrip(" .,;:!-\u2013\u2014")
    return body[:1].upper() + body[1:] + "?"
