"""What in a sentence is worth hiding: dates, numbers, names, the author's bold terms, rare words.

Each candidate gets a score; the card builder hides the best one that does not leak (appear
twice), repeat the topic, or fall inside a heading the card shows as context.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum

from revise.formats.model import normalise
from revise.generation.grammar import (
    PREPOSITIONS,
    can_be,
    inflections,
    lemmas,
    only_as,
    split_clause,
    verb_base,
)
from revise.generation.language import (
    AUXILIARIES,
    LABEL_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PRONOUNS,
    STOPWORDS,
    TITLES,
    is_label_phrase,
    is_number_word,
    is_rare,
    is_stopword,
    is_verb_form,
    past_to_base,
    same_stem,
    zipf,
)
from revise.generation.maths import formula_names, legend_formulas, symbol_names
from revise.generation.patterns import Guarded, lazy_regex
from revise.generation.spelling import looks_misspelt, slip_in_notes

MAX_DELETION_WORDS = 5
VAGUE_PENALTY = 4.5
ENUMERATION_PENALTY = 4.0
DEMONYM_PENALTY = 3.0
MODIFIER_PENALTY = 1.5
# A word English readers know (this common or more), used once in the notes, is the author's
# prose rather than a term the notes teach: weaker to hide.
PLAIN_ENGLISH_ZIPF = 2.8
PLAIN_ENGLISH_PENALTY = 2.5
EVERYDAY_NAME_ZIPF = 4.8
EVERYDAY_NAME_PENALTY = 2.0
MAX_DELETION_CHARS = 40
MIN_CUE_WORDS = 2  # words a cloze leaves showing: "[...]" alone, or "The [...]", asks nothing


class TargetKind(StrEnum):
    TERM = "term"  # emphasised by the author
    DATE = "date"
    NAME = "name"
    NUMBER = "number"
    ACRONYM = "acronym"
    RARE = "rare"


@dataclass(frozen=True)
class Target:
    start: int
    end: int
    text: str
    kind: TargetKind
    score: float
    carried: bool = False  # the phrase a line's verb takes, hidden where nothing else is asked


_SPELLED_ORDINAL = (
    r"(?:(?:twenty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth)"
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# (each name is tried only where a letter one opens on stands: the same matches, found sooner)
_MONTH_OPENS = rf"(?=[{''.join(sorted({month[0] for month in MONTHS}))}])"
_MONTH = rf"{_MONTH_OPENS}(?:{_MONTH_NAMES})\.?"
_QUALIFIER = r"(?:(?=[elmt])(?:early|mid|late|the\s+(?:early|mid|late))[-\s]+)?"
_YEAR = r"(?:1\d{3}|20\d{2})"
# "26 Oct", "22nd October 1962": a day of the month, with or without its year
DAY = rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+{_YEAR})?(?![\w-])"
# "17 june", "5-6 oct 1789", "late july/aug", "feb 1793": the date a line of a timeline opens on,
# before the dash (or bracket) that sets it apart from what happened then
TIMELINE_DATE = lazy_regex(
    rf"^(?P<when>(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+)?"
    rf"(?:(?:early|mid|late)[-\s]+)?(?P<month>{_MONTH_NAMES})\.?(?:\s*[-/\u2013]\s*{_MONTH})?"
    rf"(?:\s+(?P<year>{_YEAR}))?)(?=\s*(?:[-\u2013\u2014:(]|->|\u2192))",
    re.I,
)
# "Feb 1763 Treaty of Paris ...", "1777-78 winter at Valley Forge ...", "2 July 1776 Congress
# votes ...": the date a line of a timeline opens on, with or without a dash after it
OPENING_DATE = lazy_regex(
    rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+)?"
    rf"(?:(?:{_MONTH_NAMES})\.?(?:\s*[-/\u2013]\s*{_MONTH})?\s+)?(?:c\.\s?)?{_YEAR}"
    rf"(?:\s*[-\u2013/]\s*(?:{_YEAR}|\d{{2}}))?(?=[\s:,\u2013\u2014-]+\S)",
    re.I,
)
_DATE_PATTERNS = [
    # "July-Sept 1998", "Nov/Dec 1956": months that share a year
    rf"\b{_QUALIFIER}{_MONTH}\s*[-/\u2013]\s*{_MONTH}\s+{_YEAR}\b",
    # "Dec 1954", "September 54", "12 March 1992", "March 12, 1992", "January 49 BC"
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
    rf"(?:\d{{1,4}}\s?(?:BC|BCE)|{_YEAR}|'?\d{{2}})\b",
    # "26 Oct", "22nd October": a day in a timeline whose year is the heading's
    DAY,
    # "1904-1905", "1953-56", "1986 to 1990"
    rf"\b{_QUALIFIER}{_YEAR}\s*(?:-|\u2013|\u2014|to|until)\s*(?:{_YEAR}|\d{{2}})\b(?!-)",
    # "the late 1990s", "1950s and 1960s"
    rf"\b{_QUALIFIER}\d{{3}}0s(?:\s+and\s+(?:the\s+)?\d{{3}}0s)?\b",
    # "the late 19th century", "the eighteenth century"
    rf"\b{_QUALIFIER}(?:\d{{1,2}}(?:st|nd|rd|th)|{_SPELLED_ORDINAL})[-\s]+centur(?:y|ies)\b",
    # "500 BC", "AD 79"
    r"\b\d{1,4}\s?(?:BC|BCE|CE)\b|\bAD\s?\d{1,4}\b",
    rf"\b(?:mid-)?{_YEAR}\b(?!-\w)",
]
# Each date opens on a word's first character, a digit or the first letter of a month, of
# "early", "mid", "late" or "the", of a spelled ordinal or of "AD": the patterns are tried only
# there, which finds the same dates sooner
_DATE_OPENING = r"\b(?=[\dadefjlmnost])"
_DATE = lazy_regex(
    _DATE_OPENING + "(?:" + "|".join(f"(?:{pattern})" for pattern in _DATE_PATTERNS) + ")", re.I
)
# Each date holds a digit or names a century: a sentence holding neither is not searched
_MAY_HOLD_A_DATE = lazy_regex(r"\d|centur", re.I)


# A study cited by its authors and year: "Miller (1956)", "Baddeley & Hitch (1977)", "Bahrick
# et al (1975)", "(Becker, 1971)". The year tells studies apart; what the study found, or who
# made it, is the fact to learn.
# "Asch 1951: 75% conformed", "Mandel 1998 - Reserve Police ...": a study named by its authors
# and a bare year, set apart from what it found by a colon or a dash
_CITATION_END = r"(?=:|\s*(?:[-\u2013\u2014]|->|\u2192)\s)"
_AUTHOR = r"[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?"
_AUTHORS = rf"{_AUTHOR}(?:(?:,\s*|\s+(?:&|and|\+)\s+){_AUTHOR})*(?:\s+et\s+al\.?)?"
_CITATION = lazy_regex(
    # (each citation opens on its first author's capital or on a bracket: tried only there)
    rf"(?=[A-Z(])(?:(?<![\w'\u2019.&+-])(?P<who>{_AUTHORS}),?\s+\((?P<year>{_YEAR})[a-z]?\)"
    rf"|\((?P<within>{_AUTHORS}),?\s+(?P<when>{_YEAR})[a-z]?\)"
    rf"|(?<![\w'\u2019.&+-])(?P<bare>{_AUTHORS})\s+(?P<dated>{_YEAR})[a-z]?{_CITATION_END})"
)
_A_YEAR = lazy_regex(_YEAR)
_NOT_BY_AUTHORS = frozenset(["v", "v.", "of", "in", "on", "at", "from", "into", "near", "across"])
CITED_AUTHORS_SCORE = 6.9  # below a figure the study found, above a word of its finding
CITATION_YEAR_PENALTY = 5.0  # a year that only names the study: the last thing to hide


def citations(sentence: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where each cited study's authors and year stand: "Jacobs (1887) digit span" ->
    [((0, 6), (8, 12))]. A name after another capitalised word or a "v" names an event, a work
    or a case ("Whiskey Ring (1875)", "R v Woollin (1998)"), not the people who wrote a study."""
    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if not _A_YEAR.search(sentence):
        return found  # (each citation holds its year: a sentence without one is not searched)
    for match in _CITATION.finditer(sentence):
        group, year = next(
            (group, year)
            for group, year in (("who", "year"), ("within", "when"), ("bare", "dated"))
            if match[group]
        )
        before = sentence[: match.start(group)].split()[-1:]
        if (
            before
            and (before[0][:1].isupper() or before[0].casefold() in _NOT_BY_AUTHORS)
            and not before[0].endswith(":")
        ):
            continue  # "Black Reconstruction in America (1935)": a place in a title
        names = re.findall(r"[A-Z][\w'\u2019-]*", match[group])
        if any(
            any(part.casefold().rstrip(".") in MONTHS for part in name.split("-"))
            or ORGANISATION.fullmatch(name)
            for name in names
        ) or is_stopword(names[0]):
            continue
        if group == "bare" and not _cited_bare(match[group], before):
            continue
        found.append((match.span(group), match.span(year)))
    return found


SURNAME_ZIPF = 3.0  # a capitalised word this rare, no word of the dictionary, is a surname


def _cited_bare(authors: str, before: list[str]) -> bool:
    """Whether names before a bare year are a study's authors: several of them ("Lucas et al
    2006", "Deutsch and Gerard 1955"), or a surname opening the line or its label ("Asch 1951:",
    "Eval: Mandel 1998 -"), not a place or a word ("Germany 1933:", "Election 1933 -")."""
    if re.search(r"\bet\s+al\b|\s(?:&|and|\+)\s|,", authors):
        return True
    if before and not before[0].endswith(":"):
        return False
    lower = authors.casefold()
    return " " not in lower and not lemmas(lower) and zipf(lower) < SURNAME_ZIPF


# "(On Liberty, 1859)", "(The Strategy of Conflict, 1960)", "(E. St Elmo Lewis, 1898)": a
# work or its author named in capitals, then its year, closing a bracket
_TITLE_WORD = r"(?:[A-Z][\w.'\u2019-]*|of|the|and|in|on|a|an|for|to|&)"
_CITED_WORK = lazy_regex(
    rf"\(\s*(?P<work>[A-Z][\w.'\u2019-]*(?:\s+{_TITLE_WORD})*),\s*(?P<year>{_YEAR})\)"
)


def _cited_works(sentence: str) -> list[re.Match[str]]:
    """The brackets that name the work or the writer an idea comes from, and its year."""
    return list(_CITED_WORK.finditer(sentence)) if "(" in sentence else []


def _half_a_work(works: list[re.Match[str]], start: int, end: int) -> bool:
    """A span inside a cited work's name that is not all of it: "On [Liberty]"."""
    return any(
        work.start("work") <= start
        and end <= work.end("work")
        and (start, end) != work.span("work")
        for work in works
    )


_YEARS = lazy_regex(rf"\b({_YEAR})\s*(?:-|\u2013|/)\s*(\d{{4}}|\d{{2}})\b")
_MONTH_WORD = lazy_regex(rf"(?<![\w-]){_MONTH_OPENS}({_MONTH_NAMES})\.?(?![\w-])", re.I)


def _year_spans(text: str) -> set[tuple[str, str]]:
    """ "1918-21", "1918-1921", "1918/21" -> {("1918", "1921")}."""
    return {
        (match[1], match[2] if len(match[2]) == 4 else match[1][:2] + match[2])
        for match in _YEARS.finditer(text)
    }


def date_given_away(answer: str, shown: str, context: str = "") -> str:
    """Why a hidden date is shown anyway, or "": the same years in the heading or the prompt in
    another spelling ("WAR COMMUNISM ([1918-21])" under "CONSOLIDATION 1918-1921"), or its month
    on its own in the prompt ("[Sept 1917] -> ... chairman of the Soviet (Sept)")."""
    spans = _year_spans(answer)
    if spans and spans & _year_spans(f"{shown} {context}"):
        return "its years are shown"
    months = {MONTHS[match[1].casefold()] for match in _MONTH_WORD.finditer(answer)}
    for match in _MONTH_WORD.finditer(shown):
        if not match[1][:1].isupper() or MONTHS[match[1].casefold()] not in months:
            continue  # "a peaceful march", "may": no month
        before, after = shown[: match.start()].rstrip(), shown[match.end() :].lstrip()
        if not re.search(r"\d$", before) and not re.match(r"\d", after):
            return "its month is shown on its own"  # "27 Feb" beside "[26 Feb]" is another day
    return ""


def number_given_away(answer: str, shown: str) -> str:
    """Why a hidden count or formula is shown anyway, or "": the counts either side of it in
    a run ("Primary ([1] R group), secondary (2), tertiary (3)"), or the formula again with a
    number in front ("Cl + O3 -> ClO + [O2]; ClO + O3 -> 2O2 + Cl")."""
    count = _SMALL_COUNT.fullmatch(answer.strip())
    if count:
        value = int(count[0])
        numbers = {int(n) for n in _SMALL_NUMBER.findall(shown)}
        runs = ({value + 1, value + 2}, {value - 1, value + 1}, {value - 2, value - 1})
        if any(run <= numbers for run in runs):
            return "the counts either side of it are shown"
    share = _SHARE.fullmatch(answer.strip())
    if share:
        for word, value in FRACTION_SHARES.items():
            near = abs(float(share[1]) - value) <= 1
            if near and re.search(rf"\b{word}\b", shown, re.I):
                return f"the card says {word!r}, the same share"
    formula = answer.strip()
    if _FORMULA.fullmatch(formula) and re.search(
        rf"(?<![\w.])\d+{re.escape(formula)}(?![\w])", shown
    ):
        return "the formula shows again with a number in front"
    return ""


