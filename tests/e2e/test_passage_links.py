"""A visitor with an old passage link, after a new version of the document was imported:
the permanent address leads to the passage, or to a page that says what became of it; the
old version's ``#cite-N`` address lands on the passage as it was cited, with its fate."""

import re

import pytest
from playwright.sync_api import expect

from documents.models import Citation, DocumentVersion
from tests.e2e.test_accessibility import violations_on
from tests.new_versions import import_and_publish

DOCUMENT = "nato-relations-serbia"


@pytest.fixture
def new_version(site):
    """Version 2 of the NATO–Serbia page, without the last cited passage; the citations
    version 1 showed, the first of them (kept) and the last (orphaned)."""
    first = DocumentVersion.objects.get(document__slug=DOCUMENT, is_current=True)
    shown = list(Citation.objects.public().filter(version=first).order_by("start"))
    kept, gone = shown[0], shown[-1]
    assert kept.end + 200 < gone.start
    text = first.text[: gone.start] + "[…]" + first.text[gone.end :]
    import_and_publish(first.document, text + "\nUne phrase ajoutée dans la version 2.")
    return kept, gone


def test_old_passage_links_still_answer_after_a_new_version(site, page, new_version):
    kept, gone = new_version

    page.goto(f"{site}/fr/passages/{kept.pk}/")
    expect(page).to_have_url(f"{site}/fr/documents/{DOCUMENT}/versions/2/#cite-{kept.pk}")
    expect(page.locator(".cite-anchor:target")).to_be_in_viewport()

    page.goto(f"{site}/fr/passages/{gone.pk}/")
    expect(page.locator(".notice")).to_contain_text("Orpheline depuis la version 2")
    expect(page.locator("blockquote mark.passage")).to_have_text(gone.quote)
    assert violations_on(page) == []

    page.goto(f"{site}/en/documents/{DOCUMENT}/versions/1/#cite-{gone.pk}")
    expect(page.locator(".notice").first).to_contain_text(
        "This is version 1; the current version is version 2."
    )
    anchor = page.locator(".cite-anchor:target")
    expect(anchor).to_be_in_viewport()
    expect(anchor).to_contain_text("Orphaned by version 2")
    pieces = page.locator("mark.passage.is-target")
    assert "".join(pieces.all_inner_texts()) == gone.quote
    assert violations_on(page) == []

    page.goto(f"{site}/en/documents/{DOCUMENT}/versions/1/#cite-{kept.pk}")
    anchor = page.locator(".cite-anchor:target")
    expect(anchor).to_contain_text("This passage is now cited from version 2")
    anchor.get_by_role("link", name="version 2").click()
    expect(page).to_have_url(re.compile(rf"/en/documents/{DOCUMENT}/versions/2/#cite-{kept.pk}$"))
    expect(page.locator(".cite-anchor:target")).to_be_in_viewport()
