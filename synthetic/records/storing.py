"""Writing units of synthetic records, finding and deleting them, and the command's work."""

import time
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from caching.generation import bump
from documents.claims import claim_models
from documents.models import Citation, CitationAnchor, DocumentVersion, SourceDocument
from partners.models import Event, Partner, PartnerAlias, Relationship
from programmes.models import Participation, Programme
from search.indexing import rebuild
from search.models import Entry
from suggestions.models import Suggestion
from synthetic.places import Places
from synthetic.records.names import ISO_CODES
from synthetic.records.planning import Unit
from synthetic.records.shape import SLUG_PREFIX

BATCH = 2000
# Units planned and written at a time: memory stays flat at any scale.
UNITS_PER_CHUNK = 20

# Writing ------------------------------------------------------------------------------


def anchored(claim, version, quote, prefix, claim_field, content_types, now) -> Citation:
    """A citation placed by the real anchoring (``Citation.anchor``), reviewed as a seeded
    one is."""
    citation = Citation(
        content_type=content_types[type(claim)],
        object_id=claim.pk,
        version=version,
        quote=quote,
        prefix=prefix,
        field=claim_field,
    )
    citation.anchor()
    citation.reviewed_at, citation.reviewed_version = now, version
    citation.reviewed_start, citation.reviewed_end = citation.start, citation.end
    return citation


def write(units: list[Unit]) -> Counter:
    """Store the records of ``units``, parents before children; return how many of each."""

    def every(name):
        return [item for unit in units for item in getattr(unit, name)]

    def records(name):
        return [draft.record for draft in every(name)]

    Partner.objects.bulk_create(records("partners"), batch_size=BATCH)
    PartnerAlias.objects.bulk_create(every("aliases"), batch_size=BATCH)
    SourceDocument.objects.bulk_create(every("documents"), batch_size=BATCH)
    DocumentVersion.objects.bulk_create(every("versions"), batch_size=BATCH)
    programmes = records("programmes")
    Programme.objects.bulk_create([p for p in programmes if p.parent is None], batch_size=BATCH)
    Programme.objects.bulk_create([p for p in programmes if p.parent], batch_size=BATCH)
    Relationship.objects.bulk_create(records("relationships"), batch_size=BATCH)
    Participation.objects.bulk_create(records("participations"), batch_size=BATCH)
    Event.objects.bulk_create(records("events"), batch_size=BATCH)
    involved = Event.partners.through
    involved.objects.bulk_create(
        [
            involved(event_id=event.pk, partner_id=partner.pk)
            for event, partner in every("event_partners")
        ],
        batch_size=BATCH,
    )
    content_types = ContentType.objects.get_for_models(*claim_models())
    now = units[0].now
    citations = [anchored(*spec, content_types, now) for spec in every("citations")]
    Citation.objects.bulk_create(citations, batch_size=BATCH)
    CitationAnchor.objects.bulk_create(
        [
            CitationAnchor(
                citation=citation, version_id=citation.version_id, quote=citation.quote,
                start=citation.start, end=citation.end, prefix=citation.prefix,
                suffix=citation.suffix, reviewed_at=citation.reviewed_at,
            )
            for citation in citations
        ],
        batch_size=BATCH,
    )  # fmt: skip
    return Counter(
        partners=len(records("partners")),
        aliases=len(every("aliases")),
        programmes=len(programmes),
        relationships=len(records("relationships")),
        participations=len(records("participations")),
        events=len(records("events")),
        documents=len(every("documents")),
        versions=len(every("versions")),
        citations=len(citations),
    )


# Finding and deleting earlier synthetic records -----------------------------------------


class SyntheticError(Exception):
    """Synthetic records cannot be generated or deleted; the message says why."""


SLUGGED = {
    "partners": Partner,
    "programmes": Programme,
    "relationships": Relationship,
    "events": Event,
    "source documents": SourceDocument,
}


def synthetic_counts() -> dict[str, int]:
    """How many records with a synthetic slug the database holds, by kind."""
    return {
        label: model.objects.filter(slug__startswith=SLUG_PREFIX).count()
        for label, model in SLUGGED.items()
    }


