"""Table cards: the questions a table's rows and cells are asked as.

A row is asked about its first cell, one question per column that holds a fact ("What is the
time complexity of merge sort?"); a cell that several rows share, a ticked column, a compared
pair, a dated row or a row of symbol and unit each take the shape that suits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from revise.formats.model import NoteData, NoteKind, SourceRef, normalise
from revise.generation.card_limits import MAX_ANSWER_WORDS, MAX_LIST_ITEMS
from revise.generation.clauses import (
    PARTICLES,
)
from revise.generation.cleaning import is_boilerplate
from revise.generation.clozes import (
    plural_subject,
    row_cloze,
    when_question,
)
from revise.generation.document import Block, BlockKind
from revise.generation.fields import (
    column_question,
    head_noun,
    kind_of,
    lower_initial,
    plural_noun,
    reputation_question,
)
from revise.generation.grammar import (
    capitalised,
    done_to_subject,
    indefinite_article,
    lemmas,
    lower_first,
    participle_base,
    verb_base,
)
from revise.generation.language import (
    MONTHS,
    is_stopword,
    past_to_base,
    words,
)
from revise.generation.lexicon import plural_of
from revise.generation.options import Draft, Option
from revise.generation.patterns import lazy_regex
from revise.generation.questions import (
    capital,
    is_plural,
)
from revise.generation.structure import (
    Outline,
    Passage,
)
from revise.generation.subjects import (
    MAX_TERM_WORDS,
)
from revise.generation.tables import (
    FACT_HEADERS,
    REASON_HEADERS,
    TableShape,
    fact_question,
    in_row_name,
    is_date_header,
    is_example_header,
    kind_question,
    numbered_row_key,
    reason_question,
    sample_value,
    short_cell,
    table_subject,
    tells_of_subject,
    tick,
    value_header,
    value_question,
    written_lower,
)
from revise.generation.targets import (
    Vocabulary,
)
from revise.generation.tidying import (
    tidy,
)

MAX_ROW_COLUMNS = 3
MAX_FORM_COLUMNS = 6  # a paradigm's every form is a fact: der, die, das and the plural die


SYMBOL_HEADERS = frozenset(["symbol", "symbols", "notation", "sign", "abbreviation", "short"])
# A column of units: each row asks its own, however many rows share one ("| Speed | m/s |")
UNIT_HEADERS = frozenset(["unit", "units", "si unit", "si units", "unit of measurement"])
# The first header of a table that compares its columns ("| Feature | Series | Parallel |").
COMPARED_HEADERS = frozenset(
    ["", "feature", "features", "property", "properties", "characteristic", "characteristics",
     "aspect", "aspects", "comparison", "criterion", "criteria"]
)  # fmt: skip


def _describes(header: str) -> bool:
    """ "Prokaryotic": a column named by what describes its side, not by what it holds."""
    parts = lemmas(header.strip().casefold())
    return " " not in header.strip() and "ADJ" in parts and "NOUN" not in parts


DEFINITION_HEADERS = frozenset(
    ["definition", "meaning", "description", "explanation", "what it means", "defined as"]
)


@dataclass(frozen=True)
class SharedCell:
    """What several rows of a table, and only they, hold in common: a cell of one column or
    more ("| Merge sort | O(n log n) | O(n log n) |")."""

    rows: tuple[str, ...]  # the rows' names, in order
    cells: tuple[tuple[int, str], ...]  # each column they share, with its cell
    start: int  # the lines from the first of the rows to the last
    end: int


_Shared = dict[tuple[tuple[str, ...], int, str], SharedCell]


def shared_cells(outline: Outline) -> _Shared:
    """The cells of a table column that several rows share ("| Merge sort | O(n log n) |" and
    "| Heap sort | O(n log n) |"), by the table's header, the column and the cell's words:
    asked of each row, the answer would be the same."""
    rows: dict[tuple[tuple[str, ...], int, str], list[Block]] = {}
    for part in outline.parts:
        blocks = [part.block] if isinstance(part, Passage) else part.items
        for block in blocks:
            if block.kind is not BlockKind.ROW or not block.header or not block.header[0].strip():
                continue  # (a table of forms, its first column unnamed: der, die, das recur)
            if value_header(block.header):
                continue  # (sin 0° and tan 0° are both 0: values that meet, no shared trait)
            cells = [tidy(cell) for cell in block.cells]
            for column, cell in enumerate(cells[1:], 1):
                unit = (
                    column < len(block.header) and normalise(block.header[column]) in UNIT_HEADERS
                )
                if normalise(cell) and cells[0] and not unit:
                    rows.setdefault((block.header, column, normalise(cell)), []).append(block)
    groups: dict[tuple[tuple[str, ...], tuple[int, ...]], list[tuple[int, str]]] = {}
    for (header, column, _), blocks in rows.items():
        if len(blocks) > 1:
            cell = tidy(blocks[0].cells[column])
            groups.setdefault((header, tuple(map(id, blocks))), []).append((column, cell))
    shared: _Shared = {}
    for (header, _), cells in groups.items():
        blocks = rows[(header, cells[0][0], normalise(cells[0][1]))]
        names = tuple(tidy(block.cells[0]) for block in blocks)
        found = SharedCell(names, tuple(sorted(cells)), blocks[0].start, blocks[-1].end)
        for column, cell in cells:
            shared[(header, column, normalise(cell))] = found
    return shared


def table_rows(outline: Outline) -> dict[tuple[str, ...], list[Block]]:
    """Each table's rows, by the table's header."""
    tables: dict[tuple[str, ...], list[Block]] = {}
    for part in outline.parts:
        blocks = [part.block] if isinstance(part, Passage) else part.items
        for block in blocks:
            if block.kind is BlockKind.ROW and block.header:
                tables.setdefault(block.header, []).append(block)
    return tables


def fact_row_as_item(passage: Passage, title: str) -> Passage:
    """ "| River | Amazon river - about 20% of all the fresh water ... |" under "| Fact |
    Figure |": a fact too long to be an answer is read as the line "River: Amazon river -
    about 20% ...", whose figure a cloze may hide."""
    block = passage.block
    if block.kind is not BlockKind.ROW or len(block.cells) != 2 or len(block.header) != 2:
        return passage
    label, cell = (tidy(cell) for cell in block.cells)
    if not label or not tells_of_subject(block.header, 1) or short_cell(cell):
        return passage
    text = f"{label}: {cell}"
    item = replace(block, kind=BlockKind.ITEM, text=text, cells=(), header=())
    return replace(passage, block=item)


