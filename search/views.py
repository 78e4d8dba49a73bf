from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from caching.pages import public_page
from search import selectors
from search.query import MAX_LENGTH, QueryTooLong


@public_page(store=False)
def search(request):
    text = request.GET.get("q", "")
    context = {"q": text[:MAX_LENGTH], "max_length": MAX_LENGTH}
    try:
        context["results"] = selectors.search_page(text, get_language(), request.GET.get("page"))
    except QueryTooLong:
        context["error"] = _("The search is too long: %(max)d characters at most.") % {
            "max": MAX_LENGTH
        }
        return render(request, "search/search.html", context, status=400)
    return render(request, "search/search.html", context)
