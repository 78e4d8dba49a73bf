"""What every endpoint of the read API shares (api/), through the partners' endpoint: the
language, the refused parameters, the JSON 404s, pagination, conditional GET, throttling,
CORS, and reads only."""

import pytest
from django.core.cache import cache

from tests.apiclient import (
    assert_refused,
    cite,
    fresh_throttle,  # noqa: F401  (autouse fixture)
    get,
    results,
    slugs,
)
from tests.factories import DocumentVersionFactory, PartnerFactory

pytestmark = pytest.mark.django_db


# Language ----------------------------------------------------------------------------


def test_lang_chooses_the_translated_fields(client):
    cite(PartnerFactory(slug="serbia", name_fr="Serbie", name_en="Serbia"))
    french = get(client, "partners/serbia/", lang="fr")
    english = get(client, "partners/serbia/", lang="en")
    assert (french.json()["name"], french["Content-Language"]) == ("Serbie", "fr")
    assert (english.json()["name"], english["Content-Language"]) == ("Serbia", "en")
    assert english.json()["page_url"].startswith("http://testserver/en/")


def test_accept_language_chooses_the_language_and_french_is_the_default(client):
    cite(PartnerFactory(slug="serbia", name_fr="Serbie", name_en="Serbia"))
    assert get(client, "partners/serbia/").json()["name"] == "Serbie"
    english = client.get("/api/v1/partners/serbia/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert english.json()["name"] == "Serbia"
    assert "Accept-Language" in english["Vary"]


def test_lang_wins_over_accept_language(client):
    cite(PartnerFactory(slug="serbia", name_fr="Serbie", name_en="Serbia"))
    response = client.get("/api/v1/partners/serbia/?lang=fr", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["name"] == "Serbie"


def test_a_missing_translation_falls_back_to_the_other_language(client):
    cite(PartnerFactory(slug="serbia", name_fr="Serbie", name_en=""))
    assert get(client, "partners/serbia/", lang="en").json()["name"] == "Serbie"


def test_an_unknown_language_is_refused(client):
    assert_refused(get(client, "partners/", lang="de"), "lang")


# Errors, pagination, caching, throttling ---------------------------------------------


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"kind": "planet"}, "kind"),
        ({"status": "asleep"}, "status"),
        ({"programme": "no-such-programme"}, "programme"),
        ({"ordering": "shoe_size"}, "ordering"),
        ({"colour": "blue"}, "colour"),
        ({"format": "xml"}, "format"),
        ({"page": "0"}, "page"),
        ({"page": "two"}, "page"),
        ({"page": "2"}, "page"),
        ({"page_size": "501"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "lots"}, "page_size"),
    ],
)
def test_a_bad_query_parameter_is_a_400_naming_it(client, params, parameter):
    cite(PartnerFactory())
    assert_refused(get(client, "partners/", **params), parameter)


def test_a_detail_refuses_list_parameters(client):
    cite(PartnerFactory(slug="serbia"))
    assert_refused(get(client, "partners/serbia/", kind="state"), "kind")


def test_an_unknown_slug_is_a_404_in_json(client):
    response = get(client, "partners/nowhere/")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "language", "detail"),
    [
        ("partners/nowhere/", "en", "Not found: no record of this kind (partner) has"),
        ("partners/nowhere/", "fr", "Introuvable : aucun enregistrement de ce type (partenaire)"),
        ("versions/999999/", "en", "Not found: no record of this kind (document version) has"),
    ],
)
def test_a_404_says_what_was_not_found_in_the_clients_language(client, path, language, detail):
    response = client.get(f"/api/v1/{path}", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert response.json()["detail"].startswith(detail)


def test_any_other_api_address_is_a_404_in_json(client):
    for path in ("/api/v1/nothing-here/", "/api/v1/partners/not.a.slug/", "/api/v1/a/b/c/"):
        response = client.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"


def test_empty_items_in_ordering_are_ignored(client):
    for slug, name in [("b", "Bravo"), ("a", "Alpha")]:
        cite(PartnerFactory(slug=slug, name_fr=name, name_en=name))
    assert slugs(client, "partners/", ordering=",,-name,") == ["b", "a"]


def test_pages_hold_50_rows_by_default_and_up_to_500_on_request(client):
    version = DocumentVersionFactory()
    for _ in range(55):
        cite(PartnerFactory(), version)
    first = get(client, "partners/").json()
    assert (first["count"], len(first["results"])) == (55, 50)
    assert first["next"].endswith("/api/v1/partners/?page=2")
    second = get(client, "partners/", page=2).json()
    assert len(second["results"]) == 5 and second["next"] is None
    assert len(results(client, "partners/", page_size=500)) == 55
    assert len(results(client, "partners/", page_size=1)) == 1


def test_pages_do_not_overlap_when_names_tie(client):
    version = DocumentVersionFactory()
    for i in range(6):
        cite(PartnerFactory(slug=f"same-{i}", name_fr="Même", name_en="Same"), version)
    seen = [
        slug for page in (1, 2, 3) for slug in slugs(client, "partners/", page=page, page_size=2)
    ]
    assert sorted(seen) == [f"same-{i}" for i in range(6)]


def test_an_unchanged_answer_is_not_sent_again(client):
    cite(PartnerFactory(slug="serbia"))
    first = get(client, "partners/")
    assert first.has_header("ETag")
    again = client.get("/api/v1/partners/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_the_etag_changes_with_the_data_and_the_language(client):
    partner = cite(PartnerFactory(slug="serbia", name_fr="Serbie", name_en="Serbia"))
    french = get(client, "partners/serbia/")["ETag"]
    assert get(client, "partners/serbia/", lang="en")["ETag"] != french
    partner.name_fr = "République de Serbie"
    partner.save()
    changed = client.get("/api/v1/partners/serbia/", HTTP_IF_NONE_MATCH=french)
    assert changed.status_code == 200
    assert changed["ETag"] != french


def test_anonymous_clients_are_throttled(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    cache.clear()
    assert [get(client, "partners/").status_code for _ in range(3)] == [200, 200, 200]
    throttled = get(client, "partners/")
    assert throttled.status_code == 429
    assert throttled.json()["detail"]
    assert throttled.has_header("Retry-After")


def test_any_site_may_read_the_api_but_not_the_pages(client):
    cite(PartnerFactory(slug="serbia"))
    api = client.get("/api/v1/partners/", HTTP_ORIGIN="https://example.org")
    assert api["Access-Control-Allow-Origin"] == "*"
    page = client.get("/fr/", HTTP_ORIGIN="https://example.org")
    assert not page.has_header("Access-Control-Allow-Origin")


def test_the_api_is_read_only(client):
    assert client.post("/api/v1/partners/", {}).status_code == 405


def test_the_root_links_the_resources_the_schema_its_docs_and_the_downloads(client):
    links = client.get("/api/v1/").json()
    assert {"partners", "citations", "schema", "docs", "redoc", "export_records_csv"} <= set(links)
    for name in ("schema", "docs", "redoc", "export_records_json", "export_graph"):
        assert client.head(links[name]).status_code == 200, name