def term_row_as_item(passage: Passage) -> Passage:
    """A row of a two-column table without a header ("| Tombolo | bar joining an island to
    the mainland |") is a term and its meaning, read as the line "Tombolo - bar joining ..."."""
    block = passage.block
    if block.kind is not BlockKind.ROW or block.header or len(block.cells) != 2:
        return passage
    term, meaning = (cell.strip() for cell in block.cells)
    if not term or not meaning or len(words(term)) > MAX_TERM_WORDS:
        return passage
    text = f"{term} - {meaning}"
    item = replace(block, kind=BlockKind.ITEM, text=text, cells=(), terms=(term,))
    return replace(passage, block=item)


def row_drafts(
    passage: Passage,
    title: str,
    path: str,
    shared: _Shared | None = None,
    shapes: dict[tuple[str, ...], TableShape] | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[Draft]:
    """A table row asks for its other cells given its first ("What is the function of
    mitochondria?"); in a table of terms, what each term means. A cell other rows share is
    asked the other way round, once: which rows have it ("Colour blue: which spectral
    classes? :: O, B"), where they are few enough to name. An example beside a meaning, or
    written out as a value ("42"), asks nothing; a column of ticks asks which rows have it."""
    block: Block = passage.block
    shape = (shapes or {}).get(block.header)
    cells = tuple(tidy(cell) for cell in block.cells)
    header = tuple(tidy(cell) for cell in block.header)
    # (the cells' own text: the " | " between them is no menu, nor a " / " that joins two
    # alternatives in one cell and two in the next, "| Bizonia / Trizonia | Jan 1947 / 1948 |")
    joined = " ".join(re.sub(r"\s+/\s+", "/", cell) for cell in cells)
    if len(cells) < 2 or len(header) < 2 or not cells[0] or is_boilerplate(joined):
        return []
    if shape and shape.matrix:
        return []  # "B: Confess: what is the A: Silent? :: -10, 0" asks a cell out of its grid
    context = tidy(" > ".join(passage.trail) or title)
    source = SourceRef(path, block.start, block.end)
    if value_header(header):
        return _value_row_drafts(header, cells, context, source)
    drafts = []
    columns = range(1, min(len(cells), len(header), MAX_ROW_COLUMNS + 1))
    defined = any(normalise(header[column]) in DEFINITION_HEADERS for column in columns)
    sides = [header[column] for column in columns if header[column]]
    # "| | masculine | feminine |": forms of each row's word, not sides set against each other
    forms = not header[0].strip() and bool(sides) and all(side[:1].islower() for side in sides)
    forms = forms and (shape is None or shape.forms)  # "| | alpha | gamma |" over "+2e": things
    if forms:
        columns = range(1, min(len(cells), len(header), MAX_FORM_COLUMNS + 1))
    # "| Algorithm | Best | Worst |": the rows are the things, their columns what describes them
    rows_named = bool(header[0].split()) and "NOUN" in lemmas(header[0].split()[-1].casefold())
    compared = not forms and (
        normalise(header[0]) in COMPARED_HEADERS
        or (any(_describes(header[column]) for column in columns) and not rows_named)
    )
    named = re.split(r",?\s+\(?(?:e\.g\.|i\.e\.|eg|ie)\s", cells[0], maxsplit=1)[0]
    subject = " ".join(lower_first(named.split()))  # "Protease, e.g. pepsin" -> "protease"
    if vocabulary:
        subject = written_lower(subject, vocabulary.lower, vocabulary.names)
    if re.fullmatch(r"[A-Z]\d{0,2}(?:\s+\([^()]+\))?", named):
        subject = named  # "| A | white |": a class named by its letter, no article
        kind = header[0].split()
        if 0 < len(kind) <= 2 and not compared and "NOUN" in lemmas(kind[-1].casefold()):
            subject = " ".join([*lower_first(kind), named])  # "class A", "vitamin B1 (thiamin)"
    if kind_of(subject, header[0]):
        # "| Margin | ... |" over "| Destructive | ... |": the row is a kind of what the first
        # column names, "a destructive margin"
        subject = f"{indefinite_article(subject)} {subject} {header[0].casefold()}"
    if forms and is_stopword(subject.split()[0].casefold()):
        subject = f'"{subject}"'  # 'What is the plural of "my"?': a word asked about as a word
    symbols = [c for c in columns if normalise(header[c]) in SYMBOL_HEADERS and cells[c]]
    if defined and symbols:
        # "Formation Enthalpy | ΔH_f | Enthalpy change to ...": the symbol names the term
        # in the question that asks what it means, not a card of its own.
        subject = f"{subject} ({cells[symbols[0]]})"
    key = numbered_row_key(header, cells, shape)
    if key:
        if not key.width:
            return []  # "| 2 | 0 |" and "| 2 | 2 |": no name tells the rows apart
        subject = key.said  # "4 bonding pairs and no lone pairs", not "4"
        columns = range(key.width, min(len(cells), len(header), key.width + MAX_ROW_COLUMNS))
    # "| Event | Date | Cause |" over "| MacArthur sacked | April 1951 | ... |": a row that says
    # what happened is asked as a happening ("When was MacArthur sacked?"), not as a thing
    dated_table = not compared and any(is_date_header(side) for side in header[1:])
    happening = _happening(cells[0], vocabulary) if dated_table and not key else None
    if dated_table and not key and columns.stop == MAX_ROW_COLUMNS + 1:
        # when a row happened is no attribute of it: a column more of what it caused or meant
        columns = range(1, min(len(cells), len(header), MAX_ROW_COLUMNS + 2))
    examples = [c for c in columns if is_example_header(header[c]) and cells[c]]
    if shape and block.cells == shape.rows[0]:
        drafts.extend(_ticked_columns(header, shape, context, path))
    clozed = bool(key)  # a row hides its name once, in its first cell too long to be an answer
    for column in columns:
        answer, name = cells[column], header[column]
        if not answer or not name:
            continue
        if column in examples and (defined or sample_value(answer, cells[0])):
            continue  # "| INTEGER | whole number | 42 |": a value shown, not a fact to recall
        if not forms and in_row_name(answer, cells[0]):
            continue  # "| Natural active | active |": the row's name says it
        if tick(answer, shape) is not None:
            continue  # "| Merge sort | ✓ |": a tick is no answer on its own
        if tells_of_subject(header, column):
            # "| Fact | Figure |" over "| Area | 5.5 million km² |": "What is the area of the
            # Amazon rainforest?", not "What is the figure of area?" nor "[Area] - about ..."
            found = fact_question(cells[0], answer, table_subject(passage.trail, title))
            if found:
                note = NoteData(NoteKind.BASIC, *found, context=context, source=source)
                drafts.append(Draft([Option(note, found[1], 8.0, found[0], cell=True)]))
            continue
        # never an event's name over what caused, followed or mattered about it ("[Armistice]
        # (result): border at the 38th parallel ..." tests nothing the row says)
        told = dated_table and normalise(name) in _CAUSE_HEADERS | _RESULT_HEADERS | _MEANT
        meant = normalise(name) in DEFINITION_HEADERS
        if meant and len(answer.split()) > MAX_ANSWER_WORDS:
            # "| Deforestation | cutting down / removal of forest, usually to ... |": what the
            # term is, from the meaning's first part, as every other term of the table is asked
            answer = short_cell(answer) or answer
        if len(answer.split()) > MAX_ANSWER_WORDS and not compared and not told:
            cloze = not clozed and row_cloze(cells[0], answer, name, len(header), context)
            if cloze:
                note = NoteData(NoteKind.CLOZE, cloze[0], context=context, source=source)
                drafts.append(Draft([Option(note, cells[0], 8.0, cloze[1])]))
                clozed = True
                continue
        asked = name.rstrip().endswith("?") or cells[0].rstrip().endswith("?")
        if asked and (compared or re.match(r"(?:yes|no)\b", answer, re.I)):
            continue  # "| needs light directly? | yes |", "| flexible? | v. flexible |": whether
        if normalise(answer) in ("", normalise(cells[0])) or answer in ("-", "\u2014"):
            continue
        if defined and column in symbols:
            continue
        sharing = (shared or {}).get((block.header, column, normalise(answer)))
        if sharing and not compared and not key and len(sharing.rows) <= MAX_LIST_ITEMS:
            if sharing.rows[0] == cells[0] and sharing.cells[0][0] == column:
                drafts.append(_shared_cell_draft(header, sharing, context, path))
            continue  # (shared by more rows than a card can name, each row asks its own)
        judged = None if compared or forms else _judged_cell(answer, subject)
        if judged:
            # "| Operating profit margin | ... | higher = better control of overheads |"
            front, answer = judged
            note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
            drafts.append(Draft([Option(note, answer, 8.0, front, cell=True)]))
            continue
        if meant:
            # a table of terms and their meanings ("What are drip tips?")
            front = f"What {'are' if _plural_term(subject) else 'is'} {subject}?"
            parts = lemmas(subject.casefold()) if " " not in subject else {}
            if subject.casefold() in parts.get("VERB", ()) and not {"NOUN", "ADJ"} & set(parts):
                front = f'What does "{subject}" mean?'  # "Describe": a verb is no thing
        elif column in examples:
            front = f"What is an example of {subject}?"  # "vaccination": a thing named
        elif (
            dated_table
            and normalise(header[0]) in _EVENT_HEADERS
            and normalise(name) in FACT_HEADERS
        ):
            # "| Event | Date | Detail |" over "| Sputnik | 4 Oct 1957 | 1st artificial satellite
            # |": "Sputnik (4 Oct 1957): what happened?", not "What is the detail of sputnik?"
            when = next(
                (cells[at] for at in range(1, len(cells)) if is_date_header(header[at])), ""
            )
            shown = capitalised(cells[0].strip())
            front = f"{shown} ({when}): what happened?" if when else f"{shown}: what happened?"
        elif happening is not None:
            front = _asked_of_happening(happening, cells[0], name)
        elif (
            normalise(name) in REASON_HEADERS
            and column > 1
            and not is_date_header(header[column - 1])
            and reason_question(subject, cells[column - 1])
        ):
            # "| Lianas | climb trees | reach the light |": "Why do lianas climb trees?", not
            # "Lianas: why?", which names nothing the reason is for
            front = reason_question(subject, cells[column - 1]) or ""
        elif compared:
            # "| Feature | Prokaryotic | Eukaryotic |": each column is one side compared.
            front = _compared_question(name, subject)
            if re.match(r"(?:yes|no)\b", answer, re.I):
                front = f"{capitalised(name)}: {subject}?"  # "no - DNA free" says whether
        elif rows_named and " " not in name.strip() and "ADJ" in lemmas(name.strip().casefold()):
            front = f"{capitalised(subject)}: {name.casefold()}?"  # "Binary search: worst?"
        elif re.search(r"[=<>\u2264\u2265]", name):
            # "| p | z such that P(Z > z) = p |": a column that states a relation, no noun
            # to ask "What is the ... of 0.05?" of; the row's value is named with its symbol
            named = header[0].strip()
            given = f"{named} = {cells[0]}" if 0 < len(named) <= 3 else capitalised(subject)
            front = f"{given}: {name.strip()}?"
        else:
            unit = _HEADER_UNIT.search(name)
            if unit and unit[1].casefold() not in _NOT_UNITS:
                # "Surface temp (K)": the unit the answer is in, said after the question
                front = f"{column_question(name[: unit.start()], subject)[:-1]} (in {unit[1]})?"
            else:
                front = column_question(name, subject)
                front = kind_question(header[0], name, subject, front)
            reputed = rows_named and reputation_question(name, header[0], answer)
            if reputed:
                front, answer = reputed, named  # "Which artist is known for ...?" :: the row
            when = _dated_row(cells[0])
            if when and front.endswith(f" of {subject}?") and front.startswith("What "):
                # "| 1917 | February revolution |": what happened then, in the past
                verb = "were" if plural_noun(head_noun(name)) else "was"
                asked = f"What {verb} the {lower_initial(name)}"
                if normalise(name) in _EVENT_HEADERS:
                    asked = "What happened"
                front = f"{asked} in {when}?"
        if key and key.counts and front.endswith(f" of {subject}?"):
            front = f"{front[: -len(subject) - 5]} with {subject}?"  # "the shape with 4 ..."
        note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
        drafts.append(Draft([Option(note, answer, 8.0, front, cell=True, form=forms)]))
    return drafts


def _plural_term(term: str) -> bool:
    """ "drip tips", "emergents": many things, though the dictionary knows no "emergent"."""
    last = term.split()[-1] if term.split() else ""
    return is_plural(term) or (plural_noun(last) and not lemmas(last.casefold()))


def _value_row_drafts(
    header: tuple[str, ...], cells: tuple[str, ...], context: str, source: SourceRef
) -> list[Draft]:
    """A row of a table of values ("| sin | 0 | 1/2 | √2/2 |" under "| θ | 0° | 30° | 45° |"):
    each cell is what the row's quantity is at its column's value, "sin 30° = ? :: 1/2"."""
    drafts = []
    for column in range(1, min(len(cells), len(header))):
        answer = cells[column]
        if not answer or answer in ("-", "\u2014", "?"):
            continue
        front = value_question(cells[0], header[0], header[column])
        note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
        drafts.append(Draft([Option(note, answer, 8.0, front, cell=True)]))
    return drafts


_EVENT_HEADERS = frozenset(["event", "events", "what happened", "happened", "key event"])
_CAUSE_HEADERS = frozenset(["cause", "causes", "reason", "reasons", "why", "trigger", "triggers"])
_MEANT = frozenset(["significance", "importance", "why important", "why it matters"])
_RESULT_HEADERS = frozenset(
    ["result", "results", "outcome", "outcomes", "effect", "effects", "consequence",
     "consequences", "impact", "aftermath"]
)  # fmt: skip


def _happening(label: str, vocabulary: Vocabulary | None) -> str | None:
    """ "MacArthur sacked" -> "When was MacArthur sacked?": a row label that says what
    happened, asked as it; "" for one that says it in the present ("China joins"); None for a
    thing's name ("Berlin Blockade", "Nagy's reforms", "Peace talks")."""
    vocabulary = vocabulary or Vocabulary(frozenset(), {}, "", frozenset())
    label = re.sub(r"\s*\([^()]*\)$", "", label.strip())
    if "(" in label or len(label.split()) < 2:
        return None
    tokens = label.split()
    asked = when_question(label, vocabulary)
    done = next((at for at, token in enumerate(tokens) if at and past_to_base(token)), None)
    if asked and asked.startswith("When did ") and done is not None:
        subject, rest = tokens[:done], tokens[done + 1 :]
        if done_to_subject(tokens[done]) and all(word in PARTICLES for word in rest):
            # "Strike called off", "Miners locked out": a headline's past is what was done
            if len(subject) == 1 and subject[0].casefold() in vocabulary.lower:
                subject = ["the", subject[0].casefold()]  # "the strike"
            be = "were" if plural_subject(subject) else "was"
            asked = " ".join(["When", be, *subject, *tokens[done:]]) + "?"
    if asked:
        return asked
    verb = next((at for at, token in enumerate(tokens) if at and token.islower()), None)
    base = verb is not None and verb_base(tokens[verb], "VBZ")
    subject = tokens[:verb] if base else []
    if not subject or re.search(r"['\u2019]s$", subject[-1]):
        return None  # "Nagy's reforms": one person's things, not what they did
    if not all(token.casefold() in vocabulary.names for token in subject):
        return None  # "Peace talks", "Bread riots": things, though their last word is a verb
    return ""  # "China joins": what happened, though no "When did ...?" says it whole


def _asked_of_happening(when: str, label: str, column: str) -> str:
    """What a column asks of a row that says what happened: "When was MacArthur sacked?"
    under "Date" as it is, under "Cause" "Why was MacArthur sacked?", under "Outcome" "What
    followed when MacArthur was sacked?", under any other "MacArthur sacked: what was the
    significance?"; a row said in the present asks by its label ("China joins: when?")."""
    named = normalise(column)
    shown = capitalised(label.strip())
    cause, result = named in _CAUSE_HEADERS, named in _RESULT_HEADERS
    if not when:
        asked = "when" if is_date_header(column) else "why" if cause else ""
        asked = asked or ("what followed" if result else "")
        if asked:
            return f"{shown}: {asked}?"
    elif is_date_header(column):
        return when
    elif cause:
        return f"Why {when[len('When ') :]}"
    elif result:
        passive = re.match(r"When (was|were) (.+)\?$", when)
        tokens = passive[2].split() if passive else []
        past = [at for at, token in enumerate(tokens) if at and token.islower()]
        done = next((at for at in past if past_to_base(tokens[at])), None)
        if passive and done is not None:
            statement = " ".join([*tokens[:done], passive[1], *tokens[done:]])
        else:
            statement = label.strip()
        return f"What followed when {statement}?"
    if named in _EVENT_HEADERS:
        return f"{shown}: what happened?"
    verb = "were" if plural_noun(head_noun(column)) else "was"
    return f"{shown}: what {verb} the {lower_initial(column.strip())}?"


# "higher = better control of overheads": what more or less of the row's quantity shows,
# whatever the column is headed
_DEGREE_CELL = lazy_regex(
    r"^(?P<degree>higher|lower|high|low)\s*(?:=|->|\u2192|:)\s*(?P<shown>\S.*)$", re.I
)


def _judged_cell(cell: str, subject: str) -> tuple[str, str] | None:
    """ "higher = faster selling" in the row of "inventory turnover": "What does a higher
    inventory turnover show?" :: "Faster selling". None for any other cell."""
    found = _DEGREE_CELL.match(cell.strip())
    named = re.sub(r"^(?:a|an|the)\s+", "", subject)
    shown = found and found["shown"].strip(" .")
    if not found or not named or not shown or len(words(shown)) > MAX_ANSWER_WORDS:
        return None
    many = plural_noun(head_noun(named))
    degree = found["degree"].casefold()
    one = "" if many else f"{indefinite_article(degree)} "
    return f"What {'do' if many else 'does'} {one}{degree} {named} show?", capital(shown)


def _dated_row(named: str) -> str:
    """ "1917", "March 2009", "14 Oct 1066": a row named by its date, as it is written."""
    parts = named.strip().split()
    if not parts or not re.fullmatch(r"\d{3,4}s?", parts[-1]):
        return ""
    rest = parts[:-1]
    if rest and rest[0].isdigit() and len(rest[0]) <= 2:
        rest = rest[1:]
    if len(rest) > 1 or (rest and rest[0].casefold().rstrip(".") not in MONTHS):
        return ""
    return " ".join(parts)


_HEADER_UNIT = lazy_regex(r"\s\(([^()\s.]{1,8})\)$")  # "Surface temp (K)", "Mass (kg)"
_NOT_UNITS = frozenset(["approx", "est", "eg", "ie", "etc", "opt", "optional", "roughly"])


def _compared_question(side: str, attribute: str) -> str:
    """ "Series" and "current" -> "Series: what is the current?"; "alpha" and "stopped by"
    -> "What is alpha stopped by?"; "what" -> "What is alpha?": what a row of a table
    that compares its columns asks of each column."""
    thing = " ".join(lower_first(side.split()))
    if re.fullmatch(r"what(?:\s+(?:is\s+it|it\s+is|are\s+they|they\s+are))?", attribute, re.I):
        return f"What {'are' if plural_noun(thing.split()[-1]) else 'is'} {thing}?"
    parts = lemmas(attribute.casefold()) if " " not in attribute.strip() else {}
    if parts and "NOUN" not in parts and participle_base(attribute.strip().casefold()):
        return f"{capitalised(side)}: {attribute.strip().casefold()}?"  # "born": no degree
    if parts and "NOUN" not in parts and ("ADJ" in parts or attribute.endswith("ing")):
        # "ionising" -> "How ionising is alpha?": a degree, asked as one
        verb = "are" if plural_noun(thing.split()[-1]) else "is"
        return f"How {attribute.strip().casefold()} {verb} {thing}?"
    asked = column_question(attribute, thing)
    verb = "are" if plural_noun(head_noun(attribute)) else "is"  # "the number of divisions"
    if asked == f"What {verb} the {lower_initial(attribute)} of {thing}?":
        return f"{capitalised(side)}: what {verb} the {attribute}?"  # a noun: the side's own
    return asked


def _ticked_columns(
    header: tuple[str, ...], shape: TableShape, context: str, path: str
) -> list[Draft]:
    """ "| Algorithm | Stable |" over "| Merge sort | ✓ |", "| Quick sort | ✗ |": which rows a
    column ticks ("Stable: which algorithms? :: Merge sort"), where they are few enough to name
    and not every row."""
    kind = header[0].split()
    if not kind:
        return []
    plurals = plural_of(kind[-1].casefold())
    things = " ".join([*kind[:-1], plurals[0] if plurals else kind[-1]]).casefold()
    drafts = []
    for column in range(1, len(header)):
        marks = [tick(row[column], shape) if column < len(row) else None for row in shape.rows]
        if not header[column].strip() or any(mark is None for mark in marks):
            continue
        ticked = [tidy(row[0]) for row, mark in zip(shape.rows, marks, strict=True) if mark]
        if not 1 <= len(ticked) <= min(len(marks) - 1, MAX_LIST_ITEMS) or not all(ticked):
            continue
        front = f"{capitalised(tidy(header[column]).rstrip(' ?'))}: which {things}?"
        answer = "; ".join(ticked)
        source = SourceRef(path, shape.start, shape.end)
        note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
        drafts.append(Draft([Option(note, answer, 8.0, front, cell=True)]))
    return drafts


def _shared_cell_draft(
    header: tuple[str, ...], shared: SharedCell, context: str, path: str
) -> Draft:
    """ "Best and average O(n log n): which algorithms? :: Merge sort; Quick sort; Heap sort":
    the rows a cell is true of, with every column where it is true of just them."""
    kind = header[0].split()
    plurals = plural_of(kind[-1].casefold())
    things = " ".join([*kind[:-1], plurals[0] if plurals else kind[-1]]).casefold()
    parts: list[tuple[list[str], str]] = []
    for column, cell in shared.cells:
        name = lower_initial(header[column].strip())  # "AV valves open", "colour blue"
        if parts and parts[-1][1] == cell:
            parts[-1][0].append(name)  # "best and average O(n log n)"
        else:
            parts.append(([name], cell))
    said = ", ".join(f"{_listed(names)} {cell}" for names, cell in parts)
    front = f"{capitalised(said)}: which {things}?"
    answer = "; ".join(shared.rows)
    source = SourceRef(path, shared.start, shared.end)
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Draft([Option(note, answer, 8.0, front, cell=True)])


def _listed(names: list[str]) -> str:
    """ "best, average and worst" """
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
