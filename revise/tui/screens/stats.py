"""Statistics of a deck or of all decks: today and before, the calendar, what is coming, cards.

The screen appears at once with every section's outline; a worker counts the figures part by
part (the reviews first, then the forecast, then the cards, see stats.collect_in_steps) and each
part fills its sections as it comes.
"""

from __future__ import annotations

from contextlib import closing
from datetime import date
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from revise.errors import ReviseError
from revise.study.stats import (
    DIFFICULTY_EDGES,
    INTERVAL_EDGES,
    RETRIEVABILITY_EDGES,
    STABILITY_EDGES,
)
from revise.textsafe import inert
from revise.tui.widgets.charts import BarChart, CardStates, ColumnChart, Heatmap, PeriodTable

if TYPE_CHECKING:
    from revise.study.stats import Statistics
    from revise.study.tuning import OptimizeOutcome
    from revise.tui.app import ReviseApp

FORECAST_CHOICES = (30, 90, 365)
# Title, the Statistics field it draws, and how many buckets it has.
DISTRIBUTIONS = (
    ("Intervals", "intervals", len(INTERVAL_EDGES) + 1),
    ("Stability", "stability", len(STABILITY_EDGES) + 1),
    ("Difficulty", "difficulty", len(DIFFICULTY_EDGES) + 1),
    ("Retrievability", "retrievability", len(RETRIEVABILITY_EDGES) + 1),
)


class StatsCounted(Message):
    """A part of the statistics of `scope` is counted (`part` None: they could not be)."""

    def __init__(self, scope: str | None, part: str | None, statistics: Statistics | None) -> None:
        super().__init__()
        self.scope = scope
        self.part = part
        self.statistics = statistics


class Optimized(Message):
    def __init__(self, outcome: OptimizeOutcome | None, error: str | None) -> None:
        super().__init__()
        self.outcome = outcome
        self.error = error


class StatsScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("f", "forecast", "Forecast span", id="stats.forecast"),
        Binding("a", "toggle_scope", "Deck / all", id="stats.scope"),
        Binding("o", "optimize", "Optimize", id="stats.optimize"),
        Binding("escape,q", "close", "Back", id="stats.close"),
    ]

    app: ReviseApp

    def __init__(self, deck: str | None) -> None:
        super().__init__()
        self.deck = deck  # the deck chosen on the deck list
        self.scope = deck  # what is shown: that deck, or all decks (None)
        self.forecast_days = FORECAST_CHOICES[0]
        self.statistics: Statistics | None = None  # the parts of it counted so far
        self.counted: set[str] = set()

    def compose(self) -> ComposeResult:
        self.load(self.scope)  # counting starts while the screen is built
        with VerticalScroll(id="stats-panel", classes="section") as panel:
            panel.border_title = self.title_text()
            yield PeriodTable("Reviews", id="stats-periods", classes="stats-section")
            yield Heatmap("Calendar", date.today(), id="stats-heatmap", classes="stats-section")
            yield ColumnChart(
                "Due", self.forecast_days, id="stats-forecast", classes="stats-section"
            )
            yield CardStates("Cards", id="stats-cards", classes="stats-section")
            for title, _, lines in DISTRIBUTIONS:
                yield BarChart(title, lines, id=f"stats-{title.lower()}", classes="stats-section")
        yield Footer()

    def title_text(self) -> Content:
        name = "all decks" if self.scope is None else inert(self.scope)
        return Content.assemble("Statistics · ", name)

    @property
    def complete(self) -> bool:
        """Whether every part of the statistics shown is counted."""
        return self.counted == {"reviews", "forecast", "cards"}

    @work(thread=True, exclusive=True, group="stats")
    def load(self, scope: str | None) -> None:
        worker = get_current_worker()
        try:
            with closing(self.app.collection.statistics_in_steps(scope)) as steps:
                for part, statistics in steps:
                    if worker.is_cancelled:  # another scope was asked for
                        return
                    self.post_message(StatsCounted(scope, part, statistics))
        except ReviseError as error:
            message = inert(str(error))
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            self.post_message(StatsCounted(scope, None, None))

    def on_stats_counted(self, message: StatsCounted) -> None:
        if message.scope != self.scope:
            return  # counted for the scope shown before
        if message.part is None or message.statistics is None:
            self.query_one("#stats-panel", VerticalScroll).border_title = Content.assemble(
                self.title_text(), ": no statistics"
            )
            return
        statistics = self.statistics = message.statistics
        self.counted.add(message.part)
        if message.part == "reviews":
            self.query_one(Heatmap).show(statistics)
        if message.part in ("reviews", "cards"):
            self.query_one(PeriodTable).show(statistics, cards_counted="cards" in self.counted)
        if message.part == "forecast":
            self.query_one(ColumnChart).show(statistics, self.forecast_days)
        if message.part == "cards":
            self.query_one(CardStates).show(statistics)
            for title, field, _ in DISTRIBUTIONS:
                chart = self.query_one(f"#stats-{title.lower()}", BarChart)
                chart.show(getattr(statistics, field))

    def action_forecast(self) -> None:
        index = FORECAST_CHOICES.index(self.forecast_days)
        self.forecast_days = FORECAST_CHOICES[(index + 1) % len(FORECAST_CHOICES)]
        counted = "forecast" in self.counted
        self.query_one(ColumnChart).show(self.statistics if counted else None, self.forecast_days)

    def action_toggle_scope(self) -> None:
        if self.deck is None:
            return
        self.scope = None if self.scope is not None else self.deck
        self.query_one("#stats-panel", VerticalScroll).border_title = self.title_text()
        self.statistics = None
        self.counted = set()
        self.query_one(PeriodTable).show(None, cards_counted=False)
        self.query_one(Heatmap).show(None)
        self.query_one(ColumnChart).show(None, self.forecast_days)
        self.query_one(CardStates).show(None)
        for chart in self.query(BarChart):
            chart.show([])
        self.load(self.scope)

    def action_optimize(self) -> None:
        self.notify("Fitting FSRS to your reviews…", timeout=3)
        self.run_optimize(self.scope)

    @work(thread=True, exclusive=True, group="optimize")
    def run_optimize(self, scope: str | None) -> None:
        try:
            outcome = self.app.collection.optimize(scope)
        except ReviseError as error:
            self.post_message(Optimized(None, str(error)))
            return
        self.post_message(Optimized(outcome, None))

    def on_optimized(self, message: Optimized) -> None:
        if message.outcome is None:
            self.notify(inert(message.error or ""), severity="warning", timeout=8, markup=False)
            return
        result = message.outcome.result
        figures = (
            f"log loss {result.before.log_loss:.4f} -> {result.after.log_loss:.4f} "
            f"on {result.reviews} reviews"
        )
        if message.outcome.stored:
            self.notify(f"Fitted parameters stored, used from the next answer ({figures}).")
        else:
            self.notify(f"The parameters in use predict as well or better; kept ({figures}).")

    def action_close(self) -> None:
        self.dismiss()
