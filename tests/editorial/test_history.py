import datetime

import pytest
from django.urls import reverse

from documents.models import Citation
from editorial.models import PublicationState
from editorial.revert import revert_citations
from partners.models import Partner, Relationship
from tests.admin_forms import admin_form_data
from tests.factories import RelationshipFactory

pytestmark = pytest.mark.django_db


def test_history_tables_keep_both_languages():
    fields = {f.name for f in Partner.history.model._meta.fields}
    assert {"name_fr", "name_en", "description_fr", "description_en"} <= fields


def test_history_leaves_out_the_long_version_texts():
    from documents.models import DocumentVersion

    fields = {f.name for f in DocumentVersion.history.model._meta.fields}
    assert "text" not in fields and "sha256" in fields


def test_every_curated_model_keeps_history():
    from django.apps import apps

    from editorial.history import HISTORY_MODELS

    assert all(hasattr(apps.get_model(label), "history") for label in HISTORY_MODELS)


def test_an_edit_in_the_admin_is_recorded_with_its_author(curator_client, curator):
    relationship = RelationshipFactory(title_en="Before")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    data = admin_form_data(curator_client.get(url))
    data["title_en"] = "After"
    assert curator_client.post(url, data).status_code == 302
    latest = relationship.history.latest()
    assert latest.history_user == curator
    assert latest.title_en == "After"
    assert "title_en" in latest.diff_against(latest.prev_record).changed_fields


def test_the_admin_history_page_shows_the_change(curator_client):
    relationship = RelationshipFactory(title_en="Before")
    relationship.title_en = "After"
    relationship.save()
    url = reverse("admin:partners_relationship_history", args=[relationship.pk])
    html = curator_client.get(url).content.decode()
    assert "Before" in html and "After" in html


def moment_after(record):
    return record.history.latest().history_date + datetime.timedelta(microseconds=1)


def test_reverting_citations_restores_changed_ones_and_retires_new_ones(cite, curator):
    relationship = RelationshipFactory()
    kept = cite(relationship)
    moment = moment_after(kept)
    kept.quote, kept.prefix, kept.suffix = "établi en décembre 2006", "", ""
    kept.anchor()
    kept.save()
    added = cite(relationship, quote="Relations avec la Serbie")

    counts = revert_citations(relationship, moment, curator)

    kept.refresh_from_db()
    added.refresh_from_db()
    assert kept.quote == "la Serbie a adhéré au Partenariat pour la paix"
    assert added.status == Citation.Status.RETIRED
    assert counts == {"restored": 1, "retired": 1}


def test_reverting_citations_recreates_a_deleted_one(cite, curator):
    relationship = RelationshipFactory()
    citation = cite(relationship)
    moment = moment_after(citation)
    pk = citation.pk
    citation.delete()
    revert_citations(relationship, moment, curator)
    assert Citation.objects.get(pk=pk).quote == "la Serbie a adhéré au Partenariat pour la paix"


def test_revert_in_the_admin_restores_values_and_citations_but_not_the_state(
    cite, curator_client, reviewer
):
    relationship = RelationshipFactory(title_en="Original", publication_state="in_review")
    cite(relationship).review(reviewer)
    original = relationship.history.latest()
    relationship.title_en = "Vandalised"
    relationship.save()
    added = cite(relationship, quote="Relations avec la Serbie")
    added.review(reviewer)
    relationship.transition("publish", reviewer)

    url = reverse(
        "admin:partners_relationship_simple_history", args=[relationship.pk, original.history_id]
    )
    form = curator_client.get(url).context["adminform"].form
    data = {f.html_name: f.value() for f in form if f.value() not in (None, False)}
    data["publication_state"] = PublicationState.DRAFT  # not a form field: ignored
    response = curator_client.post(url, data)

    assert response.status_code == 302
    relationship = Relationship.objects.get(pk=relationship.pk)
    assert relationship.title_en == "Original"
    assert relationship.publication_state == PublicationState.PUBLISHED
    assert Citation.objects.get(pk=added.pk).status == Citation.Status.RETIRED
    assert relationship.history.latest().history_user.username == "curator"


def test_the_admin_history_page_names_changed_values_as_the_forms_do(curator_client):
    relationship = RelationshipFactory(status=Relationship.Status.ACTIVE, summary_en="")
    relationship.status = Relationship.Status.SUSPENDED
    relationship.summary_en = "Cooperation since 2006."
    relationship.save()
    url = reverse("admin:partners_relationship_history", args=[relationship.pk])
    html = curator_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    changes = html[html.index('id="change-history"') :]
    assert f"{Relationship.Status.ACTIVE.label}\n" in changes
    assert f"{Relationship.Status.SUSPENDED.label}\n" in changes
    assert "—" in changes  # the summary had no text before
    assert "<td>\n          None\n        </td>" not in changes  # no reason given


def test_the_publication_workflow_is_named_as_the_reason_of_its_changes(curator_client, curator):
    relationship = RelationshipFactory(publication_state=PublicationState.DRAFT)
    relationship.transition("submit", curator)
    url = reverse("admin:partners_relationship_history", args=[relationship.pk])
    html = curator_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "publication workflow" in html
