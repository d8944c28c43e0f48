"""`make bench`: how fast Tianbao is on generated reports of 30, 300 and 1,500 pages, as ratios to
baselines measured in the same run (python-docx's own load and save, a bare PySide6 window).

    python -m tests.bench [--quick] [--sizes 30,300,1500] [--runs 5] [--window-runs N] [--before REF]

``--before REF`` runs the window and cold-start probes also on the app as it was at git REF (a
worktree under build/bench/), interleaved with ours, and gives its ratios to the same baselines in a
column of its own: two separate runs differ by their baselines as much as by their code.

Prints one table and writes the same figures as JSON to build/bench/ (results-<time>.json and
latest.json), plus cProfile listings of the engine's open and save at the largest size.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from tests.bench.baselines import docx_texts
from tests.bench.generator import BENCH_DIR, DEFAULT_SEED, ROOT, generate
from tests.bench.stats import median, percentile

SUBPROCESS_TIMEOUT = 600
LARGEST_WINDOW_RUN_S = 20  # above this, window runs at that size are cut to three


@dataclass
class Row:
    measure: str
    pages: int | None
    value: float | None
    unit: str
    baseline: float | None = None
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None
    note: str = ""
    before: float | None = None  # with --before: the earlier app's ratio (its value, in rows without one)


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rows: list[Row] = []
        self.raw: dict = {}
        self.env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.before: Path | None = None  # the earlier app's tree (--before)

    # -- helpers -------------------------------------------------------------------------------
    def add(self, row: Row) -> None:
        self.rows.append(row)
        print("  " + _format_row(row), flush=True)

    def ratio_row(self, measure: str, pages: int | None, value: float | None, baseline: float | None,
                  limit: float, unit: str = "s", note: str = "", before: float | None = None) -> None:
        ratio = value / baseline if value is not None and baseline else None
        self.add(Row(measure, pages, value, unit, baseline, ratio, f"≤ {limit:g}x",
                     None if ratio is None else ratio <= limit, note,
                     before / baseline if before is not None and baseline else None))

    def timed(self, fn: Callable[[], object]) -> float:
        gc.collect()
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    def pair(self, ours: Callable[[], object], base: Callable[[], object]) -> tuple[list[float], list[float]]:
        """Alternate the two so that drift on the machine touches both alike."""
        a, b = [], []
        for _ in range(self.args.runs):
            b.append(self.timed(base))
            a.append(self.timed(ours))
        return a, b

    def probe(self, *argv: str, tree: Path | None = None) -> dict:
        """A probe on our app, or (``tree``) on the app of another checkout: this bench's probes
        run as a script there, so both are measured alike."""
        cmd = [sys.executable, "-m", "tests.bench.probes", *argv]
        env, cwd = self.env, ROOT
        if tree is not None:
            cmd = [sys.executable, str(ROOT / "tests" / "bench" / "probes.py"), *argv]
            env, cwd = dict(self.env, PYTHONPATH=str(tree)), tree
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT, env=env,
                                  cwd=cwd)
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {SUBPROCESS_TIMEOUT} s"}
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return {"error": f"exit {done.returncode}: {tail}"}
        return json.loads(lines[-1])

    def wall(self, cmd: list[str]) -> float:
        gc.collect()
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.env, cwd=ROOT,
                       timeout=SUBPROCESS_TIMEOUT)
        return time.perf_counter() - start

    # -- measurements --------------------------------------------------------------------------
    def engine(self, pages: int, report) -> None:  # noqa: ANN001
        from app.core.scan import scan
        from app.io.load import load

        big = pages >= 1500
        for kind, path in (("txt", report.txt), ("docx", report.docx)):
            document = load(path)
            chars = sum(len(t) for t in document.texts)
            scan(document)  # once untimed: the rules compile on first use
            times, cpu = [], []
            for _ in range(self.args.runs):
                gc.collect()
                cpu_start, wall_start = time.process_time(), time.perf_counter()
                scan(document)
                times.append(time.perf_counter() - wall_start)
                cpu.append(time.process_time() - cpu_start)
            per_million = median(times) / chars * 1_000_000
            # CPU time beside the wall time: on a busy machine the wall time includes waiting.
            self.add(Row(f"engine scan (.{kind} read, in memory)", pages, median(times), "s",
                         target="< 1 s per 1M chars" if big else "", ok=(per_million < 1.0) if big else None,
                         note=f"{chars:,} chars, {per_million:.2f} s/1M; CPU {median(cpu) * 1000:,.0f} ms"))
            self.raw.setdefault(f"engine_scan_{kind}_s", {})[pages] = {"wall": times, "cpu": cpu}

    def open_engine(self, pages: int, report) -> None:  # noqa: ANN001
        from app.core.scan import scan
        from app.io.load import load

        path = str(report.docx)
        ours, base = self.pair(lambda: scan(load(path)), lambda: docx_texts(path))
        self.ratio_row("open .docx: load+scan vs python-docx load+read", pages, median(ours), median(base), 2)
        self.raw.setdefault("open_engine_s", {})[pages] = {"ours": ours, "python_docx": base}

    def save(self, pages: int, report) -> None:  # noqa: ANN001
        try:
            from app.io.save import save_document
        except Exception as exc:  # noqa: BLE001 - another helper's module may not exist yet
            self.add(Row("save .docx vs python-docx save", pages, None, "s", note=f"not available: {exc}"))
            return
        import docx

        from app.core.scan import scan
        from app.io.load import load

        document = load(report.docx)
        theirs = docx.Document(str(report.docx))
        with tempfile.TemporaryDirectory(dir=BENCH_DIR) as tmp:
            ours_path, base_path = Path(tmp) / "ours.docx", Path(tmp) / "theirs.docx"
            ours, base = self.pair(lambda: save_document(document, ours_path), lambda: theirs.save(str(base_path)))
            self.ratio_row("save .docx, unchanged, vs python-docx save", pages, median(ours), median(base), 2)
            self.raw.setdefault("save_s", {})[pages] = {"ours": ours, "python_docx": base}

            # The usual save: after a figure was filled in, so the main part is written anew. A
            # fresh copy each run (untimed), so every save has exactly one changed paragraph.
            filled: list[float] = []
            base = []
            for _ in range(self.args.runs):
                fresh = load(report.docx)
                first = scan(fresh).placeholders[0]
                fresh.blocks[first.block].replace_text(first.start, first.end, "12")
                base.append(self.timed(lambda: theirs.save(str(base_path))))
                filled.append(self.timed(lambda: save_document(fresh, ours_path)))
            self.ratio_row("save .docx after one fill vs python-docx save", pages, median(filled), median(base), 2)
            self.raw["save_s"][pages]["after_fill"] = filled
            self.raw["save_s"][pages]["python_docx_2"] = base

    def scan_cli(self, pages: int, report) -> None:  # noqa: ANN001
        path = str(report.docx)
        ours_cmd = [sys.executable, "-m", "app", "scan", path, "--json"]
        base_cmd = [sys.executable, "-m", "tests.bench.baselines", path]
        ours, base = [], []
        for _ in range(self.args.runs):
            base.append(self.wall(base_cmd))
            ours.append(self.wall(ours_cmd))
        self.ratio_row("`scan --json` vs python-docx load+read (processes)", pages, median(ours), median(base), 1.5)
        self.raw.setdefault("scan_cli_s", {})[pages] = {"ours": ours, "python_docx": base}

    def memory(self, pages: int, report) -> None:  # noqa: ANN001
        ours = self.probe("memory_engine", str(report.docx))
        base = self.probe("memory_docx", str(report.docx))
        if "error" in ours or "error" in base:
            self.add(Row("peak memory: load+scan", pages, None, "MB", note=ours.get("error") or base.get("error")))
            return
        big = pages >= 1500
        self.add(Row("peak memory: load+scan (no window)", pages, ours["rss_mb"], "MB", base["rss_mb"],
                     ours["rss_mb"] / base["rss_mb"], "≤ 400 MB" if big else "",
                     (ours["rss_mb"] <= 400) if big else None, "baseline: python-docx load+read"))
        self.raw.setdefault("memory_mb", {})[pages] = {"engine": ours["rss_mb"], "python_docx": base["rss_mb"]}

    def cold_start(self) -> None:
        ours, base, floor, earlier, errors = [], [], [], [], []
        for _ in range(self.args.runs):
            probes = [("cold_bare", base, None), ("cold_floor", floor, None), ("cold_app", ours, None)]
            if self.before is not None:
                probes.append(("cold_app", earlier, self.before))
            for name, into, tree in probes:
                result = self.probe(name, repr(time.monotonic()), tree=tree)
                if "error" in result:
                    errors.append(result["error"])
                else:
                    into.append(result["seconds"])
        if not ours or not base:
            self.add(Row("cold start to first painted window", None, None, "s",
                         note=f"not available: {errors[-1] if errors else '?'}"))
            return
        self.ratio_row("cold start to first paint vs bare QMainWindow", None, median(ours), median(base), 1.5,
                       before=median(earlier) if earlier else None)
        if floor:
            # Context for the row above: a window with the same visible parts and none of the app's code.
            ratio = median(floor) / median(base)
            self.add(Row("cold start: plain PySide6 window with the app's visible parts (floor)", None,
                         median(floor), "s", median(base), ratio, note="no app code; baseline: bare QMainWindow"))
        self.raw["cold_start_s"] = {"ours": ours, "bare": base, "floor": floor, "before": earlier}

    def window(self, pages: int, report) -> None:  # noqa: ANN001
        runs = self.args.window_runs or self.args.runs
        base: list[float] = []
        base_keys: list[float] = []
        bare_firsts: list[list[float]] = []
        for _ in range(runs):
            result = self.probe("bare_open", str(report.docx), str(self.args.keys), str(self.args.interval_ms))
            if result.get("seconds") is not None:
                base.append(result["seconds"])
            base_keys.extend(result.get("keys", []))
            bare_firsts.append(result.get("first_keys", []))
        argv = ("window", str(report.docx), str(report.stats.placeholders), str(self.args.keys),
                str(self.args.interval_ms))
        results: list[dict] = []
        earlier: list[dict] = []
        for i in range(runs):
            started = time.perf_counter()
            result = self.probe(*argv)
            results.append(result)
            if "error" in result:
                break
            took = time.perf_counter() - started
            if self.before is not None:
                earlier.append(self.probe(*argv, tree=self.before))
            if i == 2 and took > LARGEST_WINDOW_RUN_S:
                self.raw.setdefault("notes", []).append(f"{pages} pages: window runs cut to 3 (one run took {took:.0f} s)")
                break
        self.raw.setdefault("window", {})[pages] = {"bare_open_s": base, "bare_keys_s": base_keys,
                                                    "bare_first_keys": bare_firsts, "runs": results,
                                                    "before_runs": earlier}
        good = [r for r in results if "error" not in r]
        if not good:
            error = results[0]["error"] if results else "no run"
            self.add(Row("window: open to outline+sidebar ready", pages, None, "s", note=f"not available: {error}"))
            return
        ours = _window_figures(good)
        then = _window_figures([r for r in earlier if "error" not in r]) if earlier else {}
        note = f"{len(good)} runs"
        mismatch = next((r["listed_mismatch"] for r in good if "listed_mismatch" in r), "")
        if mismatch:
            note += f"; {mismatch}"
        # Issue 4's floor: python-docx load+read plus a bare window showing that text.
        self.ratio_row("window: open to outline+sidebar ready vs python-docx + bare window", pages,
                       ours["open"], median(base) if base else None, 2, note=note, before=then.get("open"))
        # Issue 8's floor: python-docx load+read alone (measured above, in this process), for a
        # report opened in the window already running (File > Open): the window's own start is
        # the cold-start row's business.
        docx_only = self.raw.get("open_engine_s", {}).get(pages, {}).get("python_docx")
        self.ratio_row("window: open a report in the running window vs python-docx load+read", pages,
                       ours["reopen"], median(docx_only) if docx_only else None, 2,
                       note=f"{ours['reopens']} runs", before=then.get("reopen"))
        big = pages >= 1500
        for q in (50, 95, 99):
            value = ours[f"p{q}"]
            # For scale, not a target: a bare QTextEdit holding the same text, typed into alike.
            floor = percentile(base_keys, q) * 1000 if base_keys else None
            target = q == 99 and big
            earlier_ratio = then[f"p{q}"] / floor if floor and then.get(f"p{q}") is not None else None
            self.add(Row(f"window: keystroke p{q} (baseline: bare QTextEdit, same text)", pages, value, "ms",
                         floor, value / floor if floor else None, "≤ 16 ms" if target else "",
                         (value <= 16) if target else None, f"{ours['keys']} keys" if q == 99 else "", earlier_ratio))
        bare_first = [max(k) * 1000 for k in bare_firsts if k]
        floor = median(bare_first) if bare_first else None
        first = ours["first"]
        self.add(Row("window: slowest of 3 keystrokes typed right after opening (baseline: bare QTextEdit)", pages,
                     first, "ms", floor, first / floor if first is not None and floor else None,
                     note="the window still laying the report out",
                     before=then["first"] / floor if floor and then.get("first") is not None else None))
        for key, label in (("catch_up_placeholders", "sidebar catch-up after typing pauses"),
                           ("catch_up_outline", "outline catch-up after typing pauses"),
                           ("catch_up_paragraph", "sidebar catch-up after a new paragraph (Enter)")):
            value, missing = ours[key], ours[key + "_missing"]
            self.add(Row(f"window: {label}", pages, value, "ms", target="≤ 300 ms",
                         ok=None if value is None or missing else value <= 300,
                         note=f"{missing} runs never caught up" if missing else "", before=then.get(key)))
        fill_note = next((r["fill_error"] for r in good if "fill_error" in r), "")
        if ours["fill"] is not None and not all(r.get("fill_in_text") for r in good if "fill_s" in r):
            fill_note = "value not found in the editor text afterwards"
        self.add(Row("window: fill from sidebar (Enter to list updated)", pages, ours["fill"], "ms", note=fill_note,
                     before=then.get("fill")))
        self.add(Row("peak memory: window", pages, ours["rss"], "MB", target="≤ 400 MB" if big else "",
                     ok=(ours["rss"] <= 400) if big else None, before=then.get("rss")))

    def profile(self, pages: int, report) -> None:  # noqa: ANN001
        """cProfile listings of the engine's open (and save) at the largest size, for the owners."""
        from app.core.scan import scan
        from app.io.load import load

        jobs: list[tuple[str, Callable[[], object]]] = [("open", lambda: scan(load(report.docx)))]
        try:
            from app.io.save import save_document

            document = load(report.docx)
            first = scan(document).placeholders[0]
            document.blocks[first.block].replace_text(first.start, first.end, "12")
            out = BENCH_DIR / "profile-save.docx"
            jobs.append(("save-after-fill", lambda: save_document(document, out)))
        except Exception:  # noqa: BLE001 - save not written yet: profile open only
            pass
        self.raw["profiles"] = {}
        for name, job in jobs:
            profiler = cProfile.Profile()
            profiler.runcall(job)
            buffer = io.StringIO()
            pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(25)
            path = BENCH_DIR / f"profile-{name}-{pages}p.txt"
            path.write_text(buffer.getvalue(), "utf-8")
            self.raw["profiles"][name] = str(path.relative_to(ROOT))


