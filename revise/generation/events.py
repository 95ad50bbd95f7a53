"""Questions about what happened: how an amount or a relation changed, what a cause does to an
amount, how something ended, what happened in one stage of a sequence, what someone agreed to
do, how someone was brought to act, and by what means something is done.

Each reads one statement and asks for what moved or what was done ("In the fifth period
(1973-84), how did China's support for North Korea change?" :: "Increased steadily"). A
statement these cannot read with confidence gets no question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from revise.formats.model import normalise
from revise.generation.clauses import (
    FRONTED,
    MAX_DESCRIBED_SUBJECT_WORDS,
    MIN_CONTENT_WORDS,
    PARTICLES,
    good_subject,
    is_base_verb,
    main_clause,
)
from revise.generation.fields import plural_noun
from revise.generation.grammar import (
    PREPOSITIONS,
    Clause,
    can_be,
    finish_question,
    indefinite_article,
    inflections,
    is_noun_phrase_word,
    lemmas,
    lower_first,
    participle_base,
    question,
    split_clause,
    subject_phrase,
    verb_base,
)
from revise.generation.language import (
    ARROW,
    ARROWS,
    EXAMPLE_OPENER,
    LABEL_WORDS,
    MONTHS,
    NO_OBJECT_VERBS,
    PEOPLE,
    PRONOUNS,
    cue_words,
    is_stopword,
    is_verb_form,
    past_to_base,
    words,
)
from revise.generation.patterns import Guarded, lazy_regex
from revise.generation.plaintext import GENERIC_SECTIONS
from revise.generation.questions import (
    DASH,
    MAX_ANSWER_WORDS,
    Question,
    Shape,
    capital,
    case_span,
    plural_clause,
    plural_then_verb,
)
from revise.generation.targets import DAY, OPENING_DATE, TIMELINE_DATE, closing_date

# Verbs that say how an amount or a relation moved: "support increased steadily".
CHANGE_VERBS = frozenset(
    [
        "increase", "decrease", "decline", "grow", "fall", "rise", "drop", "double", "halve",
        "triple", "improve", "worsen", "cool", "collapse", "soar", "plummet", "expand", "shrink",
        "intensify", "weaken", "strengthen", "deteriorate", "surge", "slump", "fluctuate",
        "recover", "appreciate", "depreciate", "widen", "narrow", "stagnate",
    ]
)  # fmt: skip
_DEGREE = lazy_regex(
    r"^(?:steadily|dramatically|significantly|sharply|considerably|rapidly|slowly|gradually"
    r"|markedly|substantially|slightly|greatly|further|quickly|steeply|enormously|massively"
    r"|modestly|fast)$",
    re.I,
)
_AMOUNT = lazy_regex(r"^(?:by|from|to)$", re.I)  # "by 20%", "from 2% to 5%": how far
_AMOUNT_END = lazy_regex(r",|\s(?:while|whereas|as|but|in|during|after|since)\s")
# After the change, only what says when, or a second clause beside it, may follow.
_AFTER_CHANGE = frozenset(
    ["while", "whereas", "as", "but", "although", "though", "because", "after", "since", "when",
     "until", "in", "during", "over", "between", "following", "and", "so", "due", "thanks"]
)  # fmt: skip
_WHEN_AFTER = frozenset(["in", "during", "over", "between", "after", "since", "following"])
# "If ...," and "As of mid-1993,": a condition, or the date a change is told as of
_IF = lazy_regex(r"^(?P<front>(?:if|as\s+of)\b[^,]{2,60}),\s+(?P<main>.+)$", re.I)
_ASIDE = lazy_regex(r"^(?:especially|particularly|notably|mainly|largely)\b[^,]*,\s+", re.I)


_MOVES = (
    r"(?:increases|decreases|rises|falls|drops|goes\s+up|goes\s+down|grows"
    r"|gets\s+(?:bigger|smaller|higher|lower))"
)
_QUANTITY = r"[a-z][a-z' -]{1,40}?"
# The first word of each of _MOVES: a quantity that moves is said so with one of them.
_MOVE_WORDS = frozenset(
    ["increases", "decreases", "rises", "falls", "drops", "goes", "grows", "gets"]
)
# "resistance decreases as light intensity increases": its answer in the notes' words
_COVARIES = lazy_regex(
    rf"^(?P<y>{_QUANTITY})\s+(?P<dy>{_MOVES})\s+(?:as|when|if)\s+(?P<x>{_QUANTITY})\s+(?P<dx>{_MOVES})$",
    re.I,
)


def covaries(sentence: str, term: str = "") -> list[Question]:
    """ "LDR - resistance decreases as light intensity increases" -> "How does the resistance
    of an LDR depend on light intensity?" :: "Decreases as light intensity increases": how one
    quantity moves with another."""
    if _MOVE_WORDS.isdisjoint(cue_words(sentence)) and "(" not in sentence:
        return []  # (a bracket taken out could join a word's parts)
    text = sentence.strip().rstrip(" .")
    parts = DASH.split(text, maxsplit=1)
    if len(parts) == 2:
        term, text = parts[0].strip(), parts[1]  # "thermistor - resistance decreases as ..."
    text = re.sub(r"\s*\([^()]*\)", "", text).split(";")[0].strip()
    pieces = [text, *re.split(r",\s+", text)]  # "curve, resistance increases as temp increases"
    match = next(filter(None, (_COVARIES.match(piece.strip()) for piece in pieces)), None)
    if not match:
        return []
    y, dy, x, dx = match["y"], match["dy"], match["x"], match["dx"]
    y = re.sub(r"^(?:the|its)\s+", "", y.strip(), flags=re.I)
    y = y[:1].lower() + y[1:] if y[1:2].islower() else y
    said = (y + " " + x).casefold().split()
    if any(word in PRONOUNS or word in ("and", "or", "but") or is_verb_form(word) for word in said):
        return []  # "import prices rise and inflation increases": two things moving
    whose = f" of {_with_article(term)}" if term and len(term.split()) <= 4 else ""
    front = f"How does the {y}{whose} depend on {x.strip()}?"
    return [Question(front, f"{capital(dy)} as {x.strip()} {dx.lower()}", Shape.EFFECT, 11.8)]


def _with_article(term: str) -> str:
    """ "thermistor" -> "a thermistor", "LDR" -> "an LDR"; a name or plural stays as it is."""
    base = re.sub(r"\s*\([^()]*\)$", "", term).strip()
    if base.isupper() and base.isalpha():
        return f"{indefinite_article(base)} {base}"
    known = "NOUN" in lemmas(base.split()[-1].casefold())
    if base[1:].islower() and (known or not lemmas(base.split()[0].casefold())):
        base = base.casefold()  # "Thermistor - ..." at the start of its bullet
    if base[:1].islower() and known and not base.endswith("s"):
        return f"{indefinite_article(base)} {base}"  # "a filament lamp"
    return base  # "catalase", "thermistor": a word the dictionary cannot count


def change(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "In the fifth period (1973-84), China's support for North Korea increased steadily
    while ..." -> "In the fifth period (1973-84), how did China's support for North Korea
    change?" :: "Increased steadily"; "Relations have cooled considerably" -> "How have
    relations changed?" """
    if _change_words().isdisjoint(cue_words(sentence)):
        return []
    text = main_clause(sentence.strip()).rstrip(" .")
    front = ""
    fronted = FRONTED.match(text) or _IF.match(text)
    if fronted:
        front, text = fronted["front"], _ASIDE.sub("", fronted["main"])
    tokens = text.split()
    found = _change_verb(tokens)
    if found is None:
        return []
    index, aux, perfect = found
    subject = tokens[:index]
    if not _names_its_subject(subject):
        return []
    verb_at = index + 1 if perfect else index
    moved = [tokens[verb_at].strip(",")]
    rest = tokens[verb_at + 1 :]
    while rest and _DEGREE.match(rest[0].strip(",")) and not moved[-1].endswith(","):
        moved.append(rest.pop(0).strip(","))
    if rest and _AMOUNT.match(rest[0]) and not tokens[verb_at + len(moved) - 1].endswith(","):
        amount = _AMOUNT_END.split(" ".join(rest))[0]
        if len(amount.split()) > 6 or not re.search(r"\d", amount):
            return []
        moved.extend(amount.split())
        rest = rest[len(amount.split()) :]
    trailer = ""
    if rest:
        opening = rest[0].casefold().strip(",")
        if not tokens[verb_at + len(moved) - 1].endswith(",") and opening not in _AFTER_CHANGE:
            return []  # "China increased military assistance": a transitive verb, an object next
        if opening in _WHEN_AFTER:
            when = re.split(r",|\s(?:while|whereas|as|but|because)\s", " ".join(rest))[0]
            if re.search(r"\d{4}", when) and len(when.split()) <= 5:
                trailer = f" {when}"
    if len(moved) == 1 and not trailer and not front:
        return []  # "Prices rise": too little said to ask how
    asked = "changed" if perfect else "change"
    shown = " ".join(subject) if front else subject_phrase(subject, names)
    body = f"how {aux} {shown} {asked}{trailer}"
    front_text = f"{front}, {body}" if front else capital(body)
    answer = " ".join(moved)
    following = " ".join(rest[1:]).rstrip(" .") if rest and rest[0] == "and" else ""
    if following and len(words(following)) <= 6 and _change_verb(following.split()):
        answer = f"{answer} and {following}"  # "increases and the currency appreciates"
    found = [Question(finish_question(front_text), capital(answer), Shape.EFFECT, 10.9)]
    contrast = re.match(r",?\s*(?:while|whereas|as)\s+(?P<other>.+)$", " ".join(rest), re.I)
    if contrast and front and not trailer:
        # "... increased steadily while the delivery of major equipment declined
        # significantly": the other side of the contrast is a card of its own.
        other = change(f"{front}, {contrast['other']}", names)
        found.extend(replace(question, beside=True) for question in other[:1])
    return found


def _names_its_subject(subject: list[str]) -> bool:
    """A subject that may follow a fronted phrase, so start in lower case ("the delivery of
    ...") and still name its own thing."""
    return good_subject([capital(subject[0]), *subject[1:]])


def what_follows(happening: str, result: str) -> Question:
    """ "Cost of borrowing for firms rises -> investment falls": what a happening leads to,
    "What follows when cost of borrowing for firms rises?" :: "Investment falls"."""
    tokens = happening.split()
    front = f"What follows when {' '.join([*lower_first(tokens[:1]), *tokens[1:]])}?"
    return Question(front, capital(result), Shape.EFFECT, 11.0)


