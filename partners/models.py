from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.locking import Versioned
from editorial.models import Publishable, PublishableQuerySet
from periods.models import (
    Period,
    date_pair_constraints,
    end_after_start_constraint,
    precise_date_property,
    precision_field,
)


class PartnerKind(models.TextChoices):
    STATE = "state", _("State")
    TERRITORY = "territory", _("Territory")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
    GOVERNMENT_BODY = "government_body", _("Government body")
    ORGANISATION_BODY = "organisation_body", _("Body of an organisation")
    NGO = "ngo", _("Non-governmental organisation")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    OTHER = "other", _("Other")


class PartnerQuerySet(PublishableQuerySet):
    pass


class Partner(Publishable):
    Kind = PartnerKind

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DEFUNCT = "defunct", _("Defunct")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    iso_code = models.CharField(
        _("ISO 3166 code"), max_length=2, blank=True, help_text=_("Two letters, states only.")
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    citations = GenericRelation("documents.Citation", related_query_name="partner")

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        permissions = [("publish_partner", _("Can approve and publish partners"))]
        constraints = [
            models.UniqueConstraint(
                fields=["iso_code"],
                condition=~models.Q(iso_code=""),
                name="partner_iso_code_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(iso_code="")
                | (models.Q(kind="state") & models.Q(iso_code__regex=r"^[A-Z]{2}$")),
                name="partner_iso_code_is_two_capitals_of_a_state",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=PartnerKind.values), name="partner_kind_valid"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:partner_detail", args=[self.slug])

    @property
    def display_name(self):
        """Name with acronym: "Organisation du Traité de l'Atlantique Nord (OTAN)"."""
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    def clean(self):
        if self.iso_code:
            self.iso_code = self.iso_code.upper()
            if self.kind != self.Kind.STATE:
                raise ValidationError({"iso_code": _("Only a state has an ISO 3166 code.")})


class PartnerAlias(Versioned):
    """Another name a partner is known by: "Biélorussie", "Belarus", "OTAN"."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("partner")
    )
    name = models.CharField(_("name"), max_length=255)
    language = models.CharField(
        _("language"), max_length=8, blank=True, help_text=_("e.g. fr, en, sr; blank if any.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint(fields=["partner", "name"], name="partner_alias_unique"),
            models.CheckConstraint(condition=~models.Q(name=""), name="partner_alias_not_empty"),
        ]

    def __str__(self):
        return self.name


class RelationshipQuerySet(PublishableQuerySet):
    depends_on = ("subject", "counterpart")

    def involving(self, partner):
        return self.filter(models.Q(subject=partner) | models.Q(counterpart=partner))


class RelationshipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")


class Relationship(Publishable, Period):
    """An ordered pair of partners: NATO (subject) and Serbia (counterpart)."""

    Status = RelationshipStatus

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    subject = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="relationships_as_subject",
        verbose_name=_("subject"),
    )
    counterpart = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="relationships_as_counterpart",
        verbose_name=_("counterpart"),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    citations = GenericRelation("documents.Citation", related_query_name="relationship")

    objects = RelationshipQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        permissions = [("publish_relationship", _("Can approve and publish relationships"))]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "counterpart"], name="relationship_pair_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(subject=models.F("counterpart")),
                name="relationship_partners_differ",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RelationshipStatus.values),
                name="relationship_status_valid",
            ),
            *Period.Meta.constraints,
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:relationship_detail", args=[self.slug])

    def clean(self):
        if self.subject_id and self.subject_id == self.counterpart_id:
            raise ValidationError(_("A relationship needs two different partners."))
        super().clean()


class EventKind(models.TextChoices):
    ACCESSION = "accession", _("Accession to a framework")
    AGREEMENT = "agreement", _("Agreement")
    PLAN_ADOPTED = "plan_adopted", _("Plan adopted")
    OFFICE_OPENED = "office_opened", _("Office opened")
    MISSION_STARTED = "mission_started", _("Mission started")
    MISSION_ENDED = "mission_ended", _("Mission ended")
    EXERCISE = "exercise", _("Exercise")
    TRAINING = "training", _("Training")
    PROJECT_STARTED = "project_started", _("Project started")
    PROJECT_COMPLETED = "project_completed", _("Project completed")
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Visit")
    CRISIS_RESPONSE = "crisis_response", _("Crisis response")
    RECOGNITION = "recognition", _("Recognition")
    PUBLICATION = "publication", _("Publication")
    OTHER = "other", _("Other")


class EventQuerySet(PublishableQuerySet):
    depends_on = ("relationship", "relationship__subject", "relationship__counterpart")
    depends_on_optional = ("programme", "programme__run_by", "programme__parent")


class Event(Publishable):
    """A dated milestone of a relationship."""

    Kind = EventKind

    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("relationship"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    # Not a ``Period``: an event's start is its date, always known, with a constraint of
    # its own (``event_date_has_precision``).
    start_date = models.DateField(_("date"))
    start_precision = precision_field(_("date precision"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = precision_field(_("end precision"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="events", verbose_name=_("partners involved")
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("programme"),
    )
    figure_quantity = models.DecimalField(
        _("figure"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    figure_unit = models.CharField(_("figure unit"), max_length=255, blank=True)
    citations = GenericRelation("documents.Citation", related_query_name="event")

    objects = EventQuerySet.as_manager()

    date = precise_date_property("start_date", "start_precision")
    end = precise_date_property("end_date", "end_precision")

    class Meta:
        ordering = ["start_date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can approve and publish events"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_precision__in=["year", "month", "day"]),
                name="event_date_has_precision",
            ),
            *date_pair_constraints("event", "end_date", "end_precision"),
            end_after_start_constraint("event", "start_date", "end_date"),
            models.CheckConstraint(
                condition=models.Q(figure_quantity__isnull=True)
                | (models.Q(figure_quantity__gte=0) & ~models.Q(figure_unit="")),
                name="event_figure_has_unit",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=EventKind.values), name="event_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["relationship", "start_date"])]

    def __str__(self):
        return f"{self.date} — {self.title}" if self.start_date else self.title

    def get_absolute_url(self):
        return (
            reverse("partners:relationship_detail", args=[self.relationship.slug])
            + f"#event-{self.pk}"
        )

    def clean(self):
        if self.figure_quantity is not None and not self.figure_unit:
            raise ValidationError({"figure_unit": _("A figure needs its unit.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end comes before the start.")})
