"""What a cloze hides: the fact the line teaches, never a word the rest of the card gives away."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
from revise.generation import generate_deck
from revise.generation.checker import check_deck


def clozes(tmp_path: Path, text: str, name: str = "notes.md") -> list[str]:
    path = tmp_path / name
    path.write_text(text)
    return [note.front for note in generate_deck(path).notes if note.kind is NoteKind.CLOZE]


def flagged(notes: str, front: str, context: str = "Notes") -> set[str]:
    """The checks (by name) a cloze on the first line of `notes` fails."""
    path = "notes/lines.txt"
    note = NoteData(NoteKind.CLOZE, front, context=context, source=SourceRef(path, 1, 1))
    deck = DeckData("Revision", [note], source=path)
    return {finding.message for finding in check_deck(deck, {path: notes}) if finding.check == 5}


def test_two_alternatives_are_hidden_together_or_not_at_all(tmp_path: Path) -> None:
    text = (
        "# Food tests\n\n"
        "- Reducing sugars give a brick-red precipitate when heated with"
        " Benedict's / Fehling's solution\n"
        "- Proteins turn biuret reagent from blue to lilac\n"
    )
    fronts = clozes(tmp_path, text)
    sugars = next(front for front in fronts if "sugars" in front)
    assert "[Benedict's / Fehling's]" in sugars or "/" not in sugars.split("[")[1]
    assert "[Fehling" not in sugars and "[Benedict's] /" not in sugars


def test_the_checker_flags_one_alternative_hidden_beside_the_other() -> None:
    line = "Hydrolysis: warm with NaOH / KOH (aq) under reflux -> alcohol"
    assert flagged(line, "Hydrolysis: warm with [NaOH] / KOH (aq) under reflux -> alcohol")
    assert flagged(line, "Hydrolysis: warm with NaOH / [KOH] (aq) under reflux -> alcohol")
    acid = "Dehydration: conc H2SO4 or conc H3PO4 catalyst, heat"
    assert flagged(acid, "Dehydration: conc H2SO4 or conc [H3PO4] catalyst, heat")
    assert not flagged(line, "Hydrolysis: warm with [NaOH / KOH] (aq) under reflux -> alcohol")
    assert not flagged(line, "Hydrolysis: warm with NaOH / KOH (aq) under reflux -> [alcohol]")


def test_a_highlighted_phrase_is_what_the_cloze_hides(tmp_path: Path) -> None:
    text = (
        "# Rates\n\n## Catalysts\n"
        "- a catalyst speeds up a reaction by providing an ==alternative reaction pathway==\n"
        "- a bridge rectifier output ripples at ==twice the frequency== of the mains supply\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("[alternative reaction pathway]" in front for front in fronts)
    assert any("[twice the frequency]" in front for front in fronts)
    assert not any("[rectifier]" in front for front in fronts)


def test_no_cloze_hides_half_a_title_a_stressed_verb_or_a_count_its_run_gives(
    tmp_path: Path,
) -> None:
    text = (
        "# Nuisance\n\n## Public nuisance\n"
        "- affects the comfort of a class of Her Majesty's subjects\n"
        "- the right to sue arises only when the harm BECAME substantial\n"
        "- a nuisance carried on for 20 years gives a right to continue it\n"
        "\n## Amines\n"
        "- Ammonia forms a primary amine (1 alkyl group on the N), then secondary (2) and"
        " tertiary (3)\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("[20]" in front for front in fronts)
    assert not any(hidden in front for front in fronts for hidden in ("[Majesty]", "[BECAME]"))
    assert not any("([1] alkyl" in front for front in fronts)


def test_the_checker_flags_a_count_or_formula_the_card_shows_anyway() -> None:
    run = "Ammonia forms a primary amine (1 alkyl group on the N), then secondary (2), tertiary (3)"
    assert flagged(run, run.replace("(1 alkyl", "([1] alkyl"))
    burn = "Burning methane: CH4 + 2O2 -> CO2 + H2O; in less oxygen 2CH4 + 3O2 -> 2CO + 4H2O"
    assert flagged(burn, burn.replace("CO2 + H2O;", "CO2 + [H2O];"))
    assert not flagged(burn, burn.replace("-> CO2", "-> [CO2]"))
    period = "The limitation period is 6 years, or 12 years for a deed"
    assert not flagged(period, period.replace("6 years", "[6] years"))


def test_the_checker_flags_a_verb_written_in_capitals_as_the_deletion() -> None:
    path = "notes/lines.txt"
    notes = "The right to sue arises only when the harm BECAME substantial\n"
    front = "The right to sue arises only when the harm [BECAME] substantial"
    note = NoteData(NoteKind.CLOZE, front, context="Nuisance", source=SourceRef(path, 1, 1))
    deck = DeckData("Revision", [note], source=path)
    messages = [finding.message for finding in check_deck(deck, {path: notes})]
    assert any("capitals" in message for message in messages)


def test_a_symbol_opening_a_line_keeps_its_case(tmp_path: Path) -> None:
    text = (
        "# Population genetics\n\n## Hardy-Weinberg\n"
        "- **p + q = 1** (allele frequencies; p = dominant, q = recessive)\n"
    )
    fronts = clozes(tmp_path, text)
    assert any(front.startswith("[p + q = 1]") for front in fronts)
    assert not any("P + q" in front for front in fronts)


def test_a_word_shown_in_another_form_or_inside_a_longer_word_is_given_away() -> None:
    slit = "In a single slit pattern the central maximum is twice the width of the other maxima"
    assert flagged(slit, slit.replace("other maxima", "other [maxima]"))
    assert not flagged(slit, slit.replace("twice the width", "[twice the width]"))
    isomers = "Optical isomers are stereoisomers that are mirror images of each other"
    assert flagged(isomers, isomers.replace("Optical isomers", "Optical [isomers]"))
    assert not flagged(isomers, isomers.replace("mirror images", "[mirror images]"))


def test_an_ion_is_hidden_with_its_charge(tmp_path: Path) -> None:
    text = "# Tests for ions\n\n## Cations\n- copper(II) ions (Cu2+) give a blue precipitate\n"
    fronts = clozes(tmp_path, text)
    assert not any("]+" in front for front in fronts)
    path = "notes/ions.txt"
    notes = "copper(II) ions (Cu2+) give a blue precipitate with sodium hydroxide\n"
    front = "copper(II) ions ([Cu2]+) give a blue precipitate with sodium hydroxide"
    note = NoteData(NoteKind.CLOZE, front, context="Cations", source=SourceRef(path, 1, 1))
    deck = DeckData("Revision", [note], source=path)
    assert any("part of a word" in finding.message for finding in check_deck(deck, {path: notes}))


def test_no_cloze_hides_one_place_in_an_order_the_rest_shows(tmp_path: Path) -> None:
    text = (
        "# Solar system\n\n## Order\n"
        "- order of size of the gas giants: Jupiter > Saturn > Uranus > Neptune\n"
        "- the Kuiper belt lies beyond the orbit of Neptune\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("[Kuiper]" in front for front in fronts)
    assert not any(" > [" in front or "] > " in front for front in fronts)


def test_a_term_given_a_number_for_its_value_has_the_number_hidden(tmp_path: Path) -> None:
    text = (
        "# Carbon dating\n\n## Radioactive decay\n"
        "- **half-life** = about 5,730 years for carbon-14 — after that half the atoms remain\n"
        "- **dating limit** = roughly 50,000 years, beyond which too little carbon-14 is left\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("roughly [50,000] years" in front for front in fronts)
    assert not any(front.startswith("[Dating limit]") for front in fronts)


def test_a_value_closing_its_clause_after_what_it_measures_can_be_hidden(tmp_path: Path) -> None:
    text = (
        "# Blood pressure\n\n## Salt trial\n"
        "- The low-salt group ended the trial with a mean BP 118, the usual-diet group with 131\n"
        "- Blood pressure is measured in millimetres of mercury with a sphygmomanometer\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("mean BP [118]" in front for front in fronts)
    assert not any("[BP]" in front for front in fronts)


def test_a_highlighted_finding_too_long_to_hide_whole_hides_what_it_is_about(
    tmp_path: Path,
) -> None:
    text = (
        "# Learning\n\n## Pavlov (1897)\n"
        "- dogs heard a bell each time food arrived, and after many pairings over several weeks"
        " they began to drool at the bell alone, even when no food was given at all"
        " → ==salivation reflex transferred to a neutral stimulus==\n"
    )
    fronts = clozes(tmp_path, text)
    assert "[Salivation reflex] transferred to a neutral stimulus" in fronts


def test_an_emphasised_word_in_ing_where_a_noun_stands_is_hidden(tmp_path: Path) -> None:
    text = (
        "# Agriculture\n\n## Farming systems\n"
        "- growing crops and rearing animals on the same farm all year = **mixed farming**\n"
        "- hill farms in the Pennines mostly keep sheep on poor upland grass\n"
    )
    fronts = clozes(tmp_path, text)
    assert any(front.endswith("on the same farm all year = [mixed farming]") for front in fronts)


def test_a_figure_is_hidden_rather_than_the_date_it_was_taken(tmp_path: Path) -> None:
    hidden = clozes(
        tmp_path,
        "# Megacities\n\nTokyo's urban area is roughly 10x the size of its old city "
        "(2015 estimate).\nThe first census of Lagos was taken in 1911 (a colonial survey).\n",
    )
    assert "Tokyo's urban area is roughly [10x] the size of its old city (2015 estimate)." in hidden
    # with no figure beside it, a date in brackets is still the fact
    assert "The first census of Lagos was taken in [1911] (a colonial survey)." in hidden


def test_the_date_an_account_was_written_as_of_is_not_hidden(tmp_path: Path) -> None:
    cards = clozes(
        tmp_path,
        "# Water supply\n\n"
        "As of June 2021, the reservoir held 40 billion litres. As of mid-1993, the dam's "
        "safety inspections were in progress.\n",
    )
    assert "As of June 2021, the reservoir held [40 billion] litres." in cards
    assert not any("[June 2021]" in card or "[mid-1993]" in card for card in cards)


def test_a_word_whose_opposite_is_shown_is_not_hidden() -> None:
    line = "After 1990 capital inflow to Australia rose while capital outflow fell."
    front = "After 1990 capital [inflow] to Australia rose while capital outflow fell."
    assert any("its opposite" in message for message in flagged(line, front))


def test_a_study_cited_by_a_bare_year_is_never_hidden_by_its_year(tmp_path: Path) -> None:
    text = (
        "# Social influence\n\n## Conformity\n\n"
        "- Asch 1951: 75% conformed at least once\n"
        "- Lucas et al 2006: more conformity to wrong answers on hard maths qs -> ISI\n"
        "- flexibility (Nemeth 1986) - rigid repetition seen as dogmatic, need compromise\n"
    )
    fronts = clozes(tmp_path, text)
    assert "Asch 1951: [75%] conformed at least once" in fronts
    assert not [front for front in fronts if "[1951]" in front or "[2006]" in front]
    assert not [front for front in fronts if "[1986]" in front or "[Nemeth]" in front]
    assert "[Lucas et al 2006]: more conformity to wrong answers on hard maths qs -> ISI" in fronts


def test_a_word_over_what_happened_is_no_term_the_event_is_hidden(tmp_path: Path) -> None:
    text = (
        "# Nazi Germany\n\n## Economy\n\n"
        "- Rearmament \u2013 conscription reintroduced March 1935, army grew to 1.4 million\n"
        "- Trigger \u2013 Herschel Grynszpan (young Polish Jew) shot a German diplomat in Paris\n"
        "- Sea wall \u2013 reflects waves back, costs about £5000 per metre\n"
    )
    fronts = clozes(tmp_path, text)
    assert not [front for front in fronts if front.startswith(("[Rearmament]", "[Trigger]"))]
    assert any("reintroduced [March 1935]" in front for front in fronts)
    shot = "Trigger \u2013 [Herschel Grynszpan] (young Polish Jew) shot a German diplomat in Paris"
    assert shot in fronts
    path = tmp_path / "notes.md"
    asked = {note.front: note.back for note in generate_deck(path).notes}
    assert asked["What does sea wall do?"].startswith("Reflects waves back")  # a term's meaning


def test_months_that_share_a_year_are_hidden_whole(tmp_path: Path) -> None:
    text = (
        "# Cold War\n\n## Crises\n\n"
        "- Oct\u2013Nov 1956 — Hungarian uprising crushed by Soviet tanks\n"
        "- two thirds of Bangladesh flooded (July-Sept 1998), 3 big rivers: Ganges, Meghna\n"
    )
    fronts = clozes(tmp_path, text)
    assert not [front for front in fronts if "\u2013[Nov 1956]" in front or "[July-Sept]" in front]
    assert any("[July-Sept 1998]" in front for front in fronts)


def test_a_value_that_closes_a_sentence_after_is_is_what_it_hides(tmp_path: Path) -> None:
    text = (
        "# Energetics\n\n## Enthalpy of formation\n\n"
        "For elements in their most stable allotropic state, their enthalpy of formation is 0.\n"
    )
    fronts = clozes(tmp_path, text)
    assert fronts == [
        "For elements in their most stable allotropic state, their enthalpy of formation is [0]."
    ]


def test_two_things_joined_by_and_or_are_hidden_together(tmp_path: Path) -> None:
    text = (
        "# Exchange rates\n\n## Floating rates\n\n"
        "- By leaving markets to adjust, shortages and/or surpluses are avoided\n"
    )
    fronts = clozes(tmp_path, text)
    assert fronts == ["By leaving markets to adjust, [shortages and/or surpluses] are avoided"]


def test_a_word_with_the_opposite_prefix_of_the_hidden_one_gives_it_away() -> None:
    from revise.generation.targets import form_shown

    assert "its opposite" in form_shown("inflow", "capital \x00 and an increase in outflow")
    assert "its opposite" in form_shown("export", "Goods they import and \x00")
    assert form_shown("inflow", "the overflow \x00") == ""  # "in" and "over" are no pair
    assert form_shown("input", "data \x00 and output files") != ""
    assert form_shown("endothermic", "\x00 reactions, unlike exothermic ones") != ""
    assert form_shown("inflow", "\x00 of workers into the cities") == ""


def test_a_figure_is_hidden_rather_than_its_unit(tmp_path: Path) -> None:
    text = (
        "# Energy systems\n\n## EPOC\n\n"
        "- Fast component\n  - Takes about 2-3 mins, uses about 1-4 litres of O2\n"
        "- Slow component\n  - Can take several hours, 5-8 litres of O2\n"
    )
    fronts = clozes(tmp_path, text)
    assert not [front for front in fronts if "[litres]" in front or "[mins]" in front]
    assert "Can take several hours, [5-8] litres of O2" in fronts


def test_an_amount_of_four_figures_in_its_unit_is_no_year(tmp_path: Path) -> None:
    text = (
        "# Radioactivity\n\n## Dating\n\n"
        "- Carbon-14: approx. 5730 years -> carbon dating of once-living things\n"
    )
    assert clozes(tmp_path, text) == [
        "Carbon-14: approx. [5730] years -> carbon dating of once-living things"
    ]


def test_a_term_of_two_words_is_hidden_whole(tmp_path: Path) -> None:
    text = (
        "# Biology\n\n## Respiration\n\n"
        "- Glycolysis: glucose -> pyruvic acid, makes 2 ATP\n"
        "- No O2 so pyruvic acid -> lactic acid by LDH (lactate dehydrogenase)\n\n"
        "## Electrolysis\n\n"
        "- When brine is electrolysed, sodium hydroxide solution is left behind.\n"
        "- Chlorine forms at the anode; hydroxide ions stay in solution.\n\n"
        "## Sorting\n\n"
        "- Any comparison sort needs Omega(n log n) comparisons in the worst case\n\n"
        "## Murder\n\n"
        "- D has AR + MR of murder but a special defence reduces it to manslaughter\n"
    )
    fronts = clozes(tmp_path, text)
    assert "Glycolysis: glucose -> [pyruvic acid], makes 2 ATP" in fronts
    assert not [front for front in fronts if "[pyruvic] acid" in front or "[lactate]" in front]
    assert "When brine is electrolysed, [sodium hydroxide] solution is left behind." in fronts
    assert "Any comparison sort needs [Omega(n log n)] comparisons in the worst case" in fronts
    assert any(front.startswith("D has [AR + MR] of murder") for front in fronts)


def test_a_word_in_the_writers_exclaimed_aside_is_not_hidden() -> None:
    from revise.generation.targets import build_vocabulary, find_targets

    lines = [
        "Cells of the PCT are packed with mitochondria for active transport",
        "Thick upper part: Na+ and Cl- actively transported out (mitochondria!)",
    ]
    vocabulary = build_vocabulary(lines, frozenset(["kidney"]))
    found = find_targets(lines[1], vocabulary)
    assert not found or found[0].text != "mitochondria"


def test_what_is_said_of_a_subject_is_hidden_not_the_subject(tmp_path: Path) -> None:
    text = (
        "# Thermal physics\n\n## Kinetic theory assumptions\n\n"
        "1. large number of molecules, moving randomly\n"
        "2. collisions are perfectly elastic\n"
        "3. no intermolecular forces except during collisions\n"
    )
    fronts = clozes(tmp_path, text)
    assert "Collisions are [perfectly elastic]" in fronts
    assert not [front for front in fronts if "[Collisions]" in front]


def test_the_everyday_name_a_line_defines_is_hidden(tmp_path: Path) -> None:
    notes = (
        "# Rivers\n\n"
        "## Transport\n"
        "- suspension - fine particles (silt, clay) carried in the water, makes it look brown\n"
        "- rising limb - discharge increasing\n"
        "- the river carries its load in suspension\n\n"
        "## Pressure groups\n"
        "- insider groups - have close links with govt + are consulted regularly\n"
        "- outsider groups - no regular access, rely on protests + media campaigns\n"
        "- most groups act as insider or outsider groups\n"
    )
    cards = clozes(tmp_path, notes)
    assert (
        "[Suspension] - fine particles (silt, clay) carried in the water, makes it look brown"
        in cards
    )
    assert "[Rising limb] - discharge increasing" in cards
    assert "[Insider groups] - have close links with govt + are consulted regularly" in cards


def test_a_label_clause_or_comparison_before_a_colon_is_no_defined_name(tmp_path: Path) -> None:
    notes = (
        "# Digestion\n\n"
        "## Enzymes\n"
        "- puberty: oestrogen is the main female hormone, made in the ovaries\n"
        "- joined wires = put a dot on the junction\n"
        "- higher clock speed = more instructions per second but more heat\n"
        "- forward rate = reverse rate\n"
        "- the wires, the clock and the rate of puberty vary\n"
    )
    cards = clozes(tmp_path, notes)
    assert not any(card.startswith("[") for card in cards)


def test_a_background_or_overview_section_is_carded_like_any_other(tmp_path: Path) -> None:
    text = (
        "HISTORY - CAUSES OF THE FIRST WORLD WAR\n\n"
        "BACKGROUND\n"
        "- Germany unified 1871 -> France lost ALSACE-LORRAINE to Germany\n"
        "- Kaiser Wilhelm II came to the throne 1888 -> sacked Bismarck 1890\n\n"
        "ALLIANCES\n"
        "- Triple Alliance 1882: Germany, Austria-Hungary, Italy\n"
    )
    fronts = clozes(tmp_path, text, "ww1.txt")
    assert any("[ALSACE-LORRAINE]" in front or "[1871]" in front for front in fronts)
    assert any("[1888]" in front or "[1890]" in front for front in fronts)
    overview = "# Music of the Classical era\n\n## Overview\n\n" + (
        "The Classical period comes after the Baroque (ends c.1750, death of J.S. Bach)"
        " and before the Romantic era.\n"
    )
    fronts = clozes(tmp_path, overview)
    assert any("c.[1750]" in front for front in fronts)


def test_an_unknown_describing_word_is_hidden_with_its_noun(tmp_path: Path) -> None:
    text = (
        "# Life cycle of stars\n\n## Basics\n"
        "- Nebula: a cloud of dust and gas (mostly hydrogen) where stars form\n"
        "- gravity pulls the cloud in -> it heats up -> **protostar**\n"
        "- fusion starts when core temp reaches approx. 10 million K\n"
        "- Main sequence star = fusing H into He in the core (Sun is one)\n"
        "- Stable bc outward pressure from fusion balances inward pull of gravity"
        " (hydrostatic equilibrium)\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("([hydrostatic equilibrium])" in front for front in fronts)
    assert not any("[hydrostatic] equilibrium" in front for front in fronts)


def test_a_defined_name_of_several_words_is_hidden_however_often_the_notes_use_it(
    tmp_path: Path,
) -> None:
    text = (
        "# Attachment\n\n## Lorenz (1935)\n"
        "- goslings followed the first moving object they saw = **imprinting**\n"
        "- critical period — if imprinting didn't happen within a certain time the chicks"
        " didn't attach\n\n"
        "## Bowlby (1969)\n"
        "- babies are born with an innate drive to attach to one caregiver (monotropy)\n"
        "- a critical period exists for attachment, roughly the first 2½ years\n"
        "- later research suggests a sensitive period rather than a critical period\n"
    )
    fronts = clozes(tmp_path, text)
    assert any(front.startswith("[Critical period] — if imprinting") for front in fronts)


def test_a_party_age_or_head_count_in_a_case_is_never_what_is_hidden(tmp_path: Path) -> None:
    text = (
        "# Occupiers' liability\n\n## Children\n\n### Smith v Jones Council (1970)\n"
        "- 9 yr old girl drowned after climbing into a flooded quarry on council land.\n"
        "\n### Brown v Green Estates (1985)\n"
        "- Three window cleaners injured when a rotten ledge gave way under them.\n"
        "\n## Elections\n"
        "- A senator must be at least 30 years old and a citizen for nine years.\n"
    )
    fronts = clozes(tmp_path, text)
    assert not any("[9] yr old" in front or "[Three]" in front for front in fronts)
    # an age a rule sets is the fact
    assert any("at least [30] years old" in front for front in fronts)


def test_a_numbered_label_hides_its_number_not_its_word(tmp_path: Path) -> None:
    text = (
        "# Scripture\n\n## Psalms\n"
        "- Psalm 23: 'The Lord is my shepherd, I shall not want'\n"
        "\n## Tawhid\n"
        "- Tawhid = the oneness of God, the most important belief\n"
        "- Surah 112 (al-Ikhlas): 'Say: He is God, the One'\n"
    )
    fronts = clozes(tmp_path, text)
    assert "Psalm [23]: 'The Lord is my shepherd, I shall not want'" in fronts
    assert "Surah [112] (al-Ikhlas): 'Say: He is God, the One'" in fronts


def test_neither_a_court_nor_half_a_bracketed_title_is_hidden(tmp_path: Path) -> None:
    text = (
        "# Negligence\n\n## Defences\n"
        "- R v Tandy [2015] UKSC: the duty is owed to every lawful visitor on the premises\n"
        "- damages are cut under the Law Reform (Contributory Negligence) Act when C shares"
        " the blame\n"
    )
    fronts = clozes(tmp_path, text)
    assert not any("[UKSC]" in front or "[Law Reform]" in front for front in fronts)


def test_a_gloss_in_brackets_gives_way_to_the_name_the_line_is_about(tmp_path: Path) -> None:
    text = (
        "# The Tudors\n\n## Wives of Henry VIII\n"
        "- Henry married Catherine of Aragon in 1509\n"
        "- Catherine Parr (m.1543) - outlived him\n"
        "- The marriage needed a papal dispensation from Pope Julius II (granted 1503)\n"
    )
    fronts = clozes(tmp_path, text)
    assert "[Catherine Parr] (m.1543) - outlived him" in fronts
    assert not any("(granted [1503])" in front for front in fronts)


def test_a_figure_with_its_unit_written_on_is_hidden_over_a_place(tmp_path: Path) -> None:
    text = (
        "# Nutrition\n\n"
        "- Fibre - adults should have 30g a day, most people in the UK only have about 18g\n"
        "- Heavy rainfall - over 200mm in a day sometimes, causes river flooding\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("should have [30g] a day" in front for front in fronts)
    assert any("over [200mm] in a day" in front for front in fronts)
    assert not [front for front in fronts if "[UK]" in front]


def test_an_amount_is_hidden_with_its_other_measure_or_not_at_all(tmp_path: Path) -> None:
    text = (
        "# Diet\n\n"
        "- Water - about 6-8 glasses (1.5-2 litres) a day, more when hot or exercising\n"
        "- A category 1 hurricane has winds of 119-153 km/h (74-95 mph), causing minimal damage\n"
    )
    fronts = clozes(tmp_path, text)
    assert any("about [6-8 glasses (1.5-2 litres)] a day" in front for front in fronts)
    assert not [front for front in fronts if "[6-8] glasses" in front or "[119-153] km" in front]


def test_a_step_number_opening_a_line_is_never_hidden(tmp_path: Path) -> None:
    text = (
        "Tropical storms\n\n"
        "HOW THEY FORM (learn the sequence!!)\n"
        "1 sun heats ocean, warm moist air rises rapidly, creating an area of low pressure\n"
        "2 rising air cools and condenses into huge cumulonimbus clouds, condensation releases"
        " latent heat which warms the air more so it rises even faster = positive feedback\n"
        "3 air rushes in at the surface to replace the rising air = strong winds\n"
        "4 coriolis effect makes the storm spin, anticlockwise in the northern hemisphere\n"
        "5 cold air sinks in the middle = the eye, calm and clear, usually around 30-50km wide\n"
    )
    fronts = clozes(tmp_path, text, "storms.txt")
    assert not [front for front in fronts if front.startswith(("[2]", "[3]"))]


def test_a_count_of_the_items_listed_beside_it_is_not_hidden(tmp_path: Path) -> None:
    text = (
        "# Negative symptoms\n\n"
        "- Andreasen (1982): 3 signs = poor hygiene and grooming, lack of persistence in"
        " work/education, lack of energy\n"
    )
    fronts = clozes(tmp_path, text)
    assert not [front for front in fronts if "[3] signs" in front]
    assert any(front.startswith("[Andreasen] (1982)") for front in fronts)


def test_one_item_of_a_counted_list_is_not_hidden() -> None:
    from revise.generation.targets import build_vocabulary, find_targets

    line = "All three products (hydrogen, chlorine and sodium hydroxide) are useful in industry."
    found = find_targets(line, build_vocabulary([line], frozenset(["electrolysis"])))
    assert not [target for target in found if target.score >= 4.0]


def test_a_decade_in_brackets_ranks_below_what_the_line_says(tmp_path: Path) -> None:
    text = (
        "# Drug therapy\n\n"
        "- Typical antipsychotics e.g. chlorpromazine (1950s) = dopamine antagonists, block D2"
        " receptors\n"
        "- Dunning School (early 1900s) - saw Reconstruction as a tragic mistake\n"
    )
    fronts = clozes(tmp_path, text)
    assert not [front for front in fronts if "[1950s]" in front]
    assert any(front.startswith("Typical antipsychotics") for front in fronts)
    assert any("Dunning School ([early 1900s])" in front for front in fronts)


def test_the_year_after_et_al_only_names_a_study() -> None:
    from revise.generation.targets import build_vocabulary, find_targets

    line = (
        "Revised (Davis et al. 1991): hypodopaminergia in the prefrontal cortex -> negative"
        " symptoms (Goldman-Rakic et al. 2004 linked it to cognitive problems)"
    )
    found = find_targets(line, build_vocabulary([line], frozenset(["schizophrenia"])))
    assert found[0].text != "2004"


def test_labels_pairs_and_run_on_verbs_are_never_hidden(tmp_path: Path) -> None:
    text = (
        "# Tropical storms\n\n"
        "- HIC = more economic loss, LIC = more deaths.\n"
        "- REDUCING THE EFFECTS - the 3 Ps of storm management\n"
        "- The poorest families didnt have cars so couldnt leave the city\n"
    )
    fronts = clozes(tmp_path, text)
    hidden = {front.split("[")[1].split("]")[0] for front in fronts if "[" in front}
    assert not hidden & {"HIC", "LIC", "Ps", "couldnt", "didnt"}


def test_a_share_the_line_gives_in_words_is_not_hidden(tmp_path: Path) -> None:
    text = (
        "# Comorbidity\n\n"
        "- Buckley et al. (2009): around half of patients with SZ also have depression (50%),"
        " 47% substance abuse, 29% PTSD\n"
    )
    fronts = clozes(tmp_path, text)
    assert not [front for front in fronts if "[50%]" in front]


def test_a_point_made_in_common_words_hides_the_phrase_its_verb_takes(tmp_path: Path) -> None:
    text = (
        "# Market research\n\n## Limitations of surveys\n"
        "- ignores personal motives: shame, habit, peer pressure\n"
        "- based on small samples - results may not hold for everyone\n"
        "\n## Wind erosion\n"
        "- Strong wind carries loose particles - the smallest go furthest\n"
        "- Dunes are often made of fine sand\n"
        "\n## Evaluation\n"
        "- The survey is important in many cases\n"
    )
    fronts = clozes(tmp_path, text)
    assert "Ignores [personal motives]: shame, habit, peer pressure" in fronts
    assert "Based on [small samples] - results may not hold for everyone" in fronts
    # (a line asked another way keeps that card: "What carries loose particles?")
    assert not any("[loose particles]" in front for front in fronts)
    assert "Dunes are often made of [fine sand]" in fronts
    assert not any("[many cases]" in front or "important]" in front for front in fronts)


def test_a_year_the_title_names_alone_is_never_hidden(tmp_path: Path) -> None:
    text = (
        "THE GREAT FIRE OF LONDON 1666\n\nKEY PEOPLE\n----------\n"
        "Samuel Pepys - diarist, buried his parmesan cheese in the garden in 1666\n"
        "Thomas Farriner - baker on Pudding Lane, his oven started the fire on 2 Sept 1666\n"
        "Duke of York - brother of the King, led the firefighting at the fire posts in 1666\n"
        "Christopher Wren - architect, rebuilt St Paul's Cathedral, finished 1711\n"
    )
    fronts = clozes(tmp_path, text, "fire.txt")
    assert not [front for front in fronts if "[1666]" in front]
    # the years of a span each mark an event of their own
    span = clozes(tmp_path, text.replace("1666\n", "1666-1711\n", 1), "span.txt")
    assert any("fire posts in [1666]" in front for front in span)


def test_the_checker_flags_the_year_the_title_is_about() -> None:
    path = "notes/armada.txt"
    notes = "Lord Howard of Effingham - commander of the English fleet in 1588\n"
    front = "Lord Howard of Effingham - commander of the English fleet in [1588]"
    note = NoteData(NoteKind.CLOZE, front, context="People", source=SourceRef(path, 1, 1))
    deck = DeckData("THE SPANISH ARMADA 1588 -- timeline", [note], source=path)
    assert any(finding.check == 5 for finding in check_deck(deck, {path: notes}))
    month = replace(note, front=front.replace("in [1588]", "in [July 1588]"))
    month_deck = DeckData(deck.name, [month], source=path)
    assert not [f for f in check_deck(month_deck, {path: notes}) if f.check == 5]


def test_a_figure_is_hidden_rather_than_the_year_of_its_census(tmp_path: Path) -> None:
    text = (
        "# Migration\n\n## Poland to UK\n"
        "- by 2011 census approx 580,000 Polish-born people in UK\n"
        "- France TFR approx 1.8 - among highest in EU\n"
    )
    fronts = clozes(tmp_path, text)
    assert "By 2011 census approx [580,000] Polish-born people in UK" in fronts
    assert "France TFR approx [1.8] - among highest in EU" in fronts


def test_an_example_or_the_thing_a_line_says_is_not_so_is_not_hidden(tmp_path: Path) -> None:
    text = (
        "# Polymers\n\n## Disposal\n"
        "- PVC burning → HCl gas → removed by scrubbing (react with a base eg CaO)\n"
        "\n## Land use\n"
        "- Forestry - eg Whinlatter (conifers)\n"
        "\n## Acyl chlorides\n"
        "- react with water fast, give off HCl not H2O\n"
    )
    fronts = clozes(tmp_path, text)
    assert "PVC burning → [HCl] gas → removed by scrubbing (react with a base eg CaO)" in fronts
    # a label and its example: the example is what the line teaches
    assert "Forestry - eg [Whinlatter] (conifers)" in fronts
    assert not any("[H2O]" in front or "[CaO]" in front for front in fronts)


def test_the_year_of_the_work_an_idea_is_from_ranks_below_its_writer() -> None:
    from revise.generation.targets import build_vocabulary, find_targets

    lines = [
        "Focal points — Schelling (The Strategy of Conflict, 1960): players coordinate on an"
        " obvious option",
        "Harm principle (On Liberty, 1859): power over someone is used only to prevent harm",
    ]
    vocabulary = build_vocabulary(lines, frozenset(["game", "theory"]))
    focal = find_targets(lines[0], vocabulary)
    assert focal[0].text == "Schelling"
    harm = [target.text for target in find_targets(lines[1], vocabulary)]
    assert "Liberty" not in harm
