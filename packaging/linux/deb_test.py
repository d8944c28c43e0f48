"""Smoke-test dist/tianbao_<version>_amd64.deb on this machine (make deb-test; needs root).

dpkg -i; check the files, desktop entry and icons; run the installed launcher: the scan
command, --help against the source tree's, then the window offscreen with --screenshot, and
a real X11 window under Xvfb when xvfb-run is there; dpkg -P; check that every file the package
listed is gone. Run by a Python with python-docx and PySide6 (the project's .venv here, the
root's own interpreter inside the arm64 root). TIANBAO_DEB names another .deb: its Package field
says which layout (packaging/linux/layouts.py) to expect. TIANBAO_TIMEOUT_FACTOR stretches the
time limits under emulation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from layouts import DEBIAN, layout_of_package  # noqa: E402
from smoke import check_scan, check_screenshot, report, write_sample_docx  # noqa: E402

SLOW = float(os.environ.get("TIANBAO_TIMEOUT_FACTOR") or 1)


def sh(*command: str, **kwargs: object) -> subprocess.CompletedProcess:
    print("+", " ".join(command), flush=True)
    return subprocess.run(list(command), capture_output=True, check=False, stdin=subprocess.DEVNULL,
                          **kwargs)  # type: ignore[arg-type]


def main() -> int:
    if os.geteuid() != 0:
        raise SystemExit("deb-test installs a package: run it as root")
    with open(ROOT / "pyproject.toml", "rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    deb = Path(os.environ.get("TIANBAO_DEB") or ROOT / "dist" / f"{DEBIAN.package}_{version}_amd64.deb")
    if not deb.is_file():
        raise SystemExit(f"{deb} missing: run make deb first")
    package = sh("dpkg-deb", "-f", str(deb), "Package").stdout.decode().strip()
    layout = layout_of_package(package)
    if sh("dpkg", "-s", package).returncode == 0:
        raise SystemExit(f"{package} is already installed here; dpkg -P {package} first")

    passed: list[str] = []
    problems: list[str] = []
    details: list[str] = []

    def expect(ok: bool, what: str) -> bool:
        (passed if ok else problems).append(what)
        return ok

    fields = sh("dpkg-deb", "-f", str(deb), "Depends", "Installed-Size").stdout.decode()
    expect("libc6 (>=" in fields and "Installed-Size:" in fields, "control: Depends on libc6 (>= …), Installed-Size")
    print(fields.strip())

    # Whatever happens in between, the package goes again, so a failed run leaves nothing behind.
    try:
        result = sh("dpkg", "-i", str(deb))
        if not expect(result.returncode == 0, "dpkg -i"):
            details.append(result.stderr.decode(errors="replace")[-1500:])
        listed = [Path(line) for line in sh("dpkg", "-L", package).stdout.decode().splitlines() if line.strip()]
        translations = [layout.app_dir / f"_internal/resources/i18n/{ts.stem}.qm"
                        for ts in (ROOT / "resources" / "i18n").glob("*.ts")]
        for path in (layout.app_dir / "tianbao", layout.launcher, layout.desktop, layout.icon("48x48"),
                     layout.icon("scalable"), *translations):
            expect(Path(path).exists(), f"installed {path}")
        desktop = Path(layout.desktop)
        if desktop.is_file():
            text = desktop.read_text(encoding="utf-8")
            expect("Name[zh_CN]=填报" in text and "Categories=Office;" in text
                   and "wordprocessingml.document" in text and "text/plain" in text
                   and f"Exec={'tianbao' if layout is DEBIAN else layout.launcher} %f" in text
                   and f"Icon={layout.icon_name}" in text,
                   "desktop entry: 填报, Office, .docx/.txt MIME, launcher and icon of the layout")
            if shutil.which("desktop-file-validate"):
                check = sh("desktop-file-validate", str(desktop))
                expect(check.returncode == 0 and not check.stdout.strip(), "desktop-file-validate")

        with tempfile.TemporaryDirectory(prefix="tianbao-deb-") as folder:
            sample = write_sample_docx(Path(folder) / "述职报告.docx")
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=folder, XDG_CONFIG_HOME=f"{folder}/config",
                       XDG_DATA_HOME=f"{folder}/data", XDG_STATE_HOME=f"{folder}/state", XDG_CACHE_HOME=f"{folder}/cache")
            # The installed app must not lean on this test's own Python packages.
            installed_env = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
            launcher = str(layout.launcher)
            result = sh(launcher, "scan", str(sample), "--json", env=installed_env, timeout=120 * SLOW)
            scan_problems = check_scan(result.stdout, result.returncode)
            if not expect(not scan_problems, "installed tianbao: scan 述职报告.docx --json"):
                details.extend(scan_problems + [result.stderr.decode(errors="replace")[-800:]])

            # The frozen app must know every command the source tree registers (app/commands is
            # discovered at run time, which a freezer can miss).
            frozen = sh(launcher, "--help", env=installed_env, timeout=120 * SLOW).stdout.decode(errors="replace")
            source = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, cwd=ROOT,
                                    env=env, check=False).stdout.decode(errors="replace")
            if not expect(frozen == source and "scan" in frozen, "installed tianbao --help lists the same commands"):
                details.append(f"installed:\n{frozen}\nsource tree:\n{source}")

            shot = Path(folder) / "window.png"
            kept_dir = Path(os.environ.get("TIANBAO_DEB_BUILD") or ROOT / "build" / "deb")
            windows = [("offscreen", [launcher], installed_env)]
            if shutil.which("xvfb-run"):
                xcb_env = dict(installed_env, QT_QPA_PLATFORM="xcb")
                windows.append(("xvfb", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", launcher], xcb_env))
            else:
                print("note: no xvfb-run here, so no real X11 window is tried")
            for kind, command, run_env in windows:
                shot = Path(folder) / f"window-{kind}.png"
                result = sh(*command, str(sample), "--screenshot", str(shot), env=run_env, timeout=180 * SLOW)
                shot_problems = check_screenshot(shot)
                if not expect(not shot_problems, f"installed {layout.package}: window ({kind}) --screenshot"):
                    details.extend(shot_problems + [f"exit {result.returncode}: "
                                                    + result.stderr.decode(errors="replace")[-800:]])
                else:
                    kept = kept_dir / f"deb-{layout.name}-window-{kind}.png"
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(shot, kept)
                    print(f"screenshot kept at {kept}")
    finally:
        purge = sh("dpkg", "-P", package)
    expect(purge.returncode == 0, "dpkg -P")
    left = [str(p) for p in listed if (p.exists() or p.is_symlink()) and not p.is_dir()]
    left += [str(p) for p in (Path(layout.top),) if p.exists()]
    expect(not left, "nothing left after dpkg -P" + (f": {left[:10]}" if left else ""))
    expect(sh("dpkg", "-s", package).returncode != 0, "package no longer known to dpkg")

    return report(passed, problems, details)


if __name__ == "__main__":
    raise SystemExit(main())
