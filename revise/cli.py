"""The `revise` command: a thin caller of the core and the TUI."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, TypeVar

from revise import __version__
from revise.errors import ReviseError
from revise.textsafe import inert, inert_json, inert_output, quoted

if TYPE_CHECKING:
    import argparse
    from concurrent.futures import Future

    from revise.config import Config
    from revise.formats.model import RowSource

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_FLAGGED = 3  # `generate --check` found cards that fail a check
# Commands that write to the collection: importing, and studying (the deck list studies too).
WRITING_COMMANDS = (None, "study", "import", "browse", "add", "edit", "deck")
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command its pipe ended


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not for a plain `revise` or `revise study` (see app_words)

    parser = argparse.ArgumentParser(
        prog="revise",
        description="Spaced-repetition revision in the terminal. "
        "With no command, opens the deck list.",
    )
    parser.add_argument("--version", action="version", version=f"revise {__version__}")
    _add_common(parser, None)
    common = argparse.ArgumentParser(add_help=False)
    _add_common(common, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    study = commands.add_parser(
        "study", parents=[common], help="review what is due now", description="Review what is due."
    )
    study.add_argument("deck", nargs="?", help="only this deck (default: all decks)")
    custom = study.add_mutually_exclusive_group()
    custom.add_argument(
        "--ahead",
        type=int,
        metavar="N",
        help="custom study: review cards due in the next N days, today's included",
    )
    custom.add_argument(
        "--forgotten",
        type=int,
        nargs="?",
        const=1,
        metavar="N",
        help="custom study: cards you answered Again in the last N days (default 1: today)",
    )
    custom.add_argument(
        "--cram",
        action="store_true",
        help="custom study: every card of the deck that is not suspended, in deck order",
    )
    study.add_argument(
        "--search",
        metavar="QUERY",
        help="custom study: the cards this search finds (see `revise cards`); with --ahead, "
        "--forgotten or --cram, only those of their cards it finds",
    )
    study.add_argument(
        "--reschedule",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="custom study: answers move the schedule (default: yes for --ahead, "
        "--forgotten and --search, no for --cram)",
    )

    importer = commands.add_parser(
        "import",
        parents=[common],
        help="import deck files or notes",
        description="Import deck files (.md, .apkg, .colpkg, .csv, .tsv) or notes "
        "(.txt, .md, .org, .html, a mind map's .opml or .mm), which are turned into cards first.",
    )
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importer.add_argument("--dry-run", action="store_true", help="report, change nothing")
    importer.add_argument("--deck", help="name the imported deck (one deck files only)")
    importer.add_argument(
        "--columns",
        help="CSV columns in order, e.g. front,back,tags (when they cannot be told from a header)",
    )
    importer.add_argument(
        "--prefer-file",
        action="store_true",
        help="where a card changed both in the app and in the file, take the file's text",
    )
    importer.add_argument(
        "--restore", action="store_true", help="bring back cards deleted in the app"
    )
    _add_editing_commands(commands, common)

    decks = commands.add_parser(
        "decks", parents=[common], help="list decks with today's counts", description="List decks."
    )
    decks.add_argument("--json", action="store_true", help="machine-readable output")

    generate = commands.add_parser(
        "generate",
        parents=[common],
        help="turn notes into deck files",
        description="Write a deck file from each notes file, to read and edit before importing.",
    )
    generate.add_argument("notes", nargs="+", type=Path, metavar="NOTES")
    generate.add_argument(
        "-o",
        "--output",
        type=str,  # as typed: a trailing / says a folder is meant
        help="the deck file to write (one notes file), or a folder (default: NOTES with .md)",
    )
    generate.add_argument(
        "--check", action="store_true", help="list cards that fail a quality check, and why"
    )
    generate.add_argument(
        "--force",
        action="store_true",
        help="replace the deck file even if it was edited or not generated from these notes",
    )

    export = commands.add_parser(
        "export",
        parents=[common],
        help="write a deck to a file",
        description="Write a deck to a deck file (.md), CSV (.csv, .tsv) or Anki package (.apkg).",
    )
    export.add_argument("deck")
    export.add_argument("-o", "--output", required=True, metavar="FILE")

    copy = commands.add_parser(
        "copy",
        parents=[common],
        help="copy the whole collection to another file or database",
        description="Copy a whole collection (decks, cards, every review, media) between a "
        "SQLite file and a PostgreSQL database, either way, into a new file or an empty "
        "database.",
    )
    copy.add_argument(
        "--from",
        dest="source",
        metavar="FILE_OR_URL",
        help="the collection to copy (default: the one --db names)",
    )
    copy.add_argument(
        "--to", dest="target", metavar="FILE_OR_URL", required=True, help="where the copy goes"
    )

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="write the whole collection to a SQLite file",
        description="Write the whole collection, from a file or a server, to a SQLite file.",
    )
    backup.add_argument(
        "-o",
        "--output",
        type=str,  # as typed: a trailing / says a folder is meant
        metavar="FILE",
        help="the file to write, or a folder to write NAME.backup-TIME.db in "
        "(default: the data folder)",
    )

    optimize = commands.add_parser(
        "optimize",
        parents=[common],
        help="fit the scheduler to your reviews",
        description="Fit FSRS's parameters to the reviews of a deck (with its sub-decks) or of "
        "all decks, judge them on reviews the fit did not see, and keep them if they predict "
        "better than the parameters in use.",
    )
    optimize.add_argument("deck", nargs="?", help="only this deck (default: all decks)")
    optimize.add_argument("--dry-run", action="store_true", help="report, store nothing")
    optimize.add_argument("--json", action="store_true", help="machine-readable output")
    optimize.add_argument(
        "--from-log",
        type=Path,
        metavar="FILE.csv",
        help="fit a review log (card_id,review_rating,review_time,review_duration) instead; "
        "the collection is not touched",
    )
    optimize.add_argument(
        "--reset", action="store_true", help="go back to FSRS's default parameters"
    )

    config = commands.add_parser(
        "config",
        parents=[common],
        help="check config.toml",
        description="Check the whole config file, [keys] included (which only the app reads "
        "otherwise), without opening a collection.",
    )
    config_actions = config.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    config_actions.add_parser(
        "check", parents=[common], help="check every setting and key binding, say which file"
    )

    workload = commands.add_parser(
        "workload",
        parents=[common],
        help="reviews a day for each desired retention",
        description="Simulate a year of study with FSRS's simulator at several desired "
        "retentions: reviews and minutes a day, and cards remembered.",
    )
    workload.add_argument("deck", nargs="?", help="only this deck (default: all decks)")
    workload.add_argument("--json", action="store_true", help="machine-readable output")

    browse = commands.add_parser(
        "browse",
        parents=[common],
        help="open the card browser",
        description="Open the card browser, on a search if given (Anki's syntax).",
    )
    browse.add_argument("query", nargs="*", help="the search (default: every card)")

    cards = commands.add_parser(
        "cards",
        parents=[common],
        help="list the cards a search finds",
        description="List the cards matching a search in Anki's syntax, e.g. "
        "'deck:French -is:new prop:lapses>3' (see the README's Searching section).",
    )
    cards.add_argument("query", nargs="*", help="the search (default: every card)")
    cards.add_argument(
        "--sort",
        default="added",
        help="front, deck, due, interval, stability, "
        "difficulty, reviews, lapses or added (default: added)",
    )
    cards.add_argument("--reverse", action="store_true", help="sort the other way")
    cards.add_argument("--json", action="store_true", help="machine-readable output")

    stats = commands.add_parser(
        "stats",
        parents=[common],
        help="reviews, retention, streak, forecast and card states",
        description="Statistics of a deck (with its sub-decks) or of all decks.",
    )
    stats.add_argument("deck", nargs="?", help="only this deck (default: all decks)")
    stats.add_argument("--json", action="store_true", help="machine-readable output")

    deck_options = commands.add_parser(
        "deck-options",
        parents=[common],
        help="show or set a deck's daily limits, retention and steps",
        description="Show the options a deck uses and where each comes from (the deck, a parent "
        "deck, or config.toml); --set them on the deck and its sub-decks.",
    )
    deck_options.add_argument("deck", help="the deck (its sub-decks inherit what is set on it)")
    deck_options.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help='set an option, e.g. new_per_day=10, learning_steps="1m 10m" (repeatable)',
    )
    deck_options.add_argument(
        "--unset",
        action="append",
        default=[],
        metavar="KEY",
        help="go back to the parent deck's value, else config.toml's (repeatable)",
    )
    deck_options.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _add_editing_commands(commands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    add = commands.add_parser(
        "add",
        parents=[common],
        help="add cards to a deck",
        description="Add one card from the options, or several written in the deck file format "
        "on standard input (revise add DECK < cards.md).",
    )
    add.add_argument("deck")
    add.add_argument("--front", help="the question (with --back)")
    add.add_argument("--back", help="the answer")
    add.add_argument(
        "--reverse", action="store_true", help="also make the card back to front (both ways)"
    )
    add.add_argument("--cloze", metavar="TEXT", help="a cloze text with [deletions]")
    add.add_argument("--extra", default="", help="text shown with a cloze card's answer")
    add.add_argument("--context", default="", help="the card's context (heading trail)")
    add.add_argument("--tags", default="", help="tags, separated by spaces or commas")

    edit = commands.add_parser(
        "edit",
        parents=[common],
        help="edit a card in $EDITOR",
        description="Open a card's note in $VISUAL or $EDITOR, written in the deck file format; "
        "save to change it (it keeps its reviews).",
    )
    edit.add_argument("card", type=int, metavar="CARD_ID")

    deck = commands.add_parser(
        "deck",
        parents=[common],
        help="create, rename, delete or write back a deck",
        description="Create, rename (with its sub-decks) or delete a deck, or write it back to "
        "the deck file it was imported from.",
    )
    actions = deck.add_subparsers(dest="deck_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", parents=[common], help="create an empty deck")
    create.add_argument("name", metavar="NAME")
    rename = actions.add_parser("rename", parents=[common], help="rename a deck and its sub-decks")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    remove = actions.add_parser(
        "delete", parents=[common], help="delete a deck, its sub-decks, cards and reviews"
    )
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("--yes", action="store_true", help="do not ask first")
    write = actions.add_parser(
        "write", parents=[common], help="write a deck back to the deck file it came from"
    )
    write.add_argument("name", metavar="NAME")


# The options every command takes, before or after the command: (option, attribute, type,
# metavar, help), for argparse and for the plain `revise study` read without it.
COMMON_OPTIONS = (
    (
        "--db",
        "db",
        str,
        "PATH",
        "the collection: a file or a postgresql+psycopg:// URL (default: $REVISE_DB, "
        "else `database` in config.toml, else revise.db in the data folder)",
    ),
    (
        "--config",
        "config",
        str,  # as typed: an empty name is refused, not read as the current folder
        "FILE",
        "settings file (default: $REVISE_CONFIG, else config.toml in the config folder)",
    ),
)


def _add_common(parser: argparse.ArgumentParser, default: object) -> None:
    # Accepted before or after the command; a subcommand's copy must not reset the value.
    for option, _, kind, metavar, explained in COMMON_OPTIONS:
        parser.add_argument(option, metavar=metavar, type=kind, default=default, help=explained)


def main(argv: Sequence[str] | None = None) -> int:
    # File names, deck names and card text reach the terminal as text, never as control codes.
    with inert_output():
        return _main(argv)


def app_words(argv: Sequence[str]) -> SimpleNamespace | None:
    """The arguments of a plain `revise [--db PATH] [--config FILE] [study [DECK]]`, the deck
    list or a study session (the options before or after `study`, `--db=PATH` too), read without
    argparse: importing it and building every command's parser took as long as a sixth of the
    rest of the way to the first card. They are what argparse gives for the same words (a test
    holds the two equal). None for any other words, which argparse reads, with its help and its
    errors."""
    options = {option: (attribute, kind) for option, attribute, kind, *_ in COMMON_OPTIONS}
    values: dict[str, object] = {attribute: None for _, attribute, *_ in COMMON_OPTIONS}
    positional: list[str] = []
    words = iter(argv)
    for word in words:
        option, given, value = word.partition("=")
        if option in options:
            if not given:
                value = next(words, "-")
                if value.startswith("-"):
                    return None  # argparse says it lacks its value
            attribute, kind = options[option]
            values[attribute] = kind(value)
        elif word.startswith("-"):
            return None  # help, --version, another option, an abbreviation, `--`
        else:
            positional.append(word)
    if not positional:
        return SimpleNamespace(**values, command=None)  # the deck list
    if positional[0] != "study" or len(positional) > 2:
        return None
    deck = positional[1] if len(positional) == 2 else None
    return SimpleNamespace(
        **values,
        command="study",
        deck=deck,
        ahead=None,
        forgotten=None,
        cram=False,
        search=None,
        reschedule=None,
    )


def _main(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else argv
    args = app_words(words) or build_parser().parse_args(words)
    try:
        _check_text_arguments(args)
        status = _run(args)
        sys.stdout.flush()  # a reader that went away is found here, not at exit
        return status
    except BrokenPipeError:
        return _reader_went_away()
    except ReviseError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        return _fail(_os_error_line(error, args))
    except Exception as error:
        from revise.storage.diagnose import explain, is_database_error

        if not is_database_error(error):
            raise
        return _fail(str(explain(error, getattr(args, "database", "the database"))))


def _print_json(value: object, *, ensure_ascii: bool = True) -> None:
    """A command's `--json` output."""
    import json  # only here: not on the way to the first card

    print(inert_json(json.dumps(value, indent=2, ensure_ascii=ensure_ascii)))


