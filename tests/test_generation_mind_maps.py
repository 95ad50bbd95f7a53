"""Mind maps saved in a mind-mapping app's own file: OPML (XMind, MindNode, iThoughts ...) and
FreeMind/Freeplane's `.mm`, read as the app's Markdown export of the same map would be."""

from __future__ import annotations

from pathlib import Path

import pytest

from revise.errors import FormatError
from revise.formats.detect import FileKind, file_kind
from revise.generation import generate_deck
from revise.generation.reading import notes_kind, parse_notes

# The same map three ways: as MindNode exports it to Markdown, to OPML, and as Freeplane saves it.
MARKDOWN = """\
# Plate boundaries

## Destructive
### oceanic plate subducts under continental plate
### Andes - fold mountains
### Nazca plate sinks under the South American plate
The Peru-Chile trench forms where it sinks, over 8,000 m deep.

## Constructive
### plates move apart, magma rises
### Mid-Atlantic Ridge widens by about 2.5 cm a year
### Iceland - shield volcanoes, basalt lava

## Conservative
### plates slide past each other
### San Andreas fault - earthquakes but no volcanoes
"""

OPML = """\
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Plate boundaries</title>
    <expansionState>0,1,5</expansionState>
  </head>
  <body>
    <outline text="Plate boundaries">
      <outline text="Destructive">
        <outline text="oceanic plate subducts under continental plate"/>
        <outline text="Andes - fold mountains"/>
        <outline text="Nazca plate sinks under the South American plate" \
_note="The Peru-Chile trench forms where it sinks, over 8,000 m deep."/>
      </outline>
      <outline text="Constructive">
        <outline text="plates move apart, magma rises"/>
        <outline text="Mid-Atlantic Ridge widens by about 2.5 cm a year"/>
        <outline text="Iceland - shield volcanoes, basalt lava"/>
      </outline>
      <outline text="Conservative">
        <outline text="plates slide past each other"/>
        <outline text="San Andreas fault - earthquakes but no volcanoes"/>
      </outline>
    </outline>
  </body>
</opml>
"""

FREEPLANE_COMMENT = (
    "<!--To view this file, download free mind mapping software Freeplane from"
    " https://www.freeplane.org -->"
)
FREEPLANE = f"""\
<map version="freeplane 1.9.13">
{FREEPLANE_COMMENT}
<node TEXT="Plate boundaries" FOLDED="false" ID="ID_1" CREATED="1700000000000">
<hook NAME="MapStyle">
    <map_styles>
        <stylenode LOCALIZED_TEXT="styles.root_node" STYLE="oval">
            <stylenode LOCALIZED_TEXT="defaultstyle.note" COLOR="#000000"></stylenode>
            <stylenode TEXT="keyTerm" COLOR="#dbffdb">
                <attribute NAME="projectCode" VALUE="GEO-7"/>
                <richcontent TYPE="NOTE" CONTENT-TYPE="plain/markdown"/>
            </stylenode>
        </stylenode>
    </map_styles>
</hook>
<node TEXT="Destructive" POSITION="right" ID="ID_2" CREATED="1700000000000">
<edge COLOR="#ff0000"/>
<node TEXT="oceanic plate subducts under continental plate" ID="ID_3"/>
<node TEXT="Andes - fold mountains" ID="ID_4"/>
<node TEXT="Nazca plate sinks under the South American plate" ID="ID_5">
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>

  </head>
  <body>
    <p>
      The Peru-Chile trench forms where it sinks, over 8,000 m deep.
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
<node POSITION="left" ID="ID_6" CREATED="1700000000000" MODIFIED="1700000000000">
<richcontent TYPE="NODE"><html><head></head><body><p>Constructive</p></body></html></richcontent>
<node TEXT="plates move apart, magma rises" ID="ID_7"/>
<node TEXT="Mid-Atlantic Ridge widens by about 2.5 cm a year" ID="ID_8"/>
<node TEXT="Iceland - shield volcanoes, basalt lava" ID="ID_9"/>
</node>
<node TEXT="Conservative" POSITION="right" ID="ID_10">
<node TEXT="plates slide past each other" ID="ID_11"/>
<node TEXT="San Andreas fault - earthquakes but no volcanoes" ID="ID_12"/>
</node>
</node>
</map>
"""


def _cards(path: Path) -> list[tuple[str, str, str]]:
    return sorted((note.front, note.back, note.context) for note in generate_deck(path).notes)


def _line(text: str, part: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if part in line)


