"""Editing in the app: a card's note in a form, new cards, and the small dialogs the deck list asks
with (a deck name, a confirmation).

`EditCardScreen(card_id)` is reusable: any screen pushes it with a card id and is told, on
dismissal, what the edit did (None when it was cancelled). The collection's work runs in worker
threads; every save is one transaction in the core (revise/study/editing.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from revise.errors import ReviseError
from revise.formats.model import NoteData, NoteKind
from revise.textsafe import inert

if TYPE_CHECKING:
    from revise.study.editing import AddOutcome, EditOutcome, NoteText
    from revise.tui.app import ReviseApp

KIND_CHOICES = (
    ("Basic", NoteKind.BASIC),
    ("Basic, both ways", NoteKind.REVERSED),
    ("Cloze", NoteKind.CLOZE),
)


class NoteLoaded(Message):
    def __init__(self, note: NoteText | None, error: str | None) -> None:
        super().__init__()
        self.note = note
        self.error = error


class Saved(Message):
    def __init__(self, outcome: EditOutcome | AddOutcome | None, error: str | None) -> None:
        super().__init__()
        self.outcome = outcome
        self.error = error


_SIDES = ("front", "back")  # the fields of several lines


def shown_in_field(text: str, *, lines: bool = False) -> str:
    """User text as an input field shows it: Textual draws a field's text as it is, so a control
    code in it would act on the terminal. A field left as shown gives back the text it was
    filled with; one the user changes keeps what they typed, pictures and all."""
    return inert(text, lines=lines)


def _tags(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text.replace(",", " ").split()))


def after_typing(screen: Screen[object], callback: Callable[[], None]) -> None:
    """Run `callback` once the focused field has taken in the keys already typed into it.

    Ctrl+S is a priority binding, taken by the screen as soon as it is pressed, while the keys
    typed just before it may still wait in the field's own queue: read the form after them."""
    (screen.focused or screen).call_later(callback)


class NoteForm(VerticalScroll):
    """Front, back, context and tags of one note; the labels follow its kind."""

    def compose(self) -> ComposeResult:
        yield Label(Content("Front"), id="front-label", classes="field-label")
        yield TextArea(id="front", soft_wrap=True, tab_behavior="focus", compact=True)
        yield Label(Content("Back"), id="back-label", classes="field-label")
        yield TextArea(id="back", soft_wrap=True, tab_behavior="focus", compact=True)
        yield Label("Context (headings, e.g. Korean War > Origins)", classes="field-label")
        yield Input(id="context", compact=True)
        yield Label("Tags (separated by spaces)", classes="field-label")
        yield Input(id="tags", compact=True)

    def set_kind(self, kind: NoteKind) -> None:
        cloze = kind is NoteKind.CLOZE
        self.query_one("#front-label", Label).update(
            Content("Text, with the words to hide in [square brackets]" if cloze else "Front")
        )
        self.query_one("#back-label", Label).update(
            Content("Extra (shown with the answer, optional)" if cloze else "Back")
        )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stored: dict[str, str] = {}  # field id -> the note's text the field was filled with

    def fill(self, note: NoteText) -> None:
        self.set_kind(note.kind)
        self.stored = {
            "front": note.front,
            "back": note.back,
            "context": note.context,
            "tags": " ".join(note.tags),
        }
        for field, text in self.stored.items():
            self._set_field(field, shown_in_field(text, lines=field in _SIDES))

    def clear_sides(self) -> None:
        for field in _SIDES:
            self.stored.pop(field, None)
            self._set_field(field, "")
        self.query_one("#front", TextArea).focus()

    def _set_field(self, field: str, text: str) -> None:
        widget = self.query_one(f"#{field}")
        if isinstance(widget, TextArea):
            widget.load_text(text)
        elif isinstance(widget, Input):
            widget.value = text

    def _field_text(self, field: str) -> str:
        """What the field holds: the note's own text while the field shows it unchanged (its
        control characters are shown as pictures, see `shown_in_field`), else what was typed."""
        widget = self.query_one(f"#{field}")
        text = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        stored = self.stored.get(field)
        if stored is not None and text == shown_in_field(stored, lines=field in _SIDES):
            return stored
        return text

    @property
    def front(self) -> str:
        return self._field_text("front").strip()

    @property
    def back(self) -> str:
        return self._field_text("back").strip()

    @property
    def context(self) -> str:
        return self._field_text("context").strip()

    @property
    def tags(self) -> tuple[str, ...]:
        return _tags(self._field_text("tags"))


