"""Boilerplate and repeats: what a saved web page or export carries that is not the notes.

Navigation bars, newsletter boxes, share links, copyright lines, "3 min read", "Related Posts" and
a site's own blurb never become cards, and a paragraph that a page repeats yields its cards once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from revise.formats.model import normalise
from revise.generation.document import Block, BlockKind, Document, ends_scope
from revise.generation.language import TEXT_CACHE_SIZE
from revise.generation.patterns import Guarded, lazy_regex

_SHORT_BOILERPLATE = lazy_regex(
    r"""^(
        close|menu|search|home|share|tweet|pin\ it|print|e-?mail:?|next|previous|prev|more
        |top|back\ to\ top|skip\ to(\ main)?\ content|read\ more|continue\ reading|advertisement
        |sponsored|log\ ?in|sign\ ?in|sign\ ?up|register|subscribe(\ now)?|follow\ us.*
        |related(\ posts|\ articles|\ stories|\ content|\ reading)?|you\ (may|might)\ also\ like
        |recommended(\ for\ you)?|popular\ posts|recent\ posts|most\ read|trending
        |tags?:.*|categories:?.*|filed\ under:?.*|leave\ a\ (comment|reply)|comments?(\ \(\d+\))?
        |\d+\ comments?|share\ (this|on).*|posted\ (by|on|in)\ .*|written\ by\ .*
        |updated:.*|published:.*|photo:.*|image:.*|source:\ https?\S*|created\ with\ .*
        |table\ of\ contents|contents|on\ this\ page|in\ this\ article|cookies?.*|accept(\ all)?
        |.*\bnewsletter.*|.*\bsubscribe\b.*|.*\bunsubscribe\b.*
    )$""",
    re.I | re.X,
)
_ANY_BOILERPLATE = Guarded(
    lazy_regex(
        r"""\b\d+\s*(-\s*)?min(ute)?s?\s+read\b|copyright\b|©|all\ rights\ reserved
    |\bprivacy\ policy\b|\bterms\ (of\ (use|service)|and\ conditions)\b
    |\bcookie\ (policy|settings)\b
    |\b(on|via)\ (facebook|twitter|instagram|linkedin|youtube|pinterest|tiktok|whatsapp|reddit)\b
    |\bclick\ here\b|\bsign\ up\ for\b|\bnewsletter\b|\(more\)\s*$""",
        re.I | re.X,
    )
)
# Site furniture such as "North Korea Index": a link to a list of pages, not a heading.
_INDEX_LINK = lazy_regex(r"^([A-Z][\w'\u2019-]*\s+){1,4}Index$")
_LINK = Guarded(lazy_regex(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.[\w.]+\b", re.I))
_DOMAIN = Guarded(
    lazy_regex(r"\b([a-z0-9][a-z0-9-]*)\.(?:com|org|net|info|io|co\.uk|edu|gov|biz)\b", re.I)
)
_QUOTED = lazy_regex(r'"[^"]*"|\u201c[^\u201d]*\u201d')


def without_quotations(text: str) -> str:
    """The text with what it quotes left empty: a quotation's words are someone else's."""
    return _QUOTED.sub('""', text)


_SEPARATORS = lazy_regex(r"\s[|·•]\s|\s»\s|\s/\s")

SHORT_WORDS = 15  # a line this short may be a menu entry, a button or a heading
LONG_WORDS = 40  # a block longer than this is never the page's furniture
_SIDES = lazy_regex(r"\s[-\u2013\u2014]\s")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_boilerplate(text: str) -> bool:
    """True for a line or block that belongs to the page around the notes, not the notes."""
    stripped = text.strip()
    if not stripped:
        return True
    count = len(stripped.split())
    if count > LONG_WORDS:
        return False  # a paragraph, whatever it links to or mentions
    unquoted = without_quotations(stripped)  # "I have no spur / To prick ...": verse, no menu
    # (but "luego / después - then / afterwards" is a phrase and its meaning: no menu)
    sides = _SIDES.split(unquoted)
    if any(_is_menu(side) for side in sides):
        return True
    if count <= SHORT_WORDS and (_SHORT_BOILERPLATE.match(stripped) or _INDEX_LINK.match(stripped)):
        return True
    if _ANY_BOILERPLATE.search(stripped):
        return True
    return count <= SHORT_WORDS and bool(_LINK.search(stripped))


MENU_ENTRY_WORDS = 4  # "Home | About us | Contact": a menu's inner entries are this short


def _is_menu(text: str) -> bool:
    """ "Home | Blog | Contact", "Science » Biology » Kidneys": entries between separators.
    A " / " also joins alternatives in a sentence ("bringing glucose / amino acids with it
    (secondary active transport / co-transport)"): there, an entry between two of them is
    longer than a menu's; and a " / " between the sides of an equation divides."""
    entries = _SEPARATORS.split(f" {text} ")
    if len(entries) < 3:
        return False
    inner = entries[1:-1]
    slashed = all(separator.strip() == "/" for separator in _SEPARATORS.findall(f" {text} "))
    if slashed and "=" in text:
        return False  # "Irms = I0 / √2   Vrms = V0 / √2": formulas that divide, no menu
    if slashed and _shouted(text):
        return False  # "GENDER / MASCULINITY / LADY MACBETH": themes a heading joins, shouted
    return not slashed or all(len(entry.split()) <= MENU_ENTRY_WORDS for entry in inner)


MAX_JOINING_LETTERS = 3  # "APPEARANCE v REALITY", "CAUSES and EFFECTS": a short word joins


def _shouted(text: str) -> bool:
    """Words in capitals, bar the short words that join them."""
    shouted = [word for word in re.findall(r"[^\W\d_]+", text) if not word.islower()]
    joining = [word for word in re.findall(r"[^\W\d_]+", text) if word.islower()]
    return (
        bool(shouted)
        and all(word.isupper() for word in shouted)
        and all(len(word) <= MAX_JOINING_LETTERS for word in joining)
    )


def has_web_address(text: str) -> bool:
    """A web address or an e-mail anywhere in the text."""
    return bool(_LINK.search(text))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def has_link(text: str) -> bool:
    """A sentence carrying a web address or e-mail is about the page, not the subject."""
    return bool(_LINK.search(text) or _DOMAIN.search(text))


def site_names(text: str) -> set[str]:
    """Names of the sites a saved page mentions ("mongabay" for MONGABAY.COM)."""
    return {match[1].casefold() for match in _DOMAIN.finditer(text)}


def clean_document(document: Document) -> Document:
    """Drop boilerplate blocks, blocks about the site itself, and repeated blocks."""
    sites = set()
    for block in document.blocks:
        sites |= site_names(block.text)
    site_word = re.compile(r"\b(" + "|".join(map(re.escape, sorted(sites))) + r")\b", re.I)
    kept: list[Block] = []
    seen: set[str] = set()
    for block in document.blocks:
        if ends_scope(block):
            kept.append(block)  # the end of a toggle
            continue
        if is_boilerplate(block.text) and block.kind is not BlockKind.ROW:
            continue
        about_site = sites and (site_word.search(block.text) or has_link(block.text))
        if about_site and (block.kind is not BlockKind.TEXT or len(block.text.split()) <= 60):
            continue
        key = normalise(block.text)
        if block.kind is not BlockKind.HEADING and len(key.split()) >= 6:
            if key in seen:
                continue
            seen.add(key)
        kept.append(block)
    bare = {
        id(block)
        for index, block in enumerate(document.blocks)
        if block.kind is BlockKind.HEADING and not _has_content_below(document.blocks, index)
    }
    return Document(document.title, _drop_empty_headings(_without_advice_sections(kept), bare))


# "2.1 ", "4.3.2 ", "3. ", "2) ": the number of a section, which orders the notes and is no part
# of what a heading names
SECTION_NUMBER = lazy_regex(r"^(?P<number>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")
_HEADING_NUMBER = lazy_regex(rf"{SECTION_NUMBER.pattern}|^\d{{1,2}}[.)]\s+(?=\S)")


def without_heading_numbers(document: Document) -> Document:
    """The document with its headings named without their section numbers ("## 4.1 Data
    types" is "Data types" as a card's context)."""
    return Document(document.title, [_unnumbered(block) for block in document.blocks])


def _unnumbered(block: Block) -> Block:
    number = _HEADING_NUMBER.match(block.text) if block.kind is BlockKind.HEADING else None
    if not number:
        return block
    cut = number.end()
    breaks = tuple((max(offset - cut, 0), line) for offset, line in block.breaks)
    return replace(block, text=block.text[cut:], breaks=breaks)


def _drop_empty_headings(blocks: list[Block], bare: set[int]) -> list[Block]:
    """A heading whose section lost everything (a repeated copy, a link list) goes too. One that
    never headed anything (`bare`, by id) but names a thing and says what it is ("String
    quartet: 2 violins, viola, cello", "Rondo form = ABACA") is a line of the notes, read as one
    for a heading only by its shape."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING and not _has_content_below(blocks, index):
            if id(block) in bare and STATED_LINE.match(block.text):
                kept.append(replace(block, kind=BlockKind.TEXT, level=0))
            continue
        kept.append(block)
    return kept


# "String quartet: 2 violins, viola, cello": a name, then what it is, in two words or more
STATED_LINE = lazy_regex(r"^[^:=]{2,60}?\s?(?::|\s=)\s+\S+\s+\S")


def _has_content_below(blocks: list[Block], index: int) -> bool:
    level = blocks[index].level
    for block in blocks[index + 1 :]:
        if block.kind is not BlockKind.HEADING:
            return True
        if block.level <= level:
            return False
    return False


# "EXAM TIP", "Top tip 2", "REMEMBER!", "Common mistake": the label of one boxed tip
_BOX_LABEL = lazy_regex(
    r"^\W*(?:(?:exam|top|examiner'?s?|revision)\s+)?(?:tip|hint|remember|watch out|warning"
    r"|common (?:mistake|error))\b[\W\d]*$",
    re.I,
)


def _without_advice_sections(blocks: list[Block]) -> list[Block]:
    """A section headed as exam technique, tips, an essay plan or a to-do list goes, with all
    below it up to the next heading of its rank or above (or any heading after the lines of its
    own, or the blank line after a boxed tip's lines); a line that opens on such a label goes
    ("Tip: ..."), and after one in capitals ("EXAM TECHNIQUE -> ..."), the lines up to the next
    heading."""
    from revise.generation.content import ADVICE_LEAD, ADVICE_SECTION

    kept: list[Block] = []
    dropping = 0  # the level of the advice heading being dropped, 0 when none is
    told = False  # a line has come since the last heading
    led = False  # "EXAM TECHNIQUE -> ...": a heading in capitals run into its line, and the
    # lines after it up to the next heading
    boxed = False  # the advice heading labels one tip: its lines are one run, a box
    last = 0  # the last line of the block before
    for block in blocks:
        if dropping and boxed and told and block.start > last + 1:
            dropping = 0  # "EXAM TIP" over its lines, then a blank line: the notes go on
        last = block.end
        if block.kind is BlockKind.HEADING:
            led = led and ends_scope(block)  # (the end of a box is no heading)
            if dropping and block.level > dropping and not told:
                continue
            # ("EXAM TIP" over its lines, then "5.2 Weight and mass": a heading deeper than the
            # tip's, after the tip's own text, is the notes going on; exam technique opening
            # straight onto "Paper 1" heads that part of itself)
            dropping = block.level if ADVICE_SECTION.search(block.text) else 0
            boxed = bool(dropping and _BOX_LABEL.match(block.text))
            told = False
        else:
            told = True
        lead = ADVICE_LEAD.match(block.text)
        led = led or bool(lead and not any(char.islower() for char in lead[0]))
        if not dropping and not led and not lead:
            kept.append(block)
    return kept
