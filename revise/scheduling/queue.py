"""What is due: today's counts under the daily limits, and the next card to show.

Daily limits work as Anki's parent-deck limits (see limits.py): a deck's limit covers its
sub-decks, and the collection's covers every deck.

Order: learning cards whose step is due, then reviews due today (oldest first, or with
`review_order = "retrievability"` the least likely to be recalled first), then new cards in
deck order; when nothing else is left, learning cards due within the learn-ahead window. New and
review cards rest for the day once a sibling (another card of the same note) was answered.

The order itself is plain SQL in revise/scheduling/order.py, which `revise study` also runs with
plain sqlite3 for its first card, before SQLAlchemy is loaded (revise/study/first_card.py); the
daily limits are applied in both, and tests/test_first_card.py holds the two equal.

The statements are built once, with bound parameters: the queue is asked for a card after every
answer, and building a statement costs more than running it. The next card is found, and read
for showing, by one statement (`next_card`), run straight on the driver (storage/prepared.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    null,
    or_,
    select,
    text,
)

from revise.scheduling import order
from revise.scheduling.day import day_bounds
from revise.scheduling.limits import SEPARATOR, DailyLimits
from revise.scheduling.states import LEARN_AHEAD, LEARNING, NEW, RELEARNING, REVIEW
from revise.storage import unchanged
from revise.storage.models import (
    NOT_SUSPENDED,
    SUSPENDED_CARDS,
    Card,
    Deck,
    DeckOptionsRow,
    DeckSize,
    Note,
    Review,
    UTCMillis,
    to_ms,
)
from revise.storage.prepared import (
    Prepared,
    PreparedFamily,
    Row,
    all_rows,
    execute,
    first_row,
    one,
    one_of,
    pipelined,
    rows,
    together,
)

cards = Card.__table__
decks = Deck.__table__
notes = Note.__table__
reviews = Review.__table__
options = DeckOptionsRow.__table__

# What showing a card needs, in this order (see Collection's StudyCard).
SHOWN = (
    cards.c.id,
    cards.c.ordinal,
    cards.c.state,
    cards.c.reps,
    notes.c.kind,
    notes.c.front,
    notes.c.back,
    notes.c.context,
    notes.c.tags,
    notes.c.source,
    notes.c.media,
    decks.c.name,
)
SHOWN_FROM = cards.join(notes).join(decks, decks.c.id == cards.c.deck_id)


@dataclass(frozen=True)
class StudyDay:
    now: datetime
    start: datetime
    end: datetime
    new_per_day: int  # per deck; a parent deck's covers its sub-decks
    reviews_per_day: int
    collection_new_per_day: int  # every deck together
    collection_reviews_per_day: int
    starts_at: int  # the local hour at which a study day begins
    review_order: str = "due"  # or "retrievability": the least likely to be recalled first

    def start_of_day_with(self, moment: datetime) -> datetime:
        """The rollover that begins the study day `moment` falls in."""
        return day_bounds(moment, self.starts_at)[0]


@dataclass(frozen=True)
class Allowance:
    """What is left of today's new and review limits, and the deck names they apply to."""

    names: dict[int, str]  # every deck's, by id
    new: DailyLimits
    review: DailyLimits

    def decks_with_new(self, deck_ids: list[int]) -> list[int]:
        return [d for d in deck_ids if self.new.for_deck(self.names[d]) > 0]

    def decks_with_reviews(self, deck_ids: list[int]) -> list[int]:
        return [d for d in deck_ids if self.review.for_deck(self.names[d]) > 0]


def _moment(name: str):  # type: ignore[no-untyped-def]
    return bindparam(name, type_=UTCMillis())


_decks = bindparam("decks", expanding=True)
_now = _moment("now")
_end = _moment("end")
_not_buried = or_(cards.c.buried_until.is_(None), cards.c.buried_until <= _now)
_learning = one_of(cards.c.state, (LEARNING, RELEARNING))

