"""revise beside Anki's own engine (the `anki` package, headless), line by line: prints figures,
asserts nothing.

    python benchmarks/bench_anki.py [--runs 5] [--answers 200] [--scale] [--only LINE ...]

(`--scale --only none` measures only the million-card collection.)

Every line is measured on both, interleaved (revise, Anki, revise, Anki, ...) so a change in the
machine's load falls on both alike; the ratio is revise's median over Anki's:

- import a 10,000-card deck, whole process: `revise import` of a deck file (`.md`) and Anki's
  text import of the same cards (a `.txt` of front/back rows), into a new collection and into a
  100,000-card one;
- next card + answer + commit, per card (median), for new cards and for review cards, on 10,000
  and 100,000 cards (daily limits lifted on both; revise as its study screen answers: the
  answer, then the next card read once it is committed);
- the deck list's counts on 100,000 cards in 10 decks (`Collection.decks()` against Anki's
  `deck_due_tree()`);
- `revise study` on 20,000 cards, from starting the process in tmux to the first card on screen,
  against a minimal Textual app that paints one Static, measured the same way.

`--scale` adds a collection of 1,000,000 cards and about 3,000,000 reviews over a year (made once,
then kept in ~/.cache/revise-bench): `revise decks` (and, last, with the file dropped from
memory first, as after a reboot) and the deck list on screen (time and peak memory), `revise
study` to the first card (peak memory), and next card + answer + commit, in turns with the same
on 100,000 cards made the same way (kept beside it), with both files in memory and then with both
dropped from it: the per-card cost at a million cards, and what reading from the disk adds.

Nothing is installed at run time: the test extra brings `anki`. revise's modules are compiled to
bytecode first, as an installed package's are (Anki's are), so a process started with
PYTHONDONTWRITEBYTECODE does not compile them again each time. Every step has a time limit; a
step that does not finish stops the run with a line naming it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from machine import report_speed, time_limit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the working tree's revise, not an installed one


def _use_this_checkouts_migrations() -> None:
    """Run this checkout's migrations even when the editable install maps `revise._migrations`
    to another checkout (a git worktree of the same repository)."""
    import importlib.util

    folder = ROOT / "migrations"
    spec = importlib.util.spec_from_file_location(
        "revise._migrations", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["revise._migrations"] = module
    spec.loader.exec_module(module)


_use_this_checkouts_migrations()

from revise import Collection, Rating  # noqa: E402
from revise.config import Config  # noqa: E402
from revise.formats.deckfile import write_deck  # noqa: E402
from revise.formats.model import DeckData, NoteData, NoteKind  # noqa: E402

PER_DECK = 10_000
UNLIMITED = Config(
    new_per_day=1_000_000,
    reviews_per_day=1_000_000,
    collection_new_per_day=1_000_000,
    collection_reviews_per_day=1_000_000,
)
ANKI_UNLIMITED = 9999  # Anki's largest daily limit
STUDIED = "Deck 00"  # the deck studied in the answer lines, as a user studies one deck
BLOCK = 25  # answers in a row on one side before the other side takes its turn
COUNT_RUNS = 20
CACHE = Path.home() / ".cache" / "revise-bench"
SCALE_CARDS = 1_000_000
SCALE_REVIEWS = 3_000_000
MEMORY_LIMIT_MB = 150

# `python -m revise` from this checkout, with its own migrations (as above, in a few lines that
# import nothing revise would not).
REVISE = [
    sys.executable,
    "-c",
    "import importlib.util as u, runpy, sys\n"
    f"sys.path.insert(0, {str(ROOT)!r})\n"
    f"s = u.spec_from_file_location('revise._migrations', {str(ROOT / 'migrations')!r}"
    f" + '/__init__.py', submodule_search_locations=[{str(ROOT / 'migrations')!r}])\n"
    "m = u.module_from_spec(s); sys.modules[s.name] = m; s.loader.exec_module(m)\n"
    "runpy.run_module('revise', run_name='__main__', alter_sys=True)",
]
_sessions: list[str] = []  # tmux sessions started, killed on the way out


# -- time limits -------------------------------------------------------------------------------


def _kill_sessions() -> None:
    for name in _sessions:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    _sessions.clear()


@contextmanager
def step(name: str, limit_s: float) -> Iterator[None]:
    """Run a step under a time limit: past it, say which step did not finish, close the tmux
    sessions it opened and stop."""
    with time_limit(name, limit_s, _kill_sessions):
        yield


def run_process(name: str, command: list[str], limit_s: float) -> None:
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=limit_s)
    except subprocess.TimeoutExpired:
        sys.exit(f"bench_anki: {name!r} did not finish within {limit_s:.0f} s; stopped")
    if done.returncode:
        sys.exit(f"bench_anki: {name!r} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")


# -- the cards ---------------------------------------------------------------------------------


def question(deck: int, i: int) -> tuple[str, str]:
    return f"Question {deck}-{i}: what follows {i}?", f"{i + 1} (deck {deck})"


def revise_deck(deck: int, count: int, name: str | None = None) -> DeckData:
    notes = [NoteData(NoteKind.BASIC, *question(deck, i)) for i in range(count)]
    return DeckData(name or f"Deck {deck:02d}", notes)


def write_anki_text(path: Path, deck: int, count: int) -> None:
    """Front and back separated by a tab, one note a line: Anki's plain text import."""
    with path.open("w", encoding="utf-8") as out:
        out.write("#separator:tab\n#html:false\n")
        for i in range(count):
            out.write("\t".join(question(deck, i)) + "\n")


