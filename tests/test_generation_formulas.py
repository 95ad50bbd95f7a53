"""Formulas written in words, and the sums of one worked case, which are no facts."""

from __future__ import annotations

from pathlib import Path

from revise.generation import generate_deck

COSTS = """# Business maths

## Costs and revenue

- Average revenue = total revenue ÷ number of units sold
- Profit = total revenue \u2212 total cost
- Straight-line growth = (final value \u2212 starting value) ÷ number of years
- $\\text{Average cost} = \\frac{\\text{total cost}}{\\text{number of units made}}$

e.g. fixed costs £9,000, selling price £15, variable cost £6 → contribution £9 → break-even = \
1,000 units. If it sells 1,400 → margin of safety 400 units.

Worked example (made-up figures): revenue £80,000, cost of sales £50,000 → gross profit = \
£30,000 → margin = 30,000/80,000 \u00d7 100 = 37.5%. Overheads £10,000 → operating profit = £20,000.

Labour productivity = output ÷ number of workers. e.g. 500 chairs made by 10 workers → 50 \
chairs per worker.
"""


def test_each_formula_in_words_asks_its_right_hand_side(tmp_path: Path) -> None:
    path = tmp_path / "costs.md"
    path.write_text(COSTS, encoding="utf-8")
    got = {(note.front, note.back) for note in generate_deck(path).notes}
    # quantities named at length between signs that only sums are written with
    assert ("Average revenue = ?", "total revenue ÷ number of units sold") in got
    assert ("Profit = ?", "total revenue \u2212 total cost") in got
    grown = "(final value \u2212 starting value) ÷ number of years"
    assert ("Straight-line growth = ?", grown) in got
    # inline LaTeX in words, its fraction whole
    assert ("Average cost = ?", "(total cost)/(number of units made)") in got
    assert ("Labour productivity = ?", "output ÷ number of workers") in got


def test_a_worked_cases_figures_give_no_card(tmp_path: Path) -> None:
    path = tmp_path / "costs.md"
    path.write_text(COSTS, encoding="utf-8")
    notes = generate_deck(path).notes
    shown = [f"{note.front} {note.back}" for note in notes]
    for figure in ("400", "£50,000", "£10,000", "500"):
        assert not any(figure in text for text in shown), figure
    assert len(notes) == 5


def test_a_quantity_said_two_ways_asks_both(tmp_path: Path) -> None:
    path = tmp_path / "energy.md"
    path.write_text(
        "# Energy\n\n## Stores\n\n"
        "- Mechanical energy = kinetic energy + potential energy = total energy stored\n"
        "- Power = energy \u00f7 time = 600 \u00f7 20\n"
        "- P = IV so P = I\u00b2R\n",
        encoding="utf-8",
    )
    got = {(note.front, note.back) for note in generate_deck(path).notes}
    told = ("Mechanical energy = ?", "kinetic energy + potential energy = total energy stored")
    assert told in got
    assert not any("600" in f"{front} {back}" for front, back in got)  # a sum worked out
    assert not any("so" in back.split() for _, back in got)  # two formulas, not one said twice


LOGARITHMS = r"""# Logarithms

## Laws of logs
$$\log a + \log b \equiv \log ab$$
$$\log a - \log b \equiv \log \frac{a}{b}$$
$$\log_a a = 1$$
- $\log_a 1 = 0$ for any base a
- the log of the base itself is 1, so $\log_{10} 10 = 1$
"""


def test_display_formulas_one_under_another_are_each_asked(tmp_path: Path) -> None:
    path = tmp_path / "logs.md"
    path.write_text(LOGARITHMS)
    cards = {note.front: note.back for note in generate_deck(path).notes}
    # each block of the paragraph is its own formula, its signs spaced as written
    assert cards["log a + log b ≡ ?"] == "log ab"
    assert cards["log a - log b ≡ ?"] == "log a/b"
    # an answer other formulas share is still asked: the left-hand side says which
    assert cards["logₐ a = ?"] == "1"


RECIPROCAL_RATIOS = r"""# Reciprocal trig ratios

## In a right-angled triangle
- $\cot\theta = \frac{\text{adj}}{\text{opp}}$, $\sec\theta = \frac{\text{hyp}}{\text{adj}}$
- $p = 0$ impossible event, $p = 1$ certain event
"""


def test_formulas_listed_with_commas_are_each_asked(tmp_path: Path) -> None:
    path = tmp_path / "ratios.md"
    path.write_text(RECIPROCAL_RATIOS)
    cards = {note.front: note.back for note in generate_deck(path).notes}
    assert cards["cot θ = ?"] == "adj/opp"
    assert cards["sec θ = ?"] == "hyp/adj"
    # one quantity's values side by side are cases, not formulas to recall
    assert "p = ?" not in cards


