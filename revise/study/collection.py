"""The headless core: a collection of decks, what is due, and answering cards.

The TUI, the CLI and scripts all go through this class; it never imports Textual. Every answer is
its own committed transaction before the method returns, and the methods may be called from any
thread.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from revise.config import Config
from revise.errors import ReviseError
from revise.formats.model import (
    CardHistory,
    DeckData,
    NoteData,
    NoteKind,
    ReviewData,
    ScheduleData,
    SourceRef,
    closed_after,
)
from revise.scheduling import queue
from revise.scheduling.day import day_bounds
from revise.scheduling.optimize import ReviewRecord, Workload, default_parameters
from revise.scheduling.scheduler import MemoryState, Rating
from revise.storage import engine as storage
from revise.storage import media as media_store
from revise.storage import plan_check, prepared
from revise.storage.bulk import gc_paused
from revise.storage.busy import busy_is_an_error, until_free
from revise.storage.diagnose import explain, remove_if_empty
from revise.study import custom, leeches, undo
from revise.study.cards import DeckCounts, Progress, StudyCard, study_card
from revise.study.custom import CustomStudy

if TYPE_CHECKING:
    from revise.formats.model import RowSource
    from revise.study.actions import CardActions
    from revise.study.card_info import CardInfo
    from revise.study.search import SearchResult
    from revise.study.session import StudySession
from revise.storage.app_edits import Conflict as Conflict  # for the faces: a report's conflicts
from revise.storage.app_edits import PreferFile
from revise.storage.merge import (
    STEPS_PER_ROW,
    DeckPlan,
    DeckReport,
    ImportReport,
    StaleOrigin,
    TableOptions,
    TablePlan,
    plan_deck,
    plan_table,
    store_deck,
    store_planned_table,
    store_table,
)
from revise.storage.migrate import ensure_schema
from revise.storage.models import NOT_SUSPENDED, Card, Deck, Note, Review, to_ms
from revise.storage.origins import KnownOrigins, known_origins
from revise.storage.prepared import Prepared
from revise.study import answering, review_days, stats
from revise.study.deck_options import DeckOptions, DeckOptionsStore, read_changes
from revise.study.editing import Editing
from revise.study.stats import Statistics
from revise.study.tuning import OptimizeOutcome, ParametersInUse, Tuning
from revise.textsafe import quoted

Clock = Callable[[], datetime]
cards_t = Card.__table__
notes_t = Note.__table__
decks_t = Deck.__table__
reviews_t = Review.__table__

ANALYZE_AFTER_NOTES = 1000  # an import this large refreshes the server's query statistics
MAX_DURATION_MS = 60_000  # a card left on screen while the user is away counts as a minute

# Statements run on every answer are built once (building costs more than running them).
_card_id = bindparam("card_id")
_MEMORY = select(
    cards_t.c.state,
    cards_t.c.step,
    cards_t.c.stability,
    cards_t.c.difficulty,
    cards_t.c.due,
    cards_t.c.last_review,
    cards_t.c.reps,
    cards_t.c.lapses,
    cards_t.c.note_id,
).where(cards_t.c.id == _card_id)
_STUDY_CARD = Prepared(
    select(*queue.SHOWN).select_from(queue.SHOWN_FROM).where(cards_t.c.id == _card_id)
)


@dataclass(frozen=True)
class Answered:
    """An answer, committed, and the next card read after it (`Collection.answer_then_next`)."""

    review_id: int
    next_card: Callable[[], StudyCard | None]


_NO_DAY = datetime.min.replace(tzinfo=UTC)


def _system_clock() -> datetime:
    return datetime.now(UTC)


class Collection:
    def __init__(self, url: str, config: Config, clock: Clock) -> None:
        self.config = config
        self.path = storage.sqlite_path(url)
        self._media_folder: Path | None = None  # media written out for a viewer, see media_file
        self._clock = clock
        self._lock = threading.RLock()
        self._answered: list[int] = []  # review ids of answers given through this object
        self._deck_guesses: dict[str | None, tuple[int, ...]] = {}  # see queue.next_card
        self._bounds = (_NO_DAY, _NO_DAY)  # the study day last worked out, see _day
        made = self.path is not None and not self.path.exists()  # by this open, if it fails
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._engine = storage.create(url)
        try:
            self.is_new, self.backup = ensure_schema(self._engine, self.path)
            leeches.put_off_done(self._engine)  # by a process killed since: see leeches.mark
        except BaseException as error:
            self._engine.dispose()
            if made:  # a full disk while making the schema: no empty file is left behind
                remove_if_empty(self.path)  # type: ignore[arg-type]
            if isinstance(error, DBAPIError):
                raise explain(error, self.path or url) from None
            raise
        self._options = DeckOptionsStore(config)
        self._kept = storage.KeptConnection(self._engine)  # for next_card and answer
        self._tuning = Tuning(self._engine, self._lock, config, self._options)
        self._actions: CardActions | None = None
        # Edit and add cards, create, rename and delete decks (revise/study/editing.py).
        self.editing = Editing(self._engine, self._lock, clock, self.path)

    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        config: Config | None = None,
        clock: Clock | None = None,
    ) -> Collection:
        """Open (creating or upgrading) the collection at a path or SQLAlchemy URL."""
        return cls(storage.database_url(target), config or Config(), clock or _system_clock)

    def close(self) -> None:
        self._kept.close()
        leeches.wait_for_tags(self._engine)
        self._engine.dispose()
        if self._media_folder is not None:
            shutil.rmtree(self._media_folder, ignore_errors=True)

    def __enter__(self) -> Collection:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the study day ---------------------------------------------------------------------

    def _day(self) -> queue.StudyDay:
        now = self._clock()
        start, end = self._bounds
        if not start <= now < end:  # another study day (or the clock went back)
            start, end = self._bounds = day_bounds(now, self.config.day_starts_at)
        return queue.StudyDay(
            now=now,
            start=start,
            end=end,
            new_per_day=self.config.new_per_day,
            reviews_per_day=self.config.reviews_per_day,
            collection_new_per_day=self.config.collection_new_per_day,
            collection_reviews_per_day=self.config.collection_reviews_per_day,
            starts_at=self.config.day_starts_at,
            review_order=self.config.review_order,
        )

    def _deck_ids(self, connection, deck: str | None) -> list[int]:  # type: ignore[no-untyped-def]
        names = dict(connection.execute(select(decks_t.c.id, decks_t.c.name)).all())
        ids = queue.in_deck(names, deck)
        if deck is not None and not ids:
            raise _no_deck(deck)
        return ids

    # -- importing ---------------------------------------------------------------------------

    def import_file(
        self,
        path: str | Path,
        *,
        dry_run: bool = False,
        deck: str | None = None,
        columns: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        on_wait: Callable[[], None] | None = None,
        prefer_file: PreferFile = False,
        restore: bool = False,
    ) -> ImportReport:
        def read_and_store(whole: bool) -> ImportReport:
            decks, tables = self.read_file(path, deck=deck, columns=columns, whole=whole)
            return self.import_decks(
                decks,
                tables=tables,
                dry_run=dry_run,
                progress=progress,
                on_wait=on_wait,
                prefer_file=prefer_file,
                restore=restore,
            )

        with gc_paused():
            try:
                return read_and_store(whole=False)
            except StaleOrigin:  # a note changed since the package was read: read it whole
                return read_and_store(whole=True)

    def read_file(
        self,
        path: str | Path,
        *,
        deck: str | None = None,
        columns: str | None = None,
        whole: bool = False,
    ) -> tuple[list[DeckData], list[RowSource]]:
        """A file's decks to import, and its tables (and large Anki packages) as readers of
        their notes. An Anki package's notes stored from it that it still says the same of are
        read no further (unless `whole`); importing them raises StaleOrigin if they changed
        meanwhile. A package's collection is read from a temporary copy beside the database."""
        from revise.formats.detect import read_sources

        return read_sources(
            Path(path),
            deck=deck,
            columns=columns,
            known=None if whole else self._origins,
            scratch=None if self.path is None else self.path.parent,
        )

    def read_no_further(self, tables: Sequence[RowSource]) -> None:
        """Tables opened without the collection (the command line's check for unchanged files,
        before it opens it): a large Anki package's notes stored from it that it still says the
        same of are read no further, as `read_file` opens them; the stored origins are read
        now, and importing those notes raises StaleOrigin if they change meanwhile."""
        from revise.formats.anki import AnkiRows

        packages = [table for table in tables if isinstance(table, AnkiRows)]
        if packages:
            known = self._origins()
            for package in packages:
                package.read_no_further(known)

    def _origins(self) -> KnownOrigins:
        """The origin of each note imported from an Anki package, and its key."""
        with self._lock, storage.reading(self._engine) as connection:
            return known_origins(connection)

    def import_decks(
        self,
        decks: list[DeckData],
        *,
        tables: Sequence[RowSource] = (),
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
        on_wait: Callable[[], None] | None = None,
        prefer_file: PreferFile = False,
        restore: bool = False,
    ) -> ImportReport:
        """Store decks, and the rows of `tables`, in one transaction: all of them or, on any
        error, none. A table is read a batch of rows at a time while it is stored, and closed
        when the import is done.

        While another window holds the collection, `on_wait` is told and the import tried
        again; without it, `CollectionBusy` is raised. A card changed in the app and in the
        file keeps the app's text unless `prefer_file` says to take the file's (all such cards,
        or those of the keys given: `Conflict.key`); cards deleted in the app stay deleted
        unless `restore` (revise/storage/app_edits.py).
        """
        table_options = TableOptions(prefer_file, restore, changes=dry_run)
        total = sum(len(deck.notes) for deck in decks)
        total += sum(table.lines for table in tables) * STEPS_PER_ROW  # read, then written
        done = shown = 0

        def advance(count: int) -> None:
            # Told forward only: notes read again (a plan let go) show once past what was shown.
            nonlocal done, shown
            done = max(0, min(done + count, total))  # a table's lines are more than its rows
            if progress and done > shown:
                shown = done
                progress(done, total)

        now = self._clock()
        # Matching reads only: done before the write lock, other windows' answers do not wait;
        # the same connection then takes the lock, to tell whether anything changed meanwhile
        # (storage/plan_check.py). A table is read here too, and its writes kept for the lock
        # (none: no lock).
        with (
            closed_after(tables),
            gc_paused(),
            busy_is_an_error(),
            self._engine.connect() as connection,
        ):
            with connection.begin():
                plan_check.begin_plans(connection)
                plans = [plan_deck(connection, deck, restore=restore) for deck in decks]
                table_plans = [
                    plan_table(
                        connection,
                        table.batches(),
                        now,
                        advance,
                        table_options,
                        table.lines,
                        table.deck_info,
                        table.origins(),
                    )
                    if not dry_run
                    else None
                    for table in tables
                ]
                planned_decks = plan_check.planned_decks([d.name for d in decks], table_plans)
                seen = plan_check.seen(connection, planned_decks)
            if not decks and all(plan and plan.writes_nothing for plan in table_plans):
                report = ImportReport([r for plan in table_plans if plan for r in plan.reports])
            else:
                report = until_free(
                    lambda: self._store_decks(
                        connection,
                        (seen, planned_decks),
                        (decks, plans),
                        (tables, table_plans),
                        now,
                        advance,
                        dry_run,
                        table_options,
                    ),
                    on_wait,
                )
        if progress and done < total:
            progress(total, total)
        return report

    def _store_decks(
        self,
        connection: Connection,
        seen: tuple[Hashable, list[str]],
        planned: tuple[list[DeckData], list[DeckPlan]],
        tables: tuple[Sequence[RowSource], list[TablePlan | None]],
        now: datetime,
        advance: Callable[[int], None],
        dry_run: bool,
        options: TableOptions,
    ) -> ImportReport:
        report = ImportReport(dry_run=dry_run)
        with self._lock, busy_is_an_error():
            connection.info["immediate"] = True
            try:
                transaction = connection.begin()
                try:
                    storage.lock_for_import(connection)
                    current = plan_check.still_holds(connection, *seen, planned[1], tables[1])
                    for deck, plan in zip(*planned, strict=True):
                        deck_report = DeckReport(deck.name)
                        report.decks.append(deck_report)
                        store_deck(
                            connection,
                            deck,
                            now,
                            deck_report,
                            advance,
                            plan,
                            prefer_file=options.prefer_file,
                            restore=options.restore,
                            current=current,
                        )
                        if not dry_run:
                            media_store.store(connection, deck.media)
                    for table, table_plan in zip(*tables, strict=True):
                        if table_plan is not None and current and table_plan.fresh:
                            store_planned_table(connection, table_plan, now, report, advance)
                        else:
                            if table_plan is not None:
                                table_plan.discard(advance)
                            store_table(
                                connection,
                                table.batches(),
                                now,
                                report,
                                advance,
                                options,
                                table.deck_info,
                            )
                        if not dry_run:
                            media_store.store(connection, table.media())
                except BaseException:
                    transaction.rollback()
                    raise
                if dry_run:
                    transaction.rollback()
                else:
                    transaction.commit()
            finally:
                connection.info.pop("immediate", None)
        if not dry_run:  # the leech tags answers put off while this import held their notes
            leeches.put_off_done(self._engine)
        written = sum(len(deck.notes) for deck in planned[0]) + sum(t.lines for t in tables[0])
        if not dry_run and written >= ANALYZE_AFTER_NOTES:
            storage.refresh_statistics(self._engine)
        return report

    def media_file(self, name: str) -> Path:
        """A file holding the media file `name`, for a viewer to open: written out from the
        collection to a private temporary folder, removed when the collection is closed."""
        with self._lock, storage.reading(self._engine) as connection:
            data = media_store.read(connection, [name]).get(name)
        if data is None:
            raise ReviseError(f"{name}: media file not in the collection (re-import the deck)")
        with self._lock:
            if self._media_folder is None:
                self._media_folder = Path(tempfile.mkdtemp(prefix="revise-media-"))
            target = self._media_folder / media_store.viewer_name(name)
            temporary = target.with_name(f".{target.name}.part")
            try:
                temporary.write_bytes(data)
                temporary.replace(target)
            except OSError as error:  # a full disk: the review screen says so and goes on
                raise ReviseError(
                    f"{quoted(name)}: cannot write it out for a viewer ({error.strerror})"
                ) from None
        return target

    def has_media(self) -> bool:
        """Whether any card has a picture or sound stored in the collection."""
        with self._lock, storage.reading(self._engine) as connection:
            return media_store.any_stored(connection)

    # -- what is due -------------------------------------------------------------------------

    def decks(self) -> list[DeckCounts]:
        day = self._day()
        with self._lock, storage.reading(self._engine) as connection:
            counts = queue.counts(connection, day)
        return [DeckCounts(name, *counts[name]) for name in sorted(counts)]

    def overview(self) -> tuple[list[DeckCounts], Progress]:
        """`decks()` and `progress()` of every deck together, read at once (the deck list)."""
        day = self._day()
        with self._lock, storage.reading(self._engine) as connection:
            counts, left = queue.overview(connection, day)
            done = self._done_today(connection, day, None)
        return [DeckCounts(name, *counts[name]) for name in sorted(counts)], Progress(done, *left)

    def next_card(self, deck: str | None = None) -> StudyCard | None:
        return self._next_card(deck, None)

    def _next_card(self, deck: str | None, asked: queue.NextCardAsked | None) -> StudyCard | None:
        """The next card; from the rows `asked` already sent for, if given (on its study day)."""
        with self._lock, storage.reading_now(self._engine, self._kept) as connection:
            try:
                if asked is None:
                    row = queue.next_card(connection, self._day(), deck, self._deck_guesses)
                else:
                    row = asked.card(connection)
            except queue.NoSuchDeck:
                raise _no_deck(deck) from None
        return None if row is None else study_card(*row)

    def card(self, card_id: int) -> StudyCard:
        with self._lock, storage.reading(self._engine) as connection:
            return self._study_card(connection, card_id)

    def _study_card(self, connection, card_id: int) -> StudyCard:  # type: ignore[no-untyped-def]
        row = prepared.one(connection, _STUDY_CARD, {"card_id": card_id})
        if row is None:
            raise ReviseError(f"card {card_id} no longer exists (it was deleted elsewhere)")
        return study_card(*row)

    def progress(self, deck: str | None = None) -> Progress:
        day = self._day()
        with self._lock, storage.reading(self._engine) as connection:
            ids = self._deck_ids(connection, deck)
            done = self._done_today(connection, day, ids)
            left = queue.total(connection, day, ids)
        return Progress(done, *left)

    def _done_today(self, connection, day: queue.StudyDay, ids: list[int] | None) -> int:  # type: ignore[no-untyped-def]
        """Answers given today in these decks (None: in every deck)."""
        query = (
            select(func.count())
            .select_from(reviews_t.join(cards_t))
            .where(reviews_t.c.reviewed_at >= day.start, reviews_t.c.origin == "revise")
        )
        if ids is not None:
            query = query.where(cards_t.c.deck_id.in_(ids))
        return connection.execute(query).scalar_one()

    def overdue(self, deck: str | None = None) -> int:
        """Review cards of `deck` (None: every deck) due before today and still waiting."""
        day = self._day()
        with self._lock, storage.reading(self._engine) as connection:
            return queue.overdue(connection, day, self._deck_ids(connection, deck))

    def next_due(self, deck: str | None = None) -> datetime | None:
        day = self._day()
        with self._lock, storage.reading(self._engine) as connection:
            return queue.next_due(connection, day, self._deck_ids(connection, deck))

    # -- answering ---------------------------------------------------------------------------

    def session(self, deck: str | None = None, custom: CustomStudy | None = None) -> StudySession:
        """A study session of `deck` (with its sub-decks) or of every deck: its answers, its
        undo, its summary; `custom` studies the cards custom study picks (study/custom.py)."""
        from revise.study.session import StudySession

        return StudySession(self, deck, custom)

    def can_study(self, card_id: int) -> bool:
        """Whether a card picked for custom study is still there, not suspended nor buried."""
        now = self._clock()
        with self._lock, storage.reading(self._engine) as connection:
            return custom.can_study(connection, card_id, now)

    def custom_card_ids(self, deck: str | None, study: CustomStudy) -> list[int]:
        """The cards a custom study session of `deck` (None: every deck) shows, in order."""
        day = self._day()
        with self._lock, storage.reading(self._engine) as connection:
            return custom.card_ids(connection, day, self._deck_ids(connection, deck), study)

    def _memory(self, connection, card_id: int):  # type: ignore[no-untyped-def]
        """The card's stored memory state and its note id."""
        row = connection.execute(_MEMORY, {"card_id": card_id}).one_or_none()
        if row is None:
            raise ReviseError(f"card {card_id} no longer exists (it was deleted elsewhere)")
        return MemoryState(*row[:-1]), row[-1]

    def preview(self, card: StudyCard | int) -> dict[Rating, timedelta]:
        """The interval each rating would give now: exactly what answer() would schedule."""
        card_id = card if isinstance(card, int) else card.id
        now = self._clock()
        with self._lock, storage.reading_now(self._engine, self._kept) as connection:
            return answering.preview(connection, card_id, now, self._tuning.scheduler_for)

    def answer(
        self,
        card: StudyCard | int,
        rating: Rating | int,
        duration_ms: int | None = None,
        *,
        uid: str | None = None,
        reschedule: bool = True,
    ) -> int:
        """Grade a card; the review is committed when this returns. Returns the review's id.

        `uid` names this answer: given again (a retry after a busy or lost connection whose
        outcome is unknown) it stores nothing new and returns the review already stored.
        `reschedule=False` logs the answer and leaves the card's schedule alone (custom study).
        """
        return self._answer(card, rating, duration_ms, uid, reschedule)[0]

    def answer_then_next(
        self,
        card: StudyCard | int,
        rating: Rating | int,
        duration_ms: int | None = None,
        *,
        deck: str | None = None,
        uid: str | None = None,
    ) -> Answered:
        """`answer`, and the next card of `deck` (None: every deck) read once the answer is
        committed: on a server, in the round trip that commits it."""
        review_id, asked = self._answer(card, rating, duration_ms, uid, True, deck, then_next=True)
        return Answered(review_id, lambda: self._next_card(deck, asked))

    def _answer(
        self,
        card: StudyCard | int,
        rating: Rating | int,
        duration_ms: int | None,
        uid: str | None,
        reschedule: bool,
        deck: str | None = None,
        *,
        then_next: bool = False,
    ) -> tuple[int, queue.NextCardAsked | None]:
        card_id = card if isinstance(card, int) else card.id
        rating = Rating(int(rating))
        if duration_ms is not None:
            duration_ms = max(0, min(int(duration_ms), MAX_DURATION_MS))
        day = self._day()
        if not reschedule:
            return self._practise(card_id, rating, duration_ms, uid, day.now), None
        leech = answering.Leeches(self.config.leech_threshold, self.config.leech_action)

        def ask_next_card(connection) -> queue.NextCardAsked:  # type: ignore[no-untyped-def]
            return queue.ask_next_card(connection, day, deck, self._deck_guesses)

        try:
            with (
                self._lock,
                storage.writing(self._engine, self._kept, begun_by_caller=True) as connection,
            ):
                review_id, asked = answering.answer(
                    connection,
                    card_id,
                    rating,
                    day,
                    duration_ms,
                    uid,
                    self._tuning.scheduler_for,
                    leech,
                    ask_next_card if then_next else None,
                )
        except IntegrityError:
            # The answer's uid is stored already: an earlier try got through (nothing of this
            # one was kept). Any other broken constraint is raised as it was.
            stored = self._answer_with_uid(uid)
            if stored is None:
                raise
            return stored, None
        self._answered.append(review_id)
        return review_id, asked

    def _answer_with_uid(self, uid: str | None) -> int | None:
        with self._lock, storage.reading(self._engine) as connection:
            return undo.answer_with_uid(connection, uid)

    def _practise(
        self, card_id: int, rating: Rating, duration_ms: int | None, uid: str | None, now: datetime
    ) -> int:
        with self._lock, storage.writing(self._engine) as connection:
            review_id = undo.answer_with_uid(connection, uid)
            if review_id is None:
                self._memory(connection, card_id)  # the card is still there
                review_id = custom.log_practice(connection, card_id, rating, duration_ms, uid, now)
        self._answered.append(review_id)
        return review_id

    def undo(self, review_id: int | None = None) -> StudyCard | None:
        """Take back an answer given through this object, by default the latest; returns its
        card, to be shown again, or None when there is nothing to undo.

        Answers given elsewhere (another window, another session) are never taken back; a
        `StudySession` undoes its own answers in reverse order.
        """
        with self._lock:
            if review_id is None:
                if not self._answered:
                    return None
                review_id = self._answered[-1]
            if review_id in self._answered:
                self._answered.remove(review_id)
            with storage.writing(self._engine) as connection:
                card_id = undo.take_back(connection, review_id)
                return self._study_card(connection, card_id)

    def made_leech(self, review_id: int) -> leeches.Leech | None:
        """The leech an answer made (tagged `leech`, perhaps suspended), if it made one."""
        with self._lock, storage.reading(self._engine) as connection:
            return leeches.made_by(connection, review_id)

    # -- the card browser (revise/study/search.py, actions.py, card_info.py) -------------------

    @property
    def actions(self) -> CardActions:
        """Suspend, bury, flag, tag, move, reset, set due, delete; each undoable, newest first."""
        if self._actions is None:
            from revise.study.actions import CardActions

            self._actions = CardActions(self._engine, self._lock, self._day)
        return self._actions

    def card_info(self, card_id: int) -> CardInfo:
        """A card's text, source, memory now (with its retrievability) and every review."""
        from revise.study.card_info import card_info

        now = self._clock()
        with self._lock, storage.reading(self._engine) as connection:
            memory, _ = self._memory(connection, card_id)
            chance = self._tuning.scheduler(connection, card_id).retrievability(memory, now)
            return card_info(connection, card_id, now, chance)

    def search(
        self,
        query: str = "",
        *,
        order: str = "added",
        descending: bool = False,
        limit: int | None = None,
    ) -> SearchResult:
        """The cards matching an Anki-style search (revise/study/search.py), sorted; the first
        `limit` of them (None: all) in full. A query that cannot be read raises ReviseError."""
        from revise.study import search

        day = self._day()
        with self._lock, storage.reading(self._engine) as connection:
            return search.find(
                connection, query, day, order=order, descending=descending, limit=limit
            )

    # -- FSRS fitted to the user's reviews (revise/study/tuning.py) ----------------------------

    def optimize(self, deck: str | None = None, *, dry_run: bool = False) -> OptimizeOutcome:
        """Fit FSRS to the reviews of a deck (and sub-decks) or all; keep the fit if better."""
        with self._lock, storage.reading(self._engine) as connection:
            ids = self._deck_ids(connection, deck)
        return self._tuning.optimize(deck, ids, dry_run=dry_run, now=self._clock())

    def parameters(self, deck: str | None = None) -> ParametersInUse:
        return self._tuning.in_use(deck)

    def set_parameters(
        self, deck: str | None = None, parameters: Sequence[float] | None = None
    ) -> ParametersInUse:
        """Store parameters for a deck (and sub-decks) or all; None goes back to the defaults."""
        if deck is not None:
            with self._lock, storage.reading(self._engine) as connection:
                self._deck_ids(connection, deck)
        return self._tuning.set_parameters(deck, parameters, self._clock())

    def review_records(self, deck: str | None = None) -> list[ReviewRecord]:
        with self._lock, storage.reading(self._engine) as connection:
            ids = self._deck_ids(connection, deck)
        return self._tuning.review_records(ids)

    def workload(self, deck: str | None = None) -> list[Workload]:
        """Reviews and minutes a day each desired retention would give (FSRS's simulator)."""
        with self._lock, storage.reading(self._engine) as connection:
            ids = self._deck_ids(connection, deck)
        return self._tuning.workload(deck, ids)

    # -- options per deck (revise/study/deck_options.py) ---------------------------------------

    def deck_options(self, deck: str) -> DeckOptions:
        """The options a deck uses, and the deck (or config.toml) each comes from."""
        with self._lock, storage.reading(self._engine) as connection:
            self._deck_ids(connection, deck)
            return self._options.read(connection, deck)

    def set_deck_options(self, deck: str, changes: dict[str, str | None]) -> DeckOptions:
        """Set options (key -> text as typed; None: back to the parent's) on a deck and its
        sub-decks, all in one transaction; used from the next card on."""
        values = read_changes(changes)
        with self._lock, storage.writing(self._engine) as connection:
            self._deck_ids(connection, deck)
            self._options.change(connection, deck, values, self._clock())
            return self._options.read(connection, deck)

    def statistics(self, deck: str | None = None) -> Statistics:
        """Reviews, retention, streak, forecast and card states (revise/study/stats.py)."""
        *_, (_, statistics) = self.statistics_in_steps(deck)
        return statistics

    def statistics_in_steps(self, deck: str | None = None) -> Iterator[tuple[str, Statistics]]:
        """The statistics as each part is counted (stats.collect_in_steps), in one snapshot."""
        day = self._day()
        decay = (self.parameters(deck).parameters or default_parameters())[20]
        with self._lock:
            review_days.bring_up_to_date(self._engine, to_ms(day.start), stats.HEATMAP_DAYS)
        with self._lock, storage.reading(self._engine) as connection:
            deck_ids = None if deck is None else self._deck_ids(connection, deck)
            retention = self.config.desired_retention
            if deck is not None:  # the deck's own, or its parent's (revise deck-options)
                retention = self._options.read(connection, deck).values["desired_retention"]
            yield from stats.collect_in_steps(
                connection,
                deck_ids,
                deck=deck,
                now=day.now,
                day_start=day.start,
                desired_retention=float(retention),
                decay=decay,
            )

    # -- taking decks out --------------------------------------------------------------------

    def deck_names(self, deck: str | None = None) -> list[str]:
        """Every deck's name, or those of `deck` and its sub-decks (`deck::...`)."""
        with self._lock, storage.reading(self._engine) as connection:
            names = dict(connection.execute(select(decks_t.c.id, decks_t.c.name)).all())
        return sorted(names[deck_id] for deck_id in queue.in_deck(names, deck))

    def export_decks(self, deck: str) -> list[DeckData]:
        """`deck` and its sub-decks as plain data (see `export_deck`)."""
        names = self.deck_names(deck)
        if not names:
            raise ReviseError(f"no deck named {quoted(deck)} (see `revise decks`)")
        return [self.export_deck(name) for name in names]

    def export_deck(self, name: str) -> DeckData:
        """A stored deck as plain data, with every card's state, reviews and media."""
        with self._lock, storage.reading(self._engine) as connection:
            deck = connection.execute(select(decks_t).where(decks_t.c.name == name)).one_or_none()
            if deck is None:
                raise ReviseError(f"no deck named {quoted(name)} (see `revise decks`)")
            note_rows = connection.execute(
                select(notes_t)
                .where(notes_t.c.deck_id == deck.id, notes_t.c.missing.is_(False))
                .order_by(notes_t.c.position, notes_t.c.id)
            ).all()
            card_rows = connection.execute(
                select(cards_t).where(cards_t.c.deck_id == deck.id)
            ).all()
            review_rows = connection.execute(
                select(reviews_t)
                .join(cards_t)
                .where(cards_t.c.deck_id == deck.id, reviews_t.c.origin != custom.CRAM_ORIGIN)
                .order_by(reviews_t.c.reviewed_at, reviews_t.c.id)
            ).all()
            media = media_store.read(
                connection, (name for row in note_rows for name in row.media.splitlines() if name)
            )
        reviews_by_card: dict[int, list[ReviewData]] = {}
        for review in review_rows:
            reviews_by_card.setdefault(review.card_id, []).append(
                ReviewData(review.reviewed_at, review.rating, review.duration_ms)
            )
        history_by_note: dict[int, list[CardHistory]] = {}
        for card in card_rows:
            history_by_note.setdefault(card.note_id, []).append(
                CardHistory(
                    ordinal=card.ordinal,
                    schedule=ScheduleData(
                        state=card.state,
                        due=card.due,
                        stability=card.stability,
                        difficulty=card.difficulty,
                        step=card.step,
                        last_review=card.last_review,
                        reps=card.reps,
                        lapses=card.lapses,
                    ),
                    reviews=reviews_by_card.get(card.id, []),
                    suspended=card.suspended != NOT_SUSPENDED,
                )
            )
        notes = []
        for row in note_rows:
            names = tuple(name for name in row.media.splitlines() if name)
            notes.append(
                NoteData(
                    kind=NoteKind(row.kind),
                    front=row.front,
                    back=row.back,
                    context=row.context,
                    tags=tuple(row.tags.split()),
                    source=SourceRef.parse(row.source) if row.source else None,
                    id=row.key if row.explicit_key else None,
                    history=sorted(history_by_note.get(row.id, []), key=lambda h: h.ordinal),
                    media=names,
                )
            )
        return DeckData(
            name=deck.name,
            notes=notes,
            tags=tuple(deck.tags.split()),
            source=deck.source,
            description=deck.description,
            media=media,
        )


def _no_deck(deck: str | None) -> ReviseError:
    return ReviseError(f"no deck named {quoted(deck)} (see `revise decks`)")
