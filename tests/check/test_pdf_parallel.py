"""A long PDF is read by several processes (issue 10); what it reads is what one process reads."""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from docgen.check.inputs import pdf as P

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    """Twelve pages or more: the fixture PDFs (docgen's, and LibreOffice's of the held-out drafts) one after another."""
    writer = PdfWriter()
    sources = sorted(p for p in FIXTURES.rglob("*.pdf") if p.name not in {"broken.pdf", "encrypted.pdf"})
    while len(writer.pages) < 12:
        for source in sources:
            writer.append(str(source))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _flat(pages: list[list[tuple[str, Any]]]) -> list[list[tuple[str, Any]]]:
    return [[(text, [(p.text, p.x, p.y, p.size, p.sup) for p in line.pieces], line.y, line.size) for text, line in page]
            for page in pages]


def test_pages_read_by_workers_equal_pages_read_here(long_pdf: bytes) -> None:
    serial = P._all_page_lines(PdfReader(io.BytesIO(long_pdf)), long_pdf, workers=1)
    parallel = P._all_page_lines(PdfReader(io.BytesIO(long_pdf)), long_pdf, workers=3)
    assert len(serial) >= 12 and sum(len(page) for page in serial) > 100
    assert _flat(parallel) == _flat(serial)


def test_the_draft_is_the_same_read_either_way(long_pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(P, "reading_workers", lambda pages: 2)
    parallel = P.pdf_draft(long_pdf, "dai.pdf")
    monkeypatch.setattr(P, "reading_workers", lambda pages: 1)
    serial = P.pdf_draft(long_pdf, "dai.pdf")
    assert (parallel.text, parallel.pages, parallel.line_starts) == (serial.text, serial.pages, serial.line_starts)


def test_who_reads_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert P.reading_workers(P.PARALLEL_PAGES - 1) == 1  # a short PDF: not worth the processes
    assert P.reading_workers(100) == 2  # one per processor
    answer: list[int] = []
    thread = threading.Thread(target=lambda: answer.append(P.reading_workers(100)))
    thread.start()
    thread.join()
    assert answer == [1]  # a process with other threads (the web server) does not fork


def _dies_in_a_worker(page: Any) -> Any:
    if multiprocessing.parent_process() is not None:
        os._exit(1)
    return _real_page_lines(page)


_real_page_lines = P._page_lines


def test_a_worker_that_dies_leaves_the_reading_to_this_process(long_pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = P._all_page_lines(PdfReader(io.BytesIO(long_pdf)), long_pdf, workers=1)
    monkeypatch.setattr(P, "_page_lines", _dies_in_a_worker)
    again = P._all_page_lines(PdfReader(io.BytesIO(long_pdf)), long_pdf, workers=2)
    assert _flat(again) == _flat(serial)