# A row per deck with its own daily limits (revise deck-options).
_LIMITS_SET = Prepared(
    select(options.c.deck, options.c.new_per_day, options.c.reviews_per_day).where(
        or_(options.c.new_per_day.is_not(None), options.c.reviews_per_day.is_not(None))
    )
)
# Grouped by an expression, not the bare column: SQLite would otherwise walk every card in deck
# order (an index gives that order) looking up each one's reviews, instead of reading today's
# reviews from the reviewed_at index: 1.2 s instead of 0.1 ms on a million cards.
_deck_of_review = (cards.c.deck_id + 0).label("deck_id")
_DONE_TODAY = (
    select(
        _deck_of_review,
        func.count().filter(reviews.c.state_before == NEW).label("new"),
        func.count().filter(reviews.c.state_before == REVIEW).label("review"),
    )
    .select_from(reviews.join(cards, cards.c.id == reviews.c.card_id))
    .where(reviews.c.reviewed_at >= _moment("start"), reviews.c.origin == "revise")
    .group_by(_deck_of_review)
)


# What waits in one deck, looked up in the queue's indexes: new and due cards only as far as
# today's limits let the deck show them (`cap`), so counting a deck costs its limits, not its size.
# ix_cards_queue holds `suspended` and `buried_until` too (0016): due and learning cards are
# counted without reading their rows.
_deck = bindparam("deck")
_open = (cards.c.suspended == NOT_SUSPENDED, _not_buried)
_open_in_deck = (cards.c.deck_id == _deck, *_open)


def _capped(order: tuple[ColumnElement[Any], ...], *where: ColumnElement[bool]) -> Prepared:
    """Counted up to :cap, in the order of the index that finds them: PostgreSQL then reads that
    index and stops at the cap, instead of reading the table from its start until it has met
    :cap of the deck's cards (the last deck of 200,000 cards: 40 ms instead of 0.04 ms)."""
    found = select(cards.c.id).where(*_open_in_deck, *where).order_by(*order)
    return Prepared(select(func.count()).select_from(found.limit(bindparam("cap")).subquery()))


# In ix_cards_new_order's order, and in ix_cards_queue's.
_NEW_WAITING = _capped((cards.c.position, cards.c.ordinal), cards.c.state == NEW)
_DUE_WAITING = _capped((cards.c.due,), cards.c.state == REVIEW, cards.c.due < _end)
_LEARNING_WAITING = Prepared(
    select(func.count()).where(*_open_in_deck, _learning, cards.c.due < _end)
)
# The same three counts for many decks in one statement, a row per deck: on PostgreSQL, where
# each statement costs the driver about as much as the server's work (a hundred decks: 300
# statements, 130-160 ms). Each deck's caps come with its id, in three arrays of the same length.
_each = (
    func.unnest(
        bindparam("deck_ids", type_=ARRAY(Integer)),
        bindparam("new_caps", type_=ARRAY(Integer)),
        bindparam("due_caps", type_=ARRAY(Integer)),
    )
    .table_valued("deck", "new_cap", "due_cap")
    .render_derived(name="each")
)
_open_in_each = (cards.c.deck_id == _each.c.deck, *_open)


def _capped_in_each(
    cap: ColumnElement[Any], order: tuple[ColumnElement[Any], ...], *where: ColumnElement[bool]
) -> Any:
    found = select(cards.c.id).where(*_open_in_each, *where).order_by(*order).limit(cap)
    return select(func.count()).select_from(found.correlate(_each).subquery()).scalar_subquery()


