import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    ParticipationFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_programme_list_opens_in_both_languages(client, seeded, language):
    response = client.get(url("programmes:programme_list", language))
    assert response.status_code == 200
    assert response.context["page"].paginator.count > 20


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pfp_page_lists_its_participants_with_roles_and_dates(client, seeded, language):
    response = client.get(url("programmes:programme_detail", language, "pfp"))
    assert response.status_code == 200
    page = response.context["page"]
    participants = {p.partner.slug: p for p in page.participations}
    assert participants["serbia"].start.isoformat() == "2006"
    assert participants["belarus"].start.isoformat() == "1995"
    html = response.content.decode()
    assert 'href="#fn-1"' in html
    assert {"fr": "Partenariat pour la paix", "en": "Partnership for Peace"}[language] in html


def test_a_programme_page_shows_its_child_programmes(client, seeded):
    page = client.get(url("programmes:programme_detail", "en", "pfp")).context["page"]
    assert {"parp"} <= {child.slug for child in page.children}


@pytest.fixture
def programme_with(db):
    def build(n):
        version = DocumentVersionFactory()
        programme = ProgrammeFactory()
        CitationFactory(claim=programme, version=version)
        for i in range(n):
            participation = ParticipationFactory(programme=programme, start=str(1990 + i))
            CitationFactory(claim=participation, version=version)
        return programme

    return build


def test_the_programme_page_query_count_is_pinned_and_does_not_grow(
    client, programme_with, django_assert_num_queries
):
    for size in (2, 20):
        programme = programme_with(size)
        # +1: the versions of the records shown, read after them (caching.pages)
        with django_assert_num_queries(7):
            response = client.get(url("programmes:programme_detail", "en", programme.slug))
        assert len(response.context["page"].participations) == size


def test_the_programme_list_query_count_is_pinned(client, seeded, django_assert_num_queries):
    with django_assert_num_queries(3):
        assert client.get(url("programmes:programme_list", "en")).status_code == 200


def test_an_unsupported_participation_is_hidden(client, programme_with):
    programme = programme_with(1)
    ParticipationFactory(programme=programme, start="2001")  # no citation
    response = client.get(url("programmes:programme_detail", "en", programme.slug))
    assert len(response.context["page"].participations) == 1


def test_the_programme_list_counts_only_supported_participants(client, programme_with):
    programme = programme_with(2)
    ParticipationFactory(programme=programme, start="2001")  # no citation: not counted
    page = client.get(url("programmes:programme_list", "en")).context["page"]
    listed = next(p for p in page if p.pk == programme.pk)
    assert listed.participant_count == 2


def test_an_unknown_programme_is_a_404(client, db):
    assert client.get(url("programmes:programme_detail", "en", "nothing")).status_code == 404
