"""A card's scheduling states as stored, the grades of an answer, and how early a learning card
may come (light: no FSRS, no SQLAlchemy)."""

from __future__ import annotations

from datetime import timedelta
from enum import IntEnum

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
LEARN_AHEAD = timedelta(minutes=20)  # as Anki: finish learning steps early rather than wait


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4
