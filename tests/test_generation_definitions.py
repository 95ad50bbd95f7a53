"""Cards from the shapes students define terms in: a term's letters and what it is ("NSI =
conforming to be liked"), a list of key terms, a bold label over the line saying what it is,
"3 types of X" over its types, a named short list of values."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str = "notes.md") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def asked(notes: list[NoteData]) -> dict[str, str]:
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


def clozes(notes: list[NoteData]) -> list[str]:
    return [note.front for note in notes if note.kind is NoteKind.CLOZE]


def test_a_term_written_in_its_letters_is_asked_what_it_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Social influence\n\n## Explanations for conformity\n\n"
        "- NSI = conforming to be liked or accepted by the group\n"
        "- Asch found conformity on 36.8% of critical trials\n\n"
        "## Obedience\n\n"
        "- AP = extreme respect for authority, obedience, contempt for inferiors\n"
        "- Milgram found 65% went to 450V\n",
    )
    cards = asked(notes)
    assert cards["What is NSI?"] == "Conforming to be liked or accepted by the group"
    assert cards["What is AP?"] == (
        "Extreme respect for authority, obedience, contempt for inferiors"
    )


def test_letters_set_equal_to_a_formula_or_spelled_out_are_no_meaning(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Elasticity\n\n## Price elasticity\n\n"
        "- PED = % change in quantity demanded / % change in price\n"
        "- ROCE = return on capital employed\n"
        "- NE = each plays Heads w/ prob 1/2\n",
    )
    assert not {"What is PED?", "What is ROCE?", "What is NE?"} & set(asked(notes))


def test_a_word_no_dictionary_knows_in_a_list_of_key_terms_is_a_term(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Rivers\n\nRivers erode their beds by abrasion and hydraulic action.\n\n"
        "## Key terms\n\n"
        "Thalweg - line of fastest flow in a river\n\n"
        "Interfluve - higher ground between two valleys\n\n"
        "Load - material carried by the river\n",
    )
    shown = clozes(notes)
    assert "[Thalweg] - line of fastest flow in a river" in shown
    assert "[Interfluve] - higher ground between two valleys" in shown


def test_a_bold_label_over_the_kind_it_is_is_asked_what_it_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "- ## Types of conformity [[Kelman 1958]]\n"
        "\t- **Compliance**\n"
        "\t\t- shallowest type, go along w/ group publicly but privately disagree\n"
        "\t\t- behaviour stops as soon as group pressure removed\n"
        "\t- **Internalisation**\n"
        "\t\t- deepest type, genuinely accept group norms -> private + public change\n"
        "\t\t- permanent, persists even when group is absent\n",
    )
    cards = asked(notes)
    # the whole line, not cut before "but": its contrast is the fact
    assert cards["What is compliance?"] == (
        "Shallowest type, go along w/ group publicly but privately disagree"
    )
    # a word the dictionary spells with a "z" is still a term, not someone's name
    assert cards["What is internalisation?"] == (
        "Deepest type, genuinely accept group norms -> private + public change"
    )


def test_a_label_over_a_case_and_its_figure_is_not_asked_what_it_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "- ## Milgram's variations\n"
        "\t- location\n"
        "\t\t- run-down office building in Bridgeport (not Yale) -> 47.5%\n"
        "\t- tax incidence\n"
        "\t\t- indirect tax burden falls more on consumers if demand is inelastic\n",
    )
    assert not any(front.startswith(("What is location", "What is tax")) for front in asked(notes))


def test_a_count_of_types_over_its_types_asks_for_them_and_heads_them(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Social influence\n\n## Conformity\n\n"
        "- Kelman (1958) \u2013 3 types of conformity\n"
        "  - Compliance \u2013 going along with the group publicly but privately disagreeing\n"
        "  - Identification \u2013 conforming because we value the group and want to belong\n"
        "  - Internalisation \u2013 genuinely accepting the group's norms, a permanent change\n",
    )
    cards = asked(notes)
    assert cards["What are the 3 types of conformity?"] == (
        "Compliance; Identification; Internalisation"
    )
    [identification] = [note for note in notes if note.front == "What is identification?"]
    assert identification.context.endswith("Kelman (1958) \u2013 3 types of conformity")


def test_a_named_short_list_of_values_is_asked_whole(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Ammonia\n\n## Making ammonia\n\n"
        "- Haber process conditions: 450 °C, 200 atm, iron catalyst\n"
        "- ammonia is used to make fertilisers\n",
    )
    assert asked(notes)["What are the Haber process conditions?"] == (
        "450 °C, 200 atm, iron catalyst"
    )
    assert not any("[Haber]" in front for front in clozes(notes))


def test_a_named_influence_over_what_it_is_about_is_asked_so(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "- ## Explanations for conformity\n"
        "\t- Normative social influence (NSI)\n"
        "\t\t- about wanting to be liked / fear of rejection\n"
        "\t\t- emotional process, usually leads to compliance\n"
        "\t- Informational social influence (ISI)\n"
        "\t\t- about wanting to be right, look to others when uncertain\n",
    )
    cards = asked(notes)
    assert cards["What is normative social influence (NSI) about?"] == (
        "Wanting to be liked / fear of rejection"
    )
    assert cards["What is informational social influence (ISI) about?"] == (
        "Wanting to be right, look to others when uncertain"
    )


def test_a_thing_and_what_it_does_after_an_arrow_is_asked_what_it_does(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Chemistry\n\n## Industrial processes\n\n"
        "- Haber process → makes ammonia from nitrogen and hydrogen\n"
        "- photosynthesis -> makes glucose from carbon dioxide and water\n"
        "- ADH travels in blood -> binds to receptors on cells of the collecting duct\n"
        "- cognitive process -> leads to internalisation\n",
    )
    cards = asked(notes)
    assert cards["What does the Haber process do?"] == "Makes ammonia from nitrogen and hydrogen"
    assert cards["What does photosynthesis do?"] == "Makes glucose from carbon dioxide and water"
    # a step before the arrow, or what a thing leads to, is no deed of a thing
    assert not any(
        front.startswith(("What does the ADH", "What does ADH", "What does cognitive"))
        for front in cards
    )


def test_a_term_named_by_what_is_done_to_it_is_set_equal_to_its_meaning(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Game theory\n\n## Mixed strategies\n\n"
        "- mixed strategy = randomising over pure strategies w/ given probabilities\n"
        "- Required practical: the effect of pH on amylase\n",
    )
    cards = asked(notes)
    assert cards["What is mixed strategy?"] == (
        "Randomising over pure strategies w/ given probabilities"
    )
    assert "What is required practical?" not in cards  # a label over what it names


def test_a_meaning_whose_examples_name_the_term_is_no_circle(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Henry VIII\n\n## Court politics\n\n"
        "- Faction = group at court competing for the king's favour (e.g. Boleyn faction, "
        "Aragonese faction)\n",
    )
    assert asked(notes)["What is faction?"] == "Group at court competing for the king's favour"


def test_a_definition_list_entry_is_asked_what_its_term_is_in_full(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Rates of reaction\n\n## Collision theory\n\n"
        "Particles must collide with enough energy to react.\n\n"
        "Activation energy (Ea)\n"
        ": the minimum energy that colliding particles must have for a reaction to happen "
        "between them.\n\n"
        "## Catalysts\n\n"
        "Catalyst\n"
        ": a substance that speeds up a reaction by giving an alternative pathway with a "
        "lower activation energy (without being used up).\n",
    )
    cards = asked(notes)
    assert cards["What is activation energy (Ea)?"] == (
        "The minimum energy that colliding particles must have for a reaction to happen "
        "between them"
    )
    assert cards["What is a catalyst?"] == (
        "A substance that speeds up a reaction by giving an alternative pathway with a lower "
        "activation energy"
    )


def test_a_long_meaning_is_asked_whole_not_cut_mid_phrase(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Transport in cells\n\n"
        "- osmosis - the net movement of water molecules from a dilute solution to a more "
        "concentrated one through a partially permeable membrane\n"
        "- active transport - movement of particles against a concentration gradient, "
        "using energy from respiration\n",
    )
    cards = asked(notes)
    assert cards["What is osmosis?"] == (
        "The net movement of water molecules from a dilute solution to a more concentrated one "
        "through a partially permeable membrane"
    )


def test_a_finding_or_a_list_after_a_term_is_no_long_meaning(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Health\n\n"
        "- lifestyle factors: in 1950 Doll and Hill showed a link between smoking and lung "
        "cancer in a study of doctors\n"
        "- risk factors - poor diet, smoking, lack of exercise, alcohol, stress and obesity in "
        "adults\n",
    )
    cards = asked(notes)
    # (not asked whole as what the term is, as a meaning would be)
    assert len(cards.get("What are lifestyle factors?", "").split()) <= 12
    assert len(cards.get("What are risk factors?", "").split()) <= 12


def test_a_term_named_by_a_participle_before_a_plural_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Sampling\n\n"
        "- stratified samples = samples taken from each group in proportion to its size\n"
        "- opportunity sample = whoever is available at the time\n",
    )
    assert asked(notes)["What are stratified samples?"] == (
        "Samples taken from each group in proportion to its size"
    )


def test_a_term_then_what_its_things_do_hides_the_term(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Weathering\n\n"
        "- frost shattering - water molecules expand as they freeze in cracks in the rock\n"
        "- exfoliation - outer layers of rock peel off after heating and cooling\n",
    )
    assert (
        "[Frost shattering] - water molecules expand as they freeze in cracks in the rock"
        in clozes(notes)
    )


def test_a_long_meaning_under_its_term_is_asked_whole(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Forces and energy\n\n"
        "## Power (P, W)\n\n"
        "= the rate at which energy is transferred or work is done by a force on an object\n\n"
        "## Impulse\n\n"
        "- def: the change in momentum of an object when a force acts on it for a time\n\n"
        "**Terminal velocity**\n"
        "— the constant speed reached when the drag force on a falling object equals its weight\n",
    )
    cards = asked(notes)
    assert cards["What is power?"] == (
        "The rate at which energy is transferred or work is done by a force on an object"
    )
    assert cards["What is impulse?"] == (
        "The change in momentum of an object when a force acts on it for a time"
    )
    assert cards["What is terminal velocity?"] == (
        "The constant speed reached when the drag force on a falling object equals its weight"
    )
    assert "What is def?" not in cards


def test_what_else_a_thing_does_after_a_semicolon_is_in_its_answer(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Organs\n\n"
        "- pancreas - produces insulin; also secretes digestive enzymes\n"
        "- kidney - filters the blood; found in the abdomen\n",
    )
    cards = asked(notes)
    assert cards["What does pancreas do?"] == "Produces insulin; secretes digestive enzymes"
    # where it is found is no more that it does
    assert cards["What does kidney do?"] == "Filters the blood"


def test_a_describing_word_under_a_heading_names_a_kind_of_the_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Skill acquisition\n\n## Feedback\n\n- positive = what was good, motivates beginners\n"
        "- negative = what was wrong, helps experts refine\n\n## Types of practice\n\n"
        "- massed = no or short rest breaks between attempts\n"
        "- distributed = rest intervals between sessions\n\n# Glaciers\n\n- moraines:\n"
        "    - terminal = ridge across the valley at the furthest point the ice reached\n",
    )
    cards = asked(notes)
    assert cards["What is positive feedback?"] == "What was good, motivates beginners"
    assert cards["What is negative feedback?"] == "What was wrong, helps experts refine"
    assert cards["What is distributed practice?"] == "Rest intervals between sessions"
    assert cards["What is terminal moraine?"] == (
        "Ridge across the valley at the furthest point the ice reached"
    )
    assert "What is negative?" not in cards


def test_points_under_a_heading_of_causes_are_no_kinds(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Flooding\n\n## Causes\n\n- human: urbanisation, deforestation, building on "
        "floodplains\n- physical: heavy rainfall, snowmelt, impermeable rock\n\n## Fission\n\n"
        "- waste - spent fuel rods are stored underwater in cooling ponds\n",
    )
    cards = asked(notes)
    assert not any(front.endswith((" cause?", " fission?")) for front in cards)


def test_a_prose_definition_under_its_own_heading_is_asked_what_it_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Finance\n\n## Costs\n\n### Fixed costs\n\n"
        "- Fixed costs (FC) are costs that do not change with output in the short run.\n"
        "- Examples: rent, insurance, salaries.\n\n"
        "### Opportunity cost\n\n"
        "- Opportunity cost is the value of the next best alternative given up.\n"
        "- Every choice has one.\n",
    )
    cards = asked(notes)
    assert cards["What are fixed costs (FC)?"] == (
        "Costs that do not change with output in the short run"
    )
    assert cards["What is opportunity cost?"] == "The value of the next best alternative given up"


def test_terms_under_a_key_terms_heading_are_asked_one_each(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "- Philosophy of mind\n"
        "  - Key terms\n"
        "    - dualism = mind and body are distinct kinds of thing\n"
        "    - physicalism = everything is physical, or supervenes on the physical\n"
        "  - Substance dualism\n"
        "    - Descartes argued the mind is not extended.\n",
        name="notes.txt",
    )
    cards = asked(notes)
    assert cards["What is dualism?"] == "Mind and body are distinct kinds of thing"
    assert cards["What is physicalism?"] == "Everything is physical, or supervenes on the physical"
    assert not any("key terms" in front.casefold() for front in cards)


def test_an_objection_or_a_proof_is_no_term_to_ask(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Mind\n\n## Identity theory\n\n"
        "- mental states are ontologically reducible to brain states (Place, Smart 1950s)\n"
        "- objection: multiple realisability (Putnam) - same state, different physical bases\n\n"
        "## Sorting\n\n"
        "- any comparison sort needs n log n comparisons in the worst case\n"
        "- proof: decision tree, must have n! leaves (one per permutation)\n",
    )
    fronts = set(asked(notes))
    assert not {"What is objection?", "What is proof?"} & fronts


def test_a_term_is_asked_with_the_article_it_takes(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Mind\n\n## Property dualism\n\n"
        "- multiplier effect = the knock-on rise in income from an injection of spending\n"
        "- folk psychology = a theory of behaviour using beliefs and desires\n\n"
        "## Logic\n\n"
        "- a logic gate = electronic component that takes binary inputs, gives one output\n"
        "- inflation = a sustained increase in the general price level\n",
    )
    fronts = set(asked(notes))
    assert "What is the multiplier effect?" in fronts
    assert "What is folk psychology?" in fronts
    assert "What is a logic gate?" in fronts
    assert "What is inflation?" in fronts


def test_a_symbol_that_leads_to_another_keeps_its_case(tmp_path: Path) -> None:
    """ "n -> p + e-": n is the neutron, N would be newtons; a symbol's capital is another."""
    path = tmp_path / "particles.md"
    path.write_text(
        "# Decays\n\n"
        "- beta minus: n -> p + e- + anti-electron-neutrino (via W-)\n"
        "- beta plus: p → n + e+ + electron neutrino (via W+)\n",
        encoding="utf-8",
    )
    backs = [note.back for note in generate_deck(path).notes]
    assert "n -> p + e- + anti-electron-neutrino (via W-)" in backs
    assert "p → n + e+ + electron neutrino (via W+)" in backs


