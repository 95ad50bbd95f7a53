"""Finding cards with Anki's search syntax, compiled to one SQL query (SQLite and PostgreSQL).

    dog "a phrase" -cat (dog or cat) deck:French tag:verb front:*dog* is:due flag:1
    prop:ivl>10 prop:lapses>3 prop:due<=2 added:7 rated:3 rated:3:1

Words and phrases match the front, back or context of a card's note anywhere (`dog` finds
"underdog"), ignoring case and accents (compared with the note's folded copy of its text, kept by
storage/folding.py); `*` stands for any text and `_` for one character (`\\*`,
`\\_` for the characters themselves). Terms side by side must all match; `or` between them, either;
`-` in front of a term or a bracketed group negates it. As in Anki, `front:` and `back:` match the
whole side (`front:*dog*` for a side containing dog), `deck:` a deck and its sub-decks, `tag:` a tag
and its child tags (`tag:none` untagged notes). A query that cannot be read raises one ReviseError
line naming the problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from fnmatch import fnmatchcase

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    case,
    false,
    func,
    not_,
    or_,
    select,
    true,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from revise.config import MAX_INTERVAL_DAYS
from revise.errors import ReviseError
from revise.formats.model import NoteData, NoteKind, card_faces
from revise.scheduling.queue import LEARN_AHEAD, StudyDay
from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.folding import fold
from revise.storage.models import FLAGS, NOT_SUSPENDED, Card, Deck, Note, Review
from revise.storage.values import MAX_ROW_ID
from revise.study.leeches import LEECH_TAG
from revise.textsafe import quoted

cards = Card.__table__
notes = Note.__table__
decks = Deck.__table__
reviews = Review.__table__

DAY_MS = 86_400_000
SHOWN_ROWS = 500  # rows the browser lists; it counts every match

IS_VALUES = ("new", "learn", "review", "due", "suspended", "buried", "leech", "flagged")
PROPERTIES = ("ivl", "due", "reps", "lapses", "s", "d")
KEYWORDS = ("deck", "tag", "front", "back", "is", "flag", "prop", "added", "rated", "cid")
SORT_KEYS = (
    "front",
    "deck",
    "due",
    "interval",
    "stability",
    "difficulty",
    "reviews",
    "lapses",
    "added",
)


class SearchError(ReviseError):
    """A query that cannot be read: one line, naming the problem."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"search: {problem}")


