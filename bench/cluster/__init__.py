"""The production topology on one machine, on loopback (README.md, "Cluster";
docs/deploy.md): a PostgreSQL primary and its streaming replica, two gunicorn instances of
Liaison, HAProxy in front (deploy/haproxy.cfg), Redis as the shared cache.

    python -m bench.cluster start   # `make cluster`: in the foreground until Ctrl-C or time
    python -m bench.cluster stop    # `make cluster-stop`: tear down any left running
    python -m bench.cluster test    # `make cluster-test`: load, faults, then the checks
    python -m bench.cluster bench   # `make bench-cluster`: 1 vs 2 instances, replica vs primary

postgres.py   the primary and its standby (initdb, pg_basebackup -R -X stream, pg_ctl)
haproxy.py    HAProxy with the repository's configuration, and its runtime API
topology.py   the whole cluster: start, stop, its state file; tearing down from elsewhere
curator.py    the soak test's curator through the balancer, knowing which instance answered
load.py       readers through the balancer, counted by phase of the run
scenario.py   the test's timeline and what it measures
report.py     what the test asserts, and its summary
scaling.py    the scaling benchmark: its three configurations measured with wrk
scaling_report.py  the benchmark's ratios, checks, lag summary and Markdown
"""
