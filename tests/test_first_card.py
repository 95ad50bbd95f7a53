"""The first card `revise study` paints, and the deck list `revise` paints, read before SQLAlchemy
is imported, are the card the collection itself would serve and the counts it would give, in
every state of the queue."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revise.config import Config
from revise.errors import ReviseError
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.study.collection import Collection
from revise.study.first_card import read_deck_list, read_first_card
from tests.core_fixtures import START, Clock

ROOT = Path(__file__).resolve().parent.parent
DECKS = (None, "Lang", "Lang::French", "History", "lang")


def _decks() -> list[DeckData]:
    def notes(prefix: str, count: int, kind: NoteKind = NoteKind.BASIC) -> list[NoteData]:
        return [NoteData(kind, f"{prefix} {i}?", f"{prefix} answer {i}") for i in range(count)]

    return [
        DeckData("Lang::French", notes("French", 4, NoteKind.REVERSED)),
        DeckData("Lang::German", notes("German", 3)),
        DeckData("History", notes("History", 5)),
        DeckData("Lang_x", notes("Underscore", 2)),  # `_` is not a LIKE wildcard for Lang
    ]


def _same_as_the_collection(col: Collection, path: Path, config: Config, clock: Clock) -> None:
    for deck in DECKS:
        fast = read_first_card(path, deck, config, clock.now)
        assert fast is not None
        assert fast.card == col.next_card(deck), deck
    deck_list = read_deck_list(path, config, clock.now)
    assert deck_list is not None
    assert (deck_list.decks, deck_list.totals) == col.overview()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(DECKS),
            st.integers(min_value=1, max_value=4),
            st.sampled_from([0, 0, 2, 11, 30, 60 * 20, 60 * 24]),
        ),
        min_size=1,
        max_size=25,
    ),
    limits=st.sampled_from([(20, 200, 20, 200), (2, 1, 3, 2), (1, 0, 5, 5)]),
    deck_limits=st.sampled_from(
        [{}, {"Lang": ("1", "0")}, {"Lang::French": ("0", "1"), "History": ("3", None)}]
    ),
    review_order=st.sampled_from(["due", "retrievability"]),
)
def test_the_first_card_is_the_collections_next_card_whatever_was_answered(
    tmp_path_factory: pytest.TempPathFactory,
    steps: list[tuple[str | None, int, int]],
    limits: tuple[int, int, int, int],
    deck_limits: dict[str, tuple[str | None, str | None]],
    review_order: str,
) -> None:
    path = tmp_path_factory.mktemp("first") / "col.db"
    new, reviews, col_new, col_reviews = limits
    config = Config(
        fuzz=False,
        new_per_day=new,
        reviews_per_day=reviews,
        collection_new_per_day=col_new,
        collection_reviews_per_day=col_reviews,
        review_order=review_order,
    )
    clock = Clock(START)
    with Collection.open(path, config=config, clock=clock) as col:
        col.import_decks(_decks())
        for deck, (new, reviews) in deck_limits.items():  # limits set on a deck (deck options)
            col.set_deck_options(deck, {"new_per_day": new, "reviews_per_day": reviews})
        _same_as_the_collection(col, path, config, clock)
        for deck, rating, minutes in steps:
            card = col.next_card(deck)
            if card is not None:
                col.answer(card, rating)
            clock.advance(minutes=minutes)
            _same_as_the_collection(col, path, config, clock)


def test_suspended_cards_and_an_empty_queue_agree_with_the_collection(tmp_path: Path) -> None:
    path = tmp_path / "col.db"
    config = Config(fuzz=False)
    clock = Clock(START)
    with Collection.open(path, config=config, clock=clock) as col:
        col.import_decks(_decks())
        col.import_decks([DeckData("History", [])])  # its cards go missing: suspended
        _same_as_the_collection(col, path, config, clock)
        buried = col.next_card("Lang::German")
        assert buried is not None
        col.actions.set_buried([buried.id], True)
        _same_as_the_collection(col, path, config, clock)
        while (card := col.next_card()) is not None:
            col.answer(card, 4)
        fast = read_first_card(path, None, config, clock.now)
        assert fast is not None and fast.card is None


def test_a_deck_that_does_not_exist_is_the_usual_error(tmp_path: Path) -> None:
    path = tmp_path / "col.db"
    with Collection.open(path) as col:
        col.import_decks(_decks())
    with pytest.raises(ReviseError, match="no deck named 'Physics'"):
        read_first_card(path, "Physics", Config(), START)


def test_a_file_to_create_or_upgrade_takes_the_usual_path(tmp_path: Path) -> None:
    config = Config()
    assert read_first_card(tmp_path / "missing.db", None, config, START) is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE things (id INTEGER)").connection.close()
    assert read_first_card(other, None, config, START) is None
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert read_first_card(garbage, None, config, START) is None
    old = tmp_path / "old.db"
    with Collection.open(old) as col:
        col.import_decks(_decks())
    with sqlite3.connect(old) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0004_older'")
    raw.close()
    assert read_first_card(old, None, config, START) is None
    assert read_deck_list(old, config, START) is None
    assert read_deck_list(tmp_path / "missing.db", config, START) is None


def test_the_first_card_is_read_without_importing_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "col.db"
    with Collection.open(path) as col:
        col.import_decks(_decks())
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from pathlib import Path\n"
        "from revise.config import Config\n"
        "from revise.study.first_card import read_first_card\n"
        f"first = read_first_card(Path({str(path)!r}), None, Config(), datetime.now(UTC))\n"
        "print(first.card.prompt)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'fsrs')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["French 0?", "[]"]


def test_the_deck_list_is_read_without_importing_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "col.db"
    with Collection.open(path) as col:
        col.import_decks(_decks())
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from pathlib import Path\n"
        "from revise.config import Config\n"
        "from revise.study.first_card import read_deck_list\n"
        f"read = read_deck_list(Path({str(path)!r}), Config(), datetime.now(UTC))\n"
        "print([(deck.name, deck.new, deck.total) for deck in read.decks])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'fsrs')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "[('History', 5, 5), ('Lang::French', 8, 8), ('Lang::German', 3, 3), ('Lang_x', 2, 2)]",
        "[]",
    ]


def test_a_deck_whose_review_limit_is_used_up_gives_its_reviews_no_more(tmp_path: Path) -> None:
    path = tmp_path / "col.db"
    config = Config(fuzz=False, reviews_per_day=1, new_per_day=50, collection_new_per_day=50)
    clock = Clock(START)
    with Collection.open(path, config=config, clock=clock) as col:
        col.import_decks(_decks())
        while (card := col.next_card()) is not None:  # every card learnt: reviews later on
            col.answer(card, 3)
            clock.advance(minutes=11)
        clock.advance(days=60)
        for deck in ("History", "Lang::German"):
            card = col.next_card(deck)
            assert card is not None and card.state == 2
            col.answer(card, 3)
        _same_as_the_collection(col, path, config, clock)
