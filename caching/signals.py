"""Every write to a model the public sees moves the keys it concerns forward
(``caching.dependencies``), in the writer's transaction; loading a public record while a page
is made records it as shown.

Over-invalidating is cheap (curators write rarely, readers often); missing a write would
serve a stale claim. Historical rows (django-simple-history) change nothing public.
"""

from django.db.models.signals import m2m_changed, post_init, post_save, pre_delete

from caching.dependencies import (
    keys_of_write,
    kind_key,
    public_models,
    record_key,
    record_loaded,
    shows_publicly,
)
from caching.generation import bump


def content_saved(sender, instance, created=False, using="default", raw=False, **kwargs):
    if shows_publicly(sender):
        # A new record has nothing pointing to it yet.
        bump(keys_of_write(instance, with_children=not created and not raw), using)


def content_deleted(sender, instance, using="default", **kwargs):
    # Before the deletion, in its transaction: what points to the record is still there
    # (what is set to NULL is updated in bulk, with no signal of its own).
    if shows_publicly(sender):
        bump(keys_of_write(instance), using)


def relation_changed(sender, instance, action, model, pk_set, using="default", **kwargs):
    if not shows_publicly(type(instance)):
        return
    if action == "pre_clear":
        # What is about to be cleared is only known before: read it in the same transaction.
        field = _m2m_field(sender, type(instance), model)
        pk_set = {related.pk for related in field.value_from_object(instance)} if field else None
        instance._cleared_relations = pk_set
        return
    if not action.startswith("post_"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_cleared_relations", None)
    keys = keys_of_write(instance)
    if shows_publicly(model):
        keys.add(kind_key(model))
        if pk_set is None:  # not known: every record that may have been one of them
            keys.update(
                record_key(model, pk) for pk in model._base_manager.values_list("pk", flat=True)
            )
        else:
            keys.update(record_key(model, pk) for pk in pk_set)
    bump(keys, using)


def _m2m_field(through, model, related):
    for field in model._meta.many_to_many:
        if field.remote_field.through is through:
            return field
    return None


def connect() -> None:
    post_save.connect(content_saved, dispatch_uid="caching.content_saved")
    pre_delete.connect(content_deleted, dispatch_uid="caching.content_deleted")
    m2m_changed.connect(relation_changed, dispatch_uid="caching.relation_changed")
    # Only for public models: every other model loads with no receiver to call.
    for model in public_models():
        post_init.connect(record_loaded, sender=model, dispatch_uid=f"caching.loaded.{model}")
