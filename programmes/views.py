from django.shortcuts import render

from caching.dependencies import lists_members_of
from caching.pages import public_page
from programmes import selectors
from web.pagination import paginate


@public_page
def programme_list(request):
    return render(
        request,
        "programmes/programme_list.html",
        {"page": paginate(request, selectors.programme_list())},
    )


@public_page(by_records=True)
def programme_detail(request, slug):
    page = selectors.programme_page(slug)
    lists_members_of(page.programme)  # its programmes and participations
    return render(request, "programmes/programme_detail.html", {"page": page})
