import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from editorial.roles import ADMINISTRATOR, CURATOR, REVIEWER

pytestmark = pytest.mark.django_db


def test_the_migration_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {CURATOR, REVIEWER, ADMINISTRATOR}


def test_a_curator_may_edit_claims_and_citations_but_not_publish_or_review(curator):
    assert curator.has_perm("programmes.change_participation")
    assert curator.has_perm("documents.add_citation")
    assert not curator.has_perm("programmes.publish_participation")
    assert not curator.has_perm("documents.review_citation")


def test_a_reviewer_may_also_publish_and_review_citations(reviewer):
    assert reviewer.has_perm("partners.change_relationship")
    assert reviewer.has_perm("partners.publish_relationship")
    assert reviewer.has_perm("documents.review_citation")


def test_an_administrator_may_manage_users_and_every_record():
    user = User.objects.create_user("admin-role", is_staff=True)
    user.groups.add(Group.objects.get(name=ADMINISTRATOR))
    assert user.has_perm("auth.change_user")
    assert user.has_perm("partners.delete_partner")
    assert user.has_perm("programmes.publish_programme")


def test_setup_roles_puts_back_a_removed_permission():
    curator = Group.objects.get(name=CURATOR)
    curator.permissions.clear()
    call_command("setup_roles", stdout=io.StringIO())
    assert curator.permissions.filter(codename="change_participation").exists()
    assert not curator.permissions.filter(codename="publish_participation").exists()
