"""`revise study` paints the first card before the collection is open, and then studies as usual:
intervals and progress follow, every answer is committed before the next card, undo, summary."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from textual.css import stylesheet as textual_stylesheet

from revise.config import Config
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.study import opening as opening_module
from revise.study.collection import Collection
from revise.study.first_card import read_deck_list, read_first_card
from revise.study.opening import OpeningCollection
from revise.tui import app as app_module
from revise.tui.screens.deck_list import DeckListScreen, DeckTable
from revise.tui.screens.review import ReviewScreen
from revise.tui.screens.summary import SummaryScreen
from revise.tui.widgets.card_view import LATER_PARTS, CardView
from revise.tui.widgets.grade_bar import GradeButton
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    korea_deck,
    make_app,
    screen_text,
    settle,
    text_of,
    treaty_deck,
    tui_clock,
    tui_db,
)

FIRST_PROMPT = "Who led the Soviet Union when the Korean War began?"
CONFIG = Config(fuzz=False)
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def opening(path: Path, clock) -> OpeningCollection:  # type: ignore[no-untyped-def]
    with Collection.open(path, config=CONFIG, clock=clock) as col:
        col.import_decks([korea_deck()])
    first = read_first_card(path, None, CONFIG, clock())
    assert first is not None
    return OpeningCollection(path, CONFIG, first, clock=clock)


def reviews_in_file(path: Path, clock) -> int:  # type: ignore[no-untyped-def]
    with Collection.open(path, clock=clock) as other:
        return other.progress().done_today


def labels(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(button.label) for button in pilot.app.screen.query(GradeButton)]


def test_the_first_card_is_painted_before_the_collection_opens_then_study_goes_on(
    tui_db, tui_clock
):
    col = opening(tui_db, tui_clock)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            assert text_of(pilot, "#card-prompt") == FIRST_PROMPT  # the first frame
            await settle(pilot)
            assert col._thread is not None  # opened once the card was on screen
            assert labels(pilot) == ["Again 1m", "Hard 6m", "Good 10m", "Easy 8d"]
            assert "0 done · 2 left today" in screen_text(pilot)
            await pilot.press("space", "3")
            await settle(pilot)
            assert reviews_in_file(tui_db, tui_clock) == 1
            assert "[...]" in text_of(pilot, "#card-prompt")
            await pilot.press("u")
            await settle(pilot)
            assert reviews_in_file(tui_db, tui_clock) == 0
            assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
            await pilot.press("q")
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)
            assert "Cards studied" in screen_text(pilot)

    try:
        asyncio.run(main())
    finally:
        col.close()


def test_an_answer_given_while_the_collection_opens_is_stored_once_it_is_open(
    tui_db, tui_clock, monkeypatch
):
    col = opening(tui_db, tui_clock)
    release = threading.Event()
    real_open = OpeningCollection._open

    def slow_open(self) -> None:  # type: ignore[no-untyped-def]
        release.wait(10)
        real_open(self)

    monkeypatch.setattr(opening_module.OpeningCollection, "_open", slow_open)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("space")
            assert "Joseph Stalin" in screen_text(pilot)  # revealing needs no collection
            assert labels(pilot) == ["Again", "Hard", "Good", "Easy"]  # intervals not yet known
            await pilot.press("3")
            await pilot.pause()
            assert text_of(pilot, "#card-prompt") == FIRST_PROMPT  # waits for the answer
            release.set()
            await settle(pilot)
            assert "[...]" in text_of(pilot, "#card-prompt")
            assert "1 done" in screen_text(pilot)

    try:
        asyncio.run(main())
    finally:
        release.set()
        col.close()
    assert reviews_in_file(tui_db, tui_clock) == 1


def test_the_collection_starts_opening_only_once_the_first_card_is_written(
    tui_db, tui_clock, monkeypatch
):
    """Opening it (SQLAlchemy's import, the models) in a thread would take turns with the screen
    at Python's lock and make the first card late: nothing is started until the frame that
    shows the card has been handed to the terminal."""
    col = opening(tui_db, tui_clock)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]
    frames: list[tuple[bool, bool]] = []  # (the card is in it, the opening had begun)
    display = app._display
    wanted = FIRST_PROMPT.replace(" ", "")

    def noting_display(screen, update):  # type: ignore[no-untyped-def]
        display(screen, update)
        if update is not None and not app._batch_count:  # as Textual writes it
            written = _CONTROL.sub("", update.render_segments(app.console))
            frames.append((wanted in written.replace(" ", ""), col._thread is not None))

    monkeypatch.setattr(app, "_display", noting_display)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert "0 done · 2 left today" in screen_text(pilot)

    try:
        asyncio.run(main())
    finally:
        col.close()
    first_card = [has_card for has_card, _ in frames].index(True)
    assert first_card == 0  # the first frame written shows the card: no empty screen before it
    assert not any(opening for _, opening in frames[: first_card + 1])
    assert col._thread is not None


def test_the_deck_list_is_painted_before_the_collection_opens_then_works_as_usual(
    tui_db, tui_clock, monkeypatch
):
    """`revise` on a million cards: the counts read with sqlite3 are painted first, and the
    collection (SQLAlchemy's import, the models) opens once they are on the terminal."""
    with Collection.open(tui_db, config=CONFIG, clock=tui_clock) as col:
        col.import_decks([korea_deck(), treaty_deck()])
        counts = col.overview()
    deck_list = read_deck_list(tui_db, CONFIG, tui_clock())
    assert deck_list is not None
    col = OpeningCollection(tui_db, CONFIG, clock=tui_clock, deck_list=deck_list)
    app = make_app(col, tui_clock)  # type: ignore[arg-type]
    frames: list[tuple[bool, bool]] = []  # (the counts are in it, the opening had begun)
    display = app._display

    def noting_display(screen, update):  # type: ignore[no-untyped-def]
        display(screen, update)
        if update is not None and not app._batch_count:  # as Textual writes it
            written = _CONTROL.sub("", update.render_segments(app.console))
            frames.append(("Treaties" in written, col._thread is not None))

    monkeypatch.setattr(app, "_display", noting_display)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            shown = screen_text(pilot)
            for deck in counts[0]:
                assert deck.name in shown
            totals = counts[1]
            assert f"{totals.new} new · {totals.learning} learning · {totals.due} due" in shown
            await pilot.press("s")  # studies, with the collection open by now
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert f"0 done · {totals.left_today} left today" in screen_text(pilot)

    try:
        asyncio.run(main())
    finally:
        col.close()
    first_counts = [has_counts for has_counts, _ in frames].index(True)
    assert not any(opening for _, opening in frames[: first_counts + 1])
    assert col._thread is not None


@pytest.mark.parametrize("size", [(100, 30), (60, 15)])
def test_the_deck_list_s_first_frame_is_the_one_that_stays(tui_db, tui_clock, size):
    """`revise`'s first screen is the deck list, its table filled at the widths it keeps: the
    first frame written has the counts, a long name cut where it stays cut, and nothing moves
    after it."""
    long_name = "The July Crisis of 1914 and the outbreak of war"
    with Collection.open(tui_db, config=CONFIG, clock=tui_clock) as col:
        col.import_decks([korea_deck(), treaty_deck()])
        col.import_decks([DeckData(long_name, [NoteData(NoteKind.BASIC, "When?", "1914")])])
        totals = col.overview()[1]
    deck_list = read_deck_list(tui_db, CONFIG, tui_clock())
    assert deck_list is not None
    col = OpeningCollection(tui_db, CONFIG, clock=tui_clock, deck_list=deck_list)
    app = make_app(col, tui_clock)  # type: ignore[arg-type]
    first_frame: list[str] = []
    table_height_at_first_frame: list[int] = []
    display = app._display

    def noting_display(screen, update):  # type: ignore[no-untyped-def]
        display(screen, update)
        if update is not None and not app._batch_count and not first_frame:
            strips = screen._compositor.render_strips()
            first_frame.append("\n".join(strip.text for strip in strips))
            table_height_at_first_frame.append(screen.query_one(DeckTable).virtual_size.height)

    app._display = noting_display  # type: ignore[method-assign]

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            assert [type(screen) for screen in app.screen_stack] == [DeckListScreen]
            assert first_frame == [screen_text(pilot)]

    try:
        asyncio.run(main())
    finally:
        col.close()
    shown = first_frame[0]
    assert "Treaties" in shown
    assert f"{totals.new} new · {totals.learning} learning · {totals.due} due" in shown
    assert (long_name in shown) == (size[0] == 100)  # cut with an ellipsis in 60 columns
    assert long_name[:15] in shown
    # Its rows were measured for the first layout (a header and 3 decks), not once idle after
    # it, which laid the screen out and wrote it again, unchanged.
    assert table_height_at_first_frame == [4]


def test_the_deck_list_s_names_follow_the_terminal_s_width(tui_db, tui_clock):
    """The table is filled again only when the terminal's width changes the name column's: a
    long name is cut at 60 columns and whole again at 100, the counts beside it."""
    long_name = "The July Crisis of 1914 and the outbreak of war"
    with Collection.open(tui_db, config=CONFIG, clock=tui_clock) as col:
        col.import_decks([korea_deck()])
        col.import_decks([DeckData(long_name, [NoteData(NoteKind.BASIC, "When?", "1914")])])
    deck_list = read_deck_list(tui_db, CONFIG, tui_clock())
    assert deck_list is not None
    col = OpeningCollection(tui_db, CONFIG, clock=tui_clock, deck_list=deck_list)
    app = make_app(col, tui_clock)  # type: ignore[arg-type]

    def long_row(pilot) -> str:  # type: ignore[no-untyped-def]
        rows = screen_text(pilot).splitlines()
        return next(row for row in rows if long_name[:15] in row).strip(" │")  # (the border)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert long_name in long_row(pilot)
            await pilot.resize_terminal(60, 15)
            await settle(pilot)
            assert long_name not in long_row(pilot)
            assert "…" in long_row(pilot)
            assert long_row(pilot).split()[-4:] == ["1", "0", "0", "1"]  # New Learning Due Cards
            await pilot.resize_terminal(100, 20)
            await settle(pilot)
            assert long_name in long_row(pilot)

    try:
        asyncio.run(main())
    finally:
        col.close()


def test_once_the_first_card_is_written_only_the_rest_of_the_stylesheet_is_parsed(
    tui_db, tui_clock, monkeypatch
):
    """The rest of app.tcss is read once the first frame is on the terminal; parsing every
    piece of CSS again then (the first part of app.tcss, each widget's) held up the writing of
    that frame."""
    parsed: list[tuple[object, ...]] = []  # where each piece came from, and how it is read
    parse = textual_stylesheet.parse

    def noting_parse(scope, css, read_from, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append((read_from, scope, kwargs.get("tie_breaker"), css))
        return parse(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", noting_parse)
    col = opening(tui_db, tui_clock)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("space")  # the answer, styled by the first part of app.tcss
            await settle(pilot)
            assert "Joseph Stalin" in screen_text(pilot)

    try:
        asyncio.run(main())
    finally:
        col.close()
    app_tcss = (str(app_module.STYLESHEET), "")
    assert [piece[0] for piece in parsed].count(app_tcss) == 2  # the first part, then all
    assert len(parsed) == len(set(parsed))  # nothing parsed twice


def test_the_review_screen_is_not_restyled_whole_when_it_first_shows(tui_db, tui_clock):
    """Its widgets are styled as they are mounted, at the terminal's size and with the card
    focused; Textual's restyle of every widget of a screen coming back is left out the first
    time (it was a good part of the start), and the screen looks as it did with it (the
    snapshots)."""
    col = opening(tui_db, tui_clock)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]
    restyled: list[set[object]] = []  # the nodes of each restyle up to the first frame
    frames: list[str] = []

    async def main() -> None:
        stylesheet = app.stylesheet
        update_nodes = stylesheet.update_nodes

        def noting_update(nodes, animate=False):  # type: ignore[no-untyped-def]
            nodes = list(nodes)
            if not frames:
                restyled.append(set(nodes))
            update_nodes(nodes, animate=animate)

        stylesheet.update_nodes = noting_update  # type: ignore[method-assign]
        display = app._display

        def noting_display(screen, update):  # type: ignore[no-untyped-def]
            display(screen, update)
            if update is not None and not app._batch_count:  # as Textual writes it
                frames.append(type(screen).__name__)

        app._display = noting_display  # type: ignore[method-assign]
        async with app.run_test(size=(60, 15)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            assert "-narrow" in screen.classes and "-short" in screen.classes
            assert not any(screen in nodes for nodes in restyled)
            assert FIRST_PROMPT in screen_text(pilot)
            await pilot.press("space")
            await settle(pilot)
            assert "Joseph Stalin" in screen_text(pilot)

    try:
        asyncio.run(main())
    finally:
        col.close()
    assert frames[0] == "ReviewScreen"


def test_the_first_frame_is_built_without_the_answer_which_follows_it(tui_db, tui_clock):
    """The answer's parts (its pictures, the divider, the answer, where the card came from) are
    not on the first frame: they are mounted once it is written, and show on reveal as ever."""
    col = opening(tui_db, tui_clock)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]
    parts_at_first_frame: list[list[str | None]] = []
    display = app._display

    def noting_display(screen, update):  # type: ignore[no-untyped-def]
        display(screen, update)
        if update is not None and not app._batch_count and not parts_at_first_frame:
            card = screen.query_one(CardView)
            parts_at_first_frame.append([part.id for part in card.children])

    app._display = noting_display  # type: ignore[method-assign]

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            card = app.screen.query_one(CardView)
            assert [part.id for part in card.children] == [
                "card-context",
                "card-prompt",
                *LATER_PARTS,
            ]
            assert "Joseph Stalin" not in screen_text(pilot)
            await pilot.press("space")
            await settle(pilot)
            shown = screen_text(pilot)
            assert "Joseph Stalin" in shown
            assert "notes/korea.txt" in shown  # where it came from

    try:
        asyncio.run(main())
    finally:
        col.close()
    assert parts_at_first_frame == [["card-context", "card-prompt"]]


def test_the_review_screen_is_the_first_screen_and_the_summary_follows_it(tui_db, tui_clock):
    """`revise study` builds no empty screen to cover with the review screen (that was a good part
    of its start); ending the session still shows the summary, and closing it ends the app."""
    col = opening(tui_db, tui_clock)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert [type(screen) for screen in app.screen_stack] == [ReviewScreen]
            assert FIRST_PROMPT in screen_text(pilot)
            await pilot.press("space", "3")
            await settle(pilot)
            await pilot.press("q")
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)
            assert "Cards studied  1" in screen_text(pilot)
            await pilot.press("enter")
            await settle(pilot)

    try:
        asyncio.run(main())
    finally:
        col.close()
    assert app.return_code == 0
    assert reviews_in_file(tui_db, tui_clock) == 1


def test_a_card_view_removed_before_its_answer_s_parts_are_mounted_mounts_none(tui_db, tui_clock):
    """The answer's parts are mounted once the first card is written; when that comes as the
    view is being removed (the app closing at once, as a test does), nothing is mounted and
    nothing fails, nor does showing the answer then. (It raised NoMatches for card-prompt-pictures,
    now and then on a loaded machine.)"""
    col = opening(tui_db, tui_clock)
    app = make_app(col, tui_clock, study=True)  # type: ignore[arg-type]

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            card = app.screen.card
            assert card is not None
            view = CardView(id="going")
            await app.screen.mount(view)
            view.show_card(card)
            removed = view.remove()
            view.add_later_parts()
            view.reveal()
            assert [part.id for part in view.children] == ["card-context", "card-prompt"]
            await removed
            assert FIRST_PROMPT in screen_text(pilot)  # the screen's own card view is untouched

    try:
        asyncio.run(main())
    finally:
        col.close()


def test_the_deck_list_s_start_loads_no_note_model():
    """The deck list's counts need none of the note model (revise.formats.model: its classes
    took a few milliseconds of `revise`'s start to define); a study session's first card does."""
    code = (
        "import sys\n"
        "import revise.study.first_card, revise.study.opening, revise.tui.app\n"
        "import revise.tui.screens.deck_list\n"
        "print('revise.formats.model' in sys.modules)\n"
        "import revise.tui.screens.review\n"
        "from revise.study.cards import study_card\n"
        "card = study_card(1, 0, 0, 0, 'basic', 'Q?', 'A', '', '', None, '', 'D')\n"
        "print(card.prompt, card.answer, 'revise.formats.model' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["False", "Q? A True"]