# "around half of patients ... ([50%])": a share the card gives in words
FRACTION_SHARES = {
    "three quarters": 75,
    "two thirds": 67,
    "half": 50,
    "a third": 33,
    "one third": 33,
    "a quarter": 25,
    "one quarter": 25,
    "a fifth": 20,
    "a tenth": 10,
}
_SHARE = lazy_regex(r"(\d{1,2}(?:\.\d+)?)\s?(?:%|per\s?cent)", re.I)
_SMALL_COUNT = lazy_regex(r"\d{1,2}")
_SMALL_NUMBER = lazy_regex(r"(?<![\w.,])\d{1,2}(?![\w.,])")
_FORMULA = lazy_regex(r"(?=.*[A-Z])(?=.*\d)[A-Za-z0-9()]+")
MIN_INSIDE_LETTERS = 5  # "[isomers] = stereoisomers"; but "ion" in "ionic" is no giveaway


_FORM_WORD = lazy_regex(r"[A-Za-z](?:-?[A-Za-z]){3,}")
_SHOWN_WORD = lazy_regex(r"[A-Za-z](?:-?[A-Za-z])+")


def form_shown(answer: str, shown: str) -> str:
    """Why a hidden word is shown anyway, or "": another form of it on the card ("central
    maximum is twice the width of the other [maxima]", "[Post-Impressionism]: ... the
    Post-Impressionists"), or it ends a longer word there ("E/Z
    [isomers] = stereoisomers")."""
    word = answer.strip()
    if not _FORM_WORD.fullmatch(word):
        return ""
    lower = word.casefold()
    own = set(lemmas(lower).get("NOUN", ()))
    for other in {w.casefold() for w in _SHOWN_WORD.findall(shown)} - {lower}:
        if len(other) < 4:
            continue
        if (own and not own.isdisjoint(lemmas(other).get("NOUN", ()))) or same_stem(lower, other):
            return f"the card shows {other!r}, another form of it"
        if len(lower) >= MIN_INSIDE_LETTERS and other.endswith(lower):
            return f"the card shows {other!r}, which ends in it"
        if _opposites(lower, other):
            return f"the card shows {other!r}, its opposite"
    return ""


# "capital [inflow] ... and an increase in capital outflow": the other of a pair of words that
# differ only in opposite prefixes gives the hidden one away
_OPPOSITE_PREFIXES = (
    ("in", "out"), ("im", "ex"), ("in", "ex"), ("in", "de"), ("up", "down"), ("over", "under"),
    ("pre", "post"), ("inter", "intra"), ("endo", "exo"), ("hyper", "hypo"),
    ("micro", "macro"), ("max", "min"),
)  # fmt: skip
MIN_OPPOSED_STEM = 3  # "in-put" / "out-put"; "in" / "out" alone are no pair of prefixes


def _opposites(word: str, other: str) -> bool:
    if word[-MIN_OPPOSED_STEM:] != other[-MIN_OPPOSED_STEM:]:
        return False  # a pair shares its stem, so its last letters
    for first, second in _OPPOSITE_PREFIXES:
        for one, two in ((first, second), (second, first)):
            stem = word[len(one) :]
            if word.startswith(one) and len(stem) >= MIN_OPPOSED_STEM and other == two + stem:
                return True
    return False


def closing_date(text: str) -> str:
    """The date `text` ends with, in brackets or not ("KORNILOV AFFAIR (Aug 1917)" -> "Aug
    1917"), or ""."""
    bare = text.rstrip()
    inner = re.search(r"\(([^()]*)\)$", bare)
    if inner:
        return inner[1].strip() if opening_date(inner[1].strip()) == inner[1].strip() else ""
    found = [match for match in _DATE.finditer(bare) if match.end() == len(bare)]
    return found[-1][0] if found and _is_date_like(found[-1][0]) else ""


def opening_date(text: str) -> str:
    """The date `text` opens with ("Dec 1916 by Prince Yusupov" -> "Dec 1916"), or ""."""
    match = _DATE.match(text)
    return match[0] if match and _is_date_like(match[0]) else ""


# "$100bn", "£5.9 billion", "€80m": an amount of money, with its currency and its size.
MONEY = (
    r"[$\u00a3\u20ac\u00a5]\s?\d+(?:[.,]\d+)*(?:\s?(?:bn|m|k|tn|billion|million|trillion|thousand)\b)?"
    r"|\b\d+(?:[.,]\d+)*\s?(?:bn|billion|million|trillion)\b"
)
# A unit written against its figure ("30g a day", "a 5m storm surge", "400mm of rain"): the
# figure and its unit are one amount
GLUED_UNIT = (
    r"(?:mcg|mg|kg|g|ml|mL|cl|l|L|km/h|km|cm|mm|m/s|m|kJ|kcal|MJ|kW|MW|GW|kWh|mA|mV|kV|kHz|MHz"
    r"|GHz|Hz|KB|MB|GB|TB|ms|mins?|hrs?|yrs?|mph|kph|bpm|ppm)"
)
_GLUED_FIGURE = lazy_regex(rf"\d+(?:[.,]\d+)*(?:{GLUED_UNIT})")
AMOUNT_BONUS = 3.0  # a sum or a share is the fact, over the year it was paid in
_NUMBER = lazy_regex(
    # (each amount opens on a digit, a currency sign or a number word's first letter: the
    # patterns are tried only there)
    rf"(?=[\d$\u00a3\u20ac\u00a5{''.join(sorted({word[0] for word in NUMBER_WORDS}))}])"
    rf"(?:(?<![\w.$\u00a3\u20ac\u00a5-])(?:{MONEY})"
    r"|(?<![\w.-])\d+(?:[.,]\d+)*\s?\u00b0\s?[CFK]?(?![\w-])"  # "45 °C": a temperature
    rf"|(?<![\w.-])\d+(?:[.,]\d+)*(?:{GLUED_UNIT})(?![\w/-])"  # "30g", "5m", "400mm"
    r"|(?<![\w.-])(?:\d+(?:[.,]\d+)*[\u00bc-\u00be\u2153\u2154]?(?:\s?%|\s(?:per\s?cent|percent))?"
    r"|\d+(?:st|nd|rd|th))(?![\w-])"
    r"|(?<![\w.-])\d+(?:[.,]\d+)*\s?[x\u00d7](?=\s+[a-z]{2,}\b(?!\s*[=+\-*/^]))"  # "300x its area"
    rf"|(?<![\w.-])\d+(?:\.\d+)?\s?[-\u2013]\s?\d+(?:\.\d+)?(?:\s?%)?(?![\w-])(?!\s+{_MONTH}\b)"
    # (longest first, and in the same order in every run: the pattern's text is its kept key)
    r"|\b(?:" + "|".join(sorted(sorted(NUMBER_WORDS), key=len, reverse=True)) + r")\b)",
    re.I,
)
_CAPITALISED = r"(?:[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*|[A-Z]{2,}\d*)"
_CONNECTOR = r"(?:\s+(?:of|of\s+the|for|for\s+the|de|la|de\s+la|von|van|der|del|v[ao]n\s+der)\s+)"
_NAME = lazy_regex(rf"(?<![\w'\u2019-]){_CAPITALISED}(?:(?:\s+|{_CONNECTOR}){_CAPITALISED})*")
_TRAILING_CONNECTOR = lazy_regex(rf"{_CONNECTOR}$")
_ACRONYM = lazy_regex(r"^[A-Z]{2,6}s?$")
_POSSESSIVE = lazy_regex(r"['\u2019]s?$")
_ITEM = r"[\w'\u2019-]+(?:\s[\w'\u2019-]+){0,2}"
_LISTED_AFTER = lazy_regex(rf",\s+{_ITEM},\s+(?:(?:and|or)\s+)?{_ITEM}|,\s+{_ITEM}\s+(?:and|or)\s")
_INFINITIVE = lazy_regex(r"\b(?:to|will|would|can|could|must|should|may|might|not)\s+$", re.I)
# Adverbs and adjectives ("unilaterally", "unilateral") are weaker to hide than nouns.
_MODIFIER = lazy_regex(r"(?:ly|al|ive|ous|ful|less|able|ible|atic|istic)$")
# "Soviet-North Korean relations": a name used as an adjective is a weak thing to hide.
_DEMONYM = lazy_regex(r"(?:an|ese|ish|ic|Soviet)$")
ORGANISATION = lazy_regex(
    r"\b(Treaty|Pact|Agreement|Accord|Conference|Convention|Union|Organi[sz]ation|Party|Act"
    r"|Bridge|Declaration|Doctrine|Plan|Alliance|Council|Commonwealth|Republic|Empire|Dynasty"
    r"|War|Battle|Revolution|Square|Sea|Ocean|River|Company|Bank|League|Movement|Front|Army"
    r"|Law|Theory|Principle|Effect|Cycle|Syndrome|Disease|Institute|University|Court|Parallel)\b"
)

BASE_SCORES = {
    TargetKind.TERM: 12.0,
    TargetKind.DATE: 9.5,
    TargetKind.NAME: 6.0,
    TargetKind.NUMBER: 7.0,
    TargetKind.ACRONYM: 5.5,
    TargetKind.RARE: 5.0,
}


SAYS_WINDOW = 3  # "appreciation will also reduce": the verb this close after its subject


@dataclass(frozen=True)
class Vocabulary:
    """What the whole document tells about its words: names, counts and its topic."""

    names: frozenset[str]  # words seen capitalised in mid-sentence (casefolded)
    counts: dict[str, int]  # normalised phrase -> occurrences, filled lazily
    text: str  # the document's normalised text, padded with spaces
    topic: frozenset[str]  # the topic's words, casefolded
    lower: frozenset[str] = frozenset()  # words the notes write in lower case somewhere
    words: tuple[str, ...] = ()  # the normalised text's words, in order
    positions: dict[str, list[int]] = field(default_factory=dict)  # word -> where it occurs
    speakers: frozenset[str] = frozenset()  # who the notes quote, by name
    symbols: dict[str, str] = field(default_factory=dict)  # "n" -> "number of moles"
    formula_names: dict[str, str] = field(default_factory=dict)  # formula line -> its name
    legends: dict[str, str] = field(default_factory=dict)  # legend line -> its formula's line
    # sentence and its emphasised terms -> its targets: each sentence is weighed once
    targets: dict[tuple[str, tuple[str, ...]], list[Target]] = field(default_factory=dict)

    def frequency(self, phrase: str) -> int:
        key = normalise(phrase)
        if not key:
            return 1  # punctuation alone ("—", "(…)") occurs as no word of the notes
        if key not in self.counts:
            self.counts[key] = max(1, self._occurrences(key.split()))
        return self.counts[key]

    def _occurrences(self, tokens: list[str]) -> int:
        """How often the words occur in a row in the notes, found from where the rarest of them
        occurs (counting in the whole text for every phrase would grow with its square)."""
        size = len(tokens)
        places = [self.positions.get(token, ()) for token in tokens]
        if size == 1:
            return len(places[0])
        rarest = min(range(size), key=lambda index: len(places[index]))
        wanted = tuple(tokens)
        return sum(
            1
            for at in places[rarest]
            if at >= rarest and self.words[at - rarest : at - rarest + size] == wanted
        )

    def word_uses(self, word: str) -> int:
        """How often one word (casefolded) occurs in the notes."""
        return len(self.positions.get(word, ()))

    def nouns_after(self, word: str) -> list[str]:
        """The nouns the notes write after `word` (casefolded), most often first: "primary"
        -> ["effects"] where the notes speak of "primary effects"."""
        after = Counter(
            self.words[at + 1]
            for at in self.positions.get(word, ())
            if at + 1 < len(self.words) and "NOUN" in lemmas(self.words[at + 1])
        )
        return [noun for noun, _ in after.most_common()]

    def says_more_than_once(self, subject: str, verb: str) -> bool:
        """Whether the notes say of `subject` (one word) that it does `verb` (a base form) in
        more than one place: "an appreciation reduces ..." twice gives "What does an
        appreciation reduce?" two right answers."""
        forms = {verb, *(form for group in inflections(verb).values() for form in group)}
        said: set[int] = set()  # where the verb stands: a label over its sentence says it once
        for at in self.positions.get(normalise(subject), ()):
            window = range(at + 1, min(at + 1 + SAYS_WINDOW, len(self.words)))
            said.update(i for i in window if self.words[i] in forms)
        return len(said) > 1

    def is_topic(self, phrase: str) -> bool:
        tokens = normalise(phrase).split()
        # ("May 1588" in notes on 1588 names a month of it: "may" is no stopword there)
        return bool(tokens) and all(
            token in self.topic or (token in STOPWORDS and token not in MONTHS) for token in tokens
        )


def build_vocabulary(
    texts: list[str], topic: frozenset[str], speakers: frozenset[str] = frozenset()
) -> Vocabulary:
    names: set[str] = set()
    for text in texts:
        for match in re.finditer(r"(?<=[a-z,;:()] )([A-Z][\w'\u2019-]*)", text):
            names.add(_POSSESSIVE.sub("", match[1]).casefold())
    joined = " ".join(normalise(text) for text in texts)
    lower = {word for text in texts for word in re.findall(r"\b[a-z][a-z'-]*\b", text)}
    tokens = tuple(joined.split())
    positions: dict[str, list[int]] = {}
    for at, word in enumerate(tokens):
        positions.setdefault(word, []).append(at)
    return Vocabulary(
        frozenset(names),
        {},
        f" {joined} ",
        topic,
        frozenset(lower),
        tokens,
        positions,
        speakers,
        symbols=symbol_names(texts),
        formula_names=formula_names(texts),
        legends=legend_formulas(texts),
    )


