"""FSRS parameters fitted to the user's reviews: stored per deck or for all, and in use.

Parameters apply to a deck and its sub-decks ("History" covers "History::Korea"); a deck without
its own uses its parent's, then those for all decks, then FSRS's defaults. Every fit or reset adds
a version; the newest version of the nearest scope is in use, and the scheduler picks it up from
the next answer, even when another process stored it.

Parameters follow their deck: renaming a deck moves its versions to the new name, deleting it
removes them (undoing the deletion puts them back), so a new deck of the old name starts afresh.
Every change adds a row newer than all before it, even one that removes rows, because that is
how an open window sees a change (it reloads when the newest row's id is not the one it read).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from revise.config import Config
from revise.errors import ReviseError
from revise.scheduling.limits import SEPARATOR
from revise.scheduling.optimize import (
    OptimizeResult,
    ReviewRecord,
    Workload,
    optimize,
    valid_parameters,
    workload,
)
from revise.scheduling.scheduler import NEW, Scheduler
from revise.storage import engine as storage
from revise.storage.models import NOT_SUSPENDED, Card, Deck, Review, SchedulerParameters
from revise.storage.prepared import Row
from revise.study.custom import CRAM_ORIGIN
from revise.study.deck_options import DeckOptionsStore, SchedulingOptions, defaults

cards_t = Card.__table__
decks_t = Deck.__table__
reviews_t = Review.__table__
params_t = SchedulerParameters.__table__


@dataclass(frozen=True)
class ParametersInUse:
    """The parameters a deck (or all decks) uses, and where they come from."""

    scope: str | None  # the deck whose version applies; None: the version for all decks
    version: int  # how many versions that scope has had; 0: never fitted
    parameters: tuple[float, ...] | None  # None: FSRS's defaults
    fitted_at: datetime | None
    reviews: int
    log_loss: float | None

    @property
    def is_default(self) -> bool:
        return self.parameters is None


@dataclass(frozen=True)
class OptimizeOutcome:
    result: OptimizeResult
    stored: bool  # a new version was stored (not a dry run, and the fit predicts better)
    before: ParametersInUse


def scopes_of(deck: str | None) -> list[str | None]:
    """The scopes that may apply to a deck, nearest first: itself, its parents, all decks."""
    if deck is None:
        return [None]
    parts = deck.split("::")
    return ["::".join(parts[:end]) for end in range(len(parts), 0, -1)] + [None]


class Tuning:
    def __init__(
        self,
        engine: Engine,
        lock: threading.RLock,
        config: Config,
        options: DeckOptionsStore | None = None,
    ) -> None:
        self._engine = engine
        self._lock = lock
        self._config = config
        self._options = options or DeckOptionsStore(config)
        self._default = Scheduler(config)
        self._seen: int | None = None  # newest version id when the cache below was filled
        self._latest: dict[str | None, tuple[int, tuple[float, ...] | None]] = {}
        # By parameters (None: FSRS's defaults) and deck options (None: config.toml's).
        self._schedulers: dict[
            tuple[tuple[float, ...] | None, SchedulingOptions | None], Scheduler
        ] = {}

    # -- the scheduler each card uses ----------------------------------------------------------

    def scheduler(self, connection: Connection, card_id: int) -> Scheduler:
        """The scheduler for a card's deck, with the parameters and deck options stored as of
        this transaction."""
        fitted = self._refresh(connection)
        if not fitted and not self._options.table(connection):
            return self._default
        name = connection.execute(
            select(decks_t.c.name)
            .select_from(cards_t.join(decks_t, decks_t.c.id == cards_t.c.deck_id))
            .where(cards_t.c.id == card_id)
        ).scalar()
        return self._for_deck(connection, name, fitted)

    def scheduler_for(
        self, connection: Connection, newest: int | None, deck: str, options: list[Row]
    ) -> Scheduler:
        """As `scheduler`, given what the answer already read: the newest version's id (None:
        never fitted), the card's deck and the deck options table (deck_options.ALL_ROWS)."""
        if newest is not None:
            self._load(connection, newest)
        return self._for_deck(connection, deck, newest is not None, options)

    def _for_deck(
        self,
        connection: Connection,
        name: str | None,
        fitted: bool,
        options_read: list[Row] | None = None,
    ) -> Scheduler:
        parameters = self._resolve(name)[1] if fitted else None
        options = (
            self._options.scheduling(connection, name, options_read) if name is not None else None
        )
        if parameters is None and options is None:
            return self._default
        key = (parameters, options)
        if key not in self._schedulers:
            config = self._config if options is None else options.applied_to(self._config)
            self._schedulers[key] = Scheduler(config, parameters)
        return self._schedulers[key]

    def _refresh(self, connection: Connection) -> bool:
        """Reload the newest version of each scope if any was added; False if there are none."""
        newest = connection.execute(select(func.max(params_t.c.id))).scalar()
        self._load(connection, newest)
        return newest is not None

    def _load(self, connection: Connection, newest: int | None) -> None:
        if newest != self._seen:
            latest: dict[str | None, tuple[int, tuple[float, ...] | None]] = {}
            for row_id, scope, text, removed in connection.execute(
                select(
                    params_t.c.id, params_t.c.deck, params_t.c.parameters, params_t.c.removed
                ).order_by(params_t.c.id)
            ):
                if removed:
                    latest.pop(scope, None)
                else:
                    latest[scope] = (row_id, _parse(text))
            self._latest = latest
            self._seen = newest

    def _resolve(self, deck: str | None) -> tuple[str | None, tuple[float, ...] | None]:
        for scope in scopes_of(deck):
            if scope in self._latest:
                return scope, self._latest[scope][1]
        return None, None

    # -- what is in use ------------------------------------------------------------------------

    def in_use(self, deck: str | None) -> ParametersInUse:
        with self._lock, storage.reading(self._engine) as connection:
            return self._in_use(connection, deck)

    def _in_use(self, connection: Connection, deck: str | None) -> ParametersInUse:
        self._refresh(connection)
        scope, _ = self._resolve(deck)
        if scope not in self._latest:
            return ParametersInUse(None, 0, None, None, 0, None)
        row_id = self._latest[scope][0]
        row = connection.execute(select(params_t).where(params_t.c.id == row_id)).one()
        version = connection.execute(
            select(func.count()).where(
                _scope_is(scope), params_t.c.id <= row_id, params_t.c.removed.is_(False)
            )
        ).scalar_one()
        return ParametersInUse(
            scope=scope,
            version=version,
            parameters=_parse(row.parameters),
            fitted_at=row.created_at if row.parameters is not None else None,
            reviews=row.reviews,
            log_loss=row.log_loss,
        )

    # -- fitting and going back ----------------------------------------------------------------

    def review_records(self, deck_ids: Sequence[int]) -> list[ReviewRecord]:
        """The reviews of these decks' cards that FSRS can learn from, as plain records."""
        with self._lock, storage.reading(self._engine) as connection:
            rows = connection.execute(
                select(
                    reviews_t.c.card_id,
                    reviews_t.c.reviewed_at,
                    reviews_t.c.rating,
                    reviews_t.c.duration_ms,
                    reviews_t.c.origin,
                    reviews_t.c.state_before,
                )
                .join(cards_t, cards_t.c.id == reviews_t.c.card_id)
                .where(cards_t.c.deck_id.in_(deck_ids), reviews_t.c.origin != CRAM_ORIGIN)
                .order_by(reviews_t.c.card_id, reviews_t.c.reviewed_at, reviews_t.c.id)
            ).all()
        records: list[ReviewRecord] = []
        start = 0
        for end in range(1, len(rows) + 1):
            if end == len(rows) or rows[end].card_id != rows[start].card_id:
                records.extend(_learnable(rows[start:end]))
                start = end
        return records

    def optimize(
        self, deck: str | None, deck_ids: Sequence[int], *, dry_run: bool, now: datetime
    ) -> OptimizeOutcome:
        before = self.in_use(deck)
        result = optimize(
            self.review_records(deck_ids),
            in_use=before.parameters,
            day_starts_at=self._config.day_starts_at,
        )
        stored = result.improved and not dry_run
        if stored:
            self._store(
                deck,
                result.parameters,
                now,
                reviews=result.reviews,
                log_loss=result.after.log_loss,
                rmse_bins=result.after.rmse_bins,
            )
        return OptimizeOutcome(result, stored, before)

    def set_parameters(
        self, deck: str | None, parameters: Sequence[float] | None, now: datetime
    ) -> ParametersInUse:
        """Store a version for a scope: given parameters, or FSRS's defaults (None)."""
        checked = None if parameters is None else valid_parameters(parameters)
        self._store(deck, checked, now, reviews=0, log_loss=None, rmse_bins=None)
        return self.in_use(deck)

    def _store(
        self,
        deck: str | None,
        parameters: tuple[float, ...] | None,
        now: datetime,
        *,
        reviews: int,
        log_loss: float | None,
        rmse_bins: float | None,
    ) -> None:
        with self._lock, storage.writing(self._engine) as connection:
            connection.execute(
                insert(params_t).values(
                    deck=deck,
                    parameters=None if parameters is None else json.dumps(list(parameters)),
                    reviews=reviews,
                    log_loss=log_loss,
                    rmse_bins=rmse_bins,
                    created_at=now,
                )
            )

    def workload(self, deck: str | None, deck_ids: Sequence[int]) -> list[Workload]:
        with self._lock, storage.reading(self._engine) as connection:
            cards = connection.execute(
                select(func.count()).where(
                    cards_t.c.deck_id.in_(deck_ids), cards_t.c.suspended == NOT_SUSPENDED
                )
            ).scalar_one()
            parameters = self._in_use(connection, deck).parameters
            # The deck's limits and steps (revise deck-options), else config.toml's.
            options = defaults(self._config)
            if deck is not None:
                options = self._options.read(connection, deck).values
        if cards == 0:
            raise ReviseError("no cards to simulate (import a deck first)")
        from revise.scheduling.optimize import default_parameters

        return workload(
            parameters or default_parameters(),
            cards=cards,
            new_per_day=int(options["new_per_day"]),  # type: ignore[call-overload]
            reviews_per_day=int(options["reviews_per_day"]),  # type: ignore[call-overload]
            learning_steps=len(options["learning_steps"]),  # type: ignore[arg-type]
            relearning_steps=len(options["relearning_steps"]),  # type: ignore[arg-type]
        )


