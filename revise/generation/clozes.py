"""Clozes and sentence questions: the window of a sentence a card shows and the words it hides.

A long sentence is cut to the clause that holds its key term; the term is hidden in a cloze, or
asked as a "When did ...?" or "Who ...?" question when it is a date or a doer that opens or closes
the sentence; a fact matched to a question shape is asked in that shape.
"""

from __future__ import annotations

import re
from dataclasses import replace

from revise.formats.model import NoteData, NoteKind, SourceRef, normalise
from revise.generation.clauses import (
    WHO_SAYS,
    against_concession,
    comparison,
    conceded,
    doer_asked,
    doer_of,
    done_to_then,
    done_when,
    examples,
    grouped_into,
    made_so,
    main_clause,
    marked_by,
    naming,
    object_question,
    occurs_when,
    purpose,
    qualities,
    quotation,
    relation,
    required,
    set_out_to,
    several_speakers,
    stance,
    superlative,
    tied_to,
    trailing_point,
    under_whose,
    used_for,
    what_became,
    where_done,
    which_did,
    while_also,
    while_doing,
    with_doing,
)
from revise.generation.cleaning import is_boilerplate
from revise.generation.events import (
    Deed,
    affect,
    change,
    covaries,
    dated,
    dated_event,
    ended,
    intention,
    means,
    method,
    named_period,
    opening_dated_event,
    person_event,
    phase,
    second_deed,
    verdict,
)
from revise.generation.fields import (
    lower_initial,
    plural_noun,
)
from revise.generation.grammar import (
    PREPOSITIONS,
    can_be,
    capitalised,
    done_to_subject,
    lemmas,
    lower_first,
    names_one_body,
    verb_base,
)
from revise.generation.language import (
    ARROW,
    DONE_TO,
    IRREGULAR_PARTICIPLES,
    NAMING_VERBS,
    PRONOUNS,
    given_by_context,
    is_number_word,
    is_stopword,
    is_verb_form,
    past_to_base,
    spelled_by,
    words,
)
from revise.generation.maths import legend_entries
from revise.generation.options import Draft, Option
from revise.generation.patterns import lazy_regex
from revise.generation.pronouns import (
    resolved,
    subject_of,
)
from revise.generation.questions import (
    DISCOURSE,
    MODALS,
    SETTING_OPENERS,
    Question,
    Shape,
    bracketed_law,
    capital,
    case_rule,
    condition,
    definition,
    effect,
    formula,
    is_plural,
    is_value,
    legend_questions,
    named_law,
    named_symbol,
    otherwise,
    quantity_question,
    reaction,
    term_explained,
    which_is,
    who,
    why,
)
from revise.generation.targets import (
    ORGANISATION,
    Target,
    TargetKind,
    Vocabulary,
    find_targets,
    is_vague,
)
from revise.generation.tidying import (
    CONJUNCTION,
    MIN_FACT_WORDS,
)

MAX_PROMPT_WORDS = 30


MAX_STATEMENT_PROMPT_WORDS = 45


_CLAUSE_BREAK = lazy_regex(
    r";\s+|\s+[-\u2013\u2014]\s+|,\s+(?=(?:which|while|whereas|although|though|but|especially|including"
    r"|leading|signaling|signalling|where|when)\b)"
    r"|,\s+(?=and\s+(?:he|she|it|they)\s)"  # "..., and it was repaired in 1993": a second fact
)
# "... when frightened → contact comfort more important than food": what a finding shows, a
# clause of its own where a line runs too long (not "C6H12O6 -> 2C2H5OH", a reaction)
_ARROW_BREAK = lazy_regex(rf"{_CLAUSE_BREAK.pattern}|\s+(?:\u2192|->|=>)\s+(?=[A-Za-z][a-z])")


_NOT_SUBJECTS = (
    frozenset({"which", "who", "that", "where", "when", "while", "and", "but", "as"}) | PREPOSITIONS
)
_FRONTED_DATE = lazy_regex(r"^(?:(?:in|on)\s+)?(?:the\s+)?$", re.I)
_TRAILING_DATE = lazy_regex(r"\s+in\s+(?:the\s+)?$", re.I)


