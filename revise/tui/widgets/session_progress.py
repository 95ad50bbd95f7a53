"""Today's progress: a bar and `12 done · 28 left today`, or what the session is waiting for.

One widget drawing both, rather than Textual's ProgressBar (a bar widget and its own status
widgets) beside a Label: the review screen is made and drawn at every `revise study`, and this
line is drawn again after every answer.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.renderables.bar import Bar
from textual.widget import Widget

LABEL_GAP = 2  # cells between the bar and the counts


class SessionProgress(Widget):
    """Styled in app.tcss: the bar's colours (`session-progress--bar`, and `--complete` when
    nothing is left) and the counts' (`session-progress--label`)."""

    COMPONENT_CLASSES = {  # noqa: RUF012 (Textual reads this class attribute)
        "session-progress--bar",
        "session-progress--complete",
        "session-progress--label",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._done = 0
        self._total = 1
        self._label = Text("")

    def set_progress(self, done: int, left: int) -> None:
        self._done, self._total = done, max(done + left, 1)
        self._label = Text.assemble(
            (f"{done}", "bold"), " done · ", (f"{left}", "bold"), " left today"
        )
        self.refresh()

    def show_status(self, text: str) -> None:
        """A line in place of the counts until the next `set_progress` (plain text, inert)."""
        self._label = Text(text)
        self.refresh()

    def render(self) -> RenderResult:
        label = self._label.copy()
        label.stylize(self.get_component_rich_style("session-progress--label"))
        width = max(self.size.width - label.cell_len - LABEL_GAP, 0)
        complete = self._done >= self._total
        colours = self.get_component_rich_style(
            "session-progress--complete" if complete else "session-progress--bar"
        )
        # Filled to the half cell below the share done, as Textual's progress bar draws it.
        filled = int(min(self._done / self._total, 1.0) * width * 2) / 2
        bar = Bar(
            highlight_range=(0, filled),
            highlight_style=Style.from_color(colours.color),
            background_style=Style.from_color(colours.bgcolor),
            width=width,
        )
        console = self.app.console
        line = Text(end="")
        for part in bar.__rich_console__(console, console.options.update_width(width)):
            line.append_text(part)  # type: ignore[arg-type] (the bar is drawn as one Text)
        line.append(" " * LABEL_GAP)
        line.append_text(label)
        return line
