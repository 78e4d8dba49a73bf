"""The mixed load's figures (one row per database and scale), its budgets met or not
(docs/DESIGN.md §8, "Real traffic"), and the results written as JSON, a Markdown table and
a PNG chart (bench/results/<date>-mixed.*)."""

from pathlib import Path

from bench.pages import report as pages_report
from bench.pages.report import ENGINE_NAMES, data_table, percent, verdict

# Least throughput as a fraction of the baseline's, per database; the same for both below.
THROUGHPUT_TARGETS = {"sqlite": 0.50, "postgresql": 0.40}
P99_TARGET_MS = 100.0
CACHE_SHARE_TARGET = 0.90
BUDGET_SCALE = 100  # the budgets are set at 100× the seed corpus; smaller scales draw the curve


def figures(engine: str, scale: int, baselines: list[dict], mixed: dict, answers: dict) -> dict:
    """One row: the mixed load's throughput as a ratio of the mean of the baselines measured
    on the same server, its latency, and what its answers said (``mixed.lua``)."""
    baseline = sum(measure["requests_per_s"] for measure in baselines) / len(baselines)
    counted = answers["counted"]
    return {
        "engine": engine,
        "scale": scale,
        "baseline_requests_per_s": round(baseline, 1),
        "baselines_requests_per_s": [measure["requests_per_s"] for measure in baselines],
        "requests_per_s": mixed["requests_per_s"],
        "ratio": round(mixed["requests_per_s"] / baseline, 3),
        "p50_ms": mixed["p50_ms"],
        "p90_ms": mixed["p90_ms"],
        "p99_ms": mixed["p99_ms"],
        "requests": mixed["requests"],
        "cache_share": round(answers["from_cache"] / counted, 4) if counted else None,
        "queries_per_request": round(answers["queries"] / counted, 2) if counted else None,
        "bytes_per_request": mixed["bytes_per_request"],
    }


def targets(rows: list[dict]) -> list[dict]:
    """Every budget at every scale measured; ``at_budget_scale`` marks the ones the budget
    is set at (100×)."""
    checks = []
    for row in rows:
        where = {
            "engine": row["engine"],
            "scale": f"{row['scale']}×",
            "at_budget_scale": row["scale"] == BUDGET_SCALE,
        }
        least = THROUGHPUT_TARGETS[row["engine"]]
        checks += [
            {
                "target": f"throughput ≥ {least:.0%} of the baseline's",
                "measured": percent(row["ratio"]),
                "met": row["ratio"] >= least,
                **where,
            },
            {
                "target": f"p99 latency ≤ {P99_TARGET_MS:.0f} ms",
                "measured": f"{row['p99_ms']:.1f} ms",
                "met": row["p99_ms"] <= P99_TARGET_MS,
                **where,
            },
            {
                "target": f"served from the cache ≥ {CACHE_SHARE_TARGET:.0%}",
                "measured": "–" if row["cache_share"] is None else f"{row['cache_share']:.1%}",
                "met": None
                if row["cache_share"] is None
                else row["cache_share"] >= CACHE_SHARE_TARGET,
                **where,
            },
        ]
    return checks


def writes_line(writes: dict | None) -> str:
    if writes is None:
        return "none (no curator)"
    return (
        f"{writes['writes']} writes in {writes['seconds']:.0f} s "
        f"({writes['writes'] / max(writes['seconds'], 1e-9):.2f}/s) over "
        f"{writes['records']:,} records, {writes['failed']} failed, "
        f"{writes['committed']} of {writes['distinct']} records found edited afterwards; "
        f"a write took {writes['write_ms_p50']:.0f} ms at the median"
    )