def _part_of_side(question: Question, formulas: list[Question]) -> bool:
    """A definition's answer that only begins a formula's right side."""
    said = normalise(question.back)
    return any(
        len(side := normalise(asked.back)) > len(said) and side.startswith(said)
        for asked in formulas
    )


def shaped_questions(
    sentence: str,
    terms: tuple[str, ...],
    vocabulary: Vocabulary,
    case: tuple[str, str] | None,
    label: str = "",
    about: str = "",
    finishes_label: bool = False,
    section: str = "",
) -> list[Question]:
    """The questions the sentence's shape allows, best first; `about` is the bold label the
    sentence sits under; `finishes_label` says the sentence is a parent bullet's "the USSR
    agreed to" finished by one of its items; `section` is the thing its parent bullet or
    heading is about, what a rule with no subject is said of."""
    names = vocabulary.names
    found_law = named_law(sentence, label)
    if found_law:
        return found_law
    if is_vague(sentence):
        return definition(sentence, terms, names)
    lead = DISCOURSE.match(sentence)  # "At the same time, an appreciation reduces ..."
    if lead and sentence[lead.end() :][:1].isalpha():
        sentence = sentence[lead.end() :][:1].upper() + sentence[lead.end() + 1 :]
    said = stance(sentence, names)  # what someone said: its content, not its speaker, is asked
    made = reaction(sentence)
    # ("Word equation: A + B → C" asks what it makes, not what a word equation is)
    legend_of = vocabulary.legends.get(normalise(sentence))
    if legend_of:
        # "n = number of individuals of each species" under the formula it explains
        name = vocabulary.formula_names.get(normalise(legend_of), "")
        asked = legend_questions(legend_entries(sentence), legend_of, name)
        if asked:
            return asked
    computed = named_symbol(formula(sentence), vocabulary.symbols)
    name = vocabulary.formula_names.get(normalise(sentence))
    if name and computed and ":" not in sentence:
        # "population size = (M x C) / R" over "its called the Lincoln index": the name asked
        # with the formula, as "Lincoln index: population size = ..." would be
        computed = formula(f"{name}: {sentence}") or computed
    # ("Word equation: A + B → C" asks what it makes, not what a word equation is; "Contribution
    # = selling price \u2013 variable cost" is no definition cut at the dash, where the line is a
    # formula whose whole right side is asked)
    defined = [
        question
        for question in definition(sentence, terms, names, vocabulary.lower)
        if not (made and re.search(ARROW, question.back)) and not _part_of_side(question, computed)
    ]
    found = [
        *defined,
        *case_rule(sentence, case, about or section),
        *computed,
        *quantity_question(sentence),
        *made,
        *bracketed_law(sentence),
        *term_explained(sentence, terms),
        *which_is(sentence),
        *condition(sentence),
        *why(sentence, names),
        *otherwise(sentence, names),
        *effect(sentence, names),
        *purpose(sentence, names),
        *naming(sentence, names),
        *occurs_when(sentence, names),
        *done_when(sentence, names),
        *marked_by(sentence, names),
        *said,
        *superlative(sentence, names),
        *made_so(sentence, names),
        *required(sentence, names),
        *used_for(sentence, names),
        *comparison(sentence, names),
        *examples(sentence, names),
        *quotation(sentence),
        *relation(sentence, names),
        *doer_asked(sentence, names),
        *where_done(sentence, names),
        *doer_of(sentence, names),
        *tied_to(sentence, names),
        *grouped_into(sentence, names),
        *qualities(sentence, names),
        *with_doing(sentence, names),
        *trailing_point(sentence),
        *set_out_to(sentence, names),
        *done_to_then(sentence, names),
        *what_became(sentence, names),
        *while_also(sentence, names),
        *change(sentence, names),
        *affect(sentence, names),
        *ended(sentence, names),
        *phase(sentence, names),
        *dated(sentence),
        *dated_event(sentence),
        *opening_dated_event(sentence),
        *named_period(sentence),
        *person_event(sentence),
        *second_deed(sentence),
        *verdict(sentence, section),
        *means(sentence, names),
        *(intention(sentence, names) if finishes_label else []),
    ]
    done_by = method(sentence, names)  # "... will reduce the inflation rate by reducing ..."
    if any(question.shape == Shape.EFFECT for question in found):
        done_by = [replace(question, beside=True) for question in done_by]  # what, then how
    found.extend(done_by)
    if not any(question.shape == Shape.EFFECT for question in found):
        opens_with_label = bool(about) and sentence.casefold().startswith(f"{about.casefold()} ")
        main = main_clause(sentence)
        if opens_with_label:
            main = main[:1].upper() + main[1:]  # "sleep can wash away ..." under "**sleep**"
        found.extend(against_concession(sentence, object_question(main, names, opens_with_label)))
        timed = while_doing(sentence)  # "As China pulled ..., it increased ..."
        if timed:
            statement, when = timed
            # The statement asked with its time is a question of its own, not a fallback.
            found.extend(
                replace(q, front=f"{q.front[:-1]} {when}?", shape=Shape.WHY)
                for q in object_question(statement, names)
            )
        granted = conceded(sentence)  # "Although X provided Y, ...": what it grants is a fact
        found.extend(replace(q, beside=True) for q in object_question(granted, names) if granted)
    found.extend(which_did(sentence, names))  # "..., the Treaty of X, which acknowledged Y"
    found.extend(under_whose(sentence))  # "..., Korea, which was then under the rule of Y"
    for_whom = _FOR_WHOM.match(sentence)
    if for_whom:
        # "For Russia - war had proved China's worth as an ally": what it meant for someone
        main = for_whom["main"]
        opening = main.split()[0]
        for q in object_question(capital(main), names, about_label=True):
            asked = q.front if opening[:1].isupper() else q.front.replace(capital(opening), opening)
            front = f"{for_whom['front']}, {asked[:1].lower()}{asked[1:]}"
            found.append(replace(q, front=front, beside=True))
    if not any(question.shape == Shape.DEFINITION and not question.hidden for question in found):
        subject = find_targets(sentence, vocabulary, terms)
        opening = [
            t for t in subject if t.start == 0 and t.kind in (TargetKind.NAME, TargetKind.ACRONYM)
        ]
        if opening and not said:
            name = opening[0].text
            found.extend(who(sentence, name, bool(ORGANISATION.search(name))))
    moves = covaries(sentence, about)
    if moves:
        # "LDR - resistance decreases as light intensity increases" says how it behaves, not
        # what it is: the behaviour is asked, and the term still hidden where it is marked.
        found = [q for q in found if q.shape != Shape.DEFINITION or q.hidden] + moves
    found = [
        question
        for question in found
        if not question.asks[0] or not vocabulary.says_more_than_once(*question.asks)
    ]
    return sorted(found, key=lambda question: -question.score)


