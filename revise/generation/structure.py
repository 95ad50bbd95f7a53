"""From blocks to passages: each fact with its heading trail, lists with what introduces them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from revise.generation.card_limits import MAX_LIST_ITEMS
from revise.generation.document import Block, BlockKind, Document, ends_scope
from revise.generation.grammar import present_tense_verb
from revise.generation.language import ARROW, EXAMPLE_LINE, is_verb_form, words
from revise.generation.patterns import lazy_regex

FACT_HEADING_WORDS = 7
LIST_COUNT = lazy_regex(
    r"\b(\d+|two|three|four|five|six)\s+(?:main\s+|key\s+|important\s+)?"
    r"(reasons|ways|factors|causes|things|aims|points|stages|phases|types|effects|results"
    r"|consequences|features|steps|parts|kinds|methods|problems|goals|examples)\b\W*$",
    re.I,
)
_CONTINUATION = lazy_regex(r"\s+[-\u2013\u2014]\s+")


@dataclass
class Passage:
    """A paragraph, a list item or a table row, under its headings.

    `label` is what the passage sits under inside its section: the bullet it is a sub-bullet of,
    or a bold line the author put above it ("**Indirect approaches**").
    """

    block: Block
    trail: tuple[str, ...]
    label: str = ""
    label_line: int = 0  # where the label is in the notes, for cards whose answer it holds


@dataclass
class ListGroup:
    """Items introduced by a lead: a bullet ending in ':' or a heading with a list under it."""

    lead: Block
    items: list[Block]
    trail: tuple[str, ...]  # the headings above the lead (a heading lead is not included)
    lead_is_heading: bool = False
    label: str = ""  # what the lead itself sits under


@dataclass
class Outline:
    title: str
    parts: list[Passage | ListGroup] = field(default_factory=list)


def outline(document: Document) -> Outline:
    """Walk the blocks keeping a stack of open headings; group lists under their leads."""
    result = Outline(document.title)
    stack: list[tuple[int, str, int]] = []  # level, text and line of each open heading
    parents: list[Block] = []  # the open bullets above the current one
    bold_label = ""
    bold_line = 0
    naming = False  # the label is a plain line naming only the list right below it
    held = ""  # a bold label that a plain line below it named a list under: still over it
    blocks = document.blocks
    listed: set[int] = set()  # items a heading's list card holds
    of_what = ""  # what the section's last lead was of: "e-commerce" in "Advantages of ..."
    index = 0
    while index < len(blocks):
        block = blocks[index]
        trail = tuple(text for _, text, _ in stack) + ((held,) if held else ())
        if ends_scope(block):
            # the end of a toggle: what follows is under the headings above it again
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            parents.clear()
            naming, held, of_what, bold_label = False, "", "", ""
            index += 1
            continue
        if block.kind is BlockKind.HEADING or is_label(block):
            parents.clear()
            naming = False
            held = ""
            of_what = ""
            bold_label = block.text.rstrip(" :") if block.kind is not BlockKind.HEADING else ""
            bold_line = block.start
            if bold_label:
                index += 1
                continue
            items = [] if block.answer else _items_under_heading(blocks, index)
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            if block.answer:
                # the student's own question ("What were the Four Sights?") with its answer
                result.parts.append(Passage(block, tuple(text for _, text, _ in stack)))
            if items:
                result.parts.append(
                    ListGroup(block, unlettered(items), tuple(t for _, t, _ in stack), True)
                )
                listed.update(id(item) for item in items)
                index += 1 if blocks[index + 1] is not items[0] else len(items) + 1
                stack.append((block.level, block.text, block.start))
                continue
            if names_dated_event(block.text) and not block.answer:
                # "## The Korean War (1950-1953)": when the event was, asked under the headings
                # above it, where the event is not the answer
                result.parts.append(Passage(block, tuple(text for _, text, _ in stack)))
            elif states_a_fact(block.text) and not block.answer:
                # "#### The net force on an object equals its mass times its acceleration":
                # a heading that is itself a fact is carded under the headings above it.
                above = stack[-1] if stack else (0, "", 0)
                trail = tuple(text for _, text, _ in stack[:-1])  # the name is the answer
                result.parts.append(Passage(block, trail, above[1], above[2]))
            stack.append((block.level, block.text, block.start))
            index += 1
            continue
        if id(block) in listed:
            index += 1  # an item of the list its heading asks for, past the paragraph above it
            continue
        if block.kind is BlockKind.ITEM:
            while parents and parents[-1].level >= block.level:
                parents.pop()
            label = parents[-1].text if parents else bold_label
            line = parents[-1].start if parents else bold_line
            trail = (*trail, *_branch_names(parents[:-1]))
            children = _children(blocks, index)
            if children:
                result.parts.append(ListGroup(block, unlettered(children), trail, label=label))
                index += len(children) + 1
                continue
            result.parts.append(Passage(block, trail, label, line))
            parents.append(block)
            index += 1
            continue
        if block.kind is BlockKind.FORMULA and block.level and parents:
            # a display formula set inside a bullet: under that bullet, which goes on after it
            while parents and parents[-1].level >= block.level:
                parents.pop()
            label = parents[-1].text if parents else bold_label
            line = parents[-1].start if parents else bold_line
            result.parts.append(Passage(block, trail, label, line))
            index += 1
            continue
        parents.clear()
        if naming:
            bold_label, naming = "", False  # the list a plain line named has ended
        items = _items_after_lead(blocks, index)
        if items:
            block, of_what = _lead_of(block, of_what)
        if not items and _names_items_below(block, blocks[index + 1 : index + 2]):
            # "Equilibrium" over "- where Qd = Qs -> market clears": the items' label, under
            # the bold label over both ("**Case study: Lyme Regis**" over "Scheme, 1995-2015")
            if bold_label and not naming:
                held = bold_label
                trail = (*trail, held)
            bold_label, bold_line, naming = block.text.rstrip(" :"), block.start, True
            index += 1
            continue
        if items:
            # "The demand for a currency will be determined by:" over a numbered list.
            result.parts.append(ListGroup(block, unlettered(items), trail, label=bold_label))
            index += len(items) + 1
            continue
        result.parts.append(Passage(block, trail, bold_label, bold_line))
        if _leads_long_list(block, blocks[index + 1 : index + 2]):
            # "Product life cycle (PLC) - stages a product goes through:" over more stages than
            # one card could list: a fact of its own, and what each stage below it is a stage
            # of, under the bold label over both
            if bold_label:
                held = bold_label
            bold_label, bold_line, naming = block.text, block.start, True
        index += 1
    return result


_LETTER = lazy_regex(r"^\(?(?P<letter>[a-hA-H]|i{1,3}|iv|v|vi{1,3})\)\s+(?=\S)")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")


def unlettered(items: list[Block]) -> list[Block]:
    """ "a) where there are 2 conflicting decisions ...", "b) ...", "c) ...": items the student
    lettered in order, without their letters, which are no part of any fact. Items not lettered
    one after another ("a) ...", "c) ...") are kept as they are."""
    found = [_LETTER.match(item.text) for item in items]
    if len(items) < 2 or not all(found):
        return items
    letters = [match["letter"].casefold() for match in found if match]
    alphabet = _ROMAN if letters[0] == "i" and letters[1:2] == ["ii"] else "abcdefgh"
    if list(alphabet[: len(letters)]) != letters:
        return items
    cuts = [match.end() if match else 0 for match in found]
    return [_without_start(item, cut) for item, cut in zip(items, cuts, strict=True)]


def _without_start(block: Block, cut: int) -> Block:
    """The block with its first `cut` characters gone, its line breaks moved with its text."""
    breaks = tuple((max(offset - cut, 0), line) for offset, line in block.breaks)
    return replace(block, text=block.text[cut:], breaks=breaks)


MAX_BRANCH_NAME_WORDS = 6
BRANCH_NAMES = 2  # the branches nearest a point that a card shows above its parent bullet


def _branch_names(ancestors: list[Block]) -> tuple[str, ...]:
    """ "Cosmological" > "Aquinas" above "5 Ways" above "Unmoved mover" in a mind map: the
    bullets above a point's parent that name a branch (short, no verb, no fact of their own),
    nearest last; they head the point as headings would."""
    names = []
    for ancestor in ancestors:
        text = ancestor.text.strip().rstrip(":").strip()
        tokens = words(text)
        if not 1 <= len(tokens) <= MAX_BRANCH_NAME_WORDS or re.search(rf"[=?;]|{ARROW}", text):
            continue
        if _CONTINUATION.search(text) or any(
            is_verb_form(token) and not token.endswith("ing") for token in tokens
        ):
            continue
        names.append(text)
    return tuple(names[-BRANCH_NAMES:])


def owned_trail(group: ListGroup) -> tuple[str, ...]:
    """The headings over a list's items, with what its lead belongs to: "- findings:" under
    "**Harlow (1958)**" gives its items the trail "... > Harlow (1958)", and the lead
    ("findings") is then their label, so no card loses whose finding it is."""
    from revise.formats.model import normalise
    from revise.generation.plaintext import GENERIC_SECTIONS

    if not group.label or group.label in group.trail:
        return group.trail
    if normalise(group.label.rstrip(" :")) in GENERIC_SECTIONS:
        return group.trail  # "Background" over the topics below it: no owner of a point
    return (*group.trail, group.label)


# "(-) ethics - ...", "weakness: only one city": a point against (or for) what the notes study
_VERDICT = lazy_regex(
    r"^\s*(?:\((?P<sign>[+-])\)|(?P<word>strengths?|weakness(?:es)?|limitations?|criticisms?"
    r"|support(?:ing evidence)?|against|evidence against)"
    r"\s*[:\u2013\u2014-])\s*(?=\S)",
    re.I,
)
_SECTION_LABELS = frozenset(
    ["findings", "finding", "procedure", "procedures", "ao3", "criticism", "criticisms",
     "conclusion", "conclusions", "results", "result", "evaluation", "strengths", "weaknesses"]
)  # fmt: skip


def judged(sentence: str, passage: Passage) -> str:
    """A strength or weakness said of what it is about: "(-) ethics — serious harm" under
    "Harlow (1958)" > "evaluation:" -> "A weakness of Harlow (1958): ethics — serious harm".
    "" where it has no such mark or sits under nothing it could be of."""
    match = _VERDICT.match(sentence)
    if not match:
        return ""
    held = (passage.label, *reversed(passage.trail))
    owner = next((text for text in held if names_a_thing(text)), "")
    if not owner:
        return ""
    word = (match["word"] or "").casefold()
    if re.match(r"support|against|evidence", word):
        # "Support: ..." is evidence for the theory right above it, and only that one
        nearest = next((text for text in held if text.strip()), "")
        if (
            owner != nearest
            or "?" in owner
            or not sentence[match.start() : match.end()].rstrip().endswith(":")
        ):
            return ""
    # ("Support: ..." is evidence for a theory, a strength of it; "Against: ..." a weakness)
    against = (
        match["sign"] == "-" if match["sign"] else not word.startswith(("strength", "support"))
    )
    rest = sentence[match.end() :]
    owner = owner.strip().rstrip(":").strip()
    head = words(re.sub(r"\s*\([^()]*\)\s*$", "", owner))[-1:]
    if head and head[0].islower() and not re.match(r"(?:the|a|an)\b|.*'s\b", owner, re.I):
        owner = f"the {owner}"  # "the Multi-store model", but "Harlow (1958)", "Bowlby's theory"
    return f"A {'weakness' if against else 'strength'} of {owner}: {rest}"


def names_a_thing(text: str) -> bool:
    """A heading or label that names a study or a theory, not a part of one ("findings")."""
    from revise.generation.language import LABEL_WORDS, is_stopword

    tokens = [token.casefold() for token in words(text.strip().rstrip(":"))]
    content = [token for token in tokens if not is_stopword(token)]
    return bool(content) and not all(
        token in LABEL_WORDS or token in _SECTION_LABELS for token in content
    )


_LEAD_OF = lazy_regex(r"^(?P<kind>[A-Za-z]+)\s+of\s+(?P<thing>[^:]{2,60}):$")


def _lead_of(lead: Block, of_what: str) -> tuple[Block, str]:
    """ "Disadvantages:" after "Advantages of e-commerce:" is "Disadvantages of e-commerce:";
    the lead as it reads, and what the section's leads are now of."""
    text = lead.text.strip()
    named = _LEAD_OF.match(text)
    if named:
        return lead, named["thing"]
    if of_what and re.fullmatch(r"[A-Za-z]+s:", text):
        return replace(lead, text=f"{text[:-1]} of {of_what}:"), of_what
    return lead, ""


