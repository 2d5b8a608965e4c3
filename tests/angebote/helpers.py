"""Uploads the photo forms (Möbelspende, flat offers) must refuse or store safely."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def declared_png(width, height, name="bombe.png"):
    """A PNG of a few bytes that declares `width` × `height` pixels (a decompression bomb when large)."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    content = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, content, content_type="image/png")


def png(name="foto.png", color="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
