import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ParticipationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_a_partner_takes_the_same_role_from_the_same_start_once():
    participation = ParticipationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(
            partner=participation.partner, programme=participation.programme, start="2006"
        )


def test_a_participation_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(start="2010", end="2006")


def test_a_participation_stores_its_dates_at_their_precision():
    participation = ParticipationFactory(start="2006", end="2007-06")
    participation.refresh_from_db()
    assert participation.start.isoformat() == "2006"
    assert participation.end.isoformat() == "2007-06"


def test_a_programme_cannot_be_its_own_ancestor():
    pfp = ProgrammeFactory()
    ipap = ProgrammeFactory(parent=pfp)
    pfp.parent = ipap
    with pytest.raises(ValidationError) as error:
        pfp.clean()
    assert "parent" in error.value.message_dict


def test_a_programme_cannot_be_its_own_parent_in_the_database():
    pfp = ProgrammeFactory()
    pfp.parent = pfp
    with pytest.raises(IntegrityError), transaction.atomic():
        pfp.save()
