"""Long fuzz run outside CI: mutate corpus documents many times and check each opens (and
scans) or is refused with a DocumentError, within a per-case time limit.

    .venv/bin/python tests/fuzz/run.py --cases 20000 [--seed 1] [--workers 2] [--out fuzz-failures] [--save]

With --save, every document that opens is also written back as .docx (the writer the window's
save uses) and read again: that copy must open, not merely be refused.

Inputs that raise anything else, or hang past --timeout seconds, are saved to --out with the
traceback, so they can become regression tests. Exit status 1 when any case failed.
"""
from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _fuzz_module():  # noqa: ANN202 - the mutations live in tests/io/test_fuzz.py, shared with CI
    spec = importlib.util.spec_from_file_location("tianbao_test_fuzz", ROOT / "tests" / "test_fuzz.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


class Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ANN001, ANN202
    raise Hang()


def _save_and_reopen(path: Path, target: Path) -> str:
    from app.io.load import load
    from app.io.save import document_bytes

    target.write_bytes(document_bytes(load(path), target))
    load(target)  # a DocumentError here is a failure: our own writer made a file we refuse
    target.unlink()
    return "opened"


def worker(args: tuple[int, int, int, float, str, bool]) -> tuple[Counter, list[str], float, int]:
    first, count, base_seed, timeout, out, save = args
    fuzz = _fuzz_module()
    seeds = fuzz.seeds()
    blobs = [p.read_bytes() for p in seeds]
    signal.signal(signal.SIGALRM, _alarm)
    results: Counter = Counter()
    failures: list[str] = []
    slowest = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for case in range(first, first + count):
            rng = random.Random(base_seed * 1_000_003 + case)
            index = rng.randrange(len(seeds))
            data = fuzz.mutate(blobs[index], rng)
            suffix = rng.choice((".docx", ".docx", ".docx", ".txt", ".doc"))
            path = Path(folder) / f"case{case}{suffix}"
            path.write_bytes(data)
            started = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                outcome = fuzz.open_or_refuse(path)
                if outcome == "opened" and save:
                    outcome = _save_and_reopen(path, Path(folder) / f"saved{case}.docx")
                results[outcome] += 1
            except Hang:
                results["hang"] += 1
                failures.append(_save(out, case, suffix, data, seeds[index].name, f"hang > {timeout}s"))
            except Exception:  # noqa: BLE001 - this is what we are looking for
                results["crash"] += 1
                failures.append(_save(out, case, suffix, data, seeds[index].name, traceback.format_exc()))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            slowest = max(slowest, time.perf_counter() - started)
            path.unlink()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return results, failures, slowest, peak_mb


def _save(out: str, case: int, suffix: str, data: bytes, seed_name: str, why: str) -> str:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"case{case}{suffix}"
    target.write_bytes(data)
    target.with_name(target.name + ".txt").write_text(f"seed: {seed_name}\n{why}", encoding="utf-8")
    return f"{target}: {why.strip().splitlines()[-1]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(1, multiprocessing.cpu_count()))
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per case")
    parser.add_argument("--out", default="fuzz-failures")
    parser.add_argument("--save", action="store_true", help="also write each opened document back and reopen it")
    args = parser.parse_args()
    if not _fuzz_module().seeds():
        print("no corpus: expected ../shared/corpus/docx beside the clone", file=sys.stderr)
        return 2
    share = -(-args.cases // args.workers)
    jobs = [(i * share, min(share, args.cases - i * share), args.seed, args.timeout, args.out, args.save)
            for i in range(args.workers) if args.cases > i * share]
    started = time.time()
    with multiprocessing.Pool(len(jobs)) as pool:
        outcomes = pool.map(worker, jobs)
    total: Counter = Counter()
    failures: list[str] = []
    for results, failed, _, _ in outcomes:
        total.update(results)
        failures.extend(failed)
    slowest = max(o[2] for o in outcomes)
    peak = max(o[3] for o in outcomes)
    passed = total["opened"] + total["refused"]
    print(f"cases {sum(total.values())}: passed {passed} (opened {total['opened']}, refused {total['refused']}), "
          f"crashes {total['crash']}, hangs {total['hang']}; slowest case {slowest:.2f} s; "
          f"peak RSS per worker {peak} MB; {time.time() - started:.0f} s in all")
    for line in failures[:50]:
        print("FAIL", line)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
