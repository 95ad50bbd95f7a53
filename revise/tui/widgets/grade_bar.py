"""The four grade buttons, each with the interval it would give."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button

from revise.tui.timefmt import short_interval

GRADES = (
    (1, "Again", "error"),
    (2, "Hard", "warning"),
    (3, "Good", "success"),
    (4, "Easy", "primary"),
)


class GradeButton(Button):
    """A grade button. It never takes focus, so Enter and Space stay with the review screen."""

    can_focus = False

    def __init__(self, grade: int, name: str, variant: str) -> None:
        super().__init__(
            name,
            variant=variant,  # type: ignore[arg-type]
            id=f"grade-{grade}",
            disabled=True,
            compact=True,
        )
        self.grade = grade
        self.grade_name = name


class GradeBar(Horizontal):
    """Buttons for Again / Hard / Good / Easy; disabled until the answer is shown."""

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