def _window_figures(runs: list[dict]) -> dict:
    """The medians of window probe runs (ms for times; MB for memory; None where none ran)."""
    def ms(values: list[float]) -> float | None:
        return median(values) * 1000 if values else None

    keys = [k for r in runs for k in r.get("keys", [])]
    figures = {
        "open": median([r["open_s"] for r in runs]) if runs else None,
        "reopen": median(reopened) if (reopened := [r["reopen_s"] for r in runs if r.get("reopen_s") is not None])
        else None,
        "reopens": len(reopened),
        "keys": len(keys),
        "first": ms([max(r["first_keys"]) for r in runs if r.get("first_keys")]),
        "fill": ms([r["fill_s"] for r in runs if "fill_s" in r]),
        "rss": max((r["rss_mb"] for r in runs), default=None),
    }
    for q in (50, 95, 99):
        figures[f"p{q}"] = percentile(keys, q) * 1000 if keys else None
    for key in ("catch_up_placeholders", "catch_up_outline", "catch_up_paragraph"):
        values = [r[key + "_s"] for r in runs if r.get(key + "_s") is not None]
        figures[key] = ms(values)
        figures[key + "_missing"] = sum(1 for r in runs if r.get(key + "_s") is None)
    return figures


def _format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"
    return f"{value:,.1f} {unit}"


