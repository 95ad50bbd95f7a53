"""The shape of a table as a whole: which axis holds the things compared and which their
attributes, which column gives examples, which cells are ticks. Rows come in one at a time;
what only the whole table shows (every cell short, a tick mark used elsewhere) is read here
from all the rows under the same header."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from revise.formats.model import normalise
from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.definition_facts import definition_facts
from revise.generation.document import Block, BlockKind, Document
from revise.generation.fields import column_question, head_noun, plural_noun
from revise.generation.grammar import capitalised, lemmas, lower_first
from revise.generation.language import word_set
from revise.generation.patterns import lazy_regex
from revise.generation.questions import is_plural
from revise.maths import MATHS_FUNCTIONS

MAX_FORM_WORDS = 3  # "il mio", "den (+n)": a word's form is a word or two, never a description

# "| Type | Meaning | Example |": a column of examples of each row's thing
EXAMPLE_HEADERS = frozenset(
    ["example", "examples", "e g", "eg", "for example", "example s", "sample", "instance"]
)
_YES = frozenset(["\u2713", "\u2714", "\u2611", "\u2705", "yes", "y", "\u221a"])
_NO = frozenset(["\u2717", "\u2718", "\u2612", "\u274c", "no", "n"])
_MARK = frozenset(["x"])  # a cross: "yes" in a table that marks with it alone, else "no"


@dataclass(frozen=True)
class TableShape:
    """What every row of one table shares."""

    forms: bool  # "| | singular | plural |" over words: each cell a form of its row's word
    ticked: bool  # some cell is a tick ("✓"): a cross ("x") beside it means "no"
    matrix: bool  # "| | Left | Right |" over "| Up | 1, 0 | 0, 2 |", or a truth table: a grid
    # whose cells mean nothing without their row and column
    rows: tuple[tuple[str, ...], ...]  # every row's cells
    start: int  # the lines from the first row to the last
    end: int


def table_shapes(tables: dict[tuple[str, ...], list[Block]]) -> dict[tuple[str, ...], TableShape]:
    """Each table's shape by its header, from all its rows."""
    return {header: _shape(header, blocks) for header, blocks in tables.items()}


def _shape(header: tuple[str, ...], blocks: list[Block]) -> TableShape:
    rows = tuple(block.cells for block in blocks)
    sides = [side.strip() for side in header[1:] if side.strip()]
    body = [cell.strip() for row in rows for cell in row[1:] if cell.strip()]
    # A table of forms heads its columns with one lower-case word each ("masc", "plural") and
    # holds a word or two in each cell; a column headed by two words ("alpha particle"), a
    # cell "+2e" or "a few cm" are things compared and what is said of them.
    forms = (
        not header[0].strip()
        and bool(sides)
        and all(side[:1].islower() and len(side.split()) == 1 for side in sides)
        and all(len(cell.split()) <= MAX_FORM_WORDS and not re.search(r"\d", cell) for cell in body)
    )
    ticked = any(normalise(cell) in _YES or cell in _YES for cell in body)
    # A payoff matrix (a grid of outcomes): a blank corner, each row and column one choice, and
    # in every cell what each side gets. A cell means nothing without the row and column it
    # sits in and the side each number belongs to; the lines around the grid say what it shows.
    matrix = (
        not header[0].strip()
        and len(sides) >= 2
        and len(rows) >= 2
        and all(len(row) > 2 for row in rows)
        and all(_NUMBER_PAIR.match(cell) for row in rows for cell in row[1:] if cell.strip())
    )
    # A truth table: "| A | B | Q |" over rows of 0s and 1s, each row one case of the inputs; a
    # row's first cell names no thing to ask about, and the table is learned whole
    truth = len(rows) >= 2 and all(_TRUTH_VALUE.match(cell) for row in rows for cell in row)
    matrix = matrix or truth
    return TableShape(bool(forms), ticked, bool(matrix), rows, blocks[0].start, blocks[-1].end)


