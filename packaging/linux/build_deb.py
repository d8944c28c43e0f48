"""Build the Linux .deb: dist/tianbao_<version>_amd64.deb (make deb).

    build/deb/venv/bin/python packaging/linux/build_deb.py

PyInstaller freezes the app into one folder (/opt/tianbao), PySide6 is pruned with the same list
as the Windows installer (packaging/prune.py), and the package gets /usr/bin/tianbao, a desktop
entry in the Office menu (Name[zh_CN]=填报) with the .docx/.txt MIME types, hicolor icons, and a
Depends line computed from the bundle itself: the newest GLIBC_x.y symbol version any bundled
binary asks for, plus the Debian packages of the shared libraries the bundle does not carry.
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
# Overridable so the older-glibc build (packaging/linux/old_glibc.sh) keeps its own copies.
BUILD = Path(os.environ.get("TIANBAO_DEB_BUILD", ROOT / "build" / "deb"))
DIST = Path(os.environ.get("TIANBAO_DEB_DIST", ROOT / "dist"))
sys.path.insert(0, str(HERE.parent))
from prune import prune  # noqa: E402 - packaging/ is not a package
from translations import ensure_compiled  # noqa: E402

PACKAGE = "tianbao"
MAX_DEB_BYTES = 50 * 1024 * 1024
# Loaded by the bundle but never part of it on any desktop (PyInstaller's own exclusions).
LIBC_SONAMES = re.compile(r"^(libc|libm|libdl|libpthread|librt|libutil|libresolv|libanl)\.so\.\d+$|^ld-linux")
# Runtime deps Qt opens with dlopen (not DT_NEEDED) that a desktop needs for the window.
RECOMMENDS = "fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei"


def run(*command: str | Path, **kwargs: object) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.run([str(c) for c in command], check=True, **kwargs)


def project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]


def freeze() -> Path:
    """PyInstaller one-folder bundle of the app; returns the folder."""
    work, out = BUILD / "pyinstaller", BUILD / "bundle"
    shutil.rmtree(out, ignore_errors=True)
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--onedir", "--name", PACKAGE, "--distpath", out, "--workpath", work, "--specpath", work,
        "--paths", ROOT, "--collect-submodules", "app",
        "--add-data", f"{ROOT / 'resources'}:resources",
        "--exclude-module", "tkinter", "--exclude-module", "_tkinter",
        HERE / "tianbao_main.py")
    bundle = out / PACKAGE
    for junk in bundle.rglob("*"):
        if junk.suffix == ".ts" or junk.name == "__pycache__":
            shutil.rmtree(junk) if junk.is_dir() else junk.unlink()
    return bundle


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(binary: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=False).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def glibc_versions(binary: Path) -> set[tuple[int, ...]]:
    out = subprocess.run(["readelf", "-V", str(binary)], capture_output=True, text=True, check=False).stdout
    return {tuple(int(n) for n in v.split(".")) for v in re.findall(r"Name: GLIBC_([0-9.]+)\b", out)}


def check_pruned_imports(bundle: Path, removed: list[Path]) -> None:
    gone = {p.name for p in removed}
    broken = [f"{b.relative_to(bundle)} needs {', '.join(sorted(needed(b) & gone))}"
              for b in elf_files(bundle) if needed(b) & gone]
    if broken:
        raise SystemExit("pruning removed libraries still in use:\n  " + "\n  ".join(broken))


def drop_orphans(bundle: Path) -> list[str]:
    """Remove what pruning left dangling: symlinks to removed Qt libraries, and libraries at the
    top of _internal that nothing left in the bundle loads (GTK theme helpers, X11 auth libs of
    the system libxcb). libpython is kept: the bootloader opens it with dlopen."""
    dropped = []
    while True:
        for path in bundle.rglob("*"):
            if path.is_symlink() and not path.exists():
                path.unlink()
                dropped.append(path.name)
        wanted = set().union(*(needed(b) for b in elf_files(bundle)))
        orphans = [p for p in (bundle / "_internal").glob("lib*.so*")
                   if not p.is_symlink() and p.name not in wanted and not p.name.startswith("libpython")]
        if not orphans:
            return dropped
        for path in orphans:
            path.unlink()
            dropped.append(path.name)


def strip_debug(bundle: Path) -> None:
    """pyenv's libpython and lib-dynload carry debug symbols (~30 MB). Only files under
    _internal: the launcher itself has PyInstaller's archive appended and must stay intact."""
    binaries = [str(p) for p in elf_files(bundle / "_internal")]
    subprocess.run(["strip", "--strip-debug", *binaries], check=True)