def says_a_change(clause: str) -> bool:
    """ "Cost of borrowing for firms rises", "asset prices fall": a thing and how it changes,
    as a rule (present tense; "productivity rose" is what a study found). "Core collapse" is
    a thing: a plural verb needs a plural subject."""
    tokens = clause.split()
    found = _change_verb(tokens)
    if found is None or found[1] not in ("does", "do"):
        return False
    before = tokens[found[0] - 1].strip(",;:()").casefold()
    return found[1] == "does" or plural_noun(before)


@lru_cache(maxsize=1)
def _change_words() -> frozenset[str]:
    """Every form of a change verb that _change_verb reads as one (past, present, participle):
    a clause says a change only with one of them."""
    tags = ("VBD", "VBZ", "VBP", "VBN")
    return frozenset(
        form for verb in CHANGE_VERBS for tag in tags for form in inflections(verb).get(tag, ())
    )


def _change_verb(tokens: list[str]) -> tuple[int, str, bool] | None:
    """Where the clause's verb says a change: its index, the auxiliary a question takes, and
    whether it is a perfect ("have cooled")."""
    for index, token in enumerate(tokens[1 : MAX_DESCRIBED_SUBJECT_WORDS + 1], start=1):
        lower = token.casefold().strip(",")
        before = tokens[index - 1].casefold()
        if before in ("to", "the", "a", "an") or before in PREPOSITIONS:
            if not is_noun_phrase_word(token):
                return None
            continue
        if lower in ("has", "have", "had") and index + 1 < len(tokens):
            following = tokens[index + 1].casefold().strip(",")
            base = participle_base(following)
            if base in CHANGE_VERBS:
                return index, lower, True
            return None
        for tag, aux in (("VBD", "did"), ("VBZ", "does"), ("VBP", "do")):
            if verb_base(lower, tag) in CHANGE_VERBS:
                agent = " ".join(tokens[index + 1 : index + 3]).casefold()
                if agent.startswith("by ") and not re.search(r"\d", agent):
                    return None  # "aid increased by the USSR": a passive participle
                return index, aux, False
        if not is_noun_phrase_word(token):
            return None
    return None


# Verbs that move an amount when they take an object: "should increase exports".
MOVING_VERBS = CHANGE_VERBS | frozenset(["reduce", "raise", "lower", "boost", "cut", "lift"])
_LIKELY = lazy_regex(
    r"^(?P<subject>[^,;:()]{3,80}?)\s+(?P<aux>(?:is|are|was|were)\s+(?:therefore\s+|also\s+)?"
    r"(?:likely|unlikely|expected|bound)\s+to|(?:should|will|would|can|could|may|might|must"
    r"|tends?\s+to)(?:\s+therefore|\s+also)?)\s+(?P<moves>.+)$",
    re.I,
)


