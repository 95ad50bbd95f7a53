"""List cards: a list, a glossary, a list of terms or a run of steps, asked as the student wrote it.

A short list under its lead is one question ("What are the three types of rock?"); a counted
list, a list inline in a sentence and a list of examples are asked the same way; a glossary or a
run of "term - meaning" lines gives a card per term; steps are asked in order.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from revise.formats.model import SourceRef, normalise
from revise.generation import enumerations
from revise.generation.card_limits import MAX_LIST_ITEMS
from revise.generation.cleaning import is_boilerplate
from revise.generation.clozes import (
    MAX_PROMPT_WORDS,
)
from revise.generation.content import not_content
from revise.generation.document import Block, BlockKind
from revise.generation.facts import (
    is_advice,
    is_imperative,
)
from revise.generation.fields import (
    names_a_field,
    plural_noun,
)
from revise.generation.grammar import (
    PREPOSITIONS,
    capitalised,
    finish_question,
    inflections,
    lemmas,
    lower_first,
    participle_base,
    split_clause,
)
from revise.generation.kinds import kinds_listed
from revise.generation.language import (
    LABEL_WORDS,
    counted,
    is_number_word,
    is_stopword,
    is_verb_form,
    words,
)
from revise.generation.maths import loose_maths
from revise.generation.options import Draft, basic_draft
from revise.generation.patterns import lazy_regex
from revise.generation.plaintext import DATED_ENTRY
from revise.generation.questions import (
    capital,
    form_pair,
    is_plural,
    translation,
)
from revise.generation.steps import (
    MIN_STEPS,
    is_step,
    listed,
    method_name,
    names_a_process,
    process_noun,
    step_questions,
    steps_question,
)
from revise.generation.structure import (
    ListGroup,
    Outline,
    Passage,
    item_head,
)
from revise.generation.subjects import (
    LIST_LABELS,
    MAX_TERM_WORDS,
    card_context,
    counted_kinds,
    label_subject,
    named_by_heading,
    person_like,
    section_subject,
    short_label,
)
from revise.generation.tidying import (
    tidy,
)

MAX_LIST_ITEM_WORDS = 6
MAX_LIST_WORDS = 20
MAX_ANSWER_ITEM_WORDS = 10  # the items answering the notes' own question may say a little more
MAX_ANSWER_LIST_WORDS = 30
_OWN_QUESTION = lazy_regex(r"^(?:why|what|how|which|who|when|where)\b[^?]{8,}\?$", re.I)


MIN_TERM_LIST = 2


MAX_TERM_LIST = 6


_GLOSSED_TERM = lazy_regex(
    r"^(?P<term>[A-Za-z][\w'\u2019 /-]{0,40}?)\s*(?:=|:|\s[-\u2013\u2014]+)\s+(?=\S)"
)


def glossary_term(sentence: str, passage: Passage) -> tuple[str, ...]:
    """The term a line under "Key terms" or "Glossary" opens on ("Thalweg - line of fastest
    flow in a river"), as if the author had marked it: in a list of terms, a word no dictionary
    knows is a term to learn, not a name."""
    heading = passage.label or (passage.trail[-1] if passage.trail else "")
    if normalise(tidy(heading).rstrip(" :")) not in GLOSSARY_HEADINGS:
        return ()
    found = _GLOSSED_TERM.match(sentence)
    if not found or len(words(found["term"])) > MAX_TERM_WORDS:
        return ()
    return (found["term"].strip(),)


def member_items(outline: Outline) -> set[int]:
    """Items that are each one of the things the bullet or bold label above them names."""
    under: dict[tuple[str, int], list[Block]] = {}
    for part in outline.parts:
        if isinstance(part, ListGroup):
            if not part.lead_is_heading and part.lead.kind is BlockKind.ITEM:
                under.setdefault((part.lead.text, part.lead.start), []).extend(part.items)
        elif part.block.kind is BlockKind.ITEM and part.label and part.label_line:
            under.setdefault((part.label, part.label_line), []).append(part.block)
    return {
        id(item)
        for (label, _), items in under.items()
        if _lists_members(label, items)
        for item in items
    }


def _lists_members(label: str, items: list[Block]) -> bool:
    """ "DEFENCES" over "- necessity (Cope v Sharpe)", "- consent": a plural label over
    several items, the first two naming one thing each, not a kind of them ("chunks" over
    "- pieces of information bound together" says what chunks are), so the first item is one
    of the things the label names: "What are defences? :: Necessity" would ask for all by one."""
    subject = label_subject(label)
    if len(items) < 2 or not subject or not is_plural(subject):
        return False
    first, second = (item_head(re.sub(r"\s*\([^()]*\)", "", tidy(i.text))) for i in items[:2])
    if not first or re.match(r"(?:a|an)\s", first, re.I):
        return False
    if is_plural(first) or is_plural(first.split()[0]):
        return False  # ("terms that exclude liability": what the label's things are)
    # ("Waterfalls" over "- band of hard rock over soft rock", "- soft rock eroded faster ...":
    # what it is made of, then how it forms)
    return all(
        head
        and split_clause(head) is None
        and not any(is_verb_form(word) and not word.endswith("ing") for word in words(head))
        for head in (first, second)
    )


def _names_one_thing(lead: str) -> bool:
    """ "Monopoly", "Perfect competition": a label naming one thing, with no verb and not a
    kind of point ("Causes"), a list of things ("Henry VIII's wives") or a person."""
    subject = label_subject(lead)
    if not subject or subject != lead or is_plural(subject) or person_like(subject):
        return False
    named = [word.casefold() for word in words(subject)]
    return not any(word in LABEL_WORDS or word in LIST_LABELS for word in named)


def _describes_it(items: list[str]) -> bool:
    """ "One seller", "High barriers to entry", "Price maker": points without a verb, most of
    them opening on how many or what kind, that describe the thing above them (not
    "advertising", "loyalty cards": the kinds of it; not "iconic = visual": terms)."""
    described = 0
    for item in items:
        tokens = words(item)
        if not tokens or re.search(r"[=:]", item) or split_clause(item) is not None:
            return False
        if any(is_verb_form(token) and not token.endswith("ing") for token in tokens):
            return False
        first = tokens[0].casefold()
        parts = lemmas(first)
        if first in _QUANTIFIERS or is_number_word(first) or ("ADJ" in parts and len(tokens) > 1):
            described += 1
    return 2 * described >= len(items)


_QUANTIFIERS = frozenset(["many", "few", "several", "no", "more", "most", "less", "fewer", "some"])


def _quantified(item: str) -> bool:
    """ "many buyers and sellers", "few barriers to entry": a thing named with how many of it,
    a point of its own (not "with focused", the rest of a sentence broken over bullets)."""
    tokens = words(item)
    return (
        len(tokens) >= 2
        and tokens[0].casefold() in _QUANTIFIERS
        and not is_stopword(tokens[1].casefold())
        and not any(is_verb_form(token) and not token.endswith("ing") for token in tokens)
        and split_clause(item) is None
    )


def asked_list_draft(group: ListGroup, title: str, path: str) -> Draft | None:
    """A list's draft where its front asks something; None where it is a bare label
    ("Shield volcanoes (2)" over two points of a mind map), so each point is carded on its own."""
    from revise.generation.checker import has_verb

    draft = _list_draft(group, title, path)
    front = draft.options[0].note.front if draft else ""
    if draft and "?" not in front and not has_verb(re.sub(r"\s*\(\d+\)$", "", front)):
        return None
    return draft


def _list_draft(group: ListGroup, title: str, path: str) -> Draft | None:
    """A lead with at most four short items is one question whose answer is the list: only
    when the list itself is the fact (each item a few words, nothing cut off)."""
    if DATED_ENTRY.match(group.lead.text):
        return None  # "1918 - Kaiser abdicates" over what else happened: facts, not a list
    if not group.lead_is_heading and person_like(
        re.sub(r"\s*\([^()]*\)$", "", short_label(group.lead.text))
    ):
        return None  # "Descartes" over his points: each a fact of its own, no list to recite
    items = [_TRAILING_JOIN.sub("", tidy(item.text)).rstrip(".;,") for item in group.items]
    if not 2 <= len(items) <= 4 or any(not item or is_boilerplate(item) for item in items):
        return None
    if all(map(names_a_field, items)):
        return None  # "Date: 1066", "Winner: William": facts of their own, each asked alone
    lead = tidy(group.lead.text).rstrip(" :")
    # The notes' own question over its answers: "Why are they behind ...?" and three reasons.
    asks = bool(_OWN_QUESTION.match(lead)) and not not_content(lead)
    if asks:
        # 'close the "missile gap" - USA far ahead in ICBMs': each answer without its gloss
        items = [item_head(item) or item for item in items]
    # An answer to the notes' own question is measured without its asides ("(June 1961)").
    sizes = [len((re.sub(r"\([^()]*\)", "", item) if asks else item).split()) for item in items]
    points = bool(_PROS_AND_CONS.match(lead))  # each advantage is a point, not a word or two
    longest, total = (
        (MAX_ANSWER_ITEM_WORDS, MAX_ANSWER_LIST_WORDS)
        if asks or points
        else (MAX_LIST_ITEM_WORDS, MAX_LIST_WORDS)
    )
    if max(sizes) > longest or sum(sizes) > total:
        return None
    if any(
        is_stopword(item.split()[0]) and not (asks or points or _quantified(item)) for item in items
    ):
        return None  # "with focused", "and practice": one sentence broken over bullets
    if normalise(tidy(group.lead.text).rstrip(" :")) in GLOSSARY_HEADINGS:
        return None  # "Vocab": "la gare - the station", ...: each item a word and its meaning
    if (
        len(lead.split()) > MAX_PROMPT_WORDS
        or is_boilerplate(lead)
        or (is_advice(lead) and not asks)
    ):
        return None
    lead = _asked_by_agent(lead[:1].upper() + lead[1:])
    heading = tidy(group.trail[-1]) if group.trail else ""
    if asks:
        lead = named_by_heading(lead, heading)
    count = len(items)
    owner = label_subject(heading) if heading and not group.lead_is_heading else ""
    if normalise(lead) in LABEL_WORDS - LIST_LABELS and owner and " " not in lead:
        # "Purpose" over two points under "Bile": "What is the purpose of bile?"
        be = "are" if is_plural(lead) else "is"
        front = f"What {be} the {lead.casefold()} of {' '.join(lower_first(owner.split()))}?"
        lead = f"{front} ({count})"
    elif normalise(lead) in LIST_LABELS and heading and not group.lead_is_heading:
        lead = f"{lead} of {' '.join(lower_first(heading.split()))}"  # "Examples of ..."
    elif normalise(lead) in LIST_LABELS:
        return None  # a bare label asks nothing
    passage = Passage(group.lead, group.trail, group.label)
    context = card_context(passage, title)
    if group.lead_is_heading:
        front = f"{lead} ({count})"
    else:
        front = lead if re.search(rf"\b{count}\b", lead) else f"{lead} ({count})"
    if _names_one_thing(lead) and _describes_it(items):
        # "## Monopoly" over "- One seller", "- High barriers to entry": what marks it out
        front = f"What are the features of {' '.join(lower_first(lead.split()))}? ({count})"
    if any(f" {normalise(item)} " in f" {normalise(front)} " for item in items):
        return None
    answer = "; ".join(items)
    source = SourceRef(path, group.lead.start, group.items[-1].end)
    return basic_draft(front, answer, context, source)


# "3 kinds (Hunter v Canary Wharf)", "Two types:": a lead that counts the items below it
_COUNTED_LEAD = lazy_regex(
    r"^(?P<count>\d|two|three|four)\s+(?P<noun>[a-z]+s)(?P<aside>\s*\([^()]*\))?\s*:?$", re.I
)


def counted_list_draft(group: ListGroup, title: str, path: str) -> Draft | None:
    """ "3 kinds (Hunter v Canary Wharf)" over three items, each with its example or gloss: the
    list is the fact, asked by the items' heads ("What are the 3 kinds of private nuisance?");
    "Kelman (1958) - 3 types of conformity" over "- Compliance - ...": "What are the 3 types of
    conformity?" """
    lead = tidy(group.lead.text).strip()
    kinds = counted_kinds(lead)
    found = _COUNTED_LEAD.match(kinds.split(" of ", 1)[0] if kinds else lead)
    if not found or group.lead_is_heading or not 2 <= len(group.items) <= MAX_LIST_ITEMS:
        return None
    if counted(found["count"]) != len(group.items):
        return None
    items = [item_head(re.sub(r"\s*\([^()]*\)", "", tidy(item.text))) for item in group.items]
    sizes = [len(item.split()) for item in items]
    if min(sizes) < 1 or max(sizes) > MAX_LIST_ITEM_WORDS or sum(sizes) > MAX_LIST_WORDS:
        return None
    if not all(item[:1].isalpha() for item in items):
        return None  # "1st 1906", "2nd 1907": dates told apart below, not things named
    heading = section_subject(Passage(group.lead, group.trail, group.label))
    of = f" of {heading}" if heading and not re.search(r"[\d:;+&/]", heading) else ""
    of = f" of {kinds.split(' of ', 1)[1]}" if kinds else of
    noun = found["noun"].casefold() if found["noun"].isupper() else found["noun"]
    front = f"What are the {found['count']} {noun}{of}{found['aside'] or ''}?"
    answer = "; ".join(capital(item) for item in items)
    passage = Passage(group.lead, group.trail, group.label)
    source = SourceRef(path, group.lead.start, group.items[-1].end)
    return basic_draft(front, answer, card_context(passage, title), source)


_PROS_AND_CONS = lazy_regex(
    r"(?:dis)?advantages|benefits|drawbacks|pros|cons|strengths|weaknesses|limitations", re.I
)
_TRAILING_JOIN = lazy_regex(r"[;,]?\s+(?:and|or)\s*$", re.I)  # "Receipts of income; and"
_BY_AGENT = lazy_regex(
    r"^(?P<thing>.{3,60}?)\s+(?:is|are|will\s+be|can\s+be|may\s+be)\s+(?P<verb>[a-z]+ed)\s+by$"
)


def _asked_by_agent(lead: str) -> str:
    """ "The Demand for a currency will be determined by" -> "What determines the demand for
    a currency?": a passive lead over its list asks for the list."""
    match = _BY_AGENT.match(lead)
    base = match and participle_base(match["verb"])
    if not base:
        return lead
    present = inflections(base).get("VBZ", ())
    if not present:
        return lead
    thing = " ".join(lower_first(match["thing"].split()))
    return f"What {present[0]} {thing}?"


def bold_term_runs(outline: Outline, path: str) -> dict[int, Draft]:
    """Runs of items that each open with the author's bold term ("1. **Mutual exclusion**. Only
    one process ...") under a heading: the terms together are a fact too ("The Conditions for
    Deadlock (4)"), keyed by where the run starts."""
    found: dict[int, Draft] = {}
    run: list[tuple[int, Passage, str]] = []

    def sibling(part: Passage | ListGroup, other: Passage | ListGroup | None) -> bool:
        # an item with points of its own below it ("**Control bus** - ... signals include:")
        # is as much one of the run as the items before it
        return (
            other is not None
            and part.trail == other.trail
            and _opening_block(part).level == _opening_block(other).level
            and _opening_block(part).kind == _opening_block(other).kind
        )

    def close(whole: bool = True) -> None:
        # "Menu costs", "Shoe-leather costs", then "Redistribution - ..." without a term: the
        # terms are not the whole list, and "What are the costs ...? (2)" would miscount it.
        if not whole or (run and run[0][0] and sibling(outline.parts[run[0][0] - 1], run[0][1])):
            run.clear()
            return
        if MIN_TERM_LIST <= len(run) <= MAX_TERM_LIST and run[0][1].trail:
            first = run[0][1]
            heading = re.sub(
                r"^(?:the|a|an)\s+", "", tidy(loose_maths(first.trail[-1])), flags=re.I
            )
            # "Conditions for deadlock", "Types of rock": its head noun is plural ("Transport
            # across membranes" names one process, not the terms under it)
            before = re.split(rf"\s+(?:{_AFTER_HEAD_NOUN})\s+", heading, maxsplit=1, flags=re.I)
            head_noun = before[0].split()[-1]
            if normalise(heading) in GLOSSARY_HEADINGS or not plural_noun(head_noun):
                run.clear()
                return  # "Integrated deadlock strategy": the terms are not what it names
            shown = " ".join(lower_first(heading.split()))
            front = finish_question(f"What are the {shown}") + f" ({len(run)})"
            answer = "; ".join(term for _, _, term in run)
            opening = _opening_block(first)
            context = card_context(Passage(opening, first.trail[:-1]), outline.title)
            source = SourceRef(path, opening.start, _opening_block(run[-1][1]).end)
            found[run[0][0]] = basic_draft(front, answer, context, source)
        run.clear()

    for position, part in enumerate(outline.parts):
        head = _term_head(part)
        same = run and part.trail == run[-1][1].trail
        level = _opening_block(part).level
        if same and level > _opening_block(run[-1][1]).level:
            continue  # a point below one of the run's terms, not the run's end
        if head and (not run or (same and level == _opening_block(run[-1][1]).level)):
            run.append((position, part, head))  # type: ignore[arg-type]
            continue
        close(not (run and sibling(part, run[-1][1])))
        if head:
            run.append((position, part, head))  # type: ignore[arg-type]
    close()
    return found


def _listed_drafts(
    lead: str, texts: list[str], context: str, source: SourceRef, owner: str = ""
) -> list[Draft]:
    """The cards of a list whose members are the fact: under a lead that counts them ("Six
    articles of faith (Sunni)"), names what they are ("Primary precepts") or sets them out as
    conditions ("... is allowed if:"). At most four members are one card; five to eight are two
    halves, each showing the other. None where a member is a sentence, or the count is not the
    members'. A heading "Four working principles" under "Situation ethics" names whose they
    are (`owner`)."""
    body, conjunction = enumerations.condition_lead(lead)
    clauses = enumerations.conditions(texts) if body else []
    if clauses:
        front = enumerations.condition_prompt(body, conjunction, len(clauses))
        return [basic_draft(front, "; ".join(clauses), context, source)]
    names = enumerations.members(texts)
    if len({normalise(name) for name in names}) != len(names) or any(
        f" {normalise(name)} " in f" {normalise(lead)} " for name in names
    ):
        return []
    count, phrase = enumerations.counted_phrase(lead)
    if count and count != len(names):
        return []
    if count and count <= MAX_LIST_ITEMS:
        of = (
            f" of {owner}"
            if owner and " of " not in phrase and not re.search(r"[\d:;+&/]", owner)
            else ""
        )
        number, *what = phrase.split()
        front = f"What are the {number.casefold()} {' '.join(lower_first(what))}{of}?"
        return [basic_draft(front, "; ".join(names), context, source)]
    if not count and not body and not enumerations.names_members(lead):
        return []
    if not enumerations.MIN_HALVED_ITEMS <= len(names) <= enumerations.MAX_HALVED_ITEMS:
        return []
    first, rest = enumerations.halves(names)
    named = lead.strip().rstrip(":")
    return [
        basic_draft(
            enumerations.half_prompt(named, first, len(rest)), "; ".join(rest), context, source
        ),
        basic_draft(
            enumerations.half_prompt(named, rest, len(first)), "; ".join(first), context, source
        ),
    ]


def group_enumeration_drafts(group: ListGroup, title: str, path: str) -> list[Draft]:
    """A list under a lead that counts its members, names them or sets them out as conditions
    (see `_listed_drafts`)."""
    lead = tidy(group.lead.text)
    texts = [tidy(item.text) for item in group.items]
    passage = Passage(group.lead, group.trail, group.label)
    context = card_context(passage, title)
    source = SourceRef(path, group.lead.start, group.items[-1].end)
    owner = section_subject(passage) if group.lead_is_heading else ""
    return _listed_drafts(lead, texts, context, source, owner)


def enumeration_drafts(outline: Outline, path: str) -> dict[int, list[Draft]]:
    """Lists written as lines of their own rather than under a list lead: items right under a
    heading or bullet that counts or names them ("Six articles of faith (Sunni)", "Primary
    precepts"), and lines finishing a paragraph that ends "if:"; keyed by where the list
    starts (see `_listed_drafts`)."""
    found: dict[int, list[Draft]] = {}
    parts = outline.parts
    position = 0
    while position < len(parts):
        part = parts[position]
        if not isinstance(part, Passage):
            position += 1
            continue
        end = position + 1
        while (
            end < len(parts)
            and isinstance(parts[end], Passage)
            and parts[end].trail == part.trail  # type: ignore[union-attr]
            and parts[end].label == part.label  # type: ignore[union-attr]
            and parts[end].block.kind is part.block.kind  # type: ignore[union-attr]
        ):
            end += 1
        run: list[Passage] = parts[position:end]  # type: ignore[assignment]
        source = SourceRef(path, run[0].block.start, run[-1].block.end)
        lead = tidy(part.block.text)
        if part.block.kind is BlockKind.TEXT and enumerations.condition_lead(lead)[0]:
            clauses = list(
                itertools.takewhile(
                    lambda line: line[:1].islower(), (tidy(p.block.text) for p in run[1:])
                )
            )
            if clauses:
                last = run[len(clauses)].block.end
                context = card_context(part, outline.title)
                made = _listed_drafts(lead, clauses, context, replace(source, end=last))
                if made:
                    found[position] = made
        elif part.block.kind is BlockKind.ITEM and (part.label or part.trail):
            owner = tidy(part.label or part.trail[-1])
            context = card_context(
                Passage(part.block, part.trail if part.label else part.trail[:-1]), outline.title
            )
            above = (
                Passage(part.block, part.trail[:-1]) if not part.label and part.trail[:-1] else None
            )
            whose = section_subject(above) if above else ""
            made = _listed_drafts(owner, [tidy(p.block.text) for p in run], context, source, whose)
            if made:
                found[position] = made
        position = end
    return found


_COUNTED_INLINE = lazy_regex(
    r"^(?P<lead>[2-8a-z][^:]{2,60}?)\s*:\s+(?P<items>[^:]+?)[.\u2026]*$", re.I
)


def counted_inline_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "4 universal functions: sexual, reproductive, economic, educational (socialisation)":
    a list written on one line after a lead that counts it, asked as a list."""
    block = passage.block
    shaped = _COUNTED_INLINE.match(tidy(block.text))
    if block.kind not in (BlockKind.ITEM, BlockKind.TEXT) or not shaped:
        return None
    texts = [
        re.sub(r"^(?:and|or)\s+", "", item.strip(), flags=re.I)
        for item in re.split(r",\s+(?![^()]*\))", shaped["items"])
    ]
    source = SourceRef(path, block.start, block.end)
    if not enumerations.counted_phrase(shaped["lead"])[0]:
        return None  # ("Causes: ..." is asked by `inline_list_draft`)
    made = _listed_drafts(shaped["lead"], texts, card_context(passage, title), source)
    return made[0] if len(made) == 1 else None


def listed_steps(group: ListGroup, title: str, path: str) -> Draft | None:
    """A few short numbered steps under the heading that names their method: one list card,
    "How to make the dough? (4)"."""
    texts = [tidy(item.text).rstrip(".;,") for item in group.items]
    if not group.lead_is_heading or not all(
        item.ordered and not item.terms for item in group.items
    ):
        return None
    name = method_name((*group.trail, group.lead.text), title)
    if not name or not names_a_process(group.lead.text) or not listed(texts):
        return None
    front, answer = steps_question(name, len(texts)), "; ".join(texts)
    context = card_context(Passage(group.lead, group.trail), title)
    source = SourceRef(path, group.lead.start, group.items[-1].end)
    return basic_draft(front, answer, context, source)


_INLINE_LIST = lazy_regex(
    r"^(?P<label>[A-Za-z][A-Za-z ]{2,40}?)\s*:\s+(?P<items>[^:]+?)[.\u2026]*$"
)
_LISTING_LABEL = lazy_regex(
    rf"^(?:{_PROS_AND_CONS.pattern}|criticisms|symptoms|signs|functions|roles|aims"
    rf"|{'|'.join(sorted(LIST_LABELS))})"
    r"(?:\s+of\s+.+)?$",
    re.I,
)


def lists_kinds(passage: Passage) -> bool:
    """ "Internal: retained profit, sale of assets" under "Sources of finance": a line listing
    the things of one kind of what its heading names."""
    shaped = _INLINE_LIST.match(tidy(passage.block.text))
    heading = passage.label or (passage.trail[-1] if passage.trail else "")
    return bool(shaped and kinds_listed(shaped["label"].strip(), tidy(heading)))


def inline_list_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "causes: diabetes (esp type 2), high blood pressure, infection, kidney stones" under
    "Kidney failure": a list written on one line after the label that names what it lists,
    asked as a list ("Causes of kidney failure (4)"), where the line gives no other card."""
    block = passage.block
    shaped = _INLINE_LIST.match(tidy(block.text))
    if block.kind not in (BlockKind.ITEM, BlockKind.TEXT) or not shaped:
        return None
    label = shaped["label"].strip()
    heading = passage.label or (passage.trail[-1] if passage.trail else "")
    kinds = kinds_listed(label, tidy(heading))
    if kinds:
        label = kinds  # "Internal: ..." under "Sources of finance"
    elif not _LISTING_LABEL.match(label):
        return None
    items = [
        re.sub(r"^(?:and|or)\s+", "", item.strip(), flags=re.I)
        for item in re.split(r",\s+(?![^()]*\))", shaped["items"])
    ]
    if kinds:
        # "debt factoring (sell receivables to a factor ...)": the thing, not how it works
        items = [re.sub(r"\s*\([^()]*\)", "", item).strip() or item for item in items]
    if not kinds and " of " not in label.casefold():
        whose = section_subject(replace(passage, label=""))
        if whose and normalise(label) in {normalise(word) for word in words(whose)}:
            # "Uses: ..." under "Uses and limitations", under "Break-even": the uses of the
            # thing the heading above names
            above = passage.trail[:-1]
            whose = section_subject(replace(passage, label="", trail=above)) if above else ""
        if not whose:
            return None
        label = f"{label} of {whose}"  # "causes" under "Kidney failure"
    lead = replace(block, text=f"{capitalised(label)}:", end=block.start, breaks=())
    group = ListGroup(
        lead,
        [replace(block, text=item, breaks=()) for item in items],
        passage.trail,
        label=passage.label,
    )
    draft = _list_draft(group, title, path)
    if draft is None:
        return None
    listed = label[:1].lower() + label[1:]  # "Limitations of CPI": a common noun first
    the = "" if listed.casefold().startswith("example") else "the "
    front = f"What are {the}{listed}? ({len(items)})"  # a question, not a bare label
    option = draft.options[0]
    return Draft([replace(option, note=replace(option.note, front=front), masked=front)])


def steps_under_bullet(group: ListGroup, title: str, path: str) -> tuple[list[Draft], set[int]]:
    """Numbered steps under a bullet that names their process ("- mechanism (learn the
    order):" over "1. Na+ pumped out of the cell", "2. ..."): each step asked from the one
    before it, and the `id`s of the items so asked (the rest are carded as any line)."""
    items = group.items
    texts = [tidy(item.text).rstrip(".;,") for item in items]
    if (
        group.lead_is_heading
        or len(items) < MIN_STEPS
        or not all(item.ordered and item.level == items[0].level for item in items)
        or not names_a_process(group.lead.text)
        or listed(texts)
        or not all(is_step(text) for text in texts)
    ):
        return [], set()
    name = capitalised(method_name((*group.trail, group.lead.text), title))
    if not name:
        return [], set()
    context = card_context(Passage(group.lead, group.trail, group.label), title)
    drafts: list[Draft] = []
    asked: set[int] = set()
    for item, question in zip(items, step_questions(name, texts, is_imperative), strict=True):
        if question is None:
            continue
        front, answer = question
        source = SourceRef(path, item.start, item.end)
        drafts.append(basic_draft(front, answer, context, source))
        asked.add(id(item))
    return drafts, asked


def step_drafts(outline: Outline, path: str) -> tuple[dict[int, list[Draft]], set[int]]:
    """Numbered steps under a heading (`steps`): their cards keyed by where the run starts, and
    the positions of the steps they replace."""
    found: dict[int, list[Draft]] = {}
    replaced: set[int] = set()
    run: list[tuple[int, Passage]] = []

    def close() -> None:
        texts = [tidy(part.block.text) for _, part in run]
        first = run[0][1] if run else None
        # ("**DNA replication**" over its numbered steps: the bold line names the process)
        own = first.label if first and process_noun(first.label) else ""
        name = first and method_name((*first.trail, own) if own else first.trail, outline.title)
        named = first is not None and names_a_process(first.label or (first.trail or ("",))[-1])
        steps = named and all(
            is_step(text) and not part.block.terms
            for text, (_, part) in zip(texts, run, strict=True)
        )
        if first is None or len(run) < MIN_STEPS or not name or not steps:
            run.clear()
            return
        context = card_context(first, outline.title)
        if listed(texts):
            front = steps_question(name, len(texts))
            answer = "; ".join(text.rstrip(".;,") for text in texts)
            source = SourceRef(path, first.block.start, run[-1][1].block.end)
            found[run[0][0]] = [basic_draft(front, answer, context, source)]
        else:
            drafts = []
            for (position, part), asked in zip(
                run, step_questions(name, texts, is_imperative), strict=True
            ):
                if asked is None:
                    continue
                replaced.add(position)
                front, answer = asked
                source = SourceRef(path, part.block.start, part.block.end)
                drafts.append(basic_draft(front, answer, context, source))
            found[run[0][0]] = drafts
            run.clear()
            return
        replaced.update(position for position, _ in run)
        run.clear()

    for position, part in enumerate(outline.parts):
        ordered = isinstance(part, Passage) and part.block.ordered
        if run and (
            not ordered
            or (part.trail, part.label, part.block.level)  # type: ignore[union-attr]
            != (run[-1][1].trail, run[-1][1].label, run[-1][1].block.level)
        ):
            close()
        if ordered:
            run.append((position, part))  # type: ignore[arg-type]
    close()
    return found, replaced


def _in_other_language(line: str) -> bool:
    """ "ayer - yesterday", "partir - parti": a word of another language, with its meaning or
    its form."""
    return bool(translation(line, glossary=True) or form_pair(line))


def glossary_items(outline: Outline) -> set[int]:
    """The items (by `id`) of lists that are mostly words of another language and their
    meanings: every line of such a list is one, asked the same way."""
    found: set[int] = set()
    run: list[Block] = []

    def close() -> None:
        lines = [tidy(block.text) for block in run]
        said = sum(1 for line in lines if _in_other_language(line))
        # one line at least plainly so ("el ocio - leisure"): "mitochondria - the powerhouse
        # of the cell" is biology's word, no other language's
        plain = any(translation(line) or form_pair(line) for line in lines)
        if len(run) >= MIN_TERM_LIST and said * 2 >= len(run) and plain:
            found.update(id(block) for block in run)
        run.clear()

    previous: Passage | None = None
    for part in outline.parts:
        if isinstance(part, ListGroup):
            close()  # "verbs that take sein:" over "- gehen → ist gegangen", ...
            run.extend(part.items)
            close()
            previous = None
            continue
        item = isinstance(part, Passage) and part.block.kind is BlockKind.ITEM
        if not item or (previous and (part.trail, part.label) != (previous.trail, previous.label)):
            close()
        if item:
            run.append(part.block)  # type: ignore[union-attr]
        previous = part if item else None  # type: ignore[assignment]
    close()
    return found


_AFTER_HEAD_NOUN = "|".join(sorted(PREPOSITIONS | {"of", "across", "to", "vs", "versus", "and"}))


def _opening_block(part: Passage | ListGroup) -> Block:
    """The passage's block, or the line a list opens with."""
    return part.block if isinstance(part, Passage) else part.lead


def _term_head(part: Passage | ListGroup) -> str:
    """The bold term an item opens with, before a full stop, colon or dash; "" if none: an
    item's, or that of an item with its own points below it."""
    block = _opening_block(part)
    if block.kind is not BlockKind.ITEM:
        return ""
    text, terms = block.text, block.terms
    if not terms or not text.startswith(terms[0]) or len(terms[0].split()) > MAX_TERM_WORDS:
        return ""
    rest = text[len(terms[0]) :].lstrip()
    if isinstance(part, ListGroup) and not rest[1:].strip():
        return ""  # "**Examples**:" over its points: a label, no term of the run
    return terms[0].rstrip(".: ") if rest[:1] in (".", ":", "-", "\u2013", "\u2014") else ""


# A section of terms to learn: each is a card, the list of them is no fact.
GLOSSARY_HEADINGS = frozenset(
    [
        "definitions",
        "key terms",
        "terms",
        "glossary",
        "vocabulary",
        "vocab",
        "keywords",
        "key words",
    ]
)