def test_a_meaning_that_lists_its_members_keeps_every_member(tmp_path: Path) -> None:
    """ "A, B, and C" is one list: the answer never stops at "A, B"; too long for one phrase,
    it is answered item by item."""
    notes = deck_notes(
        tmp_path,
        "# Occupiers' liability\n\n## Intro\n\n"
        "- Lawful visitors = invitees and licensees, people with express or implied "
        "permission, and people with a legal right to enter (e.g. police with a warrant).\n",
    )
    assert asked(notes)["What are lawful visitors?"] == (
        "Invitees and licensees; people with express or implied permission; "
        "people with a legal right to enter"
    )


def test_a_definition_in_prose_keeps_the_phrase_that_defines_it(tmp_path: Path) -> None:
    """A meaning is not cut before the phrase it ends on where that phrase is what defines it:
    the whole noun phrase is asked, even where the paragraph named the term before."""
    notes = deck_notes(
        tmp_path,
        "23 Transition metals\n\n"
        "The transition metals are found in the d block of the Periodic Table. A transi-\n"
        "tion metal is an element that forms at least one stable ion with an incomplete\n"
        "d sub-level.\n\n"
        "Scandium and zinc are d block elements but are NOT transition metals.\n",
        name="metals.txt",
    )
    assert asked(notes)["What is a transition metal?"] == (
        "An element that forms at least one stable ion with an incomplete d sub-level"
    )