def markdown(report: dict) -> str:
    settings = report["settings"]
    lines = [
        f"# Mixed load: Zipf reads over every public page while a curator writes — "
        f"{report['date']}",
        "",
        f"Machine: {report['machine']}. Code: {report.get('revision', 'unknown')}. "
        "Throughput is a ratio to the bare baseline (`/bench/baseline/`, a constant "
        f"{settings['baseline_bytes']:,}-byte page through the same middleware) measured on "
        "the same server just before and just after the mixed load, by the same wrk script.",
        "",
        f"- Server: {settings['server']}",
        f"- Readers: {settings['load']}",
        f"- Curator: {settings['curator']}",
        f"- Cache: {settings['cache']}",
        f"- Measured: {settings['measured']}",
        "",
        f"## Budgets (docs/DESIGN.md §8, set at {BUDGET_SCALE}×)",
        "",
        "| budget | database | scale | measured | |",
        "|---|---|---|---|---|",
    ]
    for check in report["targets"]:
        scale = check["scale"] if check["at_budget_scale"] else f"{check['scale']} (curve)"
        lines.append(
            f"| {check['target']} | {ENGINE_NAMES[check['engine']]} | {scale} "
            f"| {check['measured']} | {verdict(check['met'])} |"
        )
    lines += [
        "",
        "## Measures",
        "",
        "| database | scale | addresses | baseline req/s | mixed req/s | ratio | p50 ms "
        "| p99 ms | from cache | queries/request | writes |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in report["rows"]:
        share = "–" if row["cache_share"] is None else f"{row['cache_share']:.1%}"
        lines.append(
            f"| {ENGINE_NAMES[row['engine']]} | {row['scale']}× | {row['paths']:,} "
            f"| {row['baseline_requests_per_s']:,.0f} | {row['requests_per_s']:,.1f} "
            f"| {percent(row['ratio'])} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {share} | {row['queries_per_request']} | {writes_line(row['writes'])} |"
        )
    if report.get("data"):
        lines += ["", "## Data at each scale (published records)", ""]
        lines += data_table(report["data"])
    return "\n".join(lines) + "\n"


def chart(report: dict, path: Path) -> None:
    """Against the data scale, one line per database: the throughput ratio, p50 and p99
    latency, the share served from the cache, queries per request; the budgets dashed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    engines = list(dict.fromkeys(row["engine"] for row in report["rows"]))
    scales = sorted({row["scale"] for row in report["rows"]})
    panels = [
        ("ratio", "throughput / baseline's", lambda engine: THROUGHPUT_TARGETS[engine]),
        ("p50_ms", "p50 latency (ms)", None),
        ("p99_ms", "p99 latency (ms)", lambda engine: P99_TARGET_MS),
        ("cache_share", "share served from the cache", lambda engine: CACHE_SHARE_TARGET),
        ("queries_per_request", "SQL queries per request", None),
    ]
    figure, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 4.4), squeeze=False)
    for ax, (measure, title, target) in zip(axes[0], panels, strict=True):
        for engine in engines:
            points = sorted(
                (row for row in report["rows"] if row["engine"] == engine),
                key=lambda row: row["scale"],
            )
            line = ax.plot(
                [row["scale"] for row in points],
                [row[measure] for row in points],
                marker="o",
                label=ENGINE_NAMES[engine],
            )[0]
            if target is not None:
                ax.axhline(target(engine), color=line.get_color(), linestyle="--", alpha=0.6)
        ax.set_xscale("log")
        ax.set_xticks(scales, [f"{scale}×" for scale in scales])
        ax.minorticks_off()
        ax.set_xlabel("data (× the seed corpus)")
        ax.set_title(title)
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
    axes[0][0].legend(fontsize="small")
    figure.suptitle(
        f"Liaison, mixed load (Zipf reads, a curator writing) — {report['date']}; "
        "dashed: the budgets"
    )
    figure.tight_layout(rect=(0, 0, 1, 0.93))
    figure.savefig(path, dpi=90)
    plt.close(figure)


def write(report: dict, directory: Path, stem: str) -> list[Path]:
    return pages_report.write(report, directory, stem, markdown, chart)
