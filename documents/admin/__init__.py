"""The documents app's admin: ``sources`` (documents, versions, import) and ``citations``
(citations, their review, the health queue); importing the package registers both."""

from documents.admin import citations, sources  # noqa: F401 (registers them)
