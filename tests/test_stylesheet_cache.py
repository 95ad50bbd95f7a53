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
from revise.tui.stylesheet_cache import StylesheetCache, cache_file
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


def study(col: Collection, clock, folder: Path) -> tuple[str, RenderStyles]:  # type: ignore[no-untyped-def]
    """The screen `revise study` shows once settled, and the style of its prompt."""
    app = make_app(col, clock, study=True, stylesheet_cache_folder=folder)
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
    folder = tmp_path / "cache"
    first_screen, _ = study(tui_col, tui_clock, folder)
    assert [file.name for file in folder.iterdir()] == ["stylesheet-review.pickle"]
    assert str(app_module.STYLESHEET) in parsed
    parsed.clear()
    second_screen, _ = study(tui_col, tui_clock, folder)
    assert parsed == []  # neither app.tcss nor any widget's CSS parsed again
    assert second_screen == first_screen
    assert "Who led the Soviet Union when the Korean War began?" in second_screen


def test_an_edited_stylesheet_is_read_again(tui_col, tui_clock, tmp_path, parsed, monkeypatch):
    tui_col.import_decks([korea_deck()])
    stylesheet = tmp_path / "app.tcss"
    text = app_module.STYLESHEET.read_text(encoding="utf-8")
    stylesheet.write_text(text, encoding="utf-8")
    monkeypatch.setattr(app_module, "STYLESHEET", stylesheet)
    _, prompt = study(tui_col, tui_clock, tmp_path)
    assert prompt.text_style.bold and not prompt.text_style.italic

    bold_prompt = "#card-prompt {\n        text-style: bold;"
    assert bold_prompt in text
    stylesheet.write_text(text.replace(bold_prompt, bold_prompt.replace("bold", "italic")))
    parsed.clear()
    _, prompt = study(tui_col, tui_clock, tmp_path)
    assert str(stylesheet) in parsed
    assert prompt.text_style.italic and not prompt.text_style.bold


def test_a_damaged_file_is_set_aside_and_written_again(tui_col, tui_clock, tmp_path, parsed):
    tui_col.import_decks([korea_deck()])
    cache_file(tmp_path, "review").write_bytes(b"\x80\x05not a pickle at all")
    screen, _ = study(tui_col, tui_clock, tmp_path)
    assert "Who led the Soviet Union when the Korean War began?" in screen
    assert str(app_module.STYLESHEET) in parsed
    parsed.clear()
    assert study(tui_col, tui_clock, tmp_path)[0] == screen
    assert parsed == []


def test_rules_parsed_with_other_css_variables_are_not_used(tui_col, tui_clock, tmp_path):
    tui_col.import_decks([korea_deck()])
    study(tui_col, tui_clock, tmp_path)
    stylesheet = textual_stylesheet.Stylesheet(variables={"accent": "red"})
    StylesheetCache(cache_file(tmp_path, "review")).load(stylesheet)
    assert list(stylesheet._parse_cache.keys()) == []


def test_rules_parsed_by_another_textual_are_not_used(
    tui_col, tui_clock, tmp_path, parsed, monkeypatch
):
    tui_col.import_decks([korea_deck()])
    screen, _ = study(tui_col, tui_clock, tmp_path)
    stamp = stylesheet_cache.made_by()
    assert stamp is not None
    monkeypatch.setattr(stylesheet_cache, "made_by", lambda: (*stamp, "another Textual"))
    parsed.clear()
    assert study(tui_col, tui_clock, tmp_path)[0] == screen
    assert str(app_module.STYLESHEET) in parsed  # parsed again, and kept again
    parsed.clear()
    study(tui_col, tui_clock, tmp_path)
    assert parsed == []


def test_the_file_holds_what_the_last_start_read_not_what_earlier_ones_did(
    tui_col, tui_clock, tmp_path, monkeypatch
):
    """An edited stylesheet does not leave its old rules in the file as well: it holds the
    rules of the pieces of CSS the last start read, and stays as it is while they are the same."""
    tui_col.import_decks([korea_deck()])
    stylesheet = tmp_path / "app.tcss"
    text = app_module.STYLESHEET.read_text(encoding="utf-8")
    stylesheet.write_text(text, encoding="utf-8")
    monkeypatch.setattr(app_module, "STYLESHEET", stylesheet)
    study(tui_col, tui_clock, tmp_path)
    kept = cache_file(tmp_path, "review")
    size = kept.stat().st_size
    for edit in range(3):
        stylesheet.write_text(text + f"\n#card-meta {{ margin-top: {edit + 1}; }}\n")
        study(tui_col, tui_clock, tmp_path)
    assert kept.stat().st_size < size * 1.1
    written = kept.stat().st_mtime_ns
    study(tui_col, tui_clock, tmp_path)
    assert kept.stat().st_mtime_ns == written
