"""Security headers on every answer, and pages that work under the Content-Security-Policy:
no inline script or style the policy would block, and every script and style they name is
served."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from documents.models import Citation, SourceDocument
from partners.models import Partner

pytestmark = pytest.mark.django_db


class Resources(HTMLParser):
    """What a page asks the browser to run or apply, and what it sets inline."""

    def __init__(self):
        super().__init__()
        self.inline_scripts, self.inline_styles, self.style_attributes = [], [], []
        self.scripts, self.stylesheets = [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes.append((tag, attrs["style"]))
        if tag == "script":
            if attrs.get("src"):
                self.scripts.append(attrs["src"])
            elif attrs.get("type", "text/javascript") in {"text/javascript", "module"}:
                self._in = ("script", attrs.get("nonce"))
        elif tag == "style":
            self._in = ("style", attrs.get("nonce"))
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])

    def handle_data(self, data):
        if self._in and data.strip():
            kind, nonce = self._in
            (self.inline_scripts if kind == "script" else self.inline_styles).append(nonce)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._in = None


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def allowed_by_nonce(response, nonces, directive):
    sources = policy(response).get(directive, [])
    return all(nonce and f"'nonce-{nonce}'" in sources for nonce in nonces)


def assert_works_under_the_policy(client, response):
    assert response.status_code == 200
    page = Resources()
    page.feed(response.content.decode())
    assert page.style_attributes == []
    assert allowed_by_nonce(response, page.inline_scripts, "script-src")
    assert allowed_by_nonce(response, page.inline_styles, "style-src")
    for url in page.scripts + page.stylesheets:
        assert_served(client, url)


def assert_served(client, url):
    parts = urlsplit(url)
    assert not parts.netloc, f"{url} is not on our own origin"
    static_prefix = "/static/"
    if parts.path.startswith(static_prefix):
        assert finders.find(parts.path.removeprefix(static_prefix)), f"{url} is not served"
    else:
        assert client.get(url).status_code == 200, f"{url} is not served"


def test_pages_forbid_inline_scripts_and_styles(client):
    directives = policy(client.get("/en/"))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in str(directives)


def test_pages_may_not_be_framed(client):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert policy(response)["frame-ancestors"] == ["'none'"]


def test_pages_state_referrer_content_type_and_permissions_policies(client):
    response = client.get("/en/")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_api_answers_carry_the_same_headers(client):
    response = client.get("/api/v1/partners/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response
    assert "Content-Security-Policy" in response


def test_each_answer_names_its_request_id(client):
    assert len(client.get("/healthz")["X-Request-ID"]) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"


def test_a_hostile_request_id_is_replaced(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def test_public_pages_work_under_the_policy(client, seeded):
    for url in ["/en/", "/fr/relations/nato-serbia/", "/en/documents/nato-relations-serbia/"]:
        assert_works_under_the_policy(client, client.get(url))


def test_admin_login_works_under_the_policy(client):
    assert_works_under_the_policy(client, client.get("/admin/login/"))


def test_admin_lists_and_forms_work_under_the_policy(admin_client, seeded):
    partner = Partner.objects.get(slug="serbia")
    for url in [
        reverse("admin:index"),
        reverse("admin:partners_partner_changelist"),
        reverse("admin:partners_partner_change", args=[partner.pk]),
        reverse("admin:partners_partner_add"),
        reverse("admin:documents_sourcedocument_change", args=[SourceDocument.objects.first().pk]),
        reverse("admin:documents_citation_change", args=[Citation.objects.first().pk]),
    ]:
        assert_works_under_the_policy(admin_client, admin_client.get(url))


def test_admin_curation_pages_work_under_the_policy(admin_client, seeded):
    for url in [
        reverse("admin:documents_sourcedocument_import"),
        reverse("admin:documents_citationforreview_changelist"),
        reverse("admin:suggestions_suggestion_changelist"),
    ]:
        assert_works_under_the_policy(admin_client, admin_client.get(url))


def test_swagger_docs_work_under_the_policy(client):
    response = client.get("/api/v1/docs/")
    assert_works_under_the_policy(client, response)


def test_swagger_docs_load_their_settings_from_a_script_of_our_own(client):
    response = client.get("/api/v1/docs/?script=")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in response.content.decode()


def test_redoc_works_under_the_policy(client):
    response = client.get("/api/v1/redoc/")
    assert_works_under_the_policy(client, response)


def test_redoc_styles_are_allowed_by_the_nonce_its_script_passes_on(client):
    response = client.get("/api/v1/redoc/")
    nonce = response.wsgi_request.csp_nonce
    assert f'nonce="{nonce}"' in response.content.decode()
    assert f"'nonce-{nonce}'" in policy(response)["style-src"]
    assert "'unsafe-inline'" not in policy(response)["style-src"]
