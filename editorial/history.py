"""History (django-simple-history) of every curated model.

django-modeltranslation adds the ``_fr``/``_en`` columns when ``translation.py`` modules are
registered, after the model classes are prepared; a ``HistoricalRecords()`` written on the
class would copy the fields before that and miss them. So the historical models are made
here, in ``EditorialConfig.ready()``, which runs after modeltranslation's own (it comes
first in ``INSTALLED_APPS``). ``tests/editorial/test_history.py`` checks the columns.
"""

import simple_history
from django.apps import apps

# The stored text of a version never changes (a changed text is a new version), and it
# can be long: history keeps the rest of the row.
EXCLUDED_FIELDS = {"documents.DocumentVersion": ["text", "raw", "published_text"]}

HISTORY_MODELS = [
    "partners.Partner",
    "partners.PartnerAlias",
    "partners.Relationship",
    "partners.Event",
    "programmes.Programme",
    "programmes.Participation",
    "documents.SourceDocument",
    "documents.DocumentVersion",
    "documents.Citation",
]


def register_history():
    for label in HISTORY_MODELS:
        model = apps.get_model(label)
        if hasattr(model, "history"):
            continue
        simple_history.register(
            model,
            app=model._meta.app_label,
            excluded_fields=EXCLUDED_FIELDS.get(label, []),
        )
