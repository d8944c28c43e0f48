"""Build the Linux .deb: dist/tianbao_<version>_amd64.deb (make deb).

    build/deb/venv/bin/python packaging/linux/build_deb.py            # freeze + package, plain layout
    python packaging/linux/build_deb.py freeze                        # only the bundle (build/deb/bundle)
    python packaging/linux/build_deb.py package --layout uos --arch arm64 --sysroot ROOT --max-glibc 2.31

PyInstaller freezes the app into one folder, PySide6 is pruned with the same list as the Windows
installer (packaging/prune.py), and the package gets a launcher, a desktop entry in the Office menu
(Name[zh_CN]=填报) with the .docx/.txt MIME types, hicolor icons, and a Depends line computed from
the bundle itself: the newest GLIBC_x.y symbol version any bundled binary asks for, plus the Debian
packages of the shared libraries the bundle does not carry. Where things go is packaging/linux/
layouts.py: the plain Debian layout or the UOS store's /opt/apps/<appid>.

`freeze` must run on the interpreter that goes into the bundle (inside the old-glibc root for the
arm64 and UOS builds, emulated for arm64); `package` runs on this machine and reads the root's
dpkg database through --sysroot, so nothing slow runs under emulation.
"""

from __future__ import annotations

import argparse
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

sys.path.insert(0, str(HERE))
from elf_check import elf_files, needed, newest_glibc, over_limit, parse_version, version_text  # noqa: E402
from layouts import DEBIAN, LAYOUTS, UOS, Layout, desktop_entry, mime_packages, uos_info_text, uos_version  # noqa: E402,E501

PACKAGE = "tianbao"
MULTIARCH = {"amd64": "x86_64-linux-gnu", "arm64": "aarch64-linux-gnu"}
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
        # The commands are found at run time (pkgutil); collect_submodules missed them in the emulated
        # arm64 root, so each is named too.
        *[arg for module in sorted((ROOT / "app" / "commands").glob("[!_]*.py"))
          for arg in ("--hidden-import", f"app.commands.{module.stem}")],
        "--add-data", f"{ROOT / 'resources'}:resources",
        "--exclude-module", "tkinter", "--exclude-module", "_tkinter",
        HERE / "tianbao_main.py")
    bundle = out / PACKAGE
    for junk in bundle.rglob("*"):
        if junk.suffix == ".ts" or junk.name == "__pycache__":
            shutil.rmtree(junk) if junk.is_dir() else junk.unlink()
    return bundle


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


def package_of(soname: str, sysroot: Path, arch: str) -> str | None:
    """The Debian package that provides a shared library in sysroot (/ for this machine), from that
    root's own dpkg database, so an arm64 root is asked without running anything in it."""
    admin = sysroot / "var" / "lib" / "dpkg"
    for folder in (f"/lib/{MULTIARCH[arch]}", f"/usr/lib/{MULTIARCH[arch]}", "/lib", "/usr/lib"):
        if not (sysroot / folder.lstrip("/") / soname).exists():
            continue
        # dpkg knows a file by the path its package ships, which merged /usr may have moved.
        real = "/" + str(Path(os.path.realpath(sysroot / folder.lstrip("/") / soname)).relative_to(sysroot.resolve()))
        for candidate in {f"{folder}/{soname}", real, real.removeprefix("/usr"), "/usr" + real}:
            owner = subprocess.run(["dpkg-query", f"--admindir={admin}", "-S", candidate],
                                   capture_output=True, text=True, check=False)
            if owner.returncode == 0:
                return owner.stdout.split(":", 1)[0].strip()
    return None