def test_a_meaning_is_never_cut_inside_its_list_or_before_its_alternative(
    tmp_path: Path,
) -> None:
    """ "A, B and C" is never answered "A, B"; "X, or Y" is one meaning of two halves."""
    notes = deck_notes(
        tmp_path,
        "# Tort\n\n## Negligence\n\n"
        "- negligence = omission to do something which a reasonable man would do, or doing "
        "something which a prudent and reasonable man would not do\n\n"
        "## Policy\n\n"
        "- Monetary policy = using interest rates, money supply and the exchange rate to "
        "influence the economy, mainly to hit the inflation target\n",
    )
    cards = asked(notes)
    assert cards["What is negligence?"] == (
        "Omission to do something which a reasonable man would do, or doing something which "
        "a prudent and reasonable man would not do"
    )
    assert cards.get("What is monetary policy?") != "Using interest rates, money supply"


def test_a_meaning_keeps_the_clause_that_limits_it(tmp_path: Path) -> None:
    """ "doesn't have to be followed [but the judge may choose to]", "movement of people ...
    [, for at least a year]": a definition cut before its "but" or its "for at least" is
    half the fact, and often a false one."""
    notes = deck_notes(
        tmp_path,
        "# English legal system\n\n## Precedent\n\n"
        "- Persuasive precedent = doesn't have to be followed but the judge may choose to\n"
        "- Binding precedent = a precedent from an earlier case which must be followed\n\n"
        "# Population\n\n## Migration\n\n"
        "- Migration = movement of people from one place to another to live, for at least "
        "a year (UN definition)\n"
        "- Net migration = immigrants minus emigrants\n\n"
        "# Genetics\n\n## Basic vocab\n\n"
        "- **Carrier** = heterozygous for a recessive disorder allele, doesn't show it but can "
        "pass it on\n"
        "- **Genotype** = the alleles an organism has\n",
    )
    cards = asked(notes)
    assert cards["What is persuasive precedent?"] == (
        "Doesn't have to be followed but the judge may choose to"
    )
    assert cards["What is migration?"] == (
        "Movement of people from one place to another to live, for at least a year"
    )
    assert cards["What is carrier?"] == (
        "Heterozygous for a recessive disorder allele, doesn't show it but can pass it on"
    )


