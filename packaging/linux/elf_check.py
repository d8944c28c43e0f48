"""What the binaries of a Linux bundle ask of the system: shared libraries and glibc versions.

    python packaging/linux/elf_check.py FOLDER_OR_DEB --max-glibc 2.31

exits 1 and names every ELF file that needs a GLIBC_x.y symbol version above the limit, so a
package built for Kylin V10 (glibc 2.31) or UOS 20 (2.28) cannot quietly need more. readelf
(binutils) reads every architecture, so this runs on the build machine for arm64 bundles too.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

Version = tuple[int, ...]


def parse_version(text: str) -> Version:
    """'2.31' -> (2, 31); raises ValueError on anything else."""
    if not re.fullmatch(r"\d+(\.\d+)*", text):
        raise ValueError(f"not a version: {text!r}")
    return tuple(int(part) for part in text.split("."))


def version_text(version: Version) -> str:
    return ".".join(str(part) for part in version)


def is_elf(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"\x7fELF"


def elf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def _readelf(option: str, binary: Path) -> str:
    return subprocess.run(["readelf", "-W", option, str(binary)], capture_output=True, text=True,
                          check=False).stdout


def needed(binary: Path) -> set[str]:
    """The DT_NEEDED sonames of one ELF file."""
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", _readelf("-d", binary)))


def glibc_versions(binary: Path) -> set[Version]:
    """Every GLIBC_x.y version one ELF file requires (its .gnu.version_r entries). Versions it
    defines (glibc's own libraries) are not requirements, so only the "Version needs" part counts."""
    text = _readelf("-V", binary)
    needs = text.split("Version needs section", 1)[1] if "Version needs section" in text else ""
    return {parse_version(v) for v in re.findall(r"Name: GLIBC_([0-9.]+)\b", needs)}


def newest_glibc(binaries: list[Path]) -> Version:
    found = set().union(*(glibc_versions(b) for b in binaries)) if binaries else set()
    return max(found, default=(2, 0))


def over_limit(binaries: list[Path], limit: Version) -> dict[Path, Version]:
    """The binaries that need a glibc newer than limit, with the newest each needs."""
    offenders = {}
    for binary in binaries:
        versions = glibc_versions(binary)
        if versions and max(versions) > limit:
            offenders[binary] = max(versions)
    return offenders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="a bundle folder, a .deb or one ELF file")
    parser.add_argument("--max-glibc", required=True, help="highest GLIBC_x.y allowed, e.g. 2.31")
    args = parser.parse_args(argv)
    try:
        limit = parse_version(args.max_glibc)
    except ValueError as exc:
        parser.error(str(exc))
    if not args.target.exists():
        print(f"{args.target}: no such file or folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="elf-check-") as scratch:
        folder = args.target
        if args.target.is_dir():
            binaries = elf_files(folder)
        elif is_elf(args.target):
            folder, binaries = args.target.parent, [args.target]
        else:
            folder = Path(scratch)
            unpacked = subprocess.run(["dpkg-deb", "-x", str(args.target), scratch], capture_output=True, text=True,
                                      check=False)
            if unpacked.returncode != 0:
                print(f"{args.target}: neither a folder, an ELF file nor a .deb: {unpacked.stderr.strip()}",
                      file=sys.stderr)
                return 2
            binaries = elf_files(folder)
        offenders = over_limit(binaries, limit)
        for binary, version in sorted(offenders.items()):
            print(f"{binary.relative_to(folder)} needs GLIBC_{version_text(version)}")
        newest = newest_glibc(binaries)
    verdict = "over" if offenders else "within"
    print(f"{len(binaries)} ELF files, newest GLIBC_{version_text(newest)}: {verdict} the limit {args.max_glibc}")
    return 1 if offenders else 0


if __name__ == "__main__":
    raise SystemExit(main())