def depends(bundle: Path, sysroot: Path, arch: str) -> tuple[str, str]:
    """(Depends line, highest glibc) computed from what the bundled binaries ask for."""
    binaries = elf_files(bundle)
    inside = {p.name for p in bundle.rglob("*")}
    wanted = set().union(*(needed(b) for b in binaries))
    glibc_text = version_text(newest_glibc(binaries))
    # The bundled libfontconfig reads the system's /etc/fonts; no DT_NEEDED shows that.
    packages = {"libc6": f"libc6 (>= {glibc_text})", "fontconfig-config": "fontconfig-config"}
    missing = []
    for soname in sorted(wanted - inside):
        if LIBC_SONAMES.match(soname):
            continue
        owner = package_of(soname, sysroot, arch)
        if owner is None:
            missing.append(soname)
        elif owner not in packages:
            packages[owner] = owner
    if missing:
        raise SystemExit(f"no Debian package in {sysroot} provides {', '.join(missing)}: install them and rebuild")
    return ", ".join(packages[name] for name in sorted(packages)), glibc_text


def drop_system_libraries(bundle: Path) -> list[str]:
    """Remove the libraries PyInstaller copied from the build system (the top of _internal, all but
    libpython), so the target system's own are used; Depends then names their packages. For the
    UOS 20 build, whose build machine's libraries need a newer glibc than the target has."""
    # What the wheels brought (Qt, shiboken, PySide6) stays; PyInstaller puts those at the top too.
    import PySide6
    import shiboken6

    from_wheels = {p.name for package in (PySide6, shiboken6) for p in Path(package.__file__).parent.rglob("*.so*")}
    dropped = [p for p in (bundle / "_internal").glob("lib*.so*")
               if not p.name.startswith("libpython") and p.name not in from_wheels]
    for path in dropped:
        path.unlink()
    return [p.name for p in dropped]


def copyright_text(app_dir: str) -> str:
    licence = project().get("license", "see the project README")
    license_text = licence.get("text", "") if isinstance(licence, dict) else str(licence)
    return ("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            f"Upstream-Name: tianbao\n\nFiles: *\nLicense: {license_text}\n"
            f"Comment: {app_dir} also carries CPython (PSF-2.0), Qt and PySide6 (LGPL-3.0),\n"
            " python-docx (MIT), lxml (BSD-3-Clause) and platformdirs (MIT), each under its own licence.\n")


def inside(root: Path, path: object) -> Path:
    """A target-system path (absolute) inside the staging root."""
    return root / str(path).lstrip("/")


def stage(bundle: Path, version: str, layout: Layout, arch: str) -> Path:
    root = BUILD / f"root-{layout.name}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, inside(root, layout.app_dir), symlinks=True)
    launcher = inside(root, layout.launcher)
    launcher.parent.mkdir(parents=True)
    os.symlink(os.path.relpath(layout.app_dir / PACKAGE, layout.launcher.parent) if layout is UOS
               else str(layout.app_dir / PACKAGE), launcher)
    desktop = inside(root, layout.desktop)
    desktop.parent.mkdir(parents=True)
    template = (HERE / "tianbao.desktop").read_text(encoding="utf-8")
    desktop.write_text(desktop_entry(template, layout), encoding="utf-8")
    icons = inside(root, layout.icons)
    run(sys.executable, HERE.parent / "make_icons.py", "--hicolor", icons, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if layout.icon_name != PACKAGE:
        for icon in list(icons.rglob(f"{PACKAGE}.*")):
            icon.rename(icon.with_name(layout.icon_name + icon.suffix))
    if layout is UOS:
        top = inside(root, layout.top)
        doc = top / "files" / "doc"
        mime = re.search(r"^MimeType=(.*)$", template, re.MULTILINE)
        mime_types = [m for m in (mime.group(1) if mime else "").split(";") if m]
        (top / "entries" / "mime" / "packages").mkdir(parents=True)
        (top / "entries" / "mime" / "packages" / f"{layout.package}.xml").write_text(mime_packages(mime_types),
                                                                                      encoding="utf-8")
        (top / "info").write_text(uos_info_text(version, [arch]), encoding="utf-8")
    else:
        doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(str(layout.app_dir)), encoding="utf-8")
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    return root


