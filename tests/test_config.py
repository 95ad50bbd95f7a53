"""Settings: every value of the wrong type or out of range is refused in one line naming the
config file and the key; nothing is accepted silently and wrongly."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from revise.cli import main
from revise.config import Config
from revise.errors import ReviseError

BAD_SETTINGS = [
    ("[limits]\nnew_per_day = 1e400", "[limits] new_per_day", "not 1e400"),
    ("[limits]\nnew_per_day = 2.5", "[limits] new_per_day", "2.5"),
    ("[limits]\nreviews_per_day = -1", "[limits] reviews_per_day", "-1"),
    ("[limits]\nreviews_per_day = true", "[limits] reviews_per_day", "true"),
    ('[scheduling]\nlearning_steps = ["99999999999999d"]', "[scheduling] learning_steps", "9999"),
    ('[scheduling]\nlearning_steps = ["0m"]', "[scheduling] learning_steps", 'not "0m"'),
    ('[scheduling]\nlearning_steps = ["0.0001s"]', "[scheduling] learning_steps", '"0.0001s"'),
    ('[scheduling]\nrelearning_steps = ["0.5s"]', "[scheduling] relearning_steps", "from 1s"),
    ('[scheduling]\nrelearning_steps = "10m"', "[scheduling] relearning_steps", 'not "10m"'),
    ("[scheduling]\nlearning_steps = [10]", "[scheduling] learning_steps", "10"),
    ('[scheduling]\nfuzz = "no"', "[scheduling] fuzz must be true or false", 'not "no"'),
    ("[scheduling]\nfuzz = 0", "[scheduling] fuzz must be true or false", "0"),
    ("[scheduling]\nmaximum_interval_days = -5", "[scheduling] maximum_interval_days", "-5"),
    ("[scheduling]\nmaximum_interval_days = 0", "[scheduling] maximum_interval_days", "0"),
    ("[scheduling]\ndesired_retention = nan", "[scheduling] desired_retention", "nan"),
    ('[scheduling]\ndesired_retention = "0.9"', "[scheduling] desired_retention", '"0.9"'),
    ("[scheduling]\nday_starts_at = 24", "[scheduling] day_starts_at", "24"),
    ('[keys]\n"review.again" = ["1"]', "[keys] 'review.again'", 'not ["1"]'),
    ('[keys]\n"review.again" = ""', "[keys] 'review.again'", 'not ""'),
    ('[keys]\n"review.again" = ","', "[keys] 'review.again'", 'not ","'),  # Again had no key
    ('[keys]\n"review.again" = "1,,j"', "[keys] 'review.again'", 'not "1,,j"'),
    ('[keys]\n"review.again" = "ctrl a"', "[keys] 'review.again'", 'not "ctrl a"'),  # no such
    ("limits = 3", "[limits] must be a table", ""),
]


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("REVISE_DB", str(tmp_path / "revise.db"))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)

    def write(text: str) -> Path:
        path = tmp_path / "config.toml"
        path.write_text(text + "\n", encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize(("text", "key", "value"), BAD_SETTINGS)
def test_a_bad_setting_is_one_line_naming_file_and_key(config_file, capsys, text, key, value):
    path = config_file(text)
    with pytest.raises(ReviseError) as error:
        Config.load(path)
    assert str(error.value).startswith(f"{path}: {key}")
    assert value in str(error.value)
    assert main(["--config", str(path), "decks"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"revise: {path}: {key}") and err.count("\n") == 1
    assert not (path.parent / "revise.db").exists()


def test_good_settings_are_read_with_their_types(config_file):
    config = Config.load(
        config_file(
            '[scheduling]\nfuzz = false\nlearning_steps = ["30s", "1.5h", "2d"]\n'
            "maximum_interval_days = 365\ndesired_retention = 0.85\n"
            '[limits]\nnew_per_day = 0\n[keys]\n"review.again" = "1,j"'
        )
    )
    assert config.fuzz is False
    assert config.learning_steps == (
        timedelta(seconds=30),
        timedelta(hours=1.5),
        timedelta(days=2),
    )
    assert (config.maximum_interval_days, config.desired_retention) == (365, 0.85)
    assert config.new_per_day == 0
    assert config.keymap == {"review.again": "1,j"}


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ('"review.agian" = "x"', "[keys] unknown binding id 'review.agian' (known: app.help,"),
        ('"review.again" = "1,3"', "[keys] 'review.again' takes '3', the key of 'review.good'"),
        ('"decks.quit" = "?"', "[keys] 'decks.quit' takes 'question_mark', the key of 'app.help'"),
        ('"review.again" = "F1"', "[keys] 'review.again': 'F1' is no key (write one character"),
        ('"review.again" = "1,Escape"', "[keys] 'review.again': 'Escape' is no key"),
        ('"review.again" = "shift+ctrl+a"', "[keys] 'review.again': 'shift+ctrl+a' is no key"),
        ('"review.again" = "ctrl-a"', "[keys] 'review.again': 'ctrl-a' is no key"),
        ('"review.again" = "\\u001b"', "[keys] 'review.again': '␛' is no key"),
        ('"review.again" = "ctrl+q"', "[keys] 'review.again': 'ctrl+q' always quits the app"),
    ],
)
def test_unknown_or_clashing_key_bindings_stop_the_app_in_one_line(
    config_file, capsys, keys, expected
):
    path = config_file(f"[keys]\n{keys}")
    assert main(["--config", str(path), "study"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"revise: {path}: {expected}") and err.count("\n") == 1


def test_rebinding_every_clashing_key_is_accepted():
    from revise.tui.keys import check_keymap

    check_keymap({"review.again": "3", "review.good": "1"}, "config.toml")
    check_keymap({"review.reveal": "j", "review.good": "k"}, "config.toml")


@pytest.mark.parametrize(
    "keys", ["f1", "ctrl+a", "ctrl+shift+up", "exclamation_mark", "%", "A", "f12", "é"]
)
def test_keys_as_textual_names_them_are_accepted(keys):
    from revise.tui.keys import check_keymap

    check_keymap({"review.again": keys}, "config.toml")


# config.toml files holding an ESC (raw, which TOML refuses, or written `\u001b`, which it reads)
# where each message quotes it: TOML's own errors, and every check of the settings.
ESCAPED_IN_CONFIG = [
    (
        b'database = "x\x1by"',
        "cannot read config: Illegal character '\u241b' (at line 1, column 14)",
    ),
    (b'[keys]\n"a\x1b" = "j"', "cannot read config: Illegal character '\u241b' (at line 2"),
    (b'["s\\u001b"]\n["s\\u001b"]', "cannot read config: Cannot declare 's\u241b' twice"),
    (b'["s\\u001b".t]\n["s\\u001b".t]', "cannot read config: Cannot declare 's\u241b.t' twice"),
    (b'x = {"a\\u001b" = 1, "a\\u001b" = 2}', "Duplicate inline table key 'a\u241b'"),
    (b'["sch\\u001bed"]', "unknown section(s) 'sch\u241bed' (see the README)"),
    (b'[scheduling]\n"fu\\u001bzz" = 1', "unknown setting(s) 'fu\u241bzz' (see the README)"),
    (
        b'[scheduling]\nfuzz = ["\\u001b"]',
        '[scheduling] fuzz must be true or false, not ["\\u001b"]',
    ),
    (b'[scheduling]\nfuzz = {"\\u001b" = 1}', 'fuzz must be true or false, not {"\\u001b" = 1}'),
    (b'[scheduling]\nfuzz = {"\x1b" = 1}', "cannot read config: Illegal character '\u241b'"),
    (b'[keys]\n"re\\u001bview" = "a b"', "[keys] 're\u241bview' must be keys such as"),
    (b"database = 1979-05-27", "database must be a file path or a URL such as"),
    (b"\xff = 1", "cannot read config: not UTF-8 text (byte 1); save it as UTF-8"),
]


@pytest.mark.parametrize(("text", "expected"), ESCAPED_IN_CONFIG)
def test_a_config_error_shows_the_files_text_as_every_message_does(
    config_file, capsys, text, expected
):
    """No message shows Python's repr of the file's text (`'\\x1b'`, `('a',)`, a list, a
    `datetime.date(...)`): text is quoted inert, an ESC shown as its picture."""
    path = config_file("")
    path.write_bytes(text + b"\n")
    assert main(["--config", str(path), "decks"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"revise: {path}: ") and err.count("\n") == 1, err
    assert expected in err, err
    assert "\\x" not in err and "('" not in err and "datetime" not in err, err


def test_a_config_path_that_cannot_be_read_is_named_without_pythons_quoting(tmp_path, capsys):
    folder = tmp_path / "conf\x1big.toml"
    folder.mkdir()
    assert main(["--config", str(folder), "decks"]) == 1
    err = capsys.readouterr().err
    assert err == f"revise: {tmp_path}/conf\u241big.toml: cannot read config: Is a directory\n"


def test_config_check_checks_the_key_bindings_the_other_commands_leave_to_the_app(
    config_file, capsys, tmp_path, monkeypatch
):
    path = config_file('[keys]\n"review.again" = "F1"')
    assert main(["--config", str(path), "config", "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"revise: {path}: [keys] 'review.again': 'F1' is no key")
    assert err.count("\n") == 1

    path = config_file('[keys]\n"review.again" = "f1,j"\n[scheduling]\nfuzz = false')
    assert main(["--config", str(path), "config", "check"]) == 0
    assert capsys.readouterr().out == f"{path}: no problems found, 1 key binding(s) changed\n"

    path = config_file("[scheduling]\nfuzz = 0")
    assert main(["--config", str(path), "config", "check"]) == 1
    assert "[scheduling] fuzz must be true or false, not 0" in capsys.readouterr().err

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "nowhere"))
    assert main(["config", "check"]) == 0
    default = tmp_path / "nowhere" / "revise" / "config.toml"
    assert capsys.readouterr().out == (
        f"{default}: no config file there; every setting has its default\n"
    )
    assert not default.parent.exists()


def test_a_config_path_that_never_ends_is_refused_not_read_for_ever(tmp_path, capsys):
    """`--config /dev/zero` read until memory ran out; a config file is a few lines."""
    big = tmp_path / "deck.md"
    big.write_text("chat :: cat\n" * 100_000, encoding="utf-8")
    for path in (Path("/dev/zero"), big):
        if not path.exists():
            continue
        assert main(["--config", str(path), "decks"]) == 1
        assert capsys.readouterr().err == (
            f"revise: {path}: cannot read config: larger than 1 MB, so not a config file "
            "(check the path)\n"
        )


@pytest.mark.parametrize(
    "written",
    [
        "1979-05-27",
        "1979-05-27T07:32:00Z",
        "1979-05-27 07:32:00.5",
        "1979-05-27T07:32:00-05:30",
        "07:32:00.250",
        "1e400",
        "1e3",
        "1_000_000_000",
        "0x1_000_000",
        "{x.y = 1}",
        "'single quoted'",
        '"\\u00e9t\\u00e9"',
    ],
)
def test_a_bad_value_is_quoted_as_the_file_writes_it(config_file, written):
    """A date read '1979-05-27' as if typed in quotes, '1979-05-27T07:32:00+00:00' for a
    time written with Z, 'inf' for 1e400 and {'x' = {'y' = 1}} for an inline table."""
    for text in (
        f"[limits]\nnew_per_day = {written}   # a comment",
        f"limits.new_per_day = {written}",
        f'[scheduling]\nlearning_steps = ["1m", {written}]',
    ):
        with pytest.raises(ReviseError) as error:
            Config.load(config_file(text))
        assert str(error.value).endswith(f", not {written}"), (text, str(error.value))


def test_a_value_the_file_does_not_hold_is_written_as_toml_writes_it():
    from datetime import UTC, date, datetime, time

    values = {
        "new_per_day": date(1979, 5, 27),
        "reviews_per_day": datetime(1979, 5, 27, 7, 32, tzinfo=UTC),
        "collection_new_per_day": time(7, 32, 0, 250000),
    }
    written = ["1979-05-27", "1979-05-27T07:32:00Z", "07:32:00.25"]
    for (key, value), shown in zip(values.items(), written, strict=True):
        with pytest.raises(ReviseError) as error:
            Config.from_dict({"limits": {key: value}})
        assert str(error.value).endswith(f", not {shown}")
