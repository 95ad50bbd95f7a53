"""Arguments and quotations: the point, evidence and explanation of an essay plan, as cards.

A line labelled with the step of an argument it is ("Point:", "Evidence:", "Explain:") is read as
that step; the quotation that shows a point is asked from the point, a word the explanation picks
out of a quotation is asked as what it suggests, and a note right under a quotation as what the
quotation is an example of.
"""

from __future__ import annotations

import re
from dataclasses import replace

from revise.formats.model import NoteData, NoteKind, SourceRef, normalise
from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.clauses import (
    MAX_QUOTE_WORDS,
    NOTE_ON_ABOVE,
    example_of,
    quoted_line,
    what_it_shows,
)
from revise.generation.document import Block, BlockKind
from revise.generation.grammar import (
    lower_first,
    split_clause,
)
from revise.generation.language import (
    ARROW,
    words,
)
from revise.generation.options import Draft, Option
from revise.generation.patterns import lazy_regex
from revise.generation.questions import (
    capital,
)
from revise.generation.structure import (
    Passage,
)
from revise.generation.subjects import (
    card_context,
)
from revise.generation.tidying import (
    MIN_FACT_WORDS,
    sentences,
    tidy,
)

# A literature essay's paragraph set out by its steps (PEE, PEEL, PETAL): "Point: ...",
# "Evidence: "..." (Chapter 4)", "Explain: ...", "Link: ..."
# and a note's own label run into a fact ("Note: science parks are ...", "Key point: ..."), which
# says how to read the line, not what to recall
_NOTE_LABELS = r"note|n\.?b\.?|key\s+(?:point|fact|idea)|important"
_ARGUMENT_STEP = lazy_regex(
    r"^(?P<step>point|evidence|quotation|quote|explain|explanation|analysis|analyse|technique"
    rf"|link|{_NOTE_LABELS})\s*[:\u2013\u2014-]\s*(?=\S)",
    re.I,
)
_NOTE_LABEL = lazy_regex(rf"(?<=[.!?]\s)(?:{_NOTE_LABELS})\s*:\s*(?=[a-z])", re.I)
# the steps a line's label names; any other label explains
_STEP_KINDS = {
    "evidence": "evidence",
    "quotation": "evidence",
    "quote": "evidence",
    "link": "link",
    "point": "point",
}
_OPENS_ON_QUOTATION = lazy_regex(r"^[\"\u201c\u2018'](?P<said>[^\"\u201d]{3,}?)[\"\u201d\u2019']")


def argument_step(passage: Passage) -> tuple[str, Passage]:
    """The step of an argument a line is ("point", "evidence", "link", "explain" or ""), and the
    line without the step's name, which labels nothing a student recalls."""
    block = passage.block
    if block.kind is BlockKind.ROW:
        return "", passage
    labelled = _NOTE_LABEL.search(block.text)
    if labelled:  # "... economy. Key point: the quaternary sector ...": a sentence of its own
        block = _without_span(block, labelled.start(), labelled.end())
        passage = replace(passage, block=block)
    found = _ARGUMENT_STEP.match(block.text)
    if not found:
        return "", passage
    terms = tuple(term for term in block.terms if not _ARGUMENT_STEP.match(f"{term} x"))
    moved = replace(_without_span(block, 0, found.end()), terms=terms)
    return _STEP_KINDS.get(found["step"].casefold(), "explain"), replace(passage, block=moved)


def _without_span(block: Block, start: int, end: int) -> Block:
    """The block with its text from `start` to `end` taken out, the sentence that now opens
    there in capitals (a quotation as it is), each line still where its text is."""
    rest = block.text[end:]
    rest = rest if _OPENS_ON_QUOTATION.match(rest) else capital(rest)
    cut = end - start
    breaks = tuple((at if at <= start else max(at - cut, start), line) for at, line in block.breaks)
    return replace(block, text=block.text[:start] + rest, breaks=breaks)


