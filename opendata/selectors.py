"""Everything the public may see, at once, for bulk downloads and the graph export: the same
selectors as the API, so a record missing from the API is missing here too."""

from dataclasses import dataclass

from django.utils.module_loading import import_string

from documents.claims import CLAIM_KINDS
from partners.selectors import api_partners, api_relationships
from programmes.selectors import api_participations, api_programmes


@dataclass(frozen=True)
class Collection:
    name: str  # as in the API: /api/v1/<name>/
    queryset_factory: object
    serializer_path: str


def collections() -> list[Collection]:
    return [
        Collection(kind.collection, import_string(kind.api_queryset), kind.serializer)
        for kind in CLAIM_KINDS
    ]


def network():
    """Partners, programmes and the participations and relationships that join them."""
    partners = list(api_partners())
    programmes = list(api_programmes())
    shown = {("partner", p.pk) for p in partners} | {("programme", p.pk) for p in programmes}
    participations = [
        p
        for p in api_participations()
        if ("partner", p.partner_id) in shown and ("programme", p.programme_id) in shown
    ]
    relationships = [
        r
        for r in api_relationships()
        if ("partner", r.subject_id) in shown and ("partner", r.counterpart_id) in shown
    ]
    return partners, programmes, participations, relationships
