"""What revise writes, revise reads back the same: re-importing an unchanged export changes nothing
and loses nothing (pictures, contexts, source references, sub-decks), into the same collection
or a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from revise import Collection
from revise.cli import main
from revise.config import Config
from revise.formats.anki_export import write_apkg
from revise.formats.deckfile import read_deck_file
from revise.formats.export import export_decks
from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n" + b"picture bytes"


def fresh(tmp_path: Path, name: str) -> Collection:
    return Collection.open(tmp_path / f"{name}.db", config=Config(fuzz=False))


def summary(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [deck.summary() for deck in report.decks]


def flags_deck() -> DeckData:
    """Eleven cards, four with a picture, as an Anki package brings them."""
    notes = [
        NoteData(
            NoteKind.BASIC,
            f"Flag number {n} (image: flag{n}.png)" if n < 4 else f"Country number {n}?",
            f"Country {n}",
            media=(f"flag{n}.png",) if n < 4 else (),
            context="Flags > Europe",
        )
        for n in range(11)
    ]
    return DeckData("Flags", notes, media={f"flag{n}.png": PNG + bytes([n]) for n in range(4)})


def pictures(col: Collection, deck: str) -> dict[str, bytes]:
    exported = col.export_deck(deck)
    return {name: exported.media[name] for note in exported.notes for name in note.media}


def test_a_deck_with_pictures_exported_to_md_imports_back_unchanged_with_every_picture(
    col, tmp_path
):
    package = tmp_path / "flags.apkg"
    write_apkg([flags_deck()], package)
    col.import_file(package)
    before = pictures(col, "Flags")
    assert len(before) == 4
    deck_file = tmp_path / "out" / "flags.md"
    deck_file.parent.mkdir()

    export_decks(col.export_decks("Flags"), deck_file, name="Flags")

    assert sorted(p.name for p in (tmp_path / "out" / "flags.media").iterdir()) == sorted(before)
    again = col.import_file(deck_file)
    assert summary(again) == ["Flags: 0 added, 0 updated, 11 unchanged, 0 missing"]
    assert pictures(col, "Flags") == before
    other = fresh(tmp_path, "other")
    try:
        assert summary(other.import_file(deck_file)) == [
            "Flags: 11 added, 0 updated, 0 unchanged, 0 missing"
        ]
        assert pictures(other, "Flags") == before
        card = other.next_card()
        assert card.prompt == "Flag number 0 (image: flag0.png)"
        assert [other.media_file(name).read_bytes() for name in card.media] == [before["flag0.png"]]
    finally:
        other.close()


BUNDLED = sorted((ROOT / "decks").glob("*.md"))


@pytest.mark.parametrize("bundled", BUNDLED, ids=[path.stem for path in BUNDLED])
def test_revises_own_apkg_of_a_bundled_deck_keeps_contexts_and_sources(col, tmp_path, bundled):
    original = read_deck_file(bundled)
    col.import_decks([original])
    package = tmp_path / "bundled.apkg"
    export_decks(col.export_decks(original.name), package)

    again = col.import_file(package)

    count = len(original.notes)
    assert summary(again) == [f"{original.name}: 0 added, 0 updated, {count} unchanged, 0 missing"]

    def cards(deck: DeckData) -> list[tuple[object, ...]]:
        return [(n.kind, n.front, n.back, n.context, n.source, n.id) for n in deck.notes]

    assert cards(col.export_deck(original.name)) == cards(original)
    other = fresh(tmp_path, "other")
    try:
        other.import_file(package)
        assert cards(other.export_deck(original.name)) == cards(original)
        assert all(note.context and note.source for note in original.notes)
    finally:
        other.close()


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_table_export_of_a_bundled_deck_imports_back_unchanged(col, tmp_path, suffix):
    original = read_deck_file(BUNDLED[0])
    col.import_decks([original])
    table = tmp_path / f"bundled{suffix}"
    export_decks(col.export_decks(original.name), table)

    again = col.import_file(table)

    count = len(original.notes)
    assert summary(again) == [f"{original.name}: 0 added, 0 updated, {count} unchanged, 0 missing"]
    other = fresh(tmp_path, "other")
    try:
        other.import_file(table)
        exported = other.export_deck(original.name)
        assert [(n.kind, n.front, n.back, n.context, n.source, n.id) for n in exported.notes] == [
            (n.kind, n.front, n.back, n.context, n.source, None) for n in original.notes
        ]
    finally:
        other.close()


def test_a_source_column_that_holds_no_reference_stays_card_text(tmp_path):
    from revise.formats.detect import read_decks

    table = tmp_path / "quotes.csv"
    table.write_text("front,back,source\nTo be or not to be,Hamlet,Shakespeare\n", "utf-8")
    [deck] = read_decks(table)
    assert [(n.front, n.back, n.source) for n in deck.notes] == [
        ("To be or not to be", "Hamlet\nsource: Shakespeare", None)
    ]


def language_decks() -> list[DeckData]:
    return [
        DeckData("Languages", [NoteData(NoteKind.BASIC, "How many languages?", "Two")]),
        DeckData(
            "Languages::French",
            [
                NoteData(NoteKind.BASIC, "chat", "cat", context="Animals"),
                NoteData(NoteKind.CLOZE, "Le [chien] aboie.", context="Animals > Verbs"),
            ],
        ),
        DeckData(
            "Languages::German",
            [NoteData(NoteKind.REVERSED, "der Hund", "the dog", source=SourceRef("de.txt", 1, 1))],
            description="German words",
        ),
    ]


def test_a_parent_deck_exports_to_one_md_file_and_imports_back_to_the_same_decks(col, tmp_path):
    col.import_decks(language_decks())
    deck_file = tmp_path / "languages.md"

    export_decks(col.export_decks("Languages"), deck_file, name="Languages")

    text = deck_file.read_text(encoding="utf-8")
    assert "<!-- deck: Languages::French -->" in text
    assert summary(col.import_file(deck_file)) == [
        "Languages: 0 added, 0 updated, 1 unchanged, 0 missing",
        "Languages::French: 0 added, 0 updated, 2 unchanged, 0 missing",
        "Languages::German: 0 added, 0 updated, 1 unchanged, 0 missing",
    ]
    other = fresh(tmp_path, "other")
    try:
        other.import_file(deck_file)
        assert other.deck_names() == ["Languages", "Languages::French", "Languages::German"]
        for deck in language_decks():
            exported = other.export_deck(deck.name)
            assert [(n.kind, n.front, n.back, n.context, n.source) for n in exported.notes] == [
                (n.kind, n.front, n.back, n.context, n.source) for n in deck.notes
            ]
    finally:
        other.close()


def test_sub_decks_alone_export_without_an_empty_parent(col, tmp_path):
    col.import_decks(language_decks()[1:])
    deck_file = tmp_path / "languages.md"
    export_decks(col.export_decks("Languages"), deck_file, name="Languages")
    other = fresh(tmp_path, "other")
    try:
        other.import_file(deck_file)
        assert other.deck_names() == ["Languages::French", "Languages::German"]
    finally:
        other.close()


def test_export_of_a_parent_deck_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REVISE_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    col = Collection.open(tmp_path / "cli.db")
    col.import_decks(language_decks())
    col.close()
    deck_file = tmp_path / "languages.md"

    assert main(["export", "Languages", "-o", str(deck_file)]) == 0
    assert main(["import", str(deck_file)]) == 0

    out = capsys.readouterr().out
    assert "Languages::German: 1 notes written to" in out
    assert "Languages::French: 0 added, 0 updated, 2 unchanged, 0 missing" in out
