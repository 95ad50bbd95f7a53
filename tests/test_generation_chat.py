"""A study group's chat exported or copied as notes: each message read without its time and
speaker, the app's own lines and the chatter round the facts left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from revise.generation import generate_deck
from revise.generation.chats import chat_messages

WHATSAPP = """\
[03/03/2026, 18:40] Tom: \u200eMessages and calls are end-to-end encrypted.
[03/03/2026, 18:41] Tom: chem revision - rates and equilibrium, who's in
[03/03/2026, 18:41] Leah: hiya \U0001f44b can someone explain catalysts again i zoned out
[03/03/2026, 18:43] Tom: activation energy = the minimum energy needed for particles to react
[03/03/2026, 18:43] Tom: a catalyst = a substance that speeds up a reaction without being used up
[03/03/2026, 18:44] Leah: ahh ok thanks
[03/03/2026, 18:45] Leah: <Media omitted>
[03/03/2026, 18:46] Leah: back. is activation energy the same as enthalpy change
[03/03/2026, 18:47] Tom: Le Chatelier's principle - equilibrium shifts to oppose a change
[03/03/2026, 18:48] Leah: what are the ways to measure rate, i only remember the gas syringe lol
[03/03/2026, 18:49] Tom: The Haber process makes ammonia from nitrogen and hydrogen at 450 \u00b0C.
[03/03/2026, 18:49] Leah: \U0001f602\U0001f602
[03/03/2026, 18:50] Tom: This message was deleted
[03/03/2026, 18:51] Leah: gas syringe - measures the volume of gas given off
[03/03/2026, 18:52] Tom: night \U0001f44b
"""
# Android's export writes the same chat as "03/03/2026, 18:40 - Tom: ..."
ANDROID = "\n".join(
    line.replace("[03/03/2026, ", "03/03/2026, ").replace("] ", " - ", 1)
    for line in WHATSAPP.splitlines()
)
DISCORD = """\
Tom \u2014 Today at 18:43
Le Chatelier's principle - equilibrium shifts to oppose a change
The Haber process makes ammonia from nitrogen and hydrogen at 450 \u00b0C.
Leah \u2014 Today at 18:44
ahh ok thanks
back. is activation energy the same as enthalpy change
Tom \u2014 Today at 18:45
gas syringe - measures the volume of gas given off
Leah \u2014 Today at 18:46
lol \U0001f602
"""


def _cards(tmp_path: Path, text: str) -> list[str]:
    """Each card as the student sees it, its heading trail after it."""
    path = tmp_path / "chem-chat.txt"
    path.write_text(text, encoding="utf-8")
    notes = generate_deck(path).notes
    return [f"{note.front} :: {note.back}" for note in notes] + [n.context for n in notes]


@pytest.mark.parametrize("text", [WHATSAPP, ANDROID], ids=["whatsapp", "android"])
def test_a_chat_export_is_carded_from_its_messages_without_time_or_speaker(
    tmp_path: Path, text: str
) -> None:
    cards = _cards(tmp_path, text)
    assert "What is activation energy? :: The minimum energy needed for particles to react" in cards
    assert "What is Le Chatelier's principle? :: Equilibrium shifts to oppose a change" in cards
    assert "What does gas syringe do? :: Measures the volume of gas given off" in cards
    said = " ".join(cards)
    for residue in ("18:4", "Tom:", "Leah", "encrypted", "Media", "deleted", "\U0001f602"):
        assert residue not in said
    # the chatter and the questions to the group give no card
    for chatter in ("zoned out", "thanks", "the same as", "i only remember", "who's in"):
        assert chatter not in said


def test_a_copied_discord_chat_leaves_out_its_speaker_lines_and_chatter(tmp_path: Path) -> None:
    cards = _cards(tmp_path, DISCORD)
    assert "What does gas syringe do? :: Measures the volume of gas given off" in cards
    said = " ".join(cards)
    for residue in ("Today at", "Leah", "ahh ok", "the same as"):
        assert residue not in said


def test_each_message_keeps_its_line() -> None:
    lines = WHATSAPP.splitlines()
    kept = chat_messages(lines)
    assert kept is not None and len(kept) == len(lines)
    assert kept[3] == "- activation energy = the minimum energy needed for particles to react"
    assert kept[0] == kept[5] == kept[6] == kept[11] == ""  # the app's own lines, thanks, emoji


def test_the_apps_notices_give_no_line_but_a_fact_said_in_their_words_stays() -> None:
    lines = [
        '03/03/2026, 18:30 - Tom created group "chem"',
        "03/03/2026, 18:31 - Tom added Leah",
        "03/03/2026, 18:32 - Leah: sodium hydroxide is added to the acid until it is neutral",
        "03/03/2026, 18:32 - Tom: ok thanks",
        "03/03/2026, 18:33 - Tom: the indicator changes colour at the end point",
        "03/03/2026, 18:33 - Leah left",
    ]
    assert chat_messages(lines) == [
        "",
        "",
        "- sodium hydroxide is added to the acid until it is neutral",
        "",
        "- the indicator changes colour at the end point",
        "",
    ]


def test_values_at_the_ends_of_lines_are_no_speakers() -> None:
    notes = [
        "pH of some liquids",
        "lemon juice 2.20",
        "blood 7.40",
        "sea water 8.10",
        "bleach 12.60",
    ]
    assert chat_messages(notes) is None


def test_a_timeline_of_times_is_no_chat() -> None:
    notes = [
        "28/06/1914, 09:50 - the Archduke arrives in Sarajevo by train",
        "28/06/1914, 10:10 - a bomb is thrown at the car and injures two officers",
        "28/06/1914, 10:45 - the driver takes a wrong turn into Franz Josef Street",
    ]
    assert chat_messages(notes) is None


def test_notes_with_a_few_times_in_them_are_no_chat() -> None:
    notes = [
        "Timeline of the Cuban Missile Crisis",
        "16 Oct 1962 - Kennedy is shown the photographs",
        "[13:00] Kennedy: we will not be the first to back down",
        "22 Oct - Kennedy announces a naval quarantine",
        "28 Oct - Khrushchev agrees to remove the missiles",
        "Missiles in Turkey removed secretly in 1963",
    ]
    assert chat_messages(notes) is None
