"""Reading raw pages: every encoding and line ending an editor may bring, and files that are not text."""

import codecs
import json
import subprocess
import sys

import pytest

from tests.repo import fixture_repo

ESSAY = "镇长要把群众的事当作自己的事\n\n镇长要经常深入农户，倾听群众呼声，解决实际困难。\n\n要带头落实民主集中制，团结班子成员。\n"


def clean(path) -> subprocess.CompletedProcess:
    root = fixture_repo()
    return subprocess.run([sys.executable, str(root / "build_content.py"), "clean", str(path), "--json"],
                          capture_output=True, text=True, cwd=root)


@pytest.mark.parametrize("name, data", [
    ("gbk", ESSAY.encode("gbk")),
    ("gb18030", ESSAY.encode("gb18030")),
    ("big5", "鎮長要把群眾的事當作自己的事\n\n鎮長要經常深入農戶，傾聽群眾呼聲，解決實際困難。\n\n要帶頭落實民主集中制，團結班子成員。\n".encode("big5")),
    ("utf16le", codecs.BOM_UTF16_LE + ESSAY.encode("utf-16-le")),
    ("utf16be", codecs.BOM_UTF16_BE + ESSAY.encode("utf-16-be")),
    ("utf8bom", codecs.BOM_UTF8 + ESSAY.encode("utf-8")),
    ("crlf", ESSAY.replace("\n", "\r\n").encode("utf-8")),
    ("cr", ESSAY.replace("\n", "\r").encode("utf-8")),
    ("nul", ESSAY.replace("深入", "深\x00入").encode("utf-8")),
])
def test_every_encoding_and_line_ending_gives_the_same_essay(tmp_path, name, data):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    result = clean(path)
    assert result.returncode == 0, result.stderr
    essays = json.loads(result.stdout)["essays"]
    assert [e["title"] for e in essays] == ["镇长要把群众的事当作自己的事"]
    assert "镇长要经常深入农户，倾听群众呼声，解决实际困难。" in essays[0]["markdown"]
    assert essays[0]["role"] == "镇长"


@pytest.mark.parametrize("name, data", [("empty.txt", b""), ("blank.txt", b" \n\t\r\n\n")])
def test_empty_pages_give_no_essay_and_say_so(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = clean(path)
    # a page that cannot become a chapter is not a success
    assert result.returncode == 1 and json.loads(result.stdout)["essays"] == []
    assert f"{path}: no essay found" in result.stderr


@pytest.mark.parametrize("name, data", [
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("word.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4),
])
def test_binary_files_get_a_one_line_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = clean(path)
    assert result.returncode == 2
    assert name in result.stderr and "binary" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_html_page_keeps_the_article_and_drops_scripts_styles_and_navigation(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html><head><title>x</title><script>alert('广告')</script>"
                    "<style>p{color:red}</style></head><body><nav>首页 | 范文</nav><article>"
                    "<h1>组工干部要甘为人梯</h1><p>组工干部要甘当伯乐，为干部成长搭台子、压担子。</p>"
                    "<p>要公道正派，让组织工作经得起检验。</p></article></body></html>", encoding="utf-8")
    data = json.loads(clean(path).stdout)
    assert [e["title"] for e in data["essays"]] == ["组工干部要甘为人梯"]
    markdown = data["essays"][0]["markdown"]
    assert "为干部成长搭台子、压担子。" in markdown
    assert "alert" not in markdown and "color" not in markdown and "首页" not in markdown


def test_a_50_mb_page_is_refused_with_the_limit_named(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes("乡镇干部要深入群众。\n".encode("utf-8") * 1_700_000)
    assert path.stat().st_size > 50_000_000
    result = clean(path)
    assert result.returncode == 2
    assert "huge.txt" in result.stderr and "max_source_bytes" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
