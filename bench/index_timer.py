"""MkDocs hook used by bench/search_bench.py: the time spent building the search index, whichever
builds it (Material's search plugin, for today's search, or hooks/search_index.py, for Pagefind's),
printed on stderr at the end of the build."""

from __future__ import annotations

import sys
import time

from mkdocs.plugins import event_priority

INDEX_HOOK = "hooks/search_index.py"
_spent = [0.0]


def _timed(method):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            _spent[0] += time.perf_counter() - start
    return run


@event_priority(100)
def on_config(config):
    search = config.plugins.get("material/search")
    for event, methods in config.plugins.events.items():
        if event != "config":  # the list being run now
            methods[:] = [_timed(m) if getattr(m, "__self__", None) is search or getattr(m, "__module__", "") == INDEX_HOOK
                          else m for m in methods]
    return config


@event_priority(-100)
def on_post_build(config):
    print(f"search index build: {_spent[0]:.2f} s", file=sys.stderr)
