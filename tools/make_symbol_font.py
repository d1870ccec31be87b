"""Build ``src/alternance_tui/serve/web/static/alternance-symbols.ttf``, the font that
draws, in the browser (``alternance serve``), the symbols Roboto Mono lacks.

Roboto Mono (shipped in textual-serve's own static files and served from there)
has Latin text, dashes, quotes, € and •, but no arrows, no ✔ ✘ ◐ ★ ⚠ ⏎ ⌫, no box
drawing and no block elements. This takes those from DejaVu Sans Mono (Debian:
``fonts-dejavu-core``; licence: Bitstream Vera, DejaVu changes in the public
domain), adds ⓘ (U+24D8, which DejaVu lacks) drawn here as DejaVu's "i" inside
its "○", and renames the result "Alternance Symbols", as the Bitstream Vera
licence asks of a modified font. The page declares it as a second face of
"Roboto Mono" with a ``unicode-range``, so the browser takes these characters
from it and everything else from Roboto Mono.

Run it again only to change the set of characters::

    python tools/make_symbol_font.py [/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf]

Needs fontTools (``pip install fonttools``), not needed at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "alternance_tui" / "serve" / "web" / "static" / "alternance-symbols.ttf"
SOURCE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
FAMILY = "Alternance Symbols"

# Blocks the app or Textual draw from; only the characters DejaVu Sans Mono has
# are kept (``unicode-range`` in the page is built from the font itself).
RANGES = [
    (0x2190, 0x21FF),  # arrows ← ↑ → ↓
    (0x2300, 0x23FF),  # ⌫ ⏎
    (0x2500, 0x257F),  # box drawing
    (0x2580, 0x259F),  # block elements (scroll bars, half blocks)
    (0x25A0, 0x25FF),  # geometric shapes ■ □ ● ○ ◉ ◐
    (0x2600, 0x26FF),  # ★ ⚠
    (0x2700, 0x27BF),  # dingbats ✔ ✘
]
CIRCLED_I = 0x24D8


def _add_circled_i(font: TTFont) -> None:
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    ring, letter = cmap[0x25CB], cmap[ord("i")]
    pen = TTGlyphPen(glyphs)
    glyphs[ring].draw(pen)
    # "i" is 1556 units tall and 178..1092 wide; the ring's centre is about
    # (616, 532): half size, centred in it.
    glyphs[letter].draw(TransformPen(pen, (0.5, 0, 0, 0.5, 616 - 635 * 0.5, 532 - 778 * 0.5)))
    name = "uni24D8"
    font.setGlyphOrder([*font.getGlyphOrder(), name])
    font["glyf"][name] = pen.glyph()
    font["hmtx"][name] = font["hmtx"][ring]
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[CIRCLED_I] = name


def build(source: Path = SOURCE, target: Path = TARGET) -> list[int]:
    font = TTFont(source)
    _add_circled_i(font)
    have = font.getBestCmap()
    wanted = [cp for lo, hi in RANGES for cp in range(lo, hi + 1) if cp in have]
    wanted.append(CIRCLED_I)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.hinting = False
    options.layout_features = []
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 16):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "")
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(target)
    return sorted(wanted)


if __name__ == "__main__":
    built = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
    size = TARGET.stat().st_size
    print(f"{TARGET.relative_to(ROOT)}: {len(built)} characters, {size:,} bytes")
