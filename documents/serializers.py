"""Documents, versions and citations in the read API.

``SourceSerializer`` is the provenance every claim embeds (``claim.sources``): the quote,
its status, the document (title, publisher, URL), the version (id, stated update date), a
link to the passage where it stands now and its permanent address on the public site.
``CitationSerializer`` adds the claim it supports.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import PageUrlField, PermanentUrlField, SharedPerAnswer
from documents.claims import CLAIMS_BY_NAME
from documents.models import Citation, DocumentVersion, SourceDocument
from partners.models import Partner


class PublisherSerializer(SharedPerAnswer, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:partner-detail", lookup_field="slug")

    class Meta:
        model = Partner
        fields = ["slug", "url", "name", "acronym"]


class DocumentRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-detail", lookup_field="slug")

    class Meta:
        model = SourceDocument
        fields = ["slug", "url", "title", "language"]


class CitedDocumentSerializer(SharedPerAnswer, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-detail", lookup_field="slug")
    publisher = PublisherSerializer(read_only=True)
    canonical_url = serializers.CharField(
        source="url", help_text=_("Where the document is published; empty if unknown.")
    )

    class Meta:
        model = SourceDocument
        fields = ["slug", "url", "title", "publisher", "language", "canonical_url"]


class VersionRefSerializer(SharedPerAnswer, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:version-detail")

    class Meta:
        model = DocumentVersion
        fields = ["id", "url", "number", "stated_update", "sha256"]


class SourceSerializer(serializers.ModelSerializer):
    """One passage that supports a claim."""

    url = serializers.HyperlinkedIdentityField(view_name="api:citation-detail")
    document = CitedDocumentSerializer(source="version.document", read_only=True)
    version = VersionRefSerializer(read_only=True)
    passage_url = PageUrlField(
        help_text=_(
            "The passage, highlighted, on the public document page of the version it stands "
            "in now. To link to it for good, use permanent_url."
        )
    )
    permanent_url = PermanentUrlField()

    class Meta:
        model = Citation
        fields = [
            "id",
            "url",
            "field",
            "quote",
            "prefix",
            "suffix",
            "start",
            "end",
            "status",
            "checked_at",
            "document",
            "version",
            "passage_url",
            "permanent_url",
        ]


class ClaimRefSerializer(serializers.Serializer):
    """The record a citation supports."""

    type = serializers.SerializerMethodField()
    id = serializers.IntegerField(source="pk")
    slug = serializers.SerializerMethodField()
    label = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    page_url = PageUrlField()

    @extend_schema_field(serializers.ChoiceField(choices=list(CLAIMS_BY_NAME)))
    def get_type(self, claim) -> str:
        return claim._meta.model_name

    def get_slug(self, claim) -> str | None:
        return getattr(claim, "slug", None)

    def get_label(self, claim) -> str:
        return str(claim)

    @extend_schema_field(serializers.URLField())
    def get_url(self, claim):
        kind = CLAIMS_BY_NAME[claim._meta.model_name]
        return self.context["request"].build_absolute_uri(
            reverse(kind.api_route, kwargs={kind.api_lookup: getattr(claim, kind.api_lookup)})
        )


class CitationSerializer(SourceSerializer):
    claim = ClaimRefSerializer(read_only=True, allow_null=True)

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "claim"]


class DocumentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-detail", lookup_field="slug")
    page_url = PageUrlField()
    publisher = PublisherSerializer(read_only=True)
    canonical_url = serializers.CharField(
        source="url", help_text=_("Where the document is published; empty if unknown.")
    )
    current_version = serializers.SerializerMethodField()
    translations = DocumentRefSerializer(
        many=True, read_only=True, help_text=_("The same page in other languages.")
    )

    class Meta:
        model = SourceDocument
        fields = [
            "slug",
            "url",
            "page_url",
            "title",
            "publisher",
            "language",
            "kind",
            "canonical_url",
            "current_version",
            "translations",
        ]

    @extend_schema_field(VersionRefSerializer(allow_null=True))
    def get_current_version(self, document):
        versions = document.current_versions
        return VersionRefSerializer(versions[0], context=self.context).data if versions else None


class VersionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:version-detail")
    page_url = PageUrlField()
    document = DocumentRefSerializer(read_only=True)

    class Meta:
        model = DocumentVersion
        fields = [
            "id",
            "url",
            "page_url",
            "document",
            "number",
            "is_current",
            "sha256",
            "retrieved_at",
            "imported_at",
            "stated_update",
            "stated_update_text",
        ]


class VersionDetailSerializer(VersionSerializer):
    class Meta(VersionSerializer.Meta):
        fields = [*VersionSerializer.Meta.fields, "text"]
