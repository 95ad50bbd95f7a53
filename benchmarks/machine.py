"""How fast this machine is right now, printed beside benchmark figures so runs compare."""

from __future__ import annotations

import time


def report_speed() -> None:
    """Print the time of a fixed pure-Python loop (about 0.1 s on a fast desktop core)."""
    start = time.perf_counter()
    sum(range(10_000_000))
    print(f"{'machine: sum(range(10**7))':<48} {(time.perf_counter() - start) * 1000:9.1f} ms")
