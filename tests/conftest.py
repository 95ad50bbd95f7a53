import importlib.util
import os
import sys
from pathlib import Path

from hypothesis import settings


def _use_this_checkouts_packages() -> None:
    """Tests run the migrations and bundled decks of the checkout they are in, even when the
    editable install maps `revise._migrations` and `revise._decks` to another checkout (a git
    worktree of the same repository) or to none."""
    root = Path(__file__).resolve().parent.parent
    for name, folder in (
        ("revise._migrations", root / "migrations"),
        ("revise._decks", root / "decks"),
    ):
        spec = importlib.util.spec_from_file_location(
            name, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)


_use_this_checkouts_packages()

pytest_plugins = ["tests.core_fixtures"]

# Property tests draw the same examples on every run, so a test run (and CI) cannot pass or fail
# by luck. `HYPOTHESIS_PROFILE=explore python -m pytest` draws fresh random examples instead.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
