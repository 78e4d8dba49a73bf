"""Optimistic locking: two curators on the same record never lose an update silently."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from documents.importing import import_document
from documents.models import Citation
from documents.sources import RawSource
from editorial.locking import StaleRecord, expect_version
from editorial.roles import CURATOR
from partners.models import Relationship
from programmes.models import Participation
from tests.admin_forms import admin_form_data, inline_prefix
from tests.editorial.conftest import member_of, staff_client
from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    ParticipationFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def first(curator):
    return staff_client(Client(), curator)


@pytest.fixture
def second(db):
    return staff_client(Client(), member_of(CURATOR, "second"))


def refusal(response):
    """The messages of a change form that came back refused."""
    assert response.status_code == 200, "the save was not refused"
    return " ".join(response.context["adminform"].form.non_field_errors())


# Change forms ------------------------------------------------------------------------------


def test_the_second_of_two_curators_saving_the_same_form_is_refused(first, second):
    relationship = RelationshipFactory(title_en="Before")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    mine, theirs = admin_form_data(first.get(url)), admin_form_data(second.get(url))

    mine["title_en"] = "First curator's title"
    assert first.post(url, mine).status_code == 302
    theirs["title_en"] = "Second curator's title"
    theirs["summary_en"] = "Second curator's summary"
    response = second.post(url, theirs)

    message = refusal(response)
    assert "Title [en]: changed by curator" in message
    assert "you saw “Before”, it is now “First curator's title”" in message
    relationship.refresh_from_db()
    assert relationship.title_en == "First curator's title"
    assert relationship.summary_en != "Second curator's summary"
    form = response.context["adminform"].form
    assert form["title_en"].value() == "Second curator's title"
    assert form["summary_en"].value() == "Second curator's summary"
    assert "Second curator&#x27;s summary" in response.content.decode()


def test_saving_the_refused_form_again_applies_the_curators_values(first, second):
    relationship = RelationshipFactory(title_en="Before")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    mine, theirs = admin_form_data(first.get(url)), admin_form_data(second.get(url))
    mine["title_en"] = "First"
    first.post(url, mine)
    theirs["title_en"] = "Second"
    refused = second.post(url, theirs)

    again = second.post(url, admin_form_data(refused))
    assert again.status_code == 302
    relationship.refresh_from_db()
    assert relationship.title_en == "Second"


def test_a_save_without_a_conflict_goes_through_each_time(first):
    relationship = RelationshipFactory(title_en="Before")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    for title in ("Once", "Twice"):
        data = admin_form_data(first.get(url))
        data["title_en"] = title
        assert first.post(url, data).status_code == 302
        relationship.refresh_from_db()
        assert relationship.title_en == title


def test_a_stale_citation_form_is_refused_naming_the_field(first, second):
    citation = CitationFactory(note="")
    url = reverse("admin:documents_citation_change", args=[citation.pk])
    mine, theirs = admin_form_data(first.get(url)), admin_form_data(second.get(url))
    mine["note"] = "Checked against the printed report."
    assert first.post(url, mine).status_code == 302
    theirs["note"] = "Another note."
    message = refusal(second.post(url, theirs))
    assert "Curator note: changed by curator" in message
    citation.refresh_from_db()
    assert citation.note == "Checked against the printed report."


def test_a_form_opened_before_a_programmatic_write_is_refused(first):
    relationship = RelationshipFactory(title_en="Before")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    data = admin_form_data(first.get(url))
    relationship.summary_en = "Written by the seed loader."
    relationship.save()  # unchecked: moves the version on, never refused
    data["title_en"] = "After"
    message = refusal(first.post(url, data))
    assert "Summary [en]" in message and "an import or a script" in message
    relationship.refresh_from_db()
    assert relationship.title_en == "Before"


def test_a_stale_inline_citation_is_refused_not_written_back(second):
    relationship = RelationshipFactory(title_en="Before")
    citation = CitationFactory(claim=relationship, note="")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    page = second.get(url)
    citation.note = "Changed meanwhile in the citations list."
    citation.save()

    data = admin_form_data(page)
    data["title_en"] = "After"
    response = second.post(url, data)
    assert response.status_code == 200
    assert "Curator note" in response.content.decode()
    citation.refresh_from_db()
    assert citation.note == "Changed meanwhile in the citations list."
    relationship.refresh_from_db()
    assert relationship.title_en == "Before"


def test_an_inline_citation_unchanged_since_the_form_was_shown_saves(second):
    relationship = RelationshipFactory()
    citation = CitationFactory(claim=relationship, note="")
    url = reverse("admin:partners_relationship_change", args=[relationship.pk])
    page = second.get(url)
    data = admin_form_data(page)
    data[f"{inline_prefix(page, Citation)}-0-note"] = "Checked."
    assert second.post(url, data).status_code == 302
    citation.refresh_from_db()
    assert citation.note == "Checked."


# The race between the check and the write ----------------------------------------------------


def test_a_checked_save_refuses_a_row_written_after_it_was_read():
    participation = ParticipationFactory(note_en="")
    seen = participation.lock_version
    mine, theirs = (Participation.objects.get(pk=participation.pk) for _ in range(2))
    expect_version(mine, seen)
    mine.note_en = "first"
    mine.save()
    expect_version(theirs, seen)
    theirs.note_en = "second"
    with pytest.raises(StaleRecord) as refused:
        theirs.save()
    assert any("Note [en]" in line for line in refused.value.messages)
    assert Participation.objects.get(pk=participation.pk).note_en == "first"
    assert theirs.lock_version == seen  # not written, not moved on


def test_unchecked_writers_never_fail_and_keep_the_versions_increasing():
    participation = ParticipationFactory()
    stale = Participation.objects.get(pk=participation.pk)
    participation.save()
    participation.save()
    stale.note_en = "written from an old copy"
    stale.save()
    assert stale.lock_version == participation.lock_version + 1
    row = Participation.objects.get(pk=participation.pk)
    assert (row.lock_version, row.note_en) == (stale.lock_version, "written from an old copy")


# Change-list actions ---------------------------------------------------------------------------


def seen_versions(response) -> dict[int, str]:
    found = re.findall(r'name="seen_version-(\d+)" value="(\d+)"', response.content.decode())
    return {int(pk): version for pk, version in found}


def act(client, url, action, rows, listed):
    data = {
        "action": action,
        "_selected_action": [r.pk for r in rows],
        **{f"seen_version-{pk}": version for pk, version in seen_versions(listed).items()},
    }
    return client.post(url, data, follow=True)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def orphaned():
    """Two citations orphaned by a new version of their text, each with a suggestion."""
    version = DocumentVersionFactory(is_current=True)
    quotes = ["établi en décembre 2006", "la Serbie a adhéré au Partenariat pour la paix"]
    citations = [CitationFactory(version=version, quote=quote) for quote in quotes]
    new_text = version.text.replace("établi en décembre 2006", "établi en déc. 2006").replace(
        "la Serbie a adhéré au Partenariat pour la paix", "la Serbie a adhéré au Partenariat"
    )
    import_document(RawSource(new_text, False, "v2.txt"), document=version.document, publish=True)
    for citation in citations:
        citation.refresh_from_db()
        assert citation.status == Citation.Status.ORPHANED and citation.has_suggestion
    return citations


def test_a_queue_action_refuses_the_row_changed_since_the_list_was_shown(second, orphaned):
    changed, unchanged = orphaned
    queue = reverse("admin:documents_citationforreview_changelist")
    listed = second.get(queue)
    changed.note = "Looked at by the first curator: the suggestion is wrong."
    changed.save()

    response = act(second, queue, "accept_suggestions", [changed, unchanged], listed)

    refused = [m for m in messages_of(response) if "changed since the list was shown" in m]
    assert len(refused) == 1 and str(changed) in refused[0] and "Curator note" in refused[0]
    changed.refresh_from_db()
    assert changed.status == Citation.Status.ORPHANED and changed.has_suggestion
    unchanged.refresh_from_db()
    assert unchanged.status == Citation.Status.VERIFIED


def test_a_queue_action_names_a_row_that_left_the_list_since(second, orphaned):
    settled, _ = orphaned
    queue = reverse("admin:documents_citationforreview_changelist")
    listed = second.get(queue)
    settled.accept_suggestion()
    response = act(second, queue, "retire_citations", [settled], listed)
    (refused,) = [m for m in messages_of(response) if "changed since the list was shown" in m]
    assert "no longer in this list" in refused
    settled.refresh_from_db()
    assert settled.status == Citation.Status.VERIFIED


def test_a_workflow_action_refuses_a_record_changed_since_the_list_was_shown(second):
    participation = ParticipationFactory(publication_state="draft")
    changelist = reverse("admin:programmes_participation_changelist")
    listed = second.get(changelist)
    participation.note_en = "Edited meanwhile."
    participation.save()
    response = act(second, changelist, "submit_records", [participation], listed)
    assert any("changed since the list was shown" in m for m in messages_of(response))
    participation.refresh_from_db()
    assert participation.publication_state == "draft"


def test_an_action_on_rows_unchanged_since_the_list_goes_through(second):
    participation = ParticipationFactory(publication_state="draft")
    changelist = reverse("admin:programmes_participation_changelist")
    listed = second.get(changelist)
    act(second, changelist, "submit_records", [participation], listed)
    participation.refresh_from_db()
    assert participation.publication_state == "in_review"


def test_the_change_lists_carry_each_rows_version(second):
    relationship = RelationshipFactory()
    listed = second.get(reverse("admin:partners_relationship_changelist"))
    assert seen_versions(listed) == {relationship.pk: str(relationship.lock_version)}
    assert Relationship.objects.get(pk=relationship.pk).lock_version == 1


def test_a_revert_posted_after_the_record_changed_is_refused(first):
    relationship = RelationshipFactory(title_en="Original")
    original = relationship.history.latest()
    relationship.title_en = "Second"
    relationship.save()
    url = reverse(
        "admin:partners_relationship_simple_history", args=[relationship.pk, original.history_id]
    )
    form = first.get(url).context["adminform"].form
    data = {f.html_name: f.value() for f in form if f.value() not in (None, False)}
    relationship.title_en = "Third, saved while the revert page was open"
    relationship.save()
    response = first.post(url, data)
    assert response.status_code == 200
    assert "Title [en]" in refusal(response)
    relationship.refresh_from_db()
    assert relationship.title_en == "Third, saved while the revert page was open"
