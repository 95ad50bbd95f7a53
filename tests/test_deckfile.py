"""The native deck file format: every syntax element, every error with its line, the round trip."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from revise.errors import FormatError
from revise.formats.deckfile import parse_deck, read_deck_file, write_deck
from revise.formats.detect import FileKind, markdown_kind
from revise.formats.model import (
    ClozeError,
    DeckData,
    NoteData,
    NoteKind,
    SourceRef,
    card_faces,
    cloze_segments,
    deck_name_problem,
)


def parse(text: str) -> DeckData:
    return parse_deck(text, "deck.md", "deck")


def cards(text: str) -> list[tuple[NoteKind, str, str]]:
    return [(note.kind, note.front, note.back) for note in parse(text).notes]


def error_of(text: str) -> FormatError:
    with pytest.raises(FormatError) as caught:
        parse(text)
    return caught.value


def assert_error(text: str, line: int, pattern: str) -> None:
    error = error_of(text)
    assert (error.path, error.line) == ("deck.md", line), str(error)
    assert re.search(pattern, error.message), error.message
    assert str(error).startswith(f"deck.md:{line}: ")
    assert "\n" not in str(error)


# Cards


def test_question_and_answer_make_a_basic_card_at_its_line():
    deck = parse("\nQ: When did Russia open a legation in Seoul?\nA: 1896\n")
    [note] = deck.notes
    assert (note.kind, note.front, note.back, note.line) == (
        NoteKind.BASIC,
        "When did Russia open a legation in Seoul?",
        "1896",
        2,
    )
    assert deck.name == "deck"


def test_question_and_answer_span_lines_and_keep_inner_blank_lines():
    text = "Q: Name the\nthree powers\nA:\nthe USSR\n\nChina\n   indented\n\n\n"
    assert cards(text) == [
        (NoteKind.BASIC, "Name the\nthree powers", "the USSR\n\nChina\n   indented")
    ]


@pytest.mark.parametrize(
    "after",
    ["Q: next?\nA: yes", "C: the [next] one", "# Heading", "---", "<!-- a comment -->"],
)
def test_an_answer_ends_at_the_next_marker(after):
    notes = parse(f"Q: first?\nA: one\ntwo\n{after}\n").notes
    assert notes[0].back == "one\ntwo"


def test_one_line_card_after_a_blank_line_ends_an_answer_but_not_inside_it():
    text = "Q: Which header?\nA: <vector>\nstd::vector<int> v;\n\nCapital of Peru :: Lima\n"
    assert cards(text) == [
        (NoteKind.BASIC, "Which header?", "<vector>\nstd::vector<int> v;"),
        (NoteKind.BASIC, "Capital of Peru", "Lima"),
    ]


def test_a_question_may_hold_lines_with_double_colons_and_blank_lines():
    assert cards("Q: What does\n\na :: b\nmean?\nA: a card\n") == [
        (NoteKind.BASIC, "What does\n\na :: b\nmean?", "a card")
    ]


def test_one_line_cards_basic_reversed_and_without_spaces():
    text = "Capital of Peru :: Lima\nRiver of Cairo ::: Nile\nCoulomb's constant?::k\n"
    assert cards(text) == [
        (NoteKind.BASIC, "Capital of Peru", "Lima"),
        (NoteKind.REVERSED, "River of Cairo", "Nile"),
        (NoteKind.BASIC, "Coulomb's constant?", "k"),
    ]
    assert [note.line for note in parse(text).notes] == [1, 2, 3]


def test_one_line_card_may_start_with_a_backslash():
    assert cards("\\alpha :: a Greek letter\n") == [(NoteKind.BASIC, "\\alpha", "a Greek letter")]


def test_one_line_card_splits_at_the_first_double_colon():
    assert cards("Scope operator :: in C++ it is ::\n") == [
        (NoteKind.BASIC, "Scope operator", "in C++ it is ::")
    ]


def test_cloze_card_makes_one_card_per_deletion():
    [note] = parse("C: In [1896] Russia opened a [legation] in Seoul.\n").notes
    assert note.kind is NoteKind.CLOZE
    faces = card_faces(note)
    assert [(face.prompt, face.answer) for face in faces] == [
        ("In [...] Russia opened a legation in Seoul.", "1896"),
        ("In 1896 Russia opened a [...] in Seoul.", "legation"),
    ]


def test_cloze_spans_lines_and_takes_extra_text_after_a():
    text = "C: The peninsula was divided\nat the [38th] parallel.\nA: Agreed in 1945.\n"
    [note] = parse(text).notes
    assert (note.front, note.back) == (
        "The peninsula was divided\nat the [38th] parallel.",
        "Agreed in 1945.",
    )
    assert (
        card_faces(note)[0].full
        == "The peninsula was divided\nat the 38th parallel.\n\nAgreed in 1945."
    )


def test_cloze_accepts_anki_deletions_with_hints():
    [note] = parse("C: {{c1::Stalin::a leader}} met {{c2::Mao}}.\n").notes
    assert [face.prompt for face in card_faces(note)] == [
        "[a leader] met Mao.",
        "Stalin met [...].",
    ]


def test_escaped_bracket_in_a_cloze_is_a_literal_bracket():
    [note] = parse("C: Arrays: a\\[0\\] is the [first] item.\n").notes
    [face] = card_faces(note)
    assert face.prompt == "Arrays: a[0] is the [...] item."


def test_markup_in_cards_is_kept_as_text():
    assert cards("Q: What does [red] do in <b>Rich</b>?\nA: [bold]colours[/]\n") == [
        (NoteKind.BASIC, "What does [red] do in <b>Rich</b>?", "[bold]colours[/]")
    ]


def test_escaped_marker_lines_are_card_text_without_the_backslash():
    text = (
        "Q: Which lines are markers?\n\\Q: this one\n\\A: and this\n"
        "A: also\n\\# a heading\n\\---\n\\<!-- a comment -->\n\\\\C: two backslashes\n"
        "\\frac{a}{b} stays\n"
    )
    assert cards(text) == [
        (
            NoteKind.BASIC,
            "Which lines are markers?\nQ: this one\nA: and this",
            "also\n# a heading\n---\n<!-- a comment -->\n\\C: two backslashes\n\\frac{a}{b} stays",
        )
    ]


def test_separators_between_cards_are_ignored():
    text = "Q: one?\nA: 1\n---\nQ: two?\nA: 2\n----\n\na :: b\n"
    assert [note.line for note in parse(text).notes] == [1, 4, 8]


def test_classic_mac_line_endings_keep_every_card():
    """CR alone ends a line: these were one card whose answer ran on over the next."""
    assert cards("chat :: cat\rchien :: dog\rQ: one?\rA: 1\r") == [
        (NoteKind.BASIC, "chat", "cat"),
        (NoteKind.BASIC, "chien", "dog"),
        (NoteKind.BASIC, "one?", "1"),
    ]


def test_windows_line_endings_and_byte_order_mark():
    assert cards("\ufeff---\r\nname: X\r\n---\r\nQ: one?\r\nA: 1\r\n") == [
        (NoteKind.BASIC, "one?", "1")
    ]


# Headings


def test_headings_give_cards_their_context_nested_by_level():
    text = (
        "# Korean War\n## Stalin's priorities\na :: 1\n### Detail\nb :: 2\n"
        "## Mao\nc :: 3\n# Cold War\n#### Deep\nd :: 4\n#\ne :: 5\n"
    )
    assert [note.context for note in parse(text).notes] == [
        "Korean War > Stalin's priorities",
        "Korean War > Stalin's priorities > Detail",
        "Korean War > Mao",
        "Cold War > Deep",
        "",
    ]


def test_hash_without_a_space_is_not_a_heading():
    assert_error("#flashcards\na :: b\n", 1, "text outside a card")


# Front matter


def test_front_matter_sets_the_deck_fields():
    deck = parse(
        "---\nname: Korea\ntags: [history, war]\nsource: notes/korea.txt\n"
        "description: |\n  Two lines\n  of text.\n---\na :: b\n"
    )
    assert (deck.name, deck.tags, deck.source, deck.description) == (
        "Korea",
        ("history", "war"),
        "notes/korea.txt",
        "Two lines\nof text.",
    )
    assert deck.notes[0].line == 9


def test_front_matter_tags_may_be_a_comma_string_and_name_defaults_to_the_file_stem():
    deck = parse("---\ntags: history, cold war\n---\n")
    assert (deck.name, deck.tags, deck.notes) == ("deck", ("history", "cold", "war"), [])


def test_empty_front_matter_is_allowed():
    assert parse("---\n---\na :: b\n").name == "deck"


# Card metadata


def test_metadata_comment_gives_id_source_and_tags():
    text = "<!-- id: k3f9a2; source: notes/russia.txt:14-16; tags: war treaty -->\nQ: q?\nA: a\n"
    [note] = parse(text).notes
    assert (note.id, note.source, note.tags, note.line) == (
        "k3f9a2",
        SourceRef("notes/russia.txt", 14, 16),
        ("war", "treaty"),
        2,
    )
    assert note.key == "k3f9a2"


def test_metadata_may_span_several_comment_lines_and_quote_values():
    text = '<!-- tags: "cold war", a,b -->\n<!-- id: "x;y\\u003e" -->\nC: the [gap]\n'
    [note] = parse(text).notes
    assert (note.id, note.tags) == ("x;y>", ("cold war", "a", "b"))


def test_metadata_applies_only_to_the_card_below_it():
    notes = parse("<!-- tags: one -->\na :: b\nc :: d\n").notes
    assert [note.tags for note in notes] == [("one",), ()]


def test_kind_reversed_makes_a_question_work_both_ways():
    [note] = parse("<!-- kind: reversed -->\nQ: two\nlines\nA: back\n").notes
    assert note.kind is NoteKind.REVERSED
    assert [face.prompt for face in card_faces(note)] == ["two\nlines", "back"]


def test_plain_comments_are_ignored():
    text = "<!-- TODO: more cards -->\n<!--\nQ: not a card\n-->\na :: b\n"
    assert cards(text) == [(NoteKind.BASIC, "a", "b")]


# Errors, each at its line


@pytest.mark.parametrize(
    ("text", "line", "pattern"),
    [
        ("a :: b\n\nQ: a question without an answer\n", 3, r"Q: without an A: \(add"),
        ("Q: q?\n# Heading\nA: a\n", 1, "Q: without an A:"),
        ("Q: q?\n---\nA: a\n", 1, "Q: without an A:"),
        ("a :: b\nA: an answer\n", 2, "A: without a Q:"),
        ("Q: q?\nA: one\nA: two\n", 3, "A: without a Q:"),
        ("Q:\nA: a\n", 1, "empty question"),
        ("Q: q?\n\nA:   \n\n", 3, "empty answer"),
        ("C: \n\n", 1, "empty cloze card"),
        ("C: the [gap]\nA:\n", 2, "empty A: after a C: card"),
        ("C: no deletion here\n", 1, r"without a \[deletion\]"),
        ("x :: y\nC: first line\nsecond [] line\n", 3, r"empty cloze deletion \[\]"),
        ("C: first line\nsecond [open line\nthird\n", 2, r"without a closing '\]'"),
        ("C: a [b [c] d]\n", 1, r"'\[' inside a cloze deletion"),
        ("C: {{c1::  }} empty\n", 1, "empty cloze deletion"),
        ("a :: b\n :: back\n", 2, r"'::' card with an empty front"),
        ("front :::\n", 1, r"':::' card with an empty back"),
        ("a :::: b\n", 1, r"'::::' is not a card separator"),
        ("a :: b\njust some prose\n", 2, "text outside a card"),
        ("\\Q: escaped at the top\n", 1, "text outside a card"),
        (
            "<!-- id: x -->\na :: b\n<!-- id: x -->\nc :: d\n",
            3,
            "'x' is already used by the card on line 2",
        ),
        ("<!-- id: x -->\n\na :: b\n", 1, "directly above its card"),
        ("a :: b\n<!-- tags: t -->\n", 2, "directly above its card"),
        ("<!-- tags: t -->\n# Heading\na :: b\n", 1, "directly above its card"),
        ("<!-- tags: t -->\n<!-- just a note -->\na :: b\n", 1, "directly above its card"),
        ("a :: b\n<!-- id: x; colour: red -->\nc :: d\n", 2, "unknown card metadata key 'colour'"),
        ("<!-- id: x; id: y -->\nc :: d\n", 1, "gives 'id' twice"),
        ("<!-- id: x -->\n<!-- id: y -->\nc :: d\n", 2, "gives 'id' twice"),
        ("<!-- id: ; tags: a -->\nc :: d\n", 1, "'id' needs a value"),
        ('<!-- id: "a" b -->\nc :: d\n', 1, "'id' takes one value"),
        ('<!-- id: "open -->\nc :: d\n', 1, "quoted value .* is not closed"),
        ("<!-- source: notes.txt -->\nc :: d\n", 1, "bad card source: not a source reference"),
        ("<!-- source: n.txt:5-2 -->\nc :: d\n", 1, "ends before it starts"),
        ("<!-- kind: sideways -->\nQ: q\nA: a\n", 1, "unknown card kind 'sideways'"),
        ("<!-- kind: reversed -->\nC: a [b]\n", 1, "for Q:/A: cards, not C: cards"),
        ("<!-- id: x\n-->\na :: b\n", 1, "must fit on one line"),
        ("a :: b\n<!-- never closed\nc :: d\n", 2, "comment is not closed"),
        ("<!-- note --> a :: b\n", 1, "text after the end of a comment"),
        ("---\nname: X\nQ: q\nA: a\n", 1, "front matter is not closed"),
        ("---\nname: X\ntags: [a, b\n---\n", 3, "front matter is not valid YAML"),
        ("---\ntags: []\nname: a: b\n---\n", 3, "not valid YAML: mapping values"),
        ("---\n- a list\n---\n", 2, "front matter must be 'key: value' lines"),
        ("---\nname: X\n\nauthor: me\n---\n", 4, "unknown front matter key 'author'"),
        ("---\nname: Chem\ntags: a\nname: Bio\n---\n", 4, "front matter gives 'name' twice"),
        ("---\nname: [a, b]\n---\n", 2, "name must be text"),
        ("---\nname: '  '\n---\n", 2, "the deck name is empty"),
        ("---\ntags: {a: 1}\n---\n", 2, "tags must be a list"),
        ("---\nsource: 2024-01-01\n---\n", 2, "source must be text"),
    ],
)
def test_malformed_input_names_the_line_and_what_to_do(text, line, pattern):
    assert_error(text, line, pattern)


def test_an_error_late_in_the_file_fails_the_whole_file():
    good = "".join(f"Q: question {i}?\nA: {i}\n\n" for i in range(50))
    assert_error(good + "C: broken [\n", 151, "without a closing")


# Reading files


def test_read_deck_file_names_the_deck_after_the_file(tmp_path):
    path = tmp_path / "russia.md"
    path.write_bytes("\ufeffQ: Ещё?\nA: да\n".encode())
    deck = read_deck_file(path)
    assert (deck.name, deck.notes[0].front) == ("russia", "Ещё?")


@pytest.mark.parametrize(
    ("content", "line", "pattern"),
    [
        (b"Q: a\nA: b\n\x00\x01", 3, "a binary file"),
        (b"Q: a\nA: caf\xc3\xa9\nc :: caf\xe9\n", 3, "mixed encodings"),
        (b"\xef\xbb\xbfQ: a\n\xff :: b\n", 2, "not UTF-8"),
        (b"Q: a\nA: b\nc :: \x81\n", 3, "text is not UTF-8"),
        (b"Q: a question\n", 1, "Q: without an A:"),
    ],
)
def test_read_deck_file_rejects_bad_bytes_with_the_line(tmp_path, content, line, pattern):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=pattern) as caught:
        read_deck_file(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_read_deck_file_reports_missing_files_and_folders(tmp_path):
    with pytest.raises(FormatError, match="no such file"):
        read_deck_file(tmp_path / "absent.md")
    with pytest.raises(FormatError, match="is a folder"):
        read_deck_file(tmp_path)


# Telling decks from notes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some notes.\n\nQ: a question?\nMore.\nA: yes\n", True),
        ("Prose first.\nC: the [gap]\n", True),
        ("---\nname: Capitals\n---\nFrance :: Paris\nPeru :: Lima\n", True),
        ("# Notes\n<!-- id: x -->\nsome prose\n", True),
        ("Capitals.\n\nFrance :: Paris\n", True),  # as many cards as other lines
        ("Capitals.\nOf countries.\n\nFrance :: Paris\n", False),
        ("#flashcards\nCapital of Peru::Lima\nRiver of Cairo:::Nile\n", False),
        ("In C++ write std::vector.\nIt holds items.\n", False),
        ("Notes.\nQ: a question still without its answer\n", True),
        ("```\nQ: an example\nA: in a code block\n```\n", False),
        ("The Korean War began in 1950.\n", False),
        # a student's self-test lines among more notes: notes, not a deck whose last answer
        # runs on through every paragraph after it
        (
            "# Cells\n\nQ: What is the nucleus for?\nA: It holds the DNA\n\n"
            "**Why do muscle cells have many mitochondria?**\nThey need a lot of energy.\n\n"
            "- Ribosomes make proteins\n- The cell wall is made of cellulose\n"
            "- Chloroplasts absorb light\n\n| Organelle | Job |\n|---|---|\n"
            "| Vacuole | Holds cell sap |\n",
            False,
        ),
        (
            "Q: Name the\nthree powers\nA:\nthe USSR\n\nChina\n\nQ: Capital of Peru?\nA: Lima\n",
            True,
        ),
    ],
)
def test_looks_like_deck(text, expected):
    assert (markdown_kind(text) is FileKind.DECK) is expected


# Writing


def test_writer_output_is_readable_and_stable():
    deck = DeckData(
        "Korea",
        [
            NoteData(NoteKind.BASIC, "Capital of North Korea", "Pyongyang", context="Places"),
            NoteData(
                NoteKind.BASIC,
                "Which lines\nstart a card?",
                "Q: this one\n# and this",
                context="Places > Syntax",
                id="k3f9a2",
                tags=("format", "cold war"),
                source=SourceRef("notes/my notes.txt", 3, 4),
            ),
            NoteData(NoteKind.REVERSED, "Seoul", "capital of the South", context="Places"),
            NoteData(NoteKind.REVERSED, "two\nlines", "back"),
            NoteData(NoteKind.CLOZE, "Divided at the [38th] parallel.", "In 1945.", context="War"),
        ],
        tags=("history",),
        source="notes/korea.txt",
    )
    expected = """\
