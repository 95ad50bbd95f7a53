"""How common English words are, as wordfreq says (its English list, on the Zipf scale), read
quickly.

Importing wordfreq (with the language tables and the text fixer it loads) and reading its English
list take about half a second: more than generating a short notes file. So its list is kept in a
table in the cache folder (`wordfreq.marshal`), made from wordfreq's own list and answers the
first time notes are generated and made again for another wordfreq (told by its files' sizes and
times) or another Python. Words are looked up in groups by their first letters, so only the
groups a word is looked for in are searched, and nothing is decoded at start.

A word is looked up as wordfreq looks it up in English: folded to lower case, split at hyphens
into the words wordfreq's tokenizer finds (runs of letters and digits, with apostrophes between
letters), runs of digits read as wordfreq's estimates for numbers and years (kept in the table),
and the parts' frequencies combined and rounded as wordfreq combines them. Before a table is
kept, its answers are checked against wordfreq's for words of every shape it answers; where one
differs, no table is kept. Words of other shapes ("l'eau", "naïve", "3.5") are asked of
wordfreq; so is every word where the cache folder cannot be written.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from pathlib import Path

from revise.generation import kept
from revise.generation.kept import grouped, kept_table, looked_up, package_stamp
from revise.generation.patterns import lazy_regex

TABLE_FILE = "wordfreq.marshal"
TABLE_FORMAT = 1
LANGUAGE = "en"
# wordfreq's files whose answers the table holds: its English list and the code that reads it.
_SOURCES = (
    "__init__.py",
    "tokens.py",
    "numbers.py",
    "preprocess.py",
    "language_info.py",
    "data/large_en.msgpack.gz",
)
# The longest run of digits whose estimate the table keeps (longer ones are asked of wordfreq).
LONGEST_NUMBER = 24

# Words the table answers, once folded as wordfreq folds them (NFC, casefold): parts between
# hyphens and digits written small ("CO2" with a subscript 2), where wordfreq's tokenizer splits
# them, each a run of letters (Latin or Greek), digits and underscores, or of letters with
# apostrophes between them; an apostrophe at either end is no part of the word ("workers'").
_LETTER = "a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0391-\u03a1\u03a3-\u03a9\u03b1-\u03c9"
_SPLIT = lazy_regex("[-\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]+")
_TOKEN = lazy_regex(
    f"['\u2019]*([{_LETTER}0-9_]+|[{_LETTER}]+(?:['\u2019][{_LETTER}]+)+)['\u2019]*"
)
# A French elision ("l'eau", "qu'il"): wordfreq splits it off as a word of its own
_ELISION = lazy_regex(
    f"([{_LETTER}]{{1,2}})'[aehiouy\u00e0-\u00e2\u00e5\u00e8-\u00ea\u00ec-\u00ee\u00ef"
    "\u00f2-\u00f4\u00f6\u00f9-\u00fb\u0153]"
)
_DIGITS = lazy_regex(r"[0-9]{2,}")  # runs wordfreq reads as a number (one digit is a word)


def zipf(word: str) -> float:
    """wordfreq's `zipf_frequency(word, "en")`: 0 (unknown) to about 8 ("the")."""
    table = _table()
    answer = None if table is None else _answer(word, table)
    if answer is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, LANGUAGE)
    return answer


def common_words(count: int) -> list[str]:
    """wordfreq's `top_n_list("en", count)`: its `count` commonest words (no numbers)."""
    table = _table()
    if table is None:
        from wordfreq import top_n_list

        return top_n_list(LANGUAGE, count)
    return _ranked(table, count)


def _ranked(table: tuple[object, ...], count: int) -> list[str]:
    ranked: str = table[4]  # type: ignore[assignment]
    return ranked.split("\n", count)[:count] if ranked else []


# What wordfreq answers for a word it does not list (the frequency of Zipf 0)
_LEAST = 10**0.0 / 1e9


def _answer(word: str, table: tuple[object, ...]) -> float | None:
    """`word`'s frequency on the Zipf scale, to two places, from the table; None for a word of
    another shape (or a number too long for the table)."""
    tokens = []
    for part in _SPLIT.split(unicodedata.normalize("NFC", word).casefold()):
        found = _TOKEN.fullmatch(part)
        if found is None:
            if part:
                return None
            continue
        token = found[1]
        while elided := _ELISION.match(token):
            tokens.append(elided[1])
            token = token[len(elided[1]) + 1 :]
        tokens.append(token.replace("\u2019", "'"))
    freq = _frequency(tokens, table)
    return None if freq is None else round(math.log(freq, 10) + 9, 2)


