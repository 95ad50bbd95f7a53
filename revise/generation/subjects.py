"""Subjects: what a sentence is about, found where the student left it.

A card needs its subject in view: the heading a line sits under, the label before a colon, the
person or thing a pronoun points back to, the owner a section names. Each is found here, and a
card's context (its heading trail, shortened) is written from them.
"""

from __future__ import annotations

import re

from revise.formats.model import normalise
from revise.generation.clauses import (
    main_clause,
    object_question,
    phased,
)
from revise.generation.document import Block, BlockKind
from revise.generation.grammar import (
    INVERTING,
    PREPOSITIONS,
    can_be,
    capitalised,
    done_to_subject,
    lemmas,
    lower_first,
    opens_subordinate,
    split_clause,
    verb_base,
)
from revise.generation.language import (
    ARROW,
    AUXILIARIES,
    LABEL_WORDS,
    PEOPLE,
    is_label_phrase,
    is_number_word,
    is_stopword,
    is_verb_form,
    words,
)
from revise.generation.maths import loose_maths
from revise.generation.patterns import lazy_regex
from revise.generation.plaintext import DATED_ENTRY, GENERIC_SECTIONS
from revise.generation.pronouns import (
    Antecedent,
    pair_named,
    person_inside,
    resolved,
    subject_of,
)
from revise.generation.questions import (
    DASH,
    RELATION_LABELS,
    TERM_ENDING,
    Question,
    Shape,
    capital,
    definition,
    is_plural,
    label_definition,
    names_or_describes,
    plural_then_verb,
)
from revise.generation.structure import (
    LIST_COUNT,
    ListGroup,
    Outline,
    Passage,
    states_a_fact,
)
from revise.generation.targets import (
    Target,
    TargetKind,
    Vocabulary,
    citations,
    find_targets,
)
from revise.generation.tidying import (
    MIN_FACT_WORDS,
    sentences,
    tidy,
)

# Leads that name a kind of list rather than its subject: "Examples:" needs its heading.
LIST_LABELS = RELATION_LABELS  # "Examples", "Leaders": a label for a list of what it names
MAX_LABEL_WORDS = 12
MAX_LABEL_HEAD_WORDS = 4  # "Anaerobic respiration - ...": the name a lead line opens on
MAX_SUBJECT_LABEL_WORDS = 4


# Words that open a sentence's predicate once its subject is gone: an auxiliary or modal ("is",
# "can"), or a verb of effect ("helps build neural hooks").
PREDICATE_STARTS = INVERTING | frozenset(
    {"helps", "allows", "makes", "causes", "means", "requires"}
)


MAX_ENDING_NAME_WORDS = 8


MAX_TERM_WORDS = 5


def pronouns_resolved(
    passage: Passage,
    spans: list[tuple[int, int, str]],
    previous: Passage | None,
    vocabulary: Vocabulary,
) -> list[tuple[str, int, str]]:
    """Each sentence of a paragraph, tidied, with an opening pronoun replaced by the subject it
    stands for ("Gaius Marius was consul seven times. In 107 BC he recruited ..." -> "In 107 BC
    Gaius Marius recruited ..."), the first line its card must show (the line that names the
    subject) and that subject, normalised ("" where none was put in). The paragraph before
    under the same heading may name it."""
    block = passage.block
    if block.kind not in (BlockKind.TEXT, BlockKind.ITEM):
        return [(tidy(raw), block.line_at(start), "") for start, _, raw in spans]
    antecedents: list[Antecedent] = []
    read: list[str] = []  # the sentences read so far, whose names "the two nations" may be
    follows = block.kind is BlockKind.TEXT and previous and previous.block.kind is BlockKind.TEXT
    if follows and previous and previous.trail == passage.trail:
        for start, _, raw in sentences(previous.block.text):
            said = resolved(tidy(raw), antecedents)[0]
            read.append(said)
            line = previous.block.line_at(start)
            subject = subject_of(said, line, vocabulary.lower, vocabulary.names)
            antecedents.extend([subject] if subject else [])
    out = []
    for start, _, raw in spans:
        line = block.line_at(start)
        said, named = resolved(tidy(raw), antecedents)
        if named is None:
            said, named = person_inside(said, antecedents, vocabulary.lower, vocabulary.names)
        said = pair_named(said, read, vocabulary.names)
        read.append(said)
        out.append((said, named.start, normalise(named.text)) if named else (said, line, ""))
        subject = subject_of(said, line, vocabulary.lower, vocabulary.names)
        antecedents.extend([subject] if subject else [])
    lines = [block.line_at(start) for start, _, _ in spans]
    return _anchored_in_time(out, lines, vocabulary.names)


