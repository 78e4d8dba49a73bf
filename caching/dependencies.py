"""What a cached page depends on, and which of those keys a write concerns.

Keys, each with a version (``caching.generation``):

- ``<model>:<pk>`` — one record as shown, e.g. ``relationship:5``, ``partner:3``;
- ``members:<model>:<pk>`` — the records listed under one: a relationship's events, a
  partner's relationships and participations, a claim's citations, a version's citations;
- ``kind:<model>`` — any record of a kind, e.g. ``kind:event``: lists, search, the home page,
  feeds, sitemaps, the open-data pages and the API depend on these;
- ``site`` — what cannot be attributed (the bulk writers that bypass signals): every page.

A write to a public record concerns its own key, its kind's, and the members of what it
points to (its foreign keys, a citation's claim), of what those point to, and of what the
records pointing to it point to (``keys_of_write``): what it joins, leaves or changes in,
including through the records whose visibility follows it.

A page made ``by_records`` (``caching.pages.public_page``) depends on every public record it
loads from the database while it is made and on the records those point to (a citation
whose claim the page leaves out still depends on the claim), and on the members of the
records whose lists it shows: prefetched onto them (sources, partners, aliases), or said by
the view (``lists_members_of``). Editing the OSCE relationship moves NATO's members, not
NATO: the NATO–Serbia page, which shows NATO's name but not its relationships, stays cached.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType

from caching.generation import SITE

PUBLIC_APPS = {"partners", "programmes", "documents"}


def shows_publicly(model) -> bool:
    meta = model._meta
    return meta.app_label in PUBLIC_APPS and not meta.model_name.startswith("historical")


def name_of(model) -> str:
    # A proxy (e.g. the citations under review) is the same rows as its concrete model.
    return model._meta.concrete_model._meta.model_name


def record_key(model, pk) -> str:
    return f"{name_of(model)}:{pk}"


def members_key(model, pk) -> str:
    """The records listed under one record: a relationship's events, a partner's
    participations, a claim's citations, a version's citations."""
    return f"members:{name_of(model)}:{pk}"


def kind_key(model) -> str:
    return f"kind:{name_of(model)}"


@functools.cache
def public_models() -> tuple:
    return tuple(model for model in apps.get_models() if shows_publicly(model))


@functools.cache
def all_content() -> tuple[str, ...]:
    """What a page showing any kind of public content depends on: every kind, and the site."""
    return (SITE, *sorted({kind_key(model) for model in public_models()}))


#: What a page made ``by_records`` depends on before it reads anything.
RECORDS_ONLY = (SITE,)


@functools.cache
def _pointers(model) -> tuple:
    """The foreign keys to public records (attribute, model) and the generic ones
    (content type attribute, object id attribute) of ``model``."""
    fields = tuple(
        (field.attname, field.related_model)
        for field in model._meta.concrete_fields
        if field.many_to_one or field.one_to_one
        if field.related_model is not None and shows_publicly(field.related_model)
    )
    generic = tuple(
        (field.ct_field, model._meta.get_field(field.ct_field).attname, field.fk_field)
        for field in model._meta.private_fields
        if isinstance(field, GenericForeignKey)
    )
    return fields, generic


def keys_of_record(instance) -> set[str]:
    """The record's key and the keys of the public records it points to."""
    model = type(instance)
    keys = {record_key(model, instance.pk)}
    fields, generic = _pointers(model)
    for attname, related in fields:
        value = getattr(instance, attname)
        if value is not None:
            keys.add(record_key(related, value))
    for ct_name, ct_attname, fk_attname in generic:
        content_type_id, object_id = getattr(instance, ct_attname), getattr(instance, fk_attname)
        if content_type_id is None or object_id is None:
            continue
        # Usually fetched with the record (select_related): no query.
        content_type = instance._state.fields_cache.get(ct_name)
        if content_type is None:
            content_type = ContentType.objects.get_for_id(content_type_id)
        claim = content_type.model_class()
        if claim is not None and shows_publicly(claim):
            keys.add(record_key(claim, object_id))
    return keys


