"""Fast checks of the installer sources (packaging/): what gets pruned, the icon files, the desktop
entry, and that the NSIS uninstaller undoes everything the installer writes. The installers
themselves are built and smoke-tested by make win / win-test / deb / deb-test, not here."""
from __future__ import annotations

import ast
import configparser
import json
import platform
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath

import pytest

from tests.shared import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import make_icons  # noqa: E402
import prune  # noqa: E402
import smoke  # noqa: E402

NSI = (ROOT / "packaging" / "windows" / "tianbao.nsi").read_text(encoding="utf-8")


def test_one_version_number() -> None:
    import app

    with open(ROOT / "pyproject.toml", "rb") as handle:
        assert tomllib.load(handle)["project"]["version"] == app.__version__


@pytest.mark.parametrize("path", [
    "Qt6Core.dll", "Qt6Gui.dll", "Qt6Widgets.dll", "QtWidgets.pyd", "Qt6Svg.dll", "QtPrintSupport.pyd",
    "pyside6.abi3.dll", "msvcp140.dll", "plugins/platforms/qwindows.dll", "plugins/platforms/qoffscreen.dll",
    "plugins/imageformats/qsvg.dll", "plugins/iconengines/qsvgicon.dll", "plugins/styles/qmodernwindowsstyle.dll",
    "translations/qtbase_zh_CN.qm", "__init__.py", "support/__init__.py",
    "QtCore.abi3.so", "Qt/lib/libQt6Widgets.so.6", "Qt/lib/libQt6XcbQpa.so.6", "Qt/lib/libicudata.so.73",
    "Qt/plugins/platforms/libqxcb.so", "Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "Qt/translations/qtbase_zh_CN.qm",
])
def test_prune_keeps_what_a_widgets_app_needs(path: str) -> None:
    assert not prune.unused(path)


@pytest.mark.parametrize("path", [
    "Qt6Quick.dll", "Qt6QuickControls2Basic.dll", "QtQml.pyd", "QtQml.pyi", "QtCore.pyi", "qml/QtQuick/Controls/x.qml",
    "designer.exe", "opengl32sw.dll", "QtOpenGL.pyd", "Qt6Designer.dll", "Qt6Pdf.dll", "metatypes/x.json",
    "translations/qtbase_de.qm", "translations/assistant_zh_CN.qm", "plugins/sqldrivers/qsqlite.dll",
    "plugins/imageformats/qpdf.dll", "plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
    "Qt/lib/libQt6WaylandClient.so.6", "Qt/lib/libQt6Quick.so.6", "QtOpenGL.abi3.so",
    "Qt/plugins/platforms/libqeglfs.so", "Qt/plugins/platforms/libqwayland-egl.so",
    "Qt/plugins/wayland-shell-integration/libxdg-shell.so", "Qt/translations/qt_help_zh_CN.qm",
])
def test_prune_drops_dead_weight(path: str) -> None:
    assert prune.unused(path)


def test_every_qt_module_the_app_imports_survives_pruning() -> None:
    modules = set()
    for source in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            modules.update(m.split(".")[1] for m in names if m.startswith("PySide6.Qt"))
    assert {"QtCore", "QtGui", "QtWidgets"} <= modules
    for module in modules:
        short = module.removeprefix("Qt")
        for path in (f"{module}.pyd", f"Qt6{short}.dll", f"{module}.abi3.so", f"Qt/lib/libQt6{short}.so.6"):
            assert not prune.unused(path), f"app imports PySide6.{module} but the installers drop {path}"