_AS_OF = lazy_regex(r"^As\s+of\s+(?P<when>[^,]*\d[^,]*),\s", re.I)
_PRESENT_PERFECT = lazy_regex(
    r"^[^,;:]*?\b(?:has|have)\s+(?:(?:not|also|now|\w+ly)\s+)?[a-z]+(?:ed|en|wn|ne|un|ught)\b"
)
_OWN_TIME = lazy_regex(r"\b(?:1[0-9]|20)\d\d\b|\b\d0s\b|^(?:as\s+of|by|since|in|until)\b", re.I)


def _anchored_in_time(
    resolved_sentences: list[tuple[str, int, str]], lines: list[int], names: frozenset[str]
) -> list[tuple[str, int, str]]:
    """A sentence that says how things have come to stand ("Relations with Russia have cooled
    considerably") right after one that sets the date things stand at ("As of mid-1993,
    security relations were in flux.") holds as of that date: it is asked with it, since without
    it the card states as true today what the notes date."""
    out = list(resolved_sentences)
    for index in range(1, len(out)):
        said, first_line, inserted = out[index]
        anchor = _AS_OF.match(resolved_sentences[index - 1][0])
        if anchor and _PRESENT_PERFECT.match(said) and not _OWN_TIME.search(said):
            dated = f"As of {anchor['when']}, {' '.join(lower_first(said.split(), names))}"
            out[index] = (dated, min(first_line, lines[index - 1]), inserted)
    return out


def deed_for_named(
    shapes: list[Question],
    sentence: str,
    before: str,
    names: frozenset[str],
    told: bool = False,
) -> Question | None:
    """What the one a "Who ...?" question names did, where the line before names them too:
    "Who launched 2 unsuccessful attempts ...? :: Mao" after a line on Mao is guessed, "What
    did Mao launch?" is not. `told` says the sentence's doer was taken from the line before
    ("He banned ..." after "Hitler became ..."): what they did is asked, never who."""
    named = next((shaped.back for shaped in shapes if shaped.shape == Shape.WHO), "")
    if not told and (not named or not re.search(rf"(?<!\w){re.escape(named)}(?!\w)", before)):
        return None
    done = [shaped for shaped in shapes if shaped.shape == Shape.OBJECT]
    if not done and (told or sentence.startswith(named)):
        done = object_question(main_clause(sentence), names, about_label=True)
    return done[0] if done else None


_SIGNIFICANCE = lazy_regex(
    r"^(?:the\s+)?(?:significance|importance|impact|effects?|consequences?)\s+of\s+"
    r"(?P<the>the\s+)?(?P<thing>[^,:;()]+?)(?:\s+(?:for|on)\s+.+)?$",
    re.I,
)


def significance_subject(trail: tuple[str, ...]) -> str:
    """ "Significance of the war for the USA" -> "The war": what a section's subjectless
    bullets say things of."""
    for heading in reversed(trail):
        match = _SIGNIFICANCE.match(tidy(heading).rstrip(" :"))
        if match and len(match["thing"].split()) <= MAX_SUBJECT_LABEL_WORDS:
            the = "the " if match["the"] or match["thing"][:1].islower() else ""
            return capital(f"{the}{match['thing']}")
    return ""


def says_what_it_did(sentence: str) -> bool:
    """ "Demonstrated potential power of an alliance ...": a past verb with no subject."""
    first = re.match(r"[A-Za-z]+", sentence)
    # "Boosted IRA recruitment": a verb and its object, a fact once the subject is put before
    if not first or len(words(sentence)) < MIN_FACT_WORDS - 1:
        return False
    word = first[0].casefold()
    return verb_base(word, "VBD") is not None and not can_be(word, "NOUN")


_DEMONSTRATIVE = lazy_regex(r"^(?:this|these|that|those)\s+([a-z]+)\b", re.I)
MAX_NAMING_HEADING_WORDS = 5
_OPENING_PHRASE = lazy_regex(
    r"^(?:throughout|in|during|by|from|after|before|since|until|over|for|at|on)\b[^,]{2,60},\s+",
    re.I,
)


