"""Custom study from the deck list (f), as Anki's Custom Study dialog: review ahead, review
forgotten cards, cram the deck, or study by search; then the session starts.

The choice is checked before the dialog closes: a bad number of days or a search that cannot be
read is one line under the choices, and so is a choice with no cards to study.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from revise.errors import ReviseError
from revise.study.custom import MAX_CUSTOM_DAYS, CustomStudy, Kind
from revise.textsafe import inert

if TYPE_CHECKING:
    from revise.tui.app import ReviseApp

# The choices, in the dialog's order, with what each says.
CHOICES = (
    (Kind.AHEAD, "Review ahead (due in the next N days)"),
    (Kind.FORGOTTEN, "Review forgotten (Again in the last N days)"),
    (Kind.CRAM, "Cram: every card, new ones too, in deck order"),
    (Kind.SEARCH, "Study by search: the cards it finds"),
)
USES_DAYS = (Kind.AHEAD, Kind.FORGOTTEN)


class Checked(Message):
    """The chosen custom study has cards (study None: it has none, or `problem` says why)."""

    def __init__(self, study: CustomStudy | None, problem: str | None) -> None:
        super().__init__()
        self.study = study
        self.problem = problem


class CustomStudyScreen(ModalScreen[CustomStudy | None]):
    """Dismisses with the custom study to start, or None on Esc."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel", id="custom.cancel"),
    ]

    app: ReviseApp

    def __init__(self, deck: str | None) -> None:
        super().__init__()
        self.deck = deck
        self.kind = Kind.AHEAD
        self.checking = False

    def compose(self) -> ComposeResult:
        with Vertical(id="custom-dialog", classes="dialog") as dialog:
            where = "all decks" if self.deck is None else inert(self.deck)
            dialog.border_title = Content(f"Custom study · {where}")
            dialog.border_subtitle = "Enter starts · Esc cancels"
            with RadioSet(id="custom-kind", compact=True):
                for kind, label in CHOICES:
                    yield RadioButton(label, value=kind == self.kind, id=f"custom-{kind}-choice")
            with Horizontal(classes="option-row"):
                yield Label("Days", classes="option-label")
                yield Input("1", id="custom-days", type="integer", compact=True)
            with Horizontal(classes="option-row"):
                yield Label("Search", classes="option-label")
                yield Input(
                    placeholder="e.g. tag:exam is:review",
                    id="custom-search",
                    compact=True,
                    disabled=True,
                )
            yield Checkbox(
                "Reschedule cards based on my answers", True, id="custom-reschedule", compact=True
            )
            yield Static("", id="custom-problem")
            yield Button("Start", id="custom-start", variant="primary", compact=True)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.kind = CHOICES[event.index][0]
        self.query_one("#custom-days", Input).disabled = self.kind not in USES_DAYS
        self.query_one("#custom-search", Input).disabled = self.kind != Kind.SEARCH
        # As Anki: reviewing ahead, forgotten and found cards moves the schedule, cramming not.
        self.query_one(Checkbox).value = CustomStudy(self.kind).moves_schedule
        self.say("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.start()

    def say(self, problem: str) -> None:
        self.query_one("#custom-problem", Static).update(Content(problem))

    def chosen(self) -> CustomStudy:
        """The custom study the fields describe; ReviseError naming a field that is wrong."""
        days = 1
        if self.kind in USES_DAYS:
            text = self.query_one("#custom-days", Input).value.strip()
            if not text.isdigit() or not 1 <= int(text) <= MAX_CUSTOM_DAYS:
                raise ReviseError(f"Days: give a number of days from 1 to {MAX_CUSTOM_DAYS}")
            days = int(text)
        search = None
        if self.kind == Kind.SEARCH:
            search = self.query_one("#custom-search", Input).value.strip()
            if not search:
                raise ReviseError("Search: type a search, e.g. tag:exam (see the README)")
        reschedule = self.query_one(Checkbox).value
        return CustomStudy(self.kind, days, reschedule, search)

    def start(self) -> None:
        if self.checking:
            return
        try:
            study = self.chosen()
        except ReviseError as error:
            self.say(inert(str(error)))
            return
        self.checking = True
        self.check(study)

    @work(thread=True, group="custom-study")
    def check(self, study: CustomStudy) -> None:
        try:
            found = self.app.collection.custom_card_ids(self.deck, study)
        except ReviseError as error:
            self.post_message(Checked(None, inert(str(error))))
            return
        if not found:
            self.post_message(Checked(None, inert(f"Nothing to study: no {study.what()}.")))
            return
        self.post_message(Checked(study, None))

    def on_checked(self, message: Checked) -> None:
        self.checking = False
        if message.study is None:
            self.say(message.problem or "")
            return
        self.dismiss(message.study)

    def action_cancel(self) -> None:
        self.dismiss(None)