def test_a_quantity_line_asks_its_meaning_formula_and_unit_apart(tmp_path: Path) -> None:
    """ "Power: rate of energy transfer, P = E/t, unit watt (W)" holds three facts; a
    meaning, then "= a value", two; "LIC = more deaths" after a comma is no formula."""
    notes = deck_notes(
        tmp_path,
        "# Electricity\n\n## Key quantities\n\n"
        "- Power: rate of energy transfer, P = E/t, unit watt (W)\n"
        "- Resistance = opposition to the flow of current, R = V/I, measured in ohms\n"
        "- Clock speed - number of cycles per second, measured in Hz\n"
        "- **kilowatt-hour** (kWh) = energy transferred by a 1 kW device in 1 hour = "
        "3.6 x 10^6 J\n\n"
        "## Impacts\n\n"
        "- HIC = more economic loss, LIC = more deaths\n",
    )
    cards = asked(notes)
    assert cards["What is power?"] == "Rate of energy transfer"
    assert cards["What is the formula for power?"] == "P = E/t"
    assert cards["What is the unit of power?"] == "watt"
    assert cards["What is resistance?"] == "Opposition to the flow of current"
    assert cards["What is the formula for resistance?"] == "R = V/I"
    assert cards["What is the unit of clock speed?"] == "Hz"
    assert cards["What is the value of kilowatt-hour (kWh)?"] == "3.6 x 10^6 J"
    assert not [front for front in cards if "HIC" in front and "formula" in front]


