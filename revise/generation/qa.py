"""The student's own questions: Cornell cues, "Q: ... / A: ..." pairs and FAQ headings.

Many notes are written as questions with their answers: "Q: What were the Four Sights?" over
"A: old man, sick man, corpse, holy man", a cue column exported as "Cue: ... | Notes: ...", a
bullet "What is osmosis? - the movement of water ...", or a heading "### Why does ice float?"
over a paragraph. Each such question becomes a heading (so everything under it has it as
context), and carries the answer a card can ask for: the whole answer when it is short, the
items it lists when the question counts them or the answer is lettered ("a) DUKKHA ...,
b) ANICCA ..."), or its first sentence. A question whose answer is missing ("see textbook",
"TODO") or an exam stem ("Explain why ... [6 marks]") carries none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from revise.generation.card_limits import MAX_ANSWER_WORDS, MAX_LIST_ITEMS
from revise.generation.content import COMMANDS, ESSAY_COMMANDS
from revise.generation.document import Block, BlockKind, Document, scope_end
from revise.generation.grammar import lower_first
from revise.generation.language import ARROW, counted
from revise.generation.patterns import lazy_regex

MAX_ITEM_WORDS = 8  # each item of a list answer is a name or a short phrase
MAX_QUESTION_WORDS = 25

# "Q: ...", "Q1. ...", "Question 3: ...", "Cue: ...", after any section number ("1.1 Q: ...")
_QUESTION_MARK = lazy_regex(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?"
    r"(?:Q(?:uestion)?\s*\d{0,3}[a-z]?\s*(?::|\.|\)|\s[-\u2013\u2014]\s)|Cues?\s*:"
    r"|Q\d{1,3}\s+(?=(?:who|what|when|where|which|why|how|name|define|state|describe)\b))"
    r"\s*(?=\S)",
    re.I,
)
# "A: ...", "Ans: ...", "Answer - ...", "Notes: ..." (the right-hand column of a cue)
_ANSWER_MARK = lazy_regex(
    r"^(?:A|Ans\.?|Answers?|Notes?)\s*\d{0,3}\s*(?::|\s[-\u2013\u2014]\s)\s*", re.I
)
# where a question ends and its answer starts on the same line
_ANSWER_AFTER = lazy_regex(
    r"^(?P<question>[^?]{3,}\?)\s*(?:\|\s*)?"
    r"(?P<mark>(?:A|Ans\.?|Answers?|Notes?)\s*:|->|=>|\u2192|[-\u2013\u2014:=])?\s*(?P<answer>\S.*)$",
    re.I,
)
_CUE_ANSWER = lazy_regex(r"\s\|\s*(?:(?:A|Ans\.?|Answers?|Notes?)\s*:\s*)?(?=\S)", re.I)
_ASKING = lazy_regex(
    r"^(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could"
    r"|should|would|will|has|have|had|name|define|state|give|list|outline|describe)\b",
    re.I,
)
# "Name the device that ...", "State Ohm's law": a prompt the student wrote as an exam would
_ORDER = lazy_regex(rf"^(?:{COMMANDS}|name)\s", re.I)
# "[6 marks]", "(4 marks)", "(12)": what an exam awards, so the line is an exam question
_MARKS = lazy_regex(r"[\[(]\s*\d{1,2}\s*(?:marks?|m|pts?|points?)?\s*[\])]\s*\??$", re.I)
_ESSAY_STEM = lazy_regex(
    rf"^(?:{ESSAY_COMMANDS}|explain\s+(?:why|how|two|three|the|whether)|'.+'\s+discuss)\b", re.I
)
# an answer that is not there yet: "?", "...", "TODO", "see textbook p. 40", "ask Miss"
_NO_ANSWER = lazy_regex(
    r"^(?:[?.\-_\u2026\s]*|\(?(?:blank|tbc|tbd|todo|to\s+do|n/?a|idk|not\s+sure|unsure"
    r"|fill\s+in|don'?t\s+know)\b.*|(?:see|check|look\s+(?:it\s+)?up|ask|revise)\b.{0,40})$",
    re.I,
)
_ENUMERATOR = lazy_regex(r"^(?:\(?[a-hA-H]\)|\(?\d{1,2}\)|\d{1,2}\.(?=\s))\s*(?=\S)")
_HEAD = lazy_regex(r"\s*(?:[:=]\s|\s[-\u2013\u2014]\s|\s->\s)")
_COUNT = lazy_regex(
    r"\b(?P<n>[2-9]|two|three|four|five|six|seven|eight|nine)\b(?!\s*(?:marks?|%|per\b))", re.I
)


def asked_questions(document: Document) -> Document:
    """The document with each of the student's questions made a heading over its answer; the
    heading carries the answer (`answer`, its last line in `answer_end`) when there is one."""
    blocks = document.blocks
    result: list[Block] = []
    heading_level = 0  # the level of the last heading the notes themselves have
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if is_own_card(block):
            # a card the student typed ("puella | girl"): asked as written, over nothing
            level = heading_level + 1
            front, back = block.cells
            card = replace(block, kind=BlockKind.HEADING, text=front, level=level)
            result.append(replace(card, answer=back, answer_end=block.end))
            result.append(scope_end(block.end, level))
            index += 1
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        found = _question(block, following)
        if found is not None and _inside_outline(blocks, index):
            found = None
        if found is None:
            if block.kind is BlockKind.HEADING:
                heading_level = block.level
            result.append(block)
            index += 1
            continue
        question, inline = found
        unmarked = (
            _bullet_asks(block)
            and not inline
            and following is not None
            and not _ANSWER_MARK.match(following.text)
        )
        if (
            unmarked
            and _over_its_answer(block, following)
            and _children(blocks, index) != 1
            and not _first_point_answers(question, blocks, index)
        ):
            result.append(block)  # a question over several points: a list, asked as one
            index += 1
            continue
        level = block.level if block.kind is BlockKind.HEADING else heading_level + 1
        if block.kind is BlockKind.HEADING:
            heading_level = block.level
        end = _region_end(blocks, index, block)
        region = list(blocks[index + 1 : end])
        if inline:
            region.insert(0, _answer_block(block, inline))
        elif region and _ANSWER_MARK.match(region[0].text):
            first = region[0]
            region[0] = replace(first, text=_ANSWER_MARK.sub("", first.text, count=1))
        answer, used, last = ("", 0, 0)
        if not exam_stem(question) and region and not _NO_ANSWER.match(region[0].text.strip()):
            answer, used, last = _answer(question, region)
        elif region and _NO_ANSWER.match(region[0].text.strip()):
            region = region[1:]  # "A: see textbook": nothing to card
        region = _lifted(region)
        heading = Block(
            BlockKind.HEADING,
            question,
            block.start,
            block.start,
            level,
            ((0, block.start),),
            terms=block.terms,
        )
        named = _defined_term(question) if not answer and region else ""
        meaning = _first_sentence(" ".join(region[0].text.split())) if named else ""
        if named and MAX_ANSWER_WORDS < len(meaning.split()) <= MAX_MEANING_WORDS:
            # "Define a covalent bond" over its 17-word definition: the term, from its meaning
            answer, last = named, region[0].end
            # ("The strong attraction ..." is asked "What is the strong attraction ...?")
            heading = replace(heading, asked=f"What is {' '.join(lower_first(meaning.split()))}?")
        if answer:
            heading = replace(heading, answer=answer, answer_end=last)
        result.append(heading)
        result.extend(region[used:])
        index = end
        if _scope_ends(blocks, end, block):
            result.append(scope_end(blocks[end].start, level))
    return Document(document.title, result)


def is_own_card(block: Block) -> bool:
    """Whether the block is a card the student typed, its front and back its two cells (a
    table's rows are ROW blocks)."""
    return block.kind in (BlockKind.TEXT, BlockKind.HEADING) and len(block.cells) == 2


def answer_lines(document: Document) -> Document:
    """The document, with the line right under a marked question ("Q1. How many chambers ...?"
    over "four") read as its answer, not as a heading because it is short."""
    blocks = document.blocks
    result = list(blocks)
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if (
            block.kind is not BlockKind.HEADING
            and following.kind is BlockKind.HEADING
            and following.start == block.end + 1
            and _QUESTION_MARK.match(block.text.strip())
            and block.text.rstrip().endswith("?")
            and not following.text.rstrip().endswith(("?", ":"))
        ):
            result[index + 1] = replace(following, kind=BlockKind.TEXT, level=0)
    return Document(document.title, result)


def _first_point_answers(question: str, blocks: list[Block], index: int) -> bool:
    """ "How do London forces arise?" over "electrons move randomly -> ... -> attraction" and a
    point more: a question asking why or how is answered by its first point, a chain of steps
    or a reason, with further points after it; "What were the causes?" is a list."""
    first = blocks[index + 1]
    return (
        re.match(r"(?:why|how)\b(?!\s+(?:many|much|far|long|often)\b)", question, re.I) is not None
        and not _count(question)
        and _ARROW_MARK.search(first.text) is not None
        and (index + 2 >= len(blocks) or blocks[index + 2].level <= first.level)
    )


def _scope_ends(blocks: list[Block], end: int, question: Block) -> bool:
    """Whether the notes go on after a question's paragraph with blocks that are not its
    answer: "Q: ..." over "A: ...", then a blank line and more notes."""
    return (
        end < len(blocks)
        and blocks[end].kind is not BlockKind.HEADING
        and (
            _bullet_asks(question)
            or (question.kind is BlockKind.TEXT and _after_blank(blocks, end))
        )
        and _question(blocks[end], blocks[end + 1] if end + 1 < len(blocks) else None) is None
    )


def _inside_outline(blocks: list[Block], index: int) -> bool:
    """ "- why one designer? could be a team" deep in a mind map, with the map going on at
    shallower points below it: a point of the outline that asks its own question, not a
    question over the rest of the section."""
    block = blocks[index]
    if block.kind is not BlockKind.ITEM or _QUESTION_MARK.match(block.text.strip()):
        return False
    for later in blocks[index + 1 :]:
        if later.kind is BlockKind.HEADING:
            return False
        if later.kind is BlockKind.ITEM and later.level < block.level:
            return True
    return False


def _lifted(region: list[Block]) -> list[Block]:
    """The lines indented under an answer's first line ("A: Deer Park at Sarnath" over
    "-> the 5 became the first monks") go on with the answer, at its level: they are points of
    the answer, not of its first line, unless that line leads into them ("three types:")."""
    if not region or region[0].kind is not BlockKind.ITEM or region[0].text.rstrip().endswith(":"):
        return region
    first = region[0]
    lifted = [first]
    for position, block in enumerate(region[1:], start=1):
        if block.kind is not BlockKind.ITEM or block.level <= first.level:
            return lifted + region[position:]
        lifted.append(replace(block, level=block.level - 1, text=_LED_TO.sub("", block.text)))
    return lifted


# "-> led to the Great Renunciation": a point of the answer, written as what follows from it
_LED_TO = lazy_regex(rf"^\s*{ARROW}\s*(?=\w)")


def _question(block: Block, following: Block | None) -> tuple[str, str] | None:
    """The question a block asks and any answer on its own line; None for any other block."""
    if block.kind not in (BlockKind.HEADING, BlockKind.ITEM, BlockKind.TEXT):
        return None
    text = block.text.strip()
    marked = _QUESTION_MARK.match(text)
    if marked:
        text = text[marked.end() :].strip()
        cue = _CUE_ANSWER.search(text)
        if cue:
            return _asked(text[: cue.start()]), text[cue.end() :].strip()
    if len(text.split()) > MAX_QUESTION_WORDS + 20:
        return None
    split = _ANSWER_AFTER.match(text)
    if split and (marked or block.kind is not BlockKind.TEXT or _marked_answer(block, split)):
        asked = split["question"].strip()
        answer = split["answer"].strip()
        if (
            (marked or (_ASKING.match(asked) and len(asked.split()) >= 2))
            and len(asked.split()) <= MAX_QUESTION_WORDS
            and re.search(r"\w", answer)  # ("**Why are they behind ...?**:" over its answers)
        ):
            if block.kind is BlockKind.HEADING and not marked and len(answer.split()) > 4:
                return None  # "## Why X? Causes and consequences": a title, not a cue
            if not split["mark"] and not marked and _over_its_answer(block, following):
                # "- what are the 3 types of force? weakest first" over its answer: how to answer
                return _asked(text), ""
            return _asked(asked), answer
    if len(text.split()) > MAX_QUESTION_WORDS:
        return None
    if marked:
        return (_asked(text), "") if text else None
    asks = (text.endswith("?") and _asks(text)) or _ORDER.match(text)
    if asks and _over_its_answer(block, following) and len(text.split()) >= 3:
        return _asked(text), ""  # "- Name the device that ..." over "    - thermistor"
    answered = following is not None and bool(_ANSWER_MARK.match(following.text))
    if answered and _ORDER.match(text) and len(text.split()) >= 3:
        return _asked(text), ""  # "4. Name two differences ..." over "Answer: ..."
    if not text.endswith("?") or len(text.split()) < 2:
        return None  # (a bare "why?" asks about the point above it)
    if answered or _bold_over_its_answer(block, text, following):
        return _asked(text), ""
    if _over_its_answer(block, following) and len(text.split()) >= 3:
        return _asked(text), ""  # "- shape of CO2? why?" over "    - linear, 180° ..."
    faq = (
        block.kind is BlockKind.HEADING
        and following is not None
        and following.kind is BlockKind.TEXT
        and _ASKING.match(text) is not None
    )
    return (_asked(text), "") if faq else None


def _marked_answer(block: Block, split: re.Match[str]) -> bool:
    """ "What is a meander? -> a bend in a river" on a line of its own: an answer after its
    question, written with an arrow or a mark ("A:", " - "), not a question a paragraph asks."""
    mark = (split["mark"] or "").strip()
    if not mark:
        return False
    return re.fullmatch(ARROW, mark) is not None or block.start == block.end


def _asks(text: str) -> bool:
    """ "Why does ice float?", and "BF3 breaks the octet rule - how many electrons round B?":
    a question, or a statement that leads into one after a dash."""
    cut = _top_level(text, _DASH)
    return bool(_ASKING.match(text) or (cut and _ASKING.match(_DASH.split(text[cut:], 1)[-1])))


def _asked(text: str) -> str:
    return " ".join(text.strip().split())


def exam_stem(question: str) -> bool:
    """ "Explain why ... [6 marks]", "To what extent ...?": a question an exam sets, answered
    by an essay, not by a fact to recall."""
    return bool(_MARKS.search(question) or _ESSAY_STEM.match(question))


def _answer_block(block: Block, answer: str) -> Block:
    """The answer written after its question in one block, on the line it is written on
    ("Q: Why ...?" over "A: lots of energy ..." read as one paragraph)."""
    kind = BlockKind.ITEM if block.kind is BlockKind.ITEM else BlockKind.TEXT
    level = block.level + 1 if block.kind is BlockKind.ITEM else 0
    at = block.text.rfind(answer)
    line = block.line_at(at) if at >= 0 else block.start
    return Block(kind, answer, line, max(line, block.end), level, ((0, line),))


def _region_end(blocks: list[Block], index: int, question: Block) -> int:
    """Where the question's answer ends: at the next question or heading of its rank, and an
    unmarked question's at the first block that is not below it."""
    end = index + 1
    while end < len(blocks):
        block = blocks[end]
        if block.kind is BlockKind.HEADING and (
            question.kind is not BlockKind.HEADING or block.level <= question.level
        ):
            break
        if question.kind is BlockKind.TEXT and end > index + 1 and _after_blank(blocks, end):
            break  # "Q: ..." over "A: ..." answered in its paragraph: the notes go on after it
        if (
            _bullet_asks(question)
            and (block.kind is not BlockKind.ITEM or block.level <= question.level)
            and not (end == index + 1 and _ANSWER_MARK.match(block.text))
        ):
            break  # a bullet's answer is on its line, in the bullets under it or marked below
        if _question(block, blocks[end + 1] if end + 1 < len(blocks) else None):
            break
        end += 1
    return end


def _bold_over_its_answer(block: Block, text: str, following: Block | None) -> bool:
    """ "**Why does a lamp's resistance rise as it heats up?**" in bold on its own line, its
    answer on the line below: a question the notes answer, as a heading would be."""
    return (
        block.kind is BlockKind.TEXT
        and text in block.terms
        and _ASKING.match(text) is not None
        and following is not None
        and following.kind is BlockKind.TEXT
        and following.start == block.end + 1
    )


def _over_its_answer(block: Block, following: Block | None) -> bool:
    """A bullet whose one sub-bullet is its answer (a list under a question is asked whole)."""
    return (
        block.kind is BlockKind.ITEM
        and following is not None
        and following.kind is BlockKind.ITEM
        and following.level == block.level + 1
        and not following.text.rstrip().endswith(":")
    )


def _bullet_asks(block: Block) -> bool:
    """A bullet that asks a question of its own ("- What is osmosis? - ..."), not marked as
    one of a run of questions ("Q: ..." over "A: ...")."""
    return block.kind is BlockKind.ITEM and not _QUESTION_MARK.match(block.text.strip())


def _children(blocks: list[Block], index: int) -> int:
    """How many bullets sit right under the bullet at `index`."""
    level = blocks[index].level
    count = 0
    for block in blocks[index + 1 :]:
        if block.kind is not BlockKind.ITEM or block.level <= level:
            break
        count += block.level == level + 1
    return count


def _after_blank(blocks: list[Block], index: int) -> bool:
    """Whether a blank line parts a block from the one before it."""
    return blocks[index].start > blocks[index - 1].end + 1


def _answer(question: str, region: list[Block]) -> tuple[str, int, int]:
    """The answer a card asks for, how many of the region's first blocks it is all of (they
    then need no card of their own) and the last line it comes from."""
    first = region[0]
    text = " ".join(first.text.split())
    count = _count(question)
    enumerated = bool(_ENUMERATOR.match(text))
    members = _members(region, enumerated)
    if enumerated or ((count or _plural(question)) and len(members) >= 2):
        # "a) DUKKHA - ...", "b) ANICCA - ...": the points' names answer it
        heads = [_head(block.text) for block in members]
        if 2 <= len(heads) <= MAX_LIST_ITEMS and all(heads) and len(heads) == (count or len(heads)):
            return "; ".join(heads), 0, members[-1].end
        return "", 0, 0
    if text.endswith(":"):
        return _listed(region, count)  # "A: Jesus taught us to:" over its points
    if count and len(_parts(text)) != count:
        return "", 0, 0  # a part of the answer
    text = _without_subject(text, question)
    second = _top_level(text, re.compile(r";\s"))
    if second and not count and not _plural(question):
        # "In kilopascals (kPa); pure water has ... 0 kPa": a second fact after the answer
        head = text[:second].strip()
        return (head if len(head.split()) <= MAX_ANSWER_WORDS else ""), 0, first.end
    if len(text.split()) <= MAX_ANSWER_WORDS:
        sentence = _first_sentence(text)
        if (
            sentence != text.rstrip(".")
            and len(sentence.split()) >= 3
            and sentence.count("(") == sentence.count(")")  # ("(... esp. monks)": no end)
        ):
            return sentence, 0, first.end  # "... delocalised electrons. giant metallic lattice"
        return text, 1, first.end
    denied = _said_after_denial(text)
    if denied:
        return denied, 1, first.end  # (the line's denial alone is no fact to card)
    return _shortened(text, bool(count or _plural(question))), 0, first.end


def _listed(region: list[Block], count: int) -> tuple[str, int, int]:
    """The points under an answer that leads into them ("Jesus taught us to:" over "1) love
    God ...", "2) love your neighbour ..."), when they are few and short enough for one card."""
    first = region[0]
    points: list[Block] = []
    for block in region[1:]:
        if block.kind is not BlockKind.ITEM or block.level <= first.level:
            break
        if block.level > first.level + 1:
            return "", 0, 0  # points of their own under the points: carded one by one
        points.append(block)
    texts = [" ".join(point.text.split()).rstrip(".;,") for point in points]
    if not 2 <= len(texts) <= MAX_LIST_ITEMS or (count and len(texts) != count):
        return "", 0, 0
    if any(not 1 <= len(text.split()) <= MAX_ITEM_WORDS or ";" in text for text in texts):
        return "", 0, 0
    return "; ".join(texts), 1 + len(points), points[-1].end


_WHAT_IS = lazy_regex(
    r"^(?:what|who)\s+(?:is|are|was|were)\s+(?:(?:an?|the)\s+)?(?P<thing>[^?]+?)\s*\?$", re.I
)


def _without_subject(answer: str, question: str) -> str:
    """ "What is osmosis?" answered "Osmosis is the diffusion of water ...": what it is, without
    the name the question gives."""
    asked = _WHAT_IS.match(question)
    if not asked:
        return answer
    said = re.match(
        rf"(?:(?:an?|the)\s+)?{re.escape(asked['thing'])}\s+(?:is|are|was|were|means|refers\s+to)"
        r"\s+(?=\S)",
        answer,
        re.I,
    )
    rest = answer[said.end() :] if said else answer
    return rest if len(rest.split()) >= 2 else answer


def _shortened(text: str, plural: bool) -> str:
    """A long answer cut where the student's own words allow: its first sentence, what comes
    before an elaboration (" - ...", a first comma), or the names it lists."""
    sentence = _first_sentence(text)
    if sentence != text.rstrip(".") and 2 <= len(sentence.split()) <= MAX_ANSWER_WORDS:
        return sentence
    if plural:
        names = [re.sub(r"\s*\([^()]*\)$", "", part) for part in _parts(text)]
        if 2 <= len(names) <= MAX_LIST_ITEMS and all(
            1 <= len(name.split()) <= MAX_ITEM_WORDS for name in names
        ):
            return "; ".join(names)
        return ""
    heads = []
    for cut in (_top_level(text, _DASH), _chain_cut(sentence), _outside_lists(text)):
        head = _without_aside(text[:cut].strip()) if cut else ""
        if 2 <= len(head.split()) <= MAX_ANSWER_WORDS and not re.search(r"[=:]", head):
            if text[cut:].lstrip().startswith(",") and _REASONS.match(head):
                return ""  # "because of the war, bread shortages and ...": one reason of several
            if cut == _top_level(text, _DASH):
                return head  # where the student paused
            heads.append(head)
    # the longer of the steps before an arrow and the phrase before a comma
    return max(heads, key=lambda head: len(head.split()), default="")


# "Not defined in the Act", "No single cause": what a thing is not, said before what it is
_DENIAL = lazy_regex(r"(?:not|no|never)\s", re.I)


def _said_after_denial(text: str) -> str:
    """ "Not defined in the Act - the test comes from case law: whoever has a sufficient degree
    of control over the premises" -> "whoever has ... premises": where an answer first says
    what a thing is not, what it is comes after the dash, and after the colon that leads into
    it where the whole is too long."""
    cut = _top_level(text, _DASH)
    if not cut or not _DENIAL.match(text):
        return ""
    rest = _first_sentence(text[cut:].split(maxsplit=1)[-1].strip())
    if len(rest.split()) > MAX_ANSWER_WORDS:
        rest = rest.split(": ", 1)[-1] if ": " in rest else ""
    rest = rest.strip().rstrip(".;,")
    if not 2 <= len(rest.split()) <= MAX_ANSWER_WORDS:
        return ""
    return rest[:1].upper() + rest[1:]


_ARROW_MARK = lazy_regex(rf"\s{ARROW}\s")
# ", O or F": a comma between the items of a list, not after a phrase
_LIST_COMMA = lazy_regex(
    r",\s*[^\s,()]+(?:\s+[^\s,()]+)?\s+(?:or|and)\s+[^\s,()]+(?=\s*[,.;()]|\s*$)"
)


def _outside_lists(text: str) -> int:
    """Where the first comma outside brackets ends a phrase: "H bonded to N, O or F (very
    electronegative), and a lone pair ..." is cut after "F (very electronegative)"."""
    for found in re.finditer(",", text):
        before = text[: found.start()]
        if before.count("(") != before.count(")") or before.count('"') % 2:
            continue
        if not _LIST_COMMA.match(text, found.start()):
            return found.start()
    return 0


def _chain_cut(text: str) -> int:
    """The last arrow of a chain ("more electrons → stronger London forces → more energy to
    overcome") before which the answer is short enough to recall: the steps that explain it."""
    cuts = [
        found.start()
        for found in _ARROW_MARK.finditer(text)
        if len(_without_aside(text[: found.start()]).split()) <= MAX_ANSWER_WORDS
        and text[: found.start()].count("(") == text[: found.start()].count(")")
    ]
    return cuts[-1] if cuts else 0


def _without_aside(text: str) -> str:
    """ "bigger charges (and are smaller)" -> "bigger charges", when the aside makes the answer
    too long to recall."""
    if len(text.split()) <= MAX_ANSWER_WORDS:
        return text
    return re.sub(r"\s*\([^()]*\)$", "", text)


MAX_MEANING_WORDS = 25  # a definition asked for its term: a prompt a reader takes in at once
# "Define a covalent bond", "What is an ionic bond?", "what's a dative bond?", "metallic bonding?"
_DEFINE = lazy_regex(
    r"^(?:define|what\s+is|what's|what\s+are|what\s+does)\s+(?P<term>(?:(?:a|an|the)\s+)?[^?]{2,50}?)"
    r"(?:\s+mean)?\s*[?.]?$",
    re.I,
)


def _defined_term(question: str) -> str:
    """The term a question asks the meaning of ("A covalent bond"), or ""."""
    match = _DEFINE.match(question.strip())
    if not match or len(match["term"].split()) > MAX_ITEM_WORDS:
        return ""
    term = match["term"].strip()
    return term[:1].upper() + term[1:]


def _first_sentence(text: str) -> str:
    """An answer's first sentence: notes often go on in lower case after a full stop ("giant
    ionic lattice. each Na+ surrounded by ..."), but never after an abbreviation ("e.g.")."""
    return _SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".")


