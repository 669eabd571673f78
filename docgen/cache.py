"""docgen's cache folder: things computed from docgen's own files, kept between runs.

``$XDG_CACHE_HOME/docgen`` (``~/.cache/docgen`` when unset or relative); ``DOCGEN_CACHE=0`` turns
every cache off. Two caches live there: the law data's records (:func:`docgen.law.records.cached`)
and the checker's compiled regular expressions (:mod:`docgen.lazy_re`). Nothing in it is the
user's work: a stale, corrupt or unreadable entry is ignored and rebuilt, and a folder that cannot
be written is simply not used.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("DOCGEN_CACHE", "1") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "docgen"


def store(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through docgen's one writer (:func:`docgen.output.write_output`:
    atomic, a reader sees the old file or the new one); False, and nothing left behind, when it
    cannot be written. The folder is the user's own (0700)."""
    from docgen.errors import DocgenError
    from docgen.output import write_output

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_output(path, data, force=True)
    except (OSError, DocgenError):
        return False
    return True
