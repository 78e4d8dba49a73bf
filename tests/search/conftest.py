"""A small bilingual corpus for the search tests: partners with aliases and acronyms, a
programme with its acronyms in both languages, and a French and an English source document
whose passages support them."""

from dataclasses import dataclass

import pytest
from django.db import connection

from documents.models import DocumentVersion
from partners.models import Partner
from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    PartnerFactory,
    ProgrammeFactory,
    SourceDocumentFactory,
)

ON_POSTGRESQL = connection.vendor == "postgresql"
postgresql_only = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="PostgreSQL's own full-text machinery (tsvector, GIN)"
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own full-text machinery (FTS5)"
)

FRENCH_TEXT = (
    "Relations avec le Bélarus\n"
    "L'adhésion du Bélarus au Partenariat pour la paix (PPP) en 1995 marque le début "
    "de la coopération bilatérale.\n"
    "Le projet de fonds d'affectation spéciale a permis de détruire des mines antipersonnel.\n"
    "Les Alliés de l'OTAN entretiennent un dialogue régulier avec Minsk."
)
ENGLISH_TEXT = (
    "Relations with Belarus\n"
    "Belarus joined the Partnership for Peace in 1995.\n"
    "NATO Allies keep up a regular dialogue with Minsk."
)


@dataclass
class Corpus:
    belarus: Partner
    nato: Partner
    pfp: object
    french: DocumentVersion
    english: DocumentVersion


def cite(claim, version, quote):
    CitationFactory(claim=claim, version=version, quote=quote)
    return claim


@pytest.fixture
def corpus(db) -> Corpus:
    publisher = PartnerFactory(slug="publisher", name_fr="Éditeur", name_en="Publisher")
    french = DocumentVersionFactory(
        document=SourceDocumentFactory(
            slug="nato-belarus",
            title_fr="Relations avec le Bélarus",
            title_en="Relations with Belarus",
            publisher=publisher,
            language="fr",
        ),
        text=FRENCH_TEXT,
        raw=FRENCH_TEXT,
    )
    english = DocumentVersionFactory(
        document=SourceDocumentFactory(
            slug="nato-belarus-en",
            title_fr="Relations avec le Bélarus (anglais)",
            title_en="Relations with Belarus",
            publisher=publisher,
            language="en",
        ),
        text=ENGLISH_TEXT,
        raw=ENGLISH_TEXT,
    )
    belarus = PartnerFactory(
        slug="belarus",
        kind=Partner.Kind.STATE,
        name_fr="Bélarus",
        name_en="Belarus",
        description_fr="État d'Europe orientale, partenaire depuis 1995.",
        description_en="Eastern European state, a partner since 1995.",
    )
    belarus.aliases.create(name="Biélorussie", language="fr")
    nato = PartnerFactory(
        slug="nato",
        name_fr="Organisation du Traité de l'Atlantique Nord",
        name_en="North Atlantic Treaty Organization",
        acronym_fr="OTAN",
        acronym_en="NATO",
    )
    pfp = ProgrammeFactory(
        slug="pfp",
        name_fr="Partenariat pour la paix",
        name_en="Partnership for Peace",
        acronym_fr="PPP",
        acronym_en="PfP",
    )
    cite(belarus, french, "L'adhésion du Bélarus au Partenariat pour la paix")
    cite(nato, french, "Les Alliés de l'OTAN entretiennent un dialogue régulier")
    cite(pfp, english, "Belarus joined the Partnership for Peace in 1995.")
    return Corpus(belarus=belarus, nato=nato, pfp=pfp, french=french, english=english)
