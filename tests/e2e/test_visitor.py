"""What a visitor does with a real browser: read a relationship, change language, follow a
footnote to the passage that supports the statement."""

import re

from playwright.sync_api import expect

PFP_ACCESSION_FR = "La Serbie adhère au Partenariat pour la paix"


def test_a_visitor_reads_nato_serbia_in_french_then_in_english_on_the_same_page(site, page):
    page.goto(f"{site}/fr/relations/nato-serbia/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("li.event h3", has_text=PFP_ACCESSION_FR)).to_be_visible()

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="EN").click()

    expect(page).to_have_url(f"{site}/en/relationships/nato-serbia/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()


def test_a_footnote_leads_to_the_highlighted_passage_in_its_document(site, page):
    page.goto(f"{site}/fr/relations/nato-serbia/")
    event = page.locator("li.event", has_text=PFP_ACCESSION_FR)
    event.locator("sup.footnote-ref a").first.click()

    footnote = page.locator(".footnotes li:target")
    expect(footnote).to_be_visible()
    quote = footnote.locator("blockquote").inner_text().strip("« »")
    footnote.locator("p.source a").first.click()

    expect(page).to_have_url(re.compile(r"/fr/documents/[\w-]+/versions/\d+/#cite-\d+$"))
    first_piece = page.locator(".passage-start:has(.cite-anchor:target) + mark.passage")
    expect(first_piece).to_be_in_viewport()
    pieces = page.locator("mark.passage.is-target")
    assert "".join(pieces.all_inner_texts()) == quote
    background = "element => getComputedStyle(element).backgroundColor"
    highlighted = {piece.evaluate(background) for piece in pieces.all()}
    plain = page.locator("mark.passage:not(.is-target)").first.evaluate(background)
    assert len(highlighted) == 1 and plain not in highlighted


def test_footnotes_can_be_followed_with_the_keyboard(site, page):
    page.goto(f"{site}/fr/relations/nato-serbia/")
    first_reference = page.locator("sup.footnote-ref a").first
    first_reference.focus()
    outline = first_reference.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline not in ("", "none"), "the focused footnote reference shows no focus ring"

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#fn-1$"))
    back = page.locator(".footnotes li:target a.back")
    back.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#ref-1$"))


def test_a_visitor_searches_belarus_with_its_french_accents_from_the_header(site, page):
    page.goto(f"{site}/fr/")
    page.get_by_role("search").get_by_role("searchbox").fill("Biélorussie")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/fr/recherche/\?q=Bi%C3%A9lorussie$"))
    expect(page.get_by_role("heading", name="Partenaires")).to_be_visible()
    first_partner = page.locator(".search-results").first.locator("li").first
    expect(first_partner.get_by_role("link")).to_have_text("Bélarus")
    expect(page.locator(".search-results mark").first).to_be_visible()