def states_a_fact(text: str) -> bool:
    """A heading written as a full sentence: a law, a rule, a finding."""
    from revise.generation.grammar import split_clause

    tokens = words(text)
    if len(tokens) < FACT_HEADING_WORDS:
        return False
    return text.rstrip().endswith(".") or split_clause(text.rstrip(".")) is not None


def names_dated_event(text: str) -> bool:
    """A heading that names an event and its dates ("The Korean War (1950-1953)"): when the
    event was is a fact the heading alone tells."""
    from revise.generation.events import dated_name

    return dated_name(text) is not None


def is_label(block: Block) -> bool:
    """A short paragraph that is all bold: the author's label for what follows."""
    if block.kind is not BlockKind.TEXT or not block.terms:
        return False
    text = block.text.strip().rstrip(":").strip()
    # ("**Light-independent reaction** (stroma)": all bold but an aside in brackets)
    bare = re.sub(r"\s*\([^()]*\)$", "", text).rstrip(":").strip()
    return len(text.split()) <= 10 and any(
        term.strip().rstrip(":").strip() in (text, bare) for term in block.terms
    )


MAX_NAMING_WORDS = 12


def _names_items_below(block: Block, following: list[Block]) -> bool:
    """A short line without a verb right above a list ("Consumer + producer surplus", or
    "Pricing strategies:" over more items than one card could list): what the items are
    about, as a bold label would be."""
    if block.kind is not BlockKind.TEXT or not following:
        return False
    below = following[0]
    if below.kind is not BlockKind.ITEM or below.start != block.end + 1:
        return False
    text = block.text.strip()
    tokens = words(text)
    if not 1 <= len(tokens) <= MAX_NAMING_WORDS or text.endswith((".", "!", "?")):
        return False
    if re.search(rf":|{ARROW}", text.removesuffix(":")):
        return False  # "overall eqn: 6CO2 + 6H2O -> ...": a fact of its own
    if text.endswith(":") and len(tokens) < 2:
        return False  # "Rules:" names no thing; "Pricing strategies:" does
    # ("Pricing strategies:": an "-ing" word before a noun names a kind of thing)
    return not any(
        is_verb_form(token) and not (token.casefold().endswith("ing") and text.endswith(":"))
        for token in tokens
    )