def test_an_example_after_a_letter_and_a_full_stop_is_a_sentence_of_its_own() -> None:
    from revise.generation.tidying import sentences

    text = (
        "the height is a quadratic in t so a ball passes each height twice: at t and at T - t. "
        "e.g. u = 20, g = 10, h = 15 -> t = 1 s OR t = 3 s."
    )
    said = [sentence for _, _, sentence in sentences(text)]
    # "t." is no initial and no word cut short: the worked case starts a sentence of its own
    assert said[0].endswith("at T - t.")
    assert said[1].startswith("e.g. u = 20")
    assert len(sentences("Oliver O. Howard ran the bureau.")) == 1


def test_a_formula_for_one_letter_says_what_the_letter_stands_for(tmp_path: Path) -> None:
    path = tmp_path / "gases.md"
    path.write_text(
        "# Thermal physics\n\n## Ideal gas equation\n\n$$pV = nRT$$\n\n"
        "- $n$ = number of moles, $R$ = molar gas constant = 8.31 J mol⁻¹ K⁻¹\n"
        "- $n = m/M$ (mass ÷ molar mass)\n"
        "- in terms of molecules: $pV = NkT$, where $k$ = Boltzmann constant\n"
        "- $k = R / N_A$\n"
        "- work done by a gas at constant pressure: $W = p\\Delta V$ (area under p-V graph)\n",
        encoding="utf-8",
    )
    cards = {note.front: note.back for note in generate_deck(path).notes}
    # a letter alone names no quantity: "n = ?" has many right answers
    assert cards["n = ? (number of moles)"] == "m/M"
    assert cards["k = ? (Boltzmann constant)"] == "R / N_A"
    assert cards["W = ? (work done by a gas at constant pressure)"] == "p\u0394V"
    assert not {"n = ?", "k = ?", "W = ?"} & set(cards)


def test_a_condition_after_a_formula_is_no_part_of_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "series.md"
    path.write_text(
        "# Series\n\n## Summation identities\n\n\\[\n  \\begin{aligned}\n"
        "    \\sum_{i=m}^n 1 &= n+1-m \\\\\n"
        "    \\sum_{i=0}^{n-1} a^i &= \\frac{1-a^n}{1-a}, \\quad m < n"
        " && \\text{Geometric series}\n"
        "  \\end{aligned}\n\\]\n",
        encoding="utf-8",
    )
    cards = {note.front: note.back for note in generate_deck(path).notes}
    asked = [front for front in cards if "geometric series" in front]
    assert asked and cards[asked[0]] == "(1-a\u207f)/(1-a)"


ACCOUNTS = """Business Studies \u2013 Unit 3: Finance
Break-even and final accounts

1.\tCosts
1.1\tBreak-even
o\tTotal variable costs = variable cost per unit \u00d7 number of units.
o\tBreak-even output = fixed costs \u00f7 (selling price per unit \u2013 variable cost per unit)
o\ti.e. break-even output = fixed costs \u00f7 contribution per unit.
o\tAlways round UP to the next whole unit \u2013 you can't sell half a cake.
o\tExamples: rent, insurance, salaries.

2.\tCash flow
o\tNet cash flow = cash inflows \u2013 cash outflows (for the month).
o\tArrange an overdraft (short-term, flexible, but high interest)
o\tGet customers to pay sooner
o\tNegotiate longer credit terms with suppliers
o\tSell off unused assets

3.\tProfit
o\tTotal contribution \u2212 fixed costs = profit
o\tP/E ratio = share price \u00f7 earnings per share \u2192 how many years of earnings paid for
o\tContribution = \u00a33 \u2013 \u00a31 = \u00a32
"""


def test_formulas_in_words_of_every_layout_are_asked_from_their_result(tmp_path: Path) -> None:
    path = tmp_path / "accounts.txt"
    path.write_text(ACCOUNTS, encoding="utf-8")
    cards = {note.front: note.back for note in generate_deck(path).notes}
    # a formula line is no order, though its first word could be a verb ("Total", "Net") and
    # the notes hold orders enough to read as advice
    assert cards["Net cash flow = ?"] == "cash inflows \u2013 cash outflows"
    # a formula whose side is long, with signs of maths between its quantities
    long_side = "fixed costs \u00f7 (selling price per unit \u2013 variable cost per unit)"
    assert cards["Break-even output = ?"] == long_side
    # the result written on the right is asked for all the same
    assert cards["Profit = ?"] == "total contribution \u2212 fixed costs"
    # what the formula shows, after an arrow, is no part of it
    assert cards["P/E ratio = ?"] == "share price \u00f7 earnings per share"
    # sums worked out with figures only are no formulas
    assert not any("\u00a32" in back or "1,000" in back for back in cards.values())
    assert not any(front.startswith(("i.e.", "Contribution", "Margin")) for front in cards)


