"""The notes' folded copy of their text that search compares: kept equal to the text by every
write, filled for notes stored before it existed, and what makes accents and case not matter."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, select

from revise.formats.model import DeckData, NoteData, NoteKind
from revise.storage.folding import FOLDED_COLUMNS, fold, folded
from revise.storage.migrate import upgrade
from revise.storage.models import Note
from revise.study import leeches
from revise.study.collection import Collection

notes_t = Note.__table__


def stale_notes(col: Collection) -> list[str]:
    """The fronts of notes whose folded copy is not their text folded."""
    with col._engine.connect() as connection:
        rows = connection.execute(
            select(
                notes_t.c.front,
                *(notes_t.c[name] for name in FOLDED_COLUMNS),
                *(notes_t.c[name] for name in FOLDED_COLUMNS.values()),
            )
        ).all()
    stale = []
    for row in rows:
        values = {name: row._mapping[name] for name in FOLDED_COLUMNS}
        stored = {name: row._mapping[name] for name in FOLDED_COLUMNS.values()}
        if stored != folded(values):
            stale.append(row.front)
    return stale


def fronts(col: Collection, query: str) -> list[str]:
    return sorted(row.question for row in col.search(query).rows)


def french(front: str = "Être", tags: tuple[str, ...] = ("Verbe",)) -> list[DeckData]:
    return [
        DeckData(
            "French",
            [
                NoteData(
                    NoteKind.BASIC,
                    front,
                    "to be",
                    context="Verbes > Irréguliers",
                    tags=tags,
                    id="n1",
                ),
                NoteData(NoteKind.BASIC, "avoir", "to have"),
            ],
        )
    ]


def test_fold_drops_case_and_accents():
    assert fold("Être Über CAFÉ naïve") == "etre uber cafe naive"
    assert fold("Straße") == "strasse"
    assert folded({"front": "Été", "tags": "Verbe leech", "source": "x"}) == {
        "folded_front": "ete",
        "folded_tags": " verbe leech ",
    }


def test_every_write_keeps_the_folded_copy_equal_to_the_text(col: Collection):
    col.import_decks(french())
    assert stale_notes(col) == []
    assert fronts(col, "etre irreguliers tag:verbe") == ["Être"]

    col.import_decks(french(front="Ça été", tags=("Passé",)))  # re-import: the note changes
    assert stale_notes(col) == []
    assert fronts(col, "ca ete tag:passe") == ["Ça été"]
    assert fronts(col, "etre") == []

    ids = [row.id for row in col.search("ca").rows]
    col.actions.add_tags(ids, ["Révision"])
    assert stale_notes(col) == []
    assert fronts(col, "tag:revision") == ["Ça été"]
    col.actions.remove_tags(ids, ["passé"])
    assert stale_notes(col) == [] and fronts(col, "tag:passe") == []
    col.actions.undo()
    col.actions.undo()
    assert stale_notes(col) == []
    assert fronts(col, "tag:passe") == ["Ça été"] and fronts(col, "tag:revision") == []

    with col._engine.begin() as connection:
        note_id = connection.execute(select(notes_t.c.id).where(notes_t.c.front == "avoir"))
        note_id = note_id.scalar_one()
        card_id = col.search("avoir").rows[0].id
        done = leeches.mark(connection, card_id, note_id, suspend=False)
    assert stale_notes(col) == [] and fronts(col, "tag:LEECH") == ["avoir"]
    with col._engine.begin() as connection:
        leeches.take_back(connection, card_id, done)
    assert stale_notes(col) == [] and fronts(col, "is:leech") == []

    col.editing.edit_note(card_id, front="Avoir l'été", tags=["Été"])  # edited in the app
    col.editing.add_notes("French", [NoteData(NoteKind.BASIC, "Naïve", "Crédule")])
    assert stale_notes(col) == []
    assert fronts(col, "ete tag:ete") == ["Avoir l'été"]
    assert fronts(col, "naive credule") == ["Naïve"]
    col.editing.delete_deck("French")
    col.editing.undo_delete_deck()
    assert stale_notes(col) == [] and fronts(col, "naive") == ["Naïve"]


def test_an_upgrade_folds_the_notes_already_stored(db_path: Path, clock):
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0011_suspended_cards_index")
    engine.dispose()
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO decks (id, name, description, tags, created_at) VALUES (1, 'Old', '', '', 0)"
    )
    raw.executemany(
        "INSERT INTO notes (id, deck_id, key, explicit_key, kind, front, back, context, tags,"
        " media, position, missing, created_at, updated_at)"
        " VALUES (?, 1, ?, 0, 'basic', ?, ?, '', ?, '', 0, 0, 0, 0)",
        [(1, "a", "Über alles", "Café", "Deutsch"), (2, "b", "plain", "text", "")],
    )
    raw.executemany(
        "INSERT INTO cards (id, note_id, deck_id, ordinal, state, reps, lapses, suspended,"
        " created_at) VALUES (?, ?, 1, 0, 0, 0, 0, 0, 0)",
        [(1, 1), (2, 2)],
    )
    raw.commit()
    raw.close()

    col = Collection.open(db_path, clock=clock)
    try:
        assert col.backup is not None
        assert stale_notes(col) == []
        assert fronts(col, "uber cafe tag:deutsch") == ["Über alles"]
        assert fronts(col, "tag:none") == ["plain"]
    finally:
        col.close()
