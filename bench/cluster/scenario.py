"""The cluster test (`make cluster-test`): load through the balancer while a curator edits and
publishes, the replica stopped and started again, then one instance killed and started again;
afterwards every edit is looked for on the primary and on the replica.

Timeline, as fractions of the run: steady until 0.2; the replica stopped (`pg_ctl stop -m
fast`) from 0.2 to 0.35, then back; app_2 killed (SIGKILL, master and workers) at 0.55 and
started again at 0.7; the load goes on until the end of the run, and at least 0.15 of it after
the balancer has app_2 back. Edits are spread over 0.02–0.92.
"""

import json
import secrets
import threading
import time

from bench.cluster import postgres
from bench.cluster import report as reporting
from bench.cluster.curator import Curator, get
from bench.cluster.load import Phases, Readers
from bench.cluster.topology import REPLICA, STALENESS_BOUND_SECONDS, LocalCluster

PARTNER_FORM = "partner_form"
FAULTS = {"replica_down", "instance_down"}
VICTIM = "app_2"  # the instance killed; the replica is stopped and started again


def choose_targets(cluster: LocalCluster, edits: int) -> list[dict]:
    """Partners the public sees (from the API), as many as edits (cycling if need be)."""
    reply = get(cluster.balancer_port, "/api/v1/partners/?page_size=100&ordering=slug")
    slugs = [item["slug"] for item in json.loads(reply.body)["results"]]
    rows = cluster.primary.query(
        "SELECT id, slug FROM partners_partner WHERE slug = ANY(%s) ORDER BY id",
        slugs,
        database=postgres.DATABASE,
    )
    partners = [{"pk": pk, "slug": slug} for pk, slug in rows]
    return [partners[n % len(partners)] for n in range(edits)]


def first_showing(
    port: int, path: str, marker: str, saved_at: float, want: str = "", gone=lambda: False
) -> dict:
    """GET ``path`` until the answer shows ``marker`` (and, through the balancer, comes from
    the instance ``want``): how many requests that took, and how long after the curator's
    save was answered (``saved_at``) it was shown; the edit must be by the staleness bound.
    Given up, and not held against the cluster, if the instance asked is killed meanwhile
    (``gone()``)."""
    attempts, elsewhere = 0, 0
    deadline = saved_at + STALENESS_BOUND_SECONDS
    while True:
        if gone():
            return {"attempts": attempts, "visible_after_ms": None, "skipped": "instance killed"}
        reply = get(port, path)
        if want and reply.served_by != want:
            elsewhere += 1
        else:
            attempts += 1
            if reply.status == 200 and marker in reply.body:
                return {
                    "attempts": attempts,
                    "visible_after_ms": round((time.monotonic() - saved_at) * 1000, 1),
                    "answered_elsewhere_first": elsewhere,
                }
        if time.monotonic() > deadline:
            return {"attempts": attempts, "visible_after_ms": None, "last_status": reply.status}
        time.sleep(0.01)


def replica_has(connection, pk: int, marker: str, saved_at: float, result: dict) -> None:
    """Poll the replica itself (on a connection already open) for the edit: how long after
    the curator's save was answered the replica had replayed it."""
    if connection is None:
        result["replica_unreachable"] = True
        return
    while time.monotonic() - saved_at < STALENESS_BOUND_SECONDS:
        try:
            row = connection.execute(
                "SELECT description_en FROM partners_partner WHERE id = %s", (pk,)
            ).fetchone()
        except postgres.psycopg.Error:
            result["replica_unreachable"] = True
            return
        if row and row[0] == marker:
            result["replica_had_it_after_ms"] = round((time.monotonic() - saved_at) * 1000, 2)
            return
        time.sleep(0.0005)
    result["replica_had_it_after_ms"] = None