def named_by_section(
    sentence: str, passage: Passage, vocabulary: Vocabulary, before: str = ""
) -> str:
    """ "This support was vital for ..." under "Economic and Military Support" -> "Economic and
    military support was vital for ...": the heading that ends on the thing pointed to names
    it whole. Whose it is comes from the sentence before, where that one's subject holds it
    ("The Soviet Union provided North Korea with aid. This support ..." -> "The Soviet
    Union's economic and military support ...")."""
    names = vocabulary.names
    match = _DEMONSTRATIVE.match(sentence)
    heading = tidy(passage.trail[-1]) if passage.trail and not passage.label else ""
    tokens = heading.split()
    if not match or not tokens or len(tokens) > MAX_NAMING_HEADING_WORDS:
        return sentence
    if not can_be(match[1], "NOUN") or tokens[-1].casefold() != match[1].casefold():
        return sentence
    if len(tokens) < 2 or any(not word.isalpha() and word.casefold() != "and" for word in tokens):
        return sentence  # "Support": no more than the sentence says; "Support (1950s)": a label
    named = " ".join(lower_first(tokens, names))
    owner = _owner_before(before, vocabulary)
    if owner:
        named = f"{owner}'{'' if owner.endswith('s') else 's'} {named}"
    return capital(f"{named}{sentence[match.end() :]}")


def _owner_before(before: str, vocabulary: Vocabulary) -> str:
    """The subject of the sentence before, past a fronted phrase ("Throughout the 1950s, the
    Soviet Union provided ..." -> "the Soviet Union"); "" where it names no one thing."""
    said = capital(_OPENING_PHRASE.sub("", before.strip()))
    subject = subject_of(said, 0, vocabulary.lower, vocabulary.names) if said else None
    if subject is None or len(subject.text.split()) > MAX_OWNER_WORDS:
        return ""
    return " ".join(lower_first(subject.text.split(), vocabulary.names))


def siblings(passage: Passage, other: Passage) -> bool:
    return (
        passage.block.kind is BlockKind.ITEM
        and other.block.kind is BlockKind.ITEM
        and passage.trail == other.trail
        and passage.label == other.label
    )


_NO_SUBJECT = lazy_regex(
    r"^(?:(?P<front>[A-Z][a-z]+(?:\s[a-z]+){0,3})\s+[-\u2013\u2014]+\s+)?(?P<verb>[A-Za-z]+)\s"
    r"(?P<rest>.+)$"
)
_OPENING_DEED = lazy_regex(
    r"^(?P<name>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2})\s(?:[a-z]+ly\s)?(?P<verb>[a-z]+)\s"
)


_PRONOUN_DEED = lazy_regex(
    r"^(?:(?:Therefore|So|Thus|Then|Later|Also),?\s+)?(?:he|she)\s+(?P<rest>[a-z].+)$", re.I
)


def subject_from(sentence: str, before: str, vocabulary: Vocabulary) -> str:
    """ "In private - made clear that he didn't want to be involved" after "Khrushchev publicly
    agreed to retaliate ...": "In private, Khrushchev made clear that ...", a deed with no doer
    done by the one its sibling line opened on; "" where the line has its own subject or the
    line before opens on no name and deed."""
    opened = _FRONTED_PHRASE.match(before.strip())
    named = _OPENING_DEED.match(before.strip()[opened.end() if opened else 0 :])
    if named and verb_base(named["verb"], "VBD") is None:
        named = None  # "Hitler Youth - ...": no deed of someone named
    said_of = _PRONOUN_DEED.match(sentence)
    if said_of and named and verb_base(said_of["rest"].split()[0].casefold(), "VBD"):
        # "In essence - Stalin wanted ..." then "Therefore he needed Mao to fight ...": the
        # one the line before opened on
        deed = f"{named['name']} {said_of['rest']}"
        return deed if _names_person(named["name"], vocabulary) else ""
    match = _NO_SUBJECT.match(sentence)
    if not match or not named:
        return ""
    verb = match["verb"].casefold()
    if verb_base(verb, "VBD") is None or match["rest"].split()[0].casefold() == "by":
        return ""  # "overruled by the Lords": done to it, not by it
    after = match["rest"].split()[0].casefold()
    if done_to_subject(verb) and (after in PREPOSITIONS or after[:1].isdigit()):
        # "executed at Fotheringhay Castle" after "Elizabeth kept her captive": a verb that
        # takes an object, with none, says what was done to the one the section is about
        return ""
    name = named["name"]
    if not _names_person(name, vocabulary):
        return ""  # "The treaty ...", "Rationing introduced ...": no one named
    deed = f"{name} {verb} {match['rest']}"
    return f"{match['front']}, {deed}" if match["front"] else deed


_FRONTED_PHRASE = lazy_regex(r"^[A-Z][a-z]+(?:\s[a-z]+){0,3}\s+[-\u2013\u2014]+\s+")


_LABEL_NAME = lazy_regex(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2}")


