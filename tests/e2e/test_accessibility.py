"""axe-core (shipped by axe-playwright-python) on every public page type in both languages,
at a phone's width and a desktop's: no violation of any impact (minor and moderate ones
included)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.page_types import PAGE_TYPES


def violations_on(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_public_page_type_has_an_accessibility_violation(site, sized_page, language):
    page = sized_page
    found = {}
    for page_type, paths in PAGE_TYPES.items():
        response = page.goto(site + paths[language])
        expected_status = 404 if page_type == "not found" else 200
        assert response.status == expected_status, page_type
        violations = violations_on(page)
        if violations:
            found[page_type] = violations
    assert not found, found
