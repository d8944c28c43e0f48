"""Smoke-test dist/Tianbao-<version>-setup.exe under Wine (make win-test).

In a fresh 64-bit Wine prefix (build/win/wine): silent install, check files, shortcuts and
registry; run the installed app with the bundled python.exe (the `scan` command, then the window
offscreen with --screenshot); silent uninstall; check that nothing the installer wrote is left.

Wine needs two stand-in DLLs (packaging/windows/wine/*.c, built with mingw into the prefix's
system32 only, never into the installer): Windows 10+ has icuuc.dll, which Qt6Core imports and
Wine 8 lacks; Wine 8's mscms lacks WcsCreateIccProfile, which the real window platform imports.
Besides the offscreen run, the window also opens for real under Xvfb (Qt's Windows platform
plugin), with a CJK font copied into the prefix so its screenshot shows Chinese.
Wine does not hand QT_QPA_PLATFORM to the Windows process, hence Qt's own -platform argument;
python.exe gets pipes, not files, for its standard streams.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from smoke import check_scan, check_screenshot, report, write_sample_docx  # noqa: E402

PREFIX = ROOT / "build" / "win" / "wine"
WINE = shutil.which("wine64") or "/usr/lib/wine/wine64"
WINESERVER = shutil.which("wineserver") or "/usr/lib/wine/wineserver"
USER = os.environ.get("USER") or "root"
# Folders the app itself may create at run time for settings, backups and logs: the user's,
# so the uninstaller leaves them (and so do we when looking for leftovers).
USER_DATA = re.compile(r"^users/[^/]+/AppData/(Local|Roaming)/Tianbao(/|$)", re.IGNORECASE)
SMOKE_DIR = "smoke"
CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def env() -> dict[str, str]:
    return dict(os.environ, WINEPREFIX=str(PREFIX), WINEARCH="win64", WINEDEBUG="-all",
                PYTHONIOENCODING="utf-8",
                # no Mono/Gecko prompts, and no menu entries written into the Linux desktop
                WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d;mscms=n")


def wine(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    print("+ wine", " ".join(args), flush=True)
    return subprocess.run([WINE, *args], env=env(), stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=timeout, check=False)


def settle() -> None:
    """Wait for every Wine process to end (the uninstaller re-runs itself from a temp copy)
    and for wineserver to write the registry files."""
    subprocess.run([WINESERVER, "-w"], env=env(), check=False, timeout=300)


def files_of(drive_c: Path) -> set[str]:
    found = set()
    for path in drive_c.rglob("*"):
        relative = path.relative_to(drive_c).as_posix()
        if relative.startswith("windows/") or "/Temp/" in relative or relative.startswith(SMOKE_DIR):
            continue
        found.add(relative)
    return found


def registry_entries() -> set[str]:
    """Every key and 'key: value' line of the current user's hive, for before/after diffs."""
    entries, key = set(), ""
    text = (PREFIX / "user.reg").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if line.startswith("["):
            key = line.split("]", 1)[0] + "]"
            entries.add(key)
        elif line and not line.startswith(("#", ";")) and key:
            entries.add(f"{key} {line}")
    return entries


def fresh_prefix() -> None:
    shutil.rmtree(PREFIX, ignore_errors=True)
    PREFIX.parent.mkdir(parents=True, exist_ok=True)
    result = wine("wineboot", "-i")
    settle()
    if not (PREFIX / "drive_c" / "windows" / "system32").is_dir():
        raise SystemExit(f"wineboot failed: {result.stderr.decode(errors='replace')[-500:]}")
    system32 = PREFIX / "drive_c" / "windows" / "system32"
    for source in sorted((HERE / "wine").glob("*.c")):
        subprocess.run(["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-o", str(system32 / f"{source.stem}.dll"),
                        str(source)], check=True)
    for font in CJK_FONTS:
        if Path(font).is_file():
            shutil.copy(font, PREFIX / "drive_c" / "windows" / "Fonts")
            break