_FOR_WHOM = lazy_regex(
    r"^(?P<front>For\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})"
    r"\s*[-\u2013\u2014:]+\s+(?P<main>[A-Za-z].+)$"
)


def shaped_option(
    shaped: Question, sentence: str, context: str, source: SourceRef, vocabulary: Vocabulary
) -> Option | None:
    # "Which law states that ...?" states its rule whole: a few such prompts may run long.
    stating = shaped.front.startswith(("Which ", "Whose "))
    longest = MAX_STATEMENT_PROMPT_WORDS if stating else MAX_PROMPT_WORDS
    if len(shaped.front.split()) > longest or is_boilerplate(shaped.front):
        return None
    if given_by_context(shaped.back, context):
        return None  # the context line would give the answer away
    quoted = shaped.front.startswith(WHO_SAYS) and several_speakers(set(vocabulary.speakers))
    if vocabulary.is_topic(shaped.back) and not quoted:
        return None  # "Who was ...? :: Macbeth" in notes on Macbeth: the next option asks

    if shaped.hidden:
        start = shaped.front.find(shaped.hidden)
        if start < 0 or vocabulary.is_topic(shaped.hidden):
            return None
        target = Target(
            start, start + len(shaped.hidden), shaped.hidden, TargetKind.TERM, shaped.score
        )
        return cloze(shaped.front, target, context, source)
    if f" {normalise(shaped.back)} " in f" {normalise(shaped.front)} ":
        return None
    note = NoteData(NoteKind.BASIC, shaped.front, shaped.back, context=context, source=source)
    return Option(note, shaped.back, shaped.score, shaped.front)


_CLOZE_SYNTAX = lazy_regex(r"([\[\]\\])")


