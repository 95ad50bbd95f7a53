"""Cards from passages, written the way a good student would.

One fact per card: a cloze deletion of the sentence's key term, or a "When did ...?" question
when the key is a date that opens or closes the sentence; a short list under its lead becomes a
single question; a table row becomes questions about its first cell. Every card keeps its
heading trail as context and the line span it came from.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from revise.formats.model import NoteData, NoteKind, SourceRef, normalise
from revise.generation.arguments import (
    argument_step,
    note_on_quotation,
    quotations_for_point,
    quoted_words,
)
from revise.generation.card_limits import (
    MAX_ANSWER_WORDS,
    MAX_CLOZE_CHARS,
    MAX_CLOZE_WORDS,
    MAX_DEFINITION_WORDS,
)
from revise.generation.casecards import (
    case_holdings,
    found_after_facts,
    held_option,
    held_sentence,
    told_case,
    whole_rule,
)
from revise.generation.clauses import (
    MIN_CONTENT_WORDS,
    PARTICLES,
    lower_first_char,
    quoted_line,
    what_it_shows,
    who_set_out,
)
from revise.generation.clozes import (
    MAX_PROMPT_WORDS,
    cloze,
    date_question,
    deed_drafts,
    escape,
    shaped_option,
    shaped_questions,
)
from revise.generation.content import WORKED_EXAMPLE, WORKED_FIGURE
from revise.generation.definition_facts import definition_facts
from revise.generation.document import Block, BlockKind
from revise.generation.enactments import (
    enacted_drafts,
    statute_drafts,
)
from revise.generation.events import (
    ARROW_SPLIT,
    agreed_thing,
    dated_deed,
    label_clause,
    outcome,
    says_a_change,
    what_follows,
)
from revise.generation.facts import (
    APPLIED_FUNCTION,
    announces_list,
    defines,
    defines_before_list,
    does_without_object,
    fact_before_count,
    in_symbols,
    is_fact,
    is_guide,
    is_imperative,
    is_label_only,
    leads_with_fact,
    symbol_formula,
)
from revise.generation.fields import (
    MAX_FIELD_WORDS,
    RESIDUE_LABELS,
    STATEMENT_LABELS,
    case_subject,
    clause_question,
    field_question,
    head_noun,
    lower_initial,
    plural_noun,
    unlabelled,
)
from revise.generation.grammar import (
    Clause,
    capitalised,
    indefinite_article,
    lemmas,
    lower_first,
    split_clause,
    subject_phrase,
    verb_base,
)
from revise.generation.headed import (
    heading_thing,
    how_it_does,
    how_long,
    in_lower_case,
    said_of,
    what_it_is_like,
    when_it_does,
    who_did_it,
)
from revise.generation.kinds import kinds_named, named_by_kind
from revise.generation.language import (
    EXAMPLE_LINE,
    LABEL_WORDS,
    MONTHS,
    PRONOUNS,
    abbreviation_letters,
    common_prefix,
    content_tokens,
    is_label_phrase,
    is_number_word,
    is_rare,
    is_stopword,
    is_verb_form,
    past_to_base,
    same_stem,
    spelled_by,
    word_set,
    words,
    zipf,
)
from revise.generation.listcards import (
    asked_list_draft,
    bold_term_runs,
    counted_inline_draft,
    counted_list_draft,
    enumeration_drafts,
    glossary_items,
    glossary_term,
    group_enumeration_drafts,
    inline_list_draft,
    listed_steps,
    lists_kinds,
    member_items,
    step_drafts,
    steps_under_bullet,
)
from revise.generation.maths import SINGLE_SYMBOL, loose_maths
from revise.generation.options import Draft, Option, basic_draft
from revise.generation.parallel import Forked, ReadSet, can_fork
from revise.generation.patterns import lazy_regex
from revise.generation.plaintext import DATED_ENTRY, GENERIC_SECTIONS, pair_shape
from revise.generation.pronouns import (
    FRONTED_TIME,
)
from revise.generation.qa import is_own_card
from revise.generation.quantities import formula_questions, legend
from revise.generation.questions import (
    ASKS_FOR_A_SIDE,
    DASH,
    EXAMPLE_OPENER,
    FALLBACK_SHAPES,
    IDENTICAL,
    MIN_MEANING_WORDS,
    SETTING_OPENERS,
    Question,
    Shape,
    capital,
    case_name,
    case_rule,
    case_span,
    described_kind,
    form_pair,
    formula,
    held_in,
    in_symbols_only,
    is_plural,
    is_value,
    label_definition,
    law_by_name,
    marked_holding,
    named_rule,
    names_its_items,
    names_one_idea,
    paradigm,
    reaction,
    rule_name,
    rule_parts,
    translated_example,
    translation,
    whole_definition,
)
from revise.generation.selection import TERM_LINE, content_set, select
from revise.generation.statutes import (
    splits_provision,
)
from revise.generation.steps import (
    MAX_SHOWN_STEP_WORDS,
    names_an_aim,
)
from revise.generation.structure import (
    ListGroup,
    Outline,
    Passage,
    item_head,
    judged,
    names_a_thing,
    owned_trail,
)
from revise.generation.subjects import (
    MAX_OWNER_WORDS,
    MAX_SUBJECT_LABEL_WORDS,
    MAX_TERM_WORDS,
    OWN_SPEAKER,
    about_heading,
    card_context,
    deed_for_named,
    ending_name,
    heading_subject,
    is_predicate,
    label_subject,
    labels_over_speakers,
    named_by_heading,
    named_by_label,
    named_by_section,
    opening_person,
    opening_study,
    owner_of_part,
    person_like,
    points_away,
    pronouns_resolved,
    says_what_it_did,
    section_subject,
    short_label,
    siblings,
    significance_subject,
    subject_from,
    with_phased,
    with_study,
    with_term_heads,
)
from revise.generation.tablecards import (
    fact_row_as_item,
    row_drafts,
    shared_cells,
    table_rows,
    term_row_as_item,
)
from revise.generation.tables import (
    table_shapes,
)
from revise.generation.targets import (
    GIVEN_VALUE,
    TIMELINE_DATE,
    Target,
    TargetKind,
    Vocabulary,
    counts_a_party,
    find_targets,
    is_vague,
)
from revise.generation.tidying import (
    MIN_FACT_WORDS,
    sentences,
    tidy,
)
from revise.maths import MATHS_FUNCTIONS

# A run-on line longer than this is no fact to ask (a card shows at most a window of it), and
# reading it for targets costs time with the square of its length: 7,000 words took 100 s.
MAX_SENTENCE_WORDS = 200
MIN_SCORE = 4.0  # below this a sentence has nothing worth a card
GENERIC_MIN_SCORE = 9.8  # introductions and conclusions restate: only dates and full names
# "Background" and "Overview" in notes tell the earlier events and the main features, facts of
# their own, not a restatement of what follows
TELLING_SECTIONS = frozenset(["background", "overview"])
MAX_ACRONYM_LETTERS = 4  # "DNA", "OR", "NAND": a heading in capitals short enough to be one
MAX_FORMULA_SIDE_WORDS = 3
_ASIDE_LINE = lazy_regex(r"^\([^()]*\)$")
MAX_FORM_LEAD_WORDS = 4
MAX_FORMULA_CHARS = 100
OPTIONS_PER_FACT = 3
RESELECTIONS = 2  # times a fact whose card the checker refused is asked again another way


def build_notes(
    outline: Outline,
    vocabulary: Vocabulary,
    path: str,
    refused: Callable[[list[NoteData]], set[int]] | None = None,
) -> list[NoteData]:
    """The deck's notes, in the order of the notes file. `refused` names the cards a checker
    refuses on their own; each gives way to its fact's next option ("1960 - Greensboro sit-in
    ..., [4] students" refused as a count of nothing named: the year is hidden instead)."""
    drafts = _drafts(outline, vocabulary, path)
    chosen = _dates_told_once(_formulas_told_apart(select(drafts)))
    for _ in range(RESELECTIONS if refused else 0):
        flagged = refused(chosen)
        bad = {(note.front, note.back) for index, note in enumerate(chosen) if index in flagged}
        if not bad:
            break
        drafts = [_without_refused(draft, bad) for draft in drafts]
        chosen = _dates_told_once(_formulas_told_apart(select(drafts)))
    return chosen


# Notes this long have their later parts drafted on a second core (a copy of the process costs
# about as much as drafting a few hundred characters).
MIN_CHARS_TO_SHARE = 20_000

DraftPassage = Callable[..., list[Draft]]  # `_passage_drafts`, with the part's position first


def _drafts(outline: Outline, vocabulary: Vocabulary, path: str) -> list[Draft]:
    """Every fact's draft, in the order of the notes. In long notes a copy of this process
    drafts the passages of the later half while this one drafts the earlier; a passage's drafts
    are taken from the copy where each line it looked up among those already carded is, or is
    not, carded here too, so the drafts are those drafting in order gives."""
    sizes = list(itertools.accumulate(map(_part_chars, outline.parts)))
    if not sizes or sizes[-1] < MIN_CHARS_TO_SHARE or not can_fork():
        return _drafts_in_order(outline, vocabulary, path, _drafted_here)
    later = bisect.bisect_left(sizes, sizes[-1] / 2)  # the first part of the later half
    with Forked(partial(_later_drafts, outline, vocabulary, path, later)) as copy:
        return _drafts_in_order(outline, vocabulary, path, _FromCopy(later, copy))


def _part_chars(part: Passage | ListGroup) -> int:
    if isinstance(part, ListGroup):
        return len(part.lead.text) + sum(len(item.text) for item in part.items)
    return len(part.block.text)


def _drafted_here(position: int, passage: Passage, *args: Any, **kwargs: Any) -> list[Draft]:
    return _passage_drafts(passage, *args, **kwargs)


# One passage as the copy drafted it: the lines it looked up among those carded (and whether
# they were), the lines it carded, and its drafts.
Drafted = tuple[dict[str, bool], set[str], list[Draft]]


def _later_drafts(outline: Outline, vocabulary: Vocabulary, path: str, later: int) -> list[Drafted]:
    """The drafts of each passage from part `later` on, each with what it read and carded."""
    carded: set[str] = set()
    drafted: list[Drafted] = []

    def draft(
        position: int, passage: Passage, title: str, vocabulary: Vocabulary, path: str,
        seen: set[str], *args: Any, **kwargs: Any,
    ) -> list[Draft]:  # fmt: skip
        if position < later:
            return []
        read = ReadSet(carded)
        made = _passage_drafts(passage, title, vocabulary, path, read, *args, **kwargs)
        drafted.append((read.reads, read.added, made))
        carded.update(read.added)
        return made

    _drafts_in_order(outline, vocabulary, path, draft)
    return drafted


class _FromCopy:
    """Drafts the passages before part `later` here, and takes the later ones' from the copy
    where they read the lines carded as they stand here."""

    def __init__(self, later: int, copy: Forked[list[Drafted]]) -> None:
        self.later = later
        self.copy = copy
        self.taken = 0

    def __call__(
        self, position: int, passage: Passage, title: str, vocabulary: Vocabulary, path: str,
        seen: set[str], *args: Any, **kwargs: Any,
    ) -> list[Draft]:  # fmt: skip
        if position >= self.later:
            drafted = self.copy.result() or []
            index, self.taken = self.taken, self.taken + 1
            if index < len(drafted):
                reads, added, made = drafted[index]
                if all((key in seen) == held for key, held in reads.items()):
                    seen.update(added)
                    return made
        return _passage_drafts(passage, title, vocabulary, path, seen, *args, **kwargs)


def _drafts_in_order(
    outline: Outline, vocabulary: Vocabulary, path: str, draft_passage: DraftPassage
) -> list[Draft]:
    drafts: list[Draft] = []
    seen: set[str] = set()
    guide = is_guide(outline)
    term_lists = bold_term_runs(outline, path)
    glossary = glossary_items(outline)
    steps, stepped = step_drafts(outline, path)
    illustrations = _illustrations(outline)
    shared = shared_cells(outline)
    shapes = table_shapes(table_rows(outline))
    holdings = case_holdings(outline)
    spoken = labels_over_speakers(outline)
    statutes = statute_drafts(outline, path)
    last_counted: tuple[tuple[str, ...], str] = ((), "")  # what the last line counted
    timeline: Timeline = ((), 0, 0)  # the trail, year and month of the last dated line
    own = ("", 0)  # the answer to the student's last question, and its last line
    before: Passage | None = None  # the line before, whose subject a student has just read
    members = member_items(outline)
    fields = _repeated_fields(outline)
    kinds = kinds_named(outline)
    enumerated = enumeration_drafts(outline, path)
    point: tuple[str, tuple[str, ...], int] = ("", (), 0)  # the argument's last point, its trail
    # and its line
    evidence: tuple[tuple[str, ...], str] = ((), "")  # the trail and text of the last evidence
    stated = _stated_outside_examples(outline)
    for position, part in enumerate(outline.parts):
        if position in term_lists:
            drafts.append(term_lists[position])
        drafts.extend(enumerated.get(position, []))
        drafts.extend(steps.get(position, []))
        if position in stepped:
            continue
        if _in_worked_example(part):
            if isinstance(part, Passage):
                drafts.extend(_worked_relation_drafts(part, outline.title, path, stated))
            continue
        if isinstance(part, Passage) and part.block.answer:
            drafts.extend(_own_question_drafts(part, outline.title, path))
            own = (normalise(part.block.answer), part.block.answer_end)
            continue
        if isinstance(part, ListGroup):
            legend = _legend_drafts(part, outline.title, path)
            if legend:
                drafts.extend(legend)
                continue
            parts = _rule_parts_drafts(part, outline.title, path)
            if parts:
                drafts.extend(parts)
                continue
            listed = not all(id(item) in glossary for item in part.items)
            # "Flux Φ = BA" over its unit and when it holds: facts about a formula, no list
            listed = listed and not symbol_formula(part.lead.text)
            stepped_drafts, stepped_items = steps_under_bullet(part, outline.title, path)
            drafts.extend(stepped_drafts)
            draft = not stepped_items and (
                _rule_parts_draft(part, outline.title, path)
                or listed_steps(part, outline.title, path)
                or (listed and asked_list_draft(part, outline.title, path))
            )
            if draft:
                drafts.append(draft)
                continue
            counted_list = listed and counted_list_draft(part, outline.title, path)
            if counted_list:
                drafts.append(counted_list)  # the items' own cards keep what it leaves out
            elif listed:
                drafts.extend(group_enumeration_drafts(part, outline.title, path))
            if part.lead_is_heading:
                passages = [Passage(item, (*part.trail, part.lead.text)) for item in part.items]
            elif part.lead.kind is BlockKind.TEXT:
                # A paragraph over a list: its sentences before the ":" are facts of their own.
                passages = [Passage(part.lead, part.trail, part.label)]
                passages += [
                    Passage(item, part.trail, short_label(part.lead.text), part.lead.start)
                    for item in part.items
                ]
            else:
                # "1948 - Berlin Blockade" over what happened in it: a fact, as well as a label
                dated = bool(DATED_ENTRY.match(part.lead.text))
                lead = Passage(part.lead, part.trail, part.label)
                # "The human heart has four chambers:": a fact of its own over its list
                stated = "" if dated else leads_with_fact(part.lead.text)
                stated = stated or ("" if dated else fact_before_count(part.lead.text))
                stated = stated or ("" if dated else defines_before_list(part.lead.text))
                counted = stated and _count_draft(lead, stated, outline.title, path)
                if counted:
                    drafts.append(counted)
                    passages = []
                elif stated:
                    passages = [replace(lead, block=replace(part.lead, text=stated))]
                elif not dated and (
                    announces_list(part.lead.text) or is_label_only(part.lead.text)
                ):
                    # ('"Fair is foul ..." (1.1) the Witches' over its notes is a line to learn)
                    # ("... BUT Young v Bristol Aeroplane Co (1944) gives 3 exceptions:": the
                    # case that sets out the items is a fact of its own)
                    passages = [lead] if quoted_line(tidy(part.lead.text)) else []
                    cited = _case_lead_draft(lead, outline.title, path)
                    if cited:
                        drafts.append(cited)
                else:
                    passages = [lead]
                passages += [
                    Passage(item, owned_trail(part), part.lead.text, part.lead.start)
                    for item in part.items
                ]
        else:
            following = outline.parts[position + 1] if position + 1 < len(outline.parts) else None
            heads = (
                isinstance(following, Passage)
                and following.label == part.block.text
                and not EXAMPLE_LINE.match(following.block.text)  # an example of a fact
            )
            label_only = heads and is_label_only(part.block.text)
            # ('"Fair is foul ..." (1.1) the Witches' over its notes is a line to learn)
            passages = [] if label_only and not quoted_line(tidy(part.block.text)) else [part]
        for passage in passages:
            if id(passage.block) in illustrations:
                continue
            # what a provision says, asked of it; a line of more sentences has more facts
            statute, whole = statutes.get(id(passage.block), ([], False))
            if not whole:
                drafts.extend(statute)
            step, passage = argument_step(passage)
            if step == "link" and point[0] and point[1] == passage.trail:
                continue  # "Link: This shows ...": the essay's thread, no fact of the notes
            if step == "point" or point[1] != passage.trail:
                made_point = passage.block.text if step == "point" else ""
                point = (made_point, passage.trail, passage.block.start)
            if step == "evidence":
                evidence = (passage.trail, passage.block.text)
            if step == "evidence" and point[0] and point[1] == passage.trail:
                quoted = quotations_for_point(passage, point, outline.title, path)
                drafts.extend(quoted)
                if quoted:
                    continue  # (its quotations are its facts)
            if isinstance(part, ListGroup) and id(passage.block) in stepped_items:
                continue
            passage = _run_in_label(term_row_as_item(fact_row_as_item(passage, outline.title)))
            if id(passage.block) in kinds:
                passage = named_by_kind(passage, kinds[id(passage.block)])
            expanded = _expansion_draft(passage, outline.title, path)
            if expanded:
                drafts.append(expanded)
            if passage.block.kind is BlockKind.ROW:
                drafts.extend(row_drafts(passage, outline.title, path, shared, shapes, vocabulary))
            elif passage.block.kind is BlockKind.FORMULA:
                drafts.extend(_formula_drafts(passage, outline.title, path))
            else:
                way = _way_draft(passage, outline.title, path)
                if way:
                    drafts.append(way)  # (asked as any line, an order asks nothing)
                    continue
                passage, timeline = _dated_in_year(passage, timeline)
                passage = _ordinal_named(passage, last_counted)
                noun = _counted_noun(passage.block.text)
                if noun or last_counted[0] != passage.trail:
                    last_counted = (passage.trail, noun)
                noted = note_on_quotation(passage, before, outline.title, path)
                made = noted if noted is not None else draft_passage(
                    position, passage, outline.title, vocabulary, path, seen, guide,
                    id(passage.block) in glossary, id(passage.block) in holdings,
                    before=f"{before.block.text if before else ''} {passage.label}",
                    previous=before, owned=passage.label_line not in spoken,
                    member=id(passage.block) in members,
                )  # fmt: skip
                if own[0] and passage.block.start <= own[1] <= passage.block.end:
                    made = _not_answered(made, own[0])
                if step == "explain" and evidence[0] == passage.trail:
                    made = quoted_words(passage, evidence[1], made, outline.title, path)
                before = passage
                role = _role_draft(passage, outline.title, path, fields)
                if role and _asked_already(role, made):
                    role = None  # "aim: ..." under "Asch (1951)": "What is the aim of ...?"
                if not role:
                    made = _without_bare_field(made, passage, fields)
                role = role or (not made and _rule_part_draft(passage, outline.title, path))
                # ("Internal: retained profit, ..." under "Sources of finance": the list is the
                # fact, not an aside of one of its items)
                # and "4 factors of production: land, ...": the count is the list's, no target)
                listing = not made or lists_kinds(passage)
                inline = (
                    role
                    or counted_inline_draft(passage, outline.title, path)
                    or (listing and inline_list_draft(passage, outline.title, path))
                )
                made = [inline] if inline else made
                if whole:
                    # the line's other cards stand in where the checker refuses the provision's
                    others = [option for draft in made for option in draft.options]
                    made = [Draft([*statute[0].options, *others])]
                drafts.extend(made)
    return drafts


