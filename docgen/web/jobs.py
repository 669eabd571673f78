"""Long work (a PDF, a preview, a dossier) as a job with a page of its own that shows progress.

The button's POST starts the job in a thread pool (off the event loop) and answers at once with
a redirect to ``/viec/<id>``: a small page saying what is being made and for how long, which
reloads itself every second (``<meta http-equiv="refresh">``, no JavaScript needed; with it,
app.js asks ``/viec/<id>/trang-thai`` four times a second and moves on as soon as it is done). When the
job is done the page sends the browser on to ``/viec/<id>/tai`` (the download) or shows the
result (the preview); a failure is its Vietnamese message on that page.

The id is random (``secrets``): two clerks at once each see only their own jobs. A result file
is kept in a private folder (mode 0700) of this server, under a name docgen chooses, and is
deleted once downloaded, or :data:`KEEP_SECONDS` after the job ended if nobody fetched it; the
folder goes when the server stops.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from docgen.boundary import handle_exception
from docgen.web import core

KEEP_SECONDS: Final = 15 * 60  # a finished job's result waits this long for its download
REFRESH_SECONDS: Final = 1
WORKERS: Final = 4  # jobs at once; LibreOffice itself is limited by core.LIBREOFFICE_SLOTS


@dataclass(frozen=True)
class Download:
    """A job's result as a file to download."""

    data: bytes
    filename: str  # docgen's own ASCII name, never the user's
    media_type: str


#: What a job's work returns: a file, or a whole page (the preview) shown once.
Result = Download | Response


@dataclass
class Job:
    id: str
    label: str  # what is being made, as the page says it: "PDF của Tờ trình"
    back: str  # the page the clerk came from
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None
    file: Path | None = None
    filename: str = ""
    media_type: str = ""
    page: Response | None = None
    error: str | None = None

    @property
    def running(self) -> bool:
        return self.ended is None

    def seconds(self) -> int:
        return int((self.ended or time.monotonic()) - self.started)


class Jobs:
    """The jobs of one server: a thread pool, a private folder, a table of jobs by id."""

    def __init__(self, workers: int = WORKERS, keep: float = KEEP_SECONDS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="docgen-viec")
        self._folder = Path(tempfile.mkdtemp(prefix="docgen-viec-"))  # mode 0700
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._keep = keep

    @property
    def folder(self) -> Path:
        return self._folder

    def start(self, label: str, back: str, work: Callable[[], Result]) -> Job:
        self.sweep()
        job = Job(secrets.token_urlsafe(16), label, back)
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[[], Result]) -> None:
        try:
            result = work()
            if isinstance(result, Download):
                folder = self._folder / job.id
                folder.mkdir()
                path = folder / result.filename
                path.write_bytes(result.data)
                job.file, job.filename, job.media_type = path, result.filename, result.media_type
            else:
                job.page = result
        except Exception as exc:  # noqa: BLE001 - the job's page says what went wrong
            job.error = handle_exception(exc, job.label).message
        job.ended = time.monotonic()

    def get(self, job_id: str) -> Job | None:
        self.sweep()
        with self._lock:
            return self._jobs.get(job_id)

    def drop(self, job: Job) -> None:
        """Forget ``job`` and delete its file."""
        with self._lock:
            self._jobs.pop(job.id, None)
        if job.file is not None:
            shutil.rmtree(job.file.parent, ignore_errors=True)

    def sweep(self) -> None:
        """Drop the jobs that ended more than ``keep`` seconds ago."""
        now = time.monotonic()
        with self._lock:
            old = [j for j in self._jobs.values() if j.ended is not None and now - j.ended > self._keep]
        for job in old:
            self.drop(job)

    def close(self) -> None:
        """No new jobs; the queued ones are cancelled; the folder and every result go."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self._folder, ignore_errors=True)


def started(request: Request, label: str, back: str, work: Callable[[], Result]) -> Response:
    """Start ``work`` as a job; the answer sends the browser to the job's page."""
    jobs: Jobs = request.app.state.jobs
    job = jobs.start(label, back, work)
    return RedirectResponse(f"/viec/{job.id}", status_code=303)


def _gone() -> Response:
    return core.html("error.html", status=404, title="Không còn việc này", message=(
        "việc này không còn: tệp đã được tải về, hoặc đã quá "
        f"{KEEP_SECONDS // 60} phút sau khi xong; quay lại trang trước để làm lại"))


async def status(request: Request) -> Response:
    jobs: Jobs = request.app.state.jobs
    job = jobs.get(request.path_params["id"])
    if job is None:
        return _gone()
    if job.running:
        return core.html("job.html", title=f"Đang tạo {job.label}", job=job, refresh=REFRESH_SECONDS)
    if job.error is not None:
        jobs.drop(job)
        return core.html("job.html", status=422, title=f"Chưa tạo được {job.label}", job=job, refresh=None)
    if job.page is not None:
        jobs.drop(job)
        return job.page
    return core.html("job.html", title=f"Đã xong {job.label}", job=job, refresh=0)


async def download(request: Request) -> Response:
    jobs: Jobs = request.app.state.jobs
    job = jobs.get(request.path_params["id"])
    if job is None:
        return _gone()
    if job.running or job.file is None:
        return RedirectResponse(f"/viec/{job.id}", status_code=303)
    try:
        data = await core.off_loop(job.file.read_bytes)
    except OSError:  # fetched a moment ago by another tab
        return _gone()
    jobs.drop(job)
    return core.attachment(data, job.filename, job.media_type)


async def progress(request: Request) -> Response:
    """How the job goes, for the page's own script (app.js): running or not, seconds so far."""
    jobs: Jobs = request.app.state.jobs
    job = jobs.get(request.path_params["id"])
    if job is None:
        return JSONResponse({"running": False, "seconds": 0})
    return JSONResponse({"running": job.running, "seconds": job.seconds()}, headers={"cache-control": "no-store"})


routes = [
    Route("/viec/{id}", status, methods=["GET"]),
    Route("/viec/{id}/trang-thai", progress, methods=["GET"]),
    Route("/viec/{id}/tai", download, methods=["GET"]),
]
