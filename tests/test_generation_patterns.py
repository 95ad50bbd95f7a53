"""A pattern tried only on texts holding a piece every match of it holds finds what the bare
pattern finds: the pieces read from each pattern, and the texts they pass over."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from revise.generation import (
    checker,
    clauses,
    cleaning,
    content,
    events,
    language,
    plaintext,
    questions,
    targets,
    tidying,
)
from revise.generation.patterns import (
    AtLastWord,
    Guarded,
    lazy_regex,
    read_as_ascii,
    required_pieces,
)

ROOT = Path(__file__).resolve().parent.parent
GUARDED = {
    "boilerplate": cleaning._ANY_BOILERPLATE,
    "link": cleaning._LINK,
    "domain": cleaning._DOMAIN,
    "marks": content.MARKS,
    **{f"note to self {at}": shape for at, shape in enumerate(content.NOTE_TO_SELF)},
    "exam words": content.EXAM_WORDS,
    "made so": clauses._MADE_SO,
    "relation": clauses._RELATION,
    "ended": events._ENDED,
    "otherwise": questions._OTHERWISE,
    "aside": tidying._ASIDE,
    "citation": tidying._CITATION,
    "stray markup": tidying._STRAY_MARKUP,
    "pointer": tidying._POINTER,
    "shout": plaintext._SHOUT,
    "later summand": targets._LATER_SUMMAND,
    "trailing point": clauses._TRAILING_POINT,
    "residue": checker._RESIDUE,
    "asks for a side": questions.ASKS_FOR_A_SIDE,
}
AT_LAST_WORD = {"initial": language.INITIAL_END, "abbreviation": language.ABBREVIATION_END}
# Texts that a careless reading of case or of a pattern would get wrong.
AWKWARD = [
    "YOU must learn the Krebs cycle",
    "Yo\u028a will see",
    "\u0130n Ankara, YOU\u017f\u0130 and \u212aelvin wrote to yo\u017f",
    "Read more at WWW.Example.CO.UK or mail me@example.org",
    "\u00a9 2024 All Rights Reserved",
    "(MORE)",
    "A 5 min read on inflation",
    "Part (a) is worth 12 marks and level 3 answers get a grade 7",
    "Add the diagram here later, see below",
    "These notes follow the AO2 mark scheme",
    "The ex\u0430m board (a Cyrillic a)",
    "Cookie settings \u2014 privacy policy \u2014 terms of use",
    "Rising prices RENDERED the old coins WORTHLESS",
    "Resistance is inversely PROPORTIONAL to the cross-sectional area",
    "The siege ENDED WITH the surrender of the garrison",
    "Troops must hold the line \u2014 OTHERWISE the city falls",
    "Osmosis (SEE ch. 4) needs a membrane [12] **always** V = IR <- learn this!!",
    "",
    "you",
]


def test_the_pieces_of_a_pattern_are_what_every_match_holds() -> None:
    assert required_pieces(re.compile(r"\b(?:cat|dog)s?\b")) == {"cat", "dog"}
    assert required_pieces(re.compile(r"\d+ marks?", re.I)) == {" mark"}
    assert required_pieces(re.compile(r"(?:a|b*)c")) == {"c"}
    assert required_pieces(re.compile(r"COPYRIGHT|\u00a9", re.I)) == {"copyright", "\u00a9"}
    # nothing every match must hold: no guard, the pattern always runs
    assert required_pieces(re.compile(r"\d+|[a-z]+")) is None
    assert required_pieces(re.compile(r"(?:x|y?)z?")) is None
    assert required_pieces(re.compile(r"(?i:cat)")) is None  # its case is read otherwise
    # a choice of words within a run makes a piece of each; a piece holding another goes
    assert required_pieces(re.compile(r"\.(?:com|org)\b")) == {".com", ".org"}
    assert required_pieces(re.compile(r"AO[1-3]")) == {"AO1", "AO2", "AO3"}
    assert required_pieces(re.compile(r"marks?|marker", re.I)) == {"mark"}


def test_a_guarded_pattern_passes_over_a_text_without_its_pieces() -> None:
    guarded = Guarded(re.compile(r"\bnewsletter\b", re.I))
    assert not guarded.could_match("The Treaty of Versailles was signed in 1919.")
    assert guarded.search("Sign up to our NEWSLETTER").group() == "NEWSLETTER"


def _note_lines() -> list[str]:
    lines = list(AWKWARD)
    for folder in (ROOT / "decks" / "notes", ROOT / "tests" / "notes"):
        for path in sorted(folder.glob("*")):
            if path.is_file():
                lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_each_guarded_pattern_finds_what_the_pattern_finds(name: str) -> None:
    guarded = GUARDED[name]
    assert guarded.pieces is not None  # a guard that never passes a text over is no guard
    for line in _note_lines():
        bare = guarded.compiled.search(line)
        found = guarded.search(line)
        assert (found and found.span()) == (bare and bare.span()), line
        assert guarded.sub("", line) == guarded.compiled.sub("", line), line


def test_a_folded_text_shows_each_character_a_case_blind_pattern_reads_as_ascii() -> None:
    everything = "".join(
        chr(point) for point in range(sys.maxunicode + 1) if not 0xD800 <= point < 0xE000
    )
    for match in re.finditer(r"[\x00-\x7f]", everything, re.I):
        char = match[0]
        read_as = [
            chr(code) for code in range(128) if re.fullmatch(re.escape(chr(code)), char, re.I)
        ]
        assert [read_as_ascii(char)] == sorted({code.lower() for code in read_as}), hex(ord(char))


def test_a_lazy_pattern_finds_what_the_compiled_pattern_finds() -> None:
    lazy = lazy_regex(r"\b(?P<year>1[5-9]\d\d)\b", re.I)
    compiled = re.compile(r"\b(?P<year>1[5-9]\d\d)\b", re.I)
    text = "Signed in 1919, ratified in 1920"
    assert lazy.pattern == compiled.pattern  # its text is read before it is compiled
    assert lazy.search(text)["year"] == "1919"
    assert [match.span() for match in lazy.finditer(text)] == [(10, 14), (28, 32)]
    assert lazy.sub("a year", text) == compiled.sub("a year", text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )


def test_importing_the_generator_compiles_few_of_its_patterns() -> None:
    # each pattern is compiled when a document first needs it, not as the generator is imported
    script = (
        "import re._compiler\n"
        "compiled = []\n"
        "compile = re._compiler.compile\n"
        "re._compiler.compile = lambda *args: compiled.append(args) or compile(*args)\n"
        "import revise.generation, revise.generation.cards, revise.generation.checker\n"
        "print(len(compiled))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert int(result.stdout) < MAX_COMPILED_ON_IMPORT


MAX_COMPILED_ON_IMPORT = 80  # a guarded pattern reads its pieces from its compiled form


@pytest.mark.parametrize("name", sorted(AT_LAST_WORD))
def test_a_pattern_of_the_last_word_finds_what_the_pattern_finds(name: str) -> None:
    pattern = AT_LAST_WORD[name]
    assert isinstance(pattern, AtLastWord)
    texts = ["e.g.", "(approx.", "Oliver O.\n", "Oliver O.\n\n", "See ch.  \n", "U.S.A."]
    for line in _note_lines():
        # each text a sentence splitter asks about: the line up to each of its full stops
        texts += [line[: index + 1] for index, char in enumerate(line) if char == "."]
    for text in texts:
        bare = pattern.compiled.search(text)
        found = pattern.search(text)
        assert (found and found.span()) == (bare and bare.span()), text


# Patterns whose alternatives are tried only where a match could open, a lookahead of the
# characters one opens on in front of them ("(?=[adfjmnos])" before the names of the months)
OPENING_LOOKAHEAD = re.compile(r"\(\?=\[[^\]]*\]\)")
OPENED = {
    "date": targets._DATE,
    "amount": targets._NUMBER,
    "citation": targets._CITATION,
    "timeline date": targets.TIMELINE_DATE,
    "opening date": targets.OPENING_DATE,
    "month": targets._MONTH_WORD,
    "rule says": questions._RULE_SAYS,
}


@pytest.mark.parametrize("name", sorted(OPENED))
def test_a_pattern_tried_where_a_match_opens_finds_what_it_finds_everywhere(name: str) -> None:
    pattern = OPENED[name]
    assert OPENING_LOOKAHEAD.search(pattern.pattern)
    everywhere = re.compile(OPENING_LOOKAHEAD.sub("", pattern.pattern), pattern.flags)
    texts = [
        *_note_lines(),
        "In the late 1990s, 3 million people (Smith & Jones, 1998) left; Asch 1951: 75% agreed",
        "SEPT 1998 \u2013 the EIGHTEENTH CENTURY, \u00a35bn, half, AD 79, mid-1850, Feb/Mar 1917",
        "\u017fept 1998 and \u017fix hundred",  # a long s, read as "s" by a case-blind pattern
    ]
    for text in texts:
        found = [(match.span(), match.groups()) for match in pattern.finditer(text)]
        assert found == [(match.span(), match.groups()) for match in everywhere.finditer(text)]


def test_a_line_without_the_mark_a_shape_holds_is_not_tried_as_that_shape() -> None:
    for line in [*_note_lines(), "ayer - yesterday", "g \u2248 9.81 m s\u207b\u00b2", "Q. What"]:
        assert not questions._PAIR.match(line) or questions._PAIR_DASH.search(line), line
        assert not questions._ABOUT.match(line.strip()) or "\u2248" in line, line
        separated = questions._separated(line)
        bare = questions._SEPARATED.match(line)
        assert (separated and separated.groups()) == (bare and bare.groups()), line


def test_a_sentence_without_a_digit_or_a_century_holds_no_date() -> None:
    for line in [*_note_lines(), "the EIGHTEENTH CENTURY", "mid-1990s", "late July 1914"]:
        if targets._DATE.search(line):
            assert targets._MAY_HOLD_A_DATE.search(line), line


def test_each_pattern_built_from_its_kept_form_is_the_compiled_pattern() -> None:
    import _sre

    from revise.generation.patterns import _LAZY, compiled_form

    assert len(_LAZY) > MAX_COMPILED_ON_IMPORT
    for pattern, flags in _LAZY:
        form = compiled_form(pattern, flags)
        assert form is not None, pattern
        # (patterns are equal where their text, flags and code are)
        assert _sre.compile(pattern, *form) == re.compile(pattern, flags), pattern
    assert compiled_form("(unclosed", 0) is None


def test_a_new_process_reads_the_compiled_patterns_the_last_one_kept(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Photosynthesis\n\nChlorophyll absorbs light (mainly red and blue).\n")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from revise.generation import generate_deck, patterns\n"
        "fronts = [note.front for note in generate_deck(Path(sys.argv[1])).notes]\n"
        "print(len(patterns._kept_compiled()), bool(patterns._KEEP_AT_EXIT), fronts)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(notes)],
            capture_output=True, text=True, check=True, cwd=ROOT, env=env,
        ).stdout.split(" ", 2)
        for _ in range(2)
    ]  # fmt: skip
    (kept, compiled, cards), (kept_again, compiled_again, same_cards) = runs
    assert cards == same_cards
    assert compiled == "True"  # each pattern compiled, and kept as the process ended
    assert compiled_again == "False"  # each read from what the first process kept
    assert int(kept_again) >= int(kept) > MAX_COMPILED_ON_IMPORT


def test_a_python_whose_re_compiles_otherwise_still_gets_every_pattern(monkeypatch) -> None:
    """The kept forms come from CPython's own parts of `re`; where those differ (another
    version's), each pattern is compiled by `re.compile` and finds what it always found."""
    from revise.generation import patterns

    def changed(*_: object) -> None:
        raise TypeError("_code() takes 3 positional arguments but 2 were given")

    from types import SimpleNamespace

    monkeypatch.setattr(patterns, "_compiler", SimpleNamespace(_code=changed))
    assert patterns.compiled_form(r"(?P<year>\d{4}) AD", 0) is None
    pattern = patterns.compiled_pattern(r"(?P<year>\d{4}) AD", re.I)
    assert pattern.search("in 1066 ad").group("year") == "1066"
