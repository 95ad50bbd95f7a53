"""What people wanted, refused, agreed to and expected, asked so each prompt has one answer."""

from __future__ import annotations

from pathlib import Path

from tests.generated_notes import deck_notes

UNIFICATION = (
    "German unification 1866-71\n"
    "- Bismarck's plan for war with France\n"
    "  - Bismarck needed the southern German states to fight alongside Prussia\n"
    "  - Britain refused to send troops but agreed to stay neutral in the war\n"
    "- At the peace talks in 1871, the new German Empire agreed to:\n"
    "  - A large payment from France - including the cost of the occupation\n"
    "  - Take Alsace and Lorraine from France\n"
    "  - Hold the victory parade in Paris\n"
    "- The Paris Commune\n"
    "  - Forced Thiers to leave Paris - Thiers expected the army to retake the city quickly\n"
)


def _cards(tmp_path: Path) -> dict[str, str]:
    return {note.front: note.back for note in deck_notes(tmp_path, UNIFICATION, "notes.txt")}


def test_what_one_side_needed_another_to_do_is_asked_whole(tmp_path: Path) -> None:
    cards = _cards(tmp_path)
    asked = "What did Bismarck need the southern German states to do?"
    assert cards.get(asked) == "Fight alongside Prussia"
    assert not any("[Prussia]" in front for front in cards)


def test_a_refusal_then_what_was_agreed_is_one_card_of_the_contrast(tmp_path: Path) -> None:
    cards = _cards(tmp_path)
    asked = "Although Britain refused to send troops, what did Britain agree to do?"
    assert cards.get(asked) == "Stay neutral in the war"
    # neither deed is asked alone, where "What did Britain agree to do?" has other answers
    assert "What did Britain refuse to do?" not in cards
    assert "What did Britain agree to do?" not in cards


def test_one_thing_agreed_to_among_several_is_asked_by_what_it_included(
    tmp_path: Path,
) -> None:
    cards = _cards(tmp_path)
    asked = (
        "At the peace talks in 1871, the new German Empire agreed to a large payment from "
        "France. What did it include?"
    )
    assert cards.get(asked) == "The cost of the occupation"
    assert "At the peace talks in 1871, what did the new German Empire agree to?" not in cards


def test_what_was_done_to_someone_sets_the_scene_for_what_they_expected(
    tmp_path: Path,
) -> None:
    cards = _cards(tmp_path)
    asked = "Forced to leave Paris, what did Thiers expect?"
    assert cards.get(asked) == "The army to retake the city quickly"


BERLIN = (
    "Khrushchev and Berlin 1958-61\n"
    "- Khrushchev's problem\n"
    "  - After 1949 - the West kept control of West Berlin, which was a constant worry to"
    " Khrushchev for 2 reasons\n"
    "    - He feared that West Berlin could be used as a base for Western spies and radio"
    " stations aimed at East Germany\n"
    "    - Skilled workers escaped to the West through the city\n"
)


def test_a_reason_opening_on_he_is_asked_of_the_one_person_its_lead_names(
    tmp_path: Path,
) -> None:
    notes = deck_notes(tmp_path, BERLIN, "notes.txt")
    cards = {note.front: (note.back, note.context) for note in notes}
    asked = "What did Khrushchev fear West Berlin could be used as?"
    assert asked in cards
    answer, context = cards[asked]
    assert answer == "A base for Western spies and radio stations aimed at East Germany"
    # the lead's announcing clause is the context, said of what it hangs on
    assert context.endswith("West Berlin was a constant worry to Khrushchev for 2 reasons")


