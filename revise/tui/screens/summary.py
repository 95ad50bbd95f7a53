"""The end of a review session: what was done, and when to come back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from revise.errors import ReviseError
from revise.tui.timefmt import due_phrase, spent

if TYPE_CHECKING:
    from revise.tui.app import ReviseApp


@dataclass(frozen=True)
class SessionSummary:
    deck: str | None
    reviewed: int
    again: int
    spent_ms: int


class NextDueLoaded(Message):
    def __init__(self, when: datetime | None) -> None:
        super().__init__()
        self.when = when


class SummaryScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("enter,q,escape", "close", "Close", id="summary.close"),
    ]

    app: ReviseApp

    def __init__(self, summary: SessionSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-panel", classes="dialog") as panel:
            panel.border_title = Content(f"Session over · {self.summary.deck or 'all decks'}")
            panel.border_subtitle = "Enter to continue"
            yield Static(self.summary_lines(None, loading=True), id="summary-lines")
        yield Footer()

    def on_mount(self) -> None:
        self.load_next_due()

    @work(thread=True)
    def load_next_due(self) -> None:
        try:
            when = self.app.collection.next_due(self.summary.deck)
        except ReviseError as error:
            self.app.call_from_thread(self.app.notify, str(error), severity="error", markup=False)
            when = None
        self.post_message(NextDueLoaded(when))

    def on_next_due_loaded(self, message: NextDueLoaded) -> None:
        self.query_one("#summary-lines", Static).update(self.summary_lines(message.when))

    def summary_lines(self, next_due: datetime | None, *, loading: bool = False) -> Content:
        summary = self.summary
        due = "…" if loading else due_phrase(next_due, self.app.now())
        rows = [
            ("Cards reviewed", str(summary.reviewed)),
            ("Again", str(summary.again)),
            ("Time spent", spent(summary.spent_ms)),
            ("Next card due", due),
        ]
        width = max(len(label) for label, _ in rows)
        return Content("\n").join(
            Content.assemble((label.ljust(width), "dim"), "  ", (value, "bold"))
            for label, value in rows
        )

    def action_close(self) -> None:
        self.dismiss()
