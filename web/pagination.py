"""The pages of the public lists: 50 records a page, the page number from ``?page=``."""

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
