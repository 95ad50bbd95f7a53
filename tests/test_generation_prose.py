"""Cards from sentences of prose whose fact sits in a clause of a common shape: what an adjective
ties its subject to, a deed told in a trailing "with X doing Y", what drew two things together, an
outcome after ", leading to"."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str) -> list[NoteData]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def asked(notes: list[NoteData]) -> dict[str, str]:
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


def hidden(notes: list[NoteData]) -> list[str]:
    return [note.front for note in notes if note.kind is NoteKind.CLOZE]


def test_what_an_adjective_ties_its_subject_to_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nThe Hanseatic League controlled much of the trade in northern "
        "Europe for two centuries. The league's power was evident in its hold over the herring "
        "and timber trades. Its last king was powerless for the rest of his reign.\n",
    )
    assert asked(notes)["What was the league's power evident in?"] == (
        "Its hold over the herring and timber trades"
    )
    assert not any("powerless" in front for front in asked(notes))  # how long, not what


def test_a_deed_told_in_a_trailing_with_clause_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nAfter the wars of the 1620s trade recovered slowly, with "
        "Danzig exporting grain to feed the growing towns of Holland.\n",
    )
    assert asked(notes)["What did Danzig export to feed the growing towns of Holland?"] == "Grain"


def test_what_drew_two_things_together_is_asked_for_the_cause(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nThe rising costs of war at sea have pushed the merchant towns "
        "and their princes closer together.\n",
    )
    assert asked(notes) == {
        "What has pushed the merchant towns and their princes closer together?": (
            "The rising costs of war at sea"
        )
    }


def test_an_outcome_or_field_singled_out_at_a_sentence_end_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nThe merchants lost their grip on the eastern routes, leading "
        "to a slow decline of the league. The city invested its profits heavily, particularly "
        "in new warehouses and harbour walls.\n",
    )
    assert asked(notes) == {
        "The merchants lost their grip on the eastern routes. What did this lead to?": (
            "A slow decline of the league"
        )
    }
    assert hidden(notes) == [
        "The city invested its profits heavily, particularly in [new warehouses and harbour walls]."
    ]


def test_a_pointer_to_the_thing_its_heading_ends_on_is_asked_by_that_name(tmp_path: Path) -> None:
    """ "This power ..." under "Naval and Merchant Power": the heading names the power, and the
    sentence before whose it is."""
    notes = deck_notes(
        tmp_path,
        "# The Hanseatic League\n\n## Naval and Merchant Power\n\nThe league kept a fleet of "
        "armed cogs in every port it traded with. This power was crucial for the safety of its "
        "convoys in the Baltic.\n",
    )
    assert asked(notes)["What was the league's naval and merchant power crucial for?"] == (
        "The safety of its convoys in the Baltic"
    )


def test_whose_rule_a_named_place_was_under_is_asked_with_its_time(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# The Hanseatic League\n\nIn the early 15th century, the league built a trading post "
        "in Bergen, which was then under the rule of Denmark.\n",
    )
    assert asked(notes)["Under whose rule was Bergen in the early 15th century?"] == "Denmark"


def test_a_lead_announcing_its_reasons_in_a_clause_keeps_the_fact_it_hangs_on(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# The Hanseatic League\n\n## Control of the Sound\n\n- After the war with Denmark - "
        "Lübeck took over the tolls of the Sound, which mattered greatly to the league for 2 "
        "reasons\n  - The tolls paid for the fleet that guarded the convoys\n  - The league "
        "could close the Baltic to Dutch ships\n",
    )
    assert "After the war with Denmark, [Lübeck] took over the tolls of the Sound" in hidden(notes)


def test_what_someone_set_out_to_do_is_asked_where_nothing_else_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# The Hanseatic League\n\n## The towns\n\n- The town council moved quickly to close "
        "the harbour\n- The guild masters refused to pay them\n",
    )
    # whom "them" stands for is elsewhere: no card asks it
    assert asked(notes) == {"What did the town council move quickly to do?": "Close the harbour"}


def test_how_many_groups_a_topic_is_divided_into_is_asked_with_the_groups_named(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# The Hanseatic League\n\nThe history of the league can be divided into four stages. "
        "In the first stage (1159-1250), merchants of Lübeck formed trading partnerships.\n",
    )
    assert asked(notes)["Into how many stages can the history of the league be divided?"] == (
        "Four"
    )


def test_a_bare_ordinal_after_a_count_is_the_first_of_the_things_counted(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# The Hanseatic League\n\n## Wars with Denmark\n\n- The league fought 2 costly wars "
        "against Denmark over the Sound tolls\n- The first 1361-70 was significant because of "
        "the size of the league's new fleet\n",
    )
    assert asked(notes)["Why was the first war 1361-70 significant?"] == (
        "The size of the league's new fleet"
    )


def test_what_happens_when_asks_when_it_happens(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Weathering\n\nFreeze-thaw weathering happens when water in cracks freezes and "
        "expands by about 9% -> the rock splits.\n",
    )
    when = {front.casefold(): back for front, back in asked(notes).items()}
    assert when["when does freeze-thaw weathering happen?"] == (
        "When water in cracks freezes and expands by about 9%"
    )


def test_a_when_question_is_not_cut_inside_what_was_shown(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Genetics\n\nIn 1952 Alfred Hershey showed that DNA, and not protein, enters the "
        "bacterium when a virus infects it.\n",
    )
    assert not any(front.endswith("that DNA?") for front in asked(notes))


def test_a_which_clause_after_a_date_is_not_asked_of_the_date(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Rome\n\nHannibal crossed the Alps with elephants in 218 BC, which surprised the "
        "Roman army in northern Italy.\n",
    )
    assert not any("BC" in front.split("?")[0].split()[2:4] for front in asked(notes))
    assert not any(front.startswith("What did BC") for front in asked(notes))


def test_a_term_the_dictionary_knows_only_as_a_verb_is_defined_after_its_article(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Operating systems\n\nAn interrupt is a signal that tells the processor a device needs "
        "attention. The scheduler then decides which process runs next.\n",
    )
    assert asked(notes)["What is an interrupt?"] == (
        "A signal that tells the processor a device needs attention"
    )


def test_two_definitions_told_apart_by_whereas_are_each_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Soils\n\nA horizon is all the soil of one layer of a profile with the same colour and "
        "texture, whereas a profile is all the horizons from the surface down to the rock.\n",
    )
    definitions = asked(notes)
    assert definitions["What is a horizon?"].startswith("All the soil of one layer of a profile")
    assert definitions["What is a profile?"] == "All the horizons from the surface down to the rock"
    assert not any(front.startswith("Whereas") for front in hidden(notes))


def test_a_law_named_in_brackets_after_its_statement_is_asked_by_what_it_states(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Markets\n\nWhen the price of a good rises, the quantity people buy falls, other things "
        "being equal (the law of demand, Marshall 1890).\n",
    )
    assert asked(notes)[
        "Which law states that when the price of a good rises, the quantity people buy falls, "
        "other things being equal?"
    ] == ("The law of demand")


def test_a_noun_that_does_something_at_a_quantity_is_a_fact_not_an_order(tmp_path: Path) -> None:
    # "Light" and "travels" could each be a verb and a noun: the quantity after them says
    # which is which, and a page of such facts is no exam guide whose orders give no card
    notes = deck_notes(
        tmp_path,
        "# Speeds and temperatures\n\n"
        "Light travels at 300,000 km/s in a vacuum.\n\n"
        "Iron melts at 1538 °C.\n\n"
        "The Sun is about 150 million km from the Earth.\n",
    )
    shown = "\n".join(hidden(notes))
    assert "Light travels at [300,000] km/s in a vacuum." in shown
    assert "Iron melts at [1538] °C." in shown  # a short sentence, its number no word


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Printing\n\nThe first printing press in England was set up by William Caxton in "
        "1476.[3] Because paper was cheap by then, printed books soon outsold copied ones, and "
        "this change is called the **print revolution**.\n",
    )
    fronts = [*asked(notes), *hidden(notes)]
    assert any("[print revolution]" in front for front in fronts)
    assert not any("[3]" in front or "1476.\\[3\\]" in front for front in fronts)


def test_the_authors_term_before_a_colon_is_asked_by_what_it_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Cells\n\nEvery cell is wrapped in a thin layer called the **cell membrane**: a barrier "
        "that controls what enters and leaves the cell.\n\nEvolution by natural selection rests "
        "on the **survival principle**: individuals better suited to their surroundings leave "
        "more offspring, so their features spread.\n",
    )
    questions = asked(notes)
    assert questions["What is the cell membrane?"] == (
        "A barrier that controls what enters and leaves the cell"
    )
    assert questions["What does the survival principle state?"] == (
        "Individuals better suited to their surroundings leave more offspring"
    )


def test_what_a_thing_is_needed_or_used_for_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Minerals\n\nPlants take up several minerals from the soil. Magnesium is needed for "
        "chlorophyll. Nitrates are used for making amino acids and proteins.\n",
    )
    questions = asked(notes)
    assert questions["What is magnesium needed for?"] == "Chlorophyll"
    assert questions["What are nitrates used for?"] == "Making amino acids and proteins"


def test_a_clause_after_a_semicolon_is_a_fact_of_its_own(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Rocks\n\n**Igneous rock** is formed when magma cools and sets into crystals; "
        "**sedimentary rock** is formed when layers of sediment are pressed together over "
        "millions of years.\n",
    )
    assert "[Igneous rock] is formed when magma cools and sets into crystals." in hidden(notes)
    assert (
        "[Sedimentary rock] is formed when layers of sediment are pressed together over "
        "millions of years."
    ) in hidden(notes)


def test_a_which_is_clause_after_a_term_is_asked_as_its_meaning(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Water in plants\n\nPlants lose water by transpiration, which is the loss of "
        "water vapour through the stomata. The rate of transpiration, which is the speed of "
        "this loss, rises in warm weather.\n",
    )
    questions = asked(notes)
    assert questions["What is transpiration?"] == "The loss of water vapour through the stomata"
    assert list(questions).count("What is transpiration?") == 1


def test_a_sentence_typed_on_in_lower_case_is_a_sentence_of_its_own(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Lecture 9: acids and bases\n\n## definitions\n"
        "Bronsted and Lowry (1923) gave a broader definition: an acid is a proton donor and a "
        "base is a proton acceptor. conjugate pairs differ by one proton -> e.g. NH4+ / NH3.\n"
        "a weak acid only partly dissociates, e.g. ethanoic acid (approx. 1% at 0.1 mol/dm3).\n\n"
        "## measuring\n"
        "a pH meter is calibrated with two buffers. higher temperature = lower pH of pure water.\n",
    )
    fronts = [note.front for note in notes]
    # each sentence is its own card, though the second opens in lower case
    assert any(front.endswith("a base is a proton acceptor.") for front in fronts)
    # (what the pairs differ by is hidden, not the example after "e.g.")
    assert "Conjugate pairs differ by one [proton] -> e.g. NH4+ / NH3." in fronts
    assert not [front for front in fronts if "proton acceptor. conjugate" in front]
    # "approx." cuts a word short: the sentence goes on
    assert not [front for front in fronts if front.startswith("1%")]
    # "x = y" run on in lower case says more of what went before: no term to define
    assert "What is higher temperature?" not in asked(notes)


def test_a_sentence_then_this_is_called_asks_what_it_is_called(tmp_path: Path) -> None:
    # a textbook names the process after describing it: the description asks for the name
    path = tmp_path / "plants.md"
    path.write_text(
        "# Biology\n\n## Water in plants\n\n"
        "Water evaporates from the leaves through the stomata. This is known as transpiration.\n",
        encoding="utf-8",
    )
    asked = {note.front: note.back for note in generate_deck(path).notes}
    front = "Water evaporates from the leaves through the stomata. What is this called?"
    assert asked[front] == "Transpiration"
    assert not any(front.startswith("This is") for front in asked)


def test_what_this_led_to_or_allowed_is_asked_after_the_sentence_before(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Victorian Britain\n\n## Free trade\n\n"
        "Parliament repealed the Corn Laws in 1846 after years of campaigning. This led to "
        "cheaper bread for factory workers.\n\n"
        "The navy kept the sea lanes open for merchant shipping. This protection allowed Britain "
        "to import grain from North America.\n",
    )
    cards = asked(notes)
    front = (
        "Parliament repealed the Corn Laws in 1846 after years of campaigning. What did this "
        "lead to?"
    )
    assert cards[front] == "Cheaper bread for factory workers"
    front = (
        "The navy kept the sea lanes open for merchant shipping. What did this protection allow "
        "Britain to do?"
    )
    assert cards[front] == "Import grain from North America"


def test_what_this_brings_about_is_asked_after_the_step_before_in_short(tmp_path: Path) -> None:
    """A step that says what the step before causes ("This causes ...", present tense, on an
    item of its own) is asked after that step; the sentence before a "This ... allowed" is shown
    without how its deed was done."""
    notes = deck_notes(
        tmp_path,
        "# Plant hormones\n\n## Phototropism\n\n"
        "- Light shines on one side of the shoot tip.\n"
        "- This causes auxin to move to the shaded side (e.g. in oat seedlings).\n"
        "- The shaded side grows faster.\n\n"
        "# Venice\n\n"
        "Venice kept out of the Italian wars, trading with both sides while refusing every "
        "alliance offered by the Pope. This neutrality allowed Venice to keep its eastern "
        "markets open.\n",
    )
    cards = asked(notes)
    front = "Light shines on one side of the shoot tip. What does this cause?"
    assert cards[front] == "Auxin to move to the shaded side"
    front = "Venice kept out of the Italian wars. What did this neutrality allow Venice to do?"
    assert cards[front] == "Keep its eastern markets open"


def test_what_a_deed_was_motivated_by_is_asked_as_its_reason(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Railways in the Russian Empire\n\nThe tsar's government built the Trans-Siberian "
        "Railway in the 1890s, motivated by the desire to settle Siberia and reach Pacific "
        "markets. Peasant families moved east in their thousands, driven by land hunger in the "
        "western provinces.\n",
    )
    assert asked(notes) == {
        "Why did the tsar's government build the Trans-Siberian Railway in the 1890s?": (
            "The desire to settle Siberia and reach Pacific markets"
        ),
        "Why did peasant families move east in their thousands?": (
            "Land hunger in the western provinces"
        ),
    }


LECTURE = (
    "# BIO1020 Ecology - Lecture 2\nMon 12 Oct, Dr Weiss\n\n## 1. populations\n"
    "niche = role of a species, i.e. how it gets food and energy and where it lives alongside "
    "the other species in the habitat\n\n## 2. succession\n"
    "- climax community: in a stable climate w/ no fires, the final community (in the UK mostly "
    "oak woodland) stays the same for centuries\n"
)


def test_a_meaning_is_never_cut_inside_its_restatement_or_its_condition(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, LECTURE)
    # what it is, then the same again in other words: the answer stops before "i.e."
    assert asked(notes)["What is niche?"] == "Role of a species"
    # where a statement holds, then the statement: the term is asked with all of it shown
    assert "What is climax community?" not in asked(notes)
    assert any(
        front.startswith("[Climax community]: in a stable climate") and "centuries" in front
        for front in hidden(notes)
    )


def test_the_name_owning_the_titles_theme_as_the_notes_open_is_never_the_answer(
    tmp_path: Path,
) -> None:
    # The capital stands for the country the notes are about: asking for it teaches nothing.
    notes = deck_notes(
        tmp_path,
        "# Chad - Relations with France\n\nN'Djamena's relations with Paris have changed a great "
        "deal since independence.\n\nN'Djamena backed Paris's response to the rebellion in Mali "
        "in 2013. By the late 2010s, relations had grown cooler.\n",
    )
    assert asked(notes)["When did N'Djamena back Paris's response to the rebellion in Mali?"] == (
        "2013"
    )
    assert not any(note.back == "N'Djamena" for note in notes)
    assert not any("[N'Djamena]" in front for front in hidden(notes))


def test_a_present_perfect_of_a_regular_verb_is_asked_with_its_own_auxiliary(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Coastal erosion\n\n## Holderness\n\nThe Holderness cliffs have retreated rapidly since "
        "1900 because the boulder clay is soft and easily eroded.\n",
    )
    assert asked(notes)["Why have the Holderness cliffs retreated rapidly since 1900?"] == (
        "The boulder clay is soft and easily eroded"
    )
    assert not any(" have retreated" in front for front in asked(notes))  # "Why do ... have ..."


def test_a_list_of_causes_too_long_for_one_phrase_is_answered_item_by_item(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Urbanisation in Brazil\n\n## Causes of growth\n\nThe population of Sao Paulo has grown "
        "rapidly since 1950 as the result of migration from the poor rural north-east, a high "
        "birth rate among young migrant families, and new jobs in manufacturing industries such "
        "as car assembly, steel and chemicals.\n",
    )
    assert asked(notes)["Why has the population of Sao Paulo grown rapidly since 1950?"] == (
        "Migration from the poor rural north-east; a high birth rate among young migrant "
        "families; new jobs in manufacturing industries"
    )


def test_an_effect_named_in_a_word_or_two_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Health\n\n## Smoking\n\nNicotine in cigarette smoke causes addiction. Carbon monoxide "
        "reduces the oxygen carried by the blood.\n\n## Timeline\n\n- NHS formally created July "
        "1948\n",
    )
    assert asked(notes)["What does nicotine in cigarette smoke cause?"] == "Addiction"
    assert "July 1948" not in asked(notes).values()  # when it was created, not what it created


def test_things_a_subject_goes_on_to_deal_with_take_the_owner_the_first_deed_named(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Spain and NATO\n\n## Bases\n\nSince the 1953 Pact of Madrid, Spain has hosted US "
        "forces at four bases. Spain permits landings by American transport planes and tankers, "
        "and grants warships access to the naval base at Rota.\n",
    )
    cards = asked(notes)
    assert cards["What does Spain grant American warships?"] == "Access to the naval base at Rota"
    assert "What does Spain grant warships?" not in cards  # whose warships?


def test_a_process_the_sentence_names_at_its_end_is_asked_for(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Weathering\n\n## Freeze-thaw\n\nIn cold places, water in cracks freezes and expands "
        "overnight. On mountain slopes the loosened rock falls to the foot of the slope in a "
        "process called rockfall.\n",
    )
    front = (
        "On mountain slopes, what is the process called in which the loosened rock falls to "
        "the foot of the slope?"
    )
    assert asked(notes)[front] == "Rockfall"


def test_a_passive_sentences_doer_is_asked_where_nothing_else_makes_a_card(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Hormones\n\nInsulin is produced by the pancreas. Adrenaline is secreted by the adrenal "
        "glands in times of stress.\n\n# Government\n\nSupreme Court justices are nominated by "
        "the president. Some powers are shared by both houses. Laws passed by Congress can be "
        "struck down by the Supreme Court.\n",
    )
    cards = asked(notes)
    assert cards["What is insulin produced by?"] == "The pancreas"
    assert cards["What is adrenaline secreted by?"] == "The adrenal glands"  # not when it is
    assert cards["Who are Supreme Court justices nominated by?"] == "The president"
    assert not any("powers" in front for front in cards)  # which powers is not said


def test_a_means_is_never_cut_before_the_phrase_its_deed_goes_on_to(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# OLA 1984\n\n"
        "- Duty can be discharged by warnings or discouraging people from taking the risk "
        "\u2013 s1(5).\n",
    )
    cards = asked(notes)
    assert cards["What does s1(5) OLA 1984 say duty can be discharged by?"] == (
        "Warnings or discouraging people from taking the risk"
    )


def test_where_a_thing_is_made_or_happens_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Blood\n\nRed blood cells are produced in the bone marrow. Photosynthesis takes place "
        "in the chloroplasts. Mass is measured in kilograms. The treaty was signed in June. Data "
        "is stored in binary.\n",
    )
    cards = asked(notes)
    assert cards["Where are red blood cells produced?"] == "In the bone marrow"
    assert cards["Where does photosynthesis take place?"] == "In the chloroplasts"
    assert not any(front.startswith("Where") and "mass" in front for front in cards)
    assert not any(front.startswith("Where") and "treaty" in front for front in cards)
    assert "Where is data stored?" not in cards  # a form, no place


def test_a_plain_statements_subject_is_asked_by_what_it_does(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Forces and water\n\nFriction acts against the direction of motion. Almost all energy "
        "enters ecosystems as sunlight. The reaction happens and the products are released.\n",
    )
    cards = asked(notes)
    assert cards["What acts against the direction of motion?"] == "Friction"
    assert not any(back.startswith("Almost") for back in cards.values())  # not one thing
    assert not any(front.startswith("What happens") for front in cards)


def test_the_uncommon_noun_a_plain_sentence_opens_on_is_hidden(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Plate tectonics\n\nMagma rises through the crack and cools to form new crust. Where "
        "the plates move apart, magma fills the gap.\n\n# Marketing\n\n"
        "Penetration pricing means a low price at launch. Firms use penetration pricing to win "
        "market share.\n",
    )
    assert "[Magma] rises through the crack and cools to form new crust." in hidden(notes)
    assert not any(front.startswith("[Penetration]") for front in hidden(notes))  # half a term


def test_a_year_that_names_an_event_is_not_asked_when_the_event_did_its_deed(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Earthquakes\n\nThe 2010 Haiti earthquake killed about 230,000 people.\n",
    )
    assert not any(front.startswith("When") for front in asked(notes))
    assert "The [2010] Haiti earthquake killed about 230,000 people." in hidden(notes)


def test_a_plural_subject_is_asked_by_what_it_does_in_the_plain_form(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Cells and firms\n\nElectrons occupy shells around the nucleus. Monopolies restrict "
        "output to raise prices.\n\n- Uses discount factors because money now is worth more\n",
    )
    cards = asked(notes)
    assert cards["What occupies shells around the nucleus?"] == "Electrons"
    assert cards["What restricts output to raise prices?"] == "Monopolies"
    assert not any(back == "Uses" for back in cards.values())  # a verb first, no subject


def test_what_follows_after_a_comma_and_so_is_asked_why(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Materials\n\nStainless steel contains chromium, so it does not rust in damp air.\n\n"
        "The river carries a heavy load of silt, so the delta grows every year.\n\n"
        "Winter rainfall is high, so reservoirs are refilled before the summer.\n\n"
        "The council rejected the bypass plan and shelved it, so it was never built.\n\n"
        "Replying to one is a counter-offer, so the seller can refuse to sell.\n",
    )
    cards = asked(notes)
    # the "it" after "so" is the cause's subject
    assert cards["Why does stainless steel not rust in damp air?"] == (
        "Stainless steel contains chromium"
    )
    assert cards["Why are reservoirs refilled before the summer?"] == "Winter rainfall is high"
    # the line's first clause keeps its own card beside the reason
    assert cards["What does the river carry?"] == "A heavy load of silt"
    assert cards["Why does the delta grow every year?"] == "The river carries a heavy load of silt"
    # an "it" the cause could mean another thing by, and a cause whose "one" is named
    # elsewhere, give no reason
    assert not any("built" in front or "refuse" in front for front in cards)


def test_a_reason_written_bc_or_b_slash_c_is_asked_why(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Structures\n\n- The wall collapsed bc the foundations were too shallow\n"
        "- The bridge was closed b/c of cracks in the deck -> traffic diverted\n"
        "- Stepney BC (1951) had to take extra care\n"
        "- 2 miners released after 3 days b/c of the flooding\n",
    )
    cards = asked(notes)
    assert cards["Why did the wall collapse?"] == "The foundations were too shallow"
    # what the reason led to in turn is no part of it
    assert cards["Why was the bridge closed?"] == "Cracks in the deck"
    # a council's "BC" is no reason; a note's "released" without its "was" is no "did release"
    assert not any(front.startswith("Why") and "Stepney" in front for front in cards)
    assert not any("release" in front for front in cards)


def test_a_line_with_its_verb_and_a_date_is_a_fact_without_a_full_stop(tmp_path: Path) -> None:
    # Notes typed as lines drop the full stop, and a date counts as no word: a subject, its
    # verb and a date or figure is still a whole fact
    notes = deck_notes(
        tmp_path,
        "# Weimar Germany\n\n## The end of the war\n\n"
        "- Kaiser abdicated and fled to the Netherlands\n"
        "- Armistice signed 11 Nov 1918\n\n"
        "## Presidential rule\n\n"
        "Hindenburg used Article 48 to pass laws without the Reichstag\n",
    )
    shown = "\n".join(hidden(notes))
    assert "Armistice signed [11 Nov 1918]" in shown
    assert asked(notes)["Who used Article 48 to pass laws without the Reichstag?"] == "Hindenburg"


def test_a_fact_after_nb_or_a_notes_label_is_carded_and_advice_after_it_is_not(
    tmp_path: Path,
) -> None:
    # "NB", "Notes:", "Remember:" flag a fact the writer thinks matters; what follows them is
    # judged on its own, so a fact is carded and a reminder to revise is not
    notes = deck_notes(
        tmp_path,
        "# Transformers\n\n"
        "Notes: real big transformers are over 99% efficient.\n\n"
        "- NB once formed, all four N–H bonds in NH4+ are identical\n\n"  # noqa: RUF001
        "Note: remember to learn the diagram for the exam.\n",
    )
    shown = "\n".join(hidden(notes))
    assert "Real big transformers are over [99%] efficient." in shown
    assert "Once formed, all four N–H bonds in [NH4+] are identical" in shown  # noqa: RUF001
    assert not any("diagram" in front for front in [*hidden(notes), *asked(notes)])


def test_a_period_of_a_run_grouped_into_phases_is_asked_under_what_the_phases_are_of(
    tmp_path: Path,
) -> None:
    """ "During the first period (...)" after "X can be grouped into four periods": the card's
    context names X, which the period alone never says."""
    notes = deck_notes(
        tmp_path,
        "# Monasteries in England\n\n"
        "The history of English monastic building can be grouped into four periods. During the "
        "first period (1066-1100), Norman abbots rebuilt the great churches in stone. In the "
        "second period (1100-1200), the Cistercians founded abbeys in remote valleys.\n",
    )
    front = "What did Norman abbots do during the first period (1066-1100)?"
    card = next(note for note in notes if note.front == front)
    assert card.back == "Rebuilt the great churches in stone"
    assert card.context == "Monasteries in England > The history of English monastic building"


def test_the_examples_a_reason_names_are_asked_as_a_list_of_their_own(tmp_path: Path) -> None:
    """ "... as the result of A, B, and key events such as X, Y, and Z": which events they were
    is a card of its own, a long name given by its letters; the "why" card asks for the other
    reasons, besides the events, rather than answer the bare "key events"."""
    notes = deck_notes(
        tmp_path,
        "# Ireland and Europe\n\n"
        "Irish farming changed greatly after 1960 as the result of new machinery, cheaper "
        "fertiliser, and key events such as the end of protection, the oil crisis of 1973, and "
        "the entry of the United Kingdom and the Irish Republic into the European Economic "
        "Community (EEC).\n",
    )
    cards = asked(notes)
    assert cards["Besides key events, why did Irish farming change greatly after 1960?"] == (
        "New machinery, cheaper fertiliser"
    )
    front = "Which key events explain why Irish farming changed greatly after 1960?"
    assert cards[front] == (
        "End of protection; oil crisis of 1973; entry of the United Kingdom and the Irish "
        "Republic into the EEC"
    )


def test_what_a_fear_led_to_stays_joined_to_it_by_the_dash(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# The Great Fear 1789\n\n"
        "- Following the bad harvest, Necker feared nobles would hoard grain - leading to "
        "riots in Paris\n",
    )
    assert asked(notes)["What did Necker fear following the bad harvest?"] == (
        "Nobles would hoard grain - leading to riots in Paris"
    )


def test_two_qualities_said_of_a_thing_are_asked_as_what_it_is_like(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Evidence for evolution\n\n"
        "Fossils show how species changed over millions of years. The fossil records of soft-"
        "bodied animals are incomplete and biased. Radiometric dating of the rocks around them "
        "gives their age. The results are precise and reliable.\n",
    )
    front = "What are the fossil records of soft-bodied animals like?"
    assert asked(notes)[front] == "Incomplete and biased"
    assert "What are the results like?" not in asked(notes)  # which results: said before


def test_what_a_thing_does_on_a_condition_asks_when_it_does_it(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Ratios\n\nThe gross profit margin falls if cost of sales rises faster than revenue "
        "(e.g. supplier prices up).\n\n# Testing the gases\n\nHydrogen burns with a squeaky "
        "pop when a lighted splint is held near it.\n\n# Costs\n\nFixed costs rise when the "
        "firm moves to a bigger site.\n",
    )
    cards = asked(notes)
    assert cards["When does the gross profit margin fall?"] == (
        "If cost of sales rises faster than revenue"
    )
    assert cards["When does hydrogen burn with a squeaky pop?"] == (
        "When a lighted splint is held near it"
    )
    assert cards["When do fixed costs rise?"] == "When the firm moves to a bigger site"


def test_a_when_clause_that_runs_on_or_follows_a_date_is_no_condition(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Light\n\nFrequency stays the same when refracting, speed and wavelength change.\n\n"
        "# Weimar\n\nHyperinflation peaked in 1923 when a loaf cost 200 billion marks.\n\n"
        "# Exams\n\nStudents lose marks if you forget the units.\n",
    )
    cards = asked(notes)
    assert not any(front.startswith("When does frequency") for front in cards)
    assert not any(front.startswith("When did hyperinflation") for front in cards)
    assert not any(front.startswith("When do students") for front in cards)


def test_how_things_have_come_to_stand_is_asked_as_of_the_date_the_line_before_sets(
    tmp_path: Path,
) -> None:
    """ "As of mid-1993, ... were in flux. Relations have cooled considerably": the change holds
    as of that date, so the card says so instead of stating it as true today."""
    notes = deck_notes(
        tmp_path,
        "# Hungary and its neighbours\n\n"
        "The reforms of 1989 produced a shift in relations with Poland. As of mid-1993, "
        "Hungary's security relations with Austria were in flux. Hungary's trade relations with "
        "Germany have grown considerably, although both countries still argue over tariffs.\n",
    )
    front = "As of mid-1993, how have Hungary's trade relations with Germany changed?"
    assert asked(notes)[front] == "Grown considerably"


def test_a_sentence_between_two_periods_is_asked_under_the_period_before_it(
    tmp_path: Path,
) -> None:
    """ "In the second period (...), ... . As Cluny pulled its monks out of the towns, it ... .
    During the third period ...": the middle sentence tells of the second period, which its
    context names."""
    notes = deck_notes(
        tmp_path,
        "# Monasteries in England\n\n"
        "The history of English monastic building can be grouped into four periods. During the "
        "first period (1066-1100), Norman abbots rebuilt the great churches in stone. In the "
        "second period (1100-1200), the Cistercians founded abbeys in remote valleys. As Cluny "
        "pulled its monks out of the towns, however, it increased sheep farming. During the "
        "third period (1200-1300), the friars settled in the towns.\n",
    )
    front = "What did Cluny increase as it pulled its monks out of the towns?"
    card = next(note for note in notes if note.front == front)
    assert card.back == "Sheep farming"
    assert card.context == (
        "Monasteries in England > The history of English monastic building > "
        "The second period (1100-1200)"
    )


def test_a_chain_of_short_reasons_is_answered_whole(tmp_path: Path) -> None:
    """ "refused to help - as A - B - so C": leaving out A makes B a non sequitur."""
    notes = deck_notes(
        tmp_path,
        "# The Crimean War\n\n"
        "- Napoleon refused to help - as Britain was fighting Russian forces - Russia was not a "
        "Catholic nation - so terms of treaty did not apply\n",
    )
    # the last step keeps its "so": it is what the steps before come to
    assert asked(notes)["Why did Napoleon refuse to help?"] == (
        "Britain was fighting Russian forces; Russia was not a Catholic nation; so terms of "
        "treaty did not apply"
    )


def test_a_refusal_to_help_names_whom_the_line_before_says_looked_for_help(
    tmp_path: Path,
) -> None:
    """ "Why did Napoleon refuse to help?" does not say help whom; the sibling line before
    says who looked for the help."""
    notes = deck_notes(
        tmp_path,
        "# The Crimean War\n\n"
        "- Sultan declared war - the Sultan expected French help under the terms of the treaty\n"
        "- Napoleon refused to help - as Britain was fighting Russian forces - Russia was not a "
        "Catholic nation - so terms of treaty did not apply\n",
    )
    cards = asked(notes)
    assert cards["Why did Napoleon refuse to help the Sultan?"] == (
        "Britain was fighting Russian forces; Russia was not a Catholic nation; so terms of "
        "treaty did not apply"
    )
    assert "Why did Napoleon refuse to help?" not in cards


def test_the_second_thing_someone_indicated_is_asked_after_the_first(tmp_path: Path) -> None:
    """ "indicated that A and that B": B ("difficulty meeting the payments") leans on A."""
    notes = deck_notes(
        tmp_path,
        "# Hungary and its neighbours\n\n"
        "In March 1992, the Austrian trade minister Karl Huber visited Hungary. Minister Huber "
        "indicated that Austrian electricity is being supplied on a commercial basis and that "
        "Hungary is having difficulty meeting the payments.\n",
    )
    front = (
        "Besides that Austrian electricity is being supplied on a commercial basis, what did "
        "Minister Huber indicate about Hungary?"
    )
    assert asked(notes)[front] == "Having difficulty meeting the payments"


def test_what_someone_refused_is_asked_from_the_request_before_it(tmp_path: Path) -> None:
    """ "asked the Parlement of Paris to register new taxes." then "The Parlement refused - ...":
    what was refused is named only in the request."""
    notes = deck_notes(
        tmp_path,
        "# The French Revolution\n\n## Causes\n\n"
        "- 1787 - calonne calls assembly of notables to approve land tax, they refuse\n"
        "- The king asked the Parlement of Paris to register new taxes.\n"
        "- The Parlement refused - but it called for the Estates-General\n",
    )
    cards = asked(notes)
    assert cards["What did the assembly of notables refuse to do?"] == "Approve land tax"
    # a refusal on a line of its own answers the request, which the line before shows anyway
    front = (
        "The king asked the Parlement of Paris to register new taxes. "
        "How did the Parlement respond?"
    )
    assert cards[front] == "Refused"
    assert "What did the Parlement of Paris refuse to do?" not in cards


def test_a_refusal_is_asked_after_its_request_without_the_request_date(tmp_path: Path) -> None:
    """ "What did Eisenhower refuse to do?" gave away nothing the card asking when he was
    advised did not already show: the refusal is the answer to the advice."""
    notes = deck_notes(
        tmp_path,
        "# Confrontation over Taiwan\n\n"
        "- September 54 - US military leaders advised Eisenhower to use nukes to defend Taiwan\n"
        "- Eisenhower refused - but in Dec 1954, US and Taiwan signed a Mutual Defence Treaty\n",
    )
    cards = asked(notes)
    front = (
        "US military leaders advised Eisenhower to use nukes to defend Taiwan. "
        "How did Eisenhower respond?"
    )
    assert cards[front] == "Refused"
    assert "What did Eisenhower refuse to do?" not in cards


def test_a_cloze_of_the_first_of_two_deeds_does_not_show_the_second(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Canal treaty\n\n"
        "The treaty of 1903 allowed the United States to build the canal. Panama permits "
        "inspections by American engineers and surveyors, and grants warships access to the "
        "canal zone.\n",
    )
    clozes = [note.front for note in notes if note.kind is NoteKind.CLOZE]
    # the second deed is a card of its own, whose answer the first deed's cloze left showing
    assert "Panama permits [inspections] by American engineers and surveyors." in clozes
    assert not any("access to the canal zone" in front for front in clozes)
    cards = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert cards["What does Panama grant American warships?"] == "Access to the canal zone"


HISTORIANS = """\
# Appeasement

## Historians

Taylor (1961) argued that Hitler was an opportunist who took his chances as they came; \
Trevor-Roper (1953) argued that Hitler followed a long-term plan set out in Mein Kampf.
"""


def test_two_claims_in_one_long_sentence_are_asked_apart(tmp_path: Path) -> None:
    questions = asked(deck_notes(tmp_path, HISTORIANS))
    assert questions["What did Taylor (1961) argue?"] == (
        "Hitler was an opportunist who took his chances as they came"
    )
    assert questions["What did Trevor-Roper (1953) argue?"] == (
        "Hitler followed a long-term plan set out in Mein Kampf"
    )


def test_a_run_of_short_reasons_stays_one_sentence(tmp_path: Path) -> None:
    text = (
        "# Hastings\n\nWhy William won: feigned retreats broke the English shield wall; had "
        "cavalry and archers; Harold's army was tired after Stamford Bridge and marching south.\n"
    )
    fronts = [note.front for note in deck_notes(tmp_path, text)]
    assert not [front for front in fronts if front.startswith("Harold's army")]