def escape(text: str) -> str:
    return _CLOZE_SYNTAX.sub(r"\\\1", text)


def _window(sentence: str, target: Target) -> tuple[int, int] | None:
    """The part of a long sentence a card shows: the clauses around the target, <= 30 words;
    where a clause alone runs longer, the phrases between its commas."""
    if len(sentence.split()) <= MAX_PROMPT_WORDS:
        return 0, len(sentence)
    window = _window_at(sentence, target, _CLAUSE_BREAK)
    window = window or _window_at(sentence, target, _ARROW_BREAK)
    if window is None and target.kind in _FACT_KINDS:
        # A date or a figure stands on its own inside its phrase; a name needs its clause.
        window = _window_at(sentence, target, _PHRASE_BREAK)
        if window and not _stands_alone(sentence, *window):
            return None
    return window


_SUBORDINATOR = lazy_regex(r"\b(?:although|though|whereas|while|if|because|since|unless)\b", re.I)


def _stands_alone(sentence: str, start: int, end: int) -> bool:
    """A part of a sentence that says something whole: not a predicate without its subject
    ("and were long aware of ... since 1957"), not a clause that stops before the one it leads
    to ("although $80bn was made available in 2018" without what was said of it)."""
    text = sentence[start:end]
    opening = words(CONJUNCTION.sub("", text.lstrip()))[:1]
    if start > 0 and opening and (is_verb_form(opening[0]) or opening[0].casefold() in MODALS):
        return False
    if start > 0 and sentence[:start].rstrip().endswith(",") and _top_level_comma(text):
        # "30 yrs (...), 25 yrs (...), 15 yrs (...)": the tail of a list, cut from its head
        # ("starting points: whole life order (...)"), not a phrase that says something whole
        return False
    return end >= len(sentence.rstrip(" .")) or not _SUBORDINATOR.search(text)


def _top_level_comma(text: str) -> bool:
    """A comma outside brackets: the text runs on over more than one phrase."""
    depth = 0
    for char in text.rstrip(" ,"):
        depth += (char == "(") - (char == ")")
        if char == "," and depth <= 0:
            return True
    return False


_FACT_KINDS = frozenset([TargetKind.DATE, TargetKind.NUMBER])
_PHRASE_BREAK = lazy_regex(rf"{_CLAUSE_BREAK.pattern}|,\s+")


def _window_at(sentence: str, target: Target, breaks: re.Pattern[str]) -> tuple[int, int] | None:
    inside = [m.end() for m in breaks.finditer(sentence)]
    # Never between brackets: "(i.e., ..." cut there leaves a bracket open.
    inside = [cut for cut in inside if sentence.count("(", 0, cut) <= sentence.count(")", 0, cut)]
    cuts = [0, *inside, len(sentence)]
    bounds = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    index = next(i for i, (a, b) in enumerate(bounds) if a <= target.start < b)
    if target.end > bounds[index][1]:
        return None
    first = last = index

    def size(a: int, b: int) -> int:
        return len(sentence[bounds[a][0] : bounds[b][1]].split())

    while True:
        grown = False
        if first > 0 and size(first - 1, last) <= MAX_PROMPT_WORDS:
            first -= 1
            grown = True
        elif last + 1 < len(bounds) and size(first, last + 1) <= MAX_PROMPT_WORDS:
            last += 1
            grown = True
        if not grown:
            break
    if size(first, last) > MAX_PROMPT_WORDS or size(first, last) < MIN_FACT_WORDS + 1:
        return None
    return bounds[first][0], bounds[last][1]


MAX_ABBREVIATION_LETTERS = 6


# "North Korea permits overflights by ... bombers, and grants warships access to ports": a
# second thing the subject does, after ", and" and its verb
_SECOND_PREDICATE = lazy_regex(r",\s+and\s+(?P<verb>[a-z]+)\s+(?=[a-z])")


