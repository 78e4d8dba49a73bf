from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def languages(request):
    """The current page in every language, for the language switch and hreflang links."""
    current = get_language()
    path = request.get_full_path()
    return {
        "language_alternates": [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "is_current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }
