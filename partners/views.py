from django.shortcuts import render

from caching.dependencies import lists_members_of
from caching.pages import public_page
from partners import linked_data, selectors
from partners.forms import NetworkFilterForm
from partners.network import tabulate
from web.pagination import paginate


@public_page
def home(request):
    return render(
        request,
        "home.html",
        {
            "relationships": selectors.relationship_list(),
            "partners": selectors.featured_partners(),
            "totals": selectors.totals(),
            "latest_events": selectors.latest_events(),
        },
    )


@public_page
def partner_list(request):
    return render(
        request, "partners/partner_list.html", {"page": paginate(request, selectors.partner_list())}
    )


@public_page(by_records=True)
def partner_detail(request, slug):
    page = selectors.partner_page(slug)
    lists_members_of(page.partner)  # its relationships and participations
    return render(
        request,
        "partners/partner_detail.html",
        {"page": page, "linked_data": linked_data.partner_page(request, page)},
    )


@public_page
def relationship_list(request):
    return render(
        request,
        "partners/relationship_list.html",
        {"relationships": selectors.relationship_list()},
    )


@public_page(by_records=True)
def relationship_detail(request, slug):
    page = selectors.relationship_page(slug)
    # its events, and the counterpart's participations
    lists_members_of(page.relationship, page.relationship.counterpart)
    return render(
        request,
        "partners/relationship_detail.html",
        {"page": page, "linked_data": linked_data.relationship_page(request, page)},
    )


@public_page
def network(request):
    form = NetworkFilterForm(request.GET)
    if form.is_valid():
        participations = selectors.partner_network(
            form.cleaned_data["kind"], form.cleaned_data["on"]
        )
        status = 200
    else:
        participations, status = [], 400
    return render(
        request,
        "partners/network.html",
        {"form": form, "matrix": tabulate(participations), "participations": participations},
        status=status,
    )
