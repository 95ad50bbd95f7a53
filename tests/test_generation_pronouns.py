"""Cards from prose sentences that open on a pronoun: the subject it stands for, named in the
sentence before, is put in its place, so the card says who or what it is about."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str = "notes.md") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def test_he_or_she_after_a_fronted_date_is_the_person_named_before(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Early radioactivity\n\nMarie Curie studied the rays given off by uranium ores in "
        "Paris. In 1898 she discovered polonium, naming it after her homeland. She was awarded "
        "a second Nobel Prize, in chemistry, in 1911.\n",
    )
    polonium = [note for note in notes if "polonium" in note.front + note.back]
    assert polonium and all("Marie Curie" in note.front for note in polonium)
    second = [note for note in notes if "second Nobel Prize" in note.front]
    assert second and all("Marie Curie" in note.front for note in second)
    assert not any(note.front.split()[0] in ("She", "she") for note in notes)


def test_it_is_the_thing_the_sentence_before_opened_on(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade routes\n\nThe Suez Canal was opened to shipping in 1869. It links the "
        "Mediterranean Sea to the Red Sea through Egypt. It is thought that a quarter of the "
        "world's container traffic now passes through the canal.\n",
    )
    linked = [note for note in notes if "Red Sea" in note.front + note.back]
    assert linked and all(note.front.startswith("The Suez Canal links") for note in linked)
    assert not any("Suez Canal is thought" in note.front for note in notes)


def test_a_pronoun_no_subject_agrees_with_is_left_alone(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Guilds\n\nMedieval craft guilds set prices and trained apprentices in each town. He "
        "was elected master of the Florentine wool guild in 1382.\n",
    )
    assert not any("guilds was elected" in note.front.casefold() for note in notes)
    assert not any(note.front.startswith("Medieval craft guilds was") for note in notes)


def test_a_paragraph_in_a_word_processor_export_resolves_its_pronouns(tmp_path: Path) -> None:
    html = (
        '<html><body><h1 class="c1"><span>The Hubble telescope</span></h1>'
        '<p class="c2"><span class="c3">The Hubble Space Telescope was launched by the space '
        "shuttle Discovery in 1990. Its main mirror was ground to the wrong shape, and </span>"
        '<span class="c3">it was repaired by astronauts in December 1993.</span></p></body></html>'
    )
    notes = deck_notes(tmp_path, html, "hubble.html")
    mirror = [note for note in notes if "main mirror" in note.front]
    assert mirror and all("Hubble Space Telescope" in note.front for note in mirror)
    # the date is when it was repaired, not when the mirror was ground
    assert not any(note.front.startswith("When was") and "ground" in note.front for note in notes)


def test_a_second_fact_after_and_he_is_a_card_of_its_own(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Exploration\n\nVasco da Gama reached Calicut in India by sea in 1498, and he "
        "returned to Lisbon with a cargo of pepper the following year.\n",
    )
    assert not any("and he returned" in note.front for note in notes)
    assert any(note.back == "1498" and "Calicut" in note.front for note in notes)
    returned = [note for note in notes if "Lisbon" in note.front]
    assert returned and all("Vasco da Gama returned" in note.front for note in returned)


def test_a_run_in_bold_label_over_a_whole_sentence_is_its_context(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Volcanoes\n\n**Main idea:** the viscosity of magma decides how explosive an eruption "
        "is, because thick magma traps gas until the pressure is released suddenly.\n\n"
        "**Mount Pinatubo** - In June 1991 Mount Pinatubo erupted in the Philippines and cooled "
        "global temperatures by about half a degree.\n",
    )
    assert not any("[Main idea]" in note.front or note.back == "Main idea" for note in notes)
    assert not any(note.front.startswith("Main idea") for note in notes)
    assert not any(note.back == "Mount Pinatubo" for note in notes)
    assert any(note.back == "June 1991" for note in notes)


def test_a_word_processor_export_keeps_its_title_and_bold_run_in_labels(tmp_path: Path) -> None:
    html = (
        '<html><head><style type="text/css">.c1{font-weight:700}.c0{font-size:11pt}</style>'
        '</head><body><p class="c4 title"><span class="c0">Social influence</span></p>'
        '<h2><span class="c0">Obedience</span></h2><p class="c3"><span class="c1">Milgram '
        '(1963)</span><span class="c0"> - In 1963 Stanley Milgram told 40 volunteers to give '
        "electric shocks to a learner.</span></p></body></html>"
    )
    path = tmp_path / "social.html"
    path.write_text(html, encoding="utf-8")
    deck = generate_deck(path)
    assert deck.name == "Social influence"
    assert deck.notes and not any(note.front.startswith("Milgram (1963)") for note in deck.notes)
    assert all("Milgram (1963)" in note.context for note in deck.notes)


def test_a_term_with_its_abbreviation_is_defined(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Memory\n\nRandom access memory (RAM) is the volatile store that holds the programs "
        "and data in use while the computer runs.\n",
    )
    assert any(
        note.back.startswith("Random access memory") or "What is random access memory" in note.front
        for note in notes
    )


def test_a_month_and_a_year_before_christ_are_one_date(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Rome\n\nIn August 30 BC Cleopatra died in Alexandria after the defeat of her fleet.\n",
    )
    assert any(note.back == "August 30 BC" or "[August 30 BC]" in note.front for note in notes)
    assert not any("BC Cleopatra" in note.front for note in notes)


def test_it_in_a_bullet_is_the_thing_the_notes_name_in_lower_case(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Digestion\n\n- Lipase is made in the pancreas and the small intestine. It breaks "
        "down lipids into fatty acids and glycerol.\n- Protease digests proteins in the stomach.\n",
    )
    lipids = [note for note in notes if "lipids" in note.front]
    assert lipids and all("Lipase breaks down" in note.front for note in lipids)


def test_a_second_whole_clause_after_and_or_a_semicolon_is_asked_alone(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Offer\n\n- *Carlill v Carbolic Smoke Ball Co* [1893] 1 QB 256 (CA)\n  - The company "
        "promised £100 to anyone who caught flu after using its smoke ball.\n  - Held: an "
        "advertisement can be a unilateral offer to the world; the company had to pay.\n",
    )
    fronts = [note.front for note in notes]
    assert "Which case held that an advertisement can be a unilateral offer to the world?" in fronts


def test_him_inside_a_sentence_about_others_is_the_person_named_before(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Science and the Church\n\nGalileo Galilei built his own telescope in 1609. In 1633 "
        "the Roman Inquisition put him on trial for heresy.\n",
    )
    trial = [note for note in notes if "trial" in note.front]
    assert trial and all("Galileo Galilei on trial" in note.front for note in trial)


def test_others_after_a_label_is_no_term_to_define(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Renewable energy\n\n- The first offshore wind farm opened off Denmark in 1991.\n"
        "- Others: tidal barrages, wave machines and geothermal plants.\n",
    )
    assert notes
    assert not any("others" in note.front.casefold() for note in notes)


def test_the_two_things_are_the_two_names_the_sentences_before_mention(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade links\n\n"
        "From 1960, Japan sold Australia cars and steel on generous credit. This trade grew "
        "quickly through the decade. The alliance between the two countries was evident in "
        "joint naval exercises and student exchanges.\n\n"
        "# Later\n\n"
        "Tensions between France and Britain pushed Spain closer to Portugal. Both nations "
        "then signed a treaty of mutual defence.\n",
    )
    fronts = [note.front for note in notes]
    evident = [front for front in fronts if "evident in" in front]
    assert evident and all("between Japan and Australia" in front for front in evident)
    assert not any("the two countries" in front for front in fronts)
    # four names before it: no telling which two "both nations" are
    assert not any("Spain and Portugal" in front and "signed" in front for front in fronts)