class Curation(threading.Thread):
    def __init__(self, cluster: LocalCluster, targets, started, duration, down: set[str], phases):
        super().__init__(daemon=True)
        self.cluster, self.targets, self.down = cluster, targets, down
        self.schedule = [
            started + duration * (0.02 + 0.9 * n / max(1, len(targets)))
            for n in range(len(targets))
        ]
        self.curator = Curator(
            "127.0.0.1",
            cluster.balancer_port,
            cluster.username,
            cluster.password,
            phases=phases,
            faults=FAULTS,
        )
        # The four-eyes rule: another person approves each edit.
        self.reviewer = Curator(
            "127.0.0.1", cluster.balancer_port, *cluster.reviewer, phases=phases, faults=FAULTS
        )
        self.edits: list[dict] = []
        self.error = ""
        self._replica = None

    def replica_connection(self):
        """A connection to the replica kept between edits (opened again after its restart)."""
        if self._replica is None or self._replica.closed or self._replica.broken:
            try:
                self._replica = self.cluster.replica.connect(postgres.DATABASE)
            except postgres.psycopg.Error:
                self._replica = None
        return self._replica

    def run(self):
        try:
            self.curator.sign_in()
            self.reviewer.sign_in()
            for target, when in zip(self.targets, self.schedule, strict=True):
                time.sleep(max(0, when - time.monotonic()))
                self.edits.append(self.edit_and_publish(target))
        except Exception as error:  # noqa: BLE001 (reported as a failure of the run)
            self.error = f"{type(error).__name__}: {error}"

    def edit_and_publish(self, target: dict) -> dict:
        path = f"/admin/partners/partner/{target['pk']}/change/"
        marker = f"cluster-{secrets.token_hex(6)}"
        saved = self.curator.edit(path, PARTNER_FORM, {"description_en": marker})
        saved_at, served_by = time.monotonic(), self.curator.served_by
        record = {**target, "marker": marker, "saved": saved, "saved_by": served_by}
        on_replica: dict = {}
        watcher = threading.Thread(
            target=replica_has,
            args=(self.replica_connection(), target["pk"], marker, saved_at, on_replica),
        )
        watcher.start()
        others = [name for name in self.cluster.instances if name != served_by]
        other = others[0] if len(others) == 1 else ""
        page, api = f"/en/partners/{target['slug']}/", f"/api/v1/partners/{target['slug']}/?lang=en"
        balancer = self.cluster.balancer_port
        if other and other not in self.down:
            direct = self.cluster.instances[other].port

            def gone():
                return other in self.down

            record["other"] = other
            record["checks"] = {
                "page_via_balancer": first_showing(balancer, page, marker, saved_at, other, gone),
                "api_via_balancer": first_showing(balancer, api, marker, saved_at, other, gone),
                "page_direct": first_showing(direct, page, marker, saved_at, gone=gone),
                "api_direct": first_showing(direct, api, marker, saved_at, gone=gone),
            }
        else:  # the other instance is down: whoever answers must show it
            record["other"] = f"{other or '?'} (down)"
            record["checks"] = {
                "page_via_balancer": first_showing(balancer, page, marker, saved_at),
                "api_via_balancer": first_showing(balancer, api, marker, saved_at),
            }
        watcher.join()
        record.update(on_replica)
        record["published"] = self.reviewer.transition(path, PARTNER_FORM, "approve")
        record["published_by"] = self.reviewer.served_by
        return record


class LagSampler(threading.Thread):
    """The primary's view of the standby (pg_stat_replication), five times a second, noted
    with the phase of the run."""

    def __init__(self, primary: postgres.Primary, phases: Phases):
        super().__init__(daemon=True)
        self.primary, self.phases, self.stop = primary, phases, threading.Event()
        self.samples: list[tuple[str, dict | None]] = []

    def run(self):
        connection = None
        while not self.stop.wait(0.2):
            try:
                connection = connection or self.primary.connect()
                sample = self.primary.replication(REPLICA, connection)
            except postgres.psycopg.Error:
                connection = None
                continue
            self.samples.append((self.phases.current, sample))
        if connection:
            connection.close()


class DatabaseReads:
    """Transactions on the primary and the replica, counted at each change of phase: which
    server the public's reads went to."""

    def __init__(self, cluster: LocalCluster):
        self.cluster = cluster
        self.by_phase: dict[str, dict] = {}
        self.mark = self._count()

    def _count(self) -> dict:
        return {
            "primary": postgres.transactions(self.cluster.primary),
            "replica": postgres.transactions(self.cluster.replica),
        }

    def close(self, phase: str) -> None:
        """The phase ``phase`` ends now; the next begins."""
        now = self._count()
        totals = self.by_phase.setdefault(phase, {"primary": 0, "replica": 0})
        for server in ("primary", "replica"):
            if now[server] is not None and self.mark[server] is not None:
                totals[server] += max(0, now[server] - self.mark[server])
        self.mark = now

    def restart(self, server: str) -> None:
        """After a restart its counters may have been reset: count from here."""
        self.mark[server] = postgres.transactions(getattr(self.cluster, server))


def public_reads(instance_url: str) -> str:
    """Where /healthz says this instance sends the public's reads ("replica", "primary")."""
    reply = get(int(instance_url.rsplit(":", 1)[1]), "/healthz", timeout=5)
    try:
        return json.loads(reply.body).get("public_reads", "")
    except ValueError:
        return ""


def wait_reads_on_replica(cluster: LocalCluster, timeout: float = 20) -> float | None:
    """Seconds until every instance's workers say the public reads the replica again (four
    answers in a row from each instance, so that both workers have been asked)."""
    started = time.monotonic()
    streak = dict.fromkeys(cluster.instances, 0)
    while time.monotonic() - started < timeout:
        for name, instance in cluster.instances.items():
            streak[name] = streak[name] + 1 if public_reads(instance.url) == "replica" else 0
        if all(n >= 4 for n in streak.values()):
            return round(time.monotonic() - started, 2)
        time.sleep(0.05)
    return None