---
name: Korea
tags:
- history
source: notes/korea.txt
---

# Places

Capital of North Korea :: Pyongyang

## Syntax

<!-- id: k3f9a2; source: notes/my notes.txt:3-4; tags: format "cold war" -->
Q: Which lines
start a card?
A: Q: this one
\\# and this

# Places

Seoul ::: capital of the South

#

<!-- kind: reversed -->
Q: two
lines
A: back

# War

C: Divided at the [38th] parallel.
A: In 1945.
"""
    assert write_deck(deck) == expected
    assert write_deck(deck) == write_deck(parse(expected))
    assert [replace(note, line=0) for note in parse(expected).notes] == deck.notes


def test_writer_quotes_metadata_that_would_break_the_comment():
    note = NoteData(
        NoteKind.BASIC, "q", "a", id="a;b-->c", tags=("x,y", "-->"), source=SourceRef("n;1", 2, 2)
    )
    text = write_deck(DeckData("d", [note]))
    [comment] = [line for line in text.split("\n") if line.startswith("<!--")]
    assert comment.count("-->") == 1 and comment.endswith(" -->")
    assert comment == ('<!-- id: "a;b--\\u003ec"; source: "n;1:2"; tags: "x,y" "--\\u003e" -->')
    [again] = parse(text).notes
    assert (again.id, again.tags, again.source) == (note.id, note.tags, note.source)


def test_writer_uses_question_and_answer_for_long_or_ambiguous_cards():
    long = "x" * 100
    deck = DeckData(
        "d",
        [
            NoteData(NoteKind.BASIC, long, "y"),
            NoteData(NoteKind.BASIC, "a :: b", "c"),
            NoteData(NoteKind.BASIC, "Q: x", "y"),
            NoteData(NoteKind.BASIC, "short", "answer"),
        ],
    )
    text = write_deck(deck)
    assert f"Q: {long}\nA: y\n" in text
    assert "Q: a :: b\nA: c\n" in text
    assert "Q: Q: x\nA: y\n" in text
    assert "short :: answer\n" in text


# The round trip

_MARKERS = [
    "[", "]", "\\", "\\[", "::", ":::", "#", "# ", "---", "Q:", "A:", "C:", "<!--", "-->",
    "[red]", "[/]", "<b>", "é", "한국어", ";", '"', " > ", "{{c1::", "}}", "\t", "x", "id:",
]  # fmt: skip
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r")
_CHUNK = st.one_of(
    st.text(_CHARS, max_size=6),
    st.sampled_from(_MARKERS),
    st.sampled_from(_MARKERS).map(lambda marker: "\n" + marker),
    st.just("\n\n"),
)
_RAW = st.lists(_CHUNK, max_size=8).map("".join)
TEXT = _RAW.map(str.strip).filter(bool)
ONE_LINE = TEXT.map(lambda text: " ".join(text.split("\n")).strip()).filter(bool)


def _escape_cloze(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


@st.composite
def cloze_texts(draw: st.DrawFn) -> str:
    anki = draw(st.booleans())
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        pieces.append(_escape_cloze(draw(_RAW)))
        inner = draw(TEXT)
        if anki:
            pieces.append(f"{{{{c{draw(st.integers(1, 3))}::{inner.replace('}', '')}}}}}")
        else:
            pieces.append(f"[{_escape_cloze(inner)}]")
    pieces.append(_escape_cloze(draw(_RAW)))
    text = "".join(pieces).strip()
    try:
        assume(any(group is not None for _, group, _ in cloze_segments(text)))
    except ClozeError:
        assume(False)
    return text


@st.composite
def notes(draw: st.DrawFn) -> NoteData:
    kind = draw(st.sampled_from(NoteKind))
    if kind is NoteKind.CLOZE:
        front, back = draw(cloze_texts()), draw(st.one_of(st.just(""), TEXT))
    else:
        front, back = draw(TEXT), draw(TEXT)
    start = draw(st.integers(1, 10_000))
    source = draw(
        st.one_of(
            st.none(), st.builds(SourceRef, ONE_LINE, st.just(start), st.integers(start, 10_001))
        )
    )
    return NoteData(
        kind,
        front,
        back,
        context=" > ".join(draw(st.lists(ONE_LINE, max_size=3))),
        tags=tuple(draw(st.lists(TEXT, max_size=3, unique=True))),
        source=source,
        id=draw(st.one_of(st.none(), TEXT)),
    )


def _unique_ids(note_list: list[NoteData]) -> bool:
    ids = [note.id for note in note_list if note.id is not None]
    return len(ids) == len(set(ids))


DECKS = st.builds(
    DeckData,
    name=TEXT.filter(lambda name: deck_name_problem(name) is None),  # a name a deck can have
    notes=st.lists(notes(), max_size=6).filter(_unique_ids),
    tags=st.lists(TEXT, max_size=3, unique=True).map(tuple),
    source=st.one_of(st.none(), TEXT),
    description=st.one_of(st.just(""), TEXT),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DECKS)
def test_any_deck_survives_writing_and_reading_back(deck):
    text = write_deck(deck)
    again = parse_deck(text, "deck.md", "a different default name")
    assert [replace(note, line=0) for note in again.notes] == deck.notes
    assert (again.name, again.tags, again.source, again.description) == (
        deck.name,
        deck.tags,
        deck.source,
        deck.description,
    )
    assert write_deck(again) == text
    assert markdown_kind(text) is FileKind.DECK  # even with no cards: it names its deck


def test_written_lines_point_at_each_card(tmp_path):
    deck = DeckData("d", [NoteData(NoteKind.BASIC, f"q{i}\nmore", f"a{i}") for i in range(3)])
    path = tmp_path / "d.md"
    path.write_text(write_deck(deck), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    for note in read_deck_file(path).notes:
        assert lines[note.line - 1].startswith("Q: q")


def test_a_deck_file_saved_as_windows_1252_is_read(tmp_path):
    """A deck typed in Notepad and saved as "ANSI" was refused as not UTF-8."""
    path = tmp_path / "french.md"
    path.write_bytes("---\nname: Français\n---\nCafé :: coffee \u2013 “a drink”\n".encode("cp1252"))
    deck = read_deck_file(path)
    assert (deck.name, deck.notes[0].front, deck.notes[0].back) == (
        "Français",
        "Café",
        "coffee \u2013 “a drink”",
    )
