"""Fitting FSRS to a user's own reviews, and the workload a desired retention would give.

The fitting and the simulator are those of fsrs-rs (the FSRS authors' Rust optimiser, through
fsrs-rs-python), as Anki uses them. This module turns plain reviews into its training items the
way Anki does, and judges fitted parameters on reviews the fit did not see: the reviews are put
in time order and cut in six; the fit on the first k parts predicts part k + 1 (srs-benchmark's
time-series split). The parameters in use predict the same five parts, so the two log losses
compare like with like. Fitted parameters are kept only if they predict better.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TextIO

from revise.errors import ReviseError
from revise.textsafe import quoted

MIN_REVIEWS = 400  # fewer reviews than this fit noise, not the user's memory
SPLITS = 5  # as fsrs-rs's evaluate_with_time_series_splits: five folds over six parts
PARAMETER_DIGITS = 6
WORKLOAD_RETENTIONS = (0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.97)
WORKLOAD_DAYS = 365
WORKLOAD_SEED = 42  # the same simulation every time, so two retentions differ only by retention


@dataclass(frozen=True)
class ReviewRecord:
    """One review, as a script or another app's log gives it."""

    card_id: int
    time: datetime  # aware
    rating: int  # 1 Again, 2 Hard, 3 Good, 4 Easy
    duration_ms: int | None = None


@dataclass(frozen=True)
class Evaluation:
    log_loss: float
    rmse_bins: float


@dataclass(frozen=True)
class OptimizeResult:
    reviews: int  # reviews that went into the fit
    cards: int
    predicted: int  # reviews on a later day than the one before: what the fit learns to predict
    in_use: tuple[float, ...]
    fitted: tuple[float, ...]
    before: Evaluation  # the parameters in use, on the held-out parts
    after: Evaluation  # the fit, on the same held-out parts

    @property
    def improved(self) -> bool:
        return self.after.log_loss < self.before.log_loss

    @property
    def parameters(self) -> tuple[float, ...]:
        """What to use from now on: the fit if it predicts better, otherwise what is in use."""
        return self.fitted if self.improved else self.in_use

    def as_dict(self) -> dict[str, object]:
        return {
            "log_loss_before": self.before.log_loss,
            "log_loss_after": self.after.log_loss,
            "rmse_bins_before": self.before.rmse_bins,
            "rmse_bins_after": self.after.rmse_bins,
            "reviews": self.reviews,
            "cards": self.cards,
            "improved": self.improved,
            "parameters": list(self.parameters),
        }


@dataclass(frozen=True)
class _Item:
    """A review to predict, with the card's reviews before it: (rating, days since previous)."""

    time: datetime
    card_id: int
    reviews: tuple[tuple[int, int], ...]


def default_parameters() -> tuple[float, ...]:
    import fsrs

    return tuple(fsrs.Scheduler().parameters)


def optimize(
    records: Iterable[ReviewRecord],
    *,
    in_use: Sequence[float] | None = None,
    day_starts_at: int,
    zone: tzinfo | None = None,
) -> OptimizeResult:
    """Fit FSRS to `records` and judge the fit against `in_use` (FSRS's defaults if None).

    Days are counted in `zone` (the system's local time if None) from the `day_starts_at` hour.
    Raises ReviseError when there are too few reviews to fit.
    """
    import fsrs_rs_python as rs

    in_use = tuple(in_use) if in_use is not None else default_parameters()
    by_card = _by_card(records)
    reviews = sum(len(history) for history in by_card.values())
    if reviews < MIN_REVIEWS:
        raise ReviseError(
            f"only {reviews} reviews to learn from; FSRS needs at least {MIN_REVIEWS} "
            "(study more and run it again later; the parameters in use stay)"
        )
    items = training_items(by_card, day_starts_at=day_starts_at, zone=zone)
    segment = len(items) // (SPLITS + 1)
    if segment == 0:
        raise ReviseError(
            f"{reviews} reviews but only {len(items)} on a later day than the one before; "
            "FSRS needs reviews spread over days (study more and run it again later)"
        )
    train = [_rs_item(rs, item.reviews) for item in items]
    after = rs.evaluate_with_time_series_splits(train)
    before = evaluate(in_use, [item.reviews for item in items[segment:]])
    fitted = rs.FSRS([]).compute_parameters(train)
    return OptimizeResult(
        reviews=reviews,
        cards=len(by_card),
        predicted=len(items),
        in_use=in_use,
        fitted=valid_parameters(fitted),
        before=before,
        after=Evaluation(float(after.log_loss), float(after.rmse_bins)),
    )


