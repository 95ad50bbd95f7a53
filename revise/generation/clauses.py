"""Questions about what a clause says of its subject: what someone feared or argued, what a
thing helps you do, what something was the first of, and what an action was for.

Each reads one statement split at its finite verb (`grammar.split_clause`) and asks for the part a
student would be tested on: the content of a belief ("What did Mao fear ...?"), the object of a
verb that says what a thing does ("What does recall help build?"), the subject a superlative
names ("What was the first test of the new alliance?"), or the purpose after "- to" ("Why did
China turn to the USSR for aid?"). A clause these cannot read with confidence gets no question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from revise.formats.model import normalise
from revise.generation.grammar import (
    PREPOSITIONS,
    Clause,
    can_be,
    finish_question,
    inflections,
    is_noun_phrase_word,
    is_superlative,
    lemmas,
    lower_first,
    participle_base,
    split_clause,
    subject_phrase,
    verb_base,
)
from revise.generation.language import (
    ARROW,
    IRREGULAR_PAST,
    MAIN_VERBS,
    MONTHS,
    PRONOUNS,
    STANCE_VERBS,
    cue_words,
    is_number_word,
    is_stopword,
    is_verb_form,
    words,
)
from revise.generation.patterns import Guarded, lazy_regex
from revise.generation.questions import (
    DASH,
    FRONTING_WORDS,
    MAX_ANSWER_WORDS,
    MODALS,
    Question,
    Shape,
    capital,
    counted_object,
    is_plural,
)

MIN_CONTENT_WORDS = 3  # "that it would fail" says too little to be a belief worth asking
MAX_SUBJECT_WORDS = 6
MAX_DESCRIBED_SUBJECT_WORDS = 10  # "A graph edge directed from a process to a resource"

# "X was worried that ...": the adjective and the preposition its question takes.
STANCE_ADJECTIVES = {
    "worried": "about",
    "concerned": "about",
    "afraid": "of",
    "convinced": "of",
    "aware": "of",
    "sure": "of",
    "confident": "of",
    "certain": "of",
}
# Who says it without a name: what they say is the fact, asked "According to press accounts, ..."
ANONYMOUS_SOURCES = frozenset(
    ["accounts", "reports", "studies", "research", "sources", "evidence", "data", "surveys"]
)
# "was careful not to engage directly in combat": what someone would or would not do
WILLING_ADJECTIVES = frozenset(
    ["careful", "determined", "reluctant", "unwilling", "willing", "eager", "keen", "anxious",
     "unable", "able", "prepared", "ready", "quick", "slow"]
)  # fmt: skip
_REPORTED = lazy_regex(
    r"^(?:(?:also|this|it|which|and)\s+)*(?:showed|shows|demonstrated|demonstrates|indicated"
    r"|indicates|revealed|reveals|suggested|suggests|proved|proves|meant|means)\s+that\s+",
    re.I,
)
FRONTED = lazy_regex(  # as in questions, and a "When ..." or "Once ..." clause too
    rf"^(?P<front>(?:{FRONTING_WORDS}|when|once)\b[^,]{{2,60}}),\s+(?P<main>.+)$",
    re.I,
)

# Verbs that say what a thing does for you; what follows them is what it does.
ENABLING_VERBS = frozenset(
    ["help", "allow", "enable", "let", "teach", "encourage", "force", "cause"]
)
OBJECT_VERBS = frozenset(
    [
        "help",
        "allow",
        "enable",
        "prevent",
        "reduce",
        "increase",
        "improve",
        "strengthen",
        "weaken",
        "protect",
        "support",
        "provide",
        "produce",
        "create",
        "control",
        "regulate",
        "store",
        "transport",
        "carry",
        "absorb",
        "release",
        "convert",
        "break",
        "digest",
        "measure",
        "detect",
        "determine",
        "affect",
        "influence",
        "limit",
        "stimulate",
        "inhibit",
        "promote",
        "damage",
        "destroy",
        "demonstrate",
        "show",
        "prove",
        "consolidate",
        "permit",
        "solidify",
        "cement",
        "secure",
        "undermine",
        "boost",
        "supply",
        "sell",
        "grant",
        "offer",
        "lower",
        "raise",
        "replace",
        "remove",
        "contain",
        "involve",
        "require",
        "indicate",
        "represent",
        "denote",
        "signal",
        "mean",
    ]
)
# Verbs that say too little of their subject to ask what it does with them.
_LIGHT_VERBS = frozenset(
    ["be", "have", "do", "get", "go", "make", "take", "seem", "become", "come", "give", "put"]
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "both",
        "all",
        "each",
        "every",
        "their",
        "its",
        "his",
        "her",
        "our",
        "your",
        "any",
        "some",
        "many",
        "more",
        "less",
        "most",
        "few",
        "several",
    ]
)
_POINTERS = frozenset(["this", "that", "these", "those", "such"])
PARTICLES = frozenset(["down", "up", "out", "off", "away", "back"])
_PEOPLE = frozenset(["you", "us", "them", "people", "students", "one", "learners", "readers"])

_SUPERLATIVE = lazy_regex(
    r"^(?P<subject>[^,;:()]{2,60}?)\s+(?P<verb>is|was|are|were)\s+(?:the\s+)?"
    r"(?P<what>(?P<rank>first|last|main|only|chief|principal|primary|key|leading|most\s+\w+"
    r"|least\s+\w+|[a-z]+est)\s+.+)$",
    re.I,
)
_PERSON_NOUNS = frozenset(
    [
        "leader",
        "person",
        "president",
        "ruler",
        "king",
        "queen",
        "emperor",
        "man",
        "woman",
        "scientist",
        "author",
        "writer",
        "politician",
        "general",
        "prime",
        "minister",
        "monarch",
        "pope",
        "chancellor",
    ]
)

_PURPOSE = lazy_regex(
    r"\s+(?:[-\u2013\u2014]+\s+|,\s+)(?:in\s+order\s+|so\s+as\s+)?to\s+(?=[a-z])"
    r"|\s+(?:in\s+order|so\s+as)\s+to\s+(?=[a-z])",
    re.I,
)


def stance(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Following entry of UN troops, Mao feared North Korea would be defeated" -> "What did
    Mao fear following entry of UN troops?"; "Khrushchev was worried that ..." -> "What was
    Khrushchev worried about?" """
    if _stance_words().isdisjoint(cue_words(sentence)):
        return []  # neither a stance verb nor a "was worried", "is willing"
    text = _REPORTED.sub("", main_clause(sentence), count=1)
    trailer = ""
    fronted = FRONTED.match(text)
    if fronted:
        text = fronted["main"]
        trailer = " ".join(lower_first(fronted["front"].split()))
    tokens = text.split()
    for index, token in enumerate(tokens[1 : MAX_SUBJECT_WORDS + 1], start=1):
        subject = tokens[:index]
        lower = token.casefold()
        adjective = tokens[index + 1].casefold() if index + 1 < len(tokens) else ""
        if lower in ("was", "were", "is", "are") and adjective in WILLING_ADJECTIVES:
            rest = tokens[index + 2 :]
            negated = [word.casefold() for word in rest[:2]] == ["not", "to"]
            if not negated and rest[:1] != ["to"]:
                return []
            answer = _answer(" ".join(rest[2 if negated else 1 :]))
            if len(words(answer)) < 2:
                return []
            willing = f"{adjective} {'not ' if negated else ''}to do"
            front = finish_question(
                f"What {lower} {subject_phrase(subject, names)} {willing} {trailer}"
            )
            return [Question(front, answer, Shape.WHY, 10.7)]
        if lower in ("was", "were", "is", "are") and adjective in STANCE_ADJECTIVES:
            rest = tokens[index + 2 :]
            if rest[:1] and rest[0].casefold() in ("that", "about", "of"):
                rest = rest[1:]
            else:
                return []
            asked = f"{subject_phrase(subject, names)} {adjective} {STANCE_ADJECTIVES[adjective]}"
            front = f"What {lower} {asked}"
            return _stance_question(front, trailer, rest, subject, names)
        base = verb_base(token, "VBD")
        aux = "did"
        if base is None:
            base, aux = verb_base(token, "VBZ"), "does"
        if base is None and subject[-1].casefold().endswith("s"):
            base, aux = verb_base(token, "VBP"), "do"  # "Press accounts indicate that ..."
        if base == "make" and [word.casefold() for word in tokens[index + 1 : index + 3]] == [
            "clear",
            "that",
        ]:
            # "Khrushchev made clear that he didn't want to be involved": what he made clear
            front = f"What {aux} {subject_phrase(subject, names)} make clear"
            return _stance_question(front, trailer, tokens[index + 3 :], subject, names)
        if base in STANCE_VERBS and subject[-1].casefold() in ANONYMOUS_SOURCES:
            # "Press accounts indicate that Russia has assumed ...": no one to name, so what
            # they say is asked of its own subject.
            rest = tokens[index + 1 :]
            said = " ".join(rest[1:] if rest[:1] == ["that"] else rest)
            lead = f"According to {' '.join(lower_first(subject, names))},"
            return [
                replace(
                    question,
                    front=f"{lead} {lower_first_char(question.front)}",
                    shape=Shape.WHY,  # what is said is the fact, as for a named speaker
                )
                for question in object_question(capital(said), names, True)
            ]
        if base in STANCE_VERBS:
            rest = tokens[index + 1 :]
            if len(subject) == 1 and subject[0][:1].isupper() and not subject[0].endswith("s"):
                names = names | {subject[0].casefold()}  # "Mayo argued ...": who argued it
            if rest[:1] and rest[0].casefold() == "that":
                rest = rest[1:]
            elif base in ("find", "show", "know", "feel", "say", "state", "think") or not rest:
                return []  # "found a way", "showed the card": not a belief without "that"
            elif rest[0].casefold() in PREPOSITIONS or rest[0].casefold() in ("to", "for"):
                return []  # "hoped for", "argued against": no clause follows
            front = f"What {aux} {subject_phrase(subject, names)} {base}"
            return _stance_question(front, trailer, rest, subject, names)
        if not is_noun_phrase_word(token):
            return []
        nominal = can_be(lower, "NOUN") or can_be(lower, "ADJ") or is_stopword(lower)
        if token.islower() and not nominal:
            return []  # a verb the subject does not run past
    return []


@lru_cache(maxsize=1)
def _stance_words() -> frozenset[str]:
    """Every word a stance opens on after its subject: a stance verb in a form `stance` reads
    (past, third person, plural present), a "worried" or "willing" adjective, or "made clear"."""
    forms = {
        form
        for verb in STANCE_VERBS
        for tag in ("VBD", "VBZ", "VBP")
        for form in inflections(verb).get(tag, ())
    }
    return frozenset(forms | WILLING_ADJECTIVES | STANCE_ADJECTIVES.keys() | {"clear"})


def _stance_question(
    front: str, trailer: str, rest: list[str], subject: list[str], names: frozenset[str]
) -> list[Question]:
    if not good_subject(subject):
        return []
    said = re.split(r",?\s+and\s+that\s+", " ".join(rest), maxsplit=1)
    if len(said) > 1 and len(words(said[0])) >= 5:
        # "indicated that A and that B": two things said, each asked of what it is about
        # ("What did General Samonov indicate about North Korea?"), so neither prompt has
        # two right answers. The second is asked after the first, which it often leans on
        # ("... on a commercial basis and that North Korea is having difficulty meeting the
        # payments": which payments).
        first, second = (_said_about(front, trailer, part, names) for part in said)
        if first and second:
            led = f"Besides that {said[0].rstrip(' ,')}, {lower_first_char(second.front)}"
            if len(led.split()) <= MAX_LED_SAID_WORDS:
                second = replace(second, front=led)
            return [first, replace(second, beside=True)]
        answer = _answer(said[0])
    else:
        # "believed workers want money only, so he brought in piece rates": what followed
        # from the belief is not part of it
        answer = _answer(re.split(r",\s+so\s+", " ".join(rest), maxsplit=1)[0])
    cast = _CAST_AS.match(" ".join(rest))
    if not answer and cast and not trailer:
        # "was concerned that Taiwan could be used as a US base in a future war ..." (too
        # long to be the answer) -> "What was Mao concerned Taiwan could be used as?"
        answer = _answer(cast["what"])
        asked = re.sub(r"\s+(?:about|of)$", "", front)
        front = f"{asked} {cast['thing']} {cast['modal']} be {cast['done']} as"
    if len(words(answer)) < MIN_CONTENT_WORDS:
        return []
    text = f"{front} {trailer}" if trailer else front
    return [Question(finish_question(text), answer, Shape.WHY, 10.0)]


MAX_LED_SAID_WORDS = 30  # a question shown after what was said before it, as prompts may be
# What someone feared or hoped a thing would be made into: "Taiwan could be used as a base".
_CAST_AS = lazy_regex(
    r"^(?P<thing>[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2}|the\s+[a-z]+)\s+"
    r"(?P<modal>could|would|might|may|will|can)\s+be\s+(?P<done>[a-z]+(?:ed|en))\s+as\s+"
    r"(?P<what>.+)$"
)


def _said_about(front: str, trailer: str, said: str, names: frozenset[str]) -> Question | None:
    """ "North Korea is having difficulty meeting the payments" -> "What did General Samonov
    indicate about North Korea?" :: "Having difficulty meeting the payments" """
    clause = split_clause(capital(said))
    if clause is None or not good_subject(clause.subject) or not clause.rest:
        return None
    going_on = not clause.base and clause.rest[0].endswith("ing")
    told = _answer(" ".join(clause.rest if going_on else [clause.verb, *clause.rest]))
    if len(words(told)) < MIN_CONTENT_WORDS:
        return None
    about = f"{front} about {subject_phrase(clause.subject, names)}"
    return Question(
        finish_question(f"{about} {trailer}" if trailer else about), told, Shape.WHY, 10.0
    )


