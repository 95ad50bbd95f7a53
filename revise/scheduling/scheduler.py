"""FSRS through the `fsrs` package: one place that turns a card's stored state into the next.

Fuzz is seeded from the card and its review count (as Anki does), so the interval shown on a grade
button before answering is exactly the interval the answer gives.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import fsrs

from revise.config import Config
from revise.scheduling.states import (  # noqa: F401 (re-exported)
    LEARNING,
    NEW,
    RELEARNING,
    REVIEW,
    Rating,
)


class _Fuzz:
    """fsrs draws its fuzz from `random.random`, imported into its scheduler module: it is
    given a generator of its own (saving and restoring the shared generator's state around
    each answer cost more than the rest of FSRS's work), seeded for each answer when the answer
    first draws (a learning step draws nothing, and a seed costs about 10 us)."""

    def __init__(self) -> None:
        self._generator = random.Random()
        self._seed: int | None = None

    def seed(self, seed: int) -> None:
        self._seed = seed

    def random(self) -> float:
        if self._seed is not None:
            self._generator.seed(self._seed)
            self._seed = None
        return self._generator.random()


_FUZZ = _Fuzz()
fsrs.scheduler.random = _FUZZ.random  # type: ignore[attr-defined]


@dataclass(frozen=True)
class MemoryState:
    """What the scheduler needs of a card, as stored."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime | None
    last_review: datetime | None
    reps: int
    lapses: int


class Scheduler:
    def __init__(self, config: Config, parameters: Sequence[float] | None = None) -> None:
        """`parameters`: FSRS-6's 21 weights fitted to the user (None: FSRS's defaults)."""
        self._fsrs = fsrs.Scheduler(
            **({"parameters": tuple(parameters)} if parameters is not None else {}),
            desired_retention=config.desired_retention,
            learning_steps=config.learning_steps,
            relearning_steps=config.relearning_steps,
            maximum_interval=config.maximum_interval_days,
            enable_fuzzing=config.fuzz,
        )

    def next_state(
        self, card_id: int, memory: MemoryState, rating: Rating, now: datetime
    ) -> MemoryState:
        card = fsrs.Card(
            card_id=card_id,
            state=fsrs.State.Learning if memory.state == NEW else fsrs.State(memory.state),
            step=0 if memory.state == NEW else memory.step,
            stability=memory.stability,
            difficulty=memory.difficulty,
            due=memory.due or now,
            last_review=memory.last_review,
        )
        _FUZZ.seed(card_id * 1_000_003 + memory.reps)
        after, _log = self._fsrs.review_card(card, fsrs.Rating(int(rating)), now)
        lapsed = memory.state == REVIEW and rating == Rating.AGAIN
        return MemoryState(
            state=int(after.state),
            step=after.step,
            stability=after.stability,
            difficulty=after.difficulty,
            due=after.due,
            last_review=after.last_review,
            reps=memory.reps + 1,
            lapses=memory.lapses + (1 if lapsed else 0),
        )

    def retrievability(self, memory: MemoryState, now: datetime) -> float | None:
        """The chance of recalling the card at `now`; None for a card not yet studied."""
        if memory.stability is None or memory.last_review is None:
            return None
        card = fsrs.Card(
            state=fsrs.State.Review,
            stability=memory.stability,
            difficulty=memory.difficulty,
            last_review=memory.last_review,
        )
        return self._fsrs.get_card_retrievability(card, now)

    def preview(self, card_id: int, memory: MemoryState, now: datetime) -> dict[Rating, timedelta]:
        """The interval each rating would give if answered at `now`."""
        return {
            rating: self.next_state(card_id, memory, rating, now).due - now  # type: ignore[operator]
            for rating in Rating
        }


def describe_interval(interval: timedelta) -> str:
    """A short human interval as on Anki's buttons: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(0, interval.total_seconds())
    if seconds < 60:
        return f"{round(seconds)}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")
