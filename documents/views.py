from django.http import Http404
from django.shortcuts import redirect, render

from caching.dependencies import lists_members_of
from caching.pages import public_page
from documents import linked_data, permalinks, selectors


@public_page
def document_list(request):
    return render(request, "documents/document_list.html", {"documents": selectors.document_list()})


@public_page(by_records=True)
def document_detail(request, slug, number=None):
    page = selectors.document_page(slug, number)
    lists_members_of(page.document, page.version, *page.versions)  # versions, citations
    return render(
        request,
        "documents/document_detail.html",
        {"page": page, "linked_data": linked_data.document_page(request, page)},
    )


@public_page
def passage(request, pk):
    """A citation's permanent address: its passage where it stands now, or a page saying
    what became of it."""
    try:
        link = permalinks.passage_link(pk)
    except Http404:  # never seen by the public, or its record is not public: as if unknown
        return render(request, "documents/passage_missing.html", status=404)
    if isinstance(link, str):
        return redirect(link)
    return render(request, "documents/passage.html", {"link": link})