def main() -> int:
    for tool in (WINE, "x86_64-w64-mingw32-gcc", "xvfb-run"):
        if not shutil.which(tool) and not Path(tool).exists():
            raise SystemExit(f"{tool} missing: apt-get install wine64 gcc-mingw-w64-x86-64-win32")
    with open(ROOT / "pyproject.toml", "rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    setup = ROOT / "dist" / f"Tianbao-{version}-setup.exe"
    if not setup.is_file():
        raise SystemExit(f"{setup} missing: run make win first")

    fresh_prefix()
    drive_c = PREFIX / "drive_c"
    home = f"users/{USER}"
    install = f"{home}/AppData/Local/Programs/Tianbao"
    windows_install = "C:\\" + install.replace("/", "\\")
    files_before, registry_before = files_of(drive_c), registry_entries()
    problems: list[str] = []
    passed: list[str] = []
    details: list[str] = []

    def expect(ok: bool, what: str) -> bool:
        (passed if ok else problems).append(what)
        return ok

    # 1. silent install
    result = wine(str(setup), "/S")
    settle()
    expect(result.returncode == 0, f"setup.exe /S exit code {result.returncode}")
    for relative in (f"{install}/Python/python.exe", f"{install}/Python/pythonw.exe",
                     f"{install}/tianbao.pyw", f"{install}/tianbao.ico", f"{install}/uninstall.exe",
                     f"{install}/pkgs/app/cli.py", f"{install}/pkgs/PySide6/Qt6Widgets.dll",
                     f"{home}/Desktop/填报.lnk",
                     f"{home}/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/填报.lnk",
                     *(f"{install}/pkgs/resources/i18n/{ts.stem}.qm"
                       for ts in (ROOT / "resources" / "i18n").glob("*.ts"))):
        expect((drive_c / relative).is_file(), f"installed {relative}")
    registry = "\n".join(sorted(registry_entries()))
    uninstall_key = r"[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Tianbao]"
    expect(f'{uninstall_key} "DisplayVersion"="{version}"' in registry, "Apps & Features entry with version")
    expect(f'{uninstall_key} "UninstallString"=' in registry, "Apps & Features uninstaller")
    for extension in ("docx", "txt"):
        expect(f'[Software\\\\Classes\\\\.{extension}\\\\OpenWithProgids] "Tianbao.Document"' in registry,
               f".{extension} Open with")
    expect(r"[Software\\Classes\\Tianbao.Document\\shell\\open\\command] @=" in registry, "open command")

    # 2. the installed app: scan first (no Qt), then the window offscreen
    smoke = drive_c / SMOKE_DIR
    write_sample_docx(smoke / "sample.docx")
    python = f"{windows_install}\\Python\\python.exe"
    launcher = f"{windows_install}\\tianbao.pyw"
    result = wine(python, launcher, "scan", f"C:\\{SMOKE_DIR}\\sample.docx", "--json")
    scan_problems = check_scan(result.stdout, result.returncode)
    if not expect(not scan_problems, "installed app: scan sample.docx --json"):
        details.extend(scan_problems)
        details.append(result.stderr.decode("utf-8", errors="replace")[-800:])
    shot = smoke / "window.png"
    result = wine(python, launcher, f"C:\\{SMOKE_DIR}\\sample.docx", "--screenshot",
                  f"C:\\{SMOKE_DIR}\\window.png", "-platform", "offscreen", timeout=180)
    shot_problems = check_screenshot(shot)
    if not expect(not shot_problems, "installed app: window offscreen --screenshot"):
        details.extend(shot_problems)
        details.append(f"exit {result.returncode}: " + result.stderr.decode("utf-8", errors="replace")[-800:])
    else:
        kept = ROOT / "build" / "win" / "wine-window.png"
        shutil.copy(shot, kept)
        print(f"screenshot kept at {kept}")
    settle()
    real = smoke / "real-window.png"
    print("+ xvfb-run wine … --screenshot (real window)", flush=True)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", WINE, python, launcher,
               f"C:\\{SMOKE_DIR}\\sample.docx", "--screenshot", f"C:\\{SMOKE_DIR}\\real-window.png"]
    # A Chinese Windows: Wine takes its locale from LANG, and the window then loads its zh_CN translation.
    chinese = dict(env(), LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8")
    result = subprocess.run(command, env=chinese, stdin=subprocess.DEVNULL, capture_output=True, timeout=180,
                            check=False)
    real_problems = check_screenshot(real)
    if not expect(not real_problems, "installed app: real window under Xvfb --screenshot"):
        details.extend(real_problems + [f"exit {result.returncode}: "
                                        + result.stderr.decode("utf-8", errors="replace")[-800:]])
    else:
        kept = ROOT / "build" / "win" / "wine-real-window.png"
        shutil.copy(real, kept)
        print(f"screenshot kept at {kept}")
    settle()

    # 3. silent uninstall; nothing it installed may remain
    result = wine(f"{windows_install}\\uninstall.exe", "/S")
    settle()
    expect(result.returncode == 0, f"uninstall.exe /S exit code {result.returncode}")
    left = sorted(f for f in files_of(drive_c) - files_before if not USER_DATA.match(f))
    expect(not left, "no files left after uninstall" + (f": {left[:10]}" if left else ""))
    new_keys = sorted(e for e in registry_entries() - registry_before
                      if "tianbao" in e.lower() and not e.startswith("[Software\\\\Tianbao"))
    expect(not new_keys, "no registry entries left" + (f": {new_keys[:10]}" if new_keys else ""))
    kept_data = sorted(f for f in files_of(drive_c) - files_before if USER_DATA.match(f))
    if kept_data:
        print("user data kept, as intended:", ", ".join(kept_data[:5]))

    return report(passed, problems, details)


if __name__ == "__main__":
    raise SystemExit(main())