_CONCESSION = lazy_regex(
    r"^(?:although|though|even\s+though|while|whilst|despite)\s+(?:(?!\s[-\u2013\u2014]\s).){6,}?"
    r"(?:\s+[-\u2013\u2014]\s+|,\s+)(?P<main>.+)$",
    re.I,
)


def conceded(sentence: str) -> str:
    """ "Although the Soviet Union provided military support to Kim Il-sung, it was careful
    ..." -> "The Soviet Union provided military support to Kim Il-sung": what the sentence
    grants before its main clause, a statement of its own."""
    match = _CONCESSION.match(sentence)
    if not match:
        return ""
    opening = re.match(r"(?:although|though|even\s+though|while|whilst)\s+", sentence, re.I)
    if not opening:
        return ""  # "despite ..." grants a noun, not a statement
    granted = sentence[opening.end() : match.start("main")].rstrip(" ,-\u2013\u2014")
    return capital(granted)


def against_concession(sentence: str, asked: list[Question]) -> list[Question]:
    """ "Although Stalin manipulated Mao into entering war - the conflict consolidated the
    Sino-Soviet friendship": a deed asked as its bare verb ("What did the conflict do to the
    Sino-Soviet friendship? :: Consolidated") says little without what it was set against, so
    the concession is shown ("Although Stalin manipulated Mao into entering war, what did the
    conflict do to ...?")."""
    match = _CONCESSION.match(sentence)
    if not match or not re.match(r"(?:although|though|even\s+though)\s", sentence, re.I):
        return asked
    granted = sentence[: match.start("main")].rstrip(" ,-\u2013\u2014")
    return [
        replace(question, front=f"{granted}, {question.front[:1].lower()}{question.front[1:]}")
        if len(question.back.split()) == 1 and " do to " in question.front
        else question
        for question in asked
    ]


_WHICH_DID = lazy_regex(
    r"(?:(?<=\s)|^)(?P<the>[Tt]he\s+)?(?P<name>[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|for|on)\s+"
    r"(?:the\s+)?)?[A-Z][\w'\u2019-]*)*),\s+which\s+(?P<did>[a-z]+)\s+(?P<rest>[^,;()]+?)"
    r"\s*(?:[,;(]|\.?$)"
)