def test_prune_removes_files_and_folders_from_a_real_tree(tmp_path) -> None:  # noqa: ANN001
    for name in ("Qt6Core.dll", "Qt6Quick.dll", "qml/QtQuick/a.qml", "translations/qt_zh_CN.qm",
                 "translations/qt_fr.qm", "plugins/platforms/qwindows.dll"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    removed = {p.relative_to(tmp_path).as_posix() for p in prune.prune(tmp_path)}
    assert removed == {"Qt6Quick.dll", "qml", "translations/qt_fr.qm"}
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["Qt6Core.dll", "plugins/platforms/qwindows.dll", "translations/qt_zh_CN.qm"]


def test_ico_writer_directory_points_at_each_png() -> None:
    pngs = {16: b"\x89PNG-small", 256: b"\x89PNG-large-one"}
    data = make_icons.ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 2)
    for index, size in enumerate(sorted(pngs)):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert width == height == (0 if size == 256 else size)
        assert (planes, bits) == (1, 32)
        assert data[offset:offset + length] == pngs[size]


def test_committed_icons_are_readable_in_every_size(qapp) -> None:  # noqa: ANN001
    from PySide6.QtGui import QImage, QImageReader

    reader = QImageReader(str(ROOT / "resources" / "icons" / "tianbao.ico"))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert sizes == set(make_icons.ICO_SIZES)
    png = QImage(str(ROOT / "resources" / "icons" / "tianbao.png"))
    assert (png.width(), png.height()) == (256, 256)
    assert png.pixelColor(0, 0).alpha() == 0 and png.pixelColor(128, 128).alpha() == 255


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "linux" / "tianbao.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name[zh_CN]"] == "填报"
    assert "Office" in desktop["Categories"].split(";")
    assert desktop["Exec"] == "tianbao %f" and desktop["Icon"] == "tianbao"
    mime = desktop["MimeType"].split(";")
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in mime
    assert "text/plain" in mime


def _section(name: str) -> str:
    match = re.search(rf'^Section "{re.escape(name)}".*?^SectionEnd', NSI, re.MULTILINE | re.DOTALL)
    assert match, name
    return match.group(0)


def test_nsis_installs_per_user_without_admin_rights() -> None:
    assert "RequestExecutionLevel user" in NSI
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\Tianbao"' in NSI
    assert "HKLM" not in NSI and "SHCTX" not in NSI and "$PROGRAMFILES" not in NSI


