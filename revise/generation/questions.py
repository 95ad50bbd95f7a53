"""The question shapes a good student writes beside cloze deletions.

Each shape reads one fact (a sentence or a bullet, markup gone) and returns the questions it can
write with confidence: what a term means, why something happened, what something led to, who did
it, which case decided a rule, what a formula gives. A fact that fits no shape gets none here and
is left to a cloze deletion.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from revise.formats.model import normalise
from revise.generation.card_limits import (
    MAX_ANSWER_WORDS,
    MAX_CLOZE_CHARS,
    MAX_CLOZE_WORDS,
    MAX_DEFINITION_COMMAS,
    MAX_DEFINITION_WORDS,
    MAX_LIST_ITEMS,
)
from revise.generation.definition_facts import measure_facts
from revise.generation.grammar import (
    PREPOSITIONS,
    can_be,
    capitalised,
    done_to_subject,
    finish_question,
    indefinite_article,
    inflections,
    is_noun_phrase_word,
    is_superlative,
    joins_a_clause,
    lemmas,
    lower_first,
    only_as,
    opens_subordinate,
    participle_base,
    past_participle,
    question,
    split_clause,
    subject_phrase,
    verb_base,
)
from revise.generation.language import (
    ABBREVIATION_END,
    ARROW,
    AUXILIARIES,
    CASE_LABEL,
    COMMON_ZIPF,
    COORDINATORS,
    DONE_TO,
    INDEFINITE_PRONOUNS,
    INITIAL_END,
    LABEL_WORDS,
    MAIN_VERBS,
    MONTHS,
    NO_OBJECT_VERBS,
    PRONOUNS,
    STANCE_VERBS,
    by_letters,
    cue_words,
    is_label_phrase,
    is_number_word,
    is_stopword,
    is_verb_form,
    past_to_base,
    spelled_by,
    words,
    zipf,
)
from revise.generation.maths import SINGLE_SYMBOL
from revise.generation.patterns import Guarded, lazy_regex
from revise.generation.plaintext import GENERIC_SECTIONS
from revise.generation.targets import closing_date, label_over_event, opening_date
from revise.maths import MATHS_FUNCTIONS

MAX_MEMBER_WORDS = 3  # "gas emissions": one of the things a term covers, named
# "per resource request", "in June": a meaning that opens so is a setting, not what a term is
SETTING_OPENERS = frozenset(["per", *PREPOSITIONS])
DASH = lazy_regex(r"\s+[-\u2013\u2014]+\s+")  # the note-taker's " - " between parts of a bullet
MAX_TERM_WORDS = 5
MIN_MEANING_WORDS = 3
MAX_LAW_WORDS = 40  # a law is stated whole, however long: it is the one fact its name asks
MIN_RESTRICTED_WORDS = 6  # a head cut before its "that ..." shorter than this says nothing
MIN_STATED_WORDS = 5  # a meaning opening with "no" this long states something
MIN_WHO_WORDS = 5  # "Who turned to USSR?" asks less than the details the dash goes on to
MAX_HIDDEN_LINE_WORDS = 30  # a line shown whole around its hidden term, no longer
MAX_CUT_PHRASE_WORDS = 6  # a long answer may lose the place or time it ends on, no more


class Shape:
    DEFINITION = "definition"
    WHY = "why"
    EFFECT = "effect"
    WHO = "who"
    CASE = "case"
    FORMULA = "formula"
    RELATION = "relation"  # what a quantity is proportional to, measured by, depends on
    COMPARISON = "comparison"  # what allows more concurrency than prevention
    # Asked only when no deletion makes a card: "What do enzymes control?" is weaker than
    # hiding [metabolism], "What does recall help build?" better than nothing.
    OBJECT = "object"
    IDENTITY = "identity"
    REMARKED = "remarked"  # a term hidden in the line that remarks on it ("gabions - ...")
    # "What happened in March 1912?": asked where hiding the date in the line, or asking
    # "When did ...?" of it, makes no card ("[March 1912] - window-smashing campaign ...")
    WHAT_HAPPENED = "what happened"
    # "What produces insulin?", "Where are red blood cells produced?", "What acts against the
    # direction of motion?": a plain statement's doer or place, asked only where nothing else
    # makes a card, not even whose point the line is
    LAST_RESORT = "last resort"


FALLBACK_SHAPES = frozenset([Shape.OBJECT, Shape.IDENTITY, Shape.REMARKED])


@dataclass(frozen=True)
class Question:
    front: str
    back: str
    shape: str
    score: float
    hidden: str = ""  # for a term card written as a cloze: the term to hide in `front`
    # For "What does X do?": X's last word and the verb, to tell whether the notes say that
    # X does it more than once (then the question has several right answers).
    asks: tuple[str, str] = ("", "")
    # A second card from the same sentence ("... while the delivery declined"), not another
    # way to ask the first.
    beside: bool = False


_SEPARATED = lazy_regex(
    r"^(?P<term>[^.:;()\[\]=]{2,60}?(?:\s\([^()\d\s]{1,5}\)|\s\([A-Za-z][a-z]*(?:[\s-][A-Za-z][a-z]*){1,4}\))?)"
    r"\s*(?P<sep>:|\s[-\u2013\u2014]+\s|\s->\s|\s=>\s|\s=\s|\.\s)\s*"
    r"(?P<meaning>\S.*)$"
)
# Each mark that sets a term apart: a line holding none of them is not tried as a term and meaning
_SEPARATOR = lazy_regex(r":|\.\s|\s[-\u2013\u2014=]")


def _separated(sentence: str) -> re.Match[str] | None:
    return _SEPARATED.match(sentence) if _SEPARATOR.search(sentence) else None


_COPULA = lazy_regex(
    r"^(?P<term>[^,;:()]{2,60}?(?:\s\([^,;:()]{1,40}\))?)"
    r"\s+(?P<verb>is|are|means|mean|refers to|refer to"
    r"|is defined as|are defined as|is called|are called|describes|is known as|are known as)\s+"
    r"(?P<meaning>(?:a|an|the|one|any|all|when|where|how|what|those|something|someone)\b.+)$",
    re.I,
)
_EXAMPLE = lazy_regex(r",?\s+(?:e\.g\.?|eg|i\.e\.?|for\s+example)\s+", re.I)
_CLAUSE_END = lazy_regex(
    r"\s*(?:;|\s[-\u2013\u2014]+\s|,\s+(?:which|while|whereas|but|and)\b|\s+but\s+)"
)


_FULL_STOP = lazy_regex(r"\.\s+(?=\S)")


def first_sentence(text: str) -> str:
    """ "person who travels to work each day. dormitory settlement = where they live" ->
    "person who travels to work each day": what a note says up to its first full stop, the
    next sentence opening in lower case or not (never at "e.g.", "approx." or an initial)."""
    for stop in _FULL_STOP.finditer(text):
        before = text[: stop.start() + 1]
        if ABBREVIATION_END.search(before) or INITIAL_END.search(before):
            continue
        if before.count("(") > before.count(")"):
            continue  # "(approx. 1 in 5. varies by region)": the bracket goes on
        return text[: stop.start()]
    return text


# "two treatises of government 1689 - natural rights ...": a work or an event and its year
MAX_DESCRIBED_PLURAL_WORDS = 2  # "homologous chromosomes pair up": words before the plural


def plural_clause(text: str) -> bool:
    """ "chromatids reach poles", "homologous chromosomes pair up": a plural noun (after a
    describing word or two), then its verb in the present with more after it: a subject and
    its verb, as a mind map's node says a happening (not "goods market": nothing follows)."""
    said = text.split()
    tokens = [token.casefold() for token in said]
    for at in range(1, min(len(tokens) - 1, MAX_DESCRIBED_PLURAL_WORDS + 1)):
        if not tokens[at - 1].isalpha() or not said[at].islower():
            continue  # ("triggers cAMP": a verb and the name of what it makes)
        if at == 1 and verb_base(tokens[0], "VBZ"):
            continue  # "triggers release of ...": a predicate, its subject unsaid
        if plural_then_verb(" ".join(tokens[at - 1 : at + 1])):
            return all(is_noun_phrase_word(token) for token in tokens[: at - 1])
    return False


MAX_DATED_WORK_WORDS = 5  # "the fear or anger trigger under s.55 CJA 2009" is a meaning


def definition(
    sentence: str,
    terms: tuple[str, ...],
    names: frozenset[str],
    lower: frozenset[str] = frozenset(),
) -> list[Question]:
    """ "**Deadlock** - the permanent blocking ..." or "Deadlock is the ..." -> what it means,
    and a card that asks for the term; "X: prevented by ..." -> how X is prevented. `lower`
    holds the words the notes write in lower case somewhere."""
    found = _term_and_meaning(sentence, terms)
    if not found:
        match = _separated(sentence)
        if not match or split_clause(match["meaning"].split(" - ")[0]) is None:
            return []  # (a noun phrase after the dash is a meaning, asked above)
        return _remark_card(sentence, match["term"].strip(), match["meaning"].strip(), names)
    term, meaning, sep = found
    if sep != "=":
        meaning = first_sentence(meaning)  # "commuter - person who ... each day. dormitory ..."
    if _AN_EXAMPLE.match(meaning) and ":" in meaning:
        return []  # "The stages of sleep are the standard example: ...": an instance, no meaning
    first, *rest = term.split() or [""]
    if first.casefold() in lower and not (rest and all(word[:1].isupper() for word in rest)):
        # "4 Ps: Product, Price, ..." capitalises a word the notes also write in lower case:
        # a word, not a name, where a line opens on it ("Price skimming = setting a ...");
        # "Bond Energy" capitalised whole is the author's name for the term.
        names = names - {first.casefold()}
    bare = re.sub(r"^(?:a|an|the|vs\.?|versus)\s+", "", term, flags=re.I)  # ("vs IMPERFECT")
    head = bare.split()[0] if bare.split() else ""
    # "a priori", "a cappella": a word the dictionary lacks is asked with the article it came with
    borrowed = bool(re.match(r"an?\s", term, re.I)) and head.islower() and not lemmas(head)
    said_with = f"{term.split()[0].lower()} " if borrowed else ""
    term = bare
    pair = re.fullmatch(r"(.+?)\s+(?:vs\.?|versus)\s+(.+)", term, re.I)
    if pair:
        # "aldehyde vs ketone: Tollens' reagent -> silver mirror with aldehyde only"
        if sep not in (":", "-", "\u2013", "\u2014") or len(words(meaning)) > MAX_ANSWER_WORDS:
            return []
        first, second = (" ".join(lower_first(side.split(), names)) for side in pair.groups())
        front = f"How do {first} and {second} differ?"
        return [Question(front, capital(meaning.rstrip(" .;")), Shape.DEFINITION, 12.0)]
    if names_a_deed(term):
        return []  # "Electroplating uses the same idea: ...": a sentence, not a term
    if normalise(term) in RELATION_LABELS:
        return []  # "leaders: Stevens and Sumner": leaders of what the label above names
    if not CASE_LABEL.sub("", term).strip():
        return []  # "Case study: Spartacist Uprising": the case's name, no meaning of a term
    if is_superlative(term.split()[0]):
        return []  # "fastest eroding coastline in Europe - 1.8m per year": a claim, no term
    if opens_on_a_verb(term):
        return []  # "Differ from parties - ...": what the heading's subject does, no term
    meaning = meaning.rstrip(" .;")
    if re.match(r"[^,;]*\bAct\s+\d{4}\b", meaning):
        return []  # "consent - Unfair Contract Terms Act 1977 - ...": where the rule is, not it
    if sep in (":", "-", "\u2013", "\u2014") and _CITED_FIRST.match(meaning):
        return []  # "first-mover advantage: Stackelberg (1934) leader-follower model": whose
        # model shows it, not what it is
    dated_work = _DATED_WORK.match(meaning)
    if (
        dated_work
        and len(dated_work[1].split()) <= MAX_DATED_WORK_WORDS
        and not any(is_verb_form(word) for word in words(dated_work[1]))
    ):
        return []  # "locke - two treatises of government 1689 - ...": whose work, not a meaning
    example = re.search(r",?\s+(?:e\.g\.?|eg|for\s+example)\s+", meaning)
    if example and case_span(meaning[example.end() :]):
        meaning = meaning[: example.start()]  # "a complete defence, e.g. Morris v Murray": asked
    if sep in (":", "=", *_DASHES):
        shown = " ".join(lower_first(term.split(), names))
        purpose = _use_or_instrument(shown, meaning, is_plural(term))
        if purpose:
            return purpose
    # ("Faction = group at court ... (e.g. Boleyn faction)": its examples may name it)
    unexampled = re.sub(r"\s*\((?:e\.g\.?|eg|i\.e\.?)\s[^()]*\)", "", meaning)
    if len(words(meaning)) < MIN_MEANING_WORDS or _leaks(term, unexampled):
        return []
    if sep in (":", *_DASHES) and _values_listed(term, meaning):
        # "Haber process conditions: 450 °C, 200 atm, iron catalyst": the list is the fact
        shown = " ".join(lower_first(term.split(), names))
        front = f"What are the {shown}?"
        return [Question(front, capital(meaning.rstrip(" .;")), Shape.DEFINITION, 12.0)]
    if is_value(term, meaning):
        return []  # "**magnitude**: 8.8", "**primary**: ~500 deaths": what a case measured
    if (
        sep in (":", "-", "\u2013", "\u2014")
        and normalise(term) not in {normalise(t) for t in terms}
        and label_over_event(term, meaning, names)
    ):
        return []  # "Rearmament - conscription reintroduced March 1935": a label over an event
    if names_a_dated_work(term, meaning):
        return []  # "montesquieu - spirit of the laws 1748": a person and a work, no meaning
    if sep in ("-", "\u2013", "\u2014", ":") and says_a_difference(meaning):
        # "deforestation - less interception, less transpiration": what it changes, asked so
        plural = is_plural(term)
        shown = " ".join(lower_first(term.split(), names))
        front = f"What {'do' if plural else 'does'} {shown} lead to?"
        return [Question(front, capital(meaning.rstrip(" .;")), Shape.EFFECT, 11.0)]
    if re.search(r"[,\"\u201c\u201d]", _base(term)):
        return []  # 'spontaneous, "leaderless" revolution - ...': a description, no term
    shown = " ".join(lower_first(term.split(), names))
    if shown == term and not rest and sep == "=" and first.casefold() in lower:
        shown = term.lower()  # "Deontological = ...": a word the notes write in lower case too
    # "teleological = ...": a describing word, asked what it means (not what it is or does)
    # ("eurocentric - assumes all countries ...": after a dash too, never "What does X do?")
    describing = (
        (sep == "=" or (sep in _DASHES and shown.islower()))  # (not "Titanic - a liner ...")
        and not rest
        and bool(_DESCRIBING_WORD.search(shown))
        and (not lemmas(shown) or set(lemmas(shown)) == {"ADJ"})
    )
    plural = sep.split()[0] in ("are", "mean", "refer") or is_plural(term)
    verb = "are" if plural else "is"
    first = meaning.split()[0].casefold()
    participle = participle_base(first) and not _describing_participle(meaning)
    measured = measure_facts(term, meaning) if sep in (":", "=", *_DASHES) else None
    if measured and len(measured) > 1 and len(words(measured[0][1])) >= MIN_MEANING_WORDS:
        # "Power: rate of energy transfer, P = E/t, unit watt (W)": what it is, its formula
        # and its unit are separate facts, each its own card ("mass x velocity, measured in kg
        # m/s" is a formula in words, asked as one)
        meant = Question(
            finish_question(f"What {verb} {shown}"), capital(measured[0][1]), Shape.DEFINITION, 12.5
        )
        more = [
            Question(front, back, Shape.DEFINITION, 12.0, beside=True)
            for front, back in measured[1:]
        ]
        return [meant, *more]
    if sep == "=" and (
        "=" in meaning
        or len(re.findall(r"\b[a-z]{3,}\b", meaning)) < 2
        or (term != _base(term) and _OPERATOR.search(_UNIT.sub("", meaning)))
        or _in_quantities(meaning)
    ):
        return []  # "F = m a", "charge (C) = current (A) x time (s)": a formula, asked as one
    if participle and sep in (":", "-", "\u2013", "\u2014", "->", "="):
        # "Circular wait: prevented by ordering resources" says how, not what.
        how = re.match(r"(\S+)\s+(by|through|using|when|if|because)\s+(.+)$", meaning)
        answer = _short(f"{how[2]} {how[3]}") if how else ""
        where = re.match(
            r"(\S+)\s+(in|from|of|as|at|on)\s+([^,;]+?)\s*(?:[,;]|\s[-\u2013]\s|$)", meaning
        )
        year = where and where[2] in ("in", "on") and re.match(r"(?:c\.\s?)?\d{3,4}s?\b", where[3])
        if not answer and year:
            # "Mappleton - protected in 1991 by rock armour": when it was done, not "in what"
            was = "were" if plural else "was"
            front = finish_question(f"When {was} {shown} {where[1]}")
            return [Question(front, year[0], Shape.DEFINITION, 12.0)]
        done_to = first not in NO_OBJECT_VERBS  # "PG mistakes: stayed in war": no "in what"
        # ("taught in its entirety": how it is taught, not a place or a unit it is taught in)
        where = None if where and where[3].split()[0].casefold() in _POSSESSIVES else where
        if not answer and done_to and where and 1 <= len(words(where[3])) <= MAX_TERM_WORDS:
            # "resistance (R) - measured in ohms (Ω), opposes ..." -> what it is measured in
            front = finish_question(f"What {verb} {shown} {where[1]} {where[2]}")
            return [Question(front, capital(where[3]), Shape.DEFINITION, 12.0)]
        if not answer:
            # "levees - raised banks built along the river": what marks the term out
            return _remark_card(sentence, term, meaning, names)
        front = finish_question(f"How {verb} {shown} {how[1]}")
        return [Question(front, capital(answer), Shape.DEFINITION, 12.0)]
    clause = re.split(r"[,;]|\s[-\u2013\u2014]\s", meaning, maxsplit=1)[0]
    cited = case_span(meaning)
    if cited and (cited[0] == 0 or (plural and sep not in ("is", "are"))):
        # "professionals: Bolam v Friern ... - not negligent if ...", "children: standard of a
        # reasonable child - Mullin v Richards": who a case's rule is for, not what they are
        return []
    # "fuse - melts if current too high": a verb, though "melts" could be a plural noun, where
    # what follows cannot go on a noun ("arms race", "firms pass", "sites of" name things).
    second_word = meaning.split()[1].casefold() if len(meaning.split()) > 1 else ""
    noun_reading = "NOUN" in lemmas(first) and (plural or second_word not in _AFTER_A_VERB)
    if noun_reading and first.endswith("s") and second_word and is_plural(second_word):
        noun_reading = False  # "war - speeds things up": two plurals in a row, a verb first
    acts = verb_base(first, "VBZ") and not noun_reading and first not in _NOT_MEANINGS
    acts = acts and not describing
    if sep not in ("is", "are") and acts:
        # "cholesterol - regulates fluidity, makes membrane more stable": what it does
        does = "do" if plural else "does"
        answer = _EXAMPLE.split(clause, maxsplit=1)[0].strip()  # "speeds things up eg ..."
        # After an example ("eg penicillin, Nightingale") the rest goes on with its examples.
        first_fact = meaning.split(";")[0].rstrip(" .")
        rest = re.split(r",\s+", first_fact)[1:] if answer == clause.strip() else []
        for part in rest:
            # "contains the DNA, controls the cell's activities": each thing it does
            does_more = bool(part.split()) and verb_base(part.split()[0].casefold(), "VBZ")
            if does_more and len(words(f"{answer}; {part}")) <= MAX_ANSWER_WORDS:
                answer = f"{answer}; {part.strip()}"
                continue
            if not does_more and len(words(part)) < MIN_MEANING_WORDS:
                break  # "..., (uses MAC addresses)": an aside, no more that it does
            # "Switch - connects devices on a LAN, sends data only to ...": an answer cut
            # here would lose half of what the line says; the term is asked, all of it shown.
            if len(words(sentence)) > MAX_HIDDEN_LINE_WORDS:
                return []
            return [_term_asked(sentence, term)]
        else:
            answer = _more_it_does(answer, meaning.split(";")[1:] if answer == first_fact else [])
        if not 2 <= len(words(answer)) <= MAX_ANSWER_WORDS:
            return []
        return [
            Question(
                finish_question(f"What {does} {shown} do"), capital(answer), Shape.DEFINITION, 12.5
            )
        ]
    negation = (
        first in ("no", "not")
        and len(words(clause)) >= MIN_STATED_WORDS
        and any(is_verb_form(word) or word in _MODALS for word in words(clause.casefold()))
    )  # "No resource can be removed ..." states; "no clear authority, but ..." comments
    emphasised = any(normalise(t) in (normalise(term), normalise(_base(term))) for t in terms)
    # "**Attachment** = close two-way emotional bond ...": a describing word, not an order
    described_by = emphasised and sep == "=" and "ADJ" in lemmas(first)
    if (
        (first in _NOT_MEANINGS and not negation)
        or (
            verb_base(first, "VB")
            and not described_by
            and not (sep in _DASHES and noun_then_participle(meaning))  # "water moving down"
            and first not in ("one", "any")
            and not (sep == "=" and noun_reading and not _OPERATOR.search(meaning))
            # ("Penetration pricing = low price at launch", but "x = image size / actual size")
            and not (
                noun_reading
                and (
                    second_word in _OF_A_MEASURE
                    or (sep in _DASHES and _relative_clause(meaning.casefold().split()[1:3]))
                    or (
                        "ADJ" in lemmas(first)
                        and meaning.casefold().split()[2:3] in (["of"], ["per"])
                    )
                )
            )  # "rate of flow of charge", "mass per unit volume", "total value of goods": no orders
        )
    ):
        if first in _MODALS and not negation:
            # "direct action - can win publicity but risks losing support": what it can do
            return _remark_card(sentence, term, meaning, names)
        if noun_reading and first not in _NOT_MEANINGS and _says_what_things_do(meaning):
            # "internal deformation - ice crystals deform under pressure": no order, but what
            # happens in the thing the term names; the term is asked, all of the line shown
            return _remark_card(sentence, term, meaning, names)
        return []  # (but "No resource can be removed from ..." says what the term is)
    if meaning[:1] in "\"'\u201c\u2018":
        return []  # a quotation: what someone said, not what the term means
    if re.search(r"\bbecause\b", meaning, re.I) and sep in ("is", "are"):
        return []  # "X is an endothermic reaction because ...": a reason, asked by why()
    if _points_away(meaning):
        return []  # "Risk: customers see it as cheap": "it" is a thing the line never names
    placed = _place_question(term, shown, meaning, plural)
    if placed is not None:
        return placed
    stated = states_about(term, meaning)
    if stated:
        # "ascending limb: IMPERMEABLE to water" says what the thing is like, not what it is
        asked = _property_question(term, shown, meaning, plural) or _conversion_question(meaning)
        if asked or len(words(sentence)) > MAX_HIDDEN_LINE_WORDS:
            return asked
        if emphasised:
            return [_term_asked(sentence, term)]
        if shown == term and term[:1].isupper():
            return []  # a name, whose facts are its dates and deeds
        return [replace(_term_asked(sentence, term), shape=Shape.REMARKED)]
    if sep in (":", "=") and _CONDITION_FIRST.match(meaning):
        # "folk theorem: in infinitely repeated games w/ high enough δ, many outcomes ... can
        # be sustained": where or when a statement holds, then the statement; no answer to
        # "What is it?" cut from it, the term is asked with all of it shown
        return (
            [_term_asked(sentence, term)] if len(words(sentence)) <= MAX_HIDDEN_LINE_WORDS else []
        )
    found_questions = []
    # A meaning too long for a short answer is asked whole where cutting it would leave off
    # mid-phrase ("molecule on the surface of a cell [that triggers an immune response]"), cut
    # where a part is whole before what is said of it ("a muscular pump the size of a fist[,
    # approx. 300 g]")
    fits = _first_part_that_fits(meaning, term)
    cut_short = _cut_mid_phrase(meaning, fits)
    # (a sentence of prose, "The TWI is a weighted average of ...", keeps its deletions: the
    # line is the fact as it stands)
    noted = sep in (":", "=", *_DASHES)
    whole = "" if _short(meaning) or not cut_short or not noted else whole_definition(meaning)
    unplaced = _meaning_without_last_phrase(meaning)
    left_off = meaning[len(unplaced) :].split()[:1] if unplaced else []
    if not (_short(meaning) or whole or fits) and left_off and left_off[0] in _DEFINING_WORDS:
        # "an element that forms at least one stable ion [with an incomplete d sub-level]": a
        # meaning cut before a phrase that says what kind, not where or when ("[in the fossil
        # record]"), loses what defines it; one noun phrase short enough is asked whole
        whole = whole_definition(meaning)
    answer = _short(meaning) or whole or fits or _meaning_without_last_phrase(meaning)
    answer = _with_its_limit(meaning, answer)
    if _equation(meaning) and len(answer) < len(re.split(r"[,;]\s", meaning)[0]):
        return []  # "symmetry: P(Z > a) = 1 - P(Z < a)" cut at its minus sign: a wrong rule
    # "X: a whole clause" and "X is the first key driver of Y" state a fact about X rather
    # than what X means: only the card that asks for X fits them.
    # A name ("Uganda: landslides ...") is no term, unless the sentence says what it is.
    expanded = _expanded(term)  # "LDR (light dependent resistor) - ...": a term, not a name
    named = shown == term and term[:1].isupper() and sep not in ("is", "are") and not expanded
    if emphasised and sep == "=" and " " not in term and lemmas(term.casefold()):
        named = False  # "**Imprinting** = ...": a bold word of the dictionary is a term
    if named and sep in ("=", *_DASHES) and _short_form(term, meaning):
        named = False  # "NSI = conforming to be liked by the group": a term's letters
    cut = False  # a name's meaning that would be asked only in part
    if (
        answer
        and not emphasised
        and sep in (":", *_DASHES)
        and not _short(meaning)
        and not whole
        # (after a colon a label's value may be a list, asked in part: "Structure: lipid
        # envelope, capsid, ...")
        and (sep in _DASHES or not fits)
        and cut_short
        and len(words(sentence)) <= MAX_HIDDEN_LINE_WORDS
    ):
        # "primate city - city much bigger than all others in the country + dominant [in
        # economy/politics]", "steep-sided cone built from layers of ash [and lava, found at
        # ...]": a glossary's meaning too long for one clause would be asked in part; the
        # term is asked instead, all of its meaning shown
        cut = True
    if named and sep == "=" and re.match(r"(?:the|a|an)\s", meaning, re.I):
        # "Biomass = the mass of living material ...": the line says what it is; where the
        # answer would lose part of it, the term is asked with all of it shown instead.
        named = False
        cut = normalise(answer) != normalise(meaning)
    # "**Critical value** - the first value in the critical region": a ranking that uses the
    # term's own words defines it; hiding the term would show the answer.
    ranked = _RANKING.match(meaning) and not (_gives_away(term, meaning) and not named)
    # "**Upthrust**: the upward force a fluid exerts ...": the author's term, then a noun phrase
    described = (
        emphasised
        and bool(
            re.match(r"(?:the|a|an)\s", meaning, re.I) or (whole and noun_then_participle(meaning))
        )
        and (_short(meaning) == meaning.strip().rstrip(".;,") or bool(whole))
    )  # (a meaning too long to answer whole keeps the card that hides the term instead)
    remark = (
        (sep == ":" and split_clause(meaning) is not None and not described)
        or (ranked and sep not in ("means", "mean", "refers to", "refer to"))
        or (named and not described)
        or "?" in meaning
    )
    members = _names_members(meaning) and (emphasised or (not plural and _named_list(meaning)))
    if answer and not remark and not members and not cut:
        # "A consumable resource is ..." -> "What is a consumable resource?": its article kept.
        # (But "**Monitoring** - seismometers, tiltmeters, gas emissions" lists what the
        # term covers: the card asks for the term, and "What is monitoring?" would ask it
        # again the wrong way round; so does "informal sector - street vendors, shoe
        # shiners", where only a plural, "push factors - war, drought", names its list.)
        # ("a logic gate = electronic component ...": the article the notes wrote)
        article = re.match(r"(?:a|an|the)\s+", found[0], re.I)
        if article and sep not in ("is", "are") and not found[0][article.end() :][:1].islower():
            article = None  # ("The Deal: ..." under a heading: a label, no article of a term)
        said = article[0].lower() if article else ""
        if said_with:
            said = said_with  # "What is a priori?", "What is a potentiometer?"
        elif not article and not plural and names_one_idea(shown):
            said = "the "  # "Knowledge argument - ..." -> "What is the knowledge argument?"
        elif not article and not plural and _one_of_a_kind(shown, meaning):
            said = f"{indefinite_article(shown)} "  # "Nebula: a cloud ..." -> "What is a nebula?"
        elif not article and _takes_the(shown):
            said = "the "  # "Main composers: ..." -> "What are the main composers?"
        front = finish_question(f"What {verb} {said}{shown}")
        labelled = sep in (":", "=", "-", "\u2013", "\u2014")  # "push factors - war, drought"
        counted = count_asked(shown, answer) if plural and not said and labelled else ""
        if counted:
            front = f"What are {counted}?"  # "mutagenic agents: UV, X-rays" lists some of them
        elif sep == ":" and RANKED.match(answer):
            front = f"What is the order of {shown}?"  # "stability: tertiary > secondary"
        if describing:
            front = f"What does {shown} mean?"
        if sep in ("means", "mean", "refers to", "refer to"):
            # "A dot means an instance of the resource" -> "What does a dot mean?"
            article = re.match(r"(?:a|an|the)\s+", found[0], re.I)
            named = (article[0].lower() if article else "") + shown
            does = "do" if sep in ("mean", "refer to") else "does"
            verb_words = sep.split()
            verb_words[0] = verb_words[0].removesuffix("s")  # "refers to" -> "refer to"
            front = finish_question(f"What {does} {named} {' '.join(verb_words)}")
        found_questions.append(Question(front, capital(answer), Shape.DEFINITION, 12.5))
    if _gives_away(term, meaning) or (named and not emphasised):
        return found_questions  # (the facts said of a place are its numbers and dates)
    if len(words(sentence)) <= MAX_HIDDEN_LINE_WORDS and (emphasised or not found_questions):
        # The card that asks for the term itself, beside what it means where the author
        # marked the term as one to learn.
        found_questions.append(_term_asked(sentence, term))
    return found_questions


