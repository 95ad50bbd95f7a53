"""Small dialogs the card browser and the review screen ask through: a flag, a line of text
(tags, a deck, a due date), a yes or no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from revise.study.values import FLAGS
from revise.textsafe import inert

# How a flag looks in the table and the dialogs: Anki's colours.
FLAG_STYLES = {1: "bold #e5484d", 2: "bold #f5a524", 3: "bold #46a758", 4: "bold #3e8ed0"}
FLAG_MARK = "⚑"


def flag_content(flag: int) -> Content:
    """The flag as a coloured mark (nothing for no flag)."""
    if flag not in FLAGS:
        return Content("")
    return Content.styled(FLAG_MARK, FLAG_STYLES[flag])


class FlagScreen(ModalScreen[int | None]):
    """Choose a flag: 1 to 4, 0 for none; Esc leaves the flag as it is."""

    BINDINGS = [  # noqa: RUF012
        Binding("0", "choose(0)", "No flag", id="flag.none"),
        Binding("1", "choose(1)", "Red", id="flag.red"),
        Binding("2", "choose(2)", "Orange", id="flag.orange"),
        Binding("3", "choose(3)", "Green", id="flag.green"),
        Binding("4", "choose(4)", "Blue", id="flag.blue"),
        Binding("escape", "cancel", "Cancel", id="flag.cancel"),
    ]

    def compose(self) -> ComposeResult:
        lines = [
            Content.assemble((f"{number} ", "bold $accent"), flag_content(number), f" {colour}")
            for number, colour in FLAGS.items()
        ]
        lines.append(Content.assemble(("0 ", "bold $accent"), "  no flag"))
        with Vertical(id="flag-dialog", classes="dialog") as dialog:
            dialog.border_title = "Flag"
            dialog.border_subtitle = "Esc cancels"
            yield Static(Content("\n").join(lines))

    def action_choose(self, flag: int) -> None:
        self.dismiss(flag)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskScreen(ModalScreen[str | None]):
    """One line of text: Enter gives it back, Esc gives None."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel", id="ask.cancel"),
    ]

    def __init__(
        self, title: str, prompt: str, *, suggestions: list[str] | None = None, value: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.suggestions = suggestions
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-dialog", classes="dialog") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = "Enter · Esc cancels"
            yield Label(Content(self.prompt))
            # A suggestion is drawn as it is: one that holds a control code is not offered.
            offered = [text for text in self.suggestions or () if inert(text) == text]
            suggester = SuggestFromList(offered, case_sensitive=False) if offered else None
            yield Input(value=self.value, suggester=suggester, id="ask-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class _YesNoScreen(ModalScreen[bool]):
    """A yes/no question with a title; its subclasses say which keys answer it and how."""

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ConfirmScreen(_YesNoScreen):
    """A question: y or Enter says yes, n or Esc no."""

    BINDINGS = [  # noqa: RUF012
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = "y yes · n no"
            yield Static(Content(inert(self.question)))


class StrictConfirmScreen(_YesNoScreen):
    """A yes/no question Enter does not answer: `y` confirms, `n` or Esc does not (deleting a
    deck, where a stray Enter must not say yes)."""

    BINDINGS = [  # noqa: RUF012
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(Content(inert(self.question, lines=True)), id="confirm-question")
            yield Label(Content.from_markup("[bold]y[/] yes · [bold]n[/] / Esc no"))