def _before_text(row: Row) -> str:
    """The earlier app's figure (--before): its ratio to the same baseline, else its value."""
    if row.before is None:
        return ""
    if row.baseline is not None:
        return f"{row.before:.2f}x"
    return _format_value(row.before, row.unit)


def _format_row(row: Row) -> str:
    verdict = {True: "pass", False: "MISS", None: ""}[row.ok]
    pages = f"{row.pages}p" if row.pages else "—"
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
    return (f"{row.measure:<66} {pages:>6} {_format_value(row.value, row.unit):>11} "
            f"{_format_value(row.baseline, row.unit):>11} {ratio:>7} {_before_text(row):>10} {row.target:>20} "
            f"{verdict:>5}  {row.note}")


def _print_changes(previous_path: Path, rows: list[Row], threshold: float = 0.2) -> None:
    """Rows whose figure moved by more than ``threshold`` since the previous run's JSON."""
    try:
        previous = json.loads(previous_path.read_text("utf-8"))
    except (OSError, ValueError):
        return
    before = {(r["measure"], r["pages"]): r["value"] for r in previous.get("rows", [])}
    lines = []
    for row in rows:
        old = before.get((row.measure, row.pages))
        if old and row.value is not None and abs(row.value - old) / old > threshold:
            pages = f"{row.pages}p" if row.pages else "—"
            lines.append(f"  {row.measure} ({pages}): {_format_value(old, row.unit)} -> "
                         f"{_format_value(row.value, row.unit)} ({(row.value - old) / old:+.0%})")
    if lines:
        print(f"\nChanged by more than {threshold:.0%} since the previous run ({previous.get('when', '?')},"
              f" commit {previous.get('machine', {}).get('commit', '?')}):")
        print("\n".join(lines))


