"""Notes written in Word and saved as a web page: its drawn bullets, running header and lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from revise.generation import generate_deck
from revise.generation.document import BlockKind
from revise.generation.htmlnotes import parse_html

DRAWN = (
    "<!--[if !supportLists]--><span style='font-family:Symbol'>\u00b7<span style='font:7.0pt"
    ' "Times New Roman"\'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><!--[endif]-->'
)
FILTERED = (  # "Web Page, Filtered" keeps the drawn bullet and drops the comments around it
    "<span style='font-family:Symbol'>\u00b7<span style='font:7.0pt \"Times New Roman\"'>"
    "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
)


def word_page(bullet: str) -> str:
    item = "<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt'>{}{}<o:p></o:p></p>"
    return (
        "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head>"
        "<meta name=Generator content='Microsoft Word 15'></head><body lang=EN-GB>"
        "<div class=WordSection1>"
        "<p class=MsoHeader>Year 9 Science - Ms Okafor<o:p></o:p></p>"
        "<h1>Digestion<o:p></o:p></h1>\n"
        "<p class=MsoNormal><b>Enzymes<o:p></o:p></b></p>\n"
        + item.format(bullet, "<b>Amylase</b> breaks down starch into sugars")
        + "\n"
        + item.format(bullet, "<b>Protease</b> breaks down proteins into amino acids")
        + "\n"
        + item.format(bullet, "<b>Lipase</b> breaks down lipids into fatty acids and glycerol")
        + "\n<p class=MsoFooter>Page 1 of 1<o:p></o:p></p></div></body></html>\n"
    )


@pytest.mark.parametrize("bullet", [DRAWN, FILTERED], ids=["saved", "filtered"])
def test_word_bullets_are_list_items_without_their_drawn_glyph(bullet: str) -> None:
    document = parse_html(word_page(bullet))
    assert document.title == "Digestion"  # the running header above it is no heading
    items = [block.text for block in document.blocks if block.kind is BlockKind.ITEM]
    assert items == [
        "Amylase breaks down starch into sugars",
        "Protease breaks down proteins into amino acids",
        "Lipase breaks down lipids into fatty acids and glycerol",
    ]


def test_cards_from_a_word_page_carry_no_bullet_or_header(tmp_path: Path) -> None:
    path = tmp_path / "digestion.htm"
    path.write_text(word_page(DRAWN), encoding="utf-8")
    deck = generate_deck(path)
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    assert "starch" in said and "amino acids" in said
    for residue in ("\u00b7", "Okafor", "Page 1", "o:p", "supportLists"):
        assert residue not in said