_TRUTH_VALUE = lazy_regex(r"^\s*[01TF]\s*$")
# "1, 0", "-10, 0", "(3, 5)", "2; 1": what each side gets in one cell of a grid of outcomes
_NUMBER = r"[-\u2212+]?\d+(?:\.\d+)?"
_NUMBER_PAIR = lazy_regex(rf"^\s*\(?\s*{_NUMBER}(?:\s*[,;/]\s*{_NUMBER})+\s*\)?\s*$")


def tick(cell: str, shape: TableShape | None) -> bool | None:
    """True for a cell that only ticks ("✓", "yes", "Y"), False for one that only crosses
    ("✗", "no", "N", and "x" where the table ticks elsewhere), None for any other cell."""
    text = cell.strip()
    folded = normalise(text) or text
    if folded in _YES or text in _YES:
        return True
    if folded in _NO or text in _NO:
        return False
    if folded in _MARK:
        return not (shape and shape.ticked)
    return None


DATE_HEADERS = frozenset(["date", "dates", "date s", "when", "year", "years"])


def is_date_header(name: str) -> bool:
    """ "Date", "When", "Year": a column that says when each row happened."""
    return normalise(name) in DATE_HEADERS


def is_example_header(name: str) -> bool:
    """ "Example", "e.g.", "Examples": a column of examples of each row's thing."""
    return normalise(name) in EXAMPLE_HEADERS


# "CH4", "NH4+", "SO4 2-", "H2O": a chemical formula, capitals each with a count
_FORMULA = lazy_regex(r"(?<![\w(])(?:[A-Z][a-z]?\d*)+\d(?:[A-Z][a-z]?\d*)*[+-]?(?![\w(])")


def sample_value(example: str, named: str) -> bool:
    """ "42", "'2007-03-14'", "CHAR(4) for 'AB12'", "TRUE": a value written out to show what
    the row's thing looks like, not a thing a student learns by name. An example in words
    ("vaccination", "catching chickenpox and recovering") names one."""
    text = example.strip()
    named_by_formula = _FORMULA.sub(" ", text)  # "CH4, NH4+": substances named by formula
    if re.search(r"\d|['\"`\u2018\u2019\u201c\u201d]", named_by_formula):
        return True  # a number or a quoted value
    shown = {word for word in normalise(named).split() if len(word) > 2}
    if shown & set(normalise(text).split()):
        return True  # "VARCHAR(30) for a surname": the row's own name used
    if named_by_formula != text:
        return False  # "H2O": a substance by its formula, not a value written out
    letters = re.sub(r"[^A-Za-z]", "", text)
    return not letters or (letters.isupper() and len(text.split()) == 1)  # "TRUE", "NULL"


def in_row_name(cell: str, named: str) -> bool:
    """ "| Natural active | active |": a cell its row's own name already says."""
    said = normalise(cell).split()
    return bool(said) and set(said) <= set(normalise(named).split())


_STEP_NUMBER = lazy_regex(r"^(?:(?:step|stage)\s*)?(\d{1,2})[.):]?$", re.I)


def steps_as_items(document: Document) -> Document:
    """A table whose first column counts its rows ("| Step | What to do |" over "| 1 | Put
    ... |", "| 2 | Add ... |") is a numbered list of steps, read as one: a step's number is
    no fact to ask of it."""
    blocks = list(document.blocks)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = index
        while (
            end < len(blocks)
            and blocks[end].kind is BlockKind.ROW
            and blocks[end].header == block.header
            and len(blocks[end].cells) >= 2
        ):
            end += 1
        rows = blocks[index:end]
        numbers = [_STEP_NUMBER.match(row.cells[0].strip()) for row in rows]
        counted = [int(number[1]) for number in numbers if number]
        steps = list(range(1, len(rows) + 1))
        if len(rows) >= 2 and counted == steps:  # (0.05, 0.10, ... or 5, 10, 20 are values)
            blocks[index:end] = [_step_item(row) for row in rows]
        index = max(end, index + 1)
    return replace(document, blocks=blocks)


