"""A new version of a document, as the public comes to read it."""

from documents.importing import import_document
from documents.models import DocumentVersion
from documents.publishing import publish_version
from documents.sources import RawSource


def import_and_publish(document, text: str) -> DocumentVersion:
    """Import ``text`` as a new version of ``document`` and make it the version the public
    reads, as a curator imports it and a reviewer publishes it: every test of what happens
    after a new version goes through this helper."""
    result = import_document(RawSource(text, False, "new-version.txt"), document=document)
    assert result.version is not None, result.summary()
    publish_version(result.version)
    version = DocumentVersion.objects.get(pk=result.version.pk)
    assert version.is_current
    return version