_WAITING_IN_EACH = Prepared(
    select(
        _each.c.deck,
        _capped_in_each(_each.c.new_cap, (cards.c.position, cards.c.ordinal), cards.c.state == NEW),
        select(func.count()).where(*_open_in_each, _learning, cards.c.due < _end).scalar_subquery(),
        _capped_in_each(
            _each.c.due_cap, (cards.c.due,), cards.c.state == REVIEW, cards.c.due < _end
        ),
    )
)
# Each deck's cards, then its suspended ones (a partial index holds only those): on SQLite as
# kept by the database (models.DeckSize), on PostgreSQL counted from an index.
_sizes = DeckSize.__table__
_KEPT_PER_DECK = Prepared(select(_sizes.c.deck_id, _sizes.c.cards))
_CARDS_PER_DECK = Prepared(select(cards.c.deck_id, func.count()).group_by(cards.c.deck_id))
_SUSPENDED_PER_DECK = Prepared(
    select(cards.c.deck_id, func.count())
    .where(literal_column(SUSPENDED_CARDS))
    .group_by(cards.c.deck_id)
)
_WAITING = and_(cards.c.deck_id.in_(_decks), cards.c.suspended == NOT_SUSPENDED)
# The earliest due date: of the cards that have one, which the queue's indexes hold.
_scheduled = cards.c.due.is_not(None)
_NEXT_LEARNING = select(func.min(cards.c.due)).where(_WAITING, _learning, _scheduled)
_NEXT_REVIEW = select(func.min(cards.c.due)).where(_WAITING, cards.c.state == REVIEW, _scheduled)
_ANY_NEW = select(cards.c.id).where(_WAITING, cards.c.state == NEW).limit(1)


_done = _DONE_TODAY.subquery("done")
# Every deck with what was answered in it today, in one statement.
_DECKS_AND_DONE = Prepared(
    select(decks.c.id, decks.c.name, _done.c.new, _done.c.review).select_from(
        decks.outerjoin(_done, _done.c.deck_id == decks.c.id)
    )
)


# Every deck's name; how many answers of any kind were logged today (an index alone gives it).
_DECK_NAMES = Prepared(select(decks.c.id, decks.c.name))
_ANSWERED_TODAY = Prepared(select(func.count()).where(reviews.c.reviewed_at >= _moment("start")))


def allowance(connection: Connection, day: StudyDay) -> Allowance:
    deck_rows = rows(connection, _DECKS_AND_DONE, {"start": to_ms(day.start)})
    return _allowance(deck_rows, rows(connection, _LIMITS_SET, {}), day)


def _allowance(deck_rows: list[Row], set_on: list[Row], day: StudyDay) -> Allowance:
    names: dict[int, str] = {deck_id: name for deck_id, name, _, _ in deck_rows}
    return Allowance(
        names=names,
        new=DailyLimits(
            day.new_per_day,
            day.collection_new_per_day,
            {name: new for _, name, new, _ in deck_rows if new},
            {deck: new for deck, new, _ in set_on if new is not None},
        ),
        review=DailyLimits(
            day.reviews_per_day,
            day.collection_reviews_per_day,
            {name: review for _, name, _, review in deck_rows if review},
            {deck: review for deck, _, review in set_on if review is not None},
        ),
    )


class NoSuchDeck(LookupError):
    """No deck has the name asked for."""


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def in_deck(names: dict[int, str], deck: str | None) -> list[int]:
    """The ids of `deck` and its sub-decks (`deck::...`, any depth); every deck for None.

    Sub-decks are matched with ASCII letters in either case, as SQLite's LIKE matched them
    (`revise study lang` takes in `Lang::French`), on every backend.
    """
    if deck is None:
        return list(names)
    below = (deck + SEPARATOR).translate(_ASCII_LOWER)
    size = len(below)
    return [
        deck_id
        for deck_id, name in names.items()
        if name == deck or (len(name) >= size and name[:size].translate(_ASCII_LOWER) == below)
    ]


def _in_deck(named: list[Row], deck: str | None) -> tuple[int, ...]:
    """`in_deck` of the deck names' rows (id, name)."""
    return tuple(in_deck(dict(named), deck))  # type: ignore[arg-type]