# "for insects in long grass": what a thing is for, not what it is ("for example" excepted)
_FOR_A_USE = lazy_regex(r"^for\s+(?!example\b|instance\b|each\b|every\b|all\b)[a-z]", re.I)
# The head of a noun naming an instrument: "thermometer", "light meter", "pH probe"
_INSTRUMENT = lazy_regex(
    r"(?:meter|metre|scope|graph|probe|gauge|sensor|balance|ruler|stopwatch|timer|counter"
    r"|cylinder|pipette|burette|syringe|calorimeter)$",
    re.I,
)
MAX_INSTRUMENT_WORDS = 3


def _use_or_instrument(shown: str, meaning: str, plural: bool) -> list[Question]:
    """ "sweep net = for insects in long grass" -> "What is a sweep net for?"; "temperature
    - thermometer / temp probe" -> "What is used to measure temperature?": a line that gives a
    thing's use, or the instrument that measures a quantity, is no definition of it."""
    first = re.split(r",\s+|;\s*", meaning, maxsplit=1)[0].strip(" .")
    if _FOR_A_USE.match(first) and len(words(first)) >= MIN_MEANING_WORDS:
        # "damages - for physical damage, loss of amenity, ...": all it is for, where it fits
        whole = meaning.split(";")[0].strip(" .")
        answer = whole if len(words(whole)) <= MAX_ANSWER_WORDS else first
        verb = "are" if plural else "is"
        article = "" if plural or _mass_noun(shown) else f"{indefinite_article(shown)} "
        front = finish_question(f"What {verb} {article}{shown} for")
        return [Question(front, capital(answer), Shape.DEFINITION, 12.0)]
    options = [part.strip() for part in re.split(r"\s*/\s*|\s+or\s+", first) if part.strip()]
    named = re.split(r"\s+(?:in|on|with|across|at|from)\s+", options[0])[0] if options else ""
    head = named.split()[-1] if named.split() else ""  # "voltmeter in parallel"
    if (
        options
        and all(len(option.split()) <= MAX_INSTRUMENT_WORDS for option in options)
        and _INSTRUMENT.search(head)
        and "NOUN" in lemmas(head.casefold())
        and not _INSTRUMENT.search(shown.split()[-1])
    ):
        front = finish_question(f"What is used to measure {shown}")
        return [Question(front, capital(first), Shape.DEFINITION, 12.0)]
    return []


def _more_it_does(answer: str, parts: list[str]) -> str:
    """ "hypothalamus - contains the thermoregulatory centre; also controls water balance": what
    else the thing does, after a semicolon, is part of the answer where it fits."""
    for part in parts:
        done = re.sub(r"^(?:and\s+)?also\s+", "", part.strip().rstrip(" ."), flags=re.I)
        said = done.split()
        if not said or not verb_base(said[0].casefold(), "VBZ"):
            break
        if len(words(f"{answer}; {done}")) > MAX_ANSWER_WORDS:
            break
        answer = f"{answer}; {done}"
    return answer


# Endings of nouns that name a process, a state or a condition ("attrition", "denaturation",
# "tachycardia"): a clause can say what one is ("Attrition - rocks knock into each other").
_PROCESS_NOUN = lazy_regex(r"(?:tion|sion|ment|ance|ence|ing|ism|sis|ure|age|ia|al|cy|ity|ness)$")
# Words a verb is followed by and a noun that opens a definition seldom is: "resistance
# decreases [as] light ...", "current flows [in] one direction".
_AFTER_A_VERB_WORD = frozenset(
    [
        *PREPOSITIONS,
        *("to", "as", "if", "when", "because", "while", "unless", "so", "than"),
        *("a", "an", "the", "up", "down", "out", "away", "back", "off", "over", "more", "less"),
    ]
)
# The names of things whose statement is what they are: "Ohm's law", "Stroop effect"
_STATEMENT_NAME = lazy_regex(
    r"\b(?:laws?|rules?|principles?|theorems?|tests?|equations?|formulae|formulas?|doctrines?"
    r"|maxims?|hypothes[ie]s|theory|theories|effects?|definitions?)\b"
)
_MEANING_PART = lazy_regex(r"[,;(]|\s[-\u2013\u2014]+\s|\s(?:->|=>|\u2192)\s")
_QUANTIFIERS = frozenset(["some", "most", "all", "half", "many", "few", "much", "none", "both"])
_PROPERTY_PREPOSITIONS = frozenset(
    ["to", "in", "at", "for", "with", "from", "on", "by", "under", "across", "into", "within"]
)
# "Baddeley et al (1975)", "Peterson & Peterson (1959)": who showed it and when, a source
_CITATION = lazy_regex(
    r"^[A-Z][\w'\u2019-]+(?:\s+(?:et\s+al\.?|&|and)(?:\s+[A-Z][\w'\u2019-]+)?)?,?\s*\(\d{4}\)$"
)


_OUTSIDE = frozenset(["it", "them", "this", "these", "those"])


def _points_away(meaning: str) -> bool:
    """ "customers see it as cheap/low quality": a subject, its verb and a pronoun for what the
    line is about but never names, so it says nothing of the term before it."""
    tokens = _MEANING_PART.split(meaning.strip(), maxsplit=1)[0].split()
    return (
        len(tokens) > 2
        and "'" not in tokens[0]
        and plural_then_verb(" ".join(tokens[:2]))
        and tokens[2].casefold() in _OUTSIDE
    )


def states_about(term: str, meaning: str) -> bool:
    """Whether what follows a term says something about it rather than what it is: "urea: some
    reabsorbed by diffusion", "LDR: resistance decreases as light intensity increases", "ascending
    limb: impermeable to water", "copper: n ≈ 8.5 x 10^28 m^-3", "leaders mostly in exile". A
    meaning names a kind or says what the term amounts to ("the energy transferred per unit
    charge", "a protein that speeds up a reaction"); a clause defines only a process or a
    condition ("attrition - rocks knock into each other")."""
    chunk = _MEANING_PART.split(meaning.strip(), maxsplit=1)[0]
    tokens = chunk.split()
    if not tokens:
        return False
    if _CITATION.match(re.split(r"\s[-\u2013\u2014]+\s|;", meaning.strip(), maxsplit=1)[0]):
        return True  # "word length effect - Baddeley et al (1975)": who showed it
    named = re.sub(r"\s\([^()]*\)$", "", term).casefold()
    if _STATEMENT_NAME.search(named) or re.match(r"\d|(?:two|three|four|five|six)\s", named):
        return False  # "Ohm's law: V = IR", "two parts of the Woollin test: ...": said whole
    first = tokens[0].casefold()
    second = tokens[1].casefold().strip(".,;:!") if len(tokens) > 1 else ""
    symbol = len(tokens[0]) == 1 and tokens[0].isalpha() and tokens[0] not in "aAI"
    # ("D shape", "T cell": a capital letter naming a kind of the noun after it)
    named_kind = tokens[0].isupper() and can_be(second, "NOUN") and not second.endswith("s")
    if symbol and ((second.isalpha() and not named_kind) or second in ("\u2248", "~")):
        return True  # "rho increases with temperature", "n ~ 8.5 x 10^28": a quantity's value
    done = is_verb_form(second) or bool(re.fullmatch(r"[a-z]{3,}ed", second))
    if first in _QUANTIFIERS and done and not can_be(second, "NOUN"):
        return True  # "some reabsorbed by diffusion": how much of it is done to
    if first in ("it", "they", "he", "she", "we", "you") and second and not can_be(second, "NOUN"):
        return True  # "it is hard to judge when ...": a remark, no meaning
    if (
        second in ("than",)
        or (first == "same" or tokens[:2] == ["the", "same"])
        or (first in ("more", "less", "most", "least") and "ADJ" in lemmas(second))
    ):
        return True  # "the same at every point", "most effective for ...": a comparison
    if only_as(first, "ADJ") and second in _PROPERTY_PREPOSITIONS:
        return True  # "IMPERMEABLE to water": a property
    if first.endswith("ly") and only_as(first, "ADV") and only_as(second, "NOUN"):
        return True  # "farming - mostly sheep (Herdwick)": what there is most of, no meaning
    head = named.split(" of ")[0].split()[-1:]
    if head and _PROCESS_NOUN.search(head[0].casefold()):
        return False  # "mutual exclusion: only one process may use ...": what the state is
    if first in ("a", "an", "the", "one", "any"):
        # "the rate the BoE pays on reserves": a noun phrase, whatever follows it; but "the
        # Advertising Standards Authority (ASA) regulates UK adverts" says who does what
        plain = _MEANING_PART.split(re.sub(r"\s*\([^()]*\)", "", meaning.strip()), maxsplit=1)[0]
        clause = split_clause(plain)
        return bool(
            clause
            and clause.aux in ("does", "do")
            and not any(word.casefold() in ("a", "an", "the") for word in clause.subject[1:])
        )
    if first in ("every", "each", "no", "all"):
        return False  # "star: every device connects to a hub": the rule that makes it one
    if first.endswith("ing") and can_be(first, "VERB"):
        return False  # "believing the person giving orders has the right": a doing, named
    clause = split_clause(chunk)
    if clause and not (clause.aux == "did" and participle_base(clause.verb.casefold())):
        return True  # "firms have to keep changing price lists": a statement of its own
    for at, token in enumerate(tokens[1:6], start=1):
        lower = token.casefold()
        before = tokens[at - 1].casefold()
        after = tokens[at + 1].casefold() if at + 1 < len(tokens) else ""
        if lower in ("that", "which", "who", "whose", "where", "when", "whereby"):
            return False  # "boundary where escape velocity equals c": the clause marks it out
        if lower in PREPOSITIONS or lower in ("to", "as", "than"):
            return False  # "wooden fences at right angles to ...": the noun phrase goes on
        if not token.isalpha() or not token.islower():
            continue
        if before in PREPOSITIONS or before in ("of", "to", "a", "an", "the", "and", "or"):
            continue  # "diffusion of [water] across": a noun after its preposition
        if only_as(before.strip(",;"), "ADJ"):
            continue  # "wooden [fences] at right angles": a noun after its describing word
        noun_before = can_be(before, "NOUN") or not lemmas(before)
        if (
            only_as(lower, "ADV")
            and noun_before
            and (after in _PROPERTY_PREPOSITIONS or participle_base(after))
        ):
            return True  # "Bolshevik leaders mostly in exile", "Na+ actively transported out"
        verb = verb_base(lower, "VBZ") or (
            verb_base(lower, "VBP") and is_plural(before) and not can_be(before, "VERB")
        )
        if verb and after in _AFTER_A_VERB_WORD:
            return True  # "current flows in one direction only", "savers lose if ..."
        if verb and noun_before and _takes_an_object(tokens[at + 1 : at + 5]):
            # "Thirlmere reservoir supplies Manchester", "beta oxidation turns fatty acids into
            # acetyl CoA": a thing of its own doing something to another, no meaning of the term
            return True
    return False


# "at the back, below the cortex", "on the cristae of ...": where a thing is, not what it is
PLACE_OPENING = lazy_regex(
    r"(?P<prep>in|on|at|inside|within|below|above|behind|beneath|under|between|near|next\s+to"
    r"|outside|around|along)\s+(?P<article>(?:the|a|an|each|every)\s+)?(?P<noun>[A-Za-z][\w-]*)",
    re.I,
)
# "in contrast", "at least", "on average": a phrase that opens a remark, no place
_NO_PLACE = frozenset(
    ["contrast", "general", "other", "fact", "short", "total", "practice", "theory", "addition",
     "particular", "effect", "turn", "least", "most", "first", "last", "average", "order",
     "response", "return", "favour", "favor", "case", "terms", "time", "times", "place",
     "charge", "common", "summary", "reality", "principle", "risk", "danger", "power", "use",
     "same", "end", "start", "beginning", "past", "future", "presence", "absence", "long",
     "light", "dark", "morning", "evening", "afternoon", "night", "day", "week", "year", "event"]
)  # fmt: skip


def opens_on_a_place(meaning: str) -> bool:
    """ "at the back, below the cortex", "in sarcoplasm, ...", "in the Peak District": the
    words open on where a thing is (not "at rest", "in humans", "in contrast")."""
    opening = PLACE_OPENING.match(meaning.strip())
    if not opening or opening["noun"].casefold() in _NO_PLACE:
        return False
    noun = opening["noun"].casefold()
    named = opening["noun"][:1].isupper() or not lemmas(noun)  # "in Africa", "in sarcoplasm"
    if not named and not can_be(noun, "NOUN"):
        return False  # "in making ...", "at once": no thing named as the place
    loose = opening["prep"].casefold() in ("in", "on", "at", "between")
    # ("at rest", "in humans", "between luxury and asceticism", "in a stable climate": when,
    # for whom or how; a place is the one named: "at the back", "in the abdomen")
    the = (opening["article"] or "").strip().casefold() not in ("", "a", "an")
    return named or the or not loose


def _place_question(term: str, shown: str, meaning: str, plural: bool) -> list[Question] | None:
    """ "cerebellum - at the back, below the cortex" -> "Where is the cerebellum?" :: "At the
    back, below the cortex"; "aerobic glycolysis - in sarcoplasm, ..." -> "Where does aerobic
    glycolysis take place?" :: "In sarcoplasm": a line that says where its thing is, asked so,
    its answer the places it names; None where the line names no place first."""
    if not opens_on_a_place(meaning):
        return None
    places = []
    for part in re.split(r"[,;]\s+", meaning.strip().rstrip(" .")):
        if not PLACE_OPENING.match(part) or _MEANING_PART.search(part):
            break  # "..., glucose -> pyruvic acid": what happens there, another fact
        places.append(part)
    answer = ", ".join(places)
    if not places or len(words(answer)) > MAX_ANSWER_WORDS:
        return []
    head = shown.split()[-1]
    process = bool(_PROCESS_NOUN.search(head.casefold()))
    # "the cerebellum", "the Krebs cycle", "the light-dependent stage": a thing with a common
    # noun for its head ("glycolysis", "digestion" name a doing and take none)
    doing = re.search(r"(?:tion|sion|sis|ing|ism)$", head.casefold())
    article = "" if doing or not head.islower() else "the "
    if process or head.casefold() in ("cycle", "cycles", "reaction", "reactions"):
        front = f"Where {'do' if plural else 'does'} {article}{shown} take place?"
    else:
        front = f"Where {'are' if plural else 'is'} {article}{shown}?"
    return [Question(front, capital(answer), Shape.RELATION, 12.0)]


_DETERMINED = frozenset(["the", "a", "an", "its", "their", "this", "these", "each", "every"])


def names_a_deed(term: str) -> bool:
    """ "Electroplating uses the same idea": a subject, a verb and its object, a sentence
    before its colon rather than a term."""
    tokens = term.casefold().split()
    return any(
        verb_base(word, "VBZ") and tokens[at + 1] in _DETERMINED
        for at, word in enumerate(tokens[1:-1], start=1)
    )


def _takes_an_object(following: list[str]) -> bool:
    """ "Manchester", "fatty acids into ...": after a verb, a name, or a noun phrase of a word or
    two and then where it goes ("into", "to", "from"), which a noun before it would not take."""
    if not following:
        return False
    if following[0][:1].isupper() and following[0].isalpha() and not following[0].isupper():
        return True  # (not "lungs CO2": capitals are a symbol or an abbreviation)
    for at, token in enumerate(following[:3]):
        lower = token.casefold()
        if lower in ("into", "to", "from") and at >= 1:
            return True
        if not token.isalpha() or not (can_be(lower, "NOUN") or can_be(lower, "ADJ")):
            return False
    return False


# "beta oxidation turns fatty acids into acetyl CoA -> Krebs": a doer, its verb, what it acts
# on and what that becomes, up to an arrow, a comma or a bracket
_CONVERSION = lazy_regex(
    r"^(?P<doer>[a-z][\w-]*(?:\s[a-z][\w-]*){0,2})\s(?P<verb>[a-z]+s)\s"
    r"(?P<acted>[\w-]+(?:\s[\w-]+){0,2})\s(?P<prep>into|to)\s"
    r"(?P<made>[^,;()\-\u2192>]+?)\s*(?:->|=>|\u2192|[,;(]|\s[-\u2013\u2014]\s|$)"
)


def _conversion_question(meaning: str) -> list[Question]:
    """ "fats: beta oxidation turns fatty acids into acetyl CoA -> Krebs" -> "What does beta
    oxidation turn fatty acids into?" :: "Acetyl CoA": a label's line that says what one thing
    makes of another, asked for what it makes."""
    match = _CONVERSION.match(meaning.strip())
    if not match:
        return []
    base = verb_base(match["verb"], "VBZ")
    if not base or not all(is_noun_phrase_word(word) for word in match["doer"].split()):
        return []
    made = match["made"].strip()
    first = made.split()[0].casefold()
    if not 1 <= len(words(made)) <= MAX_TERM_WORDS or only_as(first, "VERB") or is_stopword(first):
        return []  # ("helps people to get ...": what it is for, not what it becomes)
    if not all(is_noun_phrase_word(word) for word in match["acted"].split()):
        return []
    front = f"What does {match['doer']} {base} {match['acted']} {match['prep']}?"
    return [Question(front, capital(made), Shape.RELATION, 12.0)]


def _property_question(term: str, shown: str, meaning: str, plural: bool) -> list[Question]:
    """ "ascending limb: impermeable to water" -> "What is the ascending limb impermeable to?"
    :: "Water": a property and what it holds for, asked of the thing."""
    match = re.match(
        r"(?P<adj>[A-Za-z-]+)\s+(?P<prep>\w+)\s+(?P<what>[^,;()]+?)\s*(?:[,;(]|\s[-\u2013\u2014]\s|$)",
        meaning,
    )
    if not match or not only_as(match["adj"], "ADJ") or match["prep"] not in _PROPERTY_PREPOSITIONS:
        return []
    if not 1 <= len(words(match["what"])) <= MAX_TERM_WORDS:
        return []
    named = shown
    if len(term.split()) > 1 and shown[:1].islower() and not plural:
        named = f"the {shown}"  # "the ascending limb": one part, named
    verb = "are" if plural else "is"
    front = finish_question(f"What {verb} {named} {match['adj'].casefold()} {match['prep']}")
    return [Question(front, capital(match["what"]), Shape.RELATION, 12.0)]


def opens_on_a_verb(term: str) -> bool:
    """ "Differ from parties": a verb and what follows it, what something does, no term."""
    tokens = term.split()
    if len(tokens) < 2 or not tokens[1][:1].islower():
        return False  # ("Spurn Head": a name)
    return bool(verb_base(tokens[0], "VBP")) and only_as(tokens[0], "VERB")


# Describing words that pick some things out of more: "main composers" are the main ones.
_PICKING = frozenset(["main", "key", "chief", "principal", "major", "leading", "first", "last"])


def _takes_the(shown: str) -> bool:
    """ "main composers", "key features": some picked out of more, which take "the"."""
    tokens = shown.split()
    return len(tokens) > 1 and tokens[0] in _PICKING and is_plural(shown)


# Nouns a named idea ends on: "the knowledge argument", "the break-even point", "the
# Chandrasekhar limit", "the multiplier effect", "the problem of evil" (but a theory is often a
# field: "game theory", "attachment theory")
_ONE_IDEA = frozenset(
    ["argument", "principle", "paradox", "hypothesis", "fallacy", "problem", "limit", "point",
     "effect", "law"]
)  # fmt: skip
MAX_IDEA_WORDS = 4


def names_one_idea(shown: str) -> bool:
    """ "knowledge argument", "equivalence point", "cosmological argument", "problem of evil",
    "main sequence": one idea the words before its noun name, asked with "the" ("What is the
    knowledge argument?"); not a kind described ("valid argument") nor one owned ("Stefan's
    law")."""
    tokens = shown.split()
    if not 2 <= len(tokens) <= MAX_IDEA_WORDS or re.search(r"['\u2019]s\b|[^\w\s'\u2019-]", shown):
        return False
    first = tokens[0].casefold()
    if first in ("a", "an", "the") or is_plural(shown):
        return False
    if first in _ONE_IDEA and tokens[1] == "of":
        return True  # "problem of evil", "law of segregation"
    if first in _PICKING and len(tokens) == 2 and tokens[-1].islower():
        return True  # "main sequence": the one picked out
    if tokens[-1] not in _ONE_IDEA or len(tokens) > 3:
        return False
    modifier = tokens[-2]
    parts = lemmas(modifier.casefold())
    return (
        not parts
        or "NOUN" in parts
        or modifier[:1].isupper()
        or modifier.casefold().endswith("ical")  # "ontological", "cosmological"
    )


# Endings of nouns of a field, a doctrine or a state, which take no "a": "folk psychology",
# "dualism", "economics", "awareness"
_MASS_ENDING = lazy_regex(r"(?:ology|ism|ics|ness)$")
MASS_ZIPF_GAP = 1.5  # a noun this much commoner than its plural is seldom counted
MIN_COUNTED_ZIPF = 2.5  # rarer nouns have plurals too rare to weigh against


def _mass_noun(shown: str) -> bool:
    """ "folk psychology", "inflation", "obesity": a noun the language seldom counts, asked
    without "a" ("What is inflation?", not "What is an inflation?"); "transaction",
    "entity" are counted ("What is a transaction?")."""
    head = shown.split()[-1].casefold()
    if _MASS_ENDING.search(head):
        return True
    if head.endswith("s") or zipf(head) < MIN_COUNTED_ZIPF:
        return False  # ("series", "ammeter": a plural the word list cannot tell)
    plural = f"{head[:-1]}ies" if re.search(r"[^aeiou]y$", head) else f"{head}s"
    plural = f"{head}es" if re.search(r"(?:s|x|z|ch|sh)$", head) else plural
    return zipf(head) - zipf(plural) >= MASS_ZIPF_GAP


def _equation(meaning: str) -> bool:
    """ "P(Z > a) = 1 - P(Z < a)": symbols on the left of an equals sign, no words."""
    left = re.split(r"\s*=\s*", meaning, maxsplit=1)
    return len(left) == 2 and bool(left[0]) and not re.search(r"[A-Za-z]{3,}", left[0])


def _describing_participle(meaning: str) -> bool:
    """ "organised group that tries to ...", "elected body of ...": a participle describing the
    noun that names what the term is, not what was done to it ("prevented by ordering")."""
    tokens = re.findall(r"[\w'\u2019-]+|[,;]", meaning)
    # the noun may be a compound: "combined market share of the largest firms"
    end = 1
    while (
        end < min(len(tokens), MAX_COMPOUND_NOUN + 1)
        and tokens[end].casefold() not in (*PREPOSITIONS, *_AFTER_THE_NOUN)
        and can_be(tokens[end], "NOUN")
    ):
        end += 1
    if end == 1:
        return False
    after = tokens[end].casefold() if len(tokens) > end else ""
    return after in ("", *_AFTER_THE_NOUN)


# what goes on after the noun a participle describes: "... group that tries", "... share of"
_AFTER_THE_NOUN = (",", ";", "that", "which", "who", "whose", "where", "of")


MAX_COMPOUND_NOUN = 3  # "market share", "blood glucose level": nouns that name one thing


def _one_of_a_kind(shown: str, meaning: str) -> bool:
    """ "nebula" over "a cloud of dust and gas": a thing the notes name one of, so asked with
    "a" ("What is a nebula?"); never a name or a word in capitals ("What is DNA?")."""
    return (
        bool(re.match(r"(?:a|an)\s+[a-z]", meaning))
        and shown[:1].islower()
        and not _mass_noun(shown)
        and not any(ch.isupper() for ch in shown)
        and not re.search(r"[^\w\s'-]", shown)
    )


def _term_asked(sentence: str, term: str) -> Question:
    """The card that hides the term in its line, the whole of what the line says shown."""
    line = sentence.rstrip(" .")
    if line.startswith(term):
        line = capital(line)  # "informal sector - street vendors, ...": a sentence's capital
        term = line[: len(term)]
    return Question(line, term, Shape.DEFINITION, 12.0, term)


_OF_A_MEASURE = ("of", "for", "between", "per")


def _relative_clause(tokens: list[str]) -> bool:
    """ "[that has] been built on", "[which runs] ...": a clause that marks out the noun before
    it ("land that has been built on before" names land, it orders no one to land)."""
    if len(tokens) < 2 or tokens[0] not in ("that", "which", "who"):
        return False
    verb = tokens[1].strip(",;")
    return is_verb_form(verb) or bool(verb_base(verb, "VBZ"))


# Words that follow a verb and never a plural noun opening a phrase: "melts [if] ...".
_AFTER_A_VERB = frozenset(["the", "a", "an", "its", "their", "if", "when", "into", "up", "down"])

_RANKING = lazy_regex(
    r"^(?:the\s+(?:first|second|third|last|main|key|most|least|largest|smallest|biggest|primary"
    r"|only|best|worst|major|principal|same|\w+est)\b"
    r"|(?:a|an|one)\s+(?:\w+\s+)?(?:example|instance|case|illustration)\s+of\b)",
    re.I,
)
# Words that open a comment on a term rather than its meaning ("X: see below").
_NOT_MEANINGS = frozenset(
    [
        "see",
        "also",
        "not",
        "no",
        "yes",
        "e.g",
        "eg",
        "i.e",
        "ie",
        "etc",
        "cf",
        "if",
        "is",
        "are",
        "was",
        "were",
        "does",
        "do",
        "did",
        "can",
        "could",
        "will",
        "would",
        "should",
        "must",
        "may",
        "might",
        "has",
        "have",
        "had",
    ]
)


def _described_by_participle(term: str) -> bool:
    """ "mixed strategy", "fixed costs", "truncated spurs": a thing named with what is done to
    it, a term (not "price rises", a thing and its verb: a participle opens the term)."""
    tokens = term.casefold().split()
    return (
        len(tokens) == 2
        and bool(participle_base(tokens[0]))
        and "NOUN" in lemmas(tokens[1])
        and (not verb_base(tokens[1], "VBZ") or is_plural(tokens[1]))
    )


def _term_and_meaning(sentence: str, terms: tuple[str, ...]) -> tuple[str, str, str] | None:
    match = _separated(sentence)
    if match:
        term, sep, meaning = match["term"].strip(), match["sep"].strip(), match["meaning"].strip()
        # "current (I) = rate of flow of charge": the term is what stands before its symbol
        base = _base(term)
        if base != term and " " in term[len(base) + 2 :] and not _expanded(term):
            return None  # "start of detente (sort of)": an aside, not a symbol or a long form
        emphasised = any(normalise(t) in (normalise(term), normalise(base)) for t in terms)
        if sep in ("->", "=>") and not emphasised:
            return None  # "tax -> both fall + deadweight loss": what it leads to, not its meaning
        # ("Required practical: the effect of pH ...": a label over what it names)
        named = _looks_like_term(base) or (sep == "=" and _described_by_participle(base))
        if (sep != "." or emphasised) and (emphasised or named):
            # Unless the author marked the term, "X - a whole clause" is a remark about X.
            clause = not emphasised and split_clause(meaning.split(" - ")[0]) is not None
            if sep in _DASHES and noun_then_participle(meaning):
                clause = False  # "throughflow - water moving sideways ...": what it is
            if sep == "=":
                clause = False  # "Place = how and where ...", "X = brand appears in a film"
            termlike = _looks_like_term(base, strict=False) or (
                sep == "=" and _described_by_participle(base)
            )
            if termlike and _names_a_thing(base) and not clause:
                return term, meaning, sep
    match = _COPULA.match(sentence)
    if not match:
        kind = _KIND_OF_THING.match(sentence)
        match = kind if kind and _names_a_class(kind["meaning"]) else None
    if not match:
        return None
    term = match["term"].strip()
    if term != _base(term) and not _expanded(term) and not _abbreviated(term):
        return None  # "Manet (a realist) is ...": an aside, not the term's short or long form
    if _looks_like_term(_base(term), described=True) and _names_a_thing(_base(term)):
        # "Seasonal affective disorder (SAD) is a ...": the term with its abbreviation
        return term, match["meaning"].strip(), match["verb"].casefold()
    return None


