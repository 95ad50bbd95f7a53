"""The app's parsed stylesheet is kept on disk: a second start uses it and shows the same screen,
an edited stylesheet is read again, and a damaged file is set aside and written again."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.css import stylesheet as textual_stylesheet
from textual.css.styles import RenderStyles

from revise.study.collection import Collection
from revise.tui import app as app_module
from revise.tui import stylesheet_cache
from revise.tui.stylesheet_cache import StylesheetCache
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    korea_deck,
    make_app,
    screen_text,
    settle,
    tui_clock,
    tui_col,
    tui_db,
)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each piece of CSS parsed came from (app.tcss: its path), as Textual parses it."""
    sources: list[str] = []
    parse = textual_stylesheet.parse

    def counting(scope, css, read_from, *args, **kwargs):  # type: ignore[no-untyped-def]
        sources.append(read_from[0])
        return parse(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", counting)
    return sources


def study(col: Collection, clock, cache: Path) -> tuple[str, RenderStyles]:  # type: ignore[no-untyped-def]
    """The screen `revise study` shows once settled, and the style of its prompt."""
    app = make_app(col, clock, study=True, stylesheet_cache=cache)
    shown: list[tuple[str, RenderStyles]] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            shown.append((screen_text(pilot), app.screen.query_one("#card-prompt").styles))

    asyncio.run(main())
    return shown[0]


def test_a_second_start_takes_the_parsed_rules_from_the_file_and_looks_the_same(
    tui_col, tui_clock, tmp_path, parsed
):
    tui_col.import_decks([korea_deck()])
    cache = tmp_path / "cache" / "stylesheet.pickle"
    first_screen, _ = study(tui_col, tui_clock, cache)
    assert cache.is_file()
    assert str(app_module.STYLESHEET) in parsed
    parsed.clear()
    second_screen, _ = study(tui_col, tui_clock, cache)
    assert parsed == []  # neither app.tcss nor any widget's CSS parsed again
    assert second_screen == first_screen
    assert "Who led the Soviet Union when the Korean War began?" in second_screen


def test_an_edited_stylesheet_is_read_again(tui_col, tui_clock, tmp_path, parsed, monkeypatch):
    tui_col.import_decks([korea_deck()])
    stylesheet = tmp_path / "app.tcss"
    text = app_module.STYLESHEET.read_text(encoding="utf-8")
    stylesheet.write_text(text, encoding="utf-8")
    monkeypatch.setattr(app_module, "STYLESHEET", stylesheet)
    cache = tmp_path / "stylesheet.pickle"
    _, prompt = study(tui_col, tui_clock, cache)
    assert prompt.text_style.bold and not prompt.text_style.italic

    bold_prompt = "#card-prompt {\n        text-style: bold;"
    assert bold_prompt in text
    stylesheet.write_text(text.replace(bold_prompt, bold_prompt.replace("bold", "italic")))
    parsed.clear()
    _, prompt = study(tui_col, tui_clock, cache)
    assert str(stylesheet) in parsed
    assert prompt.text_style.italic and not prompt.text_style.bold


def test_a_damaged_file_is_set_aside_and_written_again(tui_col, tui_clock, tmp_path, parsed):
    tui_col.import_decks([korea_deck()])
    cache = tmp_path / "stylesheet.pickle"
    cache.write_bytes(b"\x80\x05not a pickle at all")
    screen, _ = study(tui_col, tui_clock, cache)
    assert "Who led the Soviet Union when the Korean War began?" in screen
    assert str(app_module.STYLESHEET) in parsed
    parsed.clear()
    assert study(tui_col, tui_clock, cache)[0] == screen
    assert parsed == []


def test_rules_parsed_with_other_css_variables_are_not_used(tui_col, tui_clock, tmp_path):
    tui_col.import_decks([korea_deck()])
    cache = tmp_path / "stylesheet.pickle"
    study(tui_col, tui_clock, cache)
    stylesheet = textual_stylesheet.Stylesheet(variables={"accent": "red"})
    StylesheetCache(cache).load(stylesheet)
    assert list(stylesheet._parse_cache.keys()) == []


def test_rules_parsed_by_another_textual_are_not_used(
    tui_col, tui_clock, tmp_path, parsed, monkeypatch
):
    tui_col.import_decks([korea_deck()])
    cache = tmp_path / "stylesheet.pickle"
    screen, _ = study(tui_col, tui_clock, cache)
    stamp = stylesheet_cache.made_by()
    assert stamp is not None
    monkeypatch.setattr(stylesheet_cache, "made_by", lambda: (*stamp, "another Textual"))
    parsed.clear()
    assert study(tui_col, tui_clock, cache)[0] == screen
    assert str(app_module.STYLESHEET) in parsed  # parsed again, and kept again
    parsed.clear()
    study(tui_col, tui_clock, cache)
    assert parsed == []