def test_a_use_or_a_measuring_instrument_is_asked_as_such_not_as_a_meaning(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Ecology\n\n## Ways to catch animals\n\n"
        "- sweep net = for insects in long grass\n"
        "- pitfall trap = container sunk in the ground so its rim is level with the surface\n\n"
        "## Abiotic factors you can measure along a transect\n\n"
        "- temperature - thermometer / temp probe\n"
        "- soil pH - pH probe or indicator\n"
        "- light intensity - light meter\n",
    )
    cards = asked(notes)
    assert cards["What is a sweep net for?"] == "For insects in long grass"
    assert cards["What is used to measure temperature?"] == "Thermometer / temp probe"
    assert cards["What is used to measure soil pH?"] == "pH probe or indicator"
    assert cards["What is used to measure light intensity?"] == "Light meter"
    assert not {"What is temperature?", "What is soil pH?", "What is sweep net?"} & set(cards)


def test_a_describing_word_over_what_it_implies_is_never_asked_what_it_does(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Demographic transition model\n\n## Criticisms\n\n"
        "- eurocentric - assumes all countries follow the same path as Europe\n"
        "- time scale varies - UK took about 200 years, some LICs much faster\n",
    )
    assert "What does eurocentric do?" not in asked(notes)


def test_a_noun_of_the_headings_own_stem_is_not_made_a_kind_of_it(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Migration\n"
        "\tMigration = movement of people from one place to another to live, for at least a year\n"
        "\tEmigrant = person leaving a country; Immigrant = person arriving in a country\n"
        "\tEconomic migrant = moves voluntarily to find work / better standard of living\n"
        "\tRavensteins laws of migration (1885)\n"
        "\t\tmost migrants only go a short distance\n"
        "\t\tmigration happens in steps (step migration)\n",
        name="notes.txt",
    )
    shown = " ".join(note.front for note in notes)
    assert "migrant migration" not in shown.casefold()
    cards = asked(notes)
    assert "What happens to the migration?" not in cards
    assert cards.get("How does migration happen?") == "In steps (step migration)"


