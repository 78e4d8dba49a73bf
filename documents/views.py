from django.shortcuts import render

from caching.pages import public_page
from documents import linked_data, selectors


@public_page
def document_list(request):
    return render(request, "documents/document_list.html", {"documents": selectors.document_list()})


@public_page
def document_detail(request, slug, number=None):
    page = selectors.document_page(slug, number)
    return render(
        request,
        "documents/document_detail.html",
        {"page": page, "linked_data": linked_data.document_page(request, page)},
    )