def named_by_label(sentence: str, label: str, vocabulary: Vocabulary) -> str:
    """ "He was concerned that Taiwan could be used as a US base" under "Taiwan was extremely
    important to Mao for 2 reasons" -> "Mao was concerned that ...": "he" or "she" opening a
    sub-bullet is the one name of the parent bullet that is a person's and that the sentence
    does not name itself (a pronoun never stands for a name in its own clause); "" where
    the parent names no such one, or more than one."""
    said_of = re.match(r"(?:he|she)\s+(?P<rest>[a-z].+)$", sentence, re.I)
    if not said_of or not label:
        return ""
    shown = f" {normalise(sentence)} "
    named = {
        name
        for name in _LABEL_NAME.findall(label)
        if f" {normalise(name)} " not in shown and _names_person(name, vocabulary)
    }
    if len(named) != 1:
        return ""
    return f"{named.pop()} {said_of['rest']}"


def _names_person(name: str, vocabulary: Vocabulary) -> bool:
    """ "Khrushchev", "Kim Il-Sung": words the notes never write in lower case, and no "The"."""
    return not any(
        word.casefold() in vocabulary.lower or is_stopword(word.casefold()) for word in name.split()
    )


def points_away(sentence: str, context: str) -> bool:
    """ "This property comes from the law of inertia": a thing named in the sentence before,
    which the card does not show; "This law ..." under "Newton's First Law" says which law."""
    match = _DEMONSTRATIVE.match(sentence)
    if not match or not can_be(match[1], "NOUN"):
        return False
    named = {word.casefold().rstrip("s") for word in words(context)}
    return match[1].casefold().rstrip("s") not in named


_PERSON_SAYS = lazy_regex(rf"^(?P<who>{PEOPLE})\s*(?:[-\u2013\u2014]|{ARROW}|:)\s+(?P<said>\S.*)$")
MIN_SAID_WORDS = 3  # "W.D. Ross - ignores special relationships": a point, not a label


def opening_person(sentence: str, vocabulary: Vocabulary) -> Target | None:
    """ "W.D. Ross - ignores special relationships", "Bernard Williams - util ignores
    integrity": a line that opens on a person and then says their point; the person is the
    fact to recall. A name's words are ones the notes never write in lower case ("Strong Rule -
    ..." names a rule)."""
    match = _PERSON_SAYS.match(sentence)
    if not match or len(words(match["said"])) < MIN_SAID_WORDS:
        return None
    who = match["who"].strip()
    if any(word.casefold() in vocabulary.lower for word in re.findall(r"[A-Za-z]{2,}", who)):
        return None
    if is_stopword(who.split()[0].casefold()):
        return None  # "For Khrushchev - ...": for whom it mattered, not who said it
    people = re.split(r"\s*(?:\+|&|\band\b)\s*", who)
    if not all(len(person.split()) >= 2 or "." in person for person in people):
        return None  # "Bentham - ...", "Secular - ...": one word may be a label, not a person
    if re.search(r"\b\d{3,4}\b", match["said"][:12]):
        return None  # "Fleming 1928 - ...": a dated deed, asked with its date
    return Target(0, len(who), who, TargetKind.NAME, 1.0)


# "Hume", "the Soviet Union": whose a point is, or whose the support a "This support ..." points to
MAX_OWNER_WORDS = 4
# "Hume: ...", "Russell / Frege - ...": a point that opens on whose it is
OWN_SPEAKER = lazy_regex(
    r"^[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|/|&|and))*\s*(?::|\s[-\u2013\u2014]\s)"
)


def person_like(name: str) -> bool:
    """ "Kant", "Anselm", "William James": capitalised words no dictionary holds, a name of
    someone (or somewhere), never a term whose meaning is asked."""
    tokens = [token for token in words(name) if not is_stopword(token.casefold())]
    return bool(tokens) and all(
        token[:1].isupper() and not lemmas(token.casefold()) and not TERM_ENDING.search(token)
        for token in tokens
    )


def labels_over_speakers(outline: Outline) -> set[int]:
    """The lines of bullets over points that name whose point each is ("Criticisms" over
    "Hume: ...", "Russell: ..."): a kind of point, never the owner of the points under it."""
    found = set()
    for part in outline.parts:
        blocks = part.items if isinstance(part, ListGroup) else [part.block]
        line = part.lead.start if isinstance(part, ListGroup) else part.label_line
        found.update(line for block in blocks if OWN_SPEAKER.match(block.text))
    return found


def ending_name(sentence: str, vocabulary: Vocabulary, terms: tuple[str, ...]) -> Target | None:
    """ "Negotiations kept secret from Mao": a short bullet that ends on a name has that name
    as its fact, however often the notes name it."""
    if len(words(sentence)) > MAX_ENDING_NAME_WORDS:
        return None
    end = len(sentence.rstrip(" ."))
    for target in find_targets(sentence, vocabulary, terms):
        if target.end == end and target.kind in (TargetKind.NAME, TargetKind.ACRONYM):
            return target if target.score > 0 and target.start > 0 else None
    return None


