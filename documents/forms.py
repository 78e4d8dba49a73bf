"""Admin forms of the curation workflow: import a document, re-quote a citation by hand."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.fetching import fetch_url
from documents.importing import import_allowed_hosts, source_error_message
from documents.models import Citation, SourceDocument
from documents.sources import MAX_BYTES, SourceError, from_bytes, too_large
from partners.models import Partner


class DocumentImportForm(forms.Form):
    upload = forms.FileField(
        label=_("File"), required=False, help_text=_("A .txt or .html file as retrieved.")
    )
    url = forms.URLField(
        label=_("Or an address"),
        required=False,
        assume_scheme="https",
        help_text=_("An http(s) address: the page is fetched now."),
    )
    document = forms.ModelChoiceField(
        SourceDocument.objects.all(),
        label=_("New version of"),
        required=False,
        help_text=_(
            "Leave empty for a new document (or for the document whose canonical URL is the "
            "address given)."
        ),
    )
    publisher = forms.ModelChoiceField(
        Partner.objects.all(), label=_("Publisher"), required=False, help_text=_("New document.")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", "---------"), *SourceDocument.Language.choices],
        required=False,
        help_text=_("New document; an HTML page's own language is used if left empty."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        required=False,
        help_text=_("New document; else the page's title or the first line of the text."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=SourceDocument.Kind.choices,
        initial=SourceDocument.Kind.WEB_PAGE,
        help_text=_("New document."),
    )

    def clean(self):
        data = super().clean()
        upload, url = data.get("upload"), data.get("url")
        if self.errors:
            return data
        if bool(upload) == bool(url):
            raise forms.ValidationError(_("Give either a file or an address."))
        if not data.get("document") and not data.get("publisher") and upload:
            raise forms.ValidationError(
                _("Choose the document this is a new version of, or the publisher of a new one.")
            )
        try:
            if upload:
                if upload.size > MAX_BYTES:
                    raise too_large(upload.name, MAX_BYTES)
                data["source"] = from_bytes(upload.read(), upload.name, upload.content_type or "")
            else:
                data["source"] = fetch_url(url, allowed=import_allowed_hosts())
        except SourceError as error:
            raise forms.ValidationError(source_error_message(error)) from error
        return data


class ContextField(forms.CharField):
    """The text just before or after a quote: a hint to where it stands, which anchoring
    recomputes from the document. Its one-line box loses line breaks and a browser may trim
    it, so only a change of its words is a change: a row posted back as shown saves nothing
    (and leaves its history, its lock version and its authors alone)."""

    def __init__(self, **kwargs):
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def has_changed(self, initial, data):
        return (initial or "").split() != (data or "").split()


class CitationForm(forms.ModelForm):
    """A citation in the admin, on its own page or as a row of its claim's inline."""

    class Meta:
        model = Citation
        fields = ["field", "version", "quote", "prefix", "suffix", "note"]
        field_classes = {"prefix": ContextField, "suffix": ContextField}


class CitationRequoteForm(CitationForm):
    """A citation of the health queue, to re-quote by hand. It opens on the newest text —
    the suggested passage when there is one — and saves only if the quote anchors there
    exactly (``Citation.clean``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        citation = self.instance
        if citation.pk is None or citation.is_supporting or self.is_bound:
            return
        if citation.has_suggestion:
            self.initial.update(
                version=citation.suggested_version_id,
                quote=citation.suggested_quote,
                prefix=citation.suggested_prefix,
                suffix=citation.suggested_suffix,
            )
            return
        current = citation.version.document.versions.filter(is_current=True).only("pk").first()
        if current is not None:
            self.initial.update(version=current.pk, prefix="", suffix="")
