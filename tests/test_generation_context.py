"""Cards that keep their context: table cells that share a value, a term the author bolded."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str = "notes.md") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def cards(tmp_path: Path, text: str, name: str = "notes.md") -> set[tuple[str, str]]:
    return {(note.front, note.back) for note in deck_notes(tmp_path, text, name)}


DECLENSION = """# Latin nouns

## First declension nouns

| | singular | plural |
|---|---|---|
| nominative | puella | puellae |
| genitive | puellae | puellarum |
| dative | puellae | puellis |
| ablative | puella | puellis |

## Second declension nouns

| | singular | plural |
|---|---|---|
| nominative | servus | servi |
| genitive | servi | servorum |
"""


def test_each_cell_of_a_table_of_forms_is_a_card_though_its_value_recurs(tmp_path: Path) -> None:
    got = cards(tmp_path, DECLENSION)
    for case, singular, plural in [
        ("nominative", "puella", "puellae"),
        ("genitive", "puellae", "puellarum"),
        ("dative", "puellae", "puellis"),
        ("ablative", "puella", "puellis"),
    ]:
        assert (f"What is the singular of {case}?", singular) in got
        assert (f"What is the plural of {case}?", plural) in got
    # the second table asks the same questions of its own forms, under its own heading
    second = {
        (note.front, note.back)
        for note in deck_notes(tmp_path, DECLENSION)
        if note.context == "Second declension nouns"
    }
    assert ("What is the singular of nominative?", "servus") in second
    assert ("What is the plural of genitive?", "servorum") in second


def test_a_value_a_few_rows_share_is_asked_once_of_them_all(tmp_path: Path) -> None:
    notes = """# Group 1 and 2 ions

## Flame tests

| Ion | Charge | Flame colour |
|---|---|---|
| Lithium | +1 | crimson |
| Sodium | +1 | yellow |
| Potassium | +1 | lilac |
| Calcium | +2 | orange-red |
"""
    got = cards(tmp_path, notes)
    assert ("Charge +1: which ions?", "Lithium; Sodium; Potassium") in got
    assert not any(
        front.startswith("What is the charge of") and back == "+1" for front, back in got
    )
    assert ("What is the charge of calcium?", "+2") in got
    assert ("What is the flame colour of sodium?", "yellow") in got


def test_a_cell_shared_across_columns_is_one_card_not_four_alike(tmp_path: Path) -> None:
    notes = """# Searching and sorting

| Algorithm | Best | Average | Worst |
|---|---|---|---|
| Bubble sort | O(n) | O(n²) | O(n²) |
| Merge sort | O(n log n) | O(n log n) | O(n log n) |
| Heap sort | O(n log n) | O(n log n) | O(n log n) |
| Binary search | O(1) | O(log n) | O(log n) |

| Class | Colour | Example |
|---|---|---|
| O | blue | Zeta Puppis |
| B | blue | Rigel |
| A | white | Sirius |
"""
    got = cards(tmp_path, notes)
    assert ("Best, average and worst O(n log n): which algorithms?", "Merge sort; Heap sort") in got
    assert not any(back == "O(n log n)" for _, back in got)
    assert ("Bubble sort: worst?", "O(n²)") in got
    assert ("Binary search: best?", "O(1)") in got
    assert ("Colour blue: which classes?", "O; B") in got
    assert ("What is the colour of class A?", "white") in got  # a class named by its letter


def test_a_word_the_author_bolded_is_a_term_however_common(tmp_path: Path) -> None:
    notes = """# Electricity basics

Current carries **charge** around a circuit — NOT energy itself.

A battery pushes charge round by giving it **energy** at the cell.
"""
    clozes = {note.front for note in deck_notes(tmp_path, notes) if note.kind is NoteKind.CLOZE}
    assert "Current carries [charge] around a circuit — NOT energy itself." in clozes
    assert "A battery pushes charge round by giving it [energy] at the cell." in clozes


def test_a_common_word_not_bolded_is_still_no_target(tmp_path: Path) -> None:
    notes = """# Electricity basics

Current carries charge around a circuit — NOT energy itself.
"""
    clozes = {note.front for note in deck_notes(tmp_path, notes) if note.kind is NoteKind.CLOZE}
    assert "Current carries [charge] around a circuit — NOT energy itself." not in clozes


ARROWS = """# Physics and Italian

## Sound
- sound needs a medium → can't travel through a vacuum; light can

## Italian prepositions
- di + il → del, a + il → al
- su + la → sulla

## Practical
- switch on the power pack → the bulb lights up

