"""What an import did to each deck, and the lines that tell it: plain values, without
SQLAlchemy (the usual import, revise/storage/merge.py, and a first import with Python's sqlite3
alone, revise/storage/quick_import.py, report alike)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from revise.formats.model import NoteData
from revise.textsafe import inert

if TYPE_CHECKING:
    from revise.storage.app_edits import Conflict


@dataclass
class DeckReport:
    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[NoteData] = field(default_factory=list)
    reviews: int = 0
    changes: list[tuple[str, NoteData]] = field(default_factory=list)  # ("added", note), ...
    conflicts: list[Conflict] = field(default_factory=list)  # changed in the app and the file
    kept_deleted: list[NoteData] = field(default_factory=list)  # deleted in the app, still in file

    def summary(self) -> str:
        line = (
            f"{inert(self.name)}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.missing} missing"
        )
        if self.reviews:
            line += f", {self.reviews} reviews"
        if self.skipped:
            line += f", {len(self.skipped)} skipped"
        if self.conflicts:
            line += f", {len(self.conflicts)} changed in the app and in the file"
        if self.kept_deleted:
            line += f", {len(self.kept_deleted)} deleted in the app (not restored)"
        return line


@dataclass
class ImportReport:
    decks: list[DeckReport] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total_added(self) -> int:
        return sum(deck.added for deck in self.decks)

    @property
    def total_updated(self) -> int:
        return sum(deck.updated for deck in self.decks)

    @property
    def total_unchanged(self) -> int:
        return sum(deck.unchanged for deck in self.decks)

    @property
    def total_missing(self) -> int:
        return sum(deck.missing for deck in self.decks)

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self, *, conflicts: bool = True) -> list[str]:
        """The report's lines; without the conflicts' for a caller that lists them itself."""
        lines = [deck.summary() for deck in self.decks]
        for deck in self.decks:
            lines.extend(f"  skipped: {inert(reason)}" for reason in deck.skipped)
            if conflicts and deck.conflicts:  # app_edits (SQLAlchemy) only when there are any
                from revise.storage.app_edits import conflict_line

                lines.extend(f"  conflict: {conflict_line(c)}" for c in deck.conflicts)
        if any(deck.kept_deleted for deck in self.decks):
            from revise.storage.app_edits import RESTORE

            lines.append(f"  {RESTORE} brings back the cards deleted in the app")
        if self.dry_run:
            lines.append("dry run: nothing was changed")
        return lines
