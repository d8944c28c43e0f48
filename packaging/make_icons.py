"""Render the app icon (resources/icons/tianbao.svg) to PNG sizes and a Windows .ico.

    python packaging/make_icons.py                 # refresh resources/icons/tianbao.png and .ico
    python packaging/make_icons.py --hicolor DIR   # only DIR/<N>x<N>/apps/tianbao.png (+ scalable) for the .deb

Qt's SVG renderer does the drawing (PySide6 is already a dependency); the .ico is written
here because Qt's ico writer stores one size only and Windows wants several.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "tianbao.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO whose entries are PNG streams (Windows Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    images = b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + directory + images


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hicolor", type=Path, help="write a hicolor icon tree here instead")
    parser.add_argument("--svg", type=Path, default=SVG)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    sizes = sorted(set(ICO_SIZES) | set(HICOLOR_SIZES))
    pngs = {size: render_png(args.svg, size) for size in sizes}
    if not args.hicolor:
        write_atomic(ICONS / "tianbao.png", pngs[256])
        write_atomic(ICONS / "tianbao.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    else:
        for size in HICOLOR_SIZES:
            write_atomic(args.hicolor / f"{size}x{size}" / "apps" / "tianbao.png", pngs[size])
        scalable = args.hicolor / "scalable" / "apps" / "tianbao.svg"
        write_atomic(scalable, args.svg.read_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
