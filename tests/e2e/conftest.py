"""Browser tests: Playwright driving the Chromium of the system (Debian's ``chromium``).

No tool downloads a browser of its own: the browser is ``/usr/bin/chromium`` (or
``LIAISON_CHROMIUM``). A missing browser fails the run with the package to install, never a
silent skip. ``LIAISON_E2E_HEADED=1`` opens a visible window (with a display, e.g. under
``xvfb-run``) and slows actions down for debugging. A failing test leaves a screenshot under
``.e2e-artifacts/``.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / ".e2e-artifacts"


def chromium_path():
    configured = os.environ.get("LIAISON_CHROMIUM")
    if configured:
        return configured
    return shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="package")
def browser():
    """One browser for the browser tests, closed after them: Playwright's synchronous API
    keeps an event loop running in the test thread while it is open, and Django refuses
    database calls from a thread with a running loop unless told that this one is safe (it
    is: the loop only waits for the browser while the test's own code runs)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield from launch()


def launch():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if not Path(executable).exists():
        pytest.fail(
            f"Chromium is missing ({executable}). Install the Debian package 'chromium' "
            "(apt-get install -y chromium) or set LIAISON_CHROMIUM to a Chromium binary; "
            "`make test` installs it when it may.",
            pytrace=False,
        )
    headed = os.environ.get("LIAISON_E2E_HEADED") == "1"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=not headed,
            slow_mo=250 if headed else 0,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture(params=[390, 1280], ids=lambda width: f"{width}px")
def sized_page(browser, request):
    """A page at a phone's width (390 px) and at a desktop's (1,280 px)."""
    context = browser.new_context(locale="fr-FR", viewport={"width": request.param, "height": 844})
    yield context.new_page()
    context.close()


@pytest.fixture
def site(transactional_db, live_server, seed_snapshot):
    """The live site with the seed corpus, as a visitor's browser reaches it (its rows put
    back and committed: the live server reads them from another thread)."""
    from django.db import transaction

    from tests import snapshot

    with transaction.atomic():
        snapshot.put_back(seed_snapshot[1])
    return live_server.url
