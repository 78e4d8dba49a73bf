"""What a visitor does with a real browser: read a relationship, change language, follow a
footnote to the passage that supports the statement."""

import re

from playwright.sync_api import expect

from documents.anchoring import normalise_quote

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
    # The document is shown as published (« », ’, no-break spaces); the quote normalised.
    assert normalise_quote("".join(pieces.all_inner_texts())) == normalise_quote(quote)
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


def test_a_footnote_previews_its_passage_on_hover_and_on_focus(site, page):
    page.goto(f"{site}/fr/relations/nato-serbia/")
    reference = page.locator("li.event sup.footnote-ref a").first
    number = reference.inner_text()
    quote = page.locator(f"#fn-{number} blockquote").inner_text()
    reference.hover()
    preview = page.get_by_role("tooltip")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text(quote.strip("« »")[:40])
    assert reference.get_attribute("aria-describedby") == "footnote-preview"
    page.keyboard.press("Escape")
    expect(preview).to_have_count(0)
    reference.focus()
    expect(page.get_by_role("tooltip")).to_be_visible()
    assert page.evaluate("window.scrollY") < 2000  # shown where the statement is, no jump
    page.keyboard.press("Tab")
    expect(page.get_by_role("tooltip")).to_have_count(0)


def test_one_note_per_passage_leads_back_to_each_statement(site, page):
    page.goto(f"{site}/fr/relations/nato-serbia/")
    notes = page.locator(".footnotes li")
    quotes = [text.strip() for text in notes.locator("blockquote").all_inner_texts()]
    sources = page.locator(".footnotes li").evaluate_all(
        "notes => notes.map(n => n.querySelector('.source a').getAttribute('href'))"
    )
    assert len(set(sources)) == len(sources), "a passage has two notes"
    assert len(quotes) >= 10
    counts = notes.evaluate_all("notes => notes.map(n => n.querySelectorAll('a.back').length)")
    shared = notes.nth(next(i for i, count in enumerate(counts) if count >= 2))
    second = shared.locator("a.back").nth(1)
    target = second.get_attribute("href")
    second.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(page.locator(f"sup.footnote-ref a{target}")).to_be_visible()
