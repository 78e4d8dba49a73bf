from django.shortcuts import render

from documents import selectors


def document_list(request):
    return render(request, "documents/document_list.html", {"documents": selectors.document_list()})


def document_detail(request, slug, number=None):
    return render(
        request,
        "documents/document_detail.html",
        {"page": selectors.document_page(slug, number)},
    )