def _waiting(
    connection: Connection, day: StudyDay, left: Allowance, deck_ids: list[int]
) -> dict[int, tuple[int, int, int]]:
    """deck id -> (new, learning, due) waiting today in each of `deck_ids`; new and due cards
    counted up to what the deck may show today (`left`), which is all a count shows."""
    moments = {"now": to_ms(day.now), "end": to_ms(day.end)}
    if pipelined(connection):
        names = [left.names[deck_id] for deck_id in deck_ids]
        caps = {
            "deck_ids": deck_ids,
            "new_caps": [left.new.for_deck(name) for name in names],
            "due_caps": [left.review.for_deck(name) for name in names],
        }
        found = rows(connection, _WAITING_IN_EACH, {**moments, **caps})
        return {deck_id: (new, learning, due) for deck_id, new, learning, due in found}
    asked: list[tuple[int, Any, Any, Any]] = []
    with together(connection):

        def count(prepared: Prepared, deck_id: int, cap: int | None = None) -> Any:
            if cap == 0:
                return None  # the deck may show none today
            return execute(connection, prepared, {**moments, "deck": deck_id, "cap": cap})

        for deck_id in deck_ids:
            name = left.names[deck_id]
            asked.append(
                (
                    deck_id,
                    count(_NEW_WAITING, deck_id, left.new.for_deck(name)),
                    count(_LEARNING_WAITING, deck_id),
                    count(_DUE_WAITING, deck_id, left.review.for_deck(name)),
                )
            )
    return {
        deck_id: tuple(0 if cursor is None else first_row(cursor)[0] for cursor in cursors)  # type: ignore[index]
        for deck_id, *cursors in asked
    }


def _not_suspended(connection: Connection) -> dict[int, int]:
    """deck id -> its cards not suspended, for every deck with cards."""
    kept = connection.dialect.name == "sqlite"
    with together(connection):
        every = execute(connection, _KEPT_PER_DECK if kept else _CARDS_PER_DECK, {})
        suspended = execute(connection, _SUSPENDED_PER_DECK, {})
    result = dict(all_rows(every))
    for deck_id, count in all_rows(suspended):
        result[deck_id] -= count
    return result


def counts(connection: Connection, day: StudyDay) -> dict[str, tuple[int, int, int, int]]:
    """Every deck's name -> (new, learning, due) for today, as many as the deck could show on
    its own under the daily limits (its own, its parent decks' and the collection's), and its
    cards not suspended."""
    return overview(connection, day)[0]


def overview(
    connection: Connection, day: StudyDay
) -> tuple[dict[str, tuple[int, int, int, int]], tuple[int, int, int]]:
    """`counts`, and what studying every deck together can show today (as `total`), from one
    reading of each deck."""
    left = allowance(connection, day)
    waiting = _waiting(connection, day, left, list(left.names))
    sizes = _not_suspended(connection)
    result = {}
    for deck_id, name in left.names.items():
        new, learning, due = waiting[deck_id]
        result[name] = (new, learning, due, sizes.get(deck_id, 0))
    return result, _together(left, waiting)


def _together(left: Allowance, waiting: dict[int, tuple[int, int, int]]) -> tuple[int, int, int]:
    """(new, learning, due) of these decks studied together: a parent deck's limit and the
    collection's cap the sum of their decks'. Each deck's count already stops at its own share,
    which changes no total: no deck can add more than that through any parent."""
    return (
        left.new.total({left.names[d]: new for d, (new, _, _) in waiting.items()}),
        sum(learning for _, learning, _ in waiting.values()),
        left.review.total({left.names[d]: due for d, (_, _, due) in waiting.items()}),
    )


def total(connection: Connection, day: StudyDay, deck_ids: list[int]) -> tuple[int, int, int]:
    """(new, learning, due) that studying these decks together can show today: a parent
    deck's limit and the collection's cap the sum of their decks'."""
    if not deck_ids:
        return (0, 0, 0)
    left = allowance(connection, day)
    return _together(left, _waiting(connection, day, left, deck_ids))