ANKI_IMPORT = r"""
import sys
from anki.collection import Collection, ImportCsvRequest
from anki.import_export_pb2 import CsvMetadata
col = Collection(sys.argv[1])
for text, deck in zip(sys.argv[2::2], sys.argv[3::2]):
    metadata = col.get_csv_metadata(text, None)
    metadata.deck_id = col.decks.id(deck)
    metadata.dupe_resolution = CsvMetadata.DupeResolution.DUPLICATE
    col.import_csv(ImportCsvRequest(path=text, metadata=metadata))
col.close()
"""


def anki_import_command(collection: Path, texts: list[tuple[Path, str]]) -> list[str]:
    arguments = [str(part) for text, deck in texts for part in (text, deck)]
    return [sys.executable, "-c", ANKI_IMPORT, str(collection), *arguments]


def open_anki(path: Path):  # type: ignore[no-untyped-def]
    from anki.collection import Collection as AnkiCollection

    col = AnkiCollection(str(path))
    return col


def study_in_anki(col, deck: str) -> None:  # type: ignore[no-untyped-def]
    """Study `deck` with no daily limits and FSRS (as revise schedules) on."""
    did = col.decks.id(deck)
    conf = col.decks.config_dict_for_deck_id(did)
    conf["new"]["perDay"] = ANKI_UNLIMITED
    conf["rev"]["perDay"] = ANKI_UNLIMITED
    col.decks.update_config(conf)
    col.set_config("fsrs", True)
    col.decks.select(did)


