"""The read API's OpenAPI schema, its docs page, and a schemathesis run against the schema.

Schemathesis loads /api/v1/schema/ from the project's own WSGI application (no server, no
network), generates requests for every operation from the schema, sends them to the same
application over the seeded database, and checks each answer: never a 5xx, and status code,
content type, headers and body as the schema documents them.
"""

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from tests.apiclient import fresh_throttle  # noqa: F401  (autouse fixture)

pytestmark = pytest.mark.django_db

#: Examples generated per operation: enough to meet every filter, fast enough for `make test`.
EXAMPLES_PER_OPERATION = 40

OPERATIONS = {
    f"/api/v1/{resource}/{lookup}"
    for resource, lookup in [
        ("partners", "{slug}/"),
        ("relationships", "{slug}/"),
        ("events", "{slug}/"),
        ("programmes", "{slug}/"),
        ("participations", "{id}/"),
        ("documents", "{slug}/"),
        ("versions", "{id}/"),
        ("citations", "{id}/"),
    ]
    for lookup in ("", lookup)
}


def test_the_schema_lists_every_resource_as_a_list_and_a_detail(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == OPERATIONS
    assert all(set(path) == {"get"} for path in schema["paths"].values())


@pytest.mark.parametrize(
    ("language", "ascending", "descending"),
    [
        ("en", "Start date", "Start date (descending)"),
        ("fr", "Date de début", "Date de début (décroissant)"),
    ],
)
def test_the_orderings_are_named_in_the_readers_language(client, language, ascending, descending):
    response = client.get(
        "/api/v1/schema/",
        HTTP_ACCEPT="application/vnd.oai.openapi+json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    parameters = response.json()["paths"]["/api/v1/relationships/"]["get"]["parameters"]
    ordering = next(p for p in parameters if p["name"] == "ordering")
    assert f"* `start` - {ascending}\n" in ordering["description"]
    assert f"* `-start` - {descending}\n" in ordering["description"]


def test_the_schema_generates_valid_and_without_warnings(tmp_path):
    call_command(
        "spectacular", "--file", str(tmp_path / "schema.yaml"), "--validate", "--fail-on-warn"
    )


def test_the_docs_page_is_served_from_our_own_static_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    # Its settings come from a script of its own (no inline script under the CSP).
    assert "/api/v1/schema/" in client.get("/api/v1/docs/?script=").content.decode()
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")


def test_the_redoc_page_is_served_from_our_own_static_files(client):
    html = client.get("/api/v1/redoc/").content.decode()
    assert "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js" in html
    assert "cdn" not in html.lower()


# Schemathesis ----------------------------------------------------------------------------


@pytest.fixture
def wsgi_application():
    """The project's WSGI application, kept inside the test's transaction: like Django's test
    client, it must not close the database connection at the end of each request (on
    PostgreSQL that would end the transaction the seeded data lives in)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(seeded, settings, wsgi_application):
    # Schemathesis sends hundreds of requests: lift the anonymous throttle for it.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    return schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_application)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_generated_request_as_its_schema_says(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ]
    )