def _by_card(records: Iterable[ReviewRecord]) -> dict[int, list[ReviewRecord]]:
    by_card: dict[int, list[ReviewRecord]] = {}
    for record in records:
        by_card.setdefault(record.card_id, []).append(record)
    for history in by_card.values():
        history.sort(key=lambda record: record.time)
    return by_card


def study_day(moment: datetime, day_starts_at: int, zone: tzinfo | None) -> int:
    """The ordinal of the study day `moment` falls in (a day begins at the rollover hour)."""
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return (local - timedelta(hours=day_starts_at)).date().toordinal()


def training_items(
    by_card: dict[int, list[ReviewRecord]], *, day_starts_at: int, zone: tzinfo | None
) -> list[_Item]:
    """Every review made on a later study day than the card's previous one, in time order.

    Same-day reviews stay in the history with 0 days elapsed, as FSRS-6 models them, but are not
    themselves predicted (as in Anki and srs-benchmark).
    """
    items = []
    for card_id, history in by_card.items():
        reviews: list[tuple[int, int]] = []
        previous: int | None = None
        for record in history:
            day = study_day(record.time, day_starts_at, zone)
            elapsed = 0 if previous is None else day - previous
            reviews.append((record.rating, elapsed))
            if elapsed > 0:
                items.append(_Item(record.time, card_id, tuple(reviews)))
            previous = day
    items.sort(key=lambda item: (item.time, item.card_id))
    return items


def _rs_item(rs, reviews: Sequence[tuple[int, int]]):  # type: ignore[no-untyped-def]
    return rs.FSRSItem([rs.FSRSReview(rating, elapsed) for rating, elapsed in reviews])


def evaluate(parameters: Sequence[float], items: Sequence[Sequence[tuple[int, int]]]) -> Evaluation:
    """Log loss and RMSE (bins) of `parameters` predicting the last review of each item.

    The same measures as fsrs-rs's evaluation with equal weights (its time-series split), so
    they can be set beside what it reports for a fit.
    """
    import fsrs_rs_python as rs

    model = rs.FSRS(list(parameters))
    states = model.memory_state_batch([_rs_item(rs, reviews[:-1]) for reviews in items])
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    loss = 0.0
    bins: dict[tuple[int, int, int], list[float]] = {}
    for reviews, state in zip(items, states, strict=True):
        rating, elapsed = reviews[-1]
        predicted = (1 + factor * elapsed / state.stability) ** decay
        predicted = min(max(predicted, 1e-7), 1 - 1e-7)
        recalled = 1.0 if rating > 1 else 0.0
        loss -= recalled * math.log(predicted) + (1 - recalled) * math.log(1 - predicted)
        totals = bins.setdefault(_rmse_bin(reviews), [0.0, 0.0, 0.0])
        totals[0] += predicted
        totals[1] += recalled
        totals[2] += 1
    squares = sum((p / n - a / n) ** 2 * n for p, a, n in bins.values())
    return Evaluation(loss / len(items), math.sqrt(squares / len(items)))


def _rmse_bin(reviews: Sequence[tuple[int, int]]) -> tuple[int, int, int]:
    """srs-benchmark's bins: by days elapsed, by number of reviews, by lapses (as fsrs-rs)."""
    elapsed = reviews[-1][1]
    elapsed_bin = round(2.48 * 3.62 ** math.floor(math.log(elapsed, 3.62)) * 100)
    length = sum(1 for _, days in reviews if days > 0) + 1
    length_bin = round(1.99 * 1.89 ** math.floor(math.log(length, 1.89)))
    lapses = sum(1 for rating, days in reviews[:-1] if rating == 1 and days > 0)
    lapse_bin = round(1.65 * 1.73 ** math.floor(math.log(lapses, 1.73))) if lapses else 0
    return elapsed_bin, length_bin, lapse_bin