# -- reading a query ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # "(", ")", "-", "or", "and", "term"
    text: str = ""  # a term as typed, quotes gone and backslash escapes kept


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    i, length = 0, len(query)
    while i < length:
        char = query[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(Token(char))
            i += 1
        elif char == "-" and i + 1 < length and not query[i + 1].isspace():
            tokens.append(Token("-"))
            i += 1
        else:
            text, i, quoted = _read_term(query, i)
            if not quoted and text.lower() in ("or", "and"):
                tokens.append(Token(text.lower()))
            else:
                tokens.append(Token("term", text))
    return tokens


def _read_term(query: str, i: int) -> tuple[str, int, bool]:
    """One term from `i`: up to a space or bracket outside quotes. Returns (text, end, quoted)."""
    out: list[str] = []
    quoted = in_quotes = False
    start = i
    while i < len(query):
        char = query[i]
        if char == "\\" and i + 1 < len(query):
            following = query[i + 1]
            out.append(following if following == '"' else char + following)
            i += 2
            continue
        if char == '"':
            in_quotes = not in_quotes
            quoted = True
            i += 1
            continue
        if not in_quotes and (char.isspace() or char in "()"):
            break
        out.append(char)
        i += 1
    if in_quotes:
        raise SearchError(f'no closing " for the quote at column {start + 1} (add a ")')
    return "".join(out), i, quoted


@dataclass(frozen=True)
class Term:
    text: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class All:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    nodes: tuple[Node, ...]


Node = Term | Not | All | Any


class _Parser:
    """query: and ("or" and)*;  and: unary ("and"? unary)*;  unary: "-"? (term | "(" query ")")"""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def query(self) -> Node:
        nodes = [self.conjunction()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            nodes.append(self.conjunction())
        return nodes[0] if len(nodes) == 1 else Any(tuple(nodes))

    def conjunction(self) -> Node:
        nodes = [self.unary()]
        while (token := self.peek()) is not None and token.kind not in ("or", ")"):
            if token.kind == "and":
                self.take()
            nodes.append(self.unary())
        return nodes[0] if len(nodes) == 1 else All(tuple(nodes))

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise SearchError("the search ends where a term should follow (finish or remove it)")
        if token.kind in ("or", "and"):
            raise SearchError(f"'{token.kind}' needs a term on each side")
        if token.kind == ")":
            raise SearchError("')' without an opening '(' (remove it or add a '(')")
        self.take()
        if token.kind == "-":
            return Not(self.unary())
        if token.kind == "(":
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise SearchError("empty brackets () (put a term inside or remove them)")
            node = self.query()
            closing = self.peek()
            if closing is None:
                raise SearchError("'(' without a closing ')' (add a ')')")
            self.take()
            return node
        return Term(token.text)


def parse(query: str) -> Node | None:
    """The query's tree, or None for an empty query (every card)."""
    tokens = tokenize(query)
    if not tokens:
        return None
    parser = _Parser(tokens)
    node = parser.query()
    if parser.peek() is not None:  # only a stray ')' stops a query early
        raise SearchError("')' without an opening '(' (remove it or add a '(')")
    return node


# -- compiling a query to SQL ------------------------------------------------------------------


def day_start(day: StudyDay, offset: int) -> datetime:
    """The start of the study day `offset` days from today (negative: before today)."""
    return day.start_of_day_with(day.start + timedelta(days=offset, hours=12))


def _like_pattern(text: str) -> str:
    """A term's text as a LIKE pattern (escape `\\`), folded: `*` any text, `_` one character."""
    pieces: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            literal_char = text[i + 1]
            i += 2
        elif char == "*":
            pieces.append("%")
            i += 1
            continue
        elif char == "_":
            pieces.append("_")
            i += 1
            continue
        else:
            literal_char = char
            i += 1
        pieces.append(re.sub(r"([\\%_])", r"\\\1", fold(literal_char)))
    return "".join(pieces)


_TERM_PREFIX = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)
_COMPARISON = re.compile(r"([a-z]+)(<=|>=|!=|=|<|>)(-?\d+(?:\.\d+)?)", re.IGNORECASE)
_interval_ms = type_coerce(cards.c.due, BigInteger) - type_coerce(cards.c.last_review, BigInteger)
INTERVAL_DAYS = case(
    (cards.c.state == REVIEW, (_interval_ms + DAY_MS // 2) // DAY_MS), else_=None
)  # whole days, as Anki shows intervals; NULL for new and learning cards


class _Compiler:
    def __init__(self, day: StudyDay, deck_names: dict[int, str]) -> None:
        self.day = day
        self.deck_names = deck_names
        self.uses_notes = False  # whether the condition needs the cards' notes joined

    def compile(self, node: Node) -> ColumnElement[bool]:
        if isinstance(node, Not):
            return not_(self.compile(node.node))
        if isinstance(node, All):
            return and_(*(self.compile(child) for child in node.nodes))
        if isinstance(node, Any):
            return or_(*(self.compile(child) for child in node.nodes))
        return self.term(node.text)

    def term(self, text: str) -> ColumnElement[bool]:
        match = _TERM_PREFIX.fullmatch(text)
        if match is None:
            return self.text(text)
        keyword, value = match[1].lower(), match[2]
        if keyword not in KEYWORDS:
            raise SearchError(
                f"unknown search '{match[1]}:' (known: {', '.join(k + ':' for k in KEYWORDS)};"
                f" to find the text, write {match[1]}\\:{value})"
            )
        if value == "":
            raise SearchError(f"'{keyword}:' needs a value (e.g. {_EXAMPLES[keyword]})")
        return getattr(self, f"search_{keyword}")(value)

    def text(self, text: str) -> ColumnElement[bool]:
        if text == "":
            return true()
        self.uses_notes = True
        pattern = f"%{_like_pattern(text)}%"
        # side by side, not joined into one string: a scan then copies nothing
        return or_(
            *(
                column.like(pattern, escape="\\")
                for column in (notes.c.folded_front, notes.c.folded_back, notes.c.folded_context)
            )
        )

    def _side(self, column: ColumnElement[str], value: str) -> ColumnElement[bool]:
        self.uses_notes = True
        return column.like(_like_pattern(value), escape="\\")

    def search_front(self, value: str) -> ColumnElement[bool]:
        return self._side(notes.c.folded_front, value)

    def search_back(self, value: str) -> ColumnElement[bool]:
        return self._side(notes.c.folded_back, value)

    def search_deck(self, value: str) -> ColumnElement[bool]:
        wanted = fold(_unescaped(value))
        ids = [
            deck_id
            for deck_id, name in self.deck_names.items()
            if _deck_matches(fold(name), wanted)
        ]
        if len(ids) == len(self.deck_names):
            return true()  # every deck: no condition, rather than an index walk over all decks
        return cards.c.deck_id.in_(ids) if ids else false()

    def search_tag(self, value: str) -> ColumnElement[bool]:
        self.uses_notes = True
        if value.lower() == "none":
            return notes.c.tags == ""
        pattern = _like_pattern(value)
        spaced = notes.c.folded_tags  # " tag1 tag2 "
        return or_(
            spaced.like(f"% {pattern} %", escape="\\"),
            spaced.like(f"% {pattern}::%", escape="\\"),
        )

    def search_is(self, value: str) -> ColumnElement[bool]:
        value = value.lower()
        if value not in IS_VALUES:
            raise SearchError(f"unknown is:{value} (known: {', '.join(IS_VALUES)})")
        if value == "leech":
            return self.search_tag(LEECH_TAG)
        now = self.day.now
        buried = and_(cards.c.buried_until.is_not(None), cards.c.buried_until > now)
        if value == "due":
            state = _Scanned(cards.c.state)
            # Not `due` itself: SQLite would take its comparisons to say `due IS NOT NULL`, the
            # condition of the index on (state, due), and read the cards through it.
            due = func.coalesce(cards.c.due, None)
            return and_(
                or_(
                    and_(state == REVIEW, due < self.day.end),
                    and_(state.in_((LEARNING, RELEARNING)), due <= now + LEARN_AHEAD),
                ),
                cards.c.suspended == NOT_SUSPENDED,
                not_(buried),
            )
        # Every card is in some deck: said here, SQLite finds the learning and review cards deck
        # by deck in the index of new cards' order (the index on state and due holds only the
        # cards with a due date, and some imported cards have none): a million cards took 0.5 s.
        in_a_deck = cards.c.deck_id.in_(select(decks.c.id))
        return {
            "new": cards.c.state == NEW,
            "learn": and_(in_a_deck, cards.c.state.in_((LEARNING, RELEARNING))),
            "review": and_(in_a_deck, cards.c.state.in_((REVIEW, RELEARNING))),
            "suspended": cards.c.suspended != NOT_SUSPENDED,
            "buried": buried,
            "flagged": cards.c.flag != 0,
        }[value]

    def search_flag(self, value: str) -> ColumnElement[bool]:
        if value not in ("0", *map(str, FLAGS)):
            colours = ", ".join(f"{number} {colour}" for number, colour in FLAGS.items())
            raise SearchError(f"flag:{value}: want flag:0 (no flag) or 1 to 4 ({colours})")
        return cards.c.flag == int(value)

    def search_prop(self, value: str) -> ColumnElement[bool]:
        match = _COMPARISON.fullmatch(value)
        if match is None:
            raise SearchError(
                f"prop:{value}: want a property, a comparison and a number, e.g. prop:ivl>10"
            )
        name, operator, number_text = match[1].lower(), match[2], match[3]
        if name not in PROPERTIES:
            raise SearchError(f"unknown prop:{name} (known: {', '.join(PROPERTIES)})")
        number = float(number_text)
        if name == "due":
            return self._due_in(operator, number_text)
        column: ColumnElement[float] = {
            "ivl": INTERVAL_DAYS,
            "reps": cards.c.reps,
            "lapses": cards.c.lapses,
            "s": cards.c.stability,
            "d": cards.c.difficulty,
        }[name]
        return _compare(column, operator, number)

    def _due_in(self, operator: str, days_text: str) -> ColumnElement[bool]:
        """prop:due: days from today to the card's due day (0 today, -1 yesterday)."""
        if "." in days_text:
            raise SearchError(f"prop:due{operator}{days_text}: want a whole number of days")
        days = int(days_text)
        if abs(days) > MAX_INTERVAL_DAYS:
            raise SearchError(
                f"prop:due{operator}{days_text}: want a whole number of days from "
                f"-{MAX_INTERVAL_DAYS} to {MAX_INTERVAL_DAYS}"
            )
        first, next_day = day_start(self.day, days), day_start(self.day, days + 1)
        due = cards.c.due
        condition = {
            "=": and_(due >= first, due < next_day),
            "!=": or_(due < first, due >= next_day),
            "<": due < first,
            "<=": due < next_day,
            ">": due >= next_day,
            ">=": due >= first,
        }[operator]
        return and_(cards.c.state != NEW, due.is_not(None), condition)

    def _days(self, keyword: str, value: str) -> int:
        if not value.isdigit() or not 1 <= int(value) <= MAX_INTERVAL_DAYS:
            raise SearchError(
                f"{keyword}:{value}: want a number of days from 1 (today) to {MAX_INTERVAL_DAYS}"
            )
        return int(value)

    def search_added(self, value: str) -> ColumnElement[bool]:
        days = self._days("added", value)
        return cards.c.created_at >= day_start(self.day, 1 - days)

    def search_rated(self, value: str) -> ColumnElement[bool]:
        days_text, _, rating = value.partition(":")
        days = self._days("rated", days_text)
        conditions = [reviews.c.reviewed_at >= day_start(self.day, 1 - days)]
        if rating:
            if rating not in ("1", "2", "3", "4"):
                raise SearchError(
                    f"rated:{value}: the answer is 1 to 4 (Again, Hard, Good, Easy), e.g. rated:7:1"
                )
            conditions.append(reviews.c.rating == int(rating))
        # the few recent reviews found by their time, not a look-up for every card
        return cards.c.id.in_(select(reviews.c.card_id).where(*conditions))

    def search_cid(self, value: str) -> ColumnElement[bool]:
        parts = value.split(",")
        if not all(part.isdigit() for part in parts):
            raise SearchError(f"cid:{value}: want card numbers separated by commas, e.g. cid:12,15")
        # A number past the largest id is no card's (and no integer the database takes).
        return cards.c.id.in_([int(part) for part in parts if int(part) <= MAX_ROW_ID])


class _Scanned(FunctionElement[int]):
    """A column SQLite reads while it scans the table rather than through an index: cards due
    today are many (a third of a collection), and reading them through the index on (state,
    due) looks each one up at random, three times slower than one pass over the table."""

    type = Integer()
    inherit_cache = True


@compiles(_Scanned)
def _scanned_plain(element: _Scanned, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    return compiler.process(element.clauses, **kw)  # PostgreSQL's planner weighs it itself


@compiles(_Scanned, "sqlite")
def _scanned_sqlite(element: _Scanned, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    return f"+{compiler.process(element.clauses, **kw)}"  # SQLite's "not through an index"


_EXAMPLES = {
    "deck": "deck:French",
    "tag": "tag:verb",
    "front": "front:*dog*",
    "back": "back:chien",
    "is": "is:due",
    "flag": "flag:1",
    "prop": "prop:ivl>10",
    "added": "added:7",
    "rated": "rated:7:1",
    "cid": "cid:12",
}


def _unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _deck_matches(name: str, wanted: str) -> bool:
    """Anki's deck: a deck named `wanted` (`*` any text), or any deck below it."""
    if "*" not in wanted:
        return name == wanted or name.startswith(wanted + "::")
    pattern = re.sub(r"([\[\]?])", r"[\1]", wanted)  # only * is a wildcard in a deck name
    return fnmatchcase(name, pattern) or fnmatchcase(name, pattern + "::*")


def _compare(column: ColumnElement[float], operator: str, number: float) -> ColumnElement[bool]:
    return {
        "=": column == number,
        "!=": column != number,
        "<": column < number,
        "<=": column <= number,
        ">": column > number,
        ">=": column >= number,
    }[operator]


def matching(
    connection: Connection, query: str, day: StudyDay, *, with_notes: bool = False
) -> Select[tuple[int]]:
    """The ids of the cards `query` asks for, as a query to run, sort or nest; `with_notes`
    joins the cards' notes whether the query needs them or not."""
    node = parse(query)
    compiler = _Compiler(day, {})
    where: ColumnElement[bool] = true()
    if node is not None:
        compiler.deck_names = dict(connection.execute(select(decks.c.id, decks.c.name)).all())
        where = compiler.compile(node)
    if with_notes or compiler.uses_notes:
        return select(cards.c.id).select_from(_WITH_NOTES).where(where)
    return select(cards.c.id).where(where)


# -- running a search ------------------------------------------------------------------------


@dataclass(frozen=True)
class CardRow:
    """A card as the browser lists it."""

    id: int
    note_id: int
    deck: str
    kind: str
    question: str  # the card's prompt (a cloze with its gap)
    answer: str
    context: str
    tags: tuple[str, ...]
    source: str | None
    state: int
    due: datetime | None
    interval_days: int | None  # review cards only
    stability: float | None
    difficulty: float | None
    reviews: int
    lapses: int
    added: datetime
    flag: int
    suspended: bool
    buried: bool


@dataclass(frozen=True)
class SearchResult:
    total: int  # cards matching
    rows: list[CardRow]  # the first of them in the order asked for, as many as asked


def _sorted(ids: Select[tuple[int]], order: str, descending: bool) -> Select[tuple[int]]:
    if order not in SORT_KEYS:
        raise SearchError(f"unknown sort {quoted(order)} (known: {', '.join(SORT_KEYS)})")
    column: ColumnElement[object] = {
        "front": notes.c.folded_front,
        "deck": decks.c.name,
        "due": cards.c.due,
        "interval": INTERVAL_DAYS,
        "stability": cards.c.stability,
        "difficulty": cards.c.difficulty,
        "reviews": cards.c.reps,
        "lapses": cards.c.lapses,
        "added": cards.c.created_at,
    }[order]
    first = column.desc() if descending else column.asc()
    then = [cards.c.position, cards.c.ordinal] if order == "due" else []  # new cards: deck order
    last = cards.c.id.desc() if descending else cards.c.id.asc()
    if order == "deck":
        ids = ids.join_from(cards, decks, decks.c.id == cards.c.deck_id)
    return ids.order_by(first.nulls_last(), *then, last)


_WITH_NOTES = cards.join(notes, notes.c.id == cards.c.note_id)
_FROM = _WITH_NOTES.join(decks, decks.c.id == cards.c.deck_id)


def find(
    connection: Connection,
    query: str,
    day: StudyDay,
    *,
    order: str = "added",
    descending: bool = False,
    limit: int | None = SHOWN_ROWS,
) -> SearchResult:
    """Every card matching `query`, sorted by `order` (one of SORT_KEYS); the first `limit`
    (None: all) in full."""
    ids = matching(connection, query, day, with_notes=order == "front")
    total = connection.execute(select(func.count()).select_from(ids.subquery())).scalar_one()
    first = _sorted(ids, order, descending)
    if limit is not None:
        first = first.limit(limit)  # SQLite then keeps only the top rows while it sorts
    found = list(connection.execute(first).scalars())
    return SearchResult(total, card_rows(connection, found, day.now))


def card_rows(connection: Connection, ids: Sequence[int], now: datetime) -> list[CardRow]:
    """The cards `ids` in full, in that order (ids no longer there are left out)."""
    rows = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for row in connection.execute(
            select(
                cards.c.id,
                cards.c.note_id,
                cards.c.ordinal,
                cards.c.state,
                cards.c.due,
                INTERVAL_DAYS.label("interval_days"),
                cards.c.stability,
                cards.c.difficulty,
                cards.c.reps,
                cards.c.lapses,
                cards.c.created_at,
                cards.c.flag,
                cards.c.suspended,
                cards.c.buried_until,
                notes.c.kind,
                notes.c.front,
                notes.c.back,
                notes.c.context,
                notes.c.tags,
                notes.c.source,
                decks.c.name,
            )
            .select_from(_FROM)
            .where(cards.c.id.in_(chunk))
        ):
            rows[row.id] = _card_row(row, now)
    return [rows[card_id] for card_id in ids if card_id in rows]


def _card_row(row, now: datetime) -> CardRow:  # type: ignore[no-untyped-def]
    note = NoteData(NoteKind(row.kind), row.front, row.back)
    faces = card_faces(note)
    face = next((face for face in faces if face.ordinal == row.ordinal), None)
    return CardRow(
        id=row.id,
        note_id=row.note_id,
        deck=row.name,
        kind=row.kind,
        question=face.prompt if face else row.front,
        answer=face.answer if face else row.back,
        context=row.context,
        tags=tuple(row.tags.split()),
        source=row.source,
        state=row.state,
        due=row.due,
        interval_days=None if row.interval_days is None else int(row.interval_days),
        stability=row.stability,
        difficulty=row.difficulty,
        reviews=row.reps,
        lapses=row.lapses,
        added=row.created_at,
        flag=row.flag,
        suspended=row.suspended != NOT_SUSPENDED,
        buried=row.buried_until is not None and row.buried_until > now,
    )
