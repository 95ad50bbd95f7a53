"""A table (or a large Anki package) imported again is first compared row by row with what its
decks hold (each note's origin, revise/storage/merge.py's `unchanged_table`): it must come to
what matching its notes one by one comes to, whatever happened to the decks in the app since."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from revise import Collection, Rating
from revise.config import Config
from revise.formats import anki
from revise.formats.anki import AnkiRows
from revise.formats.csvdeck import TableReader
from revise.study.collection import Collection as CollectionType

ROWS = [
    "front,back,tags,deck",
    "chat,cat,animal,French",
    "chien,dog,animal,French",
    "maison,house,,French",
    "Hund,dog,animal,German",
    "Haus,house,,German",
]


def ids(col: CollectionType, query: str) -> list[int]:
    return [row.id for row in col.search(query).rows]


def _nothing(col: CollectionType) -> None:
    pass


def _tagged_in_the_app(col: CollectionType) -> None:
    col.actions.add_tags(ids(col, "chien"), ["pet"])


def _tag_removed_in_the_app(col: CollectionType) -> None:
    col.actions.remove_tags(ids(col, "Hund"), ["animal"])


def _edited_in_the_app(col: CollectionType) -> None:
    col.editing.edit_note(ids(col, "maison")[0], back="a house")


def _deleted_in_the_app(col: CollectionType) -> None:
    col.actions.delete(ids(col, "Haus"))


def _answered(col: CollectionType) -> None:
    card = col.next_card("French")
    assert card is not None
    col.answer(card.id, Rating.GOOD)


SINCE: dict[str, Callable[[CollectionType], None]] = {
    "nothing": _nothing,
    "tagged in the app": _tagged_in_the_app,
    "a tag removed in the app": _tag_removed_in_the_app,
    "edited in the app": _edited_in_the_app,
    "deleted in the app": _deleted_in_the_app,
    "answered": _answered,
}

FILES = {
    "the same file": ROWS,
    "a row changed": [*ROWS[:2], "chien,dog,animal pet,French", *ROWS[3:]],
    "rows moved": [ROWS[0], *ROWS[4:], *ROWS[1:4]],
    "a row gone": ROWS[:-1],
    "a row added": [*ROWS, "Katze,cat,animal,German"],
    "a row repeated": [*ROWS, ROWS[1]],
}


def stored(col: CollectionType) -> list[tuple[object, ...]]:
    """Every note and card as stored (ids, text, places, states), in order."""
    with col._engine.connect() as connection:
        notes = connection.execute(
            text(
                "SELECT id, deck_id, key, front, back, tags, position, missing, edited_at"
                " FROM notes ORDER BY id"
            )
        ).all()
        cards = connection.execute(
            text("SELECT id, note_id, position, state, suspended, reps FROM cards ORDER BY id")
        ).all()
    return [tuple(row) for row in notes + cards]


def imported_again(
    tmp_path: Path, clock, since: str, rows: list[str], *, compare_first: bool
) -> tuple[str, list[tuple[object, ...]]]:
    folder = tmp_path / ("compared" if compare_first else "matched")
    folder.mkdir()
    table = folder / "words.csv"
    table.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    col = Collection.open(folder / "c.db", config=Config(fuzz=False), clock=clock)
    try:
        col.import_file(table)
        SINCE[since](col)
        table.write_text("\n".join(rows) + "\n", encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            if not compare_first:  # what importing it was before rows were compared first
                patch.setattr(TableReader, "origins", lambda self: None)
            report = col.import_file(table)
        return str(report) + repr([(d.skipped, d.kept_deleted) for d in report.decks]), stored(col)
    finally:
        col.close()


@pytest.mark.parametrize("since", SINCE)
@pytest.mark.parametrize("rows", FILES)
def test_a_table_imported_again_comes_to_what_matching_its_notes_comes_to(
    tmp_path, clock, since, rows
):
    compared = imported_again(tmp_path, clock, since, FILES[rows], compare_first=True)
    matched = imported_again(tmp_path, clock, since, FILES[rows], compare_first=False)
    assert compared == matched


def test_tags_changed_in_the_app_are_the_files_again_after_the_same_table_is_imported(
    col, tmp_path
):
    table = tmp_path / "words.csv"
    table.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    col.import_file(table)
    col.actions.add_tags(ids(col, "chien"), ["pet"])
    report = col.import_file(table)
    assert [(deck.name, deck.updated, deck.unchanged) for deck in report.decks] == [
        ("French", 1, 2),
        ("German", 0, 2),
    ]
    assert ids(col, "tag:pet") == []


def test_an_unchanged_table_imported_again_writes_nothing(col, tmp_path):
    table = tmp_path / "words.csv"
    table.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    col.import_file(table)
    before = stored(col)
    with col._engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"  # another connection's commit changes it
        seen = connection.exec_driver_sql("PRAGMA data_version").scalar() if sqlite else None
        again = col.import_file(table)
        if sqlite:
            assert connection.exec_driver_sql("PRAGMA data_version").scalar() == seen
    assert [(d.added, d.updated, d.unchanged, d.skipped) for d in again.decks] == [
        (0, 0, 3, []),
        (0, 0, 2, []),
    ]
    assert stored(col) == before


def _package_tagged_in_the_app(col: CollectionType) -> None:
    col.actions.add_tags(ids(col, "")[:1], ["mine"])


def _package_edited_in_the_app(col: CollectionType) -> None:
    col.editing.edit_note(ids(col, "")[1], back="another answer")


def _package_deleted_in_the_app(col: CollectionType) -> None:
    col.actions.delete(ids(col, "")[2:3])


def _package_answered(col: CollectionType) -> None:
    card = col.next_card()
    assert card is not None
    col.answer(card.id, Rating.GOOD)


PACKAGE_SINCE: dict[str, Callable[[CollectionType], None]] = {
    "nothing": _nothing,
    "tagged in the app": _package_tagged_in_the_app,
    "edited in the app": _package_edited_in_the_app,
    "deleted in the app": _package_deleted_in_the_app,
    "answered": _package_answered,
}


@pytest.mark.parametrize("since", PACKAGE_SINCE)
def test_a_large_package_imported_again_comes_to_what_matching_its_notes_comes_to(
    tmp_path, clock, monkeypatch, since
):
    from tests.test_anki_reimport import LEGACY, everything, package

    monkeypatch.setattr(anki, "STREAM_COLLECTION_BYTES", 0)  # read a batch at a time
    outcomes = []
    for compare_first in (True, False):
        folder = tmp_path / str(compare_first)
        folder.mkdir()
        path = package(folder, LEGACY)
        col = Collection.open(folder / "c.db", config=Config(fuzz=False), clock=clock)
        try:
            col.import_file(path)
            PACKAGE_SINCE[since](col)
            with pytest.MonkeyPatch.context() as patch:
                if not compare_first:
                    patch.setattr(AnkiRows, "origins", lambda self: None)
                report = col.import_file(path)
            outcomes.append((str(report), everything(col), stored(col)))
        finally:
            col.close()
    assert outcomes[0] == outcomes[1]
