"""A page saved from a notes app (OneNote, Evernote) writes each line of a note with <br>, not
as a paragraph of its own: each line is a fact of its own."""

from __future__ import annotations

from pathlib import Path

from revise.generation import generate_deck

PAGE = (
    "<html><body><div><div><b>Enzymes</b></div>\n"
    "<div>Active site = the region of an enzyme where the substrate binds<br>"
    "Denaturation = the active site changes shape at high temperature, so the substrate no"
    " longer fits<br>Lipase breaks down lipids into fatty acids and glycerol</div>\n"
    "</div></body></html>\n"
)


def test_each_line_of_a_notes_app_page_is_its_own_card(tmp_path: Path) -> None:
    path = tmp_path / "enzymes.html"
    path.write_text(PAGE, encoding="utf-8")
    cards = [f"{note.front} :: {note.back}" for note in generate_deck(path).notes]
    assert any("substrate binds" in card for card in cards)
    assert any("changes shape" in card for card in cards)
    # no card runs one line into the next
    assert not [card for card in cards if "binds" in card and "Denaturation" in card]
    assert not [card for card in cards if "fits" in card and "Lipase" in card]
