"""Check a UOS store .deb against the store's packaging rules, without installing it.

    python packaging/linux/uos_check.py dist/<target>/com.tianbao.editor_<A.B.C.D>_<arch>.deb

From `dpkg-deb -c` and the control fields: package name = appid, a four-number version, every
file under /opt/apps/<appid>/ with entries/ (applications, icons, mime), files/ and info, no
maintainer scripts; and the info JSON itself (packaging/linux/layouts.py says what it must hold).
Exits 1 with the problems listed; ends with the plain 'N passed, N failed' line.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from layouts import UOS, uos_info_problems  # noqa: E402


def data_tar(deb: Path) -> tarfile.TarFile:
    listing = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    return tarfile.open(fileobj=io.BytesIO(listing))


def members(deb: Path) -> list[PurePosixPath]:
    """Paths the package installs, as absolute paths ('./opt/x' -> '/opt/x')."""
    with data_tar(deb) as archive:
        return [PurePosixPath("/" + name.lstrip("./")) for name in archive.getnames() if name.strip("./")]


def control_files(deb: Path) -> list[str]:
    listing = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(listing)) as archive:
        return sorted(PurePosixPath(name).name for name in archive.getnames() if name.strip("./"))


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def layout_problems(paths: list[PurePosixPath], package: str, scripts: list[str]) -> list[str]:
    """What a UOS store package's file list and control members get wrong."""
    top = PurePosixPath("/opt/apps") / package
    problems = []
    outside = [str(p) for p in paths if p != top and top not in p.parents and p not in top.parents]
    if outside:
        problems.append(f"files outside {top}: {outside[:5]}")
    wanted = [top / "info", top / "files", top / "entries" / "applications" / f"{package}.desktop",
              top / "entries" / "icons" / "hicolor" / "scalable" / "apps" / f"{package}.svg",
              top / "entries" / "mime" / "packages" / f"{package}.xml"]
    problems += [f"missing {path}" for path in wanted if path not in paths]
    pngs = [p for p in paths if p.parent.name == "apps" and p.name == f"{package}.png"]
    if not pngs:
        problems.append(f"no PNG icon named {package}.png under entries/icons/hicolor")
    extra = [name for name in scripts if name not in ("control", "md5sums")]
    if extra:
        problems.append(f"maintainer scripts the store refuses: {', '.join(extra)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_file():
        print("usage: uos_check.py PACKAGE.deb", file=sys.stderr)
        return 2
    deb = Path(args[0])
    package, version, arch = field(deb, "Package"), field(deb, "Version"), field(deb, "Architecture")
    checks: list[tuple[str, list[str]]] = []
    checks.append(("package name is the appid", [] if package == UOS.package else [f"package is {package!r}"]))
    paths = members(deb)
    checks.append(("layout under /opt/apps/<appid> (dpkg -c), no maintainer scripts",
                   layout_problems(paths, package, control_files(deb))))
    with data_tar(deb) as archive:
        member = archive.extractfile(f"./opt/apps/{package}/info")
        text = member.read().decode("utf-8") if member else ""
    problems = uos_info_problems(text, package=package, control_version=version)
    if arch not in text:
        problems.append(f"info does not list the package's architecture {arch}")
    checks.append(("info JSON: appid, name, A.B.C.D version, arch, permissions", problems))
    failed = 0
    for what, problems in checks:
        print(("ok      " if not problems else "FAILED  ") + what)
        for problem in problems:
            print(f"        {problem}")
        failed += bool(problems)
    print(f"uos_check: {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
