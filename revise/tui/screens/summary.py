"""The end of a review session: what was done, what is left today, and when to come back."""

from __future__ import annotations

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
from revise.textsafe import inert
from revise.tui.timefmt import due_phrase, spent

if TYPE_CHECKING:
    from revise.study.collection import Progress
    from revise.study.session import SessionSummary, StudySession
    from revise.tui.app import ReviseApp


class SummaryLoaded(Message):
    def __init__(self, summary: SessionSummary | None) -> None:
        super().__init__()
        self.summary = summary


class SummaryScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("enter,q,escape", "close", "Close", id="summary.close"),
    ]

    app: ReviseApp

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-panel", classes="dialog") as panel:
            deck = inert(self.session.deck) if self.session.deck else "all decks"
            panel.border_title = Content(f"Session over · {deck}")
            panel.border_subtitle = "Enter to continue"
            yield Static(Content("…"), id="summary-lines")
        yield Footer()

    def on_mount(self) -> None:
        self.load_summary()

    @work(thread=True)
    def load_summary(self) -> None:
        try:
            summary = self.session.summary()
        except ReviseError as error:
            message = inert(str(error))
            self.app.call_from_thread(self.app.notify, message, severity="error", markup=False)
            summary = None
        self.post_message(SummaryLoaded(summary))

    def on_summary_loaded(self, message: SummaryLoaded) -> None:
        if message.summary is not None:
            self.query_one("#summary-lines", Static).update(self.summary_lines(message.summary))

    def summary_lines(self, summary: SessionSummary) -> Content:
        rows = [
            ("Cards studied", str(summary.cards)),
            ("Answers", str(summary.answers)),
            ("Again", str(summary.again)),
            ("Time spent", spent(summary.spent_ms)),
            ("Left today", left_phrase(summary.left)),
            ("Next card due", due_phrase(summary.next_due, self.app.now())),
        ]
        width = max(len(label) for label, _ in rows)
        return Content("\n").join(
            Content.assemble((label.ljust(width), "dim"), "  ", (value, "bold"))
            for label, value in rows
        )

    def action_close(self) -> None:
        self.dismiss()


def left_phrase(left: Progress) -> str:
    """`12 new · 1 learning`, or `nothing` when today's work is done."""
    parts = [
        f"{count} {kind}"
        for count, kind in ((left.new, "new"), (left.learning, "learning"), (left.due, "due"))
        if count
    ]
    return " · ".join(parts) or "nothing"