def _place_in_a_row(sentence: str, match: re.Match[str]) -> bool:
    """ "Khrushchev's 1st letter", "the 2nd phase": a small ordinal only numbers its siblings
    (but "the 1st Amendment", "the 5th century" name one thing)."""
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", match[0])
    if not ordinal or int(ordinal[1]) >= MAX_SIBLING_ORDINAL:
        return False
    following = sentence[match.end() :].split()[:1]
    return (
        bool(following)
        and following[0][:1].islower()
        and not following[0].startswith(("centur", "millenni"))
    )


MAX_SIBLING_ORDINAL = 10  # "1st" to "9th" letter, phase or attempt: a place in a row


def find_targets(
    sentence: str, vocabulary: Vocabulary, terms: tuple[str, ...] = ()
) -> list[Target]:
    """Every span of `sentence` worth hiding, best first."""
    key = (sentence, terms)
    if key not in vocabulary.targets:
        vocabulary.targets[key] = _find_targets(sentence, vocabulary, terms)
    return list(vocabulary.targets[key])


def _find_targets(sentence: str, vocabulary: Vocabulary, terms: tuple[str, ...]) -> list[Target]:
    found: list[Target] = []
    taken: list[tuple[int, int]] = []
    counted_lists: list[tuple[int, int]] = []  # the items a count beside them numbers
    works = _cited_works(sentence)

    def add(start: int, end: int, kind: TargetKind, score: float) -> None:
        text = sentence[start:end]
        if _glued(sentence[start - 1 : start]) or _glued(sentence[end : end + 1]):
            return  # "07-11-2024", "post-Korean": hiding part of a word
        charge = ION_CHARGE.match(sentence, end)
        if charge and not re.fullmatch(r"[A-Z][A-Za-z0-9]{0,7}", text):
            return  # "A+": a grade, not an ion
        if charge:  # "Cu2+", "Fe3+": an ion's charge belongs to it
            end, text = charge.end(), sentence[start : charge.end()]
        called = _CALLED_WITH.match(sentence, end)
        if called and (not text.isalpha() or sentence[start - 1 : start].strip()):
            return  # "T_(1/2)", "a²,Var(X)": a symbol's subscript, a term run into another
        if called:  # "Omega(n log n)", "dichromate(VI)": hidden with what is in its bracket
            inside = [at for at, (left, right) in enumerate(taken) if end <= left < called.end()]
            for at in reversed(inside):
                del taken[at], found[at]
            end, text = called.end(), sentence[start : called.end()]
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            return
        if _half_a_work(works, start, end):
            return  # "(On [Liberty], 1859)": half the name of a book
        taken.append((start, end))
        found.append(Target(start, end, text, kind, score))

    for term in terms:
        subject = "" if _is_term_phrase(term) else _clause_subject(term)
        if subject:
            # "→ ==contact comfort more important than food==": the clause is the point, too
            # long to hide whole; what it is about is hidden in it
            head = re.compile(r"\s+".join(map(re.escape, subject.split())), re.I)
            for match in re.finditer(_term_pattern(term), sentence):
                found_head = head.search(sentence, match.start(), match.end())
                if found_head:
                    add(*found_head.span(), TargetKind.TERM, BASE_SCORES[TargetKind.TERM])
            continue
        if not _is_term_phrase(term):
            for match in re.finditer(_term_pattern(term), sentence):
                if _named_gerund(term, sentence[: match.start()]):
                    add(match.start(), match.end(), TargetKind.TERM, BASE_SCORES[TargetKind.TERM])
            continue
        for match in re.finditer(_term_pattern(term), sentence):
            add(match.start(), match.end(), TargetKind.TERM, BASE_SCORES[TargetKind.TERM])
    for start, end in _acts(sentence):
        # "the Crime and Disorder Act 1998": an Act is hidden whole, with its year, or not at all
        add(start, end, TargetKind.NAME, _name_score(sentence[start:end], TargetKind.NAME))
    for (start, end), (year, year_end) in citations(sentence):
        # "Mandel 1998": a year written bare after its authors is part of the study's name
        bare = not sentence[end:year].strip()
        add(start, year_end if bare else end, TargetKind.NAME, CITED_AUTHORS_SCORE)
        score = BASE_SCORES[TargetKind.DATE] - CITATION_YEAR_PENALTY
        add(year, year_end, TargetKind.DATE, score)
    dates = _DATE.finditer(sentence) if _MAY_HOLD_A_DATE.search(sentence) else ()
    for match in dates:
        start, end = _trim_article(sentence, match.start(), match.end())
        if _AS_OF.search(sentence, 0, start):
            continue  # "As of mid-1993, relations were in flux": when it was written, no fact
        if match[0].isdigit() and _measured(sentence[end:]):
            continue  # "1500 bytes", "2870 kJ": an amount in its unit, no year
        bonus = 0.5 if _MONTH_IN.search(match[0]) and _DIGIT.search(match[0]) else 0
        if _is_date_like(sentence[start:end]):
            bonus -= DATED_ASIDE_PENALTY if _dates_a_figure(sentence, start, end) else 0.0
            if _names_the_count(sentence, start, end):
                bonus -= COUNT_YEAR_PENALTY
            if _ET_AL.search(sentence, 0, start) or any(
                work.span("year") == (start, end) for work in works
            ):
                # "Goldman-Rakic et al. 2004 linked it to ...", "Harm principle (On Liberty,
                # 1859): ...": the year only names the study or the work the idea is from
                bonus -= CITATION_YEAR_PENALTY
            add(start, end, TargetKind.DATE, BASE_SCORES[TargetKind.DATE] + bonus)
    for match in _NUMBERED_LABEL.finditer(sentence):
        # "Surah 112 (al-Ikhlas)", "Article 48 = ...": the word names a series, the number
        # which one of it; hiding the word alone asks for a label
        add(*match.span("number"), TargetKind.NUMBER, BASE_SCORES[TargetKind.NUMBER])
    for start, end, kind in _names(sentence, vocabulary):
        if _AFTER_A_FIGURE.search(sentence, 0, start) and _UNIT_SYMBOL.fullmatch(
            sentence[start:end]
        ):
            continue  # "50 Hz", "43 kJ": the unit of the figure before it
        title_goes_on = _TITLE_GOES_ON.match(sentence, end)
        if title_goes_on and title_goes_on[1].casefold() not in MONTHS:
            continue  # "the Law Reform (Contributory Negligence) Act 1945": half a title
        if kind is TargetKind.ACRONYM and _names_a_court(sentence, sentence[start:end]):
            continue  # "R v Golds [2016] UKSC": which court decided, no point of law
        if " " not in sentence[start:end] and _NUMBERED.match(sentence, end):
            continue  # "[Surah] 112": the word of a series, its number hidden instead
        add(start, end, kind, _name_score(sentence[start:end], kind))
    for match in _NUMBER.finditer(sentence):
        if _step_number(sentence, match):
            continue  # "2 rising air cools ...": the step's place in a list, no amount
        if _is_counting_number(sentence, match) and not _place_in_a_row(sentence, match):
            # "the 38th parallel": an ordinal in digits names one particular thing.
            bonus = 1.0 if re.search(r"\d(?:st|nd|rd|th)$", match[0]) else 0.0
            if re.fullmatch(MONEY, match[0]) or re.search(r"%|per\s?cent$", match[0], re.I):
                bonus = AMOUNT_BONUS
            elif _MULTIPLE_OF.match(sentence, match.end()):
                bonus = AMOUNT_BONUS  # "300x its actual area": an amount ("4x faster" compares)
            elif _counts_things(sentence, match):
                bonus = AMOUNT_BONUS  # "30 tropical storms in 2020": the count is the fact
            if _age_of_a_party(sentence, match.start(), match.end()):
                bonus -= PARTY_DETAIL_PENALTY
            listed = _listed_by_count(sentence, match)
            if listed:
                bonus -= LISTED_COUNT_PENALTY
                counted_lists.append(listed)
            score = BASE_SCORES[TargetKind.NUMBER] + bonus
            end = match.end()
            equivalent = _EQUIVALENT.match(sentence, end)
            if equivalent:
                # "about [6-8 glasses (1.5-2 litres)] a day": the amount is hidden with its
                # other measure, which would give it away, or not at all
                whole = sentence[match.start() : equivalent.end()]
                if len(whole.split()) > MAX_DELETION_WORDS or len(whole) > MAX_DELETION_CHARS:
                    continue
                end = equivalent.end()
            add(match.start(), end, TargetKind.NUMBER, score)
    complement = _state_said(sentence)
    if complement:
        add(*complement, TargetKind.RARE, STATE_SCORE)
    for match in [*_opening_term(sentence, vocabulary), *_LOWER_WORD.finditer(sentence)]:
        word = match[0][:1].lower() + match[0][1:]  # ("Friction" opening a sentence)
        if not is_rare(word) or is_verb_form(word.split("-")[-1]):
            continue
        # the term ends at the word, or at the noun an unknown describing word is half of
        if _is_term_word(word, vocabulary):
            end = match.end()
        else:
            end = _described_noun_end(word, sentence, match)
            if not end:
                continue
        if _INFINITIVE.search(sentence[: match.start()]) or word.endswith("ed"):
            continue  # "attempting to reestablish", "to be mechanised": verbs, not terms
        if _AFTER_A_FIGURE.search(sentence, 0, match.start()) and _UNIT_WORD.fullmatch(word):
            continue  # "1-4 litres of O2": the unit says what the figure measures
        score = BASE_SCORES[TargetKind.RARE] + min(3.0, (4.0 - zipf(word)) * 1.5)
        if _MODIFIER.search(word) and end == match.end():
            score -= MODIFIER_PENALTY
        if zipf(word) >= PLAIN_ENGLISH_ZIPF and vocabulary.frequency(word) <= 1:
            score -= PLAIN_ENGLISH_PENALTY  # "the [brunt] of": a word of the prose, not a term
        add(match.start(), end, TargetKind.RARE, score)
    defined = _defined_term(sentence, vocabulary)
    named = None  # the defined name of several words, which the notes may use again and again
    if defined and not any(
        target.start < defined[1] or (target.start < defined[2] and target.kind != TargetKind.RARE)
        for target in found
    ):
        # (a candidate in the name, or a short form beside it, "Urban heat island (UHI)", is
        # hidden as it is)
        add(defined[0], defined[1], TargetKind.RARE, DEFINED_TERM_SCORE)
        if len(sentence[defined[0] : defined[1]].split()) > 1:
            # a term of the notes however often they use it ("critical period - if imprinting
            # didn't happen ..."); one word used again and again ("Risk: ...", "Duration -
            # ...") is a label the notes sort their points by
            named = defined[:2]
    found = _with_alternatives(_with_partners(found, sentence), sentence)
    usable = [target for target in found if _usable(target, sentence, vocabulary)]
    vague = VAGUE_PENALTY if is_vague(sentence) else 0.0
    segments = _comma_segments(sentence)
    ranked = len(_RANKED.findall(sentence)) >= MIN_RANKS
    rescored = [
        Target(
            t.start,
            t.end,
            t.text,
            t.kind,
            t.score
            - vague
            - (0.0 if (t.start, t.end) == named else _repetition_penalty(t, vocabulary))
            - _enumeration_penalty(t, sentence, segments, ranked)
            - _label_of_value_penalty(t, sentence)
            - _label_of_event_penalty(t, sentence, usable, vocabulary)
            - _described_aside_penalty(t, sentence)
            - _aside_penalty(t, sentence)
            - _counted_item_penalty(t, sentence, counted_lists),
        )
        for t in usable
    ]
    asides = [aside.span() for aside in _ASIDE.finditer(sentence) if aside.start() > 0]
    if asides:
        rescored = [
            replace(t, score=t.score - _bracketed_penalty(t, asides, sentence, rescored, defined))
            for t in rescored
        ]
    sidelines = _sidelines(sentence)
    if sidelines:
        rescored = [
            replace(t, score=t.score - _sideline_penalty(t, sidelines, rescored)) for t in rescored
        ]
    whole = [_whole_term(target, sentence, rescored, vocabulary) for target in rescored]
    carried = None if whole or vague else _carried_phrase(sentence)
    if carried:
        text = sentence[slice(*carried)]
        point = Target(*carried, text, TargetKind.RARE, CARRIED_SCORE, carried=True)
        whole = [point] if _usable(point, sentence, vocabulary) else []
    return sorted(whole, key=lambda target: (-target.score, target.start))


def _acts(sentence: str) -> list[tuple[int, int]]:
    """Where each Act a sentence names in full stands, from the first word of its name ("In the
    Crime and Disorder Act 1998" -> "Crime and Disorder Act 1998")."""
    from revise.generation.statutes import FULL_ACT

    if "Act" not in sentence:
        return []
    found = []
    for match in FULL_ACT.finditer(sentence):
        start = match.start()
        opening = re.match(r"(?:(?:[A-Z][a-z]*)\s+)", sentence[start : match.end()])
        while opening and is_stopword(opening[0].strip().casefold()):
            start += opening.end()
            opening = re.match(r"(?:(?:[A-Za-z]+)\s+)", sentence[start : match.end()])
        listed = _NAME_BEFORE_COMMA.search(sentence, 0, start)
        while listed:
            # "Police, Crime, Sentencing and Courts Act 2022": the name goes on before its commas
            start = listed.start()
            listed = _NAME_BEFORE_COMMA.search(sentence, 0, start)
        found.append((start, match.end()))
    return found


