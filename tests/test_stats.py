"""Statistics: a generated history with a fixed clock, summed as a user reads them."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import update

from revise import Collection, Rating
from revise.cli import main
from revise.config import Config
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage import engine as storage
from revise.storage.models import Card, from_ms, to_ms
from revise.study import stats
from tests.core_fixtures import Clock


@dataclass
class History:
    """What the generated study history did, counted as it happened."""

    reviews: int = 0
    again: int = 0
    review_state: int = 0  # answers to cards in the review state (young: the history is short)
    review_state_kept: int = 0
    days_studied: list[int] = field(default_factory=list)
    last_day: dict[str, int] = field(default_factory=dict)


def generate_history(col: Collection, clock: Clock, deck: str, days: int, skip=()) -> History:
    """Study `deck` on `days` days (not on those in `skip`): every due card; every fourth
    answer to a card in the review state is Again."""
    history = History()
    for day in range(days):
        if day not in skip:
            studied = False
            while (card := col.next_card(deck)) is not None:
                rating = Rating.GOOD
                if card.state == REVIEW:
                    history.review_state += 1
                    if history.review_state % 4 == 0:
                        rating = Rating.AGAIN
                    else:
                        history.review_state_kept += 1
                col.answer(card, rating, duration_ms=5000)
                history.reviews += 1
                history.again += rating == Rating.AGAIN
                studied = True
                clock.advance(minutes=11)
            if studied:
                history.days_studied.append(day)
        clock.now = clock.now.replace(hour=12, minute=0) + timedelta(days=1)
    return history


def deck(name: str, count: int) -> DeckData:
    return DeckData(
        name,
        [NoteData(NoteKind.BASIC, f"{name} question {i}?", f"Answer {i}") for i in range(count)],
    )


@pytest.fixture
def studied(db, clock):  # type: ignore[no-untyped-def]
    col = Collection.open(
        db, config=Config(fuzz=False, new_per_day=5, leech_threshold=0), clock=clock
    )
    col.import_decks([deck("History", 12), deck("Maths", 3)])
    history = generate_history(col, clock, "History", days=20, skip=(14,))
    yield col, history
    col.close()


def test_statistics_add_up_to_what_was_studied(studied):
    col, history = studied
    stats = col.statistics("History")
    year = stats.periods[-1]
    assert (year.label, year.reviews, year.cards) == ("365 days", history.reviews, 12)
    assert year.seconds == history.reviews * 5
    assert year.again == history.again
    assert year.young.total == history.review_state
    assert year.young.passed == history.review_state_kept
    assert year.young.rate == pytest.approx(history.review_state_kept / history.review_state)
    assert year.mature.total == 0  # no review in 20 days comes after an interval of 21 days
    assert sum(stats.heatmap) == history.reviews
    studied_days = [i for i, count in enumerate(stats.heatmap) if count]
    assert len(studied_days) == len(history.days_studied)
    # Day 14 was skipped: the streak runs from day 15 to the last day (19), yesterday.
    assert history.days_studied[-1] == 19 and 14 not in history.days_studied
    assert stats.streak == 5
    assert stats.longest_streak == 14
    assert sum(stats.states.values()) == 12
    assert stats.states["new"] == 0
    scheduled = stats.states["learning"] + stats.states["young"] + stats.states["mature"]
    assert sum(stats.forecast) == scheduled == 12
    in_review = stats.states["young"] + stats.states["mature"]
    assert sum(bucket.count for bucket in stats.intervals) == in_review
    assert sum(bucket.count for bucket in stats.retrievability) == 12


def test_today_counts_only_todays_reviews_and_decks_are_apart(studied, clock):
    col, _ = studied
    before = col.statistics("History").periods[0]
    assert before.reviews == 0  # the clock stands at noon of the day after the last study day
    card = col.next_card("Maths")
    col.answer(card, Rating.AGAIN, duration_ms=3000)
    maths = col.statistics("Maths")
    assert (maths.periods[0].reviews, maths.periods[0].again_rate) == (1, 1.0)
    assert col.statistics("History").periods[0].reviews == 0
    assert col.statistics().periods[0].reviews == 1
    assert maths.streak == 1 and maths.states["learning"] == 1 and maths.states["new"] == 2


DECAY = 0.1542


def scatter_cards(col: Collection, now_ms: int) -> list[dict]:  # type: ignore[type-arg]
    """Give every card of the collection a random state, memory and dates (some suspended,
    buried, or reviewed in the future), and return them as written."""
    rng = random.Random(11)
    day = 86_400_000
    written = []
    with storage.writing(col._engine) as connection:
        ids = connection.execute(Card.__table__.select().with_only_columns(Card.id)).scalars()
        for card_id in list(ids):
            state = rng.choice((NEW, LEARNING, REVIEW, REVIEW, REVIEW, RELEARNING))
            card = {"id": card_id, "state": state, "suspended": int(rng.random() < 0.1)}
            card["buried"] = rng.random() < 0.05
            if state != NEW:
                last = now_ms - int(rng.uniform(-2, 400) * day)
                # Some on a bucket's edge: an edge belongs to the bucket above it.
                interval = rng.choice((rng.uniform(0.01, 400), rng.choice(stats.INTERVAL_EDGES)))
                card.update(
                    stability=rng.choice(
                        (0.0, rng.lognormvariate(2, 1.5), float(rng.choice(stats.STABILITY_EDGES)))
                    ),
                    difficulty=rng.choice((rng.uniform(1, 10), float(rng.randint(1, 10)))),
                    last=last,
                    due=last + int(interval * day),
                )
            written.append(card)
            connection.execute(
                update(Card.__table__)
                .where(Card.id == card_id)
                .values(
                    state=state,
                    suspended=card["suspended"],
                    buried_until=from_ms(now_ms + day) if card["buried"] else None,
                    stability=card.get("stability"),
                    difficulty=card.get("difficulty"),
                    last_review=from_ms(card["last"]) if "last" in card else None,
                    due=from_ms(card["due"]) if "due" in card else None,
                )
            )
    return written


def counted(edges: tuple[float, ...], values: list[float]) -> list[int]:
    """How many values fall in each bucket: below the first edge, between edges, above."""
    counts = [0] * (len(edges) + 1)
    for value in values:
        counts[sum(value >= edge for edge in edges)] += 1
    return counts


def test_card_figures_match_each_cards_own(db, clock):
    """States, distributions and the forecast as worked out card by card in Python."""
    col = Collection.open(db, config=Config(fuzz=False), clock=clock)
    col.import_decks([deck("History", 150), deck("Maths", 50)])
    day = col._day()
    start_ms, now_ms, day_ms = to_ms(day.start), to_ms(day.now), 86_400_000
    cards = scatter_cards(col, now_ms)
    with storage.reading(col._engine) as connection:
        got = stats.collect(
            connection,
            None,
            deck=None,
            now=day.now,
            day_start=day.start,
            desired_retention=0.9,
            decay=DECAY,
        )
    col.close()

    states = dict.fromkeys(stats.STATE_NAMES, 0)
    for card in cards:
        if card["suspended"]:
            states["suspended"] += 1
        elif card["buried"]:
            states["buried"] += 1
        elif card["state"] == NEW:
            states["new"] += 1
        elif card["state"] != REVIEW:
            states["learning"] += 1
        else:
            mature = card["due"] - card["last"] >= stats.MATURE_DAYS * day_ms
            states["mature" if mature else "young"] += 1
    assert got.states == states

    measured = [c for c in cards if not c["suspended"] and c["state"] != NEW]
    in_review = [c for c in measured if c["state"] == REVIEW]
    with_stability = [c for c in measured if c["stability"] > 0]
    factor = 0.9 ** (1 / -DECAY) - 1
    recall = [
        (1 + factor * max(0, now_ms - c["last"]) / day_ms / c["stability"]) ** -DECAY
        for c in with_stability
    ]
    assert [b.count for b in got.intervals] == counted(
        stats.INTERVAL_EDGES, [(c["due"] - c["last"]) / day_ms for c in in_review]
    )
    assert [b.count for b in got.stability] == counted(
        stats.STABILITY_EDGES, [c["stability"] for c in with_stability]
    )
    assert [b.count for b in got.difficulty] == counted(
        stats.DIFFICULTY_EDGES, [c["difficulty"] for c in measured]
    )
    assert [b.count for b in got.retrievability] == counted(stats.RETRIEVABILITY_EDGES, recall)

    forecast = [0] * stats.FORECAST_DAYS
    for card in measured:
        index = max(0, (card["due"] - start_ms) // day_ms)
        if index < len(forecast):
            forecast[index] += 1
    assert got.forecast == forecast
    assert got.overdue == sum(card["due"] < start_ms for card in measured)
    for (days, _), period in zip(stats.PERIODS, got.periods, strict=True):
        since = start_ms - (days - 1) * day_ms
        assert period.cards == sum(card.get("last", -1) >= since for card in cards)


def test_statistics_come_part_by_part_and_add_up_to_the_whole(studied):
    col, history = studied
    steps = list(col.statistics_in_steps("History"))
    assert [part for part, _ in steps] == list(stats.PARTS)
    reviews, forecast, whole = (statistics for _, statistics in steps)
    assert reviews.periods[-1].reviews == history.reviews and reviews.streak == 5
    assert reviews.forecast == [] and reviews.states == {} and reviews.intervals == []
    assert forecast.forecast == whole.forecast and forecast.states == {}
    assert whole == col.statistics("History")
    assert whole.periods[-1].cards == 12 and sum(whole.states.values()) == 12


def test_stats_command_prints_figures_and_json(studied, db, monkeypatch, tmp_path, capsys):
    _, history = studied
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["--db", db, "stats", "History", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["periods"][-1]["reviews"] == history.reviews
    assert data["periods"][-1]["young"]["total"] == history.review_state
    assert len(data["heatmap"]) == 365 and len(data["forecast"]) == 365
    assert set(data["states"]) == {"new", "learning", "young", "mature", "suspended", "buried"}
    assert main(["--db", db, "stats", "History"]) == 0
    text = capsys.readouterr().out
    assert (
        "Statistics of deck 'History'" in text and "Streak:" in text and "Retrievability:" in text
    )
    assert main(["--db", db, "stats", "Nope"]) == 1
    assert capsys.readouterr().err == "revise: no deck named 'Nope' (see `revise decks`)\n"


def test_statistics_core_does_not_import_textual():
    code = (
        "import sys\n"
        "import revise.study.stats, revise.study.stats_text, revise.scheduling.optimize\n"
        "import revise.study.tuning\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
