"""Mixed-workload benchmark (`make bench-mixed`, part of `make bench`): readers draw every
public page and API answer from a Zipf distribution while a curator writes steadily, served
as bench/pages/ serves (docs/DESIGN.md §8, "Real traffic"; README.md, "Benchmarks").

For each database and data scale (bench/pages/databases.py): fill the database, list every
public address of it (``paths``), serve it with gunicorn in the page benchmark's cached
setup with its instruments (web/benchmark.py: whether each answer came from the page
cache, and its queries), measure the bare baseline, then the mixed load — wrk drawing addresses
by ``mixed.lua`` while ``curator`` edits one record a second — then the baseline again.
Results in bench/results/<date>-mixed.json, .md and .png. A budget missed is reported, not
a failure; an error, a non-200 answer or a write that did not commit is.

    python -m bench.mixed [--engines sqlite,postgresql] [--scales 10,100] [--duration S]
                          [--writes-per-second R (0: no curator)] [--quick]
"""