_SENTENCE_END = lazy_regex(
    r"(?<=[.!?])\s+(?=[A-Z])|(?<=[a-z0-9)][a-z0-9)]\.)\s+(?=[a-z])"
    r"|(?<=[a-z0-9)][a-z0-9)]\.|\s\d\.)\s+(?=\()"  # "only 6. (electron deficient ...)"
)


# an answer that opens on a reason or a way: what follows its first comma is more of the same
_REASONS = lazy_regex(r"(?:because|as|since|due\s+to|owing\s+to|by|through|so)\b", re.I)


_DASH = lazy_regex(r"\s(?:[-\u2013\u2014]|->)\s")


def _top_level(text: str, mark: re.Pattern[str]) -> int:
    """Where `mark` first occurs outside brackets and quotation marks; 0 when it does not."""
    for found in mark.finditer(text):
        before = text[: found.start()]
        if before.count("(") == before.count(")") and before.count('"') % 2 == 0:
            return found.start()
    return 0


def _plural(question: str) -> bool:
    """ "What are the ...?", "Types of meditation?", "Festivals?": the answer is several things."""
    asked = re.sub(r"\([^()]*\)", "", question).strip(" ?")
    if re.match(r"(?:what|which|who)\s+(?:are|were)\b|(?:name|list)\b", asked, re.I):
        return True
    if _ASKING.match(asked):
        return False
    head = re.split(r"\s+of\s+", asked, maxsplit=1)[0].split()
    if not head:
        return False
    noun = head[0] if len(re.split(r"\s+of\s+", asked, maxsplit=1)) > 1 else head[-1]
    return bool(re.search(r"[^su]s$", noun, re.I)) and len(asked.split()) <= 5


