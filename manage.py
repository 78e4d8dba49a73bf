#!/usr/bin/env python
import importlib
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    # Django's command runner keeps a settings error for later and may then fail on something
    # else ("Models aren't loaded yet"); say the real reason, e.g. a missing secret key.
    try:
        importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    except ImproperlyConfigured as error:
        sys.exit(f"Liaison cannot start: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
