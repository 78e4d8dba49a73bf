"""`python -m bench.soak [--duration S] [--clients N] [--edits N]` — see bench/soak/__init__.py."""

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.soak.cluster import Cluster, free_port
from bench.soak.curator import Curator, marker
from bench.soak.load import Faults, Readers
from bench.soak.server import ROOT, Gunicorn, environment, prepare, wait_until_healthy

PARTNER_FORM = "partner_form"
VERSION_FORM = "documentversion_form"


def database(env, mode, argument) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.soak.database", mode, argument],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def curate(curator: Curator, reviewer: Curator, targets, duration, report: dict) -> None:
    """Edits spread over most of the run, the import in the middle, then the reviewer
    approves each edit and publishes the imported version (the four-eyes rule: not the
    curator)."""
    curator.sign_in()
    partners = targets["partners"]
    pause = duration * 0.8 / max(1, len(partners))
    edits, refused, version_page = {}, [], ""
    for number, pk in enumerate(partners):
        text = marker()
        if curator.edit(
            f"/admin/partners/partner/{pk}/change/", PARTNER_FORM, {"description_en": text}
        ):
            edits[str(pk)] = text
        else:
            refused.append(pk)
        if number == len(partners) // 2:
            version_page = curator.import_version(targets["document"]["pk"], targets["new_text"])
            report["import_accepted"] = bool(version_page)
        time.sleep(pause)
    report.update(edits=edits, edits_refused=refused)
    report["published"] = publish(reviewer, list(edits), version_page)


def publish(reviewer: Curator, pks: list[str], version_page: str) -> dict:
    """The editorial step: a reviewer approves each edited (published) record, which the
    public already sees, so that it no longer shows as changed since its last review, and
    publishes the imported version, which the public does not see until then."""
    reviewer.sign_in()
    path = "/admin/partners/partner/{}/change/"
    accepted = [pk for pk in pks if reviewer.transition(path.format(pk), PARTNER_FORM, "approve")]
    version = bool(version_page) and reviewer.transition(version_page, VERSION_FORM, "publish")
    return {
        "accepted": len(accepted),
        "refused": len(pks) - len(accepted),
        "version_published": version,
    }


def inject_faults(gunicorn, cluster, base_url, faults, duration, started, recovery) -> None:
    time.sleep(max(0, started + duration * 0.3 - time.monotonic()))
    with faults:
        t0 = time.monotonic()
        recovery["killed_worker"] = gunicorn.kill_one_worker()
        while len(gunicorn.workers()) < 2:
            time.sleep(0.02)
        wait_until_healthy(base_url, 60)
        recovery["worker_replaced_s"] = round(time.monotonic() - t0, 3)
    time.sleep(max(0, started + duration * 0.6 - time.monotonic()))
    with faults:
        t0 = time.monotonic()
        recovery["database_restart_s"] = round(cluster.restart(), 3)
        wait_until_healthy(base_url, 60)
        recovery["database_recovered_s"] = round(time.monotonic() - t0, 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--clients", type=int, default=8, help="concurrent readers")
    parser.add_argument("--edits", type=int, default=20, help="records the curator edits")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()

    cluster, gunicorn = Cluster(), None
    workdir = Path(tempfile.mkdtemp(prefix="liaison-soak-"))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    report: dict = {"started": datetime.now(UTC).isoformat(), "workdir": str(workdir)}
    try:
        print(f"soak: PostgreSQL on port {cluster.port}, gunicorn on {base_url}", flush=True)
        cluster.start()
        env = environment(cluster.database_url, port, workdir)
        prepare(env)
        targets = database(env, "targets", str(args.edits))
        gunicorn = Gunicorn(env, workdir)
        gunicorn.start(base_url)

        faults, recovery, curation = Faults(), {}, {}
        readers = Readers("127.0.0.1", port, args.clients, faults)
        curator = Curator(
            "127.0.0.1", port, env["DJANGO_SUPERUSER_USERNAME"], env["DJANGO_SUPERUSER_PASSWORD"]
        )
        reviewer = Curator(
            "127.0.0.1", port, env["SOAK_REVIEWER_USERNAME"], env["SOAK_REVIEWER_PASSWORD"]
        )
        started = time.monotonic()
        readers.start()
        curating = threading.Thread(
            target=curate, args=(curator, reviewer, targets, args.duration, curation), daemon=True
        )
        curating.start()
        inject_faults(gunicorn, cluster, base_url, faults, args.duration, started, recovery)
        time.sleep(max(0, started + args.duration - time.monotonic()))
        readers.finish()
        curating.join(timeout=120)
        elapsed = time.monotonic() - started

        expected = {"edits": curation.get("edits", {}), "document": targets["document"]}
        found = database(env, "check", json.dumps(expected))
        load = readers.summary()
        report.update(
            duration_s=round(elapsed, 1),
            clients=args.clients,
            load=load,
            requests_per_s=round(load["requests"] / elapsed, 1),
            recovery=recovery,
            curator={
                "edits_saved": len(curation.get("edits", {})),
                "edits_refused": curation.get("edits_refused", []),
                "import_accepted": curation.get("import_accepted", False),
                "published": curation.get("published", {}),
                "retries": len(curator.log) + len(reviewer.log),
            },
            database=found,
        )
        report["failures"] = failures(report, targets)
    finally:
        if gunicorn:
            gunicorn.stop()
        cluster.stop()

    args.output.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = args.output / f"soak-{stamp}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    print(f"soak: written to {path.relative_to(ROOT)}")
    if report["failures"]:
        print("soak: FAILED: " + "; ".join(report["failures"]), file=sys.stderr)
        return 1
    print("soak: passed")
    return 0


def failures(report: dict, targets: dict) -> list[str]:
    found, load, curator = report["database"], report["load"], report["curator"]
    problems = []
    if load["errors_steady"]:
        problems.append(f"{load['errors_steady']} errors outside the fault windows")
    if curator["edits_refused"] or curator["edits_saved"] != len(targets["partners"]):
        problems.append(f"edits refused: {curator['edits_refused']}")
    if found["edits_missing"]:
        problems.append(f"edits lost: {found['edits_missing']}")
    if not curator["published"].get("version_published"):
        problems.append("the reviewer could not publish the imported version")
    if not curator["import_accepted"] or not found["imported_version_current"]:
        problems.append("the imported version is not the current one")
    if not found["imported_version_published_by_another"]:
        problems.append("the imported version was not published by someone else than its importer")
    if found["versions_of_imported_document"] != targets["document"]["versions"] + 1:
        problems.append("the imported document does not have exactly one more version")
    if found["edits_not_approved"]:
        problems.append(f"edits not approved by the reviewer: {found['edits_not_approved']}")
    if curator["published"].get("refused"):
        problems.append(f"{curator['published']['refused']} records could not be published")
    for key in (
        "versions_with_wrong_hash",
        "supporting_citations_not_at_their_quote",
        "documents_with_several_current_versions",
    ):
        if found[key]:
            problems.append(f"{key}: {found[key]}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
