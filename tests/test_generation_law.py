"""Law notes: a case is asked for what the court decided, not for a detail of its facts."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteKind
from revise.generation import generate_deck
from tests.generated_notes import deck_notes, questions


def test_a_case_over_its_facts_and_outcome_asks_what_was_held(tmp_path: Path) -> None:
    text = (
        "NUISANCE\n"
        "\tlocality\n"
        "\t\tSturges v Bridgman (1879)\n"
        "\t\t\tdoctor built a consulting room next to a confectioner's noisy machinery\n"
        "\t\t\tcharacter of the neighbourhood matters -> injunction granted\n"
        "\tmalice\n"
        "\t\tHollywood Silver Fox Farm v Emmett (1936)\n"
        "\t\t\tD fired guns on his own land to stop the foxes breeding\n"
        "\t\t\tmalicious noise was a nuisance -> injunction\n"
    )
    cards = questions(tmp_path, text)
    assert cards["What was held in Sturges v Bridgman (1879)?"] == (
        "Character of the neighbourhood matters -> injunction granted"
    )
    assert cards["What was held in Hollywood Silver Fox Farm v Emmett (1936)?"] == (
        "Malicious noise was a nuisance -> injunction"
    )
    fronts = [note.front for note in deck_notes(tmp_path, text)]
    assert not [front for front in fronts if "[injunction]" in front or "[noisy]" in front]


def test_facts_and_holding_sub_bullets_ask_the_holding(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "## Remedies\n"
        "- Miller v Jackson (1977)\n"
        "  - F: cricket balls kept landing in a garden next to the ground\n"
        "  - H: it was a nuisance but no injunction, damages only\n"
        "- Coventry v Lawrence (2014)\n"
        "  - facts: speedway stadium noise next to a house\n"
        "  - SC: damages in lieu of an injunction are more widely available\n",
        "notes.md",
    )
    assert cards["What was held in Miller v Jackson (1977)?"] == (
        "It was a nuisance but no injunction, damages only"
    )
    assert cards["What was held in Coventry v Lawrence (2014)?"] == (
        "Damages in lieu of an injunction are more widely available"
    )
    assert not [front for front in cards if " the H of " in front or "cricket balls" in front]


def test_a_case_line_with_its_facts_then_its_holding_asks_the_holding(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "OMISSIONS\n"
        "- R v Evans (2009) - D bought heroin for her half-sister, who overdosed at home. "
        "CA held that a person who creates a dangerous situation owes a duty to act\n"
        "- R v Gibbins and Proctor (1918): father and partner starved his daughter, she died. "
        "Duty from the relationship of parent and child\n",
    )
    assert cards["What was held in R v Evans (2009)?"] == (
        "A person who creates a dangerous situation owes a duty to act"
    )
    assert cards["What was held in R v Gibbins and Proctor (1918)?"] == (
        "Duty from the relationship of parent and child"
    )
    assert not [front for front in cards if "heroin" in front or "starved" in front]


def test_the_writers_own_opinion_gives_no_card(tmp_path: Path) -> None:
    fronts = [
        note.front
        for note in deck_notes(
            tmp_path,
            "JUDICIAL REVIEW\n"
            "- GCHQ case (1985): the grounds are illegality, irrationality and procedural "
            "impropriety\n"
            "- My view: the Wednesbury test sets the bar far too high for claimants\n"
            "- IMO the Human Rights Act 1998 made proportionality the real test\n"
            "- personally I think ouster clauses should never be upheld by the courts\n",
        )
    ]
    assert [front for front in fronts if "irrationality" in front]
    assert not [front for front in fronts if "Wednesbury" in front or "1998" in front]
    assert not [front for front in fronts if "ouster" in front]


def test_a_named_test_gives_its_parts_and_a_named_rule_what_it_says(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "## Occupiers' liability\n"
        "- Hedley Byrne test: 1) a special relationship 2) reasonable reliance\n"
        "- allurement rule - a child may be drawn into danger by something attractive\n"
        "- 'trespasser' test for adults\n"
        "  - 1 did D know of the danger\n"
        "  - 2 did D know the trespasser was nearby\n"
        "  - 3 was the risk one D should protect against\n"
        "- the Tomlinson principle\n"
        "  - an occupier owes no duty to protect adults from obvious risks they freely choose "
        "to run\n",
        "notes.md",
    )
    assert cards["What are the two parts of the Hedley Byrne test?"] == (
        "A special relationship; Reasonable reliance"
    )
    assert cards["What does the allurement rule say?"] == (
        "A child may be drawn into danger by something attractive"
    )
    assert cards["What are the three parts of the 'trespasser' test for adults?"] == (
        "Did D know of the danger; Did D know the trespasser was nearby; "
        "Was the risk one D should protect against"
    )
    assert cards[
        "Which principle says that an occupier owes no duty to protect adults from obvious risks "
        "they freely choose to run?"
    ] == ("Tomlinson principle")
    assert not [front for front in cards if front.startswith("[") or "2 did" in front]


def test_an_answer_the_heading_gives_away_is_not_asked(tmp_path: Path) -> None:
    fronts = [
        note.front
        for note in deck_notes(
            tmp_path,
            "KIDNEY\n"
            "- distal convoluted tubule reabsorbs more water\n"
            "\t- DCT is where ADH acts to make the walls more permeable to water\n"
            "NUISANCE\n"
            "- Sturges v Bridgman (1879)\n"
            "\t- noisy machinery disturbed Dr Bridgman next door in his consulting room\n",
        )
    ]
    assert not [front for front in fronts if "[DCT]" in front or "[Dr Bridgman]" in front]


def test_a_case_line_of_two_sentences_is_not_asked_as_one_holding(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "CRIMINAL DAMAGE\n"
        "- R v Steer (1988) - D shot at a window with a rifle, £500 damage. overruled the CA: "
        "the danger must come from the damage itself\n",
    )
    assert not [front for front in cards if "rifle" in front and front.startswith("Which case")]


def test_a_case_named_inside_a_line_under_another_case_is_not_given_its_holding(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "RECKLESSNESS\n"
        "\tR v G [2003] HL\n"
        "\t\ttwo boys set fire to newspapers behind a shop\n"
        "\t\toverruled R v Caldwell (1982) - recklessness is now judged subjectively\n"
        "\t\tR v Cunningham (1957) test for recklessness - applied to criminal damage as well\n"
        "NEGLIGENCE\n"
        "\tapplying Caparo v Dickman (1990), the court held the auditors owed no duty\n",
    )
    wrong = ("R v Caldwell", "R v Cunningham", "Caparo v Dickman")
    assert not [
        note for note in notes if note.kind is NoteKind.BASIC and note.back.startswith(wrong)
    ]


def test_a_case_told_by_its_facts_is_asked_from_them(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "PRIVATE NUISANCE\n"
        "\tsensitive claimant\n"
        "\t\tMcKinnon v Bell (1921) - warm air from a bakery spoiled delicate silk, ordinary "
        "cloth unharmed → no claim\n"
        "\t\tHardy Bros Transport v Westbrook Mills (1956) - lorry fumes drifted into an "
        "orchard, fruit spoiled\n"
        "\tmalice\n"
        "\t\tKemp v Rowe [1901] - landlord hammered pipes to disrupt piano lessons → nuisance\n"
        "\tremedies\n"
        "\t\tDawson v Pike [1975] - speedboat noise, injunction limited to weekends\n",
    )
    clozes = [note.front for note in notes if note.kind is NoteKind.CLOZE]
    cards = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert "[McKinnon v Bell] (1921) - warm air from a bakery spoiled delicate silk, " in (
        " ".join(clozes)
    )
    assert cards["Which case (1956): lorry fumes drifted into an orchard, fruit spoiled?"] == (
        "Hardy Bros Transport v Westbrook Mills"
    )
    assert [front for front in clozes if front.startswith("[Kemp v Rowe]")]
    assert [front for front in clozes if front.startswith("[Dawson v Pike]")]
    assert not [front for front in cards if front.startswith("Which case held that speedboat")]


def test_a_party_and_a_condition_under_a_who_heading_asks_when_the_rule_reaches_it(
    tmp_path: Path,
) -> None:
    cards = questions(
        tmp_path,
        "OCCUPIERS' LIABILITY\n"
        "\twho is liable\n"
        "\t\toccupier - anyone with enough control over the premises\n"
        "\t\tcontractor - only if the work was not done with reasonable care (Haseldine)\n",
    )
    assert cards["When is a contractor liable?"] == (
        "Only if the work was not done with reasonable care"
    )
    assert "What is contractor?" not in cards


def test_a_case_and_its_facts_over_one_line_asks_that_line_as_what_was_held(
    tmp_path: Path,
) -> None:
    cards = questions(
        tmp_path,
        "NUISANCE\n"
        "\tpublic benefit\n"
        "\t\tDennis v MoD [2003] - RAF jets flew low over a country estate\n"
        "\t\t\tnuisance found BUT no injunction - damages only (public interest in training "
        "pilots outweighed it)\n",
    )
    assert cards["What was held in Dennis v MoD (2003)?"] == (
        "Nuisance found BUT no injunction - damages only"
    )


def test_a_lead_that_counts_its_items_asks_for_them_all(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "Tort notes (wk 2)\n"
        "\tNEGLIGENCE\n"
        "\t\tdefinition\n"
        "\t\t\tbreach of a legal duty of care causing damage to the claimant\n"
        "\t\t3 elements (Donoghue v Stevenson)\n"
        "\t\t\tduty of care (e.g. neighbour principle) - owed to those closely affected\n"
        "\t\t\tbreach - fell below the standard of the reasonable person\n"
        "\t\t\tdamage - caused by the breach and not too remote (Wagon Mound)\n",
    )
    assert cards["What are the 3 elements of negligence (Donoghue v Stevenson)?"] == (
        "Duty of care; Breach; Damage"
    )


def test_a_case_whose_outcome_is_said_as_liable_or_not_asks_what_was_held(tmp_path: Path) -> None:
    """ "Haseldine v Daw (1941) - lift fell ... Occupier not liable - ...": the facts, then what
    the court found; the card asks what was held, never which case "held" the facts."""
    path = tmp_path / "tort.md"
    path.write_text(
        "# Occupiers' liability\n\n## Independent contractors\n\n"
        "Haseldine v Daw (1941) \u2013 a lift fell because of negligent repairs by specialist "
        "engineers. Occupier not liable \u2013 a lift is technical work they couldn't check.\n\n"
        "Woodward v Mayor of Hastings (1945) \u2013 a child slipped on an icy step left by a "
        "cleaner. Occupier liable \u2013 checking cleaning needs no technical knowledge.\n",
        encoding="utf-8",
    )
    cards = {(note.front, note.back) for note in generate_deck(path).notes}
    held = (
        "What was held in Haseldine v Daw (1941)?",
        "Occupier not liable \u2013 a lift is technical work they couldn't check",
    )
    assert held in cards
    assert not any(front.startswith("Which case held that a lift fell") for front, _ in cards)


def test_a_case_named_over_its_facts_asks_what_the_court_found(tmp_path: Path) -> None:
    """A case's name set apart in italics, then its facts and what the court found ("Council
    liable.", "HL: no duty ..."): what was held is asked, not the court's initials hidden."""
    path = tmp_path / "tort.html"
    path.write_text(
        "<html><body><h1>Occupiers' liability</h1><h2>Children</h2>"
        "<p>An occupier must be prepared for children to be less careful than adults.</p>"
        "<p><i>Glasgow Corporation v Taylor (1922)</i> &ndash; 7 yr old boy died after eating "
        "poisonous berries in a public park; they looked like cherries and were an "
        "<b>allurement</b>. Council liable.</p><h2>Obvious risks</h2>"
        "<p><i>Tomlinson v Congleton BC (2003)</i> &ndash; man dived into a shallow lake and "
        "broke his neck. HL: no duty to protect people from obvious risks they choose to take.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    cards = {(note.front, note.back) for note in generate_deck(path).notes}
    assert ("What was held in Glasgow Corporation v Taylor (1922)?", "Council liable") in cards
    tomlinson = "What was held in Tomlinson v Congleton BC (2003)?"
    assert (tomlinson, "No duty to protect people from obvious risks they choose to take") in cards
    assert not any(front.startswith("[HL]") for front, _ in cards)


def test_a_line_opening_on_a_section_asks_what_it_says_of_the_act_its_heading_names(
    tmp_path: Path,
) -> None:
    cards = questions(
        tmp_path,
        "# Criminal law revision\n"
        "## Theft Act 1968 - the elements of theft\n"
        "- s.3(1): appropriation is any assumption of the rights of an owner\n"
        "- Property: s.4(1) - includes money and all other property, real or personal\n",
        "notes.md",
    )
    assert cards["What does s.3(1) of the Theft Act 1968 say?"] == (
        "Appropriation is any assumption of the rights of an owner"
    )
    assert cards["What does s.4(1) of the Theft Act 1968 say about property?"] == (
        "Includes money and all other property, real or personal"
    )


def test_a_section_after_its_rule_names_the_act_last_cited_in_full(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "DISCRIMINATION AT WORK\n"
        "The Equality Act 2010 replaced the older anti-discrimination laws.\n"
        "s.20 EA 2010 (reasonable adjustments):\n"
        "- employers must make reasonable adjustments for disabled workers (s.20(3))\n"
        "- the duty can be discharged by changing working hours - s.20(4)\n",
    )
    assert cards["What does s.20(3) of the Equality Act 2010 say?"] == (
        "Employers must make reasonable adjustments for disabled workers"
    )
    assert cards["What does s.20(4) of the Equality Act 2010 say?"] == (
        "The duty can be discharged by changing working hours"
    )


def test_lines_under_a_heading_naming_a_section_ask_what_it_says(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# Tort notes\n"
        "## Occupiers' Liability Act 1957\n"
        "The Act covers lawful visitors.\n"
        "### Visitors with a trade - s2(3)(b)\n"
        "An occupier may expect a skilled visitor to guard against the risks of their trade.\n"
        "Roles v Nathan (1963) - sweeps died from fumes after being warned. Not liable.\n"
        "### Warnings - s2(4)(a)\n"
        'A visitor can expect the occupier to "give a warning that is enough to keep the visitor '
        'reasonably safe".\n',
        "notes.md",
    )
    front = "What does s2(3)(b) of the Occupiers' Liability Act 1957 say an occupier may do?"
    assert cards[front] == "Expect a skilled visitor to guard against the risks of their trade"
    front = (
        "What does s2(4)(a) of the Occupiers' Liability Act 1957 say a visitor can expect the "
        "occupier to do?"
    )
    assert cards[front] == "Give a warning that is enough to keep the visitor reasonably safe"
    assert not [front for front in cards if "s2(3)(b)" in front and "Nathan" in cards[front]]


def test_an_article_under_its_constitution_asks_what_it_says(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "IRELAND 1922-1949\n"
        "1937 - Irish Constitution\n"
        "    Article 41 = the state protects the family as the basis of society\n"
        "    Article 2 = the national territory is the whole island\n",
    )
    assert cards["What does Article 41 of the Irish Constitution say?"] == (
        "The state protects the family as the basis of society"
    )


def test_a_section_is_asked_for_what_it_does_and_its_number_is_never_hidden_alone(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "## The powers of Congress\n"
        "Article I Section 8 lists the enumerated powers of Congress.\n\n"
        "## Electronic contracts\n"
        "Under the 2002 Regulations reg. 11 deems an order received when the other party "
        "is able to access it.\n",
        "notes.md",
    )
    cards = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert cards["What does Article I Section 8 list?"] == "The enumerated powers of Congress"
    fronts = [note.front for note in notes]
    assert not [front for front in fronts if "Section] 8" in front or "[11]" in front]


def test_a_defence_with_its_section_and_act_asks_which_provision_sets_it_out(
    tmp_path: Path,
) -> None:
    cards = questions(
        tmp_path,
        "PARTIAL DEFENCES\n"
        "- Three partial defences:\n"
        "    - diminished responsibility (s.2 Homicide Act 1957, as amended)\n"
        "    - loss of control (ss.54-56 Coroners and Justice Act 2009)\n"
        "    - suicide pact (s.4 Homicide Act 1957) - not on the syllabus\n",
    )
    assert cards["Which statutory provision sets out diminished responsibility?"] == (
        "s.2 Homicide Act 1957"
    )
    assert cards["Which statutory provision sets out loss of control?"] == (
        "ss.54-56 Coroners and Justice Act 2009"
    )


def test_a_point_with_its_case_and_a_bare_year_in_brackets_asks_which_case(
    tmp_path: Path,
) -> None:
    text = (
        "# Precedent\n\n"
        "## Hierarchy\n\n"
        "1. The Supreme Court binds all courts below it.\n"
        "2. Criminal Division of the CA has more flexibility when someone's liberty is at stake"
        " (R v Taylor 1950).\n"
        "3. Persuasive precedent can come from other sources:\n"
        "   - courts lower in the hierarchy (R v R 1991 - HL agreed with the CA that a man can be"
        " guilty of raping his wife)\n"
        "   - dissenting judgments\n"
    )
    cards = questions(tmp_path, text)
    assert cards[
        "Which case held that Criminal Division of the CA has more flexibility when someone's"
        " liberty is at stake?"
    ] == ("R v Taylor")
    assert cards[
        "Which case held that HL agreed with the CA that a man can be guilty of raping his wife?"
    ] == ("R v R")


def test_a_lead_naming_the_case_that_sets_out_lettered_exceptions_asks_the_case(
    tmp_path: Path,
) -> None:
    text = (
        "# Precedent\n\n"
        "## Hierarchy\n\n"
        "8. Court of Appeal (Civil Division) is normally bound by its own decisions BUT"
        " **Young v Bristol Aeroplane Co (1944)** gives 3 exceptions:\n"
        "   - a) where there are 2 conflicting CA decisions, it can choose which to follow\n"
        "   - b) where a CA decision conflicts with a later SC/HL decision\n"
        "   - c) where the decision was made *per incuriam* (carelessly / by mistake)\n"
    )
    notes = deck_notes(tmp_path, text)
    fronts = [note.front for note in notes]
    assert (
        "Court of Appeal (Civil Division) is normally bound by its own decisions BUT"
        " [Young v Bristol Aeroplane Co] (1944) gives 3 exceptions"
    ) in fronts
    incuriam = next(note for note in notes if "[per incuriam]" in note.front)
    assert incuriam.front.startswith("Where the decision was made")
    assert incuriam.context.endswith("Young v Bristol Aeroplane Co (1944) gives 3 exceptions")
    assert not [front for front in fronts if front.startswith(("A)", "B)", "C)", "a)", "c)"))]


def test_an_act_is_hidden_whole_with_its_year_or_not_at_all(tmp_path: Path) -> None:
    text = (
        "# Precedent\n\n"
        "## Judges not elected\n\n"
        "- Lord Lowry refused to abolish the doli incapax presumption, saying it was for"
        " Parliament.\n"
        "- Parliament abolished the presumption in the Crime and Disorder Act 1998 s.34\n"
        "- Public nuisance is now a statutory offence - Police, Crime, Sentencing and Courts"
        " Act 2022 s.78\n"
    )
    fronts = [note.front for note in deck_notes(tmp_path, text)]
    assert (
        "Parliament abolished the presumption in the [Crime and Disorder Act 1998] s.34" in fronts
    )
    # a name too long to hide is not hidden in part
    assert not [front for front in fronts if "Act 2022" in front and "[" in front.split("Act")[0]]
    assert not [front for front in fronts if "[Disorder Act]" in front]


def test_a_judge_named_in_a_case_and_a_case_that_overruled_another_ask_the_case(
    tmp_path: Path,
) -> None:
    cards = questions(
        tmp_path,
        "## Obiter dicta\n\n"
        "- e.g. Lord Hailsham in R v Howe (1987) said obiter that duress would not be a defence"
        " to attempted murder -> then followed in R v Gotts (1992)\n\n"
        "## Practice Statement 1966\n\n"
        "- used in Herrington v BRB (1972) which overruled Addie v Dumbreck (1929) on child"
        " trespassers\n",
        name="notes.md",
    )
    assert cards.get("Which case overruled Addie v Dumbreck (1929) on child trespassers?") == (
        "Herrington v BRB"
    )
    assert not [front for front in cards if "Hailsham" in front or "held that which" in front]
