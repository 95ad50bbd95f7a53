"""`revise add`, `revise edit` and `revise deck ...`: thin callers of revise/study/editing.py."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from revise.errors import ReviseError
from revise.formats.model import NoteData, NoteKind
from revise.textsafe import inert, quoted

if TYPE_CHECKING:
    from revise.study.collection import Collection

EDIT_HEADER = (
    "<!-- Edit the card below in the deck file format and save; the card keeps its reviews. "
    "Quit without saving to change nothing. -->"
)
DEFAULT_EDITOR = "vi"


def run(collection: Collection, args: argparse.Namespace) -> int:
    if args.command == "add":
        return _add(collection, args)
    if args.command == "edit":
        return _edit(collection, args)
    return _deck(collection, args)


def _add(collection: Collection, args: argparse.Namespace) -> int:
    notes = _notes_from_options(args)
    if notes is None:
        notes = _notes_from_stdin(args.deck)
    outcome = collection.editing.add_notes(args.deck, notes)
    print(inert(outcome.summary()))
    return 0


def _notes_from_options(args: argparse.Namespace) -> list[NoteData] | None:
    """The one card the options describe; None when they describe none (read standard input)."""
    tags = tuple(args.tags.replace(",", " ").split())
    if args.cloze is not None:
        if args.front is not None or args.back is not None or args.reverse:
            raise ReviseError("--cloze makes a cloze card: leave out --front, --back and --reverse")
        return [NoteData(NoteKind.CLOZE, args.cloze, args.extra, context=args.context, tags=tags)]
    if args.front is None and args.back is None:
        if args.reverse or args.extra:
            raise ReviseError("give the card: --front and --back, or --cloze")
        return None
    if args.front is None or args.back is None:
        raise ReviseError("give both --front and --back (or --cloze for a cloze card)")
    if args.extra:
        raise ReviseError("--extra goes with --cloze; put the answer in --back")
    kind = NoteKind.REVERSED if args.reverse else NoteKind.BASIC
    return [NoteData(kind, args.front, args.back, context=args.context, tags=tags)]


def _notes_from_stdin(deck: str) -> list[NoteData]:
    from revise.formats.deckfile import MAX_DECK_BYTES, deck_text, parse_decks

    if sys.stdin is None or sys.stdin.isatty():
        raise ReviseError(
            "give the card: --front and --back, or --cloze (or cards in the deck file format "
            "on standard input)"
        )
    if (stream := getattr(sys.stdin, "buffer", None)) is not None:  # its bytes, as in a file
        data = stream.read(MAX_DECK_BYTES + 1)  # as much as a deck file may hold
    else:  # a text stream a caller gave
        data = sys.stdin.read(MAX_DECK_BYTES + 1).encode("utf-8", "surrogateescape")
    if len(data) > MAX_DECK_BYTES:  # (`< /dev/zero` would never end)
        raise ReviseError(
            f"<stdin>: too large: over {MAX_DECK_BYTES >> 20} MB for a deck file; split it"
        )
    decks = parse_decks(deck_text("<stdin>", data), "<stdin>", deck)  # read as a deck file is
    if len(decks) > 1:
        raise ReviseError("<stdin>: cards for one deck only (leave out the deck: sections)")
    if decks[0].name != deck:
        raise ReviseError(
            f"<stdin>: these cards are for deck {quoted(decks[0].name)}, not {quoted(deck)} "
            "(leave out the deck: section or the front matter's name)"
        )
    if not decks[0].notes:
        raise ReviseError("<stdin>: no cards (write them as in a deck file: front :: back)")
    return decks[0].notes


def _edit(collection: Collection, args: argparse.Namespace) -> int:
    from revise.formats.deckfile import write_deck
    from revise.formats.model import DeckData

    current = collection.editing.note_text(args.card)
    body = write_deck(DeckData(current.deck, [current.as_note()]))
    body = body.split("---\n", 2)[2].lstrip("\n")  # the card without the deck's front matter
    text = f"{EDIT_HEADER}\n\n{body}"
    handle, name = tempfile.mkstemp(prefix=f"revise-card-{args.card}-", suffix=".md")
    path = Path(name)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    _run_editor(path)
    edited = _edited_text(path)
    if edited == text:
        path.unlink()
        print(f"card {args.card}: nothing changed")
        return 0
    try:
        outcome = collection.editing.edit_from_text(args.card, edited, where=str(path))
    except ReviseError as error:
        raise ReviseError(f"{error} (your text is kept in {path}; nothing changed)") from None
    path.unlink()
    print(f"card {args.card}: {outcome.summary()}")
    return 0


def _edited_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReviseError(f"{path}: the editor removed the file; nothing changed") from None
    except UnicodeDecodeError:
        raise ReviseError(
            f"{path}: not valid UTF-8 text (save it as UTF-8; your text is kept in {path}; "
            "nothing changed)"
        ) from None


def _run_editor(path: Path) -> None:
    variable = next((name for name in ("VISUAL", "EDITOR") if os.environ.get(name)), None)
    editor = os.environ[variable] if variable else DEFAULT_EDITOR
    try:
        command = [*shlex.split(editor), str(path)]
    except ValueError as error:  # an unclosed quote
        path.unlink(missing_ok=True)
        raise ReviseError(
            f"${variable} {quoted(editor)} is not a command ({error}); set ${variable}"
        ) from None
    try:
        finished = subprocess.run(command, check=False)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise ReviseError(
            f"cannot start the editor {quoted(command[0])} ({error.strerror}); set $EDITOR"
        ) from None
    if finished.returncode != 0:
        path.unlink(missing_ok=True)
        raise ReviseError(
            f"the editor {quoted(command[0])} failed (exit {finished.returncode}); nothing changed"
        )


def _deck(collection: Collection, args: argparse.Namespace) -> int:
    editing = collection.editing
    if args.deck_action == "create":
        editing.create_deck(args.name)
        print(f"created deck {inert(args.name)}")
    elif args.deck_action == "rename":
        renamed = editing.rename_deck(args.name, args.new_name)
        for old, new in renamed:
            print(f"{inert(old)} -> {inert(new)}")
        if not renamed:
            print(f"{inert(args.name)}: already has that name; nothing changed")
    elif args.deck_action == "delete":
        deletion = editing.deck_deletion(args.name)
        if not args.yes and not _confirmed(f"Delete {deletion.summary()}?"):
            print("nothing deleted")
            return 1
        deletion = editing.delete_deck(args.name)
        print(f"deleted {inert(deletion.summary())}")
        if deletion.backup is not None:
            print(f"a copy of the collection from before is at {inert(str(deletion.backup))}")
    else:
        print(inert(editing.write_back(args.name).summary()))
    return 0


def _confirmed(question: str) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        raise ReviseError(f"{question} Add --yes to delete without asking")
    answer = input(f"{inert(question)} [y/N] ")
    return answer.strip().lower() in ("y", "yes")