def opening_study(text: str) -> str:
    """The study a line opens on, by its authors and year ("Zeanah et al (2005)"), or ""."""
    found = citations(text)
    if not found:
        return ""
    (who, _), (_, year_end) = found[0]
    if text[:who].strip():
        return ""
    return text[who : year_end + 1 if text[year_end : year_end + 1] == ")" else year_end]


def with_study(context: str, study: str, sentence: str) -> str:
    """The context of a later sentence of a line that opened on a study: the study named, where
    the sentence does not name it itself and the context does not already."""
    if not study:
        return context
    named = normalise(re.sub(r"\(?\d{4}\)?", "", study))
    if f" {named} " in f" {normalise(sentence)} " or f" {named} " in f" {normalise(context)} ":
        return context
    return f"{context} > {study}"


_ORDINAL_PHASE = lazy_regex(
    r"\bthe\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)"
    r"\s+(?:phase|period|stage|era)\b",
    re.I,
)


_PERIOD_NAMED = lazy_regex(
    r"\bthe\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)"
    r"\s+(?:phase|period|stage|era)(?:\s+\([^()]*\))?",
    re.I,
)


def with_phased(context: str, spans: list[tuple[int, int, str]], index: int, sentence: str) -> str:
    """The context of a sentence about "the first period" of a run the paragraph grouped into
    phases before it ("General trends in aid can be grouped into six phases. During the first
    period (1953-56), ..."): what the phases are of, which the period alone never says. A
    sentence that names no period but sits between two that do ("In the second period
    (1957-60), ... . As China pulled its troops out, it increased aid. During the third phase
    ...") tells more of the period before it, which its context names too."""
    before = spans[:index]
    if not _ORDINAL_PHASE.search(sentence):
        between = 0 < index < len(spans) - 1 and not re.search(r"\d", sentence)
        period = _PERIOD_NAMED.search(before[-1][2]) if between else None
        if period and _ORDINAL_PHASE.search(spans[index + 1][2]):
            phases = with_phased(context, spans, index - 1, before[-1][2])
            if phases != context:
                return f"{phases} > {capital(' '.join(period[0].split()))}"
        return context
    for _, _, said in reversed(before):
        whole = tidy(phased(said))
        if whole:
            named = f" {normalise(whole)} "
            if named in f" {normalise(sentence)} " or named in f" {normalise(context)} ":
                return context
            return f"{context} > {whole}"
    return context


def card_context(passage: Passage, title: str) -> str:
    """The heading trail, and the label or parent bullet the passage sits under."""
    parts = [tidy(loose_maths(heading)) for heading in passage.trail if not states_a_fact(heading)]
    # A fact stated as a heading sits under the heading that names it: that name is its answer.
    label = short_label(passage.label) if passage.block.kind is not BlockKind.HEADING else ""
    if label and normalise(label) not in {normalise(part) for part in parts}:
        parts.append(label)
    return " > ".join(part for part in parts if part) or tidy(title)


def with_term_heads(block: Block) -> list[tuple[int, int, str]]:
    """The block's sentences, a first one that is only the author's bold term ("**Mutual
    exclusion**. Only one process may use ...") joined to the sentence that says what it is."""
    spans = sentences(block.text)
    if len(spans) > 1 and block.terms:
        head = normalise(spans[0][2].rstrip(".:"))
        if any(normalise(term.rstrip(".:")) == head for term in block.terms):
            joined = (spans[0][0], spans[1][1], f"{spans[0][2]} {spans[1][2]}")
            return [joined, *spans[2:]]
    return spans


def heading_subject(passage: Passage) -> str:
    """The thing a paragraph's own heading names ("Enthalpy of Hydration, $\\Delta H$" ->
    "Enthalpy of Hydration"), as what its "This is ..." is about; "" for a heading that names
    no thing ("Using ΔH meaningfully", "Summary") or a paragraph under a label of its own."""
    if passage.block.kind is not BlockKind.TEXT or passage.label or not passage.trail:
        return ""
    heading = re.split(r"[,(:]", tidy(loose_maths(passage.trail[-1])), maxsplit=1)[0].strip()
    if normalise(heading) in GENERIC_SECTIONS or states_a_fact(heading):
        return ""
    if re.search(r"&|/|\bvs\.?\b|\bversus\b", heading, re.I):
        return ""  # "Exchange Rate & BOP": two things, neither the subject
    return label_subject(heading)


_POINTS_BACK = lazy_regex(
    r"^(?:this|it)\s+(?:is|was|refers\s+to|means|describes)\s+"
    r"(?!why|because|how|what|where|when|not|also|known|called|used|similar|different|just"
    r"|important|true|false|the\s+(?:reason|case|same)|an?\s+example)",
    re.I,
)
_PLAINLY = lazy_regex(r"^(?:basically|essentially|simply|in\s+short|put\s+simply),?\s+", re.I)


