from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import Publishable, PublishableQuerySet
from partners.models import Partner
from periods.models import Period


class ProgrammeKind(models.TextChoices):
    FRAMEWORK = "framework", _("Framework")
    FORUM = "forum", _("Forum")
    PROGRAMME = "programme", _("Programme")
    PARTNERSHIP_PLAN = "partnership_plan", _("Partnership plan")
    TRUST_FUND = "trust_fund", _("Trust fund")
    PROJECT = "project", _("Project")
    INITIATIVE = "initiative", _("Initiative")
    CENTRE = "centre", _("Centre")
    MISSION = "mission", _("Mission")
    OPERATION = "operation", _("Operation")
    OFFICE = "office", _("Office")
    POLICY = "policy", _("Policy")
    OTHER = "other", _("Other")


class ProgrammeQuerySet(PublishableQuerySet):
    depends_on_optional = ("run_by", "parent")


class Programme(Publishable, Period):
    """A framework, programme, trust fund, initiative, centre or mission."""

    Kind = ProgrammeKind

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    run_by = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes_run",
        verbose_name=_("run by"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent programme"),
    )
    description = models.TextField(_("description"), blank=True)
    citations = GenericRelation("documents.Citation", related_query_name="programme")

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        permissions = [("publish_programme", _("Can approve and publish programmes"))]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="programme_not_own_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ProgrammeKind.values), name="programme_kind_valid"
            ),
            *Period.Meta.constraints,
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("programmes:programme_detail", args=[self.slug])

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A programme cannot be its own ancestor.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        super().clean()


class ParticipationRole(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    MEMBER = "member", _("Member")
    HOST = "host", _("Host")
    LEAD_NATION = "lead_nation", _("Lead nation")
    CO_CHAIR = "co_chair", _("Co-chair")
    BENEFICIARY = "beneficiary", _("Beneficiary")
    CONTRIBUTOR = "contributor", _("Contributor")
    DONOR = "donor", _("Donor")
    ORGANISER = "organiser", _("Organiser")
    PARTNER = "partner", _("Partner")
    OBSERVER = "observer", _("Observer")


class ParticipationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    IN_TRANSITION = "in_transition", _("In transition")
    PLANNED = "planned", _("Planned")


class ParticipationQuerySet(PublishableQuerySet):
    depends_on = ("partner", "programme")
    depends_on_optional = ("programme__run_by", "programme__parent")


class Participation(Publishable, Period):
    """A partner's part in a programme: Serbia, participant in the PfP since 2006."""

    Role = ParticipationRole

    Status = ParticipationStatus

    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="participations", verbose_name=_("partner")
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("programme"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    note = models.TextField(_("note"), blank=True)
    citations = GenericRelation("documents.Citation", related_query_name="participation")

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["programme__name", "start_date", "partner__name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        permissions = [("publish_participation", _("Can approve and publish participations"))]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "programme", "role", "start_date"],
                name="participation_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ParticipationRole.values),
                name="participation_role_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ParticipationStatus.values),
                name="participation_status_valid",
            ),
            *Period.Meta.constraints,
        ]

    def __str__(self):
        return f"{self.partner} — {self.programme} ({self.get_role_display()})"

    def get_absolute_url(self):
        return (
            reverse("programmes:programme_detail", args=[self.programme.slug])
            + f"#participation-{self.pk}"
        )