def control(root: Path, version: str, depends_line: str, layout: Layout, arch: str) -> None:
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink()) // 1024 + 1
    meta = root / "DEBIAN"
    meta.mkdir()
    description = project()["description"]
    (meta / "control").write_text(
        f"Package: {layout.package}\nVersion: {version}\nArchitecture: {arch}\nSection: editors\n"
        f"Priority: optional\nMaintainer: Tianbao 填报 <tianbao@example.org>\nInstalled-Size: {installed_kib}\n"
        f"Depends: {depends_line}\nRecommends: {RECOMMENDS}\n"
        f"Description: 填报 report editor for Chinese office reports\n"
        f" {description}.\n"
        " Finds the placeholders a template leaves (X次, 20XX年, X月X日) and lets you fill them\n"
        " one by one, strips template-site ad lines, and saves .docx. Works offline.\n",
        encoding="utf-8")
    # The UOS store refuses maintainer scripts; there its own tools register the entries.
    if layout is DEBIAN:
        for script in ("postinst", "postrm"):
            shutil.copy(HERE / script, meta / script)
            (meta / script).chmod(0o755)


def freeze_step(system_libraries: bool) -> Path:
    """Freeze, prune and strip: the bundle in BUILD/bundle, ready to package."""
    ensure_compiled()
    bundle = freeze()
    pyside = bundle / "_internal" / "PySide6"
    removed = prune(pyside) if pyside.is_dir() else []
    check_pruned_imports(bundle, removed)
    dropped = drop_orphans(bundle)
    if not system_libraries:
        dropped += drop_system_libraries(bundle)
    strip_debug(bundle)
    print(f"pruned {len(removed)} PySide6 paths, dropped {len(dropped)} libraries: {', '.join(dropped)}")
    return bundle


def package_step(bundle: Path, layout: Layout, arch: str, sysroot: Path, max_glibc: str | None) -> Path:
    """One .deb of the bundle in a layout; refuses a bundle that needs a glibc above max_glibc."""
    if max_glibc:
        offenders = over_limit(elf_files(bundle), parse_version(max_glibc))
        if offenders:
            raise SystemExit(f"binaries need more than glibc {max_glibc}:\n  " + "\n  ".join(
                f"{p.relative_to(bundle)}: GLIBC_{version_text(v)}" for p, v in sorted(offenders.items())))
    depends_line, glibc = depends(bundle, sysroot, arch)
    print(f"Depends: {depends_line}")
    version = project()["version"]
    if layout is UOS:
        version = uos_version(version)
    root = stage(bundle, version, layout, arch)
    control(root, version, depends_line, layout, arch)
    DIST.mkdir(parents=True, exist_ok=True)
    target = DIST / f"{layout.package}_{version}_{arch}.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, target)
    size = target.stat().st_size
    print(f"{target} {size / 2**20:.1f} MiB, needs glibc >= {glibc}")
    if size > MAX_DEB_BYTES:
        raise SystemExit(f".deb is {size / 2**20:.1f} MiB, over the 50 MiB limit")
    return target


def host_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", nargs="?", choices=("all", "freeze", "package"), default="all")
    parser.add_argument("--layout", action="append", choices=sorted(LAYOUTS),
                        help="package layout; repeat for several (default: debian)")
    parser.add_argument("--arch", default=None, help="Debian architecture of the bundle (default: this machine's)")
    parser.add_argument("--sysroot", type=Path, default=Path("/"),
                        help="the root the bundle was built in, whose dpkg database names the Depends")
    parser.add_argument("--max-glibc", help="refuse a bundle needing a newer GLIBC_x.y than this")
    parser.add_argument("--no-system-libraries", action="store_true",
                        help="freeze: leave the build system's shared libraries out of the bundle")
    args = parser.parse_args(argv)
    arch = args.arch or host_arch()
    if arch not in MULTIARCH:
        parser.error(f"unknown architecture {arch}; known: {', '.join(MULTIARCH)}")
    bundle = BUILD / "bundle" / PACKAGE
    if args.step in ("all", "freeze"):
        bundle = freeze_step(system_libraries=not args.no_system_libraries)
    if args.step in ("all", "package"):
        if not bundle.is_dir():
            raise SystemExit(f"{bundle} missing: run the freeze step first")
        for name in args.layout or ["debian"]:
            package_step(bundle, LAYOUTS[name], arch, args.sysroot, args.max_glibc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
