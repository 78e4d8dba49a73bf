from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from documents.admin.citations import CitationInline
from editorial.admin import PublishableAdmin
from editorial.locking_admin import LockingInline
from editorial.views import preview_url
from partners.models import Event, Partner, PartnerAlias, Relationship
from periods.forms import PreciseDateField, PreciseDateModelForm


class PartnerAliasInline(LockingInline, admin.TabularInline):
    model = PartnerAlias
    extra = 1


@admin.register(Partner)
class PartnerAdmin(PublishableAdmin, TranslationAdmin):
    list_display = ["name", "acronym", "kind", "iso_code", "status"]
    list_filter = ["kind", "status"]
    search_fields = [
        "name_fr",
        "name_en",
        "acronym_fr",
        "acronym_en",
        "short_name_fr",
        "short_name_en",
        "aliases__name",
        "slug",
    ]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PartnerAliasInline, CitationInline]


class RelationshipForm(PreciseDateModelForm):
    start = PreciseDateField(label=_("start"))
    end = PreciseDateField(label=_("end"))

    class Meta:
        model = Relationship
        exclude = ["start_date", "start_precision", "end_date", "end_precision"]


class EventInline(admin.TabularInline):
    model = Event
    fields = ["start_date", "start_precision", "kind", "title"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False
    ordering = ["start_date"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Relationship)
class RelationshipAdmin(PublishableAdmin, TranslationAdmin):
    form = RelationshipForm
    list_display = ["title", "subject", "counterpart", "status", "start"]
    list_filter = ["status", "subject"]
    search_fields = ["title_fr", "title_en", "slug", "subject__name_fr", "counterpart__name_fr"]
    autocomplete_fields = ["subject", "counterpart"]
    prepopulated_fields = {"slug": ["title_en"]}
    list_select_related = ["subject", "counterpart"]
    inlines = [EventInline, CitationInline]

    def view_on_site(self, obj):
        # A draft has no public page yet: staff see its preview instead.
        return obj.get_absolute_url() if obj.is_published else preview_url(obj)


class EventForm(PreciseDateModelForm):
    date = PreciseDateField(label=_("date"), required=True)
    end = PreciseDateField(label=_("end"))

    class Meta:
        model = Event
        exclude = ["start_date", "start_precision", "end_date", "end_precision"]


@admin.register(Event)
class EventAdmin(PublishableAdmin, TranslationAdmin):
    form = EventForm
    list_display = ["title", "date", "kind", "relationship", "programme", "figure"]
    list_filter = ["kind", "relationship", "start_precision"]
    search_fields = ["title_fr", "title_en", "slug", "description_fr", "description_en"]
    autocomplete_fields = ["relationship", "programme", "partners"]
    prepopulated_fields = {"slug": ["title_en"]}
    date_hierarchy = "start_date"
    list_select_related = ["relationship", "programme"]
    inlines = [CitationInline]

    @admin.display(description=_("figure"), ordering="figure_quantity")
    def figure(self, obj):
        if obj.figure_quantity is None:
            return ""
        return f"{obj.figure_quantity.normalize():,f} {obj.figure_unit}"
