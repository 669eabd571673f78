"""``docgen check --watch``: check a draft again each time it is saved (issue 10).

A cold ``docgen check`` pays Python's start, the imports and the first use of the patterns and the
law data before it reads a line (about 0.25 s); a check in a warm process costs only the draft
(0.16 s for a 29-page plan as .txt, 0.2 s as .docx, bench/check.py "trong tiến trình"). So the
watch keeps one process and polls the files' size and modification time (no extra dependency;
a save is seen within ``interval``).

A file is checked once its size and time have held still for one interval: an editor that
writes a file in place is not read half-written, and Word's save (a temporary file renamed over
the draft) is seen whole. Word's lock files ("~$…"), hidden folders and docgen's own outputs are
skipped as by ``check`` on a folder (:func:`docgen.check.runner.expand_paths`), and so are the files
the watch's own output goes to (``--watch . > ket-qua.txt`` would otherwise check its report at
every round). A file that cannot be read in a round (removed, corrupt) is reported by that round
and watched again.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from docgen.errors import DocgenError

Stamp = tuple[int, int]  # (st_mtime_ns, st_size)


def stamps(paths: Iterable[str], skip: frozenset[tuple[int, int]] = frozenset()) -> dict[str, Stamp]:
    """The drafts under ``paths`` (files and folders, as ``check`` expands them) with their stamps;
    a path that does not exist (yet, or any more) is left out, and so is a file whose (device,
    inode) is in ``skip``."""
    from docgen.check.runner import expand_paths

    out: dict[str, Stamp] = {}
    for raw in paths:
        try:
            files = list(expand_paths([raw])) if Path(raw).exists() else []
        except DocgenError:
            files = []  # a folder without drafts: nothing to watch in it yet
        for f in files:
            try:
                st = os.stat(f)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) not in skip:
                out[f] = (st.st_mtime_ns, st.st_size)
    return out


def own_outputs() -> frozenset[tuple[int, int]]:
    """(device, inode) of the files this process's stdout and stderr write to: ``docgen check
    --watch . > ket-qua.txt`` must not check its own report, which changes at every round."""
    out: set[tuple[int, int]] = set()
    for fd in (1, 2):
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            out.add((st.st_dev, st.st_ino))
    return frozenset(out)


def watch(
    paths: list[str],
    check_round: Callable[[list[str]], None],
    *,
    interval: float = 0.5,
    announce: Callable[[str], None] = print,
    polls: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Check ``paths`` now, then every changed draft once it holds still, until Ctrl-C.

    ``check_round`` checks a list of files and prints their report; ``announce`` prints a line
    about the watch itself. ``polls`` (for tests) stops after that many polls.
    """
    skip = own_outputs()
    seen = stamps(paths, skip)
    waiting: dict[str, Stamp] = {}  # changed files and the stamp they had at the last poll
    done = 0
    try:
        # the drafts found, and the paths that do not exist yet (the first round says so)
        check_round(sorted(seen) + [p for p in paths if not Path(p).exists()])
        announce(f"Đang theo dõi {_count(len(seen))}; kiểm tra lại mỗi lần lưu. Nhấn Ctrl-C để dừng.")
        while polls is None or done < polls:
            sleep(interval)
            done += 1
            now = stamps(paths, skip)
            changed = {f: st for f, st in now.items() if seen.get(f) != st}
            ready = sorted(f for f, st in changed.items() if waiting.get(f) == st)
            waiting = {f: st for f, st in changed.items() if f not in ready}
            for f in [f for f in seen if f not in now]:
                del seen[f]
                announce(f"{time.strftime('%H:%M:%S')} · {f}: không còn tệp này")
            if ready:
                seen.update({f: now[f] for f in ready})
                announce(f"{time.strftime('%H:%M:%S')} · kiểm tra lại: {', '.join(ready)}")
                check_round(ready)
    except KeyboardInterrupt:
        announce("Đã dừng theo dõi.")


def _count(n: int) -> str:
    return f"{n} tệp" if n else "các đường dẫn đã cho (chưa có tệp nào)"
