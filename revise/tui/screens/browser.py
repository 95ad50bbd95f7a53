"""The card browser: search every card with Anki's syntax, sort, look, and act on a selection.

Searches and actions run in worker threads through the collection (revise/study/search.py,
actions.py); every action is one transaction, and Ctrl+Z takes back the newest, as in Anki.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from revise.errors import ReviseError
from revise.study.search import SHOWN_ROWS, SORT_KEYS
from revise.study.values import FLAGS
from revise.textsafe import inert
from revise.tui.screens.card_dialogs import (
    FLAG_MARK,
    FLAG_STYLES,
    AskScreen,
    ConfirmScreen,
    FlagScreen,
)
from revise.tui.timefmt import SHORT_INTERVAL_WIDTH, short_interval
from revise.tui.widgets.card_view import shown_context
from revise.tui.widgets.key_bar import WIDE_COLUMNS

if TYPE_CHECKING:
    from revise.study.search import CardRow, SearchResult
    from revise.tui.app import ReviseApp

# Keys grouped in the footer (each is still listed on its own by ?), so all fit in 60 columns.
CARD_ACTIONS = Binding.Group("Card", compact=True)
MARK_KEYS = Binding.Group("Mark", compact=True)
SORT_KEYS_GROUP = Binding.Group("Sort", compact=True)
# (sort key, heading, width; None: takes what is left), narrow: shown under 80 columns too
COLUMNS = (
    ("front", "Question", None, True),
    ("deck", "Deck", 12, False),
    ("due", "Due", SHORT_INTERVAL_WIDTH, True),
    ("interval", "Ivl", SHORT_INTERVAL_WIDTH, True),
    ("stability", "Stab", SHORT_INTERVAL_WIDTH, False),
    ("difficulty", "Diff", 4, False),
    ("reviews", "Revs", 4, True),
    ("lapses", "Laps", 4, False),
    ("added", "Added", SHORT_INTERVAL_WIDTH, False),
)
MIN_QUESTION_WIDTH = 16
LEFT = ("front", "deck")  # text columns; the others are numbers, set right
STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}


class SearchDone(Message):
    def __init__(
        self, serial: int, result: SearchResult | None, error: str | None, keep: int | None
    ) -> None:
        super().__init__()
        self.serial = serial  # which search: only the newest one's result is shown
        self.result = result
        self.error = error
        self.keep = keep  # the card to keep the cursor on


class ActionDone(Message):
    def __init__(self, text: str, error: bool = False) -> None:
        super().__init__()
        self.text = text
        self.error = error


class CardTable(DataTable[object]):
    """The matching cards; Enter shows the highlighted card's info."""

    BINDINGS = [  # noqa: RUF012
        Binding("enter", "select_cursor", "Info", id="browser.info_enter", show=False),
    ]


class BrowserScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("slash", "focus_search", "Find", id="browser.search"),
        Binding("space", "mark", "Mark", id="browser.mark", key_display="␣", group=MARK_KEYS),
        Binding("a", "mark_all", "Mark all", id="browser.mark_all", group=MARK_KEYS),
        Binding("o", "sort", "Sort by next column", id="browser.sort", group=SORT_KEYS_GROUP),
        Binding("O", "reverse", "Reverse the order", id="browser.reverse", group=SORT_KEYS_GROUP),
        Binding("i", "info", "Card info", id="browser.info", group=CARD_ACTIONS),
        Binding("e", "edit", "Edit", id="browser.edit", group=CARD_ACTIONS),
        Binding("s", "suspend", "Suspend", id="browser.suspend", group=CARD_ACTIONS),
        Binding("b", "bury", "Bury", id="browser.bury", group=CARD_ACTIONS),
        Binding("f", "flag", "Flag", id="browser.flag", group=CARD_ACTIONS),
        Binding("t", "add_tags", "Add tags", id="browser.add_tags", group=CARD_ACTIONS),
        Binding("T", "remove_tags", "Remove tags", id="browser.remove_tags", group=CARD_ACTIONS),
        Binding("m", "move", "Move", id="browser.move", group=CARD_ACTIONS),
        Binding("r", "reset", "Reset", id="browser.reset", group=CARD_ACTIONS),
        Binding("d", "set_due", "Due date", id="browser.set_due", group=CARD_ACTIONS),
        Binding("x,delete", "delete", "Delete", id="browser.delete", group=CARD_ACTIONS),
        Binding("u,ctrl+z", "undo", "Undo", id="browser.undo"),
        Binding(
            "w", "write_back", "Write the card's deck back", id="browser.write_back", show=False
        ),
        Binding("q,escape", "close", "Back", id="browser.close"),
    ]

    app: ReviseApp

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.order = "added"
        self.descending = False
        self.rows: list[CardRow] = []
        self.total = 0
        self.marked: set[int] = set()
        self.table_after_search = False  # a search typed in the box: then back to the table
        self.search_serial = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="browser-panel", classes="section") as panel:
            panel.border_title = "Browse"
            yield Input(
                value=inert(self.query_text),  # `revise browse QUERY`'s, drawn as it is
                placeholder="search: words, deck:NAME, tag:, is:due, flag:1, prop:ivl>10 …",
                id="browser-search",
                compact=True,
            )
            yield CardTable(id="browser-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="browser-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CardTable).focus()
        self.table_after_search = True  # the table, not the search box, has the keys once shown
        self.run_search()

    # -- searching -----------------------------------------------------------------------------

    def run_search(self, keep: int | None = None) -> None:
        self.query_one(CardTable).loading = True
        self.search_serial += 1
        self.search(self.search_serial, self.query_text, self.order, self.descending, keep)

    @work(thread=True, group="browser-search")
    def search(
        self, serial: int, query: str, order: str, descending: bool, keep: int | None
    ) -> None:
        try:
            result = self.app.collection.search(
                query, order=order, descending=descending, limit=SHOWN_ROWS
            )
        except ReviseError as error:
            self.post_message(SearchDone(serial, None, inert(str(error)), keep))
            return
        self.post_message(SearchDone(serial, result, None, keep))

    def on_search_done(self, message: SearchDone) -> None:
        if message.serial != self.search_serial:
            return  # a newer search is on its way
        table = self.query_one(CardTable)
        table.loading = False
        if self.table_after_search:
            self.table_after_search = False
            table.focus()
        if message.result is None:
            assert message.error is not None
            self.notify(message.error, severity="error", markup=False, timeout=8)
            return
        self.rows = message.result.rows
        self.total = message.result.total
        shown = {row.id for row in self.rows}
        self.marked &= shown
        if table.size.width:
            self.fill_table(message.keep)  # laid out already: no need to wait for a refresh
        else:
            self.call_after_refresh(self.fill_table, message.keep)
        self.refresh_bindings()

    @on(Input.Submitted, "#browser-search")
    def search_submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if query != inert(self.query_text):  # left as shown, it is the search it was
            self.query_text = query
        self.marked.clear()
        self.table_after_search = True
        self.run_search()

    def on_resize(self) -> None:
        if self.rows:
            self.call_after_refresh(self.fill_table, self.current_id())

    def visible_columns(self) -> list[tuple[str, str, int | None]]:
        narrow = self.app.size.width < WIDE_COLUMNS
        return [(key, label, width) for key, label, width, small in COLUMNS if small or not narrow]

    def fill_table(self, keep: int | None = None) -> None:
        table = self.query_one(CardTable)
        table.clear(columns=True)
        columns = self.visible_columns()
        fixed = sum(width for _, _, width in columns if width) + 2  # and the mark column
        padding = 2 * table.cell_padding * (len(columns) + 1)
        room = table.size.width - table.scrollbar_size_vertical - fixed - padding
        table.add_column("", key="mark", width=2)
        for key, label, width in columns:
            arrow = (" ▼" if self.descending else " ▲") if key == self.order else ""
            heading = Text(label + arrow, justify="left" if key in LEFT else "right")
            table.add_column(heading, key=key, width=width or max(room, MIN_QUESTION_WIDTH))
        now = self.app.now()
        for row in self.rows:
            table.add_row(*self.cells(row, columns, now), key=str(row.id))
        if keep is not None and any(row.id == keep for row in self.rows):
            table.move_cursor(row=next(i for i, row in enumerate(self.rows) if row.id == keep))
        self.show_count()
        self.show_preview()

    def cells(self, row: CardRow, columns, now: datetime) -> list[object]:  # type: ignore[no-untyped-def]
        mark = Text.assemble(("✓" if row.id in self.marked else " ", "bold"), flag_text(row.flag))
        values = {
            "front": Text(one_line(row.question), no_wrap=True, overflow="ellipsis"),
            "deck": Text(inert(row.deck), no_wrap=True, overflow="ellipsis"),
            "due": due_cell(row, now),
            "interval": right("" if row.interval_days is None else days_text(row.interval_days)),
            "stability": right("" if row.stability is None else days_text(row.stability)),
            "difficulty": right("" if row.difficulty is None else f"{row.difficulty:.1f}"),
            "reviews": right(str(row.reviews)),
            "lapses": right(str(row.lapses)),
            "added": right(short_interval(now - row.added)),
        }
        style = "dim" if row.suspended or row.buried else ""
        shown = [mark]
        for key, _, _ in columns:
            cell = values[key]
            if style:
                cell.stylize(style)
            shown.append(cell)
        return shown

    def show_count(self) -> None:
        panel = self.query_one("#browser-panel")
        selected = f" · {len(self.marked)} selected" if self.marked else ""
        if self.total > len(self.rows):
            count = f"first {len(self.rows):,} of {self.total:,} cards"
        else:
            count = f"{self.total:,} card{'' if self.total == 1 else 's'}"
        order = f"by {self.order} {'▼' if self.descending else '▲'}"
        panel.border_subtitle = Content(f"{count}{selected} · {order}")

    # -- the preview -----------------------------------------------------------------------------

    def current_id(self) -> int | None:
        table = self.query_one(CardTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row].id

    def current_row(self) -> CardRow | None:
        card_id = self.current_id()
        return next((row for row in self.rows if row.id == card_id), None)

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self.show_preview()

    def show_preview(self) -> None:
        preview = self.query_one("#browser-preview", Static)
        row = self.current_row()
        if row is None:
            preview.update(Content("No cards match." if not self.rows else ""))
            return
        preview.update(preview_content(row))

    # -- the selection --------------------------------------------------------------------------

    def selection(self) -> list[int]:
        """The marked cards, or else the highlighted one."""
        if self.marked:
            return [row.id for row in self.rows if row.id in self.marked]
        card_id = self.current_id()
        return [] if card_id is None else [card_id]

    def action_mark(self) -> None:
        card_id = self.current_id()
        if card_id is None:
            return
        self.marked ^= {card_id}
        table = self.query_one(CardTable)
        row = self.rows[table.cursor_row]
        table.update_cell(str(card_id), "mark", self.cells(row, [], self.app.now())[0])
        table.action_cursor_down()
        self.show_count()

    def action_mark_all(self) -> None:
        everything = {row.id for row in self.rows}
        self.marked = set() if self.marked >= everything else everything
        self.fill_table(self.current_id())

    # -- sorting ---------------------------------------------------------------------------------

    def action_sort(self) -> None:
        keys = list(SORT_KEYS)
        self.order = keys[(keys.index(self.order) + 1) % len(keys)]
        self.run_search(self.current_id())

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.run_search(self.current_id())

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key not in SORT_KEYS:
            return
        if key == self.order:
            self.descending = not self.descending
        else:
            self.order, self.descending = str(key), False
        self.run_search(self.current_id())

    # -- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {
            "mark",
            "mark_all",
            "info",
            "edit",
            "suspend",
            "bury",
            "flag",
            "add_tags",
            "remove_tags",
            "move",
            "reset",
            "set_due",
            "delete",
            "write_back",
        }:
            return True if self.rows else None
        return True

    @work(thread=True, group="browser-action")
    def act(self, name: str, *arguments: object) -> None:
        """Run the collection's action `name` on the selection, then search again."""
        actions = self.app.collection.actions
        try:
            text = getattr(actions, name)(*arguments)
        except ReviseError as error:
            self.post_message(ActionDone(inert(str(error)), error=True))
            return
        self.post_message(ActionDone(text))

    def on_action_done(self, message: ActionDone) -> None:
        if message.error:
            self.notify(message.text, severity="error", markup=False, timeout=8)
            return
        self.notify(inert(message.text), markup=False)
        self.run_search(self.current_id())

    def action_suspend(self) -> None:
        ids = self.selection()
        if ids:
            first = self.row_of(ids[0])
            self.act("set_suspended", ids, not first.suspended)

    def action_bury(self) -> None:
        ids = self.selection()
        if ids:
            first = self.row_of(ids[0])
            self.act("set_buried", ids, not first.buried)

    def action_flag(self) -> None:
        ids = self.selection()
        if ids:
            self.app.push_screen(
                FlagScreen(), lambda flag: flag is not None and self.act("flag", ids, flag)
            )

    def action_add_tags(self) -> None:
        ids = self.selection()
        if ids:
            self.app.push_screen(
                AskScreen("Add tags", f"Tags to add to {self.cards_text(ids)}, with spaces:"),
                lambda tags: tags is not None and self.act("add_tags", ids, [tags]),
            )

    def action_remove_tags(self) -> None:
        ids = self.selection()
        if not ids:
            return
        present = sorted({tag for card_id in ids for tag in self.row_of(card_id).tags})
        self.app.push_screen(
            AskScreen(
                "Remove tags",
                f"Tags to remove from {self.cards_text(ids)}:",
                suggestions=present,
            ),
            lambda tags: tags is not None and self.act("remove_tags", ids, [tags]),
        )

    def action_move(self) -> None:
        ids = self.selection()
        if ids:
            self.ask_move(ids)

    @work(thread=True, group="browser-action")
    def ask_move(self, ids: list[int]) -> None:
        """Ask for the deck, offering the names of those there are."""
        try:
            names = self.app.collection.deck_names()
        except ReviseError as error:
            self.post_message(ActionDone(inert(str(error)), error=True))
            return
        dialog = AskScreen("Move", f"Deck to move {self.cards_text(ids)} to:", suggestions=names)

        def chosen(deck: str | None) -> None:
            if deck is not None:
                self.act("move", ids, deck)

        self.app.call_from_thread(self.app.push_screen, dialog, chosen)

    def action_reset(self) -> None:
        ids = self.selection()
        if ids:
            self.act("reset", ids)

    def action_set_due(self) -> None:
        ids = self.selection()
        if ids:
            self.app.push_screen(
                AskScreen(
                    "Set due date",
                    f"Days from today for {self.cards_text(ids)} (0 today, 3, or 1-7):",
                ),
                lambda days: days is not None and self.act("set_due", ids, days),
            )

    def action_delete(self) -> None:
        ids = self.selection()
        if ids:
            self.ask_delete(ids)

    @work(thread=True, group="browser-action")
    def ask_delete(self, ids: list[int]) -> None:
        try:
            notes, cards, reviews = self.app.collection.actions.deletion_size(ids)
        except ReviseError as error:
            self.post_message(ActionDone(inert(str(error)), error=True))
            return
        question = (
            f"Delete {plural(notes, 'note')} with {plural(cards, 'card')} and "
            f"{plural(reviews, 'review')}? Ctrl+Z in the browser brings them back."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.act("delete", ids)

        self.app.call_from_thread(self.app.push_screen, ConfirmScreen("Delete", question), answered)

    def action_write_back(self) -> None:
        row = self.current_row()
        if row is not None:
            self.write_back(row.deck)

    @work(thread=True, group="browser-action")
    def write_back(self, deck: str) -> None:
        """Write the deck back to the deck file it came from (revise/study/editing.py)."""
        try:
            written = self.app.collection.editing.write_back(deck)
        except ReviseError as error:
            self.post_message(ActionDone(inert(str(error)), error=True))
            return
        self.post_message(ActionDone(written.summary()))

    def action_undo(self) -> None:
        self.undo_last()

    @work(thread=True, group="browser-action")
    def undo_last(self) -> None:
        try:
            undone = self.app.collection.actions.undo()
        except ReviseError as error:
            self.post_message(ActionDone(inert(str(error)), error=True))
            return
        self.post_message(ActionDone(f"Undone: {undone}" if undone else "Nothing to undo"))

    def action_info(self) -> None:
        card_id = self.current_id()
        if card_id is not None:
            from revise.tui.screens.card_info import CardInfoScreen

            self.app.push_screen(CardInfoScreen(card_id))

    def action_edit(self) -> None:
        """The highlighted card's note in the edit form; the list shows the saved text."""
        card_id = self.current_id()
        if card_id is None:
            return
        from revise.tui.screens.edit import EditCardScreen

        def edited(outcome: object) -> None:
            if outcome is not None:
                self.run_search(card_id)

        self.app.push_screen(EditCardScreen(card_id), callback=edited)

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_info()

    def action_focus_search(self) -> None:
        self.query_one("#browser-search", Input).focus()

    def action_close(self) -> None:
        if self.query_one("#browser-search", Input).has_focus:
            self.query_one(CardTable).focus()
            return
        self.dismiss(None)

    def row_of(self, card_id: int) -> CardRow:
        return next(row for row in self.rows if row.id == card_id)

    def cards_text(self, ids: list[int]) -> str:
        return plural(len(ids), "card") if len(ids) > 1 else "the card"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def one_line(text: str) -> str:
    return inert(" ".join(text.split()))


def right(text: str) -> Text:
    return Text(text, justify="right", no_wrap=True)


def days_text(days: float) -> str:
    return short_interval(timedelta(days=days))


def due_cell(row: CardRow, now: datetime) -> Text:
    if row.suspended:
        return right("susp")
    if row.buried:
        return right("buried")
    if row.due is None:
        return Text("new", style="#5b9bd5", justify="right")
    if row.due <= now:
        return Text("due", style="#6abf69", justify="right")
    return right(short_interval(row.due - now))


def flag_text(flag: int) -> Text:
    return Text(FLAG_MARK, style=FLAG_STYLES[flag]) if flag in FLAGS else Text("")


def preview_content(row: CardRow) -> Content:
    """The highlighted card: its context, question and answer, then where it is from."""
    parts: list[Content] = []
    context = shown_context(row.context, row.deck)
    if context:
        parts.append(Content.styled(inert(context), "italic $text-muted"))
    parts.append(Content.styled(inert(row.question, lines=True), "bold"))
    if row.answer:
        parts.append(Content(inert(row.answer, lines=True)))
    facts = [inert(row.deck), STATE_NAMES.get(row.state, "")]
    if row.flag:
        facts.append(f"{FLAGS[row.flag]} flag")
    if row.suspended:
        facts.append("suspended")
    if row.buried:
        facts.append("buried")
    if row.source:
        facts.append(f"from {inert(row.source)}")
    if row.tags:
        facts.append("tags: " + " ".join(inert(tag) for tag in row.tags))
    parts.append(Content.styled(" · ".join(facts), "$text-muted"))
    return Content("\n").join(parts)