_AN_EXAMPLE = lazy_regex(r"(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}example\b", re.I)


# The endings of describing words ("deontological", "endothermic", "consequentialist")
_DESCRIBING_WORD = lazy_regex(r"(?:ical|al|ic|ive|ous|ful|less|able|ible|ist)$")


_DASHES = ("-", "\u2013", "\u2014")
_PLACE_ADVERBS = frozenset(
    ["down", "up", "over", "along", "away", "off", "out", "back", "sideways"]
)


# "mother had to be introduced", "people used to live": a verb of a clause, not of a purpose
_NOT_PURPOSE_VERBS = frozenset(["had", "used", "got", "seemed", "appeared", "tended", "wanted"])


def noun_then_participle(meaning: str) -> bool:
    """ "water moving sideways through the soil", "water caught by leaves", "large boulders
    rolled along the bed", "water in the river": a thing, then where it is, what it is doing or
    what is done to it. A noun phrase that says what a term is, though a verb could be read
    in it."""
    tokens = [token.casefold().strip(",;") for token in meaning.split()[:7]]
    if len(tokens) > 2 and tokens[1] in PREPOSITIONS and can_be(tokens[0], "NOUN"):
        return True  # "water in the river itself"
    for index, token in enumerate(tokens[1:4], start=1):
        doing = token.endswith("ing") and verb_base(token, "VBG") is not None
        done = verb_base(token, "VBN") or (token.endswith("ed") and verb_base(token, "VBD"))
        if doing or done:
            after = tokens[index + 1 : index + 3]
            # ("energy needed to raise the temperature ...": what it is needed for)
            purpose = after[:1] == ["to"] and len(after) > 1 and bool(verb_base(after[1], "VB"))
            purpose = purpose and bool(done) and token not in _NOT_PURPOSE_VERBS
            return (
                can_be(tokens[index - 1], "NOUN")
                and all(is_noun_phrase_word(word) for word in tokens[:index])
                and bool(after)
                and (after[0] in PREPOSITIONS or after[0] in _PLACE_ADVERBS or purpose)
            )
        if not is_noun_phrase_word(token):
            return False
    return False


def _says_what_things_do(meaning: str) -> bool:
    """ "ice crystals deform under pressure", "plates move apart": a plural noun (after a word
    that can name a thing), then a verb in the present: what the things do."""
    tokens = [token.casefold().strip(",;") for token in meaning.split()[:3]]
    for at in (0, 1):
        if at + 1 >= len(tokens) or (at and not can_be(tokens[0], "NOUN")):
            return False
        if is_plural(tokens[at]) and verb_base(tokens[at + 1], "VBP"):
            return not is_plural(tokens[at + 1])
    return False


def _remark_card(sentence: str, term: str, meaning: str, names: frozenset[str]) -> list[Question]:
    """ "gabions - wire cages filled with rocks, cheap", "direct action - can win publicity",
    "cold-based = frozen to the bed, moves by ...": a term, a dash or an equals sign, and a
    whole clause said of it. The clause is no meaning to ask for, but the
    line as a whole says what marks the term out: the term is asked, all of the line shown,
    where no other card asks the line. A name ("Stalin - refused to help") or a label ("For -
    they allow ...") is no term."""
    if not re.match(rf"{re.escape(term)}\s+[-\u2013\u2014=]\s", sentence):
        return []
    base = _base(term)
    if base != term and not _expanded(term) and re.search(r"\d|\s", term[len(base) + 2 :]):
        return []  # "start of detente (sort of)": an aside, not a symbol or a long form
    if lower_first(term.split(), names) == term.split() and term[:1].isupper():
        return []  # "Stalin", "Surprise Symphony": a name, whose facts are its dates and deeds
    if not (_looks_like_term(base) and _names_a_thing(base)) or normalise(base) in RELATION_LABELS:
        return []
    if len(words(meaning)) < MIN_MEANING_WORDS or len(words(sentence)) > MAX_HIDDEN_LINE_WORDS:
        return []
    if _gives_away(term, meaning):
        return []
    return [replace(_term_asked(sentence, term), shape=Shape.REMARKED)]


# "Pathogens are microorganisms that cause disease": a plural noun without an article, then
# what marks it out, says what the things are as well as "X is a Y" does.
_KIND_OF_THING = lazy_regex(
    r"^(?P<term>[^,;:()]{2,60}?(?:\s\([^,;:()]{1,40}\))?)\s+(?P<verb>are)\s+(?P<meaning>[a-z].+)$",
    re.I,
)
_MARKS_OUT = frozenset(
    ["that", "which", "who", "whose", "where", "in", "of", "with", "made", "used"]
)


def _names_a_class(meaning: str) -> bool:
    """ "microorganisms that cause ...", "biological catalysts": a plural noun (with its
    describing words) ending the phrase or followed by what marks it out, not "higher in ..."
    or "found in ..."."""
    tokens = meaning.rstrip(" .").split()
    for index, token in enumerate(tokens[:4]):
        word = token.strip(",;").casefold()
        if not is_noun_phrase_word(token) or is_stopword(word):
            return False
        marked = index + 1 < len(tokens) and tokens[index + 1].casefold() in _MARKS_OUT
        if marked or index + 1 == len(tokens) or token.endswith((",", ";")):
            # ("costs that do not change ...": after "are" a word marked out by what follows
            # is the noun, though "costs" could be a verb elsewhere)
            return is_plural(word) and (marked or not verb_base(word, "VBZ"))
    return False


def _base(term: str) -> str:
    """ "LDR (light dependent resistor)" -> "LDR": a term without its long form or symbol."""
    return re.sub(r"\s\([^()]*\)$", "", term)


def _short_form(term: str, meaning: str) -> bool:
    """ "NSI", "DCT", "AP": the capitals a term is written in for short, no word of the
    dictionary ("ARMY: ...", "BLAME: ...") and said with what the term is rather than what its
    letters stand for (asked as "What does HIC stand for?")."""
    if not re.fullmatch(r"[A-Z]{2,6}", term) or lemmas(term.casefold()):
        return False
    if re.search(r"%|[\u00d7\u00f7]|\s[=/*]\s|\)\s*/", meaning):
        return False  # "PED = % change in Qd / % change in price": a formula, asked as one
    said = re.split(r"[,;:(.]|\s[-\u2013\u2014]\s", meaning)[0]
    opening = said.split()[0].casefold() if said.split() else ""
    if opening in PRONOUNS or opening in ("each", "every", "both", "all"):
        return False  # "NE = each plays Heads w/ prob 1/2": what happens in one case
    letters = "".join(word[0] for word in re.findall(r"[A-Za-z]+", said)).upper()
    return not spelled_by(term, said) and letters != term  # ("ROCE = return on capital ...")


def _expanded(term: str) -> bool:
    """ "LDR (light dependent resistor)": an abbreviation beside the words it stands for."""
    long_form = re.search(r"\s\(([^()]*)\)$", term)
    if not long_form:
        return False
    initials = "".join(word[0] for word in re.split(r"[\s-]+", long_form[1]) if word)
    return initials.casefold() == re.sub(r"\W", "", _base(term)).casefold()


_WH_CLAUSE = lazy_regex(r"(?:how|what|where|when|why|whether)\b", re.I)


def _names_a_thing(term: str) -> bool:
    """A term ends in a noun (or a word no dictionary knows): "Indirect" alone is no term,
    "price skimming" is (a verb's "-ing" form names the doing)."""
    last = re.sub(r"['\u2019]s$", "", term.split()[-1]).casefold()
    parts = lemmas(last)
    return (
        not parts
        or _headed_by_article(term.split())
        or "NOUN" in parts
        or (last.endswith("ing") and "VERB" in parts)
        or "PROPN" in parts
        or (term.split()[-1][:1].isupper() and len(term.split()) > 1)
    )


def is_plural(term: str) -> bool:
    """ "chunks", "sources of error": the head noun (before an "of" phrase) is plural."""
    head = re.split(r"\s+(?:of|for|in|on|at|to|with|from)\s+", term, maxsplit=1)[0]
    written = head.split()[-1]
    last = written.casefold()
    if last in _IRREGULAR_PLURALS:
        return True
    if not last.endswith("s") or last.endswith(("ss", "is", "us")):
        return False
    nouns = lemmas(last).get("NOUN", ())
    # "chunks" -> "chunk", "strategies" -> "strategy", "processes" -> "process"
    singulars = (last[:-1], f"{last[:-3]}y", last[:-2])
    if any(singular in nouns for singular in singulars):
        return True
    if last in nouns:
        return False  # "series", "species": a noun of its own, ending in "s"
    # "bars" (which the dictionary knows only as a verb), "groynes" (which it does not know):
    # the word without its "s" is a noun, or a word in small letters no dictionary knows.
    if any(len(singular) > 2 and can_be(singular, "NOUN") for singular in singulars):
        return True
    # "comprehensives": a describing word never takes an "s", so with one it names things
    described = any(len(singular) > 2 and can_be(singular, "ADJ") for singular in singulars)
    unknown = not lemmas(last) and (described or not any(lemmas(s) for s in singulars))
    return unknown and written.islower()


# Plurals without an "s" that notes use as labels: "children: standard of a reasonable child".
_IRREGULAR_PLURALS = frozenset(["children", "people", "men", "women", "mice", "teeth", "feet"])


_MODALS = frozenset(["can", "cannot", "may", "must", "will", "would", "should", "could"])
# Words that name a part or relation of something else ("leaders", "effects"): as a term
# they ask nothing without the thing they belong to.
RELATION_LABELS = frozenset(
    [
        "leaders",
        "leader",
        "members",
        "achievements",
        "aims",
        "significance",
        "results",
        "outcome",
        "impact",
        "importance",
        "examples",
        "example",
        "types",
        "kinds",
        "features",
        "uses",
        "advantages",
        "disadvantages",
        "causes",
        "effects",
        "consequences",
        "benefits",
        "problems",
        "factors",
        "reasons",
        "methods",
        "steps",
        "stages",
        "properties",
        "key points",
        "note",
        "notes",
    ]
)
_TO_THE_READER = frozenset(
    ["note", "notice", "remember", "recall", "see", "consider", "observe", "look", "compare"]
)


def _abbreviated(term: str) -> bool:
    """ "Seasonal affective disorder (SAD)": the words, then the abbreviation they make."""
    short = re.search(r"\s\(([A-Z][A-Za-z]{1,7})\)$", term)
    if not short:
        return False
    initials = "".join(word[0] for word in re.split(r"[\s-]+", _base(term)) if word)
    return initials.casefold() == short[1].casefold()


def _looks_like_term(term: str, strict: bool = True, described: bool = False) -> bool:
    """A short noun phrase that can name a term; `strict` refuses any word that could be a
    verb's past, but where `described` ("Fixed costs are costs that ...") one that describes
    the noun after it or is the noun the term ends on."""
    tokens = term.split()
    if not 1 <= len(tokens) <= MAX_TERM_WORDS or term[:1] in "\"'\u201c\u2018(":
        return False  # a quotation or an aside, not a term
    first = tokens[0].casefold()
    if first in PRONOUNS or first in INDEFINITE_PRONOUNS:
        return False  # "Nothing is the cause of itself": no thing to define
    if first in ("there", "here", "it", "this", "these", "such", "one"):
        return False
    if first in _TO_THE_READER:
        return False  # "Notice Euler's formula here": words to the reader, not a term
    if len(tokens) > 1 and tokens[1].casefold() in _DETERMINERS and verb_base(first, "VB"):
        return False  # 'close the "missile gap"': a verb and its object, not a term
    if any(token.casefold() in PRONOUNS or token.casefold() == "one" for token in tokens):
        return False  # "risk in this approach": the term needs its antecedent
    if is_stopword(first) and first not in ("a", "an", "the", "no"):
        return False  # "In essence", "For Russia": a phrase, not a term ("No preemption" is)
    if any(char.isdigit() for char in term):
        return False  # "September 54", "Approach 1": a date or a numbered label
    plain = normalise(term)
    if (
        not plain
        or plain in LABEL_WORDS
        or all(t in LABEL_WORDS or is_stopword(t) for t in plain.split())
        or is_label_phrase(term)  # "Key point: ...": a label over the point, not its term
    ):
        return False
    if any(char.isdigit() for char in term) and not re.search(r"[A-Za-z]{3}", term):
        return False
    if strict and any(
        is_verb_form(t)
        and not t.endswith("ing")
        and not (described and names_or_describes(tokens, at))
        for at, t in enumerate(tokens)
    ):
        return False
    if any(
        "ADV" in lemmas(word.casefold())
        and "NOUN" not in lemmas(word.casefold())
        and not is_stopword(word.casefold())  # ("interest on loans": a preposition)
        and (then.casefold() in AUXILIARIES or verb_base(then.casefold(), "VBZ"))
        for word, then in itertools.pairwise(tokens)
    ):
        return False  # "conservation often means managing ...": a clause, not a term
    return all(
        is_noun_phrase_word(t) or is_stopword(t) or _headed_by_article(tokens[: i + 1])
        for i, t in enumerate(tokens)
    )


def names_or_describes(tokens: list[str], at: int) -> bool:
    """ "fixed costs", "opportunity cost": a word that could be a verb's past is a describing
    word before the noun it goes with, or the noun the term ends on, not the verb of a clause
    ("Mao thought China ...", "the treaty signed ...")."""
    word = tokens[at].casefold()
    parts = lemmas(word)
    if at + 1 < len(tokens):
        return "ADJ" in parts and at == 0 and not is_stopword(tokens[at + 1].casefold())
    return at > 0 and "NOUN" in parts and not word.endswith("ed")


def _headed_by_article(tokens: list[str]) -> bool:
    """ "An interrupt", "the flush": a word straight after an article is the noun it heads,
    though the dictionary knows it only as a verb."""
    return len(tokens) == 2 and tokens[0].casefold() in ("a", "an", "the")


_KIND_SECTION = lazy_regex(
    r"^(?:(?P<thing>[a-z][a-z -]{1,30}?)\s+(?:styles|types|kinds|forms|approaches|systems|methods)"
    r"|(?:styles|types|kinds|forms)\s+of\s+(?P<of>[a-z][a-z -]{1,30}))$"
)
# "Causes", "Criticisms": a heading over points made about something, not kinds of a thing
_POINTS_HEADINGS = frozenset(
    ["cause", "effect", "impact", "factor", "reason", "advantage", "disadvantage", "problem",
     "criticism", "strength", "weakness", "consequence", "example", "benefit", "cost", "issue",
     "limitation", "feature", "characteristic", "evaluation", "point", "note", "tip", "result"]
)  # fmt: skip
_DESCRIBING_ENDINGS = ("al", "ive", "ic", "ous", "ary", "ent", "ant", "ar", "ile", "ible", "able")
# "FEEDBACK", "moraines:", "Weathering": a heading that is one thing its items are kinds of
_ONE_THING = lazy_regex(r"^(?P<thing>[a-z][a-z-]{3,30})$")
_DESCRIBED_KIND = lazy_regex(
    r"^(?P<kind>[A-Z][a-z]+(?:-[a-z]+)?)\s*(?:[-\u2013\u2014=:])\s+(?P<meaning>(?:the|a|an)\s.+)$"
)
# "positive = what was good / reinforces", "mechanical (freeze-thaw): water gets in cracks":
# one describing word, an aside in brackets, and what that kind is
_KIND_MEANING = lazy_regex(
    r"^(?P<kind>[A-Za-z][a-z]{3,})(?:\s+\([^()\d]{1,30}\))?\s*(?:\s[-\u2013\u2014]|=|:)\s+"
    r"(?P<meaning>\S.+)$"
)


def _kinds_of(section: str) -> str:
    """The thing a section's items are kinds of: "immunity" for "Types of immunity", "practice"
    for "Practice methods", "feedback" for "FEEDBACK", "moraine" for "moraines:"; "" for a
    heading that names no one thing ("Primary vs secondary response", "Key terms")."""
    text = re.sub(r"\s*\([^()]*\)|^\d+[.)]\s*|[:\s]+$", "", section).casefold().strip()
    kinds = _KIND_SECTION.match(text)
    if kinds:
        return (kinds["thing"] or kinds["of"]).strip()
    one = _ONE_THING.match(text)
    if not one or "NOUN" not in lemmas(one["thing"]) or is_stopword(one["thing"]):
        return ""
    thing = one["thing"]
    single = lemmas(thing)["NOUN"][0]
    thing = single if is_plural(thing) and single != thing else thing
    return "" if thing in _POINTS_HEADINGS else thing


def _names_a_kind(word: str, thing: str) -> bool:
    """ "positive", "massed", "lateral": a word that describes (an adjective, or a participle
    such as "distributed") and so names a kind only with the thing it describes; not a word
    that is as much a verb ("waste", "wrong") or the heading's own word ("normalised")."""
    parts = lemmas(word)
    if word[:5] == thing[:5] or thing[:5] in word or not parts or is_stopword(word):
        return False  # ("emigrant" under "Migration": a noun of the heading's own stem)
    if "ADJ" in parts:
        return word.endswith((*_DESCRIBING_ENDINGS, "ed")) or set(parts) <= {"ADJ", "NOUN"}
    return word.endswith("ed") and set(parts) == {"VERB"}


def described_kind(sentence: str, section: str) -> list[Question]:
    """ "Autocratic - the leader makes all decisions alone" under "LEADERSHIP STYLES" -> "What is
    autocratic leadership?"; "positive = what was good / reinforces" under "FEEDBACK" -> "What
    is positive feedback?": a describing word that names one kind of what its section is
    about, and what that kind is like."""
    thing = _kinds_of(section)
    match = _DESCRIBED_KIND.match(sentence.strip()) or _KIND_MEANING.match(sentence.strip())
    if not thing or not match:
        return []
    word = match["kind"].casefold()
    if not _names_a_kind(word, thing):
        return []  # "Penetration - ...": a noun names its own thing
    meaning = match["meaning"].strip()
    if meaning[:1] in "\"'\u201c\u2018" or re.search(r"\d", meaning.split()[0]):
        return []  # a quotation or a value, not what the kind is
    answer = _short(meaning) or _first_part_that_fits(meaning)
    if not answer or len(words(answer)) < MIN_MEANING_WORDS:
        return []
    front = f"What is {word} {thing}?"
    return [Question(front, capital(answer), Shape.DEFINITION, 12.0)]


def _leaks(term: str, meaning: str) -> bool:
    """A meaning that repeats the term itself: "X is the X that ..." is circular. The term's
    words apart are the kind of thing it is ("bond energy": "the energy required to ...")."""
    content = _content_words(term)
    said = _content_words(meaning)
    return bool(content) and any(
        said[index : index + len(content)] == content for index in range(len(said))
    )


def _gives_away(term: str, meaning: str) -> bool:
    """Every word of the term is in its meaning: a card that shows the meaning and asks for
    the term answers itself."""
    content = _content_words(term)
    said = set(_content_words(meaning))
    return bool(content) and all(word in said for word in content)


def _names_members(meaning: str) -> bool:
    """ "seismometers, tiltmeters, gas emissions (volcanoes)", "race, gender, age,
    disability": a list of what a term covers, each a word or two, not what it means."""
    bare = re.sub(r"\([^()]*\)", "", meaning)
    parts = [part.strip() for part in re.split(r",|\s\+\s|;", bare) if part.strip()]
    short = [part for part in parts if len(part.split()) <= MAX_MEMBER_WORDS]
    first = parts[0].split()[0].casefold() if parts else ""
    if first in ("a", "an", "the") or first in SETTING_OPENERS:
        return False  # "per resource request, or less frequently": how often, a setting
    named = [part for part in parts[:2] if part[:1].isupper() and len(part.split()) <= 2]
    if len(named) == 2 and len(parts) >= 3:
        return True  # "Crooks, Candy, Curley's wife all isolated": who shows it
    if _describes_one_thing(parts):
        return False
    return len(parts) >= 2 and len(short) == len(parts)


def _describes_one_thing(parts: list[str]) -> bool:
    """ "internal, recurring, intrusive thoughts": adjectives that all go with the last part's
    noun, one thing described, not a list of things."""
    if len(parts) < 2:
        return False
    last = parts[-1].split()
    if len(last) < 2 or any(len(part.split()) > 1 for part in parts[:-1]):
        return False
    return all(
        "ADJ" in lemmas(word) or word.casefold().endswith("ing") for word in [*parts[:-1], last[0]]
    )


# "tertiary > secondary > primary": things ranked in words, not a formula or a value
RANKED = lazy_regex(r"^[^\W\d][^<>=\d]*(?:\s>\s[^\W\d][^<>=\d]*)+$")


_MEMBER = lazy_regex(r"(?!(?:no|not|none)\b)[^\W\d_][^\W\d_]*(?:[\s'&/.-]+[^\W\d_]+)*", re.I)


def count_asked(shown: str, answer: str) -> str:
    """ "mutagenic agents" over "Ionising radiation, UV, some chemicals" -> "three mutagenic
    agents": a plural category and the members a list names, asked by how many it names
    (not "What are mutagenic agents?", which asks what they are); "" where the answer is no
    such list, or too long a one to ask for."""
    bare = re.sub(r"\s*\([^()]*\)", "", answer)
    if not _names_members(bare) or shown.split()[0].casefold() in (*_COUNTS, *_DETERMINERS):
        return ""  # "the main composers": all of them, already asked so
    parts = [part.strip() for part in re.split(r"[,;]", bare) if part.strip()]
    if not all(_MEMBER.fullmatch(part) for part in parts):
        return ""  # "CO2 + H2O, no fatigue": a formula, or what is not so, names no member
    if len(parts) > 1 and re.search(r"\s(?:and|or)\s", parts[-1]):
        parts.append("")  # "..., mothers and children": the last "and" joins two members
    if not 2 <= len(parts) < len(_COUNTS):
        return ""
    return f"{_COUNTS[len(parts)]} {shown}"


def _named_list(meaning: str) -> bool:
    """ "HTTP, FTP, SMTP", "street vendors, shoe shiners, rubbish pickers": three or more
    things named in words, none a formula, a number or a clause."""
    parts = [part.strip() for part in re.sub(r"\([^()]*\)", "", meaning).split(",")]
    return len(parts) >= 3 and all(re.fullmatch(r"[A-Za-z][A-Za-z '&/.-]*", p) for p in parts)


_ABOUT_A_VALUE = lazy_regex(
    r"(?:about|approx\.?|approximately|around|roughly|nearly|almost|c\.|ca\.|circa|over|under"
    r"|up\s+to|more\s+than|less\s+than|at\s+least|at\s+most)\s+[~\d\u00a3$\u20ac]",
    re.I,
)


# The things a process or a kind is known by, listed with their values ("conditions: 450 °C,
# 200 atm, iron catalyst")
_LISTED_VALUES = frozenset(
    ["conditions", "requirements", "properties", "characteristics", "features", "traits",
     "symptoms", "ingredients", "reactants", "products", "components"]
)  # fmt: skip
MAX_VALUE_ITEMS = 4
MAX_VALUE_ITEM_WORDS = 4


def _values_listed(term: str, meaning: str) -> bool:
    """ "Haber process conditions: 450 °C, 200 atm, iron catalyst": a named short list, its
    items figures or names, which is the fact; not "conditions: cold" (one value)."""
    said = term.split()
    if len(said) < 2 or said[-1].casefold() not in _LISTED_VALUES:
        return False  # ("features: ..." alone names no thing they are of)
    items = [item.strip() for item in re.split(r",\s+|;\s+|\s+and\s+", meaning.rstrip(" ."))]
    return 2 <= len(items) <= MAX_VALUE_ITEMS and all(
        1 <= len(item.split()) <= MAX_VALUE_ITEM_WORDS for item in items
    )


# "O(n + k)", "f(x) = 2x": a letter and its argument, a value or a formula written as a function
FUNCTION_VALUE = lazy_regex(r"[^\W\d_]\([^()]*\)(?:$|[\s,;])")


def is_value(term: str, meaning: str) -> bool:
    """ "magnitude: 8.8", "primary: ~500 deaths": a value, or what happened under a
    describing word, not what a term means."""
    if re.match(r"[~\d\u00a3$\u20ac<>\u2248]", meaning) or _ABOUT_A_VALUE.match(meaning):
        return True  # ("age: about 4.6 billion years", "core temp: approx. 15 million K")
    if re.match(r"[A-Za-z][\u2080-\u209c\d]?\s*[~=<>\u2264\u2265\u2260]", meaning):
        return True  # "binomial test: X ~ B(n, p) under H₀": what it is written as, a formula
    if FUNCTION_VALUE.match(meaning):
        return True  # "counting sort: O(n + k), ...": its cost written as a function, a value
    lone = term.casefold() if len(term.split()) == 1 else ""
    if re.fullmatch(r"[a-z]+-[a-z]+ed", lone):
        return True  # "one-tailed: H₁: p > 0.25": a describing word, not a thing to define
    if lone and meaning.count(";") >= 2 and zipf(lone) >= COMMON_ZIPF:
        return True  # "responses: intl aid - ...; Red Cross tents ...; hard to reach ..."
    parts = lemmas(lone) if lone else {}
    return "ADJ" in parts and "VERB" not in parts


def _content_words(text: str) -> list[str]:
    return [token for token in normalise(text).split() if not is_stopword(token)]


def _short(text: str) -> str:
    """An answer of at most twelve words: its first clause ("the Treaty of Portsmouth, which
    acknowledged ..." asks one thing), or the whole text when it is one clause."""
    text = text.strip().rstrip(".;,")
    first = _closed(_CLAUSE_END.split(text, maxsplit=1)[0].strip().rstrip(".;,"))
    listed = _whole_list(text, first)
    if listed is not None:
        return listed
    if len(first.split()) > MAX_ANSWER_WORDS:
        first = _closed(_without_asides(first))  # "... the offer ("mirror image rule")"
    if len(words(first)) >= MIN_MEANING_WORDS and len(first.split()) <= MAX_ANSWER_WORDS:
        return first
    return ""


# ", and people with a legal right to enter": the last item of a list, after its comma
_LAST_ITEM = lazy_regex(r",\s+(?:and|or)\s+(?P<item>[^,;()]+?)\s*(?=[;(]|\s[-\u2013\u2014]+\s|$)")


def _whole_list(text: str, first: str) -> str | None:
    """ "invitees and licensees, people with express or implied permission, and people with a
    legal right to enter": a first clause that ends before a list's last item ("A, B[, and
    C]") is half the list; the list is answered whole, item by item where it is too long for
    one phrase, or not at all (""). None where the first clause ends no list."""
    if ", " not in first or not text.startswith(first):
        return None
    last = _LAST_ITEM.match(text, len(first))
    if not last:
        return None
    items = [*first.split(", "), last["item"]]
    if any(not words(item) or _a_clause(item) for item in items):
        return None  # "prices rose, wages fell, and ...": clauses, no list of things
    if len(items) > MAX_LIST_ITEMS:
        return ""
    whole = f"{first}{last[0].rstrip()}"
    if len(whole.split()) <= MAX_ANSWER_WORDS:
        return whole
    if any(len(words(item)) > MAX_ANSWER_WORDS for item in items):
        return ""
    return "; ".join(item.strip() for item in items)


def _a_clause(item: str) -> bool:
    """ "wages fell" is a clause; "people with express or implied permission" is a thing, its
    "implied" a describing word after "or", not a verb."""
    clause = split_clause(item)
    return clause is not None and not any(
        word.casefold() in ("and", "or") or word.casefold() in PREPOSITIONS
        for word in clause.subject
    )


# "Stackelberg (1934) ...", "Flood & Dresher (1950) ...": a meaning that opens on who and when
_CITED_FIRST = lazy_regex(
    r"[A-Z][\w'\u2019-]+(?:\s+(?:&|and)\s+[A-Z][\w'\u2019-]+|\s+et\s+al\.?)?,?\s*\(\d{4}\)\s+\w"
)
# "in infinitely repeated games, ...", "when demand is elastic, ...": a condition, then what holds
_CONDITION_FIRST = lazy_regex(
    r"(?:in|on|under|with|without|when|whenever|if|once|where)\s[^,;:()]{3,60},\s+\w", re.I
)
# The last part of a cut answer opening a restatement or an example: ", i.e. situations"
_RESTATED_END = lazy_regex(
    r"(?:^|[,;(]\s*)(?:i\.\s?e\.?|e\.\s?g\.?|ie|eg|such\s+as)\s[^,;()]*$", re.I
)


# A clause that limits what a meaning says, without which the meaning is false: "doesn't have to
# be followed [but the judge may choose to]", "movement of people to live elsewhere[, for at least
# a year]", "[unless it is in self-defence]"; it runs to the next clause or aside
_LIMIT = lazy_regex(
    r",?\s+(?:but|unless|except\s+(?:when|where|if)|only\s+(?:if|when|where)|as\s+long\s+as"
    r"|provided(?:\s+that)?|for\s+(?:at\s+least|more\s+than|over|longer\s+than|up\s+to))\s+"
    r"[^;:()]+?(?=\s*(?:[;:(,]|\s[-\u2013\u2014]+\s|\s(?:->|=>|\u2192)\s|\.(?:\s|$)|$))",
    re.I,
)


