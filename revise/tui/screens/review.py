"""A review session: show a card, reveal it, grade it, and on to the next.

The database work (answer, next card, intervals, progress, undo) runs in worker threads; each
answer is committed by the collection before the worker fetches the next card, so what is on
screen is always what is stored. While another window or an import holds the collection, an
answer waits, the screen says so, and the answer is stored once when the collection is free.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from revise.errors import ReviseError
from revise.study.opening import OpeningCollection
from revise.study.session import StudySession
from revise.study.values import WAITING
from revise.textsafe import inert
from revise.tui.app import breakpoint_classes
from revise.tui.timefmt import due_phrase
from revise.tui.widgets.card_view import CardView
from revise.tui.widgets.grade_bar import GradeBar, GradeButton
from revise.tui.widgets.key_bar import KeyBar
from revise.tui.widgets.session_progress import SessionProgress

if TYPE_CHECKING:
    from revise.study.collection import Collection, StudyCard
    from revise.study.custom import CustomStudy
    from revise.tui.app import ReviseApp

MAX_ANSWER_MS = 60_000  # a card left on screen longer than this counts as a minute, as in Anki
RECHECK_SECONDS = 60  # while nothing is due, look again this often: learning steps come due
# The footer shows the grade keys as one entry, `1234 Grade`: the buttons above name each grade.
GRADE_KEYS = Binding.Group("Grade", compact=True)
# An answer taking longer than this shows the grades and keys greyed out until it is stored.
BUSY_SHOWN_AFTER = 0.15
FIRST_CARD_WAIT = 0.25  # seconds the screen may wait, when shown, for its first card to arrive


class CardLoaded(Message):
    """The next card (or None when nothing is due), with its intervals or the next due time."""

    def __init__(
        self,
        card: StudyCard | None,
        intervals: dict[int, timedelta],
        next_due: datetime | None,
    ) -> None:
        super().__init__()
        self.card = card
        self.intervals = intervals
        self.next_due = next_due


class IntervalsLoaded(Message):
    """The interval each grade gives `card`, when the card came before the collection opened."""

    def __init__(self, card: StudyCard, intervals: dict[int, timedelta]) -> None:
        super().__init__()
        self.card = card
        self.intervals = intervals


class ProgressLoaded(Message):
    def __init__(self, done: int, left: int) -> None:
        super().__init__()
        self.done = done
        self.left = left


class Waiting(Message):
    """Another window or an import holds the collection; the answer is tried again."""


class ActionFailed(Message):
    """A one-line message for the user; the screen becomes usable again."""

    def __init__(self, text: str, severity: str = "error") -> None:
        super().__init__()
        self.text = text
        self.severity = severity


class ReviewScreen(Screen[StudySession]):
    BINDINGS = [  # noqa: RUF012
        Binding("space,enter", "reveal", "Show answer", id="review.reveal"),
        Binding("1", "grade(1)", "Again", id="review.again", group=GRADE_KEYS),
        Binding("2", "grade(2)", "Hard", id="review.hard", group=GRADE_KEYS),
        Binding("3", "grade(3)", "Good", id="review.good", group=GRADE_KEYS),
        Binding("4", "grade(4)", "Easy", id="review.easy", group=GRADE_KEYS),
        Binding("u,ctrl+z", "undo", "Undo", id="review.undo"),
        Binding("o", "open_media", "Media", id="review.open_media"),
        # Anki's keys: @ suspend, - bury card, = bury note; and f flag, i card info. Not in the
        # footer, which has no room for them at 60 columns: ? lists them.
        Binding("at", "card_action('suspend')", "Suspend", id="review.suspend", show=False),
        Binding("minus", "card_action('bury')", "Bury", id="review.bury", show=False),
        Binding(
            "equals_sign",
            "card_action('bury_note')",
            "Bury note",
            id="review.bury_note",
            show=False,
        ),
        Binding("f", "flag", "Flag", id="review.flag", show=False),
        Binding("i", "card_info", "Card info", id="review.info", show=False),
        Binding("e", "edit_card", "Edit", id="review.edit", show=False),
        Binding("a", "add_cards", "Add", id="review.add", show=False),
        Binding("q,escape", "end_session", "End", id="review.end"),
    ]

    app: ReviseApp

    def __init__(self, deck: str | None, custom: CustomStudy | None = None) -> None:
        super().__init__(classes=breakpoint_classes(self.app))
        self.deck = deck
        self.card: StudyCard | None = None
        self.revealed = False
        self.busy = True  # until the first card is loaded
        self.end_when_done = False  # End was pressed while busy: see action_end_session
        self.end_when_finished = False  # ... and its answer is stored: see end_session
        self.undos_waiting = 0  # u pressed while an answer or undo was stored: done after it
        self.shown_at = time.monotonic()
        # Kept here: a plain thread has no active app to look the collection up through.
        self._collection: Collection = self.app.collection
        # Its answers, its undo, its summary; with `custom`, also which cards it shows.
        self.session = self._collection.session(deck, custom)
        # (answers given before it, card) for each suspend, bury or flag done here: undo takes
        # back the newest of these and the session's answers, in the order they were done.
        self.actions_done: list[tuple[int, int]] = []
        self._after_paint: list[Callable[[], object]] = []  # see after_paint
        self._shown = False  # see on_screen_resume
        # The first card is fetched while the screen is built, so the first frame can show it;
        # `revise study` read it already, before the collection was opened.
        self.first_card: Future[CardLoaded] = Future()
        first = self._collection.first if isinstance(self._collection, OpeningCollection) else None
        if first is not None and first.card is not None:
            self.first_card.set_result(CardLoaded(first.card, {}, None))
        else:
            threading.Thread(target=self._fetch_first_card, name="first card", daemon=True).start()

    def compose(self) -> ComposeResult:
        yield SessionProgress(id="review-progress")
        yield CardView(id="card", classes="section")
        yield GradeBar(id="grades")
        yield KeyBar()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.end_when_done and not self.busy:  # stored while a dialog was open over it
            self.end_session()
            return
        if not self.is_mounted or self._shown:
            return
        # First shown: its widgets were styled as they were mounted, at the terminal's size
        # (breakpoint_classes) and with the card focused. Textual restyles every one of them
        # again as for a screen coming back, which was a good part of `revise study`'s start.
        self._shown = True
        event.refresh_styles = False

    def on_mount(self) -> None:
        self.app.frame_written_signal.subscribe(self, self._painted)
        self.after_paint(self.query_one(CardView).add_later_parts)  # the answer's parts
        if self.session.custom is not None:
            what = inert(self.session.custom.describe())  # it quotes the search
            self.notify(f"Custom study: {what}", timeout=6, markup=False)
        else:
            # Counting them opens the collection, which `revise study` does once its first card
            # is on screen.
            self.after_paint(self.tell_overdue)
        try:
            loaded = self.first_card.result(timeout=FIRST_CARD_WAIT)
        except TimeoutError:
            self.query_one(CardView).show_message("Loading…", "")
            self.finish_loading()
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))
        else:
            self.on_card_loaded(loaded)
            if loaded.card is not None and not loaded.intervals:
                # The card came before the collection opened; its intervals follow the frame.
                self.after_paint(partial(self.fetch_intervals, loaded.card))

    @property
    def collection(self) -> Collection:
        return self._collection

    # -- workers (threads): they only talk back through messages ---------------------------

    def _fetch_first_card(self) -> None:
        try:
            self.first_card.set_result(self.loaded(self.session.next_card()))
        except BaseException as error:  # handed to whoever waits for the card
            self.first_card.set_exception(error)

    @work(thread=True, group="review")
    def finish_loading(self) -> None:
        """The first card took longer than the screen waits: send it when it comes."""
        try:
            self.post_message(self.first_card.result())
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))

    @work(thread=True, group="overdue")
    def tell_overdue(self) -> None:
        """After a break: how many reviews are overdue, and in which order they come."""
        try:
            count = self.collection.overdue(self.deck)
        except ReviseError:
            return  # the first card's own worker reports what is wrong
        if count:
            order = self.collection.config.review_order
            self.app.call_from_thread(self.notify, overdue_note(count, order), markup=False)

    @work(thread=True, group="review")
    def fetch_card(self) -> None:
        self.show_next()

    @work(thread=True, group="review")
    def fetch_progress(self) -> None:
        self.send_progress()

    @work(thread=True, group="review")
    def fetch_intervals(self, card: StudyCard) -> None:
        try:
            self.post_message(IntervalsLoaded(card, self.loaded(card).intervals))
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))

    @work(thread=True, group="review")
    def answer_card(self, card: StudyCard, grade: int, duration_ms: int) -> None:
        from revise.scheduling.scheduler import Rating

        try:
            # The next card is read with the answer's commit (one round trip to a server).
            next_card = self.session.answer_then_next(
                card, Rating(grade), duration_ms, on_wait=self.waiting
            )
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))
            return
        leech = self.session.answers[-1].leech
        if leech is not None:
            from revise.study.leeches import leech_note  # with the collection: off the start path

            self.app.call_from_thread(
                self.notify, leech_note(leech), severity="warning", timeout=8, markup=False
            )
        self.show(next_card)

    @work(thread=True, group="review")
    def undo_answer(self) -> None:
        try:
            if self.actions_done and self.actions_done[-1][0] == len(self.session.answers):
                # The newest thing done here is a suspend, bury or flag: take that back.
                _, card_id = self.actions_done.pop()
                self.collection.actions.undo()
                self.show(self.collection.card(card_id))
                return
            card = self.session.undo(on_wait=self.waiting)
            if card is None:
                self.post_message(ActionFailed("Nothing to undo in this session", "warning"))
                return
            self.show(card)
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))

    def waiting(self) -> None:
        """Told by the session, in a worker, each time the collection was still busy."""
        self.post_message(Waiting())

    def show_next(self) -> None:
        """Fetch the next card and send it to the screen; runs in a worker thread."""
        try:
            self.show(self.session.next_card())
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))

    def show(self, card: StudyCard | None) -> None:
        """Send `card` to the screen (today's progress is counted once it is painted)."""
        self.post_message(self.loaded(card))

    def loaded(self, card: StudyCard | None) -> CardLoaded:
        """`card` with the interval each grade gives, or when the next card is due."""
        col = self.collection
        if card is None:
            return CardLoaded(None, {}, col.next_due(self.deck))
        if not self.session.moves_schedule:
            return CardLoaded(card, {}, None)  # answers change no interval: none is shown
        intervals = {int(rating): interval for rating, interval in col.preview(card).items()}
        return CardLoaded(card, intervals, None)

    def send_progress(self) -> None:
        progress = self.session.progress()
        self.post_message(ProgressLoaded(progress.done_today, progress.left_today))

    # -- messages from the workers -----------------------------------------------------------

    def on_card_loaded(self, message: CardLoaded) -> None:
        # What End waited for is stored (and what a waiting undo takes back is taken back).
        if self.end_when_done and self.is_active and not self.undos_waiting:
            self.busy = False
            self.end_once_workers_finish()
            return
        with self.app.batch_update():  # painted once, after every change below
            self.show_loaded(message)
        # Counted once the card is painted: the count must not hold up the next card.
        self.after_paint(self.fetch_progress)
        if self.undos_waiting:  # what it takes back is stored now
            self.undos_waiting -= 1
            self.action_undo()

    def after_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the screen's changes have been written to the terminal. For work
        in a thread that would hold up that frame: the thread takes turns with the screen at
        Python's lock, so a count or the collection's opening started earlier makes the frame
        late. (Textual's call_after_refresh alone may run before the first frame is written:
        inside the batch update that mounts the app, Textual makes a frame and drops it.)"""
        self._after_paint.append(callback)

    def _painted(self, screen: Screen[object]) -> None:
        if screen is self and self._after_paint:
            self.call_after_refresh(self._run_after_paint)  # once every change is written too

    def _run_after_paint(self) -> None:
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    def show_loaded(self, message: CardLoaded) -> None:
        self.card = message.card
        self.revealed = False
        self.busy = False
        self.shown_at = time.monotonic()
        grades = self.query_one(GradeBar)
        grades.set_intervals(message.intervals)
        grades.set_enabled(False)
        view = self.query_one(CardView)
        if message.card is None:
            self.show_nothing_due(message.next_due)
        else:
            view.show_card(message.card)
        grades.display = message.card is not None
        self.refresh_bindings()

    def on_intervals_loaded(self, message: IntervalsLoaded) -> None:
        if message.card is self.card:  # still the card shown, not one shown again since
            self.query_one(GradeBar).set_intervals(message.intervals)

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        self.query_one(SessionProgress).set_progress(message.done, message.left)

    def show_nothing_due(self, next_due: datetime | None) -> None:
        now = self.app.now()
        detail = f"Next card due {due_phrase(next_due, now)}" if next_due else "No cards scheduled"
        self.query_one(CardView).show_message("Nothing due now", detail)
        self.set_timer(RECHECK_SECONDS, self.reload_if_idle)

    def reload_if_idle(self) -> None:
        if self.card is None and not self.busy:
            self.busy = True
            self.fetch_card()

    def on_waiting(self, _: Waiting) -> None:
        # Until the answer is stored and today's progress is counted again.
        self.query_one(SessionProgress).show_status(WAITING)

    def on_action_failed(self, message: ActionFailed) -> None:
        self.busy = False
        self.end_when_done = False  # the session goes on: what failed can be done again
        self.undos_waiting = 0
        self.fetch_progress()  # in place of the line saying that it waited, if it did
        shown = inert(message.text)
        self.notify(shown, severity=message.severity, markup=False)  # type: ignore[arg-type]
        if self.revealed:
            self.query_one(GradeBar).set_enabled(True)
        self.refresh_bindings()

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Greys out (None) what cannot be done yet; hides (False) what does not apply."""
        if action in {"reveal", "grade"}:
            if self.card is None:
                return None if self.busy else False
            wanted = self.revealed if action == "grade" else not self.revealed
            return True if wanted and not self.busy else None
        if action == "undo":
            return True  # while busy, it waits for what is being stored
        if action == "open_media":
            return bool(self.card and self.card.media)
        if action in {"card_action", "flag", "card_info", "edit_card"}:
            return True if self.card is not None and not self.busy else None
        return True

    def action_reveal(self) -> None:
        if self.card is None or self.revealed or self.busy:
            return
        self.revealed = True
        self.query_one(CardView).reveal()
        self.query_one(GradeBar).set_enabled(True)
        self.refresh_bindings()

    def action_grade(self, grade: int) -> None:
        if self.card is None or not self.revealed or self.busy:
            return
        elapsed_ms = round((time.monotonic() - self.shown_at) * 1000)
        self.busy = True  # the keys wait for the answer from here on
        self.answer_card(self.card, grade, min(elapsed_ms, MAX_ANSWER_MS))
        self.set_timer(BUSY_SHOWN_AFTER, self.show_busy)

    def show_busy(self) -> None:
        """An answer or an undo is taking long: grey out the grades and keys until it is done.
        (A quick one is not repainted for: that repaint would slow the next card.)"""
        if self.busy:
            self.query_one(GradeBar).set_enabled(False)
            self.refresh_bindings()

    def on_grade_button_pressed(self, event: GradeButton.Pressed) -> None:
        self.action_grade(event.button.grade)

    def action_undo(self) -> None:
        if self.busy:
            self.undos_waiting += 1
            return
        self.busy = True
        self.undo_answer()
        self.set_timer(BUSY_SHOWN_AFTER, self.show_busy)

    def action_open_media(self) -> None:
        if self.card is None or not self.card.media:
            return
        self.open_media(self.card.media)

    @work(thread=True, group="media")
    def open_media(self, names: tuple[str, ...]) -> None:
        """Write the card's media out of the collection and open them in the system's viewer."""
        for name in names:
            try:
                problem = open_with_system(self.collection.media_file(name))
            except ReviseError as error:
                problem = str(error)
            if problem:
                shown = inert(problem)
                self.app.call_from_thread(self.notify, shown, severity="error", markup=False)
                return

    def action_card_action(self, name: str) -> None:
        """Suspend or bury the card (or bury its note) and go on to the next card."""
        if self.card is None or self.busy:
            return
        self.busy = True
        self.query_one(GradeBar).set_enabled(False)
        self.refresh_bindings()
        self.act_on_card(self.card.id, name)

    @work(thread=True, group="review")
    def act_on_card(self, card_id: int, name: str) -> None:
        actions = self.collection.actions
        act = {
            "suspend": lambda: actions.set_suspended([card_id], True),
            "bury": lambda: actions.set_buried([card_id], True),
            "bury_note": lambda: actions.bury_notes([card_id]),
        }[name]
        try:
            done = act()
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))
            return
        self.actions_done.append((len(self.session.answers), card_id))
        self.app.call_from_thread(self.notify, f"{done} (u undoes it)", markup=False)
        self.show_next()

    def action_flag(self) -> None:
        if self.card is None or self.busy:
            return
        from revise.tui.screens.card_dialogs import FlagScreen

        card_id = self.card.id
        self.app.push_screen(
            FlagScreen(), lambda flag: flag is not None and self.flag_card(card_id, flag)
        )

    @work(thread=True, group="review-flag")
    def flag_card(self, card_id: int, flag: int) -> None:
        try:
            done = self.collection.actions.flag([card_id], flag)
        except ReviseError as error:
            self.post_message(ActionFailed(str(error)))
            return
        self.actions_done.append((len(self.session.answers), card_id))
        self.app.call_from_thread(self.notify, done, markup=False)

    def action_card_info(self) -> None:
        if self.card is not None:
            from revise.tui.screens.card_info import CardInfoScreen

            self.app.push_screen(CardInfoScreen(self.card.id))

    def action_edit_card(self) -> None:
        from revise.tui.screens.edit import EditCardScreen

        if self.card is None or self.busy:
            return
        card_id = self.card.id

        def edited(outcome: object) -> None:
            if outcome is not None:
                self.busy = True
                self.refresh_bindings()
                self.reload_card(card_id)

        self.app.push_screen(EditCardScreen(card_id), callback=edited)

    @work(thread=True, group="review")
    def reload_card(self, card_id: int) -> None:
        """The card as edited, from the question again; the next one if the edit removed it."""
        try:
            self.collection.editing.note_text(card_id)  # ReviseError if the card is gone
            self.show(self.collection.card(card_id))
        except ReviseError:
            self.show_next()

    def action_add_cards(self) -> None:
        from revise.tui.screens.edit import AddCardScreen

        deck = self.card.deck if self.card is not None else self.deck
        self.app.push_screen(AddCardScreen(deck, self.collection.deck_names()))

    def action_end_session(self) -> None:
        """End the session; while an answer (an undo, a card action) is being stored, as soon
        as it is stored, so the summary counts it."""
        if self.busy:
            self.end_when_done = True
        else:
            self.end_session()

    def end_once_workers_finish(self) -> None:
        """End the session once no worker of this screen is still running. The worker that
        stored the answer sends its next card before it finishes; ending removes the screen,
        which would cancel that worker as it finishes."""
        if any(worker.node is self and worker.is_running for worker in self.app.workers):
            self.end_when_finished = True  # (see on_worker_state_changed)
        else:
            self.end_session()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if self.end_when_finished and event.worker.node is self and event.worker.is_finished:
            self.end_once_workers_finish()

    def end_session(self) -> None:
        self.end_when_done = self.end_when_finished = False
        if self.app.screen_stack[0] is self:  # `revise study`'s first screen: none to go back to
            self.app.session_ended(self.session)
        else:
            self.dismiss(self.session)


def overdue_note(count: int, order: str) -> str:
    reviews = "1 review is" if count == 1 else f"{count} reviews are"
    if order == "retrievability":
        return f"{reviews} overdue; the ones you are most likely to have forgotten come first."
    return (
        f"{reviews} overdue; the longest overdue come first "
        '(review_order = "retrievability": the most forgotten first).'
    )


def open_with_system(path: Path) -> str | None:
    """Open a file in the desktop's viewer without waiting for it; returns a problem as text."""
    if sys.platform == "darwin":
        command = ["open", str(path)]
    elif sys.platform == "win32":
        command = ["cmd", "/c", "start", "", str(path)]
    else:
        command = ["xdg-open", str(path)]
    try:
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as error:
        return f"{path}: cannot start {command[0]} ({error.strerror}); open the file yourself"
    return None