class EditCardScreen(Screen["EditOutcome | None"]):
    """The note behind card `card_id` in a form; Ctrl+S saves (the card keeps its reviews)."""

    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "save", "Save", id="edit.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="edit.cancel"),
    ]

    app: ReviseApp

    def __init__(self, card_id: int) -> None:
        super().__init__()
        self.card_id = card_id
        self.note: NoteText | None = None
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-panel", classes="section form-panel") as panel:
            panel.border_title = f"Edit card {self.card_id}"
            yield NoteForm(id="note-form")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(NoteForm).loading = True
        self.load_note()

    @work(thread=True, group="edit")
    def load_note(self) -> None:
        try:
            self.post_message(NoteLoaded(self.app.collection.editing.note_text(self.card_id), None))
        except ReviseError as error:
            self.post_message(NoteLoaded(None, str(error)))

    def on_note_loaded(self, message: NoteLoaded) -> None:
        if message.note is None:
            self.notify(inert(message.error or ""), severity="error", markup=False)
            self.dismiss(None)
            return
        self.note = message.note
        form = self.query_one(NoteForm)
        form.loading = False
        form.fill(message.note)
        panel = self.query_one("#edit-panel")
        panel.border_subtitle = Content(inert(message.note.deck))
        self.query_one("#front", TextArea).focus()

    def action_save(self) -> None:
        after_typing(self, self.save_form)

    def save_form(self) -> None:
        if self.note is None or self.saving:
            return
        form = self.query_one(NoteForm)
        self.saving = True
        self.save(form.front, form.back, form.context, form.tags)

    @work(thread=True, group="edit")
    def save(self, front: str, back: str, context: str, tags: tuple[str, ...]) -> None:
        try:
            outcome = self.app.collection.editing.edit_note(
                self.card_id, front=front, back=back, context=context, tags=tags
            )
        except ReviseError as error:
            self.post_message(Saved(None, str(error)))
            return
        self.post_message(Saved(outcome, None))

    def on_saved(self, message: Saved) -> None:
        self.saving = False
        if message.outcome is None:
            self.notify(inert(message.error or ""), severity="error", markup=False)
            return
        self.notify(inert(message.outcome.summary()), markup=False)
        self.dismiss(message.outcome)  # type: ignore[arg-type]

    def action_cancel(self) -> None:
        self.dismiss(None)


class AddCardScreen(Screen[int]):
    """New cards for a deck: Ctrl+S adds one and clears the form for the next, as Anki's Add
    window does; Esc closes it. Dismisses with the number of notes added."""

    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "add", "Add", id="new_card.add", priority=True),
        Binding("escape", "close", "Close", id="new_card.close"),
    ]

    app: ReviseApp

    def __init__(self, deck: str | None, decks: list[str]) -> None:
        super().__init__()
        self.deck = deck if deck in decks else (decks[0] if decks else None)
        self.decks = decks
        self.added = 0
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="add-panel", classes="section form-panel") as panel:
            panel.border_title = "Add cards"
            with Horizontal(id="add-choices"):
                yield Select(
                    [(Content(inert(name)), name) for name in self.decks],
                    value=self.deck if self.deck is not None else Select.BLANK,
                    allow_blank=False,
                    compact=True,
                    id="add-deck",
                )
                yield Select(
                    list(KIND_CHOICES),
                    value=NoteKind.BASIC,
                    allow_blank=False,
                    compact=True,
                    id="add-kind",
                )
            yield NoteForm(id="note-form")
            yield Static("", id="add-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#front", TextArea).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "add-kind" and isinstance(event.value, NoteKind):
            self.query_one(NoteForm).set_kind(event.value)

    def action_add(self) -> None:
        after_typing(self, self.add_from_form)

    def add_from_form(self) -> None:
        if self.saving:
            return
        deck = self.query_one("#add-deck", Select).value
        kind = self.query_one("#add-kind", Select).value
        if not isinstance(deck, str) or not isinstance(kind, NoteKind):
            self.notify("Choose a deck first (create one with c on the deck list)", markup=False)
            return
        form = self.query_one(NoteForm)
        note = NoteData(kind, form.front, form.back, context=form.context, tags=form.tags)
        self.saving = True
        self.add(deck, note)

    @work(thread=True, group="add")
    def add(self, deck: str, note: NoteData) -> None:
        try:
            outcome = self.app.collection.editing.add_notes(deck, [note])
        except ReviseError as error:
            self.post_message(Saved(None, str(error)))
            return
        self.post_message(Saved(outcome, None))

    def on_saved(self, message: Saved) -> None:
        self.saving = False
        if message.outcome is None:
            self.notify(inert(message.error or ""), severity="error", markup=False)
            return
        self.added += 1
        self.query_one("#add-status", Static).update(Content(inert(message.outcome.summary())))
        self.query_one(NoteForm).clear_sides()

    def action_close(self) -> None:
        self.dismiss(self.added)


class NameScreen(ModalScreen[str | None]):
    """Asks for a deck name; dismisses with it, or None on Esc."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel", id="name.cancel"),
    ]

    def __init__(self, title: str, prompt: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog", classes="dialog") as dialog:
            dialog.border_title = self.title_text
            yield Label(Content(inert(self.prompt)))
            yield Input(value=shown_in_field(self.value), id="name-input")
            yield Label(Content.from_markup("[dim]Parent::Child for a sub-deck · Esc cancels"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from revise.study.editing import check_deck_name

        name = event.value.strip()
        if self.value and name == shown_in_field(self.value):
            self.dismiss(self.value)  # left as shown: the name it was
            return
        try:
            self.dismiss(check_deck_name(name))
        except ReviseError as error:
            self.notify(inert(str(error)), severity="error", markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
