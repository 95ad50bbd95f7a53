"""Cards on laws and acts: what a cited provision says and what an act did.

A line citing a provision is asked of the provision and the Act it is of ("What does s2(2) of the
Occupiers' Liability Act 1957 say?"); the lines under an act's name are asked as what it did or
when it was done ("What did the Civil Rights Act 1964 ban?").
"""

from __future__ import annotations

import re

from revise.formats.model import NoteData, NoteKind, SourceRef
from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.clauses import (
    PARTICLES,
)
from revise.generation.clozes import (
    cloze,
)
from revise.generation.document import BlockKind
from revise.generation.grammar import (
    can_be,
    capitalised,
    done_to_subject,
    verb_base,
)
from revise.generation.language import (
    past_to_base,
    words,
)
from revise.generation.options import Draft, Option
from revise.generation.patterns import lazy_regex
from revise.generation.statutes import (
    acts_named,
    cited_act,
    full_act,
    goes_on,
    heading_act,
    provision_named,
    provision_of,
    provision_question,
)
from revise.generation.structure import (
    ListGroup,
    Outline,
    Passage,
)
from revise.generation.subjects import (
    card_context,
)
from revise.generation.targets import (
    Target,
    TargetKind,
)
from revise.generation.tidying import (
    MIN_FACT_WORDS,
    sentences,
    tidy,
)

# "CIVIL RIGHTS ACT 1964", "Treaty of Versailles (1919)": a heading that names a text enacted
_ENACTED_KIND = (
    r"(?:Act|Treaty|Amendment|Pact|Agreement|Charter|Declaration|Edict|Decree|Accords?"
    r"|Constitution|Laws|Bill(?=\s+of\b))"
)
_OF_WHAT = r"\s+of\s+[A-Za-z][\w'\u2019 -]{1,30}?"  # "Treaty of Versailles"
_ENACTED = lazy_regex(
    rf"^(?:the\s+)?(?:(?:[A-Za-z0-9][\w'\u2019.-]*\s+){{1,4}}?{_ENACTED_KIND}(?:{_OF_WHAT})?"
    rf"|{_ENACTED_KIND}{_OF_WHAT})(?:,?\s*\(?\d{{4}}\)?)?$",
    re.I,
)
_SMALL_WORDS = frozenset(["of", "the", "and", "on", "for", "in", "to", "a"])
# "signed 2 July 1964", "ratified in 1920": done to the text, on a date
_WHEN_DONE = lazy_regex(
    r"^(?P<verb>[a-z]+)\s+(?P<when>(?:(?:in|on)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:[A-Z][a-z]+\.?\s+)?\d{4})$"
)


# "(a) is aware of the danger ...", "b) ...": a lettered condition of the line above it
_LETTERED = lazy_regex(r"^\(?[a-h]\)\s")