def which_did(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Japan's victory resulted in the Treaty of Portsmouth, which acknowledged Japanese
    dominance in Korea" -> "What did the Treaty of Portsmouth acknowledge?": what the notes
    say a named thing did, in a clause hung on its name."""
    if "which" not in cue_words(sentence):
        return []
    match = _WHICH_DID.search(sentence)
    if not match or match.start() == 0:
        return []  # (a name opening the sentence is its subject: asked as such)
    did = match["did"]
    base = verb_base(did, "VBD")
    if re.fullmatch(r"BC|BCE|AD|CE|\d.*", match["name"].split()[-1]):
        return []  # "killed at Carrhae in 53 BC, which left ...": the deed, not the date, did it
    if base is None or (not did.endswith("ed") and did not in IRREGULAR_PAST):
        return []  # "which is ...", "which means ...": what it is, not what it did
    statement = f"{'The ' if match['the'] else ''}{match['name']} {did} {match['rest']}"
    return [
        replace(question, beside=True)
        for question in object_question(statement, names, about_label=True, second=False)
        if question.asks[1] == base
    ]


_SET_OUT_TO = lazy_regex(
    r"^(?P<subject>[A-Z][^,;:()\u2013\u2014]{1,60}?)\s+(?P<verb>[a-z]+)\s+(?P<adverb>[a-z]+ly\s+)?"
    r"to\s+(?P<action>[a-z]+\s+[^;:]+?)\.?$"
)
_POINTING = frozenset(["it", "them", "him", "her", "this", "these", "those", "that", "there"])
# Verbs before "to" that say how, not what, was done: "used to", "had to", "seemed to".
_MANNER_VERBS = frozenset(
    ["use", "have", "get", "seem", "appear", "tend", "happen", "come", "go", "ought", "need"]
)


def set_out_to(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Congress moved quickly to defend Taiwan" -> "What did Congress move quickly to do?":
    what someone set out to do, where nothing else in the line is asked."""
    if "to" not in cue_words(sentence):
        return []
    match = _SET_OUT_TO.match(sentence.strip())
    if not match:
        return []
    base = verb_base(match["verb"], "VBD")
    if base is None or base in _MANNER_VERBS or base in _LIGHT_VERBS:
        return []
    subject = match["subject"].split()
    if not good_subject(subject) or len(subject) > MAX_SUBJECT_WORDS:
        return []
    action = match["action"].split()
    if not is_base_verb(action[0]):
        return []  # "turned to USSR for aid": where, not what it set out to do
    turned = _BUT_THEN.split(" ".join(action), maxsplit=1)
    if len(turned) == 2:
        # "USSR refused to join the war as China's ally but agreed to sell China advanced
        # military hardware" -> "Although USSR refused to join the war as China's ally, what
        # did it agree to do?": the second deed asked against the first, one card for the
        # contrast rather than two open "What did USSR refuse/agree to do?"
        opened = " ".join(lower_first(subject, names))
        first = " ".join([opened, match["verb"], match["adverb"] or "", "to", turned[0]])
        then = set_out_to(f"{match['subject']} {turned[1]}", names)
        shown = subject_phrase(subject, names)
        last = subject[-1]
        if last[:1].isupper() and not last.isupper():
            pronoun = shown  # "Khrushchev": a name is said again, no "he" or "she" guessed
        else:
            pronoun = "they" if _plural(subject) or last.casefold().endswith("s") else "it"
        contrast = []
        for question in then:
            asked = question.front.replace(f" {shown} ", f" {pronoun} ", 1)
            front = f"Although {' '.join(first.split())}, {asked[:1].lower()}{asked[1:]}"
            contrast.append(replace(question, front=front))
        return contrast
    answer = _answer(" ".join(action))
    if len(words(answer)) < 2 or any(word.casefold() in _POINTING for word in words(answer)):
        return []  # "refused to seat them": whom is said elsewhere
    adverb = match["adverb"] or ""
    front = finish_question(f"What did {subject_phrase(subject, names)} {base} {adverb}to do")
    return [Question(front, answer, Shape.OBJECT, 9.5)]


def who_set_out(sentence: str) -> Question | None:
    """ "Congress moved quickly to defend Taiwan" -> "Who moved quickly to defend Taiwan?" ::
    "Congress": who set out to do it, where the heading above already says what was done
    ("Confrontation over Taiwan" gives "Defend Taiwan" away)."""
    match = _SET_OUT_TO.match(sentence.strip())
    if not match or _BUT_THEN.search(match["action"]):
        return None
    base = verb_base(match["verb"], "VBD")
    subject = match["subject"].split()
    if base is None or base in _MANNER_VERBS or base in _LIGHT_VERBS or not good_subject(subject):
        return None
    if len(subject) > 3 or not is_base_verb(match["action"].split()[0]):
        return None
    action = _answer(match["action"])
    action = match["action"][:1] + action[1:]  # "defend Taiwan", as the line writes it
    adverb = match["adverb"] or ""
    front = finish_question(f"Who {match['verb']} {adverb}to {action}")
    return Question(front, capital(match["subject"]), Shape.WHO, 9.5)


_BUT_THEN = lazy_regex(r"\s+but\s+(?=(?:also\s+)?[a-z]+ed\s+to\s+[a-z])")


_GROUPED_INTO = lazy_regex(
    r"^(?P<subject>[A-Z][^,;:()\u2013\u2014]{2,80}?)\s+(?P<aux>(?:can|could|may|might)\s+be|is|are|was"
    r"|were)\s+(?P<verb>grouped|divided|split|classified|categori[sz]ed|separated|sorted"
    r"|broken\s+down)\s+into\s+(?P<count>\d{1,2}|[a-z]+)\s+(?P<what>(?:[a-z]+\s+)?[a-z]+s)\.?$"
)
MAX_GROUPS = 12


def _grouping(sentence: str) -> re.Match[str] | None:
    """ "X can be grouped into six phases": the match, where it counts a few groups."""
    match = _GROUPED_INTO.match(sentence.strip())
    if not match:
        return None
    count = match["count"]
    if not (count.isdigit() and 1 < int(count) <= MAX_GROUPS) and not (
        is_number_word(count) and count.casefold() not in ("one", "half", "dozen", "hundred")
    ):
        return None
    return match


def phased(sentence: str) -> str:
    """ "General trends in post-war assistance can be grouped into six phases" -> "General
    trends in post-war assistance": what a run of phases, periods or stages is of; "" for a
    sentence that groups nothing into phases."""
    match = _grouping(sentence)
    if not match or match["what"].split()[-1].casefold() not in _PHASES:
        return ""
    return match["subject"]


_PHASES = frozenset(["phases", "periods", "stages", "eras"])


def grouped_into(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "General trends in post-war assistance can be grouped into six phases" -> "Into how many
    phases can general trends in post-war assistance be grouped?": how many groups the notes
    then go through."""
    match = _grouping(sentence)
    if not match:
        return []
    count = match["count"]
    subject = match["subject"].split()
    if not good_subject(subject):
        return []
    aux = match["aux"].split()
    verb = " ".join(match["verb"].split())
    if len(subject) > 1 and subject[1][:1].islower():
        names = frozenset()  # "General trends": a common word opening the sentence, not a name
    named = subject_phrase(subject, names)
    front = finish_question(
        f"Into how many {match['what']} {aux[0]} {named} {' '.join([*aux[1:], verb])}"
    )
    return [Question(front, capital(count), Shape.RELATION, 10.6)]


# "Data on arms transfers to North Korea are scarce and unreliable.": two qualities said of a thing
_TWO_QUALITIES = lazy_regex(
    r"^(?P<subject>[A-Z][^,;:()\u2013\u2014]{6,80}?)\s+(?P<be>is|are|was|were)\s+"
    r"(?:(?:often|usually|generally|largely|very|highly|both)\s+)?(?P<first>[a-z]{3,})\s+and\s+"
    r"(?:(?:very|highly)\s+)?(?P<second>[a-z]{3,})\.?$"
)


_DETERMINERS_BACK = frozenset(["the", "this", "that", "these", "those", "such", "its", "their"])


def qualities(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Data on arms transfers to North Korea are scarce and unreliable" -> "What are data on
    arms transfers to North Korea like? :: Scarce and unreliable": what a thing is said to be,
    where the sentence says nothing else of it."""
    match = _TWO_QUALITIES.match(sentence.strip())
    if not match:
        return []
    said = (match["first"], match["second"])
    if any(is_stopword(word) or "ADJ" not in lemmas(word) for word in said):
        return []
    subject = match["subject"].split()
    if not good_subject(subject) or subject[0].casefold() in PRONOUNS:
        return []
    if len(subject) == 2 and subject[0].casefold() in _DETERMINERS_BACK:
        return []  # "The results are good and bad": which results is said before
    if len(subject) > 1 and subject[1][:1].islower():
        names = frozenset()  # "Data on ...": a common word opening the sentence, not a name
    front = finish_question(f"What {match['be']} {subject_phrase(subject, names)} like")
    answer = capital(f"{match['first']} and {match['second']}")
    return [Question(front, answer, Shape.RELATION, 9.0)]


_UNDER_WHOSE = lazy_regex(
    r"(?<=\s)(?P<the>[Tt]he\s+)?(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*),\s+which\s+"
    r"(?P<be>was|were|is|are)\s+(?P<when>(?:then|still|already|now)\s+)?under\s+the\s+"
    r"(?P<kind>[a-z]+)\s+of\s+(?P<whom>[A-Z][^,;()]*?)\s*(?:[,;(]|\.?$)"
)


def under_whose(sentence: str) -> list[Question]:
    """ "In the late 19th century, Russia took an interest in Korea, which was then under the
    influence of China" -> "Under whose influence was Korea in the late 19th century?": whose
    sway a named place or body was under, said in a clause hung on its name."""
    if not {"which", "under"} <= cue_words(sentence):
        return []
    match = _UNDER_WHOSE.search(sentence)
    if not match or not can_be(match["kind"], "NOUN"):
        return []
    fronted = FRONTED.match(sentence)
    when = match["when"].strip() if match["when"] else ""
    if when == "then":
        when = " ".join(lower_first(fronted["front"].split())) if fronted else ""
    thing = f"{'the ' if match['the'] else ''}{match['name']}"
    front = finish_question(f"Under whose {match['kind']} {match['be']} {thing} {when}")
    return [Question(front, match["whom"].strip(), Shape.IDENTITY, 10.0, beside=True)]


_AS_NAME = lazy_regex(
    r"^(?P<conj>(?i:as|when|after|once|before))\s+(?P<name>(?:[Tt]he\s+)?[A-Z][\w'\u2019-]*"
    r"(?:\s+[A-Z][\w'\u2019-]*)*)\s+(?P<did>[a-z][^,;]{4,60}?),\s+(?:however,\s+)?"
    r"(?P<pronoun>it|they|he|she)\s+(?P<main>[a-z].+)$"
)


def while_doing(sentence: str) -> tuple[str, str] | None:
    """ "As China pulled its troops out of Korea, however, it increased military assistance" ->
    ("China increased military assistance", "as it pulled its troops out of Korea"): the
    statement with its subject named, and the time it holds for."""
    match = _AS_NAME.match(sentence.strip().rstrip("."))
    if not match:
        return None
    pronoun = match["pronoun"].casefold()
    return (
        f"{match['name']} {match['main']}",
        f"{match['conj'].casefold()} {pronoun} {match['did']}",
    )


_CONCEDED_NAME = lazy_regex(
    r"^(?i:although|though|even\s+though|while|whilst)\s+"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)\s+[a-z]"
)


_DONE_TO_THEN = lazy_regex(
    r"^(?P<verb>[A-Z][a-z]+ed)\s+(?P<whom>[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2})\s+"
    r"(?P<rest>to\s+[a-z][^-\u2013\u2014;:]{2,60}?)\s+[-\u2013\u2014]+\s+(?P<clause>[A-Z].+)$"
)


def done_to_then(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Forced Mao to enter war - Mao anticipated Soviet help under the Treaty" -> "Forced to
    enter war, what did Mao anticipate?": a line opening on what was done to someone, then
    what they themselves thought or did, asks the second with the first as its setting."""
    match = _DONE_TO_THEN.match(sentence.strip())
    if not match or verb_base(match["verb"].casefold(), "VBD") is None:
        return []
    whom, clause = match["whom"], match["clause"]
    if not clause.startswith(f"{whom} "):
        return []  # the second clause is about someone else
    setting = f"{match['verb']} {match['rest']}"
    asked = stance(clause, names) or object_question(clause, names, about_label=True)
    return [
        replace(question, front=f"{setting}, {question.front[:1].lower()}{question.front[1:]}")
        for question in asked[:1]
    ]


_BECAME = lazy_regex(
    r"^(?P<subject>[^,;:()]{6,60}?)\s+became\s+(?P<what>(?:a|an|the)\s+[^,;:()]{3,60}?)\.?$"
)


def what_became(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "In the 2000s, North Korea's nuclear ambitions became a focal point in international
    relations" -> "What became a focal point in international relations in the 2000s?" ::
    "North Korea's nuclear ambitions": the thing that took on the role is the fact, and the
    time it did so is shown; a name that "became king" is a who, and not asked here."""
    if "became" not in cue_words(sentence):
        return []
    fronted = FRONTED.match(sentence.strip())
    if not fronted or not re.search(r"\d", fronted["front"]):
        return []  # the time it happened sets the question
    match = _BECAME.match(fronted["main"].strip())
    if not match:
        return []
    subject = match["subject"].split()
    head = subject[-1]
    if not head.islower() or not can_be(head, "NOUN"):
        return []  # "William became king": someone, asked as who
    if not all(
        is_noun_phrase_word(word) or word.casefold() in PREPOSITIONS or is_stopword(word.casefold())
        for word in subject
    ):
        return []  # a clause, not a thing: "the army that had won ..."
    if len(words(match["subject"])) < 2 or len(words(match["subject"])) > MAX_ANSWER_WORDS:
        return []
    when = " ".join(lower_first(fronted["front"].split(), names))
    front = finish_question(f"What became {match['what']} {when}")
    return [Question(front, capital(match["subject"]), Shape.WHY, 10.0)]


_WHILE_DOING = lazy_regex(
    r"^(?P<subject>[A-Z][^,;:()]{1,40}?)\s+(?P<verb>[a-z]+ed)\s[^,;:()]{3,60},\s+"
    r"(?P<first>[a-z]+ing\s[^,;:()]{3,60}?)\s+while\s+(?P<second>[a-z]+ing)\s+"
    r"(?P<what>[^,;:()]{3,80}?)\.?$"
)


def while_also(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Russia adopted a cautious approach, advocating for diplomatic solutions while opposing
    unilateral sanctions imposed by the United States" -> "While advocating for diplomatic
    solutions, what did Russia oppose?": of a stance's two sides, the one it is set against is
    asked with the other shown."""
    if "while" not in cue_words(sentence):
        return []
    match = _WHILE_DOING.match(sentence.strip())
    if not match or verb_base(match["verb"], "VBD") is None:
        return []
    base = verb_base(match["second"], "VBG")
    if base is None or base in _LIGHT_VERBS or verb_base(match["first"].split()[0], "VBG") is None:
        return []
    subject = match["subject"].split()
    if not good_subject(subject) or len(subject) > MAX_SUBJECT_WORDS:
        return []
    answer = _answer(match["what"])
    if len(words(answer)) < 2 or match["what"].split()[0].casefold() in PREPOSITIONS:
        return []
    asked = f"What did {subject_phrase(subject, names)} {base}"
    front = finish_question(f"While {match['first']}, {asked[:1].lower()}{asked[1:]}")
    return [Question(front, answer, Shape.WHY, 10.0)]


def main_clause(sentence: str) -> str:
    """ "Although Stalin manipulated Mao into entering war - the conflict consolidated the
    Sino-Soviet friendship" -> "The conflict consolidated the Sino-Soviet friendship": what the
    sentence asserts, without the concession it opens with."""
    match = _CONCESSION.match(sentence)
    if not match:
        return sentence
    main = match["main"]
    named = _CONCEDED_NAME.match(sentence)
    pronoun = re.match(r"(?:it|they|he|she)\s+", main, re.I)
    if named and pronoun:
        # "Although the Soviet Union provided ..., it was careful ..." -> "The Soviet Union
        # was careful ...": the pronoun stands for the name the concession opened with.
        main = f"{named['name']} {main[pronoun.end() :]}"
    return capital(main)


def object_question(
    sentence: str,
    names: frozenset[str],
    about_label: bool = False,
    second: bool = True,
    owner: str = "",
) -> list[Question]:
    """ "Recall helps build neural hooks" -> "What does recall help build?"; "Mistakes allow
    you to catch illusions of competence" -> "What do mistakes allow you to do?". Under a bold
    label the sentence is about ("**sleep**" over "sleep can wash away the toxins ..."), what
    the labelled thing does is the fact whatever its verb: "What can sleep wash away?" """
    if not about_label and _object_words().isdisjoint(cue_words(sentence)):
        return []
    found = _object_verb(sentence.split(), None if about_label else _ASKED_VERBS)
    if found is None or " - " in sentence:
        return []
    subject, aux, base, rest = found
    if not good_subject(subject):
        return []
    rest = list(rest)
    asked = [base]
    wanted_deed = _wanted_deed(base, rest)
    if not about_label and base not in OBJECT_VERBS and not wanted_deed:
        return []  # "wanted independence": only what one asked of another is asked
    if wanted_deed:
        # "Stalin needed Mao to fight with little Russian aid" -> "What did Stalin need Mao
        # to do?": what one side wanted of another, not "What did Stalin need?"
        whom, deed = wanted_deed
        front = finish_question(f"What {aux} {subject_phrase(subject, names)} {base} {whom} to do")
        # (what one wanted of another is the fact, not a fallback for a deleted name)
        return [Question(front, deed, Shape.WHY, 10.2, asks=(subject[-1].casefold(), base))]
    if rest and rest[0].casefold() in PARTICLES:
        asked.append(rest.pop(0).casefold())  # "breaks down fats"
    elif base in ENABLING_VERBS and rest:
        if rest[0].casefold() in _PEOPLE:
            asked.append(rest.pop(0))
            if rest[:1] == ["to"]:
                rest.pop(0)
            asked.append("to do" if base not in ("help", "let") else "do")
        elif rest[0].casefold() == "to":
            rest.pop(0)
            asked.append("to do")
        elif at := _to_do_at(rest):
            # "allowed the Soviet Union to maintain a foothold" -> "... allow the Soviet Union
            # to maintain?"
            asked.extend(rest[: at + 2])
            del rest[: at + 2]
        else:
            group = []
            while rest and (is_base_verb(rest[0]) or (group and rest[0] in ("and", "or"))):
                group.append(rest.pop(0))
            while group and group[-1] in ("and", "or"):
                rest.insert(0, group.pop())
            if not group:
                return []
            asked.extend(group)
    opening = rest[0].casefold() if rest else ""
    if not rest or opening in PREPOSITIONS or opening in ("that", "to"):
        return []
    if opening in MAIN_VERBS:
        return []  # "The sediment carried comes from ...": "carried" describes the subject
    if is_stopword(opening) and opening not in _DETERMINERS and not rest[0].isupper():
        return []  # "by means of ...": the verb was a noun (but "US prestige" is a thing)
    answer = _answer(" ".join(rest))
    if len(words(answer)) < 2:
        return []
    given = _GIVEN_TO.match(" ".join(rest))
    if not (base in _GIVING_VERBS and given and len(words(given["what"])) >= 2):
        given = None
    if given:
        # "provided military support and strategic guidance to Kim Il-sung" -> "What did
        # the Soviet Union provide to Kim Il-sung?"
        asked.append(f"to {given['whom'].strip()}")
        rest = given["what"].split()
        answer = _answer(given["what"])
    elif base in _TWO_OBJECT_VERBS and len(rest) > 2 and _receives(rest[0], rest[1]):
        receiver = rest.pop(0)  # "grants warships access to ports": what it grants them
        asked.append(f"{owner} {receiver}" if owner and receiver.islower() else receiver)
        answer = _answer(" ".join(rest))
    front = finish_question(f"What {aux} {subject_phrase(subject, names)} {' '.join(asked)}")
    # What the notes say the subject does in two places has two answers, unless the question
    # names whom it was done for.
    asks = ("", "") if given else (subject[-1].casefold(), base)
    found = [Question(front, answer, Shape.OBJECT, 10.2, asks=asks)]
    counted = None if given else counted_object(rest)
    if counted:
        # "Mao launched 2 unsuccessful attempts to take over Taiwan by force" -> "How many
        # unsuccessful attempts did Mao launch to take over Taiwan by force? :: 2": "What did
        # Mao launch?" could be answered with anything he launched
        count, things, tail = counted
        front = finish_question(
            f"How many {things} {aux} {subject_phrase(subject, names)} {' '.join(asked)} {tail}"
        )
        found = [Question(front, capital(count), Shape.OBJECT, 10.2, asks=asks)]
    if _DONE_BY.match(answer) and len(asked) == 1 and not given and not is_verb_form(rest[0]):
        # "permits overflights by Soviet reconnaissance planes": a deed and who does it are
        # too much for "What does North Korea permit?"; the sentence is shown, the deed hidden
        # (a deed in -ing, "fishing by boats", is a verb no cloze hides: it is still asked)
        found = [Question(sentence, rest[0], Shape.OBJECT, 10.2, hidden=rest[0])]
    done_to = _done_to(sentence, subject, aux, asked, rest, answer, names)
    if done_to:
        found.append(done_to)
    following = second_action(" ".join(rest)) if second else None
    if following:
        # "... permits overflights ..., and grants warships access to ports": the second
        # thing its subject did is a card of its own.
        then = " ".join([*subject, " ".join(rest)[following.start("verb") :]])
        owned = _OWNED_PLURAL.search(" ".join(rest)[: following.start("verb")])
        owner = owned["owner"] if owned and not can_be(owned["owner"], "NOUN") else ""
        other = object_question(then, names, about_label=True, second=False, owner=owner)
        found.extend(replace(question, beside=True) for question in other)
    return found


MAX_DONE_TO_WORDS = 6
# "Overflights by Soviet reconnaissance planes": one word for a deed, then who does it.
_DONE_BY = lazy_regex(r"^[A-Za-z-]+\s+by\s+(?:[\w'\u2019-]+\s+){1,}[\w'\u2019-]+$")
# "by Soviet reconnaissance planes and bombers": a people's or a place's adjective before plural
# things. Whose the things the same subject goes on to deal with are: "..., and grants warships
# access to ports" -> "What does North Korea grant Soviet warships?"
_OWNED_PLURAL = lazy_regex(
    r"(?<=\s)(?P<owner>[A-Z][a-z]{2,})\s+(?:[a-z]+\s+){0,2}[a-z]{3,}s(?:\s+and\s+[a-z]{3,}s)?\b"
)


def _done_to(
    sentence: str,
    subject: list[str],
    aux: str,
    asked: list[str],
    rest: list[str],
    answer: str,
    names: frozenset[str],
) -> Question | None:
    """ "The conflict consolidated the Sino-Soviet friendship" -> "What did the conflict do
    to the Sino-Soviet friendship? :: Consolidated": the deed asked, where the thing it was
    done to may not be the answer (it is what the notes are about); only a fallback."""
    thing = " ".join(rest).strip().rstrip(" .;,")
    if aux not in ("do", "does", "did") or len(asked) != 1 or capital(thing) != answer:
        return None
    if not re.match(r"the\s", thing, re.I) or len(words(thing)) > MAX_DONE_TO_WORDS:
        return None
    written = sentence.split()[len(subject)]
    if written.casefold() in ("do", "does", "did") or not written.isalpha():
        return None
    front = finish_question(
        f"What {aux} {subject_phrase(subject, names)} do to {lower_first_char(thing)}"
    )
    return Question(front, capital(written), Shape.OBJECT, 10.1)  # (the notes' own word)


# Verbs whose first object receives the second: "grants warships access".
_TWO_OBJECT_VERBS = frozenset(["grant", "give", "offer", "deny", "award", "lend", "promise"])
_GIVEN_TO = lazy_regex(r"(?P<what>.+?)\s+to\s+(?P<whom>(?:[A-Z][\w'\u2019-]*\s?){1,3})$")
# Verbs that give something to someone: "provided support to Kim Il-sung".
_GIVING_VERBS = _TWO_OBJECT_VERBS | frozenset(["provide", "supply", "send", "sell", "transfer"])


def _receives(first: str, then: str) -> bool:
    """ "warships access": a bare plural or a name, then a noun with no article between."""
    lower, after = first.casefold(), then.casefold()
    known = lemmas(lower)
    bare_plural = (
        lower.endswith("s") and (not known or "NOUN" in known) and lower not in _DETERMINERS
    )
    return (
        (bare_plural or first[:1].isupper())
        and can_be(after, "NOUN")
        and after not in PREPOSITIONS
        and not is_stopword(after)
    )


# Verbs that ask another to act: "needed Mao to fight", "persuaded the king to sign".
_WANTING_VERBS = frozenset(
    ["need", "want", "expect", "persuade", "urge", "order", "ask", "force", "encourage"]
)


_ASKED_VERBS = OBJECT_VERBS | _WANTING_VERBS


def _wanted_deed(base: str, rest: list[str]) -> tuple[str, str] | None:
    """ "needed Mao to fight with minimalist Russian aid" -> ("Mao", "Fight with minimalist
    Russian aid"): whom a wanting verb asks to act, and the act, where the act takes no object
    of its own to ask ("to sign the treaty" asks what was signed)."""
    if base not in _WANTING_VERBS:
        return None
    at = _to_do_at(rest)
    if not at:
        return None
    after = rest[at + 2].casefold() if at + 2 < len(rest) else ""
    if after and after not in PREPOSITIONS and set(lemmas(after)) != {"ADV"}:
        return None  # "to fight alongside", "to act quickly": no object of its own
    deed = _answer(" ".join(rest[at + 1 :]))
    if len(words(deed)) < 2:
        return None
    return " ".join(rest[:at]), deed


def _to_do_at(rest: list[str]) -> int:
    """Where "to" and a verb follow a short noun phrase: "the Soviet Union [to maintain]"."""
    for index, word in enumerate(rest[1:5], start=1):
        if word.casefold() == "to" and index + 1 < len(rest) and is_base_verb(rest[index + 1]):
            if all(is_noun_phrase_word(token) for token in rest[:index]):
                return index
            return 0
    return 0


@lru_cache(maxsize=1)
def _object_words() -> frozenset[str]:
    """Every form of _ASKED_VERBS that _object_verb reads as the clause's verb."""
    tags = ("VBZ", "VBD", "VBP")
    return frozenset(
        form for verb in _ASKED_VERBS for tag in tags for form in inflections(verb).get(tag, ())
    )


def _object_verb(
    tokens: list[str], verbs: frozenset[str] | None
) -> tuple[list[str], str, str, list[str]] | None:
    """The subject, auxiliary, verb and what follows, when the clause's verb is one of `verbs`
    (any verb but a light one when None) in the present or past ("helps", "allow",
    "prevented"), or after a modal ("can wash"). A participle with its phrase may describe the
    subject on the way ("A graph edge directed from a process to ...")."""
    described = False

    def wanted(base: str | None) -> bool:
        return bool(base) and (base in verbs if verbs is not None else base not in _LIGHT_VERBS)

    for index, token in enumerate(tokens[1 : MAX_DESCRIBED_SUBJECT_WORDS + 1], start=1):
        lower = token.casefold()
        before = tokens[index - 1].casefold()
        after = tokens[index + 1].casefold() if index + 1 < len(tokens) else ""
        modal = verbs is None and lower in MODALS  # the modal effects are effect()'s
        if modal and after in lemmas(after).get("VERB", ()) and wanted(after):
            if index > MAX_SUBJECT_WORDS and not described:
                return None
            return tokens[:index], lower, after, tokens[index + 2 :]
        done = participle_base(after)
        if verbs is None and lower in ("has", "have", "had") and wanted(done):
            if index > MAX_SUBJECT_WORDS and not described:
                return None
            return tokens[:index], lower, after, tokens[index + 2 :]  # "has assumed its ..."
        for tag, aux in (("VBZ", "does"), ("VBD", "did"), ("VBP", "do")):
            base = verb_base(lower, tag)
            if (
                base is not None
                and wanted(base)
                and before not in ("to", "the", "a")
                and before not in PREPOSITIONS
            ):
                if index > MAX_SUBJECT_WORDS and not described:
                    return None
                if aux == "does" and _plural(tokens[:index]):
                    aux = "do"
                return tokens[:index], aux, base, tokens[index + 1 :]
        following = tokens[index + 1].casefold() if index + 1 < len(tokens) else ""
        if lower.endswith("ed") and following in PREPOSITIONS:
            described = True  # "directed from": a participle phrase inside the subject
            continue
        if not is_noun_phrase_word(token):
            return None
    return None


def _plural(subject: list[str]) -> bool:
    """ "Practice and repetition": two things take "do"."""
    return any(word.casefold() in ("and", "&") for word in subject)


def is_base_verb(word: str) -> bool:
    lower = word.casefold()
    return lower.isalpha() and "VERB" in lemmas(lower) and lower in lemmas(lower)["VERB"]


def superlative(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Korean War was first test of the new alliance" -> "What was the first test of the new
    alliance?" """
    match = _SUPERLATIVE.match(sentence)
    if not match or DASH.search(sentence):
        return []
    rank = match["rank"].casefold()
    if rank.endswith("est") and not is_superlative(rank):
        return []
    named = match["what"].split()[len(rank.split()) : len(rank.split()) + 1]
    if not named or not named[0].isalpha() or not can_be(named[0], "NOUN"):
        return []  # "the first (late 1865)": a rank without the thing it ranks
    subject = match["subject"].split()
    if not good_subject(subject) or not subject[0][:1].isupper():
        return []
    what = match["what"].rstrip(" .;")
    if len(words(what)) > MAX_ANSWER_WORDS + 4:
        return []
    head = next((w.casefold() for w in what.split()[1:] if not is_stopword(w.casefold())), "")
    wh = "Who" if head in _PERSON_NOUNS else "What"
    verb = match["verb"].casefold()
    front = finish_question(f"{wh} {verb} the {what}")
    found = [Question(front, " ".join(subject), Shape.IDENTITY, 10.6)]
    ranked = " ".join(what.split()[: len(rank.split()) + 1])
    of = re.match(rf"{re.escape(ranked)}\s+of\s+(?P<thing>.+)$", what)
    if of and 2 <= len(words(of["thing"])) <= MAX_ANSWER_WORDS:
        # "What was the Korean War the first test of?" :: "The new alliance": the other side,
        # for where the heading names the subject.
        asked = finish_question(f"What {verb} {subject_phrase(subject, names)} the {ranked} of")
        found.append(Question(asked, capital(of["thing"]), Shape.IDENTITY, 10.5))
    return found


def purpose(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Post-Korean War China turned to USSR for aid - to help rebuild their shattered
    economy" -> "Why did China turn to USSR for aid?" :: "To help rebuild ..." """
    if "to" not in cue_words(sentence):
        return []  # every aim _PURPOSE reads opens on "to"
    match = _PURPOSE.search(sentence)
    if not match:
        return []
    action = sentence[: match.start()].strip()
    aim = sentence[match.end() :].strip().rstrip(".;")
    first = aim.split(maxsplit=1)[0] if aim else ""
    if not first or not is_base_verb(first):
        return []
    if DASH.search(action):
        action = DASH.split(action)[-1].strip()
    if re.search(r"\bthat\b", action, re.I):
        return []  # the aim belongs to the reported clause, not to the one who reported it
    trailer: list[str] = []
    fronted = FRONTED.match(action)
    if fronted:
        action = fronted["main"]
        trailer = lower_first(fronted["front"].split())
    clause = split_clause(action)
    if clause is None or not good_subject(clause.subject) or len(words(action)) > 20:
        return []
    answer = _answer(f"to {aim}")
    if len(words(answer)) < MIN_CONTENT_WORDS:
        return []
    subject = subject_phrase(clause.subject, names)
    verb = [clause.base] if clause.base else []
    front = finish_question(" ".join(["Why", clause.aux, subject, *verb, *clause.rest, *trailer]))
    return [Question(front, answer, Shape.WHY, 11.2)]


# (tried only on a sentence holding one of its verbs)
_MADE_SO = Guarded(
    lazy_regex(
        r"^(?P<subject>[^-\u2013\u2014,;:]{3,90}?)\s+(?:also\s+|thus\s+|therefore\s+)?"
        r"(?P<aux>(?:has|have|had)\s+)?"
        r"(?P<verb>made|makes|make|rendered|renders|render|pushed|pushes|push|drove|drives|drive"
        r"|driven|drew|draws|draw|drawn|brought|brings|bring)\s+(?P<what>[^-\u2013\u2014;:]{3,70}?)\s+"
        r"(?P<state>closer\s+together|closer|further\s+apart|apart"
        r"|(?:(?:much|far|even|more|less)\s+)?(?:impossible|possible|difficult|harder|easier"
        r"|necessary|unnecessary|inevitable|likely|unlikely|obsolete|vulnerable|popular|unpopular"
        r"|illegal|legal|profitable|unprofitable|cheaper|dearer|affordable|unaffordable|viable"
        r"|unviable|attractive|effective|ineffective|stronger|weaker|dependent|independent))\.?$",
        re.I,
    )
)


def made_so(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "China's willingness to fight ... made any alliance with the USA impossible" -> "What
    made any alliance with the USA impossible?"; "... have pushed X and Y closer together" ->
    "What has pushed X and Y closer together?": the cause is the answer."""
    if not _MADE_SO.could_match(sentence):
        return []
    match = _MADE_SO.compiled.match(sentence.strip())
    if not match:
        return []
    subject = match["subject"].split()
    if not good_subject(subject) or len(words(match["subject"])) > MAX_ANSWER_WORDS:
        return []
    what = match["what"].split()
    if what[0].casefold() in PRONOUNS or what[0].casefold() in _POINTERS:
        return []  # "made it impossible": what was made so is elsewhere
    # "The ongoing tensions ... have pushed Russia and North Korea closer together" -> "What
    # has pushed ...?": one cause asked, whatever the number of the notes' subject
    aux = ["has"] if match["aux"] else []
    if match["aux"] and match["aux"].strip().casefold() == "had":
        aux = ["had"]
    owner = _OWNER.match(match["subject"])
    unowned = owner and owner["owner"].casefold() not in match["what"].casefold()
    if unowned and len(what) >= MIN_UNOWNED_WORDS:
        # "China's willingness to fight ... made any kind of alliance with the USA impossible":
        # the alliance is China's only by its cause, so the cause is shown and what it made
        # so is asked ("What did China's willingness ... make impossible?")
        return _made_what(match)
    asked = " ".join([*aux, match["verb"].casefold(), *lower_first(what, names), match["state"]])
    front = finish_question(f"What {asked}")
    answer = capital(match["subject"])
    return [Question(front, answer, Shape.IDENTITY, 10.4)]


MIN_UNOWNED_WORDS = 3  # "made war inevitable": a thing too bare to need its owner named
_OWNER = lazy_regex(r"^(?:the\s+)?(?P<owner>[A-Z][\w-]+)['\u2019]s\s")


def _made_what(match: re.Match[str]) -> list[Question]:
    """What a cause made so, the cause shown: "What did China's willingness to fight ... make
    impossible? :: Any kind of alliance with the USA"."""
    verb = match["verb"].casefold()
    subject = re.sub(r"^The\s", "the ", match["subject"].strip())  # (the owner keeps its capital)
    if match["aux"]:
        asked = f"{match['aux'].strip().casefold()} {subject} {verb}"
    elif (base := verb_base(verb, "VBD")) is not None and base != verb:
        asked = f"did {subject} {base}"
    elif (base := verb_base(verb, "VBZ")) is not None:
        asked = f"does {subject} {base}"
    else:
        asked = f"do {subject} {verb}"
    what = _answer(match["what"])
    if len(words(what)) > MAX_ANSWER_WORDS:
        return []
    front = finish_question(f"What {asked} {match['state']}")
    # (what a cause brought about is asked as its effect, before any word of it is hidden)
    return [Question(front, capital(what), Shape.EFFECT, 10.4)]


_TIED_TO = lazy_regex(
    r"^(?P<subject>[^,;:()\u2013\u2014]{3,80}?)\s+(?P<be>is|are|was|were)\s+"
    r"(?P<adverb>[a-z]+ly\s+)?(?P<adjective>[a-z]+)\s+(?P<preposition>in|for|to|on|from|with)\s+"
    r"(?P<what>[^;:]+?)\.?$"
)
_SPAN = lazy_regex(
    r"\d|\b(?:years?|decades?|centur(?:y|ies)|terms?|periods?|months?|weeks?|days?|eras?|times?"
    r"|reigns?|seasons?|hours?|generations?|rest|remainder|duration|while|ages?)\b",
    re.I,
)
# Adjectives whose pairing another shape asks: "equal to", "proportional to".
_RELATION_ADJECTIVES = frozenset(["equal", "proportional", "inversely", "directly"])


def tied_to(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "The alliance between the two nations was evident in joint military exercises" -> "What
    was the alliance between the two nations evident in?"; "Calcium is essential for muscle
    contraction" -> "What is calcium essential for?": what an adjective ties its subject to."""
    match = _TIED_TO.match(sentence.strip())
    if not match:
        return []
    adjective = match["adjective"]
    known = lemmas(adjective)
    if "ADJ" not in known or "VERB" in known or adjective in _RELATION_ADJECTIVES:
        return []  # "was based on", "is known for": a participle, another shape's
    subject = match["subject"].split()
    if not good_subject(subject) or " - " in match["subject"]:
        return []
    what = re.split(r",\s+(?:which|while|whereas|but|and|as|so|because)\b", match["what"])[0]
    first = what.split()[0].casefold() if what.split() else ""
    if first in PRONOUNS - {"its", "their", "his", "her"}:
        return []  # "evident in it": what it is tied to is elsewhere
    if not first or (match["preposition"] == "to" and is_base_verb(first)):
        return []  # "able to fight": what it can do, not what it is tied to
    answer = _answer(what)
    if not 1 <= len(words(answer)) <= MAX_ANSWER_WORDS or _SPAN.search(answer):
        return []  # "powerless for the rest of his term": when, not what it is tied to
    adverb = match["adverb"] or ""
    front = finish_question(
        f"What {match['be']} {subject_phrase(subject, names)} {adverb}{adjective} "
        f"{match['preposition']}"
    )
    return [Question(front, capital(answer), Shape.RELATION, 10.4)]


_WITH_DOING = lazy_regex(
    r",\s+with\s+(?P<who>(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})\s+"
    r"(?P<doing>[a-z]+ing)\s+(?P<rest>[^,;:()]+?)\.?$"
)


def with_doing(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "..., with Russia providing humanitarian aid to alleviate North Korea's crises" ->
    "What did Russia provide to alleviate North Korea's crises?": a second deed, told in a
    clause hung on the sentence's end."""
    match = _WITH_DOING.search(sentence)
    if not match:
        return []
    base = verb_base(match["doing"], "VBG")
    if base is None or base in _LIGHT_VERBS:
        return []
    rest = match["rest"].split()
    aim: list[str] = []
    for index, word in enumerate(rest[:-1]):
        if word == "to" and index and is_base_verb(rest[index + 1]):
            rest, aim = rest[:index], rest[index:]  # "... aid [to alleviate ...]": what it was for
            break
    if not rest or rest[0].casefold() in PREPOSITIONS or rest[0].casefold() in PRONOUNS:
        return []
    answer = _answer(" ".join(rest))
    if not 1 <= len(words(answer)) <= MAX_ANSWER_WORDS:
        return []
    who = match["who"].split()
    aux = _tense_aux(sentence[: match.start()])
    front = finish_question(" ".join(["What", aux, subject_phrase(who, names), base, *aim]))
    return [Question(front, capital(answer), Shape.OBJECT, 10.2, beside=True)]


def _tense_aux(clause: str) -> str:
    """ "does" for a clause told in the present ("raises rates"), else "did"."""
    tokens = clause.split()
    present = any(verb_base(word, "VBZ") for word in tokens)
    return "does" if present and not any(verb_base(word, "VBD") for word in tokens) else "did"


_TRAILING_POINT = Guarded(
    lazy_regex(
        r",\s+(?:(?P<led>leading\s+to|resulting\s+in)|(?:particularly|especially|notably|mainly"
        r"|chiefly)\s+(?:in|on|for|through|among|from))\s+(?P<what>[^,;:()\u2013\u2014]+?)\.?$"
    )
)


def trailing_point(sentence: str) -> list[Question]:
    """ "Russia reevaluated its priorities, leading to a temporary cooling of relations" ->
    "Russia reevaluated its priorities. What did this lead to?"; "... sought to deepen its
    cooperation, particularly in energy and infrastructure": the field it singles out hidden.
    Asked where nothing else in the sentence is."""
    match = _TRAILING_POINT.search(sentence)
    before = sentence[: match.start()].strip() if match else ""
    if not match or len(words(before)) < MIN_CONTENT_WORDS:
        return []
    what = match["what"].strip()
    if not 2 <= len(words(what)) <= MAX_ANSWER_WORDS or what.split()[0].casefold() in PRONOUNS:
        return []
    if match["led"]:
        verb = "lead to" if match["led"].startswith("leading") else "result in"
        front = f"{capital(before)}. What {_tense_aux(before)} this {verb}?"
        return [Question(front, capital(what), Shape.IDENTITY, 9.0)]
    return [Question(sentence, what, Shape.IDENTITY, 9.0, hidden=what)]


_REQUIRED = lazy_regex(
    r"^(?P<subject>[^,;:()]{3,60}?)\s+(?P<modal>must|should)\s+"
    r"(?P<neg>not\s+)?be\s+(?P<what>[^;]+?)(?:\s+[-\u2013\u2014]\s+.*)?\.?$",
    re.I,
)


def required(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Consideration must be sufficient but need not be adequate" -> "What must consideration
    be?": what a rule requires of its subject, where no deletion makes a card."""
    match = _REQUIRED.match(sentence.strip())
    if not match:
        return []
    subject = match["subject"].split()
    if not good_subject(subject) or subject[0].casefold() in _POINTERS:
        return []
    what = re.split(r",?\s+(?:or|otherwise|else)\s+(?:the|it|you|this)\b", match["what"])[0].strip()
    if not 1 <= len(words(what)) <= MAX_ANSWER_WORDS or what.split()[0].casefold() in PRONOUNS:
        return []
    modal = match["modal"].casefold()
    negated = " not" if match["neg"] else ""
    front = finish_question(f"What {modal} {' '.join(lower_first(subject, names))}{negated} be")
    return [Question(front, capital(what), Shape.IDENTITY, 10.2)]


_USED_FOR = lazy_regex(
    r"^(?P<subject>[^-\u2013\u2014,;:()]{2,60}?)\s+(?P<be>is|are|was|were)\s+"
    r"(?:(?:mainly|mostly|often|usually|also|widely|commonly)\s+)?"
    r"(?P<verb>needed|used|required)\s+(?P<prep>for|in)\s+(?P<what>[^;:]+?)\.?$",
    re.I,
)


_PART_OF = frozenset(["some", "most", "much", "many", "part", "few", "several", "any"])


def used_for(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Phosphate is needed for ATP, DNA and phospholipids" -> "What is phosphate needed
    for?": what a thing serves, where its subject names it."""
    match = _USED_FOR.match(sentence.strip())
    if not match:
        return []
    subject = match["subject"].split()
    # ("Nitrates are used ...": a plural noun the dictionary also knows as a verb's "-s" form,
    # a subject all the same before its "are")
    if not (good_subject(subject) or good_subject(["The", *subject])):
        return []
    if subject[0].casefold() in _PART_OF:
        return []  # "Some glucose is used in respiration": only part of it, the rest elsewhere
    what = _answer(match["what"])
    if not words(what) or what.split()[0].casefold() in (*PRONOUNS, "this", "that", "these"):
        return []
    shown = subject_phrase(subject, names)
    be, verb, prep = (match[part].casefold() for part in ("be", "verb", "prep"))
    front = finish_question(f"What {be} {shown} {verb} {prep}")
    return [Question(front, capital(what), Shape.RELATION, 10.4)]


# "Insulin is produced by the pancreas", "Treaties must be ratified by the Senate": a thing,
# what is done to it, and by whom
_PASSIVE_DOER = Guarded(
    lazy_regex(
        r"^(?P<subject>[^,;:()]{3,60}?)\s+(?P<be>is|are|was|were|(?:can|must|may|will)\s+be)"
        r"\s+(?:(?:mainly|mostly|usually|often|largely|normally|also)\s+)?"
        r"(?P<done>[a-z]{3,})\s+by\s+(?P<agent>(?!\w+ing\b)[^,;:()]{2,60}?)"
        r"\s*(?:[.,;(]|\s(?:in|at|on|during|when|where|after|before|for|from|with|as|because|so"
        r"|and|but|which|who|to|into|until|since)\s|$)",
    )
)
MAX_AGENT_WORDS = 5
_CLAUSE_STOP = lazy_regex(r"\s*(?:[,;:(]|\.(?:\s|$)|\s[-\u2013\u2014]+\s)")
# What a passive's "by" may open that is no doer: "by far", "by law", "by hand"
_SOME = frozenset(["other", "others", "such", "certain", "both", "all", "each"])
_NOT_DOERS = frozenset(["far", "law", "hand", "means", "way", "then", "now", "default", "chance"])


def _whole_subject(text: str) -> list[str]:
    """The words of a subject a question can be asked of as a whole, else none: "Some powers are
    shared by both houses", "Some glucose is stored in the liver" say of only part of it."""
    subject = text.split()
    if not good_subject(subject) or len(subject) > MAX_SUBJECT_WORDS:
        return []
    return [] if subject[0].casefold() in _PART_OF | _SOME else subject


def doer_asked(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Insulin is produced by the pancreas" -> "What produces insulin? :: The pancreas";
    "The Treaty was signed by Germany" -> "Who signed the Treaty?": a passive sentence's doer,
    asked by the deed done to its subject (asked only where nothing else in the sentence makes
    a card)."""
    match = _PASSIVE_DOER.search(sentence.strip())
    if not match:
        return []
    subject = _whole_subject(match["subject"])
    if not subject:
        return []
    base = participle_base(match["done"])
    agent = match["agent"].strip()
    first = agent.split()[0]
    if base is None or len(words(agent)) > MAX_AGENT_WORDS or first.casefold() in _NOT_DOERS:
        return []
    if first.casefold() in PRONOUNS or not all(is_noun_phrase_word(word) for word in agent.split()):
        return []  # "by them", "by increasing ...": no doer named
    after = sentence.strip()[match.end("agent") :]
    if (
        after.split()
        and after.split()[0].casefold() in PREPOSITIONS
        and any(verb_base(word.casefold(), "VBG") for word in agent.split()[1:])
    ):
        # "by warnings or discouraging people [from taking the risk]": a deed goes on to what
        # it is done for; the means is asked whole, never cut before its phrase
        agent = f"{agent} {_CLAUSE_STOP.split(after.strip(), maxsplit=1)[0].strip()}"
        if len(words(agent)) > MAX_ANSWER_WORDS:
            return []
    # (asked in the passive: "by" gives a doer or a means, "by fractional distillation")
    be = match["be"].casefold().split()
    named = first[:1].isupper() and first.casefold() not in ("the", "a", "an")
    person = agent.split()[-1].casefold().removesuffix("s") in _PERSON_NOUNS
    who = "Who" if person or (named and first.casefold() in names) else "What"
    done = " ".join([*be[1:], match["done"]])
    front = finish_question(f"{who} {be[0]} {subject_phrase(subject, names)} {done} by")
    return [Question(front, capital(agent), Shape.LAST_RESORT, 10.2)]


# "Red blood cells are produced in the bone marrow", "Photosynthesis takes place in the
# chloroplasts": a thing and where it is made, kept or happens
_DONE_WHERE = Guarded(
    lazy_regex(
        r"^(?P<subject>[^,;:()]{3,60}?)\s+(?:(?P<be>is|are|was|were)\s+"
        r"(?:(?:mainly|mostly|usually|normally|only|also|largely)\s+)?(?P<done>found|located"
        r"|situated|made|produced|stored|formed|synthesi[sz]ed|secreted|absorbed|reabsorbed"
        r"|digested|filtered|held|kept|born|buried|built|grown|mined|manufactured|housed"
        r"|concentrated|generated)"
        r"|(?P<verb>takes\s+place|take\s+place|took\s+place|occurs|occur|occurred))"
        r"\s+(?P<where>(?:in|inside|within|on|at)\s+[^,;:()]{3,60}?)\s*(?:[.,;(]|\s(?:and|but"
        r"|which|where|when|because|so|to|by|during|from)\s|$)",
    )
)
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
# Where no place is meant: "in 1919", "in June", "in response", "in order to"
_NO_PLACE = lazy_regex(
    rf"\d|\b(?:{_MONTHS})\b|\b(?:times?|years?|order|response|addition|contrast|general|fact"
    r"|practice|theory|terms?|part|total|case|way|future|past|stages?|seconds?|minutes?|hours?"
    r"|days?|weeks?|months?|summer|winter|spring|autumn|turn|return|advance|full|pairs?|series"
    r"|parallel|excess|large|small|bulk|amounts?|quantities|numbers?)\b",
    re.I,
)


_PLACE_OPENERS = frozenset(["the", "a", "an", "its", "their", "each", "every", "both"])


def where_done(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Red blood cells are produced in the bone marrow" -> "Where are red blood cells
    produced? :: In the bone marrow"; "Photosynthesis takes place in the chloroplasts" ->
    "Where does photosynthesis take place?": where a thing is made, kept or happens (asked only
    where nothing else in the sentence makes a card)."""
    match = _DONE_WHERE.search(sentence.strip())
    if not match:
        return []
    subject = _whole_subject(match["subject"])
    if not subject:
        return []
    where = match["where"].strip()
    place = where.split()[1:]
    if _NO_PLACE.search(where) or len(words(where)) > MAX_AGENT_WORDS + 1:
        return []
    if place[0].casefold() in PRONOUNS or not all(is_noun_phrase_word(word) for word in place):
        return []
    if place[0].casefold() not in _PLACE_OPENERS and not place[0][:1].isupper():
        return []  # "Data is stored in binary": a form, no place (but "in the liver")
    shown = subject_phrase(subject, names)
    if match["be"]:
        front = f"Where {match['be'].casefold()} {shown} {match['done'].casefold()}"
    else:
        verb = match["verb"].casefold().split()[0]
        aux = "did" if verb in ("took", "occurred") else "does"
        if verb in ("take", "occur"):
            aux = "do"
        base = "take place" if verb.startswith(("take", "took")) else "occur"
        front = f"Where {aux} {shown} {base}"
    return [Question(finish_question(front), capital(where), Shape.LAST_RESORT, 10.2)]


# Verbs whose subject is no thing the rest of the sentence tells apart: "studies show ...",
# "it remains ...", "most people feel ..."
_SAYING_VERBS = _LIGHT_VERBS | STANCE_VERBS | frozenset(
    ["show", "suggest", "mean", "say", "state", "find", "remain", "appear", "feel", "look",
     "tend", "need", "want", "try", "use", "include", "involve", "contain", "follow", "lead"]
)  # fmt: skip
MAX_DOER_WORDS = 4
_HEDGES = frozenset(["almost", "only", "also", "already", "just", "often", "usually"])
# What opens no object or place after a verb: a conjunction, a pronoun, "that", "to", "not"
_NO_OBJECT = frozenset(
    ["that", "to", "not", "and", "or", "but", "if", "when", "because", "so", "as", "than",
     "it", "them", "him", "her", "us", "you", "me", "this", "these", "those", "itself"]
)  # fmt: skip
# Where a sentence's first clause ends: ", ", " - ", "->", ";"
_CLAUSE_BREAK = lazy_regex(rf"\s*(?:[,;(]|\s[-\u2013\u2014]+\s|{ARROW})")


def is_named_or_noun(word: str) -> bool:
    return word[:1].isupper() or can_be(word, "NOUN")


def _plural_doer(tokens: list[str]) -> Clause | None:
    """ "Judges interpret the law", "The kidneys filter urea from the blood": a plural noun, then
    a verb in its plain form, then what it does it to (where the noun could be no verb itself,
    "The heart pumps blood" being no "pumps" that "blood")."""
    for index in range(1, min(len(tokens) - 1, MAX_DOER_WORDS + 1)):
        noun, verb, after = tokens[index - 1], tokens[index], tokens[index + 1].casefold()
        if not noun.endswith("s") or noun.endswith("ss") or not can_be(noun, "NOUN"):
            continue
        if verb_base(noun, "VBZ") and (index > 1 or set(lemmas(verb)) != {"VERB"}):
            return None  # "Uses discount factors", "Shifts supply curve left": a verb first
        plain = verb.islower() and verb in lemmas(verb).get("VERB", ()) and not is_stopword(verb)
        opens = after in _DETERMINERS or after in PARTICLES
        opens = opens or (can_be(after, "NOUN") and not is_stopword(after))  # not "where"
        if plain and opens and all(is_noun_phrase_word(word) for word in tokens[:index]):
            return Clause(tokens[:index], verb, tokens[index + 1 :], "do", verb)
    return None


def doer_of(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Friction acts against the direction of motion" -> "What acts against the direction of
    motion? :: Friction"; "Inflation distorts comparisons over several years" -> "What
    distorts comparisons over several years?": a plain statement's short subject, asked by
    what it does (asked only where nothing else in the sentence makes a card)."""
    first = _CLAUSE_BREAK.split(sentence.strip().rstrip(" ."), maxsplit=1)[0]
    clause = split_clause(first)
    plural = None if clause else _plural_doer(first.split())
    clause = clause or plural
    # (in the present only: what a thing does as a rule; "Gene carried on ...", "Reichstag
    # elected by ...", notes' passives without their "was", read as pasts)
    if clause is None or clause.aux not in ("does", "do") or not clause.base:
        return []
    subject = clause.subject
    # ("Judges interpret ...": a plural that is also a verb's "-s" form, a subject all the same)
    named = good_subject(subject) or bool(plural and good_subject(["The", *subject]))
    if not named or len(subject) > MAX_DOER_WORDS:
        return []
    lowered = [word.casefold() for word in subject]
    if any(word in _PART_OF | _SOME | _HEDGES for word in lowered) or lowered[-1] in _PEOPLE:
        return []  # "Some plants store ...", "Almost all energy enters ...": no one thing
    if lowered[0] in names or any(word[:1].isupper() for word in subject[1:]):
        return []  # "George tells Lennie ...": a name, asked by its cloze (and "who" or "what")
    if not any(can_be(word, "NOUN") for word in subject):
        return []
    rest = clause.rest
    if clause.base in _SAYING_VERBS or not rest or rest[0].casefold() in _NO_OBJECT:
        return []  # "The reaction happens and ...", "... tells it to ...": nothing done to a thing
    if len(words(" ".join(rest))) < 2 or not any(is_named_or_noun(word) for word in rest):
        return []
    verb = clause.verb
    if clause.aux == "do":
        forms = inflections(clause.base).get("VBZ", ())
        if not forms:
            return []
        verb = forms[0]  # "Plants absorb water" -> "What absorbs water?"
    person = lowered[-1].removesuffix("s") in _PERSON_NOUNS
    who = "Who" if person or all(word in names for word in lowered) else "What"
    front = finish_question(f"{who} {verb.casefold()} {' '.join(rest)}")
    return [Question(front, capital(" ".join(subject)), Shape.LAST_RESORT, 10.0)]


_RELATION_LEAD = lazy_regex(
    r"^(?:(?:first|next|then|also|finally|so|thus|hence|therefore),?\s+)?"
    r"(?:(?:we|you)\s+(?:must|should|need\s+to)\s+)?(?:(?:understand|note|remember|recall)\s+that\s+)?"
    r"(?:[^,]{3,160},\s+which\s+is\s+that\s+)?",
    re.I,
)
# (tried only on a sentence holding one of its ways of linking two quantities)
_RELATION = Guarded(
    lazy_regex(
        r"^(?P<subject>[^,;:]{3,80}?)\s+(?:(?P<be>is|are)\s+(?P<how>(?:(?:directly|inversely)\s+)?"
        r"proportional\s+to|measured\s+(?:by|in)|equal\s+to|determined\s+by|expressed\s+in"
        r"|matched\s+by|offset\s+by|balanced\s+by)"
        r"|(?P<verb>equals|depends\s+on|depend\s+on|varies\s+with|vary\s+with))"
        r"\s+(?P<what>.+)$",
        re.I,
    )
)


def relation(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "The inertia of an object is measured by its mass" -> "What is the inertia of an
    object measured by?"; "Linear momentum equals mass times velocity" -> "What does linear
    momentum equal?"; "... is inversely proportional to ...", "... depends on ..." alike."""
    if not _RELATION.could_match(sentence):
        return []
    text = _RELATION_LEAD.sub("", sentence.strip(), count=1).rstrip(" .")
    match = _RELATION.compiled.match(capital(text))
    if not match:
        return []
    subject = match["subject"].split()
    if not good_subject(subject) or len(subject) > MAX_SUBJECT_WORDS + 2:
        return []
    what = re.split(
        r",\s+(?:meaning|which|so|as|because|since|while|whereas|and)\b", match["what"]
    )[0]
    what = re.sub(r"\s*\([^()]*\)\s*\.?\s*$", "", what)  # "(the inverse square law)": its name
    if re.search(r"\bproportional\b|\bdepends?\s+on\b", what, re.I):
        return []  # "proportional to the charges and inversely proportional to ...": two asked
    answer = _answer(what)
    if len(words(answer)) < 1 or len(words(answer)) > MAX_ANSWER_WORDS:
        return []
    if answer.split()[0].casefold() in PRONOUNS - {"its", "their", "his", "her"}:
        return []
    named = subject_phrase(subject, names)
    if match["be"]:
        front = f"What {match['be'].casefold()} {named} {match['how'].casefold()}"
    else:
        verb = match["verb"].casefold().split()
        base = verb_base(verb[0], "VBZ") or verb[0]
        aux = "do" if _plural(subject) or verb[0] in ("depend", "vary") else "does"
        front = f"What {aux} {named} {' '.join([base, *verb[1:]])}"
    return [Question(finish_question(front), answer, Shape.RELATION, 10.6)]


def good_subject(subject: list[str]) -> bool:
    """A noun phrase that opens its sentence and names its own thing: not a fragment ("valuable
    in helping"), not a pointer back ("this partnership"), not a fronted phrase ("In 2022, the
    US")."""
    if not subject or len(subject) > MAX_DESCRIBED_SUBJECT_WORDS:
        return False
    if not (subject[0][:1].isupper() or subject[0][:1].isdigit()):
        return False
    lowered = [word.casefold().strip(",;:") for word in subject]
    if lowered[0] in PRONOUNS or lowered[0] in PREPOSITIONS or lowered[-1] in ("and", "or"):
        return False
    if any(word in _POINTERS for word in lowered) or any(word[-1:] in ",;:" for word in subject):
        return False
    if subject[0].islower() or (lowered[0].isalpha() and verb_base(lowered[0], "VBZ")):
        return False
    if len(lowered) > 1 and lowered[1] in PREPOSITIONS and participle_base(lowered[0]):
        return False  # "Used in embedded systems ...": a participle's phrase, no subject
    return all(is_noun_phrase_word(word) for word in subject) and not all(
        is_stopword(word.casefold()) for word in subject
    )


_SECOND_ACTION = lazy_regex(r"(?P<comma>,?)\s+and\s+(?P<verb>[a-z]+)\s+(?:the|a|an|[A-Z]|\w+s\b)")


def second_action(text: str) -> re.Match[str] | None:
    """Where an object's clause goes on to a second thing its subject did: "the division of
    Korea [and allowed the Soviet Union ...]", "overflights ...[, and grants warships ...]"."""
    second = _SECOND_ACTION.search(text)
    if second is None:
        return None
    past = verb_base(second["verb"], "VBD") and not can_be(second["verb"], "ADJ")
    # ", and grants warships access": after a comma a present verb goes on to a second action
    present = second["comma"] and verb_base(second["verb"], "VBZ")
    return second if past or present else None


# A part after a dash that says what the part before it led to
_LEADING_ON = lazy_regex(
    r"(?:leading\s+to|resulting\s+in|bringing\s+about|causing|forcing)\s", re.I
)


def _answer(text: str) -> str:
    """The clause as an answer: its dash-separated parts while twelve words hold them."""
    whole = text.strip().rstrip(" .;,")
    text = re.split(
        r",\s+(?:which|who|where|while|whereas|so)\b|\s+by\s+\w+ing\b", text, maxsplit=1
    )[0]
    second = second_action(text)
    if second:
        text = text[: second.start()]  # "the division of Korea [and allowed the Soviet ...]"
    parts = [part.strip(" .;,") for part in DASH.split(text.strip()) if part.strip(" .;,")]
    if not parts:
        return ""
    answer = parts[0]
    for part in parts[1:]:
        # ("North Korea would be defeated - leading to an invasion of China": what it led to
        # stays joined to it by the notes' dash, one chain of cause and effect, not two items)
        joint = " - " if _LEADING_ON.match(part) else "; "
        longer = f"{answer}{joint}{part}"
        if len(longer.split()) > MAX_ANSWER_WORDS:
            break
        answer = longer
    if len(answer.split()) > MAX_ANSWER_WORDS:
        return ""
    last = answer.split()[-1].casefold()
    cut = len(answer.split()) < len(whole.split())
    if cut and (is_verb_form(last) or last in PREPOSITIONS or is_stopword(last)):
        return ""  # "a series of transformations influenced [by ...]": cut mid-phrase
    return capital(answer)


_NAMED_WHEN = lazy_regex(
    r"^(?P<when>when|whenever|if)\s+(?P<condition>[^,]{8,}?),\s*(?:then\s+)?(?:it|this)"
    r"(?:\s+is|\s+was|['\u2019]s)\s+(?:often\s+|sometimes\s+|also\s+)?(?:referred\s+to\s+as|called|known\s+as"
    r"|termed)\s+(?P<term>[^,;]{2,60}?)\.?$",
    re.I,
)


def naming(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "When the currency is allowed to float free from the central bank, then it is referred
    to as a clean float" -> "What is it called when the currency is allowed to float free from
    the central bank?" :: "A clean float" """
    match = _NAMED_WHEN.match(sentence.strip())
    if not match:
        return _process_named(sentence, names)
    condition = re.sub(r"\s*\([^)]*\)", "", match["condition"]).strip()
    term = match["term"].strip()
    if len(term.split()) > MAX_SUBJECT_WORDS or len(words(condition)) > MAX_ANSWER_WORDS + 8:
        return []
    when = match["when"].casefold()
    front = finish_question(f"What is it called {when} {condition}")
    return [Question(front, capital(term), Shape.DEFINITION, 11.8)]


# "The denser oceanic plate sinks beneath the continental plate in a process called subduction"
_PROCESS_CALLED = lazy_regex(
    r"^(?P<clause>[A-Z][^;:()]{10,}?),?\s+(?P<by>in|by|through)\s+an?\s+"
    r"(?P<kind>process|reaction|mechanism|method|technique)\s+(?:called|known\s+as|termed)\s+"
    r"(?P<term>[^,;:()]{2,40}?)\.?$"
)


def _process_named(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "... sinks beneath the continental plate in a process called subduction" -> "What is
    the process called in which the denser oceanic plate sinks beneath ...?" :: "Subduction" """
    match = _PROCESS_CALLED.match(sentence.strip())
    if not match or len(match["term"].split()) > MAX_SUBJECT_WORDS:
        return []
    clause = match["clause"].split()
    if clause[0].casefold() in PRONOUNS or not any(map(_finite, clause[:-1], clause[1:])):
        return []  # "It happens in a process called ...": the thing is named elsewhere; (and
        # "Formation of new crust in a process called ..." says nothing happens)
    # "At a destructive boundary the denser ... sinks": where it happens leads the question
    fronted = _FRONTED_PLACE.match(match["clause"])
    where, said = (f"{fronted['front']}, w", fronted["main"]) if fronted else ("W", match["clause"])
    done = " ".join(lower_first(said.split(), names))
    front = finish_question(f"{where}hat is the {match['kind']} called {match['by']} which {done}")
    return [Question(front, capital(match["term"]), Shape.DEFINITION, 11.8)]


_FRONTED_PLACE = lazy_regex(
    rf"^(?P<front>(?:{FRONTING_WORDS})\s[^,]{{2,60}}?)(?:,\s*|\s+(?=(?:the|an?)\s))(?P<main>.+)$",
    re.I,
)


def _finite(before: str, word: str) -> bool:
    """ "sinks", "moved", "is", or "make" after "Plants": a verb a clause turns on."""
    token = word.casefold()
    if token in MAIN_VERBS or token in MODALS or token in IRREGULAR_PAST:
        return True
    if verb_base(token, "VBZ") or verb_base(token, "VBD"):
        # ("plate sinks" is a noun and its verb; "crust forms" after a plural may be a noun)
        return "NOUN" not in lemmas(token) or not before.casefold().endswith("s")
    # "make" after "Plants": a plural subject's verb
    return "VERB" in lemmas(token) and before.casefold().endswith("s") and before[:1].isupper()


_MARKED_BY = lazy_regex(
    r"^(?P<thing>[^,;:]{3,80}?)\s+(?P<be>was|were|is|are)\s+(?:largely\s+|mainly\s+)?"
    r"(?P<verb>characteri[sz]ed|marked|dominated|defined)\s+by\s+(?P<what>.+)$",
    re.I,
)


def marked_by(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "The fourth period (1965-72) was characterized by renewed Soviet assistance and a drop
    in Chinese assistance" -> "What was the fourth period (1965-72) characterized by?" """
    match = _MARKED_BY.match(sentence.strip().rstrip("."))
    if not match or not good_subject(re.sub(r"\([^)]*\)", "", match["thing"]).split()):
        return []
    answer = _answer(match["what"])
    if len(words(answer)) < MIN_CONTENT_WORDS:
        return []
    thing = " ".join(lower_first(match["thing"].split(), names))
    front = finish_question(f"What {match['be'].casefold()} {thing} {match['verb']} by")
    return [Question(front, answer, Shape.WHY, 11.0)]


_COMPARED = lazy_regex(
    r"^(?P<x>[^,;:()]{2,50}?)\s+(?P<verb>is|are|was|were|allows?|gives?|has|have|uses?|needs?"
    r"|requires?|produces?|costs?|causes?|takes?)\s+(?P<how>(?:much\s+|far\s+)?(?:more|less|fewer"
    r"|greater|higher|lower|better|worse|[a-z]{3,}er)(?:\s+[a-z-]+){0,3}?)\s+than\s+"
    r"(?P<z>[^,;()]{2,50}?)\.?$"
)


_OPEN_QUOTE = '"\u201c'
_CLOSE_QUOTE = '"\u201d'
# "Lady Macbeth", "Curley's wife": a name, or whose someone is
_SPEAKER = (
    r"(?P<who>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}"
    r"|[A-Z][\w.-]*['\u2019]s\s+[a-z]+)"
)


def _reference(name: str) -> str:
    """ "Act 1 Scene 7", "Act 2 Sc 2", "1.5", "2.2.45", "Ch2", "Stave 1", "p. 23": where a line
    is said, as group `name`."""
    return (
        rf"(?P<{name}>(?:Act\s+\d+(?:,?\s+(?:Scene|Sc\.?)\s+\d+)?|\d+\.\d+(?:\.\d+)?"
        r"|(?:Ch\.?|Chapter|Chap\.?|Stave|Book|Canto)\s?\d+|pp?\.\s?\d+)(?:\s*/\s*\d+\.\d+)?)"
    )


_WHERE_GROUPS = ("where", "where_after", "where_bracketed")
# Where a line is said, in brackets after it: '"O, what a noble mind ...!" (3.1)'
PLACE = lazy_regex(rf"\({_reference('place')}\)")
_QUOTED = rf"[{_OPEN_QUOTE}](?P<quote>[^{_OPEN_QUOTE}{_CLOSE_QUOTE}]{{6,240}})[{_CLOSE_QUOTE}]"
# What may follow the speaker: more about the line (", after ...", " -> shows ...", an aside
# "(to Crooks)") or nothing.
_AFTER_SPEAKER = r"(?=\s*(?:,|[-\u2013\u2014>\u2192]|\([^()]{1,60}\))|\s*$)"
# '"Out, damned spot!" - Lady Macbeth, 5.1, ...', '"A plague ..." (3.1) - Mercutio -> ...',
# 'Duncan: "There's no art ..." (1.4)', 'Tybalt - "peace? I hate the word" (1.1)'
_SAID_BY = lazy_regex(
    rf"^{_QUOTED}(?:\s*\({_reference('where')}\))?\s*[-\u2013\u2014]\s*{_SPEAKER}"
    rf"(?:,\s*{_reference('where_after')}|\s*\({_reference('where_bracketed')}\))?{_AFTER_SPEAKER}"
)
_SPEAKER_SAID = lazy_regex(
    rf"^{_SPEAKER}(?::|(?P<dash>\s[-\u2013\u2014]))\s*{_QUOTED}(?:\s*\({_reference('where')}\))?"
)
# '"Stars, hide your fires" (1.4) Macbeth', '"Unnatural deeds ..." (5.1) the Doctor', '"..." (1.3)
# Third Witch to Banquo -> ...': where the line is said, then who says it, no mark between; the
# bracket may carry a note on the reference ("(5.8 - some eds 5.9)")
_PLACED_SPEAKER = lazy_regex(
    rf"^{_QUOTED}\s*\({_reference('where')}(?:\s+[-\u2013\u2014]\s+[^()]{{1,30}})?\)"
    rf"\s*(?:the\s+)?{_SPEAKER}(?:{_AFTER_SPEAKER}|(?=\s+(?:to|about|on|addressing)\s+\S))"
)
# '"Is this a dagger ..." (Macbeth, 2.1)': who says it and where, in one bracket after it
_BRACKETED_SPEAKER = lazy_regex(
    rf"^{_QUOTED}\s*\(\s*(?:the\s+)?{_SPEAKER}\s*,\s*{_reference('where')}\s*\){_AFTER_SPEAKER}"
)
# 'Macbeth (2.1): "Is this a dagger ..."': who says it and where, then the line
_PLACED_SPEAKER_SAID = lazy_regex(rf"^{_SPEAKER}\s*\({_reference('where')}\)\s*:\s*{_QUOTED}")
# "'Is this a dagger ...' (2.1) Macbeth": a quotation in single marks, which its own
# apostrophes ("o'erleaps") do not close; it ends where a bracket or a dash follows
_SINGLE_QUOTED = lazy_regex(
    r"^['\u2018](?P<quote>[^\s'\u2018\u2019].{4,238}?[^\s'\u2019])['\u2019]"
    r"(?=\s*(?:\(|[-\u2013\u2014]\s|$))"
)
MAX_QUOTE_WORDS = 24  # a quotation asked whole, its prompt within thirty words


WHO_SAYS = "Who says "


def quotation(sentence: str) -> list[Question]:
    """'"Out, damned spot! out, I say!" - Lady Macbeth, 5.1, the sleepwalking scene' -> 'Who
    says "Out, damned spot! out, I say!" (5.1)?' :: "Lady Macbeth": a quotation asks who said
    it, never a word hidden inside it."""
    match = _quoted_speaker(sentence)
    if not match:
        # '"When they can me here I wisht somebody'd shoot me" -> fear of being useless': a
        # line with no speaker named, under the one the notes are about, and what it shows
        bare = _BARE_QUOTED.match(sentence.strip())
        done = _DONE_COMMENT.match(bare["rest"]) if bare else None
        if not bare or (done and verb_base(done["verb"], "VBD")):
            return []  # ('"..." -> overturned Plessy': what a ruling did, not what it shows)
        shown = what_it_shows(bare["quote"].strip(), "", bare["where"] or "", bare["rest"])
        return [Question(*shown, Shape.WHO, 12.0)] if shown else []
    if len(words(match["quote"])) > MAX_QUOTE_WORDS:
        return []
    said = _said_where(match)
    where = f" ({said})" if said else ""
    front = f'{WHO_SAYS}"{match["quote"].strip()}"{where}?'
    found = [Question(front, match["who"], Shape.WHO, 12.6)]
    after = sentence.strip().rstrip(".")[match.end() :]
    addressed = _ADDRESSED.match(after)  # '... (1.3) Third Witch to Banquo -> ...'
    after = after[addressed.end() :] if addressed else after
    # '"girls of that class" - Mrs Birling, Act 2 -> dehumanises Eva = ...': what it shows, up
    # to the next remark on a line of its own ("= direct address", ">> key quote")
    shown = what_it_shows(match["quote"].strip(), match["who"], said, _NEXT_REMARK.split(after)[0])
    if shown:
        found.append(Question(*shown, Shape.WHO, 12.0, beside=True))
    occasion = _OCCASION.match(after)
    if occasion and len(match["quote"].split()) <= MAX_ANSWER_WORDS:  # counted as the reader sees
        # '... - Macbeth, 1.4, after Malcolm is named Prince of Cumberland': what he says then
        when = occasion["when"]
        when = f"in {when}" if when.casefold().startswith("the ") else when  # "the ... scene"
        asked = f"What does {match['who']} say {when}{where}?"
        found.append(Question(asked, f'"{match["quote"].strip()}"', Shape.WHO, 12.0, beside=True))
    return found


# '"..." (ch4) -> ...': a quotation that opens its line, where it comes from, then the rest
_BARE_QUOTED = lazy_regex(rf"^{_QUOTED}\s*(?:\((?P<where>[^()]{{1,30}})\))?(?P<rest>.*)$")
_DONE_COMMENT = lazy_regex(rf"^\s*{ARROW}\s*(?P<verb>[a-z]+ed)\b")
# Whom a line is said to or about, after its speaker: " to Banquo's ghost", " about Macbeth"
_ADDRESSED = lazy_regex(
    r"^\s+(?:to|about|on|addressing)\s+[^,;()\"\u2013\u2014>\u2192]{1,40}?"
    rf"(?=\s*(?:{ARROW}|[-\u2013\u2014]\s|$))"
)
# A comment on a quotation: "-> shows his love is impulsive", "-> collective responsibility"
_COMMENT = lazy_regex(
    rf"^\s*{ARROW}\s*(?:(?:it\s+)?(?:shows|suggests|reveals)\s+(?:that\s+)?)?", re.I
)
_NEXT_REMARK = lazy_regex(rf"\s+=\s+|\s*>>|(?<=\S)\s*{ARROW}")
MAX_SHOWN_QUOTE_WORDS = 14


def what_it_shows(quote: str, who: str, where: str, comment: str) -> tuple[str, str] | None:
    """A comment on a quotation ("-> shows his love is impulsive") is what the line shows:
    'What does "Did my heart love till now? ..." (Romeo, 1.5) show?'."""
    opened = _COMMENT.match(comment)
    if not opened or any(map(_WHEN_SAID.match, comment[opened.end() :].split(", "))):
        return None  # "-> aside, just after hearing ...": when it is said, not what it shows
    # (up to the end of the comment's first sentence: "final judgement. but is it fair?")
    answer = re.split(r";\s+|(?<=\w)[.!?]\s+", comment[opened.end() :], maxsplit=1)[0].strip(" .")
    if not 2 <= len(words(answer)) <= MAX_ANSWER_WORDS or len(words(quote)) > MAX_SHOWN_QUOTE_WORDS:
        return None
    if answer.endswith("?") or answer[:1] in _OPEN_QUOTE:
        return None  # "-> hallucination or supernatural?", '-> "take my milk for gall"': no
        # answer, another line
    by = ", ".join(part for part in (who, where) if part)
    shown = f'"{quote}" ({by})' if by else f'"{quote}"'
    return f"What does {shown} show?", capital(answer)


# "after hearing ...", "just before the murder": a comment that says when a line is said
_WHEN_SAID = lazy_regex(r"(?:just\s+|right\s+|immediately\s+)?(?:after|before|when|while)\b", re.I)

# "= hyperbole. blood = guilt motif", "= chant, rhyme, rhythm -> spell": a note on the quotation
# above, opened on "=", that names what the line is an example of before its first stop
NOTE_ON_ABOVE = lazy_regex(r"^\s*=\s+(?=\S)")
_NOTE_STOP = lazy_regex(rf"\s*(?:[.;:()?!]|\s[-\u2013\u2014]\s|{ARROW}|\s=\s)")
MAX_DEVICE_WORDS = 4


def example_of(quote: str, who: str, where: str, note: str) -> tuple[str, str] | None:
    """ "= hyperbole. blood = guilt motif" under '"Will all great Neptune's ocean wash this
    blood / Clean from my hand?" (2.2) Macbeth' -> 'What is "Will all ..." (Macbeth, 2.2) an
    example of?' :: "Hyperbole"; None where the note says more than a name ("= rhyming couplet
    makes it sound like a spell")."""
    opened = NOTE_ON_ABOVE.match(note)
    if not opened or len(words(quote)) > MAX_SHOWN_QUOTE_WORDS:
        return None
    named = _NOTE_STOP.split(note[opened.end() :], maxsplit=1)[0].strip(" ,")
    tokens = words(named)
    if not 1 <= len(tokens) <= MAX_DEVICE_WORDS or any(
        is_verb_form(token) and not token.casefold().endswith("ing") for token in tokens
    ):
        return None
    by = f"{who}, {where}" if where else who
    return f'What is "{quote}" ({by}) an example of?', capital(named)


# The moment a quotation is said: ", after Malcolm is named ...", ", just after the murder".
_OCCASION = lazy_regex(
    r"^,\s*(?P<when>(?:just\s+|right\s+)?(?:after|before|when|while|as|on\s+hearing|in\s+the)"
    r"\s+[^,;()\"]{3,60}|the\s+[\w' -]{3,40}\bscene)$",
    re.I,
)


def speaker(sentence: str) -> str:
    """Who a quotation line names as its speaker, or ""."""
    match = _quoted_speaker(sentence)
    return match["who"] if match else ""


def several_speakers(names: set[str]) -> bool:
    """Notes that quote more than one speaker make "Who says ...?" a question even when its
    answer is the person the notes are named after (Macbeth in notes on Macbeth)."""
    return len({normalise(name) for name in names if name}) >= 2


def _quoted_speaker(sentence: str) -> re.Match[str] | None:
    text = sentence.strip().rstrip(".")
    single = _SINGLE_QUOTED.match(text)
    if single and '"' not in single["quote"]:  # (marks of the same length: the places hold)
        text = f'"{single["quote"]}"{text[single.end() :]}'
    match = (
        _SAID_BY.match(text)
        or _SPEAKER_SAID.match(text)
        or _PLACED_SPEAKER.match(text)
        or _BRACKETED_SPEAKER.match(text)
        or _PLACED_SPEAKER_SAID.match(text)
    )
    if not match:
        return None
    first, last = match["who"].split()[0].casefold(), match["who"].split()[-1].casefold()
    if match.groupdict().get("dash") and (lemmas(last) or text[match.end() :].startswith(":")):
        # 'Fate - "star-crossed lovers" (Prologue)': a theme, then its quotation;
        # 'Williams - "Jim and the Indians": ...': a thought experiment he named
        return None
    if first in PRONOUNS or first in _DETERMINERS or (lemmas(last) and not _said_where(match)):
        return None  # "Reply: ...", "- this shows ...": no one named as the speaker (but
        # '"..." - Hamlet, 1.5' is: a word of the dictionary with the scene it is said in)
    return match


def quoted_line(sentence: str) -> tuple[str, str, str] | None:
    """The quotation a line gives, its speaker and where it is said ("" where not given)."""
    match = _quoted_speaker(sentence)
    return (match["quote"].strip(), match["who"], _said_where(match)) if match else None


def _said_where(match: re.Match[str]) -> str:
    groups = match.groupdict()
    return next((groups[name] for name in _WHERE_GROUPS if groups.get(name)), "")


_INCLUDING = lazy_regex(r",\s+(?:including|such\s+as)\s+", re.I)
MAX_KIND_WORDS = 4  # "major weapons systems": the kind its examples are of


def examples(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "The Soviet Union supplied North Korea with major weapons systems, including late-model
    jet aircraft, SA-2D, SA-3, and SA-5 SAM systems, and significant support equipment" ->
    "What major weapons systems did the Soviet Union supply North Korea with?" """
    parts = _INCLUDING.split(sentence.strip().rstrip(" ."), maxsplit=1)
    if len(parts) != 2:
        return []
    before, after = parts
    clause = split_clause(before)
    if clause is None or not clause.base or not good_subject(clause.subject):
        return []
    rest = clause.rest
    at = max((i for i, word in enumerate(rest) if word.casefold() in PREPOSITIONS), default=-1)
    kind = rest[at + 1 :]
    if not 1 <= len(kind) <= MAX_KIND_WORDS or not kind[-1].casefold().endswith("s"):
        return []  # "examples of X, including ...": one kind, named in the plural
    if (
        not all(word.isalpha() or "-" in word for word in kind)
        or kind[0].casefold() in _DETERMINERS
    ):
        return []
    # ", and significant support equipment": the sentence's own list goes on after the examples.
    listed = after.split(", and ")
    shown = ", and ".join(listed[:-1]) if len(listed) > 2 else after
    items = re.split(r",\s+|\s+and\s+", shown)
    if len(items) < 2 or len(words(shown)) > MAX_ANSWER_WORDS:
        return []
    if re.search(r"[;:()]", shown):
        return []
    done = " ".join([subject_phrase(clause.subject, names), clause.base, *rest[: at + 1]])
    front = finish_question(f"What {' '.join(kind)} {clause.aux} {done}")
    return [Question(front, capital(shown), Shape.WHY, 10.6)]


def comparison(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Avoidance allows more concurrency than prevention" -> "What allows more concurrency
    than prevention?" :: "Avoidance" """
    if "than" not in cue_words(sentence):
        return []
    text = re.split(r"\s+(?:because|since|as|so)\s+|,\s+", sentence.strip(), maxsplit=1)[0]
    match = _COMPARED.match(text.rstrip(" ."))
    if not match:
        return []
    first, second = match["x"].split(), match["z"].split()
    if not good_subject(first) or len(second) > MAX_SUBJECT_WORDS:
        return []
    if second[0].casefold() in PRONOUNS - {"their", "its", "his", "her"} or second[0].isdigit():
        return []  # "more than it did", "more than 20": no second thing to compare with
    how = match["how"].split()
    if how[-1] in ("more", "less") or (how[0].endswith("er") and not can_be(how[0], "ADJ")):
        return []  # "more than ...": nothing compared; "ever", "never": not a comparative
    other = " ".join(lower_first(second, names))
    front = finish_question(f"What {match['verb']} {match['how']} than {other}")
    return [Question(front, capital(match["x"]), Shape.COMPARISON, 11.2)]


def lower_first_char(text: str) -> str:
    """ "What has Russia assumed?" after a lead: "..., what has Russia assumed?" """
    return text[:1].lower() + text[1:]


_OCCURS_WHEN = lazy_regex(
    r"^(?P<thing>[A-Za-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,4}?)\s+"
    r"(?P<verb>happens|happen|occurs|occur|takes\s+place|take\s+place)\s+when\s+(?P<when>\S.+)$"
)
# what follows the condition: what it leads to, an aside, a second clause
_CONDITION_END = lazy_regex(r"\s*(?:->|=>|\u2192|;|\s[-\u2013\u2014]\s|\(|,\s+(?:so|which|and)\s)")


def occurs_when(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Deposition happens when waves lose energy -> sheltered bays" -> "When does deposition
    happen?" :: "When waves lose energy"; "Jet lag occurs when a person crosses time zones
    faster than the body clock can adjust" -> "When does jet lag occur?"."""
    match = _OCCURS_WHEN.match(sentence.strip().rstrip("."))
    if not match:
        return []
    thing = match["thing"].split()
    finite = [w for w in thing[1:] if is_verb_form(w) and not w.casefold().endswith("ing")]
    if thing[0].casefold() in PRONOUNS or finite or "and" in thing:
        return []  # "It happens when ...", "the reaction is fast and happens when ..."
    if len(thing) > 1 and not all(is_noun_phrase_word(word) for word in thing[1:]):
        return []
    when = _CONDITION_END.split(match["when"], maxsplit=1)[0].strip().rstrip(",.")
    if not 2 <= len(words(when)) <= MAX_ANSWER_WORDS:
        return []
    plural = match["verb"] in ("happen", "occur", "take place")
    base = {"happens": "happen", "occurs": "occur"}.get(match["verb"], "take place")
    base = match["verb"] if plural else base
    shown = " ".join(lower_first(thing, names))
    front = finish_question(f"When {'do' if plural else 'does'} {shown} {base}")
    answer = f"when {when}" if len(words(when)) < MAX_ANSWER_WORDS else when
    return [Question(front, capital(answer), Shape.RELATION, 11.0)]


# "Gross profit margin falls if cost of sales rises faster than revenue": a subject, what it does
# (a verb and up to four words after it) and the condition, after "if" or "when"
_DONE_WHEN = lazy_regex(
    r"^(?P<head>[A-Za-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){1,9}?)\s+"
    r"(?P<when>(?:if|when|whenever)\s+\S.+)$"
)
MIN_CONDITION_WORDS = 3  # "when heated" says too little to be asked for
MAX_DONE_WORDS = 4  # "burns with a squeaky pop": what the subject does on the condition
_ASIDE_END = lazy_regex(
    r"\s*(?:->|=>|\u2192|;|:|\s[-\u2013\u2014]\s|\(|,\s+(?:so|which|and|but|e\.g\.|eg|i\.e\.)\s)"
)
# "the year when ...", "in cases where ...": a noun the clause describes, no condition
_TIME_NOUNS = frozenset(
    ["year", "years", "time", "times", "day", "days", "period", "point", "moment", "stage",
     "era", "age", "case", "cases", "situation", "situations", "place", "night", "month"]
)  # fmt: skip
_LINKING = frozenset(["is", "are", "was", "were"])
_YEAR = lazy_regex(r"\b(?:1[0-9]|20)\d\d\b")


def _verb_at(head: list[str], index: int) -> tuple[str, str] | None:
    """The auxiliary and base form when `head[index]` is the finite verb after a subject:
    ("does", "fall") for "falls", ("did", "declare") for "declared", ("do", "rise") for a plural
    subject's "rise", ("is", "") for "is"."""
    word = head[index] if index < len(head) else ""
    if not word.isalpha() or not word.islower():
        return None
    subject = head[:index]
    if word in _LINKING:
        return word, ""
    base = verb_base(word, "VBZ")
    if base:
        return "does", base
    base = verb_base(word, "VBD")
    if base and (word.endswith("ed") or word in IRREGULAR_PAST):
        return "did", base
    # "Prices rise when ...": after a plural noun, a verb's base form is the verb
    plural = is_plural(" ".join(subject)) and "of" not in subject
    if plural and word in lemmas(word).get("VERB", ()):
        return "do", word
    return None


def _names_a_thing(subject: list[str]) -> bool:
    """ "Gross profit margin", "Loss of control": a noun phrase ending on its noun, with no
    preposition but "of" inside it ("Hydrogen burns with a squeaky" is none)."""
    last = subject[-1]
    if any(word.casefold() in PREPOSITIONS - {"of"} for word in subject):
        return False
    if len(subject) > 1 and last[:1].isupper():
        return True  # "the Tsar", "Lloyd George": a name
    if can_be(last, "ADV"):
        return False  # "Glacier still moves ...": the verb comes after its adverb
    return can_be(last, "NOUN") or not lemmas(last.casefold())


def _another_deed(word: str) -> bool:
    """ "stops", "decided": a verb that says a second deed, not a word of the first one's."""
    lower = word.casefold()
    return bool(verb_base(lower, "VBZ")) and not can_be(lower, "NOUN")


def done_when(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Gross profit margin falls if cost of sales rises faster than revenue" -> "When does
    gross profit margin fall?" :: "If cost of sales rises faster than revenue"; "Hydrogen burns
    with a squeaky pop when a lighted splint is held near it" -> "When does hydrogen burn with a
    squeaky pop?"; "ISI is most likely when the situation is ambiguous" -> "When is ISI most
    likely?". A subject that is a plain noun phrase, one verb, and the condition it holds on."""
    match = _DONE_WHEN.match(capital(sentence.strip().rstrip(".!")))
    if not match or occurs_when(sentence, names):
        return []
    head = match["head"].split()
    if head[-1].casefold() in _TIME_NOUNS or head[-1].casefold() in ("only", "even", "except"):
        return []  # "the year when ...", "only if ...": no condition of what the verb does
    for index in range(1, len(head)):
        verb = _verb_at(head, index) if _names_a_thing(head[:index]) else None
        if verb and can_be(head[index], "NOUN") and _verb_at(head, index + 1):
            continue  # "Fixed costs rise", "Pressure groups are": the noun before the verb
        if verb is not None:
            break
    else:
        return []
    subject, done = head[:index], head[index + 1 :]
    aux, base = verb
    if not good_subject(subject) or len(subject) > MAX_SUBJECT_WORDS:
        return []
    if subject[0].casefold() in _DETERMINERS - {"a", "an", "the"}:
        return []  # "Some ...", "Most ...": a claim about part of a kind
    if len(done) > MAX_DONE_WORDS or (not base and not done):
        return []
    if any(word.casefold() in ("and", "or") or _another_deed(word) for word in done):
        return []  # "returns 1 and stops when ...": more than one deed
    if not base and done[0].casefold() in PREPOSITIONS:
        return []  # "is in the nucleus when ...": where it is, not when
    when = _ASIDE_END.split(match["when"], maxsplit=1)[0].strip().rstrip(",.")
    said = [word.casefold() for word in words(when)]
    if any(word in ("i", "you", "your", "we", "us") for word in said):
        return []  # "if you are stuck ...": advice to the reader
    if not MIN_CONDITION_WORDS <= len(said) <= MAX_ANSWER_WORDS:
        return []
    if re.search(r",\s+(?!or\b)", when):
        return []  # "when refracting, speed + wavelength change": a second point run on
    if re.search(r"\d", " ".join(done)) or _YEAR.search(sentence):
        return []  # "peaked in 1923 when ...": its time is given, the clause says more of it
    shown = subject_phrase(subject, names)
    front = finish_question(" ".join(filter(None, ["When", aux, shown, base, *done])))
    return [Question(front, capital(when), Shape.LAST_RESORT, 10.1)]
