"""Importing from the deck list: ask for a path; for notes files, preview the cards first."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from revise.textsafe import inert
from revise.tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:
    from revise.errors import ColumnsUnclear
    from revise.formats.model import NoteData
    from revise.study.collection import ImportReport


def is_notes_file(path: Path) -> bool:
    """Whether `path` holds notes that cards are generated from, so worth a preview.

    The rule of `revise.formats.detect.file_kind`. Reads the file: call it from a worker.
    """
    from revise.errors import ReviseError
    from revise.formats.detect import FileKind, file_kind

    try:
        return file_kind(path) is FileKind.NOTES
    except ReviseError:
        return False  # the import itself will say what is wrong with the file


class ImportPathScreen(ModalScreen[Path | None]):
    """Asks for the file to import; dismisses with an existing path, or None on Esc."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog", classes="dialog") as dialog:
            dialog.border_title = "Import"
            yield Label(
                "A deck file (.md, .csv, .apkg…) or notes (.txt, .md, .org, .html, .opml, .mm):"
            )
            yield Input(placeholder="path/to/file", suggester=PathSuggester(), id="import-path")
            yield Label(
                Content.from_markup("[dim]→ completes · Enter imports · Esc cancels"),
                id="import-hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        path = Path(os.path.expanduser(text))
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "not found"
            problem = inert(f"{path}: {what} (give the path of a file)")
            self.notify(problem, severity="error", markup=False)
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportColumnsScreen(ModalScreen[str | None]):
    """Asks which column of a table is which, when its header does not say; dismisses with
    the columns as `revise import --columns` takes them, or None on Esc."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
    ]

    def __init__(self, path: Path, unclear: ColumnsUnclear) -> None:
        super().__init__()
        self.path = path
        self.unclear = unclear

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog", classes="dialog") as dialog:
            dialog.border_title = Content(f"Columns · {inert(self.path.name)}")
            yield Label(inert(f"Cannot tell which column is the front: {self.unclear.why}."))
            if self.unclear.sample:
                yield Label(first_row(self.unclear.sample), id="import-sample")
            yield Label(
                inert(
                    f"Name the columns in order ({self.unclear.roles}), or by place: front=2,back=3"
                )
            )
            yield Input(value=self.unclear.example, id="import-columns")
            yield Label(Content.from_markup("[dim]Enter imports · Esc cancels"), id="import-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if text := event.value.strip():
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


def first_row(cells: tuple[str, ...]) -> Content:
    """A table's first row, its cells numbered from 1 as `front=2` counts them."""
    shown = [
        Content.assemble((f"{number}:", "bold"), " ", inert(" ".join(cell.split()))[:30])
        for number, cell in enumerate(cells, 1)
    ]
    return Content.assemble("First row  ", Content("  ·  ").join(shown))


class ImportPreviewScreen(Screen[bool]):
    """The cards a notes file would make, from a dry run; y imports them, Esc goes back."""

    BINDINGS = [  # noqa: RUF012
        Binding(
            "y,enter", "confirm", "Import", id="preview.import", priority=True, key_display="y/⏎"
        ),
        Binding("escape,n", "cancel", "Cancel", id="preview.cancel"),
    ]

    def __init__(self, path: Path, report: ImportReport) -> None:
        super().__init__()
        self.path = path
        self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(id="preview-panel", classes="section") as panel:
            panel.border_title = Content(f"Preview · {inert(self.path.name)}")
            yield Static(preview_counts(self.report), id="preview-counts")
            yield OptionList(*preview_options(self.report), id="preview-list")
        yield Footer()

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


def preview_counts(report: ImportReport) -> Content:
    """One line per deck: how many notes and cards, and what importing would change."""
    lines = []
    for deck in report.decks:
        cards = sum(card_count(note) for note in deck.notes)
        parts = [
            (f"{len(deck.notes)} notes → {cards} cards", "bold"),
            f"  ·  {deck.added} new · {deck.updated} updated · {deck.unchanged} unchanged",
        ]
        if deck.missing:
            parts.append((f" · {deck.missing} missing (to be suspended)", "$warning"))
        if deck.skipped:
            parts.append((f" · {len(deck.skipped)} skipped", "$warning"))
        if deck.conflicts:
            parts.append(
                (f" · {len(deck.conflicts)} changed in the app and in the file", "$warning")
            )
        lines.append(Content.assemble((inert(deck.name), "bold $accent"), "  ", *parts))
    return Content("\n").join(lines)


def preview_options(report: ImportReport) -> list[Option | None]:
    """Each note as context / prompt / answer, then anything that was skipped."""
    options: list[Option | None] = []
    for deck in report.decks:
        for note in deck.notes:
            if options:
                options.append(None)  # a rule between notes
            options.append(Option(note_content(note)))
        for reason in deck.skipped:
            options.append(None)
            options.append(Option(Content.styled(f"skipped: {inert(reason)}", "$warning")))
    if not options:
        options.append(Option(Content("The file makes no cards."), disabled=True))
    return options


def note_content(note: NoteData) -> Content:
    from revise.formats.model import ClozeError, card_faces

    parts: list[Content] = []
    if note.context:
        parts.append(Content.styled(inert(note.context), "dim"))
    try:
        faces = card_faces(note)
    except ClozeError as error:
        problem = (f"cannot make cards: {inert(str(error))}", "$error")
        return Content.assemble(Content(inert(note.front, lines=True)), "\n", problem)
    for face in faces:
        parts.append(Content.assemble(("Q ", "bold $accent"), inert(face.prompt, lines=True)))
        parts.append(Content.assemble(("A ", "bold $success"), inert(face.answer, lines=True)))
    if note.source:
        parts.append(Content.styled(inert(str(note.source)), "dim italic"))
    return Content("\n").join(parts)


def card_count(note: NoteData) -> int:
    from revise.formats.model import ClozeError, card_faces

    try:
        return len(card_faces(note))
    except ClozeError:
        return 0
