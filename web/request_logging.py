"""One log line per request: its id, client address, method, path, status and duration.

The id comes from the proxy's ``X-Request-ID`` when it sends a sensible one, else is made
here; it is returned in the response's ``X-Request-ID`` so a user's report can be matched
with the log. With DJANGO_LOG_FORMAT=json each line is one JSON object.
"""

import logging
import re
import time
import uuid

from web.client_address import client_address

logger = logging.getLogger("liaison.requests")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        offered = request.headers.get("X-Request-ID", "")
        request.id = offered if REQUEST_ID.match(offered) else uuid.uuid4().hex
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response.headers["X-Request-ID"] = request.id
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        logger.log(
            level,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request.id,
                "client": client_address(request),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response