def affect(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "A depreciation should increase exports and decrease imports" -> "How should a
    depreciation affect exports and imports?" :: "Increase exports and decrease imports"; "An
    appreciation is likely to decrease the trade balance" -> "How is an appreciation likely to
    affect the trade balance?" :: "Decrease" """
    if MOVING_VERBS.isdisjoint(cue_words(sentence)):
        return []  # each move is said with one of these verbs, standing between spaces
    text = re.split(r",\s+\w+ing\b|,\s+(?:which|while|whereas|but|so)\b", sentence.strip())[0]
    match = _LIKELY.match(text.rstrip(" ."))
    if not match:
        return []
    subject = match["subject"].split()
    if not good_subject(subject):
        return []
    moves = []
    for part in re.split(r"\s+and\s+(?=\w+\s)", match["moves"]):
        verb, _, thing = part.partition(" ")
        if verb.casefold() not in MOVING_VERBS or not thing or len(thing.split()) > 8:
            return []
        if thing.split()[0].casefold() in (*PREPOSITIONS, *PRONOUNS, "to"):
            return []  # "can rise to dangerous levels": a thing that moves itself, no object
        moves.append((verb, thing))
    if not 1 <= len(moves) <= 2:
        return []
    things = " and ".join(thing for _, thing in moves)
    aux = re.sub(r"\s+(?:therefore|also)\b", "", match["aux"].casefold())
    shown = subject_phrase(subject, names)
    if aux.split()[0] in ("is", "are", "was", "were"):
        body = f"How {aux.split()[0]} {shown} {' '.join(aux.split()[1:])} affect {things}"
    elif aux.startswith("tend"):
        body = f"How {'do' if aux == 'tend to' else 'does'} {shown} tend to affect {things}"
    else:
        body = f"How {aux} {shown} affect {things}"
    if len(moves) == 1:
        answer = moves[0][0]  # "Decrease": the answer is the notes' own word
    else:
        answer = " and ".join(f"{verb} {thing}" for verb, thing in moves)
    return [Question(finish_question(body), capital(answer), Shape.EFFECT, 10.8)]


_ENDED = Guarded(  # (tried only on a sentence holding one of its verbs)
    lazy_regex(
        r"^(?P<subject>[^,;:()]{2,60}?)\s+(?P<verb>ended|ends|finished|concluded)\s+"
        r"(?P<how>with|in)\s+(?P<what>[^,;]+?)\.?$",
        re.I,
    )
)


def ended(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "... after 3 years of fighting - war ended with reassertion of the division of Korea"
    -> "How did the war end?" :: "With reassertion of the division of Korea" """
    if not _ENDED.could_match(sentence):
        return []
    part = DASH.split(sentence.strip())[-1]
    match = _ENDED.compiled.match(part)
    if not match or re.search(r"\d{3,4}", match["what"]):
        return []  # "ended in 1953": when, asked as a date
    subject = match["subject"].split()
    if len(subject) == 1 and subject[0].islower() and can_be(subject[0], "NOUN"):
        subject = ["The", subject[0]]  # "war ended with ...": the war the notes are about
    if not _names_its_subject(subject):
        return []
    answer = f"{match['how']} {match['what']}"
    if not 3 <= len(words(answer)) <= MAX_ANSWER_WORDS:
        return []
    aux = "does" if match["verb"].casefold() == "ends" else "did"
    front = finish_question(f"How {aux} {subject_phrase(subject, names)} end")
    return [Question(front, capital(answer), Shape.EFFECT, 10.8)]


INTENT_VERBS = frozenset(
    ["agree", "promise", "decide", "plan", "want", "try", "refuse", "offer", "pledge", "aim",
     "hope", "need", "seek", "intend", "fail", "attempt", "vow"]
)  # fmt: skip
_INTENT = lazy_regex(
    r"^(?:(?P<front>(?:in|at|during|after|under|by|with)\s[^,]{2,60}),\s+)?"
    r"(?P<subject>[^,;:()]{2,60}?)\s+(?P<verb>[a-z]+ed)\s+to$",
    re.I,
)


def label_clause(label: str) -> str:
    """The clause a parent bullet leaves open for each sub-bullet to finish: "Following the
    War - there were 2 further agreements, in the 1953 and 1954 deals, the USSR agreed to:" ->
    "In the 1953 and 1954 deals, the USSR agreed to"; "" for any other label."""
    text = DASH.split(label.strip().rstrip(" :"))[-1]
    parts = [part.strip() for part in text.split(",")]
    for size in (2, 1):
        clause = ", ".join(parts[-size:])
        match = _INTENT.match(clause)
        if match and verb_base(match["verb"].casefold(), "VBD") in INTENT_VERBS:
            if size == 2 and not match["front"]:
                continue
            return capital(clause)
    return ""


_RECIPIENT = lazy_regex(r"\s+(?P<to>(?:to|for|with)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w-]*)*)$")


def intention(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "In the 1953 and 1954 deals, the USSR agreed to hand over the Lushan Naval base to
    China" -> "In the 1953 and 1954 deals, what did the USSR agree to hand over to China?" ::
    "The Lushan Naval base" """
    text = DASH.split(sentence.strip().rstrip("."), maxsplit=1)[0]
    match = re.match(
        r"^(?:(?P<front>[^,]{2,60}),\s+)?(?P<subject>[^,;:()]{2,60}?)\s+(?P<verb>[a-z]+ed)\s+to\s+"
        r"(?P<vp>[a-z]+\s.+)$",
        text,
        re.I,
    )
    base = verb_base(match["verb"].casefold(), "VBD") if match else None
    if base not in INTENT_VERBS:
        return []
    subject = match["subject"].split()
    if not _names_its_subject(subject):
        return []
    shown = " ".join(subject) if match["front"] else subject_phrase(subject, names)
    agreed = _AGREED_THING.match(match["vp"]) if base == "agree" else None
    if agreed:
        # "the USSR agreed to: - A significant package of aid for China's first 5 year plan -
        # including ...": what was agreed is a thing, not a deed
        thing = agreed["thing"].strip()
        if not 2 <= len(words(thing)) <= MAX_ANSWER_WORDS:
            return []
        told = sentence.strip().rstrip(".")
        included = _INCLUDING.match(told[told.find(thing) + len(thing) :])
        if included and 2 <= len(words(included["part"])) <= MAX_ANSWER_WORDS:
            # "... agreed to: - A significant package of aid for China's first 5 year plan -
            # including a bigger loan than in 1950": one of several things agreed to, shown
            # whole and asked by what it included ("... What did it include?"), so the prompt
            # has one answer and the detail is not lost
            agreed_to = f"{text[: text.find(thing)]}{thing[:1].lower()}{thing[1:]}"
            front = f"{capital(agreed_to.strip())}. What did it include"
            return [Question(finish_question(front), capital(included["part"]), Shape.EFFECT, 11.1)]
        body = f"what did {shown} agree to"
        front = f"{match['front']}, {body}" if match["front"] else body
        return [Question(finish_question(front), capital(thing), Shape.EFFECT, 11.1)]
    tokens = match["vp"].split(",")[0].split()
    chain = [tokens.pop(0)]
    if not is_base_verb(chain[0]):
        return []
    if tokens and tokens[0].casefold() in PARTICLES | {"over"}:
        chain.append(tokens.pop(0))
    if (
        chain[0].casefold() in ("help", "let", "make")
        and len(tokens) > 1
        and tokens[0][:1].isupper()
        and is_base_verb(tokens[1])
    ):
        chain.extend(tokens[:2])  # "help China build"
        tokens = tokens[2:]
    thing = " ".join(tokens)
    recipient = _RECIPIENT.search(thing)
    if recipient:
        thing = thing[: recipient.start()]
    if not thing or thing.split()[0].casefold() in PREPOSITIONS | PRONOUNS or thing[:1] == "(":
        return []
    if not 1 <= len(words(thing)) <= MAX_ANSWER_WORDS - 4:
        return []
    asked = " ".join([*chain, recipient["to"]] if recipient else chain)
    body = f"what did {shown} {base} to {asked}"
    front = f"{match['front']}, {body}" if match["front"] else body
    return [Question(finish_question(front), capital(thing), Shape.EFFECT, 11.1)]


# What a lead's "agreed to:" is finished by when its item names a thing: "a bigger loan".
_AGREED_THING = lazy_regex(
    r"^(?P<thing>(?:an?|the)\s+[^,;:()]+?)\s*(?:$|[,;(]|\s[-\u2013\u2014]+\s)", re.I
)


_INCLUDING = lazy_regex(
    r"^\s*(?:,|[-\u2013\u2014]+)\s*including\s+(?P<part>[^,;:()]+?)\s*[.;]?$", re.I
)


def agreed_thing(clause: str, item: str) -> bool:
    """ "the USSR agreed to" over "A significant package of aid ...": the item is the thing
    agreed to, and finishes the lead's clause as it stands."""
    match = _INTENT.match(clause)
    if not match or verb_base(match["verb"].casefold(), "VBD") != "agree":
        return False
    return bool(_AGREED_THING.match(item))


_PHASE_WORDS = frozenset(["period", "phase", "stage", "era", "wave", "step"])  # _PHASE's stages
_PHASE = lazy_regex(
    r"^(?P<front>(?:during|in)\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|last|final|\d+(?:st|nd|rd|th))\s+(?:period|phase|stage|era|wave|step)\s*"
    r"\((?P<when>[^,()]+)(?:,[^()]*)?\)),\s+(?P<main>.+)$",
    re.I,
)


# What follows a timeline's date: an aside ("(9 thermidor)"), then a dash and the event
_DATED_EVENT = lazy_regex(
    r"^(?P<aside>\s*\([^()]*\))?\s*[-\u2013\u2014:]\s+(?P<event>[^-\u2013\u2014].+)$"
)
# "tennis court oath: locked out of their hall ...": an event's name, then what it was
_NAMED_EVENT = lazy_regex(r"^(?P<name>[^:=()]+?)(?::|\s=|\s[-\u2013\u2014])\s+(?P<said>\S.*)$")
MAX_EVENT_NAME_WORDS = 6
MIN_SAID_WORDS = 2  # "partial test ban treaty: usa" is a list cut short, not what the treaty was


def dated(sentence: str) -> list[Question]:
    """ "22 Oct - JFK TV address, announces "quarantine"" -> "What happened on 22 Oct?": a line
    of a timeline asks for its event, not its day (a run of days is no set of facts); "20 june
    1789 - tennis court oath: locked out of their hall so met in ..., swore not to ..." asks
    "When was the tennis court oath?", where what happened is too long to be an answer."""
    text = sentence.strip().rstrip(".")
    date = TIMELINE_DATE.match(text)
    match = date and _DATED_EVENT.match(text[date.end() :])
    if not date or not match or not (date["year"] or re.fullmatch(DAY, date["when"], re.I)):
        return []  # ("late july - ...": which year's July is for the notes to say)
    event = re.split(r"\.\s+", match["event"], maxsplit=1)[0]  # ("... usually = end of the rev")
    bare = re.sub(r"\s*\([^()]*\)$", "", event).strip()  # a closing aside
    # ("revolutionary calendar (months like thermidor, ...)": the aside says what it was)
    event = bare if len(words(bare)) >= MIN_CONTENT_WORDS else event.strip()
    clause = split_clause(capital(event))
    done = clause is not None and clause.aux == "did"
    if done and not date["year"]:
        return []  # "28 July: A-H declared war on Serbia": asked "When did ...?", or not at all
    if len(event.split()) > MAX_ANSWER_WORDS:
        event = re.split(r",\s+(?![^()]*\))|;\s+", event, maxsplit=1)[0]
    too_long = len(event.split()) > MAX_ANSWER_WORDS
    named = _event_name(event) if date["year"] else None
    if named and (too_long or len(words(named["said"])) < MIN_SAID_WORDS):
        # "partial test ban treaty: usa, ussr + uk agree to stop testing ...": the event by its
        # name, asked for its date, where what it was makes no answer ("... treaty: usa")
        return [Question(_when_was(named["name"].strip()), date["when"], Shape.EFFECT, 10.8)]
    if len(words(event)) >= MIN_CONTENT_WORDS and not too_long:
        on = "on" if date["day"] else "in"
        # ("the Third Estate declared itself ...": asked "When did ...?" first)
        shape = Shape.EFFECT if date["day"] and not done else Shape.WHAT_HAPPENED
        front = finish_question(f"What happened {on} {date['when']}{match['aside'] or ''}")
        return [Question(front, capital(event), shape, 10.8)]
    return []


def _event_name(event: str) -> re.Match[str] | None:
    """ "tennis court oath: locked out of their hall ..." -> its "name" ("tennis court oath")
    and what it "said"; None where the line opens on what someone did ("louis sacks necker")."""
    named = _NAMED_EVENT.match(event)
    if not named or not 2 <= len(named["name"].split()) <= MAX_EVENT_NAME_WORDS:
        return None
    if any(is_verb_form(word) and not word.endswith("ing") for word in words(named["name"])):
        return None
    return named


def _when_was(name: str) -> str:
    """ "law of suspects" -> "When was the law of suspects?", "august decrees" -> "When were the
    august decrees?", "napoleon's coup" -> "When was napoleon's coup?" """
    head = re.split(r"\s(?:of|for|on|in|to|at)\s", name, maxsplit=1)[0].split()[-1]
    verb = "were" if plural_noun(head) else "was"
    owned = re.match(r"(?:the|an?)\s|.*['\u2019]s\s", name, re.I)
    return f"When {verb} {name if owned else f'the {name}'}?"


# What a dated document did, rather than what happened in it: "FUNDAMENTAL LAWS April 1906 ->
# tsar kept supreme power" asks "What did the Fundamental Laws (April 1906) do?"
_DOCUMENTS = frozenset(
    ["law", "act", "treaty", "manifesto", "decree", "order", "theses", "pact", "agreement",
     "plan", "policy", "constitution", "declaration", "charter", "bill", "edict", "proclamation",
     "amendment", "settlement", "reform", "programme", "program", "doctrine", "accord",
     "convention", "resolution", "statute", "compromise", "ultimatum", "note", "telegram",
     "alliance", "entente", "union", "league", "petition", "ordinance"]
)  # fmt: skip
_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_NAME_JOINS = frozenset(["of", "the", "and", "&", "+", "for", "on"])
_HEAD_BEFORE = frozenset(["of", "for", "on"])
MAX_EVENT_WORDS = 6
MAX_DATE_WORDS = 8  # "22nd October 1962 - 28th October 1962": the longest dates a line closes on


def dated_event(sentence: str) -> list[Question]:
    """ "KORNILOV AFFAIR (Aug 1917) -> Gen. Kornilov marches on Petrograd" -> "What happened
    in the Kornilov Affair (Aug 1917)?"; "Treaty of Portsmouth 1905 -> ended war with Japan" ->
    "What did the Treaty of Portsmouth (1905) do?": a named event and its date, then what it
    was or did. What the line says of it is the fact; its date alone is the weaker card."""
    if not any(arrow in sentence for arrow in ARROWS):
        return []
    parts = ARROW_SPLIT.split(sentence.strip().rstrip("."), maxsplit=1)
    if len(parts) != 2:
        return []
    head, said = parts[0].strip(), parts[1]
    when = closing_date(head)
    if not when:  # "BLOODY SUNDAY 9 Jan 1905 (22 Jan NS)": the date before an aside
        head = re.sub(r"\s*\([^()]*\)$", "", head)
        when = closing_date(head)
    if not when:
        return []
    event = re.sub(r"\s*\(?\s*$", "", head[: head.rstrip().rstrip(")").rstrip().rfind(when)])
    tokens = event.replace(":", " ").split()  # "CONSTITUENT ASSEMBLY: elections Nov 1917"
    if not 1 <= len(tokens) <= MAX_EVENT_WORDS or not tokens[0][:1].isupper():
        return []
    last = tokens[-1]
    if any(not t[:1].isupper() and t.casefold() not in _NAME_JOINS for t in tokens[:-1]):
        return []  # "Russia entered war": a clause, not a name
    if len(tokens) == 1:
        return []  # "Population 1801 -> 9 million": a capital that only opens the line
    named = sum(1 for token in tokens if token[:1].isupper())
    if last[:1].islower() and (named < 2 or verb_base(last, "VBZ") or is_verb_form(last)):
        return []  # "LENIN returns", "Cotton production 1800": no event's name
    lowered = [token.casefold() for token in tokens]
    joined = next((at for at, token in enumerate(lowered) if at and token in _HEAD_BEFORE), 0)
    head_word = lowered[joined - 1] if joined else lowered[-1]  # "Treaty of ...", "March on ..."
    base = lemmas(head_word).get("NOUN", ())
    named = " ".join(_tidy_name(tokens))
    if head_word in _DAYS:
        front = f"What happened on {named} ({when})?"
    elif not base or head_word.casefold() in _NAME_JOINS:
        return []  # "Tannenberg (Aug 1914)": no telling how to say it in a question
    elif any(noun in _DOCUMENTS for noun in base):
        front = f"What did the {named} ({when}) do?"
    else:
        front = f"What happened in the {named} ({when})?"
    answer = _what_it_says(said)
    if not answer:
        return []
    return [Question(front, capital(answer), Shape.EFFECT, 10.8)]


# "Apr 1764 Sugar Act (American Revenue Act) - halves duty on ...": a timeline's date, the name
# of the event, an aside, then a dash and what it was or did
_OPENING_NAME = lazy_regex(
    r"^(?P<name>[^-\u2013\u2014()>:=;,]+?)(?:\s*\([^()]*\))?\s+[-\u2013\u2014]\s+(?P<said>\S.*)$"
)
# What a named event can be: "Battle of Trenton", "Boston Massacre", "Pontiac's War"
_HAPPENINGS = frozenset(
    ["battle", "war", "massacre", "rebellion", "revolution", "revolt", "rising", "uprising",
     "crisis", "affair", "riot", "siege", "party", "campaign", "raid", "strike", "coup",
     "invasion", "blockade", "conference", "congress", "summit", "election", "march", "boycott",
     "famine", "plague", "expedition", "trial", "incident", "scandal", "offensive", "landing",
     "mutiny", "purge", "putsch", "protest", "movement", "meeting", "assembly", "evacuation"]
)  # fmt: skip
_NOT_WHAT = frozenset(["not", "another", "also", "again", "same"])  # says what it was not
_CONTRAST = lazy_regex(r"\s+(?:BUT|but|although|though|whereas|while)\s+.*$")


def opening_dated_event(sentence: str) -> list[Question]:
    """ "Apr 1764 Sugar Act - halves duty on foreign molasses ... BUT actually enforced" -> "What
    did the Sugar Act (Apr 1764) do?" :: "Halves duty on foreign molasses from 6d to 3d per
    gallon"; "22 Mar 1765 Stamp Act - first DIRECT tax on the colonies: ..." -> "What was the
    Stamp Act (22 Mar 1765)?": what a named event of a timeline was, beside its date."""
    text = sentence.strip().rstrip(".")
    date = OPENING_DATE.match(text)
    if not date:
        return []
    named = _OPENING_NAME.match(text[date.end() :].strip())
    if not named:
        return []
    tokens = named["name"].split()
    if not 2 <= len(tokens) <= MAX_EVENT_WORDS or not tokens[0][:1].isupper():
        return []
    if any(not t[:1].isupper() and t.casefold() not in _NAME_JOINS for t in tokens):
        return []  # "British troops arrive in Boston": a clause, not a name
    lowered = [token.casefold() for token in tokens]
    joined = next((at for at, token in enumerate(lowered) if at and token in _HEAD_BEFORE), 0)
    head_word = lowered[joined - 1] if joined else lowered[-1]
    # ("Act" is a noun the dictionary knows only as a verb)
    base = {*lemmas(head_word).get("NOUN", ()), head_word, head_word.removesuffix("s")}
    if head_word in _NAME_JOINS:
        return []
    # (": stamps on newspapers ...", ". revenue used ...", not "e.g. call him ...")
    said = re.split(r":|(?<!\be\.g)(?<!\bi\.e)\.\s+(?=[a-z])", named["said"], maxsplit=1)[0]
    answer = _what_it_says(_CONTRAST.sub("", said))  # ("... BUT actually enforced")
    if not answer or answer[:1] in "\"\u201c'" or answer.split()[0].casefold() in _NOT_WHAT:
        return []  # ('"shot heard round the world"', "not a punishment", "another American win")
    first = answer.split()[0].casefold()
    name = " ".join(_tidy_name(tokens))
    when = date[0]
    # "Pontiac's War", "Shays' Rebellion" are named by their owner; "the King's Proclamation"
    owner = re.match(r"(\S+?)['\u2019]s?\s", name)
    the = "" if owner and not lemmas(owner[1].casefold()).get("NOUN") else "the "
    plural = head_word.endswith("s") and head_word[:-1] in _DOCUMENTS | _HAPPENINGS
    was = "were" if plural else "was"  # "the Townshend Acts"
    if any(noun in _DOCUMENTS for noun in base):
        if not verb_base(first, "VBZ") and split_clause(capital(answer)) is not None:
            return []  # "Germany loses 13% of its land": what followed, not what it was
        done = verb_base(first, "VBZ") and (not can_be(first, "NOUN") or len(answer.split()) > 2)
        front = (
            f"What did {the}{name} ({when}) do?" if done else f"What {was} {the}{name} ({when})?"
        )
    elif any(noun in _HAPPENINGS for noun in base):
        front = f"What happened in {the}{name} ({when})?"
    else:
        return []  # "Kings Mountain", "Lexington and Concord": a place, asked by its date
    return [Question(front, capital(answer), Shape.EFFECT, 10.8, beside=True)]


def dated_name(text: str) -> tuple[str, str] | None:
    """ "The Korean War (1950-1953)", "Russo-Japanese War 1904-05": a line that is only a named
    event and when it happened, as a heading over what happened in it often is: the event's
    name and its date; None for any other line ("The Soviet Influence on Korea (1945-1991)"
    names a period, not an event; "Key dates 1914" no event at all)."""
    bare = text.strip().rstrip(":").strip()
    words = bare.split()
    if not 2 <= len(words) <= MAX_EVENT_WORDS + MAX_DATE_WORDS:
        return None  # (a line this long says more than a name and when it was)
    if not (words[0][:1].isupper() or words[0].casefold() in _NAME_JOINS):
        return None  # (a name opens on a capital)
    if not any(map(_happening, cue_words(bare))):
        return None  # (an event's name has a word for what happened: "War", "Revolt")
    when = closing_date(bare)
    if not when or not re.search(r"\d{3,4}", when):
        return None
    name = re.sub(r"\s*\(?\s*$", "", bare[: bare.rstrip(")").rstrip().rfind(when)]).strip()
    name = re.sub(r"[\s,:\u2013\u2014-]+$", "", name)
    tokens = name.split()
    if tokens and tokens[0].casefold() == "the":
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= MAX_EVENT_WORDS or tokens[-1].casefold() in _NAME_JOINS:
        return None  # ("Battles of 1066": the date finishes the name)
    if any(not t[:1].isupper() and t.casefold() not in _NAME_JOINS for t in tokens):
        return None  # "Russia entered the war 1914": a clause, not a name
    lowered = [token.casefold() for token in tokens]
    joined = next((at for at, token in enumerate(lowered) if at and token in _HEAD_BEFORE), 0)
    head_word = lowered[joined - 1] if joined else lowered[-1]  # "Battle of ...", "... War"
    if not _happening(head_word):
        return None
    return " ".join(_tidy_name(tokens)), when


def _happening(word: str) -> bool:
    """ "war", "battles": a word, folded, for a kind of thing that happens."""
    return word in _HAPPENINGS or word.removesuffix("s") in _HAPPENINGS


def named_period(sentence: str) -> list[Question]:
    """ "The Korean War (1950-1953)" -> "When was the Korean War?" :: "1950-1953": a named
    event and its dates, with nothing else said of it on the line, asks when it was."""
    found = dated_name(sentence)
    if not found:
        return []
    name, when = found
    return [Question(_when_was(name), when, Shape.EFFECT, 10.8)]


def _tidy_name(tokens: list[str]) -> list[str]:
    """ "FUNDAMENTAL LAWS" -> "Fundamental Laws", "TREATY OF BREST-LITOVSK" -> "Treaty of
    Brest-Litovsk": a name the notes shout, written as a name."""
    shouted = all(token.isupper() or token.casefold() in _NAME_JOINS for token in tokens)
    return [
        token.casefold()
        if token.casefold() in _NAME_JOINS
        else token.title()
        if token.isupper() and (shouted or len(token) > MAX_ACRONYM_LETTERS)
        else token
        for token in tokens
    ]


MAX_ACRONYM_LETTERS = 4  # "NATO", "USSR" stay as they are beside a shouted "ASSEMBLY"


def _what_it_says(said: str) -> str:
    """What a line says after its event's arrow, up to the next arrow or ";", asides and the
    note-taker's doubts ("(?)") left out; "" where that runs too long or says too little."""
    text = re.split(rf"\s*{ARROW}\s*|;", said, maxsplit=1)[0].strip(" ,.")
    text = re.sub(r"\s*\(\?\)$", "", text)  # "approx. 270 killed(?)"
    if len(text.split()) > MAX_ANSWER_WORDS:
        text = re.sub(r"\s*\([^()]*\)$", "", text)  # "... rule by decree (Art. 87)"
    if len(text.split()) > MAX_ANSWER_WORDS:
        text = text.split(", ")[0]
    if len(words(text)) < 2 or len(text.split()) > MAX_ANSWER_WORDS:
        return ""
    return text


def phase(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "During the third phase (1961-64, the beginning of the Sino-Soviet split), both China
    and the Soviet Union gave little assistance" -> "What did both China and the Soviet Union do
    during the third phase (1961-64, the beginning of the Sino-Soviet split)?": one stage of a
    sequence, asked by its place, its dates and what marked it."""
    if _PHASE_WORDS.isdisjoint(cue_words(sentence)):
        return []
    match = _PHASE.match(sentence.strip().rstrip("."))
    if not match:
        return []
    main = match["main"]
    front = match["front"]
    aside = re.search(r"\(([^)]*)\)$", front)
    if aside and len(words(aside[1])) > MAX_ASIDE_WORDS:
        front = re.sub(r"\s*\([^)]*\)$", f" ({match['when'].strip()})", front)
    when = f"{front.split()[0].casefold()} {' '.join(front.split()[1:])}"
    parts = re.split(r",\s+and\s+", main)
    if len(parts) == 2 and len(words(main)) > MAX_ANSWER_WORDS:
        # "the Soviet Union supplied assistance unilaterally, and China maintained troops in
        # North Korea": what each did in that stage, asked of each.
        first, second = (_what_did(part, when, names) for part in parts)
        return [first, replace(second, beside=True)] if first and second else []
    done = _what_did(main, when, names)
    if done:
        # "both China and the Soviet Union gave little assistance": what who did, not "What
        # happened ...?"
        return [done]
    if split_clause(capital(main)) is None and not re.match(r"both\s", main, re.I):
        return []
    if not MIN_CONTENT_WORDS <= len(words(main)) <= MAX_ANSWER_WORDS:
        return []
    return [Question(finish_question(f"What happened {when}"), capital(main), Shape.EFFECT, 10.85)]


MAX_ASIDE_WORDS = 8  # "(1961-64, the beginning of the Sino-Soviet split)": what went on then


def _what_did(part: str, when: str, names: frozenset[str]) -> Question | None:
    """ "China maintained troops in North Korea" -> "What did China do during the first period
    (1953-56)?" :: "Maintained troops in North Korea" """
    clause = split_clause(capital(part))
    if clause is None or clause.aux not in ("did", "does") or not good_subject(clause.subject):
        return None
    did = " ".join([clause.verb, *clause.rest])
    if not MIN_CONTENT_WORDS <= len(words(did)) <= MAX_ANSWER_WORDS:
        return None
    asked = f"What {clause.aux} {subject_phrase(clause.subject, names)} do {when}"
    return Question(finish_question(asked), capital(did), Shape.EFFECT, 10.85)


_MEANS = lazy_regex(
    r"^(?P<verb>[A-Z][a-z]+ed)\s+(?P<who>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)\s+"
    r"(?P<rest>to\s+[^-\u2013\u2014]+?)\s+[-\u2013\u2014]+\s+(?P<how>(?:by\s+)?[a-z]+ing\s+[^-]+?)\.?$"
)


def means(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "Persuaded Kim Il-Sung to attack South Korea - promising Soviet backing" -> "How was
    Kim Il-Sung persuaded to attack South Korea?" :: "Promising Soviet backing" """
    match = _MEANS.match(sentence.strip())
    if not match or not verb_base(match["verb"].casefold(), "VBD"):
        return []
    how = match["how"]
    if not 2 <= len(words(how)) <= MAX_ANSWER_WORDS or len(words(match["rest"])) > 10:
        return []
    front = finish_question(f"How was {match['who']} {match['verb'].casefold()} {match['rest']}")
    return [Question(front, capital(how), Shape.WHY, 11.3)]


# "by (simply) reducing interest rates": the means, a doing after "by".
_HOW_DONE = r"(?:simply|directly|indirectly|only|just|first)\s+"
_BY_DOING = lazy_regex(rf"\s+by\s+(?=(?:{_HOW_DONE})?\w+ing\b)")
_MEANS_END = lazy_regex(r"\s+[-\u2013\u2014]+\s+|[,;(:]|\s+(?:so|which|while|whereas|but|thus)\s+")


def method(sentence: str, names: frozenset[str]) -> list[Question]:
    """ "An appreciation will reduce the inflation rate by reducing the price of imports" ->
    "How will an appreciation reduce the inflation rate?" :: "By reducing the price of
    imports"; "Unilateral offers can be revoked by taking the same steps ..." -> "How can
    unilateral offers be revoked?" """
    if "by" not in cue_words(sentence):
        return []
    text = _MEANS_END.split(sentence.strip().rstrip(" ."), maxsplit=1)[0]
    found = _BY_DOING.search(text)
    if not found or re.search(r"\sby\s", text[: found.start()], re.I):
        return []  # "marked by a series of transformations influenced by changing ...": not how
    done, means = text[: found.start()], text[found.end() :]
    doing = re.sub(rf"^{_HOW_DONE}", "", means).split()[0]
    if not verb_base(doing, "VBG") or not 2 <= len(words(means)) <= MAX_ANSWER_WORDS:
        return []
    clause = split_clause(done)
    if clause is None or not good_subject(clause.subject):
        return []
    if any(word.casefold() in PRONOUNS or word.endswith("ly") for word in clause.subject):
        return []  # "Recently they changed ...": whose doing is not said
    rest = [word for word in clause.rest if word.casefold() not in ("simply", "therefore", "also")]
    lowered = [word.casefold() for word in rest]
    if lowered[:1] == ["be"]:
        lowered = lowered[1:]  # "can be revoked"
    passive = not clause.base and bool(lowered) and participle_base(lowered[0]) is not None
    if not clause.base and not passive and clause.aux.casefold() in ("is", "are", "was", "were"):
        return []  # "X is a way of ... by doing": no action done by the means
    if not passive and not any(can_be(word, "NOUN") or word[:1].isupper() for word in rest):
        return []  # "X works by doing": a verb alone says too little
    if not 1 <= len(rest) <= 10:
        return []
    front = question(
        "How", Clause(clause.subject, clause.verb, rest, clause.aux, clause.base), names
    )
    return [Question(front, f"By {means}", Shape.WHY, 10.7)]


ARROW_SPLIT = lazy_regex(rf"\s*{ARROW}\s*")
_SMALL_WORD = r"(?:[^\W\d_A-Z]{2,}|[^\W\d_A-Za-z])"  # "zu", "dem", "à"; not "a", "b", "X"
# "an + dem -> am", "zu + der = zur": two words that become a third, one rule among a line of
# them (with "=", words of two letters or more in lower case: "a + b = c" is algebra)
_COMBINED = lazy_regex(
    rf"^(?P<pair>[^\W\d_]+\s*\+\s*[^\W\d_]+)\s*{ARROW}\s*(?P<result>[^\W\d_][\w'\u2019-]*)$"
    rf"|^(?P<joined>{_SMALL_WORD}\s*\+\s*{_SMALL_WORD})\s*=\s*(?P<made>{_SMALL_WORD})$"
)
_NEGATED_MODAL = {"can't": "can't", "cannot": "can't", "won't": "won't", "couldn't": "couldn't"}
_REASON_AUX = frozenset(
    ["can", "could", "will", "would", "must", "should", "may", "might", *_NEGATED_MODAL,
     "doesn't", "don't", "isn't", "aren't", "didn't", "wasn't", "weren't"]
)  # fmt: skip
_DETERMINERS = frozenset(
    ["a", "an", "the", "no", "some", "any", "its", "their", "his", "her", "your", "my", "each"]
)
_STEP_PARTICLES = frozenset(["on", "off", "up", "down", "out", "in", "over", "back"])
_VALUE_CONDITION = lazy_regex(
    r"^(?:[=<>\u2264\u2265|+\-]|\d|[+-]?ve\b|positive|negative|zero|infinity)", re.I
)
MAX_CONDITION_WORDS = 6
_JOINS = frozenset([*PREPOSITIONS, "above", "below", "over", "under", "of"])  # after a head noun


def outcome(
    sentence: str, quantity: str = "", names: frozenset[str] = frozenset(), subject: str = ""
) -> list[Question]:
    """ "price above eq -> excess supply (surplus) -> price falls" -> "What does price above
    eq lead to?"; "+ve -> normal good" under "**YED** = ..." -> "What does YED +ve mean?"
    (`quantity` is the label's term a value is of). A describing word or a verb before the
    arrow ("inelastic -> raise price") is no condition to ask of. Only a noun phrase is a
    cause: a clause before the arrow is the reason for what follows ("sound needs a medium ->
    can't travel through a vacuum" asks "Why can't sound travel through a vacuum?"), an order
    is a step and what it does ("What happens after switching on the generator?"), and
    "a + b -> c" is a rule of what a pair becomes ("What does an + dem become?"). A participle
    before the arrow ("set below equilibrium -> shortages" under "Maximum price") is said of the
    section's `subject` ("What happens when maximum price is set below equilibrium?"); a name
    (one of `names`, the words the notes capitalise mid-sentence) is no cause. A second pair
    after a semicolon ("accumulation > ablation -> glacier advances; ablation > accumulation ->
    glacier retreats") is a rule of its own, asked after the first."""
    found = _outcome(sentence, quantity, names, subject)
    paired = _SECOND_PAIR.search(sentence)
    if found and paired:
        found.extend(_outcome(sentence[paired.end() :], quantity, names, subject))
    return found


# "; ablation > accumulation -> ...": a second condition and its result after the first's
_SECOND_PAIR = lazy_regex(rf"\s*;\s*(?=[^;]{{1,60}}?\s{ARROW})")


# "high", "low and stable": the level a quantity stands at
_LEVEL = (
    r"(?:high|low|higher|lower|stable|steady|constant|fluctuating|rising|falling|positive|negative)"
)
_HOW_FAR = r"(?:too|very|so|quite|fairly|relatively)"
_LEVEL_JOIN = lazy_regex(r",\s*|\s+(?:and|but|while)\s+")
_THING_AT_LEVEL = lazy_regex(
    rf"^(?P<thing>[A-Za-z][\w/'-]*(?:\s+(?!{_HOW_FAR}\s)[a-z][\w'-]*)?)\s+"
    rf"(?P<level>(?:{_HOW_FAR}\s+)?{_LEVEL})$"
)
_LONE_LEVEL = lazy_regex(rf"^{_LEVEL}$")


def _levels_stated(condition: str) -> str:
    """ "BR high, DR high and fluctuating", "GPM high but OPM low": quantities and the levels
    they stand at, written without a verb, as a clause ("BR is high, DR is high and
    fluctuating"); "" for any other condition."""
    joins = [match.group() for match in _LEVEL_JOIN.finditer(condition)]
    parts = _LEVEL_JOIN.split(condition)
    said = []
    for index, part in enumerate(parts):
        join = joins[index - 1] if index else ""
        stated = _THING_AT_LEVEL.match(part)
        thing = stated["thing"] if stated else ""
        if thing and not any(is_stopword(word.casefold()) for word in thing.split()):
            verb = "are" if plural_noun(thing.split()[-1]) else "is"
            said.append(f"{join}{thing} {verb} {stated['level']}")
        elif index and _LONE_LEVEL.match(part):
            said.append(f"{join}{part}")  # "... high and fluctuating"
        else:
            return ""
    return "".join(said)


def _outcome(sentence: str, quantity: str, names: frozenset[str], subject: str) -> list[Question]:
    if case_span(sentence):
        return []  # "silence ≠ acceptance -> Felthouse v Bindley": a point of law and its case
    rules = combined(sentence)
    if rules is not None:
        return rules
    parts = ARROW_SPLIT.split(sentence.strip().rstrip("."), maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return []
    condition, result = parts[0].strip(), parts[1].strip()
    if condition.count("(") > condition.count(")"):
        return []  # "DNA content doubles (2C -> 4C)": the arrow is inside a bracket
    if re.search(r"[!?]", condition) or re.search(rf",\s*[^,;]{{1,30}}?\s*{ARROW}", result):
        return []  # "watch units!! kHz -> x1000, MHz -> ...": an aside and a list of pairs
    reason = _because(condition, result)
    if reason is not None:
        return reason
    answer = re.sub(r"\s*\((?:e\.g\.?|eg|i\.e\.?)[^()]*\)\s*$", "", result).strip()
    # "more elimination ; primary -> more substitution": the effect, then another pair of its own
    answer = _SECOND_PAIR.split(answer, maxsplit=1)[0]
    size = len(words(condition)) + len(re.findall(r"[=<>|]", condition))
    if not 1 <= size <= MAX_CONDITION_WORDS or not re.search(r"[A-Za-z]", answer):
        return []
    if len(answer.split()) > MAX_ANSWER_WORDS:
        return []
    if says_a_change(condition) and not _VALUE_CONDITION.match(condition):
        return [what_follows(condition, answer)]  # "Disposable income falls -> ..."
    opens = answer.split()[0].casefold()
    if plural_clause(condition) and not verb_base(opens, "VBZ"):
        # "chromatids reach poles -> ...", not "ventricles contract -> squeezes blood up":
        # what the contraction does, a clause's verb
        return [what_follows(condition, answer)]
    if _VALUE_CONDITION.match(condition):
        # "|PED| > 1" names its quantity; "= 1", "+ve" take the label's; "1917" is no value
        own = re.search(r"[A-Za-z]{2,}", re.sub(r"[+-]?ve\b", "", condition))
        compared = re.search(r"[=<>\u2264\u2265]", condition)
        if not (quantity or (own and compared)):
            return []
        value = condition if own or not quantity else f"{quantity} {condition}"
        front = f"What does {value} mean?"
        return [Question(front, capital(answer), Shape.EFFECT, 11.0)]
    if EXAMPLE_OPENER.match(condition):
        return []  # "e.g. Mid-Atlantic Ridge -> new crust": an example of what the label names
    done = _done_to_subject(condition, answer, subject)
    if done is not None:
        return done
    if re.search(r"[\d:=(&\u2260]", condition):
        return []  # "Bad harvest 1788 -> ...", "Q = I x t -> ...": an event or a formula
    levels = _levels_stated(condition)
    if levels:
        return [what_follows(levels, answer)]  # "BR low and DR low -> pop high and stable"
    lowered = lower_first(condition.split(), names)
    opens = answer.split()[0].casefold()
    acts = verb_base(opens, "VBZ") is not None and not plural_noun(condition.split()[-1])
    # ("Haber process -> makes ammonia": a name's process, what it does)
    named_kind = len(lowered) > 1 and lowered[-1].islower() and "NOUN" in lemmas(lowered[-1])
    named = lowered[0] == condition.split()[0] and not lowered[0][:1].islower()
    if named and not (acts and named_kind):
        return []  # "Treaty of Versailles -> ...", "NATO -> ...": a name, an event
    if lowered[0] in PRONOUNS or DASH.search(condition) or split_clause(capital(condition)):
        return []  # "He fusion" (helium), "attrition - rocks knock ...", a clause: no cause
    if is_verb_form(opens) and not can_be(opens, "NOUN") and not acts:
        return []  # "salmonella -> found in raw chicken": no effect
    if acts and (opens in _SAYS_AN_EFFECT or plural_then_verb(answer)):
        return []  # "-> leads to internalisation", "-> firms delay investment": an effect
    chained = ARROW_SPLIT.split(answer, maxsplit=1)
    step = chained[0].split()
    if len(chained) == 2 and _a_step([token.casefold() for token in step]):
        # "inelastic demand -> raise price -> TR rises": in that case, the step that brings
        # about a change ("With inelastic demand, what makes TR rise?" :: "Raise price"), or
        # else what the step does
        result = chained[1].strip()
        moved = _made_to(result)
        if moved:
            front = f"With {condition}, what makes {moved}?"
            return [Question(front, capital(chained[0].strip()), Shape.EFFECT, 11.0)]
        doing = inflections(step[0].casefold()).get("VBG")
        if not doing or not result:
            return []
        front = f"With {condition}, what happens after {doing[0]} {' '.join(step[1:])}?"
        return [Question(front, capital(result), Shape.EFFECT, 11.0)]
    compared = compared_clause(condition, names)
    if compared:
        # "pi bond weaker than sigma -> ...": a thing as it stands against another, no cause
        return [Question(f"What follows when {compared}?", capital(answer), Shape.EFFECT, 11.0)]
    # (what a thing does is no effect of it: its condition alone is weighed)
    if no_cause_or_effect(condition, "" if acts else answer):
        return []
    condition = " ".join(lowered)  # "Deforestation -> less rainfall": the line's capital
    tokens = words(condition)
    first = tokens[0] if tokens else ""
    # "hidden curriculum", "increased demand": a participle before a noun names a thing
    describing = len(tokens) > 1 and participle_base(first) and can_be(tokens[1], "NOUN")
    if (not is_noun_phrase_word(first) and not describing) or first in PREPOSITIONS:
        return []
    if is_verb_form(first) and not can_be(first, "NOUN") and not describing:
        return []
    if len(tokens) == 1 and ("NOUN" not in lemmas(first) or "ADJ" in lemmas(first)):
        return []  # "inelastic -> raise price": a describing word, the thing it describes unsaid
    if len(tokens) == 1 and plural_noun(first):
        return []  # "products -> ATP + O2": what they are, not what they lead to
    if any(is_verb_form(token) for token in tokens[1:]):
        return []  # "war declared on Austria -> ...": an event, asked by when it happened
    if acts and any(verb_base(token.casefold(), "VBZ") for token in tokens[1:]):
        return []  # "ADH travels in blood -> binds to receptors ...": a step, then the next
    if acts:
        # "photosynthesis -> makes glucose from carbon dioxide and water": what the thing does
        the = "the " if lowered[0][:1].isupper() else ""  # "the Haber process"
        front = f"What does {the}{' '.join(lowered)} do?"
        return [Question(front, capital(answer), Shape.DEFINITION, 11.0)]
    cut = next((at for at, t in enumerate(tokens) if at and t.casefold() in _JOINS), 0)
    head = tokens[cut - 1] if cut else tokens[-1]  # "rates above neutral": rates
    does = "do" if plural_noun(head) else "does"
    front = f"What {does} {condition[:1].lower() + condition[1:]} lead to?"
    return [Question(front, capital(answer), Shape.EFFECT, 11.0)]


# "-> leads to ...", "-> causes ...": what follows, not what the thing does
_SAYS_AN_EFFECT = frozenset(["leads", "results", "causes", "means", "shifts", "becomes", "gives"])


def _made_to(result: str) -> str:
    """ "TR rises" -> "TR rise": a thing and its change, as what something makes happen; ""
    for any other result."""
    tokens = result.rstrip(".").split()
    if not says_a_change(result) or len(tokens) > MAX_CONDITION_WORDS:
        return ""
    found = _change_verb(tokens)
    if found is None or found[2]:
        return ""
    at = found[0]
    base = verb_base(tokens[at].casefold(), "VBZ" if found[1] == "does" else "VBP")
    if not base:
        return ""
    subject = lower_first(tokens[:at])
    return " ".join([*subject, base, *tokens[at + 1 :]])


_THAN = lazy_regex(
    r"^(?P<thing>.+?)\s+(?P<degree>(?:(?:more|less)\s+)?\S+)\s+than\s+(?P<other>.+)$"
)
_SHARES = frozenset(["all", "some", "most", "none", "any", "every", "no", "each", "few", "many"])


def compared_clause(condition: str, names: frozenset[str] = frozenset()) -> str:
    """ "pi bond weaker than sigma" -> "pi bond is weaker than sigma", "χ² smaller than critical
    value" -> "χ² is smaller than critical value": a thing and how it compares, said as a
    clause; "" where the words before "than" are not a short thing and a degree."""
    found = _THAN.match(condition)
    if not found:
        return ""
    thing = found["thing"].split()
    degree = found["degree"].split()[-1].casefold()
    comparative = found["degree"].casefold().startswith(("more ", "less ")) or (
        degree.endswith(("er", "est")) and "ADJ" in lemmas(degree)
    )
    if not comparative or not 1 <= len(thing) <= 3 or any(is_verb_form(t) for t in thing[1:]):
        return ""
    if thing[0].casefold() in PRONOUNS or thing[-1].casefold() in PREPOSITIONS:
        return ""
    be = "are" if plural_noun(thing[-1]) else "is"
    said = " ".join(lower_first(thing, names))
    return f"{said} {be} {found['degree']} than {found['other']}"


def no_cause_or_effect(condition: str, result: str) -> str:
    """Why "What does `condition` lead to?" :: `result` misreads its line, or "": a state said
    of a thing ("cap too high"), a participle and how ("set below equilibrium"), a describing
    word for an effect ("inelastic in the short run": what the thing is like), or a step and
    its effect for one ("raise price -> TR rises": what the step does, in that case)."""
    tokens = [token.casefold() for token in words(condition)]
    if len(tokens) > 1 and (tokens[-2] in ("too", "so", "very") or "not" in tokens[1:]):
        return "a state of a thing asked as a cause ('What does cap too high lead to?')"
    if len(tokens) == 1 and (tokens[0] in LABEL_WORDS or tokens[0] in GENERIC_SECTIONS):
        return "a label asked as a cause ('What does result lead to?')"
    if len(tokens) > 2 and verb_base(tokens[0], "VBZ") and tokens[1] in _OBJECT_OPENERS:
        return "a verb and its object asked as a cause ('What does stores one bit lead to?')"
    if len(tokens) > 2 and participle_base(tokens[0]) and _compared(tokens[2]):
        return "a deed and its result asked as a cause ('What does made X more Y lead to?')"
    if "," in condition:
        return "a list asked as one cause ('What does gametes A, a lead to?')"
    if len(tokens) > 2 and _state_after_noun(tokens[0], tokens[1]):
        return "a state of a thing asked as a cause ('What do monasteries loyal to Rome lead to?')"
    if re.search(r"\sthan\s", condition):
        return "a comparison asked as a cause ('What does X weaker than Y lead to?')"
    if tokens and tokens[0] in _SHARES and all("ADJ" in lemmas(t) for t in tokens[1:]):
        return "a share of things never named asked as a cause ('What does all dominant lead to?')"
    if _done_how(tokens):
        return "a participle asked as a cause ('What does set below X lead to?')"
    said = words(result)
    opens = said[0].casefold() if said else ""
    present = opens and (verb_base(opens, "VBP") == opens or verb_base(opens, "VBZ"))
    if present and set(lemmas(opens)) <= {"VERB", "AUX"}:
        # ("denatured proteins set": a participle opens a thing, the effect)
        # "two genes on one autosome -> tend to be inherited together": the arrow stands for
        # the verb of one clause, its subject before it
        return "a clause's subject asked as a cause ('... lead to? :: Tend to be inherited')"
    describing = opens and lemmas(opens).keys() == {"ADJ"} and opens in lemmas(opens)["ADJ"]
    if describing and (len(said) == 1 or is_stopword(said[1].casefold())):
        # (but "obedient workers", "big SA" name what follows)
        return "what a thing is like asked as its effect ('What do X lead to? :: Inelastic')"
    chained = ARROW_SPLIT.split(result, maxsplit=1)
    if len(chained) == 2 and _a_step([token.casefold() for token in chained[0].split()]):
        return "a step and its effect asked as one effect ('... lead to? :: Raise price -> ...')"
    return ""


# What opens a verb's object: "stores one bit", "removes the charge"
_OBJECT_OPENERS = frozenset(
    ["a", "an", "the", "one", "two", "three", "four", "each", "every", "its", "their", "all"]
)


def _compared(word: str) -> bool:
    """ "more", "less", "faster": a degree said of what comes before it."""
    if word in ("more", "less", "fewer"):
        return True
    return word.endswith("er") and any(base != word for base in lemmas(word).get("ADJ", ()))


def _state_after_noun(first: str, second: str) -> bool:
    """ "monasteries loyal (to Rome)": a thing, then a describing word said of it, a clause
    without its verb (not "white light", "interest rates": words before the noun they name)."""
    after, before = lemmas(second), lemmas(first)
    return "ADJ" in after and not {"NOUN", "VERB"} & set(after) and set(before) == {"NOUN"}


def _done_how(lowered: list[str]) -> bool:
    """ "set below equilibrium", "kept at 2%": a participle, then how (not "increased demand")."""
    if len(lowered) < 2 or not lowered[0].isalpha() or not participle_base(lowered[0]):
        return False
    return lowered[1] in _JOINS or lowered[1] in _STEP_PARTICLES or lowered[1] in ("too", "to")


# Participles that say what a thing is called, made of or where it is, not what is done to it:
# "named after George Boole" is no happening to ask "What happens when ...?" of.
STATE_PARTICIPLES = frozenset(
    ["named", "called", "termed", "nicknamed", "known", "based", "derived", "composed",
     "found", "located", "situated", "related", "linked", "associated", "classed", "classified"]
)  # fmt: skip


_SHORT_NAME = lazy_regex(r"[A-Z][A-Z0-9]{1,5}")  # "ATP", "AND", "ADH": a thing named in capitals


def _done_to_subject(condition: str, answer: str, subject: str) -> list[Question] | None:
    """ "set below equilibrium -> excess demand" under "Maximum price (price ceiling)": what a
    thing is done to, and by how, asked of the section's thing ("What happens when maximum
    price is set below equilibrium?"), or of the thing the line names in capitals before it
    ("ATP broken down -> releases energy": "What happens when ATP is broken down?"); [] when no
    short name of a thing heads the section, None where the condition does not open on a
    participle followed by how."""
    tokens = condition.split()
    named = len(tokens) > 2 and _SHORT_NAME.fullmatch(tokens[0]) is not None
    named = named and not re.search(r"\d", condition)  # ("CHEKA set up Dec 1917": an event)
    named = named and _done_how([token.casefold() for token in tokens[1:]])
    if named:
        # "AND followed by NOT", "ATP broken down": the line names its own thing, in capitals
        tokens = tokens[1:]
    if not _done_how([token.casefold() for token in tokens]):
        return None  # "increased demand": a participle before a noun names a thing
    if tokens[0].casefold() in STATE_PARTICIPLES:
        return []  # "named after George Boole", "found in the liver": what a thing is, no event
    if tokens[0].casefold() in NO_OBJECT_VERBS:
        return []  # "died without any children": nothing is done to a thing that dies
    if named:
        front = f"What happens when {condition.split()[0]} is {' '.join(tokens)}?"
        return [Question(front, capital(answer), Shape.EFFECT, 11.0)]
    thing = re.sub(r"\s*\([^()]*\)", "", subject).strip().rstrip(":")
    said = words(thing)
    if not 1 <= len(said) <= 3 or said != thing.split() or not is_noun_phrase_word(said[0]):
        return []
    if normalise(thing) in GENERIC_SECTIONS or normalise(said[-1]) in LABEL_WORDS:
        return []  # "Background", "Key points": a part of the notes, not a thing acted on
    if split_clause(capital(thing)) or any(is_verb_form(word) for word in said[1:]):
        return []
    thing = " ".join(lower_first(said))
    be = "are" if plural_noun(said[-1]) else "is"
    front = f"What happens when {thing} {be} {tokens[0].casefold()} {' '.join(tokens[1:])}?"
    return [Question(front, capital(answer), Shape.EFFECT, 11.0)]


def combined(sentence: str) -> list[Question] | None:
    """ "in + dem -> im, in + das -> ins", "zu + dem = zum": what each pair becomes, a card
    for each; None where the line is not all such rules."""
    rules = [part.strip() for part in re.split(r"[,;]\s+", sentence.strip().rstrip("."))]
    matches = [_COMBINED.match(rule) for rule in rules]
    if not rules or not all(matches):
        return None
    return [
        Question(
            f"What does {_spaced(m['pair'] or m['joined'])} become?",
            m["result"] or m["made"],
            Shape.EFFECT,
            11.0,
        )
        for m in matches
        if m
    ]


def _spaced(pair: str) -> str:
    return " + ".join(word.strip() for word in pair.split("+"))


def _because(condition: str, result: str) -> list[Question] | None:
    """A clause or an order before the arrow. For a clause, a "Why" of the result when the
    result is what its subject can or cannot do ("sound needs a medium -> can't travel through
    a vacuum" -> "Why can't sound travel through a vacuum?" :: "Sound needs a medium"); for an
    order, what doing it brings about. [] for a clause read no further (its sentence gets a
    cloze), None where the condition is neither."""
    tokens = condition.split()
    lowered = [token.casefold() for token in tokens]
    if _is_order(lowered):
        answer = result.split(";")[0].strip()
        if not 1 <= len(answer.split()) <= MAX_ANSWER_WORDS:
            return []
        doing = inflections(lowered[0]).get("VBG")
        if not doing:
            return []
        front = f"What happens after {doing[0]} {' '.join(tokens[1:])}?"
        return [Question(front, capital(answer), Shape.EFFECT, 11.0)]
    subject = clause_subject(condition)
    if subject is None:
        return None
    said = result.split(";")[0].strip().rstrip(".")
    said_tokens = said.split()
    if len(said_tokens) < 2 or said_tokens[0].casefold() not in _REASON_AUX:
        return []
    aux = _NEGATED_MODAL.get(said_tokens[0].casefold(), said_tokens[0].casefold())
    if not is_base_verb(said_tokens[1].casefold()) or len(said_tokens) > MAX_ANSWER_WORDS:
        return []
    named = " ".join(lower_first(subject))
    front = f"Why {aux} {named} {' '.join(said_tokens[1:])}?"
    return [Question(front, capital(condition), Shape.WHY, 11.0)]


def clause_subject(condition: str) -> list[str] | None:
    """The subject of a clause before an arrow, or None where the words are a noun phrase:
    "sound needs a medium" -> ["sound"] ("needs" is a verb, a determiner after it)."""
    clause = split_clause(condition)
    if clause is not None:
        return list(clause.subject)
    tokens = condition.split()
    for index in range(1, min(len(tokens) - 1, 4)):
        lower = tokens[index].casefold()
        after = [token.casefold() for token in tokens[index + 1 : index + 3]]
        if after[:1] and after[0] in PARTICLES:
            after = after[1:]  # "deposition seals off the old meander": a verb and its particle
        if verb_base(lower, "VBZ") and after[:1] and after[0] in _DETERMINERS:
            return tokens[:index]
    return None


def _a_step(lowered: list[str]) -> bool:
    """ "raise price", "cut the rate": a short order inside a chain of arrows, its object bare
    or not, but no clause ("supply rises")."""
    if _is_order(lowered):
        return True
    if not 2 <= len(lowered) <= 4 or not is_base_verb(lowered[0]):
        return False
    if split_clause(capital(" ".join(lowered))) or says_a_change(" ".join(lowered)):
        return False  # "supply rises", "signal amplitude falls": a change, not an order
    return not (verb_base(lowered[1], "VBZ") or verb_base(lowered[1], "VBD"))


def _is_order(lowered: list[str]) -> bool:
    """ "switch on the signal generator", "use a stroboscope": a verb's bare form, then what
    is done (a determiner, after a particle or not)."""
    if len(lowered) < 2 or not is_base_verb(lowered[0]):
        return False
    after = lowered[2] if lowered[1] in _STEP_PARTICLES and len(lowered) > 2 else lowered[1]
    return after in _DETERMINERS - {"no"}


# A person or a named thing, the dates of their life or of the deed, and the deed: "Edward
# Jenner (1749-1823) - first vaccine (smallpox), 1796", "James Simpson 1847 - chloroform as
# anaesthetic", "Louis Pasteur - germ theory 1861 -> microbes in the air cause decay".
_ERA = r"(?:\s?(?:BC|AD|BCE|CE)\b)?"
_END = rf"(?:c\.\s?)?\d{{1,4}}{_ERA}"
_LIFE = rf"\((?P<born>{_END})\s?[-\u2013]\s?(?P<died>{_END})\)"
_DEED_YEAR = r"(?:1\d{3}|20\d{2})"
_DEED_LINE = lazy_regex(
    rf"^(?P<who>{PEOPLE})"
    rf"(?:\s+(?P<life>{_LIFE}))?(?:\s+(?P<year>{_DEED_YEAR}))?"
    rf"\s+[-\u2013\u2014]+\s+(?P<deed>\S.*)$"
)
_DEED_END = lazy_regex(rf";\s+(?=(?:[a-z]+\s+)?{_DEED_YEAR}\b)")  # "; 1941 first human pt ..."
LIFESPAN = (15, 110)  # years between the two dates of a life, not of an event ("1854-56")


@dataclass(frozen=True)
class Deed:
    """Who did it, the line that says so (a bare year after the name put in brackets), the
    deed, and its year when the notes give one. A year the notes bracket ("Whiskey Ring
    (1875) - ...") is asked as it stands."""

    who: str
    line: str
    deed: str
    year: str = ""


def _year(text: str) -> int | None:
    found = re.search(r"\d{1,4}", text)
    if not found:
        return None
    return -int(found[0]) if re.search(r"\bBC", text) else int(found[0])


def _is_life(born: str, died: str) -> bool:
    start, end = _year(born), _year(died)
    if start is None or end is None:
        return False
    if end < 0 < start:
        start = -start  # "(c.460-c.370 BC)": both ends before Christ
    if re.fullmatch(r"\d{2}", died.strip()) and start > 100:
        end = start // 100 * 100 + end  # "(1822-95)"
    return LIFESPAN[0] <= end - start <= LIFESPAN[1]


def dated_deed(sentence: str) -> Deed | None:
    """ "James Simpson 1847 - chloroform as anaesthetic" -> who (James Simpson), the deed and
    its year; "Hippocrates (c.460-c.370 BC) - illness = humours out of balance" -> who, with
    the dates of a life that no card asks. Only a line whose name stands before its dates, or
    before a deed that opens on what they did or names its year, is a deed: "Edward Jenner -
    1796 smallpox vaccination" is asked by its date as it stands."""
    match = _DEED_LINE.match(sentence.strip().rstrip("."))
    if not match:
        return None
    who, deed = match["who"], _DEED_END.split(match["deed"], maxsplit=1)[0].strip(" ;,")
    life = match["life"] and _is_life(match["born"], match["died"])
    if match["life"] and not life:
        return None  # "Crimean War (1854-56) - ...": an event's dates, not a life
    if who.isupper() or who.casefold() in LABEL_WORDS or len(words(deed)) < 2:
        return None
    if match["year"] and who.split()[-1].casefold().rstrip(".") in MONTHS:
        return None  # "Aug 1969 - ...", "Burntollet Bridge Jan 1969 - ...": the month is the date's
    if re.match(rf"(?:c\.\s?)?{_DEED_YEAR}\b", deed):
        return None  # "Edward Jenner - 1796 smallpox vaccination": the year is asked
    first = words(deed)[0]
    acts = first[:1].islower() and verb_base(first, "VBD") is not None
    opening = re.sub(r"\([^()]*\)", "", re.split(rf"\s*{ARROW}\s*|[;,]", deed)[0])
    named_year = re.search(rf"\b{_DEED_YEAR}\b", opening)  # not "Crimean War (1854-56)"
    several = len(who.split()) > 1 or bool(re.search(r"\s(?:\+|&|and)\s", who))
    if not (life or match["year"] or (several and (acts or named_year))):
        return None
    dates = f" {match['life']}" if match["life"] else ""
    dates += f" ({match['year']})" if match["year"] else ""
    return Deed(who, f"{who}{dates} - {deed}", deed, match["year"] or "")


# A person's event named as a noun, and how the question asks it as a deed.
_EVENT_DEEDS = {
    "visit": "did {who} visit",
    "return": "did {who} return",
    "arrival": "did {who} arrive",
    "death": "did {who} die",
    "resignation": "did {who} resign",
    "abdication": "did {who} abdicate",
    "assassination": "was {who} assassinated",
    "execution": "was {who} executed",
    "election": "was {who} elected",
    "coronation": "was {who} crowned",
}
_PERSON_EVENT = lazy_regex(
    r"\b(?:after|before|following|since|until|by|at\s+the\s+time\s+of)\s+"
    r"(?P<who>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,3})['\u2019]s\s+"
    rf"(?P<event>{'|'.join(_EVENT_DEEDS)})\s+"
    r"(?:(?P<place>(?:to|from|in|at)\s+[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2})\s+)?"
    rf"(?:in|on)\s+(?P<when>(?:(?i:{'|'.join(MONTHS)})\.?\s+)?\d{{4}})\b"
)


def person_event(sentence: str) -> list[Question]:
    """ "..., especially after Kim Il Sung's visit to Moscow in May 1984, Soviet aid grew" ->
    "When did Kim Il Sung visit Moscow?" :: "May 1984": a dated event of someone's, named as a
    noun to time something else by, is a fact of its own beside it ("contributed to Thatcher's
    resignation in Nov 1990" is the sentence's own fact, asked as such)."""
    match = _PERSON_EVENT.search(sentence)
    if not match or match["who"].split()[0].casefold() in ("the", "a", "an"):
        return []
    deed = _EVENT_DEEDS[match["event"]].format(who=match["who"])
    place = match["place"] or ""
    if place and match["event"] in ("visit",):
        place = place.split(maxsplit=1)[1]  # "visit Moscow", not "visit to Moscow"
    followed = _timed_by(sentence, match)
    front = finish_question(f"When {deed} {place}{followed}".strip())
    return [Question(front, match["when"], Shape.WHY, 10.0, beside=True)]


# "Partial success for USSR - comm regime in North Korea had been consolidated - but ...": a
# verdict on what the section is about, and why, in the parts after it
_VERDICT = lazy_regex(
    r"^(?P<how>(?:[A-Z][a-z]+\s+)?)(?P<verdict>success|failure|victory|defeat|triumph|disaster)"
    r"\s+for\s+(?P<whom>(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})"
    r"\s+[-\u2013\u2014]+\s+(?P<why>[A-Za-z].+)$",
    re.I,
)
_YEARS_AFTER = lazy_regex(r"\s*\(?\b(?:1\d|20)\d\d(?:\s*[-\u2013/]\s*(?:\d{2}|\d{4}))?\)?$")


def verdict(sentence: str, section: str) -> list[Question]:
    """ "Partial success for USSR - comm regime in North Korea had been consolidated - but they
    had failed to expand ..." under "The Korean War 1950-1953" -> "Why was the Korean War a
    partial success for USSR?" :: "Comm regime in North Korea had been consolidated; they had
    failed to expand ...": a verdict on the event the section names, and the reasons it gives."""
    match = _VERDICT.match(sentence.strip().rstrip("."))
    event = _YEARS_AFTER.sub("", section).strip()
    if not match or not event or not re.search(r"\b[A-Z]", event):
        return []  # "Results": no event named to judge
    if not match["verdict"][:1].islower() and match["how"]:
        return []  # "Partial Success for ...": a heading's words, not a line's
    parts = [part.strip(" .,;") for part in DASH.split(match["why"]) if part.strip(" .,;")]
    parts = [re.sub(r"^(?:but|and|as|so)\s+", "", part, flags=re.I) for part in parts]
    if not parts or len(parts) > 3 or any(len(words(part)) > MAX_ANSWER_WORDS for part in parts):
        return []
    if any(len(words(part)) < 3 for part in parts):
        return []
    how = match["how"].strip().casefold()
    judged = f"{how} {match['verdict'].casefold()}".strip()
    event = event[:1].lower() + event[1:] if event.split()[0] in ("The", "A", "An") else event
    front = finish_question(
        f"Why was {event} {indefinite_article(judged)} {judged} for {match['whom']}"
    )
    answer = "; ".join(parts)
    return [Question(front, answer[:1].upper() + answer[1:], Shape.WHY, 11.6)]


# "In March 1992, General X visited North Korea and signed ...": a dated deed and a second one
_DATED_OPENING = lazy_regex(
    r"^(?P<when>(?:In|On)\s+(?:(?:early|mid|late)[-\s])?(?:(?i:"
    + "|".join(MONTHS)
    + r")\.?\s+)?\d{4}),\s+(?P<clause>[A-Za-z].*?)[.!]?$"
)
_THING_OPENS = ("a", "an", "the", "its", "their", "his", "her")


def second_deed(sentence: str) -> list[Question]:
    """ "In March 1992, the chief of staff General X visited Cuba and signed a trade plan and
    an agreement on mutual defence" -> "What did the chief of staff General X sign when
    visiting Cuba in March 1992?" :: "A trade plan; an agreement on mutual defence": the date
    is asked of the first deed, and the second is a fact of its own beside it."""
    match = _DATED_OPENING.match(sentence.strip())
    said = split_clause(match["clause"]) if match else None
    if said is None or said.aux != "did" or not said.base:
        return []
    rest = said.rest
    joined = next(
        (i for i in range(1, len(rest) - 2) if rest[i] == "and" and past_to_base(rest[i + 1])),
        None,
    )
    done = rest[:joined] if joined is not None else []
    if not 1 <= len(done) <= 4 or not all(re.fullmatch(r"[\w'\u2019-]+", t) for t in done):
        return []  # "visited North Korea": a short deed, then the second
    second = past_to_base(rest[joined + 1])
    thing = " ".join(rest[joined + 2 :])
    if re.search(r"[,;:()]|\s[-\u2013\u2014]\s", thing) or not thing:
        return []
    if thing.split()[0].casefold() not in _THING_OPENS:
        return []
    doing = inflections(said.base).get("VBG")
    if not doing or second in ("be", "have"):
        return []
    # "an X and an Y": two things, each an item of the answer
    items = re.split(r"\s+and\s+(?=(?:" + "|".join(_THING_OPENS) + r")\s)", thing)
    if any(len(item.split()) > MAX_ANSWER_WORDS for item in items) or len(items) > 3:
        return []
    if len(items) == 1 and len(thing.split()) > MAX_ANSWER_WORDS:
        return []
    subject = " ".join(lower_first(said.subject))
    when = match["when"][:1].lower() + match["when"][1:]
    front = finish_question(f"What did {subject} {second} when {doing[0]} {' '.join(done)} {when}")
    answer = "; ".join(items)
    return [Question(front, answer[:1].upper() + answer[1:], Shape.WHY, 10.0, beside=True)]


# what the event times, each way the sentence may say it was before or after it
_TIMED_AS = {"after": "after which", "following": "after which", "before": "before which"}
_CLAUSE_END = lazy_regex(r",|;|\.(?:\s|$)|\s(?:as|while|whereas|when|because|although)\s")


def _timed_by(sentence: str, match: re.Match[str]) -> str:
    """ ", after which Soviet military assistance to North Korea grew dramatically": what the
    event times, when the sentence goes on to say it ("especially after Kim Il Sung's visit
    to Moscow in May 1984, Soviet military assistance ... grew dramatically as ..."), so the
    question says which visit it means; "" when the main clause is not a plain statement."""
    word = re.match(r"\w+", match[0])
    timed = _TIMED_AS.get(word[0].casefold()) if word else None
    rest = sentence[match.end() :]
    if not timed or not rest.startswith(", "):
        return ""
    clause = _CLAUSE_END.split(rest[2:], maxsplit=1)[0].strip()
    said = split_clause(clause)
    if said is None or not said.base or len(clause.split()) > 10:
        return ""
    subject = " ".join(lower_first(said.subject))
    return f", {timed} {subject} {' '.join([said.verb, *said.rest])}"