MAX_LIMIT_WORDS = 8  # "but the judge may choose to": a limit, not a second fact


def _with_its_limit(meaning: str, answer: str) -> str:
    """An answer cut just before the clause that limits it ("doesn't have to be followed[ but
    the judge may choose to]") keeps that clause, where the two stay one answer a definition
    card can ask whole; otherwise the answer as it was."""
    meaning = meaning.strip()
    if not answer or not meaning.startswith(answer):
        return answer
    limit = _LIMIT.match(meaning, len(answer))
    if not limit or len(limit[0].split()) > MAX_LIMIT_WORDS:
        return answer
    kept = meaning[: limit.end()].rstrip(" ,.")
    if len(kept.split()) <= MAX_ANSWER_WORDS or whole_definition(kept) == kept:
        return kept
    return answer


def _cut_mid_phrase(meaning: str, part: str) -> bool:
    """Whether a meaning's first part (`part`, "" for none) leaves off mid-phrase: before "and
    lava", "that aren't built on", or within a list ("self, good friend[, all beings]"); a
    part that ends at a comma before what is said of it ("land that is flooded ...[, either
    side of the channel]") is whole."""
    if not part or not meaning.startswith(part):
        return True
    rest = meaning[len(part) :].lstrip()
    if re.match(r",\s+(?:and|or)\s", rest):
        return True  # "omission to do something ...[, or doing something ...]": one of two
    return not rest.startswith(",") or ", " in part


_SECOND_FACT = lazy_regex(r";|\?|\s(?:->|=>|\u2192|=)\s")
_OPERATOR_SIGN = lazy_regex(r"[\u00d7\u00f7<>]|\s[*/]\s|^\S+\s+(?:if|when|unless)\s")
_DETERMINER_FIRST = lazy_regex(r"(?:the|a|an|any|one|some)\s", re.I)


def whole_definition(meaning: str) -> str:
    """ "energy needed to raise the temperature of 1 kg of a substance by 1 K (without a change
    of state)" -> all of it but the closing aside: a meaning too long for a short answer is
    asked whole where it is one noun phrase of at most MAX_DEFINITION_WORDS words, its examples
    left off, with no second fact after a semicolon, an arrow or an equals sign."""
    sentence = first_sentence(meaning)
    text = _CLAUSE_END.split(sentence, maxsplit=1)[0]
    limit = _LIMIT.match(sentence, len(text))
    if limit and len(limit[0].split()) <= MAX_LIMIT_WORDS:
        text = sentence[: limit.end()]  # "doesn't show it[ but can pass it on]": one meaning
    text = _EXAMPLE.split(text, maxsplit=1)[0].strip().rstrip(".;,")
    text = _closed(_without_asides(text)).rstrip(" .;,:-\u2013\u2014")
    if (
        _SECOND_FACT.search(text)
        or not MIN_MEANING_WORDS <= len(words(text)) <= MAX_DEFINITION_WORDS
    ):
        return ""
    opener = text.split()[0].casefold()
    # ("heated in a kettle it boils ...", "frozen to the bed, ...": what is done to it, or its
    # state; "energy needed to ..." and "making a river natural again" say what it is)
    done = any(verb_base(opener, tag) for tag in ("VBN", "VBD", "VBZ")) and not can_be(
        opener, "NOUN"
    )
    if opener in PREPOSITIONS or not opener[:1].isalpha() or done or _OPERATOR_SIGN.search(text):
        return ""  # "in 1950 Doll and Hill showed ...", "(number in 1st sample x ...) / ...",
        # "stronger if more electrons (Mg > Na)": a finding, a formula, a condition; no meaning
    parts = text.split(", ")
    if len(parts) > MAX_DEFINITION_COMMAS + 1 or (
        len(parts) > 1 and len(parts[0].split()) <= MAX_MEMBER_WORDS
    ):
        return ""  # "literacy tests, poll taxes, ...", "data link layer, uses ...": a list
    phrase = (
        _DETERMINER_FIRST.match(text) or noun_then_participle(text) or split_clause(text) is None
    )
    return text if phrase else ""


# Words opening a meaning's last phrase that says what kind of thing it is, not where or when
_DEFINING_WORDS = frozenset(["with", "without", "from", "by", "for", "than", "between", "against"])


def _first_part_that_fits(text: str, term: str = "") -> str:
    """A long meaning cut before an "and" or a comma that leaves at most twelve words: "one
    that can be safely used by only one process at a time [and is not depleted ...]"."""
    best = ""
    for match in re.finditer(r",\s+|\s+(?:and|that|which|who|where)\s+", text):
        head = text[: match.start()].strip()
        if len(words(head)) > MAX_ANSWER_WORDS:
            break
        if match[0].strip() == "and" and len(words(text[match.end() :])) <= 2:
            continue  # "bought [and sold]": a pair is one answer, never half of it
        if re.search(r"\b(?:and|or)\s+\S+(?:\s+\S+)?$", head):
            continue  # "... and shows [which process ...]": a fragment of the next part
        if _ends_inside_list(head, match[0].strip(), text[match.end() :]):
            continue  # "using interest rates, money supply [and the exchange rate]": half a list
        if _RESTATED_END.search(head):
            continue  # "study of strategic interaction, i.e. situations [where ...]": the
            # restatement is told whole or not at all
        restated = re.match(r"(?:i\.\s?e\.?|ie|that\s+is)\s", text[match.end() :], re.I)
        if restated and len(words(head)) >= MIN_MEANING_WORDS:
            return _closed(head)  # what it is, then the same again in other words
        relative = match[0].strip() in ("that", "which", "who", "where")
        said = head.split()[-1].casefold() if head.split() else ""
        saying = verb_base(said, "VBZ") or verb_base(said, "VBD") or past_to_base(said)
        if match[0].strip() == "that" and saying in STANCE_VERBS:
            continue  # "The reserve bank claims [that ...]": what is said, cut from its saying
        restates = _overlap(head, term) > 0 if term else True
        if relative and len(words(head)) < MIN_RESTRICTED_WORDS and restates:
            continue  # "the enthalpy of the reaction [that forms ...]": the kind, not the thing
        if not re.search(r"\b(?:such|so|as|in\s+order)$", head, re.I):
            best = _closed(head)  # never "A closed chain of processes exists, such"
    return best if len(words(best)) >= MIN_MEANING_WORDS + 2 else ""


# "money supply and the exchange rate": a list's last items, joined by "and" or "or"
_LIST_GOES_ON = lazy_regex(r"[^\s,;()]+(?:\s+[^\s,;()]+){0,3}\s+(?:and|or)\s+\S")


def _ends_inside_list(head: str, cut: str, rest: str) -> bool:
    """Whether a cut leaves off the last items of a list "A, B and C": before its "and C" where
    the head lists items already, or at a comma that C's "B and" follows."""
    last = head.rsplit(", ", 1)[-1] if ", " in head else ""
    if cut in ("and", "or"):
        return bool(last) and len(last.split()) <= MAX_MEMBER_WORDS and split_clause(last) is None
    return cut == "," and bool(_LIST_GOES_ON.match(rest)) and not split_clause(rest.split(",")[0])


def capital(text: str) -> str:
    return capitalised(text)


def _closed(text: str) -> str:
    """An answer never ends inside a bracket it opened ("a bond (i.e it is endothermic" ->
    "a bond") nor on a word that joins it to what was cut ("... resources and,")."""
    while text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip(" ,;:-")
    text = re.sub(r"\s+(?:and|or|but),\s+[^,]{1,40}$", "", text)  # "... and, if necessary"
    # ("... the right to do so", "... and then": "so" and "then" after a verb end the sense)
    joined = r"(?:[\s,;:]+(?:and|or|but|nor|(?<!\bdo\s)(?<!\bdid\s)(?<!\bdone\s)so|then))+"
    return re.sub(rf"{joined}[\s,;:]*$", "", text).rstrip(" ,;:-")


# Why ---------------------------------------------------------------------------------------------

_BECAUSE = lazy_regex(
    r"(?:\s*[,;]|\s+[-\u2013\u2014]+)?\s+(?:because(?!\s+of\b)|due\s+to|owing\s+to|because\s+of"
    r"|as\s+(?:a|the)\s+result\s+of|(?-i:bc|b/c)(?:\s+of)?)\s+"
    r"|\s+since\s+(?=(?:they|it|he|she|we|there)\s+\w+\s)"
    r"|\s+[-\u2013\u2014]+\s+(?:as|since)\s+|\s+[-\u2013\u2014]+\s+(?=too\s+\w+$)|,\s+(?:as|since)\s+(?=\w+\s+\w+\s+(?:was|were|is|are|had|has|could|would|did)\b)"
    r"|(?:(?<=significant)|(?<=important))\s+as\s+"
    r"|,\s+(?:(?:mainly|primarily|largely|partly|chiefly)\s+)?(?=for\s+(?:[\w-]+\s+){1,5}reasons\b)"
    r"|,\s+(?:(?:mainly|primarily|largely|partly|chiefly)\s+)?(?:motivated|driven|prompted)\s+by\s+",
    re.I,
)  # (", primarily for regional stability and economic reasons", ", motivated by the desire for
# warm-water ports": why it was done)
_SO = lazy_regex(
    r"(?:,|;|\s[-\u2013\u2014]+)\s+(?:so|therefore|thus|hence|and\s+so|which\s+meant\s+that)\s+",
    re.I,
)
# Words that open a phrase put before its clause: "In the second period (1957-60), X led to Y".
FRONTING_WORDS = r"after|following|during|in|on|by|with|despite|before|at|from|under|for"
_FRONTED = lazy_regex(
    rf"^(?P<front>(?:{FRONTING_WORDS})\b[^,]{{2,60}}),\s+(?P<main>.+)$",
    re.I,
)


# A word each of _BECAUSE's and _SO's ways of giving a reason needs, standing as a word.
_WHY_WORDS = frozenset(
    ["because", "due", "owing", "as", "since", "too", "reasons", "so", "therefore", "thus",
     "hence", "meant", "motivated", "driven", "prompted", "bc", "b"]
)  # fmt: skip