def _first(kind: order.Kind, ids: tuple[int, ...] | None) -> ColumnElement[Any]:
    """The id of the first card of this kind in these decks (None: in any deck), or NULL."""
    if ids is not None and not ids:
        return null()
    return text(kind.first(ids)).columns(cards.c.id).scalar_subquery()


def _pick(
    every: tuple[int, ...] | None,
    with_reviews: tuple[int, ...] | None,
    with_new: tuple[int, ...],
    review_order: str,
) -> Select:  # type: ignore[type-arg]
    """The first card to show of these decks; `every` and `with_reviews` None when they are
    every deck. Learning and review cards of every deck are then found from the (state, due)
    index in two look-ups, instead of two per deck: a hundred decks took 0.1 ms. New cards
    keep their decks: their order starts with the deck, and a look-up per deck stops at the
    first deck with new cards, where a walk in that order would step over every card studied
    in the decks before it."""
    chosen = func.coalesce(
        _first(order.LEARNING_DUE, every),
        _first(order.review_kind(review_order), with_reviews),
        _first(order.NEW_IN_DECK_ORDER, with_new),
        _first(order.LEARNING_AHEAD, every),
    )
    return select(*SHOWN).select_from(SHOWN_FROM).where(cards.c.id == chosen)


_PICK = PreparedFamily(_pick)


def next_card(
    connection: Connection,
    day: StudyDay,
    deck: str | None,
    guesses: dict[str | None, tuple[int, ...]],
) -> Row | None:
    """The next card of `deck` (with its sub-decks; None: every deck) to show, as SHOWN's
    columns, or None when nothing is left for now. Raises NoSuchDeck for a deck not there.

    `guesses` keeps the deck ids found last time for each deck asked for: with them the card is
    picked as if no daily limit were reached, sent together with the statements that read the
    limits (one round trip to a server). The guess stands when the decks are still those and
    the card's deck may still show a card of its kind today: the card is then the one the
    limits allow, as it is first among more cards than they allow. Otherwise it is picked again.
    """
    with together(connection):
        asked = ask_next_card(connection, day, deck, guesses)
    return asked.card(connection)


@dataclass(frozen=True)
class NextCardAsked:
    """The statements of `next_card`'s first round trip, sent (perhaps with others before them,
    such as an answer's commit); `card` reads their rows and finishes."""

    day: StudyDay
    deck: str | None
    guesses: dict[str | None, tuple[int, ...]]
    guess: tuple[int, ...] | None
    named: unchanged.Asked
    answered: unchanged.Asked
    limits: unchanged.Asked
    picked: Any

    def card(self, connection: Connection) -> Row | None:
        """The next card, as `next_card` gives it; rarely with more statements."""
        day, deck, guess = self.day, self.deck, self.guess
        answered_today = self.answered.rows()[0][0]
        row = None if self.picked is None else first_row(self.picked)
        deck_ids = self.named.derived(("in_deck", deck), lambda named: _in_deck(named, deck))
        if not deck_ids:
            if deck is not None:
                raise NoSuchDeck(deck)
            return None
        self.guesses[deck] = deck_ids
        # No deck has answered more today than all of them together: a card whose limits are
        # all above that is allowed without counting each deck's answers.
        limits = (day.new_per_day, day.reviews_per_day)
        limits += (day.collection_new_per_day, day.collection_reviews_per_day)
        unanswered = self.limits.derived(limits, lambda set_on: _allowance([], set_on, day))
        if guess == deck_ids and _allowed(row, unanswered, answered_today):
            return row
        set_on = self.limits.rows()
        start = {"start": to_ms(day.start)}
        left = _allowance(rows(connection, _DECKS_AND_DONE, start), set_on, day)
        if guess == deck_ids and _allowed(row, left):
            return row
        return _next_card(connection, day, left, list(deck_ids))


