"""An Atom feed of what changed on the public record, in the page's language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from partners import selectors


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Liaison: latest changes")
    subtitle = _(
        "Partners, relationships, dated events, programmes and participations, as they are "
        "published or corrected, each with its sources on its page."
    )

    def link(self):
        return reverse("home")

    def items(self):
        return selectors.recent_changes()

    def item_title(self, item):
        return f"{capfirst(item._meta.verbose_name)}: {item}"

    def item_description(self, item):
        return getattr(item, "summary", "") or getattr(item, "description", "") or ""

    def item_updateddate(self, item):
        return item.changed_at

    def item_pubdate(self, item):
        return item.changed_at

    def item_guid(self, item):
        return f"{item._meta.label_lower}:{item.pk}:{item.changed_at.isoformat()}"

    item_guid_is_permalink = False