_NAME_BEFORE_COMMA = lazy_regex(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*,\s+$")


CARRIED_SCORE = 4.0  # just enough for a card: only where the line has nothing rarer to hide
# "ignores qualitative factors: staff morale, ...", "based on historical data - the past may
# not ...": a point made in common words, the noun phrase its verb takes, closed by the mark
# that opens what the line says of it (or by the line's end)
_CARRIED = lazy_regex(
    r"(?:(?P<aux>is|are|was|were|can|could|may|might|will|would|must)\s+)?(?:also\s+|often\s+)?"
    r"(?P<verb>[a-z]+)(?:\s+(?:on|of|by|for|in|to|from|with|as|into))?\s+"
    r"(?:(?:a|an|the|their|its)\s+)?(?P<phrase>[a-z][a-z-]*[a-z](?:\s+[a-z][a-z-]*[a-z]){1,2})"
    r"(?=\s*(?::\s|[-\u2013\u2014]\s|->|\u2192|[;,(]|\.?$)"
    r"|\s+(?:by|in|at|during|because|when|so|until|after|before|due)\s)"
)

_JOINING = frozenset(["vs", "versus", "v", "plus", "etc"])  # "[heath vs stone]": two things


def _carried_phrase(sentence: str) -> tuple[int, int] | None:
    """The two or three common words a line's verb takes, where they are its point: "Ratio
    analysis ignores [qualitative factors]: staff morale, ...". The verb opens the line (the
    subject is the label it sits under) or follows a plain subject."""
    clause = split_clause(sentence)
    start = 0
    if clause is not None:
        start = len(" ".join(clause.subject)) + 1
        if sentence[:start] != " ".join(clause.subject) + " ":
            return None
    said = _CARRIED.match(sentence, start)
    if not said:
        return None
    verb = said["verb"]
    if verb in AUXILIARIES or verb in ("has", "have", "had", "means"):
        return None  # "is [...]", "means ...": no verb that takes a thing
    if said["aux"] in ("is", "are", "was", "were"):
        if verb.endswith("ing") or not is_verb_form(verb):
            return None  # "is based on [historical data]"; not "is [intrinsically good]"
    elif said["aux"]:
        if lemmas(verb).keys() != {"VERB"} or verb not in lemmas(verb)["VERB"]:
            return None  # "can justify [injustice to minorities]": the verb as it is
    elif not is_verb_form(verb) and not (verb.endswith("s") and "VERB" in lemmas(verb)):
        return None
    phrase = said["phrase"].split()
    if any(is_stopword(word) or word in _JOINING for word in phrase) or is_verb_form(phrase[0]):
        return None
    if any(is_verb_form(word) and "NOUN" not in lemmas(word) for word in phrase[1:]):
        return None
    if "NOUN" not in lemmas(phrase[-1]) or "ADV" in lemmas(phrase[-1]):
        return None  # "[... factors]" ends on its thing; "[supply curve left]" on a direction
    if lemmas(phrase[0]).keys() == {"VERB"}:
        return None  # "[make profit]": a verb's
    return said.span("phrase")


def _whole_term(
    target: Target, sentence: str, others: list[Target], vocabulary: Vocabulary
) -> Target:
    """An uncommon word widened to the term it is half of, where the whole term may be hidden
    and no other candidate stands in it; its score stays the word's."""
    if target.kind is not TargetKind.RARE:
        return target
    start, end = _compound(sentence, target.start, target.end)
    if (start, end) == (target.start, target.end):
        return target
    if any(other is not target and start < other.end and other.start < end for other in others):
        return target
    whole = replace(target, start=start, end=end, text=sentence[start:end])
    return whole if _usable(whole, sentence, vocabulary) else target


# "300x its actual area (old 2000 estimate)": a date in brackets among words of its own, beside a
# figure, says when the figure was taken, a detail of the fact, not the fact ("(1904-1905)"
# alone after a war is the war's date; "(founded 1909)" with no figure is the fact)
DATED_ASIDE_PENALTY = 1.0
# After a multiple ("300x"), the amount it multiplies: "300x its actual area"
_MULTIPLE_OF = lazy_regex(r"(?<=[x\u00d7])\s+(?:the|its|their|his|her|our|as)\s", re.I)
_ASIDE = lazy_regex(r"\([^()]*\)")


DESCRIBED_ASIDE_PENALTY = 2.0


def _described_aside_penalty(target: Target, sentence: str) -> float:
    """A name in brackets among words of description ("Herschel Grynszpan (young Polish Jew)
    shot ..."): the aside says who the name before it was; the name outside is the fact."""
    if target.kind is not TargetKind.NAME or "(" not in sentence:
        return 0.0
    for aside in _ASIDE.finditer(sentence):
        if aside.start() < target.start and target.end < aside.end():
            inside = sentence[aside.start() + 1 : aside.end() - 1].split()
            before = sentence[: aside.start()].rstrip().split()[-1:]
            named = bool(before) and before[0][:1].isupper()
            # "(young Polish Jew)": words describing the name, no clause of their own
            described = inside[0][:1].islower() and not any(map(is_verb_form, inside))
            return DESCRIBED_ASIDE_PENALTY if named and described else 0.0
    return 0.0


# "Shirk = ... ([idolatry])", "Catherine Parr (m.[1543])": a gloss or a date in brackets is a
# detail of the line; where the line outside them names a thing of its own (a name, a term the
# notes mark), that is the point to hide. A figure in brackets ("tetrahedral (109.5°)") is
# often the fact itself, and stays.
BRACKETED_PENALTY = 2.0
REAL_TARGET_SCORE = 6.5  # a target outside the brackets this good makes them an aside


def _bracketed_penalty(
    target: Target,
    asides: list[tuple[int, int]],
    sentence: str,
    others: list[Target],
    defined: tuple[int, int, int] | None,
) -> float:
    aside = _enclosing_aside(target, asides)
    if aside is None or target.kind is TargetKind.NUMBER:
        return 0.0
    if target.kind is TargetKind.DATE and sentence[aside[0] + 1 : aside[1] - 1] == target.text:
        dated = sentence[: aside[0]].split()
        named = len(dated) > 1 and dated[-1][:1].isupper()
        if (
            _DECADE.fullmatch(target.text)
            and not named
            and any(_enclosing_aside(other, asides) is None for other in others)
        ):
            # "chlorpromazine ([1950s]) = dopamine antagonists": roughly when a thing of
            # everyday words came, beside what the line says of it
            return BRACKETED_DECADE_PENALTY
        # "the Russo-Japanese War ([1904-1905])", "Dunning School ([early 1900s])": when the
        # thing named was
        return 0.0
    outside = any(
        _enclosing_aside(other, asides) is None
        and (
            (other.kind in _NAMING_KINDS and other.score >= REAL_TARGET_SCORE)
            or (defined is not None and (other.start, other.end) == defined[:2])
        )
        for other in others
    )
    return BRACKETED_PENALTY if outside else 0.0


# "removed by scrubbing (react with a base eg [CaO])", "lose HCl not [H2O]": an example of
# what the line says, or the thing it says is not so, is a side of the fact; where the line
# outside it holds a thing worth a card, that is hidden instead
SIDELINE_PENALTY = 3.0
MAX_LABEL_WORDS = 2  # "Forestry - eg ...", "Stage 2 - eg ...": words that only label an example
CARD_SCORE = 4.0  # a target this good makes a card on its own (the cards' threshold)
_EXAMPLE_LEAD = lazy_regex(
    r"(?<![\w.])(?:e\.\s?g\.|eg\b|for\s+(?:example|instance)\b|such\s+as\b)[\s,:]*", re.I
)
# the thing a line sets its fact against: "HCl not H2O", "rather than glucose", "instead of CO2"
# (after a verb, "is not soluble", the "not" belongs to the fact; "NO, not really" answers)
_FOIL_LEAD = lazy_regex(
    r"(?:(?<![\w'\u2019])(?!(?:is|are|was|were|be|been|do|does|did|can|could|will|would"
    r"|should|must|may|might|has|have|had)\s)[\w'\u2019)]+,?\s+not"
    r"|\brather\s+than|\binstead\s+of)\s+(?:the\s+|a\s+|an\s+)?",
    re.I,
)
_FOIL = lazy_regex(r"[\w'\u2019+-]+(?:\s[A-Z\d][\w'\u2019+-]*)?(?=[\s,;.)]|$)")
# where an example ends: its bracket closes, or the line goes on past a stop, a
# semicolon, a dash or an arrow ("eg Qatar, UAE" runs on through its commas)
_SIDELINE_END = lazy_regex(r"[);]|\.(?:\s|$)|\s[-\u2013\u2014]\s|->|\u2192|$")


def _sidelines(sentence: str) -> list[tuple[int, int]]:
    """The spans of `sentence` that give an example of its point or the thing it is not."""
    spans = []
    for lead in _EXAMPLE_LEAD.finditer(sentence):
        found = _SIDELINE_END.search(sentence, lead.end())
        end = found.start() if found else len(sentence)
        said = _ASIDE.sub(" ", f"{sentence[: lead.start()]} {sentence[end:]}")
        if len(_SHOWN_WORD.findall(said)) > MAX_LABEL_WORDS:
            spans.append((lead.end(), end))
        # ("Forestry - eg Whinlatter (conifers)": a label and its example, which is the fact)
    for lead in _FOIL_LEAD.finditer(sentence):
        # the foil is the thing the "not" is set against, right after it: "HCl not [H2O]"
        # ("not an accomplice like in Holinshed" sets "an accomplice" against, no more)
        foil = _FOIL.match(sentence, lead.end())
        if foil:
            spans.append(foil.span())
    return spans


def _sideline_penalty(
    target: Target, sidelines: list[tuple[int, int]], others: list[Target]
) -> float:
    def aside(candidate: Target) -> bool:
        return any(start <= candidate.start and candidate.end <= end for start, end in sidelines)

    if not aside(target):
        return 0.0
    beside = any(not aside(other) and other.score >= CARD_SCORE for other in others)
    return SIDELINE_PENALTY if beside else 0.0


BRACKETED_DECADE_PENALTY = 6.0  # below a card's threshold: any other point of the line first
_DECADE = lazy_regex(r"(?:early|mid|late)?[-\s]?\d{3}0s", re.I)
_ET_AL = lazy_regex(r"\bet\s+al\.?,?\s*$")


# what names a thing outright: a word of the line's own that merely sounds rare does not
_NAMING_KINDS = frozenset([TargetKind.NAME, TargetKind.TERM, TargetKind.DATE])


def _enclosing_aside(target: Target, asides: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The bracketed aside (of the line's `asides`, none it opens on) a target stands in."""
    return next(
        ((start, end) for start, end in asides if start < target.start and target.end < end),
        None,
    )


EXCLAIMED_ASIDE_PENALTY = 4.0
_EXCLAIMED_ASIDE = lazy_regex(r"\([^()]*[!?]\)")
SPELLED_OUT_PENALTY = 2.0
_SPELLED_OUT = lazy_regex(r"\b([A-Z]{2,6})\s\(([^()]+)\)")


def _aside_penalty(target: Target, sentence: str) -> float:
    """A word in the writer's exclaimed aside ("actively transported out (mitochondria!)"), a
    reminder to themselves beside the fact, or the bracketed words an abbreviation stands for
    ("LDH (lactate dehydrogenase)"), a gloss of a word the line shows: neither is the fact."""
    if "(" not in sentence:
        return 0.0  # (both are in brackets)
    for aside in _EXCLAIMED_ASIDE.finditer(sentence):
        if aside.start() < target.start and target.end < aside.end():
            return EXCLAIMED_ASIDE_PENALTY
    for spelled in _SPELLED_OUT.finditer(sentence):
        inside = spelled.start(2) <= target.start and target.end <= spelled.end(2)
        if inside and spelled[2][:1].casefold() == spelled[1][:1].casefold():
            return SPELLED_OUT_PENALTY
    return 0.0


# "f(x)", "Omega(n log n)", "P(A)": a bracket written against the word before it
_CALLED_WITH = lazy_regex(r"\([^()\s][^()]{0,15}\)")
# "1-4 litres", "5 mins": a unit right after a figure other than 1 says what it measures
# ("1 coulomb is the charge ..." names the unit itself)
_AFTER_A_FIGURE = lazy_regex(r"(?<![\d.,])(?!1\s?$)\d[\d.,]*\s?$|\d[-\u2013]\d+\s?$")
_UNIT_SYMBOL = lazy_regex(
    r"[kMGTmc\u00b5n]?(?:J|W|Wh|V|A|Hz|g|m|s|L|Pa|N|mol|eV|B|b)|bytes?|bits?|K"
)


def _measured(after: str) -> bool:
    """Whether a unit follows a figure: " kJ per mole", " bytes", " litres"."""
    unit = re.match(r"\s?([\w\u00b0]{2,})", after)  # ("Act 1979 s. 14": a section, no unit)
    return bool(unit) and bool(_UNIT_SYMBOL.fullmatch(unit[1]) or _UNIT_WORD.fullmatch(unit[1]))


_UNIT_WORD = lazy_regex(
    r"(?:kilo|centi|milli|micro|nano|mega)?(?:litre|liter|metre|meter|gram|gramme|tonne|second"
    r"|minute|hour|day|week|month|year|decade|joule|calorie|watt|volt|amp|ampere|ohm|newton"
    r"|pascal|kelvin|hertz|mole|mile|acre|hectare|inch|foot|feet|yard|pound|ounce|degree"
    r"|byte|bit)s?"
    r"|mins?|secs?|hrs?|yrs?|bpm|mph|kph"
)
_DESCRIBING_ENDING = lazy_regex(r"(?:ic|al|ous|ive|ary|ible|able)$")


def _compound(sentence: str, start: int, end: int) -> tuple[int, int]:
    """An uncommon word with the word it makes one term with: "[pyruvic acid]" (a describing
    word and its noun), "[sodium hydroxide]" (a noun naming the kind of another),
    "[lactate dehydrogenase]" (two uncommon words side by side). Hiding half of such a term
    leaves the other half as a clue that is no question."""
    word = sentence[start:end]
    after = re.match(r" ([a-z][a-z-]+)\b(?![-'\u2019])", sentence[end:])
    before = re.search(r"(?<![\w'\u2019-])([A-Za-z][a-z-]+) $", sentence[:start])
    kinds = _kinds(word)
    if "VERB" in kinds or is_verb_form(word):
        return start, end
    if before and not is_stopword(before[1].casefold()):
        naming = _kinds(before[1])
        kind_of = set(naming) == {"NOUN"} and ("NOUN" in kinds or not kinds)
        if kind_of or (is_rare(before[1]) and _names_a_thing_only(before[1])):
            return before.start(1), end
    if after and not is_stopword(after[1]) and not is_verb_form(after[1]):
        following = _kinds(after[1])
        describes = "ADJ" in kinds or (not kinds and bool(_DESCRIBING_ENDING.search(word)))
        if (describes and "NOUN" not in kinds and "NOUN" in following) or (
            is_rare(after[1]) and _names_a_thing_only(after[1]) and _names_a_thing_only(word)
        ):
            return start, end + after.end()
    return start, end


def _kinds(word: str) -> dict[str, tuple[str, ...]]:
    """The parts of speech a word can be, looked up in lower case as the lexicon table holds
    it ("Pyruvic" as "pyruvic"); none for an abbreviation ("GCSE")."""
    return {} if word.isupper() else lemmas(word.casefold())


def _names_a_thing_only(word: str) -> bool:
    """A noun or describing word, never a verb ("myoglobin", "recessive"; not "drags" or
    "resaturates", a verb the dictionary does not know)."""
    kinds = _kinds(word)
    if kinds:
        return "VERB" not in kinds and not is_verb_form(word)
    return not word.endswith("s")


def _with_partners(found: list[Target], sentence: str) -> list[Target]:
    """Two abbreviations joined by "+" are one pair ("AR + MR", the two parts of an offence):
    hiding one shows its partner, so the pair is hidden whole."""
    joined = []
    for target in found:
        if target.kind is TargetKind.ACRONYM:
            after = re.match(r"\s?\+\s?([A-Z]{2,6})(?![\w+])", sentence[target.end :])
            before = re.search(r"(?<![\w+])([A-Z]{2,6})\s?\+\s?$", sentence[: target.start])
            start = before.start(1) if before else target.start
            end = target.end + after.end() if after else target.end
            chain = re.search(r"\+\s*$", sentence[:start]) or re.match(r"\s*\+", sentence[end:])
            if (after or before) and not chain:  # ("capsule + PCT + DCT": a list, no pair)
                joined.append(replace(target, start=start, end=end, text=sentence[start:end]))
                continue
        joined.append(target)
    return list({(target.start, target.end): target for target in joined}.values())


def _dates_a_figure(sentence: str, start: int, end: int) -> bool:
    """A date in brackets among words of its own, where the sentence gives a figure outside
    them: when the figure was taken ("300x its actual area (old 2000 estimate)")."""
    for aside in _ASIDE.finditer(sentence):
        if aside.start() < start and end < aside.end():
            rest = sentence[aside.start() + 1 : start] + sentence[end : aside.end() - 1]
            return bool(re.search(r"[A-Za-z]{3,}", rest)) and any(
                not aside.start() <= number.start() < aside.end()
                and _is_counting_number(sentence, number)
                for number in _NUMBER.finditer(sentence)
            )
    return False


# "by the 2011 census approx 580,000 Polish-born people", "2019 estimate: 9.5m": a year that
# names the count a figure comes from says which count; the figure is the fact (below it)
COUNT_YEAR_PENALTY = 3.0
_COUNT_NAMED = lazy_regex(
    r"\s+(?:census(?:es)?|estimates?|surveys?|figures|data|statistics|stats|counts?|polls?)\b",
    re.I,
)


def _names_the_count(sentence: str, start: int, end: int) -> bool:
    """A bare year before the word for a census, estimate or survey, where the sentence gives
    a figure outside that count's name: "By 2011 census approx 580,000 ..."."""
    named = _COUNT_NAMED.match(sentence, end)
    if not named or not sentence[start:end].isdigit():
        return False
    return any(
        not start <= number.start() < named.end() and _is_counting_number(sentence, number)
        for number in _NUMBER.finditer(sentence)
    )


# "6-8 glasses (1.5-2 litres)", "119-153 km/h (74-95 mph)": the same amount in another measure,
# in brackets after the figure and its unit
_EQUIVALENT = lazy_regex(
    r"(?:\s?(?:[a-z]+/[a-z]+|[a-z]{1,12})){1,2}\s*\((?![12]\d{3}\b)[~\u2248]?\s?\d[\d.,]*"
    r"(?:\s?[-\u2013]\s?\d[\d.,]*)?\s?(?:[a-z]+/[a-z]+|[a-z]{1,12})\+?\)"
)
_AS_OF = lazy_regex(r"\bas\s+of\s+$", re.I)


# A sentence's first word, in capitals only because it opens the sentence, and the word after
# it: "Friction acts ..."
_OPENING_WORD = lazy_regex(r"([A-Z][a-z]+(?:-[a-z]+)*)\s+([a-z']+)\b(?:\s+([a-z']+)\b)?")


def _opening_term(sentence: str, vocabulary: Vocabulary) -> list[re.Match[str]]:
    """ "Friction acts against the direction of motion", "Glaciers carve U-shaped valleys": the
    uncommon noun a plain sentence opens on as its whole subject, its verb next, is the term
    the sentence tells of, as it would be in mid-sentence, where the notes write it in lower
    case elsewhere (so it is no name). Not "Penetration pricing - ...": half of a term."""
    match = _OPENING_WORD.match(sentence)
    if not match or match[1].casefold() not in vocabulary.lower:
        return []
    if match[1].casefold() in vocabulary.names:
        return []  # capitalised in mid-sentence too: a name, weighed as one
    if not _finite(match[2], match[1].endswith("s")) or _finite(match[3] or "", plural=False):
        return []  # "Erosion rates are ...": the verb comes after a longer subject
    if _state_said(sentence):
        return []  # "Collisions are perfectly elastic": what is said of it is the fact
    opening = re.match(r"\S+", sentence)
    return [opening] if opening else []


# "suspension - fine particles carried in the water", "Rising limb - discharge increasing": a
# name of up to three words, with its short form or other name in brackets, before what it is
_DEFINED_TERM = lazy_regex(
    r"(?P<term>[A-Za-z][a-z'\u2019-]*(?:\s[a-z][a-z'\u2019-]*){0,2})(?P<aside>\s\([^()]{1,40}\))?"
    r"\s*(?P<sep>[:=]|\s[-\u2013\u2014]+\s)\s*(?P<meaning>[A-Za-z]\S*\s+\S[^?]*)$"
)
# The name a definition line gives its meaning to is the thing to learn, however everyday its
# words ("rising limb", "suspension"): worth a card where the line holds nothing better.
DEFINED_TERM_SCORE = 4.5
_COMPARING = frozenset(["more", "less", "most", "least"])
_FORMULA_SIGN = lazy_regex(r"[=<>\u2248\u2264\u2265]")


def _defined_term(sentence: str, vocabulary: Vocabulary) -> tuple[int, int, int] | None:
    """Where the name stands that a line opens on to say what it is, and where its bracketed
    aside ends, or None. The name is a noun with its describing words ("surface runoff"), not a
    label ("Benefit: ..."), a name ("Hume on miracles - ..."), a clause ("Bile emulsifies fats:
    ...", "Joined wires = ...") or a comparison ("Higher clock speed = ..."); what follows is a
    meaning, not a value, a formula, a run of pairs ("right side = ..., left side = ..."), a
    sentence of its own after a colon ("Puberty: oestrogen is ...") or a question."""
    defined = _DEFINED_TERM.match(sentence)
    if not defined:
        return None
    term, meaning = defined["term"], defined["meaning"]
    names = term.casefold().split()
    if names[0] not in vocabulary.lower or names[0] in vocabulary.names:
        return None  # never written in lower case, or capitalised in mid-sentence: a name
    last = lemmas(names[-1])
    if "NOUN" not in last or is_number_word(names[0]) or (len(names) == 1 and "ADJ" in last):
        return None  # "Chemical - ...", "non-rival - ...": a describing word, no name
    if any(name in LABEL_WORDS for name in names) or is_label_phrase(term):
        return None
    for at, name in enumerate(names):
        parts = lemmas(name)
        bases = {base for group in parts.values() for base in group}
        if (is_stopword(name) and name != "of") or any(is_stopword(base) for base in bases):
            return None  # "Bigger the number", "Others: ..."
        inflected = name not in parts.get("VERB", (name,)) and not name.endswith("ing")
        if inflected and (parts.keys() == {"VERB"} or at < len(names) - 1):
            return None  # "Joined wires", "Ignores qualitative factors", "Core left behind"
        if parts.keys() <= {"ADJ", "ADV"} and name not in parts.get("ADJ", (name,)):
            return None  # "Higher clock speed", "Older syntax": a comparison
    said = meaning.split()
    opener = said[0].casefold()
    if opener in PREPOSITIONS or opener in _COMPARING or opener in ("be", "per"):
        return None  # "in a vacuum", "more complex than ...", "be their own bosses"
    if _FORMULA_SIGN.search(meaning) or defined["sep"] in meaning:
        return None  # "sin 2A = ...", "YED > 1", "right side = ..., left side = ..."
    if defined["sep"] == ":" and (is_stopword(opener) or any(w in AUXILIARIES for w in said)):
        return None  # "Puberty: oestrogen is ...", "Sources of error: it is hard ..."
    if any(name in normalise(meaning).split() for name in names if not is_stopword(name)):
        return None  # "Forward rate = reverse rate": the meaning shows half of the name
    aside_end = defined.end("aside") if defined["aside"] else defined.end("term")
    return (*defined.span("term"), aside_end)


STATE_SCORE = 6.5  # above the subject it is said of: the state is the fact
MAX_STATE_ZIPF = 4.5  # "elastic", "negligible", "soluble"; not "important" or "good"
MAX_STATED_SUBJECT_WORDS = 4
_STATE = lazy_regex(
    rf"^[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){{0,{MAX_STATED_SUBJECT_WORDS - 1}}}?"
    r"\s+(?:is|are|was|were)\s+(?P<state>(?:[a-z]+ly\s+)?(?P<word>[a-z]+))"
    r"(?=\s+(?P<next>[a-z]+)|\s*[,.;:(]|\s*$)"
)


def _state_said(sentence: str) -> tuple[int, int] | None:
    """ "Collisions are perfectly elastic", "Duration of a collision is negligible compared
    with ...": an uncommon describing word said of the subject is the fact, not the subject,
    which many things could be."""
    said = _STATE.match(sentence)
    if not said:
        return None
    word = said["word"]
    kinds = lemmas(word)
    describes = "ADJ" in kinds or (not kinds and bool(_DESCRIBING_ENDING.search(word)))
    if not describes or is_verb_form(word) or is_stopword(word):
        return None
    if zipf(word) >= MAX_STATE_ZIPF:
        return None
    following = said["next"]
    if following and "NOUN" in lemmas(following) and not is_stopword(following):
        return None  # "are perfectly elastic collisions": a noun phrase, the state half of it
    return said.span("state")


def _finite(word: str, plural: bool) -> bool:
    """A verb that can follow its subject: "is", "acts", "formed" (after a plural, "form")."""
    if word in AUXILIARIES or any(verb_base(word, tag) for tag in ("VBZ", "VBD")):
        return True
    return plural and word in lemmas(word).get("VERB", ())


_MONTH_IN = lazy_regex(_MONTH, re.I)
_DIGIT = lazy_regex(r"\d")
# a word in lower case, hyphened or not: a candidate for an uncommon term
_LOWER_WORD = lazy_regex(r"(?<![\w'\u2019-])[a-z][A-Za-z'\u2019]*(?:-[a-z]+)*(?![\w'\u2019-])")


# "NaOH / KOH", "linkage or epistasis", "conc H2SO4 or conc H3PO4": two things either of which
# the line allows; hiding one shows the other, so both are hidden together or neither.
_ALTERNATIVE_BEFORE = lazy_regex(
    r"(?:^|(?<=\s))(?P<other>\w[^\s/(\"\u201c\u201d]*)\s+(?:/|or|and/or)\s+(?P<again>\S+\s+)?$"
)
_ALTERNATIVE_AFTER = lazy_regex(
    r"^(?:['\u2019]s?)?\s+(?:/|or|and/or)\s+(?:(?P<again>\S+)\s+)?"
    r"(?P<other>\w(?:[^\s/,;:()\"\u201c\u201d.!?]*[\w'\u2019+])?)"
)
_ALTERNATIVE_NEXT = lazy_regex(
    r"^(?:['\u2019]s?)?\s+(?:/|or|and/or)\s+(?P<other>\w(?:[^\s/,;:()\"\u201c\u201d.!?]*[\w'\u2019+])?)"
)
_FIGURE = lazy_regex(r"[$\u00a3\u20ac\u00a5]?\d")  # "1000 / time", "$2.1m or $101,000": a sum


def alternative_shown(before: str, hidden: str, after: str) -> tuple[int, int] | None:
    """Where the other of two alternatives stands beside a hidden word, as how far the two
    reach into `before` (from its end) and into `after`, or None: "NaOH / [KOH]" -> (7, 0).
    The second may repeat the word before the first ("conc H2SO4 or conc [H3PO4]"). A figure
    beside a "/" or an "or" is a ratio or the same amount put another way, not a choice, and
    things of many words ("[Southern railroads] / internal improvements") are two things."""
    if len(hidden.split()) != 1 or _FIGURE.match(hidden):
        return None

    def repeated(word: str, text: str) -> bool:
        return bool(re.search(rf"(?<!\S){re.escape(word)}\s+$", text))

    def choice(other: str) -> bool:
        return not is_stopword(other.strip(".,;:").casefold()) and not _FIGURE.match(other)

    def longer(other: str, beyond: re.Match[str] | None) -> bool:
        """ "Family members / [licensees]": a word in lower case with another on its far side
        may be the end of a phrase of many words."""
        return other[:1].islower() and bool(beyond) and not is_stopword(beyond[1].casefold())

    match = _ALTERNATIVE_BEFORE.search(before)
    if match and choice(match["other"]):
        again = (match["again"] or "").strip()
        if longer(match["other"], re.search(r"(\w+)\s+$", before[: match.start("other")])):
            return None
        if not again or repeated(again, before[: match.start()]):
            return len(before) - match.start("other"), 0
    match = _ALTERNATIVE_AFTER.match(after)
    if match and match["again"] and not repeated(match["again"], before):
        match = _ALTERNATIVE_NEXT.match(after)  # "/ Fehling's solution": no word repeated
    if match and choice(match["other"]):
        if longer(match["other"], re.match(r"\s+(\w+)", after[match.end("other") :])):
            return None
        return 0, match.end("other")
    return None


def _with_alternatives(found: list[Target], sentence: str) -> list[Target]:
    """A target that is one of two alternatives becomes both ("[NaOH / KOH]") where nothing
    stands between them but the "/" or "or", and is dropped otherwise."""
    kept: list[Target] = []
    joined: dict[tuple[int, int], Target] = {}
    for target in found:
        reach = alternative_shown(sentence[: target.start], target.text, sentence[target.end :])
        if reach is None:
            kept.append(target)
            continue
        start, end = target.start - reach[0], target.end + reach[1]
        possessive = re.match(r"['\u2019]s?(?![\w'\u2019])", sentence[end:])
        end += possessive.end() if possessive else 0  # "[Benedict's / Fehling's] solution"
        between = sentence[start : target.start] if reach[0] else sentence[target.end : end]
        if len(between.split()) > 2:
            continue  # "H2SO4 or conc H3PO4": not one answer
        following = re.match(r"\s+([a-z]+)", sentence[end:])
        if sentence[start:end].islower() and following and not is_stopword(following[1]):
            continue  # "railroads / [internal] improvements": part of a longer phrase
        both = Target(start, end, sentence[start:end], target.kind, target.score)
        if (start, end) not in joined or joined[(start, end)].score < target.score:
            joined[(start, end)] = both
    return kept + list(joined.values())


def _term_pattern(term: str) -> str:
    """Where an emphasised term stands in its sentence, as the sentence writes it: "9 : 3 : 1"
    tidied to "9: 3: 1", and "**phase difference** = ..." opening a bullet as "Phase difference
    = ..." (the author's spacing and a sentence's capital are no part of the term)."""
    pattern = r"\s*".join(re.escape(part) for part in term.split())
    first = re.escape(term[:1])
    if term[:1].islower():
        pattern = rf"(?:{pattern}|^{re.escape(term[:1].upper())}{pattern[len(first) :]})"
    return rf"(?<!\w){pattern}(?!\w)"


def _is_term_word(word: str, vocabulary: Vocabulary) -> bool:
    """A word worth hiding is a noun, or a word no dictionary knows that the notes spell the same
    way twice: not a verb ("bought"), an adjective ("expansionary") or a typo ("pleases")."""
    last = word.split("-")[-1].casefold()
    parts = lemmas(last)
    if parts:
        return "NOUN" in parts and (last not in parts.get("VERB", ()) or zipf(last) < 3.0)
    return vocabulary.frequency(word) >= 2


# "hydrostatic equilibrium", "monoclonal antibody": a describing word of science, and the
# noun that ends the term
_TERM_ADJECTIVE = lazy_regex(r"(?:ic|al|ous)$")
_SHORT_FORM_AFTER = lazy_regex(r"\s*\([A-Z]{2,8}\)")
_NOUN_NEXT = lazy_regex(r" ([a-z][a-z-]+)\b(?![-'\u2019])(?: ([a-z][a-z-]+))?")


def _described_noun_end(word: str, sentence: str, match: re.Match[str]) -> int:
    """Where the noun ends that an uncommon describing word no dictionary knows makes one term
    with ("hydrostatic equilibrium", "monoclonal antibody"), or 0: hiding the describing word
    alone leaves half of the term as its clue. Not "anhydrous copper sulfate", where the noun
    is half of a longer name, nor "unresolvable circular wait"."""
    if _kinds(word) or not _TERM_ADJECTIVE.search(word):
        return 0
    following = _NOUN_NEXT.match(sentence, match.end())
    if not following or is_stopword(following[1]) or is_verb_form(following[1]):
        return 0
    if set(lemmas(following[1])) != {"NOUN"}:
        return 0
    beyond = following[2] or ""
    if beyond and "NOUN" in lemmas(beyond) and not is_stopword(beyond):
        return 0
    if _SHORT_FORM_AFTER.match(sentence, following.end(1)):
        return 0  # "sinoatrial node (SAN) = the pacemaker": its short form spells it out
    return following.end(1)


def _is_term_phrase(term: str) -> bool:
    """An emphasised phrase worth hiding ends in a noun or a name, not a verb or an adverb
    ("Successively abort", "almost always")."""
    tokens = re.findall(r"[\w'\u2019-]+", term)
    if not tokens or len(tokens) > MAX_DELETION_WORDS:
        return False
    lowered = [token.casefold() for token in tokens]
    if (len(tokens) == 1 and lowered[0] in LABEL_WORDS) or is_label_phrase(term):
        return False  # "**Note**:", "**Key point:**"
    if any(token in AUXILIARIES for token in lowered):
        return False  # "sell imported goods will benefit": a clause, not a term
    last = tokens[-1]
    parts = lemmas(last.casefold())
    if only_as(lowered[0], "ADV"):
        # "Successively abort", "almost always"; but "twice the width" measures a thing
        return len(tokens) > 2 and parts.keys() == {"NOUN"} and lowered[0] not in NEGATIONS
    if last[:1].isupper() or any(ch.isdigit() for ch in last):
        return True
    return not parts or "NOUN" in parts or "PROPN" in parts


# what a gerund stands after where it names a thing: "= **imprinting**", "the **grooming** of"
NOUN_SLOT = lazy_regex(r"(?:[=:\u2192]|->|\b(?:the|a|an|of|by|called|termed|named))\s*$", re.I)


def _named_gerund(term: str, before: str) -> bool:
    """ "incubator group followed Lorenz everywhere = **imprinting**": an emphasised word in
    -ing where a noun stands is the name of a process, not a verb."""
    tokens = term.split()
    lower = tokens[-1].casefold() if tokens else ""
    return (
        len(tokens) <= 2
        and lower.endswith("ing")
        and lemmas(lower).keys() == {"VERB"}
        and not any(token.casefold() in AUXILIARIES for token in tokens)
        and bool(NOUN_SLOT.search(before))
    )


MAX_SUBJECT_WORDS = 3  # "contact comfort": the noun phrase an emphasised clause opens on
# what follows a clause's subject: its verb, or a comparison said of it
_PREDICATE_OPENER = frozenset(["more", "less", "most", "least", "not", "no", "as"])


def _clause_subject(term: str) -> str:
    """The noun phrase an emphasised clause too long to hide whole opens on ("contact comfort"
    in "contact comfort more important than food"), or ""."""
    tokens = term.split()
    if len(tokens) <= MAX_DELETION_WORDS:
        return ""
    start = 1 if tokens[0].casefold() in ("the", "a", "an") else 0
    head: list[str] = []
    for token in tokens[start:]:
        lower = token.casefold()
        parts = lemmas(lower)
        if (
            lower in _PREDICATE_OPENER
            or lower in AUXILIARIES
            or (head and parts.keys() == {"VERB"})
        ):
            break
        if not re.fullmatch(r"[A-Za-z][\w'-]*", token) or "NOUN" not in parts or is_stopword(lower):
            return ""
        head.append(token)
    if not head or len(head) > MAX_SUBJECT_WORDS or len(head) == len(tokens) - start:
        return ""
    return " ".join(head)


ION_CHARGE = lazy_regex(r"\d*[+\u2212-](?![\w+\u2212-])")  # "Cu[2+]", "Na[+]", "SO4[2-]"


NEGATIONS = frozenset(["no", "not", "never", "nor"])  # "**no memory cells**": what it lacks


def _glued(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "-#@_/")


_DEMONSTRATIVES = frozenset(["this", "these", "that", "those"])


def _names_a_thing(word: str, following: str) -> bool:
    return can_be(word, "NOUN") and following in ("is", "was", "are", "were", "has", "had")


def is_vague(sentence: str) -> bool:
    """A sentence whose subject is a pronoun or a bare ordinal ("The first 1954-55 was ...")."""
    tokens = [token.casefold() for token in sentence.split()[:4]]
    if not tokens:
        return False
    if tokens[0] in _DEMONSTRATIVES and len(tokens) > 2 and _names_a_thing(tokens[1], tokens[2]):
        return False  # "This support was vital ...": which support, the heading may say
    if tokens[0] in PRONOUNS and (
        len(tokens) < 2 or is_verb_form(tokens[1]) or tokens[1] in PRONOUNS
    ):
        return True
    subordinate = tokens[0] in ("although", "though", "while", "because", "as")
    if subordinate and len(tokens) > 1 and tokens[1] in PRONOUNS:
        return True
    if tokens[0] == "the" and len(tokens) > 2 and tokens[1] in ORDINALS:
        return not tokens[2].isalpha() or is_verb_form(tokens[2])
    return False


_COMMA_SPLIT = lazy_regex(r"(,\s+)")
_LEADING_AND = lazy_regex(r"^(?:and|or)\s+")
_ARTICLE = lazy_regex(r"the\s+", re.I)


def _comma_segments(sentence: str) -> list[tuple[int, int]]:
    """Where each stretch of the sentence between ", " begins and ends."""
    segments = []
    start = 0
    for piece in _COMMA_SPLIT.split(sentence):
        segments.append((start, start + len(piece)))
        start += len(piece)
    return segments[::2]


_RANKED = lazy_regex(r"\s+[<>]\s+")  # "radio > microwave > IR", "primary < secondary"
MIN_RANKS = 2  # two signs at least: an order of three, not one comparison ("x > 0")
_LATER_SUMMAND = Guarded(
    lazy_regex(r"(?:->|\u2192|=>|=)\s*[^\s+]+(?:\s+[^\s+]+)?(?:\s+\+\s+[^\s+]+)*\s+\+\s+$")
)


# "Critical period = first 2½ years", "half-life = about 5,730 years": a term given a value
GIVEN_VALUE = lazy_regex(
    r"\s*=\s*(?:(?:first|last|about|around|approx\.?|roughly|only"
    r"|within|up\s+to|under|over|at\s+least|at\s+most)\s+)?[~\u2248]?\d"
)
LABEL_OF_VALUE_PENALTY = 6.0  # below a number's score: the value is the fact, not its label


def _label_of_value_penalty(target: Target, sentence: str) -> float:
    """A term opening its line with a number for its value ("[Critical period] = first 2½
    years"): the line says how long, how big or how many, and hiding the term leaves that in
    view; the value is the card."""
    if target.kind is not TargetKind.TERM or sentence[: target.start].strip():
        return 0.0
    return LABEL_OF_VALUE_PENALTY if GIVEN_VALUE.match(sentence, target.end) else 0.0


# "Rearmament - conscription reintroduced March 1935": the word a line opens on before a dash,
# over a clause that says what happened (a subject, then its verb in the past)
_LABEL_DASH = lazy_regex(r"\s*(?:[-\u2013\u2014:]|->|\u2192)\s+")
_ASIDE_IN_CLAUSE = lazy_regex(r"\s*\([^()]*\)")
EVENT_SUBJECT_WORDS = 4  # "Dutch communist Marinus van der Lubbe arrested": where its verb stands
LABEL_OF_EVENT_PENALTY = 6.0  # below a date's or a name's score: the event is the fact


def _label_of_event_penalty(
    target: Target, sentence: str, others: list[Target], vocabulary: Vocabulary
) -> float:
    """A word of everyday English opening a line before a dash, over what happened then
    ("[Rearmament] - conscription reintroduced March 1935"): the date, number or name in the
    event is the fact to hide."""
    if target.kind in (TargetKind.DATE, TargetKind.NUMBER) or sentence[: target.start].strip():
        return 0.0
    dash = _LABEL_DASH.match(sentence, target.end)
    if not dash or not label_over_event(target.text, sentence[dash.end() :], vocabulary.names):
        return 0.0
    better = any(
        other.start >= dash.end()
        and other.kind in (TargetKind.DATE, TargetKind.NUMBER, TargetKind.NAME)
        for other in others
    )
    return LABEL_OF_EVENT_PENALTY if better else 0.0


_PLAIN_WORD = lazy_regex(r"[A-Za-z][\w'\u2019-]*")


def label_over_event(label: str, clause: str, names: frozenset[str]) -> bool:
    """Whether `label`, a word of everyday English before a dash, only groups the event the
    clause after it tells ("Rearmament" over "conscription reintroduced March 1935", "Trigger"
    over "Herschel Grynszpan (young Polish Jew) shot German diplomat ..."): a subject, then its
    verb in the past, with a date, a number or a name in it. A term's meaning says what a
    thing is or does ("Sea wall - reflects waves back"); a name ("Charles Townshend -
    Chancellor, ...") is a fact itself."""
    label_words = [word.casefold() for word in _PLAIN_WORD.findall(label)]
    if not label_words or any(not lemmas(word) or word in names for word in label_words):
        return False
    told = _ASIDE_IN_CLAUSE.sub("", clause)
    opening = told.split()[: EVENT_SUBJECT_WORDS + 1]
    for at, word in enumerate(opening):
        if not _PLAIN_WORD.fullmatch(word):
            return False  # "A = λN, measured in ...": no subject of a clause
        if at and past_to_base(word):
            # when it happened, or who did it ("large urban area formed when towns merge"
            # describes a thing)
            named = any(other[:1].isupper() for other in opening[:at])
            return named or bool(_DIGIT.search(told))
        if is_verb_form(word):
            return False  # "lawyer, defended ...", "reflects waves back", "is ..."
    return False


def _enumeration_penalty(
    target: Target, sentence: str, segments: list[tuple[int, int]], ranked: bool
) -> float:
    """One member of "SA-2D, SA-3, and SA-5" is a poor card: the others give it away. `ranked`:
    the sentence orders things with two signs at least ("radio > microwave > IR")."""
    index = next((i for i, (a, b) in enumerate(segments) if a <= target.start < b), None)
    if index is None:
        return 0.0

    def short(i: int) -> bool:
        if not 0 <= i < len(segments):
            return False
        text = _LEADING_AND.sub("", sentence[segments[i][0] : segments[i][1]].strip())
        return 0 < len(text.split()) <= 3

    if short(index) and (short(index - 1) or short(index + 1)):
        return ENUMERATION_PENALTY
    if _LATER_SUMMAND.search(sentence[: target.start]):
        # "-> ALKENE + H2O + [KBr]": what else a reaction or a sum gives beside its first term
        return ENUMERATION_PENALTY
    if ranked and (
        _RANKED.search(sentence[: target.start][-3:]) or _RANKED.match(sentence[target.end :])
    ):
        # "radio > microwave > [IR] > visible > UV": one place in an order the rest gives away
        return ENUMERATION_PENALTY
    # "The stages are prophase, metaphase, anaphase and telophase": the first of a run.
    if not target.text.endswith(")") and _LISTED_AFTER.match(sentence[target.end :]):
        return ENUMERATION_PENALTY
    return 0.0


def _trim_article(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Dates are hidden without their article: "the [late 1990s]"."""
    text = sentence[start:end]
    match = _ARTICLE.match(text)
    return (start + match.end(), end) if match else (start, end)


def _is_date_like(text: str) -> bool:
    return any(ch.isdigit() for ch in text) or "centur" in text.casefold()


_OWNER = lazy_regex(r"(?:His|Her|Their|Our|Your|My)\s+[A-Z]")


def _names(sentence: str, vocabulary: Vocabulary) -> list[tuple[int, int, TargetKind]]:
    spans = []
    for match in _NAME.finditer(sentence):
        start, end = match.start(), match.end()
        text = match[0]
        # Leading capitalised function words ("The", "In", "During") are not part of a name.
        owner = _OWNER.match(text)
        if owner and start > 0 and not sentence[:start].rstrip().endswith((".", ":", "(")):
            continue  # "a class of Her Majesty's subjects": a title, whole or not at all
        while True:
            first = text.split()[0] if text.split() else ""
            before = sentence[:start].rstrip()
            last = before[:-1].split()[-1:] if before.endswith(".") else []
            titled = bool(last) and last[0].casefold() in TITLES  # "Maj. Rudolf Anderson"
            at_start = start == 0 or (before.endswith((".", ":", "-", "(", '"')) and not titled)
            if first and at_start and not is_stopword(first):
                if not _is_name_word(first, vocabulary):
                    text = ""  # "Post-Korean War China turned": no telling where a name starts
                break
            if first and (is_stopword(first) or first.casefold() in LEADING_PREPOSITIONS):
                rest = text[len(first) :].lstrip()
                start = end - len(rest)
                text = rest
                if not text:
                    break
                continue
            break
        text = text.rstrip()
        if not text:
            continue
        trimmed = _POSSESSIVE.sub("", text)
        # Trailing connectors ("Bank of") belong to the next word, which was not capitalised.
        trimmed = _TRAILING_CONNECTOR.sub("", trimmed)
        end = start + len(trimmed)
        if not trimmed or not any(ch.isalpha() for ch in trimmed):
            continue
        tokens = trimmed.split()
        if len(tokens) > 1 and tokens[0].casefold().rstrip(".") in MONTHS:
            # "1947 Jan Bizonia": the month is the date's, the name begins after it
            shift = len(trimmed) - len(trimmed[len(tokens[0]) :].lstrip())
            start, trimmed = start + shift, trimmed[shift:]
            tokens = tokens[1:]
        completed = _completing_noun(sentence, end, tokens[-1])
        if completed:
            end = completed
            trimmed = sentence[start:end]
            tokens = trimmed.split()
        if len(tokens[-1]) == 1:
            continue  # "North K": an abbreviation the notes use, not a name to learn
        if _COMPOUND_MODIFIER.search(trimmed):
            continue  # "US-owned sugar mills", "Soviet-backed": a name made into a describing word
        if len(tokens) == 1 and trimmed.casefold() in TITLES and sentence[end : end + 1] == ".":
            continue  # "Maj. Rudolf Anderson": the title, not the name
        if len(tokens) == 1 and _ACRONYM.match(trimmed):
            if shouted_verb(trimmed):
                continue  # "when it BECAME a nuisance": a verb the notes stress
            spans.append((start, end, TargetKind.ACRONYM))
        elif len(tokens) == 1 and trimmed.casefold() in ORDINALS | NUMBER_WORDS:
            continue
        else:
            spans.append((start, end, TargetKind.NAME))
    return spans


_COMPOUND_MODIFIER = lazy_regex(r"-(?:[a-z]+ed|[a-z]+en|led|born|made|run|wide|style)$")
# Capitalised words that open a phrase rather than a name: "Following the War".
LEADING_PREPOSITIONS = frozenset(
    [
        "following",
        "during",
        "after",
        "before",
        "despite",
        "including",
        "regarding",
        "concerning",
        "according",
        "unlike",
        "within",
        "throughout",
    ]
)


def _completing_noun(sentence: str, end: int, last: str) -> int | None:
    """ "the Lushan Naval base": a name ending in an adjective goes on to its noun."""
    parts = lemmas(last.casefold())
    if "ADJ" not in parts or "NOUN" in parts or "PROPN" in parts:
        return None
    match = _NEXT_LOWER_WORD.match(sentence, end)
    if match and "NOUN" in lemmas(match[1]) and not is_stopword(match[1]):
        return match.end()
    return None


_NEXT_LOWER_WORD = lazy_regex(r"\s+([a-z]+)\b")


def shouted_verb(word: str) -> bool:
    """ "BECAME", "MUST": a verb of everyday English written in capitals for stress, not
    letters that stand for a name."""
    lower = word.casefold()
    return word.isupper() and zipf(lower) >= SHOUTED_ZIPF and lemmas(lower).keys() == {"VERB"}


SHOUTED_ZIPF = 3.5


def _is_name_word(word: str, vocabulary: Vocabulary) -> bool:
    """A sentence's first word is a name when the notes capitalise it elsewhere too."""
    bare = _POSSESSIVE.sub("", word).casefold()
    return bare in vocabulary.names or bool(_ACRONYM.match(word)) or zipf(bare) < 3.0


_NAME_PARTS = lazy_regex(r"[\s-]+")


def _name_score(text: str, kind: TargetKind) -> float:
    """Full names score above single ones; names made of rare words above everyday ones."""
    if kind is TargetKind.ACRONYM:
        return BASE_SCORES[kind]
    parts = [part for part in _NAME_PARTS.split(text) if part and not is_stopword(part)]
    common = sum(zipf(_POSSESSIVE.sub("", part).casefold()) for part in parts) / len(parts)
    adjective = DEMONYM_PENALTY if _DEMONYM.search(parts[-1]) else 0.0
    if len(parts) > 1:
        bonus = 1.0 if ORGANISATION.search(text) else 0.0
        # "North Korea", "United States": everyday place names a student already knows.
        everyday = EVERYDAY_NAME_PENALTY if common >= EVERYDAY_NAME_ZIPF else 0.0
        score = BASE_SCORES[kind] + min(4.0, max(0.0, 5.5 - common) * 1.5) + bonus
        return score - adjective - everyday
    return BASE_SCORES[kind] - 1.5 + min(3.0, max(0.0, 5.0 - common)) - adjective


# "Law Reform (Contributory Negligence) Act": a title that goes on past a bracketed part
_TITLE_GOES_ON = lazy_regex(r"\s?\((?:[A-Z][\w'\u2019-]*(?:\s+|(?=\))))+\)\s+([A-Z][a-z]+)")


# Courts by their abbreviations, those that stand for nothing else first
COURTS = frozenset(["HL", "UKSC", "UKHL", "EWCA", "EWHC", "QBD", "KBD", "ECJ", "CJEU"])
COURTS_IN_CASES = frozenset(["CA", "SC", "PC", "HC", "DC", "CCA"])  # beside a case's name
_CASE_NAMED = lazy_regex(r"\b[A-Z][\w'\u2019.&]*\s+v\.?\s+[A-Z]")


def _names_a_court(sentence: str, word: str) -> bool:
    """An abbreviation that names the court a case was decided in ("HL", "UKSC"; "CA" beside a
    case's name): a detail of where, not the point the case stands for."""
    return word in COURTS or (word in COURTS_IN_CASES and bool(_CASE_NAMED.search(sentence)))


# "Surah 112", "Article 50": a number, no year, right after the word of the series it numbers
# and closing its phrase ("Surah 50:", "Article 48 = ..."; not "Anomalous 30 storms")
_SERIES_NUMBER = (
    rf"\s(?!{_YEAR}\b)(?P<number>\d{{1,4}}(?::\d{{1,3}})?)"
    r"(?=\s*(?:[-:;=()\u2013]|[.,](?!\d)|->|$))"
)
_NUMBERED = lazy_regex(_SERIES_NUMBER)
# (not the notes' own parts: "Figure 3:", "Week 2 -", "Question 4.")
_NUMBERED_LABEL = lazy_regex(
    r"(?<![\w'\u2019-])(?!(?:Page|Figure|Fig|Table|Chapter|Vol|Volume|Question|Step|Slide"
    r"|Lesson|Week|Unit|Paper|Topic|Part|Lecture|Day|Year|Level|Grade|Mark|Marks)\b)"
    r"[A-Z][a-z]{2,}" + _SERIES_NUMBER
)


# "3 Cyclones", "30 tropical storms": a number of the things it names
_COUNTED = lazy_regex(r"\s+(?:[A-Za-z-]+\s+)?[A-Za-z]{2,}[a-rt-z]s\b")


def _counts_things(sentence: str, match: re.Match[str]) -> bool:
    """ "Anomalous 30 Tropical storms in 2020": digits counting what follows, in a sentence
    that also holds a year (the count, not the year, is then the fact)."""
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})*", match[0]):
        return False
    if not _COUNTED.match(sentence[match.end() :]):
        return False
    return bool(re.search(rf"\b{_YEAR}\b", sentence))


_PLACE_IN_A_BOOK = lazy_regex(
    r"\b(ch|chap|chapter|p|pp|page|fig|figure|table|section|vol|no)\.?$", re.I
)
_NEXT_WORD = lazy_regex(r"[a-zA-Z%]+")
_MONEY = lazy_regex(MONEY)
_PER_CENT = lazy_regex(r"per\s?cent$", re.I)
_OF_A_GROUP = lazy_regex(r"of\s+(?:the|all|its|their|these|those)\s+\w", re.I)
# what a value closing its clause measures: an abbreviation ("IQ", "GDP"), or an arrow, an
# equals sign or an "is" that gives the value of what stands before it ("their ΔH_f is 0.")
_MEASURED_BY = lazy_regex(
    r"(?:(?<![\w.-])[A-Z]{2,5}|=|\u2192|->|\b(?:is|are|was|were))"
    r"(?:\s+(?:approx\.?|about|around|roughly|c\.|~))?$"  # ("TFR approx 1.8")
)
# (or a dash before words: "1.8 - among ...", not "2,000 - 800")
_CLAUSE_END = lazy_regex(r"(?:[;,.)]|[-\u2013\u2014]\s+[A-Za-z]|$)")


# "7 yr old boy died ...", "a 12-year-old girl": an age written before who it describes
_AGE_AFTER = lazy_regex(r"\s?-?\s?(?:yrs?|years?)[\s-]?olds?\b", re.I)
# "must be 25 years old", "at least 35 years old": an age a rule sets is the fact
_AGE_SET = lazy_regex(
    r"\b(?:is|are|was|were|be|been|being|aged?|least|over|under|than|of|turned?|turning)\s*$",
    re.I,
)
# A party's age or head count ranks below what happened to them: "[7] yr old boy died after
# eating poisonous berries" asks a detail, not the point of the line (the cause, the outcome)
PARTY_DETAIL_PENALTY = 4.0


def _age_of_a_party(sentence: str, start: int, end: int) -> bool:
    """ "[7] yr old boy died ...", "father starved his [7]-yr-old daughter": an age that
    only says who a line is about, not an age a rule sets ("must be 25 years old")."""
    if not _AGE_AFTER.match(sentence, end):
        return False
    return not _AGE_SET.search(sentence, 0, start)


# "Two chimney sweeps killed by ...", "14 yr old injured when ...": how many people, or how
# old, a line of a case's facts opens on
_PARTY_COUNT = lazy_regex(
    r"(?:^|[-\u2013\u2014:]\s)(?:an?\s+)?(?P<count>\d{1,2}|"
    + "|".join(sorted(NUMBER_WORDS - {"hundred", "thousand", "million", "billion", "trillion"}))
    + r")(?:\s?-?\s?(?:yrs?|years?)[\s-]?olds?)?"
    r"(?:\s+[\w-]+){0,2}?\s+(?P<then>[a-z]+(?:ed|ing|en)|died|fell|fought|got|was|were)\b",
    re.I,
)


def counts_a_party(sentence: str, target: Target) -> bool:
    """Whether `target` is the head count or age a line of a case's facts opens on ("[Two]
    chimney sweeps killed by ...", "[14] yr old injured when ..."): who the parties were, not
    what the court made of it."""
    if target.kind is not TargetKind.NUMBER:
        return False
    if _age_of_a_party(sentence, target.start, target.end):
        return True
    return any(
        opening.span("count") == (target.start, target.end)
        for opening in _PARTY_COUNT.finditer(sentence)
    )


MAX_STEP = 20  # "1 sun heats ocean", "2 rising air cools ...": steps of a list, numbered


def _step_number(sentence: str, match: re.Match[str]) -> bool:
    """A small number opening a line, over a clause it counts nothing in: "2 rising air cools
    ...", "3 air rushes in ..." (a count goes with a plural: "3 sodium ions are ...")."""
    if match.start() or not match[0].isdigit() or not 1 <= int(match[0]) <= MAX_STEP:
        return False
    following = re.findall(r"[A-Za-z'\u2019-]+", sentence[match.end() : match.end() + 60])[:4]
    if (
        not following
        or not following[0].islower()
        or re.match(r"\s?[-.):]", sentence[match.end() :])
    ):
        return False
    if following[0] in NUMBER_WORDS or _UNIT_WORD.fullmatch(following[0]):
        return False  # "1 million people", "5 litres": an amount
    if is_verb_form(following[0]):
        return True  # "2 rising air": no count goes before a verb
    for at in range(1, len(following)):
        after = following[at + 1 : at + 2]
        if is_verb_form(following[at]) or (
            following[at].endswith("s")
            and "VERB" in lemmas(following[at])
            and bool(after)
            and is_stopword(after[0])
        ):  # "3 air rushes in": a verb ends the subject, a noun would not
            head = following[at - 1]
            return int(match[0]) > 1 and not head.endswith("s")
    return False


# "3 signs = poor hygiene, lack of persistence, lack of energy", "only 3 sacraments mentioned
# (baptism, penance, eucharist)": a count of the items the line lists, which show how many
LISTED_COUNT_PENALTY = 5.0
MAX_ITEM_WORDS = 6
_COUNTED_ITEMS = lazy_regex(
    r"\s+(?:[a-z-]+\s+)?[a-z]{2,}s\b(?:\s+[a-z]+)?\s*(?P<sep>[=:(]|[-\u2013\u2014]\s)"
)
_ITEM_SPLIT = lazy_regex(r"\s*[,;+]\s*")
_LAST_ITEM_SPLIT = lazy_regex(r"\s+(?:and|or|&)\s+")
_COUNT_WORDS = {
    word: value
    for value, word in enumerate(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine"], start=2
    )
}


def _listed_by_count(sentence: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Where the items stand that the count `match` numbers, when the line lists them all."""
    text = match[0].casefold()
    count = int(text) if text.isdigit() else _COUNT_WORDS.get(text, 0)
    if not 2 <= count <= len(_COUNT_WORDS) + 1:
        return None
    counted = _COUNTED_ITEMS.match(sentence, match.end())
    if not counted:
        return None
    listed = sentence[counted.end() :]
    if counted["sep"] == "(":
        listed = listed.split(")")[0]
    items = [item for item in _ITEM_SPLIT.split(listed.strip(" .")) if item]
    if len(items) < 2:
        return None
    split_last = [*items[:-1], *_LAST_ITEM_SPLIT.split(items[-1])]
    if count not in (len(items), len(split_last)):
        return None
    if any(
        len(item.split()) > MAX_ITEM_WORDS
        or any(is_verb_form(word) and not word.endswith("ing") for word in item.split())
        for item in items
    ):
        return None  # "(1965 he said every year, revised to 2 yrs in 1975)": clauses, no list
    return counted.end(), counted.end() + len(listed)


def _counted_item_penalty(
    target: Target, sentence: str, counted_lists: list[tuple[int, int]]
) -> float:
    """ "All three products (hydrogen, [chlorine] and sodium hydroxide)": one item, whole, of a
    list its count numbers; the list whole is the fact, and one item asks for a guess."""
    for start, end in counted_lists:
        if start <= target.start and target.end <= end:
            before = sentence[start : target.start].rstrip()
            after = sentence[target.end : end].lstrip()
            opens = not before or before.endswith((",", ";", "+")) or _ENDS_AND.search(before)
            closes = not after.strip(" .") or after.startswith((",", ";", "+", "and ", "or "))
            if opens and closes:
                return LISTED_COUNT_PENALTY
    return 0.0


_ENDS_AND = lazy_regex(r"\b(?:and|or|&)$")


def _is_counting_number(sentence: str, match: re.Match[str]) -> bool:
    """A number that counts or measures something ("six phases", "38th parallel", "40%")."""
    text = match[0]
    before = sentence[: match.start()].rstrip()
    after = sentence[match.end() :].lstrip()
    if _PLACE_IN_A_BOOK.search(before):
        return False
    if text.isdigit() and len(text) == 4 and not _measured(after):
        return False  # a year, handled as a date
    next_word = _NEXT_WORD.match(after)
    if "%" in text or "\u00b0" in text or _MONEY.fullmatch(text) or _PER_CENT.search(text):
        return True  # a share or an amount of money measures whatever follows it
    if _GLUED_FIGURE.fullmatch(text):
        return True  # "30g a day": an amount in its unit
    if text[-1:] in ("x", "\u00d7"):
        return True  # "300x its actual area": how many times another amount
    if _OF_A_GROUP.match(after):
        return True  # "46 of the world's least developed countries": a count of a group
    if _MEASURED_BY.search(before) and _CLAUSE_END.match(after):
        return True  # "mean IQ 102;", "after 2 yrs -> 77": the value a line gives a measure
    return bool(next_word) and not is_stopword(next_word[0])


# The exam board or the teacher a line quotes ("AQA uses 3.75 for carbs", "Mrs E said either
# gets the mark"): the claim may be a fact, but who says it is no answer to learn; a teacher is
# known by an initial, a board by its name
_SCHOOL_VOICE = lazy_regex(
    r"(?:AQA|Edexcel|OCR|WJEC|Eduqas|CCEA|CIE|(?:Mr|Mrs|Ms|Miss|Sir|Dr)\.?\s+[A-Z]\.?)"
)
_HONORIFIC_BEFORE = lazy_regex(r"\b(?:Mr|Mrs|Ms|Miss|Sir|Dr)\.?\s+$")


def _usable(target: Target, sentence: str, vocabulary: Vocabulary) -> bool:
    text = target.text
    if len(text.split()) > MAX_DELETION_WORDS or len(text) > MAX_DELETION_CHARS:
        return False
    if vocabulary.is_topic(text):
        return False
    key = normalise(text)
    if not key or all(token in STOPWORDS for token in key.split()):
        return False
    # (each target's prompt is folded once: kept out of the cache of texts folded again and again)
    rest = normalise.__wrapped__(sentence[: target.start] + " \x00 " + sentence[target.end :])
    if f" {key} " in f" {rest} ":
        return False  # the answer would show elsewhere in the prompt
    shown = f"{sentence[: target.start]} \x00 {sentence[target.end :]}"
    if target.kind is TargetKind.DATE and date_given_away(text, shown):
        return False
    if number_given_away(text, shown) or form_shown(text, shown):
        return False
    tokens = text.split()
    # ("Pahl (1993) - ...": a surname opening the line is a name where a study's year follows)
    name = len(tokens) > 1 or target.start > 0 or bool(_CITED_YEAR.match(sentence, target.end))
    if any(
        vocabulary.frequency(token) <= 1
        and (
            looks_misspelt(token, name and token[:1].isupper())
            or slip_in_notes(token, vocabulary.word_uses)
        )
        for token in tokens
    ):
        return False  # never teach a slip of the pen ("Issac Newton")
    if _LETTER_LABEL.fullmatch(text) or _BARE_CONTRACTION.fullmatch(text.casefold()):
        return False  # "the 3 [Ps]", "the 4 Cs": letters a list is named by; "so [couldnt] leave"
    if target.kind is TargetKind.ACRONYM and _partner_shown(text, shown):
        return False  # "[HIC] = more economic loss, LIC = more deaths": its pair gives it away
    if _SCHOOL_VOICE.fullmatch(text) or _HONORIFIC_BEFORE.search(sentence, 0, target.start):
        return False  # "AQA calls it ...", "Mrs E said ...": who set or teaches the course
    if target.kind is TargetKind.ACRONYM and _in_brackets(target, sentence):
        return False  # "the central bank ([RBA])": the words before it say what it stands for
    if _spelled_by_acronym(target, sentence):
        return False  # "Institute for [Environment] and Development (IIED)": its letter shows
    if _noun_follows(target, sentence):
        return False  # "[Cloze] deletion is ...": the term goes on past the deletion
    cue = [word for word in rest.split() if word != "\x00"]
    return len(cue) >= MIN_CUE_WORDS and not all(word in STOPWORDS for word in cue)


_CITED_YEAR = lazy_regex(r",?\s+\(?(?:1[5-9]|20)\d\d\b")
_CAPITALISED_WORD = lazy_regex(r"[A-Z][a-z]+ ")
_FOLLOWING_WORD = lazy_regex(r" ([a-z]{3,})\b")


# "the 3 Ps", "the 4 Cs of ...": the initial that each item of a list opens on, in the plural
_LETTER_LABEL = lazy_regex(r"[A-Z]s")
# "couldnt", "didnt": a verb with its "not" run on, never a fact
_BARE_CONTRACTION = lazy_regex(
    r"(?:could|would|should|did|does|do|was|were|is|are|has|have|had|ca|wo|must|need|might)nt"
)


def _partner_shown(acronym: str, shown: str) -> bool:
    """ "HIC" beside "LIC", "MZ" beside "DZ": a pair of abbreviations one letter apart, the
    shown one of which says what the hidden one is."""
    for other in _CAPITALS.findall(shown):
        if len(other) == len(acronym) >= MIN_PAIRED_LETTERS and (
            sum(map(str.__ne__, other, acronym)) == 1
        ):
            return True
    return False


MIN_PAIRED_LETTERS = 3  # ("SS" and "SA" are two bodies, no pair of opposites)
_CAPITALS = lazy_regex(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")


def _noun_follows(target: Target, sentence: str) -> bool:
    """A sentence's opening words hidden where a word that can only be a noun follows them
    ("[Cloze] deletion is ...", "[Demand for US] dollars is ..."): half of the subject's term."""
    if target.kind in (TargetKind.DATE, TargetKind.NUMBER):
        return False
    opening = sentence[: target.start]
    if _CAPITALISED_WORD.fullmatch(opening) and not is_stopword(opening.strip().casefold()):
        return True  # "Cloze [deletion] is ...": the second word of the subject's term
    if target.start > 0:
        return False  # (only where the sentence opens: a subject's head noun comes next)
    following = _FOLLOWING_WORD.match(sentence, target.end)
    if not following:
        return False
    parts = lemmas(following[1])
    relative = following[1] in ("who", "which", "that", "whose", "whom")
    return bool(parts) and set(parts) == {"NOUN"} and not relative


_BRACKETED_ACRONYM = lazy_regex(r"\(([A-Z]{2,8})\)")
ACRONYM_REACH = 80  # characters from a name's word to the acronym that spells it


def _spelled_by_acronym(target: Target, sentence: str) -> bool:
    """A capitalised word of a name whose acronym follows in brackets: the acronym gives
    its initial away."""
    if target.kind is not TargetKind.NAME:
        return False
    match = _BRACKETED_ACRONYM.search(sentence, target.end, target.end + ACRONYM_REACH)
    if not match:
        return False
    initials = "".join(word[0] for word in target.text.split() if word[:1].isupper())
    return bool(initials) and initials in match[1]


def _in_brackets(target: Target, sentence: str) -> bool:
    return sentence[: target.start].rstrip().endswith("(") and sentence[
        target.end :
    ].lstrip().startswith(")")


def _repetition_penalty(target: Target, vocabulary: Vocabulary) -> float:
    """A name the notes use everywhere ("Stalin" in notes on Stalin) teaches little."""
    count = vocabulary.frequency(target.text)
    return 2.0 * math.log2(count / 2) if count > 2 else 0.0
