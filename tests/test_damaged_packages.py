"""Anki packages whose collection holds what Anki never writes (NULL or wrongly typed columns,
times past the calendar, note types in the wrong JSON shape, nonsense FSRS memory): each is
refused in one line naming the file and the row, as Anki itself refuses it, and nothing is
stored; card data Anki ignores when it cannot use it is ignored here too."""

from __future__ import annotations

import os
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revise.cli import main
from revise.errors import FormatError
from revise.formats.detect import read_decks
from revise.formats.model import MAX_FIELD_CHARS

FIXTURES = Path(__file__).parent / "fixtures" / "anki"
LEGACY = ("french-words-and-phrases.apkg", "collection.anki21")
GENANKI = ("palaeontology-genanki.apkg", "collection.anki2")
MODERN = ("general-knowledge-modern.apkg", "collection.anki21b")
FIRST_NOTE = "(SELECT min(id) FROM notes)"
FIRST_CARD = "(SELECT min(id) FROM cards)"
LAST_REVIEW = "(SELECT max(id) FROM revlog)"
CHECK_DATABASE = "in Anki, run Tools > Check Database, then export it again"


def mangled(tmp_path: Path, source: tuple[str, str], sql: str, name: str = "deck") -> Path:
    """A copy of a real package whose collection had `sql` run on it, with Anki's NOT NULL
    constraints lifted first so that NULLs can be written where Anki forbids them."""
    package, member = source
    with zipfile.ZipFile(FIXTURES / package) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    raw = members[member]
    if member.endswith("b"):
        raw = zstandard.ZstdDecompressor().stream_reader(raw).read()
    database = tmp_path / f"{name}.sqlite"
    database.write_bytes(raw)
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA writable_schema = ON")
    for table, text in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"):
        loose = re.sub(r"(?i)\s+not null", "", text or "")
        if loose != text:
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (loose, table))
    conn.commit()
    conn.close()
    conn = sqlite3.connect(database)
    conn.create_collation(
        "unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold())
    )
    conn.executescript(sql)
    conn.commit()
    conn.close()
    raw = database.read_bytes()
    database.unlink()
    if member.endswith("b"):
        raw = zstandard.ZstdCompressor().compress(raw)
    members[member] = raw
    path = tmp_path / f"{name}.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        for member_name, data in members.items():
            archive.writestr(member_name, data)
    return path


def first_entry(column: str, path: str, value: str) -> str:
    """SQL setting `path` inside the first entry of a legacy JSON column of `col` to `value`."""
    key = f"'$.' || (SELECT key FROM json_each({column}) LIMIT 1) || '{path}'"
    return f"UPDATE col SET {column} = json_set({column}, {key}, {value})"


DAMAGED = {
    # notes
    "note mid NULL": (
        LEGACY,
        f"UPDATE notes SET mid = NULL WHERE id = {FIRST_NOTE}",
        "mid is NULL, not a number",
    ),
    "note mid text": (
        LEGACY,
        f"UPDATE notes SET mid = 'abc' WHERE id = {FIRST_NOTE}",
        "mid is 'abc', not a number",
    ),
    "note guid NULL": (
        LEGACY,
        f"UPDATE notes SET guid = NULL WHERE id = {FIRST_NOTE}",
        "guid is NULL, not text",
    ),
    "note fields NULL": (
        LEGACY,
        f"UPDATE notes SET flds = NULL WHERE id = {FIRST_NOTE}",
        "flds is NULL, not text",
    ),
    "note fields bytes": (
        LEGACY,
        f"UPDATE notes SET flds = x'ff00fe' WHERE id = {FIRST_NOTE}",
        "flds is b'\\xff\\x00\\xfe', not text",
    ),
    "note tags NULL": (LEGACY, "UPDATE notes SET tags = NULL", "tags is NULL, not text"),
    "note type missing": (
        LEGACY,
        f"UPDATE notes SET mid = 42 WHERE id = {FIRST_NOTE}",
        "its note type 42 is missing",
    ),
    # cards
    "card reps NULL": (LEGACY, "UPDATE cards SET reps = NULL", "reps is NULL, not a number"),
    "card reps text": (LEGACY, "UPDATE cards SET reps = 'many'", "reps is 'many', not a number"),
    "card reps text with an escape": (  # quoted as every output quotes text: not '\\x1b'
        LEGACY,
        "UPDATE cards SET reps = char(27) || '[2J'",
        "reps is '\u241b[2J', not a number",
    ),
    "card lapses NULL": (LEGACY, "UPDATE cards SET lapses = NULL", "lapses is NULL, not a number"),
    "card due NULL": (LEGACY, "UPDATE cards SET due = NULL", "due is NULL, not a number"),
    "card due text": (LEGACY, "UPDATE cards SET due = 'soon'", "due is 'soon', not a number"),
    "card due huge": (
        LEGACY,
        "UPDATE cards SET due = 9223372036854775807",
        "falls due at a time no calendar holds",
    ),
    "card due negative": (
        LEGACY,
        "UPDATE cards SET due = -9223372036854775807 WHERE type = 2",
        "falls due at a time no calendar holds",
    ),
    "card interval NULL": (LEGACY, "UPDATE cards SET ivl = NULL", "ivl is NULL, not a number"),
    "card ease factor text": (
        LEGACY,
        "UPDATE cards SET factor = 'x'",
        "factor is 'x', not a number",
    ),
    "card type text": (LEGACY, "UPDATE cards SET type = 'x'", "type is 'x', not a number"),
    "card queue NULL": (LEGACY, "UPDATE cards SET queue = NULL", "queue is NULL, not a number"),
    "card steps left NULL": (LEGACY, "UPDATE cards SET left = NULL", "left is NULL, not a number"),
    "card ordinal NULL": (LEGACY, "UPDATE cards SET ord = NULL", "ord is NULL, not a number"),
    "card deck NULL": (LEGACY, "UPDATE cards SET did = NULL", "did is NULL, not a number"),
    "card note NULL": (LEGACY, "UPDATE cards SET nid = NULL", "nid is NULL, not a number"),
    "card original due text": (
        LEGACY,
        "UPDATE cards SET odue = 'x', odid = 1",
        "odue is 'x', not a number",
    ),
    "card due as a float": (LEGACY, "UPDATE cards SET due = 1.5", "due is 1.5, not a number"),
    # review log
    "review ease NULL": (LEGACY, "UPDATE revlog SET ease = NULL", "ease is NULL, not a number"),
    "review ease text": (LEGACY, "UPDATE revlog SET ease = 'good'", "ease is 'good', not a number"),
    "review kind NULL": (LEGACY, "UPDATE revlog SET type = NULL", "type is NULL, not a number"),
    "review time text": (LEGACY, "UPDATE revlog SET time = 'long'", "time is 'long', not a number"),
    "review id huge": (
        LEGACY,
        f"UPDATE revlog SET id = 9223372036854775807 WHERE id = {LAST_REVIEW}",
        "review 9223372036854775807: id 9223372036854775807 is not a time Anki could have written",
    ),
    "review id negative": (
        LEGACY,
        f"UPDATE revlog SET id = -5 WHERE id = {LAST_REVIEW}",
        "id -5 is not a time Anki could have written",
    ),
    # the collection record
    "creation NULL": (
        LEGACY,
        "UPDATE col SET crt = NULL",
        "the collection record: crt is NULL, not a number",
    ),
    "creation text": (
        GENANKI,
        "UPDATE col SET crt = 'yesterday'",
        "the collection record: crt is 'yesterday', not a number",
    ),
    "creation huge": (
        LEGACY,
        "UPDATE col SET crt = 9223372036854775807",
        "crt 9223372036854775807 is not a time Anki could have written",
    ),
    "models NULL": (LEGACY, "UPDATE col SET models = NULL", "models is NULL, not text"),
    "models a list": (
        LEGACY,
        "UPDATE col SET models = '[1, 2]'",
        "cannot be read (col.models is a JSON list, not an object)",
    ),
    "models an empty list": (
        LEGACY,
        "UPDATE col SET models = '[]'",
        "cannot be read (col.models is a JSON list, not an object)",
    ),
    "models not JSON": (
        LEGACY,
        "UPDATE col SET models = '{{{'",
        "the note types or decks in collection.anki21 inside cannot be read",
    ),
    "model fields a string": (
        LEGACY,
        first_entry("models", ".flds", "'x'"),
        "cannot be read (string indices must be integers",
    ),
    "decks a list": (
        LEGACY,
        "UPDATE col SET decks = '[]'",
        "cannot be read (col.decks is a JSON list, not an object)",
    ),
    "deck name a number": (
        LEGACY,
        first_entry("decks", ".name", "5"),
        "cannot be read (a deck name is 5, not text)",
    ),
    "learning steps text": (
        LEGACY,
        first_entry("dconf", ".new.delays", "'abc'"),
        "cannot be read (could not convert string to float",
    ),
    "scheduler version text": (
        LEGACY,
        "UPDATE col SET conf = json_set(conf, '$.schedVer', 'two')",
        "cannot be read (invalid literal for int()",
    ),
    "options a list": (
        LEGACY,
        "UPDATE col SET conf = '[]'",
        "cannot be read (col.conf is a JSON list, not an object)",
    ),
    # the current format (protobuf tables, zstd)
    "modern note mid NULL": (
        MODERN,
        f"UPDATE notes SET mid = NULL WHERE id = {FIRST_NOTE}",
        "collection.anki21b inside: note",
    ),
    "modern card due text": (
        MODERN,
        f"UPDATE cards SET due = 'x' WHERE id = {FIRST_CARD}",
        "due is 'x', not a number",
    ),
    "modern note type config garbage": (
        MODERN,
        "UPDATE notetypes SET config = x'ffffffff'",
        "the note types or decks in collection.anki21b inside cannot be read",
    ),
    "modern deck name NULL": (
        MODERN,
        "UPDATE decks SET name = NULL",
        "the note types or decks in collection.anki21b inside cannot be read",
    ),
    "modern deck options garbage": (
        MODERN,
        "UPDATE deck_config SET config = x'0a05ff'",
        "the note types or decks in collection.anki21b inside cannot be read",
    ),
    "modern scheduler version garbage": (
        MODERN,
        "UPDATE config SET val = CAST('{' AS BLOB) WHERE KEY = 'schedVer'",
        "the note types or decks in collection.anki21b inside cannot be read",
    ),
}


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "revise.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def refused_in_one_line(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["import", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"revise: {path}: ")
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert not Path(os.environ["REVISE_DB"]).exists()  # nothing was stored, no empty collection
    return captured.err.strip()


