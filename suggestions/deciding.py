"""Deciding on a suggested fact: reject it (remembered by its fingerprint), or accept it —
its record saved with the sentence, or the part a curator kept, as its verified citation.
Also what the record is first offered as (``initial_record``)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from documents.anchoring import context_at, matching_slice, normalise_quote
from documents.models import Citation
from editorial.locking import expect_version
from partners.models import Event, Partner, Relationship
from programmes.models import Participation, Programme
from suggestions.models import Suggestion


def reject(suggestion: Suggestion):
    """Refused (``StaleRecord``) if someone decided on it since it was read."""
    expect_version(suggestion, suggestion.lock_version)
    suggestion.status = Suggestion.Status.REJECTED
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_at"])


def accept(suggestion: Suggestion, record_form, citation: Citation):
    """Save the record of ``record_form`` and its ``citation`` (anchored, verified) and
    mark the suggestion accepted — all or nothing: nothing at all if someone decided on it
    since it was read (``StaleRecord``, a ValidationError)."""
    expect_version(suggestion, suggestion.lock_version)
    with transaction.atomic():
        record = record_form.save()
        citation.claim = record
        citation.anchor()
        citation.validate_constraints()
        citation.save()
        suggestion.status = Suggestion.Status.ACCEPTED
        suggestion.decided_at = timezone.now()
        suggestion.record = record
        suggestion.save()
    return record


def citation_for(suggestion: Suggestion, quote: str) -> Citation:
    """The citation an accepted suggestion gives its record, on ``quote``: the sentence,
    or the part of it a curator kept, placed within the sentence; a quote from elsewhere
    is anchored like any other (``Citation.anchor`` says why it cannot be)."""
    quote = normalise_quote(quote)
    citation = Citation(version=suggestion.version, quote=quote)
    text = suggestion.version.text
    sentence = matching_slice(text, suggestion.start, suggestion.end)
    start = sentence.find(quote) if quote else -1
    if start >= 0:
        start += suggestion.start
        citation.prefix, citation.suffix = context_at(text, start, start + len(quote))
    return citation


# Pre-filled records --------------------------------------------------------------------

_PROGRAMME_KINDS = [
    ("programme program", Programme.Kind.PROGRAMME),
    ("initiative", Programme.Kind.INITIATIVE),
    ("centre center", Programme.Kind.CENTRE),
    ("mission", Programme.Kind.MISSION),
    ("fonds fund", Programme.Kind.TRUST_FUND),
    ("forum", Programme.Kind.FORUM),
    ("plan", Programme.Kind.PARTNERSHIP_PLAN),
    ("projet project", Programme.Kind.PROJECT),
    ("opération operation force", Programme.Kind.OPERATION),
    ("bureau office", Programme.Kind.OFFICE),
    ("politique policy", Programme.Kind.POLICY),
    ("partenariat partnership cadre framework", Programme.Kind.FRAMEWORK),
]
_PARTNER_KINDS = [
    ("organisation organization", Partner.Kind.INTERNATIONAL_ORGANISATION),
    (
        "ministère ministry agence agency service police gendarmerie armée army forces "
        "ambassade embassy",
        Partner.Kind.GOVERNMENT_BODY,
    ),
    ("division département department unité unit bureau", Partner.Kind.ORGANISATION_BODY),
    ("institut institute université university centre center", Partner.Kind.RESEARCH_INSTITUTE),
    ("association fondation foundation", Partner.Kind.NGO),
]


def _kind_from_name(name: str, table, default):
    head = (name.split() or [""])[0].lower()
    for heads, kind in table:
        if head in heads.split():
            return kind
    return default


def _unique_slug(model, base: str, max_length: int) -> str:
    base = slugify(base)[: max_length - 4].strip("-") or model._meta.model_name
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def guess_relationship(suggestion: Suggestion) -> Relationship | None:
    """The relationship an event most likely belongs to: both its partners named, or one
    named and the other the publisher; then the relationships whose events this document
    already supports."""
    named = {p.pk for p in suggestion.partners.all()}
    publisher = suggestion.version.document.publisher_id
    involved = named | {publisher}
    candidates = Relationship.objects.filter(Q(subject__in=involved) | Q(counterpart__in=involved))
    event_type = ContentType.objects.get_for_model(Event)
    cited_events = Citation.objects.filter(
        version__document=suggestion.version.document_id, content_type=event_type
    ).values_list("object_id", flat=True)
    supported = set(
        Event.objects.filter(pk__in=cited_events).values_list("relationship_id", flat=True)
    )

    def score(relationship):
        pair = {relationship.subject_id, relationship.counterpart_id}
        return (len(pair & named) * 2 + len(pair & {publisher}), relationship.pk in supported)

    ranked = sorted(candidates, key=score, reverse=True)
    return ranked[0] if ranked and score(ranked[0]) > (1, False) else None


def _title(sentence: str, limit: int = 120) -> str:
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    return sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def initial_record(suggestion: Suggestion) -> dict:
    """The fields of the record an accepted suggestion creates, as first offered to the
    curator."""
    language = suggestion.version.document.language
    if suggestion.kind == Suggestion.Kind.PARTICIPATION:
        return {
            "partner": suggestion.partner,
            "programme": suggestion.programme,
            "role": suggestion.role or Participation.Role.PARTICIPANT,
            "start": suggestion.date,
            "end": suggestion.date_end,
            "status": Participation.Status.ACTIVE,
        }
    if suggestion.kind == Suggestion.Kind.EVENT:
        relationship = guess_relationship(suggestion)
        title = _title(suggestion.quote)
        base = " ".join(
            filter(None, [relationship and relationship.slug, suggestion.date.isoformat(), title])
        )
        return {
            "relationship": relationship,
            "kind": suggestion.event_kind or Event.Kind.OTHER,
            f"title_{language}": title,
            "slug": _unique_slug(Event, base[:80], 150),
            "date": suggestion.date,
            "end": suggestion.date_end,
            "partners": list(suggestion.partners.all()),
            "programme": suggestion.programme,
        }
    if suggestion.kind == Suggestion.Kind.NEW_PROGRAMME:
        return {
            f"name_{language}": suggestion.name,
            f"acronym_{language}": suggestion.acronym,
            "kind": _kind_from_name(suggestion.name, _PROGRAMME_KINDS, Programme.Kind.OTHER),
            "slug": _unique_slug(Programme, suggestion.acronym or suggestion.name, 100),
        }
    return {
        f"name_{language}": suggestion.name,
        f"acronym_{language}": suggestion.acronym,
        "kind": _kind_from_name(suggestion.name, _PARTNER_KINDS, Partner.Kind.OTHER),
        "slug": _unique_slug(Partner, suggestion.acronym or suggestion.name, 100),
        "status": Partner.Status.ACTIVE,
    }