def copy_collection(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


def remove(paths: Iterator[Path]) -> None:
    """Remove collections and what their engines keep beside them (Anki: a media folder)."""
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


# -- the collections ---------------------------------------------------------------------------


class Collections:
    """The revise and Anki collections every line starts from, made once per run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.deck_file = folder / "deck10k.md"
        self.anki_text = folder / "deck10k.txt"
        self.revise: dict[str, Path] = {}
        self.anki: dict[str, Path] = {}

    def build(self) -> None:
        with step("write the 10,000-card deck file and text file", 120):
            self.deck_file.write_text(
                write_deck(revise_deck(99, PER_DECK, "Imported")), encoding="utf-8"
            )
            write_anki_text(self.anki_text, 99, PER_DECK)
        for size in (10_000, 20_000, 100_000):
            label = f"{size // 1000}k"
            decks = size // PER_DECK
            path = self.folder / f"revise-{label}.db"
            with step(f"build revise's {size:,}-card collection", 300):
                start = time.perf_counter()
                with Collection.open(path) as col:
                    col.import_decks([revise_deck(d, PER_DECK) for d in range(decks)])
                took = time.perf_counter() - start
            self.revise[label] = path
            texts = []
            for d in range(decks):
                text = self.folder / f"anki-deck{d}.txt"
                if not text.exists():
                    write_anki_text(text, d, PER_DECK)
                texts.append((text, f"Deck {d:02d}"))
            anki_path = self.folder / f"anki-{label}.anki2"
            start = time.perf_counter()
            run_process(
                f"build Anki's {size:,}-card collection",
                anki_import_command(anki_path, texts),
                300,
            )
            print(
                f"  built {size:>7,} cards: revise {took:5.1f} s, "
                f"Anki {time.perf_counter() - start:5.1f} s",
                flush=True,
            )
            self.anki[label] = anki_path
        for label in ("10k", "100k"):
            with step(f"turn the {label} collections into review cards", 300):
                self.revise[f"{label}-review"] = make_revise_reviews(
                    copy_collection(self.revise[label], self.folder / f"revise-{label}-review.db")
                )
                self.anki[f"{label}-review"] = make_anki_reviews(
                    copy_collection(self.anki[label], self.folder / f"anki-{label}-review.anki2")
                )


def make_revise_reviews(path: Path) -> Path:
    """Every card a review card due today, last seen ten days ago (as after a good answer)."""
    now = datetime.now(UTC)
    due = int((now - timedelta(hours=1)).timestamp() * 1000)
    last = int((now - timedelta(days=10)).timestamp() * 1000)
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE cards SET state = 2, step = NULL, stability = 10.0, difficulty = 5.0,"
            " due = ?, last_review = ?, reps = 3",
            (due, last),
        )
    return path


def make_anki_reviews(path: Path) -> Path:
    col = open_anki(path)
    try:
        col.sched.set_due_date(col.find_cards(""), "0")
    finally:
        col.close()
    return path


# -- the lines ---------------------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, label: str, revise: float, anki: float, unit: str) -> None:
        if unit == "s":
            shown = (f"{revise:.2f} s", f"{anki:.2f} s")
        else:
            shown = (f"{revise:.2f} ms", f"{anki:.2f} ms")
        self.rows.append((label, *shown, f"{revise / anki:.2f}x"))
        print(f"  {label}: revise {shown[0]}, Anki {shown[1]}, {revise / anki:.2f}x", flush=True)

    def note(self, label: str, value: str) -> None:
        self.rows.append((label, value, "", ""))
        print(f"  {label}: {value}", flush=True)

    def print(self) -> None:
        width = max(len(row[0]) for row in self.rows) + 2
        print()
        print(f"{'':<{width}}{'revise':>12}{'Anki':>12}{'ratio':>9}")
        for label, revise, anki, ratio in self.rows:
            print(f"{label:<{width}}{revise:>12}{anki:>12}{ratio:>9}")


def time_process(name: str, command: list[str], limit_s: float) -> float:
    start = time.perf_counter()
    run_process(name, command, limit_s)
    return time.perf_counter() - start


def import_lines(table: Table, cols: Collections, runs: int) -> None:
    for label, base in (("new collection", None), ("100,000-card collection", "100k")):
        revise_s, anki_s = [], []
        for run in range(runs):
            target = cols.folder / f"import-{run}.db"
            anki_target = cols.folder / f"import-{run}.anki2"
            if base is not None:
                copy_collection(cols.revise[base], target)
                copy_collection(cols.anki[base], anki_target)
            revise_s.append(
                time_process(
                    f"revise import into a {label}, run {run + 1}",
                    [*REVISE, "--db", str(target), "import", str(cols.deck_file)],
                    120,
                )
            )
            anki_s.append(
                time_process(
                    f"Anki import into a {label}, run {run + 1}",
                    anki_import_command(anki_target, [(cols.anki_text, "Imported")]),
                    120,
                )
            )
            remove(cols.folder.glob(f"import-{run}.*"))
        table.add(
            f"import 10,000 cards, whole process, into a {label}",
            statistics.median(revise_s),
            statistics.median(anki_s),
            "s",
        )


def answer_lines(table: Table, cols: Collections, answers: int) -> None:
    for label in ("10k", "10k-review", "100k", "100k-review"):
        kind = "review" if label.endswith("review") else "new"
        size = label.split("-")[0].replace("k", ",000")
        name = f"next card + answer + commit, {kind} cards, {size}"
        work = cols.folder / "answering"
        revise_path = copy_collection(cols.revise[label], work.with_suffix(".db"))
        anki_path = copy_collection(cols.anki[label], work.with_suffix(".anki2"))
        revise_ms: list[float] = []
        anki_ms: list[float] = []
        revise_cpu: list[float] = []
        anki_cpu: list[float] = []
        with step(name, 300):
            col = Collection.open(revise_path, config=UNLIMITED)
            anki = open_anki(anki_path)
            study_in_anki(anki, STUDIED)
            session = col.session(STUDIED)
            try:
                # The first card (opening, caches) is not what is measured; then each card is
                # answered and the next one read with the answer's commit, as the study screen
                # does: one answer and one next card per card, as Anki's getCard + answerCard.
                card = session.next_card()
                anki.sched.getCard()
                while len(revise_ms) < answers:
                    for _ in range(BLOCK):
                        start, cpu = time.perf_counter(), time.thread_time()
                        assert card is not None, "revise ran out of cards"
                        card = session.answer_then_next(card, Rating.GOOD, duration_ms=3000)
                        revise_ms.append((time.perf_counter() - start) * 1000)
                        revise_cpu.append((time.thread_time() - cpu) * 1000)
                    for _ in range(BLOCK):
                        start, cpu = time.perf_counter(), time.thread_time()
                        anki_card = anki.sched.getCard()
                        assert anki_card is not None, "Anki ran out of cards"
                        anki.sched.answerCard(anki_card, 3)
                        anki_ms.append((time.perf_counter() - start) * 1000)
                        anki_cpu.append((time.thread_time() - cpu) * 1000)
            finally:
                col.close()
                anki.close()
        remove(cols.folder.glob("answering.*"))
        table.add(name, statistics.median(revise_ms), statistics.median(anki_ms), "ms")
        # The same answers' CPU time (this thread's, Anki's engine runs in it too): what the
        # machine's load and the disk's queue hardly change, unlike the time to the sync.
        table.add(
            f"  CPU time of it, {kind} cards, {size}",
            statistics.median(revise_cpu),
            statistics.median(anki_cpu),
            "ms",
        )


def count_line(table: Table, cols: Collections) -> None:
    revise_ms: list[float] = []
    anki_ms: list[float] = []
    with step("deck list counts on 100,000 cards", 300):
        col = Collection.open(cols.revise["100k"])
        anki = open_anki(cols.anki["100k"])
        try:
            col.decks()
            anki.sched.deck_due_tree()
            for _ in range(COUNT_RUNS):
                start = time.perf_counter()
                col.decks()
                revise_ms.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                anki.sched.deck_due_tree()
                anki_ms.append((time.perf_counter() - start) * 1000)
        finally:
            col.close()
            anki.close()
    table.add(
        "deck list counts, 100,000 cards in 10 decks",
        statistics.median(revise_ms),
        statistics.median(anki_ms),
        "ms",
    )


# -- on screen, in tmux ------------------------------------------------------------------------


def on_screen(
    name: str,
    command: str,
    marker: str,
    limit_s: float = 60,
    *,
    cache: Path,
    then_until: Callable[[], bool] | None = None,
) -> tuple[float, int]:
    """Seconds from starting `command` in a 100x30 tmux window to `marker` on its screen, and
    the process's peak memory (kB) at that moment; `cache` is its XDG_CACHE_HOME. With
    `then_until`, the window is left running until that says it is done."""
    session = f"bench-anki-{os.getpid()}-{len(_sessions)}"
    _sessions.append(session)
    start = time.perf_counter()
    for _attempt in range(3):  # a tmux server starting or stopping at that moment refuses
        started = subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                "100",
                "-y",
                "30",
                f"cd {ROOT} && exec env XDG_CACHE_HOME={shlex.quote(str(cache))} {command}",
            ],
            capture_output=True,
            text=True,
        )
        if started.returncode == 0:
            break
        time.sleep(0.5)
        start = time.perf_counter()
    else:
        sys.exit(f"bench_anki: {name!r}: tmux did not start: {started.stderr.strip()}")
    try:
        while True:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if marker in screen:
                seen = time.perf_counter() - start
                break
            if time.perf_counter() - start > limit_s:
                sys.exit(f"bench_anki: {name!r}: {marker!r} not on screen within {limit_s:.0f} s")
            time.sleep(0.005)
        pid = subprocess.run(
            ["tmux", "display-message", "-p", "-t", session, "#{pane_pid}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        peak_kb = 0
        status = Path(f"/proc/{pid}/status")
        if pid and status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak_kb = int(line.split()[1])
        while then_until is not None and not then_until():
            if time.perf_counter() - start > limit_s:
                sys.exit(f"bench_anki: {name!r}: not done within {limit_s:.0f} s")
            time.sleep(0.02)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        _sessions.remove(session)
    return seen, peak_kb


def startup_line(table: Table, cols: Collections, runs: int) -> None:
    """Timed as benchmarks/bench_tui.py times it (benchmarks/paint.py): each command started in
    a 100x30 tmux pane whose output is piped to us, until the text is written to the terminal."""
    from paint import StepTimeout, TmuxPanes, kept_file_in, minimal_app_command

    marker = "minimal app painted"
    first = "Question "  # every card of the collection starts so: painted with the first card
    revise_s, minimal_s = [], []
    revise = [*REVISE, "--db", str(cols.revise["20k"]), "study"]
    # The stylesheet the app keeps between runs, in a cache folder of this run's, filled by one
    # start that is not timed (as bench_tui.py does): another checkout's runs in the user's
    # cache folder would replace it.
    cache = cols.folder / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    with TmuxPanes(100, 30) as panes:
        try:
            panes.time_to_text(
                revise, first, cwd=ROOT, env=env, then_until=lambda: kept_file_in(cache)
            )
        except StepTimeout as error:
            sys.exit(f"bench_anki: the start that fills the cache folder: {error}")
        for run in range(1, runs + 1):
            try:
                minimal_s.append(panes.time_to_text(minimal_app_command(marker), marker, cwd=ROOT))
                revise_s.append(panes.time_to_text(revise, first, cwd=ROOT, env=env))
            except StepTimeout as error:
                sys.exit(f"bench_anki: revise study / minimal Textual app, run {run}: {error}")
    table.add(
        "revise study to first card (20,000 cards) / minimal Textual app, in tmux",
        statistics.median(revise_s),
        statistics.median(minimal_s),
        "s",
    )


# -- a million cards ---------------------------------------------------------------------------


def scale_collection(cards: int = SCALE_CARDS) -> Path:
    """1,000,000 cards (or `cards`) in 100 decks with three reviews a card over the past year,
    made once (in revise's own schema, written straight into the tables: importing them would
    take far longer) and kept in the cache folder."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"scale-{cards}.db"
    if path.exists():
        # Made by an older revise: upgraded as a user's collection is (its backup not kept).
        Collection.open(path).close()
        remove(CACHE.glob(f"{path.name}.backup-*"))
        return path
    reviews = cards * SCALE_REVIEWS // SCALE_CARDS
    print(f"  making {cards:,} cards and {reviews:,} reviews once ...", flush=True)
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    Collection.open(partial).close()
    rng = random.Random(12)
    now = datetime.now(UTC)
    now_ms = int(now.timestamp() * 1000)
    day_ms = 86_400_000
    decks = 100
    per_deck = cards // decks
    db = sqlite3.connect(partial)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    with db:
        db.executemany(
            "INSERT INTO decks (id, name, description, tags, created_at) VALUES (?, ?, '', '', ?)",
            [(d + 1, f"Scale {d:03d}", now_ms) for d in range(decks)],
        )
        db.executemany(
            "INSERT INTO notes (id, deck_id, key, explicit_key, kind, front, back, context, tags,"
            " media, position, missing, created_at, updated_at)"
            " VALUES (?, ?, ?, 0, 'basic', ?, ?, '', '', '', ?, 0, ?, ?)",
            (
                (
                    n + 1,
                    n // per_deck + 1,
                    f"k{n}",
                    f"Scale question {n}?",
                    f"Answer {n}",
                    n % per_deck,
                    now_ms,
                    now_ms,
                )
                for n in range(cards)
            ),
        )
        # A year of studying: about 70 % of the cards seen, three reviews each on average.
        reviews_per_seen = reviews / (cards * 0.7)
        card_rows = []
        review_rows = []
        review_id = 0
        for n in range(cards):
            position = n % per_deck
            if rng.random() < 0.7:
                count = max(1, round(rng.expovariate(1 / reviews_per_seen)))
                first = now_ms - rng.randrange(2, 365) * day_ms
                times = sorted(rng.randrange(first, now_ms - day_ms) for _ in range(count))
                for at in times:
                    review_id += 1
                    review_rows.append(
                        (review_id, n + 1, at, 3 if rng.random() < 0.9 else 1, 6000, "revise")
                    )
                stability = 1.0 + rng.random() * 60
                due = times[-1] + int(stability * day_ms)
                card_rows.append(
                    (
                        n + 1,
                        n + 1,
                        n // per_deck + 1,
                        position,
                        2,
                        None,
                        stability,
                        4.0 + rng.random() * 4,
                        due,
                        times[-1],
                        count,
                        0,
                        now_ms,
                    )
                )
            else:
                card_rows.append(
                    (
                        n + 1,
                        n + 1,
                        n // per_deck + 1,
                        position,
                        0,
                        None,
                        None,
                        None,
                        None,
                        None,
                        0,
                        0,
                        now_ms,
                    )
                )
            if len(review_rows) > 200_000:
                _insert_reviews(db, review_rows)
        _insert_reviews(db, review_rows)
        db.executemany(
            "INSERT INTO cards (id, note_id, deck_id, position, ordinal, state, step, stability,"
            " difficulty, due, last_review, reps, lapses, suspended, created_at)"
            " VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            card_rows,
        )
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    partial.replace(path)
    return path


def _insert_reviews(db: sqlite3.Connection, rows: list[tuple]) -> None:  # type: ignore[type-arg]
    db.executemany(
        "INSERT INTO reviews (id, card_id, reviewed_at, rating, duration_ms, origin)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    rows.clear()


# Put before a `python -c` command's code: at its exit the process writes its peak memory (kB)
# to the file named by BENCH_PEAK_FILE. The kernel's own count (wait4's ru_maxrss) is no use: it
# keeps the size of this benchmark's process, which the child was forked from.
_REPORT_PEAK = (
    "import atexit as _a, os as _o\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as s, open(_o.environ['BENCH_PEAK_FILE'], 'w') as o:\n"
    "        o.write(next(l for l in s if l.startswith('VmHWM:')).split()[1])\n"
    "_a.register(_peak)\n"
)


def peak_of_process(command: list[str], limit_s: float, name: str) -> tuple[float, int]:
    """Wall time and peak memory (kB) of a whole process: `command` is a `python -c` one."""
    python, option, code, *arguments = command
    assert option == "-c"
    with tempfile.TemporaryDirectory(prefix="bench-anki-peak-") as folder:
        peak_file = Path(folder) / "peak"
        start = time.perf_counter()
        process = subprocess.Popen(
            [python, "-c", _REPORT_PEAK + code, *arguments],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "BENCH_PEAK_FILE": str(peak_file)},
        )
        try:
            status = process.wait(limit_s)
        except subprocess.TimeoutExpired:
            process.kill()
            sys.exit(f"bench_anki: {name!r} did not finish within {limit_s:.0f} s; stopped")
        took = time.perf_counter() - start
        if status:
            sys.exit(f"bench_anki: {name!r} failed")
        return took, int(peak_file.read_text())


def _scale_screens(
    path: Path, cache: Path, runs: int
) -> tuple[list[tuple[float, int]], list[tuple[float, int]]]:
    """The deck list and the first card on the million cards: each timed after one start that
    is not, which fills a cache folder of this run's with the stylesheet the app keeps between
    runs (another checkout's runs in the user's cache folder would replace it)."""
    screens = []
    for what, arguments, marker in (
        ("deck list", [], "Scale 000"),
        ("revise study", ["study"], "Scale question "),
    ):
        command = shlex.join([*REVISE, "--db", str(path), *arguments])
        before = set(cache.rglob("*"))

        def kept(before: set[Path] = before) -> bool:  # a file renamed into place, not hidden
            return any(
                file.is_file() and not file.name.startswith(".")
                for file in set(cache.rglob("*")) - before
            )

        on_screen(
            f"{what} on a million cards, untimed", command, marker, cache=cache, then_until=kept
        )
        screens.append(
            [
                on_screen(f"{what} on a million cards, run {run + 1}", command, marker, cache=cache)
                for run in range(runs)
            ]
        )
    return screens[0], screens[1]


def out_of_memory(path: Path) -> None:
    """Have the kernel drop the file's pages (and its WAL's) from memory, as after a reboot: the
    next read comes from the disk. Any user may ask this of a file they can open."""
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            descriptor = os.open(file, os.O_RDONLY)
            try:
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(descriptor)


def into_memory(path: Path) -> None:
    """Read the file (and its WAL) through once, so its pages are in the kernel's cache."""
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            with file.open("rb") as read:
                while read.read(1 << 20):
                    pass


def answers_in_turns(
    large: Path, small: Path, answers: int
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Next card + answer + commit (wall and CPU ms) on every deck of each collection, BLOCK
    cards on one and then BLOCK on the other; each is undone afterwards, so the cached
    collections stay as they were made."""
    cols = [Collection.open(large, config=UNLIMITED), Collection.open(small, config=UNLIMITED)]
    samples: list[list[tuple[float, float]]] = [[], []]
    try:
        cards = [col.next_card() for col in cols]
        while len(samples[1]) < answers:
            for side, col in enumerate(cols):
                for _ in range(BLOCK):
                    start, cpu = time.perf_counter(), time.thread_time()
                    card = cards[side]
                    assert card is not None
                    cards[side] = col.answer_then_next(
                        card, Rating.GOOD, duration_ms=3000
                    ).next_card()
                    samples[side].append(
                        ((time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000)
                    )
        for col in cols:
            while col.undo() is not None:
                pass
    finally:
        for col in cols:
            col.close()
    return samples[0], samples[1]


def scale_lines(table: Table, answers: int, runs: int) -> None:
    with step("make the million-card collection", 1800):
        path = scale_collection()
    # Untimed: reads the file into memory, which the last line of the run before dropped.
    peak_of_process([*REVISE, "--db", str(path), "decks"], 60, "revise decks, untimed")
    decks_runs = [
        peak_of_process(
            [*REVISE, "--db", str(path), "decks"],
            60,
            f"revise decks on a million cards, run {run + 1}",
        )
        for run in range(runs)
    ]
    table.note(
        "1,000,000 cards: `revise decks`, whole process",
        f"{statistics.median(t for t, _ in decks_runs):.2f} s, "
        f"peak {max(kb for _, kb in decks_runs) / 1024:.0f} MB (limit {MEMORY_LIMIT_MB} MB)",
    )
    with tempfile.TemporaryDirectory(prefix="bench-anki-cache-") as folder:
        listed, study = _scale_screens(path, Path(folder), runs)
    table.note(
        "1,000,000 cards: start to the deck list on screen",
        f"{statistics.median(t for t, _ in listed):.2f} s, "
        f"peak {max(kb for _, kb in listed) / 1024:.0f} MB",
    )
    table.note(
        "1,000,000 cards: `revise study` to the first card",
        f"{statistics.median(t for t, _ in study):.2f} s, "
        f"peak {max(kb for _, kb in study) / 1024:.0f} MB (limit {MEMORY_LIMIT_MB} MB)",
    )
    # The answers beside the same on 100,000 cards made the same way, in turns, first with both
    # files in memory (as the 100,000-card lines above, whose files were just written), then with
    # both dropped from it (as after a reboot): what a card costs at a million cards, and what
    # reading its pages from the disk adds.
    with step("make the 100,000-card collection made as the million", 300):
        small = scale_collection(SCALE_CARDS // 10)
    for files, label in (("in memory", ""), ("read from disk", ", the file read from disk")):
        for file in (path, small):
            (out_of_memory if files == "read from disk" else into_memory)(file)
        with step(f"next card + answer + commit on a million cards, {files}", 300):
            large_ms, small_ms = answers_in_turns(path, small, answers)
        wall = [statistics.median(t for t, _ in side) for side in (large_ms, small_ms)]
        cpu = [statistics.median(c for _, c in side) for side in (large_ms, small_ms)]
        table.note(
            f"1,000,000 cards: next card + answer + commit{label}",
            f"{wall[0]:.2f} ms median, CPU {cpu[0]:.2f} ms ({answers} cards)",
        )
        table.note(
            f"  the same on 100,000 cards made the same way{label}",
            f"{wall[1]:.2f} ms median, CPU {cpu[1]:.2f} ms; 1,000,000 / 100,000: "
            f"{wall[0] / wall[1]:.2f}x, CPU {cpu[0] / cpu[1]:.2f}x",
        )
    # Last: the lines above are read from memory, as they were before it.
    out_of_memory(path)
    cold, cold_kb = peak_of_process(
        [*REVISE, "--db", str(path), "decks"], 60, "revise decks on a million cards, from disk"
    )
    table.note(
        "1,000,000 cards: `revise decks`, the file read from disk",
        f"{cold:.2f} s, peak {cold_kb / 1024:.0f} MB",
    )


LINES = ("import", "answer", "counts", "startup")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each whole-process line")
    parser.add_argument("--answers", type=int, default=200, help="answers timed on each side")
    parser.add_argument("--scale", action="store_true", help="add the million-card collection")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=(*LINES, "none"),
        default=LINES,
        metavar="LINE",
        help=f"measure only these lines ({', '.join(LINES)}; none: only --scale)",
    )
    args = parser.parse_args()
    report_speed()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for folder in ("revise", "migrations"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    started = time.perf_counter()
    table = Table()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-anki-") as folder:
            cols = Collections(Path(folder))
            if set(args.only) & set(LINES):
                cols.build()
            if "import" in args.only:
                import_lines(table, cols, args.runs)
            if "answer" in args.only:
                answer_lines(table, cols, args.answers)
            if "counts" in args.only:
                count_line(table, cols)
            if "startup" in args.only:
                startup_line(table, cols, args.runs)
        if args.scale:
            scale_lines(table, args.answers, max(1, args.runs // 2))
    finally:
        _kill_sessions()
    table.print()
    print(
        f"\n{time.perf_counter() - started:.0f} s in all; "
        f"load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )


if __name__ == "__main__":
    main()