# Arguments used only to find a file: a name in another encoding than UTF-8 finds it as well.
_ONLY_PATHS = frozenset({"db", "config", "output", "source", "target", "from_log"})


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse, in one line, an argument that is not UTF-8 (typed in a terminal set to another
    encoding, or a file so named): Python hands its bytes on as lone surrogates, which no
    deck name, card, search or file name revise stores can hold."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if name in _ONLY_PATHS or not isinstance(item, str | Path):
                continue
            text = str(item)
            if not any("\ud800" <= char <= "\udfff" for char in text):
                continue
            if isinstance(item, Path):
                raise ReviseError(f"{text}: the file's name is not UTF-8 (rename the file)")
            raise ReviseError(
                f"{name.replace('_', ' ')} {quoted(text)}: not UTF-8 text (set the terminal "
                "or the script giving it to UTF-8)"
            )


def _fail(line: str) -> int:
    with contextlib.suppress(OSError):  # stderr closed too: nothing left to tell
        print(f"revise: {inert(line)}", file=sys.stderr)
    return EXIT_ERROR


def _reader_went_away() -> int:
    """Output piped into a reader that stopped (`revise decks | head`): end quietly, with the
    status a command killed by SIGPIPE has, as other command-line tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit's flush has nowhere to fail
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def _os_error_line(error: OSError, args: argparse.Namespace) -> str:
    """What failed and on which file; a failed write names the file being written."""
    where = error.filename or getattr(args, "output", None)
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        reason = "no space left on the disk (free some space and try again)"
    elif error.errno == errno.EFBIG:
        from revise.formats.files import over_file_size_limit

        reason = f"{reason} ({over_file_size_limit(error) or 'free some space and try again'})"
    return f"{where}: {reason}" if where else reason


def _run(args: argparse.Namespace) -> int:
    if args.command in ("import", "export", "generate"):
        with _stopping_cleanly_on_terminate():
            return _run_command(args)
    return _run_command(args)


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "generate":
        return _generate(args)
    if args.command == "optimize" and args.from_log is not None:
        return _optimize_log(args)
    if args.command in ("copy", "backup"):
        return _copy(args)
    if args.command == "config":
        return _config_check(args)
    if args.command == "study" and (status := _study_at_once(args)) is not None:
        return status
    if args.command is None and (status := _deck_list_at_once(args)) is not None:
        return status
    if args.command == "decks" and (status := _decks_at_once(args)) is not None:
        return status
    if args.command == "import" and (status := _import_at_once(args)) is not None:
        return status
    collection = _open(args)
    try:
        return _on_collection(collection, args)
    finally:
        # A first import into a new file that failed, or was a dry run, leaves no empty
        # collection behind: a failed command (or one that changes nothing) creates nothing.
        empty = args.command == "import" and _new_and_empty(collection)
        collection.close()
        if empty:
            for end in ("", "-wal", "-shm"):
                collection.path.with_name(collection.path.name + end).unlink(missing_ok=True)


def _new_and_empty(collection) -> bool:  # type: ignore[no-untyped-def]
    """Whether the collection is a file this command created that holds nothing yet."""
    if not collection.is_new or collection.path is None:
        return False
    try:
        return not collection.decks()
    except Exception:  # a database that cannot be read is not one to remove
        return False


def _on_collection(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    if args.command in WRITING_COMMANDS:
        _check_writable(collection)
    if args.command == "import":
        return _import(collection, args)
    if args.command == "decks":
        return _decks(collection, args)
    if args.command == "export":
        return _export(collection, args)
    if args.command == "optimize":
        return _optimize(collection, args)
    if args.command == "workload":
        return _workload(collection, args)
    if args.command == "stats":
        return _stats(collection, args)
    if args.command == "deck-options":
        return _deck_options(collection, args)
    if args.command == "cards":
        return _cards(collection, args)
    if args.command in ("add", "edit", "deck"):
        from revise import cli_editing

        return cli_editing.run(collection, args)
    return _tui(collection, args)


@contextlib.contextmanager
def _stopping_cleanly_on_terminate() -> Iterator[None]:
    """`kill` ends a command as Ctrl+C does: an open transaction rolls back and a file being
    written is removed, instead of the process vanishing mid-way."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from revise.config import Config
    from revise.study.collection import Collection

    config = Config.load(args.config)
    target = _collection_target(args, config)
    args.database = target
    collection = Collection.open(target, config=config)
    args.database = collection.path or target
    if collection.backup is not None:
        backup = inert(str(collection.backup))
        # On standard error: a command's output (`--json`, a listing) stays what it says.
        print(
            f"revise: upgraded the database; a copy of the old one is at {backup}", file=sys.stderr
        )
    if collection.is_new and args.command in (None, "study", "browse"):
        _import_bundled(collection)
    return collection