def why(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Stalin refused to help - as China was fighting US forces" -> "Why did Stalin refuse to
    help?"; "A, so B" asks why B."""
    if _WHY_WORDS.isdisjoint(cue_words(sentence)):
        return []
    found = []
    match = _BECAUSE.search(sentence)
    if match:
        effect, reason = sentence[: match.start()], sentence[match.end() :]
        asked = _why(effect, _whole_reason(reason), names)
        if re.match(r"for\s", reason, re.I):
            # "..., primarily for economic reasons": a card beside the line's own (its date)
            asked = [replace(question, beside=True) for question in asked]
        found.extend(asked)
        if asked:
            found.extend(_reason_explained(effect, reason, names))
    match = _SO.search(sentence)
    if match:
        before = sentence[: match.start()].strip()
        cause, effect = _last_part(before), _first_part(sentence[match.end() :])
        given = ""
        if cause[:1].isupper() and cause == before:
            # "The oxygen reacts with the anodes, so the anodes burn away": the effect opens
            # in lower case because it follows "so", not because it is a fragment
            given = _subject_of_it(effect, cause)
            if given:
                effect = f"{given} {effect.split(maxsplit=1)[1]}"
            effect = capital(effect)
        if _is_clause(cause):
            # what the line says first keeps its own card; why the effect follows is another
            found.extend(replace(asked, beside=True) for asked in _why(effect, cause, names, given))
    return found


def _reason_explained(effect: str, reason: str, names: frozenset[str]) -> list[Question]:
    """ "Carbon monoxide is toxic because it replaces oxygen - it binds more strongly to the Fe2+
    than O2 does": where the reason and what explains it are too long for one answer, the
    explanation is asked on a card of its own: "Why does carbon monoxide replace oxygen?" """
    parts = [part.strip() for part in DASH.split(reason) if part.strip()]
    if len(parts) != 2 or ";" in _whole_reason(reason):
        return []  # (both parts fit one answer, asked together)
    first, then = parts
    given = _subject_of_it(first, effect.strip())
    opening = then.split(maxsplit=1)
    said = f"{given} {opening[1]}" if opening[0].casefold() == "it" and len(opening) > 1 else then
    if not given or not _is_clause(said):
        return []  # ("- a dangerous effect": a remark, no reason)
    cause = capital(f"{given} {first.split(maxsplit=1)[1]}")
    return [replace(question, beside=True) for question in _why(cause, then, names, given)]


def _is_clause(cause: str) -> bool:
    """A cause that is a clause of its own ("Bile is alkaline"), not a label's note ("Problem:
    a branch means ...", "perfect lost island => absurd") nor one whose subject is elsewhere
    ("This increases the surface area ...")."""
    if re.search(rf":|{ARROW}|=>|->", cause):
        return False
    if _STANDS_FOR.search(cause):
        return False  # "Responding to one is an offer": what it is a response to is elsewhere
    return split_clause(cause) is not None


# A word in a cause that stands for a thing named before it.
_STANDS_FOR = lazy_regex(
    r"\b(?:he|she|it|they|them|him|this|these|those)\b|\bone\s+(?:is|was|are|were|has|had)\b",
    re.I,
)


def _subject_of_it(effect: str, cause: str) -> str:
    """ "Bile is alkaline, so it neutralises the acid": the cause's subject ("Bile") that the
    "it" opening the effect stands for, when the cause names nothing else it could be (never
    "... rejected the offer and destroyed it, so it could ..."); "" when there is none."""
    opening = effect.split(maxsplit=1)
    if len(opening) < 2 or opening[0].casefold() != "it":
        return ""
    clause = split_clause(cause)
    if clause is None or len(clause.subject) > MAX_CAUSE_SUBJECT_WORDS:
        return ""
    if clause.subject[0].casefold() in PRONOUNS or re.search(
        r"\b(?:it|its|this|that)\b", cause, re.I
    ):
        return ""
    head = clause.subject[-1].casefold()
    if head.endswith("s") and not head.endswith(("ss", "is", "us")):
        return ""  # "Nitrates are soluble, so it ...": "it" is not the nitrates
    return " ".join(clause.subject)


_SHOWED = lazy_regex(
    r"^(?:it|this|they|which)\s+(?:showed|shows|demonstrated|demonstrates|meant|means|proved"
    r"|proves|indicated|indicates|revealed|reveals)\s+(?:that\s+)?",
    re.I,
)


# The longest subject of a cause that an "it" after ", so" is read as.
MAX_CAUSE_SUBJECT_WORDS = 4


def _why(effect: str, reason: str, names: frozenset[str], given: str = "") -> list[Question]:
    """Why the effect, answered by the reason; `given` is the part of the reason the question
    names on purpose (the subject an "it" stood for), which is no give-away."""
    if effect[:1].islower():
        return []  # a fragment: its subject is somewhere else
    effect = _last_part(effect).strip().rstrip(",;")
    reason = _SHOWED.sub("", reason).strip().rstrip(".;,")
    # ("Charles V's power over Clement VII -> H8 turned to parliament": what the reason led
    # to in turn is no part of it)
    reason = re.split(rf"\s+{ARROW}\s+", reason, maxsplit=1)[0]
    whole = reason
    if len(words(reason)) > MAX_ANSWER_WORDS:
        reason = _without_asides(reason)
    if len(words(reason)) > MAX_ANSWER_WORDS:
        reason = _listed_reasons(reason)
    if (len(words(reason)) > MAX_ANSWER_WORDS and ";" not in reason) or ", which" in reason:
        reason = _short(reason) or _without_last_phrase(reason)
    if not reason or len(words(reason)) < 2:
        return []
    trailer = ""
    fronted = _FRONTED.match(effect)
    if fronted:
        effect = fronted["main"]
        trailer = " " + " ".join(lower_first(fronted["front"].split()))
    clause = split_clause(effect)
    if clause is None or len(words(effect)) > 20:
        return []
    if clause.verb.casefold() in DONE_TO and (
        not clause.rest or clause.rest[0].casefold() in PREPOSITIONS
    ):
        return []  # "1 prisoner released after 36 hrs": done to it, its "was" left out
    front = re.sub(r"\s+also\b", "", question("Why", clause, names), count=1)
    if trailer:
        front = front[:-1] + trailer + "?"
    if _overlap(front, _without_words(reason, given)) > 0.6:
        return []
    named = _named_reasons(effect, whole)
    kind = _NAMED_KIND.search(whole)
    others = re.sub(rf"[;,]\s+(?:and\s+)?{re.escape(kind['kind'])}$", "", reason) if kind else ""
    if named and others != reason and len(words(others)) >= 2:
        # "...; key events" where the events are a card of their own: the "why" card asks for
        # the other reasons, besides the kind it would only name
        front = f"Besides {kind['kind'].casefold()}, {front[:1].lower()}{front[1:]}"
        reason = others
    return [Question(front, capital(reason), Shape.WHY, 11.5), *named]


# "..., and key events such as the Sino-Soviet split, the collapse of communism, and ...": a
# kind of reason (a plural noun of at most three words) and the examples that name it
_NAMED_KIND = lazy_regex(
    r"(?:^|,\s+(?:and\s+)?|\s+and\s+)(?P<kind>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*[^s\W]s)"
    r"\s+(?:such\s+as|including)\s+(?P<examples>[^;]+?)\s*(?:\((?:see|cf)\b[^()]*\)\s*)*$",
    re.I,
)


def _named_reasons(effect: str, reason: str) -> list[Question]:
    """ "... changed as the result of ..., and key events such as A, B, and C" -> "Which key
    events explain why ... changed ...? :: A; B; C": the reason's examples, which the "why"
    card's short answer ("key events") leaves out, asked as a list of their own."""
    match = _NAMED_KIND.search(reason)
    if not match or effect[:1].islower():
        return []
    examples = match["examples"].strip().rstrip(".,;")
    # (each item without its article: "Sino-Soviet split; collapse of communism; ...")
    items = [_ARTICLE.sub("", item.strip()) for item in _LISTED.split(examples) if item.strip()]
    # (a long item names what its letters abbreviate by the letters: "... and the CIS")
    items = [by_letters(item) if len(words(item)) > MAX_ANSWER_WORDS else item for item in items]
    if not 2 <= len(items) <= MAX_LIST_ITEMS or not re.search(r",\s+(?:and|or)\s+\S", examples):
        return []
    if any(split_clause(item) or len(words(item)) > MAX_ANSWER_WORDS for item in items):
        return []  # a clause, not a thing named: "... such as prices rose, wages fell, and ..."
    kind = match["kind"].casefold()
    said = " ".join(lower_first(effect.split())).rstrip(" .,;")
    front = f"Which {kind} explain why {said}?"
    answer = capital("; ".join(items))
    return [Question(front, answer, Shape.WHY, 11.0, beside=True)]


_ARTICLE = lazy_regex(r"^(?:the|a|an)\s+(?=\S)", re.I)


def _without_words(text: str, given: str) -> str:
    named = {word.casefold() for word in given.split()}
    return " ".join(word for word in text.split() if word.casefold() not in named)


_OTHERWISE = Guarded(  # (tried only on a sentence holding one of the words it needs)
    lazy_regex(
        r"\s+[-\u2013\u2014]+\s+(?:if\s+(?:not|they\s+do|it\s+does|so|this\s+happens)|otherwise"
        r"|or\s+else)\b,?\s+",
        re.I,
    )
)
_OBLIGED = lazy_regex(
    r"\b(?:must|mustn't|should|shouldn't|need\s+to|needs\s+to|have\s+to|has\s+to|cannot|can't)\b",
    re.I,
)
_DUTY = lazy_regex(
    r"^(?P<who>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})\s+(?P<modal>must|should|would"
    r"|will)\s+(?P<what>[a-z].{5,80})$"
)
_MUST = lazy_regex(
    r"^(?P<modal>must|should|need\s+to|have\s+to)\s+(?P<verb>[a-z]+)\s+(?P<what>.+)$", re.I
)


def otherwise(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Soviet troops mustn't meet US troops in battle - if they do it would risk nuclear
    attack" -> "Why must Soviet troops not meet US troops in battle?"; "Must consolidate comm
    control in Korea - if not, US will take control ..." -> "Why must comm control in Korea be
    consolidated?": what would follow otherwise is the reason."""
    match = _OTHERWISE.search(sentence)
    if not match:
        return []
    action = _last_part(sentence[: match.start()]).rstrip(" ,;")
    if not _OBLIGED.search(action):
        return []  # "borrowing becomes more expensive - if not, ...": "if not" of what came before
    result = _first_part(sentence[match.end() :]).strip().rstrip(" .;,")
    answer = _short(result) or _without_last_phrase(result)
    if not answer or len(words(answer)) < MIN_MEANING_WORDS:
        return []
    needed = _MUST.match(action)
    if needed and action[:1].isupper():
        # No subject: what must be done is asked of the thing it is done to.
        base = needed["verb"].casefold()
        participle = past_participle(base)
        what = needed["what"].split()
        if not participle or base not in lemmas(base).get("VERB", ()) or len(what) > 8:
            return []
        modal = needed["modal"].casefold().replace("have to", "must").replace("need to", "must")
        front = finish_question(f"Why {modal} {' '.join(lower_first(what, names))} be {participle}")
    else:
        clause = split_clause(action)
        if clause is None or not action[:1].isupper() or len(words(action)) > 20:
            return []
        front = question("Why", clause, names)
    found = [Question(front, capital(answer), Shape.WHY, 11.6)]
    after = DASH.split(sentence[match.end() :])[1:2]
    duty = _DUTY.match(after[0].strip().rstrip(".")) if after else None
    if duty:
        # "... - China must do most of the fighting": who the rule leaves the work to
        asked = finish_question(f"Who {duty['modal']} {duty['what']}")
        found.append(Question(asked, duty["who"], Shape.WHO, 11.0, beside=True))
    return found


def _without_last_phrase(text: str) -> str:
    """ "US will take control of North Korea and attack Russia across the border" -> "... and
    attack Russia": a long answer without the place or time it ends on."""
    tokens = text.split()
    for index in range(len(tokens) - 2, MIN_MEANING_WORDS, -1):
        if len(tokens) - index > MAX_CUT_PHRASE_WORDS:
            return ""
        if tokens[index].casefold() in PREPOSITIONS_AFTER | {"across", "over", "into"}:
            head = " ".join(tokens[:index]).rstrip(",;")
            if len(tokens[:index]) <= MAX_ANSWER_WORDS and "(" not in head:
                return head
            return ""
    return ""


def _meaning_without_last_phrase(meaning: str) -> str:
    """ "a branching diagram that shows the relationships among various species [of living
    organisms]" -> "... among various species": a long meaning without the phrase it ends on,
    where what is left is still whole (never "a state of the system [of resources and
    processes]", "one mole [of water]" or "used later [to stop ...]")."""
    head = _without_last_phrase(_without_asides(meaning))
    cut = meaning[len(head) :].split()
    if not head or not cut or cut[0].casefold() in ("to", "of"):
        return ""  # "a state of the system [of resources and processes]": what it is of
    last = head.split()[-2:]
    if any(is_number_word(word) or word[:1].isdigit() or word.casefold() == "one" for word in last):
        return ""
    return head


_ASIDES = lazy_regex(
    r"\s*\([^()]*\)\s*$|,?\s+(?:such\s+as|e\.g\.?|for\s+example|including)\s+[^;]*$", re.I
)


def _without_asides(text: str) -> str:
    """ "... higher prices for imported goods such as cars, petrol, ..." -> "... higher prices
    for imported goods": a long answer without its examples or the bracket it ends on."""
    shorter = _ASIDES.sub("", text).strip()
    return shorter if len(words(shorter)) >= MIN_MEANING_WORDS else text


_LISTED = lazy_regex(r",\s+(?:(?:and|or)\s+)?")


def _listed_reasons(reason: str) -> str:
    """ "the changing domestic environment, emerging disparities in the strategic interests of
    the three countries, and key events" -> each reason an item of the answer ("...; ...;
    ..."): a list of causes too long for one phrase is answered item by item, not cut short."""
    items = _LISTED.split(reason)
    if not 3 <= len(items) <= MAX_LIST_ITEMS or not re.search(r",\s+(?:and|or)\s+\S+", reason):
        return reason  # (a list ends on ", and ..." or ", or ...": other commas join clauses)
    if re.search(r",\s+(?:and|or)\s", reason[: reason.rfind(items[-1])].rstrip()):
        return reason
    if any(not words(item) or len(words(item)) > MAX_ANSWER_WORDS for item in items):
        return reason
    if any(split_clause(item) for item in items):
        return reason  # a clause, not a cause named: "prices rose, wages fell, and ..."
    return "; ".join(item.strip() for item in items)


def _whole_reason(text: str) -> str:
    """The reason with the dash-separated parts that go on explaining it, while twelve words
    hold them: "China was fighting US forces; UN was not a capitalist nation"."""
    parts = [part.strip() for part in DASH.split(text) if part.strip()]
    drawn = _DRAWN.match(parts[-1]) if len(parts) > 1 else None
    if drawn and len(parts) <= MAX_LIST_ITEMS and len(words(" ".join(parts))) > MAX_ANSWER_WORDS:
        # "as China was fighting US forces - UN was not a capitalist nation - so terms of treaty
        # did not apply": a chain of short steps is answered whole, each step an item, since
        # a step left out leaves the next one a non sequitur; the last keeps its "so", which
        # says it is what the steps before come to, not one more reason beside them
        steps = parts
        if all(len(words(step)) <= MAX_CHAIN_STEP_WORDS for step in steps):
            return "; ".join(steps)
    if drawn and len(words(" ".join(parts))) > MAX_ANSWER_WORDS:
        # a chain too long to answer whole: what the reasons come to is kept, with the
        # reasons nearest it that fit
        reason = parts[-1][drawn.end() :]
        for part in reversed(parts[:-1]):
            longer = f"{part}; {reason}"
            if len(words(longer)) > MAX_ANSWER_WORDS:
                break
            reason = longer
        if ";" in reason:
            return reason
    reason = parts[0] if parts else ""
    for part in parts[1:]:
        longer = f"{reason}; {part}"
        if len(words(longer)) > MAX_ANSWER_WORDS:
            break
        reason = longer
    return reason


MAX_CHAIN_STEP_WORDS = 8
_DRAWN = lazy_regex(r"(?:so|therefore|thus|hence|and\s+so)\s+(?=[a-z])", re.I)


def _first_part(text: str) -> str:
    return DASH.split(text, maxsplit=1)[0].strip()


def _last_part(text: str) -> str:
    return DASH.split(text)[-1].strip()


def _overlap(first: str, second: str) -> float:
    a = {t for t in normalise(first).split() if not is_stopword(t)}
    b = {t for t in normalise(second).split() if not is_stopword(t)}
    return len(a & b) / len(b) if b else 1.0


# What it led to ----------------------------------------------------------------------------------

# Base forms read as an effect only after "will", "should", ...: "An appreciation will reduce".
_MODAL_ONLY = (
    r"increase|reduce|decrease|prevent|create|establish|allow|enable|replace|convert|release"
    r"|require|trigger|contribute\s+to|bring\s+about"
)
_EFFECT_VERBS = (
    r"led\s+to|leads\s+to|lead\s+to|resulted\s+in|results\s+in|result\s+in|caused|causes|cause"
    r"|triggered|triggers|brought\s+about|brings\s+about|contributed\s+to|contributes\s+to"
    r"|increased|increases|reduced|reduces|decreased|decreases|prevented|prevents|produced"
    r"|produces|produce|created|creates|established|establishes|allowed|allows"
    r"|enabled|enables|replaced|replaces|converts|converted|releases|released|requires|required"
    r"|" + _MODAL_ONLY
)
MODALS = frozenset(["will", "would", "should", "can", "could", "may", "might", "must"])
# "if crossing over happens", "when heated": what opens a condition, never a thing caused
CONDITION_WORDS = frozenset(
    ["if", "when", "unless", "because", "although", "though", "whereas", "once", "until"]
)
DISCOURSE = lazy_regex(
    r"^(?:at\s+the\s+same\s+time|hence|however|therefore|thus|in\s+addition|on\s+the\s+other"
    r"\s+hand|as\s+a\s+result|consequently|similarly|furthermore|moreover|in\s+turn"
    r"|in\s+other\s+words|that\s+is|in\s+short),?\s+",
    re.I,
)
MAX_COUNTED_WORDS = 3
MAX_COUNTED_TAIL_WORDS = 8
MAX_OBJECT_COUNT = 999  # four figures may be a year: "1066 men" is no count


def counted_object(rest: list[str]) -> tuple[str, str, str] | None:
    """ "2 unsuccessful attempts to take over Taiwan by force" -> ("2", "unsuccessful attempts",
    "to take over Taiwan by force"): an object that opens on how many of a kind there were, the
    kind (a plural noun, with at most two words before it) and what follows it."""
    if len(rest) < 2:
        return None
    count = rest[0]
    small = (count.isdigit() and 1 < int(count) <= MAX_OBJECT_COUNT) or (
        is_number_word(count) and count.casefold() not in ("one", "half", "dozen", "hundred")
    )
    if not small:
        return None
    for size in range(1, min(MAX_COUNTED_WORDS, len(rest) - 1) + 1):
        things, tail = rest[1 : 1 + size], rest[1 + size :]
        if not all(word.isalpha() and word.islower() for word in things):
            return None
        if any(is_verb_form(word) and not can_be(word, "NOUN") for word in things):
            return None
        head = things[-1]
        if not (head.endswith("s") and can_be(head, "NOUN")):
            continue
        opening = tail[0].casefold() if tail else ""
        if tail and (opening == "of" or (opening not in PREPOSITIONS and opening != "to")):
            continue  # "3 types of rock": the kind goes on
        if len(tail) > MAX_COUNTED_TAIL_WORDS:
            return None
        return count, " ".join(things), " ".join(tail)
    return None


# The first word of each of _EFFECT_VERBS: an effect is said with one of them.
_EFFECT_WORDS = frozenset(verb.split("\\s+")[0] for verb in _EFFECT_VERBS.split("|"))
_EFFECT = lazy_regex(rf"^(?P<cause>.{{3,90}}?)\s+(?P<verb>{_EFFECT_VERBS})\s+(?P<effect>.+)$", re.I)


def effect(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Huge cost of war increased China's dependence on the USSR" -> "What did the huge cost
    of war increase?" """
    if _EFFECT_WORDS.isdisjoint(cue_words(sentence)):
        return []
    halves = re.split(r"\s*;\s+", sentence.rstrip(". "))
    if len(halves) == 2 and all(_EFFECT.match(half) for half in halves):
        # "accumulation > ablation -> glacier advances; ablation > accumulation -> glacier
        # retreats": each half is a rule of its own, and the second is asked beside the first
        first, second = (effect(half, names) for half in halves)
        if first and second:
            return [*first, *(replace(asked, beside=True) for asked in second)]
    sentence = DISCOURSE.sub("", sentence, count=1)
    sentence = sentence[:1].upper() + sentence[1:]
    match = _EFFECT.match(_last_part(sentence) if " - " in sentence else sentence)
    fronted = _FRONTED.match(sentence)
    if fronted:
        # "In the second period (1957-60), X led to Y": asked with its time or place kept.
        return [
            Question(
                f"{fronted['front']}, {q.front[:1].lower()}{q.front[1:]}", q.back, q.shape, q.score
            )
            for q in effect(fronted["main"], names)
        ]
    if not match:
        return []
    cause = re.sub(r"\s+[-\u2013\u2014]+$", "", match["cause"].strip())  # "Deletion - cause a"
    verb = match["verb"].casefold().split()
    if match["effect"].split()[0].casefold() in CONDITION_WORDS:
        return []  # "offspring only produced if crossing over ...": done to it, and when
    if _CHAIN.search(match["effect"]):
        return []  # "an increase in demand for imports, which will increase ...": asking for
        # the first link alone would stop the answer where the notes go on
    # "the inflation rate [by reducing the price of imports]": the means is not the effect.
    caused = re.split(r"\s+by\s+\w+ing\b", match["effect"], maxsplit=1)[0].strip().rstrip(".;,")
    # "Smoking causes lung cancer": an effect of a word or two is asked whole as well
    outcome = _short(caused) or (caused if _short_thing(caused) else "")
    outcome = re.split(r"\s+so\s+", outcome, maxsplit=1)[0]
    if _two_actions(outcome):
        return []  # "exports and decrease imports": two effects in one answer
    if not outcome or all(is_stopword(word.casefold()) for word in words(outcome)):
        return []
    if outcome.split()[0].casefold() in ("you", "us", "them", "him", "her", "me"):
        return []  # "allows you to dip into ...": what it lets someone do, asked as such
    said_next = match["effect"].split()[0].casefold()
    if said_next in COORDINATORS:
        return []  # "Biodiversity increases and the biomass ...": the verb takes no object
    if said_next in MAIN_VERBS or (
        (verb_base(said_next, "VBZ") or verb_base(said_next, "VBD"))
        and not lemmas(said_next).get("NOUN")
    ):
        return []  # "the O2 released comes from water": a participle, then the sentence's verb
    if only_as(outcome.split()[0], "ADV") or adverb_first(outcome):
        return []  # "support increased [steadily while ...]": a change, not a thing caused
    tokens = cause.split()
    modal = ""
    while len(tokens) > 1 and tokens[-1].casefold() in ("also", "potentially", "often", "usually"):
        tokens.pop()
    if len(tokens) > 1 and tokens[-1].casefold() in MODALS:
        modal = tokens.pop().casefold()  # "An appreciation will reduce ...": asked with "will"
        cause = " ".join(tokens)
    if not tokens or len(tokens) > 10 or tokens[0].casefold() in PRONOUNS:
        return []
    if not cause[:1].isupper() or any(char in cause for char in ",:;()"):
        return []  # a fragment, or a cause with a clause or a label inside it
    first = tokens[0].casefold()
    if (
        tokens[-1].casefold() in ("and", "or", "but")
        or verb_base(first, "VBZ")
        or verb_base(first, "VBD")
    ):
        return []  # "Increases demand for AUD and increases ...": no subject
    if only_as(first, "ADV") or re.match(r"by\b", match["effect"].strip(), re.I):
        return []  # "Basically the energy required ...", "caused by": not a cause and its effect
    if tokens[0].casefold() in ("which", "that", "this", "it", "who", "and", "but", "so"):
        return []
    if not all(is_noun_phrase_word(t) for t in tokens):
        return []
    head, particle = verb[0], verb[1:]
    if not modal and re.fullmatch(_MODAL_ONLY, " ".join(verb)):
        return []  # "Step-down transformers reduce ...": hiding the subject asks it better
    if modal:
        if head not in lemmas(head).get("VERB", ()):
            return []  # "will increased": not a clause read right
        subject = subject_phrase(tokens, names)
        front = finish_question(" ".join(["What", modal, subject, head, *particle]))
        asks = (tokens[-1].casefold(), head)
        return [Question(front, capital(outcome), Shape.EFFECT, 11.0, asks=asks)]
    base = verb_base(head, "VBD")
    aux = "did"
    if base is None:
        base = verb_base(head, "VBZ")
        aux = "does"
    if base is None:
        base = head if "VERB" in lemmas(head) else None
        aux = "do"
    if base is None:
        return []
    subject = subject_phrase(tokens, names)
    front = finish_question(" ".join(["What", aux, subject, base, *particle]))
    asks = (tokens[-1].casefold(), base)
    counted = counted_object(caused.split())
    if counted and not particle:
        # "The factory produced 40 tanks for the front" -> "How many tanks did the factory
        # produce for the front? :: 40"
        count, things, tail = counted
        front = finish_question(f"How many {things} {aux} {subject} {base} {tail}")
        return [Question(front, capital(count), Shape.EFFECT, 11.0, asks=asks)]
    return [Question(front, capital(outcome), Shape.EFFECT, 11.0, asks=asks)]


def _short_thing(text: str) -> bool:
    """ "lung cancer", "earthquakes": a thing named in a word or two, no date or figure ("USSR
    formally created Dec 1922" says when, not what it created)."""
    tokens = text.split()
    return (
        0 < len(tokens) < MIN_MEANING_WORDS
        and not re.search(r"\d", text)
        and not any(token.casefold().strip(".,") in MONTHS for token in tokens)
        and ("NOUN" in lemmas(tokens[-1].casefold()) or tokens[-1].endswith("ing"))
    )


def adverb_first(outcome: str) -> bool:
    """ "velocity increases [downstream b/c less friction]": a word that can say where or how,
    and is no noun, with no noun after it for it to describe."""
    first, *rest = [word.casefold() for word in outcome.split()] or [""]
    parts = lemmas(first)
    if "ADV" not in parts or "NOUN" in parts:
        return False
    return not rest or not lemmas(rest[0]).get("NOUN")


_CHAIN = lazy_regex(
    rf",?\s+(?:which|this|that)\s+(?:(?:will|would|then|in\s+turn|also|can|could)\s+)*"
    rf"(?:{_EFFECT_VERBS})\b|,\s+(?:causing|leading\s+to|resulting\s+in|thereby)\b",
    re.I,
)


_SECOND_CHANGE = lazy_regex(
    r"^,?\s*(?:and|but|while)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:increase|decrease|rise|fall"
    r"|reduction|drop|growth|decline)\b",
    re.I,
)


def _goes_on(result: str, answer: str) -> bool:
    """Whether the words an answer was cut from go on with more of what happens: a second
    change ("and an increase in ..."), a chain ("which will ...", "causing"), another clause
    with a verb of its own."""
    cut = len(answer.rstrip(".;,"))
    rest = result.strip()[cut:].strip() if len(words(answer)) < len(words(result)) else ""
    if not rest:
        return False
    if _SECOND_CHANGE.match(rest) or _CHAIN.search(f", {rest.lstrip(', ')}"):
        return True
    return any(is_verb_form(word) for word in words(rest)[:MAX_ANSWER_WORDS])


def _two_actions(outcome: str) -> bool:
    """ "exports and decrease imports": a second verb with its own object after "and"."""
    match = re.search(r"\band\s+([a-z]+)\s+([a-z]+)", outcome)
    if not match:
        return False
    verb, after = match[1], match[2]
    return verb in lemmas(verb).get("VERB", ()) and after not in PREPOSITIONS_AFTER


PREPOSITIONS_AFTER = frozenset(["of", "in", "for", "to", "on", "at", "by", "with", "from"])


# Who ---------------------------------------------------------------------------------------------


_SUBJECT_PRONOUNS = frozenset(["i", "he", "she", "we", "they"])
# Verbs whose doer tells someone: without that someone named, the subject is the one told.
_BECOMING = frozenset(
    ["reduced", "converted", "oxidised", "oxidized", "hydrolysed", "hydrolyzed", "broken",
     "split", "transformed", "turned", "changed", "made", "built", "assembled"]
)  # fmt: skip
_POSSESSIVES = frozenset(["its", "their", "his", "her", "our", "your", "my"])
_TELLING = frozenset(["told", "informed", "warned", "promised", "assured", "reminded", "shown"])
_NEEDING = frozenset(["needed", "required", "used"])  # "ATP needed for ...": what it is needed for


# After a past that is also a participle: a doer named by "by" further on, or a condition where
# the verb's object would stand ("induced when ..."): the one named had it done to them.
_PASSIVE_CUE = lazy_regex(
    r"^\s(?:when|whenever|if|once|unless)\s"
    r"|^(?:(?!\s(?:if|when|that|which|who|because|after|before|while|until)\s)[^,;()])*?"
    rf"(?P<agent>\sby\s+(?:the\s+)?(?!(?i:{'|'.join(MONTHS)})\b)[A-Z])"
)


def done_to(verb: str, after: str) -> re.Match[str] | None:
    """ "appointed" before "Chancellor 30 January 1933 by President Hindenburg", "induced"
    before "when a conductor cuts ...": a past that is also a participle, of a verb that takes
    an object, with a doer named by "by" later or a condition where its object would stand,
    says what was done to its subject (its "agent" group set where "by" names the doer)."""
    return _PASSIVE_CUE.search(f" {after}") if done_to_subject(verb.casefold()) else None


def who(sentence: str, name: str, organisation: bool) -> list[Question]:
    """ "Khrushchev publicly agreed to retaliate ..." -> "Who publicly agreed to retaliate ...?"
    when the sentence opens with the name and its verb."""
    if not sentence.startswith(name):
        return []
    if " " not in name and "NOUN" in lemmas(name.casefold()) and not name.isupper():
        return []  # "Council invited tenders": a common noun, not a name to recall
    rest = _first_part(sentence[len(name) :]).strip()
    tokens = rest.split()
    if len(tokens) < 3:
        return []
    told = DASH.split(sentence[len(name) :], maxsplit=1)
    if len(told) == 2 and len(tokens) < MIN_WHO_WORDS and len(words(told[1])) >= MIN_WHO_WORDS:
        return []  # "Castro turned to USSR - Soviet trade deal Feb 1960 ...": the fact is after
    index = 0
    while index < len(tokens) - 1 and tokens[index].endswith("ly") and can_be(tokens[index], "ADV"):
        index += 1
    verb = tokens[index].casefold()
    finite = verb in ("was", "were", "had", "could", "would", "did") or bool(verb_base(verb, "VBD"))
    if not finite or (can_be(verb, "NOUN") and not verb.endswith("ed")):
        return []
    if verb in ("was", "were"):
        tokens[index] = "was"
    following = tokens[index + 1].casefold() if index + 1 < len(tokens) else ""
    if verb in _TELLING and (following in _SUBJECT_PRONOUNS or following == "that"):
        return []  # "Banquo told he will be father of kings": told by someone, a passive
    if verb in _BECOMING and following in (*PREPOSITIONS, "to", "into"):
        return []  # "GP reduced to TP", "glucose broken into ...": what was done to it
    if verb in _NEEDING and following == "for":
        return []  # "ATP needed for peptide bond formation": no one needed anything
    after = " ".join(tokens[index + 1 :])
    if joins_a_clause(after):
        return []  # "Washington presided and James Madison did the drafting": two doers
    when = opening_date(after)
    then = after[len(when) :].split()[:1]
    if when and then and then[0][:1].isalnum() and then[0].casefold() not in PREPOSITIONS:
        when = ""  # "Labour won 1945 election": the date of what was won
    if participle_base(verb) and (
        when or following == "by" or (verb in DONE_TO and following in PREPOSITIONS)
    ):
        # "Rasputin murdered Dec 1916 by Prince Yusupov", "NICRA founded 1967": what was done
        # to the one named, asked of whoever did it (when the notes name them)
        return done_by(name, verb, after[len(when) :], when)
    passive = done_to(verb, after)
    if passive and not passive["agent"]:
        return []  # "EMF induced when a conductor cuts ...": done to it, in a condition
    if passive:
        # "Hitler appointed Chancellor 30 January 1933 by President Hindenburg": done to the
        # one named by the one "by" names, asked "Who was appointed ...?"
        tokens = ["was", *tokens]  # ("was actively transported": before its adverb)
    if verb.endswith("ed") and re.fullmatch(r"(?:1\d|20)\d\d[,;:.]?", following):
        return []  # "NICRA founded 1967 to ...": when it was founded, not whom it founded
    body = " ".join(tokens).rstrip(" .;:,")
    when = closing_date(body)
    before = body[: len(body) - len(when)].rstrip() if when and body.endswith(when) else ""
    if before and before.split()[-1].casefold() not in PREPOSITIONS:
        body = f"{before} {on_date(when)}"  # "Who entered war Aug 1914?": in Aug 1914
    if len(words(body)) > 26:
        return []
    wh = "What" if organisation else "Who"
    return [Question(finish_question(f"{wh} {body}"), name, Shape.WHO, 10.5)]


def on_date(when: str) -> str:
    """ "28 June 1914" -> "on 28 June 1914", "Aug 1914" -> "in Aug 1914", "1950s" -> "in the
    1950s": a date as a question says it."""
    if re.match(r"\d{1,2}(?:st|nd|rd|th)?\s", when):
        return f"on {when}"
    return f"in the {when}" if re.fullmatch(r"\d{3}0s", when) else f"in {when}"


_AGENT = lazy_regex(r"\s*by\s+(?P<agent>[^,;:()]+?)\s*(?:$|[,;:(]|\s[-\u2013\u2014]+\s|\.\s)")
MAX_AGENT_WORDS = 6
_AROUND_NAMES = frozenset(
    [
        *("the", "a", "an", "and", "of", "others", "his", "her", "their"),
        *("von", "van", "de", "der", "den", "da", "du", "la", "le"),  # "John von Neumann"
    ]
)


def done_by(name: str, participle: str, after: str, when: str) -> list[Question]:
    """ "Rasputin murdered Dec 1916 by Prince Yusupov + others" -> "Who murdered Rasputin in
    Dec 1916?" :: "Prince Yusupov + others": a deed done to the one named, asked of its doer;
    none where the notes name no doer, or a means ("dissolved by decree") rather than one."""
    found = _AGENT.match(after)
    base = participle_base(participle)
    past = inflections(base).get("VBD") if base else None
    if not found or not past:
        return []
    agent = found["agent"].strip().rstrip(".")
    named = [word for word in words(agent) if word.casefold() not in _AROUND_NAMES]
    if not named or not all(word[:1].isupper() for word in named) or opening_date(agent):
        return []  # "USA concerned by Korean war", "dissolved by decree": no one who did it
    if len(words(agent)) > MAX_AGENT_WORDS:
        return []
    dated = f" {on_date(when)}" if when else ""
    front = f"Who {past[0]} {name}{dated}?"
    return [Question(front, capital(agent), Shape.WHO, 10.5)]


# Cases -------------------------------------------------------------------------------------------

_PARTY_WORD = r"(?:[A-Z][\w'\u2019&.-]*|of|and|&|the|de|for|in|plc|Ltd|Co\.?)"
_PARTY = rf"(?:R\b|[A-Z][\w'\u2019&.-]*)(?:,?\s+{_PARTY_WORD})*?"
# "(1944)", "[1932]", or a bare year that ends a citation in brackets or before a dash ("(R v
# Taylor 1950)", "R v R 1991 - HL agreed ..."), not a date in the sentence ("... in 1803, ...")
_YEAR = (
    r"(?:(?:\s*[\[(](?=\d{4}[\])])|(?<!\sin)(?<!\son)\s+(?=\d{4}(?:\s*[)\]]|\s+[\u2013\u2014-]\s)))"
    r"(?P<year>\d{4})(?:(?<=[\[(]\d{4})[\])])?)?"
)
_REPORT = (
    r"(?:\s+(?:[A-Z]{1,3}\s+)?\d{1,4}\s+(?:[A-Z][A-Za-z.]*\s+|\([A-Z]{1,4}\)\s+|&\s+){1,4}\d+"
    r"(?:\s*\((?:[A-Z][A-Za-z]{0,4})\))?)?"
)
_IN_RE = r"(?:Re|In\s+re)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?"  # "Re McArdle"
_OWN_CASE = r"[A-Z][\w-]*(?:'|\u2019)s\s+Case"  # "Pinnel's Case"
CASE = lazy_regex(
    rf"(?P<case>{_IN_RE}|{_OWN_CASE}|{_PARTY}\s+v\.?\s+{_PARTY_WORD}(?:,?\s+{_PARTY_WORD})*?)(?=\s*[\[(]\d{{4}}|\s*[:,.;\u2013\u2014-]|\s+\d|\s*$|\s+(?:where|in\s+which|above|below|held)\b){_YEAR}{_REPORT}"
)
# Words that CASE needs one of, standing as a word: "v", "Case" ("Pinnel's Case"), "re" ("In re").
_CASE_WORDS = frozenset(["v", "case", "re"])


def _case_in(text: str) -> re.Match[str] | None:
    """CASE's search, skipped where none of its words is found ("Re" may follow any letter)."""
    if "Re" not in text and _CASE_WORDS.isdisjoint(cue_words(text)):
        return None
    found = CASE.search(text)
    party = found and re.search(r"\s+in\s+(?=\S+(?:\s+\S+)*?\s+v\.?\s)", found["case"])
    if found and party:
        # "Lord Hailsham in R v Howe (1987) said ...": the judge, then the case he spoke in
        later = CASE.search(text, found.start() + party.end())
        return later or found
    return found


_HELD = lazy_regex(
    r"^(?:(?:it\s+was\s+|the\s+court\s+|the\s+(?:house\s+of\s+lords|judge|majority)\s+)?"
    r"(?:held|established|decided|ruled|confirmed)\s*(?::|that\b)|principle\s*:|rule\s*:|ratio\s*:)\s*",
    re.I,
)
_LEAD_IN = lazy_regex(r"^(?:see|e\.g\.?|eg|cf\.?|as\s+in|in)\s+", re.I)
_POINT_END = lazy_regex(rf"[\s:\-\u2013\u2014]*{ARROW}?[\s:\-\u2013\u2014]*$")
_CONTRAST = lazy_regex(r"^(?:but|however|and|also|yet)\b[\s,]*", re.I)


# What may follow a case's name on a line that tells that case: its citation and court, then the
# note-taker's separator before what it decided, a bracket closing, "held", or nothing.
_CASE_TOLD = lazy_regex(
    r"(?:\s*(?:\[[^\]]*\]|\([^()]*\)|[A-Z][A-Za-z.]{0,5}\b|\d+\b|[*_]+))*"  # "[1932] AC 562 (HL)"
    rf"\s*(?:$|[:;,.=)\u2013\u2014-]|{ARROW}"
    r"|(?:held|ruled|decided|where|in\s+which|above|below)\b)"
)
# What may come before it: nothing, a separator or a bracket, or a word that points to it.
_TOLD_BEFORE = lazy_regex(
    rf"(?:^|[(:;,/\u2013\u2014>-]|{ARROW}|\b(?:contrast|compare|but|however|see|cf|e\.?g|eg"
    r"|i\.?e|such\s+as|as\s+in|in|for\s+example|and|or|also))\.?\s*$",
    re.I,
)


def _about_case(text: str, here: re.Match[str], under: str = "") -> bool:
    """ "Bolton v Stone (1951) - risk so small, no breach", "silence is not acceptance -
    Felthouse v Bindley": the line tells the case it names. Not "overruled R v Caldwell - ..."
    or "applying Caparo v Dickman, ..." (the case is what another case dealt with); and under
    another case's name (`under`), not "Shelfer v ... (1895) criteria for damages ... - applied
    more flexibly now" (the case names the criteria the case above applied)."""
    told = _CASE_TOLD.match(text[here.end() :])
    if told and told[0].endswith(("held", "ruled", "decided")):
        return True  # "The court in Carlill v Carbolic held that ..."
    before = words(text[: here.start()])
    if before and is_verb_form(before[-1]):
        return False
    if not under or normalise(under) == normalise(here["case"]):
        return True
    return bool(told and _TOLD_BEFORE.search(text[: here.start()]))


def case_span(text: str) -> tuple[int, int] | None:
    """Where a case and its citation sit in `text`: a cloze hides all of it or none."""
    match = _case_in(text)
    return (match.start(), match.end()) if match else None


def case_name(text: str) -> tuple[str, str] | None:
    """The case a text tells ("Carlill v Carbolic Smoke Ball Co"), with its year if given; None
    where the case is only named in passing ("overruled R v Caldwell")."""
    text = _LEAD_IN.sub("", text)
    match = _case_in(text)
    if not match or not _about_case(text, match):
        return None
    return match["case"].strip(), match["year"] or ""


def case_rule(sentence: str, case: tuple[str, str] | None, about: str = "") -> list[Question]:
    """ "Felthouse v Bindley (1862): silence cannot amount to acceptance", "Silence is not
    acceptance: Felthouse v Bindley", or "Held: ..." under a case -> "Which case held that
    silence cannot amount to acceptance?"; `about` is what a rule with no subject of its own
    ("must move from the promisee") is said of."""
    text = _LEAD_IN.sub("", sentence.strip())
    here = _case_in(text)
    candidates: list[str] = []
    if here and not _about_case(text, here, case[0] if case else ""):
        # "Shelfer v ... (1895) criteria for damages ... - applied more flexibly now" under
        # "Coventry v Lawrence", "overruled R v Caldwell - ...": the case named is what the
        # line speaks of, not the one that decided it
        return []
    if here:
        case = (here["case"].strip(), here["year"] or "")
        before = text[: here.start()].strip()
        after = re.sub(r"^\s*(?:above|below)\b", "", text[here.end() :]).strip()
        after = re.sub(r"^[\s:;,\u2013\u2014-]+", "", after)
        closes = _bracket_end(after) if before.count("(") > before.count(")") else len(after)
        if 0 < closes < len(after):
            # "courts lower down (R v R 1991 - HL agreed that ...)": the aside ends at its bracket
            after = after[:closes].rstrip()
        held = _HELD.match(after)
        inside = None if held else _HOLDING_INSIDE.search(after)
        if inside and inside.start() > 0:
            # "R v Miller (1983) - squatter fell asleep ... HL held that once D realises ...":
            # the facts come first, then what was held.
            return held_rule(case, after[inside.end() :])
        if not held and _ends_in_outcome(after):
            # "R v Jordan (1956) - ... wrong treatment -> broke the chain": what was held
            outcome = _OUTCOME.split(after)[-1]
            if _LATER.match(outcome.strip()):
                # "... said obiter that ... -> then followed in R v Gotts (1992)": what came of
                # the case later, no holding of it; the case is asked from the line
                return _case_asked(sentence, text, here)
            asked = held_in(case, after) or (
                held_in(case, outcome) if len(words(outcome)) > 2 else []
            )
            facts = _OUTCOME.split(_COURT_LEAD.sub("", after))[0]
            if asked and not (
                tells_facts(facts, False) and normalise(facts) in normalise(asked[0].back)
            ):
                return asked
            # "Christie v Davey [1893] - neighbour banged trays ... -> nuisance": the answer
            # would be the facts, or the line is too long for one; the case is asked from it
            return _case_asked(sentence, text, here)
        if before.endswith("(") and after.startswith(")"):
            candidates.append(before.rstrip(" ("))  # "An offer can be made to all (Carlill ...)"
        if held:
            candidates.append(after[held.end() :])
        elif (
            after
            and not re.match(r"(?:where|in\s+which)\b", after, re.I)
            and not tells_facts(after)
        ):
            candidates.append(after)
        if before.endswith((":", "-", "\u2013", "\u2014", ">", "\u2192")):
            # "silence is not acceptance - Felthouse", "BUT a request for information is
            # not a counter-offer -> Stevenson v McLean"
            point = _POINT_END.sub("", before)
            candidates.append(_CONTRAST.sub("", _LEAD_IN.sub("", point)))
    else:
        held = _HELD.match(text)
        if case is not None and not held and _states_a_rule(text):
            held = re.match("", text)  # "manufacturer owes duty to the ultimate consumer"
        if case is None or not held:
            return []  # under a case, only what it held is its rule; the facts are not
        candidates.append(DASH.split(text[held.end() :])[0])
    candidates = [_said_whole(candidate, about) for candidate in candidates]
    holding = next((found for found in map(_rule, candidates) if found), "")
    if not holding and case is not None and here:
        # "probability of harm - Bolton v Stone [1951] (cricket ball ...)": the case a point
        # of law is known by, under the label the notes give the point.
        label = _CONTRAST.sub("", _LEAD_IN.sub("", _POINT_END.sub("", text[: here.start()])))
        label = DASH.split(label)[0].strip()
        arrow = re.search(rf"{ARROW}\s*$", text[: here.start()])
        fewest = 1 if arrow else MIN_MEANING_WORDS - 1  # "adverts -> Partridge v Crittenden"
        # ("Lord Lowry in C v DPP": who spoke in the case, no point of law it stands for)
        ends_open = bool(label.split()) and label.split()[-1].casefold() in PREPOSITIONS
        if (
            fewest <= len(words(label)) <= MAX_POINT_WORDS
            and _names_a_point(label)
            and not ends_open
        ):
            point = " ".join(lower_first(label.split()))
            if _NAMED_RULE.search(point) and point.split()[0].casefold() not in _DETERMINERS:
                point = f"the {point}"  # "the thin skull rule"
            example = re.search(
                r"\b(?:e\.g\.?|eg|for\s+example|such\s+as)\s*$", text[: here.start()]
            )
            # "damages reduced, e.g. Froom v Butcher": one case among others, not the authority
            kind = "an example of" if example else "the authority on"
            front = finish_question(f"Which case is {kind} {point}")
            return [Question(front, case[0], Shape.CASE, 12.4)]
    if not holding and here and tells_facts(_COURT_LEAD.sub("", after)):
        # "Castle v St Augustine's Links (1922) - taxi driver hit by golf ball ..."
        return _case_asked(sentence, text, here)
    if not holding or case is None:
        return []
    consequence = re.split(r",\s+so\s+", holding, maxsplit=1)
    parties = len(consequence) == 2 and set(words(consequence[1].casefold())) & _PARTY_PRONOUNS
    if parties and len(words(consequence[0])) >= MIN_STATED_WORDS:
        holding = consequence[0]  # "... an invitation to treat, so he was not guilty": the rule
    if holding.split()[0].casefold() in _POINTING:
        return []  # "this was a mere request for information": what "this" is, is elsewhere
    if _two_sentences(holding):
        return []  # "two boys set fire ..., £1m damage. overruled Caldwell: ...": facts, then more
    answer = case[0]
    if here and _verbless_note(holding):
        # "Kennaway v Thompson [1981] - powerboat racing, injunction limited times": notes, not
        # a proposition a court held; the case is asked from them
        return _case_asked(sentence, text, here)
    rule = " ".join(lower_first(holding.split()))
    relative = re.match(r"(?:which|that|who)\s+(?=[a-z]+ed\b)", rule)
    if relative:
        # "Herrington v BRB (1972) which overruled Addie v Dumbreck": what the case did
        front = finish_question(f"Which case {rule[relative.end() :]}")
        return [Question(front, answer, Shape.CASE, 12.5)]
    return [Question(finish_question(f"Which case held that {rule}"), answer, Shape.CASE, 12.5)]


def _bracket_end(text: str) -> int:
    """Where the bracket a text is inside closes: the first ")" not matched in the text."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return index
    return len(text)


_LATER = lazy_regex(r"(?:then|later|subsequently|afterwards)\b", re.I)
_COURT_LEAD = lazy_regex(r"^(?:[A-Z]{2,5}\b\s*[-:\u2013\u2014]?\s*)?")  # "HL - ..."


def _case_asked(sentence: str, text: str, here: re.Match[str]) -> list[Question]:
    """The case a line tells, asked from the rest of it: "[Castle v St Augustine's Links] (1922)
    - taxi driver hit by golf ball ...", or where the name is too long to hide, "Which case
    (1936): D fired guns on own land to stop foxes breeding?"."""
    name = here["case"].strip()
    if len(name.split()) <= MAX_CLOZE_WORDS and len(name) <= MAX_CLOZE_CHARS:
        return [Question(sentence.strip(), name, Shape.CASE, 12.5, hidden=name)]
    rest = _COURT_LEAD.sub("", re.sub(r"^[\s:;,\u2013\u2014-]+", "", text[here.end() :]))
    rest = _OUTCOME_ARROW.split(rest)[0]  # the facts the case is known by, not what followed
    if text[: here.start()].strip() or len(words(rest)) < MIN_STATED_WORDS:
        return []
    year = f" ({here['year']})" if here["year"] else ""
    front = finish_question(f"Which case{year}: {rest.rstrip(' .;,')}")
    return [Question(front, name, Shape.CASE, 12.5)]


def _verbless_note(holding: str) -> bool:
    """ "powerboat racing, injunction limited times", "silting of Thames, extra dredging
    costs": phrases between commas, the first with no verb of its own, not a sentence ("goods
    on display are an invitation to treat, not an offer")."""
    first, comma, _ = holding.partition(",")
    if not comma:
        return False
    return not any(
        token in AUXILIARIES
        or token in _MODALS
        or verb_base(token, "VBZ")
        or verb_base(token, "VBD")
        for token in (word.casefold() for word in words(first))
    )


# A case's holding, marked as such: "H: ...", "held - ...", "ratio: ...", or the court that
# decided it ("HL: ...", "Supreme Court - ...", "CA held that ...").
_COURT = (
    r"HL|CA|SC|PC|UKSC|UKHL|EWCA|(?:the\s+)?(?:Supreme\s+Court|House\s+of\s+Lords"
    r"|Court\s+of\s+Appeal|Privy\s+Council|court|judge|majority)"
)
_HOLDING_MARK = lazy_regex(
    rf"^(?:(?:{_COURT})\s*(?:(?:held|ruled|decided|said)\s*(?:that\b|:)?|[:\u2013\u2014]|\s-\s)"
    r"|(?:H|held|holding|ratio(?:\s+decidendi)?|decision|decided|outcome)\s*(?::|\s-\s|=|\u2013|\u2014))"
    r"\s*(?=\S)",
    re.I,
)
_HOLDING_INSIDE = lazy_regex(
    rf"(?:^|[.;]\s+|\s[-\u2013\u2014]\s+)(?:(?:it\s+was|{_COURT})\s+)?(?:held|ruled|decided)"
    r"\s*(?::|that\b)\s*(?=\S)",
    re.I,
)
_FACTS_MARK = lazy_regex(r"^(?:F|facts?)\s*(?::|\s-\s|\u2013|\u2014)", re.I)
# "Not liable - the occupier is entitled to expect ...", "Council liable.", "D guilty": what the
# court found, the outcome of the case, in its own words
_OUTCOME_FOUND = lazy_regex(
    r"^(?:[A-Za-z']+\s+){0,2}(?:not\s+)?(?:liable|guilty|negligent)\b(?!\s+(?:to|for|if|when|unless)\b)",
    re.I,
)
_OUTCOME_ARROW = lazy_regex(rf"\s*{ARROW}\s*(?=\S)")


def marked_holding(line: str) -> str:
    """The holding a line marks as one, without its mark: "H: his contract created a duty",
    "HL: manufacturer owed a duty ...", "... then refused to move. held: continuing act"; "" for a
    line that marks none."""
    text = line.strip()
    if _FACTS_MARK.match(text):
        inside = _HOLDING_INSIDE.search(text)
        return text[inside.end() :].strip() if inside else ""
    mark = _HOLDING_MARK.match(text) or _HOLDING_INSIDE.search(text)
    if mark:
        return text[mark.end() :].strip()
    return text if _OUTCOME_FOUND.match(text) else ""


def marked_facts(line: str) -> bool:
    """ "F: railway gatekeeper left the gate open", "facts - ...": a line marked as the facts."""
    return bool(_FACTS_MARK.match(line.strip()))


def holding_among(lines: list[str]) -> int | None:
    """Which of the lines under a case is what the court decided: the one marked as its holding
    ("H: ...", "HL: ..."), else the one that ends in its outcome ("not reasonably foreseeable ->
    no duty"), else the last of two or more, where notes put the decision after the facts; None
    where the lines are only facts ("F: ...") or a detail ("15% if ...")."""
    for index, line in enumerate(lines):
        if marked_holding(line):
            return index
    for index, line in enumerate(lines):
        if _OUTCOME_ARROW.search(line) and not _FACTS_MARK.match(line) and _opens_on_words(line):
            return index
    if len(lines) >= 2 and not _FACTS_MARK.match(lines[-1]) and _opens_on_words(lines[-1]):
        return len(lines) - 1
    return None


def _opens_on_words(line: str) -> bool:
    """ "D took reasonable steps ...", not "25% reduction ..." or "(Parliament then ...)": a
    detail or an aside is no decision."""
    return line[:1].isalpha()


_OUTCOME = lazy_regex(rf"\s*(?:{ARROW}|\s=)\s*(?=\S)")


def tells_facts(text: str, one_point_held: bool = True) -> bool:
    """ "girl jumped out of a moving car ...", "threw beer over V": what happened in a case,
    told in the past, not what it decided ("the reply was not an offer", "goods displayed in a
    window are an invitation to treat"); `one_point_held` reads a single past point ("owed a
    duty to the consumer") as a holding."""
    tokens = [token.casefold().strip(",;:()") for token in text.split()]
    if any(token in _PRESENT for token in tokens):
        return False
    if one_point_held and not re.search(r",|\s\+\s|\b(?:when|then|and)\b", text):
        return False  # "manufacturer owed a duty to the consumer": one point, what was held
    for index, token in enumerate(tokens[:5]):
        before = tokens[index - 1] if index else ""
        if before in _DETERMINERS or before in AUXILIARIES or token in AUXILIARIES:
            continue  # "a fell", "was held": a noun, or a verb's helper
        if verb_base(token, "VBD") and (index == 0 or not can_be(token, "ADJ")):
            return True
    return False


def _ends_in_outcome(text: str) -> bool:
    """ "used his girlfriend as a shield, police shot her -> D's act still the legal cause",
    "officer grabbed a woman's arm = battery": the facts, then what the court made of them (not
    "ABH = any hurt or injury ...", a definition)."""
    if re.search(ARROW, text):
        return True
    parts = re.split(r"\s=\s*", text)
    return len(parts) > 1 and len(words(parts[-1])) <= 5 and tells_facts(parts[0], False)


def held_rule(case: tuple[str, str], holding: str) -> list[Question]:
    """What a case held, asked from the rule where it reads as a sentence ("Which case held
    that once D realises he created the danger he is under a duty to act?"), else from the case."""
    rule = _rule(holding.strip().rstrip(".;,"))
    clause = rule and not _OUTCOME.search(rule) and _reads_whole(rule)
    if clause and rule.split()[0].casefold() not in _POINTING:
        asked = " ".join(lower_first(rule.split()))
        front = finish_question(f"Which case held that {asked}")
        return [Question(front, case[0], Shape.CASE, 12.5)]
    return held_in(case, holding)


def _reads_whole(rule: str) -> bool:
    """A sentence with its subject, or one that opens on its condition ("once D realises he
    created the danger he is under a duty to act")."""
    return split_clause(rule) is not None or (
        opens_subordinate(rule) and len(words(rule)) >= MIN_STATED_WORDS
    )


def held_in(case: tuple[str, str], line: str) -> list[Question]:
    """ "Bolton v Stone (1951)" over "- only happened approx 6 times in 30 yrs -> risk so
    small, no breach" -> "What was held in Bolton v Stone (1951)?"; a holding too long for an
    answer is asked the other way, "Which case held that ...?", where it reads as a sentence."""
    holding = (marked_holding(line) or line).strip().rstrip(".;,")
    if not holding or len(words(holding)) < 2:
        return []
    name = f"{case[0]} ({case[1]})" if case[1] else case[0]
    plain = re.sub(r"\s*\([^()]*\)", "", holding).strip()
    if len(holding.split()) > MAX_ANSWER_WORDS and len(words(plain)) >= MIN_STATED_WORDS:
        holding = plain  # "... damages only (Lord Denning dissented, loved cricket)": the aside
    if len(holding.split()) <= MAX_ANSWER_WORDS:
        return [Question(f"What was held in {name}?", capital(holding), Shape.CASE, 12.6)]
    outcome = _OUTCOME_ARROW.split(holding)[-1].strip()
    if outcome != holding and MIN_STATED_WORDS <= len(outcome.split()) <= MAX_ANSWER_WORDS:
        # "excess oxygen only 1 of 5 possible causes -> C couldn't prove it caused the
        # blindness": the decision, where the whole line is too long to answer
        return [Question(f"What was held in {name}?", capital(outcome), Shape.CASE, 12.6)]
    rule = _rule(holding)
    if not rule or _OUTCOME.search(rule) or rule.split()[0].casefold() in _POINTING:
        return []
    if not _reads_whole(rule):
        return []  # "not negligent if acted ...": whose rule it is, the notes leave out
    asked = " ".join(lower_first(rule.split()))
    return [Question(finish_question(f"Which case held that {asked}"), case[0], Shape.CASE, 12.6)]


# Named rules ------------------------------------------------------------------------------------

# "Caparo test", "the thin skull rule", "Woollin test for oblique intent", "three-stage test":
# the name of a rule, test or doctrine of a subject.
_RULE_KIND = r"(?:test|rule|principle|doctrine|maxim|law)"
_RULE_NAME = lazy_regex(
    rf"^(?P<name>(?:the\s+)?(?:[\w'\u2019-]+\s+){{0,4}}?(?P<kind>{_RULE_KIND})"
    r"(?:\s+(?:for|of|in|on)\s+(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+)?)$",
    re.I,
)
_RULE_SAYS = lazy_regex(
    # (tried only at a space or a colon, where each such mark opens)
    r"(?=[\s:])\s*(?::|\s[-\u2013\u2014]\s|\s=\s?|\s+(?:means|says\s+that|states\s+that)\s)\s*(?=\S)"
)
_PART = lazy_regex(r"(?:^|\s)\(?(?P<n>[1-9])\s*(?:[.)]\s*|\s)(?=[A-Za-z])")
_PARTS_WORD = lazy_regex(r"\b(stage|step|limb|element|part|question)s?\b", re.I)
_COUNTS = ("", "", "two", "three", "four")
MAX_RULE_PARTS = 4


def rule_name(text: str) -> tuple[str, str] | None:
    """ "Caparo test" -> ("the Caparo test", "test"); None for "apply the test"."""
    match = _RULE_NAME.match(text.strip().rstrip(" :"))
    if not match:
        return None
    name = match["name"]
    tokens = name.split()
    first = tokens[0].casefold()
    if len([token for token in tokens if token.casefold() != "the"]) < 2:
        return None  # "the rule": which rule, the notes say elsewhere
    if any(is_verb_form(t.casefold()) and not can_be(t.casefold(), "NOUN") for t in tokens):
        return None  # "used the test": what was done, not a name
    if "VERB" in lemmas(first) and not can_be(first, "NOUN") and not can_be(first, "ADJ"):
        return None  # "apply the test": an order, not a name
    if any(token.casefold() in _DETERMINERS for token in tokens[1:]):
        return None  # "use the test": a verb and its object
    owner = any(re.search(r"['\u2019]s$", token) for token in tokens[:2])  # "Lord Atkin's ..."
    if match["kind"].casefold() == "law" and not (owner or re.search(r"\blaw\s+of\s", name, re.I)):
        return None  # "Boyle's law", "the law of reflection"; never "contract law", a field
    if first == "the":
        name = f"the {' '.join(tokens[1:])}"  # "The eggshell skull rule means ..."
    elif first not in ("a", "an") and not owner:
        named = any(token[:1].isupper() for token in tokens[1:])
        if lemmas(first) and not named:
            tokens[0] = tokens[0][:1].lower() + tokens[0][1:]  # "Thin skull rule"
        name = f"the {' '.join(tokens)}"
    return name, match["kind"].casefold()


_BY_NAME = lazy_regex(r"^(?P<who>[A-Z][\w\u2019'-]+)\s*(?::|\s[-\u2013\u2014]\s)\s*(?P<said>\S.*)$")


def law_by_name(sentence: str, headings: tuple[str, ...]) -> tuple[list[Question], str]:
    """ "Faraday: induced emf is ... proportional to ..." under "Faraday's law & Lenz's law": a
    line that names a law by whose it is, as its heading names it, asked as that law ("What does
    Faraday's law say?", or "Whose law says that ...?" where what it says is too long for an
    answer); with the law's name, which the card's context must not show. ([], "") for any
    other line."""
    line = _BY_NAME.match(sentence.strip())
    if not line:
        return [], ""
    owned = rf"\b{re.escape(line['who'])}['\u2019]s\s+(?P<kind>{_RULE_KIND})\b"
    for heading in reversed(headings):
        named = re.search(owned, heading, re.I)
        if not named:
            continue
        kind = named["kind"].casefold()
        name = f"{line['who']}'s {kind}"
        said = line["said"].rstrip(" .")
        tokens = said.split()
        if not any(is_verb_form(token.casefold()) for token in tokens[1:]):
            return [], ""  # "Faraday: 1831": no statement
        if len(tokens) <= MAX_ANSWER_WORDS:
            return [Question(f"What does {name} say?", capital(said), Shape.DEFINITION, 12.6)], name
        if len(tokens) > MAX_LAW_WORDS:
            return [], ""
        # the law's name is in the heading, not the line: the line names whose it is
        front = finish_question(f"Whose {kind} says that {' '.join(lower_first(tokens))}")
        return [Question(front, line["who"], Shape.DEFINITION, 12.6)], name
    return [], ""


def numbered_parts(content: str) -> list[str]:
    """ "1) foreseeability 2) proximity 3) fair, just and reasonable" -> its three parts; [] where
    the numbers do not run 1, 2, 3 ... from the start."""
    marks = list(_PART.finditer(content))
    if len(marks) < 2 or content[: marks[0].start()].strip():
        return []
    if [int(mark["n"]) for mark in marks] != list(range(1, len(marks) + 1)):
        return []
    ends = [mark.start() for mark in marks[1:]] + [len(content)]
    parts = [content[mark.end() : end].strip(" ,;.") for mark, end in zip(marks, ends, strict=True)]
    return parts if all(parts) and len(parts) <= MAX_RULE_PARTS else []


def rule_parts(name: str, parts: list[str]) -> list[Question]:
    """ "the Caparo test" and its three parts -> "What are the three parts of the Caparo test?" """
    if not 2 <= len(parts) <= MAX_RULE_PARTS:
        return []
    if any(len(part.split()) > MAX_ANSWER_WORDS for part in parts):
        return []
    named = _PARTS_WORD.search(name)
    kind = f"{named[1].casefold()}s" if named else "parts"
    count = _COUNTS[len(parts)]
    if re.search(rf"\b{count}\b", name, re.I):
        front = f"What are the {kind} of {name}?"  # "the three-stage test"
    else:
        front = f"What are the {count} {kind} of {name}?"
    return [Question(front, "; ".join(capital(part) for part in parts), Shape.DEFINITION, 12.7)]


def _proper(token: str) -> bool:
    """ "Bolam", "Caparo": a name, not a word of the language ("three-stage", "general")."""
    parts = [part for part in re.split(r"[-'\u2019]", token.strip("'\u2019\"()")) if part]
    return token[:1].isupper() or any(
        part.isalpha() and not lemmas(part.casefold()) and not is_number_word(part.casefold())
        for part in parts
    )


def named_rule(sentence: str, name: tuple[str, str] | None = None) -> list[Question]:
    """A named rule with what it says: "thin skull rule - D must take V as he finds them" ->
    "What does the thin skull rule say?"; "Caparo test: 1) foreseeability 2) proximity 3) ..." ->
    its parts; where `name` is given, `sentence` is what the rule named over it says."""
    content = sentence.strip().rstrip(".")
    if name is None:
        # "oblique intent - Woollin test: 1) ... 2) ...": the name between two separators
        start = 0
        for said in _RULE_SAYS.finditer(content):
            name = rule_name(content[start : said.start()])
            if name:
                content = content[said.end() :].strip()
                break
            before = content[: said.start()].split()
            if before and (any(map(_proper, before[1:])) or _proper(before[0].lower())):
                break  # "Bowles & Gintis (1976) - correspondence principle: ...": whose it is
            start = said.end()
        if not name:
            return []
    shown, kind = name
    if kind.casefold() == "law" and "=" in content:
        content = re.sub(r"\s*\([^()]*\)$", "", content)  # "E = mc² (...)": the formula
    if content.endswith(":"):
        return []  # "... is allowed if:": what it says, the items below finish
    if case_span(content):
        return []  # "eggshell rule - take the claimant as you find them - Page v Smith": its case
    parts = numbered_parts(content)
    if parts:
        return rule_parts(shown, parts)
    opening = content.split()[0].casefold() if content.split() else ""
    if not content[:1].isalnum() or len(words(content)) < 2 or opening in PRONOUNS:
        return []  # "it is ...": what it is, is elsewhere
    if len(content.split()) <= MAX_ANSWER_WORDS:
        front = f"What does {shown} say?" if split_clause(content) else f"What is {shown}?"
        return [Question(front, capital(content), Shape.DEFINITION, 12.6)]
    proper = any(_proper(token) for token in shown.split()[1:])
    proper = proper or bool(re.search(r"\w['\u2019]s$", shown.split()[0]))  # "Hooke's law"
    if proper and _reads_whole(content) and len(words(content)) <= MAX_LAW_WORDS:
        # (never "Which rule says that ...? :: General rule": a kind of rule, not its name)
        said = " ".join(lower_first(content.split()))
        answer = capital(shown[4:] if shown.startswith("the ") else shown)
        front = finish_question(f"Which {kind} says that {said}")
        return [Question(front, answer, Shape.DEFINITION, 12.6)]
    return []


_TELEGRAPHIC = lazy_regex(
    r"^(?P<thing>[^-\u2013\u2014=\u2260]+?)\s*(?P<sep>\s[-\u2013\u2014]\s|=|\u2260)\s*(?P<said>\S.*)$"
)


_SHORTENED = frozenset(["etc", "approx", "cf", "vs", "v", "no", "s", "ss", "para", "ch", "p", "c"])


def _two_sentences(text: str) -> bool:
    """ "... £1m damage. overruled Caldwell": a note's full stop before a word in lower case,
    not an abbreviation's ("e.g. s.47", "approx. 6")."""
    for stop in re.finditer(r"(\S+)\.\s+(?=[a-z])", text):
        word = stop[1].casefold()
        if "." not in word and word not in _SHORTENED:
            return True
    return False


def _said_whole(holding: str, about: str) -> str:
    """A holding written as notes, read as the sentence it stands for: "domestic agreements -
    presumed NOT intended" -> "... agreements are presumed NOT intended", "silence ≠
    acceptance" -> "silence is not acceptance", "must move from the promisee" -> "consideration
    must move from the promisee" (`about` names what the rule is of)."""
    holding = holding.strip()
    first = holding.split()[0].casefold() if holding.split() else ""
    if about and holding[:1].islower() and (first in _MODALS or first in ("is", "are")):
        opening = about.split()[0].split("-")[0].casefold()
        if about[1:2].islower() and lemmas(opening):
            about = about[:1].lower() + about[1:]  # "Self-defence", a label's capital
        return f"{about} {holding}"
    parts = _TELEGRAPHIC.match(holding)
    if not parts or split_clause(parts["thing"]) is not None:
        return holding
    thing, said = parts["thing"].strip(), parts["said"].strip()
    bare = re.sub(r"\s*\([^()]*\)", "", thing)
    if not bare or any(is_verb_form(token) for token in words(bare)):
        return holding
    verb = "are" if is_plural(bare) or "/" in bare.split()[-1] else "is"
    said_first = said.split()[0].casefold()
    if parts["sep"].strip() == "\u2260":
        return f"{thing} {verb} not {said}"
    if parts["sep"].strip() == "=" or participle_base(said_first) or only_as(said_first, "ADJ"):
        return f"{thing} {verb} {said}"
    return holding


def _states_a_rule(text: str) -> bool:
    """A sentence in the present tense with a named subject states a rule, where the case's
    facts are told in the past ("auditors owed no duty", "C couldn't sue in contract") or in
    a phrase with no verb ("snail in a bottle of ginger beer")."""
    if re.search(r"[:\"\u201c]", text):
        return False  # "Lord Atkin's "neighbour principle": ...": a label and its statement
    clause = split_clause(DASH.split(text)[0])
    return (
        clause is not None
        and clause.aux in _PRESENT
        and not any(
            verb_base(token.casefold(), "VBD") and not can_be(token.casefold(), "NOUN")
            for token in clause.rest
        )
    )


_PARTY_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "his", "her", "its", "their", "him", "them"]
)
_POINTING = frozenset(["this", "that", "these", "those", "it", "he", "she", "they"])
_PRESENT = frozenset(["does", "do", "is", "are", "must", "can", "cannot", "may", "will"])
_NAMED_RULE = lazy_regex(r"\b(?:rule|principle|maxim|doctrine|test)$", re.I)
# Words that open a noun phrase: "close [the] missile gap" is a verb and its object, "the
# thin skull rule" has its article.
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "its", "their", "your", "his", "her", "our"]
)
MAX_POINT_WORDS = 6  # "probability of harm", "factual causation": a point of law's label


