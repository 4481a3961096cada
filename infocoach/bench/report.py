"""The benchmark's figures side by side: infocoach, the reference bot, and their ratio.

A shared machine makes absolute figures noisy, but both bots are measured in
the same run, one load level after the other, so the ratio is the figure to
read. Everything here is pure: it turns the results dictionary written to
bench/results/latest.json into table rows, target checks and Markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LEVELS = (1, 10, 50)


@dataclass(frozen=True)
class Figure:
    """One row: what it measures, where it is in a bot's results, and how it is shown."""

    label: str
    path: tuple[str, ...]
    decimals: int


@dataclass(frozen=True)
class Row:
    label: str
    infocoach: float | None
    reference: float | None
    decimals: int

    @property
    def ratio(self) -> float | None:
        return ratio(self.infocoach, self.reference)


def ratio(infocoach: float | None, reference: float | None) -> float | None:
    """infocoach / reference, or None when either is missing or the reference is zero."""
    if infocoach is None or reference is None or reference == 0:
        return None
    return infocoach / reference


def figures() -> list[Figure]:
    rows = [
        Figure("training from scratch (s)", ("training", "seconds"), 1),
        Figure("peak memory while training (MiB)", ("training", "peak_mib"), 0),
        Figure("start until answering (s)", ("start_seconds",), 1),
        Figure("Rasa server memory after warm-up (MiB)", ("memory_mib", "rasa"), 0),
        Figure("action server memory after warm-up (MiB)", ("memory_mib", "actions"), 0),
        Figure("Rasa server memory after 50 users (MiB)", ("memory_after_load_mib", "rasa"), 0),
    ]
    for users in LEVELS:
        level = ("load", str(users))
        rows += [
            Figure(f"{users} user{'s' * (users > 1)}: p50 (ms)", (*level, "p50_ms"), 0),
            Figure(f"{users} user{'s' * (users > 1)}: p95 (ms)", (*level, "p95_ms"), 0),
            Figure(f"{users} user{'s' * (users > 1)}: p99 (ms)", (*level, "p99_ms"), 0),
            Figure(f"{users} user{'s' * (users > 1)}: turns/s", (*level, "turns_per_s"), 1),
            Figure(f"{users} user{'s' * (users > 1)}: errors / turns", (*level, "errors"), 0),
        ]
    return rows


def _lookup(results: dict, path: tuple[str, ...]) -> float | None:
    value: object = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, (int, float)) else None


def rows(results: dict) -> list[Row]:
    """Every figure for both bots; a figure only one bot has keeps None for the other."""
    bots = results["bots"]
    return [
        Row(f.label, _lookup(bots["infocoach"], f.path), _lookup(bots["reference"], f.path),
            f.decimals)
        for f in figures()
    ]


def _cell(value: float | None, decimals: int) -> str:
    return "—" if value is None else f"{value:,.{decimals}f}"


def _errors_cell(results: dict, bot: str, users: int) -> str:
    level = results["bots"][bot].get("load", {}).get(str(users))
    if not level:
        return "—"
    return f"{level['errors']} / {level['turns'] + level['errors']}"


def ratio_table(results: dict) -> list[tuple[str, str, str, str]]:
    """(figure, infocoach, reference, ratio) as they are shown."""
    table = []
    for row in rows(results):
        if row.label.endswith("errors / turns"):
            users = int(row.label.split()[0])
            cells = (_errors_cell(results, "infocoach", users),
                     _errors_cell(results, "reference", users))
        else:
            cells = (_cell(row.infocoach, row.decimals), _cell(row.reference, row.decimals))
        shown_ratio = "—" if row.ratio is None else f"{row.ratio:.2f}x"
        table.append((row.label, *cells, shown_ratio))
    return table


@dataclass(frozen=True)
class Target:
    text: str
    check: Callable[[dict], float | None]
    limit: float


def _bot(results: dict, bot: str, *path: str) -> float | None:
    return _lookup(results["bots"][bot], path)


