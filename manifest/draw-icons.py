#!/usr/bin/env python3
"""Draws TapBot's Teams icons with the standard library only: a key (a Temporary Access Pass opens the door once).

  color.png    192x192, white key on the accent colour, rounded corners
  outline.png  32x32, white key on transparent (Teams' rule: white and transparent only)

Run from anywhere: python3 manifest/draw-icons.py. The PNGs are committed; a test checks their size and colours.
"""
import os, struct, zlib

ACCENT = (0x3B, 0x5B, 0xDB)
HERE = os.path.dirname(os.path.abspath(__file__))


def key_coverage(x, y):
    """True when the point (in a 0..1 square) is on the key: a ring, a shaft and two teeth."""
    cx, cy, r_out, r_in = 0.34, 0.40, 0.20, 0.10
    d2 = (x - cx) ** 2 + (y - cy) ** 2
    ring = r_in ** 2 <= d2 <= r_out ** 2
    shaft = 0.50 <= x <= 0.86 and 0.365 <= y <= 0.435
    tooth1 = 0.70 <= x <= 0.76 and 0.435 <= y <= 0.58
    tooth2 = 0.80 <= x <= 0.86 and 0.435 <= y <= 0.53
    return ring or shaft or tooth1 or tooth2


def rounded_square(x, y, radius=0.18):
    dx = max(radius - x, 0, x - (1 - radius))
    dy = max(radius - y, 0, y - (1 - radius))
    return dx * dx + dy * dy <= radius * radius


def render(size, background, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            key = bg = 0
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) / size
                    y = (py + (sy + 0.5) / samples) / size
                    key += key_coverage(x, y)
                    bg += background is not None and rounded_square(x, y)
            n = samples * samples
            k, b = key / n, bg / n
            if background is None:
                row += bytes([255, 255, 255, round(255 * k)])  # pure white, coverage in alpha
            else:
                alpha = max(k, b)
                mix = k / alpha if alpha else 0
                rgb = [round(c * (1 - mix) + 255 * mix) for c in background]
                row += bytes(rgb + [round(255 * alpha)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    with open(os.path.join(HERE, "color.png"), "wb") as f:
        f.write(render(192, ACCENT))
    with open(os.path.join(HERE, "outline.png"), "wb") as f:
        f.write(render(32, None))
    print("wrote manifest/color.png and manifest/outline.png")
