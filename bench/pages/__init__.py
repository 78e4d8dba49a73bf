"""Page and API benchmark (`make bench-pages`, part of `make bench`): throughput, latency and
queries per request of the public pages and the API, as ratios to a bare Django baseline
measured on the same server in the same run (docs/DESIGN.md §8; README.md, "Benchmarks").

For each database (a SQLite file in a temporary directory; a throw-away PostgreSQL database
on the server of BENCH_DATABASE_URL) and each data scale: fill the database, serve it with
gunicorn as production does (config/gunicorn.conf.py, the same workers throughout, plain
HTTP on loopback), load each endpoint with wrk, and write bench/results/<date>-pages.json,
.md and .png. A budget missed is reported, not a failure; an error or a non-2xx answer is.

    python -m bench.pages [--engines sqlite,postgresql] [--scales 1,10,100] [--duration S]
                          [--connections N] [--quick]
"""