def _frequency(tokens: list[str], table: tuple[object, ...]) -> float | None:
    """wordfreq's arithmetic: the frequencies of a word's parts combined (1/f = 1/f1 + 1/f2 ...)
    and rounded to three figures; a run of digits is listed as zeros, its estimate applied."""
    freqs, groups, years, first_digits = table[:4]
    if not tokens:
        return _LEAST
    one_over = 0.0
    for token in tokens:
        smashed = _DIGITS.sub(lambda run: "0" * len(run[0]), token)
        index = _index(smashed, groups)  # type: ignore[arg-type]
        if index is None:
            return _LEAST
        freq: float = freqs[index]  # type: ignore[index]
        if smashed != token:
            estimate = 1.0
            for run in _DIGITS.findall(token):
                if len(run) > LONGEST_NUMBER:
                    return None
                if len(run) == 4:
                    estimate *= years[int(run)]  # type: ignore[index]
                else:
                    estimate *= first_digits[len(run)][int(run[0])]  # type: ignore[index]
            freq *= estimate
        one_over += 1.0 / freq
    unrounded = max(1.0 / one_over, _LEAST)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


def _index(token: str, groups: dict[str, str]) -> int | None:
    """The frequency band of `token` in wordfreq's list, or None where it is not listed."""
    band = looked_up(groups, token)
    return None if band is None else int(band)


def made_from() -> tuple[object, ...] | None:
    """What the table is made from: Python and wordfreq's files (None where they cannot be
    told: no table is kept then)."""
    return package_stamp("wordfreq", _SOURCES, TABLE_FORMAT)


def make_table() -> tuple[object, ...]:
    """wordfreq's English list in groups ("\\nword\\tband\\n..."), each band's frequency, its
    estimates for years and for other numbers (by length and first digit) and its words ranked
    by use; checked against wordfreq's answers."""
    from wordfreq import get_frequency_dict, iter_wordlist, top_n_list
    from wordfreq.numbers import benford_freq, year_freq

    bands: dict[float, int] = {}
    entries = []
    for token, freq in get_frequency_dict(LANGUAGE).items():
        if any(c.isspace() for c in token):
            raise ValueError(f"{token!r} cannot be kept in the table")
        entries.append((token, str(bands.setdefault(freq, len(bands)))))
    groups = grouped(entries)
    freqs = tuple(bands)
    years = tuple(year_freq(f"{year:04d}") for year in range(10_000))
    first_digits = tuple(
        tuple(benford_freq(f"{digit}{'0' * (length - 1)}") for digit in range(10)) if length else ()
        for length in range(LONGEST_NUMBER + 1)
    )
    total = sum(1 for _ in iter_wordlist(LANGUAGE))
    ranked = "\n".join(top_n_list(LANGUAGE, total))
    table = (freqs, groups, years, first_digits, ranked)
    _check(table)
    return table


def _check(table: tuple[object, ...]) -> None:
    """The table answers as wordfreq does, for words of every shape it answers (else no table is
    kept: ValueError)."""
    from wordfreq import top_n_list, zipf_frequency

    ranked: str = table[4]  # type: ignore[assignment]
    words = ranked.split("\n")[::97]
    samples = [
        *words,
        *(word.upper() for word in words[::7]),
        *(f"{a}-{b}" for a, b in zip(words[::11], words[5::11], strict=False)),
        *(str(number) for number in range(0, 3000, 7)),
        *(f"{number}s" for number in range(1000, 2100, 13)),
        *(f"{word}{n}" for word, n in zip(words[::23], range(0, 99999, 37), strict=False)),
        "1970s", "co2", "h2o", "covid-19", "10,000", "3.5", "don't", "country\u2019s", "l'eau",
        "o'clock", "fat-soluble", "self-fulfilling", "m23604", "glaciation", "zzzzqx", "x-ray",
        "workers'", "rivals\u2019", "'tis", "o'erleaps", "d\u2019abord", "M\u00fcll", "\u00df",
        "Br\u00f8nsted", "Ceau\u0219escu", "\u03b8", "\u03a3\u03c2", "co\u2082", "h\u2082so\u2084",
        "i\u00b2r", "po4\u00b3", "-", "'", "\u2082", "--x", "a--b", "\u0130stanbul", "1970's",
        "r_t", "t_", "_x2", "p'yongyang", "qu'aujourd'hui", "l'l'a", "l'", "xx'yy'a",
    ]  # fmt: skip
    for word in samples:
        answer = _answer(word, table)
        if answer is not None and answer != zipf_frequency(word, LANGUAGE):
            raise ValueError(f"the table's answer for {word!r} differs from wordfreq's")
    if _ranked(table, 1000) != top_n_list(LANGUAGE, 1000):
        raise ValueError("the table's commonest words differ from wordfreq's")


@lru_cache(maxsize=1)
def _table() -> tuple[object, ...] | None:
    """The table kept in the cache folder; made and kept there if it is missing or was made from
    another wordfreq or Python. None where it cannot be kept (each word is asked then)."""
    return kept_table(TABLE_FILE, made_from(), make_table, _valid)


def _valid(table: tuple[object, ...]) -> bool:
    kinds = (tuple, dict, tuple, tuple, str)
    return len(table) == len(kinds) and all(map(isinstance, table, kinds))


def table_path() -> Path:
    return kept.table_path(TABLE_FILE)