def _local_file(args: argparse.Namespace) -> tuple[Config, Path] | None:
    """The configuration and the collection file a command opens; None for a server, whose
    first screen waits for the collection (only a local file can be read ahead of it)."""
    from revise.config import Config

    config = Config.load(args.config)
    target = _collection_target(args, config)
    args.database = target
    if "://" in target:
        return None
    return config, Path(target).expanduser().resolve()


def _ready_to_open(path: Path, has_media: bool) -> None:
    """What must hold before the app opens a file read ahead: it can be written to, and the
    terminal has been asked how it draws pictures when the collection holds any."""
    from revise.storage.diagnose import is_read_only, read_only_error

    if is_read_only(path):
        raise read_only_error(path)
    if has_media:
        _prepare_pictures()


_Read = TypeVar("_Read")


def _read_ahead(name: str, read: Callable[[], _Read]) -> Future[_Read]:
    """`read()` in a thread while the app's code loads: SQLite lets go of Python's lock while it
    reads, and a million cards take it a while."""
    from concurrent.futures import Future

    result: Future[_Read] = Future()

    def run() -> None:
        try:
            result.set_result(read())
        except BaseException as error:  # handed to whoever waits for the result
            result.set_exception(error)

    threading.Thread(target=run, name=name, daemon=True).start()
    return result


