"""schema.org descriptions (JSON-LD) of what a public page shows: partners as organisations,
events as events, and the source passages behind them as creative works. Built only from
records the page already loaded (no query)."""

from documents.linked_data import absolute, creative_work, graph
from partners.models import Partner

ORGANISATION_TYPES = {
    Partner.Kind.STATE: "GovernmentOrganization",
    Partner.Kind.NGO: "NGO",
}


def organisation(request, partner) -> dict:
    data = {
        "@type": ORGANISATION_TYPES.get(partner.kind, "Organization"),
        "@id": absolute(request, partner.get_absolute_url()),
        "name": partner.name,
        "url": absolute(request, partner.get_absolute_url()),
    }
    alternate = [name for name in (partner.short_name, partner.acronym) if name]
    if alternate:
        data["alternateName"] = alternate
    if partner.description:
        data["description"] = partner.description
    return data


def event(request, event) -> dict:
    data = {
        "@type": "Event",
        "@id": absolute(request, event.get_absolute_url()),
        "name": event.title,
        "startDate": event.date.isoformat(),
        "url": absolute(request, event.get_absolute_url()),
        "citation": [creative_work(request, citation) for citation in event.sources],
    }
    if event.end:
        data["endDate"] = event.end.isoformat()
    if event.place:
        data["location"] = {"@type": "Place", "name": event.place}
    if event.description:
        data["description"] = event.description
    return data


def relationship_page(request, page) -> dict:
    relationship = page.relationship
    return graph(
        organisation(request, relationship.subject),
        organisation(request, relationship.counterpart),
        *(event(request, item) for item in page.events),
    )


def partner_page(request, page) -> dict:
    data = organisation(request, page.partner)
    data["citation"] = [creative_work(request, c) for c in page.partner.sources]
    return graph(data)