def delete_synthetic() -> None:
    """Delete every synthetic record, and what cannot exist without one (its aliases,
    citations, search entries…), without signals: as fast as they were written. Refuses,
    changing nothing, when a record kept would depend on a deleted one."""
    partners = Partner.objects.filter(slug__startswith=SLUG_PREFIX)
    programmes = Programme.objects.filter(slug__startswith=SLUG_PREFIX)
    documents = SourceDocument.objects.filter(slug__startswith=SLUG_PREFIX)
    relationships = Relationship.objects.filter(
        Q(slug__startswith=SLUG_PREFIX) | Q(subject__in=partners) | Q(counterpart__in=partners)
    )
    events = Event.objects.filter(
        Q(slug__startswith=SLUG_PREFIX) | Q(relationship__in=relationships)
    )
    participations = Participation.objects.filter(
        Q(partner__in=partners) | Q(programme__in=programmes)
    )
    versions = DocumentVersion.objects.filter(document__in=documents)
    claims = Q()
    for model, queryset in (
        (Partner, partners),
        (Programme, programmes),
        (Relationship, relationships),
        (Event, events),
        (Participation, participations),
    ):
        content_type = ContentType.objects.get_for_model(model)
        claims |= Q(content_type=content_type, object_id__in=queryset.values("pk"))
    blocking = {
        "programmes run by or under a synthetic one": Programme.objects.exclude(
            pk__in=programmes.values("pk")
        ).filter(Q(parent__in=programmes) | Q(run_by__in=partners)),
        "source documents published by a synthetic partner": SourceDocument.objects.exclude(
            pk__in=documents.values("pk")
        ).filter(publisher__in=partners),
        "citations of other records quoting a synthetic document": Citation.objects.filter(
            version__in=versions
        ).exclude(claims),
    }
    found = {label: queryset.count() for label, queryset in blocking.items()}
    if any(found.values()):
        listed = ", ".join(f"{count} {label}" for label, count in found.items() if count)
        raise SyntheticError(
            f"Synthetic records cannot be deleted: other records use them ({listed})."
        )

    def delete(queryset):
        queryset._raw_delete(queryset.db)

    delete(
        Entry.objects.filter(
            Q(partner__in=partners) | Q(programme__in=programmes)
            | Q(relationship__in=relationships) | Q(event__in=events)
            | Q(document__in=documents) | Q(version__in=versions)
        )
    )  # fmt: skip
    deleted = Citation.objects.filter(claims | Q(version__in=versions))
    delete(CitationAnchor.objects.filter(Q(citation__in=deleted) | Q(version__in=versions)))
    Citation.objects.filter(replaced_by__in=deleted).update(replaced_by=None)
    delete(deleted)
    Citation.objects.filter(previous_version__in=versions).update(previous_version=None)
    Citation.objects.filter(reviewed_version__in=versions).update(reviewed_version=None)
    Citation.objects.filter(suggested_version__in=versions).update(
        suggested_version=None, suggested_quote="", suggested_prefix="", suggested_suffix="",
        suggested_start=None, suggested_end=None, suggestion_score=None,
    )  # fmt: skip
    suggestions = Suggestion.objects.filter(
        Q(version__in=versions) | Q(partner__in=partners) | Q(programme__in=programmes)
    )
    delete(
        Suggestion.partners.through.objects.filter(
            Q(suggestion__in=suggestions) | Q(partner__in=partners)
        )
    )
    delete(suggestions)
    delete(Event.partners.through.objects.filter(Q(event__in=events) | Q(partner__in=partners)))
    Event.objects.filter(programme__in=programmes).exclude(pk__in=events.values("pk")).update(
        programme=None
    )
    delete(events)
    delete(participations)
    delete(relationships)
    programmes.update(parent=None)
    delete(programmes)
    delete(PartnerAlias.objects.filter(partner__in=partners))
    translations = SourceDocument.translations.through.objects
    delete(
        translations.filter(
            Q(from_sourcedocument__in=documents) | Q(to_sourcedocument__in=documents)
        )
    )
    delete(versions)
    delete(documents)
    delete(partners)


# The command's work -------------------------------------------------------------------


@dataclass
class Report:
    """What a run added (by kind), the search entries after it, and how long it took."""

    counts: Counter
    entries: int
    seconds: float
    indexing_seconds: float


def generate(scale: int, seed: int = 0, replace: bool = False) -> Report:
    """Add ``scale`` units of synthetic records, in one transaction. Refuses if synthetic
    records are there already, unless ``replace``: then they are deleted first."""
    if scale < 1:
        raise SyntheticError("The scale must be 1 or more.")
    started = time.perf_counter()
    with transaction.atomic():
        found = {label: count for label, count in synthetic_counts().items() if count}
        if found and not replace:
            listed = ", ".join(f"{count} {label}" for label, count in found.items())
            raise SyntheticError(
                f"The database already holds synthetic records ({listed}): "
                "pass --replace to delete them first."
            )
        if found:
            delete_synthetic()
        used = set(Partner.objects.exclude(iso_code="").values_list("iso_code", flat=True))
        iso_codes = [code for code in ISO_CODES if code not in used]
        places, slugs, now = Places(), set(), timezone.now()
        units = (Unit(n, seed, places, slugs, iso_codes, now).build() for n in range(scale))
        counts = Counter()
        while chunk := list(islice(units, UNITS_PER_CHUNK)):
            counts += write(chunk)
        indexing_started = time.perf_counter()
        entries = rebuild()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        indexing_seconds = time.perf_counter() - indexing_started
        bump()
    return Report(counts, entries, time.perf_counter() - started, indexing_seconds)
