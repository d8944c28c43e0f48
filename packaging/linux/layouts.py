"""Where the .deb puts things: the plain Debian layout, and the UOS app-store layout.

Plain (Debian, Ubuntu, Kylin): package `tianbao`, the bundle in /opt/tianbao, /usr/bin/tianbao, the
desktop entry and icons in /usr/share, and postinst/postrm that refresh the menu and icon caches.

UOS store (统信应用商店打包规范): package name = appid, everything under /opt/apps/<appid>/:
    entries/applications/<appid>.desktop   entries/icons/hicolor/<size>/apps/<appid>.png|svg
    entries/mime/packages/<appid>.xml      files/bin/tianbao -> ../lib/tianbao/tianbao
    files/lib/tianbao/ (the bundle)        files/doc/copyright
    info                                   (JSON: appid, name, version A.B.C.D, arch, permissions)
no maintainer scripts (the store refuses packages whose postinst changes the system; UOS links the
entries into the menu itself), and a four-part numeric version.

The appid is reverse-domain; the project has no registered domain yet, so `com.tianbao.editor` is
our choice (change APPID, and nothing else, if one is registered).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

PACKAGE = "tianbao"
APPID = "com.tianbao.editor"
# Architectures the UOS store knows (its packaging rules); ours are the first two.
UOS_ARCHES = ("amd64", "arm64", "mips64el", "sw_64", "loongarch64")
UOS_PERMISSIONS = ("autostart", "notification", "trayicon", "clipboard", "account", "bluetooth", "camera",
                   "audio_record", "installed_apps")
ICON_SIZES = ("16x16", "32x32", "48x48", "64x64", "128x128", "256x256", "scalable")


@dataclass(frozen=True)
class Layout:
    """The installed paths of one layout (absolute, as on the target system)."""
    name: str
    package: str
    app_dir: PurePosixPath        # the PyInstaller bundle: launcher + _internal/
    launcher: PurePosixPath       # what the desktop entry's Exec runs
    desktop: PurePosixPath
    icons: PurePosixPath          # the hicolor folder
    icon_name: str
    top: PurePosixPath            # removed whole on purge

    def icon(self, size: str) -> PurePosixPath:
        suffix = "svg" if size == "scalable" else "png"
        return self.icons / size / "apps" / f"{self.icon_name}.{suffix}"


DEBIAN = Layout(
    name="debian", package=PACKAGE, app_dir=PurePosixPath("/opt/tianbao"), launcher=PurePosixPath("/usr/bin/tianbao"),
    desktop=PurePosixPath("/usr/share/applications/tianbao.desktop"),
    icons=PurePosixPath("/usr/share/icons/hicolor"), icon_name=PACKAGE, top=PurePosixPath("/opt/tianbao"))

_UOS_TOP = PurePosixPath("/opt/apps") / APPID
UOS = Layout(
    name="uos", package=APPID, app_dir=_UOS_TOP / "files" / "lib" / PACKAGE,
    launcher=_UOS_TOP / "files" / "bin" / PACKAGE,
    desktop=_UOS_TOP / "entries" / "applications" / f"{APPID}.desktop",
    icons=_UOS_TOP / "entries" / "icons" / "hicolor", icon_name=APPID, top=_UOS_TOP)

LAYOUTS = {layout.name: layout for layout in (DEBIAN, UOS)}


def layout_of_package(package: str) -> Layout:
    for layout in LAYOUTS.values():
        if layout.package == package:
            return layout
    raise KeyError(f"no layout builds a package named {package!r}")


def uos_version(version: str) -> str:
    """The store wants {MAJOR}.{MINOR}.{PATCH}.{BUILD}, all numbers: 0.1.0 -> 0.1.0.0."""
    parts = version.split(".")
    if not 1 <= len(parts) <= 4 or not all(part.isdigit() for part in parts):
        raise ValueError(f"version {version!r} is not 1 to 4 numbers joined by dots")
    return ".".join(parts + ["0"] * (4 - len(parts)))


def uos_info(version: str, arches: list[str]) -> dict:
    """The /opt/apps/<appid>/info document: the app asks for none of the store's permissions."""
    return {
        "appid": APPID,
        "name": "填报",
        "version": uos_version(version),
        "arch": list(arches),
        "permissions": {name: False for name in UOS_PERMISSIONS},
    }


def uos_info_text(version: str, arches: list[str]) -> str:
    return json.dumps(uos_info(version, arches), ensure_ascii=False, indent=4) + "\n"


def uos_info_problems(text: str, package: str | None = None, control_version: str | None = None) -> list[str]:
    """What is wrong with an info file against the store's rules (empty when nothing)."""
    try:
        info = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"info is not JSON: {exc}"]
    if not isinstance(info, dict):
        return ["info is not a JSON object"]
    problems = []
    for key, kind in (("appid", str), ("name", str), ("version", str), ("arch", list), ("permissions", dict)):
        if not isinstance(info.get(key), kind):
            problems.append(f"info lacks {key} ({kind.__name__})")
    if problems:
        return problems
    if not re.fullmatch(r"[a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*){2,}", info["appid"]):
        problems.append(f"appid {info['appid']!r} is not a reverse domain name")
    if package is not None and info["appid"] != package:
        problems.append(f"appid {info['appid']!r} differs from the package name {package!r}")
    if not re.fullmatch(r"\d+\.\d+\.\d+\.\d+", info["version"]):
        problems.append(f"version {info['version']!r} is not A.B.C.D")
    if control_version is not None and info["version"] != control_version:
        problems.append(f"version {info['version']!r} differs from the package's {control_version!r}")
    if not info["arch"] or any(arch not in UOS_ARCHES for arch in info["arch"]):
        problems.append(f"arch {info['arch']!r} names an architecture the store does not know")
    unknown = set(info["permissions"]) - set(UOS_PERMISSIONS)
    if unknown or not all(isinstance(v, bool) for v in info["permissions"].values()):
        problems.append(f"permissions must be booleans among {', '.join(UOS_PERMISSIONS)}")
    if not info["name"].strip():
        problems.append("name is empty")
    return problems


def desktop_entry(template: str, layout: Layout) -> str:
    """The desktop entry for a layout: the plain one runs `tianbao` from the PATH; the UOS one
    names the launcher by its full path (nothing of ours is on the PATH there)."""
    if layout is DEBIAN:
        return template
    text = re.sub(r"^Exec=tianbao\b", f"Exec={layout.launcher}", template, flags=re.MULTILINE)
    text = re.sub(r"^TryExec=.*$", f"TryExec={layout.launcher}", text, flags=re.MULTILINE)
    return re.sub(r"^Icon=.*$", f"Icon={layout.icon_name}", text, flags=re.MULTILINE)


def mime_packages(mime_types: list[str]) -> str:
    """shared-mime-info XML for entries/mime/packages: the types the desktop entry opens, with their
    usual globs, for desktops whose MIME database lacks them. Declares no type of its own."""
    globs = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": "*.docx",
             "text/plain": "*.txt"}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">']
    for mime in mime_types:
        lines.append(f'  <mime-type type="{mime}">')
        if mime in globs:
            lines.append(f'    <glob pattern="{globs[mime]}"/>')
        lines.append("  </mime-type>")
    lines.append("</mime-info>")
    return "\n".join(lines) + "\n"
