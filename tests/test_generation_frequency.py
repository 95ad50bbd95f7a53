"""The table of wordfreq's English list kept in the cache folder answers as wordfreq does, for
words of every shape notes hold; a damaged table is made again and gives the same cards; where no
table can be kept, wordfreq is asked and the same cards come out."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from wordfreq import top_n_list, zipf_frequency

from revise.formats.deckfile import write_deck
from revise.generation import frequency, generate_deck, language, spelling

NOTES = """\
The Water Cycle and the Atmosphere

Evaporation: the sun's energy turns liquid water into water vapour. Plants' leaves lose water by
transpiration (evapo-transpiration over forests). Water vapour condenses into clouds as air cools
with height; CO\u2082 and H\u2082O absorb long-wave radiation.

Since the 1850s, the burning of fossil fuels has raised CO2 from 280 ppm to over 415 ppm in 2021.
Cl\u00e9ment and Desormes measured \u03b3 for air in 1819; Br\u00f8nsted's rule is chemistry's.
Rainfall in the UK's uplands is called relief (orographic) rainfall: it's heaviest in Snowdonia.
"""


@pytest.fixture(scope="module")
def made_table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A table made once for these tests, copied into each test's cache folder."""
    folder = tmp_path_factory.mktemp("made")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        patch.setenv("HOME", str(folder))
        frequency._table.cache_clear()
        assert frequency._table() is not None
        path = frequency.table_path()
    frequency._table.cache_clear()
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_table: Path) -> Iterator[Path]:
    """A cache folder of the test's own holding the table, and no answer remembered."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path))  # where XDG_CACHE_HOME is not read
    path = frequency.table_path()
    path.parent.mkdir(parents=True)
    shutil.copyfile(made_table, path)
    _cleared()
    yield path
    _cleared()


def _cleared() -> None:
    frequency._table.cache_clear()
    language.zipf.cache_clear()
    spelling._common_words.cache_clear()
    spelling._common_by_start.cache_clear()
    spelling.looks_misspelt.cache_clear()


def _deck(tmp_path: Path) -> str:
    notes = tmp_path / "water-cycle.md"
    notes.write_text(NOTES, encoding="utf-8")
    _cleared()
    return write_deck(generate_deck(notes))


def test_the_table_answers_as_wordfreq_does(cache: Path) -> None:
    table = frequency._table()
    assert table is not None
    words = re.findall(r"[\w'\u2019\u2082-]+", NOTES)
    listed = frequency.common_words(300_000)[::211]
    odd = ["", "-", "'", "Evaporation", "EVAPORATION", "1850s", "2021", "x-ray", "l'eau"]
    odd += ["na\u00efve", "Cl\u00e9ment\u2019s"]
    for word in [*words, *(word.lower() for word in words), *listed, *odd]:
        assert frequency.zipf(word) == zipf_frequency(word, "en"), word
    # every word of the notes is answered from the table, without loading wordfreq's list
    assert all(frequency._answer(word, table) is not None for word in words)
    assert frequency.common_words(5000) == top_n_list("en", 5000)


def test_a_damaged_table_is_made_again_and_gives_the_same_cards(
    cache: Path, tmp_path: Path
) -> None:
    with_table = _deck(tmp_path)
    cache.write_bytes(b"\x00not a table")
    damaged = _deck(tmp_path)
    assert damaged == with_table
    assert frequency._table() is not None
    assert cache.stat().st_size > 1_000_000  # made again, whole


def test_where_no_table_can_be_kept_wordfreq_is_asked_and_the_same_cards_come_out(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_table = _deck(tmp_path)
    assert "vapour" in with_table
    cache.unlink()
    cache.parent.rmdir()
    cache.parent.write_text("a file where the cache folder would be")
    without = _deck(tmp_path)
    assert frequency._table() is None
    assert frequency.zipf("evaporation") == zipf_frequency("evaporation", "en")
    assert without == with_table
