import factory
from django.utils import timezone

from documents.models import Citation, DocumentVersion, SourceDocument
from partners.models import Event, Partner, Relationship
from programmes.models import Participation, Programme

SAMPLE_TEXT = (
    "Relations avec la Serbie\n"
    "La coopération et le dialogue se sont développés de manière régulière depuis 2006, "
    "année où la Serbie a adhéré au Partenariat pour la paix (PPP).\n"
    "Le Bureau de liaison militaire de l’OTAN à Belgrade, établi en décembre 2006, "
    "apporte son soutien aux réformes du secteur de la défense."
)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"partner-{n}")
    # Published, so tests see what the public sees; a new partner is a draft.
    publication_state = Partner.State.PUBLISHED
    kind = Partner.Kind.INTERNATIONAL_ORGANISATION
    name_fr = factory.Sequence(lambda n: f"Partenaire {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")


class RelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relationship

    slug = factory.Sequence(lambda n: f"relationship-{n}")
    # Published, so tests see what the public sees; a new relationship is a draft.
    publication_state = Relationship.State.PUBLISHED
    subject = factory.SubFactory(PartnerFactory)
    counterpart = factory.SubFactory(PartnerFactory)
    title_fr = factory.Sequence(lambda n: f"Relation {n}")
    title_en = factory.Sequence(lambda n: f"Relationship {n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    # Published, so tests see what the public sees; a new programme is a draft.
    publication_state = Programme.State.PUBLISHED
    kind = Programme.Kind.PROGRAMME
    name_fr = factory.Sequence(lambda n: f"Programme {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    # Published, so tests see what the public sees; a new event is a draft.
    publication_state = Event.State.PUBLISHED
    relationship = factory.SubFactory(RelationshipFactory)
    kind = Event.Kind.MEETING
    title_fr = factory.Sequence(lambda n: f"Événement {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    date = "2006-12"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    partner = factory.SubFactory(PartnerFactory)
    # Published, so tests see what the public sees; a new participation is a draft.
    publication_state = Participation.State.PUBLISHED
    programme = factory.SubFactory(ProgrammeFactory)
    role = Participation.Role.PARTICIPANT
    start = "2006"


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    slug = factory.Sequence(lambda n: f"document-{n}")
    title_fr = factory.Sequence(lambda n: f"Document {n}")
    title_en = factory.Sequence(lambda n: f"Document {n}")
    publisher = factory.SubFactory(PartnerFactory)
    language = "fr"
    kind = SourceDocument.Kind.TOPIC_PAGE


class DocumentVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentVersion

    document = factory.SubFactory(SourceDocumentFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = SAMPLE_TEXT
    raw = SAMPLE_TEXT
    published_text = factory.LazyAttribute(lambda version: version.raw)
    is_current = True
    # Published, as the public sees it; ``status=DocumentVersion.Status.PENDING,
    # is_current=False`` for one waiting for a reviewer.
    status = DocumentVersion.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class CitationFactory(factory.django.DjangoModelFactory):
    """An anchored citation; give ``claim`` and a ``quote`` of the version's text."""

    class Meta:
        model = Citation

    claim = factory.SubFactory(PartnerFactory)
    version = factory.SubFactory(DocumentVersionFactory)
    quote = "la Serbie a adhéré au Partenariat pour la paix"

    @classmethod
    def _create(cls, model_class, *args, reviewed=True, **kwargs):
        """Reviewed where it stands, as the seed corpus is (``reviewed=False``: not yet)."""
        citation = model_class(*args, **kwargs)
        citation.anchor()
        if reviewed:
            citation.reviewed_at, citation.reviewed_version = timezone.now(), citation.version
            citation.reviewed_start, citation.reviewed_end = citation.start, citation.end
        citation.save()
        return citation