def valid_parameters(parameters: Sequence[float]) -> tuple[float, ...]:
    """Parameters rounded and kept inside the bounds the scheduler (py-fsrs) accepts.

    fsrs-rs works in 32-bit floats: 0.8 comes back as 0.800000011920929, just over a bound.
    """
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    if len(parameters) != len(LOWER_BOUNDS_PARAMETERS):
        raise ReviseError(
            f"expected {len(LOWER_BOUNDS_PARAMETERS)} FSRS parameters, got {len(parameters)}"
        )
    return tuple(
        min(max(round(float(value), PARAMETER_DIGITS), low), high)
        for value, low, high in zip(
            parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    )


# -- a review log from elsewhere ---------------------------------------------------------------

LOG_COLUMNS = ("card_id", "review_rating", "review_time", "review_duration")


def read_review_log(path: Path) -> list[ReviewRecord]:
    """A review log in py-fsrs's CSV layout: card_id, review_rating, review_time (ISO 8601 or
    epoch milliseconds), review_duration (milliseconds, may be empty)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(_log_lines(path, file))
            missing = [name for name in LOG_COLUMNS[:3] if name not in (reader.fieldnames or [])]
            if missing:
                raise ReviseError(
                    f"{path}: not a review log: no column {', '.join(missing)} "
                    f"(want a header row {','.join(LOG_COLUMNS)})"
                )
            return [_log_record(path, number, row) for number, row in enumerate(reader, 2)]
    except UnicodeDecodeError:
        raise ReviseError(f"{path}: not UTF-8 text (save the review log as UTF-8)") from None
    except csv.Error as error:
        raise ReviseError(f"{path}: not a CSV file ({error})") from None


MAX_LOG_LINE = 64 * 1024  # a review log's line is a few dozen characters


def _log_lines(path: Path, file: TextIO) -> Iterator[str]:
    """The file's lines, each read no further than MAX_LOG_LINE: a file with no line breaks
    (`--from-log /dev/zero`) is refused instead of read whole into memory."""
    while line := file.readline(MAX_LOG_LINE + 1):
        if len(line) > MAX_LOG_LINE:
            raise ReviseError(
                f"{path}: not a review log: a line longer than {MAX_LOG_LINE >> 10} KB"
            )
        yield line


def _log_record(path: Path, line: int, row: dict[str, str]) -> ReviewRecord:
    try:
        rating = int(row["review_rating"])
        if not 1 <= rating <= 4:
            raise ValueError(f"rating {rating} is not 1 to 4")
        duration = (row.get("review_duration") or "").strip()
        return ReviewRecord(
            card_id=int(row["card_id"]),
            time=_log_time(row["review_time"]),
            rating=rating,
            duration_ms=int(float(duration)) if duration else None,
        )
    except (TypeError, ValueError, OverflowError) as error:
        raise ReviseError(
            f"{path}:{line}: bad review ({error}); want card_id, review_rating 1-4, "
            "review_time as ISO 8601 with a zone or epoch milliseconds"
        ) from None


def _log_time(text: str) -> datetime:
    from datetime import UTC

    text = text.strip()
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, UTC)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time {quoted(text)} has no zone (add +00:00 for UTC)")
    return moment


# -- what a desired retention costs ------------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    retention: float
    reviews_per_day: float
    minutes_per_day: float
    remembered: float  # cards remembered at the end of the simulated year


def workload(
    parameters: Sequence[float],
    *,
    cards: int,
    new_per_day: int,
    reviews_per_day: int,
    learning_steps: int,
    relearning_steps: int,
    retentions: Sequence[float] = WORKLOAD_RETENTIONS,
    days: int = WORKLOAD_DAYS,
) -> list[Workload]:
    """FSRS's simulator: a year of study of `cards` new cards at each desired retention."""
    import fsrs_rs_python as rs

    config = rs.default_simulator_config()
    config.deck_size = max(1, cards)
    config.learn_span = days
    config.learn_limit = new_per_day
    config.review_limit = reviews_per_day
    config.learning_step_count = learning_steps
    config.relearning_step_count = relearning_steps
    results = []
    for retention in retentions:
        run = rs.simulate(list(parameters), retention, config, WORKLOAD_SEED)
        results.append(
            Workload(
                retention=retention,
                reviews_per_day=sum(run.review_cnt_per_day) / days,
                minutes_per_day=sum(run.cost_per_day) / days / 60,
                remembered=run.memorized_cnt_per_day[-1],
            )
        )
    return results
