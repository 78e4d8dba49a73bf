"""What every endpoint of the read API (``/api/v1/``) shares; the endpoints themselves are
in the apps' ``api.py``, their filters and serializers beside them.

- ``viewsets``: the viewset base, which chooses the language (``?lang=`` or
  ``Accept-Language``), refuses query parameters it does not know, answers conditional GETs
  (ETag, 304) and is answered from the cache (``caching.answers``);
- ``errors``: one error shape, ``{"detail": "…", "errors": {"<parameter>": ["…"]}}``;
- ``schema``: the OpenAPI conventions (drf-spectacular);
- ``filters`` and ``fields``: what the apps' ``filters.py`` and ``serializers.py`` build on;
- ``limits``: pagination and throttling; ``docs``: the documentation pages;
- ``urls``: the router, mounted at /api/v1/ by config/urls.py.
"""
