from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One row that every write to public content moves forward, in the writer's transaction.

    The keys a write concerns (``Dependency``) are set to it; the row stays locked until the
    writer commits, so generations follow the order of commits (``caching.generation``).
    """

    value = models.BigIntegerField(_("value"), default=0)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return f"{self.value} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class Dependency(models.Model):
    """A key a cached page or API answer depends on (``caching.dependencies``): a record
    (``relationship:5``), a kind of record (``kind:event``) or the whole site (``site``).

    A write sets the keys it concerns to the content generation it moved to, in the writer's
    transaction. A cached page keeps the versions of its keys and is served only while they
    are all unchanged.
    """

    key = models.CharField(_("key"), max_length=200, primary_key=True)
    version = models.BigIntegerField(_("version"))
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("cache dependency")
        verbose_name_plural = _("cache dependencies")

    def __str__(self):
        return f"{self.key} {self.version}"
