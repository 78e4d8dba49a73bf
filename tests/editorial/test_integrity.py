"""Editorial integrity: a citation supports a record that exists and keeps it."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from documents.claims import claim_models
from documents.importing import import_document
from documents.models import Citation
from documents.selectors import only_supported, public_citations
from documents.sources import RawSource
from editorial.models import PublicationState
from editorial.roles import REVIEWER
from partners import selectors as partners_selectors
from partners.models import Partner, Relationship
from tests.admin_forms import admin_form_data
from tests.editorial.conftest import member_of, staff_client
from tests.factories import SAMPLE_TEXT, CitationFactory, PartnerFactory, RelationshipFactory

pytestmark = pytest.mark.django_db

QUOTE = "la Serbie a adhéré au Partenariat pour la paix"
LATER_QUOTE = "établi en décembre 2006"


def public_partner(partner):
    return partners_selectors.public_partners().get(pk=partner.pk)


def citation_form(version, content_type, object_id, quote=QUOTE):
    return {
        "content_type": content_type.pk,
        "object_id": object_id,
        "field": "",
        "version": version.pk,
        "quote": quote,
        "prefix": "",
        "suffix": "",
        "note": "",
    }


def test_a_citation_of_a_record_that_does_not_exist_is_refused(curator_client, version):
    partners = ContentType.objects.get(app_label="partners", model="partner")
    response = curator_client.post(
        "/admin/documents/citation/add/", citation_form(version, partners, 999999)
    )
    assert response.status_code == 200
    assert "There is no partner with id 999999." in response.content.decode()
    assert not Citation.objects.exists()


def test_only_a_kind_of_claim_can_be_cited(version):
    users = ContentType.objects.get(app_label="auth", model="permission")
    citation = Citation(
        content_type=users, object_id=Permission.objects.first().pk, version=version, quote=QUOTE
    )
    with pytest.raises(ValidationError, match="cannot be cited"):
        citation.full_clean()


def test_the_admin_offers_only_kinds_of_claim(curator_client):
    response = curator_client.get("/admin/documents/citation/add/")
    kinds = response.context["adminform"].form.fields["content_type"].queryset
    assert {kind.model_class() for kind in kinds} == set(claim_models())


def test_a_citation_cannot_be_repointed_to_another_record(cite, reviewer):
    partner, other = PartnerFactory(), PartnerFactory()
    citation = cite(partner)
    citation.review(reviewer)
    citation.object_id = other.pk
    with pytest.raises(ValidationError, match="cannot be changed"):
        citation.full_clean()


def test_the_change_form_keeps_the_claim_whatever_is_posted(curator_client, cite):
    partner = PartnerFactory()
    citation = cite(partner)
    url = f"/admin/documents/citation/{citation.pk}/change/"
    data = admin_form_data(curator_client.get(url))
    relationships = ContentType.objects.get_for_model(RelationshipFactory._meta.model)
    data.update(content_type=relationships.pk, object_id=RelationshipFactory().pk, note="seen")
    response = curator_client.post(url, data)
    assert response.status_code == 302
    citation.refresh_from_db()
    assert (citation.content_type.model_class(), citation.object_id) == (type(partner), partner.pk)
    assert citation.note == "seen"


# The four-eyes rule -----------------------------------------------------------------------


@pytest.fixture
def second_reviewer(db):
    return member_of(REVIEWER, "second-reviewer")


def test_a_reviewer_cannot_review_a_citation_they_wrote(reviewer, second_reviewer, version):
    citation = Citation(
        content_type=ContentType.objects.get_for_model(Partner),
        object_id=PartnerFactory().pk,
        version=version,
        quote=QUOTE,
    )
    citation.anchor()
    citation._history_user = reviewer
    citation.save()
    with pytest.raises(ValidationError, match="four-eyes"):
        citation.review(reviewer)
    assert not Citation.objects.reviewed().exists()
    citation.review(second_reviewer)
    assert Citation.objects.reviewed().get() == citation


def test_a_reviewer_editing_a_record_cannot_approve_the_edit_in_the_same_request(
    reviewer_client, reviewer, cite
):
    relationship = RelationshipFactory()
    cite(relationship).review(reviewer)
    reviewed_at = relationship.reviewed_at
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    data = admin_form_data(reviewer_client.get(url))
    data.update(summary_en="Rewritten by the reviewer.", _transition="approve")
    response = reviewer_client.post(url, data, follow=True)
    assert any("four-eyes" in str(m) for m in response.context["messages"])
    relationship.refresh_from_db()
    assert relationship.summary_en == "Rewritten by the reviewer."
    assert relationship.reviewed_at == reviewed_at
    assert Relationship.objects.changed_since_review().filter(pk=relationship.pk).exists()


def test_another_reviewer_approves_the_edit(reviewer, second_reviewer, cite):
    relationship = RelationshipFactory()
    cite(relationship).review(second_reviewer)
    relationship.summary_en = "Rewritten by the reviewer."
    relationship._history_user = reviewer
    relationship.save()
    with pytest.raises(ValidationError, match="four-eyes"):
        relationship.transition("approve", reviewer)
    relationship.transition("approve", second_reviewer)
    assert not Relationship.objects.changed_since_review().filter(pk=relationship.pk).exists()


def test_submitting_a_draft_does_not_make_the_reviewer_its_author(reviewer, curator, cite):
    relationship = RelationshipFactory(publication_state=PublicationState.DRAFT)
    relationship._history_user = curator
    relationship.save()
    cite(relationship).review(reviewer)
    relationship.transition("submit", reviewer)
    relationship.transition("publish", reviewer)
    assert relationship.publication_state == PublicationState.PUBLISHED


def test_a_one_person_team_may_review_its_own_changes(reviewer, cite, settings):
    settings.ALLOW_SELF_REVIEW = True
    relationship = RelationshipFactory()
    cite(relationship).review(reviewer)
    relationship._history_user = reviewer
    relationship.save()
    relationship.transition("approve", reviewer)
    assert relationship.reviewed_by == reviewer


# What the public sees: reviewed citations only ---------------------------------------------


def public_quotes():
    return sorted(citation.quote for citation in public_citations())


def test_a_citation_added_to_a_published_record_waits_for_a_reviewer(reviewer, version):
    partner = PartnerFactory()
    CitationFactory(claim=partner, version=version)
    added = CitationFactory(claim=partner, version=version, quote=LATER_QUOTE, reviewed=False)
    assert public_quotes() == [QUOTE]
    assert [c.quote for c in public_partner(partner).sources] == [QUOTE]
    added.review(reviewer)
    assert public_quotes() == sorted([QUOTE, LATER_QUOTE])


def test_a_published_record_cited_only_by_unreviewed_citations_is_not_public(version):
    partner = PartnerFactory()
    CitationFactory(claim=partner, version=version, reviewed=False)
    assert not only_supported(Partner.objects.filter(pk=partner.pk)).exists()
    assert only_supported(Partner.objects.filter(pk=partner.pk), preview=True).exists()


def test_a_requoted_citation_waits_for_a_reviewer_again(curator_client, version):
    citation = CitationFactory(claim=PartnerFactory(), version=version)
    url = f"/admin/documents/citation/{citation.pk}/change/"
    data = admin_form_data(curator_client.get(url))
    data.update(quote=LATER_QUOTE, prefix="", suffix="")
    assert curator_client.post(url, data).status_code == 302
    assert public_quotes() == []


def test_a_citation_given_another_field_waits_for_a_reviewer_again(curator_client, version):
    citation = CitationFactory(claim=PartnerFactory(), version=version)
    url = f"/admin/documents/citation/{citation.pk}/change/"
    data = admin_form_data(curator_client.get(url))
    data.update(field="name")
    assert curator_client.post(url, data).status_code == 302
    assert public_quotes() == []


def new_version(version, text):
    return import_document(
        RawSource(content=text, is_html=False, origin="update.txt"),
        document=version.document,
        publish=True,
    )


def test_an_exact_reanchoring_keeps_the_review_and_a_move_loses_it(version):
    kept = CitationFactory(claim=PartnerFactory(), version=version)
    moved = CitationFactory(claim=PartnerFactory(), version=version, quote=LATER_QUOTE)
    rest = "apporte son soutien aux réformes du secteur de la défense."
    new_version(version, SAMPLE_TEXT.replace(rest, "soutient la réforme de la défense."))
    kept.refresh_from_db(), moved.refresh_from_db()
    assert (kept.status, moved.status) == (Citation.Status.VERIFIED, Citation.Status.MOVED)
    assert kept.version != version and kept.is_reviewed
    assert not moved.is_reviewed
    assert public_quotes() == [QUOTE]


def test_a_reviewer_approves_a_curators_edit_from_the_unchanged_form(
    client, curator, reviewer, version
):
    relationship = RelationshipFactory()
    CitationFactory(claim=relationship, version=version)
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    curator_client = staff_client(client, curator)
    data = admin_form_data(curator_client.get(url))
    data.update(summary_en="Rewritten by the curator.")
    assert curator_client.post(url, data).status_code == 302
    reviewer_client = staff_client(Client(), reviewer)
    data = admin_form_data(reviewer_client.get(url))
    response = reviewer_client.post(url, {**data, "_transition": "approve"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    relationship.refresh_from_db()
    assert relationship.reviewed_by == reviewer
    assert not Relationship.objects.changed_since_review().filter(pk=relationship.pk).exists()
    assert (
        relationship.history.filter(history_user=reviewer)
        .exclude(history_change_reason="workflow")
        .count()
        == 0
    )


def test_an_unchanged_citation_row_saves_nothing(client, curator, version):
    relationship = RelationshipFactory()
    citation = CitationFactory(claim=relationship, version=version)
    assert citation.prefix.endswith(" ") and citation.suffix.startswith(" ")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    curator_client = staff_client(client, curator)
    data = admin_form_data(curator_client.get(url))
    row = next(key for key in data if key.endswith("-0-prefix"))[: -len("prefix")]
    # What a browser posts back from the one-line boxes: line breaks gone, ends trimmed.
    data[row + "prefix"] = data[row + "prefix"].strip()
    data[row + "suffix"] = data[row + "suffix"].replace(" ", "\n", 1).strip()
    assert curator_client.post(url, data).status_code == 302
    saved = Citation.objects.get(pk=citation.pk)
    assert saved.lock_version == citation.lock_version
    assert saved.history.count() == 1
    assert (saved.prefix, saved.suffix) == (citation.prefix, citation.suffix)


def test_a_citation_row_with_new_words_of_context_is_saved(client, curator, version):
    relationship = RelationshipFactory()
    citation = CitationFactory(claim=relationship, version=version)
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    curator_client = staff_client(client, curator)
    data = admin_form_data(curator_client.get(url))
    row = next(key for key in data if key.endswith("-0-note"))[: -len("note")]
    data[row + "note"] = "Checked against the printed text."
    data[row + "prefix"] = "année où"
    assert curator_client.post(url, data).status_code == 302
    saved = Citation.objects.get(pk=citation.pk)
    assert saved.note == "Checked against the printed text."
    assert saved.lock_version == citation.lock_version + 1
    assert saved.prefix == citation.prefix  # the context is the document's, recomputed