## Economics
- price above eq -> excess supply
"""


def test_a_clause_before_an_arrow_is_the_reason_not_a_cause(tmp_path: Path) -> None:
    got = cards(tmp_path, ARROWS)
    assert ("Why can't sound travel through a vacuum?", "Sound needs a medium") in got
    assert not any("lead to" in front and "needs" in front for front, _ in got)


def test_two_words_joined_by_plus_before_an_arrow_are_a_rule_of_what_they_become(
    tmp_path: Path,
) -> None:
    got = cards(tmp_path, ARROWS)
    assert ("What does di + il become?", "del") in got
    assert ("What does a + il become?", "al") in got
    assert ("What does su + la become?", "sulla") in got
    assert not any("lead to" in front and "+" in front for front, _ in got)


def test_an_order_before_an_arrow_asks_what_doing_it_brings_about(tmp_path: Path) -> None:
    got = cards(tmp_path, ARROWS)
    assert ("What happens after switching on the power pack?", "The bulb lights up") in got
    assert not any(front.startswith("What does switch") for front, _ in got)


def test_a_noun_phrase_before_an_arrow_still_asks_what_it_leads_to(tmp_path: Path) -> None:
    assert ("What does price above eq lead to?", "Excess supply") in cards(tmp_path, ARROWS)


def test_the_checker_flags_a_clause_or_a_rule_asked_as_a_cause() -> None:
    from revise.formats.model import DeckData, SourceRef
    from revise.generation.checker import check_deck

    text = "# Notes\n\n- sound needs a medium → can't travel\n- an + dem → am\n- x arrested -> y\n"
    garbled = [
        ("What does sound needs a medium lead to?", "Can't travel", 3),
        ("What does an + dem lead to?", "Am", 4),
        ('Who arrested -> "Letter"?', "X", 5),
    ]
    notes = [
        NoteData(NoteKind.BASIC, front, back, "Notes", source=SourceRef("n.md", line, line))
        for front, back, line in garbled
    ]
    findings = check_deck(DeckData(name="Notes", notes=notes), {"n.md": text})
    flagged = {finding.index for finding in findings if finding.check == 14}
    assert flagged == {0, 1, 2}


LABELLED = """# Memory — Paper 1

## Models of memory

**Multi-store model (1968)**
- aim: explain how information flows through memory
- findings:
  - short-term memory holds about 7 items, long-term memory is unlimited
- evaluation:
  - (+) supported by the case study of Clive Wearing, whose short-term store worked normally

**Peterson & Peterson (1959)**
- evaluation:
  - (-) used letter trigrams, so low ecological validity in Glasgow
"""


def test_a_label_bullet_keeps_the_study_it_belongs_to_in_the_context(tmp_path: Path) -> None:
    by_line = {note.source.start: note for note in deck_notes(tmp_path, LABELLED) if note.source}
    finding = by_line[8]
    assert finding.context == "Models of memory > Multi-store model (1968) > findings"
    assert finding.front == "Short-term memory holds about [7] items, long-term memory is unlimited"


def test_a_strength_or_weakness_says_what_it_is_of(tmp_path: Path) -> None:
    fronts = {note.front for note in deck_notes(tmp_path, LABELLED)}
    assert (
        "A strength of the Multi-store model (1968): supported by the case study of "
        "[Clive Wearing], whose short-term store worked normally"
    ) in fronts
    assert (
        "A weakness of Peterson & Peterson (1959): used letter trigrams, so low ecological "
        "validity in [Glasgow]"
    ) in fronts
    assert not any(front.startswith(("(+)", "(-)")) for front in fronts)


def test_an_example_sentence_beside_a_rule_is_no_card_of_its_own(tmp_path: Path) -> None:
    notes = """# Italian: prepositions

## Prepositions

**+ infinitive**: prima di, invece di, senza
- Studio sempre prima di cena a Milano. \u2013 I always study before dinner in Milan.
- per is used for purpose: to, in order to

## Example sentences
Vado al mare con mia sorella. - I go to the sea with my sister.
Abbiamo visitato Roma e mangiato la pizza. - We visited Rome and ate pizza.
Mio fratello non poteva venire oggi. - My brother could not come today.
"""
    fronts = [note.front for note in deck_notes(tmp_path, notes)]
    assert not any("Milano" in front for front in fronts)
    # a section of example sentences is what the notes teach: its lines stay cards
    assert any("visitato Roma e mangiato la pizza" in front for front in fronts)


def test_an_eg_after_a_definition_is_its_illustration_not_a_card(tmp_path: Path) -> None:
    notes = """# Business: growth