@pytest.mark.parametrize(
    ("name", "text"), [("plates.opml", OPML), ("plates.mm", FREEPLANE)], ids=["opml", "freeplane"]
)
def test_a_saved_mind_map_gives_the_cards_of_its_markdown_export(
    tmp_path: Path, name: str, text: str
) -> None:
    exported = tmp_path / "plates.md"
    exported.write_text(MARKDOWN, encoding="utf-8")
    saved = tmp_path / name
    saved.write_text(text, encoding="utf-8")
    assert file_kind(saved) is FileKind.NOTES
    deck = generate_deck(saved)
    assert deck.name == "Plate boundaries"
    cards = _cards(saved)
    assert cards, "no cards from the map"
    assert set(_cards(exported)) - set(cards) <= {
        # the Markdown export runs a node's note on into the node's own text
        card
        for card in _cards(exported)
        if "trench" in card[0] + card[1]
    }
    said = " ".join(f"{front} {back} {context}" for front, back, context in cards)
    for markup in ("<", "TEXT", "outline", "styles", "ID_", "defaultstyle", "keyTerm", "GEO-7"):
        assert markup not in said
    for note in deck.notes:  # each card names the line of the file its node is on
        assert note.source is not None and note.source.path.endswith(name)
        line = text.split("\n")[note.source.start - 1]
        assert any(word in line for word in note.back.split() + note.front.split() if len(word) > 3)
    read = " ".join(block.text for block in parse_notes(text, notes_kind(saved, text)).blocks)
    assert "GEO-7" not in read and "projectCode" not in read  # a style's settings are no notes
    ridge = next(note for note in deck.notes if "Mid-Atlantic" in note.front + note.back)
    assert ridge.source.start == _line(text, "Mid-Atlantic Ridge")
    assert ridge.context == "Constructive"  # a node given as rich text heads its points too


@pytest.mark.parametrize(
    ("name", "text"), [("plates.opml", OPML), ("plates.mm", FREEPLANE)], ids=["opml", "freeplane"]
)
def test_a_note_under_a_node_is_carded_under_that_node(
    tmp_path: Path, name: str, text: str
) -> None:
    saved = tmp_path / name
    saved.write_text(text, encoding="utf-8")
    trench = [note for note in generate_deck(saved).notes if "trench" in note.front + note.back]
    assert trench, "the node's note gave no card"
    assert all("Nazca" in note.context for note in trench)
    assert all(note.source.start == _line(text, "Peru-Chile trench") for note in trench)


@pytest.mark.parametrize(
    ("name", "text", "line", "says"),
    [
        (
            "plates.opml",
            OPML.replace("</outline>\n      <outline", "\n      <outline", 1),
            0,
            "XML",
        ),
        ("plates.mm", FREEPLANE.replace("</richcontent>", "</richcontnet>"), 0, "XML"),
        (
            "lol.opml",
            '<?xml version="1.0"?>\n<!DOCTYPE opml [\n <!ENTITY a "aaaaaaaaaa">\n'
            ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
            '<opml><body><outline text="&b;"/></body></opml>\n',
            3,
            "entity",
        ),
        ("page.opml", "<html><body><p>Plate boundaries</p></body></html>\n", None, "<opml>"),
    ],
    ids=["opml-unclosed", "freeplane-mistyped", "entities", "web-page"],
)
def test_a_map_that_is_not_well_formed_gets_one_line_and_no_deck(
    tmp_path: Path, capsys, name: str, text: str, line: int | None, says: str
) -> None:
    from revise.cli import main

    saved = tmp_path / name
    saved.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as refused:
        generate_deck(saved)
    if line == 0:  # where the XML goes wrong: on the line after the missing end tag
        assert refused.value.line and refused.value.line > 1
    else:
        assert refused.value.line == line
    assert says in refused.value.message and "export the map" in refused.value.message
    output = tmp_path / "deck.md"
    assert main(["generate", str(saved), "-o", str(output)]) != 0
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and name in error and "Traceback" not in error
    assert not output.exists()


FREEPLANE_PLAIN_NOTE = """\
<map version="freeplane 1.11.1">
<node TEXT="Rivers" ID="ID_1">
<node TEXT="Erosion" POSITION="bottom_or_right" ID="ID_2">
<node TEXT="hydraulic action" ID="ID_3">
<richcontent CONTENT-TYPE="plain/markdown" TYPE="DETAILS">
    <text>force of the water hitting the banks
Cavitation happens when air bubbles implode at high velocity.</text>
</richcontent>
</node>
<node TEXT="abrasion - rocks carried by the river wear away the bed and banks" ID="ID_4"/>
</node>
</node>
</map>
"""


