"""The workflow in the admin: lists, filters, actions and buttons, and forged requests."""

import pytest
from django.urls import reverse

from editorial.models import PublicationState
from programmes.models import Participation
from tests.admin_forms import admin_form_data
from tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:programmes_participation_changelist"


@pytest.fixture
def in_review(cite, reviewer):
    participation = ParticipationFactory(publication_state=PublicationState.IN_REVIEW)
    cite(participation).review(reviewer)
    return participation


def action(client, name, records):
    return client.post(
        reverse(CHANGELIST),
        {"action": name, "_selected_action": [r.pk for r in records]},
    )


def test_the_list_shows_state_and_review_status(curator_client, in_review):
    html = curator_client.get(reverse(CHANGELIST)).content.decode()
    assert "In review" in html and "Waiting for review" in html


def test_the_waiting_for_review_filter_keeps_records_in_review(curator_client, in_review):
    ParticipationFactory()
    response = curator_client.get(reverse(CHANGELIST), {"review": "waiting"})
    assert list(response.context["cl"].result_list) == [in_review]


def test_the_changed_since_review_filter_keeps_edited_records(curator_client, reviewer, cite):
    reviewed = ParticipationFactory(publication_state=PublicationState.IN_REVIEW)
    cite(reviewed).review(reviewer)
    reviewed.transition("publish", reviewer)
    edited = ParticipationFactory(publication_state=PublicationState.IN_REVIEW)
    cite(edited, quote="établi en décembre 2006").review(reviewer)
    edited.transition("publish", reviewer)
    edited.note_en = "Corrected."
    edited.save()
    response = curator_client.get(reverse(CHANGELIST), {"review": "changed"})
    assert list(response.context["cl"].result_list) == [edited]


def test_a_curator_is_not_offered_the_publish_action(curator_client, in_review):
    response = curator_client.get(reverse(CHANGELIST))
    offered = dict(response.context["action_form"].fields["action"].choices)
    assert "submit_records" in offered
    assert "publish_records" not in offered


def test_a_curator_posting_the_publish_action_is_refused(curator_client, in_review):
    action(curator_client, "publish_records", [in_review])
    in_review.refresh_from_db()
    assert in_review.publication_state == PublicationState.IN_REVIEW


def test_a_curator_posting_a_state_in_the_form_changes_nothing(curator_client, in_review):
    url = reverse("admin:programmes_participation_change", args=[in_review.pk])
    data = admin_form_data(curator_client.get(url))
    data["publication_state"] = PublicationState.PUBLISHED
    assert curator_client.post(url, data).status_code == 302
    in_review.refresh_from_db()
    assert in_review.publication_state == PublicationState.IN_REVIEW


def test_a_curator_pressing_a_forged_publish_button_is_forbidden(curator_client, in_review):
    url = reverse("admin:programmes_participation_change", args=[in_review.pk])
    data = admin_form_data(curator_client.get(url))
    data["_transition"] = "publish"
    assert curator_client.post(url, data).status_code == 403
    in_review.refresh_from_db()
    assert in_review.publication_state == PublicationState.IN_REVIEW


def test_a_reviewer_publishes_with_the_action(reviewer_client, in_review):
    action(reviewer_client, "publish_records", [in_review])
    in_review.refresh_from_db()
    assert in_review.publication_state == PublicationState.PUBLISHED


def test_publishing_a_record_with_unreviewed_citations_is_refused_with_a_message(
    reviewer_client, cite
):
    participation = ParticipationFactory(publication_state=PublicationState.IN_REVIEW)
    cite(participation)
    response = action(reviewer_client, "publish_records", [participation])
    participation.refresh_from_db()
    assert participation.publication_state == PublicationState.IN_REVIEW
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("must be reviewed" in m for m in messages)


def test_the_change_form_offers_a_curator_only_their_buttons(curator_client, in_review):
    url = reverse("admin:programmes_participation_change", args=[in_review.pk])
    assert [t.name for t in curator_client.get(url).context["transitions"]] == ["withdraw"]


def test_the_change_form_offers_a_reviewer_the_publish_button(reviewer_client, in_review):
    url = reverse("admin:programmes_participation_change", args=[in_review.pk])
    html = reviewer_client.get(url).content.decode()
    assert 'name="_transition" value="publish"' in html


def test_a_curator_cannot_review_citations_from_the_admin(curator_client, in_review, cite):
    citation = cite(ParticipationFactory(), quote="établi en décembre 2006")
    curator_client.post(
        reverse("admin:documents_citation_changelist"),
        {"action": "review_citations", "_selected_action": [citation.pk]},
    )
    citation.refresh_from_db()
    assert citation.reviewed_at is None


def test_the_participations_are_all_in_the_list(curator_client, in_review):
    response = curator_client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count == Participation.objects.count()
