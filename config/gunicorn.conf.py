"""Gunicorn, as `make serve` runs it: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Every value can be changed from the environment (README.md, "Production").
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers, the usual 2 per core + 1: requests wait on the database, not the CPU.
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
# A request taking longer than this is killed and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
# Time given to a worker to finish its requests on a restart (SIGHUP) or stop (SIGTERM).
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT") or 30)
keepalive = 5
# Workers are replaced after this many requests (with jitter), so a slow leak cannot grow.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 2000)
max_requests_jitter = max_requests // 10
# The application is loaded in each worker: a reload (SIGHUP) picks up new code.
preload_app = False

# Access log on standard output, one line a request with its duration in microseconds and
# the request id the application sets (web/request_logging.py).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus request_id=%({x-request-id}o)s "%(a)s"'

# Behind a TLS-terminating proxy on the same machine, trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
