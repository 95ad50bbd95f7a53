"""Cards from people with their dates and deeds, label lists, headings and whole answers."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from tests.generated_notes import deck_notes, questions


def fronts(notes: list[NoteData]) -> list[str]:
    return [note.front for note in notes]


# Made-up notes on the history of astronomy, laid out as a mind-map export: a tab after each
# bullet, a person's life or the year of a deed beside the name.
ASTRONOMY = (
    "ASTRONOMY THROUGH TIME\n\n"
    "*\tANCIENT\n"
    "\t*\tPtolemy (c.100-c.170 AD) - Earth at the centre, planets on epicycles\n"
    "*\tSCIENTIFIC REVOLUTION\n"
    "\t*\tTycho Brahe 1572 - a new star in Cassiopeia, so the heavens can change\n"
    "\t*\tGalileo Galilei 1610 - discovered four moons of Jupiter\n"
    "\t*\tJohannes Kepler - Astronomia Nova 1609 -> planets move in ellipses\n"
    "\t*\tKepler + Brahe 1600 - shared observations at Prague; 1601 Brahe died\n"
    "\t*\tRoyal Observatory 1675 - founded at Greenwich to fix longitude at sea\n"
)


def test_a_person_and_their_deed_hides_the_person(tmp_path: Path) -> None:
    cards = fronts(deck_notes(tmp_path, ASTRONOMY))
    assert "[Ptolemy] (c.100-c.170 AD) - Earth at the centre, planets on epicycles" in cards
    assert "[Tycho Brahe] (1572) - a new star in Cassiopeia, so the heavens can change" in cards
    assert (
        "[Johannes Kepler] - Astronomia Nova 1609 -> planets move in ellipses" in cards
    )  # the year of the deed named in it
    assert "[Kepler + Brahe] (1600) - shared observations at Prague" in cards  # one fact
    assert "[Royal Observatory] (1675) - founded at Greenwich to fix longitude at sea" in cards
    # The dates of a life are no fact to ask, nor is a deed's year left as half of a name.
    joined = "\n".join(cards)
    assert "[c.170 AD]" not in joined and "[100-c.170 AD]" not in joined
    assert "Brahe [1572]" not in joined and "Royal Observatory [1675]" not in joined


def test_a_deed_done_in_a_year_asks_when_as_well(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, ASTRONOMY)
    asked = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert asked["When did Galileo Galilei discover four moons of Jupiter?"] == "1610"
    assert "[Galileo Galilei] (1610) - discovered four moons of Jupiter" in fronts(notes)


def test_an_event_with_its_dates_is_no_life(tmp_path: Path) -> None:
    text = (
        "## Wars\n\n"
        "- Seven Years War (1756-63) - Britain gained Canada from France\n"
        "- Hundred Years War (1337-1453) - England lost nearly all its land in France\n"
    )
    joined = "\n".join(fronts(deck_notes(tmp_path, text, "wars.md")))
    assert "[Seven Years War]" not in joined  # seven years are no life: asked as it stands
    assert "[Hundred Years War]" not in joined  # nor are a hundred and sixteen


def test_a_label_over_the_things_it_covers_asks_for_the_label(tmp_path: Path) -> None:
    text = (
        "## Urban growth\n\n"
        "- push factors - war, drought, few jobs, poor healthcare\n"
        "- informal sector - street vendors, shoe shiners, rubbish pickers\n"
        "- transport - buses, trams, cycle lanes\n"
    )
    notes = deck_notes(tmp_path, text, "cities.md")
    asked = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    # A plural label names its list, asked by how many it names ("What are push factors?"
    # would ask what they are); a single thing is no definition of its examples.
    assert asked["What are four push factors?"] == "War, drought, few jobs, poor healthcare"
    assert "What is informal sector?" not in asked
    cards = fronts(notes)
    assert "[Informal sector] - street vendors, shoe shiners, rubbish pickers" in cards
    assert not any("[shiners]" in card or "[trams]" in card for card in cards)  # asked once


def test_a_describing_word_or_a_formula_is_asked_as_no_definition(tmp_path: Path) -> None:
    text = (
        "## Tests of a median\n\n"
        "- **Null hypothesis** - the claim that the median has not changed\n"
        "- right-tailed: H₁: m > 50 or H₁: m > 60\n"
        "- sign test: S ~ B(n, 0.5) under H₀\n"
    )
    asked = [note.front for note in deck_notes(tmp_path, text, "stats.md")]
    assert "What is the null hypothesis?" in asked
    assert "What is right-tailed?" not in asked
    assert "What is sign test?" not in asked


def test_what_a_thing_does_is_never_cut_at_a_comma(tmp_path: Path) -> None:
    text = (
        "## Parts of a bicycle\n\n"
        "- derailleur - moves the chain between sprockets, keeps the chain tight when the"
        " rider changes to a smaller gear\n"
        "- brake - slows the wheel by friction\n"
    )
    notes = deck_notes(tmp_path, text, "bike.md")
    asked = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert "What does derailleur do?" not in asked  # half of what it does would be lost
    assert (
        "[Derailleur] - moves the chain between sprockets, keeps the chain tight when the"
        " rider changes to a smaller gear" in fronts(notes)
    )
    assert asked["What does brake do?"] == "Slows the wheel by friction"


def test_a_month_before_a_year_is_the_dates_not_a_name_or_an_order(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Votes for women 1897-1918\n"
        "- WSPU founded 1903 to win votes for women through direct action\n"
        "- Black Friday Nov 1910 - suffragettes assaulted by police outside Parliament\n"
        "- June 1913 - Emily Davison killed at the Epsom Derby\n"
        "- March 1912 - window-smashing campaign in the West End of London\n",
    )
    got = {(note.front, note.back) for note in notes}
    assert ("When was Emily Davison killed at the Epsom Derby?", "June 1913") in got
    assert (
        "Black Friday [Nov 1910] - suffragettes assaulted by police outside Parliament",
        "",
    ) in got
    # "March" opens a date here, not an order to the reader
    assert ("[March 1912] - window-smashing campaign in the West End of London", "") in got
    # the WSPU was founded in 1903: it founded nothing
    assert not any(front.startswith("Who founded") for front, _ in got)
    assert not any("[June]" in front or "[Nov]" in front for front, _ in got)


def test_short_outline_bullets_keep_their_subject_definition_and_initials(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Cold War 1945-49\n"
        "- Significance of the Berlin Airlift\n"
        "- Boosted US prestige\n"
        "- Ended Stalin's hopes of forcing the West out of Berlin\n"
        "- Key terms\n"
        "- Trade union = organised group of workers who bargain with employers over pay\n"
        "- NICRA (N. Ireland Civil Rights Association) founded 1967 to campaign against "
        "discrimination\n",
    )
    got = {(note.front, note.back) for note in notes}
    # a verb and its object under "Significance of ...": the section's thing did it
    assert ("What did the Berlin Airlift boost?", "US prestige") in got
    # "organised group of ...": a participle describing what the term is
    assert (
        "What is trade union?",
        "Organised group of workers who bargain with employers over pay",
    ) in got
    # "(N." is an initial, not the end of a sentence
    assert (
        "NICRA (N. Ireland Civil Rights Association) founded [1967] to campaign against "
        "discrimination",
        "",
    ) in got
    assert not any(front.startswith("Ireland Civil") for front, _ in got)


def test_what_an_event_meant_for_someone_is_asked_with_them(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "The Cuban Missile Crisis 1962\n"
        "- Significance of the crisis\n"
        "- For Khrushchev - the crisis had damaged his standing in the Politburo\n"
        "- Hotline set up between Washington and Moscow in 1963\n",
    )
    got = {(note.front, note.back) for note in notes}
    assert (
        "For Khrushchev, what had the crisis damaged?",
        "His standing in the Politburo",
    ) in got
    assert not any("[For " in front for front, _ in got)  # "For Khrushchev" is no one's name


def test_a_deed_done_to_someone_asks_who_did_it_not_who_it_was_done_to(tmp_path: Path) -> None:
    got = questions(
        tmp_path,
        "## Road to war\n\n"
        "- Archduke Franz Ferdinand assassinated 28 June 1914 by Gavrilo Princip (Black Hand)\n"
        "- Irish Free State formally created Dec 1922 after the treaty was ratified\n",
    )
    assert got["Who assassinated Archduke Franz Ferdinand on 28 June 1914?"] == "Gavrilo Princip"
    # a thing made, with no maker named: nobody to ask for, and never the thing as its maker
    assert not any(front.startswith("Who formally created") for front in got)
    assert "Archduke Franz Ferdinand" not in got.values()


def test_a_cited_study_hides_its_authors_or_its_finding_not_its_year(tmp_path: Path) -> None:
    cards = fronts(
        deck_notes(
            tmp_path,
            "## Conformity\n\n"
            "- Jenness (1932) - estimates of beans in a jar converged after group discussion\n"
            "- Perrin & Spencer (1980) - engineering students rarely conformed in a replication\n"
            "- Asch (1956) - 123 American men judged line lengths, 37% of answers conformed\n"
            "- Informational social influence - Deutsch & Gerard (1955)\n"
            "- Crutchfield et al (1955) - conformity fell when answers were private\n"
            "## Appeasement\n\n"
            "- Munich Agreement (1938) - Sudetenland handed to Germany without a fight\n",
        )
    )
    assert (
        "[Jenness] (1932) - estimates of beans in a jar converged after group discussion" in cards
    )
    assert (
        "[Perrin & Spencer] (1980) - engineering students rarely conformed in a replication"
        in cards
    )
    assert "Informational social influence - [Deutsch & Gerard] (1955)" in cards
    assert "[Crutchfield et al] (1955) - conformity fell when answers were private" in cards
    assert "Asch (1956) - 123 American men judged line lengths, [37%] of answers conformed" in cards
    # an agreement's year is its date, not a citation
    assert "Munich Agreement ([1938]) - Sudetenland handed to Germany without a fight" in cards
    assert not any(f"([{year}])" in card for card in cards for year in (1932, 1955, 1980))


def test_a_cited_author_in_no_dictionary_opening_the_line_is_hidden_as_a_name(
    tmp_path: Path,
) -> None:
    # "Sperling" is one letter from a commoner word: opening a line before the study's year,
    # it is the researcher's name, not a slip of the pen
    cards = fronts(
        deck_notes(
            tmp_path,
            "## Sensory register\n\n"
            "- duration under half a second, capacity very large\n"
            "- Sperling (1960) - grid of 12 letters flashed for 50ms\n",
        )
    )
    assert "[Sperling] (1960) - grid of 12 letters flashed for 50ms" in cards
    assert not any("([1960])" in card for card in cards)


def test_a_named_event_and_its_date_ask_what_it_was_or_did(tmp_path: Path) -> None:
    got = questions(
        tmp_path,
        "Interwar dictatorships\n\n"
        "- TREATY OF LONDON 1915 -> Italy promised Trentino + South Tyrol for joining the war\n"
        "- Acerbo Law (July 1923) -> party with 25% of the vote gets 2/3 of seats\n"
        "- Matteotti Crisis 1924 -> socialist deputy murdered by fascists, opposition walks out\n"
        "- Mussolini 1922 -> made PM by Victor Emmanuel III\n"
        "- NUREMBERG LAWS Sept 1935 -> Jews lost German citizenship, could not marry non-Jews "
        "or employ them (Reich Citizenship Law + Blood Law) => emigration rose\n",
    )
    # the answer stops at the next arrow, without its closing aside where it runs long
    assert got["What did the Nuremberg Laws (Sept 1935) do?"] == (
        "Jews lost German citizenship, could not marry non-Jews or employ them"
    )
    assert (
        got["What did the Treaty of London (1915) do?"]
        == "Italy promised Trentino + South Tyrol for joining the war"
    )
    assert got["What did the Acerbo Law (July 1923) do?"] == (
        "Party with 25% of the vote gets 2/3 of seats"
    )
    assert got["What happened in the Matteotti Crisis (1924)?"] == (
        "Socialist deputy murdered by fascists, opposition walks out"
    )
    # a person is no event: what was done to them is not asked as what happened in them
    assert not any("Mussolini" in front for front in got)


def test_who_did_it_on_a_date_asks_with_the_date_as_a_question_says_it(tmp_path: Path) -> None:
    got = questions(
        tmp_path,
        "## 1914\n\n"
        "- Kitchener raised a volunteer army Sept 1914\n"
        "- Haig took command of the BEF 19 Dec 1915\n",
    )
    assert got["Who raised a volunteer army in Sept 1914?"] == "Kitchener"
    assert "Who raised a volunteer army Sept 1914?" not in got


def test_what_an_act_or_treaty_did_is_asked_of_it(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "VOTES FOR WOMEN 1900-1928\n\n"
        "REPRESENTATION OF THE PEOPLE ACT 1918\n"
        "- passed 6 Feb 1918\n"
        "- gave the vote to women over 30 who met a property qualification\n"
        "- abolished property qualifications for men over 21\n"
        "- did not give women equal voting rights\n\n"
        "AFTER THE WAR\n"
        "- Equal Franchise Act 1928 -> lowered the voting age for women to 21\n"
        "- Treaty of Sevres (Aug 1920) -> broke up the Ottoman Empire\n"
        "- Parliament Act 1911 (passed Aug 1911) -> removed the Lords' veto over money bills\n"
        "- Cat and Mouse Act 1913 let the government release hunger strikers\n",
    )
    act = "the Representation of the People Act 1918"
    assert cards[f"When was {act} passed?"] == "6 Feb 1918"
    assert cards[f"What did {act} abolish?"] == "Property qualifications for men over 21"
    assert cards["What did the Equal Franchise Act 1928 lower?"] == (
        "The voting age for women to 21"
    )
    assert cards["What did the Treaty of Sevres break up?"] == "The Ottoman Empire"
    assert cards["When was the Parliament Act 1911 passed?"] == "Aug 1911"
    assert cards["What did the Parliament Act 1911 remove?"] == "The Lords' veto over money bills"
    # "gave the vote to ...", "let the government release ...": a thing and what it may do
    assert not any(front.endswith((" give?", " let?")) for front in cards)


def test_who_did_it_gives_way_to_what_they_did_when_the_line_before_names_them(
    tmp_path: Path,
) -> None:
    got = questions(
        tmp_path,
        "## Unification of Italy\n\n"
        "- Piedmont was important to Cavour for 2 reasons:\n"
        "  - Cavour wanted to drive Austria out of northern Italy\n"
        "- Garibaldi landed a thousand volunteers in Sicily in May 1860\n"
        "- As a result - Garibaldi conquered the Kingdom of the Two Sicilies\n",
    )
    # the line before named who it was: what they did is the fact to recall
    assert got["What did Cavour want to do?"] == "Drive Austria out of northern Italy"
    assert got["What did Garibaldi conquer?"] == "The Kingdom of the Two Sicilies"
    # where no line before names them, who it was is still asked
    assert got["Who landed a thousand volunteers in Sicily in May 1860?"] == "Garibaldi"
    assert list(got.values()).count("Garibaldi") == 1


def test_a_line_with_no_doer_goes_on_about_the_one_its_sibling_opened_on(
    tmp_path: Path,
) -> None:
    got = questions(
        tmp_path,
        "## The Munich crisis\n\n"
        "- Chamberlain publicly promised peace for our time after Munich\n"
        "- In private - made clear that Britain must rearm quickly\n"
        "- Churchill attacked the agreement in the Commons\n"
        "- Condemned by Labour as a betrayal of the Czechs\n",
    )
    assert got["What did Chamberlain make clear in private?"] == "Britain must rearm quickly"
    # a deed done to someone is not borrowed as theirs
    assert not any("Churchill condemned" in front for front in got)


def test_what_someone_agreed_to_instead_is_asked_against_what_they_refused(
    tmp_path: Path,
) -> None:
    got = questions(
        tmp_path,
        "## The Spanish Civil War\n\n"
        "- Non-intervention left the Republic short of arms\n"
        "- Stalin refused to send Soviet troops but agreed to sell the Republic tanks and "
        "aircraft\n",
    )
    asked = "Although Stalin refused to send Soviet troops, what did Stalin agree to do?"
    assert got[asked] == "Sell the Republic tanks and aircraft"
    # not the open "What did Stalin agree to do?", which other deeds of his also answer
    assert "What did Stalin agree to do?" not in got


def test_he_after_a_line_on_a_named_person_is_that_person(tmp_path: Path) -> None:
    got = questions(
        tmp_path,
        "## Germany\n\n"
        "- In essence - Bismarck wanted to unite Germany under Prussian leadership\n"
        "- Therefore he needed a war with France, he provoked it in the following ways:\n"
        "  - Edited the Ems telegram to insult the French\n"
        "- Hitler became Chancellor after the 1932 elections\n"
        "- He banned trade unions and all other parties\n",
    )
    # the fact a lead states before it points to its list, with the doer named
    assert got["What did Bismarck need?"] == "A war with France"
    assert got["What did Hitler ban?"] == "Trade unions and all other parties"
    assert not any(front.startswith("Who ") for front in got)


def test_who_is_not_asked_of_one_doer_over_a_second_clause_or_of_a_deed_done_to_them(
    tmp_path: Path,
) -> None:
    got = questions(
        tmp_path,
        "## The Convention\n\n"
        "- Adams presided and Jefferson did most of the drafting that the Congress later "
        "approved.\n"
        "- Mussolini appointed Prime Minister 29 October 1922 by King Victor Emmanuel III\n"
        "- Franklin signed the Treaty of Paris and returned to Philadelphia in 1785.\n"
        "- In old age both Adams and Jefferson wrote letters; Mussolini and Franklin did not.\n",
        "notes.md",
    )
    # "and Jefferson did ..." is a clause of its own: Adams did not do the drafting
    assert not any(front.startswith("Who presided") for front in got)
    # Mussolini was appointed by the king: he appointed nobody
    assert not any(front.startswith("Who appointed") for front in got)
    asked = "Who was appointed Prime Minister 29 October 1922 by King Victor Emmanuel III?"
    assert got[asked] == "Mussolini"
    # one doer of two deeds is still asked whole
    assert got["Who signed the Treaty of Paris and returned to Philadelphia in 1785?"] == "Franklin"