_LEADING_CONJUNCTION = lazy_regex(r"^(?:but|and|or|so|yet|however|whereas|while)\s+", re.I)


def _case_lead_draft(lead: Passage, title: str, path: str) -> Draft | None:
    """A lead that says what a case it names sets out, over the items it sets out: "The CA is
    normally bound by its own decisions BUT Young v Bristol Aeroplane Co (1944) gives 3
    exceptions:" -> "... BUT [Young v Bristol Aeroplane Co] (1944) gives 3 exceptions". Not a
    lead that is only the case's name ("Donoghue v Stevenson (1932):")."""
    text = tidy(lead.block.text).rstrip(" :")
    found = case_name(text)
    cited = case_span(text)
    if found is None or cited is None:
        return None
    rest = f"{text[: cited[0]]} {text[cited[1] :]}"
    said = any(is_verb_form(word) and not word.endswith("ing") for word in words(rest))
    name = _LEADING_CONJUNCTION.sub("", found[0])  # "... BUT Young v Bristol ...": no party
    if not said or len(words(rest)) < MIN_FACT_WORDS or len(name) > MAX_CLOZE_CHARS:
        return None
    if len(name.split()) > MAX_CLOZE_WORDS:
        return None
    start = text.index(name, cited[0])
    before, after = capitalised(text[:start]), text[start + len(name) :]
    front = f"{escape(before)}[{escape(name)}]{escape(after)}"
    source = SourceRef(path, lead.block.start, lead.block.end)
    note = NoteData(NoteKind.CLOZE, front, context=card_context(lead, title), source=source)
    return Draft([Option(note, name, 12.5, f"{before}___{after}")])


_COUNTED_NOUN = lazy_regex(
    r"\b(?:[2-9]|two|three|four|five|six|seven|eight|nine)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,}s)\b"
)
_BARE_ORDINAL = lazy_regex(
    r"^(?P<the>the\s+(?:first|second|third|fourth|fifth|sixth|last|final))\s+(?=[\d(])", re.I
)


# "This is called de-industrialisation.", "This process is known as osmosis."
_CALLED = lazy_regex(
    r"^(?:this|that|these|this\s+\w+|these\s+\w+)\s+(?:is|are|was|were)\s+(?:called|known\s+as"
    r"|termed|referred\s+to\s+as)\s+(?:an?\s+|the\s+)?(?P<term>[^\s.,;:!?][^.,;:!?]{1,50}?)\s*[.!]?$",
    re.I,
)
MAX_CALLED_WORDS = 5


def _called_draft(
    passage: Passage, spans: list[tuple[int, int, str]], index: int, context: str, path: str
) -> Draft | None:
    """ "Since the 1960s the UK has lost most of its manufacturing jobs. This is called
    de-industrialisation.": the sentence before, then "What is this called?"."""
    named = _CALLED.match(spans[index][2].strip()) if index else None
    if not named or len(named["term"].split()) > MAX_CALLED_WORDS:
        return None
    said = spans[index - 1][2].strip()
    if not said[:1].isupper() or said.endswith(("?", ":")) or len(said.split()) < MIN_FACT_WORDS:
        return None
    block = passage.block
    front = f"{said.rstrip('.')}. What is this called?"
    answer = capital(named["term"].strip())
    source = SourceRef(path, block.line_at(spans[index - 1][0]), block.line_at(spans[index][1] - 1))
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Draft([Option(note, answer, 12.0, front)])


# "This led to cheaper bread", "This positioning allowed Russia to reassert its role", "This
# causes the release of a neurotransmitter": what the sentence before brings about.
_THIS_BROUGHT = lazy_regex(
    r"^(?P<this>this|that|these)(?:\s+(?P<noun>[a-z]+))?\s+(?P<verb>(?:led|leads?)\s+to"
    r"|result(?:ed|s)?\s+in|caus(?:ed|es?)|allow(?:ed|s)?|enabl(?:ed|es?)|forc(?:ed|es?)"
    r"|help(?:ed|s)?)\s+(?P<what>[^.;:!?]+?)\s*\.?$",
    re.I,
)
# "allowed Russia to reassert ...": whom it let act, then the act
_WHOM_TO = lazy_regex(r"^(?P<whom>(?:[A-Z][\w'\u2019-]*\s+){1,3}|(?:the|its|their)\s+\w+\s+)to\s+")
_BROUGHT_ASKED = {
    "led to": "lead to",
    "result in": "result in",
    "cause": "cause",
    "allow": "allow",
    "enable": "enable",
    "force": "force",
    "help": "help",
}
# ", advocating for diplomatic solutions while ...": how the deed before was done, which the
# question about what it brought about need not show
_DONE_HOW = lazy_regex(
    r",\s+(?:while\s+)?(?!(?:during|according|including|nothing|something|everything)\b)"
    r"[a-z]{3,}ing\s+[^,]*(?:,[^,]*)*$"
)
MAX_BROUGHT_BEFORE_WORDS = 12
_BRACKETED = lazy_regex(r"\s*\([^()]*\)")


def _brought_verb(verb: str) -> tuple[str, str]:
    """The verb a question on what was brought about asks with: "caused" -> ("did", "cause"),
    "causes" -> ("does", "cause"), "lead to" -> ("do", "lead to")."""
    first = verb.casefold().split()[0]
    if first in ("led", "leads", "lead"):
        base = "led to"
    else:
        stem = re.sub(r"(?:ed|s)$", "", first)
        base = next(key for key in _BROUGHT_ASKED if key.split()[0].startswith(stem[:4]))
    asked = _BROUGHT_ASKED[base]
    if first.endswith("ed") or first == "led":
        return "did", asked
    return ("does" if first.endswith("s") else "do"), asked


def _said_before(
    passage: Passage, spans: list[tuple[int, int, str]], index: int, previous: Passage | None
) -> tuple[str, int] | None:
    """The sentence a "This ..." sentence follows, and its line: the one before it in the
    paragraph, or, for the first, the last of the item or paragraph just before it under the
    same heading ("(a) An impulse arrives at the end of the neurone." over "(b) This causes
    ...")."""
    if index:
        return spans[index - 1][2], passage.block.line_at(spans[index - 1][0])
    if previous is None or previous.trail != passage.trail:
        return None
    if previous.block.kind is not passage.block.kind or passage.block.kind not in (
        BlockKind.TEXT,
        BlockKind.ITEM,
    ):
        return None
    if previous.label != passage.label:
        return None
    last = list(sentences(previous.block.text))
    if not last:
        return None
    start, _, raw = last[-1]
    return raw, previous.block.line_at(start)


def _brought_draft(
    passage: Passage,
    spans: list[tuple[int, int, str]],
    index: int,
    context: str,
    path: str,
    previous: Passage | None = None,
) -> Draft | None:
    """ "The government abolished the Corn Laws in 1846. This led to cheaper bread." -> the
    sentence before, then "What did this lead to?"; "This positioning allowed Russia to
    reassert its role ..." -> "... What did this positioning allow Russia to do?". The
    sentence before is shown without how its deed was done (", advocating ..."), which
    would make the question long and give away what other cards ask."""
    # (an aside in brackets, "(e.g. acetylcholine)", is no part of what was brought about)
    brought = _THIS_BROUGHT.match(_BRACKETED.sub("", spans[index][2]).strip())
    if not brought:
        return None
    before = _said_before(passage, spans, index, previous)
    if before is None:
        return None
    said = tidy(before[0].strip())
    if not said[:1].isupper() or said.endswith(("?", ":")) or len(said.split()) < MIN_FACT_WORDS:
        return None
    if is_vague(said):
        return None  # "This led to ...": what the sentence before says is not shown either
    if len(said.split()) > MAX_BROUGHT_BEFORE_WORDS:
        shorter = _DONE_HOW.sub("", said.rstrip(".")).strip()
        if len(shorter.split()) >= MIN_FACT_WORDS:
            said = shorter
    aux, asked = _brought_verb(brought["verb"])
    what = brought["what"]
    if asked in ("allow", "enable", "force", "help"):
        whom = _WHOM_TO.match(what)
        if not whom:
            return None
        asked = f"{asked} {whom['whom'].strip()} to do"
        what = what[whom.end() :]
    answer = capital(what.strip())
    if not 1 <= len(words(answer)) <= MAX_ANSWER_WORDS or is_stopword(answer.casefold()):
        return None  # ("This led to it")
    this = " ".join(filter(None, [brought["this"].casefold(), brought["noun"]]))
    front = f"{said.rstrip('.')}. What {aux} {this} {asked}?"
    if len(front.split()) > MAX_PROMPT_WORDS:
        return None
    block = passage.block
    source = SourceRef(path, before[1], block.line_at(spans[index][1] - 1))
    return basic_draft(front, answer, context, source)


# "US military leaders advised Eisenhower to use nukes", "calonne calls assembly of notables
# to approve land tax": someone asked to do something, which a refusal next says was not done
_ASKED_TO = lazy_regex(
    r"(?:^|\s)(?:advised|advises|asked|asks|urged|urges|called|calls|told|tells|invited|invites"
    r"|begged|begs|pressed|presses|requested|requests|ordered|orders)\s+(?:on\s+|upon\s+)?"
    r"(?P<whom>(?:the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?)\s+to\s+"
    r"(?P<act>[a-z][^,;:()]*?)\s*[.;,]?$",
    re.I,
)
# "Eisenhower refused - but ...", "they refuse": a refusal said alone, with nothing refused named
_REFUSAL = lazy_regex(
    r"^(?P<who>(?:the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?)\s+"
    r"(?P<verb>refused|refuses|refuse|declined|declines|decline)(?:\s*(?:$|[.;,])|\s+[-\u2013\u2014]\s)",
    re.I,
)
_REFUSED_BY_PRONOUN = frozenset(["they", "he", "she"])


def _refused_draft(
    passage: Passage,
    spans: list[tuple[int, int, str]],
    index: int,
    context: str,
    path: str,
    previous: Passage | None,
    names: frozenset[str],
) -> Draft | None:
    """ "calonne calls assembly of notables to approve land tax, they refuse": what was refused
    is named only in the request, so "What did the assembly of notables refuse to do?" ::
    "Approve land tax" is asked from the line. A refusal on a line of its own ("Eisenhower
    refused - but ...") after the request ("September 54 - US military leaders advised
    Eisenhower to use nukes to defend Taiwan") is asked as the answer to the request, which
    the request's own card shows anyway: "US military leaders advised Eisenhower to use nukes
    to defend Taiwan. How did Eisenhower respond?" :: "Refused"."""
    sentence = " ".join(spans[index][2].split())  # as written: tidying drops "X refused - "
    block = passage.block
    first_line = block.line_at(spans[index][0])
    refusal = _REFUSAL.match(sentence)
    request = None
    if refusal:
        before = _said_before(passage, spans, index, previous)
        if before is not None:
            first_line = before[1]
            lines = (first_line, block.line_at(spans[index][1] - 1))
            return _response_draft(before[0], refusal, lines, context, path)
    else:
        *asking, refused = re.split(r"[,;]\s+", sentence.rstrip(" ."))
        refusal = _REFUSAL.match(refused) if asking else None
        request = _ASKED_TO.search(", ".join(asking)) if refusal else None
    if not refusal or not request:
        return None
    whom, who = request["whom"], refusal["who"]
    refuser, asked = (re.sub(r"^the\s+", "", normalise(name)) for name in (who, whom))
    if who.casefold() not in _REFUSED_BY_PRONOUN and not f"{asked} ".startswith(f"{refuser} "):
        return None  # ("The Parlement refused" after "asked the Parlement of Paris to ...")
    answer = capital(request["act"].strip())
    if not MIN_CONTENT_WORDS <= len(words(answer)) <= MAX_ANSWER_WORDS:
        return None
    front = f"What did {subject_phrase(whom.split(), names)} refuse to do?"
    source = SourceRef(path, first_line, block.line_at(spans[index][1] - 1))
    return basic_draft(front, answer, context, source)


_RESPONSE_AUX = {"d": "did", "s": "does"}  # by the refusal's last letter: "refused", "refuses"