@pytest.mark.parametrize(("source", "sql", "expected"), DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_collection_is_refused_in_one_line(
    tmp_path, cli_db, capsys, source, sql, expected
):
    package = mangled(tmp_path, source, sql)
    with pytest.raises(FormatError) as error:
        read_decks(package)
    assert expected in str(error.value)
    if "cannot be read" not in expected:
        assert str(error.value).endswith(CHECK_DATABASE)
    assert expected in refused_in_one_line(package, capsys)


def test_a_null_guid_is_refused_as_anki_refuses_it_rather_than_dropping_the_note(tmp_path):
    package = mangled(tmp_path, LEGACY, f"UPDATE notes SET guid = NULL WHERE id = {FIRST_NOTE}")
    with pytest.raises(FormatError) as error:
        read_decks(package)
    note_id = str(error.value).split("note ")[1].split(":")[0]
    with zipfile.ZipFile(FIXTURES / LEGACY[0]) as archive:
        (tmp_path / "c.db").write_bytes(archive.read(LEGACY[1]))
    first = sqlite3.connect(tmp_path / "c.db").execute("SELECT min(id) FROM notes").fetchone()[0]
    assert note_id == str(first)  # names the note, so it can be found in Anki's browser


NONSENSE_MEMORY = {
    "text": '{"s": "x", "d": "y"}',
    "overflowing": '{"s": 1e308, "d": 1e308, "lrt": 1e308}',
    "infinite": '{"s": 1e999, "d": 5}',
    "not a number": '{"s": NaN, "d": -1}',
    "a list": "[1, 2]",
    "a time after the calendar": '{"s": 5, "d": 5, "lrt": 99999999999999}',
    "difficulty off the scale": '{"s": 5, "d": 500}',
    "negative stability": '{"s": -3, "d": 5}',
}


@pytest.mark.parametrize("data", NONSENSE_MEMORY.values(), ids=NONSENSE_MEMORY.keys())
def test_nonsense_fsrs_memory_is_ignored_and_every_card_can_still_be_studied(tmp_path, data):
    from datetime import timedelta

    from revise import Collection, Rating

    package = mangled(
        tmp_path, MODERN, f"UPDATE cards SET data = '{data.replace(chr(39), chr(39) * 2)}'"
    )
    decks = read_decks(package)
    histories = [history for deck in decks for note in deck.notes for history in note.history]
    assert len(histories) == 17 and any(h.schedule.state == 2 for h in histories)
    for history in histories:
        schedule = history.schedule
        if schedule.stability is not None:
            assert 0 < schedule.stability <= 365_000
        if schedule.difficulty is not None:
            assert 1 <= schedule.difficulty <= 10
    with Collection.open(tmp_path / "study.db") as col:
        col.import_decks(decks)
        card = col.next_card()
        assert card is not None
        assert all(interval >= timedelta(0) for interval in col.preview(card).values())
        col.answer(card, Rating.GOOD)


def test_an_interval_past_a_hundred_years_is_held_at_the_maximum(tmp_path):
    package = mangled(tmp_path, LEGACY, "UPDATE cards SET ivl = 9223372036854775807, data = ''")
    decks = read_decks(package)
    stabilities = [
        history.schedule.stability
        for deck in decks
        for note in deck.notes
        for history in note.history
        if history.schedule.stability is not None
    ]
    assert stabilities and max(stabilities) <= 36500


def test_a_field_over_the_cap_inside_a_package_is_refused(tmp_path, cli_db, capsys):
    huge = "x" * (10 * 1024 * 1024)
    package = mangled(
        tmp_path,
        GENANKI,
        f"UPDATE notes SET flds = flds || '{huge}' WHERE id = {FIRST_NOTE}",
    )
    with pytest.raises(FormatError) as error:
        read_decks(package)
    assert f"a field longer than {MAX_FIELD_CHARS // 1024} KB; not imported" in str(error.value)
    refused_in_one_line(package, capsys)


COLUMNS = {
    "notes": ("guid", "mid", "tags", "flds"),
    "cards": ("nid", "did", "ord", "type", "queue", "due", "ivl", "factor", "reps", "left", "data"),
    "revlog": ("id", "cid", "ease", "time", "type"),
    "col": ("crt", "models", "decks", "dconf", "conf"),
}
VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.binary(max_size=8),
    st.sampled_from(["{}", "[]", '{"s": 1e308}', '{"a": {"b": []}}', "null", "1"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.lists(st.tuples(st.sampled_from(sorted(COLUMNS)), st.data()), min_size=1, max_size=3)
)
def test_any_mangled_package_imports_or_fails_in_exactly_one_line(
    tmp_path_factory, monkeypatch, capsys, changes
):
    """A net under the cases above: whatever a column holds, the command line either imports
    the package or says in one line why not, without a traceback."""
    tmp_path = tmp_path_factory.mktemp("mangled")
    monkeypatch.setenv("REVISE_DB", str(tmp_path / "revise.db"))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    statements = []
    for table, data in changes:
        column = data.draw(st.sampled_from(COLUMNS[table]))
        value = data.draw(VALUES)
        statements.append((table, column, value))
    sql = ";".join(
        f"UPDATE {table} SET {column} = {_literal(value)}" for table, column, value in statements
    )
    package = mangled(tmp_path, GENANKI, sql)
    status = main(["import", str(package)])
    err = capsys.readouterr().err
    if status == 0:
        assert err == ""
    else:
        assert status == 1
        assert err.startswith(f"revise: {package}: ") and err.count("\n") == 1, err


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"x'{value.hex()}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "9e999" if value > 0 else "-9e999"
    return repr(value)