def _scope_is(scope: str | None):  # type: ignore[no-untyped-def]
    return params_t.c.deck.is_(None) if scope is None else params_t.c.deck == scope


def _parse(text: str | None) -> tuple[float, ...] | None:
    if text is None:
        return None
    try:
        return valid_parameters(json.loads(text))
    except (ValueError, TypeError):
        raise ReviseError(
            "stored FSRS parameters are damaged; go back to the defaults with "
            "`revise optimize --reset`"
        ) from None


def _learnable(history: Sequence) -> list[ReviewRecord]:  # type: ignore[type-arg]
    """A card's reviews from the moment it was new, as Anki trains on them.

    A card studied from new in revise starts at that first answer. A card whose reviews came
    from another app (an Anki package) starts at its first imported review, the start of the log
    that app kept. A card that came in with a schedule but no reviews (its history is elsewhere)
    cannot show how memory starts and is left out.
    """
    start = None
    for index, row in enumerate(history):
        if row.origin == "revise" and row.state_before == NEW:
            start = index
    if start is None:
        if history[0].origin == "revise":
            return []
        start = 0
    return [
        ReviewRecord(row.card_id, row.reviewed_at, row.rating, row.duration_ms)
        for row in history[start:]
    ]


# -- parameters follow their deck ----------------------------------------------------------------


