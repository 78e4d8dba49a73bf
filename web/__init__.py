"""What every request goes through and every page shares: the middlewares (request log,
HTTP hardening, replica reads, the benchmark's query count), the replica router, /healthz
and robots.txt, the sitemaps, the templates' context processor and the login limits."""