def _names_a_point(label: str) -> bool:
    """A noun phrase naming a point of law: no verb, no quotation, not the case's own facts."""
    tokens = words(label)
    if not tokens or not tokens[0][:1].isalpha() or re.search(r"[\"\u201c(]", label):
        return False
    return not any(is_verb_form(token) and not can_be(token, "NOUN") for token in tokens)


def _rule(holding: str) -> str:
    """The holding when it reads as a rule: a clause of a few words, not a citation's tail, a
    nickname ("the battle of the forms") or a judge's words ("Lord Diplock: ...")."""
    holding = holding.strip().rstrip(".")
    tokens = words(holding)
    if not 3 <= len(tokens) <= 26 or not holding[:1].isalpha():
        return ""
    if re.match(r"^[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*:", holding):
        return ""
    if not any(is_verb_form(t) or only_as(t, "VERB") or t in _MODALS for t in tokens[1:]):
        return ""  # "seriousness of harm": a label naming what the case is about
    if verb_base(tokens[0], "VBD") and not can_be(tokens[0], "NOUN"):
        return ""  # "approved Entores; ...": what a judgment did, not what it held
    return holding


_ORDER = lazy_regex(r"^(?:do\s+not|don't|never|always|only)\s+[a-z]+\s", re.I)
_STRATEGY = lazy_regex(
    r"\b(?:approach|strategy|method|technique|policy|rule|principle|denial|prevention|avoidance"
    r"|detection)\b",
    re.I,
)
_NUMBERED = lazy_regex(
    r"^(?:approach|method|strategy|step|option|rule|technique)\s*\d+\s*:\s*", re.I
)
_USEFUL = r"valuable|useful|important|essential|vital|crucial|helpful|necessary|key|responsible"
# "helping improve ...", "making it easier ...": what the thing does, not what it is
_DOING = frozenset(["help", "allow", "enable", "let", "make", "keep", "cause", "give", "get"])


def plural_then_verb(text: str) -> bool:
    """ "oceans hold about 97% ...", "forests hold ...": a plural noun, then a word that is its
    verb in the present (not a participle): a subject and its verb."""
    tokens = [token.casefold() for token in text.split()[:2]]
    return (
        len(tokens) == 2
        and is_plural(tokens[0])
        and verb_base(tokens[1], "VBP") is not None
        and not verb_base(tokens[1], "VBN")
    )


_DATED_WORK = lazy_regex(
    r"^(?P<title>[^\W\d_][^()]*?)\s*,?\s*\(?(?:[12]\d{3})(?:[-\u2013]\d{2,4})?\)?$"
)
MAX_TITLE_WORDS = 8


def names_a_dated_work(term: str, meaning: str) -> bool:
    """ "Kant" over "Critique of Pure Reason (1781)": one word no dictionary knows, said with a
    title and its year, is a person and their work; asking "What is Kant?" defines nobody."""
    first = re.split(r"\s[-\u2013\u2014]+\s|;", meaning)[0]  # ("... 1748 - separation of powers")
    dated = _DATED_WORK.match(first.strip().rstrip("."))
    if not dated or len(term.split()) != 1 or term.isupper() or lemmas(term.casefold()):
        return False
    title = dated["title"].split()
    return (
        1 <= len(title) <= MAX_TITLE_WORDS
        and title[0][:1].isupper()
        and not any(is_verb_form(word) for word in title)
    )


# "less interception", "more runoff", "higher peak": a change, said by how much of a thing
_DIFFERENCE = lazy_regex(
    r"^(?:less|more|fewer|higher|lower|greater|smaller|faster|slower|reduced|increased)\s+[a-z]",
    re.I,
)


def says_a_difference(meaning: str) -> bool:
    """ "less interception, less transpiration": a meaning made of two or more comparisons says
    what the thing changes, not what it is ("more tasks of the same level" says what job
    enlargement is)."""
    parts = [part.strip() for part in re.split(r"[,;+]|\band\b", meaning) if part.strip()]
    return len(parts) >= 2 and all(_DIFFERENCE.match(part) for part in parts)


_ITEMS_LABEL = lazy_regex(r"^(?P<label>[^\W\d_]+)\s*(?:\([^()]*\))?\s*:?$")


def names_its_items(text: str) -> bool:
    """ "types (Swinburne has 5, here the main ones)", "Examples:": a plural label word, with at
    most an aside, heads the items below it and says what nothing is."""
    label = _ITEMS_LABEL.match(text.strip().rstrip("."))
    word = label["label"].casefold() if label else ""
    return (word in LABEL_WORDS or word in RELATION_LABELS) and word.endswith("s")


# "Internalisation", "Behaviourism": the endings of a word made from another ("-isation",
# "-ism", "-ness"), which a dictionary may spell otherwise but no one is named by
TERM_ENDING = lazy_regex(r"\w{3}(?:isation|ization|ation|ition|ism|ness|ity|ology|ment)$", re.I)


def _describing_noun_phrase(text: str) -> bool:
    """ "shallowest type, go along with the group ...", "higher ground between two valleys":
    a describing word and the noun it describes, what the thing is; not "valuable in helping
    ...", a describing word said of it."""
    said = [word.casefold() for word in re.findall(r"[A-Za-z][\w'-]*", text)[:2]]
    if len(said) < 2 or not text[:1].islower() or re.search(r"\d", text):
        return False  # ("run-down office building -> 47.5%": a case and its figure)
    if _TERM_SAID.match(text):
        return False  # "asymmetric information - one party knows more": a term of its own
    clause = re.split(r"[,;]|\s(?:->|=>|\u2192)\s", text, maxsplit=1)[0].split()[2:]
    if any(verb_base(word.casefold(), "VBZ") for word in clause):
        return False  # "indirect tax burden falls more on consumers ...": a statement
    first, second = (lemmas(word) for word in said)
    return "ADJ" in first and "NOUN" in second and not {"ADJ", "ADV"} & set(second)


_TERM_SAID = lazy_regex(r"^(?:\S+\s+){0,3}\S+\s*(?::|=|\s[-\u2013\u2014]+)\s")