def statute_drafts(outline: Outline, path: str) -> dict[int, tuple[list[Draft], bool]]:
    """What each line citing a provision says, asked of the provision and the Act it is of
    ("What does s2(2) of the Occupiers' Liability Act 1957 say?"), by the id of the line's
    block, with whether the line says nothing more. The Act is the one the line names, else
    the one its headings or the bullet it sits under name, else the one the last provision
    cited was of; the letters students write for it ("OLA 1957") are spelt out where the
    notes name it in full."""
    named = acts_named("\n".join(_part_text(part) for part in outline.parts))
    drafts: dict[int, tuple[list[Draft], bool]] = {}
    act = heading_act(outline.title)
    trail: tuple[str, ...] = ()
    lines = [
        passage
        for part in outline.parts
        for passage in (
            [Passage(item, part.trail, part.lead.text) for item in [part.lead, *part.items]]
            if isinstance(part, ListGroup)
            else [part]
        )
        if passage.block.kind is not BlockKind.HEADING
    ]
    for index, passage in enumerate(lines):
        block = passage.block
        if passage.trail != trail:
            trail = passage.trail
            act = next(filter(None, map(heading_act, reversed(trail))), act)
        act = cited_act(block.text) or act
        following = lines[index + 1].block.text if index + 1 < len(lines) else ""
        if _LETTERED.match(following) or goes_on(block.text):
            continue  # "s1(3): a duty is owed if the occupier" over its conditions
        provision = provision_of(tidy(block.text), trail[-1] if trail else "")
        heading_named = heading_act(passage.label) if passage.label != block.text else ""
        asked = provision and provision_question(
            provision, full_act(provision.act or heading_named or act, named)
        )
        asked = asked or provision_named(tidy(block.text))
        if not asked:
            continue
        front, back = asked
        source = SourceRef(path, block.start, block.end)
        context = card_context(passage, outline.title)
        note = NoteData(NoteKind.BASIC, front, back, context=context, source=source)
        # ("... - unusual!! (reverse burden)": an aside after it is no fact of its own)
        said = [words(sentence) for _, _, sentence in sentences(tidy(block.text))[1:]]
        whole = all(len(told) < MIN_FACT_WORDS for told in said)
        drafts[id(block)] = ([Draft([Option(note, back, 11.5, front)])], whole)
    return drafts


def _part_text(part: Passage | ListGroup) -> str:
    if isinstance(part, ListGroup):
        return "\n".join([part.lead.text, *(item.text for item in part.items)])
    return part.block.text


def _enacted_name(heading: str) -> str:
    """ "CIVIL RIGHTS ACT 1964" -> "the Civil Rights Act 1964": the text a heading names, as
    the subject of a question, or "" for a heading that names none."""
    heading = tidy(heading).rstrip(" :")
    if not _ENACTED.match(heading) or re.search(r"[+&/]|\band\b", heading, re.I):
        return ""
    if heading.isupper():
        heading = " ".join(
            word.lower()
            if word.lower() in _SMALL_WORDS
            else word.capitalize()
            if len(word) > 3 or re.fullmatch(_ENACTED_KIND, word, re.I)
            else word
            for word in heading.split()
        )  # ("VRA" is kept in capitals: an abbreviation)
    return re.sub(r"^(?:the\s+)?", "the ", heading, flags=re.I)