def _response_draft(
    said: str,
    refusal: re.Match[str],
    lines: tuple[int, int],
    context: str,
    path: str,
) -> Draft | None:
    """The request a refusal answers, then how its receiver responded: "September 54 - US
    military leaders advised Eisenhower to use nukes to defend Taiwan" over "Eisenhower refused
    - ..." -> "US military leaders advised Eisenhower to use nukes to defend Taiwan. How did
    Eisenhower respond?" :: "Refused". The request is shown without its date or label before a
    dash, which its own card may ask."""
    request = next(
        (
            part
            for part in re.split(r"\s+[-\u2013\u2014]\s+", " ".join(said.split()).rstrip(" ."))
            if _ASKED_TO.search(part)
        ),
        "",
    )
    asked = _ASKED_TO.search(request)
    if not asked or not request[:1].isupper() or len(request[: asked.start()].split()) < 1:
        return None  # ("Advised Eisenhower to ...": who asked is not said)
    who = refusal["who"]
    refuser, whom = (re.sub(r"^the\s+", "", normalise(name)) for name in (who, asked["whom"]))
    if not f"{whom} ".startswith(f"{refuser} ") or len(words(asked["act"])) < MIN_CONTENT_WORDS:
        return None  # ("The Parlement refused" after "asked the king to ...")
    front = f"{request}. How {_RESPONSE_AUX.get(refusal['verb'][-1:].casefold(), 'do')} "
    front += f"{lower_first_char(who) if who.startswith(('The ', 'A ')) else who} respond?"
    if len(front.split()) > MAX_PROMPT_WORDS:
        return None
    answer = capital(refusal["verb"])
    source = SourceRef(path, *lines)
    return basic_draft(front, answer, context, source)


# "Why did Stalin refuse to help?": a refusal to help that names nobody helped
_HELP_REFUSED = lazy_regex(
    r"^(?P<asked>Why\s+(?:did|does|do)\s+.+?\s+refuse\s+to\s+(?:help|support|assist|aid))\?$"
)
# "Mao anticipated Soviet help under the terms of ...": who looked for help, named
_HELP_LOOKED_FOR = lazy_regex(
    r"(?:^|[-\u2013\u2014,;]\s+)(?P<who>(?:[Tt]he\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})\s+"
    r"(?:anticipated|expected|hoped\s+for|asked\s+for|requested|sought|wanted|counted\s+on)\s+"
    r"(?:[A-Z][\w-]*\s+|military\s+|economic\s+|financial\s+|more\s+)?"
    r"(?:help|support|assistance|aid)\b"
)


def _help_expected(
    front: str, passage: Passage, previous: Passage | None
) -> tuple[str, int] | None:
    """ "Why did Stalin refuse to help?" after the sibling line "Forced Mao to enter war - Mao
    anticipated Soviet help under the terms of the Treaty of Friendship": the question with
    whom the help was refused ("Why did Stalin refuse to help Mao?") and the line that names
    them; None where the question names whom already, or the line before looked for none."""
    asked = _HELP_REFUSED.match(front)
    if not asked or previous is None or not siblings(passage, previous):
        return None
    looked = _HELP_LOOKED_FOR.search(" ".join(previous.block.text.split()))
    if not looked:
        return None
    who = re.sub(r"^The\s", "the ", looked["who"])
    if f" {who} " in f" {front} ":
        return None  # ("Why did Stalin refuse to help Mao?" after "Mao anticipated ...")
    return f"{asked['asked']} {who}?", previous.block.start


def _own_question_drafts(passage: Passage, title: str, path: str) -> list[Draft]:
    """The student's own question with their answer: "What were the Four Sights?" ->
    "old man, sick man, corpse (dead man), holy man"; a card they typed with a long meaning
    that packs several facts, one card for each fact."""
    block = passage.block
    context = card_context(passage, title)
    if is_own_card(block):
        front, back = block.cells  # a card the student typed, kept as they wrote it
        source = SourceRef(path, block.start, block.end)
        facts = definition_facts(front, back) or [(front, back)]
        notes = [NoteData(NoteKind.BASIC, *fact, context=context, source=source) for fact in facts]
        return [Draft([Option(note, note.back, 10.0, note.front)]) for note in notes]
    question = capital(tidy(block.asked or block.text))
    if passage.trail and not block.asked:
        question = named_by_heading(question, tidy(passage.trail[-1]))
    answer = capital(block.answer.strip().rstrip("."))
    source = SourceRef(path, block.start, max(block.answer_end, block.start))
    note = NoteData(NoteKind.BASIC, question, answer, context=context, source=source)
    return [Draft([Option(note, answer, 10.0, question)])]


def _not_answered(drafts: list[Draft], answer: str) -> list[Draft]:
    """The drafts of the lines a student's question is answered from, without the options
    that ask again for what its card asks ("[Siddhartha Gautama], a prince ..." after "Who
    was the Buddha? :: Siddhartha Gautama")."""
    kept = []
    for draft in drafts:
        options = [
            option
            for option in draft.options
            if f" {normalise(option.answer)} " not in f" {answer} "
        ]
        if options:
            kept.append(Draft(options))
    return kept


def _counted_noun(text: str) -> str:
    """ "Mao launched 2 unsuccessful attempts to take over Taiwan" -> "attempt"."""
    match = _COUNTED_NOUN.search(text)
    if not match:
        return ""
    singular = lemmas(match["noun"]).get("NOUN", ())
    return singular[0] if singular and singular[0] != match["noun"] else ""


def _ordinal_named(passage: Passage, counted: tuple[tuple[str, ...], str]) -> Passage:
    """ "The first 1954-55 was significant ..." after "Mao launched 2 unsuccessful attempts
    ...": the first of the things the line before counted ("The first attempt 1954-55")."""
    trail, noun = counted
    block = passage.block
    match = _BARE_ORDINAL.match(block.text)
    if not match or not noun or trail != passage.trail:
        return passage
    text = f"{match['the']} {noun} {block.text[match.end() :]}"
    shift = len(noun) + 1
    breaks = tuple((where + shift if where else where, line) for where, line in block.breaks)
    return replace(passage, block=replace(block, text=text, breaks=breaks))


Timeline = tuple[tuple[str, ...], int, int]
# "1789", "1792 - war + republic", "1962: Cuban missile crisis": a single year a heading or a
# line opens on (a span, "1790-91", says no one year; "1500 people" is no year)
_OPENING_YEAR = lazy_regex(r"^(1\d{3}|20\d{2})(?!\s*[-\u2013/]\s*\d)(?:$|\s*[-\u2013\u2014:]\s)")


def _dated_in_year(passage: Passage, timeline: Timeline) -> tuple[Passage, Timeline]:
    """ "17 june - 3rd estate declares itself the national assembly" under "1789", or after "5
    may 1789 - ...": a day the notes give without its year, in the year of the timeline it is
    part of ("17 june 1789"), where the days run on from that year's earlier ones. Returns the
    passage and the timeline as it stands after it."""
    trail, year, month = timeline
    if trail != passage.trail:
        opened = [match for match in map(_OPENING_YEAR.match, passage.trail) if match]
        year, month = (int(opened[-1][1]) if opened else 0), 0
    block = passage.block
    dated = TIMELINE_DATE.match(block.text)
    if not dated:
        opens = _OPENING_YEAR.match(block.text)
        return passage, (passage.trail, int(opens[1]) if opens else year, 0 if opens else month)
    on = MONTHS[dated["month"].casefold()]
    if dated["year"]:
        return passage, (passage.trail, int(dated["year"]), on)
    if not year or on < month:
        return passage, (passage.trail, 0, 0)  # ("20 dec", then "5 jan": a year has turned)
    end = dated.end("when")
    text = f"{block.text[:end]} {year}{block.text[end:]}"
    shift = len(str(year)) + 1
    breaks = tuple((where + shift if where > end else where, line) for where, line in block.breaks)
    return replace(passage, block=replace(block, text=text, breaks=breaks)), (
        passage.trail,
        year,
        on,
    )


_TABLE_DATE = lazy_regex(r"^What (?:is|are) the (?:date|year)s? of (?P<named>.+)\?$")


def _dates_told_once(notes: list[NoteData]) -> list[NoteData]:
    """ "What is the date of Berlin Wall? :: 13 Aug 1961" from a table beside "When did the
    Berlin Wall start? :: 13 Aug 1961" from a list of key dates: one fact, asked once, by the
    card that says what happened."""
    told = []
    for note in notes:
        asked = _TABLE_DATE.match(note.front) if note.kind is NoteKind.BASIC else None
        named = set(content_tokens(normalise(asked["named"]))) if asked else set()
        when = normalise(note.back)
        if named and any(
            other is not note
            and not _TABLE_DATE.match(other.front)  # (two tables' rows: one is kept)
            and when in _answers(other)
            and named <= _said(other)
            for other in notes
        ):
            continue
        told.append(note)
    return told


def _answers(note: NoteData) -> set[str]:
    if note.kind is NoteKind.CLOZE:
        return {normalise(hidden) for hidden in re.findall(r"\[([^\[\]]+)\]", note.front)}
    return {normalise(note.back)}


def _said(note: NoteData) -> set[str]:
    return set(content_tokens(normalise(f"{note.front} {note.back}")))


def _only_a_side(front: str) -> bool:
    """ "ΔHᵣₓₙ = ?", not "Bond energies: ΔHᵣₓₙ = ?": a formula's side asked, nothing before it."""
    asked = ASKS_FOR_A_SIDE.search(front)
    return bool(asked) and not re.search(r"[:?]", front[: asked.start()])


def _formulas_told_apart(notes: list[NoteData]) -> list[NoteData]:
    """ "ΔHᵣₓₙ = ?" under three headings asks three things: where a deck asks for the same side
    of more than one formula, each front says which, by the heading it sits under
    ("Bond energies: ΔHᵣₓₙ = ?")."""
    fronts = Counter(note.front for note in notes if _only_a_side(note.front))
    told = []
    for note in notes:
        heading = note.context.split(" > ")[-1].strip() if note.context else ""
        if fronts[note.front] > 1 and heading:
            note = replace(note, front=f"{heading}: {note.front}")
        told.append(note)
    return told


def _without_refused(draft: Draft, bad: set[tuple[str, str]]) -> Draft:
    """A fact's options less those refused; where one was, only a deletion of a date, a name or
    a figure may stand in for it ("[1960] - Greensboro sit-in ...", "The MPC has [9] members"
    where the heading names the MPC): a weaker word makes a worse card."""
    kept = [option for option in draft.options if (option.note.front, option.note.back) not in bad]
    if len(kept) == len(draft.options):
        return draft
    standing_in = [option for option in kept if option.stands_in or _date_or_name_deleted(option)]
    # With none, the refused card stays in the draft, for the checker to report as left out.
    return Draft(standing_in) if standing_in else draft


def _date_or_name_deleted(option: Option) -> bool:
    if option.note.kind is not NoteKind.CLOZE:
        return False
    before = option.note.front.split("[", 1)[0]
    if before.count('"') % 2 or before.count("\u201c") > before.count("\u201d"):
        return False  # a word of a quotation or a mnemonic, not a name
    answer = option.answer.strip()
    if re.fullmatch(
        r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{3,4}s?|\d{1,2}\s+[A-Z][a-z]+",
        answer,
    ):
        return True  # "1960", "20 June", "April 13 1873"
    after = option.note.front.split("]", 1)[-1].lstrip(" (")
    figure = re.fullmatch(r"\d[\d,.]*(?:\s?%|\s[a-z][\w\s]*)?", answer)
    if figure and answer.strip("0.,% ") and not after[:1].isupper():
        return True  # "has [9 members]", "[4] mmol/L", not a section number "[1.3] Sentence"
    tokens = [token for token in answer.split() if token not in _JOINING_NAMES]
    capitalised_words = bool(tokens) and all(token[:1].isupper() for token in tokens)
    return capitalised_words and (len(tokens) > 1 or not lemmas(tokens[0].casefold()))


_JOINING_NAMES = frozenset(["&", "+", "and", "et", "al", "al."])  # "Baddeley & Hitch", "et al"


def _stated_outside_examples(outline: Outline) -> str:
    """The notes' lines outside their worked examples, folded, for a formula to be found in."""
    return " ".join(
        normalise(part.block.text)
        for part in outline.parts
        if isinstance(part, Passage) and not _in_worked_example(part)
    )


# A number standing alone ("0.20", "+ 2"), not a subscript, a power or a coefficient written
# against its symbol ("Q1", "r^2", "2eV")
_NUMERAL = lazy_regex(r"(?<![A-Za-z\u0391-\u03c9^_\d.])\d+(?:\.\d+)?(?![A-Za-z\u0391-\u03c9(\d])")


def _worked_relation_drafts(passage: Passage, title: str, path: str, stated: str) -> list[Draft]:
    """A worked example's general relation, the one line of it that holds for every case:
    "1/2 mv^2 = eV", "mg = QV/d so Q = mgd/V", or the formula a sum is worked from ("F =
    kQ1Q2/r^2 = (8.99e9 x 3.0e-6 ...)" -> "F = ?" :: "kQ1Q2/r^2"); the case's own numbers are no
    card, nor a formula the notes state outside their examples."""
    if passage.block.kind is BlockKind.HEADING:
        return []
    asked = formula(passage.block.text.split("\n")[0])
    if not asked or not asked[0].front.endswith("= ?"):
        return []
    question = asked[0]
    lhs = question.front.removesuffix(" = ?").split(" so ")[-1].split("(")[0].strip()
    said = f"{question.front} {question.back}"
    general = _COEFFICIENT_FRACTION.sub("", said)
    if (
        _NUMERAL.search(general)
        or len(set(re.findall(r"[A-Za-z\u0391-\u03c9]", question.back))) < 2
    ):
        return []
    if normalise(f"{lhs} = {question.back}") in stated:
        return []  # (stated among the notes' facts: carded there)
    asked = question.front.removesuffix(" = ?")
    if SINGLE_SYMBOL.fullmatch(asked):
        return []  # "V = ?" under "Eg 4": a letter that names no quantity, the case unsaid
    if not in_symbols_only(asked.replace(" so ", " ")) or not in_symbols_only(question.back):
        return []  # "they link to E = ?": words around a formula, not a relation in symbols
    source = SourceRef(path, passage.block.start, passage.block.end)
    context = card_context(passage, title)
    note = NoteData(NoteKind.BASIC, question.front, question.back, context=context, source=source)
    return [Draft([Option(note, question.back, question.score, question.front, cell=True)])]


_COEFFICIENT_FRACTION = lazy_regex(r"(?<![\w/])1/2(?=\s*[A-Za-z\u0391-\u03c9])|\u00bd")


def _in_worked_example(part: Passage | ListGroup) -> bool:
    """A part under a "Worked example" heading: the case's numbers, not the subject's facts."""
    trail = part.trail
    if isinstance(part, ListGroup) and part.lead_is_heading:
        trail = (*trail, part.lead.text)
    return any(WORKED_EXAMPLE.match(heading) for heading in trail)


# Sentences --------------------------------------------------------------------------------------


def _way_to(passage: Passage) -> bool:
    """An order under a heading that names what it achieves ("Arrange an overdraft" under
    "Improving cash flow"): a way to do a thing, a fact of the subject, not advice."""
    return names_an_aim(tidy(passage.label or (passage.trail[-1] if passage.trail else "")))


MAX_WAY_OBJECT_WORDS = 4
# Verbs whose object is a person or a thing made to act, not the way itself ("Get customers to
# pay sooner")
_LIGHT_ORDERS = frozenset(["get", "make", "let", "have", "keep", "take", "do", "be", "go", "try"])
# Where an order's object ends: a preposition, a clause, an aside, a dash
_OBJECT_END = lazy_regex(
    r"\s+(?:with|to|from|for|by|in|on|at|into|onto|so|or|and|but|because|as|than|if|when|along"
    r"|across|around|beside|near|over|under|below|above|behind|between|through|towards?|within"
    r"|without|during|before|after|until|upstream|downstream)\b"
    r"|\s*[,(/;:.]|\s+[-\u2013\u2014]\s"
)