def test_a_note_kept_as_plain_text_is_read_line_by_line(tmp_path: Path) -> None:
    # Freeplane keeps a Markdown note or a node's details as text, not HTML
    saved = tmp_path / "rivers.mm"
    saved.write_text(FREEPLANE_PLAIN_NOTE, encoding="utf-8")
    cards = [note for note in generate_deck(saved).notes if "implode" in note.front + note.back]
    assert cards, "the note's sentence gave no card"
    assert all(note.source.start == _line(FREEPLANE_PLAIN_NOTE, "Cavitation") for note in cards)
    assert all("force of the water" not in note.front + note.back for note in cards)


OUTLINER = """\
<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head>
    <title>The Cold War 1945-49</title>
  </head>
  <body>
    <outline text="The Truman Doctrine was announced in March 1947" />
    <outline text="Marshall Plan">
      <outline text="the USA gave $13 billion of aid to Western Europe" />
    </outline>
    <outline text="The Berlin Blockade lasted from June 1948 to May 1949" />
  </body>
</opml>
"""


def test_an_outline_with_no_central_topic_is_points_under_its_title(tmp_path: Path) -> None:
    # an outliner's OPML (Workflowy, Dynalist): its top-level points are facts, not headings
    saved = tmp_path / "cold-war.opml"
    saved.write_text(OUTLINER, encoding="utf-8")
    deck = generate_deck(saved)
    assert deck.name == "The Cold War 1945-49"
    carded = " ".join(note.front + " " + note.back for note in deck.notes)
    assert "Truman Doctrine" in carded and "Berlin Blockade" in carded
    assert all("Truman" not in note.context for note in deck.notes)


OLD_FREEMIND = """\
<map version="0.8.1">
<node ID="Freemind_Link_1" TEXT="Volcanoes">
<node ID="Freemind_Link_2" POSITION="right" TEXT="Types">
<node ID="Freemind_Link_3" TEXT="shield volcano">
<hook NAME="accessories/plugins/NodeNote.properties">
<text>Mauna Loa in Hawaii is the largest shield volcano on Earth.</text>
</hook>
</node>
<node ID="Freemind_Link_4" TEXT="composite volcano - layers of ash and lava, steep sides"/>
</node>
</node>
</map>
"""


def test_an_old_freemind_maps_notes_are_read(tmp_path: Path) -> None:
    saved = tmp_path / "volcanoes.mm"
    saved.write_text(OLD_FREEMIND, encoding="utf-8")
    cards = [note for note in generate_deck(saved).notes if "Mauna Loa" in note.front + note.back]
    assert cards, "the note gave no card"
    assert all(note.context == "Types > shield volcano" for note in cards)
    assert all(note.source.start == _line(OLD_FREEMIND, "Mauna Loa") for note in cards)


BRANCH_NOTE = """\
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Causes of WW1</title></head>
  <body>
    <outline text="Causes of WW1">
      <outline text="Long-term causes" \
_note="Germany passed Naval Laws in 1898 and 1900&#10;the Schlieffen Plan was drawn up in 1905">
        <outline text="the naval race began when Britain launched HMS Dreadnought in 1906"/>
      </outline>
    </outline>
  </body>
</opml>
"""


def test_each_line_of_a_branchs_note_is_a_line_of_its_own(tmp_path: Path) -> None:
    # the app shows a note's lines one under another: none runs on into the next
    saved = tmp_path / "ww1.opml"
    saved.write_text(BRANCH_NOTE, encoding="utf-8")
    cards = [f"{note.front} {note.back}" for note in generate_deck(saved).notes]
    assert any("Naval Laws" in card for card in cards)
    assert any("Schlieffen" in card for card in cards)
    assert not any("Naval Laws" in card and "Schlieffen" in card for card in cards)


def test_a_map_deeper_than_python_recurses_is_read_without_a_traceback(tmp_path: Path) -> None:
    depth = 2000
    nodes = "".join(f'<outline text="step {level} of the chain">\n' for level in range(depth))
    saved = tmp_path / "deep.opml"
    saved.write_text(
        f'<opml version="2.0"><body>\n<outline text="Food chains">\n{nodes}'
        + "</outline>\n" * (depth + 1)
        + "</body></opml>\n",
        encoding="utf-8",
    )
    try:
        generate_deck(saved)
    except FormatError as refused:  # (one line saying why, if it gives no card)
        assert "deep.opml" in str(refused)