def _step_item(row: Block) -> Block:
    text = " - ".join(cell.strip() for cell in row.cells[1:] if cell.strip())
    return replace(row, kind=BlockKind.ITEM, text=text, cells=(), header=(), ordered=True)


# "| Question | Answer |", "| Front | Back |", "| Q / term | A |": a table whose columns name the
# two sides of a card, not a thing and what is told of it
_PROMPT_HEADERS = frozenset(
    ["question", "questions", "q", "front", "prompt", "cue", "cues", "term", "terms", "key term",
     "key terms", "keyword", "keywords", "key word", "key words", "word", "words", "concept"]
)  # fmt: skip
_ANSWER_HEADERS = frozenset(["answer", "answers", "a", "back", "response", "responses"])
_QUESTION_HEADERS = frozenset(["question", "questions", "q", "front", "prompt", "cue", "cues"])
_MEANING_HEADERS = frozenset(["meaning", "definition", "explanation", "detail", "details"])
_HEADER_ALTERNATIVES = lazy_regex(r"\s*(?:/|&|\bor\b)\s*")


def names_card_sides(header: tuple[str, ...]) -> bool:
    """ "| Question | Answer |", "| Front | Back |", "| Q / term | Answer |", "| Question |
    Explanation |": the columns are a card's front and back. ("| Term | Definition |" names a
    term and its meaning, asked as a table of terms.)"""
    if len(header) != 2:
        return False
    fronts = [normalise(part) for part in _HEADER_ALTERNATIVES.split(header[0].strip())]
    back = normalise(header[1])
    if not fronts or not all(front in _PROMPT_HEADERS for front in fronts):
        return False
    asked = any(front in _QUESTION_HEADERS for front in fronts)
    return back in _ANSWER_HEADERS or (asked and back in _MEANING_HEADERS)


def typed_card_rows(document: Document) -> Document:
    """Each row of a table headed "| Question | Answer |" (or "Front | Back") is a card the
    student wrote, front and back: "| Like charges | repel |" asks "Like charges" for "repel",
    as they set it, not "What is the answer of like charges?". A back too long to recall that
    is no run of facts stays a row, read as any table's (its term hidden in its meaning)."""
    blocks = [
        _typed_card(block)
        if block.kind is BlockKind.ROW and names_card_sides(block.header)
        else block
        for block in document.blocks
    ]
    return replace(document, blocks=blocks)


def _typed_card(row: Block) -> Block:
    if len(row.cells) != 2:
        return row
    front, back = (" ".join(cell.split()) for cell in row.cells)
    if not front or not back:
        return row
    if len(back.split()) > MAX_ANSWER_WORDS and not definition_facts(front, back):
        return row
    return replace(
        row, kind=BlockKind.TEXT, text=f"{front}: {back}", cells=(front, back), header=()
    )


# "4", "0", "2.5": a cell that is a bare count or measure, not the name of a thing
_BARE_NUMBER = lazy_regex(r"^\d{1,3}(?:\.\d+)?$")


@dataclass(frozen=True)
class RowKey:
    """The cells that name a row of numbers and how a question says them."""

    width: int  # the first columns that make the key: none of them is asked of the row
    said: str  # "4 bonding pairs and no lone pairs", "pH 3"
    counts: bool  # what each key column heads is counted ("with 4 bonding pairs")


