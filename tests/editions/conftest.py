"""Fixtures for the EPUB and offline-copy tests (issue 16): the EPUBs of a pinned fixture handbook with
one hostile chapter added, built once per session into a temporary site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.epub import build_epubs
from tests.pdf.helpers import FIXTURE_DOCS

# A chapter whose every field a contributor or a raw page controls holds markup: the EPUB must show it as
# text. The body is escaped as build_content.py writes it (handbook.structure.escape_markdown).
HOSTILE = """---
title: '<img src=x onerror="alert(1)">标题 & 副题'
role: 书记
role_slug: shuji
slug: hostile
order: 9
source:
  file: sources/raw/hostile.txt
  site: '<b>恶意</b>网站'
  address: 'https://example.com/?a=1&b=<2>'
  obtained: '2026-11-23'
corrections:
  - find: '<script>'
    replace: '&amp;'
    reason: '<i>理由</i>'
notes:
  - '〔原文至此不完整〕<br>注'
characters: 30
reading_minutes: 1
generated_by: build_content.py
---

# &lt;img src=x onerror="alert(1)"&gt;标题 &amp; 副题

正文第一段，含有 &lt;script&gt;alert(1)&lt;/script&gt; 这样的文字。

## 第一节&lt;br&gt;

一段话。
"""


def make_docs(target: Path) -> Path:
    """The PDF tests' fixture chapters plus the hostile chapter, in `target`/docs."""
    docs = target / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    (docs / "shuji" / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    return docs


@pytest.fixture(scope="session")
def epub_site(tmp_path_factory):
    """(docs dir, site dir, EpubBuild) of the fixture handbook."""
    root = tmp_path_factory.mktemp("epub")
    docs = make_docs(root)
    result = build_epubs(docs, root / "site", cache_dir=root / "cache", title="测试读本")
    return docs, root / "site", result
