"""After an import that kept the app's text of cards changed both in the app and in the file: the
report, each such card's two versions, and the file's version taken for one card or for all.

Taking the file's version imports the file again, taking the file's text of the cards chosen
(`Collection.import_file(prefer_file=...)`, as `revise import FILE --prefer-file` does for all).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from revise.errors import ReviseError
from revise.textsafe import inert

if TYPE_CHECKING:
    from revise.formats.model import NoteData
    from revise.study.collection import Conflict, ImportReport, PreferFile
    from revise.tui.app import ReviseApp


def open_conflicts(report: ImportReport) -> list[tuple[str, Conflict]]:
    """(deck, conflict) of each card whose app text an import kept over the file's."""
    return [
        (deck.name, conflict)
        for deck in report.decks
        for conflict in deck.conflicts
        if conflict.kept == "app"
    ]


class FileTaken(Message):
    def __init__(self, report: ImportReport | None, error: str | None) -> None:
        super().__init__()
        self.report = report
        self.error = error


class ImportConflictsScreen(Screen[None]):
    """The import's report and its conflicts: f takes the file's version of the highlighted
    card, a of every card listed; Esc leaves the app's versions of the others."""

    BINDINGS = [  # noqa: RUF012
        Binding("f", "take_file", "Take file's", id="conflicts.take_file"),
        Binding("a", "take_all", "File's for all", id="conflicts.take_all"),
        Binding("escape", "done", "Done", id="conflicts.done"),
    ]

    app: ReviseApp

    def __init__(self, path: Path, report: ImportReport) -> None:
        super().__init__()
        self.path = path
        self.report = report
        self.open = open_conflicts(report)
        self.taken: list[tuple[str, Conflict]] = []
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="conflicts-panel", classes="section") as panel:
            panel.border_title = Content(f"Imported · {inert(self.path.name)}")
            yield Static(
                Content("\n".join(self.report.lines(conflicts=False))), id="conflicts-report"
            )
            yield Static(id="conflicts-intro")
            yield OptionList(id="conflicts-list")
            with Horizontal(id="conflicts-versions"):
                yield Static(id="conflict-app", classes="conflict-version")
                yield Static(id="conflict-file", classes="conflict-version")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#conflict-app").border_title = "In the app (kept)"
        self.query_one("#conflict-file").border_title = "In the file"
        self.show_conflicts()

    def show_conflicts(self, at: int = 0) -> None:
        """List the open conflicts, then those settled here; highlight the open one `at` (or the
        last) and show its versions."""
        several = len({deck for deck, _ in self.open + self.taken}) > 1
        options = [Option(conflict_label(deck, c, several)) for deck, c in self.open]
        options += [
            Option(
                Content.assemble(conflict_label(deck, c, several), ("  file's taken", "$success")),
                disabled=True,
            )
            for deck, c in self.taken
        ]
        listed = self.query_one(OptionList)
        listed.set_options(options)
        if self.open:
            intro = Content.styled("Kept the app's version of:", "bold $warning")
            listed.highlighted = min(at, len(self.open) - 1)
        else:
            intro = Content.styled("Took the file's version of each.", "bold $success")
        self.query_one("#conflicts-intro", Static).update(intro)
        self.query_one("#conflicts-versions").display = bool(self.open)
        self.show_versions()
        self.refresh_bindings()

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self.show_versions()

    def highlighted(self) -> Conflict | None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.open):
            return None
        return self.open[index][1]

    def show_versions(self) -> None:
        conflict = self.highlighted()
        if conflict is None:
            return
        self.query_one("#conflict-app", Static).update(version_content(conflict.app))
        self.query_one("#conflict-file", Static).update(version_content(conflict.file))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take_file", "take_all"):
            return bool(self.open) and not self.busy
        return True

    def action_take_file(self) -> None:
        conflict = self.highlighted()
        if conflict is not None and not self.busy:
            self.take(frozenset({conflict.key}))

    def action_take_all(self) -> None:
        if self.open and not self.busy:
            self.take(frozenset(conflict.key for _, conflict in self.open))

    def action_done(self) -> None:
        if not self.busy:
            self.dismiss(None)

    def take(self, keys: PreferFile) -> None:
        self.busy = True
        self.refresh_bindings()
        self.query_one("#conflicts-intro", Static).update(
            Content.styled("Taking the file's version…", "$text-muted")
        )
        self.import_again(keys)

    @work(thread=True, group="conflicts")
    def import_again(self, keys: PreferFile) -> None:
        """Import the file again, taking the file's text of the cards keyed `keys`."""
        from revise.tui.screens.deck_list import waiting_reporter

        waiting = waiting_reporter(self)
        try:
            report = self.app.collection.import_file(self.path, prefer_file=keys, on_wait=waiting)
        except (ReviseError, OSError) as error:
            from revise.tui.screens.deck_list import one_line

            self.post_message(FileTaken(None, one_line(error, self.path)))
            return
        self.post_message(FileTaken(report, None))

    def on_file_taken(self, message: FileTaken) -> None:
        self.busy = False
        if message.report is None:
            assert message.error is not None
            self.notify(message.error, severity="error", timeout=8, markup=False)
            self.show_conflicts()
            return
        taken = [
            (deck.name, conflict)
            for deck in message.report.decks
            for conflict in deck.conflicts
            if conflict.kept == "file"
        ]
        self.taken = taken + self.taken
        self.open = open_conflicts(message.report)
        at = self.query_one(OptionList).highlighted or 0  # the next card takes its place
        cards = f"{len(taken)} card{'' if len(taken) == 1 else 's'}"
        self.notify(f"Took the file's version of {cards}", markup=False)
        self.show_conflicts(at)


def conflict_label(deck: str, conflict: Conflict, several_decks: bool) -> Content:
    """A conflict's line in the list: the card's front (and its deck, where there are several)."""
    front = " ".join(conflict.app.front.split())
    label = Content(inert(front))
    if several_decks:
        return Content.assemble((inert(deck), "$text-muted"), " · ", label)
    return label


def version_content(note: NoteData) -> Content:
    """One side's version of a card as written: front, back, then its context and tags (dim),
    so that what differs comes first in a short box."""
    parts = [Content(inert(note.front, lines=True))]
    if note.back:
        parts.append(Content.assemble(("→ ", "bold $accent"), inert(note.back, lines=True)))
    if note.context:
        parts.append(Content.styled(inert(note.context), "dim"))
    if note.tags:
        parts.append(Content.styled(inert("tags: " + " ".join(note.tags)), "dim"))
    return Content("\n").join(parts)