def test_a_dated_visit_named_inside_a_sentence_is_asked_when_with_what_it_timed(
    tmp_path: Path,
) -> None:
    text = (
        "China and the USA 1949-79\n\n"
        "Contacts between the two countries went through three phases. In the second phase "
        "(1971-78), especially after Nixon's visit to Beijing in February 1972, trade between "
        "the USA and China grew quickly.\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    # which visit: the one the sentence times its fact by
    asked = (
        "When did Nixon visit Beijing, after which trade between the USA and China grew quickly?"
    )
    assert cards.get(asked) == "February 1972"
    assert "When did Nixon visit Beijing?" not in cards
    # the sentence's own fact is still asked beside it
    assert (
        cards.get("In the second phase (1971-78), how did trade between the USA and China change?")
        == "Grew quickly"
    )


def test_what_took_on_a_role_at_a_time_is_asked_not_the_time(tmp_path: Path) -> None:
    text = (
        "The world economy since 1945\n\nEconomic troubles\n\n"
        "In the 1970s, the price of oil became a major worry for Western governments. "
        "In 1979, Margaret Thatcher became the first woman to lead Britain.\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    asked = "What became a major worry for Western governments in the 1970s?"
    assert cards.get(asked) == "The price of oil"
    # a person who became something is no "What became ...?"
    assert not any(front.startswith("What became the first woman") for front in cards)


def test_what_took_on_a_role_its_heading_names_is_asked_when(tmp_path: Path) -> None:
    text = (
        "The world economy since 1945\n\nNuclear Power and Public Opinion\n\n"
        "In the 1980s, the safety of nuclear reactors became a political issue across Europe.\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    # "Nuclear Power" over the card would give "the safety of nuclear reactors" away
    asked = "When did the safety of nuclear reactors become a political issue across Europe?"
    assert cards.get(asked) == "the 1980s"
    assert not any(front.startswith("What became") for front in cards)


def test_of_a_stance_held_two_ways_the_side_set_against_is_asked(tmp_path: Path) -> None:
    text = (
        "The Cold War 1945-62\n\nSoviet policy\n\n"
        "The USSR tried to expand its influence in Europe, supporting communist parties while "
        "avoiding a direct war with the USA.\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    asked = "While supporting communist parties, what did the USSR avoid?"
    assert cards.get(asked) == "A direct war with the USA"
    assert not any("[USSR]" in front for front in cards)


def test_a_second_deed_after_a_dated_one_is_asked_beside_its_date(tmp_path: Path) -> None:
    text = (
        "France and Britain 1900-14\n\n"
        "In April 1904, the French foreign minister Theophile Delcasse visited London and "
        'signed a "settlement of colonial disputes" and an agreement on Egypt and Morocco.\n'
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    assert cards.get("When did the French foreign minister Theophile Delcasse visit London?") == (
        "April 1904"
    )
    asked = (
        "What did the French foreign minister Theophile Delcasse sign when visiting London in "
        "April 1904?"
    )
    assert cards.get(asked) == (
        'A "settlement of colonial disputes"; an agreement on Egypt and Morocco'
    )


def test_who_set_out_to_act_is_asked_where_the_heading_says_what_was_done(
    tmp_path: Path,
) -> None:
    text = (
        "The Cuban Missile Crisis 1962\n"
        "- Blockade of Cuba\n"
        "  - The USA\n"
        "    - Kennedy moved quickly to blockade Cuba\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    assert cards.get("Who moved quickly to blockade Cuba?") == "Kennedy"
    assert "What did Kennedy move quickly to do?" not in cards


def test_a_verdict_on_the_event_a_section_names_asks_why(tmp_path: Path) -> None:
    text = (
        "The Crimean War\n"
        "- The siege of Sevastopol 1854-55\n"
        "  - British and French troops took the city after eleven months\n"
        "  - Partial success for Britain - the Russian fleet in the Black Sea was destroyed - "
        "but the army had lost thousands of men to disease\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    asked = "Why was the siege of Sevastopol a partial success for Britain?"
    assert cards.get(asked) == (
        "The Russian fleet in the Black Sea was destroyed; the army had lost thousands of men "
        "to disease"
    )


def test_a_reason_that_runs_to_a_conclusion_keeps_the_conclusion(tmp_path: Path) -> None:
    text = (
        "The outbreak of war 1914\n"
        "- Italy's choice\n"
        "  - Italy refused to join its allies - as Austria had attacked first - the Triple "
        "Alliance was only defensive - so its terms did not bind Italy\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    assert cards.get("Why did Italy refuse to join its allies?") == (
        "Austria had attacked first; the Triple Alliance was only defensive; so its terms did "
        "not bind Italy"
    )


def test_an_acronym_opening_a_name_keeps_its_capitals_in_a_question(tmp_path: Path) -> None:
    text = (
        "Containment 1947\n\n"
        "In June 1947, US Secretary of State George Marshall visited Harvard and announced a "
        "plan of aid for Europe.\n"
    )
    cards = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    asked = (
        "What did US Secretary of State George Marshall announce when visiting Harvard in "
        "June 1947?"
    )
    assert cards.get(asked) == "A plan of aid for Europe"
    assert not any(" us " in f" {front} " for front in cards)
