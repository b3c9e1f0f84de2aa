"""The chapter contract (handbook/contract.py): what the pipeline writes is what the site hook and the
PDF code read back, and a chapter that breaks it is reported by file and key."""

import pytest
import yaml

from handbook.contract import GENERATED_BY, NOTE, ChapterMeta
from handbook.model import Correction, Essay, SourceEntry
from handbook.pdf import ChapterError, load_chapters
from handbook.render import environment, render_chapter

ESSAY = Essay(title="乡镇党委书记谈增强公仆意识", paragraphs=["要增强公仆意识。"], notes=["〔原文此处缺失〕原文编号不连续，有 1 处内容缺失。"],
              warnings=(), corrections=[Correction("sources/raw/a.txt", "勾通", "沟通", "错别字")], role="书记",
              slug="gongpu-yishi", markdown="# 乡镇党委书记谈增强公仆意识\n\n要增强公仆意识。〔原文此处缺失〕\n")
SOURCE = SourceEntry(file="sources/raw/a.txt", site="写写帮文库", address=None, obtained="2026-11-22")


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("\n---\n", 1)[0].lstrip("-\n"))


def test_what_the_pipeline_writes_is_what_the_readers_read():
    chapter = render_chapter(environment(), ESSAY, SOURCE, "shuji", 2, 400)
    meta = front_matter(chapter.text)
    assert ChapterMeta.is_chapter(meta) and ChapterMeta.missing(meta) == []
    read = ChapterMeta.read(meta)
    assert (read.title, read.role, read.role_slug, read.slug, read.order) == (ESSAY.title, "书记", "shuji", ESSAY.slug, 2)
    assert read.source["file"] == SOURCE.file and read.corrections[0]["replace"] == "沟通"
    assert read.generated_by == GENERATED_BY and read.front_matter() == meta


def test_a_chapter_without_a_required_key_is_named_by_the_hook_check_and_the_pdf(tmp_path):
    chapter = render_chapter(environment(), ESSAY, SOURCE, "shuji", 1, 400)
    broken = chapter.text.replace("reading_minutes: 1\n", "")
    assert ChapterMeta.missing(front_matter(broken)) == ["reading_minutes"]
    (tmp_path / "docs" / "shuji").mkdir(parents=True)
    (tmp_path / "docs" / "shuji" / "gongpu-yishi.md").write_text(broken, encoding="utf-8")
    with pytest.raises(ChapterError, match=r"gongpu-yishi\.md: lacks front matter reading_minutes"):
        load_chapters(tmp_path / "docs")


def test_hand_written_pages_and_indexes_are_not_chapters():
    assert not ChapterMeta.is_chapter({"title": "关于本书"})
    assert not ChapterMeta.is_chapter({"title": "书记", "generated_by": GENERATED_BY})


def test_the_note_pattern_finds_the_editors_notes_only():
    text = "要增强公仆意识〔原文此处缺失〕，加强〔〕团结。"
    assert NOTE.findall(text) == ["〔原文此处缺失〕"]