def _study_at_once(args: argparse.Namespace) -> int | None:
    """`revise study` on a file at the current schema: its first card is on screen before the
    collection is opened (revise/study/opening.py). None: the usual path must open it (a new
    file, one to upgrade with a backup first, a server)."""
    from datetime import UTC, datetime

    # The first card is made from the note model: loaded here, not in the thread that reads the
    # card, where it would take turns at Python's lock with this thread's loading of the app.
    import revise.formats.model  # noqa: F401
    from revise.study.first_card import read_first_card
    from revise.study.opening import OpeningCollection

    custom = (args.ahead, args.forgotten, args.reschedule, args.search)
    if args.cram or any(flag is not None for flag in custom):
        return None  # custom study picks its cards once the collection is open
    local = _local_file(args)
    if local is None:
        return None
    config, path = local
    reading = _read_ahead(
        "first card", lambda: read_first_card(path, args.deck, config, datetime.now(UTC))
    )
    from revise.tui.app import ReviseApp

    first = reading.result()
    if first is None:
        return None
    _ready_to_open(path, first.has_media)
    collection = OpeningCollection(path, config, first)
    try:
        ReviseApp(  # type: ignore[arg-type]
            collection, deck=args.deck, study=True, stylesheet_cache_folder=_stylesheet_cache()
        ).run()
    finally:
        collection.close()
    return 0


def _deck_list_at_once(args: argparse.Namespace) -> int | None:
    """`revise` on a file at the current schema: the deck list's counts are on screen before the
    collection is opened, as `revise study`'s first card (see _study_at_once)."""
    from datetime import UTC, datetime

    from revise.study.first_card import read_deck_list
    from revise.study.opening import OpeningCollection

    local = _local_file(args)
    if local is None:
        return None
    config, path = local
    counted = _read_ahead(
        "deck list counts", lambda: read_deck_list(path, config, datetime.now(UTC))
    )
    from revise.tui.app import ReviseApp

    deck_list = counted.result()
    if deck_list is None:
        return None
    _ready_to_open(path, deck_list.has_media)
    collection = OpeningCollection(path, config, deck_list=deck_list)
    try:
        ReviseApp(collection, stylesheet_cache_folder=_stylesheet_cache()).run()  # type: ignore[arg-type]
    finally:
        collection.close()
    return 0


def _collection_target(args: argparse.Namespace, config) -> str:  # type: ignore[no-untyped-def]
    """The collection to open: --db, else $REVISE_DB, else config.toml's, else the default."""
    from revise.config import default_database_path, given, given_in_environment

    named = (
        given("--db", args.db)
        or given_in_environment("REVISE_DB", "a collection file or a database URL")
        or config.database
    )
    if not named:
        return str(default_database_path())  # revise's own data folder: made when first needed
    _check_named_file(str(named), creates=_creates_collection(args))
    return str(named)


def _creates_collection(args: argparse.Namespace) -> bool:
    """Whether the command starts a collection that is not there yet: the deck list and study
    (with the bundled decks), an import or a created deck. The others only read or change what a
    collection holds (a card is added to a deck it has), and a mistyped path must not leave an
    empty one behind."""
    if args.command == "deck":
        return bool(args.deck_action == "create")
    return args.command in (None, "study", "browse", "import")