def ask_next_card(
    connection: Connection,
    day: StudyDay,
    deck: str | None,
    guesses: dict[str | None, tuple[int, ...]],
) -> NextCardAsked:
    """Send `next_card`'s first statements (see there); in a `together` block, with the others."""
    guess = guesses.get(deck)
    named = unchanged.ask(connection, _DECK_NAMES)
    answered = unchanged.logged_since(connection, _ANSWERED_TODAY, to_ms(day.start))
    limits = unchanged.ask(connection, _LIMITS_SET)
    picked = None
    if guess:
        any_deck = None if deck is None else guess  # the guess for every deck is every deck
        pick = _PICK(any_deck, any_deck, guess, day.review_order)
        picked = execute(connection, pick, _moments(day))
    return NextCardAsked(day, deck, guesses, guess, named, answered, limits, picked)


def _allowed(row: Row | None, left: Allowance, answered: int = 0) -> bool:
    """Whether a card picked with no daily limits is within them (or no card was found), with
    `answered` more cards of its kind counted as answered in each deck."""
    if row is None:
        return True
    state, deck = row[2], row[-1]
    if state == NEW:
        return left.new.for_deck(deck) > answered
    if state == REVIEW:
        return left.review.for_deck(deck) > answered
    return True


def _moments(day: StudyDay) -> dict[str, int]:
    now = to_ms(day.now)
    return {"now": now, "end": to_ms(day.end), "ahead": to_ms(day.now + LEARN_AHEAD)}


def _next_card(
    connection: Connection, day: StudyDay, left: Allowance, deck_ids: list[int]
) -> Row | None:
    every = len(deck_ids) == len(left.names)  # deck_ids are some of left.names
    with_reviews = left.decks_with_reviews(deck_ids)
    pick = _PICK(
        None if every else tuple(deck_ids),
        None if every and len(with_reviews) == len(deck_ids) else tuple(with_reviews),
        tuple(left.decks_with_new(deck_ids)),
        day.review_order,
    )
    return one(connection, pick, _moments(day))


def next_card_id(connection: Connection, day: StudyDay, deck_ids: list[int]) -> int | None:
    if not deck_ids:
        return None
    row = _next_card(connection, day, allowance(connection, day), deck_ids)
    return None if row is None else row[0]


_OVERDUE = select(func.count()).where(
    cards.c.deck_id.in_(_decks),
    cards.c.suspended == NOT_SUSPENDED,
    _not_buried,
    cards.c.state == REVIEW,
    cards.c.due < _moment("start"),
)


def overdue(connection: Connection, day: StudyDay, deck_ids: list[int]) -> int:
    """Review cards that fell due before today and are still waiting."""
    if not deck_ids:
        return 0
    return connection.execute(
        _OVERDUE, {"decks": deck_ids, "now": day.now, "start": day.start}
    ).scalar_one()


def next_due(connection: Connection, day: StudyDay, deck_ids: list[int]) -> datetime | None:
    """When the next card can be studied: now if one is waiting, else the earliest of a learning
    step (learn-ahead early), the rollover for cards held back today (daily limits, resting
    siblings), or the rollover of the study day the next review falls due in.
    """
    if not deck_ids:
        return None
    if next_card_id(connection, day, deck_ids) is not None:
        return day.now
    left = allowance(connection, day)
    names = [left.names[deck_id] for deck_id in deck_ids]
    params = {"decks": deck_ids}
    moments = []
    learning = connection.execute(_NEXT_LEARNING, params).scalar()
    if learning is not None:
        moments.append(max(learning - LEARN_AHEAD, day.now))
    review = connection.execute(_NEXT_REVIEW, params).scalar()
    if review is not None and left.review.any_allowed(names):
        moments.append(day.end if review < day.end else day.start_of_day_with(review))
    if left.new.any_allowed(names) and connection.execute(_ANY_NEW, params).first() is not None:
        moments.append(day.end)
    return min(moments, default=None)