# "Voting Rights Act signed 6 Aug 1965 -> banned literacy tests", "24th Amendment (ratified
# Jan 1964) -> banned poll taxes": a line that opens on the name of a text enacted
_OF_NAME = r"\s+of\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
_ENACTED_OPENING = lazy_regex(
    rf"^(?P<name>(?:the\s+)?(?:(?:[A-Z0-9][\w'\u2019.-]*\s+){{1,4}}?{_ENACTED_KIND}(?:{_OF_NAME})?"
    rf"|{_ENACTED_KIND}{_OF_NAME})(?:,?\s*\(?\d{{4}}\)?)?)"
    r"(?:\s*\((?P<aside>[^()]*)\))?\s*(?:->|=>|\u2192|[-\u2013\u2014:])?\s*"
    r"(?P<rest>[a-z].*)$"
)
# verbs whose object is followed by what it does: "let the President suspend ...", "made
# employers pay ...": "What did the act let?" asks half of it
_COMPLEMENT_VERBS = frozenset(
    ["let", "make", "allow", "enable", "force", "require", "help", "get", "have", "give"]
)
_BARE_DATE = lazy_regex(r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?\d{4}")
_ARROWS = lazy_regex(r"\s*(?:->|=>|\u2192)\s*")


def enacted_drafts(passage: Passage, title: str, path: str) -> list[Draft]:
    """ "CIVIL RIGHTS ACT 1964" over "- banned segregation in public places": what the act did,
    asked of it ("What did the Civil Rights Act 1964 ban?"); over "- signed 2 July 1964", when
    it was done ("When was the Civil Rights Act 1964 signed?"). A line that opens on the act's
    name asks the same of what follows it, each step after an arrow on its own."""
    block = passage.block
    if block.kind is not BlockKind.ITEM:
        return []
    text = tidy(block.text)
    if re.search(r"[.;?!]\s", text):
        return []  # (a line of sentences says more than what the act did)
    opening = _ENACTED_OPENING.match(text)
    if opening and not re.search(r"[+&/]|\band\b", opening["name"]):
        named = _enacted_name(opening["name"])
        steps = _ARROWS.split(opening["rest"])
        if opening["aside"] and _WHEN_DONE.match(opening["aside"]):
            steps.insert(0, opening["aside"])  # "24th Amendment (ratified Jan 1964) -> ..."
    elif not re.match(r"[a-z]", text) or _ARROWS.search(text):
        return []  # (what the heading's act did, then what followed from it, says more)
    else:
        named = _enacted_name(passage.label or (passage.trail[-1] if passage.trail else ""))
        steps = [text]
    context = card_context(passage, title)
    source = SourceRef(path, block.start, block.end)
    drafts = []
    for step in steps if named else []:
        asked = _what_enacted_did(named, step)
        if not asked:
            break
        note = NoteData(NoteKind.BASIC, asked[0], asked[1], context=context, source=source)
        drafts.append(Draft([Option(note, asked[1], 11.5, asked[0])]))
    dated = opening and opening["aside"] and _BARE_DATE.fullmatch(opening["aside"].strip())
    if drafts and dated:
        # "Treaty of Portsmouth (Sept 1905) ended war w/ Japan": its date, hidden in the line
        start = text.index(f"({opening['aside']})") + 1
        target = Target(
            start, start + len(opening["aside"]), opening["aside"], TargetKind.DATE, 10.0
        )
        option = cloze(text, target, context, source)
        if option:
            drafts.append(Draft([option]))
    return drafts


def _what_enacted_did(named: str, step: str) -> tuple[str, str] | None:
    """ "banned literacy tests" -> ("What did the Voting Rights Act ban?", "Literacy tests");
    "signed 6 Aug 1965" -> ("When was the Voting Rights Act signed?", "6 Aug 1965")."""
    first = re.match(r"[a-z]+", step)
    base = first and past_to_base(first[0])
    if not first or not base or verb_base(first[0], "VBD") is None:
        return None
    when = _WHEN_DONE.match(step)
    if when:
        if not done_to_subject(first[0]):
            return None
        return f"When was {named} {first[0]}?", re.sub(r"^(?:in|on)\s+", "", when["when"])
    rest = step[first.end() :].split()
    particle = rest.pop(0) if rest and rest[0] in PARTICLES else ""
    if can_be(first[0], "NOUN") and not particle:
        return None  # "set the scene", "cut ...": a noun as likely as a verb
    if not rest or rest[0] in ("not", "by", "in", "on", "at", "to", "from", "with", "a", "an"):
        return None  # "passed by Congress", "did not deal with ...": no thing done
    if base in _COMPLEMENT_VERBS:
        return None  # "let the President suspend habeas corpus": a thing and what it may do
    said = " ".join(rest)
    if re.search(r"\b\d{4}\b", said):
        return None  # "passed Congress January 31 1865": where and when, not a thing done
    # "... of housing, signed a week after King's death": what it did, then another point
    for comma in re.finditer(r",\s+([a-z]+)", said):
        if verb_base(comma[1], "VBD") is not None:
            said = said[: comma.start()]
            break
    answer = capitalised(said.strip(" ,"))
    for shorter in (lambda text: text.split(" (", 1)[0], lambda text: text.split(", ", 1)[0]):
        if len(answer.split()) > MAX_ANSWER_WORDS:
            answer = shorter(answer)
    if len(answer.split()) > MAX_ANSWER_WORDS:
        return None
    return f"What did {named} {base}{' ' + particle if particle else ''}?", answer