def _check_named_file(target: str, *, creates: bool) -> None:
    """Refuse a collection file the user named whose folder is missing, or that is missing
    where the command would only read it: a typo creates nothing (as sqlite3 and harlequin)."""
    if "://" in target:
        if not target.startswith("sqlite:"):
            return  # a server: connecting says whether it is there
        from revise.storage.engine import sqlite_path

        path = sqlite_path(target)
    else:
        path = None if target.strip() == ":memory:" else Path(target).expanduser()
    if path is None:  # `sqlite://`, `sqlite:///:memory:`: everything stored would be lost
        raise ReviseError(
            f"{target}: names no file but a collection in memory, lost when revise exits "
            "(give a file: PATH or sqlite:///PATH)"
        )
    if path.is_dir():
        raise ReviseError(
            f"{path}: is a folder, not a collection (name a file in it, such as "
            f"{path / 'revise.db'})"
        )
    if path.exists() and not path.is_file():
        raise ReviseError(f"{path}: is not a file (name a collection file)")
    if path.exists():
        return
    folder = path.parent
    if not folder.is_dir():
        raise ReviseError(
            f"{path}: there is no folder {folder} (create it first, or check the path)"
        )
    if not creates:
        raise ReviseError(
            f"{path}: there is no collection there (check the path; revise import FILE "
            "--db PATH starts one)"
        )


def _output_folder(text: str | None) -> Path | None:
    """The folder an `-o` names: one that exists, or None for a file. A path ending in `/` is
    a folder whatever else: one not made yet is refused, not written as a file of that name."""
    from revise.config import given

    if given("-o", text) is None:
        return None
    path = Path(text)  # type: ignore[arg-type]
    if path.is_dir():
        return path
    if text.endswith(("/", os.sep)):
        raise ReviseError(
            f"{text}: there is no such folder (create it first, or check the path); "
            "nothing was written"
        )
    return None


def _copy(args: argparse.Namespace) -> int:
    from revise.config import Config, default_database_path, given
    from revise.storage.copy import backup_path, collection_name, copy_collection, describe
    from revise.storage.engine import database_url

    source = given("--from", getattr(args, "source", None)) or _collection_target(
        args, Config.load(args.config)
    )
    _check_named_file(str(source), creates=False)  # a copy of nothing creates no empty file
    args.database = source
    if args.command == "backup":
        name = collection_name(database_url(source))
        folder = _output_folder(args.output)
        if folder is not None or not args.output:
            target = backup_path(folder or default_database_path().parent, name)
        else:
            target = Path(args.output)
    else:
        target = given("--to", args.target, required=True)
    if args.command == "copy" or args.output:
        _check_named_file(str(target), creates=True)
    counts = copy_collection(source, target)
    print(
        f"{describe(database_url(source))} -> {describe(database_url(target))}: "
        f"{counts.get('decks', 0)} decks, {counts.get('cards', 0)} cards, "
        f"{counts.get('reviews', 0)} reviews, {counts.get('media_files', 0)} media files"
    )
    return 0


def _config_check(args: argparse.Namespace) -> int:
    """`revise config check`: every setting, and the key bindings that only the app reads (they
    are checked against the app's own bindings, which takes loading the app's screens)."""
    from revise.config import Config, config_path
    from revise.tui.keys import check_keymap

    path, _ = config_path(args.config)
    config = Config.load(args.config)
    check_keymap(config.keymap, config.source)
    if not path.exists():
        print(f"{inert(str(path))}: no config file there; every setting has its default")
    else:
        rebound = f", {len(config.keymap)} key binding(s) changed" if config.keymap else ""
        print(f"{inert(str(path))}: no problems found{rebound}")
    return 0


def _check_writable(collection) -> None:  # type: ignore[no-untyped-def]
    """Refuse up front to import into or study a collection that cannot be written to."""
    from revise.storage.diagnose import is_read_only, read_only_error

    if collection.path is not None and is_read_only(collection.path):
        raise read_only_error(collection.path)


def _import_bundled(collection) -> None:  # type: ignore[no-untyped-def]
    from importlib.resources import files

    from revise.formats.deckfile import read_deck_file

    bundled = sorted(
        Path(str(entry)) for entry in files("revise._decks").iterdir() if entry.name.endswith(".md")
    )
    if bundled:
        decks = [read_deck_file(path) for path in bundled]
        for deck in decks:
            deck.file = None  # revise's own copy, not the user's: never written back
        collection.import_decks(decks)


