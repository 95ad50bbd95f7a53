"""The terminal app driven like a user would: keys in, screen and database out."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from revise import Collection, Rating
from revise.config import Config
from revise.formats.model import NoteKind
from revise.tui.screens import review
from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.review import ReviewScreen
from revise.tui.screens.summary import SummaryScreen
from revise.tui.timefmt import due_phrase
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    korea_deck,
    make_app,
    screen_text,
    settle,
    settle_until,
    text_of,
    treaty_deck,
    tui_clock,
    tui_col,
    tui_db,
)

FIRST_PROMPT = "Who led the Soviet Union when the Korean War began?"


def reviews_today(tui_db, tui_clock) -> int:
    """What another process sees in the database file."""
    other = Collection.open(tui_db, clock=tui_clock)
    try:
        return other.progress().done_today
    finally:
        other.close()


def test_reveal_then_grade_commits_the_review(tui_col, tui_db, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def scenario(pilot):
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
        await pilot.press("space")
        assert "Joseph Stalin" in screen_text(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert reviews_today(tui_db, tui_clock) == 1
        assert "[...]" in text_of(pilot, "#card-prompt")  # the next card is on screen
        assert "1 done" in screen_text(pilot)

    drive(app, scenario)


def test_grades_do_nothing_before_the_answer_is_shown(tui_col, tui_db, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        assert pilot.app.screen.query_one("#grade-3").disabled
        assert not pilot.app.screen.active_bindings["3"].enabled
        await pilot.press("3")
        await settle(pilot)
        assert reviews_today(tui_db, tui_clock) == 0
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
        assert "Joseph Stalin" not in screen_text(pilot)
        await pilot.press("enter")
        assert not pilot.app.screen.query_one("#grade-3").disabled
        assert pilot.app.screen.active_bindings["3"].enabled

    drive(app, scenario)


def test_grade_buttons_show_the_interval_each_grade_gives(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        labels = [str(pilot.app.screen.query_one(f"#grade-{n}").label) for n in (1, 2, 3, 4)]
        # A new card with the default learning steps (1m, 10m), fuzz off.
        assert labels[0] == "Again 1m"
        assert labels[2] == "Good 10m"
        assert labels[3].startswith("Easy ") and labels[3].endswith("d")

    drive(app, scenario)


def test_clicking_a_grade_button_answers_after_reveal(tui_col, tui_db, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        await pilot.click("#grade-4")
        await settle(pilot)
        assert reviews_today(tui_db, tui_clock) == 0
        await pilot.press("space")
        await pilot.click("#grade-4")
        await settle(pilot)
        assert reviews_today(tui_db, tui_clock) == 1

    drive(app, scenario)


def test_undo_brings_the_card_back(tui_col, tui_db, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        await pilot.press("space", "4")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") != FIRST_PROMPT
        await pilot.press("u")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
        assert reviews_today(tui_db, tui_clock) == 0
        await pilot.press("space", "1")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT

    drive(app, scenario)


def reviews_in_deck(db: Path, clock, deck: str) -> dict[str, int]:
    """How many answers each card of `deck` holds, by its front, as another process sees them."""
    other = Collection.open(db, clock=clock)
    try:
        notes = other.export_deck(deck).notes
        return {note.front: sum(len(card.reviews) for card in note.history) for note in notes}
    finally:
        other.close()


def notices(pilot) -> list[str]:
    return [str(notice.message) for notice in pilot.app._notifications]


@pytest.mark.parametrize("size", [(100, 30), (60, 15)])
def test_a_notice_while_studying_leaves_the_grade_buttons_in_sight(tui_col, tui_clock, size):
    from textual.widgets._toast import Toast

    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def scenario(pilot):
        await pilot.press("space", "u")
        await settle(pilot)
        assert notices(pilot) == ["Nothing to undo in this session"]
        await pilot.pause(0.1)  # the notice is drawn on the next refresh
        [toast] = pilot.app.screen.query(Toast)
        grades = pilot.app.screen.query_one("#grades").region
        assert not toast.region.overlaps(grades), (toast.region, grades)
        assert not toast.region.overlaps(pilot.app.screen.query_one("#card-prompt").region)

    drive(app, scenario, size=size, notifications=True)


def test_undo_in_one_deck_never_brings_back_yesterdays_card_of_another(tui_col, tui_db, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    yesterday = tui_col.session("Treaties")
    yesterday.answer(yesterday.next_card(), Rating.GOOD)
    tui_clock.advance(days=1)
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def scenario(pilot):
        await pilot.press("u")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
        assert notices(pilot) == ["Nothing to undo in this session"]
        await pilot.press("space", "3")
        await settle(pilot)
        await pilot.press("u", "u")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT  # this session's answer, taken back
        assert notices(pilot)[-1] == "Nothing to undo in this session"
        assert "Treaty" not in screen_text(pilot)

    drive(app, scenario)
    assert reviews_in_deck(tui_db, tui_clock, "Treaties")["Treaty question 0?"] == 1
    assert sum(reviews_in_deck(tui_db, tui_clock, "Korea").values()) == 0


def test_undo_in_one_window_never_takes_back_the_answer_of_another(tui_col, tui_db, tui_clock):
    """Two windows study one deck on one database file; each `u` takes back only its own answer."""
    tui_col.import_decks([treaty_deck()])
    other = Collection.open(tui_db, config=Config(fuzz=False), clock=tui_clock)
    window_a = make_app(tui_col, tui_clock, deck="Treaties", study=True)
    window_b = make_app(other, tui_clock, deck="Treaties", study=True)

    async def main() -> None:
        async with window_a.run_test(size=(100, 30)) as a:
            await settle(a)
            assert text_of(a, "#card-prompt") == "Treaty question 0?"
            await a.press("space", "4")
            await settle(a)
            async with window_b.run_test(size=(100, 30)) as b:
                await settle(b)
                assert text_of(b, "#card-prompt") == "Treaty question 1?"
                await b.press("space", "4")
                await settle(b)
                await a.press("u")
                await settle(a)
                assert text_of(a, "#card-prompt") == "Treaty question 0?"
                await a.press("u")
                await settle(a)
                assert notices(a)[-1] == "Nothing to undo in this session"
                assert reviews_in_deck(tui_db, tui_clock, "Treaties") == {
                    "Treaty question 0?": 0,
                    "Treaty question 1?": 1,
                    "Treaty question 2?": 0,
                }
                await b.press("u")
                await settle(b)
                assert text_of(b, "#card-prompt") == "Treaty question 1?"

    try:
        asyncio.run(main())
    finally:
        other.close()
    assert sum(reviews_in_deck(tui_db, tui_clock, "Treaties").values()) == 0


def test_quitting_shows_the_session_summary(tui_col, tui_clock):
    tui_col.import_decks([treaty_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "1")  # Again: due again in a minute
        await settle(pilot)
        await pilot.press("space", "3")
        await settle(pilot)
        await pilot.press("space", "4")
        await settle(pilot)
        await pilot.press("u")  # the Easy answer is taken back
        await settle(pilot)
        await pilot.press("space", "4")  # and given again
        await settle(pilot)
        await pilot.press("space", "3")  # the first card again, its step done early
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)
        rows = [line.split("  ", 1) for line in text_of(pilot, "#summary-lines").splitlines()]
        summary = {label.strip(): value.strip() for label, value in rows}
        assert summary["Cards studied"] == "3"
        assert summary["Answers"] == "4"  # the first card was answered twice
        assert summary["Again"] == "1"
        # Both cards answered Good wait for their 10-minute learning step.
        assert summary["Left today"] == "2 learning"
        assert summary["Next card due"] == "now"  # within the learn-ahead window
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert pilot.app.return_code is None  # the deck list stays open

    drive(app, scenario)


def test_study_mode_ends_the_app_after_the_summary(tui_col, tui_clock):
    tui_col.import_decks([treaty_deck()])
    app = make_app(tui_col, tui_clock, deck="Treaties", study=True)

    async def scenario(pilot):
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)
        await pilot.press("enter")
        await settle(pilot)

    drive(app, scenario)
    assert app.return_code == 0


def test_nothing_due_says_when_the_next_card_is(tui_col, tui_clock):
    tui_col.import_decks([treaty_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        for _ in range(3):
            await pilot.press("space", "4")  # Easy: not due again for days
            await settle(pilot)
        assert text_of(pilot, "#card-prompt") == "Nothing due now"
        # Reviews come at the rollover (04:00) that begins the day they fall due in.
        next_due = due_phrase(tui_col.next_due(), tui_clock())
        assert "04:00 (in " in next_due
        assert text_of(pilot, "#card-meta") == f"Next card due {next_due}"
        assert not pilot.app.screen.query_one("#grades").display
        await pilot.press("space", "3")  # nothing to reveal or grade: no effect, no error
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == "Nothing due now"

    drive(app, scenario)


def test_card_text_that_looks_like_markup_is_shown_literally(tui_col, tui_clock):
    from revise.formats.model import DeckData, NoteData, NoteKind

    front = "[red]x[/] [bold]y[/bold] <b>z</b> [link=https://e.x]l[/link]"
    back = "[/] closes [i]nothing[/i]"
    deck = DeckData("[b]Deck[/b]", [NoteData(NoteKind.BASIC, front, back, context="[/red]")])
    tui_col.import_decks([deck])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        assert "[b]Deck[/b]" in screen_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        prompt = pilot.app.screen.query_one("#card-prompt").content
        assert str(prompt) == front
        assert not prompt.spans  # nothing in the card was taken as a style
        await pilot.press("space")
        await settle(pilot)
        shown = screen_text(pilot)
        assert front in shown
        assert back in shown
        assert "[/red]" in shown
        assert "─ [b]Deck[/b] ─" in shown  # the panel title is the deck name, as written

    drive(app, scenario)


def test_deck_list_shows_counts_and_enter_studies_the_highlighted_deck(tui_col, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        table = pilot.app.screen.query_one("#deck-table")

        def rows() -> list[list[str]]:
            return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]

        await settle_until(pilot, lambda: table.row_count == 2)
        assert rows() == [["Korea", "2", "0", "0", "2"], ["Treaties", "3", "0", "0", "3"]]
        await pilot.press("down", "enter")
        await settle_until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen))
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert pilot.app.screen.deck == "Treaties"
        assert text_of(pilot, "#card-prompt") == "Treaty question 0?"
        review = pilot.app.screen
        await pilot.press("space", "3")
        # Ending is greyed out while the answer is stored: a loaded machine takes its time.
        await settle_until(pilot, lambda: not review.busy)
        await pilot.press("q")
        await settle_until(pilot, lambda: pilot.app.screen is not review)
        await pilot.press("enter")
        studied = ["Treaties", "2", "1", "0", "3"]
        await settle_until(pilot, lambda: pilot.app.screen is table.screen and studied in rows())
        assert rows()[1] == studied  # counts refreshed after the session
        assert table.cursor_row == 1  # still on the deck just studied

    drive(app, scenario)


def test_s_studies_all_decks(tui_col, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert pilot.app.screen.deck is None
        assert "0 done · 5 left today" in screen_text(pilot)

    drive(app, scenario)


def test_deck_list_totals_are_what_study_all_serves_under_the_collection_limit(tui_db, tui_clock):
    col = Collection.open(
        tui_db, config=Config(fuzz=False, collection_new_per_day=3), clock=tui_clock
    )
    col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(col, tui_clock)

    async def scenario(pilot):
        table = pilot.app.screen.query_one("#deck-table")
        rows = [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[1] for row in rows] == ["2", "3"]  # each deck studied on its own
        assert "3 new · 0 learning · 0 due" in screen_text(pilot)  # both together: 3, not 5
        await pilot.press("s")
        await settle(pilot)
        assert "0 done · 3 left today" in screen_text(pilot)

    try:
        drive(app, scenario)
    finally:
        col.close()


def test_empty_collection_says_how_to_import(tui_col, tui_clock):
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        shown = screen_text(pilot)
        assert "No decks yet" in shown
        assert "revise import FILE" in shown
        await pilot.press("enter", "s")  # nothing to study: stays on the deck list
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)

    drive(app, scenario)


def test_keymap_from_the_config_remaps_keys(tui_db, tui_clock):
    config = Config(fuzz=False, keymap={"review.reveal": "j", "review.good": "k"})
    col = Collection.open(tui_db, config=config, clock=tui_clock)
    try:
        col.import_decks([korea_deck()])
        app = make_app(col, tui_clock, study=True)

        async def scenario(pilot):
            await pilot.press("space")
            assert "Joseph Stalin" not in screen_text(pilot)
            await pilot.press("j")
            assert "Joseph Stalin" in screen_text(pilot)
            await pilot.press("k")
            await settle(pilot)
            assert col.progress().done_today == 1

        drive(app, scenario)
    finally:
        col.close()


def test_help_lists_the_keys_of_the_screen(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        await pilot.press("question_mark")
        keys = text_of(pilot, "#help-keys")
        assert "space / ⏎" in keys and "Show answer" in keys
        assert "u / ^z" in keys and "Undo" in keys
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReviewScreen)

    drive(app, scenario)


async def import_path(pilot, path) -> None:
    """Press i, type the path, press Enter, and wait for the import (or its preview)."""
    await pilot.press("i")
    await pilot.pause()
    pilot.app.screen.query_one("#import-path").value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def test_import_a_table_from_the_deck_list(tui_col, tui_clock, tmp_path):
    table = tmp_path / "capitals.csv"
    table.write_text("front,back\nCapital of France?,Paris\nCapital of Japan?,Tokyo\n")
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await import_path(pilot, table)
        assert isinstance(pilot.app.screen, DeckListScreen)  # no preview for a deck file
        assert [(deck.name, deck.total) for deck in tui_col.decks()] == [("capitals", 2)]
        assert "capitals" in screen_text(pilot)
        assert "No decks yet" not in screen_text(pilot)

    drive(app, scenario)


def test_import_errors_are_one_line_notifications(tui_col, tui_clock, tmp_path):
    bad = tmp_path / "broken.apkg"
    bad.write_text("not a zip")
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("i")
        pilot.app.screen.query_one("#import-path").value = str(tmp_path / "missing.csv")
        await pilot.press("enter")
        await settle(pilot)
        notes = [n.message for n in pilot.app._notifications]
        assert notes[-1] == f"{tmp_path / 'missing.csv'}: not found (give the path of a file)"
        await pilot.press("escape")
        await import_path(pilot, bad)
        message = list(pilot.app._notifications)[-1].message
        assert message.startswith(str(bad)) and "\n" not in message
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert tui_col.decks() == []

    drive(app, scenario)


def test_notes_file_is_previewed_before_import(tui_col, tui_clock, tmp_path):
    from revise.tui.screens.import_file import ImportPreviewScreen

    notes = tmp_path / "friendship.txt"
    bundled = Path(__file__).parent.parent / "decks/notes/sino-soviet-friendship-1950-54.txt"
    notes.write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await import_path(pilot, notes)
        preview = pilot.app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert tui_col.decks() == []  # a dry run only
        deck = preview.report.decks[0]
        assert deck.notes and deck.added == len(deck.notes)
        counts = text_of(pilot, "#preview-counts")
        assert f"{len(deck.notes)} notes → " in counts
        options = preview.query_one("#preview-list")
        assert options.option_count == len(deck.notes)
        first = str(options.get_option_at_index(0).prompt)
        assert deck.notes[0].context in first
        assert first.splitlines()[1].startswith("Q ")
        cloze = next(i for i, note in enumerate(deck.notes) if note.kind is NoteKind.CLOZE)
        assert "[...]" in str(options.get_option_at_index(cloze).prompt)  # the answer hidden
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert tui_col.decks() == []  # cancelled

        await import_path(pilot, notes)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert [d.total for d in tui_col.decks()] == [len(deck.notes)]
        assert deck.name in screen_text(pilot)

    drive(app, scenario)


def test_o_opens_the_cards_media_without_waiting(tui_col, tui_clock, monkeypatch):
    from revise.formats.model import DeckData, NoteData, NoteKind

    started = []

    class Opener:
        def __init__(self, command, **options):
            started.append((command, options))

    monkeypatch.setattr(review.subprocess, "Popen", Opener)
    note = NoteData(NoteKind.BASIC, "Where is Pyongyang?", "Here", media=("map.png",))
    tui_col.import_decks([DeckData("Maps", [note], media={"map.png": b"\x89PNG"})])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        assert pilot.app.screen.active_bindings["o"].enabled
        await pilot.press("o")
        await settle(pilot)
        ((command, options),) = started
        opened = Path(command[-1])  # written out of the collection for the viewer
        assert opened.name == "map.png" and opened.read_bytes() == b"\x89PNG"
        assert options["stdout"] == review.subprocess.DEVNULL  # never draws over the app
        await pilot.press("space", "4")
        await settle(pilot)
        assert "o" not in pilot.app.screen.active_bindings  # nothing due, nothing to open

    drive(app, scenario)


def test_native_deck_file_imports_without_preview(tui_col, tui_clock, tmp_path):
    deck_file = tmp_path / "korea.md"
    deck_file.write_text(
        "---\nname: Korea\n---\n# Korea\n## Tsarist era\n"
        "Q: When did Russia establish a legation in Seoul?\nA: 1896\n\n"
        "C: Japan's victory resulted in the [Treaty of Portsmouth].\n",
        encoding="utf-8",
    )
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await import_path(pilot, deck_file)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert [(deck.name, deck.new) for deck in tui_col.decks()] == [("Korea", 2)]
        bar = pilot.app.screen.query_one("#import-progress", ProgressBar)
        assert (bar.progress, bar.total) == (2, 2)  # both notes stored, and the bar said so
        assert not bar.display  # and it is put away once the import is done
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == "When did Russia establish a legation in Seoul?"
        # The deck name is the panel's title; a heading repeating it is not shown again.
        assert text_of(pilot, "#card-context") == "Tsarist era"
        assert tui_col.next_card().context == "Korea > Tsarist era"  # but it is kept

    drive(app, scenario)


def test_markdown_notes_without_card_syntax_are_previewed(tui_col, tui_clock, tmp_path):
    from revise.tui.screens.import_file import ImportPreviewScreen

    notes = tmp_path / "treaty.md"
    notes.write_text(
        "# The Sino-Soviet treaty\n\n"
        "The Sino-Soviet Treaty of Friendship was signed in Moscow in February 1950.\n\n"
        "Mao Zedong spent two months in Moscow negotiating it with Joseph Stalin.\n",
        encoding="utf-8",
    )
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await import_path(pilot, notes)
        assert isinstance(pilot.app.screen, ImportPreviewScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert tui_col.decks()[0].total > 0

    drive(app, scenario)


def test_first_card_is_in_the_first_frame(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            # No settling: whatever the screen shows on mount is the first thing painted.
            assert text_of(pilot, "#card-prompt") == FIRST_PROMPT

    asyncio.run(main())


def test_a_slow_first_card_shows_loading_then_the_card(tui_col, tui_clock, monkeypatch):
    tui_col.import_decks([korea_deck()])
    release = threading.Event()
    next_card = tui_col.next_card

    def slow_next_card(deck=None):  # a database that answers only when the test lets it
        release.wait(5)
        return next_card(deck)

    monkeypatch.setattr(tui_col, "next_card", slow_next_card)
    monkeypatch.setattr(review, "FIRST_CARD_WAIT", 0.01)
    app = make_app(tui_col, tui_clock, study=True)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert text_of(pilot, "#card-prompt") == "Loading…"
            release.set()
            await settle(pilot)
            assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
            assert "0 done · 2 left today" in screen_text(pilot)

    asyncio.run(main())


def test_a_table_whose_columns_are_unclear_asks_which_is_which(tui_col, tui_clock, tmp_path):
    from revise.tui.screens.import_file import ImportColumnsScreen

    table = tmp_path / "words.tsv"
    table.write_text("chien\tdog\tanimal\tx\nrouge\tred\tcolour\ty\n", encoding="utf-8")
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await import_path(pilot, table)
        dialog = pilot.app.screen
        assert isinstance(dialog, ImportColumnsScreen)  # asked, not told of a CLI option
        assert "--columns" not in screen_text(pilot)
        assert "1: chien" in screen_text(pilot) and "2: dog" in screen_text(pilot)
        assert tui_col.decks() == []
        dialog.query_one("#import-columns").value = "back,front,tags,skip"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        [deck] = tui_col.export_decks("words")
        assert [(n.front, n.back, n.tags) for n in deck.notes] == [
            ("dog", "chien", ("animal",)),
            ("red", "rouge", ("colour",)),
        ]

    drive(app, scenario)
