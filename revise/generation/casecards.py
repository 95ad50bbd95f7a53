"""Case cards: what a court held, asked from the lines a student writes under a case's name.

Under "Bolton v Stone (1951)" come its facts and its outcome; the line that says what was held is
found and asked ("Which case held that ...?", "What was held in ...?"), the case's facts kept as
the context of the card rather than asked as a holding.
"""

from __future__ import annotations

import re
from dataclasses import replace

from revise.formats.model import NoteData, NoteKind, SourceRef, normalise
from revise.generation.document import Block, BlockKind
from revise.generation.grammar import (
    split_clause,
)
from revise.generation.language import (
    ARROW,
    given_by_context,
    words,
)
from revise.generation.options import Option
from revise.generation.questions import (
    Question,
    case_name,
    case_span,
    holding_among,
    marked_facts,
    marked_holding,
    tells_facts,
)
from revise.generation.structure import (
    Outline,
    Passage,
)
from revise.generation.subjects import (
    card_context,
    with_term_heads,
)
from revise.generation.tidying import (
    MIN_FACT_WORDS,
    tidy,
)


def case_holdings(outline: Outline) -> set[int]:
    """The blocks that say what a court decided: of the lines under each case's name ("Bolton v
    Stone (1951)" over its facts and its outcome), the one that is its holding."""
    under: dict[int, list[Block]] = {}
    told: dict[int, list[Block]] = {}  # the lines under a case's name and its facts
    for part in outline.parts:
        if isinstance(part, Passage):
            if part.label and part.block.kind is BlockKind.ITEM and _names_only_a_case(part.label):
                under.setdefault(part.label_line, []).append(part.block)
            elif part.label and part.block.kind is BlockKind.ITEM and _tells_a_case(part.label):
                told.setdefault(part.label_line, []).append(part.block)
        elif not part.lead_is_heading and _names_only_a_case(part.lead.text):
            under.setdefault(part.lead.start, []).extend(part.items)
        elif not part.lead_is_heading and _tells_a_case(part.lead.text):
            told.setdefault(part.lead.start, []).extend(part.items)
    found = set()
    for blocks in under.values():
        index = holding_among([tidy(block.text) for block in blocks])
        if index is not None:
            found.add(id(blocks[index]))
    for blocks in told.values():
        line = tidy(blocks[0].text)
        if len(blocks) == 1 and line[:1].isalpha() and not marked_facts(line):
            # "Miller v Jackson (1977) - cricket balls into houses" over "- nuisance found but
            # no injunction": the case and its facts, then the one line of what was decided
            found.add(id(blocks[0]))
    return found


def _tells_a_case(text: str) -> bool:
    """ "Miller v Jackson (1977) - cricket balls into houses": a line that opens on a case and
    goes on to tell its facts, not what came of them ("... -> not foreseeable, no liability")."""
    lead = tidy(text)
    cited = case_span(lead)
    if not cited or cited[0] or re.search(rf"{ARROW}|\s=\s", lead):
        return False
    return bool(case_name(lead)) and not _names_only_a_case(lead)


def _names_only_a_case(text: str) -> bool:
    """ "Donoghue v Stevenson (1932)", "*Gibson v Manchester City Council* [1979] 1 WLR 294 (HL)":
    a case's name and citation, the label of the lines that tell it."""
    cited = case_span(tidy(text))
    rest = tidy(text)[: cited[0]] + tidy(text)[cited[1] :] if cited else ""
    return bool(cited) and len(words(rest)) < MIN_FACT_WORDS


def whole_rule(asked: Question) -> bool:
    """ "Which case held that goods on display are an invitation to treat?" asks a sentence;
    "Which case held that D still liable, ...?" a note, better asked as what was held."""
    rule = re.match(r"^Which case held that (.+)\?$", asked.front)
    return not rule or split_clause(rule[1]) is not None


def told_case(block: Block) -> tuple[str, str] | None:
    """The case a line of two or more sentences opens on, its facts before what was held."""
    parts = with_term_heads(block)
    if len(parts) < 2:
        return None
    first = tidy(parts[0][2])
    cited = case_span(first)
    if not cited:
        return None
    if any(marked_holding(tidy(raw)) for _, _, raw in parts[1:]):
        return case_name(first)  # "... he just moved rooms. HL held that ..."
    told = re.sub(r"^[\s:;,\u2013\u2014-]+", "", first[cited[1] :])
    last = tidy(parts[-1][2])
    # "R v Roberts (1971): girl jumped out of a moving car ... V's reaction was foreseeable"
    # (not "... so terms on the ticket came too late. Lord Denning MR.": who said it)
    if tells_facts(told) and len(words(last)) >= MIN_FACT_WORDS:
        return case_name(first)
    return None


def held_sentence(block: Block) -> int:
    """Which sentence of a case's holding line to ask: the one its mark opens ("... refused to
    move. Held: continuing act"), else the last, where the outcome comes."""
    parts = with_term_heads(block)
    marked = [index for index, (_, _, raw) in enumerate(parts) if marked_holding(tidy(raw))]
    return marked[0] if marked else len(parts) - 1


def found_after_facts(spans: list[tuple[int, int, str]]) -> int:
    """ "7 yr old boy died after eating poisonous berries ... Council liable." under its case's
    name: the sentence after the facts that says what the court found; -1 where none does."""
    found = [
        index for index, (_, _, raw) in enumerate(spans) if index and marked_holding(tidy(raw))
    ]
    return found[0] if found else -1


def held_option(asked: Question, passage: Passage, title: str, source: SourceRef) -> Option | None:
    context = card_context(passage, title)
    if f" {normalise(asked.back)} " in f" {normalise(passage.label)} ":
        context = card_context(replace(passage, label=""), title)  # the case is the answer
    if (
        given_by_context(asked.back, context)
        or f" {normalise(asked.back)} " in f" {normalise(asked.front)} "
    ):
        return None
    note = NoteData(NoteKind.BASIC, asked.front, asked.back, context=context, source=source)
    return Option(note, asked.back, asked.score, asked.front)
