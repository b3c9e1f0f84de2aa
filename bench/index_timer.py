"""MkDocs hook used by bench/search_bench.py: the time spent building the search index, whichever
builds it (Material's search plugin, for the baseline's search, or the handbook/search-index plugin,
for Pagefind's), printed on stderr at the end of the build."""

from __future__ import annotations

import sys
import time

from mkdocs.plugins import event_priority

INDEX_PLUGINS = ("material/search", "handbook/search-index")
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
    indexers = [p for p in map(config.plugins.get, INDEX_PLUGINS) if p is not None]
    for event, methods in config.plugins.events.items():
        if event != "config":  # the list being run now
            methods[:] = [_timed(m) if any(getattr(m, "__self__", None) is p for p in indexers) else m
                          for m in methods]
    return config


@event_priority(-100)
def on_post_build(config):
    print(f"search index build: {_spent[0]:.2f} s", file=sys.stderr)
