"""Deterministic zip files and atomic writes, for the EPUBs and the offline copy.

The same entries give the same bytes: every entry carries one fixed timestamp (1980-01-01, the
earliest a zip can say), Unix permissions 0644 and no extra fields; the caller gives the order.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(entries, level: int = 9) -> bytes:
    """A zip of (name, bytes, stored) entries in the order given; `stored` entries are not compressed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, stored in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, data, compresslevel=None if stored else level)
    return buf.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `path` through a temporary file beside it, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
