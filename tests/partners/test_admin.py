import pytest
from django.urls import reverse

from partners.models import Event
from tests.admin_forms import admin_form_data, form_errors

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "partners_partner",
    "partners_relationship",
    "partners_event",
    "programmes_programme",
    "programmes_participation",
    "documents_sourcedocument",
    "documents_documentversion",
    "documents_citation",
]


@pytest.mark.parametrize("name", CHANGELISTS)
def test_every_changelist_lists_the_seed(admin_client, seeded, name):
    response = admin_client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0


@pytest.mark.parametrize("name", CHANGELISTS)
def test_every_change_page_opens(admin_client, seeded, name):
    changelist = admin_client.get(reverse(f"admin:{name}_changelist"))
    first = changelist.context["cl"].result_list[0]
    response = admin_client.get(reverse(f"admin:{name}_change", args=[first.pk]))
    assert response.status_code == 200


def test_partners_are_found_by_alias(admin_client, seeded):
    response = admin_client.get(reverse("admin:partners_partner_changelist"), {"q": "Biélorussie"})
    assert [p.slug for p in response.context["cl"].result_list] == ["belarus"]


def test_an_event_date_is_entered_at_its_precision(admin_client, seeded, english):
    event = Event.objects.get(slug__startswith="nato-serbia", kind="office_opened")
    url = reverse("admin:partners_event_change", args=[event.pk])
    data = admin_form_data(admin_client.get(url))
    assert data["date"] == "2006-12"
    data["date"] = "2006"
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    event.refresh_from_db()
    assert str(event.date) == "2006"


def test_a_malformed_date_is_refused_with_the_expected_form(admin_client, seeded):
    event = Event.objects.filter(relationship__slug="nato-serbia").first()
    url = reverse("admin:partners_event_change", args=[event.pk])
    data = admin_form_data(admin_client.get(url))
    data["date"] = "12/2006"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in response.content.decode()
