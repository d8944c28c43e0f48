"""Smoke-test dist/tianbao_<version>_amd64.deb on this machine (make deb-test; needs root).

dpkg -i; check the files, desktop entry and icons; run the installed `tianbao`: the scan
command, --help against the source tree's, then the window offscreen with --screenshot;
dpkg -P; check that every file the package listed is gone. Run by the project's .venv Python
(python-docx makes the sample, PySide6 checks the screenshot).
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
from smoke import check_scan, check_screenshot, report, write_sample_docx  # noqa: E402

PACKAGE = "tianbao"


def sh(*command: str, **kwargs: object) -> subprocess.CompletedProcess:
    print("+", " ".join(command), flush=True)
    return subprocess.run(list(command), capture_output=True, check=False, stdin=subprocess.DEVNULL,
                          **kwargs)  # type: ignore[arg-type]


def main() -> int:
    if os.geteuid() != 0:
        raise SystemExit("deb-test installs a package: run it as root")
    with open(ROOT / "pyproject.toml", "rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    deb = Path(os.environ.get("TIANBAO_DEB") or ROOT / "dist" / f"{PACKAGE}_{version}_amd64.deb")
    if not deb.is_file():
        raise SystemExit(f"{deb} missing: run make deb first")
    if sh("dpkg", "-s", PACKAGE).returncode == 0:
        raise SystemExit(f"{PACKAGE} is already installed here; dpkg -P {PACKAGE} first")

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
        listed = [Path(line) for line in sh("dpkg", "-L", PACKAGE).stdout.decode().splitlines() if line.strip()]
        translations = [f"/opt/tianbao/_internal/resources/i18n/{ts.stem}.qm"
                        for ts in (ROOT / "resources" / "i18n").glob("*.ts")]
        for path in ("/opt/tianbao/tianbao", "/usr/bin/tianbao", "/usr/share/applications/tianbao.desktop",
                     "/usr/share/icons/hicolor/48x48/apps/tianbao.png",
                     "/usr/share/icons/hicolor/scalable/apps/tianbao.svg", *translations):
            expect(Path(path).exists(), f"installed {path}")
        desktop = Path("/usr/share/applications/tianbao.desktop")
        if desktop.is_file():
            text = desktop.read_text(encoding="utf-8")
            expect("Name[zh_CN]=填报" in text and "Categories=Office;" in text
                   and "wordprocessingml.document" in text and "text/plain" in text,
                   "desktop entry: 填报, Office, .docx/.txt MIME")
            if shutil.which("desktop-file-validate"):
                check = sh("desktop-file-validate", str(desktop))
                expect(check.returncode == 0 and not check.stdout.strip(), "desktop-file-validate")

        with tempfile.TemporaryDirectory(prefix="tianbao-deb-") as folder:
            sample = write_sample_docx(Path(folder) / "述职报告.docx")
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=folder, XDG_CONFIG_HOME=f"{folder}/config",
                       XDG_DATA_HOME=f"{folder}/data", XDG_STATE_HOME=f"{folder}/state", XDG_CACHE_HOME=f"{folder}/cache")
            result = sh("/usr/bin/tianbao", "scan", str(sample), "--json", env=env, timeout=120)
            scan_problems = check_scan(result.stdout, result.returncode)
            if not expect(not scan_problems, "installed tianbao: scan 述职报告.docx --json"):
                details.extend(scan_problems + [result.stderr.decode(errors="replace")[-800:]])

            # The frozen app must know every command the source tree registers (app/commands is
            # discovered at run time, which a freezer can miss).
            frozen = sh("/usr/bin/tianbao", "--help", env=env, timeout=120).stdout.decode(errors="replace")
            source = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, cwd=ROOT,
                                    env=env, check=False).stdout.decode(errors="replace")
            if not expect(frozen == source and "scan" in frozen, "installed tianbao --help lists the same commands"):
                details.append(f"installed:\n{frozen}\nsource tree:\n{source}")

            shot = Path(folder) / "window.png"
            result = sh("/usr/bin/tianbao", str(sample), "--screenshot", str(shot), env=env, timeout=180)
            shot_problems = check_screenshot(shot)
            if not expect(not shot_problems, "installed tianbao: window offscreen --screenshot"):
                details.extend(shot_problems + [f"exit {result.returncode}: "
                                                + result.stderr.decode(errors="replace")[-800:]])
            else:
                kept = Path(os.environ.get("TIANBAO_DEB_BUILD") or ROOT / "build" / "deb") / "deb-window.png"
                shutil.copy(shot, kept)
                print(f"screenshot kept at {kept}")
    finally:
        purge = sh("dpkg", "-P", PACKAGE)
    expect(purge.returncode == 0, "dpkg -P")
    left = [str(p) for p in listed if (p.exists() or p.is_symlink()) and not p.is_dir()]
    left += [str(p) for p in (Path("/opt/tianbao"),) if p.exists()]
    expect(not left, "nothing left after dpkg -P" + (f": {left[:10]}" if left else ""))
    expect(sh("dpkg", "-s", PACKAGE).returncode != 0, "package no longer known to dpkg")

    return report(passed, problems, details)


if __name__ == "__main__":
    raise SystemExit(main())
