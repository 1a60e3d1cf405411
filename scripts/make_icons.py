"""Draw the application icon and write it for every platform into assets/icons/.

    python scripts/make_icons.py

Writes ``app.png`` (512 px: Linux, the window icon), ``app.ico`` (Windows: 16-256 px) and
``app.icns`` (macOS: 16-1024 px). The picture is the default report logo's three rising bars
and dot, white on a teal rounded square. Drawn with Qt (offscreen), packed with Pillow (which
matplotlib already needs). The outputs are committed; run this only to change the icon.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent.parent / "assets" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024


def draw(size: int) -> bytes:
    """The icon as PNG bytes, drawn at ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 1024
    margin = 64 * s  # macOS leaves a margin around the rounded square
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(square.topLeft(), square.bottomRight())
    gradient.setColorAt(0.0, QColor("#1b8f93"))
    gradient.setColorAt(1.0, QColor("#0c5a63"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(square, 200 * s, 200 * s)
    # three rising bars, lighter to stronger, and the dot of the report logo
    bar_w, gap, base = 150 * s, 70 * s, 800 * s
    left = (size - (3 * bar_w + 2 * gap)) / 2
    for i, (height, alpha) in enumerate(((190, 150), (330, 205), (470, 255))):
        p.setBrush(QColor(255, 255, 255, alpha))
        x = left + i * (bar_w + gap)
        p.drawRoundedRect(QRectF(x, base - height * s, bar_w, height * s), 28 * s, 28 * s)
    p.setBrush(QColor("#ffd166"))
    d = 120 * s
    p.drawEllipse(QRectF(left + 2 * (bar_w + gap) + (bar_w - d) / 2, base - 470 * s - d - 50 * s, d, d))
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "app.png").write_bytes(draw(512))
    big = Image.open(io.BytesIO(draw(ICNS_SIZE))).convert("RGBA")
    ico_sizes = [(n, n) for n in ICO_SIZES]
    # each size drawn at that size (crisper than one image scaled down)
    frames = [Image.open(io.BytesIO(draw(n))).convert("RGBA") for n in ICO_SIZES]
    frames[-1].save(OUT / "app.ico", format="ICO", sizes=ico_sizes, append_images=frames[:-1])
    big.save(OUT / "app.icns", format="ICNS")
    for name in ("app.png", "app.ico", "app.icns"):
        print(f"wrote {OUT / name} ({(OUT / name).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