def test_a_points_label_under_its_list_is_hidden_in_its_line_not_asked_what_it_is(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Judicial precedent\n\n## Disadvantages\n\n"
        "18. **Rigidity** - lower courts must follow binding precedent even if they think it's"
        " wrong\n"
        "19. **Complexity** - huge number of reported cases (over 500,000), hard to find the"
        " ratio, judgments can be very long\n",
    )
    assert "What is complexity?" not in asked(notes)
    assert (
        "[Complexity] - huge number of reported cases (over 500,000), hard to find the ratio,"
        " judgments can be very long" in clozes(notes)
    )


def test_a_term_whose_meaning_is_all_in_brackets_still_gives_its_deck(tmp_path: Path) -> None:
    # "Holophrase - (one word for a whole idea)": the meaning after the dash is one aside in
    # brackets, with no words outside them
    notes = deck_notes(
        tmp_path,
        "Child language\n\nHolophrase - (one word for a whole idea)\n"
        "Overextension - using one word for a wider set of things than it means\n",
        "notes.txt",
    )
    assert "[Holophrase] - (one word for a whole idea)" in clozes(notes)


def test_a_meaning_on_a_line_of_its_own_after_a_colon_is_read_without_error(
    tmp_path: Path,
) -> None:
    # a definition list's second line (": energy needed ...") typed where no list is read
    path = tmp_path / "notes.md"
    path.write_text(
        "Specific heat capacity\n\n"
        ": energy needed to raise the temperature of 1 kg of a substance by 1 K.\n",
        encoding="utf-8",
    )
    assert generate_deck(path).name  # the deck is made, not stopped by an error
