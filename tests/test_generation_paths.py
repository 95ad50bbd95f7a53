"""A spider diagram typed up one path a line (`Topic -> branch -> leaf`) read as its outline."""

from __future__ import annotations

from pathlib import Path

from revise.generation import generate_deck
from revise.generation.document import BlockKind
from revise.generation.plaintext import parse_plain_text
from tests.generated_notes import deck_notes

COLD_WAR_MAP = (
    "Cold War spider diagram\n\n"
    "Cold War -> causes -> ideology -> the USA was capitalist and the USSR was communist\n"
    "Cold War -> causes -> ideology -> Stalin wanted a buffer zone of friendly states in Eastern"
    " Europe\n"
    "Cold War -> causes -> conferences -> Yalta (February 1945) agreed to divide Germany into four"
    " zones\n"
    "Cold War -> causes -> conferences -> Potsdam (July 1945) was tense because Truman distrusted"
    " Stalin\n"
    "Cold War -> crises -> Berlin Blockade -> Stalin cut off road and rail links to West Berlin in"
    " June 1948\n"
    "Cold War -> crises -> Berlin Blockade -> the Allies flew in supplies in the Berlin Airlift\n"
    "Cold War -> crises -> Cuban Missile Crisis -> Kennedy ordered a naval blockade of Cuba in"
    " October 1962\n"
    "Cold War -> crises -> Cuban Missile Crisis -> Khrushchev agreed to remove the missiles\n"
)


def test_paths_of_a_spider_diagram_card_each_leaf_under_its_branches(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, COLD_WAR_MAP)
    cards = {(note.front, note.back): (note.context, note.source.start) for note in notes}
    # The steps the paths share are the card's context, never part of its prompt or its answer
    # ("Cold War -> crises -> [Cuban Missile Crisis] -> Khrushchev agreed ...").
    assert cards[("Who agreed to remove the missiles?", "Khrushchev")] == (
        "Cold War > crises > Cuban Missile Crisis",
        10,
    )
    assert cards[("When did Kennedy order a naval blockade of Cuba?", "October 1962")] == (
        "Cold War > crises > Cuban Missile Crisis",
        9,
    )
    assert cards[("The Allies flew in supplies in the [Berlin Airlift]", "")] == (
        "Cold War > crises > Berlin Blockade",
        8,
    )
    assert cards[("Who wanted a buffer zone of friendly states in Eastern Europe?", "Stalin")] == (
        "Cold War > causes > ideology",
        4,
    )
    assert not any("->" in note.front or "->" in note.back for note in notes)


def test_paths_in_one_paragraph_of_prose_notes_head_their_own_points(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "RIVERS\n\n"
        "The long profile of a river shows how its gradient changes from source to mouth.\n"
        "In the upper course the valley is steep and V-shaped, with interlocking spurs.\n"
        "In the lower course the river meanders across a wide, flat floodplain.\n"
        "Deforestation -> less interception -> shorter lag time and a higher peak discharge.\n\n"
        "Rivers > erosion > hydraulic action is the force of water breaking rock apart\n"
        "Rivers > erosion > abrasion happens when the load scrapes the bed and banks\n"
        "Rivers > transport > traction rolls large boulders along the bed\n"
        "Rivers > transport > suspension carries fine particles in the flow\n",
    )
    cards = {(note.front, note.back): note.context for note in notes}
    assert cards[("What is hydraulic action?", "The force of water breaking rock apart")] == (
        "Rivers > erosion"
    )
    assert cards[("What does suspension carry?", "Fine particles in the flow")] == (
        "Rivers > transport"
    )


def test_a_path_that_others_go_on_from_heads_them() -> None:
    document = parse_plain_text(
        "Genetics -> candidate genes -> COMT gene -> regulates the production of dopamine\n"
        "Genetics -> candidate genes -> COMT gene -> one variant -> higher levels of dopamine\n"
        "Genetics -> candidate genes -> SERT gene (5-HTT) -> affects the transport of serotonin\n"
        "Genetics -> candidate genes -> SERT gene -> mutation -> lower levels of serotonin\n"
        "Genetics -> polygenic\n"
        "Genetics -> polygenic -> up to 230 genes may be involved\n"
    )
    read = [(block.kind, block.level, block.text, block.start) for block in document.blocks]
    assert read == [
        (BlockKind.HEADING, 1, "Genetics", 1),
        (BlockKind.HEADING, 2, "candidate genes", 1),
        (BlockKind.HEADING, 3, "COMT gene", 1),
        (BlockKind.ITEM, 0, "regulates the production of dopamine", 1),
        # (an arrow past the shared steps is the point's own: what the variant leads to)
        (BlockKind.ITEM, 0, "one variant -> higher levels of dopamine", 2),
        # ("SERT gene (5-HTT)" and "SERT gene": one branch, glossed where it first opens)
        (BlockKind.HEADING, 3, "SERT gene (5-HTT)", 3),
        (BlockKind.ITEM, 0, "affects the transport of serotonin", 3),
        (BlockKind.ITEM, 0, "mutation -> lower levels of serotonin", 4),
        (BlockKind.HEADING, 2, "polygenic", 5),
        (BlockKind.ITEM, 0, "up to 230 genes may be involved", 6),
    ]


def test_arrows_that_are_no_paths_stay_in_their_sentences() -> None:
    # Cause chains, reactions and a one-off arrow do not open on a step that others share.
    text = (
        "Inflation\n\n"
        "rising prices -> lower real incomes -> lower demand\n"
        "higher interest rates -> less borrowing -> less spending\n"
        "N2 + 3H2 -> 2NH3 in the Haber process\n"
        "a weak pound -> exports are cheaper abroad\n"
    )
    texts = [block.text for block in parse_plain_text(text).blocks]
    assert "rising prices -> lower real incomes -> lower demand" in texts
    assert "higher interest rates -> less borrowing -> less spending" in texts
    assert "N2 + 3H2 -> 2NH3 in the Haber process" in texts
    assert all(
        block.kind is not BlockKind.HEADING or block.text in ("", "Inflation")
        for block in parse_plain_text(text).blocks
    )


def test_paths_typed_in_a_markdown_note_read_as_its_outline(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Cold War\n\n"
        + COLD_WAR_MAP.split("\n\n", 1)[1].replace(
            "Cuban Missile Crisis", "**Cuban Missile Crisis**"
        ),
        "notes.md",
    )
    cards = {(note.front, note.back): (note.context, note.source.start) for note in notes}
    # (each line a point of its own, never one paragraph of paths run together)
    assert cards[("Who agreed to remove the missiles?", "Khrushchev")] == (
        "Cold War > crises > Cuban Missile Crisis",
        10,
    )
    assert cards[("The Allies flew in supplies in the [Berlin Airlift]", "")] == (
        "Cold War > crises > Berlin Blockade",
        8,
    )
    assert not any("->" in note.front or "**" in note.front for note in notes)


def test_the_line_above_the_paths_titles_the_map_and_is_no_card(tmp_path: Path) -> None:
    title = "Cold War spider diagram (copied from the A3 one in my exercise book)"
    path = tmp_path / "notes.txt"
    path.write_text(title + COLD_WAR_MAP.removeprefix("Cold War spider diagram"), "utf-8")
    deck = generate_deck(path)
    assert deck.name == title
    assert not [note.front for note in deck.notes if note.source.start == 1]
    assert ("Who agreed to remove the missiles?", "Khrushchev") in {
        (note.front, note.back) for note in deck.notes
    }
