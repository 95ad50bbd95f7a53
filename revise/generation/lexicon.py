"""English words' parts of speech with their lemmas, and verbs' forms, as lemminflect gives them,
read quickly.

lemminflect reads its word lists (70,000 words) from compressed CSV files the first time it is
asked, and importing it loads numpy: together about half of a `revise generate` of a short
notes file. So its answers for every word in those lists are kept in a table in the cache folder
(`lexicon.marshal`), one short line per word in groups by its first letters (kept.py), read at
once and searched and decoded only for the words looked up. The table is made by asking
lemminflect itself, the first time notes are generated, so it gives what lemminflect gives; it is
made again for another lemminflect (told by its files' sizes and times) or another Python. A word
written with capitals, whose answer lemminflect capitalises, is asked of lemminflect; so is every
word where the cache folder cannot be written.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from revise.generation import kept
from revise.generation.kept import grouped, kept_table, looked_up, package_stamp

TABLE_FILE = "lexicon.marshal"
TABLE_FORMAT = 2
# lemminflect's files whose answers the table holds: its data and the code that reads it.
_SOURCES = (
    "__init__.py",
    "core/Lemmatizer.py",
    "core/Inflections.py",
    "core/LexicalUtils.py",
    "codecs/LemmaLUCodec.py",
    "codecs/InflectionLUCodec.py",
    "codecs/OverridesCodec.py",
    "resources/lemma_lu.csv.gz",
    "resources/lemma_overrides.csv",
    "resources/infl_lu.csv.gz",
    "resources/infl_overrides.csv",
)
# Between a part of speech (or tag) and its forms, and between forms: lemminflect's own files
# separate them so, so no form holds either.
_PART, _FORM = ",", "/"

# lemmas by word, verb forms by lemma, plurals by noun (those lemminflect's lists give), each
# grouped as kept.grouped keeps them
Table = tuple[dict[str, str], dict[str, str], dict[str, str]]


def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's `getAllLemmas(word)`: the parts of speech `word` can be, each with its
    lemmas ({'VERB': ('refuse',)})."""
    table = _table() if _plain(word) else None
    if table is None:
        from lemminflect import getAllLemmas

        return dict(getAllLemmas(word))
    return _decoded(looked_up(table[0], word))


def verb_forms(lemma: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's `getAllInflections(lemma, upos="VERB")`: the verb's forms by Penn tag
    ({'VBD': ('refused',), ...})."""
    table = _table() if _plain(lemma) else None
    if table is None:
        from lemminflect import getAllInflections

        return dict(getAllInflections(lemma, upos="VERB"))
    return _decoded(looked_up(table[1], lemma))


def plural_of(noun: str) -> tuple[str, ...]:
    """lemminflect's `getInflection(noun, "NNS")`: the noun's plural spellings ("cities"); for a
    word its lists lack, the plural its rules make."""
    table = _table() if _plain(noun) else None
    plurals = None if table is None else looked_up(table[2], noun)
    if plurals is None:
        from lemminflect import getInflection

        return tuple(getInflection(noun, "NNS"))
    return tuple(plurals.split(_FORM))


def _plain(word: str) -> bool:
    """A word lemminflect looks up as it is written and answers in lower case."""
    return word == word.lower() and not word.isupper() and not word[:1].isupper()


def _decoded(entry: str | None) -> dict[str, tuple[str, ...]]:
    if not entry:
        return {}
    pieces = entry.split(_PART)
    return {pieces[i]: tuple(pieces[i + 1].split(_FORM)) for i in range(0, len(pieces), 2)}


def _encoded(answer: dict[str, tuple[str, ...]]) -> str:
    pieces = []
    for part, forms in answer.items():
        if any(_PART in text or _FORM in text for text in (part, *forms)):
            raise ValueError(f"{part}: {forms!r} cannot be kept in the table")
        pieces += [part, _FORM.join(forms)]
    return _PART.join(pieces)


def made_from() -> tuple[object, ...] | None:
    """What the table is made from: Python (its marshal format) and lemminflect's files (None
    where they cannot be told: no table is kept then)."""
    return package_stamp("lemminflect", _SOURCES, TABLE_FORMAT)


def make_table() -> Table:
    """Every answer of lemminflect's for a plain word (lemmas) or a plain lemma (verb forms,
    and the plural from its lists)."""
    from lemminflect import getAllInflections, getAllLemmas, getInflection
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    words = {*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()}
    lemmas = {word: _encoded(getAllLemmas(word)) for word in sorted(words) if _plain(word)}
    verbs, plurals = {}, {}
    for lemma in sorted({*inflections._getInflDict(), *inflections._getOverridesDict()}):
        if not _plain(lemma):
            continue
        if forms := getAllInflections(lemma, upos="VERB"):
            verbs[lemma] = _encoded(forms)
        if spellings := getInflection(lemma, "NNS", inflect_oov=False):
            plurals[lemma] = _encoded({"NNS": spellings}).removeprefix(f"NNS{_PART}")
    return grouped(lemmas.items()), grouped(verbs.items()), grouped(plurals.items())


def table_path() -> Path:
    return kept.table_path(TABLE_FILE)


@lru_cache(maxsize=1)
def _table() -> Table | None:
    """The table kept in the cache folder; made and kept there if it is missing or was made from
    another lemminflect or Python. None where it cannot be kept (each word is asked then)."""
    table = kept_table(TABLE_FILE, made_from(), make_table, _valid)
    return None if table is None else (table[0], table[1], table[2])  # type: ignore[return-value]


def _valid(table: tuple[object, ...]) -> bool:
    return len(table) == 3 and all(isinstance(part, dict) for part in table)
