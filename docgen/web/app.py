"""The ASGI application: routes of each tab, static files, the middleware of :mod:`guard`."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from docgen.render import warm
from docgen.web import check, compose, core, dossier, dossier_form, jobs, lookup
from docgen.web.guard import BodyLimit, ErrorBoundary, TokenGuard


async def home(request: Request) -> Response:
    return RedirectResponse("/kiem-tra", status_code=303)


async def http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own refusals (no such page, wrong method) in Vietnamese."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    message = {404: "không có trang này; chọn một mục ở đầu trang", 405: "trang này không nhận yêu cầu kiểu đó"}.get(
        status, "yêu cầu không thực hiện được")
    return HTMLResponse(core.error_page(status, message), status_code=status)


def create_app(token: str, *, upload_bytes: int = core.UPLOAD_BYTES, warm_start: bool = False) -> Starlette:
    """The page, answering only requests that carry ``token`` (see :class:`TokenGuard`).

    While the app runs (its lifespan), one LibreOffice is kept for every PDF
    (:class:`docgen.render.warm.WarmOffice`, started on the first PDF, or at once with
    ``warm_start``); it is stopped, and the jobs' folder removed, when the app stops."""
    office = warm.WarmOffice()
    job_table = jobs.Jobs()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        warm.activate(office)
        if warm_start and warm.available():
            threading.Thread(target=_start_quietly, args=(office,), name="docgen-warm-start", daemon=True).start()
        try:
            yield
        finally:
            warm.deactivate(office)
            job_table.close()
            office.close()

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/", home, methods=["GET"]),
            *check.routes, *compose.routes, *dossier.routes, *dossier_form.routes, *lookup.routes, *jobs.routes,
            Mount("/tep", StaticFiles(directory=core.HERE / "static"), name="static"),
        ],
        middleware=[
            Middleware(ErrorBoundary, page=core.error_page),
            Middleware(TokenGuard, token=token, page=core.error_page),
            Middleware(BodyLimit, limit=upload_bytes),
        ],
        exception_handlers={HTTPException: http_error},
    )
    app.state.upload_bytes = upload_bytes
    app.state.office = office
    app.state.jobs = job_table
    return app


def _start_quietly(office: warm.WarmOffice) -> None:
    """Start LibreOffice ahead of the first PDF; a failure only means that PDF starts it (or is cold)."""
    try:
        office.start()
    except Exception:  # noqa: BLE001 - the first conversion tries again and says why
        pass