def _first_predicate(sentence: str, target: Target) -> str:
    """A sentence that says two things its subject does, the second after ", and", cut to the
    first where the hidden word is in it ("North Korea permits [overflights] by Soviet planes,
    and grants warships access to ports" -> "North Korea permits [overflights] by Soviet
    planes."): the second is a card of its own, whose answer the first must not show. A list
    ("..., exchanges of staff, and exchanges of intelligence") is no second predicate."""
    match = _SECOND_PREDICATE.search(sentence)
    if not match or target.end > match.start() or _top_level_comma(sentence[: match.start()]):
        return sentence
    verb = match["verb"]
    tag = "VBZ" if verb_base(verb, "VBZ") else "VBD" if is_verb_form(verb) else ""
    base = verb_base(verb, tag) if tag else None
    after = sentence[match.end() :].split()[0].casefold()
    if not base or base in ("be", "have") or after in PREPOSITIONS:
        return sentence  # ("..., and complexes with three ligands show ...": a new subject)
    first = sentence[: match.start()].split()
    if not any(verb_base(word, tag) for word in first[1:4]):
        return sentence  # the first part's own verb, in the same tense, after its subject
    return f"{sentence[: match.start()]}."


def cloze(sentence: str, target: Target, context: str, source: SourceRef) -> Option | None:
    sentence = _first_predicate(sentence, target)
    window = _window(sentence, target)
    if window is None:
        return None
    start, end = window
    before = sentence[start : target.start]
    after = sentence[target.end : end].rstrip()
    if end < len(sentence):
        after = after.rstrip(" ,;:-\u2013\u2014\u2192>=")
    if start > 0:
        before = CONJUNCTION.sub("", before.lstrip())
    answer = target.text
    if is_boilerplate(f"{before}{answer}{after}"):
        return None  # a long sentence's clause can still be a copyright line or a menu
    before = capitalised(before)
    first = answer.split()[0] if answer.split() else ""
    aside = re.match(r"\s*\(([^()]{1,30})\)", after)
    letters = aside and "".join(filter(str.isalpha, aside[1])).upper()
    stem = first[:4].casefold()
    shortened = aside and (
        (len(letters) <= MAX_ABBREVIATION_LETTERS and spelled_by(letters, answer))
        or any(word.casefold().startswith(stem) for word in words(aside[1]))
    )  # "(p.d.)", "(singular atrium)": the aside beside the gap gives the term away
    named = target.kind is TargetKind.TERM or _names_plain_term(sentence, target)
    if not before and named and first.isalpha() and first.islower():
        # "[osmoreceptors] in the hypothalamus detect ...": the author's term opening a bullet
        # begins the card, capitalised as any sentence ("pH", "mRNA" are written as they
        # are), as does a plain one a line says what it is of ("[conurbation] - large urban
        # area formed when ..."); where its abbreviation follows ("(p.d.)"), it stays for the
        # checker to refuse
        answer = answer if shortened else capitalised(answer)
    front = f"{escape(before)}[{escape(answer)}]{escape(after)}"
    note = NoteData(NoteKind.CLOZE, front, context=context, source=source)
    return Option(note, answer, target.score, f"{before}___{after}")


# "conurbation - ...", "medulla - brain stem; ...", "oestrogen (ovaries) - causes ...": a name
# of up to three words in lower case, with its short form in brackets, before what it is
_PLAIN_TERM = lazy_regex(
    r"(?P<term>[a-z][\w'\u2019-]*(?:\s[a-z][\w'\u2019-]*){0,2})"
    r"(?:\s\([^()]{1,40}\))?\s*(?:[:=]|\s[-\u2013\u2014]+\s)\s*(?P<meaning>\S.*)"
)


def _names_plain_term(sentence: str, target: Target) -> bool:
    """The target is the whole name a line opens on to say what it is: a noun, or a word no
    dictionary knows, and what follows is a meaning, not a value."""
    plain = _PLAIN_TERM.match(sentence)
    if not plain or target.start != 0 or target.end != plain.end("term"):
        return False
    names = plain["term"].split()
    parts = lemmas(names[-1].split("-")[-1])
    if is_stopword(names[0]) or is_number_word(names[0]) or (parts and "NOUN" not in parts):
        return False
    opens = plain["meaning"].split()[0].casefold()
    return not is_value(plain["term"], plain["meaning"]) and opens not in SETTING_OPENERS


