"""Ratios to the baseline, the budgets met or not, and the results written as JSON, a
Markdown table and a PNG chart (bench/results/<date>-pages.*)."""

import json
from collections import defaultdict
from pathlib import Path

from bench.pages.endpoints import BY_KEY, UNCACHED

ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def baseline_key(row: dict) -> tuple:
    return (row["engine"], row["scale"], row["run"])


def with_ratios(rows: list[dict]) -> list[dict]:
    """Each row's throughput as a fraction of the baseline measured in the same server run
    (same database, scale and page-cache setting; the mean when it was measured more than
    once), and whether its budget is met."""
    measures = defaultdict(list)
    for row in rows:
        if BY_KEY[row["endpoint"]].is_baseline:
            measures[baseline_key(row)].append(row["requests_per_s"])
    baselines = {key: sum(values) / len(values) for key, values in measures.items()}
    result = []
    for row in rows:
        baseline = baselines.get(baseline_key(row))
        ratio = round(row["requests_per_s"] / baseline, 3) if baseline else None
        target = BY_KEY[row["endpoint"]].target
        met = None if target is None or ratio is None else ratio >= target
        result.append({**row, "ratio": ratio, "target": target, "met": met})
    return result


def targets(rows: list[dict]) -> list[dict]:
    """Every budget checked: throughput ratios in each run, and queries per request the
    same at every scale (for each database and endpoint; not judged from one scale)."""
    checks = [
        {
            "target": f"{BY_KEY[row['endpoint']].label} ≥ {row['target']:.0%} of baseline",
            "engine": row["engine"],
            "scale": f"{row['scale']}×",
            "measured": percent(row["ratio"]),
            "met": row["met"],
        }
        for row in rows
        if row["target"] is not None
    ]
    queries = defaultdict(dict)
    for row in rows:
        if not BY_KEY[row["endpoint"]].is_baseline:
            queries[(row["engine"], row["endpoint"])][row["scale"]] = row["queries"]
    for (engine, key), by_scale in queries.items():
        endpoint = BY_KEY[key]
        scales = sorted(by_scale)
        counts = [by_scale[scale] for scale in scales]
        if endpoint.same_records_at_every_scale:
            target, met = "constant", len(set(counts)) == 1
        else:
            target, met = "never more than at the smallest scale", max(counts) <= counts[0]
        checks.append(
            {
                "target": f"{endpoint.label}: queries per request {target}",
                "engine": engine,
                "scale": f"{scales[0]}×–{scales[-1]}×" if len(scales) > 1 else f"{scales[0]}×",
                "measured": " → ".join(str(count) for count in counts),
                "met": met if len(scales) > 1 else None,
            }
        )
    return checks


def percent(ratio: float) -> str:
    """Whole percents, but a tenth of one below 10%: 0.4% is not 0%."""
    return f"{ratio:.1%}" if ratio < 0.1 else f"{ratio:.0%}"


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**not met**", None: "–"}[met]


