"""Staff preview of a relationship page as it would look once published."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from partners.selectors import relationship_page


def preview_url(relationship) -> str:
    return reverse("editorial:relationship_preview", args=[relationship.slug])


@never_cache
def relationship_preview(request, slug):
    """Drafts and records in review shown as if published, marked as a preview, never
    indexed nor cached. Anyone but staff allowed to view relationships gets a 404, as
    for any unknown page."""
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("partners.view_relationship")):
        raise Http404
    response = render(
        request,
        "partners/relationship_detail.html",
        {"page": relationship_page(slug, preview=True), "preview": True},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
