"""axe-core (shipped by axe-playwright-python) on every public page type in both languages:
no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.page_types import PAGE_TYPES

BLOCKING = {"serious", "critical"}


def blocking_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_public_page_type_has_a_serious_or_critical_accessibility_violation(
    site, page, language
):
    found = {}
    for page_type, paths in PAGE_TYPES.items():
        response = page.goto(site + paths[language])
        expected_status = 404 if page_type == "not found" else 200
        assert response.status == expected_status, page_type
        violations = blocking_violations(page)
        if violations:
            found[page_type] = violations
    assert not found, found