def markdown(rows: list[Row]) -> str:
    """The table as Markdown, for the README's performance section."""
    before = any(row.before is not None for row in rows)
    lines = ["| measure | size | value | baseline | ratio |" + (" before |" if before else "") + " target | |",
             "|---|---|---|---|---|" + ("---|" if before else "") + "---|---|"]
    for row in rows:
        verdict = {True: "pass", False: "**miss**", None: ""}[row.ok]
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        pages = f"{row.pages:,}" if row.pages else "—"
        lines.append(f"| {row.measure} | {pages} | {_format_value(row.value, row.unit)} | "
                     f"{_format_value(row.baseline, row.unit) if row.baseline is not None else ''} | {ratio} | "
                     + (f"{_before_text(row)} | " if before else "") + f"{row.target} | {verdict} |")
    return "\n".join(lines) + "\n"


def stale_bytecode() -> list[str]:
    """Modules of app/ without current bytecode: each process starting them compiles them again,
    which an installed app (pip, the packages) never does. `make bench` compiles app/ first;
    with PYTHONDONTWRITEBYTECODE=1 nothing else would."""
    import importlib.util

    stale = []
    for source in sorted((ROOT / "app").rglob("*.py")):
        cached = Path(importlib.util.cache_from_source(str(source)))
        try:
            header = cached.read_bytes()[:16]
        except OSError:
            stale.append(str(source.relative_to(ROOT)))
            continue
        # A timestamp .pyc records the source's mtime and size (bytes 8-16, PEP 552).
        stat = source.stat()
        if header[:4] != importlib.util.MAGIC_NUMBER or int.from_bytes(header[4:8], "little") & 1 == 0 and (
                int.from_bytes(header[8:12], "little") != int(stat.st_mtime) & 0xFFFFFFFF
                or int.from_bytes(header[12:16], "little") != stat.st_size & 0xFFFFFFFF):
            stale.append(str(source.relative_to(ROOT)))
    return stale


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram_gb = None
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram_gb = round(kb / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    versions = {}
    for name in ("PySide6", "docx", "lxml"):
        try:
            versions[name] = __import__(name).__version__
        except Exception:  # noqa: BLE001
            versions[name] = "?"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    stale = stale_bytecode()
    return {"cpus": os.cpu_count(), "cpu": cpu, "ram_gb": ram_gb, "python": platform.python_version(),
            "app_bytecode": "compiled" if not stale else f"{len(stale)} modules not compiled",
            "system": platform.platform(), "qpa": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "commit": commit.stdout.strip(), "load_average_at_start": os.getloadavg(), **versions}


# Qt's offscreen screen is 800 x 800 unless told otherwise: a window restored there squeezes its
# page (and a 1,500-page report wrapped to a sliver is five times as tall). The windows are
# measured on a common office monitor instead.
SCREEN = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
          "logicalBaseDpi": 96, "dpr": 1}


