"""Hostile and malformed input, generated: quotes, dates, slugs, uploads, HTML and query
strings sent to the import (command and admin page), admin forms and the API. Each gets a
clear error, never a 500, and the database is left as it was."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.models import Citation, DocumentVersion, SourceDocument
from documents.sources import MAX_BYTES
from maintenance.backups import manifest
from partners.models import Event, Partner
from tests.admin_forms import add_inline_row, admin_form_data, inline_prefix

pytestmark = pytest.mark.django_db

FAST = settings(
    max_examples=5,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE_HTML = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        "<svg onload=alert(1)>",
        '"><iframe src="//evil.example"></iframe>',
    ]
)
# Text as a user or a fuzzer may type it: any character but the surrogates a browser cannot
# send, and the NUL that PostgreSQL refuses in text (Django's forms refuse it too).
TYPED = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"))


@pytest.fixture
def unchanged(seeded):
    """Asserts, at the end of the test, that no row was added or removed anywhere."""
    before = manifest()
    yield
    assert manifest() == before


@pytest.fixture
def event_form(admin_client, seeded):
    event = Event.objects.filter(relationship__slug="nato-serbia").first()
    url = reverse("admin:partners_event_change", args=[event.pk])
    return event, url, admin_form_data(admin_client.get(url))


@FAST
@given(date=TYPED.filter(lambda text: not text.strip().replace("-", "").isdigit()))
def test_a_malformed_date_in_the_admin_is_refused_and_nothing_changes(
    admin_client, event_form, unchanged, date
):
    event, url, data = event_form
    response = admin_client.post(url, {**data, "date": date})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert Event.objects.get(pk=event.pk).date == event.date


@FAST
@given(date=st.sampled_from(["2006-13", "2006-02-30", "0000", "99999", "2006-00-01", "-2006"]))
def test_an_impossible_date_in_the_admin_is_refused(admin_client, event_form, unchanged, date):
    event, url, data = event_form
    response = admin_client.post(url, {**data, "date": date})
    assert response.status_code == 200
    assert "date" in response.context["adminform"].form.errors


@FAST
@given(slug=TYPED.filter(lambda text: text and not text.isascii() or " " in text or "/" in text))
def test_a_malformed_slug_in_the_admin_is_refused(admin_client, seeded, unchanged, slug):
    partner = Partner.objects.get(slug="serbia")
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    data = admin_form_data(admin_client.get(url))
    response = admin_client.post(url, {**data, "slug": slug})
    assert response.status_code == 200
    assert Partner.objects.filter(slug="serbia").exists()


@FAST
@given(quote=TYPED.filter(lambda text: len(text.strip()) > 3))
def test_a_quote_that_is_not_in_the_version_is_refused(admin_client, seeded, unchanged, quote):
    partner = Partner.objects.get(slug="serbia")
    version = DocumentVersion.objects.filter(is_current=True).first()
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    response = admin_client.get(url)
    data = admin_form_data(response)
    add_inline_row(
        data, inline_prefix(response, Citation), {"version": version.pk, "quote": "«" + quote}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200


@FAST
@given(content=st.binary(min_size=1, max_size=2000))
def test_a_binary_upload_to_the_import_page_is_refused_clearly(
    admin_client, seeded, unchanged, content
):
    document = SourceDocument.objects.first()
    response = admin_client.post(
        reverse("admin:documents_sourcedocument_import"),
        {
            "upload": SimpleUploadedFile("scan.pdf", b"%PDF-1.4\x00" + content),
            "document": document.pk,
            "kind": SourceDocument.Kind.WEB_PAGE,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors


def test_an_upload_larger_than_the_import_limit_is_refused_clearly(admin_client, unchanged):
    response = admin_client.post(
        reverse("admin:documents_sourcedocument_import"),
        {
            "upload": SimpleUploadedFile("huge.txt", b"a" * (MAX_BYTES + 1)),
            "document": SourceDocument.objects.first().pk,
            "kind": SourceDocument.Kind.WEB_PAGE,
        },
    )
    assert response.status_code == 200
    assert "larger than" in str(response.context["form"].errors)


@FAST
@given(content=st.binary(min_size=1, max_size=2000))
def test_the_import_command_refuses_a_binary_file_clearly(tmp_path, seeded, unchanged, content):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x00\xff\xfe" + content)
    with pytest.raises(CommandError):
        call_command("import_document", str(path), document=SourceDocument.objects.first().slug)


API_PARAMETERS = st.sampled_from(
    ["as_of", "page", "page_size", "q", "ordering", "partner", "date_after", "lang", "status"]
)


@FAST
@given(
    endpoint=st.sampled_from(["partners", "relationships", "events", "participations"]),
    name=st.one_of(API_PARAMETERS, TYPED.filter(bool)),
    value=st.one_of(TYPED, HOSTILE_HTML),
)
def test_the_api_answers_any_query_string_without_a_server_error(
    client, seeded, unchanged, endpoint, name, value
):
    response = client.get(f"/api/v1/{endpoint}/", {name: value})
    assert response.status_code in {200, 400}
    if response.status_code == 400:
        assert response.json()["detail"]


@FAST
@given(path=TYPED.filter(lambda text: "\r" not in text and "\n" not in text))
def test_public_pages_answer_any_path_without_a_server_error(client, seeded, path):
    response = client.get("/fr/partenaires/" + path)
    assert response.status_code in {200, 301, 302, 400, 404}


@FAST
@given(html=HOSTILE_HTML)
def test_hostile_html_typed_by_a_curator_is_shown_as_text(client, seeded, html):
    Partner.objects.filter(slug="serbia").update(name_fr=html, name_en=html)
    page = client.get("/fr/partenaires/serbia/").content.decode()
    assert html not in page
    assert "&lt;" in page
