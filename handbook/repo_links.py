"""Links into the repository that holds the handbook: where a repo-relative file (a raw source, a
template, the manifest) is edited and viewed. From mkdocs.yml: repo_url, edit_uri, and optionally
extra.handbook.edit_root / view_root for hosts that are not GitHub-like."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin


@dataclass(frozen=True)
class RepoLinks:
    edit_root: str | None  # URL that a repo-relative path is appended to; None: no repository set
    view_root: str | None

    @classmethod
    def from_config(cls, config) -> RepoLinks:
        repo_url = config.repo_url
        edit_uri = config.edit_uri
        if not repo_url or not edit_uri:
            return cls(None, None)
        settings = (config.extra or {}).get("handbook") or {}
        edit_root = settings.get("edit_root")
        if not edit_root:
            # edit_uri points into docs/ ("edit/main/docs/"); the repository root is one level up.
            docs_rel = Path(config.docs_dir).resolve().relative_to(Path(config.config_file_path).resolve().parent)
            suffix = docs_rel.as_posix().strip("/") + "/"
            edit_root = edit_uri[: -len(suffix)] if edit_uri.endswith(suffix) else edit_uri
        view_root = settings.get("view_root") or edit_root.replace("edit/", "blob/", 1)
        base = repo_url if repo_url.endswith("/") else repo_url + "/"
        return cls(urljoin(base, edit_root), urljoin(base, view_root))

    def edit(self, path: str | None) -> str | None:
        return _join(self.edit_root, path)

    def view(self, path: str | None) -> str | None:
        return _join(self.view_root, path)


def _join(root: str | None, path: str | None) -> str | None:
    if not root or not path:
        return None
    # percent-encoded: a raw file's name is untrusted and ends up in an href
    return root + quote(posixpath.normpath(path).lstrip("/"), safe="/")
