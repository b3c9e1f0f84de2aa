"""MkDocs hook: the search plugin's jieba user dictionary is resolved relative to mkdocs.yml, so the
build works from any working directory, and jieba's "Building prefix dict…" chatter stays out of the
build log."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(100)  # before the search plugin reads its options
def on_config(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        base = Path(config.config_file_path).resolve().parent
        for key in ("jieba_dict", "jieba_dict_user"):
            value = search.config.get(key)
            if value and not Path(value).is_absolute():
                search.config[key] = str(base / value)
        try:
            import jieba
            jieba.setLogLevel(logging.WARNING)
        except ImportError:
            pass
    return config