def package_of(soname: str) -> str | None:
    """The Debian package that provides a shared library on this machine (dpkg -S)."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    paths = re.findall(rf"^\s+{re.escape(soname)} \(libc6,x86-64\) => (\S+)$", out, re.MULTILINE)
    for path in paths:
        for candidate in (path, os.path.realpath(path)):
            owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            if owner.returncode == 0:
                return owner.stdout.split(":", 1)[0].strip()
    return None


def depends(bundle: Path) -> tuple[str, str]:
    """(Depends line, highest glibc) computed from what the bundled binaries ask for."""
    binaries = elf_files(bundle)
    inside = {p.name for p in bundle.rglob("*")}
    wanted = set().union(*(needed(b) for b in binaries))
    glibc = max(set().union(*(glibc_versions(b) for b in binaries)))
    glibc_text = ".".join(str(n) for n in glibc)
    # The bundled libfontconfig reads the system's /etc/fonts; no DT_NEEDED shows that.
    packages = {"libc6": f"libc6 (>= {glibc_text})", "fontconfig-config": "fontconfig-config"}
    missing = []
    for soname in sorted(wanted - inside):
        if LIBC_SONAMES.match(soname):
            continue
        owner = package_of(soname)
        if owner is None:
            missing.append(soname)
        elif owner not in packages:
            packages[owner] = owner
    if missing:
        raise SystemExit(f"no Debian package found for {', '.join(missing)}: install them and rebuild")
    return ", ".join(packages[name] for name in sorted(packages)), glibc_text


def stage(bundle: Path, version: str) -> Path:
    root = BUILD / "root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{PACKAGE}/{PACKAGE}", root / "usr" / "bin" / PACKAGE)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy(HERE / "tianbao.desktop", applications / f"{PACKAGE}.desktop")
    run(sys.executable, HERE.parent / "make_icons.py", "--hicolor", root / "usr" / "share" / "icons" / "hicolor",
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    licence = project().get("license", "see the project README")
    license_text = licence.get("text", "") if isinstance(licence, dict) else str(licence)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: tianbao\n\nFiles: *\nLicense: {license_text}\n"
        "Comment: /opt/tianbao also carries CPython (PSF-2.0), Qt and PySide6 (LGPL-3.0),\n"
        " python-docx (MIT), lxml (BSD-3-Clause) and platformdirs (MIT), each under its own licence.\n",
        encoding="utf-8")
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    return root


def control(root: Path, version: str, depends_line: str) -> None:
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink()) // 1024 + 1
    meta = root / "DEBIAN"
    meta.mkdir()
    description = project()["description"]
    (meta / "control").write_text(
        f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: amd64\nSection: editors\nPriority: optional\n"
        f"Maintainer: Tianbao 填报 <tianbao@example.org>\nInstalled-Size: {installed_kib}\n"
        f"Depends: {depends_line}\nRecommends: {RECOMMENDS}\n"
        f"Description: 填报 report editor for Chinese office reports\n"
        f" {description}.\n"
        " Finds the placeholders a template leaves (X次, 20XX年, X月X日) and lets you fill them\n"
        " one by one, strips template-site ad lines, and saves .docx. Works offline.\n",
        encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copy(HERE / script, meta / script)
        (meta / script).chmod(0o755)


def main() -> int:
    version = project()["version"]
    ensure_compiled()
    bundle = freeze()
    pyside = bundle / "_internal" / "PySide6"
    removed = prune(pyside) if pyside.is_dir() else []
    check_pruned_imports(bundle, removed)
    dropped = drop_orphans(bundle)
    strip_debug(bundle)
    print(f"pruned {len(removed)} PySide6 paths, dropped {len(dropped)} unused libraries: {', '.join(dropped)}")
    depends_line, glibc = depends(bundle)
    print(f"Depends: {depends_line}")
    root = stage(bundle, version)
    control(root, version, depends_line)
    DIST.mkdir(exist_ok=True)
    target = DIST / f"{PACKAGE}_{version}_amd64.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, target)
    size = target.stat().st_size
    print(f"{target} {size / 2**20:.1f} MiB, needs glibc >= {glibc}")
    if size > MAX_DEB_BYTES:
        raise SystemExit(f".deb is {size / 2**20:.1f} MiB, over the 50 MiB limit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
