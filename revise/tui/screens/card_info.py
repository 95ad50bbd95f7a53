"""Card info: a card's text and source, its memory now, and every review it had."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from revise.errors import ReviseError
from revise.study.values import FLAGS
from revise.textsafe import inert
from revise.tui.timefmt import short_interval, spent
from revise.tui.widgets.card_view import shown_context

if TYPE_CHECKING:
    from revise.study.card_info import CardInfo
    from revise.tui.app import ReviseApp

STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}


class InfoLoaded(Message):
    def __init__(self, info: CardInfo | None, error: str | None) -> None:
        super().__init__()
        self.info = info
        self.error = error


class CardInfoScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("escape,q,i", "close", "Back", id="info.close"),
    ]

    app: ReviseApp

    def __init__(self, card_id: int) -> None:
        super().__init__()
        self.card_id = card_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="info-panel", classes="section") as panel:
            panel.border_title = "Card info"
            yield Static(id="info-card")
            yield Static(id="info-facts")
            yield DataTable(id="info-reviews", cursor_type="none", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, group="card-info")
    def load(self) -> None:
        try:
            self.post_message(InfoLoaded(self.app.collection.card_info(self.card_id), None))
        except ReviseError as error:
            self.post_message(InfoLoaded(None, inert(str(error))))

    def on_info_loaded(self, message: InfoLoaded) -> None:
        if message.info is None:
            assert message.error is not None
            self.notify(message.error, severity="error", markup=False)
            self.dismiss(None)
            return
        info = message.info
        self.query_one("#info-panel").border_subtitle = Content(f"card {info.card.id}")
        self.query_one("#info-card", Static).update(card_content(info))
        self.query_one("#info-facts", Static).update(facts_content(info))
        table = self.query_one("#info-reviews", DataTable)
        table.add_column("Date")
        table.add_column("Type")
        table.add_column("Rating")
        table.add_column(Text("Interval", justify="right"))
        table.add_column(Text("Time", justify="right"))
        for review in reversed(info.reviews):
            table.add_row(
                review.when.astimezone().strftime("%Y-%m-%d %H:%M"),
                review.kind,
                Text(review.rating_name, style="#e06c5a" if review.rating == 1 else ""),
                Text(
                    "" if review.interval is None else short_interval(review.interval),
                    justify="right",
                ),
                Text(
                    "" if review.duration_ms is None else spent(review.duration_ms),
                    justify="right",
                ),
            )
        table.display = bool(info.reviews)

    def action_close(self) -> None:
        self.dismiss(None)


def card_content(info: CardInfo) -> Content:
    card = info.card
    parts = []
    context = shown_context(card.context, card.deck)  # the deck's name is on the next lines
    if context:
        parts.append(Content.styled(inert(context), "italic $text-muted"))
    parts.append(Content.styled(inert(card.question, lines=True), "bold"))
    parts.append(Content(inert(card.answer, lines=True)))
    return Content("\n").join(parts)


def when(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def facts_content(info: CardInfo) -> Content:
    card = info.card
    if card.suspended:
        due = "suspended"
    elif card.buried:
        due = "buried until tomorrow"
    elif card.due is None:
        due = "new (not studied yet)"
    else:
        due = when(card.due)
    rows = [
        ("Deck", inert(card.deck)),
        ("Added", when(card.added)),
        ("From", inert(card.source) if card.source else "typed in, or no source given"),
        ("Tags", " ".join(inert(tag) for tag in card.tags) or "none"),
        ("State", STATE_NAMES.get(card.state, "")),
        ("Due", due),
        ("Interval", "" if card.interval_days is None else f"{card.interval_days} days"),
        ("Stability", "" if card.stability is None else f"{card.stability:.1f} days"),
        ("Difficulty", "" if card.difficulty is None else f"{card.difficulty:.1f} of 10"),
        (
            "Retrievability",
            "" if info.retrievability is None else f"{info.retrievability:.0%} now",
        ),
        ("Reviews", f"{card.reviews} ({card.lapses} lapses)"),
        ("First review", when(info.first_review)),
        ("Latest review", when(info.latest_review)),
        ("Time spent", spent(info.total_ms) if info.reviews else ""),
        ("Flag", FLAGS.get(card.flag, "none")),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [
        Content.assemble((label.ljust(width), "$text-muted"), "  ", value)
        for label, value in rows
        if value
    ]
    return Content("\n").join(lines)