def _within(scope: str | None, deck: str) -> bool:
    """Whether `scope` is the deck `deck` or one of its sub-decks (spelt as stored)."""
    return scope is not None and (scope == deck or scope.startswith(deck + SEPARATOR))


def _versions_within(connection: Connection, deck: str) -> list[dict[str, Any]]:
    """Every row of the scopes of `deck` and its sub-decks, oldest first."""
    return [
        dict(row._mapping)
        for row in connection.execute(select(params_t).order_by(params_t.c.id))
        if _within(row.deck, deck)
    ]


def _add_versions(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Add `rows` again as the newest versions, one at a time so their order is kept."""
    for row in rows:
        connection.execute(insert(params_t).values({k: v for k, v in row.items() if k != "id"}))


def move_parameters(connection: Connection, old: str, new: str) -> None:
    """A renamed deck's parameters (and its sub-decks') go with it: each version, in order and
    with its date, is added under the new name, then the old name's are deleted."""
    rows = [row for row in _versions_within(connection, old) if not row["removed"]]
    if not rows:
        return
    _add_versions(connection, [{**row, "deck": new + row["deck"][len(old) :]} for row in rows])
    connection.execute(delete(params_t).where(params_t.c.id.in_([row["id"] for row in rows])))


def take_parameters(connection: Connection, deck: str, now: datetime) -> list[dict[str, Any]]:
    """Remove the parameters of a deleted deck and its sub-decks; returns their versions, for
    `put_back_parameters`. A `removed` row for each scope comes first (see the module's note)."""
    rows = _versions_within(connection, deck)
    versions = [row for row in rows if not row["removed"]]
    if not versions:
        return []
    for scope in dict.fromkeys(row["deck"] for row in versions):
        connection.execute(
            insert(params_t).values(deck=scope, reviews=0, created_at=now, removed=True)
        )
    connection.execute(delete(params_t).where(params_t.c.id.in_([row["id"] for row in rows])))
    return versions


def put_back_parameters(connection: Connection, versions: list[dict[str, Any]]) -> None:
    """Undoing a deletion: the versions `take_parameters` took are added again, for each scope
    that has had none since (a fit since is newer: it stays)."""
    scopes = {row["deck"] for row in versions}
    if not scopes:
        return
    fitted_since = set(
        connection.execute(
            select(params_t.c.deck).where(
                params_t.c.deck.in_(scopes), params_t.c.removed.is_(False)
            )
        ).scalars()
    )
    back = [row for row in versions if row["deck"] not in fitted_since]
    _add_versions(connection, back)
    restored = list({row["deck"] for row in back})
    if restored:  # the rows saying they were removed go, now that newer rows were added
        connection.execute(
            delete(params_t).where(params_t.c.deck.in_(restored), params_t.c.removed.is_(True))
        )
