"""Loaded by pytest before Django's settings (``-p tests.plugin`` in pyproject.toml).

The settings' test mode is an explicit variable, ``DJANGO_TEST_MODE`` (config/settings.py),
set here for the test process only; the servers the benchmark and cluster tests start get an
environment without ``DJANGO_*`` variables, so they run as production does.
"""

import os

os.environ["DJANGO_TEST_MODE"] = "1"
