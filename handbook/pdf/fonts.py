"""Find and check the CJK font the PDFs embed.

The font comes from a registry package (pylopdf_fonts_zh_cn, OFL Noto Serif SC), so no apt step is needed.
`HANDBOOK_CJK_FONT` (or an explicit path) overrides the lookup; a missing or unusable font is a
FontMissingError whose message names the font, never a PDF full of boxes.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

FONT_ENV = "HANDBOOK_CJK_FONT"
FONT_FAMILY = "Noto Serif SC"
FONT_FILE = "NotoSerifSC-Regular.otf"
FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_LABEL = f"{FONT_FAMILY} ({FONT_FILE}, Python package {FONT_PACKAGE})"

# Characters every handbook page needs: common Han, full-width punctuation, the editorial-note brackets,
# digits and Latin for dates, URLs and pinyin in correction reasons.
_REQUIRED = "中文乡镇党委书记的一、。，：；“”‘’（）《》〔〕…—·第页共0123456789ABCxyzāáǎà"


class FontMissingError(RuntimeError):
    """The CJK font cannot be found or cannot render the handbook's text."""


def find_cjk_font(path: str | os.PathLike | None = None) -> Path:
    """Return the CJK font file: `path`, else $HANDBOOK_CJK_FONT, else the font package's serif font."""
    if path is None:
        path = os.environ.get(FONT_ENV) or None
    if path is not None:
        font = Path(path)
        if not font.is_file():
            raise FontMissingError(
                f"CJK font {FONT_LABEL} not found at {font} (set by {FONT_ENV} or --font). "
                f"Point it at an existing {FONT_FILE}, or unset it to use the installed package."
            )
        return font
    try:
        import pylopdf_fonts_zh_cn  # noqa: PLC0415
    except ImportError as exc:
        raise FontMissingError(
            f"CJK font {FONT_LABEL} not found: the package {FONT_PACKAGE} is not installed. "
            f"Run `.venv/bin/pip install -r requirements.txt`."
        ) from exc
    font = Path(pylopdf_fonts_zh_cn.serif_path())
    if not font.is_file():
        raise FontMissingError(
            f"CJK font {FONT_LABEL} not found at {font}: the package {FONT_PACKAGE} is broken. "
            f"Reinstall it with `.venv/bin/pip install --force-reinstall -r requirements.txt`."
        )
    return font


@functools.lru_cache(maxsize=4)
def _cmap(font: Path, stamp: tuple[int, int]) -> frozenset[int]:
    from fontTools.ttLib import TTFont, TTLibError  # noqa: PLC0415

    try:
        with TTFont(font, lazy=True) as tt:
            return frozenset(tt.getBestCmap() or {})
    except (TTLibError, OSError, KeyError, AssertionError) as exc:
        raise FontMissingError(f"CJK font {FONT_LABEL} at {font} is not a readable font file: {exc}") from exc


def font_codepoints(font: Path) -> frozenset[int]:
    """Code points the font has glyphs for."""
    st = font.stat()
    return _cmap(font, (st.st_size, st.st_mtime_ns))


def missing_characters(font: Path, text: str) -> list[str]:
    """Characters of `text` (whitespace and controls aside) the font has no glyph for, in order of appearance."""
    cmap = font_codepoints(font)
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and not ch.isspace() and ord(ch) >= 0x20 and ord(ch) not in cmap:
            seen[ch] = None
    return list(seen)


def check_cjk_font(path: str | os.PathLike | None = None) -> Path:
    """Find the font and check it is a CJK font that covers the handbook's basic characters."""
    font = find_cjk_font(path)
    missing = missing_characters(font, _REQUIRED)
    if missing:
        raise FontMissingError(
            f"CJK font {FONT_LABEL} at {font} lacks glyphs for {''.join(missing)!r}; "
            f"the PDFs would print boxes. Use {FONT_FILE} from {FONT_PACKAGE}."
        )
    return font
