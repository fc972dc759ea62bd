"""The Image view against nginx serving PNG, JPEG, GIF and SVG files the test writes: the
body view switches to the picture and says its format and size; a broken one says so."""

from __future__ import annotations

import pytest
from helpers import find
from http_helpers import send
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from netbench.ui.widgets.sizes import format_size

IMAGE_PAGE = 3


@pytest.fixture
def window_tab():
    return "http"


def qt_encoded(kind: str, width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, kind)
    return bytes(buffer.data().data())


def gif_bytes(width: int, height: int) -> bytes:
    """A GIF89a of one colour, written by hand (Qt reads GIF but cannot write it): LZW with
    a clear code before every pixel, so every code stays 3 bits wide."""
    header = b"GIF89a" + width.to_bytes(2, "little") + height.to_bytes(2, "little")
    header += b"\x80\x00\x00" + b"\x00\x80\x80" + b"\xff\xff\xff"  # 2 colours: teal, white
    descriptor = b"\x2c\x00\x00\x00\x00" + header[6:10] + b"\x00"
    codes = [4, 0] * (width * height) + [5]  # clear, colour 0 ... end of information
    bits = sum(code << (3 * index) for index, code in enumerate(codes))
    data = bits.to_bytes((3 * len(codes) + 7) // 8, "little")
    blocks = b"".join(
        bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255)
    )
    return header + descriptor + b"\x02" + blocks + b"\x00;"


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">'
    b'<rect width="120" height="80" fill="teal"/></svg>'
)


@pytest.mark.parametrize(
    ("name", "kind", "make", "size"),
    [
        ("pic.png", "PNG", lambda: qt_encoded("PNG", 40, 30), (40, 30)),
        ("pic.jpg", "JPEG", lambda: qt_encoded("JPEG", 64, 48), (64, 48)),
        ("pic.gif", "GIF", lambda: gif_bytes(12, 8), (12, 8)),
        ("pic.svg", "SVG", lambda: SVG, (120, 80)),
    ],
)
def test_an_image_is_shown_with_its_size(window, pump, nginx, name, kind, make, size):
    data = make()
    (nginx.www / "static" / name).write_bytes(data)
    send(window, pump, nginx.http + "/static/" + name)
    assert find(window, "http.body_view").currentIndex() == IMAGE_PAGE
    pixmap = find(window, "http.body_image").pixmap()
    assert (pixmap.width(), pixmap.height()) == size
    info = find(window, "http.body_image_info").text()
    assert info == f"{kind} image, {size[0]} × {size[1]} pixels, {format_size(len(data))}"


def test_a_broken_image_says_so(window, pump, nginx):
    whole = qt_encoded("PNG", 40, 30)
    (nginx.www / "static" / "broken.png").write_bytes(whole[:60])  # cut inside the data
    send(window, pump, nginx.http + "/static/broken.png")
    assert find(window, "http.body_view").currentIndex() == IMAGE_PAGE
    assert find(window, "http.body_image").pixmap().isNull()
    assert find(window, "http.body_image_info").text().startswith("This PNG image is broken: ")


def test_a_body_that_is_no_image_at_all_says_so(window, pump, nginx):
    (nginx.www / "static" / "fake.png").write_bytes(b"not a picture, just text\n")
    send(window, pump, nginx.http + "/static/fake.png")
    info = find(window, "http.body_image_info").text()
    assert info == "This body is not an image that can be shown (image/png, 25 B)."
