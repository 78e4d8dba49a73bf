"""The source as published: the text a document page shows, and honest dates."""

import pytest
from django.urls import reverse
from django.utils import translation

from documents.importing import import_document
from documents.models import DocumentVersion
from documents.sources import RawSource
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Relations avec la Moldavie</title></head>
<body><main><article>
<h1>Relations avec la Moldavie</h1>
<p>La Moldavie a rejoint le « Partenariat pour la paix » en 1994 ; l’OTAN soutient ses
réformes de défense depuis lors, sur la base d’un plan convenu.</p>
<h2>Domaines de coopération</h2>
<ul>
<li>La Moldavie participe au programme pour la science au service de la paix.</li>
<li>L’OTAN aide la Moldavie à détruire des pesticides et des munitions périmés.</li>
</ul>
</article></main></body></html>
"""


def document_url(version, language="fr"):
    with translation.override(language):
        return reverse("documents:document_detail", args=[version.document.slug])


def imported(source):
    result = import_document(source, publisher=PartnerFactory(), slug="moldavie", publish=True)
    assert result.version is not None, result.summary()
    return DocumentVersion.objects.get(pk=result.version.pk)


def test_a_download_has_the_date_it_was_retrieved_and_a_file_has_none():
    page = imported(
        RawSource(PAGE, True, "https://example.org/moldavie", "https://example.org/moldavie")
    )
    assert page.retrieved_at is not None
    assert page.imported_at is not None
    text = PAGE.replace("1994", "1995")
    file = import_document(RawSource(text, True, "moldavie.html"), publisher=PartnerFactory())
    assert file.version.retrieved_at is None
    assert file.version.imported_at is not None


def test_an_html_page_is_shown_with_its_typography_headings_and_list(client):
    version = imported(RawSource(PAGE, True, "moldavie.html"))
    assert "«" in version.published_text and "’" in version.published_text
    assert '"' in version.text and "«" not in version.text
    response = client.get(document_url(version))
    page = response.context["page"]
    assert page.blocks is not None
    assert {"heading", "paragraph", "list"} <= {block.kind for block in page.blocks}
    html = response.content.decode()
    assert "« Partenariat pour la paix »" in html
    assert "<li>La Moldavie participe" in html


def test_a_seed_document_says_its_retrieval_date_was_not_recorded(client, seeded):
    version = DocumentVersion.objects.get(document__slug="nato-relations-serbia")
    assert version.retrieved_at is None
    html = client.get(document_url(version)).content.decode()
    assert "Récupéré depuis l’original" in html and "non consignée" in html
    assert "Importé dans Liaison" in html
    html = client.get(document_url(version, "en")).content.decode()
    assert "Retrieved from the original" in html and "not recorded" in html


def test_an_image_and_its_caption_are_left_out_and_the_paragraphs_around_them_kept():
    page = PAGE.replace(
        "<h2>",
        '<figure><img src="flags.jpg" alt="Moldova and NATO Flags">'
        "<figcaption>Moldova and NATO Flags</figcaption></figure>\n<h2>",
    )
    version = imported(RawSource(page, True, "moldavie.html"))
    assert "Flags" not in version.text
    lines = version.published_text.split("\n\n")
    assert "Domaines de coopération" in lines  # a heading of its own, as published
