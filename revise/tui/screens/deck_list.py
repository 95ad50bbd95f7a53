"""The first screen: every deck with today's new / learning / due counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from revise.errors import ColumnsUnclear, ReviseError
from revise.study.opening import OpeningCollection
from revise.study.values import WAITING
from revise.textsafe import inert
from revise.tui.app import breakpoint_classes
from revise.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from revise.study.collection import DeckCounts, ImportReport, Progress
    from revise.study.custom import CustomStudy
    from revise.study.editing import Editing
    from revise.tui.app import ReviseApp

# Anki's colours: new blue, learning red, due green. Zero is dim so the eye finds the work.
COUNT_STYLES = {"new": "bold #5b9bd5", "learning": "bold #e06c5a", "due": "bold #6abf69"}
COUNT_COLUMNS = (  # the count, its heading, the heading when names need the room, the width
    ("new", "New", "New", 6),
    ("learning", "Learning", "Learn", 8),
    ("due", "Due", "Due", 6),
    ("total", "Cards", "Cards", 6),
)
MIN_NAME_WIDTH = 12
EMPTY_MESSAGE = (
    "No decks yet.\n\n"
    "Press i to import a deck or notes file,\n"
    "or run `revise import FILE` in a shell."
)


def waiting_reporter(screen: Screen[object]) -> Callable[[], None]:
    """An import's `on_wait`, from a worker thread: says once that the import waits for
    another window."""
    said = False

    def waiting() -> None:
        nonlocal said
        if not said:
            said = True
            screen.app.call_from_thread(
                screen.notify, WAITING, severity="warning", timeout=8, markup=False
            )

    return waiting


@dataclass(frozen=True)
class DeckColumns:
    name_width: int
    counts: tuple[tuple[str, str, int], ...]  # each count's key, heading and width


class DecksLoaded(Message):
    def __init__(self, decks: list[DeckCounts], totals: Progress | None) -> None:
        super().__init__()
        self.decks = decks
        self.totals = totals  # every deck together, under the collection's daily limits


class PreviewReady(Message):
    def __init__(self, path: Path, report: ImportReport) -> None:
        super().__init__()
        self.path = path
        self.report = report


class ImportProgress(Message):
    """How many of an import's notes are stored so far."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class ImportDone(Message):
    def __init__(
        self,
        report: ImportReport | None,
        error: str | None,
        path: Path,
        unclear: ColumnsUnclear | None = None,
    ) -> None:
        super().__init__()
        self.report = report
        self.error = error
        self.path = path
        self.unclear = unclear  # a table whose columns the user is to name


