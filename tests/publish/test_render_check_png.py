"""decode_png: the 8-bit PNG reader that judges Chromium's screenshots (every scanline filter)."""

from __future__ import annotations

import random
import struct
import zlib

import pytest

from l10n.publish.render_check import decode_png


def _predict(kind: int, a: int, b: int, c: int) -> int:
    if kind == 0:
        return 0
    if kind == 1:
        return a
    if kind == 2:
        return b
    if kind == 3:
        return (a + b) // 2
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def _png(rows: list[bytes], width: int, bpp: int, ctype: int, filters: list[int]) -> bytes:
    raw = bytearray()
    prev = bytes(width * bpp)
    for row, kind in zip(rows, filters):
        raw.append(kind)
        for x, value in enumerate(row):
            a = row[x - bpp] if x >= bpp else 0
            c = prev[x - bpp] if x >= bpp else 0
            raw.append((value - _predict(kind, a, prev[x], c)) & 255)
        prev = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I4s", len(body), kind) + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, len(rows), 8, ctype, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw)))
            + chunk(b"IEND", b""))


@pytest.mark.parametrize("ctype, bpp", [(0, 1), (2, 3), (4, 2), (6, 4)])
def test_every_filter_decodes_to_the_pixels(ctype, bpp):
    rng = random.Random(ctype)
    width, filters = 7, [0, 1, 2, 3, 4, 4, 3, 2, 1, 0]
    rows = [bytes(rng.randrange(256) for _ in range(width * bpp)) for _ in filters]
    w, h, got_bpp, got = decode_png(_png(rows, width, bpp, ctype, filters))
    assert (w, h, got_bpp) == (width, len(rows), bpp) and [bytes(r) for r in got] == rows


def test_anything_else_is_none():
    assert decode_png(b"GIF89a") is None
    good = _png([b"\x00\x01"], 2, 1, 0, [0])
    assert decode_png(good[:8]) is None  # no header
    sixteen_bit = good.replace(struct.pack(">IIBBBBB", 2, 1, 8, 0, 0, 0, 0), struct.pack(">IIBBBBB", 2, 1, 16, 0, 0, 0, 0))
    assert decode_png(sixteen_bit) is None
    palette = good.replace(struct.pack(">IIBBBBB", 2, 1, 8, 0, 0, 0, 0), struct.pack(">IIBBBBB", 2, 1, 8, 3, 0, 0, 0))
    assert decode_png(palette) is None