def about_heading(sentence: str, subject: str) -> tuple[str, list[Question]]:
    """The first sentence of a section said of the thing its heading names: "This is the
    energy required ..." -> "Lattice energy is the energy required ..."; "Basically the energy
    required ..." -> what it is. Returns the sentence to card and any question it already is."""
    if _POINTS_BACK.match(sentence):
        said = sentence.split(maxsplit=1)[1]
        return f"{subject} {said}", definition(f"{subject} {said}", (), frozenset())
    plainly = _PLAINLY.match(sentence)
    fragment = sentence[plainly.end() :] if plainly else sentence
    clause = split_clause(fragment)
    # After "Basically", "the energy required for ..." is a noun phrase, not a past tense.
    reduced = plainly and clause is not None and clause.verb.endswith("ed")
    # Only after "Basically" is a sentence that seems to lack a verb surely a definition:
    # "The prices of Australian goods (exports) fall while ..." has one the grammar missed.
    if plainly and (clause is None or reduced) and not is_predicate(fragment):
        return sentence, label_definition(subject, fragment, noun_phrase=bool(reduced))
    if clause is None and _says_what_it_is(fragment, subject):
        # "## Turgor" over "The pressure of the cell contents pushing against the cell wall.":
        # a noun phrase and no verb, what the heading's thing is
        return sentence, label_definition(subject, fragment, noun_phrase=True)
    return sentence, []


_CLAUSE_OPENERS = frozenset(
    ["that", "which", "who", "whom", "whose", "when", "where", "while", "if", "because", "until"]
)
_ARTICLE_FIRST = lazy_regex(r"(?:the|an?)\s+([a-z][\w-]*)", re.I)


def _says_what_it_is(fragment: str, subject: str) -> bool:
    """ "The pressure of the cell contents pushing against the cell wall." under "Turgor": a
    noun phrase, with no verb the grammar may have missed ("An interrupt is a signal ...",
    "The prices of goods fall while ..." say something of a thing of their own), of as many
    things as the heading names."""
    opening = _ARTICLE_FIRST.match(fragment)
    if not opening or fragment.rstrip().endswith(":"):
        return False
    tokens = [token.casefold() for token in words(fragment)]
    if len(tokens) > 2 and not is_plural(opening[1]) and verb_base(tokens[2], "VBZ"):
        return False  # "The plant uses light energy ...": a verb the grammar took for a noun
    clause = next((at for at, token in enumerate(tokens) if token in _CLAUSE_OPENERS), None)
    if any(token in AUXILIARIES for token in tokens[:clause]):
        return False  # (but "... given up when a choice is made": the verb of a clause inside)
    if clause is None and not any(token in _GOING_ON for token in tokens[2:]):
        return False  # "The falling ball test.": a name, with nothing it says of the thing
    return is_plural(opening[1]) == is_plural(subject.split()[-1])


# What a meaning goes on with after the thing it names ("The price at which ...", "The pressure
# of the cell contents ...", "A signal to the processor ...")
_GOING_ON = PREPOSITIONS | {"of", "to", "as"}


_NUMBERING = lazy_regex(r"^\s*(?:\d+|[IVX]+|[A-Za-z])[.)]\s+")  # "3. ", "IV) ", "b. "
_CLOSING_ASIDE = lazy_regex(r"\s*\([^()]*\)$")


def section_subject(passage: Passage) -> str:
    """What a passage's parent bullet or heading is about, in lower case as the subject of a
    rule: "**revocation** - can withdraw ..." -> "revocation", "## 3. CONSIDERATION" ->
    "consideration"; "" where neither names one thing."""
    for text in (passage.label, *reversed(passage.trail[-1:])):
        head = _NUMBERING.sub("", DASH.split(tidy(text))[0])
        head = head.casefold() if head.isupper() else head
        head = _CLOSING_ASIDE.sub("", head)  # "Alkenes (electrophilic addition)"
        named = label_subject(head)
        if named and len(words(named)) <= MAX_TERM_WORDS:
            return " ".join(lower_first(named.split()))
    return ""


def owner_of_part(passage: Passage) -> str:
    """The label a point sits under, as its subject; where that label names a part of the
    thing above it ("Purpose" over "- produces 2 identical cells" under "Mitosis", "Effects"
    over "- raises unemployment"), the thing above it, or "" where that names no thing."""
    subject = label_subject(passage.label)
    said = tidy(passage.label).rstrip(" :")
    if normalise(subject or (said if is_label_phrase(said) else "")) not in LABEL_WORDS:
        return subject
    above = [text for text in passage.trail if text != passage.label]
    return label_subject(above[-1]) if above else ""


