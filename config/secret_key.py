"""The secret key: required and strong in production, a throw-away one in development.

Read by settings, before Django is set up: plain Python, no Django imports but the exception.
"""

from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SECRET_KEY = "development-only-not-secret"
# Django's own deploy check asks as much: 50 characters, at least 5 different ones.
MIN_LENGTH = 50
MIN_UNIQUE_CHARACTERS = 5
# Keys printed by `startproject` and in tutorials start with this: they are public.
INSECURE_PREFIX = "django-insecure"


def production_secret_key(value: str, *, debug: bool, weak_allowed: bool = False) -> str:
    """The key to use, or ``ImproperlyConfigured`` saying what is wrong with it.

    Debug mode falls back to a development key; otherwise the key must be set and, unless
    ``weak_allowed`` (the test suite's throw-away key), be long, varied and not a known one.
    """
    value = value.strip()
    if not value:
        if debug:
            return DEVELOPMENT_SECRET_KEY
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value, for instance the "
            'output of: python -c "import secrets; print(secrets.token_urlsafe(50))" '
            "(or set DJANGO_DEBUG=1 for local development)."
        )
    if debug or weak_allowed:
        return value
    if value == DEVELOPMENT_SECRET_KEY or value.startswith(INSECURE_PREFIX):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is a publicly known development key; production needs its own "
            "long random value."
        )
    if len(value) < MIN_LENGTH or len(set(value)) < MIN_UNIQUE_CHARACTERS:
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY is too weak: production needs at least {MIN_LENGTH} characters, "
            f"{MIN_UNIQUE_CHARACTERS} of them different."
        )
    return value
