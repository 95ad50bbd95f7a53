"""Notes of a language learner: words and their meanings, a verb and its forms, tables of forms."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteKind
from revise.generation import generate_deck
from tests.generated_notes import deck_notes, questions


def test_a_list_of_verbs_and_their_participles_asks_each_participle(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Italiano - il passato prossimo\n\n"
        "avere or essere + past participle\n\n"
        "irregular past participles - LEARN!!\n"
        "fare - fatto\n"
        "prendere - preso\n"
        "vedere - visto\n"
        "leggere - letto\n",
    )
    asked = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert asked == {
        'Irregular past participles: "fare"?': "fatto",
        'Irregular past participles: "prendere"?': "preso",
        'Irregular past participles: "vedere"?': "visto",
        'Irregular past participles: "leggere"?': "letto",
    }
    assert not [note for note in notes if note.kind is NoteKind.CLOZE and "fatto" in note.front]


def test_a_verb_and_its_persons_in_a_list_asks_the_whole_row(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "# Portuguese\n\n## Preterite - irregulars\n\n"
        "- ser / ir - fui, foste, foi, fomos, foram (same for both!)\n"
        "- ter - tive, tiveste, teve ...\n"
        "- fazer - fiz\n",
        "notes.md",
    )
    assert asked == {
        'Preterite: "ser / ir"?': "fui, foste, foi, fomos, foram",
        'Preterite: "ter"?': "tive, tiveste, teve",
        'Preterite: "fazer"?': "fiz",
    }


def test_forms_under_a_short_lead_are_asked_by_the_heading_it_sits_under(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "# Deutsch\n\n## Perfekt mit sein\n\n"
        "- these take sein:\n"
        "  - kommen → ist gekommen\n"
        "  - laufen → ist gelaufen\n"
        "  - fliegen → ist geflogen\n",
        "notes.md",
    )
    assert asked == {
        'Perfekt mit sein: "kommen"?': "ist gekommen",
        'Perfekt mit sein: "laufen"?': "ist gelaufen",
        'Perfekt mit sein: "fliegen"?': "ist geflogen",
    }


def test_among_translations_a_word_english_also_borrows_is_asked(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "Spanish - at the seaside\n\n"
        "la playa - beach\n"
        "la arena - sand\n"
        "el muelle - pier\n"
        "siguiente - next\n"
        "Ir de compras = to go shopping\n",
    )
    assert asked['What does "la playa" mean?'] == "Beach"
    assert asked['What does "el muelle" mean?'] == "Pier"
    assert asked['What does "siguiente" mean?'] == "Next"  # a word, not a page's button


def test_a_list_of_english_terms_and_symbols_gives_no_forms(tmp_path: Path) -> None:
    fronts = [
        note.front
        for note in deck_notes(
            tmp_path,
            "Physics symbols\n\nspeed - v\nmass - m\ncharge - Q\ncurrent - I\n",
        )
    ]
    assert not [front for front in fronts if front.endswith('"?')]


def test_a_titled_vocabulary_list_asks_every_line_under_its_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "GERMAN - Freizeit (unit 2)\n"
        "(Herr Weber says vocab test on Friday!!)\n\n"
        "HOBBIES\nangeln - to go fishing\nwandern - to hike\n\n"
        "VOCAB - das Wetter\n"
        "es regnet - it is raining\n"
        "der Schnee - snow\n"
        "die Wettervorhersage für morgen - tomorrow's forecast\n"
        "es ist heiß - it is hot\n",
        encoding="utf-8",
    )
    deck = generate_deck(path)
    assert deck.name == "GERMAN - Freizeit (unit 2)"
    asked = {note.front: (note.back, note.context) for note in deck.notes}
    assert asked == {
        'What does "angeln" mean?': ("To go fishing", "HOBBIES"),
        'What does "wandern" mean?': ("To hike", "HOBBIES"),
        'What does "es regnet" mean?': ("It is raining", "VOCAB - das Wetter"),
        'What does "der Schnee" mean?': ("Snow", "VOCAB - das Wetter"),
        'What does "die Wettervorhersage für morgen" mean?': (
            "Tomorrow's forecast",
            "VOCAB - das Wetter",
        ),
        'What does "es ist heiß" mean?': ("It is hot", "VOCAB - das Wetter"),
    }  # nothing from the aside to the writer


def test_in_a_list_of_translations_each_phrase_asks_what_it_means(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "# Spanish\n\n## Vocab - el tiempo libre\n\n"
        "- el ocio - leisure\n"
        "- tomar el sol - to sunbathe\n"
        "- lo pasé bomba - I had a great time\n"
        "- alojarse - to stay in a hotel\n"
        "- la piscina - swimming pool\n",
        "notes.md",
    )
    assert asked == {
        'What does "el ocio" mean?': "Leisure",
        'What does "tomar el sol" mean?': "To sunbathe",
        'What does "lo pasé bomba" mean?': "I had a great time",
        'What does "alojarse" mean?': "To stay in a hotel",
        'What does "la piscina" mean?': "Swimming pool",
    }


def test_a_verbs_endings_and_its_spelling_rules_are_asked_from_the_verb(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "PORTUGUESE - preterite\n\n"
        "REGULAR\n"
        "-AR (falar): falei, falaste, falou, falámos, falaram\n"
        "-ER (comer): comi, comeste, comeu, comemos, comeram\n\n"
        "SPELLING (eu form)\n"
        "-car -> -quei  e.g. ficar - fiquei\n"
        "-gar -> -guei  e.g. chegar - cheguei\n",
    )
    assert asked == {
        'Regular: "-AR (falar)"?': "falei, falaste, falou, falámos, falaram",
        'Regular: "-ER (comer)"?': "comi, comeste, comeu, comemos, comeram",
        'Spelling: "-car"?': "-quei",
        'Spelling: "-gar"?': "-guei",
    }


def test_english_terms_listed_under_a_label_are_no_verb_forms(tmp_path: Path) -> None:
    fronts = [
        note.front
        for note in deck_notes(
            tmp_path,
            "# Digestion\n\n## Enzymes\n\n- enzymes: amylase, protease, lipase\n"
            "- symptoms: bloating, cramps, nausea\n",
            "notes.md",
        )
    ]
    assert not [front for front in fronts if front.endswith('"?')]


def test_two_words_that_merge_into_one_are_each_asked(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "# French\n\n## Articles\n\n- à + le = au, à + les = aux, de + le = du\n"
        "- a + b = c in algebra\n",
        "notes.md",
    )
    assert asked == {
        "What does à + le become?": "au",
        "What does à + les become?": "aux",
        "What does de + le become?": "du",
    }


def test_a_label_over_several_verbs_and_their_forms_asks_each_verb(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "# Deutsch\n\n## Perfekt\n\n"
        "- with haben: spielen → hat gespielt, kaufen → hat gekauft, lesen → hat gelesen\n",
        "notes.md",
    )
    assert asked == {
        'With haben: "spielen"?': "hat gespielt",
        'With haben: "kaufen"?': "hat gekauft",
        'With haben: "lesen"?': "hat gelesen",
    }


def test_a_science_term_with_a_short_meaning_is_no_word_of_another_language(
    tmp_path: Path,
) -> None:
    asked = questions(
        tmp_path,
        "# Cells\n\n- ribosomes - the site of protein synthesis\n"
        "- osmosis - diffusion of water across a membrane\n",
        "notes.md",
    )
    assert 'What does "ribosomes" mean?' not in asked
    assert asked["What is osmosis?"] == "Diffusion of water across a membrane"


def test_a_term_stressed_in_capitals_after_an_arrow_is_no_words_form() -> None:
    """ "ethanol -> ETHANAL" in chemistry notes says what a thing becomes, stressed; it is not
    the form of a word of another language ('Oxidation: "ethanol"?' :: "ETHANAL")."""
    from revise.generation.questions import form_pair

    assert form_pair("ethanol -> ETHANAL (warm, distil off)", "Oxidation") == []
    assert form_pair("propan-2-ol -> PROPANONE", "Oxidation") == []
    assert form_pair("all tall -> probably homozygous tall", "Test cross") == []
    assert [q.back for q in form_pair("gehen \u2192 ist gegangen", "Perfekt with sein")] == [
        "ist gegangen"
    ]
