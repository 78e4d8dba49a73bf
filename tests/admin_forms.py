"""Fill in a Django admin change form the way a browser would submit it."""


def _bound_values(form):
    data = {}
    for bound_field in form:
        value = bound_field.value()
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            data[bound_field.html_name] = [str(v) for v in value]
        elif value is True:
            data[bound_field.html_name] = "on"
        else:
            data[bound_field.html_name] = str(value)
    return data


def admin_form_data(response):
    """The POST data of the admin page in ``response``, with its inlines, unchanged."""
    context = response.context
    data = _bound_values(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_bound_values(formset.management_form))
        for form in formset.forms:
            data.update(_bound_values(form))
    return data


def inline_prefix(response, model):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise LookupError(f"no inline for {model.__name__}")


def add_inline_row(data, prefix, values):
    """Append one new row to the inline formset ``prefix``."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    for key, value in values.items():
        data[f"{prefix}-{index}-{key}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data


def form_errors(response):
    """The errors of a returned admin form and of its inlines, for assertion messages."""
    errors = [response.context["adminform"].form.errors]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        errors.append((formset.prefix, formset.errors, formset.non_form_errors()))
    return errors
