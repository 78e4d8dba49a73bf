from django import forms
from django.utils.translation import gettext_lazy as _


class NetworkFilterForm(forms.Form):
    """The filters of the partner–programme network page (all optional)."""

    kind = forms.ChoiceField(label=_("Kind of programme"), required=False)
    on = forms.DateField(
        label=_("In force on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    def __init__(self, *args, **kwargs):
        from programmes.models import ProgrammeKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *ProgrammeKind.choices]
