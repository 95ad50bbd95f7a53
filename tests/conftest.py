import os

from hypothesis import settings

pytest_plugins = ["tests.core_fixtures"]

# Property tests draw the same examples on every run, so a test run (and CI) cannot pass or fail
# by luck. `HYPOTHESIS_PROFILE=explore python -m pytest` draws fresh random examples instead.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
