import re

import pytest
from django.contrib.staticfiles import finders
from django.db import DatabaseError

from tests.sitemaps import all_sitemaps, sitemap_files

pytestmark = pytest.mark.django_db


def test_the_root_redirects_by_accept_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR").url == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").url == "/fr/"


def test_healthz_reports_the_database_and_the_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_says_when_the_database_is_down(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_the_sitemap_lists_public_pages_in_both_languages_with_alternates(client, seeded):
    assert "/sitemap-relationships.xml" in sitemap_files(client)
    xml = all_sitemaps(client)
    assert "http://testserver/fr/relations/nato-serbia/" in xml
    assert "http://testserver/en/relationships/nato-serbia/" in xml
    assert 'hreflang="en" href="http://testserver/en/relationships/nato-serbia/"' in xml
    assert 'hreflang="x-default"' in xml


def test_the_sitemap_leaves_out_unsupported_records(client, seeded):
    from documents.models import Citation
    from partners.models import Relationship

    relationship = Relationship.objects.get(slug="nato-un")
    Citation.objects.for_claim(relationship).update(status=Citation.Status.ORPHANED)
    xml = all_sitemaps(client)
    assert "/relationships/nato-un/" not in xml
    assert "/relationships/nato-serbia/" in xml


def test_a_kind_of_page_past_the_limit_is_split_into_files(client, seeded, monkeypatch):
    from web.sitemaps import PublicSitemap

    monkeypatch.setattr(PublicSitemap, "limit", 10)  # URLs a file, each language counted
    files = sitemap_files(client)
    partner_files = [path for path in files if path.startswith("/sitemap-partners.xml")]
    assert len(partner_files) > 1
    assert "/sitemap-partners.xml?p=2" in partner_files
    pages = [client.get(path).content.decode() for path in partner_files]
    assert all(page.count("<url>") <= 10 for page in pages)
    listed = [url for page in pages for url in re.findall(r"<loc>([^<]+)</loc>", page)]
    assert len(listed) == len(set(listed))  # no page listed twice


@pytest.mark.parametrize(
    ("language", "text"), [("fr", "Page introuvable"), ("en", "Page not found")]
)
def test_the_404_page_helps_in_both_languages(client, language, text):
    response = client.get(f"/{language}/nulle-part/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_the_500_page_is_bilingual():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Erreur du serveur" in html and "Server error" in html


def test_a_sitemap_file_runs_the_same_queries_whatever_the_number_of_pages(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import CitationFactory, DocumentVersionFactory, PartnerFactory

    version = DocumentVersionFactory()

    def queries_for(partners):
        for _ in range(partners):
            CitationFactory(claim=PartnerFactory(), version=version)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/sitemap-partners.xml")
        assert response.status_code == 200
        return len(queries), response.content.decode().count("<url>")

    client.get("/sitemap-partners.xml")  # content types cached
    few, few_urls = queries_for(3)
    many, many_urls = queries_for(30)
    assert many_urls > few_urls
    assert many == few == 3  # the content generation, the partners, their aliases


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/en/relationships/",
        "/robots.txt",
        "/healthz",
        "/sitemap.xml",
        "/api/v1/partners/",
        "/api/v1/export/records.json",
        "/api/v1/export/records.csv",
        "/api/v1/export/graph.graphml",
    ],
)
def test_head_is_answered_wherever_get_is_with_the_same_headers(client, path):
    get, head = client.get(path), client.head(path)
    assert (get.status_code, head.status_code) == (200, 200)
    assert head["Content-Type"] == get["Content-Type"]
    assert head.get("Content-Disposition") == get.get("Content-Disposition")
    assert head.content == b""


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(client, admin_client):
    icon = '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">'
    assert icon in client.get("/fr/").content.decode()
    assert icon in admin_client.get("/admin/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response.url == "/static/img/favicon.svg"
    assert finders.find("img/favicon.svg")
