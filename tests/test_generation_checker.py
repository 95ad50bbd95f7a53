"""The CARDS.md checker catches each kind of weak card, and passes good ones."""

from __future__ import annotations

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
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
    assert checks(cloze("Stalin's priorities before the [Korean War].", 300)) == {1}


def test_2_short_answer() -> None:
    long_cloze = cloze("Japan's victory [resulted in the Treaty of Portsmouth].", 5)
    assert 2 in checks(long_cloze)
    long_answer = basic(
        "What happened in the first two periods?",
        "During the first period (1953-56) the Soviet Union helped. In the second period",
        6,
    )
    assert 2 in checks(long_answer)


def test_3_short_prompt_allows_a_few_long_ones() -> None:
    long_front = " ".join(["word"] * 32) + " [Treaty of Portsmouth]."
    assert 3 in checks(cloze(long_front, 5), good=False)


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
