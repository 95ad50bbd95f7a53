"""A deck's options (from the deck list): daily limits, retention, steps, maximum interval.

Each field holds the value set on this deck; an empty field shows, dimmed, the value the deck
inherits and where from. Saving writes every field in one transaction
(`Collection.set_deck_options`); a bad value is refused with one line and nothing changes.
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
from textual.widgets import Input, Label, Static

from revise.errors import ReviseError
from revise.study.deck_options import OPTIONS
from revise.textsafe import inert

if TYPE_CHECKING:
    from revise.study.deck_options import DeckOptions
    from revise.tui.app import ReviseApp

HINT = "An empty field inherits the value shown dimmed."


class OptionsRead(Message):
    def __init__(self, options: DeckOptions | None, error: str | None) -> None:
        super().__init__()
        self.options = options
        self.error = error


class OptionsSaved(Message):
    def __init__(self, error: str | None) -> None:
        super().__init__()
        self.error = error


class DeckOptionsScreen(ModalScreen[bool]):
    """Dismisses with True once options were saved, False on Esc."""

    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "save", "Save", id="options.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="options.cancel"),
    ]

    app: ReviseApp

    def __init__(self, deck: str) -> None:
        super().__init__()
        self.deck = deck
        self.saving = False
        self.options: DeckOptions | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="options-dialog", classes="dialog") as dialog:
            dialog.border_title = Content(f"Options · {inert(self.deck)}")
            dialog.border_subtitle = "Ctrl+S saves · Esc cancels"
            yield Static(Content(HINT), id="options-hint")
            for kind in OPTIONS:
                with Horizontal(classes="option-row"):
                    yield Label(kind.label, classes="option-label")
                    yield Input(id=f"option-{kind.key}", compact=True, disabled=True)
                    yield Label("", id=f"source-{kind.key}", classes="option-source")

    def on_mount(self) -> None:
        self.read_options()

    @work(thread=True, group="options")
    def read_options(self) -> None:
        try:
            options = self.app.collection.deck_options(self.deck)
        except ReviseError as error:
            self.post_message(OptionsRead(None, inert(str(error))))
            return
        self.post_message(OptionsRead(options, None))

    def on_options_read(self, message: OptionsRead) -> None:
        if message.options is None:
            self.notify(message.error or "", severity="error", markup=False)
            self.dismiss(False)
            return
        options = self.options = message.options
        inherited = options.inherited or options
        for kind in OPTIONS:
            field = self.query_one(f"#option-{kind.key}", Input)
            field.value = options.shown(kind.key) if options.is_own(kind.key) else ""
            field.placeholder = inert(inherited.shown(kind.key))  # what an empty field gives
            field.disabled = False
            self.show_source(kind.key, field.value)
        self.query_one(f"#option-{OPTIONS[0].key}", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.options is not None and event.input.id:
            self.show_source(event.input.id.removeprefix("option-"), event.value)

    def show_source(self, key: str, typed: str) -> None:
        """Beside a field: "this deck" once it holds a value, else where the dimmed one is from."""
        assert self.options is not None
        inherited = self.options.inherited or self.options
        source = "this deck" if typed.strip() else inert(inherited.source(key))
        self.query_one(f"#source-{key}", Label).update(Content(source))

    def changes(self) -> dict[str, str | None]:
        """Every field: its text, or None (inherit) when empty."""
        values = {kind.key: self.query_one(f"#option-{kind.key}", Input).value for kind in OPTIONS}
        return {key: text if text.strip() else None for key, text in values.items()}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if not self.saving:
            self.saving = True
            self.save_options(self.changes())

    @work(thread=True, group="options")
    def save_options(self, changes: dict[str, str | None]) -> None:
        try:
            self.app.collection.set_deck_options(self.deck, changes)
        except ReviseError as error:
            self.post_message(OptionsSaved(inert(str(error))))
            return
        self.post_message(OptionsSaved(None))

    def on_options_saved(self, message: OptionsSaved) -> None:
        self.saving = False
        if message.error is not None:
            self.notify(message.error, severity="error", timeout=8, markup=False)
            return
        self.notify(inert(f"Options of {self.deck} saved"), markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
