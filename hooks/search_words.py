"""MkDocs hook: let the search find a word inside a longer word.

Material's search plugin segments Chinese text with jieba (precise mode) and the browser matches a
typed word against the start of those words only. A handbook term kept whole — 乡镇党委书记 — would
then never be found by 党委书记 or 书记. This hook adds one more search field to every entry of
search/search_index.json, `segments`: the dictionary words found inside each longer word of the
entry (党委, 书记, 党委书记 for 乡镇党委书记), those that are not already words of the entry. The field
is searched (mkdocs.yml: plugins.search.fields.segments) but never shown, so result previews and
highlighting stay those of the text.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_words")

FIELD = "segments"
HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]+$")
TAG = re.compile(r"<[^>]+>")


def _dictionary():
    import jieba

    jieba.initialize()  # idempotent; the search plugin already loaded the user dictionary into it
    return jieba.dt.FREQ


def inner_words(word: str, freq: dict) -> list[str]:
    """Dictionary words of two characters or more strictly inside `word`."""
    found = []
    for size in range(len(word) - 1, 1, -1):
        for start in range(0, len(word) - size + 1):
            part = word[start:start + size]
            if freq.get(part):
                found.append(part)
    return found


def segments(entry: dict, separator: re.Pattern, freq: dict) -> str:
    text = TAG.sub(" ", (entry.get("title") or "") + " " + (entry.get("text") or ""))
    tokens = {t for t in separator.split(text) if t}
    extra = set()
    for token in tokens:
        if len(token) > 2 and HAN.match(token):
            extra.update(inner_words(token, freq))
    return "\u200b".join(sorted(extra - tokens))


@event_priority(100)  # before the search plugin loads jieba's dictionaries
def on_config(config):
    try:
        import jieba
    except ImportError:
        return config
    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict…" chatter in the build log
    return config


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or FIELD not in (search.config.get("fields") or {}):
        return
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    freq = _dictionary()
    added = 0
    for entry in index["docs"]:
        value = segments(entry, separator, freq)
        if value:
            entry[FIELD] = value
            added += value.count("\u200b") + 1
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.debug(f"search: {added} inner words added to {len(index['docs'])} entries")