BARE_BRANCH = """\
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Cafes</title></head>
  <body>
    <outline text="Coffee houses">
      <outline text="Edward Lloyd opened his coffee house in London in 1688"/>
      <outline text="Customers">
        <outline text="merchants and ship owners met there to insure cargoes"/>
      </outline>
    </outline>
  </body>
</opml>
"""


def test_a_main_branch_with_nothing_on_it_is_a_point_not_a_heading(tmp_path: Path) -> None:
    saved = tmp_path / "coffee.opml"
    saved.write_text(BARE_BRANCH, encoding="utf-8")
    lloyd = [note for note in generate_deck(saved).notes if "Lloyd" in note.front + note.back]
    assert lloyd, "the branch's fact gave no card"
    assert all("Customers" not in note.context for note in lloyd)


def test_an_outliners_page_is_carded_without_its_properties(tmp_path: Path) -> None:
    path = tmp_path / "rivers.md"
    path.write_text(
        "title:: Rivers and flooding\ntags:: geography\n\n- Processes of erosion\n"
        "  collapsed:: true\n\t- **hydraulic action**: the force of water breaks rock apart\n"
        "\t  id:: 65b2e3d4-1111-4222-8333-944455556666\n"
        "\t- **abrasion**: rocks carried by the river wear away the bed and banks\n"
        "- See ((65b2e3d4-1111-4222-8333-944455556666))\n"
        "- Floods\n\t- the ^^Boscastle flood^^ happened in August 2004\n",
        encoding="utf-8",
    )
    deck = generate_deck(path)
    assert deck.name == "Rivers and flooding"
    text = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    assert "hydraulic action" in text.casefold() and "abrasion" in text.casefold()
    assert "::" not in text and "collapsed" not in text and "((" not in text and "^^" not in text


def test_a_roam_page_shows_no_block_reference_ids(tmp_path: Path) -> None:
    """Roam's block references ("((Xp09aaQwe))") are ids, in a page with no properties too."""
    path = tmp_path / "family.md"
    path.write_text(
        "- Functionalism\n"
        "    - Parsons said the nuclear family fits industrial society ((Xp09aaQwe))\n"
        "    - Murdock (1949) studied 250 societies\n"
        "- ((d9Fk2LqPa)) KEY DATES\n"
        "    - The Divorce Reform Act 1969 allowed divorce for irretrievable breakdown\n"
        "    - The Civil Partnership Act was passed in 2004\n",
        encoding="utf-8",
    )
    deck = generate_deck(path)
    text = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    assert "1969" in text and "KEY DATES" in text
    assert "((" not in text and "Xp09" not in text and "d9Fk" not in text


def test_a_nodes_own_plus_or_minus_mark_does_not_hang_it_under_the_node_above(
    tmp_path: Path,
) -> None:
    path = tmp_path / "systems.mm"
    path.write_text(
        '<map version="freeplane 1.9.13">\n'
        '<node TEXT="Energy systems" ID="ID_1">\n'
        '<node TEXT="ATP-PC system" POSITION="right" ID="ID_2">\n'
        '<node TEXT="anaerobic, happens in the sarcoplasm" ID="ID_3"/>\n'
        '<node TEXT="lasts approx 8-10 seconds" ID="ID_4"/>\n'
        '<node TEXT="+ very fast, no fatiguing by-products" ID="ID_5"/>\n'
        '<node TEXT="- low ATP yield, PC stores run out quickly" ID="ID_6"/>\n'
        "</node>\n</node>\n</map>\n",
        encoding="utf-8",
    )
    cards = {front: (back, context) for front, back, context in _cards(path)}
    assert cards["How long does ATP-PC system last?"] == ("Approx 8-10 seconds", "ATP-PC system")


def test_an_outliners_fields_are_read_as_labelled_facts(tmp_path: Path) -> None:
    """A block's field (`Date:: 1066`, as Tana, Roam and Logseq write it) is a fact of the notes."""
    path = tmp_path / "normans.md"
    path.write_text(
        "- Battle of Hastings #event\n"
        "    - Date:: 14 October 1066\n"
        "    - Winner:: William of Normandy\n"
        "    - Harold was killed, traditionally by an arrow in the eye\n"
        "- Domesday Book #source\n"
        "    collapsed:: true\n"
        "    - date:: 1086\n"
        "    - purpose:: a survey of land and resources ordered by William for tax\n",
        encoding="utf-8",
    )
    assert file_kind(path) is FileKind.NOTES
    deck = generate_deck(path)
    text = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    assert "William of Normandy" in text and "1086" in text and "survey of land" in text
    assert "::" not in text and "#event" not in text and "#source" not in text
    assert "collapsed" not in text