def label_definition(subject: str, fragment: str, noun_phrase: bool = False) -> list[Question]:
    """A label's first sub-bullet that says what it is: "**chunks**" over "- pieces of
    information bound together through use" -> "What are chunks?"; "- like a storage
    warehouse" -> "What is long term memory like?" """
    text = fragment.strip().rstrip(".;")
    first = text.split()[0].casefold() if text else ""
    if case_span(text) or any(only_as(word, "VERB") for word in subject.split()[1:]):
        return []  # "Factors courts weigh" over "- probability of harm - Bolton v Stone": no term
    if names_a_dated_work(subject, text):
        return []  # "Kant" over "- Critique of Pure Reason (1781)": who wrote it, no meaning
    if names_its_items(text):
        return []  # "Religious experience" over "- types (Swinburne has 5)": a heading of kinds
    if [word.casefold() for word in subject.split()[:1]] == ["to"]:
        return []  # "to refrain from:" over "- harming living beings": what to do, not a term
    if normalise(subject) in GENERIC_SECTIONS or normalise(subject.split()[-1]) in LABEL_WORDS:
        # "overview" over "- segregation in the South": a part of the notes; "secondary
        # effects" over "- tourism fell for months": one of them, not what the label means
        return []
    if re.match(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s+[-\u2013\u2014]\s+\S", text):
        return []  # "key people" over "- Martin Luther King Jr - Baptist minister ...": one of them
    last = lemmas(subject.split()[-1].casefold())
    if not subject[:1].isalpha() or ("ADJ" in last and "VERB" not in last):
        return []  # "Political", "Social" over "- end of absolute monarchy": a kind of result
    plural = is_plural(subject)
    verb = "are" if plural else "is"
    shown = " ".join(lower_first(subject.split()))
    if re.fullmatch(r"[A-Z][a-z]+", shown) and TERM_ENDING.search(shown):
        shown = shown.lower()  # "Internalisation": a term the dictionary spells otherwise
    if not plural and names_one_idea(shown):
        shown = f"the {shown}"  # "Knowledge argument" -> "What is the knowledge argument?"
    if first == "like" and 2 <= len(words(text)) <= MAX_ANSWER_WORDS + 1:
        front = finish_question(f"What {verb} {shown} like")
        return [Question(front, capital(text[5:]), Shape.DEFINITION, 11.0)]
    if first == "about" and 2 <= len(words(text)) <= MAX_ANSWER_WORDS + 1:
        # "Normative social influence (NSI)" over "- about wanting to be liked / fear of
        # rejection": what it is about
        front = finish_question(f"What {verb} {shown} about")
        return [Question(front, capital(text[6:].strip()), Shape.DEFINITION, 11.0)]
    rule = _ORDER.match(text) and _STRATEGY.search(subject)
    if rule and MIN_MEANING_WORDS <= len(words(text)) <= MAX_ANSWER_WORDS:
        # "**Approach 1 : Process Initiation Denial**" over "- Do not start a process if ...":
        # the rule is what the strategy is.
        name = _NUMBERED.sub("", subject).strip()
        if name:
            front = finish_question(f"What is {' '.join(lower_first(name.split()))}")
            return [Question(front, capital(text), Shape.DEFINITION, 11.0)]
    useful = re.match(rf"^(?P<how>{_USEFUL})\s+(?:in|for|to)\s+(?P<what>\S.+)$", text, re.I)
    if useful and MIN_MEANING_WORDS <= len(words(useful["what"])) <= MAX_ANSWER_WORDS:
        # "**exercise**" over "- valuable in helping improve our memory" -> what it is for
        front = finish_question(f"What {verb} {shown} {useful['how'].casefold()} for")
        return [Question(front, capital(useful["what"]), Shape.DEFINITION, 11.0)]
    if plural_then_verb(text) and not noun_phrase:
        return []  # "Stores" over "- oceans hold about 97% of ...": a statement, not its meaning
    if (split_clause(text) is not None and not noun_phrase) or first in PRONOUNS:
        return []  # (unless the caller knows "the energy required ..." is a noun phrase)
    if is_stopword(first) and first not in ("a", "an", "the"):
        return []
    parts = lemmas(first)
    # "**recall**" over "- trying to remember the key points ...": a doing, named by a gerund
    doing = verb_base(first, "VBG") if first.endswith("ing") else None
    if doing in _DOING:
        return []
    gerund = bool(doing) and "VERB" in parts and text[:1].islower()  # never "Dunning School"
    described = _describing_noun_phrase(text)  # "shallowest type, go along with the group ..."
    if (
        first not in ("a", "an", "the")
        and ("NOUN" not in parts or "ADJ" in parts)
        and not gerund
        and not described
    ):
        return []  # "valuable in helping ...": a description, not what the thing is
    whole = described and len(text.split()) <= MAX_ANSWER_WORDS  # (no half of its contrast)
    answer = text if whole else _short(text) or _first_part_that_fits(text)
    if not answer or _leaks(subject, answer):
        return []
    return [
        Question(finish_question(f"What {verb} {shown}"), capital(answer), Shape.DEFINITION, 11.5)
    ]


# Laws --------------------------------------------------------------------------------------------

_NAMED = lazy_regex(
    r"\b(law|principle|theorem|rule|effect|equation|hypothesis|postulate|axiom|model|theory)s?\b",
    re.I,
)


def named_law(statement: str, name: str) -> list[Question]:
    """A statement under the heading that names it ("Newton's First Law" over "An object will
    remain at rest ...") -> "Which law states that an object will remain at rest ...?" """
    kind = _NAMED.search(name) if name else None
    if not kind or len(name.split()) > MAX_TERM_WORDS + 1 or len(words(statement)) > MAX_LAW_WORDS:
        return []
    body = " ".join(lower_first(statement.rstrip(".").split()))
    front = finish_question(f"Which {kind[1].lower()} states that {body}")
    return [Question(front, name.strip(), Shape.DEFINITION, 13.0)]


def term_explained(sentence: str, terms: tuple[str, ...]) -> list[Question]:
    """ "It is based on the **stored program concept**: instructions and data are both stored
    in the same main memory ..." -> "What is the stored program concept?": a sentence that
    ends on the author's term, and a colon before what that term is."""
    for term in terms:
        # (after an article: "UDP is **connectionless**: ..." says what UDP is like)
        said = rf"(?<=\s)(?P<the>the|a|an)\s+{re.escape(term)}:\s+(?P<meaning>\S.+)$"
        match = re.search(said, sentence, re.I)
        if not match or len(words(term)) > MAX_TERM_WORDS or not _names_a_thing(term):
            continue
        if re.search(r"\d", term) or term.split()[0].casefold() in PRONOUNS:
            continue  # "has **9 members**: the Governor, ...": a count, then who they are
        meaning = match["meaning"].rstrip(" .")
        if "=" in meaning or _leaks(term, meaning) or _names_members(meaning):
            continue  # "... the stages: G1, S, G2": what it has, listed, not what it is
        answer = _short(meaning) or _first_part_that_fits(meaning, term)
        if not answer:
            continue
        shown = " ".join(lower_first(term.split(), frozenset()))
        idea = term.split()[-1]
        if _NAMED.fullmatch(idea) or idea.casefold() in _IDEAS:
            # "the stored program concept: instructions and data are ...": what an idea says
            front = finish_question(f"What does the {shown} state")
        elif states_about(term, answer) or split_clause(capital(answer)) is not None:
            continue  # "a problem: the CPU can't ...": a remark on it, not what it is
        else:
            shown = f"{match['the'].casefold()} {shown}"
            front = finish_question(f"What {'are' if is_plural(term) else 'is'} {shown}")
        return [Question(front, capital(answer), Shape.DEFINITION, 12.0)]
    return []


_IDEAS = frozenset(["concept", "idea", "assumption", "paradigm"])  # besides a law's _NAMED kinds


# "... by photosynthesis, which is the process of ...": a term, and what it is, hung on it
_WHICH_IS = lazy_regex(
    r"(?<=\s)(?P<term>[a-z][a-z-]{3,}(?:\s+[a-z][a-z-]{3,}){0,2}),\s+which\s+(?P<verb>is|are)\s+"
    r"(?P<meaning>(?:a|an|the)\s[^;:()]+?)\s*(?:[;:(]|\.?$)"
)


def which_is(sentence: str) -> list[Question]:
    """ "Plants make glucose by photosynthesis, which is the process of turning light energy
    into chemical energy" -> "What is photosynthesis?": a term that a "which is" clause after
    it says the meaning of."""
    match = _WHICH_IS.search(sentence)
    if not match:
        return []
    before = sentence[: match.start()].split()
    term = match["term"]
    if before and before[-1].casefold() in ("of", "and", "or"):
        return []  # "the rate of photosynthesis, which is ...": the term began earlier
    if any(is_stopword(word) or is_verb_form(word) for word in term.split()):
        return []  # "then slows, which is ...": a verb's clause, not a term
    if not _names_a_thing(term) or _leaks(term, match["meaning"]):
        return []
    meaning = re.split(r",\s+(?:and|but|so|while)\b", match["meaning"])[0]
    answer = _short(meaning) or _first_part_that_fits(meaning, term)
    if not answer or len(words(answer)) < MIN_MEANING_WORDS:
        return []
    front = finish_question(f"What {match['verb']} {term}")
    return [Question(front, capital(answer), Shape.DEFINITION, 12.0)]


# "... for long (the competitive exclusion principle, Gause 1934).": a statement, then its name
_NAME_IN_BRACKETS = lazy_regex(
    r"^(?P<statement>[A-Z][^()]{20,}?)\s*\((?P<name>the\s+[a-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3}?"
    r"\s+(?:law|principle|theorem|rule|effect|hypothesis|paradox|fallacy)"
    r"|the\s+(?:law|principle|rule)\s+of\s+[a-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,2})"
    r"(?:\s*[,;][^()]*)?\)\s*\.?$",
    re.I,
)


MIN_LAW_STATEMENT_WORDS = 5


def bracketed_law(sentence: str) -> list[Question]:
    """ "No two species can occupy the same niche for long (the competitive exclusion
    principle, Gause 1934)" -> "Which principle states that no two species can ...?": a
    statement with the name of the law it states in brackets after it."""
    match = _NAME_IN_BRACKETS.match(sentence.strip())
    if not match or len(words(match["statement"])) < MIN_LAW_STATEMENT_WORDS:
        return []  # "Gause's work (the competitive exclusion principle)": a name, no statement
    name = capital(match["name"])
    return named_law(match["statement"], name)


# Conditions --------------------------------------------------------------------------------------

_IF_THEN = lazy_regex(
    # (a comma between digits, "4,000", is no part of the sentence's grammar)
    r"^if\s+(?P<condition>(?:[^,;]|(?<=\d),(?=\d{3}\b)){8,140}?)"
    r"(?:(?<!\d),\s*(?:then\s+)?|,(?!\d{3}\b)\s*(?:then\s+)?|\s+then\s+)(?P<result>\S.+)$",
    re.I,
)
_THERE_WILL_BE = lazy_regex(r"^(?:then\s+)?there\s+(?:will\s+be|would\s+be|is|are)\s+", re.I)


# "that is a ...", "this means ...", "it's enough ...": a pronoun for the condition and what
# it amounts to
AMOUNTS_TO = lazy_regex(
    r"(?:that|this|it)(?:\s+(?:is|was|means|meant|would\s+be)\b|['\u2019]s\b)", re.I
)


def condition(sentence: str) -> list[Question]:
    """ "If interest rates in the US rise, then there will be a decrease in capital inflow" ->
    "What happens if interest rates in the US rise?" -> "A decrease in capital inflow"."""
    match = _IF_THEN.match(sentence.strip().rstrip("."))
    if not match:
        return []
    said = match["condition"].split()
    if any(word.casefold() in ("i", "you", "your", "we") for word in said):
        return []  # "If you are stuck, ...": advice to the reader
    result = _THERE_WILL_BE.sub("", match["result"].strip())
    if AMOUNTS_TO.match(result):
        return []  # "If 3.5 percent ... backs an issue, that is a substantial enough voting
        # bloc ...": what the condition amounts to, no happening to ask for
    answer = _short(result) or _first_part_that_fits(result)
    if not answer or len(words(answer)) < MIN_MEANING_WORDS:
        return []
    if _goes_on(result, answer):
        return []  # "A decrease in capital inflow [and an increase in capital outflow]": what
        # happens is the whole of it, and a cut answer teaches half
    front = finish_question(f"What happens if {' '.join(said)}")
    return [Question(front, capital(answer), Shape.EFFECT, 11.5)]


# Formulas ----------------------------------------------------------------------------------------

# A bracket after the right-hand side glosses it ("E = mc² (energy)"); one right after a name or
# a root is part of it ("v = sqrt(2GM/r)", "√(GM/r)").
_FORMULA = lazy_regex(
    r"^(?:(?P<name>[A-Za-z][\w '\u2019-]{2,40}?)(?:\s*:|\s+[\-\u2013]|[\-\u2013](?=\s))\s*)?"
    r"(?P<lhs>[A-Za-z\u0391-\u03c9]"
    r"(?:[\w\u0391-\u03c9 ()/^.*\u00b2\u00b3]|(?<=[A-Za-z])-(?=[A-Za-z])){0,30}?)\s*=\s*"
    r"(?P<rhs>[^=]{1,80}?)\s*(?:(?<![\w)\]\u00b2\u00b3\u221a.])\([^)]*\))?\s*\.?$"
)


_HELD_EQUALS = "\ue000"  # a second equals sign, held while the first is matched
_CHAIN_BREAK = lazy_regex(
    r"[,;:]|\b(?:so|and|then|thus|hence|therefore|which|where|when|if)\b", re.I
)
_NAMED_FORMULA = lazy_regex(
    r"\b(?:the\s+)?(?:formula|equation)\s+(?P<formula>[^\s=]{1,12}\s*=\s*[^=,;]{1,60})$", re.I
)


# "V = IR (pd = current x resistance)", "Q = I x t -> charge (C) = current (A) x time (s)",
# "E = QV, energy (J) = charge (C) x pd (V)": a formula in symbols, then the same in words.
_GLOSSED = lazy_regex(
    r"^(?P<lhs>[A-Za-z\u0391-\u03c9][\w\u0391-\u03c9]{0,3})\s*=\s*(?P<rhs>[^=(),]{1,30}?)\s*"
    r"(?:\((?P<inner>[^()=]+=[^()]+)\)|(?:,|->|\u2192|:|\s-)\s*(?P<after>[^=]+=.+))$"
)
_OPERATOR = lazy_regex(
    r"\s+(?:x|\u00d7|\*|/|\u00f7|\+|-|\u2212|\u2013|times|divided\s+by|over)\s+|\s*=\s*"
)
_UNIT = lazy_regex(r"\s*\([^()]*\)")


def _in_quantities(side: str) -> bool:
    """ "frequency x wavelength": quantities an operator joins, a formula in words."""
    parts = _OPERATOR.split(_UNIT.sub("", side).strip())
    return len(parts) >= 2 and all(1 <= len(part.split()) <= 3 for part in parts)


def _linked_quantities(words_equation: str) -> list[str]:
    """ "charge (coulombs, C) = current (A) x time (s)" -> ["charge", "current", "time"]: the
    quantities a formula in words relates, each a short noun phrase, none a number."""
    parts = [_UNIT.sub("", part).strip() for part in _OPERATOR.split(words_equation)]
    names = [
        re.sub(r"\s+(?:squared|cubed)$", "", part)
        for part in parts
        if not re.fullmatch(r"[\d.,/]+", part)  # "0.5 x mass x speed squared": a factor
    ]
    if len(names) < 3 or len(set(names)) != len(names):
        return []
    if any(
        not 1 <= len(name.split()) <= 3 or not re.fullmatch(r"[A-Za-z][A-Za-z' -]*", name)
        for name in names
    ):
        return []
    if not any(len(name) > 3 for name in names):
        return []  # "E = mc2 (E = m x c2)": symbols again, not words
    return names


def _listed(items: list[str]) -> str:
    """["pd", "current", "resistance"] -> "pd, current and resistance" """
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _symbols(side: str) -> bool:
    """ "IR", "mcΔT", "I x t", "I²R", "V₀ sin ωt": symbols of quantities (and the functions of
    them), not words of a sentence."""
    tokens = [
        token for token in re.split(r"[\s+\-*/\u00d7\u00f7^()\u00b2\u00b3]+|\bx\b", side) if token
    ]
    return bool(tokens) and all(
        len(token) <= 4
        and (token in MATHS_FUNCTIONS or not (token.islower() and len(token) > 2 and lemmas(token)))
        for token in tokens
    )


_CLAUSE_WORDS = frozenset(
    ["is", "are", "was", "were", "has", "have", "can", "will", "the", "to", "with", "of", "on"]
)
# "% change in quantity demanded", "change in price of good B": one quantity, its change
_CHANGE_IN = lazy_regex(r"(?:%|\bper\s?cent(?:age)?)?\s*\bchange\s+in\s+", re.I)
MAX_QUANTITY_WORDS = 3  # "stroke volume", "breathing frequency": a quantity named in words
# Division, multiplication and minus signs (not "/", "x", "-", which join words too): between
# them a quantity may be named at more length ("profit after tax ÷ number of ordinary shares")
_MATHS_SIGN = lazy_regex(r"[\u00d7\u00f7\u2212]|\s\u2013\s")  # (a spaced en dash: Word's minus)
MAX_SIGNED_QUANTITY_WORDS = 5
_NAMING_WORDS = frozenset(["of", "the"])  # "number of shares", "cost of the goods"


def reads_as_prose(side: str) -> bool:
    """ "plant roots + burrowing animals break up rock", "avoid a war on 2 fronts", "4-12 wks
    block with one goal": words of a sentence, not quantities an operator joins ("stroke
    volume x heart rate", "220 - age", "a + ar + ar²", "% change in Qd / % change in price")."""
    signed = bool(_MATHS_SIGN.search(side))
    for part in _OPERATOR.split(_UNIT.sub("", _CHANGE_IN.sub("\u0394", side))):
        named = [word for word in re.findall(r"[A-Za-z]{2,}", part) if word not in MATHS_FUNCTIONS]
        if len(named) > (MAX_SIGNED_QUANTITY_WORDS if signed else MAX_QUANTITY_WORDS):
            return True
        clause = _CLAUSE_WORDS - _NAMING_WORDS if signed else _CLAUSE_WORDS
        if len(named) >= 2 and any(word.casefold() in clause for word in named):
            return True
    return False


# "Earth's field ≈ 5 x 10⁻⁵ T", "g ≈ 9.81 m s⁻²": a quantity and about how big it is
_ABOUT = lazy_regex(
    r"^(?P<lhs>[^\W\d_][^\u2248=:;,]{0,40}?)\s*\u2248\s*(?P<rhs>~?\d[\d.,]*(?:\s*[\u00d7x]\s*10\S*)?"
    r"(?:\s*[^\W\d_][^\s,;()]{0,5}){0,3})\s*(?:\([^()]*\))?\.?$"
)


def _about(sentence: str) -> list[Question]:
    """A quantity about equal to a value with its unit, asked for the value; [] for a line of
    any other shape."""
    if "\u2248" not in sentence:
        return []  # (the pattern is not tried on a line without the sign)
    value = _ABOUT.match(sentence.strip())
    if not value or len(value["lhs"].split()) > MAX_SYMBOL_WORDS + 2:
        return []
    return [Question(f"{value['lhs'].strip()} \u2248 ?", value["rhs"].strip(), Shape.FORMULA, 11.5)]


IDENTICAL = "\u2261"
# "Speed = ?", "sin²θ + cos²θ ≡ ?", "λ = ? (wavelength)": a front that asks for a formula's side
ASKS_FOR_A_SIDE = Guarded(lazy_regex(r"\s[=\u2261]\s\?(?:\s\([^()]*\))?$"))


_SPACED_DASH = lazy_regex(r"\s\u2013\s")


def _dash_is_minus(side: str) -> bool:
    """ "selling price per unit \u2013 variable cost per unit": a spaced en dash between
    quantities, as a word processor sets a minus; not one before a remark ("\u2013 mostly
    written German", "\u2013 double the distance → intensity quartered")."""
    if re.search(rf"\?|{ARROW}", side):
        return False
    said = [word for part in _SPACED_DASH.split(side)[1:] for word in words(_UNIT.sub("", part))]
    return not any(
        word.casefold().endswith("ly")
        or (is_verb_form(word) and "NOUN" not in lemmas(word.casefold()))  # ("cost", "output")
        for word in said
    )


# "i.e.", "so", "therefore" before a formula: the line restates or follows from the one above
_RESTATING = lazy_regex(r"^\s*(?:i\.?e\.?,?|so,?|hence,?|thus,?|therefore,?)\s+(?=\w)", re.I)
# A formula, an arrow, then words saying what it shows ("→ how many years of earnings ...")
_EXPLAINED = lazy_regex(
    rf"^(?P<formula>[^=]+?=(?!>)[^=]+?)\s+{ARROW}\s+(?=[a-z]{{2}})(?P<said>.+)$"
)
# "Total contribution \u2212 fixed costs = profit": quantities an operator joins, then the name of
# what they give; an aside in brackets may follow either side
_RESULT_LAST = lazy_regex(
    r"^(?P<lhs>[A-Za-z][^=]{2,80}?)\s*(?P<aside>\([^()=]*\))?\s*=\s*"
    r"(?P<result>[A-Za-z][A-Za-z'\u2019 -]{2,40}?)\s*(?:\([^()=]*\))?\s*\.?$"
)
_SIGN = lazy_regex(r"[\u00d7\u00f7\u2212\u00b1]|\s[-+/x\u2013]\s")  # ("x", "-": spaced)
MAX_RESULT_WORDS = 5
MAX_SIDE_WORDS = 10
MAX_SIDE_CHARS = 60


def _result_last(sentence: str) -> list[Question]:
    """ "Total contribution \u2212 fixed costs = profit" -> "Profit = ?": a formula in words written
    with its result on the right, asked from the result, as one written the other way is."""
    match = _RESULT_LAST.match(sentence.strip())
    if not match:
        return []
    lhs, result = match["lhs"].strip(), match["result"].strip()
    if not _SIGN.search(lhs) or re.search(r"\d", lhs) or len(result.split()) > MAX_RESULT_WORDS:
        return []  # ("4,000 - 3,000 = 1,000": a sum worked out, no formula)
    if (
        not re.search(r"[a-z]{3}", result)
        or reads_as_prose(lhs)
        or _CLAUSE_WORDS & {word.casefold() for word in result.split()[1:]} - _NAMING_WORDS
    ):
        return []  # ("A + B = B + A", "young + skilled = they left")
    if _SPACED_DASH.search(lhs) and not _dash_is_minus(lhs):
        return []
    parts = _SIGN.split(_UNIT.sub("", lhs))
    if len(parts) < 2 or not all(re.search(r"[A-Za-z]{2}", part) for part in parts):
        return []  # ("A.B + C = carry"): symbols, not quantities named
    if not all(_ends_on_noun(part) for part in parts):
        return []  # ("much slower - too much swapping = thrashing"): no quantities
    result = re.sub(r"^(?:the|an?)\s+", "", result, flags=re.I)  # "= a socket": "Socket = ?"
    return [Question(f"{capital(result)} = ?", _lowered(lhs), Shape.FORMULA, 12.0)]


def _ends_on_noun(part: str) -> bool:
    """ "fixed costs", "cost of sales", "port": a quantity named, its last word a noun."""
    last = re.findall(r"[A-Za-z]+", part)[-1].casefold()
    return "NOUN" in lemmas(last) or not lemmas(last)


# "Surface temperature: 5,800 K", "Mass: 2 x 10^30 kg": a quantity named, then its value
# with a unit (one said to be "about" so much is asked as a cloze, its hedge beside the gap)
_QUANTITY_VALUE = lazy_regex(
    r"^(?P<name>[A-Za-z][A-Za-z'\u2019 ()-]{1,40}?)\s*:\s*\d[\d.,]*"
    r"(?:\s*[x\u00d7]\s*10\^?[-\u2212\u207b]?[\d\u2070-\u2079\u00b2\u00b3\u00b9]+)?"
    r"(?:\s+(?:thousand|million|billion))?\s*(?P<unit>[A-Za-z\u00b0\u03a9\u00b5%][^\s,;:=]{0,7}"
    r"(?:\s+[A-Za-z\u00b0\u03a9\u00b5][^\s,;:=]{0,7}){0,2})\.?$"
)


# "K", "kg", "J/kg K", "m s⁻²", "°C", "%": a unit's symbol, not a word for things counted
_UNIT_SYMBOL = lazy_regex(r"[A-Za-z\u00b5\u03a9]{1,3}|\S*[/^\u207b\u00b2\u00b3\u00b0%]\S*")
_SCALE = lazy_regex(r"\d\s+(?:thousand|million|billion)\b")


def quantity_value(sentence: str) -> bool:
    """ "Surface temperature: 5,800 K": a quantity's value and unit, a fact to learn however
    few its words (a number alone, "Chapter: 4", names no quantity)."""
    return bool(quantity_question(sentence))


def quantity_question(sentence: str) -> list[Question]:
    """ "Specific heat capacity of water: 4200 J/kg K" -> "What is the specific heat capacity
    of water? :: 4200 J/kg K": the value asked whole, its unit with it."""
    found = _QUANTITY_VALUE.match(sentence.strip().rstrip("."))
    if not found or not re.search(r"[A-Za-z][a-z]{2}", found["name"]):
        return []
    if not (_SCALE.search(sentence) or all(map(_UNIT_SYMBOL.fullmatch, found["unit"].split()))):
        return []  # "Byte: 8 bits", "Score: 20 marks": a count of things, no measured quantity
    if any(word.endswith("est") and "ADJ" in lemmas(word) for word in words(found["name"])):
        return []  # "World's largest power station: 22,500 MW": the thing, not its size, asked
    name = _lowered(found["name"].strip())
    value = sentence.strip().rstrip(".")[found.end("name") :].lstrip(" :")
    verb = "are" if is_plural(name) else "is"
    return [Question(finish_question(f"What {verb} the {name}"), value, Shape.FORMULA, 12.0)]


def formula(sentence: str) -> list[Question]:
    """ "Speed = distance / time" -> "Speed = ?"; "Ohm's law: V = IR" -> "What is Ohm's law?";
    "V = IR (pd = current x resistance)" -> "Which equation links pd, current and resistance?" """
    return _formula(sentence) or _general_formula(sentence)


# A figure measured or worked out ("0.040", "8.99e9", "600"), not a power, a subscript or a
# coefficient ("r^2", "Q1", "1/2 mv^2")
_FIGURE = lazy_regex(r"\d[.,]\d|\d{2,}|\d[eE][-+\u2212]?\d")
_VALUE = lazy_regex(r"[-\u2212]?\d[\d.,]*\s*\S{0,4}")  # "0 K": a value, no formula
# "mg = QV/d so Q = mgd/V": a formula, then the same rearranged
_REARRANGED = lazy_regex(
    r"^(?P<first>[^=]+=[^=]+?)\s*[,;]?\s+(?:so|hence|thus|therefore|giving|which gives)\s+"
    r"(?P<then>[^=]+=[^=]+?)\.?$",
    re.I,
)
# "Simpson's diversity index D = ...": the name of a quantity, then its symbol
_NAME_THEN_SYMBOL = lazy_regex(
    r"^(?P<name>[A-Z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){1,5})\s+(?P<symbol>\S{1,4})\s*=\s*"
    r"(?P<rhs>[^=]+)$"
)
# "1/2 mv^2 = eV", "½ kx² = ...": a fraction before the symbols of a side
_COEFFICIENT = lazy_regex(r"^(?P<coefficient>\d/\d|\u00bd)\s*(?=[A-Za-z\u0391-\u03c9])")


def _general_formula(sentence: str) -> list[Question]:
    """A formula in a shape the plain reading leaves: the general relation of a worked example
    ("F = kQ1Q2/r^2 = (8.99e9 x 3.0e-6 x 5.0e-6) / 0.20^2" -> "F = ?" :: "kQ1Q2/r^2", the
    figures put in no part of it), a formula and its rearrangement ("mg = QV/d so Q = mgd/V"
    asks both, the rearranged one first), a quantity named before its symbol
    ("Simpson's diversity index D = ..." -> "D = ? (Simpson's diversity index)"), and a side
    that opens on a fraction ("1/2 mv^2 = eV")."""
    text = sentence.strip().rstrip(".")
    if "\\" in text or "$" in text or re.match(r"(?:when|if|where|since|as|for)\b", text, re.I):
        return []
    measured = _UNIT_AFTER.match(text)
    if measured:
        return _formula_and_unit(measured["formula"], measured["unit"])
    rearranged = _REARRANGED.match(text)
    if rearranged and not _FIGURE.search(text):
        then, first = _formula(rearranged["then"]), _formula(rearranged["first"])
        if then and first and all(in_symbols_only(found.back) for found in (*then, *first)):
            # the formula it comes from shown, the rearranged side asked
            return [replace(then[0], front=f"{rearranged['first'].strip()} so {then[0].front}")]
        return []
    sides = [side.strip() for side in text.split("=")]
    general = len(sides) > 2 and not _FIGURE.search(sides[0]) and not _FIGURE.search(sides[1])
    if general and not _CHAIN_BREAK.search(sides[1]) and not _VALUE.fullmatch(sides[1]):
        # the sides after the formula are the sum worked out, each with its figures
        if all(_FIGURE.search(side) for side in sides[2:]):
            return _formula(f"{sides[0]} = {sides[1]}")
        return []
    named = _NAME_THEN_SYMBOL.match(text)
    if named and SINGLE_SYMBOL.fullmatch(named["symbol"]) and _quantity_named(named["name"]):
        return _formula(f"{named['name']}: {named['symbol']} = {named['rhs']}")
    coefficient = _COEFFICIENT.match(text)
    if coefficient and len(sides) == 2 and not _FIGURE.search(text):
        rest = _formula(text[coefficient.end() :])
        if len(rest) == 1 and rest[0].front.endswith(" = ?") and in_symbols_only(rest[0].back):
            lhs = sides[0]
            if not re.search(r"[a-z]{3}", lhs):
                return [replace(rest[0], front=f"{lhs} = ?")]
    return []


def _quantity_named(name: str) -> bool:
    """ "Simpson's diversity index", "Gravitational field strength": a noun phrase naming a
    quantity before its symbol, not a clause ("Newton defined momentum as")."""
    tokens = name.split()
    return (
        bool(re.search(r"[a-z]{3}", name))
        and _names_a_quantity(name)
        and not is_stopword(tokens[-1].casefold())
        and not any(
            is_verb_form(token) and "NOUN" not in lemmas(token.casefold()) for token in tokens
        )
    )


MAX_SYMBOL_RUN = 3  # "mgd", "kQ": symbols side by side


# "specific charge = charge / mass, units C kg^-1", "E = V/d, unit V m^-1 (same as N C^-1)": a
# formula, then the unit of the quantity it gives
_UNIT_AFTER = lazy_regex(
    r"^(?P<formula>[^=,;]+=[^=,;]+?)\s*[,;]\s*(?:(?:(?:the\s+)?SI\s+)?units?\s*(?:is\s+|=\s*|:\s*|in\s+)?|measured\s+in\s+)"
    r"(?P<unit>[^\s,;=()]+(?:\s+[^\s,;=()]+){0,3}?)\s*(?:\([^()]*\))?\s*(?:[;,].*)?$",
    re.I,
)


def _formula_and_unit(said: str, unit: str) -> list[Question]:
    """The formula asked as any is, and beside it the unit of the quantity it gives where the
    formula names that quantity in words ("What is the unit of specific charge?")."""
    asked = _formula(said)
    if (
        len(asked) != 1
        or not re.search(r"[A-Za-z\u00b5\u03a9]", unit)
        or len(unit) > MAX_UNIT_CHARS
    ):
        return []
    named = re.fullmatch(r"(?P<lhs>.+?) = \?(?: \((?P<name>[^()]+)\))?", asked[0].front)
    quantity = named and (named["name"] or named["lhs"])
    if not quantity or not re.search(r"[a-z]{3}", quantity) or reads_as_prose(quantity):
        return asked
    front = finish_question(f"What is the unit of {_lowered(quantity)}")
    return [asked[0], Question(front, unit.strip(), Shape.FORMULA, 10.0, beside=True)]


MAX_UNIT_CHARS = 16


def in_symbols_only(side: str) -> bool:
    """ "mgd/V", "sqrt(2eV/m)", "eV": a side in symbols, each word a few letters or a
    function, no quantity named in words."""
    return all(
        len(word) <= MAX_SYMBOL_RUN
        or word in MATHS_FUNCTIONS
        or re.fullmatch(r"(?:[A-Z][a-z]?)+", word)
        for word in re.findall(r"[A-Za-z]+", side)
    )


def _formula(sentence: str) -> list[Question]:
    # "sin²θ + cos²θ ≡ 1": an identity, asked as a formula is, with its own sign
    identity = "=" not in sentence and sentence.count(IDENTICAL) == 1
    if identity:
        asked = formula(sentence.replace(IDENTICAL, "="))
        if not asked:
            lhs, rhs = (side.strip() for side in sentence.strip().rstrip(".").split(IDENTICAL))
            if _symbols(lhs) and rhs and not reads_as_prose(rhs) and len(rhs.split()) <= 4:
                # (a side too long to ask "... = ?" of is still maths where "≡" joins them)
                asked = [Question(f"{lhs} = ?", rhs, Shape.FORMULA, 11.5)]
        return [
            replace(question, front=question.front.replace("= ?", f"{IDENTICAL} ?"))
            for question in asked
        ]
    if "=" not in sentence:
        return _about(sentence)  # every other formula read here has its equals sign
    if "\\" in sentence or "$" in sentence or case_span(sentence):
        return []  # (and "going beyond duty = good -> Hartley v Ponsonby" is a point of law)
    restated = _RESTATING.match(sentence)
    if restated and "=" in sentence[restated.end() :]:
        # "i.e. break-even output = fixed costs ÷ contribution per unit": the formula again
        sentence = capital(sentence[restated.end() :])
    explained = _EXPLAINED.match(sentence.strip())
    glossed = _GLOSSED.match(sentence.strip().rstrip("."))
    if glossed and _linked_quantities(glossed["inner"] or glossed["after"]):
        explained = None  # "p = mv -> momentum (kg m/s) = mass (kg) x ...": the same in words
    if explained and not _SPACED_DASH.search(explained["formula"]):
        # "P/E ratio = share price ÷ earnings per share → how many years of earnings investors
        # pay for": the formula, then what it shows
        asked = formula(explained["formula"])
        if asked:
            return asked
    computed = _result_last(sentence)
    if computed:
        return computed
    named = _NAMED_FORMULA.search(sentence.strip().rstrip("."))
    if named:
        sentence = named["formula"]  # "... via the formula q = mcΔT + CΔT": the formula itself
    glossed = _GLOSSED.match(sentence.strip().rstrip("."))
    if glossed:
        said = glossed["inner"] or glossed["after"]
        linked = _linked_quantities(said)
        if linked and _symbols(glossed["rhs"]) and _symbols(glossed["lhs"]):
            front = f"Which equation links {_listed(linked)}?"
            equation = f"{glossed['lhs'].strip()} = {glossed['rhs'].strip()}"
            return [Question(front, equation, Shape.FORMULA, 12.0)]
    match = _FORMULA.match(sentence.strip())
    chained = sentence.count("=") == 2 and not re.search(r"\d", sentence)
    # (but "ε = I(R + r) so ε = V + Ir" is two formulas, a word between them)
    chained = chained and not _CHAIN_BREAK.search(sentence.split("=")[1])
    if not match and chained:
        # "Net assets = total assets - total liabilities = total equity": one quantity said
        # two ways, both the answer (never "Q = mcΔT = 4.18 x 50 x 10", a sum worked out)
        first, _, rest = sentence.strip().partition("=")
        match = _FORMULA.match(f"{first}={rest.replace('=', _HELD_EQUALS)}")
    if not match:
        return []
    lhs, rhs = match["lhs"].strip(), match["rhs"].strip().rstrip("!").replace(_HELD_EQUALS, "=")
    if re.search(r"[/*\u00d7\u00f7+\-\u2212]$", rhs):
        # "(fixed costs)/(contribution per unit)": a bracket after a sign is a term, no aside
        rhs = match.string[match.start("rhs") :].strip().rstrip(".!")
    if lhs.count("(") != lhs.count(")"):
        return []  # "using P(X = 9) instead of ...": an "=" inside a bracket is no formula's
    if _HELD_EQUALS in match["rhs"] and len(rhs.split()) > MAX_SIDE_WORDS:
        return []  # "P = I² x R - power (W) = current² (A²) x ...": two formulas, no one side
    if len(rhs) > MAX_SIDE_CHARS and (
        _HELD_EQUALS in match["rhs"] or ":" in rhs or not _MATHS_SIGN.search(rhs)
    ):
        # a long side is a formula in words only with a sign of maths between its quantities
        # ("fixed costs ÷ (selling price per unit \u2013 variable cost per unit)")
        return []
    if _SPACED_DASH.search(rhs) and not _dash_is_minus(rhs):
        return []  # "Genitiv = possession \u2013 mostly written German": a dash before a remark
    tight = match.string[match.end("lhs") : match.start("rhs")] == "="
    if tight and re.search(r"[A-Z][a-z]?$", match["lhs"]) and re.match(r"[A-Z]", match["rhs"]):
        return []  # "TEST for C=C: bromine water ...": a double bond, not an equals sign
    said = re.findall(r"[^\W_]+", _CHANGE_IN.sub("Δ", rhs))  # (its signs are no words)
    if not re.search(r"[A-Za-z\u0391-\u03c9]", rhs) or len(said) > MAX_SIDE_WORDS:
        return []  # ("% change in price": one quantity, its change)
    if not re.search(
        r"[+\-*/\u00d7\u00f7\u2212^\u00b2\u00b3\u221a\d]|\s\u2013\s|\b[A-Za-z]\b", rhs
    ) and not _symbols(rhs):
        return []  # "Damages = the difference between ...": words, a definition rather than maths
    if len(re.findall(r"\b[a-z]{3,}\b", rhs)) >= MIN_MEANING_WORDS and not re.search(
        r"[+*/\u00d7\u00f7\u2212^\u00b2\u00b3\u221a]|\s[-\u2013x]\s|\d", rhs
    ):
        return []  # "Trophic level = the position an organism occupies ...": words, not maths
    if re.match(r"(?:when|if|where|since|as|for)\b", sentence.strip(), re.I) or "," in rhs:
        return []  # "When p = 1, this is the harmonic series": a condition, not a formula
    if reads_as_prose(rhs):
        return []  # "aim = avoid a war on 2 fronts": a label and what it says, no formula
    name = (match["name"] or "").strip()
    if name and len(name.split()) <= 4 and _looks_like_term(name):
        if name.split()[-1].casefold() in RELATION_NAMES:
            # "Ohm's law: V = IR", "wave equation: v = f λ": the name of the relation itself
            return [
                Question(finish_question(f"What is {name}"), f"{lhs} = {rhs}", Shape.FORMULA, 12.0)
            ]
        symbol = len(lhs.split()) <= MAX_SYMBOL_WORDS
        if symbol and normalise(name) not in _FORMULA_WORDS:
            # "fringe spacing: w = λD/s": what the symbol stands for, beside the symbol asked
            name = " ".join(lower_first(name.split()))
            return [Question(f"{lhs} = ? ({name})", rhs, Shape.FORMULA, 12.0)]
        if not symbol:
            # "Chandrasekhar limit: max mass of a white dwarf = 1.4 solar masses": what it is
            front = finish_question(f"What is {name}")
            return [Question(front, f"{lhs} = {rhs}", Shape.FORMULA, 12.0)]
    if name and SINGLE_SYMBOL.fullmatch(lhs) and _names_a_quantity(name):
        # "work done by a gas at constant pressure: W = pΔV": what the letter stands for
        return [Question(f"{lhs} = ? ({_lowered(name)})", rhs, Shape.FORMULA, 12.0)]
    if len(lhs.split()) > 4:
        return []
    return [Question(f"{lhs} = ?", rhs, Shape.FORMULA, 11.5)]


MAX_QUANTITY_NAME_WORDS = 8


def _lowered(name: str) -> str:
    return " ".join(lower_first(name.split()))


def _names_a_quantity(name: str) -> bool:
    """ "work done by a gas at constant pressure": words that say what a quantity is, not a
    phrase that places the formula ("in terms of molecules", "for example")."""
    tokens = name.split()
    first = tokens[0].casefold()
    return (
        len(tokens) <= MAX_QUANTITY_NAME_WORDS
        and not (is_stopword(first) and first not in ("the", "a", "an"))
        and first not in ("eg", "e.g", "ie", "i.e", "example", "note", "so", "also")
    )


def named_symbol(asked: list[Question], symbols: dict[str, str]) -> list[Question]:
    """ "n = ?" where the notes say "n = number of moles" asks "n = ? (number of moles)": a
    letter alone names no quantity, and the question must say which one it is."""
    named = []
    for found in asked:
        lhs = found.front.removesuffix(" = ?")
        if found.front.endswith(" = ?") and SINGLE_SYMBOL.fullmatch(lhs) and lhs in symbols:
            found = replace(found, front=f"{lhs} = ? ({symbols[lhs]})", score=12.0)
        named.append(found)
    return named


_NAMED_BY = frozenset(["index", "formula", "rule"])  # (with RELATION_NAMES) a formula's name


def legend_questions(
    legend: list[tuple[str, str]], equation: str, name: str = ""
) -> list[Question]:
    """ "n = number of individuals of each species" under Simpson's index -> "In Simpson's
    diversity index, what does n stand for?": each symbol asked with the formula it belongs to,
    by its name where the notes give one, else as it is written."""
    asked = formula(f"{name}: {equation}") if name else formula(equation)
    owner = ""
    if asked:
        named = re.fullmatch(
            r"(?P<lhs>.+?) = \?(?: \((?P<name>[^()]+)\))?|What is (?P<what>.+)\?", asked[0].front
        )
        owner = (named and (named["name"] or named["what"])) or ""
        if named and not owner and re.search(r"[a-z]{3}", named["lhs"]):
            owner = named["lhs"]  # "Flux linkage = ?": the quantity it gives names it
    if owner:
        last = owner.split()[-1].casefold()
        owner = (
            owner if last in _NAMED_BY | RELATION_NAMES else f"the formula for {_lowered(owner)}"
        )
    elif len(equation) <= MAX_SIDE_CHARS:
        owner = re.sub(r"\s+\([^()]*\)$", "", equation.strip().rstrip("."))
    if not owner:
        return []
    return [
        Question(
            f"In {owner}, what does {symbol} stand for?",
            meaning,
            Shape.FORMULA,
            12.0,
            beside=index > 0,
        )
        for index, (symbol, meaning) in enumerate(legend)
    ]


MAX_SPECIES_WORDS = 4  # "reduced NAD", "acetyl CoA (2C)": what a side of an equation adds
MAX_REACTION_NAME_WORDS = 6


def reaction(sentence: str) -> list[Question]:
    """ "acetyl CoA (2C) + oxaloacetate (4C) → citrate (6C)" -> "acetyl CoA (2C) + oxaloacetate
    (4C) → ?": an equation of a reaction, a few things joined by "+" on a side of one arrow, is
    asked for what it makes; a short name before a colon stays ("Overall equation: ...")."""
    # ("... → lactate + NAD. lactate taken to liver ...": the equation, then a remark on it)
    text = re.split(r"(?<![\d.])\.\s+(?=[a-z])", sentence.strip())[0].rstrip(".")
    flat = re.sub(r"\([^()]*\)", lambda found: "_" * len(found[0]), text)  # brackets aside
    colons = [found.start() for found in re.finditer(r":\s", flat)]
    if len(colons) > 1:
        return []
    name = text[: colons[0]].strip() if colons else ""
    cut = colons[0] + 1 if colons else 0
    arrows = list(re.finditer(ARROW, flat[cut:]))
    if len(arrows) != 1:
        return []
    left = text[cut : cut + arrows[0].start()].strip()
    right = text[cut + arrows[0].end() :].strip()
    aside = re.search(r"\s*\([^()]*\)$", right)
    bare_right = right[: aside.start()] if aside else right
    sides = [re.sub(r"\([^()]*\)", " ", side) for side in (left, bare_right)]
    parts = [part for side in sides for part in re.split(r"\s\+\s", side)]
    if not any(re.search(r"\s\+\s", side) for side in sides):
        return []  # "light intensity → less ATP": a cause and its effect, no equation
    if not all(1 <= len(part.split()) <= MAX_SPECIES_WORDS for part in parts):
        return []  # "energy used to pump H+ → gradient": a process in words
    if any(re.search(r"[;,=:]", side) for side in sides):
        return []
    both = all(re.search(r"\s\+\s", side) for side in sides)
    if not both and not _CHEMICAL.search(" ".join(sides)) and not _EQUATION_NAME.search(name):
        return []  # "supply + demand → price": a shorthand, not a reaction
    if name and (
        len(words(name)) > MAX_REACTION_NAME_WORDS
        or any(is_verb_form(token) for token in words(name))
        or split_clause(name) is not None  # "[O] used in equations: ...": a remark, no name
        or name.count("(") != name.count(")")
    ):
        return []
    run_in = _RUN_IN_HEADING.match(left)
    if run_in and not name and left[run_in.end() :][:1].isalnum():
        # "RESPIRATION C₆H₁₂O₆ + 6O₂ → ...": a heading in capitals run into its equation
        name, left = run_in[1].capitalize(), left[run_in.end() :]
    front = f"{name}: {left} \u2192 ?" if name else f"{left} \u2192 ?"
    return [Question(capital(front), right, Shape.FORMULA, 12.0)]


# "CO₂", "6O2", "NAD", "CoA", "H⁺": a formula or a molecule's short name
_CHEMICAL = lazy_regex(
    r"\b[A-Z][a-z]?[A-Z]|\d[A-Z]|[A-Z][a-z]?\d|[\u2080-\u2089\u2070-\u2079\u207a\u207b\u00b2\u00b3]"
    r"|\b[A-Z]{2,}\b"
)
_RUN_IN_HEADING = lazy_regex(r"^([A-Z]{4,}(?:\s+[A-Z]{4,})*)\s+(?=\S)")
_EQUATION_NAME = lazy_regex(r"\b(?:equation|reaction)s?\b", re.I)


# "Ohm's law", "wave equation": a name for a relation, asked for the relation it names
RELATION_NAMES = frozenset(
    ["law", "equation", "relation", "relationship", "rule", "principle", "theorem", "identity"]
)
_FORMULA_WORDS = frozenset(["formula", "equation", "the formula", "the equation", "eq", "eqn"])
MAX_SYMBOL_WORDS = 2  # "fₙ", "v max": a symbol, not a sum of them


# Vocabulary --------------------------------------------------------------------------------------

MAX_PHRASE_WORDS = 4  # "la semana pasada - last week": a phrase to learn, and its meaning
MAX_MEANING_WORDS = 3  # a translation is a word or two of everyday English
COMMON_MEANING_ZIPF = 3.8
FOREIGN_ZIPF = 3.0  # a word this rare in English, unknown to its dictionary, is another language's
_PAIR = lazy_regex(
    r"^(?P<word>[^\W\d][^=:;()\[\]]*?)(?P<form>\s*\([^()]{1,12}\))?"  # "der Hund (-e)"
    r"\s+(?:[-\u2013\u2014=]|->)\s+(?P<meaning>[^;]+)$"
)
# (a line without the dash or "=" between spaces that each pair holds is not tried as one)
_PAIR_DASH = lazy_regex(r"\s(?:[-\u2013\u2014=]|->)\s")


GLOSSARY_EXTRA_WORDS = 2  # in a list of translations a phrase or meaning may be a little longer
EXAMPLE_OPENER = lazy_regex(
    r"^(?:e\.?g\.?|for example|for instance|example)\s*[:,\-\u2013]?\s", re.I
)
_SENTENCE_AND_MEANING = lazy_regex(r"^(?P<said>.+?[.!?])\s+[-\u2013\u2014]\s+(?P<meaning>\S.+)$")
MIN_EXAMPLE_WORDS = 3


def translated_example(sentence: str) -> bool:
    """ "Das Geschenk ist für meinen Bruder. - The present is for my brother.": a sentence of
    another language and its English, an example of the rule above it, not a fact to card (a
    gap in it is given away by the English, and the rule it shows is not asked)."""
    match = _SENTENCE_AND_MEANING.match(sentence.strip())
    if not match:
        return False
    said, meaning = words(match["said"]), words(match["meaning"])
    if len(said) < MIN_EXAMPLE_WORDS or len(meaning) < MIN_EXAMPLE_WORDS:
        return False
    english = [t for t in meaning if lemmas(t.casefold()) or is_stopword(t.casefold())]
    foreign = [t for t in said if not lemmas(t.casefold()) and not is_stopword(t.casefold())]
    return len(english) >= 0.8 * len(meaning) and len(foreign) >= 0.4 * len(said)


def translation(sentence: str, glossary: bool = False) -> list[Question]:
    """ "ayer - yesterday", "la semana pasada - last week": a word of another language and
    what it means -> 'What does "ayer" mean?' :: "Yesterday". In a list whose lines are mostly
    such translations (`glossary`), a rarer or longer meaning is one too ("el recuerdo -
    souvenir", "anteayer - the day before yesterday")."""
    line = sentence.strip().rstrip(".")
    match = _PAIR.match(line) if _PAIR_DASH.search(line) else None
    if not match:
        return []
    word, meaning = match["word"].strip(), match["meaning"].strip()
    said = word.split()
    english = words(meaning)
    extra = GLOSSARY_EXTRA_WORDS if glossary else 0
    if not 1 <= len(said) <= MAX_PHRASE_WORDS + extra:
        return []
    if not 1 <= len(english) <= MAX_MEANING_WORDS + extra:
        return []
    if re.search(r"\d", word) or "," in meaning:
        return []
    if not word[:1].islower() and not (glossary and _noun_capitalised(word)):
        return []  # "Bentham - utilitarian": a name and what it stands for
    if not glossary and any(
        zipf(token.casefold()) < COMMON_MEANING_ZIPF
        for token in english
        if not is_stopword(token.casefold())
    ):
        return []  # "telophase - nuclear envelopes reform": a term, asked as one
    foreign = [
        token
        for token in letter_words(word)
        if not lemmas(token.casefold())
        and zipf(token.casefold()) < FOREIGN_ZIPF
        and not (len(token) > 1 and token.isupper())  # "model of STM only": an abbreviation
    ]
    if glossary and not foreign and not EXAMPLE_OPENER.match(word):
        # Among translations a word unknown to English is another language's even where
        # English borrows it now and then ("la playa - beach", "der Müll - rubbish").
        foreign = [
            token
            for token in letter_words(word)
            if len(token) >= MIN_FOREIGN_FORM and not is_english(token)
        ]
    known = all(
        lemmas(t.casefold()) or is_stopword(t.casefold()) or (glossary and zipf(t) >= FOREIGN_ZIPF)
        for t in english
    )  # ("on Monday": a name the dictionary leaves out)
    if not foreign or not known:
        return []
    if not glossary and len(said) > 1 and participle_base(said[-1].casefold()):
        return []  # "volenti applied -> no damages": a clause and what follows, no phrase
    shown = f"{word}{match['form'] or ''}"  # its plural or gender, as the notes give it
    return [Question(f'What does "{shown}" mean?', capital(meaning), Shape.DEFINITION, 12.0)]


_LETTER_WORD = lazy_regex(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def letter_words(text: str) -> list[str]:
    """The words of a text in any alphabet ("der Müll" -> "der", "Müll")."""
    return _LETTER_WORD.findall(text)


def is_english(token: str) -> bool:
    bare = re.sub(r"['\u2019]s$", "", token.casefold())  # "tomorrow's"
    return bool(lemmas(bare)) or is_stopword(bare)


def _foreign(token: str) -> bool:
    """Another language's word: unknown to English, or known but rare in it ("lire")."""
    if len(token) < MIN_FOREIGN_LETTERS:
        return False  # "a + b": a symbol
    return not is_english(token) or zipf(token.casefold()) < FOREIGN_ZIPF


MIN_FOREIGN_LETTERS = 2


def _noun_capitalised(word: str) -> bool:
    """ "Energie sparen": a phrase of a language that capitalises its nouns, not a name: its
    capitalised word is unknown to English and a word in lower case follows it."""
    tokens = letter_words(word)
    return (
        len(tokens) >= 2
        and not is_english(tokens[0])
        and all(token[:1].islower() for token in tokens[1:])
    )


MIN_FOREIGN_FORM = 3  # letters of a form that shows the word before it is another language's
MAX_FORMS = 8  # a verb's six persons, and a note or two
MAX_FORM_WORDS = 3  # "ist gegangen", "me he levantado"
_FORM_PAIR = lazy_regex(
    r"^(?P<word>[^\W\d_][^=:;()\[\]+]*?)\s+(?:[-\u2013\u2014=]|->|=>|\u2192)\s+"
    r"(?P<forms>[^=:;()\[\]]+?)(?:\s*\([^()]*\))?$"
)
_TRAILING_DOTS = lazy_regex(r"\s*(?:\.{2,}|\u2026)$")


# "-car -> -qué e.g. buscar - busqué", "-er -> -é (manger - mangé)": an ending and what it
# becomes, with an example after it
_ENDING_RULE = lazy_regex(
    r"^(?P<word>-[^\W\d_]+(?:\s*/\s*-[^\W\d_]+)*)\s*(?:[-\u2013\u2014=]|->|=>|\u2192)\s*"
    r"(?P<forms>-[^\W\d_]+)(?:\s+(?:\(.*\)|e\.?g\.?\s.*))?$",
    re.I,
)


def form_pair(sentence: str, heading: str = "") -> list[Question]:
    """ "partir - parti", "gehen → ist gegangen", "ser / ir - fui, fuiste, fue, ...": a word of
    another language and its form (or its forms, in order), in a list of such lines: the form
    is asked from the word by the heading that says which form it is ('Perfekt with sein:
    "gehen"?' :: "ist gegangen"). A meaning in English is a translation, not a form; an aside
    in brackets after the forms ("(same for both!!)") is no part of the answer."""
    ending = _ENDING_RULE.match(sentence.strip())
    if ending:
        return [_form_question(ending["word"], ending["forms"], heading)]
    match = _FORM_PAIR.match(_TRAILING_DOTS.sub("", sentence.strip()))
    if not match:
        return []
    word, forms = match["word"].strip(), _TRAILING_DOTS.sub("", match["forms"].strip())
    said = letter_words(word)
    if not 1 <= len(said) <= MAX_PHRASE_WORDS:
        return []
    if re.search(r"\d", word):
        return []  # "mock on 14th - Mme Durand"
    if not word[:1].islower() and not _noun_capitalised(word):
        return []  # "Bismarck - Otto von Bismarck": a name
    parts = [part.strip() for part in forms.split(",")]
    if not 1 <= len(parts) <= MAX_FORMS:
        return []
    if any(
        not 1 <= len(part.split()) <= MAX_FORM_WORDS or re.search(r"\d", part) for part in parts
    ):
        return []
    given = [token for part in parts for token in letter_words(part)]
    if shouted_form(word, forms):
        return []  # "primary alcohol -> ALDEHYDE": a term stressed in capitals, no word's form
    if not any(map(_foreign, said)) and any(map(_plain_english, given)):
        return []  # "all dominant -> probably homozygous dominant": English on both sides
    if not given or all(is_english(token) for token in given):
        return []  # "la plage - beach": what it means
    if not any(map(_foreign, said)) and not any(
        len(token) >= MIN_FOREIGN_FORM and not is_english(token) for token in given
    ):
        return []  # "charge - Q", "mass - kg": a quantity and its symbol or unit ("fare - fatto")
    if normalise(forms) == normalise(word):
        return []
    return [_form_question(word, ", ".join(parts), heading)]


MIN_PLAIN_LETTERS = 4  # "ist", "hat", "a": short words other languages share with English
PLAIN_ZIPF = 4.0


def _plain_english(token: str) -> bool:
    """ "probably", "inherited": a common English word, never part of another language's form
    of a word ("ist gegangen", "a parlé")."""
    return (
        len(token) >= MIN_PLAIN_LETTERS
        and is_english(token)
        and zipf(token.casefold()) >= PLAIN_ZIPF
    )


def shouted_form(word: str, forms: str) -> bool:
    """ "primary alcohol" and "ALDEHYDE": a form in capitals beside a word in small letters is
    a term the notes stress (what the thing becomes), not the word's form in another language,
    which is written as the word is."""
    shouted = [token for token in letter_words(forms) if len(token) > 1]
    return bool(shouted) and all(t.isupper() for t in shouted) and word.islower()


def _form_question(word: str, forms: str, heading: str) -> Question:
    named = _form_name(heading)
    front = f'{named}: "{word}"?' if named else f'Form of "{word}"?'
    return Question(front, forms, Shape.DEFINITION, 12.0)


MIN_PARADIGM = 3
MIN_TERM_PAIRS = 2
_PARADIGM = lazy_regex(r"^(?P<word>[^:;=]{1,40}?):\s+(?P<forms>[^:;=]+?)(?:\s*\([^()]*\))?$")


def paradigm(sentence: str, heading: str = "") -> list[Question]:
    """ "-AR verbs (hablar): hablé, hablaste, habló, ...": a verb's forms in a row, asked from
    the verb ("Dat preps: aus, außer, bei, mit, ...": the words a label of another language
    names, from the label) by the heading that names the forms. Each form is a word or two
    in lower case, most unknown to English ("Allies: Britain, France, Russia" and "symptoms:
    fever, cough, fatigue" are lists of another kind)."""
    match = _PARADIGM.match(sentence.strip().rstrip("."))
    if not match:
        return []
    word = match["word"].strip()
    parts = [part.strip() for part in _TRAILING_DOTS.sub("", match["forms"]).split(",")]
    pairs = [form_pair(part, word) for part in parts if re.search(ARROW, part)]
    if len(parts) >= MIN_TERM_PAIRS and len(pairs) == len(parts) and all(pairs):
        # "others take haben: machen → hat gemacht, essen → hat gegessen": each verb's form,
        # by the label they sit under
        return [found[0] for found in pairs]
    if not MIN_PARADIGM <= len(parts) <= MAX_FORMS or re.search(r"\d", sentence):
        return []
    if any(not part[:1].islower() or not 1 <= len(part.split()) <= 2 for part in parts):
        return []
    foreign = sum(1 for part in parts if not all(map(is_english, letter_words(part))))
    if foreign * 2 <= len(parts) or len(word.split()) > MAX_FORM_NAME_WORDS:
        return []
    if not word.startswith("-") and not any(map(_foreign, letter_words(word))):
        return []  # "enzymes: amylase, protease, lipase": English names a list of its terms
    return [_form_question(word, ", ".join(parts), heading)]


MAX_FORM_NAME_WORDS = 5
_ASIDE_AFTER_DASH = lazy_regex(r"\s+[-\u2013\u2014]\s+.*$")


def _form_name(heading: str) -> str:
    """ "irregular participles - LEARN!!" -> "Irregular participles", "IRREGULARS (no
    accents!)" -> "Irregulars": the name of the forms a list gives, without its asides."""
    text = _ASIDE_AFTER_DASH.sub("", re.sub(r"\([^()]*\)", " ", heading))
    text = " ".join(text.split()).strip(" :!-")
    if not 1 <= len(text.split()) <= MAX_FORM_NAME_WORDS:
        return ""
    if text.isupper():
        text = text.lower()  # a title shouted in capitals, asked in a sentence
    return capital(text)