## Methods of growth
- Horizontal integration = merging with a firm at the same stage. Eg: Morrisons buying Safeway
- Vertical integration = merging with a firm at another stage. Eg: Tesco buying a dairy farm
"""
    fronts = [note.front for note in deck_notes(tmp_path, notes)]
    assert fronts
    assert not any(front.startswith("Eg:") for front in fronts)


def test_a_cloze_that_echoes_a_question_gives_way_to_another_of_its_line(tmp_path: Path) -> None:
    notes = (
        "The Weimar Republic 1919-23\n"
        "- Threats from the left\n"
        "- Must restore govt control in the capital - if not, communists will set up a soviet "
        "republic in Bavaria\n"
        "- Ebert relied on the Freikorps to defeat the uprising\n"
        "- Results of 1923\n"
        "- Partial recovery for the govt - control of Berlin had been restored - but they had "
        "failed to win back support in Bavaria\n"
    )
    fronts = [note.front for note in deck_notes(tmp_path, notes, "weimar.txt")]
    # "[Bavaria]" is what the question about govt control already asks; the line is still
    # carded, by what else it names
    assert (
        "Partial recovery for the govt - control of [Berlin] had been restored - but they had "
        "failed to win back support in Bavaria"
    ) in fronts
    assert not any(front.endswith("support in [Bavaria]") for front in fronts)


TOGGLES = """# 🧪 Cell biology

Created: 3 March 2025 10:12
Tags: Biology

## Organelles

<details>
<summary>Mitochondria</summary>

- Site of aerobic respiration, which releases energy as ATP
- **Cristae** = folds of the inner membrane that give a larger surface area
</details>

- **Ribosomes** = small organelles where proteins are made from amino acids
"""


def test_a_toggles_title_is_the_context_of_its_lines_and_ends_with_it(tmp_path: Path) -> None:
    # A note app's toggle ("<details><summary>Mitochondria</summary>") names what its lines
    # are about, as a heading would; the line after it is under the section heading again.
    notes = deck_notes(tmp_path, TOGGLES)
    contexts = {note.front.split("]")[0]: note.context for note in notes}
    assert contexts.get("[Cristae") == "Organelles > Mitochondria"
    assert contexts.get("[Ribosomes") == "Organelles"


TOGGLES_HTML = """<html><head><title>Cell biology</title></head><body><article class="page">
<header><h1 class="page-title">Cell biology</h1></header><div class="page-body">
<h2>Organelles</h2>
<ul class="toggle"><li><details open=""><summary>Mitochondria</summary>
<ul><li><strong>Cristae</strong> = folds of the inner membrane that give a larger surface area</li>
</ul></details></li></ul>
<ul><li><strong>Ribosomes</strong> = small organelles where proteins are made from amino acids</li>
</ul></div></article></body></html>
"""


def test_a_toggle_in_a_saved_page_is_the_context_of_its_lines(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, TOGGLES_HTML, "notes.html")
    contexts = {note.front.split("]")[0]: note.context for note in notes}
    assert contexts.get("[Cristae") == "Organelles > Mitochondria"
    assert contexts.get("[Ribosomes") == "Organelles"


def test_a_later_sentence_of_a_line_that_opens_on_a_study_names_the_study(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Memory\n\n## Duration of short-term memory\n"
        "- Peterson & Peterson (1959) - 24 students recalled consonant trigrams after counting"
        " backwards. Only 10% were recalled correctly after 18 seconds\n"
        "- Bahrick et al (1975) - 392 American ex-students were shown photos from their"
        " yearbooks. About 90% of faces were recognised after 15 years\n"
    )
    notes = generate_deck(path).notes
    ten = next(note for note in notes if "were recalled correctly" in note.front)
    assert ten.context.endswith("Peterson & Peterson (1959)")
    ninety = next(note for note in notes if "were recognised after" in note.front)
    assert ninety.context.endswith("Bahrick et al (1975)")


def test_a_sub_bullet_under_a_long_definition_carries_the_term_defined(tmp_path: Path) -> None:
    text = (
        "# Precedent\n\n"
        "## Intro\n\n"
        "1. Judicial precedent = judges follow the decisions of earlier cases where the facts"
        " are similar to the case being decided now.\n"
        '   - based on **stare decisis** = "stand by what has been decided"\n'
        "2. Ratio decidendi = the legal reasoning on which the decision is based.\n"
    )
    notes = deck_notes(tmp_path, text)
    based = next(note for note in notes if "[stare decisis]" in note.front)
    assert based.context == "Intro > Judicial precedent"
