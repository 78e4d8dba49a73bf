"""Reviewing an imported document version in the admin: its page shows what publishing it
would do to the citations and how its text differs from the current one; a reviewer other
than its importer publishes or discards it (POST, CSRF, optimistic locking); staff preview
it on the site, which no one else sees."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from documents.importing import import_document
from documents.models import Citation, DocumentVersion
from documents.sources import RawSource
from tests.admin_forms import admin_form_data
from tests.editorial.conftest import member_of, staff_client
from tests.factories import CitationFactory, PartnerFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/documents/sourcedocument/import/"
KEPT = "la Serbie a adhéré au Partenariat pour la paix"
MOVED = "Relations avec la Serbie"
LOST = "établi en décembre 2006"


@pytest.fixture
def cited(version):
    """Three citations of the current version, each a different fate in the new text."""
    return {
        quote: CitationFactory(
            claim=PartnerFactory(name_en=f"Partner {n}"), version=version, quote=quote
        )
        for n, quote in enumerate((KEPT, MOVED, LOST))
    }


def new_text(version):
    text = version.text.replace(f"{MOVED}\n", f"{MOVED} !\n")
    return text.replace(LOST, "créé fin 2006")


@pytest.fixture
def pending(curator, version, cited):
    """The new text, imported through the import page by the curator (in a browser of
    their own: ``client`` may be someone else's)."""
    upload = SimpleUploadedFile("v2.txt", new_text(version).encode(), "text/plain")
    response = staff_client(Client(), curator).post(
        IMPORT_URL, {"upload": upload, "document": version.document.pk, "kind": "web_page"}
    )
    assert response.status_code == 302
    return version.document.versions.get(number=version.number + 1)


def change_url(version):
    return reverse("admin:documents_documentversion_change", args=[version.pk])


def press(client, version, decision):
    """The button under the version's unchanged form; the messages of the page it leads to."""
    data = admin_form_data(client.get(change_url(version)))
    response = client.post(change_url(version), {**data, "_transition": decision}, follow=True)
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


# The version's page ------------------------------------------------------------------


def test_the_import_leads_to_the_pending_version_waiting_for_a_reviewer(
    curator_client, pending, curator
):
    assert pending.status == DocumentVersion.Status.PENDING
    assert pending.imported_by == curator
    html = curator_client.get(change_url(pending)).content.decode()
    assert "Pending" in html
    assert 'name="_transition"' not in html  # a curator does not publish


def test_the_page_of_a_pending_version_lists_what_publishing_would_do(reviewer_client, pending):
    html = reviewer_client.get(change_url(pending)).content.decode()
    assert "Publishing this version would re-check 3 citations of version" in html
    assert "Verified: 1, Moved: 1, Orphaned: 1" in html
    for status, quote in (("verified", KEPT), ("moved", MOVED), ("orphaned", LOST)):
        row = html.split(f'<tr class="reanchoring-{status}">')[1].split("</tr>")[0]
        assert quote in row
    assert "2 citations the public sees now would no longer count" in html
    assert Citation.objects.filter(version=pending).count() == 0  # a dry run


def test_the_page_of_a_pending_version_shows_its_diff_with_the_current_one(
    reviewer_client, pending, version
):
    html = reviewer_client.get(change_url(pending)).content.decode()
    diff = html.split('<div class="version-diff">')[1]
    assert f"Compared with version {version.number}." in diff
    assert "<del>décembre</del>" in diff or "<del>établi" in diff
    assert "css/admin.css" in html  # its styles, under the Content-Security-Policy


def test_the_reviewer_sees_the_decisions_as_buttons(reviewer_client, pending):
    html = reviewer_client.get(change_url(pending)).content.decode()
    assert 'name="_transition" value="publish"' in html
    assert 'name="_transition" value="discard"' in html


# Publishing and discarding --------------------------------------------------------------


def test_a_reviewer_publishes_a_curators_version(reviewer_client, pending, version, cited):
    messages = press(reviewer_client, pending, "publish")
    pending.refresh_from_db()
    assert pending.is_current and pending.published_by.username == "reviewer"
    assert messages[0][0] == "success" and "is now current" in messages[0][1]
    assert any("citation health queue" in text for _level, text in messages)
    statuses = {quote: Citation.objects.get(pk=c.pk).status for quote, c in cited.items()}
    assert statuses == {KEPT: "verified", MOVED: "moved", LOST: "orphaned"}
    assert Citation.objects.get(pk=cited[KEPT].pk).version == pending


def test_publishing_links_to_the_facts_the_new_text_suggests(reviewer_client, pending):
    from suggestions.models import Suggestion

    press(reviewer_client, pending, "publish")
    count = Suggestion.objects.filter(version=pending).count()
    assert count  # "depuis 2006", "en décembre 2006"…
    assert pending.document.versions.filter(is_current=True).get() == pending


def test_a_reviewer_discards_a_version(reviewer_client, pending, version, cited):
    messages = press(reviewer_client, pending, "discard")
    pending.refresh_from_db()
    assert pending.status == DocumentVersion.Status.DISCARDED
    assert messages == [("success", f"{pending} is discarded: the public never sees it.")]
    assert Citation.objects.get(pk=cited[LOST].pk).version == version


def test_the_importer_cannot_publish_their_own_version(client, version, cited):
    reviewer = member_of("Reviewer", "lone-reviewer")
    own = import_document(
        RawSource(new_text(version), False, "v2.txt"),
        document=version.document,
        imported_by=reviewer,
    ).version
    messages = press(staff_client(client, reviewer), own, "publish")
    own.refresh_from_db()
    assert own.is_pending
    assert messages[-1][0] == "error" and "four-eyes rule" in messages[-1][1]


def test_the_importer_publishes_their_own_version_where_self_review_is_allowed(
    client, version, cited, settings
):
    settings.ALLOW_SELF_REVIEW = True
    reviewer = member_of("Reviewer", "lone-reviewer")
    own = import_document(
        RawSource(new_text(version), False, "v2.txt"),
        document=version.document,
        imported_by=reviewer,
    ).version
    press(staff_client(client, reviewer), own, "publish")
    own.refresh_from_db()
    assert own.is_current


def test_a_reviewer_who_changed_the_version_cannot_publish_it(reviewer_client, pending, version):
    url = change_url(pending)
    data = admin_form_data(reviewer_client.get(url))
    assert reviewer_client.post(url, {**data, "stated_update": "2024-01-02"}).status_code == 302
    messages = press(reviewer_client, pending, "publish")
    assert "four-eyes rule" in messages[-1][1]
    pending.refresh_from_db()
    assert pending.is_pending


def test_publishing_needs_the_permission(curator_client, pending):
    messages = press(curator_client, pending, "publish")
    pending.refresh_from_db()
    assert pending.is_pending
    assert messages[-1] == (
        "error",
        f"{pending}: You may not publish or discard document versions.",
    )


def test_a_version_changed_since_the_form_was_shown_is_not_published(reviewer_client, pending):
    data = admin_form_data(reviewer_client.get(change_url(pending)))
    DocumentVersion.objects.get(pk=pending.pk).save()  # someone else saved it meanwhile
    response = reviewer_client.post(change_url(pending), {**data, "_transition": "publish"})
    assert response.status_code == 200  # the form comes back, saying so
    assert "Someone else saved this record" in response.content.decode()
    pending.refresh_from_db()
    assert pending.is_pending


def test_the_decision_is_a_post_with_its_csrf_token(reviewer, pending):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    response = client.post(change_url(pending), {"_transition": "publish"})
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.is_pending


def test_the_list_actions_publish_and_discard(reviewer_client, pending, version):
    other = import_document(
        RawSource(version.text + "\nUne autre phrase encore.", False, "v3.txt"),
        document=version.document,
    ).version
    changelist = reverse("admin:documents_documentversion_changelist")
    html = reviewer_client.get(changelist).content.decode()
    assert 'value="publish_versions"' in html and 'value="discard_versions"' in html
    response = reviewer_client.post(
        changelist,
        {"action": "discard_versions", "_selected_action": [pending.pk]},
        follow=True,
    )
    assert response.status_code == 200
    response = reviewer_client.post(
        changelist, {"action": "publish_versions", "_selected_action": [other.pk]}, follow=True
    )
    pending.refresh_from_db(), other.refresh_from_db()
    assert pending.status == DocumentVersion.Status.DISCARDED
    assert other.is_current


def test_a_curator_is_not_offered_the_actions(curator_client, pending):
    html = curator_client.get(reverse("admin:documents_documentversion_changelist")).content
    assert b"publish_versions" not in html and b"discard_versions" not in html


def test_the_reviewer_role_may_publish_versions_and_the_curator_role_may_not(curator, reviewer):
    assert reviewer.has_perm("documents.publish_documentversion")
    assert not curator.has_perm("documents.publish_documentversion")


def test_a_citation_cannot_be_pointed_at_a_pending_version(curator_client, pending):
    url = reverse("admin:autocomplete")
    params = {"app_label": "documents", "model_name": "citation", "field_name": "version"}
    found = curator_client.get(url, {**params, "term": ""}).json()["results"]
    assert str(pending.pk) not in {item["id"] for item in found}


# Staff preview on the site ----------------------------------------------------------------


def preview_url(version):
    return reverse("editorial:version_preview", args=[version.document.slug, version.number])


def test_staff_preview_a_pending_version_on_the_site(curator_client, pending):
    response = curator_client.get(preview_url(pending))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="preview-banner"' in html and "créé fin 2006" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_the_public_never_sees_the_preview(pending):
    client = Client()
    assert client.get(preview_url(pending)).status_code == 404
    client.force_login(User.objects.create_user("visitor"))
    assert client.get(preview_url(pending)).status_code == 404


def test_the_preview_is_not_kept_in_the_page_cache(curator_client, pending, settings):
    from caching.pages import stored_page_path

    settings.PAGE_CACHE_SECONDS = 600
    assert not stored_page_path(preview_url(pending))
    assert stored_page_path(pending.document.get_absolute_url())


def test_view_on_site_of_a_pending_version_leads_to_its_preview(curator_client, pending):
    html = curator_client.get(change_url(pending)).content.decode()
    assert preview_url(pending) in html
