"""Suggested facts in the admin: listed, shown in context, accepted (the record and its
verified citation) or rejected."""

import pytest
from django.urls import reverse

from documents.models import Citation
from partners.models import Event
from programmes.models import Participation, Programme
from suggestions.models import Suggestion
from tests.suggestions.conftest import TEXT, imported

SUGGESTIONS = reverse("admin:suggestions_suggestion_changelist")


def accept_url(suggestion):
    return reverse("admin:suggestions_suggestion_accept", args=[suggestion.pk])


def form_data(response):
    """What the accept form posts back, unchanged."""
    data = {}
    for field in response.context["form"]:
        value = field.value()
        if value in (None, ""):
            continue
        data[field.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data


@pytest.fixture
def pending(known):
    version = imported(known).version
    return {s.kind: s for s in Suggestion.objects.filter(version=version).order_by("start")}


def test_the_list_filters_by_kind_status_and_document(admin_client, pending):
    response = admin_client.get(SUGGESTIONS, {"kind": "event"})
    assert {s.kind for s in response.context["cl"].result_list} == {"event"}
    response = admin_client.get(SUGGESTIONS, {"status": "rejected"})
    assert list(response.context["cl"].result_list) == []
    document = pending["event"].version.document
    response = admin_client.get(SUGGESTIONS, {"version__document__id__exact": document.pk})
    assert len(response.context["cl"].result_list) == 4
    assert "Accept or reject" in response.content.decode()


def test_a_suggestion_shows_its_sentence_in_context(admin_client, pending):
    suggestion = pending["participation"]
    url = reverse("admin:suggestions_suggestion_change", args=[suggestion.pk])
    page = admin_client.get(url).content.decode()
    assert f"<mark>{suggestion.quote}</mark>" in page
    assert accept_url(suggestion) in page
    french = admin_client.get(accept_url(suggestion), HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 200


def test_accepting_a_participation_creates_it_with_its_verified_citation(admin_client, pending):
    suggestion = pending["participation"]
    page = admin_client.get(accept_url(suggestion))
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["partner"].slug == "serbia" and form.initial["programme"].slug == "pfp"
    data = {**form_data(page), "role": "member"}  # edited before saving
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 302, response.context["form"].errors
    participation = Participation.objects.get()
    assert (participation.partner.slug, participation.programme.slug) == ("serbia", "pfp")
    assert participation.role == "member" and str(participation.start) == "2006"
    (citation,) = Citation.objects.for_claim(participation)
    assert citation.status == Citation.Status.VERIFIED
    assert citation.quote == suggestion.quote and citation.version == suggestion.version
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED and suggestion.record == participation


def test_accepting_an_event_with_a_shorter_quote_cites_that_part(admin_client, known, pending):
    suggestion = next(
        s for s in Suggestion.objects.filter(kind="event") if s.date.isoformat() == "2006"
    )
    page = admin_client.get(accept_url(suggestion))
    assert page.context["form"].initial["relationship"] == known["relationship"]
    data = {**form_data(page), "quote": "adhéré au Partenariat pour la paix (PPP) en 2006"}
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert (event.kind, event.date.isoformat(), event.relationship) == (
        "accession",
        "2006",
        known["relationship"],
    )
    assert list(event.partners.all()) == [known["serbia"]]
    (citation,) = Citation.objects.for_claim(event)
    assert citation.quote == "adhéré au Partenariat pour la paix (PPP) en 2006"


def test_a_quote_that_is_not_in_the_text_is_refused_and_nothing_is_saved(admin_client, pending):
    suggestion = pending["participation"]
    data = {**form_data(admin_client.get(accept_url(suggestion))), "quote": "ne figure pas"}
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 200
    assert "does not occur" in str(response.context["form"].errors["quote"])
    assert not Participation.objects.exists() and not Citation.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.is_pending


def test_accepting_a_new_programme_creates_it_with_its_citation(admin_client, pending):
    suggestion = pending["new_programme"]
    page = admin_client.get(accept_url(suggestion))
    data = {**form_data(page), "name_en": "Defence Education Enhancement Programme"}
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 302, response.context["form"].errors
    programme = Programme.objects.get(acronym_fr="DEEP")
    assert programme.slug == "deep" and programme.kind == Programme.Kind.PROGRAMME
    assert Citation.objects.for_claim(programme).get().quote == suggestion.quote


def test_rejecting_in_the_admin_is_remembered(admin_client, pending):
    suggestion = pending["participation"]
    response = admin_client.post(accept_url(suggestion), {"_reject": "1"})
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.REJECTED
    assert admin_client.get(accept_url(suggestion)).status_code == 302  # decided already
    event = pending["event"]
    admin_client.post(SUGGESTIONS, {"action": "reject_suggestions", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Suggestion.Status.REJECTED


def test_a_pending_version_suggests_nothing_until_it_is_published(admin_client, known):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("serbia.txt", TEXT.encode(), content_type="text/plain")
    response = admin_client.post(
        reverse("admin:documents_sourcedocument_import"),
        {"upload": upload, "document": known["document"].pk, "kind": "web_page"},
        follow=True,
    )
    assert "fact(s) suggested" not in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_suggestion_decided_meanwhile_is_not_accepted_again(admin_client, pending):
    from django.core.exceptions import ValidationError

    from suggestions.admin import AcceptParticipationForm
    from suggestions.deciding import accept, reject

    suggestion = pending["participation"]
    data = form_data(admin_client.get(accept_url(suggestion)))
    read_before = Suggestion.objects.get(pk=suggestion.pk)
    form = AcceptParticipationForm(data, suggestion=read_before)
    assert form.is_valid(), form.errors
    reject(suggestion)  # by another curator, after the first read it
    with pytest.raises(ValidationError):
        accept(read_before, form, form.citation)
    assert not Participation.objects.exists()
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.REJECTED
    with pytest.raises(ValidationError):
        reject(read_before)  # nor rejected again from what it was