def numbered_row_key(
    header: tuple[str, ...], cells: tuple[str, ...], shape: TableShape | None
) -> RowKey | None:
    """ "| Bonding pairs | Lone pairs | Shape |" over "| 4 | 0 | tetrahedral |": a row whose
    first cell is a bare number is no thing to ask "What is the shape of 4?" of; it is named by
    what its numbers count ("4 bonding pairs and no lone pairs"), with as many of the next
    columns of numbers as it takes for no two rows to share the name. None for a row whose
    first cell is no bare number; a row of numbers that no run of its columns names apart from
    every other row is also None, with `width` 0 in the key, which asks nothing of it."""
    if not cells or not _BARE_NUMBER.match(cells[0].strip()) or not header[0].strip():
        return None
    if not re.search(r"[^\W\d_]{2}", header[0]) or (shape and len(shape.rows) < 2):
        return None  # "| x | f(x) |": a variable and its values, a relation's table
    rows = [tuple(cell.strip() for cell in row) for row in shape.rows] if shape else [cells]
    width = 0
    for column in range(len(header) - 1):
        if not all(column < len(row) and _BARE_NUMBER.match(row[column]) for row in rows):
            return RowKey(0, "", False)  # no name of numbers tells this row from another
        width = column + 1
        if len({row[:width] for row in rows}) == len(rows):
            break
    else:
        return RowKey(0, "", False)
    heads = [header[column].strip() for column in range(width)]
    counts = all(plural_noun(head_noun(head)) for head in heads)
    if not counts:
        said = " and ".join(f"{head} {cells[at].strip()}" for at, head in enumerate(heads))
        return RowKey(width, said, False)
    counted = [_counted(cells[at].strip(), head) for at, head in enumerate(heads)]
    return RowKey(width, " and ".join(counted), True)


def _counted(number: str, head: str) -> str:
    """ "0" and "Lone pairs" -> "no lone pairs", "1" -> "1 lone pair", "4" -> "4 lone pairs"."""
    head = head.casefold()
    if number == "0":
        return f"no {head}"
    if number == "1":
        last = head.split()[-1]
        single = lemmas(last).get("NOUN", (last,))[0]
        return f"1 {head[: len(head) - len(last)]}{single}"
    return f"{number} {head}"


# "0°", "30°", "π/6", "-1", "2.5", "√2", "10 cm": a value, not the name of a thing or a quality
_VALUE = lazy_regex(
    r"^(?=\D*[\d\u03c0])[-\u2212+]?(?:\d+(?:[.,]\d+)?)?(?:\u221a\d+|\u03c0)?(?:/\d+)?"
    r"\s*(?:\u00b0|%|[a-zA-Z]{1,3})?$"
)
MIN_VALUE_COLUMNS = 2


def value_header(header: tuple[str, ...]) -> bool:
    """ "| θ | 0° | 30° | 45° |": a header row of values, over rows each naming what takes them
    ("| sin | 0 | 1/2 | √2/2 |"): a cell is the row's quantity at its column's value."""
    values = [cell.strip() for cell in header[1:]]
    return len(values) >= MIN_VALUE_COLUMNS and all(_VALUE.match(value) for value in values)


def value_question(label: str, variable: str, value: str) -> str:
    """What a cell of a table of values asks: "sin" at "30°" is "sin 30° = ?"; "y" where
    the header names "x" is "y = ? (x = 2)"; any other row "Reactivity for group 1?"."""
    label, variable, value = label.strip(), variable.strip(), value.strip()
    if label in MATHS_FUNCTIONS:
        return f"{label} {value} = ?"
    if variable and len(variable) <= 3 and " " not in variable:
        return f"{label} = ? ({variable} = {value})"
    named = f"{variable.casefold()} {value}" if variable else value  # "for group 1"
    return f"{label[:1].upper()}{label[1:]} for {named}?"


# "| Fact | Figure |", "| Feature | Facts |": a column headed by a word that says only that its
# cells are facts, naming nothing they tell of the row
FACT_HEADERS = frozenset(
    ["fact", "facts", "figure", "figures", "facts figures", "fact figure", "detail", "details",
     "info", "information", "note", "notes", "key fact", "key facts", "key point", "key points",
     "point", "points", "stat", "stats", "statistic", "statistics", "data"]
)  # fmt: skip
# "| Fact | ... |", "| Feature | ... |": a first column whose rows are what is told of the
# table's subject ("Area", "Temperature"), not things of their own
TOLD_OF_HEADERS = frozenset(
    ["fact", "facts", "key fact", "key facts", "feature", "features", "aspect", "aspects",
     "property", "properties", "characteristic", "characteristics", "category", "item", "info"]
)  # fmt: skip