def _import(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from revise.storage.merge import StaleOrigin

    try:
        return _import_files(collection, args, whole=False)
    except StaleOrigin:  # a note changed since its package was read: read it whole
        return _import_files(collection, args, whole=True)


def _import_at_once(args: argparse.Namespace) -> int | None:
    """`revise import` of decks a SQLite file does not have yet, stored with Python's sqlite3
    before SQLAlchemy is imported (revise/storage/quick_import.py), or of tables and large Anki
    packages that are what the file holds already. None: the usual path imports them, from the
    decks read here (not read again)."""
    from datetime import UTC, datetime

    from revise.formats.detect import FileKind, file_kind, read_decks
    from revise.storage import quick_import
    from revise.storage.bulk import gc_paused

    if args.dry_run or args.columns is not None:
        return None
    local = _local_file(args)
    if local is None:
        return None
    _, path = local
    # Read as they are stored, or knowing what the collection holds: the usual path's.
    with_the_collection = (FileKind.TABLE, FileKind.ANKI_PACKAGE, FileKind.ANKI_COLLECTION)
    with gc_paused():
        if any(file_kind(file) in with_the_collection for file in args.files):
            return _unchanged_at_once(args, path)
        decks = [deck for file in args.files for deck in read_decks(file, deck=args.deck)]
        report = quick_import.import_new_decks(path, decks, datetime.now(UTC))
    if report is None:
        args.decks_read = decks
        return None
    print(report)
    return 0


def _unchanged_at_once(args: argparse.Namespace, path: Path) -> int | None:
    """`revise import` of tables and Anki packages that are, row for row, what the decks of a
    SQLite collection hold: told so with Python's sqlite3 alone, nothing written
    (quick_import.unchanged_reimport). None: the usual path imports them, from the readers
    opened here (`args.tables_read`, with the one found to differ: not compared again) unless
    a small package is among them (the usual path reads it whole: all are read again)."""
    from revise.formats.detect import read_in_batches, read_sources
    from revise.storage import quick_import
    from revise.storage.unchanged_rows import STEPS_PER_ROW

    if not path.is_file():
        return None
    sources: list[RowSource] = []
    small: list[RowSource] = []  # small packages, compared as large ones, imported read whole
    try:
        for file in args.files:
            whole = not read_in_batches(file)
            read = read_sources(file, deck=args.deck, scratch=path.parent, in_batches=True)[1]
            sources.extend(read)
            if whole:
                small.extend(read)
        lines = sum(source.lines for source in sources)
        total = lines * STEPS_PER_ROW  # as the usual path tells its progress
        with _progress_bar(lines) as (shown, _):
            done = 0

            def advance(count: int) -> None:
                nonlocal done
                done = max(0, min(done + count, total))
                if shown:
                    shown(done, total)

            # Reported as the usual path reports them: the decks read whole first.
            ordered = small + [source for source in sources if source not in small]
            compared = quick_import.unchanged_reimport(path, ordered, advance, by_name=small)
    except BaseException as error:
        for source in sources:
            source.close()
        if isinstance(error, ReviseError | OSError):
            return None  # the usual path says what is wrong, in its own order
        raise
    if compared.report is None and not small:
        args.tables_read = (sources, compared.differs)
        return None
    if compared.report is None:
        for source in sources:
            source.close()
        return None
    for source in sources:
        source.close()
    print(compared.report)
    return 0


class _Compared:
    """A table (or large package) the command line found not to be what its decks hold, just
    before: the import matches its notes one by one without comparing it again."""

    def __init__(self, source: RowSource) -> None:
        self._source = source

    def __getattr__(self, name: str) -> object:
        return getattr(self._source, name)

    def origins(self) -> None:
        return None


def _import_files(collection, args: argparse.Namespace, *, whole: bool) -> int:  # type: ignore[no-untyped-def]
    decks, tables = [], []
    tables_read, args.tables_read = getattr(args, "tables_read", None), None  # read once
    if getattr(args, "decks_read", None) is not None:  # read by _import_at_once: no package
        decks = args.decks_read
    elif tables_read is not None and not whole:  # by _unchanged_at_once: not read again
        read, differs = tables_read
        try:
            collection.read_no_further(read)
        except BaseException:
            for table in read:
                table.close()
            raise
        tables = [_Compared(table) if table is differs else table for table in read]
    else:
        for path in args.files:
            found, rows = collection.read_file(
                path, deck=args.deck, columns=args.columns, whole=whole
            )
            decks.extend(found)
            tables.extend(rows)
    total = sum(len(deck.notes) for deck in decks) + sum(table.lines for table in tables)
    if total >= PROGRESS_FROM_NOTES and sys.stderr.isatty():
        report = _import_with_progress(collection, decks, tables, args, total)
    else:
        report = collection.import_decks(
            decks,
            tables=tables,
            dry_run=args.dry_run,
            on_wait=_say_once(lambda line: print(line, file=sys.stderr)),
            prefer_file=args.prefer_file,
            restore=args.restore,
        )
    if args.dry_run:
        for deck in report.decks:
            _print_changes(deck)
    print(report)
    return 0


ALL_DECKS = "(all decks)"  # the last row of `revise decks`: what "study all" serves today
CHANGE_MARKS = {"added": "+", "updated": "~", "missing": "-"}


def _print_changes(deck) -> None:  # type: ignore[no-untyped-def]
    """What an import would do to a deck, a note a block: `+` added, `~` updated, `-` missing."""
    if not deck.changes:
        return
    print(f"{inert(deck.name)}:")
    for change, note in deck.changes:
        lines = [f"  {CHANGE_MARKS[change]} {_indented(note.front, 4)}"]
        if note.back:
            lines.append(f"    -> {_indented(note.back, 7)}")
        if note.context:
            lines.append(f"    ({inert(note.context)})")
        print("\n".join(lines))
    print()


def _indented(text: str, width: int) -> str:
    """Lines after the first start under the first, `width` columns in."""
    return text.replace("\n", "\n" + " " * width)


def _import_with_progress(collection, decks, tables, args: argparse.Namespace, total: int):  # type: ignore[no-untyped-def]
    with _progress_bar(total) as (shown, say):
        return collection.import_decks(
            decks,
            tables=tables,
            dry_run=args.dry_run,
            prefer_file=args.prefer_file,
            restore=args.restore,
            progress=shown,
            on_wait=_say_once(say),
        )


# An import of this many notes (a table: lines) shows a progress bar, when stderr is a terminal.
PROGRESS_FROM_NOTES = 2000


@contextlib.contextmanager
def _progress_bar(
    total: int,
) -> Iterator[tuple[Callable[[int, int], None] | None, Callable[[str], None]]]:
    """An import's progress bar on the terminal, for an import of `total` notes (a table: lines):
    (a function told how many steps are done of how many, a function saying a line above the
    bar); without a terminal, or for a small import, no bar and the line said on standard error."""
    if total < PROGRESS_FROM_NOTES or not sys.stderr.isatty():
        yield None, lambda line: print(line, file=sys.stderr)
        return
    from rich.console import Console
    from rich.progress import Progress

    # The bar's own escape codes go to the terminal itself, around the inert stdout and stderr.
    with Progress(transient=True, console=Console(file=sys.__stderr__)) as bar:
        task = bar.add_task("importing", total=total)
        yield (
            lambda done, total: bar.update(task, completed=done, total=total),
            lambda line: bar.console.print(line, markup=False, highlight=False),
        )


def _say_once(say: Callable[[str], None]) -> Callable[[], None]:
    """An import's `on_wait`: one line, the first time the collection is busy; then it waits."""
    from revise.storage.busy import WAITING

    said = False

    def waiting() -> None:
        nonlocal said
        if not said:
            said = True
            say(f"revise: {WAITING}")

    return waiting


def _decks(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    rows, everything = collection.overview()  # everything: every deck under the collection's limits
    return _print_decks(rows, everything, args)


def _decks_at_once(args: argparse.Namespace) -> int | None:
    """`revise decks` on a file at the current schema: the counts read with sqlite3 alone, as
    the deck list's first frame reads them, without loading SQLAlchemy to open the collection
    (a third of a second of every run). None: the usual path must open it."""
    from datetime import UTC, datetime

    from revise.study.first_card import read_deck_list

    local = _local_file(args)
    if local is None:
        return None
    config, path = local
    deck_list = read_deck_list(path, config, datetime.now(UTC))
    if deck_list is None:
        return None
    return _print_decks(deck_list.decks, deck_list.totals, args)


def _print_decks(rows, everything, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    if args.json:
        _print_json([row.__dict__ for row in rows])
        return 0
    if not rows:
        print("No decks yet. Import one: revise import FILE")
        return 0
    rows_and_total = [
        *((inert(row.name), row.new, row.learning, row.due, row.total) for row in rows),
        (
            ALL_DECKS,
            everything.new,
            everything.learning,
            everything.due,
            sum(r.total for r in rows),
        ),
    ]
    width = max(len("Deck"), *(len(name) for name, *_ in rows_and_total))
    print(f"{'Deck':<{width}}  {'New':>5}  {'Learn':>5}  {'Due':>5}  {'Cards':>6}")
    for name, new, learning, due, total in rows_and_total:
        print(f"{name:<{width}}  {new:>5}  {learning:>5}  {due:>5}  {total:>6}")
    return 0


def _export(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from revise.config import given
    from revise.formats.export import export_decks

    output = Path(given("-o", args.output, required=True))  # type: ignore[arg-type]
    decks = collection.export_decks(args.deck)
    export_decks(decks, output, day_starts_at=collection.config.day_starts_at, name=args.deck)
    for deck in decks:
        print(f"{inert(deck.name)}: {len(deck.notes)} notes written to {inert(str(output))}")
    return 0


def _optimize_log(args: argparse.Namespace) -> int:
    from revise.config import Config
    from revise.scheduling.optimize import optimize, read_review_log

    if args.deck or args.reset:
        raise ReviseError("--from-log judges a log file: leave out DECK and --reset")
    config = Config.load(args.config)
    result = optimize(read_review_log(args.from_log), day_starts_at=config.day_starts_at)
    if args.json:
        _print_json(result.as_dict())
    else:
        _print_fit(result, "FSRS's defaults")
        print("Nothing stored: --from-log only judges a log.")
    return 0


def _optimize(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    scope = f"deck {quoted(args.deck)} and its sub-decks" if args.deck else "all decks"
    if args.reset:
        if args.dry_run:
            raise ReviseError("--reset with --dry-run would do nothing: leave one out")
        now = collection.set_parameters(args.deck, None)
        if args.json:
            _print_json(_in_use_dict(now))
        else:
            print(
                f"From the next answer {scope} use FSRS's default parameters "
                f"(version {now.version})."
            )
        return 0
    outcome = collection.optimize(args.deck, dry_run=args.dry_run)
    result = outcome.result
    if args.json:
        _print_json({**result.as_dict(), "stored": outcome.stored})
        return 0
    before = outcome.before
    in_use = "FSRS's defaults" if before.is_default else f"version {before.version} in use"
    _print_fit(result, in_use)
    if outcome.stored:
        now = collection.parameters(args.deck)
        print(f"Stored as version {now.version} for {scope}: used from the next answer.")
    elif args.dry_run and result.improved:
        print("Dry run: nothing stored.")
    else:
        print(f"Kept the parameters in use for {scope}.")
    return 0


def _print_fit(result, in_use: str) -> None:  # type: ignore[no-untyped-def]
    print(
        f"Fitted FSRS to {result.reviews:,} reviews of {result.cards:,} cards; judged on the "
        "later reviews each fit did not see."
    )
    print(f"{'':13}{in_use:>18}  {'fitted':>8}")
    print(f"{'log loss':13}{result.before.log_loss:>18.4f}  {result.after.log_loss:>8.4f}")
    print(f"{'RMSE (bins)':13}{result.before.rmse_bins:>18.4f}  {result.after.rmse_bins:>8.4f}")
    verdict = "predict better" if result.improved else "do not predict better"
    print(f"The fitted parameters {verdict} (lower is better).")
    label = "Fitted parameters" if result.improved else "Parameters in use, kept"
    print(f"{label}: " + ", ".join(f"{value:.4f}" for value in result.parameters))


def _in_use_dict(in_use) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "deck": in_use.scope,
        "version": in_use.version,
        "default": in_use.is_default,
        "parameters": None if in_use.parameters is None else list(in_use.parameters),
    }


def _workload(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    rows = collection.workload(args.deck)
    desired = collection.config.desired_retention
    if args.json:
        _print_json([row.__dict__ for row in rows])
        return 0
    print(
        "A year of study of these cards, simulated with FSRS, your daily limits and the "
        "parameters in use:"
    )
    header = ("retention", "reviews/day", "minutes/day", "remembered at the end")
    print("  ".join(header))
    for row in rows:
        mark = "  <- desired_retention" if abs(row.retention - desired) < 1e-9 else ""
        print(
            f"{row.retention:>9.2f}  {row.reviews_per_day:>11.1f}  {row.minutes_per_day:>11.1f}"
            f"  {row.remembered:>21.0f}{mark}"
        )
    return 0


def _stats(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from revise.study.stats_text import statistics_lines

    statistics = collection.statistics(args.deck)
    if args.json:
        _print_json(statistics.as_dict())
        return 0
    print("\n".join(statistics_lines(statistics)))
    return 0


def _deck_options(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from revise.study.deck_options import OPTIONS

    changes: dict[str, str | None] = {}
    for setting in args.set:
        key, equals, value = setting.partition("=")
        if not equals:
            raise ReviseError(f"--set {setting}: give key=value, e.g. --set new_per_day=10")
        changes[key.strip()] = value
    changes.update(dict.fromkeys(args.unset))
    if changes:
        _check_writable(collection)
        options = collection.set_deck_options(args.deck, changes)
    else:
        options = collection.deck_options(args.deck)
    if args.json:
        _print_json(options.as_dict())
        return 0
    print(f"Options of {inert(args.deck)}")
    width = max(len(kind.key) for kind in OPTIONS)
    shown = max(len(options.shown(kind.key)) for kind in OPTIONS)
    for kind in OPTIONS:
        where = inert(options.source(kind.key))
        print(f"  {kind.key:<{width}}  {options.shown(kind.key):<{shown}}  {where}")
    return 0


def _cards(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from revise.study.card_text import card_dict, card_line, card_lines_header

    result = collection.search(" ".join(args.query), order=args.sort, descending=args.reverse)
    if args.json:
        _print_json([card_dict(row) for row in result.rows], ensure_ascii=False)
        return 0
    if not result.rows:
        print("No cards match.")
        return 0
    print(card_lines_header())
    for row in result.rows:
        print(card_line(row))
    print(f"{result.total:,} card{'s' if result.total != 1 else ''}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from revise.formats.detect import FileKind, file_kind
    from revise.formats.generated import deck_targets, write_generated
    from revise.generation import draft_deck, kept_cards, no_cards_error
    from revise.generation.checker import check_deck

    _output_folder(args.output)  # a folder meant must be there
    output = Path(args.output) if args.output else None
    if output is not None and len(args.notes) > 1 and not output.is_dir():
        raise ReviseError(f"{output}: give a folder for -o when generating several decks")
    for notes in args.notes:
        kind = file_kind(notes)
        if kind is not FileKind.NOTES:
            raise ReviseError(f"{notes}: {kind.value}, not notes; import it: revise import {notes}")
    flagged = 0
    empty: list[Path] = []  # notes that gave no card: no deck file is written for them
    for notes, target in zip(args.notes, deck_targets(args.notes, output), strict=True):
        draft, checks = draft_deck(notes, relative_to=target.parent.resolve())
        deck = kept_cards(notes, draft, checks)
        if deck.notes:
            done = write_generated(target, deck, force=args.force)
            print(f"{inert(str(notes))} -> {inert(str(target))}: {len(deck.notes)} cards, {done}")
        else:
            empty.append(notes)
            _fail(f"{no_cards_error(notes, draft)}; {inert(str(target))} not written")
        if args.check:
            left_out = len(draft.notes) - len(deck.notes)
            print(f"  {left_out} drafted card(s) left out:")
            for finding in check_deck(draft, checks):
                if finding.index is not None:
                    where = f"check {finding.check} ({finding.name})"
                    print(f"  - {where}: {inert(finding.card)}: {inert(finding.message)}")
            for finding in check_deck(deck, checks):
                flagged += 1
                print(f"  check {finding.check} ({finding.name}): {inert(finding.message)}")
    if args.check:
        print(f"{flagged} finding(s) in the written deck(s)")
    if empty:
        if len(args.notes) > 1:
            names = ", ".join(inert(str(notes)) for notes in empty)
            print(f"{len(empty)} of {len(args.notes)} notes files gave no cards: {names}")
        return EXIT_ERROR
    return EXIT_FLAGGED if flagged else 0


def _prepare_pictures() -> None:
    """Ask the terminal how it can draw pictures: only possible before the app takes it over."""
    from revise.tui.widgets.pictures import prepare_pictures

    prepare_pictures()


def _tui(collection, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from revise.tui.app import ReviseApp

    deck = getattr(args, "deck", None)
    if deck is not None and not collection.deck_names(deck):
        raise ReviseError(f"no deck named {quoted(deck)} (see `revise decks`)")
    if collection.has_media():
        _prepare_pictures()
    browse = " ".join(args.query) if args.command == "browse" else None
    custom = _custom_study(args)
    if custom is not None and not collection.custom_card_ids(deck, custom):
        where = f"deck {quoted(deck)}" if deck is not None else "any deck"
        print(f"Nothing to study in {where}: no {inert(custom.what())}.")
        return 0
    ReviseApp(
        collection,
        deck=deck,
        study=args.command == "study",
        browse=browse,
        custom=custom,
        stylesheet_cache_folder=_stylesheet_cache(),
    ).run()
    return 0


def _stylesheet_cache() -> Path:
    """Where the app keeps its parsed stylesheet between runs (revise/tui/stylesheet_cache.py)."""
    from revise.tui.stylesheet_cache import cache_folder

    return cache_folder()


def _custom_study(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The custom study `revise study` was asked for, if any."""
    from revise.study.custom import MAX_CUSTOM_DAYS, CustomStudy, Kind

    if args.command != "study":
        return None
    if args.search is not None and not args.search.strip():
        raise ReviseError('--search needs a search, e.g. --search "tag:exam" (see `revise cards`)')
    if args.ahead is not None:
        kind, days, flag = Kind.AHEAD, args.ahead, "--ahead"
    elif args.forgotten is not None:
        kind, days, flag = Kind.FORGOTTEN, args.forgotten, "--forgotten"
    elif args.cram:
        kind, days, flag = Kind.CRAM, 1, "--cram"
    elif args.search is not None:
        kind, days, flag = Kind.SEARCH, 1, "--search"
    else:
        if args.reschedule is not None:
            raise ReviseError(
                "--reschedule and --no-reschedule go with --ahead, --forgotten, --cram or --search"
            )
        return None
    if not 1 <= days <= MAX_CUSTOM_DAYS:
        raise ReviseError(f"{flag} {days}: give a number of days from 1 to {MAX_CUSTOM_DAYS}")
    return CustomStudy(kind, days, args.reschedule, args.search)
