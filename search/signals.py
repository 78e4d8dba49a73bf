"""The index follows every save: each handler refreshes the entries of one record (with
those of the records whose publication depends on it, a few queries per kind) or of one
document, never the whole index.

A deletion's cascade removes the entries of the deleted record with it (foreign keys); a
handler for the deletion of a *part* of a record (an alias, a citation) refreshes the
record only when that part was deleted on its own, not as part of deleting the record,
which would re-create entries for a row about to disappear.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db import connections
from django.db.models import Q
from django.db.models.signals import post_delete, post_migrate, post_save

from documents.models import Citation, DocumentVersion, SourceDocument
from partners.models import Event, Partner, PartnerAlias, Relationship
from programmes.models import Programme
from search import indexing
from search.models import Entry

RECORD_KINDS = {
    Partner: Entry.Kind.PARTNER,
    Programme: Entry.Kind.PROGRAMME,
    Relationship: Entry.Kind.RELATIONSHIP,
    Event: Entry.Kind.EVENT,
}


def _deleted_on_its_own(instance, origin) -> bool:
    model = getattr(origin, "model", type(origin))
    return model is type(instance)


def related_model(model, lookup: str):
    """The model a lookup such as ``relationship__subject`` ends on."""
    for name in lookup.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def dependents(instance):
    """``(kind, pks)`` of the indexed records that depend on ``instance`` through the lookups
    their QuerySets declare for publication (``depends_on``): an event on its relationship and
    that relationship's partners, a programme on the partner that runs it. Their entries
    follow its state, and a relationship's also carry its partners' names."""
    for model, kind in RECORD_KINDS.items():
        queryset = model.objects.all()
        lookups = [
            lookup
            for lookup in (*queryset.depends_on, *queryset.depends_on_optional)
            if related_model(model, lookup) is type(instance)
        ]
        if lookups:
            condition = reduce(or_, (Q(**{lookup: instance}) for lookup in lookups))
            yield kind, queryset.filter(condition).values_list("pk", flat=True)


def record_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    indexing.index_record(RECORD_KINDS[sender], instance.pk)
    for kind, pks in dependents(instance):
        indexing.index_records(kind, pks)


def alias_changed(sender, instance, raw=False, origin=None, **kwargs):
    if raw or (origin is not None and not _deleted_on_its_own(instance, origin)):
        return
    # Aliases do not make a partner public: only one already found needs new names.
    if indexing.is_indexed(Entry.Kind.PARTNER, instance.partner_id):
        indexing.index_record(Entry.Kind.PARTNER, instance.partner_id)


def citation_changed(sender, instance, raw=False, origin=None, **kwargs):
    """A claim appears in search with its first supporting citation and leaves it with its
    last one."""
    if raw or (origin is not None and not _deleted_on_its_own(instance, origin)):
        return
    kind = RECORD_KINDS.get(instance.content_type.model_class())
    if kind is None:
        return
    saved_as_support = kwargs.get("signal") is post_save and instance.is_supporting
    if saved_as_support and indexing.is_indexed(kind, instance.object_id):
        return  # one more source for a claim already found: nothing in the index changes
    indexing.index_record(kind, instance.object_id)


def version_changed(sender, instance, raw=False, origin=None, **kwargs):
    if raw or (origin is not None and not _deleted_on_its_own(instance, origin)):
        return
    indexing.index_document(instance.document_id)


def document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_document(instance.pk)


def index_after_migrate(sender, using="default", **kwargs):
    """A database filled before search existed gets its index at the next ``migrate``."""
    if Entry._meta.db_table not in connections[using].introspection.table_names():
        return
    if indexing.index_is_missing():
        indexing.rebuild()


def connect():
    for model in RECORD_KINDS:
        post_save.connect(record_saved, sender=model, dispatch_uid=f"search-{model.__name__}")
    for model, handler in (
        (PartnerAlias, alias_changed),
        (Citation, citation_changed),
        (DocumentVersion, version_changed),
    ):
        post_save.connect(handler, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"search-del-{model.__name__}")
    post_save.connect(document_saved, sender=SourceDocument, dispatch_uid="search-document")
    post_migrate.connect(
        index_after_migrate,
        sender=apps.get_app_config("search"),
        dispatch_uid="search-post-migrate",
    )