def names_kind_of_point(block: Block, following: list[Block]) -> bool:
    """ "Causes of faster erosion on some coasts" right above its bullets: a line without a
    verb that opens on the kind of point the bullets are (causes, effects, advantages)."""
    from revise.generation.language import LABEL_WORDS

    first = words(block.text)[:1]
    return (
        bool(first)
        and first[0].casefold() in LABEL_WORDS
        and first[0].casefold().endswith("s")
        and _names_items_below(block, following[:1])
    )


def _children(blocks: list[Block], index: int) -> list[Block]:
    """The items one level deeper right after an item that introduces them.

    An item introduces a list when it ends in ":", announces a count ("for 2 reasons") or is a
    short verbless label; a full statement with sub-points below keeps them as facts of their own.
    """
    lead = blocks[index]
    if not introduces_list(lead.text):
        return []
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is not None and EXAMPLE_LINE.match(following.text):
        return []  # "Q = I x t" over an example of it: a fact, no lead
    children = []
    for block in blocks[index + 1 :]:
        if block.kind is not BlockKind.ITEM or block.level <= lead.level:
            break
        if block.level == lead.level + 1:
            children.append(block)
        else:
            return []  # deeper nesting: treat the items one by one
    return children


def _items_after_lead(blocks: list[Block], index: int) -> list[Block]:
    """The short list right after a paragraph that ends in ":", when nothing nests inside it."""
    lead = blocks[index]
    if lead.kind is not BlockKind.TEXT:
        return []
    following = blocks[index + 1 : index + 2]  # (the next block: all it is asked of)
    if not lead.text.rstrip().endswith(":") and not names_kind_of_point(lead, following):
        return []
    items = []
    for block in blocks[index + 1 :]:
        if block.kind is not BlockKind.ITEM:
            break
        if block.level != 0:
            return []
        items.append(block)
    return items if 2 <= len(items) <= MAX_LIST_ITEMS else []


