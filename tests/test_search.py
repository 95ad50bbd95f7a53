"""Searching cards with Anki's syntax: what each kind of term finds, sorting, and bad queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from revise.cli import main
from revise.errors import ReviseError
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.scheduling.scheduler import Rating
from revise.storage.models import Card
from revise.study.collection import Collection
from revise.study.search import parse

cards_t = Card.__table__


def library() -> list[DeckData]:
    return [
        DeckData(
            "French",
            [
                NoteData(NoteKind.BASIC, "Être", "to be", tags=("verb", "irregular")),
                NoteData(NoteKind.BASIC, "avoir", "to have", tags=("verb",)),
                NoteData(NoteKind.BASIC, "le café", "the coffee", tags=("noun::drink",)),
            ],
        ),
        DeckData(
            "French::Grammar",
            [NoteData(NoteKind.BASIC, "the subjunctive", "a mood", context="Moods > Rare")],
        ),
        DeckData(
            "German",
            [
                NoteData(NoteKind.CLOZE, "Der [Hund] bellt"),
                NoteData(NoteKind.BASIC, "über", "over", tags=("preposition",)),
            ],
        ),
        DeckData("Frisian", [NoteData(NoteKind.BASIC, "hûs", "house")]),
    ]


@pytest.fixture
def lib(col: Collection) -> Collection:
    col.import_decks(library())
    return col


def fronts(col: Collection, query: str, **options: object) -> list[str]:
    return [row.question for row in col.search(query, **options).rows]  # type: ignore[arg-type]


def card_id(col: Collection, question: str) -> int:
    return next(row.id for row in col.search().rows if row.question == question)


def set_card(col: Collection, question: str, **values: object) -> None:
    with col._engine.begin() as connection:
        connection.execute(
            update(cards_t).where(cards_t.c.id == card_id(col, question)).values(**values)
        )


def test_words_ignore_case_and_accents_and_match_inside_words(lib):
    assert fronts(lib, "etre") == ["Être"]
    assert fronts(lib, "ÊTRE") == ["Être"]
    assert fronts(lib, "cafe") == ["le café"]
    assert fronts(lib, "uber") == ["über"]
    assert fronts(lib, "hus") == ["hûs"]
    assert fronts(lib, "junct") == ["the subjunctive"]  # inside a word
    assert fronts(lib, "rare") == ["the subjunctive"]  # the context is searched too
    assert fronts(lib, "coffee") == ["le café"]  # and the back


def test_phrases_negation_or_and_brackets(lib):
    assert fronts(lib, '"to be"') == ["Être"]
    assert fronts(lib, '"be to"') == []
    assert fronts(lib, "to have") == ["avoir"]  # both words, anywhere
    assert sorted(fronts(lib, "deck:French -to")) == ["le café", "the subjunctive"]
    assert sorted(fronts(lib, "hund or uber")) == ["Der [...] bellt", "über"]
    assert sorted(fronts(lib, "deck:German (hund OR house)")) == ["Der [...] bellt"]
    assert sorted(fronts(lib, "-(deck:French or deck:German)")) == ["hûs"]
    assert fronts(lib, "h_s") == ["hûs"]  # _ stands for one character
    assert fronts(lib, "av*r") == ["avoir"]  # * for any text


def test_deck_takes_sub_decks_and_wildcards(lib):
    assert len(fronts(lib, "deck:french")) == 4
    assert fronts(lib, "deck:French::Grammar") == ["the subjunctive"]
    assert len(fronts(lib, "deck:Fr*")) == 5  # French, its sub-deck, Frisian
    assert fronts(lib, "deck:Fren") == []  # a deck's name, not part of it


def test_tags_match_child_tags_and_none(lib):
    assert sorted(fronts(lib, "tag:verb")) == ["avoir", "Être"]
    assert fronts(lib, "tag:noun") == ["le café"]  # noun::drink is a child of noun
    assert fronts(lib, "tag:NOUN::drink") == ["le café"]
    assert fronts(lib, "tag:irr*") == ["Être"]
    assert sorted(fronts(lib, "tag:none")) == ["Der [...] bellt", "hûs", "the subjunctive"]


def test_front_and_back_match_the_whole_side_as_anki_does(lib):
    assert fronts(lib, "front:avoir") == ["avoir"]
    assert fronts(lib, "front:avo") == []
    assert fronts(lib, "front:*CAF*") == ["le café"]
    assert fronts(lib, "back:over") == ["über"]
    assert fronts(lib, 'back:"to *"') == ["Être", "avoir"]


def test_states_flags_suspended_and_buried(lib, clock):
    lib.answer(card_id(lib, "avoir"), Rating.AGAIN)  # learning
    lib.answer(card_id(lib, "Être"), Rating.EASY)  # review, due in days
    set_card(lib, "hûs", suspended=1)
    set_card(lib, "le café", flag=1, buried_until=clock.now.replace(year=2027))
    set_card(lib, "the subjunctive", flag=4)
    assert sorted(fronts(lib, "is:learn")) == ["avoir"]
    assert fronts(lib, "is:review") == ["Être"]
    assert "avoir" not in fronts(lib, "is:new") and "hûs" in fronts(lib, "is:new")
    assert fronts(lib, "is:due") == ["avoir"]  # a learning step due within 20 minutes
    assert fronts(lib, "is:suspended") == ["hûs"]
    assert fronts(lib, "is:buried") == ["le café"]
    assert sorted(fronts(lib, "is:flagged")) == ["le café", "the subjunctive"]
    assert fronts(lib, "flag:4") == ["the subjunctive"]
    assert len(fronts(lib, "flag:0")) == 5
    clock.advance(days=30)
    assert sorted(fronts(lib, "is:due")) == ["avoir", "Être"]


def test_leech_is_the_leech_tag(col):
    col.import_decks(
        [
            DeckData(
                "D",
                [
                    NoteData(NoteKind.BASIC, "hard one", "x", tags=("leech",)),
                    NoteData(NoteKind.BASIC, "easy one", "y"),
                ],
            )
        ]
    )
    assert fronts(col, "is:leech") == ["hard one"]


def test_properties_added_and_rated(lib, clock):
    etre, avoir = card_id(lib, "Être"), card_id(lib, "avoir")
    lib.answer(etre, Rating.GOOD)
    lib.answer(avoir, Rating.GOOD)
    clock.advance(minutes=15)
    lib.answer(etre, Rating.GOOD)
    lib.answer(avoir, Rating.AGAIN)
    lib.answer(avoir, Rating.GOOD)
    clock.advance(minutes=15)
    lib.answer(avoir, Rating.GOOD)
    rows = {row.question: row for row in lib.search("is:review").rows}
    assert set(rows) == {"Être", "avoir"}
    ivl = rows["Être"].interval_days
    assert ivl is not None and ivl >= 1
    assert "Être" in fronts(lib, f"prop:ivl>={ivl}")
    assert fronts(lib, "prop:ivl>1000") == []
    assert fronts(lib, "prop:reps=4") == ["avoir"]
    assert fronts(lib, "prop:lapses>0") == []
    due_days = (rows["Être"].due - clock.now).days
    assert "Être" in fronts(lib, f"prop:due<={due_days + 1}")
    assert "Être" not in fronts(lib, "prop:due<=0")
    assert fronts(lib, "rated:1:1") == ["avoir"]
    assert sorted(fronts(lib, "rated:1")) == ["avoir", "Être"]
    clock.advance(days=3)
    assert fronts(lib, "rated:1") == []
    assert sorted(fronts(lib, "rated:4")) == ["avoir", "Être"]
    assert len(fronts(lib, "added:4")) == 7
    assert fronts(lib, "added:1") == []
    lib.import_decks([DeckData("Late", [NoteData(NoteKind.BASIC, "late card", "z")])])
    assert fronts(lib, "added:1") == ["late card"]


def test_sorting_by_each_column(lib, clock):
    lib.answer(card_id(lib, "avoir"), Rating.EASY)
    clock.advance(minutes=1)
    lib.answer(card_id(lib, "hûs"), Rating.GOOD)
    assert fronts(lib, "", order="front")[:3] == ["avoir", "Der [...] bellt", "Être"]
    assert fronts(lib, "", order="deck")[0] == "Être"  # French before Frisian and German
    assert fronts(lib, "", order="due")[0] == "hûs"  # learning, due in minutes
    assert fronts(lib, "", order="interval")[0] == "avoir"  # the only review card
    assert fronts(lib, "", order="reviews", descending=True)[:2] == ["hûs", "avoir"]
    assert fronts(lib, "", order="stability", descending=True)[0] == "avoir"
    assert fronts(lib, "", order="difficulty")[0] == "avoir"
    assert fronts(lib, "", order="lapses")[0] == "Être"  # ties keep the order cards came in
    assert fronts(lib, "", order="added", descending=True)[0] == "hûs"
    result = lib.search("", limit=2)
    assert result.total == 7 and len(result.rows) == 2


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("(dog", "'(' without a closing ')'"),
        ("dog)", "')' without an opening '('"),
        ('"a dog', 'no closing "'),
        ("dog or", "ends where a term should follow"),
        ("or dog", "'or' needs a term on each side"),
        ("()", "empty brackets"),
        ("colour:red", "unknown search 'colour:'"),
        ("is:lost", "unknown is:lost (known: new, learn"),
        ("flag:7", "flag:7: want flag:0 (no flag) or 1 to 4"),
        ("prop:ease>2", "unknown prop:ease"),
        ("prop:ivl>>2", "want a property, a comparison and a number"),
        ("added:0", "want a number of days from 1 (today) to 36500"),
        ("rated:99999999", "rated:99999999: want a number of days from 1 (today) to 36500"),
        ("added:36501", "want a number of days from 1 (today) to 36500"),
        ("prop:due>99999999999", "want a whole number of days from -36500 to 36500"),
        ("prop:due<-36501", "want a whole number of days from -36500 to 36500"),
        ("rated:2:5", "the answer is 1 to 4"),
        ("deck:", "'deck:' needs a value"),
    ],
)
def test_a_bad_query_is_one_line_naming_the_problem(lib, query, problem):
    with pytest.raises(ReviseError) as caught:
        lib.search(query)
    message = str(caught.value)
    assert problem in message and "\n" not in message and message.startswith("search: ")


def test_a_card_number_past_any_id_finds_nothing_instead_of_failing(lib):
    """An OverflowError traceback before: no integer the database takes."""
    lib.import_decks([DeckData("Times", [NoteData(NoteKind.BASIC, "Tea at 16:30", "yes")])])
    card = card_id(lib, "Tea at 16:30")
    assert fronts(lib, "cid:99999999999999999999") == []
    assert fronts(lib, f"cid:99999999999999999999,{card}") == ["Tea at 16:30"]


def test_a_colon_in_text_that_is_no_keyword_is_text(lib):
    lib.import_decks([DeckData("Times", [NoteData(NoteKind.BASIC, "Tea at 16:30", "yes")])])
    assert fronts(lib, "16:30") == ["Tea at 16:30"]
    assert fronts(lib, "tea\\:") == []


def test_the_query_tree_keeps_anki_precedence():
    tree = parse("a b or c -d")
    assert repr(tree).startswith("Any(nodes=(All(nodes=(Term(text='a'), Term(text='b'))),")


# -- revise cards ------------------------------------------------------------------------------


@pytest.fixture
def env(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("REVISE_DB", db)
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def test_cards_command_lists_matches_and_json(env, capsys):
    col = Collection.open(env)
    col.import_decks(library())
    col.close()
    assert main(["cards", "deck:German"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["card", "due", "ivl", "revs", "lapses", "deck", "question"]
    assert "Der [...] bellt" in out[1] and "über" in out[2] and out[-1] == "2 cards"
    assert main(["cards", "--json", "--sort", "front", "tag:verb"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(row["question"], row["deck"], row["state"], row["tags"]) for row in rows] == [
        ("avoir", "French", "new", ["verb"]),
        ("Être", "French", "new", ["verb", "irregular"]),
    ]
    assert main(["cards", "nothing-like-this"]) == 0
    assert capsys.readouterr().out == "No cards match.\n"


def test_cards_command_bad_query_and_sort_are_one_line(env, capsys):
    Collection.open(env).close()
    assert main(["cards", "is:lost"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("revise: search: unknown is:lost") and err.count("\n") == 1
    assert main(["cards", "--sort", "colour"]) == 1
    assert "unknown sort 'colour'" in capsys.readouterr().err


def test_cards_command_shows_card_text_inert(env, capsys):
    col = Collection.open(env)
    col.import_decks([DeckData("Evil\x1b[2J", [NoteData(NoteKind.BASIC, "[red]x\x1b]52;c;", "y")])])
    col.close()
    assert main(["cards"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Evil␛[2J" in out and "[red]x␛]52;c;" in out
