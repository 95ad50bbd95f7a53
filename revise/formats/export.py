"""Writing decks out, in the format the output file's name asks for."""

from __future__ import annotations

from pathlib import Path

from revise.config import DEFAULT_DAY_STARTS_AT
from revise.errors import ReviseError
from revise.formats.files import write_atomic
from revise.formats.model import DeckData

FORMATS = {
    ".md": "the native deck format",
    ".csv": "a comma-separated table",
    ".tsv": "a tab-separated table",
    ".apkg": "an Anki package",
}


def export_decks(
    decks: list[DeckData],
    path: Path,
    *,
    day_starts_at: int = DEFAULT_DAY_STARTS_AT,
    name: str | None = None,
) -> None:
    """Write `decks` to `path`: `.md` native deck file, `.csv`/`.tsv` table, `.apkg` Anki.

    `day_starts_at` (local hour) places review cards on the right study day in Anki. `name` is
    the deck asked for, the parent of the others: a deck file is named after it and holds the
    others as sections.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        raise ReviseError(
            f"{path}: cannot export to {suffix or 'a file without a suffix'}; "
            f"name the file with one of {known}"
        )
    if not path.parent.is_dir():
        raise ReviseError(f"{path}: the folder {path.parent} does not exist; create it first")
    if suffix == ".apkg":
        from revise.formats.anki_export import write_apkg

        write_apkg(decks, path, day_starts_at=day_starts_at)
        return
    if suffix == ".md":
        from revise.formats.deckfile import write_decks

        _write_media(decks, path)
        write_atomic(path, write_decks(decks, name or decks[0].name))
        return
    if len(decks) != 1:
        raise ReviseError(
            f"{path}: {suffix} holds one deck, {len(decks)} were given; export them one at a time "
            "or to .md or .apkg"
        )
    from revise.formats.csvdeck import write_csv

    write_csv(decks[0], path)


def _write_media(decks: list[DeckData], path: Path) -> None:
    """The pictures and sounds the decks' cards mention, into the deck file's media folder
    (written before the deck file, so that it never mentions a file not there yet)."""
    from revise.formats.deckfile import media_folder
    from revise.formats.safezip import is_safe_media_name

    folder = media_folder(path)
    for deck in decks:
        for note in deck.notes:
            for name in note.media:
                data = deck.media.get(name)
                if data is None or not is_safe_media_name(name):
                    continue
                target = folder / name
                if target.is_file() and target.read_bytes() == data:
                    continue
                folder.mkdir(exist_ok=True)
                write_atomic(target, data)
