import pytest
from django.contrib.auth.models import Group, User

from editorial.roles import CURATOR, REVIEWER
from tests.factories import CitationFactory, DocumentVersionFactory


def member_of(group_name: str, username: str) -> User:
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def curator(db):
    return member_of(CURATOR, "curator")


@pytest.fixture
def reviewer(db):
    return member_of(REVIEWER, "reviewer")


def staff_client(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def curator_client(client, curator):
    return staff_client(client, curator)


@pytest.fixture
def reviewer_client(client, reviewer):
    return staff_client(client, reviewer)


@pytest.fixture
def version(db):
    return DocumentVersionFactory()


@pytest.fixture
def cite(version):
    """Back ``claim`` with a verified citation of the sample text, not reviewed yet
    (``reviewed=True``: reviewed, as the public needs)."""

    def cite(claim, quote="la Serbie a adhéré au Partenariat pour la paix", reviewed=False):
        return CitationFactory(claim=claim, version=version, quote=quote, reviewed=reviewed)

    return cite
