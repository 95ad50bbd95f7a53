"""A collection opening in a background thread, while its first screen is already on the terminal.

`revise study` shows the card read by revise/study/first_card.py at once, and `revise` the deck
list's counts read there, then opens the collection (SQLAlchemy, the models, the scheduler) in a
thread. Everything asked of an
`OpeningCollection` waits for the open to finish, then goes to the `Collection`: an answer given
before then is stored as soon as it is open, and committed before the next card shows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revise.config import Config
from revise.study.first_card import FirstCard, FirstDeckList

if TYPE_CHECKING:
    from revise.study.cards import DeckCounts, Progress
    from revise.study.collection import Collection
    from revise.study.custom import CustomStudy
    from revise.study.session import StudySession


class OpeningCollection:
    """Stands for the collection at `path` until it is open; `start()` begins opening it."""

    def __init__(
        self,
        path: Path,
        config: Config,
        first: FirstCard | None = None,
        clock: Callable[[], datetime] | None = None,
        *,
        deck_list: FirstDeckList | None = None,
    ) -> None:
        self.config = config
        self._clock = clock
        self.path = path
        self.first = first
        self._deck_list = deck_list  # handed out once: later counts are the collection's
        self._opened: Future[Collection] = Future()
        self._started = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin opening the collection (again: nothing); called once the first screen is shown."""
        with self._started:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._open, name="open collection", daemon=True
                )
                self._thread.start()

    def _open(self) -> None:
        try:
            from revise.study.collection import Collection

            self._opened.set_result(
                Collection.open(self.path, config=self.config, clock=self._clock)
            )
        except BaseException as error:  # handed to whoever waits for the collection
            self._opened.set_exception(error)

    def opened(self) -> Collection:
        """The open collection, waiting for it (and starting it, if nothing did yet)."""
        self.start()
        return self._opened.result()

    @property
    def is_open(self) -> bool:
        """Whether the collection has opened (or failed to): asking it things waits no more."""
        return self._opened.done()

    def first_overview(self) -> tuple[list[DeckCounts], Progress] | None:
        """The deck list's counts read before the collection opened, the first time asked;
        then None (they are the collection's from then on: `overview()`)."""
        with self._started:
            deck_list, self._deck_list = self._deck_list, None
        return None if deck_list is None else (deck_list.decks, deck_list.totals)

    def session(self, deck: str | None = None, custom: CustomStudy | None = None) -> StudySession:
        """A study session on this collection: its answers wait for the open to finish."""
        from revise.study.session import StudySession

        return StudySession(self, deck, custom)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.opened(), name)

    def close(self) -> None:
        """Close the collection once it has opened (a failed open has nothing to close)."""
        if self._thread is None:
            return
        self._thread.join()
        if self._opened.exception() is None:
            self._opened.result().close()
