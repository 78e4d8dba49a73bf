from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from documents.admin.citations import CitationInline
from editorial.admin import PublishableAdmin
from periods.forms import PreciseDateField, PreciseDateModelForm
from programmes.models import Participation, Programme


class DatedRangeForm(PreciseDateModelForm):
    start = PreciseDateField(label=_("start"))
    end = PreciseDateField(label=_("end"))


class ProgrammeForm(DatedRangeForm):
    class Meta:
        model = Programme
        exclude = ["start_date", "start_precision", "end_date", "end_precision"]


class ParticipationForm(DatedRangeForm):
    class Meta:
        model = Participation
        exclude = ["start_date", "start_precision", "end_date", "end_precision"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ["partner", "role", "start_date", "start_precision", "status"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin, TranslationAdmin):
    form = ProgrammeForm
    list_display = ["name", "acronym", "kind", "run_by", "parent", "start"]
    list_filter = ["kind", "run_by"]
    search_fields = ["name_fr", "name_en", "acronym_fr", "acronym_en", "slug"]
    autocomplete_fields = ["run_by", "parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    list_select_related = ["run_by", "parent"]
    inlines = [ParticipationInline, CitationInline]


@admin.register(Participation)
class ParticipationAdmin(PublishableAdmin, TranslationAdmin):
    form = ParticipationForm
    list_display = ["partner", "programme", "role", "start", "end", "status"]
    list_filter = ["role", "status", "programme__kind", "programme"]
    search_fields = [
        "partner__name_fr",
        "partner__name_en",
        "programme__name_fr",
        "programme__name_en",
        "programme__acronym_fr",
    ]
    autocomplete_fields = ["partner", "programme"]
    list_select_related = ["partner", "programme"]
    inlines = [CitationInline]
