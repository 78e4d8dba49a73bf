"""Production settings: a secret key that is set and strong, and nothing for
`manage.py check --deploy` to report."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.checks import WARNING, run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from config.secret_key import DEVELOPMENT_SECRET_KEY, production_secret_key

STRONG_KEY = "k7Qw-9zLx2Vb_R4mN8pT1sYc6HdJ0gFuEaWoXiZq3lKvB5nMj-8rT2"

# The settings a production process would have, read in a fresh interpreter (the test suite
# relaxes a few of them, see TEST_MODE in config/settings.py).
PRODUCTION_SETTINGS_SCRIPT = """
import json, django
from django.conf import settings
django.setup()
names = [name for name in dir(settings) if name.isupper()]
values = {}
for name in names:
    try:
        values[name] = json.loads(json.dumps(getattr(settings, name)))
    except TypeError:
        pass
print(json.dumps(values))
"""


def run_settings(script, **environment):
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="0", **environment)
    return subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )


@pytest.fixture(scope="module")
def production_settings():
    result = run_settings(PRODUCTION_SETTINGS_SCRIPT, DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_start_refuses_a_missing_secret_key():
    result = run_settings("import django; django.setup()")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in result.stderr


def test_a_management_command_says_why_it_cannot_start_without_a_secret_key():
    environment = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("Liaison cannot start: DJANGO_SECRET_KEY is not set")
    assert "Traceback" not in result.stderr


def test_the_migrations_check_runs_without_a_secret_key():
    """It writes (here: checks) source files only, and CI checkers run it in a bare shell."""
    environment = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_a_missing_key_is_refused_with_debug_off():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY is not set"):
        production_secret_key("", debug=False)


def test_debug_mode_falls_back_to_the_development_key():
    assert production_secret_key("", debug=True) == DEVELOPMENT_SECRET_KEY


@pytest.mark.parametrize(
    "key",
    [DEVELOPMENT_SECRET_KEY, "django-insecure-" + STRONG_KEY],
    ids=["development key", "startproject key"],
)
def test_a_publicly_known_key_is_refused_in_production(key):
    with pytest.raises(ImproperlyConfigured, match="publicly known"):
        production_secret_key(key, debug=False)


@pytest.mark.parametrize("key", ["short-but-varied-1234", "a" * 80], ids=["short", "monotonous"])
def test_a_weak_key_is_refused_in_production(key):
    with pytest.raises(ImproperlyConfigured, match="too weak"):
        production_secret_key(key, debug=False)


def test_a_long_random_key_is_accepted_in_production():
    assert production_secret_key(f"  {STRONG_KEY}\n", debug=False) == STRONG_KEY


def test_the_test_suite_may_use_a_throw_away_key():
    assert production_secret_key("x", debug=False, weak_allowed=True) == "x"


def test_test_mode_is_only_what_its_variable_says():
    # Not guessed from the modules loaded: a process that imports pytest is still production.
    script = "import pytest, django; django.setup(); from django.conf import settings; "
    script += "print(settings.TEST_MODE, settings.SECURE_SSL_REDIRECT)"
    production = run_settings(script, DJANGO_SECRET_KEY=STRONG_KEY)
    assert production.stdout.split() == ["False", "True"], production.stderr
    testing = run_settings(script, DJANGO_SECRET_KEY="tests-only", DJANGO_TEST_MODE="1")
    assert testing.stdout.split() == ["True", "False"], testing.stderr


def test_production_redirects_to_https_behind_the_proxy(production_settings):
    assert production_settings["SECURE_SSL_REDIRECT"] is True
    assert production_settings["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_cookies_are_secure(production_settings):
    assert production_settings["SESSION_COOKIE_SECURE"] is True
    assert production_settings["CSRF_COOKIE_SECURE"] is True


def test_production_serves_hashed_static_files(production_settings):
    backend = production_settings["STORAGES"]["staticfiles"]["BACKEND"]
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_hsts_lasts_a_year_unless_told_otherwise(production_settings):
    assert production_settings["SECURE_HSTS_SECONDS"] == 31536000


@pytest.mark.django_db
def test_check_deploy_reports_nothing_under_production_settings(production_settings):
    security = {
        name: value
        for name, value in production_settings.items()
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_"))
        or name in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "X_FRAME_OPTIONS", "MIDDLEWARE"}
    }
    if security.get("SECURE_PROXY_SSL_HEADER"):
        security["SECURE_PROXY_SSL_HEADER"] = tuple(security["SECURE_PROXY_SSL_HEADER"])
    with override_settings(**security):
        problems = run_checks(include_deployment_checks=True)
    assert [str(problem) for problem in problems if problem.level >= WARNING] == []
