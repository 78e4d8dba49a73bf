"""schema.org descriptions (JSON-LD) of source documents and of the passages cited from
them, built from records a page already loaded (no query)."""

from django.urls import reverse

SCHEMA = "https://schema.org"


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def creative_work(request, citation) -> dict:
    """The passage a citation quotes, in the stored version of its document."""
    version = citation.version
    document = version.document
    data = {
        "@type": "CreativeWork",
        # The permanent address names the passage for good; ``url`` is where it stands now.
        "@id": absolute(request, citation.get_permanent_url()),
        "name": document.title,
        "url": absolute(request, citation.get_absolute_url()),
        "inLanguage": document.language,
        "text": citation.quote,
        "publisher": {"@type": "Organization", "name": document.publisher.name},
        "sha256": version.sha256,
    }
    if document.url:
        data["isBasedOn"] = document.url
    if version.stated_update:
        data["dateModified"] = version.stated_update.isoformat()
    return data


def graph(*items: dict) -> dict:
    return {"@context": SCHEMA, "@graph": list(items)}


def document_page(request, page) -> dict:
    document, version = page.document, page.version
    data = {
        "@type": "CreativeWork",
        "@id": absolute(request, document.get_absolute_url()),
        "name": document.title,
        # (the version's own get_absolute_url would fetch its document again)
        "url": absolute(
            request, reverse("documents:version_detail", args=[document.slug, version.number])
        ),
        "inLanguage": document.language,
        "publisher": {"@type": "Organization", "name": document.publisher.name},
        "version": str(version.number),
        "sha256": version.sha256,
    }
    if document.url:
        data["isBasedOn"] = document.url
    if version.stated_update:
        data["dateModified"] = version.stated_update.isoformat()
    return graph(data)
