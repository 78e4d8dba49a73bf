"""The kinds of record a citation can support — the claims — written down once.

Every claim model inherits ``Publishable`` (``editorial/models.py``) and has a ``citations``
GenericRelation. A new kind of claim is added to ``CLAIM_KINDS``: the citations' claims,
the API's claim links and ``claim_type`` filter, the bulk downloads, the editorial roles'
publish permissions and the seed loader follow.

Models are named by label and looked up when asked for, so that migrations and
``editorial/roles.py`` can read the list before the apps are ready.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ClaimKind:
    model_label: str  # "partners.Partner"
    collection: str  # as in the API, /api/v1/<collection>/, and in the bulk downloads
    api_lookup: str  # what the API's detail route of one record takes: "slug" or "pk"
    api_queryset: str  # the API's selector of the collection
    serializer: str  # the API's serializer of one record
    # What a citation's claim is fetched with: what its name and its link show.
    shown_with: tuple[str, ...] = ()

    @property
    def app_label(self) -> str:
        return self.model_label.partition(".")[0]

    @property
    def name(self) -> str:
        """ "partner": the model's name, as in its ContentType and the API's claim type."""
        return self.model_label.partition(".")[2].lower()

    @property
    def api_route(self) -> str:
        return f"api:{self.name}-detail"

    @property
    def model(self):
        return apps.get_model(self.model_label)


CLAIM_KINDS = (
    ClaimKind(
        "partners.Partner",
        "partners",
        "slug",
        "partners.selectors.api_partners",
        "partners.serializers.PartnerSerializer",
    ),
    ClaimKind(
        "partners.Relationship",
        "relationships",
        "slug",
        "partners.selectors.api_relationships",
        "partners.serializers.RelationshipSerializer",
        shown_with=("subject", "counterpart"),
    ),
    ClaimKind(
        "partners.Event",
        "events",
        "slug",
        "partners.selectors.api_events",
        "partners.serializers.EventSerializer",
        shown_with=("relationship",),
    ),
    ClaimKind(
        "programmes.Programme",
        "programmes",
        "slug",
        "programmes.selectors.api_programmes",
        "programmes.serializers.ProgrammeSerializer",
    ),
    ClaimKind(
        "programmes.Participation",
        "participations",
        "pk",
        "programmes.selectors.api_participations",
        "programmes.serializers.ParticipationSerializer",
        shown_with=("partner", "programme"),
    ),
)
CLAIMS_BY_NAME = {kind.name: kind for kind in CLAIM_KINDS}


def claim_models() -> list:
    return [kind.model for kind in CLAIM_KINDS]


def check_claim_exists(model, pk):
    """Raise a ValidationError unless ``model`` is a kind of claim with a record ``pk``."""
    if model not in claim_models():
        raise ValidationError({"content_type": _("This kind of record cannot be cited.")})
    if not model._default_manager.filter(pk=pk).exists():
        message = _("There is no %(kind)s with id %(id)s.") % {
            "kind": model._meta.verbose_name,
            "id": pk,
        }
        raise ValidationError({"object_id": message})


def claims_prefetch(published: bool = False, lookup: str = "claim") -> GenericPrefetch:
    """Each citation's ``claim`` with what its name and link show: one query per kind of
    claim cited. With ``published``, only the claims the public may see; the others'
    citations get ``None``. ``lookup`` leads to the claim from another model
    (``citation__claim``)."""
    querysets = []
    for kind in CLAIM_KINDS:
        claims = kind.model.objects.all()
        if kind.shown_with:  # select_related() with no field would follow every foreign key
            claims = claims.select_related(*kind.shown_with)
        querysets.append(claims.published() if published else claims)
    return GenericPrefetch(lookup, querysets)
