from modeltranslation.translator import TranslationOptions, register

from partners.models import Event, Partner, Relationship


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "acronym", "description")


@register(Relationship)
class RelationshipTranslationOptions(TranslationOptions):
    fields = ("title", "summary")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "place", "figure_unit")
