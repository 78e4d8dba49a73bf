"""Every public page type at a phone's width (390 px) and a desktop's (1,280 px): the page
never scrolls sideways, the header's links all show, every link and button is a 24 × 24 px
target (or spaced as WCAG 2.2's exception allows), the timeline's labels stay readable; a
footnote lands on its passage with room above it and a way back; print drops the navigation."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.page_types import PAGE_TYPES as PAGES

MIN_TARGET = 24
MIN_LABEL_PX = 11
SCREENSHOTS = ARTIFACTS / "layout"

MEASURE = (Path(__file__).parent / "measure_layout.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_public_page_type_fits_the_screen_with_targets_a_finger_can_hit(
    site, sized_page, language
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found, timeline_labels = {}, []
    for page_type, paths in PAGES.items():
        response = sized_page.goto(site + paths[language])
        assert response.status == (404 if page_type == "not found" else 200), page_type
        result = sized_page.evaluate(MEASURE, True)
        width = sized_page.viewport_size["width"]
        name = f"{width}px-{language}-{page_type.replace(' ', '-')}.png"
        sized_page.screenshot(path=str(SCREENSHOTS / name))  # the first screen, to look at
        assert result["targets"] > 0, page_type
        if result["problems"]:
            found[page_type] = result["problems"][:8]
        if page_type == "relationship":
            timeline_labels = result["labels"]
    assert not found, found
    assert timeline_labels, "the relationship page shows no timeline labels"
    assert min(timeline_labels) >= MIN_LABEL_PX, timeline_labels


def test_a_footnote_lands_below_the_top_edge_set_apart_with_a_way_back(site, sized_page):
    page = sized_page
    page.goto(f"{site}/fr/relations/nato-serbia/")
    reference = page.locator("li.event sup.footnote-ref a").first
    reference.click()
    footnote = page.locator(".footnotes li:target")
    expect(footnote).to_be_in_viewport()
    assert footnote.evaluate("element => element.getBoundingClientRect().top") >= 32
    footnote.locator("p.source a").first.click()

    expect(page).to_have_url(re.compile(r"/fr/documents/[\w-]+/versions/\d+/#cite-\d+$"))
    anchor = page.locator(".cite-anchor:target")
    expect(anchor).to_be_in_viewport()
    margin = anchor.evaluate("element => parseFloat(getComputedStyle(element).scrollMarginTop)")
    assert margin >= 48
    assert anchor.evaluate("element => element.getBoundingClientRect().top") >= 48

    style = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).outlineStyle]"
    first_piece = page.locator(".passage-start:has(.cite-anchor:target) + mark.passage")
    expect(first_piece).to_be_in_viewport()
    target_background, target_outline = first_piece.evaluate(style)
    others = {
        tuple(piece.evaluate(style))
        for piece in page.locator("mark.passage:not(.is-target)").all()[:20]
    }
    assert target_outline != "none"
    assert all(
        background != target_background and outline == "none" for background, outline in others
    )

    back = anchor.get_by_role("link")
    expect(back).to_be_visible()
    expect(back).to_have_text(re.compile(r"^↩ Retour à l’affirmation : "))
    assert page.locator(".cite-anchor:not(:target) a.to-claim:visible").count() == 0
    back.click()
    expect(page).to_have_url(re.compile(r"/fr/relations/nato-serbia/#event-\d+$"))
    expect(page.locator("li.event:target")).to_be_in_viewport()


LANDING = """id => {
    location.hash = id;
    const rect = document.getElementById(id).getBoundingClientRect();
    return [rect.top, rect.bottom, window.innerHeight];
}"""


def landings(page, selector):
    """Where each element ``selector`` finds lands when the address names it."""
    ids = page.eval_on_selector_all(selector, "elements => elements.map(e => e.id)")
    assert ids
    return {id_: page.evaluate(LANDING, id_) for id_ in ids}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_footnote_and_every_passage_lands_in_view_below_the_top_edge(
    site, sized_page, language
):
    page = sized_page
    page.goto(site + PAGES["relationship"][language])
    wrong = {
        id_: place
        for id_, place in landings(page, ".footnotes li[id]").items()
        if not (32 <= place[0] and place[1] <= place[2] + 1)
    }
    page.goto(site + PAGES["document"][language])
    wrong |= {
        id_: place
        for id_, place in landings(page, ".cite-anchor[id]").items()
        if not (48 <= place[0] < place[2])
    }
    assert wrong == {}


def test_a_printed_page_has_no_navigation_and_shows_where_each_footnote_leads(site, page):
    page.goto(f"{site}/fr/relations/nato-serbia/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Principale")).to_be_hidden()
    expect(page.get_by_role("search")).to_be_hidden()
    source = page.locator(".footnotes p.source a").first
    printed = source.evaluate("element => getComputedStyle(element, '::after').content")
    assert re.search(rf"{re.escape(site)}/fr/passages/\d+/", printed)
    colours = page.locator("body").evaluate(
        "body => [getComputedStyle(body).color,"
        " getComputedStyle(document.documentElement).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    mark = page.goto(f"{site}/fr/documents/nato-relations-serbia/")
    assert mark.status == 200
    page.emulate_media(media="print")
    background = page.locator("mark.passage").first.evaluate(
        "element => getComputedStyle(element).backgroundColor"
    )
    assert background == "rgba(0, 0, 0, 0)"


def test_the_browser_gets_the_icon_at_favicon_ico(site, page):
    response = page.request.get(f"{site}/favicon.ico")
    assert response.status == 200
    assert response.url == f"{site}/static/img/favicon.svg"
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.text().startswith("<svg")
