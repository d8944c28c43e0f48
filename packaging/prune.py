"""What the installers leave out of PySide6: the app is a Qt Widgets program, so QML/Quick,
Designer, the developer tools, type stubs and other languages' translations are dead weight
(they would push the installers past 50 MB). One list for Windows and Linux, as data.

Kept: QtCore, QtGui, QtWidgets, QtSvg(+Widgets), QtPrintSupport, QtNetwork (local sockets),
QtConcurrent, QtXml, QtDBus, the Qt OpenGL libraries (not their Python bindings), and the
platform, image-format, icon-engine and style plugins.
"""

from __future__ import annotations

import fnmatch
import shutil
from pathlib import Path

# Qt modules nobody in the app imports; matched against the module part of file names
# (Qt6Quick.dll, libQt6Quick.so.6, QtQuick.pyd, QtQuick.abi3.so, QtQuick.pyi).
UNUSED_MODULES = (
    "Quick*", "Qml*", "Labs*", "Lottie*", "Designer*", "Help", "Test", "UiTools", "Sql",
    "StateMachine", "ShaderTools", "VirtualKeyboard*", "Pdf*", "WebEngine*", "WebChannel*",
    "WebSockets", "Positioning*", "Multimedia*", "SpatialAudio", "TextToSpeech", "Graphs*",
    "Charts*", "DataVisualization*", "3D*", "Scxml", "RemoteObjects", "Sensors", "SerialPort",
    "Bluetooth", "Nfc", "Location", "HttpServer", "VirtualKeyboard", "WaylandCompositor*",
    # Linux: X11 (xcb) only; Wayland sessions run it through XWayland, embedded EGL has no desktop.
    "Wayland*", "Wl*", "EglFs*", "EglFS*",
)

# Paths under the PySide6 folder (shell patterns, "/" separated).
UNUSED_PATHS = (
    "qml", "metatypes", "include", "typesystems", "glue", "doc", "scripts", "resources",
    "Qt/qml", "Qt/metatypes", "Qt/libexec", "Qt/resources",
    "lib", "*.exe", "*.lib", "*.pyi", "opengl32sw.dll", "pyside6qml.*",
    # The Python OpenGL bindings (8 MB); Qt's own OpenGL libraries stay for the platform plugins.
    "QtOpenGL*.pyd", "QtOpenGL*.so",
    "vcamp140.dll", "vccorlib140.dll", "vcomp140.dll",
    "plugins/designer", "plugins/qmltooling", "plugins/sqldrivers", "plugins/generic",
    "plugins/platforminputcontexts", "plugins/vectorimageformats", "plugins/tls",
    "plugins/networkinformation", "plugins/imageformats/qpdf*",
    "Qt/plugins/designer", "Qt/plugins/qmltooling", "Qt/plugins/sqldrivers", "Qt/plugins/generic",
    "Qt/plugins/platforminputcontexts", "Qt/plugins/vectorimageformats", "Qt/plugins/tls",
    "Qt/plugins/networkinformation", "Qt/plugins/imageformats/*qpdf*",
    "Qt/plugins/wayland-*", "Qt/plugins/platforms/*eglfs*", "Qt/plugins/platforms/*wayland*",
    "Qt/plugins/platforms/*vnc*", "Qt/plugins/platforms/*minimalegl*", "Qt/plugins/platforms/*vkkhr*", "Qt/plugins/platforms/*linuxfb*", "Qt/plugins/egldeviceintegrations",
    "Qt/plugins/platformthemes/*gtk*",
)

# Translations kept: Chinese only (the UI is Chinese); Qt's own dialogs use qtbase_zh_CN.
KEPT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm")


def _module_of(name: str) -> str | None:
    """'Qt6Quick.dll' / 'libQt6Quick.so.6' / 'QtQuick.pyd' / 'QtQuick.abi3.so' -> 'Quick'."""
    stem = name.removeprefix("lib")
    for prefix in ("Qt6", "Qt"):
        if stem.startswith(prefix):
            return stem[len(prefix):].split(".", 1)[0]
    return None


def unused(relative: str) -> bool:
    """Whether a path relative to the PySide6 folder is left out of the installers."""
    parts = relative.split("/")
    name = parts[-1]
    for pattern in UNUSED_PATHS:
        depth = pattern.count("/") + 1
        if len(parts) >= depth and fnmatch.fnmatch("/".join(parts[:depth]), pattern):
            return True
    if "translations" in parts[:-1]:
        return name not in KEPT_TRANSLATIONS
    module = _module_of(name)
    if module and parts[-2:-1] != ["plugins"] and "plugins" not in parts:
        return any(fnmatch.fnmatch(module, pattern) for pattern in UNUSED_MODULES)
    return False


def prune(pyside: Path) -> list[Path]:
    """Delete the unused parts of an unpacked PySide6 folder; returns what went."""
    removed: list[Path] = []
    for path in sorted(pyside.rglob("*"), key=lambda p: len(p.parts)):
        if not path.exists() and not path.is_symlink():
            continue  # already gone with its folder
        if unused(path.relative_to(pyside).as_posix()):
            removed.append(path)
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    return removed