def label_subject(label: str) -> str:
    """A parent bullet that names a thing ("**working memory:**", "Recall"), as the subject
    of its sub-bullets; "" for a parent that says something itself."""
    text = tidy(label).rstrip(" :")
    tokens = words(text)
    if not 1 <= len(tokens) <= MAX_SUBJECT_LABEL_WORDS or any(
        is_verb_form(t) and not names_or_describes(tokens, at) for at, t in enumerate(tokens)
    ):
        return ""  # ("Fixed costs", "Opportunity cost" name things; "Stalin died" says one)
    # ("Normative social influence (NSI)": a name with its letters beside it is one thing)
    bare = re.sub(r"\s\([A-Z]{2,6}\)$", "", text)
    if normalise(text) in LIST_LABELS or is_label_phrase(text) or any(ch in bare for ch in ",;()"):
        return ""  # ("Key terms" over "- dualism = ...": a heading over terms, itself none)
    if is_number_word(tokens[0]) or tokens[0].isdigit():
        return ""  # "four chambers:" over the chambers: a count of what follows, no thing
    lowered = [token.casefold() for token in tokens]
    conjunction = len(lowered) > 1 and lowered[1] in ("and", "or", "&")
    if (
        len(lowered) > 1
        and "VERB" in lemmas(lowered[0])
        and is_stopword(lowered[1])
        and not conjunction
    ):
        return ""  # "Watch for procrastination cues": advice, not a thing
    return capitalised(text)


def is_predicate(fragment: str) -> bool:
    """ "helps build neural hooks", "can get bigger", "has tight spacing": a sentence without
    its subject."""
    first = re.match(r"[A-Za-z']+", fragment)
    if not first or not fragment[:1].islower():
        return False
    word = first[0].casefold()
    if word in PREDICATE_STARTS:
        return True
    parts = lemmas(word)
    if "VERB" not in parts or verb_base(word, "VBZ") is None:
        return False
    if "NOUN" not in parts:
        return True
    # "helps build", "allows you to": a verb that could be a plural noun, read by what follows.
    following = fragment[first.end() :].split()[:1]
    after = following[0].casefold() if following else ""
    if plural_then_verb(fragment):
        return False  # "forests hold about 30% ...": a subject and its verb
    return after in _VERB_OBJECTS or (after.isalpha() and after in lemmas(after).get("VERB", ()))


_VERB_OBJECTS = frozenset(["you", "us", "them", "the", "a", "an", "to", "your", "our", "their"])


# A named thing, then the ", which was ..." clause that announces the count of what follows.
_COUNT_SAID_OF = lazy_regex(
    r"(?<![\w'\u2019-])(?P<name>[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2}),\s+which\s+"
    r"(?P<said>(?:is|was|are|were)\s[^,;:]+?)\s*:?$"
)


_TURN = lazy_regex(r",?\s+(?:but|however|whereas|except\s+that)\s+(?=\S)", re.I)


