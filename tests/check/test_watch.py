"""``docgen check --watch``: a draft is checked again each time it is saved, in one warm process."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.check.watch import watch

ROOT = Path(__file__).resolve().parents[2]
WRONG = "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 26/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.\n"
RIGHT = "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.\n"


def _save(path: Path, text: str) -> None:
    """Write ``text`` and move the file's time on, as a save a moment later would."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def _scripted(steps: list[Callable[[], None]]) -> Callable[[float], None]:
    """A ``sleep`` that performs the next step of a script instead of waiting."""
    pending = list(steps)

    def sleep(_: float) -> None:
        if pending:
            pending.pop(0)()

    return sleep


def test_a_saved_file_is_checked_once_it_holds_still(tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text(WRONG, encoding="utf-8")
    rounds: list[list[str]] = []
    lines: list[str] = []
    nothing = lambda: None  # noqa: E731
    steps = [
        nothing,                           # poll 1: unchanged → no round
        lambda: _save(draft, RIGHT),       # poll 2: changed, not yet still
        nothing,                           # poll 3: still → checked
        nothing,                           # poll 4: unchanged → no round
    ]
    watch([str(tmp_path)], rounds.append, interval=0.0, announce=lines.append, polls=4, sleep=_scripted(steps))
    assert rounds == [[str(draft)], [str(draft)]]
    assert any("kiểm tra lại" in line and str(draft) in line for line in lines)


def test_a_new_draft_in_a_watched_folder_is_checked_and_a_removed_one_is_said(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(RIGHT, encoding="utf-8")
    second = tmp_path / "b.txt"
    rounds: list[list[str]] = []
    lines: list[str] = []
    steps = [
        lambda: (second.write_text(WRONG, encoding="utf-8"), None)[1],
        lambda: first.unlink(),
        lambda: None,
    ]
    watch([str(tmp_path)], rounds.append, interval=0.0, announce=lines.append, polls=3, sleep=_scripted(steps))
    assert rounds == [[str(first)], [str(second)]]
    assert any("không còn tệp này" in line and str(first) in line for line in lines)


def test_a_file_written_at_every_poll_waits_until_it_holds_still(tmp_path: Path) -> None:
    draft = tmp_path / "dang-ghi.txt"
    draft.write_text("", encoding="utf-8")
    rounds: list[list[str]] = []
    growing = [lambda k=k: _save(draft, RIGHT[: 10 * (k + 1)]) for k in range(4)]  # type: ignore[misc]
    watch([str(draft)], rounds.append, interval=0.0, announce=lambda _: None, polls=4, sleep=_scripted(growing))
    assert rounds == [[str(draft)]]  # only the first round: it never held still


# ---- the command, end to end, in its own process


def _reader(stream: object, into: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)


def _interrupt(proc: subprocess.Popen[str]) -> int:
    """Ctrl-C to a running watch; its exit code (killed, and the timeout raised, if it hangs)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise


def _wait_for(lines: queue.Queue[str], seen: list[str], needle: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not any(needle in line for line in seen):
        try:
            seen.append(lines.get(timeout=max(0.0, deadline - time.monotonic())))
        except queue.Empty:
            pytest.fail(f"no “{needle}” within {timeout} s; got {seen}")


def test_check_watch_reports_again_after_a_save_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text(WRONG, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-P", "-c", "from docgen.cli import main; main()", "check", "--watch", "--interval", "0.1", str(draft)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    out: queue.Queue[str] = queue.Queue()
    err: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, out), daemon=True).start()
    threading.Thread(target=_reader, args=(proc.stderr, err), daemon=True).start()
    seen_out: list[str] = []
    seen_err: list[str] = []
    try:
        _wait_for(out, seen_out, "REF002")
        _wait_for(err, seen_err, "Đang theo dõi 1 tệp")
        _save(draft, RIGHT)
        _wait_for(err, seen_err, "· kiểm tra lại:")
        _wait_for(out, seen_out, "Không tìm thấy vấn đề nào")
    finally:
        code = _interrupt(proc)
    assert code == 0
    _wait_for(err, seen_err, "Đã dừng theo dõi.")
    assert not any("Traceback" in line for line in seen_out + seen_err)


@pytest.mark.parametrize("extra", [["--fix"], ["--annotate"], ["-o", "bao-cao.txt"]])
def test_watch_refuses_options_that_write(tmp_path: Path, extra: list[str]) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text(WRONG, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-P", "-c", "from docgen.cli import main; main()", "check", "--watch", *extra, str(draft)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path, timeout=60,
    )
    assert run.returncode == 2
    assert "--watch không dùng cùng" in run.stderr and extra[0] in run.stderr
    assert "Traceback" not in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["du-thao.txt"]  # nothing written


def test_a_save_that_replaces_the_file_is_seen(tmp_path: Path) -> None:
    """Word and LibreOffice save to a temporary file and rename it over the draft."""
    draft = tmp_path / "du-thao.txt"
    draft.write_text(WRONG, encoding="utf-8")
    rounds: list[list[str]] = []

    def save_by_rename() -> None:
        temp = tmp_path / "~WRL0001.tmp"  # not a draft: never checked itself
        temp.write_text(RIGHT + "Thêm một dòng.\n", encoding="utf-8")
        os.replace(temp, draft)

    watch([str(tmp_path)], rounds.append, interval=0.0, announce=lambda _: None, polls=3,
          sleep=_scripted([save_by_rename, lambda: None, lambda: None]))
    assert rounds == [[str(draft)], [str(draft)]]


def test_the_watch_does_not_check_its_own_report(tmp_path: Path) -> None:
    """``docgen check --watch . > ket-qua.txt``: the report grows at every round, in the folder."""
    (tmp_path / "du-thao.txt").write_text(WRONG, encoding="utf-8")
    report = tmp_path / "ket-qua.txt"
    with report.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-P", "-c", "from docgen.cli import main; main()", "check", "--watch", "--interval", "0.05", str(tmp_path)],
            stdout=out, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        err: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_reader, args=(proc.stderr, err), daemon=True).start()
        seen: list[str] = []
        try:
            _wait_for(err, seen, "Đang theo dõi 1 tệp")  # du-thao.txt only, not ket-qua.txt
            time.sleep(1.0)  # some twenty polls: time for a loop on the report to show
        finally:
            code = _interrupt(proc)
    assert code == 0
    _wait_for(err, seen, "Đã dừng theo dõi.")
    assert not [line for line in seen if "· kiểm tra lại:" in line], seen
    assert "REF002" in report.read_text(encoding="utf-8")


def test_a_path_that_does_not_exist_yet_is_said_then_checked_when_it_appears(tmp_path: Path) -> None:
    later = tmp_path / "chua-co.txt"
    rounds: list[list[str]] = []
    steps = [lambda: later.write_text(RIGHT, encoding="utf-8"), lambda: None]
    watch([str(later)], rounds.append, interval=0.0, announce=lambda _: None, polls=2, sleep=_scripted(steps))
    assert rounds == [[str(later)], [str(later)]]  # the first round reports it missing
