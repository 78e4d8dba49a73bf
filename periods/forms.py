"""Form fields for dates known to a precision, and the model form that reads and writes them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from periods.dates import PreciseDate


class PreciseDateField(forms.CharField):
    """One box for a date at its precision: "2006", "2006-12" or "2019-06-07"."""

    default_error_messages = {
        "invalid": _(
            "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2006, 2006-12, 2019-06-07)."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"size": 10, "maxlength": 10}))
        kwargs.setdefault("help_text", _("YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, PreciseDate) else value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return PreciseDate.parse(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class PreciseDateModelForm(forms.ModelForm):
    """A model form whose ``PreciseDateField``s read and write the model's
    precise-date properties of the same name (``start`` → start_date + start_precision)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.precise_date_names():
            if self.instance.pk is not None:
                self.initial.setdefault(name, getattr(self.instance, name))

    def precise_date_names(self):
        return [name for name, f in self.fields.items() if isinstance(f, PreciseDateField)]

    def clean(self):
        cleaned = super().clean()
        for name in self.precise_date_names():
            if name in cleaned:
                setattr(self.instance, name, cleaned[name])
        return cleaned