def markdown(report: dict) -> str:
    settings = report["settings"]
    lines = [
        f"# Pages and API against a bare Django baseline — {report['date']}",
        "",
        f"Machine: {report['machine']}. Code: {report.get('revision', 'unknown')}. "
        "Each ratio is the endpoint's throughput divided by the baseline's "
        f"(`/bench/baseline/`, a constant {settings['baseline_bytes']:,}-byte HTML page "
        "through the same middleware, no template, no query) measured in the same server run.",
        "",
        f"- Server: {settings['server']}",
        f"- Load: {settings['load']}; loopback",
        f"- Runs: {settings['runs']}",
        f"- Cache: {settings['cache']}",
        "- Queries per request: the `X-Queries` header of one GET after the warm-up "
        "(`web.benchmark.QueryCountMiddleware`)",
        "",
        "## Budgets (docs/DESIGN.md §8)",
        "",
        "| budget | database | scale | measured | |",
        "|---|---|---|---|---|",
    ]
    for check in report["targets"]:
        lines.append(
            f"| {check['target']} | {ENGINE_NAMES[check['engine']]} | {check['scale']} "
            f"| {check['measured']} | {verdict(check['met'])} |"
        )
    lines += [
        "",
        "## Measures",
        "",
        "| database | scale | endpoint | req/s | p50 ms | p99 ms | ratio to baseline "
        "| queries/request | bytes | budget |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in report["rows"]:
        endpoint = BY_KEY[row["endpoint"]]
        label = endpoint.label if endpoint.run == UNCACHED else f"{endpoint.label} (cached run)"
        budget = "" if row["target"] is None else f"≥ {row['target']:.0%}: {verdict(row['met'])}"
        lines.append(
            f"| {ENGINE_NAMES[row['engine']]} | {row['scale']}× | {label} `{endpoint.path}` "
            f"| {row['requests_per_s']:,.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {percent(row['ratio'])} | {row['queries']} | {row['bytes']:,} | {budget} |"
        )
    if report.get("data"):
        lines += ["", "## Data at each scale (published records)", ""]
        lines += data_table(report["data"])
    return "\n".join(lines) + "\n"


def data_table(data: dict) -> list[str]:
    kinds = sorted(
        {kind for scales in data.values() for counts in scales.values() for kind in counts}
    )
    lines = ["| database | scale | " + " | ".join(kinds) + " |", "|---|---|" + "---:|" * len(kinds)]
    for engine, scales in data.items():
        for scale, counts in sorted(scales.items(), key=lambda item: int(item[0])):
            cells = " | ".join(f"{counts.get(kind, 0):,}" for kind in kinds)
            lines.append(f"| {ENGINE_NAMES[engine]} | {scale}× | {cells} |")
    return lines


def chart(report: dict, path: Path) -> None:
    """Throughput, its ratio to the baseline, p50 and p99 latency against the data scale: one
    column per database, one line per endpoint (the baselines dashed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    engines = list(dict.fromkeys(row["engine"] for row in report["rows"]))
    scales = sorted({row["scale"] for row in report["rows"]})
    measures = [
        ("requests_per_s", "requests/s"),
        ("ratio", "throughput / baseline's"),
        ("p50_ms", "p50 latency (ms)"),
        ("p99_ms", "p99 latency (ms)"),
    ]
    figure, axes = plt.subplots(
        len(measures), len(engines), figsize=(max(11, 6.5 * len(engines)), 15), squeeze=False
    )
    for column, engine in enumerate(engines):
        series = defaultdict(list)
        for row in report["rows"]:
            if row["engine"] == engine:
                series[row["endpoint"]].append(row)
        for line, (measure, title) in enumerate(measures):
            ax = axes[line][column]
            for key, points in series.items():
                points = sorted(points, key=lambda row: row["scale"])
                endpoint = BY_KEY[key]
                ax.plot(
                    [row["scale"] for row in points],
                    [row[measure] for row in points],
                    marker="o",
                    linestyle="--" if endpoint.is_baseline else "-",
                    label=endpoint.label + ("" if endpoint.run == UNCACHED else " (cached run)"),
                )
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xticks(scales, [f"{scale}×" for scale in scales])
            ax.minorticks_off()
            ax.set_xlabel("data (× the seed corpus)")
            ax.set_title(f"{ENGINE_NAMES[engine]}: {title}")
            ax.grid(True, alpha=0.3)
    handles, labels = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=3, fontsize="small")
    figure.suptitle(f"Liaison pages and API against a bare Django baseline — {report['date']}")
    figure.tight_layout(rect=(0, 0.06, 1, 0.98))
    figure.savefig(path, dpi=90)
    plt.close(figure)


def write(report: dict, directory: Path, stem: str, as_text=None, drawn=None) -> list[Path]:
    """``stem``.json, .md (``as_text``, by default ``markdown``) and .png (``drawn``, by
    default ``chart``) in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / f"{stem}.json", directory / f"{stem}.md", directory / f"{stem}.png"]
    paths[0].write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    paths[1].write_text((as_text or markdown)(report))
    (drawn or chart)(report, paths[2])
    return paths
