"""How fast this machine is right now, printed beside benchmark figures so runs compare."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def report_speed() -> None:
    """Print the time of a fixed pure-Python loop (about 0.1 s on a fast desktop core)."""
    start = time.perf_counter()
    sum(range(10_000_000))
    print(f"{'machine: sum(range(10**7))':<48} {(time.perf_counter() - start) * 1000:9.1f} ms")


def report_load() -> None:
    """Print the load average: other work on the machine slows every figure."""
    load = " ".join(f"{figure:.2f}" for figure in os.getloadavg())
    print(f"{'load average (1, 5, 15 min)':<48} {load}")


@contextmanager
def time_limit(
    step: str, limit_s: float, clean_up: Callable[[], None] | None = None
) -> Iterator[None]:
    """Run a step under a time limit: past it, say which step did not finish, run `clean_up`
    and stop the process (a step waiting inside a driver cannot be interrupted otherwise)."""

    def expired() -> None:
        name = Path(sys.argv[0]).name
        print(f"\n{name}: {step!r} did not finish within {limit_s:.0f} s; stopped", flush=True)
        if clean_up is not None:
            clean_up()
        os._exit(2)

    timer = threading.Timer(limit_s, expired)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
