"""The mixed benchmark's server settings (DJANGO_SETTINGS_MODULE=bench.mixed.settings, set
in its server's environment only): production's, with ``LIAISON_BENCHMARK=1``'s
instruments, and those of ``bench.mixed.instruments`` around them."""

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE, REST_FRAMEWORK, TEMPLATES

# Outermost, around web.benchmark.QueryCountMiddleware: it sees every answer as sent.
MIDDLEWARE = ["bench.mixed.instruments.CacheShareMiddleware", *MIDDLEWARE]
TEMPLATES = [{**TEMPLATES[0], "BACKEND": "bench.mixed.instruments.CountedTemplates"}]
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_RENDERER_CLASSES": ["bench.mixed.instruments.CountedJSONRenderer"],
}