def date_question(
    sentence: str, target: Target, vocabulary: Vocabulary, context: str, source: SourceRef
) -> Option | None:
    """ "In 1896, Russia established a legation in Seoul." -> "When did Russia establish ...?" """
    if target.kind is not TargetKind.DATE:
        return None
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(sentence[: target.start]):
        clause_start = match.end()
    lead = sentence[clause_start : target.start]
    lead = CONJUNCTION.sub("", lead.lstrip())
    if clause_start:
        # "The mirror was ground wrongly, and it was repaired in 1993": "it" is the mirror
        subject = subject_of(
            sentence[:clause_start], source.start, vocabulary.lower, vocabulary.names
        )
        lead = resolved(lead, [subject] if subject else [])[0]
    answer_start = target.start
    article = re.search(r"\bthe\s+$", sentence[: target.start], re.I)
    if article:
        answer_start = article.start()
    answer = sentence[answer_start : target.end]
    if re.fullmatch(r"the\s+", lead, re.I) and re.fullmatch(r"\d{4}", target.text):
        return None  # "The 2010 Haiti earthquake killed ...": the year names the event
    if _FRONTED_DATE.match(lead):
        rest = sentence[target.end :]
        rest = re.sub(r"^\s*(?:,|[-\u2013\u2014]|:)?\s*", "", rest)
        clause = _CLAUSE_BREAK.split(rest, maxsplit=1)[0]
    else:
        tail = sentence[target.end :].strip()
        before = sentence[clause_start:answer_start]
        if not (tail in ("", ".", "!") or tail.startswith(",")) or not _TRAILING_DATE.search(
            before
        ):
            return None
        if re.search(ARROW, before):
            return None  # "X -> Y, it was staged on Broadway in 1937": the date is Y's, not X's
        clause = CONJUNCTION.sub("", _TRAILING_DATE.sub("", before).strip())
    question = when_question(clause, vocabulary)
    if not question or len(question.split()) > MAX_PROMPT_WORDS or is_boilerplate(question):
        return None
    if question.startswith("When did ") and _done_to_a_thing(clause, vocabulary):
        return None
    note = NoteData(NoteKind.BASIC, question, answer, context=context, source=source)
    return Option(note, answer, target.score, question)


def _done_to_a_thing(clause: str, vocabulary: Vocabulary) -> bool:
    """ "Bus firebombed near Anniston", "church land nationalised (idea from talleyrand) to pay
    debt": a thing, then a past that is also its participle with no object after it, is what was
    done to the thing (no "When did bus firebomb ...?"), where a person's name would have acted
    ("Gandhi walked to the sea")."""
    tokens = clause.split()
    verb = next((i for i, token in enumerate(tokens) if i and past_to_base(token)), None)
    if verb is None or verb + 1 >= len(tokens) or not done_to_subject(tokens[verb]):
        return False
    after = tokens[verb + 1].casefold()
    if not after.startswith("(") and (after not in PREPOSITIONS or after == "to"):
        return False  # "... agreed to remove the missiles": what someone did
    subject = [word.casefold() for word in tokens[:verb]]
    return all("NOUN" in lemmas(word) and word not in vocabulary.names for word in subject)


def deed_drafts(deed: Deed, context: str, source: SourceRef, vocabulary: Vocabulary) -> list[Draft]:
    """ "James Simpson 1847 - chloroform as anaesthetic" -> the person hidden, the deed and its
    year shown; "Alexander Fleming 1928 - discovered penicillin" beside it "When did Alexander
    Fleming discover penicillin?" :: 1928."""
    drafts = []
    if not vocabulary.is_topic(deed.who):
        target = Target(0, len(deed.who), deed.who, TargetKind.NAME, 11.0)
        option = cloze(deed.line, target, context, source)
        if option:
            drafts.append(Draft([option]))
    if deed.year:
        done = re.sub(r"\s*\([^()]*\)$", "", re.split(r"[;,]\s|\s->\s", deed.deed)[0])
        plain = not re.search(r"[&+]", done) and not any(w in PRONOUNS for w in words(done))
        named = re.sub(r"\s*[+&]\s*", " and ", deed.who)  # "Doll + Hill"
        asked = plain and when_question(f"{named} {done}", vocabulary)
        if asked and deed.year not in asked:
            note = NoteData(NoteKind.BASIC, asked, deed.year, context=context, source=source)
            drafts.append(Draft([Option(note, deed.year, 10.9, asked)]))
    return drafts


