import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partners.models import Partner, PartnerAlias
from tests.factories import EventFactory, PartnerFactory, RelationshipFactory

pytestmark = pytest.mark.django_db


def assert_refused_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_a_relationship_needs_two_different_partners():
    nato = PartnerFactory()
    assert_refused_by_database(lambda: RelationshipFactory(subject=nato, counterpart=nato))


def test_a_pair_of_partners_has_one_relationship():
    relationship = RelationshipFactory()
    assert_refused_by_database(
        lambda: RelationshipFactory(
            subject=relationship.subject, counterpart=relationship.counterpart
        )
    )


def test_the_reverse_pair_is_another_relationship():
    relationship = RelationshipFactory()
    RelationshipFactory(subject=relationship.counterpart, counterpart=relationship.subject)


def test_only_a_state_has_an_iso_code():
    assert_refused_by_database(
        lambda: PartnerFactory(kind=Partner.Kind.INTERNATIONAL_ORGANISATION, iso_code="NT")
    )
    partner = PartnerFactory.build(kind=Partner.Kind.INTERNATIONAL_ORGANISATION, iso_code="NT")
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "iso_code" in error.value.message_dict


def test_two_states_cannot_share_an_iso_code():
    PartnerFactory(kind=Partner.Kind.STATE, iso_code="RS")
    assert_refused_by_database(lambda: PartnerFactory(kind=Partner.Kind.STATE, iso_code="RS"))


def test_an_alias_is_listed_once_per_partner():
    partner = PartnerFactory()
    PartnerAlias.objects.create(partner=partner, name="OTAN")
    assert_refused_by_database(lambda: PartnerAlias.objects.create(partner=partner, name="OTAN"))


def test_an_event_date_always_has_a_precision():
    event = EventFactory()
    event.start_precision = ""
    assert_refused_by_database(event.save)


def test_an_event_cannot_end_before_it_starts():
    assert_refused_by_database(lambda: EventFactory(date="2014-10-02", end="2014-10-01"))


def test_a_figure_needs_its_unit():
    assert_refused_by_database(lambda: EventFactory(figure_quantity=28000, figure_unit=""))
    event = EventFactory.build(figure_quantity=28000, figure_unit="")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "figure_unit" in error.value.message_dict


def test_a_missing_english_name_falls_back_to_french(english):
    partner = PartnerFactory(name_fr="Bélarus", name_en="")
    assert partner.name == "Bélarus"
