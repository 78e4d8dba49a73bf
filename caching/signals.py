"""Every write to a model the public sees moves the content generation forward.

Over-invalidating is cheap (curators write rarely, readers often); missing a write would
serve a stale claim. Historical rows (django-simple-history) change nothing public.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from caching.generation import bump

PUBLIC_APPS = {"partners", "programmes", "documents"}


def shows_publicly(model) -> bool:
    meta = model._meta
    return meta.app_label in PUBLIC_APPS and not meta.model_name.startswith("historical")


def content_changed(sender, using="default", **kwargs):
    if shows_publicly(sender):
        bump(using)


def relation_changed(sender, instance, action, using="default", **kwargs):
    if action.startswith("post_") and shows_publicly(type(instance)):
        bump(using)


def connect() -> None:
    post_save.connect(content_changed, dispatch_uid="caching.content_saved")
    post_delete.connect(content_changed, dispatch_uid="caching.content_deleted")
    m2m_changed.connect(relation_changed, dispatch_uid="caching.relation_changed")
