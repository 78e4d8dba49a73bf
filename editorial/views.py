"""Staff previews: a relationship page as it would look once published, and a document
version not published yet."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from documents import linked_data
from documents.selectors import document_page
from partners.selectors import relationship_page


def preview_url(relationship) -> str:
    return reverse("editorial:relationship_preview", args=[relationship.slug])


def version_preview_url(version) -> str:
    return reverse("editorial:version_preview", args=[version.document.slug, version.number])


def _staff_who_may_view(user, permission: str) -> bool:
    return user.is_active and user.is_staff and user.has_perm(permission)


@never_cache
def relationship_preview(request, slug):
    """Drafts and records in review shown as if published, marked as a preview, never
    indexed nor cached. Anyone but staff allowed to view relationships gets a 404, as
    for any unknown page."""
    if not _staff_who_may_view(request.user, "partners.view_relationship"):
        raise Http404
    response = render(
        request,
        "partners/relationship_detail.html",
        {"page": relationship_page(slug, preview=True), "preview": True},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def version_preview(request, slug, number):
    """Any version of a document — one waiting for a reviewer, a discarded one — on the
    document page, marked as a preview, never indexed nor cached. Anyone but staff allowed
    to view document versions gets a 404, as for any unknown page."""
    if not _staff_who_may_view(request.user, "documents.view_documentversion"):
        raise Http404
    page = document_page(slug, number, preview=True)
    response = render(
        request,
        "documents/document_detail.html",
        {"page": page, "linked_data": linked_data.document_page(request, page), "preview": True},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
