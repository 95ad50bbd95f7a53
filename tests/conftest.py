import importlib.util
import os
import sys
from pathlib import Path

from hypothesis import settings


def _use_this_checkouts_migrations() -> None:
    """Tests run the migrations of the checkout they are in, even when the editable install
    maps `revise._migrations` to another checkout (a git worktree of the same repository)."""
    folder = Path(__file__).resolve().parent.parent / "migrations"
    spec = importlib.util.spec_from_file_location(
        "revise._migrations", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["revise._migrations"] = module
    spec.loader.exec_module(module)


_use_this_checkouts_migrations()

pytest_plugins = ["tests.core_fixtures"]

# Property tests draw the same examples on every run, so a test run (and CI) cannot pass or fail
# by luck. `HYPOTHESIS_PROFILE=explore python -m pytest` draws fresh random examples instead.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