def plural_subject(subject: list[str]) -> bool:
    """ "Doll and Hill", "naval exercises with the USSR": more than one; "League of Nations" is
    one league, its head noun before the "of"."""
    return " and " in f" {' '.join(subject).casefold()} " or is_plural(" ".join(subject))


# Words that go on from a verb to what it does or is like ("opens like a ...", "walks the ...")
_OPENS_OBJECT = frozenset(["like", "as", "a", "an", "the", "his", "her", "their", "its"])


def when_question(clause: str, vocabulary: Vocabulary) -> str | None:
    cut = clause.split(", ")[0].strip().rstrip(".!;:")
    if cut != clause.strip().rstrip(".!;:") and re.search(r"\bthat(?:\s+\S+){0,2}$", cut):
        return None  # "Avery showed that DNA, not protein, carries ...": cut inside what he showed
    clause = re.split(r"\s+(?:but|BUT)\s+", cut, maxsplit=1)[0]  # ("... BUT same day ...")
    clause = re.sub(r"\s*\([^()]*$", "", clause)  # "SNCC formed (students" cut at its comma
    clause = re.sub(r"\s*\([^()]*\)$", "", clause)  # "Malcolm X assassinated (Feb)": an aside
    tokens = clause.split()
    verb = next(
        (
            i
            for i, token in enumerate(tokens)
            if i > 0 and token.islower() and (token in ("was", "were") or past_to_base(token))
        ),
        None,
    )
    if verb is None or verb > 9:
        return None
    subject = tokens[:verb]
    if any(is_verb_form(token) and token.islower() for token in subject):
        return None
    if not subject[0][:1].isalnum() and subject[0][:1] not in "\"'\u201c\u2018":
        return None  # ") and built on by Galen": the rest of a line cut mid-bracket
    if any(
        verb_base(token, "VBZ") and not plural_noun(before) and after.casefold() in _OPENS_OBJECT
        for before, token, after in zip(subject, subject[1:], subject[2:], strict=False)
    ):
        return None  # "each chapter opens like a stage set ...": a clause, not its subject
    if subject[0].casefold() in _NOT_SUBJECTS or all(is_stopword(token) for token in subject):
        return None
    first = subject[0]
    # "Naval exercises" -> "naval exercises", but "Richard Arkwright" keeps its capital.
    acronym = len(first) > 1 and first.isupper()
    # "Stamp Act" is one name, written as the notes write it
    named = len(subject) > 1 and subject[1][:1].isupper() and not is_stopword(first)
    if not acronym and not named and (is_stopword(first) or first.casefold() in vocabulary.lower):
        subject = [first[:1].lower() + first[1:], *subject[1:]]
    rest = _cut_second_verb(tokens[verb + 1 :])
    if "->" in rest or "\u2192" in rest:
        rest = rest[: min(rest.index(a) for a in ("->", "\u2192") if a in rest)]  # what it led to
    if any("(" in token for token in subject) or (
        rest and rest[0].casefold() in ("although", "though", "while", "whereas", "because", "if")
    ):
        return None  # "When did the OECD (...) say although ...?": not a question
    base = past_to_base(tokens[verb])
    done_to = (
        # ("Armada sighted off the Lizard": a place after it, no object)
        (tokens[verb] in DONE_TO and (not rest or rest[0].casefold() in _PLACED_AFTER))
        # "Committee of Public Safety set up", "hotline set up between Washington + Moscow"
        or (
            tokens[verb] == "set"
            and rest[:1] == ["up"]
            and (len(rest) == 1 or rest[1].casefold() in PREPOSITIONS)
        )
        or (tokens[verb] not in ("was", "were") and rest[:1] == ["by"])  # "launched by the USSR"
        # "1961: Berlin Wall built": a past with no object, and its participle is the same word
        or (not rest and done_to_subject(tokens[verb]))
        # "Gage made governor of Massachusetts", "Washington inaugurated as 1st president":
        # what the subject was made, with no object before it
        or (tokens[verb] in NAMING_VERBS and _bare_role(rest))
    )
    if subject[0] != "the" and (_institution(tokens[:verb]) or names_one_body(subject)):
        subject = ["the", *subject]  # "When was the Committee of Public Safety set up?"
    if tokens[verb] in ("was", "were"):
        words_ = ["When", tokens[verb], *subject, *rest]
    elif done_to:
        # "Louis XVI guillotined for treason" -> "When was Louis XVI guillotined for treason?"
        be = "were" if plural_subject(subject) else "was"
        words_ = ["When", be, *subject, tokens[verb], *rest]
    elif tokens[verb] in IRREGULAR_PARTICIPLES:
        return None
    else:
        if base is None:
            return None
        words_ = ["When", "did", *subject, base, *rest]
    return " ".join(words_).rstrip(",;:") + "?"


