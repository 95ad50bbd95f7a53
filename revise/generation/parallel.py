"""Work done on a second core: a copy of this process (forked, so it holds the document as read)
works out one part of a long document while this process works out the rest, and hands its
result back pickled. Where no copy can be made safely (no second core, no fork, other threads
running, whose locks the copy could inherit held), nothing runs elsewhere and the caller does the
work itself, as it does where the copy fails.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """A copy of this process may work beside it: Linux, a second core free to this process, and
    no thread but this one."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2 and threading.active_count() == 1


class Forked(Generic[T]):
    """`work()` run in a copy of this process from the moment this is made; `result()` waits for
    what it returned, or gives None where the copy failed. Used as a context manager, so the copy
    is ended however the caller leaves."""

    def __init__(self, work: Callable[[], T]) -> None:
        read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the copy: work, hand the result back, and end without cleaning up
            os.close(read)
            code = 1
            try:
                with os.fdopen(write, "wb") as pipe:
                    pickle.dump(work(), pipe, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pipe = os.fdopen(read, "rb")
        self._done = False
        self._result: T | None = None

    def result(self) -> T | None:
        if not self._done:
            self._done = True
            try:
                data = self._pipe.read()
            finally:
                self._pipe.close()
            _, status = os.waitpid(self._pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and data:
                self._result = pickle.loads(data)
        return self._result

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *_: object) -> None:
        if not self._done:  # left before the result was wanted: the copy's work is not
            self._done = True
            self._pipe.close()
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)


class ReadSet(set[str]):
    """A set that notes, for each key looked up in it that it was not given since it was made,
    whether it held the key: work that reads and adds to it did the same as it would have done on
    another set that holds the same of those keys."""

    def __init__(
        self,
        keys: Iterable[str] = (),
        reads: dict[str, bool] | None = None,
        added: set[str] | None = None,
    ) -> None:
        super().__init__(keys)
        self.reads: dict[str, bool] = {} if reads is None else reads
        self.added: set[str] = set() if added is None else added

    def __contains__(self, key: object) -> bool:
        held = super().__contains__(key)
        if isinstance(key, str) and key not in self.added:
            self.reads.setdefault(key, held)
        return held

    def add(self, key: str) -> None:
        self.added.add(key)
        super().add(key)

    def copy(self) -> ReadSet:
        """A copy whose reads are noted with this set's, and whose additions are its own."""
        return ReadSet(self, self.reads, set(self.added))
