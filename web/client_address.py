"""The client's address, as the API throttle, the admin lockout and the request log see it.

Behind ``TRUSTED_PROXIES`` proxies (``DJANGO_TRUSTED_PROXIES``; HAProxy in
``deploy/haproxy.cfg`` is one, and sets ``X-Forwarded-For`` to the address it saw), the
client is the address the outermost trusted proxy saw: the ``TRUSTED_PROXIES``-th from the
right of ``X-Forwarded-For``, whatever a client put to the left of it. With none (the
default), the header is a client's claim and is ignored: the address is the connection's.
"""

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",")]
    # Fewer hops than trusted proxies: a request that did not come through them all.
    return hops[-proxies] if len(hops) >= proxies and hops[-proxies] else remote
