"""Tables of notes: the ultimate-history CSVs, Anki's text exports, column choices, writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revise.errors import FormatError
from revise.formats.csvdeck import read_csv_deck, write_csv
from revise.formats.model import DeckData, NoteData, NoteKind, card_faces

FIXTURES = Path(__file__).parent / "fixtures" / "csv"


def test_question_answer_table_with_guid_and_tags():
    [deck] = read_csv_deck(FIXTURES / "ultimate-history-qa.csv")
    assert deck.name == "ultimate-history-qa"
    assert len(deck.notes) == 5
    note = deck.notes[0]
    assert note.kind is NoteKind.BASIC
    assert note.id == "vAEqTCN[.D"
    assert note.front == "What major issue triggered the Crimean War?"
    assert note.back.startswith("Disputes between Russia and the Ottoman Empire")
    assert "related event 1: Crimean War (1853" in note.back
    assert note.tags == ("UH::Period::19th_Century", "UH::Region::Europe")
    assert note.line == 2


def test_cloze_table_keeps_several_deletions_and_reads_html():
    [deck] = read_csv_deck(FIXTURES / "ultimate-history-cloze.csv")
    note = deck.notes[0]
    assert note.kind is NoteKind.CLOZE
    assert note.front.startswith("The leadership trio of Italian unification included:\n- ")
    faces = card_faces(note)
    assert [face.answer for face in faces][:3] == ["Cavour", "Garibaldi", "Mazzini"]
    assert len(faces) == 6
    assert "<li>" not in note.front
    assert note.back.startswith("related person 1: Camillo Benso")


def test_event_table_uses_first_content_column_as_front():
    [deck] = read_csv_deck(FIXTURES / "ultimate-history-event.csv")
    assert len(deck.notes) == 78
    by_front = {note.front: note for note in deck.notes}
    assert "Publication of On the Origin of Species" in by_front
    enlightenment = by_front["Age of Enlightenment"]
    assert enlightenment.back.startswith("Intellectual movement emphasizing reason")
    assert "start date: 1687" in enlightenment.back
    # The guid is an identity, never HTML, even when it holds < or &.
    assert any("<" in note.id for note in deck.notes)


def test_anki_text_export_headers(tmp_path):
    source = tmp_path / "export.txt"
    source.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#tags column:6\n"
        "#guid column:3\n"
        "Basic\tSpanish::Food\tg1\tel pan\tbread\tfood a1\n"
        "Cloze\tSpanish::Grammar\tg2\t{{c1::Tengo}} hambre<br>I'm hungry\t\tgrammar\n"
        "Basic (and reversed card)\tSpanish::Food\tg3\tel agua\twater &amp; ice\t\n",
        encoding="utf-8",
    )
    decks = {deck.name: deck for deck in read_csv_deck(source)}
    assert set(decks) == {"Spanish::Food", "Spanish::Grammar"}
    bread, water = decks["Spanish::Food"].notes
    assert (bread.front, bread.back, bread.id, bread.tags) == (
        "el pan",
        "bread",
        "g1",
        ("food", "a1"),
    )
    assert water.kind is NoteKind.REVERSED
    assert water.back == "water & ice"
    [cloze] = decks["Spanish::Grammar"].notes
    assert cloze.kind is NoteKind.CLOZE
    assert cloze.front == "{{c1::Tengo}} hambre\nI'm hungry"


def test_sniffs_semicolons_and_a_headerless_two_column_file(tmp_path):
    source = tmp_path / "words.csv"
    source.write_text('chien;dog\nchat;cat\n"oiseau; petit";bird\n', encoding="utf-8")
    [deck] = read_csv_deck(source, deck="French")
    assert deck.name == "French"
    assert [(n.front, n.back) for n in deck.notes] == [
        ("chien", "dog"),
        ("chat", "cat"),
        ("oiseau; petit", "bird"),
    ]


def test_ambiguous_columns_are_explained_and_chosen_by_option(tmp_path):
    source = tmp_path / "three.csv"
    source.write_text("chien,dog,animal\nrouge,red,colour\n", encoding="utf-8")
    with pytest.raises(FormatError) as error:
        read_csv_deck(source)
    message = str(error.value)
    assert message.startswith(f"{source}: cannot tell which column is the front")
    assert "--columns front,back,tags" in message
    assert "\n" not in message
    [deck] = read_csv_deck(source, columns="back,front,tags")
    assert [(n.front, n.back, n.tags) for n in deck.notes] == [
        ("dog", "chien", ("animal",)),
        ("red", "rouge", ("colour",)),
    ]


@pytest.mark.parametrize("columns", ["", " "])
def test_columns_given_empty_are_refused_not_ignored(tmp_path, columns):
    """`revise import t.csv --columns ""` imported as if no columns were given."""
    source = tmp_path / "two.csv"
    source.write_text("front,back\nchien,dog\n", encoding="utf-8")
    with pytest.raises(FormatError) as error:
        read_csv_deck(source, columns=columns)
    assert str(error.value) == (
        f"{source}: the columns given are empty (name them in order: front,back,tags)"
    )


def test_columns_by_header_name(tmp_path):
    source = tmp_path / "named.csv"
    source.write_text("word,meaning,example,level\nperro,dog,El perro ladra,A1\n", "utf-8")
    [deck] = read_csv_deck(source, columns="front=meaning,back=word+example,tags=level")
    [note] = deck.notes
    assert (note.front, note.back, note.tags) == ("dog", "perro\nexample: El perro ladra", ("A1",))
    with pytest.raises(FormatError, match="no column named 'colour'; columns: 'word'"):
        read_csv_deck(source, columns="front=colour")
    with pytest.raises(FormatError, match="unknown role 'answer'"):
        read_csv_deck(source, columns="front,answer")


def test_row_without_front_names_its_line(tmp_path):
    source = tmp_path / "gap.csv"
    source.write_text("front,back\na,b\n,orphan answer\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"gap\.csv:3: this row has no front text"):
        read_csv_deck(source)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('front,back\nchat,cat\n"chien,dog\nmaison,house\nvoiture,car\n', 3),
        ('chat;cat\nchien;"dog\nmaison;house\n', 2),
        ('front,back\nchat,cat\nchien,"dog', 3),
    ],
)
def test_a_quote_left_open_to_the_end_of_the_file_names_its_line(tmp_path, text, line):
    """A stray quote made every row after it one cell: 2 notes of 4 added, and no word."""
    source = tmp_path / "stray.csv"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=rf"stray\.csv:{line}: a quoted cell is not closed"):
        read_csv_deck(source)


def test_quoted_cells_over_several_lines_are_read(tmp_path):
    source = tmp_path / "lines.csv"
    source.write_text('front,back\n"two\nlines","say ""hi"""\nlast,row', encoding="utf-8")
    [deck] = read_csv_deck(source)
    assert [(note.front, note.back) for note in deck.notes] == [
        ("two\nlines", 'say "hi"'),
        ("last", "row"),
    ]