# The claim a point makes, before what it goes on to say of it: "George is Lennie's protector
# but also frustrated by him - their friendship is unusual for the time"
_CLAIM_END = lazy_regex(
    rf"\s+[-\u2013\u2014]\s+|\s*{ARROW}|;\s|,\s+which\s|(?<=[a-z])[.!?]\s+(?=\S)"
)
# "Crooks, the black stable buck, is isolated": a name put in other words between commas
_APPOSITIVE = lazy_regex(r"^(?P<name>[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*)?),\s+[^,]{3,40},\s+")
# A quotation an evidence line gives, with where it comes from after it ('"..." (ch1)',
# '"..." (George, ch1)') or before it ('Crooks (ch4): "..."'), or on its own ('Also: "..."')
_EVIDENCE_QUOTE = lazy_regex(
    r"(?:(?P<who>[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*)?)\s*\((?P<before>[^()]{1,30})\)\s*:\s*)?"
    r"[\"\u201c](?P<quote>[^\"\u201c\u201d]{3,}?)[\"\u201d]"
    r"(?:\s*\((?P<after>[^()]{1,30})\))?"
)
# what may stand between one quotation of a line and the next: a stop, a slash, "Also:"
_BETWEEN_QUOTES = lazy_regex(r"^[\s.,;/]*(?:(?:also|and|then)\b[\s:,]*)?(?:[a-z]+\s+)?$", re.I)
# "Owen presents nature as ...", "Both poets explore ...": how an essay states its point
_PRESENTS = lazy_regex(
    r"^(?:\S+\s+){1,3}(?:presents?|portrays?|depicts?|explores?|shows?|uses?|conveys?"
    r"|suggests?|creates?|describes?|criticises?|challenges?)\s",
    re.I,
)
_BUT = lazy_regex(r",?\s+but\s+")
MIN_QUOTE_WORDS = 3  # '"jail bait"', '"tart"': a name it is called, not the line that shows it


def _claim(point: str) -> str:
    """What a point claims, as a clause a question can hold ("" where it has no subject:
    "never given a name -> ...")."""
    claim = _CLAIM_END.split(tidy(point), maxsplit=1)[0].strip(" .,:")
    if len(words(claim)) > MAX_ANSWER_WORDS:  # "X is what keeps them going but it's ...": X
        claim = _BUT.split(claim, maxsplit=1)[0]
    plain = _APPOSITIVE.sub(lambda match: f"{match['name']} ", claim)
    if len(words(claim)) < MIN_FACT_WORDS:
        return ""
    if split_clause(capital(plain)) is None and not _PRESENTS.match(plain):
        return ""
    return claim


def _evidence_quotes(text: str) -> list[tuple[str, str]]:
    """The quotations an evidence line gives, each with where it comes from, as a question
    shows it ('"..." (Crooks, ch4)') and as the line says it ('Crooks (ch4): "..."'): the line
    as it is, or each of several set side by side ('"..." (ch1). Also: "..." (ch1)'), never one
    quoted inside a remark ('he's seen "hunderds of men" with the same dream')."""
    found, last = [], 0
    for match in _EVIDENCE_QUOTE.finditer(text):
        between = text[last : match.start()]
        last = match.end()
        opens = not found and not between.strip()
        cited = match["before"] or match["after"]
        if not (opens or cited or _BETWEEN_QUOTES.match(between)):
            continue
        if not (opens or cited) and not _BETWEEN_QUOTES.match(text[last : last + 3] or "."):
            continue
        quote = match["quote"].strip()
        if len(words(quote)) < MIN_QUOTE_WORDS:
            continue
        where = (match["after"] or match["before"] or "").strip()
        said = f'"{quote}" ({where})' if where else f'"{quote}"'
        if match["before"] and match["who"]:
            who = match["who"]
            found.append((f'"{quote}" ({who}, {where})', f'{who} ({where}): "{quote}"'))
        else:
            found.append((said, said))
    return found


def quotations_for_point(
    passage: Passage, point: tuple[str, tuple[str, ...], int], title: str, path: str
) -> list[Draft]:
    """ "Point: Stevenson presents Hyde as animalistic" over "Evidence: "with ape-like fury"
    (Chapter 4)": which quotation shows the point; where the line gives several, or one too
    long to recall as an answer, what each of the others shows."""
    claim = _claim(point[0])
    if not claim:
        return []
    quotes = _evidence_quotes(passage.block.text)
    quotes = [said for said in quotes if len(words(said[0])) <= MAX_QUOTE_WORDS + 3]
    context = card_context(passage, title)
    source = SourceRef(path, min(point[2], passage.block.start), passage.block.end)
    # (a point on the character its heading names keeps the name's capital: "Crooks is ...")
    named = frozenset(word.casefold() for heading in passage.trail for word in heading.split())
    shown = " ".join(lower_first(claim.split(), named))
    asked = next((said for said in quotes if len(said[1].split()) <= MAX_ANSWER_WORDS), None)
    drafts = []
    for quote, said in quotes:
        if (quote, said) == asked:
            front, answer = f"Which quotation shows that {shown}?", said
        else:
            if len(words(claim)) > MAX_ANSWER_WORDS:
                continue
            front, answer = f"What does {quote} show?", capital(claim)
        note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
        drafts.append(Draft([Option(note, answer, 11.0, front)]))
    return drafts


