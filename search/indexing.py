"""Keeping the search index (``search.Entry``) equal to what the public may see.

Every entry is built from a record returned by a public selector, so a draft, an
unsupported claim or a hidden record never reaches search. ``index_*`` functions refresh
the entries of one record (the signals in ``search/signals.py`` call them on every save);
``rebuild`` refreshes everything (``manage.py rebuild_search_index``).
"""

from django.db import connection, transaction

from caching.generation import bump
from documents.models import DocumentVersion, SourceDocument
from documents.selectors import document_list
from partners.selectors import public_events, public_partners, public_relationships
from programmes.selectors import public_programmes
from search.models import Entry
from search.passages import passage_spans
from search.snippets import clean
from search.text import terms

LANGUAGES = ("fr", "en")
BATCH = 2000


def target(kind: str, pk) -> str:
    return f"{kind}:{pk}"


def _unique(values) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in values if value and value.strip()))


def _translated(record, name: str, language: str) -> str:
    return getattr(record, f"{name}_{language}", "") or ""


def _entries_per_language(kind: str, record, titles, bodies, names=(), **links) -> list[Entry]:
    return [
        prepare(
            Entry(
                kind=kind,
                language=language,
                target=target(kind, record.pk),
                title=" · ".join(_unique(titles(language))),
                body=bodies(language),
                names="\n".join(names),
                **links,
            )
        )
        for language in LANGUAGES
    ]


def prepare(entry: Entry) -> Entry:
    """Fill in what the database's full-text index reads: on SQLite, the stems; PostgreSQL
    computes its ``search_vector`` itself."""
    entry.title, entry.body = clean(entry.title), clean(entry.body)
    if connection.vendor == "sqlite":
        entry.title_terms = " ".join(terms(entry.title, entry.language))
        entry.body_terms = " ".join(terms(entry.body, entry.language))
    return entry


# Entries of each kind of record ------------------------------------------------------


def partner_names(partner) -> list[str]:
    fields = ("name", "short_name", "acronym")
    names = [_translated(partner, field, lang) for field in fields for lang in LANGUAGES]
    return _unique([*names, *(alias.name for alias in partner.aliases.all())])


def partner_entries(partner) -> list[Entry]:
    names = partner_names(partner)
    return _entries_per_language(
        Entry.Kind.PARTNER,
        partner,
        titles=lambda lang: [_translated(partner, "name", lang), *names],
        bodies=lambda lang: _translated(partner, "description", lang),
        names=names,
        partner=partner,
    )


def programme_names(programme) -> list[str]:
    return _unique(
        _translated(programme, field, lang) for field in ("name", "acronym") for lang in LANGUAGES
    )


def programme_entries(programme) -> list[Entry]:
    names = programme_names(programme)
    return _entries_per_language(
        Entry.Kind.PROGRAMME,
        programme,
        titles=lambda lang: [_translated(programme, "name", lang), *names],
        bodies=lambda lang: _translated(programme, "description", lang),
        names=names,
        programme=programme,
    )


def relationship_entries(relationship) -> list[Entry]:
    def titles(lang):
        sides = (relationship.subject, relationship.counterpart)
        names = [_translated(p, field, lang) for p in sides for field in ("name", "acronym")]
        return [_translated(relationship, "title", lang), *names]

    return _entries_per_language(
        Entry.Kind.RELATIONSHIP,
        relationship,
        titles=titles,
        bodies=lambda lang: _translated(relationship, "summary", lang),
        relationship=relationship,
    )


def event_entries(event) -> list[Entry]:
    return _entries_per_language(
        Entry.Kind.EVENT,
        event,
        titles=lambda lang: [_translated(event, "title", lang), _translated(event, "place", lang)],
        bodies=lambda lang: _translated(event, "description", lang),
        event=event,
    )


def passage_entries(version: DocumentVersion) -> list[Entry]:
    """The passages of a version, in its document's language."""
    document = version.document
    language = document.language if document.language in LANGUAGES else LANGUAGES[0]
    return [
        prepare(
            Entry(
                kind=Entry.Kind.PASSAGE,
                language=language,
                target=target(Entry.Kind.PASSAGE, f"{version.pk}:{start}"),
                body=version.text[start:end],
                document=document,
                version=version,
                start=start,
                end=end,
            )
        )
        for start, end in passage_spans(version.text)
    ]


# Refreshing one record ---------------------------------------------------------------

RECORDS = {
    # kind: (public records, their entries)
    Entry.Kind.PARTNER: (public_partners, partner_entries),
    Entry.Kind.PROGRAMME: (public_programmes, programme_entries),
    Entry.Kind.RELATIONSHIP: (public_relationships, relationship_entries),
    Entry.Kind.EVENT: (public_events, event_entries),
}


def is_indexed(kind: str, pk) -> bool:
    return Entry.objects.filter(target=target(kind, pk)).exists()


def index_record(kind: str, pk) -> None:
    """Replace the entries of one partner, programme, relationship or event by what its
    public selector returns now (nothing, if the public may no longer see it)."""
    index_records(kind, [pk])


@transaction.atomic
def index_records(kind: str, pks) -> None:
    """The same for several records of one kind, in a few queries whatever their number."""
    public, entries = RECORDS[kind]
    pks = list(pks)
    if not pks:
        return
    Entry.objects.filter(target__in=[target(kind, pk) for pk in pks]).delete()
    records = public().filter(pk__in=pks)
    Entry.objects.bulk_create(
        [entry for record in records for entry in entries(record)], batch_size=BATCH
    )


@transaction.atomic
def index_document(pk) -> None:
    """Replace the passages of a document by those of its current version."""
    Entry.objects.filter(document_id=pk).delete()
    document = document_list().filter(pk=pk).first()
    version = DocumentVersion.objects.filter(document=document, is_current=True).first()
    if document is not None and version is not None:
        version.document = document
        Entry.objects.bulk_create(passage_entries(version), batch_size=BATCH)


# Everything --------------------------------------------------------------------------


@transaction.atomic
def rebuild() -> int:
    """Index everything the public may see, from scratch; return the number of entries."""
    Entry.objects.all().delete()
    count = 0
    for public, entries in RECORDS.values():
        batch = [entry for record in public().order_by("pk") for entry in entries(record)]
        count += len(Entry.objects.bulk_create(batch, batch_size=BATCH))
    documents = {document.pk: document for document in document_list()}
    batch = []
    versions = DocumentVersion.objects.filter(
        is_current=True, document__in=document_list().values("pk")
    )
    for version in versions.iterator(chunk_size=BATCH):
        version.document = documents[version.document_id]
        batch += passage_entries(version)
        if len(batch) >= BATCH:
            count += len(Entry.objects.bulk_create(batch, batch_size=BATCH))
            batch = []
    count += len(Entry.objects.bulk_create(batch, batch_size=BATCH))
    bump()  # bulk writes send no signals: search pages and their ETags must change too
    return count


def index_is_missing() -> bool:
    """Nothing indexed although there is something to index (a database filled before
    search existed)."""
    return not Entry.objects.exists() and SourceDocument.objects.exists()
