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
    """Write ``data`` to ``path`` atomically (a reader sees the old file or the new one, never
    half of one); False, and nothing left behind, when it cannot be written."""
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