def _count(question: str) -> int:
    """ "What are the Five Aggregates?" -> 5: how many things the question asks for."""
    found = _COUNT.search(question)
    if not found:
        return 0
    return counted(found["n"])


def _parts(text: str) -> list[str]:
    """The answer's items at its top level: "Buddha, Dhamma (his teaching), Sangha"."""
    parts, depth, start = [], 0, 0
    for position, char in enumerate(text):
        depth += char == "("
        depth -= char == ")"
        if depth == 0 and char in ",;":
            parts.append(text[start:position].strip())
            start = position + 1
    parts.append(text[start:].strip())
    if len(parts) > 1:
        parts[-1] = re.sub(r"^(?:and|or)\s+", "", parts[-1])
    elif _top_level(text, _RANKED):
        # "London forces < dipole-dipole < hydrogen bonding": things put in order
        parts = [part.strip() for part in _RANKED.split(text)]
    return [part for part in parts if part]


_RANKED = lazy_regex(r"\s[<>]\s")


def _members(region: list[Block], enumerated: bool) -> list[Block]:
    """The answer's own points: the lettered or numbered lines of an answer that opens with
    "a)", or the lines shaped as its first one is ("WISDOM (panna): ...", "ETHICS (sila): ...")."""
    first = region[0]
    if enumerated:
        first = replace(first, text=_ENUMERATOR.sub("", first.text, count=1))
        return [first, *(block for block in region[1:] if block.ordered)]
    mark = _separator(first.text)
    if not mark:
        return []
    return [
        block
        for block in region
        if _separator(block.text) == mark and not re.match(r"^\W", block.text)
    ]


def _separator(text: str) -> str:
    """ "=" in "samsara = cycle of ...", "-" in "WESAK (Vesak) - Theravada ...": the mark
    between a point's name and what is said of it, outside brackets."""
    cut = _top_level(text, _HEAD)
    if not cut and not _HEAD.match(text):
        return ""
    found = _HEAD.match(text, cut)
    mark = found.group().strip() if found else ""
    return "-" if mark in ("\u2013", "\u2014") else mark


def _head(text: str) -> str:
    """ "DUKKHA - suffering, three types:" -> "DUKKHA": the name a point opens on."""
    head = _HEAD.split(_ENUMERATOR.sub("", text.strip(), count=1), maxsplit=1)[0]
    head = head.strip().rstrip(".:;,")
    return head if 1 <= len(head.split()) <= MAX_ITEM_WORDS else ""
