"""Every public page type names the site's stylesheet and icon and sets nothing inline (the
Content-Security-Policy would block it); the stylesheet carries the phone, wide-screen and
print layouts; /favicon.ico leads to the icon."""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders

from tests.page_types import PAGE_TYPES as PAGES

pytestmark = pytest.mark.django_db

STYLESHEET = '<link rel="stylesheet" href="/static/css/liaison.css">'
ICON = '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">'
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_public_page_type_links_the_stylesheet_and_the_icon(client, seeded, language):
    for page_type, paths in PAGES.items():
        response = client.get(paths[language])
        assert response.status_code == (404 if page_type == "not found" else 200), page_type
        html = response.content.decode()
        for needed in (STYLESHEET, ICON, VIEWPORT):
            assert html.count(needed) == 1, (page_type, needed)
        assert not re.search(r"<style[\s>]|\sstyle=", html), page_type


def test_wide_tables_scroll_in_a_box_of_their_own_that_the_keyboard_reaches(client, seeded):
    for path in [
        "/fr/partenaires/",
        "/fr/programmes/",
        "/fr/programmes/pfp/",
        "/fr/partenaires/serbia/",
    ]:
        html = client.get(path).content.decode()
        boxes = re.findall(
            r'<div class="table-scroll" role="region" tabindex="0"'
            r' aria-labelledby="([\w-]+)">\s*<table',
            html,
        )
        assert len(boxes) == html.count("<table") >= 1, path
        assert all(f'id="{heading}"' in html for heading in boxes), path


def test_the_stylesheet_is_mobile_first_with_wide_and_print_layouts():
    css = open(finders.find("css/liaison.css"), encoding="utf-8").read()
    assert "@media (min-width: 40rem)" in css and "@media (min-width: 62rem)" in css
    assert "max-width:" not in " ".join(re.findall(r"@media[^{]*", css)), "phones come first"
    print_rules = css[css.index("@media print") :]
    assert ".site-header nav" in print_rules and "attr(data-print-href)" in print_rules
    assert "color: #000" in print_rules and "background: #fff" in print_rules


def test_favicon_ico_leads_to_an_svg_icon_for_get_and_head(client):
    for method in (client.get, client.head):
        response = method("/favicon.ico")
        assert response.status_code == 302
        assert response["Location"] == "/static/img/favicon.svg"
    icon = ElementTree.parse(finders.find("img/favicon.svg")).getroot()
    assert icon.tag == "{http://www.w3.org/2000/svg}svg"
    assert icon.get("viewBox") == "0 0 32 32"


def test_each_footnote_carries_the_permanent_address_of_its_passage_for_print(client, seeded):
    html = client.get("/fr/relations/nato-serbia/").content.decode()
    addresses = re.findall(r'data-print-href="(http://testserver/fr/passages/\d+/)"', html)
    assert len(addresses) == html.count('<li id="fn-') > 10


def test_each_footnote_gives_its_passage_s_permanent_link(client, seeded):
    html = client.get("/en/relationships/nato-serbia/").content.decode()
    links = re.findall(r'<a class="permalink" href="/en/passages/\d+/">Permanent link</a>', html)
    assert len(links) == html.count('<li id="fn-') > 10


@pytest.mark.parametrize(
    ("path", "citation"),
    [
        ("/en/relationships/nato-serbia/", "“NATO – Serbia”, Liaison, last changed "),
        ("/fr/partenaires/serbia/", "« Serbie », Liaison, dernière modification le "),
        ("/en/programmes/pfp/", "“Partnership for Peace”, Liaison, last changed "),
    ],
)
def test_a_record_page_says_how_to_cite_it(client, seeded, path, citation):
    html = client.get(path).content.decode()
    box = html[html.index('<details class="cite-this-page">') :]
    assert citation in box
    assert f"http://testserver{path}</span>" in box
