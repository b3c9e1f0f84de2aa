"""Print and PDF: per-chapter PDFs and the whole-handbook PDF, rendered by WeasyPrint from print HTML.

API:
    find_cjk_font(path=None) / check_cjk_font(path=None)   -> Path   (FontMissingError names the font)
    load_chapters(docs_dir) -> [ChapterFile];  group_by_role(chapters, docs_dir) -> [RoleGroup]
    chapter_html(chapter, font) / book_html(groups, font)   -> str  (print HTML)
    render_chapter_pdf(chapter, out, font=None) / render_book_pdf(groups, out, font=None) -> Path
    build_pdfs(docs_dir, site_dir, cache_dir=None, font=None) -> BuildResult   (what the mkdocs hook runs)
Command line: python -m handbook.pdf SITE_DIR [--docs docs] [--cache build/pdf-cache] [--font FILE]
"""

from .build import BuildResult, PdfResult, build_pdfs
from .chapters import ChapterError, ChapterFile, RoleGroup, group_by_role, load_chapters, read_chapter
from .fonts import FONT_ENV, FONT_FAMILY, FONT_FILE, FontMissingError, check_cjk_font, find_cjk_font
from .render import book_html, chapter_html, render_book_pdf, render_chapter_pdf

__all__ = [
    "BuildResult", "PdfResult", "build_pdfs",
    "ChapterError", "ChapterFile", "RoleGroup", "group_by_role", "load_chapters", "read_chapter",
    "FONT_ENV", "FONT_FAMILY", "FONT_FILE", "FontMissingError", "check_cjk_font", "find_cjk_font",
    "book_html", "chapter_html", "render_book_pdf", "render_chapter_pdf",
]