def office_screen() -> Path:
    path = BENCH_DIR / "screen.json"
    path.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    return path


def before_tree(ref: str) -> Path:
    """A checkout of ``ref`` under build/bench/ (a git worktree, made once), its app compiled."""
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{ref}^{{commit}}"], capture_output=True, text=True,
                         cwd=ROOT)
    if sha.returncode != 0:
        raise SystemExit(f"bench: --before {ref}: no such commit")
    tree = BENCH_DIR / f"before-{sha.stdout.strip()[:12]}"
    if not (tree / "app").is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", "--force", str(tree), sha.stdout.strip()], cwd=ROOT,
                       check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app"], cwd=tree, check=True)
    # Its window in Chinese, as ours: the translations are built, not kept in git.
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in (tree / "resources" / "i18n").glob("*.ts"):
        if not ts.with_suffix(".qm").exists() and lrelease.exists():
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 pages only, three runs: a smoke run")
    parser.add_argument("--sizes", default="30,300,1500", help="report sizes in pages, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (medians); default 5")
    parser.add_argument("--window-runs", type=int, default=0, help="window runs per size (default: --runs)")
    parser.add_argument("--keys", type=int, default=60, help="keystrokes per window run")
    parser.add_argument("--interval-ms", type=float, default=120, help="time between keystrokes (a fast typist)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-window", action="store_true", help="skip everything that opens a window")
    parser.add_argument("--before", default="", help="git commit whose app the window probes also run, interleaved")
    args = parser.parse_args(argv)
    sizes = [30] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.quick:
        args.runs = min(args.runs, 3)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={office_screen()}"
    # Backups, settings and recent files of the runs go to a scratch home, not the user's.
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(BENCH_DIR / "home" / name.split("_")[1].lower())
    # The window runs end without closing (os._exit after typing), so an autosaved copy can stay
    # behind: the next start would offer it and wait for an answer. The scratch home's copies go,
    # and a prompt that comes anyway is answered "later" rather than waited on.
    shutil.rmtree(BENCH_DIR / "home" / "data" / "Tianbao" / "recovery", ignore_errors=True)
    # A window layout saved by an earlier bench (another screen, another version) is not restored.
    shutil.rmtree(BENCH_DIR / "home" / "config", ignore_errors=True)
    os.environ["TIANBAO_RECOVERY_ANSWER"] = "later"

    info = machine()
    print(f"Tianbao bench · {info['cpus']} CPUs · {info['cpu']} · {info['ram_gb']} GB RAM · Python {info['python']}"
          f" · PySide6 {info['PySide6']} · python-docx {info['docx']} · commit {info['commit']}"
          f" · load average {info['load_average_at_start'][0]:.1f}", flush=True)
    bench = Bench(args)
    if args.before:
        bench.before = before_tree(args.before)
        print(f"before: the app at {args.before} ({bench.before.relative_to(ROOT)}), interleaved with ours", flush=True)
    reports = {}
    for pages in sizes:
        started = time.perf_counter()
        reports[pages] = generate(pages, args.seed)
        s = reports[pages].stats
        print(f"report {pages}p: {s.chars:,} chars, {s.blocks:,} blocks, {s.placeholders:,} placeholders, "
              f"{sum(s.headings.values()):,} headings, {s.tables} tables ({time.perf_counter() - started:.1f} s)",
              flush=True)
    print(f"\n  {'measure':<66} {'size':>6} {'value':>11} {'baseline':>11} {'ratio':>7} {'before':>10} {'target':>20}"
          f" {'':>5}")
    if not args.no_window:
        bench.cold_start()
    for pages in sizes:
        report = reports[pages]
        bench.engine(pages, report)
        bench.open_engine(pages, report)
        bench.scan_cli(pages, report)
        bench.save(pages, report)
        bench.memory(pages, report)
        if not args.no_window:
            bench.window(pages, report)
    bench.profile(max(sizes), reports[max(sizes)])

    table = "\n".join(_format_row(r) for r in bench.rows)
    misses = [r for r in bench.rows if r.ok is False]
    stamp = time.strftime("%Y%m%d-%H%M%S")
    info["load_average_at_end"] = os.getloadavg()
    result = {"when": stamp, "machine": info, "args": vars(args),
              "reports": {p: asdict(r.stats) for p, r in reports.items()},
              "rows": [asdict(r) for r in bench.rows], "raw": bench.raw}
    _print_changes(BENCH_DIR / "latest.json", bench.rows)
    for name in (f"results-{stamp}.json", "latest.json"):
        (BENCH_DIR / name).write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    (BENCH_DIR / "latest.txt").write_text(table + "\n", "utf-8")
    (BENCH_DIR / "latest.md").write_text(markdown(bench.rows), "utf-8")
    print(f"load average at the end {info['load_average_at_end'][0]:.1f} (other work on the machine skews"
          " absolute times; the ratios compare runs interleaved in the same minutes)")
    print(f"\n{len(misses)} of {sum(r.ok is not None for r in bench.rows)} targets missed."
          f" JSON: {(BENCH_DIR / 'latest.json').relative_to(ROOT)}")
    if info["app_bytecode"] == "compiled":
        print("note: app/ was measured with its bytecode compiled, as installed (pip and the packages compile it;"
              " `make bench` runs compileall first)")
    else:
        print(f"note: app/ measured WITHOUT current bytecode ({info['app_bytecode']}): every process compiled"
              " them again, which an installed app never does; start-up figures are too high (use `make bench`)")
    for note in bench.raw.get("notes", []):
        print("note:", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
