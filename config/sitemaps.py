from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.selectors import document_list
from partners.selectors import partner_list, relationship_list
from programmes.selectors import public_programmes


class PublicSitemap(Sitemap):
    """Every public page in French and English, each with its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(PublicSitemap):
    priority = 0.6

    def items(self):
        return [
            "home",
            "partners:relationship_list",
            "partners:partner_list",
            "programmes:programme_list",
            "documents:document_list",
        ]

    def location(self, item):
        return reverse(item)


class RelationshipSitemap(PublicSitemap):
    priority = 1.0

    def items(self):
        return relationship_list()


class PartnerSitemap(PublicSitemap):
    def items(self):
        return partner_list()


class ProgrammeSitemap(PublicSitemap):
    def items(self):
        return public_programmes().order_by("slug")


class DocumentSitemap(PublicSitemap):
    def items(self):
        return document_list().order_by("slug")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "relationships": RelationshipSitemap,
    "partners": PartnerSitemap,
    "programmes": ProgrammeSitemap,
    "documents": DocumentSitemap,
}