def test_windows_1252_file_is_read(tmp_path):
    source = tmp_path / "legacy.csv"
    source.write_bytes("front,back\ncafé,coffee\n".encode("cp1252"))
    [deck] = read_csv_deck(source)
    assert deck.notes[0].front == "café"


def test_written_csv_reads_back_the_same(tmp_path):
    [deck] = read_csv_deck(FIXTURES / "ultimate-history-cloze.csv")
    for suffix in (".csv", ".tsv"):
        target = tmp_path / f"out{suffix}"
        write_csv(deck, target)
        [again] = read_csv_deck(target)
        assert again.name == deck.name
        assert [(n.kind, n.front, n.back, n.tags, n.key) for n in again.notes] == [
            (n.kind, n.front, n.back, n.tags, n.key) for n in deck.notes
        ]


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<&"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip() and "{{" not in s and "[sound:" not in s)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_text, _text), min_size=1, max_size=5))
def test_any_basic_deck_round_trips_through_csv(tmp_path_factory, pairs):
    deck = DeckData("Round trip", [NoteData(NoteKind.BASIC, f, b) for f, b in pairs])
    target = tmp_path_factory.mktemp("csv") / "deck.csv"
    write_csv(deck, target)
    [again] = read_csv_deck(target)
    assert [(n.front, n.back) for n in again.notes] == pairs


def test_a_review_log_is_not_read_as_cards_and_says_how_it_is_used(tmp_path):
    log = tmp_path / "log.csv"
    log.write_text(
        "card_id,review_rating,review_time,review_duration\n"
        "1711684180217,1,2024-03-29T20:32:32.250000+00:00,25060\n",
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as error:
        read_csv_deck(log)
    assert str(error.value) == (
        f"{log}: a review log (card_id, review_rating, review_time, review_duration), "
        f"not cards to import; fit the scheduler to it with: revise optimize --from-log '{log}'"
    )
