from modeltranslation.translator import TranslationOptions, register

from programmes.models import Participation, Programme


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")


@register(Participation)
class ParticipationTranslationOptions(TranslationOptions):
    fields = ("note",)
