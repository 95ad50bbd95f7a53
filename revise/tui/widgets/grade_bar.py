"""The four grade buttons, each with the interval it would give.

A grade button is a one-line widget of its own rather than Textual's Button: Button brings a
large stylesheet to parse at start-up, and greying it out restyles it, which every card does
twice (greyed until the answer shows, then usable). Here greying out only dims the text.
"""

from __future__ import annotations

from datetime import timedelta

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from revise.tui.timefmt import short_interval

GRADES = (
    (1, "Again", "error"),
    (2, "Hard", "warning"),
    (3, "Good", "success"),
    (4, "Easy", "primary"),
)
GREYED_OPACITY = 0.6  # the text of a grade that cannot be given yet, as a disabled Button's


class GradeButton(Widget):
    """A grade button (styled in app.tcss by its variant class, e.g. `-success`). It never takes
    focus, so Enter and Space stay with the review screen; clicked while greyed out, nothing."""

    class Pressed(Message):
        def __init__(self, button: GradeButton) -> None:
            super().__init__()
            self.button = button

    def __init__(self, grade: int, name: str, variant: str) -> None:
        super().__init__(id=f"grade-{grade}", classes=f"-{variant}", disabled=True)
        self.grade = grade
        self.grade_name = name
        self._label = Content(name)
        self.styles.text_opacity = GREYED_OPACITY

    @property
    def label(self) -> Content:
        return self._label

    @label.setter
    def label(self, label: Content) -> None:
        if label != self._label:
            self._label = label
            self.refresh()  # its width is set by app.tcss, not by the label

    def render(self) -> Content:
        return self._label

    def watch_disabled(self, disabled: bool) -> None:
        # Dimmed in place instead of Textual's restyle of the widget (a pseudo-class change):
        # this is on the way from every answer to the next card.
        self.styles.text_opacity = GREYED_OPACITY if disabled else 1.0
        if self.mouse_hover:  # its hover colour applies to a usable button only
            self.update_node_styles()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if not self.disabled:
            self.post_message(self.Pressed(self))


class GradeBar(Horizontal):
    """Buttons for Again / Hard / Good / Easy; greyed out until the answer is shown."""

    def compose(self) -> ComposeResult:
        for grade, name, variant in GRADES:
            yield GradeButton(grade, name, variant)

    def set_intervals(self, intervals: dict[int, timedelta]) -> None:
        """Label each button with the interval its grade would give, e.g. `Good 10m`."""
        for button in self.query(GradeButton):
            interval = intervals.get(button.grade)
            label = button.grade_name
            if interval is not None:
                label = f"{label} {short_interval(interval)}"
            button.label = Content(label)

    def set_enabled(self, enabled: bool) -> None:
        for button in self.query(GradeButton):
            button.disabled = not enabled
