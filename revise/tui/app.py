"""The revise terminal app: a deck list, review sessions, imports.

The app is a thin face on `revise.study.collection.Collection`: every read and write goes through
the collection, in worker threads, so the screen never waits on the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.signal import Signal

from revise.tui.keys import check_keymap
from revise.tui.stylesheet_cache import StylesheetCache, cache_file
from revise.tui.widgets.key_bar import NARROW, WIDE_COLUMNS

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen

    from revise.study.collection import Collection
    from revise.study.custom import CustomStudy
    from revise.study.session import StudySession


STYLESHEET = Path(__file__).with_name("app.tcss")
SECTION = "/* -- "  # how a section of app.tcss begins: `/* -- review ---- */`
# The sections of app.tcss a first screen's first frame needs (besides the part before the
# sections, for every screen). The rest is parsed once that frame is on the terminal: parsing it
# all first was a good part of `revise study`'s start.
FIRST_SECTIONS = {
    "review": ("review", "small terminals"),
    "deck list": ("deck list", "small terminals"),
}


def stylesheet_for(first_screen: str | None) -> str:
    """app.tcss with only the sections `first_screen` needs (None: all of it), in file order."""
    text = STYLESHEET.read_text(encoding="utf-8")
    if first_screen is None:
        return text
    common, *sections = text.split(SECTION)
    wanted = FIRST_SECTIONS[first_screen]
    return common + "".join(SECTION + part for part in sections if part.startswith(wanted))


def _utc_now() -> datetime:
    return datetime.now(UTC)


def breakpoint_classes(app: App[object]) -> str:
    """The classes the app's breakpoints give a screen at the terminal's size now (as Textual's
    Screen sets them on a resize). A screen made with them is not restyled again, widget by
    widget, when it is first shown: that second pass was a good part of `revise study`'s start."""
    width, height = app.size
    classes = []
    for dimension, breakpoints in (
        (width, app.HORIZONTAL_BREAKPOINTS or []),
        (height, app.VERTICAL_BREAKPOINTS or []),
    ):
        for least, name in sorted(breakpoints, reverse=True):
            if dimension >= least:
                classes.append(name)
                break
    return " ".join(classes)


class ReviseApp(App[None]):
    """`ReviseApp(col).run()` opens on the deck list; `study=True` goes straight into a session."""

    # app.tcss (STYLESHEET) is read in on_load: first the part the first screen needs.
    TITLE = "revise"
    ENABLE_COMMAND_PALETTE = False
    # Classes for small terminals (down to 60x15), styled in app.tcss: -narrow, -short.
    HORIZONTAL_BREAKPOINTS = [(0, NARROW), (WIDE_COLUMNS, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012
    BINDINGS = [  # noqa: RUF012 (Textual reads this class attribute)
        Binding("question_mark", "help", "Keys", id="app.help"),
    ]

    def __init__(
        self,
        collection: Collection,
        *,
        deck: str | None = None,
        study: bool = False,
        browse: str | None = None,
        custom: CustomStudy | None = None,
        clock: Callable[[], datetime] | None = None,
        stylesheet_cache_folder: Path | None = None,
    ) -> None:
        check_keymap(collection.config.keymap, collection.config.source)
        super().__init__()
        self.collection = collection
        self.start_deck = deck
        self.study_only = study
        self.browse_query = browse  # open the card browser on this search first
        self.custom = custom  # with `study`: the session is this custom study
        # The same clock the collection was opened with, so "due in 8m" agrees with it.
        self.clock = clock or _utc_now
        # A frame of the screen given is on the terminal (see _display).
        self.frame_written_signal: Signal[Screen[object]] = Signal(self, "frame-written")
        # The part of app.tcss read first; all of it once a frame is on the terminal.
        self._first_screen = "review" if study else None if browse is not None else "deck list"
        self._first_frame_written = False
        # The rules parsed in an earlier run, kept in this folder (revise/tui/stylesheet_cache.py);
        # None, none kept.
        self._stylesheet_cache = (
            None
            if stylesheet_cache_folder is None
            else StylesheetCache(cache_file(stylesheet_cache_folder, self._first_screen))
        )

    def on_load(self) -> None:
        self.set_keymap(self.collection.config.keymap)  # before the first screen is built
        if self._stylesheet_cache is not None:
            self._stylesheet_cache.load(self.stylesheet)
        self.stylesheet.add_source(
            stylesheet_for(self._first_screen), read_from=(str(STYLESHEET), "")
        )

    def _style_everything(self) -> None:
        """The rest of app.tcss, for every other screen, once the first frame is written; and
        the rules parsed so far kept for the next run."""
        if self._stylesheet_cache is not None:
            self._stylesheet_cache.put_later(self.stylesheet)
        if self._first_screen is not None:
            self.stylesheet.add_source(stylesheet_for(None), read_from=(str(STYLESHEET), ""))
            # Only the new text is parsed (Textual's refresh_css parses every piece of CSS again,
            # which held up the writing of the first frame to the terminal); every screen in the
            # stack is restyled with it, as refresh_css does.
            self.stylesheet.update(self, animate=False)  # the app and the screen shown
            for screen in self.screen_stack[:-1]:
                self.stylesheet.update(screen, animate=False)
        if self._stylesheet_cache is not None:
            self._stylesheet_cache.save(self.stylesheet)

    def get_default_screen(self) -> Screen[object]:
        """The first screen is the review screen (`revise study`) or the deck list itself: an
        empty screen first, shown and then covered by it, was a good part of the start."""
        if self.study_only:
            from revise.tui.screens.review import ReviewScreen

            return ReviewScreen(self.start_deck, self.custom)
        from revise.tui.screens.deck_list import DeckListScreen

        return DeckListScreen(highlight=self.start_deck)

    def on_mount(self) -> None:
        if self.browse_query is not None:
            self.browse(self.browse_query)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        """Textual's hand-over of a frame to the terminal, extended to publish
        `frame_written_signal` once it is handed over. Textual's layout-refresh signal is no
        such sign: it also comes for a layout whose frame is held back by a batch update (as
        the first one is), so work started on it took turns with painting that frame."""
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count:  # as Textual decides to write it
            self.frame_written_signal.publish(screen)
            if not self._first_frame_written:  # once every change waiting is written too
                self._first_frame_written = True
                self.call_after_refresh(self._style_everything)

    def now(self) -> datetime:
        """The collection's idea of now (a fixed clock in tests)."""
        return self.clock()

    def start_session(self, deck: str | None, custom: CustomStudy | None = None) -> None:
        """Study `deck` (None: all decks), or custom study of it; ends with a summary."""
        from revise.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(deck, custom), callback=self.session_ended)

    def browse(self, query: str = "") -> None:
        """The card browser, on `query` (revise/tui/screens/browser.py)."""
        from revise.tui.screens.browser import BrowserScreen

        self.push_screen(BrowserScreen(query))

    def session_ended(self, session: StudySession | None) -> None:
        """The summary of a session that ended (None: nothing to sum up)."""
        if session is not None:
            from revise.tui.screens.summary import SummaryScreen  # after a session: off the start

            self.push_screen(SummaryScreen(session), callback=self._summary_closed)

    def _summary_closed(self, _: None) -> None:
        if self.study_only:
            self.exit()

    def action_help(self) -> None:
        from revise.tui.screens.help import HelpScreen, help_rows  # when asked: off the start

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(help_rows(self.screen, self)))