def tells_of_subject(header: tuple[str, ...], column: int) -> bool:
    """ "| Fact | Figure |" over "| Area | 5.5 million km² |": each row says what its first cell
    is of the thing the table is about, and the column names nothing more."""
    return normalise(header[0]) in TOLD_OF_HEADERS and normalise(header[column]) in FACT_HEADERS


# Words of a heading that say what kind of page or box it is, not what it is about:
# "Knowledge organiser - Tropical rainforests", "Case study: the Amazon", "Key facts"
_LAYOUT_WORDS = word_set(
    """
    knowledge organiser organizer case study studies key fact facts figures and summary overview
    revision notes note topic unit year part section file sheet at a glance in box nutshell big
    picture idea
    """
)
_HEADING_PARTS = lazy_regex(r"\s+[-\u2013\u2014|]\s+|:\s+")
MAX_SUBJECT_WORDS = 5


def table_subject(trail: tuple[str, ...] | list[str], title: str) -> str:
    """What a table is about, from the nearest heading that names a thing: "Case study - the
    Amazon rainforest, Brazil" -> "the Amazon rainforest"; under "Where are they found?" the
    notes' title, "Knowledge organiser - Tropical Rainforests" -> "tropical rainforests"."""
    for heading in [*reversed(trail), title]:
        text = re.sub(r"^\s*(?:\d+[.)]|[IVX]+\.)\s+", "", heading.strip())
        for part in _HEADING_PARTS.split(text):
            said = normalise(part).split()
            if not said or all(word in _LAYOUT_WORDS or word.isdigit() for word in said):
                continue
            named = re.split(r",\s|\s\(", part.strip(), maxsplit=1)[0].strip(" .:")
            if named.endswith("?") or not 0 < len(named.split()) <= MAX_SUBJECT_WORDS:
                break  # "Where + what are they like?": a question names no thing
            return " ".join(lower_first(named.split()))
    return ""


MIN_CUT_WORDS = 3  # what is left of a cell cut short still says something
# Where a cell's first part ends, the widest first: a sentence, a clause after ";", a phrase
# after a comma (a dash goes on with what the part before it says: no end)
_CELL_ENDS = (
    lazy_regex(r"(?<=\w\w)\.\s+(?=[A-Z])"),
    lazy_regex(r";\s+"),
    lazy_regex(r",\s+"),
)
_DASH_OR_ARROW = lazy_regex(r"\s[-\u2013\u2014]\s|->|\u2192")
# "biomass, litter and soil": a comma inside a list, whose first item is no part to stop at
_LIST_GOES_ON = lazy_regex(r"^[\w'-]+(?:\s[\w'-]+){0,2}(?:,|\s(?:and|or)\s)")


def short_cell(cell: str) -> str | None:
    """A cell short enough to be an answer, or its first part that is ("cutting down / removal
    of forest, usually to use the land for something else" -> "cutting down / removal of
    forest"); None where that part says too little, ends inside a list, or cuts a dash's
    aside or a chain of steps ("sun heats ground → warm air rises, cools, ...") short."""
    answer = cell.strip()
    for end in _CELL_ENDS:
        if len(answer.split()) <= MAX_ANSWER_WORDS:
            break
        parts = end.split(answer, maxsplit=1)
        if len(parts) < 2:
            continue
        listed = end is _CELL_ENDS[-1] and _LIST_GOES_ON.match(parts[1])
        if _DASH_OR_ARROW.search(parts[0]) or listed:
            return None
        answer = parts[0].strip(" .,;")
    return answer if MIN_CUT_WORDS <= len(answer.split()) <= MAX_ANSWER_WORDS else None


