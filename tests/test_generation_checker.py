"""The CARDS.md checker catches each kind of weak card, and passes good ones."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
from revise.generation import generate_deck
from revise.generation.checker import check_deck

NOTES = """Korea notes
Stalin's priorities in the run up to the Korean War
In 1896, Russia established a legation in Seoul.
In December 1954 the US and Taiwan signed a Mutual Defence Treaty.
Japan's victory resulted in the Treaty of Portsmouth.
During the first period (1953-56) the Soviet Union helped. In the second period (1957-60) it cooled.
In the third period (1961-64) China helped. In the fourth period (1965-72) the USSR helped.
Mongabay on Facebook | Twitter | Subscribe
He was the leader of the North's communist party, Kim Il-Sung, from 1948.
"""
PATH = "notes/korea.txt"
ROOT = Path(__file__).resolve().parents[1]
# A long filler source so that yield stays in range for decks of a few cards.
FILLER = " ".join(["The Korean Peninsula was divided along the 38th parallel."] * 30)
SOURCES = {PATH: NOTES + FILLER + "\n"}


def cloze(front: str, line: int, context: str = "Korea", end: int | None = None) -> NoteData:
    return NoteData(
        NoteKind.CLOZE, front, context=context, source=SourceRef(PATH, line, end or line)
    )


def basic(front: str, back: str, line: int, context: str = "Korea") -> NoteData:
    return NoteData(
        NoteKind.BASIC, front, back, context=context, source=SourceRef(PATH, line, line)
    )


GOOD = [
    basic("When did Russia establish a legation in Seoul?", "1896", 3, "Tsarist era"),
    cloze("In December 1954 the US and Taiwan signed a [Mutual Defence Treaty].", 4, "Taiwan"),
    cloze("Japan's victory resulted in the [Treaty of Portsmouth].", 5, "Russo-Japanese War"),
    cloze("The Korean Peninsula was divided along the [38th] parallel.", 10, "Division"),
]


def checks(*notes: NoteData, name: str = "Korean history", good: bool = True) -> set[int]:
    deck = DeckData(name, [*(GOOD if good else []), *notes], source=PATH)
    return {finding.check for finding in check_deck(deck, SOURCES)}


def test_good_cards_pass() -> None:
    assert checks() == set()


def test_1_traceable() -> None:
    assert checks(NoteData(NoteKind.CLOZE, "Russia opened a [legation].", context="x")) == {1}
    assert checks(cloze("In [1897], Russia established a legation in Seoul.", 3)) == {1}
    assert checks(cloze("Stalin feared the [Korean War].", 300)) == {1}


def test_2_short_answer() -> None:
    long_cloze = cloze("Japan's victory [resulted in the Treaty of Portsmouth].", 5)
    assert 2 in checks(long_cloze)
    long_answer = basic(
        "What happened in the first two periods?",
        "During the first period (1953-56) the Soviet Union helped. In the second period",
        6,
    )
    assert 2 in checks(long_answer)


def test_2_a_definition_is_answered_whole_up_to_a_sentence() -> None:
    path = "notes/physics.md"
    notes = (
        "# Thermal physics\n\nSpecific heat capacity (c)\n"
        ": energy needed to raise the temperature of 1 kg of a substance by 1 K.\n\n"
        "- water: heated in a kettle it boils at 100 degrees and the steam that leaves carries "
        "energy away\n"
    )

    def answer_checks(front: str, back: str, line: int, end: int) -> set[int]:
        note = NoteData(NoteKind.BASIC, front, back, source=SourceRef(path, line, end))
        deck = DeckData("Thermal physics", [note], source=path)
        return {finding.check for finding in check_deck(deck, {path: notes})}

    defined = "Energy needed to raise the temperature of 1 kg of a substance by 1 K"
    assert 2 not in answer_checks("What is specific heat capacity (c)?", defined, 3, 4)
    told = "Heated in a kettle it boils at 100 degrees and the steam that leaves carries energy"
    assert 2 in answer_checks("What is water?", told, 6, 6)  # (a remark, no meaning)


def test_3_short_prompt_allows_a_few_long_ones() -> None:
    long_front = " ".join(["word"] * 32) + " [Treaty of Portsmouth]."
    other_front = " ".join(["other"] * 32) + " [Treaty of Portsmouth]."
    assert 3 in checks(cloze(long_front, 5), cloze(other_front, 5), good=False)
    assert 3 not in checks(cloze(long_front, 5))  # one long prompt among a few short ones


def test_4_meaningful_target() -> None:
    assert 4 in checks(cloze("Japan's victory resulted in [the] Treaty of Portsmouth.", 5))
    assert 4 in checks(cloze("Japan's victory resulted in the Treaty of Ports[mouth].", 5))
    assert 4 in checks(cloze("Japan's victory [resulted] in the Treaty of Portsmouth.", 5))


def test_5_no_leak_and_no_topic_word() -> None:
    leak = cloze("In [1896], Russia established a legation in Seoul in 1896.", 3)
    assert 5 in checks(leak)
    in_context = cloze("In 1896, [Russia] established a legation in Seoul.", 3, "Russia")
    assert 5 in checks(in_context)
    topic = cloze("In 1896, [Russia] established a legation in Seoul.", 3, "Tsarist era")
    assert 5 in checks(topic, name="Russia and Korea")


def test_5_an_answer_the_title_names_in_another_form_is_given_away() -> None:
    """Notes titled "The consolidation of the Tudor monarchy": "Consolidated" is the title
    told again; "Base" in notes on acids and bases is a thing of the topic, which may be asked."""
    notes = (
        "The consolidation of the Tudor monarchy\n"
        "Although Henry VII faced rebellions - the victory consolidated the Tudor monarchy\n"
        "Base = proton acceptor\n"
    )
    path = "notes/tudors.txt"

    def five(note: NoteData, name: str) -> bool:
        deck = DeckData(name, [note], source=path)
        return 5 in {finding.check for finding in check_deck(deck, {path: notes})}

    front = "Although Henry VII faced rebellions, what did the victory do to the Tudor monarchy?"
    deed = NoteData(NoteKind.BASIC, front, "Consolidated", source=SourceRef(path, 2, 2))
    assert five(deed, "The consolidation of the Tudor monarchy")
    assert not five(deed, "Henry VII")
    base = NoteData(NoteKind.CLOZE, "[Base] = proton acceptor", source=SourceRef(path, 3, 3))
    assert not five(base, "Acids and bases")


def test_5_a_date_shown_in_another_spelling_is_given_away() -> None:
    notes = (
        "France 1789-1815\n"
        "TERROR (1793-94) - Committee of Public Safety, approx 17 000 executed\n"
        "Aug 1792 -> monarchy overthrown, Louis XVI imprisoned (Aug)\n"
        "9 Thermidor 27 July 1794 -> Robespierre arrested; 28 July guillotined\n"
    )
    path = "notes/france.txt"

    def five(front: str, line: int, context: str) -> bool:
        note = NoteData(NoteKind.CLOZE, front, context=context, source=SourceRef(path, line, line))
        deck = DeckData("Revision", [note], source=path)
        return 5 in {finding.check for finding in check_deck(deck, {path: notes})}

    terror = "TERROR ([1793-94]) - Committee of Public Safety, approx 17 000 executed"
    assert five(terror, 2, "Revolution 1793-1794")  # the heading's years, written out
    assert not five(terror, 2, "Revolution")
    # the month alone in brackets restates it; another day of the same month does not
    assert five("[Aug 1792] -> monarchy overthrown, Louis XVI imprisoned (Aug)", 3, "Revolution")
    assert not five(
        "9 Thermidor [27 July 1794] -> Robespierre arrested; 28 July guillotined", 4, "Revolution"
    )


def test_5_an_abbreviation_beside_its_expansion_is_given_away() -> None:
    notes = (
        "Monetary policy\n"
        "The Monetary Policy Committee (MPC) meets eight times a year.\n"
        "Pregnancy tests detect hCG (human chorionic gonadotrophin) in urine.\n"
        "Patients can dialyse at home = CAPD (continuous ambulatory PD)\n"
    )
    path = "notes/economics.txt"

    def five(front: str, line: int, context: str = "Monetary policy") -> bool:
        note = NoteData(NoteKind.CLOZE, front, context=context, source=SourceRef(path, line, line))
        deck = DeckData("Revision", [note], source=path)
        return 5 in {finding.check for finding in check_deck(deck, {path: notes})}

    line = "The Monetary Policy Committee (MPC) meets eight times a year."
    assert five(line.replace("Monetary Policy Committee", "[Monetary Policy Committee]"), 2)
    assert five(
        line.replace("Monetary Policy Committee (MPC)", "[Monetary Policy Committee (MPC)]"),
        2,
        "MPC",
    )
    assert five("Pregnancy tests detect [hCG] (human chorionic gonadotrophin) in urine.", 3)
    # An expansion that keeps an abbreviation of its own still spells the letters out.
    assert five("Patients can dialyse at home = [CAPD] (continuous ambulatory PD)", 4)
    # Another deletion of the same lines gives nothing away.
    assert not five(line.replace("eight", "[eight]"), 2, "MPC")
    assert not five(
        line.replace("Monetary Policy Committee (MPC)", "[Monetary Policy Committee (MPC)]"), 2
    )


def test_5_a_word_of_the_answer_written_again_on_the_card_gives_it_away() -> None:
    notes = (
        "June 1940 -> France surrendered, armistice signed at Compiegne (June)\n"
        "Convex lens: thicker in the middle, the lens is used to correct long sight\n"
        "Blood leaves in the pulmonary artery and returns in the pulmonary vein\n"
    )
    path = "notes/mixed.txt"

    def five(front: str, line: int) -> bool:
        note = NoteData(NoteKind.CLOZE, front, context="Notes", source=SourceRef(path, line, line))
        deck = DeckData("Revision", [note], source=path)
        return 5 in {finding.check for finding in check_deck(deck, {path: notes})}

    assert five("[June 1940] -> France surrendered, armistice signed at Compiegne (June)", 1)
    assert five("[Convex lens]: thicker in the middle, the lens is used to correct long sight", 2)
    assert not five("June 1940 -> France surrendered, armistice signed at [Compiegne] (June)", 1)
    kept = "Convex lens: thicker in the middle, the lens is used to correct [long] sight"
    assert not five(kept, 2)
    # The same word naming another thing gives nothing away.
    assert not five("Blood leaves in the [pulmonary artery] and returns in the pulmonary vein", 3)


def test_5_a_total_beside_its_parts_is_given_away() -> None:
    notes = "The school raised 1,250 pounds in 2023 (800 from the fair + 450 from donations).\n"
    path = "notes/fair.txt"

    def five(front: str) -> bool:
        note = NoteData(NoteKind.CLOZE, front, context="Funds", source=SourceRef(path, 1, 1))
        deck = DeckData("Revision", [note], source=path)
        return 5 in {finding.check for finding in check_deck(deck, {path: notes})}

    line = "The school raised 1,250 pounds in 2023 (800 from the fair + 450 from donations)."
    assert five(line.replace("1,250", "[1,250]"))
    assert five(line.replace("800", "[800]"))
    assert not five(line.replace("2023", "[2023]"))


def test_5_a_unit_beside_its_symbol_is_given_away() -> None:
    notes = "Power is measured in watts: 1 W = 1 J s-1\nPower is measured in watts.\n"
    path = "notes/power.txt"

    def five(front: str, line: int) -> bool:
        note = NoteData(NoteKind.CLOZE, front, context="Power", source=SourceRef(path, line, line))
        deck = DeckData("Revision", [note], source=path)
        return 5 in {finding.check for finding in check_deck(deck, {path: notes})}

    assert five("Power is measured in [watts]: 1 W = 1 J s-1", 1)
    assert not five("Power is measured in [watts].", 2)


def test_6_atomic_and_no_sibling_runs() -> None:
    assert 6 in checks(cloze("In [1896], [Russia] established a legation in Seoul.", 3))
    run = [
        cloze("During the [first] period (1953-56) the Soviet Union helped.", 6, "Phases"),
        cloze("In the [second] period (1957-60) it cooled.", 6, "Phases"),
        cloze("In the [third] period (1961-64) China helped.", 7, "Phases"),
        cloze("In the [fourth] period (1965-72) the USSR helped.", 7, "Phases"),
    ]
    assert 6 in checks(*run)


def test_7_duplicates_and_interference() -> None:
    again = basic("When did Russia establish a legation in Seoul?", "1896", 3, "Tsarist era")
    assert 7 in checks(again)
    as_cloze = cloze("In [1896], Russia established a legation in Seoul.", 3, "Tsarist era")
    assert 7 in checks(as_cloze)
    same_answer = [
        cloze("The Korean Peninsula was divided along the [38th] parallel.", 10, f"Part {n}")
        for n in range(3)
    ]
    assert 7 in checks(*same_answer)


def test_8_no_boilerplate_or_markup() -> None:
    assert 8 in checks(cloze("Mongabay on [Facebook] | Twitter | Subscribe", 8))
    assert 8 in checks(cloze("Japan's victory resulted in the **[Treaty of Portsmouth]**.", 5))
    assert 8 in checks(cloze("## Japan's victory resulted in the [Treaty of Portsmouth].", 5))


def test_9_context_cue_and_no_yes_no_questions() -> None:
    pronoun = cloze("He was the leader of the North's communist party, [Kim Il-Sung].", 9, "")
    assert 9 in checks(pronoun)
    assert 9 not in checks(cloze(pronoun.front, 9, "North Korea > Leaders"))
    assert 9 in checks(basic("Did Russia establish a legation in Seoul?", "1896", 3))


def test_9_an_answer_naming_a_thing_only_as_new_does_not_say_which() -> None:
    """ "What was the war the first test of? :: The new alliance": which alliance?"""
    vague = basic("What was Stalin's first priority in Korea?", "The new alliance", 2)
    assert 9 in checks(vague)
    assert 9 not in checks(basic("What did Russia establish in Seoul in 1896?", "Legation", 3))


def test_10_yield() -> None:
    sources = {PATH: NOTES}
    many = [
        cloze(f"In [1896], Russia established legation {n} in Seoul.", 3, f"C{n}")
        for n in range(40)
    ]
    deck = DeckData("Korean history", many, source=PATH)
    assert 10 in {finding.check for finding in check_deck(deck, sources)}
    none = DeckData("Korean history", [], source=PATH)
    assert 10 in {finding.check for finding in check_deck(none, SOURCES)}


# The labelled set -------------------------------------------------------------------------------


def test_labelled_set_is_large_varied_and_labelled_with_reasons() -> None:
    from tests.labelled_cards import VERDICTS, read_labels

    cards = read_labels()
    assert len(cards) >= 300
    assert len({card.notes for card in cards}) >= 6
    assert all(card.label in VERDICTS and card.reason.strip() for card in cards)
    assert all((ROOT / card.notes).is_file() for card in cards)
    assert {card.label for card in cards} == set(VERDICTS)


def test_checker_flags_the_junk_and_spares_the_good_of_the_labelled_set() -> None:
    from tests.labelled_cards import score_checker

    scores, _ = score_checker()
    assert scores.junk_recall >= 0.80, scores
    assert scores.good_flag_rate <= 0.10, scores


# What must never come out: one minimal example each, beside a card that passes -----------------

TOPIC = "notes.md"


def flags(notes: str, *cards: NoteData) -> set[int]:
    """The checks that flag the given cards, drafted from `notes` (their source file)."""
    deck = DeckData("Notes", list(cards), source=TOPIC)
    findings = check_deck(deck, {TOPIC: notes})
    return {finding.check for finding in findings if finding.index is not None}


def card(
    front: str, line: int = 1, context: str = "Offers", back: str = "", end: int = 0
) -> NoteData:
    kind = NoteKind.BASIC if back else NoteKind.CLOZE
    return NoteData(kind, front, back, context=context, source=SourceRef(TOPIC, line, end or line))


def test_a_cloze_opening_on_a_number_after_a_comma_is_cut_from_a_list() -> None:
    notes = "Tariffs: 10% (steel, aluminium), 25% (cars, vans), 5% (everything else)\n"
    tail = card("[25]% (cars, vans), 5% (everything else)", 1)
    assert 11 in flags(notes, tail)
    assert 11 not in flags(notes, card("Tariffs: 10% (steel, aluminium), [25]% (cars, vans)", 1))


def test_a_deletion_cut_at_an_abbreviations_full_stop_hides_half_a_term() -> None:
    notes = "Symphony No. 9 (1824) -> first symphony with a choir, Beethoven's last\n"
    assert 4 in flags(notes, card("[Symphony No]. 9 (1824) -> first symphony with a choir", 1))
    assert 4 not in flags(notes, card("Symphony No. 9 ([1824]) -> first symphony with a choir", 1))


def test_a_phrase_split_off_the_sentence_before_it_is_a_fragment() -> None:
    notes = "RPI = the older index, includes mortgage interest. Treasury's main index until 2003.\n"
    split = card("Treasury's main index until [2003].", 1)
    assert 11 in flags(notes, split)
    whole = card("RPI = the older index, includes [mortgage interest].", 1)
    assert 11 not in flags(notes, whole)


def test_a_line_that_stops_on_which_or_the_is_a_fragment() -> None:
    notes = (
        "The claimant must show a duty of care which\n"
        "    a) was owed to them\n"
        "The claimant must show a duty of care owed to them.\n"
    )
    assert 11 in flags(notes, card("The claimant must show a [duty of care] which", 1))
    assert 11 not in flags(notes, card("The claimant must show a [duty of care] owed to them.", 3))


def test_a_sentence_split_at_an_abbreviation_is_a_fragment() -> None:
    notes = "Textbook refs are to McKendrick ch. 3 unless I say otherwise.\n"
    assert 11 in flags(notes, card("Textbook refs are to [McKendrick] ch."))
    reg = "Regulation 2002 reg. 11 says an order and its acknowledgement are received on access.\n"
    assert 11 in flags(
        reg, card("11 says an order and its [acknowledgement] are received on access.")
    )
    parties = "Carlill v. Carbolic Smoke Ball Co was decided in 1893.\n"
    assert 11 in flags(parties, card("[Carlill] v."))
    assert flags(parties, card("Carlill v. Carbolic Smoke Ball Co was decided in [1893].")) == set()


def test_two_list_items_merged_into_one_card_is_a_fragment() -> None:
    notes = "- passed by Congress in July 1864\n- required half the white men to swear loyalty\n"
    merged = card(
        "Passed by Congress in [July 1864] - required half the white men to swear loyalty", 1, end=2
    )
    assert 11 in flags(notes, merged)
    nested = "- Senate trial in 1868\n  - acquitted by one vote: 35 guilty to 19 not guilty\n"
    parent_and_child = card(
        "Senate trial in 1868 - acquitted by one vote: [35] guilty to 19 not guilty", 1, end=2
    )
    assert flags(nested, parent_and_child) == set()


def test_an_item_cut_at_a_dash_is_a_fragment() -> None:
    notes = "An appeal to the Court of Appeal takes 1-2 years - longer if appealed again.\n"
    question = card("How long does an appeal to the Court of Appeal take?", back="1-2 years")
    assert 11 in flags(notes, question)
    assert 11 in flags(notes, card("An appeal to the Court of Appeal takes [1-2 years]"))


def test_a_label_with_its_measure_is_a_fact_without_a_verb() -> None:
    notes = (
        "## Water\n"
        "- Density approx 1 g/cm3 at 4 °C\n"
        "- Specific heat capacity 4.18 J/g°C\n"
        "Hyde v Wrench (1840) 3 Beav 334\n"
        "Not very good blackboard\n"
    )
    assert flags(notes, card("Density approx [1] g/cm3 at 4 °C", 2)) == set()
    assert flags(notes, card("Specific heat capacity [4.18] J/g°C", 3)) == set()
    assert 11 in flags(notes, card("Hyde v Wrench ([1840]) 3 Beav 334", 4))
    assert 11 in flags(notes, card("Not very good [blackboard]", 5))


def test_a_bullet_opening_on_its_verb_and_an_adverb_says_something() -> None:
    notes = (
        "## Joseph Haydn\n"
        "- worked nearly 30 years for the Esterhazy family\n"
        "- Focused vs. Diffused mode\n"
    )
    assert flags(notes, card("Worked nearly [30] years for the Esterhazy family", 2)) == set()
    assert 11 in flags(notes, card("Focused vs. [Diffused] mode", 3))


def test_a_line_opening_on_a_quotation_keeps_the_quotation_s_case() -> None:
    notes = '## Haydn\n- "father of the symphony" - wrote 104 symphonies\n- and wrote 68 quartets\n'
    assert flags(notes, card('"father of the symphony" - wrote [104] symphonies', 2)) == set()
    assert 11 in flags(notes, card("and wrote [68] quartets", 3))


def test_a_prompt_starting_in_lower_case_or_with_punctuation_is_a_fragment() -> None:
    notes = "focused mode has tight spacing that keeps thoughts concentrated.\n"
    assert 11 in flags(
        notes, card("[focused mode] has tight spacing that keeps thoughts concentrated.")
    )
    dash = "- and then Stalin agreed to the plan in 1950.\n"
    assert 11 in flags(dash, card("- and then [Stalin] agreed to the plan in 1950."))


def test_a_deletion_on_a_verb_adjective_filler_or_typo_is_no_target() -> None:
    notes = (
        "The substrate binds to the active site.\n"
        "Lincoln wanted an easy reunion with the South.\n"
        "Exchange rates are almost always linked to the trade balance.\n"
        "The landowner makes protection promizes to several companies.\n"
    )
    assert 4 in flags(notes, card("The substrate [binds] to the active site.", 1))
    assert 4 in flags(notes, card("Lincoln wanted an [easy] reunion with the South.", 2))
    assert 4 in flags(
        notes, card("Exchange rates are [almost always] linked to the trade balance.", 3)
    )
    assert 4 in flags(
        notes, card("The landowner makes protection [promizes] to several companies.", 4)
    )
    assert flags(notes, card("The substrate binds to the [active site].", 1)) == set()


def test_a_name_near_a_common_word_is_no_misspelling() -> None:
    notes = (
        "Harriet Beecher Stowe wrote Uncle Tom's Cabin in 1852.\n"
        "Messiah was written by Handel in 1741.\n"
        "Around 1900 the Curie family and Wolfgang Pauli worked on radiation.\n"
        "Scientists like Issac Newton changed physics.\n"
        "Carbon offsets need permanance to count.\n"
    )
    assert (
        flags(notes, card("[Harriet Beecher Stowe] wrote Uncle Tom's Cabin in 1852.", 1)) == set()
    )
    assert flags(notes, card("Messiah was written by [Handel] in 1741.", 2)) == set()
    assert 4 not in flags(
        notes, card("Around 1900 the Curie family and [Wolfgang Pauli] worked on radiation.", 3)
    )
    assert 4 in flags(notes, card("Scientists like [Issac Newton] changed physics.", 4))
    assert 4 in flags(notes, card("Carbon offsets need [permanance] to count.", 5))


def test_a_deletion_on_half_of_a_term_is_no_target() -> None:
    notes = (
        "The Pharmacy and Poisons Act 1933 required supervised sales.\n"
        "Attach the crocodile clip to the wire at 0 cm.\n"
        "A zero error happens if the crocodile clip is not at 0 cm.\n"
        "Wrench offered to sell his farm for £1000.\n"
    )
    assert 4 in flags(
        notes, card("The Pharmacy and [Poisons Act] 1933 required supervised sales.", 1)
    )
    assert 4 in flags(
        notes, card("A zero error happens if the [crocodile] clip is not at 0 cm.", 3)
    )
    assert 4 in flags(notes, card("Wrench offered to sell his farm for £[1000].", 4))
    assert 4 not in flags(
        notes, card("The [Pharmacy and Poisons Act 1933] required supervised sales.", 1)
    )


def test_a_label_dumping_its_sub_bullets_is_not_one_question() -> None:
    notes = (
        "Harvey v Facey [1893] AC 552 (PC)\n"
        "- Telegram asked for the lowest cash price\n"
        "- Held: the reply was a supply of information, not an offer\n"
        "Consumable resources: interrupts, signals, messages, I/O buffers, files\n"
    )
    label = card(
        "Harvey v Facey [1893] AC 552 (PC) (2)",
        1,
        back="Telegram asked for the lowest price; Held: the reply was a supply of information",
        end=3,
    )
    assert 12 in flags(notes, label)
    five = card(
        "Which consumable resources are there?",
        4,
        back="interrupts; signals; messages; I/O buffers; files",
    )
    assert 12 in flags(notes, five)


def test_the_same_answer_twice_in_a_section_interferes() -> None:
    notes = "Wrench offered his farm for 1000 pounds.\nHyde then tried to accept the 1000 pounds.\n"
    first = card("Wrench offered his farm for [1000 pounds].", 1, "Hyde v Wrench")
    second = card("Hyde then tried to accept the [1000 pounds].", 2, "Hyde v Wrench")
    assert 7 in flags(notes, first, second)
    assert flags(notes, first) == set()


def test_an_answer_the_heading_or_prompt_gives_away_leaks() -> None:
    notes = (
        "Processes release resource units for reuse by other processes.\n"
        "LDR (light dependent resistor): resistance falls as light intensity rises.\n"
    )
    assert 5 in flags(
        notes,
        card(
            "Processes release resource units for [reuse] by other processes.",
            1,
            "Reusable resources",
        ),
    )
    assert 5 in flags(
        notes,
        card(
            "[LDR] (light dependent resistor): resistance falls as light intensity rises.",
            2,
            "Resistors",
        ),
    )


def test_a_heading_sharing_only_the_first_letters_of_the_answer_gives_nothing_away() -> None:
    notes = (
        "## Cell structure\n"
        "- Plant cell walls are made of cellulose.\n"
        "## Enzymes and protest\n"
        "- Amylase is a protein that breaks down starch.\n"
        "## Cell walls\n"
        "- Plant cell walls are made of cellulose.\n"
    )
    assert (
        flags(notes, card("Plant cell walls are made of [cellulose].", 2, "Cell structure"))
        == set()
    )
    assert (
        flags(
            notes, card("Amylase is a [protein] that breaks down starch.", 4, "Enzymes and protest")
        )
        == set()
    )
    assert 5 in flags(notes, card("Plant [cell] walls are made of cellulose.", 6, "Cell walls"))


def test_a_prompt_leaning_on_a_missing_sentence_has_no_subject() -> None:
    notes = (
        "This gives the alkaline conditions enzymes need.\nAs a result Mao attacked Taiwan twice.\n"
    )
    assert 9 in flags(notes, card("This gives the [alkaline] conditions enzymes need.", 1, "Bile"))
    assert 9 in flags(notes, card("As a result Mao attacked [Taiwan] twice.", 2, "China"))


def test_non_content_gives_no_card() -> None:
    notes = (
        "Level 3 (7-9 marks): Developed explanation of factors.\n"
        "Tip: NEVER say the enzyme has been killed.\n"
        "Explain why pepsin does not work in the small intestine.\n"
        "Make flashcards of key dates and test yourself every day.\n"
        "- [Chunking and Unlocking Your Potential](#chunking)\n"
        "Add a diagram of the timeline here later.\n"
    )
    assert 13 in flags(notes, card("Level 3 (7-9 marks): Developed explanation of [factors].", 1))
    assert 13 in flags(notes, card("Tip: NEVER say the [enzyme] has been killed.", 2))
    assert 13 in flags(notes, card("Explain why [pepsin] does not work in the small intestine.", 3))
    assert 13 in flags(
        notes, card("Make [flashcards] of key dates and test yourself every day.", 4)
    )
    assert 13 in flags(notes, card("Chunking and [Unlocking] Your Potential", 5))
    assert 13 in flags(notes, card("Add a diagram of the [timeline] here later.", 6))


def test_a_label_naming_a_field_is_no_term_to_hide() -> None:
    notes = "Type of theory: virtue ethics, also eudaimonist\nLogos: the rational order\n"
    assert 4 in flags(notes, card("[Type of theory]: virtue ethics, also eudaimonist", 1))
    assert 4 not in flags(notes, card("[Logos]: the rational order", 2))


def test_a_card_from_a_worked_example_is_flagged() -> None:
    notes = "In the past 25% of students at a school walked to school.\n"
    made_up = card("In the past [25%] of students walked to school.", 1, "Worked example (Q4)")
    assert 13 in flags(notes, made_up)
    assert 13 not in flags(notes, card("In the past [25%] of students walked.", 1, "Transport"))


def test_a_question_template_on_the_wrong_sentence_is_garbled() -> None:
    notes = "Students should explain the importance of the treaty, signed in 1950.\n"
    garbled = card("When did explain the importance of the treaty?", back="1950")
    assert 14 in flags(notes, garbled)
    fine = card("When was the treaty signed?", back="1950")
    assert flags(notes, fine) == set()


def test_an_example_asked_as_a_cause_is_garbled() -> None:
    notes = "- e.g. East African Rift -> new ocean in future\n- slab pull -> plates move apart\n"
    example = card("What does e.g. East African Rift lead to?", 1, back="New ocean in future")
    assert 14 in flags(notes, example)
    assert 14 not in flags(notes, card("What does slab pull lead to?", 2, back="Plates move apart"))


def test_a_cause_named_only_by_small_words_points_at_lines_the_card_lacks() -> None:
    notes = "- Blood pressure falls\n- Heart rate rises\n- All of this -> more oxygen to muscles\n"
    lost = card("What does all of this lead to?", 3, back="More oxygen to muscles")
    assert 14 in flags(notes, lost)
    named = card("What does a rising heart rate lead to?", 2, back="More oxygen to muscles")
    assert 14 not in flags(notes, named)


def test_markdown_and_html_residue_is_flagged() -> None:
    notes = "Catalase breaks down H~2~O~2~ into water and oxygen.\nSeoul became the capital.[12]\n"
    assert 8 in flags(
        notes, card("Catalase breaks down H~2~O~2~ into water and [oxygen].", 1, "Enzymes")
    )
    assert 8 in flags(notes, card("[Seoul] became the capital.\\[12\\]", 2, "Korea"))


def test_an_aim_a_change_or_a_place_is_no_instruction_to_the_reader() -> None:
    lines = [
        "Mussolini's aim: force Britain and France to accept his empire in Abyssinia",
        "pressure up -> particles collide more often -> rate goes up",
        "Near the town of Pompeii, on the Bay of Naples (destructive).",
        "Tip: learn the dates of each treaty by heart",
    ]
    path = "notes/mixed.txt"
    sources = {path: "Mixed notes\n" + "\n".join(lines) + "\n" + FILLER + "\n"}
    fronts = [
        "Mussolini's aim: force [Britain] and France to accept his empire in Abyssinia",
        "Pressure up -> particles collide more often -> [rate] goes up",
        "Near the town of [Pompeii], on the Bay of Naples (destructive).",
        "Tip: learn the [dates] of each treaty by heart",
    ]
    notes = [
        NoteData(NoteKind.CLOZE, front, context="Notes", source=SourceRef(path, line, line))
        for line, front in enumerate(fronts, start=2)
    ]
    flagged = {
        finding.card.split("[", 1)[0]
        for finding in check_deck(DeckData("Mixed notes", notes, source=path), sources)
        if finding.check == 13
    }
    assert flagged == {"Tip: learn the "}


def test_a_template_that_does_not_fit_its_line_is_garbled() -> None:
    notes = (
        "- revetments - sloping wooden ramps that absorb wave energy\n"
        "- res ipsa loquitur applied -> burden of proof shifts\n"
        "- 1989: Berlin Wall torn down; 1961: Iron Curtain wall built\n"
    )
    plural = card("What is revetments?", 1, back="Sloping wooden ramps that absorb wave energy")
    assert 14 in flags(notes, plural)
    agreed = card("What are revetments?", 1, back="Sloping wooden ramps that absorb wave energy")
    assert 14 not in flags(notes, agreed)
    clause = card('What does "res ipsa loquitur applied" mean?', 2, back="Burden of proof shifts")
    assert 14 in flags(notes, clause)
    assert 14 in flags(notes, card("When did Iron Curtain wall build?", 3, back="1961"))
    assert 14 in flags(notes, card("What are differ from gabions?", 1, back="Revetments slope"))
    why = card("What is the why of Berlin Wall?", 3, back="Iron Curtain wall built")
    assert 14 in flags(notes, why)
    assert 14 in flags(notes, card("What is the when/where of Berlin Wall?", 3, back="1989"))
    assert 14 not in flags(notes, card("When was the Iron Curtain wall built?", 3, back="1961"))


def test_one_question_with_two_answers_is_flagged() -> None:
    notes = "Hess cycle: ΔH = ΣΔHf(products) - ΣΔHf(reactants)\nBonds: ΔH = Σ(broken) - Σ(made)\n"
    first = card("ΔH = ?", 1, "Hess cycle", back="ΣΔHf(products) - ΣΔHf(reactants)")
    second = card("ΔH = ?", 2, "Bonds", back="Σ(broken) - Σ(made)")
    assert 7 in flags(notes, first, second)
    told = card("Bonds: ΔH = ?", 2, "Bonds", back="Σ(broken) - Σ(made)")
    assert 7 not in flags(notes, first, told)


def test_a_card_opening_on_a_pronoun_needs_a_heading_that_says_who() -> None:
    notes = "It splits data into packets and numbers them.\nThey pay 2% of GDP on defence.\n"
    two_things = card("It splits data into [packets] and numbers them.", 1, "Ethernet vs Wi-Fi")
    assert 9 in flags(notes, two_things)
    assert 9 not in flags(notes, card("It splits data into [packets] and numbers them.", 1, "TCP"))
    assert 9 in flags(notes, card("They pay [2%] of GDP on defence.", 2, "1. Basics"))
    assert 9 not in flags(notes, card("They pay [2%] of GDP on defence.", 2, "NATO members"))


def test_a_formula_template_on_a_line_of_words_is_garbled() -> None:
    notes = "Aim = seize Paris within 6 weeks\nMomentum = mass x velocity\n"
    plan = card("Aim = ?", 1, "Moltke's plan", back="seize Paris within 6 weeks")
    assert 14 in flags(notes, plan)
    assert 14 not in flags(notes, card("Momentum = ?", 2, "Motion", back="mass x velocity"))
    run_in = card("What does Aim = seize Paris within?", 1, "Moltke's plan", back="6 weeks")
    assert 14 in flags(notes, run_in)


def test_a_statement_asked_as_what_a_term_is_is_garbled() -> None:
    notes = (
        "- glycogen: some broken down in the muscles during exercise\n"
        "- thermistor: resistance falls as temperature rises\n"
        "- alloys: \u03c3 falls as temperature rises\n"
        "- Boyle's law: p V = constant\n"
        "- glycogen: a branched polymer of glucose stored in the liver\n"
    )
    some = card("What is glycogen?", 1, back="Some broken down in the muscles during exercise")
    assert 14 in flags(notes, some)
    behaves = card("What is a thermistor?", 2, back="Resistance falls as temperature rises")
    assert 14 in flags(notes, behaves)
    field = card("What are the alloys of Resistivity?", 3, back="\u03c3 falls as temperature rises")
    assert 14 in flags(notes, field)
    assert 14 not in flags(notes, card("What is Boyle's law?", 4, back="p V = constant"))
    meaning = card("What is glycogen?", 5, back="A branched polymer of glucose stored in the liver")
    assert 14 not in flags(notes, meaning)


def test_a_cause_template_on_a_state_a_participle_or_a_step_is_garbled() -> None:
    notes = (
        "- set above neutral -> borrowing falls\n- rates too low => asset prices too high\n"
        "- fixed-rate mortgages -> unaffected in the short run\n"
        "- high inflation -> raise interest rates -> spending slows\n"
        "- cheap credit -> more borrowing\n"
    )
    for front, line, back in [
        ("What does set above neutral lead to?", 1, "Borrowing falls"),
        ("What do rates too low lead to?", 2, "Asset prices too high"),
        ("What do fixed-rate mortgages lead to?", 3, "Unaffected in the short run"),
        ("What does high inflation lead to?", 4, "Raise interest rates -> spending slows"),
    ]:
        assert 14 in flags(notes, card(front, line, back=back)), front
    assert 14 not in flags(notes, card("What does cheap credit lead to?", 5, back="More borrowing"))


def test_a_word_hidden_again_after_the_same_word_or_a_third_time_is_a_stock_answer() -> None:
    notes = (
        "- velocity = change in displacement / time\n"
        "- momentum = mass x velocity, change in displacement per second times mass\n"
        "- acceleration = change in velocity / time\n"
        "- work done = force x displacement\n"
        "- a vector quantity: displacement, not distance\n"
    )

    def stock(*cards: NoteData) -> list[str]:
        deck = DeckData("Notes", list(cards), source=TOPIC)
        found = check_deck(deck, {TOPIC: notes})
        return [finding.card for finding in found if "stock answer" in finding.message]

    first = card("Velocity = change in [displacement] / time", 1, "Velocity")
    again = card("Momentum = mass x velocity, change in [displacement] per second times mass", 2)
    other = card("Work done = force x [displacement]", 4, "Work")
    assert stock(first, other) == []  # after another word: maybe the point of each
    assert stock(first, again) == [again.front.replace("[displacement]", "[...]")]
    third = card("A vector quantity: [displacement], not distance", 5, "Vectors")
    assert stock(first, other, third) == ["A vector quantity: [...], not distance"]
    assert stock(first, card("Acceleration = change in [velocity] / time", 3)) == []


def test_14_a_template_on_a_line_of_another_shape_is_flagged() -> None:
    notes = (
        "- parents Bb, bb -> two kinds of offspring\n"
        "- lead denser than tin -> lead sinks lower\n"
        "- **hybrid** seed only produced if the parent lines are kept apart\n"
        "- **point mutations** \u2013 cause a change of one amino acid\n"
        "- **Lister's carbolic spray** (Joseph Lister, 1867) -> fewer deaths after surgery\n"
        "| Explorer | Known for |\n| Magellan | first voyage round the world |\n"
    )
    listed = card("What do parents Bb, bb lead to?", 1, back="Two kinds of offspring")
    compared = card("What does lead denser than tin lead to?", 2, back="Lead sinks lower")
    condition = card(
        "What did Hybrid seed only produce?", 3, back="If the parent lines are kept apart"
    )
    dashed = card("What do point mutations \u2013 cause?", 4, back="A change of one amino acid")
    thing = card(
        "What follows when Lister's carbolic spray (Joseph Lister, 1867)?",
        5,
        back="Fewer deaths after surgery",
    )
    reputed = card("What is Magellan known for?", 7, back="first voyage round the world")
    for junk in (listed, compared, condition, dashed, thing, reputed):
        assert 14 in flags(notes, junk), junk.front
    asked = card("What follows when lead is denser than tin?", 2, back="Lead sinks lower")
    named = card("Which explorer is known for first voyage round the world?", 7, back="Magellan")
    caused = card("What do point mutations cause?", 4, back="A change of one amino acid")
    meant = card("What is hybrid seed?", 3, back="If the parent lines are kept apart")
    for good in (asked, named, caused, meant):
        assert 14 not in flags(notes, good), good.front


def test_14_a_what_is_question_over_a_list_a_ranking_or_an_equation_is_flagged() -> None:
    notes = (
        "- greenhouse gases: carbon dioxide, methane, water vapour\n"
        "- reactivity: potassium > sodium > lithium\n"
        "- escape velocity: v = sqrt(2GM/r)\n"
        "- wave equation: v = f x wavelength\n"
    )
    some = card("What are greenhouse gases?", 1, back="Carbon dioxide, methane, water vapour")
    order = card("What is reactivity?", 2, back="Potassium > sodium > lithium")
    equation = card("What is escape velocity?", 3, back="v = sqrt(2GM/r)")
    for junk in (some, order, equation):
        assert 14 in flags(notes, junk), junk.front
    counted = card(
        "What are three greenhouse gases?", 1, back="Carbon dioxide, methane, water vapour"
    )
    ordered = card("What is the order of reactivity?", 2, back="Potassium > sodium > lithium")
    named = card("What is wave equation?", 4, back="v = f x wavelength")
    chosen = card("What are the main greenhouse gases?", 1, back="Carbon dioxide, methane")
    for good in (counted, ordered, named, chosen):
        assert 14 not in flags(notes, good), good.front


def test_14_a_stressed_term_asked_as_a_words_form_is_flagged() -> None:
    notes = "- ethanol -> ETHANAL (warm, distil off)\n- gehen -> ist gegangen\n"
    assert 14 in flags(notes, card('Oxidation: "ethanol"?', 1, back="ETHANAL"))
    assert 14 not in flags(notes, card('Perfekt with sein: "gehen"?', 2, back="ist gegangen"))


def test_a_number_that_opens_its_own_bullet_was_not_cut_from_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Voting behaviour\n\n## The 1997 election\n"
        "- 43% of voters chose Labour, the party's best share since 1966\n"
        "- 12% had switched from the Conservatives within the year\n"
    )
    fronts = [note.front for note in generate_deck(path).notes]
    assert any(front.startswith("[43%] of voters chose Labour") for front in fronts)
    assert any(front.startswith("[12%] had switched") for front in fronts)


def test_a_noun_and_its_head_hidden_together_are_no_verb() -> None:
    line = "Researchers raised 24 laboratory rhesus monkeys with two wire model mothers."
    path = "notes/lab.txt"
    sources = {path: line + "\n"}

    def deletion_findings(front: str) -> list[str]:
        note = NoteData(NoteKind.CLOZE, front, context="Harlow", source=SourceRef(path, 1, 1))
        deck = DeckData("Psychology", [note], source=path)
        return [f.message for f in check_deck(deck, sources) if f.check == 4]

    assert not deletion_findings(
        "Researchers raised 24 laboratory [rhesus monkeys] with two wire model mothers."
    )


DIFFERENTIATION_SLIPS = """# Differentiation

