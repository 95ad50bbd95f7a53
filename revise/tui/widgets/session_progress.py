"""Today's progress: a bar and `12 done · 28 left`, or what the session is waiting for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar


class SessionProgress(Horizontal):
    def compose(self) -> ComposeResult:
        yield ProgressBar(total=1, show_eta=False, show_percentage=False)
        yield Label(id="progress-label")

    def set_progress(self, done: int, left: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(done + left, 1), progress=done)
        self.query_one("#progress-label", Label).update(
            Content.assemble((f"{done}", "bold"), " done · ", (f"{left}", "bold"), " left today")
        )

    def show_status(self, text: str) -> None:
        """A line in place of the counts until the next `set_progress`."""
        self.query_one("#progress-label", Label).update(Content(text))