def fact_question(label: str, cell: str, subject: str) -> tuple[str, str] | None:
    """ "Area" and "about 5.5 million km²" in a table about "the Amazon rainforest" -> "What is
    the area of the Amazon rainforest?"; a cell too long to be an answer gives its first part
    ("between the tropics (23.5°N and S), mostly either side of the Equator" -> "between the
    tropics (23.5°N and S)"), or no card where that part says too little."""
    if not subject or not label.strip():
        return None
    answer = short_cell(cell)
    if not answer:
        return None
    named = " ".join(lower_first(label.split()))
    if not {"NOUN", "ADJ"} & set(lemmas(named.split()[0].casefold())):
        # "Lost so far": no noun to ask "What is the ... of ...?" of
        about = re.sub(r"^the\s+", "", subject)
        return f"{capitalised(about)}: {named}?", answer
    asked = column_question(named, subject)
    if is_plural(named) and asked.startswith("What is the "):
        asked = f"What are the {asked[len('What is the ') :]}"  # "the people of ..."
    return asked, answer


# "| Adaptation | Why |": a column that says why the row's thing is as the cell before says
REASON_HEADERS = frozenset(
    ["why", "reason", "reasons", "purpose", "how it helps", "why it helps", "why useful"]
)
MAX_NAMED_WORDS = 8


def reason_question(subject: str, shown: str) -> str | None:
    """ "lianas" and "climb trees" under "| Plant | Adaptation | Why |" -> "Why do lianas climb
    trees?"; "jaguar" and "spotted coat" -> "Jaguar (spotted coat): why?": the question names
    what the reason is for. None where that cell is too long to name."""
    told = re.sub(r"\s*\([^()]*\)", "", shown).strip(" ,.;")
    words = told.split()
    if not words or len(words) > MAX_NAMED_WORDS:
        return None
    first = words[0].casefold()
    parts = lemmas(first)
    does = first in parts.get("VERB", ()) and "ADJ" not in parts and len(words) > 1
    if does and plural_noun(head_noun(subject)):
        return f"Why do {subject} {told}?"  # "lianas climb trees": the row says it whole
    named = re.sub(r"^(?:a|an|the)\s+", "", subject)
    return f"{capitalised(named)} ({told}): why?"


def written_lower(named: str, lower: frozenset[str], names: frozenset[str]) -> str:
    """ "Lianas" -> "lianas" where the notes write "lianas" in lower case elsewhere and never
    capitalise it mid-sentence: a cell's first word has its capital from its place alone."""
    words = named.split()
    if not words or not re.fullmatch(r"[A-Z][a-z-]+", words[0]):
        return named
    if any(re.fullmatch(r"[A-Z][a-z-]+", word) for word in words[1:]):
        return named  # "Neutralisation Enthalpy": a name in capitals, word by word
    word = words[0].casefold()
    if word in lower and word not in names:
        words[0] = word
    return " ".join(words)


# "| Type | Impact |": a first column whose rows are kinds of what the next column names
KIND_HEADERS = frozenset(["type", "types", "kind", "kinds", "sort", "area", "areas", "category"])


def kind_question(first: str, column: str, subject: str, asked: str) -> str:
    """ "| Type | Impact |" over "| Biodiversity | habitats destroyed |": "Biodiversity: what is
    the impact?", the impact on it, not "What is the impact of biodiversity?", which says
    biodiversity has one. Any other question as it is asked."""
    if normalise(first) not in KIND_HEADERS:
        return asked
    found = re.fullmatch(rf"What (is|are) the (.+) of {re.escape(subject)}\?", asked)
    if not found:
        return asked
    named = re.sub(r"^(?:a|an|the)\s+", "", subject)
    return f"{capitalised(named)}: what {found[1]} the {found[2]}?"