## Rules
- power rule: the derivative of xⁿ is nxⁿ⁻¹
- chain rule: multiply by the derivative of the inside function

## Common mistakes
- product rule: writing the derivative of uv as u'v'
- quotient rule: swapping the order of the terms on top - it is v du/dx minus u dv/dx
"""


def test_a_mistake_under_a_mistakes_heading_is_not_taught_as_the_rule(tmp_path: Path) -> None:
    path = tmp_path / "differentiation.md"
    path.write_text(DIFFERENTIATION_SLIPS)
    cards = {note.front: note.back for note in generate_deck(path).notes}
    assert cards["What is the chain rule?"] == "Multiply by the derivative of the inside function"
    # "What is the product rule? :: Writing the derivative of uv as u'v'" teaches the slip
    assert not [back for back in cards.values() if back.startswith(("Writing", "Swapping"))]


DATED_NAMES = """# The road to war

## Alliances
- Locarno Pact 1925, Germany accepted western borders
- DUAL ALLIANCE 1879: Germany + Austria-Hungary
"""


def test_a_year_after_a_name_dates_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(DATED_NAMES)
    fronts = [note.front for note in generate_deck(path).notes]
    assert "Locarno Pact [1925], Germany accepted western borders" in fronts
    assert "DUAL ALLIANCE [1879]: Germany + Austria-Hungary" in fronts


def test_the_year_of_a_statute_or_a_case_is_still_half_its_name() -> None:
    notes = (
        "The Sale of Goods Act 1979 sets implied terms.\n"
        "Harvey v Facey 1893 is about a price quoted in reply.\n"
        "The Locarno Pact 1925 settled the western borders.\n"
        "Reason = TREATY OF LONDON 1839 guaranteed Belgian neutrality\n"
    )
    assert 4 in flags(notes, card("The Sale of Goods Act [1979] sets implied terms.", 1))
    assert 4 in flags(notes, card("Harvey v Facey [1893] is about a price quoted in reply.", 2))
    assert 4 not in flags(notes, card("The Locarno Pact [1925] settled the western borders.", 3))
    assert 4 not in flags(
        notes, card("Reason = TREATY OF LONDON [1839] guaranteed Belgian neutrality", 4)
    )


def test_a_gap_after_the_examples_close_is_no_example_of_the_list() -> None:
    notes = (
        "Impermeable rock e.g. granite, clay -> little percolation, more surface runoff\n"
        "Virtues (e.g. courage, generosity) learnt by imitation; skills learnt by teaching\n"
        "Igneous rock e.g. granite, basalt, pumice\n"
    )
    assert 4 not in flags(
        notes,
        card("Impermeable rock e.g. granite, clay -> little [percolation], more surface runoff", 1),
    )
    assert 4 not in flags(
        notes,
        card(
            "Virtues (e.g. courage, generosity) learnt by [imitation]; skills learnt by teaching", 2
        ),
    )
    assert 4 in flags(notes, card("Igneous rock e.g. granite, [basalt], pumice", 3))


def test_a_word_opening_a_line_that_says_what_it_means_is_the_term_not_a_verb() -> None:
    notes = (
        "Fetch - the distance of open water the wind blows over\nFetch the sample from the fridge\n"
    )
    assert 4 not in flags(
        notes, card("[Fetch] - the distance of open water the wind blows over", 1)
    )
    assert 4 in flags(notes, card("[Fetch] the sample from the fridge", 2))


def test_12_a_chain_of_reasons_may_end_on_what_they_come_to() -> None:
    """ "A; B; so C": the last step of a chain, not a list split in the middle of an item."""
    chain = basic(
        "Why did Napoleon refuse to help?",
        "Britain was fighting Russian forces; Russia was not Catholic; so the treaty did not apply",
        3,
    )
    assert 12 not in checks(chain)
    split = basic("Why did Napoleon refuse to help?", "Britain; and Russia; Austria", 3)
    assert 12 in checks(split)


def test_14_a_points_label_asked_as_a_term_under_its_list_is_flagged() -> None:
    notes = (
        "15. **Flexibility** - law can change and develop, eg the Practice Statement\n"
        "19. **Complexity** - huge number of reported cases, hard to find the ratio\n"
        "4. Luck / weather - Protestant wind after Gravelines, storms off Scotland\n"
        "- Window dressing - making accounts look better on the balance sheet date\n"
        "strangeness: conserved in strong interactions\n"
    )
    flexible = card("What is flexibility?", 1, "Advantages", back="Law can change and develop")
    complex_ = card(
        "What is complexity?",
        2,
        "Precedent > Disadvantages",
        back="Huge number of reported cases, hard to find the ratio",
    )
    luck = card(
        "What is luck / weather?",
        3,
        "WHY DID THE ARMADA FAIL? (4 factors)",
        back="Protestant wind after Gravelines, storms off Scotland",
    )
    for junk in (flexible, complex_, luck):
        assert 14 in flags(notes, junk), junk.front
    meant = card(
        "What is window dressing?",
        4,
        "Limitations of ratio analysis",
        back="Making accounts look better on the balance sheet date",
    )
    conserved = card(
        "What is strangeness conserved in?", 5, "Conservation laws", back="Strong interactions"
    )
    for good in (meant, conserved):
        assert 14 not in flags(notes, good), good.front