def test_nsis_uninstaller_undoes_every_registry_write_shortcut_and_file() -> None:
    install, uninstall = _section("${PRODUCT_NAME_ZH}"), _section("Uninstall")
    defines = dict(re.findall(r'^!define (\w+) "([^"]*)"', NSI, re.MULTILINE))

    def expand(text: str) -> str:
        return re.sub(r"\$\{(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), text)

    deleted_keys = [expand(k) for k in re.findall(r'DeleteRegKey (?:/ifempty )?HKCU "([^"]+)"', uninstall)]
    deleted_values = {(expand(k), expand(v)) for k, v in re.findall(r'DeleteRegValue HKCU "([^"]+)" "([^"]+)"', uninstall)}
    writes = re.findall(r'WriteReg\w+ HKCU "([^"]+)" "([^"]*)"', install)
    assert len(writes) > 10
    for key, value in writes:
        key, value = expand(key), expand(value)
        assert (key, value) in deleted_values or any(key == k or key.startswith(k + "\\") for k in deleted_keys), \
            f"uninstaller leaves {key} {value}"
    for target in re.findall(r'CreateShortCut "([^"]+)"', install):
        assert f'Delete "{target}"' in uninstall
    for folder in re.findall(r'SetOutPath "(\$INSTDIR\\\w+)"', install):
        assert f'RMDir /r "{folder}"' in uninstall
    for name in re.findall(r'^\s*File "([^"]+)"', install, re.MULTILINE):
        assert f'Delete "$INSTDIR\\{name}"' in uninstall
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in install
    assert 'Delete "$INSTDIR\\uninstall.exe"' in uninstall


def test_smoke_check_accepts_the_source_tree_and_rejects_garbage(tmp_path) -> None:  # noqa: ANN001
    sample = smoke.write_sample_docx(tmp_path / "述职报告.docx")
    result = subprocess.run([sys.executable, "-m", "app", "scan", str(sample), "--json"], cwd=ROOT,
                            capture_output=True, timeout=120, check=False)
    assert smoke.check_scan(result.stdout, result.returncode) == []
    assert smoke.check_scan(b"not json", 1)
    assert smoke.check_scan(b'{"placeholders": [], "outline": []}', 0)


# Issue 17: the arm64 / UOS packages. Only the pure-Python parts here; the builds and their smoke
# tests are make deb-arm64(-test) and deb-uos(-test).
sys.path.insert(0, str(ROOT / "packaging" / "linux"))
import elf_check  # noqa: E402
import layouts  # noqa: E402
import uos_check  # noqa: E402


@pytest.mark.parametrize(("version", "four"), [("0.1.0", "0.1.0.0"), ("2", "2.0.0.0"), ("1.2.3.4", "1.2.3.4")])
def test_uos_version_has_four_numbers(version: str, four: str) -> None:
    assert layouts.uos_version(version) == four


@pytest.mark.parametrize("version", ["0.1.0rc1", "1.2.3.4.5", "", "1..2"])
def test_uos_version_refuses_what_the_store_cannot_take(version: str) -> None:
    with pytest.raises(ValueError):
        layouts.uos_version(version)


def test_uos_info_written_for_the_package_passes_its_own_check() -> None:
    text = layouts.uos_info_text("0.1.0", ["amd64"])
    info = json.loads(text)
    assert info["appid"] == layouts.APPID == layouts.UOS.package
    assert info["name"] == "填报" and info["version"] == "0.1.0.0" and info["arch"] == ["amd64"]
    assert set(info["permissions"]) == set(layouts.UOS_PERMISSIONS) and not any(info["permissions"].values())
    assert layouts.uos_info_problems(text, package=layouts.APPID, control_version="0.1.0.0") == []


@pytest.mark.parametrize(("change", "complaint"), [
    ({"appid": "tianbao"}, "reverse domain"),
    ({"version": "0.1.0"}, "A.B.C.D"),
    ({"arch": ["x86"]}, "architecture"),
    ({"permissions": {"autostart": "no"}}, "booleans"),
    ({"name": " "}, "empty"),
])
def test_uos_info_check_names_each_broken_field(change: dict, complaint: str) -> None:
    info = dict(layouts.uos_info("0.1.0", ["arm64"]), **change)
    problems = layouts.uos_info_problems(json.dumps(info))
    assert problems and any(complaint in problem for problem in problems), problems


def test_uos_info_check_compares_with_the_control_fields() -> None:
    text = layouts.uos_info_text("0.1.0", ["arm64"])
    assert any("package name" in p for p in layouts.uos_info_problems(text, package="tianbao"))
    assert any("differs" in p for p in layouts.uos_info_problems(text, control_version="0.2.0.0"))
    assert layouts.uos_info_problems("{not json") and layouts.uos_info_problems("[]")


def test_uos_desktop_entry_runs_the_launcher_by_full_path() -> None:
    template = (ROOT / "packaging" / "linux" / "tianbao.desktop").read_text(encoding="utf-8")
    assert layouts.desktop_entry(template, layouts.DEBIAN) == template
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string(layouts.desktop_entry(template, layouts.UOS))
    desktop = entry["Desktop Entry"]
    launcher = f"/opt/apps/{layouts.APPID}/files/bin/tianbao"
    assert desktop["Exec"] == f"{launcher} %f" and desktop["TryExec"] == launcher
    assert desktop["Icon"] == layouts.APPID and desktop["Name[zh_CN]"] == "填报"


def test_uos_mime_packages_is_shared_mime_info_xml() -> None:
    from xml.etree import ElementTree

    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    root = ElementTree.fromstring(layouts.mime_packages([docx, "text/plain"]))
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    types = {t.get("type"): [g.get("pattern") for g in t.iter(f"{ns}glob")] for t in root.iter(f"{ns}mime-type")}
    assert types == {docx: ["*.docx"], "text/plain": ["*.txt"]}


def test_uos_layout_check_of_a_package_listing() -> None:
    top = PurePosixPath("/opt/apps") / layouts.APPID
    good = [PurePosixPath("/opt"), PurePosixPath("/opt/apps"), top, top / "info", top / "files",
            top / "files/bin/tianbao", top / f"entries/applications/{layouts.APPID}.desktop",
            top / f"entries/icons/hicolor/scalable/apps/{layouts.APPID}.svg",
            top / f"entries/icons/hicolor/48x48/apps/{layouts.APPID}.png",
            top / f"entries/mime/packages/{layouts.APPID}.xml"]
    assert uos_check.layout_problems(good, layouts.APPID, ["control", "md5sums"]) == []
    bad = uos_check.layout_problems(good[:4] + [PurePosixPath("/usr/bin/tianbao")], layouts.APPID,
                                    ["control", "postinst"])
    assert any("outside" in p for p in bad) and any("postinst" in p for p in bad)
    assert any("applications" in p for p in bad) and any("PNG icon" in p for p in bad)


def test_layout_paths_of_each_package() -> None:
    assert layouts.layout_of_package("tianbao") is layouts.DEBIAN
    assert layouts.layout_of_package(layouts.APPID) is layouts.UOS
    assert str(layouts.UOS.icon("scalable")).endswith(f"/scalable/apps/{layouts.APPID}.svg")
    assert layouts.UOS.top in layouts.UOS.launcher.parents and layouts.UOS.top in layouts.UOS.app_dir.parents
    with pytest.raises(KeyError):
        layouts.layout_of_package("other")


@pytest.fixture(scope="module")
def elf_needing_glibc_2_14(tmp_path_factory) -> Path:  # noqa: ANN001
    """A tiny x86-64 shared object bound to memcpy@GLIBC_2.14 (the newest memcpy), made here."""
    if shutil.which("cc") is None or shutil.which("readelf") is None or platform.machine() != "x86_64":
        pytest.skip("needs cc and readelf on x86-64")
    folder = tmp_path_factory.mktemp("elf")
    source = folder / "tiny.c"
    source.write_text('#include <string.h>\n__asm__(".symver memcpy, memcpy@GLIBC_2.14");\n'
                      "void copy(char *a, const char *b, size_t n) { memcpy(a, b, n); }\n")
    library = folder / "lib" / "libtiny.so"
    library.parent.mkdir()
    subprocess.run(["cc", "-shared", "-fPIC", "-O0", "-o", str(library), str(source)], check=True)
    (folder / "lib" / "notes.txt").write_text("not an ELF file")
    return library


def test_glibc_check_reads_the_symbol_versions_of_an_elf(elf_needing_glibc_2_14: Path) -> None:
    versions = elf_check.glibc_versions(elf_needing_glibc_2_14)
    assert max(versions) == (2, 14)
    assert "libc.so.6" in elf_check.needed(elf_needing_glibc_2_14)
    assert elf_check.elf_files(elf_needing_glibc_2_14.parent) == [elf_needing_glibc_2_14]
    assert elf_check.over_limit([elf_needing_glibc_2_14], (2, 13)) == {elf_needing_glibc_2_14: (2, 14)}
    assert elf_check.over_limit([elf_needing_glibc_2_14], (2, 14)) == {}


def test_glibc_check_command_line(elf_needing_glibc_2_14: Path) -> None:
    folder = str(elf_needing_glibc_2_14.parent)
    script = str(ROOT / "packaging" / "linux" / "elf_check.py")
    over = subprocess.run([sys.executable, script, folder, "--max-glibc", "2.12"], capture_output=True, text=True)
    assert over.returncode == 1 and "libtiny.so needs GLIBC_2.14" in over.stdout
    within = subprocess.run([sys.executable, script, folder, "--max-glibc", "2.28"], capture_output=True, text=True)
    assert within.returncode == 0 and "within the limit 2.28" in within.stdout
    bad = subprocess.run([sys.executable, script, folder, "--max-glibc", "two"], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