TARGETS = (
    Target("p95 at 10 users <= 1.5x the reference", lambda r: ratio(
        _bot(r, "infocoach", "load", "10", "p95_ms"), _bot(r, "reference", "load", "10", "p95_ms"),
    ), 1.5),
    Target("p50 at 1 user <= 120 ms", lambda r: _bot(r, "infocoach", "load", "1", "p50_ms"), 120),
    Target("no errors at 50 users", lambda r: _bot(r, "infocoach", "load", "50", "errors"), 0),
    Target("both servers answering <= 20 s after start",
           lambda r: _bot(r, "infocoach", "start_seconds"), 20),
    Target("Rasa server memory <= the reference's", lambda r: ratio(
        _bot(r, "infocoach", "memory_mib", "rasa"), _bot(r, "reference", "memory_mib", "rasa"),
    ), 1.0),
    Target("training from scratch <= 3 minutes",
           lambda r: _bot(r, "infocoach", "training", "seconds"), 180),
)


def target_checks(results: dict) -> list[tuple[str, float | None, bool | None]]:
    """(target, measured value, met?) with None where the figure is missing."""
    checks = []
    for target in TARGETS:
        value = target.check(results)
        checks.append((target.text, value, None if value is None else value <= target.limit))
    return checks


def _markdown_table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return lines


SPOTTER_HEADER = ("figure", "combined", "rules only", "model only", "keyword baseline")
SPOTTER_VARIANTS = ("combined", "rules", "model", "baseline")


def _spotter_rows(figures: dict) -> list[tuple[str, ...]]:
    """Quality rows of one split's ablation, a column per variant."""
    return [
        ("micro-F1", *(f"{figures[v]['micro_f1']:.3f}" for v in SPOTTER_VARIANTS)),
        ("exact match", *(f"{figures[v]['exact_match']:.3f}" for v in SPOTTER_VARIANTS)),
        ("no-signal reports flagged",
         *(f"{figures[v]['no_signal_flagged']} of {figures[v]['no_signal_reports']}"
           for v in SPOTTER_VARIANTS)),
    ]


def render_markdown(results: dict) -> str:
    """The whole report: where it ran, the ratio table, the targets and the spotter."""
    machine = results["machine"]
    lines = [
        f"Measured {results['finished_at']} on {machine['cpu']} ({machine['cores']} cores, "
        f"{machine['memory_gib']} GiB), load average {machine['load_before']} before and "
        f"{machine['load_after']} after; Python {machine['python']}, Rasa {machine['rasa']}, "
        f"commit {results['commit']}.",
        f"Reference: the `rasa init` starter bot. Load: {results['client']}",
        "",
        *_markdown_table(
            ("figure", "infocoach", "reference", "infocoach / reference"), ratio_table(results)
        ),
        "",
        *_markdown_table(
            ("target", "measured", "met"),
            [(text, "—" if value is None else f"{value:,.2f}",
              "—" if met is None else ("yes" if met else "no"))
             for text, value, met in target_checks(results)],
        ),
    ]
    spotter = results.get("signals")
    if spotter:
        speed = spotter["throughput_reports_per_s"]
        lines += [
            "",
            f"Signal spotter on the {spotter['split']} split ({spotter['reports']} reports): "
            "rules and learned layer combined, each alone, and the keyword baseline "
            "(the reference bot has no spotter):",
            "",
            *_markdown_table(SPOTTER_HEADER, [
                *_spotter_rows(spotter),
                ("reports/s (one process, best round)", f"{speed['wall']:,.0f}", "—", "—", "—"),
            ]),
        ]
        # The blind splits ride along under their names (bench.signals.run_split).
        for blind in (v for v in spotter.values() if isinstance(v, dict) and "split" in v):
            lines += ["", f"The same on the {blind['split']} split ({blind['reports']} "
                      "reports, written blind to the cues and data, never tuned on):", "",
                      *_markdown_table(SPOTTER_HEADER, _spotter_rows(blind))]
    return "\n".join(lines) + "\n"
