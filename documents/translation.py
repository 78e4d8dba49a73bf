from modeltranslation.translator import TranslationOptions, register

from documents.models import SourceDocument


@register(SourceDocument)
class SourceDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