class DeckTable(DataTable[object]):
    """The decks; Enter studies the highlighted one.

    Enter is the table's own key (select the row), not a screen binding with priority: a
    priority binding runs before keys already queued for the table, so Down then Enter typed
    quickly would study the deck above the one the user moved to.
    """

    BINDINGS = [  # noqa: RUF012
        Binding("enter", "select_cursor", "Study", id="decks.study"),
    ]

    def layout(self, decks: Sequence[DeckCounts]) -> DeckColumns:
        """The columns for `decks`: the counts under their headings, unless the names would
        then be cut short (on a narrow terminal); then under shorter headings, each count column
        only as wide as its largest number, so that names alike but for their ends ('history-qa',
        'history-cloze') stay told apart. The name column takes what the counts leave."""
        padding = 2 * self.cell_padding * (len(COUNT_COLUMNS) + 1)
        digits = {
            key: max((len(str(getattr(deck, key))) for deck in decks), default=1)
            for key, *_ in COUNT_COLUMNS
        }
        usual = tuple(
            (key, heading, max(width, digits[key])) for key, heading, _, width in COUNT_COLUMNS
        )
        short = tuple(
            (key, heading, max(len(heading), digits[key])) for key, _, heading, _ in COUNT_COLUMNS
        )
        longest = max((cell_len(inert(deck.name)) for deck in decks), default=0)
        room = self.rows_width() - padding
        counts = usual if room - sum(width for *_, width in usual) >= longest else short
        return DeckColumns(max(room - sum(width for *_, width in counts), MIN_NAME_WIDTH), counts)

    def measure_rows(self) -> None:
        """Measure the rows just added now, as DataTable does once idle: the first layout then
        has the table's full height, and no second layout follows the first frame to take it
        in (which wrote the screen again, unchanged)."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def rows_width(self) -> int:
        """The width of its rows: its scrollable content region's width, also before its first
        layout, worked out then from the app's width and the styles of the table and of the
        containers it fills (each as wide as its container, as in app.tcss)."""
        if self.region:
            return self.scrollable_content_region.width
        width = self.app.size.width - self.styles.margin.width - self.gutter.width
        for container in self.ancestors:
            if container is self.screen:
                return width - container.styles.gutter.width
            width -= container.styles.margin.width + container.styles.gutter.width
        return width


class DeckListScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("s", "study_all", "Study all", id="decks.study_all"),
        Binding("i", "import_file", "Import", id="decks.import"),
        Binding("t", "statistics", "Stats", id="decks.statistics"),
        Binding("o", "deck_options", "Options", id="decks.options"),
        Binding("b", "browse", "Browse cards", id="decks.browse", show=False),
        Binding("f", "custom_study", "Custom study", id="decks.custom_study", show=False),
        # Off the key bar (the Keys list, ?, names it), so each key shown is written with what
        # it does and all fit in 60 columns: grouped, `t` and `o` read as the word "to".
        Binding("r", "refresh_decks", "Refresh", id="decks.refresh", show=False),
        Binding("a", "add_cards", "Add", id="decks.add", show=False),
        Binding("c", "create_deck", "New deck", id="decks.create", show=False),
        Binding("m", "rename_deck", "Rename", id="decks.rename", show=False),
        Binding("d,delete", "delete_deck", "Delete", id="decks.delete", show=False),
        Binding("u", "undo_delete", "Undo delete", id="decks.undo_delete", show=False),
        Binding("w", "write_back", "Write back", id="decks.write_back", show=False),
        Binding("q", "app.quit", "Quit", id="decks.quit"),
    ]

    app: ReviseApp

    def __init__(self, highlight: str | None = None) -> None:
        # At the terminal's size from the first layout on: the table's width then is its width.
        super().__init__(classes=breakpoint_classes(self.app))
        self.highlight = highlight
        self.decks: list[DeckCounts] = []
        self.deck_names: list[str] = []
        self.go_to: str | None = None  # a deck just created or renamed: the cursor goes there
        self._shown = False  # see on_screen_resume

    def compose(self) -> ComposeResult:
        with Vertical(id="decks-panel", classes="section") as panel:
            panel.border_title = "Decks"
            yield DeckTable(id="deck-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content(EMPTY_MESSAGE), id="empty-message")
            # (the import's progress bar goes here: see import_bar)
        yield KeyBar()

    def on_mount(self) -> None:
        if isinstance(self.app.collection, OpeningCollection):
            # `revise` read the counts before opening the collection, which opens once they
            # are on the terminal (its import would take turns with painting them).
            self.app.frame_written_signal.subscribe(self, self._open_once_painted)
        else:
            self.query_one(DataTable).loading = True

    def _open_once_painted(self, screen: Screen[object]) -> None:
        if screen is not self or (self.decks and not self.query_one(DataTable).row_count):
            return  # the counts are not in this frame yet
        self.app.frame_written_signal.unsubscribe(self)
        self.app.collection.start()  # type: ignore[attr-defined] (an OpeningCollection)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Also runs when the screen first shows; counts change after every session.
        if self.is_mounted and not self._shown:
            # Its widgets were styled as they were mounted, at the terminal's size: Textual's
            # restyle of every one of them, as for a screen coming back, is left out.
            self._shown = True
            event.refresh_styles = False
        collection = self.app.collection
        if isinstance(collection, OpeningCollection):
            read = collection.first_overview()
            if read is not None:
                # Read before the screen was built: the table is filled for its first layout,
                # so the first frame has the counts.
                self.on_decks_loaded(DecksLoaded(read[0], read[1] if read[0] else None))
                return
        self.load_decks()

    @work(thread=True, exclusive=True, group="decks")
    def load_decks(self) -> None:
        try:
            decks, everything = self.app.collection.overview()
            totals = everything if decks else None
        except ReviseError as error:
            message = inert(str(error))
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            decks, totals = [], None
        self.post_message(DecksLoaded(decks, totals))

    def on_decks_loaded(self, message: DecksLoaded) -> None:
        self.query_one(DataTable).loading = False
        self.decks = message.decks
        self.set_class(not message.decks, "-empty")
        if self.query_one(DeckTable).region:
            # After the next layout, when the table (perhaps just unhidden) knows its width.
            self.call_after_refresh(self.fill_table)
        else:  # not laid out yet: at the width its first layout gives it
            self.fill_table()
            self.call_after_refresh(self.fill_table_if_resized)
        self.show_totals(message.totals)
        self.refresh_bindings()

    def on_resize(self) -> None:
        # Also sent as the screen is first shown, at the width the table was filled for.
        if self.decks:
            self.call_after_refresh(self.fill_table_if_resized)

    def fill_table(self) -> None:
        """Rows for `self.decks`, the name column as wide as the table leaves it."""
        table = self.query_one(DeckTable)
        current = self.go_to or self.highlighted_deck() or self.highlight
        self.go_to = None
        table.clear(columns=True)
        # Text, not a str, which DataTable reads as markup (loading Rich's emoji table for it).
        columns = table.layout(self.decks)
        table.add_column(Text("Deck"), key="deck", width=columns.name_width)
        for key, heading, width in columns.counts:
            table.add_column(Text(heading, justify="right"), key=key, width=width)
        self.deck_names = [deck.name for deck in self.decks]
        for deck in self.decks:
            table.add_row(
                Text(inert(deck.name), no_wrap=True, overflow="ellipsis"),
                count_cell(deck.new, "new"),
                count_cell(deck.learning, "learning"),
                count_cell(deck.due, "due"),
                Text(str(deck.total), style="dim", justify="right"),
                key=deck.name,
            )
        if current in self.deck_names:
            table.move_cursor(row=self.deck_names.index(current))
        table.measure_rows()  # (after moving the cursor: scrolled to once laid out, as ever)
        if self.decks and self.focused is None:
            table.focus()  # it was hidden while the collection was empty
        self.refresh_bindings()  # the keys that need a deck are usable now

    def fill_table_if_resized(self) -> None:
        """Once laid out: the rows again if the table's width is not the one they were for."""
        table = self.query_one(DeckTable)
        wanted = table.layout(self.decks).name_width
        if "deck" in table.columns and table.columns["deck"].width != wanted:
            self.fill_table()

    def show_totals(self, totals: Progress | None) -> None:
        """Today's work over every deck: what "Study all" serves, under the collection's limits."""
        panel = self.query_one("#decks-panel")
        if totals is None:
            panel.border_subtitle = None
            return
        panel.border_subtitle = Content.assemble(
            (str(totals.new), COUNT_STYLES["new"]),
            " new · ",
            (str(totals.learning), COUNT_STYLES["learning"]),
            " learning · ",
            (str(totals.due), COUNT_STYLES["due"]),
            " due",
        )

    def highlighted_deck(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.deck_names or not 0 <= table.cursor_row < len(self.deck_names):
            return None
        return self.deck_names[table.cursor_row]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in (
            "study_all",
            "custom_study",
            "statistics",
            "deck_options",
            "add_cards",
            "rename_deck",
            "delete_deck",
            "write_back",
        ):
            return True if self.deck_names else None
        if action == "undo_delete":
            collection = self.app.collection
            if isinstance(collection, OpeningCollection) and not collection.is_open:
                return None  # nothing was deleted through it yet (and asking would wait)
            return collection.editing.can_undo_delete() is not None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # Enter on the table, or a click on the highlighted row.
        if event.row_key.value is not None:
            self.app.start_session(str(event.row_key.value))

    def action_study_all(self) -> None:
        if self.deck_names:
            self.app.start_session(None)

    def action_custom_study(self) -> None:
        from revise.tui.screens.custom_study import CustomStudyScreen

        deck = self.highlighted_deck()
        if deck is None:
            return

        def chosen(study: CustomStudy | None) -> None:
            if study is not None:
                self.app.start_session(deck, study)

        self.app.push_screen(CustomStudyScreen(deck), callback=chosen)

    def action_statistics(self) -> None:
        from revise.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.highlighted_deck()))

    def action_deck_options(self) -> None:
        from revise.tui.screens.deck_options import DeckOptionsScreen

        deck = self.highlighted_deck()
        if deck is not None:
            self.app.push_screen(DeckOptionsScreen(deck))

    def action_browse(self) -> None:
        deck = self.highlighted_deck()
        self.app.browse("" if deck is None else deck_search(deck))

    def action_refresh_decks(self) -> None:
        self.load_decks()

    # -- editing decks (revise/tui/screens/edit.py, revise/study/editing.py) -----------------

    def action_add_cards(self) -> None:
        from revise.tui.screens.edit import AddCardScreen

        if self.deck_names:
            self.app.push_screen(AddCardScreen(self.highlighted_deck(), self.deck_names))

    def action_create_deck(self) -> None:
        from revise.tui.screens.edit import NameScreen

        def chosen(name: str | None) -> None:
            if name:
                self.go_to = name
                self.edit_decks(lambda editing: editing.create_deck(name), f"Created {name}")

        self.app.push_screen(NameScreen("New deck", "Name of the new deck:"), callback=chosen)

    def action_rename_deck(self) -> None:
        from revise.tui.screens.edit import NameScreen

        old = self.highlighted_deck()
        if old is None:
            return

        def chosen(new: str | None) -> None:
            if new and new != old:
                self.go_to = new
                self.edit_decks(
                    lambda editing: editing.rename_deck(old, new), f"Renamed {old} to {new}"
                )

        prompt = f"New name for {old} (its sub-decks follow):"
        self.app.push_screen(NameScreen("Rename deck", prompt, old), callback=chosen)

    def action_delete_deck(self) -> None:
        name = self.highlighted_deck()
        if name is not None:
            self.ask_to_delete(name)

    @work(thread=True, group="edit-decks")
    def ask_to_delete(self, name: str) -> None:
        from revise.tui.screens.card_dialogs import StrictConfirmScreen

        try:
            deletion = self.app.collection.editing.deck_deletion(name)
        except ReviseError as error:
            message = inert(str(error))
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.edit_decks(
                    lambda editing: editing.delete_deck(name),
                    f"Deleted {deletion.summary()}; u undoes it",
                )

        question = (
            f"Delete {deletion.summary()}?\n\nu on the deck list undoes it until revise closes."
        )
        self.app.call_from_thread(
            self.app.push_screen, StrictConfirmScreen("Delete deck", question), confirmed
        )

    def action_undo_delete(self) -> None:
        self.edit_decks(
            lambda editing: editing.undo_delete_deck(), "Deck put back with its cards and reviews"
        )

    def action_write_back(self) -> None:
        name = self.highlighted_deck()
        if name is not None:
            self.edit_decks(lambda editing: editing.write_back(name).summary(), None)

    @work(thread=True, group="edit-decks")
    def edit_decks(self, change: Callable[[Editing], object], done: str | None) -> None:
        """Run one change to the decks; say what it did (or `done`), then show the decks."""
        try:
            outcome = change(self.app.collection.editing)
        except ReviseError as error:
            message = inert(str(error))
            self.app.call_from_thread(
                self.notify, message, severity="error", timeout=8, markup=False
            )
            return
        said = done if done is not None else str(outcome)
        self.app.call_from_thread(self.notify, inert(said), markup=False)
        self.app.call_from_thread(self.load_decks)

    # -- importing ---------------------------------------------------------------------------

    def action_import_file(self) -> None:
        from revise.tui.screens.import_file import ImportPathScreen  # when asked: off the start

        self.app.push_screen(ImportPathScreen(), callback=self.import_chosen)

    def import_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        self.importing(True)
        self.run_import(path, preview=None)

    def ask_columns(self, path: Path, unclear: ColumnsUnclear) -> None:
        """Ask which column is which, then import `path` with them."""
        from revise.tui.screens.import_file import ImportColumnsScreen

        def chosen(columns: str | None) -> None:
            if columns is not None:
                self.importing(True)
                self.run_import(path, preview=False, columns=columns)

        self.app.push_screen(ImportColumnsScreen(path, unclear), callback=chosen)

    def importing(self, busy: bool) -> None:
        """Show (or hide) that an import is running: the table waits, a bar fills."""
        self.query_one(DataTable).loading = busy
        self.set_class(busy, "-importing")
        if busy:
            self.import_bar().update(total=None, progress=0)  # reading the file

    def import_bar(self) -> ProgressBar:
        """The import's progress bar, under the table: mounted when the first import starts,
        not built and styled for the first frame, which never shows it."""
        from textual.widgets import ProgressBar

        bars = self.query(ProgressBar)
        if bars:
            return bars.first()
        bar = ProgressBar(id="import-progress", show_eta=False)
        self.query_one("#decks-panel").mount(bar)
        return bar

    @work(thread=True, group="import")
    def run_import(self, path: Path, *, preview: bool | None, columns: str | None = None) -> None:
        """Import `path`; a notes file (preview None: look) only gets a dry run to preview.

        `columns` names a table's columns (`front,back,tags`), as the user chose them."""
        from revise.tui.screens.import_file import is_notes_file

        try:
            if preview is None:
                preview = columns is None and is_notes_file(path)
            report = self.app.collection.import_file(
                path,
                dry_run=preview,
                columns=columns,
                progress=self.progress_reporter(),
                on_wait=waiting_reporter(self),
            )
        except (ReviseError, OSError) as error:
            unclear = error if isinstance(error, ColumnsUnclear) else None
            self.post_message(ImportDone(None, one_line(error, path), path, unclear=unclear))
            return
        self.post_message(PreviewReady(path, report) if preview else ImportDone(report, None, path))

    def progress_reporter(self) -> Callable[[int, int], None]:
        """A progress callback for the import worker that posts about a hundred updates."""
        posted = -1

        def report(done: int, total: int) -> None:
            nonlocal posted
            if done == total or done - posted >= max(1, total // 100):
                posted = done
                self.post_message(ImportProgress(done, total))

        return report

    def on_import_progress(self, message: ImportProgress) -> None:
        self.import_bar().update(total=message.total, progress=message.done)

    def on_preview_ready(self, message: PreviewReady) -> None:
        from revise.tui.screens.import_file import ImportPreviewScreen

        self.importing(False)

        def confirmed(go: bool | None) -> None:
            if go:
                self.importing(True)
                self.run_import(message.path, preview=False)

        self.app.push_screen(ImportPreviewScreen(message.path, message.report), callback=confirmed)

    def on_import_done(self, message: ImportDone) -> None:
        if message.unclear is not None:
            self.importing(False)
            self.ask_columns(message.path, message.unclear)
            return
        if message.error is not None:
            self.importing(False)
            self.notify(message.error, severity="error", timeout=8, markup=False)
            return
        assert message.report is not None
        self.set_class(False, "-importing")  # the table stays busy until its counts are in
        from revise.tui.screens.import_conflicts import ImportConflictsScreen, open_conflicts

        if open_conflicts(message.report):  # the user may take the file's versions there
            self.app.push_screen(ImportConflictsScreen(message.path, message.report))
        else:
            self.notify(str(message.report), title="Imported", markup=False)
        self.load_decks()


def deck_search(deck: str) -> str:
    """The search for one deck and its sub-decks, its name quoted as the syntax wants."""
    escaped = deck.replace("\\", "\\\\").replace('"', '\\"')
    return f'"deck:{escaped}"'


def count_cell(count: int, kind: str) -> Text:
    return Text(str(count), style=COUNT_STYLES[kind] if count else "dim", justify="right")


def one_line(error: Exception, path: Path) -> str:
    """A user's error on one line; an OSError names the file, as ReviseErrors already do."""
    if isinstance(error, ReviseError):
        return inert(str(error))
    return inert(f"{path}: {error.strerror or error} (check the path)")
