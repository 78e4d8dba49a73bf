"""A document on Serbia and NATO's Partnership for Peace, with the partners and the
programme it names, imported to suggest facts."""

import pytest

from documents.importing import import_document
from documents.sources import RawSource
from partners.models import Partner, PartnerAlias
from tests.factories import (
    PartnerFactory,
    ProgrammeFactory,
    RelationshipFactory,
    SourceDocumentFactory,
)

TEXT = (
    "Relations avec la Serbie\n"
    "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006.\n"
    "La Serbie participe au programme de formation (DEEP) depuis 2014.\n"
)


@pytest.fixture
def known(db):
    nato = PartnerFactory(
        slug="nato",
        name_fr="Organisation du Traité de l'Atlantique Nord",
        acronym_fr="OTAN",
        acronym_en="NATO",
    )
    serbia = PartnerFactory(
        slug="serbia", kind=Partner.Kind.STATE, name_fr="Serbie", name_en="Serbia"
    )
    PartnerAlias.objects.create(partner=serbia, name="République de Serbie", language="fr")
    pfp = ProgrammeFactory(
        slug="pfp",
        name_fr="Partenariat pour la paix",
        name_en="Partnership for Peace",
        acronym_fr="PPP",
        acronym_en="PfP",
        run_by=nato,
    )
    relationship = RelationshipFactory(slug="nato-serbia", subject=nato, counterpart=serbia)
    document = SourceDocumentFactory(slug="serbia", publisher=nato, language="fr")
    return {
        "nato": nato,
        "serbia": serbia,
        "pfp": pfp,
        "relationship": relationship,
        "document": document,
    }


def imported(known, text=TEXT):
    return import_document(
        RawSource(text, False, "serbia.txt"), document=known["document"], publish=True
    )