def _way_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "Negotiate longer credit terms with suppliers (pay later)" under "Improving cash flow":
    one way to do what the heading names, its object hidden ("Negotiate [longer credit terms]
    with suppliers (pay later)"); the heading, shown above it, says what the way is for."""
    text = tidy(passage.block.text)
    if passage.block.kind is not BlockKind.ITEM or not _way_to(passage):
        return None
    if not is_imperative(capitalised(text)):
        return None
    verb, _, rest = text.partition(" ")
    if verb.casefold() in _LIGHT_ORDERS:
        return None
    start = len(verb) + 1
    particle = re.match(r"(\w+)\s+", rest)
    if particle and particle[1].casefold() in PARTICLES:
        start += particle.end()
    article = re.match(r"(?:an?|the|your|its|their)\s+", text[start:], re.I)
    if article:
        start += article.end()
    end = _OBJECT_END.search(text, start)
    answer = text[start : end.start() if end else len(text)].strip()
    tokens = answer.split()
    if not tokens or len(tokens) > MAX_WAY_OBJECT_WORDS or is_stopword(tokens[0].casefold()):
        return None
    if not all(re.fullmatch(r"[A-Za-z][\w'-]*", token) for token in tokens):
        return None
    before, after = capitalised(text[:start]), text[start + len(answer) :]
    front = f"{escape(before)}[{escape(answer)}]{escape(after)}"
    context = card_context(passage, title)
    source = SourceRef(path, passage.block.start, passage.block.end)
    note = NoteData(NoteKind.CLOZE, front, context=context, source=source)
    return Draft([Option(note, answer, 10.0, f"{before}___{after}")])


def _passage_drafts(
    passage: Passage,
    title: str,
    vocabulary: Vocabulary,
    path: str,
    seen: set[str],
    guide: bool = False,
    glossary: bool = False,
    holding: bool = False,
    held_asked: bool = True,
    before: str = "",
    previous: Passage | None = None,
    owned: bool = False,
    member: bool = False,
) -> list[Draft]:
    """The cards of one passage; `holding` says it is what the court decided in the case it
    sits under; `before` is the line read just before it (and the bullet it sits under);
    `owned` says the bullet it sits under may be whose point it is; `member` says it is one
    of the several things the bullet it sits under names, not what that bullet means."""
    block = passage.block
    if _ASIDE_LINE.match(block.text.strip()):
        return []  # "(Sra Lopez says learn these by Friday!!)": an aside to the writer
    if (EXAMPLE_LINE.match(block.text) or WORKED_EXAMPLE.match(block.text)) and (
        WORKED_FIGURE.search(block.text)
    ):
        return []  # "e.g. price £20, FC £40,000 -> BE = 5,000 units": one case's sums
    lines_context = card_context(passage, title)
    study = opening_study(block.text) if block.kind is not BlockKind.HEADING else ""
    case = case_name(passage.label) if passage.label else None
    under_case = bool(passage.trail) and case_name(passage.trail[-1]) is not None
    generic = any(
        normalise(heading) in GENERIC_SECTIONS - TELLING_SECTIONS for heading in passage.trail
    )
    threshold = GENERIC_MIN_SCORE if generic else MIN_SCORE
    drafts = []
    subject = owner_of_part(passage) if block.kind is BlockKind.ITEM else ""
    opened = label_clause(passage.label) if block.kind is BlockKind.ITEM else ""
    topic = heading_subject(passage)
    described = _described_case(passage, vocabulary, title)
    section = section_subject(passage)
    # "Autocratic - ..." under "LEADERSHIP STYLES", "lateral = ..." under a "moraines:" bullet:
    # the heading or label names what it is a kind of
    kinds_heading = tidy(passage.label or (passage.trail[-1] if passage.trail else ""))
    example = (
        _example_draft(passage, title, path)
        or _definition_draft(passage, title, path)
        or _relation_draft(passage, title, path)
    )
    if example:
        return [example]
    enacted = enacted_drafts(passage, title, path)
    if enacted:
        return enacted
    conditioned = _role_condition_draft(passage, title, path)
    if conditioned:
        return [conditioned]
    held = held_sentence(block) if holding and case and held_asked else -1
    told = told_case(block) if not holding and held_asked else None
    if told:
        # "R v Roberts (1971): girl jumped out of a moving car ... V's reaction was
        # foreseeable": the facts, then what was held, on one line.
        held = held_sentence(block)
    spans = _facts_apart(with_term_heads(block), block.terms)
    if held < 0 and case and held_asked and not told:
        held = found_after_facts(spans)
    resolutions = pronouns_resolved(passage, spans, previous, vocabulary)
    for index, (start, end, _) in enumerate(spans):
        called = _called_draft(passage, spans, index, lines_context, path)
        called = called or _brought_draft(passage, spans, index, lines_context, path, previous)
        if called is not None:
            drafts.append(called)  # "... lost its manufacturing jobs. This is called ..."
            continue
        refused = _refused_draft(
            passage, spans, index, lines_context, path, previous, vocabulary.names
        )
        drafts.extend([refused] if refused else [])
        sentence, named_line, inserted = resolutions[index]
        # "... 3.5 billion cycles a second. higher clock speed = more instructions ...": a
        # sentence run on in lower case says more of what went before; its "x = y" is no term
        run_on = bool(index) and sentence[:1].islower() and " = " in sentence
        # "Zeanah et al (2005) - ... . Only 19% securely attached ...": whose finding it is
        context = with_study(lines_context, study if index else "", sentence)
        context = with_phased(context, spans, index, sentence)
        hidden_context = f" {normalise(context)} "
        if len(sentence.split()) > MAX_SENTENCE_WORDS:
            continue
        if told and index != held:
            told_facts = case_rule(sentence, None)
            if told_facts and not whole_rule(told_facts[0]):
                continue  # its facts: what the court decided is asked from its holding
        if index == held and (told or case) and normalise(sentence) not in seen:
            case = told or case
            # "Bolton v Stone (1951)" over "- only happened approx 6 times in 30 yrs -> risk
            # so small, no breach": what the court decided is asked, not a detail of it.
            source = SourceRef(path, passage.label_line or block.start, block.line_at(end - 1))
            asked = [q for q in case_rule(sentence, case, section) if whole_rule(q)]
            asked = asked or held_in(case, sentence)
            option = next(
                filter(None, (held_option(q, passage, title, source) for q in asked)), None
            )
            if option:
                # The line's other cards stand in where the checker refuses this one (an
                # outcome too long for an answer): "only happened approx [6] times in 30 yrs"
                rest = _passage_drafts(
                    passage, title, vocabulary, path, seen.copy(), guide, glossary, held_asked=False
                )
                line = block.line_at(start)
                others = [o for d in rest for o in d.options if o.note.source.end >= line]
                seen.add(normalise(sentence))
                drafts.append(Draft([option, *others]))
                said = normalise(marked_holding(sentence) or sentence)
                decided = normalise(option.answer)
                if decided == said or not said.endswith(decided):
                    continue  # the holding asked whole
                # "only happened approx 6 times in 30 yrs -> risk so small, no breach" asked for
                # its outcome: the number the court weighed is a card of its own
                counted = [o for o in others if o.note.kind is NoteKind.CLOZE and _counts(o)]
                drafts.extend(Draft([o]) for o in counted[:1])
                continue
        if index and EXAMPLE_OPENER.match(sentence):
            continue  # "... over time. Eg: Apple launching new iPhones": the line's illustration
        stated = named_rule(sentence) if normalise(sentence) not in seen else []
        said_by = context
        if not stated and normalise(sentence) not in seen:
            # "Faraday: ..." under "Faraday's law & Lenz's law": the law is asked, by a
            # context without the heading that names it
            stated, law = law_by_name(sentence, (*passage.trail, passage.label))
            unnamed = replace(
                passage,
                trail=tuple(heading for heading in passage.trail if law not in heading),
                label="" if law in passage.label else passage.label,
            )
            said_by = card_context(unnamed, title) if stated else context
        if stated:
            # "Caparo test: 1) foreseeability 2) proximity 3) ...": the rule and what it says
            where = SourceRef(path, block.line_at(start), block.line_at(max(start, end - 1)))
            option = shaped_option(stated[0], sentence, said_by, where, vocabulary)
            if option:
                seen.add(normalise(sentence))
                drafts.append(Draft([option]))
                continue
        verdict = index == 0 and block.kind is BlockKind.ITEM and judged(sentence, passage)
        sentence = verdict or sentence  # "A weakness of Harlow (1958): ...", no definition
        if index == 0 and block.kind is not BlockKind.HEADING:
            sentence = unlabelled(sentence) or sentence  # "Detail: ...": the statement alone
        source = SourceRef(
            path, min(block.line_at(start), named_line), block.line_at(max(start, end - 1))
        )
        field = (
            described and index == 0 and field_question(sentence, described, vocabulary.nouns_after)
        )
        more: list[Question] = []
        if not field and index == 0 and _point_line(block, sentence) and not reaction(sentence):
            # (an equation is asked for what it makes, not as a cause and its effect)
            about = passage.label or (passage.trail[-1] if passage.trail else "")
            led = outcome(sentence, _quantity(passage.label), vocabulary.names, about)
            field = led and (led[0].front, led[0].back)
            more = led[1:] if led else []  # "in + dem -> im, in + das -> ins": each rule
        if not field and block.kind is not BlockKind.HEADING:
            # "ayer - yesterday", "partir - parti": another language's word, and its meaning
            # or its form
            named = _form_heading(passage)
            forms = (glossary and form_pair(sentence, named)) or paradigm(sentence, named)
            meant = forms or translation(sentence, glossary)
            field = meant and (meant[0].front, meant[0].back)
            more = meant[1:] if meant else more
        if field and normalise(sentence) not in seen:
            # "**magnitude**: 8.8" under "Chile 2010": what the case measured
            seen.add(normalise(sentence))
            asked = [field, *((rule.front, rule.back) for rule in more)]
            for front, back in asked:
                note = NoteData(NoteKind.BASIC, front, back, context=context, source=source)
                drafts.append(Draft([Option(note, back, 11.0, front)]))
            continue
        if index == 0 and block.kind is not BlockKind.HEADING:
            # "Result: William marched north ...": asked as no field, the label is residue
            sentence = unlabelled(sentence, RESIDUE_LABELS) or sentence
        shown = index == 0 and passage.label and _what_it_shows(sentence, passage.label)
        if shown and normalise(sentence) not in seen:
            # '"O brawling love, O loving hate" - Romeo (1.1)' over '- -> oxymorons = ...'
            seen.add(normalise(sentence))
            where = SourceRef(path, passage.label_line or source.start, source.end)
            around = card_context(replace(passage, label=""), title)  # the quote is asked
            note = NoteData(NoteKind.BASIC, shown[0], shown[1], context=around, source=where)
            drafts.append(Draft([Option(note, shown[1], 11.0, shown[0])]))
            continue
        if topic and index == 0:
            sentence, defined = about_heading(sentence, topic)
            option = defined and shaped_option(defined[0], sentence, context, source, vocabulary)
            if option:
                seen.add(normalise(sentence))
                drafts.append(Draft([option]))
                continue
        labelled = False  # the sentence's subject is the label it sits under
        lent = ""  # the subject put back from the sentence before, never the card's answer
        finishes = False  # the sentence finishes the label's own
        first_under = subject and index == 0 and block.start == passage.label_line + 1
        first_under = first_under and not verdict and not member
        ruled = (
            index == 0
            and block.kind is BlockKind.ITEM
            and block.start == passage.label_line + 1
            and rule_name(tidy(passage.label))
        )
        if ruled:
            # "thin skull rule" over "- D must take V as he finds them": what the rule says
            stated = named_rule(sentence, ruled)
            where = SourceRef(path, passage.label_line, source.end)
            shown = context
            if stated and f" {normalise(stated[0].back)} " in f" {normalise(passage.label)} ":
                shown = card_context(replace(passage, label=""), title)  # the name is asked
            option = stated and shaped_option(stated[0], sentence, shown, where, vocabulary)
            if option:
                seen.add(normalise(sentence))
                drafts.append(Draft([option]))
                continue
        if first_under and owned and person_like(subject):
            first_under = ""  # "Kant" over "- Critique of Pure Reason (1781)": no "What is Kant?"
        if names_its_items(sentence):
            continue  # "types (Swinburne has 5)": a heading over the items below, no fact
        # "2) BUBBLE SORT" over "- swaps adjacent pairs ...": the thing the line is said of
        thing = _thing_named_over(passage, subject) if index == 0 and not verdict else ""
        if index == 1 and in_lower_case(sentence)[:1].islower():
            # "hadrons - feel the strong force. made of quarks": a sentence without a subject
            # right after one that pairs a term with its meaning goes on about that term
            thing = _term_paired(spans[0][2])
            thing = "" if normalise(thing) in STATEMENT_LABELS else thing  # "eval: ..."
        line = in_lower_case(sentence) if thing else sentence
        conditioned = thing and (
            when_it_does(thing, line)
            or who_did_it(thing, line)
            or how_long(thing, line)
            or how_it_does(thing, line)
            or what_it_is_like(thing, line)
        )
        if conditioned and normalise(sentence) not in seen:
            # "AND" over "* output 1 only if BOTH inputs are 1": when the thing does it; "Merge
            # sort" over "- invented by John von Neumann 1945": who did it; how long it lasts,
            # how it does what it does, what it is like
            seen.add(normalise(sentence))
            where = SourceRef(path, passage.label_line, source.end) if passage.label else source
            note = NoteData(NoteKind.BASIC, *conditioned, context=context, source=where)
            drafts.append(Draft([Option(note, conditioned[1], 11.0, conditioned[0])]))
            continue
        if first_under and not is_predicate(sentence):
            defined = label_definition(subject, sentence)
            where = SourceRef(path, passage.label_line, source.end)
            option = defined and shaped_option(defined[0], sentence, context, where, vocabulary)
            if option:
                seen.add(normalise(sentence))
                drafts.append(Draft([option]))
                continue
        if subject and index == 0 and is_predicate(sentence):
            # "**recall**" over "- helps build neural hooks": the label is the subject.
            sentence = f"{subject} {sentence}"
            source = SourceRef(path, passage.label_line or source.start, source.end)
            labelled = True
        elif thing and said_of(thing, line):
            # "High-mass stars" over "- become red supergiants", "Merge sort" over "- invented
            # by John von Neumann 1945": the heading's thing is the subject
            sentence = capital(said_of(thing, line))
            lent = normalise(thing) if index else ""  # given by the sentence before
            if passage.label:
                source = SourceRef(path, passage.label_line, source.end)
            labelled = True
        elif not subject and section and index == 0 and _ruled(sentence):
            # "## 3. CONSIDERATION" over "- must be **sufficient but need not be adequate**":
            # a rule said of the thing the section is about.
            sentence = f"{capital(section)} {sentence}"
            labelled = True
        elif opened and (is_imperative(capital(sentence)) or agreed_thing(opened, sentence)):
            # "the USSR agreed to:" over "- Help China build power plants": each item
            # finishes the label's sentence.
            sentence = f"{opened} {sentence[:1].lower()}{sentence[1:]}"
            source = SourceRef(path, passage.label_line or source.start, source.end)
            labelled = finishes = True
        elif block.kind is BlockKind.ITEM and not subject and says_what_it_did(sentence):
            # "Significance of the war for the USA" over "- Demonstrated potential power of
            # an alliance ...": what the section weighs is the subject.
            weighed = significance_subject((*passage.trail, passage.label))
            if weighed:
                sentence = f"{weighed} {sentence[:1].lower()}{sentence[1:]}"
                labelled = True
        elif sentence[:1].islower() and (
            split_clause(sentence) is not None or _opens_on_term(sentence, block.terms)
        ):
            # a bullet that is a whole sentence, or "**thylakoids** - flattened membrane sacs"
            sentence = capitalised(sentence)
        if sentence.endswith(":") and defines(sentence):
            sentence = sentence.rstrip(":").rstrip()  # what the thing is, before what follows
        sentence = named_by_section(
            sentence, passage, vocabulary, resolutions[index - 1][0] if index else ""
        )
        borrowed = ""  # the sentence with the doer its sibling line opened on
        if index == 0 and not labelled and previous and siblings(passage, previous):
            # "Khrushchev publicly agreed to ..." then "In private - made clear that ...": the
            # line goes on about the one its sibling opened on
            borrowed = subject_from(sentence, previous.block.text, vocabulary)
            sentence = borrowed or sentence
        if index == 0 and not labelled and not borrowed and block.kind is BlockKind.ITEM:
            # "He was concerned that Taiwan could be ..." under "Taiwan was extremely important
            # to Mao for 2 reasons": the one person its parent bullet names
            borrowed = named_by_label(sentence, short_label(passage.label), vocabulary)
            sentence = borrowed or sentence
        key = normalise(sentence)
        glossed = glossary_term(sentence, passage) if index == 0 else ()
        if key in seen or not is_fact(sentence, block.kind, (*block.terms, *glossed)):
            continue
        if guide and is_imperative(sentence) and not labelled:
            continue
        seen.add(key)
        deed = dated_deed(sentence) if block.kind is not BlockKind.HEADING else None
        if deed and f" {normalise(deed.who)} " not in hidden_context:
            drafts.extend(deed_drafts(deed, context, source, vocabulary))
            continue
        options = []
        fallbacks: list[Option] = []
        last_resort: list[Option] = []  # where nothing else, not even its owner, is asked
        named_back: list[Option] = []  # asking for the subject a pronoun stood for
        besides: list[Draft] = []  # cards on the sentence's second half, after its first
        terms_asked: list[Draft] = []  # the card that hides a defined term
        what_happened: list[Option] = []  # what happened on a date, after its other cards
        law = passage.label if block.kind is BlockKind.HEADING else ""
        # "## Inflation" over "Inflation is the sustained rise in ...": a term its heading names
        # is one the author marked to learn, as a bold one
        headed = _heading_term(sentence, topic) if index == 0 and topic else ()
        shapes = shaped_questions(
            sentence,
            (*block.terms, *headed),
            vocabulary,
            case,
            law,
            subject,
            finishes_label=finishes,
            section=section,
        )
        if glossed and not shapes:
            # "Thalweg - line of fastest flow ..." under "Key terms": read as a name, no
            # card; the term the list is of is asked as the author's own
            shapes = shaped_questions(
                sentence, (*block.terms, *glossed), vocabulary, case, law, subject, section=section
            )
        if run_on:
            shapes = [shaped for shaped in shapes if shaped.shape != Shape.DEFINITION]
        if (told and index != held) or (
            index + 1 < len(spans) and spans[index + 1][2].lstrip()[:1].islower()
        ):
            # "R v Steer (1988) - D shot at a window, £500 damage. overruled the CA: ...": the
            # case's facts, with what was decided run on after them, are no holding
            shapes = [shaped for shaped in shapes if not shaped.front.startswith("Which case")]
        kind = described_kind(sentence, kinds_heading) if kinds_heading and index == 0 else []
        if kind:
            # "positive = what was good" under "FEEDBACK": "What is positive?" asks for a word,
            # the kind is what its heading makes of it
            word = kind[0].front.split()[2]
            own = [shaped for shaped in shapes if _asks_the_word(shaped, word)]
            if not any(shaped.shape == Shape.DEFINITION for shaped in shapes if shaped not in own):
                shapes = [*kind, *(shaped for shaped in shapes if shaped not in own)]
        done = deed_for_named(shapes, sentence, before, vocabulary.names, bool(borrowed))
        if done:
            # "Mao wanted to unite China ..." under "... important to Mao for 2 reasons": who
            # it was is given by the line before; what they did is asked instead.
            shapes = [done, *(shaped for shaped in shapes if shaped.shape != Shape.WHO)]
        for shaped in shapes:
            where, shown = source, context
            helped = _help_expected(shaped.front, passage, previous) if index == 0 else None
            if helped is not None:
                # "Mao anticipated Soviet help ..." then "Stalin refused to help - as ...":
                # whom the help was refused is named by the line before
                shaped = replace(shaped, front=helped[0])
                where = SourceRef(path, helped[1], source.end)
            if shaped.front.startswith("What became ") and _heading_names(shaped.back, passage):
                # "Nuclear Issues" over "In the 2000s, North Korea's nuclear ambitions became a
                # focal point ...": the heading gives the thing away, so when is asked
                continue
            if shaped.front.endswith(" to do?") and _heading_gives(shaped.back, context):
                # "What did Congress move quickly to do? :: Defend Taiwan" under "Confrontation
                # over Taiwan": the heading says what was done, so who did it is asked
                shaped = who_set_out(sentence) or shaped
            if normalise(shaped.back) not in normalise(sentence) and passage.label_line:
                where = SourceRef(path, passage.label_line, source.end)  # the answer is the label
                if f" {normalise(shaped.back)} " in f" {normalise(passage.label)} ":
                    # "Which case held that ...?" under the case's name: the name is not shown
                    shown = card_context(replace(passage, label=""), title)
            if shaped.hidden and _names_the_term(passage, shaped.hidden):
                # "## Diffusion" over "Diffusion is the net movement of particles from ...": the
                # term is asked with the heading that names it left out of the card's context
                shown = card_context(replace(passage, trail=passage.trail[:-1]), title)
            option = shaped_option(shaped, sentence, shown, where, vocabulary)
            if option is None:
                continue
            if inserted and normalise(shaped.back) == inserted:
                # the line before named it, and may well be asked for it: only where nothing
                # else in the sentence makes a card ("He never exhibited at ...")
                named_back.append(option)
                continue
            if shaped.hidden and shaped.shape not in (*FALLBACK_SHAPES, Shape.CASE):
                terms_asked.append(Draft([option]))
            elif shaped.beside:
                besides.append(Draft([option]))
            elif shaped.shape == Shape.LAST_RESORT:
                last_resort.append(option)
            elif shaped.shape in FALLBACK_SHAPES and shaped is not done:
                fallbacks.append(option)
            elif shaped.shape == Shape.WHAT_HAPPENED:
                what_happened.append(replace(option, stands_in=True))
            else:
                options.append(option)
        # "He ...", "The first ...", "This property ...": the subject is elsewhere.
        vague = is_vague(sentence) or points_away(sentence, context)
        cited = case_span(sentence)
        if cited and len(words(sentence[: cited[0]] + sentence[cited[1] :])) < MIN_FACT_WORDS:
            vague = True  # a case's name and citation alone: a label for what follows
        # A vague sentence, or one asked enough ways already, hides none of its words.
        full = vague or len(options) >= OPTIONS_PER_FACT
        for target in [] if full else find_targets(sentence, vocabulary, block.terms):
            if cited and cited[0] < target.end and target.start < cited[1]:
                continue  # never half of a case name
            if (cited or case or under_case) and counts_a_party(sentence, target):
                continue  # "[Two] chimney sweeps killed by ...": who, not what was decided
            if splits_provision(sentence, target.start, target.end):
                continue  # nor half of a provision's reference
            if target.score < threshold or len(options) >= OPTIONS_PER_FACT:
                break
            if target.carried and (fallbacks or last_resort or named_back):
                continue  # "What avoids the worst case?" asks the point better than its object
            if f" {normalise(target.text)} " in f" {hidden_context} {inserted} {lent} ":
                continue
            shown = context
            if (
                index == 0
                and target.start <= OPENING_CHARS
                and _names_the_term(passage, target.text)
            ):
                # "## Buffers" over "A buffer solution resists changes in pH ...": the term
                # the paragraph opens on is asked without the heading that names it
                shown = card_context(replace(passage, trail=passage.trail[:-1]), title)
            option = date_question(sentence, target, vocabulary, shown, source)
            option = option or cloze(sentence, target, shown, source)
            if option:
                options.append(option)
        speaker = opening_person(sentence, vocabulary) if block.kind is BlockKind.ITEM else None
        if speaker and all(option.note.kind is NoteKind.CLOZE for option in options):
            # "W.D. Ross - ignores special relationships": whose point it is is the fact
            option = cloze(sentence, speaker, context, source)
            options = [option, *options] if option else options
        if not options and not vague and block.kind is BlockKind.ITEM:
            ending = ending_name(sentence, vocabulary, block.terms)
            option = ending and cloze(sentence, ending, context, source)
            if option:
                options.append(option)
        if besides and fallbacks and all(o.note.kind is not NoteKind.BASIC for o in options):
            # "The island permits fishing ..., and grants merchants access ...": the first
            # action asked beside the second, rather than a deletion inside it.
            options = fallbacks[:1]
        if not options and not fallbacks and topic and index == 0:
            # "A linear search checks each item ..." under "Linear search", nothing else to ask
            clause = split_clause(sentence)
            done = _what_it_does(clause, topic) if clause else []
            option = done and shaped_option(done[0], sentence, context, source, vocabulary)
            if option:
                options.append(option)
        if not options and not fallbacks and not vague and block.kind is BlockKind.ITEM:
            followed_from = _what_follows(sentence, context, source)
            options = [followed_from] if followed_from else []
        options = [*options, *what_happened] or fallbacks[:1] or named_back[:1]
        happens = not vague and block.kind is BlockKind.ITEM
        happens = happens and _what_happens_to(sentence, context, source, vocabulary)
        if happens:
            # ("nucleolus [disappears]" refused, the thing is asked what it does)
            options = [*options, happens]
        owner = not vague and index == 0 and owned
        owner = owner and _owner_cloze(passage, sentence, vocabulary, title, source)
        if owner:
            # whose point it is: the card where nothing else in it is worth asking, and the
            # one to fall back on where the checker refuses the others
            options = [*options, owner]
        options = options or last_resort[:1]
        # One card a definition: "What is X?" where its meaning makes an answer, else the
        # term hidden in the line; both would ask the same fact twice.
        meaning = next((option for option in options if _asks_meaning(option)), None)
        if meaning and terms_asked and not _whole_meaning(meaning, sentence):
            # "What is circular wait? :: A closed chain of processes exists" says less than
            # the line: the term is asked with all of it shown instead.
            options = [option for option in options if option is not meaning]
            meaning = None
        if not meaning and _value_asked(terms_asked, options):
            # "[Critical period] = first 2½ years": the line says how long; hiding its label
            # leaves that in view, so the value is asked
            terms_asked = []
        drafts.extend([] if meaning else terms_asked)
        if meaning:
            # the term hidden in its line stands in where the checker refuses "What is X?"
            # ("What is complexity? :: Huge number of ..." under "Disadvantages")
            options.extend(replace(draft.options[0], stands_in=True) for draft in terms_asked)
        if not meaning and any(_term_line(draft) for draft in terms_asked):
            # "[Informal sector] - street vendors, shoe shiners, ...": the line is asked once,
            # not again by hiding one of the things it lists
            options = [option for option in options if option.note.kind is not NoteKind.CLOZE]
        if options:
            drafts.append(Draft(options))
            followed = _what_followed(options[0].note.front, sentence)
            if followed:
                # "11 July - Necker dismissed -> Paris riots": when, then what it led to
                note = NoteData(NoteKind.BASIC, *followed, context=context, source=source)
                drafts.append(Draft([Option(note, followed[1], 10.0, followed[0])]))
        drafts.extend(besides)
    return drafts


# "Pompey fled to Egypt ..., and he was murdered there", "...; it was repaired in 1993",
# "... in the same laboratory, but the two scientists did not get on"
_SECOND_FACT = lazy_regex(
    r"(?:,\s+(?:and|but)|;)\s+(?=(?:he|she|it|they)\s+[a-z]|(?:the|a|an)\s|[A-Z][a-z])"
)


# "A population is ..., whereas a community is ...": two things told apart, each a fact
_CONTRASTED = lazy_regex(r",?\s+whereas\s+(?=(?:the|a|an)\s|[A-Z][a-z])")


# "the two scientists", "both sides", "this treaty": a subject that points back to the first
_BACK_REFERENCE = lazy_regex(
    r"(?:the\s+(?:two|three|four|same|latter|former|other)|both|this|these|those|that|such)\b",
    re.I,
)


_FORMULAS_SIDE_BY_SIDE = lazy_regex(r";\s+")
_FORMULAS_LISTED = lazy_regex(r",\s+")


def _listed_formula(part: str) -> str:
    """One of formulas listed with commas between them ("sin θ = opp/hyp, cos θ = ..."): what
    it asks for, each list's own ("r = 1 perfect positive, r = -1 ..." is one quantity's
    cases, not formulas); "" for a part that is no formula."""
    asked = formula(part)
    if not asked or not asked[0].front.endswith("= ?") or not in_symbols(part):
        return ""  # (nor "W = mg, weight (N) = mass (kg) x ...": a formula, then in words)
    return asked[0].front


def _facts_apart(
    spans: list[tuple[int, int, str]], terms: tuple[str, ...] = ()
) -> list[tuple[int, int, str]]:
    """A sentence that says two things of one subject, the second opening on a pronoun after
    ", and" or ";", as two sentences, each a card of its own: "Pompey fled to Egypt after
    Pharsalus, and he was murdered there" -> "Pompey fled to Egypt after Pharsalus." and "He
    was murdered there." (whose "He" is then read as Pompey). So too a clause after ";" that
    opens on the author's term ("...; **secondary succession** happens where ...")."""
    marked = [re.escape(term) for term in terms if term[:1].islower()]
    opens_on_term = re.compile(rf";\s+(?=(?:{'|'.join(marked)})\s)") if marked else None
    apart = []
    for start, end, raw in spans:
        formulas = _FORMULAS_SIDE_BY_SIDE.split(raw)
        listed = _FORMULAS_LISTED.split(raw)
        lefts = {_listed_formula(part) for part in listed}
        if len(listed) > 1 and "" not in lefts and len(lefts) == len(listed):
            formulas = listed  # "sin θ = opp/hyp, cos θ = adj/hyp, tan θ = opp/adj"
        elif not all(symbol_formula(part) for part in formulas):
            formulas = [raw]
        if len(formulas) > 1:
            # "Irms = I0 / √2; Vrms = V0 / √2": two formulas, each a card
            at = start
            for part in formulas:
                at = start + raw.index(part, at - start)
                apart.append((at, at + len(part), part))
                at += len(part)
            continue
        match = _SECOND_FACT.search(raw) or _CONTRASTED.search(raw)
        match = match or (opens_on_term.search(raw) if opens_on_term else None)
        first = raw[: match.start()] if match else ""
        second = raw[match.end() :] if match else ""
        pronoun = second.split(" ", 1)[0] in ("he", "she", "it", "they")
        own = pronoun or (_whole_clause(capitalised(second)) and not _BACK_REFERENCE.match(second))
        whole = match and _whole_clause(first) and own
        if not whole or ("(" in first and ")" not in first):
            apart.append((start, end, raw))
            continue
        apart.append((start, start + match.start(), f"{first}."))
        apart.append((start + match.end(), end, capitalised(second)))
    return apart


_RUN_IN = lazy_regex(r"\s*(?::|\s[-\u2013\u2014])\s+(?=\S)")


def _run_in_label(passage: Passage) -> Passage:
    """A paragraph that opens on the author's bold label and then a whole sentence ("**Key
    point:** the Gracchi showed that ...", "<b>Siffre (1962)</b> - Michel Siffre spent ...")
    sits under that label, as a line under a bold line does: the label is what the sentence is
    about, not a word of it to recall. A label followed by no clause of its own ("**Osmosis** -
    the movement of water ...") is a term and its meaning, and stays as it is."""
    block = passage.block
    if block.kind not in (BlockKind.TEXT, BlockKind.ITEM) or passage.label:
        return passage
    for term in block.terms:
        label = term.rstrip(":").strip()
        if not label or not block.text.startswith(label):
            continue
        after = _RUN_IN.match(block.text, len(label))
        if not after:
            continue
        rest = block.text[after.end() :]
        first = sentences(rest)[0][2] if sentences(rest) else ""
        # ("**racism** - Jim Crow laws; lynching still happened; ...": facts it heads)
        points = _points_under(first)
        if points:
            pass
        elif block.kind is not BlockKind.TEXT:
            return passage
        elif not term.endswith(":") and _defines_by_kind(label, first):
            return passage  # "**Igneous rock** - a rock formed when ...": a term and its meaning
        heads = term.endswith(":") or _heads(label, first)  # "**Main idea:**" closes on its colon
        # ("**Key point:**" names no term whatever follows it)
        stated = _whole_clause(capitalised(first)) and heads
        if not points and not is_label_phrase(label) and not stated:
            return passage
        offset = after.end()
        breaks = tuple((max(at - offset, 0), line) for at, line in block.breaks)
        terms = tuple(other for other in block.terms if other != term)
        text = capitalised(rest)
        moved = replace(block, text=text, breaks=breaks, terms=terms, start=block.line_at(offset))
        return replace(passage, block=moved, label=label, label_line=block.start)
    return passage


def _points_under(text: str) -> bool:
    """ "Jim Crow laws / segregation; lynching still happened; Crooks has no protection" after a
    bold label: points set side by side, one a statement of its own about something else (its
    own subject, no pronoun), that the label stands over rather than defines."""
    parts = [part.strip() for part in re.split(r";\s+(?![^()]*\))", text)]
    return len(parts) > 1 and any(
        part.split()[0].casefold() not in PRONOUNS and _whole_clause(capitalised(part))
        for part in parts[1:]
        if part
    )


_KIND_OPENER = lazy_regex(r"(?:(?:a|an|the|any)\s+)?(?P<kind>[^\W\d]+)\b", re.I)


def _defines_by_kind(label: str, sentence: str) -> bool:
    """ "Igneous rock" over "a rock formed when magma cools": a meaning that opens on the kind
    of thing its term is, the term's last word, says what the term is; it is not a sentence
    the label stands over."""
    named = words(label)
    opening = _KIND_OPENER.match(sentence)
    return (
        len(named) > 1
        and opening is not None
        and (
            opening["kind"].casefold() == named[-1].casefold()
            or _same_stem(opening["kind"], named[-1])
        )
    )


def _heads(label: str, sentence: str) -> bool:
    """A label that stands over the sentence rather than being its term: a generic one ("Key
    point", "Evidence"), a study's name and year ("Siffre (1962)"), or one the sentence names
    again ("Crossing the Rubicon" over "Caesar led his army across the Rubicon")."""
    named = [word.casefold() for word in words(label) if not is_stopword(word)]
    if any(word in LABEL_WORDS for word in named) or re.search(r"\(\d{4}\)", label):
        return True
    said = {word.casefold() for word in words(sentence)}
    return any(word in said for word in named)


def _whole_clause(sentence: str) -> bool:
    """ "The Gracchi showed that ...", "In January 49 BC Caesar led ...": a subject and its
    verb, not only a noun phrase."""
    fronted = FRONTED_TIME.match(sentence)
    clause = split_clause(capitalised(sentence[fronted.end() :]) if fronted else sentence)
    return clause is not None and bool(clause.subject)


def _counts(option: Option) -> bool:
    return bool(re.search(r"\d", option.answer))


def _ruled(fragment: str) -> bool:
    """ "must be sufficient ...", "does NOT apply to revocation", "cannot be revoked": a rule
    without its subject, opened by a modal or a negated verb."""
    first = fragment.split()[0] if fragment.split() else ""
    return first in _RULE_STARTS and not TIMELINE_DATE.match(fragment)  # ("may 1931 - ...")


_RULE_STARTS = frozenset(
    ["must", "cannot", "can't", "may", "should", "does", "do", "is", "are", "need", "needs"]
)


def _value_asked(terms_asked: list[Draft], options: list[Option]) -> bool:
    """The line opens on a term given a number for its value ("Critical period = first 2½
    years"), and another card hides that number."""
    fronts = [draft.options[0].note.front for draft in terms_asked if _term_line(draft)]
    valued = [front for front in fronts if GIVEN_VALUE.match(front, front.index("]") + 1)]
    return bool(valued) and any(
        option.note.kind is NoteKind.CLOZE and option.answer[:1].isdigit() for option in options
    )


def _term_line(draft: Draft) -> bool:
    """A card that hides the term a line opens on, before its dash or colon."""
    return bool(TERM_LINE.match(draft.options[0].note.front))


MIN_STEM = 5


def _same_stem(first: str, second: str) -> bool:
    """ "Phagocytosis" and "phagocyte", "Marxist" and "Marx": one word grown from the other."""
    first, second = first.casefold(), second.casefold()
    shared = common_prefix(first, second)
    return shared >= MIN_STEM or (shared >= MIN_STEM - 1 and shared == min(len(first), len(second)))


# "Structure of DNA", "Causes of the war": the aspect of a thing a section covers
_SECTION_NOUNS = LABEL_WORDS | word_set(
    "structure structures function functions role roles feature features property properties"
    " process processes part parts stage stages history origins"
)


def _owner_cloze(
    passage: Passage, sentence: str, vocabulary: Vocabulary, title: str, source: SourceRef
) -> Option | None:
    """ "universe began to exist" under "Kalam", "existence is a perfection" under
    "Descartes": a point of a mind map that says something without a word worth hiding, under
    the bullet naming whose point it is. Whose it is, is the fact to recall."""
    if passage.block.kind is not BlockKind.ITEM or not passage.label_line:
        return None
    if passage.block.ordered:
        return None  # "1. phagocyte attracted by ...": a step of a process, asked in order
    owner = re.sub(r"\s*\([^()]*\)$", "", short_label(passage.label)).strip()
    tokens = words(owner)
    if not 1 <= len(tokens) <= MAX_OWNER_WORDS or not owner[:1].isupper():
        return None
    if any(token.casefold() in vocabulary.lower for token in tokens if token[:1].isupper()):
        return None  # "Criticisms", "Ontological": a word the notes also write in lower case
    if not all(token[:1].isupper() or is_stopword(token.casefold()) for token in tokens):
        return None
    if len(tokens) > 1 and all(token.isupper() for token in tokens):
        return None  # "ELIMINATIVE MATERIALISM": a section's title in capitals, whose no point is
    if len(tokens) > 2 and tokens[1] == "of" and tokens[0].casefold() in _SECTION_NOUNS:
        return None  # "Structure of DNA": what a section is about, not whose point it is
    named = [token for token in tokens if token[:1].isupper()]
    if len(named) < 2 and not person_like(owner):
        return None  # "Interference" over "- retroactive = ...": a kind the point is of
    if not names_a_thing(owner) or normalise(owner) in GENERIC_SECTIONS:
        return None
    if f" {normalise(owner)} " in f" {normalise(sentence)} " or OWN_SPEAKER.match(sentence):
        return None  # the point names its owner itself ("Hume: we never observe ...")
    if any(_same_stem(token, word) for token in tokens for word in words(sentence)):
        return None  # "phagocyte attracted by ..." under "Phagocytosis": given away
    if "?" in sentence:
        return None  # "why one designer?": a question the point raises, not a claim
    around = card_context(replace(passage, label=""), title)
    if f" {normalise(owner)} " in f" {normalise(around)} ":
        return None
    opening = sentence[:1].lower() if passage.block.text.lstrip()[:1].islower() else sentence[:1]
    said = f"{owner}: {opening}{sentence[1:]}"  # the point as the notes write it
    where = replace(source, start=min(source.start, passage.label_line))
    return cloze(said, Target(0, len(owner), owner, TargetKind.NAME, 1.0), around, where)


def _what_it_shows(sentence: str, label: str) -> tuple[str, str] | None:
    """A comment under a quotation ("- -> shows his love is impulsive") is what the line
    shows."""
    said = quoted_line(tidy(label))
    return what_it_shows(*said, sentence) if said else None


def _what_it_does(clause: Clause, subject: str) -> list[Question]:
    """ "A linear search checks each item in turn ..." under "Linear search": what the thing
    the heading names does -> "What does a linear search do?" """
    words_ = list(clause.subject)
    manner = []
    while words_ and words_[-1].casefold().endswith("ly") and len(words_) > 1:
        manner.insert(0, words_.pop())  # "A binary search repeatedly halves ..."
    article = words_[0].casefold() if words_[0].casefold() in ("a", "an", "the") else ""
    named = words_[1:] if article else words_
    if clause.aux != "does" or not clause.base or normalise(" ".join(named)) != normalise(subject):
        return []
    answer = " ".join([*manner, clause.verb, *clause.rest]).rstrip(" .;")
    while len(words(answer)) > MAX_ANSWER_WORDS:
        cut = max(answer.rfind(mark) for mark in (",", " until ", " which ", " so "))
        if cut <= 0:
            return []
        answer = answer[:cut].rstrip(" ,")
    if len(words(answer)) < 3:
        return []
    shown = " ".join([article, *lower_first(named)]).strip()
    front = f"What does {shown} do?"
    return [Question(front, capital(answer), Shape.DEFINITION, 11.5)]


MIN_TERM_ZIPF = 2.5  # a first word rarer than this in lower case is a name ("Durkheim")


# "Stage 2", "Phase 1": a numbered part of a model or a process
_NUMBERED_PART = lazy_regex(r"^(?:stage|phase|step|level)\s+\d{1,2}$", re.I)
MAX_PART_NAME_WORDS = 4


def _example_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "- e.g. Extinction Rebellion - blocked London bridges" under "- Outsider groups - no
    regular access ...": an example of the term its parent names, asked as one. Under a parent
    that says something rather than naming a thing, an example asks nothing."""
    block = passage.block
    opener = EXAMPLE_LINE.match(block.text)
    if block.kind is not BlockKind.ITEM or not opener or not passage.label:
        return None
    named, *called = re.split(r"\s[-\u2013\u2014=]\s|:\s", passage.label, maxsplit=1)
    term = label_subject(named)
    staged = _NUMBERED_PART.match(term)
    called = [re.sub(r"\s*\([^()]*\)", "", part) for part in called]  # "(added later)"
    if staged and called and len(called[0].split()) <= MAX_PART_NAME_WORDS:
        # "Stage 2 - Early expanding" over "eg Afghanistan, Niger": a numbered part of the
        # model its headings name, and what the part is called
        term = f"{term} ({tidy(called[0])})"
    answer = capitalised(tidy(block.text[opener.end() :].strip(" :,")))
    for shorter in (item_head, lambda text: text.split(" (", 1)[0]):
        if len(answer.split()) > MAX_ANSWER_WORDS:
            answer = shorter(answer)  # what the example is, without what is said of it
    if not term or not answer or len(answer.split()) > MAX_ANSWER_WORDS:
        return None
    if not staged and (not names_a_thing(term) or zipf(words(term)[0].casefold()) < MIN_TERM_ZIPF):
        return None  # "criticism: ...", "Durkheim - ...": a label or a person, no kind of thing
    if is_label_phrase(term):
        return None  # "NB: NAND and NOR are universal gates" over "e.g. ...": a flagged point
    front = f"What is an example of {lower_initial(term)}?"
    source = SourceRef(path, passage.label_line or block.start, block.end)
    context = card_context(replace(passage, label="", trail=_unowned(passage)), title)
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Draft([Option(note, answer, 11.0, front)])


def _unowned(passage: Passage) -> tuple[str, ...]:
    """The headings over a passage without its label, which a list's items carry as their last
    heading (`owned_trail`)."""
    if passage.trail and passage.trail[-1] == passage.label:
        return passage.trail[:-1]
    return passage.trail


MAX_COUNTED_WORDS = 4
MAX_COUNT = 12


def _count_draft(passage: Passage, stated: str, title: str, path: str) -> Draft | None:
    """ "The human heart has four chambers" over the chambers: how many, asked of its subject
    ("How many chambers does the human heart have? :: Four")."""
    clause = split_clause(stated)
    if clause is None or not clause.base or len(clause.rest) < 2:
        return None
    count, counted = clause.rest[0], clause.rest[1:]
    small = (count.isdigit() and 1 < int(count) <= MAX_COUNT) or (
        is_number_word(count) and count.casefold() not in ("one", "half", "dozen", "hundred")
    )
    if not small or len(counted) > MAX_COUNTED_WORDS:
        return None
    if not all(word.isalpha() and not is_verb_form(word) for word in counted):
        return None
    subject = " ".join(lower_first(clause.subject))
    front = f"How many {' '.join(counted)} {clause.aux} {subject} {clause.base}?"
    answer = capitalised(count)
    source = SourceRef(path, passage.block.start, passage.block.start)
    note = NoteData(
        NoteKind.BASIC, front, answer, context=card_context(passage, title), source=source
    )
    return Draft([Option(note, answer, 11.0, front)])


# Cloze deletions --------------------------------------------------------------------------------


# Questions --------------------------------------------------------------------------------------


OPENING_CHARS = 6  # "A buffer solution ...", "The Krebs cycle ...": a term the sentence opens on


def _heading_term(sentence: str, topic: str) -> tuple[str, ...]:
    """The term a paragraph's heading names, as the sentence writes it where it opens by saying
    what that term is ("Inflation is ...", "Osmosis: the ..."); () for any other sentence."""
    opening = re.match(
        rf"(?:(?:the|an?)\s+)?({re.escape(topic)})\s*(?:is|are|means|:|=|[-\u2013\u2014])\s",
        sentence,
        re.I,
    )
    return (opening[1],) if opening else ()


def _names_the_term(passage: Passage, term: str) -> bool:
    """The heading right over a paragraph is the term its sentence defines ("## Osmosis" over
    "Osmosis is the diffusion of water ..."), and no bullet's label stands between them."""
    named = normalise(heading_subject(passage)).split()
    said = normalise(term).split()
    # ("## Buffers" over "A buffer solution resists changes in pH ...": the term, one of them)
    return bool(named) and len(named) == len(said) and all(map(same_stem, named, said))


def _heading_gives(answer: str, context: str) -> bool:
    """ "Defend Taiwan" under "Confrontation over Taiwan": past the deed's verb, every word of
    the answer that carries meaning is in the headings above the card."""
    said = [word.casefold() for word in words(answer)[1:] if not is_stopword(word.casefold())]
    shown = {word.casefold() for word in words(context)}
    return bool(said) and all(word in shown for word in said)


def _heading_names(answer: str, passage: Passage) -> bool:
    """ "North Korea's nuclear ambitions" under "Nuclear Issues": a word of the answer that
    carries meaning (not a name, which the title may well hold) is in a heading above it."""
    said = {word for word in words(answer) if word.islower() and not is_stopword(word)}
    shown = {word.casefold() for heading in passage.trail for word in words(heading)}
    return not said.isdisjoint(shown)


def _asks_meaning(option: Option) -> bool:
    """ "What is osmosis?", "What are chunks?": the question a definition asks."""
    front = option.note.front
    return option.note.kind is NoteKind.BASIC and bool(re.match(r"What (?:is|are) ", front))


def _whole_meaning(option: Option, sentence: str) -> bool:
    """Whether a definition's answer holds all the line says after its term (asides in
    brackets aside)."""
    said = content_set(re.sub(r"\([^()]*\)", " ", sentence))
    answered = content_set(option.answer) | content_set(option.note.front)
    return len(said - answered) <= 1


def _what_followed(asked: str, sentence: str) -> tuple[str, str] | None:
    """ "When was Necker dismissed?" over "... Necker dismissed -> Paris riots" -> ("What
    followed when Necker was dismissed?", "Paris riots")."""
    when = re.match(r"When (was|were) (.+)\?$", asked)
    parts = ARROW_SPLIT.split(sentence, maxsplit=1)
    if not when or len(parts) != 2 or parts[0].count("(") != parts[0].count(")"):
        return None  # (and "... issued (paper money -> inflation)" says what the money did)
    result = re.split(r"\s[-\u2013\u2014]\s|;|\s\(", parts[1], maxsplit=1)[0].strip(" .,")
    if not result or len(result.split()) > MAX_ANSWER_WORDS or not re.search(r"[A-Za-z]", result):
        return None
    tokens = when[2].split()
    done = next(
        (at for at, token in enumerate(tokens) if at and token.islower() and past_to_base(token)),
        None,
    )
    if done is None:
        return None
    statement = " ".join([*tokens[:done], when[1], *tokens[done:]])
    return f"What followed when {statement}?", capital(result)


# Lists and tables -------------------------------------------------------------------------------


def _rule_parts_draft(group: ListGroup, title: str, path: str) -> Draft | None:
    """ "three-stage test" over "- 1 was the damage reasonably foreseeable", "- 2 ...": the parts
    of a named test, asked together."""
    if group.lead_is_heading:
        return None
    named = rule_name(tidy(group.lead.text))
    if not named or named[1] == "law":
        return None  # (a law says one thing: its lines are what it says, and examples)
    parts = [_PART_NUMBER.sub("", tidy(item.text)).rstrip(".;,") for item in group.items]
    asked = rule_parts(named[0], parts)
    if not asked:
        return None
    context = card_context(Passage(group.lead, group.trail, group.label), title)
    source = SourceRef(path, group.lead.start, group.items[-1].end)
    note = NoteData(NoteKind.BASIC, asked[0].front, asked[0].back, context=context, source=source)
    return Draft([Option(note, asked[0].back, asked[0].score, asked[0].front)])


_PART_NUMBER = lazy_regex(r"^\(?\d{1,2}\s*[.):]?\s+")


_STANDS_FOR = lazy_regex(
    r"^(?P<letters>[A-Za-z]{2,7})\s*(?:=|:|\s[-\u2013\u2014]\s|\s+stands\s+for\s)\s*(?P<rest>\S.*)$"
)


def _expansion_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "ADH = antidiuretic hormone", "EPOC = excess post-exercise oxygen consumption - the
    extra O2 ...": an abbreviation and the words it stands for open the line; what they are
    is asked ("What does ADH stand for?"), whatever else the line goes on to say."""
    if passage.block.kind not in (BlockKind.ITEM, BlockKind.TEXT):
        return None
    shaped = _STANDS_FOR.match(tidy(passage.block.text))
    letters = shaped and abbreviation_letters(shaped["letters"])
    if not shaped or not letters:
        return None
    capitals = "".join(letter for letter in shaped["letters"] if letter.isupper())
    tokens = shaped["rest"].split()
    # The longest run of words that the letters spell: "excess post-exercise oxygen
    # consumption", not "excess post-exercise" with the "O" and "C" found inside a word.
    for count in range(min(len(tokens), 2 * len(letters) + 2), 1, -1):
        expansion = " ".join(tokens[:count]).rstrip(",.;:")
        last = tokens[count - 1].strip(",.;:").casefold()
        if not last.isalpha() or is_stopword(last) or re.search(r"[.;]\s", expansion):
            continue  # "... consumption - the extra O2": the words end before what follows
        if re.search(r"[()\[\]=]", expansion):
            continue  # "CPIH = CPI plus ...", "MR = intention (...)": no expansion
        spells = spelled_by(letters, expansion)
        if spells or (len(capitals) >= 2 and spelled_by(capitals, expansion)):
            break
    else:
        return None
    front = f"What does {shaped['letters']} stand for?"
    answer = capitalised(expansion)
    source = SourceRef(path, passage.block.start, passage.block.line_at(shaped.end("rest") - 1))
    context = card_context(passage, title)
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Draft([Option(note, answer, 11.0, front)])


_ROLE = lazy_regex(
    r"^(?P<role>(?:main\s+)?(?:job|role|function|purpose|aim)|(?:si\s+)?units?|fix|remedy)"
    r"\s*(?:=|:|\s[-\u2013\u2014]\s)\s*(?P<said>\S.+?)\.?$",
    re.I,
)
# "symbol = D shape", "mechanism: ...": a line naming one field of the thing it sits under
_FIELD_LINE = lazy_regex(r"^(?P<role>[a-z]{3,})\s*(?:=|:)\s+(?P<said>\S.+?)\.?$")


def _thing_named_over(passage: Passage, subject: str) -> str:
    """The thing a line without a subject of its own is said of: the parent bullet's name, else
    the heading's for a line right under it ("" where neither names one thing)."""
    if passage.block.kind not in (BlockKind.ITEM, BlockKind.TEXT):
        return ""
    if passage.label:
        return heading_thing(subject) if subject else ""
    return heading_thing(tidy(loose_maths(passage.trail[-1]))) if passage.trail else ""


# "positron = antielectron", "hadrons - feel the strong force", "pair production: photon ->
# ...": a term of a few words, then what it is
_PAIRED_TERM = lazy_regex(
    r"^(?P<term>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3}?)(?:\s+[-\u2013\u2014=]\s+|:\s+)\S"
)


def _term_paired(sentence: str) -> str:
    """The term a sentence opens on and pairs with its meaning ("positron = antielectron." ->
    "positron"), as written, or "" where it opens on no such term."""
    match = _PAIRED_TERM.match(sentence)
    if not match or not pair_shape(sentence):
        return ""
    term = match["term"]
    if any(is_stopword(word) for word in term.casefold().split()):
        return ""  # "this means: ...", "the answer - ...": no term of its own
    # (as written: "hadrons", "Ainsworth"; a capital would make a term a name)
    return term if label_subject(term) else ""


def _line_owner(passage: Passage) -> str:
    """What a line sits under: the bullet it is a point of, else its heading."""
    return tidy(passage.label or (passage.trail[-1] if passage.trail else ""))


def _repeated_fields(outline: Outline) -> frozenset[str]:
    """Labels the notes write as a field of two or more things: "symbol = ..." under "AND" and
    under "OR", "mechanism: ..." under two reactions. A field repeated from thing to thing is a
    table written as lists: each line asks the field of its own thing, where a term defined
    ("osmosis: movement of water ...") is defined once."""
    owners: dict[str, set[str]] = {}
    for part in outline.parts:
        if isinstance(part, ListGroup):
            lead = part.lead.text if not part.lead_is_heading else ""
            trail = (*part.trail, part.lead.text) if part.lead_is_heading else part.trail
            lines = [Passage(item, trail, lead) for item in part.items]
        else:
            lines = [part]
        for line in lines:
            shaped = _FIELD_LINE.match(tidy(line.block.text))
            owner = normalise(_line_owner(line))
            if shaped and owner and shaped["role"] not in owner.split():
                owners.setdefault(shaped["role"], set()).add(owner)
    return frozenset(label for label, under in owners.items() if len(under) >= 2)


def _field_role(text: str, fields: frozenset[str]) -> re.Match[str] | None:
    """ "symbol = D shape" where the notes write "symbol" as a field of several things: a common
    noun of the dictionary, not a term of the subject."""
    shaped = _FIELD_LINE.match(text)
    if not shaped or shaped["role"] not in fields or plural_noun(shaped["role"]):
        return None  # ("uses: ...": the things a thing is used for, a list of its own)
    if _EQUATED.search(shaped["said"]):
        return None  # "water: c ≈ 4200 J kg⁻¹ K⁻¹": a thing's value of the heading's quantity
    known = lemmas(shaped["role"])
    return shaped if "NOUN" in known and not is_rare(shaped["role"]) else None


def _without_bare_field(made: list[Draft], passage: Passage, fields: frozenset[str]) -> list[Draft]:
    """A field line the thing's own question could not ask ("mechanism: ..." too long for an
    answer) asks nothing as a term: "What is mechanism?" names no reaction."""
    shaped = _field_role(tidy(passage.block.text), fields)
    if not shaped:
        return made
    bare = {f"what is {shaped['role']}", shaped["role"]}  # ("symbol = ?" folds to "symbol")
    kept = [
        Draft([option for option in draft.options if normalise(option.note.front) not in bare])
        for draft in made
    ]
    return [draft for draft in kept if draft.options]


# "c ≈ 4200", "l = 334 kJ/kg": a value set equal to a symbol, so the line's label is the thing
# measured and its heading the quantity, the other way round from a field of the heading's thing
_EQUATED = lazy_regex(r"[=≈]")
# "Mullin v Richards", "Transverse vs longitudinal", "HIV & AIDS": a case or several things,
# none of which a field line is the field of alone
_NOT_ONE_THING = lazy_regex(r"\s(?:v|vs|and|or)\.?\s|[&+/]")


_ROLE_FOR = frozenset(["fix", "remedy"])  # a fix for a fault, the job of a part
_NEXT_SENTENCE = lazy_regex(r"\.\s+(?=[A-Z0-9])")  # "weber (Wb). 1 Wb = 1 T m²": a second fact


def _role_draft(
    passage: Passage, title: str, path: str, fields: frozenset[str] = frozenset()
) -> Draft | None:
    """ "job = make a low water potential in the medulla so ..." under "Loop of Henle": what
    the thing the line sits under is for, "What is the job of the Loop of Henle?"; "symbol =
    D shape" under "AND", a field the notes give several things: "What is the symbol of AND?"."""
    block = passage.block
    role_line = _ROLE.match(tidy(block.text))
    shaped = role_line or _field_role(tidy(block.text), fields)
    if block.kind not in (BlockKind.ITEM, BlockKind.TEXT) or not shaped:
        return None
    owner = passage.label or (passage.trail[-1] if passage.trail else "")
    if not role_line and _NOT_ONE_THING.search(owner):
        return None
    owner = re.sub(r"^\s*(?:\d+|[IVX]+|[A-Za-z])[.)]\s+", "", DASH.split(tidy(owner))[0])
    owner = re.sub(r"\s*\([^()]*\)", "", owner).strip(" :?")  # "Q: Theravada?" asks of it
    owner = re.sub(r"^Q:\s*", "", owner)
    # "Flux Φ = BA" over "unit: weber (Wb)", "Eddy currents -> heating" over "fix: ...": the
    # quantity its formula defines, the fault that leads to the harm
    quantity = "=" in owner
    if quantity:
        owner = owner.split("=")[0].strip()
        named = owner.rsplit(" ", 1)
        if len(named) == 2 and re.fullmatch(r"[^\W\d_][\w\u2080-\u2089]?", named[1]):
            owner = named[0]  # "Flux Φ": the quantity, less its symbol
        if re.fullmatch(r"[A-Z][a-z]+(?:\s.*)?", owner):
            owner = owner[:1].lower() + owner[1:]  # "Resistivity": a quantity, not a name
    owner = ARROW_SPLIT.split(owner)[0].strip(" :")
    if owner.isupper() and len(owner) > MAX_ACRONYM_LETTERS:
        # "SCHLIEFFEN PLAN", "RIBOSOMES": a name keeps its capital ("OR", "DNA": an acronym, all)
        owner = " ".join(w.casefold() if lemmas(w.casefold()) else w.title() for w in owner.split())
    if not 1 <= len(owner.split()) <= MAX_SUBJECT_LABEL_WORDS or re.search(r"[:;,=]", owner):
        return None  # "war plans made war quicker to start:": no thing that has a job
    subject = " ".join(lower_first(owner.split()))
    role = shaped["role"].casefold()
    said = _NEXT_SENTENCE.split(shaped["said"], maxsplit=1)[0].rstrip(".")
    if len(said.split()) > MAX_ANSWER_WORDS and not role_line:
        return None  # "mechanism: pi e- attack H, Br- leaves -> ...": its first step is not it
    if len(said.split()) > MAX_ANSWER_WORDS:
        said = re.split(r"\s+(?:so|because|which|as)\s+|,\s+|\s*\(", said, maxsplit=1)[0]
    # "unit: J", "product = maltose": a unit, a field's value, may be one word
    fewest = 1 if "unit" in role or not role_line else 2
    if ("unit" in role or role in _ROLE_FOR) and re.search(r"\b(?:and|or)\b|[&+]", owner):
        return None  # "Pressure and volume" over "unit: Pa": which one's, it does not say
    if not fewest <= len(said.split()) <= MAX_ANSWER_WORDS:
        return None
    if not role_line and role in STATEMENT_LABELS:
        return None  # "detail: ...": a statement of the thing, no property of it
    the = "" if " " not in subject and subject[:1].isupper() else "the "  # "of Lenin"
    verb = "are" if plural_noun(head_noun(role)) else "is"  # "What are the units of ...?"
    front = f"What {verb} the {role} {'for' if role in _ROLE_FOR else 'of'} {the}{subject}?"
    clause = clause_question(role, owner)  # "When did William land at Pevensey?"
    if clause is not None:
        front = clause
    if not front:
        return None  # no "What is the result of William lands at Pevensey?"
    answer = capital(said)
    source = SourceRef(path, block.start, block.end)
    return basic_draft(front, answer, card_context(passage, title), source)


_PART_STANDS_FOR = lazy_regex(
    r"^(?P<part>[^\W\d_][\w'-]*(?:\s[^\W\d_][\w'-]*){0,2})\s*=\s*(?P<meant>\S.*)$"
)
MAX_PART_MEANING_WORDS = 6


def _rule_part_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "First finger = Field" under "Direction: Fleming's left hand rule": what one part of a
    named rule stands for ("In Fleming's left hand rule, what does the first finger stand
    for?"), a line too short to be a fact of its own."""
    block = passage.block
    shaped = _PART_STANDS_FOR.match(tidy(block.text))
    if block.kind is not BlockKind.ITEM or not shaped or block.start <= passage.label_line:
        return None
    meant = shaped["meant"].rstrip(" .")
    if "=" in meant or not 1 <= len(meant.split()) <= MAX_PART_MEANING_WORDS:
        return None
    named = rule_name(tidy(passage.label).rsplit(": ", 1)[-1])
    if not named:
        return None
    part = " ".join(lower_first(shaped["part"].split()))
    front = f"In {named[0]}, what does the {part} stand for?"
    answer = capital(meant)
    source = SourceRef(path, passage.label_line, block.end)
    return basic_draft(front, answer, card_context(passage, title), source)


def _rule_parts_drafts(group: ListGroup, title: str, path: str) -> list[Draft]:
    """Each part of the rule a list is under, where every item says what one part stands for;
    [] for any other list."""
    if group.lead_is_heading:
        return []
    under = [
        Passage(item, owned_trail(group), group.lead.text, group.lead.start) for item in group.items
    ]
    drafts = [_rule_part_draft(passage, title, path) for passage in under]
    return [draft for draft in drafts if draft] if all(drafts) else []


def _asked_already(role: Draft, made: list[Draft]) -> bool:
    """The line's own cards ask what its role card asks ("What is the aim of Asch (1951)?")."""
    asked = role.options[0].note.front.split(" of ", 1)[0]  # "What is the aim"
    return any(option.note.front.startswith(asked) for draft in made for option in draft.options)


def _asks_the_word(shaped: Question, word: str) -> bool:
    """A definition of the bare word a line opens on: "What is positive?", "[Active] = ..."."""
    if shaped.shape != Shape.DEFINITION:
        return False
    asked = re.fullmatch(r"What (?:is|are) (.+)\?", shaped.front)
    term = shaped.hidden or (asked[1] if asked else "")
    return normalise(term) == word


# "too much sugar ->", "more colour depth ->", "no O2 ->", "high BR ->": an amount or a lack
_AMOUNT_OPENER = lazy_regex(
    r"^(?:too\s+(?:much|many|little|few)|not\s+enough|lack\s+of|more|less|fewer|no|high|higher"
    r"|low|lower|increased|reduced|rising|falling)\s+\S",
    re.I,
)


def _point_line(block: Block, sentence: str) -> bool:
    """A bullet, or a plain line that is one point written without its bullet, opening on an
    amount or a lack ("too much sugar -> tooth decay, obesity"): what it leads to is asked of
    it as of a bullet. A plain "Cosmic rays -> pions, muons" pairs a thing with what goes
    with it, as a mind map's line does, and a paragraph of several lines is prose."""
    if block.kind is BlockKind.ITEM:
        return True
    return (
        block.kind is BlockKind.TEXT
        and block.start == block.end
        and bool(_AMOUNT_OPENER.match(sentence))
    )


def _what_follows(sentence: str, context: str, source: SourceRef) -> Option | None:
    """ "Cost of borrowing for firms rises -> investment falls": a happening and what it leads
    to, asked where the line gives no other card ("What follows when cost of borrowing for
    firms rises?"). A noun phrase before the arrow is asked by `outcome`; a happening the
    line does not name ("All of this -> AD falls") asks nothing."""
    parts = ARROW_SPLIT.split(sentence.strip().rstrip("."))
    if len(parts) < 2 or not parts[0] or not parts[1]:
        return None
    cause = parts[0].strip()
    result = re.sub(r"^\([^()]*\)\s*", "", parts[1].strip())  # "(in theory) black dwarf"
    if (
        source.start != source.end  # a line run on into the next: its cause is not its own
        or cause[:1] in "\"'\u201c\u2018"  # a saying ("ought implies can"): no happening
        # "white dwarf has no fusion, cools slowly": what a thing is like, not a happening
        or any(verb_base(word.casefold(), "VBZ") for word in re.findall(r",\s+(\w+)", cause))
        or (split_clause(capital(cause)) is None and not says_a_change(cause))
        or is_vague(capital(cause))
        or cause.split()[0].casefold() in PRONOUNS
        or len(cause.split()) > MAX_SHOWN_STEP_WORDS
        or not 2 <= len(result.split()) <= MAX_ANSWER_WORDS
        or re.search(r"[?!]", sentence)
    ):
        return None
    asked = what_follows(cause, result)
    note = NoteData(NoteKind.BASIC, asked.front, asked.back, context=context, source=source)
    return Option(note, asked.back, 9.0, asked.front)


_HAPPENS = frozenset(["happens", "happen", "occurs", "occur"])


def _what_happens_to(
    sentence: str, context: str, source: SourceRef, vocabulary: Vocabulary
) -> Option | None:
    """ "nuclear envelope breaks down", "centromeres divide" under "Prophase", "Anaphase": a
    short point saying what a thing does, with no object, asked where the line gives no other
    card ("What happens to the nuclear envelope?" :: "Breaks down")."""
    found = does_without_object(sentence)
    if found is None:
        return None
    subject, rest = found
    shown = lower_first(subject, vocabulary.names)
    if shown[0][:1].isupper() and shown[0][1:].islower() and shown[0] not in vocabulary.names:
        shown = [shown[0].lower(), *shown[1:]]  # "Nucleolus disappears": capital as it opens
    the = "" if shown[0] in ("the", "a", "an") or not shown[0].islower() else "the "
    front = f"What happens to {the}{' '.join(shown)}?"
    answer = capital(" ".join(rest))
    if rest[0].casefold() in _HAPPENS and len(rest) > 1:
        # "migration happens in steps": how it happens, not "What happens to the migration?"
        process = len(shown) == 1 and re.search(r"(?:tion|sion|ment|ism|ance|ence)$", shown[0])
        the = "" if process else the
        verb = "do" if rest[0].casefold() in ("happen", "occur") else "does"
        front = f"How {verb} {the}{' '.join(shown)} {rest[0].casefold().removesuffix('s')}?"
        answer = capital(" ".join(rest[1:]))
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Option(note, answer, 9.0, front)


MIN_EXAMPLE_RUN = 3


def _illustrations(outline: Outline) -> set[int]:
    """Example sentences with their English beside a rule ("- Ich fahre mit dem Bus zur
    Schule. - I go to school by bus." under "**+ Dativ**: aus, bei, mit ..."), by `id`: the
    rule is the fact. A run of them (a section of example sentences) is what the notes teach,
    and stays."""
    found: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) < MIN_EXAMPLE_RUN:
            found.update(run)
        run.clear()

    for part in outline.parts:
        blocks = [part.block] if isinstance(part, Passage) else part.items
        examples = [id(block) for block in blocks if translated_example(tidy(block.text))]
        if examples and len(examples) == len(blocks):
            run.extend(examples)
            continue
        close()
        found.update(examples)  # beside other lines of their list: each illustrates a rule
    close()
    return found


def _form_heading(passage: Passage) -> str:
    """What names the forms a list of words gives: its short lead ("past participles:"), else
    its heading ("Perfekt with sein")."""
    lead = tidy(passage.label).rstrip(" :")
    named = words(lead)
    if named and len(lead.split()) <= MAX_FORM_LEAD_WORDS and plural_noun(named[-1]):
        return lead  # not "these take sein:", a sentence
    return tidy(passage.trail[-1]) if passage.trail else ""


def _quantity(label: str) -> str:
    """ "**YED** = %change Qd / %change income" over "- +ve -> normal good": what its
    values are of."""
    head = re.split(r"\s*(?:=|:|\s[-\u2013\u2014]\s)", tidy(label), maxsplit=1)[0].strip()
    return head if head and len(head.split()) <= 2 and head != label.strip() else ""


def _described_case(passage: Passage, vocabulary: Vocabulary, title: str = "") -> str:
    """The case an item's "**date**: ..." describes: its parent bullet, or else its heading;
    under a heading that only labels ("Key facts", "Summary"), the heading or title above it."""
    if passage.block.kind is not BlockKind.ITEM:
        return ""
    if passage.label:
        return case_subject(tidy(passage.label), vocabulary.names)
    if not passage.trail:
        return ""
    if not set(normalise(passage.trail[-1]).split()) <= LABEL_WORDS:
        return case_subject(tidy(passage.trail[-1]), vocabulary.names)
    above = [title, *passage.trail]
    while len(above) > 1 and set(normalise(above[-1]).split()) <= LABEL_WORDS:
        above.pop()  # "Key facts" over "- Height: 3,300 m": the facts of what is above it
    named = tidy(above[-1])
    # ("Mount Etna" over "Key facts": the thing the facts are about, a name of a few words)
    plain = re.fullmatch(rf"[A-Z][\w'\u2019-]*(?: [\w'\u2019-]+){{0,{MAX_FIELD_WORDS}}}", named)
    return case_subject(named, vocabulary.names) or (named if plain else "")


def _opens_on_term(sentence: str, terms: tuple[str, ...]) -> bool:
    """ "**producer surplus** = diff between ...": the author's bold term, then what it is."""
    if not terms or not sentence.startswith(terms[0]):
        return False
    after = re.match(r"\s*(?:[:=]|[-\u2013\u2014]+\s)\s*(\S.*)", sentence[len(terms[0]) :])
    # (but "frequency of the check: per resource request" is a setting, not a meaning)
    opens = after[1].split()[0].casefold() if after else ""
    return bool(after) and not is_value(terms[0], after[1]) and opens not in SETTING_OPENERS


# "Def = responsiveness of ...", "= 3rd party effects ...", "Definition: ...": the meaning of
# the term the line sits under
_DEFINITION_LINE = lazy_regex(
    r"^(?:(?:def(?:n|inition)?|meaning)\.?\s*(?:=|:|\s[-\u2013\u2014]|->)|=(?![=>])|[\u2013\u2014]\s)\s*"
    r"(?P<meaning>\S.*)$",
    re.I,
)
# "Power (P, W)", "Current (I)": a quantity's symbol and unit after its name
_SYMBOL_AND_UNIT = lazy_regex(r"\s+\((?:[^(),]{1,3}|[^(),]{1,8},[^()]{1,20})\)$")


_DETERMINERS_OR_OWNERS = frozenset(["a", "an", "the", "his", "her", "their", "its", "any", "each"])
# "who can be sued", "Who is liable?": a heading that asks which parties a rule reaches
_WHO_HEADING = lazy_regex(
    r"^who\s+(?P<aux>can|may|is|are|must|will|should)\s+(?P<rest>[a-z][\w\s'-]{1,40}?)\??$", re.I
)
# "landlord - only if authorised the nuisance": a party, then when the rule reaches it
_ROLE_CONDITION = lazy_regex(
    r"^(?P<role>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3})\s*(?:[:\u2013\u2014]|\s-)\s*"
    r"(?P<when>(?:only\s+)?(?:if|when|where|unless|provided|as\s+long\s+as)\b.+)$",
    re.I,
)


def _role_condition_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "landlord - only if authorised the nuisance" under "who can be sued" -> "When can a
    landlord be sued?": a party and the condition on which the heading's rule reaches it,
    not "What is landlord?"."""
    block = passage.block
    heading = tidy(passage.label or (passage.trail[-1] if passage.trail else ""))
    asked = _WHO_HEADING.match(heading.rstrip(" :"))
    found = _ROLE_CONDITION.match(tidy(block.text))
    if block.kind is not BlockKind.ITEM or not asked or not found:
        return None
    role = " ".join(lower_first(found["role"].split()))
    role = (
        role
        if role.split()[0].casefold() in _DETERMINERS_OR_OWNERS
        else (f"{indefinite_article(role)} {role}")
    )
    answer = capital(re.sub(r"\s*\([^()]*\)", "", found["when"]).strip(" .;,"))
    if len(answer.split()) > MAX_ANSWER_WORDS:
        return None
    front = f"When {asked['aux'].casefold()} {role} {asked['rest'].strip().casefold()}?"
    source = SourceRef(path, block.start, block.end)
    note = NoteData(
        NoteKind.BASIC, front, answer, context=card_context(passage, title), source=source
    )
    return Draft([Option(note, answer, 12.0, front)])


def _definition_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """A line that gives the meaning of the term above it ("Elasticity" over "Def =
    responsiveness of one variable to a change in another", "Externalities" over "= 3rd party
    effects") asks what the term is."""
    block = passage.block
    found = _DEFINITION_LINE.match(block.text.strip())
    if not found or block.kind not in (BlockKind.ITEM, BlockKind.TEXT) or block.start != block.end:
        return None
    term = tidy(passage.label or (passage.trail[-1] if passage.trail else ""))
    term = _SYMBOL_AND_UNIT.sub("", term)
    labelled = re.search(r"[=:;.?!]|\s[-\u2013\u2014]\s", term)
    if not term or len(words(term)) > MAX_TERM_WORDS or labelled:
        return None  # ("Mayo - human relations": a name and what it is about, no term)
    if normalise(term) in GENERIC_SECTIONS or not names_a_thing(term):
        return None
    # "... a misallocation of resources -> not allocatively efficient": what follows from it
    meaning = re.split(r"\s(?:->|=>|\u2192)\s", found["meaning"], maxsplit=1)[0]
    answer = capitalised(tidy(meaning.strip(" :,;")))
    # what the term means is asked whole, up to a sentence long, where it is one meaning
    whole = whole_definition(tidy(meaning)) if len(answer.split()) > MAX_ANSWER_WORDS else ""
    answer = capitalised(whole) if whole else answer
    most = MAX_DEFINITION_WORDS if whole else MAX_ANSWER_WORDS
    for shorter in (lambda text: text.split(" (", 1)[0], lambda text: text.split(", ", 1)[0]):
        if len(answer.split()) > most:
            answer = shorter(answer)  # the meaning, without what is said of it
    if len(words(answer)) < MIN_MEANING_WORDS or len(answer.split()) > most:
        return None  # ('= "Hawthorne effect"': the name of the point above, no meaning)
    shown = lower_initial(term)
    if not is_plural(shown) and names_one_idea(shown):
        shown = f"the {shown}"  # "Break-even point" over "= ..." -> "What is the break-even point?"
    front = f"What {'are' if is_plural(shown) else 'is'} {shown}?"
    source = SourceRef(path, block.start, block.end)
    context = card_context(replace(passage, label="", trail=_unowned(passage)), title)
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Draft([Option(note, answer, 12.5, front)])


# "|PED| > 1 = price elastic", "PED = 0 = perfectly inelastic", "MPB > MSB -> overconsumption":
# a relation between quantities, then what it means or leads to in words
_RELATION = lazy_regex(
    r"^(?P<relation>(?P<left>[^\s=<>:]+(?:\s[^\s=<>:]+)?)\s*(?P<sign>[<>\u2264\u2265]=?|=)\s*"
    r"(?P<right>[^\s=<>:]+(?:\s[^\s=<>:]+)?))\s*(?P<link>=|:|->|=>|\u2192)\s*"
    r"(?P<meaning>[A-Za-z].*)$"
)
_VALUE = lazy_regex(r"(?:\d+(?:\.\d+)?|infinity|\u221e)", re.I)
# "|PED|", "MSC", "p", "r²": a quantity's symbol, not a word
_QUANTITY_SYMBOL = lazy_regex(
    r"\|?(?:[A-Z\u0391-\u03a9][\w\u0391-\u03c9]{0,5}|[a-z\u03b1-\u03c9][\d_\u00b2\u00b3]?)\|?"
)


def _relation_draft(passage: Passage, title: str, path: str) -> Draft | None:
    """ "|PED| > 1 = price elastic" -> "What does |PED| > 1 mean?"; "MPB > MSB -> overconsumption"
    -> "What does MPB > MSB lead to?": a relation of quantities asked for what it says."""
    block = passage.block
    found = _RELATION.match(tidy(block.text))
    if not found or block.kind not in (BlockKind.ITEM, BlockKind.TEXT) or block.start != block.end:
        return None
    if found["sign"] == "=" and not _VALUE.fullmatch(found["right"]):
        return None  # "TR = price x quantity": a formula, asked as one
    if not all(_QUANTITY_SYMBOL.fullmatch(token) for token in found["left"].split()):
        return None  # "price > cost = profit": words, not quantities
    if re.search(r"[=<>\u2264\u2265]", found["meaning"]):
        return None
    answer = capitalised(found["meaning"].strip(" .;"))
    if len(answer.split()) > MAX_ANSWER_WORDS or len(words(answer)) < 1:
        return None
    arrow = found["link"] not in ("=", ":")
    front = f"What does {found['relation']} {'lead to' if arrow else 'mean'}?"
    if found["sign"] == "=":
        # "PED = 0 = perfectly inelastic": the value that means it, asked as a formula's side
        front, answer = f"{answer}: {found['left']} = ?", found["right"]
    source = SourceRef(path, block.start, block.end)
    context = card_context(passage, title)
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Draft([Option(note, answer, 11.5, front)])


def _legend_drafts(group: ListGroup, title: str, path: str) -> list[Draft]:
    """ "v = f λ" over "v = wave speed (m/s), f = frequency (Hz), λ = wavelength (m)": the
    equation that links the quantities, and each one's unit."""
    legends = [legend(tidy(item.text)) for item in group.items]
    if not legends or not all(legends):
        return []
    context = card_context(Passage(group.lead, group.trail, group.label), title)
    source = SourceRef(path, group.lead.start, group.items[-1].end)
    drafts = []
    quantities = [quantity for found in legends for quantity in found]
    for asked in formula_questions(tidy(group.lead.text), quantities):
        note = NoteData(NoteKind.BASIC, asked.front, asked.back, context=context, source=source)
        drafts.append(Draft([Option(note, asked.back, asked.score, asked.front)]))
    return drafts


_SUBSCRIPTS = "\u2080-\u209c"


def _recurrence(left: str, right: str) -> bool:
    """ "xₙ = xₙ₋₁ + d", "Fₙ = Fₙ₋₁ + Fₙ₋₂": the right side uses the symbol it defines at an
    earlier index."""
    symbol = re.match(rf"([^\W\d_{_SUBSCRIPTS}]+)[{_SUBSCRIPTS}]", left.strip())
    if not symbol:
        return False
    earlier = rf"{re.escape(symbol[1])}(?:[{_SUBSCRIPTS}]*\u208b|_?[({{]?n\s*-\s*\d)"
    return re.search(earlier, right) is not None


def _formula_drafts(passage: Passage, title: str, path: str) -> list[Draft]:
    """A display formula under its headings asks for its right-hand side: "ΔH_solution = ?"
    -> "ΔH_LE + ΔH_hyd". A reaction, or a chain that names no quantity first, asks nothing."""
    block = passage.block
    # "sin²θ + cos²θ ≡ 1": an identity is asked as an equation is, with its own sign
    sign = IDENTICAL if "=" not in block.text and block.text.count(IDENTICAL) == 1 else "="
    parts = [part.strip() for part in re.split(r"(?<![<>!=])=(?!=)|\u2261", block.text)]
    if len(parts) < 2 or not all(parts) or "\u2192" in block.text:
        return []
    left, right = parts[0], " = ".join(parts[1:])
    # (a function and what it acts on, "sin² x", is one symbol; signs are none)
    applied = APPLIED_FUNCTION.sub(r"\1\2", left)
    symbols = [word for word in applied.split() if word not in ("+", "-", "\u2212", "\u00d7", "/")]
    if len(symbols) > MAX_FORMULA_SIDE_WORDS or len(right) > MAX_FORMULA_CHARS:
        return []
    if len(re.findall(r"[A-Za-z]{3,}", right)) >= 2 and not re.search(r"[\d+\-*/^=<>]", right):
        return []  # "d = common difference between terms": a legend to a formula, not one
    named = re.sub(r"_(?:\w+|\([^)]*\))", "", left)  # subscripts name, they do not say
    quantity = re.fullmatch(r"[A-Za-z]+", left)  # "Area = (1/2)bh": what the formula gives
    words_left = [word for word in re.findall(r"[a-z]+", named) if len(word) > 2]
    if not quantity and any(word not in MATHS_FUNCTIONS for word in words_left):
        return []  # "indeterminate L = 1": words on the left, a line of a table of cases
    if not re.search(r"[^\W\d]", right) and not re.search(r"[^\W\d]", left):
        return []  # "2 + 2 = 4": arithmetic, not a relation to learn
    context = card_context(passage, title)
    named = block.terms[0] if block.terms else ""
    if not named and _recurrence(left, right):
        named = "recurrence"  # "xₙ = xₙ₋₁ + d" beside "xₙ = ? (closed form)": two questions
    front = f"{left} {sign} ? ({lower_initial(named)})" if named else f"{left} {sign} ?"
    source = SourceRef(path, block.start, block.end)
    note = NoteData(NoteKind.BASIC, front, right, context=context, source=source)
    return [Draft([Option(note, right, 11.0, front, cell=True)])]
