"""The PDF stage has its own size limit, whatever wrote docs/: a chapter too long for the PDF engine to
make in seconds is refused with a message naming the file, before WeasyPrint sees it."""

import pytest

from handbook.pdf.chapters import MAX_CHAPTER_BYTES, ChapterError, read_chapter


def test_an_oversized_chapter_is_refused_by_the_pdf_stage(tmp_path):
    chapter = tmp_path / "shuji" / "long.md"
    chapter.parent.mkdir()
    front = ("---\ntitle: 很长的文章\nrole: 书记\nrole_slug: shuji\nslug: long\norder: 1\nreading_minutes: 1\n"
             "source: {file: sources/raw/long.txt, site: 某网站, address: null, obtained: '2026-11-23'}\n"
             "generated_by: build_content.py\n---\n\n# 很长的文章\n\n")
    chapter.write_text(front + "书记要公道正派。\n\n" * 100, encoding="utf-8")
    assert read_chapter(chapter).slug == "long"
    chapter.write_text(front + "书记要公道正派。\n\n" * (MAX_CHAPTER_BYTES // 20), encoding="utf-8")
    with pytest.raises(ChapterError, match="long.md.*split the source"):
        read_chapter(chapter)
