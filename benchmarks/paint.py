"""Time from starting a command in a tmux pane to a given text being painted in that pane.

Each run starts the command in a new tmux window of a private tmux server (the same 100x30 for
every command), with the pane's output piped to us (`tmux pipe-pane`) before the command starts.
The clock starts when the pane is told to go and stops when the text has been written to the
terminal, control sequences taken out. Every wait has a timeout that names the step.
"""

from __future__ import annotations

import os
import re
import select
import shlex
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

STEP_TIMEOUT_S = 30.0
# Control sequences (CSI, OSC, other ESC sequences) and the characters Textual draws borders with
# are taken out of the stream before looking for the text; spaces too (a repaint may skip them).
_CONTROL = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def kept_file_in(folder: Path) -> bool:
    """Whether the app has kept a file in this cache folder (`XDG_CACHE_HOME`): a file renamed
    into place, not a hidden one being written."""
    return any(path.is_file() and not path.name.startswith(".") for path in folder.rglob("*"))


class StepTimeout(RuntimeError):
    """A step did not finish in time; the message names it."""


def _compact(text: str) -> bytes:
    return re.sub(rb"\s+", b"", text.encode())


class TmuxPanes:
    """A private tmux server on which commands are started and their first paint timed."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.size = (width, height)
        self.folder = Path(tempfile.mkdtemp(prefix="revise-paint-"))
        self.socket = str(self.folder / "tmux.sock")
        # A session that lives as long as we do keeps the server started once.
        self._tmux("new-session", "-d", "-s", "keep", "-x", str(width), "-y", str(height), "cat")
        self._runs = 0

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT_S,
        )
        if done.returncode:
            raise RuntimeError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def time_to_text(
        self,
        command: Sequence[str],
        text: str,
        *,
        cwd: Path,
        env: dict[str, str] | None = None,
        then_until: Callable[[], bool] | None = None,
    ) -> float:
        """Seconds from the go signal to `text` painted by `command` (then the pane is killed, or
        first, with `then_until`, left running until that says it is done)."""
        self._runs += 1
        go = self.folder / f"go-{self._runs}"
        out = self.folder / f"out-{self._runs}"
        os.mkfifo(go)
        os.mkfifo(out)
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        shell = (
            f"cd {shlex.quote(str(cwd))} && read _ < {shlex.quote(str(go))} && "
            f"exec env {exports} {shlex.join(command)}"
        )
        name = f"run{self._runs}"
        width, height = self.size
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), "sh", "-c", shell
        )
        try:
            self._tmux("pipe-pane", "-O", "-t", name, f"cat > {shlex.quote(str(out))}")
            reader = self._open_pipe(out, name)
            try:
                wanted = _compact(text)
                with open(go, "w") as signal:  # the pane's `read` returns: the command starts
                    started = time.perf_counter()
                    signal.write("go\n")
                painted = self._wait_for(reader, wanted, started, name)
                if then_until is not None:
                    self._wait_until(then_until, name)
                return painted - started
            finally:
                os.close(reader)
        finally:
            self._tmux("kill-session", "-t", name)
            go.unlink(missing_ok=True)
            out.unlink(missing_ok=True)

    def _open_pipe(self, out: Path, name: str) -> int:
        deadline = time.monotonic() + STEP_TIMEOUT_S
        while True:  # pipe-pane starts its `cat` in the background: wait for it to open
            try:
                return os.open(out, os.O_RDONLY | os.O_NONBLOCK)
            except OSError:
                if time.monotonic() > deadline:
                    raise StepTimeout(f"{name}: tmux never started piping the pane") from None
                time.sleep(0.001)

    def _wait_until(self, done: Callable[[], bool], name: str) -> None:
        deadline = time.monotonic() + STEP_TIMEOUT_S
        while not done():
            if time.monotonic() > deadline:
                raise StepTimeout(f"{name}: still not done {STEP_TIMEOUT_S:.0f} s after painting")
            time.sleep(0.01)

    def _wait_for(self, reader: int, wanted: bytes, started: float, name: str) -> float:
        seen = b""
        deadline = started + STEP_TIMEOUT_S
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                tail = _CONTROL.sub(b"", seen)[-300:].decode(errors="replace")
                raise StepTimeout(
                    f"{name}: {wanted.decode()!r} was not painted within {STEP_TIMEOUT_S:.0f} s "
                    f"(last output: {tail!r})"
                )
            ready, _, _ = select.select([reader], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(reader, 1 << 16)
            except BlockingIOError:
                continue
            now = time.perf_counter()
            if chunk:
                seen += chunk
                if wanted in re.sub(rb"\s+", b"", _CONTROL.sub(b"", seen)):
                    return now
            else:
                time.sleep(0.001)  # no writer yet: the `cat` of pipe-pane has not opened it

    def close(self) -> None:
        subprocess.run(
            ["tmux", "-S", self.socket, "kill-server"], capture_output=True, timeout=STEP_TIMEOUT_S
        )
        for leftover in self.folder.iterdir():
            leftover.unlink(missing_ok=True)
        self.folder.rmdir()

    def __enter__(self) -> TmuxPanes:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static


class Minimal(App):
    def compose(self):
        yield Static("MARKER")


Minimal().run()
"""


def minimal_app_command(marker: str) -> list[str]:
    """A Python command running a minimal Textual app that paints one Static saying `marker`."""
    import sys

    return [sys.executable, "-c", MINIMAL_APP.replace("MARKER", marker)]