def test_a_quantity_and_its_value_asks_the_value_with_its_unit(tmp_path: Path) -> None:
    path = tmp_path / "stars.md"
    path.write_text(
        "# Stars\n\n## Sun facts\n\n"
        "- Surface temperature: 5,800 K\n"
        "- Mass: 2 x 10^30 kg\n"
        "- Core temperature: approx 15 million K\n\n"
        "## Thermal physics\n\n"
        "- Specific heat capacity of water: 4200 J/kg K\n"
        "- Chapter: 4\n",
        encoding="utf-8",
    )
    cards = {note.front: note.back for note in generate_deck(path).notes}
    assert cards["What is the surface temperature?"] == "5,800 K"
    assert cards["What is the mass?"] == "2 x 10^30 kg"
    # (a value said to be about so much keeps its hedge, beside the gap)
    assert "Core temperature: approx [15 million] K" in cards
    assert cards["What is the specific heat capacity of water?"] == "4200 J/kg K"
    assert not any(back == "4" for back in cards.values())


def test_a_formula_with_its_result_on_the_right_asks_for_the_result(tmp_path: Path) -> None:
    path = tmp_path / "accounts.md"
    path.write_text(
        "# Final accounts\n\n## Income statement\n\n"
        "- Revenue \u2212 cost of sales = **gross profit**\n"
        "- Gross profit \u2212 operating expenses (overheads e.g. rent) = operating profit\n"
        "- Much slower \u2013 too much swapping = thrashing\n"
        "- 4,000 \u2013 3,000 = 1,000 units\n",
        encoding="utf-8",
    )
    cards = {note.front: note.back for note in generate_deck(path).notes}
    assert cards["Gross profit = ?"] == "revenue \u2212 cost of sales"
    # (an aside on a quantity is no part of the formula)
    assert cards["Operating profit = ?"] == "gross profit \u2212 operating expenses"
    # words a dash joins, or figures, are no formula
    assert not {"Thrashing = ?", "1,000 units = ?"} & set(cards)


WORKED = """# Electric fields

## Key formulas
- Coulomb's law: F = kQ1Q2/r^2 gives the force between two point charges.

## Worked examples

**Eg 1 \u2013 force between two charges**
Two point charges +3.0 \u03bcC and -5.0 \u03bcC are 0.20 m apart. Find the force.
F = kQ1Q2/r^2 = (8.99e9 \u00d7 3.0e-6 \u00d7 5.0e-6) / 0.20^2
  = 3.4 N (attractive because unlike charges)

**Eg 3 \u2013 electron gun**
Electron accelerated through 2000 V (from rest). Speed?
1/2 mv^2 = eV

**Eg 5 \u2013 Millikan oil drop**
Drop held stationary between plates: weight = electric force
mg = QV/d so Q = mgd/V
"""


def test_a_worked_examples_general_relation_is_asked_but_not_its_figures(tmp_path: Path) -> None:
    path = tmp_path / "fields.md"
    path.write_text(WORKED, encoding="utf-8")
    got = {(note.front, note.back) for note in generate_deck(path).notes}
    # the relations that hold in every case, the rearranged one with the formula it comes from
    assert ("1/2 mv^2 = ?", "eV") in got
    assert ("mg = QV/d so Q = ?", "mgd/V") in got
    # the case's figures, and a formula the notes already state among their facts, are no card
    assert not any(figure in f"{front} {back}" for front, back in got for figure in ("0.20", "3.4"))
    assert not any(back == "kQ1Q2/r^2" for _, back in got)


def test_a_formula_is_asked_with_the_name_and_legend_the_lines_beside_it_give(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sampling.md"
    path.write_text(
        "# Sampling\n\n## Animals and diversity\n\n"
        "- Mark release recapture is for animals that move about.\n"
        "- population size = (M x C) / R\n"
        "- its called the Lincoln index\n"
        "- Species richness is the number of different species in an area.\n"
        "- Simpson's diversity index D = 1 - (\u03a3 n(n-1) / N(N-1))\n"
        "- n = number of individuals of each species, N = total number of all organisms\n",
        encoding="utf-8",
    )
    got = {(note.front, note.back) for note in generate_deck(path).notes}
    assert ("population size = ? (Lincoln index)", "(M x C) / R") in got
    assert ("D = ? (Simpson's diversity index)", "1 - (\u03a3 n(n-1) / N(N-1))") in got
    asked = "In Simpson's diversity index, what does n stand for?"
    assert (asked, "number of individuals of each species") in got
    assert not any("[organisms]" in front for front, _ in got)  # (a legend's filler word)


def test_a_formula_and_its_unit_are_two_cards(tmp_path: Path) -> None:
    path = tmp_path / "decay.md"
    path.write_text(
        "# Particles and decay\n\n## Decay\n\n"
        "- specific charge = charge / mass, units C kg^-1\n"
        "- activity: A = \u03bbN, measured in becquerels (1 Bq = 1 decay per second)\n"
        "- $\\dfrac{dN}{dt} = -\\lambda N$\n",
        encoding="utf-8",
    )
    got = {(note.front, note.back) for note in generate_deck(path).notes}
    assert ("specific charge = ?", "charge / mass") in got
    assert ("What is the unit of specific charge?", "C kg^-1") in got
    assert ("A = ? (activity)", "\u03bbN") in got
    assert ("What is the unit of activity?", "becquerels") in got
    # a side that differs from another by its sign alone is a relation of its own
    assert ("dN/dt = ?", "-\u03bbN") in got