def _leads_long_list(block: Block, following: list[Block]) -> bool:
    """A paragraph ending in ":" right above a list: what the list's items belong to ("Rules:"
    names no thing)."""
    if block.kind is not BlockKind.TEXT or not block.text.rstrip().endswith(":"):
        return False
    if len(words(block.text)) < 2:
        return False
    return bool(following) and following[0].kind is BlockKind.ITEM and following[0].level == 0


def _items_under_heading(blocks: list[Block], index: int) -> list[Block]:
    """A heading whose whole section is a short list of short items ("Functions of the liver")."""
    heading = blocks[index]
    items: list[Block] = []
    start = index + 1
    lead = blocks[start] if start < len(blocks) else None
    if lead and names_kind_of_point(lead, blocks[start + 1 :]):
        return []  # "Causes of faster erosion" over its list: the list's own lead
    if lead and lead.kind is BlockKind.TEXT and not lead.text.rstrip().endswith(":"):
        start += 1  # "A limiting factor is ..." over "Light intensity", "Temperature", ...
    for block in blocks[start:]:
        if block.kind is BlockKind.HEADING and block.level <= heading.level:
            break
        if block.kind is BlockKind.ITEM and block.level == 0:
            items.append(block)
            continue
        if items and start > index + 1 and block.kind is BlockKind.TEXT:
            break  # the section goes on below its list
        return []
    if not 2 <= len(items) <= MAX_LIST_ITEMS:
        return []
    heads = [item_head(item.text) for item in items]
    if heading.text.rstrip().endswith("?"):
        # "Why did Khrushchev put missiles on Cuba?" over its four reasons: the answers
        longest = max(len(words(re.sub(r"\([^()]*\)", "", head))) for head in heads)
        return items if longest <= MAX_ANSWER_HEAD_WORDS else []
    if all(
        head != item.text.strip().rstrip(".;,:") and not item.terms
        for head, item in zip(heads, items, strict=True)
    ):
        return []  # "el billete - ticket", "osmosis - ...": each term with its meaning a fact
    if any(
        len(head.split()) > 6 or item.text.endswith(".")
        for head, item in zip(heads, items, strict=False)
    ):
        return []
    if any(
        is_verb_form(word) and not word.endswith("ing") for head in heads for word in words(head)
    ):
        return []  # the items state facts: each gets its own card
    return items


MAX_ANSWER_HEAD_WORDS = 10  # an answer to the notes' own question, before its " - " gloss


def introduces_list(text: str) -> bool:
    text = re.sub(r"\s*\(\?\)$", "", text.strip())  # "... marches on Petrograd(?)": a doubt
    if text.endswith((":", "?")) or LIST_COUNT.search(text):
        return True  # ("Why did Khrushchev put missiles on Cuba?" over its answers)
    tokens = words(text)
    if present_tense_verb(text):
        return False  # "Insulin lowers the blood glucose level": a claim, its points its own
    return len(tokens) <= 8 and not any(
        is_verb_form(token) and not token.endswith("ing") for token in tokens
    )


def item_head(text: str) -> str:
    """An item's first part, before the note-taker's " - " elaboration."""
    return _CONTINUATION.split(text, maxsplit=1)[0].strip().rstrip(".;,:")
