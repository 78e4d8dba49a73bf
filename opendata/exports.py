"""Bulk downloads of every published record with its provenance (JSON, CSV) and the
partner–programme graph (GraphML), built from the API's own selectors and serializers."""

import csv
import io
import xml.etree.ElementTree as ET

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from opendata.selectors import collections, network

CSV_COLUMNS = [
    "claim_type",
    "claim_id",
    "claim_slug",
    "claim",
    "field",
    "quote",
    "status",
    "document",
    "document_title",
    "document_url",
    "version",
    "sha256",
    "start",
    "end",
    "passage_url",
    "permanent_url",
]
GRAPHML = "http://graphml.graphdrawing.org/xmlns"
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula, given as text: prefixed with ``'``, which
    spreadsheets hide. Numbers stay numbers; the JSON download keeps every text as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def records(request) -> dict:
    """Every published record, as the API lists it (sources embedded)."""
    context = {"request": request}
    return {
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "api": request.build_absolute_uri("/api/v1/"),
        "licence": settings.DATA_LICENCE,
        **{
            collection.name: import_string(collection.serializer_path)(
                collection.queryset_factory(), many=True, context=context
            ).data
            for collection in collections()
        },
    }


def records_csv(request) -> str:
    """One row per (published record, supporting citation); text that a spreadsheet would
    run as a formula is neutralised (``spreadsheet_safe``)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for collection in collections():
        for claim in collection.queryset_factory():
            for citation in claim.sources:
                version = citation.version
                row = {
                    "claim_type": claim._meta.model_name,
                    "claim_id": claim.pk,
                    "claim_slug": getattr(claim, "slug", ""),
                    "claim": str(claim),
                    "field": citation.field,
                    "quote": citation.quote,
                    "status": citation.status,
                    "document": version.document.slug,
                    "document_title": version.document.title,
                    "document_url": version.document.url,
                    "version": version.number,
                    "sha256": version.sha256,
                    "start": citation.start,
                    "end": citation.end,
                    "passage_url": request.build_absolute_uri(citation.get_absolute_url()),
                    "permanent_url": request.build_absolute_uri(citation.get_permanent_url()),
                }
                writer.writerow({column: spreadsheet_safe(value) for column, value in row.items()})
    return output.getvalue()


def graphml(request) -> bytes:
    """Partners and programmes as nodes; participations and relationships as edges."""
    ET.register_namespace("", GRAPHML)
    root = ET.Element(f"{{{GRAPHML}}}graphml")
    keys = [
        ("type", "node"),
        ("label", "node"),
        ("kind", "node"),
        ("url", "node"),
        ("type", "edge"),
        ("label", "edge"),
        ("start", "edge"),
        ("end", "edge"),
        ("sources", "edge"),
    ]
    for name, domain in keys:
        ET.SubElement(
            root,
            f"{{{GRAPHML}}}key",
            {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": "string"},
        )
    graph = ET.SubElement(root, f"{{{GRAPHML}}}graph", {"id": "liaison", "edgedefault": "directed"})

    def add(element, domain, **data):
        for name, value in data.items():
            if value not in (None, ""):
                ET.SubElement(
                    element, f"{{{GRAPHML}}}data", {"key": f"{domain}_{name}"}
                ).text = str(value)

    partners, programmes, participations, relationships = network()
    for node_type, records_ in (("partner", partners), ("programme", programmes)):
        for record in records_:
            node = ET.SubElement(graph, f"{{{GRAPHML}}}node", {"id": f"{node_type}:{record.slug}"})
            label = getattr(record, "name", str(record))
            url = request.build_absolute_uri(record.get_absolute_url())
            add(node, "node", type=node_type, label=label, kind=record.kind, url=url)

    def add_edge(edge_id, source, target, record, edge_type, label):
        edge = ET.SubElement(
            graph, f"{{{GRAPHML}}}edge", {"id": edge_id, "source": source, "target": target}
        )
        add(
            edge,
            "edge",
            type=edge_type,
            label=label,
            start=record.start and record.start.isoformat(),
            end=record.end and record.end.isoformat(),
            sources=len(record.sources),
        )

    for participation in participations:
        add_edge(
            f"participation:{participation.pk}",
            f"partner:{participation.partner.slug}",
            f"programme:{participation.programme.slug}",
            participation,
            "participation",
            participation.get_role_display(),
        )
    for relationship in relationships:
        add_edge(
            f"relationship:{relationship.slug}",
            f"partner:{relationship.subject.slug}",
            f"partner:{relationship.counterpart.slug}",
            relationship,
            "relationship",
            relationship.title,
        )
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