def short_label(label: str) -> str:
    """A parent bullet as a context line: the part that introduces the sub-bullets (the last
    of its dash-separated parts when it ends in ':'), cut to a dozen words."""
    if not label:
        return ""
    pieces = [piece for piece in DASH.split(label) if piece.strip()]
    text = pieces[-1] if label.rstrip().endswith(":") else pieces[0]
    counted = _COUNT_SAID_OF.search(pieces[-1].strip()) if LIST_COUNT.search(label) else None
    if counted and len(f"{counted['name']} {counted['said']}".split()) <= MAX_LABEL_WORDS:
        # "... set up their own govt in Taiwan, which was extremely important to Mao for 2
        # reasons" over the reasons: "Taiwan was extremely important to Mao for 2 reasons"
        return tidy(f"{counted['name']} {counted['said']}").rstrip(" :;,.")
    if DATED_ENTRY.match(label) and len(pieces) == 2:  # "1948 - Berlin Blockade", not "1948"
        text = label
    if len(pieces) == 2 and counted_kinds(label):
        text = label  # "Kelman (1958) - 3 types of conformity": whose kinds, and of what
    text = tidy(text).rstrip(" :;,.")
    said = re.split(r"(?<=[.!?])\s+(?=[A-Z\d])", text)
    if label.rstrip().endswith(":") and (len(said) > 1 or len(pieces) > 1):
        # "Anaerobic respiration - only glycolysis, 2 ATP. NAD must be regenerated:" over its
        # items: the last sentence leads into them, under the name the line opens on;
        # "Product life cycle (PLC) - stages a product goes through:" keeps the name the stages
        # are of, or only that name where both would not fit on a line
        text = said[-1]
        head = _NUMBERING.sub("", tidy(pieces[0])).rstrip(" :;,.") if len(pieces) > 1 else ""
        bare = re.sub(r"\s*\([^()]*\)", "", head).strip()  # "(Bruce Henderson, 1970)": an aside
        named = 0 < len(bare.split()) <= MAX_LABEL_HEAD_WORDS and split_clause(bare) is None
        named = named and not any(is_verb_form(word) for word in words(bare))
        if named and len(f"{head} {text}".split()) <= MAX_LABEL_WORDS:
            text = f"{head}: {text}"  # (a name, not "Natural fertilisers are organic")
        elif named and len(f"{bare} {text}".split()) <= MAX_LABEL_WORDS:
            text = f"{bare}: {text}"
        elif named and len(said) == 1:
            text = head if len(head.split()) <= MAX_LABEL_WORDS else bare
    turned = _TURN.split(text)[-1]
    if label.rstrip().endswith(":") and len(text.split()) > MAX_LABEL_WORDS >= len(turned.split()):
        # "The CA is normally bound by its own decisions BUT Young's case (1944) gives 3
        # exceptions:": what leads into the items is the clause after the turn
        text = turned[:1].upper() + turned[1:]
    if label.rstrip().endswith(":") and len(text.split()) > MAX_LABEL_WORDS:
        clauses = re.split(r",\s+", text)
        tail = clauses.pop()
        while clauses and len(f"{clauses[-1]}, {tail}".split()) <= MAX_LABEL_WORDS:
            tail = f"{clauses.pop()}, {tail}"
        if clauses and opens_subordinate(tail):
            return ""  # "..., which is why they are called non-specific:" says nothing alone
        text = tail[:1].upper() + tail[1:]
    if len(text.split()) > MAX_LABEL_WORDS:
        text = re.split(r",\s+|;\s+", text, maxsplit=1)[0]
    # ("Young's double slit (Thomas Young" cut at a comma in its bracket: the name alone)
    text = re.sub(r"\s*\([^()]*$", "", text)
    if len(text.split()) > MAX_LABEL_WORDS:
        return _defined_term(text)
    return text


def _defined_term(text: str) -> str:
    """ "Judicial precedent = judges follow the decisions of earlier cases where ..." over
    "based on stare decisis", too long a line for a label: the term its sub-bullets say more of;
    "" for any other line."""
    term, equals, meaning = text.partition(" = ")
    named = _NUMBERING.sub("", term).strip()
    if not equals or not words(meaning) or not 0 < len(named.split()) <= MAX_LABEL_HEAD_WORDS:
        return ""
    return named if all(word.isalpha() for word in words(named)) else ""


# "Kelman (1958) - 3 types of conformity", "3 main types of long-term memory:": a count of the
# kinds of a thing, perhaps after whose division it is
_COUNTED_KINDS = lazy_regex(
    r"^(?:(?P<who>[A-Z][^-\u2013\u2014:=]{1,30}?)\s*(?::|\s[-\u2013\u2014]+)\s+)?"
    r"(?P<count>\d|two|three|four)\s+(?:main\s+|key\s+)?"
    r"(?P<noun>types|kinds|forms|categories|classes)\s+of\s+(?P<of>[A-Za-z][\w'\u2019 -]{1,40}?)"
    r"(?P<aside>\s*\([^()]*\))?\s*:?$",
    re.I,
)


def counted_kinds(lead: str) -> str:
    """ "3 types of conformity" of "Kelman (1958) - 3 types of conformity": the kinds its items
    are, told by how many; "" for any other line."""
    found = _COUNTED_KINDS.match(tidy(lead).strip())
    if not found:
        return ""
    return f"{found['count']} {found['noun']} of {found['of']}{found['aside'] or ''}"


_ASKED_PRONOUN = lazy_regex(
    r"^(?P<ask>(?:why|what|how|which|who|when|where)\s+(?:\w+\s+)?(?:is|are|was|were|do|does|did"
    r"|can|could|will|would|should|have|has|had))\s+(?P<pronoun>they|it)\b",
    re.I,
)


def named_by_heading(question: str, heading: str) -> str:
    """ "Why are they behind ...?" under "Underdeveloped Countries" -> "Why are underdeveloped
    countries behind ...?": the heading names what the pronoun stands for."""
    match = _ASKED_PRONOUN.match(question)
    subject = label_subject(heading) if heading else ""
    if not match or not subject:
        return question
    plural = subject.split()[-1].casefold().endswith("s")
    if plural != (match["pronoun"].casefold() == "they"):
        return question
    named = " ".join(lower_first(subject.split()))
    return f"{match['ask']} {named}{question[match.end() :]}"
