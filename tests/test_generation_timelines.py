"""Timelines typed as plain lines: a year over the days of it, and what each dated line asks."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteKind
from tests.generated_notes import deck_notes, questions

COLD_WAR = (
    "cold war notes!!\n\n"
    "BACKGROUND:\n"
    "• castro takes power in cuba in 1959\n"
    "• bay of pigs invasion = failed cia-backed landing of cuban exiles\n\n"
    "1962\n"
    "14 oct - u-2 spy plane photographs soviet missile sites in cuba\n"
    "22 oct - kennedy announces a naval quarantine of cuba on tv\n"
    "28 oct - khrushchev agrees to remove the missiles from cuba\n\n"
    "1963 - after the crisis\n"
    "june 1963 - hotline set up between washington + moscow\n"
    "5 aug - partial test ban treaty: usa, ussr + uk agree to stop testing nuclear weapons in "
    "the air, in space and underwater\n"
)


def test_a_year_over_days_heads_them_and_each_day_asks_with_its_year(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, COLD_WAR)
    asked = {note.front: (note.back, note.context) for note in notes}
    assert asked["What happened on 14 oct 1962?"] == (
        "U-2 spy plane photographs soviet missile sites in cuba",
        "1962",
    )
    assert asked["What happened on 28 oct 1962?"] == (
        "Khrushchev agrees to remove the missiles from cuba",
        "1962",
    )
    # "1963 - after the crisis" names the part of the timeline, and is no card of its own
    assert asked["When was hotline set up between washington + moscow?"] == (
        "june 1963",
        "1963 - after the crisis",
    )
    assert not any("after the crisis" in note.front for note in notes)


def test_a_named_event_too_long_to_be_an_answer_asks_its_date(tmp_path: Path) -> None:
    cards = questions(tmp_path, COLD_WAR)
    # not "What happened on 5 aug? :: Partial test ban treaty: usa"
    assert cards["When was the partial test ban treaty?"] == "5 aug 1963"
    assert not any(answer.endswith(": usa") for answer in cards.values())


def test_a_dated_line_after_a_year_is_no_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "russia revision\n\n"
        "REVOLUTIONS:\n"
        "1905 - bloody sunday: troops fire on peaceful marchers at the winter palace\n"
        "1906 - first duma meets, dissolved by the tsar after 72 days\n"
        "1917 - two revolutions\n"
        "23 feb - strikes + bread riots in petrograd, soldiers mutiny\n"
        "25 oct - bolsheviks seize the winter palace\n",
    )
    cards = {note.front: note.back for note in notes}
    # a year and what happened in it, over a line of another year, is a dated line
    assert "[1905] - bloody sunday: troops fire on peaceful marchers at the winter palace" in cards
    assert not any("two revolutions" in front for front in cards)
    assert cards["What happened on 23 feb 1917?"] == (
        "Strikes + bread riots in petrograd, soldiers mutiny"
    )
    assert cards["What happened on 25 oct 1917?"] == "Bolsheviks seize the winter palace"


def test_a_day_before_the_last_one_dated_is_not_given_its_year(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "berlin notes\n\n"
        "BLOCKADE:\n"
        "24 june 1948 - soviets cut road, rail + canal links into west berlin\n"
        "26 june - western allies start flying in food + fuel\n"
        "12 may - soviets lift the blockade after nearly a year\n",
    )
    assert cards["What happened on 26 june 1948?"] == ("Western allies start flying in food + fuel")
    # May comes after June in the next year: the notes do not say which
    assert "What happened on 12 may 1948?" not in cards


def test_a_month_and_year_line_asks_what_happened_then(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "weimar notes\n\n"
        "CRISIS YEAR:\n"
        "• jan 1923 - french + belgian troops occupy the ruhr\n"
        "• nov 1923 - hyperinflation peaks (a loaf cost 200 billion marks)\n"
        "• nov 1923 - new currency (rentenmark, backed by land)\n",
    )
    cards = {note.front: note.back for note in notes}
    assert cards["What happened in jan 1923?"] == "French + belgian troops occupy the ruhr"
    # where a deletion makes a card, the line is asked that way
    assert "Nov 1923 - hyperinflation peaks (a loaf cost [200 billion] marks)" in cards
    # two words say too little: the aside says what it was
    assert cards["What happened in nov 1923?"] == "New currency (rentenmark, backed by land)"


def test_a_thinker_over_a_dated_work_is_not_asked_as_a_term(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "politics notes\n\n"
        "THINKERS:\n"
        "• locke - two treatises of government 1689 - natural rights to life, liberty + property\n"
        '• hobbes - leviathan 1651 - life without govt is "nasty, brutish and short"\n',
    )
    fronts = [note.front for note in notes]
    assert len(notes) == 2
    assert not any(front.startswith(("What is", "What are")) for front in fronts)


def test_a_thing_done_to_in_a_month_asks_what_happened_then(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "spain notes\n\n"
        "THE REPUBLIC 1931-36\n"
        "• jan 1932 - church schools closed (law on religious orders) to cut church power\n"
        "• may 1931 - church buildings burned in madrid + malaga\n",
    )
    # not "When did church schools close ... to cut church power?"
    assert cards == {
        "What happened in jan 1932?": (
            "Church schools closed (law on religious orders) to cut church power"
        ),
        # "may" opens a date, not a rule said of the section
        "What happened in may 1931?": "Church buildings burned in madrid + malaga",
    }


ITALY = (
    "ITALIAN UNIFICATION 1848-1871 - timeline\n\n"
    "PART 1: PIEDMONT LEADS\n"
    "Nov 1852 Cavour made prime minister of Piedmont\n"
    "1859 Napoleon III made peace with Austria at Villafranca\n"
    "14 Mar 1861 Victor Emmanuel II proclaimed king of Italy\n"
    "Mar 1861 Turin parliament dissolved (Cavour) BUT same day new elections called\n"
    "18 Nov 1861 Ricasoli inaugurated as 2nd prime minister in Turin\n"
)


def test_a_dated_line_whose_subject_was_made_something_asks_when_it_was(tmp_path: Path) -> None:
    cards = questions(tmp_path, ITALY)
    assert cards["When was Cavour made prime minister of Piedmont?"] == "Nov 1852"
    assert cards["When was Victor Emmanuel II proclaimed king of Italy?"] == "14 Mar 1861"
    assert cards["When was Ricasoli inaugurated as 2nd prime minister in Turin?"] == "18 Nov 1861"
    # a deed done, with its object, is still asked as one
    assert cards["When did Napoleon III make peace with Austria at Villafranca?"] == "1859"
    # what was done to a name, and no more: the line's second fact after "BUT" is not asked
    assert cards["When was Turin parliament dissolved?"] == "Mar 1861"
    assert not any(" make prime minister" in front or "BUT" in front for front in cards)


PUBLIC_HEALTH = (
    "MEDICINE THROUGH TIME - TIMELINE\n\n"
    "PART 2: INDUSTRIAL BRITAIN (1800-1900)\n"
    "1831-32 first cholera epidemic in Britain (from India)\n"
    "1848 Public Health Act (Chadwick's report) sets up local boards of health\n"
    "1858 Great Stink in London - Bazalgette's sewers approved\n"
    "1861 Pasteur publishes germ theory\n"
    "1867 Lister carbolic acid spray -> surgical death rate from 46% to 15%\n"
)


def test_each_line_of_a_timeline_is_an_entry_not_a_heading(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, PUBLIC_HEALTH)
    hidden = {note.front: note.context for note in notes if note.kind is NoteKind.CLOZE}
    # a dated line with few words and no dash is a line of the timeline, not a heading
    assert "[1861] Pasteur publishes germ theory" in hidden
    # and a dated event with no verb is asked for its date
    assert "[1831-32] first cholera epidemic in Britain (from India)" in hidden
    assert all(context == "INDUSTRIAL BRITAIN (1800-1900)" for context in hidden.values())


WEIMAR = (
    "WEIMAR GERMANY 1919-1933 - TIMELINE\n\n"
    "PART 1: CRISIS YEARS (1919-1923)\n"
    "Jan 1919 Spartacist Uprising - communist revolt in Berlin, crushed by the Freikorps\n"
    "June 1919 Treaty of Versailles - Germany loses 13% of its land, army cut to 100,000\n"
    "Mar 1920 Kapp Putsch - right-wing attempt to seize Berlin, defeated by a general strike\n"
    "Aug 1924 Dawes Plan - lowers yearly reparations BUT still no end date\n"
    "1925 Locarno Treaties (Stresemann) - accepts the western borders\n"
)


def test_a_named_event_of_a_timeline_asks_what_it_was_beside_its_date(tmp_path: Path) -> None:
    cards = questions(tmp_path, WEIMAR)
    assert cards["What happened in the Spartacist Uprising (Jan 1919)?"] == (
        "Communist revolt in Berlin, crushed by the Freikorps"
    )
    assert cards["What happened in the Kapp Putsch (Mar 1920)?"] == (
        "Right-wing attempt to seize Berlin, defeated by a general strike"
    )
    # what a plan or treaty did, up to the "BUT" that turns to another point
    assert cards["What did the Dawes Plan (Aug 1924) do?"] == "Lowers yearly reparations"
    assert cards["What did the Locarno Treaties (1925) do?"] == "Accepts the western borders"
    # "Germany loses 13% of its land" is what followed the treaty, not what the treaty was
    assert not any("Treaty of Versailles" in front for front in cards)
    # each line is still asked for its date
    hidden = [note.front for note in deck_notes(tmp_path, WEIMAR) if note.kind is NoteKind.CLOZE]
    line = "Spartacist Uprising - communist revolt in Berlin, crushed by the Freikorps"
    assert f"[Jan 1919] {line}" in hidden


def test_a_body_that_met_is_asked_when_it_met_not_when_it_was_met(tmp_path: Path) -> None:
    got = questions(
        tmp_path,
        "## The League\n\n"
        "- The League of Nations first met in January 1920.\n"
        "- The Berlin Wall was built in 1961.\n",
        "notes.md",
    )
    assert got["When did the League of Nations first meet?"] == "January 1920"
    assert "When was the League of Nations first met?" not in got
    assert got["When was the Berlin Wall built?"] == "1961"


def test_a_heading_naming_an_event_and_its_dates_asks_when_it_was(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# The Cold War in Asia\n\n"
        "## The Korean War (1950-1953)\n\n"
        "The war solidified the division of Korea and kept the Soviet Union a foothold there.\n\n"
        "## Battles of 1066\n\n"
        "Harold defeated Hardrada at Stamford Bridge before he lost at Hastings.\n",
        name="cold-war.md",
    )
    asked = {note.front: (note.back, note.context) for note in notes}
    # the dates a heading gives are a fact of their own, asked under the heading above it
    assert asked["When was the Korean War?"] == ("1950-1953", "The Cold War in Asia")
    # ("Battles of 1066": the date finishes the name, and names no event)
    assert not any(front.startswith("When was the Battles") for front in asked)


def test_a_line_naming_only_an_event_and_its_dates_asks_when_it_was(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "Crises of the Cold War\n\n"
        "- The Berlin Blockade (1948-49)\n"
        "- Stalin cut road and rail links to West Berlin to force the Allies out\n",
    )
    assert cards["When was the Berlin Blockade?"] == "1948-49"


def test_a_range_of_dates_broken_after_its_dash_is_one_line_of_the_timeline() -> None:
    from revise.generation.plaintext import parse_plain_text

    texts = [
        block.text
        for block in parse_plain_text(
            "VOYAGE OF THE BEAGLE - timeline\n\n"
            "27 Dec Beagle leaves Plymouth\n"
            "16 Jan reaches the Cape Verde islands\n"
            "15 Sep-\n"
            " 20 Oct Darwin explores the Galapagos islands\n"
            "2 Oct Beagle lands back at Falmouth after the\n"
            "voyage round the world\n"
            "15 Nov Darwin reads his notes on the\n"
            "28 Nov Beagle is paid off\n"
        ).blocks
    ]
    # "15 Sep-" is no heading and "20 Oct" no date of its own: one range of dates
    assert "15 Sep-20 Oct Darwin explores the Galapagos islands" in texts
    # a line opening on a date starts the next event, even under a line left mid-phrase
    assert "28 Nov Beagle is paid off" in texts
    assert "2 Oct Beagle lands back at Falmouth after the voyage round the world" in texts


def test_what_an_event_amounts_to_stays_with_its_event() -> None:
    from revise.generation.plaintext import parse_plain_text

    texts = [
        block.text
        for block in parse_plain_text(
            "ENGLISH CIVIL WAR - timeline\n\n"
            "Jan 1642 Charles tries to arrest the five members\n"
            "22 Aug 1642 Charles raises his standard at Nottingham\n"
            "   = start of open war\n"
            "Oct 1642 Battle of Edgehill - no clear winner\n"
            "Jul 1644 Battle of Marston Moor - Parliament wins the north\n"
        ).blocks
    ]
    assert "22 Aug 1642 Charles raises his standard at Nottingham = start of open war" in texts
    assert "= start of open war" not in texts


def test_a_line_saying_what_was_done_to_its_subject_asks_when_it_was_done(
    tmp_path: Path,
) -> None:
    cards = questions(
        tmp_path,
        "SPANISH ARMADA TIMELINE\n\n"
        "Feb 1587    Mary Queen of Scots executed at Fotheringhay\n"
        "Apr 1587    Drake raids Cadiz, burns about 30 ships\n"
        "19 Jul 1588 Armada sighted off the Lizard, Cornwall. Beacons lit\n"
        "28 Jul 1588 English send 8 fireships into the anchored fleet at Calais\n",
    )
    assert cards.get("When was Mary Queen of Scots executed at Fotheringhay?") == "Feb 1587"
    assert "When was the Mary Queen of Scots executed at Fotheringhay?" not in cards
    assert "When did Armada sight off the Lizard?" not in cards
