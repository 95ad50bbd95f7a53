"""The table of lemminflect's answers kept in the cache folder gives what lemminflect gives, is
made again when it is damaged, and is not needed: without it the same cards come out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lemminflect import getAllInflections, getAllLemmas, getInflection

from revise.formats.deckfile import write_deck
from revise.generation import generate_deck, lexicon
from revise.generation.grammar import inflections, lemmas, verb_base

NOTES = """\
Glaciation

Glaciers erode valleys by plucking and abrasion. Plucking happened where meltwater froze onto
rock and tore it away as the ice moved. The Romans built roads; Hadrian ordered the wall in 122.

| Landform | Erosion | Deposition |
| --- | --- | --- |
| Corrie | ✓ | ✗ |
| Drumlin | ✗ | ✓ |
| Moraine | ✗ | ✓ |
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, and no table read before."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path))  # where XDG_CACHE_HOME is not read
    lexicon._table.cache_clear()
    yield lexicon.table_path()
    lexicon._table.cache_clear()


def _cleared() -> None:
    lexicon._table.cache_clear()
    for cached in (lemmas, inflections, verb_base):
        cached.cache_clear()


def _words() -> list[str]:
    """Words of every kind: every 40th in lemminflect's lists, each also with capitals, and
    words its lists lack."""
    table = lexicon._table()
    assert table is not None
    listed = [word for groups in table for word in sorted(_keys(groups))[::40]]
    odd = ["", "glaciation", "Plucking", "ROMANS", "1920s", "don't", "naïve", "x-ray", "İstanbul"]
    return [*listed, *(word.capitalize() for word in listed[::5]), *odd]


def _keys(groups: dict[str, str]) -> list[str]:
    return [line.split("\t")[0] for group in groups.values() for line in group.split("\n") if line]


def test_the_table_answers_as_lemminflect_does(cache: Path) -> None:
    words = _words()
    assert cache.exists()  # made and kept on first use
    for word in words:
        assert lexicon.all_lemmas(word) == dict(getAllLemmas(word)), word
        assert lexicon.verb_forms(word) == dict(getAllInflections(word, upos="VERB")), word
        assert lexicon.plural_of(word) == tuple(getInflection(word, "NNS")), word


def test_a_damaged_table_is_made_again(cache: Path) -> None:
    assert lexicon.all_lemmas("refused") == {"VERB": ("refuse",)}
    cache.write_bytes(b"not a table")
    lexicon._table.cache_clear()
    assert lexicon.all_lemmas("refused") == {"VERB": ("refuse",)}
    assert cache.stat().st_size > 100_000


def test_where_the_cache_folder_cannot_be_made_each_word_is_asked(cache: Path) -> None:
    cache.parent.parent.mkdir(parents=True)
    cache.parent.write_text("a file where the folder would be")
    assert lexicon.all_lemmas("refused") == {"VERB": ("refuse",)}
    assert lexicon._table() is None


def test_the_same_cards_come_out_with_the_table_and_without(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "glaciation.md"
    notes.write_text(NOTES, encoding="utf-8")
    _cleared()
    with_table = write_deck(generate_deck(notes))
    assert lexicon._table() is not None
    monkeypatch.setattr(lexicon, "made_from", lambda: None)  # no table can be kept
    _cleared()
    without = write_deck(generate_deck(notes))
    assert lexicon._table() is None
    _cleared()
    assert with_table == without
    assert "landforms" in with_table  # "Erosion: which landforms? :: Corrie", plural from the table