# 'bear = huge, powerful, not fully in control.', '"restless eyes" = always alert, ...': a
# word of the quotation above explained; what it says, up to an arrow, a bracket or a stop
_WORD_EXPLAINED = lazy_regex(
    r"^[\"\u201c]?(?P<word>[A-Za-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,2})[\"\u201d]?\s+=\s+"
    rf"(?P<meaning>[^=]+?)\s*(?:{ARROW}|\(|;|\s[-\u2013\u2014]\s|[.!?](?:\s|$)|$)"
)
MAX_QUOTED_PROMPT_WORDS = 25


def quoted_words(
    passage: Passage, evidence: str, made: list[Draft], title: str, path: str
) -> list[Draft]:
    """ "Explain: bear = huge, powerful, not fully in control" under a quotation with "the way
    a bear drags his paws": what the word suggests ('What does "bear" suggest in "..."?'), in
    place of the cards that asked the word as a term ("What is bear?") or hid part of what it
    says."""
    quotes = [quote for quote, _ in _evidence_quotes(evidence)]
    block = passage.block
    asked, explained = [], []
    for start, end, sentence in sentences(block.text):
        found = _WORD_EXPLAINED.match(sentence.strip())
        if not found:
            continue
        word = found["word"]
        pattern = re.compile(rf"(?<![\w'])({re.escape(word)})(?![\w'])", re.I)
        quote = next((quote for quote in quotes if pattern.search(quote)), "")
        meaning = found["meaning"].strip(" ,")
        if not quote or not MIN_QUOTE_WORDS - 1 <= len(words(meaning)) <= MAX_ANSWER_WORDS:
            continue
        shown = pattern.search(quote)[1]  # (as the quotation writes it)
        front = f'What does "{shown}" suggest in {quote}?'
        if len(front.split()) > MAX_QUOTED_PROMPT_WORDS:
            front = f'What does "{shown}" suggest?'
        answer = capital(meaning)
        context = card_context(passage, title)
        source = SourceRef(path, block.line_at(start), block.line_at(max(start, end - 1)))
        note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
        asked.append(Draft([Option(note, answer, 11.5, front)]))
        explained.append(normalise(sentence))
    if not asked:
        return made
    kept = []
    for draft in made:
        options = [
            option
            for option in draft.options
            if not any(normalise(option.answer) in said for said in explained)
        ]
        kept.extend([Draft(options)] if options else [])
    return asked + kept


_SHOWS = lazy_regex(r"^(?:it\s+|this\s+)?(?:shows|suggests|reveals)\s+\S", re.I)


def note_on_quotation(
    passage: Passage, before: Passage | None, title: str, path: str
) -> list[Draft] | None:
    """ "= hyperbole. blood = guilt motif" right under a quotation, as its sub-bullet or the
    line after it: a note on that line, carded as what the line is an example of or not at all
    (never alone: "= [hyperbole]" says nothing of what is hyperbolic). None for any other line."""
    block = passage.block
    shows = _SHOWS.match(block.text)  # "- shows her ambition is deadly", no arrow before it
    if not NOTE_ON_ABOVE.match(block.text) and not shows:
        return None
    if passage.label:
        above, line = passage.label, passage.label_line
    elif before is not None and before.block.end + 2 >= block.start:  # (a blank line between)
        above, line = before.block.text, before.block.start
    else:
        return None
    said = quoted_line(tidy(above))
    if said is None:
        return None
    if shows:
        asked = what_it_shows(*said, f"-> {tidy(block.text)}")
    else:
        asked = example_of(*said, tidy(block.text))
    if not asked:
        return []
    trail = tuple(heading for heading in passage.trail if heading != passage.label)
    context = card_context(replace(passage, trail=trail, label=""), title)
    source = SourceRef(path, min(line or block.start, block.start), block.end)
    note = NoteData(NoteKind.BASIC, asked[0], asked[1], context=context, source=source)
    return [Draft([Option(note, asked[1], 11.0, asked[0])])]
