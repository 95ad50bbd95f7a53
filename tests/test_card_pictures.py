"""What a card holds, shown in it: pictures inline (under the text that mentions them) and LaTeX
maths as Unicode text."""

# ruff: noqa: F811, RUF001

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from revise.formats.model import DeckData, NoteData, NoteKind
from revise.tui.widgets.pictures import Pictures
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    make_app,
    screen_text,
    settle,
    tui_clock,
    tui_col,
    tui_db,
)


@pytest.fixture(autouse=True)
def drawn_in_unicode_blocks(monkeypatch):
    """Pictures drawn the same way whatever terminal runs the tests (in a terminal, textual-image
    would choose Sixel, Kitty's protocol or half blocks), so the snapshots hold everywhere."""
    from textual_image.widget import UnicodeImage

    monkeypatch.setattr("revise.tui.widgets.pictures.picture_widget", lambda: UnicodeImage)


SIZES = pytest.mark.parametrize("size", [(100, 30), (60, 15)], ids=["100x30", "60x15"])


def png(width: int, height: int, colour: str) -> bytes:
    """A picture in two halves, `colour` over white, as PNG bytes."""
    picture = PILImage.new("RGB", (width, height), "white")
    picture.paste(PILImage.new("RGB", (width, height // 2), colour), (0, 0))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def picture_deck() -> DeckData:
    return DeckData(
        "Physics",
        [
            NoteData(
                NoteKind.BASIC,
                "Which particle is drawn here? (image: particle.png)",
                r"An alpha particle, \(\alpha\); its half-life law is \(T = \frac{0.693}{\lambda}\)"
                " (image: decay.png)",
                media=("particle.png", "decay.png"),
            ),
            NoteData(
                NoteKind.BASIC,
                "A broken picture (image: broken.png) and a missing one (image: gone.png)",
                "(sound: click.mp3)",
                media=("click.mp3", "broken.png", "gone.png"),
            ),
        ],
        media={
            "particle.png": png(40, 20, "red"),
            "decay.png": png(30, 30, "blue"),
            "broken.png": b"not a picture",
            "click.mp3": b"ID3",
        },
    )


def pictures_of(pilot, side: str) -> list:
    return list(pilot.app.screen.query_one(f"#card-{side}-pictures", Pictures).children)


async def reveal(pilot):
    await settle(pilot)
    await pilot.press("space")
    await settle(pilot)


def test_pictures_are_shown_in_the_card_and_maths_as_unicode(tui_col, tui_clock):
    tui_col.import_decks([picture_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        await settle(pilot)
        [prompt_picture] = pictures_of(pilot, "prompt")
        assert prompt_picture.image.size == (40, 20)
        assert prompt_picture.region.height > 0  # drawn, not only mounted
        text = screen_text(pilot)
        assert "(image: particle.png)" in text  # the mention stays, naming the file
        await pilot.press("space")
        await settle(pilot)
        [answer_picture] = pictures_of(pilot, "answer")
        assert answer_picture.image.size == (30, 30)
        text = screen_text(pilot)
        assert "T = 0.693/λ" in text and "alpha particle, α;" in text
        assert "\\frac" not in text

    drive(app, scenario)


def test_a_picture_that_cannot_be_shown_stays_a_mention_and_o_still_opens_media(
    tui_col, tui_clock, monkeypatch
):
    tui_col.import_decks([picture_deck()])
    first = tui_col.next_card()
    tui_col.answer(first, 3)  # the picture card is done: the broken one is next
    app = make_app(tui_col, tui_clock, study=True)
    opened = []
    monkeypatch.setattr(
        "revise.tui.screens.review.open_with_system", lambda path: opened.append(path.name)
    )

    async def scenario(pilot):
        await reveal(pilot)
        assert pictures_of(pilot, "prompt") == [] and pictures_of(pilot, "answer") == []
        text = screen_text(pilot)
        assert "(image: broken.png)" in text and "(sound: click.mp3)" in text
        await pilot.press("o")
        await settle(pilot)
        assert "click.mp3" in opened and "broken.png" in opened

    drive(app, scenario)


async def shown_revealed(pilot):
    await reveal(pilot)


@SIZES
def test_card_with_pictures_and_maths(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([picture_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    assert snap_compare(app, terminal_size=size, run_before=shown_revealed)


def test_the_study_shortcut_knows_when_to_ask_the_terminal_about_pictures(tui_col, tui_db):
    from datetime import UTC, datetime

    from revise.config import Config
    from revise.study.first_card import read_first_card

    tui_col.import_decks([DeckData("Plain", [NoteData(NoteKind.BASIC, "Q?", "A")])])
    first = read_first_card(tui_db, None, Config(), datetime.now(UTC))
    assert first is not None and not first.has_media
    tui_col.import_decks([picture_deck()])
    first = read_first_card(tui_db, None, Config(), datetime.now(UTC))
    assert first is not None and first.has_media