# A person's title, named after the person and before where it is held: "Mary Queen of Scots"
_TITLES = frozenset(
    ["king", "queen", "prince", "princess", "duke", "duchess", "earl", "emperor", "empress",
     "tsar", "archbishop", "bishop", "count", "countess", "lord", "lady", "marquis", "pope"]
)  # fmt: skip


_PLACED_AFTER = PREPOSITIONS | {"off", "near", "outside", "across", "over", "along", "towards"}


def _institution(subject: list[str]) -> bool:
    """ "Committee of Public Safety", "Law of Suspects": a body or an act named with "of",
    which takes "the"."""
    if len(subject) < 3 or "of" not in subject[1:-1]:
        return False
    titled = subject.index("of", 1) - 1  # "Mary Queen of Scots": a person and her title
    if titled > 0 and subject[titled].casefold() in _TITLES:
        return False
    return all(token[:1].isupper() for token in subject if token not in ("of", "the", "and"))


# What may follow the office a naming verb's subject was made ("commander of the Continental
# Army", "king in 1861"); "made peace with", "made war on" are deeds, not offices held.
_AFTER_ROLE = frozenset(["of", "for", "in", "at", "by", "under", "until", "after", "and"])
MAX_ROLE_WORDS = 3
_ROLE_WORD = lazy_regex(r"[a-z]+|\d+(?:st|nd|rd|th)")  # "prime minister", "2nd president"


def _bare_role(rest: list[str]) -> bool:
    """ "as 1st president", "prime minister of Piedmont": what a naming verb's subject was
    made, where no object (a name, "the", "him") stands between them."""
    if rest[:1] == ["as"]:
        return True
    role = 0
    while role < min(len(rest), MAX_ROLE_WORDS) and _ROLE_WORD.fullmatch(rest[role]):
        if is_stopword(rest[role]):
            break
        role += 1
    if not role or not can_be(rest[role - 1], "NOUN"):
        return False
    return role == len(rest) or rest[role].casefold() in _AFTER_ROLE or rest[role].startswith("(")


def _cut_second_verb(tokens: list[str]) -> list[str]:
    """ "visited North Korea and signed an agreement" asks about the visit only."""
    for index in range(len(tokens) - 1):
        if tokens[index] == "and" and past_to_base(tokens[index + 1]):
            return tokens[:index]
    return tokens


MAX_ROW_NAME_WORDS = 5
MAX_ROW_NAME_CHARS = 40


def row_cloze(
    named: str, cell: str, column: str, width: int, context: str
) -> tuple[str, str] | None:
    """A cell too long to be an answer ("| IMAP | retrieves emails but keeps them on the server
    so they sync across devices |") hides its row's name instead: "[IMAP] - retrieves ...";
    in a table of more than two columns the column is named too ("[Cholera] (symptoms): ...").
    The prompt, and the prompt with its gap; None where the name is too long to hide, the cell
    gives it away or the prompt would be too long: the row's question is drafted then, and the
    checker says why it is left out."""
    if len(named.split()) > MAX_ROW_NAME_WORDS or len(named) > MAX_ROW_NAME_CHARS:
        return None
    shown_words = set(normalise(f"{cell} {context}").split())
    if any(word in shown_words for word in normalise(named).split() if not is_stopword(word)):
        return None  # "[TCP/IP] - TCP splits data ...; IP routes ...": the cell gives it away
    # "Belo Monte dam ...", "Trans-Amazonian Highway ...": a name keeps its capital
    opening = cell.split()
    shown = " ".join(lower_first(opening)) if cell[1:2].islower() else cell
    after = f" - {shown}" if width == 2 else f" ({lower_initial(column)}): {shown}"
    if len(f"{named}{after}".split()) > MAX_PROMPT_WORDS:
        return None
    return f"[{escape(named)}]{escape(after)}", f"___{after}"
