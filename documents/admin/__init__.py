"""The documents app's admin: ``sources`` (documents, import), ``versions`` (versions,
their review and publication) and ``citations`` (citations, their review, the health
queue); importing the package registers them."""

from documents.admin import citations, sources, versions  # noqa: F401 (registers them)