def keys_of_write(instance, *, with_children: bool = True) -> set[str]:
    """What a write of ``instance`` concerns: the record's key and its kind's; the members
    of the records it points to (it joins, leaves or changes in their lists) and of what
    those point to (a citation that stops supporting an event takes it off its
    relationship's page); and (``with_children``) the members of what the records pointing
    to it point to (a partner published shows its participations on their programmes'
    pages). The records it points to keep their own keys: editing the OSCE relationship
    does not change NATO's name on the NATO–Serbia page. Reads in the writer's transaction;
    the cost follows the records concerned, never the size of the corpus."""
    keys = {kind_key(type(instance)), record_key(type(instance), instance.pk)}
    keys |= _members_of_pointers(instance)
    for parent in _parents(instance):
        keys |= _members_of_pointers(parent)
    if with_children and instance.pk is not None:
        for child in _children(instance):
            keys |= _members_of_pointers(child)
    return keys


def _members_of_pointers(instance) -> set[str]:
    return {"members:" + key for key in keys_of_record(instance) - {_own_key(instance)}}


def _own_key(instance) -> str:
    return record_key(type(instance), instance.pk)


def _parents(instance):
    fields, generic = _pointers(type(instance))
    for attname, related in fields:
        value = getattr(instance, attname)
        if value is not None:
            yield from related._base_manager.filter(pk=value)
    for _ct_name, ct_attname, fk_attname in generic:
        content_type_id, object_id = getattr(instance, ct_attname), getattr(instance, fk_attname)
        if content_type_id is not None and object_id is not None:
            claim = ContentType.objects.get_for_id(content_type_id).model_class()
            if claim is not None and shows_publicly(claim):
                yield from claim._base_manager.filter(pk=object_id)


def _children(instance):
    """The public records that point to ``instance``: by a foreign key, a many-to-many
    relation (either side) or a generic relation (a claim's citations)."""
    model = type(instance)
    meta = model._meta.concrete_model._meta
    for relation in meta.related_objects:
        if not shows_publicly(relation.related_model):
            continue
        if relation.many_to_many:
            accessor = relation.get_accessor_name()
            if accessor is not None:  # None: symmetrical, the forward field below
                yield from getattr(instance, accessor).all()
        else:
            manager = relation.related_model._base_manager
            yield from manager.filter(**{relation.field.name: instance.pk})
    for field in meta.many_to_many:
        if shows_publicly(field.related_model):
            yield from getattr(instance, field.name).all()
    for field in meta.private_fields:
        if isinstance(field, GenericRelation) and shows_publicly(field.related_model):
            yield from field.related_model._base_manager.filter(
                **{
                    field.content_type_field_name: ContentType.objects.get_for_model(model),
                    field.object_id_field_name: instance.pk,
                }
            )


# The records loaded while a page is made ----------------------------------------------------

_shown: ContextVar[list | None] = ContextVar("liaison_records_shown", default=None)


@contextmanager
def recording():
    """Within the block, every public record loaded is kept in the list it yields."""
    shown = []
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)


def record_loaded(sender, instance, **kwargs):
    shown = _shown.get()
    if shown is not None and instance.pk is not None:
        shown.append(instance)


class Members:
    """Marks, among the records shown, one whose members a page lists by a query of its own
    (``lists_members_of``)."""

    def __init__(self, instance):
        self.instance = instance


def lists_members_of(*instances) -> None:
    """Say that the page being made lists records under each of ``instances`` (a
    relationship's events, a partner's participations), so that it depends on their
    members. What is prefetched onto a record (its sources, its partners, its aliases) is
    seen without being said."""
    shown = _shown.get()
    if shown is not None:
        shown.extend(Members(instance) for instance in instances if instance is not None)


def _lists_members(instance) -> bool:
    attributes = vars(instance)  # not hasattr: a property could query
    return bool(attributes.get("_prefetched_objects_cache")) or "sources" in attributes


def keys_of_records(shown) -> set[str]:
    keys = set()
    seen = set()
    for item in shown:
        if isinstance(item, Members):
            keys.add(members_key(type(item.instance), item.instance.pk))
            continue
        identity = (type(item), item.pk)
        if identity not in seen:
            seen.add(identity)
            keys |= keys_of_record(item)
    # After the loop: prefetched lists are attached once every record is loaded.
    for item in shown:
        if not isinstance(item, Members) and _lists_members(item):
            keys.add(members_key(type(item), item.pk))
    return keys
