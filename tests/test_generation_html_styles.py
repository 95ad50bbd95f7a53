"""A page saved from a notes app or a word processor shows its headings by style (a bold, coloured
or larger line), not with heading elements: the cards below such a line sit under it."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str) -> list[NoteData]:
    path = tmp_path / "notes.html"
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def context_of(notes: list[NoteData], words: str) -> str:
    found = [note for note in notes if words in f"{note.front} {note.back}"]
    assert found, [note.front for note in notes]
    return found[0].context


# a OneNote-like page: a bold line, then a line bold and coloured by its style attribute
RIVERS = (
    '<html><body style="font-family:Calibri;font-size:11.0pt"><div>\n'
    "<div><b>Erosion processes</b></div>\n"
    "<ul><li>Hydraulic action is the force of water breaking rock apart</li>\n"
    "<li>Abrasion is when the load scrapes against the bed and banks</li></ul>\n"
    "<br>\n"
    '<div><span style="font-weight:bold;color:#2E75B5">Transport</span></div>\n'
    "<ul><li>Traction is the rolling of large boulders along the river bed</li>\n"
    "<li>Saltation is the bouncing of pebbles along the river bed</li></ul>\n"
    "</div></body></html>\n"
)


def test_a_line_bold_by_its_style_heads_the_lines_below_it(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, RIVERS)
    assert context_of(notes, "bouncing of pebbles").endswith("Transport")
    assert "Erosion" not in context_of(notes, "bouncing of pebbles")
    assert context_of(notes, "force of water").endswith("Erosion processes")


def test_a_line_in_a_colour_heads_the_lines_below_it_but_a_grey_one_does_not(
    tmp_path: Path,
) -> None:
    page = (
        "<html><body><div>\n"
        '<div><span style="color:rgb(192, 0, 0)">Deposition</span></div>\n'
        "<div>Deposition happens when the river loses energy, as on the inside of a bend.</div>\n"
        "</div></body></html>\n"
    )
    assert context_of(deck_notes(tmp_path, page), "loses energy").endswith("Deposition")
    grey = page.replace("rgb(192, 0, 0)", "#7F7F7F")
    assert not context_of(deck_notes(tmp_path, grey), "loses energy").endswith("Deposition")


# a Word-like page: headings written larger than the body text, no <h2>
CELLS = (
    "<html><body><div>\n"
    '<p><span style="font-size:20pt">Cell biology</span></p>\n'
    '<p><span style="font-size:15pt">Organelles</span></p>\n'
    "<p>The mitochondrion is the site of aerobic respiration.</p>\n"
    "<p>The ribosome is the site of protein synthesis.</p>\n"
    '<p><span style="font-size:15pt">Transport across membranes</span></p>\n'
    "<p>Osmosis is the diffusion of water across a partially permeable membrane.</p>\n"
    "</div></body></html>\n"
)


def test_a_line_written_larger_is_a_heading_and_the_largest_the_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text(CELLS, encoding="utf-8")
    deck = generate_deck(path)
    assert deck.name == "Cell biology"
    osmosis = context_of(deck.notes, "partially permeable")
    assert osmosis.endswith("Transport across membranes") and "Organelles" not in osmosis
    assert context_of(deck.notes, "protein synthesis").endswith("Organelles")


# a bold line that opens a box of lines parted by <br>: it heads those lines only
KIDNEY = (
    "<html><body><div>\n"
    "<div><b>The nephron</b></div>\n"
    "<div>Ultrafiltration happens in the glomerulus.</div>\n"
    "<div><b>Selective reabsorption:</b><br>\n"
    "glucose is reabsorbed in the proximal convoluted tubule<br>\n"
    "water is reabsorbed by osmosis in the collecting duct</div>\n"
    "<div>Antidiuretic hormone is made in the hypothalamus.</div>\n"
    "</div></body></html>\n"
)


def test_a_label_over_the_lines_of_its_own_box_ends_with_the_box(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, KIDNEY)
    assert context_of(notes, "collecting duct").endswith("Selective reabsorption")
    assert "Selective reabsorption" not in context_of(notes, "hypothalamus")


def test_a_blank_line_ends_what_a_label_line_is_over(tmp_path: Path) -> None:
    page = (
        "<html><body><div>\n"
        "<div><b>Limiting factors of photosynthesis</b></div>\n"
        "<div>Rubisco is the enzyme that fixes carbon dioxide in the Calvin cycle.</div>\n"
        "<br>\n"
        "<div>Chlorophyll absorbs red and blue light and reflects green light.</div>\n"
        "</div></body></html>\n"
    )
    notes = deck_notes(tmp_path, page)
    assert context_of(notes, "carbon dioxide").endswith("Limiting factors of photosynthesis")
    assert "Limiting" not in context_of(notes, "reflects green")


def test_a_bold_label_with_an_aside_in_brackets_is_still_a_label(tmp_path: Path) -> None:
    page = (
        "<html><body><div>\n"
        "<div><b>Krebs cycle</b> (matrix)</div>\n"
        "<div>Oxaloacetate is the 4-carbon compound that accepts the acetyl group.</div>\n"
        "</div></body></html>\n"
    )
    notes = deck_notes(tmp_path, page)
    assert not [note for note in notes if note.front.startswith("Krebs cycle")]
    assert "Krebs cycle" in context_of(notes, "acetyl group")


def test_a_page_written_all_in_a_large_size_is_read_as_text_not_headings(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Microsoft Word - notes.docx</title></head><body><div>\n"
        "<p><b><span style='font-size:20.0pt'>Plate tectonics</span></b></p>\n"
        "<p><span style='font-size:14.0pt'>The Pacific Ring of Fire holds 75% of the world's"
        " volcanoes.</span></p>\n"
        "<p><span style='font-size:14.0pt'>Subduction is when oceanic crust sinks beneath"
        " continental crust.</span></p>\n"
        "</div></body></html>\n"
    )
    path = tmp_path / "notes.html"
    path.write_text(page, encoding="utf-8")
    deck = generate_deck(path)
    assert deck.name == "Plate tectonics"
    shown = " ".join(f"{note.front} {note.back}" for note in deck.notes)
    assert "Ring of Fire" in shown and "oceanic crust sinks" in shown


def test_a_class_in_the_style_sheet_sets_a_line_off_as_its_own_style_would(
    tmp_path: Path,
) -> None:
    # a word processor's export: the look of a line is in a class, the link's colour is not a mark
    page = (
        "<html><head><style>.c1{color:#000000;font-weight:400;font-size:11pt}"
        ".c4{color:#c00000;font-weight:400;font-size:11pt}"
        ".c9{color:#1155cc;text-decoration:underline}</style></head><body>\n"
        '<p class="c2"><span class="c4">Blood vessels</span></p>\n'
        '<p class="c2"><span class="c1">Arteries carry blood away from the heart at high'
        " pressure.</span></p>\n"
        '<p class="c2"><span class="c9"><a href="https://example.org/veins">Veins</a></span></p>\n'
        '<p class="c2"><span class="c1">Capillaries are one cell thick, so substances diffuse'
        " quickly.</span></p>\n"
        "</body></html>\n"
    )
    notes = deck_notes(tmp_path, page)
    assert context_of(notes, "high pressure").endswith("Blood vessels")
    assert not context_of(notes, "cell thick").endswith("Veins")