def run(cluster: LocalCluster, duration: float, clients: int, edits: int) -> dict:
    targets = choose_targets(cluster, edits)
    phases, down = Phases("steady"), set()
    readers = Readers(cluster.balancer_port, clients, phases, FAULTS)
    reads = DatabaseReads(cluster)
    lag = LagSampler(cluster.primary, phases)
    started = time.monotonic()
    curation = Curation(cluster, targets, started, duration, down, phases)
    faults: dict = {}

    def at(fraction: float) -> None:
        time.sleep(max(0, started + duration * fraction - time.monotonic()))

    def enter(phase: str) -> None:
        reads.close(phases.current)
        phases.enter(phase)

    lag.start()
    readers.start()
    curation.start()

    at(0.2)
    enter("replica_down")
    t0 = time.monotonic()
    cluster.replica.stop()
    faults["replica_stopped_s"] = round(time.monotonic() - t0, 2)
    at(0.35)
    faults["replica_start_s"] = round(cluster.replica.start(), 2)
    reads.restart("replica")
    enter("replica_back")
    faults["reads_back_on_replica_after_s"] = wait_reads_on_replica(cluster)

    at(0.55)
    enter("instance_down")
    victim = cluster.instances[VICTIM]
    faults["in_flight_at_kill"] = (
        readers.snapshot_in_flight() + curation.curator.in_flight + curation.reviewer.in_flight
    )
    down.add(VICTIM)
    victim.kill()
    faults["balancer_saw_it_down_after_s"] = round(cluster.haproxy.wait_until(VICTIM, "DOWN"), 2)
    at(0.7)
    t0 = time.monotonic()
    victim.start()
    faults["instance_restart_s"] = round(time.monotonic() - t0, 2)
    cluster.save_state()  # its new pid, for `make cluster-stop`
    faults["balancer_saw_it_up_after_s"] = round(cluster.haproxy.wait_until(VICTIM, "UP"), 2)
    down.discard(VICTIM)
    enter("instance_back")

    at(1.0)
    time.sleep(max(0, phases.started["instance_back"] + 0.15 * duration - time.monotonic()))
    reads.close(phases.current)
    readers.finish()
    curation.join(timeout=120)
    if curation.is_alive():
        curation.error = "still editing two minutes after the load ended"
    lag.stop.set()
    lag.join(timeout=5)
    elapsed = time.monotonic() - started

    catch_up = cluster.replica.wait_for(cluster.primary)
    expected = {str(e["pk"]): e["marker"] for e in curation.edits if e["saved"]}
    return {
        "duration_s": round(elapsed, 1),
        "clients": clients,
        "staleness_bound_s": STALENESS_BOUND_SECONDS,
        "load": readers.summary(),
        "faults": faults,
        "database_reads": reads.by_phase,
        "replication": {
            **reporting.replication_lag(lag.samples),
            "final_catch_up_ms": round(catch_up * 1000, 1),
        },
        "curator": {
            "edits": list(curation.edits),
            "error": curation.error,
            "requests_by_instance": curation.curator.requests_by_instance,
            "retries": curation.curator.log + curation.reviewer.log,
        },
        "databases": {
            "primary": edits_found(cluster.primary, expected),
            "replica": edits_found(cluster.replica, expected),
            **compare_tables(cluster),
        },
        "balancer": cluster.haproxy.servers(),
    }


def edits_found(server: postgres.Server, expected: dict[str, str]) -> dict:
    """Every edit's text, and the record published since its last change, on ``server``."""
    rows = server.query(
        "SELECT id, description_en, publication_state, reviewed_at >= changed_at "
        "FROM partners_partner WHERE id = ANY(%s)",
        [int(pk) for pk in expected],
        database=postgres.DATABASE,
    )
    found = {str(pk): (text, state, reviewed) for pk, text, state, reviewed in rows}
    missing = [pk for pk, marker in expected.items() if found.get(pk, ("",))[0] != marker]
    unpublished = [
        pk for pk in expected if pk in found and not (found[pk][1] == "published" and found[pk][2])
    ]
    return {"edits_expected": len(expected), "edits_missing": missing, "not_published": unpublished}


def compare_tables(cluster: LocalCluster) -> dict:
    """Row counts of every table, primary against replica: {table: [primary, replica]} for
    those that differ (none, once the replica has caught up)."""
    tables = [
        name
        for (name,) in cluster.primary.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
            database=postgres.DATABASE,
        )
    ]
    counts = {}
    for server in (cluster.primary, cluster.replica):
        with server.connect(postgres.DATABASE) as connection:
            counts[server.name] = {
                table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in tables
            }
    return {
        "tables_compared": len(tables),
        "rows_on_primary": sum(counts["primary"].values()),
        "tables_differing": {
            table: [counts["primary"][table], counts[REPLICA][table]]
            for table in tables
            if counts["primary"][table] != counts[REPLICA][table]
        },
    }
