"""The citation health queue in the admin, and the diff on the version page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from documents.importing import import_document
from documents.models import Citation
from documents.sources import RawSource
from tests.admin_forms import admin_form_data
from tests.factories import CitationFactory, DocumentVersionFactory, SourceDocumentFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:documents_citationforreview_changelist")

MOVED_QUOTE = "la Serbie a adhéré au Partenariat pour la paix"
ORPHANED_QUOTE = "établi en décembre 2006"
GONE_QUOTE = "apporte son soutien aux réformes du secteur de la défense"
VERIFIED_QUOTE = "Relations avec la Serbie"


@pytest.fixture
def curated():
    """A document whose new version moved one citation, reworded the passage of another,
    removed the passage of a third, and left a fourth alone."""
    version = DocumentVersionFactory(is_current=True)
    citations = {
        quote: CitationFactory(version=version, quote=quote)
        for quote in (MOVED_QUOTE, ORPHANED_QUOTE, GONE_QUOTE, VERIFIED_QUOTE)
    }
    new_text = (
        version.text.replace("année où la Serbie", "l'année où la Serbie")
        .replace("établi en décembre 2006", "établi en déc. 2006")
        .replace(", apporte son soutien aux réformes du secteur de la défense", ".")
    )
    result = import_document(
        RawSource(new_text, False, "v2.txt"), document=version.document, publish=True
    )
    for citation in citations.values():
        citation.refresh_from_db()
    return version, result.version, citations


def act(admin_client, action, *citations):
    return admin_client.post(
        QUEUE, {"action": action, "_selected_action": [c.pk for c in citations]}, follow=True
    )


def test_the_queue_lists_every_citation_that_is_not_verified(admin_client, curated):
    _, _, citations = curated
    assert citations[MOVED_QUOTE].status == Citation.Status.MOVED
    assert citations[ORPHANED_QUOTE].status == Citation.Status.ORPHANED
    assert citations[GONE_QUOTE].status == Citation.Status.ORPHANED
    assert citations[VERIFIED_QUOTE].status == Citation.Status.VERIFIED
    response = admin_client.get(QUEUE)
    listed = {c.pk for c in response.context["cl"].result_list}
    assert listed == {citations[q].pk for q in (MOVED_QUOTE, ORPHANED_QUOTE, GONE_QUOTE)}


def test_the_queue_filters_by_status(admin_client, curated):
    _, _, citations = curated
    response = admin_client.get(QUEUE, {"status": "moved"})
    assert [c.pk for c in response.context["cl"].result_list] == [citations[MOVED_QUOTE].pk]


def test_the_queue_filters_by_document(admin_client, curated):
    other = DocumentVersionFactory(is_current=False, document=SourceDocumentFactory())
    elsewhere = CitationFactory(version=other)
    Citation.objects.filter(pk=elsewhere.pk).update(status=Citation.Status.ORPHANED)
    version = curated[0]
    response = admin_client.get(QUEUE, {"version__document__id__exact": version.document.pk})
    listed = {c.pk for c in response.context["cl"].result_list}
    assert len(listed) == 3 and elsewhere.pk not in listed
    assert elsewhere.pk in {c.pk for c in admin_client.get(QUEUE).context["cl"].result_list}


def test_the_queue_shows_the_old_context_beside_the_suggestion(admin_client, curated):
    _, _, citations = curated
    response = admin_client.get(QUEUE, {"status": "orphaned"})
    page = response.content.decode()
    assert "<mark>établi en décembre 2006</mark>" in page  # before
    assert "<mark>établi en déc. 2006</mark>" in page  # suggested
    assert "No near match in the current version" in page  # the removed passage


def test_the_queue_shows_a_moved_citation_before_and_after_its_move(admin_client, curated):
    response = admin_client.get(QUEUE, {"status": "moved"})
    page = response.content.decode()
    assert "année où <mark>la Serbie a adhéré" in page
    assert "l&#x27;année où <mark>la Serbie a adhéré" in page


def test_accepting_a_suggestion_anchors_exactly_on_it_and_verifies(admin_client, curated):
    old, new, citations = curated
    citation = citations[ORPHANED_QUOTE]
    response = act(admin_client, "accept_suggestions", citation)
    assert "1 citation(s) re-anchored on the suggested passage." in response.content.decode()
    citation.refresh_from_db()
    assert citation.status == Citation.Status.VERIFIED
    assert citation.version == new
    assert citation.quote == "établi en déc. 2006"
    assert new.text[citation.start : citation.end] == citation.quote
    assert not citation.has_suggestion
    assert "établi en décembre 2006" in citation.note  # the old quote, on record


def test_a_citation_without_suggestion_cannot_be_accepted(admin_client, curated):
    _, _, citations = curated
    citation = citations[GONE_QUOTE]
    response = act(admin_client, "accept_suggestions", citation)
    assert "has no suggested passage" in response.content.decode()
    citation.refresh_from_db()
    assert citation.status == Citation.Status.ORPHANED


def test_confirming_a_moved_citation_verifies_it_in_place(admin_client, curated):
    _, new, citations = curated
    citation = citations[MOVED_QUOTE]
    start = citation.start
    act(admin_client, "confirm_new_places", citation)
    citation.refresh_from_db()
    assert (citation.status, citation.version, citation.start) == ("verified", new, start)
    assert citation.previous_version is None


def test_retiring_a_citation_takes_it_out_of_the_queue_and_of_support(admin_client, curated):
    _, _, citations = curated
    citation = citations[GONE_QUOTE]
    act(admin_client, "retire_citations", citation)
    citation.refresh_from_db()
    assert citation.status == Citation.Status.RETIRED
    assert not citation.is_supporting
    assert citation not in Citation.objects.supporting()
    assert "Retired on" in citation.note and "admin" in citation.note
    listed = {c.pk for c in admin_client.get(QUEUE).context["cl"].result_list}
    assert citation.pk not in listed


def test_requoting_by_hand_opens_on_the_current_version_and_anchors_exactly(admin_client, curated):
    _, new, citations = curated
    citation = citations[GONE_QUOTE]
    url = reverse("admin:documents_citationforreview_change", args=[citation.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    data = admin_form_data(page)
    assert data["version"] == str(new.pk)
    data["quote"] = "n'importe quoi"
    refused = admin_client.post(url, data)
    assert "does not occur in the chosen document version" in refused.content.decode()
    citation.refresh_from_db()
    assert citation.status == Citation.Status.ORPHANED

    data["quote"] = "établi en déc. 2006"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    citation.refresh_from_db()
    assert (citation.status, citation.version) == (Citation.Status.VERIFIED, new)
    assert new.text[citation.start : citation.end] == "établi en déc. 2006"


def test_the_queue_cannot_add_citations(admin_client):
    response = admin_client.get(reverse("admin:documents_citationforreview_add"))
    assert response.status_code == 403


def test_the_queue_settles_or_retires_citations_but_does_not_delete_them(admin_client, curated):
    actions = admin_client.get(QUEUE).context["action_form"].fields["action"].choices
    names = [name for name, _ in actions if name]
    assert names == ["accept_suggestions", "confirm_new_places", "retire_citations"]


# The version page: what changed -------------------------------------------------------------


def test_the_version_page_shows_the_changes_since_the_previous_version(admin_client, curated):
    _, new, _ = curated
    response = admin_client.get(reverse("admin:documents_documentversion_change", args=[new.pk]))
    page = response.content.decode()
    assert "Compared with version" in page
    assert "établi en <del>décembre</del><ins>déc.</ins> <del>2006, apporte son soutien" in page


def test_the_version_page_is_styled_by_a_stylesheet_the_csp_allows(admin_client, curated):
    _, new, _ = curated
    response = admin_client.get(reverse("admin:documents_documentversion_change", args=[new.pk]))
    page = response.content.decode()
    assert "<style" not in page and "style=" not in page
    assert f'<link href="{static("css/admin.css")}" media="all" rel="stylesheet">' in page
    diff = re.search(r'<div class="version-diff">.*?</div>', page, re.S).group(0)
    used = {name for names in re.findall(r'class="([^"]*)"', diff) for name in names.split()}
    assert {"version-diff", "unchanged"} <= used
    assert 'class="version-text"' in page
    stylesheet = (Path(settings.BASE_DIR) / "static" / "css" / "admin.css").read_text()
    defined = set(re.findall(r"\.([\w-]+)", re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.S)))
    assert used | {"version-text"} <= defined


def test_the_diff_escapes_the_texts(admin_client):
    version = DocumentVersionFactory(is_current=True, text="Voici un texte court.")
    result = import_document(
        RawSource("Voici un texte court.\n<script>alert(1)</script>", False, "v2.txt"),
        document=version.document,
    )
    url = reverse("admin:documents_documentversion_change", args=[result.version.pk])
    page = admin_client.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_the_first_version_has_nothing_to_compare_with(admin_client):
    version = DocumentVersionFactory(is_current=True)
    url = reverse("admin:documents_documentversion_change", args=[version.pk])
    assert "First version: nothing to compare with." in admin_client.get(url).content.decode()
